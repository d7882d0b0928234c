/* test-totals.c: generic tables with total rows and columns */
#include <string.h>
#include "cf-test-util.h"

/* A table from rows of '|'-separated cells ("" is a blank cell). */
static CfTable *
table_from_rows (const char *const *rows)
{
  CfTable *table = cf_table_new ();

  for (int r = 0; rows[r] != NULL; r++)
    {
      g_auto (GStrv) cells = g_strsplit (rows[r], "|", -1);
      for (int c = 0; cells[c] != NULL; c++)
        cf_table_add_cell (table, r, c, 1, 1, g_strstrip (cells[c]), -1, -1);
    }
  cf_table_finish (table);
  return table;
}

/* Checks @rows as a generic table; returns the document holding the findings. */
static CfDocument *
check_rows (const char *const *rows)
{
  CfDocument *doc = cf_document_new ("table.txt", CF_DOCUMENT_KIND_TEXT);
  g_autoptr (CfTable) table = table_from_rows (rows);

  cf_document_take_text (doc, g_strdup (""), 0);
  cf_document_add_table (doc, table);
  cf_totals_check_table (doc, table);
  return doc;
}

static void
dump (CfDocument *doc)
{
  GPtrArray *findings = cf_document_get_findings (doc);

  for (guint i = 0; i < findings->len; i++)
    {
      CfFinding *f = g_ptr_array_index (findings, i);
      const CfCellRef *ref = f->cells->len > 0 ? &g_array_index (f->cells, CfCellRef, 0) : NULL;
      g_test_message ("%s %s at (%d,%d): %s", cf_severity_to_string (f->severity), f->rule,
                      ref ? ref->row : -1, ref ? ref->col : -1, f->message);
    }
}

/* Asserts exactly one finding, of @rule, whose first cell is (@row, @col). */
static CfFinding *
assert_one_at (CfDocument *doc, const char *rule, int row, int col)
{
  GPtrArray *findings = cf_document_get_findings (doc);
  CfFinding *f;
  const CfCellRef *ref;

  dump (doc);
  g_assert_cmpuint (findings->len, ==, 1);
  f = g_ptr_array_index (findings, 0);
  g_assert_cmpstr (f->rule, ==, rule);
  g_assert_cmpuint (f->cells->len, >=, 1);
  ref = &g_array_index (f->cells, CfCellRef, 0);
  g_assert_cmpint (ref->row, ==, row);
  g_assert_cmpint (ref->col, ==, col);
  g_assert_cmpstr (ref->table, ==, "table-1");
  g_assert_null (ref->row_key);
  return f;
}

static void
assert_none (CfDocument *doc)
{
  dump (doc);
  g_assert_cmpuint (cf_document_get_findings (doc)->len, ==, 0);
}

/* A budget with a 合计 row and a 合计 column, money with two decimals. */
static const char *const budget[] = {
  "项目|基本支出|项目支出|合计",
  "人员经费|120.50|0.00|120.50",
  "公用经费|35.25|10.10|45.35",
  "专项业务费|0.00|88.88|88.88",
  "合计|155.75|98.98|254.73",
  NULL,
};

static void
test_budget_consistent (void)
{
  g_autoptr (CfDocument) doc = check_rows (budget);
  assert_none (doc);
}

static void
test_budget_changed_cell (void)
{
  /* Every cell changed in turn: the one finding sits on it. */
  for (int r = 1; r < 5; r++)
    for (int c = 1; c < 4; c++)
      {
        g_autoptr (CfDocument) doc = cf_document_new ("t.txt", CF_DOCUMENT_KIND_TEXT);
        g_autoptr (CfTable) table = table_from_rows (budget);
        CfCell *cell = cf_table_get_cell (table, r, c);
        double old = cell->number.value;
        g_autofree char *text = g_strdup_printf ("%.2f", old + 10);
        CfFinding *f;

        cf_cell_set_text (cell, text);
        cf_document_add_table (doc, table);
        cf_totals_check_table (doc, table);
        g_test_message ("changed (%d,%d)", r, c);
        f = assert_one_at (doc, "table.total", r, c);
        g_assert_cmpint (f->severity, ==, CF_SEVERITY_ERROR);
        g_assert_true (f->has_expected && f->has_actual);
        g_assert_cmpfloat_with_epsilon (f->expected, old, 1e-6);
        g_assert_cmpfloat_with_epsilon (f->actual, old + 10, 1e-6);
      }
}

