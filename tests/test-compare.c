/* test-compare.c: two years side by side, on corpus reports and years made from them */
#include <locale.h>
#include <string.h>
#include <sys/wait.h>
#include "cf-test-util.h"

static const char *const applicant_cols[] = {
  "natural_person", "commercial", "research", "social_welfare", "legal_services", "other_org",
  "total",
};

static CfDocument *
audited (const char *sub, const char *name)
{
  CfDocument *doc = cf_test_load_corpus (sub, name);

  cf_audit_document (doc, NULL);
  return doc;
}

static CfCell *
cell_of (CfDocument *doc, const char *table, const char *row, const char *col)
{
  CfCell *cell = cf_table_find_by_keys (cf_document_find_table (doc, table), row, col);

  g_assert_nonnull (cell);
  return cell;
}

static void
set_number (CfDocument *doc, const char *table, const char *row, const char *col, double value)
{
  g_autofree char *text = cf_number_format (value);

  cf_cell_set_text (cell_of (doc, table, row, col), text);
}

static double
number (CfDocument *doc, const char *table, const char *row, const char *col)
{
  CfCell *cell = cell_of (doc, table, row, col);

  g_assert_cmpint (cell->number.kind, ==, CF_NUMBER_VALUE);
  return cell->number.value;
}

/* The year before city-2025 as its next report expects it: what 2025 carried
 * over was carried forward, and the documents in force then were those of
 * 2025 less what 2025 issued, plus what it repealed. */
static void
make_consistent_years (CfDocument **old_out, CfDocument **new_out)
{
  CfDocument *new_doc = audited ("html", "city-2025-placeholder-headers.html");
  CfDocument *old_doc = audited ("html", "city-2025-placeholder-headers.html");
  const char *rows[] = { "rules", "normative_documents" };

  cf_document_set_sha256 (old_doc, "generated-2024");
  for (guint c = 0; c < G_N_ELEMENTS (applicant_cols); c++)
    set_number (old_doc, "requests", "carried_forward", applicant_cols[c],
                number (new_doc, "requests", "carried_over", applicant_cols[c]));
  for (guint r = 0; r < G_N_ELEMENTS (rows); r++)
    set_number (old_doc, "proactive", rows[r], "in_force",
                number (new_doc, "proactive", rows[r], "in_force")
                  - number (new_doc, "proactive", rows[r], "issued")
                  + number (new_doc, "proactive", rows[r], "repealed"));
  /* A changed cell and a blank one, to see them in the comparison. */
  set_number (old_doc, "requests", "new", "natural_person", 100);
  cf_cell_set_text (cell_of (old_doc, "requests", "new", "research"), "");
  cf_audit_document (old_doc, NULL);
  cf_document_set_report_meta (old_doc, "某市人民政府", 2024);
  cf_document_set_report_meta (new_doc, "某市人民政府", 2025);
  *old_out = old_doc;
  *new_out = new_doc;
}

static CfTableDiff *
table_diff (CfComparison *comparison, const char *id)
{
  GListModel *tables = cf_comparison_get_tables (comparison);

  for (guint t = 0; t < g_list_model_get_n_items (tables); t++)
    {
      g_autoptr (CfTableDiff) diff = g_list_model_get_item (tables, t);

      if (g_strcmp0 (cf_table_diff_get_table_id (diff, TRUE), id) == 0
          || g_strcmp0 (cf_table_diff_get_table_id (diff, FALSE), id) == 0)
        return diff; /* the comparison keeps it */
    }
  g_assert_not_reached ();
}

static CfComparison *
compare (CfDocument *old_doc, CfDocument *new_doc)
{
  g_autoptr (GError) error = NULL;
  CfComparison *comparison = cf_comparison_new (old_doc, new_doc, CF_COMPARE_NONE, &error);

  g_assert_no_error (error);
  g_assert_nonnull (comparison);
  return comparison;
}

static guint
count_rule (CfComparison *comparison, const char *rule)
{
  GPtrArray *findings = cf_comparison_get_carry_findings (comparison);
  guint n = 0;

  for (guint i = 0; i < findings->len; i++)
    n += g_strcmp0 (((CfFinding *) findings->pdata[i])->rule, rule) == 0;
  return n;
}

