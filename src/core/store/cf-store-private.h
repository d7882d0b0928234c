/* cf-store-private.h: what cf-store.c and cf-store-recover.c share */
#pragma once

#include <sqlite3.h>

#include "cf-store.h"

G_BEGIN_DECLS

struct _CfStore
{
  GObject  parent_instance;
  sqlite3 *db;
  char    *path;
  gboolean read_only;
  int      version;
  char    *recovery_note; /* set when a damaged file was replaced on opening */
};

/* Statements (cf-store.c): errors name the file and say @what failed. */
gboolean      cf_store_sql_error   (CfStore       *self,
                                    GError       **error,
                                    const char    *what);
gboolean      cf_store_exec_sql    (CfStore       *self,
                                    const char    *sql,
                                    GError       **error);
/* Prepares @sql and binds one parameter per letter of @types: 's' a string
 * (NULL binds NULL), 'i' an int. NULL on error (@error set). */
sqlite3_stmt *cf_store_prepare     (CfStore       *self,
                                    const char    *what,
                                    GError       **error,
                                    const char    *sql,
                                    const char    *types,
                                    ...);
/* Steps @stmt to its end (rows are skipped) and finalizes it. */
gboolean      cf_store_finish      (CfStore       *self,
                                    sqlite3_stmt  *stmt,
                                    const char    *what,
                                    GError       **error);
/* Ends a loop of sqlite3_step() that stopped with @rc. */
gboolean      cf_store_finish_rows (CfStore       *self,
                                    sqlite3_stmt  *stmt,
                                    int            rc,
                                    const char    *what,
                                    GError       **error);
gboolean      cf_store_begin       (CfStore       *self,
                                    GError       **error);
/* Commits when @ok, else rolls back; returns whether the work is on disk. */
gboolean      cf_store_end         (CfStore       *self,
                                    gboolean       ok,
                                    GError       **error);
/* Moves @sha256's revision on (and its structure revision when @structure). */
gboolean      cf_store_bump        (CfStore       *self,
                                    const char    *sha256,
                                    gboolean       structure,
                                    GError       **error);
/* Whether the file has @table (a read-only file is not migrated). */
gboolean      cf_store_has_table   (CfStore       *self,
                                    const char    *table);

/* Renames @path (and its -wal and -shm files) to @kept. */
gboolean cf_store_keep_aside   (const char  *path,
                                const char  *kept,
                                GError     **error);
/* Copies what SQLite can still read of the database at @kept into @self's
 * tables, row by row; returns how many rows came over. */
guint    cf_store_recover_from (CfStore     *self,
                                const char  *kept);

G_END_DECLS
