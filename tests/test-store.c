/* Tests of the store's schema: a database made before the schema had a
 * version (user_version 0, tables made one by one as each part needed them)
 * opens, migrates and keeps all its work; a read-only open reads it as it is. */
#include <sqlite3.h>
#include <string.h>

#include "cf-test-util.h"

/* The tables as Crossfoot made them before cf-store.c, each with the
 * statement its old owner ran (cf-corrections.c, cf-review.c, the app's
 * cf-correction-session.c). */
static const char *const OLD_CORRECTIONS =
  "CREATE TABLE IF NOT EXISTS corrections ("
  " sha256 TEXT NOT NULL, table_index INTEGER NOT NULL,"
  " row INTEGER NOT NULL, col INTEGER NOT NULL,"
  " text TEXT NOT NULL, original TEXT,"
  " seq INTEGER NOT NULL,"
  " PRIMARY KEY (sha256, table_index, row, col));"
  "CREATE TABLE IF NOT EXISTS edits ("
  " sha256 TEXT NOT NULL, seq INTEGER NOT NULL, op TEXT NOT NULL,"
  " PRIMARY KEY (sha256, seq));";
static const char *const OLD_REVIEWS =
  "CREATE TABLE IF NOT EXISTS reviews ("
  " sha256 TEXT NOT NULL, key TEXT NOT NULL, note TEXT NOT NULL,"
  " accepted_at TEXT NOT NULL DEFAULT (datetime('now')),"
  " PRIMARY KEY (sha256, key));"
  "CREATE TABLE IF NOT EXISTS table_reviews ("
  " sha256 TEXT NOT NULL, table_id TEXT NOT NULL,"
  " reviewed_at TEXT NOT NULL DEFAULT (datetime('now')),"
  " PRIMARY KEY (sha256, table_id));";
static const char *const OLD_DOCUMENTS =
  "CREATE TABLE IF NOT EXISTS documents (path TEXT PRIMARY KEY, sha256 TEXT NOT NULL)";

static void
run_sql (const char *path, const char *sql)
{
  sqlite3 *db = NULL;
  char *message = NULL;

  g_assert_cmpint (sqlite3_open (path, &db), ==, SQLITE_OK);
  if (sqlite3_exec (db, sql, NULL, NULL, &message) != SQLITE_OK)
    g_error ("%s: %s", sql, message);
  sqlite3_close (db);
}

