/* cf-pdf-tables.c: the tables of a PDF page; borderless (stream) ones here
 *
 * Lattice (ruled) tables are found in cf-pdf-lattice.c; their titles here.
 *
 * Stream: what is left of the page is cut into lines (by baseline) and each
 * line into segments (by gaps wider than a character). A run of lines with
 * several segments and numbers in them is a table; its columns are the gaps
 * that run through every numeric row.
 */
#include <math.h>
#include <string.h>

#include "cf-pdf-private.h"
#include "cf-number.h"

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
  table->col_edges = g_array_new (FALSE, FALSE, sizeof (double));
  table->cells = g_ptr_array_new_with_free_func ((GDestroyNotify) cf_pdf_cell_free);
  return table;
}

static gboolean
is_cjk (gunichar ch)
{
  return g_unichar_iswide (ch) || g_unichar_get_script (ch) == G_UNICODE_SCRIPT_HAN;
}

/* Sorting character indices of @page: by centre y, then x; or by x. */
static int
compare_by_cy (gconstpointer a, gconstpointer b, gpointer page)
{
  const CfPdfChar *x = cf_pdf_char_at (page, *(const guint *) a);
  const CfPdfChar *y = cf_pdf_char_at (page, *(const guint *) b);
  double d = cf_pdf_char_cy (x) - cf_pdf_char_cy (y);

  if (d == 0)
    d = x->x0 - y->x0;
  return (d > 0) - (d < 0);
}

static int
compare_by_x (gconstpointer a, gconstpointer b, gpointer page)
{
  const CfPdfChar *x = cf_pdf_char_at (page, *(const guint *) a);
  const CfPdfChar *y = cf_pdf_char_at (page, *(const guint *) b);
  double d = x->x0 - y->x0;

  return (d > 0) - (d < 0);
}

static void
sort_indices (const CfPdfPage *page, guint *indices, guint n, GCompareDataFunc func)
{
  g_qsort_with_data (indices, n, sizeof (guint), func, (gpointer) page);
}

/* A cell's text from its characters: visual lines top to bottom, left to
 * right; no space between CJK characters, one between Latin words. Sets the
 * byte range of the characters in the document text. */
