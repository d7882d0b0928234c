/* cf-compare-json.h: a comparison as JSON (crossfoot-cli compare --json, docs/cli.md) */
#pragma once
#include <json-glib/json-glib.h>
#include "cf-comparison.h"
#include "cf-review.h"

G_BEGIN_DECLS

/* How many changes the "largest_changes" member lists. */
#define CF_COMPARE_N_LARGEST 20

/* The comparison as one JSON object; @review (may be NULL) holds the
 * analyst's verdicts on the later report, to mark accepted carry-over
 * findings. Unchanged sentences are left out of "text". */
JsonNode *cf_comparison_to_json (CfComparison *comparison,
                                 CfReview     *review);

G_END_DECLS
