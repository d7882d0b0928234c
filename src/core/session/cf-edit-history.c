#include "config.h"

#include <glib/gi18n-lib.h>

#include "cf-edit-history.h"
#include "cf-error.h"

struct _CfEditHistory
{
  GObject            parent_instance;

  CfDocument        *doc;
  CfStore *store;
  GPtrArray         *base;      /* of CfEdit: structure edits replayed on restore */
  GPtrArray         *undo;      /* of CfEdit, oldest first */
  GPtrArray         *redo;      /* of CfEdit, the next to redo last */
  gboolean           coalescing; /* the top of undo is a value edit still being typed */
  GArray            *undo_groups; /* of guint, beside undo: its group, 0 for none */
  GArray            *redo_groups; /* the same beside redo */
  guint              group_depth;
  guint              group;       /* the open group's number, 0 when none is open */
  guint              last_group;
  gint64             revision;    /* of the stored work this copy reflects */
  gint64             structure;   /* ... and of its structure edits */
  gboolean           merged;      /* another writer's work came in: refresh all */
  gboolean           unsaved;     /* a save failed: the store lags behind the copy */
};

enum
{
  PROP_0,
  PROP_CAN_UNDO,
  PROP_CAN_REDO,
  N_PROPS
};

enum
{
  CHANGED,
  SAVE_FAILED,
  N_SIGNALS
};

static GParamSpec *properties[N_PROPS];
static guint signals[N_SIGNALS];

G_DEFINE_FINAL_TYPE (CfEditHistory, cf_edit_history, G_TYPE_OBJECT)

static void
cf_edit_history_finalize (GObject *object)
{
  CfEditHistory *self = CF_EDIT_HISTORY (object);

  g_clear_object (&self->doc);
  g_clear_object (&self->store);
  g_ptr_array_unref (self->base);
  g_ptr_array_unref (self->undo);
  g_ptr_array_unref (self->redo);
  g_array_unref (self->undo_groups);
  g_array_unref (self->redo_groups);
  G_OBJECT_CLASS (cf_edit_history_parent_class)->finalize (object);
}

