/* cf-pdf-join-piece.c: a part of a borderless table over a page break,
 * put on the columns of the part before it
 *
 * The stream reader finds a borderless table's columns from the alignment
 * of its rows. A part that a page break carried over to the next page
 * shows fewer: one or two rows have too few to show them, and a part whose
 * rows leave a column blank throughout has no such column; its label
 * columns merge when the page holds fewer kinds of label. The page geometry
 * is the same on both pages, so each of its figures is placed by its x
 * position over the value columns of the part above the break. Where any
 * figure cannot be placed over one column alone, nothing is moved (a lost
 * cell is better than one in the wrong place).
 */
#include <math.h>

#include "cf-pdf-join-piece.h"
#include "cf-number.h"

/* Rows a piece may have (a page of them at most). */
#define PIECE_MAX_ROWS 60

/* The leftmost column of @table with a figure alone in a cell, or n_cols. */
static int
first_figure_column (const CfPdfTable *table)
{
  int first = table->n_cols;

  for (guint i = 0; i < table->cells->len; i++)
    {
      const CfPdfCell *cell = g_ptr_array_index (table->cells, i);
      if (cell != NULL && cell->col < first && cell->col_span == 1 && cf_number_is_value_text (cell->text, -1))
        first = cell->col;
    }
  return first;
}

static double
edge (const CfPdfTable *table, int i)
{
  return g_array_index (table->col_edges, double, i);
}

/* The value column of @table (from @first on) that [@x0, @x1] overlaps, if
 * it overlaps that one alone; else -1. */
static int
value_column_over (const CfPdfTable *table, int first, double x0, double x1)
{
  int found = -1;

  for (int j = first; j < table->n_cols; j++)
    if (MIN (x1, edge (table, 2 * j + 1)) - MAX (x0, edge (table, 2 * j)) > 0)
      {
        if (found >= 0)
          return -1;
        found = j;
      }
  return found;
}

/* The label column of @table (before @first) where text from @x0 starts:
 * the last whose left side it reaches. */
static int
label_column_from (const CfPdfTable *table, int first, double x0)
{
  int col = 0;

  for (int c = 1; c < first; c++)
    if (x0 >= edge (table, 2 * c) - 2)
      col = c;
  return col;
}

/* The last label column of @table (before @first) that text from @col to
 * @x1 reaches into. */
static int
label_column_to (const CfPdfTable *table, int first, int col, double x1)
{
  int last = col;

  for (int c = col + 1; c < first; c++)
    if (x1 > edge (table, 2 * c) + 2)
      last = c;
  return last;
}

/* The first row of @table with a figure in it, or n_rows: the rows above
 * are its head. */
static int
first_figure_row (const CfPdfTable *table)
{
  int row = table->n_rows;

  for (guint i = 0; i < table->cells->len; i++)
    {
      const CfPdfCell *cell = g_ptr_array_index (table->cells, i);
      if (cell != NULL && cell->row >= 0 && cell->row < row && cell->col_span == 1 && cf_number_is_value_text (cell->text, -1))
        row = cell->row;
    }
  return row;
}

/* The end of @piece's head: the rows above its figures down to the last
 * with words (no figure) where the figures are, from @piece_first on; 0
 * when there are none (rows of labels alone are rows of the body). */
static int
head_end (const CfPdfTable *piece, int piece_first)
{
  int figures = first_figure_row (piece), end = 0;

  for (guint i = 0; i < piece->cells->len; i++)
    {
      const CfPdfCell *cell = g_ptr_array_index (piece->cells, i);
      if (cell != NULL && cell->row >= 0 && cell->row < figures && cell->col + cell->col_span > piece_first
          && *cell->text != '\0' && !cf_number_is_value_text (cell->text, -1))
        end = MAX (end, cell->row + cell->row_span);
    }
  return end;
}

/* Per column of @piece, the column of @table it is (value columns; -2 for
 * one the rows from @body on leave blank) or -1 (label columns, placed cell
 * by cell), in @map; FALSE when a figure or a column cannot be placed with
 * confidence. A value column is where the figures of those rows are. */
