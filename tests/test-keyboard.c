/* test-keyboard.c: the window by keyboard alone, with real key events, under Xvfb
 *
 *   xvfb-run -a -s "-screen 0 1600x1000x24" dbus-run-session -- meson test -C build test-keyboard
 *
 * The window lives in this process; the keys come from `xdotool key` (XTEST),
 * run while the main loop turns, so they travel through the X server and
 * GTK's own event handling exactly as typed keys do. There is no window
 * manager: the window is given the input focus with `xdotool windowfocus`.
 * Skips when there is no X display or no xdotool.
 *
 * The report's requests table (27 × 11): row 0 is one cell spanning 9
 * columns, row 1 the column headers, rows 2 on a label spanning columns 0-1
 * (or two labels) and values in columns 2-8 (column 8 the total).
 */
#include <adwaita.h>
#include <gdk/x11/gdkx.h>
#include <string.h>

#include "cf-test-gui.h"
#include "cf-cell-labels.h"

#define REPORT "zibo-gaoxin-psb-2022.txt"

static CfApplication *app;

/* xdotool ------------------------------------------------------------------------ */

static gboolean
subprocess_done (gpointer data)
{
  return g_object_get_data (data, "cf-done") != NULL;
}

static void
on_subprocess_exited (GObject *source, GAsyncResult *result, gpointer data)
{
  g_subprocess_wait_finish (G_SUBPROCESS (source), result, NULL);
  g_object_set_data (source, "cf-done", GINT_TO_POINTER (1));
}

/* Runs xdotool with @args while the main loop turns (the keys it sends come
 * back to this process), then lets the window catch up for @settle seconds. */
static void
run_xdotool (const char *const *args, double settle)
{
  g_autoptr (GPtrArray) argv = g_ptr_array_new ();
  g_autoptr (GError) error = NULL;
  g_autoptr (GSubprocess) process = NULL;

  g_ptr_array_add (argv, (gpointer) "xdotool");
  for (guint i = 0; args[i] != NULL; i++)
    g_ptr_array_add (argv, (gpointer) args[i]);
  g_ptr_array_add (argv, NULL);
  process = g_subprocess_newv ((const char *const *) argv->pdata, G_SUBPROCESS_FLAGS_STDERR_SILENCE,
                               &error);
  g_assert_no_error (error);
  g_subprocess_wait_async (process, NULL, on_subprocess_exited, NULL);
  g_assert_true (cf_test_spin_until (subprocess_done, process, cf_test_time_limit (30)));
  g_assert_true (g_subprocess_get_if_exited (process));
  g_assert_cmpint (g_subprocess_get_exit_status (process), ==, 0);
  cf_test_spin_for (settle);
}

static gboolean
window_is_active (gpointer window)
{
  return gtk_window_is_active (window);
}

/* Gives @window the X input focus (no window manager does it here). */
static void
focus_window (CfWindow *window)
{
  GdkSurface *surface = gtk_native_get_surface (GTK_NATIVE (window));
  g_autofree char *xid = NULL;

  g_assert_true (GDK_IS_X11_SURFACE (surface));
  xid = g_strdup_printf ("%lu", (gulong) gdk_x11_surface_get_xid (surface));
  gtk_window_present (GTK_WINDOW (window));
  run_xdotool ((const char *[]) { "windowraise", xid, NULL }, 0.05);
  run_xdotool ((const char *[]) { "windowfocus", "--sync", xid, NULL }, 0.1);
  g_assert_true (cf_test_spin_until (window_is_active, window, cf_test_time_limit (10)));
}

/* Types @keys (xdotool key names: "Right", "shift+Tab", "ctrl+c", "7"),
 * NULL-terminated, one after the other. */
static void
press (const char *first, ...)
{
  g_autoptr (GPtrArray) args = g_ptr_array_new ();
  va_list ap;

  g_ptr_array_add (args, (gpointer) "key");
  g_ptr_array_add (args, (gpointer) "--delay");
  g_ptr_array_add (args, (gpointer) "60");
  va_start (ap, first);
  for (const char *key = first; key != NULL; key = va_arg (ap, const char *))
    g_ptr_array_add (args, (gpointer) key);
  va_end (ap);
  g_ptr_array_add (args, NULL);
  run_xdotool ((const char *const *) args->pdata, 0.25);
}

