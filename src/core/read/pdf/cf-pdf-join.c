/* cf-pdf-join.c: tables that run on over a page break, joined
 *
 * The first table of a page goes on from the last one of the page before
 * when their columns line up (or the header repeats): its rows are added,
 * a row the break cut in two is one row again, and a group label printed
 * above the break spans its rows below it.
 */
#include <math.h>
#include <string.h>

#include "cf-pdf-join.h"
#include "cf-pdf-join-piece.h"
#include "cf-number.h"

/* --------------------------------------------------- tables across pages */

static int first_value_column (const CfPdfTable *a, const CfPdfTable *b);

/* Whether the value columns of borderless @a and @b (from @a_first and
 * @b_first on) are as many and line up, one side of each at least. */
static gboolean
same_value_columns (const CfPdfTable *a, int a_first, const CfPdfTable *b, int b_first)
{
  if (a->n_cols - a_first != b->n_cols - b_first || a_first >= a->n_cols
      || a->col_edges->len != 2 * (guint) a->n_cols || b->col_edges->len != 2 * (guint) b->n_cols)
    return FALSE;
  for (int k = 0; a_first + k < a->n_cols; k++)
    {
      double dx0 = fabs (g_array_index (a->col_edges, double, 2 * (a_first + k))
                         - g_array_index (b->col_edges, double, 2 * (b_first + k)));
      double dx1 = fabs (g_array_index (a->col_edges, double, 2 * (a_first + k) + 1)
                         - g_array_index (b->col_edges, double, 2 * (b_first + k) + 1));
      if (dx0 > 10.0 && dx1 > 10.0)
        return FALSE;
    }
  return TRUE;
}

/* The boundary of ruled @table at @x (within @tol), or -1. */
static int
boundary_at (const CfPdfTable *table, double x, double tol)
{
  for (guint i = 0; i < table->col_edges->len; i++)
    if (fabs (g_array_index (table->col_edges, double, i) - x) <= tol)
      return (int) i;
  return -1;
}

/* Whether ruled @coarse's column boundaries are all @fine's, outer ones
 * included: a part of the table whose rows on that page merge some
 * columns (a band, the header's first row, rows of a group label spanning
 * the sub-label column) has fewer rules. */
static gboolean
boundaries_nest (const CfPdfTable *coarse, const CfPdfTable *fine, double tol)
{
  guint n = coarse->col_edges->len;

  if (n < 2 || fine->col_edges->len < n || coarse->col_edges->len != (guint) coarse->n_cols + 1
      || fine->col_edges->len != (guint) fine->n_cols + 1
      || boundary_at (fine, g_array_index (coarse->col_edges, double, 0), tol) != 0
      || boundary_at (fine, g_array_index (coarse->col_edges, double, n - 1), tol) != fine->n_cols)
    return FALSE;
  for (guint i = 1; i + 1 < n; i++)
    if (boundary_at (fine, g_array_index (coarse->col_edges, double, i), tol) < 0)
      return FALSE;
  return TRUE;
}

/* Puts ruled @coarse's cells on @fine's columns (boundaries_nest holds): a
 * cell spans the finer columns between its rules. */
static void
regrid_columns (CfPdfTable *coarse, const CfPdfTable *fine, double tol)
{
  g_autofree int *to_fine = g_new (int, coarse->col_edges->len);

  for (guint i = 0; i < coarse->col_edges->len; i++)
    to_fine[i] = boundary_at (fine, g_array_index (coarse->col_edges, double, i), tol);
  for (guint i = 0; i < coarse->cells->len; i++)
    {
      CfPdfCell *cell = g_ptr_array_index (coarse->cells, i);
      int end;

      if (cell == NULL || cell->col < 0 || cell->col + cell->col_span > coarse->n_cols)
        continue;
      end = to_fine[cell->col + cell->col_span];
      cell->col = to_fine[cell->col];
      cell->col_span = end - cell->col;
    }
  g_array_set_size (coarse->col_edges, 0);
  g_array_append_vals (coarse->col_edges, fine->col_edges->data, fine->col_edges->len);
  coarse->n_cols = fine->n_cols;
}

