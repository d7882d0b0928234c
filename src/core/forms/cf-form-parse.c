/* cf-form-parse.c: reading a form file (data/forms/<id>.json) into a CfForm
 *
 * Everything is validated on load, so the audit never meets an unknown key;
 * a bad file gets a message naming it and what is wrong.
 */
#include "config.h"

#include <string.h>
#include <glib/gi18n-lib.h>
#include <json-glib/json-glib.h>
#include "cf-error.h"
#include "cf-form-private.h"
#include "cf-normalize.h"

static void
form_item_free (gpointer data)
{
  CfFormItem *item = data;

  g_free (item->id);
  g_free (item->label);
  g_strfreev (item->match_labels);
  for (guint i = 0; item->match_chars && item->match_chars[i]; i++)
    g_free (item->match_chars[i]);
  g_free (item->match_chars);
  g_free (item->group);
  g_free (item->group_norm);
  g_free (item->group_chars);
  g_strfreev (item->columns);
  g_strfreev (item->instead_of);
  g_free (item);
}

static void
form_table_free (gpointer data)
{
  CfFormTable *table = data;

  g_free (table->id);
  g_free (table->heading);
  g_strfreev (table->match_headings);
  g_ptr_array_unref (table->rows);
  g_ptr_array_unref (table->columns);
  g_strfreev (table->group_labels);
  g_free (table);
}

static void
form_rule_free (gpointer data)
{
  CfFormRule *rule = data;

  g_free (rule->id);
  g_free (rule->table);
  g_free (rule->expr_text);
  cf_expr_free (rule->expr);
  g_free (rule->description);
  g_free (rule->suspect);
  g_strfreev (rule->only);
  g_free (rule);
}

static void
form_feature_clear (gpointer data)
{
  CfFormFeature *feature = data;

  g_free (feature->table);
  g_free (feature->row);
  g_free (feature->column);
}

static void
cell_key_clear (gpointer data)
{
  CfFormCellKey *key = data;

  g_free (key->table);
  g_free (key->row);
  g_free (key->column);
}

static void
form_statement_free (gpointer data)
{
  CfFormStatement *statement = data;

  g_free (statement->id);
  g_free (statement->stated);
  g_free (statement->cell_name);
  g_strfreev (statement->objects);
  g_strfreev (statement->verbs);
  g_strfreev (statement->none);
  g_strfreev (statement->unambiguous);
  g_array_unref (statement->cells);
  g_free (statement);
}

void
cf_form_free (CfForm *form)
{
  if (form == NULL)
    return;
  g_free (form->id);
  g_free (form->title);
  g_free (form->path);
  g_ptr_array_unref (form->tables);
  g_ptr_array_unref (form->rules);
  g_ptr_array_unref (form->year_rules);
  g_array_unref (form->features);
  g_ptr_array_unref (form->statements);
  g_strfreev (form->markers);
  g_free (form);
}

G_DEFINE_AUTOPTR_CLEANUP_FUNC (CfForm, cf_form_free)


static gunichar **
match_chars_new (char **labels)
{
  guint n = g_strv_length (labels);
  gunichar **chars = g_new0 (gunichar *, n + 1);

  for (guint i = 0; i < n; i++)
    chars[i] = cf_form_chars_new (labels[i]);
  return chars;
}

/* Label and synonyms, normalised, each also without its bracketed remarks. */
static char **
match_labels_new (const char *label, JsonArray *synonyms)
{
  GPtrArray *out = g_ptr_array_new ();
  guint n = synonyms ? json_array_get_length (synonyms) : 0;

  for (guint i = 0; i <= n; i++)
    {
      const char *text = i == 0 ? label : json_array_get_string_element (synonyms, i - 1);
      char *norm;
      char *stripped;

      if (text == NULL)
        continue;
      norm = cf_normalize_label (text);
      stripped = cf_form_strip_remarks (norm);
      g_ptr_array_add (out, norm);
      if (strcmp (stripped, norm) != 0 && *stripped)
        g_ptr_array_add (out, stripped);
      else
        g_free (stripped);
    }
  g_ptr_array_add (out, NULL);
  return (char **) g_ptr_array_free (out, FALSE);
}

