/* cf-correction-session.c: a document tied to its store, history and review
 *
 * The store's path index holds, for each file path, the SHA-256 its work was
 * last saved under.
 */
#include "config.h"

#include "cf-correction-session.h"

struct _CfCorrectionSession
{
  GObject            parent_instance;

  CfDocument        *doc;
  CfStore           *store;
  CfEditHistory     *history;
  CfReview          *review;
  char              *path;          /* canonical path of the file, or NULL */
  char              *previous;      /* SHA-256 of an earlier version with saved work */
  guint              n_previous;
  guint              n_stale;
  guint              n_restored;
  guint              n_applied;
  GError            *store_error;   /* why the saved work is not there */
};

G_DEFINE_FINAL_TYPE (CfCorrectionSession, cf_correction_session, G_TYPE_OBJECT)

static void
cf_correction_session_finalize (GObject *object)
{
  CfCorrectionSession *self = CF_CORRECTION_SESSION (object);

  g_clear_object (&self->history);
  g_clear_object (&self->review);
  g_clear_object (&self->store);
  g_clear_object (&self->doc);
  g_free (self->path);
  g_free (self->previous);
  g_clear_error (&self->store_error);
  G_OBJECT_CLASS (cf_correction_session_parent_class)->finalize (object);
}

static void
cf_correction_session_class_init (CfCorrectionSessionClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = cf_correction_session_finalize;
}

static void
cf_correction_session_init (CfCorrectionSession *self)
{
}

static gboolean
remember_path (CfCorrectionSession *self, GError **error)
{
  if (self->path == NULL)
    return TRUE;
  return cf_store_remember_path (self->store, self->path, cf_document_get_sha256 (self->doc),
                                 error);
}

static void
find_previous (CfCorrectionSession *self)
{
  const char *sha256 = cf_document_get_sha256 (self->doc);
  g_autofree char *last = NULL;

  if (self->path == NULL)
    return;
  last = cf_store_lookup_path (self->store, self->path);
  if (last != NULL && g_strcmp0 (last, sha256) != 0 && cf_store_count_work (self->store, sha256) == 0)
    {
      self->n_previous = cf_store_count_work (self->store, last);
      if (self->n_previous > 0)
        self->previous = g_steal_pointer (&last);
    }
}

/* @store NULL: nothing saved, nothing read (the work stays in memory). A
 * read-only store is read, never written. */
static CfCorrectionSession *
session_new (CfDocument *doc, CfStore *store, gboolean restored, guint n_stale, GError **error)
{
  g_autoptr (CfCorrectionSession) self = g_object_new (CF_TYPE_CORRECTION_SESSION, NULL);
  const char *path = cf_document_get_path (doc);
  const char *sha256 = cf_document_get_sha256 (doc);

  g_return_val_if_fail (CF_IS_DOCUMENT (doc), NULL);
  self->doc = g_object_ref (doc);
  if (path != NULL && g_strcmp0 (path, "-") != 0)
    self->path = g_canonicalize_filename (path, NULL);

  self->store = store ? g_object_ref (store) : NULL;
  if (sha256 == NULL || self->store == NULL)
    {
      self->history = cf_edit_history_new (doc, NULL);
      self->review = cf_review_new (NULL, sha256, NULL);
      return g_steal_pointer (&self);
    }
  self->history = cf_edit_history_new (doc, self->store);
  if ((self->review = cf_review_new (self->store, sha256, error)) == NULL)
    return NULL;

  self->n_restored = cf_store_count_work (self->store, sha256);
  if (restored)
    {
      self->n_stale = n_stale;
      if (!cf_edit_history_adopt (self->history, error))
        return NULL;
    }
  else if (!cf_edit_history_restore_counted (self->history, &self->n_applied, &self->n_stale,
                                             error))
    return NULL;
  if (cf_store_is_read_only (self->store))
    return g_steal_pointer (&self);
  find_previous (self);
  /* While an earlier version's work is pending a decision, keep pointing at it. */
  if (self->previous == NULL && !remember_path (self, error))
    return NULL;
  return g_steal_pointer (&self);
}

