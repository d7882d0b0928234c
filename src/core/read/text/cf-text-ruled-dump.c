/* cf-text-ruled-dump.c: html2text's drawing of a ruled HTML table
 *
 * html2text (1.3.2a) draws a table with borders as a line of "_" over it
 * and rows of "|"-separated cells padded with "_":
 *
 *    ______________________________
 *   |申请人情况______________________|
 *   |一、本年新收政府信息公开�|4929|149�|106_|57____|
 *   |         |       |1.属于国家秘密|12__|30__|
 *
 * It counts bytes as columns, so a Chinese label overruns its cell and the
 * cells after it are written over it: a figure stands at the start of its
 * cell, followed by what is left of the label (often cut characters, read
 * as U+FFFD), and the last overwritten bytes may trail after the closing
 * bar. A cell is read only when it is surely one thing: padding only
 * (a blank), or a figure at its start followed by nothing but padding and
 * non-ASCII leftovers. Any other cell in a row's value block is left
 * unread, a MISSING slot, never guessed. The value block is as wide as the
 * most value cells any row of the table ends with; each value's slot in it
 * is counted by the bars from the row's end, which html2text keeps aligned.
 */
#include <string.h>

#include "cf-text-scan.h"

typedef enum
{
  RULED_BLANK,
  RULED_FIGURE,
  RULED_OTHER,
} RuledKind;

typedef struct
{
  gsize     start;
  gsize     end;       /* the cell between its bars */
  gsize     fig_end;   /* RULED_FIGURE: where the figure ends */
  RuledKind kind;
} RuledCell;

gboolean
cf_text_ruled_dump_is_top (const char *text, gsize start, gsize end)
{
  gsize n = 0;

  if (start == 0 || text[start - 1] != ' ')
    return FALSE;
  for (gsize i = start; i < end; i++)
    if (text[i] != '_')
      return FALSE;
    else
      n++;
  return n >= 4;
}

static RuledKind
classify (const char *text, gsize start, gsize end, gsize *fig_end)
{
  gsize i = start, n_digits = 0;
  gboolean other_text = FALSE;

  while (i < end && (text[i] == '_' || text[i] == ' '))
    i++;
  if (i == end)
    return RULED_BLANK;
  if (i != start || !g_ascii_isdigit (text[i]))
    return RULED_OTHER;
  while (i < end && g_ascii_isdigit (text[i]))
    i++, n_digits++;
  if (i + 1 < end && text[i] == '.' && g_ascii_isdigit (text[i + 1]))
    {
      i++;
      while (i < end && g_ascii_isdigit (text[i]))
        i++;
    }
  *fig_end = i;
  /* After the figure: padding, or leftovers of an overwritten label
   * (non-ASCII only: an ASCII byte may be a figure's own). */
  for (; i < end; i++)
    if (text[i] != '_' && ((guchar) text[i] < 0x80))
      other_text = TRUE;
  return (other_text || n_digits == 0) ? RULED_OTHER : RULED_FIGURE;
}

/* The cells of one row line: between its bars; what trails the last bar is
 * an overrun label's remnant. */
static void
split_row (const char *text, const Line *line, GArray *cells)
{
  gsize cell_start = line->start + 1;

  g_array_set_size (cells, 0);
  for (gsize i = cell_start; i < line->end; i++)
    if (text[i] == '|')
      {
        RuledCell cell = { cell_start, i, i, RULED_OTHER };

        cell.kind = classify (text, cell_start, i, &cell.fig_end);
        g_array_append_val (cells, cell);
        cell_start = i + 1;
      }
}

/* How many cells the row ends with that read as blanks or figures. */
static guint
trailing_values (GArray *cells)
{
  guint n = 0;

  for (guint i = cells->len; i > 0; i--)
    {
      const RuledCell *cell = &g_array_index (cells, RuledCell, i - 1);

      if (cell->kind == RULED_OTHER)
        break;
      n++;
    }
  return n;
}

static gboolean
row_has_figure (GArray *cells)
{
  for (guint i = 0; i < cells->len; i++)
    if (g_array_index (cells, RuledCell, i).kind == RULED_FIGURE)
      return TRUE;
  return FALSE;
}

