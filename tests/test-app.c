/* test-app.c: the desktop app driven through its widgets, under Xvfb
 *
 *   xvfb-run -a meson test -C build test-app
 *
 * Reports are opened through cf_window_open_file(), the function the command
 * line, drops and the open dialog all use; the tests then look at the widgets.
 */
#include <cairo-pdf.h>
#include <glib/gstdio.h>
#include <gtk/gtk.h>
#include <string.h>

#include "cf-test-util.h"
#include "cf-application.h"
#include "cf-cell-labels.h"
#include "cf-window.h"

static CfApplication *app;

/* Runs the main loop until @done or @seconds pass. */
static gboolean
spin_until (gboolean (*done) (gpointer), gpointer data, double seconds)
{
  gint64 end = g_get_monotonic_time () + (gint64) (seconds * G_USEC_PER_SEC);

  while (!done (data))
    {
      if (g_get_monotonic_time () > end)
        return FALSE;
      g_main_context_iteration (NULL, FALSE);
      g_usleep (1000);
    }
  return TRUE;
}

static gboolean
not_loading (gpointer data)
{
  return !cf_window_is_loading (data);
}

static void
spin_for (double seconds)
{
  gint64 end = g_get_monotonic_time () + (gint64) (seconds * G_USEC_PER_SEC);

  while (g_get_monotonic_time () < end)
    {
      g_main_context_iteration (NULL, FALSE);
      g_usleep (1000);
    }
}

static CfWindow *
open_window (const char *path)
{
  CfWindow *window = cf_window_new (app);
  g_autoptr (GFile) file = g_file_new_for_path (path);

  gtk_window_set_default_size (GTK_WINDOW (window), 1200, 800);
  gtk_window_present (GTK_WINDOW (window));
  cf_window_open_file (window, file);
  g_assert_true (cf_window_is_loading (window));
  g_assert_true (spin_until (not_loading, window, 60));
  spin_for (0.2);
  return window;
}

static CfWindow *
open_corpus (const char *sub, const char *name)
{
  g_autofree char *path = cf_test_path ("corpus", sub, name, NULL);

  return open_window (path);
}

static guint
count_rows (GtkListBox *list)
{
  guint n = 0;

  while (gtk_list_box_get_row_at_index (list, (int) n) != NULL)
    n++;
  return n;
}

/* The text of every label under @widget, joined. */
static void
collect_text (GtkWidget *widget, GString *out)
{
  if (GTK_IS_LABEL (widget))
    {
      g_string_append (out, gtk_label_get_text (GTK_LABEL (widget)));
      g_string_append_c (out, '\n');
    }
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    collect_text (child, out);
}

static char *
findings_text (CfWindow *window)
{
  GString *out = g_string_new (NULL);

  collect_text (GTK_WIDGET (cf_window_get_findings_list (window)), out);
  return g_string_free (out, FALSE);
}

typedef struct
{
  CfGridView *grid;
  int         row;
  int         col;
} CellWait;

static gboolean
cell_is_shown (gpointer data)
{
  CellWait *wait = data;

  return cf_grid_view_get_cell_widget (wait->grid, wait->row, wait->col) != NULL;
}

/* Selects (@row, @col) and waits until the grid shows a widget for it. */
static GtkWidget *
show_cell (CfWindow *window, int row, int col)
{
  CellWait wait = { cf_window_get_grid_view (window), row, col };

  cf_grid_view_select_cell (wait.grid, row, col, TRUE);
  g_assert_true (spin_until (cell_is_shown, &wait, 10));
  return cf_grid_view_get_cell_widget (wait.grid, row, col);
}

static void
close_window (CfWindow *window)
{
  gtk_window_destroy (GTK_WINDOW (window));
  spin_for (0.05);
}

static const char *text_reports[] = {
  "danfeng-psb-2020.txt", "shenzhen-psb-2020.txt", "shizuishan-psb-2020.txt",
  "zhaotong-psb-2016.txt", "zibo-gaoxin-psb-2022.txt",
};