static void
test_consistent (void)
{
  g_autoptr (CfDocument) old_doc = NULL;
  g_autoptr (CfDocument) new_doc = NULL;
  g_autoptr (CfComparison) comparison = NULL;
  CfTableDiff *requests;
  CfCellChange *change;
  double delta = 0, relative = 0;
  guint n_before = 0;

  make_consistent_years (&old_doc, &new_doc);
  n_before = cf_document_get_findings (new_doc)->len;
  comparison = compare (old_doc, new_doc);
  g_assert_null (cf_comparison_get_carry_note (comparison));
  g_assert_cmpuint (cf_comparison_get_carry_findings (comparison)->len, ==, 0);
  /* The documents are left as they were. */
  g_assert_cmpuint (cf_document_get_findings (new_doc)->len, ==, n_before);
  g_assert_cmpstr (cf_comparison_get_year_label (comparison, FALSE), ==, "2024");

  requests = table_diff (comparison, "requests");
  g_assert_cmpint (cf_table_diff_get_match (requests), ==, CF_TABLE_MATCH_FORM);
  change = cf_table_diff_find_change (requests, "new", "natural_person");
  g_assert_cmpint (cf_cell_change_get_kind (change), ==, CF_CELL_CHANGE_CHANGED);
  g_assert_true (cf_cell_change_get_delta (change, &delta));
  g_assert_cmpfloat (delta, ==, number (new_doc, "requests", "new", "natural_person") - 100);
  g_assert_true (cf_cell_change_get_relative (change, &relative));
  g_assert_cmpfloat_with_epsilon (relative, delta / 100, 1e-9);
  g_assert_cmpstr (cf_cell_change_get_row_label (change), ==, "本年新收政府信息公开申请数量");
  /* Blank is not zero: a blank that became a number is its own kind. */
  change = cf_table_diff_find_change (requests, "new", "research");
  g_assert_cmpint (cf_cell_change_get_kind (change), ==,
                   cf_table_find_by_keys (cf_document_find_table (new_doc, "requests"), "new",
                                          "research")->number.kind == CF_NUMBER_VALUE
                     ? CF_CELL_CHANGE_FILLED : CF_CELL_CHANGE_SAME);
  g_assert_false (cf_cell_change_get_delta (change, &delta));
  change = cf_table_diff_find_change (requests, "carried_over", "total");
  g_assert_cmpint (cf_cell_change_get_kind (change), ==, CF_CELL_CHANGE_SAME);

  /* Largest first, every one listed a change. */
  {
    g_autoptr (GPtrArray) largest = cf_comparison_list_largest_changes (comparison, 0);
    double last = G_MAXDOUBLE;

    g_assert_cmpuint (largest->len, >, 0);
    for (guint i = 0; i < largest->len; i++)
      {
        CfCellChange *each = largest->pdata[i];

        g_assert_cmpint (cf_cell_change_get_kind (each), !=, CF_CELL_CHANGE_SAME);
        if (cf_cell_change_get_delta (each, &delta))
          {
            g_assert_cmpfloat (ABS (delta), <=, last);
            last = ABS (delta);
          }
      }
  }
}

static void
test_broken_carry (void)
{
  g_autoptr (CfDocument) old_doc = NULL;
  g_autoptr (CfDocument) new_doc = NULL;
  g_autoptr (CfComparison) comparison = NULL;
  GPtrArray *findings;
  const CfFinding *finding;
  const CfCell *cell;
  gboolean new_year = FALSE;
  CfTableDiff *requests;

  make_consistent_years (&old_doc, &new_doc);
  set_number (old_doc, "requests", "carried_forward", "research",
              number (new_doc, "requests", "carried_over", "research") + 7);
  /* Given newer first: the comparison puts 2024 first all the same. */
  comparison = compare (new_doc, old_doc);
  g_assert_true (cf_comparison_get_document (comparison, FALSE) == old_doc);
  findings = cf_comparison_get_carry_findings (comparison);
  g_assert_cmpuint (findings->len, ==, 1);
  finding = findings->pdata[0];
  g_assert_cmpstr (finding->rule, ==, "requests.carry");
  g_assert_cmpint (finding->severity, ==, CF_SEVERITY_ERROR);
  /* Both documents are named: the finding's own and the earlier one. */
  g_assert_cmpstr (finding->related_document, ==, cf_document_get_path (old_doc));
  cell = cf_comparison_get_finding_cell (comparison, finding, 0, &new_year);
  g_assert_true (new_year);
  g_assert_cmpstr (cell->row_key, ==, "carried_over");
  cell = cf_comparison_get_finding_cell (comparison, finding, 1, &new_year);
  g_assert_false (new_year);
  g_assert_cmpstr (cell->row_key, ==, "carried_forward");
  g_assert_cmpfloat (cell->number.value, ==,
                     number (new_doc, "requests", "carried_over", "research") + 7);
  /* Shown on both cells it joins. */
  requests = table_diff (comparison, "requests");
  g_assert_cmpuint (cf_cell_change_get_findings (
                      cf_table_diff_find_change (requests, "carried_over", "research"))->len, ==, 1);
  g_assert_cmpuint (cf_cell_change_get_findings (
                      cf_table_diff_find_change (requests, "carried_forward", "research"))->len, ==, 1);
  g_assert_cmpuint (cf_cell_change_get_findings (
                      cf_table_diff_find_change (requests, "carried_over", "total"))->len, ==, 0);
}

