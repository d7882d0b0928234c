/* cf-pdf-side.c: tables set side by side on a PDF page, or beside prose */
#include <math.h>
#include <string.h>

#include "cf-pdf-side.h"

/* --------------------------------------------------------- side by side */

/* A line made of @segments (taken) of @from, on @panel. */
static CfPdfLine *
line_of_segments (const CfPdfPage *page, GPtrArray *segments, int panel)
{
  CfPdfLine *line = g_new0 (CfPdfLine, 1);
  GString *all = g_string_new (NULL);
  double sum_cy = 0, sum_h = 0;

  line->segments = segments;
  line->chars = g_array_new (FALSE, FALSE, sizeof (guint));
  cf_pdf_line_box_empty (line);
  line->n_labels = 1;
  line->panel = panel;
  for (guint s = 0; s < segments->len; s++)
    {
      CfPdfSegment *seg = g_ptr_array_index (segments, s);

      g_array_append_vals (line->chars, seg->chars->data, seg->chars->len);
      if (s > 0)
        g_string_append_c (all, ' ');
      g_string_append (all, seg->text);
    }
  for (guint k = 0; k < line->chars->len; k++)
    {
      const CfPdfChar *c = cf_pdf_char_at (page, g_array_index (line->chars, guint, k));
      cf_pdf_line_cover (line, c);
      sum_cy += cf_pdf_char_cy (c);
      sum_h += c->y1 - c->y0;
    }
  line->cy = sum_cy / MAX (1, line->chars->len);
  line->h = sum_h / MAX (1, line->chars->len);
  line->text = g_string_free (all, FALSE);
  return line;
}

/* A label or running text holds a letter (or a Han character); a
 * placeholder for a missing figure (":", "–", "..") holds none. */
static gboolean
has_letter (const char *text)
{
  for (const char *p = text; *p; p = g_utf8_next_char (p))
    if (g_unichar_isalpha (g_utf8_get_char (p)))
      return TRUE;
  return FALSE;
}

/* Where @line may be cut in two: the first segment right of a gutter that
 * follows a number and opens either a table row of its own (a label and
 * numbers: a table set beside another) or running text (prose beside a
 * table). -1 when nowhere. */
static int
side_split_of_line (CfPdfLine *line, gboolean *table_right)
{
  for (guint s = 1; s < line->segments->len; s++)
    {
      CfPdfSegment *before = g_ptr_array_index (line->segments, s - 1);
      CfPdfSegment *seg = g_ptr_array_index (line->segments, s);
      guint values = 0;

      if (before->kind != CF_NUMBER_VALUE || seg->kind != CF_NUMBER_TEXT || seg->x0 - before->x1 < 1.5 * line->h
          || !has_letter (seg->text))
        continue;
      for (guint k = s + 1; k < line->segments->len; k++)
        values += ((CfPdfSegment *) g_ptr_array_index (line->segments, k))->kind == CF_NUMBER_VALUE;
      *table_right = values > 0;
      /* A row of another table after the row of one (a label before the
       * figures) may stand closer than running text: a word processor's
       * narrow gutter. */
      if (seg->x0 - before->x1 < 2.5 * line->h
          && (values == 0 || s < 2
              || !has_letter (((CfPdfSegment *) g_ptr_array_index (line->segments, 0))->text)))
        continue;
      if (values > 0 || (s + 1 == line->segments->len && g_utf8_strlen (seg->text, -1) >= 10))
        return s;
    }
  return -1;
}

static gboolean
line_clear_of (CfPdfLine *line, double x0, double x1)
{
  for (guint s = 0; s < line->segments->len; s++)
    {
      CfPdfSegment *seg = g_ptr_array_index (line->segments, s);
      if (seg->x1 > x0 + 0.5 && seg->x0 < x1 - 0.5)
        return FALSE;
    }
  return TRUE;
}

static gboolean split_prose_beside (GPtrArray *lines, int *next_panel);
static gboolean split_prose_left (const CfPdfPage *page, GPtrArray *lines, int *next_panel);

/* Cuts each line of lines[first..stop) at @mid, the middle of a gutter,
 * the parts left of it on panel @left, those right of it on @left + 1.
 * Returns the new end of the band (a line cut in two is two lines). */
