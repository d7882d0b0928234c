/* cf-corrections.h: the analyst's corrections, a layer over the extracted cells
 *
 * A correction names a cell by the table's position in the document (stable
 * across form mapping, which renames tables) and its grid slot, and holds the
 * corrected text. Corrections are stored per document, keyed by the SHA-256
 * of its bytes, in an SQLite database (WAL) so that every edit is on disk as
 * soon as it is made, and exported or imported as JSON to share them.
 */
#pragma once

#include "cf-document.h"

G_BEGIN_DECLS

typedef struct
{
  guint  table_index; /* position in cf_document_get_tables() */
  int    row;
  int    col;
  char  *text;        /* the corrected text */
  char  *original;    /* the text as extracted, when known */
} CfCorrection;

void cf_correction_free (CfCorrection *correction);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (CfCorrection, cf_correction_free)

#define CF_TYPE_CORRECTION_STORE (cf_correction_store_get_type ())
G_DECLARE_FINAL_TYPE (CfCorrectionStore, cf_correction_store, CF, CORRECTION_STORE, GObject)

/* Opens (creating) the database at @path; NULL means the user's data folder
 * ($XDG_DATA_HOME/crossfoot/corrections.db, or $CROSSFOOT_DATA_DIR). */
CfCorrectionStore *cf_correction_store_open    (const char        *path,
                                                GError           **error);
const char        *cf_correction_store_get_path (CfCorrectionStore *self);
/* Opens the database at @path (NULL: the default) only to read it, for tools
 * that apply what the app saved (crossfoot-cli): it is never created, and
 * NULL is returned without @error set when there is none. */
CfCorrectionStore *cf_correction_store_open_read_only (const char  *path,
                                                       GError     **error);
gboolean           cf_correction_store_is_read_only   (CfCorrectionStore *self);
/* Records one cell's corrected text (replacing an earlier one), committed before returning. */
gboolean           cf_correction_store_save    (CfCorrectionStore *self,
                                                const char        *sha256,
                                                const CfCorrection *correction,
                                                GError           **error);
/* Forgets one cell's correction (revert). */
gboolean           cf_correction_store_remove  (CfCorrectionStore *self,
                                                const char        *sha256,
                                                guint              table_index,
                                                int                row,
                                                int                col,
                                                GError           **error);
/* The corrections of a document, in the order they were first made. */
GPtrArray         *cf_correction_store_load    (CfCorrectionStore *self,
                                                const char        *sha256,
                                                GError           **error);

/* Applies @corrections (of CfCorrection) to @doc's cells. Returns how many
 * applied; a correction whose original text differs from the cell's extracted
 * text counts in @n_stale (the document changed since it was made). */
guint              cf_corrections_apply        (CfDocument        *doc,
                                                GPtrArray         *corrections,
                                                guint             *n_stale);
/* JSON: {"sha256": "...", "corrections": [{"table": i, "table_id": "...", "row": r, "col": c,
 * "text": "...", "original": "..."}]} */
char              *cf_corrections_to_json      (CfDocument        *doc,
                                                GPtrArray         *corrections);
GPtrArray         *cf_corrections_from_json    (const char        *json,
                                                gssize             len,
                                                char             **sha256,
                                                GError           **error);
/* The corrections a document's cells now carry (CF_CELL_FLAG_CORRECTED). */
GPtrArray         *cf_corrections_from_document (CfDocument       *doc);

/* --- Structure edits (cf-table-edit.h), stored in order per document and
 * replayed on reopen before the value corrections are applied. --- */

/* Replaces the document's structure edits by @edits (of CfEdit), and its
 * corrections by @corrections (of CfCorrection; as on the grid those edits
 * make), in one transaction: a crash leaves the old state or the new. */
gboolean           cf_correction_store_save_state (CfCorrectionStore *self,
                                                   const char        *sha256,
                                                   GPtrArray         *edits,
                                                   GPtrArray         *corrections,
                                                   GError           **error);
/* Replaces the document's structure edits by @edits (of CfEdit). */
gboolean           cf_correction_store_save_edits (CfCorrectionStore *self,
                                                   const char        *sha256,
                                                   GPtrArray         *edits,
                                                   GError           **error);
/* The document's structure edits (of CfEdit), in the order they were made. */
GPtrArray         *cf_correction_store_load_edits (CfCorrectionStore *self,
                                                   const char        *sha256,
                                                   GError           **error);
/* Replays the stored structure edits on @doc, then applies the stored
 * corrections: the grid as the analyst left it. Returns the number of edits
 * and corrections that no longer fit the document in @n_stale. */
gboolean           cf_correction_store_restore    (CfCorrectionStore *self,
                                                   CfDocument        *doc,
                                                   guint             *n_stale,
                                                   GError           **error);
/* The same, also counting the edits and corrections that did apply. */
gboolean           cf_correction_store_restore_counted (CfCorrectionStore *self,
                                                        CfDocument        *doc,
                                                        guint             *n_applied,
                                                        guint             *n_stale,
                                                        GError           **error);
/* The sqlite3 handle, for the review layer that shares the database. */
gpointer           cf_correction_store_get_db     (CfCorrectionStore *self);
/* Runs @sql (no results) on the database; errors name its path. */
gboolean           cf_correction_store_exec       (CfCorrectionStore *self,
                                                   const char        *sql,
                                                   GError           **error);

G_END_DECLS
