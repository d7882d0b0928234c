#include "config.h"

#include <string.h>
#include <glib/gi18n-lib.h>

#include "cf-table-edit.h"
#include "cf-error.h"

/* What a table looked like before a structure edit. Undoing restores it whole,
 * which is what makes an undo exact whatever the edit did to spans. */
typedef struct
{
  GPtrArray *cells;
  GArray    *row_roles; /* of int, for rows 0..n_rows */
  GArray    *col_roles;
  char      *form_id;
  char      *form_table;
} TableSnapshot;

struct _CfEdit
{
  gatomicrefcount ref_count;
  CfEditKind      kind;
  guint           table_index;
  int             row;
  int             col;
  int             n_rows;
  int             n_cols;
  gsize           index;
  CfRowRole       role;
  char           *text;       /* SET_TEXT: the new text; SET_FORM: the form id */
  char           *form_table; /* SET_FORM: the table id */
  char           *left;       /* SPLIT_TEXT: the two texts, fixed by the first apply */
  char           *right;
  char           *whole;      /* SPLIT_TEXT: the text split, to locate the pieces alike on replay */

  /* Undo state, filled by cf_edit_apply(). */
  gboolean        applied;
  TableSnapshot  *snapshot;
  char           *old_text;
  char           *old_original;
  CfCellFlags     old_flags;
  CfTable        *table;      /* REMOVE_TABLE: the removed table; ADD_TABLE: the added one */

  JsonObject     *added;      /* ADD_TABLE: the table and its note, as serialised */
  CfFinding      *note;       /* ADD_TABLE: the note it added (owned by the document) */
};

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

static const char *
kind_to_string (CfEditKind kind)
{
  for (gsize i = 0; i < G_N_ELEMENTS (edit_names); i++)
    if (edit_names[i].kind == kind)
      return edit_names[i].name;
  return "unknown";
}

static gboolean
kind_from_string (const char *name, CfEditKind *kind)
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

static TableSnapshot *
snapshot_take (CfTable *table)
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

static void
snapshot_restore (TableSnapshot *snap, CfTable *table)
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

static CfEdit *
edit_new (CfEditKind kind, guint table_index, int row, int col)
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

static void
clear_undo_state (CfEdit *edit)
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
  clear_undo_state (edit);
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
  CfEdit *edit = edit_new (CF_EDIT_SET_TEXT, table_index, row, col);

  edit->text = g_strdup (text ? text : "");
  return edit;
}

CfEdit *
cf_edit_insert_row (guint table_index, int row)
{
  return edit_new (CF_EDIT_INSERT_ROW, table_index, row, -1);
}

CfEdit *
cf_edit_delete_row (guint table_index, int row)
{
  return edit_new (CF_EDIT_DELETE_ROW, table_index, row, -1);
}

CfEdit *
cf_edit_insert_col (guint table_index, int col)
{
  return edit_new (CF_EDIT_INSERT_COL, table_index, -1, col);
}

CfEdit *
cf_edit_delete_col (guint table_index, int col)
{
  return edit_new (CF_EDIT_DELETE_COL, table_index, -1, col);
}

CfEdit *
cf_edit_merge (guint table_index, int row, int col, int n_rows, int n_cols)
{
  CfEdit *edit = edit_new (CF_EDIT_MERGE, table_index, row, col);

  edit->n_rows = n_rows;
  edit->n_cols = n_cols;
  return edit;
}

CfEdit *
cf_edit_unmerge (guint table_index, int row, int col)
{
  return edit_new (CF_EDIT_UNMERGE, table_index, row, col);
}

CfEdit *
cf_edit_split_text (guint table_index, int row, int col, gsize index)
{
  CfEdit *edit = edit_new (CF_EDIT_SPLIT_TEXT, table_index, row, col);

  edit->index = index;
  return edit;
}

CfEdit *
cf_edit_join (guint table_index, int row, int col)
{
  return edit_new (CF_EDIT_JOIN, table_index, row, col);
}

CfEdit *
cf_edit_set_row_role (guint table_index, int row, CfRowRole role)
{
  CfEdit *edit = edit_new (CF_EDIT_SET_ROW_ROLE, table_index, row, -1);

  edit->role = role;
  return edit;
}

CfEdit *
cf_edit_set_col_role (guint table_index, int col, CfRowRole role)
{
  CfEdit *edit = edit_new (CF_EDIT_SET_COL_ROLE, table_index, -1, col);

  edit->role = role;
  return edit;
}

CfEdit *
cf_edit_set_form (guint table_index, const char *form_id, const char *table_id)
{
  CfEdit *edit = edit_new (CF_EDIT_SET_FORM, table_index, -1, -1);

  edit->text = g_strdup (form_id);
  edit->form_table = g_strdup (table_id);
  return edit;
}

CfEdit *
cf_edit_extract_rows (guint table_index, int row, int n_rows)
{
  CfEdit *edit = edit_new (CF_EDIT_EXTRACT_ROWS, table_index, row, -1);

  edit->n_rows = n_rows;
  return edit;
}

CfEdit *
cf_edit_remove_table (guint table_index)
{
  return edit_new (CF_EDIT_REMOVE_TABLE, table_index, -1, -1);
}

/* ---- added tables, as JSON ---- */

