/* cf-batch.h: many reports read and audited in the background
 *
 * A batch is a list of files (chosen one by one or found in a folder) that a
 * small thread pool loads and audits, two at a time. Each result arrives on the
 * main context the batch was made in, as a "document-done" signal and as a
 * change of its CfBatchEntry in the batch's GListModel, so a list widget can
 * show the batch filling in. When the last file is done, the rules across
 * years run over every loaded document and "finished" is emitted.
 */
#pragma once

#include <gio/gio.h>
#include "cf-document.h"
#include "cf-review.h"

G_BEGIN_DECLS

typedef enum
{
  CF_BATCH_STATE_QUEUED,
  CF_BATCH_STATE_RUNNING,
  CF_BATCH_STATE_DONE,
  CF_BATCH_STATE_FAILED,
} CfBatchState;

const char *cf_batch_state_to_string (CfBatchState state);

/* One file of a batch. Its properties (state, document, form, counts) change
 * only on the batch's main context, with notify signals. */
#define CF_TYPE_BATCH_ENTRY (cf_batch_entry_get_type ())
G_DECLARE_FINAL_TYPE (CfBatchEntry, cf_batch_entry, CF, BATCH_ENTRY, GObject)

const char   *cf_batch_entry_get_path          (CfBatchEntry *self);
/* The file name without folders. */
const char   *cf_batch_entry_get_name          (CfBatchEntry *self);
CfBatchState  cf_batch_entry_get_state         (CfBatchEntry *self);
/* The loaded and audited document, or NULL until done (and when failed). */
CfDocument   *cf_batch_entry_get_document      (CfBatchEntry *self);
/* Why the file could not be read (its message names the file), or NULL. */
const GError *cf_batch_entry_get_error         (CfBatchEntry *self);
/* The recognised form id, or NULL. */
const char   *cf_batch_entry_get_form          (CfBatchEntry *self);
guint         cf_batch_entry_get_n_errors      (CfBatchEntry *self);
/* Errors the analyst has not accepted: the ones still to look at. */
guint         cf_batch_entry_get_n_open_errors (CfBatchEntry *self);
guint         cf_batch_entry_get_n_warnings    (CfBatchEntry *self);
guint         cf_batch_entry_get_n_open_warnings (CfBatchEntry *self);
guint         cf_batch_entry_get_n_infos       (CfBatchEntry *self);
/* Findings of the document the analyst accepted (any severity). */
guint         cf_batch_entry_get_n_accepted    (CfBatchEntry *self);
/* The document's tables, and how many of them the analyst marked reviewed. */
guint         cf_batch_entry_get_n_tables      (CfBatchEntry *self);
guint         cf_batch_entry_get_n_tables_reviewed (CfBatchEntry *self);
/* The analyst's verdicts on the document, a copy in memory (no database), or
 * NULL until done. */
CfReview     *cf_batch_entry_get_review        (CfBatchEntry *self);
/* The saved corrections and table edits applied to the document before its
 * audit, and those that no longer fit it. */
guint         cf_batch_entry_get_n_restored    (CfBatchEntry *self);
guint         cf_batch_entry_get_n_stale       (CfBatchEntry *self);
/* Whether the entry's document still holds the saved work @store has for it
 * now (nothing was saved for it since the batch, or cf_batch_update_entry,
 * took it); FALSE when that is not known. @store NULL: no database. */
gboolean      cf_batch_entry_has_current_work  (CfBatchEntry      *self,
                                                CfStore *store);

#define CF_TYPE_BATCH (cf_batch_get_type ())
G_DECLARE_FINAL_TYPE (CfBatch, cf_batch, CF, BATCH, GObject)

/* Results are delivered to the thread-default main context of the caller. */
CfBatch      *cf_batch_new              (void);

/* Queues @path (any file: the person chose it). Returns its entry (owned by
 * the batch), or NULL when the batch already holds that path. */
CfBatchEntry *cf_batch_add_file         (CfBatch      *self,
                                         const char   *path);
/* Queues the reports in @path and in its direct subfolders: .pdf, .txt, .htm,
 * .html and other plain-text files, in name order. Returns how many were
 * queued, or -1 with @error set when the folder cannot be read. */
int           cf_batch_add_folder       (CfBatch      *self,
                                         const char   *path,
                                         GError      **error);
/* TRUE for the names cf_batch_add_folder takes. */
gboolean      cf_batch_is_report_name   (const char   *name);

/* Stops the work: running files end as soon as they notice, queued ones
 * become failed ("cancelled"); "finished" follows. Files added later start a
 * new run. */
void          cf_batch_cancel           (CfBatch      *self);
gboolean      cf_batch_is_running       (CfBatch      *self);

/* Each file is read, then the structure edits and corrections the app saved
 * for it (the corrections database, opened read-only: $CROSSFOOT_DATA_DIR or
 * the user's data folder) are replayed, then it is audited and the saved
 * verdicts are read: the counts are what the window shows for it.
 *
 * A GListModel of CfBatchEntry, in the order added. An entry that starts or
 * whose results arrive is announced with items-changed (as many removed as
 * added, at its place; neighbours in one change) so sort and filter models
 * see the new state and counts. News is taken in at most ten times a second. */
GListModel   *cf_batch_get_model        (CfBatch      *self);
guint         cf_batch_get_n_total      (CfBatch      *self);
/* Entries done or failed. */
guint         cf_batch_get_n_processed  (CfBatch      *self);

/* Counts again after the document of @entry was edited or findings were
 * accepted (call on the main context). */
void          cf_batch_refresh_entry    (CfBatch      *self,
                                         CfBatchEntry *entry);
/* The same when the window holds the document of @entry's file: takes
 * @document (as edited there, maybe read again), a copy of @review (its
 * verdicts as they are now; NULL keeps the entry's) and notes what @store
 * (where the window saves, or NULL) holds for it. Cheap: a recount. */
void          cf_batch_update_entry     (CfBatch           *self,
                                         CfBatchEntry      *entry,
                                         CfDocument        *document,
                                         CfReview          *review,
                                         CfStore *store);
/* The entry of the file at @path (any spelling of it), or NULL. */
CfBatchEntry *cf_batch_find_entry       (CfBatch      *self,
                                         const char   *path);

/* export --long over the batch: one header, then the canonical cells of every
 * recognised document, in the order added. Written atomically as UTF-8. */
gboolean      cf_batch_write_long_csv     (CfBatch      *self,
                                           const char   *path,
                                           GError      **error);
/* The findings of every loaded document, one header, with the accepted and
 * note columns of cf_csv_append_findings_with_review. */
gboolean      cf_batch_write_findings_csv (CfBatch      *self,
                                           const char   *path,
                                           GError      **error);

G_END_DECLS
