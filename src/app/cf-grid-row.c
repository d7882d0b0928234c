/* cf-grid-row.c: one small object per row (not per cell) keeps big tables cheap */
#include "config.h"

#include <gio/gio.h>

#include "cf-grid-row.h"

struct _CfGridRow
{
  GObject  parent_instance;
  CfTable *table;
  int      row;
};

G_DEFINE_FINAL_TYPE (CfGridRow, cf_grid_row, G_TYPE_OBJECT)

static void
cf_grid_row_finalize (GObject *object)
{
  CfGridRow *self = CF_GRID_ROW (object);

  g_clear_object (&self->table);
  G_OBJECT_CLASS (cf_grid_row_parent_class)->finalize (object);
}

static void
cf_grid_row_class_init (CfGridRowClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = cf_grid_row_finalize;
}

static void
cf_grid_row_init (CfGridRow *self)
{
}

CfGridRow *
cf_grid_row_new (CfTable *table, int row)
{
  CfGridRow *self = g_object_new (CF_TYPE_GRID_ROW, NULL);

  self->table = g_object_ref (table);
  self->row = row;
  return self;
}

CfTable *
cf_grid_row_get_table (CfGridRow *self)
{
  g_return_val_if_fail (CF_IS_GRID_ROW (self), NULL);
  return self->table;
}

int
cf_grid_row_get_row (CfGridRow *self)
{
  g_return_val_if_fail (CF_IS_GRID_ROW (self), -1);
  return self->row;
}

GListModel *
cf_grid_row_model_new (CfTable *table, int first_row)
{
  GListStore *store = g_list_store_new (CF_TYPE_GRID_ROW);
  int n_rows = cf_table_get_n_rows (table);
  g_autoptr (GPtrArray) rows = g_ptr_array_new_full (MAX (n_rows - first_row, 0), g_object_unref);

  for (int r = MAX (first_row, 0); r < n_rows; r++)
    g_ptr_array_add (rows, cf_grid_row_new (table, r));
  /* One splice, so the view hears about all rows at once. */
  g_list_store_splice (store, 0, 0, rows->pdata, rows->len);
  return G_LIST_MODEL (store);
}
