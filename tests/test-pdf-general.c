/* test-pdf-general.c: general tables in PDF reports, and borderless tables
 * continued on the next page
 *
 * Financial statements and statistical tables besides the national forms
 * (issue #4): thousands separators, negatives in parentheses, placeholders,
 * footnote marks, two-level headers, unit lines and source notes, tables side
 * by side and beside prose, tables continued on the next page. Every PDF is
 * drawn here with cairo (Noto Sans CJK), and every piece of text drawn is
 * remembered with its page and box, so each cell is checked against where it
 * was drawn: its text, its parsed value, its page and its box.
 */
#include <locale.h>
#include <math.h>
#include <string.h>
#include <cairo.h>

#include "cf-test-util.h"
#include "cf-test-pdf.h"

static char *tmpdir;

/* --------------------------------------------------------------- checking */

static void
dump_tables (CfDocument *doc)
{
  GPtrArray *tables = cf_document_get_tables (doc);

  for (guint i = 0; i < tables->len; i++)
    {
      g_autofree char *grid = cf_test_pdf_table_grid (g_ptr_array_index (tables, i), TRUE);
      g_test_message ("table %u \"%s\" (%s):\n%s", i, cf_table_get_title (g_ptr_array_index (tables, i)),
                      cf_table_get_layout (g_ptr_array_index (tables, i)), grid);
    }
}

static CfCell *
origin_cell (CfTable *table, int row, int col)
{
  CfCell *cell = cf_table_get_origin_cell (table, row, col);

  if (cell == NULL)
    {
      g_autofree char *grid = cf_test_pdf_table_grid (table, TRUE);
      g_error ("no cell at (%d,%d) in:\n%s", row, col, grid);
    }
  return cell;
}

static void
assert_box (const CfCell *cell, const double box[4], double tol)
{
  for (int k = 0; k < 4; k++)
    if (fabs (cell->bbox[k] - box[k]) > tol)
      g_error ("cell (%d,%d) \"%s\": box [%.1f %.1f %.1f %.1f], drawn [%.1f %.1f %.1f %.1f]", cell->row,
               cell->col, cell->text, cell->bbox[0], cell->bbox[1], cell->bbox[2], cell->bbox[3], box[0],
               box[1], box[2], box[3]);
}

/* The cell at (@row, @col) holds @text, read as @value (NAN: no number; a
 * placeholder reads as blank), on @page. */
static CfCell *
check_cell (CfTable *table, int row, int col, const char *text, double value, int page)
{
  CfCell *cell = origin_cell (table, row, col);

  if (g_strcmp0 (cell->text, text) != 0)
    {
      g_autofree char *grid = cf_test_pdf_table_grid (table, TRUE);
      g_error ("cell (%d,%d) is \"%s\", not \"%s\", in:\n%s", row, col, cell->text, text, grid);
    }
  if (!isnan (value))
    {
      g_assert_cmpint (cell->number.kind, ==, CF_NUMBER_VALUE);
      g_assert_cmpfloat_with_epsilon (cell->number.value, value, 1e-6);
    }
  else if (*text == '\0' || cf_number_is_blank_text (text, -1))
    g_assert_cmpint (cell->number.kind, ==, CF_NUMBER_BLANK);
  else
    g_assert_cmpint (cell->number.kind, ==, CF_NUMBER_TEXT);
  if (*text != '\0')
    {
      g_assert_cmpint (cell->page, ==, page);
      g_assert_cmpint (cell->offset, >=, 0);
    }
  return cell;
}

/* ... and a borderless cell's box is the ink of the pieces drawn as
 * @pieces (NULL-terminated; the @nth drawing of each). */
static void
check_drawn (CfTable *table, int row, int col, const char *text, double value, int page, guint nth,
             const char *const *pieces)
{
  CfCell *cell = check_cell (table, row, col, text, value, page);
  double box[4] = { G_MAXDOUBLE, G_MAXDOUBLE, -G_MAXDOUBLE, -G_MAXDOUBLE };

  for (guint i = 0; pieces[i]; i++)
    {
      const CfTestPdfDrawn *d = cf_test_pdf_drawn_piece (pieces[i], nth);
      g_assert_cmpint (d->page, ==, page);
      box[0] = MIN (box[0], d->box[0]);
      box[1] = MIN (box[1], d->box[1]);
      box[2] = MAX (box[2], d->box[2]);
      box[3] = MAX (box[3], d->box[3]);
    }
  assert_box (cell, box, 2.0);
}

#define ONE(text) ((const char *const[]) { text, NULL })

/* A ruled cell's box is its ruling. */
static void
check_ruled (CfTable *table, const double *xs, const double *ys, const CfTestPdfCellSpec *spec, int row_offset,
             double value, int page)
{
  g_auto (GStrv) lines = g_strsplit (spec->text, "\n", -1);
  g_autofree char *joined = g_strjoinv ("", lines);
  CfCell *cell = check_cell (table, spec->row + row_offset, spec->col, joined, value, page);
  double box[4] = { xs[spec->col], ys[spec->row], xs[spec->col + spec->col_span],
                    ys[spec->row + spec->row_span] };

  g_assert_cmpint (cell->row_span, ==, spec->row_span);
  g_assert_cmpint (cell->col_span, ==, spec->col_span);
  assert_box (cell, box, 2.0);
}

/* The findings of rule @rule (prefix) about @table. */
static GPtrArray *
findings_of (CfDocument *doc, CfTable *table, const char *rule)
{
  GPtrArray *all = cf_document_get_findings (doc);
  GPtrArray *found = g_ptr_array_new ();

  for (guint i = 0; i < all->len; i++)
    {
      CfFinding *f = g_ptr_array_index (all, i);
      if (g_str_has_prefix (f->rule, rule) && g_strcmp0 (f->table, cf_table_get_id (table)) == 0)
        g_ptr_array_add (found, f);
    }
  return found;
}

/* ---------------------------------------------- ruled financial statement */

/* 收入支出决算表: thousands separators, negatives in parentheses and with a
 * minus, placeholders and a blank, a footnote mark; its 合计 adds up. The
 * second statement's 合计 does not (1,100,000.00 is right). */
static const double fin_xs[] = { 60, 250, 370, 490 };
static const double fin_ys1[] = { 110, 132, 154, 176, 198, 220, 242 };
static const double fin_ys2[] = { 380, 402, 434, 456, 478 };
static const CfTestPdfCellSpec fin_income[] = {
  { 0, 0, 1, 1, "项目" }, { 0, 1, 1, 1, "本年数" }, { 0, 2, 1, 1, "上年数" },
  { 1, 0, 1, 1, "财政拨款收入" }, { 1, 1, 1, 1, "1,234,567.89" }, { 1, 2, 1, 1, "1,100,000.00" },
  { 2, 0, 1, 1, "事业收入" }, { 2, 1, 1, 1, "45,000.50" }, { 2, 2, 1, 1, "" },
  { 3, 0, 1, 1, "其他收入*" }, { 3, 1, 1, 1, "(12,345.00)" }, { 3, 2, 1, 1, "-3,200" },
  { 4, 0, 1, 1, "上年结转" }, { 4, 1, 1, 1, "—" }, { 4, 2, 1, 1, "-" },
  { 5, 0, 1, 1, "合计" }, { 5, 1, 1, 1, "1,267,223.39" }, { 5, 2, 1, 1, "1,096,800.00" },
};
static const double fin_income_values[] = {
  NAN, NAN, NAN,
  NAN, 1234567.89, 1100000.00,
  NAN, 45000.50, NAN,
  NAN, -12345.00, -3200,
  NAN, NAN, NAN,
  NAN, 1267223.39, 1096800.00,
};
static const CfTestPdfCellSpec fin_spending[] = {
  { 0, 0, 1, 1, "项目" }, { 0, 1, 1, 1, "本年数" }, { 0, 2, 1, 1, "上年数" },
  { 1, 0, 1, 1, "基本支出（含人员经费\n和公用经费）" }, { 1, 1, 1, 1, "800,000.00" },
  { 1, 2, 1, 1, "750,000.00" },
  { 2, 0, 1, 1, "项目支出注1" }, { 2, 1, 1, 1, "300,000.00" }, { 2, 2, 1, 1, "280,000.00" },
  { 3, 0, 1, 1, "合计" }, { 3, 1, 1, 1, "1,150,000.00" }, { 3, 2, 1, 1, "1,030,000.00" },
};
static const double fin_spending_values[] = {
  NAN, NAN, NAN,
  NAN, 800000, 750000,
  NAN, 300000, 280000,
  NAN, 1150000, 1030000,
};

static void
draw_ruled_statements (cairo_t *cr)
{
  cf_test_pdf_set_font (cr, CF_TEST_PDF_FONT, 12);
  cf_test_pdf_show_at (cr, 60, 60, "2023年度部门决算");
  cf_test_pdf_set_font (cr, CF_TEST_PDF_FONT, 10.5);
  cf_test_pdf_show_at (cr, 60, 90, "表1 收入支出决算表");
  cf_test_pdf_show_right (cr, 490, 104, "单位：元");
  cf_test_pdf_set_font (cr, CF_TEST_PDF_FONT, 9);
  cf_test_pdf_draw_ruled (cr, fin_xs, fin_ys1, fin_income, G_N_ELEMENTS (fin_income), 1);
  cf_test_pdf_show_at (cr, 60, 260, "注：*含存款利息收入。");
  cf_test_pdf_set_font (cr, CF_TEST_PDF_FONT, 10.5);
  cf_test_pdf_show_at (cr, 60, 300, "本部门2023年收入合计1,267,223.39元，较上年有所增加，主要是财政拨款增加。");
  cf_test_pdf_show_at (cr, 60, 360, "表2 支出决算表");
  cf_test_pdf_set_font (cr, CF_TEST_PDF_FONT, 9);
  cf_test_pdf_draw_ruled (cr, fin_xs, fin_ys2, fin_spending, G_N_ELEMENTS (fin_spending), 1);
  cf_test_pdf_show_at (cr, 60, 496, "注1：项目支出含专项业务费。");
}

static void
test_ruled_statement (void)
{
  g_autofree char *path = cf_test_pdf_draw (tmpdir, "ruled-statement.pdf", draw_ruled_statements);
  g_autoptr (CfDocument) doc = cf_test_pdf_load (path);
  g_autoptr (GPtrArray) income_findings = NULL;
  g_autoptr (GPtrArray) spending_findings = NULL;
  CfTable *income, *spending;
  CfFinding *f;

  cf_audit_document (doc, NULL);
  dump_tables (doc);
  g_assert_cmpuint (cf_document_get_tables (doc)->len, ==, 2);
  income = cf_test_pdf_find_table_titled (doc, "收入支出决算表");
  spending = cf_test_pdf_find_table_titled (doc, "表2");
  g_assert_nonnull (income);
  g_assert_nonnull (spending);
  g_assert_true (income != spending);
  g_assert_cmpstr (cf_table_get_layout (income), ==, "lattice");
  /* The unit line and the notes are no rows. */
  g_assert_cmpint (cf_table_get_n_rows (income), ==, 6);
  g_assert_cmpint (cf_table_get_n_cols (income), ==, 3);
  g_assert_cmpint (cf_table_get_n_rows (spending), ==, 4);
  for (guint i = 0; i < G_N_ELEMENTS (fin_income); i++)
    check_ruled (income, fin_xs, fin_ys1, &fin_income[i], 0, fin_income_values[i], 1);
  for (guint i = 0; i < G_N_ELEMENTS (fin_spending); i++)
    check_ruled (spending, fin_xs, fin_ys2, &fin_spending[i], 0, fin_spending_values[i], 1);

  /* The income 合计 adds up (blanks and placeholders are not zero, but the
   * known parts make the total); the spending one is 50,000 over. */
  income_findings = findings_of (doc, income, "table.total");
  g_assert_cmpuint (income_findings->len, ==, 0);
  spending_findings = findings_of (doc, spending, "table.total");
  g_assert_cmpuint (spending_findings->len, ==, 1);
  f = g_ptr_array_index (spending_findings, 0);
  g_assert_cmpstr (f->rule, ==, "table.total");
  g_assert_cmpint (f->severity, ==, CF_SEVERITY_ERROR);
  g_assert_cmpuint (f->cells->len, >=, 1);
  g_assert_cmpint (g_array_index (f->cells, CfCellRef, 0).row, ==, 3);
  g_assert_cmpint (g_array_index (f->cells, CfCellRef, 0).col, ==, 1);
  g_assert_true (f->has_expected && f->has_actual);
  g_assert_cmpfloat_with_epsilon (f->expected, 1100000, 0.001);
  g_assert_cmpfloat_with_epsilon (f->actual, 1150000, 0.001);
}