static void
test_total_only_row (void)
{
  /* A table with a total row only: the total cell is flagged, labels quoted. */
  static const char *const rows[] = {
    "地区|件数",
    "东区|12",
    "西区|30",
    "合计|41",
    NULL,
  };
  g_autoptr (CfDocument) doc = check_rows (rows);
  CfFinding *f = assert_one_at (doc, "table.total", 3, 1);

  g_assert_cmpfloat (f->expected, ==, 42);
  g_assert_cmpfloat (f->actual, ==, 41);
  g_assert_nonnull (strstr (f->message, "合计"));
  g_assert_nonnull (strstr (f->message, "件数"));
}

static void
test_nested_subtotals (void)
{
  static const char *const ok[] = {
    "类别|项目|金额",
    "收入|财政拨款|100",
    "收入|事业收入|50",
    "小计||150",
    "支出|人员|80",
    "支出|公用|40",
    "小计||120",
    "总计||270",
    NULL,
  };
  static const char *const bad_subtotal[] = {
    "类别|项目|金额",
    "收入|财政拨款|100",
    "收入|事业收入|50",
    "小计||150",
    "支出|人员|80",
    "支出|公用|40",
    "小计||125",
    "总计||270",
    NULL,
  };
  static const char *const bad_grand[] = {
    "类别|项目|金额",
    "收入|财政拨款|100",
    "收入|事业收入|50",
    "小计||150",
    "支出|人员|80",
    "支出|公用|40",
    "小计||120",
    "总计||280",
    NULL,
  };
  g_autoptr (CfDocument) a = check_rows (ok);
  g_autoptr (CfDocument) b = check_rows (bad_subtotal);
  g_autoptr (CfDocument) c = check_rows (bad_grand);
  CfFinding *f;

  assert_none (a);
  /* The subtotal disagrees with its rows; the grand total sums the subtotals,
   * so it disagrees too: two findings, the first on the subtotal. */
  dump (b);
  g_assert_cmpuint (cf_document_count_findings (b, CF_SEVERITY_ERROR), >=, 1);
  f = g_ptr_array_index (cf_document_get_findings (b), 0);
  g_assert_cmpint (g_array_index (f->cells, CfCellRef, 0).row, ==, 6);
  g_assert_cmpfloat (f->expected, ==, 120);
  f = assert_one_at (c, "table.total", 7, 2);
  g_assert_cmpfloat (f->expected, ==, 270);
}

static void
test_blank_parts (void)
{
  static const char *const blank[] = {
    "科室|件数",
    "办公室|5",
    "法制科|",
    "治安科|3",
    "合计|10",
    NULL,
  };
  static const char *const blank_consistent[] = {
    "科室|件数",
    "办公室|5",
    "法制科|-",
    "治安科|5",
    "合计|10",
    NULL,
  };
  static const char *const blank_exceeds[] = {
    "科室|件数",
    "办公室|7",
    "法制科|/",
    "治安科|5",
    "合计|10",
    NULL,
  };
  static const char *const zero_total[] = {
    "科室|件数",
    "办公室|",
    "法制科|0",
    "合计|0",
    NULL,
  };
  g_autoptr (CfDocument) a = check_rows (blank);
  g_autoptr (CfDocument) b = check_rows (blank_consistent);
  g_autoptr (CfDocument) c = check_rows (blank_exceeds);
  g_autoptr (CfDocument) d = check_rows (zero_total);
  CfFinding *f = assert_one_at (a, "table.total.incomplete", 4, 1);

  g_assert_cmpint (f->severity, ==, CF_SEVERITY_WARNING);
  /* The blank cell is named after the total. */
  g_assert_cmpuint (f->cells->len, ==, 2);
  g_assert_cmpint (g_array_index (f->cells, CfCellRef, 1).row, ==, 2);
  g_assert_nonnull (strstr (f->message, "法制科"));
  assert_none (b);
  f = assert_one_at (c, "table.total", 4, 1);
  g_assert_cmpint (f->severity, ==, CF_SEVERITY_ERROR);
  assert_none (d);
}

