#include "config.h"

#include <glib/gi18n-lib.h>
#include <json-glib/json-glib.h>

#include "cf-corrections.h"
#include "cf-error.h"

void
cf_correction_free (CfCorrection *correction)
{
  if (correction == NULL)
    return;
  g_free (correction->text);
  g_free (correction->original);
  g_free (correction);
}

CfCorrection *
cf_correction_new (guint table_index, int row, int col, const char *text, const char *original)
{
  CfCorrection *c = g_new0 (CfCorrection, 1);

  c->table_index = table_index;
  c->row = row;
  c->col = col;
  c->text = g_strdup (text ? text : "");
  c->original = g_strdup (original);
  return c;
}

guint
cf_corrections_apply (CfDocument *doc, GPtrArray *corrections, guint *n_stale)
{
  GPtrArray *tables = cf_document_get_tables (doc);
  guint applied = 0, stale = 0;

  for (guint i = 0; corrections && i < corrections->len; i++)
    {
      CfCorrection *c = g_ptr_array_index (corrections, i);
      CfTable *table;
      CfCell *cell;
      const char *extracted;

      if (c->table_index >= tables->len)
        {
          stale++;
          continue;
        }
      table = g_ptr_array_index (tables, c->table_index);
      cell = cf_table_get_origin_cell (table, c->row, c->col);
      if (cell == NULL)
        {
          stale++;
          continue;
        }
      extracted = cell->original_text ? cell->original_text : cell->text;
      if (c->original != NULL && g_strcmp0 (c->original, extracted) != 0)
        stale++;
      cf_cell_set_text (cell, c->text);
      applied++;
    }
  if (n_stale)
    *n_stale = stale;
  return applied;
}

GPtrArray *
cf_corrections_from_document (CfDocument *doc)
{
  GPtrArray *list = g_ptr_array_new_with_free_func ((GDestroyNotify) cf_correction_free);
  GPtrArray *tables = cf_document_get_tables (doc);

  for (guint t = 0; t < tables->len; t++)
    {
      CfTable *table = g_ptr_array_index (tables, t);

      for (guint i = 0; i < cf_table_get_n_cells (table); i++)
        {
          CfCell *cell = cf_table_get_cell_at (table, i);
          if (cell->flags & CF_CELL_FLAG_CORRECTED)
            g_ptr_array_add (list, cf_correction_new (t, cell->row, cell->col, cell->text,
                                                   cell->original_text));
        }
    }
  return list;
}

char *
cf_corrections_to_json (CfDocument *doc, GPtrArray *corrections)
{
  g_autoptr (JsonBuilder) b = json_builder_new ();
  g_autoptr (JsonGenerator) gen = json_generator_new ();
  g_autoptr (JsonNode) root = NULL;
  GPtrArray *tables = cf_document_get_tables (doc);

  json_builder_begin_object (b);
  json_builder_set_member_name (b, "sha256");
  json_builder_add_string_value (b, cf_document_get_sha256 (doc));
  json_builder_set_member_name (b, "document");
  json_builder_add_string_value (b, cf_document_get_basename (doc));
  json_builder_set_member_name (b, "corrections");
  json_builder_begin_array (b);
  for (guint i = 0; i < corrections->len; i++)
    {
      CfCorrection *c = g_ptr_array_index (corrections, i);

      json_builder_begin_object (b);
      json_builder_set_member_name (b, "table");
      json_builder_add_int_value (b, c->table_index);
      if (c->table_index < tables->len)
        {
          json_builder_set_member_name (b, "table_id");
          json_builder_add_string_value (
            b, cf_table_get_id (g_ptr_array_index (tables, c->table_index)));
        }
      json_builder_set_member_name (b, "row");
      json_builder_add_int_value (b, c->row);
      json_builder_set_member_name (b, "col");
      json_builder_add_int_value (b, c->col);
      json_builder_set_member_name (b, "text");
      json_builder_add_string_value (b, c->text);
      json_builder_set_member_name (b, "original");
      if (c->original)
        json_builder_add_string_value (b, c->original);
      else
        json_builder_add_null_value (b);
      json_builder_end_object (b);
    }
  json_builder_end_array (b);
  json_builder_end_object (b);
  root = json_builder_get_root (b);
  json_generator_set_root (gen, root);
  json_generator_set_pretty (gen, TRUE);
  return json_generator_to_data (gen, NULL);
}

GPtrArray *
cf_corrections_from_json (const char *json, gssize len, char **sha256, GError **error)
{
  g_autoptr (JsonParser) parser = json_parser_new ();
  g_autoptr (GPtrArray) list = g_ptr_array_new_with_free_func ((GDestroyNotify) cf_correction_free);
  JsonObject *root;
  JsonArray *items;

  if (!json_parser_load_from_data (parser, json, len, error))
    return NULL;
  if (!JSON_NODE_HOLDS_OBJECT (json_parser_get_root (parser)))
    goto invalid;
  root = json_node_get_object (json_parser_get_root (parser));
  if (!json_object_has_member (root, "corrections")
      || !JSON_NODE_HOLDS_ARRAY (json_object_get_member (root, "corrections")))
    goto invalid;
  items = json_object_get_array_member (root, "corrections");
  for (guint i = 0; i < json_array_get_length (items); i++)
    {
      JsonNode *node = json_array_get_element (items, i);
      JsonObject *o;
      const char *original = NULL;

      if (!JSON_NODE_HOLDS_OBJECT (node))
        goto invalid;
      o = json_node_get_object (node);
      if (!json_object_has_member (o, "table") || !json_object_has_member (o, "row")
          || !json_object_has_member (o, "col") || !json_object_has_member (o, "text"))
        goto invalid;
      if (json_object_has_member (o, "original") && !json_object_get_null_member (o, "original"))
        original = json_object_get_string_member (o, "original");
      g_ptr_array_add (list, cf_correction_new ((guint) json_object_get_int_member (o, "table"),
                                             (int) json_object_get_int_member (o, "row"),
                                             (int) json_object_get_int_member (o, "col"),
                                             json_object_get_string_member (o, "text"), original));
    }
  if (sha256)
    *sha256 = json_object_has_member (root, "sha256")
                ? g_strdup (json_object_get_string_member (root, "sha256"))
                : NULL;
  return g_steal_pointer (&list);

invalid:
  g_set_error_literal (error, CF_ERROR, CF_ERROR_INVALID,
                       _("not a Crossfoot corrections file (expected {\"corrections\": [...]})"));
  return NULL;
}
