/* cf-text-raw-rows.c: small headed tables of text printed one row a line with single spaces
 *
 * See cf-text-raw-rows.h. Every line is split into words (runs without
 * blanks); its trailing words that read as values are its values, the
 * words before them its label.
 */
#include <string.h>

#include "cf-text-raw-rows.h"
#include "cf-text-tables-private.h"

/* A header names its label column and at most this many value columns. */
#define MAX_VALUE_COLUMNS 8
/* How far above the first header the section heading may sit. */
#define TITLE_LINES 3
/* Most rows without values a header may have before its first with values. */
#define MAX_LEAD 16

typedef struct
{
  gsize start, end;
} Span;

typedef struct
{
  gsize   start, end; /* the line without its newline */
  GArray *words;      /* of Span */
  guint   n_values;   /* trailing words that read as values */
  gboolean spaced;    /* words set apart by runs of blanks: their positions
                       * are columns, which the layouts that read positions
                       * (pdftotext -layout, browser dumps) place */
} RawLine;

typedef enum
{
  ROW_HEADER,
  ROW_BAND,
  ROW_DATA,
} RowKind;

typedef struct
{
  RowKind kind;
  guint   line;
  guint   values;   /* the line holding its values: its own, or the next
                     * when its label printed alone and its values below */
  guint   k;        /* value columns of its header */
  gboolean missing; /* its values are not read */
  gboolean blank;   /* it prints no value: every slot blank */
} Row;

static void
raw_line_clear (gpointer data)
{
  RawLine *line = data;

  g_clear_pointer (&line->words, g_array_unref);
}

static gsize
blank_at (const char *p, const char *end)
{
  if (*p == ' ' || *p == '\t' || *p == '\r' || *p == '\f')
    return 1;
  if (end - p >= 3 && memcmp (p, "\xe3\x80\x80", 3) == 0) /* U+3000 */
    return 3;
  if (end - p >= 2 && memcmp (p, "\xc2\xa0", 2) == 0) /* NBSP */
    return 2;
  return 0;
}

static void
split_line (const char *text, gsize start, gsize end, RawLine *line)
{
  const char *p = text + start, *stop = text + end;

  line->start = start;
  line->end = end;
  line->words = g_array_new (FALSE, FALSE, sizeof (Span));
  line->n_values = 0;
  line->spaced = FALSE;
  while (p < stop)
    {
      gsize len = blank_at (p, stop);
      Span w;

      if (len > 0)
        {
          const char *after = p + len;

          if (line->words->len > 0 && after < stop && blank_at (after, stop) > 0)
            line->spaced = TRUE;
          p += len;
          continue;
        }
      w.start = p - text;
      while (p < stop && blank_at (p, stop) == 0)
        p++;
      w.end = p - text;
      g_array_append_val (line->words, w);
    }
  for (guint i = line->words->len; i-- > 0;)
    {
      const Span *w = &g_array_index (line->words, Span, i);

      if (cf_text_classify_cell (text + w->start, w->end - w->start) != CF_RAW_VALUE)
        break;
      line->n_values++;
    }
}

static guint
n_label_words (const RawLine *line)
{
  return line->words->len - line->n_values;
}

static const Span *
word (const RawLine *line, guint i)
{
  return &g_array_index (line->words, Span, i);
}

/* The label of a line: its text from the first word to the last label word. */
static char *
label_text (const char *text, const RawLine *line)
{
  guint n = n_label_words (line);

  if (n == 0)
    return g_strdup ("");
  return g_strndup (text + word (line, 0)->start, word (line, n - 1)->end - word (line, 0)->start);
}

static gboolean
ends_prose (const char *text, const RawLine *line)
{
  static const char *const stops[] = { "。", "：", ":", "；" };
  const Span *last;

  if (line->words->len == 0)
    return FALSE;
  last = word (line, line->words->len - 1);
  for (guint i = 0; i < G_N_ELEMENTS (stops); i++)
    {
      gsize n = strlen (stops[i]);

      if (last->end - last->start >= n && memcmp (text + last->end - n, stops[i], n) == 0)
        return TRUE;
    }
  return FALSE;
}

