/* cf-store-work.c: a document's corrections and structure edits, and the
 * checked writes of writers that race */
#include "config.h"

#include <glib/gi18n-lib.h>

#include "cf-error.h"
#include "cf-store-private.h"

/* Corrections ------------------------------------------------------------- */

static gboolean
write_correction (CfStore *self, const char *sha256, const CfCorrection *correction,
                  GError **error)
{
  const char *what = N_("cannot save a correction");

  /* seq keeps the order a cell was first corrected in, so exports read naturally. */
  return cf_store_finish (self,
                 cf_store_prepare (self, what, error,
                          "INSERT INTO corrections"
                          " (sha256, table_index, row, col, text, original, seq)"
                          " VALUES (?1, ?2, ?3, ?4, ?5, ?6,"
                          "  (SELECT IFNULL(MAX(seq), 0) + 1 FROM corrections WHERE sha256 = ?1))"
                          " ON CONFLICT (sha256, table_index, row, col)"
                          " DO UPDATE SET text = excluded.text",
                          "siiiss", sha256, (int) correction->table_index, correction->row,
                          correction->col, correction->text ? correction->text : "",
                          correction->original),
                 what, error);
}

static gboolean
delete_correction (CfStore *self, const char *sha256, guint table_index, int row, int col,
                   GError **error)
{
  const char *what = N_("cannot revert a correction");

  return cf_store_finish (self,
                 cf_store_prepare (self, what, error,
                          "DELETE FROM corrections WHERE sha256 = ?1 AND table_index = ?2"
                          " AND row = ?3 AND col = ?4",
                          "siii", sha256, (int) table_index, row, col),
                 what, error);
}

gboolean
cf_store_save_correction (CfStore *self, const char *sha256, const CfCorrection *correction,
                          GError **error)
{
  g_return_val_if_fail (CF_IS_STORE (self), FALSE);
  return cf_store_begin (self, error)
         && cf_store_end (self,
                 write_correction (self, sha256, correction, error)
                   && cf_store_bump (self, sha256, FALSE, error),
                 error);
}

gboolean
cf_store_remove_correction (CfStore *self, const char *sha256, guint table_index, int row,
                            int col, GError **error)
{
  g_return_val_if_fail (CF_IS_STORE (self), FALSE);
  return cf_store_begin (self, error)
         && cf_store_end (self,
                 delete_correction (self, sha256, table_index, row, col, error)
                   && cf_store_bump (self, sha256, FALSE, error),
                 error);
}

GPtrArray *
cf_store_load_corrections (CfStore *self, const char *sha256, GError **error)
{
  g_autoptr (GPtrArray) list = g_ptr_array_new_with_free_func ((GDestroyNotify) cf_correction_free);
  const char *what = N_("cannot read corrections");
  sqlite3_stmt *stmt;
  int rc;

  g_return_val_if_fail (CF_IS_STORE (self), NULL);
  if (!cf_store_has_table (self, "corrections"))
    return g_steal_pointer (&list);
  stmt = cf_store_prepare (self, what, error,
                  "SELECT table_index, row, col, text, original FROM corrections"
                  " WHERE sha256 = ?1 ORDER BY seq",
                  "s", sha256);
  if (stmt == NULL)
    return NULL;
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    g_ptr_array_add (list, cf_correction_new ((guint) sqlite3_column_int (stmt, 0),
                                              sqlite3_column_int (stmt, 1),
                                              sqlite3_column_int (stmt, 2),
                                              (const char *) sqlite3_column_text (stmt, 3),
                                              (const char *) sqlite3_column_text (stmt, 4)));
  if (!cf_store_finish_rows (self, stmt, rc, what, error))
    return NULL;
  return g_steal_pointer (&list);
}

/* Structure edits --------------------------------------------------------- */

