/* cf-form.c: national report forms, loaded from data files
 *
 * A form file (data/forms/<id>.json) holds the tables with their canonical
 * row and column keys, the labels that print them, and the rules as small
 * relations over keys (cf-expr.c). Everything is validated on load, so the
 * audit never meets an unknown key.
 */
#include "config.h"

#include <string.h>
#include <glib/gi18n-lib.h>
#include <json-glib/json-glib.h>
#include "cf-error.h"
#include "cf-form-private.h"
#include "cf-forms-resources.h"
#include "cf-normalize.h"

#define FORMS_RESOURCE_PATH "/io/github/crossfoot/core/forms/"

struct _CfFormRegistry
{
  GObject    parent_instance;
  GPtrArray *forms; /* of CfForm */
};

G_DEFINE_FINAL_TYPE (CfFormRegistry, cf_form_registry, G_TYPE_OBJECT)

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
form_free (CfForm *form)
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
  g_free (form);
}

G_DEFINE_AUTOPTR_CLEANUP_FUNC (CfForm, form_free)

static void
cf_form_registry_finalize (GObject *object)
{
  g_ptr_array_unref (CF_FORM_REGISTRY (object)->forms);
  G_OBJECT_CLASS (cf_form_registry_parent_class)->finalize (object);
}

static void
cf_form_registry_class_init (CfFormRegistryClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = cf_form_registry_finalize;
}

static void
cf_form_registry_init (CfFormRegistry *self)
{
  self->forms = g_ptr_array_new_with_free_func ((GDestroyNotify) form_free);
}

CfFormRegistry *
cf_form_registry_new (void)
{
  return g_object_new (CF_TYPE_FORM_REGISTRY, NULL);
}

/* Labels ------------------------------------------------------------------ */

char *
cf_form_strip_remarks (const char *normalised)
{
  GString *out = g_string_new (NULL);
  int depth = 0;

  for (const char *p = normalised; *p; p++)
    {
      if (*p == '(')
        depth++;
      else if (*p == ')' && depth > 0)
        depth--;
      else if (depth == 0)
        g_string_append_c (out, *p);
    }
  return g_string_free (out, FALSE);
}

gunichar *
cf_form_chars_new (const char *utf8)
{
  gunichar *chars = g_utf8_to_ucs4 (utf8 ? utf8 : "", -1, NULL, NULL, NULL);

  return chars ? chars : g_new0 (gunichar, 1);
}

static gsize
chars_length (const gunichar *chars)
{
  gsize n = 0;

  while (chars[n])
    n++;
  return n;
}

double
cf_form_chars_similarity (const gunichar *a, const gunichar *b, double min)
{
  gsize la = chars_length (a), lb = chars_length (b);
  int row[128];
  int best;

  if (la == 0 && lb == 0)
    return 1.0;
  if (la == 0 || lb == 0)
    return 0.0;
  /* The common part is at most the shorter label. */
  if (2.0 * MIN (la, lb) / (double) (la + lb) < min)
    return 0.0;
  if (la == lb && memcmp (a, b, la * sizeof (gunichar)) == 0)
    return 1.0;
  if (lb >= G_N_ELEMENTS (row))
    return 0.0;  /* no label is that long */

  /* Longest common subsequence, one row of the table at a time. */
  memset (row, 0, (lb + 1) * sizeof (int));
  for (gsize i = 1; i <= la; i++)
    {
      int diagonal = 0;

      for (gsize j = 1; j <= lb; j++)
        {
          int above = row[j];

          row[j] = a[i - 1] == b[j - 1] ? diagonal + 1 : MAX (row[j], row[j - 1]);
          diagonal = above;
        }
    }
  best = row[lb];
  return 2.0 * best / (double) (la + lb);
}

double
cf_form_label_similarity (const char *a, const char *b)
{
  g_autofree gunichar *ua = cf_form_chars_new (a);
  g_autofree gunichar *ub = cf_form_chars_new (b);

  return cf_form_chars_similarity (ua, ub, 0);
}

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

static gboolean
invalid (GError **error, const char *path, const char *format, ...) G_GNUC_PRINTF (3, 4);

static gboolean
invalid (GError **error, const char *path, const char *format, ...)
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

