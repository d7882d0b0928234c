/* cf-pdf-join.h: tables that run on over a page break, joined */
#pragma once

#include "cf-pdf-table.h"

G_BEGIN_DECLS

/* Joins each table of @tables (of CfPdfTable, in page order, cell offsets
 * into the document text) that goes on at the top of the next page with its
 * part there (same columns, or a repeated header): a row the break cut in two
 * is one row again, and a group label printed above the break spans its rows
 * below it. The parts joined are removed from @tables. */
void cf_pdf_join_across_pages (GPtrArray *tables);

G_END_DECLS