static gboolean
write_edits (CfStore *self, const char *sha256, GPtrArray *edits, GError **error)
{
  const char *what = N_("cannot save edits");

  if (!cf_store_finish (self, cf_store_prepare (self, what, error, "DELETE FROM edits WHERE sha256 = ?1", "s", sha256),
               what, error))
    return FALSE;
  for (guint i = 0; edits && i < edits->len; i++)
    {
      g_autofree char *op = cf_edit_to_string (g_ptr_array_index (edits, i));

      if (!cf_store_finish (self,
                   cf_store_prepare (self, what, error,
                            "INSERT INTO edits (sha256, seq, op) VALUES (?1, ?2, ?3)", "sis",
                            sha256, (int) i + 1, op),
                   what, error))
        return FALSE;
    }
  return TRUE;
}

static gboolean
write_corrections (CfStore *self, const char *sha256, GPtrArray *corrections, GError **error)
{
  const char *what = N_("cannot save edits");

  if (!cf_store_finish (self,
               cf_store_prepare (self, what, error, "DELETE FROM corrections WHERE sha256 = ?1", "s",
                        sha256),
               what, error))
    return FALSE;
  for (guint i = 0; corrections && i < corrections->len; i++)
    if (!write_correction (self, sha256, g_ptr_array_index (corrections, i), error))
      return FALSE;
  return TRUE;
}

gboolean
cf_store_save_state (CfStore *self, const char *sha256, GPtrArray *edits, GPtrArray *corrections,
                     GError **error)
{
  g_return_val_if_fail (CF_IS_STORE (self), FALSE);
  return cf_store_begin (self, error)
         && cf_store_end (self,
                 write_edits (self, sha256, edits, error)
                   && write_corrections (self, sha256, corrections, error)
                   && cf_store_bump (self, sha256, TRUE, error),
                 error);
}

gboolean
cf_store_save_edits (CfStore *self, const char *sha256, GPtrArray *edits, GError **error)
{
  g_return_val_if_fail (CF_IS_STORE (self), FALSE);
  return cf_store_begin (self, error)
         && cf_store_end (self,
                 write_edits (self, sha256, edits, error) && cf_store_bump (self, sha256, TRUE, error),
                 error);
}

GPtrArray *
cf_store_load_edits (CfStore *self, const char *sha256, GError **error)
{
  g_autoptr (GPtrArray) list = g_ptr_array_new_with_free_func ((GDestroyNotify) cf_edit_unref);
  const char *what = N_("cannot read edits");
  sqlite3_stmt *stmt;
  int rc;

  g_return_val_if_fail (CF_IS_STORE (self), NULL);
  if (!cf_store_has_table (self, "edits"))
    return g_steal_pointer (&list);
  stmt = cf_store_prepare (self, what, error, "SELECT op FROM edits WHERE sha256 = ?1 ORDER BY seq", "s",
                  sha256);
  if (stmt == NULL)
    return NULL;
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      g_autoptr (GError) local = NULL;
      CfEdit *edit = cf_edit_from_string ((const char *) sqlite3_column_text (stmt, 0), &local);

      if (edit == NULL)
        {
          sqlite3_finalize (stmt);
          g_set_error (error, CF_ERROR, CF_ERROR_INVALID, _("%s: a stored edit is damaged (%s)"),
                       self->path, local->message);
          return NULL;
        }
      g_ptr_array_add (list, edit);
    }
  if (!cf_store_finish_rows (self, stmt, rc, what, error))
    return NULL;
  return g_steal_pointer (&list);
}

gboolean
cf_store_restore (CfStore *self, CfDocument *doc, guint *n_stale, GError **error)
{
  return cf_store_restore_counted (self, doc, NULL, n_stale, error);
}

gboolean
cf_store_restore_counted (CfStore *self, CfDocument *doc, guint *n_applied, guint *n_stale,
                          GError **error)
{
  return cf_store_replay (self, doc, NULL, n_applied, n_stale, error);
}

