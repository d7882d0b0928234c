/* test-app-edit.c: corrections in the app, driven through the window, under Xvfb
 *
 *   xvfb-run -a meson test -C build test-app-edit
 *
 * Every test works in a fresh CROSSFOOT_DATA_DIR, so the corrections store
 * starts empty. The autosave test kills a child process (a fresh process,
 * GTK initialised there) right after an edit and reopens the report, copied
 * to another path, here.
 */
#include <adwaita.h>
#include <glib/gstdio.h>
#include <signal.h>
#include <string.h>

#include "cf-test-gui.h"
#include "cf-cell-labels.h"

#define REPORT "zibo-gaoxin-psb-2022.txt"

static CfApplication *app;

static AdwMessageDialog *find_message_dialog (void);
static gboolean          has_message_dialog  (gpointer data);

static void
wait_loaded (CfWindow *window)
{
  cf_test_wait_loaded (window, 60);
}

static CfWindow *
open_window (const char *path)
{
  CfWindow *window = cf_test_open_window (app, path, 60);

  g_assert_nonnull (cf_window_get_document (window));
  return window;
}

static void
close_window (CfWindow *window)
{
  cf_test_close_window (window, 0.6);
}

/* A fresh data folder for the store, and a copy of the report in it. */
static char *
setup_data_dir (char **report_copy)
{
  char *dir = cf_test_make_tmpdir ();
  g_autofree char *data = g_build_filename (dir, "data", NULL);
  g_autofree char *source = cf_test_path ("corpus", "text", REPORT, NULL);

  g_setenv ("CROSSFOOT_DATA_DIR", data, TRUE);
  if (report_copy != NULL)
    {
      *report_copy = g_build_filename (dir, "report.txt", NULL);
      cf_test_copy_file (source, *report_copy);
    }
  return dir;
}

/* Shows the requests table and returns its "new / natural_person" cell. */
static CfCell *
show_requests_cell (CfWindow *window)
{
  return cf_test_show_table_cell (window, "requests", "new", "natural_person");
}

static const char *
widget_text (GtkWidget *widget)
{
  if (GTK_IS_EDITABLE (widget))
    return gtk_editable_get_text (GTK_EDITABLE (widget));
  return gtk_label_get_text (GTK_LABEL (widget));
}

static void
activate (CfWindow *window, const char *action)
{
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), action, NULL));
  cf_test_spin_for (0.1);
}

/* "1 open error", "2 open errors": as the subtitle says it. */
static char *
open_errors (guint n)
{
  return g_strdup_printf (n == 1 ? "%u open error " : "%u open errors", n);
}

static const char *
window_subtitle (CfWindow *window)
{
  GtkWidget *title = cf_test_find_descendant (GTK_WIDGET (window), ADW_TYPE_WINDOW_TITLE);

  g_assert_nonnull (title);
  return adw_window_title_get_subtitle (ADW_WINDOW_TITLE (title));
}

/* Value edit, undo, redo ---------------------------------------------------------- */

static void
test_undo_redo (void)
{
  g_autofree char *dir = setup_data_dir (NULL);
  g_autofree char *path = cf_test_path ("corpus", "text", REPORT, NULL);
  CfWindow *window = open_window (path);
  CfCell *cell = show_requests_cell (window);
  g_autofree char *printed = g_strdup (cell->text);
  g_autofree char *wrong = g_strdup_printf ("%d", (int) cell->number.value + 7);
  GtkWidget *widget = cf_test_show_cell (window, cell->row, cell->col);
  guint errors = cf_document_count_findings (cf_window_get_document (window), CF_SEVERITY_ERROR);

  gtk_editable_set_text (GTK_EDITABLE (widget), wrong);
  cf_test_spin_for (0.1);
  g_assert_cmpstr (cell->text, ==, wrong);
  g_assert_true (cell->flags & CF_CELL_FLAG_CORRECTED);
  g_assert_true (gtk_widget_has_css_class (widget, "cell-corrected"));
  g_assert_cmpuint (cf_document_count_findings (cf_window_get_document (window), CF_SEVERITY_ERROR),
                    >, errors);

  activate (window, "win.undo");
  widget = cf_test_show_cell (window, cell->row, cell->col);
  g_assert_cmpstr (cell->text, ==, printed);
  g_assert_cmpstr (widget_text (widget), ==, printed);
  g_assert_false (gtk_widget_has_css_class (widget, "cell-corrected"));
  g_assert_cmpuint (cf_document_count_findings (cf_window_get_document (window), CF_SEVERITY_ERROR),
                    ==, errors);

  activate (window, "win.redo");
  widget = cf_test_show_cell (window, cell->row, cell->col);
  g_assert_cmpstr (cell->text, ==, wrong);
  g_assert_cmpstr (widget_text (widget), ==, wrong);

  /* Revert cell: back to the printed text, itself undoable. */
  activate (window, "win.revert-cell");
  g_assert_cmpstr (cell->text, ==, printed);
  g_assert_cmpstr (widget_text (cf_test_show_cell (window, cell->row, cell->col)), ==, printed);
  activate (window, "win.undo");
  g_assert_cmpstr (cell->text, ==, wrong);
  close_window (window);
  cf_test_rm_rf (dir);
}

