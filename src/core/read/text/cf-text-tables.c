/* cf-text-tables.c: finding the statistical tables in a plain-text report
 *
 * Reports saved as text keep their tables in one of a few shapes:
 *  - pipe remnants of an HTML table: a bare "|" starts a row, each cell is a
 *    line "TEXT |", an empty cell is a bare "|", and a row that has fewer
 *    cells than the table ends with a line of one "|" per slot it lacks;
 *  - tab-separated rows copied from a PDF;
 *  - one cell per line (or per blank-separated paragraph), no separators;
 *  - columns aligned with runs of spaces (pdftotext -layout);
 *  - Markdown tables.
 * The scan is one pass over the lines: each line gets a kind, and a run of
 * lines of one family is handed to that layout's parser, which turns it into
 * raw rows for the grid builder (cf-text-tables-grid.c). Parsers only look at
 * their own run (plus a couple of lines ahead), so the whole scan is linear.
 */
#include <string.h>

#include "cf-text-tables.h"
#include "cf-text-tables-private.h"

/* A run longer than this is not a report table; it is skipped unread. */
#define MAX_REGION_LINES 100000
/* Longest line (in characters) that can be one cell of the one-per-line layout. */
#define MAX_SHORT_CHARS 64
/* Longest field of an aligned row, and most fields of a tab or aligned row. */
#define MAX_ALIGNED_FIELD_CHARS 48
#define MAX_FIELDS 200
#define MAX_FIELD_BYTES 600

typedef enum
{
  LINE_BLANK,
  LINE_PROSE,
  LINE_SHORT,
  LINE_PIPE_BAR,   /* only "|" characters */
  LINE_PIPE_CELL,  /* "TEXT |" */
  LINE_MD_ROW,     /* "| a | b |" */
  LINE_MD_SEP,     /* "|---|:---:|" */
  LINE_TAB,
  LINE_ALIGNED,
  LINE_BOX_RULE,   /* "┌──┬──┐" or "+---+---+": a drawn grid starts */
} LineKind;

typedef struct
{
  gsize    start;   /* the line without its line break */
  gsize    end;
  gsize    next;    /* where the next line starts */
  gsize    tstart;  /* trimmed */
  gsize    tend;
  LineKind kind;
  guint    n_bars;
} Line;

typedef struct
{
  const char   *text;
  gsize         len;
  CfGridBuilder grid;
  /* The last line before the current run, when it can be a heading. */
  gssize        title_start;
  gsize         title_end;
  /* The last section heading (三、…情况) among the label lines just before
   * the run: it names the table over lines such as 单位：件, 申请人情况 or
   * 第二十条第（一）项 printed between it and the table. */
  gssize        heading_start;
  gsize         heading_end;
  /* Extraction from a selection with a layout named: every non-blank line
   * reads as @forced_kind (pipe and Markdown: those that can). */
  gboolean      forced;
  LineKind      forced_kind;
} Scanner;

static gboolean
has_bytes (const char *text, gsize start, gsize end, const char *needle)
{
  gsize n = strlen (needle);

  return end - start >= n && memmem (text + start, end - start, needle, n) != NULL;
}

/* Characters in [start, end), counting no further than @limit + 1. */
static gsize
count_chars (const char *text, gsize start, gsize end, gsize limit)
{
  gsize n = 0;

  for (gsize i = start; i < end && n <= limit; i++)
    if (((guchar) text[i] & 0xC0) != 0x80)
      n++;
  return n;
}

static gboolean
is_space_char_at (const char *text, gsize pos, gsize end, gsize *len)
{
  if (text[pos] == ' ')
    {
      *len = 1;
      return TRUE;
    }
  if (end - pos >= 3 && memcmp (text + pos, "\u3000", 3) == 0)
    {
      *len = 3;
      return TRUE;
    }
  if (end - pos >= 2 && memcmp (text + pos, "\u00a0", 2) == 0)
    {
      *len = 2;
      return TRUE;
    }
  return FALSE;
}

