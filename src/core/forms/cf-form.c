/* cf-form.c: national report forms, loaded from data files
 *
 * A form file (data/forms/<id>.json) holds the tables with their canonical
 * row and column keys, the labels that print them, and the rules as small
 * relations over keys (cf-expr.c). The registry finds and loads them
 * (cf-form-parse.c reads one); the labels are compared here.
 */
#include "config.h"

#include <string.h>
#include <json-glib/json-glib.h>
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
  self->forms = g_ptr_array_new_with_free_func ((GDestroyNotify) cf_form_free);
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

/* Loading ----------------------------------------------------------------- */

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
    return cf_form_invalid (error, path, "%s", local_error->message);
  form = cf_form_parse (json_parser_get_root (parser), path, error);
  if (form == NULL)
    return FALSE;

  for (guint i = 0; i < self->forms->len; i++)
    {
      CfForm *known = g_ptr_array_index (self->forms, i);

      if (strcmp (known->id, form->id) == 0)
        {
          /* Earlier folders in the search path win; an explicit load replaces. */
          if (keep_first)
            cf_form_free (form);
          else
            {
              cf_form_free (known);
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
    return cf_form_invalid (error, path, "%s", local_error->message);
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
  return row_id ? cf_form_find_item (table->rows, row_id) : NULL;
}

const CfFormItem *
cf_form_table_get_column (const CfFormTable *table, const char *column_id)
{
  return column_id ? cf_form_find_item (table->columns, column_id) : NULL;
}
