/* cf-text-tables-separated.c: tab-separated rows, and columns aligned with
 * runs of spaces (pdftotext -layout) */
#include <string.h>

#include "cf-text-scan.h"

/* ---- tab-separated and aligned rows --------------------------------------- */

typedef struct
{
  Scanner *sc;
  GArray  *columns; /* of gint: display column of each cell's start and end, aligned layout */
  gsize    line_start;
} AlignedRow;

static int
display_column (const char *text, gsize from, gsize to)
{
  int col = 0;

  for (const char *p = text + from; p < text + to; p = g_utf8_next_char (p))
    col += g_unichar_iswide (g_utf8_get_char (p)) ? 2 : 1;
  return col;
}

static void
aligned_add_cell (AlignedRow *row, gsize start, gsize end)
{
  int span[2];

  cf_grid_builder_add_cell (&row->sc->grid, start, end);
  span[0] = display_column (row->sc->text, row->line_start, start);
  span[1] = span[0] + display_column (row->sc->text, start, end);
  g_array_append_vals (row->columns, span, 2);
}

/* Most numbers read off the end of one field. */
#define MAX_FIELD_NUMBERS 16

/* A field of an aligned row. Narrow columns are often one space apart
 * (lynx: "13612 252", "…其政府信息公开申请 202"): numbers that end a field
 * after single spaces are cells of their own. */
static void
aligned_add_field (gpointer data, gsize start, gsize end)
{
  AlignedRow *row = data;
  const char *text = row->sc->text;
  gsize token_start[MAX_FIELD_NUMBERS + 1], token_end[MAX_FIELD_NUMBERS + 1];
  gsize pos = end, prefix_end = start;
  guint n = 0;

  /* Whitespace-separated tokens from the end, while they are numbers. */
  while (pos > start && n <= MAX_FIELD_NUMBERS)
    {
      gsize tend = pos, tstart = pos, len;

      while (tstart > start && text[tstart - 1] != ' ')
        tstart--;
      if (cf_text_classify_cell (text + tstart, tend - tstart) != CF_RAW_VALUE)
        break;
      token_start[n] = tstart;
      token_end[n] = tend;
      n++;
      pos = tstart;
      while (pos > start && cf_text_is_space_char_at (text, pos - 1, end, &len))
        pos--;
      prefix_end = pos;
    }
  if (n > MAX_FIELD_NUMBERS || (n <= 1 && prefix_end == start))
    {
      /* Words, one number, or a run too long for a row: one cell. */
      aligned_add_cell (row, start, end);
      return;
    }
  if (prefix_end > start)
    aligned_add_cell (row, start, prefix_end);
  while (n > 0)
    {
      n--;
      aligned_add_cell (row, token_start[n], token_end[n]);
    }
}

static void
add_tab_row (Scanner *sc, const Line *line)
{
  gsize field_start = line->start;

  cf_grid_builder_begin_row (&sc->grid, CF_RAW_ROW_NONE);
  for (gsize i = line->start; i <= line->end; i++)
    if (i == line->end || sc->text[i] == '\t')
      {
        cf_grid_builder_add_cell (&sc->grid, field_start, i);
        field_start = i + 1;
      }
}

static guint
row_value_count (CfGridBuilder *grid, const CfRawRow *row, gboolean *has_label)
{
  guint n = 0;

  *has_label = FALSE;
  for (guint i = 0; i < row->n_cells; i++)
    {
      CfRawKind kind = g_array_index (grid->cells, CfRawCell, row->first + i).kind;

      if (kind == CF_RAW_VALUE)
        n++;
      else if (kind == CF_RAW_LABEL && n == 0)
        *has_label = TRUE;
    }
  return n;
}

/* A page break can split a row: its last values land on a line of their
 * own. Joins a values-only row to the labelled row before it when together
 * they make up, but do not exceed, the table's width. */
