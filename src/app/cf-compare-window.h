/* cf-compare-window.h: a window showing one comparison of two years */
#pragma once
#include <adwaita.h>
#include "crossfoot.h"
#include "cf-compare-view.h"

G_BEGIN_DECLS

#define CF_TYPE_COMPARE_WINDOW (cf_compare_window_get_type ())
G_DECLARE_FINAL_TYPE (CfCompareWindow, cf_compare_window, CF, COMPARE_WINDOW, AdwApplicationWindow)

/* Its title is "YEAR → YEAR — Crossfoot"; the header bar exports the
 * comparison as PDF or HTML (actions compare.export-pdf, compare.export-html;
 * Ctrl+E). F6 and Alt+1–3 move between the grid, the findings and the text. */
CfCompareWindow *cf_compare_window_new      (GtkApplication  *application,
                                             CfComparison    *comparison);
CfCompareView   *cf_compare_window_get_view (CfCompareWindow *self);

G_END_DECLS
