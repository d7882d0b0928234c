/* cf-edit.h: the analyst's edits of extracted tables, as reversible operations
 *
 * An edit names its table by position in the document (like a correction) and
 * its cells by grid slot. cf_edit_apply() performs it and remembers what it
 * needs to undo it; cf_edit_revert() undoes it exactly (the grid is identical,
 * cell by cell, to what it was before). Edits serialise to JSON so that the
 * structure edits can be stored in order and replayed on reopen, before the
 * value corrections are applied over the result.
 *
 * Texts are tracked in two layers, as cf_cell_set_text() does: a merge or a
 * join joins the current texts and, separately, the extracted ones, so a
 * correction made before the merge survives it as a correction of the merged
 * cell. Splitting a cell's text yields two cells read as extracted.
 */
#pragma once

#include <json-glib/json-glib.h>
#include "cf-document.h"

G_BEGIN_DECLS

typedef enum
{
  CF_EDIT_SET_TEXT,      /* a value edit of one cell */
  CF_EDIT_INSERT_ROW,
  CF_EDIT_DELETE_ROW,
  CF_EDIT_INSERT_COL,
  CF_EDIT_DELETE_COL,
  CF_EDIT_MERGE,         /* a rectangle into one cell */
  CF_EDIT_UNMERGE,       /* a merged cell back into single slots */
  CF_EDIT_SPLIT_TEXT,    /* one cell's text into it and the empty slot on its right */
  CF_EDIT_JOIN,          /* a cell and the one on its right into the left one */
  CF_EDIT_SET_ROW_ROLE,
  CF_EDIT_SET_COL_ROLE,
  CF_EDIT_SET_FORM,      /* assign the table to a form table */
  CF_EDIT_EXTRACT_ROWS,  /* move a block of rows into a new table right after */
  CF_EDIT_REMOVE_TABLE,
  CF_EDIT_ADD_TABLE,     /* a table extracted by hand, with its provenance note */
} CfEditKind;

typedef struct _CfEdit CfEdit;

#define CF_TYPE_EDIT (cf_edit_get_type ())
GType       cf_edit_get_type        (void) G_GNUC_CONST;

CfEdit     *cf_edit_ref             (CfEdit     *edit);
void        cf_edit_unref           (CfEdit     *edit);

CfEdit     *cf_edit_set_text        (guint       table_index,
                                     int         row,
                                     int         col,
                                     const char *text);
CfEdit     *cf_edit_insert_row      (guint       table_index,
                                     int         row);
CfEdit     *cf_edit_delete_row      (guint       table_index,
                                     int         row);
CfEdit     *cf_edit_insert_col      (guint       table_index,
                                     int         col);
CfEdit     *cf_edit_delete_col      (guint       table_index,
                                     int         col);
/* Merges the cells of rows @row..@row+@n_rows-1, columns @col..@col+@n_cols-1;
 * every cell there must lie wholly inside. Non-empty texts are joined in
 * reading order. */
CfEdit     *cf_edit_merge           (guint       table_index,
                                     int         row,
                                     int         col,
                                     int         n_rows,
                                     int         n_cols);
/* The merged cell covering (@row, @col) keeps its text in its first slot; the
 * other slots become empty cells. */
CfEdit     *cf_edit_unmerge         (guint       table_index,
                                     int         row,
                                     int         col);
/* Splits the text of the cell at (@row, @col) at byte @index: the tail goes
 * to the slot on its right, which must be empty. */
CfEdit     *cf_edit_split_text      (guint       table_index,
                                     int         row,
                                     int         col,
                                     gsize       index);
/* Joins the text of the cell on the right of (@row, @col) onto it; that cell
 * is left empty and MISSING. */
CfEdit     *cf_edit_join            (guint       table_index,
                                     int         row,
                                     int         col);
CfEdit     *cf_edit_set_row_role    (guint       table_index,
                                     int         row,
                                     CfRowRole   role);
CfEdit     *cf_edit_set_col_role    (guint       table_index,
                                     int         col,
                                     CfRowRole   role);
/* cf_table_set_forced_form(); NULLs clear it. */
CfEdit     *cf_edit_set_form        (guint       table_index,
                                     const char *form_id,
                                     const char *table_id);
/* Moves rows @row..@row+@n_rows-1 into a new table inserted after this one
 * (assign it a form with a further CF_EDIT_SET_FORM). */
CfEdit     *cf_edit_extract_rows    (guint       table_index,
                                     int         row,
                                     int         n_rows);
CfEdit     *cf_edit_remove_table    (guint       table_index);
/* Inserts a copy of @table at @table_index (usually the end of the list): its
 * cells, id, title, page, range and layout are copied now and serialised with
 * the edit, so a replay on reopen makes the same table, and @note (may be
 * NULL; its table is set to the new table's id) becomes its provenance note.
 * Undo takes both out. A table without an id gets "table-N" on first apply. */
CfEdit     *cf_edit_add_table       (guint            table_index,
                                     CfTable         *table,
                                     const CfFinding *note);
/* The table the last cf_edit_apply() of a CF_EDIT_ADD_TABLE inserted, or NULL. */
CfTable    *cf_edit_get_added_table (CfEdit     *edit);

CfEditKind  cf_edit_get_kind        (CfEdit     *edit);
guint       cf_edit_get_table_index (CfEdit     *edit);
/* Row and column the edit is about (-1 when it has none). */
int         cf_edit_get_row         (CfEdit     *edit);
int         cf_edit_get_col         (CfEdit     *edit);
/* The new text of a CF_EDIT_SET_TEXT. */
const char *cf_edit_get_text        (CfEdit     *edit);
/* SET_TEXT, once applied: the cell's text before it (NULL otherwise). */
const char *cf_edit_get_old_text    (CfEdit     *edit);
/* Changes the new text of a CF_EDIT_SET_TEXT (coalescing typing into one step). */
void        cf_edit_update_text     (CfEdit     *edit,
                                     const char *text);
/* TRUE for every kind but CF_EDIT_SET_TEXT. */
gboolean    cf_edit_is_structural   (CfEdit     *edit);
/* "insert row 3 in table-2", for undo menus and logs. */
char       *cf_edit_describe        (CfEdit     *edit,
                                     CfDocument *doc);

/* Performs the edit. Fails (CF_ERROR_INVALID, document unchanged) when it does
 * not fit the table, e.g. a merge that would cut a merged cell. */
gboolean    cf_edit_apply           (CfEdit     *edit,
                                     CfDocument *doc,
                                     GError    **error);
/* Undoes the last cf_edit_apply() of @edit. */
gboolean    cf_edit_revert          (CfEdit     *edit,
                                     CfDocument *doc,
                                     GError    **error);

/* {"op": "insert-row", "table": 0, "row": 3, ...} */
JsonNode   *cf_edit_to_json         (CfEdit     *edit);
CfEdit     *cf_edit_from_json       (JsonNode   *node,
                                     GError    **error);
char       *cf_edit_to_string       (CfEdit     *edit);
CfEdit     *cf_edit_from_string     (const char *json,
                                     GError    **error);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (CfEdit, cf_edit_unref)

G_END_DECLS