static int
user_version (const char *path)
{
  sqlite3 *db = NULL;
  sqlite3_stmt *stmt = NULL;
  int version;

  g_assert_cmpint (sqlite3_open (path, &db), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_prepare_v2 (db, "PRAGMA user_version", -1, &stmt, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
  version = sqlite3_column_int (stmt, 0);
  sqlite3_finalize (stmt);
  sqlite3_close (db);
  return version;
}

/* A full old database: every table, with work in each. */
static char *
make_old_database (const char *dir)
{
  char *path = g_build_filename (dir, "corrections.db", NULL);
  g_autoptr (CfEdit) edit = cf_edit_insert_row (1, 2);
  g_autofree char *op = cf_edit_to_string (edit);
  g_autofree char *insert_edit = g_strdup_printf (
    "INSERT INTO edits VALUES ('ab12', 1, '%s');", op);

  run_sql (path, OLD_CORRECTIONS);
  run_sql (path, OLD_REVIEWS);
  run_sql (path, OLD_DOCUMENTS);
  run_sql (path,
           "INSERT INTO corrections VALUES ('ab12', 0, 1, 2, '18', '17', 1);"
           "INSERT INTO corrections VALUES ('ab12', 1, 0, 0, '6', NULL, 2);"
           "INSERT INTO corrections VALUES ('other', 0, 0, 0, 'x', 'y', 1);"
           "INSERT INTO reviews (sha256, key, note) VALUES ('ab12', 'sum|requests|a/b', 'as printed');"
           "INSERT INTO table_reviews (sha256, table_id) VALUES ('ab12', 'requests');"
           "INSERT INTO documents VALUES ('/reports/a.txt', 'ab12');");
  run_sql (path, insert_edit);
  g_assert_cmpint (user_version (path), ==, 0);
  return path;
}

static void
assert_all_work (CfStore *store)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (GPtrArray) corrections = cf_store_load_corrections (store, "ab12", &error);
  g_autoptr (GPtrArray) edits = cf_store_load_edits (store, "ab12", &error);
  g_autoptr (GHashTable) notes = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  g_autoptr (GHashTable) reviewed = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  g_autofree char *sha = cf_store_lookup_path (store, "/reports/a.txt");
  CfCorrection *first;

  g_assert_no_error (error);
  g_assert_cmpuint (corrections->len, ==, 2);
  first = g_ptr_array_index (corrections, 0);
  g_assert_cmpuint (first->table_index, ==, 0);
  g_assert_cmpint (first->row, ==, 1);
  g_assert_cmpint (first->col, ==, 2);
  g_assert_cmpstr (first->text, ==, "18");
  g_assert_cmpstr (first->original, ==, "17");
  g_assert_cmpuint (edits->len, ==, 1);
  g_assert_cmpint (cf_edit_get_kind (g_ptr_array_index (edits, 0)), ==, CF_EDIT_INSERT_ROW);
  g_assert_cmpint (cf_edit_get_row (g_ptr_array_index (edits, 0)), ==, 2);
  g_assert_true (cf_store_load_reviews (store, "ab12", notes, reviewed, &error));
  g_assert_no_error (error);
  g_assert_cmpstr (g_hash_table_lookup (notes, "sum|requests|a/b"), ==, "as printed");
  g_assert_true (g_hash_table_contains (reviewed, "requests"));
  g_assert_cmpstr (sha, ==, "ab12");
  g_assert_cmpuint (cf_store_count_work (store, "ab12"), ==, 3);
  g_assert_cmpuint (cf_store_count_work (store, "other"), ==, 1);
}

static void
test_old_database_migrates (void)
{
  g_autofree char *dir = cf_test_make_tmpdir ();
  g_autofree char *path = make_old_database (dir);
  g_autoptr (GError) error = NULL;

  {
    /* Read-only: read as it is, never migrated. */
    g_autoptr (CfStore) store = cf_store_open_read_only (path, &error);

    g_assert_no_error (error);
    g_assert_cmpint (cf_store_get_schema_version (store), ==, 0);
    assert_all_work (store);
  }
  g_assert_cmpint (user_version (path), ==, 0);
  {
    g_autoptr (CfStore) store = cf_store_open (path, &error);

    g_assert_no_error (error);
    g_assert_cmpint (cf_store_get_schema_version (store), ==, CF_STORE_SCHEMA_VERSION);
    assert_all_work (store);
  }
  g_assert_cmpint (user_version (path), ==, CF_STORE_SCHEMA_VERSION);
  {
    /* And again: a migrated file opens as it is. */
    g_autoptr (CfStore) store = cf_store_open (path, &error);

    g_assert_no_error (error);
    assert_all_work (store);
  }
  cf_test_rm_rf (dir);
}

/* The oldest files have only the corrections and edits tables: read-only,
 * the missing ones read as empty; opened for writing, they are made. */
static void
test_oldest_database (void)
{
  g_autofree char *dir = cf_test_make_tmpdir ();
  g_autofree char *path = g_build_filename (dir, "corrections.db", NULL);
  g_autoptr (GHashTable) notes = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  g_autoptr (GHashTable) reviewed = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  g_autoptr (GError) error = NULL;
  g_autoptr (CfStore) ro = NULL;
  g_autoptr (CfStore) rw = NULL;
  g_autofree char *none = NULL;
  g_autofree char *sha = NULL;

  run_sql (path, OLD_CORRECTIONS);
  run_sql (path, "INSERT INTO corrections VALUES ('ab12', 0, 1, 2, '18', '17', 1);");
  ro = cf_store_open_read_only (path, &error);
  g_assert_no_error (error);
  g_assert_true (cf_store_load_reviews (ro, "ab12", notes, reviewed, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (g_hash_table_size (notes), ==, 0);
  none = cf_store_lookup_path (ro, "/reports/a.txt");
  g_assert_null (none);
  g_assert_cmpuint (cf_store_count_work (ro, "ab12"), ==, 1);
  g_clear_object (&ro);

  rw = cf_store_open (path, &error);
  g_assert_no_error (error);
  g_assert_true (cf_store_remember_path (rw, "/reports/a.txt", "ab12", &error));
  g_assert_true (cf_store_set_table_reviewed (rw, "ab12", "requests", TRUE, &error));
  g_assert_no_error (error);
  sha = cf_store_lookup_path (rw, "/reports/a.txt");
  g_assert_cmpstr (sha, ==, "ab12");
  g_clear_object (&rw);
  cf_test_rm_rf (dir);
}

/* A file from a newer Crossfoot is not written (its schema is unknown), but
 * can still be read. */
static void
test_newer_database (void)
{
  g_autofree char *dir = cf_test_make_tmpdir ();
  g_autofree char *path = g_build_filename (dir, "corrections.db", NULL);
  g_autoptr (GError) error = NULL;
  g_autoptr (CfStore) rw = NULL;
  g_autoptr (CfStore) ro = NULL;
  g_autofree char *pragma = g_strdup_printf ("PRAGMA user_version = %d",
                                             CF_STORE_SCHEMA_VERSION + 1);

  run_sql (path, OLD_CORRECTIONS);
  run_sql (path, pragma);
  rw = cf_store_open (path, &error);
  g_assert_null (rw);
  g_assert_error (error, CF_ERROR, CF_ERROR_IO);
  g_assert_nonnull (strstr (error->message, "corrections.db"));
  g_assert_nonnull (strstr (error->message, "newer"));
  g_clear_error (&error);
  ro = cf_store_open_read_only (path, &error);
  g_assert_no_error (error);
  g_assert_nonnull (ro);
  cf_test_rm_rf (dir);
}

/* The files kept aside next to @path ("corrections.db.broken-…"). */
static GPtrArray *
kept_files (const char *dir)
{
  GPtrArray *found = g_ptr_array_new_with_free_func (g_free);
  g_autoptr (GDir) d = g_dir_open (dir, 0, NULL);
  const char *name;

  while (d != NULL && (name = g_dir_read_name (d)) != NULL)
    if (g_str_has_prefix (name, "corrections.db.broken-") && !g_str_has_suffix (name, "-wal")
        && !g_str_has_suffix (name, "-shm"))
      g_ptr_array_add (found, g_build_filename (dir, name, NULL));
  return found;
}

/* Damaged files of every kind: opened all the same, the old file kept with
 * its bytes, a fresh database that saves, and a note saying so. */
static void
test_damaged_replaced (void)
{
  static const char *const kinds[] = { "garbage", "cut-short", "bad-header" };

  for (gsize k = 0; k < G_N_ELEMENTS (kinds); k++)
    {
      g_autofree char *dir = cf_test_make_tmpdir ();
      g_autofree char *path = g_build_filename (dir, "corrections.db", NULL);
      g_autoptr (GError) error = NULL;
      g_autoptr (CfStore) store = NULL;
      g_autoptr (GPtrArray) kept = NULL;
      g_autoptr (GPtrArray) loaded = NULL;
      g_autofree char *kept_bytes = NULL;
      char bytes[4096] = "SQLite format 3";
      gsize n_bytes = sizeof bytes, kept_len = 0;
      CfCorrection c = { 0, 1, 1, (char *) "7", (char *) "1" };

      if (g_str_equal (kinds[k], "garbage"))
        {
          memset (bytes, 'x', sizeof bytes);
          n_bytes = 100;
        }
      else if (g_str_equal (kinds[k], "cut-short"))
        n_bytes = 30;
      else
        memset (bytes + 16, 0xff, sizeof bytes - 16);
      g_assert_true (g_file_set_contents (path, bytes, (gssize) n_bytes, NULL));

      store = cf_store_open (path, &error);
      g_assert_no_error (error);
      g_assert_nonnull (store);
      g_assert_nonnull (cf_store_get_recovery_note (store));
      kept = kept_files (dir);
      g_assert_cmpuint (kept->len, ==, 1);
      g_assert_nonnull (strstr (cf_store_get_recovery_note (store), kept->pdata[0]));
      g_assert_true (g_file_get_contents (kept->pdata[0], &kept_bytes, &kept_len, NULL));
      g_assert_cmpmem (kept_bytes, kept_len, bytes, n_bytes);
      g_assert_true (cf_store_save_correction (store, "ab12", &c, &error));
      loaded = cf_store_load_corrections (store, "ab12", &error);
      g_assert_no_error (error);
      g_assert_cmpuint (loaded->len, ==, 1);
      g_clear_object (&store);
      /* Sound now: opened without a note. */
      store = cf_store_open (path, &error);
      g_assert_no_error (error);
      g_assert_null (cf_store_get_recovery_note (store));
      cf_test_rm_rf (dir);
    }
}

/* A database with a damaged page among many: the rows before it come over. */
static void
test_damaged_page_recovered (void)
{
  g_autofree char *dir = cf_test_make_tmpdir ();
  g_autofree char *path = g_build_filename (dir, "corrections.db", NULL);
  g_autoptr (GError) error = NULL;
  g_autoptr (GPtrArray) loaded = NULL;
  g_autofree char *contents = NULL;
  g_autofree char *note = NULL;
  gsize len = 0;
  const guint n_saved = 3000;

  {
    g_autoptr (CfStore) store = cf_store_open (path, &error);
    g_autoptr (GPtrArray) all = g_ptr_array_new_with_free_func ((GDestroyNotify) cf_correction_free);

    g_assert_no_error (error);
    for (guint i = 0; i < n_saved; i++)
      {
        g_autofree char *text = g_strdup_printf ("corrected text number %u, long enough", i);
        g_ptr_array_add (all, cf_correction_new (0, (int) i, 1, text, "x"));
      }
    g_assert_true (cf_store_save_state (store, "ab12", NULL, all, &error));
    g_assert_no_error (error);
  }
  /* Closed: the WAL is checkpointed into the file. Spoil a page in its
   * second half with garbage. */
  g_assert_true (g_file_get_contents (path, &contents, &len, NULL));
  g_assert_cmpuint (len, >, 16 * 4096);
  memset (contents + (len / 4096 * 3 / 4) * 4096, 0xA5, 4096);
  g_assert_true (g_file_set_contents (path, contents, (gssize) len, NULL));

  {
    g_autoptr (CfStore) store = cf_store_open (path, &error);

    g_assert_no_error (error);
    g_assert_nonnull (cf_store_get_recovery_note (store));
    note = g_strdup (cf_store_get_recovery_note (store));
    loaded = cf_store_load_corrections (store, "ab12", &error);
    g_assert_no_error (error);
  }
  g_test_message ("%s; %u of %u rows", note, loaded->len, n_saved);
  g_assert_cmpuint (loaded->len, >, 0);
  g_assert_cmpuint (loaded->len, <=, n_saved);
  g_assert_cmpstr (((CfCorrection *) loaded->pdata[0])->original, ==, "x");
  cf_test_rm_rf (dir);
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/store/old-database-migrates", test_old_database_migrates);
  g_test_add_func ("/store/oldest-database", test_oldest_database);
  g_test_add_func ("/store/newer-database", test_newer_database);
  g_test_add_func ("/store/damaged-replaced", test_damaged_replaced);
  g_test_add_func ("/store/damaged-page-recovered", test_damaged_page_recovered);
  return g_test_run ();
}
