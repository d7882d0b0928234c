/* test-pdf-producers.c: ruled tables as browsers print web pages
 *
 * The PDFs under tests/pdf/producers are printed from one HTML page by the
 * programs that print reports for the web (tests/pdf/producers/make.sh):
 * a table with border="1" (each cell boxed on its own, so two rules run side
 * by side between cells), a column of labels spanning ten rows each, cut by
 * a page break inside the second span, and a second table after it. Each is
 * read cell by cell against the page it was printed from.
 */
#include <locale.h>
#include <string.h>

#include "cf-test-util.h"
#include "cf-test-pdf.h"

/* The figures make.sh prints: item row @k (1-based), column @col. */
static int
value (int k, int col)
{
  return (k * k * 37 + col * 101) % 997;
}

/* 收支表's groups: label and rows. The second runs over all of page 2. */
static const struct
{
  const char *label;
  int         n_rows;
} groups[] = { { "收入", 10 }, { "支出", 30 } };

#define N_ITEMS 40

/* The grid of 收支表 as printed: "row col row_span col_span text" lines. */
static char *
expected_accounts (void)
{
  GString *out = g_string_new ("0 0 1 2 项目\n0 2 1 1 本年\n0 3 1 1 上年\n");
  int total[2] = { 0, 0 }, k = 0;

  for (guint g = 0; g < G_N_ELEMENTS (groups); g++)
    for (int i = 0; i < groups[g].n_rows; i++)
      {
        k++;
        if (i == 0)
          g_string_append_printf (out, "%d 0 %d 1 %s\n", k, groups[g].n_rows, groups[g].label);
        g_string_append_printf (out, "%d 1 1 1 %s%d\n", k, groups[g].label, i + 1);
        for (int c = 0; c < 2; c++)
          {
            g_string_append_printf (out, "%d %d 1 1 %d\n", k, 2 + c, value (k, c));
            total[c] += value (k, c);
          }
      }
  g_string_append_printf (out, "%d 0 1 2 合计\n%d 2 1 1 %d\n%d 3 1 1 %d\n", k + 1, k + 1, total[0], k + 1,
                          total[1]);
  return g_string_free (out, FALSE);
}

static const char expected_reviews[] =
  "0 0 1 3 复议\n0 3 1 2 诉讼\n"
  "1 0 1 1 维持\n1 1 1 1 纠正\n1 2 1 1 总计\n1 3 1 1 维持\n1 4 1 1 总计\n"
  "2 0 1 1 3\n2 1 1 1 4\n2 2 1 1 7\n2 3 1 1 5\n2 4 1 1 5\n";

static void
check_grid (CfDocument *doc, const char *title, const char *expected)
{
  CfTable *table = cf_test_pdf_find_table_titled (doc, title);
  g_autofree char *grid = NULL;

  if (table == NULL)
    g_error ("no table titled %s", title);
  grid = cf_test_pdf_table_grid (table, FALSE);
  if (g_strcmp0 (grid, expected) != 0)
    {
      g_autofree char *boxes = cf_test_pdf_table_grid (table, TRUE);
      g_error ("%s read as:\n%s\nnot as printed:\n%s", title, boxes, expected);
    }
}

/* Chromium embeds Noto Sans CJK as Type 3 fonts, whose glyphs Poppler boxes
 * as tall as the font's bounding box (23 pt for 9 pt text): over the rules
 * above and below their cells. At the foot of a page it draws the top rule
 * of the row it pushed to the next page and the sides of the span running
 * into it; on page 2, inside the span, no rule of the rows reaches the
 * span's left side. */