/* ------------------------------------------ borderless financial statement */

/* The statement again without rulings: labels flush left, a long one
 * wrapped onto a second, tighter line; numbers flush right. */
static const double bl_right[] = { 0, 330, 460 };
static const char *bl_rows[][3] = {
  { "项目", "本年数", "上年数" },
  { "财政拨款收入", "1,234,567.89", "1,100,000.00" },
  { "事业收入", "45,000.50", "" },
  { "其他收入*", "(12,345.00)", "-3,200" },
  { "上年结转", "—", "-" },
  { "合计", "1,267,223.39", "1,096,800.00" },
};
static const double bl_values[][3] = {
  { NAN, NAN, NAN },
  { NAN, 1234567.89, 1100000 },
  { NAN, 45000.5, NAN },
  { NAN, -12345, -3200 },
  { NAN, NAN, NAN },
  { NAN, 1267223.39, 1096800 },
};
/* Wrapped labels: their first line is on the row's line, the rest below. */
static const char *bl_wrapped[][2] = {
  { NULL, NULL },
  { "财政拨款收入", NULL },
  { "事业收入（含事业单位经营", "收入）" },
  { "其他收入*", NULL },
  { "上年结转", NULL },
  { "合计", NULL },
};

static double bl_top;
static double bl_pitch = 20; /* from one row's line to the next */

static void
draw_borderless_statement_at (cairo_t *cr, double top, const char *title, gboolean wrap)
{
  double y = top;

  cf_test_pdf_set_font (cr, CF_TEST_PDF_FONT, 10.5);
  cf_test_pdf_show_at (cr, 60, y - 26, title);
  cf_test_pdf_set_font (cr, CF_TEST_PDF_FONT, 9);
  for (guint r = 0; r < G_N_ELEMENTS (bl_rows); r++)
    {
      const char *label = wrap && bl_wrapped[r][0] ? bl_wrapped[r][0] : bl_rows[r][0];

      cf_test_pdf_show_at (cr, 60, y, label);
      for (guint c = 1; c < 3; c++)
        if (*bl_rows[r][c])
          cf_test_pdf_show_right (cr, bl_right[c], y, bl_rows[r][c]);
      if (wrap && bl_wrapped[r][1])
        {
          y += 12;
          cf_test_pdf_show_at (cr, 60, y, bl_wrapped[r][1]);
        }
      y += bl_pitch;
    }
}

static void
draw_borderless_statement (cairo_t *cr)
{
  cf_test_pdf_set_font (cr, CF_TEST_PDF_FONT, 10.5);
  cf_test_pdf_show_at (cr, 60, 60, "本部门2023年度收入支出决算情况如下。");
  bl_top = 120;
  draw_borderless_statement_at (cr, bl_top, "表1 收入支出决算表", TRUE);
  cf_test_pdf_set_font (cr, CF_TEST_PDF_FONT, 10.5);
  cf_test_pdf_show_at (cr, 60, 300, "二、关于2023年度收入决算情况的说明：收入合计较上年增加。");
}

static void
check_borderless_statement (CfTable *table, int row_offset, int page, gboolean wrap, guint nth)
{
  for (guint r = 0; r < G_N_ELEMENTS (bl_rows); r++)
    for (guint c = 0; c < 3; c++)
      {
        const char *text = bl_rows[r][c];
        g_autofree char *label = NULL;

        if (c == 0 && wrap && bl_wrapped[r][1])
          {
            label = g_strconcat (bl_wrapped[r][0], bl_wrapped[r][1], NULL);
            check_drawn (table, r + row_offset, 0, label, NAN, page, nth,
                         (const char *const[]) { bl_wrapped[r][0], bl_wrapped[r][1], NULL });
          }
        else if (c == 0 && wrap && bl_wrapped[r][0])
          check_drawn (table, r + row_offset, 0, bl_wrapped[r][0], NAN, page, nth, ONE (bl_wrapped[r][0]));
        else if (*text == '\0')
          {
            CfCell *cell = check_cell (table, r + row_offset, c, "", NAN, page);
            g_assert_true (cell->flags & CF_CELL_FLAG_MISSING || cell->offset == -1);
          }
        else
          {
            /* "-" and "—" are drawn more than once: count the drawings. */
            guint k = nth;
            for (guint rr = 0; rr < r; rr++)
              for (guint cc = 0; cc < 3; cc++)
                k += g_str_equal (bl_rows[rr][cc], text);
            for (guint cc = 0; cc < c; cc++)
              k += g_str_equal (bl_rows[r][cc], text);
            check_drawn (table, r + row_offset, c, text, bl_values[r][c], page, k, ONE (text));
          }
      }
}

static void
test_borderless_statement (void)
{
  g_autofree char *path = cf_test_pdf_draw (tmpdir, "borderless-statement.pdf", draw_borderless_statement);
  g_autoptr (CfDocument) doc = cf_test_pdf_load (path);
  g_autoptr (GPtrArray) findings = NULL;
  CfTable *table;

  cf_audit_document (doc, NULL);
  dump_tables (doc);
  g_assert_cmpuint (cf_document_get_tables (doc)->len, ==, 1);
  table = g_ptr_array_index (cf_document_get_tables (doc), 0);
  g_assert_cmpstr (cf_table_get_layout (table), ==, "stream");
  /* (The space between 表1 and a CJK title is not kept.) */
  g_assert_true (g_str_has_prefix (cf_table_get_title (table), "表1"));
  g_assert_true (g_str_has_suffix (cf_table_get_title (table), "收入支出决算表"));
  g_assert_cmpint (cf_table_get_n_rows (table), ==, G_N_ELEMENTS (bl_rows));
  g_assert_cmpint (cf_table_get_n_cols (table), ==, 3);
  check_borderless_statement (table, 0, 1, TRUE, 0);
  findings = findings_of (doc, table, "table.total");
  g_assert_cmpuint (findings->len, ==, 0);
}

/* The same statement as LibreOffice prints a borderless table: its cells
 * padded, so that rows (and the head over them) stand nearly two lines
 * apart, further than any line gap of the prose; issue #14. */
static void
draw_padded_statement (cairo_t *cr)
{
  cf_test_pdf_set_font (cr, CF_TEST_PDF_FONT, 10.5);
  cf_test_pdf_show_at (cr, 60, 60, "本部门2023年度收入支出决算情况如下。");
  bl_pitch = 34;
  draw_borderless_statement_at (cr, 120, "表1 收入支出决算表", FALSE);
  bl_pitch = 20;
  cf_test_pdf_set_font (cr, CF_TEST_PDF_FONT, 10.5);
  cf_test_pdf_show_at (cr, 60, 360, "二、关于2023年度收入决算情况的说明：收入合计较上年增加。");
}

static void
test_padded_statement (void)
{
  g_autofree char *path = cf_test_pdf_draw (tmpdir, "padded-statement.pdf", draw_padded_statement);
  g_autoptr (CfDocument) doc = cf_test_pdf_load (path);
  CfTable *table;

  dump_tables (doc);
  g_assert_cmpuint (cf_document_get_tables (doc)->len, ==, 1);
  table = g_ptr_array_index (cf_document_get_tables (doc), 0);
  g_assert_cmpstr (cf_table_get_layout (table), ==, "stream");
  g_assert_cmpint (cf_table_get_n_rows (table), ==, G_N_ELEMENTS (bl_rows));
  g_assert_cmpint (cf_table_get_n_cols (table), ==, 3);
  check_borderless_statement (table, 0, 1, FALSE, 0);
}

/* A padded borderless table (LibreOffice) whose zeros are printed blank:
 * a row shares one column of figures with the row above it, two or more
 * with the rows further up; the rows go on past the padding all the same,
 * one table, not two; issue #14. */
static const char *blank_rows[][5] = {
  { "一、自然人", "10", "20", "30", "60" },
  { "二、商业企业", "3", "", "", "3" },
  { "三、科研机构", "", "7", "8", "15" },
  { "四、总计", "13", "27", "38", "78" },
};

static void
draw_blank_cells (cairo_t *cr)
{
  static const double right[] = { 0, 220, 290, 360, 430 };
  double y = 120;

  cf_test_pdf_set_font (cr, CF_TEST_PDF_FONT, 10.5);
  cf_test_pdf_show_at (cr, 60, 60, "本机关2022年度收到申请情况如下。");
  cf_test_pdf_set_font (cr, CF_TEST_PDF_FONT, 9);
  for (guint r = 0; r < G_N_ELEMENTS (blank_rows); r++, y += 34)
    {
      cf_test_pdf_show_at (cr, 60, y, blank_rows[r][0]);
      for (guint c = 1; c < 5; c++)
        if (*blank_rows[r][c])
          cf_test_pdf_show_right (cr, right[c], y, blank_rows[r][c]);
    }
}

static void
test_padded_blank_cells (void)
{
  g_autofree char *path = cf_test_pdf_draw (tmpdir, "padded-blank-cells.pdf", draw_blank_cells);
  g_autoptr (CfDocument) doc = cf_test_pdf_load (path);
  CfTable *table;

  dump_tables (doc);
  g_assert_cmpuint (cf_document_get_tables (doc)->len, ==, 1);
  table = g_ptr_array_index (cf_document_get_tables (doc), 0);
  g_assert_cmpint (cf_table_get_n_rows (table), ==, G_N_ELEMENTS (blank_rows));
  g_assert_cmpint (cf_table_get_n_cols (table), ==, 5);
  for (guint r = 0; r < G_N_ELEMENTS (blank_rows); r++)
    for (guint c = 0; c < 5; c++)
      {
        CfCell *cell = cf_table_get_cell (table, r, c);
        const char *text = cell != NULL && cell->text != NULL ? cell->text : "";

        if (!g_str_equal (text, blank_rows[r][c]))
          {
            g_autofree char *grid = cf_test_pdf_table_grid (table, TRUE);
            g_error ("cell %u,%u: \"%s\", not \"%s\", in:\n%s", r, c, text, blank_rows[r][c], grid);
          }
      }
}

/* Numbered row labels wrapped round their figures, as LibreOffice prints
 * the national form's requests table borderless: 一、本年新收申请数 over the
 * figures, 量 under them. The label is no section heading: the first row
 * keeps it, and the table goes on at 二、…; issue #14. */
static const char *wrapped_rows[][4] = {
  { "一、本年新收申请数", "量", "10", "20" },
  { "二、上年结转申请数", "量", "3", "4" },
  { "三、本年度办理结果", NULL, "13", "24" },
};

static void
draw_wrapped_rows (cairo_t *cr)
{
  double y = 120;

  cf_test_pdf_set_font (cr, CF_TEST_PDF_FONT, 10.5);
  cf_test_pdf_show_at (cr, 60, 60, "本机关2022年度收到和处理申请情况如下。");
  cf_test_pdf_set_font (cr, CF_TEST_PDF_FONT, 9);
  for (guint r = 0; r < G_N_ELEMENTS (wrapped_rows); r++, y += 60)
    {
      double figures_y = wrapped_rows[r][1] != NULL ? y + 12 : y;

      cf_test_pdf_show_at (cr, 60, y, wrapped_rows[r][0]);
      cf_test_pdf_show_right (cr, 260, figures_y, wrapped_rows[r][2]);
      cf_test_pdf_show_right (cr, 330, figures_y, wrapped_rows[r][3]);
      if (wrapped_rows[r][1] != NULL)
        cf_test_pdf_show_at (cr, 60, y + 24, wrapped_rows[r][1]);
    }
}

static void
test_wrapped_row_labels (void)
{
  g_autofree char *path = cf_test_pdf_draw (tmpdir, "wrapped-row-labels.pdf", draw_wrapped_rows);
  g_autoptr (CfDocument) doc = cf_test_pdf_load (path);
  CfTable *table;

  dump_tables (doc);
  g_assert_cmpuint (cf_document_get_tables (doc)->len, ==, 1);
  table = g_ptr_array_index (cf_document_get_tables (doc), 0);
  g_assert_cmpint (cf_table_get_n_rows (table), ==, G_N_ELEMENTS (wrapped_rows));
  g_assert_cmpint (cf_table_get_n_cols (table), ==, 3);
  for (guint r = 0; r < G_N_ELEMENTS (wrapped_rows); r++)
    {
      g_autofree char *label = g_strconcat (wrapped_rows[r][0], wrapped_rows[r][1], NULL);

      for (guint c = 0; c < 3; c++)
        {
          CfCell *cell = cf_table_get_cell (table, r, c);
          const char *text = cell != NULL && cell->text != NULL ? cell->text : "";
          const char *want = c == 0 ? label : wrapped_rows[r][c + 1];

          if (!g_str_equal (text, want))
            {
              g_autofree char *grid = cf_test_pdf_table_grid (table, TRUE);
              g_error ("cell %u,%u: \"%s\", not \"%s\", in:\n%s", r, c, text, want, grid);
            }
        }
    }
}

