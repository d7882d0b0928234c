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
#include "cf-text-scan.h"

/* Longest line (in characters) that can be one cell of the one-per-line layout. */
#define MAX_SHORT_CHARS 64
/* Longest field of an aligned row. */
#define MAX_ALIGNED_FIELD_CHARS 64
#define MAX_FIELD_BYTES 600

gboolean
cf_text_has_bytes (const char *text, gsize start, gsize end, const char *needle)
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

gboolean
cf_text_is_space_char_at (const char *text, gsize pos, gsize end, gsize *len)
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

guint
cf_text_split_aligned (const char *text, gsize start, gsize end, guint limit, FieldFunc func, gpointer data)
{
  gsize field_start = start, pos = start;
  guint n = 0;

  while (pos < end)
    {
      gsize len, run_end = pos, run = 0;

      if (!cf_text_is_space_char_at (text, pos, end, &len))
        {
          pos++;
          continue;
        }
      while (run_end < end && cf_text_is_space_char_at (text, run_end, end, &len))
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

  sentence = cf_text_has_bytes (text, line->tstart, line->tend, "。") ||
             cf_text_has_bytes (text, line->tstart, line->tend, "；");
  if (!sentence)
    {
      guint n_fields = cf_text_split_aligned (text, line->tstart, line->tend, MAX_FIELDS, NULL, NULL);

      if (n_fields >= 2 && n_fields <= MAX_FIELDS)
        {
          FieldCheck check = { text, FALSE };

          cf_text_split_aligned (text, line->tstart, line->tend, MAX_FIELDS, check_field_length, &check);
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
void
cf_text_read_line (Scanner *sc, gsize pos, Line *line)
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

char *
cf_text_title_text (Scanner *sc)
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

void
cf_text_set_title (Scanner *sc, const Line *line)
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

void
cf_text_commit (Scanner *sc, const char *layout, const char *title)
{
  sc->grid.layout = layout;
  cf_grid_builder_commit (&sc->grid, title);
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

      cf_text_read_line (sc, pos, &line);
      if (!sc->forced && line.next < sc->len && sc->text[line.next] == '|' &&
          cf_text_ruled_dump_is_top (sc->text, line.tstart, line.tend))
        {
          next = cf_text_parse_ruled_dump (sc, pos);
          cf_text_set_title (sc, NULL);
          pos = MAX (next, line.next);
          continue;
        }
      switch (line.kind)
        {
        case LINE_BOX_RULE:
          {
            /* A drawn grid is read by the drawing, whatever its lines
             * would read as one by one. */
            g_autofree char *title = cf_text_title_text (sc);

            next = cf_text_box_parse (&sc->grid, pos, sc->len, title);
            cf_text_set_title (sc, NULL);
          }
          break;
        case LINE_BLANK:
          next = line.next;
          break;
        case LINE_SHORT:
          next = cf_text_parse_lines (sc, pos);
          break;
        case LINE_PIPE_BAR:
          next = cf_text_parse_pipe (sc, pos);
          cf_text_set_title (sc, NULL);
          break;
        case LINE_MD_ROW:
        case LINE_MD_SEP:
          next = cf_text_parse_markdown (sc, pos);
          cf_text_set_title (sc, NULL);
          break;
        case LINE_TAB:
        case LINE_ALIGNED:
          next = cf_text_parse_separated (sc, pos, line.kind);
          cf_text_set_title (sc, NULL);
          break;
        case LINE_PIPE_CELL:
        case LINE_PROSE:
        default:
          next = line.next;
          cf_text_set_title (sc, NULL);
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

  cf_text_set_title (sc, NULL);
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
            cf_text_set_title (sc, &line);
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

      cf_text_read_line (&sc, pos, &line);
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
    g_autofree char *title = cf_text_title_text (&sc);

    cf_table_set_title (table, title);
  }
  cf_table_set_layout (table, "aligned");
  cf_table_set_range (table, range_start, range_end - range_start);
  cf_table_finish (table);
  return g_steal_pointer (&table);
}