static void
cf_edit_history_get_property (GObject *object, guint prop_id, GValue *value, GParamSpec *pspec)
{
  CfEditHistory *self = CF_EDIT_HISTORY (object);

  switch (prop_id)
    {
    case PROP_CAN_UNDO:
      g_value_set_boolean (value, cf_edit_history_can_undo (self));
      break;
    case PROP_CAN_REDO:
      g_value_set_boolean (value, cf_edit_history_can_redo (self));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
cf_edit_history_class_init (CfEditHistoryClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = cf_edit_history_finalize;
  object_class->get_property = cf_edit_history_get_property;

  properties[PROP_CAN_UNDO] = g_param_spec_boolean ("can-undo", NULL, NULL, FALSE,
                                                    G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_CAN_REDO] = g_param_spec_boolean ("can-redo", NULL, NULL, FALSE,
                                                    G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  signals[CHANGED] = g_signal_new ("changed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0,
                                   NULL, NULL, NULL, G_TYPE_NONE, 2, CF_TYPE_EDIT,
                                   G_TYPE_BOOLEAN);
  signals[SAVE_FAILED] = g_signal_new ("save-failed", G_TYPE_FROM_CLASS (klass),
                                       G_SIGNAL_RUN_LAST, 0, NULL, NULL, NULL, G_TYPE_NONE, 1,
                                       G_TYPE_STRING);
}

static void
cf_edit_history_init (CfEditHistory *self)
{
  self->base = g_ptr_array_new_with_free_func ((GDestroyNotify) cf_edit_unref);
  self->undo = g_ptr_array_new_with_free_func ((GDestroyNotify) cf_edit_unref);
  self->redo = g_ptr_array_new_with_free_func ((GDestroyNotify) cf_edit_unref);
  self->undo_groups = g_array_new (FALSE, FALSE, sizeof (guint));
  self->redo_groups = g_array_new (FALSE, FALSE, sizeof (guint));
}

CfEditHistory *
cf_edit_history_new (CfDocument *doc, CfStore *store)
{
  CfEditHistory *self;

  g_return_val_if_fail (CF_IS_DOCUMENT (doc), NULL);
  self = g_object_new (CF_TYPE_EDIT_HISTORY, NULL);
  self->doc = g_object_ref (doc);
  self->store = store ? g_object_ref (store) : NULL;
  return self;
}

CfDocument *
cf_edit_history_get_document (CfEditHistory *self)
{
  return self->doc;
}

static const char *
document_key (CfEditHistory *self)
{
  return self->store ? cf_document_get_sha256 (self->doc) : NULL;
}

/* The structure edits now in effect, in order: what a reopen must replay. */
static GPtrArray *
structure_in_effect (CfEditHistory *self)
{
  GPtrArray *list = g_ptr_array_new ();

  for (guint i = 0; i < self->base->len; i++)
    g_ptr_array_add (list, g_ptr_array_index (self->base, i));
  for (guint i = 0; i < self->undo->len; i++)
    if (cf_edit_is_structural (g_ptr_array_index (self->undo, i)))
      g_ptr_array_add (list, g_ptr_array_index (self->undo, i));
  return list;
}

static gboolean
same_edits (CfEdit *a, CfEdit *b)
{
  g_autofree char *x = cf_edit_to_string (a);
  g_autofree char *y = cf_edit_to_string (b);

  return g_strcmp0 (x, y) == 0;
}

static void
clear_steps (CfEditHistory *self)
{
  g_ptr_array_set_size (self->undo, 0);
  g_ptr_array_set_size (self->redo, 0);
  g_array_set_size (self->undo_groups, 0);
  g_array_set_size (self->redo_groups, 0);
  self->coalescing = FALSE;
}

/* Another writer saved work on this document since this copy last did.
 * Brings it in, around @latest (the edit just made here, applied and on top
 * of the undo stack; NULL for none): @latest is taken back, the other's
 * structure edits (those after the ones this copy has) and every stored
 * correction are applied, and @latest again on top (a value edit follows its
 * cell wherever the other's edits moved it). The undo steps made before
 * cannot be undone any more: their snapshots predate the other's work. FALSE
 * when the two structure histories diverged (the other undid what this copy
 * has): nothing is merged or written then. */
static gboolean
merge_stored (CfEditHistory *self, CfEdit *latest, GError **error)
{
  const char *sha256 = cf_document_get_sha256 (self->doc);
  g_autoptr (GPtrArray) stored = NULL;
  g_autoptr (GPtrArray) corrections = NULL;
  g_autoptr (GPtrArray) mine = structure_in_effect (self);
  g_autoptr (GPtrArray) base = g_ptr_array_new_with_free_func ((GDestroyNotify) cf_edit_unref);
  gboolean latest_structural = latest != NULL && cf_edit_is_structural (latest);
  gboolean latest_kept = TRUE;
  gint64 revision, structure = 0;
  CfCell *cell = NULL;

  revision = cf_store_get_revision (self->store, sha256, &structure);
  if ((stored = cf_store_load_edits (self->store, sha256, error)) == NULL
      || (corrections = cf_store_load_corrections (self->store, sha256, error)) == NULL)
    return FALSE;
  if (latest_structural)
    g_ptr_array_set_size (mine, mine->len - 1);
  for (guint i = 0; i < mine->len; i++)
    if (i >= stored->len || !same_edits (g_ptr_array_index (mine, i), g_ptr_array_index (stored, i)))
      {
        g_set_error (error, CF_ERROR, CF_ERROR_IO,
                     _("%s: the tables were also restructured elsewhere (another window or "
                       "program) in a way that cannot be merged; your last edit is kept here "
                       "but not saved: reopen the report to see the saved state"),
                     cf_document_get_basename (self->doc));
        return FALSE;
      }

  if (latest_structural)
    cf_edit_revert (latest, self->doc, NULL);
  else if (latest != NULL && cf_edit_get_table_index (latest) < cf_document_get_tables (self->doc)->len)
    cell = cf_table_get_origin_cell (g_ptr_array_index (cf_document_get_tables (self->doc),
                                                        cf_edit_get_table_index (latest)),
                                     cf_edit_get_row (latest), cf_edit_get_col (latest));
  for (guint i = 0; i < mine->len; i++)
    g_ptr_array_add (base, cf_edit_ref (g_ptr_array_index (mine, i)));
  for (guint i = mine->len; i < stored->len; i++)
    if (cf_edit_apply (g_ptr_array_index (stored, i), self->doc, NULL))
      g_ptr_array_add (base, cf_edit_ref (g_ptr_array_index (stored, i)));
  cf_corrections_apply (self->doc, corrections, NULL);
  if (latest_structural)
    {
      if ((latest_kept = cf_edit_apply (latest, self->doc, NULL)))
        g_ptr_array_add (base, cf_edit_ref (latest));
    }
  else if (cell != NULL)
    {
      /* The cell object moves with the other's structure edits, or goes. */
      GPtrArray *tables = cf_document_get_tables (self->doc);

      latest_kept = FALSE;
      for (guint t = 0; t < tables->len && !latest_kept; t++)
        for (guint i = 0; i < cf_table_get_n_cells (g_ptr_array_index (tables, t)); i++)
          if (cf_table_get_cell_at (g_ptr_array_index (tables, t), i) == cell)
            {
              cf_cell_set_text (cell, cf_edit_get_text (latest));
              latest_kept = TRUE;
              break;
            }
    }

  g_ptr_array_set_size (self->base, 0);
  g_ptr_array_extend_and_steal (self->base, g_steal_pointer (&base));
  clear_steps (self);
  self->revision = revision;
  self->structure = structure;
  self->merged = TRUE;
  if (!latest_kept)
    {
      g_set_error (error, CF_ERROR, CF_ERROR_IO,
                   _("%s: your last edit no longer fits: another window or program changed "
                     "the table under it (its work is kept)"),
                   cf_document_get_basename (self->doc));
      return FALSE;
    }
  return TRUE;
}

static gboolean save_after_once (CfEditHistory *self, CfEdit *edit, gboolean may_merge,
                                 GError **error);

/* save_after_once(), remembering a failure: the edit stays applied and in
 * memory, "save-failed" tells the owner, and the next save (or
 * cf_edit_history_save_pending()) writes the whole state. */
static gboolean
save_after (CfEditHistory *self, CfEdit *edit, gboolean may_merge, GError **error)
{
  g_autoptr (GError) local_error = NULL;

  if (save_after_once (self, edit, may_merge, &local_error))
    {
      self->unsaved = FALSE;
      return TRUE;
    }
  self->unsaved = TRUE;
  g_signal_emit (self, signals[SAVE_FAILED], 0, local_error->message);
  g_propagate_error (error, g_steal_pointer (&local_error));
  return FALSE;
}

/* Corrections name grid slots, which a structure edit may have moved: they
 * are rewritten as the grid now stands, with the edits, in one transaction. */
static CfStoreResult
save_whole (CfEditHistory *self, const char *sha256, GError **error)
{
  g_autoptr (GPtrArray) edits = structure_in_effect (self);
  g_autoptr (GPtrArray) corrections = cf_corrections_from_document (self->doc);

  return cf_store_save_state_at (self->store, sha256, edits, corrections, &self->revision,
                                 &self->structure, error);
}

/* Saves what @edit changed. Each write is checked against the stored
 * revision: when another writer saved since, its work is merged in first
 * (for a new edit, @may_merge), or the save is refused and reported (an
 * undo or redo: its steps are this copy's own), never written over. */
static gboolean
save_after_once (CfEditHistory *self, CfEdit *edit, gboolean may_merge, GError **error)
{
  const char *sha256 = document_key (self);
  gboolean whole = FALSE;

  if (sha256 == NULL)
    return TRUE;
  for (int attempt = 0; attempt < 5; attempt++)
    {
      CfStoreResult result;

      /* After a failed save the store lags behind: the whole state goes. */
      if (whole || self->unsaved || cf_edit_is_structural (edit))
        result = save_whole (self, sha256, error);
      else
        {
          GPtrArray *tables = cf_document_get_tables (self->doc);
          guint t = cf_edit_get_table_index (edit);
          CfCell *cell = NULL;

          if (t < tables->len)
            cell = cf_table_get_origin_cell (g_ptr_array_index (tables, t), cf_edit_get_row (edit),
                                             cf_edit_get_col (edit));
          if (cell != NULL && (cell->flags & CF_CELL_FLAG_CORRECTED))
            {
              CfCorrection c = { t, cell->row, cell->col, cell->text, cell->original_text };
              result = cf_store_save_correction_at (self->store, sha256, &c, &self->revision,
                                                    &self->structure, error);
            }
          else
            result = cf_store_remove_correction_at (self->store, sha256, t, cf_edit_get_row (edit),
                                                    cf_edit_get_col (edit), &self->revision,
                                                    &self->structure, error);
        }
      if (result != CF_STORE_CHANGED)
        return result == CF_STORE_SAVED;
      if (!may_merge)
        {
          g_set_error (error, CF_ERROR, CF_ERROR_IO,
                       _("%s: not saved: another window or program saved edits of this report "
                         "meanwhile; reopen it to see both"),
                       cf_document_get_basename (self->doc));
          return FALSE;
        }
      {
        g_autoptr (GError) merge_error = NULL;

        if (!merge_stored (self, whole ? NULL : edit, &merge_error))
          {
            /* A diverged history is not written at all; when only the last
             * edit was lost, the merged state is still saved. */
            if (self->merged)
              save_whole (self, sha256, NULL);
            g_propagate_error (error, g_steal_pointer (&merge_error));
            return FALSE;
          }
      }
      whole = TRUE;
    }
  g_set_error (error, CF_ERROR, CF_ERROR_IO, _("%s: not saved: the saved edits keep changing"),
               cf_document_get_basename (self->doc));
  return FALSE;
}

static void
notify_changed (CfEditHistory *self, CfEdit *edit, gboolean could_undo, gboolean could_redo)
{
  if (could_undo != cf_edit_history_can_undo (self))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_CAN_UNDO]);
  if (could_redo != cf_edit_history_can_redo (self))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_CAN_REDO]);
  g_signal_emit (self, signals[CHANGED], 0, edit, cf_edit_is_structural (edit) || self->merged);
  self->merged = FALSE;
}

