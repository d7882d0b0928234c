/* cf-store-recover.c: a damaged database kept aside, and what can still be
 * read of it */
#include "config.h"

#include <errno.h>
#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>

#include "cf-error.h"
#include "cf-store-private.h"

/* The tables worth recovering, as the current schema has them. */
static const char *const RECOVERED_TABLES[] = {
  "corrections", "edits", "reviews", "table_reviews", "restatements", "documents", "revisions",
};

gboolean
cf_store_keep_aside (const char *path, const char *kept, GError **error)
{
  static const char *const suffixes[] = { "", "-wal", "-shm" };

  for (gsize i = 0; i < G_N_ELEMENTS (suffixes); i++)
    {
      g_autofree char *from = g_strconcat (path, suffixes[i], NULL);
      g_autofree char *to = g_strconcat (kept, suffixes[i], NULL);

      if (g_rename (from, to) != 0 && errno != ENOENT)
        {
          int saved = errno;

          g_set_error (error, CF_ERROR, CF_ERROR_IO,
                       _("%s: damaged, and it cannot be moved aside (%s)"), path,
                       g_strerror (saved));
          return FALSE;
        }
    }
  return TRUE;
}

/* Copies the rows of @table that can be read, each on its own: a damaged
 * page ends the scan, not what came before it. */
static guint
recover_table (sqlite3 *from, sqlite3 *to, const char *table)
{
  g_autofree char *select = g_strdup_printf ("SELECT * FROM \"%s\"", table);
  sqlite3_stmt *rows = NULL;
  sqlite3_stmt *insert = NULL;
  guint n = 0;
  int n_cols;

  if (sqlite3_prepare_v2 (from, select, -1, &rows, NULL) != SQLITE_OK)
    return 0;
  n_cols = sqlite3_column_count (rows);
  {
    g_autoptr (GString) sql = g_string_new (NULL);

    g_string_printf (sql, "INSERT OR IGNORE INTO \"%s\" VALUES (", table);
    for (int c = 0; c < n_cols; c++)
      g_string_append (sql, c ? ", ?" : "?");
    g_string_append (sql, ")");
    /* A table of another shape (another version) is left in the kept file. */
    if (sqlite3_prepare_v2 (to, sql->str, -1, &insert, NULL) != SQLITE_OK)
      {
        sqlite3_finalize (rows);
        return 0;
      }
  }
  while (sqlite3_step (rows) == SQLITE_ROW)
    {
      sqlite3_reset (insert);
      for (int c = 0; c < n_cols; c++)
        sqlite3_bind_value (insert, c + 1, sqlite3_column_value (rows, c));
      if (sqlite3_step (insert) == SQLITE_DONE && sqlite3_changes (to) > 0)
        n++;
    }
  sqlite3_finalize (insert);
  sqlite3_finalize (rows);
  return n;
}

guint
cf_store_recover_from (CfStore *self, const char *kept)
{
  sqlite3 *from = NULL;
  guint n = 0;

  if (sqlite3_open_v2 (kept, &from, SQLITE_OPEN_READONLY, NULL) != SQLITE_OK)
    {
      sqlite3_close (from);
      return 0;
    }
  sqlite3_exec (self->db, "BEGIN IMMEDIATE", NULL, NULL, NULL);
  for (gsize t = 0; t < G_N_ELEMENTS (RECOVERED_TABLES); t++)
    n += recover_table (from, self->db, RECOVERED_TABLES[t]);
  sqlite3_exec (self->db, "COMMIT", NULL, NULL, NULL);
  sqlite3_close (from);
  return n;
}
