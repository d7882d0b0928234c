/* test-extract.c: tables taken by hand from an area, in the window, under Xvfb
 *
 *   xvfb-run -a meson test -C build test-extract
 *
 * Lines selected in a text report's source view become a table of the
 * document (the tables list, the audit, a provenance note); a rectangle with
 * column separators is kept in PDF points over the page.
 */
#include <gtk/gtk.h>
#include <string.h>

#include "cf-test-gui.h"
#include "cf-area-select.h"
#include "cf-cell-labels.h"

static CfApplication *app;

static CfWindow *
open_report (const char *sub, const char *name)
{
  g_autofree char *path = cf_test_path ("corpus", sub, name, NULL);
  CfWindow *window = cf_test_open_window (app, path, cf_test_time_limit (60));

  g_assert_nonnull (cf_window_get_document (window));
  return window;
}

static CfFinding *
find_rule (CfDocument *document, const char *rule)
{
  GPtrArray *findings = cf_document_get_findings (document);

  for (guint i = 0; i < findings->len; i++)
    {
      CfFinding *finding = g_ptr_array_index (findings, i);

      if (g_strcmp0 (finding->rule, rule) == 0)
        return finding;
    }
  return NULL;
}

/* Selects the characters of the byte range [offset, offset + length) in the source view. */
static void
select_bytes (CfWindow *window, gint64 offset, gint64 length)
{
  CfDocument *document = cf_window_get_document (window);
  const char *text = cf_document_get_text (document, NULL);
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (cf_source_view_get_text_view (cf_window_get_source_view (window)));
  GtkTextIter start, end;

  gtk_text_buffer_get_iter_at_offset (buffer, &start, (int) g_utf8_pointer_to_offset (text, text + offset));
  gtk_text_buffer_get_iter_at_offset (buffer, &end,
                                      (int) g_utf8_pointer_to_offset (text, text + offset + length));
  gtk_text_buffer_select_range (buffer, &start, &end);
}

/* Whether win.@name runs: a disabled action does nothing, so no toast. */
static gboolean
action_runs (CfWindow *window, const char *name, GVariant *param)
{
  g_autofree char *before = g_strdup (cf_window_get_last_message (window));
  g_autofree char *full = g_strconcat ("win.", name, NULL);

  gtk_widget_activate_action_variant (GTK_WIDGET (window), full, param);
  cf_test_spin_for (0.1);
  return g_strcmp0 (before, cf_window_get_last_message (window)) != 0;
}

static void
test_text_selection (void)
{
  CfWindow *window = open_report ("text", "danfeng-psb-2020.txt");
  CfDocument *document = cf_window_get_document (window);
  GPtrArray *tables = cf_document_get_tables (document);
  guint n_tables = tables->len;
  CfTable *model;
  CfTable *extracted;
  CfFinding *note;
  gint64 offset, length;
  g_autoptr (GError) error = NULL;
  int index;

  g_assert_cmpuint (n_tables, >, 0);
  model = g_ptr_array_index (tables, n_tables - 1);
  cf_table_get_range (model, &offset, &length);
  g_assert_cmpint (offset, >=, 0);
  g_assert_cmpint (length, >, 0);

  /* Nothing selected: nothing to extract. */
  g_assert_false (action_runs (window, "extract-selection", g_variant_new_string ("auto")));

  /* The last table's lines, selected from the middle of its first line: the
   * selection takes whole lines. */
  select_bytes (window, offset + 3, length - 3);
  cf_test_spin_for (0.1);
  g_assert_true (action_runs (window, "extract-selection", g_variant_new_string ("auto")));
  g_assert_true (g_str_has_prefix (cf_window_get_last_message (window), "Extracted a table of "));

  g_assert_cmpuint (tables->len, ==, n_tables + 1);
  extracted = g_ptr_array_index (tables, n_tables);
  g_assert_cmpint (cf_table_get_n_rows (extracted), ==, cf_table_get_n_rows (model));
  g_assert_cmpint (cf_table_get_n_cols (extracted), >=, 2);
  g_assert_cmpint (cf_table_get_n_cells (extracted), >, 0);
  /* It joined the document like any other: listed, shown, audited. */
  g_assert_cmpuint (cf_test_count_rows (cf_window_get_tables_list (window)), ==, n_tables + 1);
  g_assert_true (cf_grid_view_get_table (cf_window_get_grid_view (window)) == extracted);
  g_assert_true (cf_document_find_table (document, cf_table_get_id (extracted)) == extracted);
  /* With its provenance: where it came from, in the findings. */
  note = find_rule (document, "extract.area");
  g_assert_nonnull (note);
  g_assert_cmpint (note->severity, ==, CF_SEVERITY_INFO);
  g_assert_cmpstr (note->table, ==, cf_table_get_id (extracted));
  g_assert_cmpint (note->offset, <=, offset);
  g_assert_cmpint (note->offset + note->length, >=, offset + length - 1);
  g_assert_nonnull (strstr (note->message, "lines"));
  g_assert_cmpuint (cf_test_count_rows (cf_window_get_findings_list (window)), ==,
                    cf_document_get_findings (document)->len);

  /* Prose holds no table: the window says so and adds nothing. */
  index = cf_window_extract_text_range (window, 0, 1, NULL, &error);
  g_assert_cmpint (index, ==, -1);
  g_assert_error (error, CF_ERROR, CF_ERROR_INVALID);
  g_assert_nonnull (strstr (error->message, "No table was found in lines 1–1"));
  g_assert_cmpuint (tables->len, ==, n_tables + 1);

  cf_test_close_window (window, 0.1);
}