static void
add_row (Scanner *sc, GArray *cells, guint width)
{
  guint first_value, last_label = 0;

  if (!row_has_figure (cells) || cells->len <= width)
    {
      /* A header (or a row without a label): its words, as labels. */
      cf_grid_builder_begin_row (&sc->grid, row_has_figure (cells) ? CF_RAW_ROW_NONE : CF_RAW_ROW_HEADER);
      for (guint i = 0; i < cells->len; i++)
        {
          const RuledCell *cell = &g_array_index (cells, RuledCell, i);

          gsize end = cell->end;

          while (end > cell->start && sc->text[end - 1] == '_')
            end--;
          if (cell->kind == RULED_OTHER && end > cell->start)
            cf_grid_builder_add_cell (&sc->grid, cell->start, end);
        }
      return;
    }

  first_value = cells->len - width;
  cf_grid_builder_begin_row (&sc->grid, CF_RAW_ROW_EMPTIES_ARE_VALUES | CF_RAW_ROW_BLANK_DATA);
  /* The row's own label is its last; a group's label (rows spanning
   * lines) is printed on one of its rows only, split over lines, and
   * would name only that row: left out, the item labels name the rows. */
  for (guint i = first_value; i > 0; i--)
    if (g_array_index (cells, RuledCell, i - 1).kind == RULED_OTHER)
      {
        last_label = i - 1;
        break;
      }
  for (guint i = last_label; i < first_value; i++)
    {
      const RuledCell *cell = &g_array_index (cells, RuledCell, i);

      /* Labels from the left; blank label cells (rows of a group spanning
       * lines) and figures among the labels are not labels. */
      if (cell->kind == RULED_OTHER)
        {
          gsize end = cell->end;
          CfRawCell *raw;

          /* Its padding is no part of it. */
          while (end > cell->start && sc->text[end - 1] == '_')
            end--;
          raw = cf_grid_builder_add_cell (&sc->grid, cell->start, end);

          if (raw->kind == CF_RAW_VALUE)
            raw->kind = CF_RAW_LABEL;
        }
    }
  for (guint i = first_value; i < cells->len; i++)
    {
      const RuledCell *cell = &g_array_index (cells, RuledCell, i);
      CfRawCell *raw;

      if (cell->kind == RULED_OTHER)
        continue; /* left unread: a MISSING slot */
      raw = cf_grid_builder_add_cell (&sc->grid, cell->start,
                                      cell->kind == RULED_FIGURE ? cell->fig_end : cell->start);
      raw->kind = cell->kind == RULED_FIGURE ? CF_RAW_VALUE : CF_RAW_EMPTY;
      raw->hint = (int) (i - first_value);
    }
}

gsize
cf_text_parse_ruled_dump (Scanner *sc, gsize pos)
{
  g_autoptr (GArray) cells = g_array_new (FALSE, FALSE, sizeof (RuledCell));
  g_autoptr (GArray) rows = g_array_new (FALSE, FALSE, sizeof (Line));
  g_autofree char *title = cf_text_title_text (sc);
  guint width = 0;
  Line line;

  cf_text_read_line (sc, pos, &line);
  pos = line.next;
  /* The rows: every line that starts with a bar. */
  while (pos < sc->len && rows->len < MAX_REGION_LINES)
    {
      cf_text_read_line (sc, pos, &line);
      if (line.end == line.start || sc->text[line.start] != '|')
        break;
      g_array_append_val (rows, line);
      pos = line.next;
    }

  for (guint r = 0; r < rows->len; r++)
    {
      split_row (sc->text, &g_array_index (rows, Line, r), cells);
      if (row_has_figure (cells))
        width = MAX (width, trailing_values (cells));
    }
  if (width == 0 || width > CF_TEXT_MAX_COLUMNS)
    return pos;
  for (guint r = 0; r < rows->len; r++)
    {
      split_row (sc->text, &g_array_index (rows, Line, r), cells);
      if (cells->len > 0)
        add_row (sc, cells, width);
    }
  cf_text_commit (sc, "html2text", title);
  return pos;
}