static char *
text_of_chars (const CfPdfPage *page, GArray *indices, gint64 *offset, gint64 *length,
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

  sort_indices (page, (guint *) indices->data, indices->len, compare_by_cy);

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
      sort_indices (page, &g_array_index (indices, guint, start), stop - start, compare_by_x);

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
              gboolean latin_pair = !is_cjk (prev->ch) && !is_cjk (c->ch);

              /* Latin words keep their space, across a wrap too. */
              if (latin_pair && (!same_line || c->space_before || gap > 0.3 * h))
                g_string_append_c (out, ' ');
              else if (same_line && gap > 1.5 * h && !is_cjk (prev->ch) != !is_cjk (c->ch))
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

/* The ink box of the last visual line of @indices, which text_of_chars()
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
  if (!is_cjk (g_utf8_get_char (end)) && !is_cjk (g_utf8_get_char (second)))
    return g_strconcat (first, " ", second, NULL);
  return g_strconcat (first, second, NULL);
}

static CfPdfCell *
pdf_cell_new (int row, int col, int row_span, int col_span, const CfPdfPage *page, GArray *indices,
              const double rect[4])
{
  CfPdfCell *cell = g_new0 (CfPdfCell, 1);
  double ink[4];

  cell->row = row;
  cell->col = col;
  cell->row_span = row_span;
  cell->col_span = col_span;
  cell->page = page->number;
  cell->text = text_of_chars (page, indices, &cell->offset, &cell->length, ink);
  last_line_box (page, indices, cell->last_line);
  if (rect)
    memcpy (cell->bbox, rect, sizeof cell->bbox);
  else if (indices->len > 0)
    memcpy (cell->bbox, ink, sizeof cell->bbox);
  return cell;
}

CfPdfCell *
cf_pdf_table_add_chars (CfPdfTable *table, int row, int col, int row_span, int col_span, const CfPdfPage *page,
          GArray *indices, const double rect[4])
{
  CfPdfCell *cell = pdf_cell_new (row, col, row_span, col_span, page, indices, rect);

  g_ptr_array_add (table->cells, cell);
  table->n_rows = MAX (table->n_rows, row + row_span);
  table->n_cols = MAX (table->n_cols, col + col_span);
  return cell;
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
  return text != NULL && g_regex_match (heading, text, 0, NULL);
}

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

/* ------------------------------------------------------------- page lines */

typedef struct
{
  double x0, x1;
  GArray *chars; /* of guint */
  char *text;
  CfNumberKind kind;
} Segment;

typedef struct
{
  double y0, y1, cy, h;
  double x0, x1;
  GArray *chars;    /* of guint, by x */
  GPtrArray *segments;
  gboolean used;    /* belongs to a table */
  char *text;
  guint n_labels;   /* leading segments that are labels: 1, or more in
                       an area the analyst cut into columns */
  int panel;        /* 0, or a side of tables set side by side (odd: left) */
} Line;

/* A line's box before any character: empty, so that the first one sets it. */
static void
line_box_empty (Line *line)
{
  line->y0 = line->x0 = G_MAXDOUBLE;
  line->y1 = line->x1 = -G_MAXDOUBLE;
}

/* Grows @line's box over character @c. */
static void
line_cover (Line *line, const CfPdfChar *c)
{
  line->y0 = MIN (line->y0, c->y0);
  line->y1 = MAX (line->y1, c->y1);
  line->x0 = MIN (line->x0, c->x0);
  line->x1 = MAX (line->x1, c->x1);
}

static void
segment_free (Segment *seg)
{
  g_array_unref (seg->chars);
  g_free (seg->text);
  g_free (seg);
}

static void
line_free (Line *line)
{
  g_array_unref (line->chars);
  g_ptr_array_unref (line->segments);
  g_free (line->text);
  g_free (line);
}

/* Reads "(1,234)" and "（5）" as numbers too: accounts print negatives so. */
static CfNumberKind
number_kind (const char *text)
{
  CfNumber number;
  g_autofree char *inner = NULL;
  gsize len = strlen (text);

  cf_number_parse (text, -1, &number);
  /* A year (2022年, 2023年度) heads a column: it is no value of a row. */
  if (number.kind == CF_NUMBER_VALUE && g_str_has_prefix (number.unit, "年") && number.value >= 1900
      && number.value <= 2100 && cf_number_is_integer (number.value))
    return CF_NUMBER_TEXT;
  if (number.kind != CF_NUMBER_TEXT)
    return number.kind;
  if (len > 2 && (text[0] == '(' && text[len - 1] == ')'))
    inner = g_strndup (text + 1, len - 2);
  else if (g_str_has_prefix (text, "（") && g_str_has_suffix (text, "）") && len > 6)
    inner = g_strndup (text + 3, len - 6);
  if (inner == NULL)
    return CF_NUMBER_TEXT;
  cf_number_parse (inner, -1, &number);
  return number.kind == CF_NUMBER_VALUE ? CF_NUMBER_VALUE : CF_NUMBER_TEXT;
}

static GPtrArray *
find_lines (const CfPdfPage *page, const gboolean *used)
{
  GPtrArray *lines = g_ptr_array_new_with_free_func ((GDestroyNotify) line_free);
  g_autoptr (GArray) order = g_array_new (FALSE, FALSE, sizeof (guint));

  for (guint i = 0; i < page->chars->len; i++)
    if (!used[i])
      g_array_append_val (order, i);
  sort_indices (page, (guint *) order->data, order->len, compare_by_cy);

  for (guint start = 0; start < order->len;)
    {
      const CfPdfChar *c0 = cf_pdf_char_at (page, g_array_index (order, guint, start));
      Line *line = g_new0 (Line, 1);
      double sum_cy = cf_pdf_char_cy (c0), sum_h = c0->y1 - c0->y0;
      guint stop = start + 1;

      while (stop < order->len)
        {
          const CfPdfChar *c = cf_pdf_char_at (page, g_array_index (order, guint, stop));
          double n = stop - start;
          if (fabs (cf_pdf_char_cy (c) - sum_cy / n) > 0.4 * MAX (sum_h / n, c->y1 - c->y0))
            break;
          sum_cy += cf_pdf_char_cy (c);
          sum_h += c->y1 - c->y0;
          stop++;
        }
      line->chars = g_array_new (FALSE, FALSE, sizeof (guint));
      g_array_append_vals (line->chars, &g_array_index (order, guint, start), stop - start);
      sort_indices (page, (guint *) line->chars->data, line->chars->len, compare_by_x);
      line->cy = sum_cy / (stop - start);
      line->h = sum_h / (stop - start);
      line_box_empty (line);
      line->segments = g_ptr_array_new_with_free_func ((GDestroyNotify) segment_free);
      line->n_labels = 1;

      /* Segments: cut where the gap is wider than about a character. */
      {
        Segment *seg = NULL;
        double prev_x1 = 0;

        for (guint k = 0; k < line->chars->len; k++)
          {
            const CfPdfChar *c = cf_pdf_char_at (page, g_array_index (line->chars, guint, k));
            gboolean number_after_text = FALSE;

            line_cover (line, c);

            /* A number set close after a label or after another number is
             * still its own cell: numbers hold no gaps. */
            if (k > 0 && (g_unichar_isdigit (c->ch) || c->ch == '(' || c->ch == '-'))
              {
                const CfPdfChar *prev = cf_pdf_char_at (page, g_array_index (line->chars, guint, k - 1));
                double gap = c->x0 - prev_x1;
                number_after_text = (is_cjk (prev->ch) && gap > 0.15 * line->h)
                                    || ((g_unichar_isdigit (prev->ch) || prev->ch == ')')
                                        && (c->space_before || gap > 0.25 * line->h));
              }
            if (seg == NULL || c->x0 - prev_x1 > 0.9 * line->h || number_after_text)
              {
                seg = g_new0 (Segment, 1);
                seg->chars = g_array_new (FALSE, FALSE, sizeof (guint));
                seg->x0 = c->x0;
                g_ptr_array_add (line->segments, seg);
              }
            g_array_append_val (seg->chars, g_array_index (line->chars, guint, k));
            seg->x1 = MAX (seg->x1, c->x1);
            prev_x1 = MAX (prev_x1, c->x1);
            if (k == 0)
              prev_x1 = c->x1;
          }
      }
      {
        GString *all = g_string_new (NULL);
        for (guint s = 0; s < line->segments->len; s++)
          {
            Segment *seg = g_ptr_array_index (line->segments, s);
            g_autoptr (GArray) copy = g_array_copy (seg->chars);
            gint64 off, len;
            seg->text = text_of_chars (page, copy, &off, &len, NULL);
            seg->kind = number_kind (seg->text);
            if (s > 0)
              g_string_append_c (all, ' ');
            g_string_append (all, seg->text);
          }
        line->text = g_string_free (all, FALSE);
      }
      g_ptr_array_add (lines, line);
      start = stop;
    }
  return lines;
}

/* A unit line set above a table (单位：万元, 金额单位：元) names no table. */
static gboolean
is_unit_text (const char *text)
{
  static const char *const prefixes[] = { "单位", "金额单位", "计量单位", "货币单位", "單位", "金額單位" };

  while (*text == ' ' || *text == '(' || g_str_has_prefix (text, "（"))
    text += *text == ' ' || *text == '(' ? 1 : strlen ("（");
  for (guint i = 0; i < G_N_ELEMENTS (prefixes); i++)
    if (g_str_has_prefix (text, prefixes[i]))
      {
        const char *rest = text + strlen (prefixes[i]);
        while (*rest == ' ')
          rest++;
        if (*rest == ':' || g_str_has_prefix (rest, "："))
          return TRUE;
      }
  return FALSE;
}

/* The text of @line over [@x0, @x1] (a title over a table beside another
 * names that one only), without the unit printed at its end ("表1 收入支出表
 * 单位：元"); NULL when none is left. */
static char *
title_text_of_line (Line *line, double x0, double x1)
{
  GString *text = g_string_new (NULL);

  for (guint s = 0; s < line->segments->len; s++)
    {
      Segment *seg = g_ptr_array_index (line->segments, s);
      if (seg->x1 < x0 - 20 || seg->x0 > x1 + 20)
        continue;
      if (is_unit_text (seg->text))
        break;
      if (text->len > 0)
        g_string_append_c (text, ' ');
      g_string_append (text, seg->text);
    }
  if (text->len == 0)
    {
      g_string_free (text, TRUE);
      return NULL;
    }
  return g_string_free (text, FALSE);
}

/* The heading above @top (and above no other table): the nearest line that
 * reads like a section heading within a few lines, else the nearest short line
 * right above (a unit line between them stands for no title). */
static void
find_title (GPtrArray *lines, double top, double x0, double x1, CfPdfTable *table)
{
  g_autofree char *nearest = NULL, *heading = NULL;
  double nearest_y1 = -G_MAXDOUBLE, nearest_h = 0, heading_y1 = -G_MAXDOUBLE, unit_h = 0;

  for (guint i = 0; i < lines->len; i++)
    {
      Line *line = g_ptr_array_index (lines, i);
      double dist = top - line->y1;
      g_autofree char *text = NULL;

      if (line->used || dist < -1.0 || dist > 90.0)
        continue;
      if (line->x1 < x0 - 20 || line->x0 > x1 + 20)
        continue;
      text = title_text_of_line (line, x0, x1);
      if (text == NULL)
        {
          /* A unit line: the title may stand above it. */
          unit_h = MAX (unit_h, line->y1 - line->y0 + dist);
          continue;
        }
      if (line->y1 > nearest_y1)
        {
          g_free (nearest);
          nearest = g_strdup (text);
          nearest_y1 = line->y1;
          nearest_h = line->h;
        }
      if (cf_pdf_is_heading_text (text) && line->y1 > heading_y1)
        {
          g_free (heading);
          heading = g_steal_pointer (&text);
          heading_y1 = line->y1;
        }
    }
  if (heading != NULL)
    {
      table->title = g_steal_pointer (&heading);
      table->title_is_heading = cf_pdf_is_section_heading (table->title);
    }
  else if (nearest != NULL && top - nearest_y1 < 3 * nearest_h + unit_h
           && g_utf8_strlen (nearest, -1) <= 40)
    table->title = g_steal_pointer (&nearest);
  if (table->title)
    g_strstrip (table->title);
}

/* ------------------------------------------------------------------ stream */

static gboolean
line_is_body (Line *line)
{
  guint values = 0;

  guint labels = line->n_labels;

  /* A group label may stand before the row's own label (（三）不予公开 on the
   * line of 4.保护第三方合法权益): up to three labels lead the numbers. */
  while (labels < line->segments->len && labels < line->n_labels + 2
         && ((Segment *) g_ptr_array_index (line->segments, labels))->kind == CF_NUMBER_TEXT)
    labels++;
  if (line->segments->len < labels + 1)
    return FALSE;
  for (guint s = labels; s < line->segments->len; s++)
    {
      Segment *seg = g_ptr_array_index (line->segments, s);
      if (seg->kind == CF_NUMBER_VALUE)
        values++;
      else if (seg->kind == CF_NUMBER_TEXT)
        return values > 0 && s + 1 == line->segments->len ? TRUE : FALSE;
    }
  return values > 0;
}

/* Whether @line, a numbered item (2.… （三）…) alone on its line, is the
 * first line of the label of the numeric line @below: set as close as a
 * wrapped line, left of its numbers, and @below's label goes on with no
 * number of its own. */
static gboolean
starts_wrapped_label (Line *line, Line *below)
{
  Segment *first_value = NULL;

  if (line->segments->len != 1 || cf_pdf_is_section_heading (line->text) || !line_is_body (below)
      || below->y0 - line->y1 > 0.25 * below->h)
    return FALSE;
  for (guint s = 0; s < below->segments->len && first_value == NULL; s++)
    if (((Segment *) g_ptr_array_index (below->segments, s))->kind == CF_NUMBER_VALUE)
      first_value = g_ptr_array_index (below->segments, s);
  return first_value != NULL && line->x1 < first_value->x0
         && !cf_pdf_is_heading_text (((Segment *) g_ptr_array_index (below->segments, 0))->text);
}

typedef struct
{
  double x0, x1;
} Interval;

static int
compare_intervals (gconstpointer a, gconstpointer b)
{
  const Interval *x = a, *y = b;

  return (x->x0 > y->x0) - (x->x0 < y->x0);
}

static void
columns_of_segment (GArray *cols, const Segment *seg, int *first, int *last)
{
  *first = *last = -1;
  for (guint c = 0; c < cols->len; c++)
    {
      const Interval *iv = &g_array_index (cols, Interval, c);
      if (MIN (iv->x1, seg->x1) - MAX (iv->x0, seg->x0) > 0)
        {
          if (*first < 0)
            *first = c;
          *last = c;
        }
    }
  if (*first < 0)
    {
      double best = G_MAXDOUBLE;
      double mid = (seg->x0 + seg->x1) / 2;
      for (guint c = 0; c < cols->len; c++)
        {
          const Interval *iv = &g_array_index (cols, Interval, c);
          double d = fabs ((iv->x0 + iv->x1) / 2 - mid);
          if (d < best)
            best = d, *first = *last = c;
        }
    }
}

typedef struct
{
  double y0, y1;
  GPtrArray *cols; /* per column: GArray of char indices, or NULL */
  int *spans;
} StreamRow;

static void
stream_row_free (StreamRow *row)
{
  g_ptr_array_unref (row->cols);
  g_free (row->spans);
  g_free (row);
}

static StreamRow *
stream_row_new (guint n_cols)
{
  StreamRow *row = g_new0 (StreamRow, 1);

  row->y0 = G_MAXDOUBLE;
  row->y1 = -G_MAXDOUBLE;
  row->cols = g_ptr_array_new_full (n_cols, (GDestroyNotify) g_array_unref);
  for (guint c = 0; c < n_cols; c++)
    g_ptr_array_add (row->cols, g_array_new (FALSE, FALSE, sizeof (guint)));
  row->spans = g_new0 (int, n_cols);
  return row;
}

/* @forced: per segment, the first and last column it is known to go in
 * (first -1: not known), or NULL. */
static void
stream_row_add_line (StreamRow *row, GArray *cols, Line *line, const gboolean *skip, const int *forced)
{
  int next_free = 0;

  row->y0 = MIN (row->y0, line->y0);
  row->y1 = MAX (row->y1, line->y1);
  for (guint s = 0; s < line->segments->len; s++)
    {
      Segment *seg = g_ptr_array_index (line->segments, s);
      int first, last;

      if (skip != NULL && skip[s])
        continue;

      if (forced != NULL && forced[2 * s] >= 0)
        {
          first = forced[2 * s];
          last = forced[2 * s + 1];
          g_array_append_vals (g_ptr_array_index (row->cols, first), seg->chars->data, seg->chars->len);
          row->spans[first] = MAX (row->spans[first], last - first + 1);
          next_free = last + 1;
          continue;
        }
      columns_of_segment (cols, seg, &first, &last);
      /* Pieces of a label all go to the label column; a value never shares one. */
      if (last > 0)
        first = MAX (first, MIN (next_free, (int) cols->len - 1));
      last = MAX (last, first);
      g_array_append_vals (g_ptr_array_index (row->cols, first), seg->chars->data, seg->chars->len);
      row->spans[first] = MAX (row->spans[first], last - first + 1);
      next_free = last + 1;
    }
}

/* The columns (of Interval, appended to @cols) of a table made of
 * lines[start..stop), and how many of them are label columns (0 to 4);
 * FALSE when the lines are no table. */
static gboolean
stream_columns (GPtrArray *lines, guint start, guint stop, GArray *cols, guint *n_label_cols_out)
{
  g_autoptr (GArray) spans = g_array_new (FALSE, FALSE, sizeof (Interval));
  double left = G_MAXDOUBLE;
  guint n_body = 0, n_values = 0, n_label_cols = 0;

  /* Value columns: the gaps that run through the numbers of every numeric
   * row; the label column is whatever lies left of the first of them. */
  for (guint i = start; i < stop; i++)
    {
      Line *line = g_ptr_array_index (lines, i);
      left = MIN (left, line->x0);
    }
  for (guint i = start; i < stop; i++)
    {
      Line *line = g_ptr_array_index (lines, i);
      if (!line_is_body (line))
        continue;
      n_body++;
      for (guint s = 0; s < line->segments->len; s++)
        {
          Segment *seg = g_ptr_array_index (line->segments, s);
          Interval iv = { seg->x0, seg->x1 };
          if (seg->kind == CF_NUMBER_TEXT)
            continue;
          g_array_append_val (spans, iv);
          n_values += n_body == 1;
        }
    }
  /* One numeric row is a table only under a header and with several numbers
   * (the appeals table has a single row). */
  if (spans->len == 0 || n_body == 0 || (n_body == 1 && (n_values < 3 || stop - start < 2)))
    return FALSE;
  g_array_sort (spans, compare_intervals);
  if (g_array_index (spans, Interval, 0).x0 > left + 2.0)
    {
      double values_x0 = g_array_index (spans, Interval, 0).x0;
      g_autoptr (GArray) edges = g_array_new (FALSE, FALSE, sizeof (Interval));

      /* Label columns: the left edges that labels of several lines share
       * (group labels, then sub-group labels, then item labels, each
       * column further right), the first one at the block's left. */
      for (guint i = start; i < stop; i++)
        {
          Line *line = g_ptr_array_index (lines, i);
          for (guint s = 0; s < line->segments->len; s++)
            {
              Segment *seg = g_ptr_array_index (line->segments, s);
              Interval edge = { seg->x0, 1 };
              if (seg->kind != CF_NUMBER_TEXT || seg->x0 >= values_x0 - 1.0)
                break;
              g_array_append_val (edges, edge);
            }
        }
      g_array_sort (edges, compare_intervals);
      {
        Interval label = { left, values_x0 - 0.5 };
        g_array_append_val (cols, label);
      }
      for (guint i = 0; i < edges->len;)
        {
          guint j = i + 1;
          double x = g_array_index (edges, Interval, i).x0;

          while (j < edges->len && g_array_index (edges, Interval, j).x0 - x < 3.0)
            j++;
          /* Shared by two lines or more, and clear of the column before. */
          if (j - i >= 2 && cols->len < 4
              && x - 1.0 > g_array_index (cols, Interval, cols->len - 1).x0 + 6.0)
            {
              Interval *last = &g_array_index (cols, Interval, cols->len - 1);
              Interval next = { x - 1.0, last->x1 };
              last->x1 = x - 1.0;
              g_array_append_val (cols, next);
            }
          i = j;
        }
      n_label_cols = cols->len;
    }
  for (guint i = 0; i < spans->len; i++)
    {
      Interval iv = g_array_index (spans, Interval, i);
      if (cols->len > n_label_cols && iv.x0 <= g_array_index (cols, Interval, cols->len - 1).x1 + 1.0)
        {
          Interval *last = &g_array_index (cols, Interval, cols->len - 1);
          last->x1 = MAX (last->x1, iv.x1);
        }
      else
        g_array_append_val (cols, iv);
    }
  if (cols->len < 2)
    return FALSE;
  *n_label_cols_out = n_label_cols;
  return TRUE;
}

/* ------------------------------------------------------------- headers */

static double
segment_cx (const Segment *seg)
{
  return (seg->x0 + seg->x1) / 2;
}

/* Columns for the segments of the header lines above the first numeric line
 * (lines of their own rows), as stream_row_add_line() takes them: a header
 * set right of every row label heads value columns only, the one its
 * numbers are under (numbers set flush right leave a centred header left
 * of them, short of their column); a header centred over the headers of
 * the line below (年份 over 件数 / 占比) spans their columns. NULL when
 * there is no such header line; else one array (or NULL) a line. */
static int **
place_header_segments (GPtrArray *lines, guint start, guint n_lines, GArray *cols, guint n_label_cols,
                       const int *joins)
{
  int **forced = NULL;
  double label_end = -G_MAXDOUBLE;
  guint first_body = n_lines;

  for (guint rel = 0; rel < n_lines; rel++)
    {
      Line *line = g_ptr_array_index (lines, start + rel);
      if (!line_is_body (line))
        continue;
      first_body = MIN (first_body, rel);
      for (guint s = 0; s < line->segments->len; s++)
        {
          Segment *seg = g_ptr_array_index (line->segments, s);
          if (seg->kind != CF_NUMBER_TEXT)
            break;
          label_end = MAX (label_end, seg->x1);
        }
    }
  if (first_body == 0 || first_body == n_lines || n_label_cols == 0 || cols->len <= n_label_cols)
    return NULL;

  forced = g_new0 (int *, n_lines);
  /* Bottom up: a line's headers are placed before the line above looks at them. */
  for (guint rel = first_body; rel-- > 0;)
    {
      Line *line = g_ptr_array_index (lines, start + rel);
      Line *below = NULL;
      int *below_cols = NULL;

      if (joins[rel] != -1)
        continue;
      if (rel + 1 < first_body && joins[rel + 1] == -1 && forced[rel + 1] != NULL)
        {
          below = g_ptr_array_index (lines, start + rel + 1);
          below_cols = forced[rel + 1];
        }
      forced[rel] = g_new (int, 2 * line->segments->len);
      for (guint s = 0; s < line->segments->len; s++)
        {
          Segment *seg = g_ptr_array_index (line->segments, s);
          int first = -1, last = -1;
          double best = G_MAXDOUBLE;

          forced[rel][2 * s] = forced[rel][2 * s + 1] = -1;
          if (seg->x0 <= label_end + 2)
            continue;
          /* The value columns it overlaps, else the nearest one. */
          for (guint c = n_label_cols; c < cols->len; c++)
            {
              const Interval *iv = &g_array_index (cols, Interval, c);
              if (MIN (iv->x1, seg->x1) - MAX (iv->x0, seg->x0) > 0)
                {
                  if (first < 0)
                    first = c;
                  last = c;
                }
            }
          if (first < 0)
            for (guint c = n_label_cols; c < cols->len; c++)
              {
                const Interval *iv = &g_array_index (cols, Interval, c);
                double d = fabs ((iv->x0 + iv->x1) / 2 - segment_cx (seg));
                /* Flush right numbers: a header left of them heads them. */
                if (seg->x1 <= iv->x1 + 1)
                  d = MIN (d, fabs (iv->x1 - seg->x1) * 0.5);
                if (d < best)
                  best = d, first = last = c;
              }
          /* Centred over two headers or more of the line below. */
          if (below != NULL)
            for (guint i = 0; i < below->segments->len; i++)
              for (guint j = i + 1; j < below->segments->len; j++)
                {
                  Segment *a = g_ptr_array_index (below->segments, i), *b = g_ptr_array_index (below->segments, j);
                  double mid = (segment_cx (a) + segment_cx (b)) / 2;

                  if (below_cols[2 * i] < 0 || below_cols[2 * j] < 0
                      || fabs (mid - segment_cx (seg)) > 0.6 * line->h
                      || seg->x0 < segment_cx (a) - 1 || seg->x1 > segment_cx (b) + 1)
                    continue;
                  if (last - first < below_cols[2 * j + 1] - below_cols[2 * i])
                    {
                      first = below_cols[2 * i];
                      last = below_cols[2 * j + 1];
                    }
                }
          forced[rel][2 * s] = first;
          forced[rel][2 * s + 1] = last;
        }
    }
  return forced;
}

/* ----------------------------------------------- wrapped and group labels */

/* Labels of neighbouring label columns set close together (a group label
 * and a row's own, 三、本年 beside （四）无法提供) ran into one segment:
 * cut them where a gap meets the edge of a label column. */
static void
split_at_label_columns (const CfPdfPage *page, GPtrArray *lines, guint start, guint stop,
                        GArray *cols, guint n_label_cols)
{
  for (guint i = start; i < stop && n_label_cols >= 2; i++)
    {
      Line *line = g_ptr_array_index (lines, i);

      for (guint s = 0; s < line->segments->len; s++)
        {
          Segment *seg = g_ptr_array_index (line->segments, s);

          if (seg->kind != CF_NUMBER_TEXT)
            continue;
          for (guint k = 1; k < seg->chars->len; k++)
            {
              const CfPdfChar *prev = cf_pdf_char_at (page, g_array_index (seg->chars, guint, k - 1));
              const CfPdfChar *c = cf_pdf_char_at (page, g_array_index (seg->chars, guint, k));
              gboolean at_edge = FALSE;

              for (guint col = 1; col < n_label_cols; col++)
                {
                  double edge = g_array_index (cols, Interval, col).x0;
                  at_edge |= prev->x1 <= edge + 0.5 && c->x0 >= edge - 0.5;
                }
              if (at_edge && c->x0 - prev->x1 > 0.3 * line->h)
                {
                  Segment *rest = g_new0 (Segment, 1);
                  g_autoptr (GArray) copy = NULL;
                  gint64 off, len;

                  rest->chars = g_array_new (FALSE, FALSE, sizeof (guint));
                  g_array_append_vals (rest->chars, &g_array_index (seg->chars, guint, k),
                                       seg->chars->len - k);
                  g_array_set_size (seg->chars, k);
                  rest->x0 = c->x0;
                  rest->x1 = seg->x1;
                  seg->x1 = prev->x1;
                  g_free (seg->text);
                  copy = g_array_copy (seg->chars);
                  seg->text = text_of_chars (page, copy, &off, &len, NULL);
                  seg->kind = number_kind (seg->text);
                  g_clear_pointer (&copy, g_array_unref);
                  copy = g_array_copy (rest->chars);
                  rest->text = text_of_chars (page, copy, &off, &len, NULL);
                  rest->kind = number_kind (rest->text);
                  g_ptr_array_insert (line->segments, s + 1, rest);
                  break;
                }
            }
        }
    }
}

#define ROUTED (-2) /* a line of labels alone, placed piece by piece */

/* A label segment not on a row of its own: the rest of a wrapped label, or
 * (part of) a group label set down the rows it heads. */
typedef struct
{
  guint    rel;     /* its line, from the block's first */
  guint    seg;     /* its segment there */
  int      col, last;
  int      row;     /* the row it continues, or -1 */
  gboolean on_body; /* on a numeric line (beside that row's own label) */
} Piece;

typedef struct
{
  int     col;
  int     row, row_span;
  double  y0, y1;
  GArray *chars; /* of guint */
} Group;

static void
group_free (Group *group)
{
  g_array_unref (group->chars);
  g_free (group);
}

static Segment *
piece_segment (GPtrArray *lines, guint start, const Piece *piece)
{
  Line *line = g_ptr_array_index (lines, start + piece->rel);
  return g_ptr_array_index (line->segments, piece->seg);
}

/* Whether row @row has its own text in label column @col. */
static gboolean
row_has_text_in (StreamRow *row, int col)
{
  for (int c = 0; c <= col; c++)
    {
      GArray *chars = g_ptr_array_index (row->cols, c);
      if (chars->len > 0 && c + MAX (1, row->spans[c]) - 1 >= col)
        return TRUE;
    }
  return FALSE;
}

/* Joins every piece that goes on a label of the line above or below it in
 * its column (a wrapped label: lines close together) to that label's row,
 * the nearer one by baseline when both are; chains of wrapped lines follow
 * one another outwards from the numeric line. */
static void
route_label_pieces (GPtrArray *lines, guint start, guint n_lines, GArray *cols, const int *joins,
                    const int *row_of, GPtrArray *rows, GArray *pieces)
{
  gboolean changed = TRUE;

  for (int pass = 0; pass < 4 && changed; pass++)
    {
      changed = FALSE;
      for (guint p = 0; p < pieces->len; p++)
        {
          Piece *piece = &g_array_index (pieces, Piece, p);
          Line *line = g_ptr_array_index (lines, start + piece->rel);
          int best_row = -1;
          double best = G_MAXDOUBLE;

          if (piece->row >= 0 || piece->on_body)
            continue;
          for (int dir = -1; dir <= 1; dir += 2)
            {
              int rel = (int) piece->rel + dir;
              Line *other;
              int row = -1;
              double gap, dist;

              /* A numbered label (（二）…, 2.…) starts there: it goes on no
               * label above, and none goes on before one below. */
              if (rel < 0 || rel >= (int) n_lines
                  || (dir < 0 && cf_pdf_is_heading_text (piece_segment (lines, start, piece)->text)))
                continue;
              other = g_ptr_array_index (lines, start + rel);
              if (dir > 0)
                {
                  gboolean numbered_below = FALSE;
                  for (guint s = 0; s < other->segments->len; s++)
                    {
                      Segment *seg = g_ptr_array_index (other->segments, s);
                      int first, last;
                      columns_of_segment (cols, seg, &first, &last);
                      if (first <= piece->col && last >= piece->col)
                        numbered_below = cf_pdf_is_heading_text (seg->text);
                    }
                  if (numbered_below)
                    continue;
                }
              gap = dir < 0 ? line->y0 - other->y1 : other->y0 - line->y1;
              if (gap > 0.45 * MAX (line->h, other->h))
                continue;
              if (joins[rel] == ROUTED)
                {
                  /* The piece of that line in this column, when it went on a row. */
                  for (guint q = 0; q < pieces->len; q++)
                    {
                      Piece *o = &g_array_index (pieces, Piece, q);
                      if (o->rel == (guint) rel && o->row >= 0 && o->col <= piece->col
                          && o->last >= piece->col)
                        row = o->row;
                    }
                }
              else if (row_of[rel] >= 0 && line_is_body (other)
                       && row_has_text_in (g_ptr_array_index (rows, row_of[rel]), piece->col))
                row = row_of[rel];
              if (row < 0)
                continue;
              dist = fabs (line->cy - other->cy);
              if (dist < best)
                best = dist, best_row = row;
            }
          if (best_row >= 0)
            {
              StreamRow *row = g_ptr_array_index (rows, best_row);
              Segment *seg = piece_segment (lines, start, piece);
              int col = piece->col;

              /* Into the cell that covers the column. */
              for (int c = 0; c <= piece->col; c++)
                if (((GArray *) g_ptr_array_index (row->cols, c))->len > 0
                    && c + MAX (1, row->spans[c]) - 1 >= piece->col)
                  col = c;
              g_array_append_vals (g_ptr_array_index (row->cols, col), seg->chars->data, seg->chars->len);
              row->spans[col] = MAX (row->spans[col], MIN (piece->last, (int) cols->len - 1) - col + 1);
              piece->row = best_row;
              changed = TRUE;
            }
        }
    }
}

static int
compare_groups_by_y (gconstpointer a, gconstpointer b)
{
  const Group *x = *(Group * const *) a, *y = *(Group * const *) b;

  return (x->y0 > y->y0) - (x->y0 < y->y0);
}

/* Places the groups @in_col (of one column, top to bottom) on the rows
 * @eligible for them and not @covered, into @spans (first and last row of
 * each, -1 when none): top down, each group from the first free row of its
 * run to where the rows' middle comes nearest its own; or @bottom_up, each
 * from the last free row upwards. Returns how far off centre the worst
 * placed group is (points; a group left out counts as very far). */
static double
tile_groups (GPtrArray *rows, guint n_cols, guint n_label_cols, const gboolean *eligible,
             const gboolean *covered_in, GPtrArray *in_col, gboolean bottom_up, int *spans)
{
  g_autofree gboolean *covered = g_memdup2 (covered_in, rows->len * n_cols * sizeof (gboolean));
  double worst = 0;

  for (guint k = 0; k < in_col->len; k++)
    {
      guint g = bottom_up ? in_col->len - 1 - k : k;
      Group *group = g_ptr_array_index (in_col, g);
      int col = group->col;
      double cy = (group->y0 + group->y1) / 2, best = G_MAXDOUBLE;
      int nearest = -1, a, b, from = -1, end = -1;

#define FREE_ROW(r) (eligible[(r) * n_label_cols + col] && !covered[(r) * n_cols + col])
      spans[2 * g] = spans[2 * g + 1] = -1;
      for (guint r = 0; r < rows->len; r++)
        {
          StreamRow *row = g_ptr_array_index (rows, r);
          double d = fabs ((row->y0 + row->y1) / 2 - cy);
          if (FREE_ROW (r) && d < best)
            best = d, nearest = r;
        }
      if (nearest < 0)
        {
          worst = MAX (worst, 1000.0);
          continue;
        }
      a = b = nearest;
      while (a > 0 && FREE_ROW (a - 1))
        a--;
      while (b + 1 < (int) rows->len && FREE_ROW (b + 1))
        b++;
#undef FREE_ROW
      best = G_MAXDOUBLE;
      for (int other = a; other <= b; other++)
        {
          int top_row = bottom_up ? other : a, bottom_row = bottom_up ? b : other;
          StreamRow *top = g_ptr_array_index (rows, top_row), *bottom = g_ptr_array_index (rows, bottom_row);
          double d = fabs ((top->y0 + bottom->y1) / 2 - cy);
          if (d < best)
            best = d, from = top_row, end = bottom_row;
        }
      spans[2 * g] = from;
      spans[2 * g + 1] = end;
      worst = MAX (worst, best);
      for (int r = from; r <= end; r++)
        covered[r * n_cols + col] = TRUE;
    }
  return worst;
}

/* The pieces no row took are group labels: the lines of one stacked in
 * their column make one cell, set down the rows it is centred on among those
 * with no label of their own in that column. Returns the slots (rows x
 * columns) the groups cover, or NULL when there are none. */
static gboolean *
place_group_labels (const CfPdfPage *page, GPtrArray *lines, guint start, GArray *cols,
                    guint n_label_cols, GPtrArray *rows, GArray *pieces, GPtrArray *groups)
{
  gboolean *covered = NULL;
  g_autofree gboolean *eligible = NULL;

  guint max_rel = 0;

  (void) page;
  for (guint p = 0; p < pieces->len; p++)
    max_rel = MAX (max_rel, g_array_index (pieces, Piece, p).rel);
  /* Stack the pieces of each column into groups, top to bottom. */
  for (int col = 0; col < (int) n_label_cols; col++)
    {
      Group *open = NULL;

      for (guint rel = 0; rel <= max_rel && pieces->len > 0; rel++)
        for (guint p = 0; p < pieces->len; p++)
          {
            Piece *piece = &g_array_index (pieces, Piece, p);
            Line *line;
            Segment *seg;

            if (piece->rel != rel || piece->row >= 0 || piece->col != col)
              continue;
            line = g_ptr_array_index (lines, start + rel);
            seg = piece_segment (lines, start, piece);
            if (open == NULL || line->y0 - open->y1 > 0.45 * line->h)
              {
                open = g_new0 (Group, 1);
                open->col = col;
                open->row = -1;
                open->y0 = line->y0;
                open->chars = g_array_new (FALSE, FALSE, sizeof (guint));
                g_ptr_array_add (groups, open);
              }
            g_array_append_vals (open->chars, seg->chars->data, seg->chars->len);
            open->y1 = MAX (open->y1, line->y1);
          }
    }
  if (groups->len == 0)
    return NULL;
  g_ptr_array_sort (groups, compare_groups_by_y);

  /* Rows each column's groups may head: rows with no label of their own there. */
  eligible = g_new0 (gboolean, rows->len * n_label_cols);
  for (guint r = 0; r < rows->len; r++)
    for (guint c = 0; c < n_label_cols; c++)
      {
        StreamRow *row = g_ptr_array_index (rows, r);
        gboolean has_numbers = FALSE;
        for (guint k = n_label_cols; k < cols->len && !has_numbers; k++)
          has_numbers = ((GArray *) g_ptr_array_index (row->cols, k))->len > 0;
        eligible[r * n_label_cols + c] = has_numbers && !row_has_text_in (row, c);
      }

  covered = g_new0 (gboolean, rows->len * cols->len);
  for (int col = 0; col < (int) n_label_cols; col++)
    {
      g_autoptr (GPtrArray) in_col = g_ptr_array_new ();
      g_autofree int *down = NULL, *up = NULL;
      double down_error, up_error;

      for (guint g = 0; g < groups->len; g++)
        if (((Group *) g_ptr_array_index (groups, g))->col == col)
          g_ptr_array_add (in_col, g_ptr_array_index (groups, g));
      if (in_col->len == 0)
        continue;
      /* Each group is centred on its rows, and the groups of a column tile
       * their rows top down; but a page may begin with rows whose group was
       * printed on the page before (and end with rows whose group is printed
       * on the next). Tile from the top and from the bottom and keep the
       * tiling that centres every group better. */
      down = g_new (int, 2 * in_col->len);
      up = g_new (int, 2 * in_col->len);
      down_error = tile_groups (rows, cols->len, n_label_cols, eligible, covered, in_col, FALSE, down);
      up_error = tile_groups (rows, cols->len, n_label_cols, eligible, covered, in_col, TRUE, up);
      for (guint g = 0; g < in_col->len; g++)
        {
          Group *group = g_ptr_array_index (in_col, g);
          const int *span = up_error + 1.0 < down_error ? &up[2 * g] : &down[2 * g];

          if (span[0] < 0)
            continue;
          group->row = span[0];
          group->row_span = span[1] - span[0] + 1;
          for (int r = span[0]; r <= span[1]; r++)
            covered[r * cols->len + col] = TRUE;
        }
    }
  /* Groups that found no rows: a row of their own is not to be had, so
   * their text joins the nearest row's cell in their column. */
  for (guint g = groups->len; g-- > 0;)
    {
      Group *group = g_ptr_array_index (groups, g);
      if (group->row < 0)
        {
          double cy = (group->y0 + group->y1) / 2, best = G_MAXDOUBLE;
          int nearest = -1;
          for (guint r = 0; r < rows->len; r++)
            {
              StreamRow *row = g_ptr_array_index (rows, r);
              double d = fabs ((row->y0 + row->y1) / 2 - cy);
              if (!covered[r * cols->len + group->col] && d < best)
                best = d, nearest = r;
            }
          if (nearest >= 0)
            {
              StreamRow *row = g_ptr_array_index (rows, nearest);
              g_array_append_vals (g_ptr_array_index (row->cols, group->col), group->chars->data,
                                   group->chars->len);
            }
          g_ptr_array_remove_index (groups, g);
        }
    }
  return covered;
}

/* The table of lines[start..stop) cut into @cols, the first @n_label_cols of
 * them label columns; its characters are marked in @used. */
static CfPdfTable *
stream_table (const CfPdfPage *page, GPtrArray *lines, guint start, guint stop, GArray *cols,
              guint n_label_cols, gboolean *used)
{
  g_autoptr (GPtrArray) rows = g_ptr_array_new_with_free_func ((GDestroyNotify) stream_row_free);
  g_autoptr (CfPdfTable) table = NULL;
  g_autofree int *joins = NULL;
  g_autofree int *row_of = NULL;
  g_autoptr (GArray) pieces = NULL;
  g_autoptr (GPtrArray) table_groups = g_ptr_array_new_with_free_func ((GDestroyNotify) group_free);
  g_autofree gboolean **skips = NULL;
  g_autofree gboolean *covered = NULL;
  g_autofree gboolean *sparse = NULL;
  gboolean seen_body = FALSE;
  guint n_lines;
  int **header_cols = NULL;

  split_at_label_columns (page, lines, start, stop, cols, n_label_cols);

  /* Rows: each numeric line opens one, and so does a header or a line of
   * several cells. A piece of label text that touches a numeric line (a
   * wrapped label, often centred on its row) joins the nearer of the two
   * around it; other lone text that touches the line above continues it. */
  n_lines = stop - start;
  joins = g_new (int, n_lines);
  row_of = g_new (int, n_lines);
  for (guint rel = 0; rel < n_lines; rel++)
    {
      Line *line = g_ptr_array_index (lines, start + rel);
      double touch = 0.25 * line->h;
      gboolean body = line_is_body (line);
      gboolean label_only = TRUE;

      joins[rel] = -1;
      row_of[rel] = -1;
      /* The first line of the label of the first row (a page that starts
       * with a wrapped item): it goes on the row below. */
      if (!seen_body && rel + 1 < n_lines
          && starts_wrapped_label (line, g_ptr_array_index (lines, start + rel + 1)))
        {
          joins[rel] = n_label_cols >= 2 ? ROUTED : (int) rel + 1;
          continue;
        }
      if (body || (cf_pdf_is_heading_text (line->text) && (n_label_cols < 2 || !seen_body)))
        {
          seen_body |= body;
          continue;
        }
      for (guint s = 0; s < line->segments->len && label_only; s++)
        {
          int first, last;
          columns_of_segment (cols, g_ptr_array_index (line->segments, s), &first, &last);
          label_only = last < (int) n_label_cols;
        }
      if (label_only && seen_body && n_label_cols >= 2)
        joins[rel] = ROUTED;
      else if (label_only && seen_body)
        {
          int above = -1, below = -1;
          double gap_above = G_MAXDOUBLE, gap_below = G_MAXDOUBLE;

          for (int k = (int) rel - 1; k >= 0 && above < 0; k--)
            if (line_is_body (g_ptr_array_index (lines, start + k)))
              above = k;
          for (guint k = rel + 1; k < n_lines && below < 0; k++)
            if (line_is_body (g_ptr_array_index (lines, start + k)))
              below = k;
          if (above >= 0)
            gap_above = line->y0 - ((Line *) g_ptr_array_index (lines, start + above))->y1;
          if (below >= 0)
            gap_below = ((Line *) g_ptr_array_index (lines, start + below))->y0 - line->y1;
          if (below >= 0 && gap_below <= touch
              && (gap_above > touch
                  || ((Line *) g_ptr_array_index (lines, start + below))->cy - line->cy
                     < line->cy - ((Line *) g_ptr_array_index (lines, start + above))->cy))
            joins[rel] = below;
          else if (above >= 0 && gap_above <= touch)
            joins[rel] = above;
        }
      else if (line->segments->len == 1 && rel > 0
               && line->y0 - ((Line *) g_ptr_array_index (lines, start + rel - 1))->y1 <= touch)
        joins[rel] = rel - 1;
    }

  /* Group labels standing before a row's own label on its line, in a
   * column some numeric rows leave empty (a column every row fills holds
   * the rows' own labels, as a unit column does). */
  pieces = g_array_new (FALSE, FALSE, sizeof (Piece));
  skips = g_new0 (gboolean *, n_lines);
  sparse = g_new0 (gboolean, cols->len);
  for (guint rel = 0; rel < n_lines; rel++)
    {
      Line *line = g_ptr_array_index (lines, start + rel);
      g_autofree gboolean *filled = g_new0 (gboolean, cols->len);

      if (!line_is_body (line))
        continue;
      for (guint s = 0; s < line->segments->len; s++)
        {
          int first, last;
          columns_of_segment (cols, g_ptr_array_index (line->segments, s), &first, &last);
          for (int c = first; c <= last; c++)
            filled[c] = TRUE;
        }
      for (guint c = 0; c < cols->len; c++)
        sparse[c] |= !filled[c];
    }
  if (n_label_cols >= 2)
    for (guint rel = 0; rel < n_lines; rel++)
      {
        Line *line = g_ptr_array_index (lines, start + rel);
        int own_first = -1;
        guint n_leading = 0;

        if (joins[rel] == ROUTED || !line_is_body (line))
          continue;
        while (n_leading < line->segments->len
               && ((Segment *) g_ptr_array_index (line->segments, n_leading))->kind == CF_NUMBER_TEXT)
          n_leading++;
        if (n_leading < 2)
          continue;
        {
          int last;
          columns_of_segment (cols, g_ptr_array_index (line->segments, n_leading - 1), &own_first, &last);
        }
        for (guint s = 0; s + 1 < n_leading; s++)
          {
            Piece piece = { rel, s, 0, 0, -1, TRUE };
            int last;

            columns_of_segment (cols, g_ptr_array_index (line->segments, s), &piece.col, &last);
            if (piece.col >= own_first || piece.col >= (int) n_label_cols || !sparse[piece.col])
              continue;
            piece.last = last;
            if (skips[rel] == NULL)
              skips[rel] = g_new0 (gboolean, line->segments->len);
            skips[rel][s] = TRUE;
            g_array_append_val (pieces, piece);
          }
      }
  /* Lines of label text alone: each of their pieces. */
  for (guint rel = 0; rel < n_lines; rel++)
    {
      Line *line = g_ptr_array_index (lines, start + rel);

      if (joins[rel] != ROUTED)
        continue;
      for (guint s = 0; s < line->segments->len; s++)
        {
          Piece piece = { rel, s, 0, 0, -1, FALSE };
          columns_of_segment (cols, g_ptr_array_index (line->segments, s), &piece.col, &piece.last);
          g_array_append_val (pieces, piece);
        }
    }

  header_cols = place_header_segments (lines, start, n_lines, cols, n_label_cols, joins);

  /* A row starts at its topmost line, so rows come out top to bottom. */
  for (guint rel = 0; rel < n_lines; rel++)
    {
      int root = rel;
      StreamRow *row;

      if (joins[rel] == ROUTED)
        continue;
      while (joins[root] >= 0)
        root = joins[root];
      if (row_of[root] < 0)
        {
          row_of[root] = rows->len;
          g_ptr_array_add (rows, stream_row_new (cols->len));
        }
      row_of[rel] = row_of[root];
      row = g_ptr_array_index (rows, row_of[root]);
      stream_row_add_line (row, cols, g_ptr_array_index (lines, start + rel), skips[rel],
                           header_cols != NULL ? header_cols[rel] : NULL);
      ((Line *) g_ptr_array_index (lines, start + rel))->used = TRUE;
    }
  route_label_pieces (lines, start, n_lines, cols, joins, row_of, rows, pieces);
  covered = place_group_labels (page, lines, start, cols, n_label_cols, rows, pieces, table_groups);
  for (guint rel = 0; rel < n_lines; rel++)
    {
      g_free (skips[rel]);
      if (header_cols != NULL)
        g_free (header_cols[rel]);
      if (joins[rel] == ROUTED)
        ((Line *) g_ptr_array_index (lines, start + rel))->used = TRUE;
    }
  g_free (header_cols);

  table = cf_pdf_table_new (page->number, "stream");
  for (guint g = 0; g < table_groups->len; g++)
    {
      Group *group = g_ptr_array_index (table_groups, g);
      CfPdfCell *cell = cf_pdf_table_add_chars (table, group->row, group->col, group->row_span, 1,
                                                page, group->chars, NULL);
      (void) cell;
      for (guint k = 0; k < group->chars->len; k++)
        used[g_array_index (group->chars, guint, k)] = TRUE;
    }
  for (guint r = 0; r < rows->len; r++)
    {
      StreamRow *row = g_ptr_array_index (rows, r);

      for (guint c = 0; c < cols->len;)
        {
          GArray *chars = g_ptr_array_index (row->cols, c);
          int span = MAX (1, row->spans[c]);

          if (covered != NULL && covered[r * cols->len + c])
            {
              c++;
              continue;
            }
          const Interval *a = &g_array_index (cols, Interval, c);
          const Interval *b = &g_array_index (cols, Interval, MIN (c + span - 1, cols->len - 1));
          double slot[4] = { a->x0, row->y0, b->x1, row->y1 };

          span = MIN (span, (int) (cols->len - c));
          /* Later columns under a span hand their text to it. */
          for (int k = 1; k < span; k++)
            {
              GArray *more = g_ptr_array_index (row->cols, c + k);
              g_array_append_vals (chars, more->data, more->len);
            }
          {
            CfPdfCell *cell = cf_pdf_table_add_chars (table, r, c, 1, span, page, chars, NULL);
            if (chars->len == 0)
              memcpy (cell->bbox, slot, sizeof slot);
          }
          for (guint k = 0; k < chars->len; k++)
            used[g_array_index (chars, guint, k)] = TRUE;
          c += span;
        }
    }

  {
    Line *first = g_ptr_array_index (lines, start), *last = g_ptr_array_index (lines, stop - 1);
    table->bbox[0] = g_array_index (cols, Interval, 0).x0;
    table->bbox[1] = first->y0;
    table->bbox[2] = g_array_index (cols, Interval, cols->len - 1).x1;
    table->bbox[3] = last->y1;
  }
  /* Both sides of every column: numbers may be set flush left or flush right. */
  for (guint c = 0; c < cols->len; c++)
    {
      g_array_append_val (table->col_edges, g_array_index (cols, Interval, c).x0);
      g_array_append_val (table->col_edges, g_array_index (cols, Interval, c).x1);
    }
  return g_steal_pointer (&table);
}

/* The label lines right above a borderless table that starts at
 * lines[@start] (no number in them, no heading, set as close as a wrapped
 * line), as @table's lead cells: one a column, by where each piece starts. */
static void
find_lead_cells (const CfPdfPage *page, GPtrArray *lines, guint start, CfPdfTable *table)
{
  guint n_cols = table->col_edges->len / 2;
  g_autoptr (GPtrArray) by_col = g_ptr_array_new_with_free_func ((GDestroyNotify) g_array_unref);
  guint first = start;

  while (first > 0 && start - first < 2)
    {
      Line *above = g_ptr_array_index (lines, first - 1);
      Line *below = g_ptr_array_index (lines, first);
      gboolean text_only = TRUE;

      for (guint s = 0; s < above->segments->len; s++)
        text_only &= ((Segment *) g_ptr_array_index (above->segments, s))->kind == CF_NUMBER_TEXT;
      if (above->used || above->panel != below->panel || !text_only || cf_pdf_is_heading_text (above->text)
          || below->y0 - above->y1 > 1.5 * MAX (above->h, below->h))
        break;
      first--;
    }
  if (first == start || n_cols == 0)
    return;

  for (guint c = 0; c < n_cols; c++)
    g_ptr_array_add (by_col, g_array_new (FALSE, FALSE, sizeof (guint)));
  for (guint l = first; l < start; l++)
    {
      Line *line = g_ptr_array_index (lines, l);

      for (guint s = 0; s < line->segments->len; s++)
        {
          Segment *seg = g_ptr_array_index (line->segments, s);
          guint col = 0;

          /* The last column whose left side the piece reaches. */
          for (guint c = 1; c < n_cols; c++)
            if (seg->x0 >= g_array_index (table->col_edges, double, 2 * c) - 2)
              col = c;
          g_array_append_vals (g_ptr_array_index (by_col, col), seg->chars->data, seg->chars->len);
        }
    }
  table->lead = g_ptr_array_new_with_free_func ((GDestroyNotify) cf_pdf_cell_free);
  for (guint c = 0; c < n_cols; c++)
    {
      GArray *chars = g_ptr_array_index (by_col, c);
      if (chars->len > 0)
        g_ptr_array_add (table->lead, pdf_cell_new (-1, c, 1, 1, page, chars, NULL));
    }
}

/* Builds a table from lines[start..stop) of a block; FALSE when it is no table. */
static gboolean
build_stream (const CfPdfPage *page, GPtrArray *lines, guint start, guint stop, gboolean *used,
              GPtrArray *tables)
{
  g_autoptr (GArray) cols = g_array_new (FALSE, FALSE, sizeof (Interval));
  guint n_label_cols = 0;

  if (!stream_columns (lines, start, stop, cols, &n_label_cols))
    return FALSE;
  g_ptr_array_add (tables, stream_table (page, lines, start, stop, cols, n_label_cols, used));
  return TRUE;
}

static void
find_stream_tables (const CfPdfPage *page, GPtrArray *lines, gboolean *used, GPtrArray *tables)
{
  for (guint i = 0; i < lines->len;)
    {
      Line *line = g_ptr_array_index (lines, i);
      guint start = i, stop = i + 1;
      double block_x0 = line->x0, block_x1 = line->x1;

      if (line->used || !line_is_body (line))
        {
          i++;
          continue;
        }

      /* Header lines right above: several segments, or short pieces of a
       * header set in several lines; never a heading or running text. */
      while (start > 0)
        {
          Line *above = g_ptr_array_index (lines, start - 1);
          Line *below = g_ptr_array_index (lines, start);
          gboolean short_line = above->x1 - above->x0 < 0.5 * MAX (1.0, block_x1 - block_x0);

          if (above->used || above->panel != below->panel
              || (cf_pdf_is_heading_text (above->text) && !starts_wrapped_label (above, below))
              || (above->segments->len < 2 && !short_line)
              || below->y0 - above->y1 > (above->segments->len < 2 ? 0.5 : 1.5) * below->h)
            break;
          start--;
        }

      /* Down: numeric lines, and the short lines between them. */
      while (stop < lines->len)
        {
          Line *below = g_ptr_array_index (lines, stop);
          Line *above = g_ptr_array_index (lines, stop - 1);
          Line *after = stop + 1 < lines->len ? g_ptr_array_index (lines, stop + 1) : NULL;
          gboolean body = line_is_body (below);
          gboolean short_line = below->x1 - below->x0 < 0.6 * MAX (1.0, block_x1 - block_x0);
          double touch = 0.25 * below->h;

          /* Numbered items ("5.属于…") are labels of a table's rows; other
           * headings ("（二）…") are inside the table only when they touch a
           * numeric line. */
          gboolean between_rows = (line_is_body (above) && below->y0 - above->y1 <= touch)
                                  || (after && line_is_body (after) && after->y0 - below->y1 <= touch);

          if (short_line && cf_pdf_is_heading_text (below->text)
              && !g_ascii_isdigit (*below->text))
            short_line = between_rows;
          /* A section heading ends the table, unless it is a group label
           * wrapped in a narrow label column between the rows it heads
           * (三、本年 / 度办理结果). */
          if (below->used || below->panel != above->panel || below->y0 - above->y1 > 1.5 * MAX (above->h, below->h)
              || (!body && cf_pdf_is_section_heading (below->text)
                  && !(between_rows && below->x1 - below->x0 < 0.25 * MAX (1.0, block_x1 - block_x0))))
            break;
          if (!body && below->segments->len < 2 && !short_line)
            break;
          block_x0 = MIN (block_x0, below->x0);
          block_x1 = MAX (block_x1, below->x1);
          stop++;
        }
      /* Trailing text that is not a wrapped cell belongs to the prose below. */
      while (stop > start + 1)
        {
          Line *last = g_ptr_array_index (lines, stop - 1);
          Line *above = g_ptr_array_index (lines, stop - 2);
          if (line_is_body (last) || last->cy - above->cy < 1.1 * last->h)
            break;
          stop--;
        }

      if (build_stream (page, lines, start, stop, used, tables))
        {
          CfPdfTable *table = g_ptr_array_index (tables, tables->len - 1);
          find_title (lines, table->bbox[1], table->bbox[0], table->bbox[2], table);
          find_lead_cells (page, lines, start, table);
        }
      i = stop;
    }
}

/* --------------------------------------------------------- side by side */

/* A line made of @segments (taken) of @from, on @panel. */
static Line *
line_of_segments (const CfPdfPage *page, GPtrArray *segments, int panel)
{
  Line *line = g_new0 (Line, 1);
  GString *all = g_string_new (NULL);
  double sum_cy = 0, sum_h = 0;

  line->segments = segments;
  line->chars = g_array_new (FALSE, FALSE, sizeof (guint));
  line_box_empty (line);
  line->n_labels = 1;
  line->panel = panel;
  for (guint s = 0; s < segments->len; s++)
    {
      Segment *seg = g_ptr_array_index (segments, s);

      g_array_append_vals (line->chars, seg->chars->data, seg->chars->len);
      if (s > 0)
        g_string_append_c (all, ' ');
      g_string_append (all, seg->text);
    }
  for (guint k = 0; k < line->chars->len; k++)
    {
      const CfPdfChar *c = cf_pdf_char_at (page, g_array_index (line->chars, guint, k));
      line_cover (line, c);
      sum_cy += cf_pdf_char_cy (c);
      sum_h += c->y1 - c->y0;
    }
  line->cy = sum_cy / MAX (1, line->chars->len);
  line->h = sum_h / MAX (1, line->chars->len);
  line->text = g_string_free (all, FALSE);
  return line;
}

/* Where @line may be cut in two: the first segment right of a gutter that
 * follows a number and opens either a table row of its own (a label and
 * numbers: a table set beside another) or running text (prose beside a
 * table). -1 when nowhere. */
static int
side_split_of_line (Line *line, gboolean *table_right)
{
  for (guint s = 1; s < line->segments->len; s++)
    {
      Segment *before = g_ptr_array_index (line->segments, s - 1);
      Segment *seg = g_ptr_array_index (line->segments, s);
      guint values = 0;

      if (before->kind != CF_NUMBER_VALUE || seg->kind != CF_NUMBER_TEXT || seg->x0 - before->x1 < 2.5 * line->h)
        continue;
      for (guint k = s + 1; k < line->segments->len; k++)
        values += ((Segment *) g_ptr_array_index (line->segments, k))->kind == CF_NUMBER_VALUE;
      *table_right = values > 0;
      if (values > 0 || (s + 1 == line->segments->len && g_utf8_strlen (seg->text, -1) >= 10))
        return s;
    }
  return -1;
}

static gboolean
line_clear_of (Line *line, double x0, double x1)
{
  for (guint s = 0; s < line->segments->len; s++)
    {
      Segment *seg = g_ptr_array_index (line->segments, s);
      if (seg->x1 > x0 + 0.5 && seg->x0 < x1 - 0.5)
        return FALSE;
    }
  return TRUE;
}

static gboolean split_prose_beside (GPtrArray *lines, int *next_panel);

/* Tables set side by side, or beside prose: the lines that a gutter runs
 * through (after the numbers of the left table, before the labels or the
 * text on the right) are cut in two there, the parts on a panel each, so
 * that each side is read as a block of its own. Returns TRUE when any
 * line was cut or moved to a panel. */
static gboolean
split_side_by_side (const CfPdfPage *page, GPtrArray *lines)
{
  int next_panel = 1;
  gboolean any = FALSE;

  for (guint i = 0; i < lines->len;)
    {
      Line *line = g_ptr_array_index (lines, i);
      gboolean table_right = FALSE;
      int split = side_split_of_line (line, &table_right);
      guint first = i, stop = i + 1, n_tables = 0, n_prose = 0;
      double g0, g1;

      if (line->panel != 0 || split < 0)
        {
          i++;
          continue;
        }
      g0 = ((Segment *) g_ptr_array_index (line->segments, split - 1))->x1;
      g1 = ((Segment *) g_ptr_array_index (line->segments, split))->x0;
      n_tables += table_right;
      n_prose += !table_right;
      /* Down while the gutter stays open (narrowed by each line cut there),
       * then up over the lines clear of it (headers). */
      while (stop < lines->len)
        {
          Line *below = g_ptr_array_index (lines, stop);
          Line *above = g_ptr_array_index (lines, stop - 1);
          int s;

          if (below->panel != 0 || below->y0 - above->y1 > 3 * MAX (above->h, below->h))
            break;
          s = side_split_of_line (below, &table_right);
          if (s >= 0)
            {
              double a = MAX (g0, ((Segment *) g_ptr_array_index (below->segments, s - 1))->x1);
              double b = MIN (g1, ((Segment *) g_ptr_array_index (below->segments, s))->x0);
              if (b - a < below->h)
                break;
              g0 = a, g1 = b;
              n_tables += table_right;
              n_prose += !table_right;
            }
          else if (!line_clear_of (below, g0, g1))
            break;
          else if (below->x0 >= g1 - 0.5 && !line_is_body (below) && g_utf8_strlen (below->text, -1) >= 10)
            n_prose++; /* running text right of the gutter */
          stop++;
        }
      while (first > 0)
        {
          Line *above = g_ptr_array_index (lines, first - 1);
          Line *below = g_ptr_array_index (lines, first);
          if (above->panel != 0 || below->y0 - above->y1 > 3 * MAX (above->h, below->h)
              || !line_clear_of (above, g0, g1))
            break;
          first--;
        }
      if (n_tables < 2 && n_prose < 3)
        {
          i++;
          continue;
        }

      /* Cut each line of the band at the middle of the gutter. */
      {
        double mid = (g0 + g1) / 2;
        int left = next_panel, right = next_panel + 1;

        next_panel += 2;
        for (guint k = first; k < stop; k++)
          {
            Line *l = g_ptr_array_index (lines, k);
            GPtrArray *left_segs = g_ptr_array_new_with_free_func ((GDestroyNotify) segment_free);
            GPtrArray *right_segs = g_ptr_array_new_with_free_func ((GDestroyNotify) segment_free);
            gsize n;
            gpointer *segs;

            g_ptr_array_set_free_func (l->segments, NULL);
            segs = g_ptr_array_steal (l->segments, &n);
            for (gsize s = 0; s < n; s++)
              g_ptr_array_add (((Segment *) segs[s])->x1 <= mid ? left_segs : right_segs, segs[s]);
            g_free (segs);
            g_ptr_array_set_free_func (l->segments, (GDestroyNotify) segment_free);
            if (left_segs->len > 0 && right_segs->len > 0)
              {
                g_ptr_array_index (lines, k) = line_of_segments (page, left_segs, left);
                g_ptr_array_insert (lines, k + 1, line_of_segments (page, right_segs, right));
                line_free (l);
                k++;
                stop++;
              }
            else
              {
                GPtrArray *segments = left_segs->len > 0 ? left_segs : right_segs;
                g_ptr_array_unref (l->segments);
                l->segments = segments;
                l->panel = left_segs->len > 0 ? left : right;
                g_ptr_array_unref (left_segs->len > 0 ? right_segs : left_segs);
              }
          }
        any = TRUE;
      }
      i = stop;
    }
  any |= split_prose_beside (lines, &next_panel);
  return any;
}

/* A borderless table with running text beside it, whose lines do not line
 * up with the rows: a block of numeric lines that end by @R, and three
 * lines of text or more that all start well right of it. Those go on a
 * panel of their own; the table's lines on another. */
static gboolean
split_prose_beside (GPtrArray *lines, int *next_panel)
{
  gboolean any = FALSE;

  for (guint i = 0; i < lines->len;)
    {
      Line *line = g_ptr_array_index (lines, i);
      double right;
      guint first = i, stop = i + 1, n_body = 1, n_beside = 0;

      if (line->panel != 0 || !line_is_body (line))
        {
          i++;
          continue;
        }
      right = line->x1;
      /* Up and down over the lines left of the numbers' right end, or well
       * right of it. */
      for (int dir = -1; dir <= 1; dir += 2)
        while (dir < 0 ? first > 0 : stop < lines->len)
          {
            Line *next = g_ptr_array_index (lines, dir < 0 ? first - 1 : stop);
            Line *near = g_ptr_array_index (lines, dir < 0 ? first : stop - 1);
            gboolean body = line_is_body (next);
            gboolean beside = !body && next->x0 >= right + 2.5 * next->h;

            if (next->panel != 0 || fabs (next->cy - near->cy) > 4 * MAX (next->h, near->h))
              break;
            if (!beside && next->x1 > right + 2.0 && !(body && next->x0 < right))
              break;
            if (body)
              {
                right = MAX (right, next->x1);
                n_body++;
              }
            n_beside += beside;
            if (dir < 0)
              first--;
            else
              stop++;
          }
      if (n_body >= 2 && n_beside >= 3)
        {
          gboolean clear = TRUE;

          for (guint k = first; k < stop; k++)
            {
              Line *l = g_ptr_array_index (lines, k);
              if (!line_is_body (l) && l->x0 > right && l->x0 < right + 2.5 * l->h)
                clear = FALSE;
            }
          if (clear)
            {
              for (guint k = first; k < stop; k++)
                {
                  Line *l = g_ptr_array_index (lines, k);
                  l->panel = l->x0 >= right + 2.0 ? *next_panel + 1 : *next_panel;
                }
              *next_panel += 2;
              any = TRUE;
            }
        }
      i = stop;
    }
  return any;
}

static int
compare_lines_by_panel (gconstpointer a, gconstpointer b)
{
  const Line *x = *(Line * const *) a, *y = *(Line * const *) b;

  if (x->panel != y->panel)
    return x->panel - y->panel;
  return (x->cy > y->cy) - (x->cy < y->cy);
}

/* -------------------------------------------------------------------- area */

/* Recuts @line into one segment per column of @cols that holds any of its
 * characters (by their centres), so that the analyst's separators cut
 * exactly where they were put, through a number or a label alike. */
static void
cut_line_at_columns (const CfPdfPage *page, Line *line, GArray *cols)
{
  GString *all = g_string_new (NULL);
  Segment *seg = NULL;
  guint seg_col = 0;

  g_ptr_array_set_size (line->segments, 0);
  for (guint k = 0; k < line->chars->len; k++)
    {
      guint index = g_array_index (line->chars, guint, k);
      const CfPdfChar *c = cf_pdf_char_at (page, index);
      double cx = cf_pdf_char_cx (c);
      guint col = 0;
      const Interval *iv;

      while (col + 1 < cols->len && cx >= g_array_index (cols, Interval, col + 1).x0)
        col++;
      iv = &g_array_index (cols, Interval, col);
      if (seg == NULL || col != seg_col)
        {
          seg = g_new0 (Segment, 1);
          seg->chars = g_array_new (FALSE, FALSE, sizeof (guint));
          seg->x0 = G_MAXDOUBLE;
          seg->x1 = -G_MAXDOUBLE;
          seg_col = col;
          g_ptr_array_add (line->segments, seg);
        }
      g_array_append_val (seg->chars, index);
      /* Kept within its column, so that it spans no other. */
      seg->x0 = MAX (iv->x0, MIN (seg->x0, c->x0));
      seg->x1 = MIN (iv->x1, MAX (seg->x1, c->x1));
    }
  for (guint s = 0; s < line->segments->len; s++)
    {
      g_autoptr (GArray) copy = NULL;
      gint64 off, len;

      seg = g_ptr_array_index (line->segments, s);
      copy = g_array_copy (seg->chars);
      seg->text = text_of_chars (page, copy, &off, &len, NULL);
      seg->kind = number_kind (seg->text);
      if (s > 0)
        g_string_append_c (all, ' ');
      g_string_append (all, seg->text);
    }
  g_free (line->text);
  line->text = g_string_free (all, FALSE);
}

/* Columns of text that is no numeric table: the stretches of the page that
 * some line has text in, each one a column. */
static void
text_columns (GPtrArray *lines, GArray *cols)
{
  g_autoptr (GArray) spans = g_array_new (FALSE, FALSE, sizeof (Interval));

  for (guint i = 0; i < lines->len; i++)
    {
      Line *line = g_ptr_array_index (lines, i);
      for (guint s = 0; s < line->segments->len; s++)
        {
          Segment *seg = g_ptr_array_index (line->segments, s);
          Interval iv = { seg->x0, seg->x1 };
          g_array_append_val (spans, iv);
        }
    }
  g_array_sort (spans, compare_intervals);
  for (guint i = 0; i < spans->len; i++)
    {
      Interval iv = g_array_index (spans, Interval, i);
      if (cols->len > 0 && iv.x0 <= g_array_index (cols, Interval, cols->len - 1).x1 + 1.0)
        {
          Interval *last = &g_array_index (cols, Interval, cols->len - 1);
          last->x1 = MAX (last->x1, iv.x1);
        }
      else
        g_array_append_val (cols, iv);
    }
}

static int
compare_doubles (gconstpointer a, gconstpointer b)
{
  double x = *(const double *) a, y = *(const double *) b;

  return (x > y) - (x < y);
}

CfPdfTable *
cf_pdf_area_stream_table (const CfPdfPage *page, gboolean *used, const double area[4],
                          const double *column_xs, guint n_column_xs)
{
  g_autoptr (GPtrArray) lines = find_lines (page, used);
  g_autoptr (GArray) cols = g_array_new (FALSE, FALSE, sizeof (Interval));
  guint n_label_cols = 0;

  if (lines->len == 0)
    return NULL;
  if (n_column_xs > 0)
    {
      g_autoptr (GArray) xs = g_array_new (FALSE, FALSE, sizeof (double));
      double left = area[0];

      for (guint i = 0; i < n_column_xs; i++)
        if (column_xs[i] > area[0] && column_xs[i] < area[2])
          g_array_append_val (xs, column_xs[i]);
      g_array_sort (xs, compare_doubles);
      for (guint i = 0; i <= xs->len; i++)
        {
          double right = i < xs->len ? g_array_index (xs, double, i) : area[2];
          Interval iv = { left, right };

          if (right - left < 0.01)
            continue;
          g_array_append_val (cols, iv);
          left = right;
        }
      for (guint i = 0; i < lines->len; i++)
        cut_line_at_columns (page, g_ptr_array_index (lines, i), cols);
      /* The columns left of every number hold labels: a label wrapped onto
       * a line of its own still joins its row. */
      n_label_cols = cols->len;
      for (guint i = 0; i < lines->len; i++)
        {
          Line *line = g_ptr_array_index (lines, i);
          for (guint s = 0; s < line->segments->len; s++)
            {
              Segment *seg = g_ptr_array_index (line->segments, s);
              int first, last;

              if (seg->kind != CF_NUMBER_VALUE)
                continue;
              columns_of_segment (cols, seg, &first, &last);
              n_label_cols = MIN (n_label_cols, (guint) first);
            }
        }
      for (guint i = 0; i < lines->len; i++)
        {
          Line *line = g_ptr_array_index (lines, i);
          guint n_labels = 0;

          for (guint s = 0; s < line->segments->len; s++)
            {
              int first, last;

              columns_of_segment (cols, g_ptr_array_index (line->segments, s), &first, &last);
              n_labels += (guint) first < n_label_cols;
            }
          line->n_labels = MAX (1, n_labels);
        }
    }
  else if (!stream_columns (lines, 0, lines->len, cols, &n_label_cols))
    {
      g_array_set_size (cols, 0);
      text_columns (lines, cols);
      n_label_cols = 0;
    }
  if (cols->len == 0)
    return NULL;
  return stream_table (page, lines, 0, lines->len, cols, n_label_cols, used);
}

void
cf_pdf_find_area_title (const CfPdfPage *page, const gboolean *in_area, CfPdfTable *table)
{
  g_autoptr (GPtrArray) lines = find_lines (page, in_area);

  find_title (lines, table->bbox[1], table->bbox[0], table->bbox[2], table);
}

/* ------------------------------------------------------------------- entry */

static int
compare_tables_by_top (gconstpointer a, gconstpointer b)
{
  const CfPdfTable *x = *(CfPdfTable * const *) a, *y = *(CfPdfTable * const *) b;

  return (x->bbox[1] > y->bbox[1]) - (x->bbox[1] < y->bbox[1]);
}

gboolean
cf_pdf_page_may_hold_table (const CfPdfPage *page)
{
  g_autofree guint *order = g_new (guint, page->chars->len + 1);
  guint n = page->chars->len;

  for (guint i = 0; i < n; i++)
    order[i] = i;
  sort_indices (page, order, n, compare_by_cy);
  for (guint start = 0; start < n;)
    {
      const CfPdfChar *first = cf_pdf_char_at (page, order[start]);
      double h = MAX (1.0, first->y1 - first->y0);
      guint stop = start + 1;

      while (stop < n && fabs (cf_pdf_char_cy (cf_pdf_char_at (page, order[stop])) - cf_pdf_char_cy (first)) < 0.4 * h)
        stop++;
      sort_indices (page, order + start, stop - start, compare_by_x);
      for (guint k = start + 1; k < stop; k++)
        if (cf_pdf_char_at (page, order[k])->x0 - cf_pdf_char_at (page, order[k - 1])->x1 > 0.9 * h)
          return TRUE;
      start = stop;
    }
  return FALSE;
}

/* Page numbers ("- 3 -", "3/12") are no text of the report. */
static gboolean
is_page_number (const char *text)
{
  for (const char *p = text; *p; p = g_utf8_next_char (p))
    {
      gunichar ch = g_utf8_get_char (p);
      if (!g_unichar_isdigit (ch) && !g_unichar_isspace (ch) && !(ch < 0x80 && strchr ("-/()", ch))
          && ch != 0x2014 /* — */ && ch != 0x7b2c /* 第 */ && ch != 0x9875 /* 页 */)
        return FALSE;
    }
  return TRUE;
}

void
cf_pdf_find_tables (const CfPdfPage *page, const CfPdfRuns *runs, GPtrArray *tables,
                    char **trailing_heading)
{
  g_autofree gboolean *used = g_new0 (gboolean, page->chars->len + 1);
  g_autoptr (GPtrArray) found = g_ptr_array_new ();
  g_autoptr (GPtrArray) lines = NULL;
  guint n_lattice;

  if (runs != NULL)
    cf_pdf_find_lattice_tables (page, runs, used, found);
  n_lattice = found->len;

  lines = find_lines (page, used);
  for (guint t = 0; t < n_lattice; t++)
    {
      CfPdfTable *table = g_ptr_array_index (found, t);
      find_title (lines, table->bbox[1], table->bbox[0], table->bbox[2], table);
    }
  if (split_side_by_side (page, lines))
    {
      /* Each side a block of its own: the lines side by side in turn. */
      g_autoptr (GPtrArray) by_panel = g_ptr_array_sized_new (lines->len);

      for (guint i = 0; i < lines->len; i++)
        g_ptr_array_add (by_panel, g_ptr_array_index (lines, i));
      g_ptr_array_sort (by_panel, compare_lines_by_panel);
      find_stream_tables (page, by_panel, used, found);
    }
  else
    find_stream_tables (page, lines, used, found);

  g_ptr_array_sort (found, compare_tables_by_top);
  for (guint t = 0; t < found->len; t++)
    {
      CfPdfTable *table = g_ptr_array_index (found, t);
      table->page_height = page->height;
      table->last_bottom = table->bbox[3];
    }

  /* A heading at the foot of the page names a table on the next one. */
  if (trailing_heading)
    {
      double bottom = -G_MAXDOUBLE;

      *trailing_heading = NULL;
      for (guint t = 0; t < found->len; t++)
        bottom = MAX (bottom, ((CfPdfTable *) g_ptr_array_index (found, t))->bbox[3]);
      for (guint i = lines->len; i-- > 0;)
        {
          Line *line = g_ptr_array_index (lines, i);
          if (line->used || is_page_number (line->text))
            continue;
          if (line->y0 > bottom && cf_pdf_is_section_heading (line->text))
            *trailing_heading = g_strstrip (g_strdup (line->text));
          break;
        }
    }
  for (guint t = 0; t < found->len; t++)
    g_ptr_array_add (tables, g_ptr_array_index (found, t));
}