static const CfFormItem *
find_item (GPtrArray *items, const char *id)
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
            invalid (error, path, _("table %s: row %u is not an object"), table_id, i);
          else
            invalid (error, path, _("table %s: column %u is not an object"), table_id, i);
          return NULL;
        }
      object = json_node_get_object (node);
      id = member_string (object, "id");
      label = member_string (object, "label");
      if (id == NULL || *id == '\0' || label == NULL)
        {
          if (rows)
            invalid (error, path, _("table %s: row %u needs an id and a label"), table_id, i);
          else
            invalid (error, path, _("table %s: column %u needs an id and a label"), table_id, i);
          return NULL;
        }
      /* The same key may appear once per table; labels may repeat (其他). */
      if (find_item (items, id) != NULL)
        {
          if (rows)
            invalid (error, path, _("table %s: row “%s” is declared twice"), table_id, id);
          else
            invalid (error, path, _("table %s: column “%s” is declared twice"), table_id, id);
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
      invalid (error, path, _("a table needs an id and a heading"));
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
      invalid (error, path, _("table %s has no rows or no columns"), id);
      goto failed;
    }
  for (guint i = 0; i < table->rows->len; i++)
    {
      CfFormItem *row = g_ptr_array_index (table->rows, i);

      for (guint j = 0; row->columns && row->columns[j]; j++)
        if (find_item (table->columns, row->columns[j]) == NULL)
          {
            invalid (error, path, _("table %s: row %s names an unknown column %s"), id, row->id,
                     row->columns[j]);
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
      invalid (error, path, _("a rule needs an id and for_each"));
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
      invalid (error, path, _("rule %s: unknown severity %s"), id, severity);
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
      invalid (error, path, _("rule %s: for_each must be row, column or cell"), id);
      goto failed;
    }

  if (rule->table != NULL)
    {
      table = cf_form_get_table (form, rule->table);
      if (table == NULL)
        {
          invalid (error, path, _("rule %s: unknown table %s"), id, rule->table);
          goto failed;
        }
    }

  if (rule->scope == CF_RULE_FOR_EACH_CELL)
    {
      if (g_strcmp0 (check, "count") != 0)
        {
          invalid (error, path, _("rule %s: a per-cell rule needs \"check\": \"count\""), id);
          goto failed;
        }
      rule->check_count = TRUE;
      return rule;
    }

  if (table == NULL || rule->expr_text == NULL)
    {
      invalid (error, path, _("rule %s needs a table and an expr"), id);
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
        invalid (error, path, _("rule %s: %s"), id, local_error->message);
        goto failed;
      }
    if (rule->suspect != NULL && find_item (keys, rule->suspect) == NULL)
      {
        invalid (error, path, _("rule %s: unknown suspect key %s"), id, rule->suspect);
        goto failed;
      }
    for (guint i = 0; rule->only && rule->only[i]; i++)
      if (find_item (other, rule->only[i]) == NULL)
        {
          invalid (error, path, _("rule %s: unknown key %s"), id, rule->only[i]);
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
        return invalid (error, path, _("rule %u is not an object"), i);
      rule = parse_rule (form, json_node_get_object (node), path, error);
      if (rule == NULL)
        return FALSE;
      for (guint t = 0; rule->expr && t < cf_expr_get_n_terms (rule->expr); t++)
        has_prev |= cf_expr_get_term (rule->expr, t)->prev;
      if (has_prev != across_years)
        {
          /* Translators: “prev.” and “year_rules” are words of the form files; keep them. */
          if (across_years)
            invalid (error, path, _("rule %s: a rule across years needs a prev. term"), rule->id);
          else
            invalid (error, path, _("rule %s: prev. is only for year_rules"), rule->id);
          form_rule_free (rule);
          return FALSE;
        }
      g_ptr_array_add (into, rule);
    }
  return TRUE;
}