static void
test_broken_in_force (void)
{
  g_autoptr (CfDocument) old_doc = NULL;
  g_autoptr (CfDocument) new_doc = NULL;
  g_autoptr (CfComparison) comparison = NULL;
  const CfFinding *finding;

  make_consistent_years (&old_doc, &new_doc);
  set_number (old_doc, "proactive", "normative_documents", "in_force",
              number (old_doc, "proactive", "normative_documents", "in_force") + 30);
  comparison = compare (old_doc, new_doc);
  g_assert_cmpuint (cf_comparison_get_carry_findings (comparison)->len, ==, 1);
  g_assert_cmpuint (count_rule (comparison, "proactive.in_force_carry"), ==, 1);
  finding = cf_comparison_get_carry_findings (comparison)->pdata[0];
  g_assert_cmpint (finding->severity, ==, CF_SEVERITY_WARNING);
  g_assert_cmpstr (g_array_index (finding->cells, CfCellRef, 0).row_key, ==, "normative_documents");
  g_assert_nonnull (strstr (finding->message, cf_document_get_basename (old_doc)));
}

/* gip-2019 → gip-2021: cells in both layouts are compared, the others are
 * in one year only; the carry rule still joins requests. */
static void
test_form_change (void)
{
  g_autoptr (CfDocument) old_doc = audited ("html", "shanghai-gov-office-2019.html");
  g_autoptr (CfDocument) new_doc = audited ("html", "city-2025-placeholder-headers.html");
  g_autoptr (CfComparison) comparison = NULL;
  CfTableDiff *proactive, *requests;

  g_assert_cmpstr (cf_document_get_form (old_doc), ==, "gip-2019");
  g_assert_cmpstr (cf_document_get_form (new_doc), ==, "gip-2021");
  cf_document_set_report_meta (old_doc, "上海市人民政府办公厅", 2020);
  cf_document_set_report_meta (new_doc, "上海市人民政府办公厅", 2021);
  comparison = compare (old_doc, new_doc);
  proactive = table_diff (comparison, "proactive");
  g_assert_cmpint (cf_cell_change_get_kind (cf_table_diff_find_change (proactive, "rules", "issued")),
                   ==, CF_CELL_CHANGE_ONLY_NEW);
  g_assert_cmpint (cf_cell_change_get_kind (cf_table_diff_find_change (proactive, "rules", "made")),
                   ==, CF_CELL_CHANGE_ONLY_OLD);
  g_assert_null (cf_table_diff_find_change (proactive, "rules", "nonsense"));
  {
    CfCellChange *penalty = cf_table_diff_find_change (proactive, "penalty", "decisions");
    CfCellChangeKind kind = cf_cell_change_get_kind (penalty);

    g_assert_true (kind != CF_CELL_CHANGE_ONLY_OLD && kind != CF_CELL_CHANGE_ONLY_NEW);
  }
  requests = table_diff (comparison, "requests");
  g_assert_cmpint (cf_cell_change_get_kind (cf_table_diff_find_change (requests, "other", "total")),
                   ==, CF_CELL_CHANGE_ONLY_OLD);
  g_assert_cmpint (cf_cell_change_get_kind (cf_table_diff_find_change (requests, "new", "total")),
                   ==, CF_CELL_CHANGE_CHANGED);
  /* 2021 carried over 560 in total; 2020 carried forward 72. */
  g_assert_cmpuint (count_rule (comparison, "requests.carry"), >, 0);
  g_assert_cmpuint (count_rule (comparison, "proactive.in_force_carry"), ==, 0);
}

