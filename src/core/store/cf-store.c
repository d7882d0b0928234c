/* cf-store.c: the database file, its schema and migrations, and the typed
 * calls of cf-store.h */
#include "config.h"

#include <glib/gi18n-lib.h>
#include <sqlite3.h>

#include "cf-error.h"
#include "cf-store.h"

struct _CfStore
{
  GObject  parent_instance;
  sqlite3 *db;
  char    *path;
  gboolean read_only;
  int      version;
};

G_DEFINE_FINAL_TYPE (CfStore, cf_store, G_TYPE_OBJECT)

/* Schema ------------------------------------------------------------------ */

/* MIGRATIONS[v] takes a database from user_version v to v + 1. Version 0 is
 * both a new file and the unversioned schema of Crossfoot before it had
 * versions, whose tables were made one by one as each part first needed
 * them: IF NOT EXISTS makes the ones a file lacks and keeps the others. */
static const char *const MIGRATIONS[CF_STORE_SCHEMA_VERSION] = {
  /* 0 -> 1 */
  "CREATE TABLE IF NOT EXISTS corrections ("
  " sha256 TEXT NOT NULL, table_index INTEGER NOT NULL,"
  " row INTEGER NOT NULL, col INTEGER NOT NULL,"
  " text TEXT NOT NULL, original TEXT,"
  " seq INTEGER NOT NULL,"
  " PRIMARY KEY (sha256, table_index, row, col));"
  /* Structure edits, as JSON (cf_edit_to_string), in the order they were made. */
  "CREATE TABLE IF NOT EXISTS edits ("
  " sha256 TEXT NOT NULL, seq INTEGER NOT NULL, op TEXT NOT NULL,"
  " PRIMARY KEY (sha256, seq));"
  "CREATE TABLE IF NOT EXISTS reviews ("
  " sha256 TEXT NOT NULL, key TEXT NOT NULL, note TEXT NOT NULL,"
  " accepted_at TEXT NOT NULL DEFAULT (datetime('now')),"
  " PRIMARY KEY (sha256, key));"
  "CREATE TABLE IF NOT EXISTS table_reviews ("
  " sha256 TEXT NOT NULL, table_id TEXT NOT NULL,"
  " reviewed_at TEXT NOT NULL DEFAULT (datetime('now')),"
  " PRIMARY KEY (sha256, table_id));"
  "CREATE TABLE IF NOT EXISTS documents ("
  " path TEXT PRIMARY KEY, sha256 TEXT NOT NULL);",
  /* 1 -> 2: "the report is wrong here": the analyst's right figure of a cell
   * (keyed like the verdicts: table id and the cell's keys or slot) beside
   * the printed text. */
  "CREATE TABLE IF NOT EXISTS restatements ("
  " sha256 TEXT NOT NULL, key TEXT NOT NULL,"
  " printed TEXT NOT NULL, corrected TEXT NOT NULL,"
  " made_at TEXT NOT NULL DEFAULT (datetime('now')),"
  " PRIMARY KEY (sha256, key));",
};

static void
cf_store_finalize (GObject *object)
{
  CfStore *self = CF_STORE (object);

  if (self->db)
    sqlite3_close (self->db);
  g_free (self->path);
  G_OBJECT_CLASS (cf_store_parent_class)->finalize (object);
}

static void
cf_store_class_init (CfStoreClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = cf_store_finalize;
}

static void
cf_store_init (CfStore *self)
{
}

/* Statements -------------------------------------------------------------- */

static gboolean
set_sqlite_error (CfStore *self, GError **error, const char *what)
{
  /* Translators: the database's path, what failed, then SQLite's own reason. */
  g_set_error (error, CF_ERROR, CF_ERROR_IO, _("%s: %s (%s)"), self->path, _(what),
               sqlite3_errmsg (self->db));
  return FALSE;
}

static gboolean
exec_sql (CfStore *self, const char *sql, GError **error)
{
  char *msg = NULL;

  if (sqlite3_exec (self->db, sql, NULL, NULL, &msg) != SQLITE_OK)
    {
      /* Translators: a file's name, then what is wrong with it. */
      g_set_error (error, CF_ERROR, CF_ERROR_IO, _("%s: %s"), self->path, msg ? msg : _("SQL error"));
      sqlite3_free (msg);
      return FALSE;
    }
  return TRUE;
}