static void
test_negative_parentheses (void)
{
  static const char *const ok[] = {
    "项目|本年",
    "营业收入|1,200.00",
    "营业成本|(850.50)",
    "其他损益|（49.50）",
    "合计|300.00",
    NULL,
  };
  static const char *const bad[] = {
    "项目|本年",
    "营业收入|1,200.00",
    "营业成本|(850.50)",
    "其他损益|（49.50）",
    "合计|399.00",
    NULL,
  };
  g_autoptr (CfDocument) a = check_rows (ok);
  g_autoptr (CfDocument) b = check_rows (bad);
  CfFinding *f;

  assert_none (a);
  f = assert_one_at (b, "table.total", 4, 1);
  g_assert_cmpfloat_with_epsilon (f->expected, 300, 1e-6);
}

static void
test_money_rounding (void)
{
  /* Each part rounded to cents: the total may be off by a cent per part. */
  static const char *const ok[] = {
    "项目|金额（万元）",
    "甲|0.33",
    "乙|0.33",
    "丙|0.33",
    "合计|1.00",
    NULL,
  };
  static const char *const bad[] = {
    "项目|金额（万元）",
    "甲|0.33",
    "乙|0.33",
    "丙|0.33",
    "合计|1.05",
    NULL,
  };
  g_autoptr (CfDocument) a = check_rows (ok);
  g_autoptr (CfDocument) b = check_rows (bad);

  assert_none (a);
  assert_one_at (b, "table.total", 4, 1);
}

static void
test_total_first (void)
{
  /* The total row and the total column both come before their parts. */
  static const char *const ok[] = {
    "单位|合计|男|女",
    "合计|30|16|14",
    "一中队|10|6|4",
    "二中队|20|10|10",
    NULL,
  };
  static const char *const bad[] = {
    "单位|合计|男|女",
    "合计|30|16|14",
    "一中队|10|6|4",
    "二中队|21|10|10",
    NULL,
  };
  g_autoptr (CfDocument) a = check_rows (ok);
  g_autoptr (CfDocument) b = check_rows (bad);

  assert_none (a);
  assert_one_at (b, "table.total", 3, 1);
}

static void
test_rates_and_labels (void)
{
  /* A share column is not summed; English and Traditional labels count. */
  static const char *const ok[] = {
    "Region|Cases|Share %",
    "North|40|40%",
    "South|60|60.5%",
    "Total|100|100.5%",
    NULL,
  };
  static const char *const trad[] = {
    "區域|件數",
    "北區|40",
    "南區|60",
    "總計|90",
    NULL,
  };
  static const char *const no_total[] = {
    "区域|件数",
    "北区|40",
    "南区|60",
    "其他|90",
    NULL,
  };
  g_autoptr (CfDocument) a = check_rows (ok);
  g_autoptr (CfDocument) b = check_rows (trad);
  g_autoptr (CfDocument) c = check_rows (no_total);

  assert_none (a);
  assert_one_at (b, "table.total", 3, 1);
  assert_none (c);
}

/* From text: a right-aligned table as a report prints it. */
static const char *const aligned_text =
  "附表：各单位办理情况\n"
  "\n"
  "单位            受理      办结      合计\n"
  "办公室            12        10        22\n"
  "法制科             3         2         5\n"
  "治安科           105        99       204\n"
  "合计             120       111       %s\n"
  "\n"
  "以上数据截至年底。\n";

static CfDocument *
load_text (const char *text)
{
  g_autoptr (GBytes) bytes = g_bytes_new (text, strlen (text));
  g_autoptr (GError) error = NULL;
  CfDocument *doc = cf_loader_load_bytes (bytes, "aligned.txt", NULL, NULL, &error);

  g_assert_no_error (error);
  return doc;
}

