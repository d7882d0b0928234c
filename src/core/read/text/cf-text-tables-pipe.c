/* cf-text-tables-pipe.c: pipe remnants of HTML tables, and Markdown tables */
#include <string.h>

#include "cf-text-scan.h"

/* ---- pipe remnants ------------------------------------------------------ */

typedef struct
{
  gsize    start;  /* cell text (without the "|"), or the bar line */
  gsize    end;
  guint    n_bars; /* 0 for a cell line */
  gboolean bar_line; /* a line of bars only */
} PipeToken;

static void
pipe_add_cell (Scanner *sc, gboolean *row_open, gsize start, gsize end)
{
  if (!*row_open)
    {
      cf_grid_builder_begin_row (&sc->grid, CF_RAW_ROW_EMPTIES_ARE_VALUES);
      *row_open = TRUE;
    }
  cf_grid_builder_add_cell (&sc->grid, start, end);
}

/* Where rows close on their last cell's line ("947 ||||"), a line of bars
 * only that closes a row is a blank last cell ("|") and the closing run. */
static void
split_blank_cell_closings (GArray *tokens)
{
  g_autoptr (GArray) split = g_array_sized_new (FALSE, FALSE, sizeof (PipeToken), tokens->len);

  for (guint i = 0; i < tokens->len; i++)
    {
      PipeToken token = g_array_index (tokens, PipeToken, i);

      if (token.bar_line && token.n_bars >= 2 && split->len + 1 < MAX_REGION_LINES)
        {
          PipeToken blank = { token.start, token.start, 0, FALSE };

          g_array_append_val (split, blank);
          token.start++;
          token.n_bars--;
          token.bar_line = FALSE;
        }
      g_array_append_val (split, token);
    }
  g_array_set_size (tokens, 0);
  g_array_append_vals (tokens, split->data, split->len);
}

/* The table's width in slots: a short row pads itself to it, so a padding
 * line of k bars after c cells says width = c + k. Counting from the last
 * certain row start can only overcount (two rows read as one), so the
 * smallest such sum is the width. 0 when no row is padded by 2+ bars. */
static guint
pipe_table_width (const PipeToken *tokens, guint n)
{
  guint width = 0, count = 0, i = 0;

  if (n > 0 && tokens[0].n_bars == 1)
    i = 1;
  for (; i < n; i++)
    {
      if (tokens[i].n_bars >= 2)
        {
          guint candidate = count + tokens[i].n_bars;

          if (width == 0 || candidate < width)
            width = candidate;
          count = 0;
          if (i + 1 < n && tokens[i + 1].n_bars == 1)
            i++; /* the next row's start */
        }
      else
        count++;
    }
  return width;
}

gsize
cf_text_parse_pipe (Scanner *sc, gsize pos)
{
  g_autoptr (GArray) tokens = g_array_new (FALSE, FALSE, sizeof (PipeToken));
  g_autofree char *title = cf_text_title_text (sc);
  const PipeToken *t;
  gboolean row_open = FALSE, in_row = FALSE, closing_on_cell_lines = FALSE;
  guint width, cells = 0, n;
  Line line;

  for (;;)
    {
      PipeToken token;

      if (pos >= sc->len)
        break;
      cf_text_read_line (sc, pos, &line);
      if (line.kind == LINE_PIPE_BAR)
        token = (PipeToken) { line.tstart, line.tend, line.n_bars, TRUE };
      else if (line.kind == LINE_PIPE_CELL)
        {
          gsize start = line.tstart, end = line.tend - 1;
          guint closing = 0;

          /* "第二十条第（一）项 ||||": the row's closing run of bars moved
           * onto its last cell's line reads as that cell, then the run. */
          while (end > start && sc->text[end - 1] == '|')
            {
              end--;
              closing++;
            }
          cf_text_trim (sc->text, &start, &end);
          token = (PipeToken) { start, end, 0, FALSE };
          if (closing > 0 && tokens->len + 1 < MAX_REGION_LINES)
            {
              g_array_append_val (tokens, token);
              token = (PipeToken) { line.tend - closing, line.tend, closing, FALSE };
              closing_on_cell_lines = TRUE;
            }
        }
      else
        break;
      if (tokens->len < MAX_REGION_LINES)
        g_array_append_val (tokens, token);
      pos = line.next;
    }

  if (closing_on_cell_lines)
    split_blank_cell_closings (tokens);
  t = (const PipeToken *) (gpointer) tokens->data;
  n = tokens->len;
  width = pipe_table_width (t, n);

  for (guint i = 0; i < n; i++)
    {
      if (!in_row)
        {
          in_row = TRUE;
          row_open = FALSE;
          cells = 0;
          if (t[i].n_bars >= 1)
            continue; /* the row's opening bar (or stray padding) */
        }

      if (t[i].n_bars >= 2)
        {
          in_row = FALSE; /* padding: the row is over */
          continue;
        }
      if (t[i].n_bars == 1)
        {
          if (width > 0 && cells + 1 == width)
            {
              in_row = FALSE; /* one bar of padding */
              continue;
            }
          if (width == 0 &&
              (i + 1 == n ||
               (i + 2 < n && t[i + 1].n_bars == 1 && t[i + 2].n_bars == 0 &&
                cf_text_classify_cell (sc->text + t[i + 2].start, t[i + 2].end - t[i + 2].start) == CF_RAW_LABEL)))
            {
              /* No padded row told us the width: two bars before a label
               * end a row and start the next (a blank cell is followed by
               * more cells of its row), and a last bar closes the table. */
              in_row = FALSE;
              continue;
            }
          pipe_add_cell (sc, &row_open, t[i].start, t[i].start);
        }
      else
        {
          pipe_add_cell (sc, &row_open, t[i].start, t[i].end);
        }
      if (width > 0 && ++cells == width)
        in_row = FALSE;
    }

  cf_text_commit (sc, "pipe", title);
  return pos;
}

/* ---- Markdown ----------------------------------------------------------- */

gsize
cf_text_parse_markdown (Scanner *sc, gsize pos)
{
  g_autofree char *title = cf_text_title_text (sc);
  gboolean seen_separator = FALSE;
  guint n_lines = 0;
  Line line;

  while (pos < sc->len)
    {
      cf_text_read_line (sc, pos, &line);
      if (line.kind == LINE_MD_SEP)
        {
          /* Rows above the first separator are the header. */
          if (!seen_separator)
            for (guint r = 0; r < sc->grid.rows->len; r++)
              g_array_index (sc->grid.rows, CfRawRow, r).flags |= CF_RAW_ROW_HEADER;
          seen_separator = TRUE;
        }
      else if (line.kind == LINE_MD_ROW)
        {
          gsize field_start = line.tstart + 1;

          if (++n_lines > MAX_REGION_LINES)
            {
              pos = line.next;
              continue;
            }
          cf_grid_builder_begin_row (&sc->grid, CF_RAW_ROW_EMPTIES_ARE_VALUES);
          for (gsize i = line.tstart + 1; i < line.tend; i++)
            if (sc->text[i] == '|' && sc->text[i - 1] != '\\')
              {
                cf_grid_builder_add_cell (&sc->grid, field_start, i);
                field_start = i + 1;
              }
        }
      else
        break;
      pos = line.next;
    }

  cf_text_commit (sc, "markdown", title);
  return pos;
}
