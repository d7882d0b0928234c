/* cf-table.h: a table found in a document, as a grid of cells with spans */
#pragma once

#include <glib-object.h>
#include "cf-cell.h"

G_BEGIN_DECLS

#define CF_TYPE_TABLE (cf_table_get_type ())
G_DECLARE_FINAL_TYPE (CfTable, cf_table, CF, TABLE, GObject)

CfTable    *cf_table_new            (void);

/* Adds a cell; the grid grows to hold it. The table owns the cell. */
CfCell     *cf_table_add_cell       (CfTable    *self,
                                     int         row,
                                     int         col,
                                     int         row_span,
                                     int         col_span,
                                     const char *text,
                                     gint64      offset,
                                     gint64      length);
guint       cf_table_get_n_cells    (CfTable    *self);
CfCell     *cf_table_get_cell_at    (CfTable    *self,
                                     guint       index);
/* The cell whose span covers (@row, @col), or NULL. */
CfCell     *cf_table_get_cell       (CfTable    *self,
                                     int         row,
                                     int         col);
/* The cell that starts at (@row, @col) or NULL (not a covered slot). */
CfCell     *cf_table_get_origin_cell (CfTable   *self,
                                      int        row,
                                      int        col);
/* Cell by canonical keys (after form mapping), or NULL. */
CfCell     *cf_table_find_by_keys   (CfTable    *self,
                                     const char *row_key,
                                     const char *col_key);
int         cf_table_get_n_rows     (CfTable    *self);
int         cf_table_get_n_cols     (CfTable    *self);

/* "table-N" for generic tables; the canonical id ("requests") for forms. */
const char *cf_table_get_id         (CfTable    *self);
void        cf_table_set_id         (CfTable    *self,
                                     const char *id);
/* The heading printed above the table, or NULL. */
const char *cf_table_get_title      (CfTable    *self);
void        cf_table_set_title      (CfTable    *self,
                                     const char *title);
/* 1-based first page for PDF tables, 0 otherwise. */
int         cf_table_get_page       (CfTable    *self);
void        cf_table_set_page       (CfTable    *self,
                                     int         page);
/* Byte range of the whole table in the document text (-1 when unknown). */
void        cf_table_get_range      (CfTable    *self,
                                     gint64     *offset,
                                     gint64     *length);
void        cf_table_set_range      (CfTable    *self,
                                     gint64      offset,
                                     gint64      length);
/* How the table was found: "pipe", "tab", "lines", "aligned", "markdown", "html", "lattice", "stream". */
const char *cf_table_get_layout     (CfTable    *self);
void        cf_table_set_layout     (CfTable    *self,
                                     const char *layout);

/* How sure the reader is that the table is read right, from 0 (doubtful:
 * check it first) to 1, or -1 when the reader gives none (text and HTML
 * tables, tables the analyst made). The "confidence" property. */
double      cf_table_get_confidence (CfTable    *self);
/* Below this a reading is too doubtful for checks that infer the table's
 * structure from its labels (the generic totals, cf-totals.c): a text
 * damaged in decoding gives its tables less (cf-text-damage.c). */
#define CF_TABLE_CONFIDENCE_DOUBTFUL 0.1
void        cf_table_set_confidence (CfTable    *self,
                                     double      confidence);

/* Sorts cells by (row, col) and rebuilds the lookup index. Readers call it when done. */
void        cf_table_finish         (CfTable    *self);

/* --- Editing (the correction layer). Cells may be moved or re-spanned in
 * place (change row/col/spans, then call cf_table_reindex). --- */

/* What a whole row or column is, as marked by the analyst. The generic total
 * check and the form mapper read it: a TOTAL row/column is checked against the
 * block it totals whatever its label says. */
typedef enum
{
  CF_ROW_ROLE_NONE,
  CF_ROW_ROLE_TOTAL,
} CfRowRole;

/* Adds @cell (taking ownership); the grid grows to hold it. */
CfCell     *cf_table_take_cell      (CfTable    *self,
                                     CfCell     *cell);
/* Removes @cell from the table and frees it. */
void        cf_table_remove_cell    (CfTable    *self,
                                     CfCell     *cell);
/* A deep copy of the cells (of CfCell), in (row, col) order. */
GPtrArray  *cf_table_dup_cells      (CfTable    *self);
/* Replaces all cells by @cells (of CfCell; takes ownership of the array and cells). */
void        cf_table_replace_cells  (CfTable    *self,
                                     GPtrArray  *cells);
/* After cells were moved or re-spanned: recomputes the size from the cells,
 * re-sorts them and rebuilds the lookup index. */
void        cf_table_reindex        (CfTable    *self);

CfRowRole   cf_table_get_row_role   (CfTable    *self,
                                     int         row);
void        cf_table_set_row_role   (CfTable    *self,
                                     int         row,
                                     CfRowRole   role);
CfRowRole   cf_table_get_col_role   (CfTable    *self,
                                     int         col);
void        cf_table_set_col_role   (CfTable    *self,
                                     int         col,
                                     CfRowRole   role);
/* Shifts the row (column) roles as when @count rows (columns) are inserted at
 * @at (negative @count: removed from @at on). */
void        cf_table_shift_row_roles (CfTable   *self,
                                      int        at,
                                      int        count);
void        cf_table_shift_col_roles (CfTable   *self,
                                      int        at,
                                      int        count);

/* A form table chosen by the analyst where recognition failed: the form id
 * ("gip-2021") and the canonical table id ("requests"); NULL/NULL clears it.
 * The form mapper maps the table as that form table without recognising it. */
void        cf_table_set_forced_form (CfTable    *self,
                                      const char *form_id,
                                      const char *table_id);
/* The forced form id (or NULL); @table_id receives the forced table id. */
const char *cf_table_get_forced_form (CfTable    *self,
                                      const char **table_id);

G_END_DECLS