/* A row of a table of @k value columns: a label, then at most @k values;
 * a lone word without values is a row printing none (or a label's first
 * line). Section headings (三、) and prose are none. */
static gboolean
is_row (const char *text, const RawLine *line, guint k)
{
  const Span *first;

  if (line->words->len == 0 || n_label_words (line) == 0 || line->n_values > k || line->spaced)
    return FALSE;
  if (line->n_values == 0 && line->words->len != 1)
    return FALSE;
  first = word (line, 0);
  if (cf_text_enumerator_level (text + first->start, first->end - first->start) == 1)
    return FALSE;
  return !ends_prose (text, line);
}

/* A header: two or more words, none a value, the first no section
 * enumerator; the lines after it are rows of its value columns, one at
 * least printing values. Its value columns go to *@k. */
static gboolean
is_header (const char *text, GArray *lines, guint i, guint *k)
{
  const RawLine *line = &g_array_index (lines, RawLine, i);
  guint n = line->words->len;

  if (n < 2 || n > MAX_VALUE_COLUMNS + 1 || line->n_values > 0 || line->spaced
      || ends_prose (text, line))
    return FALSE;
  for (guint w = 0; w < n; w++)
    if (cf_text_classify_cell (text + word (line, w)->start, word (line, w)->end - word (line, w)->start)
        != CF_RAW_LABEL)
      return FALSE;
  if (cf_text_enumerator_level (text + word (line, 0)->start, word (line, 0)->end - word (line, 0)->start)
      > 0)
    return FALSE;
  for (guint j = i + 1; j < lines->len && j <= i + MAX_LEAD; j++)
    {
      const RawLine *next = &g_array_index (lines, RawLine, j);

      /* The values of a label printed alone on the line above. */
      if (j > i + 1 && n_label_words (next) == 0 && next->n_values > 0 && next->n_values < n
          && g_array_index (lines, RawLine, j - 1).n_values == 0)
        {
          *k = n - 1;
          return TRUE;
        }
      if (!is_row (text, next, n - 1))
        return FALSE;
      if (next->n_values > 0)
        {
          *k = n - 1;
          return TRUE;
        }
    }
  return FALSE;
}

static void
add_cell (CfTable *table, const char *text, int row, int col, gint64 offset, gint64 length)
{
  cf_table_add_cell (table, row, col, 1, 1, text, offset, length);
}

static void
add_span_cell (CfTable *table, const char *text, const Span *w, int row, int col)
{
  g_autofree char *s = g_strndup (text + w->start, w->end - w->start);

  add_cell (table, s, row, col, w->start, w->end - w->start);
}

static void
add_missing (CfTable *table, int row, int col)
{
  CfCell *cell = cf_table_add_cell (table, row, col, 1, 1, "", -1, 0);

  cell->flags |= CF_CELL_FLAG_MISSING;
}

/* The rows' verdicts: which are read, blank or unread. */
static void
judge_rows (const char *text, GArray *lines, GArray *rows)
{
  guint longest = 0;

  /* Labels printed whole: rows with values right after a header or after
   * another row with values (a row after a lone label may be its end). */
  for (guint r = 1; r < rows->len; r++)
    {
      const Row *row = &g_array_index (rows, Row, r);
      const Row *prev = &g_array_index (rows, Row, r - 1);
      const RawLine *line = &g_array_index (lines, RawLine, row->line);
      g_autofree char *label = NULL;

      if (row->kind != ROW_DATA || row->values != row->line || line->n_values == 0)
        continue;
      if (prev->kind == ROW_DATA && g_array_index (lines, RawLine, prev->values).n_values == 0)
        continue;
      label = label_text (text, line);
      longest = MAX (longest, (guint) g_utf8_strlen (label, -1));
    }
  for (guint r = 0; r < rows->len; r++)
    {
      Row *row = &g_array_index (rows, Row, r);
      const RawLine *line = &g_array_index (lines, RawLine, row->line);
      const RawLine *values = &g_array_index (lines, RawLine, row->values);
      g_autofree char *label = NULL;

      if (row->kind != ROW_DATA)
        continue;
      if (values->n_values == row->k)
        continue;
      if (values->n_values > 0)
        {
          row->missing = TRUE;
          continue;
        }
      label = label_text (text, line);
      if (g_utf8_strlen (label, -1) <= (glong) longest)
        {
          row->blank = TRUE;
          continue;
        }
      /* Perhaps a wrapped label's first line: the row after it may be its
       * end, so neither is read. */
      row->missing = TRUE;
      if (r + 1 < rows->len && g_array_index (rows, Row, r + 1).kind == ROW_DATA)
        g_array_index (rows, Row, r + 1).missing = TRUE;
    }
}