/* The window and its grid ------------------------------------------------------------ */

static gboolean
skip_without_xdotool (void)
{
  g_autofree char *xdotool = g_find_program_in_path ("xdotool");

  if (xdotool != NULL && GDK_IS_X11_DISPLAY (gdk_display_get_default ()))
    return FALSE;
  g_test_skip ("needs xdotool and an X11 display");
  return TRUE;
}

/* A fresh data folder: the corrections store starts empty. */
static char *
setup_data_dir (void)
{
  char *dir = cf_test_make_tmpdir ();
  g_autofree char *data = g_build_filename (dir, "data", NULL);

  g_setenv ("CROSSFOOT_DATA_DIR", data, TRUE);
  return dir;
}

/* Opens the report, shows its requests table with (2, 2) current and
 * focused, and gives the window the keyboard. */
static CfWindow *
open_requests (CfTable **table)
{
  g_autofree char *path = cf_test_path ("corpus", "text", REPORT, NULL);
  CfWindow *window = cf_test_open_window (app, path, cf_test_time_limit (60));

  g_assert_nonnull (cf_window_get_document (window));
  cf_test_show_table_cell (window, "requests", "new", "natural_person");
  *table = cf_grid_view_get_table (cf_window_get_grid_view (window));
  g_assert_cmpint (cf_table_get_n_rows (*table), ==, 27);
  focus_window (window);
  cf_test_show_cell (window, 2, 2);
  cf_test_spin_for (0.2);
  return window;
}

static GtkWidget *
focus_widget (CfWindow *window)
{
  return gtk_root_get_focus (GTK_ROOT (window));
}

/* The focus is in @widget (itself or a part of it). */
static gboolean
focus_in (CfWindow *window, GtkWidget *widget)
{
  GtkWidget *focus = focus_widget (window);

  return widget != NULL && focus != NULL && (focus == widget || gtk_widget_is_ancestor (focus, widget));
}

/* The current cell is (@row, @col) and holds the keyboard focus. */
static void
assert_current (CfWindow *window, int row, int col)
{
  CfGridView *grid = cf_window_get_grid_view (window);
  int r = -1, c = -1;

  g_assert_true (cf_grid_view_get_selected (grid, &r, &c));
  g_assert_cmpint (r, ==, row);
  g_assert_cmpint (c, ==, col);
  g_assert_true (focus_in (window, cf_grid_view_get_cell_widget (grid, row, col)));
}

static GtkWidget *
current_widget (CfWindow *window)
{
  CfGridView *grid = cf_window_get_grid_view (window);
  int row, col;

  g_assert_true (cf_grid_view_get_selected (grid, &row, &col));
  return cf_grid_view_get_cell_widget (grid, row, col);
}

static gboolean
is_editing (CfWindow *window)
{
  GtkWidget *widget = current_widget (window);

  return GTK_IS_EDITABLE_LABEL (widget) && gtk_editable_label_get_editing (GTK_EDITABLE_LABEL (widget));
}

static const char *
text_at (CfTable *table, int row, int col)
{
  CfCell *cell = cf_table_get_origin_cell (table, row, col);

  g_assert_nonnull (cell);
  return cell->text != NULL ? cell->text : "";
}

static guint
count_errors (CfWindow *window)
{
  return cf_document_count_findings (cf_window_get_document (window), CF_SEVERITY_ERROR);
}

/* Moving ------------------------------------------------------------------------------ */

