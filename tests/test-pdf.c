/* test-pdf.c: PDF reports through poppler-glib
 *
 * Most PDFs are drawn here with cairo's PDF surface (CJK text through cairo's
 * own font selection, Noto Sans CJK), so every cell's text and rectangle is
 * known. Rotated / cropped pages and PDFs with no pages are written by hand;
 * the encrypted PDF and the corpus reports printed by LibreOffice are
 * committed under tests/pdf/ (made by tests/pdf/make-fixtures.sh).
 */
#include <math.h>
#include <string.h>
#include <glib/gstdio.h>
#include <cairo.h>
#include <json-glib/json-glib.h>
#include <opencc.h>

#include "cf-test-util.h"
#include "cf-test-pdf.h"

static char *tmpdir;

/* ------------------------------------------------ ruled gip-2021 requests */

/* A part of the gip-2021 requests table: merged headers, a merged vertical
 * label, wrapped cells, a blank value and a placeholder. */
static const double req_xs[] = { 40, 70, 110, 260, 302, 344, 386, 428, 470, 512, 554 };
static const double req_ys[] = { 120, 140, 160, 180, 198, 216, 234, 262, 280, 298, 316, 334, 352 };
static const CfTestPdfCellSpec req_cells[] = {
  { 0, 0, 3, 3, "本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和" },
  { 0, 3, 1, 7, "申请人情况" },
  { 1, 3, 2, 1, "自然人" }, { 1, 4, 1, 5, "法人或其他组织" }, { 1, 9, 2, 1, "总计" },
  { 2, 4, 1, 1, "商业企业" }, { 2, 5, 1, 1, "科研机构" }, { 2, 6, 1, 1, "社会公益组织" },
  { 2, 7, 1, 1, "法律服务机构" }, { 2, 8, 1, 1, "其他" },
  { 3, 0, 1, 3, "一、本年新收政府信息公开申请数量" },
  { 3, 3, 1, 1, "12" }, { 3, 4, 1, 1, "3" }, { 3, 5, 1, 1, "0" }, { 3, 6, 1, 1, "1" },
  { 3, 7, 1, 1, "0" }, { 3, 8, 1, 1, "2" }, { 3, 9, 1, 1, "18" },
  { 4, 0, 1, 3, "二、上年结转政府信息公开申请数量" },
  { 4, 3, 1, 1, "1" }, { 4, 4, 1, 1, "0" }, { 4, 5, 1, 1, "0" }, { 4, 6, 1, 1, "0" },
  { 4, 7, 1, 1, "" }, { 4, 8, 1, 1, "/" }, { 4, 9, 1, 1, "1" },
  { 5, 0, 6, 1, "三、本年度办理结果" },
  { 5, 1, 1, 2, "（一）予以公开" },
  { 5, 3, 1, 1, "8" }, { 5, 4, 1, 1, "2" }, { 5, 5, 1, 1, "0" }, { 5, 6, 1, 1, "1" },
  { 5, 7, 1, 1, "0" }, { 5, 8, 1, 1, "1" }, { 5, 9, 1, 1, "12" },
  { 6, 1, 1, 2, "（二）部分公开（区分处理的，只计这一情形，不计其他情形）" },
  { 6, 3, 1, 1, "2" }, { 6, 4, 1, 1, "0" }, { 6, 5, 1, 1, "0" }, { 6, 6, 1, 1, "0" },
  { 6, 7, 1, 1, "0" }, { 6, 8, 1, 1, "0" }, { 6, 9, 1, 1, "2" },
  { 7, 1, 3, 1, "（三）不予公开" },
  { 7, 2, 1, 1, "1.属于国家秘密" },
  { 7, 3, 1, 1, "0" }, { 7, 4, 1, 1, "0" }, { 7, 5, 1, 1, "0" }, { 7, 6, 1, 1, "0" },
  { 7, 7, 1, 1, "0" }, { 7, 8, 1, 1, "0" }, { 7, 9, 1, 1, "0" },
  { 8, 2, 1, 1, "2.其他法律行政法规禁止公开" },
  { 8, 3, 1, 1, "1" }, { 8, 4, 1, 1, "0" }, { 8, 5, 1, 1, "0" }, { 8, 6, 1, 1, "0" },
  { 8, 7, 1, 1, "0" }, { 8, 8, 1, 1, "0" }, { 8, 9, 1, 1, "1" },
  { 9, 2, 1, 1, "3.危及“三安全一稳定”" },
  { 9, 3, 1, 1, "0" }, { 9, 4, 1, 1, "0" }, { 9, 5, 1, 1, "0" }, { 9, 6, 1, 1, "0" },
  { 9, 7, 1, 1, "0" }, { 9, 8, 1, 1, "0" }, { 9, 9, 1, 1, "0" },
  { 10, 1, 1, 2, "（七）总计" },
  { 10, 3, 1, 1, "11" }, { 10, 4, 1, 1, "2" }, { 10, 5, 1, 1, "0" }, { 10, 6, 1, 1, "1" },
  { 10, 7, 1, 1, "0" }, { 10, 8, 1, 1, "1" }, { 10, 9, 1, 1, "15" },
  { 11, 0, 1, 3, "四、结转下年度继续办理" },
  { 11, 3, 1, 1, "2" }, { 11, 4, 1, 1, "1" }, { 11, 5, 1, 1, "0" }, { 11, 6, 1, 1, "0" },
  { 11, 7, 1, 1, "0" }, { 11, 8, 1, 1, "1" }, { 11, 9, 1, 1, "4" },
};

static void
draw_requests (cairo_t *cr)
{
  cf_test_pdf_set_font (cr, "Noto Sans CJK SC", 10.5);
  cf_test_pdf_show_at (cr, 40, 60, "本机关2021年共收到政府信息公开申请18件，办结15件，结转下年度4件。");
  cf_test_pdf_show_at (cr, 40, 100, "三、收到和处理政府信息公开申请情况");
  cf_test_pdf_set_font (cr, "Noto Sans CJK SC", 7.5);
  cf_test_pdf_draw_ruled_wrapped (cr, req_xs, req_ys, req_cells, G_N_ELEMENTS (req_cells), 0);
  cf_test_pdf_set_font (cr, "Noto Sans CJK SC", 10.5);
  cf_test_pdf_show_at (cr, 40, 400, "四、政府信息公开行政复议、行政诉讼情况");
}

static void
test_ruled_requests (void)
{
  g_autofree char *path = cf_test_pdf_draw (tmpdir, "requests.pdf", draw_requests);
  g_autoptr (CfDocument) doc = cf_test_pdf_load (path);
  GPtrArray *tables = cf_document_get_tables (doc);
  CfTable *table;
  gsize text_len;
  const char *text = cf_document_get_text (doc, &text_len);

  g_assert_cmpint (cf_document_get_n_pages (doc), ==, 1);
  g_assert_cmpuint (tables->len, ==, 1);
  table = g_ptr_array_index (tables, 0);
  g_assert_cmpstr (cf_table_get_layout (table), ==, "lattice");
  g_assert_cmpstr (cf_table_get_title (table), ==, "三、收到和处理政府信息公开申请情况");
  g_assert_cmpint (cf_table_get_page (table), ==, 1);
  g_assert_cmpint (cf_table_get_n_rows (table), ==, 12);
  g_assert_cmpint (cf_table_get_n_cols (table), ==, 10);
  g_assert_cmpuint (cf_table_get_n_cells (table), ==, G_N_ELEMENTS (req_cells));
  for (guint i = 0; i < G_N_ELEMENTS (req_cells); i++)
    {
      const CfTestPdfCellSpec *c = &req_cells[i];
      CfCell *cell = cf_table_get_origin_cell (table, c->row, c->col);

      g_assert_nonnull (cell);
      g_assert_cmpstr (cell->text, ==, c->text);
      g_assert_cmpint (cell->row_span, ==, c->row_span);
      g_assert_cmpint (cell->col_span, ==, c->col_span);
      g_assert_cmpint (cell->page, ==, 1);
      g_assert_cmpfloat_with_epsilon (cell->bbox[0], req_xs[c->col], 2.0);
      g_assert_cmpfloat_with_epsilon (cell->bbox[1], req_ys[c->row], 2.0);
      g_assert_cmpfloat_with_epsilon (cell->bbox[2], req_xs[c->col + c->col_span], 2.0);
      g_assert_cmpfloat_with_epsilon (cell->bbox[3], req_ys[c->row + c->row_span], 2.0);
      if (*c->text == '\0')
        {
          g_assert_cmpint (cell->offset, ==, -1);
          continue;
        }
      /* The offset points at the cell's first character in the document text. */
      g_assert_cmpint (cell->offset, >=, 0);
      g_assert_cmpint (cell->offset + cell->length, <=, (gint64) text_len);
      {
        gunichar first = g_utf8_get_char (c->text);
        gunichar at = g_utf8_get_char (text + cell->offset);
        /* Wrapped cells may start with another line in poppler's order; the
         * range still holds the first character. */
        g_autofree char *range = g_strndup (text + cell->offset, cell->length);
        char buf[8] = { 0 };
        g_unichar_to_utf8 (first, buf);
        g_assert_nonnull (strstr (range, buf));
        (void) at;
      }
    }
  /* Text outside the table is in the document text, and its boxes are where it was drawn. */
  {
    const char *p = strstr (text, "四、政府信息公开行政复议");
    int page;
    double bbox[4];

    g_assert_nonnull (p);
    g_assert_true (cf_document_locate_range (doc, p - text, strlen ("四、"), &page, bbox));
    g_assert_cmpint (page, ==, 1);
    g_assert_cmpfloat_with_epsilon (bbox[0], 40, 1.5);
    g_assert_cmpfloat (bbox[1], <, 400);
    g_assert_cmpfloat (bbox[3], >, 398);
  }
}

/* ------------------------------------------------------------- borderless */

static void
draw_borderless (cairo_t *cr)
{
  static const char *rows[][4] = {
    { "项目", "本年", "上年", "增减" },
    { "行政许可", "1,234", "1,000", "234" },
    { "行政处罚", "56", "70", "(14)" },
    { "行政事业性收费（万元）", "417.75", "500.00", "(82.25)" },
    { "行政强制", "3", "0", "3" },
  };
  static const double right[] = { 0, 300, 400, 500 };

  cf_test_pdf_set_font (cr, "Noto Sans CJK SC", 10.5);
  cf_test_pdf_show_at (cr, 60, 80, "本机关严格落实政府信息公开条例，全年主动公开政府信息共计386条，较上年增加12条。");
  cf_test_pdf_show_at (cr, 60, 110, "（一）主动公开情况");
  for (guint r = 0; r < G_N_ELEMENTS (rows); r++)
    {
      double baseline = 140 + r * 20;
      cf_test_pdf_show_at (cr, 60, baseline, rows[r][0]);
      for (guint c = 1; c < 4; c++)
        cf_test_pdf_show_at (cr, right[c] - cf_test_pdf_text_width (cr, rows[r][c]), baseline, rows[r][c]);
    }
  /* A label wrapped onto a second, tighter line belongs to its row. */
  cf_test_pdf_show_at (cr, 60, 240, "其他对外管理服务事项");
  cf_test_pdf_show_at (cr, 300 - cf_test_pdf_text_width (cr, "7"), 240, "7");
  cf_test_pdf_show_at (cr, 400 - cf_test_pdf_text_width (cr, "9"), 240, "9");
  cf_test_pdf_show_at (cr, 500 - cf_test_pdf_text_width (cr, "(2)"), 240, "(2)");
  cf_test_pdf_show_at (cr, 60, 253, "（含备案）");
  cf_test_pdf_show_at (cr, 60, 300, "二、收到和处理政府信息公开申请情况说明：本年度无行政复议和诉讼案件。");
}

