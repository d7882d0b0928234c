/* cf-test-pdf.c: drawing test PDFs with cairo, and checking what was read */
#include <string.h>
#include <cairo-pdf.h>

#include "cf-test-pdf.h"

/* ----------------------------------------------------------------- drawing */

static GArray *drawn; /* of CfTestPdfDrawn, since the last cf_test_pdf_draw () */
static int drawing_page = 1;

static void
drawn_clear (CfTestPdfDrawn *d)
{
  g_free (d->text);
}

static void
drawn_reset (void)
{
  g_clear_pointer (&drawn, g_array_unref);
  drawn = g_array_new (FALSE, FALSE, sizeof (CfTestPdfDrawn));
  g_array_set_clear_func (drawn, (GDestroyNotify) drawn_clear);
  drawing_page = 1;
}

void
cf_test_pdf_forget_drawn (void)
{
  g_clear_pointer (&drawn, g_array_unref);
}

char *
cf_test_pdf_draw (const char *dir, const char *name, CfTestPdfDrawFunc draw)
{
  char *path = g_build_filename (dir, name, NULL);
  cairo_surface_t *surface = cairo_pdf_surface_create (path, CF_TEST_PDF_A4_W, CF_TEST_PDF_A4_H);
  cairo_t *cr = cairo_create (surface);
  const char *keep = g_getenv ("CF_TEST_KEEP_PDF");

  drawn_reset ();
  draw (cr);
  cairo_destroy (cr);
  cairo_surface_finish (surface);
  g_assert_cmpint (cairo_surface_status (surface), ==, CAIRO_STATUS_SUCCESS);
  cairo_surface_destroy (surface);
  if (keep != NULL)
    {
      g_autofree char *copy = g_build_filename (keep, name, NULL);
      g_autofree char *contents = NULL;
      gsize len;

      g_assert_true (g_file_get_contents (path, &contents, &len, NULL));
      g_assert_true (g_file_set_contents (copy, contents, len, NULL));
    }
  return path;
}

void
cf_test_pdf_next_page (cairo_t *cr)
{
  cairo_show_page (cr);
  drawing_page++;
}

const CfTestPdfDrawn *
cf_test_pdf_drawn_piece (const char *text, guint nth)
{
  for (guint i = 0; drawn != NULL && i < drawn->len; i++)
    {
      const CfTestPdfDrawn *d = &g_array_index (drawn, CfTestPdfDrawn, i);
      if (g_str_equal (d->text, text) && nth-- == 0)
        return d;
    }
  g_error ("\"%s\" was not drawn", text);
  return NULL;
}

CfDocument *
cf_test_pdf_load (const char *path)
{
  g_autoptr (GError) error = NULL;
  CfDocument *doc = cf_loader_load_file (path, NULL, NULL, &error);

  g_assert_no_error (error);
  g_assert_nonnull (doc);
  g_assert_cmpint (cf_document_get_kind (doc), ==, CF_DOCUMENT_KIND_PDF);
  return doc;
}

void
cf_test_pdf_set_font (cairo_t *cr, const char *family, double size)
{
  cairo_select_font_face (cr, family, CAIRO_FONT_SLANT_NORMAL, CAIRO_FONT_WEIGHT_NORMAL);
  cairo_set_font_size (cr, size);
}

double
cf_test_pdf_text_width (cairo_t *cr, const char *text)
{
  cairo_text_extents_t ext;

  cairo_text_extents (cr, text, &ext);
  return ext.x_advance;
}

void
cf_test_pdf_show_at (cairo_t *cr, double x, double baseline, const char *text)
{
  cairo_font_extents_t fe;
  CfTestPdfDrawn d = { drawing_page, g_strdup (text), { 0 } };

  /* Text drawn outside cf_test_pdf_draw () is remembered too, until the next one. */
  if (drawn == NULL)
    drawn_reset ();
  cairo_font_extents (cr, &fe);
  d.box[0] = x;
  d.box[1] = baseline - fe.ascent;
  d.box[2] = x + cf_test_pdf_text_width (cr, text);
  d.box[3] = baseline + fe.descent;
  g_array_append_val (drawn, d);
  cairo_move_to (cr, x, baseline);
  cairo_show_text (cr, text);
}

void
cf_test_pdf_show_right (cairo_t *cr, double right, double baseline, const char *text)
{
  cf_test_pdf_show_at (cr, right - cf_test_pdf_text_width (cr, text), baseline, text);
}