gboolean
cf_store_replay (CfStore *self, CfDocument *doc, GPtrArray *applied_edits, guint *n_applied,
                 guint *n_stale, GError **error)
{
  const char *sha256 = cf_document_get_sha256 (doc);
  g_autoptr (GPtrArray) edits = NULL;
  g_autoptr (GPtrArray) corrections = NULL;
  guint stale = 0, stale_corrections = 0, applied = 0;

  g_return_val_if_fail (CF_IS_STORE (self), FALSE);
  if (n_stale)
    *n_stale = 0;
  if (n_applied)
    *n_applied = 0;
  if (sha256 == NULL)
    return TRUE;
  if ((edits = cf_store_load_edits (self, sha256, error)) == NULL
      || (corrections = cf_store_load_corrections (self, sha256, error)) == NULL)
    return FALSE;
  for (guint i = 0; i < edits->len; i++)
    {
      CfEdit *edit = g_ptr_array_index (edits, i);

      if (cf_edit_apply (edit, doc, NULL))
        {
          if (applied_edits != NULL)
            g_ptr_array_add (applied_edits, cf_edit_ref (edit));
          applied++;
        }
      else
        stale++;
    }
  applied += cf_corrections_apply (doc, corrections, &stale_corrections);
  if (n_stale)
    *n_stale = stale + stale_corrections;
  if (n_applied)
    *n_applied = applied;
  return TRUE;
}

guint
cf_store_count_work (CfStore *self, const char *sha256)
{
  sqlite3_stmt *stmt;
  guint n = 0;

  g_return_val_if_fail (CF_IS_STORE (self), 0);
  if (!cf_store_has_table (self, "corrections") || !cf_store_has_table (self, "edits"))
    return 0;
  stmt = cf_store_prepare (self, N_("cannot read the corrections database"), NULL,
                  "SELECT (SELECT count(*) FROM corrections WHERE sha256 = ?1)"
                  " + (SELECT count(*) FROM edits WHERE sha256 = ?1)",
                  "s", sha256);
  if (stmt != NULL && sqlite3_step (stmt) == SQLITE_ROW)
    n = (guint) sqlite3_column_int (stmt, 0);
  sqlite3_finalize (stmt);
  return n;
}

char *
cf_store_work_digest (CfStore *self, const char *sha256)
{
  static const struct
  {
    const char *table;
    const char *sql;
  } queries[] = {
    { "edits", "SELECT op FROM edits WHERE sha256 = ?1 ORDER BY seq" },
    { "corrections", "SELECT table_index, row, col, text, original FROM corrections"
                     " WHERE sha256 = ?1 ORDER BY table_index, row, col" },
  };
  g_autoptr (GChecksum) checksum = g_checksum_new (G_CHECKSUM_SHA256);

  g_return_val_if_fail (self == NULL || CF_IS_STORE (self), NULL);
  for (gsize q = 0; self != NULL && q < G_N_ELEMENTS (queries); q++)
    {
      sqlite3_stmt *stmt;
      int rc;

      /* A table the file lacks holds nothing: the same digest as an empty one. */
      if (!cf_store_has_table (self, queries[q].table))
        {
          g_checksum_update (checksum, (const guchar *) "\f", 1);
          continue;
        }
      if ((stmt = cf_store_prepare (self, N_("cannot read the corrections database"), NULL, queries[q].sql, "s", sha256 ? sha256 : "")) == NULL)
        return NULL;
      while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
        {
          for (int c = 0; c < sqlite3_column_count (stmt); c++)
            {
              const guchar *text = sqlite3_column_text (stmt, c);

              /* Fields end with a NUL, a missing one is a 0x01: no two lists look alike. */
              if (text != NULL)
                g_checksum_update (checksum, text, sqlite3_column_bytes (stmt, c) + 1);
              else
                g_checksum_update (checksum, (const guchar *) "\x01", 1);
            }
          g_checksum_update (checksum, (const guchar *) "\n", 1);
        }
      sqlite3_finalize (stmt);
      if (rc != SQLITE_DONE)
        return NULL;
      g_checksum_update (checksum, (const guchar *) "\f", 1);
    }
  return g_strdup (g_checksum_get_string (checksum));
}