/* Band rows, as wkhtmltopdf prints the national form's 主动公开 table
 * borderless: a band label alone on its line right under the last row of
 * the band before, over a head of its own; the band is a row of its own,
 * not the rest of the label above it; issue #14. */
static const char *band_lines[][4] = {
  { "第二十条第（一）项", NULL, NULL, NULL },
  { "信息内容", "本年新制作数量", "本年新公开数量", "对外公开总数量" },
  { "规章", "27", "14", "13" },
  { "规范性文件", "0", "8", "39" },
  { "第二十条第（五）项", NULL, NULL, NULL },
  { "信息内容", "上一年项目数量", "本年增/减", "处理决定数量" },
  { "行政许可", "23", "8", "38" },
  { "其他对外管理服务事项", "27", "7", "8" },
  { "第二十条第（六）项", NULL, NULL, NULL },
  { "信息内容", "上一年项目数量", "本年增/减", "处理决定数量" },
  { "行政处罚", "0", "38", "0" },
};

static void
draw_bands (cairo_t *cr)
{
  static const double xs[] = { 60, 170, 250, 330 };
  double y = 120;

  cf_test_pdf_set_font (cr, CF_TEST_PDF_FONT, 10.5);
  cf_test_pdf_show_at (cr, 60, 60, "本机关2020年度主动公开政府信息情况如下。");
  cf_test_pdf_set_font (cr, CF_TEST_PDF_FONT, 9);
  for (guint r = 0; r < G_N_ELEMENTS (band_lines); r++, y += 12.5)
    for (guint c = 0; c < 4; c++)
      if (band_lines[r][c] != NULL)
        cf_test_pdf_show_at (cr, xs[c], y, band_lines[r][c]);
}

static void
test_band_rows (void)
{
  g_autofree char *path = cf_test_pdf_draw (tmpdir, "bands.pdf", draw_bands);
  g_autoptr (CfDocument) doc = cf_test_pdf_load (path);
  CfTable *table;

  dump_tables (doc);
  g_assert_cmpuint (cf_document_get_tables (doc)->len, ==, 1);
  table = g_ptr_array_index (cf_document_get_tables (doc), 0);
  g_assert_cmpint (cf_table_get_n_rows (table), ==, G_N_ELEMENTS (band_lines));
  for (guint r = 0; r < G_N_ELEMENTS (band_lines); r++)
    {
      const char *label = origin_cell (table, r, 0)->text;

      if (!g_str_equal (label, band_lines[r][0]))
        {
          g_autofree char *grid = cf_test_pdf_table_grid (table, TRUE);
          g_error ("row %u: \"%s\", not \"%s\", in:\n%s", r, label, band_lines[r][0], grid);
        }
    }
}

/* ----------------------------------------------- two-level header, notes */

/* 年份 groups over 件数 / 占比 (percentages), a unit line above and a
 * source note below, neither of which is a row. */
static const double st_xs[] = { 60, 160, 240, 320, 400, 480 };
static const double st_ys[] = { 130, 150, 170, 190, 210, 230, 250 };
static const CfTestPdfCellSpec st_cells[] = {
  { 0, 0, 2, 1, "地区" }, { 0, 1, 1, 2, "2022年" }, { 0, 3, 1, 2, "2023年" },
  { 1, 1, 1, 1, "件数" }, { 1, 2, 1, 1, "占比" }, { 1, 3, 1, 1, "件数" }, { 1, 4, 1, 1, "占比" },
  { 2, 0, 1, 1, "东城区" }, { 2, 1, 1, 1, "120" }, { 2, 2, 1, 1, "12.5%" }, { 2, 3, 1, 1, "150" },
  { 2, 4, 1, 1, "15.0%" },
  { 3, 0, 1, 1, "西城区" }, { 3, 1, 1, 1, "360" }, { 3, 2, 1, 1, "37.5%" }, { 3, 3, 1, 1, "350" },
  { 3, 4, 1, 1, "35.0%" },
  { 4, 0, 1, 1, "朝阳区" }, { 4, 1, 1, 1, "480" }, { 4, 2, 1, 1, "50.0%" }, { 4, 3, 1, 1, "500" },
  { 4, 4, 1, 1, "50.0%" },
  { 5, 0, 1, 1, "合计" }, { 5, 1, 1, 1, "960" }, { 5, 2, 1, 1, "100.0%" }, { 5, 3, 1, 1, "1,000" },
  { 5, 4, 1, 1, "100.0%" },
};
static const double st_values[] = {
  NAN, 2022, 2023, /* years read as numbers, 年 their unit */
  NAN, NAN, NAN, NAN,
  NAN, 120, 12.5, 150, 15,
  NAN, 360, 37.5, 350, 35,
  NAN, 480, 50, 500, 50,
  NAN, 960, 100, 1000, 100,
};
static gboolean st_ruled;

static void
draw_statistics (cairo_t *cr)
{
  cf_test_pdf_set_font (cr, CF_TEST_PDF_FONT, 10.5);
  cf_test_pdf_show_at (cr, 60, 70, "（二）各区政府信息公开申请办理情况");
  cf_test_pdf_show_at (cr, 60, 92, "近两年各区申请数量统计如下表。");
  cf_test_pdf_set_font (cr, CF_TEST_PDF_FONT, 9);
  cf_test_pdf_show_right (cr, 480, 122, "单位：件");
  if (st_ruled)
    cf_test_pdf_draw_ruled (cr, st_xs, st_ys, st_cells, G_N_ELEMENTS (st_cells), 1);
  else
    for (guint i = 0; i < G_N_ELEMENTS (st_cells); i++)
      {
        const CfTestPdfCellSpec *c = &st_cells[i];
        double baseline = st_ys[c->row] + 14;
        if (c->row < 2)
          {
            /* Headers centred over their columns. */
            double mid = (st_xs[c->col] + st_xs[c->col + c->col_span]) / 2;
            if (c->col == 0)
              cf_test_pdf_show_at (cr, st_xs[0] + 3, st_ys[1] + 14, c->text);
            else
              cf_test_pdf_show_at (cr, mid - cf_test_pdf_text_width (cr, c->text) / 2, baseline, c->text);
          }
        else if (c->col == 0)
          cf_test_pdf_show_at (cr, st_xs[0] + 3, baseline, c->text);
        else
          cf_test_pdf_show_right (cr, st_xs[c->col + 1] - 3, baseline, c->text);
      }
  cf_test_pdf_show_at (cr, 60, 268, "资料来源：区政务服务管理局统计年报。");
  cf_test_pdf_set_font (cr, CF_TEST_PDF_FONT, 10.5);
  cf_test_pdf_show_at (cr, 60, 310, "三、存在的主要问题及改进情况");
}

static void
test_statistics (gconstpointer data)
{
  g_autofree char *path = NULL;
  g_autoptr (CfDocument) doc = NULL;
  g_autoptr (GPtrArray) findings = NULL;
  CfTable *table;

  st_ruled = GPOINTER_TO_INT (data);
  path = cf_test_pdf_draw (tmpdir, st_ruled ? "statistics-ruled.pdf" : "statistics.pdf", draw_statistics);
  doc = cf_test_pdf_load (path);
  cf_audit_document (doc, NULL);
  dump_tables (doc);
  g_assert_cmpuint (cf_document_get_tables (doc)->len, ==, 1);
  table = g_ptr_array_index (cf_document_get_tables (doc), 0);
  g_assert_cmpstr (cf_table_get_layout (table), ==, st_ruled ? "lattice" : "stream");
  g_assert_nonnull (strstr (cf_table_get_title (table), "各区政府信息公开申请办理情况"));
  if (st_ruled)
    {
      g_assert_cmpint (cf_table_get_n_rows (table), ==, 6);
      g_assert_cmpint (cf_table_get_n_cols (table), ==, 5);
      for (guint i = 0; i < G_N_ELEMENTS (st_cells); i++)
        check_ruled (table, st_xs, st_ys, &st_cells[i], 0, st_values[i], 1);
    }
  else
    {
      /* Two header rows: the years over two columns each, then 地区 and
       * 件数 / 占比 under them (headers centred over flush-right numbers). */
      g_assert_cmpint (cf_table_get_n_rows (table), ==, 6);
      g_assert_cmpint (cf_table_get_n_cols (table), ==, 5);
      for (guint i = 0; i < G_N_ELEMENTS (st_cells); i++)
        {
          const CfTestPdfCellSpec *spec = &st_cells[i];
          guint nth = 0;
          int row = spec->row;

          /* Drawn in this order: the same text may have been drawn before. */
          for (guint j = 0; j < i; j++)
            nth += g_str_equal (st_cells[j].text, spec->text);
          if (spec->row == 0 && spec->col == 0)
            row = 1; /* 地区 is drawn on the second header line */
          check_drawn (table, row, spec->col, spec->text, st_values[i], 1, nth, ONE (spec->text));
          g_assert_cmpint (origin_cell (table, row, spec->col)->col_span, ==, spec->col_span);
        }
    }
  /* Neither the unit nor the source is in any cell. */
  for (guint i = 0; i < cf_table_get_n_cells (table); i++)
    {
      const char *text = cf_table_get_cell_at (table, i)->text;
      g_assert_null (strstr (text, "单位"));
      g_assert_null (strstr (text, "资料来源"));
    }
  /* Shares are not summed; the counts add up. */
  findings = findings_of (doc, table, "table.total");
  g_assert_cmpuint (findings->len, ==, 0);
}

/* --------------------------------------------------------- side by side */

static const double sb_left_xs[] = { 40, 130, 190, 250 };
static const double sb_right_xs[] = { 320, 420, 490, 555 };
static const double sb_ys[] = { 120, 140, 160, 180, 200 };
static const CfTestPdfCellSpec sb_left[] = {
  { 0, 0, 1, 1, "类别" }, { 0, 1, 1, 1, "本年" }, { 0, 2, 1, 1, "上年" },
  { 1, 0, 1, 1, "依申请公开" }, { 1, 1, 1, 1, "52" }, { 1, 2, 1, 1, "47" },
  { 2, 0, 1, 1, "主动公开" }, { 2, 1, 1, 1, "1,306" }, { 2, 2, 1, 1, "1,210" },
  { 3, 0, 1, 1, "合计" }, { 3, 1, 1, 1, "1,358" }, { 3, 2, 1, 1, "1,257" },
};
static const double sb_left_values[] = { NAN, NAN, NAN, NAN, 52, 47, NAN, 1306, 1210, NAN, 1358, 1257 };
static const CfTestPdfCellSpec sb_right[] = {
  { 0, 0, 1, 1, "渠道" }, { 0, 1, 1, 1, "件数" }, { 0, 2, 1, 1, "占比" },
  { 1, 0, 1, 1, "网上申请" }, { 1, 1, 1, 1, "40" }, { 1, 2, 1, 1, "76.9%" },
  { 2, 0, 1, 1, "信函申请" }, { 2, 1, 1, 1, "12" }, { 2, 2, 1, 1, "23.1%" },
  { 3, 0, 1, 1, "合计" }, { 3, 1, 1, 1, "60" }, { 3, 2, 1, 1, "100.0%" },
};
static const double sb_right_values[] = { NAN, NAN, NAN, NAN, 40, 76.9, NAN, 12, 23.1, NAN, 60, 100 };
static const char *sb_prose[] = {
  "本机关坚持以公开为常态、",
  "不公开为例外，全年主动公",
  "开政府信息1306条，办理依",
  "申请公开52件，均在法定期",
  "限内答复，未发生因公开引",
  "起的行政复议和诉讼案件。",
};

static void
draw_side_by_side (cairo_t *cr)
{
  cf_test_pdf_set_font (cr, CF_TEST_PDF_FONT, 10.5);
  cf_test_pdf_show_at (cr, 40, 100, "表1 公开情况");
  cf_test_pdf_show_at (cr, 320, 100, "表2 申请渠道");
  cf_test_pdf_set_font (cr, CF_TEST_PDF_FONT, 9);
  cf_test_pdf_draw_ruled (cr, sb_left_xs, sb_ys, sb_left, G_N_ELEMENTS (sb_left), 1);
  cf_test_pdf_draw_ruled (cr, sb_right_xs, sb_ys, sb_right, G_N_ELEMENTS (sb_right), 1);

  /* A ruled table with prose beside it, then a borderless one. */
  cf_test_pdf_set_font (cr, CF_TEST_PDF_FONT, 10.5);
  cf_test_pdf_show_at (cr, 40, 300, "表3 公开情况（续）");
  cf_test_pdf_set_font (cr, CF_TEST_PDF_FONT, 9);
  {
    static const double ys[] = { 320, 340, 360, 380, 400 };
    cf_test_pdf_draw_ruled (cr, sb_left_xs, ys, sb_left, G_N_ELEMENTS (sb_left), 1);
  }
  cf_test_pdf_set_font (cr, CF_TEST_PDF_FONT, 10.5);
  for (guint i = 0; i < G_N_ELEMENTS (sb_prose); i++)
    cf_test_pdf_show_at (cr, 300, 334 + i * 16, sb_prose[i]);
}

