/* cf-pdf-stream-layout.c: laying a borderless table's lines out in columns
 * and rows
 *
 * Its columns are the gaps that run through every numeric row, with label
 * columns left of them; header segments go over the columns they head;
 * labels wrapped over lines join their row, and group labels span the rows
 * they head.
 */
#include <math.h>
#include <string.h>

#include "cf-pdf-stream-layout.h"

/* ------------------------------------------------------------- columns */

/* Whether @line, a numbered item (2.… （三）…) alone on its line, is the
 * first line of the label of the numeric line @below: set as close as a
 * wrapped line, left of its numbers, and @below's label goes on with no
 * number of its own. */
gboolean
cf_pdf_starts_wrapped_label (CfPdfLine *line, CfPdfLine *below)
{
  CfPdfSegment *first_value = NULL;

  if (line->segments->len != 1 || cf_pdf_is_section_heading (line->text)
      || !cf_pdf_line_is_body (below) || below->y0 - line->y1 > 0.25 * below->h)
    return FALSE;
  for (guint s = 0; s < below->segments->len && first_value == NULL; s++)
    if (((CfPdfSegment *) g_ptr_array_index (below->segments, s))->kind == CF_NUMBER_VALUE)
      first_value = g_ptr_array_index (below->segments, s);
  return first_value != NULL && line->x1 < first_value->x0
         && !cf_pdf_is_heading_text (
             ((CfPdfSegment *)g_ptr_array_index (below->segments, 0))->text);
}


int
cf_pdf_compare_intervals (gconstpointer a, gconstpointer b)
{
  const CfPdfInterval *x = a, *y = b;

  return (x->x0 > y->x0) - (x->x0 < y->x0);
}

void
cf_pdf_columns_of_segment (GArray *cols, const CfPdfSegment *seg, int *first, int *last)
{
  *first = *last = -1;
  for (guint c = 0; c < cols->len; c++)
    {
      const CfPdfInterval *iv = &g_array_index (cols, CfPdfInterval, c);
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
          const CfPdfInterval *iv = &g_array_index (cols, CfPdfInterval, c);
          double d = fabs ((iv->x0 + iv->x1) / 2 - mid);
          if (d < best)
            best = d, *first = *last = c;
        }
    }
}


void
cf_pdf_stream_row_free (CfPdfStreamRow *row)
{
  g_ptr_array_unref (row->cols);
  g_free (row->spans);
  g_free (row);
}