/* Parsing ---------------------------------------------------------------- */

static const char *
member_string (JsonObject *object, const char *name)
{
  JsonNode *node = json_object_get_member (object, name);

  if (node == NULL || !JSON_NODE_HOLDS_VALUE (node)
      || json_node_get_value_type (node) != G_TYPE_STRING)
    return NULL;
  return json_node_get_string (node);
}

static JsonArray *
member_array (JsonObject *object, const char *name)
{
  JsonNode *node = json_object_get_member (object, name);

  if (node == NULL || !JSON_NODE_HOLDS_ARRAY (node))
    return NULL;
  return json_node_get_array (node);
}

static gboolean
member_bool (JsonObject *object, const char *name, gboolean fallback)
{
  JsonNode *node = json_object_get_member (object, name);

  if (node == NULL || !JSON_NODE_HOLDS_VALUE (node)
      || json_node_get_value_type (node) != G_TYPE_BOOLEAN)
    return fallback;
  return json_node_get_boolean (node);
}

static GStrv
string_array (JsonArray *array)
{
  GStrvBuilder *builder;

  if (array == NULL)
    return NULL;
  builder = g_strv_builder_new ();
  for (guint i = 0; i < json_array_get_length (array); i++)
    {
      const char *text = json_array_get_string_element (array, i);
      if (text != NULL)
        g_strv_builder_add (builder, text);
    }
  {
    GStrv strv = g_strv_builder_end (builder);
    g_strv_builder_unref (builder);
    return strv;
  }
}

gboolean
cf_form_invalid (GError **error, const char *path, const char *format, ...)
{
  g_autofree char *base = g_path_get_basename (path);
  g_autofree char *what = NULL;
  va_list args;

  va_start (args, format);
  what = g_strdup_vprintf (format, args);
  va_end (args);
  /* Translators: a file's name, then what is wrong with it. */
  g_set_error (error, CF_ERROR, CF_ERROR_FORM, _("%s: %s"), base, what);
  return FALSE;
}

const CfFormItem *
cf_form_find_item (GPtrArray *items, const char *id)
{
  for (guint i = 0; i < items->len; i++)
    {
      const CfFormItem *item = g_ptr_array_index (items, i);
      if (strcmp (item->id, id) == 0)
        return item;
    }
  return NULL;
}

static GPtrArray *
parse_items (JsonArray *array, gboolean rows, const char *path, const char *table_id,
             GError **error)
{
  g_autoptr(GPtrArray) items = g_ptr_array_new_with_free_func (form_item_free);

  for (guint i = 0; array && i < json_array_get_length (array); i++)
    {
      JsonNode *node = json_array_get_element (array, i);
      JsonObject *object;
      CfFormItem *item;
      const char *id, *label, *group;

      if (!JSON_NODE_HOLDS_OBJECT (node))
        {
          if (rows)
            cf_form_invalid (error, path, _("table %s: row %u is not an object"), table_id, i);
          else
            cf_form_invalid (error, path, _("table %s: column %u is not an object"), table_id, i);
          return NULL;
        }
      object = json_node_get_object (node);
      id = member_string (object, "id");
      label = member_string (object, "label");
      if (id == NULL || *id == '\0' || label == NULL)
        {
          if (rows)
            cf_form_invalid (error, path, _("table %s: row %u needs an id and a label"), table_id, i);
          else
            cf_form_invalid (error, path, _("table %s: column %u needs an id and a label"), table_id, i);
          return NULL;
        }
      /* The same key may appear once per table; labels may repeat (其他). */
      if (cf_form_find_item (items, id) != NULL)
        {
          if (rows)
            cf_form_invalid (error, path, _("table %s: row “%s” is declared twice"), table_id, id);
          else
            cf_form_invalid (error, path, _("table %s: column “%s” is declared twice"), table_id, id);
          return NULL;
        }
      item = g_new0 (CfFormItem, 1);
      item->id = g_strdup (id);
      item->label = g_strdup (label);
      item->match_labels = match_labels_new (label, member_array (object, "synonyms"));
      item->match_chars = match_chars_new (item->match_labels);
      group = member_string (object, "group");
      if (group != NULL)
        {
          item->group = g_strdup (group);
          item->group_norm = cf_normalize_label (group);
          item->group_chars = cf_form_chars_new (item->group_norm);
        }
      item->group_optional = member_bool (object, "group_optional", FALSE);
      item->unlabelled = member_bool (object, "unlabelled", FALSE);
      item->count = member_bool (object, "count", TRUE);
      item->columns = string_array (member_array (object, "columns"));
      item->instead_of = string_array (member_array (object, "instead_of"));
      g_ptr_array_add (items, item);
    }
  return g_steal_pointer (&items);
}

