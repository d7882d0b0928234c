#include "config.h"

#include <glib/gi18n-lib.h>
#include <json-glib/json-glib.h>
#include <sqlite3.h>

#include "cf-corrections.h"
#include "cf-error.h"
#include "cf-table-edit.h"

struct _CfCorrectionStore
{
  GObject  parent_instance;
  sqlite3 *db;
  char    *path;
  gboolean read_only;
};

G_DEFINE_FINAL_TYPE (CfCorrectionStore, cf_correction_store, G_TYPE_OBJECT)

void
cf_correction_free (CfCorrection *correction)
{
  if (correction == NULL)
    return;
  g_free (correction->text);
  g_free (correction->original);
  g_free (correction);
}

static CfCorrection *
correction_new (guint table_index, int row, int col, const char *text, const char *original)
{
  CfCorrection *c = g_new0 (CfCorrection, 1);

  c->table_index = table_index;
  c->row = row;
  c->col = col;
  c->text = g_strdup (text ? text : "");
  c->original = g_strdup (original);
  return c;
}

static void
cf_correction_store_finalize (GObject *object)
{
  CfCorrectionStore *self = CF_CORRECTION_STORE (object);

  if (self->db)
    sqlite3_close (self->db);
  g_free (self->path);
  G_OBJECT_CLASS (cf_correction_store_parent_class)->finalize (object);
}

static void
cf_correction_store_class_init (CfCorrectionStoreClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = cf_correction_store_finalize;
}

static void
cf_correction_store_init (CfCorrectionStore *self)
{
}

static gboolean
set_sqlite_error (CfCorrectionStore *self, GError **error, const char *what)
{
  /* Translators: the database's path, what failed, then SQLite's own reason. */
  g_set_error (error, CF_ERROR, CF_ERROR_IO, _("%s: %s (%s)"), self->path, _(what),
               sqlite3_errmsg (self->db));
  return FALSE;
}

static gboolean
exec_sql (CfCorrectionStore *self, const char *sql, GError **error)
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

static char *
default_path (void)
{
  const char *dir = g_getenv ("CROSSFOOT_DATA_DIR");

  if (dir && *dir)
    return g_build_filename (dir, "corrections.db", NULL);
  return g_build_filename (g_get_user_data_dir (), "crossfoot", "corrections.db", NULL);
}

CfCorrectionStore *
cf_correction_store_open (const char *path, GError **error)
{
  g_autoptr (CfCorrectionStore) self = g_object_new (CF_TYPE_CORRECTION_STORE, NULL);
  g_autofree char *dir = NULL;

  self->path = path ? g_strdup (path) : default_path ();
  dir = g_path_get_dirname (self->path);
  if (g_mkdir_with_parents (dir, 0700) != 0)
    {
      g_set_error (error, CF_ERROR, CF_ERROR_IO, _("%s: cannot create the folder"), dir);
      return NULL;
    }
  if (sqlite3_open_v2 (self->path, &self->db, SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE
                       | SQLITE_OPEN_FULLMUTEX, NULL) != SQLITE_OK)
    {
      set_sqlite_error (self, error, N_("cannot open the corrections database"));
      return NULL;
    }
  sqlite3_busy_timeout (self->db, 5000);
  /* WAL: a killed process loses nothing that was committed, and readers never block the writer. */
  if (!exec_sql (self, "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL;", error)
      || !exec_sql (self,
                    "CREATE TABLE IF NOT EXISTS corrections ("
                    " sha256 TEXT NOT NULL, table_index INTEGER NOT NULL,"
                    " row INTEGER NOT NULL, col INTEGER NOT NULL,"
                    " text TEXT NOT NULL, original TEXT,"
                    " seq INTEGER NOT NULL,"
                    " PRIMARY KEY (sha256, table_index, row, col));"
                    /* Structure edits, as JSON, in the order they were made. */
                    "CREATE TABLE IF NOT EXISTS edits ("
                    " sha256 TEXT NOT NULL, seq INTEGER NOT NULL, op TEXT NOT NULL,"
                    " PRIMARY KEY (sha256, seq));",
                    error))
    return NULL;
  return g_steal_pointer (&self);
}

