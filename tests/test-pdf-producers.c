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

int
main (int argc, char **argv)
{
  setlocale (LC_CTYPE, "C.UTF-8");
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/pdf-producers/chromium-ruled", test_chromium_ruled);
  return g_test_run ();
}
