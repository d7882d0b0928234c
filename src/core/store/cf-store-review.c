/* cf-store-review.c: verdicts, reviewed tables and the path index */
#include "config.h"

#include <glib/gi18n-lib.h>

#include "cf-error.h"
#include "cf-store-private.h"

/* Reviews ----------------------------------------------------------------- */

gboolean
cf_store_load_reviews (CfStore *self, const char *sha256, GHashTable *notes, GHashTable *reviewed,
                       GError **error)
{
  const char *what = N_("cannot read reviews");
  sqlite3_stmt *stmt;
  int rc;

  g_return_val_if_fail (CF_IS_STORE (self), FALSE);
  /* A read-only file from before the verdicts: nothing was ever accepted in it. */
  if (!cf_store_has_table (self, "reviews") || !cf_store_has_table (self, "table_reviews"))
    return TRUE;
  stmt = cf_store_prepare (self, what, error, "SELECT key, note FROM reviews WHERE sha256 = ?1", "s", sha256);
  if (stmt == NULL)
    return FALSE;
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    g_hash_table_replace (notes, g_strdup ((const char *) sqlite3_column_text (stmt, 0)),
                          g_strdup ((const char *) sqlite3_column_text (stmt, 1)));
  if (!cf_store_finish_rows (self, stmt, rc, what, error))
    return FALSE;
  stmt = cf_store_prepare (self, what, error, "SELECT table_id FROM table_reviews WHERE sha256 = ?1", "s",
                  sha256);
  if (stmt == NULL)
    return FALSE;
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    g_hash_table_add (reviewed, g_strdup ((const char *) sqlite3_column_text (stmt, 0)));
  return cf_store_finish_rows (self, stmt, rc, what, error);
}

gboolean
cf_store_accept_finding (CfStore *self, const char *sha256, const char *key, const char *note,
                         GError **error)
{
  const char *what = N_("cannot save a review");

  g_return_val_if_fail (CF_IS_STORE (self), FALSE);
  return cf_store_finish (self,
                 cf_store_prepare (self, what, error,
                          "INSERT INTO reviews (sha256, key, note) VALUES (?1, ?2, ?3)"
                          " ON CONFLICT (sha256, key) DO UPDATE SET note = excluded.note",
                          "sss", sha256, key, note ? note : ""),
                 what, error);
}

gboolean
cf_store_unaccept_finding (CfStore *self, const char *sha256, const char *key, GError **error)
{
  const char *what = N_("cannot save a review");

  g_return_val_if_fail (CF_IS_STORE (self), FALSE);
  return cf_store_finish (self,
                 cf_store_prepare (self, what, error, "DELETE FROM reviews WHERE sha256 = ?1 AND key = ?2",
                          "ss", sha256, key),
                 what, error);
}

gboolean
cf_store_set_table_reviewed (CfStore *self, const char *sha256, const char *table_id,
                             gboolean reviewed, GError **error)
{
  const char *what = N_("cannot save a review");

  g_return_val_if_fail (CF_IS_STORE (self), FALSE);
  return cf_store_finish (self,
                 cf_store_prepare (self, what, error,
                          reviewed
                            ? "INSERT OR IGNORE INTO table_reviews (sha256, table_id) VALUES (?1, ?2)"
                            : "DELETE FROM table_reviews WHERE sha256 = ?1 AND table_id = ?2",
                          "ss", sha256, table_id),
                 what, error);
}

/* The path index ---------------------------------------------------------- */

char *
cf_store_lookup_path (CfStore *self, const char *path)
{
  sqlite3_stmt *stmt;
  char *sha256 = NULL;

  g_return_val_if_fail (CF_IS_STORE (self), NULL);
  if (!cf_store_has_table (self, "documents"))
    return NULL;
  stmt = cf_store_prepare (self, N_("cannot read the corrections database"), NULL, "SELECT sha256 FROM documents WHERE path = ?1", "s", path);
  if (stmt != NULL && sqlite3_step (stmt) == SQLITE_ROW && sqlite3_column_text (stmt, 0) != NULL)
    sha256 = g_strdup ((const char *) sqlite3_column_text (stmt, 0));
  sqlite3_finalize (stmt);
  return sha256;
}

