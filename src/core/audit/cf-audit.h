/* cf-audit.h: checking every relation the forms and the prose state */
#pragma once

#include "cf-document.h"
#include "cf-form.h"

G_BEGIN_DECLS

/* Recognises the document's form (sets table ids, cell keys, the form id), then
 * refills its findings: extraction notes, form rules, generic totals, prose.
 * Safe to call again after an edit. @registry NULL means the default. */
void cf_audit_document (CfDocument     *doc,
                        CfFormRegistry *registry);

/* Rules across reports (same body, consecutive years). Call after each
 * document was audited; adds findings to the later year's document. */
void cf_audit_batch    (GPtrArray      *documents);

G_END_DECLS
