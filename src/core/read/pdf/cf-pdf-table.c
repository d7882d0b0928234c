/* cf-pdf-table.c: the PDF component's table model
 *
 * Cells made of a page's characters (their text: visual lines joined, no
 * space between CJK characters), the headings that title tables, and the
 * CfTable a finished table becomes.
 */
#include <math.h>
#include <string.h>

#include "cf-pdf-table.h"
#include "cf-number.h"
#include "cf-pdf-quality.h"

/* ---------------------------------------------------------------- helpers */

void
cf_pdf_cell_free (CfPdfCell *cell)
{
  if (cell == NULL)
    return;
  g_free (cell->text);
  g_free (cell);
}

void
cf_pdf_table_free (CfPdfTable *table)
{
  if (table == NULL)
    return;
  g_clear_pointer (&table->col_edges, g_array_unref);
  g_clear_pointer (&table->cells, g_ptr_array_unref);
  g_clear_pointer (&table->lead, g_ptr_array_unref);
  g_free (table->title);
  g_free (table);
}

CfPdfTable *
cf_pdf_table_new (int page, const char *layout)
{
  CfPdfTable *table = g_new0 (CfPdfTable, 1);

  table->page = page;
  table->last_page = page;
  table->layout = layout;
  table->quality = 1.0;
  table->col_edges = g_array_new (FALSE, FALSE, sizeof (double));
  table->cells = g_ptr_array_new_with_free_func ((GDestroyNotify) cf_pdf_cell_free);
  return table;
}

gboolean
cf_pdf_is_cjk (gunichar ch)
{
  return g_unichar_iswide (ch) || g_unichar_get_script (ch) == G_UNICODE_SCRIPT_HAN;
}

/* Sorting character indices of @page: by centre y, then x; or by x. */
int
cf_pdf_compare_by_cy (gconstpointer a, gconstpointer b, gpointer page)
{
  const CfPdfChar *x = cf_pdf_char_at (page, *(const guint *) a);
  const CfPdfChar *y = cf_pdf_char_at (page, *(const guint *) b);
  double d = cf_pdf_char_cy (x) - cf_pdf_char_cy (y);

  if (d == 0)
    d = x->x0 - y->x0;
  return (d > 0) - (d < 0);
}

int
cf_pdf_compare_by_x (gconstpointer a, gconstpointer b, gpointer page)
{
  const CfPdfChar *x = cf_pdf_char_at (page, *(const guint *) a);
  const CfPdfChar *y = cf_pdf_char_at (page, *(const guint *) b);
  double d = x->x0 - y->x0;

  return (d > 0) - (d < 0);
}

void
cf_pdf_sort_indices (const CfPdfPage *page, guint *indices, guint n, GCompareDataFunc func)
{
  g_qsort_with_data (indices, n, sizeof (guint), func, (gpointer) page);
}

/* A cell's text from its characters: visual lines top to bottom, left to
 * right; no space between CJK characters, one between Latin words. Sets the
 * byte range of the characters in the document text. */