static CfTable *
build_table (const char *text, GArray *lines, GArray *rows, const char *title)
{
  g_autoptr (CfTable) table = cf_table_new ();
  guint width = 0, n_read = 0;
  gsize range_start, range_end;

  for (guint r = 0; r < rows->len; r++)
    width = MAX (width, g_array_index (rows, Row, r).k);
  for (guint r = 0; r < rows->len; r++)
    {
      const Row *row = &g_array_index (rows, Row, r);
      const RawLine *line = &g_array_index (lines, RawLine, row->line);
      const RawLine *values = &g_array_index (lines, RawLine, row->values);
      guint n_label = n_label_words (line);
      guint first_value = n_label_words (values);
      g_autofree char *label = label_text (text, line);
      guint c = 1;

      if (row->kind == ROW_HEADER)
        {
          for (guint w = 0; w < line->words->len; w++)
            add_span_cell (table, text, word (line, w), r, w);
          c = line->words->len;
        }
      else
        {
          add_cell (table, label, r, 0, word (line, 0)->start,
                    n_label > 0 ? word (line, n_label - 1)->end - word (line, 0)->start : 0);
          if (row->kind == ROW_DATA)
            {
              for (; c <= row->k; c++)
                {
                  if (row->missing)
                    add_missing (table, r, c);
                  else if (row->blank)
                    add_cell (table, "", r, c, -1, 0);
                  else
                    {
                      add_span_cell (table, text, word (values, first_value + c - 1), r, c);
                      n_read++;
                    }
                }
            }
        }
      for (; c <= width; c++)
        add_cell (table, "", r, c, -1, 0);
    }
  if (n_read == 0)
    return NULL;
  if (title != NULL)
    cf_table_set_title (table, title);
  cf_table_set_layout (table, "aligned");
  range_start = g_array_index (lines, RawLine, g_array_index (rows, Row, 0).line).start;
  range_end = g_array_index (lines, RawLine, g_array_index (rows, Row, rows->len - 1).values).end;
  cf_table_set_range (table, range_start, range_end - range_start);
  cf_table_finish (table);
  return g_steal_pointer (&table);
}

/* The section heading (三、…) a little above line @i, or the line just
 * above it. */
static char *
title_above (const char *text, GArray *lines, guint i)
{
  for (guint up = 1; up <= TITLE_LINES && up <= i; up++)
    {
      const RawLine *line = &g_array_index (lines, RawLine, i - up);
      const Span *first;

      if (line->words->len == 0 || line->n_values > 0)
        continue;
      first = word (line, 0);
      if (cf_text_enumerator_level (text + first->start, first->end - first->start) == 1)
        return g_strstrip (g_strndup (text + line->start, line->end - line->start));
    }
  return NULL;
}

/* Whether a table read from separators (pipes, tabs, Markdown), which say
 * where the cells are, overlaps [@from, @to). */
