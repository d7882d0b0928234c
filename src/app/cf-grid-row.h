/* cf-grid-row.h: one printed row of a table, the item type of the grid's model */
#pragma once

#include <glib-object.h>

#include "crossfoot.h"

G_BEGIN_DECLS

#define CF_TYPE_GRID_ROW (cf_grid_row_get_type ())
G_DECLARE_FINAL_TYPE (CfGridRow, cf_grid_row, CF, GRID_ROW, GObject)

CfGridRow *cf_grid_row_new       (CfTable   *table,
                                  int        row);
CfTable   *cf_grid_row_get_table (CfGridRow *self);
int        cf_grid_row_get_row   (CfGridRow *self);

/* A model of the rows of @table from @first_row on (the header rows above it
 * are the grid's column titles), for the grid. */
GListModel *cf_grid_row_model_new (CfTable *table,
                                   int      first_row);

G_END_DECLS