/* Structure edit and its undo, persisted -------------------------------------------- */

static guint
grid_rows (CfWindow *window)
{
  CfGridView *grid = cf_window_get_grid_view (window);
  GtkColumnView *view = cf_grid_view_get_column_view (grid);

  /* The header rows are the column titles, above the grid's rows. */
  return g_list_model_get_n_items (G_LIST_MODEL (gtk_column_view_get_model (view))) +
         (guint) cf_grid_view_get_first_row (grid);
}

static void
test_structure_edit (void)
{
  g_autofree char *dir = setup_data_dir (NULL);
  g_autofree char *path = cf_test_path ("corpus", "text", REPORT, NULL);
  CfWindow *window = open_window (path);
  CfCell *cell = show_requests_cell (window);
  CfTable *table = cf_grid_view_get_table (cf_window_get_grid_view (window));
  int n_rows = cf_table_get_n_rows (table);
  int row = cell->row;
  g_autofree char *below = NULL;

  cf_test_show_cell (window, cell->row, cell->col);
  activate (window, "win.insert-row-below");
  g_assert_cmpint (cf_table_get_n_rows (table), ==, n_rows + 1);
  g_assert_cmpuint (grid_rows (window), ==, (guint) n_rows + 1);
  /* The inserted row is empty; the row below moved down. */
  g_assert_true (cf_table_get_cell (table, row + 1, cell->col) == NULL ||
                 *cf_table_get_cell (table, row + 1, cell->col)->text == '\0');

  activate (window, "win.undo");
  g_assert_cmpint (cf_table_get_n_rows (table), ==, n_rows);
  g_assert_cmpuint (grid_rows (window), ==, (guint) n_rows);

  activate (window, "win.redo");
  g_assert_cmpint (cf_table_get_n_rows (table), ==, n_rows + 1);
  close_window (window);

  /* Saved: the reopened report has the inserted row. */
  window = open_window (path);
  {
    guint index;

    table = cf_test_find_table (window, "requests", &index);
    g_assert_nonnull (table);
    g_assert_cmpint (cf_table_get_n_rows (table), ==, n_rows + 1);
  }
  close_window (window);
  cf_test_rm_rf (dir);
}

static void
test_table_edits (void)
{
  g_autofree char *dir = setup_data_dir (NULL);
  g_autofree char *path = cf_test_path ("corpus", "text", REPORT, NULL);
  CfWindow *window = open_window (path);
  CfDocument *doc = cf_window_get_document (window);
  CfCell *cell = show_requests_cell (window);
  CfTable *table = cf_grid_view_get_table (cf_window_get_grid_view (window));
  guint n_tables = cf_document_get_tables (doc)->len;
  int row = cell->row;

  /* Mark a row as a total, and undo it. */
  cf_test_show_cell (window, cell->row, cell->col);
  activate (window, "win.mark-total-row");
  g_assert_cmpint (cf_table_get_row_role (table, row), ==, CF_ROW_ROLE_TOTAL);
  activate (window, "win.undo");
  g_assert_cmpint (cf_table_get_row_role (table, row), ==, CF_ROW_ROLE_NONE);

  /* Delete the table: gone from the document and the list; undo brings it back. */
  activate (window, "win.delete-table");
  g_assert_cmpuint (cf_document_get_tables (doc)->len, ==, n_tables - 1);
  g_assert_cmpuint (cf_test_count_rows (cf_window_get_tables_list (window)), ==, n_tables - 1);
  g_assert_false (g_ptr_array_find (cf_document_get_tables (doc), table, NULL));
  activate (window, "win.undo");
  g_assert_cmpuint (cf_document_get_tables (doc)->len, ==, n_tables);
  g_assert_cmpuint (cf_test_count_rows (cf_window_get_tables_list (window)), ==, n_tables);
  g_assert_true (cf_grid_view_get_table (cf_window_get_grid_view (window)) != NULL);
  g_assert_false (gtk_widget_activate_action (GTK_WIDGET (window), "win.no-such-action", NULL));
  close_window (window);
  cf_test_rm_rf (dir);
}

