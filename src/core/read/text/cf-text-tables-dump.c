/* cf-text-tables-dump.c: web-page tables as browsers print them as text
 *
 * w3m and lynx (`-dump`) print each HTML table on a character grid: every
 * cell starts exactly where its column starts, headers included, so a cell
 * left blank (zeros printed blank) leaves only spaces at a known column.
 * w3m counts a CJK character two columns wide, lynx one. When every number
 * of a table block starts exactly where a header word starts (under one of
 * those two counts), the header words give the columns and a blank slot is
 * a blank cell the page printed, not a lost one: the rows are rewritten with
 * every slot (CF_RAW_ROW_EMPTIES_ARE_VALUES) and the grid builder lays them
 * out like a pipe dump. The decision uses only the block's own positions.
 * Text whose numbers are right-aligned or centred (pdftotext -layout) never
 * passes the test and is left as it was.
 */
#include <string.h>

#include "cf-text-tables-private.h"

typedef enum
{
  MEASURE_DISPLAY, /* w3m: CJK two columns */
  MEASURE_CHARS,   /* lynx: one column per character */
  N_MEASURES,
} Measure;

/* Most header words one block may have. */
#define MAX_ANCHORS CF_TEXT_MAX_COLUMNS

static int
width_of (const char *text, gsize from, gsize to, Measure m)
{
  int col = 0;

  for (const char *p = text + from; p < text + to; p = g_utf8_next_char (p))
    col += (m == MEASURE_DISPLAY && g_unichar_iswide (g_utf8_get_char (p))) ? 2 : 1;
  return col;
}

static gsize
line_start_of (const char *text, gsize offset)
{
  while (offset > 0 && text[offset - 1] != '\n' && text[offset - 1] != '\r' && text[offset - 1] != '\f')
    offset--;
  return offset;
}

static int
column_of (const char *text, gsize offset, Measure m)
{
  return width_of (text, line_start_of (text, offset), offset, m);
}

static const CfRawCell *
row_cell (CfGridBuilder *grid, const CfRawRow *row, guint i)
{
  return &g_array_index (grid->cells, CfRawCell, row->first + i);
}

static gboolean
row_has_value (CfGridBuilder *grid, const CfRawRow *row)
{
  for (guint i = 0; i < row->n_cells; i++)
    if (row_cell (grid, row, i)->kind == CF_RAW_VALUE)
      return TRUE;
  return FALSE;
}

/* Calls @func on each word of @cell (words are set apart by single spaces)
 * with its byte range; stops when @func returns FALSE. */
typedef gboolean (*WordFunc) (gsize start, gsize end, gpointer data);

static void
for_each_word (const char *text, const CfRawCell *cell, WordFunc func, gpointer data)
{
  gsize pos, end;

  if (cell->offset < 0 || cell->joined >= 0)
    return;
  pos = (gsize) cell->offset;
  end = pos + (gsize) cell->length;
  while (pos < end)
    {
      gsize word_end = pos;

      while (word_end < end && text[word_end] != ' ')
        word_end++;
      if (word_end > pos && !func (pos, word_end, data))
        return;
      pos = word_end;
      while (pos < end && text[pos] == ' ')
        pos++;
    }
}

typedef struct
{
  const char *text;
  Measure     m;
  int         boundary;
  int         anchors[MAX_ANCHORS];
  guint       n_anchors;
  gboolean    overflow;
  guint       header_start; /* the header rows the columns come from: from here to the body */
} Anchors;

static gboolean
add_anchor_word (gsize start, gsize end, gpointer data)
{
  Anchors *a = data;
  int col = column_of (a->text, start, a->m);
  guint i;

  (void) end;
  if (col < a->boundary)
    return TRUE;
  for (i = 0; i < a->n_anchors && a->anchors[i] < col; i++)
    ;
  if (i < a->n_anchors && a->anchors[i] == col)
    return TRUE;
  if (a->n_anchors == MAX_ANCHORS)
    {
      a->overflow = TRUE;
      return FALSE;
    }
  memmove (a->anchors + i + 1, a->anchors + i, (a->n_anchors - i) * sizeof (int));
  a->anchors[i] = col;
  a->n_anchors++;
  return TRUE;
}

static int
anchor_index (const Anchors *a, int col)
{
  for (guint i = 0; i < a->n_anchors; i++)
    if (a->anchors[i] == col)
      return (int) i;
  return -1;
}

/* The index of the first value cell of @row, or n_cells. */
static guint
first_value_of (CfGridBuilder *grid, const CfRawRow *row)
{
  for (guint i = 0; i < row->n_cells; i++)
    if (row_cell (grid, row, i)->kind == CF_RAW_VALUE)
      return i;
  return row->n_cells;
}