static CfFormTable *
parse_table (JsonObject *object, const char *path, GError **error)
{
  CfFormTable *table = g_new0 (CfFormTable, 1);
  const char *id = member_string (object, "id");
  const char *heading = member_string (object, "heading");
  g_autoptr(GStrvBuilder) groups = g_strv_builder_new ();

  if (id == NULL || heading == NULL)
    {
      cf_form_invalid (error, path, _("a table needs an id and a heading"));
      goto failed;
    }
  table->id = g_strdup (id);
  table->heading = g_strdup (heading);
  table->match_headings = match_labels_new (heading, member_array (object, "heading_synonyms"));
  table->columns = parse_items (member_array (object, "columns"), FALSE, path, id, error);
  if (table->columns == NULL)
    goto failed;
  table->rows = parse_items (member_array (object, "rows"), TRUE, path, id, error);
  if (table->rows == NULL)
    goto failed;
  if (table->columns->len == 0 || table->rows->len == 0)
    {
      cf_form_invalid (error, path, _("table %s has no rows or no columns"), id);
      goto failed;
    }
  for (guint i = 0; i < table->rows->len; i++)
    {
      CfFormItem *row = g_ptr_array_index (table->rows, i);

      for (guint j = 0; row->columns && row->columns[j]; j++)
        if (cf_form_find_item (table->columns, row->columns[j]) == NULL)
          {
            cf_form_invalid (error, path, _("table %s: row %s names an unknown column %s"), id, row->id,
                     row->columns[j]);
            goto failed;
          }
      for (guint j = 0; row->instead_of && row->instead_of[j]; j++)
        if (cf_form_find_item (table->rows, row->instead_of[j]) == NULL)
          {
            cf_form_invalid (error, path, _("table %s: row %s stands instead of an unknown row %s"), id,
                             row->id, row->instead_of[j]);
            goto failed;
          }
      if (row->group_norm != NULL)
        g_strv_builder_add (groups, row->group_norm);
    }
  table->group_labels = g_strv_builder_end (groups);
  return table;

failed:
  if (table->rows == NULL)
    table->rows = g_ptr_array_new ();
  if (table->columns == NULL)
    table->columns = g_ptr_array_new ();
  form_table_free (table);
  return NULL;
}

static GStrv
item_ids (GPtrArray *items)
{
  GStrv ids = g_new0 (char *, items->len + 1);

  for (guint i = 0; i < items->len; i++)
    ids[i] = g_strdup (((CfFormItem *) g_ptr_array_index (items, i))->id);
  return ids;
}