static gboolean
same_cell (CfEdit *a, CfEdit *b)
{
  return !cf_edit_is_structural (a) && !cf_edit_is_structural (b)
         && cf_edit_get_table_index (a) == cf_edit_get_table_index (b)
         && cf_edit_get_row (a) == cf_edit_get_row (b)
         && cf_edit_get_col (a) == cf_edit_get_col (b);
}

gboolean
cf_edit_history_apply (CfEditHistory *self, CfEdit *edit, GError **error)
{
  gboolean could_undo, could_redo, saved;
  CfEdit *top;

  g_return_val_if_fail (CF_IS_EDIT_HISTORY (self), FALSE);
  g_return_val_if_fail (edit != NULL, FALSE);

  could_undo = cf_edit_history_can_undo (self);
  could_redo = cf_edit_history_can_redo (self);
  if (!cf_edit_apply (edit, self->doc, error))
    return FALSE;
  g_ptr_array_set_size (self->redo, 0);
  g_array_set_size (self->redo_groups, 0);

  top = self->undo->len ? g_ptr_array_index (self->undo, self->undo->len - 1) : NULL;
  if (self->coalescing && top != NULL && same_cell (top, edit) &&
      g_strcmp0 (cf_edit_get_text (edit), cf_edit_get_old_text (top)) == 0)
    {
      /* Typed back to what the cell held (Esc after typing): no step at
       * all, and the cell as it was, flags and all. */
      g_autoptr (CfEdit) gone = cf_edit_ref (top);

      if (!cf_edit_revert (edit, self->doc, error) || !cf_edit_revert (gone, self->doc, error))
        return FALSE;
      g_ptr_array_remove_index (self->undo, self->undo->len - 1);
      g_array_set_size (self->undo_groups, self->undo_groups->len - 1);
      self->coalescing = FALSE;
      saved = save_after (self, gone, TRUE, error);
      notify_changed (self, gone, could_undo, could_redo);
      return saved;
    }
  if (self->coalescing && top != NULL && same_cell (top, edit))
    {
      /* Still typing in the same cell: the step keeps its text from before
       * the first keystroke and takes the latest one. */
      cf_edit_update_text (top, cf_edit_get_text (edit));
      edit = top;
    }
  else
    {
      g_ptr_array_add (self->undo, cf_edit_ref (edit));
      g_array_append_val (self->undo_groups, self->group);
      self->coalescing = !cf_edit_is_structural (edit);
    }
  saved = save_after (self, edit, TRUE, error);
  notify_changed (self, edit, could_undo, could_redo);
  return saved;
}