static void
merge_continued_rows (CfGridBuilder *grid)
{
  g_autoptr (GArray) cells = g_array_sized_new (FALSE, FALSE, sizeof (CfRawCell), grid->cells->len);
  g_autoptr (GArray) rows = g_array_sized_new (FALSE, FALSE, sizeof (CfRawRow), grid->rows->len);
  guint count_of[CF_TEXT_MAX_COLUMNS + 1] = { 0 }, width = 0, prev_values = 0;
  gboolean prev_labelled = FALSE, merged_any = FALSE;

  for (guint r = 0; r < grid->rows->len; r++)
    {
      gboolean has_label;
      guint n = row_value_count (grid, &g_array_index (grid->rows, CfRawRow, r), &has_label);

      if (has_label && n > 0 && n <= CF_TEXT_MAX_COLUMNS)
        count_of[n]++;
    }
  for (guint c = CF_TEXT_MAX_COLUMNS; c > 0 && width == 0; c--)
    if (count_of[c] >= 2)
      width = c;
  if (width == 0)
    return;

  for (guint r = 0; r < grid->rows->len; r++)
    {
      const CfRawRow *row = &g_array_index (grid->rows, CfRawRow, r);
      const CfRawCell *first;
      gboolean has_label;
      guint n = row_value_count (grid, row, &has_label);

      if (row->n_cells == 0)
        continue;
      first = &g_array_index (grid->cells, CfRawCell, row->first);

      if (!has_label && n > 0 && prev_labelled && prev_values < width && prev_values + n <= width && rows->len > 0)
        {
          CfRawRow *prev = &g_array_index (rows, CfRawRow, rows->len - 1);

          /* Drop the blanks that ended the first part and began the second. */
          while (prev->n_cells > 0 &&
                 g_array_index (cells, CfRawCell, cells->len - 1).kind == CF_RAW_EMPTY)
            {
              g_array_set_size (cells, cells->len - 1);
              prev->n_cells--;
            }
          for (guint i = 0; i < row->n_cells; i++)
            if (first[i].kind != CF_RAW_EMPTY || prev->n_cells > 0)
              {
                if (first[i].kind == CF_RAW_EMPTY && i == 0)
                  continue;
                g_array_append_val (cells, first[i]);
                prev->n_cells++;
              }
          prev_values += n;
          merged_any = TRUE;
          continue;
        }

      {
        CfRawRow copy = { cells->len, row->n_cells, row->flags };

        g_array_append_vals (cells, first, row->n_cells);
        g_array_append_val (rows, copy);
      }
      prev_labelled = has_label && n > 0;
      prev_values = n;
    }

  if (merged_any)
    {
      g_array_set_size (grid->cells, 0);
      g_array_append_vals (grid->cells, cells->data, cells->len);
      g_array_set_size (grid->rows, 0);
      g_array_append_vals (grid->rows, rows->data, rows->len);
    }
}

/* Aligned layout: a value of a short row goes to the value column whose
 * centre (over the full rows) is nearest, when that is unambiguous. */