static CfFormRule *
parse_rule (CfForm *form, JsonObject *object, const char *path, GError **error)
{
  g_autoptr(GError) local_error = NULL;
  CfFormRule *rule = g_new0 (CfFormRule, 1);
  const char *id = member_string (object, "id");
  const char *for_each = member_string (object, "for_each");
  const char *severity = member_string (object, "severity");
  const char *check = member_string (object, "check");
  const CfFormTable *table = NULL;

  if (id == NULL || for_each == NULL)
    {
      cf_form_invalid (error, path, _("a rule needs an id and for_each"));
      goto failed;
    }
  rule->id = g_strdup (id);
  rule->table = g_strdup (member_string (object, "table"));
  rule->expr_text = g_strdup (member_string (object, "expr"));
  rule->description = g_strdup (member_string (object, "description"));
  rule->suspect = g_strdup (member_string (object, "suspect"));
  rule->only = string_array (member_array (object, "rows"));
  if (rule->only == NULL)
    rule->only = string_array (member_array (object, "columns"));
  rule->severity = CF_SEVERITY_ERROR;
  if (g_strcmp0 (severity, "warning") == 0)
    rule->severity = CF_SEVERITY_WARNING;
  else if (g_strcmp0 (severity, "info") == 0)
    rule->severity = CF_SEVERITY_INFO;
  else if (severity != NULL && strcmp (severity, "error") != 0)
    {
      cf_form_invalid (error, path, _("rule %s: unknown severity %s"), id, severity);
      goto failed;
    }

  if (strcmp (for_each, "row") == 0)
    rule->scope = CF_RULE_FOR_EACH_ROW;
  else if (strcmp (for_each, "column") == 0)
    rule->scope = CF_RULE_FOR_EACH_COLUMN;
  else if (strcmp (for_each, "cell") == 0)
    rule->scope = CF_RULE_FOR_EACH_CELL;
  else
    {
      cf_form_invalid (error, path, _("rule %s: for_each must be row, column or cell"), id);
      goto failed;
    }

  if (rule->table != NULL)
    {
      table = cf_form_get_table (form, rule->table);
      if (table == NULL)
        {
          cf_form_invalid (error, path, _("rule %s: unknown table %s"), id, rule->table);
          goto failed;
        }
    }

  if (rule->scope == CF_RULE_FOR_EACH_CELL)
    {
      if (g_strcmp0 (check, "count") != 0)
        {
          cf_form_invalid (error, path, _("rule %s: a per-cell rule needs \"check\": \"count\""), id);
          goto failed;
        }
      rule->check_count = TRUE;
      return rule;
    }

  if (table == NULL || rule->expr_text == NULL)
    {
      cf_form_invalid (error, path, _("rule %s needs a table and an expr"), id);
      goto failed;
    }
  {
    /* Per row, the relation names columns; per column, it names rows. */
    GPtrArray *keys = rule->scope == CF_RULE_FOR_EACH_ROW ? table->columns : table->rows;
    GPtrArray *other = rule->scope == CF_RULE_FOR_EACH_ROW ? table->rows : table->columns;
    g_auto(GStrv) ids = item_ids (keys);

    rule->expr = cf_expr_parse (rule->expr_text, (const char * const *) ids, keys->len,
                                &local_error);
    if (rule->expr == NULL)
      {
        cf_form_invalid (error, path, _("rule %s: %s"), id, local_error->message);
        goto failed;
      }
    if (rule->suspect != NULL && cf_form_find_item (keys, rule->suspect) == NULL)
      {
        cf_form_invalid (error, path, _("rule %s: unknown suspect key %s"), id, rule->suspect);
        goto failed;
      }
    for (guint i = 0; rule->only && rule->only[i]; i++)
      if (cf_form_find_item (other, rule->only[i]) == NULL)
        {
          cf_form_invalid (error, path, _("rule %s: unknown key %s"), id, rule->only[i]);
          goto failed;
        }
  }
  return rule;

failed:
  form_rule_free (rule);
  return NULL;
}

