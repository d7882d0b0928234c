/* test-text-raw.c: `pdftotext -raw` text of printed reports, every table (issue #14)
 *
 * The files of tests/text-raw are real `pdftotext -raw` output (and one
 * html2text dump) of synthetic
 * consistent reports (tools/metamorphic) printed by LibreOffice, Chromium and
 * wkhtmltopdf; each sidecar names what every canonical cell printed. -raw
 * prints a row's values after its label, one space apart, and blank cells
 * not at all: a cell is read as printed or left MISSING, never a wrong
 * value, and a consistent report gets no error.
 */
#include <string.h>

#include "cf-audit.h"
#include "cf-loader.h"
#include "cf-test-util.h"

/* Every canonical cell of tests/text-raw/@name against its sidecar. */
static CfTestOutcome
read_all (const char *name)
{
  return cf_test_read_variant ("text-raw", name, CF_TEST_SIDECAR_ALL_TABLES);
}

/* Zeros printed: every cell. The small tables of 主动公开 (a header line of
 * N words, rows of a label and N - 1 values) are read from their headers; a
 * first-level row label wrapped before its values (一、本年新收… / 数量) is
 * no section heading; the group label cut by its column (三、本年) gets the
 * pieces printed beside a later row (度办理结 / 果), not that row; a label
 * printed alone has its value on the line below. Before, these consistent
 * reports lost the 主动公开 table, and LibreOffice's had false 总计 errors. */
static void
test_raw_full (gconstpointer data)
{
  CfTestOutcome o = read_all (data);

  g_assert_cmpuint (o.wrong, ==, 0);
  g_assert_cmpuint (o.errors, ==, 0);
  g_assert_cmpuint (o.missing, ==, 0);
  g_assert_cmpuint (o.right, ==, o.of);
}

/* Zeros printed blank: the appeals row printing 14 of its 15 values was
 * read as a row of 14 columns, wrong values and false errors. A row's
 * values are read only where the text proves the count; here the requests
 * table has short rows, so none is sure: MISSING, no wrong value, no error. */
static void
test_raw_blank (void)
{
  CfTestOutcome o = read_all ("gip-2021-borderless-s-rep-k40-blank.chromium.pdftotext-raw.txt");

  g_assert_cmpuint (o.wrong, ==, 0);
  g_assert_cmpuint (o.errors, ==, 0);
  g_assert_cmpuint (o.right, >=, 30);
}

/* html2text counts bytes as columns and cuts Chinese characters in half
 * (U+FFFD after decoding): a row whose line holds a cut, or whose values
 * sit where byte columns put them, is read with its label and its values
 * MISSING; a rule over a row the form names but the table does not, while
 * a row the reader could not name is unread, is incomplete, not failed.
 * Before, this consistent report had false 总计 errors (and wrong cells). */
static void
test_html2text (void)
{
  CfTestOutcome o = read_all ("gip-2019-borderless-s-rep-k12.html2text.txt");

  g_assert_cmpuint (o.wrong, ==, 0);
  g_assert_cmpuint (o.errors, ==, 0);
  g_assert_cmpuint (o.right, >=, 40);
}

/* More html2text dumps of consistent reports: with zeros blank, a row
 * printing two of its seven values that the row reader placed by position
 * (其他处理 439 … 439 read as 自然人 and 法律服务机构) and a 结转下年度
 * row of five values spread over the first five columns; with zeros
 * printed, the damage cut the requests table before 3.其他, and the piece
 * (3.其他, （七）总计, 四、结转) read as a generic table failed table.total.
 * In a damaged text a row with a slot left unread has all its values
 * unread, and its tables are too doubtful for the generic totals. Before,
 * both had false errors. */
static void
test_html2text_more (gconstpointer data)
{
  CfTestOutcome o = read_all (data);

  g_assert_cmpuint (o.wrong, ==, 0);
  g_assert_cmpuint (o.errors, ==, 0);
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_data_func ("/text-raw/full/libreoffice",
                        "gip-2019-ruled-s-rep-k12.libreoffice.pdftotext-raw.txt", test_raw_full);
  g_test_add_data_func ("/text-raw/full/libreoffice-traditional",
                        "gip-2021-ruled-t-rep-k33.libreoffice.pdftotext-raw.txt", test_raw_full);
  g_test_add_data_func ("/text-raw/full/wkhtmltopdf-values-below",
                        "gip-2021-borderless-s-k18.wkhtmltopdf.pdftotext-raw.txt", test_raw_full);
  g_test_add_func ("/text-raw/blank", test_raw_blank);
  g_test_add_func ("/text-raw/html2text", test_html2text);
  g_test_add_data_func ("/text-raw/html2text/blank-short-rows",
                        "gip-2019-borderless-s-rep-k08-blank.html2text.txt", test_html2text_more);
  g_test_add_data_func ("/text-raw/html2text/piece-of-form-table",
                        "gip-2021-borderless-s-rep-k00.html2text.txt", test_html2text_more);
  return g_test_run ();
}