/* Prepares @sql and binds its parameters, one per letter of @types: 's' a
 * string (NULL binds NULL), 'i' an int. NULL on error (@error set). */
static sqlite3_stmt *
prepare (CfStore *self, const char *what, GError **error, const char *sql, const char *types, ...)
{
  sqlite3_stmt *stmt = NULL;
  va_list args;

  if (sqlite3_prepare_v2 (self->db, sql, -1, &stmt, NULL) != SQLITE_OK)
    {
      set_sqlite_error (self, error, what);
      return NULL;
    }
  va_start (args, types);
  for (int i = 0; types[i] != '\0'; i++)
    if (types[i] == 'i')
      sqlite3_bind_int (stmt, i + 1, va_arg (args, int));
    else
      {
        const char *text = va_arg (args, const char *);

        if (text != NULL)
          sqlite3_bind_text (stmt, i + 1, text, -1, SQLITE_TRANSIENT);
        else
          sqlite3_bind_null (stmt, i + 1);
      }
  va_end (args);
  return stmt;
}

/* Steps @stmt to its end (rows are skipped) and finalizes it. */
static gboolean
finish (CfStore *self, sqlite3_stmt *stmt, const char *what, GError **error)
{
  int rc;

  if (stmt == NULL)
    return FALSE;
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    ;
  sqlite3_finalize (stmt);
  if (rc != SQLITE_DONE)
    return set_sqlite_error (self, error, what);
  return TRUE;
}

/* Ends a loop of sqlite3_step() that stopped with @rc. */
static gboolean
finish_rows (CfStore *self, sqlite3_stmt *stmt, int rc, const char *what, GError **error)
{
  sqlite3_finalize (stmt);
  if (rc != SQLITE_DONE)
    return set_sqlite_error (self, error, what);
  return TRUE;
}

static gboolean
begin (CfStore *self, GError **error)
{
  return exec_sql (self, "BEGIN IMMEDIATE;", error);
}

/* Commits when @ok, else rolls back; returns whether the work is on disk. */
static gboolean
end (CfStore *self, gboolean ok, GError **error)
{
  if (!ok)
    {
      exec_sql (self, "ROLLBACK;", NULL);
      return FALSE;
    }
  return exec_sql (self, "COMMIT;", error);
}

/* Whether the file has @table: a database opened read-only is not migrated,
 * and one from an earlier version may lack the newer tables. */
static gboolean
has_table (CfStore *self, const char *table)
{
  sqlite3_stmt *stmt = prepare (self, N_("cannot read the corrections database"), NULL,
                                "SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = ?1",
                                "s", table);
  gboolean found;

  if (stmt == NULL)
    return FALSE;
  found = sqlite3_step (stmt) == SQLITE_ROW;
  sqlite3_finalize (stmt);
  return found;
}

static int
read_version (CfStore *self)
{
  sqlite3_stmt *stmt = prepare (self, N_("cannot read the corrections database"), NULL, "PRAGMA user_version", "");
  int version = -1;

  if (stmt != NULL && sqlite3_step (stmt) == SQLITE_ROW)
    version = sqlite3_column_int (stmt, 0);
  sqlite3_finalize (stmt);
  return version;
}

/* Brings the file to CF_STORE_SCHEMA_VERSION, each step in its own
 * transaction with its version: a crash leaves a whole version. */
static gboolean
migrate (CfStore *self, GError **error)
{
  if ((self->version = read_version (self)) < 0)
    return set_sqlite_error (self, error, N_("cannot read the corrections database"));
  if (self->version > CF_STORE_SCHEMA_VERSION)
    {
      g_set_error (error, CF_ERROR, CF_ERROR_IO,
                   _("%s: made by a newer version of Crossfoot (schema %d, this one knows %d)"),
                   self->path, self->version, CF_STORE_SCHEMA_VERSION);
      return FALSE;
    }
  while (self->version < CF_STORE_SCHEMA_VERSION)
    {
      g_autofree char *set_version = g_strdup_printf ("PRAGMA user_version = %d;",
                                                      self->version + 1);

      if (!begin (self, error)
          || !end (self,
                   exec_sql (self, MIGRATIONS[self->version], error)
                     && exec_sql (self, set_version, error),
                   error))
        return FALSE;
      self->version++;
    }
  return TRUE;
}