static gboolean
same_columns (const CfPdfTable *a, const CfPdfTable *b)
{
  double tol = g_str_equal (a->layout, "lattice") ? 4.0 : 10.0;

  if (!g_str_equal (a->layout, b->layout))
    return FALSE;
  /* A borderless part whose page holds fewer kinds of label (no group
   * label on it) has fewer label columns: its value columns decide. */
  if (g_str_equal (a->layout, "stream") && a->n_cols != b->n_cols)
    return same_value_columns (a, first_value_column (a, a), b, first_value_column (b, b));
  if (g_str_equal (a->layout, "lattice") && a->n_cols != b->n_cols)
    return a->n_cols < b->n_cols ? boundaries_nest (a, b, tol) : boundaries_nest (b, a, tol);
  if (a->n_cols != b->n_cols || a->col_edges->len != b->col_edges->len)
    return FALSE;
  if (g_str_equal (a->layout, "lattice"))
    {
      for (guint i = 0; i < a->col_edges->len; i++)
        if (fabs (g_array_index (a->col_edges, double, i) - g_array_index (b->col_edges, double, i)) > tol)
          return FALSE;
      return TRUE;
    }

  /* Stream tables keep both sides of each column; one side of every value
   * column must line up (the label column follows the longest label). */
  for (guint c = 1; 2 * c + 1 < a->col_edges->len; c++)
    {
      double dx0 = fabs (g_array_index (a->col_edges, double, 2 * c) - g_array_index (b->col_edges, double, 2 * c));
      double dx1 = fabs (g_array_index (a->col_edges, double, 2 * c + 1)
                         - g_array_index (b->col_edges, double, 2 * c + 1));
      if (dx0 > tol && dx1 > tol)
        return FALSE;
    }
  return TRUE;
}

static const char *
cell_text_at (const CfPdfTable *table, int row, int col)
{
  for (guint i = 0; i < table->cells->len; i++)
    {
      const CfPdfCell *cell = g_ptr_array_index (table->cells, i);
      if (cell->row == row && cell->col == col)
        return cell->text;
    }
  return NULL;
}

static gboolean
rows_equal (const CfPdfTable *a, int ra, const CfPdfTable *b, int rb)
{
  gboolean any = FALSE;

  for (int c = 0; c < a->n_cols; c++)
    {
      const char *x = cell_text_at (a, ra, c), *y = cell_text_at (b, rb, c);
      if (g_strcmp0 (x, y) != 0)
        return FALSE;
      any |= x != NULL && *x != '\0';
    }
  return any;
}

/* ------------------------------------------ rows cut by the page break */

/* The leftmost column with a number in it, in either part: the columns
 * left of it hold labels (one grid row per printed row, labels first). */
static int
first_value_column (const CfPdfTable *a, const CfPdfTable *b)
{
  const CfPdfTable *parts[] = { a, b };
  int first = MAX (a->n_cols, b->n_cols);

  for (guint p = 0; p < G_N_ELEMENTS (parts); p++)
    for (guint i = 0; i < parts[p]->cells->len; i++)
      {
        const CfPdfCell *cell = g_ptr_array_index (parts[p]->cells, i);
        if (cell->col < first && cell->col_span == 1 && cf_number_is_value_text (cell->text, -1))
          first = cell->col;
      }
  return first;
}

/* The cell of @table in @cell's columns that reaches its last row. */
static CfPdfCell *
cell_above (const CfPdfTable *table, const CfPdfCell *cell)
{
  for (guint i = 0; i < table->cells->len; i++)
    {
      CfPdfCell *above = g_ptr_array_index (table->cells, i);
      if (above->col == cell->col && above->col_span == cell->col_span
          && above->row + above->row_span == table->n_rows)
        return above;
    }
  return NULL;
}

/* The width @cell's text could fill: its ruled box; in a borderless table,
 * whose columns are only as wide as their text, the widest text of its
 * column (the lines of a wrapped label are that wide). */
static double
room_of_cell (const CfPdfTable *table, const CfPdfCell *cell)
{
  double room = cell->bbox[2] - cell->bbox[0];

  if (!g_str_equal (table->layout, "stream"))
    return room;
  for (guint i = 0; i < table->cells->len; i++)
    {
      const CfPdfCell *other = g_ptr_array_index (table->cells, i);
      if (other->col == cell->col && other->col_span == cell->col_span && *other->text != '\0')
        room = MAX (room, other->bbox[2] - other->bbox[0]);
    }
  return room;
}

