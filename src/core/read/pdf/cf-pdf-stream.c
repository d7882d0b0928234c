/* cf-pdf-stream.c: borderless (stream) tables of a PDF page
 *
 * A run of lines with several segments and numbers in them is a table; its
 * columns are the gaps that run through every numeric row
 * (cf-pdf-stream-layout.c); each numeric line opens a row, and so does a
 * header or a line of several cells.
 */
#include <math.h>
#include <string.h>

#include "cf-pdf-stream.h"
#include "cf-pdf-stream-layout.h"
#include "cf-pdf-stream-cols.h"
#include "cf-pdf-stream-items.h"
#include "cf-pdf-stream-head.h"

/* ----------------------------------------------------------------- tables */

/* Whether the one segment of @line lies under a segment of @above: the
 * second line of a head wrapped in its column. */
static gboolean
under_a_segment (CfPdfLine *line, CfPdfLine *above)
{
  CfPdfSegment *piece = g_ptr_array_index (line->segments, 0);

  for (guint s = 0; s < above->segments->len; s++)
    {
      CfPdfSegment *seg = g_ptr_array_index (above->segments, s);
      if (MIN (seg->x1, piece->x1) - MAX (seg->x0, piece->x0) > 0.5 * (piece->x1 - piece->x0))
        return TRUE;
    }
  return FALSE;
}

/* Whether @line is a head inside the table: no figure, and text in two
 * value columns or more (a label and its figures are no head). */
static gboolean
heads_columns (CfPdfLine *line, GArray *cols, guint n_label_cols)
{
  guint n_heads = 0;

  if (cf_pdf_line_is_body (line))
    return FALSE;
  for (guint s = 0; s < line->segments->len; s++)
    {
      CfPdfSegment *seg = g_ptr_array_index (line->segments, s);
      int first, last;

      if (seg->kind != CF_NUMBER_TEXT)
        return FALSE;
      cf_pdf_columns_of_segment (cols, seg, &first, &last);
      if (last >= (int) n_label_cols)
        n_heads += last - MAX (first, (int) n_label_cols) + 1;
    }
  return n_heads >= 2;
}

static gboolean
starts_in_first_column (CfPdfLine *line, GArray *cols)
{
  int first, last;

  cf_pdf_columns_of_segment (cols, g_ptr_array_index (line->segments, 0), &first, &last);
  return first == 0;
}

/* The width of the first piece of @seg a line could be broken after: its
 * first character when that is a CJK one, else its first word. */
static double
first_break_width (const CfPdfPage *page, const CfPdfSegment *seg)
{
  const CfPdfChar *first = cf_pdf_char_at (page, g_array_index (seg->chars, guint, 0));
  double x1 = first->x1;

  if (!cf_pdf_is_cjk (first->ch))
    for (guint k = 1; k < seg->chars->len; k++)
      {
        const CfPdfChar *c = cf_pdf_char_at (page, g_array_index (seg->chars, guint, k));
        if (c->space_before || cf_pdf_is_cjk (c->ch))
          break;
        x1 = MAX (x1, c->x1);
      }
  return x1 - first->x0;
}

/* How far right the text of the label column of a table with one label
 * column reaches: the right end of its widest label. */
static double
label_text_right (GPtrArray *lines, guint start, guint stop, GArray *cols)
{
  double right = -G_MAXDOUBLE;

  for (guint i = start; i < stop; i++)
    {
      CfPdfLine *line = g_ptr_array_index (lines, i);
      CfPdfSegment *seg = g_ptr_array_index (line->segments, 0);
      int first, last;

      cf_pdf_columns_of_segment (cols, seg, &first, &last);
      if (seg->kind == CF_NUMBER_TEXT && last == 0)
        right = MAX (right, seg->x1);
    }
  return right;
}

/* Whether @text holds an enumerator ("（二）", or with the Kangxi radical
 * "（⼆）") after its start: the labels of two label columns read as one
 * segment, whose widths say nothing of where either wraps. */
static gboolean
has_inner_enumerator (const char *text)
{
  for (const char *p = g_utf8_next_char (text); *p; p = g_utf8_next_char (p))
    {
      const char *q;

      if (g_utf8_get_char (p) != 0xff08 /* （ */ && g_utf8_get_char (p) != '(')
        continue;
      q = g_utf8_next_char (p);
      while (*q && g_utf8_strchr ("一二三四五六七八九十⼀⼆⼋⼗", -1, g_utf8_get_char (q)) != NULL)
        q = g_utf8_next_char (q);
      if (q != g_utf8_next_char (p) && (g_utf8_get_char (q) == 0xff09 /* ） */ || *q == ')'))
        return TRUE;
    }
  return FALSE;
}