GPtrArray *
cf_test_pdf_wrap (cairo_t *cr, const char *text, double width)
{
  GPtrArray *lines = g_ptr_array_new_with_free_func (g_free);
  GString *line = g_string_new (NULL);

  for (const char *p = text; *p; p = g_utf8_next_char (p))
    {
      g_autofree char *candidate = g_strdup_printf ("%s%.*s", line->str,
                                                    (int) (g_utf8_next_char (p) - p), p);
      if (line->len > 0 && cf_test_pdf_text_width (cr, candidate) > width)
        {
          g_ptr_array_add (lines, g_string_free (line, FALSE));
          line = g_string_new (NULL);
        }
      g_string_append_len (line, p, g_utf8_next_char (p) - p);
    }
  g_ptr_array_add (lines, g_string_free (line, FALSE));
  return lines;
}

/* ------------------------------------------------------------ ruled tables */

void
cf_test_pdf_draw_wrapped (cairo_t *cr, const char *text, double x0, double y0, double x1, double y1)
{
  g_autoptr (GPtrArray) lines = cf_test_pdf_wrap (cr, text, x1 - x0 - 4);
  cairo_font_extents_t fe;
  double top;

  cairo_font_extents (cr, &fe);
  top = (y0 + y1) / 2 - lines->len * fe.height / 2;
  for (guint i = 0; i < lines->len; i++)
    cf_test_pdf_show_at (cr, x0 + 2, top + i * fe.height + fe.ascent, g_ptr_array_index (lines, i));
}

void
cf_test_pdf_draw_ruled_wrapped (cairo_t *cr, const double *xs, const double *ys,
                                const CfTestPdfCellSpec *cells, guint n_cells, int row_offset)
{
  cairo_set_line_width (cr, 0.5);
  for (guint i = 0; i < n_cells; i++)
    {
      const CfTestPdfCellSpec *c = &cells[i];
      int r = c->row - row_offset;
      double x0 = xs[c->col], x1 = xs[c->col + c->col_span];
      double y0 = ys[r], y1 = ys[r + c->row_span];

      cairo_rectangle (cr, x0, y0, x1 - x0, y1 - y0);
      cairo_stroke (cr);
      cf_test_pdf_draw_wrapped (cr, c->text, x0, y0, x1, y1);
    }
}

void
cf_test_pdf_draw_ruled (cairo_t *cr, const double *xs, const double *ys, const CfTestPdfCellSpec *cells,
                        guint n_cells, int first_value_col)
{
  cairo_font_extents_t fe;

  cairo_font_extents (cr, &fe);
  cairo_set_line_width (cr, 0.5);
  for (guint i = 0; i < n_cells; i++)
    {
      const CfTestPdfCellSpec *c = &cells[i];
      double x0 = xs[c->col], x1 = xs[c->col + c->col_span];
      double y0 = ys[c->row], y1 = ys[c->row + c->row_span];
      g_auto (GStrv) lines = g_strsplit (c->text, "\n", -1);
      guint n = g_strv_length (lines);
      double top = (y0 + y1) / 2 - n * fe.height / 2;

      cairo_rectangle (cr, x0, y0, x1 - x0, y1 - y0);
      cairo_stroke (cr);
      for (guint k = 0; k < n; k++)
        {
          double baseline = top + k * fe.height + fe.ascent;
          if (c->col >= first_value_col && c->row > 0)
            cf_test_pdf_show_right (cr, x1 - 3, baseline, lines[k]);
          else
            cf_test_pdf_show_at (cr, x0 + 3, baseline, lines[k]);
        }
    }
}

void
cf_test_pdf_check_ruled_table (CfTable *table, const double *xs, const double *ys,
                               const CfTestPdfCellSpec *cells, guint n_cells, int row_offset, int page)
{
  for (guint i = 0; i < n_cells; i++)
    {
      const CfTestPdfCellSpec *c = &cells[i];
      CfCell *cell = cf_table_get_origin_cell (table, c->row, c->col);
      int r = c->row - row_offset;

      if (cell == NULL)
        g_error ("no cell at (%d,%d) for \"%s\"", c->row, c->col, c->text);
      g_assert_cmpstr (cell->text, ==, c->text);
      g_assert_cmpint (cell->row_span, ==, c->row_span);
      g_assert_cmpint (cell->col_span, ==, c->col_span);
      g_assert_cmpint (cell->page, ==, page);
      g_assert_cmpfloat_with_epsilon (cell->bbox[0], xs[c->col], 2.0);
      g_assert_cmpfloat_with_epsilon (cell->bbox[1], ys[r], 2.0);
      g_assert_cmpfloat_with_epsilon (cell->bbox[2], xs[c->col + c->col_span], 2.0);
      g_assert_cmpfloat_with_epsilon (cell->bbox[3], ys[r + c->row_span], 2.0);
      if (*c->text)
        {
          g_assert_cmpint (cell->offset, >=, 0);
          g_assert_cmpint (cell->length, >=, (gint64) strlen (c->text));
        }
      else
        g_assert_cmpint (cell->offset, ==, -1);
    }
}