char *
cf_pdf_text_of_chars (const CfPdfPage *page, GArray *indices, gint64 *offset, gint64 *length,
                      double bbox[4])
{
  GString *out = g_string_new (NULL);
  gint64 first = G_MAXINT64, end = -1;
  double line_cy = 0, line_h = 0;
  const CfPdfChar *prev = NULL;

  if (bbox)
    bbox[0] = bbox[1] = G_MAXDOUBLE, bbox[2] = bbox[3] = -G_MAXDOUBLE;
  if (indices->len == 0)
    {
      *offset = -1;
      *length = 0;
      return g_string_free (out, FALSE);
    }

  cf_pdf_sort_indices (page, (guint *) indices->data, indices->len, cf_pdf_compare_by_cy);

  /* Cut into visual lines, then order each line by x. */
  for (guint start = 0; start < indices->len;)
    {
      guint stop = start + 1;
      const CfPdfChar *c0 = cf_pdf_char_at (page, g_array_index (indices, guint, start));

      line_cy = cf_pdf_char_cy (c0);
      line_h = c0->y1 - c0->y0;
      while (stop < indices->len)
        {
          const CfPdfChar *c = cf_pdf_char_at (page, g_array_index (indices, guint, stop));
          if (fabs (cf_pdf_char_cy (c) - line_cy) > 0.5 * MAX (line_h, c->y1 - c->y0))
            break;
          stop++;
        }
      cf_pdf_sort_indices (page, &g_array_index (indices, guint, start), stop - start,
                           cf_pdf_compare_by_x);

      for (guint k = start; k < stop; k++)
        {
          const CfPdfChar *c = cf_pdf_char_at (page, g_array_index (indices, guint, k));
          char utf8[8];
          int n = g_unichar_to_utf8 (c->ch, utf8);

          if (prev != NULL)
            {
              gboolean same_line = k > start;
              double gap = c->x0 - prev->x1;
              double h = MAX (1.0, MIN (c->y1 - c->y0, prev->y1 - prev->y0));
              gboolean latin_pair = !cf_pdf_is_cjk (prev->ch) && !cf_pdf_is_cjk (c->ch);

              /* Latin words keep their space, across a wrap too. */
              if (latin_pair && (!same_line || c->space_before || gap > 0.3 * h))
                g_string_append_c (out, ' ');
              else if (same_line && gap > 1.5 * h
                       && !cf_pdf_is_cjk (prev->ch) != !cf_pdf_is_cjk (c->ch))
                g_string_append_c (out, ' ');
            }
          g_string_append_len (out, utf8, n);
          first = MIN (first, c->offset);
          end = MAX (end, c->offset + c->length);
          if (bbox)
            {
              bbox[0] = MIN (bbox[0], c->x0);
              bbox[1] = MIN (bbox[1], c->y0);
              bbox[2] = MAX (bbox[2], c->x1);
              bbox[3] = MAX (bbox[3], c->y1);
            }
          prev = c;
        }
      start = stop;
    }

  *offset = first;
  *length = end - first;
  return g_string_free (out, FALSE);
}

/* The ink box of the last visual line of @indices, which cf_pdf_text_of_chars()
 * sorted by line. */
static void
last_line_box (const CfPdfPage *page, GArray *indices, double box[4])
{
  const CfPdfChar *last;
  double cy;

  if (indices->len == 0)
    return;
  last = cf_pdf_char_at (page, g_array_index (indices, guint, indices->len - 1));
  cy = cf_pdf_char_cy (last);
  box[0] = box[1] = G_MAXDOUBLE, box[2] = box[3] = -G_MAXDOUBLE;
  for (guint k = indices->len; k-- > 0;)
    {
      const CfPdfChar *c = cf_pdf_char_at (page, g_array_index (indices, guint, k));

      if (fabs (cf_pdf_char_cy (c) - cy) > 0.5 * MAX (last->y1 - last->y0, c->y1 - c->y0))
        break;
      box[0] = MIN (box[0], c->x0);
      box[1] = MIN (box[1], c->y0);
      box[2] = MAX (box[2], c->x1);
      box[3] = MAX (box[3], c->y1);
    }
}

char *
cf_pdf_join_cut_text (const char *first, const char *second)
{
  const char *end;

  if (first == NULL || *first == '\0')
    return g_strdup (second ? second : "");
  if (second == NULL || *second == '\0')
    return g_strdup (first);
  end = g_utf8_find_prev_char (first, first + strlen (first));
  if (!cf_pdf_is_cjk (g_utf8_get_char (end)) && !cf_pdf_is_cjk (g_utf8_get_char (second)))
    return g_strconcat (first, " ", second, NULL);
  return g_strconcat (first, second, NULL);
}