static const char *html_reports[] = {
  "city-2025-placeholder-headers.html", "shanghai-gov-office-2019.html",
};

static void
check_opened (CfWindow *window, const char *name)
{
  CfDocument *doc = cf_window_get_document (window);
  g_autofree char *title = g_strdup_printf ("%s — Crossfoot", name);
  g_autofree char *listed = NULL;
  GPtrArray *tables;
  GPtrArray *findings;

  g_assert_nonnull (doc);
  g_assert_cmpstr (gtk_window_get_title (GTK_WINDOW (window)), ==, title);
  tables = cf_document_get_tables (doc);
  findings = cf_document_get_findings (doc);
  g_assert_cmpuint (count_rows (cf_window_get_tables_list (window)), ==, tables->len);
  g_assert_cmpuint (count_rows (cf_window_get_findings_list (window)), ==, findings->len);

  listed = findings_text (window);
  for (guint i = 0; i < findings->len; i++)
    {
      g_autofree char *line = cf_finding_describe (doc, g_ptr_array_index (findings, i));

      g_assert_nonnull (strstr (listed, line));
    }

  if (tables->len > 0)
    {
      CfTable *table = cf_grid_view_get_table (cf_window_get_grid_view (window));
      GtkListBoxRow *selected = gtk_list_box_get_selected_row (cf_window_get_tables_list (window));
      GtkColumnView *view = cf_grid_view_get_column_view (cf_window_get_grid_view (window));

      /* The grid shows the table selected in the list. */
      g_assert_nonnull (selected);
      g_assert_true (g_ptr_array_index (tables, gtk_list_box_row_get_index (selected)) == table);
      g_assert_cmpuint (g_list_model_get_n_items (gtk_column_view_get_columns (view)), ==,
                        (guint) cf_table_get_n_cols (table));
    }
}

static void
test_open_corpus (void)
{
  for (guint i = 0; i < G_N_ELEMENTS (text_reports); i++)
    {
      CfWindow *window = open_corpus ("text", text_reports[i]);

      check_opened (window, text_reports[i]);
      close_window (window);
    }
  for (guint i = 0; i < G_N_ELEMENTS (html_reports); i++)
    {
      CfWindow *window = open_corpus ("html", html_reports[i]);

      check_opened (window, html_reports[i]);
      close_window (window);
    }
}

static void
test_canonical_table_names (void)
{
  CfWindow *window = open_corpus ("text", "zibo-gaoxin-psb-2022.txt");
  GPtrArray *tables = cf_document_get_tables (cf_window_get_document (window));
  gboolean found = FALSE;

  for (guint i = 0; i < tables->len; i++)
    {
      CfTable *table = g_ptr_array_index (tables, i);
      GtkListBoxRow *row = gtk_list_box_get_row_at_index (cf_window_get_tables_list (window), (int) i);
      g_autoptr (GString) text = g_string_new (NULL);

      collect_text (GTK_WIDGET (row), text);
      if (g_strcmp0 (cf_table_get_id (table), "requests") == 0)
        {
          g_assert_nonnull (strstr (text->str, "三、收到和处理政府信息公开申请情况"));
          found = TRUE;
        }
    }
  if (!found)
    g_test_incomplete ("the requests table is not recognised in zibo-gaoxin yet");
  close_window (window);
}

static void
test_load_error (void)
{
  g_autofree char *dir = cf_test_make_tmpdir ();
  g_autofree char *path = g_build_filename (dir, "empty.txt", NULL);
  CfWindow *window;

  g_assert_true (g_file_set_contents (path, "", 0, NULL));
  window = open_window (path);
  g_assert_null (cf_window_get_document (window));
  g_assert_nonnull (cf_window_get_last_message (window));
  /* Core's messages start with the file's name. */
  g_assert_true (g_str_has_prefix (cf_window_get_last_message (window), "empty.txt"));
  close_window (window);
  cf_test_rm_rf (dir);
}