/* Whether the label @top (a line's first segment) and the label @next
 * printed under it cannot be one label wrapped over two lines: the first
 * piece of @next would have fit on the line of @top, left of @right, where
 * the column's widest label ends. A label left that short is a label of
 * its own (a row whose figures are all blank). */
static gboolean
not_wrapped (const CfPdfPage *page, const CfPdfSegment *top, const CfPdfSegment *next, double right)
{
  /* Only two labels set from one left edge tell: a label of another
   * column, or one centred, may be short either way. */
  if (top->kind != CF_NUMBER_TEXT || next->kind != CF_NUMBER_TEXT || next->chars->len == 0
      || fabs (top->x0 - next->x0) > 2.0 || has_inner_enumerator (top->text)
      || has_inner_enumerator (next->text))
    return FALSE;
  /* Words may be broken by hand anywhere; a Chinese label wraps where its
   * column ends. */
  if (!cf_pdf_is_cjk (cf_pdf_char_at (page, g_array_index (next->chars, guint, 0))->ch))
    return FALSE;
  return top->x1 + first_break_width (page, next) < right - 1.0;
}

/* Whether lines[@i], a label of one piece, and lines[@i + 2], another
 * (the rest of it), stand round a line of figures alone, touching it: a
 * printer that centres a row's figures between the lines of its wrapped
 * label (LibreOffice: 一、本年新收政府信息公开申请数 / 6743 151 … / 量). */
static gboolean
wraps_figures (GPtrArray *lines, guint i)
{
  CfPdfLine *label, *figures, *rest;
  CfPdfSegment *first;

  if (i + 2 >= lines->len)
    return FALSE;
  label = g_ptr_array_index (lines, i);
  figures = g_ptr_array_index (lines, i + 1);
  rest = g_ptr_array_index (lines, i + 2);
  if (label->used || figures->used || rest->used || label->panel != figures->panel
      || rest->panel != figures->panel || label->segments->len != 1 || rest->segments->len != 1
      || !cf_pdf_line_is_body (figures))
    return FALSE;
  first = g_ptr_array_index (figures->segments, 0);
  return first->kind != CF_NUMBER_TEXT && label->x1 < first->x0 && rest->x1 < first->x0
         && fabs (rest->x0 - label->x0) < 2 && figures->y0 - label->y1 <= 0.25 * figures->h
         && rest->y0 - figures->y1 <= 0.25 * figures->h;
}

/* Whether whatever the lines[from..stop) set under @line is text, no
 * figure. */
static gboolean
over_text_only (GPtrArray *lines, guint from, guint stop, CfPdfLine *line)
{
  for (guint i = from; i < stop; i++)
    {
      CfPdfLine *below = g_ptr_array_index (lines, i);
      for (guint s = 0; s < below->segments->len; s++)
        {
          CfPdfSegment *seg = g_ptr_array_index (below->segments, s);
          if (seg->kind != CF_NUMBER_TEXT && seg->x1 > line->x0 && seg->x0 < line->x1)
            return FALSE;
        }
    }
  return TRUE;
}

/* Whether lines[start + rel], one piece of text under the head, is the
 * heading of the rows under it (set in from its left edge, a ragged first
 * column), not the rest of a head wrapped in its column: the next line holds
 * figures, and its label starts an indent right of this one. */
static gboolean
heads_indented_rows (GPtrArray *lines, guint start, guint stop, guint rel)
{
  CfPdfLine *line = g_ptr_array_index (lines, start + rel), *next;
  CfPdfSegment *label;

  if (start + rel + 1 >= stop)
    return FALSE;
  next = g_ptr_array_index (lines, start + rel + 1);
  if (!cf_pdf_line_is_body (next))
    return FALSE;
  label = g_ptr_array_index (next->segments, 0);
  return label->kind == CF_NUMBER_TEXT && label->x0 > line->x0 + 3.0
         && label->x0 < line->x0 + 2.5 * line->h;
}

/* The line lines[start + rel], one piece of label text, continues: that
 * of the line right above it, when that one is one piece set at the same
 * left edge and already part of a row, and the two touch (the third line
 * of a label set at the top of its row, the figures on its first). -1 when
 * it does not. */
static int
continues_cell (GPtrArray *lines, guint start, guint rel, const int *joins, double touch)
{
  CfPdfLine *line = g_ptr_array_index (lines, start + rel), *prev;

  if (rel == 0 || joins[rel - 1] < 0 || line->segments->len != 1)
    return -1;
  prev = g_ptr_array_index (lines, start + rel - 1);
  if (prev->segments->len != 1 || fabs (prev->x0 - line->x0) > 2.0 || line->y0 - prev->y1 > touch)
    return -1;
  return (int) rel - 1;
}

