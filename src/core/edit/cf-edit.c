/* cf-edit.c: edits made, described, and their undo snapshots */
#include "config.h"

#include <string.h>

#include "cf-edit-private.h"

G_DEFINE_BOXED_TYPE (CfEdit, cf_edit, cf_edit_ref, cf_edit_unref)

static const struct
{
  CfEditKind  kind;
  const char *name;
} edit_names[] = {
  { CF_EDIT_SET_TEXT, "set-text" },
  { CF_EDIT_INSERT_ROW, "insert-row" },
  { CF_EDIT_DELETE_ROW, "delete-row" },
  { CF_EDIT_INSERT_COL, "insert-col" },
  { CF_EDIT_DELETE_COL, "delete-col" },
  { CF_EDIT_MERGE, "merge" },
  { CF_EDIT_UNMERGE, "unmerge" },
  { CF_EDIT_SPLIT_TEXT, "split-text" },
  { CF_EDIT_JOIN, "join" },
  { CF_EDIT_SET_ROW_ROLE, "set-row-role" },
  { CF_EDIT_SET_COL_ROLE, "set-col-role" },
  { CF_EDIT_SET_FORM, "set-form" },
  { CF_EDIT_EXTRACT_ROWS, "extract-rows" },
  { CF_EDIT_REMOVE_TABLE, "remove-table" },
  { CF_EDIT_ADD_TABLE, "add-table" },
};

const char *
cf_edit_kind_to_string (CfEditKind kind)
{
  for (gsize i = 0; i < G_N_ELEMENTS (edit_names); i++)
    if (edit_names[i].kind == kind)
      return edit_names[i].name;
  return "unknown";
}

gboolean
cf_edit_kind_from_string (const char *name, CfEditKind *kind)
{
  for (gsize i = 0; i < G_N_ELEMENTS (edit_names); i++)
    if (g_strcmp0 (edit_names[i].name, name) == 0)
      {
        *kind = edit_names[i].kind;
        return TRUE;
      }
  return FALSE;
}

static void
snapshot_free (TableSnapshot *snap)
{
  if (snap == NULL)
    return;
  g_ptr_array_unref (snap->cells);
  g_array_unref (snap->row_roles);
  g_array_unref (snap->col_roles);
  g_free (snap->form_id);
  g_free (snap->form_table);
  g_free (snap);
}

TableSnapshot *
cf_edit_snapshot_take (CfTable *table)
{
  TableSnapshot *snap = g_new0 (TableSnapshot, 1);
  const char *form_table = NULL;

  snap->cells = cf_table_dup_cells (table);
  snap->row_roles = g_array_new (FALSE, TRUE, sizeof (int));
  snap->col_roles = g_array_new (FALSE, TRUE, sizeof (int));
  for (int r = 0; r <= cf_table_get_n_rows (table); r++)
    {
      int role = cf_table_get_row_role (table, r);
      g_array_append_val (snap->row_roles, role);
    }
  for (int c = 0; c <= cf_table_get_n_cols (table); c++)
    {
      int role = cf_table_get_col_role (table, c);
      g_array_append_val (snap->col_roles, role);
    }
  snap->form_id = g_strdup (cf_table_get_forced_form (table, &form_table));
  snap->form_table = g_strdup (form_table);
  return snap;
}

void
cf_edit_snapshot_restore (TableSnapshot *snap, CfTable *table)
{
  /* Roles the edit may have shifted past the old size are cleared too. */
  int n_rows = MAX ((int) snap->row_roles->len, cf_table_get_n_rows (table) + 1);
  int n_cols = MAX ((int) snap->col_roles->len, cf_table_get_n_cols (table) + 1);
  GPtrArray *cells = g_ptr_array_new_full (snap->cells->len, (GDestroyNotify) cf_cell_free);

  for (guint i = 0; i < snap->cells->len; i++)
    g_ptr_array_add (cells, cf_cell_copy (g_ptr_array_index (snap->cells, i)));
  for (int r = 0; r < n_rows; r++)
    if (cf_table_get_row_role (table, r) != CF_ROW_ROLE_NONE || (guint) r < snap->row_roles->len)
      cf_table_set_row_role (table, r, (guint) r < snap->row_roles->len
                                         ? g_array_index (snap->row_roles, int, r)
                                         : CF_ROW_ROLE_NONE);
  for (int c = 0; c < n_cols; c++)
    if (cf_table_get_col_role (table, c) != CF_ROW_ROLE_NONE || (guint) c < snap->col_roles->len)
      cf_table_set_col_role (table, c, (guint) c < snap->col_roles->len
                                         ? g_array_index (snap->col_roles, int, c)
                                         : CF_ROW_ROLE_NONE);
  cf_table_set_forced_form (table, snap->form_id, snap->form_table);
  cf_table_replace_cells (table, cells);
}

