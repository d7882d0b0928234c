/* cf-pdf-stream-cols.c: the text columns of a borderless table that stand
 * right of its figures
 *
 * cf_pdf_stream_columns builds a table's columns from its numbers; text set
 * right of the last figure (a Remark, a Source, a Note) would all fall in
 * that last column. Here the words of the numeric lines right of it are
 * projected on the x axis: a gap no word of any of those lines crosses,
 * wider than a word space, parts two columns of text. A segment that
 * crosses such a gap (two cells set closer than the segment cut) is cut
 * there.
 */
#include <math.h>
#include <string.h>

#include "cf-pdf-stream-cols.h"

/* Cuts @seg of @line at @x: the characters left of it stay, the others go
 * to a new segment inserted after it. */
static void
cut_segment (const CfPdfPage *page, CfPdfLine *line, guint s, double x)
{
  CfPdfSegment *seg = g_ptr_array_index (line->segments, s);
  CfPdfSegment *right = g_new0 (CfPdfSegment, 1);
  g_autoptr (GArray) left = g_array_new (FALSE, FALSE, sizeof (guint));
  g_autoptr (GArray) copy = NULL;
  gint64 off, len;

  guint n_left = 0;

  for (guint k = 0; k < seg->chars->len; k++)
    n_left += cf_pdf_char_cx (cf_pdf_char_at (page, g_array_index (seg->chars, guint, k))) < x;
  if (n_left == 0 || n_left == seg->chars->len)
    {
      g_free (right);
      return;
    }
  right->chars = g_array_new (FALSE, FALSE, sizeof (guint));
  seg->x1 = right->x1 = -G_MAXDOUBLE;
  right->x0 = seg->x0 = G_MAXDOUBLE;
  for (guint k = 0; k < seg->chars->len; k++)
    {
      guint idx = g_array_index (seg->chars, guint, k);
      const CfPdfChar *c = cf_pdf_char_at (page, idx);
      CfPdfSegment *to = cf_pdf_char_cx (c) < x ? seg : right;

      g_array_append_val (to == seg ? left : right->chars, idx);
      to->x0 = MIN (to->x0, c->x0);
      to->x1 = MAX (to->x1, c->x1);
    }
  g_array_set_size (seg->chars, 0);
  g_array_append_vals (seg->chars, left->data, left->len);
  g_free (seg->text);
  copy = g_array_copy (seg->chars);
  seg->text = cf_pdf_text_of_chars (page, copy, &off, &len, NULL);
  seg->kind = cf_pdf_number_kind (seg->text);
  g_array_unref (copy);
  copy = g_array_copy (right->chars);
  right->text = cf_pdf_text_of_chars (page, copy, &off, &len, NULL);
  right->kind = cf_pdf_number_kind (right->text);
  g_ptr_array_insert (line->segments, s + 1, right);
}