/* Autosave: an edit survives SIGKILL --------------------------------------------------- */

static void
test_autosave_kill_child (void)
{
  const char *path = g_getenv ("CF_TEST_KILL_REPORT");
  CfWindow *window;
  CfCell *cell;
  GtkWidget *widget;

  /* Only as the child of test_autosave_kill, never in the test run itself. */
  if (!g_test_subprocess ())
    {
      g_test_skip ("run by /app-edit/autosave-kill");
      return;
    }
  g_assert_nonnull (path);
  window = open_window (path);
  cell = show_requests_cell (window);
  widget = cf_test_show_cell (window, cell->row, cell->col);
  gtk_editable_set_text (GTK_EDITABLE (widget), "4321");
  g_assert_cmpstr (cell->text, ==, "4321");
  /* No shutdown, no flush: whatever is on disk now is all there is. */
  raise (SIGKILL);
}

static void
test_autosave_kill (void)
{
  g_autofree char *report = NULL;
  g_autofree char *dir = setup_data_dir (&report);
  g_autofree char *other_dir = g_build_filename (dir, "elsewhere", NULL);
  g_autofree char *other = g_build_filename (other_dir, "renamed-copy.txt", NULL);
  g_autofree char *contents = NULL;
  gsize length;
  CfWindow *window;
  CfCell *cell;

  g_setenv ("CF_TEST_KILL_REPORT", report, TRUE);
  g_test_trap_subprocess ("/app-edit/autosave-kill/child", 120 * G_USEC_PER_SEC,
                          G_TEST_SUBPROCESS_DEFAULT);
  g_assert_false (g_test_trap_has_passed ());

  g_assert_true (g_file_get_contents (report, &contents, &length, NULL));
  g_assert_cmpint (g_mkdir_with_parents (other_dir, 0700), ==, 0);
  g_assert_true (g_file_set_contents (other, contents, (gssize) length, NULL));
  window = open_window (other);
  cell = show_requests_cell (window);
  g_assert_cmpstr (cell->text, ==, "4321");
  g_assert_cmpstr (widget_text (cf_test_show_cell (window, cell->row, cell->col)), ==, "4321");
  /* Marked as corrected, with the printed text kept. */
  g_assert_true (cell->flags & CF_CELL_FLAG_CORRECTED);
  g_assert_nonnull (cell->original_text);
  g_assert_cmpstr (cell->original_text, !=, "4321");
  close_window (window);
  cf_test_rm_rf (dir);
}

/* A changed report offers the old corrections ----------------------------------------- */

static void
test_changed_document_banner (void)
{
  g_autofree char *report = NULL;
  g_autofree char *dir = setup_data_dir (&report);
  CfWindow *window = open_window (report);
  CfCell *cell = show_requests_cell (window);
  GtkWidget *widget = cf_test_show_cell (window, cell->row, cell->col);
  FILE *out;

  g_assert_false (gtk_revealer_get_reveal_child (cf_window_get_stale_banner (window)));
  gtk_editable_set_text (GTK_EDITABLE (widget), "4321");
  close_window (window);

  /* The same file, other bytes. */
  out = g_fopen (report, "a");
  g_assert_nonnull (out);
  fputs ("\n（本报告于次年修订。）\n", out);
  fclose (out);

  window = open_window (report);
  g_assert_true (gtk_revealer_get_reveal_child (cf_window_get_stale_banner (window)));
  cell = show_requests_cell (window);
  g_assert_cmpstr (cell->text, !=, "4321");

  activate (window, "win.apply-previous");
  wait_loaded (window);
  g_assert_false (gtk_revealer_get_reveal_child (cf_window_get_stale_banner (window)));
  cell = show_requests_cell (window);
  g_assert_cmpstr (cell->text, ==, "4321");
  close_window (window);

  /* Adopted: the next open says nothing more. */
  window = open_window (report);
  g_assert_false (gtk_revealer_get_reveal_child (cf_window_get_stale_banner (window)));
  g_assert_cmpstr (show_requests_cell (window)->text, ==, "4321");
  close_window (window);
  cf_test_rm_rf (dir);
}