static void
add_cell_json (JsonBuilder *b, const CfCell *cell)
{
  json_builder_begin_object (b);
  json_builder_set_member_name (b, "row");
  json_builder_add_int_value (b, cell->row);
  json_builder_set_member_name (b, "col");
  json_builder_add_int_value (b, cell->col);
  if (cell->row_span > 1)
    {
      json_builder_set_member_name (b, "rows");
      json_builder_add_int_value (b, cell->row_span);
    }
  if (cell->col_span > 1)
    {
      json_builder_set_member_name (b, "cols");
      json_builder_add_int_value (b, cell->col_span);
    }
  json_builder_set_member_name (b, "text");
  json_builder_add_string_value (b, cell->text ? cell->text : "");
  if (cell->original_text != NULL)
    {
      json_builder_set_member_name (b, "original");
      json_builder_add_string_value (b, cell->original_text);
    }
  if (cell->offset >= 0)
    {
      json_builder_set_member_name (b, "offset");
      json_builder_add_int_value (b, cell->offset);
      json_builder_set_member_name (b, "length");
      json_builder_add_int_value (b, cell->length);
    }
  if (cell->page > 0)
    {
      json_builder_set_member_name (b, "page");
      json_builder_add_int_value (b, cell->page);
      json_builder_set_member_name (b, "bbox");
      json_builder_begin_array (b);
      for (int i = 0; i < 4; i++)
        json_builder_add_double_value (b, cell->bbox[i]);
      json_builder_end_array (b);
    }
  if (cell->flags != CF_CELL_FLAG_NONE)
    {
      json_builder_set_member_name (b, "flags");
      json_builder_add_int_value (b, cell->flags);
    }
  json_builder_end_object (b);
}

static void
add_string_member (JsonBuilder *b, const char *name, const char *value)
{
  if (value == NULL)
    return;
  json_builder_set_member_name (b, name);
  json_builder_add_string_value (b, value);
}

/* {"id", "title", "page", "layout", "range": [offset, length], "cells": [...],
 *  "note": {"rule", "severity", "message", "offset", "length", "page"}} */
static JsonObject *
added_table_to_json (CfTable *table, const CfFinding *note)
{
  g_autoptr (JsonBuilder) b = json_builder_new ();
  g_autoptr (JsonNode) root = NULL;
  gint64 offset = -1, length = -1;

  json_builder_begin_object (b);
  add_string_member (b, "id", cf_table_get_id (table));
  add_string_member (b, "title", cf_table_get_title (table));
  add_string_member (b, "layout", cf_table_get_layout (table));
  if (cf_table_get_page (table) > 0)
    {
      json_builder_set_member_name (b, "page");
      json_builder_add_int_value (b, cf_table_get_page (table));
    }
  cf_table_get_range (table, &offset, &length);
  if (offset >= 0)
    {
      json_builder_set_member_name (b, "range");
      json_builder_begin_array (b);
      json_builder_add_int_value (b, offset);
      json_builder_add_int_value (b, length);
      json_builder_end_array (b);
    }
  json_builder_set_member_name (b, "cells");
  json_builder_begin_array (b);
  for (guint i = 0; i < cf_table_get_n_cells (table); i++)
    add_cell_json (b, cf_table_get_cell_at (table, i));
  json_builder_end_array (b);
  if (note != NULL)
    {
      json_builder_set_member_name (b, "note");
      json_builder_begin_object (b);
      add_string_member (b, "rule", note->rule);
      json_builder_set_member_name (b, "severity");
      json_builder_add_int_value (b, note->severity);
      add_string_member (b, "message", note->message);
      json_builder_set_member_name (b, "offset");
      json_builder_add_int_value (b, note->offset);
      json_builder_set_member_name (b, "length");
      json_builder_add_int_value (b, note->length);
      if (note->page > 0)
        {
          json_builder_set_member_name (b, "page");
          json_builder_add_int_value (b, note->page);
        }
      json_builder_end_object (b);
    }
  json_builder_end_object (b);
  root = json_builder_get_root (b);
  return json_object_ref (json_node_get_object (root));
}

static gint64
int_member (JsonObject *o, const char *name, gint64 fallback)
{
  JsonNode *node = o ? json_object_get_member (o, name) : NULL;

  if (node == NULL || !JSON_NODE_HOLDS_VALUE (node)
      || json_node_get_value_type (node) != G_TYPE_INT64)
    return fallback;
  return json_node_get_int (node);
}

static const char *
string_member (JsonObject *o, const char *name)
{
  JsonNode *node = o ? json_object_get_member (o, name) : NULL;

  if (node == NULL || !JSON_NODE_HOLDS_VALUE (node)
      || json_node_get_value_type (node) != G_TYPE_STRING)
    return NULL;
  return json_node_get_string (node);
}

static JsonArray *
array_member (JsonObject *o, const char *name)
{
  JsonNode *node = o ? json_object_get_member (o, name) : NULL;

  return node != NULL && JSON_NODE_HOLDS_ARRAY (node) ? json_node_get_array (node) : NULL;
}

/* Bounds on a stored table: a damaged store must not make a huge grid. */
#define ADDED_MAX_SLOTS (1 << 22)

static int
compare_slots (gconstpointer a, gconstpointer b)
{
  gint64 x = *(const gint64 *) a, y = *(const gint64 *) b;

  return x < y ? -1 : x > y;
}

/* The table @added describes, or NULL (with @why) when it does not hold one:
 * cells outside the grid or over each other. */
