/* cf-edit-json.c: edits to and from JSON, added tables with their cells */
#include "config.h"

#include <string.h>
#include <glib/gi18n-lib.h>

#include "cf-error.h"
#include "cf-edit-private.h"

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
CfTable *
cf_edit_added_table_from_json (JsonObject *added, const char **why)
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

CfFinding *
cf_edit_added_note_from_json (JsonObject *added, const char *table_id)
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
  edit = cf_edit_new_kind (CF_EDIT_ADD_TABLE, table_index, -1, -1);
  edit->added = added_table_to_json (table, note);
  return edit;
}

/* ---- JSON ---- */

JsonNode *
cf_edit_to_json (CfEdit *edit)
{
  g_autoptr (JsonBuilder) b = json_builder_new ();

  json_builder_begin_object (b);
  json_builder_set_member_name (b, "op");
  json_builder_add_string_value (b, cf_edit_kind_to_string (edit->kind));
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
  if (!cf_edit_kind_from_string (optional_string (o, "op"), &kind))
    goto invalid;
  table = optional_int (o, "table", -1);
  if (table < 0)
    goto invalid;

  edit = cf_edit_new_kind (kind, (guint) table, optional_int (o, "row", -1), optional_int (o, "col", -1));
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