static void
test_chromium_ruled (void)
{
  g_autofree char *path = cf_test_path ("pdf", "producers", "chromium-ruled.pdf", NULL);
  g_autoptr (CfDocument) doc = cf_test_pdf_load (path);
  g_autofree char *accounts = expected_accounts ();
  CfTable *table;
  GPtrArray *findings;

  cf_audit_document (doc, NULL);
  check_grid (doc, "收支表", accounts);
  check_grid (doc, "复议表", expected_reviews);
  table = cf_test_pdf_find_table_titled (doc, "收支表");
  g_assert_cmpint (cf_table_get_origin_cell (table, 19, 1)->page, ==, 1);
  g_assert_cmpint (cf_table_get_origin_cell (table, 20, 1)->page, ==, 2);
  g_assert_cmpint (cf_table_get_origin_cell (table, N_ITEMS, 1)->page, ==, 2);
  g_assert_cmpint (cf_table_get_origin_cell (table, N_ITEMS + 1, 0)->page, ==, 3);
  /* 合计 is the sum of the rows: nothing is found wrong. */
  findings = cf_document_get_findings (doc);
  for (guint i = 0; i < findings->len; i++)
    g_assert_cmpint (((CfFinding *) g_ptr_array_index (findings, i))->severity, !=, CF_SEVERITY_ERROR);
}

/* The figures of make.sh's span-cut tables: row k (1-based), column col. */
static int
small_value (int k, int col)
{
  return (k * k * 37 + col * 101) % 97;
}

static void
append_figures (GString *out, int row, int a, int b)
{
  g_string_append_printf (out, "%d 3 1 1 %d\n%d 4 1 1 %d\n%d 5 1 1 %d\n", row, a, row, b, row, a + b);
}

/* The grid of a span-cut table as printed. */
static char *
expected_span_cut (void)
{
  GString *out = g_string_new ("0 0 1 3 项目\n0 3 1 1 甲\n0 4 1 1 乙\n0 5 1 1 总计\n1 0 1 3 一、新收\n");
  int k = 1, total[2] = { 0, 0 };

  append_figures (out, 1, small_value (1, 0), small_value (1, 1));
  for (int g = 0; g < 4; g++)
    for (int i = 0; i < 3; i++)
      {
        k++;
        if (k == 2)
          g_string_append (out, "2 0 13 1 二、办理结果\n");
        if (i == 0)
          {
            static const char *const groups[] = { "（一）甲类", "（二）乙类", "（三）丙类", "（四）丁类" };
            g_string_append_printf (out, "%d 1 3 1 %s\n", k, groups[g]);
          }
        g_string_append_printf (out, "%d 2 1 1 %d.子项\n", k, i + 1);
        append_figures (out, k, small_value (k, 0), small_value (k, 1));
        total[0] += small_value (k, 0), total[1] += small_value (k, 1);
      }
  g_string_append (out, "14 1 1 2 （五）总计\n");
  append_figures (out, 14, total[0], total[1]);
  g_string_append (out, "15 0 1 3 三、结转\n");
  append_figures (out, 15, small_value (k + 1, 0), small_value (k + 1, 1));
  return g_string_free (out, FALSE);
}

/* A table with two levels of spanning labels, cut by a page break at five
 * places (make.sh): just before the total row, inside a group, before its
 * last row, and between the head and the first row. Chromium draws the piece
 * of a spanning cell on the page after the break with its bottom side half
 * way down the row beside it, or just short of that row's rule, and the
 * empty sliver of the first row under a head at the foot of the page. Each
 * table is read as printed, over both pages. */
static void
test_chromium_span_cut (void)
{
  static const int gaps[] = { 104, 140, 180, 248, 324 };
  g_autofree char *path = cf_test_path ("pdf", "producers", "chromium-span-cut.pdf", NULL);
  g_autoptr (CfDocument) doc = cf_test_pdf_load (path);
  g_autofree char *expected = expected_span_cut ();

  for (guint i = 0; i < G_N_ELEMENTS (gaps); i++)
    {
      g_autofree char *title = g_strdup_printf ("办理表%d", gaps[i]);
      CfTable *table = cf_test_pdf_find_table_titled (doc, title);

      check_grid (doc, title, expected);
      /* Cut by the break: its head on one page, its foot on the next. */
      g_assert_cmpint (cf_table_get_origin_cell (table, 15, 0)->page, ==,
                       cf_table_get_origin_cell (table, 0, 0)->page + 1);
    }
}