CfCorrectionStore *
cf_correction_store_open_read_only (const char *path, GError **error)
{
  g_autoptr (CfCorrectionStore) self = g_object_new (CF_TYPE_CORRECTION_STORE, NULL);
  int rc;

  self->path = path ? g_strdup (path) : default_path ();
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
  return g_steal_pointer (&self);
}

gboolean
cf_correction_store_is_read_only (CfCorrectionStore *self)
{
  g_return_val_if_fail (CF_IS_CORRECTION_STORE (self), TRUE);
  return self->read_only;
}

const char *
cf_correction_store_get_path (CfCorrectionStore *self)
{
  return self->path;
}

gboolean
cf_correction_store_save (CfCorrectionStore *self, const char *sha256,
                          const CfCorrection *correction, GError **error)
{
  sqlite3_stmt *stmt = NULL;
  int rc;

  /* seq keeps the order a cell was first corrected in, so exports read naturally. */
  rc = sqlite3_prepare_v2 (self->db,
                           "INSERT INTO corrections (sha256, table_index, row, col, text, original, seq)"
                           " VALUES (?1, ?2, ?3, ?4, ?5, ?6,"
                           "  (SELECT IFNULL(MAX(seq), 0) + 1 FROM corrections WHERE sha256 = ?1))"
                           " ON CONFLICT (sha256, table_index, row, col)"
                           " DO UPDATE SET text = excluded.text",
                           -1, &stmt, NULL);
  if (rc != SQLITE_OK)
    return set_sqlite_error (self, error, N_("cannot save a correction"));
  sqlite3_bind_text (stmt, 1, sha256, -1, SQLITE_TRANSIENT);
  sqlite3_bind_int (stmt, 2, (int) correction->table_index);
  sqlite3_bind_int (stmt, 3, correction->row);
  sqlite3_bind_int (stmt, 4, correction->col);
  sqlite3_bind_text (stmt, 5, correction->text ? correction->text : "", -1, SQLITE_TRANSIENT);
  if (correction->original)
    sqlite3_bind_text (stmt, 6, correction->original, -1, SQLITE_TRANSIENT);
  else
    sqlite3_bind_null (stmt, 6);
  rc = sqlite3_step (stmt);
  sqlite3_finalize (stmt);
  if (rc != SQLITE_DONE)
    return set_sqlite_error (self, error, N_("cannot save a correction"));
  return TRUE;
}

gboolean
cf_correction_store_remove (CfCorrectionStore *self, const char *sha256, guint table_index,
                            int row, int col, GError **error)
{
  sqlite3_stmt *stmt = NULL;
  int rc;

  rc = sqlite3_prepare_v2 (self->db,
                           "DELETE FROM corrections WHERE sha256 = ?1 AND table_index = ?2"
                           " AND row = ?3 AND col = ?4",
                           -1, &stmt, NULL);
  if (rc != SQLITE_OK)
    return set_sqlite_error (self, error, N_("cannot revert a correction"));
  sqlite3_bind_text (stmt, 1, sha256, -1, SQLITE_TRANSIENT);
  sqlite3_bind_int (stmt, 2, (int) table_index);
  sqlite3_bind_int (stmt, 3, row);
  sqlite3_bind_int (stmt, 4, col);
  rc = sqlite3_step (stmt);
  sqlite3_finalize (stmt);
  if (rc != SQLITE_DONE)
    return set_sqlite_error (self, error, N_("cannot revert a correction"));
  return TRUE;
}

GPtrArray *
cf_correction_store_load (CfCorrectionStore *self, const char *sha256, GError **error)
{
  g_autoptr (GPtrArray) list = g_ptr_array_new_with_free_func ((GDestroyNotify) cf_correction_free);
  sqlite3_stmt *stmt = NULL;
  int rc;

  rc = sqlite3_prepare_v2 (self->db,
                           "SELECT table_index, row, col, text, original FROM corrections"
                           " WHERE sha256 = ?1 ORDER BY seq",
                           -1, &stmt, NULL);
  if (rc != SQLITE_OK)
    {
      set_sqlite_error (self, error, N_("cannot read corrections"));
      return NULL;
    }
  sqlite3_bind_text (stmt, 1, sha256, -1, SQLITE_TRANSIENT);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    g_ptr_array_add (list, correction_new ((guint) sqlite3_column_int (stmt, 0),
                                           sqlite3_column_int (stmt, 1),
                                           sqlite3_column_int (stmt, 2),
                                           (const char *) sqlite3_column_text (stmt, 3),
                                           (const char *) sqlite3_column_text (stmt, 4)));
  sqlite3_finalize (stmt);
  if (rc != SQLITE_DONE)
    {
      set_sqlite_error (self, error, N_("cannot read corrections"));
      return NULL;
    }
  return g_steal_pointer (&list);
}