/* Splits [start, end) (trimmed) at runs of two or more spaces. Calls @func
 * (when not NULL) per field and returns the number of fields, stopping early
 * once it passes @limit. */
typedef void (*FieldFunc) (gpointer data, gsize start, gsize end);

static guint
split_aligned (const char *text, gsize start, gsize end, guint limit, FieldFunc func, gpointer data)
{
  gsize field_start = start, pos = start;
  guint n = 0;

  while (pos < end)
    {
      gsize len, run_end = pos, run = 0;

      if (!is_space_char_at (text, pos, end, &len))
        {
          pos++;
          continue;
        }
      while (run_end < end && is_space_char_at (text, run_end, end, &len))
        {
          run_end += len;
          run += (len == 3) ? 2 : 1; /* U+3000 is as wide as two spaces */
        }
      if (run >= 2)
        {
          if (func)
            func (data, field_start, pos);
          if (++n > limit)
            return n;
          field_start = run_end;
        }
      pos = run_end;
    }
  if (func)
    func (data, field_start, end);
  return n + 1;
}

typedef struct
{
  const char *text;
  gboolean    too_long;
} FieldCheck;

static void
check_field_length (gpointer data, gsize start, gsize end)
{
  FieldCheck *check = data;

  if (count_chars (check->text, start, end, MAX_ALIGNED_FIELD_CHARS) > MAX_ALIGNED_FIELD_CHARS)
    check->too_long = TRUE;
}

/* A line of only dashes, equals signs and spaces, four dashes or more. */
static gboolean
is_dash_rule (const char *text, gsize start, gsize end)
{
  guint n_dashes = 0;

  for (gsize i = start; i < end; i++)
    {
      if (text[i] == '-' || text[i] == '=')
        n_dashes++;
      else if (text[i] != ' ')
        return FALSE;
    }
  return n_dashes >= 4;
}

static void
classify_line (const char *text, Line *line)
{
  gsize s = line->start, e = line->end;
  gsize n_tabs = 0, longest_field = 0, field_start = s;
  gboolean all_bars = TRUE, sentence;

  line->tstart = s;
  line->tend = e;
  cf_text_trim (text, &line->tstart, &line->tend);
  line->n_bars = 0;
  if (line->tstart == line->tend)
    {
      line->kind = LINE_BLANK;
      return;
    }

  for (gsize i = s; i <= e; i++)
    if (i == e || text[i] == '\t')
      {
        longest_field = MAX (longest_field, i - field_start);
        field_start = i + 1;
        if (i < e)
          n_tabs++;
      }
  if (is_dash_rule (text, line->tstart, line->tend))
    {
      /* The rules of a pandoc or reStructuredText simple table ("---- ----")
       * or a separator ("=====") draw nothing a table needs: a blank line,
       * so the heading above still names the table below. */
      line->kind = LINE_BLANK;
      return;
    }
  if (cf_text_box_is_rule (text, line->tstart, line->tend))
    {
      line->kind = LINE_BOX_RULE;
      return;
    }
  if (n_tabs > 0)
    {
      line->kind = (n_tabs < MAX_FIELDS && longest_field <= MAX_FIELD_BYTES) ? LINE_TAB : LINE_PROSE;
      return;
    }

  for (gsize i = line->tstart; i < line->tend; i++)
    if (text[i] != '|')
      {
        all_bars = FALSE;
        break;
      }
  if (all_bars)
    {
      line->kind = LINE_PIPE_BAR;
      line->n_bars = (guint) (line->tend - line->tstart);
      return;
    }

  if (text[line->tstart] == '|' && text[line->tend - 1] == '|' && line->tend - line->tstart >= 2)
    {
      gboolean sep = TRUE, dash = FALSE;

      for (gsize i = line->tstart; i < line->tend; i++)
        {
          char c = text[i];
          if (c == '-')
            dash = TRUE;
          else if (c != '|' && c != ':' && c != ' ' && c != '\t')
            {
              sep = FALSE;
              break;
            }
        }
      line->kind = (sep && dash) ? LINE_MD_SEP : LINE_MD_ROW;
      return;
    }
  if (text[line->tend - 1] == '|')
    {
      line->kind = LINE_PIPE_CELL;
      return;
    }

  sentence = has_bytes (text, line->tstart, line->tend, "。") ||
             has_bytes (text, line->tstart, line->tend, "；");
  if (!sentence)
    {
      guint n_fields = split_aligned (text, line->tstart, line->tend, MAX_FIELDS, NULL, NULL);

      if (n_fields >= 2 && n_fields <= MAX_FIELDS)
        {
          FieldCheck check = { text, FALSE };

          split_aligned (text, line->tstart, line->tend, MAX_FIELDS, check_field_length, &check);
          if (!check.too_long)
            {
              line->kind = LINE_ALIGNED;
              return;
            }
        }
      if (count_chars (text, line->tstart, line->tend, MAX_SHORT_CHARS) <= MAX_SHORT_CHARS)
        {
          line->kind = LINE_SHORT;
          return;
        }
    }
  line->kind = LINE_PROSE;
}

