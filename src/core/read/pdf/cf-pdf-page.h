/* cf-pdf-page.h: the tables of one PDF page */
#pragma once

#include "cf-pdf-rulings.h"

G_BEGIN_DECLS

/* FALSE when no line of @page has a gap wider than a character: running text
 * only, no table to look for (and no need to render the page). */
gboolean  cf_pdf_page_may_hold_table (const CfPdfPage *page);

/* Finds the ruled and the borderless tables of @page. @runs may be NULL (no
 * rulings looked for). Appends CfPdfTable to @tables, top to bottom.
 * @trailing_heading: set to the heading that ends the page below every table
 * (it names the first table of the next page), or NULL. */
void      cf_pdf_find_tables         (const CfPdfPage *page,
                                      const CfPdfRuns *runs,
                                      GPtrArray       *tables,
                                      char           **trailing_heading);

G_END_DECLS
