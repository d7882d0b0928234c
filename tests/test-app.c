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
#include <math.h>
#include <string.h>

#include "cf-test-gui.h"
#include "cf-cell-labels.h"

static CfApplication *app;

static CfWindow *
open_window (const char *path)
{
  CfWindow *window = cf_test_new_window (app);
  g_autoptr (GFile) file = g_file_new_for_path (path);

  cf_window_open_file (window, file);
  g_assert_true (cf_window_is_loading (window));
  cf_test_wait_loaded (window, 60);
  return window;
}

static CfWindow *
open_corpus (const char *sub, const char *name)
{
  g_autofree char *path = cf_test_path ("corpus", sub, name, NULL);

  return open_window (path);
}

static char *
findings_text (CfWindow *window)
{
  GString *out = g_string_new (NULL);

  cf_test_collect_text (GTK_WIDGET (cf_window_get_findings_list (window)), out);
  return g_string_free (out, FALSE);
}

static void
close_window (CfWindow *window)
{
  cf_test_close_window (window, 0.05);
}

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
  g_assert_cmpuint (cf_test_count_rows (cf_window_get_tables_list (window)), ==, tables->len);
  g_assert_cmpuint (cf_test_count_rows (cf_window_get_findings_list (window)), ==, findings->len);

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
  for (guint i = 0; i < G_N_ELEMENTS (cf_test_corpus); i++)
    {
      CfWindow *window = open_corpus (cf_test_corpus[i].sub, cf_test_corpus[i].name);

      check_opened (window, cf_test_corpus[i].name);
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

      cf_test_collect_text (GTK_WIDGET (row), text);
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

/* The metainfo's <display_length compare="ge">N</display_length>. */
static int
metainfo_display_length (void)
{
  g_autofree char *path = g_build_filename (cf_test_srcdir (), "..", "data",
                                            "io.github.crossfoot.Crossfoot.metainfo.xml.in", NULL);
  g_autofree char *xml = NULL;
  g_autoptr (GRegex) regex = g_regex_new ("<display_length compare=\"ge\">(\\d+)</display_length>",
                                          0, 0, NULL);
  g_autoptr (GMatchInfo) match = NULL;
  g_autofree char *number = NULL;

  g_assert_true (g_file_get_contents (path, &xml, NULL, NULL));
  g_assert_true (g_regex_match (regex, xml, 0, &match));
  number = g_match_info_fetch (match, 1);
  return atoi (number);
}

/* The metainfo promises the app works on screens as narrow as the window's
 * own minimum width, with a PDF (page, tables, grid, findings) open: the
 * promise is no wider than the layout needs, and the layout no wider than
 * the promise. */
static void
test_narrowest_window (void)
{
  const char *reports[][2] = { { "pdf", "zibo-gaoxin-psb-2022.pdf" },
                               { "corpus/text", "shenzhen-psb-2020.txt" } };
  int promised = metainfo_display_length ();
  int widest = 0;

  for (guint i = 0; i < G_N_ELEMENTS (reports); i++)
    {
      g_autofree char *path = g_build_filename (cf_test_srcdir (), reports[i][0], reports[i][1], NULL);
      CfWindow *window = cf_test_new_window (app);
      int minimum = 0, natural = 0;

      /* On a screen that narrow: the sidebar folds, the source goes above
       * the grid, and the window is no wider than the screen. */
      gtk_window_set_default_size (GTK_WINDOW (window), promised, 700);
      cf_window_open_file (window, g_file_new_for_path (path));
      cf_test_wait_loaded (window, cf_test_time_limit (60));
      cf_test_spin_for (0.5);
      gtk_widget_measure (GTK_WIDGET (window), GTK_ORIENTATION_HORIZONTAL, -1, &minimum, &natural,
                          NULL, NULL);
      g_test_message ("%s: window minimum width %d px, width %d px", reports[i][1], minimum,
                      gtk_widget_get_width (GTK_WIDGET (window)));
      g_assert_cmpint (gtk_widget_get_width (GTK_WIDGET (window)), <=, promised);
      g_assert_true (cf_window_get_sidebar_folded (window));
      widest = MAX (widest, minimum);
      close_window (window);
    }
  g_test_message ("display_length %d, narrowest window %d px", promised, widest);
  g_assert_cmpint (widest, <=, promised);
  g_assert_cmpint (promised - widest, <, 40);
}

/* A link dragged from a browser is a web address, not a file the sandbox
 * can read: the window asks for the saved file and opens the rest. */
static void
test_web_link (void)
{
  g_autofree char *report = cf_test_path ("corpus", "text", "zibo-gaoxin-psb-2022.txt", NULL);
  g_autoptr (GFile) link = g_file_new_for_uri ("https://www.example.gov.cn/2022/report.pdf");
  g_autoptr (GFile) file = g_file_new_for_path (report);
  CfWindow *window = cf_test_new_window (app);
  GSList *files = g_slist_append (NULL, link);

  cf_window_open_files (window, files);
  g_assert_false (cf_window_is_loading (window));
  g_assert_null (cf_window_get_document (window));
  g_assert_nonnull (strstr (cf_window_get_last_message (window),
                            "https://www.example.gov.cn/2022/report.pdf"));
  g_assert_nonnull (strstr (cf_window_get_last_message (window), "save"));

  /* With a local file beside it, the file opens. */
  files = g_slist_append (files, file);
  cf_window_open_files (window, files);
  cf_test_wait_loaded (window, 60);
  g_assert_nonnull (cf_window_get_document (window));
  g_slist_free (files);
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
  widget = cf_test_show_cell (window, cell->row, cell->col);
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

static void
test_edit_cell_reaudits (void)
{
  CfWindow *window = open_corpus ("text", "zibo-gaoxin-psb-2022.txt");
  CfDocument *doc = cf_window_get_document (window);
  CfCell *cell = cf_test_show_table_cell (window, "requests", "new", "natural_person");
  GtkWidget *widget;
  g_autofree char *printed = NULL;
  g_autofree char *wrong = NULL;
  guint errors_before;

  errors_before = cf_document_count_findings (doc, CF_SEVERITY_ERROR);
  printed = g_strdup (cell->text);
  wrong = g_strdup_printf ("%d", (int) cell->number.value + 7);

  widget = cf_test_show_cell (window, cell->row, cell->col);
  g_assert_true (GTK_IS_EDITABLE_LABEL (widget));
  gtk_editable_set_text (GTK_EDITABLE (widget), wrong);
  g_assert_cmpstr (cell->text, ==, wrong);
  g_assert_cmpstr (cell->original_text, ==, printed);
  g_assert_cmpuint (cf_document_count_findings (doc, CF_SEVERITY_ERROR), >, errors_before);
  {
    g_autofree char *listed = findings_text (window);

    g_autofree char *said = g_strdup_printf ("Error: 本年新收政府信息公开申请数量, 自然人：%s ≠ %s\n",
                                             wrong, printed);

    /* The edited part is the likely wrong cell: its value and the one that
     * fits, with no sum (its expected value is a difference). */
    g_assert_nonnull (strstr (listed, said));
    g_assert_true (gtk_widget_has_css_class (widget, "cell-error"));
  }

  /* Back to the printed value: the finding goes away. */
  gtk_editable_set_text (GTK_EDITABLE (widget), printed);
  g_assert_cmpuint (cf_document_count_findings (doc, CF_SEVERITY_ERROR), ==, errors_before);
  g_assert_cmpuint (cf_test_count_rows (cf_window_get_findings_list (window)), ==,
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
  widget = cf_test_show_cell (window, cell->row, cell->col);
  gtk_editable_set_text (GTK_EDITABLE (widget), "4321");

  g_assert_true (cf_window_export (window, CF_EXPORT_TABLE, table_path, &error));
  g_assert_no_error (error);
  g_assert_true (g_file_get_contents (table_path, &contents, NULL, NULL));
  /* The grid, then the trail: the extracted text beside the fixed one. */
  expected = cf_csv_table_to_string_full (doc, table, NULL);
  /* UTF-8 with a BOM unless the save dialog chose otherwise: what Excel reads. */
  g_assert_true (g_str_has_prefix (contents, "\xEF\xBB\xBF"));
  g_assert_cmpstr (contents + 3, ==, expected);
  g_assert_nonnull (strstr (contents, "4321"));
  {
    g_autofree char *trail = g_strdup_printf ("\r\n%d,%d,", cell->row + 1, cell->col + 1);
    g_assert_nonnull (strstr (contents, "\r\n\r\nrow,column,row_key,column_key,extracted,printed,"));
    g_assert_nonnull (strstr (contents, trail));
  }
  g_clear_pointer (&contents, g_free);

  g_assert_true (cf_window_export (window, CF_EXPORT_LONG, long_path, &error));
  g_assert_true (g_file_get_contents (long_path, &contents, NULL, NULL));
  cf_csv_append_long_with_review (expected_long, doc, NULL, TRUE);
  g_assert_cmpstr (contents + 3, ==, expected_long->str);
  g_clear_pointer (&contents, g_free);

  g_assert_true (cf_window_export (window, CF_EXPORT_FINDINGS, findings_path, &error));
  g_assert_true (g_file_get_contents (findings_path, &contents, NULL, NULL));
  /* Nothing accepted: the verdict columns say so. */
  cf_csv_append_findings_with_review (expected_findings, doc, NULL, TRUE);
  g_assert_cmpstr (contents + 3, ==, expected_findings->str);

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

static gboolean
find_file_chooser (gpointer data)
{
  GtkWidget **found = data;
  GListModel *toplevels = gtk_window_get_toplevels ();

  for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
    {
      g_autoptr (GtkWidget) window = g_list_model_get_item (toplevels, i);

      if (GTK_IS_FILE_CHOOSER (window) && gtk_widget_get_visible (window))
        {
          *found = window;
          return TRUE;
        }
    }
  return FALSE;
}

static gboolean
file_exists (gpointer path)
{
  return g_file_test (path, G_FILE_TEST_EXISTS);
}

/* The CSV save dialog offers the encoding (UTF-8 with a BOM first), writes
 * the one chosen and offers it first the next time. */
static void
test_export_encoding_choice (void)
{
  CfWindow *window = open_corpus ("text", "zibo-gaoxin-psb-2022.txt");
  CfDocument *doc = cf_window_get_document (window);
  CfTable *table = cf_grid_view_get_table (cf_window_get_grid_view (window));
  g_autofree char *dir = cf_test_make_tmpdir ();
  g_autofree char *path = g_build_filename (dir, "table.csv", NULL);
  g_autoptr (GFile) folder = g_file_new_for_path (dir);
  g_autofree char *expected = cf_csv_table_to_string_full (doc, table, NULL);
  g_autofree char *contents = NULL;
  g_autofree char *back = NULL;
  g_autofree char *encoding = NULL;
  g_autoptr (GString) shown = g_string_new (NULL);
  g_autoptr (GError) error = NULL;
  GtkWidget *dialog = NULL;
  gsize len = 0;

  g_assert_null (cf_test_find_by_action (GTK_WIDGET (window), "win.csv-encoding"));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.export-table", NULL));
  g_assert_true (cf_test_spin_until (find_file_chooser, &dialog, 10));
  cf_test_spin_for (0.3);
  /* What the dialog shows: the choice, UTF-8 with a BOM selected. */
  cf_test_collect_text (dialog, shown);
  g_test_message ("dialog shows: %s", shown->str);
  g_assert_nonnull (strstr (shown->str, "CSV Encoding"));
  g_assert_nonnull (strstr (shown->str, "UTF-8 with BOM (Excel)"));
  g_assert_cmpstr (gtk_file_chooser_get_choice (GTK_FILE_CHOOSER (dialog), "choice"), ==,
                   "utf-8-bom");

  /* Chosen as a person does, in the drop-down: its second option. */
  {
    GtkWidget *drop_down = cf_test_find_descendant (dialog, GTK_TYPE_DROP_DOWN);

    g_assert_nonnull (drop_down);
    g_assert_cmpuint (gtk_drop_down_get_selected (GTK_DROP_DOWN (drop_down)), ==, 0);
    gtk_drop_down_set_selected (GTK_DROP_DOWN (drop_down), 1);
  }
  g_assert_cmpstr (gtk_file_chooser_get_choice (GTK_FILE_CHOOSER (dialog), "choice"), ==,
                   "gb18030");
  g_assert_true (gtk_file_chooser_set_current_folder (GTK_FILE_CHOOSER (dialog), folder, &error));
  g_assert_no_error (error);
  gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (dialog), "table.csv");
  gtk_dialog_response (GTK_DIALOG (dialog), GTK_RESPONSE_ACCEPT);
  g_assert_true (cf_test_spin_until (file_exists, path, 10));
  cf_test_spin_for (0.2);

  g_assert_true (g_file_get_contents (path, &contents, &len, NULL));
  g_assert_false (g_utf8_validate (contents, (gssize) len, NULL));
  back = g_convert (contents, (gssize) len, "UTF-8", "GB18030", NULL, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (back, ==, expected);

  /* Remembered: the next dialog offers GB18030 first. */
  g_object_get (window, "csv-encoding", &encoding, NULL);
  g_assert_cmpstr (encoding, ==, "gb18030");
  dialog = NULL;
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.export-long", NULL));
  g_assert_true (cf_test_spin_until (find_file_chooser, &dialog, 10));
  g_assert_cmpstr (gtk_file_chooser_get_choice (GTK_FILE_CHOOSER (dialog), "choice"), ==,
                   "gb18030");
  gtk_dialog_response (GTK_DIALOG (dialog), GTK_RESPONSE_CANCEL);
  cf_test_spin_for (0.3);
  g_object_set (window, "csv-encoding", "utf-8-bom", NULL);

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
  cf_test_show_cell (window, cell->row, cell->col);
  copied = cf_grid_view_copy_selection (grid);
  g_assert_cmpstr (copied, ==, cell->text);
  cf_grid_view_paste_text (grid, "77\n");
  g_assert_cmpstr (cell->text, ==, "77");
  g_assert_true (cell->flags & CF_CELL_FLAG_CORRECTED);
  close_window (window);
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

/* A table read from a PDF says how sure the reading is, in the list of tables
 * (what a screen reader reads as the row's description): a doubtful one
 * (confidence under 90 %) says so, is marked, and is the table shown first. */
static void
check_table_confidence (const char *name, guint *n_doubtful, guint *n_sure)
{
  g_autofree char *path = cf_test_path ("generic", name, NULL);
  CfWindow *window = open_window (path);
  GPtrArray *tables = cf_document_get_tables (cf_window_get_document (window));
  GtkListBox *list = cf_window_get_tables_list (window);
  guint least = 0, doubtful_here = 0;

  g_assert_cmpuint (tables->len, >=, 1);
  for (guint i = 0; i < tables->len; i++)
    {
      CfTable *table = g_ptr_array_index (tables, i);
      GtkListBoxRow *row = gtk_list_box_get_row_at_index (list, (int) i);
      double confidence = cf_table_get_confidence (table);
      int percent = (int) floor (confidence * 100 + 0.5);
      g_autofree char *doubtful = g_strdup_printf ("doubtful, confidence %d %%", percent);
      g_autofree char *sure = g_strdup_printf (" · confidence %d %%", percent);
      g_autofree char *description = gtk_test_accessible_check_property (GTK_ACCESSIBLE (row),
                                                                         GTK_ACCESSIBLE_PROPERTY_DESCRIPTION,
                                                                         "");
      g_autoptr (GString) shown = g_string_new (NULL);

      g_assert_cmpfloat (confidence, >=, 0.0);
      g_assert_nonnull (description);
      cf_test_collect_text (GTK_WIDGET (row), shown);
      if (confidence < 0.9)
        {
          doubtful_here++;
          g_assert_nonnull (strstr (description, doubtful));
          g_assert_nonnull (strstr (shown->str, doubtful));
          if (confidence < cf_table_get_confidence (g_ptr_array_index (tables, least))
              || cf_table_get_confidence (g_ptr_array_index (tables, least)) >= 0.9)
            least = i;
        }
      else
        {
          (*n_sure)++;
          g_assert_nonnull (strstr (description, sure));
          g_assert_null (strstr (description, "doubtful"));
        }
    }
  /* With no error to show first, the most doubtful table is the one shown. */
  if (doubtful_here > 0)
    {
      g_assert_cmpint (gtk_list_box_row_get_index (gtk_list_box_get_selected_row (list)), ==, (int) least);
      g_assert_true (cf_grid_view_get_table (cf_window_get_grid_view (window)) == g_ptr_array_index (tables, least));
    }
  *n_doubtful += doubtful_here;
  close_window (window);
}

static void
test_table_confidence (void)
{
  guint n_doubtful = 0, n_sure = 0;

  /* Generated generic tables: a table beside prose the reader is unsure of,
   * and tables it is sure of (if the reader gets surer, pick others). */
  check_table_confidence ("gen-024-beside-shaded.chromium.pdf", &n_doubtful, &n_sure);
  check_table_confidence ("gen-019-beside-none.chromium.pdf", &n_doubtful, &n_sure);
  check_table_confidence ("gen-022-stacked-shaded.wkhtmltopdf.pdf", &n_doubtful, &n_sure);
  g_assert_cmpuint (n_doubtful, >=, 1);
  g_assert_cmpuint (n_sure, >=, 1);
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
  g_assert_true (cf_test_spin_until (pdf_rendered, view, 20));
  texture = cf_pdf_view_get_texture (view);
  scale = gtk_widget_get_scale_factor (GTK_WIDGET (view));
  g_assert_cmpint (gdk_texture_get_width (texture), ==, (int) (300 * cf_pdf_view_get_zoom (view) * scale + 0.5));
  g_assert_cmpint (cf_pdf_view_get_n_pages (view), ==, 2);

  cf_pdf_view_set_zoom (view, 2.0);
  cf_pdf_view_set_page (view, 2);
  g_assert_true (cf_test_spin_until (pdf_rendered, view, 20));
  cf_test_spin_for (0.5);
  texture = cf_pdf_view_get_texture (view);
  g_assert_cmpint (gdk_texture_get_width (texture), ==, 600 * scale);
  g_assert_cmpint (cf_pdf_view_get_page (view), ==, 2);
  close_window (window);
  cf_test_rm_rf (dir);
}

/* Value cells of a long table: the ones on screen are editors once the
 * scrolling stops, the many more GTK keeps bound off screen are plain labels
 * (GTK 4.8 keeps 200 rows bound), and every one of them is named. */
typedef struct
{
  GtkWidget *viewport;
  guint      editors;
  guint      labels;
  guint      shown_labels;
  guint      unnamed;
} ValueCells;

static void
count_value_cells (GtkWidget *widget, ValueCells *cells)
{
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      graphene_rect_t bounds;

      if (!gtk_widget_has_css_class (child, "value-cell"))
        {
          count_value_cells (child, cells);
          continue;
        }
      if (GTK_IS_EDITABLE_LABEL (child))
        cells->editors++;
      else
        {
          g_assert_true (GTK_IS_LABEL (child));
          cells->labels++;
          /* GTK 4.8 leaves the rows it keeps out of view unmapped. */
          if (gtk_widget_get_mapped (child) &&
              gtk_widget_compute_bounds (child, cells->viewport, &bounds) &&
              bounds.origin.y + bounds.size.height > 0 &&
              bounds.origin.y < gtk_widget_get_height (cells->viewport) &&
              bounds.origin.x + bounds.size.width > 0 &&
              bounds.origin.x < gtk_widget_get_width (cells->viewport))
            cells->shown_labels++;
        }
      {
        int row = GPOINTER_TO_INT (g_object_get_data (G_OBJECT (child), "cf-row"));
        int col = GPOINTER_TO_INT (g_object_get_data (G_OBJECT (child), "cf-col"));
        g_autofree char *name = g_strdup_printf ("第%d行, 第%d列", row, col);
        g_autofree char *error = gtk_test_accessible_check_property (GTK_ACCESSIBLE (child),
                                                                     GTK_ACCESSIBLE_PROPERTY_LABEL,
                                                                     name);

        cells->unnamed += error != NULL;
      }
    }
}

static void
test_long_table_editors (void)
{
  g_autofree char *dir = cf_test_make_tmpdir ();
  g_autofree char *path = g_build_filename (dir, "long.txt", NULL);
  GString *text = g_string_new ("某市2023年政府信息公开工作年度报告\n\n一、大表\n\n项目");
  CfWindow *window;
  GtkWidget *view;
  GtkAdjustment *vadjustment;
  ValueCells cells = { 0 };

  for (int c = 1; c < 12; c++)
    g_string_append_printf (text, "\t第%d列", c);
  for (int r = 1; r <= 600; r++)
    {
      g_string_append_printf (text, "\n第%d行", r);
      for (int c = 1; c < 12; c++)
        g_string_append_printf (text, "\t%d", (r * 7 + c * 13) % 1000);
    }
  g_string_append_c (text, '\n');
  g_assert_true (g_file_set_contents (path, text->str, (gssize) text->len, NULL));
  g_string_free (text, TRUE);

  window = open_window (path);
  g_assert_cmpint (cf_table_get_n_rows (cf_grid_view_get_table (cf_window_get_grid_view (window))), ==, 601);
  view = GTK_WIDGET (cf_grid_view_get_column_view (cf_window_get_grid_view (window)));
  cells.viewport = gtk_widget_get_ancestor (view, GTK_TYPE_SCROLLED_WINDOW);
  vadjustment = gtk_scrollable_get_vadjustment (GTK_SCROLLABLE (view));
  cf_test_spin_for (0.5);

  for (int pass = 0; pass < 2; pass++)
    {
      /* Editors come when the scrolling settles (a low-priority timeout):
       * on a loaded machine that can take longer than the spin above. */
      gint64 deadline = g_get_monotonic_time () + (gint64) (cf_test_time_limit (10) * G_USEC_PER_SEC);
      do
        {
          cells.editors = cells.labels = cells.shown_labels = cells.unnamed = 0;
          count_value_cells (view, &cells);
          if (cells.editors > 0 && cells.shown_labels == 0)
            break;
          cf_test_spin_for (0.1);
        }
      while (g_get_monotonic_time () < deadline);
      g_assert_cmpuint (cells.editors, >, 0);
      g_assert_cmpuint (cells.shown_labels, ==, 0);
      g_assert_cmpuint (cells.labels, >, 2 * cells.editors);
      g_assert_cmpuint (cells.unnamed, ==, 0);

      /* Far down: the editors follow. */
      gtk_adjustment_set_value (vadjustment, gtk_adjustment_get_upper (vadjustment) / 2);
      cf_test_spin_for (0.6);
    }
  cf_test_close_window (window, 0.1);
  cf_test_rm_rf (dir);
}

/* The value cell widget showing (@row, @col) under @widget, or NULL. */
static GtkWidget *
find_value_widget (GtkWidget *widget, int row, int col)
{
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found;

      if (gtk_widget_has_css_class (child, "value-cell"))
        {
          if (GPOINTER_TO_INT (g_object_get_data (G_OBJECT (child), "cf-row")) == row &&
              GPOINTER_TO_INT (g_object_get_data (G_OBJECT (child), "cf-col")) == col &&
              gtk_widget_get_parent (child) != NULL)
            return child;
          continue;
        }
      if ((found = find_value_widget (child, row, col)) != NULL)
        return found;
    }
  return NULL;
}

/* What assistive tools need of a report's table (app.md): every value cell
 * settable (an editable, on screen or not), named by the printed row and the
 * column the form mapped it to, and described with its own errors only. */
static void
test_accessible_cells (void)
{
  CfWindow *window = open_corpus ("html", "shanghai-gov-office-2019.html");
  CfGridView *grid = cf_window_get_grid_view (window);
  CfTable *table = cf_grid_view_get_table (grid);
  GtkWidget *view = GTK_WIDGET (cf_grid_view_get_column_view (grid));
  ValueCells cells = { 0 };
  CfCell *total, *part;
  GtkWidget *widget;
  g_autofree char *error = NULL;

  g_assert_cmpstr (cf_table_get_id (table), ==, "requests");
  cells.viewport = gtk_widget_get_ancestor (view, GTK_TYPE_SCROLLED_WINDOW);
  cf_test_spin_for (0.5);
  count_value_cells (view, &cells);
  g_assert_cmpuint (cells.editors, >, 100);
  g_assert_cmpuint (cells.labels, ==, 0);

  /* （一）予以公开 prints no 总计: the total cell is in error, its parts are not. */
  total = cf_table_find_by_keys (table, "granted", "total");
  part = cf_table_find_by_keys (table, "granted", "commercial");
  g_assert_nonnull (total);
  g_assert_nonnull (part);
  widget = find_value_widget (view, total->row, total->col);
  g_assert_true (GTK_IS_EDITABLE_LABEL (widget));
  error = gtk_test_accessible_check_property (GTK_ACCESSIBLE (widget),
                                              GTK_ACCESSIBLE_PROPERTY_LABEL,
                                              "本年度办理结果 / 予以公开, 总计");
  g_assert_cmpstr (error, ==, NULL);
  g_clear_pointer (&error, g_free);
  error = gtk_test_accessible_check_property (GTK_ACCESSIBLE (widget),
                                              GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, "");
  g_assert_nonnull (error);
  g_assert_nonnull (strstr (error, "Warning: 本年度办理结果 / 予以公开, 总计"));
  g_clear_pointer (&error, g_free);
  widget = find_value_widget (view, part->row, part->col);
  g_assert_true (GTK_IS_EDITABLE_LABEL (widget));
  error = gtk_test_accessible_check_property (GTK_ACCESSIBLE (widget),
                                              GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, "line 37");
  g_assert_cmpstr (error, ==, NULL);
  /* The part still explains the finding on hover. */
  g_assert_nonnull (strstr (gtk_widget_get_tooltip_text (widget), "予以公开, 总计"));
  /* The findings list names the cell once, then says what is wrong. */
  {
    g_autofree char *listed = findings_text (window);

    g_assert_nonnull (strstr (listed, "Warning: 本年度办理结果 / 予以公开, 总计：空白 ≠ 258 + 12"));
  }
  close_window (window);

  /* The same report printed to PDF: the header over every value column
   * (申请人情况) names none of them, though the table breaks over pages. */
  {
    g_autofree char *pdf = cf_test_path ("pdf", "shanghai-gov-office-2019.pdf", NULL);
    g_autofree char *label = NULL;

    window = open_window (pdf);
    table = cf_grid_view_get_table (cf_window_get_grid_view (window));
    g_assert_cmpstr (cf_table_get_id (table), ==, "requests");
    part = cf_table_find_by_keys (table, "new", "natural_person");
    g_assert_nonnull (part);
    label = cf_table_labels_cell (cf_table_labels_for_document (cf_window_get_document (window), table),
                                  part->row, part->col);
    g_assert_cmpstr (label, ==, "本年新收政府信息公开申请数量, 自然人");
    close_window (window);
  }

  /* Lost header structure (one cell per line): the mapped columns are named
   * by the form, not by the header text that landed above them. */
  window = open_corpus ("text", "danfeng-psb-2020.txt");
  table = cf_grid_view_get_table (cf_window_get_grid_view (window));
  total = cf_table_find_by_keys (table, "new", "total");
  g_assert_nonnull (total);
  {
    /* In the report's own (Traditional) characters. */
    static const char *const names[] = { "自然人", "商業企業", "科研機構", "社會公益組織",
                                         "法律服務機構", "其他", "總計" };
    CfTableLabels *labels = cf_table_labels_for_document (cf_window_get_document (window), table);

    g_assert_cmpint (total->col, >=, 6);
    for (int i = 0; i < 7; i++)
      g_assert_cmpstr (cf_table_labels_col (labels, total->col - 6 + i), ==, names[i]);
  }
  close_window (window);
}

int
main (int argc, char **argv)
{
  g_autofree char *schemas = NULL;
  g_autofree char *forms = NULL;
  g_autofree char *data_dir = NULL;
  int status;

  /* The compiled schema of the build tree, so window state is remembered. */
  if (g_getenv ("CF_TEST_BUILDDIR") != NULL)
    {
      schemas = g_build_filename (g_getenv ("CF_TEST_BUILDDIR"), "..", "data", NULL);
      g_setenv ("GSETTINGS_SCHEMA_DIR", schemas, TRUE);
    }
  /* Edits are saved as they are made: into a store of this run, never the user's. */
  data_dir = cf_test_make_tmpdir ();
  g_setenv ("CROSSFOOT_DATA_DIR", data_dir, TRUE);

  cf_test_gui_init (&argc, &argv);
  if (!cf_test_gui_start ("/app/open-corpus"))
    {
      status = g_test_run ();
      cf_test_rm_rf (data_dir);
      return status;
    }
  app = cf_test_new_application ();

  g_test_add_func ("/app/open-corpus", test_open_corpus);
  g_test_add_func ("/app/canonical-table-names", test_canonical_table_names);
  g_test_add_func ("/app/load-error", test_load_error);
  g_test_add_func ("/app/narrowest-window", test_narrowest_window);
  g_test_add_func ("/app/web-link", test_web_link);
  g_test_add_func ("/app/select-cell-highlights-source", test_select_cell_highlights_source);
  g_test_add_func ("/app/edit-cell-reaudits", test_edit_cell_reaudits);
  g_test_add_func ("/app/export", test_export);
  g_test_add_func ("/app/export-encoding-choice", test_export_encoding_choice);
  g_test_add_func ("/app/copy-paste", test_copy_paste);
  g_test_add_func ("/app/pdf-page", test_pdf_page);
  g_test_add_func ("/app/table-confidence", test_table_confidence);
  g_test_add_func ("/app/long-table-editors", test_long_table_editors);
  g_test_add_func ("/app/accessible-cells", test_accessible_cells);
  status = g_test_run ();
  cf_test_rm_rf (data_dir);
  return status;
}