gboolean
cf_edit_history_set_text (CfEditHistory *self, guint table_index, int row, int col,
                          const char *text, GError **error)
{
  g_autoptr (CfEdit) edit = cf_edit_set_text (table_index, row, col, text);

  return cf_edit_history_apply (self, edit, error);
}

/* Takes the top edit off @from, reverts it (or applies it again when
 * @reapply), and puts it on @to with its group. */
static gboolean
move_one (CfEditHistory *self,
          GPtrArray     *from,
          GArray        *from_groups,
          GPtrArray     *to,
          GArray        *to_groups,
          gboolean       reapply,
          GError       **error)
{
  g_autoptr (CfEdit) edit = NULL;
  gboolean could_undo, could_redo, saved;
  guint group;

  could_undo = cf_edit_history_can_undo (self);
  could_redo = cf_edit_history_can_redo (self);
  self->coalescing = FALSE;
  edit = cf_edit_ref (g_ptr_array_index (from, from->len - 1));
  if (!(reapply ? cf_edit_apply (edit, self->doc, error) : cf_edit_revert (edit, self->doc, error)))
    return FALSE;
  g_ptr_array_remove_index (from, from->len - 1);
  g_ptr_array_add (to, cf_edit_ref (edit));
  group = g_array_index (from_groups, guint, from_groups->len - 1);
  g_array_set_size (from_groups, from_groups->len - 1);
  g_array_append_val (to_groups, group);
  saved = save_after (self, edit, FALSE, error);
  notify_changed (self, edit, could_undo, could_redo);
  return saved;
}

