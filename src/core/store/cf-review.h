/* cf-review.h: the analyst's verdicts on findings, and which tables are reviewed
 *
 * Accepting a finding says "the report is wrong, keep it as published": the
 * finding stays visible but no longer counts as open, and its note travels
 * with the exports. A finding is named stably by its rule, its table id and
 * its first cell (canonical keys when mapped, else the grid slot; the text
 * offset for narrative findings), so a re-audit finds the verdict again. A
 * table mapped to a form has its form table's id; another keeps the "table-N"
 * it was extracted with, which does not shift when other tables are deleted or
 * added, and which no table added later takes over (cf_document_new_table_id),
 * so verdicts and reviewed marks stay on their table across edits and reopens.
 * Verdicts are stored per document (SHA-256) in the corrections database.
 */
#pragma once

#include "cf-store.h"

G_BEGIN_DECLS

#define CF_TYPE_REVIEW (cf_review_get_type ())
G_DECLARE_FINAL_TYPE (CfReview, cf_review, CF, REVIEW, GObject)

/* The review state of the document with @sha256, read from @store (NULL: kept
 * in memory only). */
CfReview   *cf_review_new                (CfStore *store,
                                          const char        *sha256,
                                          GError           **error);
/* A copy of @self's verdicts and reviewed tables, kept in memory only (no
 * database): a snapshot to count with, e.g. on another thread. */
CfReview   *cf_review_copy_in_memory     (CfReview          *self);
/* "rule|table|cell": what names @finding across re-audits. */
char       *cf_review_key_for_finding    (const CfFinding   *finding);

gboolean    cf_review_accept             (CfReview          *self,
                                          const CfFinding   *finding,
                                          const char        *note,
                                          GError           **error);
/* Also forgets the right figures given for the cells @finding names. */
gboolean    cf_review_unaccept           (CfReview          *self,
                                          const CfFinding   *finding,
                                          GError           **error);
/* Whether @finding is accepted; @note (may be NULL) receives its note ("" when none). */
gboolean    cf_review_is_accepted        (CfReview          *self,
                                          const CfFinding   *finding,
                                          const char       **note);
guint       cf_review_get_n_accepted     (CfReview          *self);

/* "The report is wrong, here is the right figure": records @corrected as the
 * right figure for @cell of @table while the cell keeps its printed text (and
 * the audit keeps auditing it). Every finding naming the cell then counts as
 * accepted, its note giving the right and the printed figure. An empty or
 * NULL @corrected forgets the restatement. Stored by the cell's keys (else its
 * grid slot) like the verdicts. */
gboolean    cf_review_restate            (CfReview          *self,
                                          CfTable           *table,
                                          const CfCell      *cell,
                                          const char        *corrected,
                                          GError           **error);
/* The right figure the analyst gave for @cell, or NULL; @printed (may be
 * NULL) receives the text printed when it was given. */
const char *cf_review_get_restated       (CfReview          *self,
                                          CfTable           *table,
                                          const CfCell      *cell,
                                          const char       **printed);
guint       cf_review_get_n_restated     (CfReview          *self);
/* "open-error", "accepted-error", "open-warning", "accepted-warning", "info",
 * "accepted-info": a finding's state for exports (@self may be NULL). */
const char *cf_review_finding_state      (CfReview          *self,
                                          const CfFinding   *finding);

gboolean    cf_review_set_table_reviewed (CfReview          *self,
                                          const char        *table_id,
                                          gboolean           reviewed,
                                          GError           **error);
gboolean    cf_review_get_table_reviewed (CfReview          *self,
                                          const char        *table_id);

/* Findings of @doc of @severity that are not accepted. */
guint       cf_review_count_open         (CfReview          *self,
                                          CfDocument        *doc,
                                          CfSeverity         severity);

G_END_DECLS