/* The analyst named the layout: a line that would read as another kind is
 * taken as a row of it (a one-cell row when it has no separator). */
static void
force_kind (Scanner *sc, Line *line)
{
  const char *text = sc->text;
  gboolean opens = text[line->tstart] == '|', closes = text[line->tend - 1] == '|';

  switch (sc->forced_kind)
    {
    case LINE_PIPE_BAR:
      if (line->kind != LINE_PIPE_BAR)
        line->kind = closes ? LINE_PIPE_CELL : line->kind;
      break;
    case LINE_MD_ROW:
      if (line->kind != LINE_MD_SEP && opens)
        line->kind = LINE_MD_ROW;
      break;
    default:
      line->kind = sc->forced_kind;
      break;
    }
}

/* Reads the line starting at @pos; '\f' (a page break) also ends a line. */
static void
read_line (Scanner *sc, gsize pos, Line *line)
{
  gsize end = pos;

  while (end < sc->len && sc->text[end] != '\n' && sc->text[end] != '\f')
    end++;
  line->start = pos;
  line->next = end < sc->len ? end + 1 : sc->len;
  if (end > pos && sc->text[end - 1] == '\r')
    end--;
  line->end = end;
  classify_line (sc->text, line);
  if (sc->forced && line->kind != LINE_BLANK)
    force_kind (sc, line);
}

static char *
title_text (Scanner *sc)
{
  gsize start = (gsize) sc->title_start, end = sc->title_end;

  if (sc->title_start < 0)
    return NULL;
  if (sc->heading_start >= 0 && cf_text_enumerator_level (sc->text + start, end - start) == 0)
    {
      start = (gsize) sc->heading_start;
      end = sc->heading_end;
    }
  /* A Markdown heading's marks are not part of its words. */
  while (start < end && sc->text[start] == '#')
    start++;
  cf_text_trim (sc->text, &start, &end);
  return start < end ? g_strndup (sc->text + start, end - start) : NULL;
}

static void
set_title (Scanner *sc, const Line *line)
{
  if (line == NULL)
    {
      sc->title_start = -1;
      sc->heading_start = -1;
    }
  else
    {
      sc->title_start = (gssize) line->tstart;
      sc->title_end = line->tend;
      if (cf_text_enumerator_level (sc->text + line->tstart, line->tend - line->tstart) == 1)
        {
          sc->heading_start = (gssize) line->tstart;
          sc->heading_end = line->tend;
        }
    }
}

static void
commit (Scanner *sc, const char *layout, const char *title)
{
  sc->grid.layout = layout;
  cf_grid_builder_commit (&sc->grid, title);
}

