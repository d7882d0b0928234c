/* cf-store.h: the one SQLite database of the analyst's saved work
 *
 * Every table Crossfoot keeps on disk lives here, behind typed calls: the
 * corrections of cells, the structure edits of tables, the verdicts on
 * findings, the reviewed tables and the path index (which SHA-256 a file last
 * had). Nothing else sees SQLite. Work is stored per document, keyed by the
 * SHA-256 of its bytes. The schema has a version (PRAGMA user_version); a
 * database made by an earlier version is migrated when opened for writing,
 * and read as it is when opened read-only.
 *
 * WAL journal: every call that writes has committed when it returns, so a
 * killed process loses nothing it confirmed.
 */
#pragma once

#include "cf-corrections.h"
#include "cf-edit.h"

G_BEGIN_DECLS

/* The schema this build writes (PRAGMA user_version). */
#define CF_STORE_SCHEMA_VERSION 3

#define CF_TYPE_STORE (cf_store_get_type ())
G_DECLARE_FINAL_TYPE (CfStore, cf_store, CF, STORE, GObject)

/* $CROSSFOOT_DATA_DIR/corrections.db, else the user's data folder's
 * crossfoot/corrections.db. */
char       *cf_store_default_path      (void);

/* Opens (creating, migrating) the database at @path; NULL: the default. */
CfStore    *cf_store_open              (const char  *path,
                                        GError     **error);
/* Opens the database at @path (NULL: the default) only to read it, for tools
 * that apply what the app saved (crossfoot-cli, the batch): it is neither
 * created nor migrated, and NULL is returned without @error set when there
 * is none. */
CfStore    *cf_store_open_read_only    (const char  *path,
                                        GError     **error);
gboolean    cf_store_is_read_only      (CfStore     *self);
/* When the file was damaged (not a database, cut short, bad pages):
 * cf_store_open() keeps it aside (renamed FILE.broken-DATE, never deleted),
 * copies what SQLite can still read of it into a fresh database, and this
 * says so (what was wrong, where the old file is, how much came over) for
 * the user. NULL otherwise. */
const char *cf_store_get_recovery_note (CfStore     *self);
const char *cf_store_get_path          (CfStore     *self);
/* The schema version of the file as it is now (after any migration). */
int         cf_store_get_schema_version (CfStore    *self);

/* --- Corrections of cells (cf-corrections.h) --- */

/* Records one cell's corrected text (replacing an earlier one). */
gboolean    cf_store_save_correction   (CfStore            *self,
                                        const char         *sha256,
                                        const CfCorrection *correction,
                                        GError            **error);
/* Forgets one cell's correction (revert). */
gboolean    cf_store_remove_correction (CfStore     *self,
                                        const char  *sha256,
                                        guint        table_index,
                                        int          row,
                                        int          col,
                                        GError     **error);
/* The corrections of a document (of CfCorrection), in the order first made. */
GPtrArray  *cf_store_load_corrections  (CfStore     *self,
                                        const char  *sha256,
                                        GError     **error);

/* --- Structure edits (cf-edit.h), replayed before the corrections --- */

/* Replaces the document's structure edits by @edits (of CfEdit), and its
 * corrections by @corrections (of CfCorrection; as on the grid those edits
 * make), in one transaction: a crash leaves the old state or the new. */
gboolean    cf_store_save_state        (CfStore     *self,
                                        const char  *sha256,
                                        GPtrArray   *edits,
                                        GPtrArray   *corrections,
                                        GError     **error);
/* Replaces the document's structure edits by @edits (of CfEdit). */
gboolean    cf_store_save_edits        (CfStore     *self,
                                        const char  *sha256,
                                        GPtrArray   *edits,
                                        GError     **error);
/* The document's structure edits (of CfEdit), in the order they were made. */
GPtrArray  *cf_store_load_edits        (CfStore     *self,
                                        const char  *sha256,
                                        GError     **error);
/* Replays the stored structure edits on @doc, then applies the stored
 * corrections: the grid as the analyst left it. @n_applied and @n_stale (may
 * be NULL) receive how many edits and corrections did and did not fit. */
gboolean    cf_store_restore_counted   (CfStore     *self,
                                        CfDocument  *doc,
                                        guint       *n_applied,
                                        guint       *n_stale,
                                        GError     **error);
/* The same, adding to @applied_edits (may be NULL) a ref of each structure
 * edit that applied, in order (one that no longer fits is left out). */
gboolean    cf_store_replay            (CfStore     *self,
                                        CfDocument  *doc,
                                        GPtrArray   *applied_edits,
                                        guint       *n_applied,
                                        guint       *n_stale,
                                        GError     **error);
gboolean    cf_store_restore           (CfStore     *self,
                                        CfDocument  *doc,
                                        guint       *n_stale,
                                        GError     **error);
