/* cf-pdf-textdump.h: PDF pages that are a plain-text dump of a report */
#pragma once

#include "cf-document.h"

G_BEGIN_DECLS

/* The document's pages read back as the plain text they were printed from
 * and run through the text table finder; a form table it reads better than
 * the page finders did replaces theirs, its cells placed on the pages. For
 * text reports printed to PDF. */
void cf_pdf_add_text_dump_tables (CfDocument *doc);

G_END_DECLS