static void
test_borderless (void)
{
  g_autofree char *path = cf_test_pdf_draw (tmpdir, "borderless.pdf", draw_borderless);
  g_autoptr (CfDocument) doc = cf_test_pdf_load (path);
  GPtrArray *tables = cf_document_get_tables (doc);
  CfTable *table;
  CfCell *cell;

  g_assert_cmpuint (tables->len, ==, 1);
  table = g_ptr_array_index (tables, 0);
  g_assert_cmpstr (cf_table_get_layout (table), ==, "stream");
  g_assert_cmpstr (cf_table_get_title (table), ==, "（一）主动公开情况");
  g_assert_cmpint (cf_table_get_n_rows (table), ==, 6);
  g_assert_cmpint (cf_table_get_n_cols (table), ==, 4);
  g_assert_cmpstr (cf_test_cell_text (table, 0, 0), ==, "项目");
  g_assert_cmpstr (cf_test_cell_text (table, 0, 3), ==, "增减");
  g_assert_cmpstr (cf_test_cell_text (table, 1, 1), ==, "1,234");
  g_assert_cmpstr (cf_test_cell_text (table, 2, 3), ==, "(14)");
  g_assert_cmpstr (cf_test_cell_text (table, 3, 0), ==, "行政事业性收费（万元）");
  g_assert_cmpstr (cf_test_cell_text (table, 3, 1), ==, "417.75");
  g_assert_cmpstr (cf_test_cell_text (table, 3, 3), ==, "(82.25)");
  g_assert_cmpstr (cf_test_cell_text (table, 4, 3), ==, "3");
  g_assert_cmpstr (cf_test_cell_text (table, 5, 0), ==, "其他对外管理服务事项（含备案）");
  g_assert_cmpstr (cf_test_cell_text (table, 5, 3), ==, "(2)");
  cell = cf_table_get_cell (table, 1, 1);
  g_assert_cmpfloat_with_epsilon (cell->number.value, 1234, 1e-9);
  /* Right-aligned: the number ends where it was drawn to. */
  g_assert_cmpfloat_with_epsilon (cell->bbox[2], 300, 1.5);
  g_assert_cmpfloat (cell->bbox[1], <, 160);
  g_assert_cmpfloat (cell->bbox[3], >, 158);
}

/* ------------------------------------------- borderless national forms */

/* The requests table as a word processor prints it without borders: label
 * columns with wrapped labels (centred on their row), group labels centred
 * down the rows they head, numbers right-aligned under wrapped headers. */
typedef struct
{
  const char     *name;
  const char     *form;
  const CfTestPdfFormRow  *rows;
  guint           n_rows;
  gboolean        traditional;
  guint           min_mapped; /* canonical requests cells mapped with their value */
} BorderlessForm;

static const BorderlessForm *drawing_form;

static char *
bf_text (const char *text)
{
  static opencc_t s2t = (opencc_t) -1;

  if (!drawing_form->traditional)
    return g_strdup (text);
  if (s2t == (opencc_t) -1)
    s2t = opencc_open (OPENCC_DEFAULT_CONFIG_SIMP_TO_TRAD);
  g_assert_true (s2t != (opencc_t) -1);
  {
    char *converted = opencc_convert_utf8 (s2t, text, strlen (text));
    char *copy = g_strdup (converted);
    opencc_convert_utf8_free (converted);
    return copy;
  }
}

/* Draws @text wrapped in [x0, x1], its lines centred on @cy; returns the lines. */
static guint
bf_draw_label (cairo_t *cr, const char *text, double x0, double x1, double cy)
{
  g_autofree char *shown = bf_text (text);

  return cf_test_pdf_draw_label (cr, shown, x0, x1, cy);
}

static guint
bf_n_lines (cairo_t *cr, const char *text, double width)
{
  g_autofree char *shown = bf_text (text);
  g_autoptr (GPtrArray) lines = cf_test_pdf_wrap (cr, shown, width - 4);

  return lines->len;
}

static void
draw_borderless_form (cairo_t *cr)
{
  const BorderlessForm *f = drawing_form;
  const char *font = f->traditional ? "Noto Sans CJK TC" : "Noto Sans CJK SC";
  static const char *heads[] = { "商业企业", "科研机构", "社会公益组织", "法律服务机构", "其他" };
  g_autofree double *row_top = g_new (double, f->n_rows + 1);
  double y = 150;

  cf_test_pdf_set_font (cr, font, 10.5);
  {
    g_autofree char *intro = bf_text (g_str_equal (f->form, "gip-2021")
                                      ? "本机关2021年共收到政府信息公开申请，均已按时答复。"
                                      : "本机关2020年共收到政府信息公开申请，均已按时答复。");
    g_autofree char *title = bf_text ("三、收到和处理政府信息公开申请情况");
    cf_test_pdf_show_at (cr, 40, 60, intro);
    cf_test_pdf_show_at (cr, 40, 90, title);
  }
  cf_test_pdf_set_font (cr, font, CF_TEST_PDF_FORM_FONT);
  /* Header: 申请人情况 over all; 自然人, 法人或其他组织 over five, 总计; the five. */
  bf_draw_label (cr, "本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和",
                 cf_test_pdf_form_label_xs[0], cf_test_pdf_form_label_xs[3], 122);
  {
    g_autofree char *applicants = bf_text ("申请人情况");
    g_autofree char *orgs = bf_text ("法人或其他组织");
    g_autofree char *persons = bf_text ("自然人");
    g_autofree char *total = bf_text ("总计");
    cf_test_pdf_show_at (cr, 400, 106, applicants);
    cf_test_pdf_show_at (cr, 270, 122, persons);
    cf_test_pdf_show_at (cr, 380, 122, orgs);
    cf_test_pdf_show_at (cr, cf_test_pdf_form_value_right[6] - 16, 122, total);
  }
  for (guint c = 0; c < 5; c++)
    {
      double x1 = cf_test_pdf_form_value_right[c + 1] + 2, x0 = x1 - 40;
      bf_draw_label (cr, heads[c], x0, x1, 137);
    }

  /* Row heights from the row's own label; values on the row's middle. */
  for (guint r = 0; r < f->n_rows; r++)
    {
      const CfTestPdfFormRow *row = &f->rows[r];
      guint n = bf_n_lines (cr, row->label,
                            cf_test_pdf_form_label_xs[3] - cf_test_pdf_form_label_xs[row->label_col]);

      row_top[r] = y;
      y += n * CF_TEST_PDF_FORM_LINE + 4;
    }
  row_top[f->n_rows] = y;

  for (guint r = 0; r < f->n_rows; r++)
    {
      const CfTestPdfFormRow *row = &f->rows[r];
      double cy = (row_top[r] + row_top[r + 1]) / 2;

      bf_draw_label (cr, row->label, cf_test_pdf_form_label_xs[row->label_col], cf_test_pdf_form_label_xs[3],
                     cy);
      if (row->group)
        bf_draw_label (cr, row->group, cf_test_pdf_form_label_xs[0], cf_test_pdf_form_label_xs[1],
                       (row_top[r] + row_top[r + row->group_rows]) / 2);
      if (row->sub)
        bf_draw_label (cr, row->sub, cf_test_pdf_form_label_xs[1], cf_test_pdf_form_label_xs[2],
                       (row_top[r] + row_top[r + row->sub_rows]) / 2);
      for (guint c = 0; c < G_N_ELEMENTS (cf_test_pdf_form_cols); c++)
        {
          g_autofree char *value = g_strdup_printf ("%d", cf_test_pdf_form_value (r, c));
          cf_test_pdf_show_right (cr, cf_test_pdf_form_value_right[c], cy + CF_TEST_PDF_FORM_LINE * 0.3, value);
        }
    }
  cf_test_pdf_set_font (cr, font, 10.5);
  {
    g_autofree char *next = bf_text ("四、政府信息公开行政复议、行政诉讼情况");
    cf_test_pdf_show_at (cr, 40, y + 30, next);
  }
}

/* Maps the requests table of a borderless national form: how many of its
 * canonical cells are found with the value drawn. */
static void
test_borderless_form (gconstpointer data)
{
  const BorderlessForm *f = data;
  g_autofree char *name = g_strconcat (f->name, ".pdf", NULL);
  g_autofree char *path = NULL;
  g_autoptr (CfDocument) doc = NULL;
  g_autoptr (GString) diff = g_string_new (NULL);
  CfTable *table;
  guint mapped = 0;

  drawing_form = f;
  path = cf_test_pdf_draw (tmpdir, name, draw_borderless_form);
  if (g_getenv ("CF_TEST_KEEP_PDF"))
    {
      g_autofree char *copy = g_build_filename (g_getenv ("CF_TEST_KEEP_PDF"), name, NULL);
      g_autofree char *contents = NULL;
      gsize len;
      g_assert_true (g_file_get_contents (path, &contents, &len, NULL));
      g_assert_true (g_file_set_contents (copy, contents, len, NULL));
    }
  doc = cf_test_pdf_load (path);
  cf_audit_document (doc, NULL);
  g_assert_cmpstr (cf_document_get_form (doc), ==, f->form);
  table = cf_document_find_table (doc, "requests");
  g_assert_nonnull (table);
  g_assert_cmpstr (cf_table_get_layout (table), ==, "stream");
  /* Group labels are cells of their own, down the rows they head. */
  for (guint r = 0; r < f->n_rows; r++)
    for (int k = 0; k < 2; k++)
      {
        const char *group = k == 0 ? f->rows[r].group : f->rows[r].sub;
        int n = k == 0 ? f->rows[r].group_rows : f->rows[r].sub_rows;
        g_autofree char *shown = NULL;
        CfCell *cell = NULL;

        if (group == NULL)
          continue;
        drawing_form = f;
        shown = bf_text (group);
        for (guint i = 0; i < cf_table_get_n_cells (table) && cell == NULL; i++)
          if (g_str_equal (cf_table_get_cell_at (table, i)->text, shown))
            cell = cf_table_get_cell_at (table, i);
        if (cell == NULL)
          g_error ("%s: no cell \"%s\"", f->name, shown);
        g_assert_cmpint (cell->col, ==, k);
        g_assert_cmpint (cell->row_span, ==, n);
        g_assert_cmpint (cell->page, ==, 1);
      }
  for (guint r = 0; r < f->n_rows; r++)
    for (guint c = 0; c < G_N_ELEMENTS (cf_test_pdf_form_cols); c++)
      {
        CfCell *cell = cf_table_find_by_keys (table, f->rows[r].key, cf_test_pdf_form_cols[c]);
        g_autofree char *want = g_strdup_printf ("%d", cf_test_pdf_form_value (r, c));

        if (cell != NULL && g_strcmp0 (cell->text, want) == 0)
          {
            g_assert_cmpint (cell->page, ==, 1);
            g_assert_cmpfloat_with_epsilon (cell->bbox[2], cf_test_pdf_form_value_right[c], 1.5);
            mapped++;
          }
        else
          g_string_append_printf (diff, " %s/%s", f->rows[r].key, cf_test_pdf_form_cols[c]);
      }
  g_test_message ("%s: %u of %u requests cells mapped;%s", f->name, mapped,
                  f->n_rows * (guint) G_N_ELEMENTS (cf_test_pdf_form_cols), diff->str);
  if (mapped < f->min_mapped)
    g_error ("%s: %u of %u requests cells mapped, expected at least %u; not:%s", f->name, mapped,
             f->n_rows * (guint) G_N_ELEMENTS (cf_test_pdf_form_cols), f->min_mapped, diff->str);
}

/* Every canonical requests cell, read by the stream finder itself. */
static const BorderlessForm borderless_forms[] = {
  { "borderless-2021", "gip-2021", cf_test_pdf_rows_2021, CF_TEST_PDF_N_ROWS_2021, FALSE, 25 * 7 },
  { "borderless-2019", "gip-2019", cf_test_pdf_rows_2019, CF_TEST_PDF_N_ROWS_2019, FALSE, 23 * 7 },
  { "borderless-2021-traditional", "gip-2021", cf_test_pdf_rows_2021, CF_TEST_PDF_N_ROWS_2021, TRUE,
    25 * 7 },
  { "borderless-2019-traditional", "gip-2019", cf_test_pdf_rows_2019, CF_TEST_PDF_N_ROWS_2019, TRUE,
    23 * 7 },
};

/* ------------------------------------------------------ split over pages */

static const double split_xs[] = { 60, 240, 320, 400, 480 };
static const CfTestPdfCellSpec split_head[] = {
  { 0, 0, 1, 1, "事项" }, { 0, 1, 1, 1, "本年制发件数" }, { 0, 2, 1, 1, "本年废止件数" },
  { 0, 3, 1, 1, "现行有效件数" },
};

static void
split_row (CfTestPdfCellSpec *cells, int row, int n)
{
  static char labels[16][32];

  g_snprintf (labels[row], sizeof labels[row], "事项第%d项", row);
  cells[0] = (CfTestPdfCellSpec) { row, 0, 1, 1, labels[row] };
  cells[1] = (CfTestPdfCellSpec) { row, 1, 1, 1, n % 2 ? "1" : "2" };
  cells[2] = (CfTestPdfCellSpec) { row, 2, 1, 1, "0" };
  cells[3] = (CfTestPdfCellSpec) { row, 3, 1, 1, n % 3 ? "5" : "17" };
}

