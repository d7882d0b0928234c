/* cf-form-match.h: recognising a document's form and giving its cells their canonical keys */
#pragma once

#include "cf-document.h"
#include "cf-form.h"

G_BEGIN_DECLS

#define CF_TYPE_FORM_MATCH (cf_form_match_get_type ())
G_DECLARE_FINAL_TYPE (CfFormMatch, cf_form_match, CF, FORM_MATCH, GObject)

/* Recognises the form of @doc's tables: sets the tables' ids, the cells'
 * row and column keys and the document's form id (the year, if known, breaks
 * ties). Runs no rule and adds no finding; the match keeps what the rules
 * need. Safe to call again after an edit. @registry NULL means the default. */
CfFormMatch *cf_form_match_new         (CfDocument     *doc,
                                        CfFormRegistry *registry);
/* How many cells got canonical keys. */
guint        cf_form_match_get_n_cells (CfFormMatch    *self);

/* cf_form_match_new() for its effect on @doc: returns the number of
 * canonical cells mapped (a measure of how well a reading fits a form). */
guint        cf_form_match_document    (CfDocument     *doc,
                                        CfFormRegistry *registry);

G_END_DECLS
