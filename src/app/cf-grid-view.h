/* cf-grid-view.h: a table as an editable, accessible GtkColumnView */
#pragma once

#include <adwaita.h>

#include "crossfoot.h"

G_BEGIN_DECLS

#define CF_TYPE_GRID_VIEW (cf_grid_view_get_type ())
G_DECLARE_FINAL_TYPE (CfGridView, cf_grid_view, CF, GRID_VIEW, AdwBin)

GtkWidget *cf_grid_view_new              (void);
void       cf_grid_view_set_table        (CfGridView *self,
                                          CfDocument *document,
                                          CfTable    *table);
CfTable   *cf_grid_view_get_table        (CfGridView *self);
/* Makes (@row, @col) the current cell, scrolls to it and, if @focus, focuses it. */
void       cf_grid_view_select_cell      (CfGridView *self,
                                          int         row,
                                          int         col,
                                          gboolean    focus);
gboolean   cf_grid_view_get_selected     (CfGridView *self,
                                          int        *row,
                                          int        *col);
/* Cells named by the chosen finding, drawn outlined (array of CfCell*, may be NULL). */
void       cf_grid_view_set_marked       (CfGridView *self,
                                          GPtrArray  *cells);
/* Re-reads the document's findings: cell colours, icons, tooltips, descriptions. */
void       cf_grid_view_refresh_findings (CfGridView *self);
/* Whether all of cell (@row, @col) is inside the grid's viewport now. */
gboolean   cf_grid_view_is_cell_visible  (CfGridView *self,
                                          int         row,
                                          int         col);
/* The widget showing (@row, @col) while it is on screen, else NULL. */
GtkWidget *cf_grid_view_get_cell_widget  (CfGridView *self,
                                          int         row,
                                          int         col);
GtkColumnView *cf_grid_view_get_column_view (CfGridView *self);
/* The selected range as tab-separated lines. */
char      *cf_grid_view_copy_selection   (CfGridView *self);
/* Pastes tab-separated @text into editable cells from the current cell on. */
void       cf_grid_view_paste_text       (CfGridView *self,
                                          const char *text);
/* Value edits go through @history (undoable, saved) instead of straight to the cell. */
void       cf_grid_view_set_history      (CfGridView    *self,
                                          CfEditHistory *history);
/* Cells the analyst restated in @review (the report is wrong) show it. */
void       cf_grid_view_set_review       (CfGridView    *self,
                                          CfReview      *review);
/* The selected rectangle (the current cell alone when nothing is extended). */
gboolean   cf_grid_view_get_range        (CfGridView *self,
                                          int        *first_row,
                                          int        *first_col,
                                          int        *last_row,
                                          int        *last_col);
/* Re-reads the table after a structure edit (rows, columns, spans, labels),
 * keeping the current cell where it still exists. */
void       cf_grid_view_reload           (CfGridView *self);
/* Shows the cell's text again after it changed outside the grid (undo). */
void       cf_grid_view_refresh_cell     (CfGridView *self,
                                          int         row,
                                          int         col);

G_END_DECLS
