/* test-export.c: CSV (RFC 4180, encodings, long form) and the audit JSON shape */
#include <string.h>
#include "cf-test-util.h"
#include "cf-cell-labels.h"

/* A small RFC 4180 reader for checking what we wrote: rows of fields. */
static GPtrArray *
parse_csv (const char *text)
{
  GPtrArray *rows = g_ptr_array_new_with_free_func ((GDestroyNotify) g_ptr_array_unref);
  GPtrArray *row = g_ptr_array_new_with_free_func (g_free);
  GString *field = g_string_new (NULL);
  const char *p = text;

  while (*p)
    {
      if (*p == '"' && field->len == 0)
        {
          p++;
          while (*p && !(*p == '"' && p[1] != '"'))
            {
              if (*p == '"')
                p++;
              g_string_append_c (field, *p++);
            }
          g_assert_cmpint (*p, ==, '"');
          p++;
          g_assert_true (*p == ',' || *p == '\r' || *p == '\0');
        }
      else if (*p == ',')
        {
          g_ptr_array_add (row, g_strdup (field->str));
          g_string_truncate (field, 0);
          p++;
        }
      else if (*p == '\r')
        {
          /* Every line ends in CRLF; a bare LF outside quotes would be a bug. */
          g_assert_cmpint (p[1], ==, '\n');
          g_ptr_array_add (row, g_strdup (field->str));
          g_string_truncate (field, 0);
          g_ptr_array_add (rows, row);
          row = g_ptr_array_new_with_free_func (g_free);
          p += 2;
        }
      else
        {
          g_assert_cmpint (*p, !=, '\n');
          g_string_append_c (field, *p++);
        }
    }
  /* The last line is terminated too. */
  g_assert_cmpuint (row->len, ==, 0);
  g_assert_cmpuint (field->len, ==, 0);
  g_ptr_array_unref (row);
  g_string_free (field, TRUE);
  return rows;
}

static const char *
field_at (GPtrArray *rows, guint r, guint c)
{
  GPtrArray *row = g_ptr_array_index (rows, r);

  g_assert_cmpuint (c, <, row->len);
  return g_ptr_array_index (row, c);
}

static const char doc_text[] = "某某局2021年政府信息公开工作年度报告\n共收到申请5件，其中4件。\n";

/* A document as the readers and the form mapper leave it. */
static CfDocument *
make_document (void)
{
  CfDocument *doc = cf_document_new ("reports/report.txt", CF_DOCUMENT_KIND_TEXT);
  g_autoptr (CfTable) requests = cf_table_new ();
  g_autoptr (CfTable) generic = cf_table_new ();
  CfCell *cell;
  CfFinding *finding;

  cf_document_take_text (doc, g_strdup (doc_text), strlen (doc_text));
  cf_document_set_sha256 (doc, "abc123");
  cf_document_set_encoding (doc, "UTF-8");
  cf_document_set_form (doc, "gip-2021");
  cf_document_set_report_meta (doc, "某某局", 2021);

  cf_table_set_id (requests, "requests");
  cf_table_set_title (requests, "三、收到和处理政府信息公开申请情况");
  /* Header: a label column, then 自然人 and 总计 under a merged heading. */
  cell = cf_table_add_cell (requests, 0, 0, 2, 1, "申请情况", 10, 12);
  cell->flags |= CF_CELL_FLAG_HEADER;
  cf_table_add_cell (requests, 0, 1, 1, 2, "申请人情况", -1, 0);
  cf_table_add_cell (requests, 1, 1, 1, 1, "自然人", -1, 0);
  cf_table_add_cell (requests, 1, 2, 1, 1, "总计", -1, 0);
  cf_table_add_cell (requests, 2, 0, 1, 1, "一、本年新收", -1, 0);
  cell = cf_table_add_cell (requests, 2, 1, 1, 1, "4", 40, 1);
  cf_cell_set_keys (cell, "new", "natural_person");
  cell = cf_table_add_cell (requests, 2, 2, 1, 1, "1,234", 42, 5);
  cf_cell_set_keys (cell, "new", "total");
  cf_table_add_cell (requests, 3, 0, 1, 1, "二、上年结转", -1, 0);
  cell = cf_table_add_cell (requests, 3, 1, 1, 1, "", -1, 0);
  cell->flags |= CF_CELL_FLAG_MISSING;
  cf_cell_set_keys (cell, "carried_over", "natural_person");
  cell = cf_table_add_cell (requests, 3, 2, 1, 1, "20余件", 60, 8);
  cf_cell_set_keys (cell, "carried_over", "total");
  cf_table_add_cell (requests, 4, 0, 1, 1, "a,\"b\"\nc", -1, 0);
  cell = cf_table_add_cell (requests, 4, 1, 1, 1, "417.75萬元", -1, 0);
  cf_cell_set_keys (cell, "fees", "natural_person");
  cell = cf_table_add_cell (requests, 4, 2, 1, 1, "—", -1, 0);
  cf_cell_set_keys (cell, "fees", "total");
  cf_table_finish (requests);
  cf_document_add_table (doc, requests);

  cf_table_add_cell (generic, 0, 0, 1, 1, "x", -1, 0);
  cf_table_add_cell (generic, 0, 1, 1, 1, "7", -1, 0);
  cf_table_finish (generic);
  cf_document_add_table (doc, generic);

  finding = cf_finding_new (CF_SEVERITY_ERROR, "requests.balance", "requests",
                            "一+二 (5) ≠ 三(七)总计 + 四 (4)");
  cf_finding_add_cell (finding, "requests", 2, 2, "new", "total");
  cf_finding_add_cell (finding, "requests", -1, -1, "results_total", "total");
  cf_finding_set_values (finding, TRUE, 5, TRUE, 4);
  cf_document_take_finding (doc, finding);

  finding = cf_finding_new (CF_SEVERITY_WARNING, "totals.column", cf_table_get_id (generic),
                            "a, \"quoted\" message");
  cf_finding_add_cell (finding, cf_table_get_id (generic), 0, 1, NULL, NULL);
  cf_finding_set_values (finding, TRUE, 7.5, FALSE, 0);
  cf_document_take_finding (doc, finding);

  finding = cf_finding_new (CF_SEVERITY_ERROR, "prose.sum", NULL, "共5件，其中只有4件");
  finding->offset = 50;
  finding->length = 12;
  cf_document_take_finding (doc, finding);
  return doc;
}

