/* test-text-layout.c: text that pdftotext made of printed reports (issue #14)
 *
 * The files of tests/text-layout are real `pdftotext -raw` and `-layout`
 * output of synthetic reports of both national forms printed by Chromium and
 * wkhtmltopdf (tools/metamorphic), Simplified and Traditional, with zeros
 * printed blank; each has a sidecar naming what every cell of its requests
 * table printed. A cell is read as printed, or left MISSING where the text
 * cannot say which column a value is in: never a wrong value.
 */

#include "cf-audit.h"
#include "cf-loader.h"
#include "cf-test-util.h"

/* Every sidecar cell of tests/text-layout/@name, looked for in the requests table. */
static CfTestOutcome
read_requests (const char *name)
{
  return cf_test_read_variant ("text-layout", name, CF_TEST_SIDECAR_IN_REQUESTS);
}

/* -raw prints every value of a row, blanks none: with no blank, every cell. */
static void
test_raw_traditional_full (void)
{
  CfTestOutcome o = read_requests ("gip-2021-borderless-t-k03-err.chromium.pdftotext-raw.txt");

  g_assert_cmpuint (o.of, ==, 175);
  g_assert_cmpuint (o.wrong, ==, 0);
  g_assert_cmpuint (o.missing, ==, 0);
  g_assert_cmpuint (o.right, ==, 175);
}

/* With zeros printed blank, -raw loses which columns the values were in:
 * the rows printing every column and the rows printing none are read, the
 * others are left MISSING, none guessed. */
static void
test_raw_blank (void)
{
  CfTestOutcome o = read_requests ("gip-2019-ruled-s-k02-blank.wkhtmltopdf.pdftotext-raw.txt");

  g_assert_cmpuint (o.wrong, ==, 0);
  g_assert_cmpuint (o.right, >=, 14);
  g_assert_cmpuint (o.right + o.missing, ==, o.of);
}

/* -layout keeps positions: short rows are placed on the columns of the full
 * rows of their page, the header repeated after the page break is skipped. */
static void
test_layout_blank (gconstpointer data)
{
  const char *name = data;
  CfTestOutcome o = read_requests (name);

  g_assert_cmpuint (o.wrong, ==, 0);
  g_assert_cmpuint (o.right, >=, o.of / 2);
}

/* A consistent report: no error, whatever the reader could not place. */
static guint
count_errors (const char *name)
{
  g_autofree char *path = cf_test_path ("text-layout", name, NULL);
  g_autoptr (GError) error = NULL;
  g_autoptr (CfDocument) doc = NULL;
  GPtrArray *findings;
  guint errors = 0;

  doc = cf_loader_load_file (path, NULL, NULL, &error);
  g_assert_no_error (error);
  cf_audit_document (doc, NULL);
  findings = cf_document_get_findings (doc);
  for (guint i = 0; findings != NULL && i < findings->len; i++)
    {
      const CfFinding *f = g_ptr_array_index (findings, i);

      if (f->severity == CF_SEVERITY_ERROR)
        {
          g_test_message ("%s: false error %s", name, f->rule);
          errors++;
        }
    }
  return errors;
}

/* pdftotext prints a group label at the vertical middle of its rows: the
 * rows above it (1.信访举报投诉类申请 before （五）不予处理, the 其他处理
 * rows of the 2021 form) belong to it, not to the group before, and a row
 * label printed around its bare enumerator (其他法律行政 / 2. / 法规禁止公开)
 * is one label. Before, these consistent reports had false 总计 errors. */
static void
test_layout_group_mid (gconstpointer data)
{
  const char *name = data;
  CfTestOutcome o = read_requests (name);

  g_assert_cmpuint (o.wrong, ==, 0);
  g_assert_cmpuint (o.right, >=, o.of * 3 / 4);
  g_assert_cmpuint (count_errors (name), ==, 0);
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/text-layout/raw/traditional-full", test_raw_traditional_full);
  g_test_add_func ("/text-layout/raw/blank", test_raw_blank);
  g_test_add_data_func ("/text-layout/layout/blank-wkhtmltopdf",
                        "gip-2019-ruled-s-k02-blank.wkhtmltopdf.pdftotext-layout.txt",
                        test_layout_blank);
  g_test_add_data_func ("/text-layout/layout/traditional-blank-repeated-header",
                        "gip-2021-borderless-t-rep-k41-blank.chromium.pdftotext-layout.txt",
                        test_layout_blank);
  g_test_add_data_func ("/text-layout/layout/group-mid-chromium",
                        "gip-2019-ruled-s-k42.chromium.pdftotext-layout.txt",
                        test_layout_group_mid);
  g_test_add_data_func ("/text-layout/layout/group-mid-traditional-wkhtmltopdf",
                        "gip-2019-borderless-t-rep-k33.wkhtmltopdf.pdftotext-layout.txt",
                        test_layout_group_mid);
  g_test_add_data_func ("/text-layout/layout/group-mid-2021-blank",
                        "gip-2021-ruled-s-k22-blank.wkhtmltopdf.pdftotext-layout.txt",
                        test_layout_group_mid);
  return g_test_run ();
}