static CfTable *
added_table_from_json (JsonObject *added, const char **why)
{
  JsonArray *cells = array_member (added, "cells");
  JsonArray *range = array_member (added, "range");
  g_autoptr (CfTable) table = cf_table_new ();
  g_autoptr (GArray) slots = g_array_new (FALSE, FALSE, sizeof (gint64));
  guint n_cells = cells ? json_array_get_length (cells) : 0;

  *why = N_("it has no cells");
  if (n_cells == 0)
    return NULL;
  for (guint i = 0; i < n_cells; i++)
    {
      JsonNode *node = json_array_get_element (cells, i);
      JsonObject *o = JSON_NODE_HOLDS_OBJECT (node) ? json_node_get_object (node) : NULL;
      gint64 row = int_member (o, "row", -1), col = int_member (o, "col", -1);
      gint64 rows = int_member (o, "rows", 1), cols = int_member (o, "cols", 1);
      JsonArray *bbox = array_member (o, "bbox");
      CfCell *cell;

      *why = N_("a cell lies outside the grid");
      if (o == NULL || row < 0 || col < 0 || rows < 1 || cols < 1 ||
          row > ADDED_MAX_SLOTS || col > ADDED_MAX_SLOTS || rows > ADDED_MAX_SLOTS ||
          cols > ADDED_MAX_SLOTS || (row + rows) * (col + cols) > ADDED_MAX_SLOTS)
        return NULL;
      for (gint64 r = row; r < row + rows; r++)
        for (gint64 c = col; c < col + cols; c++)
          {
            gint64 slot = (r << 32) | c;

            g_array_append_val (slots, slot);
          }
      if (slots->len > ADDED_MAX_SLOTS)
        return NULL;

      cell = cf_cell_new ((int) row, (int) col, (int) rows, (int) cols, string_member (o, "text"),
                          int_member (o, "offset", -1), int_member (o, "length", 0));
      cell->original_text = g_strdup (string_member (o, "original"));
      cell->page = (int) int_member (o, "page", 0);
      for (guint k = 0; bbox != NULL && k < 4 && k < json_array_get_length (bbox); k++)
        cell->bbox[k] = json_array_get_double_element (bbox, k);
      cell->flags = (CfCellFlags) (int_member (o, "flags", 0) & 0xf);
      cf_table_take_cell (table, cell);
    }
  /* Each slot of the grid belongs to one cell at most. */
  g_array_sort (slots, compare_slots);
  *why = N_("two cells cover one slot");
  for (guint k = 1; k < slots->len; k++)
    if (g_array_index (slots, gint64, k) == g_array_index (slots, gint64, k - 1))
      return NULL;
  cf_table_set_id (table, string_member (added, "id"));
  cf_table_set_title (table, string_member (added, "title"));
  cf_table_set_layout (table, string_member (added, "layout"));
  cf_table_set_page (table, (int) int_member (added, "page", 0));
  if (range != NULL && json_array_get_length (range) == 2)
    cf_table_set_range (table, json_array_get_int_element (range, 0),
                        json_array_get_int_element (range, 1));
  cf_table_finish (table);
  *why = NULL;
  return g_steal_pointer (&table);
}

static CfFinding *
added_note_from_json (JsonObject *added, const char *table_id)
{
  JsonNode *node = json_object_get_member (added, "note");
  JsonObject *o;
  CfFinding *note;
  gint64 severity;

  if (node == NULL || !JSON_NODE_HOLDS_OBJECT (node))
    return NULL;
  o = json_node_get_object (node);
  severity = int_member (o, "severity", CF_SEVERITY_INFO);
  if (severity < CF_SEVERITY_INFO || severity > CF_SEVERITY_ERROR)
    severity = CF_SEVERITY_INFO;
  note = cf_finding_new ((CfSeverity) severity,
                         string_member (o, "rule") ? string_member (o, "rule") : "extract.area",
                         table_id, string_member (o, "message"));
  note->offset = int_member (o, "offset", -1);
  note->length = int_member (o, "length", 0);
  note->page = (int) int_member (o, "page", 0);
  return note;
}

CfEdit *
cf_edit_add_table (guint table_index, CfTable *table, const CfFinding *note)
{
  CfEdit *edit;

  g_return_val_if_fail (CF_IS_TABLE (table), NULL);
  edit = edit_new (CF_EDIT_ADD_TABLE, table_index, -1, -1);
  edit->added = added_table_to_json (table, note);
  return edit;
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
      return g_strdup (kind_to_string (edit->kind));
    }
}

/* ---- applying ---- */

static gboolean
invalid (GError **error, CfDocument *doc, const char *format, ...) G_GNUC_PRINTF (3, 4);

static gboolean
invalid (GError **error, CfDocument *doc, const char *format, ...)
{
  va_list args;
  g_autofree char *msg = NULL;

  va_start (args, format);
  msg = g_strdup_vprintf (format, args);
  va_end (args);
  /* Translators: a file's name, then what is wrong with it. */
  g_set_error (error, CF_ERROR, CF_ERROR_INVALID, _("%s: %s"), cf_document_get_basename (doc), msg);
  return FALSE;
}

static CfTable *
get_table (CfEdit *edit, CfDocument *doc, GError **error)
{
  GPtrArray *tables = cf_document_get_tables (doc);

  if (edit->table_index >= tables->len)
    {
      invalid (error, doc, _("there is no table %u"), edit->table_index + 1);
      return NULL;
    }
  return g_ptr_array_index (tables, edit->table_index);
}

static CfCell *
blank_cell (int row, int col)
{
  return cf_cell_new (row, col, 1, 1, "", -1, 0);
}

/* Sets the text as if extracted so: no correction on it. */
static void
reset_text (CfCell *cell, const char *text)
{
  g_free (cell->text);
  g_clear_pointer (&cell->original_text, g_free);
  cell->text = g_strdup (text ? text : "");
  cell->flags &= ~CF_CELL_FLAG_CORRECTED;
  cf_number_parse (cell->text, -1, &cell->number);
}

static const char *
extracted_text (const CfCell *cell)
{
  return cell->original_text ? cell->original_text : cell->text;
}

/* Moves the cells after @at along one axis by @count (1 or -1), growing or
 * shrinking the spans that cross @at, as an inserted or deleted line does. */
static void
shift_cells (CfTable *table, gboolean rows, int at, int count)
{
  g_autoptr (GPtrArray) doomed = g_ptr_array_new ();

  for (guint i = 0; i < cf_table_get_n_cells (table); i++)
    {
      CfCell *cell = cf_table_get_cell_at (table, i);
      int *pos = rows ? &cell->row : &cell->col;
      int *span = rows ? &cell->row_span : &cell->col_span;

      if (count > 0)
        {
          if (*pos >= at)
            *pos += count;
          else if (*pos + *span > at)
            *span += count;
        }
      else if (*pos == at && *span == 1)
        g_ptr_array_add (doomed, cell);
      else if (*pos > at)
        *pos -= 1;
      else if (*pos + *span > at)
        *span -= 1;
    }
  for (guint i = 0; i < doomed->len; i++)
    cf_table_remove_cell (table, g_ptr_array_index (doomed, i));
  cf_table_reindex (table);
}