/* Whether @second, at the top of the next page, is the rest of the text of
 * @above (of @table), which the page break cut: it starts no item of its own
 * (4. （三） …) and the last line above fills its cell, so the text wrapped
 * there. A cell cut before its text (empty above) goes on too. */
static gboolean
text_goes_on (const CfPdfTable *table, const CfPdfCell *above, const CfPdfCell *second)
{
  double line_h = above->last_line[3] - above->last_line[1];
  double used = above->last_line[2] - above->last_line[0];

  if (*above->text == '\0' || *second->text == '\0')
    return TRUE;
  if (cf_pdf_is_heading_text (second->text) || line_h <= 0)
    return FALSE;
  return room_of_cell (table, above) - used < 2 * line_h;
}

/* Whether the first row of the continuation (@top, with the cells of @table
 * above each, in @aboves) is the tail of @table's last row: it has the same
 * cells, no number anywhere and no text in a value column, and its labels
 * go on from those above. A row with no text at all is the blank rest of a
 * row whose text all fitted above (LibreOffice prints a header row so). */
static gboolean
row_is_cut (const CfPdfTable *table, GPtrArray *top, GPtrArray *aboves, int value_col)
{
  for (guint i = 0; i < top->len; i++)
    {
      const CfPdfCell *cell = g_ptr_array_index (top, i);
      const CfPdfCell *above = g_ptr_array_index (aboves, i);

      if (above == NULL || cf_number_is_value_text (cell->text, -1))
        return FALSE;
      if (*cell->text == '\0')
        continue;
      if (cell->col + cell->col_span > value_col || !text_goes_on (table, above, cell))
        return FALSE;
    }
  return top->len > 0;
}

/* Whether @cell, in the continuation's first row @top, goes on with the
 * label @above that spans down to the page break (a group of rows such as
 * 三、本年度办理结果 printed once, on the first page). */
static gboolean
group_goes_on (const CfPdfTable *table, const CfPdfCell *above, const CfPdfCell *cell, GPtrArray *top,
               int value_col)
{
  gboolean labels_right = FALSE;

  if (cell->col + cell->col_span > value_col || !text_goes_on (table, above, cell))
    return FALSE;
  if (*above->text != '\0' && *cell->text != '\0' && above->row_span == 1 && cell->row_span == 1)
    return FALSE;
  for (guint i = 0; i < top->len; i++)
    {
      const CfPdfCell *other = g_ptr_array_index (top, i);
      labels_right |= other->col > cell->col && other->col < value_col && *other->text != '\0';
    }
  return above->row_span > 1 || cell->row_span > 1 || labels_right;
}

/* @above (on the previous page) and @cell (at @row on the next) are one
 * cell: it spans down to the rows of @cell and holds the text of both.
 * A cell keeps one page and box, the first part's (CfCell has room for one):
 * the second part's box is lost unless the text is all there. */
static void
mend_cut_cell (CfPdfTable *table, CfPdfCell *above, const CfPdfCell *cell, int row)
{
  above->row_span = MAX (above->row + above->row_span, row + cell->row_span) - above->row;
  table->n_rows = MAX (table->n_rows, above->row + above->row_span);
  if (*cell->text == '\0')
    return;
  if (*above->text == '\0')
    {
      g_free (above->text);
      above->text = g_strdup (cell->text);
      above->offset = cell->offset;
      above->length = cell->length;
      above->page = cell->page;
      above->flags = cell->flags;
      memcpy (above->bbox, cell->bbox, sizeof above->bbox);
      memcpy (above->last_line, cell->last_line, sizeof above->last_line);
      return;
    }
  {
    char *joined = cf_pdf_join_cut_text (above->text, cell->text);

    g_free (above->text);
    above->text = joined;
    if (above->offset >= 0 && cell->offset >= 0)
      above->length = cell->offset + cell->length - above->offset;
    above->flags &= ~CF_CELL_FLAG_MISSING;
  }
}

/* Whether row @row of @table has label text right of column @col (before
 * the numbers at @value_col), in a cell of its own or one spanning down. */
static gboolean
row_has_label_right (const CfPdfTable *table, int row, int col, int value_col)
{
  for (guint i = 0; i < table->cells->len; i++)
    {
      const CfPdfCell *cell = g_ptr_array_index (table->cells, i);
      if (cell->col > col && cell->col < value_col && cell->row <= row && row < cell->row + cell->row_span
          && *cell->text != '\0')
        return TRUE;
    }
  return FALSE;
}