static gboolean
map_piece_columns (const CfPdfTable *table, const CfPdfTable *piece, int first, int piece_first, int body,
                   int *map)
{
  int last = first - 1;

  /* Every cell there a figure (or blank) in one column: a header or a
   * line of prose is no piece of the body. */
  for (guint i = 0; i < piece->cells->len; i++)
    {
      const CfPdfCell *cell = g_ptr_array_index (piece->cells, i);

      if (cell == NULL || *cell->text == '\0' || cell->row + cell->row_span <= body)
        continue;
      if (cell->row < body)
        return FALSE; /* a head cell reaching down into the body */
      if (cell->col >= piece_first && (cell->col_span != 1 || !cf_number_is_value_text (cell->text, -1)))
        return FALSE;
      /* A label reaching over the first figures is no label. */
      if (cell->col < piece_first && cell->bbox[2] > edge (table, 2 * first) + 2)
        return FALSE;
    }
  for (int c = 0; c < piece_first; c++)
    map[c] = -1;
  for (int c = piece_first; c < piece->n_cols; c++)
    {
      double x0 = G_MAXDOUBLE, x1 = -G_MAXDOUBLE;
      int j;

      for (guint i = 0; i < piece->cells->len; i++)
        {
          const CfPdfCell *cell = g_ptr_array_index (piece->cells, i);
          if (cell != NULL && cell->col == c && cell->row >= body && *cell->text != '\0')
            {
              x0 = MIN (x0, cell->bbox[0]);
              x1 = MAX (x1, cell->bbox[2]);
            }
        }
      if (x1 < x0)
        {
          map[c] = -2;
          continue;
        }
      j = value_column_over (table, first, x0, x1);
      if (j <= last)
        return FALSE;
      map[c] = last = j;
    }
  return TRUE;
}

/* Drops the @body rows of @piece above its figures: the head of the table
 * printed again at the top of the page (its words above them go too). */
static void
drop_head_rows (CfPdfTable *piece, int body)
{
  for (guint i = piece->cells->len; i-- > 0;)
    {
      CfPdfCell *cell = g_ptr_array_index (piece->cells, i);

      if (cell == NULL)
        continue;
      if (cell->row < body)
        g_ptr_array_remove_index (piece->cells, i);
      else
        cell->row -= body;
    }
  piece->n_rows -= body;
  if (piece->lead != NULL)
    g_ptr_array_set_size (piece->lead, 0);
}

/* Whether @table shows all the value columns its table has: no other part
 * of it in @tables (a borderless table over the same figures' width) has
 * more. A part whose rows leave a column blank throughout has no such
 * column, and a figure placed on its columns would go one column over. */
static gboolean
has_all_value_columns (GPtrArray *tables, const CfPdfTable *table, int first)
{
  double x0 = edge (table, 2 * first), x1 = table->bbox[2];

  for (guint i = 0; i < tables->len; i++)
    {
      const CfPdfTable *other = g_ptr_array_index (tables, i);
      int other_first;

      if (other == table || !g_str_equal (other->layout, "stream")
          || other->col_edges->len != 2 * (guint) other->n_cols || fabs (other->bbox[2] - x1) > 10.0)
        continue;
      other_first = first_figure_column (other);
      if (other_first < other->n_cols && fabs (edge (other, 2 * other_first) - x0) <= 10.0
          && other->n_cols - other_first > table->n_cols - first)
        return FALSE;
    }
  return TRUE;
}