guint
cf_corrections_apply (CfDocument *doc, GPtrArray *corrections, guint *n_stale)
{
  GPtrArray *tables = cf_document_get_tables (doc);
  guint applied = 0, stale = 0;

  for (guint i = 0; corrections && i < corrections->len; i++)
    {
      CfCorrection *c = g_ptr_array_index (corrections, i);
      CfTable *table;
      CfCell *cell;
      const char *extracted;

      if (c->table_index >= tables->len)
        {
          stale++;
          continue;
        }
      table = g_ptr_array_index (tables, c->table_index);
      cell = cf_table_get_origin_cell (table, c->row, c->col);
      if (cell == NULL)
        {
          stale++;
          continue;
        }
      extracted = cell->original_text ? cell->original_text : cell->text;
      if (c->original != NULL && g_strcmp0 (c->original, extracted) != 0)
        stale++;
      cf_cell_set_text (cell, c->text);
      applied++;
    }
  if (n_stale)
    *n_stale = stale;
  return applied;
}

GPtrArray *
cf_corrections_from_document (CfDocument *doc)
{
  GPtrArray *list = g_ptr_array_new_with_free_func ((GDestroyNotify) cf_correction_free);
  GPtrArray *tables = cf_document_get_tables (doc);

  for (guint t = 0; t < tables->len; t++)
    {
      CfTable *table = g_ptr_array_index (tables, t);

      for (guint i = 0; i < cf_table_get_n_cells (table); i++)
        {
          CfCell *cell = cf_table_get_cell_at (table, i);
          if (cell->flags & CF_CELL_FLAG_CORRECTED)
            g_ptr_array_add (list, correction_new (t, cell->row, cell->col, cell->text,
                                                   cell->original_text));
        }
    }
  return list;
}

char *
cf_corrections_to_json (CfDocument *doc, GPtrArray *corrections)
{
  g_autoptr (JsonBuilder) b = json_builder_new ();
  g_autoptr (JsonGenerator) gen = json_generator_new ();
  g_autoptr (JsonNode) root = NULL;
  GPtrArray *tables = cf_document_get_tables (doc);

  json_builder_begin_object (b);
  json_builder_set_member_name (b, "sha256");
  json_builder_add_string_value (b, cf_document_get_sha256 (doc));
  json_builder_set_member_name (b, "document");
  json_builder_add_string_value (b, cf_document_get_basename (doc));
  json_builder_set_member_name (b, "corrections");
  json_builder_begin_array (b);
  for (guint i = 0; i < corrections->len; i++)
    {
      CfCorrection *c = g_ptr_array_index (corrections, i);

      json_builder_begin_object (b);
      json_builder_set_member_name (b, "table");
      json_builder_add_int_value (b, c->table_index);
      if (c->table_index < tables->len)
        {
          json_builder_set_member_name (b, "table_id");
          json_builder_add_string_value (
            b, cf_table_get_id (g_ptr_array_index (tables, c->table_index)));
        }
      json_builder_set_member_name (b, "row");
      json_builder_add_int_value (b, c->row);
      json_builder_set_member_name (b, "col");
      json_builder_add_int_value (b, c->col);
      json_builder_set_member_name (b, "text");
      json_builder_add_string_value (b, c->text);
      json_builder_set_member_name (b, "original");
      if (c->original)
        json_builder_add_string_value (b, c->original);
      else
        json_builder_add_null_value (b);
      json_builder_end_object (b);
    }
  json_builder_end_array (b);
  json_builder_end_object (b);
  root = json_builder_get_root (b);
  json_generator_set_root (gen, root);
  json_generator_set_pretty (gen, TRUE);
  return json_generator_to_data (gen, NULL);
}

