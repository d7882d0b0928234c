/* cf-pdf-quality.h: how far a table read from a PDF page can be trusted */
#pragma once

#include "cf-table.h"

G_BEGIN_DECLS

/* A confidence from 0 to 1 for @table, finished, as read from a PDF: how
 * well its cells line up in their columns (left, right or centred) times
 * how much of its grid they fill, lower for a table of one row or column.
 * A ruled table's cells are the slots of its rules and always line up. */
double cf_pdf_table_confidence (CfTable *table);

G_END_DECLS