/* Review ------------------------------------------------------------------------------ */

static GtkWidget *
find_button_labelled (GtkWidget *widget, const char *label)
{
  if (GTK_IS_BUTTON (widget) && g_strcmp0 (gtk_button_get_label (GTK_BUTTON (widget)), label) == 0)
    return widget;
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find_button_labelled (child, label);

      if (found != NULL)
        return found;
    }
  return NULL;
}

static int
first_error (CfDocument *doc)
{
  GPtrArray *findings = cf_document_get_findings (doc);

  for (guint i = 0; i < findings->len; i++)
    if (((CfFinding *) g_ptr_array_index (findings, i))->severity == CF_SEVERITY_ERROR)
      return (int) i;
  return -1;
}

static void
test_accept_finding (void)
{
  g_autofree char *report = NULL;
  g_autofree char *dir = setup_data_dir (&report);
  CfWindow *window = open_window (report);
  CfCell *cell = show_requests_cell (window);
  GtkWidget *widget = cf_test_show_cell (window, cell->row, cell->col);
  g_autofree char *wrong = g_strdup_printf ("%d", (int) cell->number.value + 7);
  GtkListBoxRow *row;
  GtkWidget *entry, *accept;
  int index;
  guint errors;

  gtk_editable_set_text (GTK_EDITABLE (widget), wrong);
  cf_test_spin_for (0.1);
  index = first_error (cf_window_get_document (window));
  g_assert_cmpint (index, >=, 0);
  errors = cf_document_count_findings (cf_window_get_document (window), CF_SEVERITY_ERROR);
  {
    g_autofree char *expected = open_errors (errors);

    g_assert_nonnull (strstr (window_subtitle (window), expected));
  }

  /* Through the row's own Accept popover. */
  row = cf_window_get_finding_row (window, (guint) index);
  g_assert_nonnull (row);
  entry = cf_test_find_descendant (GTK_WIDGET (row), GTK_TYPE_ENTRY);
  accept = find_button_labelled (GTK_WIDGET (row), "_Accept");
  g_assert_nonnull (entry);
  g_assert_nonnull (accept);
  gtk_editable_set_text (GTK_EDITABLE (entry), "printed so in the gazette");
  g_signal_emit_by_name (accept, "clicked");
  cf_test_spin_for (0.3);
  {
    g_autofree char *expected = open_errors (errors - 1);
    g_autoptr (GString) listed = g_string_new (NULL);

    g_assert_nonnull (strstr (window_subtitle (window), expected));
    g_assert_nonnull (strstr (window_subtitle (window), "1 accepted"));
    cf_test_collect_text (GTK_WIDGET (cf_window_get_findings_list (window)), listed);
    g_assert_nonnull (strstr (listed->str, "printed so in the gazette"));
    /* Still listed. */
    g_assert_cmpuint (cf_document_get_findings (cf_window_get_document (window))->len, >, 0);
  }

  /* The table reviewed flag. */
  {
    guint t;

    cf_test_find_table (window, "requests", &t);
    g_assert_true (cf_window_set_table_reviewed (window, t, TRUE, NULL));
  }
  close_window (window);

  /* Both survive a reopen (with the edit that caused the finding). */
  window = open_window (report);
  g_assert_cmpstr (show_requests_cell (window)->text, ==, wrong);
  {
    g_autofree char *expected = open_errors (errors - 1);
    guint t;
    GtkListBoxRow *table_row;
    GtkWidget *toggle;

    g_assert_nonnull (strstr (window_subtitle (window), expected));
    cf_test_find_table (window, "requests", &t);
    table_row = gtk_list_box_get_row_at_index (cf_window_get_tables_list (window), (int) t);
    toggle = cf_test_find_descendant (GTK_WIDGET (table_row), GTK_TYPE_CHECK_BUTTON);
    g_assert_nonnull (toggle);
    g_assert_true (gtk_check_button_get_active (GTK_CHECK_BUTTON (toggle)));
  }
  close_window (window);
  cf_test_rm_rf (dir);
}


/* "The report is wrong here": the printed figure stays (and its finding, as
 * accepted with the right figure), the cell says both, exports carry both,
 * a reopen keeps it, and Revert Cell forgets it. */