static void
test_side_by_side (void)
{
  g_autofree char *path = cf_test_pdf_draw (tmpdir, "side-by-side.pdf", draw_side_by_side);
  g_autoptr (CfDocument) doc = cf_test_pdf_load (path);
  g_autoptr (GPtrArray) left_findings = NULL;
  g_autoptr (GPtrArray) right_findings = NULL;
  static const double ys3[] = { 320, 340, 360, 380, 400 };
  CfTable *left, *right, *beside;
  const char *text;

  cf_audit_document (doc, NULL);
  dump_tables (doc);
  g_assert_cmpuint (cf_document_get_tables (doc)->len, ==, 3);
  left = cf_test_pdf_find_table_titled (doc, "表1");
  right = cf_test_pdf_find_table_titled (doc, "表2");
  beside = cf_test_pdf_find_table_titled (doc, "表3");
  g_assert_nonnull (left);
  g_assert_nonnull (right);
  g_assert_nonnull (beside);
  g_assert_cmpint (cf_table_get_n_cols (left), ==, 3);
  g_assert_cmpint (cf_table_get_n_cols (right), ==, 3);
  g_assert_cmpint (cf_table_get_n_cols (beside), ==, 3);
  for (guint i = 0; i < G_N_ELEMENTS (sb_left); i++)
    {
      check_ruled (left, sb_left_xs, sb_ys, &sb_left[i], 0, sb_left_values[i], 1);
      check_ruled (right, sb_right_xs, sb_ys, &sb_right[i], 0, sb_right_values[i], 1);
      check_ruled (beside, sb_left_xs, ys3, &sb_left[i], 0, sb_left_values[i], 1);
    }
  /* The right table's 合计 is 8 over; the left one adds up. */
  left_findings = findings_of (doc, left, "table.total");
  g_assert_cmpuint (left_findings->len, ==, 0);
  right_findings = findings_of (doc, right, "table.total");
  g_assert_cmpuint (right_findings->len, ==, 1);
  g_assert_cmpint (g_array_index (((CfFinding *) g_ptr_array_index (right_findings, 0))->cells,
                                  CfCellRef, 0).row, ==, 3);
  g_assert_cmpint (g_array_index (((CfFinding *) g_ptr_array_index (right_findings, 0))->cells,
                                  CfCellRef, 0).col, ==, 1);
  /* The prose stays running text. */
  text = cf_document_get_text (doc, NULL);
  g_assert_nonnull (strstr (text, sb_prose[0]));
  for (guint i = 0; i < cf_table_get_n_cells (beside); i++)
    g_assert_null (strstr (cf_table_get_cell_at (beside, i)->text, "公开为"));
}

/* The same two tables borderless, side by side, and a borderless table
 * with prose beside it. */
static void
draw_side_by_side_borderless (cairo_t *cr)
{
  cf_test_pdf_set_font (cr, CF_TEST_PDF_FONT, 10.5);
  cf_test_pdf_show_at (cr, 40, 100, "表1 公开情况");
  cf_test_pdf_show_at (cr, 320, 100, "表2 申请渠道");
  cf_test_pdf_set_font (cr, CF_TEST_PDF_FONT, 9);
  for (guint i = 0; i < G_N_ELEMENTS (sb_left); i++)
    {
      const CfTestPdfCellSpec *l = &sb_left[i], *r = &sb_right[i];
      double baseline = sb_ys[l->row] + 14;

      if (l->col == 0)
        cf_test_pdf_show_at (cr, sb_left_xs[0] + 3, baseline, l->text);
      else
        cf_test_pdf_show_right (cr, sb_left_xs[l->col + 1] - 3, baseline, l->text);
      if (r->col == 0)
        cf_test_pdf_show_at (cr, sb_right_xs[0] + 3, baseline, r->text);
      else
        cf_test_pdf_show_right (cr, sb_right_xs[r->col + 1] - 3, baseline, r->text);
    }
  cf_test_pdf_set_font (cr, CF_TEST_PDF_FONT, 10.5);
  cf_test_pdf_show_at (cr, 40, 300, "表3 公开情况（续）");
  cf_test_pdf_set_font (cr, CF_TEST_PDF_FONT, 9);
  for (guint i = 0; i < G_N_ELEMENTS (sb_left); i++)
    {
      const CfTestPdfCellSpec *l = &sb_left[i];
      double baseline = 320 + l->row * 20 + 14;

      if (l->col == 0)
        cf_test_pdf_show_at (cr, sb_left_xs[0] + 3, baseline, l->text);
      else
        cf_test_pdf_show_right (cr, sb_left_xs[l->col + 1] - 3, baseline, l->text);
    }
  cf_test_pdf_set_font (cr, CF_TEST_PDF_FONT, 10.5);
  for (guint i = 0; i < G_N_ELEMENTS (sb_prose); i++)
    cf_test_pdf_show_at (cr, 300, 334 + i * 16, sb_prose[i]);
}

/* How many times @text was drawn before cell @i of @cells: the cells of
 * tables 1 and 2 are drawn in turn, then those of table 3. */
static guint
side_drawn_before (const char *text, const CfTestPdfCellSpec *cells, guint i)
{
  guint n = 0, until_left = i, until_right = i;

  if (cells == sb_right)
    until_left = i + 1;
  else if (cells != sb_left)
    until_left = until_right = G_N_ELEMENTS (sb_left);
  for (guint j = 0; j < until_left; j++)
    n += g_str_equal (sb_left[j].text, text);
  for (guint j = 0; j < until_right; j++)
    n += g_str_equal (sb_right[j].text, text);
  return n;
}

static void
check_borderless_side (CfTable *table, const CfTestPdfCellSpec *cells, const double *values, gboolean third)
{
  for (guint i = 0; i < G_N_ELEMENTS (sb_left); i++)
    {
      guint nth = side_drawn_before (cells[i].text, third ? NULL : cells, i);

      if (third)
        for (guint j = 0; j < i; j++)
          nth += g_str_equal (cells[j].text, cells[i].text);
      check_drawn (table, cells[i].row, cells[i].col, cells[i].text, values[i], 1, nth, ONE (cells[i].text));
    }
  g_assert_cmpint (cf_table_get_n_rows (table), ==, 4);
  g_assert_cmpint (cf_table_get_n_cols (table), ==, 3);
}

static void
test_side_by_side_borderless (void)
{
  g_autofree char *path = cf_test_pdf_draw (tmpdir, "side-by-side-borderless.pdf",
                                            draw_side_by_side_borderless);
  g_autoptr (CfDocument) doc = cf_test_pdf_load (path);
  g_autoptr (GPtrArray) left_findings = NULL;
  g_autoptr (GPtrArray) right_findings = NULL;
  CfTable *left, *right, *beside;

  cf_audit_document (doc, NULL);
  dump_tables (doc);
  g_assert_cmpuint (cf_document_get_tables (doc)->len, ==, 3);
  left = cf_test_pdf_find_table_titled (doc, "表1");
  right = cf_test_pdf_find_table_titled (doc, "表2");
  beside = cf_test_pdf_find_table_titled (doc, "表3");
  g_assert_nonnull (left);
  g_assert_nonnull (right);
  g_assert_nonnull (beside);
  check_borderless_side (left, sb_left, sb_left_values, FALSE);
  check_borderless_side (right, sb_right, sb_right_values, FALSE);
  check_borderless_side (beside, sb_left, sb_left_values, TRUE);
  /* The right table's 合计 is 8 over, at (3,1); the left one adds up. */
  left_findings = findings_of (doc, left, "table.total");
  g_assert_cmpuint (left_findings->len, ==, 0);
  right_findings = findings_of (doc, right, "table.total");
  g_assert_cmpuint (right_findings->len, ==, 1);
  g_assert_cmpint (g_array_index (((CfFinding *) g_ptr_array_index (right_findings, 0))->cells,
                                  CfCellRef, 0).row, ==, 3);
  g_assert_cmpint (g_array_index (((CfFinding *) g_ptr_array_index (right_findings, 0))->cells,
                                  CfCellRef, 0).col, ==, 1);
  /* The prose beside table 3 is running text, in no cell. */
  g_assert_nonnull (strstr (cf_document_get_text (doc, NULL), sb_prose[0]));
  for (guint i = 0; i < cf_table_get_n_cells (beside); i++)
    g_assert_null (strstr (cf_table_get_cell_at (beside, i)->text, "公开为"));
}

/* ------------------------------------------- borderless over two pages */

/* A general borderless table running over a page break, with the header
 * printed again on the next page or not. */
static const char *cont_regions[] = {
  "东城区", "西城区", "朝阳区", "丰台区", "石景山区", "海淀区", "门头沟区", "房山区", "通州区",
  "顺义区", "昌平区", "大兴区", "怀柔区", "平谷区", "密云区", "延庆区",
};
#define CONT_PAGE1 10 /* regions on the first page */
static const double cont_right[] = { 0, 300, 380, 460 };
static gboolean cont_header_again;

/* @n with thousands separators, as statements print it. */
static char *
with_commas (int n)
{
  g_autofree char *digits = g_strdup_printf ("%d", n);
  GString *out = g_string_new (NULL);
  int len = strlen (digits);

  for (int i = 0; i < len; i++)
    {
      if (i > 0 && (len - i) % 3 == 0)
        g_string_append_c (out, ',');
      g_string_append_c (out, digits[i]);
    }
  return g_string_free (out, FALSE);
}

/* The @k-th value of region @r as printed. */
static char *
cont_text (int v, int k)
{
  return k == 0 ? g_strdup_printf ("%d", v) : with_commas (v);
}

static void
cont_values (guint r, int v[3])
{
  v[0] = 20 + (int) (r * 37 % 50);
  v[1] = 1000 + (int) (r * 211 % 900);
  v[2] = v[0] + v[1];
}

static void
cont_row (cairo_t *cr, double y, const char *label, const char *a, const char *b, const char *c)
{
  cf_test_pdf_show_at (cr, 60, y, label);
  cf_test_pdf_show_right (cr, cont_right[1], y, a);
  cf_test_pdf_show_right (cr, cont_right[2], y, b);
  cf_test_pdf_show_right (cr, cont_right[3], y, c);
}

static void
cont_header (cairo_t *cr, double y)
{
  cont_row (cr, y, "地区", "依申请公开", "主动公开", "合计");
}

static void
draw_continued (cairo_t *cr)
{
  int sum[3] = { 0, 0, 0 };
  double y;

  cf_test_pdf_set_font (cr, CF_TEST_PDF_FONT, 10.5);
  for (int i = 0; i < 20; i++)
    cf_test_pdf_show_at (cr, 60, 60 + i * 20, "本年度各区政府信息公开工作情况统计如下，各区均按时完成年度报告。");
  cf_test_pdf_show_at (cr, 60, 500, "表4 各区政府信息公开情况统计");
  cf_test_pdf_set_font (cr, CF_TEST_PDF_FONT, 9);
  cont_header (cr, 530);
  y = 550;
  for (guint r = 0; r < G_N_ELEMENTS (cont_regions); r++)
    {
      int v[3];
      g_autofree char *a = NULL, *b = NULL, *c = NULL;

      if (r == CONT_PAGE1)
        {
          cf_test_pdf_set_font (cr, CF_TEST_PDF_FONT, 10.5);
          cf_test_pdf_show_at (cr, 280, 820, "- 1 -");
          cf_test_pdf_next_page (cr);
          cf_test_pdf_set_font (cr, CF_TEST_PDF_FONT, 9);
          y = 60;
          if (cont_header_again)
            {
              cont_header (cr, y);
              y += 20;
            }
        }
      cont_values (r, v);
      for (int k = 0; k < 3; k++)
        sum[k] += v[k];
      a = cont_text (v[0], 0);
      b = cont_text (v[1], 1);
      c = cont_text (v[2], 2);
      cont_row (cr, y, cont_regions[r], a, b, c);
      y += 20;
    }
  {
    g_autofree char *a = g_strdup_printf ("%d", sum[0]);
    g_autofree char *b = g_strdup_printf ("%d", sum[1]);
    g_autofree char *c = g_strdup_printf ("%d", sum[2]);
    cont_row (cr, y, "合计", a, b, c);
  }
  cf_test_pdf_set_font (cr, CF_TEST_PDF_FONT, 10.5);
  cf_test_pdf_show_at (cr, 60, y + 40, "四、政府信息公开行政复议、行政诉讼情况");
}