CfPdfCell *
cf_pdf_cell_new (int row, int col, int row_span, int col_span, const CfPdfPage *page,
                 GArray *indices, const double rect[4])
{
  CfPdfCell *cell = g_new0 (CfPdfCell, 1);
  double ink[4];

  cell->row = row;
  cell->col = col;
  cell->row_span = row_span;
  cell->col_span = col_span;
  cell->page = page->number;
  cell->text = cf_pdf_text_of_chars (page, indices, &cell->offset, &cell->length, ink);
  last_line_box (page, indices, cell->last_line);
  if (rect)
    memcpy (cell->bbox, rect, sizeof cell->bbox);
  else if (indices->len > 0)
    memcpy (cell->bbox, ink, sizeof cell->bbox);
  return cell;
}

CfPdfCell *
cf_pdf_cell_new_blank (int row, int col, int page, const double rect[4])
{
  CfPdfCell *cell = g_new0 (CfPdfCell, 1);

  cell->row = row;
  cell->col = col;
  cell->row_span = cell->col_span = 1;
  cell->text = g_strdup ("");
  cell->offset = -1;
  cell->page = page;
  memcpy (cell->bbox, rect, sizeof cell->bbox);
  return cell;
}

CfPdfCell *
cf_pdf_table_add_chars (CfPdfTable *table, int row, int col, int row_span, int col_span, const CfPdfPage *page,
          GArray *indices, const double rect[4])
{
  CfPdfCell *cell = cf_pdf_cell_new (row, col, row_span, col_span, page, indices, rect);

  g_ptr_array_add (table->cells, cell);
  table->n_rows = MAX (table->n_rows, row + row_span);
  table->n_cols = MAX (table->n_cols, col + col_span);
  return cell;
}

/* The start of @text as enumerators are matched: a font that maps its
 * glyphs of 一 二 八 十 to the Kangxi radicals (⼀ ⼆ ⼋ ⼗, U+2F00…, as
 * wkhtmltopdf prints them) numbers items all the same. NULL when @text has
 * no radical in its first characters (match @text itself). */
static char *
enumerator_prefix (const char *text)
{
  const char *p = text;

  for (int n = 0; n < 12 && *p != '\0'; n++, p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);
      if ((c >= 0x2E80 && c <= 0x2EF3) || (c >= 0x2F00 && c <= 0x2FD5))
        {
          const char *end = p;
          for (int k = 0; k < 24 && *end != '\0'; k++)
            end = g_utf8_next_char (end);
          return g_utf8_normalize (text, end - text, G_NORMALIZE_NFKC);
        }
    }
  return NULL;
}

gboolean
cf_pdf_is_heading_text (const char *text)
{
  static GRegex *heading = NULL;

  if (g_once_init_enter (&heading))
    {
      GRegex *re = g_regex_new ("^\\s*(?:[一二三四五六七八九十]+[、.．]|[（(][一二三四五六七八九十]+[）)]"
                                "|第[一二三四五六七八九十]+[章节部分]|[0-9０-９]+[、.．](?![0-9０-９]))",
                                G_REGEX_OPTIMIZE, 0, NULL);
      g_once_init_leave (&heading, re);
    }
  if (text == NULL)
    return FALSE;
  {
    g_autofree char *prefix = enumerator_prefix (text);
    return g_regex_match (heading, prefix != NULL ? prefix : text, 0, NULL);
  }
}

/* Matched as printed, radicals not read as numerals: wkhtmltopdf prints the
 * label of a ruled row it cuts at the page's foot (⼆、上年结转…) under the
 * table, where a section heading would name the next page's table and keep
 * the two parts apart. */
gboolean
cf_pdf_is_section_heading (const char *text)
{
  static GRegex *section = NULL;

  if (g_once_init_enter (&section))
    {
      GRegex *re = g_regex_new ("^\\s*(?:[一二三四五六七八九十]+、|第[一二三四五六七八九十]+[章节部分])",
                                G_REGEX_OPTIMIZE, 0, NULL);
      g_once_init_leave (&section, re);
    }
  return text != NULL && g_regex_match (section, text, 0, NULL);
}