static char *
accessible_description (GtkWidget *widget)
{
  /* The check returns the value it found when it differs from the one given. */
  char *found = gtk_test_accessible_check_property (GTK_ACCESSIBLE (widget),
                                                    GTK_ACCESSIBLE_PROPERTY_DESCRIPTION,
                                                    "\x01");
  return found ? found : g_strdup ("");
}

static void
test_restate_cell (void)
{
  g_autofree char *report = NULL;
  g_autofree char *dir = setup_data_dir (&report);
  g_autofree char *csv_path = g_build_filename (dir, "table.csv", NULL);
  g_autofree char *long_path = g_build_filename (dir, "long.csv", NULL);
  CfWindow *window = open_window (report);
  CfCell *cell = show_requests_cell (window);
  GtkWidget *widget = cf_test_show_cell (window, cell->row, cell->col);
  g_autofree char *right = g_strdup (cell->text);
  g_autofree char *wrong = g_strdup_printf ("%d", (int) cell->number.value + 7);
  g_autoptr (GError) error = NULL;
  AdwMessageDialog *dialog;
  GtkWidget *entry;
  guint errors;
  int row = cell->row, col = cell->col;

  /* The report "printed" a wrong figure. */
  gtk_editable_set_text (GTK_EDITABLE (widget), wrong);
  cf_test_spin_for (0.1);
  errors = cf_document_count_findings (cf_window_get_document (window), CF_SEVERITY_ERROR);
  g_assert_cmpuint (errors, >, 0);

  /* Through the cell menu's action and its dialog, which offers the expected figure. */
  cf_grid_view_select_cell (cf_window_get_grid_view (window), row, col, FALSE);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.restate-cell", NULL));
  g_assert_true (cf_test_spin_until (has_message_dialog, NULL, cf_test_time_limit (30)));
  dialog = find_message_dialog ();
  entry = adw_message_dialog_get_extra_child (dialog);
  g_assert_true (GTK_IS_ENTRY (entry));
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (entry)), ==, right);
  adw_message_dialog_response (dialog, "restate");
  gtk_window_close (GTK_WINDOW (dialog));
  cf_test_spin_for (0.3);

  /* The finding stays, accepted, saying both figures; the printed text stays. */
  g_assert_cmpuint (cf_document_count_findings (cf_window_get_document (window), CF_SEVERITY_ERROR),
                    ==, errors);
  g_assert_cmpstr (cf_table_get_origin_cell (cf_grid_view_get_table (cf_window_get_grid_view (window)),
                                             row, col)->text, ==, wrong);
  {
    CfDocument *doc = cf_window_get_document (window);
    CfTable *table = cf_grid_view_get_table (cf_window_get_grid_view (window));
    g_autofree char *open = NULL;
    g_autofree char *note = g_strdup_printf ("The report is wrong: the right figure is %s (printed %s)",
                                             right, wrong);
    g_autoptr (GString) listed = g_string_new (NULL);
    g_autofree char *described = NULL;
    guint naming = 0;

    for (guint i = 0; i < cf_document_get_findings (doc)->len; i++)
      {
        CfFinding *f = g_ptr_array_index (cf_document_get_findings (doc), i);
        if (f->severity == CF_SEVERITY_ERROR
            && cf_finding_names_cell (f, table, cf_table_get_origin_cell (table, row, col)))
          naming++;
      }
    g_assert_cmpuint (naming, >, 0);
    open = g_strdup_printf (errors - naming == 1 ? "%u open error " : "%u open errors",
                            errors - naming);
    g_assert_nonnull (strstr (window_subtitle (window), open));
    cf_test_collect_text (GTK_WIDGET (cf_window_get_findings_list (window)), listed);
    g_assert_nonnull (strstr (listed->str, note));
    described = accessible_description (cf_test_show_cell (window, row, col));
    g_assert_nonnull (strstr (described, "the report is wrong"));
    g_assert_nonnull (strstr (described, right));
  }

  /* Exports carry the printed and the right figure and the finding's state. */
  g_assert_true (cf_window_export (window, CF_EXPORT_TABLE, csv_path, &error));
  g_assert_no_error (error);
  g_assert_true (cf_window_export (window, CF_EXPORT_LONG, long_path, &error));
  g_assert_no_error (error);
  {
    g_autofree char *csv = NULL, *long_csv = NULL;
    g_autofree char *line = g_strdup_printf ("%d,%d,new,natural_person,%s,%s,%s,accepted-error",
                                             row + 1, col + 1, right, wrong, right);
    g_autofree char *long_cell = g_strdup_printf (",requests,new,natural_person,%s,%s,", wrong, wrong);
    g_autofree char *long_tail = g_strdup_printf (",%s,%s,accepted-error", right, right);
    g_auto (GStrv) lines = NULL;
    gboolean found = FALSE;

    g_assert_true (g_file_get_contents (csv_path, &csv, NULL, NULL));
    g_assert_nonnull (strstr (csv, line));
    g_assert_true (g_file_get_contents (long_path, &long_csv, NULL, NULL));
    /* As typed over the extracted text here: extracted, then the right figure. */
    lines = g_strsplit (long_csv, "\r\n", -1);
    for (guint i = 0; lines[i]; i++)
      if (strstr (lines[i], long_cell))
        {
          g_assert_nonnull (strstr (lines[i], long_tail));
          found = TRUE;
        }
    g_assert_true (found);
  }
  close_window (window);

  /* Kept across a reopen; Revert Cell forgets the right figure first. */
  window = open_window (report);
  cell = show_requests_cell (window);
  g_assert_cmpstr (cell->text, ==, wrong);
  {
    g_autofree char *all_open = open_errors (errors);
    g_assert_null (strstr (window_subtitle (window), all_open));
  }
  cf_grid_view_select_cell (cf_window_get_grid_view (window), cell->row, cell->col, FALSE);
  activate (window, "win.revert-cell");
  cf_test_spin_for (0.2);
  g_assert_cmpstr (cell->text, ==, wrong);
  {
    g_autofree char *open = g_strdup_printf (errors == 1 ? "%u open error" : "%u open errors",
                                             errors);
    g_assert_nonnull (strstr (window_subtitle (window), open));
  }
  close_window (window);
  cf_test_rm_rf (dir);
}