static CfForm *
form_parse (JsonNode *root, const char *path, GError **error)
{
  g_autoptr(CfForm) form = NULL;
  JsonObject *object;
  JsonArray *tables, *years, *features;
  const char *id;

  if (root == NULL || !JSON_NODE_HOLDS_OBJECT (root))
    {
      invalid (error, path, _("a form file holds one JSON object"));
      return NULL;
    }
  object = json_node_get_object (root);
  id = member_string (object, "id");
  if (id == NULL || *id == '\0')
    {
      invalid (error, path, _("the form has no id"));
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
      invalid (error, path, _("the form has no tables"));
      return NULL;
    }
  for (guint i = 0; i < json_array_get_length (tables); i++)
    {
      JsonNode *node = json_array_get_element (tables, i);
      CfFormTable *table;

      if (!JSON_NODE_HOLDS_OBJECT (node))
        {
          invalid (error, path, _("table %u is not an object"), i);
          return NULL;
        }
      table = parse_table (json_node_get_object (node), path, error);
      if (table == NULL)
        return NULL;
      if (cf_form_get_table (form, table->id) != NULL)
        {
          invalid (error, path, _("table %s is declared twice"), table->id);
          form_table_free (table);
          return NULL;
        }
      g_ptr_array_add (form->tables, table);
    }

  if (!parse_rules (form, member_array (object, "rules"), form->rules, FALSE, path, error)
      || !parse_rules (form, member_array (object, "year_rules"), form->year_rules, TRUE, path,
                       error))
    return NULL;

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
          invalid (error, path, _("feature %u names no row or column of a table"), i);
          return NULL;
        }
    }
  return g_steal_pointer (&form);
}

static gboolean
registry_add_bytes (CfFormRegistry *self, GBytes *bytes, const char *path, gboolean keep_first,
                    GError **error)
{
  g_autoptr(JsonParser) parser = json_parser_new_immutable ();
  g_autoptr(GError) local_error = NULL;
  gsize size;
  const char *data = g_bytes_get_data (bytes, &size);
  CfForm *form;

  if (!json_parser_load_from_data (parser, data, (gssize) size, &local_error))
    return invalid (error, path, "%s", local_error->message);
  form = form_parse (json_parser_get_root (parser), path, error);
  if (form == NULL)
    return FALSE;

  for (guint i = 0; i < self->forms->len; i++)
    {
      CfForm *known = g_ptr_array_index (self->forms, i);

      if (strcmp (known->id, form->id) == 0)
        {
          /* Earlier folders in the search path win; an explicit load replaces. */
          if (keep_first)
            form_free (form);
          else
            {
              form_free (known);
              self->forms->pdata[i] = form;
            }
          return TRUE;
        }
    }
  g_ptr_array_add (self->forms, form);
  return TRUE;
}

static gboolean
load_file_internal (CfFormRegistry *self, const char *path, gboolean keep_first, GError **error)
{
  g_autoptr(GError) local_error = NULL;
  g_autofree char *contents = NULL;
  g_autoptr(GBytes) bytes = NULL;
  gsize length;

  if (!g_file_get_contents (path, &contents, &length, &local_error))
    return invalid (error, path, "%s", local_error->message);
  bytes = g_bytes_new_take (g_steal_pointer (&contents), length);
  return registry_add_bytes (self, bytes, path, keep_first, error);
}

gboolean
cf_form_registry_load_file (CfFormRegistry *self, const char *path, GError **error)
{
  g_return_val_if_fail (CF_IS_FORM_REGISTRY (self), FALSE);
  g_return_val_if_fail (path != NULL, FALSE);
  return load_file_internal (self, path, FALSE, error);
}

static int
compare_strings (gconstpointer a, gconstpointer b)
{
  return strcmp (*(const char * const *) a, *(const char * const *) b);
}

static gboolean
load_dir_internal (CfFormRegistry *self, const char *dir, gboolean keep_first, GError **error)
{
  g_autoptr(GDir) handle = NULL;
  g_autoptr(GPtrArray) names = g_ptr_array_new_with_free_func (g_free);
  gboolean ok = TRUE;
  const char *name;

  handle = g_dir_open (dir, 0, error);
  if (handle == NULL)
    return FALSE;
  while ((name = g_dir_read_name (handle)) != NULL)
    if (g_str_has_suffix (name, ".json"))
      g_ptr_array_add (names, g_strdup (name));
  /* A stable order: forms are listed as loaded. */
  g_ptr_array_sort (names, compare_strings);

  for (guint i = 0; i < names->len; i++)
    {
      g_autofree char *path = g_build_filename (dir, g_ptr_array_index (names, i), NULL);
      g_autoptr(GError) local_error = NULL;

      if (!load_file_internal (self, path, keep_first, &local_error))
        {
          /* Keep loading the others; report the first failure. */
          if (ok)
            g_propagate_error (error, g_steal_pointer (&local_error));
          ok = FALSE;
        }
    }
  return ok;
}

