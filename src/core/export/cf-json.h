/* cf-json.h: documents and findings out as JSON (../shared/spec/cli.md) */
#pragma once

#include <json-glib/json-glib.h>
#include "cf-document.h"
#include "cf-review.h"

G_BEGIN_DECLS

/* audit --json: one document as the object of ../shared/spec/cli.md. */
JsonNode   *cf_json_document        (CfDocument    *doc);
/* The same on one line (JSON Lines). */
char       *cf_json_document_line   (CfDocument    *doc);
/* One finding as the objects of "findings" in cf_json_document. */
JsonNode   *cf_json_finding         (const CfFinding *finding);
/* The same with the verdicts of @review (may be NULL): an accepted finding
 * gets "accepted": true and "note": "…"; the others are unchanged. */
JsonNode   *cf_json_document_with_review      (CfDocument      *doc,
                                               CfReview        *review);
char       *cf_json_document_line_with_review (CfDocument      *doc,
                                               CfReview        *review);
JsonNode   *cf_json_finding_with_review       (const CfFinding *finding,
                                               CfReview        *review);
/* Any node on one line. */
char       *cf_json_node_to_line    (JsonNode      *node);

/* Sets @member to @value, or to null when @value is NULL. */
void        cf_json_add_string_or_null (JsonBuilder *b,
                                        const char  *member,
                                        const char  *value);

G_END_DECLS