/* A value cell of @table with a source range, or NULL. */
static CfCell *
first_value_cell (CfTable *table)
{
  CfTableLabels *labels = cf_table_labels_for (table);

  for (guint i = 0; i < cf_table_get_n_cells (table); i++)
    {
      CfCell *cell = cf_table_get_cell_at (table, i);

      if (!cf_table_labels_is_fixed (labels, cell->row, cell->col) && cell->offset >= 0 &&
          cell->length > 0 && cell->number.kind == CF_NUMBER_VALUE)
        return cell;
    }
  return NULL;
}

static void
test_select_cell_highlights_source (void)
{
  CfWindow *window = open_corpus ("text", "zibo-gaoxin-psb-2022.txt");
  CfGridView *grid = cf_window_get_grid_view (window);
  CfSourceView *source = cf_window_get_source_view (window);
  CfTable *table = cf_grid_view_get_table (grid);
  CfCell *cell, *other = NULL;
  GtkWidget *widget;
  gint64 offset = -1, length = -1;
  int row, col;

  g_assert_nonnull (table);
  cell = first_value_cell (table);
  g_assert_nonnull (cell);
  widget = show_cell (window, cell->row, cell->col);
  g_assert_true (GTK_IS_EDITABLE_LABEL (widget));
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (widget)), ==, cell->text);
  g_assert_true (cf_source_view_get_highlight (source, &offset, &length));
  g_assert_cmpint (offset, ==, cell->offset);
  g_assert_cmpint (length, ==, cell->length);

  /* The cell's accessible name and where it came from (app.md). */
  {
    g_autofree char *label = cf_table_labels_cell (cf_table_labels_for (table), cell->row, cell->col);
    g_autofree char *where = g_strdup_printf ("line %d",
                                              cf_document_line_at_offset (cf_window_get_document (window),
                                                                          cell->offset));
    g_autofree char *error = gtk_test_accessible_check_property (GTK_ACCESSIBLE (widget),
                                                                 GTK_ACCESSIBLE_PROPERTY_LABEL, label);

    g_assert_cmpstr (error, ==, NULL);
    g_assert_nonnull (strstr (label, ", "));
    error = gtk_test_accessible_check_property (GTK_ACCESSIBLE (widget),
                                                GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, where);
    /* The description may add findings after the line; it starts with it. */
    if (error != NULL && !g_str_has_prefix (error, where))
      g_error ("description is %s, expected %s", error, where);
  }

  /* Clicking in the source text of another cell selects that cell. */
  for (guint i = 0; i < cf_table_get_n_cells (table); i++)
    {
      CfCell *candidate = cf_table_get_cell_at (table, i);

      if (candidate != cell && candidate->offset >= 0 && candidate->length > 0 &&
          candidate->number.kind == CF_NUMBER_VALUE)
        other = candidate;
    }
  g_assert_nonnull (other);
  {
    GtkTextBuffer *buffer = gtk_text_view_get_buffer (cf_source_view_get_text_view (source));
    const char *text = cf_document_get_text (cf_window_get_document (window), NULL);
    GtkTextIter iter;

    gtk_text_buffer_get_iter_at_offset (buffer, &iter,
                                        (int) g_utf8_pointer_to_offset (text, text + other->offset));
    gtk_text_buffer_place_cursor (buffer, &iter);
  }
  g_assert_true (cf_grid_view_get_selected (grid, &row, &col));
  g_assert_cmpint (row, ==, other->row);
  g_assert_cmpint (col, ==, other->col);
  close_window (window);
}

static CfTable *
find_requests (CfWindow *window, guint *index)
{
  GPtrArray *tables = cf_document_get_tables (cf_window_get_document (window));

  for (guint i = 0; i < tables->len; i++)
    if (g_strcmp0 (cf_table_get_id (g_ptr_array_index (tables, i)), "requests") == 0)
      {
        *index = i;
        return g_ptr_array_index (tables, i);
      }
  return NULL;
}