static void
draw_split (cairo_t *cr)
{
  CfTestPdfCellSpec cells[4];
  double ys1[] = { 700, 720, 740, 760, 780 };
  double ys2[] = { 60, 80, 100, 120 };
  double ys3[] = { 300, 320, 340 };
  static const double xs3[] = { 60, 200, 300 };
  static const CfTestPdfCellSpec other[] = {
    { 0, 0, 1, 1, "结果维持" }, { 0, 1, 1, 1, "结果纠正" },
    { 1, 0, 1, 1, "0" }, { 1, 1, 1, 1, "1" },
  };

  cf_test_pdf_set_font (cr, "Noto Sans CJK SC", 10.5);
  cf_test_pdf_show_at (cr, 60, 680, "二、主动公开政府信息情况");
  cf_test_pdf_draw_ruled_wrapped (cr, split_xs, ys1, split_head, 4, 0);
  for (int r = 1; r <= 3; r++)
    {
      split_row (cells, r, r);
      cf_test_pdf_draw_ruled_wrapped (cr, split_xs, ys1, cells, 4, 0);
    }
  cf_test_pdf_show_at (cr, 280, 820, "- 1 -");
  cf_test_pdf_next_page (cr);

  /* The header row is printed again on the next page. */
  cf_test_pdf_show_at (cr, 280, 30, "政府信息公开工作年度报告");
  cf_test_pdf_draw_ruled_wrapped (cr, split_xs, ys2, split_head, 4, 0);
  for (int r = 4; r <= 5; r++)
    {
      split_row (cells, r, r);
      cf_test_pdf_draw_ruled_wrapped (cr, split_xs, ys2, cells, 4, 3);
    }
  cf_test_pdf_show_at (cr, 60, 200, "本年度行政复议、行政诉讼情况如下。");
  cf_test_pdf_show_at (cr, 60, 280, "四、政府信息公开行政复议、行政诉讼情况");
  cf_test_pdf_draw_ruled_wrapped (cr, xs3, ys3, other, G_N_ELEMENTS (other), 0);
}

static void
test_split_pages (void)
{
  g_autofree char *path = cf_test_pdf_draw (tmpdir, "split.pdf", draw_split);
  g_autoptr (CfDocument) doc = cf_test_pdf_load (path);
  GPtrArray *tables = cf_document_get_tables (doc);
  CfTable *table, *other;
  CfTestPdfCellSpec cells[4];
  double ys1[] = { 700, 720, 740, 760, 780 };
  double ys2[] = { 60, 80, 100, 120 };

  g_assert_cmpint (cf_document_get_n_pages (doc), ==, 2);
  g_assert_cmpuint (tables->len, ==, 2);
  table = cf_test_pdf_find_table_titled (doc, "二、主动公开政府信息情况");
  g_assert_nonnull (table);
  g_assert_cmpint (cf_table_get_page (table), ==, 1);
  g_assert_cmpint (cf_table_get_n_rows (table), ==, 6);
  g_assert_cmpint (cf_table_get_n_cols (table), ==, 4);
  cf_test_pdf_check_ruled_table (table, split_xs, ys1, split_head, 4, 0, 1);
  for (int r = 1; r <= 3; r++)
    {
      split_row (cells, r, r);
      cf_test_pdf_check_ruled_table (table, split_xs, ys1, cells, 4, 0, 1);
    }
  for (int r = 4; r <= 5; r++)
    {
      split_row (cells, r, r);
      cf_test_pdf_check_ruled_table (table, split_xs, ys2, cells, 4, 3, 2);
    }

  other = cf_test_pdf_find_table_titled (doc, "四、政府信息公开行政复议");
  g_assert_nonnull (other);
  g_assert_true (other != table);
  g_assert_cmpint (cf_table_get_page (other), ==, 2);
  g_assert_cmpstr (cf_test_cell_text (other, 1, 1), ==, "1");
}

/* The rows go on over the page break with no header printed again. */
static void
draw_split_bare (cairo_t *cr)
{
  CfTestPdfCellSpec cells[4];
  double ys1[] = { 740, 760, 780, 800 };
  double ys2[] = { 72, 92, 112 };

  cf_test_pdf_set_font (cr, "Noto Sans CJK SC", 10.5);
  cf_test_pdf_show_at (cr, 60, 720, "二、主动公开政府信息情况");
  cf_test_pdf_draw_ruled_wrapped (cr, split_xs, ys1, split_head, 4, 0);
  for (int r = 1; r <= 2; r++)
    {
      split_row (cells, r, r);
      cf_test_pdf_draw_ruled_wrapped (cr, split_xs, ys1, cells, 4, 0);
    }
  cf_test_pdf_next_page (cr);
  for (int r = 3; r <= 4; r++)
    {
      split_row (cells, r, r);
      cf_test_pdf_draw_ruled_wrapped (cr, split_xs, ys2, cells, 4, 3);
    }
  cf_test_pdf_show_at (cr, 60, 160, "三、收到和处理政府信息公开申请情况");
}

static void
test_split_pages_bare (void)
{
  g_autofree char *path = cf_test_pdf_draw (tmpdir, "split-bare.pdf", draw_split_bare);
  g_autoptr (CfDocument) doc = cf_test_pdf_load (path);
  GPtrArray *tables = cf_document_get_tables (doc);
  CfTable *table;
  CfTestPdfCellSpec cells[4];
  double ys2[] = { 72, 92, 112 };

  g_assert_cmpuint (tables->len, ==, 1);
  table = g_ptr_array_index (tables, 0);
  g_assert_cmpstr (cf_table_get_title (table), ==, "二、主动公开政府信息情况");
  g_assert_cmpint (cf_table_get_page (table), ==, 1);
  g_assert_cmpint (cf_table_get_n_rows (table), ==, 5);
  for (int r = 3; r <= 4; r++)
    {
      split_row (cells, r, r);
      cf_test_pdf_check_ruled_table (table, split_xs, ys2, cells, 4, 3, 2);
    }
}

/* ------------------------------------------- a row cut by the page break */

/* A requests table whose row 4 the page break cuts: its wrapped label's
 * first line and its values end page 1, the rest of the label starts page 2,
 * and the group label （三）不予公开 (rows 2 to 5) is printed on page 1 only,
 * its cell going on empty at the top of page 2. */
static const double cut_xs[] = { 40, 100, 260, 330, 400, 470 };
static const double cut_ys1[] = { 600, 630, 656, 682, 708, 724 };
static const double cut_ys2[] = { 60, 76, 102, 128 };
static const double cut_ys2_head[] = { 60, 90, 106, 132, 158 };
static const char cut_label[] = "4.保护第三方合法权益，可能对第三方合法权益造成损害的";
static const CfTestPdfCellSpec cut_head[] = {
  { 0, 0, 1, 2, "项目" }, { 0, 2, 1, 1, "自然人" }, { 0, 3, 1, 1, "法人或其他组织" },
  { 0, 4, 1, 1, "总计" },
};
static const CfTestPdfCellSpec cut_page1[] = {
  { 1, 0, 1, 2, "一、本年新收政府信息公开申请数量" },
  { 1, 2, 1, 1, "5" }, { 1, 3, 1, 1, "2" }, { 1, 4, 1, 1, "7" },
  { 2, 1, 1, 1, "1.属于国家秘密" }, { 2, 2, 1, 1, "1" }, { 2, 3, 1, 1, "0" }, { 2, 4, 1, 1, "1" },
  { 3, 1, 1, 1, "2.其他法律行政法规禁止公开" },
  { 3, 2, 1, 1, "0" }, { 3, 3, 1, 1, "0" }, { 3, 4, 1, 1, "0" },
  { 4, 2, 1, 1, "2" }, { 4, 3, 1, 1, "1" }, { 4, 4, 1, 1, "3" },
};
static const CfTestPdfCellSpec cut_page2[] = {
  { 5, 1, 1, 1, "5.属于三类内部事务信息" }, { 5, 2, 1, 1, "0" }, { 5, 3, 1, 1, "1" }, { 5, 4, 1, 1, "1" },
  { 6, 0, 1, 2, "四、结转下年度继续办理" }, { 6, 2, 1, 1, "1" }, { 6, 3, 1, 1, "0" }, { 6, 4, 1, 1, "1" },
};

static gboolean cut_repeat_header;
static char *cut_first, *cut_rest; /* the label's parts as drawn */

/* The label's lines as cf_test_pdf_draw_wrapped() breaks them: the first, and the rest. */
static void
cut_label_parts (cairo_t *cr, char **first, char **rest)
{
  g_autoptr (GPtrArray) lines = cf_test_pdf_wrap (cr, cut_label, cut_xs[2] - cut_xs[1] - 4);

  g_assert_cmpuint (lines->len, ==, 2);
  *first = g_strdup (g_ptr_array_index (lines, 0));
  *rest = g_strdup (g_ptr_array_index (lines, 1));
}

static void
draw_cut_row (cairo_t *cr)
{
  g_autofree char *first = NULL;
  g_autofree char *rest = NULL;
  const double *ys2 = cut_repeat_header ? cut_ys2_head : cut_ys2;
  int offset2 = cut_repeat_header ? 3 : 4;

  cf_test_pdf_set_font (cr, "Noto Sans CJK SC", 10.5);
  cf_test_pdf_show_at (cr, 40, 560, "本机关全年共收到政府信息公开申请7件。");
  cf_test_pdf_show_at (cr, 40, 590, "三、收到和处理政府信息公开申请情况");
  cf_test_pdf_set_font (cr, "Noto Sans CJK SC", 7.5);
  cut_label_parts (cr, &first, &rest);
  cf_test_pdf_draw_ruled_wrapped (cr, cut_xs, cut_ys1, cut_head, G_N_ELEMENTS (cut_head), 0);
  cf_test_pdf_draw_ruled_wrapped (cr, cut_xs, cut_ys1, cut_page1, G_N_ELEMENTS (cut_page1), 0);
  {
    const CfTestPdfCellSpec cut[] = { { 2, 0, 3, 1, "（三）不予公开" }, { 4, 1, 1, 1, first } };
    cf_test_pdf_draw_ruled_wrapped (cr, cut_xs, cut_ys1, cut, G_N_ELEMENTS (cut), 0);
  }
  cf_test_pdf_set_font (cr, "Noto Sans CJK SC", 10.5);
  cf_test_pdf_show_at (cr, 280, 820, "- 1 -");
  cf_test_pdf_next_page (cr);

  cf_test_pdf_set_font (cr, "Noto Sans CJK SC", 7.5);
  if (cut_repeat_header)
    cf_test_pdf_draw_ruled_wrapped (cr, cut_xs, cut_ys2_head, cut_head, G_N_ELEMENTS (cut_head), 0);
  {
    const CfTestPdfCellSpec tail[] = {
      { 4, 0, 2, 1, "" }, { 4, 1, 1, 1, rest }, { 4, 2, 1, 1, "" }, { 4, 3, 1, 1, "" }, { 4, 4, 1, 1, "" },
    };
    cf_test_pdf_draw_ruled_wrapped (cr, cut_xs, ys2, tail, G_N_ELEMENTS (tail), offset2);
  }
  cf_test_pdf_draw_ruled_wrapped (cr, cut_xs, ys2, cut_page2, G_N_ELEMENTS (cut_page2), offset2);
  cf_test_pdf_set_font (cr, "Noto Sans CJK SC", 10.5);
  cf_test_pdf_show_at (cr, 40, 240, "四、政府信息公开行政复议、行政诉讼情况");
  g_free (cut_first);
  g_free (cut_rest);
  cut_first = g_steal_pointer (&first);
  cut_rest = g_steal_pointer (&rest);
}

/* The cut row is one row again, with the label's whole text, the values
 * and the first part's page and box; the group label spans all its rows. */