/* Opening ----------------------------------------------------------------- */

char *
cf_store_default_path (void)
{
  const char *dir = g_getenv ("CROSSFOOT_DATA_DIR");

  if (dir && *dir)
    return g_build_filename (dir, "corrections.db", NULL);
  return g_build_filename (g_get_user_data_dir (), "crossfoot", "corrections.db", NULL);
}

CfStore *
cf_store_open (const char *path, GError **error)
{
  g_autoptr (CfStore) self = g_object_new (CF_TYPE_STORE, NULL);
  g_autofree char *dir = NULL;

  self->path = path ? g_strdup (path) : cf_store_default_path ();
  dir = g_path_get_dirname (self->path);
  if (g_mkdir_with_parents (dir, 0700) != 0)
    {
      g_set_error (error, CF_ERROR, CF_ERROR_IO, _("%s: cannot create the folder"), dir);
      return NULL;
    }
  if (sqlite3_open_v2 (self->path, &self->db,
                       SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE | SQLITE_OPEN_FULLMUTEX, NULL)
      != SQLITE_OK)
    {
      set_sqlite_error (self, error, N_("cannot open the corrections database"));
      return NULL;
    }
  sqlite3_busy_timeout (self->db, 5000);
  /* WAL: a killed process loses nothing that was committed, and readers never block the writer. */
  if (!exec_sql (self, "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL;", error)
      || !migrate (self, error))
    return NULL;
  return g_steal_pointer (&self);
}

CfStore *
cf_store_open_read_only (const char *path, GError **error)
{
  g_autoptr (CfStore) self = g_object_new (CF_TYPE_STORE, NULL);
  int rc;

  self->path = path ? g_strdup (path) : cf_store_default_path ();
  self->read_only = TRUE;
  if (!g_file_test (self->path, G_FILE_TEST_EXISTS))
    return NULL;
  /* Read-write but query-only: unlike a read-only connection, closing it
   * checkpoints and removes the -wal and -shm files it had to create. */
  rc = sqlite3_open_v2 (self->path, &self->db, SQLITE_OPEN_READWRITE | SQLITE_OPEN_FULLMUTEX, NULL);
  if (rc != SQLITE_OK)
    {
      /* A database the user may only read. */
      sqlite3_close (self->db);
      self->db = NULL;
      rc = sqlite3_open_v2 (self->path, &self->db, SQLITE_OPEN_READONLY | SQLITE_OPEN_FULLMUTEX,
                            NULL);
    }
  if (rc != SQLITE_OK)
    {
      set_sqlite_error (self, error, N_("cannot open the corrections database"));
      return NULL;
    }
  sqlite3_busy_timeout (self->db, 5000);
  if (!exec_sql (self, "PRAGMA query_only=1;", error))
    return NULL;
  /* SQLite reads nothing until asked: ask now, so that a damaged file is
   * named here rather than read as an empty one. */
  if ((self->version = read_version (self)) < 0
      || !exec_sql (self, "SELECT count(*) FROM sqlite_master;", error))
    {
      if (error != NULL && *error == NULL)
        set_sqlite_error (self, error, N_("cannot read the corrections database"));
      return NULL;
    }
  return g_steal_pointer (&self);
}

gboolean
cf_store_is_read_only (CfStore *self)
{
  g_return_val_if_fail (CF_IS_STORE (self), TRUE);
  return self->read_only;
}

const char *
cf_store_get_path (CfStore *self)
{
  g_return_val_if_fail (CF_IS_STORE (self), NULL);
  return self->path;
}

int
cf_store_get_schema_version (CfStore *self)
{
  g_return_val_if_fail (CF_IS_STORE (self), -1);
  return self->version;
}

/* Corrections ------------------------------------------------------------- */