GPtrArray *
cf_corrections_from_json (const char *json, gssize len, char **sha256, GError **error)
{
  g_autoptr (JsonParser) parser = json_parser_new ();
  g_autoptr (GPtrArray) list = g_ptr_array_new_with_free_func ((GDestroyNotify) cf_correction_free);
  JsonObject *root;
  JsonArray *items;

  if (!json_parser_load_from_data (parser, json, len, error))
    return NULL;
  if (!JSON_NODE_HOLDS_OBJECT (json_parser_get_root (parser)))
    goto invalid;
  root = json_node_get_object (json_parser_get_root (parser));
  if (!json_object_has_member (root, "corrections")
      || !JSON_NODE_HOLDS_ARRAY (json_object_get_member (root, "corrections")))
    goto invalid;
  items = json_object_get_array_member (root, "corrections");
  for (guint i = 0; i < json_array_get_length (items); i++)
    {
      JsonNode *node = json_array_get_element (items, i);
      JsonObject *o;
      const char *original = NULL;

      if (!JSON_NODE_HOLDS_OBJECT (node))
        goto invalid;
      o = json_node_get_object (node);
      if (!json_object_has_member (o, "table") || !json_object_has_member (o, "row")
          || !json_object_has_member (o, "col") || !json_object_has_member (o, "text"))
        goto invalid;
      if (json_object_has_member (o, "original") && !json_object_get_null_member (o, "original"))
        original = json_object_get_string_member (o, "original");
      g_ptr_array_add (list, correction_new ((guint) json_object_get_int_member (o, "table"),
                                             (int) json_object_get_int_member (o, "row"),
                                             (int) json_object_get_int_member (o, "col"),
                                             json_object_get_string_member (o, "text"), original));
    }
  if (sha256)
    *sha256 = json_object_has_member (root, "sha256")
                ? g_strdup (json_object_get_string_member (root, "sha256"))
                : NULL;
  return g_steal_pointer (&list);

invalid:
  g_set_error_literal (error, CF_ERROR, CF_ERROR_INVALID,
                       _("not a Crossfoot corrections file (expected {\"corrections\": [...]})"));
  return NULL;
}

gpointer
cf_correction_store_get_db (CfCorrectionStore *self)
{
  g_return_val_if_fail (CF_IS_CORRECTION_STORE (self), NULL);
  return self->db;
}

gboolean
cf_correction_store_exec (CfCorrectionStore *self, const char *sql, GError **error)
{
  g_return_val_if_fail (CF_IS_CORRECTION_STORE (self), FALSE);
  return exec_sql (self, sql, error);
}

static gboolean
delete_rows (CfCorrectionStore *self, const char *sql, const char *sha256, GError **error)
{
  sqlite3_stmt *stmt = NULL;
  int rc;

  if (sqlite3_prepare_v2 (self->db, sql, -1, &stmt, NULL) != SQLITE_OK)
    return set_sqlite_error (self, error, N_("cannot save edits"));
  sqlite3_bind_text (stmt, 1, sha256, -1, SQLITE_TRANSIENT);
  rc = sqlite3_step (stmt);
  sqlite3_finalize (stmt);
  if (rc != SQLITE_DONE)
    return set_sqlite_error (self, error, N_("cannot save edits"));
  return TRUE;
}

static gboolean
write_edits (CfCorrectionStore *self, const char *sha256, GPtrArray *edits, GError **error)
{
  sqlite3_stmt *stmt = NULL;

  if (!delete_rows (self, "DELETE FROM edits WHERE sha256 = ?1", sha256, error))
    return FALSE;
  if (sqlite3_prepare_v2 (self->db, "INSERT INTO edits (sha256, seq, op) VALUES (?1, ?2, ?3)", -1,
                          &stmt, NULL) != SQLITE_OK)
    return set_sqlite_error (self, error, N_("cannot save edits"));
  for (guint i = 0; edits && i < edits->len; i++)
    {
      g_autofree char *op = cf_edit_to_string (g_ptr_array_index (edits, i));

      sqlite3_reset (stmt);
      sqlite3_bind_text (stmt, 1, sha256, -1, SQLITE_TRANSIENT);
      sqlite3_bind_int (stmt, 2, (int) i + 1);
      sqlite3_bind_text (stmt, 3, op, -1, SQLITE_TRANSIENT);
      if (sqlite3_step (stmt) != SQLITE_DONE)
        {
          sqlite3_finalize (stmt);
          return set_sqlite_error (self, error, N_("cannot save edits"));
        }
    }
  sqlite3_finalize (stmt);
  return TRUE;
}