/* How many structure edits and corrections are saved for @sha256. */
guint       cf_store_count_work        (CfStore     *self,
                                        const char  *sha256);
/* A SHA-256 over the saved edits and corrections of @sha256, in order (over
 * nothing when @self is NULL): equal digests, equal saved work. NULL when the
 * database cannot be read. */
char       *cf_store_work_digest       (CfStore     *self,
                                        const char  *sha256);

/* --- Writers that may race (two windows, the app and a script) ---
 *
 * Every write of a document's edits or corrections moves its revision on;
 * a structure write also moves its structure revision (the grid slots the
 * corrections name). A writer keeps the revision its copy reflects and
 * writes "at" it: when the stored state moved on under it, nothing is
 * written and CF_STORE_CHANGED is returned, so that the writer merges what
 * is stored into its copy and writes again, never over the other's work. */

typedef enum
{
  CF_STORE_SAVED,   /* written; *@revision is the new revision */
  CF_STORE_CHANGED, /* the stored state moved on: merge, then write again */
  CF_STORE_FAILED,  /* @error set */
} CfStoreResult;

/* The revision of @sha256's saved work (0: none yet), and in @structure (may
 * be NULL) that of its structure edits. */
gint64        cf_store_get_revision          (CfStore            *self,
                                              const char         *sha256,
                                              gint64             *structure);
/* A cell's correction, written if the structure is still at *@structure
 * (corrections name slots of that structure; other cells' corrections do
 * not conflict). *@revision moves on with it when nobody else wrote since;
 * otherwise it stays behind and the next cf_store_save_state_at() merges. */
CfStoreResult cf_store_save_correction_at    (CfStore            *self,
                                              const char         *sha256,
                                              const CfCorrection *correction,
                                              gint64             *revision,
                                              gint64             *structure,
                                              GError            **error);
CfStoreResult cf_store_remove_correction_at  (CfStore            *self,
                                              const char         *sha256,
                                              guint               table_index,
                                              int                 row,
                                              int                 col,
                                              gint64             *revision,
                                              gint64             *structure,
                                              GError            **error);
/* cf_store_save_state(), written if nothing at all changed since *@revision;
 * *@structure receives the new structure revision. */
CfStoreResult cf_store_save_state_at         (CfStore            *self,
                                              const char         *sha256,
                                              GPtrArray          *edits,
                                              GPtrArray          *corrections,
                                              gint64             *revision,
                                              gint64             *structure,
                                              GError            **error);

/* --- Verdicts on findings and reviewed tables (cf-review.h) --- */

/* Fills @notes (finding key -> note) and @reviewed (set of table ids). */
gboolean    cf_store_load_reviews      (CfStore     *self,
                                        const char  *sha256,
                                        GHashTable  *notes,
                                        GHashTable  *reviewed,
                                        GError     **error);
gboolean    cf_store_accept_finding    (CfStore     *self,
                                        const char  *sha256,
                                        const char  *key,
                                        const char  *note,
                                        GError     **error);
gboolean    cf_store_unaccept_finding  (CfStore     *self,
                                        const char  *sha256,
                                        const char  *key,
                                        GError     **error);
gboolean    cf_store_set_table_reviewed (CfStore    *self,
                                         const char *sha256,
                                         const char *table_id,
                                         gboolean    reviewed,
                                         GError    **error);

/* The right figures the analyst gave where the report is wrong
 * (cf_review_restate): appends key, printed, corrected for each to @rows. */
gboolean    cf_store_load_restatements (CfStore     *self,
                                        const char  *sha256,
                                        GPtrArray   *rows,
                                        GError     **error);
gboolean    cf_store_save_restatement  (CfStore     *self,
                                        const char  *sha256,
                                        const char  *key,
                                        const char  *printed,
                                        const char  *corrected,
                                        GError     **error);
gboolean    cf_store_remove_restatement (CfStore    *self,
                                         const char *sha256,
                                         const char *key,
                                         GError    **error);

/* --- The path index: which SHA-256 a file's work was last saved under --- */

/* The SHA-256 recorded for @path, or NULL. */
char       *cf_store_lookup_path       (CfStore     *self,
                                        const char  *path);
gboolean    cf_store_remember_path     (CfStore     *self,
                                        const char  *path,
                                        const char  *sha256,
                                        GError     **error);
/* Copies all the work of @from_sha256 (edits, corrections, verdicts,
 * reviewed tables) to @to_sha256 and records @path (may be NULL) as having
 * @to_sha256, in one transaction. */
gboolean    cf_store_copy_work         (CfStore     *self,
                                        const char  *from_sha256,
                                        const char  *to_sha256,
                                        const char  *path,
                                        GError     **error);

G_END_DECLS
