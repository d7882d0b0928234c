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

/* Sorts cells by (row, col) and rebuilds the lookup index. Readers call it when done. */
void        cf_table_finish         (CfTable    *self);

G_END_DECLS