static gboolean
apply_insert_line (CfEdit *edit, CfDocument *doc, CfTable *table, gboolean rows, GError **error)
{
  int at = rows ? edit->row : edit->col;
  int size = rows ? cf_table_get_n_rows (table) : cf_table_get_n_cols (table);
  int other;

  if (at < 0 || at > size)
    return rows ? invalid (error, doc, _("cannot insert a row at %d of %s"), at + 1,
                           cf_table_get_id (table))
                : invalid (error, doc, _("cannot insert a column at %d of %s"), at + 1,
                           cf_table_get_id (table));
  shift_cells (table, rows, at, 1);
  /* The new line gets empty cells where no span crosses it, so rows stay square. */
  other = rows ? cf_table_get_n_cols (table) : cf_table_get_n_rows (table);
  for (int i = 0; i < other; i++)
    {
      int r = rows ? at : i, c = rows ? i : at;
      gboolean inside = rows ? at < cf_table_get_n_rows (table) : at < cf_table_get_n_cols (table);

      if (!inside || cf_table_get_cell (table, r, c) == NULL)
        cf_table_take_cell (table, blank_cell (r, c));
    }
  cf_table_reindex (table);
  if (rows)
    cf_table_shift_row_roles (table, at, 1);
  else
    cf_table_shift_col_roles (table, at, 1);
  return TRUE;
}

static gboolean
apply_delete_line (CfEdit *edit, CfDocument *doc, CfTable *table, gboolean rows, GError **error)
{
  int at = rows ? edit->row : edit->col;
  int size = rows ? cf_table_get_n_rows (table) : cf_table_get_n_cols (table);

  if (at < 0 || at >= size)
    return rows ? invalid (error, doc, _("%s has no row %d"), cf_table_get_id (table), at + 1)
                : invalid (error, doc, _("%s has no column %d"), cf_table_get_id (table), at + 1);
  shift_cells (table, rows, at, -1);
  if (rows)
    cf_table_shift_row_roles (table, at, -1);
  else
    cf_table_shift_col_roles (table, at, -1);
  return TRUE;
}

static gboolean
apply_merge (CfEdit *edit, CfDocument *doc, CfTable *table, GError **error)
{
  int r0 = edit->row, c0 = edit->col, r1 = edit->row + edit->n_rows, c1 = edit->col + edit->n_cols;
  g_autoptr (GPtrArray) inside = g_ptr_array_new ();
  g_autoptr (GString) text = g_string_new (NULL);
  g_autoptr (GString) original = g_string_new (NULL);
  gint64 start = G_MAXINT64, end = -1;
  gboolean all_missing = TRUE;
  CfCell *merged, *first = NULL;

  if (edit->n_rows < 1 || edit->n_cols < 1 || r0 < 0 || c0 < 0
      || r1 > cf_table_get_n_rows (table) || c1 > cf_table_get_n_cols (table)
      || (edit->n_rows == 1 && edit->n_cols == 1))
    return invalid (error, doc, _("cannot merge rows %d–%d, columns %d–%d of %s"), r0 + 1, r1,
                    c0 + 1, c1, cf_table_get_id (table));

  for (guint i = 0; i < cf_table_get_n_cells (table); i++)
    {
      CfCell *cell = cf_table_get_cell_at (table, i);
      gboolean overlaps = cell->row < r1 && cell->row + cell->row_span > r0
                          && cell->col < c1 && cell->col + cell->col_span > c0;
      gboolean within = cell->row >= r0 && cell->row + cell->row_span <= r1
                        && cell->col >= c0 && cell->col + cell->col_span <= c1;

      if (!overlaps)
        continue;
      if (!within)
        return invalid (error, doc, _("the merge would cut the merged cell at row %d, column %d of %s"),
                        cell->row + 1, cell->col + 1, cf_table_get_id (table));
      g_ptr_array_add (inside, cell);
    }

  /* Cells are in (row, col) order: reading order. */
  for (guint i = 0; i < inside->len; i++)
    {
      CfCell *cell = g_ptr_array_index (inside, i);

      if (first == NULL)
        first = cell;
      g_string_append (text, cell->text);
      g_string_append (original, extracted_text (cell));
      if (cell->offset >= 0)
        {
          start = MIN (start, cell->offset);
          end = MAX (end, cell->offset + cell->length);
        }
      if (!(cell->flags & CF_CELL_FLAG_MISSING))
        all_missing = FALSE;
    }

  merged = cf_cell_new (r0, c0, edit->n_rows, edit->n_cols, original->str,
                        end >= 0 ? start : -1, end >= 0 ? end - start : 0);
  if (first)
    {
      merged->flags = first->flags & (CF_CELL_FLAG_HEADER | CF_CELL_FLAG_UNCERTAIN);
      merged->page = first->page;
      memcpy (merged->bbox, first->bbox, sizeof merged->bbox);
      cf_cell_set_keys (merged, first->row_key, first->col_key);
    }
  if (all_missing && inside->len > 0)
    merged->flags |= CF_CELL_FLAG_MISSING;
  if (merged->page > 0 && end >= 0)
    cf_document_locate_range (doc, merged->offset, merged->length, &merged->page, merged->bbox);
  cf_cell_set_text (merged, text->str);
  for (guint i = 0; i < inside->len; i++)
    cf_table_remove_cell (table, g_ptr_array_index (inside, i));
  cf_table_take_cell (table, merged);
  cf_table_reindex (table);
  return TRUE;
}