static void
test_navigate (void)
{
  g_autofree char *dir = NULL;
  CfWindow *window;
  CfTable *table;

  if (skip_without_xdotool ())
    return;
  dir = setup_data_dir ();
  window = open_requests (&table);
  assert_current (window, 2, 2);

  press ("Right", NULL);
  assert_current (window, 2, 3);
  press ("Left", NULL);
  assert_current (window, 2, 2);
  /* (2, 1) is covered by the label spanning columns 0-1. */
  press ("Left", NULL);
  assert_current (window, 2, 0);
  press ("Left", NULL);
  assert_current (window, 2, 0);
  press ("Right", NULL);
  assert_current (window, 2, 2);
  press ("Down", NULL);
  assert_current (window, 3, 2);
  press ("Up", "Up", NULL);
  assert_current (window, 1, 2);
  /* Row 0 is one cell over nine columns: its first slot stands for it. */
  press ("Up", NULL);
  assert_current (window, 0, 0);
  press ("Up", NULL);
  assert_current (window, 0, 0);
  press ("Down", NULL);
  assert_current (window, 1, 0);

  press ("Tab", NULL);
  assert_current (window, 1, 1);
  press ("Tab", "Tab", NULL);
  assert_current (window, 1, 3);
  press ("shift+Tab", NULL);
  assert_current (window, 1, 2);

  press ("Down", "End", NULL);
  assert_current (window, 2, 10);
  press ("Home", NULL);
  assert_current (window, 2, 0);
  press ("ctrl+End", NULL);
  assert_current (window, 26, 10);
  press ("Down", "Right", NULL);
  assert_current (window, 26, 10);
  press ("ctrl+Home", NULL);
  assert_current (window, 0, 0);
  press ("Page_Down", NULL);
  assert_current (window, 20, 0);

  /* Moving alone edits nothing. */
  g_assert_cmpstr (text_at (table, 2, 2), ==, "4");
  cf_test_close_window (window, 0.6);
  cf_test_rm_rf (dir);
}

/* Editing -------------------------------------------------------------------------------- */

static void
test_edit (void)
{
  g_autofree char *dir = NULL;
  CfWindow *window;
  CfTable *table;
  guint errors;

  if (skip_without_xdotool ())
    return;
  dir = setup_data_dir ();
  window = open_requests (&table);
  errors = count_errors (window);
  g_assert_cmpstr (text_at (table, 2, 2), ==, "4");

  /* Typing a digit starts editing with it; Enter keeps it. */
  press ("9", NULL);
  g_assert_true (is_editing (window));
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (current_widget (window))), ==, "9");
  press ("Return", NULL);
  g_assert_false (is_editing (window));
  assert_current (window, 2, 2);
  g_assert_cmpstr (text_at (table, 2, 2), ==, "9");
  g_assert_true (cf_table_get_origin_cell (table, 2, 2)->flags & CF_CELL_FLAG_CORRECTED);
  /* The total (4) no longer adds up: the audit ran again. */
  g_assert_cmpuint (count_errors (window), >, errors);

  /* Ctrl+Z takes it back, findings too. */
  press ("ctrl+z", NULL);
  g_assert_cmpstr (text_at (table, 2, 2), ==, "4");
  g_assert_cmpuint (count_errors (window), ==, errors);

  /* F2 edits the text there; Escape cancels. */
  press ("F2", NULL);
  g_assert_true (is_editing (window));
  press ("0", NULL);
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (current_widget (window))), ==, "40");
  press ("Escape", NULL);
  g_assert_false (is_editing (window));
  g_assert_cmpstr (text_at (table, 2, 2), ==, "4");
  /* Cancelled: not a correction, and no empty undo step left behind. */
  g_assert_false (cf_table_get_origin_cell (table, 2, 2)->flags & CF_CELL_FLAG_CORRECTED);
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (current_widget (window))), ==, "4");
  g_assert_cmpuint (count_errors (window), ==, errors);
  assert_current (window, 2, 2);

  /* Enter edits too; Tab commits and moves on. */
  press ("Return", NULL);
  g_assert_true (is_editing (window));
  press ("BackSpace", "5", "Tab", NULL);
  g_assert_false (is_editing (window));
  g_assert_cmpstr (text_at (table, 2, 2), ==, "5");
  assert_current (window, 2, 3);
  press ("ctrl+z", NULL);
  g_assert_cmpstr (text_at (table, 2, 2), ==, "4");

  /* Delete clears, as one undoable edit. */
  press ("Left", "Delete", NULL);
  assert_current (window, 2, 2);
  g_assert_cmpstr (text_at (table, 2, 2), ==, "");
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (current_widget (window))), ==, "");
  press ("ctrl+z", NULL);
  g_assert_cmpstr (text_at (table, 2, 2), ==, "4");
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (current_widget (window))), ==, "4");
  g_assert_cmpuint (count_errors (window), ==, errors);

  /* A label cell is not typed over. */
  {
    g_autofree char *label = g_strdup (text_at (table, 2, 0));

    g_assert_true (g_str_has_prefix (label, "一、本年新收政府信息公开申请"));
    press ("Home", "7", NULL);
    assert_current (window, 2, 0);
    g_assert_false (is_editing (window));
    g_assert_cmpstr (text_at (table, 2, 0), ==, label);
  }
  cf_test_close_window (window, 0.6);
  cf_test_rm_rf (dir);
}