static void
test_different_bodies (void)
{
  g_autoptr (CfDocument) a = audited ("text", "shizuishan-psb-2020.txt");
  g_autoptr (CfDocument) b = audited ("text", "zibo-gaoxin-psb-2022.txt");
  g_autoptr (GError) error = NULL;
  g_autoptr (CfComparison) refused = cf_comparison_new (a, b, CF_COMPARE_NONE, &error);
  g_autoptr (CfComparison) forced = NULL;

  g_assert_null (refused);
  g_assert_error (error, CF_ERROR, CF_ERROR_INVALID);
  g_assert_nonnull (strstr (error->message, "shizuishan-psb-2020.txt"));
  g_assert_nonnull (strstr (error->message, "zibo-gaoxin-psb-2022.txt"));
  g_assert_nonnull (strstr (error->message, "石嘴山市公安局"));
  g_clear_error (&error);

  forced = cf_comparison_new (a, b, CF_COMPARE_FORCE, &error);
  g_assert_no_error (error);
  g_assert_nonnull (cf_comparison_get_notes (forced)[0]);
  /* 2020 and 2022 are not consecutive: no carry-over rule applies. */
  g_assert_nonnull (cf_comparison_get_carry_note (forced));
  g_assert_cmpuint (cf_comparison_get_carry_findings (forced)->len, ==, 0);

  /* One report twice is refused as well. */
  g_assert_null (cf_comparison_new (a, a, CF_COMPARE_FORCE, &error));
  g_assert_error (error, CF_ERROR, CF_ERROR_INVALID);
}

static void
test_pairs (void)
{
  const char *bodies[] = { "某市公安局", "某县公安局", "某市公安局", NULL, "某市 公安局", "某市公安局" };
  const int years[] = { 2021, 2022, 2022, 2022, 2019, 0 };
  g_autoptr (GArray) pairs = cf_comparison_find_pairs (bodies, years, G_N_ELEMENTS (years));
  guint *pair;

  /* 2022 → the latest earlier year (2021); 2021 → 2019 (spaces do not count). */
  g_assert_cmpuint (pairs->len, ==, 2);
  pair = &g_array_index (pairs, guint, 0);
  g_assert_cmpuint (pair[0], ==, 4);
  g_assert_cmpuint (pair[1], ==, 0);
  pair = &g_array_index (pairs, guint, 2);
  g_assert_cmpuint (pair[0], ==, 0);
  g_assert_cmpuint (pair[1], ==, 2);
  g_assert_true (cf_comparison_same_body ("丹鳳縣公安局", "丹凤县公安局"));
  g_assert_false (cf_comparison_same_body ("丹凤县公安局", NULL));
}

static void
test_char_diff (void)
{
  const char *old_text = "全年共受理申请12件，办结10件。";
  const char *new_text = "全年共受理申请15件，全部办结10件。";
  g_autoptr (GArray) spans = cf_char_diff (old_text, -1, new_text, -1);
  g_autoptr (GString) removed = g_string_new (NULL);
  g_autoptr (GString) inserted = g_string_new (NULL);
  guint n_numbers = 0;

  for (guint i = 0; i < spans->len; i++)
    {
      const CfDiffSpan *span = &g_array_index (spans, CfDiffSpan, i);

      if (span->op == CF_DIFF_REMOVED)
        g_string_append_len (removed, old_text + span->old_offset, span->old_length);
      if (span->op == CF_DIFF_INSERTED)
        g_string_append_len (inserted, new_text + span->new_offset, span->new_length);
      n_numbers += span->op != CF_DIFF_SAME && span->is_number;
    }
  /* The number changed as a whole, not digit by digit; 全部 is inserted. */
  g_assert_cmpstr (removed->str, ==, "12");
  g_assert_cmpstr (inserted->str, ==, "15全部");
  g_assert_cmpuint (n_numbers, ==, 2);
  g_assert_cmpfloat (cf_char_similarity ("abc", "abc"), ==, 1.0);
  g_assert_cmpfloat (cf_char_similarity ("甲乙", "丙丁"), ==, 0.0);
}