static void
assign_aligned_hints (CfGridBuilder *grid, GArray *columns)
{
  guint count_of[CF_TEXT_MAX_COLUMNS + 1] = { 0 }, width = 0;
  double centre[CF_TEXT_MAX_COLUMNS] = { 0 };
  guint n_full = 0;

  for (guint r = 0; r < grid->rows->len; r++)
    {
      gboolean has_label;
      guint n = row_value_count (grid, &g_array_index (grid->rows, CfRawRow, r), &has_label);

      if (n > 0 && n <= CF_TEXT_MAX_COLUMNS)
        count_of[n]++;
    }
  for (guint c = CF_TEXT_MAX_COLUMNS; c > 0 && width == 0; c--)
    if (count_of[c] >= 2)
      width = c;
  if (width < 2)
    return;

  /* Value cells of a row are its cells from the first value on. */
  for (guint r = 0; r < grid->rows->len; r++)
    {
      const CfRawRow *row = &g_array_index (grid->rows, CfRawRow, r);
      gboolean has_label;
      guint n = row_value_count (grid, row, &has_label), first_value = row->n_cells;

      if (n != width)
        continue;
      for (guint i = 0; i < row->n_cells; i++)
        if (g_array_index (grid->cells, CfRawCell, row->first + i).kind == CF_RAW_VALUE)
          {
            first_value = i;
            break;
          }
      if (row->n_cells - first_value != width)
        continue;
      for (guint v = 0; v < width; v++)
        {
          guint index = row->first + first_value + v;
          centre[v] += (g_array_index (columns, int, 2 * index) + g_array_index (columns, int, 2 * index + 1)) / 2.0;
        }
      n_full++;
    }
  if (n_full == 0)
    return;
  for (guint v = 0; v < width; v++)
    centre[v] /= n_full;

  for (guint r = 0; r < grid->rows->len; r++)
    {
      const CfRawRow *row = &g_array_index (grid->rows, CfRawRow, r);
      gboolean has_label;
      guint n = row_value_count (grid, row, &has_label), first_value = row->n_cells;

      if (n == 0 || n >= width)
        continue;
      for (guint i = 0; i < row->n_cells; i++)
        if (g_array_index (grid->cells, CfRawCell, row->first + i).kind == CF_RAW_VALUE)
          {
            first_value = i;
            break;
          }
      for (guint i = first_value; i < row->n_cells; i++)
        {
          CfRawCell *cell = &g_array_index (grid->cells, CfRawCell, row->first + i);
          guint index = row->first + i;
          double mid = (g_array_index (columns, int, 2 * index) + g_array_index (columns, int, 2 * index + 1)) / 2.0;
          double best = G_MAXDOUBLE, tolerance;
          int best_v = -1;

          for (guint v = 0; v < width; v++)
            if (ABS (mid - centre[v]) < best)
              {
                best = ABS (mid - centre[v]);
                best_v = (int) v;
              }
          /* Within half the gap to the neighbouring column. */
          tolerance = G_MAXDOUBLE;
          if (best_v > 0)
            tolerance = MIN (tolerance, (centre[best_v] - centre[best_v - 1]) / 2);
          if (best_v + 1 < (int) width)
            tolerance = MIN (tolerance, (centre[best_v + 1] - centre[best_v]) / 2);
          cell->hint = best < tolerance ? best_v : -1;
        }
    }
}

/* A short line "LABEL NUMBER" (one space apart): a row of an aligned
 * table whose columns sit close, as lynx prints them. */
static gboolean
is_label_and_number (const char *text, const Line *line)
{
  gsize last = line->tend;

  /* Fields two spaces apart would have made it an aligned line: this one
   * has a field too long for one. */
  if (cf_text_split_aligned (text, line->tstart, line->tend, 1, NULL, NULL) > 1)
    return FALSE;
  while (last > line->tstart && text[last - 1] != ' ')
    last--;
  if (last <= line->tstart || cf_text_classify_cell (text + last, line->tend - last) != CF_RAW_VALUE)
    return FALSE;
  return cf_text_classify_cell (text + line->tstart, last - 1 - line->tstart) == CF_RAW_LABEL;
}

typedef struct
{
  const char *text;
  gboolean    has_value;
} ValueCheck;

/* A field is (or ends with) a number: "13612", "13612 252", "…申请 202". */
static void
check_field_value (gpointer data, gsize start, gsize end)
{
  ValueCheck *check = data;
  gsize last = end;

  while (last > start && check->text[last - 1] != ' ')
    last--;
  if (last < end && cf_text_classify_cell (check->text + last, end - last) == CF_RAW_VALUE)
    check->has_value = TRUE;
}

static gboolean
line_has_value (const char *text, const Line *line)
{
  ValueCheck check = { text, FALSE };

  if (line->kind == LINE_TAB)
    {
      gsize field_start = line->start;

      for (gsize i = line->start; i <= line->end && !check.has_value; i++)
        if (i == line->end || text[i] == '\t')
          {
            gsize s = field_start, e = i;

            cf_text_trim (text, &s, &e);
            if (e > s && cf_text_classify_cell (text + s, e - s) == CF_RAW_VALUE)
              check.has_value = TRUE;
            field_start = i + 1;
          }
      return check.has_value;
    }
  if (line->kind != LINE_ALIGNED && line->kind != LINE_SHORT)
    return FALSE;
  cf_text_split_aligned (text, line->tstart, line->tend, MAX_FIELDS, check_field_value, &check);
  return check.has_value;
}

/* Where a wrapped label may go on: the label cell of the last data row,
 * and (aligned layout) the display columns it and the row's values start at. */
typedef struct
{
  gint  cell;        /* index in the builder's cells, or -1 */
  int   label_column;
  int   value_column;
} WrapTarget;

/* Most lines one label wraps over. */
#define MAX_WRAPPED_LINES 4