/* Ranges, copy and paste ---------------------------------------------------------------------- */

static void
on_text_read (GObject *source, GAsyncResult *result, gpointer data)
{
  char **text = data;

  *text = gdk_clipboard_read_text_finish (GDK_CLIPBOARD (source), result, NULL);
  if (*text == NULL)
    *text = g_strdup ("(nothing)");
}

static gboolean
is_set (gpointer data)
{
  return *(char **) data != NULL;
}

static char *
read_clipboard (CfWindow *window)
{
  char *text = NULL;

  gdk_clipboard_read_text_async (gtk_widget_get_clipboard (GTK_WIDGET (window)), NULL, on_text_read,
                                 &text);
  g_assert_true (cf_test_spin_until (is_set, &text, cf_test_time_limit (10)));
  return text;
}

static void
assert_range (CfWindow *window, int r0, int c0, int r1, int c1)
{
  int a = -1, b = -1, c = -1, d = -1;

  g_assert_true (cf_grid_view_get_range (cf_window_get_grid_view (window), &a, &b, &c, &d));
  g_assert_cmpint (a, ==, r0);
  g_assert_cmpint (b, ==, c0);
  g_assert_cmpint (c, ==, r1);
  g_assert_cmpint (d, ==, c1);
}

static void
test_copy_paste (void)
{
  g_autofree char *dir = NULL;
  g_autofree char *copied = NULL;
  GdkClipboard *clipboard;
  CfWindow *window;
  CfTable *table;
  guint errors;

  if (skip_without_xdotool ())
    return;
  dir = setup_data_dir ();
  window = open_requests (&table);
  clipboard = gtk_widget_get_clipboard (GTK_WIDGET (window));
  errors = count_errors (window);

  /* Shift+arrows extend the range from (2, 2); Ctrl+C copies it as TSV. */
  press ("shift+Right", "shift+Right", "shift+Down", NULL);
  assert_range (window, 2, 2, 3, 4);
  assert_current (window, 3, 4);
  press ("ctrl+c", NULL);
  copied = read_clipboard (window);
  g_assert_cmpstr (copied, ==, "4\t0\t0\n0\t0\t0");
  /* A plain arrow collapses it again. */
  press ("Down", NULL);
  assert_range (window, 4, 4, 4, 4);

  /* A 2 × 3 block from a spreadsheet (CRLF lines, a final newline) at (4, 2). */
  gdk_clipboard_set_text (clipboard, "1\t2\t3\r\n4\t5\t6\r\n");
  press ("Left", "Left", NULL);
  assert_current (window, 4, 2);
  press ("ctrl+v", NULL);
  g_assert_cmpstr (text_at (table, 4, 2), ==, "1");
  g_assert_cmpstr (text_at (table, 4, 3), ==, "2");
  g_assert_cmpstr (text_at (table, 4, 4), ==, "3");
  g_assert_cmpstr (text_at (table, 5, 2), ==, "4");
  g_assert_cmpstr (text_at (table, 5, 3), ==, "5");
  g_assert_cmpstr (text_at (table, 5, 4), ==, "6");
  /* Columns 5-8 are untouched. */
  g_assert_cmpstr (text_at (table, 4, 5), ==, "0");
  g_assert_cmpuint (count_errors (window), >, errors);
  /* The paste was one edit: one Ctrl+Z takes all of it back. */
  press ("ctrl+z", NULL);
  g_assert_cmpstr (text_at (table, 4, 2), ==, "2");
  g_assert_cmpstr (text_at (table, 4, 3), ==, "0");
  g_assert_cmpstr (text_at (table, 4, 4), ==, "0");
  g_assert_cmpstr (text_at (table, 5, 2), ==, "0");
  g_assert_cmpstr (text_at (table, 5, 3), ==, "0");
  g_assert_cmpstr (text_at (table, 5, 4), ==, "0");
  g_assert_cmpuint (count_errors (window), ==, errors);
  /* And one Ctrl+Shift+Z brings it all back. */
  press ("ctrl+shift+z", NULL);
  g_assert_cmpstr (text_at (table, 4, 2), ==, "1");
  g_assert_cmpstr (text_at (table, 5, 4), ==, "6");
  press ("ctrl+z", NULL);
  g_assert_cmpstr (text_at (table, 4, 2), ==, "2");
  g_assert_cmpstr (text_at (table, 5, 4), ==, "0");

  /* Delete over a range clears it, as one edit too. */
  press ("shift+Down", "shift+Right", "Delete", NULL);
  g_assert_cmpstr (text_at (table, 4, 2), ==, "");
  g_assert_cmpstr (text_at (table, 5, 3), ==, "");
  press ("ctrl+z", NULL);
  g_assert_cmpstr (text_at (table, 4, 2), ==, "2");
  g_assert_cmpstr (text_at (table, 4, 3), ==, "0");
  g_assert_cmpstr (text_at (table, 5, 2), ==, "0");
  g_assert_cmpstr (text_at (table, 5, 3), ==, "0");

  /* Past the last row and column the block is clipped. */
  {
    CfCell *last = cf_table_get_origin_cell (table, 26, 7);
    g_autofree char *before = g_strdup (text_at (table, 26, 7));
    g_autofree char *total = g_strdup (text_at (table, 26, 8));

    g_assert_nonnull (last);
    gdk_clipboard_set_text (clipboard, "7\t8\t9\t10\n11\t12\t13\t14\n");
    press ("ctrl+End", NULL);
    assert_current (window, 26, 10);
    cf_test_show_cell (window, 26, 7);
    press ("ctrl+v", NULL);
    g_assert_cmpstr (text_at (table, 26, 7), ==, "7");
    g_assert_cmpstr (text_at (table, 26, 8), ==, "8");
    g_assert_cmpint (cf_table_get_n_rows (table), ==, 27);
    press ("ctrl+z", NULL);
    g_assert_cmpstr (text_at (table, 26, 7), ==, before);
    g_assert_cmpstr (text_at (table, 26, 8), ==, total);
  }
  cf_test_close_window (window, 0.6);
  cf_test_rm_rf (dir);
}