static void
test_continued (gconstpointer data)
{
  g_autofree char *path = NULL;
  g_autoptr (CfDocument) doc = NULL;
  g_autoptr (GPtrArray) findings = NULL;
  CfTable *table;
  guint header_nth = 0;

  cont_header_again = GPOINTER_TO_INT (data);
  path = cf_test_pdf_draw (tmpdir, cont_header_again ? "continued-header.pdf" : "continued.pdf",
                           draw_continued);
  doc = cf_test_pdf_load (path);
  cf_audit_document (doc, NULL);
  dump_tables (doc);
  g_assert_cmpuint (cf_document_get_tables (doc)->len, ==, 1);
  table = g_ptr_array_index (cf_document_get_tables (doc), 0);
  g_assert_cmpstr (cf_table_get_layout (table), ==, "stream");
  g_assert_true (g_str_has_suffix (cf_table_get_title (table), "各区政府信息公开情况统计"));
  /* One header row (the repeated one dropped), the regions, 合计. */
  g_assert_cmpint (cf_table_get_n_rows (table), ==, 1 + G_N_ELEMENTS (cont_regions) + 1);
  g_assert_cmpint (cf_table_get_n_cols (table), ==, 4);
  check_drawn (table, 0, 0, "地区", NAN, 1, header_nth, ONE ("地区"));
  check_drawn (table, 0, 3, "合计", NAN, 1, 0, ONE ("合计"));
  for (guint r = 0; r < G_N_ELEMENTS (cont_regions); r++)
    {
      int v[3], page = r < CONT_PAGE1 ? 1 : 2;

      cont_values (r, v);
      check_drawn (table, r + 1, 0, cont_regions[r], NAN, page, 0, ONE (cont_regions[r]));
      for (int k = 0; k < 3; k++)
        {
          g_autofree char *text = cont_text (v[k], k);
          guint nth = 0;
          /* The same number may have been drawn before. */
          for (guint rr = 0; rr < r; rr++)
            {
              int w[3];
              cont_values (rr, w);
              for (int kk = 0; kk < 3; kk++)
                {
                  g_autofree char *other = cont_text (w[kk], kk);
                  nth += g_str_equal (other, text);
                }
            }
          for (int kk = 0; kk < k; kk++)
            {
              g_autofree char *other = cont_text (v[kk], kk);
              nth += g_str_equal (other, text);
            }
          check_drawn (table, r + 1, k + 1, text, v[k], page, nth, ONE (text));
        }
    }
  check_cell (table, G_N_ELEMENTS (cont_regions) + 1, 0, "合计", NAN, 2);
  findings = findings_of (doc, table, "table.total");
  g_assert_cmpuint (findings->len, ==, 0);
}

/* ------------------------------- borderless requests table, cut by a page */

/* The national requests table (gip-2021) as a word processor prints it
 * without rulings: three label columns (group, sub-group, item), group labels
 * centred down the rows they head, wrapped labels, numbers flush right. The
 * page breaks inside a group: page 2 goes on with rows whose groups were
 * printed on page 1 only, so it may hold no group label at all. */
typedef struct
{
  const char *name;
  guint       first_on_page2; /* the row the page break starts page 2 with */
  gboolean    header_again;   /* the column headers are printed on page 2 too */
} RequestsCut;

static const RequestsCut *rq_cut;
static double rq_row_top[G_N_ELEMENTS (cf_test_pdf_rows_2021) + 1]; /* on the row's own page */

static void
rq_header (cairo_t *cr, double y)
{
  static const char *heads[] = { "商业企业", "科研机构", "社会公益组织", "法律服务机构", "其他" };

  cf_test_pdf_show_at (cr, 400, y, "申请人情况");
  cf_test_pdf_show_at (cr, 270, y + 16, "自然人");
  cf_test_pdf_show_at (cr, 380, y + 16, "法人或其他组织");
  cf_test_pdf_show_at (cr, cf_test_pdf_form_value_right[6] - 16, y + 16, "总计");
  for (guint c = 0; c < 5; c++)
    {
      double x1 = cf_test_pdf_form_value_right[c + 1] + 2;
      cf_test_pdf_draw_label (cr, heads[c], x1 - 40, x1, y + 31);
    }
}

#define RQ_PAGE1_END 790.0

/* Where row @r ends on its page. */
static double
rq_row_bottom (guint r)
{
  return r + 1 == rq_cut->first_on_page2 ? RQ_PAGE1_END : rq_row_top[r + 1];
}

/* A group label over rows [@from, @to) of its page, centred on them. */
static void
rq_group (cairo_t *cr, const char *text, int col, guint from, guint to)
{
  cf_test_pdf_draw_label (cr, text, cf_test_pdf_form_label_xs[col], cf_test_pdf_form_label_xs[col + 1],
                          (rq_row_top[from] + rq_row_bottom (to - 1)) / 2);
}

/* How many lines row @r's own label is wrapped to. */
static guint
rq_n_lines (cairo_t *cr, guint r)
{
  const CfTestPdfFormRow *row = &cf_test_pdf_rows_2021[r];
  g_autoptr (GPtrArray) lines = cf_test_pdf_wrap (cr, row->label, cf_test_pdf_form_label_xs[3]
                                                  - cf_test_pdf_form_label_xs[row->label_col] - 4);

  return lines->len;
}

static void
draw_requests_cut (cairo_t *cr)
{
  const guint cut = rq_cut->first_on_page2, n = G_N_ELEMENTS (cf_test_pdf_rows_2021);
  double y, height1 = 0;

  cf_test_pdf_set_font (cr, CF_TEST_PDF_FONT, CF_TEST_PDF_FORM_FONT);
  /* Rows as high as their wrapped label; page 1 ends near its foot. */
  for (guint r = 0; r < cut; r++)
    height1 += rq_n_lines (cr, r) * CF_TEST_PDF_FORM_LINE + 4;
  y = RQ_PAGE1_END - height1;
  for (guint r = 0; r <= n; r++)
    {
      if (r == cut)
        y = rq_cut->header_again ? 100 : 60;
      rq_row_top[r] = y;
      if (r < n)
        y += rq_n_lines (cr, r) * CF_TEST_PDF_FORM_LINE + 4;
    }

  cf_test_pdf_set_font (cr, CF_TEST_PDF_FONT, 10.5);
  for (int i = 0; i * 20 + 60 < rq_row_top[0] - 130; i++)
    cf_test_pdf_show_at (cr, 40, 60 + i * 20, "本机关2021年共收到政府信息公开申请，均已按时答复，无超期答复情况。");
  cf_test_pdf_show_at (cr, 40, rq_row_top[0] - 70, "三、收到和处理政府信息公开申请情况");
  cf_test_pdf_set_font (cr, CF_TEST_PDF_FONT, CF_TEST_PDF_FORM_FONT);
  rq_header (cr, rq_row_top[0] - 44);
  for (guint r = 0; r < n; r++)
    {
      const CfTestPdfFormRow *row = &cf_test_pdf_rows_2021[r];
      double cy;

      if (r == cut)
        {
          cf_test_pdf_set_font (cr, CF_TEST_PDF_FONT, 10.5);
          cf_test_pdf_show_at (cr, 280, 820, "- 1 -");
          cf_test_pdf_next_page (cr);
          cf_test_pdf_set_font (cr, CF_TEST_PDF_FONT, CF_TEST_PDF_FORM_FONT);
          if (rq_cut->header_again)
            rq_header (cr, 56);
        }
      cy = (rq_row_top[r] + rq_row_bottom (r)) / 2;
      cf_test_pdf_draw_label (cr, row->label, cf_test_pdf_form_label_xs[row->label_col],
                              cf_test_pdf_form_label_xs[3], cy);
      /* A group the page break cuts is printed on page 1 only. */
      if (row->group)
        rq_group (cr, row->group, 0, r, r < cut ? MIN (r + row->group_rows, cut) : r + row->group_rows);
      if (row->sub)
        rq_group (cr, row->sub, 1, r, r < cut ? MIN (r + row->sub_rows, cut) : r + row->sub_rows);
      for (guint c = 0; c < G_N_ELEMENTS (cf_test_pdf_form_cols); c++)
        {
          g_autofree char *value = g_strdup_printf ("%d", cf_test_pdf_form_value (r, c));
          cf_test_pdf_show_right (cr, cf_test_pdf_form_value_right[c], cy + CF_TEST_PDF_FORM_LINE * 0.3,
                                  value);
        }
    }
  cf_test_pdf_set_font (cr, CF_TEST_PDF_FONT, 10.5);
  cf_test_pdf_show_at (cr, 40, rq_row_top[n] + 30, "四、政府信息公开行政复议、行政诉讼情况");
}

static void
test_requests_cut (gconstpointer data)
{
  g_autofree char *path = NULL;
  g_autoptr (CfDocument) doc = NULL;
  g_autoptr (GString) diff = g_string_new (NULL);
  const guint n = G_N_ELEMENTS (cf_test_pdf_rows_2021);
  CfTable *table;
  guint wrong = 0;

  rq_cut = data;
  {
    g_autofree char *name = g_strconcat (rq_cut->name, ".pdf", NULL);
    path = cf_test_pdf_draw (tmpdir, name, draw_requests_cut);
  }
  doc = cf_test_pdf_load (path);
  cf_audit_document (doc, NULL);
  if (g_test_verbose ())
    dump_tables (doc);
  g_assert_cmpstr (cf_document_get_form (doc), ==, "gip-2021");
  table = cf_document_find_table (doc, "requests");
  g_assert_nonnull (table);
  g_assert_cmpstr (cf_table_get_layout (table), ==, "stream");
  /* Every value under its keys, on the page it was drawn on. */
  for (guint r = 0; r < n; r++)
    for (guint c = 0; c < G_N_ELEMENTS (cf_test_pdf_form_cols); c++)
      {
        const char *row_key = cf_test_pdf_rows_2021[r].key;
        CfCell *cell = cf_table_find_by_keys (table, row_key, cf_test_pdf_form_cols[c]);
        g_autofree char *want = g_strdup_printf ("%d", cf_test_pdf_form_value (r, c));

        if (cell == NULL || g_strcmp0 (cell->text, want) != 0 || cell->page != (r < rq_cut->first_on_page2 ? 1 : 2)
            || fabs (cell->bbox[2] - cf_test_pdf_form_value_right[c]) > 1.5)
          {
            if (c == 0 || cell != NULL)
              g_string_append_printf (diff, " %s/%s=%s", row_key, cf_test_pdf_form_cols[c],
                                      cell ? cell->text : "(none)");
            wrong++;
          }
      }
  if (wrong > 0)
    {
      dump_tables (doc);
      g_error ("%s: %u of %u requests cells wrong:%s", rq_cut->name, wrong, n * CF_TEST_PDF_N_FORM_COLS,
               diff->str);
    }
  /* Group labels are one cell each, down all the rows they head, on both pages. */
  for (guint r = 0; r < n; r++)
    for (int k = 0; k < 2; k++)
      {
        const char *group = k == 0 ? cf_test_pdf_rows_2021[r].group : cf_test_pdf_rows_2021[r].sub;
        int rows = k == 0 ? cf_test_pdf_rows_2021[r].group_rows : cf_test_pdf_rows_2021[r].sub_rows;
        CfCell *cell = NULL, *first = NULL, *last = NULL;

        if (group == NULL)
          continue;
        for (guint i = 0; i < cf_table_get_n_cells (table) && cell == NULL; i++)
          if (g_str_equal (cf_table_get_cell_at (table, i)->text, group))
            cell = cf_table_get_cell_at (table, i);
        if (cell == NULL)
          g_error ("%s: no cell \"%s\"", rq_cut->name, group);
        g_assert_cmpint (cell->col, ==, k);
        g_assert_cmpint (cell->page, ==, r < rq_cut->first_on_page2 ? 1 : 2);
        /* Its first and last rows are those of its first and last items. */
        first = cf_table_find_by_keys (table, cf_test_pdf_rows_2021[r].key, "total");
        last = cf_table_find_by_keys (table, cf_test_pdf_rows_2021[r + rows - 1].key, "total");
        g_assert_nonnull (first);
        g_assert_nonnull (last);
        if (cell->row != first->row || cell->row + cell->row_span - 1 != last->row)
          {
            dump_tables (doc);
            g_error ("%s: \"%s\" covers rows %d-%d, not %d-%d", rq_cut->name, group, cell->row,
                     cell->row + cell->row_span - 1, first->row, last->row);
          }
      }
}

