/* cf-text-layout-table.c: the table of the rows the layout-rows reader rebuilt
 *
 * See cf-text-layout-table.h.
 */
#include <string.h>

#include "cf-text-layout-table.h"
#include "cf-text-tables-private.h"

/* How far (in characters) a number may sit from its column's position. */
#define MAX_DRIFT     2
/* How far right of a packed column's position (a full row printing it one
 * space after the figure before) its figures may stand in a short row. */
#define MAX_PACKED_PUSH 4
/* A full row packs its figures only when it has room to spare elsewhere:
 * a gap of at least this many spaces. */
#define MIN_WIDE_GAP 4
/* How far right of its column the first figure of a row printed beside its
 * label text may stand (pdftotext pushes it 3-5 characters). */
#define MAX_FIRST_PUSH 4
/* Fewer value columns: a list the other layouts read well (and prose). */


static int
compare_int (gconstpointer a, gconstpointer b)
{
  return *(const int *) a - *(const int *) b;
}

static gboolean beside_wide_text (const Label *label);

/* Column positions of the rows of @page printing all @width values (their
 * median per column), of those printed beside their label text (@beside)
 * or of the others; FALSE when no such row is on the page. @packed[c]: a
 * full row printed column c one space after the figure before, so its
 * position may stand left of where a short row prints it (pdftotext packs a
 * full row tight where it has room to spare elsewhere); all FALSE when
 * every column is (the whole row packed) or no gap is MIN_WIDE_GAP wide. */
static gboolean
page_columns (GArray *labels, int page, guint width, gboolean beside, int *cols, gboolean *packed)
{
  g_autoptr (GArray) starts = g_array_new (FALSE, FALSE, sizeof (int));
  guint n_packed = 0;
  int widest_gap = 0;

  for (guint c = 0; c < width; c++)
    {
      packed[c] = FALSE;
      g_array_set_size (starts, 0);
      for (guint i = 0; i < labels->len; i++)
        {
          const Label *label = &g_array_index (labels, Label, i);
          const Word *w;

          if (label->page != page || label->values->len != width || label->n_value_lines != 1
              || label->uncertain || beside_wide_text (label) != beside)
            continue;
          w = &g_array_index (label->values, Word, c);
          g_array_append_val (starts, w->col);
          if (c > 0)
            {
              const Word *before = &g_array_index (label->values, Word, c - 1);
              int gap = w->col - (before->col + (int) (before->end - before->start));

              if (gap <= 1)
                packed[c] = TRUE;
              widest_gap = MAX (widest_gap, gap);
            }
        }
      if (starts->len == 0)
        return FALSE;
      g_array_sort (starts, compare_int);
      cols[c] = g_array_index (starts, int, starts->len / 2);
      n_packed += packed[c];
    }
  if ((width > 1 && n_packed == width - 1) || widest_gap < MIN_WIDE_GAP)
    memset (packed, 0, width * sizeof *packed);
  return TRUE;
}

/* How many ways (1, or 2: two or more) the values of @label from the
 * @i-th on go to columns after @last: each to the column @slot found for
 * it or to a packed column within its reach. */
static guint
count_placements (const Label *label, const int *cols, const gboolean *packed, guint width,
                  const int *slot, guint i, int last)
{
  guint n = 0;
  int col;

  if (i == label->values->len)
    return 1;
  col = g_array_index (label->values, Word, i).col;
  for (guint c = last + 1; c < width && n < 2; c++)
    if (c == (guint) slot[i]
        || (packed[c] && col >= cols[c] - MAX_DRIFT && col <= cols[c] + MAX_PACKED_PUSH)
        || (i == 0 && beside_wide_text (label) && col >= cols[c] - MAX_DRIFT
            && col <= cols[c] + MAX_FIRST_PUSH))
      n += count_placements (label, cols, packed, width, slot, i + 1, c);
  return MIN (n, 2);
}

/* The column of each value of a short row by its position, or FALSE when a
 * value is not clearly on one column (too far, between two, or out of
 * order), when its last figure is not on the last column (the row's figures
 * stand off the full rows' columns), or when its figures could stand on
 * another set of columns as well (a packed column's figures may stand up to
 * MAX_PACKED_PUSH right of it). */
static gboolean
place_short_row (const Label *label, const int *cols, const gboolean *packed, guint width, int *slot)
{
  int last = -1;

  if (label->n_value_lines != 1)
    return FALSE;
  for (guint i = 0; i < label->values->len; i++)
    {
      int col = g_array_index (label->values, Word, i).col;
      int best = -1, best_d = G_MAXINT, second_d = G_MAXINT;

      for (guint c = 0; c < width; c++)
        {
          int d = ABS (col - cols[c]);

          if (d < best_d)
            {
              second_d = best_d;
              best_d = d;
              best = c;
            }
          else if (d < second_d)
            second_d = d;
        }
      if (best_d > MAX_DRIFT || second_d - best_d < 2 || best <= last)
        return FALSE;
      slot[i] = best;
      last = best;
    }
  if (last == (int) width - 1
      && ABS (g_array_index (label->values, Word, label->values->len - 1).col - cols[width - 1]) > 1)
    return FALSE;
  return count_placements (label, cols, packed, width, slot, 0, -1) == 1;
}