static gboolean
apply_unmerge (CfEdit *edit, CfDocument *doc, CfTable *table, GError **error)
{
  CfCell *cell = cf_table_get_cell (table, edit->row, edit->col);
  int row, col, row_span, col_span;

  if (cell == NULL || (cell->row_span == 1 && cell->col_span == 1))
    return invalid (error, doc, _("row %d, column %d of %s is not a merged cell"), edit->row + 1,
                    edit->col + 1, cf_table_get_id (table));
  row = cell->row;
  col = cell->col;
  row_span = cell->row_span;
  col_span = cell->col_span;
  cell->row_span = 1;
  cell->col_span = 1;
  for (int r = row; r < row + row_span; r++)
    for (int c = col; c < col + col_span; c++)
      if (r != row || c != col)
        cf_table_take_cell (table, blank_cell (r, c));
  cf_table_reindex (table);
  return TRUE;
}

/* Where @piece lies in the cell's extracted text, if the cell is uncorrected
 * and was located in the document. */
static void
locate_piece (CfDocument *doc, const CfCell *cell, const char *piece, const char *from,
              CfCell *target)
{
  const char *found;

  target->offset = -1;
  target->length = 0;
  if (cell->offset < 0 || (cell->flags & CF_CELL_FLAG_CORRECTED)
      || (found = strstr (from, piece)) == NULL)
    return;
  target->offset = cell->offset + (found - cell->text);
  target->length = strlen (piece);
  if (cell->page > 0)
    cf_document_locate_range (doc, target->offset, target->length, &target->page, target->bbox);
}

static gboolean
apply_split_text (CfEdit *edit, CfDocument *doc, CfTable *table, GError **error)
{
  CfCell *cell = cf_table_get_cell (table, edit->row, edit->col);
  CfCell *target;
  int target_col;
  g_autofree char *left = NULL;
  g_autofree char *right = NULL;
  g_autofree char *whole = NULL;
  CfCell saved_location;

  if (cell == NULL)
    return invalid (error, doc, _("%s has no cell at row %d, column %d"), cf_table_get_id (table),
                    edit->row + 1, edit->col + 1);
  target_col = cell->col + cell->col_span;
  target = cf_table_get_cell (table, cell->row, target_col);
  if (target_col >= cf_table_get_n_cols (table)
      || (target != NULL && (target->row != cell->row || target->col != target_col
                             || target->row_span != 1 || target->col_span != 1
                             || target->text[0] != '\0')))
    return invalid (error, doc, _("the cell right of row %d, column %d of %s is not empty"),
                    edit->row + 1, edit->col + 1, cf_table_get_id (table));

  if (edit->left != NULL)
    {
      /* Replayed or redone: the texts the first split made. */
      left = g_strdup (edit->left);
      right = g_strdup (edit->right);
    }
  else
    {
      gsize len = strlen (cell->text);

      if (edit->index == 0 || edit->index >= len
          || (((guchar) cell->text[edit->index]) & 0xC0) == 0x80)
        return invalid (error, doc, _("cannot split “%s” at byte %lu"), cell->text,
                        (unsigned long) edit->index);
      left = g_strstrip (g_strndup (cell->text, edit->index));
      right = g_strstrip (g_strdup (cell->text + edit->index));
      if (*left == '\0' || *right == '\0')
        return invalid (error, doc, _("cannot split “%s” at byte %lu"), cell->text,
                        (unsigned long) edit->index);
      edit->left = g_strdup (left);
      edit->right = g_strdup (right);
      edit->whole = g_strdup (cell->text);
    }

  if (target == NULL)
    target = cf_table_take_cell (table, blank_cell (cell->row, target_col));
  whole = g_strdup (cell->text);
  saved_location = *cell;
  saved_location.text = whole;
  /* A replay (before corrections) sees other text than the first split did
   * when that text was a correction: then neither locates the pieces. */
  if (edit->whole != NULL && g_strcmp0 (edit->whole, whole) != 0)
    saved_location.offset = -1;
  reset_text (target, right);
  target->flags &= ~(CF_CELL_FLAG_MISSING | CF_CELL_FLAG_UNCERTAIN);
  target->flags |= cell->flags & CF_CELL_FLAG_UNCERTAIN;
  target->page = cell->page;
  locate_piece (doc, &saved_location, right, whole + MIN (strlen (left), strlen (whole)), target);
  reset_text (cell, left);
  locate_piece (doc, &saved_location, left, whole, cell);
  cf_table_reindex (table);
  return TRUE;
}

static gboolean
apply_join (CfEdit *edit, CfDocument *doc, CfTable *table, GError **error)
{
  CfCell *cell = cf_table_get_cell (table, edit->row, edit->col);
  CfCell *right;
  g_autofree char *text = NULL;
  g_autofree char *original = NULL;

  if (cell == NULL)
    return invalid (error, doc, _("%s has no cell at row %d, column %d"), cf_table_get_id (table),
                    edit->row + 1, edit->col + 1);
  right = cf_table_get_cell (table, cell->row, cell->col + cell->col_span);
  if (right == NULL || right->row != cell->row || right->row_span != cell->row_span)
    return invalid (error, doc, _("no cell of the same height is right of row %d, column %d of %s"),
                    edit->row + 1, edit->col + 1, cf_table_get_id (table));

  text = g_strconcat (cell->text, right->text, NULL);
  original = g_strconcat (extracted_text (cell), extracted_text (right), NULL);
  if (cell->offset >= 0 && right->offset >= 0 && right->text[0] != '\0')
    {
      gint64 end = MAX (cell->offset + cell->length, right->offset + right->length);
      cell->offset = MIN (cell->offset, right->offset);
      cell->length = end - cell->offset;
    }
  else if (cell->offset < 0)
    {
      cell->offset = right->offset;
      cell->length = right->length;
    }
  reset_text (cell, original);
  cf_cell_set_text (cell, text);
  if (*text != '\0')
    cell->flags &= ~CF_CELL_FLAG_MISSING;

  reset_text (right, "");
  right->flags = CF_CELL_FLAG_MISSING;
  right->offset = -1;
  right->length = 0;
  cf_table_reindex (table);
  return TRUE;
}