static void
test_encoding_names (void)
{
  CfCsvEncoding e = CF_CSV_GB18030;

  g_assert_true (cf_csv_encoding_from_string ("utf-8", &e));
  g_assert_cmpint (e, ==, CF_CSV_UTF8);
  g_assert_true (cf_csv_encoding_from_string ("UTF-8-BOM", &e));
  g_assert_cmpint (e, ==, CF_CSV_UTF8_BOM);
  g_assert_true (cf_csv_encoding_from_string ("GB18030", &e));
  g_assert_cmpint (e, ==, CF_CSV_GB18030);
  g_assert_false (cf_csv_encoding_from_string ("latin1", &e));
  g_assert_false (cf_csv_encoding_from_string (NULL, &e));
}

static void
test_table_csv (void)
{
  g_autoptr (CfDocument) doc = make_document ();
  CfTable *table = cf_document_find_table (doc, "requests");
  g_autofree char *csv = cf_csv_table_to_string (table);
  g_autoptr (GPtrArray) rows = parse_csv (csv);

  /* Quoting: the field with a comma, quotes and LF is quoted, quotes doubled. */
  g_assert_nonnull (strstr (csv, "\"a,\"\"b\"\"\nc\""));
  g_assert_nonnull (strstr (csv, "\"1,234\""));
  g_assert_true (g_str_has_suffix (csv, "\r\n"));

  g_assert_cmpuint (rows->len, ==, (guint) cf_table_get_n_rows (table));
  for (guint r = 0; r < rows->len; r++)
    g_assert_cmpuint (((GPtrArray *) g_ptr_array_index (rows, r))->len, ==,
                      (guint) cf_table_get_n_cols (table));
  /* Merged cells: the text in the first slot, covered slots empty. */
  g_assert_cmpstr (field_at (rows, 0, 0), ==, "申请情况");
  g_assert_cmpstr (field_at (rows, 1, 0), ==, "");
  g_assert_cmpstr (field_at (rows, 0, 1), ==, "申请人情况");
  g_assert_cmpstr (field_at (rows, 0, 2), ==, "");
  g_assert_cmpstr (field_at (rows, 2, 2), ==, "1,234");
  g_assert_cmpstr (field_at (rows, 4, 0), ==, "a,\"b\"\nc");
  g_assert_cmpstr (field_at (rows, 3, 1), ==, "");
}

/* The table for a spreadsheet: one header row, named as the grid names the
 * columns, then the body rows only. */
static void
test_table_csv_headed (void)
{
  g_autoptr (CfDocument) doc = make_document ();
  CfTable *requests = cf_document_find_table (doc, "requests");
  g_autoptr (CfTable) appeals = cf_table_new ();
  g_autofree char *csv = cf_csv_table_to_string_headed (doc, requests);
  g_autofree char *full = cf_csv_table_to_string_full (doc, requests, NULL);
  g_autofree char *generic = NULL;
  g_autoptr (GPtrArray) rows = parse_csv (csv);
  g_autoptr (GPtrArray) generic_rows = NULL;
  CfTableLabels *labels = cf_table_labels_for_document (doc, requests);

  /* Two header rows became one; the three body rows follow. */
  g_assert_cmpuint (rows->len, ==, 1 + 3);
  for (int c = 0; c < cf_table_get_n_cols (requests); c++)
    {
      g_autofree char *title = cf_table_labels_column_title (labels, c);

      g_assert_cmpstr (field_at (rows, 0, c), ==, title);
    }
  g_assert_cmpstr (field_at (rows, 0, 1), ==, "自然人");
  g_assert_cmpstr (field_at (rows, 0, 2), ==, "总计");
  g_assert_cmpstr (field_at (rows, 1, 0), ==, "一、本年新收");
  g_assert_cmpstr (field_at (rows, 1, 2), ==, "1,234");
  g_assert_cmpstr (field_at (rows, 3, 0), ==, "a,\"b\"\nc");
  /* The table CSV of extract and the app starts with it. */
  g_assert_true (g_str_has_prefix (full, csv));

  /* A printed two-level header: the levels joined, as the grid's titles. */
  cf_table_add_cell (appeals, 0, 0, 2, 1, "项目", -1, 0);
  cf_table_add_cell (appeals, 0, 1, 1, 2, "行政复议", -1, 0);
  cf_table_add_cell (appeals, 0, 3, 1, 1, "行政诉讼", -1, 0);
  cf_table_add_cell (appeals, 1, 1, 1, 1, "结果维持", -1, 0);
  cf_table_add_cell (appeals, 1, 2, 1, 1, "结果纠正", -1, 0);
  cf_table_add_cell (appeals, 1, 3, 1, 1, "尚未审结", -1, 0);
  cf_table_add_cell (appeals, 2, 0, 1, 1, "本年", -1, 0);
  cf_table_add_cell (appeals, 2, 1, 1, 1, "1", -1, 0);
  cf_table_add_cell (appeals, 2, 2, 1, 1, "2", -1, 0);
  cf_table_add_cell (appeals, 2, 3, 1, 1, "3", -1, 0);
  cf_table_finish (appeals);
  generic = cf_csv_table_to_string_headed (NULL, appeals);
  g_assert_cmpstr (generic, ==, "项目,行政复议 / 结果维持,行政复议 / 结果纠正,行政诉讼 / 尚未审结\r\n"
                                "本年,1,2,3\r\n");
  generic_rows = parse_csv (generic);
  g_assert_cmpuint (generic_rows->len, ==, 2);
}