/* Whether wide text precedes the row's figures on their line (the two
 * counts of the first figure's column differ). */
static gboolean
beside_wide_text (const Label *label)
{
  const Word *first = &g_array_index (label->values, Word, 0);

  return first->col != first->wcol;
}

static void
add_text_cell (CfTable *table, const char *text, int row, int col, int row_span, int col_span,
               gint64 offset, gint64 length)
{
  cf_table_add_cell (table, row, col, row_span, col_span, text, offset, length);
}

static void
add_word_cell (CfTable *table, const char *text, const Word *w, int row, int col)
{
  g_autofree char *s = g_strndup (text + w->start, w->end - w->start);

  cf_table_add_cell (table, row, col, 1, 1, s, w->start, w->end - w->start);
}

static void
add_missing_cell (CfTable *table, int row, int col)
{
  CfCell *cell = cf_table_add_cell (table, row, col, 1, 1, "", -1, 0);

  cell->flags |= CF_CELL_FLAG_MISSING;
}


/* The region's table, or NULL when it holds none of this kind. */
CfTable *
cf_text_layout_build_table (const char *text, GArray *labels, gboolean spaced, const char *title,
                            gboolean read_values)
{
  guint count_of[CF_TEXT_MAX_COLUMNS + 1] = { 0 };
  guint width = 0, max_vals = 0, n_rows = 0;
  int label_cols = 1;
  int last_page = -2, cols[CF_TEXT_MAX_COLUMNS], bcols[CF_TEXT_MAX_COLUMNS];
  gboolean packed[CF_TEXT_MAX_COLUMNS], bpacked[CF_TEXT_MAX_COLUMNS];
  gboolean have_cols = FALSE, have_bcols = FALSE, after_uncertain = FALSE;
  gint64 range_start = G_MAXINT64, range_end = -1;
  g_autoptr (CfTable) table = NULL;

  for (guint i = 0; i < labels->len; i++)
    {
      Label *label = &g_array_index (labels, Label, i);
      guint n = label->values->len;

      if (n > CF_TEXT_MAX_COLUMNS)
        return NULL;
      count_of[n]++;
      max_vals = MAX (max_vals, n);
      label_cols = MAX (label_cols, label->level);
    }
  for (guint c = max_vals; c > 0; c--)
    if (count_of[c] >= 2)
      {
        width = c;
        break;
      }
  if (width == 0)
    width = max_vals;
  if (width < MIN_COLUMNS)
    return NULL;

  /* A row's two lines of values, the row above without any: pdftotext
   * printed the row above's values among this row's label lines. */
  for (guint i = 0, prev = G_MAXUINT; i < labels->len; i++)
    {
      Label *label = &g_array_index (labels, Label, i);
      guint first = label->first_line_values;

      if (!is_leaf (label))
        continue;
      if (prev != G_MAXUINT && label->n_value_lines == 2 && label->values->len > width
          && first > 0 && first <= width && label->values->len - first <= width)
        {
          Label *above = &g_array_index (labels, Label, prev);

          if (above->values->len == 0 && !above->uncertain)
            {
              g_array_append_vals (above->values, label->values->data, first);
              g_array_remove_range (label->values, 0, first);
              above->page = label->page;
              above->n_value_lines = label->n_value_lines = 1;
              above->first_line_values = first;
              label->first_line_values = label->values->len;
            }
        }
      prev = i;
    }

  /* Rows out of order: more values than columns (two rows' numbers on one
   * label), and a row without values right after one (its numbers went to
   * the other). */
  for (guint i = 0, prev_leaf = G_MAXUINT; i < labels->len; i++)
    {
      Label *label = &g_array_index (labels, Label, i);

      if (!is_leaf (label))
        continue;
      if (label->values->len > width)
        {
          /* The rows without values just before took none because their
           * numbers went to this one. */
          for (guint j = i; j-- > 0;)
            {
              Label *before = &g_array_index (labels, Label, j);

              if (!is_leaf (before))
                continue;
              if (before->values->len > 0)
                break;
              before->uncertain = TRUE;
            }
          label->uncertain = after_uncertain = TRUE;
        }
      else if (label->n_value_lines >= 2 && prev_leaf != G_MAXUINT
               && g_array_index (labels, Label, prev_leaf).values->len == 0)
        {
          /* Two lines of figures, the row above without any: the first
           * line may be the row above's, printed among this row's label
           * lines, and their counts do not tell (both rows short). */
          g_array_index (labels, Label, prev_leaf).uncertain = TRUE;
          label->uncertain = TRUE;
          after_uncertain = FALSE;
        }
      else if (label->values->len == 0 && after_uncertain)
        label->uncertain = TRUE;
      else
        after_uncertain = FALSE;
      prev_leaf = i;
    }

  /* Two lines of figures under a row, the next row without any: the second
   * line, on a line of its own, may be the next row's, printed above its
   * label (5.要求…确认 611 5 616, then 294 19 3 316, then （六）其他处理),
   * and the counts do not tell. Both rows are left MISSING (-layout text;
   * a dump printing one figure a line spreads every row over lines). */
  for (guint i = 0, prev_leaf = G_MAXUINT; i < labels->len; i++)
    {
      Label *label = &g_array_index (labels, Label, i);

      if (!is_leaf (label))
        continue;
      if (prev_leaf != G_MAXUINT && label->values->len == 0)
        {
          Label *above = &g_array_index (labels, Label, prev_leaf);

          const Word *second;

          if (!spaced || above->n_value_lines < 2
              || above->first_line_values >= above->values->len)
            {
              prev_leaf = i;
              continue;
            }
          /* Figures beside a line of the row's label text are the row's. */
          second = &g_array_index (above->values, Word, above->first_line_values);
          if (second->col == second->wcol)
            above->uncertain = label->uncertain = TRUE;
        }
      prev_leaf = i;
    }

  /* Rows in order; each group spans the rows nested under it. */
  for (guint i = 0; i < labels->len; i++)
    {
      Label *label = &g_array_index (labels, Label, i);

      label->first_row = -1;
      if (!is_leaf (label))
        continue;
      label->first_row = n_rows;
      label->n_rows = 1;
      for (int p = label->parent; p >= 0; p = g_array_index (labels, Label, p).parent)
        {
          Label *group = &g_array_index (labels, Label, p);

          if (group->first_row < 0)
            group->first_row = n_rows;
          group->n_rows = n_rows - group->first_row + 1;
        }
      n_rows++;
    }
  if (n_rows < 1)
    return NULL;

  table = cf_table_new ();
  for (guint i = 0; i < labels->len; i++)
    {
      Label *label = &g_array_index (labels, Label, i);
      int col = MAX (label->level, 1) - 1;
      int slot[CF_TEXT_MAX_COLUMNS];

      if (label->first_row < 0)
        continue;
      if (label->offset >= 0)
        {
          range_start = MIN (range_start, label->offset);
          range_end = MAX (range_end, label->offset + label->length);
        }
      if (!is_leaf (label))
        {
          add_text_cell (table, label->text->str, label->first_row, col, label->n_rows, 1,
                         label->offset, label->length);
          continue;
        }
      add_text_cell (table, label->text->str, label->first_row, col, 1, label_cols - col,
                     label->offset, label->length);
      if (label->values->len == 0)
        {
          for (guint c = 0; c < width; c++)
            {
              if (label->uncertain)
                add_missing_cell (table, label->first_row, label_cols + c);
              else
                add_text_cell (table, "", label->first_row, label_cols + c, 1, 1, -1, 0);
            }
          continue;
        }
      range_end = MAX (range_end, (gint64) g_array_index (label->values, Word,
                                                          label->values->len - 1).end);
      if (!read_values)
        {
          for (guint c = 0; c < width; c++)
            add_missing_cell (table, label->first_row, label_cols + c);
          continue;
        }
      if (label->values->len == width && !label->uncertain)
        {
          for (guint c = 0; c < width; c++)
            add_word_cell (table, text, &g_array_index (label->values, Word, c),
                           label->first_row, label_cols + c);
          continue;
        }
      if (label->page != last_page)
        {
          last_page = label->page;
          have_cols = page_columns (labels, label->page, width, FALSE, cols, packed);
          have_bcols = page_columns (labels, label->page, width, TRUE, bcols, bpacked);
        }
      /* pdftotext may push figures that follow wide (Chinese) label text a
       * few characters right: a short row printed beside its label is
       * placed only by the full rows printed beside theirs (without such
       * rows on the page its cells are left MISSING); one on a line of its
       * own by those on lines of their own, else by the others. */
      if (!label->uncertain && spaced
          && (beside_wide_text (label) ? have_bcols && place_short_row (label, bcols, bpacked, width, slot)
              : have_cols              ? place_short_row (label, cols, packed, width, slot)
                                       : have_bcols && place_short_row (label, bcols, bpacked, width, slot)))
        {
          guint next = 0;

          for (guint c = 0; c < width; c++)
            {
              if (next < label->values->len && slot[next] == (int) c)
                add_word_cell (table, text, &g_array_index (label->values, Word, next++),
                               label->first_row, label_cols + c);
              else
                add_text_cell (table, "", label->first_row, label_cols + c, 1, 1, -1, 0);
            }
          continue;
        }
      for (guint c = 0; c < width; c++)
        add_missing_cell (table, label->first_row, label_cols + c);
    }
  if (title != NULL)
    cf_table_set_title (table, title);
  cf_table_set_layout (table, "aligned");
  if (range_end > range_start)
    cf_table_set_range (table, range_start, range_end - range_start);
  cf_table_finish (table);
  return g_steal_pointer (&table);
}