CfEdit *
cf_edit_new_kind (CfEditKind kind, guint table_index, int row, int col)
{
  CfEdit *edit = g_new0 (CfEdit, 1);

  g_atomic_ref_count_init (&edit->ref_count);
  edit->kind = kind;
  edit->table_index = table_index;
  edit->row = row;
  edit->col = col;
  edit->n_rows = 1;
  edit->n_cols = 1;
  return edit;
}

CfEdit *
cf_edit_ref (CfEdit *edit)
{
  g_return_val_if_fail (edit != NULL, NULL);
  g_atomic_ref_count_inc (&edit->ref_count);
  return edit;
}

void
cf_edit_clear_undo_state (CfEdit *edit)
{
  g_clear_pointer (&edit->snapshot, snapshot_free);
  g_clear_pointer (&edit->old_text, g_free);
  g_clear_pointer (&edit->old_original, g_free);
  g_clear_object (&edit->table);
  edit->note = NULL;
  edit->applied = FALSE;
}

void
cf_edit_unref (CfEdit *edit)
{
  if (edit == NULL || !g_atomic_ref_count_dec (&edit->ref_count))
    return;
  cf_edit_clear_undo_state (edit);
  g_free (edit->text);
  g_free (edit->form_table);
  g_free (edit->left);
  g_free (edit->right);
  g_free (edit->whole);
  g_clear_pointer (&edit->added, json_object_unref);
  g_free (edit);
}

CfEdit *
cf_edit_set_text (guint table_index, int row, int col, const char *text)
{
  CfEdit *edit = cf_edit_new_kind (CF_EDIT_SET_TEXT, table_index, row, col);

  edit->text = g_strdup (text ? text : "");
  return edit;
}

CfEdit *
cf_edit_insert_row (guint table_index, int row)
{
  return cf_edit_new_kind (CF_EDIT_INSERT_ROW, table_index, row, -1);
}

CfEdit *
cf_edit_delete_row (guint table_index, int row)
{
  return cf_edit_new_kind (CF_EDIT_DELETE_ROW, table_index, row, -1);
}

CfEdit *
cf_edit_insert_col (guint table_index, int col)
{
  return cf_edit_new_kind (CF_EDIT_INSERT_COL, table_index, -1, col);
}

CfEdit *
cf_edit_delete_col (guint table_index, int col)
{
  return cf_edit_new_kind (CF_EDIT_DELETE_COL, table_index, -1, col);
}

CfEdit *
cf_edit_merge (guint table_index, int row, int col, int n_rows, int n_cols)
{
  CfEdit *edit = cf_edit_new_kind (CF_EDIT_MERGE, table_index, row, col);

  edit->n_rows = n_rows;
  edit->n_cols = n_cols;
  return edit;
}

CfEdit *
cf_edit_unmerge (guint table_index, int row, int col)
{
  return cf_edit_new_kind (CF_EDIT_UNMERGE, table_index, row, col);
}

CfEdit *
cf_edit_split_text (guint table_index, int row, int col, gsize index)
{
  CfEdit *edit = cf_edit_new_kind (CF_EDIT_SPLIT_TEXT, table_index, row, col);

  edit->index = index;
  return edit;
}

CfEdit *
cf_edit_join (guint table_index, int row, int col)
{
  return cf_edit_new_kind (CF_EDIT_JOIN, table_index, row, col);
}

CfEdit *
cf_edit_set_row_role (guint table_index, int row, CfRowRole role)
{
  CfEdit *edit = cf_edit_new_kind (CF_EDIT_SET_ROW_ROLE, table_index, row, -1);

  edit->role = role;
  return edit;
}

CfEdit *
cf_edit_set_col_role (guint table_index, int col, CfRowRole role)
{
  CfEdit *edit = cf_edit_new_kind (CF_EDIT_SET_COL_ROLE, table_index, -1, col);

  edit->role = role;
  return edit;
}

CfEdit *
cf_edit_set_form (guint table_index, const char *form_id, const char *table_id)
{
  CfEdit *edit = cf_edit_new_kind (CF_EDIT_SET_FORM, table_index, -1, -1);

  edit->text = g_strdup (form_id);
  edit->form_table = g_strdup (table_id);
  return edit;
}

CfEdit *
cf_edit_extract_rows (guint table_index, int row, int n_rows)
{
  CfEdit *edit = cf_edit_new_kind (CF_EDIT_EXTRACT_ROWS, table_index, row, -1);

  edit->n_rows = n_rows;
  return edit;
}

CfEdit *
cf_edit_remove_table (guint table_index)
{
  return cf_edit_new_kind (CF_EDIT_REMOVE_TABLE, table_index, -1, -1);
}