static void
test_write_encodings (void)
{
  g_autofree char *dir = cf_test_make_tmpdir ();
  g_autofree char *path = g_build_filename (dir, "out.csv", NULL);
  const char *utf8 = "名称,数值\r\n“三安全一稳定”,4\r\n𠀀,é\r\n";
  g_autofree char *contents = NULL;
  g_autofree char *back = NULL;
  g_autoptr (GError) error = NULL;
  gsize len = 0;

  g_assert_true (cf_csv_write_file (path, utf8, CF_CSV_UTF8, &error));
  g_assert_no_error (error);
  g_assert_true (g_file_get_contents (path, &contents, &len, NULL));
  g_assert_cmpstr (contents, ==, utf8);
  g_clear_pointer (&contents, g_free);

  g_assert_true (cf_csv_write_file (path, utf8, CF_CSV_UTF8_BOM, &error));
  g_assert_true (g_file_get_contents (path, &contents, &len, NULL));
  g_assert_cmpuint (len, ==, strlen (utf8) + 3);
  g_assert_true (memcmp (contents, "\xEF\xBB\xBF", 3) == 0);
  g_assert_cmpstr (contents + 3, ==, utf8);
  g_clear_pointer (&contents, g_free);

  /* GB18030 holds all of Unicode, even the supplementary-plane 𠀀. */
  g_assert_true (cf_csv_write_file (path, utf8, CF_CSV_GB18030, &error));
  g_assert_no_error (error);
  g_assert_true (g_file_get_contents (path, &contents, &len, NULL));
  g_assert_false (g_utf8_validate (contents, (gssize) len, NULL));
  back = g_convert (contents, (gssize) len, "UTF-8", "GB18030", NULL, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (back, ==, utf8);

  /* A folder that does not exist: an error naming the file, nothing written. */
  {
    g_autofree char *bad = g_build_filename (dir, "no", "such", "x.csv", NULL);

    g_assert_false (cf_csv_write_file (bad, utf8, CF_CSV_UTF8, &error));
    g_assert_error (error, CF_ERROR, CF_ERROR_IO);
    g_assert_true (g_str_has_prefix (error->message, "x.csv: "));
    g_clear_error (&error);
  }
  cf_test_rm_rf (dir);
}

static void
test_write_tables (void)
{
  g_autoptr (CfDocument) doc = make_document ();
  g_autofree char *dir = cf_test_make_tmpdir ();
  g_autoptr (GError) error = NULL;
  g_autoptr (GPtrArray) written = cf_csv_write_tables (doc, dir, CF_CSV_UTF8, &error);
  g_autofree char *first = g_build_filename (dir, "report-requests.csv", NULL);
  g_autofree char *second = g_build_filename (dir, "report-table-2.csv", NULL);

  g_assert_no_error (error);
  g_assert_nonnull (written);
  g_assert_cmpuint (written->len, ==, 2);
  g_assert_cmpstr (g_ptr_array_index (written, 0), ==, first);
  g_assert_cmpstr (cf_table_get_id (g_ptr_array_index (cf_document_get_tables (doc), 1)), ==,
                   "table-2");
  g_assert_cmpstr (g_ptr_array_index (written, 1), ==, second);
  g_assert_true (g_file_test (first, G_FILE_TEST_IS_REGULAR));
  g_assert_true (g_file_test (second, G_FILE_TEST_IS_REGULAR));
  cf_test_rm_rf (dir);
}

static void
test_long_csv (void)
{
  g_autoptr (CfDocument) doc = make_document ();
  g_autoptr (GString) out = g_string_new (NULL);
  g_autoptr (GPtrArray) rows = NULL;

  cf_csv_append_long (out, doc, TRUE);
  rows = parse_csv (out->str);
  g_assert_cmpstr (out->str, !=, "");
  g_assert_true (g_str_has_prefix (out->str,
                                   "document,form,table,row,column,text,value,unit\r\n"));
  /* One row per keyed cell, in row/col order. */
  g_assert_cmpuint (rows->len, ==, 1 + 6);
  g_assert_cmpstr (field_at (rows, 1, 0), ==, "reports/report.txt");
  g_assert_cmpstr (field_at (rows, 1, 1), ==, "gip-2021");
  g_assert_cmpstr (field_at (rows, 1, 2), ==, "requests");
  g_assert_cmpstr (field_at (rows, 1, 3), ==, "new");
  g_assert_cmpstr (field_at (rows, 1, 4), ==, "natural_person");
  g_assert_cmpstr (field_at (rows, 1, 5), ==, "4");
  g_assert_cmpstr (field_at (rows, 1, 6), ==, "4");
  g_assert_cmpstr (field_at (rows, 1, 7), ==, "");
  g_assert_cmpstr (field_at (rows, 2, 5), ==, "1,234");
  g_assert_cmpstr (field_at (rows, 2, 6), ==, "1234");
  /* Missing: empty text and value. */
  g_assert_cmpstr (field_at (rows, 3, 3), ==, "carried_over");
  g_assert_cmpstr (field_at (rows, 3, 5), ==, "");
  g_assert_cmpstr (field_at (rows, 3, 6), ==, "");
  g_assert_cmpstr (field_at (rows, 4, 6), ==, "20");
  g_assert_cmpstr (field_at (rows, 4, 7), ==, "件");
  g_assert_cmpstr (field_at (rows, 5, 6), ==, "417.75");
  g_assert_cmpstr (field_at (rows, 5, 7), ==, "万元");
  /* A placeholder is blank: empty text and value. */
  g_assert_cmpstr (field_at (rows, 6, 5), ==, "");
  g_assert_cmpstr (field_at (rows, 6, 6), ==, "");

  /* Without header, and the header alone. */
  g_string_truncate (out, 0);
  cf_csv_append_long (out, NULL, TRUE);
  g_assert_cmpstr (out->str, ==, "document,form,table,row,column,text,value,unit\r\n");
}

static void
test_findings_csv (void)
{
  g_autoptr (CfDocument) doc = make_document ();
  g_autoptr (GString) out = g_string_new (NULL);
  g_autoptr (GPtrArray) rows = NULL;

  cf_csv_append_findings (out, doc, TRUE);
  rows = parse_csv (out->str);
  g_assert_cmpuint (rows->len, ==, 4);
  g_assert_cmpstr (field_at (rows, 0, 0), ==, "document");
  g_assert_cmpstr (field_at (rows, 0, 7), ==, "message");
  g_assert_cmpstr (field_at (rows, 1, 1), ==, "error");
  g_assert_cmpstr (field_at (rows, 1, 2), ==, "requests.balance");
  g_assert_cmpstr (field_at (rows, 1, 3), ==, "requests");
  g_assert_cmpstr (field_at (rows, 1, 4), ==, "requests[new/total];requests[results_total/total]");
  g_assert_cmpstr (field_at (rows, 1, 5), ==, "5");
  g_assert_cmpstr (field_at (rows, 1, 6), ==, "4");
  g_assert_cmpstr (field_at (rows, 2, 4), ==, "table-2[0,1]");
  g_assert_cmpstr (field_at (rows, 2, 5), ==, "7.5");
  g_assert_cmpstr (field_at (rows, 2, 6), ==, "");
  g_assert_cmpstr (field_at (rows, 2, 7), ==, "a, \"quoted\" message");
  g_assert_cmpstr (field_at (rows, 3, 3), ==, "");
}

static void
test_findings_csv_review (void)
{
  g_autoptr (CfDocument) doc = make_document ();
  g_autoptr (CfReview) review = cf_review_new (NULL, cf_document_get_sha256 (doc), NULL);
  g_autoptr (GString) out = g_string_new (NULL);
  g_autoptr (GString) plain = g_string_new (NULL);
  g_autoptr (GPtrArray) rows = NULL;
  GPtrArray *findings = cf_document_get_findings (doc);

  g_assert_true (cf_review_accept (review, g_ptr_array_index (findings, 0),
                                   "published so, see p. 3", NULL));
  g_assert_true (cf_review_accept (review, g_ptr_array_index (findings, 2), NULL, NULL));
  cf_csv_append_findings_with_review (out, doc, review, TRUE);
  rows = parse_csv (out->str);
  g_assert_cmpuint (rows->len, ==, 4);
  /* accepted and note come last, after the columns of cf_csv_append_findings. */
  g_assert_cmpuint (((GPtrArray *) g_ptr_array_index (rows, 0))->len, ==, 10);
  g_assert_cmpstr (field_at (rows, 0, 7), ==, "message");
  g_assert_cmpstr (field_at (rows, 0, 8), ==, "accepted");
  g_assert_cmpstr (field_at (rows, 0, 9), ==, "note");
  g_assert_cmpstr (field_at (rows, 1, 2), ==, "requests.balance");
  g_assert_cmpstr (field_at (rows, 1, 8), ==, "true");
  g_assert_cmpstr (field_at (rows, 1, 9), ==, "published so, see p. 3");
  g_assert_cmpstr (field_at (rows, 2, 8), ==, "false");
  g_assert_cmpstr (field_at (rows, 2, 9), ==, "");
  g_assert_cmpstr (field_at (rows, 3, 2), ==, "prose.sum");
  g_assert_cmpstr (field_at (rows, 3, 8), ==, "true");
  g_assert_cmpstr (field_at (rows, 3, 9), ==, "");

  /* No review: the same columns, nothing accepted; the old function keeps its 8. */
  g_string_truncate (out, 0);
  cf_csv_append_findings_with_review (out, doc, NULL, TRUE);
  g_clear_pointer (&rows, g_ptr_array_unref);
  rows = parse_csv (out->str);
  g_assert_cmpstr (field_at (rows, 1, 8), ==, "false");
  cf_csv_append_findings (plain, doc, TRUE);
  g_assert_true (g_str_has_prefix (plain->str, "document,severity,rule,table,cells,expected,"
                                               "actual,message\r\n"));
  g_string_truncate (out, 0);
  cf_csv_append_findings_with_review (out, NULL, NULL, TRUE);
  g_assert_cmpstr (out->str, ==, "document,severity,rule,table,cells,expected,actual,message,"
                                 "accepted,note\r\n");
}

static void
test_json_review (void)
{
  g_autoptr (CfDocument) doc = make_document ();
  g_autoptr (CfReview) review = cf_review_new (NULL, cf_document_get_sha256 (doc), NULL);
  g_autofree char *before = cf_json_document_line (doc);
  g_autofree char *unreviewed = cf_json_document_line_with_review (doc, review);
  g_autofree char *after = NULL;
  g_autoptr (JsonParser) parser = json_parser_new ();
  GPtrArray *findings = cf_document_get_findings (doc);
  JsonArray *items;

  /* Nothing accepted: byte for byte what cf_json_document gives. */
  g_assert_cmpstr (before, ==, unreviewed);

  g_assert_true (cf_review_accept (review, g_ptr_array_index (findings, 1), "见原文", NULL));
  after = cf_json_document_line_with_review (doc, review);
  g_assert_true (json_parser_load_from_data (parser, after, -1, NULL));
  items = json_object_get_array_member (json_node_get_object (json_parser_get_root (parser)),
                                        "findings");
  g_assert_cmpuint (json_array_get_length (items), ==, 3);
  for (guint i = 0; i < 3; i++)
    {
      JsonObject *f = json_array_get_object_element (items, i);

      /* Only the accepted finding has the members at all. */
      g_assert_cmpint (json_object_has_member (f, "accepted"), ==, i == 1);
      g_assert_cmpint (json_object_has_member (f, "note"), ==, i == 1);
    }
  g_assert_true (json_object_get_boolean_member (json_array_get_object_element (items, 1),
                                                 "accepted"));
  g_assert_cmpstr (json_object_get_string_member (json_array_get_object_element (items, 1), "note"),
                   ==, "见原文");

  /* One finding alone, as the CLI adds the findings across years. */
  {
    g_autoptr (JsonNode) node = cf_json_finding_with_review (g_ptr_array_index (findings, 1),
                                                             review);
    g_autoptr (JsonNode) plain = cf_json_finding (g_ptr_array_index (findings, 1));

    g_assert_true (json_object_get_boolean_member (json_node_get_object (node), "accepted"));
    g_assert_false (json_object_has_member (json_node_get_object (plain), "accepted"));
  }
}

static JsonObject *
array_object (JsonArray *array, guint i)
{
  return json_array_get_object_element (array, i);
}

static JsonObject *
find_cell (JsonArray *cells, gint64 row, gint64 col)
{
  for (guint i = 0; i < json_array_get_length (cells); i++)
    {
      JsonObject *cell = array_object (cells, i);

      if (json_object_get_int_member (cell, "row") == row
          && json_object_get_int_member (cell, "col") == col)
        return cell;
    }
  g_assert_not_reached ();
}

static void
test_json_shape (void)
{
  g_autoptr (CfDocument) doc = make_document ();
  g_autofree char *line = cf_json_document_line (doc);
  g_autoptr (JsonParser) parser = json_parser_new ();
  g_autoptr (GError) error = NULL;
  JsonObject *root, *meta, *table, *cell;
  JsonArray *tables, *cells, *findings, *refs, *bbox;

  g_assert_null (strchr (line, '\n'));
  g_assert_true (g_utf8_validate (line, -1, NULL));
  g_assert_true (json_parser_load_from_data (parser, line, -1, &error));
  g_assert_no_error (error);
  root = json_node_get_object (json_parser_get_root (parser));

  meta = json_object_get_object_member (root, "document");
  g_assert_cmpstr (json_object_get_string_member (meta, "path"), ==, "reports/report.txt");
  g_assert_cmpstr (json_object_get_string_member (meta, "sha256"), ==, "abc123");
  g_assert_cmpstr (json_object_get_string_member (meta, "kind"), ==, "text");
  g_assert_true (json_object_get_null_member (meta, "pages"));
  g_assert_cmpstr (json_object_get_string_member (meta, "encoding"), ==, "UTF-8");
  g_assert_cmpstr (json_object_get_string_member (meta, "body"), ==, "某某局");
  g_assert_cmpint (json_object_get_int_member (meta, "year"), ==, 2021);
  g_assert_cmpstr (json_object_get_string_member (root, "form"), ==, "gip-2021");

  tables = json_object_get_array_member (root, "tables");
  g_assert_cmpuint (json_array_get_length (tables), ==, 2);
  table = array_object (tables, 0);
  g_assert_cmpstr (json_object_get_string_member (table, "id"), ==, "requests");
  g_assert_cmpstr (json_object_get_string_member (table, "title"), ==,
                   "三、收到和处理政府信息公开申请情况");
  g_assert_true (json_object_get_null_member (table, "page"));
  g_assert_cmpint (json_object_get_int_member (table, "n_rows"), ==, 5);
  g_assert_cmpint (json_object_get_int_member (table, "n_cols"), ==, 3);
  cells = json_object_get_array_member (table, "cells");
  g_assert_cmpuint (json_array_get_length (cells), ==, 13);

  cell = find_cell (cells, 0, 0);
  g_assert_cmpint (json_object_get_int_member (cell, "row_span"), ==, 2);
  g_assert_cmpint (json_object_get_int_member (cell, "col_span"), ==, 1);
  g_assert_true (json_object_get_null_member (cell, "value"));
  g_assert_true (json_object_get_null_member (cell, "row_key"));
  g_assert_cmpint (json_object_get_int_member (cell, "offset"), ==, 10);
  g_assert_true (json_object_get_null_member (cell, "page"));
  g_assert_true (json_object_get_null_member (cell, "bbox"));

  cell = find_cell (cells, 2, 2);
  g_assert_cmpstr (json_object_get_string_member (cell, "text"), ==, "1,234");
  /* Integers are JSON integers. */
  g_assert_cmpint (json_node_get_value_type (json_object_get_member (cell, "value")), ==,
                   G_TYPE_INT64);
  g_assert_cmpint (json_object_get_int_member (cell, "value"), ==, 1234);
  g_assert_true (json_object_get_null_member (cell, "unit"));
  g_assert_cmpstr (json_object_get_string_member (cell, "row_key"), ==, "new");
  g_assert_cmpstr (json_object_get_string_member (cell, "col_key"), ==, "total");
  g_assert_cmpint (json_object_get_int_member (cell, "offset"), ==, 42);
  g_assert_false (json_object_has_member (cell, "approximate"));
  g_assert_false (json_object_has_member (cell, "missing"));

  cell = find_cell (cells, 3, 1);
  g_assert_true (json_object_get_boolean_member (cell, "missing"));
  g_assert_true (json_object_get_null_member (cell, "value"));
  g_assert_true (json_object_get_null_member (cell, "offset"));

  cell = find_cell (cells, 3, 2);
  g_assert_true (json_object_get_boolean_member (cell, "approximate"));
  g_assert_cmpstr (json_object_get_string_member (cell, "unit"), ==, "件");

  cell = find_cell (cells, 4, 1);
  g_assert_cmpfloat (json_object_get_double_member (cell, "value"), ==, 417.75);
  g_assert_cmpstr (json_object_get_string_member (cell, "unit"), ==, "万元");

  g_assert_cmpstr (json_object_get_string_member (array_object (tables, 1), "id"), ==, "table-2");

  findings = json_object_get_array_member (root, "findings");
  g_assert_cmpuint (json_array_get_length (findings), ==, 3);
  {
    JsonObject *f = array_object (findings, 0);

    g_assert_cmpstr (json_object_get_string_member (f, "severity"), ==, "error");
    g_assert_cmpstr (json_object_get_string_member (f, "rule"), ==, "requests.balance");
    g_assert_cmpstr (json_object_get_string_member (f, "table"), ==, "requests");
    g_assert_cmpint (json_object_get_int_member (f, "expected"), ==, 5);
    g_assert_cmpint (json_object_get_int_member (f, "actual"), ==, 4);
    g_assert_cmpstr (json_object_get_string_member (f, "message"), ==,
                     "一+二 (5) ≠ 三(七)总计 + 四 (4)");
    refs = json_object_get_array_member (f, "cells");
    g_assert_cmpuint (json_array_get_length (refs), ==, 2);
    g_assert_cmpstr (json_object_get_string_member (array_object (refs, 1), "row_key"), ==,
                     "results_total");
    g_assert_cmpstr (json_object_get_string_member (array_object (refs, 1), "col_key"), ==,
                     "total");
    g_assert_false (json_object_has_member (array_object (refs, 0), "row"));
    g_assert_false (json_object_has_member (f, "offset"));
  }
  {
    JsonObject *f = array_object (findings, 1);
    JsonObject *ref;

    refs = json_object_get_array_member (f, "cells");
    ref = array_object (refs, 0);
    g_assert_cmpstr (json_object_get_string_member (ref, "table"), ==, "table-2");
    g_assert_cmpint (json_object_get_int_member (ref, "row"), ==, 0);
    g_assert_cmpint (json_object_get_int_member (ref, "col"), ==, 1);
    g_assert_cmpfloat (json_object_get_double_member (f, "expected"), ==, 7.5);
    g_assert_true (json_object_get_null_member (f, "actual"));
  }
  {
    JsonObject *f = array_object (findings, 2);

    g_assert_true (json_object_get_null_member (f, "table"));
    g_assert_cmpint (json_object_get_int_member (f, "offset"), ==, 50);
    g_assert_false (json_object_has_member (f, "page"));
  }

  /* A PDF document: pages set, encoding null, cell page/bbox set and offset null. */
  {
    g_autoptr (CfDocument) pdf = cf_document_new ("a.pdf", CF_DOCUMENT_KIND_PDF);
    g_autoptr (CfTable) t = cf_table_new ();
    g_autoptr (JsonNode) node = NULL;
    CfCell *c = cf_table_add_cell (t, 0, 0, 1, 1, "12", 3, 2);

    c->page = 2;
    c->bbox[0] = 72.0, c->bbox[1] = 310.5, c->bbox[2] = 120.0, c->bbox[3] = 324.0;
    cf_table_set_page (t, 2);
    cf_table_finish (t);
    cf_document_set_n_pages (pdf, 3);
    cf_document_set_encoding (pdf, "UTF-8");
    cf_document_add_table (pdf, t);
    node = cf_json_document (pdf);
    meta = json_object_get_object_member (json_node_get_object (node), "document");
    g_assert_cmpint (json_object_get_int_member (meta, "pages"), ==, 3);
    g_assert_true (json_object_get_null_member (meta, "encoding"));
    g_assert_true (json_object_get_null_member (json_node_get_object (node), "form"));
    table = array_object (json_object_get_array_member (json_node_get_object (node), "tables"), 0);
    g_assert_cmpint (json_object_get_int_member (table, "page"), ==, 2);
    cell = array_object (json_object_get_array_member (table, "cells"), 0);
    g_assert_cmpint (json_object_get_int_member (cell, "page"), ==, 2);
    g_assert_true (json_object_get_null_member (cell, "offset"));
    bbox = json_object_get_array_member (cell, "bbox");
    g_assert_cmpuint (json_array_get_length (bbox), ==, 4);
    g_assert_cmpfloat (json_array_get_double_element (bbox, 1), ==, 310.5);
    g_assert_cmpfloat (json_array_get_double_element (bbox, 3), ==, 324.0);
  }
}

static void
test_json_corpus (void)
{
  /* Every corpus document serialises to one valid JSON line whose counts match. */
  static const char *const texts[] = {
    "danfeng-psb-2020.txt", "shenzhen-psb-2020.txt", "zhaotong-psb-2016.txt",
  };

  for (gsize i = 0; i < G_N_ELEMENTS (texts); i++)
    {
      g_autoptr (CfDocument) doc = cf_test_load_corpus ("text", texts[i]);
      g_autofree char *line = NULL;
      g_autoptr (JsonParser) parser = json_parser_new ();
      g_autoptr (GError) error = NULL;
      JsonObject *root;

      cf_audit_document (doc, NULL);
      line = cf_json_document_line (doc);
      g_assert_null (strchr (line, '\n'));
      g_assert_true (json_parser_load_from_data (parser, line, -1, &error));
      g_assert_no_error (error);
      root = json_node_get_object (json_parser_get_root (parser));
      g_assert_cmpuint (json_array_get_length (json_object_get_array_member (root, "tables")), ==,
                        cf_document_get_tables (doc)->len);
      g_assert_cmpuint (json_array_get_length (json_object_get_array_member (root, "findings")),
                        ==, cf_document_get_findings (doc)->len);
    }
}

/* The long CSV lists cells in the form's order (report-forms.md), not the grid's:
 * a table printed with 总计 first still exports natural_person first. */
static void
test_long_csv_form_order (void)
{
  g_autoptr (CfDocument) doc = cf_document_new ("order.txt", CF_DOCUMENT_KIND_TEXT);
  g_autoptr (CfTable) table = cf_table_new ();
  g_autoptr (GString) out = g_string_new (NULL);
  g_auto (GStrv) lines = NULL;
  CfCell *cell;

  cell = cf_table_add_cell (table, 0, 0, 1, 1, "7", -1, 0);
  cf_cell_set_keys (cell, "carried_over", "total");
  cell = cf_table_add_cell (table, 0, 1, 1, 1, "5", -1, 0);
  cf_cell_set_keys (cell, "carried_over", "natural_person");
  cell = cf_table_add_cell (table, 1, 0, 1, 1, "3", -1, 0);
  cf_cell_set_keys (cell, "new", "total");
  cf_table_finish (table);
  cf_table_set_id (table, "requests");
  cf_document_add_table (doc, table);
  cf_document_set_form (doc, "gip-2021");

  cf_csv_append_long (out, doc, FALSE);
  lines = g_strsplit (out->str, "\r\n", -1);
  g_assert_cmpstr (lines[0], ==, "order.txt,gip-2021,requests,new,total,3,3,");
  g_assert_cmpstr (lines[1], ==, "order.txt,gip-2021,requests,carried_over,natural_person,5,5,");
  g_assert_cmpstr (lines[2], ==, "order.txt,gip-2021,requests,carried_over,total,7,7,");
}

/* Parses @csv and fails on any field a spreadsheet would run; adds every
 * field to @seen. */
static void
assert_csv_inert (const char *csv, GHashTable *seen)
{
  g_autoptr (GPtrArray) rows = parse_csv (csv);

  for (guint r = 0; r < rows->len; r++)
    {
      GPtrArray *row = g_ptr_array_index (rows, r);

      for (guint c = 0; c < row->len; c++)
        {
          const char *field = g_ptr_array_index (row, c);

          if (cf_test_is_live_text (field))
            g_test_fail_printf ("CSV row %u field %u would run in a spreadsheet: %s", r, c, field);
          g_hash_table_add (seen, g_strdup (field));
        }
    }
}

static void
assert_seen (GHashTable *seen, const char *prefix, const char *text)
{
  g_autofree char *field = g_strconcat (prefix, text, NULL);

  if (!g_hash_table_contains (seen, field))
    g_test_fail_printf ("no CSV field “%s”", field);
}

/* Hostile text through every CSV export, read back: each comes out with a
 * leading apostrophe, while signed numbers and the dash stay as printed. */
static void
test_hostile_csv (void)
{
  g_autoptr (CfReview) review = NULL;
  g_autoptr (CfDocument) doc = cf_test_hostile_document (&review);
  g_autoptr (GHashTable) table_fields = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  g_autoptr (GHashTable) other_fields = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  g_autoptr (GString) long_csv = g_string_new (NULL);
  g_autoptr (GString) findings = g_string_new (NULL);
  g_autoptr (GString) reviewed = g_string_new (NULL);
  g_autoptr (GPtrArray) written = NULL;
  g_autoptr (GError) error = NULL;
  g_autofree char *dir = cf_test_make_tmpdir ();
  /* The grid, then the cells a finding names with their states. */
  g_autofree char *table_csv = cf_csv_table_to_string_full (doc, cf_document_find_table (doc, "requests"),
                                                            NULL);
  g_autofree char *file_csv = NULL;

  assert_csv_inert (table_csv, table_fields);
  for (guint i = 0; cf_test_hostile_texts[i] != NULL; i++)
    assert_seen (table_fields, "'", cf_test_hostile_texts[i]);
  for (guint i = 0; cf_test_kept_texts[i] != NULL; i++)
    assert_seen (table_fields, "", cf_test_kept_texts[i]);

  /* The files of extract / "all tables" (here with a BOM): the same text. */
  written = cf_csv_write_tables (doc, dir, CF_CSV_UTF8_BOM, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (written->len, ==, 1);
  g_assert_true (g_file_get_contents (g_ptr_array_index (written, 0), &file_csv, NULL, &error));
  g_assert_no_error (error);
  g_assert_true (g_str_has_prefix (file_csv, "\xEF\xBB\xBF"));
  g_assert_cmpstr (file_csv + 3, ==, table_csv);

  /* The long CSV (document name, canonical cells, with the analyst's trail) and the findings. */
  cf_csv_append_long_with_review (long_csv, doc, review, TRUE);
  assert_csv_inert (long_csv->str, other_fields);
  assert_seen (other_fields, "'", "@hostile.txt");
  assert_seen (other_fields, "'", cf_test_hostile_texts[0]);
  assert_seen (other_fields, "", "-5");
  cf_csv_append_findings (findings, doc, TRUE);
  assert_csv_inert (findings->str, other_fields);
  cf_csv_append_findings_with_review (reviewed, doc, review, TRUE);
  assert_csv_inert (reviewed->str, other_fields);
  assert_seen (other_fields, "'", "=rule()");
  assert_seen (other_fields, "'", "=1+2 does not add up");
  assert_seen (other_fields, "'", "@note =1+1");
  cf_test_rm_rf (dir);
}

static void
test_inert_text (void)
{
  g_autofree char *formula = cf_spreadsheet_inert_text ("=1+1");
  g_autofree char *tab = cf_spreadsheet_inert_text ("\tx");
  g_autofree char *sum = cf_spreadsheet_inert_text ("-2+3");

  g_assert_cmpstr (formula, ==, "'=1+1");
  g_assert_cmpstr (tab, ==, "'\tx");
  g_assert_cmpstr (sum, ==, "'-2+3");
  /* Numbers, the dash, and text that no spreadsheet runs. */
  for (const char *const *safe = (const char *const[]) { "-5", "+7", "-1,234.5", "-12%", "(5)", "-",
                                                         "0.5", "", "一、本年新收", "'=x", "a=b",
                                                         NULL };
       *safe != NULL; safe++)
    g_assert_null (cf_spreadsheet_inert_text (*safe));
  /* Not numbers, though they start like one. */
  for (const char *const *live = (const char *const[]) { "-5-5", "+", "--1", "-.5", "-1,", "@", "=",
                                                         "-1%2", NULL };
       *live != NULL; live++)
    {
      g_autofree char *inert = cf_spreadsheet_inert_text (*live);

      g_assert_nonnull (inert);
      g_assert_cmpint (inert[0], ==, '\'');
    }
}

/* Copying a range gives what a spreadsheet pastes as the same cells: a
 * formula-like cell inert, a tab or line break inside a cell not splitting it. */
static void
test_clipboard_range (void)
{
  g_autoptr (CfTable) table = cf_table_new ();
  g_autofree char *text = NULL;

  cf_table_add_cell (table, 0, 0, 1, 1, "=HYPERLINK(\"x\")", -1, 0);
  cf_table_add_cell (table, 0, 1, 1, 1, "a\tb", -1, 0);
  cf_table_add_cell (table, 0, 2, 1, 1, "-5", -1, 0);
  cf_table_add_cell (table, 1, 0, 1, 1, "line\nbreak", -1, 0);
  cf_table_add_cell (table, 1, 2, 1, 1, "7", -1, 0);
  cf_table_finish (table);
  text = cf_clipboard_range_text (table, 0, 0, 1, 2);
  g_assert_cmpstr (text, ==, "'=HYPERLINK(\"x\")\ta b\t-5\nline break\t\t7");
  g_free (text);
  text = cf_clipboard_range_text (table, 1, 1, 1, 2);
  g_assert_cmpstr (text, ==, "\t7");
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/export/encoding-names", test_encoding_names);
  g_test_add_func ("/export/table-csv", test_table_csv);
  g_test_add_func ("/export/table-csv-headed", test_table_csv_headed);
  g_test_add_func ("/export/write-encodings", test_write_encodings);
  g_test_add_func ("/export/write-tables", test_write_tables);
  g_test_add_func ("/export/long-csv", test_long_csv);
  g_test_add_func ("/export/long-csv-form-order", test_long_csv_form_order);
  g_test_add_func ("/export/findings-csv", test_findings_csv);
  g_test_add_func ("/export/findings-csv-review", test_findings_csv_review);
  g_test_add_func ("/export/json-review", test_json_review);
  g_test_add_func ("/export/json-shape", test_json_shape);
  g_test_add_func ("/export/json-corpus", test_json_corpus);
  g_test_add_func ("/export/inert-text", test_inert_text);
  g_test_add_func ("/export/clipboard-range", test_clipboard_range);
  g_test_add_func ("/export/hostile-csv", test_hostile_csv);
  return g_test_run ();
}
