/* Tests of the audit trail: "fix an extraction mistake" (the cell's text
 * changes, the audit checks the new figure) against "the report is wrong,
 * here is the right figure" (the printed text stays and is audited, the
 * finding stays as accepted, and every export carries the printed figure, the
 * right one and the finding's state); and what an audit could check, since
 * "no findings" where nothing could be checked is not "clean". */
#include <string.h>

#include "cf-test-util.h"

/* A report whose 本年新收 总计 was printed as 14070 (an error the audit finds). */
static CfDocument *
load_misprinted_report (CfCell **cell_out, CfFinding **finding_out)
{
  CfDocument *doc = cf_test_load_corpus ("html", "city-2025-placeholder-headers.html");
  GPtrArray *findings;
  CfCell *cell;

  cf_audit_document (doc, NULL);
  cell = cf_table_find_by_keys (cf_document_find_table (doc, "requests"), "new", "total");
  g_assert_nonnull (cell);
  cf_cell_set_text (cell, "14070");
  /* As if read so: the extraction layer forgets it was set here. */
  g_clear_pointer (&cell->original_text, g_free);
  cell->flags &= ~CF_CELL_FLAG_CORRECTED;
  cf_audit_document (doc, NULL);
  findings = cf_document_get_findings (doc);
  *finding_out = NULL;
  for (guint i = 0; i < findings->len; i++)
    {
      CfFinding *f = g_ptr_array_index (findings, i);
      if (f->severity == CF_SEVERITY_ERROR
          && cf_finding_names_cell (f, cf_document_find_table (doc, "requests"), cell))
        *finding_out = f;
    }
  g_assert_nonnull (*finding_out);
  *cell_out = cell;
  return doc;
}

/* The line of @csv that starts with @prefix, or NULL. */
static char *
line_starting (const char *csv, const char *prefix)
{
  g_auto (GStrv) lines = g_strsplit (csv, "\r\n", -1);

  for (guint i = 0; lines[i]; i++)
    if (g_str_has_prefix (lines[i], prefix))
      return g_strdup (lines[i]);
  return NULL;
}

static void
test_restate_keeps_finding (void)
{
  g_autofree char *dir = cf_test_make_tmpdir ();
  g_autofree char *db = g_build_filename (dir, "corrections.db", NULL);
  g_autoptr (GError) error = NULL;
  g_autoptr (CfStore) store = cf_store_open (db, &error);
  CfCell *cell;
  CfFinding *finding;
  g_autoptr (CfDocument) doc = load_misprinted_report (&cell, &finding);
  CfTable *requests = cf_document_find_table (doc, "requests");
  g_autoptr (CfReview) review = cf_review_new (store, cf_document_get_sha256 (doc), &error);
  g_autoptr (CfReview) again = NULL;
  g_autofree char *figure = cf_number_format (finding->expected);
  const char *note = NULL, *printed = NULL;
  guint n_errors = cf_document_count_findings (doc, CF_SEVERITY_ERROR);
  guint n_open = cf_review_count_open (review, doc, CF_SEVERITY_ERROR);

  g_assert_no_error (error);
  g_assert_cmpuint (n_open, >, 0);
  g_assert_false (cf_review_is_accepted (review, finding, NULL));

  g_assert_true (cf_review_restate (review, requests, cell, figure, &error));
  g_assert_no_error (error);
  /* The printed figure stays, and so does the finding: accepted, with the figure. */
  g_assert_cmpstr (cell->text, ==, "14070");
  cf_audit_document (doc, NULL);
  g_assert_cmpuint (cf_document_count_findings (doc, CF_SEVERITY_ERROR), ==, n_errors);
  cell = cf_table_find_by_keys (requests, "new", "total");
  finding = NULL;
  for (guint i = 0; i < cf_document_get_findings (doc)->len; i++)
    {
      CfFinding *f = g_ptr_array_index (cf_document_get_findings (doc), i);
      if (f->severity == CF_SEVERITY_ERROR && cf_finding_names_cell (f, requests, cell))
        finding = f;
    }
  g_assert_nonnull (finding);
  g_assert_true (cf_review_is_accepted (review, finding, &note));
  g_assert_nonnull (strstr (note, figure));
  g_assert_nonnull (strstr (note, "14070"));
  g_assert_cmpuint (cf_review_count_open (review, doc, CF_SEVERITY_ERROR), <, n_open);
  g_assert_cmpstr (cf_review_finding_state (review, finding), ==, "accepted-error");
  g_assert_cmpstr (cf_review_get_restated (review, requests, cell, &printed), ==, figure);
  g_assert_cmpstr (printed, ==, "14070");

  /* Kept on disk: a new review of the same document finds it. */
  again = cf_review_new (store, cf_document_get_sha256 (doc), &error);
  g_assert_no_error (error);
  g_assert_cmpstr (cf_review_get_restated (again, requests, cell, NULL), ==, figure);
  g_assert_true (cf_review_is_accepted (again, finding, NULL));
  g_assert_cmpuint (cf_review_get_n_restated (again), ==, 1);

  /* Reopening the finding forgets the right figure. */
  g_assert_true (cf_review_unaccept (again, finding, &error));
  g_assert_null (cf_review_get_restated (again, requests, cell, NULL));
  g_assert_false (cf_review_is_accepted (again, finding, NULL));
  g_assert_true (cf_review_restate (again, requests, cell, figure, &error));
  g_assert_true (cf_review_is_accepted (again, finding, NULL));

  /* Forgetting it opens the finding again. */
  g_assert_true (cf_review_restate (again, requests, cell, "", &error));
  g_assert_false (cf_review_is_accepted (again, finding, NULL));
  g_clear_object (&again);
  again = cf_review_new (store, cf_document_get_sha256 (doc), &error);
  g_assert_cmpuint (cf_review_get_n_restated (again), ==, 0);
  g_clear_object (&store);
  cf_test_rm_rf (dir);
}