guint
cf_pdf_stream_text_columns (const CfPdfPage *page, GPtrArray *lines, guint start, guint stop,
                            GArray *cols)
{
  g_autoptr (GArray) words = g_array_new (FALSE, FALSE, sizeof (CfPdfInterval));
  g_autoptr (GArray) found = g_array_new (FALSE, FALSE, sizeof (CfPdfInterval));
  g_autoptr (GArray) support = g_array_new (FALSE, FALSE, sizeof (guint));
  double right_of, h = 0;
  guint n_body = 0;

  if (cols->len < 2)
    return 0;
  right_of = g_array_index (cols, CfPdfInterval, cols->len - 1).x1 + 1.0;

  /* The words of the numeric lines right of the last column. */
  for (guint i = start; i < stop; i++)
    {
      CfPdfLine *line = g_ptr_array_index (lines, i);

      if (!cf_pdf_line_is_body (line))
        continue;
      n_body++;
      h = MAX (h, line->h);
      for (guint s = 0; s < line->segments->len; s++)
        {
          CfPdfSegment *seg = g_ptr_array_index (line->segments, s);
          CfPdfInterval word = { G_MAXDOUBLE, -G_MAXDOUBLE };
          double prev_x1 = -G_MAXDOUBLE;

          if (seg->x1 <= right_of)
            continue;
          for (guint k = 0; k < seg->chars->len; k++)
            {
              const CfPdfChar *c = cf_pdf_char_at (page, g_array_index (seg->chars, guint, k));

              if (cf_pdf_char_cx (c) < right_of)
                continue;
              if (word.x1 > word.x0 && (c->space_before || c->x0 - prev_x1 > 0.2 * line->h))
                {
                  g_array_append_val (words, word);
                  word.x0 = G_MAXDOUBLE, word.x1 = -G_MAXDOUBLE;
                }
              word.x0 = MIN (word.x0, c->x0);
              word.x1 = MAX (word.x1, c->x1);
              prev_x1 = MAX (prev_x1, c->x1);
            }
          if (word.x1 > word.x0)
            g_array_append_val (words, word);
        }
    }
  if (words->len < 2 || n_body < 2)
    return 0;

  /* Their projection: runs of words parted by a gap wider than a word space. */
  g_array_sort (words, cf_pdf_compare_intervals);
  for (guint i = 0; i < words->len; i++)
    {
      CfPdfInterval w = g_array_index (words, CfPdfInterval, i);
      if (found->len > 0 && w.x0 < g_array_index (found, CfPdfInterval, found->len - 1).x1 + 0.6 * h)
        {
          CfPdfInterval *last = &g_array_index (found, CfPdfInterval, found->len - 1);
          last->x1 = MAX (last->x1, w.x1);
          g_array_index (support, guint, support->len - 1)++;
        }
      else
        {
          guint one = 1;
          g_array_append_val (found, w);
          g_array_append_val (support, one);
        }
    }

  /* Only runs of text on two lines or more are columns; the columns are cut
   * half-way between runs. */
  {
    guint n_added = 0;
    double prev_x1 = right_of - 1.0;

    for (guint f = 0; f < found->len; f++)
      {
        CfPdfInterval run = g_array_index (found, CfPdfInterval, f);
        CfPdfInterval col;

        if (g_array_index (support, guint, f) < 2)
          continue;
        col.x0 = MAX (prev_x1, run.x0 - 0.5 * (run.x0 - prev_x1));
        col.x1 = run.x1;
        if (n_added == 0)
          {
            /* The last figure column keeps what lies left of the first run. */
            CfPdfInterval *last = &g_array_index (cols, CfPdfInterval, cols->len - 1);
            col.x0 = MAX (col.x0, last->x1 + 0.5);
          }
        g_array_append_val (cols, col);
        n_added++;
        prev_x1 = run.x1;

        /* Cut segments that cross into this column from the left. */
        for (guint i = start; i < stop; i++)
            {
              CfPdfLine *line = g_ptr_array_index (lines, i);
              if (!cf_pdf_line_is_body (line))
                continue;
              for (guint s = 0; s < line->segments->len; s++)
                {
                  CfPdfSegment *seg = g_ptr_array_index (line->segments, s);
                  double cut = col.x0;
                  if (seg->x0 < cut && seg->x1 > cut + 1.0)
                    {
                      cut_segment (page, line, s, cut);
                      break;
                    }
                }
            }
      }
    return n_added;
  }
}

int
cf_pdf_stream_touching_body (GPtrArray *lines, guint start, guint n_lines, guint rel, int dir)
{
  for (int k = (int) rel;;)
    {
      CfPdfLine *from = g_ptr_array_index (lines, start + k);
      CfPdfLine *next;
      int n = k + dir;

      if (n < 0 || n >= (int) n_lines)
        return -1;
      next = g_ptr_array_index (lines, start + n);
      if ((dir > 0 ? next->y0 - from->y1 : from->y0 - next->y1) > 0.25 * MAX (from->h, next->h)
          || next->x0 > from->x1 || next->x1 < from->x0)
        return -1;
      if (cf_pdf_line_is_body (next))
        return n;
      if (next->segments->len != 1)
        return -1;
      k = n;
    }
}