/* A short line after a data row that carries on its label: words without
 * an enumerator (which would start a row of their own) or a colon near the
 * start (注：, 单位：), under the label's column, followed by another data
 * row or further wrapped words. At the end of the run the words must be
 * indented, as a footnote rarely is. */
static gboolean
continues_label (Scanner *sc, const Line *line, LineKind kind, const WrapTarget *target, guint depth)
{
  const char *text = sc->text;
  gsize colon_limit = line->tstart;
  int column = 0;
  Line next;

  if (target->cell < 0 || depth > MAX_WRAPPED_LINES || line->kind != LINE_SHORT)
    return FALSE;
  if (cf_text_enumerator_level (text + line->tstart, line->tend - line->tstart) != 0 ||
      cf_text_classify_cell (text + line->tstart, line->tend - line->tstart) != CF_RAW_LABEL ||
      line_has_value (text, line))
    return FALSE;
  for (guint n = 0; n < 6 && colon_limit < line->tend; n++)
    colon_limit = g_utf8_next_char (text + colon_limit) - text;
  if (cf_text_has_bytes (text, line->tstart, colon_limit, "：") || cf_text_has_bytes (text, line->tstart, colon_limit, ":"))
    return FALSE;
  if (kind == LINE_ALIGNED)
    {
      column = display_column (text, line->start, line->tstart);
      if (column < target->label_column || column >= target->value_column)
        return FALSE;
    }

  if (line->next >= sc->len)
    return column > 0;
  cf_text_read_line (sc, line->next, &next);
  if (next.kind == kind || next.kind == LINE_ALIGNED || next.kind == LINE_TAB)
    return line_has_value (text, &next);
  if (next.kind == LINE_SHORT && is_label_and_number (text, &next))
    return TRUE;
  if (next.kind == LINE_SHORT && continues_label (sc, &next, kind, target, depth + 1))
    return TRUE;
  return column > 0 && (next.kind == LINE_BLANK || next.kind == LINE_PROSE);
}

/* The label cell of the row just added, when the row has values. */
static void
wrap_target_update (Scanner *sc, GArray *columns, WrapTarget *target)
{
  const CfRawRow *row = &g_array_index (sc->grid.rows, CfRawRow, sc->grid.rows->len - 1);
  gint label = -1;

  target->cell = -1;
  for (guint i = 0; i < row->n_cells; i++)
    {
      guint index = row->first + i;
      const CfRawCell *cell = &g_array_index (sc->grid.cells, CfRawCell, index);

      if (cell->kind == CF_RAW_LABEL)
        label = (gint) index;
      else if (cell->kind == CF_RAW_VALUE)
        {
          if (label < 0)
            return;
          target->cell = label;
          if (columns != NULL && columns->len >= 2 * (index + 1))
            {
              target->label_column = g_array_index (columns, int, 2 * label);
              target->value_column = g_array_index (columns, int, 2 * index);
            }
          return;
        }
    }
}

/* Tab rows all with the same number of fields may be a table dumped slot
 * by slot (spans expanded), their empty fields blank cells, not noise: the
 * grid builder checks the fields line up. */
static void
mark_regular_tab_rows (CfGridBuilder *grid)
{
  guint n_fields = 0;

  if (grid->rows->len < 3)
    return;
  for (guint r = 0; r < grid->rows->len; r++)
    {
      const CfRawRow *row = &g_array_index (grid->rows, CfRawRow, r);

      if (row->n_cells < 3 || (n_fields != 0 && row->n_cells != n_fields))
        return;
      n_fields = row->n_cells;
    }
  for (guint r = 0; r < grid->rows->len; r++)
    g_array_index (grid->rows, CfRawRow, r).flags |= CF_RAW_ROW_SLOTS;
}

static gboolean
last_row_has_value (Scanner *sc)
{
  gboolean has_label;

  return sc->grid.rows->len > 0 &&
         row_value_count (&sc->grid, &g_array_index (sc->grid.rows, CfRawRow, sc->grid.rows->len - 1),
                          &has_label) > 0;
}

/* A short line with a heading's enumerator (二、…) right between two rows
 * with values of an aligned run, no blank line on either side: a row whose
 * cells are all blank (a browser's text dump), not the heading of what
 * follows (a heading comes before a table's header, not its values). */