/* Workbook ------------------------------------------------------------------------------ */

static void
test_export_xlsx (void)
{
  g_autofree char *report = NULL;
  g_autofree char *dir = setup_data_dir (&report);
  g_autofree char *xlsx = g_build_filename (dir, "out.xlsx", NULL);
  g_autofree char *quoted = NULL;
  g_autofree char *command = NULL;
  g_autofree char *sheets = NULL;
  g_autoptr (GError) error = NULL;
  CfWindow *window;
  CfCell *cell;
  int status;

  if (!cf_xlsx_available ())
    {
      g_test_skip ("built without libxlsxwriter");
      return;
    }
  window = open_window (report);
  cell = show_requests_cell (window);
  gtk_editable_set_text (GTK_EDITABLE (cf_test_show_cell (window, cell->row, cell->col)), "98765");
  g_assert_true (cf_window_export_xlsx (window, xlsx, &error));
  g_assert_no_error (error);

  quoted = g_shell_quote (xlsx);
  command = g_strdup_printf ("unzip -p %s 'xl/worksheets/sheet*.xml'", quoted);
  g_assert_true (g_spawn_command_line_sync (command, &sheets, NULL, &status, &error));
  g_assert_no_error (error);
  g_assert_nonnull (strstr (sheets, "98765"));
  close_window (window);
  cf_test_rm_rf (dir);
}

/* Encrypted PDF: the password prompt ------------------------------------------------------ */

static AdwMessageDialog *
find_message_dialog (void)
{
  GListModel *toplevels = gtk_window_get_toplevels ();

  for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
    {
      g_autoptr (GObject) window = g_list_model_get_item (toplevels, i);

      if (ADW_IS_MESSAGE_DIALOG (window) && gtk_widget_get_visible (GTK_WIDGET (window)))
        return ADW_MESSAGE_DIALOG (window);
    }
  return NULL;
}

static gboolean
has_message_dialog (gpointer data)
{
  return find_message_dialog () != NULL;
}

static void
answer_password (const char *password)
{
  AdwMessageDialog *dialog;
  GtkWidget *entry;

  g_assert_true (cf_test_spin_until (has_message_dialog, NULL, 30));
  dialog = find_message_dialog ();
  entry = adw_message_dialog_get_extra_child (dialog);
  g_assert_true (GTK_IS_PASSWORD_ENTRY (entry));
  gtk_editable_set_text (GTK_EDITABLE (entry), password);
  adw_message_dialog_response (dialog, "open");
  /* As its button does after the response. */
  gtk_window_close (GTK_WINDOW (dialog));
  cf_test_spin_for (0.3);
}