static void
test_area_select (void)
{
  CfAreaSelect *area = CF_AREA_SELECT (g_object_ref_sink (cf_area_select_new ()));
  double rect[4] = { 300, 400, 100, 200 };
  double got[4];
  const double *columns;
  guint n = 0;

  g_assert_false (cf_area_select_get_area (area, got));
  g_assert_false (cf_area_select_get_active (area));
  g_assert_false (gtk_widget_get_can_target (GTK_WIDGET (area)));
  cf_area_select_set_active (area, TRUE);
  g_assert_true (gtk_widget_get_can_target (GTK_WIDGET (area)));

  /* Corners in any order make one x0 < x1, y0 < y1 rectangle. */
  cf_area_select_set_area (area, rect);
  g_assert_true (cf_area_select_get_area (area, got));
  g_assert_cmpfloat (got[0], ==, 100);
  g_assert_cmpfloat (got[1], ==, 200);
  g_assert_cmpfloat (got[2], ==, 300);
  g_assert_cmpfloat (got[3], ==, 400);

  /* Separators only inside, kept in order. */
  g_assert_true (cf_area_select_add_column (area, 250));
  g_assert_true (cf_area_select_add_column (area, 150));
  g_assert_false (cf_area_select_add_column (area, 50));
  g_assert_false (cf_area_select_add_column (area, 300));
  columns = cf_area_select_get_columns (area, &n);
  g_assert_cmpuint (n, ==, 2);
  g_assert_cmpfloat (columns[0], ==, 150);
  g_assert_cmpfloat (columns[1], ==, 250);

  /* Turning it off forgets the area. */
  cf_area_select_set_active (area, FALSE);
  g_assert_false (cf_area_select_get_area (area, got));
  cf_area_select_get_columns (area, &n);
  g_assert_cmpuint (n, ==, 0);
  g_object_unref (area);
}