gboolean
cf_pdf_join_piece_fit (GPtrArray *tables, const CfPdfTable *table, CfPdfTable *piece)
{
  int first, piece_first, body;
  g_autofree int *map = NULL;
  g_autofree gboolean *taken = NULL;
  g_autofree double *row_y = NULL;

  if (!g_str_equal (table->layout, "stream") || !g_str_equal (piece->layout, "stream")
      || piece->n_rows < 1 || piece->n_rows > PIECE_MAX_ROWS || piece->n_cols > table->n_cols
      || table->col_edges->len != 2 * (guint) table->n_cols
      || piece->col_edges->len != 2 * (guint) piece->n_cols)
    return FALSE;
  first = first_figure_column (table);
  piece_first = first_figure_column (piece);
  if (first >= table->n_cols || piece_first >= piece->n_cols
      || piece->n_cols - piece_first > table->n_cols - first
      /* Within the width of the part above (same page geometry). */
      || piece->bbox[0] < table->bbox[0] - 10.0 || piece->bbox[2] > table->bbox[2] + 10.0)
    return FALSE;
  if (!has_all_value_columns (tables, table, first))
    return FALSE;
  /* Rows above the piece's figures are the head printed again, if the part
   * above has a head of its own. */
  body = head_end (piece, piece_first);
  if (body > 0 && first_figure_row (table) == 0)
    return FALSE;
  map = g_new (int, piece->n_cols);
  if (!map_piece_columns (table, piece, first, piece_first, body, map))
    return FALSE;
  if (body > 0)
    drop_head_rows (piece, body);

  taken = g_new0 (gboolean, (gsize) piece->n_rows * table->n_cols);
  row_y = g_new0 (double, 2 * (gsize) piece->n_rows);
  for (guint i = 0; i < piece->cells->len; i++)
    {
      CfPdfCell *cell = g_ptr_array_index (piece->cells, i);

      if (cell == NULL || cell->row < 0 || cell->row >= piece->n_rows)
        continue;
      if (*cell->text != '\0' && row_y[2 * cell->row + 1] == 0)
        {
          row_y[2 * cell->row] = cell->bbox[1];
          row_y[2 * cell->row + 1] = cell->bbox[3];
        }
      if (cell->col >= piece_first && map[cell->col] == -2)
        {
          cell->row = -1; /* a column the piece leaves blank: filled below */
          continue;
        }
      if (cell->col >= piece_first)
        cell->col = map[cell->col];
      else if (*cell->text == '\0')
        {
          /* An empty label slot of the piece says nothing of @table's. */
          cell->row = -1;
          continue;
        }
      else
        {
          int col = label_column_from (table, first, cell->bbox[0]);

          cell->col_span = label_column_to (table, first, col, cell->bbox[2]) - col + 1;
          cell->col = col;
        }
      for (int r = cell->row; r < cell->row + cell->row_span && r < piece->n_rows; r++)
        for (int c = cell->col; c < cell->col + cell->col_span; c++)
          taken[r * table->n_cols + c] = TRUE;
    }
  /* Cells moved out of the grid go. */
  for (guint i = piece->cells->len; i-- > 0;)
    {
      CfPdfCell *cell = g_ptr_array_index (piece->cells, i);
      if (cell != NULL && cell->row < 0)
        g_ptr_array_remove_index (piece->cells, i);
    }
  /* A value column the piece prints nothing in is blank there. */
  for (int r = 0; r < piece->n_rows; r++)
    for (int c = first; c < table->n_cols; c++)
      if (!taken[r * table->n_cols + c])
        {
          double rect[4] = { edge (table, 2 * c), row_y[2 * r], edge (table, 2 * c + 1), row_y[2 * r + 1] };

          g_ptr_array_add (piece->cells, cf_pdf_cell_new_blank (r, c, piece->page, rect));
        }
  if (piece->lead != NULL)
    for (guint i = 0; i < piece->lead->len; i++)
      {
        CfPdfCell *cell = g_ptr_array_index (piece->lead, i);
        int col = value_column_over (table, first, cell->bbox[0], cell->bbox[2]);

        cell->col = col >= 0 && cell->bbox[0] >= edge (table, 2 * first) - 2
                      ? col : label_column_from (table, first, cell->bbox[0]);
      }
  g_array_set_size (piece->col_edges, 0);
  g_array_append_vals (piece->col_edges, table->col_edges->data, table->col_edges->len);
  piece->n_cols = table->n_cols;
  return TRUE;
}

/* Whether row @row of @table has two labels (before @first) over one
 * column: one label spans the column another starts in. */
static gboolean
labels_cross (const CfPdfTable *table, int row, int first)
{
  for (guint i = 0; i < table->cells->len; i++)
    {
      const CfPdfCell *a = g_ptr_array_index (table->cells, i);

      if (a == NULL || a->row != row || a->col >= first || *a->text == '\0')
        continue;
      for (guint k = 0; k < table->cells->len; k++)
        {
          const CfPdfCell *b = g_ptr_array_index (table->cells, k);

          if (b != NULL && b != a && b->row == row && *b->text != '\0' && b->col > a->col
              && b->col < a->col + a->col_span)
            return TRUE;
        }
    }
  return FALSE;
}

void
cf_pdf_join_piece_doubt_crossed_rows (CfPdfTable *table)
{
  int first;

  if (!g_str_equal (table->layout, "stream"))
    return;
  first = first_figure_column (table);
  for (int row = 0; row < table->n_rows; row++)
    {
      if (!labels_cross (table, row, first))
        continue;
      for (guint i = 0; i < table->cells->len; i++)
        {
          CfPdfCell *cell = g_ptr_array_index (table->cells, i);

          if (cell != NULL && cell->row == row && cell->col >= first)
            {
              g_free (cell->text);
              cell->text = g_strdup ("");
              cell->flags |= CF_CELL_FLAG_MISSING;
            }
        }
    }
}