static void
test_cut_row (gconstpointer data)
{
  g_autofree char *path = NULL;
  g_autoptr (CfDocument) doc = NULL;
  g_autofree char *first = NULL;
  g_autofree char *rest = NULL;
  g_autofree char *printed = NULL;
  const double *ys2;
  int offset2;
  CfTable *table;
  CfCell *cell, *group;

  cut_repeat_header = GPOINTER_TO_INT (data);
  ys2 = cut_repeat_header ? cut_ys2_head : cut_ys2;
  offset2 = cut_repeat_header ? 3 : 4;
  path = cf_test_pdf_draw (tmpdir, cut_repeat_header ? "cut-row-header.pdf" : "cut-row.pdf", draw_cut_row);
  doc = cf_test_pdf_load (path);
  /* As the PDF surface measured them when drawing. */
  first = g_steal_pointer (&cut_first);
  rest = g_steal_pointer (&cut_rest);

  g_assert_cmpuint (cf_document_get_tables (doc)->len, ==, 1);
  table = cf_test_pdf_find_table_titled (doc, "三、收到和处理政府信息公开申请情况");
  g_assert_nonnull (table);
  g_assert_cmpstr (cf_table_get_layout (table), ==, "lattice");
  g_assert_cmpint (cf_table_get_n_rows (table), ==, 7);
  g_assert_cmpint (cf_table_get_n_cols (table), ==, 5);
  cf_test_pdf_check_ruled_table (table, cut_xs, cut_ys1, cut_head, G_N_ELEMENTS (cut_head), 0, 1);
  cf_test_pdf_check_ruled_table (table, cut_xs, cut_ys1, cut_page1, G_N_ELEMENTS (cut_page1), 0, 1);
  cf_test_pdf_check_ruled_table (table, cut_xs, ys2, cut_page2, G_N_ELEMENTS (cut_page2), offset2, 2);

  /* The cut label: its whole text, on page 1 in the box of its first part,
   * its range running from the first part to the end of the second. */
  cell = cf_table_get_origin_cell (table, 4, 1);
  g_assert_nonnull (cell);
  g_assert_cmpstr (cell->text, ==, cut_label);
  g_assert_cmpint (cell->row_span, ==, 1);
  g_assert_cmpint (cell->col_span, ==, 1);
  g_assert_cmpint (cell->page, ==, 1);
  g_assert_cmpfloat_with_epsilon (cell->bbox[0], cut_xs[1], 2.0);
  g_assert_cmpfloat_with_epsilon (cell->bbox[1], cut_ys1[4], 2.0);
  g_assert_cmpfloat_with_epsilon (cell->bbox[2], cut_xs[2], 2.0);
  g_assert_cmpfloat_with_epsilon (cell->bbox[3], cut_ys1[5], 2.0);
  printed = g_strndup (cf_document_get_text (doc, NULL) + cell->offset, cell->length);
  g_assert_true (g_str_has_prefix (printed, first));
  g_assert_true (g_str_has_suffix (printed, rest));
  g_assert_nonnull (strstr (printed, "\f"));
  for (guint i = 0; i < cf_table_get_n_cells (table); i++)
    g_assert_cmpstr (cf_table_get_cell_at (table, i)->text, !=, rest);

  /* The group label spans rows 2 to 5, over the page break. */
  group = cf_table_get_origin_cell (table, 2, 0);
  g_assert_nonnull (group);
  g_assert_cmpstr (group->text, ==, "（三）不予公开");
  g_assert_cmpint (group->row_span, ==, 4);
  g_assert_cmpint (group->col_span, ==, 1);
  g_assert_cmpint (group->page, ==, 1);
  g_assert_cmpfloat_with_epsilon (group->bbox[1], cut_ys1[2], 2.0);
  g_assert_cmpfloat_with_epsilon (group->bbox[3], cut_ys1[5], 2.0);
  for (int r = 2; r <= 5; r++)
    g_assert_true (cf_table_get_cell (table, r, 0) == group);
  g_assert_null (cf_table_get_origin_cell (table, 4, 0));
  g_assert_null (cf_table_get_origin_cell (table, 5, 0));

  g_assert_cmpstr (cf_test_cell_text (table, 5, 1), ==, "5.属于三类内部事务信息");
  g_assert_cmpint (cf_table_get_origin_cell (table, 5, 1)->page, ==, 2);
}

/* The same cut in a borderless table: label lines at their column's left
 * edge, numbers right-aligned, the group label centred down its rows. */
static const double cut_stream_label_xs[] = { 40, 100, 260 };
static const double cut_stream_value_right[] = { 320, 390, 460 };
#define CUT_LINE 11.0

static void
cut_stream_row (cairo_t *cr, double baseline, const char *label, const char *a, const char *b,
                const char *c, int label_col)
{
  const char *values[] = { a, b, c };

  if (label)
    cf_test_pdf_show_at (cr, cut_stream_label_xs[label_col] + 2, baseline, label);
  for (guint k = 0; k < G_N_ELEMENTS (values); k++)
    if (values[k])
      cf_test_pdf_show_right (cr, cut_stream_value_right[k], baseline, values[k]);
}

static void
draw_cut_stream (cairo_t *cr)
{
  g_autoptr (GPtrArray) lines = NULL;

  cf_test_pdf_set_font (cr, "Noto Sans CJK SC", 10.5);
  cf_test_pdf_show_at (cr, 40, 600, "本机关全年共收到政府信息公开申请7件。");
  cf_test_pdf_show_at (cr, 40, 630, "三、收到和处理政府信息公开申请情况");
  cf_test_pdf_set_font (cr, "Noto Sans CJK SC", 7.5);
  lines = cf_test_pdf_wrap (cr, cut_label, cut_stream_label_xs[2] - cut_stream_label_xs[1] - 4);
  g_assert_cmpuint (lines->len, ==, 2);
  cut_stream_row (cr, 660, "项目", "自然人", "法人或其他组织", "总计", 0);
  cut_stream_row (cr, 680, "一、本年新收政府信息公开申请数量", "5", "2", "7", 0);
  cut_stream_row (cr, 700, "1.属于国家秘密", "1", "0", "1", 1);
  cut_stream_row (cr, 720, "2.其他法律行政法规禁止公开", "0", "0", "0", 1);
  cut_stream_row (cr, 740, g_ptr_array_index (lines, 0), "2", "1", "3", 1);
  cf_test_pdf_show_at (cr, cut_stream_label_xs[0] + 2, 720, "（三）不予公开");
  cf_test_pdf_set_font (cr, "Noto Sans CJK SC", 10.5);
  cf_test_pdf_show_at (cr, 280, 820, "- 1 -");
  cf_test_pdf_next_page (cr);

  cf_test_pdf_set_font (cr, "Noto Sans CJK SC", 7.5);
  cut_stream_row (cr, 60, g_ptr_array_index (lines, 1), NULL, NULL, NULL, 1);
  cut_stream_row (cr, 80, "5.属于三类内部事务信息", "0", "1", "1", 1);
  cut_stream_row (cr, 100, "1.本机关不掌握相关政府信息", "3", "0", "3", 1);
  cf_test_pdf_show_at (cr, cut_stream_label_xs[0] + 2, 100, "（四）无法提供");
  cut_stream_row (cr, 120, "四、结转下年度继续办理", "1", "0", "1", 0);
  cf_test_pdf_set_font (cr, "Noto Sans CJK SC", 10.5);
  cf_test_pdf_show_at (cr, 40, 200, "四、政府信息公开行政复议、行政诉讼情况");
  g_free (cut_first);
  g_free (cut_rest);
  cut_first = g_strdup (g_ptr_array_index (lines, 0));
  cut_rest = g_strdup (g_ptr_array_index (lines, 1));
}

/* The tail of the cut label, a line above the numbers of page 2, joins the
 * label; the rows of both pages are one table. */
static void
test_cut_row_stream (void)
{
  g_autofree char *path = cf_test_pdf_draw (tmpdir, "cut-row-stream.pdf", draw_cut_stream);
  g_autoptr (CfDocument) doc = cf_test_pdf_load (path);
  g_autofree char *first = g_steal_pointer (&cut_first);
  g_autofree char *rest = g_steal_pointer (&cut_rest);
  g_autofree char *printed = NULL;
  CfTable *table;
  CfCell *cell;

  g_assert_cmpuint (cf_document_get_tables (doc)->len, ==, 1);
  table = g_ptr_array_index (cf_document_get_tables (doc), 0);
  g_assert_cmpstr (cf_table_get_layout (table), ==, "stream");
  g_assert_cmpint (cf_table_get_n_rows (table), ==, 8);
  g_assert_cmpint (cf_table_get_n_cols (table), ==, 5);

  cell = cf_table_get_origin_cell (table, 4, 1);
  g_assert_nonnull (cell);
  g_assert_cmpstr (cell->text, ==, cut_label);
  g_assert_cmpint (cell->page, ==, 1);
  printed = g_strndup (cf_document_get_text (doc, NULL) + cell->offset, cell->length);
  g_assert_true (g_str_has_prefix (printed, first));
  g_assert_true (g_str_has_suffix (printed, rest));
  g_assert_cmpstr (cf_test_cell_text (table, 4, 2), ==, "2");
  g_assert_cmpstr (cf_test_cell_text (table, 4, 4), ==, "3");
  g_assert_cmpstr (cf_test_cell_text (table, 5, 1), ==, "5.属于三类内部事务信息");
  g_assert_cmpstr (cf_test_cell_text (table, 5, 3), ==, "1");
  g_assert_cmpint (cf_table_get_origin_cell (table, 5, 1)->page, ==, 2);
  g_assert_cmpstr (cf_test_cell_text (table, 7, 0), ==, "四、结转下年度继续办理");
  for (guint i = 0; i < cf_table_get_n_cells (table); i++)
    g_assert_cmpstr (cf_table_get_cell_at (table, i)->text, !=, rest);
}

/* Rows that end and start at the page break stay two rows: a short label
 * above with its values, and below a row of blanks whose label fills its
 * line but starts an item of its own. */
static const CfTestPdfCellSpec whole_page1[] = {
  { 0, 0, 1, 1, "信息内容" }, { 0, 1, 1, 1, "本年新制作数量" }, { 0, 2, 1, 1, "本年新公开数量" },
  { 0, 3, 1, 1, "对外公开总数量" },
  { 1, 0, 1, 1, "规章" }, { 1, 1, 1, 1, "2" }, { 1, 2, 1, 1, "1" }, { 1, 3, 1, 1, "30" },
  { 2, 0, 1, 1, "行政许可" }, { 2, 1, 1, 1, "4" }, { 2, 2, 1, 1, "3" }, { 2, 3, 1, 1, "12" },
};
static const CfTestPdfCellSpec whole_page2[] = {
  { 3, 0, 1, 1, "行政处罚" }, { 3, 1, 1, 1, "" }, { 3, 2, 1, 1, "" }, { 3, 3, 1, 1, "" },
  { 4, 0, 1, 1, "行政强制" }, { 4, 1, 1, 1, "5" }, { 4, 2, 1, 1, "0" }, { 4, 3, 1, 1, "5" },
};
static const double whole_ys1[] = { 700, 730, 756, 782 };
static const double whole_ys2[] = { 60, 86, 112 };

static void
draw_whole_rows (cairo_t *cr)
{
  cf_test_pdf_set_font (cr, "Noto Sans CJK SC", 10.5);
  cf_test_pdf_show_at (cr, 60, 690, "二、主动公开政府信息情况");
  cf_test_pdf_set_font (cr, "Noto Sans CJK SC", 7.5);
  cf_test_pdf_draw_ruled_wrapped (cr, split_xs, whole_ys1, whole_page1, G_N_ELEMENTS (whole_page1), 0);
  cf_test_pdf_next_page (cr);
  cf_test_pdf_draw_ruled_wrapped (cr, split_xs, whole_ys2, whole_page2, G_N_ELEMENTS (whole_page2), 3);
}

static void
test_whole_rows (void)
{
  g_autofree char *path = cf_test_pdf_draw (tmpdir, "whole-rows.pdf", draw_whole_rows);
  g_autoptr (CfDocument) doc = cf_test_pdf_load (path);
  CfTable *table;

  g_assert_cmpuint (cf_document_get_tables (doc)->len, ==, 1);
  table = g_ptr_array_index (cf_document_get_tables (doc), 0);
  g_assert_cmpint (cf_table_get_n_rows (table), ==, 5);
  cf_test_pdf_check_ruled_table (table, split_xs, whole_ys1, whole_page1, G_N_ELEMENTS (whole_page1), 0, 1);
  cf_test_pdf_check_ruled_table (table, split_xs, whole_ys2, whole_page2, G_N_ELEMENTS (whole_page2), 3, 2);
}

/* ------------------------------------------------------------ Traditional */

static const double trad_xs[] = { 40, 200, 260, 320, 380 };
static const double trad_ys[] = { 100, 130, 150, 170 };
static const CfTestPdfCellSpec trad_cells[] = {
  { 0, 0, 1, 1, "項目" }, { 0, 1, 1, 1, "自然人" }, { 0, 2, 1, 1, "商業企業" },
  { 0, 3, 1, 1, "總計" },
  { 1, 0, 1, 1, "一、本年新收政府資訊公開申請數量" }, { 1, 1, 1, 1, "7" }, { 1, 2, 1, 1, "2" },
  { 1, 3, 1, 1, "9" },
  { 2, 0, 1, 1, "二、上年結轉政府資訊公開申請數量" }, { 2, 1, 1, 1, "0" }, { 2, 2, 1, 1, "1" },
  { 2, 3, 1, 1, "1" },
};

/* This table's rules are thin filled rectangles in grey (as some writers
 * draw them), its header row is shaded, and prose runs beside it. */