/* The cell of @table that starts at (@row, @col), and its index. */
static CfPdfCell *
cell_starting_at (const CfPdfTable *table, int row, int col, guint *index)
{
  for (guint i = 0; i < table->cells->len; i++)
    {
      CfPdfCell *cell = g_ptr_array_index (table->cells, i);
      if (cell->row == row && cell->col == col)
        {
          *index = i;
          return cell;
        }
    }
  return NULL;
}

/* A group label printed once on the page before (三、本年度办理结果,
 * （三）不予公开) goes on down the rows of the next page that leave its
 * column empty beside labels of their own (5.… 8.…), from @first_new on, up
 * to the first row that has text in its column. */
static void
extend_groups (CfPdfTable *table, int first_new, int value_col)
{
  for (int col = 0; col < value_col; col++)
    {
      CfPdfCell *group = NULL;

      for (guint i = 0; i < table->cells->len && group == NULL; i++)
        {
          CfPdfCell *cell = g_ptr_array_index (table->cells, i);
          if (cell->col == col && cell->col_span == 1 && *cell->text != '\0' && cell->row < first_new
              && cell->row + cell->row_span >= first_new
              && (cell->row_span > 1 || row_has_label_right (table, cell->row, col, value_col)))
            group = cell;
        }
      if (group == NULL)
        continue;
      for (int row = group->row + group->row_span; row < table->n_rows; row++)
        {
          guint index;
          CfPdfCell *empty = cell_starting_at (table, row, col, &index);

          if (empty == NULL || *empty->text != '\0' || empty->col_span != 1 || empty->row_span != 1
              || !row_has_label_right (table, row, col, value_col))
            break;
          g_ptr_array_remove_index (table->cells, index);
          group->row_span++;
        }
    }
}

/* The label of row @row of @table printed rightmost before the numbers at
 * @value_col (1.属于国家秘密 beside its group), or NULL. */
static const char *
row_label (const CfPdfTable *table, int row, int value_col)
{
  const CfPdfCell *best = NULL;

  for (guint i = 0; i < table->cells->len; i++)
    {
      const CfPdfCell *cell = g_ptr_array_index (table->cells, i);
      if (cell != NULL && cell->row == row && cell->col < value_col && *cell->text != '\0'
          && (best == NULL || cell->col > best->col))
        best = cell;
    }
  return best != NULL ? best->text : NULL;
}

/* Whether row @rb of @b, first of a page, is row @ra of @a, last of the page
 * before, printed again: a printer that slices the page through a row
 * (wkhtmltopdf) draws the row on both pages, each clipped to its part; the
 * text of both is whole. Same label, same figure (or blank) in every value
 * column from @value_col on. */
static gboolean
row_printed_twice (const CfPdfTable *a, int ra, const CfPdfTable *b, int rb, int value_col)
{
  const char *label = row_label (a, ra, value_col);

  if (a->n_cols != b->n_cols || value_col >= a->n_cols || label == NULL
      || g_strcmp0 (label, row_label (b, rb, value_col)) != 0)
    return FALSE;
  for (int c = value_col; c < a->n_cols; c++)
    {
      const char *x = cell_text_at (a, ra, c), *y = cell_text_at (b, rb, c);
      if (g_strcmp0 (x != NULL ? x : "", y != NULL ? y : "") != 0)
        return FALSE;
    }
  return TRUE;
}

/* Whether the labels of row @row of @table (before @value_col) are all
 * empty: the cells that start on it and span no further (a group label
 * that spans on down is the group's, not the row's). */
static gboolean
row_labels_empty (const CfPdfTable *table, int row, int value_col)
{
  for (guint i = 0; i < table->cells->len; i++)
    {
      const CfPdfCell *cell = g_ptr_array_index (table->cells, i);
      if (cell != NULL && cell->row == row && cell->row_span == 1 && cell->col < value_col
          && *cell->text != '\0')
        return FALSE;
    }
  return TRUE;
}

/* Whether row @rb of @b, first of a page, is row @ra of @a cut by the page
 * break and printed on both pages with its label only above (wkhtmltopdf
 * clips the label's text out of the lower part, ruled or not): its own
 * labels are empty, and it has the same figure (or blank) in every value
 * column, one number at least. */