static const RequestsCut requests_cuts[] = {
  /* Page 2 starts inside 三（三）不予公开 with its items 5.–8. */
  { "requests-cut-in-withheld", 8, FALSE },
  { "requests-cut-in-withheld-header", 8, TRUE },
  /* Page 2 starts inside （六）: no group label on it at all, so fewer
   * label columns there. */
  { "requests-cut-in-other", 21, FALSE },
  { "requests-cut-in-other-header", 21, TRUE },
  /* Page 2 starts at a group: nothing to carry over. */
  { "requests-cut-at-unavailable", 12, FALSE },
};

/* ------------------------------------ what is a table, rows, confidence */

/* Issue #15: tables of any report. Each of these is drawn as the statistics
 * of a published report are set: ruled only around head and foot, a head
 * spanning its columns' heads in one ruled band, rules between rows only,
 * a chart beside a table. */

static const char *
text_at (CfTable *table, int row, int col)
{
  return origin_cell (table, row, col)->text;
}

/* The table's confidence, through its GObject property, within 0–1. */
static double
confidence_of (CfTable *table)
{
  double confidence = -2;

  g_object_get (table, "confidence", &confidence, NULL);
  g_assert_cmpfloat (confidence, ==, cf_table_get_confidence (table));
  g_assert_cmpfloat (confidence, >=, 0.0);
  g_assert_cmpfloat (confidence, <=, 1.0);
  return confidence;
}

static void
stroke_line (cairo_t *cr, double x0, double y0, double x1, double y1)
{
  cairo_set_line_width (cr, 0.75);
  cairo_move_to (cr, x0, y0);
  cairo_line_to (cr, x1, y1);
  cairo_stroke (cr);
}

/* Columns ruled down the whole table, but rows only under the head and over
 * the total: the body's rows are told apart by their lines of figures, and
 * a label wrapped on a second line stays one cell. */
static const double pr_xs[] = { 60, 220, 320, 420, 520 };
static const char *const pr_rows[][4] = {
  { "Bulgaria", "2.3", "3.2", "5.5" },
  { "Cyprus", "0.21", "0", "0.21" },
  { "Czech Republic", "8.8", "13.4", "22.2" },
  { "Technical", "0.5", "0.3", "0.8" }, /* "assistance" on the line below */
  { "Estonia", "1.1", "1.9", "3.0" },
};

static void
draw_partly_ruled (cairo_t *cr)
{
  double y = 133;

  cf_test_pdf_set_font (cr, CF_TEST_PDF_FONT, 9);
  cf_test_pdf_show_at (cr, 60, 80, "Table 3. Funds by country (EUR bn)");
  for (guint k = 0; k < G_N_ELEMENTS (pr_xs); k++)
    stroke_line (cr, pr_xs[k], 100, pr_xs[k], 236);
  stroke_line (cr, 60, 100, 520, 100);
  stroke_line (cr, 60, 120, 520, 120);
  stroke_line (cr, 60, 220, 520, 220);
  stroke_line (cr, 60, 236, 520, 236);
  cf_test_pdf_show_at (cr, 64, 113, "Country");
  cf_test_pdf_show_right (cr, 316, 113, "Fund A");
  cf_test_pdf_show_right (cr, 416, 113, "Fund B");
  cf_test_pdf_show_right (cr, 516, 113, "Total");
  for (guint r = 0; r < G_N_ELEMENTS (pr_rows); r++)
    {
      cf_test_pdf_show_at (cr, 64, y, pr_rows[r][0]);
      for (guint c = 1; c < 4; c++)
        cf_test_pdf_show_right (cr, pr_xs[c + 1] - 4, y, pr_rows[r][c]);
      if (g_str_equal (pr_rows[r][0], "Technical"))
        {
          y += 12;
          cf_test_pdf_show_at (cr, 64, y, "assistance");
        }
      y += 16;
    }
  cf_test_pdf_show_at (cr, 64, 231, "TOTAL");
  cf_test_pdf_show_right (cr, 316, 231, "12.91");
  cf_test_pdf_show_right (cr, 416, 231, "18.8");
  cf_test_pdf_show_right (cr, 516, 231, "31.71");
}

static void
test_partly_ruled (void)
{
  g_autofree char *path = cf_test_pdf_draw (tmpdir, "partly-ruled.pdf", draw_partly_ruled);
  g_autoptr (CfDocument) doc = cf_test_pdf_load (path);
  CfTable *table;

  dump_tables (doc);
  g_assert_cmpuint (cf_document_get_tables (doc)->len, ==, 1);
  table = g_ptr_array_index (cf_document_get_tables (doc), 0);
  g_assert_cmpint (cf_table_get_n_rows (table), ==, 7);
  g_assert_cmpint (cf_table_get_n_cols (table), ==, 4);
  g_assert_cmpstr (text_at (table, 0, 1), ==, "Fund A");
  for (guint r = 0; r < G_N_ELEMENTS (pr_rows); r++)
    for (guint c = 1; c < 4; c++)
      g_assert_cmpstr (text_at (table, r + 1, c), ==, pr_rows[r][c]);
  g_assert_cmpstr (text_at (table, 1, 0), ==, "Bulgaria");
  g_assert_cmpstr (text_at (table, 4, 0), ==, "Technical assistance");
  g_assert_cmpstr (text_at (table, 5, 0), ==, "Estonia");
  g_assert_cmpstr (text_at (table, 6, 3), ==, "31.71");
  g_assert_cmpfloat (confidence_of (table), >=, 0.8);
}

/* A head over three columns above their own heads, in one ruled band (no
 * rule under the span): the rules between those columns start under it. */
static const double sh_xs[] = { 60, 200, 300, 400, 500 };

static void
draw_spanning_head (cairo_t *cr)
{
  static const char *const rows[][4] = {
    { "Headache", "239", "119", "128" },
    { "Back-ache", "139", "126", "219" },
    { "Dizziness", "123", "69", "293" },
  };

  cf_test_pdf_set_font (cr, CF_TEST_PDF_FONT, 9);
  cf_test_pdf_show_at (cr, 60, 280, "Table 2. Symptoms by frequency");
  for (double y = 300; y <= 375; y += (y < 330 ? 30 : 15))
    stroke_line (cr, 60, y, 500, y);
  stroke_line (cr, 60, 300, 60, 375);
  stroke_line (cr, 200, 300, 200, 375);
  stroke_line (cr, 300, 316, 300, 375);
  stroke_line (cr, 400, 316, 400, 375);
  stroke_line (cr, 500, 300, 500, 375);
  cf_test_pdf_show_at (cr, 64, 312, "Symptom");
  cf_test_pdf_show_at (cr, 204, 312, "How often do you have it?");
  cf_test_pdf_show_at (cr, 204, 326, "Weekly");
  cf_test_pdf_show_at (cr, 304, 326, "Monthly");
  cf_test_pdf_show_at (cr, 404, 326, "Rarely");
  for (guint r = 0; r < G_N_ELEMENTS (rows); r++)
    {
      cf_test_pdf_show_at (cr, 64, 341 + 15 * r, rows[r][0]);
      for (guint c = 1; c < 4; c++)
        cf_test_pdf_show_right (cr, sh_xs[c + 1] - 4, 341 + 15 * r, rows[r][c]);
    }
}

static void
test_spanning_head (void)
{
  g_autofree char *path = cf_test_pdf_draw (tmpdir, "spanning-head.pdf", draw_spanning_head);
  g_autoptr (CfDocument) doc = cf_test_pdf_load (path);
  CfTable *table;
  CfCell *head;

  dump_tables (doc);
  g_assert_cmpuint (cf_document_get_tables (doc)->len, ==, 1);
  table = g_ptr_array_index (cf_document_get_tables (doc), 0);
  g_assert_cmpint (cf_table_get_n_rows (table), ==, 5);
  g_assert_cmpint (cf_table_get_n_cols (table), ==, 4);
  head = origin_cell (table, 0, 1);
  g_assert_cmpstr (head->text, ==, "How often do you have it?");
  g_assert_cmpint (head->col_span, ==, 3);
  g_assert_cmpstr (text_at (table, 1, 1), ==, "Weekly");
  g_assert_cmpstr (text_at (table, 1, 3), ==, "Rarely");
  g_assert_cmpstr (text_at (table, 2, 0), ==, "Headache");
  g_assert_cmpstr (text_at (table, 4, 3), ==, "293");
  confidence_of (table);
}

/* Rules under every row and none down the columns, the head white on a
 * coloured band: the rules make no grid; the columns come from how the
 * text lines up. */
static void
draw_row_rules_only (cairo_t *cr)
{
  static const char *const rows[][4] = {
    { "Austria", "86.2", "13.8", "3,375" },
    { "Belgium", "0", "100.0", "3,973" },
    { "Czech Republic", "98.6", "1.4", "17,655" },
    { "EU Total", "65.1", "7.9", "151,292" },
  };
  static const double right[] = { 0, 300, 400, 500 };

  cf_test_pdf_set_font (cr, CF_TEST_PDF_FONT, 9);
  cf_test_pdf_show_at (cr, 60, 100, "Table SA3. Cases by origin");
  cairo_set_source_rgb (cr, 0.95, 0.55, 0.15);
  cairo_rectangle (cr, 60, 110, 450, 18);
  cairo_fill (cr);
  cairo_set_source_rgb (cr, 1, 1, 1);
  cf_test_pdf_show_at (cr, 64, 122, "Country");
  cf_test_pdf_show_right (cr, 300, 122, "Domestic (%)");
  cf_test_pdf_show_right (cr, 400, 122, "Imported (%)");
  cf_test_pdf_show_right (cr, 500, 122, "Total (n)");
  cairo_set_source_rgb (cr, 0, 0, 0);
  for (guint r = 0; r < G_N_ELEMENTS (rows); r++)
    {
      double base = 141 + 16 * r;

      cf_test_pdf_show_at (cr, 64, base, rows[r][0]);
      for (guint c = 1; c < 4; c++)
        cf_test_pdf_show_right (cr, right[c], base, rows[r][c]);
      cairo_set_source_rgb (cr, 0.6, 0.6, 0.6);
      stroke_line (cr, 60, base + 5, 510, base + 5);
      cairo_set_source_rgb (cr, 0, 0, 0);
    }
}

static void
test_row_rules_only (void)
{
  g_autofree char *path = cf_test_pdf_draw (tmpdir, "row-rules.pdf", draw_row_rules_only);
  g_autoptr (CfDocument) doc = cf_test_pdf_load (path);
  CfTable *table;

  dump_tables (doc);
  g_assert_cmpuint (cf_document_get_tables (doc)->len, ==, 1);
  table = g_ptr_array_index (cf_document_get_tables (doc), 0);
  g_assert_cmpint (cf_table_get_n_rows (table), ==, 5);
  g_assert_cmpint (cf_table_get_n_cols (table), ==, 4);
  g_assert_cmpstr (text_at (table, 0, 3), ==, "Total (n)");
  g_assert_cmpstr (text_at (table, 3, 0), ==, "Czech Republic");
  g_assert_cmpstr (text_at (table, 4, 3), ==, "151,292");
  g_assert_cmpfloat (confidence_of (table), >=, 0.8);
}

/* Borderless, with two columns of text right of the figures (Remark,
 * Source), the widest remark set close to the source: each is a column of
 * its own, not part of the last column of figures; a row with two cells of
 * text after its figures is a row as much as one with none. */
static void
draw_text_after_figures (cairo_t *cr)
{
  static const char *const rows[][5] = {
    { "Netherlands", "46.69", "-4.8", "Eurostat", "national" },
    { "Denmark", "13.49", "-3.5", "revised", "national" },
    { "Luxembourg", "9.92", "+1.9", "national source", "IMF" },
    { "Spain", "22.33", "-2.4", "", "national" },
    { "Austria", "29.72", "+4.7", "see note 3", "IMF" },
    { "Cyprus", "25.58", "+4.5", "OECD", "national" },
  };
  static const char *const head[] = { "Indicator", "Value", "Change", "Remark", "Source" };

  cf_test_pdf_set_font (cr, CF_TEST_PDF_FONT, 9);
  cf_test_pdf_show_at (cr, 60, 100, "Table 4. Indicators");
  for (guint r = 0; r <= G_N_ELEMENTS (rows); r++)
    {
      const char *const *row = r == 0 ? head : rows[r - 1];
      double base = 120 + 14 * r;

      cf_test_pdf_show_at (cr, 60, base, row[0]);
      cf_test_pdf_show_right (cr, 170, base, row[1]);
      cf_test_pdf_show_right (cr, 215, base, row[2]);
      cf_test_pdf_show_at (cr, 230, base, row[3]);
      cf_test_pdf_show_at (cr, 305, base, row[4]);
    }
}