CfTable *
cf_test_pdf_find_table_titled (CfDocument *doc, const char *title_part)
{
  GPtrArray *tables = cf_document_get_tables (doc);

  for (guint i = 0; i < tables->len; i++)
    {
      CfTable *table = g_ptr_array_index (tables, i);
      if (cf_table_get_title (table) && strstr (cf_table_get_title (table), title_part))
        return table;
    }
  return NULL;
}

char *
cf_test_pdf_table_grid (CfTable *table, gboolean with_boxes)
{
  GString *out = g_string_new (NULL);

  for (int r = 0; r < cf_table_get_n_rows (table); r++)
    for (int c = 0; c < cf_table_get_n_cols (table); c++)
      {
        CfCell *cell = cf_table_get_origin_cell (table, r, c);

        if (cell == NULL)
          continue;
        g_string_append_printf (out, "%d %d %d %d ", r, c, cell->row_span, cell->col_span);
        if (with_boxes)
          g_string_append_printf (out, "p%d [%.0f %.0f %.0f %.0f] ", cell->page, cell->bbox[0],
                                  cell->bbox[1], cell->bbox[2], cell->bbox[3]);
        g_string_append_printf (out, "%s\n", cell->text);
      }
  return g_string_free (out, FALSE);
}

/* ------------------------------------- the national requests table's rows */

const CfTestPdfFormRow cf_test_pdf_rows_2021[CF_TEST_PDF_N_ROWS_2021] = {
  { "new", NULL, 0, NULL, 0, "一、本年新收政府信息公开申请数量", 0 },
  { "carried_over", NULL, 0, NULL, 0, "二、上年结转政府信息公开申请数量", 0 },
  { "granted", "三、本年度办理结果", 22, NULL, 0, "（一）予以公开", 1 },
  { "partly_granted", NULL, 0, NULL, 0, "（二）部分公开（区分处理的，只计这一情形，不计其他情形）", 1 },
  { "withheld_state_secret", NULL, 0, "（三）不予公开", 8, "1.属于国家秘密", 2 },
  { "withheld_law_forbids", NULL, 0, NULL, 0, "2.其他法律行政法规禁止公开", 2 },
  { "withheld_three_safety", NULL, 0, NULL, 0, "3.危及“三安全一稳定”", 2 },
  { "withheld_third_party", NULL, 0, NULL, 0, "4.保护第三方合法权益", 2 },
  { "withheld_internal", NULL, 0, NULL, 0, "5.属于三类内部事务信息", 2 },
  { "withheld_process", NULL, 0, NULL, 0, "6.属于四类过程性信息", 2 },
  { "withheld_enforcement_file", NULL, 0, NULL, 0, "7.属于行政执法案卷", 2 },
  { "withheld_query", NULL, 0, NULL, 0, "8.属于行政查询事项", 2 },
  { "unavailable_not_held", NULL, 0, "（四）无法提供", 3, "1.本机关不掌握相关政府信息", 2 },
  { "unavailable_needs_creation", NULL, 0, NULL, 0, "2.没有现成信息需要另行制作", 2 },
  { "unavailable_unclear", NULL, 0, NULL, 0, "3.补正后申请内容仍不明确", 2 },
  { "rejected_petition", NULL, 0, "（五）不予处理", 5, "1.信访举报投诉类申请", 2 },
  { "rejected_duplicate", NULL, 0, NULL, 0, "2.重复申请", 2 },
  { "rejected_publication", NULL, 0, NULL, 0, "3.要求提供公开出版物", 2 },
  { "rejected_excessive", NULL, 0, NULL, 0, "4.无正当理由大量反复申请", 2 },
  { "rejected_confirmation", NULL, 0, NULL, 0, "5.要求行政机关确认或重新出具已获取信息", 2 },
  { "other_no_correction", NULL, 0, "（六）其他处理", 3,
    "1.申请人无正当理由逾期不补正、行政机关不再处理其政府信息公开申请", 2 },
  { "other_no_fee", NULL, 0, NULL, 0, "2.申请人逾期未按收费通知要求缴纳费用、行政机关不再处理其政府信息公开申请", 2 },
  { "other_misc", NULL, 0, NULL, 0, "3.其他", 2 },
  { "results_total", NULL, 0, NULL, 0, "（七）总计", 1 },
  { "carried_forward", NULL, 0, NULL, 0, "四、结转下年度继续办理", 0 },
};