int
cf_pdf_compare_doubles (gconstpointer a, gconstpointer b)
{
  double x = *(const double *) a, y = *(const double *) b;

  return (x > y) - (x < y);
}

/* The text of @pt's first row when it is the table's caption ("Table 7.5
 * Comparisons of…", set inside its frame or read with its head), else NULL.
 * A caption row spans the table's width alone: no other row starts there. */
static char *
caption_row (CfPdfTable *pt)
{
  static GRegex *caption = NULL;
  g_autoptr (GString) text = g_string_new (NULL);

  if (g_once_init_enter (&caption))
    g_once_init_leave (&caption, g_regex_new ("^(Table|TABLE|Tab\\.|Tableau|Tabelle|Figure|Exhibit)\\s*[0-9IVX]",
                                              G_REGEX_OPTIMIZE, 0, NULL));
  if (pt->n_rows < 3)
    return NULL;
  for (guint i = 0; i < pt->cells->len; i++)
    {
      CfPdfCell *pc = g_ptr_array_index (pt->cells, i);

      if (pc == NULL || pc->row != 0 || pc->text == NULL || *pc->text == '\0')
        continue;
      if (pc->row_span > 1)
        return NULL;
      if (text->len > 0)
        g_string_append_c (text, ' ');
      g_string_append (text, pc->text);
    }
  if (!g_regex_match (caption, text->str, 0, NULL))
    return NULL;
  return g_string_free (g_steal_pointer (&text), FALSE);
}

CfTable *
cf_pdf_table_to_table (CfPdfTable *pt, const char *layout)
{
  CfTable *table = cf_table_new ();
  gint64 first = G_MAXINT64, end = -1;
  g_autofree char *caption = caption_row (pt);
  int skip = caption != NULL ? 1 : 0;

  for (guint i = 0; i < pt->cells->len; i++)
    {
      CfPdfCell *pc = g_ptr_array_index (pt->cells, i);
      CfCell *cell;

      if (pc == NULL || pc->row < skip)
        continue;
      cell = cf_table_add_cell (table, pc->row - skip, pc->col, pc->row_span, pc->col_span, pc->text,
                                pc->offset, pc->length);
      cell->page = pc->page;
      memcpy (cell->bbox, pc->bbox, sizeof cell->bbox);
      cell->flags |= pc->flags;
      if (pc->offset >= 0)
        {
          first = MIN (first, pc->offset);
          end = MAX (end, pc->offset + pc->length);
        }
    }
  if (caption != NULL && !pt->title_is_heading)
    cf_table_set_title (table, caption);
  else if (pt->title)
    cf_table_set_title (table, pt->title);
  cf_table_set_page (table, pt->page);
  cf_table_set_layout (table, layout);
  if (end >= 0)
    cf_table_set_range (table, first, end - first);
  cf_table_finish (table);
  cf_table_set_confidence (table, pt->quality * cf_pdf_table_confidence (table));
  return table;
}

/* ------------------------------------------------------------ chart axes */

/* The steps of an axis's ticks, times a power of ten. */
static const double axis_steps[] = { 1.0, 2.0, 2.5, 5.0, 10.0 };

/* Whether @values (of double, in reading order) step evenly: every step a
 * whole multiple of the smallest, all one way (an axis with a label missing
 * or run into its neighbour still does). With @few_alike, three values step
 * alike, by a step an axis takes (1, 2, 2.5 or 5 times a power of ten): so
 * few are as likely a row of figures (34 31 10, 17 9 1) as an axis short of
 * a label. */
