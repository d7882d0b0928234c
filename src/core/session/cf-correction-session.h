/* cf-correction-session.h: a document tied to its saved corrections
 *
 * The session opens the corrections store, replays the analyst's saved
 * structure edits and value corrections on a freshly read document, and owns
 * the undo history (which saves every step as it is made) and the review
 * state. It also remembers which SHA-256 each file path last had, so that a
 * report whose bytes changed since it was corrected can offer the old work.
 */
#pragma once

#include "cf-edit-history.h"
#include "cf-review.h"
#include "cf-store.h"

G_BEGIN_DECLS

#define CF_TYPE_CORRECTION_SESSION (cf_correction_session_get_type ())
G_DECLARE_FINAL_TYPE (CfCorrectionSession, cf_correction_session, CF, CORRECTION_SESSION, GObject)

/* Opens the default store (CROSSFOOT_DATA_DIR or the user's data folder) and
 * restores @doc's saved edits. Call before the first audit; safe in a worker
 * thread. */
CfCorrectionSession *cf_correction_session_new            (CfDocument          *doc,
                                                           GError             **error);
/* The same with @store (NULL: nothing is read or saved, the edits stay in
 * memory; read-only: saved work is read and applied, nothing is written). */
CfCorrectionSession *cf_correction_session_new_with_store (CfDocument          *doc,
                                                           CfStore             *store,
                                                           GError             **error);
/* The same for a document whose saved work was applied already, with
 * cf_store_restore() (the batch inbox's): nothing is replayed
 * again; @n_stale is what that restore found no longer fitting. */
CfCorrectionSession *cf_correction_session_new_restored   (CfDocument          *doc,
                                                           guint                n_stale,
                                                           GError             **error);
CfDocument          *cf_correction_session_get_document   (CfCorrectionSession *self);
CfEditHistory       *cf_correction_session_get_history    (CfCorrectionSession *self);
CfReview            *cf_correction_session_get_review     (CfCorrectionSession *self);
CfStore   *cf_correction_session_get_store      (CfCorrectionSession *self);
/* How many restored edits and corrections no longer fit the document. */
guint                cf_correction_session_get_n_stale    (CfCorrectionSession *self);
/* How many edits and corrections were saved for the document. */
guint                cf_correction_session_get_n_restored (CfCorrectionSession *self);
/* How many of them were applied on opening (a correction whose cell's
 * extracted text changed counts here and as stale). */
guint                cf_correction_session_get_n_applied  (CfCorrectionSession *self);
/* What the user must be told about the saved work (the message names the
 * file), or NULL: it could not be read (cf_correction_session_get_store()
 * is NULL then), it was recovered from a damaged database, or new edits
 * cannot be saved (a read-only store). */
const GError        *cf_correction_session_get_store_error (CfCorrectionSession *self);
void                 cf_correction_session_set_store_error (CfCorrectionSession *self,
                                                            const GError        *error);
/* How many edits and corrections an earlier version of this file (same path,
 * other bytes) has, when this version has none; 0 otherwise. */
guint                cf_correction_session_get_n_previous (CfCorrectionSession *self);
/* Copies the earlier version's work to this document (reload it to replay). */
gboolean             cf_correction_session_adopt_previous (CfCorrectionSession *self,
                                                           GError             **error);
/* Forgets that the earlier version's work belongs to this file. */
gboolean             cf_correction_session_discard_previous (CfCorrectionSession *self,
                                                             GError             **error);

G_END_DECLS