static void
draw_traditional (cairo_t *cr)
{
  const double n_x = G_N_ELEMENTS (trad_xs), n_y = G_N_ELEMENTS (trad_ys);

  cf_test_pdf_set_font (cr, "Noto Sans CJK TC", 9);
  cf_test_pdf_show_at (cr, 40, 80, "三、收到和處理政府資訊公開申請情況");
  cairo_set_source_rgb (cr, 0.85, 0.85, 0.85);
  cairo_rectangle (cr, trad_xs[0], trad_ys[0], trad_xs[4] - trad_xs[0], trad_ys[1] - trad_ys[0]);
  cairo_fill (cr);
  cairo_set_source_rgb (cr, 0.35, 0.35, 0.35);
  for (int i = 0; i < n_y; i++)
    cairo_rectangle (cr, trad_xs[0], trad_ys[i] - 0.15, trad_xs[4] - trad_xs[0], 0.3);
  for (int i = 0; i < n_x; i++)
    cairo_rectangle (cr, trad_xs[i] - 0.15, trad_ys[0], 0.3, trad_ys[3] - trad_ys[0]);
  cairo_fill (cr);
  cairo_set_source_rgb (cr, 0, 0, 0);
  for (guint i = 0; i < G_N_ELEMENTS (trad_cells); i++)
    {
      const CfTestPdfCellSpec *c = &trad_cells[i];
      cf_test_pdf_draw_wrapped (cr, c->text, trad_xs[c->col], trad_ys[c->row], trad_xs[c->col + 1],
                                trad_ys[c->row + 1]);
    }
  /* Prose beside the table, on the table's lines. */
  cf_test_pdf_show_at (cr, 400, 115, "本機關全年共收到申請");
  cf_test_pdf_show_at (cr, 400, 142, "10件，均已按時答覆。");
  cf_test_pdf_show_at (cr, 400, 162, "無行政復議案件。");
}

static void
test_traditional (void)
{
  g_autofree char *path = cf_test_pdf_draw (tmpdir, "traditional.pdf", draw_traditional);
  g_autoptr (CfDocument) doc = cf_test_pdf_load (path);
  GPtrArray *tables = cf_document_get_tables (doc);
  CfTable *table;

  g_assert_cmpuint (tables->len, ==, 1);
  table = g_ptr_array_index (tables, 0);
  g_assert_cmpstr (cf_table_get_title (table), ==, "三、收到和處理政府資訊公開申請情況");
  cf_test_pdf_check_ruled_table (table, trad_xs, trad_ys, trad_cells, G_N_ELEMENTS (trad_cells), 0, 1);
  g_assert_cmpuint (cf_table_get_n_cells (table), ==, G_N_ELEMENTS (trad_cells));
  g_assert_nonnull (strstr (cf_document_get_text (doc, NULL), "無行政復議案件。"));
}

/* ---------------------------------------------------- hand-written PDFs */

/* A one-page PDF with @content (PDF operators, font /F1 = Helvetica). */
static GBytes *
raw_pdf (const char *page_dict_extra, const char *content, gboolean no_pages)
{
  GString *pdf = g_string_new ("%PDF-1.4\n");
  g_autoptr (GArray) offsets = g_array_new (FALSE, FALSE, sizeof (gsize));
  g_autoptr (GPtrArray) objects = g_ptr_array_new_with_free_func (g_free);
  gsize xref;

  g_ptr_array_add (objects, g_strdup ("<< /Type /Catalog /Pages 2 0 R >>"));
  if (no_pages)
    g_ptr_array_add (objects, g_strdup ("<< /Type /Pages /Kids [] /Count 0 >>"));
  else
    {
      g_ptr_array_add (objects, g_strdup ("<< /Type /Pages /Kids [3 0 R] /Count 1 >>"));
      g_ptr_array_add (objects, g_strdup_printf ("<< /Type /Page /Parent 2 0 R %s "
                                                 "/Resources << /Font << /F1 5 0 R >> >> "
                                                 "/Contents 4 0 R >>", page_dict_extra));
      g_ptr_array_add (objects, g_strdup_printf ("<< /Length %zu >>\nstream\n%s\nendstream",
                                                 strlen (content), content));
      g_ptr_array_add (objects, g_strdup ("<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica "
                                          "/Encoding /WinAnsiEncoding >>"));
    }
  for (guint i = 0; i < objects->len; i++)
    {
      gsize off = pdf->len;
      g_array_append_val (offsets, off);
      g_string_append_printf (pdf, "%u 0 obj\n%s\nendobj\n", i + 1,
                              (char *) g_ptr_array_index (objects, i));
    }
  xref = pdf->len;
  g_string_append_printf (pdf, "xref\n0 %u\n0000000000 65535 f \n", objects->len + 1);
  for (guint i = 0; i < offsets->len; i++)
    g_string_append_printf (pdf, "%010zu 00000 n \n", g_array_index (offsets, gsize, i));
  g_string_append_printf (pdf, "trailer\n<< /Size %u /Root 1 0 R >>\nstartxref\n%zu\n%%%%EOF\n",
                          objects->len + 1, xref);
  return g_string_free_to_bytes (pdf);
}

/* A landscape page stored portrait with /Rotate 90 and a crop box that does
 * not start at 0: the content is drawn turned so that it reads upright on
 * screen. Displayed (X, Y) is user space (Y + 10, X + 20) here. */
static void
test_rotated_cropped (void)
{
  static const double xs[] = { 100, 250, 350, 450 };
  static const double ys[] = { 100, 130, 160, 190 };
  static const char *texts[3][3] = {
    { "Item", "This year", "Last year" },
    { "Licensing", "12", "10" },
    { "Penalty", "3", "(4)" },
  };
  g_autoptr (GString) content = g_string_new ("0 0 0 RG 0.6 w\n");
  g_autoptr (GBytes) bytes = NULL;
  g_autoptr (GError) error = NULL;
  g_autoptr (CfDocument) doc = NULL;
  GPtrArray *tables;
  CfTable *table;
  CfCell *cell;

  for (guint i = 0; i < G_N_ELEMENTS (ys); i++) /* displayed horizontal rules */
    g_string_append_printf (content, "%g %g m %g %g l S\n", ys[i] + 10, xs[0] + 20, ys[i] + 10,
                            xs[3] + 20);
  for (guint i = 0; i < G_N_ELEMENTS (xs); i++) /* displayed vertical rules */
    g_string_append_printf (content, "%g %g m %g %g l S\n", ys[0] + 10, xs[i] + 20, ys[3] + 10,
                            xs[i] + 20);
  for (int r = 0; r < 3; r++)
    for (int c = 0; c < 3; c++)
      g_string_append_printf (content, "BT /F1 11 Tf 0 1 -1 0 %g %g Tm (%s) Tj ET\n",
                              ys[r] + 20 + 10, xs[c] + 4 + 20, texts[r][c]);

  bytes = raw_pdf ("/MediaBox [0 0 595 842] /CropBox [10 20 585 832] /Rotate 90", content->str,
                   FALSE);
  doc = cf_loader_load_bytes (bytes, "rotated.pdf", NULL, NULL, &error);
  g_assert_no_error (error);
  tables = cf_document_get_tables (doc);
  g_assert_cmpuint (tables->len, ==, 1);
  table = g_ptr_array_index (tables, 0);
  g_assert_cmpstr (cf_table_get_layout (table), ==, "lattice");
  g_assert_cmpint (cf_table_get_n_rows (table), ==, 3);
  g_assert_cmpint (cf_table_get_n_cols (table), ==, 3);
  for (int r = 0; r < 3; r++)
    for (int c = 0; c < 3; c++)
      {
        cell = cf_table_get_cell (table, r, c);
        g_assert_cmpstr (cell->text, ==, texts[r][c]);
        g_assert_cmpfloat_with_epsilon (cell->bbox[0], xs[c], 2.0);
        g_assert_cmpfloat_with_epsilon (cell->bbox[1], ys[r], 2.0);
        g_assert_cmpfloat_with_epsilon (cell->bbox[2], xs[c + 1], 2.0);
        g_assert_cmpfloat_with_epsilon (cell->bbox[3], ys[r + 1], 2.0);
      }
  /* The characters' boxes are in the displayed page too. */
  cell = cf_table_get_cell (table, 1, 0);
  {
    int page;
    double bbox[4];
    g_assert_true (cf_document_locate_range (doc, cell->offset, cell->length, &page, bbox));
    g_assert_cmpfloat_with_epsilon (bbox[0], xs[0] + 4, 1.0);
    g_assert_cmpfloat (bbox[1], >, ys[1]);
    g_assert_cmpfloat (bbox[3], <, ys[2]);
  }
}

static void
test_no_pages (void)
{
  g_autoptr (GBytes) bytes = raw_pdf (NULL, NULL, TRUE);
  g_autoptr (GError) error = NULL;
  g_autoptr (CfDocument) doc = cf_loader_load_bytes (bytes, "/x/nothing.pdf", NULL, NULL, &error);

  g_assert_null (doc);
  g_assert_error (error, CF_ERROR, CF_ERROR_EMPTY);
  g_assert_true (g_str_has_prefix (error->message, "nothing.pdf: "));
}

/* ------------------------------------------------------- damaged / locked */

static void
test_truncated (void)
{
  g_autofree char *path = cf_test_pdf_draw (tmpdir, "whole.pdf", draw_requests);
  g_autofree char *data = NULL;
  gsize len;
  g_autoptr (GBytes) half = NULL;
  g_autoptr (GError) error = NULL;
  g_autoptr (CfDocument) doc = NULL;

  g_assert_true (g_file_get_contents (path, &data, &len, NULL));
  half = g_bytes_new (data, len / 2);
  doc = cf_loader_load_bytes (half, "half.pdf", NULL, NULL, &error);
  g_assert_null (doc);
  g_assert_error (error, CF_ERROR, CF_ERROR_CORRUPT);
  g_assert_true (g_str_has_prefix (error->message, "half.pdf: "));
}

static void
test_empty_file (void)
{
  g_autofree char *path = g_build_filename (tmpdir, "empty.pdf", NULL);
  g_autoptr (GError) error = NULL;
  g_autoptr (CfDocument) doc = NULL;

  g_assert_true (g_file_set_contents (path, "", 0, NULL));
  doc = cf_loader_load_file (path, NULL, NULL, &error);
  g_assert_null (doc);
  g_assert_error (error, CF_ERROR, CF_ERROR_EMPTY);
  g_assert_true (g_str_has_prefix (error->message, "empty.pdf: "));
}

static void
test_encrypted (void)
{
  g_autofree char *path = cf_test_path ("pdf", "encrypted.pdf", NULL);
  g_autoptr (GError) error = NULL;
  g_autoptr (CfDocument) doc = NULL;

  doc = cf_loader_load_file (path, NULL, NULL, &error);
  g_assert_null (doc);
  g_assert_error (error, CF_ERROR, CF_ERROR_ENCRYPTED);
  g_assert_true (g_str_has_prefix (error->message,
                                   "encrypted.pdf: this PDF is encrypted; give its password (--password)"));
  g_clear_error (&error);

  doc = cf_loader_load_file (path, "wrong", NULL, &error);
  g_assert_null (doc);
  g_assert_error (error, CF_ERROR, CF_ERROR_ENCRYPTED);
  g_clear_error (&error);

  doc = cf_loader_load_file (path, "secret", NULL, &error);
  g_assert_no_error (error);
  g_assert_nonnull (strstr (cf_document_get_text (doc, NULL), "Licensing"));
  g_assert_cmpuint (cf_document_get_tables (doc)->len, ==, 1);
}

/* ------------------------------------------------------------------ scans */

static void
draw_scan (cairo_t *cr)
{
  cairo_surface_t *image = cairo_image_surface_create (CAIRO_FORMAT_RGB24, 200, 100);
  cairo_t *icr = cairo_create (image);

  cf_test_pdf_set_font (cr, "Noto Sans CJK SC", 12);
  cf_test_pdf_show_at (cr, 60, 80, "一、总体情况");
  cf_test_pdf_next_page (cr);

  /* Page 2: a picture of text, no text layer. */
  cairo_set_source_rgb (icr, 1, 1, 1);
  cairo_paint (icr);
  cairo_set_source_rgb (icr, 0, 0, 0);
  cairo_rectangle (icr, 20, 20, 160, 4);
  cairo_rectangle (icr, 20, 50, 120, 4);
  cairo_fill (icr);
  cairo_destroy (icr);
  cairo_set_source_surface (cr, image, 100, 100);
  cairo_paint (cr);
  cairo_surface_destroy (image);
  cf_test_pdf_next_page (cr);

  /* Page 3 is blank: nothing to warn about. */
  cf_test_pdf_next_page (cr);
}