static gboolean
row_repeated_unlabelled (const CfPdfTable *a, int ra, const CfPdfTable *b, int rb, int value_col)
{
  gboolean number = FALSE;

  if (a->n_cols != b->n_cols || value_col >= a->n_cols || row_label (a, ra, value_col) == NULL
      || !row_labels_empty (b, rb, value_col))
    return FALSE;
  for (int c = value_col; c < a->n_cols; c++)
    {
      const char *x = cell_text_at (a, ra, c), *y = cell_text_at (b, rb, c);
      if (g_strcmp0 (x != NULL ? x : "", y != NULL ? y : "") != 0)
        return FALSE;
      number |= x != NULL && cf_number_is_value_text (x, -1);
    }
  return number;
}

/* Whether row @row of @table holds a number in a cell that starts on it. */
static gboolean
row_has_number (const CfPdfTable *table, int row)
{
  for (guint i = 0; i < table->cells->len; i++)
    {
      const CfPdfCell *cell = g_ptr_array_index (table->cells, i);
      if (cell != NULL && cell->row == row && cf_number_is_value_text (cell->text, -1))
        return TRUE;
    }
  return FALSE;
}

/* Whether row @rb of @b, first of a page, is row @ra of @a printed again,
 * label and figures, one number at least (wkhtmltopdf slices a ruled row
 * too and prints it whole on both pages: 2.重复申请 of gip-2021-ruled-t-
 * rep-k01-blank). The number keeps two rows left blank apart. */
static gboolean
row_printed_twice_with_figures (const CfPdfTable *a, int ra, const CfPdfTable *b, int rb, int value_col)
{
  return row_printed_twice (a, ra, b, rb, value_col) && row_has_number (a, ra);
}

/* Drops row @row of @next (printed twice): its cells go, but a label that
 * spans on down starts one row lower. */
static void
drop_twice_printed_row (CfPdfTable *next, int row)
{
  for (guint i = 0; i < next->cells->len; i++)
    {
      CfPdfCell *cell = g_ptr_array_index (next->cells, i);
      if (cell != NULL && cell->row == row && cell->row_span > 1)
        {
          cell->row++;
          cell->row_span--;
        }
    }
}

/* Drops the last row of @table when it is empty, the foot of a label that
 * spans rows down to the page break (Chromium prints the rest of
 * 三、本年度办理结果 under the last row of the page, a row of blank cells),
 * and the next page goes on with a row of its own, with figures (at @first
 * of @next): read as a row, its blank label was taken for the total's. */
static void
drop_empty_last_row (CfPdfTable *table, const CfPdfTable *next, int first)
{
  int last = table->n_rows - 1;

  if (last < 1 || first >= next->n_rows || !row_has_number (next, first))
    return;
  for (guint i = 0; i < table->cells->len; i++)
    {
      const CfPdfCell *cell = g_ptr_array_index (table->cells, i);
      if (cell != NULL && cell->row == last && (*cell->text != '\0' || cell->row_span > 1))
        return;
    }
  for (guint i = table->cells->len; i-- > 0;)
    {
      CfPdfCell *cell = g_ptr_array_index (table->cells, i);
      if (cell == NULL)
        continue;
      if (cell->row == last)
        g_ptr_array_remove_index (table->cells, i);
      else if (cell->row + cell->row_span > last)
        cell->row_span = last - cell->row;
    }
  table->n_rows = last;
}

/* Whether @cell, first on the next page, and @above, reaching down to the
 * break, are one label printed on both pages, each clipped to its part
 * (wkhtmltopdf centres a group label on all its rows: （五） above the break,
 * （五）不予处理 below): one text begins the other. */
static gboolean
same_label_clipped (const CfPdfCell *above, const CfPdfCell *cell, int value_col)
{
  return cell->col + cell->col_span <= value_col && *above->text != '\0' && *cell->text != '\0'
         && (g_str_has_prefix (cell->text, above->text) || g_str_has_prefix (above->text, cell->text));
}

/* @above spans down over the rows of @cell (at @row), with the longer text. */
static void
mend_clipped_label (CfPdfTable *table, CfPdfCell *above, const CfPdfCell *cell, int row)
{
  above->row_span = MAX (above->row + above->row_span, row + cell->row_span) - above->row;
  table->n_rows = MAX (table->n_rows, above->row + above->row_span);
  if (strlen (cell->text) > strlen (above->text))
    {
      g_free (above->text);
      above->text = g_strdup (cell->text);
    }
}