static gboolean
apply_extract_rows (CfEdit *edit, CfDocument *doc, CfTable *table, GError **error)
{
  int r0 = edit->row, r1 = edit->row + edit->n_rows;
  g_autoptr (CfTable) block = NULL;
  g_autoptr (GPtrArray) moved = g_ptr_array_new ();
  g_autofree char *id = NULL;
  gint64 start = G_MAXINT64, end = -1;

  if (edit->n_rows < 1 || r0 < 0 || r1 > cf_table_get_n_rows (table))
    return invalid (error, doc, _("%s has no rows %d–%d"), cf_table_get_id (table), r0 + 1, r1);
  for (guint i = 0; i < cf_table_get_n_cells (table); i++)
    {
      CfCell *cell = cf_table_get_cell_at (table, i);
      int last = cell->row + cell->row_span;

      if ((cell->row < r0 && last > r0) || (cell->row < r1 && last > r1))
        return invalid (error, doc, _("the cell at row %d, column %d of %s crosses rows %d–%d"),
                        cell->row + 1, cell->col + 1, cf_table_get_id (table), r0 + 1, r1);
    }

  block = cf_table_new ();
  id = g_strdup_printf ("%s.%d", cf_table_get_id (table), r0 + 1);
  cf_table_set_id (block, id);
  cf_table_set_title (block, cf_table_get_title (table));
  cf_table_set_layout (block, cf_table_get_layout (table));
  cf_table_set_page (block, cf_table_get_page (table));
  for (guint i = 0; i < cf_table_get_n_cells (table); i++)
    {
      CfCell *cell = cf_table_get_cell_at (table, i);

      if (cell->row >= r0 && cell->row < r1)
        g_ptr_array_add (moved, cell);
    }
  for (guint i = 0; i < moved->len; i++)
    {
      CfCell *copy = cf_cell_copy (g_ptr_array_index (moved, i));

      copy->row -= r0;
      if (copy->offset >= 0)
        {
          start = MIN (start, copy->offset);
          end = MAX (end, copy->offset + copy->length);
        }
      cf_table_take_cell (block, copy);
      cf_table_remove_cell (table, g_ptr_array_index (moved, i));
    }
  for (int r = r0; r < r1; r++)
    cf_table_set_row_role (block, r - r0, cf_table_get_row_role (table, r));
  for (int c = 0; c < cf_table_get_n_cols (table); c++)
    cf_table_set_col_role (block, c, cf_table_get_col_role (table, c));
  if (end >= 0)
    cf_table_set_range (block, start, end - start);
  cf_table_finish (block);

  for (guint i = 0; i < cf_table_get_n_cells (table); i++)
    {
      CfCell *cell = cf_table_get_cell_at (table, i);
      if (cell->row >= r1)
        cell->row -= edit->n_rows;
    }
  cf_table_shift_row_roles (table, r0, -edit->n_rows);
  cf_table_reindex (table);
  cf_document_insert_table (doc, edit->table_index + 1, block);
  return TRUE;
}

static gboolean
apply_set_text (CfEdit *edit, CfDocument *doc, CfTable *table, GError **error)
{
  CfCell *cell = cf_table_get_cell (table, edit->row, edit->col);

  if (cell == NULL)
    return invalid (error, doc, _("%s has no cell at row %d, column %d"), cf_table_get_id (table),
                    edit->row + 1, edit->col + 1);
  /* A covered slot edits the merged cell, named by its first slot. */
  edit->row = cell->row;
  edit->col = cell->col;
  g_free (edit->old_text);
  g_free (edit->old_original);
  edit->old_text = g_strdup (cell->text);
  edit->old_original = g_strdup (cell->original_text);
  edit->old_flags = cell->flags;
  cf_cell_set_text (cell, edit->text);
  return TRUE;
}

static gboolean
revert_set_text (CfEdit *edit, CfDocument *doc, CfTable *table, GError **error)
{
  CfCell *cell = cf_table_get_origin_cell (table, edit->row, edit->col);

  if (cell == NULL)
    return invalid (error, doc, _("%s has no cell at row %d, column %d"), cf_table_get_id (table),
                    edit->row + 1, edit->col + 1);
  g_free (cell->text);
  g_free (cell->original_text);
  cell->text = g_strdup (edit->old_text);
  cell->original_text = g_strdup (edit->old_original);
  cell->flags = edit->old_flags;
  cf_number_parse (cell->text, -1, &cell->number);
  return TRUE;
}

/* A fresh table from the stored description each time, so a redo (or a
 * replay) does not bring back whatever the audit did to the one undone. */
static gboolean
apply_add_table (CfEdit *edit, CfDocument *doc, GError **error)
{
  GPtrArray *tables = cf_document_get_tables (doc);
  g_autoptr (CfTable) table = NULL;
  const char *why = NULL;

  if (edit->added == NULL)
    return invalid (error, doc, _("the added table was not stored"));
  if (edit->table_index > tables->len)
    return invalid (error, doc, _("cannot add table %u: the report has %u"), edit->table_index + 1,
                    tables->len);
  if ((table = added_table_from_json (edit->added, &why)) == NULL)
    return invalid (error, doc, _("the added table does not fit: %s"), _(why));
  if (cf_table_get_id (table) == NULL)
    {
      /* First apply: a "table-N" no table had (not a deleted one's), kept
       * with the edit for replays. */
      g_autofree char *id = cf_document_new_table_id (doc);

      cf_table_set_id (table, id);
      json_object_set_string_member (edit->added, "id", id);
    }
  cf_document_insert_table (doc, edit->table_index, table);
  edit->table = g_object_ref (table);
  edit->note = added_note_from_json (edit->added, cf_table_get_id (table));
  if (edit->note != NULL)
    cf_document_take_note (doc, edit->note);
  return TRUE;
}

