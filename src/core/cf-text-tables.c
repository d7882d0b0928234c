/* STUB: replaced by the text table finder. */
#include "cf-text-tables.h"

void
cf_text_tables_find (CfDocument *doc)
{
  (void) doc;
}