/* Panes and findings ------------------------------------------------------------------------- */

/* The index of the row of @list holding the focus, or -1. */
static int
focused_row (CfWindow *window, GtkListBox *list)
{
  GtkWidget *focus = focus_widget (window);

  while (focus != NULL && !(GTK_IS_LIST_BOX_ROW (focus) && gtk_widget_get_parent (focus) == GTK_WIDGET (list)))
    focus = gtk_widget_get_parent (focus);
  return focus != NULL ? gtk_list_box_row_get_index (GTK_LIST_BOX_ROW (focus)) : -1;
}

/* With the focus in @list, presses Up or Down until row @index has it. */
static void
arrow_to_row (CfWindow *window, GtkListBox *list, int index)
{
  int row = focused_row (window, list);

  g_assert_cmpint (row, >=, 0);
  for (int i = 0; i < 100 && row != index; i++)
    {
      press (row < index ? "Down" : "Up", NULL);
      row = focused_row (window, list);
    }
  g_assert_cmpint (row, ==, index);
}

static void
test_panes (void)
{
  g_autofree char *dir = NULL;
  g_autofree char *path = NULL;
  GtkListBox *findings;
  CfGridView *grid;
  CfWindow *window;
  CfTable *table;
  int row, col;

  if (skip_without_xdotool ())
    return;
  dir = setup_data_dir ();
  path = cf_test_path ("corpus", "text", REPORT, NULL);
  window = cf_test_open_window (app, path, cf_test_time_limit (60));
  g_assert_nonnull (cf_window_get_document (window));
  grid = cf_window_get_grid_view (window);
  findings = cf_window_get_findings_list (window);
  focus_window (window);
  /* Alt+1 … Alt+4: tables, source, grid, findings. */
  press ("alt+1", NULL);
  g_assert_true (focus_in (window, GTK_WIDGET (cf_window_get_tables_list (window))));
  press ("alt+2", NULL);
  g_assert_true (focus_in (window, GTK_WIDGET (cf_source_view_get_text_view (cf_window_get_source_view (window)))));
  press ("alt+3", NULL);
  g_assert_true (focus_in (window, GTK_WIDGET (grid)));
  press ("alt+1", NULL);

  /* In the tables list the arrows choose the table the grid shows. */
  {
    guint index, proactive;

    table = cf_test_find_table (window, "requests", &index);
    g_assert_nonnull (table);
    g_assert_nonnull (cf_test_find_table (window, "proactive", &proactive));
    arrow_to_row (window, cf_window_get_tables_list (window), (int) proactive);
    g_assert_true (cf_grid_view_get_table (grid) == cf_test_find_table (window, "proactive", &proactive));
    arrow_to_row (window, cf_window_get_tables_list (window), (int) index);
    g_assert_true (cf_grid_view_get_table (grid) == table);
  }

  /* An error made by keyboard, then found and followed by keyboard. */
  press ("alt+3", NULL);
  g_assert_true (focus_in (window, GTK_WIDGET (grid)));
  cf_test_show_cell (window, 2, 2);
  press ("9", "Return", "ctrl+Home", NULL);
  g_assert_cmpstr (text_at (table, 2, 2), ==, "9");
  g_assert_cmpuint (count_errors (window), >, 0);
  assert_current (window, 0, 0);

  press ("alt+4", NULL);
  g_assert_true (focus_in (window, GTK_WIDGET (findings)));
  {
    GPtrArray *list = cf_document_get_findings (cf_window_get_document (window));
    int error_row = -1;
    CfTable *finding_table = NULL;
    CfCell *first;

    for (guint i = 0; i < list->len && error_row < 0; i++)
      if (((CfFinding *) g_ptr_array_index (list, i))->severity == CF_SEVERITY_ERROR)
        error_row = (int) i;
    g_assert_cmpint (error_row, >=, 0);
    first = cf_finding_resolve_cell (cf_window_get_document (window),
                                     g_ptr_array_index (list, error_row), 0, &finding_table);
    g_assert_nonnull (first);
    g_assert_true (finding_table == table);

    /* Down to it, then Enter. */
    arrow_to_row (window, findings, error_row);
    press ("Return", NULL);
    g_assert_true (cf_grid_view_get_table (grid) == table);
    g_assert_true (cf_grid_view_get_selected (grid, &row, &col));
    g_assert_cmpint (row, ==, first->row);
    g_assert_cmpint (col, ==, first->col);
    g_assert_true (gtk_list_box_get_selected_row (findings) ==
                   gtk_list_box_get_row_at_index (findings, error_row));
    /* The keyboard went on with it, to change the value there. */
    assert_current (window, first->row, first->col);
    press ("F2", NULL);
    g_assert_true (is_editing (window));
    press ("Escape", NULL);
    /* Alt+4 comes back to the finding. */
    press ("alt+4", NULL);
    g_assert_cmpint (focused_row (window, findings), ==, error_row);
  }
  cf_test_close_window (window, 0.6);
  cf_test_rm_rf (dir);
}