static gboolean has_word_past (CfGridBuilder *grid, const CfRawRow *row, int boundary, Measure m);

/* The block [h0, b1): header rows [h0, b0) over body rows [b0, b1). Fills
 * @a with the header words right of the labels when every value of the body
 * starts on one of them under measure @a->m. */
static gboolean
block_is_exact (CfGridBuilder *grid, guint h0, guint b0, guint b1, Anchors *a)
{
  guint n_values = 0;

  /* The labels end before the first value column. */
  a->boundary = 0;
  for (guint r = b0; r < b1; r++)
    {
      const CfRawRow *row = &g_array_index (grid->rows, CfRawRow, r);
      guint first = first_value_of (grid, row);

      for (guint i = 0; i < first; i++)
        {
          const CfRawCell *cell = row_cell (grid, row, i);

          if (cell->offset >= 0)
            a->boundary = MAX (a->boundary,
                               column_of (grid->text, (gsize) cell->offset, a->m)
                               + width_of (grid->text, (gsize) cell->offset,
                                           (gsize) (cell->offset + cell->length), a->m) + 1);
        }
    }
  a->n_anchors = 0;
  a->overflow = FALSE;
  /* The header of this body: the rows with words over the columns after
   * the last row without (a section row, or the rows of a table above
   * whose cells are all blank). */
  {
    gint last_header = -1;

    for (guint r = h0; r < b0; r++)
      if (has_word_past (grid, &g_array_index (grid->rows, CfRawRow, r), a->boundary, a->m))
        last_header = (gint) r;
    if (last_header < 0)
      return FALSE;
    a->header_start = h0;
    for (guint r = h0; r < (guint) last_header; r++)
      if (!has_word_past (grid, &g_array_index (grid->rows, CfRawRow, r), a->boundary, a->m))
        a->header_start = r + 1;
  }
  for (guint r = a->header_start; r < b0; r++)
    {
      const CfRawRow *row = &g_array_index (grid->rows, CfRawRow, r);

      for (guint i = 0; i < row->n_cells; i++)
        for_each_word (grid->text, row_cell (grid, row, i), add_anchor_word, a);
    }
  if (a->overflow || a->n_anchors < 1)
    return FALSE;

  for (guint r = b0; r < b1; r++)
    {
      const CfRawRow *row = &g_array_index (grid->rows, CfRawRow, r);
      int last = -1;

      for (guint i = first_value_of (grid, row); i < row->n_cells; i++)
        {
          const CfRawCell *cell = row_cell (grid, row, i);
          int slot;

          if (cell->kind == CF_RAW_EMPTY)
            continue;
          if (cell->offset < 0 || cell->joined >= 0)
            return FALSE;
          slot = anchor_index (a, column_of (grid->text, (gsize) cell->offset, a->m));
          if (slot <= last)
            return FALSE;
          last = slot;
          n_values++;
        }
    }
  return n_values > 0;
}

/* A header row of a block: words right of the labels. */
static gboolean
has_word_past (CfGridBuilder *grid, const CfRawRow *row, int boundary, Measure m)
{
  for (guint i = 0; i < row->n_cells; i++)
    {
      const CfRawCell *cell = row_cell (grid, row, i);

      if (cell->offset >= 0 && column_of (grid->text, (gsize) cell->offset, m) >= boundary)
        return TRUE;
    }
  return FALSE;
}

/* Whether a row of [@from, @to) has words right of the labels. */
static gboolean
has_words_before (CfGridBuilder *grid, guint from, guint to, int boundary, Measure m)
{
  for (guint r = from; r < to; r++)
    if (has_word_past (grid, &g_array_index (grid->rows, CfRawRow, r), boundary, m))
      return TRUE;
  return FALSE;
}

static void
append_cell (GArray *cells, CfRawRow *row, const CfRawCell *cell)
{
  g_array_append_val (cells, *cell);
  row->n_cells++;
}

typedef struct
{
  CfGridBuilder *grid;
  const Anchors *a;
  GArray        *cells;
  CfRawRow      *row;
  gssize         open;  /* start of the word run being built, or -1 */
  gsize          open_end;
} HeaderSplit;

static void
header_flush (HeaderSplit *s)
{
  CfRawCell cell = { -1, 0, CF_RAW_EMPTY, -1, -1 };

  if (s->open < 0)
    return;
  cell.offset = s->open;
  cell.length = (gint64) (s->open_end - (gsize) s->open);
  cell.kind = CF_RAW_LABEL;
  append_cell (s->cells, s->row, &cell);
  s->open = -1;
}

