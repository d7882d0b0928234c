/* cf-pdf-side.h: tables set side by side on a PDF page */
#pragma once

#include "cf-pdf-lines.h"

G_BEGIN_DECLS

/* Tables set side by side, or beside prose: the lines a gutter runs through
 * are cut in two there, the parts on a panel each (CfPdfLine.panel), so that
 * each side is read as a block of its own. Returns TRUE when any line was
 * cut or moved to a panel. */
gboolean cf_pdf_split_side_by_side     (const CfPdfPage *page,
                                        GPtrArray       *lines);

/* For sorting lines (CfPdfLine *) panel by panel, top to bottom in each. */
int      cf_pdf_compare_lines_by_panel (gconstpointer    a,
                                        gconstpointer    b);

G_END_DECLS
