/* cf-tooltip.h: tooltips that wrap Chinese text into lines, not into a column. */
#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

void       cf_tooltip_install   (GtkWidget *widget);
GtkLabel  *cf_tooltip_get_label (GtkWidget *widget);

G_END_DECLS