static gboolean
undo_one (CfEditHistory *self, GError **error)
{
  return move_one (self, self->undo, self->undo_groups, self->redo, self->redo_groups, FALSE, error);
}

/* The group of the top of @groups, 0 when none or empty. */
static guint
top_group (GArray *groups)
{
  return groups->len ? g_array_index (groups, guint, groups->len - 1) : 0;
}

/* Steps (@one) through every edit of @group on top of @stack, or the top one
 * alone when @group is 0. A save error does not stop it: the edits stay
 * applied, as a single one's does; an edit that could not be applied does. */
static gboolean
step_group (CfEditHistory *self,
            gboolean     (*one) (CfEditHistory *, GError **),
            GPtrArray     *stack,
            GArray        *groups,
            guint          group,
            GError       **error)
{
  gboolean ok = TRUE;

  do
    {
      guint before = stack->len;
      GError *local = NULL;

      if (!one (self, &local))
        {
          ok = FALSE;
          if (error != NULL && *error == NULL)
            g_propagate_error (error, local);
          else
            g_clear_error (&local);
          if (stack->len == before)
            break;
        }
    }
  while (group != 0 && stack->len > 0 && top_group (groups) == group);
  return ok;
}

gboolean
cf_edit_history_undo (CfEditHistory *self, GError **error)
{
  guint group;

  g_return_val_if_fail (CF_IS_EDIT_HISTORY (self), FALSE);
  if (self->undo->len == 0)
    return TRUE;
  group = top_group (self->undo_groups);
  return step_group (self, undo_one, self->undo, self->undo_groups, group, error);
}

static gboolean
redo_one (CfEditHistory *self, GError **error)
{
  return move_one (self, self->redo, self->redo_groups, self->undo, self->undo_groups, TRUE, error);
}

gboolean
cf_edit_history_redo (CfEditHistory *self, GError **error)
{
  guint group;

  g_return_val_if_fail (CF_IS_EDIT_HISTORY (self), FALSE);
  if (self->redo->len == 0)
    return TRUE;
  group = top_group (self->redo_groups);
  return step_group (self, redo_one, self->redo, self->redo_groups, group, error);
}

gboolean
cf_edit_history_can_undo (CfEditHistory *self)
{
  return self->undo->len > 0;
}

gboolean
cf_edit_history_can_redo (CfEditHistory *self)
{
  return self->redo->len > 0;
}