/* An extraction fix is another act: the finding goes, the extracted text is kept. */
static void
test_extraction_fix_differs (void)
{
  CfCell *cell;
  CfFinding *finding;
  g_autoptr (CfDocument) doc = load_misprinted_report (&cell, &finding);
  CfTable *requests = cf_document_find_table (doc, "requests");
  g_autoptr (CfReview) review = cf_review_new (NULL, cf_document_get_sha256 (doc), NULL);
  g_autofree char *figure = cf_number_format (finding->expected);
  g_autoptr (GString) long_csv = g_string_new (NULL);
  g_autofree char *expected_tail = NULL;

  cf_cell_set_text (cell, figure);
  cf_audit_document (doc, NULL);
  for (guint i = 0; i < cf_document_get_findings (doc)->len; i++)
    {
      CfFinding *f = g_ptr_array_index (cf_document_get_findings (doc), i);
      g_assert_false (f->severity == CF_SEVERITY_ERROR && cf_finding_names_cell (f, requests, cell));
    }
  cf_csv_append_long_with_review (long_csv, doc, review, TRUE);
  g_assert_true (g_str_has_prefix (long_csv->str,
                                   "document,form,table,row,column,text,value,unit,"
                                   "table_title,extracted,corrected,findings,row_label,column_label\r\n"));
  {
    g_autofree char *needle = g_strdup_printf (",requests,new,total,%s,%s,", figure, figure);
    g_autofree char *row = NULL;
    g_auto (GStrv) lines = g_strsplit (long_csv->str, "\r\n", -1);

    for (guint i = 0; lines[i]; i++)
      if (strstr (lines[i], needle))
        row = g_strdup (lines[i]);
    g_assert_nonnull (row);
    /* extracted 14070, no right figure given. */
    expected_tail = g_strdup (",14070,,");
    g_assert_nonnull (strstr (row, expected_tail));
  }
}

static void
test_exports_carry_both (void)
{
  g_autofree char *dir = cf_test_make_tmpdir ();
  g_autofree char *xlsx = g_build_filename (dir, "report.xlsx", NULL);
  g_autoptr (GError) error = NULL;
  CfCell *cell;
  CfFinding *finding;
  g_autoptr (CfDocument) doc = load_misprinted_report (&cell, &finding);
  CfTable *requests = cf_document_find_table (doc, "requests");
  g_autoptr (CfReview) review = cf_review_new (NULL, cf_document_get_sha256 (doc), NULL);
  g_autofree char *figure = cf_number_format (finding->expected);
  g_autofree char *table_csv = NULL;
  g_autofree char *row_line = NULL;
  g_autofree char *needle = NULL;
  g_autoptr (GString) long_csv = g_string_new (NULL);
  g_auto (GStrv) lines = NULL;
  gboolean found = FALSE;

  g_assert_true (cf_review_restate (review, requests, cell, figure, NULL));

  /* Table CSV: the grid as printed, then one line per cell with both figures. */
  table_csv = cf_csv_table_to_string_full (doc, requests, review);
  g_assert_nonnull (strstr (table_csv, "\r\n\r\nrow,column,row_key,column_key,extracted,printed,"
                                       "corrected,findings\r\n"));
  needle = g_strdup_printf ("%d,%d,new,total,,14070,%s,accepted-error", cell->row + 1,
                            cell->col + 1, figure);
  row_line = line_starting (table_csv, needle);
  g_assert_nonnull (row_line);

  /* Long CSV: printed text and value, the right figure and the state. */
  cf_csv_append_long_with_review (long_csv, doc, review, TRUE);
  lines = g_strsplit (long_csv->str, "\r\n", -1);
  for (guint i = 0; lines[i]; i++)
    if (strstr (lines[i], ",requests,new,total,14070,14070,"))
      {
        g_autofree char *tail = g_strdup_printf (",,%s,accepted-error", figure);
        g_assert_nonnull (strstr (lines[i], tail));
        found = TRUE;
      }
  g_assert_true (found);

  /* xlsx: the printed number in the sheet, a comment with both, a corrections sheet. */
  g_assert_true (cf_xlsx_available ());
    {
      g_autofree char *workbook = NULL, *comments = NULL, *strings = NULL, *comment = NULL;
      const char *argv[] = { "unzip", "-p", xlsx, NULL, NULL };
      const char *members[] = { "xl/workbook.xml", "xl/comments1.xml", "xl/sharedStrings.xml" };
      char **outs[] = { &workbook, &comments, &strings };

      g_assert_true (cf_xlsx_write_with_review (doc, review, xlsx, &error));
      g_assert_no_error (error);
      for (guint i = 0; i < G_N_ELEMENTS (members); i++)
        {
          int status = 0;
          argv[3] = members[i];
          g_assert_true (g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_SEARCH_PATH
                                       | G_SPAWN_STDERR_TO_DEV_NULL, NULL, NULL, outs[i], NULL,
                                       &status, NULL));
          g_assert_true (g_spawn_check_wait_status (status, NULL));
        }
      g_assert_nonnull (strstr (workbook, "<sheet name=\"corrections\""));
      comment = g_strdup_printf ("printed: 14070; corrected: %s", figure);
      g_assert_nonnull (strstr (comments, comment));
      g_assert_nonnull (strstr (strings, "accepted-error"));
      g_assert_nonnull (strstr (strings, "report"));
    }
  cf_test_rm_rf (dir);
}

