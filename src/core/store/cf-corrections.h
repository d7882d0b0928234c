/* cf-corrections.h: the analyst's corrections, a layer over the extracted cells
 *
 * A correction names a cell by the table's position in the document (stable
 * across form mapping, which renames tables) and its grid slot, and holds the
 * corrected text. Corrections are stored per document by the store
 * (cf-store.h), and exported or imported as JSON to share them.
 */
#pragma once

#include "cf-document.h"

G_BEGIN_DECLS

typedef struct
{
  guint  table_index; /* position in cf_document_get_tables() */
  int    row;
  int    col;
  char  *text;        /* the corrected text */
  char  *original;    /* the text as extracted, when known */
} CfCorrection;

void cf_correction_free (CfCorrection *correction);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (CfCorrection, cf_correction_free)

CfCorrection *cf_correction_new  (guint       table_index,
                                 int         row,
                                 int         col,
                                 const char *text,
                                 const char *original);

/* Applies @corrections (of CfCorrection) to @doc's cells. Returns how many
 * applied; a correction whose original text differs from the cell's extracted
 * text counts in @n_stale (the document changed since it was made). */
guint              cf_corrections_apply        (CfDocument        *doc,
                                                GPtrArray         *corrections,
                                                guint             *n_stale);
/* JSON: {"sha256": "...", "corrections": [{"table": i, "table_id": "...", "row": r, "col": c,
 * "text": "...", "original": "..."}]} */
char              *cf_corrections_to_json      (CfDocument        *doc,
                                                GPtrArray         *corrections);
GPtrArray         *cf_corrections_from_json    (const char        *json,
                                                gssize             len,
                                                char             **sha256,
                                                GError           **error);
/* The corrections a document's cells now carry (CF_CELL_FLAG_CORRECTED). */
GPtrArray         *cf_corrections_from_document (CfDocument       *doc);

G_END_DECLS