/* The page after a break inside two spanning labels (a page of a
 * metamorphic variant, make.sh): the piece of 第（六）项's cell lacks its
 * left side, so no rule parts it from 三's piece beside it, and 第（七）项
 * 总计 spans the label columns under it. The slots with no rule between them
 * make no rectangle; cut along the columns, 总计 stays one cell, under
 * 3.其他 and the two pieces. */
static void
test_chromium_ragged_span (void)
{
  g_autofree char *path = cf_test_path ("pdf", "producers", "chromium-ragged-span.pdf", NULL);
  g_autoptr (CfDocument) doc = cf_test_pdf_load (path);
  GPtrArray *tables = cf_document_get_tables (doc);
  g_autofree char *grid = NULL;

  g_assert_cmpuint (tables->len, >=, 1);
  grid = cf_test_pdf_table_grid (g_ptr_array_index (tables, 0), FALSE);
  g_assert_true (g_str_has_prefix (grid, "0 0 2 1 \n0 1 1 1 \n0 2 1 1 3.其他\n0 3 1 1 536\n"));
  g_assert_nonnull (strstr (grid, "\n1 1 1 2 （七）总计\n1 3 1 1 7709\n"));
  g_assert_nonnull (strstr (grid, "\n2 0 1 3 四、结转下年度继续办理\n"));
}

/* A small ruled table whose title is set so close over its top rule that
 * the box of its characters (as tall as the font's ascent and descent)
 * reaches 1.5 pt into the frame, as wkhtmltopdf prints a heading right
 * above a table. */
static const double tor_xs[] = { 60, 160, 220, 280 };
static const double tor_ys[] = { 120, 140, 160, 180 };
static const CfTestPdfCellSpec tor_cells[] = {
  { 0, 0, 1, 1, "结果" }, { 0, 1, 1, 1, "维持" }, { 0, 2, 1, 1, "纠正" },
  { 1, 0, 1, 1, "复议" }, { 1, 1, 1, 1, "3" },    { 1, 2, 1, 1, "4" },
  { 2, 0, 1, 1, "诉讼" }, { 2, 1, 1, 1, "5" },    { 2, 2, 1, 1, "6" },
};

static void
draw_title_over_rule (cairo_t *cr)
{
  cairo_font_extents_t extents;

  cf_test_pdf_set_font (cr, CF_TEST_PDF_FONT, 9);
  cairo_font_extents (cr, &extents);
  cf_test_pdf_show_at (cr, 60, tor_ys[0] + 1.5 - extents.descent, "四、复议诉讼情况");
  cf_test_pdf_draw_ruled (cr, tor_xs, tor_ys, tor_cells, G_N_ELEMENTS (tor_cells), 1);
}

static void
test_title_over_rule (void)
{
  g_autofree char *dir = cf_test_make_tmpdir ();
  g_autofree char *path = cf_test_pdf_draw (dir, "title-over-rule.pdf", draw_title_over_rule);
  g_autoptr (CfDocument) doc = cf_test_pdf_load (path);
  GPtrArray *tables = cf_document_get_tables (doc);

  g_assert_cmpuint (tables->len, ==, 1);
  g_assert_cmpstr (cf_table_get_title (g_ptr_array_index (tables, 0)), ==, "四、复议诉讼情况");
  cf_test_pdf_check_ruled_table (g_ptr_array_index (tables, 0), tor_xs, tor_ys, tor_cells,
                                 G_N_ELEMENTS (tor_cells), 0, 1);
  cf_test_rm_rf (dir);
}

int
main (int argc, char **argv)
{
  int rc;

  setlocale (LC_CTYPE, "C.UTF-8");
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/pdf-producers/chromium-ruled", test_chromium_ruled);
  g_test_add_func ("/pdf-producers/chromium-span-cut", test_chromium_span_cut);
  g_test_add_func ("/pdf-producers/chromium-ragged-span", test_chromium_ragged_span);
  g_test_add_func ("/pdf-producers/title-over-rule", test_title_over_rule);
  rc = g_test_run ();
  cf_test_pdf_forget_drawn ();
  return rc;
}
