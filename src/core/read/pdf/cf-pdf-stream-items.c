/* cf-pdf-stream-items.c: rows of a borderless table that print no figure
 *
 * A label alone in the last label column, numbered as an item, under the
 * first line of figures and beside no line of figures, is the label of an
 * item row whose figures are all blank (zeros printed blank). Left to the
 * group labels, it went on whatever row had no label in its column: a head
 * row when no row of figures was free ("2.其他法律行政法规禁止公开" read
 * into the column titles).
 */
#include <math.h>

#include "cf-pdf-stream-items.h"
#include "cf-pdf-table.h"

static CfPdfSegment *
segment_of (GPtrArray *lines, guint start, const CfPdfPiece *piece)
{
  CfPdfLine *line = g_ptr_array_index (lines, start + piece->rel);
  return g_ptr_array_index (line->segments, piece->seg);
}

/* The free piece of column @col on line @rel, or -1. */
static int
free_piece_on (GArray *pieces, guint rel, int col)
{
  for (guint p = 0; p < pieces->len; p++)
    {
      const CfPdfPiece *piece = &g_array_index (pieces, CfPdfPiece, p);
      if (piece->rel == rel && piece->col == col && piece->row < 0 && !piece->on_body)
        return (int) p;
    }
  return -1;
}

/* Whether a row with figures and no label in column @col lies within
 * [y0, y1]: the row the label may belong to. */
static gboolean
figures_beside (GPtrArray *rows, guint n_label_cols, int col, double y0, double y1)
{
  for (guint r = 0; r < rows->len; r++)
    {
      CfPdfStreamRow *row = g_ptr_array_index (rows, r);
      gboolean figures = FALSE, labelled = FALSE;

      if (row->head || row->y1 < y0 || row->y0 > y1)
        continue;
      for (guint c = n_label_cols; c < row->cols->len && !figures; c++)
        figures = ((GArray *) g_ptr_array_index (row->cols, c))->len > 0;
      for (int c = 0; c <= col && !labelled; c++)
        labelled = ((GArray *) g_ptr_array_index (row->cols, c))->len > 0
                   && c + MAX (1, row->spans[c]) - 1 >= col;
      if (figures && !labelled)
        return TRUE;
    }
  return FALSE;
}

void
cf_pdf_rows_for_blank_items (GPtrArray *lines, guint start, guint n_lines, GArray *cols,
                             guint n_label_cols, GPtrArray *rows, GArray *pieces)
{
  double body_cy = G_MAXDOUBLE;
  int col = (int) n_label_cols - 1;

  for (guint rel = 0; rel < n_lines && body_cy == G_MAXDOUBLE; rel++)
    {
      CfPdfLine *line = g_ptr_array_index (lines, start + rel);
      if (cf_pdf_line_is_body (line))
        body_cy = line->cy;
    }
  for (guint r = 0; r < rows->len; r++)
    {
      CfPdfStreamRow *row = g_ptr_array_index (rows, r);
      row->head = row->y1 < body_cy;
    }
  if (n_label_cols < 2)
    return;

  for (guint rel = 0; rel < n_lines; rel++)
    {
      CfPdfLine *line = g_ptr_array_index (lines, start + rel);
      g_autoptr (GArray) taken = NULL;
      CfPdfStreamRow *row;
      double y0, y1, h;
      int p = free_piece_on (pieces, rel, col), last, at;

      if (p < 0 || line->cy <= body_cy
          || !cf_pdf_is_heading_text (
              segment_of (lines, start, &g_array_index (pieces, CfPdfPiece, p))->text))
        continue;
      /* The label and the lines of it wrapped below, touching. */
      taken = g_array_new (FALSE, FALSE, sizeof (int));
      g_array_append_val (taken, p);
      y0 = line->y0;
      y1 = line->y1;
      h = line->h;
      for (guint next = rel + 1; next < n_lines; next++)
        {
          CfPdfLine *below = g_ptr_array_index (lines, start + next);
          int q = free_piece_on (pieces, next, col);

          if (q < 0 || below->y0 - y1 > 0.45 * MAX (h, below->h)
              || cf_pdf_is_heading_text (
                  segment_of (lines, start, &g_array_index (pieces, CfPdfPiece, q))->text))
            break;
          g_array_append_val (taken, q);
          y1 = below->y1;
        }
      /* A row of figures beside it may be its own (its label too far from
       * it to be routed there): the group labels place it. */
      if (figures_beside (rows, n_label_cols, col, y0 - 0.5 * h, y1 + 0.5 * h))
        continue;

      row = cf_pdf_stream_row_new (cols->len);
      row->y0 = y0;
      row->y1 = y1;
      row->bare_item = TRUE;
      last = col;
      for (guint k = 0; k < taken->len; k++)
        {
          CfPdfPiece *piece = &g_array_index (pieces, CfPdfPiece, g_array_index (taken, int, k));
          CfPdfSegment *seg = segment_of (lines, start, piece);
          g_array_append_vals (g_ptr_array_index (row->cols, col), seg->chars->data, seg->chars->len);
          last = MAX (last, MIN (piece->last, (int) n_label_cols - 1));
        }
      row->spans[col] = last - col + 1;
      /* Rows go top to bottom. */
      at = 0;
      while (at < (int) rows->len && ((CfPdfStreamRow *) g_ptr_array_index (rows, at))->y0 < y0)
        at++;
      g_ptr_array_insert (rows, at, row);
      for (guint k = 0; k < taken->len; k++)
        g_array_index (pieces, CfPdfPiece, g_array_index (taken, int, k)).row = at;
    }
}