static void
test_edit_cell_reaudits (void)
{
  CfWindow *window = open_corpus ("text", "zibo-gaoxin-psb-2022.txt");
  CfDocument *doc = cf_window_get_document (window);
  guint index = 0;
  CfTable *table = find_requests (window, &index);
  CfCell *cell;
  GtkWidget *widget;
  g_autofree char *printed = NULL;
  g_autofree char *wrong = NULL;
  guint errors_before;

  g_assert_nonnull (table);
  cell = cf_table_find_by_keys (table, "new", "natural_person");
  g_assert_nonnull (cell);
  cf_window_select_table (window, index);
  spin_for (0.2);
  g_assert_true (cf_grid_view_get_table (cf_window_get_grid_view (window)) == table);
  errors_before = cf_document_count_findings (doc, CF_SEVERITY_ERROR);
  printed = g_strdup (cell->text);
  wrong = g_strdup_printf ("%d", (int) cell->number.value + 7);

  widget = show_cell (window, cell->row, cell->col);
  g_assert_true (GTK_IS_EDITABLE_LABEL (widget));
  gtk_editable_set_text (GTK_EDITABLE (widget), wrong);
  g_assert_cmpstr (cell->text, ==, wrong);
  g_assert_cmpstr (cell->original_text, ==, printed);
  g_assert_cmpuint (cf_document_count_findings (doc, CF_SEVERITY_ERROR), >, errors_before);
  {
    g_autofree char *listed = findings_text (window);

    g_assert_nonnull (strstr (listed, "错误："));
    g_assert_true (gtk_widget_has_css_class (widget, "cell-error"));
  }

  /* Back to the printed value: the finding goes away. */
  gtk_editable_set_text (GTK_EDITABLE (widget), printed);
  g_assert_cmpuint (cf_document_count_findings (doc, CF_SEVERITY_ERROR), ==, errors_before);
  g_assert_cmpuint (count_rows (cf_window_get_findings_list (window)), ==,
                    cf_document_get_findings (doc)->len);
  g_assert_false (gtk_widget_has_css_class (widget, "cell-error"));
  close_window (window);
}

static void
test_export (void)
{
  CfWindow *window = open_corpus ("text", "zibo-gaoxin-psb-2022.txt");
  CfDocument *doc = cf_window_get_document (window);
  CfTable *table = cf_grid_view_get_table (cf_window_get_grid_view (window));
  g_autofree char *dir = cf_test_make_tmpdir ();
  g_autofree char *table_path = g_build_filename (dir, "table.csv", NULL);
  g_autofree char *long_path = g_build_filename (dir, "long.csv", NULL);
  g_autofree char *findings_path = g_build_filename (dir, "findings.csv", NULL);
  g_autofree char *all_dir = g_build_filename (dir, "all", NULL);
  g_autofree char *contents = NULL;
  g_autofree char *expected = NULL;
  g_autoptr (GString) expected_long = g_string_new (NULL);
  g_autoptr (GString) expected_findings = g_string_new (NULL);
  g_autoptr (GError) error = NULL;
  g_autoptr (GDir) listing = NULL;
  CfCell *cell;
  GtkWidget *widget;
  guint n_files = 0;

  g_assert_nonnull (table);
  /* Exports hold the corrected value. */
  cell = first_value_cell (table);
  g_assert_nonnull (cell);
  widget = show_cell (window, cell->row, cell->col);
  gtk_editable_set_text (GTK_EDITABLE (widget), "4321");

  g_assert_true (cf_window_export (window, CF_EXPORT_TABLE, table_path, &error));
  g_assert_no_error (error);
  g_assert_true (g_file_get_contents (table_path, &contents, NULL, NULL));
  expected = cf_csv_table_to_string (table);
  g_assert_cmpstr (contents, ==, expected);
  g_assert_nonnull (strstr (contents, "4321"));
  g_clear_pointer (&contents, g_free);

  g_assert_true (cf_window_export (window, CF_EXPORT_LONG, long_path, &error));
  g_assert_true (g_file_get_contents (long_path, &contents, NULL, NULL));
  cf_csv_append_long (expected_long, doc, TRUE);
  g_assert_cmpstr (contents, ==, expected_long->str);
  g_clear_pointer (&contents, g_free);

  g_assert_true (cf_window_export (window, CF_EXPORT_FINDINGS, findings_path, &error));
  g_assert_true (g_file_get_contents (findings_path, &contents, NULL, NULL));
  /* Nothing accepted: the verdict columns say so. */
  cf_csv_append_findings_with_review (expected_findings, doc, NULL, TRUE);
  g_assert_cmpstr (contents, ==, expected_findings->str);

  g_assert_cmpint (g_mkdir (all_dir, 0700), ==, 0);
  g_assert_true (cf_window_export (window, CF_EXPORT_ALL_TABLES, all_dir, &error));
  g_assert_no_error (error);
  listing = g_dir_open (all_dir, 0, NULL);
  while (g_dir_read_name (listing) != NULL)
    n_files++;
  g_assert_cmpuint (n_files, ==, cf_document_get_tables (doc)->len);

  close_window (window);
  cf_test_rm_rf (dir);
}