CfEdit *
cf_edit_history_peek_undo (CfEditHistory *self)
{
  return self->undo->len ? g_ptr_array_index (self->undo, self->undo->len - 1) : NULL;
}

CfEdit *
cf_edit_history_peek_redo (CfEditHistory *self)
{
  return self->redo->len ? g_ptr_array_index (self->redo, self->redo->len - 1) : NULL;
}

guint
cf_edit_history_get_n_undo (CfEditHistory *self)
{
  return self->undo->len;
}

void
cf_edit_history_seal (CfEditHistory *self)
{
  self->coalescing = FALSE;
}

void
cf_edit_history_begin_group (CfEditHistory *self)
{
  g_return_if_fail (CF_IS_EDIT_HISTORY (self));
  if (self->group_depth++ > 0)
    return;
  /* The group does not join the typing before it. */
  self->coalescing = FALSE;
  self->group = ++self->last_group;
}

void
cf_edit_history_end_group (CfEditHistory *self)
{
  g_return_if_fail (CF_IS_EDIT_HISTORY (self));
  g_return_if_fail (self->group_depth > 0);
  if (--self->group_depth > 0)
    return;
  /* Nor the typing after it. */
  self->coalescing = FALSE;
  self->group = 0;
}

gboolean
cf_edit_history_restore_counted (CfEditHistory *self, guint *n_applied, guint *n_stale,
                                 GError **error)
{
  const char *sha256 = document_key (self);

  g_return_val_if_fail (CF_IS_EDIT_HISTORY (self), FALSE);
  if (n_stale)
    *n_stale = 0;
  if (n_applied)
    *n_applied = 0;
  if (sha256 == NULL)
    return TRUE;
  /* Read first: work saved between this and the replay below only makes the
   * next save merge what it already has. An edit that no longer fits is
   * dropped from the base: the next save forgets it. */
  self->revision = cf_store_get_revision (self->store, sha256, &self->structure);
  g_ptr_array_set_size (self->base, 0);
  return cf_store_replay (self->store, self->doc, self->base, n_applied, n_stale, error);
}

gboolean
cf_edit_history_restore (CfEditHistory *self, guint *n_stale, GError **error)
{
  return cf_edit_history_restore_counted (self, NULL, n_stale, error);
}

gboolean
cf_edit_history_adopt (CfEditHistory *self, GError **error)
{
  const char *sha256 = document_key (self);
  g_autoptr (GPtrArray) edits = NULL;

  g_return_val_if_fail (CF_IS_EDIT_HISTORY (self), FALSE);
  if (sha256 == NULL)
    return TRUE;
  self->revision = cf_store_get_revision (self->store, sha256, &self->structure);
  if ((edits = cf_store_load_edits (self->store, sha256, error)) == NULL)
    return FALSE;
  g_ptr_array_set_size (self->base, 0);
  for (guint i = 0; i < edits->len; i++)
    g_ptr_array_add (self->base, cf_edit_ref (g_ptr_array_index (edits, i)));
  return TRUE;
}

gboolean
cf_edit_history_has_unsaved (CfEditHistory *self)
{
  g_return_val_if_fail (CF_IS_EDIT_HISTORY (self), FALSE);
  return self->unsaved;
}

gboolean
cf_edit_history_save_pending (CfEditHistory *self, GError **error)
{
  const char *sha256;
  g_autoptr (GError) local_error = NULL;
  CfStoreResult result;

  g_return_val_if_fail (CF_IS_EDIT_HISTORY (self), FALSE);
  if (!self->unsaved || (sha256 = document_key (self)) == NULL)
    return TRUE;
  result = save_whole (self, sha256, &local_error);
  if (result == CF_STORE_CHANGED)
    {
      /* Another writer saved meanwhile: merge it in, then write. */
      if (merge_stored (self, NULL, &local_error))
        result = save_whole (self, sha256, &local_error);
      self->merged = FALSE;
    }
  if (result == CF_STORE_SAVED)
    {
      self->unsaved = FALSE;
      return TRUE;
    }
  if (local_error == NULL)
    g_set_error (&local_error, CF_ERROR, CF_ERROR_IO, _("%s: not saved: the saved edits keep changing"),
                 cf_document_get_basename (self->doc));
  g_propagate_error (error, g_steal_pointer (&local_error));
  return FALSE;
}