/* Header words: a word starting on a column starts a cell of its own. */
static gboolean
header_word (gsize start, gsize end, gpointer data)
{
  HeaderSplit *s = data;

  if (s->open >= 0 && anchor_index (s->a, column_of (s->grid->text, start, s->a->m)) >= 0)
    header_flush (s);
  if (s->open < 0)
    s->open = (gssize) start;
  s->open_end = end;
  return TRUE;
}

static void
rewrite_header (CfGridBuilder *grid, const CfRawRow *row, const Anchors *a, GArray *cells, CfRawRow *out)
{
  for (guint i = 0; i < row->n_cells; i++)
    {
      const CfRawCell *cell = row_cell (grid, row, i);
      HeaderSplit s = { grid, a, cells, out, -1, 0 };

      if (cell->kind != CF_RAW_LABEL || cell->joined >= 0)
        {
          append_cell (cells, out, cell);
          continue;
        }
      for_each_word (grid->text, cell, header_word, &s);
      header_flush (&s);
    }
}

/* A body row: its labels, then one cell per column, blanks included. */
static void
rewrite_body (CfGridBuilder *grid, const CfRawRow *row, const Anchors *a, GArray *cells, CfRawRow *out)
{
  guint first = first_value_of (grid, row), next = first;
  CfRawCell blank = { -1, 0, CF_RAW_EMPTY, -1, -1 };

  for (guint i = 0; i < first; i++)
    if (row_cell (grid, row, i)->kind != CF_RAW_EMPTY)
      append_cell (cells, out, row_cell (grid, row, i));
  for (guint slot = 0; slot < a->n_anchors; slot++)
    {
      const CfRawCell *cell = NULL;

      while (next < row->n_cells && row_cell (grid, row, next)->kind == CF_RAW_EMPTY)
        next++;
      if (next < row->n_cells &&
          column_of (grid->text, (gsize) row_cell (grid, row, next)->offset, a->m) == a->anchors[slot])
        cell = row_cell (grid, row, next++);
      append_cell (cells, out, cell != NULL ? cell : &blank);
    }
  out->flags |= CF_RAW_ROW_EMPTIES_ARE_VALUES;
  if (first == row->n_cells)
    out->flags |= CF_RAW_ROW_BLANK_DATA;
}

/* The columns a header row names: its words right of the labels. */
static guint
count_words_past (CfGridBuilder *grid, const CfRawRow *row, int boundary, Measure m)
{
  Anchors words = { grid->text, m, boundary, { 0 }, 0, FALSE, 0 };

  for (guint i = 0; i < row->n_cells; i++)
    for_each_word (grid->text, row_cell (grid, row, i), add_anchor_word, &words);
  return words.overflow ? 0 : words.n_anchors;
}

/* A row of labels and @slots blank cells. */
static void
rewrite_blank_row (CfGridBuilder *grid, const CfRawRow *row, guint slots, GArray *cells, CfRawRow *out)
{
  CfRawCell blank = { -1, 0, CF_RAW_EMPTY, -1, -1 };

  for (guint i = 0; i < row->n_cells; i++)
    if (row_cell (grid, row, i)->kind != CF_RAW_EMPTY)
      append_cell (cells, out, row_cell (grid, row, i));
  for (guint slot = 0; slot < slots; slot++)
    append_cell (cells, out, &blank);
  out->flags |= CF_RAW_ROW_EMPTIES_ARE_VALUES | CF_RAW_ROW_BLANK_DATA;
}

