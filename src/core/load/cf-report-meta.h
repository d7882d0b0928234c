/* cf-report-meta.h: the issuing body and year of a report */
#pragma once

#include "cf-document.h"

G_BEGIN_DECLS

/* Reads the issuing body and year from the title, the first lines or the
 * signature of @doc's text and sets them (cf_document_set_report_meta();
 * NULL / 0 when not found). The loader calls it on every document. */
void cf_report_meta_read (CfDocument *doc);

G_END_DECLS
