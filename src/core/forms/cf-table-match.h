/* cf-table-match.h: a document table read as rows, and scored against a form table (core only)
 *
 * The form matcher (cf-form-match.c) reads each table once as rows, then
 * scores it against every table of every form. */
#pragma once

#include "cf-form-private.h"
#include "cf-table.h"

G_BEGIN_DECLS

/* How close a normalised line must be to a form table's heading. */
#define CF_HEADING_MATCH_MIN 0.85

/* One grid row: label cells on the left (with the row-spanning group cells
 * that cover it), value cells after them. */
typedef struct
{
  int        grid_row;
  GPtrArray *labels;      /* CfCell *, left to right, incl. group cells from above */
  GPtrArray *values;      /* CfCell *, origin cells of this row after the labels */
  GPtrArray *label_norms; /* Label * (of the pool), one per label cell, or per part of a compound one */
  GPtrArray *label_texts; /* char *, the printed text of each of those */
  gboolean   has_number;  /* some value cell holds a number */
} CfRowInfo;

/* A document table read as rows. */
typedef struct
{
  CfTable    *table;
  char       *title_norm;
  GPtrArray  *rows;        /* of CfRowInfo */
  GHashTable *label_pool;  /* a ref: the pool its labels come from */
} CfTableInfo;

/* A document table scored against one form table. */
typedef struct
{
  const CfFormTable *ftable;
  CfTableInfo       *info;
  double             score;
  guint              rows_matched;
  gboolean           title_matched;
  /* per CfRowInfo index: the form row, or NULL */
  GPtrArray         *row_items;
  /* grid column -> form column, from header texts (NULL where unknown) */
  GPtrArray         *header_items;
  GHashTable        *matched_rows;     /* form row id set */
  GHashTable        *matched_headers;  /* form column id -> header CfCell */
} CfTableMatch;

/* The labels read from a document's tables, by text, shared by its infos. */
GHashTable   *cf_table_label_pool_new (void);
CfTableInfo  *cf_table_info_new   (CfTable           *table,
                                   GHashTable        *label_pool);
void          cf_table_info_free  (gpointer           info);
/* Scores @info against @ftable; the score is 0 when it is not that table. */
CfTableMatch *cf_table_match_new  (const CfFormTable *ftable,
                                   CfTableInfo       *info);
void          cf_table_match_free (gpointer           match);

G_END_DECLS