static void
test_scanned_page (void)
{
  g_autofree char *path = cf_test_pdf_draw (tmpdir, "scan.pdf", draw_scan);
  g_autoptr (CfDocument) doc = cf_test_pdf_load (path);
  GPtrArray *notes = cf_document_get_notes (doc);
  CfFinding *note;

  g_assert_cmpint (cf_document_get_n_pages (doc), ==, 3);
  g_assert_cmpuint (notes->len, ==, 1);
  note = g_ptr_array_index (notes, 0);
  g_assert_cmpint (note->severity, ==, CF_SEVERITY_WARNING);
  g_assert_cmpstr (note->rule, ==, "pdf.no_text_layer");
  g_assert_cmpint (note->page, ==, 2);
  g_assert_cmpstr (note->message, ==, "第2页没有文字层（扫描件），无法提取表格");
  g_assert_cmpuint (cf_document_get_tables (doc)->len, ==, 0);
  /* Pages stay apart in the text. */
  g_assert_nonnull (strstr (cf_document_get_text (doc, NULL), "一、总体情况\n\f\n"));
}

static void
test_cancelled (void)
{
  g_autofree char *path = cf_test_pdf_draw (tmpdir, "cancel.pdf", draw_requests);
  g_autoptr (GCancellable) cancellable = g_cancellable_new ();
  g_autoptr (GError) error = NULL;
  g_autoptr (CfDocument) doc = NULL;

  g_autofree char *data = NULL;
  gsize len;
  g_autoptr (GBytes) bytes = NULL;

  g_assert_true (g_file_get_contents (path, &data, &len, NULL));
  bytes = g_bytes_new (data, len);
  g_cancellable_cancel (cancellable);
  doc = cf_loader_load_bytes (bytes, path, NULL, cancellable, &error);
  g_assert_null (doc);
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
}

/* ---------------------------------------- corpus HTML through LibreOffice */

/* The value cells of each row that has numbers, as "a|b|c" lines. */
static char *
value_rows (CfTable *table)
{
  GString *out = g_string_new (NULL);

  for (int r = 0; r < cf_table_get_n_rows (table); r++)
    {
      GString *row = g_string_new (NULL);
      gboolean any = FALSE;

      for (int c = 0; c < cf_table_get_n_cols (table); c++)
        {
          CfCell *cell = cf_table_get_origin_cell (table, r, c);
          if (cell == NULL || cell->number.kind != CF_NUMBER_VALUE)
            continue;
          g_string_append_printf (row, "%s|", cell->text);
          any = TRUE;
        }
      if (any)
        g_string_append_printf (out, "%s\n", row->str);
      g_string_free (row, TRUE);
    }
  return g_string_free (out, FALSE);
}

/* How many canonical cells of @want @got gives alike; the others go to @diff. */
static guint
count_same_cells (GHashTable *want, GHashTable *got, GString *diff)
{
  GHashTableIter iter;
  gpointer key, value;
  guint same = 0;

  g_hash_table_iter_init (&iter, want);
  while (g_hash_table_iter_next (&iter, &key, &value))
    {
      const char *other = g_hash_table_lookup (got, key);
      if (g_strcmp0 (other, value) == 0)
        same++;
      else
        g_string_append_printf (diff, "\n  %s: \"%s\" gives \"%s\"", (char *) key,
                                (char *) value, other ? other : "(none)");
    }
  g_hash_table_iter_init (&iter, got);
  while (g_hash_table_iter_next (&iter, &key, &value))
    if (!g_hash_table_contains (want, key))
      g_string_append_printf (diff, "\n  %s: (none) gives \"%s\"", (char *) key, (char *) value);
  return same;
}

static void
compare_with_html (gconstpointer data)
{
  const char *name = data;
  g_autofree char *html_name = g_strconcat (name, ".html", NULL);
  g_autofree char *pdf_name = g_strconcat (name, ".pdf", NULL);
  g_autofree char *pdf_path = cf_test_path ("pdf", pdf_name, NULL);
  g_autoptr (CfDocument) html = cf_test_load_corpus ("html", html_name);
  g_autoptr (CfDocument) pdf = cf_test_pdf_load (pdf_path);
  CfTable *a = cf_test_pdf_find_table_titled (html, "收到和处理政府信息公开申请");
  CfTable *b = cf_test_pdf_find_table_titled (pdf, "收到和处理政府信息公开申请");
  g_autofree char *rows_a = NULL;
  g_autofree char *rows_b = NULL;
  g_autoptr (GHashTable) want = NULL;
  g_autoptr (GHashTable) got = NULL;
  g_autoptr (GString) diff = g_string_new (NULL);

  if (a == NULL)
    {
      g_test_skip ("the HTML reader finds no requests table");
      return;
    }
  g_assert_nonnull (b);
  rows_a = value_rows (a);
  rows_b = value_rows (b);
  g_assert_cmpstr (rows_b, ==, rows_a);

  /* The audit reads the printed report as it reads the page. */
  cf_audit_document (html, NULL);
  cf_audit_document (pdf, NULL);
  g_assert_cmpstr (cf_document_get_form (pdf), ==, cf_document_get_form (html));
  g_assert_nonnull (cf_document_find_table (pdf, "requests"));
  g_assert_nonnull (cf_document_find_table (pdf, "appeals"));
  for (CfSeverity severity = CF_SEVERITY_INFO; severity <= CF_SEVERITY_ERROR; severity++)
    g_assert_cmpuint (cf_document_count_findings (pdf, severity), ==,
                      cf_document_count_findings (html, severity));

  /* Every canonical cell alike, and every form table the same grid: rows
   * cut by a page break mended, group labels spanning over it. */
  want = cf_test_canonical_cells (html, NULL);
  got = cf_test_canonical_cells (pdf, NULL);
  if (count_same_cells (want, got, diff) != g_hash_table_size (want) || diff->len > 0)
    g_error ("%s: canonical cells differ:%s", name, diff->str);
  for (guint t = 0; t < cf_document_get_tables (html)->len; t++)
    {
      CfTable *table = g_ptr_array_index (cf_document_get_tables (html), t);
      const char *id = cf_table_get_id (table);
      g_autofree char *grid_a = NULL;
      g_autofree char *grid_b = NULL;

      if (id == NULL || cf_document_find_table (pdf, id) == NULL)
        continue;
      grid_a = cf_test_pdf_table_grid (table, FALSE);
      grid_b = cf_test_pdf_table_grid (cf_document_find_table (pdf, id), FALSE);
      g_assert_cmpstr (grid_b, ==, grid_a);
    }
}

/* Every cell of every table sits on a page, in a box on it; a cell with
 * text points at that text in the document, on the same page. */
static void
assert_cells_placed (CfDocument *doc)
{
  GPtrArray *tables = cf_document_get_tables (doc);
  const char *text = cf_document_get_text (doc, NULL);

  for (guint t = 0; t < tables->len; t++)
    {
      CfTable *table = g_ptr_array_index (tables, t);

      g_assert_cmpint (cf_table_get_page (table), >=, 1);
      for (guint i = 0; i < cf_table_get_n_cells (table); i++)
        {
          CfCell *cell = cf_table_get_cell_at (table, i);

          if (cell->page < 1 || cell->bbox[0] > cell->bbox[2] || cell->bbox[1] > cell->bbox[3]
              || cell->bbox[0] < 0 || cell->bbox[1] < 0 || cell->bbox[2] > CF_TEST_PDF_A4_W + 1
              || cell->bbox[3] > CF_TEST_PDF_A4_H + 1)
            g_error ("%s (%d,%d) \"%s\": page %d box %g %g %g %g", cf_table_get_id (table),
                     cell->row, cell->col, cell->text, cell->page, cell->bbox[0], cell->bbox[1],
                     cell->bbox[2], cell->bbox[3]);
          if (cell->offset >= 0 && *cell->text)
            {
              int page = 0;
              double bbox[4];
              g_autofree char *printed = g_strndup (text + cell->offset, cell->length);

              g_assert_true (cf_document_locate_range (doc, cell->offset, cell->length, &page, bbox));
              g_assert_cmpint (page, ==, cell->page);
              /* The cell's first character is printed where its text starts. */
              if (g_utf8_get_char (printed) != g_utf8_get_char (cell->text))
                g_error ("%s (%d,%d) \"%s\" points at \"%s\"", cf_table_get_id (table),
                         cell->row, cell->col, cell->text, printed);
            }
        }
    }
}

/* The Shanghai report printed by LibreOffice: the page break after page 2
 * cuts row 4.保护第三方合法权益 (益 goes to page 3) and the groups
 * 三、本年度办理结果 and （三）不予公开; after page 1 it cuts a header row
 * whose text all fitted on page 1. */
static void
test_shanghai_cut_row (void)
{
  g_autofree char *path = cf_test_path ("pdf", "shanghai-gov-office-2019.pdf", NULL);
  g_autoptr (CfDocument) doc = cf_test_pdf_load (path);
  CfTable *requests, *proactive;
  CfCell *cell, *group, *sub, *last;
  int row;

  cf_audit_document (doc, NULL);
  requests = cf_document_find_table (doc, "requests");
  g_assert_nonnull (requests);
  for (guint i = 0; i < cf_table_get_n_cells (requests); i++)
    g_assert_cmpstr (cf_table_get_cell_at (requests, i)->text, !=, "益");

  cell = cf_table_find_by_keys (requests, "withheld_third_party", "natural_person");
  g_assert_nonnull (cell);
  row = cell->row;
  cell = cf_table_get_origin_cell (requests, row, 2);
  g_assert_nonnull (cell);
  g_assert_cmpstr (cell->text, ==, "4.保护第三方合法权益");
  g_assert_cmpint (cell->page, ==, 2);
  g_assert_cmpint (cell->row_span, ==, 1);
  cell = cf_table_find_by_keys (requests, "withheld_internal", "natural_person");
  g_assert_nonnull (cell);
  g_assert_cmpint (cell->row, ==, row + 1);
  g_assert_cmpstr (cell->text, ==, "5");
  g_assert_cmpint (cell->page, ==, 3);

  /* 三、本年度办理结果 heads every row from 予以公开 to 总计, over the break;
   * （三）不予公开 its eight rows. */
  group = cf_table_get_origin_cell (requests, cf_table_find_by_keys (requests, "granted", "total")->row, 0);
  g_assert_nonnull (group);
  g_assert_cmpstr (group->text, ==, "三、本年度办理结果");
  g_assert_cmpint (group->page, ==, 2);
  last = cf_table_find_by_keys (requests, "results_total", "total");
  g_assert_nonnull (last);
  g_assert_cmpint (group->row + group->row_span - 1, ==, last->row);
  for (int r = group->row; r <= last->row; r++)
    g_assert_true (cf_table_get_cell (requests, r, 0) == group);
  sub = cf_table_get_cell (requests, row, 1);
  g_assert_nonnull (sub);
  g_assert_cmpstr (sub->text, ==, "（三）不予公开");
  g_assert_cmpint (sub->row, ==, cf_table_find_by_keys (requests, "withheld_state_secret", "total")->row);
  g_assert_cmpint (sub->row + sub->row_span - 1, ==,
                   cf_table_find_by_keys (requests, "withheld_query", "total")->row);

  /* No blank row where page 1 ends in the proactive table. */
  proactive = cf_document_find_table (doc, "proactive");
  g_assert_nonnull (proactive);
  for (int r = 0; r < cf_table_get_n_rows (proactive); r++)
    {
      gboolean any = FALSE;
      for (int c = 0; c < cf_table_get_n_cols (proactive); c++)
        {
          CfCell *slot = cf_table_get_cell (proactive, r, c);
          any |= slot != NULL && *slot->text != '\0';
        }
      if (!any)
        g_error ("proactive row %d is blank", r);
    }
  assert_cells_placed (doc);
}

typedef struct
{
  const char *name;      /* under tests/corpus/text, printed to tests/pdf */
  guint       min_same;  /* 0: every canonical cell alike; else a known gap */
} TextPdf;

/* The corpus text reports printed to PDF by LibreOffice give the form and
 * the canonical cells their text gives. */
