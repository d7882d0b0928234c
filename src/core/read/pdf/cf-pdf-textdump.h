/* cf-pdf-textdump.h: PDF pages that are a plain-text dump of a report */
#pragma once

#include "cf-reading.h"

G_BEGIN_DECLS

/* The pages of @reading (a PDF's: text, boxes, the page finders' tables)
 * read back as the plain text they were printed from and run through the
 * text table finder. Its tables, placed on the pages, are added as
 * @reading's candidates when they hold numbers the page finders missed;
 * nothing is added for a report typeset with ruled tables of figures. For
 * text reports printed to PDF. */
void cf_pdf_text_dump_read (CfReading *reading);

G_END_DECLS
