/* test-number.c: cell values and prose numbers as reports print them */
#include <math.h>
#include <string.h>
#include "cf-test-util.h"

typedef struct
{
  const char  *text;
  CfNumberKind kind;
  double       value;
  const char  *unit;
  gboolean     approximate;
  gboolean     has_decimals;
} CellCase;

static void
check_cells (const CellCase *cases, gsize n_cases)
{
  for (gsize i = 0; i < n_cases; i++)
    {
      CfNumber n;

      cf_number_parse (cases[i].text, -1, &n);
      g_test_message ("cell %s", cases[i].text);
      g_assert_cmpint (n.kind, ==, cases[i].kind);
      if (cases[i].kind != CF_NUMBER_VALUE)
        continue;
      g_assert_cmpfloat_with_epsilon (n.value, cases[i].value, 1e-9);
      g_assert_cmpstr (n.unit, ==, cases[i].unit);
      g_assert_cmpint (n.approximate, ==, cases[i].approximate);
      g_assert_cmpint (n.has_decimals, ==, cases[i].has_decimals);
    }
}

static void
test_plain_digits (void)
{
  static const CellCase cases[] = {
    { "0", CF_NUMBER_VALUE, 0, "", FALSE, FALSE },
    { "42", CF_NUMBER_VALUE, 42, "", FALSE, FALSE },
    { "  42\t", CF_NUMBER_VALUE, 42, "", FALSE, FALSE },
    { "\u3000４２\u3000", CF_NUMBER_VALUE, 42, "", FALSE, FALSE },
    { "１２３４", CF_NUMBER_VALUE, 1234, "", FALSE, FALSE },
    { "1,234", CF_NUMBER_VALUE, 1234, "", FALSE, FALSE },
    { "1，234", CF_NUMBER_VALUE, 1234, "", FALSE, FALSE },
    { "１，２３４，５６７", CF_NUMBER_VALUE, 1234567, "", FALSE, FALSE },
    { "12.5", CF_NUMBER_VALUE, 12.5, "", FALSE, TRUE },
    { "１２．５", CF_NUMBER_VALUE, 12.5, "", FALSE, TRUE },
    { "1,234.50", CF_NUMBER_VALUE, 1234.5, "", FALSE, TRUE },
    { "007", CF_NUMBER_VALUE, 7, "", FALSE, FALSE },
  };

  check_cells (cases, G_N_ELEMENTS (cases));
}

static void
test_signs (void)
{
  static const CellCase cases[] = {
    { "+3", CF_NUMBER_VALUE, 3, "", FALSE, FALSE },
    { "-3", CF_NUMBER_VALUE, -3, "", FALSE, FALSE },
    { "＋3", CF_NUMBER_VALUE, 3, "", FALSE, FALSE },
    { "－3", CF_NUMBER_VALUE, -3, "", FALSE, FALSE },
    { "\u22123", CF_NUMBER_VALUE, -3, "", FALSE, FALSE },
    { "(1,234)", CF_NUMBER_VALUE, -1234, "", FALSE, FALSE },
    { "（1,234）", CF_NUMBER_VALUE, -1234, "", FALSE, FALSE },
    { "( 123 )", CF_NUMBER_VALUE, -123, "", FALSE, FALSE },
    { "(12.5)", CF_NUMBER_VALUE, -12.5, "", FALSE, TRUE },
    /* Enumerators, not negatives. */
    { "(1)", CF_NUMBER_TEXT, 0, "", FALSE, FALSE },
    { "（12）", CF_NUMBER_TEXT, 0, "", FALSE, FALSE },
    { "-0", CF_NUMBER_VALUE, 0, "", FALSE, FALSE },
    { "(12", CF_NUMBER_TEXT, 0, "", FALSE, FALSE },
  };

  check_cells (cases, G_N_ELEMENTS (cases));
}