CfPdfStreamRow *
cf_pdf_stream_row_new (guint n_cols)
{
  CfPdfStreamRow *row = g_new0 (CfPdfStreamRow, 1);

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
void
cf_pdf_stream_row_add_line (CfPdfStreamRow *row, GArray *cols, CfPdfLine *line,
                            const gboolean *skip, const int *forced)
{
  int next_free = 0;

  row->y0 = MIN (row->y0, line->y0);
  row->y1 = MAX (row->y1, line->y1);
  for (guint s = 0; s < line->segments->len; s++)
    {
      CfPdfSegment *seg = g_ptr_array_index (line->segments, s);
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
      cf_pdf_columns_of_segment (cols, seg, &first, &last);
      /* Pieces of a label all go to the label column; a value never shares one. */
      if (last > 0)
        first = MAX (first, MIN (next_free, (int) cols->len - 1));
      last = MAX (last, first);
      g_array_append_vals (g_ptr_array_index (row->cols, first), seg->chars->data, seg->chars->len);
      row->spans[first] = MAX (row->spans[first], last - first + 1);
      next_free = last + 1;
    }
}

/* The columns (of CfPdfInterval, appended to @cols) of a table made of
 * lines[start..stop), and how many of them are label columns (0 to 4);
 * FALSE when the lines are no table. */
/* TRUE for a line whose numbers are all years (two or more, 1900–2099,
 * each a whole number): a head over columns, not a row of figures. */
static gboolean
is_line_of_years (CfPdfLine *line)
{
  guint n_years = 0;

  for (guint s = 0; s < line->segments->len; s++)
    {
      CfPdfSegment *seg = g_ptr_array_index (line->segments, s);
      CfNumber number;

      if (seg->kind == CF_NUMBER_TEXT)
        continue;
      cf_number_parse (seg->text, -1, &number);
      if (number.kind != CF_NUMBER_VALUE || number.has_decimals || strlen (seg->text) != 4
          || number.value < 1900 || number.value > 2099)
        return FALSE;
      n_years++;
    }
  return n_years >= 2;
}

/* Whether the label columns cols[0..n) found by shared left edges are the
 * indents of one column of labels (sub-items set in under their heading in a
 * ragged first column) rather than columns: no line holds labels in two of
 * them, and each sets in an em or two from the one before. */
static gboolean
label_columns_are_indents (GPtrArray *lines, guint start, guint stop, GArray *cols, guint n,
                           double values_x0)
{
  if (n < 2)
    return FALSE;
  for (guint i = start; i < stop; i++)
    {
      CfPdfLine *line = g_ptr_array_index (lines, i);
      guint n_labels = 0;

      /* An indent is an em or two; a column of sub-labels stands further in. */
      for (guint c = 1; c < n; c++)
        if (g_array_index (cols, CfPdfInterval, c).x0 - g_array_index (cols, CfPdfInterval, c - 1).x0
            > 2.5 * line->h)
          return FALSE;

      for (guint s = 0; s < line->segments->len; s++)
        {
          CfPdfSegment *seg = g_ptr_array_index (line->segments, s);
          /* (a head over the value columns is none) */
          if (seg->kind != CF_NUMBER_TEXT || seg->x0 >= values_x0 - 1.0 || seg->x1 > values_x0 + 1.0)
            break;
          if (++n_labels > 1)
            return FALSE;
        }
    }
  return TRUE;
}

gboolean
cf_pdf_stream_columns (GPtrArray *lines, guint start, guint stop, GArray *cols,
                       guint *n_label_cols_out)
{
  g_autoptr (GArray) spans = g_array_new (FALSE, FALSE, sizeof (CfPdfInterval));
  double left = G_MAXDOUBLE;
  guint n_body = 0, n_values = 0, n_label_cols = 0;

  /* Value columns: the gaps that run through the numbers of every numeric
   * row; the label column is whatever lies left of the first of them. */
  for (guint i = start; i < stop; i++)
    {
      CfPdfLine *line = g_ptr_array_index (lines, i);
      left = MIN (left, line->x0);
    }
  for (guint i = start; i < stop; i++)
    {
      CfPdfLine *line = g_ptr_array_index (lines, i);
      if (!cf_pdf_line_is_body (line))
        continue;
      n_body++;
      /* A head of years centred over their columns' own heads would join
       * those columns: it places no column. */
      if (is_line_of_years (line))
        continue;
      for (guint s = 0; s < line->segments->len; s++)
        {
          CfPdfSegment *seg = g_ptr_array_index (line->segments, s);
          CfPdfInterval iv = { seg->x0, seg->x1 };
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
  g_array_sort (spans, cf_pdf_compare_intervals);
  if (g_array_index (spans, CfPdfInterval, 0).x0 > left + 2.0)
    {
      double values_x0 = g_array_index (spans, CfPdfInterval, 0).x0;
      g_autoptr (GArray) edges = g_array_new (FALSE, FALSE, sizeof (CfPdfInterval));

      /* Label columns: the left edges that labels of several lines share
       * (group labels, then sub-group labels, then item labels, each
       * column further right), the first one at the block's left. */
      for (guint i = start; i < stop; i++)
        {
          CfPdfLine *line = g_ptr_array_index (lines, i);
          for (guint s = 0; s < line->segments->len; s++)
            {
              CfPdfSegment *seg = g_ptr_array_index (line->segments, s);
              CfPdfInterval edge = { seg->x0, 1 };
              /* A head over the value columns ("上一年项目数量" set
               * where its numbers start, a little left of them) places no
               * label column. */
              if (seg->kind != CF_NUMBER_TEXT || seg->x0 >= values_x0 - 1.0
                  || seg->x1 > values_x0 + 1.0)
                break;
              g_array_append_val (edges, edge);
            }
        }
      g_array_sort (edges, cf_pdf_compare_intervals);
      {
        CfPdfInterval label = { left, values_x0 - 0.5 };
        g_array_append_val (cols, label);
      }
      for (guint i = 0; i < edges->len;)
        {
          guint j = i + 1;
          double x = g_array_index (edges, CfPdfInterval, i).x0;

          while (j < edges->len && g_array_index (edges, CfPdfInterval, j).x0 - x < 3.0)
            j++;
          /* Shared by two lines or more, and clear of the column before. */
          if (j - i >= 2 && cols->len < 4
              && x - 1.0 > g_array_index (cols, CfPdfInterval, cols->len - 1).x0 + 6.0)
            {
              CfPdfInterval *last = &g_array_index (cols, CfPdfInterval, cols->len - 1);
              CfPdfInterval next = { x - 1.0, last->x1 };
              last->x1 = x - 1.0;
              g_array_append_val (cols, next);
            }
          i = j;
        }
      if (label_columns_are_indents (lines, start, stop, cols, cols->len, values_x0))
        {
          g_array_index (cols, CfPdfInterval, 0).x1 = g_array_index (cols, CfPdfInterval, cols->len - 1).x1;
          g_array_set_size (cols, 1);
        }
      n_label_cols = cols->len;
    }
  for (guint i = 0; i < spans->len; i++)
    {
      CfPdfInterval iv = g_array_index (spans, CfPdfInterval, i);
      if (cols->len > n_label_cols
          && iv.x0 <= g_array_index (cols, CfPdfInterval, cols->len - 1).x1 + 1.0)
        {
          CfPdfInterval *last = &g_array_index (cols, CfPdfInterval, cols->len - 1);
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
segment_cx (const CfPdfSegment *seg)
{
  return (seg->x0 + seg->x1) / 2;
}

/* Columns for the segments of the header lines above the first numeric line
 * (lines of their own rows), as cf_pdf_stream_row_add_line() takes them: a header
 * set right of every row label heads value columns only, the one its
 * numbers are under (numbers set flush right leave a centred header left
 * of them, short of their column); a header centred over the headers of
 * the line below (年份 over 件数 / 占比) spans their columns. NULL when
 * there is no such header line; else one array (or NULL) a line. */
int **
cf_pdf_place_header_segments (GPtrArray *lines, guint start, guint n_lines, GArray *cols,
                              guint n_label_cols, const int *joins)
{
  int **forced = NULL;
  double label_end = -G_MAXDOUBLE;
  guint first_body = n_lines;

  for (guint rel = 0; rel < n_lines; rel++)
    {
      CfPdfLine *line = g_ptr_array_index (lines, start + rel);
      if (!cf_pdf_line_is_body (line))
        continue;
      first_body = MIN (first_body, rel);
      for (guint s = 0; s < line->segments->len; s++)
        {
          CfPdfSegment *seg = g_ptr_array_index (line->segments, s);
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
      CfPdfLine *line = g_ptr_array_index (lines, start + rel);
      CfPdfLine *below = NULL;
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
          CfPdfSegment *seg = g_ptr_array_index (line->segments, s);
          int first = -1, last = -1;
          double best = G_MAXDOUBLE;

          forced[rel][2 * s] = forced[rel][2 * s + 1] = -1;
          if (seg->x0 <= label_end + 2)
            continue;
          /* The value columns it overlaps, else the nearest one. */
          for (guint c = n_label_cols; c < cols->len; c++)
            {
              const CfPdfInterval *iv = &g_array_index (cols, CfPdfInterval, c);
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
                const CfPdfInterval *iv = &g_array_index (cols, CfPdfInterval, c);
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
                  CfPdfSegment *a = g_ptr_array_index (below->segments, i),
                               *b = g_ptr_array_index (below->segments, j);
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
void
cf_pdf_split_at_label_columns (const CfPdfPage *page, GPtrArray *lines, guint start, guint stop,
                               GArray *cols, guint n_label_cols)
{
  for (guint i = start; i < stop && n_label_cols >= 2; i++)
    {
      CfPdfLine *line = g_ptr_array_index (lines, i);

      for (guint s = 0; s < line->segments->len; s++)
        {
          CfPdfSegment *seg = g_ptr_array_index (line->segments, s);

          if (seg->kind != CF_NUMBER_TEXT)
            continue;
          for (guint k = 1; k < seg->chars->len; k++)
            {
              const CfPdfChar *prev = cf_pdf_char_at (page, g_array_index (seg->chars, guint, k - 1));
              const CfPdfChar *c = cf_pdf_char_at (page, g_array_index (seg->chars, guint, k));
              gboolean at_edge = FALSE;

              for (guint col = 1; col < n_label_cols; col++)
                {
                  double edge = g_array_index (cols, CfPdfInterval, col).x0;
                  at_edge |= prev->x1 <= edge + 0.5 && c->x0 >= edge - 0.5;
                }
              if (at_edge && c->x0 - prev->x1 > 0.3 * line->h)
                {
                  CfPdfSegment *rest = g_new0 (CfPdfSegment, 1);
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
                  seg->text = cf_pdf_text_of_chars (page, copy, &off, &len, NULL);
                  seg->kind = cf_pdf_number_kind (seg->text);
                  g_clear_pointer (&copy, g_array_unref);
                  copy = g_array_copy (rest->chars);
                  rest->text = cf_pdf_text_of_chars (page, copy, &off, &len, NULL);
                  rest->kind = cf_pdf_number_kind (rest->text);
                  g_ptr_array_insert (line->segments, s + 1, rest);
                  break;
                }
            }
        }
    }
}


void
cf_pdf_group_free (CfPdfGroup *group)
{
  g_array_unref (group->chars);
  g_free (group);
}

static CfPdfSegment *
piece_segment (GPtrArray *lines, guint start, const CfPdfPiece *piece)
{
  CfPdfLine *line = g_ptr_array_index (lines, start + piece->rel);
  return g_ptr_array_index (line->segments, piece->seg);
}

/* Whether row @row has its own text in label column @col. */
static gboolean
row_has_text_in (CfPdfStreamRow *row, int col)
{
  for (int c = 0; c <= col; c++)
    {
      GArray *chars = g_ptr_array_index (row->cols, c);
      if (chars->len > 0 && c + MAX (1, row->spans[c]) - 1 >= col)
        return TRUE;
    }
  return FALSE;
}

/* Whether @line holds figures and no label text at all. */
static gboolean
is_bare_numeric_line (CfPdfLine *line)
{
  if (!cf_pdf_line_is_body (line))
    return FALSE;
  for (guint s = 0; s < line->segments->len; s++)
    if (((CfPdfSegment *) g_ptr_array_index (line->segments, s))->kind == CF_NUMBER_TEXT)
      return FALSE;
  return TRUE;
}

void
cf_pdf_route_pieces_to_bare_rows (GPtrArray *lines, guint start, guint n_lines, GArray *cols,
                                  guint n_label_cols, const int *row_of, GPtrArray *rows,
                                  GArray *pieces)
{
  for (guint p = 0; p < pieces->len && n_label_cols > 0; p++)
    {
      CfPdfPiece *piece = &g_array_index (pieces, CfPdfPiece, p);
      CfPdfLine *line = g_ptr_array_index (lines, start + piece->rel);
      int best_row = -1;
      double best = 0;

      if (piece->row >= 0 || piece->on_body || piece->col != (int) n_label_cols - 1)
        continue;
      for (guint rel = piece->rel > 3 ? piece->rel - 3 : 0; rel < MIN (n_lines, piece->rel + 4); rel++)
        {
          CfPdfLine *other = g_ptr_array_index (lines, start + rel);
          double overlap = MIN (line->y1, other->y1) - MAX (line->y0, other->y0);

          if (rel == piece->rel || row_of[rel] < 0 || !is_bare_numeric_line (other)
              || overlap <= 0.2 * MIN (line->h, other->h))
            continue;
          if (overlap > best)
            best = overlap, best_row = row_of[rel];
        }
      if (best_row >= 0)
        {
          CfPdfStreamRow *row = g_ptr_array_index (rows, best_row);
          CfPdfSegment *seg = piece_segment (lines, start, piece);
          GArray *chars = g_ptr_array_index (row->cols, piece->col);

          g_array_append_vals (chars, seg->chars->data, seg->chars->len);
          row->spans[piece->col]
              = MAX (row->spans[piece->col], MIN (piece->last, (int) n_label_cols - 1) - piece->col + 1);
          row->y0 = MIN (row->y0, line->y0);
          row->y1 = MAX (row->y1, line->y1);
          piece->row = best_row;
        }
    }
}

/* Joins every piece that goes on a label of the line above or below it in
 * its column (a wrapped label: lines close together) to that label's row,
 * the nearer one by baseline when both are; chains of wrapped lines follow
 * one another outwards from the numeric line. */
void
cf_pdf_route_label_pieces (GPtrArray *lines, guint start, guint n_lines, GArray *cols,
                           const int *joins, const int *row_of, GPtrArray *rows, GArray *pieces)
{
  gboolean changed = TRUE;

  for (int pass = 0; pass < 4 && changed; pass++)
    {
      changed = FALSE;
      for (guint p = 0; p < pieces->len; p++)
        {
          CfPdfPiece *piece = &g_array_index (pieces, CfPdfPiece, p);
          CfPdfLine *line = g_ptr_array_index (lines, start + piece->rel);
          int best_row = -1;
          double best = G_MAXDOUBLE;

          if (piece->row >= 0 || piece->on_body)
            continue;
          for (int dir = -1; dir <= 1; dir += 2)
            {
              int rel = (int) piece->rel + dir;
              CfPdfLine *other;
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
                      CfPdfSegment *seg = g_ptr_array_index (other->segments, s);
                      int first, last;
                      cf_pdf_columns_of_segment (cols, seg, &first, &last);
                      if (first <= piece->col && last >= piece->col)
                        numbered_below = cf_pdf_is_heading_text (seg->text);
                    }
                  if (numbered_below)
                    continue;
                }
              gap = dir < 0 ? line->y0 - other->y1 : other->y0 - line->y1;
              if (gap > 0.45 * MAX (line->h, other->h))
                continue;
              if (joins[rel] == CF_PDF_ROUTED)
                {
                  /* The piece of that line in this column, when it went on a row. */
                  for (guint q = 0; q < pieces->len; q++)
                    {
                      CfPdfPiece *o = &g_array_index (pieces, CfPdfPiece, q);
                      if (o->rel == (guint) rel && o->row >= 0 && o->col <= piece->col
                          && o->last >= piece->col)
                        row = o->row;
                    }
                }
              else if (row_of[rel] >= 0 && cf_pdf_line_is_body (other)
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
              CfPdfStreamRow *row = g_ptr_array_index (rows, best_row);
              CfPdfSegment *seg = piece_segment (lines, start, piece);
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
  const CfPdfGroup *x = *(CfPdfGroup * const *) a, *y = *(CfPdfGroup * const *) b;

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
      CfPdfGroup *group = g_ptr_array_index (in_col, g);
      int col = group->col;
      double cy = (group->y0 + group->y1) / 2, best = G_MAXDOUBLE;
      int nearest = -1, a, b, from = -1, end = -1;

#define FREE_ROW(r) (eligible[(r) * n_label_cols + col] && !covered[(r) * n_cols + col])
      spans[2 * g] = spans[2 * g + 1] = -1;
      for (guint r = 0; r < rows->len; r++)
        {
          CfPdfStreamRow *row = g_ptr_array_index (rows, r);
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
          CfPdfStreamRow *top = g_ptr_array_index (rows, top_row),
                         *bottom = g_ptr_array_index (rows, bottom_row);
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

/* How many rows a tiling (@spans of the groups @in_col) leaves stranded in
 * column @col: rows that could take a group, are given none, and have a
 * label of that column (their own or a group's) both above and below them.
 * Groups tile their rows without a hole; only the rows at a page's edge may
 * be left, their group printed on the page before or after. */
static guint
stranded_rows (GPtrArray *rows, guint n_label_cols, const gboolean *eligible, int col, GPtrArray *in_col,
               const int *spans)
{
  g_autofree gboolean *labelled = g_new0 (gboolean, rows->len + 1);
  guint stranded = 0;
  int last_label = -1;

  for (guint r = 0; r < rows->len; r++)
    labelled[r] = row_has_text_in (g_ptr_array_index (rows, r), col);
  for (guint g = 0; g < in_col->len; g++)
    for (int r = spans[2 * g]; r >= 0 && r <= spans[2 * g + 1]; r++)
      labelled[r] = TRUE;
  for (guint r = 0; r < rows->len; r++)
    {
      if (!labelled[r])
        continue;
      for (int between = last_label + 1; last_label >= 0 && between < (int) r; between++)
        stranded += eligible[between * n_label_cols + col];
      last_label = (int) r;
    }
  return stranded;
}

/* Orders characters (indices into the page of @data) as read: by line,
 * then left to right. */
static int
compare_chars_read (gconstpointer a, gconstpointer b, gpointer data)
{
  const CfPdfChar *x = cf_pdf_char_at (data, *(const guint *) a), *y = cf_pdf_char_at (data, *(const guint *) b);
  double h = MIN (x->y1 - x->y0, y->y1 - y->y0);

  if (fabs (x->y0 - y->y0) > 0.5 * h)
    return x->y0 < y->y0 ? -1 : 1;
  return (x->x0 > y->x0) - (x->x0 < y->x0);
}

/* The number of the item row @row's label begins with (the 8 of
 * "8.属于…") in the label column right of @col, or -1. */
static int
item_number (const CfPdfPage *page, CfPdfStreamRow *row, int col, guint n_label_cols)
{
  GArray *chars = (guint) col + 1 < n_label_cols ? g_ptr_array_index (row->cols, col + 1) : NULL;
  g_autoptr (GArray) read = NULL;
  int number = 0;
  guint k = 0;

  if (chars == NULL || chars->len < 2)
    return -1;
  read = g_array_copy (chars);
  g_array_sort_with_data (read, compare_chars_read, (gpointer) page);
  for (; k < read->len && k < 3; k++)
    {
      gunichar ch = cf_pdf_char_at (page, g_array_index (read, guint, k))->ch;
      if (ch >= '0' && ch <= '9')
        number = 10 * number + (int) (ch - '0');
      else if (ch >= 0xFF10 && ch <= 0xFF19)
        number = 10 * number + (int) (ch - 0xFF10);
      else
        break;
    }
  if (k == 0 || k >= read->len)
    return -1;
  {
    gunichar dot = cf_pdf_char_at (page, g_array_index (read, guint, k))->ch;
    return dot == '.' || dot == 0xFF0E || dot == 0x3001 ? number : -1;
  }
}

/* Where the rows free for the groups @in_col of column @col are all
 * numbered items (1.… 2.…), each group heads the run of items from a "1."
 * on, the one its label is beside: a group printed beside a page break is
 * centred on all its rows, those of the other page too, so centring
 * misplaces it on this one, but the numbers do not (8.属于行政查询事项 is
 * the last of （三）, 1.本机关不掌握… the first of （四）); an unnumbered
 * row among them is a run of its own. A run no label
 * is beside is left: its group is printed on the other page. Sets @spans
 * and returns TRUE when every group finds a run of its own. */
static gboolean
groups_on_numbered_runs (const CfPdfPage *page, GPtrArray *rows, guint n_label_cols, const gboolean *eligible,
                         int col, GPtrArray *in_col, int *spans)
{
  g_autofree int *run_of = g_new (int, rows->len + 1);
  g_autofree int *taken = NULL;
  g_autofree int *found = g_new (int, 2 * in_col->len);
  int runs = 0, prev = -2, prev_number = -1;
  guint numbered = 0, unnumbered = 0;

  for (guint r = 0; r < rows->len; r++)
    {
      int number;

      run_of[r] = -1;
      if (!eligible[r * n_label_cols + col])
        continue;
      number = item_number (page, g_ptr_array_index (rows, r), col, n_label_cols);
      if (number < 1)
        unnumbered++;
      else
        numbered++;
      /* An unnumbered row ((六)其他处理 beside its own label set as a
       * group) is a run of its own. */
      if (prev != (int) r - 1 || number <= 1 || prev_number < 1)
        runs++;
      run_of[r] = runs - 1;
      prev_number = number;
      prev = (int) r;
    }
  if (numbered < 4 || unnumbered * 3 > numbered)
    return FALSE;
  taken = g_new0 (int, runs);
  for (guint g = 0; g < in_col->len; g++)
    {
      CfPdfGroup *group = g_ptr_array_index (in_col, g);
      double cy = (group->y0 + group->y1) / 2, best = G_MAXDOUBLE;
      int run = -1;

      for (guint r = 0; r < rows->len; r++)
        {
          CfPdfStreamRow *row = g_ptr_array_index (rows, r);
          double d = cy < row->y0 ? row->y0 - cy : cy > row->y1 ? cy - row->y1 : 0;
          if (run_of[r] >= 0 && d < best)
            best = d, run = run_of[r];
        }
      if (run < 0 || taken[run]++ > 0)
        return FALSE;
      found[2 * g] = found[2 * g + 1] = -1;
      for (guint r = 0; r < rows->len; r++)
        if (run_of[r] == run)
          {
            if (found[2 * g] < 0)
              found[2 * g] = (int) r;
            found[2 * g + 1] = (int) r;
          }
    }
  memcpy (spans, found, 2 * in_col->len * sizeof (int));
  return TRUE;
}

/* The pieces no row took are group labels: the lines of one stacked in
 * their column make one cell, set down the rows it is centred on among those
 * with no label of their own in that column. Returns the slots (rows x
 * columns) the groups cover, or NULL when there are none. */
gboolean *
cf_pdf_place_group_labels (const CfPdfPage *page, GPtrArray *lines, guint start, GArray *cols,
                           guint n_label_cols, GPtrArray *rows, GArray *pieces, GPtrArray *groups)
{
  gboolean *covered = NULL;
  g_autofree gboolean *eligible = NULL;

  guint max_rel = 0;

  for (guint p = 0; p < pieces->len; p++)
    max_rel = MAX (max_rel, g_array_index (pieces, CfPdfPiece, p).rel);
  /* Stack the pieces of each column into groups, top to bottom. */
  for (int col = 0; col < (int) n_label_cols; col++)
    {
      CfPdfGroup *open = NULL;

      for (guint rel = 0; rel <= max_rel && pieces->len > 0; rel++)
        for (guint p = 0; p < pieces->len; p++)
          {
            CfPdfPiece *piece = &g_array_index (pieces, CfPdfPiece, p);
            CfPdfLine *line;
            CfPdfSegment *seg;

            if (piece->rel != rel || piece->row >= 0 || piece->col != col)
              continue;
            line = g_ptr_array_index (lines, start + rel);
            seg = piece_segment (lines, start, piece);
            if (open == NULL || line->y0 - open->y1 > 0.45 * line->h)
              {
                open = g_new0 (CfPdfGroup, 1);
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
        CfPdfStreamRow *row = g_ptr_array_index (rows, r);
        gboolean has_numbers = FALSE;
        for (guint k = n_label_cols; k < cols->len && !has_numbers; k++)
          has_numbers = ((GArray *) g_ptr_array_index (row->cols, k))->len > 0;
        eligible[r * n_label_cols + c]
            = (row->bare_item || (has_numbers && !row->head)) && !row_has_text_in (row, c);
      }

  covered = g_new0 (gboolean, rows->len * cols->len);
  for (int col = 0; col < (int) n_label_cols; col++)
    {
      g_autoptr (GPtrArray) in_col = g_ptr_array_new ();
      g_autofree int *down = NULL, *up = NULL;
      double down_error, up_error;
      guint down_stranded, up_stranded;
      gboolean use_up;

      for (guint g = 0; g < groups->len; g++)
        if (((CfPdfGroup *) g_ptr_array_index (groups, g))->col == col)
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
      /* A tiling that strands rows between labels is wrong however well it
       * centres (a page break cuts a group: both may centre all). */
      down_stranded = stranded_rows (rows, n_label_cols, eligible, col, in_col, down);
      up_stranded = stranded_rows (rows, n_label_cols, eligible, col, in_col, up);
      if (up_stranded != down_stranded && MAX (up_error, down_error) < 6.0)
        use_up = up_stranded < down_stranded;
      else
        use_up = up_error + 1.0 < down_error;
      if (groups_on_numbered_runs (page, rows, n_label_cols, eligible, col, in_col, down))
        use_up = FALSE;
      for (guint g = 0; g < in_col->len; g++)
        {
          CfPdfGroup *group = g_ptr_array_index (in_col, g);
          const int *span = use_up ? &up[2 * g] : &down[2 * g];

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
      CfPdfGroup *group = g_ptr_array_index (groups, g);
      if (group->row < 0)
        {
          double cy = (group->y0 + group->y1) / 2, best = G_MAXDOUBLE;
          int nearest = -1;
          for (guint r = 0; r < rows->len; r++)
            {
              CfPdfStreamRow *row = g_ptr_array_index (rows, r);
              double d = fabs ((row->y0 + row->y1) / 2 - cy);
              if (!covered[r * cols->len + group->col] && d < best)
                best = d, nearest = r;
            }
          if (nearest >= 0)
            {
              CfPdfStreamRow *row = g_ptr_array_index (rows, nearest);
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
