/* Tests of the table model: spans, lookups, keys, corrections. */
#include "cf-test-util.h"
#include <string.h>

static void
test_spans (void)
{
  g_autoptr (CfTable) table = cf_table_new ();
  CfCell *merged = cf_table_add_cell (table, 0, 0, 2, 3, "申请人情况", 10, 15);
  CfCell *cell;

  cf_table_add_cell (table, 2, 0, 1, 1, "自然人", 40, 9);
  cf_table_add_cell (table, 2, 2, 1, 1, "4", 60, 1);
  cf_table_finish (table);

  g_assert_cmpint (cf_table_get_n_rows (table), ==, 3);
  g_assert_cmpint (cf_table_get_n_cols (table), ==, 3);
  g_assert_true (cf_table_get_cell (table, 1, 2) == merged);
  g_assert_null (cf_table_get_origin_cell (table, 1, 2));
  g_assert_true (cf_table_get_origin_cell (table, 0, 0) == merged);
  g_assert_null (cf_table_get_cell (table, 2, 1));
  g_assert_null (cf_table_get_cell (table, 3, 0));
  cell = cf_table_get_cell (table, 2, 2);
  g_assert_nonnull (cell);
  g_assert_cmpint (cell->number.kind, ==, CF_NUMBER_VALUE);
  g_assert_cmpfloat (cell->number.value, ==, 4);
  g_assert_cmpint (cell->offset, ==, 60);
}

static void
test_correction_keeps_original (void)
{
  g_autoptr (CfTable) table = cf_table_new ();
  CfCell *cell = cf_table_add_cell (table, 0, 0, 1, 1, "5", 0, 1);

  cf_cell_set_text (cell, "6");
  g_assert_cmpstr (cell->text, ==, "6");
  g_assert_cmpstr (cell->original_text, ==, "5");
  g_assert_true (cell->flags & CF_CELL_FLAG_CORRECTED);
  g_assert_cmpfloat (cell->number.value, ==, 6);
  cf_cell_set_text (cell, "7");
  g_assert_cmpstr (cell->original_text, ==, "5");
  cf_cell_set_text (cell, "5");
  g_assert_null (cell->original_text);
  g_assert_false (cell->flags & CF_CELL_FLAG_CORRECTED);
}

static void
test_keys (void)
{
  g_autoptr (CfTable) table = cf_table_new ();
  CfCell *cell = cf_table_add_cell (table, 3, 7, 1, 1, "14069", -1, 0);

  cf_cell_set_keys (cell, "new", "total");
  cf_table_finish (table);
  g_assert_true (cf_table_find_by_keys (table, "new", "total") == cell);
  g_assert_null (cf_table_find_by_keys (table, "new", "natural_person"));
}

static void
test_document_tables_and_lines (void)
{
  g_autoptr (CfDocument) doc = cf_document_new ("x.txt", CF_DOCUMENT_KIND_TEXT);
  g_autoptr (CfTable) a = cf_table_new ();
  g_autoptr (CfTable) b = cf_table_new ();

  cf_document_take_text (doc, g_strdup ("one\ntwo\nthree"), 13);
  g_assert_cmpint (cf_document_line_at_offset (doc, 0), ==, 1);
  g_assert_cmpint (cf_document_line_at_offset (doc, 4), ==, 2);
  g_assert_cmpint (cf_document_line_at_offset (doc, 12), ==, 3);
  cf_document_add_table (doc, a);
  cf_table_set_id (b, "requests");
  cf_document_add_table (doc, b);
  g_assert_cmpstr (cf_table_get_id (a), ==, "table-1");
  g_assert_true (cf_document_find_table (doc, "requests") == b);
  g_assert_cmpstr (cf_document_get_basename (doc), ==, "x.txt");
}

static void
test_locate_range (void)
{
  g_autoptr (CfDocument) doc = cf_document_new ("x.pdf", CF_DOCUMENT_KIND_PDF);
  CfTextBox a = { 0, 3, 1, { 10, 20, 15, 30 } };
  CfTextBox b = { 3, 3, 1, { 15, 20, 22, 31 } };
  CfTextBox c = { 6, 1, 2, { 0, 0, 5, 5 } };
  int page = 0;
  double box[4];

  cf_document_add_text_box (doc, &a);
  cf_document_add_text_box (doc, &b);
  cf_document_add_text_box (doc, &c);
  g_assert_true (cf_document_locate_range (doc, 0, 6, &page, box));
  g_assert_cmpint (page, ==, 1);
  g_assert_cmpfloat (box[0], ==, 10);
  g_assert_cmpfloat (box[2], ==, 22);
  g_assert_cmpfloat (box[3], ==, 31);
  g_assert_true (cf_document_locate_range (doc, 6, 1, &page, box));
  g_assert_cmpint (page, ==, 2);
  g_assert_false (cf_document_locate_range (doc, 40, 1, &page, box));
}