static void
test_from_text (void)
{
  g_autofree char *good_text = g_strdup_printf (aligned_text, "231");
  g_autofree char *bad_text = g_strdup_printf (aligned_text, "230");
  g_autoptr (CfDocument) good = load_text (good_text);
  g_autoptr (CfDocument) bad = load_text (bad_text);
  CfTable *table;
  GPtrArray *findings;
  CfFinding *f;
  const CfCellRef *ref;

  g_assert_cmpuint (cf_document_get_tables (good)->len, >=, 1);
  table = g_ptr_array_index (cf_document_get_tables (good), 0);
  cf_document_clear_findings (good);
  cf_totals_check_table (good, table);
  assert_none (good);

  g_assert_cmpuint (cf_document_get_tables (bad)->len, >=, 1);
  table = g_ptr_array_index (cf_document_get_tables (bad), 0);
  cf_document_clear_findings (bad);
  cf_totals_check_table (bad, table);
  dump (bad);
  findings = cf_document_get_findings (bad);
  g_assert_cmpuint (findings->len, ==, 1);
  f = g_ptr_array_index (findings, 0);
  ref = &g_array_index (f->cells, CfCellRef, 0);
  g_assert_cmpstr (cf_test_cell_text (table, ref->row, ref->col), ==, "230");
  g_assert_cmpfloat (f->expected, ==, 231);
}

/* From HTML: two header rows (a year over the columns), section headings
 * without values, subtotals, a grand total and a negative in brackets. */
static const char budget_html[] =
  "<html><head><meta charset=\"utf-8\"><title>2021年某某市财政局预算公开</title></head><body>\n"
  "<p>附表：部门收支总表（单位：万元）</p>\n"
  "<table>\n"
  "<tr><td rowspan=\"2\">项目</td><td colspan=\"3\">2021年预算数</td></tr>\n"
  "<tr><td>基本支出</td><td>项目支出</td><td>合计</td></tr>\n"
  "<tr><td>一、一般公共服务</td><td></td><td></td><td></td></tr>\n"
  "<tr><td>行政运行</td><td>1,200.50</td><td>300.00</td><td>1,500.50</td></tr>\n"
  "<tr><td>一般行政管理事务</td><td>0.00</td><td>220.35</td><td>220.35</td></tr>\n"
  "<tr><td>小计</td><td>1,200.50</td><td>520.35</td><td>1,720.85</td></tr>\n"
  "<tr><td>二、公共安全</td><td></td><td></td><td></td></tr>\n"
  "<tr><td>公安</td><td>5,000.00</td><td>(100.00)</td><td>4,900.00</td></tr>\n"
  "<tr><td>小计</td><td>5,000.00</td><td>(100.00)</td><td>4,900.00</td></tr>\n"
  "<tr><td>总计</td><td>6,200.50</td><td>420.35</td><td>6,620.85</td></tr>\n"
  "</table>\n"
  "<p>全年共安排支出6620.85万元，其中基本支出6200.50万元，项目支出420.35万元。</p>\n"
  "</body></html>\n"
  "";

