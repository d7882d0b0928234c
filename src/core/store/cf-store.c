/* cf-store.c: the database file, its schema and migrations, opening it
 * (a damaged one replaced), and the statement helpers of the other parts
 * (cf-store-work.c, cf-store-review.c, cf-store-recover.c) */
#include "config.h"

#include <glib/gi18n-lib.h>

#include "cf-error.h"
#include "cf-store-private.h"

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
  /* 2 -> 3: revisions, for writers that race (cf_store_save_state_at). */
  "CREATE TABLE IF NOT EXISTS revisions ("
  " sha256 TEXT PRIMARY KEY, revision INTEGER NOT NULL, structure INTEGER NOT NULL);",
};

static void
cf_store_finalize (GObject *object)
{
  CfStore *self = CF_STORE (object);

  if (self->db)
    sqlite3_close (self->db);
  g_free (self->path);
  g_free (self->recovery_note);
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

gboolean
cf_store_sql_error (CfStore *self, GError **error, const char *what)
{
  /* Translators: the database's path, what failed, then SQLite's own reason. */
  g_set_error (error, CF_ERROR, CF_ERROR_IO, _("%s: %s (%s)"), self->path, _(what),
               sqlite3_errmsg (self->db));
  return FALSE;
}

gboolean
cf_store_exec_sql (CfStore *self, const char *sql, GError **error)
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
sqlite3_stmt *
cf_store_prepare (CfStore *self, const char *what, GError **error, const char *sql, const char *types, ...)
{
  sqlite3_stmt *stmt = NULL;
  va_list args;

  if (sqlite3_prepare_v2 (self->db, sql, -1, &stmt, NULL) != SQLITE_OK)
    {
      cf_store_sql_error (self, error, what);
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

/* Steps @stmt to its cf_store_end (rows are skipped) and finalizes it. */
gboolean
cf_store_finish (CfStore *self, sqlite3_stmt *stmt, const char *what, GError **error)
{
  int rc;

  if (stmt == NULL)
    return FALSE;
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    ;
  sqlite3_finalize (stmt);
  if (rc != SQLITE_DONE)
    return cf_store_sql_error (self, error, what);
  return TRUE;
}

/* Ends a loop of sqlite3_step() that stopped with @rc. */
gboolean
cf_store_finish_rows (CfStore *self, sqlite3_stmt *stmt, int rc, const char *what, GError **error)
{
  sqlite3_finalize (stmt);
  if (rc != SQLITE_DONE)
    return cf_store_sql_error (self, error, what);
  return TRUE;
}

gboolean
cf_store_begin (CfStore *self, GError **error)
{
  return cf_store_exec_sql (self, "BEGIN IMMEDIATE;", error);
}

/* Commits when @ok, else rolls back; returns whether the work is on disk. */
gboolean
cf_store_end (CfStore *self, gboolean ok, GError **error)
{
  if (!ok)
    {
      cf_store_exec_sql (self, "ROLLBACK;", NULL);
      return FALSE;
    }
  return cf_store_exec_sql (self, "COMMIT;", error);
}

/* Moves the revision of @sha256 on (and its structure revision when
 * @structure): part of every write of its edits or corrections. */
gboolean
cf_store_bump (CfStore *self, const char *sha256, gboolean structure, GError **error)
{
  const char *what = N_("cannot save edits");

  return cf_store_finish (self,
                 cf_store_prepare (self, what, error,
                          "INSERT INTO revisions (sha256, revision, structure) VALUES (?1, 1, ?2)"
                          " ON CONFLICT (sha256) DO UPDATE SET revision = revision + 1,"
                          " structure = structure + ?2",
                          "si", sha256, structure ? 1 : 0),
                 what, error);
}

/* Whether the file has @table: a database opened read-only is not migrated,
 * and one from an earlier version may lack the newer tables. */
gboolean
cf_store_has_table (CfStore *self, const char *table)
{
  sqlite3_stmt *stmt = cf_store_prepare (self, N_("cannot read the corrections database"), NULL,
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
  sqlite3_stmt *stmt = cf_store_prepare (self, N_("cannot read the corrections database"), NULL, "PRAGMA user_version", "");
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
    return cf_store_sql_error (self, error, N_("cannot read the corrections database"));
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

      if (!cf_store_begin (self, error)
          || !cf_store_end (self,
                   cf_store_exec_sql (self, MIGRATIONS[self->version], error)
                     && cf_store_exec_sql (self, set_version, error),
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

/* SQLite's codes for a file that is not a sound database. */
static gboolean
is_damage (int code)
{
  code &= 0xff;
  return code == SQLITE_CORRUPT || code == SQLITE_NOTADB;
}

/* Opens (creating, migrating) @path; *@damaged tells a damaged file from
 * other failures (a folder, no permission, a full disk). */
static CfStore *
open_for_writing (const char *path, gboolean *damaged, GError **error)
{
  g_autoptr (CfStore) self = g_object_new (CF_TYPE_STORE, NULL);
  g_autofree char *dir = NULL;
  sqlite3_stmt *check;
  gboolean sound = FALSE;

  *damaged = FALSE;
  self->path = g_strdup (path);
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
      *damaged = is_damage (sqlite3_errcode (self->db));
      cf_store_sql_error (self, error, N_("cannot open the corrections database"));
      return NULL;
    }
  sqlite3_busy_timeout (self->db, 5000);
  /* WAL: a killed process loses nothing that was committed, and readers never block the writer. */
  if (!cf_store_exec_sql (self, "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL;", error))
    {
      *damaged = is_damage (sqlite3_errcode (self->db));
      return NULL;
    }
  /* A damaged page shows only when read: read them all now (the file is small). */
  check = cf_store_prepare (self, N_("cannot read the corrections database"), error, "PRAGMA quick_check",
                   "");
  if (check != NULL && sqlite3_step (check) == SQLITE_ROW)
    {
      const char *verdict = (const char *) sqlite3_column_text (check, 0);

      if (!(sound = g_strcmp0 (verdict, "ok") == 0))
        g_set_error (error, CF_ERROR, CF_ERROR_IO, _("%s: damaged (%s)"), self->path,
                     verdict ? verdict : "?");
    }
  else if (check != NULL)
    cf_store_sql_error (self, error, N_("cannot read the corrections database"));
  *damaged = !sound;
  sqlite3_finalize (check);
  if (!sound || !migrate (self, error))
    {
      *damaged = *damaged || is_damage (sqlite3_errcode (self->db));
      return NULL;
    }
  return g_steal_pointer (&self);
}

CfStore *
cf_store_open (const char *path, GError **error)
{
  g_autofree char *where = path ? g_strdup (path) : cf_store_default_path ();
  g_autoptr (GError) local_error = NULL;
  g_autoptr (GDateTime) now = NULL;
  g_autofree char *stamp = NULL;
  g_autofree char *kept = NULL;
  CfStore *self;
  gboolean damaged;
  guint n_recovered;

  if ((self = open_for_writing (where, &damaged, &local_error)) != NULL)
    return self;
  if (!damaged)
    {
      g_propagate_error (error, g_steal_pointer (&local_error));
      return NULL;
    }
  /* Damaged: kept aside, never deleted; what SQLite can still read of it
   * goes into a fresh database, and the store says so. */
  now = g_date_time_new_now_local ();
  stamp = g_date_time_format (now, "%Y%m%d-%H%M%S");
  kept = g_strdup_printf ("%s.broken-%s", where, stamp);
  if (!cf_store_keep_aside (where, kept, error))
    return NULL;
  if ((self = open_for_writing (where, &damaged, error)) == NULL)
    return NULL;
  n_recovered = cf_store_recover_from (self, kept);
  self->recovery_note = g_strdup_printf (
    ngettext ("The corrections database was damaged (%s). It is kept as %s; %u saved item was "
              "recovered from it into a new database.",
              "The corrections database was damaged (%s). It is kept as %s; %u saved items were "
              "recovered from it into a new database.",
              n_recovered),
    local_error->message, kept, n_recovered);
  return self;
}

const char *
cf_store_get_recovery_note (CfStore *self)
{
  g_return_val_if_fail (CF_IS_STORE (self), NULL);
  return self->recovery_note;
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
      cf_store_sql_error (self, error, N_("cannot open the corrections database"));
      return NULL;
    }
  sqlite3_busy_timeout (self->db, 5000);
  if (!cf_store_exec_sql (self, "PRAGMA query_only=1;", error))
    return NULL;
  /* SQLite reads nothing until asked: ask now, so that a damaged file is
   * named here rather than read as an empty one. */
  if ((self->version = read_version (self)) < 0
      || !cf_store_exec_sql (self, "SELECT count(*) FROM sqlite_master;", NULL))
    {
      /* On a read-only file system a WAL database cannot make its -shm
       * file: read it as immutable (nobody can write there either). */
      g_autofree char *file_uri = g_filename_to_uri (self->path, NULL, NULL);
      g_autofree char *uri = file_uri ? g_strconcat (file_uri, "?immutable=1", NULL) : NULL;
      int code = sqlite3_errcode (self->db) & 0xff;

      if (code != SQLITE_CANTOPEN && code != SQLITE_READONLY)
        {
          cf_store_sql_error (self, error, N_("cannot read the corrections database"));
          return NULL;
        }
      sqlite3_close (self->db);
      self->db = NULL;
      if (uri == NULL
          || sqlite3_open_v2 (uri, &self->db,
                              SQLITE_OPEN_READONLY | SQLITE_OPEN_URI | SQLITE_OPEN_FULLMUTEX, NULL)
               != SQLITE_OK
          || (self->version = read_version (self)) < 0)
        {
          cf_store_sql_error (self, error, N_("cannot read the corrections database"));
          return NULL;
        }
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
