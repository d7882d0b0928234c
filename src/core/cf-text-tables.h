/* cf-text-tables.h: finding tables in plain text, in every layout reports use */
#pragma once

#include "cf-document.h"

G_BEGIN_DECLS

/* Scans the document's text and adds every table it finds (pipe remnants,
 * tab-separated rows, one cell per line, whitespace-aligned columns,
 * Markdown/pipe tables). Cells carry byte offsets into the text; rows that
 * lost a cell get CF_CELL_FLAG_MISSING slots and a note on the document. */
void cf_text_tables_find (CfDocument *doc);

G_END_DECLS
