/* cf-export-private.h: what the CSV and the JSON export share (core only) */
#pragma once

#include "cf-document.h"

G_BEGIN_DECLS

/* @path as given, made UTF-8 for output when the file name is not
 * (g_filename_display_name replaces the invalid bytes); "-" for NULL, the
 * name the CLI gives standard input. Both exports print it, and must agree. */
static inline char *
cf_export_display_path (const char *path)
{
  if (path == NULL)
    return g_strdup ("-");
  if (g_utf8_validate (path, -1, NULL))
    return g_strdup (path);
  return g_filename_display_name (path);
}

G_END_DECLS
