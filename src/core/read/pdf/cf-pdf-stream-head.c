/* cf-pdf-stream-head.c: the head of a borderless table set in narrow
 * columns over its figures
 *
 * The words of the head line up with the figures under them: each starts
 * where a figure starts (cells set flush left) or is centred on one. Such a
 * line is a head however close its words stand; it is cut into its words.
 */
#include <math.h>

#include "cf-pdf-stream-head.h"
#include "cf-pdf-table.h"

/* Whether a word from @x0 to @x1 stands over a figure of @body. */
static gboolean
over_a_figure (CfPdfLine *body, double x0, double x1, double h)
{
  for (guint s = 0; s < body->segments->len; s++)
    {
      CfPdfSegment *fig = g_ptr_array_index (body->segments, s);

      if (fig->kind == CF_NUMBER_TEXT)
        continue;
      if (fabs (fig->x0 - x0) <= 0.2 * h || fabs ((fig->x0 + fig->x1) / 2 - (x0 + x1) / 2) <= 0.3 * h)
        return TRUE;
    }
  return FALSE;
}

/* Whether character @k of @seg starts a word: apart from the one before. */
static gboolean
starts_word (const CfPdfPage *page, CfPdfSegment *seg, guint k, double h)
{
  const CfPdfChar *prev, *c;

  if (k == 0)
    return TRUE;
  prev = cf_pdf_char_at (page, g_array_index (seg->chars, guint, k - 1));
  c = cf_pdf_char_at (page, g_array_index (seg->chars, guint, k));
  return c->space_before || c->x0 - prev->x1 > 0.2 * h;
}

/* Counts the words of @line, one segment, and those over a figure of @body. */
static void
count_words (const CfPdfPage *page, CfPdfLine *line, CfPdfLine *body, guint *n_words, guint *n_over)
{
  CfPdfSegment *seg = g_ptr_array_index (line->segments, 0);

  *n_words = *n_over = 0;
  for (guint k = 0; k < seg->chars->len;)
    {
      guint end = k + 1;
      double x0 = cf_pdf_char_at (page, g_array_index (seg->chars, guint, k))->x0, x1;

      while (end < seg->chars->len && !starts_word (page, seg, end, line->h))
        end++;
      x1 = cf_pdf_char_at (page, g_array_index (seg->chars, guint, end - 1))->x1;
      (*n_words)++;
      *n_over += over_a_figure (body, x0, x1, line->h);
      k = end;
    }
}

gboolean
cf_pdf_head_read_whole (const CfPdfPage *page, GPtrArray *lines, guint start, guint stop,
                        CfPdfLine *body)
{
  for (guint k = start; k < stop; k++)
    {
      CfPdfLine *line = g_ptr_array_index (lines, k);
      guint n_words, n_over;

      if (line->segments->len != 1 || cf_pdf_line_is_body (line))
        continue;
      count_words (page, line, body, &n_words, &n_over);
      if (n_words >= 3 && n_over < n_words)
        return FALSE;
    }
  return TRUE;
}

gboolean
cf_pdf_head_over_figures (const CfPdfPage *page, CfPdfLine *line, CfPdfLine *body)
{
  guint n_words = 0, n_over = 0;

  /* (a head of several segments is placed as it is) */
  if (line->segments->len != 1 || cf_pdf_line_is_body (line) || line->x0 < body->x0 - 0.5 * line->h
      || line->x1 > body->x1 + 2 * line->h)
    return FALSE;
  if (((CfPdfSegment *) g_ptr_array_index (line->segments, 0))->kind != CF_NUMBER_TEXT)
    return FALSE;
  count_words (page, line, body, &n_words, &n_over);
  return n_words >= 3 && n_over == n_words;
}

void
cf_pdf_split_head_at_figures (const CfPdfPage *page, CfPdfLine *line, CfPdfLine *body)
{
  g_autoptr (GPtrArray) cut = g_ptr_array_new ();

  for (guint s = 0; s < line->segments->len; s++)
    {
      CfPdfSegment *seg = g_ptr_array_index (line->segments, s);
      CfPdfSegment *piece = NULL;

      for (guint k = 0; k < seg->chars->len; k++)
        {
          const CfPdfChar *c = cf_pdf_char_at (page, g_array_index (seg->chars, guint, k));

          if (piece == NULL
              || (starts_word (page, seg, k, line->h) && over_a_figure (body, c->x0, c->x0, line->h)))
            {
              piece = g_new0 (CfPdfSegment, 1);
              piece->chars = g_array_new (FALSE, FALSE, sizeof (guint));
              piece->x0 = c->x0;
              piece->x1 = c->x1;
              g_ptr_array_add (cut, piece);
            }
          g_array_append_val (piece->chars, g_array_index (seg->chars, guint, k));
          piece->x1 = MAX (piece->x1, c->x1);
        }
    }
  for (guint p = 0; p < cut->len; p++)
    {
      CfPdfSegment *piece = g_ptr_array_index (cut, p);
      g_autoptr (GArray) copy = g_array_copy (piece->chars);
      gint64 off, len;

      piece->text = cf_pdf_text_of_chars (page, copy, &off, &len, NULL);
      piece->kind = cf_pdf_number_kind (piece->text);
    }
  g_ptr_array_set_size (line->segments, 0);
  for (guint p = 0; p < cut->len; p++)
    g_ptr_array_add (line->segments, g_ptr_array_index (cut, p));
}
