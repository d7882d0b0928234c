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

/* The table row the grid's first row shows: the header rows above it are the
 * column titles (focusable, named, in the accessibility tree as column headers). */
int        cf_grid_view_get_first_row    (CfGridView *self);
/* The widget of the column title for header row @row over column @col (it may
 * span more), or for the title row of a table without printed header rows
 * (@row = cf_grid_view_get_first_row ()), else NULL. */
GtkWidget *cf_grid_view_get_title_widget (CfGridView *self,
                                          int         row,
                                          int         col);
/* The grid's zoom (1.0 is 100 %, from 0.5 to 2.0 in steps of 5 %): columns
 * and text alike. Setting it ends fitting the table's width. */
double     cf_grid_view_get_zoom         (CfGridView *self);
void       cf_grid_view_set_zoom         (CfGridView *self,
                                          double      zoom);
/* Zooms in (@direction > 0) or out (< 0) a step, or back to 100 % (0). */
void       cf_grid_view_zoom_step        (CfGridView *self,
                                          int         direction);
/* While @fit, the zoom is the largest (up to 100 %) at which the whole
 * table's width fits the grid's, and follows the grid's width. */
void       cf_grid_view_set_fit_width    (CfGridView *self,
                                          gboolean    fit);
gboolean   cf_grid_view_get_fit_width    (CfGridView *self);

G_END_DECLS