/* Appends @next (the first table of the following page) to @table, dropping
 * the header rows it repeats. A row the page break cut in two is one row
 * again, and labels that span rows down to the break go on over them. */
static void
join_tables (CfPdfTable *table, CfPdfTable *next)
{
  g_autoptr (GPtrArray) top = g_ptr_array_new ();
  g_autoptr (GPtrArray) aboves = g_ptr_array_new ();
  int skip = 0;
  int offset, value_col, first_new;
  gboolean cut, lead_mended = FALSE;

  while (skip < next->n_rows && skip < table->n_rows && rows_equal (table, skip, next, skip))
    skip++;
  if (g_str_equal (table->layout, "lattice"))
    drop_empty_last_row (table, next, skip);

  /* Looked at before any cell moves: the last row above is table->n_rows - 1. */
  value_col = first_value_column (table, next);
  if (g_str_equal (table->layout, "stream") && table->n_rows > 0 && skip < next->n_rows
      && row_printed_twice (table, table->n_rows - 1, next, skip, value_col))
    drop_twice_printed_row (next, skip++);
  else if (table->n_rows > 0 && skip < next->n_rows
           && (row_repeated_unlabelled (table, table->n_rows - 1, next, skip, value_col)
               || row_printed_twice_with_figures (table, table->n_rows - 1, next, skip, value_col)))
    drop_twice_printed_row (next, skip++);
  for (guint i = 0; i < next->cells->len; i++)
    {
      CfPdfCell *cell = g_ptr_array_index (next->cells, i);
      if (cell->row != skip)
        continue;
      g_ptr_array_add (top, cell);
      g_ptr_array_add (aboves, cell_above (table, cell));
    }
  /* A borderless table's rows start at its numbers: the tail of a cut
   * label is a lead line above them, not a row of its own. */
  if (skip == 0 && next->lead != NULL && next->lead->len > 0 && table->n_rows > 0
      && value_col < next->n_cols)
    {
      g_autoptr (GPtrArray) lead_aboves = g_ptr_array_new ();
      double numbers_x = g_array_index (next->col_edges, double, 2 * value_col);
      gboolean left_of_numbers = TRUE;

      /* All of it left of the numbers (a running header is not). */
      for (guint i = 0; i < next->lead->len; i++)
        {
          CfPdfCell *cell = g_ptr_array_index (next->lead, i);

          g_ptr_array_add (lead_aboves, cell_above (table, cell));
          if (cell->bbox[2] > numbers_x + 2)
            left_of_numbers = FALSE;
        }
      if (left_of_numbers && row_is_cut (table, next->lead, lead_aboves, value_col))
        {
          for (guint i = 0; i < next->lead->len; i++)
            mend_cut_cell (table, g_ptr_array_index (lead_aboves, i), g_ptr_array_index (next->lead, i),
                           table->n_rows - 1);
          lead_mended = TRUE;
        }
    }
  cut = !lead_mended && table->n_rows > 0 && row_is_cut (table, top, aboves, value_col);
  offset = table->n_rows - skip - (cut ? 1 : 0);

  for (guint i = 0; i < top->len; i++)
    {
      CfPdfCell *cell = g_ptr_array_index (top, i);
      CfPdfCell *above = g_ptr_array_index (aboves, i);

      if (above != NULL && g_str_equal (table->layout, "lattice") && !cut
          && same_label_clipped (above, cell, value_col))
        {
          mend_clipped_label (table, above, cell, cell->row + offset);
          cell->row = -1; /* mended: left with @next */
        }
      else if (above != NULL && (cut || group_goes_on (table, above, cell, top, value_col)))
        {
          mend_cut_cell (table, above, cell, cell->row + offset);
          cell->row = -1; /* mended: left with @next */
        }
    }

  first_new = table->n_rows;
  for (guint i = 0; i < next->cells->len; i++)
    {
      CfPdfCell *cell = g_ptr_array_index (next->cells, i);
      if (cell->row < skip)
        continue;
      cell->row += offset;
      g_ptr_array_add (table->cells, cell);
      next->cells->pdata[i] = NULL;
      table->n_rows = MAX (table->n_rows, cell->row + cell->row_span);
    }
  extend_groups (table, first_new, value_col);
}