gboolean
cf_store_save_correction (CfStore *self, const char *sha256, const CfCorrection *correction,
                          GError **error)
{
  const char *what = N_("cannot save a correction");

  g_return_val_if_fail (CF_IS_STORE (self), FALSE);
  /* seq keeps the order a cell was first corrected in, so exports read naturally. */
  return finish (self,
                 prepare (self, what, error,
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

gboolean
cf_store_remove_correction (CfStore *self, const char *sha256, guint table_index, int row,
                            int col, GError **error)
{
  const char *what = N_("cannot revert a correction");

  g_return_val_if_fail (CF_IS_STORE (self), FALSE);
  return finish (self,
                 prepare (self, what, error,
                          "DELETE FROM corrections WHERE sha256 = ?1 AND table_index = ?2"
                          " AND row = ?3 AND col = ?4",
                          "siii", sha256, (int) table_index, row, col),
                 what, error);
}

GPtrArray *
cf_store_load_corrections (CfStore *self, const char *sha256, GError **error)
{
  g_autoptr (GPtrArray) list = g_ptr_array_new_with_free_func ((GDestroyNotify) cf_correction_free);
  const char *what = N_("cannot read corrections");
  sqlite3_stmt *stmt;
  int rc;

  g_return_val_if_fail (CF_IS_STORE (self), NULL);
  if (!has_table (self, "corrections"))
    return g_steal_pointer (&list);
  stmt = prepare (self, what, error,
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
  if (!finish_rows (self, stmt, rc, what, error))
    return NULL;
  return g_steal_pointer (&list);
}

/* Structure edits --------------------------------------------------------- */

static gboolean
write_edits (CfStore *self, const char *sha256, GPtrArray *edits, GError **error)
{
  const char *what = N_("cannot save edits");

  if (!finish (self, prepare (self, what, error, "DELETE FROM edits WHERE sha256 = ?1", "s", sha256),
               what, error))
    return FALSE;
  for (guint i = 0; edits && i < edits->len; i++)
    {
      g_autofree char *op = cf_edit_to_string (g_ptr_array_index (edits, i));

      if (!finish (self,
                   prepare (self, what, error,
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

  if (!finish (self,
               prepare (self, what, error, "DELETE FROM corrections WHERE sha256 = ?1", "s",
                        sha256),
               what, error))
    return FALSE;
  for (guint i = 0; corrections && i < corrections->len; i++)
    if (!cf_store_save_correction (self, sha256, g_ptr_array_index (corrections, i), error))
      return FALSE;
  return TRUE;
}

gboolean
cf_store_save_state (CfStore *self, const char *sha256, GPtrArray *edits, GPtrArray *corrections,
                     GError **error)
{
  g_return_val_if_fail (CF_IS_STORE (self), FALSE);
  return begin (self, error)
         && end (self,
                 write_edits (self, sha256, edits, error)
                   && write_corrections (self, sha256, corrections, error),
                 error);
}

gboolean
cf_store_save_edits (CfStore *self, const char *sha256, GPtrArray *edits, GError **error)
{
  g_return_val_if_fail (CF_IS_STORE (self), FALSE);
  return begin (self, error) && end (self, write_edits (self, sha256, edits, error), error);
}

GPtrArray *
cf_store_load_edits (CfStore *self, const char *sha256, GError **error)
{
  g_autoptr (GPtrArray) list = g_ptr_array_new_with_free_func ((GDestroyNotify) cf_edit_unref);
  const char *what = N_("cannot read edits");
  sqlite3_stmt *stmt;
  int rc;

  g_return_val_if_fail (CF_IS_STORE (self), NULL);
  if (!has_table (self, "edits"))
    return g_steal_pointer (&list);
  stmt = prepare (self, what, error, "SELECT op FROM edits WHERE sha256 = ?1 ORDER BY seq", "s",
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
  if (!finish_rows (self, stmt, rc, what, error))
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
    if (cf_edit_apply (g_ptr_array_index (edits, i), doc, NULL))
      applied++;
    else
      stale++;
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
  if (!has_table (self, "corrections") || !has_table (self, "edits"))
    return 0;
  stmt = prepare (self, N_("cannot read the corrections database"), NULL,
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
      if (!has_table (self, queries[q].table))
        {
          g_checksum_update (checksum, (const guchar *) "\f", 1);
          continue;
        }
      if ((stmt = prepare (self, N_("cannot read the corrections database"), NULL, queries[q].sql, "s", sha256 ? sha256 : "")) == NULL)
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
  if (!has_table (self, "reviews") || !has_table (self, "table_reviews"))
    return TRUE;
  stmt = prepare (self, what, error, "SELECT key, note FROM reviews WHERE sha256 = ?1", "s", sha256);
  if (stmt == NULL)
    return FALSE;
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    g_hash_table_replace (notes, g_strdup ((const char *) sqlite3_column_text (stmt, 0)),
                          g_strdup ((const char *) sqlite3_column_text (stmt, 1)));
  if (!finish_rows (self, stmt, rc, what, error))
    return FALSE;
  stmt = prepare (self, what, error, "SELECT table_id FROM table_reviews WHERE sha256 = ?1", "s",
                  sha256);
  if (stmt == NULL)
    return FALSE;
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    g_hash_table_add (reviewed, g_strdup ((const char *) sqlite3_column_text (stmt, 0)));
  return finish_rows (self, stmt, rc, what, error);
}

gboolean
cf_store_accept_finding (CfStore *self, const char *sha256, const char *key, const char *note,
                         GError **error)
{
  const char *what = N_("cannot save a review");

  g_return_val_if_fail (CF_IS_STORE (self), FALSE);
  return finish (self,
                 prepare (self, what, error,
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
  return finish (self,
                 prepare (self, what, error, "DELETE FROM reviews WHERE sha256 = ?1 AND key = ?2",
                          "ss", sha256, key),
                 what, error);
}

gboolean
cf_store_set_table_reviewed (CfStore *self, const char *sha256, const char *table_id,
                             gboolean reviewed, GError **error)
{
  const char *what = N_("cannot save a review");

  g_return_val_if_fail (CF_IS_STORE (self), FALSE);
  return finish (self,
                 prepare (self, what, error,
                          reviewed
                            ? "INSERT OR IGNORE INTO table_reviews (sha256, table_id) VALUES (?1, ?2)"
                            : "DELETE FROM table_reviews WHERE sha256 = ?1 AND table_id = ?2",
                          "ss", sha256, table_id),
                 what, error);
}

gboolean
cf_store_load_restatements (CfStore *self, const char *sha256, GPtrArray *rows, GError **error)
{
  const char *what = N_("cannot read reviews");
  sqlite3_stmt *stmt;
  int rc;

  g_return_val_if_fail (CF_IS_STORE (self), FALSE);
  /* A read-only file from before schema 2: no right figure was ever given. */
  if (!has_table (self, "restatements"))
    return TRUE;
  stmt = prepare (self, what, error,
                  "SELECT key, printed, corrected FROM restatements WHERE sha256 = ?1", "s", sha256);
  if (stmt == NULL)
    return FALSE;
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    for (int c = 0; c < 3; c++)
      g_ptr_array_add (rows, g_strdup ((const char *) sqlite3_column_text (stmt, c)));
  return finish_rows (self, stmt, rc, what, error);
}

gboolean
cf_store_save_restatement (CfStore *self, const char *sha256, const char *key, const char *printed,
                           const char *corrected, GError **error)
{
  const char *what = N_("cannot save a review");

  g_return_val_if_fail (CF_IS_STORE (self), FALSE);
  return finish (self,
                 prepare (self, what, error,
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
  return finish (self,
                 prepare (self, what, error,
                          "DELETE FROM restatements WHERE sha256 = ?1 AND key = ?2", "ss", sha256,
                          key),
                 what, error);
}

/* The path index ---------------------------------------------------------- */

char *
cf_store_lookup_path (CfStore *self, const char *path)
{
  sqlite3_stmt *stmt;
  char *sha256 = NULL;

  g_return_val_if_fail (CF_IS_STORE (self), NULL);
  if (!has_table (self, "documents"))
    return NULL;
  stmt = prepare (self, N_("cannot read the corrections database"), NULL, "SELECT sha256 FROM documents WHERE path = ?1", "s", path);
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
  return finish (self,
                 prepare (self, what, error,
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
  };
  const char *what = N_("cannot copy the saved work");
  gboolean ok = TRUE;

  g_return_val_if_fail (CF_IS_STORE (self), FALSE);
  /* One transaction: the copy is all there or not at all. */
  if (!begin (self, error))
    return FALSE;
  for (gsize i = 0; ok && i < G_N_ELEMENTS (copies); i++)
    ok = finish (self, prepare (self, what, error, copies[i], "ss", from_sha256, to_sha256), what,
                 error);
  if (ok && path != NULL)
    ok = cf_store_remember_path (self, path, to_sha256, error);
  return end (self, ok, error);
}
