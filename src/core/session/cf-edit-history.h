/* cf-edit-history.h: undo and redo of the analyst's edits of one document
 *
 * The history applies edits (cf-edit.h) to a document and keeps them on
 * an undo stack. Typing in a cell is one step: consecutive value edits of the
 * same cell coalesce until another cell is edited, a structure edit is made,
 * an undo or redo happens or cf_edit_history_seal() is called.
 *
 * With a store, every step is on disk when the call returns: a value edit as
 * that cell's correction, a structure edit by rewriting the document's list of
 * structure edits and its corrections (which now name other slots) in one
 * transaction. cf_edit_history_restore() replays them on reopen.
 *
 * Another writer may save the same document meanwhile (a second window, a
 * script). Every save is checked against the stored revision: when it moved
 * on, the other's structure edits and corrections are merged into this copy
 * around the edit just made (a value edit follows its cell), and the merged
 * state is saved; nothing is written over. The undo steps made before a
 * merge are dropped (their snapshots predate the other's work). An undo or
 * redo that finds the store moved on is refused with an error, as is an edit
 * when the two structure histories diverged; the edit stays in memory.
 */
#pragma once

#include "cf-store.h"
#include "cf-edit.h"

G_BEGIN_DECLS

#define CF_TYPE_EDIT_HISTORY (cf_edit_history_get_type ())
G_DECLARE_FINAL_TYPE (CfEditHistory, cf_edit_history, CF, EDIT_HISTORY, GObject)

/* @store may be NULL (nothing is saved). */
CfEditHistory *cf_edit_history_new        (CfDocument        *doc,
                                           CfStore *store);
CfDocument    *cf_edit_history_get_document (CfEditHistory   *self);

/* Replays the document's stored structure edits and corrections (call once,
 * on a freshly loaded document). They are not undoable. @n_stale receives how
 * many no longer fit the document. */
gboolean       cf_edit_history_restore    (CfEditHistory     *self,
                                           guint             *n_stale,
                                           GError           **error);
/* The same, also counting in @n_applied the edits and corrections applied. */
gboolean       cf_edit_history_restore_counted (CfEditHistory *self,
                                                guint         *n_applied,
                                                guint         *n_stale,
                                                GError       **error);
/* Takes the stored structure edits as already replayed, without touching
 * the document: for one whose saved work cf_store_restore()
 * applied already (the batch inbox's). Later saves keep them first. */
gboolean       cf_edit_history_adopt      (CfEditHistory     *self,
                                           GError           **error);

/* Applies @edit (adding a ref) and records it. On a save error the edit stays
 * applied and recorded, and FALSE is returned with @error set. */
gboolean       cf_edit_history_apply      (CfEditHistory     *self,
                                           CfEdit            *edit,
                                           GError           **error);
/* Shorthand for a value edit. */
gboolean       cf_edit_history_set_text   (CfEditHistory     *self,
                                           guint              table_index,
                                           int                row,
                                           int                col,
                                           const char        *text,
                                           GError           **error);
gboolean       cf_edit_history_undo       (CfEditHistory     *self,
                                           GError           **error);
gboolean       cf_edit_history_redo       (CfEditHistory     *self,
                                           GError           **error);
gboolean       cf_edit_history_can_undo   (CfEditHistory     *self);
gboolean       cf_edit_history_can_redo   (CfEditHistory     *self);
/* The edit undo (redo) would undo (redo), or NULL. */
CfEdit        *cf_edit_history_peek_undo  (CfEditHistory     *self);
CfEdit        *cf_edit_history_peek_redo  (CfEditHistory     *self);
guint          cf_edit_history_get_n_undo (CfEditHistory     *self);
/* Ends the current cell's typing step (e.g. when the cell loses focus). */
void           cf_edit_history_seal       (CfEditHistory     *self);
/* Every edit applied from here to the matching end_group() is one undo step
 * (a pasted block, a cleared range): undo and redo take them all. Groups
 * nest; the outermost one counts. */
void           cf_edit_history_begin_group (CfEditHistory    *self);
void           cf_edit_history_end_group  (CfEditHistory     *self);

/* Whether a save failed (a full disk, a read-only database) and the store
 * lags behind the document: the edits are in memory only. */
gboolean       cf_edit_history_has_unsaved (CfEditHistory  *self);
/* Tries again to save what a failed save left (the whole state, merged
 * with what another writer saved meanwhile: the caller shows the document
 * again): TRUE when all is saved. */
gboolean       cf_edit_history_save_pending (CfEditHistory *self,
                                             GError       **error);

/* Signal "save-failed" (const char *message): a save failed; the edit stays
 * applied and in memory until cf_edit_history_save_pending() succeeds (or
 * any later edit is saved, which saves it too).
 *
 * Signal "changed" (CfEdit *edit, gboolean structural): after every apply,
 * undo and redo, so the app can re-audit. Properties "can-undo" and
 * "can-redo" are notified when they change. */

G_END_DECLS