static gboolean
revert_add_table (CfEdit *edit, CfDocument *doc, GError **error)
{
  GPtrArray *tables = cf_document_get_tables (doc);
  guint index;

  if (!g_ptr_array_find (tables, edit->table, &index))
    return invalid (error, doc, _("the added table is gone"));
  cf_document_remove_table (doc, index);
  /* The document owns its notes; the array frees the one taken out. */
  if (edit->note != NULL)
    g_ptr_array_remove (cf_document_get_notes (doc), edit->note);
  clear_undo_state (edit);
  return TRUE;
}

gboolean
cf_edit_apply (CfEdit *edit, CfDocument *doc, GError **error)
{
  CfTable *table;
  gboolean ok = FALSE;

  g_return_val_if_fail (edit != NULL, FALSE);
  g_return_val_if_fail (CF_IS_DOCUMENT (doc), FALSE);

  clear_undo_state (edit);
  if (edit->kind == CF_EDIT_ADD_TABLE)
    {
      ok = apply_add_table (edit, doc, error);
      edit->applied = ok;
      return ok;
    }
  if ((table = get_table (edit, doc, error)) == NULL)
    return FALSE;

  if (edit->kind == CF_EDIT_SET_TEXT)
    ok = apply_set_text (edit, doc, table, error);
  else if (edit->kind == CF_EDIT_REMOVE_TABLE)
    {
      edit->table = g_object_ref (table);
      cf_document_remove_table (doc, edit->table_index);
      ok = TRUE;
    }
  else
    {
      edit->snapshot = snapshot_take (table);
      switch (edit->kind)
        {
        case CF_EDIT_INSERT_ROW:
          ok = apply_insert_line (edit, doc, table, TRUE, error);
          break;
        case CF_EDIT_INSERT_COL:
          ok = apply_insert_line (edit, doc, table, FALSE, error);
          break;
        case CF_EDIT_DELETE_ROW:
          ok = apply_delete_line (edit, doc, table, TRUE, error);
          break;
        case CF_EDIT_DELETE_COL:
          ok = apply_delete_line (edit, doc, table, FALSE, error);
          break;
        case CF_EDIT_MERGE:
          ok = apply_merge (edit, doc, table, error);
          break;
        case CF_EDIT_UNMERGE:
          ok = apply_unmerge (edit, doc, table, error);
          break;
        case CF_EDIT_SPLIT_TEXT:
          ok = apply_split_text (edit, doc, table, error);
          break;
        case CF_EDIT_JOIN:
          ok = apply_join (edit, doc, table, error);
          break;
        case CF_EDIT_SET_ROW_ROLE:
          if (edit->row < 0 || edit->row >= cf_table_get_n_rows (table))
            ok = invalid (error, doc, _("%s has no row %d"), cf_table_get_id (table), edit->row + 1);
          else
            {
              cf_table_set_row_role (table, edit->row, edit->role);
              ok = TRUE;
            }
          break;
        case CF_EDIT_SET_COL_ROLE:
          if (edit->col < 0 || edit->col >= cf_table_get_n_cols (table))
            ok = invalid (error, doc, _("%s has no column %d"), cf_table_get_id (table),
                          edit->col + 1);
          else
            {
              cf_table_set_col_role (table, edit->col, edit->role);
              ok = TRUE;
            }
          break;
        case CF_EDIT_SET_FORM:
          cf_table_set_forced_form (table, edit->text, edit->form_table);
          ok = TRUE;
          break;
        case CF_EDIT_EXTRACT_ROWS:
          ok = apply_extract_rows (edit, doc, table, error);
          break;
        default:
          ok = invalid (error, doc, _("unknown edit"));
          break;
        }
      /* The checks come before any change, so a refused edit left the table as it was. */
    }
  edit->applied = ok;
  if (!ok)
    clear_undo_state (edit);
  return ok;
}

gboolean
cf_edit_revert (CfEdit *edit, CfDocument *doc, GError **error)
{
  GPtrArray *tables = cf_document_get_tables (doc);
  CfTable *table;

  g_return_val_if_fail (edit != NULL, FALSE);
  if (!edit->applied)
    return invalid (error, doc, _("the edit was not applied"));

  if (edit->kind == CF_EDIT_ADD_TABLE)
    return revert_add_table (edit, doc, error);
  if (edit->kind == CF_EDIT_REMOVE_TABLE)
    {
      if (edit->table_index > tables->len)
        return invalid (error, doc, _("cannot put back table %u"), edit->table_index + 1);
      cf_document_insert_table (doc, edit->table_index, edit->table);
      clear_undo_state (edit);
      return TRUE;
    }
  if ((table = get_table (edit, doc, error)) == NULL)
    return FALSE;
  if (edit->kind == CF_EDIT_SET_TEXT)
    {
      if (!revert_set_text (edit, doc, table, error))
        return FALSE;
    }
  else
    {
      if (edit->kind == CF_EDIT_EXTRACT_ROWS)
        {
          if (edit->table_index + 1 >= tables->len)
            return invalid (error, doc, _("the extracted table is gone"));
          cf_document_remove_table (doc, edit->table_index + 1);
        }
      snapshot_restore (edit->snapshot, table);
    }
  clear_undo_state (edit);
  return TRUE;
}

/* ---- JSON ---- */