static guint
cut_band (const CfPdfPage *page, GPtrArray *lines, guint first, guint stop, double mid, int left)
{
  int right = left + 1;

  for (guint k = first; k < stop; k++)
    {
      CfPdfLine *l = g_ptr_array_index (lines, k);
      GPtrArray *left_segs
          = g_ptr_array_new_with_free_func ((GDestroyNotify)cf_pdf_segment_free);
      GPtrArray *right_segs
          = g_ptr_array_new_with_free_func ((GDestroyNotify)cf_pdf_segment_free);
      gsize n;
      gpointer *segs;

      g_ptr_array_set_free_func (l->segments, NULL);
      segs = g_ptr_array_steal (l->segments, &n);
      for (gsize s = 0; s < n; s++)
        g_ptr_array_add (((CfPdfSegment *)segs[s])->x1 <= mid ? left_segs : right_segs,
                         segs[s]);
      g_free (segs);
      g_ptr_array_set_free_func (l->segments, (GDestroyNotify) cf_pdf_segment_free);
      if (left_segs->len > 0 && right_segs->len > 0)
        {
          g_ptr_array_index (lines, k) = line_of_segments (page, left_segs, left);
          g_ptr_array_insert (lines, k + 1, line_of_segments (page, right_segs, right));
          cf_pdf_line_free (l);
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
  return stop;
}

/* Tables set side by side, or beside prose: the lines that a gutter runs
 * through (after the numbers of the left table, before the labels or the
 * text on the right) are cut in two there, the parts on a panel each, so
 * that each side is read as a block of its own. Returns TRUE when any
 * line was cut or moved to a panel. */
gboolean
cf_pdf_split_side_by_side (const CfPdfPage *page, GPtrArray *lines)
{
  int next_panel = 1;
  gboolean any = split_prose_left (page, lines, &next_panel);

  for (guint i = 0; i < lines->len;)
    {
      CfPdfLine *line = g_ptr_array_index (lines, i);
      gboolean table_right = FALSE;
      int split = side_split_of_line (line, &table_right);
      guint first = i, stop = i + 1, n_tables = 0, n_prose = 0;
      double g0, g1;

      if (line->panel != 0 || split < 0)
        {
          i++;
          continue;
        }
      g0 = ((CfPdfSegment *) g_ptr_array_index (line->segments, split - 1))->x1;
      g1 = ((CfPdfSegment *) g_ptr_array_index (line->segments, split))->x0;
      n_tables += table_right;
      n_prose += !table_right;
      /* Down while the gutter stays open (narrowed by each line cut there),
       * then up over the lines clear of it (headers). */
      while (stop < lines->len)
        {
          CfPdfLine *below = g_ptr_array_index (lines, stop);
          CfPdfLine *above = g_ptr_array_index (lines, stop - 1);
          int s;

          if (below->panel != 0 || below->y0 - above->y1 > 3 * MAX (above->h, below->h))
            break;
          s = side_split_of_line (below, &table_right);
          if (s >= 0)
            {
              double a = MAX (g0, ((CfPdfSegment *)g_ptr_array_index (below->segments, s - 1))->x1);
              double b = MIN (g1, ((CfPdfSegment *) g_ptr_array_index (below->segments, s))->x0);
              if (b - a < below->h)
                break;
              g0 = a, g1 = b;
              n_tables += table_right;
              n_prose += !table_right;
            }
          else if (!line_clear_of (below, g0, g1))
            break;
          else if (below->x0 >= g1 - 0.5 && !cf_pdf_line_is_body (below)
                   && g_utf8_strlen (below->text, -1) >= 10)
            n_prose++; /* running text right of the gutter */
          stop++;
        }
      while (first > 0)
        {
          CfPdfLine *above = g_ptr_array_index (lines, first - 1);
          CfPdfLine *below = g_ptr_array_index (lines, first);
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
      stop = cut_band (page, lines, first, stop, (g0 + g1) / 2, next_panel);
      next_panel += 2;
      any = TRUE;
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
      CfPdfLine *line = g_ptr_array_index (lines, i);
      double right;
      guint first = i, stop = i + 1, n_body = 1, n_beside = 0;

      if (line->panel != 0 || !cf_pdf_line_is_body (line))
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
            CfPdfLine *next = g_ptr_array_index (lines, dir < 0 ? first - 1 : stop);
            CfPdfLine *near = g_ptr_array_index (lines, dir < 0 ? first : stop - 1);
            gboolean body = cf_pdf_line_is_body (next);
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
              CfPdfLine *l = g_ptr_array_index (lines, k);
              if (!cf_pdf_line_is_body (l) && l->x0 > right && l->x0 < right + 2.5 * l->h)
                clear = FALSE;
            }
          if (clear)
            {
              for (guint k = first; k < stop; k++)
                {
                  CfPdfLine *l = g_ptr_array_index (lines, k);
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

/* Whether @text reads as running text: six words or more. */
static gboolean
is_running_text (const char *text)
{
  guint n_spaces = 0;

  for (const char *p = text; *p; p++)
    n_spaces += *p == ' ';
  return n_spaces >= 5 && g_utf8_strlen (text, -1) >= 30 && has_letter (text);
}

/* Where the gutter of @line lies that overlaps [g0, g1] by @min or more:
 * the x1 of the last segment before it and the x0 of the first after it.
 * FALSE when no such gutter (or the line crosses [g0, g1]). */
static gboolean
gutter_of_line (CfPdfLine *line, double g0, double g1, double min, double *a, double *b)
{
  for (guint s = 0; s <= line->segments->len; s++)
    {
      double x1 = s == 0 ? -G_MAXDOUBLE : ((CfPdfSegment *) g_ptr_array_index (line->segments, s - 1))->x1;
      double x0 = s == line->segments->len ? G_MAXDOUBLE
                                           : ((CfPdfSegment *) g_ptr_array_index (line->segments, s))->x0;
      if (MIN (g1, x0) - MAX (g0, x1) >= min)
        {
          *a = MAX (g0, x1);
          *b = MIN (g1, x0);
          return TRUE;
        }
    }
  return FALSE;
}

/* A table set beside running text on its left (floated right), whose rows
 * share lines with the text: from a line of running text, a gutter, and a
 * row with figures, up and down over the lines that leave the gutter open.
 * Three lines of running text or more that end near the gutter on its
 * left and two rows of figures or more on its right: the band is cut at
 * the gutter, the text on one panel, the table on another. */
static gboolean
split_prose_left (const CfPdfPage *page, GPtrArray *lines, int *next_panel)
{
  gboolean any = FALSE;

  for (guint i = 0; i < lines->len; i++)
    {
      CfPdfLine *line = g_ptr_array_index (lines, i);
      CfPdfSegment *text, *next;
      guint first = i, stop = i + 1, n_prose = 0, n_rows = 0, n_left = 0;
      double g0, g1, left_x0 = line->x0;

      if (line->panel != 0 || line->segments->len < 2 || !cf_pdf_line_is_body (line))
        continue;
      text = g_ptr_array_index (line->segments, 0);
      next = g_ptr_array_index (line->segments, 1);
      if (text->kind != CF_NUMBER_TEXT || !is_running_text (text->text)
          || next->x0 - text->x1 < 2.5 * line->h)
        continue;
      g0 = text->x1;
      g1 = next->x0;
      for (int dir = -1; dir <= 1; dir += 2)
        while (dir < 0 ? first > 0 : stop < lines->len)
          {
            CfPdfLine *l = g_ptr_array_index (lines, dir < 0 ? first - 1 : stop);
            CfPdfLine *near = g_ptr_array_index (lines, dir < 0 ? first : stop - 1);
            double a, b;

            if (l->panel != 0 || fabs (l->cy - near->cy) > 3 * MAX (l->h, near->h)
                || !gutter_of_line (l, g0, g1, l->h, &a, &b))
              break;
            g0 = a, g1 = b;
            if (dir < 0)
              first--;
            else
              stop++;
          }
      for (guint k = first; k < stop; k++)
        {
          CfPdfLine *l = g_ptr_array_index (lines, k);
          g_autoptr (GString) left = g_string_new (NULL);
          double left_x1 = 0;
          gboolean figures_right = FALSE;

          for (guint s = 0; s < l->segments->len; s++)
            {
              CfPdfSegment *seg = g_ptr_array_index (l->segments, s);
              if (seg->x1 <= g0 + 0.5)
                {
                  g_string_append_printf (left, "%s%s", left->len ? " " : "", seg->text);
                  left_x1 = seg->x1;
                  left_x0 = MIN (left_x0, seg->x0);
                }
              else
                figures_right |= seg->kind != CF_NUMBER_TEXT;
            }
          n_left += left->len > 0;
          n_rows += figures_right;
          if (is_running_text (left->str) && left_x1 >= g0 - 0.2 * (g0 - left_x0))
            n_prose++;
        }
      if (n_prose < 3 || n_rows < 2 || 2 * n_prose < n_left)
        continue;
      stop = cut_band (page, lines, first, stop, (g0 + g1) / 2, *next_panel);
      *next_panel += 2;
      any = TRUE;
      i = stop - 1;
    }
  return any;
}

int
cf_pdf_compare_lines_by_panel (gconstpointer a, gconstpointer b)
{
  const CfPdfLine *x = *(CfPdfLine * const *) a, *y = *(CfPdfLine * const *) b;

  if (x->panel != y->panel)
    return x->panel - y->panel;
  return (x->cy > y->cy) - (x->cy < y->cy);
}