CfTable *
cf_edit_get_added_table (CfEdit *edit)
{
  g_return_val_if_fail (edit != NULL, NULL);
  return edit->kind == CF_EDIT_ADD_TABLE && edit->applied ? edit->table : NULL;
}

CfEditKind
cf_edit_get_kind (CfEdit *edit)
{
  return edit->kind;
}

guint
cf_edit_get_table_index (CfEdit *edit)
{
  return edit->table_index;
}

int
cf_edit_get_row (CfEdit *edit)
{
  return edit->row;
}

int
cf_edit_get_col (CfEdit *edit)
{
  return edit->col;
}

const char *
cf_edit_get_text (CfEdit *edit)
{
  return edit->kind == CF_EDIT_SET_TEXT ? edit->text : NULL;
}

const char *
cf_edit_get_old_text (CfEdit *edit)
{
  return edit->kind == CF_EDIT_SET_TEXT && edit->applied ? edit->old_text : NULL;
}

void
cf_edit_update_text (CfEdit *edit, const char *text)
{
  g_return_if_fail (edit->kind == CF_EDIT_SET_TEXT);
  g_free (edit->text);
  edit->text = g_strdup (text ? text : "");
}

gboolean
cf_edit_is_structural (CfEdit *edit)
{
  return edit->kind != CF_EDIT_SET_TEXT;
}

char *
cf_edit_describe (CfEdit *edit, CfDocument *doc)
{
  GPtrArray *tables = doc ? cf_document_get_tables (doc) : NULL;
  g_autofree char *table = NULL;

  if (tables && edit->table_index < tables->len)
    table = g_strdup (cf_table_get_id (g_ptr_array_index (tables, edit->table_index)));
  else
    table = g_strdup_printf ("table %u", edit->table_index + 1);

  switch (edit->kind)
    {
    case CF_EDIT_SET_TEXT:
      return g_strdup_printf ("edit row %d, column %d of %s", edit->row + 1, edit->col + 1, table);
    case CF_EDIT_INSERT_ROW:
      return g_strdup_printf ("insert row %d in %s", edit->row + 1, table);
    case CF_EDIT_DELETE_ROW:
      return g_strdup_printf ("delete row %d of %s", edit->row + 1, table);
    case CF_EDIT_INSERT_COL:
      return g_strdup_printf ("insert column %d in %s", edit->col + 1, table);
    case CF_EDIT_DELETE_COL:
      return g_strdup_printf ("delete column %d of %s", edit->col + 1, table);
    case CF_EDIT_MERGE:
      return g_strdup_printf ("merge %d×%d cells at row %d, column %d of %s", edit->n_rows,
                              edit->n_cols, edit->row + 1, edit->col + 1, table);
    case CF_EDIT_UNMERGE:
      return g_strdup_printf ("split the merged cell at row %d, column %d of %s", edit->row + 1,
                              edit->col + 1, table);
    case CF_EDIT_SPLIT_TEXT:
      return g_strdup_printf ("split the text of row %d, column %d of %s", edit->row + 1,
                              edit->col + 1, table);
    case CF_EDIT_JOIN:
      return g_strdup_printf ("join row %d, columns %d and %d of %s", edit->row + 1,
                              edit->col + 1, edit->col + 2, table);
    case CF_EDIT_SET_ROW_ROLE:
      return g_strdup_printf (edit->role == CF_ROW_ROLE_TOTAL ? "mark row %d of %s as a total"
                                                              : "unmark row %d of %s as a total",
                              edit->row + 1, table);
    case CF_EDIT_SET_COL_ROLE:
      return g_strdup_printf (edit->role == CF_ROW_ROLE_TOTAL
                                ? "mark column %d of %s as a total"
                                : "unmark column %d of %s as a total",
                              edit->col + 1, table);
    case CF_EDIT_SET_FORM:
      if (edit->text == NULL)
        return g_strdup_printf ("clear the form of %s", table);
      return g_strdup_printf ("assign %s to %s %s", table, edit->text,
                              edit->form_table ? edit->form_table : "");
    case CF_EDIT_EXTRACT_ROWS:
      return g_strdup_printf ("move rows %d–%d of %s into a new table", edit->row + 1,
                              edit->row + edit->n_rows, table);
    case CF_EDIT_REMOVE_TABLE:
      return g_strdup_printf ("delete %s", table);
    case CF_EDIT_ADD_TABLE:
      {
        const char *id = json_object_get_string_member_with_default (edit->added, "id", NULL);

        if (id == NULL)
          return g_strdup_printf ("add table %u", edit->table_index + 1);
        return g_strdup_printf ("add %s", id);
      }
    default:
      return g_strdup (cf_edit_kind_to_string (edit->kind));
    }
}
