/* cf-prose.h: checking the totals stated in sentences (共N…其中A、B…) */
#pragma once

#include "cf-document.h"

G_BEGIN_DECLS

/* Adds narrative findings (table NULL, offset or page/bbox of the sentence). */
void cf_prose_check (CfDocument *doc);

/* Reads the issuing body and year from the title or first lines. */
void cf_report_meta_read (CfDocument *doc);

G_END_DECLS