/* A report and the same report a year on with its prose edited. */
static void
test_text (void)
{
  g_autofree char *path = cf_test_path ("corpus", "text", "zibo-gaoxin-psb-2022.txt", NULL);
  g_autofree char *contents = NULL;
  g_autoptr (GString) older = NULL;
  g_autoptr (GBytes) bytes = NULL;
  g_autoptr (CfDocument) old_doc = NULL;
  g_autoptr (CfDocument) new_doc = audited ("text", "zibo-gaoxin-psb-2022.txt");
  g_autoptr (CfComparison) comparison = NULL;
  g_autoptr (GPtrArray) sections = cf_text_diff_split_sections (new_doc);
  CfTextDiff *text;
  gboolean saw_number = FALSE, saw_only_new = FALSE;
  char *heading_at;

  g_assert_true (g_file_get_contents (path, &contents, NULL, NULL));
  older = g_string_new (contents);
  /* The sections, not the table rows that also start with 一、 二、. */
  g_assert_cmpuint (sections->len, >=, 5);
  for (guint s = 0; s < sections->len; s++)
    g_assert_null (strstr (((GStrv) sections->pdata[s])[0], "本年新收"));
  /* One number in one sentence, and the last section gone the year before. */
  g_assert_nonnull (strstr (older->str, "2022年"));
  g_string_replace (older, "2022年", "2021年", 0);
  heading_at = strstr (older->str, "六、其他需要报告的事项");
  g_assert_nonnull (heading_at);
  g_string_truncate (older, heading_at - older->str);
  bytes = g_bytes_new (older->str, older->len);
  old_doc = cf_loader_load_bytes (bytes, "zibo-2021.txt", NULL, NULL, NULL);
  g_assert_nonnull (old_doc);
  cf_audit_document (old_doc, NULL);
  comparison = compare (old_doc, new_doc);
  text = cf_comparison_get_text (comparison);
  g_assert_cmpuint (cf_text_diff_count_changes (text), >, 0);
  for (guint s = 0; s < cf_text_diff_get_n_sections (text); s++)
    {
      const CfSectionDiff *section = cf_text_diff_get_section (text, s);

      if (section->old_heading == NULL)
        {
          g_assert_cmpstr (section->new_heading, ==, "六、其他需要报告的事项");
          saw_only_new = TRUE;
        }
      for (guint i = 0; i < section->sentences->len; i++)
        {
          const CfSentenceChange *sentence = section->sentences->pdata[i];

          if (sentence->kind != CF_TEXT_CHANGED)
            continue;
          for (guint k = 0; k < sentence->spans->len; k++)
            {
              const CfDiffSpan *span = &g_array_index (sentence->spans, CfDiffSpan, k);

              if (span->op == CF_DIFF_INSERTED && span->is_number
                  && strncmp (sentence->new_text + span->new_offset, "2022", 4) == 0)
                saw_number = TRUE;
            }
        }
    }
  g_assert_true (saw_only_new);
  g_assert_true (saw_number);
}

/* crossfoot-cli compare: its exit status, JSON and reports. */
static int
run_compare (char **out, char **err, const char *first, ...)
{
  g_autoptr (GPtrArray) argv = g_ptr_array_new ();
  g_autoptr (GError) error = NULL;
  int wait_status = 0;
  va_list ap;

  g_ptr_array_add (argv, (char *) g_getenv ("CF_CLI"));
  g_ptr_array_add (argv, "compare");
  va_start (ap, first);
  for (const char *arg = first; arg != NULL; arg = va_arg (ap, const char *))
    g_ptr_array_add (argv, (char *) arg);
  va_end (ap);
  g_ptr_array_add (argv, NULL);
  g_assert_true (g_spawn_sync (NULL, (char **) argv->pdata, NULL, G_SPAWN_DEFAULT, NULL, NULL, out,
                               err, &wait_status, &error));
  g_assert_no_error (error);
  g_assert_true (WIFEXITED (wait_status));
  return WEXITSTATUS (wait_status);
}