gboolean
cf_text_dump_slots (CfGridBuilder *grid)
{
  g_autoptr (GArray) cells = g_array_sized_new (FALSE, FALSE, sizeof (CfRawCell), grid->cells->len);
  g_autoptr (GArray) rows = g_array_sized_new (FALSE, FALSE, sizeof (CfRawRow), grid->rows->len);
  guint n = grid->rows->len, r = 0;
  gboolean changed = FALSE;

  while (r < n)
    {
      guint h0 = r, b0, b1;
      Anchors a = { grid->text, MEASURE_DISPLAY, 0, { 0 }, 0, FALSE, 0 };
      gboolean exact = FALSE;

      while (r < n && !row_has_value (grid, &g_array_index (grid->rows, CfRawRow, r)))
        r++;
      b0 = r;
      while (r < n && row_has_value (grid, &g_array_index (grid->rows, CfRawRow, r)))
        r++;
      b1 = r;
      if (b1 > b0 && b0 > h0)
        for (Measure m = MEASURE_DISPLAY; m < N_MEASURES && !exact; m++)
          {
            a.m = m;
            exact = block_is_exact (grid, h0, b0, b1, &a);
          }
      /* Rows of labels only after the body are rows of blanks, up to the
       * next header (a section row followed by words over the columns). */
      /* Rows of labels only right under the header words are rows of
       * blanks too (行政许可 with every cell blank). */
      if (exact)
        {
          guint start = b0;

          while (start - 1 > h0 && !has_word_past (grid, &g_array_index (grid->rows, CfRawRow, start - 1), a.boundary, a.m))
            start--;
          if (start < b0 && has_words_before (grid, h0, start, a.boundary, a.m) &&
              block_is_exact (grid, h0, start, b1, &a))
            b0 = start;
          else
            block_is_exact (grid, h0, b0, b1, &a);
        }
      if (exact)
        {
          guint body_end = b1;
          /* A header row has words over the value columns; the labels of
           * rows further down may run further right than those of the body
           * so far (3.要求提供公开出版物 under 一、本年新收…), never onto
           * the first value column. */
          int header_col = MAX (a.boundary, a.anchors[0]);

          while (b1 < n)
          {
            const CfRawRow *row = &g_array_index (grid->rows, CfRawRow, b1);
            const CfRawRow *next = b1 + 1 < n ? &g_array_index (grid->rows, CfRawRow, b1 + 1) : NULL;

            if (row_has_value (grid, row) || row->n_cells == 0 ||
                has_word_past (grid, row, header_col, a.m) ||
                (next != NULL && !row_has_value (grid, next) && has_word_past (grid, next, header_col, a.m)))
              break;
            b1++;
            /* Values again: the body goes on. */
            while (b1 < n && row_has_value (grid, &g_array_index (grid->rows, CfRawRow, b1)))
              b1++;
          }
          /* Values past the blank rows must sit on the same columns. */
          if (b1 > body_end && !block_is_exact (grid, h0, b0, b1, &a))
            {
              b1 = body_end;
              block_is_exact (grid, h0, b0, b1, &a);
            }
        }
      r = MAX (b1, h0 + 1);

      for (guint i = h0; i < r; i++)
        {
          const CfRawRow *row = &g_array_index (grid->rows, CfRawRow, i);
          CfRawRow copy = { cells->len, 0, row->flags };

          if (exact && i < a.header_start)
            {
              /* Above this body's header: a row of labels right under
               * another header is a row of that table's blank cells. */
              const CfRawRow *above = i > h0 ? &g_array_index (grid->rows, CfRawRow, i - 1) : NULL;
              guint slots = above != NULL && !has_word_past (grid, row, a.boundary, a.m)
                            ? count_words_past (grid, above, a.boundary, a.m) : 0;

              const CfRawRow *below = i + 1 < a.header_start ? &g_array_index (grid->rows, CfRawRow, i + 1) : NULL;
              Anchors words = { grid->text, a.m, a.boundary, { 0 }, 0, FALSE, 0 };

              if (slots > 0 && row->n_cells > 0)
                rewrite_blank_row (grid, row, slots, cells, &copy);
              else if (below != NULL && below->n_cells > 0 && !row_has_value (grid, row) &&
                       !has_word_past (grid, below, a.boundary, a.m) &&
                       (words.n_anchors = count_words_past (grid, row, a.boundary, a.m)) > 0)
                {
                  /* The header over that row of blanks: one cell per column
                   * word, as the header of a body is split. */
                  words.n_anchors = 0;
                  for (guint k = 0; k < row->n_cells; k++)
                    for_each_word (grid->text, row_cell (grid, row, k), add_anchor_word, &words);
                  rewrite_header (grid, row, &words, cells, &copy);
                }
              else
                {
                  g_array_append_vals (cells, row_cell (grid, row, 0), row->n_cells);
                  copy.n_cells = row->n_cells;
                }
            }
          else if (exact && i < b0)
            rewrite_header (grid, row, &a, cells, &copy);
          else if (exact)
            rewrite_body (grid, row, &a, cells, &copy);
          else
            {
              g_array_append_vals (cells, row_cell (grid, row, 0), row->n_cells);
              copy.n_cells = row->n_cells;
            }
          g_array_append_val (rows, copy);
        }
      changed |= exact;
    }

  if (changed)
    {
      g_array_set_size (grid->cells, 0);
      g_array_append_vals (grid->cells, cells->data, cells->len);
      g_array_set_size (grid->rows, 0);
      g_array_append_vals (grid->rows, rows->data, rows->len);
    }
  return changed;
}