JsonNode *
cf_edit_to_json (CfEdit *edit)
{
  g_autoptr (JsonBuilder) b = json_builder_new ();

  json_builder_begin_object (b);
  json_builder_set_member_name (b, "op");
  json_builder_add_string_value (b, kind_to_string (edit->kind));
  json_builder_set_member_name (b, "table");
  json_builder_add_int_value (b, edit->table_index);
  if (edit->row >= 0)
    {
      json_builder_set_member_name (b, "row");
      json_builder_add_int_value (b, edit->row);
    }
  if (edit->col >= 0)
    {
      json_builder_set_member_name (b, "col");
      json_builder_add_int_value (b, edit->col);
    }
  switch (edit->kind)
    {
    case CF_EDIT_SET_TEXT:
      json_builder_set_member_name (b, "text");
      json_builder_add_string_value (b, edit->text);
      break;
    case CF_EDIT_MERGE:
      json_builder_set_member_name (b, "rows");
      json_builder_add_int_value (b, edit->n_rows);
      json_builder_set_member_name (b, "cols");
      json_builder_add_int_value (b, edit->n_cols);
      break;
    case CF_EDIT_EXTRACT_ROWS:
      json_builder_set_member_name (b, "rows");
      json_builder_add_int_value (b, edit->n_rows);
      break;
    case CF_EDIT_ADD_TABLE:
      json_builder_set_member_name (b, "added");
      {
        JsonNode *added = json_node_new (JSON_NODE_OBJECT);

        json_node_set_object (added, edit->added);
        json_builder_add_value (b, added);
      }
      break;
    case CF_EDIT_SPLIT_TEXT:
      json_builder_set_member_name (b, "index");
      json_builder_add_int_value (b, (gint64) edit->index);
      if (edit->left)
        {
          json_builder_set_member_name (b, "left");
          json_builder_add_string_value (b, edit->left);
          json_builder_set_member_name (b, "right");
          json_builder_add_string_value (b, edit->right);
          json_builder_set_member_name (b, "whole");
          json_builder_add_string_value (b, edit->whole ? edit->whole : "");
        }
      break;
    case CF_EDIT_SET_ROW_ROLE:
    case CF_EDIT_SET_COL_ROLE:
      json_builder_set_member_name (b, "role");
      json_builder_add_string_value (b, edit->role == CF_ROW_ROLE_TOTAL ? "total" : "none");
      break;
    case CF_EDIT_SET_FORM:
      json_builder_set_member_name (b, "form");
      if (edit->text)
        json_builder_add_string_value (b, edit->text);
      else
        json_builder_add_null_value (b);
      json_builder_set_member_name (b, "form_table");
      if (edit->form_table)
        json_builder_add_string_value (b, edit->form_table);
      else
        json_builder_add_null_value (b);
      break;
    default:
      break;
    }
  json_builder_end_object (b);
  return json_builder_get_root (b);
}

static const char *
optional_string (JsonObject *o, const char *name)
{
  JsonNode *node = json_object_get_member (o, name);

  if (node == NULL || !JSON_NODE_HOLDS_VALUE (node)
      || json_node_get_value_type (node) != G_TYPE_STRING)
    return NULL;
  return json_node_get_string (node);
}

static int
optional_int (JsonObject *o, const char *name, int fallback)
{
  JsonNode *node = json_object_get_member (o, name);

  if (node == NULL || !JSON_NODE_HOLDS_VALUE (node)
      || json_node_get_value_type (node) != G_TYPE_INT64)
    return fallback;
  return (int) json_node_get_int (node);
}

CfEdit *
cf_edit_from_json (JsonNode *node, GError **error)
{
  JsonObject *o;
  CfEditKind kind;
  CfEdit *edit;
  int table;

  if (node == NULL || !JSON_NODE_HOLDS_OBJECT (node))
    goto invalid;
  o = json_node_get_object (node);
  if (!kind_from_string (optional_string (o, "op"), &kind))
    goto invalid;
  table = optional_int (o, "table", -1);
  if (table < 0)
    goto invalid;

  edit = edit_new (kind, (guint) table, optional_int (o, "row", -1), optional_int (o, "col", -1));
  edit->n_rows = optional_int (o, "rows", 1);
  edit->n_cols = optional_int (o, "cols", 1);
  edit->index = (gsize) MAX (optional_int (o, "index", 0), 0);
  edit->role = g_strcmp0 (optional_string (o, "role"), "total") == 0 ? CF_ROW_ROLE_TOTAL
                                                                     : CF_ROW_ROLE_NONE;
  if (kind == CF_EDIT_SET_TEXT)
    edit->text = g_strdup (optional_string (o, "text") ? optional_string (o, "text") : "");
  else if (kind == CF_EDIT_SET_FORM)
    {
      edit->text = g_strdup (optional_string (o, "form"));
      edit->form_table = g_strdup (optional_string (o, "form_table"));
    }
  if (kind == CF_EDIT_ADD_TABLE)
    {
      JsonNode *added = json_object_get_member (o, "added");

      if (added == NULL || !JSON_NODE_HOLDS_OBJECT (added))
        {
          cf_edit_unref (edit);
          goto invalid;
        }
      edit->added = json_object_ref (json_node_get_object (added));
    }
  if (kind == CF_EDIT_SPLIT_TEXT && optional_string (o, "left") && optional_string (o, "right"))
    {
      edit->left = g_strdup (optional_string (o, "left"));
      edit->right = g_strdup (optional_string (o, "right"));
      edit->whole = g_strdup (optional_string (o, "whole"));
    }
  return edit;

invalid:
  g_set_error_literal (error, CF_ERROR, CF_ERROR_INVALID,
                       _("not a Crossfoot edit (expected {\"op\": \"...\", \"table\": N, ...})"));
  return NULL;
}

char *
cf_edit_to_string (CfEdit *edit)
{
  g_autoptr (JsonNode) node = cf_edit_to_json (edit);

  return json_to_string (node, FALSE);
}

CfEdit *
cf_edit_from_string (const char *json, GError **error)
{
  g_autoptr (JsonNode) node = json_from_string (json, error);

  if (node == NULL)
    {
      if (error && *error == NULL)
        g_set_error_literal (error, CF_ERROR, CF_ERROR_INVALID, _("an empty edit"));
      return NULL;
    }
  return cf_edit_from_json (node, error);
}
