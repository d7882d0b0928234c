/* STUB: replaced by the prose checks. */
#include "cf-prose.h"

void
cf_prose_check (CfDocument *doc)
{
  (void) doc;
}

void
cf_report_meta_read (CfDocument *doc)
{
  (void) doc;
}