static void
test_pdf_area_action (void)
{
  g_autofree char *path = cf_test_path ("pdf", "shanghai-gov-office-2019.pdf", NULL);
  CfWindow *window = cf_test_open_window (app, path, cf_test_time_limit (60));
  GtkWidget *pdf_view;
  GtkWidget *overlay;

  cf_test_spin_for (0.1);

  /* The area is drawn over the page, in the same overlay. */
  pdf_view = GTK_WIDGET (cf_window_get_pdf_view (window));
  overlay = gtk_widget_get_parent (pdf_view);
  g_assert_true (GTK_IS_OVERLAY (overlay));
  g_assert_true (CF_IS_AREA_SELECT (gtk_widget_get_next_sibling (pdf_view)) ||
                 CF_IS_AREA_SELECT (gtk_widget_get_prev_sibling (pdf_view)));
  /* Text selection is for text reports; extracting an area needs an area. */
  g_assert_false (action_runs (window, "extract-selection", g_variant_new_string ("auto")));
  g_assert_true (gtk_widget_get_sensitive (cf_test_find_by_action (GTK_WIDGET (window),
                                                                    "win.extract-area")));
  g_assert_true (gtk_widget_get_sensitive (cf_test_find_by_action (GTK_WIDGET (window),
                                                                    "win.select-area")));

  /* An area drawn around the requests table gives that table again, ruled,
   * with its page and boxes; the edit can be undone. */
  {
    CfDocument *document = cf_window_get_document (window);
    GPtrArray *tables = cf_document_get_tables (document);
    CfTable *requests = cf_document_find_table (document, "requests");
    CfAreaSelect *area = g_object_get_data (G_OBJECT (window), "cf-area-select");
    guint n_tables = tables->len;
    int page;
    double rect[4] = { G_MAXDOUBLE, G_MAXDOUBLE, -G_MAXDOUBLE, -G_MAXDOUBLE };
    CfTable *extracted;
    CfCell *cell;

    g_assert_nonnull (requests);
    g_assert_nonnull (area);
    page = cf_table_get_page (requests);
    for (guint i = 0; i < cf_table_get_n_cells (requests); i++)
      {
        cell = cf_table_get_cell_at (requests, i);
        if (cell->page != page)
          continue;
        rect[0] = MIN (rect[0], cell->bbox[0]);
        rect[1] = MIN (rect[1], cell->bbox[1]);
        rect[2] = MAX (rect[2], cell->bbox[2]);
        rect[3] = MAX (rect[3], cell->bbox[3]);
      }
    rect[0] -= 2, rect[1] -= 2, rect[2] += 2, rect[3] += 2;
    cf_pdf_view_set_page (cf_window_get_pdf_view (window), page);
    cf_test_spin_for (0.2);
    cf_area_select_set_active (area, TRUE);
    cf_area_select_set_area (area, rect);
    g_assert_true (action_runs (window, "extract-area", g_variant_new_string ("ruled")));
    g_assert_cmpuint (tables->len, ==, n_tables + 1);
    extracted = g_ptr_array_index (tables, n_tables);
    g_assert_cmpstr (cf_table_get_layout (extracted), ==, "area-ruled");
    g_assert_cmpint (cf_table_get_n_rows (extracted), >=, 10);
    cell = cf_table_get_cell_at (extracted, 0);
    g_assert_cmpint (cell->page, ==, page);
    g_assert_cmpfloat (cell->bbox[0], >=, rect[0]);
    g_assert_cmpfloat (cell->bbox[3], <=, rect[3]);

    gtk_widget_activate_action (GTK_WIDGET (window), "win.undo", NULL);
    cf_test_spin_for (0.2);
    g_assert_cmpuint (tables->len, ==, n_tables);
  }

  cf_test_close_window (window, 0.1);
}

static guint
count_rule (CfDocument *document, const char *rule)
{
  GPtrArray *findings = cf_document_get_findings (document);
  guint n = 0;

  for (guint i = 0; i < findings->len; i++)
    n += g_strcmp0 (((CfFinding *) g_ptr_array_index (findings, i))->rule, rule) == 0;
  return n;
}

/* A value cell of @table (not a label, not a header), or NULL. */
static CfCell *
some_value_cell (CfTable *table)
{
  for (guint i = 0; i < cf_table_get_n_cells (table); i++)
    {
      CfCell *cell = cf_table_get_cell_at (table, i);

      if (cell->number.kind == CF_NUMBER_VALUE && !(cell->flags & CF_CELL_FLAG_HEADER) &&
          !cf_table_labels_is_fixed (cf_table_labels_for (table), cell->row, cell->col))
        return cell;
    }
  return NULL;
}

/* An extracted table is an edit like the others: undone, redone, corrected,
 * and made again (with its note and the correction) when the report reopens. */