static void
test_units (void)
{
  static const CellCase cases[] = {
    { "7項", CF_NUMBER_VALUE, 7, "项", FALSE, FALSE },
    { "7项", CF_NUMBER_VALUE, 7, "项", FALSE, FALSE },
    { "417.75萬元", CF_NUMBER_VALUE, 417.75, "万元", FALSE, TRUE },
    { "417.75万元", CF_NUMBER_VALUE, 417.75, "万元", FALSE, TRUE },
    { "99.98%", CF_NUMBER_VALUE, 99.98, "%", FALSE, TRUE },
    { "99.98％", CF_NUMBER_VALUE, 99.98, "%", FALSE, TRUE },
    { "12件", CF_NUMBER_VALUE, 12, "件", FALSE, FALSE },
    { "12 件", CF_NUMBER_VALUE, 12, "件", FALSE, FALSE },
    { "3條", CF_NUMBER_VALUE, 3, "条", FALSE, FALSE },
    { "3个", CF_NUMBER_VALUE, 3, "个", FALSE, FALSE },
    { "3個", CF_NUMBER_VALUE, 3, "个", FALSE, FALSE },
    { "5張", CF_NUMBER_VALUE, 5, "张", FALSE, FALSE },
    { "8次", CF_NUMBER_VALUE, 8, "次", FALSE, FALSE },
    { "8人", CF_NUMBER_VALUE, 8, "人", FALSE, FALSE },
    { "8人次", CF_NUMBER_VALUE, 8, "人次", FALSE, FALSE },
    { "100元", CF_NUMBER_VALUE, 100, "元", FALSE, FALSE },
    { "2宗", CF_NUMBER_VALUE, 2, "宗", FALSE, FALSE },
    { "2篇", CF_NUMBER_VALUE, 2, "篇", FALSE, FALSE },
    { "2份", CF_NUMBER_VALUE, 2, "份", FALSE, FALSE },
    { "2户", CF_NUMBER_VALUE, 2, "户", FALSE, FALSE },
    { "2家", CF_NUMBER_VALUE, 2, "家", FALSE, FALSE },
    /* An unknown unit word is kept as the unit. */
    { "137案", CF_NUMBER_VALUE, 137, "案", FALSE, FALSE },
    { "3筆", CF_NUMBER_VALUE, 3, "笔", FALSE, FALSE },
  };

  check_cells (cases, G_N_ELEMENTS (cases));
}

static void
test_approximations (void)
{
  static const CellCase cases[] = {
    { "1萬余人", CF_NUMBER_VALUE, 10000, "人", TRUE, FALSE },
    { "1万余人", CF_NUMBER_VALUE, 10000, "人", TRUE, FALSE },
    { "20余次", CF_NUMBER_VALUE, 20, "次", TRUE, FALSE },
    { "20餘次", CF_NUMBER_VALUE, 20, "次", TRUE, FALSE },
    { "约30", CF_NUMBER_VALUE, 30, "", TRUE, FALSE },
    { "約30件", CF_NUMBER_VALUE, 30, "件", TRUE, FALSE },
    { "30多", CF_NUMBER_VALUE, 30, "", TRUE, FALSE },
    { "30多人", CF_NUMBER_VALUE, 30, "人", TRUE, FALSE },
    { "30人左右", CF_NUMBER_VALUE, 30, "人", TRUE, FALSE },
    { "1.5万", CF_NUMBER_VALUE, 15000, "", FALSE, TRUE },
    { "2亿", CF_NUMBER_VALUE, 2e8, "", FALSE, FALSE },
  };

  check_cells (cases, G_N_ELEMENTS (cases));
}

static void
test_footnotes (void)
{
  /* Footnote marks after a number are dropped; the value stays. */
  static const CellCase cases[] = {
    { "12*", CF_NUMBER_VALUE, 12, "", FALSE, FALSE },
    { "12※", CF_NUMBER_VALUE, 12, "", FALSE, FALSE },
    { "12①", CF_NUMBER_VALUE, 12, "", FALSE, FALSE },
    { "12注", CF_NUMBER_VALUE, 12, "", FALSE, FALSE },
    { "12注1", CF_NUMBER_VALUE, 12, "", FALSE, FALSE },
    { "12件①", CF_NUMBER_VALUE, 12, "件", FALSE, FALSE },
  };

  check_cells (cases, G_N_ELEMENTS (cases));
}

static void
test_blank (void)
{
  static const char *const blanks[] = {
    "", " ", "\t\r\n", "\u3000", "\u00a0", "/", "／", "-", "--", "—", "——", "－", "无", "無",
    "不适用", " 无 ", "N/A",
  };

  for (gsize i = 0; i < G_N_ELEMENTS (blanks); i++)
    {
      CfNumber n;

      g_test_message ("blank %s", blanks[i]);
      cf_number_parse (blanks[i], -1, &n);
      g_assert_cmpint (n.kind, ==, CF_NUMBER_BLANK);
      g_assert_true (cf_number_is_blank_text (blanks[i], -1));
    }
  g_assert_false (cf_number_is_blank_text ("0", -1));
  g_assert_true (cf_number_is_blank_text (NULL, -1));
}

