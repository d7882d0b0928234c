/* cf-pdf-lattice.h: ruled (lattice) tables of a PDF page */
#pragma once

#include "cf-pdf-rulings.h"

G_BEGIN_DECLS

/* Ruled tables of @page, framed by the rulings in @runs; their characters
 * are marked in @used, and characters already marked are left out. Appends
 * CfPdfTable to @tables. */
void cf_pdf_find_lattice_tables (const CfPdfPage *page,
                                 const CfPdfRuns *runs,
                                 gboolean        *used,
                                 GPtrArray       *tables);

G_END_DECLS