gboolean
cf_form_registry_load_dir (CfFormRegistry *self, const char *dir, GError **error)
{
  g_return_val_if_fail (CF_IS_FORM_REGISTRY (self), FALSE);
  g_return_val_if_fail (dir != NULL, FALSE);
  return load_dir_internal (self, dir, FALSE, error);
}

static guint
load_resource_forms (CfFormRegistry *self)
{
  GResource *resource = cf_forms_get_resource ();
  g_auto(GStrv) names = NULL;
  guint before = self->forms->len;

  names = g_resource_enumerate_children (resource, FORMS_RESOURCE_PATH,
                                         G_RESOURCE_LOOKUP_FLAGS_NONE, NULL);
  for (guint i = 0; names && names[i]; i++)
    {
      g_autofree char *path = g_strconcat (FORMS_RESOURCE_PATH, names[i], NULL);
      g_autoptr(GBytes) bytes = g_resource_lookup_data (resource, path,
                                                        G_RESOURCE_LOOKUP_FLAGS_NONE, NULL);
      g_autoptr(GError) error = NULL;

      if (bytes != NULL && !registry_add_bytes (self, bytes, path, TRUE, &error))
        g_warning ("%s", error->message);
    }
  return self->forms->len - before;
}

static void
load_default_forms (CfFormRegistry *self)
{
  const char *env = g_getenv ("CROSSFOOT_FORMS_DIR");
  const char *builtin[] = { PKGDATADIR "/forms", CF_SOURCE_DATA_DIR "/forms" };

  if (env != NULL && *env != '\0')
    {
      g_auto(GStrv) dirs = g_strsplit (env, G_SEARCHPATH_SEPARATOR_S, -1);

      for (guint i = 0; dirs[i]; i++)
        {
          g_autoptr(GError) error = NULL;

          if (*dirs[i] == '\0' || !g_file_test (dirs[i], G_FILE_TEST_IS_DIR))
            continue;
          if (!load_dir_internal (self, dirs[i], TRUE, &error))
            g_warning ("%s", error->message);
        }
    }

  /* The shipped forms: the first place that has them. */
  for (guint i = 0; i < G_N_ELEMENTS (builtin); i++)
    {
      g_autoptr(GError) error = NULL;
      guint before = self->forms->len;

      if (!g_file_test (builtin[i], G_FILE_TEST_IS_DIR))
        continue;
      if (!load_dir_internal (self, builtin[i], TRUE, &error))
        g_warning ("%s", error->message);
      if (self->forms->len > before || error == NULL)
        return;
    }
  load_resource_forms (self);
}

CfFormRegistry *
cf_form_registry_get_default (void)
{
  static CfFormRegistry *registry;

  if (g_once_init_enter (&registry))
    {
      CfFormRegistry *loaded = cf_form_registry_new ();

      load_default_forms (loaded);
      g_once_init_leave (&registry, loaded);
    }
  return registry;
}

GPtrArray *
cf_form_registry_list_ids (CfFormRegistry *self)
{
  GPtrArray *ids;

  g_return_val_if_fail (CF_IS_FORM_REGISTRY (self), NULL);
  ids = g_ptr_array_new_with_free_func (g_free);
  for (guint i = 0; i < self->forms->len; i++)
    g_ptr_array_add (ids, g_strdup (((CfForm *) g_ptr_array_index (self->forms, i))->id));
  return ids;
}

GPtrArray *
cf_form_registry_list_rule_ids (CfFormRegistry *self, const char *form_id)
{
  const CfForm *form = cf_form_registry_lookup (self, form_id);
  GPtrArray *ids;

  if (form == NULL)
    return NULL;
  ids = g_ptr_array_new_with_free_func (g_free);
  for (guint i = 0; i < form->rules->len; i++)
    g_ptr_array_add (ids, g_strdup (((CfFormRule *) g_ptr_array_index (form->rules, i))->id));
  for (guint i = 0; i < form->year_rules->len; i++)
    g_ptr_array_add (ids,
                     g_strdup (((CfFormRule *) g_ptr_array_index (form->year_rules, i))->id));
  return ids;
}

