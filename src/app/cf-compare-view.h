/* cf-compare-view.h: two years of one body's report side by side
 *
 * One grid over the cells of a table in both years — the row, the column,
 * each year's value and the change — with changed cells marked; a check
 * box lists every changed cell of every table, largest first. The
 * carry-over findings are listed under the grid, the text changes beside it.
 * Every value cell names its row, column and year for assistive tools.
 */
#pragma once
#include <adwaita.h>
#include "crossfoot.h"

G_BEGIN_DECLS

typedef enum
{
  CF_COMPARE_COLUMN_ROW,
  CF_COMPARE_COLUMN_COLUMN,
  CF_COMPARE_COLUMN_OLD,
  CF_COMPARE_COLUMN_NEW,
  CF_COMPARE_COLUMN_CHANGE,
  CF_COMPARE_N_COLUMNS
} CfCompareColumn;

#define CF_TYPE_COMPARE_VIEW (cf_compare_view_get_type ())
G_DECLARE_FINAL_TYPE (CfCompareView, cf_compare_view, CF, COMPARE_VIEW, AdwBin)

GtkWidget     *cf_compare_view_new            (void);
void           cf_compare_view_set_comparison (CfCompareView *self,
                                               CfComparison  *comparison);
CfComparison  *cf_compare_view_get_comparison (CfCompareView *self);
/* Shows the table at @index of the comparison's tables. */
void           cf_compare_view_select_table   (CfCompareView *self,
                                               guint          index);
/* Every changed cell of every table, largest first (TRUE), or the table chosen. */
void           cf_compare_view_set_largest_first (CfCompareView *self,
                                                  gboolean       largest_first);
GtkColumnView *cf_compare_view_get_column_view (CfCompareView *self);
/* The rows shown (a GListModel of CfCellChange). */
GListModel    *cf_compare_view_get_model      (CfCompareView *self);
GtkListBox    *cf_compare_view_get_findings   (CfCompareView *self);
GtkTextView   *cf_compare_view_get_text_view  (CfCompareView *self);

G_END_DECLS
