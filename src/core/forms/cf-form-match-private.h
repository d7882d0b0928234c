/* cf-form-match-private.h: the matched form as the rule checks walk it (core only) */
#pragma once

#include "cf-form-match.h"
#include "cf-table-match.h"

G_BEGIN_DECLS

/* A document table with the form table it was matched to, and its cells
 * by canonical keys. */
typedef struct
{
  CfDocument        *doc;
  const CfForm      *form;
  const CfFormTable *ftable;
  CfTable           *table;
  CfTableMatch      *match;
  GHashTable        *cells;      /* "row\037col" -> CfCell */
  GHashTable        *rows;       /* row key -> CfRowInfo */
  GHashTable        *columns;    /* column key present */
  GHashTable        *guessed;    /* cells whose column is only a guess: unknown in rules */
  GHashTable        *names;      /* strings printed_row_label made */
} CfMappedTable;

const CfForm *cf_form_match_get_form        (CfFormMatch   *self);
/* The matched tables, of CfMappedTable, in the form's table order. */
GPtrArray    *cf_form_match_get_tables      (CfFormMatch   *self);
/* What matching found wrong (form.row_mismatch, form.table_missing), in the
 * form's table order; the caller takes them. */
GPtrArray    *cf_form_match_steal_findings  (CfFormMatch   *self);
/* The id @table had before matching renamed it (NULL if never matched). */
const char   *cf_form_match_get_original_id (CfTable       *table);

CfCell       *cf_mapped_table_get_cell      (CfMappedTable *mapped,
                                             const char    *row_key,
                                             const char    *col_key);
/* "row label, column label" as the report prints them, for messages. */
char         *cf_mapped_table_cell_name     (CfMappedTable *mapped,
                                             const char    *row_key,
                                             const char    *col_key);
void          cf_mapped_table_free          (gpointer       mapped);

G_END_DECLS