/* ---- pipe remnants ------------------------------------------------------ */

typedef struct
{
  gsize    start;  /* cell text (without the "|"), or the bar line */
  gsize    end;
  guint    n_bars; /* 0 for a cell line */
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

static gsize
parse_pipe (Scanner *sc, gsize pos)
{
  g_autoptr (GArray) tokens = g_array_new (FALSE, FALSE, sizeof (PipeToken));
  g_autofree char *title = title_text (sc);
  const PipeToken *t;
  gboolean row_open = FALSE, in_row = FALSE;
  guint width, cells = 0, n;
  Line line;

  for (;;)
    {
      PipeToken token;

      if (pos >= sc->len)
        break;
      read_line (sc, pos, &line);
      if (line.kind == LINE_PIPE_BAR)
        token = (PipeToken) { line.tstart, line.tend, line.n_bars };
      else if (line.kind == LINE_PIPE_CELL)
        {
          gsize start = line.tstart, end = line.tend - 1;

          cf_text_trim (sc->text, &start, &end);
          token = (PipeToken) { start, end, 0 };
        }
      else
        break;
      if (tokens->len < MAX_REGION_LINES)
        g_array_append_val (tokens, token);
      pos = line.next;
    }

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

  commit (sc, "pipe", title);
  return pos;
}

/* ---- Markdown ----------------------------------------------------------- */

static gsize
parse_markdown (Scanner *sc, gsize pos)
{
  g_autofree char *title = title_text (sc);
  gboolean seen_separator = FALSE;
  guint n_lines = 0;
  Line line;

  while (pos < sc->len)
    {
      read_line (sc, pos, &line);
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

  commit (sc, "markdown", title);
  return pos;
}

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
      while (pos > start && is_space_char_at (text, pos - 1, end, &len))
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
  if (split_aligned (text, line->tstart, line->tend, 1, NULL, NULL) > 1)
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
  split_aligned (text, line->tstart, line->tend, MAX_FIELDS, check_field_value, &check);
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
  if (has_bytes (text, line->tstart, colon_limit, "：") || has_bytes (text, line->tstart, colon_limit, ":"))
    return FALSE;
  if (kind == LINE_ALIGNED)
    {
      column = display_column (text, line->start, line->tstart);
      if (column < target->label_column || column >= target->value_column)
        return FALSE;
    }

  if (line->next >= sc->len)
    return column > 0;
  read_line (sc, line->next, &next);
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

/* Tab and aligned runs: rows are lines of their kind; a blank line or two
 * (a page break) and a short line without separators (a section row) may sit
 * between them. A heading (三、...) ends the run. */
static gsize
parse_separated (Scanner *sc, gsize pos, LineKind kind)
{
  g_autofree char *title = title_text (sc);
  g_autoptr (GArray) columns = g_array_new (FALSE, FALSE, sizeof (int));
  gsize end_pos = pos;
  guint n_lines = 0;
  WrapTarget wrap = { -1, 0, 0 };
  Line line;

  while (pos < sc->len && n_lines < MAX_REGION_LINES)
    {
      read_line (sc, pos, &line);
      if (line.kind == kind ||
          (kind == LINE_ALIGNED && line.kind == LINE_SHORT && is_label_and_number (sc->text, &line)))
        {
          if (kind == LINE_TAB)
            add_tab_row (sc, &line);
          else
            {
              AlignedRow row = { sc, columns, line.start };

              cf_grid_builder_begin_row (&sc->grid, CF_RAW_ROW_NONE);
              split_aligned (sc->text, line.tstart, line.tend, MAX_FIELDS, aligned_add_field, &row);
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

          if (line.kind == LINE_SHORT &&
              cf_text_enumerator_level (sc->text + line.tstart, line.tend - line.tstart) == 1)
            break;
          while (ahead < sc->len && blanks <= 2)
            {
              read_line (sc, ahead, &next);
              if (next.kind == kind)
                {
                  goes_on = TRUE;
                  break;
                }
              if (next.kind == LINE_SHORT && line.kind == LINE_BLANK && next.next < sc->len)
                {
                  /* Past a page break: a section row or the rest of a
                   * wrapped label, then the rows go on. */
                  Line after;

                  read_line (sc, next.next, &after);
                  goes_on = after.kind == kind;
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
      commit (sc, "tab", title);
    }
  else
    {
      assign_aligned_hints (&sc->grid, columns);
      commit (sc, "aligned", title);
    }
  return end_pos;
}

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
      (has_bytes (text, cell->start, cell->end, "条") || has_bytes (text, cell->start, cell->end, "條")))
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
    commit (sc, "lines", title);
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
static gsize
parse_lines (Scanner *sc, gsize pos)
{
  g_autoptr (GArray) lines = g_array_new (FALSE, FALSE, sizeof (LineCell));
  g_autoptr (GArray) cells = NULL;
  g_autofree char *title = title_text (sc);
  guint n_paragraphs = 0, blank_run = 0;
  gboolean overflow = FALSE, by_paragraph;
  Line line;

  while (pos < sc->len)
    {
      read_line (sc, pos, &line);
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
        set_title (sc, &line);
      else
        set_title (sc, NULL);
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

/* ---- the scan ----------------------------------------------------------- */

/* Reads the lines from @pos to the scanner's end and commits every table. */
static void
scan (Scanner *sc, gsize pos)
{
  while (pos < sc->len)
    {
      Line line;
      gsize next;

      read_line (sc, pos, &line);
      switch (line.kind)
        {
        case LINE_BOX_RULE:
          {
            /* A drawn grid is read by the drawing, whatever its lines
             * would read as one by one. */
            g_autofree char *title = title_text (sc);

            next = cf_text_box_parse (&sc->grid, pos, sc->len, title);
            set_title (sc, NULL);
          }
          break;
        case LINE_BLANK:
          next = line.next;
          break;
        case LINE_SHORT:
          next = parse_lines (sc, pos);
          break;
        case LINE_PIPE_BAR:
          next = parse_pipe (sc, pos);
          set_title (sc, NULL);
          break;
        case LINE_MD_ROW:
        case LINE_MD_SEP:
          next = parse_markdown (sc, pos);
          set_title (sc, NULL);
          break;
        case LINE_TAB:
        case LINE_ALIGNED:
          next = parse_separated (sc, pos, line.kind);
          set_title (sc, NULL);
          break;
        case LINE_PIPE_CELL:
        case LINE_PROSE:
        default:
          next = line.next;
          set_title (sc, NULL);
          break;
        }
      pos = MAX (next, line.next);
    }
}

void
cf_text_tables_find (CfReading *reading)
{
  Scanner sc = { 0 };

  g_return_if_fail (CF_IS_READING (reading));

  sc.text = cf_reading_get_text (reading, &sc.len);
  if (sc.text == NULL || sc.len == 0)
    return;
  sc.title_start = -1;
  sc.heading_start = -1;
  cf_grid_builder_init (&sc.grid, sc.text, sc.len, reading, "text");
  scan (&sc, 0);
  cf_grid_builder_clear (&sc.grid);
}

/* ---- extraction from a selection ------------------------------------------ */

/* Narrows the selection to whole characters of the text: [*start, *end). */
static gboolean
clip_range (const char *text, gsize text_len, gint64 offset, gint64 length, gsize *start,
            gsize *end)
{
  gsize s, e;

  if (text == NULL || offset < 0 || length <= 0 || (guint64) offset >= text_len)
    return FALSE;
  s = (gsize) offset;
  e = (guint64) length > text_len - s ? text_len : s + (gsize) length;
  while (s < e && ((guchar) text[s] & 0xC0) == 0x80)
    s++;
  while (e > s && e < text_len && ((guchar) text[e] & 0xC0) == 0x80)
    e--;
  *start = s;
  *end = e;
  return s < e;
}

/* The heading of a selected table is the last non-blank line above it, when
 * that line is a short label (三、收到和处理政府信息公开申请情况). */
static void
set_title_before (Scanner *sc, gsize start)
{
  gsize line_end = start;

  set_title (sc, NULL);
  while (line_end > 0)
    {
      gsize line_start = line_end;
      Line line;

      /* Step back over the line break to the start of the previous line. */
      if (sc->text[line_start - 1] == '\n' || sc->text[line_start - 1] == '\f')
        line_start--;
      while (line_start > 0 && sc->text[line_start - 1] != '\n' && sc->text[line_start - 1] != '\f')
        line_start--;
      line.start = line_start;
      line.end = line_end;
      if (line.end > line.start && sc->text[line.end - 1] == '\n')
        line.end--;
      if (line.end > line.start && sc->text[line.end - 1] == '\r')
        line.end--;
      classify_line (sc->text, &line);
      if (line.kind != LINE_BLANK)
        {
          if (line.kind == LINE_SHORT &&
              cf_text_classify_cell (sc->text + line.tstart, line.tend - line.tstart) == CF_RAW_LABEL)
            set_title (sc, &line);
          return;
        }
      if (line_start == line_end)
        return;
      line_end = line_start;
    }
}

static gboolean
layout_kind (const char *layout_hint, LineKind *kind)
{
  static const struct
  {
    const char *name;
    LineKind    kind;
  } layouts[] = {
    { "tab", LINE_TAB },
    { "aligned", LINE_ALIGNED },
    { "lines", LINE_SHORT },
    { "pipe", LINE_PIPE_BAR },
    { "markdown", LINE_MD_ROW },
  };

  for (gsize i = 0; i < G_N_ELEMENTS (layouts); i++)
    if (g_strcmp0 (layout_hint, layouts[i].name) == 0)
      {
        *kind = layouts[i].kind;
        return TRUE;
      }
  return FALSE;
}

/* The biggest of the tables found: the one the analyst meant. Not in the
 * document, it has no id (the edit that adds it gives it one). */
static CfTable *
take_biggest (GPtrArray *tables)
{
  CfTable *best = NULL;

  for (guint i = 0; i < tables->len; i++)
    {
      CfTable *table = g_ptr_array_index (tables, i);

      if (best == NULL || cf_table_get_n_cells (table) > cf_table_get_n_cells (best))
        best = table;
    }
  if (best != NULL)
    cf_table_set_id (best, NULL);
  return best ? g_object_ref (best) : NULL;
}

CfTable *
cf_text_tables_extract_range (CfDocument *doc, gint64 offset, gint64 length,
                              const char *layout_hint)
{
  /* What the layouts find in the range; their notes are not kept. */
  g_autoptr (CfReading) found = cf_reading_new ();
  Scanner sc = { 0 };
  gsize text_len, start, end;

  g_return_val_if_fail (CF_IS_DOCUMENT (doc), NULL);

  sc.text = cf_document_get_text (doc, &text_len);
  if (!clip_range (sc.text, text_len, offset, length, &start, &end))
    return NULL;
  if (layout_hint != NULL && !layout_kind (layout_hint, &sc.forced_kind))
    {
      g_warning ("cf_text_tables_extract_range: unknown layout “%s”", layout_hint);
      return NULL;
    }
  sc.forced = layout_hint != NULL;
  /* The scan stops at the selection's end; offsets stay those of the text. */
  sc.len = end;
  set_title_before (&sc, start);
  cf_grid_builder_init (&sc.grid, sc.text, text_len, found, "text");
  scan (&sc, start);
  cf_grid_builder_clear (&sc.grid);
  return take_biggest (cf_reading_get_tables (found));
}

/* Display columns of a monospace view: a wide (CJK) character takes two. */
static int
char_width (gunichar c)
{
  return g_unichar_iswide (c) ? 2 : 1;
}

/* Adds the trimmed field [start, end) as cell (@row, @col), or nothing when blank. */
static CfCell *
add_field (CfTable *table, const char *text, int row, int col, gsize start, gsize end)
{
  g_autofree char *cell_text = NULL;

  cf_text_trim (text, &start, &end);
  if (start >= end)
    return NULL;
  cell_text = g_strndup (text + start, end - start);
  return cf_table_add_cell (table, row, col, 1, 1, cell_text, (gint64) start, (gint64) (end - start));
}

CfTable *
cf_text_tables_extract_columns (CfDocument *doc, gint64 offset, gint64 length,
                                const int *column_starts, guint n_columns)
{
  g_autoptr (CfTable) table = cf_table_new ();
  g_autofree gsize *bounds = NULL;
  Scanner sc = { 0 };
  gsize text_len, start, end, pos;
  gint64 range_start = G_MAXINT64, range_end = -1;
  int row = 0;

  g_return_val_if_fail (CF_IS_DOCUMENT (doc), NULL);
  g_return_val_if_fail (column_starts != NULL || n_columns == 0, NULL);
  g_return_val_if_fail (n_columns <= CF_TEXT_MAX_COLUMNS, NULL);

  sc.text = cf_document_get_text (doc, &text_len);
  if (n_columns == 0 || !clip_range (sc.text, text_len, offset, length, &start, &end))
    return NULL;
  for (guint i = 1; i < n_columns; i++)
    g_return_val_if_fail (column_starts[i] > column_starts[i - 1], NULL);
  sc.len = end;
  set_title_before (&sc, start);

  /* bounds[i] is where field i starts in the current line; bounds[n] its end. */
  bounds = g_new (gsize, n_columns + 1);
  for (pos = start; pos < end;)
    {
      Line line;
      gboolean has_value = FALSE;
      guint first = cf_table_get_n_cells (table);
      int column = 0;
      guint field = 1;

      read_line (&sc, pos, &line);
      pos = line.next;
      if (line.kind == LINE_BLANK)
        continue;

      /* Field i holds the characters whose display column is at or past
       * column_starts[i]; what lies left of the first start joins field 0. */
      bounds[0] = line.start;
      for (const char *p = sc.text + line.start; p < sc.text + line.end; p = g_utf8_next_char (p))
        {
          while (field < n_columns && column >= column_starts[field])
            bounds[field++] = (gsize) (p - sc.text);
          column += char_width (g_utf8_get_char (p));
        }
      while (field <= n_columns)
        bounds[field++] = line.end;

      for (guint i = 0; i < n_columns; i++)
        {
          CfCell *cell = add_field (table, sc.text, row, (int) i, bounds[i], bounds[i + 1]);

          if (cell == NULL)
            {
              /* A blank among the values is a printed blank slot. */
              if (has_value)
                cf_table_add_cell (table, row, (int) i, 1, 1, "", -1, 0);
              continue;
            }
          range_start = MIN (range_start, cell->offset);
          range_end = MAX (range_end, cell->offset + cell->length);
          if (cf_text_classify_cell (cell->text, strlen (cell->text)) == CF_RAW_VALUE)
            has_value = TRUE;
        }
      /* A row without numbers is a header row, as in the other layouts. */
      if (!has_value)
        for (guint i = first; i < cf_table_get_n_cells (table); i++)
          cf_table_get_cell_at (table, i)->flags |= CF_CELL_FLAG_HEADER;
      if (cf_table_get_n_cells (table) > first)
        row++;
    }

  if (row == 0)
    return NULL;
  {
    g_autofree char *title = title_text (&sc);

    cf_table_set_title (table, title);
  }
  cf_table_set_layout (table, "aligned");
  cf_table_set_range (table, range_start, range_end - range_start);
  cf_table_finish (table);
  return g_steal_pointer (&table);
}
