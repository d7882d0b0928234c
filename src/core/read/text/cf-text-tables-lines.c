/* cf-text-tables-lines.c: one cell per line (or per blank-separated paragraph) */
#include <string.h>

#include "cf-text-scan.h"

/* ---- one cell per line ---------------------------------------------------- */

typedef struct
{
  gsize     start;
  gsize     end;
  CfRawKind kind;
  int       level;           /* enumerator level of its label */
  gboolean  starts_paragraph;
} LineCell;

static gboolean
text_is (const char *text, gsize start, gsize end, const char *word)
{
  gsize n = strlen (word);

  return end - start == n && memcmp (text + start, word, n) == 0;
}

static gboolean
ends_with (const char *text, gsize start, gsize end, const char *word)
{
  gsize n = strlen (word);

  return end - start >= n && memcmp (text + end - n, word, n) == 0;
}

/* Words that name the total column, not a row: an appeals table's values
 * follow its header directly. */
static gboolean
is_total_column_word (const char *text, const LineCell *cell)
{
  static const char * const words[] = { "总计", "合计", "小计", "總計", "合計", "小計" };

  for (gsize i = 0; i < G_N_ELEMENTS (words); i++)
    if (text_is (text, cell->start, cell->end, words[i]))
      return TRUE;
  return FALSE;
}

/* A row of its own inside a header: 第二十条第（一）项, or a note in brackets. */
static gboolean
is_section_cell (const char *text, const LineCell *cell)
{
  if (cell->end - cell->start >= 3 && memcmp (text + cell->start, "第", 3) == 0 &&
      (cf_text_has_bytes (text, cell->start, cell->end, "条") || cf_text_has_bytes (text, cell->start, cell->end, "條")))
    return TRUE;
  return cell->level == 0 && (text[cell->start] == '(' ||
                              (cell->end - cell->start >= 3 && memcmp (text + cell->start, "（", 3) == 0));
}

static void
add_header_rows (Scanner *sc, const LineCell *cells, guint from, guint to)
{
  gboolean group_open = FALSE;

  for (guint i = from; i < to; i++)
    {
      if (is_section_cell (sc->text, &cells[i]))
        {
          cf_grid_builder_begin_row (&sc->grid, CF_RAW_ROW_HEADER);
          cf_grid_builder_add_cell (&sc->grid, cells[i].start, cells[i].end);
          group_open = FALSE;
          continue;
        }
      if (!group_open)
        {
          cf_grid_builder_begin_row (&sc->grid, CF_RAW_ROW_HEADER);
          group_open = TRUE;
        }
      cf_grid_builder_add_cell (&sc->grid, cells[i].start, cells[i].end);
    }
}

/* Short lines with a number here and there are a list, not a table: a
 * one-cell-per-line table needs two rows of numbers and four numbers, or a
 * header over one row of three or more. */
static void
commit_lines (Scanner *sc, const char *title, guint n_data_rows, guint n_values, guint widest_row)
{
  gboolean has_header = sc->grid.rows->len > n_data_rows;

  if ((n_data_rows >= 2 && n_values >= 4) || (has_header && widest_row >= 3))
    cf_text_commit (sc, "lines", title);
  cf_grid_builder_reset (&sc->grid);
}