static gboolean
parse_rules (CfForm *form, JsonArray *array, GPtrArray *into, gboolean across_years,
             const char *path, GError **error)
{
  for (guint i = 0; array && i < json_array_get_length (array); i++)
    {
      JsonNode *node = json_array_get_element (array, i);
      CfFormRule *rule;
      gboolean has_prev = FALSE;

      if (!JSON_NODE_HOLDS_OBJECT (node))
        return cf_form_invalid (error, path, _("rule %u is not an object"), i);
      rule = parse_rule (form, json_node_get_object (node), path, error);
      if (rule == NULL)
        return FALSE;
      for (guint t = 0; rule->expr && t < cf_expr_get_n_terms (rule->expr); t++)
        has_prev |= cf_expr_get_term (rule->expr, t)->prev;
      if (has_prev != across_years)
        {
          /* Translators: “prev.” and “year_rules” are words of the form files; keep them. */
          if (across_years)
            cf_form_invalid (error, path, _("rule %s: a rule across years needs a prev. term"), rule->id);
          else
            cf_form_invalid (error, path, _("rule %s: prev. is only for year_rules"), rule->id);
          form_rule_free (rule);
          return FALSE;
        }
      g_ptr_array_add (into, rule);
    }
  return TRUE;
}

/* "statements": figures the prose states, each with the cells it must equal. */
static gboolean
parse_statements (CfForm *form, JsonArray *array, const char *path, GError **error)
{
  for (guint i = 0; array && i < json_array_get_length (array); i++)
    {
      JsonNode *node = json_array_get_element (array, i);
      JsonObject *object = JSON_NODE_HOLDS_OBJECT (node) ? json_node_get_object (node) : NULL;
      CfFormStatement *statement;
      JsonArray *cells;

      if (object == NULL || member_string (object, "id") == NULL
          || member_string (object, "stated") == NULL
          || member_string (object, "cell_name") == NULL)
        return cf_form_invalid (error, path, _("statement %u needs an id, stated and cell_name"), i);
      statement = g_new0 (CfFormStatement, 1);
      statement->id = g_strdup (member_string (object, "id"));
      statement->stated = g_strdup (member_string (object, "stated"));
      statement->cell_name = g_strdup (member_string (object, "cell_name"));
      statement->objects = string_array (member_array (object, "objects"));
      statement->verbs = string_array (member_array (object, "verbs"));
      statement->none = string_array (member_array (object, "none"));
      statement->unambiguous = string_array (member_array (object, "unambiguous"));
      statement->cells = g_array_new (FALSE, TRUE, sizeof (CfFormCellKey));
      g_array_set_clear_func (statement->cells, cell_key_clear);
      g_ptr_array_add (form->statements, statement);
      if (statement->objects == NULL || statement->objects[0] == NULL)
        return cf_form_invalid (error, path, _("statement %s names nothing it counts (objects)"),
                                statement->id);

      cells = member_array (object, "cells");
      for (guint c = 0; cells && c < json_array_get_length (cells); c++)
        {
          JsonNode *cell_node = json_array_get_element (cells, c);
          JsonObject *cell = JSON_NODE_HOLDS_OBJECT (cell_node) ? json_node_get_object (cell_node)
                                                               : NULL;
          const CfFormTable *table = NULL;
          CfFormCellKey key = { 0 };

          if (cell != NULL)
            table = cf_form_get_table (form, member_string (cell, "table"));
          if (table == NULL || member_string (cell, "row") == NULL
              || member_string (cell, "column") == NULL
              || cf_form_table_get_row (table, member_string (cell, "row")) == NULL
              || cf_form_table_get_column (table, member_string (cell, "column")) == NULL)
            return cf_form_invalid (error, path,
                                    _("statement %s: cell %u is not a table, row and column of "
                                      "the form"),
                                    statement->id, c);
          key.table = g_strdup (table->id);
          key.row = g_strdup (member_string (cell, "row"));
          key.column = g_strdup (member_string (cell, "column"));
          g_array_append_val (statement->cells, key);
        }
      if (statement->cells->len == 0)
        return cf_form_invalid (error, path, _("statement %s names no cell"), statement->id);
    }
  return TRUE;
}

