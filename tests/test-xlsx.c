/* Tests of the Excel export, read back with unzip: numbers as numbers, merged
 * cells merged, findings as comments and in their own sheet, atomic writes. */
#include <locale.h>
#include <string.h>

#include "cf-test-util.h"
#include "cf-cell-labels.h"

/* The member @member of the zip @path, as text (unzip -p). */
static char *
unzip_member (const char *path, const char *member)
{
  g_autoptr (GError) error = NULL;
  char *out = NULL;
  int status = 0;
  const char *argv[] = { "unzip", "-p", path, member, NULL };

  g_assert_true (g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_SEARCH_PATH
                               | G_SPAWN_STDERR_TO_DEV_NULL, NULL, NULL, &out, NULL, &status,
                               &error));
  g_assert_no_error (error);
  g_assert_true (g_spawn_check_wait_status (status, NULL));
  return out;
}

static CfDocument *
load_broken_report (void)
{
  CfDocument *doc = cf_test_load_corpus ("html", "city-2025-placeholder-headers.html");
  CfCell *cell;

  cf_audit_document (doc, NULL);
  cell = cf_table_find_by_keys (cf_document_find_table (doc, "requests"), "new", "total");
  g_assert_nonnull (cell);
  cf_cell_set_text (cell, "14070");
  cf_audit_document (doc, NULL);
  g_assert_cmpuint (cf_document_count_findings (doc, CF_SEVERITY_ERROR), >, 0);
  return doc;
}

static guint
count_leftovers (const char *dir)
{
  g_autoptr (GDir) d = g_dir_open (dir, 0, NULL);
  const char *name;
  guint n = 0;

  while ((name = g_dir_read_name (d)) != NULL)
    if (g_str_has_prefix (name, ".crossfoot-xlsx-"))
      n++;
  return n;
}

