/* cf-area-select.h: a rectangle and column separators drawn over a PDF page
 *
 * Lies over the page view (in a GtkOverlay of the same size). While active, a
 * drag draws the area of a table; a click inside the area adds a column
 * separator there and a drag of a separator moves it; Escape clears. A
 * popover at the area offers the extraction, ruled or borderless, through
 * the actions win.extract-area::ruled and win.extract-area::borderless.
 * Coordinates given and returned are PDF points, origin top-left, as in
 * CfCell bboxes; the scale is the page view's zoom (pixels per point).
 */
#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

#define CF_TYPE_AREA_SELECT (cf_area_select_get_type ())
G_DECLARE_FINAL_TYPE (CfAreaSelect, cf_area_select, CF, AREA_SELECT, GtkWidget)

GtkWidget    *cf_area_select_new         (void);
/* Inactive, it lets every event through to the page and draws nothing. */
void          cf_area_select_set_active  (CfAreaSelect *self,
                                          gboolean      active);
gboolean      cf_area_select_get_active  (CfAreaSelect *self);
void          cf_area_select_set_scale   (CfAreaSelect *self,
                                          double        scale);
/* The area as x0, y0, x1, y1 (x0 < x1, y0 < y1); FALSE when none is drawn. */
gboolean      cf_area_select_get_area    (CfAreaSelect *self,
                                          double        area[4]);
void          cf_area_select_set_area    (CfAreaSelect *self,
                                          const double  area[4]);
/* The separators' x, increasing, inside the area (@n_columns set to their count). */
const double *cf_area_select_get_columns (CfAreaSelect *self,
                                          guint        *n_columns);
/* Adds a separator at @x if it lies inside the area; FALSE otherwise. */
gboolean      cf_area_select_add_column  (CfAreaSelect *self,
                                          double        x);
void          cf_area_select_clear       (CfAreaSelect *self);

G_END_DECLS