gboolean
cf_store_remember_path (CfStore *self, const char *path, const char *sha256, GError **error)
{
  const char *what = N_("cannot save the file's place");

  g_return_val_if_fail (CF_IS_STORE (self), FALSE);
  return cf_store_finish (self,
                 cf_store_prepare (self, what, error,
                          "INSERT INTO documents (path, sha256) VALUES (?1, ?2)"
                          " ON CONFLICT (path) DO UPDATE SET sha256 = excluded.sha256",
                          "ss", path, sha256),
                 what, error);
}

gboolean
cf_store_copy_work (CfStore *self, const char *from_sha256, const char *to_sha256,
                    const char *path, GError **error)
{
  static const char *const copies[] = {
    "INSERT OR REPLACE INTO corrections (sha256, table_index, row, col, text, original, seq)"
    " SELECT ?2, table_index, row, col, text, original, seq FROM corrections WHERE sha256 = ?1",
    "INSERT OR REPLACE INTO edits (sha256, seq, op)"
    " SELECT ?2, seq, op FROM edits WHERE sha256 = ?1",
    "INSERT OR REPLACE INTO reviews (sha256, key, note)"
    " SELECT ?2, key, note FROM reviews WHERE sha256 = ?1",
    "INSERT OR IGNORE INTO table_reviews (sha256, table_id)"
    " SELECT ?2, table_id FROM table_reviews WHERE sha256 = ?1",
    "INSERT OR REPLACE INTO restatements (sha256, key, printed, corrected)"
    " SELECT ?2, key, printed, corrected FROM restatements WHERE sha256 = ?1",
  };
  const char *what = N_("cannot copy the saved work");
  gboolean ok = TRUE;

  g_return_val_if_fail (CF_IS_STORE (self), FALSE);
  /* One transaction: the copy is all there or not at all. */
  if (!cf_store_begin (self, error))
    return FALSE;
  for (gsize i = 0; ok && i < G_N_ELEMENTS (copies); i++)
    ok = cf_store_finish (self, cf_store_prepare (self, what, error, copies[i], "ss", from_sha256, to_sha256), what,
                 error);
  if (ok)
    ok = cf_store_bump (self, to_sha256, TRUE, error);
  if (ok && path != NULL)
    ok = cf_store_remember_path (self, path, to_sha256, error);
  return cf_store_end (self, ok, error);
}

/* Restatements: "the report is wrong here" ------------------------------ */

gboolean
cf_store_load_restatements (CfStore *self, const char *sha256, GPtrArray *rows, GError **error)
{
  const char *what = N_("cannot read reviews");
  sqlite3_stmt *stmt;
  int rc;

  g_return_val_if_fail (CF_IS_STORE (self), FALSE);
  /* A read-only file from before schema 2: no right figure was ever given. */
  if (!cf_store_has_table (self, "restatements"))
    return TRUE;
  stmt = cf_store_prepare (self, what, error,
                  "SELECT key, printed, corrected FROM restatements WHERE sha256 = ?1", "s", sha256);
  if (stmt == NULL)
    return FALSE;
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    for (int c = 0; c < 3; c++)
      g_ptr_array_add (rows, g_strdup ((const char *) sqlite3_column_text (stmt, c)));
  return cf_store_finish_rows (self, stmt, rc, what, error);
}

gboolean
cf_store_save_restatement (CfStore *self, const char *sha256, const char *key, const char *printed,
                           const char *corrected, GError **error)
{
  const char *what = N_("cannot save a review");

  g_return_val_if_fail (CF_IS_STORE (self), FALSE);
  return cf_store_finish (self,
                 cf_store_prepare (self, what, error,
                          "INSERT INTO restatements (sha256, key, printed, corrected)"
                          " VALUES (?1, ?2, ?3, ?4) ON CONFLICT (sha256, key) DO UPDATE"
                          " SET printed = excluded.printed, corrected = excluded.corrected",
                          "ssss", sha256, key, printed ? printed : "", corrected),
                 what, error);
}

gboolean
cf_store_remove_restatement (CfStore *self, const char *sha256, const char *key, GError **error)
{
  const char *what = N_("cannot save a review");

  g_return_val_if_fail (CF_IS_STORE (self), FALSE);
  return cf_store_finish (self,
                 cf_store_prepare (self, what, error,
                          "DELETE FROM restatements WHERE sha256 = ?1 AND key = ?2", "ss", sha256,
                          key),
                 what, error);
}