static void
compare_with_text (gconstpointer data)
{
  const TextPdf *tp = data;
  g_autofree char *txt_name = g_strconcat (tp->name, ".txt", NULL);
  g_autofree char *pdf_name = g_strconcat (tp->name, ".pdf", NULL);
  g_autofree char *pdf_path = cf_test_path ("pdf", pdf_name, NULL);
  g_autoptr (CfDocument) text = cf_test_load_corpus ("text", txt_name);
  g_autoptr (CfDocument) pdf = cf_test_pdf_load (pdf_path);
  g_autoptr (GHashTable) want = NULL;
  g_autoptr (GHashTable) got = NULL;
  g_autoptr (GString) diff = g_string_new (NULL);
  guint same;

  cf_audit_document (text, NULL);
  cf_audit_document (pdf, NULL);
  g_assert_cmpstr (cf_document_get_form (pdf), ==, cf_document_get_form (text));
  want = cf_test_canonical_cells (text, NULL);
  got = cf_test_canonical_cells (pdf, NULL);
  same = count_same_cells (want, got, diff);
  g_test_message ("%s: %u of %u canonical cells alike", tp->name, same, g_hash_table_size (want));
  if (tp->min_same == 0)
    {
      if (diff->len > 0)
        g_error ("%s: %u of %u canonical cells alike:%s", tp->name, same,
                 g_hash_table_size (want), diff->str);
    }
  else if (same < tp->min_same)
    g_error ("%s: %u of %u canonical cells alike, expected at least %u:%s", tp->name, same,
             g_hash_table_size (want), tp->min_same, diff->str);
  assert_cells_placed (pdf);
}

static const TextPdf text_pdfs[] = {
  { "danfeng-psb-2020", 0 },      /* pipe remnants, one cell a line, Traditional */
  { "shenzhen-psb-2020", 0 },     /* no form tables */
  /* Tab-separated: tabs print as gaps, and a row that overflows its tab stops
   * wraps its last cell onto a line of its own or sets a number flush after
   * its label: 192 of 198 alike. */
  { "shizuishan-psb-2020", 192 },
  { "zhaotong-psb-2016", 0 },     /* before the national forms */
  { "zibo-gaoxin-psb-2022", 0 },  /* one cell a line, 13 pages */
};

/* crossfoot-cli gives a PDF's cells with their page and box. */
static void
test_cli_json (void)
{
  g_autofree char *path = cf_test_path ("pdf", "shanghai-gov-office-2019.pdf", NULL);
  const char *cli = g_getenv ("CF_CLI");
  const char *argv[] = { cli, "audit", "--json", path, NULL };
  g_autofree char *out = NULL;
  g_autoptr (GError) error = NULL;
  g_autoptr (JsonParser) parser = json_parser_new ();
  JsonObject *root, *document;
  JsonArray *tables;
  gboolean found = FALSE;
  int status;

  if (cli == NULL)
    {
      g_test_skip ("CF_CLI is not set");
      return;
    }
  g_assert_true (g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_STDERR_TO_DEV_NULL, NULL, NULL,
                               &out, NULL, &status, &error));
  g_assert_no_error (error);
  g_assert_true (json_parser_load_from_data (parser, out, -1, &error));
  g_assert_no_error (error);
  root = json_node_get_object (json_parser_get_root (parser));
  document = json_object_get_object_member (root, "document");
  g_assert_cmpstr (json_object_get_string_member (document, "kind"), ==, "pdf");
  g_assert_cmpint (json_object_get_int_member (document, "pages"), ==, 4);
  g_assert_cmpstr (json_object_get_string_member (root, "form"), ==, "gip-2019");

  tables = json_object_get_array_member (root, "tables");
  for (guint t = 0; t < json_array_get_length (tables); t++)
    {
      JsonObject *table = json_array_get_object_element (tables, t);
      JsonArray *cells;

      if (g_strcmp0 (json_object_get_string_member (table, "id"), "requests") != 0)
        continue;
      g_assert_cmpstr (json_object_get_string_member (table, "title"), ==,
                       "三、收到和处理政府信息公开申请情况");
      g_assert_cmpint (json_object_get_int_member (table, "page"), ==, 2);
      cells = json_object_get_array_member (table, "cells");
      for (guint c = 0; c < json_array_get_length (cells); c++)
        {
          JsonObject *cell = json_array_get_object_element (cells, c);
          JsonArray *bbox;

          if (g_strcmp0 (json_object_get_string_member (cell, "row_key"), "new") != 0
              || g_strcmp0 (json_object_get_string_member (cell, "col_key"), "natural_person") != 0)
            continue;
          g_assert_cmpstr (json_object_get_string_member (cell, "text"), ==, "821");
          g_assert_cmpint (json_object_get_int_member (cell, "page"), ==, 2);
          bbox = json_object_get_array_member (cell, "bbox");
          g_assert_cmpuint (json_array_get_length (bbox), ==, 4);
          /* A box on an A4 page, left of the middle (the first value column). */
          g_assert_cmpfloat (json_array_get_double_element (bbox, 0), >, 0);
          g_assert_cmpfloat (json_array_get_double_element (bbox, 0), <,
                             json_array_get_double_element (bbox, 2));
          g_assert_cmpfloat (json_array_get_double_element (bbox, 1), <,
                             json_array_get_double_element (bbox, 3));
          g_assert_cmpfloat (json_array_get_double_element (bbox, 3), <, 842);
          found = TRUE;
        }
    }
  g_assert_true (found);
}

/* ------------------------------------------------------------ PDF areas */

static CfTable *
extract_area (CfDocument *doc, int page, double x0, double y0, double x1, double y1,
              CfPdfAreaMode mode, const double *column_xs, guint n_column_xs)
{
  const double rect[4] = { x0, y0, x1, y1 };
  g_autoptr (GError) error = NULL;
  CfTable *table = cf_pdf_extract_area (doc, NULL, page, rect, mode, column_xs, n_column_xs, &error);

  g_assert_no_error (error);
  g_assert_nonnull (table);
  return table;
}

/* Every cell of @part is the cell of @whole at the same place: text, spans,
 * page, box and offset into the document text. */
static void
assert_same_cells (CfTable *part, CfTable *whole, int n_rows)
{
  guint n = 0;

  for (guint i = 0; i < cf_table_get_n_cells (whole); i++)
    {
      CfCell *a = cf_table_get_cell_at (whole, i);
      CfCell *b;

      if (a->row >= n_rows)
        continue;
      n++;
      b = cf_table_get_origin_cell (part, a->row, a->col);
      if (b == NULL)
        g_error ("no cell at (%d,%d) for \"%s\"", a->row, a->col, a->text);
      g_assert_cmpstr (b->text, ==, a->text);
      g_assert_cmpint (b->row_span, ==, a->row_span);
      g_assert_cmpint (b->col_span, ==, a->col_span);
      g_assert_cmpint (b->page, ==, a->page);
      g_assert_cmpint (b->offset, ==, a->offset);
      g_assert_cmpint (b->length, ==, a->length);
      for (int k = 0; k < 4; k++)
        g_assert_cmpfloat_with_epsilon (b->bbox[k], a->bbox[k], 0.01);
    }
  g_assert_cmpuint (cf_table_get_n_cells (part), ==, n);
}

static void
test_area_ruled (void)
{
  g_autofree char *path = cf_test_pdf_draw (tmpdir, "area-requests.pdf", draw_requests);
  g_autoptr (CfDocument) doc = cf_test_pdf_load (path);
  CfTable *whole = g_ptr_array_index (cf_document_get_tables (doc), 0);
  g_autoptr (CfTable) ruled = NULL;
  g_autoptr (CfTable) guessed = NULL;
  const char *text = cf_document_get_text (doc, NULL);

  g_assert_nonnull (cf_document_get_source_bytes (doc));

  /* Drawn a little wider than the frame, the area gives the table the reader found. */
  ruled = extract_area (doc, 1, req_xs[0] - 8, req_ys[0] - 8, req_xs[10] + 8, req_ys[12] + 8,
                        CF_PDF_AREA_RULED, NULL, 0);
  g_assert_cmpstr (cf_table_get_layout (ruled), ==, "area-ruled");
  g_assert_cmpint (cf_table_get_page (ruled), ==, 1);
  g_assert_cmpstr (cf_table_get_title (ruled), ==, "三、收到和处理政府信息公开申请情况");
  g_assert_cmpint (cf_table_get_n_rows (ruled), ==, cf_table_get_n_rows (whole));
  g_assert_cmpint (cf_table_get_n_cols (ruled), ==, cf_table_get_n_cols (whole));
  assert_same_cells (ruled, whole, G_MAXINT);
  /* Offsets point into the document text. */
  {
    CfCell *cell = cf_table_get_origin_cell (ruled, 3, 9);
    g_assert_true (strncmp (text + cell->offset, "18", 2) == 0);
  }
  /* Auto sees the rulings. */
  guessed = extract_area (doc, 1, req_xs[0] - 8, req_ys[0] - 8, req_xs[10] + 8, req_ys[12] + 8,
                          CF_PDF_AREA_AUTO, NULL, 0);
  g_assert_cmpstr (cf_table_get_layout (guessed), ==, "area-ruled");
  assert_same_cells (guessed, whole, G_MAXINT);

  /* Not yet in the document; the caller adds it like any other table. */
  g_assert_cmpuint (cf_document_get_tables (doc)->len, ==, 1);
  cf_document_add_table (doc, ruled);
  g_assert_cmpuint (cf_document_get_tables (doc)->len, ==, 2);
  g_assert_true (cf_document_find_table (doc, cf_table_get_id (ruled)) == ruled);
}

/* An area around the top five rows of the ruled table gives those rows. */
static void
test_area_ruled_half (void)
{
  g_autofree char *path = cf_test_pdf_draw (tmpdir, "area-half.pdf", draw_requests);
  g_autoptr (CfDocument) doc = cf_test_pdf_load (path);
  CfTable *whole = g_ptr_array_index (cf_document_get_tables (doc), 0);
  g_autoptr (CfTable) half = NULL;

  /* The area ends a point above the rule under row 4. */
  half = extract_area (doc, 1, req_xs[0] - 8, req_ys[0] - 8, req_xs[10] + 8, req_ys[5] - 1,
                       CF_PDF_AREA_RULED, NULL, 0);
  /* The rules at x 70 and 110 start below row 4: up there the labels
   * (three columns of the whole table) are one column. */
  g_assert_cmpint (cf_table_get_n_rows (half), ==, 5);
  g_assert_cmpint (cf_table_get_n_cols (half), ==, 8);
  g_assert_cmpuint (cf_table_get_n_cells (half), ==, 26);
  for (guint i = 0; i < G_N_ELEMENTS (req_cells); i++)
    {
      const CfTestPdfCellSpec *c = &req_cells[i];
      int col = c->col == 0 ? 0 : c->col - 2;
      CfCell *cell = cf_table_get_origin_cell (half, c->row, col);

      if (c->row >= 5)
        continue;
      g_assert_nonnull (cell);
      g_assert_cmpstr (cell->text, ==, c->text);
      g_assert_cmpint (cell->row_span, ==, c->row_span);
      g_assert_cmpint (cell->col_span, ==, c->col == 0 ? 1 : c->col_span);
      g_assert_cmpint (cell->offset, ==, cf_table_get_origin_cell (whole, c->row, c->col)->offset);
      g_assert_cmpfloat_with_epsilon (cell->bbox[0], req_xs[c->col], 2.0);
      g_assert_cmpfloat_with_epsilon (cell->bbox[1], req_ys[c->row], 2.0);
      g_assert_cmpfloat_with_epsilon (cell->bbox[2], req_xs[c->col + c->col_span], 2.0);
      g_assert_cmpfloat_with_epsilon (cell->bbox[3], req_ys[c->row + c->row_span], 2.0);
    }
  /* Nothing of the rows below. */
  for (guint i = 0; i < cf_table_get_n_cells (half); i++)
    g_assert_null (strstr (cf_table_get_cell_at (half, i)->text, "本年度办理结果"));
}

static double borderless_box[4] = { 50, 120, 510, 260 };

static void
test_area_borderless (void)
{
  g_autofree char *path = cf_test_pdf_draw (tmpdir, "area-borderless.pdf", draw_borderless);
  g_autoptr (CfDocument) doc = cf_test_pdf_load (path);
  CfTable *whole = g_ptr_array_index (cf_document_get_tables (doc), 0);
  g_autoptr (CfTable) stream = NULL;
  g_autoptr (CfTable) guessed = NULL;
  g_autoptr (CfTable) top = NULL;
  const double *box = borderless_box;
  g_autoptr (GError) error = NULL;

  stream = extract_area (doc, 1, box[0], box[1], box[2], box[3], CF_PDF_AREA_BORDERLESS, NULL, 0);
  g_assert_cmpstr (cf_table_get_layout (stream), ==, "area-stream");
  g_assert_cmpstr (cf_table_get_title (stream), ==, "（一）主动公开情况");
  g_assert_cmpint (cf_table_get_n_rows (stream), ==, 6);
  g_assert_cmpint (cf_table_get_n_cols (stream), ==, 4);
  assert_same_cells (stream, whole, G_MAXINT);

  /* No rulings there: auto reads it as borderless, and ruled finds nothing. */
  guessed = extract_area (doc, 1, box[0], box[1], box[2], box[3], CF_PDF_AREA_AUTO, NULL, 0);
  g_assert_cmpstr (cf_table_get_layout (guessed), ==, "area-stream");
  assert_same_cells (guessed, whole, G_MAXINT);
  g_assert_null (cf_pdf_extract_area (doc, NULL, 1, box, CF_PDF_AREA_RULED, NULL, 0, &error));
  g_assert_error (error, CF_ERROR, CF_ERROR_EMPTY);
  g_assert_true (g_str_has_prefix (error->message, "area-borderless.pdf: "));

  /* The top three lines (header and two rows) are those rows. */
  top = extract_area (doc, 1, box[0], box[1], box[2], 190, CF_PDF_AREA_BORDERLESS, NULL, 0);
  g_assert_cmpint (cf_table_get_n_rows (top), ==, 3);
  assert_same_cells (top, whole, 3);
}