static void
test_copy_paste (void)
{
  CfWindow *window = open_corpus ("text", "zibo-gaoxin-psb-2022.txt");
  CfGridView *grid = cf_window_get_grid_view (window);
  CfTable *table = cf_grid_view_get_table (grid);
  CfCell *cell = first_value_cell (table);
  g_autofree char *copied = NULL;

  g_assert_nonnull (cell);
  show_cell (window, cell->row, cell->col);
  copied = cf_grid_view_copy_selection (grid);
  g_assert_cmpstr (copied, ==, cell->text);
  cf_grid_view_paste_text (grid, "77\n");
  g_assert_cmpstr (cell->text, ==, "77");
  g_assert_true (cell->flags & CF_CELL_FLAG_CORRECTED);
  close_window (window);
}

/* Labels from a small table built by hand: two header levels, one spanning all values. */
static void
test_labels (void)
{
  g_autoptr (CfTable) table = cf_table_new ();
  CfTableLabels *labels;
  g_autofree char *cell_label = NULL;

  cf_table_add_cell (table, 0, 0, 2, 1, "项目", -1, 0)->flags |= CF_CELL_FLAG_HEADER;
  cf_table_add_cell (table, 0, 1, 1, 3, "申请人情况", -1, 0)->flags |= CF_CELL_FLAG_HEADER;
  cf_table_add_cell (table, 1, 1, 1, 1, "自然人", -1, 0)->flags |= CF_CELL_FLAG_HEADER;
  cf_table_add_cell (table, 1, 2, 1, 1, "法人", -1, 0)->flags |= CF_CELL_FLAG_HEADER;
  cf_table_add_cell (table, 1, 3, 1, 1, "总计", -1, 0)->flags |= CF_CELL_FLAG_HEADER;
  cf_table_add_cell (table, 2, 0, 1, 1, "一、本年新收政府信息公开申请数量", -1, 0);
  cf_table_add_cell (table, 2, 1, 1, 1, "4", -1, 0);
  cf_table_add_cell (table, 2, 2, 1, 1, "2", -1, 0);
  cf_table_add_cell (table, 2, 3, 1, 1, "5", -1, 0);
  cf_table_finish (table);

  labels = cf_table_labels_for (table);
  g_assert_cmpint (cf_table_labels_get_n_header_rows (labels), ==, 2);
  g_assert_true (cf_table_labels_is_fixed (labels, 2, 0));
  g_assert_false (cf_table_labels_is_fixed (labels, 2, 3));
  g_assert_true (cf_table_labels_is_fixed (labels, 1, 3));
  g_assert_cmpstr (cf_table_labels_col (labels, 3), ==, "总计");
  cell_label = cf_table_labels_cell (labels, 2, 3);
  g_assert_true (g_str_has_suffix (cell_label, "本年新收政府信息公开申请数量, 总计"));
}

