/* test-text-layout-rows.c: rows pdftotext -layout printed out of their order (issue #14)
 *
 * The files of tests/text-layout named here are real `pdftotext -layout`
 * output of synthetic reports printed by Chromium (tools/metamorphic), with
 * a sidecar naming what every cell printed. Chromium PDFs wrap a row's label
 * around its figures in ways the text keeps out of order: the first label
 * line and the figures above a bare enumerator ("属于行政查询 829 0 … 829",
 * then "8." alone), or the figures of a row printed among the label lines of
 * the next one. A cell is read as printed or left MISSING, never wrong, and
 * a consistent report gets no error.
 */

#include "cf-audit.h"
#include "cf-loader.h"
#include "cf-test-util.h"

/* The requests table of tests/text-layout/@name against its sidecar. */
static CfTestOutcome
read_report (const char *name)
{
  return cf_test_read_variant ("text-layout", name, CF_TEST_SIDECAR_REQUESTS);
}

/* 7.属于行政执法案卷, then "属于行政查询 829 0 0 0 0 0 829", "8." alone and
 * "事项": the figures are row 8's, not row 7's (before: both rows unread and
 * a false 总计 error, the sum short of them). */
static void
test_figures_above_bare_enumerator (void)
{
  CfTestOutcome o = read_report ("gip-2019-borderless-s-k30.chromium.pdftotext-layout.txt");

  g_assert_cmpuint (o.of, ==, 161);
  g_assert_cmpuint (o.right, ==, o.of);
  g_assert_cmpuint (o.errors, ==, 0);
}

/* "4.保护第三方合 / 法权益" prints no figures; "（三）不 5.属于三类内部", the
 * figures of row 4, then "予公开 事务信息" with row 5's: each row its own
 * line (before: row 4 read blank, a false error). */
static void
test_figures_among_next_label (void)
{
  CfTestOutcome o = read_report ("gip-2019-borderless-s-rep-k12.chromium.pdftotext-layout.txt");

  g_assert_cmpuint (o.of, ==, 161);
  g_assert_cmpuint (o.right, ==, o.of);
  g_assert_cmpuint (o.errors, ==, 0);
}

/* The same in Traditional, with the header repeated after the page break. */
static void
test_figures_among_next_label_traditional (void)
{
  CfTestOutcome o = read_report ("gip-2019-borderless-t-rep-k21.chromium.pdftotext-layout.txt");

  g_assert_cmpuint (o.wrong, ==, 0);
  g_assert_cmpuint (o.right + 1, >=, o.of);
}

/* Zeros printed blank, Traditional, a planted error: where row 4's figures
 * went to row 5 and cannot be placed, both rows are MISSING, row 4 is not
 * read blank. (Short rows whose first figure stands within reach of two
 * columns are left MISSING too: 49 cells right, 77 before that.) */
static void
test_blank_traditional_unplaced (void)
{
  CfTestOutcome o = read_report ("gip-2019-ruled-t-k11-blank-err.chromium.pdftotext-layout.txt");

  g_assert_cmpuint (o.wrong, ==, 0);
  g_assert_cmpuint (o.right, >=, 45);
}

/* The header repeated after a page break, wrapped otherwise than on the
 * first page (企 机 公益组织 / 服务 他 / 机构 / 业 构), inside a row label
 * cut by the break (…已获取信 / 息): the header's words are no label (before:
 * （五）不予处理机服务业, its rows unread and a false 总计 error). */
static void
test_header_rewrapped_after_break (void)
{
  CfTestOutcome o = read_report ("gip-2021-ruled-s-rep-k00.chromium.pdftotext-layout.txt");

  g_assert_cmpuint (o.of, >=, 150);
  g_assert_cmpuint (o.right, ==, o.of);
  g_assert_cmpuint (o.errors, ==, 0);
}

/* "要求提供公開出 0 28 0 0 5 35 68", then "（五） 3.版物": the figures and
 * the first label line are row 3's, under its group printed beside the
 * enumerator (before: 2.重複申請要求提供公開出 and 3.版物, both unread, and a
 * false 總計 error). Traditional, the header repeated. */
