/* test-forms: the national forms as data, label normalisation, relations */
#include <string.h>
#include "cf-test-util.h"
#include "cf-expr.h"

static gboolean
ids_contain (GPtrArray *ids, const char *id)
{
  for (guint i = 0; i < ids->len; i++)
    if (g_strcmp0 (g_ptr_array_index (ids, i), id) == 0)
      return TRUE;
  return FALSE;
}

static void
test_normalize (void)
{
  struct { const char *in, *out; } cases[] = {
    { "（三）不予公開", "不予公开" },
    { "(三) 不予公开", "不予公开" },
    { "3．重复申请", "重复申请" },
    { "3、重复申请", "重复申请" },
    { "(3) 其他", "其他" },
    { "三、本年度辦理結果", "本年度办理结果" },
    { "三（七）总计", "总计" },
    { "第三、其他", "其他" },
    { "①规章", "规章" },
    { "  本年新收政府信息\n公开申请数量 ", "本年新收政府信息公开申请数量" },
    { "3.危及“三安全一穩定”", "危及\"三安全一稳定\"" },
    { "ＡＢ１２", "AB12" },
    { "本年收费金额（单位：万元）", "本年收费金额(单位:万元)" },
    /* Words that only look like enumerators stay. */
    { "第二十条第（一）项", "第二十条第(一)项" },
    { "三类内部事务信息", "三类内部事务信息" },
    { "3.5万元", "3.5万元" },
    /* Kangxi radicals for ideographs, as wkhtmltopdf's PDFs give them
     * (⾏ U+2F8F, ⼆ U+2F06); a radical of a Traditional form (⾨ 門) too. */
    { "⾏政许可", "行政许可" },
    { "⼆、主动公开政府信息情况", "主动公开政府信息情况" },
    { "⾨", "门" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *got = cf_normalize_label (cases[i].in);
      g_assert_cmpstr (got, ==, cases[i].out);
    }
  {
    g_autofree char *simplified = cf_normalize_t2s ("結轉下年度繼續辦理");
    g_autofree char *half = cf_normalize_width ("（１２）　ａ");
    g_assert_cmpstr (simplified, ==, "结转下年度继续办理");
    g_assert_cmpstr (half, ==, "(12) a");
    g_assert_cmpstr (cf_normalize_skip_enumerator ("（六）其他处理"), ==, "其他处理");
  }
}

static void
test_load_shipped (void)
{
  CfFormRegistry *registry = cf_form_registry_get_default ();
  g_autoptr(CfFormRegistry) fresh = cf_form_registry_new ();
  g_autoptr(GPtrArray) ids = cf_form_registry_list_ids (registry);
  g_autofree char *dir = g_build_filename (g_getenv ("CROSSFOOT_FORMS_DIR"), NULL);
  g_autoptr(GError) error = NULL;

  g_assert_true (ids_contain (ids, "gip-2019"));
  g_assert_true (ids_contain (ids, "gip-2021"));

  g_assert_true (cf_form_registry_load_dir (fresh, dir, &error));
  g_assert_no_error (error);
  g_clear_pointer (&ids, g_ptr_array_unref);
  ids = cf_form_registry_list_ids (fresh);
  g_assert_cmpuint (ids->len, ==, 2);
}

static void
assert_keys (CfFormRegistry *registry, const char *form, const char *table, gboolean rows,
             const char * const *expected)
{
  g_autoptr(GPtrArray) keys = cf_form_registry_list_keys (registry, form, table, rows);
  guint n = g_strv_length ((char **) expected);

  g_assert_nonnull (keys);
  g_assert_cmpuint (keys->len, ==, n);
  for (guint i = 0; i < n; i++)
    g_assert_cmpstr (g_ptr_array_index (keys, i), ==, expected[i]);
}

/* The canonical ids of report-forms.md, in its order. */
static void
test_canonical_keys (void)
{
  CfFormRegistry *registry = cf_form_registry_get_default ();
  const char *applicants[] = { "natural_person", "commercial", "research", "social_welfare",
                               "legal_services", "other_org", "total", NULL };
  const char *rows_2019[] = {
    "new", "carried_over", "granted", "partly_granted", "withheld_state_secret",
    "withheld_law_forbids", "withheld_three_safety", "withheld_third_party", "withheld_internal",
    "withheld_process", "withheld_enforcement_file", "withheld_query", "unavailable_not_held",
    "unavailable_needs_creation", "unavailable_unclear", "rejected_petition", "rejected_duplicate",
    "rejected_publication", "rejected_excessive", "rejected_confirmation", "other",
    "results_total", "carried_forward", NULL };
  const char *rows_2021[] = {
    "new", "carried_over", "granted", "partly_granted", "withheld_state_secret",
    "withheld_law_forbids", "withheld_three_safety", "withheld_third_party", "withheld_internal",
    "withheld_process", "withheld_enforcement_file", "withheld_query", "unavailable_not_held",
    "unavailable_needs_creation", "unavailable_unclear", "rejected_petition", "rejected_duplicate",
    "rejected_publication", "rejected_excessive", "rejected_confirmation", "other",
    "other_no_correction", "other_no_fee", "other_misc", "results_total", "carried_forward",
    NULL };
  const char *appeals[] = {
    "review_upheld", "review_corrected", "review_other", "review_pending", "review_total",
    "suit_upheld", "suit_corrected", "suit_other", "suit_pending", "suit_total",
    "suit_after_review_upheld", "suit_after_review_corrected", "suit_after_review_other",
    "suit_after_review_pending", "suit_after_review_total", NULL };
  const char *proactive_2021[] = { "rules", "normative_documents", "licensing", "penalty",
                                   "enforcement", "fees", NULL };
  const char *proactive_2021_cols[] = { "issued", "repealed", "in_force", "decisions", "amount",
                                        NULL };
  const char *proactive_2019[] = { "rules", "normative_documents", "licensing", "other_services",
                                   "penalty", "enforcement", "fees", "procurement", NULL };
  const char *proactive_2019_cols[] = { "made", "published", "total_published",
                                        "items_last_year", "items_change", "decisions", "items",
                                        "amount", NULL };
  const char *cases[] = { "cases", NULL };

  assert_keys (registry, "gip-2019", "requests", FALSE, applicants);
  assert_keys (registry, "gip-2021", "requests", FALSE, applicants);
  assert_keys (registry, "gip-2019", "requests", TRUE, rows_2019);
  assert_keys (registry, "gip-2021", "requests", TRUE, rows_2021);
  assert_keys (registry, "gip-2019", "appeals", FALSE, appeals);
  assert_keys (registry, "gip-2021", "appeals", FALSE, appeals);
  assert_keys (registry, "gip-2019", "appeals", TRUE, cases);
  assert_keys (registry, "gip-2021", "proactive", TRUE, proactive_2021);
  assert_keys (registry, "gip-2021", "proactive", FALSE, proactive_2021_cols);
  assert_keys (registry, "gip-2019", "proactive", TRUE, proactive_2019);
  assert_keys (registry, "gip-2019", "proactive", FALSE, proactive_2019_cols);
  g_assert_null (cf_form_registry_list_keys (registry, "gip-2019", "nonesuch", TRUE));
}

static void
test_every_rule (void)
{
  CfFormRegistry *registry = cf_form_registry_get_default ();
  const char *in_report[] = { "requests.row_total", "requests.results_total", "requests.balance",
                              "appeals.review_total", "appeals.suit_total",
                              "appeals.suit_after_review_total", "counts.integer",
                              "requests.carry" };
  g_autoptr(GPtrArray) rules_2019 = cf_form_registry_list_rule_ids (registry, "gip-2019");
  g_autoptr(GPtrArray) rules_2021 = cf_form_registry_list_rule_ids (registry, "gip-2021");

  for (guint i = 0; i < G_N_ELEMENTS (in_report); i++)
    {
      g_assert_true (ids_contain (rules_2019, in_report[i]));
      g_assert_true (ids_contain (rules_2021, in_report[i]));
    }
  /* in_force exists in the 2021 layout only */
  g_assert_true (ids_contain (rules_2021, "proactive.in_force_carry"));
  g_assert_false (ids_contain (rules_2019, "proactive.in_force_carry"));
  g_assert_null (cf_form_registry_list_rule_ids (registry, "gip-1999"));
}

static void
write_form (const char *dir, const char *name, const char *json)
{
  g_autofree char *path = g_build_filename (dir, name, NULL);
  g_autoptr(GError) error = NULL;

  g_file_set_contents (path, json, -1, &error);
  g_assert_no_error (error);
}

static void
test_invalid_forms (void)
{
  g_autofree char *dir = cf_test_make_tmpdir ();
  struct { const char *json, *says; } cases[] = {
    { "{", "bad.json: " },
    { "{\"id\":\"x\"}", "no tables" },
    { "{\"id\":\"x\",\"tables\":[{\"id\":\"t\",\"heading\":\"h\",\"columns\":[{\"id\":\"a\",\"label\":\"A\"}],"
      "\"rows\":[{\"id\":\"r\",\"label\":\"R\"}]}],"
      "\"rules\":[{\"id\":\"t.sum\",\"table\":\"t\",\"for_each\":\"row\",\"expr\":\"a == b\"}]}",
      "unknown key" },
    { "{\"id\":\"x\",\"tables\":[{\"id\":\"t\",\"heading\":\"h\",\"columns\":[{\"id\":\"a\",\"label\":\"A\"}],"
      "\"rows\":[{\"id\":\"r\",\"label\":\"R\",\"columns\":[\"z\"]}]}]}",
      "unknown column" },
    { "{\"id\":\"x\",\"tables\":[{\"id\":\"t\",\"heading\":\"h\",\"columns\":[{\"id\":\"a\",\"label\":\"A\"}],"
      "\"rows\":[{\"id\":\"r\",\"label\":\"R\"}]}],"
      "\"rules\":[{\"id\":\"t.sum\",\"table\":\"t\",\"for_each\":\"row\",\"expr\":\"a + \"}]}",
      "a term expected" },
    { "{\"id\":\"x\",\"tables\":[{\"id\":\"t\",\"heading\":\"h\",\"columns\":[{\"id\":\"a\",\"label\":\"A\"}],"
      "\"rows\":[{\"id\":\"r\",\"label\":\"R\"}]}],"
      "\"statements\":[{\"id\":\"s\",\"stated\":\"S\",\"cell_name\":\"C\",\"objects\":[\"申请\"],"
      "\"cells\":[{\"table\":\"t\",\"row\":\"r\",\"column\":\"z\"}]}]}",
      "statement s: cell 0 is not a table, row and column" },
    { "{\"id\":\"x\",\"tables\":[{\"id\":\"t\",\"heading\":\"h\",\"columns\":[{\"id\":\"a\",\"label\":\"A\"}],"
      "\"rows\":[{\"id\":\"r\",\"label\":\"R\"}]}],"
      "\"statements\":[{\"id\":\"s\",\"stated\":\"S\",\"cell_name\":\"C\","
      "\"cells\":[{\"table\":\"t\",\"row\":\"r\",\"column\":\"a\"}]}]}",
      "names nothing it counts" },
    { "{\"id\":\"x\",\"tables\":[{\"id\":\"t\",\"heading\":\"h\",\"columns\":[{\"id\":\"a\",\"label\":\"A\"}],"
      "\"rows\":[{\"id\":\"r\",\"label\":\"R\"}]}],"
      "\"statements\":[{\"id\":\"s\",\"objects\":[\"申请\"]}]}",
      "needs an id, stated and cell_name" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(CfFormRegistry) registry = cf_form_registry_new ();
      g_autoptr(GError) error = NULL;
      g_autofree char *path = g_build_filename (dir, "bad.json", NULL);

      write_form (dir, "bad.json", cases[i].json);
      g_assert_false (cf_form_registry_load_file (registry, path, &error));
      g_assert_error (error, CF_ERROR, CF_ERROR_FORM);
      g_assert_true (g_str_has_prefix (error->message, "bad.json: "));
      g_assert_nonnull (strstr (error->message, cases[i].says));
    }
  cf_test_rm_rf (dir);
}

/* Relations: parsing (ranges, patterns) and the "Blank is not zero" cases. */
static void
test_expr (void)
{
  const char *keys[] = { "a", "b", "c", "x_1", "x_2", "total" };
  g_autoptr(GError) error = NULL;
  CfExpr *expr = cf_expr_parse ("total == sum(a..c) + sum(x_*)", keys, G_N_ELEMENTS (keys), &error);
  CfOperand ops[6];
  double lhs, rhs;

  g_assert_no_error (error);
  g_assert_cmpuint (cf_expr_get_n_terms (expr), ==, 6);
  g_assert_cmpstr (cf_expr_get_term (expr, 0)->key, ==, "total");
  g_assert_true (cf_expr_get_term (expr, 0)->lhs);
  g_assert_cmpstr (cf_expr_get_term (expr, 2)->key, ==, "b");
  g_assert_cmpstr (cf_expr_get_term (expr, 5)->key, ==, "x_2");

#define SET(i, st, v) (ops[i].state = CF_OPERAND_##st, ops[i].value = (v))
  /* all known */
  SET (0, KNOWN, 6); SET (1, KNOWN, 1); SET (2, KNOWN, 2); SET (3, KNOWN, 3); SET (4, KNOWN, 0); SET (5, ABSENT, 0);
  g_assert_cmpint (cf_expr_check (expr, ops, &lhs, &rhs), ==, CF_EXPR_HOLDS);
  SET (0, KNOWN, 7);
  g_assert_cmpint (cf_expr_check (expr, ops, &lhs, &rhs), ==, CF_EXPR_FAILS);
  g_assert_cmpfloat (lhs, ==, 7);
  g_assert_cmpfloat (rhs, ==, 6);
  /* a stated total of 0 with blank parts: consistent */
  SET (0, KNOWN, 0); SET (1, BLANK, 0); SET (2, BLANK, 0); SET (3, KNOWN, 0); SET (4, BLANK, 0);
  g_assert_cmpint (cf_expr_check (expr, ops, NULL, NULL), ==, CF_EXPR_HOLDS);
  /* known parts already above the stated total: an error */
  SET (0, KNOWN, 2); SET (3, KNOWN, 3);
  g_assert_cmpint (cf_expr_check (expr, ops, NULL, NULL), ==, CF_EXPR_FAILS);
  /* known parts below the total with blank parts: the blanks decide */
  SET (0, KNOWN, 5);
  g_assert_cmpint (cf_expr_check (expr, ops, NULL, NULL), ==, CF_EXPR_INCOMPLETE);
  /* known parts equal to the total: the blanks can only be 0 */
  SET (0, KNOWN, 3);
  g_assert_cmpint (cf_expr_check (expr, ops, NULL, NULL), ==, CF_EXPR_HOLDS);
  /* a blank total */
  SET (0, BLANK, 0);
  g_assert_cmpint (cf_expr_check (expr, ops, NULL, NULL), ==, CF_EXPR_INCOMPLETE);
  /* everything blank: nothing contradicts it */
  for (int i = 0; i < 5; i++)
    SET (i, BLANK, 0);
  g_assert_cmpint (cf_expr_check (expr, ops, NULL, NULL), ==, CF_EXPR_HOLDS);
#undef SET
  cf_expr_free (expr);

  /* Both sides, minus, prev., constants */
  {
    const char *k2[] = { "in_force", "issued", "repealed" };
    CfExpr *carry = cf_expr_parse ("in_force == prev.in_force + issued - repealed", k2, 3, &error);
    CfOperand o[4] = { { CF_OPERAND_KNOWN, 72 }, { CF_OPERAND_KNOWN, 74 },
                       { CF_OPERAND_KNOWN, 3 }, { CF_OPERAND_KNOWN, 5 } };

    g_assert_no_error (error);
    g_assert_true (cf_expr_get_term (carry, 1)->prev);
    g_assert_cmpint (cf_expr_get_term (carry, 3)->sign, ==, -1);
    g_assert_cmpint (cf_expr_check (carry, o, NULL, NULL), ==, CF_EXPR_HOLDS);
    o[0].value = 74;
    g_assert_cmpint (cf_expr_check (carry, o, NULL, NULL), ==, CF_EXPR_FAILS);
    cf_expr_free (carry);
  }
  g_assert_null (cf_expr_parse ("a == sum(c..a)", keys, G_N_ELEMENTS (keys), &error));
  g_assert_error (error, CF_ERROR, CF_ERROR_FORM);
  g_clear_error (&error);
  g_assert_null (cf_expr_parse ("a == sum(y_*)", keys, G_N_ELEMENTS (keys), &error));
  g_clear_error (&error);
  g_assert_null (cf_expr_parse ("a b", keys, G_N_ELEMENTS (keys), &error));
  g_clear_error (&error);
}

/* A third form, from tests/data/forms: recognised and checked with no C change. */
static void
test_third_form (void)
{
  g_autoptr(CfFormRegistry) registry = cf_form_registry_new ();
  g_autofree char *dir = cf_test_path ("data", "forms", NULL);
  g_autoptr(CfDocument) doc = cf_document_new ("canteen.txt", CF_DOCUMENT_KIND_TEXT);
  g_autoptr(CfTable) table = cf_table_new ();
  g_autoptr(GError) error = NULL;
  const char *rows[][4] = {
    { "项目", "午餐", "晚餐", "合计" },
    { "（一）职工", "30", "20", "50" },
    { "（二）來賓", "5", "4", "10" },
    { "总计", "35", "24", "59" },
  };
  GPtrArray *findings;
  guint fired = 0;

  g_assert_true (cf_form_registry_load_dir (registry, dir, &error));
  g_assert_no_error (error);

  cf_document_take_text (doc, g_strdup ("食堂就餐情况\n"), strlen ("食堂就餐情况\n"));
  cf_table_set_title (table, "一、食堂就餐情况");
  for (int r = 0; r < 4; r++)
    for (int c = 0; c < 4; c++)
      cf_table_add_cell (table, r, c, 1, 1, rows[r][c], -1, 0);
  cf_table_finish (table);
  cf_document_add_table (doc, table);

  cf_audit_document (doc, registry);
  g_assert_cmpstr (cf_document_get_form (doc), ==, "test-canteen");
  g_assert_cmpstr (cf_table_get_id (table), ==, "meals");
  g_assert_cmpstr (cf_table_find_by_keys (table, "guests", "total")->text, ==, "10");
  g_assert_cmpstr (cf_table_find_by_keys (table, "all", "dinner")->text, ==, "24");

  findings = cf_document_get_findings (doc);
  for (guint i = 0; i < findings->len; i++)
    {
      CfFinding *finding = g_ptr_array_index (findings, i);
      CfCellRef *first;

      if (g_strcmp0 (finding->rule, "meals.day_total") != 0)
        continue;
      fired++;
      first = &g_array_index (finding->cells, CfCellRef, 0);
      g_assert_cmpint (finding->severity, ==, CF_SEVERITY_ERROR);
      g_assert_cmpstr (first->row_key, ==, "guests");
      g_assert_cmpstr (first->col_key, ==, "total");
      g_assert_cmpfloat (finding->expected, ==, 9);
      g_assert_cmpfloat (finding->actual, ==, 10);
    }
  g_assert_cmpuint (fired, ==, 1);
}

/* The copy compiled into the library holds the same forms. */
static void
test_resource_copy (void)
{
  g_autoptr(GBytes) bytes = g_resources_lookup_data ("/io/github/crossfoot/core/forms/gip-2021.json",
                                                     G_RESOURCE_LOOKUP_FLAGS_NONE, NULL);
  g_autofree char *path = g_build_filename (g_getenv ("CROSSFOOT_FORMS_DIR"), "gip-2021.json", NULL);
  g_autofree char *contents = NULL;
  gsize length;

  /* get_default registered the resource by linking it in */
  (void) cf_form_registry_get_default ();
  if (bytes == NULL)
    bytes = g_resources_lookup_data ("/io/github/crossfoot/core/forms/gip-2021.json",
                                     G_RESOURCE_LOOKUP_FLAGS_NONE, NULL);
  g_assert_nonnull (bytes);
  g_assert_true (g_file_get_contents (path, &contents, &length, NULL));
  g_assert_cmpuint (g_bytes_get_size (bytes), ==, length);
  g_assert_cmpint (memcmp (g_bytes_get_data (bytes, NULL), contents, length), ==, 0);
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/forms/normalize", test_normalize);
  g_test_add_func ("/forms/load-shipped", test_load_shipped);
  g_test_add_func ("/forms/canonical-keys", test_canonical_keys);
  g_test_add_func ("/forms/every-rule", test_every_rule);
  g_test_add_func ("/forms/invalid", test_invalid_forms);
  g_test_add_func ("/forms/expr", test_expr);
  g_test_add_func ("/forms/third-form", test_third_form);
  g_test_add_func ("/forms/resource-copy", test_resource_copy);
  return g_test_run ();
}