static char *
write_test_pdf (const char *dir)
{
  char *path = g_build_filename (dir, "page.pdf", NULL);
  cairo_surface_t *surface = cairo_pdf_surface_create (path, 300, 200);
  cairo_t *cr = cairo_create (surface);

  cairo_move_to (cr, 20, 40);
  cairo_set_font_size (cr, 14);
  cairo_show_text (cr, "2022 report");
  cairo_show_page (cr);
  cairo_show_text (cr, "page two");
  cairo_destroy (cr);
  cairo_surface_destroy (surface);
  return path;
}

static gboolean
pdf_rendered (gpointer data)
{
  return cf_pdf_view_get_texture (data) != NULL;
}

static void
test_pdf_page (void)
{
  g_autofree char *dir = cf_test_make_tmpdir ();
  g_autofree char *path = write_test_pdf (dir);
  CfWindow *window = open_window (path);
  CfPdfView *view = cf_window_get_pdf_view (window);
  GdkTexture *texture;
  int scale;

  g_assert_nonnull (cf_window_get_document (window));
  g_assert_true (spin_until (pdf_rendered, view, 20));
  texture = cf_pdf_view_get_texture (view);
  scale = gtk_widget_get_scale_factor (GTK_WIDGET (view));
  g_assert_cmpint (gdk_texture_get_width (texture), ==, (int) (300 * cf_pdf_view_get_zoom (view) * scale + 0.5));
  g_assert_cmpint (cf_pdf_view_get_n_pages (view), ==, 2);

  cf_pdf_view_set_zoom (view, 2.0);
  cf_pdf_view_set_page (view, 2);
  g_assert_true (spin_until (pdf_rendered, view, 20));
  spin_for (0.5);
  texture = cf_pdf_view_get_texture (view);
  g_assert_cmpint (gdk_texture_get_width (texture), ==, 600 * scale);
  g_assert_cmpint (cf_pdf_view_get_page (view), ==, 2);
  close_window (window);
  cf_test_rm_rf (dir);
}

int
main (int argc, char **argv)
{
  g_autofree char *schemas = NULL;
  g_autofree char *forms = NULL;
  g_autofree char *data_dir = NULL;
  int status;

  g_setenv ("GSK_RENDERER", "cairo", FALSE);
  g_setenv ("GDK_BACKEND", "x11", FALSE);
  g_setenv ("NO_AT_BRIDGE", "1", TRUE);
  g_setenv ("GTK_A11Y", "test", FALSE);
  /* The compiled schema of the build tree, so window state is remembered. */
  if (g_getenv ("CF_TEST_BUILDDIR") != NULL)
    {
      schemas = g_build_filename (g_getenv ("CF_TEST_BUILDDIR"), "..", "data", NULL);
      g_setenv ("GSETTINGS_SCHEMA_DIR", schemas, TRUE);
    }
  g_setenv ("GSETTINGS_BACKEND", "memory", TRUE);
  /* Edits are saved as they are made: into a store of this run, never the user's. */
  data_dir = cf_test_make_tmpdir ();
  g_setenv ("CROSSFOOT_DATA_DIR", data_dir, TRUE);

  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/app/labels", test_labels);
  if (!gtk_init_check ())
    {
      g_test_message ("no display: run under xvfb-run");
      g_test_add_func ("/app/open-corpus", (GTestFunc) g_test_skip);
      status = g_test_run ();
      cf_test_rm_rf (data_dir);
      return status;
    }
  adw_init ();
  app = cf_application_new ();
  g_application_register (G_APPLICATION (app), NULL, NULL);

  g_test_add_func ("/app/open-corpus", test_open_corpus);
  g_test_add_func ("/app/canonical-table-names", test_canonical_table_names);
  g_test_add_func ("/app/load-error", test_load_error);
  g_test_add_func ("/app/select-cell-highlights-source", test_select_cell_highlights_source);
  g_test_add_func ("/app/edit-cell-reaudits", test_edit_cell_reaudits);
  g_test_add_func ("/app/export", test_export);
  g_test_add_func ("/app/copy-paste", test_copy_paste);
  g_test_add_func ("/app/pdf-page", test_pdf_page);
  status = g_test_run ();
  cf_test_rm_rf (data_dir);
  return status;
}
