/* cf-pdf-lattice-grid.c: slots of a ruled grid, and cells that make no rectangle
 *
 * The lattice merges slots no rule parts into cells; where a page break
 * left rules out, a merge can make an L or a T rather than a rectangle,
 * which is cut here into rectangles.
 */
#include <math.h>

#include "cf-pdf-lattice-grid.h"

int
cf_pdf_grid_slot (GArray *edges, double p)
{
  guint n = edges->len;

  if (n < 2 || p < g_array_index (edges, double, 0) || p > g_array_index (edges, double, n - 1))
    return -1;
  for (guint i = 1; i < n; i++)
    if (p <= g_array_index (edges, double, i))
      return i - 1;
  return n - 2;
}

/* Pieces of a slot set @in (n_rows x n_cols flags) cut one way: with
 * @by_column, each column's runs of slots, runs of neighbouring columns over
 * the same rows made one; else the same across rows. Writes each slot's piece
 * to @piece and each piece's rectangle (top, left, bottom, right) to @rects;
 * returns the number of pieces. */
static guint
cut_slots (const gboolean *in, int n_rows, int n_cols, gboolean by_column, int *piece, GArray *rects)
{
  int n_lines = by_column ? n_cols : n_rows, n_along = by_column ? n_rows : n_cols;

  g_array_set_size (rects, 0);
  for (int line = 0; line < n_lines; line++)
    for (int at = 0; at < n_along;)
      {
        int end = at, rect[4];
        guint k;

#define SLOT(l, a) (by_column ? (a) * n_cols + (l) : (l) * n_cols + (a))
        if (!in[SLOT (line, at)])
          {
            at++;
            continue;
          }
        while (end + 1 < n_along && in[SLOT (line, end + 1)])
          end++;
        /* The same run in the line before goes on. */
        for (k = 0; k < rects->len; k++)
          {
            int *r = &g_array_index (rects, int, k * 4);
            int r_from = by_column ? r[0] : r[1], r_to = by_column ? r[2] : r[3];
            int r_last = by_column ? r[3] : r[2];

            if (r_from == at && r_to == end && r_last == line - 1)
              {
                if (by_column)
                  r[3] = line;
                else
                  r[2] = line;
                break;
              }
          }
        if (k == rects->len)
          {
            if (by_column)
              rect[0] = at, rect[1] = line, rect[2] = end, rect[3] = line;
            else
              rect[0] = line, rect[1] = at, rect[2] = line, rect[3] = end;
            g_array_append_vals (rects, rect, 1);
          }
        for (int a = at; a <= end; a++)
          piece[SLOT (line, a)] = (int) k;
        at = end + 1;
#undef SLOT
      }
  return rects->len;
}

/* Lines of text that pieces of a cell cut: two characters one right after
 * the other on a line that land in different pieces. */
static guint
count_cut_lines (const CfPdfPage *page, const gboolean *used, GArray *xs, GArray *ys, const gboolean *in,
                 const int *piece)
{
  int n_cols = (int) xs->len - 1, last = -1;
  guint n_cut = 0;

  for (guint i = 0; i < page->chars->len; i++)
    {
      const CfPdfChar *ch = cf_pdf_char_at (page, i);
      int r = cf_pdf_grid_slot (ys, cf_pdf_char_cy (ch)), c = cf_pdf_grid_slot (xs, cf_pdf_char_cx (ch));
      int s = r < 0 || c < 0 ? -1 : r * n_cols + c;

      if (used[i] || s < 0 || !in[s])
        {
          last = -1;
          continue;
        }
      if (last >= 0 && piece[last] != piece[s])
        {
          const CfPdfChar *prev = cf_pdf_char_at (page, i - 1);
          double h = MAX (1.0, prev->y1 - prev->y0);

          n_cut += fabs (cf_pdf_char_cy (prev) - cf_pdf_char_cy (ch)) < 0.4 * h && ch->x0 >= prev->x0
                   && ch->x0 - prev->x1 < h;
        }
      last = s;
    }
  return n_cut;
}

/* An empty cell whose slots make no rectangle: rules a page break left out
 * (Chromium draws the piece of a spanning cell on the page after the break
 * with sides missing). It is cut along rows or along columns, whichever cuts
 * fewer lines of text, then makes fewer pieces (columns on a tie: what runs
 * on over a break is a spanning label). One with text (the boxes and arrows
 * of a diagram) is left as it is. */
gboolean
cf_pdf_grid_cut_ragged (const CfPdfPage *page, const gboolean *used, GArray *xs, GArray *ys, const gboolean *in,
                        int *slot_cell, GArray *rects)
{
  int n_rows = (int) ys->len - 1, n_cols = (int) xs->len - 1, n = n_rows * n_cols;
  g_autofree int *by_col = g_new (int, n);
  g_autofree int *by_row = g_new (int, n);
  g_autoptr (GArray) col_rects = g_array_new (FALSE, FALSE, sizeof (int) * 4);
  g_autoptr (GArray) row_rects = g_array_new (FALSE, FALSE, sizeof (int) * 4);
  guint n_col, n_row, cut_col, cut_row;
  gboolean columns;
  guint first = rects->len;

  for (guint i = 0; i < page->chars->len; i++)
    {
      const CfPdfChar *ch = cf_pdf_char_at (page, i);
      int r = cf_pdf_grid_slot (ys, cf_pdf_char_cy (ch)), c = cf_pdf_grid_slot (xs, cf_pdf_char_cx (ch));

      if (!used[i] && r >= 0 && c >= 0 && in[r * n_cols + c])
        return FALSE;
    }
  n_col = cut_slots (in, n_rows, n_cols, TRUE, by_col, col_rects);
  n_row = cut_slots (in, n_rows, n_cols, FALSE, by_row, row_rects);
  cut_col = count_cut_lines (page, used, xs, ys, in, by_col);
  cut_row = count_cut_lines (page, used, xs, ys, in, by_row);
  columns = cut_col != cut_row ? cut_col < cut_row : n_col <= n_row;
  g_array_append_vals (rects, (columns ? col_rects : row_rects)->data, columns ? n_col : n_row);
  for (int s = 0; s < n; s++)
    if (in[s])
      slot_cell[s] = (int) first + (columns ? by_col : by_row)[s];
  return TRUE;
}
