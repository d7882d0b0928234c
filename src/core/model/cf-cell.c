#include "cf-cell.h"

G_DEFINE_BOXED_TYPE (CfCell, cf_cell, cf_cell_copy, cf_cell_free)

CfCell *
cf_cell_new (int row, int col, int row_span, int col_span, const char *text, gint64 offset,
             gint64 length)
{
  CfCell *cell = g_new0 (CfCell, 1);

  cell->row = row;
  cell->col = col;
  cell->row_span = MAX (row_span, 1);
  cell->col_span = MAX (col_span, 1);
  cell->text = g_strdup (text ? text : "");
  cell->offset = offset;
  cell->length = length;
  cf_number_parse (cell->text, -1, &cell->number);
  return cell;
}

CfCell *
cf_cell_copy (const CfCell *cell)
{
  CfCell *copy = g_memdup2 (cell, sizeof *cell);

  copy->text = g_strdup (cell->text);
  copy->original_text = g_strdup (cell->original_text);
  copy->row_key = g_strdup (cell->row_key);
  copy->col_key = g_strdup (cell->col_key);
  return copy;
}

void
cf_cell_free (CfCell *cell)
{
  if (cell == NULL)
    return;
  g_free (cell->text);
  g_free (cell->original_text);
  g_free (cell->row_key);
  g_free (cell->col_key);
  g_free (cell);
}

void
cf_cell_set_text (CfCell *cell, const char *text)
{
  if (text == NULL)
    text = "";
  if (g_strcmp0 (cell->text, text) == 0)
    return;
  if (cell->original_text == NULL)
    cell->original_text = g_steal_pointer (&cell->text);
  else
    g_free (cell->text);
  cell->text = g_strdup (text);
  if (g_strcmp0 (cell->text, cell->original_text) == 0)
    {
      g_clear_pointer (&cell->original_text, g_free);
      cell->flags &= ~CF_CELL_FLAG_CORRECTED;
    }
  else
    cell->flags |= CF_CELL_FLAG_CORRECTED;
  cf_number_parse (cell->text, -1, &cell->number);
}

void
cf_cell_set_keys (CfCell *cell, const char *row_key, const char *col_key)
{
  g_free (cell->row_key);
  g_free (cell->col_key);
  cell->row_key = g_strdup (row_key);
  cell->col_key = g_strdup (col_key);
}