static gboolean
is_row_between_rows (Scanner *sc, const Line *line, gsize run_end, LineKind kind)
{
  Line next;

  if (kind != LINE_ALIGNED || line->start != run_end || line->next >= sc->len || !last_row_has_value (sc))
    return FALSE;
  cf_text_read_line (sc, line->next, &next);
  return next.kind == LINE_ALIGNED && line_has_value (sc->text, &next);
}

/* A browser prints the tables of a page one under the other, no blank line
 * between: a table whose rows are all blank ends in a short line (行政许可)
 * followed by the next table's section row (第二十条第（六）项) and header.
 * Two short lines right after the run's last line, then a header line. */
static gboolean
is_blank_row_over_section (Scanner *sc, const Line *line, const Line *next, gsize run_end, LineKind kind)
{
  Line after;

  if (kind != LINE_ALIGNED || line->kind != LINE_SHORT || line->start != run_end ||
      next->start != line->next || next->next >= sc->len ||
      cf_text_enumerator_level (sc->text + next->tstart, next->tend - next->tstart) == 1)
    return FALSE;
  cf_text_read_line (sc, next->next, &after);
  /* The next table's header: words, no number (a wrapped label of a PDF's
   * text ends on its row's numbers). */
  if (after.kind != kind || after.start != next->next)
    return FALSE;
  /* Or two rows of blanks, both padded with the spaces of their cells
   * (w3m), before a row with numbers. */
  return !line_has_value (sc->text, &after) || (line->end > line->tend + 1 && next->end > next->tend + 1);
}

/* A short line right after an aligned row, without a number, padded with
 * spaces out to about that row's width (in characters, lynx, or display
 * columns, w3m), then a blank line or the end. */
static gboolean
is_padded_last_row (Scanner *sc, const Line *line, gsize run_end, gsize last_row_start, LineKind kind)
{
  Line row, next;
  glong chars, row_chars;
  int width, row_width;

  if (kind != LINE_ALIGNED || line->kind != LINE_SHORT || line->start != run_end ||
      last_row_start == G_MAXSIZE || line->end < line->tend + 4 || line_has_value (sc->text, line))
    return FALSE;
  cf_text_read_line (sc, last_row_start, &row);
  if (row.next != line->start)
    return FALSE;
  if (line->next < sc->len)
    {
      cf_text_read_line (sc, line->next, &next);
      if (next.kind != LINE_BLANK)
        return FALSE;
    }
  chars = g_utf8_strlen (sc->text + line->start, (gssize) (line->end - line->start));
  row_chars = g_utf8_strlen (sc->text + row.start, (gssize) (row.end - row.start));
  width = display_column (sc->text, line->start, line->end);
  row_width = display_column (sc->text, row.start, row.end);
  return (chars + 4 >= row_chars && chars <= row_chars + 4) || (width + 4 >= row_width && width <= row_width + 4);
}

/* Tab and aligned runs: rows are lines of their kind; a blank line or two
 * (a page break) and a short line without separators (a section row) may sit
 * between them. A heading (三、...) ends the run. */