CfForm *
cf_form_parse (JsonNode *root, const char *path, GError **error)
{
  g_autoptr(CfForm) form = NULL;
  JsonObject *object;
  JsonArray *tables, *years, *features;
  const char *id;

  if (root == NULL || !JSON_NODE_HOLDS_OBJECT (root))
    {
      cf_form_invalid (error, path, _("a form file holds one JSON object"));
      return NULL;
    }
  object = json_node_get_object (root);
  id = member_string (object, "id");
  if (id == NULL || *id == '\0')
    {
      cf_form_invalid (error, path, _("the form has no id"));
      return NULL;
    }
  form = g_new0 (CfForm, 1);
  form->id = g_strdup (id);
  form->title = g_strdup (member_string (object, "title"));
  form->path = g_strdup (path);
  form->tables = g_ptr_array_new_with_free_func (form_table_free);
  form->rules = g_ptr_array_new_with_free_func (form_rule_free);
  form->year_rules = g_ptr_array_new_with_free_func (form_rule_free);
  form->features = g_array_new (FALSE, TRUE, sizeof (CfFormFeature));
  form->statements = g_ptr_array_new_with_free_func (form_statement_free);
  g_array_set_clear_func (form->features, form_feature_clear);
  form->year_max = G_MAXINT;

  years = member_array (object, "years");
  if (years != NULL && json_array_get_length (years) == 2)
    {
      form->year_min = (int) json_array_get_int_element (years, 0);
      form->year_max = (int) json_array_get_int_element (years, 1);
    }

  tables = member_array (object, "tables");
  if (tables == NULL || json_array_get_length (tables) == 0)
    {
      cf_form_invalid (error, path, _("the form has no tables"));
      return NULL;
    }
  for (guint i = 0; i < json_array_get_length (tables); i++)
    {
      JsonNode *node = json_array_get_element (tables, i);
      CfFormTable *table;

      if (!JSON_NODE_HOLDS_OBJECT (node))
        {
          cf_form_invalid (error, path, _("table %u is not an object"), i);
          return NULL;
        }
      table = parse_table (json_node_get_object (node), path, error);
      if (table == NULL)
        return NULL;
      if (cf_form_get_table (form, table->id) != NULL)
        {
          cf_form_invalid (error, path, _("table %s is declared twice"), table->id);
          form_table_free (table);
          return NULL;
        }
      g_ptr_array_add (form->tables, table);
    }

  if (!parse_rules (form, member_array (object, "rules"), form->rules, FALSE, path, error)
      || !parse_rules (form, member_array (object, "year_rules"), form->year_rules, TRUE, path,
                       error))
    return NULL;

  if (!parse_statements (form, member_array (object, "statements"), path, error))
    return NULL;
  form->markers = string_array (member_array (object, "markers"));
  for (guint i = 0; form->markers != NULL && form->markers[i] != NULL; i++)
    {
      char *norm = cf_normalize_label (form->markers[i]);

      g_free (form->markers[i]);
      form->markers[i] = norm;
    }

  features = member_array (object, "features");
  for (guint i = 0; features && i < json_array_get_length (features); i++)
    {
      JsonObject *feature_object = json_array_get_object_element (features, i);
      CfFormFeature feature = { 0 };
      const CfFormTable *table;

      if (feature_object == NULL)
        continue;
      feature.table = g_strdup (member_string (feature_object, "table"));
      feature.row = g_strdup (member_string (feature_object, "row"));
      feature.column = g_strdup (member_string (feature_object, "column"));
      feature.weight = json_object_has_member (feature_object, "weight")
                         ? (int) json_object_get_int_member (feature_object, "weight") : 1;
      g_array_append_val (form->features, feature);
      table = feature.table ? cf_form_get_table (form, feature.table) : NULL;
      if (table == NULL
          || (feature.row && !cf_form_table_get_row (table, feature.row))
          || (feature.column && !cf_form_table_get_column (table, feature.column))
          || (!feature.row == !feature.column))
        {
          cf_form_invalid (error, path, _("feature %u names no row or column of a table"), i);
          return NULL;
        }
    }
  return g_steal_pointer (&form);
}
