/* cf-table-diff.h: a table of two reports matched up, cell by cell
 *
 * Tables of a recognised form are matched by their canonical id and their
 * cells by canonical keys: between two layouts (gip-2019 → gip-2021) the
 * cells both have are compared and the others are listed as only in one
 * year. Other tables are matched by their title, else by their row and
 * column labels; a table that matches none is listed unmatched.
 */
#pragma once
#include <gio/gio.h>
#include "cf-document.h"
#include "cf-cell-change.h"

G_BEGIN_DECLS

typedef enum
{
  CF_TABLE_MATCH_FORM,     /* the same canonical table of a form */
  CF_TABLE_MATCH_TITLE,    /* generic tables with the same title */
  CF_TABLE_MATCH_LABELS,   /* generic tables sharing most row and column labels */
  CF_TABLE_MATCH_ONLY_OLD, /* no table of the new report matches it */
  CF_TABLE_MATCH_ONLY_NEW, /* no table of the old report matches it */
} CfTableMatch;

/* "form", "title", "labels", "only_old", "only_new" */
const char *cf_table_match_to_string (CfTableMatch match);

#define CF_TYPE_TABLE_DIFF (cf_table_diff_get_type ())
G_DECLARE_FINAL_TYPE (CfTableDiff, cf_table_diff, CF, TABLE_DIFF, GObject)

/* Every table of @old_doc and @new_doc (both audited), matched: form tables
 * first in the form's order, then generic ones. Returns a GPtrArray of
 * CfTableDiff. */
GPtrArray    *cf_table_diff_compare_documents (CfDocument *old_doc,
                                               CfDocument *new_doc);

/* The title as printed in the new report (else the old one). */
const char   *cf_table_diff_get_title       (CfTableDiff *self);
CfTableMatch  cf_table_diff_get_match       (CfTableDiff *self);
/* The table's id in the old (@new_year FALSE) or new report, or NULL. */
const char   *cf_table_diff_get_table_id    (CfTableDiff *self,
                                             gboolean     new_year);
/* The table's first page in that report (0: not a PDF or unknown). */
int           cf_table_diff_get_page        (CfTableDiff *self,
                                             gboolean     new_year);
/* A GListModel of CfCellChange in table order (rows, then columns). */
GListModel   *cf_table_diff_get_changes     (CfTableDiff *self);
/* How many cells are not CF_CELL_CHANGE_SAME. */
guint         cf_table_diff_count_changed   (CfTableDiff *self);
/* The change of the cell with canonical keys @row_key / @col_key, or NULL. */
CfCellChange *cf_table_diff_find_change     (CfTableDiff *self,
                                             const char  *row_key,
                                             const char  *col_key);

G_END_DECLS