static void
test_text (void)
{
  static const char *const texts[] = {
    "身份证13181张,临时证1705张…",
    "自然人",
    "三、收到和处理政府信息公开申请情况",
    "第3",
    "12,34",
    "1.2.3",
    "12 34",
    "12abc",
    "abc",
    "12件13件",
    "3（二）",
    "一百",
    "1e5",
    "0x10",
    "nan",
    "inf",
    "12超长的未知单位词语",
    "-",  /* blank, checked above; here to keep the list honest */
  };

  for (gsize i = 0; i + 1 < G_N_ELEMENTS (texts); i++)
    {
      CfNumber n;

      g_test_message ("text %s", texts[i]);
      cf_number_parse (texts[i], -1, &n);
      g_assert_cmpint (n.kind, ==, CF_NUMBER_TEXT);
      g_assert_cmpstr (n.unit, ==, "");
    }
}

static void
test_length_and_garbage (void)
{
  CfNumber n;
  g_autofree char *long_digits = g_strnfill (5000, '9');
  g_autofree char *long_spaces = g_strnfill (5000, ' ');
  const char bad_utf8[] = "12\xff\xfe";
  const char nul_inside[] = { '1', '2', '\0', '3' };

  /* @len limits the text. */
  cf_number_parse ("12345", 2, &n);
  g_assert_cmpint (n.kind, ==, CF_NUMBER_VALUE);
  g_assert_cmpfloat (n.value, ==, 12);

  cf_number_parse (long_spaces, -1, &n);
  g_assert_cmpint (n.kind, ==, CF_NUMBER_BLANK);

  cf_number_parse (long_digits, -1, &n);
  g_assert_cmpint (n.kind, ==, CF_NUMBER_TEXT);

  cf_number_parse (bad_utf8, -1, &n);
  g_assert_cmpint (n.kind, ==, CF_NUMBER_TEXT);

  cf_number_parse (nul_inside, sizeof nul_inside, &n);
  g_assert_cmpint (n.kind, ==, CF_NUMBER_TEXT);

  /* Truncated in the middle of a multibyte character. */
  cf_number_parse ("12项", 4, &n);
  g_assert_cmpint (n.kind, ==, CF_NUMBER_TEXT);

  /* Every byte pattern of length 1 and 2 is survived. */
  for (guint a = 0; a < 256; a++)
    for (guint b = 0; b < 256; b += 7)
      {
        char buf[2] = { (char) a, (char) b };

        cf_number_parse (buf, 2, &n);
        cf_number_scan_prose (buf, 2, &n);
      }
}

typedef struct
{
  const char  *text;
  gsize        consumed; /* bytes */
  double       value;
  const char  *unit;
  gboolean     approximate;
} ProseCase;

static void
test_prose (void)
{
  static const ProseCase cases[] = {
    { "123件，其中", 6, 123, "件", FALSE },
    { "1,234件", 8, 1234, "件", FALSE },
    { "12，其中", 2, 12, "", FALSE },
    { "12,34", 2, 12, "", FALSE },
    { "１２３项", 12, 123, "项", FALSE },
    { "2万余人次", 13, 20000, "人次", TRUE },
    { "1.5亿元", 9, 1.5, "亿元", FALSE },
    { "1.5亿", 6, 1.5e8, "", FALSE },
    { "3万4千", 8, 34000, "", FALSE },
    { "417.75万元。", 12, 417.75, "万元", FALSE },
    { "99.98%的", 6, 99.98, "%", FALSE },
    { "20余次", 8, 20, "次", TRUE },
    { "一百二十三件", 18, 123, "件", FALSE },
    { "两千", 6, 2000, "", FALSE },
    { "十五个", 9, 15, "个", FALSE },
    { "三万四千五百", 18, 34500, "", FALSE },
    { "一千零五", 12, 1005, "", FALSE },
    { "一千零十", 12, 1010, "", FALSE },
    { "〇", 3, 0, "", FALSE },
    { "零", 3, 0, "", FALSE },
    { "二〇二〇年", 12, 2020, "", FALSE },
    { "十", 3, 10, "", FALSE },
    { "二十余件", 12, 20, "件", TRUE },
    { "一亿两千万", 15, 1.2e8, "", FALSE },
    { "兩萬", 6, 20000, "", FALSE },
  };

  for (gsize i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      CfNumber n;
      gsize used;

      g_test_message ("prose %s", cases[i].text);
      used = cf_number_scan_prose (cases[i].text, strlen (cases[i].text), &n);
      g_assert_cmpuint (used, ==, cases[i].consumed);
      g_assert_cmpint (n.kind, ==, CF_NUMBER_VALUE);
      g_assert_cmpfloat_with_epsilon (n.value, cases[i].value, 1e-6);
      g_assert_cmpstr (n.unit, ==, cases[i].unit);
      g_assert_cmpint (n.approximate, ==, cases[i].approximate);
    }
}