/* The label column of @table (before @first) that text starting at @x is in:
 * the last one whose left side it reaches. */
static int
label_column_at (const CfPdfTable *table, int first, double x)
{
  int col = 0;

  for (int c = 1; c < first; c++)
    if (x >= g_array_index (table->col_edges, double, 2 * c) - 2)
      col = c;
  return col;
}

/* Cuts the label columns of @next (a borderless table going on from
 * @table, with fewer label columns) as @table's are: each label goes to the
 * column of @table where it starts, over those its text reaches, and the
 * slots no label covers are empty cells. Value columns follow. */
static void
recut_label_columns (const CfPdfTable *table, CfPdfTable *next)
{
  int first = first_value_column (table, table), next_first = first_value_column (next, next);
  g_autoptr (GPtrArray) cells = g_ptr_array_new_with_free_func ((GDestroyNotify) cf_pdf_cell_free);
  g_autofree gboolean *taken = g_new0 (gboolean, (gsize) next->n_rows * first + 1);
  g_autofree double *row_y = g_new0 (double, 2 * (gsize) next->n_rows + 2);

  for (guint i = 0; i < next->cells->len; i++)
    {
      CfPdfCell *cell = g_steal_pointer (&next->cells->pdata[i]);

      if (cell->row >= 0 && cell->row < next->n_rows && *cell->text != '\0' && row_y[2 * cell->row + 1] == 0)
        {
          row_y[2 * cell->row] = cell->bbox[1];
          row_y[2 * cell->row + 1] = cell->bbox[3];
        }
      if (cell->col >= next_first)
        {
          cell->col += first - next_first;
          g_ptr_array_add (cells, cell);
          continue;
        }
      if (*cell->text == '\0')
        {
          cf_pdf_cell_free (cell);
          continue;
        }
      {
        int col = label_column_at (table, first, cell->bbox[0]), last = col;

        for (int c = col + 1; c < first; c++)
          if (cell->bbox[2] > g_array_index (table->col_edges, double, 2 * c) + 2)
            last = c;
        cell->col = col;
        cell->col_span = last - col + 1;
        for (int r = cell->row; r < cell->row + cell->row_span && r < next->n_rows; r++)
          for (int c = col; c <= last; c++)
            taken[r * first + c] = TRUE;
        g_ptr_array_add (cells, cell);
      }
    }
  for (int r = 0; r < next->n_rows; r++)
    for (int c = 0; c < first; c++)
      if (!taken[r * first + c])
        {
          double rect[4] = { g_array_index (table->col_edges, double, 2 * c), row_y[2 * r],
                             g_array_index (table->col_edges, double, 2 * c + 1), row_y[2 * r + 1] };

          g_ptr_array_add (cells, cf_pdf_cell_new_blank (r, c, next->page, rect));
        }
  g_ptr_array_set_size (next->cells, 0);
  g_ptr_array_extend_and_steal (next->cells, g_steal_pointer (&cells));
  if (next->lead != NULL)
    for (guint i = 0; i < next->lead->len; i++)
      {
        CfPdfCell *cell = g_ptr_array_index (next->lead, i);
        if (cell->col >= next_first)
          cell->col += first - next_first;
        else
          cell->col = label_column_at (table, first, cell->bbox[0]);
      }
  {
    g_autoptr (GArray) edges = g_array_new (FALSE, FALSE, sizeof (double));

    g_array_append_vals (edges, table->col_edges->data, 2 * first);
    g_array_append_vals (edges, &g_array_index (next->col_edges, double, 2 * next_first),
                         next->col_edges->len - 2 * next_first);
    g_array_set_size (next->col_edges, 0);
    g_array_append_vals (next->col_edges, edges->data, edges->len);
  }
  next->n_cols = table->n_cols;
}

/* Whether borderless @next, with the label columns of @table and fewer
 * value columns, goes on in the first of @table's: each of its value
 * columns lines up (one side at least) with the one of @table in its place,
 * as the rows of a part under a narrower band of the table do (第二十条第
 * （八）项 has two figures where the table has three). @map gets, per
 * column of @next, the column of @table it is. */