static void
test_from_html (void)
{
  static const struct
  {
    const char *from, *to;
    int row, col;
  } changes[] = {
    { NULL, NULL, -1, -1 },
    /* A row total: it disagrees with its row and with the subtotal below. */
    { "<td>220.35</td></tr>", "<td>230.35</td></tr>", 4, 3 },
    /* A part: its row total and its column subtotal both disagree. */
    { "<td>5,000.00</td><td>(100.00)</td><td>4,900.00</td></tr>\n<tr><td>小计",
      "<td>5,000.00</td><td>(10.00)</td><td>4,900.00</td></tr>\n<tr><td>小计", 7, 2 },
    /* The grand total cell. */
    { "<td>6,620.85</td>", "<td>6,620.95</td>", 9, 3 },
  };

  for (gsize k = 0; k < G_N_ELEMENTS (changes); k++)
    {
      g_autofree char *text = NULL;
      g_autoptr (GBytes) bytes = NULL;
      g_autoptr (GError) error = NULL;
      g_autoptr (CfDocument) doc = NULL;
      CfTable *table;

      if (changes[k].from == NULL)
        text = g_strdup (budget_html);
      else
        {
          g_auto (GStrv) pieces = g_strsplit (budget_html, changes[k].from, 2);
          g_assert_nonnull (pieces[1]);
          text = g_strjoin (changes[k].to, pieces[0], pieces[1], NULL);
        }
      bytes = g_bytes_new (text, strlen (text));
      doc = cf_loader_load_bytes (bytes, "budget.html", NULL, NULL, &error);
      g_assert_no_error (error);
      g_assert_cmpuint (cf_document_get_tables (doc)->len, ==, 1);
      table = g_ptr_array_index (cf_document_get_tables (doc), 0);
      cf_document_clear_findings (doc);
      cf_totals_check_table (doc, table);
      if (changes[k].row < 0)
        assert_none (doc);
      else
        {
          CfFinding *f = assert_one_at (doc, "table.total", changes[k].row, changes[k].col);
          g_assert_cmpint (f->severity, ==, CF_SEVERITY_ERROR);
        }
    }
}

/* A total the report printed without a total label counts once the analyst marks it. */
static void
test_marked_total_row_and_column (void)
{
  const char *rows[] = { "项目|一月|二月|全年", "甲|1|2|3", "乙|3|4|7", "丙|4|7|10", NULL };
  g_autoptr (CfDocument) doc = cf_document_new ("table.txt", CF_DOCUMENT_KIND_TEXT);
  g_autoptr (CfTable) table = table_from_rows (rows);

  cf_document_take_text (doc, g_strdup (""), 0);
  cf_document_add_table (doc, table);
  cf_totals_check_table (doc, table);
  g_assert_cmpuint (cf_document_get_findings (doc)->len, ==, 0);

  /* 丙 is the total of 甲 and 乙, but 2 + 4 is not 7. */
  cf_table_set_row_role (table, 3, CF_ROW_ROLE_TOTAL);
  cf_totals_check_table (doc, table);
  assert_one_at (doc, "table.total", 3, 2);

  /* With 丙 corrected and 全年 marked as a total column, everything adds up; then one
   * wrong 全年 cell breaks both its row and its column: one finding on it. */
  cf_document_clear_findings (doc);
  cf_table_set_col_role (table, 3, CF_ROW_ROLE_TOTAL);
  cf_cell_set_text (cf_table_get_cell (table, 3, 2), "6");
  cf_totals_check_table (doc, table);
  g_assert_cmpuint (cf_document_get_findings (doc)->len, ==, 0);
  cf_cell_set_text (cf_table_get_cell (table, 1, 3), "4");
  cf_totals_check_table (doc, table);
  assert_one_at (doc, "table.total", 1, 3);
}

/* The grid's labels (CfTableLabels) and the totals check split every table of
 * @doc alike: header rows and label columns. */
static void
assert_split_agrees (CfDocument *doc)
{
  GPtrArray *tables = cf_document_get_tables (doc);

  g_assert_cmpuint (tables->len, >, 0);
  for (guint i = 0; i < tables->len; i++)
    {
      CfTable *table = g_ptr_array_index (tables, i);
      CfTableLabels *labels = cf_table_labels_for_document (doc, table);
      CfTableSplit split;

      cf_totals_get_split (table, &split);
      g_test_message ("%s: %d header rows, %d label columns", cf_table_get_id (table),
                      split.n_header_rows, split.n_label_cols);
      g_assert_cmpint (cf_table_labels_get_n_header_rows (labels), ==, split.n_header_rows);
      g_assert_cmpint (cf_table_labels_get_n_label_cols (labels), ==, split.n_label_cols);
    }
}

static CfDocument *
load_string (const char *text, const char *name)
{
  g_autoptr (GBytes) bytes = g_bytes_new (text, strlen (text));
  g_autoptr (GError) error = NULL;
  CfDocument *doc = cf_loader_load_bytes (bytes, name, NULL, NULL, &error);

  g_assert_no_error (error);
  return doc;
}