static void
test_cli (void)
{
  g_autofree char *tmp = cf_test_make_tmpdir ();
  g_autofree char *city = cf_test_path ("corpus", "html", "city-2025-placeholder-headers.html", NULL);
  g_autofree char *shizuishan = cf_test_path ("corpus", "text", "shizuishan-psb-2020.txt", NULL);
  g_autofree char *zibo = cf_test_path ("corpus", "text", "zibo-gaoxin-psb-2022.txt", NULL);
  g_autofree char *before = g_build_filename (tmp, "city-2024.html", NULL);
  g_autofree char *pdf = g_build_filename (tmp, "compare.pdf", NULL);
  g_autofree char *html = g_build_filename (tmp, "compare.html", NULL);
  g_autofree char *contents = NULL;
  g_autoptr (GString) older = NULL;
  g_autoptr (JsonParser) parser = json_parser_new ();
  g_autoptr (GError) error = NULL;
  char *out = NULL, *err = NULL;
  JsonObject *root;

  /* Different bodies: refused, the message names both; --force compares. */
  g_assert_cmpint (run_compare (&out, &err, shizuishan, zibo, NULL), ==, 2);
  g_assert_nonnull (strstr (err, "shizuishan-psb-2020.txt"));
  g_assert_nonnull (strstr (err, "--force"));
  g_assert_cmpstr (out, ==, "");
  g_free (out), g_free (err);
  g_assert_cmpint (run_compare (&out, &err, "--json", "--force", zibo, shizuishan, NULL), <, 2);
  g_assert_true (json_parser_load_from_data (parser, out, -1, &error));
  root = json_node_get_object (json_parser_get_root (parser));
  /* Given newer first, printed older first. */
  g_assert_cmpint (json_object_get_int_member (json_object_get_object_member (root, "old"), "year"),
                   ==, 2020);
  g_assert_cmpuint (json_array_get_length (json_object_get_array_member (root, "tables")), >, 0);
  g_free (out), g_free (err);

  /* The year before made from city-2025: its figures do not carry over. */
  g_assert_true (g_file_get_contents (city, &contents, NULL, NULL));
  older = g_string_new (contents);
  g_assert_cmpuint (g_string_replace (older, "2025", "2024", 0), >, 0);
  g_assert_true (g_file_set_contents (before, older->str, older->len, NULL));
  g_assert_cmpint (run_compare (&out, &err, "--json", "--pdf", pdf, "--html", html, before, city,
                                NULL), ==, 1);
  g_assert_true (json_parser_load_from_data (parser, out, -1, &error));
  root = json_node_get_object (json_parser_get_root (parser));
  g_assert_true (json_object_get_null_member (root, "carry_note"));
  /* Five requests columns differ (natural persons: 535 carried over, 783
   * carried forward) and both in-force rows. */
  g_assert_cmpuint (json_array_get_length (json_object_get_array_member (root, "carry_findings")),
                    ==, 7);
  g_free (out), g_free (err);
  {
    g_autofree char *pdf_bytes = NULL;
    g_autofree char *html_text = NULL;

    g_assert_true (g_file_get_contents (pdf, &pdf_bytes, NULL, NULL));
    g_assert_true (g_str_has_prefix (pdf_bytes, "%PDF"));
    g_assert_true (g_file_get_contents (html, &html_text, NULL, NULL));
    g_assert_nonnull (strstr (html_text, "535"));
    g_assert_nonnull (strstr (html_text, "783"));
  }
  /* The human summary: the carry-over errors as audit prints them. */
  g_assert_cmpint (run_compare (&out, &err, before, city, NULL), ==, 1);
  g_assert_nonnull (strstr (out, "ERROR requests.carry"));
  g_free (out), g_free (err);
  cf_test_rm_rf (tmp);
}

int
main (int argc, char **argv)
{
  setlocale (LC_ALL, "");
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/compare/consistent", test_consistent);
  g_test_add_func ("/compare/broken-carry", test_broken_carry);
  g_test_add_func ("/compare/broken-in-force", test_broken_in_force);
  g_test_add_func ("/compare/form-change", test_form_change);
  g_test_add_func ("/compare/different-bodies", test_different_bodies);
  g_test_add_func ("/compare/pairs", test_pairs);
  g_test_add_func ("/compare/char-diff", test_char_diff);
  g_test_add_func ("/compare/text", test_text);
  g_test_add_func ("/compare/cli", test_cli);
  return g_test_run ();
}