GPtrArray *
cf_form_registry_list_keys (CfFormRegistry *self, const char *form_id, const char *table_id,
                            gboolean rows)
{
  const CfForm *form = cf_form_registry_lookup (self, form_id);
  const CfFormTable *table = form ? cf_form_get_table (form, table_id) : NULL;
  GPtrArray *items, *keys;

  if (table == NULL)
    return NULL;
  items = rows ? table->rows : table->columns;
  keys = g_ptr_array_new_with_free_func (g_free);
  for (guint i = 0; i < items->len; i++)
    g_ptr_array_add (keys, g_strdup (((CfFormItem *) g_ptr_array_index (items, i))->id));
  return keys;
}

char *
cf_form_registry_get_key_label (CfFormRegistry *self, const char *form_id, const char *table_id,
                                const char *key, gboolean rows)
{
  const CfForm *form = cf_form_registry_lookup (self, form_id);
  const CfFormTable *table = form ? cf_form_get_table (form, table_id) : NULL;
  const CfFormItem *item;

  if (table == NULL || key == NULL)
    return NULL;
  item = rows ? cf_form_table_get_row (table, key) : cf_form_table_get_column (table, key);
  if (item == NULL || item->label == NULL)
    return NULL;
  if (item->group != NULL && *item->group != '\0')
    return g_strconcat (item->group, " / ", item->label, NULL);
  return g_strdup (item->label);
}

const char *
cf_form_registry_get_table_heading (CfFormRegistry *self, const char *form_id,
                                    const char *table_id)
{
  const CfForm *form = cf_form_registry_lookup (self, form_id);
  const CfFormTable *table = form ? cf_form_get_table (form, table_id) : NULL;

  return table ? table->heading : NULL;
}

GPtrArray *
cf_form_registry_list_table_ids (CfFormRegistry *self, const char *form_id)
{
  const CfForm *form = cf_form_registry_lookup (self, form_id);
  GPtrArray *ids;

  if (form == NULL)
    return NULL;
  ids = g_ptr_array_new_with_free_func (g_free);
  for (guint i = 0; i < form->tables->len; i++)
    g_ptr_array_add (ids, g_strdup (((CfFormTable *) g_ptr_array_index (form->tables, i))->id));
  return ids;
}

guint
cf_form_registry_get_n_forms (CfFormRegistry *self)
{
  g_return_val_if_fail (CF_IS_FORM_REGISTRY (self), 0);
  return self->forms->len;
}

const CfForm *
cf_form_registry_get_nth (CfFormRegistry *self, guint index)
{
  g_return_val_if_fail (CF_IS_FORM_REGISTRY (self), NULL);
  g_return_val_if_fail (index < self->forms->len, NULL);
  return g_ptr_array_index (self->forms, index);
}

const CfForm *
cf_form_registry_lookup (CfFormRegistry *self, const char *form_id)
{
  g_return_val_if_fail (CF_IS_FORM_REGISTRY (self), NULL);
  for (guint i = 0; form_id && i < self->forms->len; i++)
    {
      const CfForm *form = g_ptr_array_index (self->forms, i);
      if (strcmp (form->id, form_id) == 0)
        return form;
    }
  return NULL;
}

const CfFormTable *
cf_form_get_table (const CfForm *form, const char *table_id)
{
  for (guint i = 0; table_id && i < form->tables->len; i++)
    {
      const CfFormTable *table = g_ptr_array_index (form->tables, i);
      if (strcmp (table->id, table_id) == 0)
        return table;
    }
  return NULL;
}

const CfFormItem *
cf_form_table_get_row (const CfFormTable *table, const char *row_id)
{
  return row_id ? find_item (table->rows, row_id) : NULL;
}

const CfFormItem *
cf_form_table_get_column (const CfFormTable *table, const char *column_id)
{
  return column_id ? find_item (table->columns, column_id) : NULL;
}