guint
cf_pdf_stream_inner_text_columns (GPtrArray *lines, guint start, guint stop, GArray *cols,
                                  guint n_label_cols)
{
  guint n_added = 0;

  /* Right to left, so an inserted column moves none still to look at. */
  for (guint c = cols->len - 1; c > n_label_cols && c < cols->len; c--)
    {
      double gap_x0 = g_array_index (cols, CfPdfInterval, c - 1).x1;
      double gap_x1 = g_array_index (cols, CfPdfInterval, c).x0;
      CfPdfInterval col = { G_MAXDOUBLE, -G_MAXDOUBLE };
      guint n_lines = 0;

      for (guint i = start; i < stop; i++)
        {
          CfPdfLine *line = g_ptr_array_index (lines, i);
          gboolean here = FALSE;

          if (!cf_pdf_line_is_body (line))
            continue;
          for (guint s = 0; s < line->segments->len; s++)
            {
              CfPdfSegment *seg = g_ptr_array_index (line->segments, s);
              if (seg->kind != CF_NUMBER_TEXT || seg->x0 <= gap_x0 + 1.0 || seg->x1 >= gap_x1 - 1.0)
                continue;
              /* A clause of a sentence is running text, no cell. */
              if (strstr (seg->text, "。") || strstr (seg->text, "，") || strstr (seg->text, "；"))
                return n_added;
              col.x0 = MIN (col.x0, seg->x0);
              col.x1 = MAX (col.x1, seg->x1);
              here = TRUE;
            }
          n_lines += here;
        }
      if (n_lines < 2)
        continue;
      g_array_insert_val (cols, c, col);
      n_added++;
    }
  return n_added;
}

/* The x half-way in the first gap between CJK characters of @seg wider than
 * @min_gap, or -1. */
static double
spaced_cjk_cut (const CfPdfPage *page, const CfPdfSegment *seg, double min_gap)
{
  for (guint k = 1; k < seg->chars->len; k++)
    {
      const CfPdfChar *prev = cf_pdf_char_at (page, g_array_index (seg->chars, guint, k - 1));
      const CfPdfChar *c = cf_pdf_char_at (page, g_array_index (seg->chars, guint, k));

      if (cf_pdf_is_cjk (prev->ch) && cf_pdf_is_cjk (c->ch) && c->x0 - prev->x1 > min_gap)
        return 0.5 * (prev->x1 + c->x0);
    }
  return -1;
}

static void
refresh_line_text (CfPdfLine *line)
{
  GString *all = g_string_new (NULL);

  for (guint s = 0; s < line->segments->len; s++)
    {
      if (s > 0)
        g_string_append_c (all, ' ');
      g_string_append (all, ((CfPdfSegment *) g_ptr_array_index (line->segments, s))->text);
    }
  g_free (line->text);
  line->text = g_string_free (all, FALSE);
}

guint
cf_pdf_stream_split_spaced_cjk (const CfPdfPage *page, GPtrArray *lines)
{
  guint n_cuts = 0;

  for (guint i = 0; i < lines->len; i++)
    {
      CfPdfLine *line = g_ptr_array_index (lines, i);
      guint before = line->segments->len;

      if (line->used)
        continue;
      for (guint s = 0; s < line->segments->len; s++)
        {
          double x = spaced_cjk_cut (page, g_ptr_array_index (line->segments, s), 0.4 * line->h);
          guint len = line->segments->len;

          if (x < 0)
            continue;
          cut_segment (page, line, s, x);
          if (line->segments->len == len)
            break; /* a cut that moved nothing: leave the segment whole */
        }
      if (line->segments->len != before)
        {
          n_cuts += line->segments->len - before;
          refresh_line_text (line);
        }
    }
  return n_cuts;
}

/* Whether the figures of body lines @a and @b stand in the same columns:
 * two of them or more (or the one each has) start or end at one x. */