static gboolean
value_columns_within (const CfPdfTable *table, const CfPdfTable *next, int *map)
{
  int first = first_value_column (table, table), j;

  if (!g_str_equal (table->layout, "stream") || !g_str_equal (next->layout, "stream")
      || next->n_cols >= table->n_cols || first != first_value_column (next, next) || first >= next->n_cols
      || table->col_edges->len != 2 * (guint) table->n_cols || next->col_edges->len != 2 * (guint) next->n_cols)
    return FALSE;
  for (int c = 0; c < first; c++)
    map[c] = c;
  j = first;
  for (int c = first; c < next->n_cols; c++, j++)
    {
      double x0 = g_array_index (next->col_edges, double, 2 * c), x1 = g_array_index (next->col_edges, double, 2 * c + 1);

      while (j < table->n_cols && fabs (g_array_index (table->col_edges, double, 2 * j) - x0) > 10.0
             && fabs (g_array_index (table->col_edges, double, 2 * j + 1) - x1) > 10.0)
        j++;
      if (j != c)
        return FALSE;
      map[c] = j;
    }
  return TRUE;
}

/* Puts @next's cells on @table's columns by @map (value_columns_within). */
static void
move_to_columns (CfPdfTable *next, const CfPdfTable *table, const int *map)
{
  for (guint i = 0; i < next->cells->len; i++)
    {
      CfPdfCell *cell = g_ptr_array_index (next->cells, i);
      int end;

      if (cell == NULL || cell->col < 0 || cell->col + cell->col_span > next->n_cols)
        continue;
      end = map[cell->col + cell->col_span - 1];
      cell->col = map[cell->col];
      cell->col_span = end - cell->col + 1;
    }
  if (next->lead != NULL)
    for (guint i = 0; i < next->lead->len; i++)
      {
        CfPdfCell *cell = g_ptr_array_index (next->lead, i);
        if (cell->col >= 0 && cell->col < next->n_cols)
          cell->col = map[cell->col];
      }
  g_array_set_size (next->col_edges, 0);
  g_array_append_vals (next->col_edges, table->col_edges->data, table->col_edges->len);
  next->n_cols = table->n_cols;
}

void
cf_pdf_join_across_pages (GPtrArray *tables)
{
  /* Tables are in page order, so @next is the first table of its page and
   * @table the last one of the page it reached. */
  for (guint i = 0; i + 1 < tables->len;)
    {
      CfPdfTable *table = g_ptr_array_index (tables, i);
      CfPdfTable *next = g_ptr_array_index (tables, i + 1);

      /* It goes on where the page breaks: the table reaches the lower half
       * of its page, the next one starts in the upper half of the next. */
      g_autofree int *map = g_new (int, MAX (next->n_cols, 1));
      gboolean at_break = next->page == table->last_page + 1 && !next->title_is_heading
                          && table->last_bottom > table->page_height / 2 && next->bbox[1] < next->page_height / 2;
      /* Or the next page's part went on as a second table right under the
       * first one there (the stream reader cut the page's rows in two). */
      gboolean below = next->page == table->last_page && table->last_page > table->page
                       && !next->title_is_heading && next->bbox[1] >= table->last_bottom - 2.0
                       && next->bbox[1] - table->last_bottom < 40.0;
      gboolean within = (at_break || below) && !same_columns (table, next) && value_columns_within (table, next, map);
      gboolean piece;

      at_break = at_break || below;
      /* A part whose own rows showed fewer columns: placed on those above by x. */
      piece = at_break && !within && !same_columns (table, next) && cf_pdf_join_piece_fit (tables, table, next);
      if (at_break && (within || piece || same_columns (table, next)))
        {
          if (within)
            move_to_columns (next, table, map);
          else if (table->n_cols != next->n_cols && g_str_equal (table->layout, "lattice"))
            {
              if (table->n_cols < next->n_cols)
                regrid_columns (table, next, 4.0);
              else
                regrid_columns (next, table, 4.0);
            }
          else if (table->n_cols != next->n_cols && first_value_column (next, next) > first_value_column (table, table))
            recut_label_columns (next, table); /* the groups begin on the next page */
          else if (table->n_cols != next->n_cols)
            recut_label_columns (table, next);
          join_tables (table, next);
          cf_pdf_join_piece_doubt_crossed_rows (table);
          table->last_page = next->page;
          table->last_bottom = next->bbox[3];
          table->page_height = next->page_height;
          g_ptr_array_remove_index (tables, i + 1);
          continue;
        }
      i++;
    }
}