/* Writers that race -------------------------------------------------------- */

gint64
cf_store_get_revision (CfStore *self, const char *sha256, gint64 *structure)
{
  sqlite3_stmt *stmt;
  gint64 revision = 0;

  g_return_val_if_fail (CF_IS_STORE (self), 0);
  if (structure)
    *structure = 0;
  if (!cf_store_has_table (self, "revisions"))
    return 0;
  stmt = cf_store_prepare (self, N_("cannot read the corrections database"), NULL,
                  "SELECT revision, structure FROM revisions WHERE sha256 = ?1", "s", sha256);
  if (stmt != NULL && sqlite3_step (stmt) == SQLITE_ROW)
    {
      revision = sqlite3_column_int64 (stmt, 0);
      if (structure)
        *structure = sqlite3_column_int64 (stmt, 1);
    }
  sqlite3_finalize (stmt);
  return revision;
}

typedef enum
{
  WRITE_CORRECTION,
  REMOVE_CORRECTION,
  WRITE_STATE,
} CheckedWrite;

/* One checked write, in one transaction: the revision is read under the
 * write lock (BEGIN IMMEDIATE), so no other writer slips in between. */
static CfStoreResult
write_at (CfStore *self, const char *sha256, CheckedWrite kind, const CfCorrection *correction,
          GPtrArray *edits, GPtrArray *corrections, gint64 *revision, gint64 *structure,
          GError **error)
{
  gboolean structural = kind == WRITE_STATE;
  gint64 stored_structure = 0, stored;
  gboolean ok;

  if (!cf_store_begin (self, error))
    return CF_STORE_FAILED;
  stored = cf_store_get_revision (self, sha256, &stored_structure);
  if (structural ? stored != *revision : stored_structure != *structure)
    {
      cf_store_end (self, FALSE, NULL);
      return CF_STORE_CHANGED;
    }
  if (kind == WRITE_CORRECTION)
    ok = write_correction (self, sha256, correction, error);
  else if (kind == REMOVE_CORRECTION)
    ok = delete_correction (self, sha256, correction->table_index, correction->row,
                            correction->col, error);
  else
    ok = write_edits (self, sha256, edits, error)
         && write_corrections (self, sha256, corrections, error);
  if (!cf_store_end (self, ok && cf_store_bump (self, sha256, structural, error), error))
    return CF_STORE_FAILED;
  /* Only a writer whose copy was current stays current. */
  if (stored == *revision)
    *revision = stored + 1;
  *structure = structural ? stored_structure + 1 : stored_structure;
  return CF_STORE_SAVED;
}

CfStoreResult
cf_store_save_correction_at (CfStore *self, const char *sha256, const CfCorrection *correction,
                             gint64 *revision, gint64 *structure, GError **error)
{
  g_return_val_if_fail (CF_IS_STORE (self), CF_STORE_FAILED);
  return write_at (self, sha256, WRITE_CORRECTION, correction, NULL, NULL, revision, structure,
                   error);
}

CfStoreResult
cf_store_remove_correction_at (CfStore *self, const char *sha256, guint table_index, int row,
                               int col, gint64 *revision, gint64 *structure, GError **error)
{
  CfCorrection where = { table_index, row, col, NULL, NULL };

  g_return_val_if_fail (CF_IS_STORE (self), CF_STORE_FAILED);
  return write_at (self, sha256, REMOVE_CORRECTION, &where, NULL, NULL, revision, structure,
                   error);
}

CfStoreResult
cf_store_save_state_at (CfStore *self, const char *sha256, GPtrArray *edits,
                        GPtrArray *corrections, gint64 *revision, gint64 *structure,
                        GError **error)
{
  g_return_val_if_fail (CF_IS_STORE (self), CF_STORE_FAILED);
  return write_at (self, sha256, WRITE_STATE, NULL, edits, corrections, revision, structure,
                   error);
}