/* Which pane holds the focus: 1 tables, 2 source, 3 grid, 4 findings (as
 * Alt+1 … Alt+4 number them), 0 none of them. */
static int
pane_of_focus (CfWindow *window)
{
  GtkWidget *panes[] = {
    GTK_WIDGET (cf_window_get_tables_list (window)),
    GTK_WIDGET (cf_source_view_get_text_view (cf_window_get_source_view (window))),
    GTK_WIDGET (cf_window_get_grid_view (window)),
    GTK_WIDGET (cf_window_get_findings_list (window)),
  };

  for (int i = 0; i < (int) G_N_ELEMENTS (panes); i++)
    if (focus_in (window, panes[i]))
      return i + 1;
  return 0;
}

static void
test_tab_order (void)
{
  g_autofree char *dir = NULL;
  g_autofree char *path = NULL;
  gboolean visited[5] = { FALSE };
  CfWindow *window;
  int presses = 0;

  if (skip_without_xdotool ())
    return;
  dir = setup_data_dir ();
  /* A report with findings, so that every pane has something to focus. */
  path = cf_test_path ("corpus", "text", "danfeng-psb-2020.txt", NULL);
  window = cf_test_open_window (app, path, cf_test_time_limit (60));
  g_assert_nonnull (cf_window_get_document (window));
  g_assert_cmpuint (cf_document_get_findings (cf_window_get_document (window))->len, >, 0);
  focus_window (window);

  /* Tab from the window's start reaches every pane; in the grid, where Tab
   * moves between cells, Ctrl+Tab moves on. */
  for (; presses < 80; presses++)
    {
      int pane = pane_of_focus (window);

      visited[pane] = TRUE;
      if (visited[1] && visited[2] && visited[3] && visited[4])
        break;
      press (pane == 3 ? "ctrl+Tab" : "Tab", NULL);
    }
  g_test_message ("every pane reached after %d presses", presses);
  g_assert_true (visited[1]);
  g_assert_true (visited[2]);
  g_assert_true (visited[3]);
  g_assert_true (visited[4]);

  /* Tab inside the grid stays there, moving the current cell. */
  press ("alt+3", NULL);
  g_assert_cmpint (pane_of_focus (window), ==, 3);
  press ("Tab", NULL);
  g_assert_cmpint (pane_of_focus (window), ==, 3);

  /* F6 goes round the panes, Shift+F6 back. */
  press ("alt+1", NULL);
  g_assert_cmpint (pane_of_focus (window), ==, 1);
  press ("F6", NULL);
  g_assert_cmpint (pane_of_focus (window), ==, 2);
  press ("F6", NULL);
  g_assert_cmpint (pane_of_focus (window), ==, 3);
  press ("F6", NULL);
  g_assert_cmpint (pane_of_focus (window), ==, 4);
  press ("F6", NULL);
  g_assert_cmpint (pane_of_focus (window), ==, 1);
  press ("shift+F6", NULL);
  g_assert_cmpint (pane_of_focus (window), ==, 4);
  press ("shift+F6", "shift+F6", NULL);
  g_assert_cmpint (pane_of_focus (window), ==, 2);
  cf_test_close_window (window, 0.6);
  cf_test_rm_rf (dir);
}

int
main (int argc, char **argv)
{
  cf_test_gui_init (&argc, &argv);
  if (!cf_test_gui_start ("/keyboard/navigate"))
    return g_test_run ();
  app = cf_test_new_application ();

  g_test_add_func ("/keyboard/navigate", test_navigate);
  g_test_add_func ("/keyboard/edit", test_edit);
  g_test_add_func ("/keyboard/copy-paste", test_copy_paste);
  g_test_add_func ("/keyboard/panes", test_panes);
  g_test_add_func ("/keyboard/tab-order", test_tab_order);
  return g_test_run ();
}