gboolean
cf_pdf_stream_figures_aligned (CfPdfLine *a, CfPdfLine *b)
{
  guint n_a = 0, n_match = 0;

  for (guint s = 0; s < a->segments->len; s++)
    {
      CfPdfSegment *x = g_ptr_array_index (a->segments, s);

      if (x->kind == CF_NUMBER_TEXT)
        continue;
      n_a++;
      for (guint t = 0; t < b->segments->len; t++)
        {
          CfPdfSegment *y = g_ptr_array_index (b->segments, t);
          if (y->kind != CF_NUMBER_TEXT && (fabs (x->x0 - y->x0) < 1.5 || fabs (x->x1 - y->x1) < 1.5))
            {
              n_match++;
              break;
            }
        }
    }
  return n_match >= MIN (2, n_a) && n_match > 0;
}

/* Whether the figures of body line @b stand in the columns of the table's
 * numeric lines lines[@start..@stop): two of them or more start or end
 * where a figure of one of those lines does. A row next to one whose cells
 * are partly blank (zeros printed blank) shares fewer columns with it than
 * with the table. */
gboolean
cf_pdf_stream_figures_in_columns (GPtrArray *lines, guint start, guint stop, CfPdfLine *b)
{
  guint n_b = 0, n_match = 0;

  for (guint t = 0; t < b->segments->len; t++)
    {
      CfPdfSegment *y = g_ptr_array_index (b->segments, t);
      gboolean found = FALSE;

      if (y->kind == CF_NUMBER_TEXT)
        continue;
      n_b++;
      for (guint k = start; k < stop && !found; k++)
        {
          CfPdfLine *line = g_ptr_array_index (lines, k);

          if (line == b || !cf_pdf_line_is_body (line))
            continue;
          for (guint s = 0; s < line->segments->len && !found; s++)
            {
              CfPdfSegment *x = g_ptr_array_index (line->segments, s);
              found = x->kind != CF_NUMBER_TEXT && (fabs (x->x0 - y->x0) < 1.5 || fabs (x->x1 - y->x1) < 1.5);
            }
        }
      if (found)
        n_match++;
    }
  return n_match >= 2;
}

/* Whether the figures of body line @b, fewer than two of them in the
 * columns of the table's numeric lines lines[@start..@stop), still fit the
 * table: one of them starts or ends where a figure of those lines does, and
 * each other one stands inside the span of their figures, clear of every
 * one of them (a column whose cells above were all left blank: zeros
 * printed blank). */
gboolean
cf_pdf_stream_figures_fit_blank_columns (GPtrArray *lines, guint start, guint stop, CfPdfLine *b)
{
  double x0 = G_MAXDOUBLE, x1 = -G_MAXDOUBLE;
  guint n_match = 0, n_body = 0, n_figures = 0;

  for (guint k = start; k < stop; k++)
    {
      CfPdfLine *line = g_ptr_array_index (lines, k);
      n_body += line != b && cf_pdf_line_is_body (line);
      for (guint s = 0; line != b && cf_pdf_line_is_body (line) && s < line->segments->len; s++)
        {
          CfPdfSegment *x = g_ptr_array_index (line->segments, s);
          if (x->kind != CF_NUMBER_TEXT)
            x0 = MIN (x0, x->x0), x1 = MAX (x1, x->x1);
        }
    }
  for (guint t = 0; t < b->segments->len; t++)
    {
      CfPdfSegment *y = g_ptr_array_index (b->segments, t);
      gboolean match = FALSE, clash = FALSE;

      if (y->kind == CF_NUMBER_TEXT)
        continue;
      n_figures++;
      for (guint k = start; k < stop && !match; k++)
        {
          CfPdfLine *line = g_ptr_array_index (lines, k);
          for (guint s = 0; line != b && cf_pdf_line_is_body (line) && s < line->segments->len; s++)
            {
              CfPdfSegment *x = g_ptr_array_index (line->segments, s);
              if (x->kind == CF_NUMBER_TEXT)
                continue;
              if (fabs (x->x0 - y->x0) < 1.5 || fabs (x->x1 - y->x1) < 1.5)
                match = TRUE;
              else if (MIN (x->x1, y->x1) > MAX (x->x0, y->x0))
                clash = TRUE;
            }
        }
      if (match)
        n_match++;
      else if (clash || y->x0 < x0 || y->x1 > x1)
        return FALSE;
    }
  return n_match >= 1 && (n_body >= 2 || n_figures >= 2);
}