const CfTestPdfFormRow cf_test_pdf_rows_2019[CF_TEST_PDF_N_ROWS_2019] = {
  { "new", NULL, 0, NULL, 0, "一、本年新收政府信息公开申请数量", 0 },
  { "carried_over", NULL, 0, NULL, 0, "二、上年结转政府信息公开申请数量", 0 },
  { "granted", "三、本年度办理结果", 20, NULL, 0, "（一）予以公开", 1 },
  { "partly_granted", NULL, 0, NULL, 0, "（二）部分公开（区分处理的，只计这一情形，不计其他情形）", 1 },
  { "withheld_state_secret", NULL, 0, "（三）不予公开", 8, "1.属于国家秘密", 2 },
  { "withheld_law_forbids", NULL, 0, NULL, 0, "2.其他法律行政法规禁止公开", 2 },
  { "withheld_three_safety", NULL, 0, NULL, 0, "3.危及“三安全一稳定”", 2 },
  { "withheld_third_party", NULL, 0, NULL, 0, "4.保护第三方合法权益", 2 },
  { "withheld_internal", NULL, 0, NULL, 0, "5.属于三类内部事务信息", 2 },
  { "withheld_process", NULL, 0, NULL, 0, "6.属于四类过程性信息", 2 },
  { "withheld_enforcement_file", NULL, 0, NULL, 0, "7.属于行政执法案卷", 2 },
  { "withheld_query", NULL, 0, NULL, 0, "8.属于行政查询事项", 2 },
  { "unavailable_not_held", NULL, 0, "（四）无法提供", 3, "1.本机关不掌握相关政府信息", 2 },
  { "unavailable_needs_creation", NULL, 0, NULL, 0, "2.没有现成信息需要另行制作", 2 },
  { "unavailable_unclear", NULL, 0, NULL, 0, "3.补正后申请内容仍不明确", 2 },
  { "rejected_petition", NULL, 0, "（五）不予处理", 5, "1.信访举报投诉类申请", 2 },
  { "rejected_duplicate", NULL, 0, NULL, 0, "2.重复申请", 2 },
  { "rejected_publication", NULL, 0, NULL, 0, "3.要求提供公开出版物", 2 },
  { "rejected_excessive", NULL, 0, NULL, 0, "4.无正当理由大量反复申请", 2 },
  { "rejected_confirmation", NULL, 0, NULL, 0, "5.要求行政机关确认或重新出具已获取信息", 2 },
  { "other", NULL, 0, NULL, 0, "（六）其他处理", 1 },
  { "results_total", NULL, 0, NULL, 0, "（七）总计", 1 },
  { "carried_forward", NULL, 0, NULL, 0, "四、结转下年度继续办理", 0 },
};

const char *const cf_test_pdf_form_cols[CF_TEST_PDF_N_FORM_COLS] = {
  "natural_person", "commercial", "research", "social_welfare", "legal_services", "other_org", "total"
};
const double cf_test_pdf_form_label_xs[4] = { 40, 76, 146, 262 };
const double cf_test_pdf_form_value_right[CF_TEST_PDF_N_FORM_COLS] = { 300, 342, 384, 426, 468, 510, 552 };

int
cf_test_pdf_form_value (guint r, guint c)
{
  int sum = 0;

  if (c < 6)
    return (int) ((r * 7 + c * 3) % 11) * (r % 3 == 0 ? 13 : 1);
  for (guint k = 0; k < 6; k++)
    sum += cf_test_pdf_form_value (r, k);
  return sum;
}

guint
cf_test_pdf_draw_label (cairo_t *cr, const char *text, double x0, double x1, double cy)
{
  g_autoptr (GPtrArray) lines = cf_test_pdf_wrap (cr, text, x1 - x0 - 4);
  double top = cy - lines->len * CF_TEST_PDF_FORM_LINE / 2;

  for (guint i = 0; i < lines->len; i++)
    cf_test_pdf_show_at (cr, x0 + 2, top + i * CF_TEST_PDF_FORM_LINE + CF_TEST_PDF_FORM_LINE * 0.8,
                         g_ptr_array_index (lines, i));
  return lines->len;
}