static void
test_password (void)
{
  g_autofree char *dir = setup_data_dir (NULL);
  g_autofree char *path = cf_test_path ("pdf", "encrypted.pdf", NULL);
  g_autoptr (GFile) file = g_file_new_for_path (path);
  CfWindow *window = cf_window_new (app);

  gtk_window_present (GTK_WINDOW (window));
  cf_window_open_file (window, file);
  wait_loaded (window);
  g_assert_null (cf_window_get_document (window));

  /* A wrong password asks again, saying so. */
  answer_password ("wrong");
  wait_loaded (window);
  g_assert_null (cf_window_get_document (window));
  g_assert_true (cf_test_spin_until (has_message_dialog, NULL, 30));
  g_assert_nonnull (strstr (adw_message_dialog_get_body (find_message_dialog ()), "wrong"));

  answer_password ("secret");
  wait_loaded (window);
  g_assert_nonnull (cf_window_get_document (window));
  g_assert_cmpuint (cf_document_get_tables (cf_window_get_document (window))->len, ==, 1);
  g_assert_null (find_message_dialog ());
  close_window (window);
  cf_test_rm_rf (dir);
}

/* A save that fails (a full disk) is said at once in the window, with a way
 * to put the corrections elsewhere: a JSON file the CLI reads back. */
static void
test_save_failed_offers_json (void)
{
  g_autofree char *report = NULL;
  g_autofree char *dir = setup_data_dir (&report);
  g_autofree char *json_path = g_build_filename (dir, "corrections.json", NULL);
  CfWindow *window = open_window (report);
  CfCell *cell = show_requests_cell (window);
  GtkWidget *widget = cf_test_show_cell (window, cell->row, cell->col);
  g_autofree char *typed = g_strdup_printf ("%d", (int) cell->number.value + 3);
  g_autoptr (GError) error = NULL;
  g_autofree char *json = NULL;
  g_autofree char *sha256 = NULL;
  g_autoptr (GPtrArray) read_back = NULL;
  gboolean found = FALSE;

  gtk_editable_set_text (GTK_EDITABLE (widget), typed);
  cf_test_spin_for (0.1);
  g_signal_emit_by_name (cf_window_get_edit_history (window), "save-failed", "disk full");
  g_assert_nonnull (strstr (cf_window_get_last_message (window), "disk full"));

  g_assert_true (cf_window_save_corrections_json (window, json_path, &error));
  g_assert_no_error (error);
  g_assert_true (g_file_get_contents (json_path, &json, NULL, &error));
  read_back = cf_corrections_from_json (json, -1, &sha256, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (sha256, ==, cf_document_get_sha256 (cf_window_get_document (window)));
  for (guint i = 0; i < read_back->len; i++)
    {
      CfCorrection *c = g_ptr_array_index (read_back, i);
      found |= c->row == cell->row && c->col == cell->col && g_strcmp0 (c->text, typed) == 0;
    }
  g_assert_true (found);
  close_window (window);
  cf_test_rm_rf (dir);
}

int
main (int argc, char **argv)
{
  cf_test_gui_init (&argc, &argv);
  if (!cf_test_gui_start ("/app-edit/undo-redo"))
    return g_test_run ();
  app = cf_test_new_application ();

  g_test_add_func ("/app-edit/undo-redo", test_undo_redo);
  g_test_add_func ("/app-edit/structure-edit", test_structure_edit);
  g_test_add_func ("/app-edit/table-edits", test_table_edits);
  g_test_add_func ("/app-edit/autosave-kill", test_autosave_kill);
  g_test_add_func ("/app-edit/autosave-kill/child", test_autosave_kill_child);
  g_test_add_func ("/app-edit/changed-document-banner", test_changed_document_banner);
  g_test_add_func ("/app-edit/accept-finding", test_accept_finding);
  g_test_add_func ("/app-edit/restate-cell", test_restate_cell);
  g_test_add_func ("/app-edit/save-failed-offers-json", test_save_failed_offers_json);
  g_test_add_func ("/app-edit/export-xlsx", test_export_xlsx);
  g_test_add_func ("/app-edit/password", test_password);
  return g_test_run ();
}