/* A budget with a year over its value columns ("2021年预算数"), a text report
 * whose header row is years, and the national forms of a report: the grid
 * names the cells the check sums by the split the check assumed. */
static void
test_split_agrees (void)
{
  static const char years_text[] =
    "附表：各区办件数量\n\n"
    "区域            2019      2020      2021      合计\n"
    "东区              10        20        30        60\n"
    "西区               5         6         7        18\n"
    "合计              15        26        37        78\n"
    "\n"
    "以上数据截至年底。\n";
  static const char *const forms[] = { "danfeng-psb-2020.txt", "zibo-gaoxin-psb-2022.txt" };
  CfTable *table;
  CfTableLabels *labels;
  g_autofree char *name = NULL;

  {
    g_autoptr (CfDocument) doc = load_string (budget_html, "budget.html");

    assert_split_agrees (doc);
    table = g_ptr_array_index (cf_document_get_tables (doc), 0);
    labels = cf_table_labels_for_document (doc, table);
    /* "2021年预算数" and its parts head the columns; "一、一般公共服务"
     * opens the body. */
    g_assert_cmpint (cf_table_labels_get_n_header_rows (labels), ==, 2);
    g_assert_cmpint (cf_table_labels_get_n_label_cols (labels), ==, 1);
    name = cf_table_labels_cell (labels, 3, 1);
    g_assert_cmpstr (name, ==, "行政运行, 基本支出");
    g_clear_pointer (&name, g_free);
  }
  {
    g_autoptr (CfDocument) doc = load_string (years_text, "report.txt");
    assert_split_agrees (doc);
    table = g_ptr_array_index (cf_document_get_tables (doc), 0);
    labels = cf_table_labels_for_document (doc, table);
    g_assert_cmpint (cf_table_labels_get_n_header_rows (labels), ==, 1);
    g_assert_cmpint (cf_table_labels_get_n_label_cols (labels), ==, 1);
    name = cf_table_labels_cell (labels, 1, 2);
    g_assert_cmpstr (name, ==, "东区, 2020");
    g_clear_pointer (&name, g_free);
    /* The years are headers, not a row the totals sum. */
    cf_document_clear_findings (doc);
    g_assert_cmpuint (cf_totals_check_table (doc, table), >, 0);
    g_assert_cmpuint (cf_document_get_findings (doc)->len, ==, 0);
    cf_cell_set_text (cf_table_get_cell (table, 2, 1), "6");
    cf_totals_check_table (doc, table);
    assert_one_at (doc, "table.total", 2, 1);
  }
  for (gsize k = 0; k < G_N_ELEMENTS (forms); k++)
    {
      g_autoptr (CfDocument) doc = cf_test_load_corpus ("text", forms[k]);
      guint index;

      /* The form's tables named and keyed, as the grid shows them. */
      cf_audit_document (doc, NULL);
      g_assert_cmpstr (cf_document_get_form (doc), !=, NULL);
      cf_test_table_by_id (doc, "requests", &index);
      assert_split_agrees (doc);
    }
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/totals/budget/consistent", test_budget_consistent);
  g_test_add_func ("/totals/budget/changed-cell", test_budget_changed_cell);
  g_test_add_func ("/totals/total-row-only", test_total_only_row);
  g_test_add_func ("/totals/nested-subtotals", test_nested_subtotals);
  g_test_add_func ("/totals/blank-parts", test_blank_parts);
  g_test_add_func ("/totals/negative-parentheses", test_negative_parentheses);
  g_test_add_func ("/totals/money-rounding", test_money_rounding);
  g_test_add_func ("/totals/total-first", test_total_first);
  g_test_add_func ("/totals/rates-and-labels", test_rates_and_labels);
  g_test_add_func ("/totals/from-text", test_from_text);
  g_test_add_func ("/totals/from-html", test_from_html);
  g_test_add_func ("/totals/marked-total", test_marked_total_row_and_column);
  g_test_add_func ("/totals/split-agrees", test_split_agrees);
  return g_test_run ();
}
