/* cf-correction-session.c: a document tied to its store, history and review
 *
 * The path index lives in the corrections database next to the store's own
 * tables (the review layer shares it the same way): one row per file path
 * with the SHA-256 its work was last saved under.
 */
#include "config.h"

#include <sqlite3.h>

#include "cf-correction-session.h"

struct _CfCorrectionSession
{
  GObject            parent_instance;

  CfDocument        *doc;
  CfCorrectionStore *store;
  CfEditHistory     *history;
  CfReview          *review;
  char              *path;          /* canonical path of the file, or NULL */
  char              *previous;      /* SHA-256 of an earlier version with saved work */
  guint              n_previous;
  guint              n_stale;
  guint              n_restored;
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
set_db_error (CfCorrectionSession *self, GError **error)
{
  sqlite3 *db = cf_correction_store_get_db (self->store);

  g_set_error (error, CF_ERROR, CF_ERROR_IO, "%s: %s",
               cf_correction_store_get_path (self->store), sqlite3_errmsg (db));
  return FALSE;
}

/* Runs @sql with up to three text parameters (NULL ones are bound as NULL). */
static gboolean
run (CfCorrectionSession *self, const char *sql, const char *a, const char *b, const char *c,
     GError **error)
{
  sqlite3 *db = cf_correction_store_get_db (self->store);
  sqlite3_stmt *stmt = NULL;
  const char *params[] = { a, b, c };
  int rc;

  if (sqlite3_prepare_v2 (db, sql, -1, &stmt, NULL) != SQLITE_OK)
    return set_db_error (self, error);
  for (int i = 0; i < sqlite3_bind_parameter_count (stmt) && i < 3; i++)
    if (params[i] != NULL)
      sqlite3_bind_text (stmt, i + 1, params[i], -1, SQLITE_TRANSIENT);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    ;
  sqlite3_finalize (stmt);
  if (rc != SQLITE_DONE)
    return set_db_error (self, error);
  return TRUE;
}

/* The first column of the first row of @sql, as text (or NULL). */
static char *
query_text (CfCorrectionSession *self, const char *sql, const char *a)
{
  sqlite3 *db = cf_correction_store_get_db (self->store);
  sqlite3_stmt *stmt = NULL;
  char *result = NULL;

  if (sqlite3_prepare_v2 (db, sql, -1, &stmt, NULL) != SQLITE_OK)
    return NULL;
  sqlite3_bind_text (stmt, 1, a, -1, SQLITE_TRANSIENT);
  if (sqlite3_step (stmt) == SQLITE_ROW && sqlite3_column_text (stmt, 0) != NULL)
    result = g_strdup ((const char *) sqlite3_column_text (stmt, 0));
  sqlite3_finalize (stmt);
  return result;
}

/* How many structure edits and corrections are saved under @sha256. */
static guint
count_work (CfCorrectionSession *self, const char *sha256)
{
  g_autofree char *n = query_text (self,
                                   "SELECT (SELECT count(*) FROM corrections WHERE sha256 = ?1)"
                                   " + (SELECT count(*) FROM edits WHERE sha256 = ?1)",
                                   sha256);

  return n ? (guint) g_ascii_strtoull (n, NULL, 10) : 0;
}

static gboolean
remember_path (CfCorrectionSession *self, GError **error)
{
  if (self->path == NULL)
    return TRUE;
  return run (self,
              "INSERT INTO documents (path, sha256) VALUES (?1, ?2)"
              " ON CONFLICT (path) DO UPDATE SET sha256 = excluded.sha256",
              self->path, cf_document_get_sha256 (self->doc), NULL, error);
}

static void
find_previous (CfCorrectionSession *self)
{
  const char *sha256 = cf_document_get_sha256 (self->doc);
  g_autofree char *last = NULL;

  if (self->path == NULL)
    return;
  last = query_text (self, "SELECT sha256 FROM documents WHERE path = ?1", self->path);
  if (last != NULL && g_strcmp0 (last, sha256) != 0 && count_work (self, sha256) == 0)
    {
      self->n_previous = count_work (self, last);
      if (self->n_previous > 0)
        self->previous = g_steal_pointer (&last);
    }
}

static CfCorrectionSession *
session_new (CfDocument *doc, gboolean restored, guint n_stale, GError **error)
{
  g_autoptr (CfCorrectionSession) self = g_object_new (CF_TYPE_CORRECTION_SESSION, NULL);
  const char *path = cf_document_get_path (doc);
  const char *sha256 = cf_document_get_sha256 (doc);

  g_return_val_if_fail (CF_IS_DOCUMENT (doc), NULL);
  self->doc = g_object_ref (doc);
  if (path != NULL && g_strcmp0 (path, "-") != 0)
    self->path = g_canonicalize_filename (path, NULL);

  if ((self->store = cf_correction_store_open (NULL, error)) == NULL)
    return NULL;
  if (!cf_correction_store_exec (self->store,
                                 "CREATE TABLE IF NOT EXISTS documents ("
                                 " path TEXT PRIMARY KEY, sha256 TEXT NOT NULL)",
                                 error))
    return NULL;
  self->history = cf_edit_history_new (doc, sha256 ? self->store : NULL);
  if ((self->review = cf_review_new (sha256 ? self->store : NULL, sha256, error)) == NULL)
    return NULL;
  if (sha256 == NULL)
    return g_steal_pointer (&self);

  self->n_restored = count_work (self, sha256);
  if (restored)
    {
      self->n_stale = n_stale;
      if (!cf_edit_history_adopt (self->history, error))
        return NULL;
    }
  else if (!cf_edit_history_restore (self->history, &self->n_stale, error))
    return NULL;
  find_previous (self);
  /* While an earlier version's work is pending a decision, keep pointing at it. */
  if (self->previous == NULL && !remember_path (self, error))
    return NULL;
  return g_steal_pointer (&self);
}

CfCorrectionSession *
cf_correction_session_new (CfDocument *doc, GError **error)
{
  return session_new (doc, FALSE, 0, error);
}

CfCorrectionSession *
cf_correction_session_new_restored (CfDocument *doc, guint n_stale, GError **error)
{
  return session_new (doc, TRUE, n_stale, error);
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

CfCorrectionStore *
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
  gboolean ok;

  g_return_val_if_fail (CF_IS_CORRECTION_SESSION (self), FALSE);
  if (self->previous == NULL)
    return TRUE;
  sha256 = cf_document_get_sha256 (self->doc);
  /* One transaction: the copy is all there or not at all. */
  if (!cf_correction_store_exec (self->store, "BEGIN IMMEDIATE", error))
    return FALSE;
  ok = run (self,
            "INSERT OR REPLACE INTO corrections (sha256, table_index, row, col, text, original, seq)"
            " SELECT ?2, table_index, row, col, text, original, seq FROM corrections"
            " WHERE sha256 = ?1",
            self->previous, sha256, NULL, error)
       && run (self,
               "INSERT OR REPLACE INTO edits (sha256, seq, op)"
               " SELECT ?2, seq, op FROM edits WHERE sha256 = ?1",
               self->previous, sha256, NULL, error)
       && run (self,
               "INSERT OR REPLACE INTO reviews (sha256, key, note)"
               " SELECT ?2, key, note FROM reviews WHERE sha256 = ?1",
               self->previous, sha256, NULL, error)
       && run (self,
               "INSERT OR IGNORE INTO table_reviews (sha256, table_id)"
               " SELECT ?2, table_id FROM table_reviews WHERE sha256 = ?1",
               self->previous, sha256, NULL, error)
       && remember_path (self, error);
  if (!ok)
    {
      cf_correction_store_exec (self->store, "ROLLBACK", NULL);
      return FALSE;
    }
  if (!cf_correction_store_exec (self->store, "COMMIT", error))
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