static gboolean
delimited_over (CfReading *reading, gsize from, gsize to)
{
  GPtrArray *tables = cf_reading_get_tables (reading);

  for (guint t = 0; t < tables->len; t++)
    {
      CfTable *table = g_ptr_array_index (tables, t);
      const char *layout = cf_table_get_layout (table);
      gint64 offset, length;

      cf_table_get_range (table, &offset, &length);
      if (offset < 0 || (gsize) (offset + length) <= from || (gsize) offset >= to)
        continue;
      if (g_strcmp0 (layout, "pipe") == 0 || g_strcmp0 (layout, "tab") == 0
          || g_strcmp0 (layout, "markdown") == 0)
        return TRUE;
    }
  return FALSE;
}

/* Reads the run of headed tables from the header at @i; returns the line
 * after it. */
static guint
read_run (CfReading *reading, const char *text, GArray *lines, guint i, guint k)
{
  g_autoptr (GArray) rows = g_array_new (FALSE, TRUE, sizeof (Row));
  g_autoptr (CfTable) table = NULL;
  g_autofree char *title = title_above (text, lines, i);
  guint j = i;

  while (j < lines->len)
    {
      const RawLine *line = &g_array_index (lines, RawLine, j);
      Row row = { ROW_DATA, j, j, k, FALSE, FALSE };
      guint next_k = 0;

      if (is_header (text, lines, j, &next_k))
        {
          k = next_k;
          row.kind = ROW_HEADER;
          row.k = k;
        }
      else if (j + 1 < lines->len && line->words->len == 1 && line->n_values == 0
               && is_header (text, lines, j + 1, &next_k))
        row.kind = ROW_BAND;
      else if (!is_row (text, line, k))
        break;
      else if (line->n_values == 0 && j + 1 < lines->len)
        {
          const RawLine *below = &g_array_index (lines, RawLine, j + 1);

          /* A label alone, its values alone on the line below. */
          if (n_label_words (below) == 0 && below->n_values > 0 && below->n_values <= k)
            row.values = ++j;
        }
      g_array_append_val (rows, row);
      j++;
    }
  /* Lone lines closing the run are no rows of it unless they are short
   * enough to be labels; the band of a table that never came is none. */
  while (rows->len > 0 && g_array_index (rows, Row, rows->len - 1).kind != ROW_HEADER
         && g_array_index (lines, RawLine, g_array_index (rows, Row, rows->len - 1).values).n_values == 0)
    {
      judge_rows (text, lines, rows);
      if (g_array_index (rows, Row, rows->len - 1).blank)
        break;
      g_array_set_size (rows, rows->len - 1);
    }
  if (rows->len < 2)
    return MAX (j, i + 1);
  for (guint r = 0; r < rows->len; r++)
    {
      Row *row = &g_array_index (rows, Row, r);

      row->missing = row->blank = FALSE;
    }
  judge_rows (text, lines, rows);
  if (!delimited_over (reading, g_array_index (lines, RawLine, i).start,
                      g_array_index (lines, RawLine, j - 1).end))
    table = build_table (text, lines, rows, title);
  if (table != NULL)
    cf_reading_add_candidate (reading, table);
  return MAX (j, i + 1);
}

void
cf_text_raw_rows_find (CfReading *reading)
{
  g_autoptr (GArray) lines = g_array_new (FALSE, TRUE, sizeof (RawLine));
  const char *text;
  gsize len = 0, pos = 0;

  g_return_if_fail (CF_IS_READING (reading));

  text = cf_reading_get_text (reading, &len);
  if (text == NULL || len == 0)
    return;
  g_array_set_clear_func (lines, raw_line_clear);
  while (pos < len)
    {
      const char *nl = memchr (text + pos, '\n', len - pos);
      gsize end = nl ? (gsize) (nl - text) : len;
      RawLine line;

      split_line (text, pos, end, &line);
      /* A blank line ends a run: its rows are consecutive lines. */
      g_array_append_val (lines, line);
      pos = nl ? end + 1 : len;
      if (lines->len > 200000)
        return;
    }
  for (guint i = 0; i < lines->len;)
    {
      guint k = 0;

      if (is_header (text, lines, i, &k))
        i = read_run (reading, text, lines, i, k);
      else
        i++;
    }
}