static void
test_corpus_workbook (void)
{
  g_autofree char *dir = cf_test_make_tmpdir ();
  g_autofree char *path = g_build_filename (dir, "report.xlsx", NULL);
  g_autoptr (GError) error = NULL;
  g_autoptr (CfDocument) doc = load_broken_report ();
  g_autoptr (CfReview) review = cf_review_new (NULL, cf_document_get_sha256 (doc), NULL);
  g_autofree char *workbook = NULL;
  g_autofree char *requests = NULL;
  g_autofree char *comments = NULL;
  g_autofree char *strings = NULL;
  g_autofree char *message = NULL;
  CfFinding *error_finding = NULL;
  GPtrArray *findings = cf_document_get_findings (doc);

  if (!cf_xlsx_available ())
    {
      g_test_skip ("built without libxlsxwriter");
      return;
    }
  for (guint i = 0; i < findings->len && error_finding == NULL; i++)
    if (((CfFinding *) findings->pdata[i])->severity == CF_SEVERITY_ERROR
        && g_strcmp0 (((CfFinding *) findings->pdata[i])->table, "requests") == 0)
      error_finding = findings->pdata[i];
  g_assert_nonnull (error_finding);
  g_assert_true (cf_review_accept (review, error_finding, "原文如此", NULL));

  /* Over an existing file, which is replaced whole. */
  g_assert_true (g_file_set_contents (path, "old", -1, NULL));
  g_assert_true (cf_xlsx_write_with_review (doc, review, path, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (count_leftovers (dir), ==, 0);

  workbook = unzip_member (path, "xl/workbook.xml");
  g_assert_nonnull (strstr (workbook, "<sheet name=\"proactive\" sheetId=\"1\""));
  g_assert_nonnull (strstr (workbook, "<sheet name=\"requests\" sheetId=\"2\""));
  g_assert_nonnull (strstr (workbook, "<sheet name=\"findings\""));

  requests = unzip_member (path, "xl/worksheets/sheet2.xml");
  /* The corrected total and an untouched value, as numbers. */
  g_assert_nonnull (strstr (requests, "<v>14070</v>"));
  g_assert_nonnull (strstr (requests, "<v>13612</v>"));
  g_assert_nonnull (strstr (requests, "<mergeCell ref="));
  g_assert_nonnull (strstr (requests, "<legacyDrawing"));

  /* The requests sheet is the first with comments. */
  comments = unzip_member (path, "xl/comments1.xml");
  message = g_markup_escape_text (error_finding->message, -1);
  g_assert_nonnull (strstr (comments, message));
  g_assert_nonnull (strstr (comments, "accepted: 原文如此"));

  strings = unzip_member (path, "xl/sharedStrings.xml");
  g_assert_nonnull (strstr (strings, error_finding->rule));
  g_assert_nonnull (strstr (strings, "原文如此"));
  /* The findings sheet names the table, row and column as the report prints them. */
  g_assert_nonnull (strstr (strings, "<t>row_label</t>"));
  g_assert_nonnull (strstr (strings, "<t>column_label</t>"));
  {
    CfTable *table = NULL;
    CfCell *cell = cf_finding_resolve_cell (doc, error_finding, 0, &table);
    CfTableLabels *labels = cf_table_labels_for_document (doc, table);
    g_autofree char *row = g_markup_escape_text (cf_table_labels_row (labels, cell->row), -1);
    g_autofree char *col_title = cf_table_labels_column_title (labels, cell->col);
    g_autofree char *col = g_markup_escape_text (col_title, -1);
    g_autofree char *row_t = g_strdup_printf (">%s</t>", row);
    g_autofree char *col_t = g_strdup_printf (">%s</t>", col);

    g_assert_nonnull (strstr (strings, row_t));
    g_assert_nonnull (strstr (strings, col_t));
    g_assert_cmpstr (col_title, !=, "");
  }
  cf_test_rm_rf (dir);
}

/* Sheet names: at most 31 characters, no []:*?/\, unique ignoring case, and
 * none takes "findings". */
static void
test_sheet_names (void)
{
  g_autofree char *dir = cf_test_make_tmpdir ();
  g_autofree char *path = g_build_filename (dir, "names.xlsx", NULL);
  g_autoptr (GError) error = NULL;
  g_autoptr (CfDocument) doc = cf_document_new ("names.txt", CF_DOCUMENT_KIND_TEXT);
  g_autofree char *workbook = NULL;
  g_autofree char *sheet1 = NULL;
  const char *ids[] = { "a/b:c*d?[e]\\f-and-a-very-long-table-name", "Findings", "dup", "DUP" };

  if (!cf_xlsx_available ())
    {
      g_test_skip ("built without libxlsxwriter");
      return;
    }
  for (gsize i = 0; i < G_N_ELEMENTS (ids); i++)
    {
      g_autoptr (CfTable) t = cf_table_new ();
      cf_table_set_id (t, ids[i]);
      cf_table_add_cell (t, 0, 0, 2, 2, "合并", -1, 0);
      cf_table_add_cell (t, 0, 2, 1, 1, "1,234", -1, 0);
      cf_table_add_cell (t, 1, 2, 1, 1, "约5", -1, 0);
      cf_table_finish (t);
      cf_document_add_table (doc, t);
    }
  g_assert_true (cf_xlsx_write (doc, path, &error));
  g_assert_no_error (error);
  workbook = unzip_member (path, "xl/workbook.xml");
  g_assert_nonnull (strstr (workbook, "name=\"a_b_c_d__e__f-and-a-very-long-t\""));
  g_assert_nonnull (strstr (workbook, "name=\"Findings~2\""));
  g_assert_nonnull (strstr (workbook, "name=\"dup\""));
  g_assert_nonnull (strstr (workbook, "name=\"DUP~2\""));
  g_assert_nonnull (strstr (workbook, "name=\"findings\""));
  sheet1 = unzip_member (path, "xl/worksheets/sheet1.xml");
  g_assert_nonnull (strstr (sheet1, "<mergeCell ref=\"A1:B2\"/>"));
  g_assert_nonnull (strstr (sheet1, "<v>1234</v>"));
  cf_test_rm_rf (dir);
}

static void
test_unwritable (void)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (CfDocument) doc = cf_document_new ("x.txt", CF_DOCUMENT_KIND_TEXT);

  g_assert_false (cf_xlsx_write (doc, "/nonexistent-folder/out.xlsx", &error));
  g_assert_nonnull (error);
  g_assert_true (g_str_has_prefix (error->message, "out.xlsx: "));
}

/* Every <t> text of @xml, unescaped (the shared strings). */
static GPtrArray *
xml_texts (const char *xml)
{
  g_autoptr (GRegex) regex = g_regex_new ("<t(?: [^>]*)?>([^<]*)</t>", 0, 0, NULL);
  g_autoptr (GMatchInfo) match = NULL;
  GPtrArray *texts = g_ptr_array_new_with_free_func (g_free);

  g_regex_match (regex, xml, 0, &match);
  for (; g_match_info_matches (match); g_match_info_next (match, NULL))
    {
      g_autofree char *raw = g_match_info_fetch (match, 1);
      g_autofree char *text = NULL;
      g_autoptr (GString) s = g_string_new (raw);

      /* libxlsxwriter writes a tab or CR as _x0009_ / _x000D_. */
      g_string_replace (s, "_x0009_", "\t", 0);
      g_string_replace (s, "_x000D_", "\r", 0);
      g_string_replace (s, "&lt;", "<", 0);
      g_string_replace (s, "&gt;", ">", 0);
      g_string_replace (s, "&quot;", "\"", 0);
      g_string_replace (s, "&amp;", "&", 0);
      text = g_string_free (g_steal_pointer (&s), FALSE);
      g_ptr_array_add (texts, g_steal_pointer (&text));
    }
  return texts;
}

/* Hostile text written to a workbook, read back from its XML: strings only
 * (no formula anywhere), each with a leading apostrophe; signed numbers are
 * number cells. */
static void
test_hostile_workbook (void)
{
  g_autofree char *dir = cf_test_make_tmpdir ();
  g_autofree char *path = g_build_filename (dir, "hostile.xlsx", NULL);
  g_autoptr (GError) error = NULL;
  g_autoptr (CfReview) review = NULL;
  g_autoptr (CfDocument) doc = cf_test_hostile_document (&review);
  g_autofree char *sheet = NULL;
  g_autofree char *findings = NULL;
  g_autofree char *strings = NULL;
  g_autoptr (GPtrArray) texts = NULL;

  if (!cf_xlsx_available ())
    {
      g_test_skip ("built without libxlsxwriter");
      return;
    }
  g_assert_true (cf_xlsx_write_with_review (doc, review, path, &error));
  g_assert_no_error (error);
  sheet = unzip_member (path, "xl/worksheets/sheet1.xml");
  findings = unzip_member (path, "xl/worksheets/sheet2.xml");
  strings = unzip_member (path, "xl/sharedStrings.xml");
  g_assert_null (strstr (sheet, "<f>"));
  g_assert_null (strstr (findings, "<f>"));
  /* -5, +7, -1,234.5 and (5) as numbers; -12% stays text (a unit). */
  g_assert_nonnull (strstr (sheet, "<v>-5</v>"));
  g_assert_nonnull (strstr (sheet, "<v>7</v>"));
  g_assert_nonnull (strstr (sheet, "<v>-1234.5</v>"));
  texts = xml_texts (strings);
  g_assert_cmpuint (texts->len, >, 0);
  for (guint i = 0; i < texts->len; i++)
    if (cf_test_is_live_text (g_ptr_array_index (texts, i)))
      g_test_fail_printf ("a text cell would run in a spreadsheet: %s",
                          (char *) g_ptr_array_index (texts, i));
  for (guint i = 0; cf_test_hostile_texts[i] != NULL; i++)
    {
      g_autofree char *inert = g_strconcat ("'", cf_test_hostile_texts[i], NULL);

      if (!g_ptr_array_find_with_equal_func (texts, inert, g_str_equal, NULL))
        g_test_fail_printf ("no text cell “%s”", inert);
    }
  g_assert_true (g_ptr_array_find_with_equal_func (texts, "'=1+2 does not add up", g_str_equal, NULL));
  g_assert_true (g_ptr_array_find_with_equal_func (texts, "'@note =1+1", g_str_equal, NULL));
  g_assert_true (g_ptr_array_find_with_equal_func (texts, "-", g_str_equal, NULL));
  cf_test_rm_rf (dir);
}

/* Under a comma-decimal locale the workbook still says 417.75: Excel would
 * "repair" 417,75. The locale is made by tools/run-tests.sh (localedef). */
static void
test_comma_locale (void)
{
  g_autofree char *dir = cf_test_make_tmpdir ();
  g_autofree char *path = g_build_filename (dir, "de.xlsx", NULL);
  g_autoptr (GError) error = NULL;
  g_autoptr (CfDocument) doc = cf_document_new ("de.txt", CF_DOCUMENT_KIND_TEXT);
  g_autoptr (CfTable) table = cf_table_new ();
  g_autoptr (GString) csv = g_string_new (NULL);
  g_autofree char *saved = g_strdup (setlocale (LC_NUMERIC, NULL));
  g_autofree char *sheet = NULL;
  g_autofree char *findings = NULL;
  char printed[32];
  CfCell *cell;
  CfFinding *finding;

  if (!cf_xlsx_available ())
    {
      g_test_skip ("built without libxlsxwriter");
      return;
    }
  if (setlocale (LC_NUMERIC, "de_DE.UTF-8") == NULL)
    {
      g_printerr ("\n*** SKIPPED /xlsx/comma-locale: no de_DE.UTF-8 locale here "
                  "(localedef -i de_DE -f UTF-8 de_DE.UTF-8, as tools/run-tests.sh does) ***\n");
      g_test_skip ("SKIPPED LOUDLY: locale de_DE.UTF-8 missing; run localedef -i de_DE -f UTF-8 de_DE.UTF-8");
      return;
    }
  /* The locale is in force: printf itself writes a comma. */
  g_snprintf (printed, sizeof printed, "%.2f", 417.75);
  g_assert_cmpstr (printed, ==, "417,75");

  cell = cf_table_add_cell (table, 0, 0, 1, 1, "417.75", -1, 0);
  cf_cell_set_keys (cell, "new", "total");
  cf_table_add_cell (table, 0, 1, 1, 1, "-0.5", -1, 0);
  cf_table_set_id (table, "requests");
  cf_table_finish (table);
  cf_document_add_table (doc, table);
  cf_document_set_form (doc, "gip-2021");
  finding = cf_finding_new (CF_SEVERITY_ERROR, "r", "requests", "m");
  cf_finding_set_values (finding, TRUE, 1234.5, TRUE, 0.25);
  cf_document_take_finding (doc, finding);

  g_assert_true (cf_xlsx_write (doc, path, &error));
  setlocale (LC_NUMERIC, saved);
  g_assert_no_error (error);
  sheet = unzip_member (path, "xl/worksheets/sheet1.xml");
  findings = unzip_member (path, "xl/worksheets/sheet2.xml");
  g_assert_nonnull (strstr (sheet, "<v>417.75</v>"));
  g_assert_nonnull (strstr (sheet, "<v>-0.5</v>"));
  g_assert_nonnull (strstr (findings, "<v>1234.5</v>"));
  g_assert_nonnull (strstr (findings, "<v>0.25</v>"));
  g_assert_null (strstr (sheet, "417,75"));

  /* The CSV values too. */
  setlocale (LC_NUMERIC, "de_DE.UTF-8");
  cf_csv_append_long (csv, doc, FALSE);
  setlocale (LC_NUMERIC, saved);
  g_assert_nonnull (strstr (csv->str, ",417.75,417.75,"));
  cf_test_rm_rf (dir);
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/xlsx/corpus-workbook", test_corpus_workbook);
  g_test_add_func ("/xlsx/sheet-names", test_sheet_names);
  g_test_add_func ("/xlsx/unwritable", test_unwritable);
  g_test_add_func ("/xlsx/hostile-workbook", test_hostile_workbook);
  g_test_add_func ("/xlsx/comma-locale", test_comma_locale);
  return g_test_run ();
}