static void
test_extract_undo_reopen (void)
{
  g_autofree char *dir = cf_test_make_tmpdir ();
  g_autofree char *data = g_build_filename (dir, "data", NULL);
  g_autofree char *old_data = g_strdup (g_getenv ("CROSSFOOT_DATA_DIR"));
  g_autofree char *path = cf_test_path ("corpus", "text", "zibo-gaoxin-psb-2022.txt", NULL);
  g_autofree char *id = NULL;
  g_autofree char *corrected = NULL;
  g_autofree char *layout = NULL;
  CfWindow *window;
  CfDocument *document;
  GPtrArray *tables;
  CfTable *model, *extracted;
  CfCell *cell;
  GtkWidget *widget;
  guint n_tables;
  int n_rows, n_cols, row, col;
  gint64 offset, length;

  /* A store of its own: the other tests' extractions must not come back here. */
  g_setenv ("CROSSFOOT_DATA_DIR", data, TRUE);
  window = open_report ("text", "zibo-gaoxin-psb-2022.txt");
  document = cf_window_get_document (window);
  tables = cf_document_get_tables (document);
  n_tables = tables->len;
  g_assert_cmpuint (n_tables, >, 0);
  model = g_ptr_array_index (tables, n_tables - 1);
  cf_table_get_range (model, &offset, &length);
  g_assert_cmpint (offset, >=, 0);
  g_assert_cmpint (count_rule (document, "extract.area"), ==, 0);

  select_bytes (window, offset, length);
  cf_test_spin_for (0.1);
  g_assert_true (action_runs (window, "extract-selection", g_variant_new_string ("auto")));
  g_assert_cmpuint (tables->len, ==, n_tables + 1);
  extracted = g_ptr_array_index (tables, n_tables);
  id = g_strdup (cf_table_get_id (extracted));
  n_rows = cf_table_get_n_rows (extracted);
  n_cols = cf_table_get_n_cols (extracted);
  layout = g_strdup (cf_table_get_layout (extracted));
  g_assert_nonnull (layout);
  g_assert_cmpuint (count_rule (document, "extract.area"), ==, 1);

  /* Undo: gone from the document, the list, the grid and the findings. */
  gtk_widget_activate_action (GTK_WIDGET (window), "win.undo", NULL);
  cf_test_spin_for (0.1);
  g_assert_cmpuint (tables->len, ==, n_tables);
  g_assert_null (cf_document_find_table (document, id));
  g_assert_cmpuint (cf_test_count_rows (cf_window_get_tables_list (window)), ==, n_tables);
  g_assert_true (cf_grid_view_get_table (cf_window_get_grid_view (window)) != extracted);
  g_assert_cmpuint (count_rule (document, "extract.area"), ==, 0);
  g_assert_cmpuint (cf_test_count_rows (cf_window_get_findings_list (window)), ==,
                    cf_document_get_findings (document)->len);

  /* Redo: back, shown, with its note. */
  gtk_widget_activate_action (GTK_WIDGET (window), "win.redo", NULL);
  cf_test_spin_for (0.1);
  g_assert_cmpuint (tables->len, ==, n_tables + 1);
  extracted = g_ptr_array_index (tables, n_tables);
  g_assert_cmpstr (cf_table_get_id (extracted), ==, id);
  g_assert_cmpint (cf_table_get_n_rows (extracted), ==, n_rows);
  g_assert_true (cf_grid_view_get_table (cf_window_get_grid_view (window)) == extracted);
  g_assert_cmpuint (cf_test_count_rows (cf_window_get_tables_list (window)), ==, n_tables + 1);
  g_assert_cmpuint (count_rule (document, "extract.area"), ==, 1);

  /* A correction in the new table, typed in the grid. */
  cell = some_value_cell (extracted);
  g_assert_nonnull (cell);
  row = cell->row;
  col = cell->col;
  corrected = g_strdup_printf ("%d", (int) cell->number.value + 11);
  widget = cf_test_show_cell (window, row, col);
  g_assert_true (GTK_IS_EDITABLE (widget));
  gtk_editable_set_text (GTK_EDITABLE (widget), corrected);
  g_assert_cmpstr (cell->text, ==, corrected);
  cf_test_close_window (window, 0.6);

  /* Reopened: the table is back where it was, with its note and correction. */
  window = open_report ("text", "zibo-gaoxin-psb-2022.txt");
  document = cf_window_get_document (window);
  tables = cf_document_get_tables (document);
  g_assert_cmpuint (tables->len, ==, n_tables + 1);
  extracted = g_ptr_array_index (tables, n_tables);
  g_assert_cmpstr (cf_table_get_id (extracted), ==, id);
  g_assert_cmpint (cf_table_get_n_rows (extracted), ==, n_rows);
  g_assert_cmpint (cf_table_get_n_cols (extracted), ==, n_cols);
  g_assert_cmpstr (cf_table_get_layout (extracted), ==, layout);
  g_assert_cmpuint (cf_test_count_rows (cf_window_get_tables_list (window)), ==, n_tables + 1);
  g_assert_cmpuint (count_rule (document, "extract.area"), ==, 1);
  cell = cf_table_get_origin_cell (extracted, row, col);
  g_assert_nonnull (cell);
  g_assert_cmpstr (cell->text, ==, corrected);
  g_assert_true (cell->flags & CF_CELL_FLAG_CORRECTED);
  cf_test_close_window (window, 0.1);

  if (old_data != NULL)
    g_setenv ("CROSSFOOT_DATA_DIR", old_data, TRUE);
  cf_test_rm_rf (dir);
}

int
main (int argc, char **argv)
{
  cf_test_gui_init (&argc, &argv);
  if (!cf_test_gui_start ("/extract/text-selection"))
    return g_test_run ();
  app = cf_test_new_application ();

  g_test_add_func ("/extract/text-selection", test_text_selection);
  g_test_add_func ("/extract/area-select", test_area_select);
  g_test_add_func ("/extract/pdf-area-action", test_pdf_area_action);
  g_test_add_func ("/extract/undo-redo-reopen", test_extract_undo_reopen);
  /* The corrections store of the documents shown: a fresh one, thrown away. */
  return cf_test_run_with_data_dir ();
}