static void
test_prose_none (void)
{
  static const char *const texts[] = { "", "件", "万", "共计", "abc", "，12", "\xff" };

  for (gsize i = 0; i < G_N_ELEMENTS (texts); i++)
    {
      CfNumber n;

      g_assert_cmpuint (cf_number_scan_prose (texts[i], strlen (texts[i]), &n), ==, 0);
    }
  g_assert_cmpuint (cf_number_scan_prose (NULL, 0, &(CfNumber) { 0 }), ==, 0);
  /* @len is respected: only "12" is visible. */
  g_assert_cmpuint (cf_number_scan_prose ("12345", 2, &(CfNumber) { 0 }), ==, 2);
}

static void
test_format (void)
{
  static const struct
  {
    double      value;
    const char *printed;
  } cases[] = {
    { 0, "0" }, { 4, "4" }, { -12, "-12" }, { 1234567, "1234567" }, { 417.75, "417.75" },
    { 99.98, "99.98" }, { 0.5, "0.5" }, { 0.1 + 0.2, "0.3" }, { 3.0000000000001, "3" },
    { 1e17, "100000000000000000" }, { -0.0, "0" },
  };

  for (gsize i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *s = cf_number_format (cases[i].value);

      g_assert_cmpstr (s, ==, cases[i].printed);
    }
  g_assert_true (cf_number_is_integer (12));
  g_assert_true (cf_number_is_integer (0.1 * 3 * 10));
  g_assert_false (cf_number_is_integer (12.5));
  g_assert_false (cf_number_is_integer (NAN));
  g_assert_false (cf_number_is_integer (INFINITY));
}

static void
test_cells_of_corpus (void)
{
  /* Every cell of every corpus table parses to something, and a table of
   * the national form has at least one value. */
  g_autoptr (CfDocument) doc = cf_test_load_corpus ("text", "shenzhen-psb-2020.txt");
  GPtrArray *tables = cf_document_get_tables (doc);
  guint n_values = 0;

  for (guint t = 0; t < tables->len; t++)
    {
      CfTable *table = g_ptr_array_index (tables, t);

      for (guint c = 0; c < cf_table_get_n_cells (table); c++)
        {
          CfCell *cell = cf_table_get_cell_at (table, c);

          g_assert_cmpint (cell->number.kind, <=, CF_NUMBER_TEXT);
          if (cell->number.kind == CF_NUMBER_VALUE)
            n_values++;
        }
    }
  /* Tolerant while the text table reader is being written: only checks when tables exist. */
  if (tables->len > 0)
    g_assert_cmpuint (n_values, >, 0);
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/number/plain-digits", test_plain_digits);
  g_test_add_func ("/number/signs", test_signs);
  g_test_add_func ("/number/units", test_units);
  g_test_add_func ("/number/approximations", test_approximations);
  g_test_add_func ("/number/footnotes", test_footnotes);
  g_test_add_func ("/number/blank", test_blank);
  g_test_add_func ("/number/text", test_text);
  g_test_add_func ("/number/length-and-garbage", test_length_and_garbage);
  g_test_add_func ("/number/prose", test_prose);
  g_test_add_func ("/number/prose-none", test_prose_none);
  g_test_add_func ("/number/format", test_format);
  g_test_add_func ("/number/corpus-cells", test_cells_of_corpus);
  return g_test_run ();
}