CfCorrectionSession *
cf_correction_session_new (CfDocument *doc, GError **error)
{
  g_autoptr (CfStore) store = cf_store_open (NULL, error);

  if (store == NULL)
    return NULL;
  return session_new (doc, store, FALSE, 0, error);
}

CfCorrectionSession *
cf_correction_session_new_with_store (CfDocument *doc, CfStore *store, GError **error)
{
  g_return_val_if_fail (store == NULL || CF_IS_STORE (store), NULL);
  return session_new (doc, store, FALSE, 0, error);
}

CfCorrectionSession *
cf_correction_session_new_restored (CfDocument *doc, guint n_stale, GError **error)
{
  g_autoptr (CfStore) store = cf_store_open (NULL, error);

  if (store == NULL)
    return NULL;
  return session_new (doc, store, TRUE, n_stale, error);
}

CfDocument *
cf_correction_session_get_document (CfCorrectionSession *self)
{
  g_return_val_if_fail (CF_IS_CORRECTION_SESSION (self), NULL);
  return self->doc;
}

CfEditHistory *
cf_correction_session_get_history (CfCorrectionSession *self)
{
  g_return_val_if_fail (CF_IS_CORRECTION_SESSION (self), NULL);
  return self->history;
}

CfReview *
cf_correction_session_get_review (CfCorrectionSession *self)
{
  g_return_val_if_fail (CF_IS_CORRECTION_SESSION (self), NULL);
  return self->review;
}

CfStore *
cf_correction_session_get_store (CfCorrectionSession *self)
{
  g_return_val_if_fail (CF_IS_CORRECTION_SESSION (self), NULL);
  return self->store;
}

guint
cf_correction_session_get_n_stale (CfCorrectionSession *self)
{
  g_return_val_if_fail (CF_IS_CORRECTION_SESSION (self), 0);
  return self->n_stale;
}

guint
cf_correction_session_get_n_restored (CfCorrectionSession *self)
{
  g_return_val_if_fail (CF_IS_CORRECTION_SESSION (self), 0);
  return self->n_restored;
}

const GError *
cf_correction_session_get_store_error (CfCorrectionSession *self)
{
  g_return_val_if_fail (CF_IS_CORRECTION_SESSION (self), NULL);
  return self->store_error;
}

void
cf_correction_session_set_store_error (CfCorrectionSession *self, const GError *error)
{
  g_return_if_fail (CF_IS_CORRECTION_SESSION (self));
  g_clear_error (&self->store_error);
  self->store_error = error ? g_error_copy (error) : NULL;
}

guint
cf_correction_session_get_n_applied (CfCorrectionSession *self)
{
  g_return_val_if_fail (CF_IS_CORRECTION_SESSION (self), 0);
  return self->n_applied;
}

guint
cf_correction_session_get_n_previous (CfCorrectionSession *self)
{
  g_return_val_if_fail (CF_IS_CORRECTION_SESSION (self), 0);
  return self->previous ? self->n_previous : 0;
}

gboolean
cf_correction_session_adopt_previous (CfCorrectionSession *self, GError **error)
{
  const char *sha256;

  g_return_val_if_fail (CF_IS_CORRECTION_SESSION (self), FALSE);
  if (self->previous == NULL)
    return TRUE;
  sha256 = cf_document_get_sha256 (self->doc);
  if (!cf_store_copy_work (self->store, self->previous, sha256, self->path, error))
    return FALSE;
  g_clear_pointer (&self->previous, g_free);
  return TRUE;
}

gboolean
cf_correction_session_discard_previous (CfCorrectionSession *self, GError **error)
{
  g_return_val_if_fail (CF_IS_CORRECTION_SESSION (self), FALSE);
  if (self->previous == NULL)
    return TRUE;
  /* The old version's work stays under its own SHA-256: reopening that
   * version still finds it. */
  if (!remember_path (self, error))
    return FALSE;
  g_clear_pointer (&self->previous, g_free);
  return TRUE;
}
