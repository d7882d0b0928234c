/* STUB: replaced by the audit. */
#include "cf-audit.h"
#include "cf-prose.h"

void
cf_audit_document (CfDocument *doc, CfFormRegistry *registry)
{
  GPtrArray *notes = cf_document_get_notes (doc);

  (void) registry;
  cf_document_clear_findings (doc);
  for (guint i = 0; i < notes->len; i++)
    cf_document_take_finding (doc, cf_finding_copy (g_ptr_array_index (notes, i)));
  cf_report_meta_read (doc);
  cf_prose_check (doc);
}

void
cf_audit_batch (GPtrArray *documents)
{
  (void) documents;
}