gsize
cf_text_parse_separated (Scanner *sc, gsize pos, LineKind kind)
{
  g_autofree char *title = cf_text_title_text (sc);
  g_autoptr (GArray) columns = g_array_new (FALSE, FALSE, sizeof (int));
  gsize end_pos = pos;
  guint n_lines = 0;
  WrapTarget wrap = { -1, 0, 0 };
  gsize last_row_start = G_MAXSIZE;
  Line line;

  while (pos < sc->len && n_lines < MAX_REGION_LINES)
    {
      cf_text_read_line (sc, pos, &line);
      if (line.kind == kind ||
          (kind == LINE_ALIGNED && line.kind == LINE_SHORT && is_label_and_number (sc->text, &line)))
        {
          if (kind == LINE_TAB)
            add_tab_row (sc, &line);
          else
            {
              AlignedRow row = { sc, columns, line.start };

              cf_grid_builder_begin_row (&sc->grid, CF_RAW_ROW_NONE);
              cf_text_split_aligned (sc->text, line.tstart, line.tend, MAX_FIELDS, aligned_add_field, &row);
              last_row_start = line.start;
            }
          wrap_target_update (sc, kind == LINE_ALIGNED ? columns : NULL, &wrap);
          n_lines++;
          pos = end_pos = line.next;
          continue;
        }
      if (continues_label (sc, &line, kind, &wrap, 0))
        {
          /* A label wrapped to the next line, without numbers: it joins its row. */
          cf_grid_builder_join_label (&sc->grid, (guint) wrap.cell, line.tstart, line.tend);
          n_lines++;
          pos = end_pos = line.next;
          continue;
        }
      /* A page break can fall between a row and the rest of its label. */
      if (!(line.kind == LINE_BLANK && line.start < sc->len && sc->text[line.start] == '\f'))
        wrap.cell = -1;
      if (line.kind == LINE_BLANK || line.kind == LINE_SHORT)
        {
          /* Look ahead past at most two blank lines for the run to go on. */
          gsize ahead = line.next;
          guint blanks = line.kind == LINE_BLANK ? 1 : 0;
          Line next;
          gboolean goes_on = FALSE;

          if (is_padded_last_row (sc, &line, end_pos, last_row_start, kind))
            {
              /* The table's last row, every cell blank (四、结转下年度继续办理
               * before the next heading): a browser pads it with the spaces
               * of its cells out to the table's width; a heading is not. */
              cf_grid_builder_begin_row (&sc->grid, CF_RAW_ROW_NONE);
              cf_grid_builder_add_cell (&sc->grid, line.tstart, line.tend);
              {
                int span[2] = { 0, 0 };
                g_array_append_vals (columns, span, 2);
              }
              n_lines++;
              pos = end_pos = line.next;
              break;
            }
          if (line.kind == LINE_SHORT &&
              cf_text_enumerator_level (sc->text + line.tstart, line.tend - line.tstart) == 1 &&
              !is_row_between_rows (sc, &line, end_pos, kind))
            break;
          while (ahead < sc->len && blanks <= 2)
            {
              cf_text_read_line (sc, ahead, &next);
              if (next.kind == kind
                  || (kind == LINE_ALIGNED && blanks >= 2 && next.kind == LINE_SHORT
                      && is_label_and_number (sc->text, &next)))
                {
                  goes_on = TRUE;
                  break;
                }
              if (next.kind == LINE_SHORT && line.kind == LINE_BLANK && next.next < sc->len)
                {
                  /* Past a page break: a section row or the rest of a
                   * wrapped label, then the rows go on. */
                  Line after;
                  guint after_blanks = 0;

                  /* LibreOffice sets rows two blank lines apart: the section
                   * row too. */
                  cf_text_read_line (sc, next.next, &after);
                  while (after.kind == LINE_BLANK && blanks >= 2 && after_blanks < 2
                         && after.next < sc->len)
                    {
                      cf_text_read_line (sc, after.next, &after);
                      after_blanks++;
                    }
                  goes_on = after.kind == kind
                            || (kind == LINE_ALIGNED && after_blanks >= 2 && after.kind == LINE_SHORT
                                && is_label_and_number (sc->text, &after));
                  break;
                }
              if (next.kind == LINE_SHORT && is_blank_row_over_section (sc, &line, &next, end_pos, kind))
                {
                  goes_on = TRUE;
                  break;
                }
              if (next.kind != LINE_BLANK)
                break;
              blanks++;
              ahead = next.next;
            }
          if (!goes_on)
            break;
          if (line.kind == LINE_SHORT)
            {
              cf_grid_builder_begin_row (&sc->grid, CF_RAW_ROW_NONE);
              cf_grid_builder_add_cell (&sc->grid, line.tstart, line.tend);
              if (kind == LINE_ALIGNED)
                {
                  int span[2] = { 0, 0 };
                  g_array_append_vals (columns, span, 2);
                }
            }
          pos = ahead;
          continue;
        }
      break;
    }

  if (kind == LINE_TAB)
    {
      merge_continued_rows (&sc->grid);
      mark_regular_tab_rows (&sc->grid);
      cf_text_commit (sc, "tab", title);
    }
  else
    {
      assign_aligned_hints (&sc->grid, columns);
      cf_text_dump_slots (&sc->grid);
      cf_text_commit (sc, "aligned", title);
    }
  return end_pos;
}