static void
test_figures_above_grouped_enumerator (void)
{
  CfTestOutcome o = read_report ("gip-2021-ruled-t-rep-k21.chromium.pdftotext-layout.txt");

  g_assert_cmpuint (o.wrong, ==, 0);
  g_assert_cmpuint (o.right + 1, >=, o.of);
  g_assert_cmpuint (o.errors, ==, 0);
}

/* Zeros printed blank: "政府集中采购" with one figure (1254.1) under
 * "采购项目数量 采购总金额", read in order into the count column. The
 * placement is a guess (form.row_mismatch), so no check may read it: before,
 * counts.integer flagged "1254.1" as a count that is no integer, a false error
 * on a consistent report. */
static void
test_short_row_guess_not_counted (void)
{
  CfTestOutcome o = read_report ("gip-2019-borderless-s-rep-k16-blank.wkhtmltopdf.pdftotext-layout.txt");

  g_assert_cmpuint (o.of, ==, 161);
  g_assert_cmpuint (o.errors, ==, 0);
}

/* LibreOffice, zeros printed blank: "（一）予以公开      436     7   19   462"
 * beside its label, the full rows above on lines of their own. pdftotext
 * pushed the figures after the Chinese label four characters right, so 436
 * (自然人) stood nearest the 商业企业 column of the full rows (before: read
 * there, a false 总计 error). A short row beside its label is placed only by
 * full rows beside theirs: here none, so its cells are left MISSING. */
static void
test_short_row_beside_label_pushed (void)
{
  CfTestOutcome o = read_report ("gip-2021-ruled-s-rep-k08-blank.libreoffice.pdftotext-layout.txt");

  g_assert_cmpuint (o.of, ==, 175);
  g_assert_cmpuint (o.wrong, ==, 0);
  g_assert_cmpuint (o.errors, ==, 0);
}

/* Chromium, zeros printed blank: row 4 (保护第三方合法权益) has its figures
 * "715 3 30 748" printed among row 5's label lines, row 5 its own "300 5
 * 305" below; both short, the seven figures of the two lines looked like
 * one full row 5 (before: 715 read as row 5's 自然人, a false 总计 error).
 * Two lines of figures under a row, the row above without any: both rows
 * are left MISSING. */
static void
test_two_value_lines_after_empty_row (void)
{
  CfTestOutcome o = read_report ("gip-2019-borderless-s-k10-blank.chromium.pdftotext-layout.txt");

  g_assert_cmpuint (o.of, ==, 161);
  g_assert_cmpuint (o.wrong, ==, 0);
  g_assert_cmpuint (o.errors, ==, 0);
}

/* LibreOffice sets the rows of the proactive tables two blank lines apart,
 * the section rows (第二十条第（五）项) too, and prints the last one with a
 * single space ("行政事业性收费 525.45"): the tables of 第（五）（六）（八）项
 * are read with the first (before: the run ended at 第（五）项, their four
 * cells unread). */
static void
test_proactive_rows_two_blank_lines_apart (void)
{
  CfTestOutcome o = cf_test_read_variant ("text-layout",
                                          "gip-2021-ruled-s-k18.libreoffice.pdftotext-layout.txt",
                                          CF_TEST_SIDECAR_ALL_TABLES);

  g_assert_cmpuint (o.of, ==, 200);
  g_assert_cmpuint (o.right, ==, o.of);
  g_assert_cmpuint (o.errors, ==, 0);
}

/* Chromium, zeros printed blank: the one full row of the page is packed one
 * space apart, the short rows stand a column further right ("37 6 24 67"
 * of 7.属于行政执法案卷 on the full row's 社会公益组织 … 总计 positions),
 * their totals two characters right of the full row's. A short row whose
 * last figure, on the total column, stands off that column's position is
 * not placed (before: read one column too far right, a false 总计 error). */
static void
test_short_row_total_off_column (void)
{
  CfTestOutcome o = read_report ("gip-2019-ruled-s-k14-blank.chromium.pdftotext-layout.txt");

  g_assert_cmpuint (o.of, ==, 161);
  g_assert_cmpuint (o.wrong, ==, 0);
  g_assert_cmpuint (o.errors, ==, 0);
}