static void
test_coverage (void)
{
  g_autoptr (CfDocument) none = cf_test_load_corpus ("text", "zhaotong-psb-2016.txt");
  g_autoptr (CfDocument) zibo = cf_test_load_corpus ("text", "zibo-gaoxin-psb-2022.txt");
  g_autoptr (CfDocument) prose = cf_test_load_corpus ("text", "shenzhen-psb-2020.txt");
  g_autoptr (CfDocument) generic = cf_document_new ("totals.txt", CF_DOCUMENT_KIND_TEXT);
  g_autoptr (CfTable) table = cf_table_new ();
  CfCoverage c;

  /* No form, no table: no finding, and nothing checked. */
  cf_audit_document (none, NULL);
  g_assert_cmpuint (cf_document_get_findings (none)->len, ==, 0);
  g_assert_true (cf_document_nothing_checked (none));
  cf_document_get_coverage (none, &c);
  g_assert_cmpuint (c.n_form_tables, ==, 0);
  g_assert_cmpuint (c.n_total_checks, ==, 0);

  /* Three tables of the 2021 form: checked, clean. */
  cf_audit_document (zibo, NULL);
  g_assert_false (cf_document_nothing_checked (zibo));
  cf_document_get_coverage (zibo, &c);
  g_assert_cmpuint (c.n_form_tables, ==, 3);

  /* No table, but a sum in the prose that fails: something was checked. */
  cf_audit_document (prose, NULL);
  cf_document_get_coverage (prose, &c);
  g_assert_cmpuint (c.n_prose_findings, ==, 1);
  g_assert_false (cf_document_nothing_checked (prose));

  /* A table of no form with a 合计 row: its totals count, holding or not. */
  cf_table_set_id (table, "table-1");
  cf_table_add_cell (table, 0, 0, 1, 1, "项目", -1, 0);
  cf_table_add_cell (table, 0, 1, 1, 1, "数量", -1, 0);
  cf_table_add_cell (table, 1, 0, 1, 1, "甲", -1, 0);
  cf_table_add_cell (table, 1, 1, 1, 1, "2", -1, 0);
  cf_table_add_cell (table, 2, 0, 1, 1, "乙", -1, 0);
  cf_table_add_cell (table, 2, 1, 1, 1, "3", -1, 0);
  cf_table_add_cell (table, 3, 0, 1, 1, "合计", -1, 0);
  cf_table_add_cell (table, 3, 1, 1, 1, "5", -1, 0);
  cf_table_finish (table);
  cf_document_add_table (generic, table);
  cf_audit_document (generic, NULL);
  g_assert_cmpuint (cf_document_get_findings (generic)->len, ==, 0);
  cf_document_get_coverage (generic, &c);
  g_assert_cmpuint (c.n_total_checks, ==, 1);
  g_assert_false (cf_document_nothing_checked (generic));
}

int
main (int argc, char *argv[])
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/evidence/restate-keeps-finding", test_restate_keeps_finding);
  g_test_add_func ("/evidence/extraction-fix-differs", test_extraction_fix_differs);
  g_test_add_func ("/evidence/exports-carry-both", test_exports_carry_both);
  g_test_add_func ("/evidence/coverage", test_coverage);
  return cf_test_run_with_data_dir ();
}
