/* cf-grid-header.h: the table's printed header rows as the grid's column titles */
#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

#define CF_TYPE_GRID_HEADER (cf_grid_header_get_type ())
G_DECLARE_FINAL_TYPE (CfGridHeader, cf_grid_header, CF, GRID_HEADER, GtkWidget)

GtkWidget *cf_grid_header_new        (void);
/* Drops every title. */
void       cf_grid_header_clear      (CfGridHeader *self);
/* Adds @title over columns [@first_col, @last_col] and header rows [@first_row, @last_row]. */
void       cf_grid_header_add        (CfGridHeader *self,
                                      GtkWidget    *title,
                                      int           first_row,
                                      int           last_row,
                                      int           first_col,
                                      int           last_col);
/* The columns' widths in pixels, in order (@n_cols of them). */
void       cf_grid_header_set_widths (CfGridHeader *self,
                                      const int    *widths,
                                      int           n_cols);
/* How far the columns below are scrolled to the left. */
void       cf_grid_header_set_offset (CfGridHeader *self,
                                      double        offset);
/* The title over header row @row and column @col, or NULL. */
GtkWidget *cf_grid_header_get_title  (CfGridHeader *self,
                                      int           row,
                                      int           col);
/* Where column @col starts, in the header's coordinates (offset included). */
double     cf_grid_header_column_x   (CfGridHeader *self,
                                      int           col);

G_END_DECLS