static void
test_text_after_figures (void)
{
  g_autofree char *path = cf_test_pdf_draw (tmpdir, "text-after-figures.pdf", draw_text_after_figures);
  g_autoptr (CfDocument) doc = cf_test_pdf_load (path);
  CfTable *table;

  dump_tables (doc);
  g_assert_cmpuint (cf_document_get_tables (doc)->len, ==, 1);
  table = g_ptr_array_index (cf_document_get_tables (doc), 0);
  g_assert_cmpint (cf_table_get_n_rows (table), ==, 7);
  g_assert_cmpint (cf_table_get_n_cols (table), ==, 5);
  g_assert_cmpstr (text_at (table, 0, 3), ==, "Remark");
  g_assert_cmpstr (text_at (table, 0, 4), ==, "Source");
  g_assert_cmpstr (text_at (table, 1, 2), ==, "-4.8");
  g_assert_cmpstr (text_at (table, 1, 3), ==, "Eurostat");
  g_assert_cmpstr (text_at (table, 3, 2), ==, "+1.9");
  g_assert_cmpstr (text_at (table, 3, 3), ==, "national source");
  g_assert_cmpstr (text_at (table, 3, 4), ==, "IMF");
  g_assert_cmpstr (text_at (table, 4, 4), ==, "national");
  g_assert_cmpstr (text_at (table, 5, 3), ==, "see note 3");
}

/* Borderless, each measure wrapped over four lines that touch, its
 * figures set on the third one, the rows apart by more than a line's
 * leading: a cell of several lines stays one cell, its first line on the
 * row of its figures rather than a row of its own (the first row's not in
 * the head above it). */
static void
draw_wrapped_cells (cairo_t *cr)
{
  static const char *const rows[][6] = {
    { "Water treatment", "plants for towns", "of fewer than", "10,000 people", "41,253", "5,293" },
    { "Training of", "teachers in", "digital skills", "and learning", "63,268", "25,389" },
    { "Protection of", "coastal areas", "against erosion", "and flooding", "38,845", "31,674" },
  };

  cf_test_pdf_set_font (cr, CF_TEST_PDF_FONT, 9);
  cf_test_pdf_show_at (cr, 60, 90, "Table 5. Measures");
  cf_test_pdf_show_at (cr, 60, 115, "Measure");
  cf_test_pdf_show_right (cr, 260, 115, "Committed");
  cf_test_pdf_show_right (cr, 330, 115, "Paid");
  for (guint r = 0; r < G_N_ELEMENTS (rows); r++)
    {
      double base = 135 + 52 * r;

      for (guint k = 0; k < 4; k++)
        cf_test_pdf_show_at (cr, 60, base + 10.5 * k, rows[r][k]);
      cf_test_pdf_show_right (cr, 260, base + 21, rows[r][4]);
      cf_test_pdf_show_right (cr, 330, base + 21, rows[r][5]);
    }
}

static void
test_wrapped_cells (void)
{
  g_autofree char *path = cf_test_pdf_draw (tmpdir, "wrapped-cells.pdf", draw_wrapped_cells);
  g_autoptr (CfDocument) doc = cf_test_pdf_load (path);
  CfTable *table;

  dump_tables (doc);
  g_assert_cmpuint (cf_document_get_tables (doc)->len, ==, 1);
  table = g_ptr_array_index (cf_document_get_tables (doc), 0);
  g_assert_cmpint (cf_table_get_n_rows (table), ==, 4);
  g_assert_cmpint (cf_table_get_n_cols (table), ==, 3);
  g_assert_cmpstr (text_at (table, 0, 1), ==, "Committed");
  g_assert_cmpstr (text_at (table, 0, 0), ==, "Measure");
  g_assert_cmpstr (text_at (table, 1, 0), ==, "Water treatment plants for towns of fewer than 10,000 people");
  g_assert_cmpstr (text_at (table, 2, 0), ==, "Training of teachers in digital skills and learning");
  g_assert_cmpstr (text_at (table, 2, 1), ==, "63,268");
  g_assert_cmpstr (text_at (table, 3, 2), ==, "31,674");
}

/* Borderless, a column of codes ("3.1", read as numbers) before the
 * measures they code, then the amounts: the measures are a column of their
 * own between the codes and the amounts. */
static void
draw_code_column (cairo_t *cr)
{
  static const char *const rows[][4] = {
    { "3.1", "Protection of coastal areas", "22,272", "13,348" },
    { "4.2", "Integration of migrants", "96,933", "31,870" },
    { "6.3", "Modernisation of the railway", "77,475", "62,934" },
    { "8.4", "Research infrastructure", "80,510", "27,731" },
  };

  cf_test_pdf_set_font (cr, CF_TEST_PDF_FONT, 9);
  cf_test_pdf_show_at (cr, 60, 90, "Table 6. Measures by code");
  for (guint r = 0; r <= G_N_ELEMENTS (rows); r++)
    {
      static const char *const head[] = { "Code", "Measure", "Committed", "Paid" };
      const char *const *row = r == 0 ? head : rows[r - 1];
      double base = 115 + 14 * r;

      cf_test_pdf_show_at (cr, 60, base, row[0]);
      cf_test_pdf_show_at (cr, 100, base, row[1]);
      cf_test_pdf_show_right (cr, 300, base, row[2]);
      cf_test_pdf_show_right (cr, 360, base, row[3]);
    }
}

static void
test_code_column (void)
{
  g_autofree char *path = cf_test_pdf_draw (tmpdir, "code-column.pdf", draw_code_column);
  g_autoptr (CfDocument) doc = cf_test_pdf_load (path);
  CfTable *table;

  dump_tables (doc);
  g_assert_cmpuint (cf_document_get_tables (doc)->len, ==, 1);
  table = g_ptr_array_index (cf_document_get_tables (doc), 0);
  g_assert_cmpint (cf_table_get_n_rows (table), ==, 5);
  g_assert_cmpint (cf_table_get_n_cols (table), ==, 4);
  g_assert_cmpstr (text_at (table, 0, 1), ==, "Measure");
  g_assert_cmpstr (text_at (table, 1, 0), ==, "3.1");
  g_assert_cmpstr (text_at (table, 1, 1), ==, "Protection of coastal areas");
  g_assert_cmpstr (text_at (table, 4, 1), ==, "Research infrastructure");
  g_assert_cmpstr (text_at (table, 4, 3), ==, "27,731");
}

/* A bar chart (axes, gridlines, bars, tick labels, an axis title turned on
 * its side, a legend), boxed, above a borderless table: only the table is
 * one. */
static void
draw_chart_and_table (cairo_t *cr)
{
  static const char *const ticks[] = { "0", "20", "40", "60", "80", "100" };
  static const char *const years[] = { "2004", "2005", "2006", "2007" };
  static const double bars[] = { 35, 62, 48, 90 };
  static const char *const rows[][3] = {
    { "Austria", "1,245", "1,310" },
    { "Belgium", "3,973", "4,012" },
    { "Denmark", "1,662", "1,580" },
    { "Finland", "2,737", "2,901" },
  };

  cf_test_pdf_set_font (cr, CF_TEST_PDF_FONT, 9);
  cf_test_pdf_show_at (cr, 60, 70, "Figure 4. Notified cases, 2004-2007");
  for (guint k = 0; k < G_N_ELEMENTS (ticks); k++)
    {
      double y = 300 - 40 * k;
      cairo_set_source_rgb (cr, 0.8, 0.8, 0.8);
      stroke_line (cr, 120, y, 460, y);
      cairo_set_source_rgb (cr, 0, 0, 0);
      cf_test_pdf_show_right (cr, 114, y + 3, ticks[k]);
    }
  stroke_line (cr, 120, 90, 120, 300);
  for (guint k = 0; k < G_N_ELEMENTS (years); k++)
    {
      double x = 150 + 80 * k;
      cairo_set_source_rgb (cr, 0.95, 0.55, 0.15);
      cairo_rectangle (cr, x, 300 - 2 * bars[k], 40, 2 * bars[k]);
      cairo_fill (cr);
      cairo_set_source_rgb (cr, 0, 0, 0);
      cf_test_pdf_show_at (cr, x + 6, 314, years[k]);
    }
  cairo_save (cr);
  cairo_move_to (cr, 84, 260);
  cairo_rotate (cr, -G_PI / 2);
  cairo_show_text (cr, "Cases per 100,000 population");
  cairo_restore (cr);
  cf_test_pdf_show_at (cr, 200, 334, "Domestic");
  cf_test_pdf_show_at (cr, 300, 334, "Imported");
  /* The figure boxed, its plot ruled down too: rules that frame every tick
   * label in a slot of its own, as a ruled table's would. */
  for (guint k = 0; k <= G_N_ELEMENTS (years); k++)
    stroke_line (cr, 140 + 80 * k, 90, 140 + 80 * k, 300);
  cairo_rectangle (cr, 40, 80, 440, 265);
  cairo_stroke (cr);

  cf_test_pdf_show_at (cr, 60, 400, "Table 5. Cases by country");
  cf_test_pdf_show_at (cr, 60, 420, "Country");
  cf_test_pdf_show_right (cr, 300, 420, "2006");
  cf_test_pdf_show_right (cr, 400, 420, "2007");
  for (guint r = 0; r < G_N_ELEMENTS (rows); r++)
    {
      cf_test_pdf_show_at (cr, 60, 436 + 14 * r, rows[r][0]);
      cf_test_pdf_show_right (cr, 300, 436 + 14 * r, rows[r][1]);
      cf_test_pdf_show_right (cr, 400, 436 + 14 * r, rows[r][2]);
    }
}

static void
test_chart_and_table (void)
{
  g_autofree char *path = cf_test_pdf_draw (tmpdir, "chart-and-table.pdf", draw_chart_and_table);
  g_autoptr (CfDocument) doc = cf_test_pdf_load (path);
  CfTable *table;

  dump_tables (doc);
  g_assert_cmpuint (cf_document_get_tables (doc)->len, ==, 1);
  table = g_ptr_array_index (cf_document_get_tables (doc), 0);
  g_assert_true (strstr (cf_table_get_title (table), "Table 5") != NULL);
  g_assert_cmpint (cf_table_get_n_rows (table), ==, 5);
  g_assert_cmpint (cf_table_get_n_cols (table), ==, 3);
  g_assert_cmpstr (text_at (table, 4, 2), ==, "2,901");
  confidence_of (table);
}

/* A borderless table whose last head is wrapped over two lines, the second
 * as far above the first row as a row is from the next: one head row. */
static void
draw_wrapped_head (cairo_t *cr)
{
  static const char *const rows[][5] = {
    { "I/we kept the assets", "344", "75.2", "12196", "17.4%" },
    { "I/we sold some of the assets", "53", "11.6", "23518", "22.5%" },
    { "Total", "458", "100.0", "13153", "18.7%" },
  };
  static const double right[] = { 0, 260, 330, 410, 480 };

  cf_test_pdf_set_font (cr, CF_TEST_PDF_FONT, 9);
  cf_test_pdf_show_at (cr, 60, 80, "Table 1: Households' reaction to financial losses");
  cf_test_pdf_show_right (cr, 260, 110, "Freq.");
  cf_test_pdf_show_right (cr, 330, 110, "Percent");
  cf_test_pdf_show_right (cr, 410, 110, "Mean Loss");
  cf_test_pdf_show_at (cr, 430, 110, "Fraction of");
  cf_test_pdf_show_at (cr, 430, 121, "Wealth Lost");
  for (guint r = 0; r < G_N_ELEMENTS (rows); r++)
    {
      cf_test_pdf_show_at (cr, 60, 136 + 14 * r, rows[r][0]);
      for (guint c = 1; c < 5; c++)
        cf_test_pdf_show_right (cr, right[c], 136 + 14 * r, rows[r][c]);
    }
  cf_test_pdf_show_at (cr, 60, 200, "Source: SAVE 2009, data is weighted.");
}

static void
test_wrapped_head (void)
{
  g_autofree char *path = cf_test_pdf_draw (tmpdir, "wrapped-head.pdf", draw_wrapped_head);
  g_autoptr (CfDocument) doc = cf_test_pdf_load (path);
  CfTable *table;

  dump_tables (doc);
  g_assert_cmpuint (cf_document_get_tables (doc)->len, ==, 1);
  table = g_ptr_array_index (cf_document_get_tables (doc), 0);
  g_assert_cmpint (cf_table_get_n_rows (table), ==, 4);
  g_assert_cmpint (cf_table_get_n_cols (table), ==, 5);
  g_assert_cmpstr (text_at (table, 0, 4), ==, "Fraction of Wealth Lost");
  g_assert_cmpstr (text_at (table, 0, 1), ==, "Freq.");
  g_assert_cmpstr (text_at (table, 3, 0), ==, "Total");
  g_assert_cmpstr (text_at (table, 3, 4), ==, "18.7%");
  confidence_of (table);
}

