#include "cf-table.h"

struct _CfTable
{
  GObject    parent_instance;

  GPtrArray *cells;   /* of CfCell, sorted by (row, col) after finish */
  int        n_rows;
  int        n_cols;
  /* n_rows * n_cols slots pointing at the covering cell; rebuilt lazily. */
  CfCell   **grid;
  gboolean   grid_valid;
  char      *id;
  char      *title;
  char      *layout;
  int        page;
  gint64     offset;
  gint64     length;
};

G_DEFINE_FINAL_TYPE (CfTable, cf_table, G_TYPE_OBJECT)

static void
cf_table_finalize (GObject *object)
{
  CfTable *self = CF_TABLE (object);

  g_ptr_array_unref (self->cells);
  g_free (self->grid);
  g_free (self->id);
  g_free (self->title);
  g_free (self->layout);
  G_OBJECT_CLASS (cf_table_parent_class)->finalize (object);
}

static void
cf_table_class_init (CfTableClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = cf_table_finalize;
}

static void
cf_table_init (CfTable *self)
{
  self->cells = g_ptr_array_new_with_free_func ((GDestroyNotify) cf_cell_free);
  self->offset = -1;
  self->length = 0;
}

CfTable *
cf_table_new (void)
{
  return g_object_new (CF_TYPE_TABLE, NULL);
}

CfCell *
cf_table_add_cell (CfTable *self, int row, int col, int row_span, int col_span, const char *text,
                   gint64 offset, gint64 length)
{
  CfCell *cell;

  g_return_val_if_fail (CF_IS_TABLE (self), NULL);
  g_return_val_if_fail (row >= 0 && col >= 0, NULL);

  cell = cf_cell_new (row, col, row_span, col_span, text, offset, length);
  g_ptr_array_add (self->cells, cell);
  self->n_rows = MAX (self->n_rows, row + cell->row_span);
  self->n_cols = MAX (self->n_cols, col + cell->col_span);
  self->grid_valid = FALSE;
  return cell;
}

guint
cf_table_get_n_cells (CfTable *self)
{
  g_return_val_if_fail (CF_IS_TABLE (self), 0);
  return self->cells->len;
}

CfCell *
cf_table_get_cell_at (CfTable *self, guint index)
{
  g_return_val_if_fail (CF_IS_TABLE (self), NULL);
  g_return_val_if_fail (index < self->cells->len, NULL);
  return g_ptr_array_index (self->cells, index);
}

static void
ensure_grid (CfTable *self)
{
  gsize n;

  if (self->grid_valid)
    return;
  g_free (self->grid);
  n = (gsize) self->n_rows * (gsize) self->n_cols;
  self->grid = g_new0 (CfCell *, MAX (n, 1));
  for (guint i = 0; i < self->cells->len; i++)
    {
      CfCell *cell = g_ptr_array_index (self->cells, i);

      for (int r = cell->row; r < cell->row + cell->row_span && r < self->n_rows; r++)
        for (int c = cell->col; c < cell->col + cell->col_span && c < self->n_cols; c++)
          {
            CfCell **slot = &self->grid[(gsize) r * self->n_cols + c];
            /* The first cell placed wins a slot two cells claim. */
            if (*slot == NULL)
              *slot = cell;
          }
    }
  self->grid_valid = TRUE;
}

CfCell *
cf_table_get_cell (CfTable *self, int row, int col)
{
  g_return_val_if_fail (CF_IS_TABLE (self), NULL);
  if (row < 0 || col < 0 || row >= self->n_rows || col >= self->n_cols)
    return NULL;
  ensure_grid (self);
  return self->grid[(gsize) row * self->n_cols + col];
}

CfCell *
cf_table_get_origin_cell (CfTable *self, int row, int col)
{
  CfCell *cell = cf_table_get_cell (self, row, col);

  if (cell != NULL && cell->row == row && cell->col == col)
    return cell;
  return NULL;
}

CfCell *
cf_table_find_by_keys (CfTable *self, const char *row_key, const char *col_key)
{
  g_return_val_if_fail (CF_IS_TABLE (self), NULL);
  for (guint i = 0; i < self->cells->len; i++)
    {
      CfCell *cell = g_ptr_array_index (self->cells, i);

      if (g_strcmp0 (cell->row_key, row_key) == 0 && g_strcmp0 (cell->col_key, col_key) == 0)
        return cell;
    }
  return NULL;
}

int
cf_table_get_n_rows (CfTable *self)
{
  g_return_val_if_fail (CF_IS_TABLE (self), 0);
  return self->n_rows;
}

int
cf_table_get_n_cols (CfTable *self)
{
  g_return_val_if_fail (CF_IS_TABLE (self), 0);
  return self->n_cols;
}

const char *
cf_table_get_id (CfTable *self)
{
  g_return_val_if_fail (CF_IS_TABLE (self), NULL);
  return self->id;
}

void
cf_table_set_id (CfTable *self, const char *id)
{
  g_return_if_fail (CF_IS_TABLE (self));
  g_free (self->id);
  self->id = g_strdup (id);
}

const char *
cf_table_get_title (CfTable *self)
{
  g_return_val_if_fail (CF_IS_TABLE (self), NULL);
  return self->title;
}

void
cf_table_set_title (CfTable *self, const char *title)
{
  g_return_if_fail (CF_IS_TABLE (self));
  g_free (self->title);
  self->title = g_strdup (title);
}

int
cf_table_get_page (CfTable *self)
{
  g_return_val_if_fail (CF_IS_TABLE (self), 0);
  return self->page;
}

void
cf_table_set_page (CfTable *self, int page)
{
  g_return_if_fail (CF_IS_TABLE (self));
  self->page = page;
}

void
cf_table_get_range (CfTable *self, gint64 *offset, gint64 *length)
{
  g_return_if_fail (CF_IS_TABLE (self));
  if (offset)
    *offset = self->offset;
  if (length)
    *length = self->length;
}

void
cf_table_set_range (CfTable *self, gint64 offset, gint64 length)
{
  g_return_if_fail (CF_IS_TABLE (self));
  self->offset = offset;
  self->length = length;
}

const char *
cf_table_get_layout (CfTable *self)
{
  g_return_val_if_fail (CF_IS_TABLE (self), NULL);
  return self->layout;
}

void
cf_table_set_layout (CfTable *self, const char *layout)
{
  g_return_if_fail (CF_IS_TABLE (self));
  g_free (self->layout);
  self->layout = g_strdup (layout);
}

static int
compare_cells (gconstpointer a, gconstpointer b)
{
  const CfCell *ca = *(CfCell * const *) a;
  const CfCell *cb = *(CfCell * const *) b;

  if (ca->row != cb->row)
    return ca->row < cb->row ? -1 : 1;
  if (ca->col != cb->col)
    return ca->col < cb->col ? -1 : 1;
  return 0;
}

void
cf_table_finish (CfTable *self)
{
  g_return_if_fail (CF_IS_TABLE (self));
  g_ptr_array_sort (self->cells, compare_cells);
  self->grid_valid = FALSE;
  ensure_grid (self);
}
