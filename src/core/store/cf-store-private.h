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

/* Renames @path (and its -wal and -shm files) to @kept. */
gboolean cf_store_keep_aside   (const char  *path,
                                const char  *kept,
                                GError     **error);
/* Copies what SQLite can still read of the database at @kept into @self's
 * tables, row by row; returns how many rows came over. */
guint    cf_store_recover_from (CfStore     *self,
                                const char  *kept);

G_END_DECLS
