/* cf-audit.h: checking every relation the forms and the prose state */
#pragma once

#include "cf-document.h"
#include "cf-form.h"

G_BEGIN_DECLS

/* Recognises the document's form (sets table ids, cell keys, the form id), then
 * refills its findings: extraction notes, form rules, generic totals, prose.
 * Safe to call again after an edit. @registry NULL means the default. */
void        cf_audit_document       (CfDocument     *doc,
                                     CfFormRegistry *registry);

/* Rules across reports (same body, consecutive years). Call after each
 * document was audited; adds findings to the later year's document. */
void        cf_audit_batch          (GPtrArray      *documents);

/* A small copy of @doc holding only what cf_audit_batch() reads: its
 * identity, body, year, form, and the cells its form's rules across years
 * read (so a batch of a thousand reports stays small). NULL when @doc has no
 * body, year or known form and so pairs with no other. */
CfDocument *cf_audit_batch_stub_new (CfDocument     *doc);

G_END_DECLS