static gboolean
is_even_scale (GArray *values, gboolean few_alike, double *unit_out)
{
  double unit = G_MAXDOUBLE, sign = 0;

  for (guint i = 1; i < values->len; i++)
    {
      double step = g_array_index (values, double, i) - g_array_index (values, double, i - 1);
      if (step == 0 || (sign != 0 && (step > 0) != (sign > 0)))
        return FALSE;
      sign = step;
      unit = MIN (unit, fabs (step));
    }
  for (guint i = 1; i < values->len; i++)
    {
      double ratio = fabs (g_array_index (values, double, i) - g_array_index (values, double, i - 1)) / unit;
      if (fabs (ratio - round (ratio)) > 1e-6 * MAX (1.0, ratio)
          || (few_alike && values->len == 3 && fabs (ratio - 1.0) > 1e-6))
        return FALSE;
    }
  if (few_alike && values->len == 3)
    {
      double mantissa = unit / pow (10.0, floor (log10 (unit)));
      gboolean nice = FALSE;

      for (guint i = 0; i < G_N_ELEMENTS (axis_steps); i++)
        nice |= fabs (mantissa - axis_steps[i]) < 1e-6;
      if (!nice)
        return FALSE;
    }
  *unit_out = unit;
  return TRUE;
}

/* Whether the ticks of an even scale stand on multiples of its step, as an
 * axis's do (0, 50, 100; 2.5, 5, 7.5): three figures of a table that happen
 * to step evenly seldom do (13, 25, 37). */
static gboolean
ticks_on_step (GArray *values, double unit)
{
  double first = g_array_index (values, double, 0) / unit;

  return fabs (first - round (first)) <= 1e-6 * MAX (1.0, fabs (first));
}

/* TRUE for the tick labels of a chart's axes read as a table: every column
 * (and row) of three numbers or more steps evenly (0, 50, 100…), which the
 * figures of a table do not, or one of five ticks or more runs through zero.
 * One column counting 1, 2, 3 is a table's item numbers or years, unless
 * the table is a scale and a line of labels. */
gboolean
cf_pdf_table_is_chart_axis (CfPdfTable *table)
{
  guint n_scales = 0, n_nonscales = 0;
  double unit = 1;

  for (int pass = 0; pass < 2; pass++)
    {
      int n_lines = pass == 0 ? table->n_cols : table->n_rows;

      for (int k = 0; k < n_lines; k++)
        {
          g_autoptr (GArray) values = g_array_new (FALSE, FALSE, sizeof (double));

          for (guint i = 0; i < table->cells->len; i++)
            {
              CfPdfCell *cell = g_ptr_array_index (table->cells, i);
              CfNumber number;

              if ((pass == 0 ? cell->col : cell->row) != k)
                continue;
              cf_number_parse (cell->text, -1, &number);
              if (number.kind == CF_NUMBER_VALUE)
                g_array_append_val (values, number.value);
            }
          if (values->len < 3)
            continue;
          /* Years head columns or label rows; no axis counts in them. */
          if (g_array_index (values, double, 0) >= 1900 && g_array_index (values, double, 0) <= 2099
              && g_array_index (values, double, values->len - 1) >= 1900
              && g_array_index (values, double, values->len - 1) <= 2099)
            continue;
          /* A ruled table's rows of three figures are no axis unless
           * they step as one does (the stream reader's fragments still
           * lean on the looser test: it keeps some stray pieces out). */
          if (!is_even_scale (values, g_str_equal (table->layout, "lattice"), &unit)
              || !ticks_on_step (values, unit))
            {
              n_nonscales++;
              continue;
            }
          /* Five ticks or more through zero by tens or fives: an axis, whatever
           * labels stand beside it (a bar's figures). */
          if (values->len >= 5 && unit != 1)
            for (guint v = 0; v < values->len; v++)
              if (g_array_index (values, double, v) == 0)
                return TRUE;
          n_scales++;
        }
    }
  /* Two lines are no table's body when one of them is a scale. */
  return n_nonscales == 0 && (n_scales >= 2 || (n_scales == 1 && (unit != 1 || table->n_rows < 3)));
}