static void
test_missing_file (void)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (CfDocument) doc = cf_loader_load_file ("/nonexistent/report.txt", NULL, NULL,
                                                      &error);

  g_assert_null (doc);
  g_assert_error (error, CF_ERROR, CF_ERROR_IO);
  g_assert_nonnull (strstr (error->message, "report.txt"));
}

/* A grid too big to index slot by slot (rows x columns past the dense
 * bound) answers the same lookups from its cells, without allocating it. */
static void
test_huge_grid (void)
{
  g_autoptr (CfTable) table = cf_table_new ();
  CfCell *corner = cf_table_add_cell (table, 0, 0, 1, 1, "a", -1, 0);
  CfCell *band = cf_table_add_cell (table, 5, 0, 3, 1000000, "band", -1, 0);
  CfCell *under = cf_table_add_cell (table, 6, 10, 1, 1, "under", -1, 0);
  CfCell *far = cf_table_add_cell (table, 2000000, 999999, 1, 1, "far", -1, 0);
  CfCell *wide = cf_table_add_cell (table, 100, 7, 1, G_MAXINT, "wide", -1, 0);

  cf_table_finish (table);
  g_assert_cmpint (cf_table_get_n_rows (table), ==, 2000001);
  g_assert_cmpint (cf_table_get_n_cols (table), ==, G_MAXINT);
  /* Spans are clamped so row + span and col + span stay ints. */
  g_assert_cmpint (wide->col_span, ==, G_MAXINT - 7);
  g_assert_true (cf_table_get_cell (table, 0, 0) == corner);
  g_assert_null (cf_table_get_cell (table, 0, 1));
  g_assert_true (cf_table_get_cell (table, 7, 999999) == band);
  g_assert_null (cf_table_get_cell (table, 8, 0));
  /* The merged cell was placed first: it wins the slot it shares. */
  g_assert_true (cf_table_get_cell (table, 6, 10) == band);
  g_assert_null (cf_table_get_origin_cell (table, 6, 10));
  g_assert_true (cf_table_get_origin_cell (table, 5, 0) == band);
  g_assert_true (cf_table_get_origin_cell (table, 2000000, 999999) == far);
  g_assert_true (cf_table_get_cell (table, 100, G_MAXINT - 1) == wide);
  g_assert_null (cf_table_get_cell (table, 100, 6));
  g_assert_null (cf_table_get_cell (table, 2000001, 0));

  /* Roles far past any real row are not kept (no gigabytes of slots). */
  cf_table_set_row_role (table, 3, CF_ROW_ROLE_TOTAL);
  cf_table_set_row_role (table, G_MAXINT - 1, CF_ROW_ROLE_TOTAL);
  g_assert_cmpint (cf_table_get_row_role (table, G_MAXINT - 1), ==, CF_ROW_ROLE_NONE);
  cf_table_shift_row_roles (table, 0, G_MININT);
  g_assert_cmpint (cf_table_get_row_role (table, 3), ==, CF_ROW_ROLE_NONE);

  /* Removing the band uncovers the cell under it. */
  cf_table_remove_cell (table, band);
  g_assert_true (cf_table_get_cell (table, 6, 10) == under);
  g_assert_null (cf_table_get_cell (table, 7, 5));
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

/* The labels of an audited report, with no window: the mapped columns are
 * named by the form where the header lost its structure, in the report's
 * own (Traditional) characters. */
static void
test_labels_corpus (void)
{
  static const char *const names[] = { "自然人", "商業企業", "科研機構", "社會公益組織",
                                       "法律服務機構", "其他", "總計" };
  g_autoptr (CfDocument) doc = cf_test_load_corpus ("text", "danfeng-psb-2020.txt");
  CfTable *table;
  CfCell *total;
  CfTableLabels *labels;
  g_autofree char *line = NULL;

  cf_audit_document (doc, NULL);
  table = cf_document_find_table (doc, "requests");
  g_assert_nonnull (table);
  total = cf_table_find_by_keys (table, "new", "total");
  g_assert_nonnull (total);
  labels = cf_table_labels_for_document (doc, table);
  g_assert_cmpint (total->col, >=, 6);
  for (int i = 0; i < 7; i++)
    g_assert_cmpstr (cf_table_labels_col (labels, total->col - 6 + i), ==, names[i]);
  g_assert_cmpuint (cf_document_get_findings (doc)->len, >, 0);
  line = cf_finding_describe (doc, g_ptr_array_index (cf_document_get_findings (doc), 0));
  g_assert_nonnull (line);
  g_assert_cmpuint (strlen (line), >, 0);
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/table/spans", test_spans);
  g_test_add_func ("/table/correction-keeps-original", test_correction_keeps_original);
  g_test_add_func ("/table/keys", test_keys);
  g_test_add_func ("/table/huge-grid", test_huge_grid);
  g_test_add_func ("/document/tables-and-lines", test_document_tables_and_lines);
  g_test_add_func ("/document/locate-range", test_locate_range);
  g_test_add_func ("/document/missing-file", test_missing_file);
  g_test_add_func ("/labels/handmade", test_labels);
  g_test_add_func ("/labels/corpus", test_labels_corpus);
  return g_test_run ();
}