/* wkhtmltopdf, zeros printed blank: the full rows print 自然人 … 社会公益组织
 * one space apart, then a wide gap ("645 … 38 43 47 51 … 62"): a figure of a
 * short row at 50 may be 科研机构 (47) pushed right or 社会公益组织 (51). Two
 * placements possible, the row is left MISSING (before: 社会公益组织, one
 * column too far right, a false 总计 error). */
static void
test_short_row_two_placements_packed (void)
{
  CfTestOutcome o = read_report ("gip-2021-ruled-s-k34-blank.wkhtmltopdf.pdftotext-layout.txt");

  g_assert_cmpuint (o.of, >=, 150);
  g_assert_cmpuint (o.wrong, ==, 0);
  g_assert_cmpuint (o.errors, ==, 0);
}

/* Chromium, zeros printed blank, Traditional: "（一）予以公開 233 … 233",
 * the first figure (自然人) four characters right of the full row's first
 * column, on its second (商業企業). A first figure beside its label text may
 * stand up to MAX_FIRST_PUSH right of its column: two placements, the row
 * is left MISSING (before: 233 read as 商業企業, a false 總計 error). */
static void
test_first_figure_pushed_two_placements (void)
{
  CfTestOutcome o = read_report ("gip-2021-borderless-t-rep-k13-blank.chromium.pdftotext-layout.txt");

  g_assert_cmpuint (o.of, >=, 150);
  g_assert_cmpuint (o.wrong, ==, 0);
  g_assert_cmpuint (o.errors, ==, 0);
}

/* wkhtmltopdf, zeros printed blank: "5.要求行政机关确认或重新出 / 611 5 616 /
 * 具已获取信息 / 294 19 3 316 / （六）其他处理": the second line of figures,
 * on a line of its own, is row （六）'s, printed above its label; the seven
 * figures looked like one full row 5 (before: 294 read as row 5's 社会公益组织,
 * false 总计 errors). Both rows are left MISSING. */
static void
test_second_value_line_above_empty_row (void)
{
  CfTestOutcome o = read_report ("gip-2019-ruled-s-rep-k28-blank.wkhtmltopdf.pdftotext-layout.txt");

  g_assert_cmpuint (o.of, ==, 161);
  g_assert_cmpuint (o.wrong, ==, 0);
  g_assert_cmpuint (o.errors, ==, 0);
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/text-layout-rows/second-value-line-above-empty-row",
                   test_second_value_line_above_empty_row);
  g_test_add_func ("/text-layout-rows/first-figure-pushed-two-placements",
                   test_first_figure_pushed_two_placements);
  g_test_add_func ("/text-layout-rows/short-row-total-off-column", test_short_row_total_off_column);
  g_test_add_func ("/text-layout-rows/short-row-two-placements-packed",
                   test_short_row_two_placements_packed);
  g_test_add_func ("/text-layout-rows/proactive-rows-two-blank-lines-apart",
                   test_proactive_rows_two_blank_lines_apart);
  g_test_add_func ("/text-layout-rows/figures-above-bare-enumerator",
                   test_figures_above_bare_enumerator);
  g_test_add_func ("/text-layout-rows/figures-among-next-label", test_figures_among_next_label);
  g_test_add_func ("/text-layout-rows/figures-among-next-label-traditional",
                   test_figures_among_next_label_traditional);
  g_test_add_func ("/text-layout-rows/blank-traditional-unplaced", test_blank_traditional_unplaced);
  g_test_add_func ("/text-layout-rows/header-rewrapped-after-break",
                   test_header_rewrapped_after_break);
  g_test_add_func ("/text-layout-rows/figures-above-grouped-enumerator",
                   test_figures_above_grouped_enumerator);
  g_test_add_func ("/text-layout-rows/short-row-guess-not-counted",
                   test_short_row_guess_not_counted);
  g_test_add_func ("/text-layout-rows/short-row-beside-label-pushed",
                   test_short_row_beside_label_pushed);
  g_test_add_func ("/text-layout-rows/two-value-lines-after-empty-row",
                   test_two_value_lines_after_empty_row);
  return g_test_run ();
}