static gboolean
write_corrections (CfCorrectionStore *self, const char *sha256, GPtrArray *corrections,
                   GError **error)
{
  if (!delete_rows (self, "DELETE FROM corrections WHERE sha256 = ?1", sha256, error))
    return FALSE;
  for (guint i = 0; corrections && i < corrections->len; i++)
    if (!cf_correction_store_save (self, sha256, g_ptr_array_index (corrections, i), error))
      return FALSE;
  return TRUE;
}

static gboolean
in_transaction (CfCorrectionStore *self, const char *sha256, GPtrArray *edits,
                GPtrArray *corrections, gboolean with_corrections, GError **error)
{
  if (!exec_sql (self, "BEGIN IMMEDIATE;", error))
    return FALSE;
  if (!write_edits (self, sha256, edits, error)
      || (with_corrections && !write_corrections (self, sha256, corrections, error)))
    {
      exec_sql (self, "ROLLBACK;", NULL);
      return FALSE;
    }
  return exec_sql (self, "COMMIT;", error);
}

gboolean
cf_correction_store_save_state (CfCorrectionStore *self, const char *sha256, GPtrArray *edits,
                                GPtrArray *corrections, GError **error)
{
  g_return_val_if_fail (CF_IS_CORRECTION_STORE (self), FALSE);
  return in_transaction (self, sha256, edits, corrections, TRUE, error);
}

gboolean
cf_correction_store_save_edits (CfCorrectionStore *self, const char *sha256, GPtrArray *edits,
                                GError **error)
{
  g_return_val_if_fail (CF_IS_CORRECTION_STORE (self), FALSE);
  return in_transaction (self, sha256, edits, NULL, FALSE, error);
}

GPtrArray *
cf_correction_store_load_edits (CfCorrectionStore *self, const char *sha256, GError **error)
{
  g_autoptr (GPtrArray) list = g_ptr_array_new_with_free_func ((GDestroyNotify) cf_edit_unref);
  sqlite3_stmt *stmt = NULL;
  int rc;

  g_return_val_if_fail (CF_IS_CORRECTION_STORE (self), NULL);
  if (sqlite3_prepare_v2 (self->db, "SELECT op FROM edits WHERE sha256 = ?1 ORDER BY seq", -1,
                          &stmt, NULL) != SQLITE_OK)
    {
      set_sqlite_error (self, error, N_("cannot read edits"));
      return NULL;
    }
  sqlite3_bind_text (stmt, 1, sha256, -1, SQLITE_TRANSIENT);
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
  sqlite3_finalize (stmt);
  if (rc != SQLITE_DONE)
    {
      set_sqlite_error (self, error, N_("cannot read edits"));
      return NULL;
    }
  return g_steal_pointer (&list);
}

gboolean
cf_correction_store_restore (CfCorrectionStore *self, CfDocument *doc, guint *n_stale,
                             GError **error)
{
  return cf_correction_store_restore_counted (self, doc, NULL, n_stale, error);
}

gboolean
cf_correction_store_restore_counted (CfCorrectionStore *self, CfDocument *doc, guint *n_applied,
                                     guint *n_stale, GError **error)
{
  const char *sha256 = cf_document_get_sha256 (doc);
  g_autoptr (GPtrArray) edits = NULL;
  g_autoptr (GPtrArray) corrections = NULL;
  guint stale = 0, stale_corrections = 0, applied = 0;

  g_return_val_if_fail (CF_IS_CORRECTION_STORE (self), FALSE);
  if (n_stale)
    *n_stale = 0;
  if (n_applied)
    *n_applied = 0;
  if (sha256 == NULL)
    return TRUE;
  if ((edits = cf_correction_store_load_edits (self, sha256, error)) == NULL
      || (corrections = cf_correction_store_load (self, sha256, error)) == NULL)
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