static void
parse_line_cells (Scanner *sc, const LineCell *cells, guint n, char **title)
{
  gboolean open = FALSE;
  g_autofree char *table_title = NULL;
  guint i = 0, n_data_rows = 0, n_values = 0, widest_row = 0;

  while (i < n)
    {
      guint a = i, b, c, tail, heading = G_MAXUINT;

      while (i < n && cells[i].kind != CF_RAW_VALUE)
        i++;
      b = i;
      while (i < n && cells[i].kind == CF_RAW_VALUE)
        i++;
      c = i;
      if (b == c)
        break; /* labels with no numbers after them: past the table */
      if (c - b > CF_TEXT_MAX_COLUMNS)
        {
          /* A column of numbers, not a row of a report table. */
          if (open)
            commit_lines (sc, table_title, n_data_rows, n_values, widest_row);
          cf_grid_builder_reset (&sc->grid);
          n_data_rows = n_values = widest_row = 0;
          open = FALSE;
          continue;
        }

      /* The row's labels: the last label line, with the enumerated parents
       * printed before it (三、本年度办理结果 before （一）予以公开). */
      tail = b;
      if (a < b && !is_total_column_word (sc->text, &cells[b - 1]))
        {
          tail = b - 1;
          while (tail > a && cells[tail].level > 0 && cells[tail - 1].level > 0 &&
                 cells[tail - 1].level < cells[tail].level)
            tail--;
        }

      /* A section heading among the lines before them starts a new table. */
      for (guint h = a; h < tail; h++)
        if (cells[h].level == 1 &&
            (h + 1 < tail || ends_with (sc->text, cells[h].start, cells[h].end, "情况") ||
             ends_with (sc->text, cells[h].start, cells[h].end, "情況")))
          {
            heading = h;
            break;
          }
      if (heading != G_MAXUINT)
        {
          if (open)
            commit_lines (sc, table_title, n_data_rows, n_values, widest_row);
          cf_grid_builder_reset (&sc->grid);
          n_data_rows = n_values = widest_row = 0;
          g_free (table_title);
          table_title = g_strndup (sc->text + cells[heading].start, cells[heading].end - cells[heading].start);
          open = TRUE;
          add_header_rows (sc, cells, heading + 1, tail);
        }
      else
        {
          if (!open)
            {
              table_title = g_steal_pointer (title);
              open = TRUE;
            }
          add_header_rows (sc, cells, a, tail);
        }

      cf_grid_builder_begin_row (&sc->grid, CF_RAW_ROW_NONE);
      for (guint k = tail; k < c; k++)
        cf_grid_builder_add_cell (&sc->grid, cells[k].start, cells[k].end);
      n_data_rows++;
      n_values += c - b;
      widest_row = MAX (widest_row, c - b);
    }
  if (open)
    commit_lines (sc, table_title, n_data_rows, n_values, widest_row);
  cf_grid_builder_reset (&sc->grid);
}

/* A run of short lines and blank lines. Cells are blank-separated paragraphs
 * when most paragraphs are one line (a cell may wrap: "结果\n纠正"), else
 * single lines. */
gsize
cf_text_parse_lines (Scanner *sc, gsize pos)
{
  g_autoptr (GArray) lines = g_array_new (FALSE, FALSE, sizeof (LineCell));
  g_autoptr (GArray) cells = NULL;
  g_autofree char *title = cf_text_title_text (sc);
  guint n_paragraphs = 0, blank_run = 0;
  gboolean overflow = FALSE, by_paragraph;
  Line line;

  while (pos < sc->len)
    {
      cf_text_read_line (sc, pos, &line);
      if (line.kind == LINE_BLANK)
        {
          /* Empty cells of a one-per-line dump (LibreOffice) are blank lines
           * too: a row of them leaves a long run. */
          if (++blank_run > 8)
            break;
          pos = line.next;
          continue;
        }
      if (line.kind != LINE_SHORT)
        break;
      if (lines->len < MAX_REGION_LINES)
        {
          LineCell cell = { line.tstart, line.tend, CF_RAW_EMPTY, 0, blank_run > 0 || lines->len == 0 };

          g_array_append_val (lines, cell);
          if (cell.starts_paragraph)
            n_paragraphs++;
        }
      else
        overflow = TRUE;
      blank_run = 0;
      /* The last words before whatever follows may be its heading. */
      if (cf_text_classify_cell (sc->text + line.tstart, line.tend - line.tstart) == CF_RAW_LABEL)
        cf_text_set_title (sc, &line);
      else
        cf_text_set_title (sc, NULL);
      pos = line.next;
    }

  if (overflow || lines->len < 2)
    return pos;

  by_paragraph = n_paragraphs * 3 >= lines->len * 2;
  cells = g_array_sized_new (FALSE, FALSE, sizeof (LineCell), by_paragraph ? n_paragraphs : lines->len);
  for (guint i = 0; i < lines->len; i++)
    {
      const LineCell *l = &g_array_index (lines, LineCell, i);

      if (by_paragraph && !l->starts_paragraph && cells->len > 0)
        g_array_index (cells, LineCell, cells->len - 1).end = l->end;
      else
        g_array_append_val (cells, *l);
    }
  for (guint i = 0; i < cells->len; i++)
    {
      LineCell *cell = &g_array_index (cells, LineCell, i);

      cell->kind = cf_text_classify_cell (sc->text + cell->start, cell->end - cell->start);
      cell->level = cf_text_enumerator_level (sc->text + cell->start, cell->end - cell->start);
    }

  parse_line_cells (sc, (const LineCell *) (gpointer) cells->data, cells->len, &title);
  return pos;
}