CfPdfTable *
cf_pdf_stream_table (const CfPdfPage *page, GPtrArray *lines, guint start, guint stop, GArray *cols,
                     guint n_label_cols, gboolean *used)
{
  g_autoptr (GPtrArray) rows
      = g_ptr_array_new_with_free_func ((GDestroyNotify)cf_pdf_stream_row_free);
  g_autoptr (CfPdfTable) table = NULL;
  g_autofree int *joins = NULL;
  g_autofree int *row_of = NULL;
  g_autoptr (GArray) pieces = NULL;
  g_autoptr (GPtrArray) table_groups
      = g_ptr_array_new_with_free_func ((GDestroyNotify)cf_pdf_group_free);
  g_autofree gboolean **skips = NULL;
  g_autofree gboolean *covered = NULL;
  g_autofree gboolean *sparse = NULL;
  g_autofree gboolean *own_row = NULL;
  gboolean seen_body = FALSE;
  guint n_lines;
  int **header_cols = NULL;
  double label_right;

  cf_pdf_split_at_label_columns (page, lines, start, stop, cols, n_label_cols);
  label_right = n_label_cols == 1 ? label_text_right (lines, start, stop, cols) : -G_MAXDOUBLE;

  /* Rows: each numeric line opens one, and so does a header or a line of
   * several cells. A piece of label text that touches a numeric line (a
   * wrapped label, often centred on its row) joins the nearer of the two
   * around it; other lone text that touches the line above continues it. */
  n_lines = stop - start;
  joins = g_new (int, n_lines);
  row_of = g_new (int, n_lines);
  own_row = g_new0 (gboolean, n_lines);
  for (guint rel = 0; rel < n_lines; rel++)
    {
      CfPdfLine *line = g_ptr_array_index (lines, start + rel);
      double touch = 0.25 * line->h;
      gboolean body = cf_pdf_line_is_body (line);
      gboolean label_only = TRUE;

      joins[rel] = -1;
      row_of[rel] = -1;
      /* The first line of the label of the first row (a page that starts
       * with a wrapped item): it goes on the row below. */
      if (!seen_body && rel + 1 < n_lines
          && cf_pdf_starts_wrapped_label (line, g_ptr_array_index (lines, start + rel + 1)))
        {
          joins[rel] = n_label_cols >= 2 ? CF_PDF_ROUTED : (int) rel + 1;
          continue;
        }
      /* A label wrapped round the figures of its row (LibreOffice) goes
       * on that row; with label columns of several kinds after the first
       * row, where its pieces go is routed below. */
      if (wraps_figures (lines, start + rel) && (!seen_body || n_label_cols < 2))
        {
          joins[rel] = (int) rel + 1;
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
          cf_pdf_columns_of_segment (cols, g_ptr_array_index (line->segments, s), &first, &last);
          label_only = last < (int) n_label_cols;
        }
      /* A band over a head of its own (第二十条第（五）项), at the table's
       * left edge: a row. */
      if (label_only && seen_body && rel + 1 < n_lines && line->segments->len == 1
          && starts_in_first_column (line, cols)
          && heads_columns (g_ptr_array_index (lines, start + rel + 1), cols, n_label_cols))
        continue;
      if (label_only && seen_body && n_label_cols >= 2)
        joins[rel] = CF_PDF_ROUTED;
      else if (label_only && seen_body)
        {
          int above = -1, below = -1;
          double gap_above = G_MAXDOUBLE, gap_below = G_MAXDOUBLE;

          for (int k = (int) rel - 1; k >= 0 && above < 0; k--)
            if (cf_pdf_line_is_body (g_ptr_array_index (lines, start + k)))
              above = k;
          for (guint k = rel + 1; k < n_lines && below < 0; k++)
            if (cf_pdf_line_is_body (g_ptr_array_index (lines, start + k)))
              below = k;
          if (above >= 0)
            gap_above = line->y0 - ((CfPdfLine *) g_ptr_array_index (lines, start + above))->y1;
          if (below >= 0)
            gap_below = ((CfPdfLine *) g_ptr_array_index (lines, start + below))->y0 - line->y1;
          /* A label the row next to it could not have wrapped into is
           * a row of its own, its figures blank. */
          CfPdfLine *above_line = above >= 0 ? g_ptr_array_index (lines, start + above) : NULL;
          gboolean fits_above
              = above_line != NULL && above_line->segments->len >= 2
                && ((CfPdfSegment *) g_ptr_array_index (above_line->segments, 1))->kind != CF_NUMBER_TEXT
                && not_wrapped (page, g_ptr_array_index (above_line->segments, 0),
                                g_ptr_array_index (line->segments, 0), label_right);

          /* Nor is it the first line of the label below when that label
           * would have begun on its line. */
          CfPdfLine *below_line = below >= 0 ? g_ptr_array_index (lines, start + below) : NULL;
          gboolean fits_below
              = below_line != NULL && below_line->segments->len >= 2 && line->segments->len == 1
                && ((CfPdfSegment *) g_ptr_array_index (below_line->segments, 1))->kind != CF_NUMBER_TEXT
                && not_wrapped (page, g_ptr_array_index (line->segments, 0),
                                g_ptr_array_index (below_line->segments, 0), label_right);

          if (fits_above)
            gap_above = G_MAXDOUBLE;
          if (fits_below)
            gap_below = G_MAXDOUBLE;
          own_row[rel] = fits_above && gap_below > touch;
          if (below >= 0 && gap_below <= touch
              && (gap_above > touch
                  || ((CfPdfLine *) g_ptr_array_index (lines, start + below))->cy - line->cy
                     < line->cy - ((CfPdfLine *) g_ptr_array_index (lines, start + above))->cy))
            joins[rel] = below;
          else if (above >= 0 && gap_above <= touch)
            joins[rel] = above;
          else
            joins[rel] = continues_cell (lines, start, rel, joins, touch);
        }
      else if (line->segments->len == 1 && rel > 0 && !(!seen_body && heads_indented_rows (lines, start, stop, rel))
               && line->y0 - ((CfPdfLine *)g_ptr_array_index (lines, start + rel - 1))->y1
                      <= (!seen_body && under_a_segment (line, g_ptr_array_index (lines, start + rel - 1))
                              ? 0.6 * line->h : touch))
        joins[rel] = rel - 1;
    }

  /* The first lines of a cell set in several lines, clear of the row
   * above: they go with the line of figures they reach through lines that
   * touch (the figures centred on the cell, or on its first line). */
  for (guint rel = 0, body_above = FALSE; rel < n_lines; rel++)
    {
      CfPdfLine *line = g_ptr_array_index (lines, start + rel);
      int down;

      if (cf_pdf_line_is_body (line))
        body_above = TRUE;
      if ((joins[rel] != -1 && (body_above || joins[rel] != (int) rel - 1)) || own_row[rel]
          || line->segments->len != 1 || cf_pdf_line_is_body (line)
          || cf_pdf_is_heading_text (line->text))
        continue;
      /* Over the first row: only under a head of several cells it is set
       * clear of, over text (the end of a head wrapped over figures stays
       * in the head). */
      if (!body_above)
        {
          CfPdfLine *head = rel > 0 ? g_ptr_array_index (lines, start + rel - 1) : NULL;
          if (head == NULL || head->segments->len < 2 || line->y0 - head->y1 <= 0.25 * line->h
              || !over_text_only (lines, start + rel + 1, stop, line))
            continue;
        }
      down = cf_pdf_stream_touching_body (lines, start, n_lines, rel, +1);
      if (down > (int) rel && joins[down] == -1)
        joins[rel] = down;
    }

  /* Group labels standing before a row's own label on its line, in a
   * column some numeric rows leave empty (a column every row fills holds
   * the rows' own labels, as a unit column does). */
  pieces = g_array_new (FALSE, FALSE, sizeof (CfPdfPiece));
  skips = g_new0 (gboolean *, n_lines);
  sparse = g_new0 (gboolean, cols->len);
  for (guint rel = 0; rel < n_lines; rel++)
    {
      CfPdfLine *line = g_ptr_array_index (lines, start + rel);
      g_autofree gboolean *filled = g_new0 (gboolean, cols->len);

      if (!cf_pdf_line_is_body (line))
        continue;
      for (guint s = 0; s < line->segments->len; s++)
        {
          int first, last;
          cf_pdf_columns_of_segment (cols, g_ptr_array_index (line->segments, s), &first, &last);
          for (int c = first; c <= last; c++)
            filled[c] = TRUE;
        }
      for (guint c = 0; c < cols->len; c++)
        sparse[c] |= !filled[c];
    }
  if (n_label_cols >= 2)
    for (guint rel = 0; rel < n_lines; rel++)
      {
        CfPdfLine *line = g_ptr_array_index (lines, start + rel);
        int own_first = -1;
        guint n_leading = 0;

        if (joins[rel] == CF_PDF_ROUTED || !cf_pdf_line_is_body (line))
          continue;
        while (n_leading < line->segments->len
               && ((CfPdfSegment *)g_ptr_array_index (line->segments, n_leading))->kind
                      == CF_NUMBER_TEXT)
          n_leading++;
        if (n_leading < 2)
          continue;
        {
          int last;
          cf_pdf_columns_of_segment (cols, g_ptr_array_index (line->segments, n_leading - 1),
                                     &own_first, &last);
        }
        for (guint s = 0; s + 1 < n_leading; s++)
          {
            CfPdfPiece piece = { rel, s, 0, 0, -1, TRUE };
            int last;

            cf_pdf_columns_of_segment (cols, g_ptr_array_index (line->segments, s), &piece.col,
                                       &last);
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
      CfPdfLine *line = g_ptr_array_index (lines, start + rel);

      if (joins[rel] != CF_PDF_ROUTED)
        continue;
      for (guint s = 0; s < line->segments->len; s++)
        {
          CfPdfPiece piece = { rel, s, 0, 0, -1, FALSE };
          cf_pdf_columns_of_segment (cols, g_ptr_array_index (line->segments, s), &piece.col,
                                     &piece.last);
          g_array_append_val (pieces, piece);
        }
    }

  header_cols = cf_pdf_place_header_segments (lines, start, n_lines, cols, n_label_cols, joins);

  /* A row starts at its topmost line, so rows come out top to bottom. */
  for (guint rel = 0; rel < n_lines; rel++)
    {
      int root = rel;
      CfPdfStreamRow *row;

      if (joins[rel] == CF_PDF_ROUTED)
        continue;
      while (joins[root] >= 0)
        root = joins[root];
      if (row_of[root] < 0)
        {
          row_of[root] = rows->len;
          g_ptr_array_add (rows, cf_pdf_stream_row_new (cols->len));
        }
      row_of[rel] = row_of[root];
      row = g_ptr_array_index (rows, row_of[root]);
      cf_pdf_stream_row_add_line (row, cols, g_ptr_array_index (lines, start + rel), skips[rel],
                                  header_cols != NULL ? header_cols[rel] : NULL);
      ((CfPdfLine *) g_ptr_array_index (lines, start + rel))->used = TRUE;
    }
  cf_pdf_route_pieces_to_bare_rows (lines, start, n_lines, cols, n_label_cols, row_of, rows, pieces);
  cf_pdf_route_label_pieces (lines, start, n_lines, cols, joins, row_of, rows, pieces);
  cf_pdf_rows_for_blank_items (lines, start, n_lines, cols, n_label_cols, rows, pieces);
  covered = cf_pdf_place_group_labels (page, lines, start, cols, n_label_cols, rows, pieces,
                                       table_groups);
  for (guint rel = 0; rel < n_lines; rel++)
    {
      g_free (skips[rel]);
      if (header_cols != NULL)
        g_free (header_cols[rel]);
      if (joins[rel] == CF_PDF_ROUTED)
        ((CfPdfLine *) g_ptr_array_index (lines, start + rel))->used = TRUE;
    }
  g_free (header_cols);

  table = cf_pdf_table_new (page->number, "stream");
  for (guint g = 0; g < table_groups->len; g++)
    {
      CfPdfGroup *group = g_ptr_array_index (table_groups, g);
      CfPdfCell *cell = cf_pdf_table_add_chars (table, group->row, group->col, group->row_span, 1,
                                                page, group->chars, NULL);
      (void) cell;
      for (guint k = 0; k < group->chars->len; k++)
        used[g_array_index (group->chars, guint, k)] = TRUE;
    }
  for (guint r = 0; r < rows->len; r++)
    {
      CfPdfStreamRow *row = g_ptr_array_index (rows, r);

      for (guint c = 0; c < cols->len;)
        {
          GArray *chars = g_ptr_array_index (row->cols, c);
          int span = MAX (1, row->spans[c]);

          if (covered != NULL && covered[r * cols->len + c])
            {
              c++;
              continue;
            }
          const CfPdfInterval *a = &g_array_index (cols, CfPdfInterval, c);
          const CfPdfInterval *b
              = &g_array_index (cols, CfPdfInterval, MIN (c + span - 1, cols->len - 1));
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
    CfPdfLine *first = g_ptr_array_index (lines, start),
              *last = g_ptr_array_index (lines, stop - 1);
    table->bbox[0] = g_array_index (cols, CfPdfInterval, 0).x0;
    table->bbox[1] = first->y0;
    table->bbox[2] = g_array_index (cols, CfPdfInterval, cols->len - 1).x1;
    table->bbox[3] = last->y1;
  }
  /* Both sides of every column: numbers may be set flush left or flush right. */
  for (guint c = 0; c < cols->len; c++)
    {
      g_array_append_val (table->col_edges, g_array_index (cols, CfPdfInterval, c).x0);
      g_array_append_val (table->col_edges, g_array_index (cols, CfPdfInterval, c).x1);
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
      CfPdfLine *above = g_ptr_array_index (lines, first - 1);
      CfPdfLine *below = g_ptr_array_index (lines, first);
      gboolean text_only = TRUE;

      for (guint s = 0; s < above->segments->len; s++)
        text_only
            &= ((CfPdfSegment *)g_ptr_array_index (above->segments, s))->kind == CF_NUMBER_TEXT;
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
      CfPdfLine *line = g_ptr_array_index (lines, l);

      for (guint s = 0; s < line->segments->len; s++)
        {
          CfPdfSegment *seg = g_ptr_array_index (line->segments, s);
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
        g_ptr_array_add (table->lead, cf_pdf_cell_new (-1, c, 1, 1, page, chars, NULL));
    }
}

/* Builds a table from lines[start..stop) of a block; FALSE when it is no table. */
static gboolean
build_stream (const CfPdfPage *page, GPtrArray *lines, guint start, guint stop, gboolean *used,
              GPtrArray *tables)
{
  g_autoptr (GArray) cols = g_array_new (FALSE, FALSE, sizeof (CfPdfInterval));
  g_autoptr (CfPdfTable) table = NULL;
  guint n_label_cols = 0;

  if (!cf_pdf_stream_columns (lines, start, stop, cols, &n_label_cols))
    return FALSE;
  cf_pdf_stream_inner_text_columns (lines, start, stop, cols, n_label_cols);
  cf_pdf_stream_text_columns (page, lines, start, stop, cols);
  table = cf_pdf_stream_table (page, lines, start, stop, cols, n_label_cols, used);
  /* Its characters stay taken: a chart's labels are in no other table either. */
  if (cf_pdf_table_is_chart_axis (table))
    return FALSE;
  g_ptr_array_add (tables, g_steal_pointer (&table));
  return TRUE;
}

/* Whether @piece, a line of one segment, stands over a number of @body,
 * right of its labels. */
static gboolean
over_figures (CfPdfLine *piece, CfPdfLine *body)
{
  CfPdfSegment *label = g_ptr_array_index (body->segments, 0);

  if (piece->x0 <= label->x1)
    return FALSE;
  for (guint s = 1; s < body->segments->len; s++)
    {
      CfPdfSegment *seg = g_ptr_array_index (body->segments, s);
      if (seg->kind != CF_NUMBER_TEXT && MIN (seg->x1, piece->x1) > MAX (seg->x0, piece->x0))
        return TRUE;
    }
  return FALSE;
}

/* Whether a numeric line near lines[@i] (up to three lines away: a printer
 * that centres a row's figures between the lines of its wrapped label sets
 * the lines of neighbouring rows in between) comes within @touch of it. */
static gboolean
touches_body (GPtrArray *lines, guint i, double touch)
{
  CfPdfLine *line = g_ptr_array_index (lines, i);

  for (guint k = i > 3 ? i - 3 : 0; k < MIN (lines->len, i + 4); k++)
    {
      CfPdfLine *other = g_ptr_array_index (lines, k);

      if (k != i && other->panel == line->panel && cf_pdf_line_is_body (other)
          && MAX (line->y0 - other->y1, other->y0 - line->y1) <= touch)
        return TRUE;
    }
  return FALSE;
}

/* Whether the rows of a table whose last numeric line is @body go on at
 * lines[@i] though it stands further below than a line gap (a printer that
 * pads its cells, LibreOffice: rows 1.5 lines apart): a numeric line with
 * figures in @body's columns (or in those of the table's numeric lines from
 * lines[@start]) comes within three lines, each at most 2.5 lines below the
 * one before. */
static gboolean
rows_go_on (GPtrArray *lines, guint start, guint i, CfPdfLine *body)
{
  double figures_x = G_MAXDOUBLE;

  for (guint s = 0; s < body->segments->len; s++)
    {
      CfPdfSegment *seg = g_ptr_array_index (body->segments, s);
      if (seg->kind != CF_NUMBER_TEXT)
        figures_x = MIN (figures_x, seg->x0);
    }
  /* Further on through the labels of rows left blank (zeros printed
   * blank), each line of them left of the figures. */
  for (guint k = i; k < MIN (lines->len, i + 12); k++)
    {
      CfPdfLine *line = g_ptr_array_index (lines, k);
      CfPdfLine *prev = g_ptr_array_index (lines, k - 1);

      if (line->used || line->panel != body->panel
          || line->y0 - prev->y1 > 2.5 * MAX (line->h, prev->h)
          || (k >= i + 3 && !cf_pdf_line_is_body (line) && line->x1 >= figures_x))
        return FALSE;
      if (cf_pdf_line_is_body (line))
        return cf_pdf_stream_figures_aligned (body, line) || cf_pdf_stream_figures_in_columns (lines, start, i, line)
               || cf_pdf_stream_figures_fit_blank_columns (lines, start, i, line);
    }
  return FALSE;
}

/* Whether lines[@i], a label at the table's left edge, heads a row left
 * blank (二、上年结转… with no figure): the lines under it up to the next
 * numeric line are pieces of a label, left of the figures, each at most 2.5
 * lines below the one before, and that numeric line has figures in the
 * columns of the table's numeric lines from lines[@start]. */
static gboolean
label_then_rows (GPtrArray *lines, guint start, guint i)
{
  double figures_x = G_MAXDOUBLE;

  for (guint k = start; k < i; k++)
    {
      CfPdfLine *line = g_ptr_array_index (lines, k);

      for (guint s = 0; cf_pdf_line_is_body (line) && s < line->segments->len; s++)
        {
          CfPdfSegment *seg = g_ptr_array_index (line->segments, s);
          if (seg->kind != CF_NUMBER_TEXT)
            figures_x = MIN (figures_x, seg->x0);
        }
    }
  for (guint k = i + 1; k < MIN (lines->len, i + 4); k++)
    {
      CfPdfLine *line = g_ptr_array_index (lines, k);
      CfPdfLine *prev = g_ptr_array_index (lines, k - 1);

      if (line->used || line->panel != prev->panel || line->y0 - prev->y1 > 2.5 * MAX (line->h, prev->h))
        return FALSE;
      if (cf_pdf_line_is_body (line))
        return cf_pdf_stream_figures_in_columns (lines, start, i, line);
      if (line->segments->len != 1 || line->x1 >= figures_x)
        return FALSE;
    }
  return FALSE;
}

void
cf_pdf_find_stream_tables (const CfPdfPage *page, GPtrArray *lines, gboolean *used,
                           GPtrArray *tables)
{
  cf_pdf_stream_split_spaced_cjk (page, lines);
  for (guint i = 0; i < lines->len;)
    {
      CfPdfLine *line = g_ptr_array_index (lines, i);
      guint start = i, stop = i + 1;
      double block_x0 = line->x0, block_x1 = line->x1;
      double row_gap;
      gboolean lone_row, any_columnar;

      if (line->used || !cf_pdf_line_is_body (line))
        {
          i++;
          continue;
        }

      /* Header lines right above: several segments, or short pieces of a
       * header set in several lines; never a heading or running text. A
       * printer that pads its cells (LibreOffice) sets a head of several
       * segments as far above the first row as the rows stand apart. */
      {
        CfPdfLine *next = i + 1 < lines->len ? g_ptr_array_index (lines, i + 1) : NULL;
        row_gap = next != NULL && !next->used && next->panel == line->panel
                          && cf_pdf_line_is_body (next) && cf_pdf_stream_figures_aligned (line, next)
                      ? next->y0 - line->y1
                      : -1;
      }
      /* A table of one row (the appeals table) may have a head set in
       * narrow columns (cf-pdf-stream-head.c). */
      lone_row = TRUE;
      any_columnar = FALSE;
      for (guint k = i + 1; k < MIN (lines->len, i + 4) && lone_row; k++)
        lone_row = !cf_pdf_line_is_body (g_ptr_array_index (lines, k));
      while (start > 0)
        {
          CfPdfLine *above = g_ptr_array_index (lines, start - 1);
          CfPdfLine *below = g_ptr_array_index (lines, start);
          gboolean short_line = above->x1 - above->x0 < 0.5 * MAX (1.0, block_x1 - block_x0);

          /* A lone piece over a column of figures, right of the labels,
           * under a head of several: the end of a head wrapped over two
           * lines ("Fraction of" / "Wealth Lost"), set as far from the rows
           * as the head (a unit line is over no head). */
          CfPdfLine *head = start > 1 ? g_ptr_array_index (lines, start - 2) : NULL;
          gboolean head_piece = above->segments->len == 1 && over_figures (above, line) && head != NULL
                                && head->segments->len >= 2 && under_a_segment (above, head)
                                && above->y0 - head->y1 <= 0.6 * above->h;

          gboolean row_label = start == i && wraps_figures (lines, start - 1);
          /* A head whose words, set close, line up with the figures. */
          gboolean columnar = !row_label && lone_row && cf_pdf_head_over_figures (page, above, line);

          any_columnar |= columnar;

          if (above->used || above->panel != below->panel
              || (cf_pdf_is_heading_text (above->text)
                  && !cf_pdf_starts_wrapped_label (above, below) && !row_label)
              || (above->segments->len < 2 && !short_line && !row_label && !columnar)
              || (below->y0 - above->y1
                      > (above->segments->len < 2 && !head_piece && !columnar ? 0.5 : 1.5) * below->h
                  && !(above->segments->len >= 2 && row_gap > 0
                       && fabs (below->y0 - above->y1 - row_gap) <= 0.3 * below->h)))
            break;
          start--;
        }

      /* A head read in part over a row with blanks: no table, as if no
       * head (its figures cannot be placed). */
      if (any_columnar && !cf_pdf_head_read_whole (page, lines, start, i, line))
        start = i;
      for (guint k = start; k < i && lone_row; k++)
        if (cf_pdf_head_over_figures (page, g_ptr_array_index (lines, k), line))
          cf_pdf_split_head_at_figures (page, g_ptr_array_index (lines, k), line);

      /* Down: numeric lines, and the short lines between them. */
      while (stop < lines->len)
        {
          CfPdfLine *last_body = NULL;
          CfPdfLine *below = g_ptr_array_index (lines, stop);
          CfPdfLine *above = g_ptr_array_index (lines, stop - 1);
          CfPdfLine *after = stop + 1 < lines->len ? g_ptr_array_index (lines, stop + 1) : NULL;
          gboolean body = cf_pdf_line_is_body (below);
          gboolean short_line = below->x1 - below->x0 < 0.6 * MAX (1.0, block_x1 - block_x0);
          double touch = 0.25 * below->h;

          /* Numbered items ("5.属于…") are labels of a table's rows; other
           * headings ("（二）…") are inside the table only when they touch a
           * numeric line. */
          gboolean between_rows
              = (cf_pdf_line_is_body (above) && below->y0 - above->y1 <= touch)
                || (after && cf_pdf_line_is_body (after) && after->y0 - below->y1 <= touch)
                || touches_body (lines, stop, touch);

          /* A numbered row label (二、上年结转…) wrapped round the figures
           * of its row or over a row left blank is no section heading. */
          gboolean row_label = !body && below->x0 <= block_x0 + 2
                               && (wraps_figures (lines, stop) || label_then_rows (lines, start, stop));
          /* So is the piece of a group label wrapped in its narrow column,
           * right of the table's left edge ("（三）不" of 不予公开), over
           * item labels and the figures of their rows. */
          gboolean group_piece = !body && below->segments->len == 1 && below->x0 > block_x0 + 2
                                 && below->x1 - below->x0 < 0.25 * MAX (1.0, block_x1 - block_x0)
                                 && label_then_rows (lines, start, stop);

          if (short_line && cf_pdf_is_heading_text (below->text)
              && !g_ascii_isdigit (*below->text))
            short_line = between_rows || row_label || group_piece;
          /* A section heading ends the table, unless it is a group label
           * wrapped in a narrow label column between the rows it heads
           * (三、本年 / 度办理结果). */
          for (guint k = stop; k-- > start && last_body == NULL;)
            if (cf_pdf_line_is_body (g_ptr_array_index (lines, k)))
              last_body = g_ptr_array_index (lines, k);
          if (below->used || below->panel != above->panel
              || (below->y0 - above->y1 > 1.5 * MAX (above->h, below->h)
                  && (last_body == NULL || !rows_go_on (lines, start, stop, last_body)))
              || (!body && cf_pdf_is_section_heading (below->text) && !row_label && !group_piece
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
          CfPdfLine *last = g_ptr_array_index (lines, stop - 1);
          CfPdfLine *above = g_ptr_array_index (lines, stop - 2);
          if (cf_pdf_line_is_body (last) || last->cy - above->cy < 1.1 * last->h)
            break;
          stop--;
        }

      if (build_stream (page, lines, start, stop, used, tables))
        {
          CfPdfTable *table = g_ptr_array_index (tables, tables->len - 1);
          cf_pdf_find_title (lines, table->bbox[1], table->bbox[0], table->bbox[2], table);
          find_lead_cells (page, lines, start, table);
        }
      i = stop;
    }
}