/* Column separators cut exactly where they are put, inside a label too. */
static void
test_area_columns (void)
{
  g_autofree char *path = cf_test_pdf_draw (tmpdir, "area-columns.pdf", draw_borderless);
  g_autoptr (CfDocument) doc = cf_test_pdf_load (path);
  g_autoptr (CfTable) table = NULL;
  const double *box = borderless_box;
  /* 81 pt: two 10.5 pt characters into the labels, which start at 60 pt. */
  const double separators[] = { 410, 81, 200, 310 };
  CfCell *cell;

  table = extract_area (doc, 1, box[0], box[1], box[2], box[3], CF_PDF_AREA_AUTO, separators,
                        G_N_ELEMENTS (separators));
  g_assert_cmpstr (cf_table_get_layout (table), ==, "area-stream");
  g_assert_cmpint (cf_table_get_n_cols (table), ==, 5);
  g_assert_cmpint (cf_table_get_n_rows (table), ==, 6);
  g_assert_cmpstr (cf_test_cell_text (table, 0, 0), ==, "项目");
  g_assert_cmpstr (cf_test_cell_text (table, 0, 1), ==, "");
  g_assert_cmpstr (cf_test_cell_text (table, 1, 0), ==, "行政");
  g_assert_cmpstr (cf_test_cell_text (table, 1, 1), ==, "许可");
  g_assert_cmpstr (cf_test_cell_text (table, 1, 2), ==, "1,234");
  g_assert_cmpstr (cf_test_cell_text (table, 1, 4), ==, "234");
  g_assert_cmpstr (cf_test_cell_text (table, 3, 1), ==, "事业性收费（万元）");
  g_assert_cmpstr (cf_test_cell_text (table, 3, 4), ==, "(82.25)");
  /* The wrapped label still joins its row, cut at the same place. */
  g_assert_cmpstr (cf_test_cell_text (table, 5, 0), ==, "其他（含");
  g_assert_cmpstr (cf_test_cell_text (table, 5, 1), ==, "对外管理服务事项备案）");
  cell = cf_table_get_cell (table, 1, 1);
  g_assert_cmpfloat (cell->bbox[0], >=, 81 - 0.5);
  g_assert_cmpint (cell->number.kind, ==, CF_NUMBER_TEXT);
  g_assert_cmpfloat_with_epsilon (cf_table_get_cell (table, 1, 2)->number.value, 1234, 1e-9);
}

/* Rendering an area of an encrypted PDF again takes its password. */
static void
test_area_encrypted (void)
{
  g_autofree char *path = cf_test_path ("pdf", "encrypted.pdf", NULL);
  g_autoptr (GError) error = NULL;
  g_autoptr (CfDocument) doc = cf_loader_load_file (path, "secret", NULL, &error);
  g_autoptr (CfTable) table = NULL;
  /* The table's frame: x 100-450, y 142-232 from the top of the page. */
  const double rect[4] = { 90, 130, 460, 245 };

  g_assert_no_error (error);
  g_assert_null (cf_pdf_extract_area (doc, NULL, 1, rect, CF_PDF_AREA_RULED, NULL, 0, &error));
  g_assert_error (error, CF_ERROR, CF_ERROR_ENCRYPTED);
  g_assert_true (g_str_has_prefix (error->message, "encrypted.pdf: "));
  g_clear_error (&error);

  table = cf_pdf_extract_area (doc, "secret", 1, rect, CF_PDF_AREA_RULED, NULL, 0, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (cf_table_get_layout (table), ==, "area-ruled");
  g_assert_cmpint (cf_table_get_n_rows (table), ==, 3);
  g_assert_cmpint (cf_table_get_n_cols (table), ==, 3);
  g_assert_cmpstr (cf_test_cell_text (table, 1, 0), ==, "Licensing");
  g_assert_cmpstr (cf_test_cell_text (table, 2, 2), ==, "(4)");
}

static void
test_area_errors (void)
{
  g_autofree char *path = cf_test_pdf_draw (tmpdir, "area-scan.pdf", draw_scan);
  g_autoptr (CfDocument) doc = cf_test_pdf_load (path);
  const double rect[4] = { 50, 50, 400, 300 };
  const double nothing[4] = { 300, 600, 400, 700 };
  const double flat[4] = { 50, 50, 400, 50 };
  g_autoptr (GError) error = NULL;

  /* Page 2 is a picture of text. */
  g_assert_null (cf_pdf_extract_area (doc, NULL, 2, rect, CF_PDF_AREA_AUTO, NULL, 0, &error));
  g_assert_error (error, CF_ERROR, CF_ERROR_EMPTY);
  g_assert_cmpstr (error->message, ==,
                   "area-scan.pdf: page 2 has no text layer (a scan): no table can be read from it");
  g_clear_error (&error);

  g_assert_null (cf_pdf_extract_area (doc, NULL, 1, nothing, CF_PDF_AREA_AUTO, NULL, 0, &error));
  g_assert_error (error, CF_ERROR, CF_ERROR_EMPTY);
  g_assert_nonnull (strstr (error->message, "page 1"));
  g_clear_error (&error);

  g_assert_null (cf_pdf_extract_area (doc, NULL, 4, rect, CF_PDF_AREA_AUTO, NULL, 0, &error));
  g_assert_error (error, CF_ERROR, CF_ERROR_INVALID);
  g_assert_true (g_str_has_prefix (error->message, "area-scan.pdf: "));
  g_clear_error (&error);

  g_assert_null (cf_pdf_extract_area (doc, NULL, 1, flat, CF_PDF_AREA_AUTO, NULL, 0, &error));
  g_assert_error (error, CF_ERROR, CF_ERROR_INVALID);
  g_clear_error (&error);

  /* A text report is no PDF page. */
  {
    g_autoptr (CfDocument) text = cf_test_load_corpus ("text", "zhaotong-psb-2016.txt");

    g_assert_null (cf_document_get_source_bytes (text));
    g_assert_null (cf_pdf_extract_area (text, NULL, 1, rect, CF_PDF_AREA_AUTO, NULL, 0, &error));
    g_assert_error (error, CF_ERROR, CF_ERROR_INVALID);
  }
}

/* The PDF reader returns what it found and audits nothing: a report printed
 * from plain text comes with a second reading of its tables (the text dump)
 * as candidates, a typeset one without; the loader lets the form matcher
 * choose, so the loaded text-printed report holds tables of the dump. */
static void
test_text_dump_candidates (void)
{
  static const struct
  {
    const char *name;
    gboolean    printed_from_text;
  } reports[] = {
    { "danfeng-psb-2020.pdf", TRUE },
    { "shizuishan-psb-2020.pdf", TRUE },
    { "shanghai-gov-office-2019.pdf", FALSE },
  };

  for (gsize k = 0; k < G_N_ELEMENTS (reports); k++)
    {
      g_autofree char *path = cf_test_path ("pdf", reports[k].name, NULL);
      g_autoptr (GError) error = NULL;
      g_autoptr (GBytes) bytes = NULL;
      g_autoptr (CfReading) reading = NULL;
      g_autoptr (CfDocument) doc = NULL;
      GPtrArray *tables;
      guint n_dump_tables = 0;
      char *contents;
      gsize len;

      g_assert_true (g_file_get_contents (path, &contents, &len, &error));
      bytes = g_bytes_new_take (contents, len);
      reading = cf_pdf_reader_read (bytes, NULL, reports[k].name, NULL, &error);
      g_assert_no_error (error);
      /* The page finders read the typeset report's tables. */
      if (!reports[k].printed_from_text)
        g_assert_cmpuint (cf_reading_get_tables (reading)->len, >, 0);
      g_assert_cmpint (cf_reading_get_candidates (reading)->len > 0, ==, reports[k].printed_from_text);

      doc = cf_loader_load_bytes (bytes, path, NULL, NULL, &error);
      g_assert_no_error (error);
      tables = cf_document_get_tables (doc);
      /* The page finders' layouts are "lattice" and "stream"; the dump's
       * those of the text finder. */
      for (guint t = 0; t < tables->len; t++)
        {
          const char *layout = cf_table_get_layout (g_ptr_array_index (tables, t));
          n_dump_tables += g_strcmp0 (layout, "lattice") != 0 && g_strcmp0 (layout, "stream") != 0;
        }
      g_test_message ("%s: %u candidates, %u of %u tables from the dump", reports[k].name,
                      cf_reading_get_candidates (reading)->len, n_dump_tables, tables->len);
      g_assert_cmpint (n_dump_tables > 0, ==, reports[k].printed_from_text);
      /* Loaded, not audited: no form yet, the year already read. */
      g_assert_null (cf_document_get_form (doc));
      g_assert_cmpint (cf_document_get_year (doc), >, 0);
    }
}

int
main (int argc, char **argv)
{
  int status;

  g_test_init (&argc, &argv, NULL);
  tmpdir = cf_test_make_tmpdir ();

  g_test_add_func ("/pdf/ruled-requests", test_ruled_requests);
  g_test_add_func ("/pdf/borderless", test_borderless);
  g_test_add_func ("/pdf/split-pages", test_split_pages);
  g_test_add_func ("/pdf/split-pages-bare", test_split_pages_bare);
  g_test_add_data_func ("/pdf/page-break/cut-row", GINT_TO_POINTER (FALSE), test_cut_row);
  g_test_add_data_func ("/pdf/page-break/cut-row-header", GINT_TO_POINTER (TRUE), test_cut_row);
  g_test_add_func ("/pdf/page-break/whole-rows", test_whole_rows);
  g_test_add_func ("/pdf/page-break/cut-row-stream", test_cut_row_stream);
  g_test_add_func ("/pdf/page-break/shanghai", test_shanghai_cut_row);
  g_test_add_func ("/pdf/traditional", test_traditional);
  g_test_add_func ("/pdf/rotated-cropped", test_rotated_cropped);
  g_test_add_func ("/pdf/no-pages", test_no_pages);
  g_test_add_func ("/pdf/truncated", test_truncated);
  g_test_add_func ("/pdf/empty-file", test_empty_file);
  g_test_add_func ("/pdf/encrypted", test_encrypted);
  g_test_add_func ("/pdf/scanned-page", test_scanned_page);
  g_test_add_func ("/pdf/cancelled", test_cancelled);
  g_test_add_func ("/pdf/cli-json", test_cli_json);
  g_test_add_func ("/pdf/area/ruled", test_area_ruled);
  g_test_add_func ("/pdf/area/ruled-half", test_area_ruled_half);
  g_test_add_func ("/pdf/area/borderless", test_area_borderless);
  g_test_add_func ("/pdf/area/columns", test_area_columns);
  g_test_add_func ("/pdf/area/encrypted", test_area_encrypted);
  g_test_add_func ("/pdf/area/errors", test_area_errors);
  g_test_add_func ("/pdf/text-dump-candidates", test_text_dump_candidates);
  g_test_add_data_func ("/pdf/libreoffice/shanghai-gov-office-2019", "shanghai-gov-office-2019",
                        compare_with_html);
  g_test_add_data_func ("/pdf/libreoffice/city-2025-placeholder-headers",
                        "city-2025-placeholder-headers", compare_with_html);
  for (guint i = 0; i < G_N_ELEMENTS (borderless_forms); i++)
    {
      g_autofree char *test_path = g_strconcat ("/pdf/borderless-form/", borderless_forms[i].name, NULL);
      g_test_add_data_func (test_path, &borderless_forms[i], test_borderless_form);
    }
  for (guint i = 0; i < G_N_ELEMENTS (text_pdfs); i++)
    {
      g_autofree char *test_path = g_strconcat ("/pdf/libreoffice/text/", text_pdfs[i].name, NULL);
      g_test_add_data_func (test_path, &text_pdfs[i], compare_with_text);
    }

  status = g_test_run ();
  cf_test_pdf_forget_drawn ();
  cf_test_rm_rf (tmpdir);
  g_free (tmpdir);
  return status;
}