/* A ruled table whose caption is boxed in its first row, across the
 * table: the caption is its title, not a row. */
static const double cap_xs[] = { 60, 200, 320, 440 };
static const double cap_ys[] = { 100, 118, 136, 152, 168, 184 };
static const CfTestPdfCellSpec cap_cells[] = {
  { 0, 0, 1, 3, "Table 8.15 - Foreign turnover" },
  { 1, 0, 1, 1, "Groups" }, { 1, 1, 1, 1, "Turnover" }, { 1, 2, 1, 1, "Share" },
  { 2, 0, 1, 1, "Carrefour" }, { 2, 1, 1, 1, "62.7" }, { 2, 2, 1, 1, "40.5%" },
  { 3, 0, 1, 1, "Promodes" }, { 3, 1, 1, 1, "37.0" }, { 3, 2, 1, 1, "35.7%" },
  { 4, 0, 1, 1, "Auchan" }, { 4, 1, 1, 1, "23.5" }, { 4, 2, 1, 1, "19.5%" },
};

static void
draw_caption_in_frame (cairo_t *cr)
{
  cf_test_pdf_set_font (cr, CF_TEST_PDF_FONT, 9);
  cf_test_pdf_draw_ruled (cr, cap_xs, cap_ys, cap_cells, G_N_ELEMENTS (cap_cells), 1);
}

static void
test_caption_in_frame (void)
{
  g_autofree char *path = cf_test_pdf_draw (tmpdir, "caption-in-frame.pdf", draw_caption_in_frame);
  g_autoptr (CfDocument) doc = cf_test_pdf_load (path);
  CfTable *table;

  dump_tables (doc);
  g_assert_cmpuint (cf_document_get_tables (doc)->len, ==, 1);
  table = g_ptr_array_index (cf_document_get_tables (doc), 0);
  g_assert_cmpstr (cf_table_get_title (table), ==, "Table 8.15 - Foreign turnover");
  g_assert_cmpint (cf_table_get_n_rows (table), ==, 4);
  g_assert_cmpint (cf_table_get_n_cols (table), ==, 3);
  g_assert_cmpstr (text_at (table, 0, 0), ==, "Groups");
  g_assert_cmpstr (text_at (table, 3, 2), ==, "19.5%");
  g_assert_cmpfloat (confidence_of (table), >=, 0.8);
}

/* PDFs from other projects (tests/fuzz/pdf-seeds: pdf.js's first example,
 * Qt PDF's test document, LibreOffice's PDF-import error page), made by
 * other producers than ours: each reads, is audited and says what it found,
 * quickly. The fuzz-pdf harness starts from them too. */
static void
test_foreign_pdfs (void)
{
  g_autofree char *dir_path = cf_test_path ("fuzz", "pdf-seeds", NULL);
  g_autoptr (GDir) dir = g_dir_open (dir_path, 0, NULL);
  const char *name;
  guint n = 0;

  g_assert_nonnull (dir);
  while ((name = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *path = g_build_filename (dir_path, name, NULL);
      g_autoptr (GError) error = NULL;
      g_autoptr (CfDocument) doc = NULL;
      g_autofree char *json = NULL;
      gint64 start = g_get_monotonic_time ();

      if (!g_str_has_suffix (name, ".pdf"))
        continue;
      doc = cf_loader_load_file (path, NULL, NULL, &error);
      g_assert_no_error (error);
      g_assert_nonnull (doc);
      g_assert_cmpint (cf_document_get_n_pages (doc), >, 0);
      cf_audit_document (doc, NULL);
      json = cf_json_document_line (doc);
      g_assert_true (g_str_has_prefix (json, "{"));
      g_test_message ("%s: %d pages, %u tables in %.2f s", name, cf_document_get_n_pages (doc),
                      cf_document_get_tables (doc)->len, (g_get_monotonic_time () - start) / 1e6);
      g_assert_cmpfloat ((g_get_monotonic_time () - start) / 1e6, <, cf_test_time_limit (20));
      n++;
    }
  g_assert_cmpuint (n, >=, 3);
}

/* Borderless, its rows set as tight as wkhtmltopdf sets them (each line
 * touching the next), zeros printed blank: a row whose figures are all
 * blank, under a row with a short label, is a row of its own, not the end
 * of the label above it (a label that short did not wrap); a label wrapped
 * where its column ends stays one cell. Issue #14. */
static void
draw_tight_blank_rows (cairo_t *cr)
{
  static const char *const rows[][3] = {
    { "行政许可", "23", "8" },
    { "行政处罚", "", "38" },
    { "行政强制", "", "" },
    { "其他对外管理服务事项数量", "5", "" },
    { "行政事业性收费", "12", "4" },
  };
  double y = 120;

  cf_test_pdf_set_font (cr, CF_TEST_PDF_FONT, 10);
  cf_test_pdf_show_at (cr, 60, y, "信息内容");
  cf_test_pdf_show_right (cr, 260, y, "本年数量");
  cf_test_pdf_show_right (cr, 330, y, "上年数量");
  for (guint r = 0; r < G_N_ELEMENTS (rows); r++)
    {
      g_autoptr (GPtrArray) parts = cf_test_pdf_wrap (cr, rows[r][0], 84);

      y += 15;
      if (*rows[r][1])
        cf_test_pdf_show_right (cr, 260, y, rows[r][1]);
      if (*rows[r][2])
        cf_test_pdf_show_right (cr, 330, y, rows[r][2]);
      for (guint k = 0; k < parts->len; k++)
        cf_test_pdf_show_at (cr, 60, y + 15 * k, g_ptr_array_index (parts, k));
      y += 15 * (parts->len - 1);
    }
}

static void
test_tight_blank_rows (void)
{
  g_autofree char *path = cf_test_pdf_draw (tmpdir, "tight-blank-rows.pdf", draw_tight_blank_rows);
  g_autoptr (CfDocument) doc = cf_test_pdf_load (path);
  CfTable *table;

  dump_tables (doc);
  g_assert_cmpuint (cf_document_get_tables (doc)->len, ==, 1);
  table = g_ptr_array_index (cf_document_get_tables (doc), 0);
  g_assert_cmpint (cf_table_get_n_rows (table), ==, 6);
  g_assert_cmpint (cf_table_get_n_cols (table), ==, 3);
  g_assert_cmpstr (text_at (table, 2, 0), ==, "行政处罚");
  g_assert_cmpstr (text_at (table, 2, 1), ==, "");
  g_assert_cmpstr (text_at (table, 2, 2), ==, "38");
  g_assert_cmpstr (text_at (table, 3, 0), ==, "行政强制");
  g_assert_cmpstr (text_at (table, 3, 1), ==, "");
  g_assert_cmpstr (text_at (table, 3, 2), ==, "");
  g_assert_cmpstr (text_at (table, 4, 0), ==, "其他对外管理服务事项数量");
  g_assert_cmpstr (text_at (table, 4, 1), ==, "5");
  g_assert_cmpstr (text_at (table, 5, 0), ==, "行政事业性收费");
  g_assert_cmpstr (text_at (table, 5, 2), ==, "4");
}

/* Borderless, label columns of three kinds (Chromium's national form): a
 * group label wrapped in its narrow column, its first piece ("（三）不")
 * on a line of its own between item labels, clear of any row of figures:
 * it reads like a section heading, but the table goes on under it (item
 * labels, then their figures). Issue #14. */
static void
draw_group_piece_in_rows (cairo_t *cr)
{
  cf_test_pdf_set_font (cr, CF_TEST_PDF_FONT, 10);
  cf_test_pdf_show_at (cr, 60, 100, "项目");
  cf_test_pdf_show_right (cr, 290, 100, "本年");
  cf_test_pdf_show_right (cr, 340, 100, "上年");
  cf_test_pdf_show_at (cr, 60, 120, "一、本年新收申请");
  cf_test_pdf_show_right (cr, 290, 120, "5");
  cf_test_pdf_show_right (cr, 340, 120, "7");
  cf_test_pdf_show_at (cr, 150, 140, "1.属于国家秘密");
  cf_test_pdf_show_right (cr, 290, 140, "3");
  cf_test_pdf_show_right (cr, 340, 140, "4");
  cf_test_pdf_show_at (cr, 100, 160, "（三）不");
  cf_test_pdf_show_at (cr, 150, 180, "2.其他法律");
  cf_test_pdf_show_at (cr, 100, 200, "予公开");
  cf_test_pdf_show_at (cr, 150, 200, "3.危及安全");
  cf_test_pdf_show_right (cr, 290, 200, "8");
  cf_test_pdf_show_right (cr, 340, 200, "9");
}

static void
test_group_piece_in_rows (void)
{
  g_autofree char *path = cf_test_pdf_draw (tmpdir, "group-piece-in-rows.pdf", draw_group_piece_in_rows);
  g_autoptr (CfDocument) doc = cf_test_pdf_load (path);
  CfTable *table;
  gboolean seen_last = FALSE;

  dump_tables (doc);
  g_assert_cmpuint (cf_document_get_tables (doc)->len, ==, 1);
  table = g_ptr_array_index (cf_document_get_tables (doc), 0);
  g_assert_cmpstr (text_at (table, 1, cf_table_get_n_cols (table) - 2), ==, "5");
  for (int r = 0; r < cf_table_get_n_rows (table); r++)
    if (g_str_equal (text_at (table, r, cf_table_get_n_cols (table) - 2), "8"))
      {
        g_assert_cmpstr (text_at (table, r, cf_table_get_n_cols (table) - 1), ==, "9");
        seen_last = TRUE;
      }
  g_assert_true (seen_last);
}

int
main (int argc, char **argv)
{
  int status;

  /* Test messages show the tables' Chinese text, not question marks. */
  setlocale (LC_CTYPE, "C.UTF-8");
  g_test_init (&argc, &argv, NULL);
  tmpdir = cf_test_make_tmpdir ();

  g_test_add_func ("/pdf-general/ruled-statement", test_ruled_statement);
  g_test_add_func ("/pdf-general/borderless-statement", test_borderless_statement);
  g_test_add_func ("/pdf-general/padded-statement", test_padded_statement);
  g_test_add_func ("/pdf-general/band-rows", test_band_rows);
  g_test_add_func ("/pdf-general/padded-blank-cells", test_padded_blank_cells);
  g_test_add_func ("/pdf-general/wrapped-row-labels", test_wrapped_row_labels);
  g_test_add_data_func ("/pdf-general/statistics/ruled", GINT_TO_POINTER (TRUE), test_statistics);
  g_test_add_data_func ("/pdf-general/statistics/borderless", GINT_TO_POINTER (FALSE), test_statistics);
  g_test_add_func ("/pdf-general/side-by-side", test_side_by_side);
  g_test_add_func ("/pdf-general/foreign-pdfs", test_foreign_pdfs);
  g_test_add_func ("/pdf-general/side-by-side-borderless", test_side_by_side_borderless);
  g_test_add_data_func ("/pdf-general/continued/header", GINT_TO_POINTER (TRUE), test_continued);
  g_test_add_data_func ("/pdf-general/continued/bare", GINT_TO_POINTER (FALSE), test_continued);
  g_test_add_func ("/pdf-general/partly-ruled", test_partly_ruled);
  g_test_add_func ("/pdf-general/spanning-head", test_spanning_head);
  g_test_add_func ("/pdf-general/row-rules-only", test_row_rules_only);
  g_test_add_func ("/pdf-general/text-after-figures", test_text_after_figures);
  g_test_add_func ("/pdf-general/wrapped-cells", test_wrapped_cells);
  g_test_add_func ("/pdf-general/code-column", test_code_column);
  g_test_add_func ("/pdf-general/chart-and-table", test_chart_and_table);
  g_test_add_func ("/pdf-general/wrapped-head", test_wrapped_head);
  g_test_add_func ("/pdf-general/caption-in-frame", test_caption_in_frame);
  g_test_add_func ("/pdf-general/tight-blank-rows", test_tight_blank_rows);
  g_test_add_func ("/pdf-general/group-piece-in-rows", test_group_piece_in_rows);

  for (guint i = 0; i < G_N_ELEMENTS (requests_cuts); i++)
    {
      g_autofree char *test_path = g_strconcat ("/pdf-general/page-break/", requests_cuts[i].name, NULL);
      g_test_add_data_func (test_path, &requests_cuts[i], test_requests_cut);
    }

  status = g_test_run ();
  cf_test_pdf_forget_drawn ();
  cf_test_rm_rf (tmpdir);
  g_free (tmpdir);
  return status;
}
