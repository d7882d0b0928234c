/* cf-prose.h: checking the totals stated in sentences (共N…其中A、B…) */
#pragma once

#include "cf-document.h"

G_BEGIN_DECLS

/* Adds narrative findings (table NULL, offset or page/bbox of the sentence). */
void cf_prose_check (CfDocument *doc);

G_END_DECLS
