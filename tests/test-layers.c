/* test-layers.c: the core's folders follow the data flow, one way
 *
 * src/core/meson.build lists the core's folders with subdir() in the order
 * data flows through them (bytes -> decode -> document -> tables -> forms ->
 * rules -> findings -> corrections / export). A file may include headers of
 * its own folder and of folders listed before it, never after; the include
 * graph has no cycle; no core source is over 1,000 lines; and the app and
 * the CLI never include the libraries the core wraps (SQLite, libxml2,
 * uchardet, OpenCC; the app renders PDF pages with Poppler itself, as a
 * viewer). See docs/architecture.md. */
#include "cf-test-util.h"

#include <stdlib.h>
#include <string.h>

typedef struct
{
  GPtrArray  *folders;  /* "base", "read/text", … in layer order */
  GHashTable *owner;    /* header basename -> folder */
  GHashTable *layer;    /* folder -> GINT_TO_POINTER (index + 1) */
  GPtrArray  *files;    /* paths relative to src/core */
} Layers;

/* Known debt of issue #13, being paid: each entry is a violation message that
 * is still reported but does not fail. Remove an entry once fixed (the test
 * fails while a listed violation no longer occurs, so the list only shrinks). */
static const char *const known_debt[] = {
  NULL
};

static GHashTable *debt_seen;

static void
violation (const char *format, ...) G_GNUC_PRINTF (1, 2);

static void
violation (const char *format, ...)
{
  va_list args;
  va_start (args, format);
  g_autofree char *msg = g_strdup_vprintf (format, args);
  va_end (args);
  for (guint i = 0; known_debt[i] != NULL; i++)
    if (g_str_equal (known_debt[i], msg))
      {
        g_test_message ("known debt: %s", msg);
        g_hash_table_add (debt_seen, (gpointer) known_debt[i]);
        return;
      }
  g_test_message ("%s", msg);
  g_test_fail ();
}

static void
test_debt_still_owed (void)
{
  for (guint i = 0; known_debt[i] != NULL; i++)
    if (!g_hash_table_contains (debt_seen, known_debt[i]))
      g_test_fail_printf ("paid, remove from known_debt: %s", known_debt[i]);
}

static char *
core_dir (void)
{
  return g_build_filename (cf_test_srcdir (), "..", "src", "core", NULL);
}

/* Appends the folders named by subdir() in @rel/meson.build, depth first:
 * a folder whose meson.build has subdirs is its subfolders, in order. */
static void
collect_folders (const char *core, const char *rel, GPtrArray *out)
{
  g_autofree char *path = g_build_filename (core, rel, "meson.build", NULL);
  g_autofree char *text = NULL;
  g_assert_true (g_file_get_contents (path, &text, NULL, NULL));
  g_autoptr(GRegex) re = g_regex_new ("^\\s*subdir\\s*\\(\\s*'([^']+)'", G_REGEX_MULTILINE, 0, NULL);
  g_autoptr(GMatchInfo) match = NULL;
  gboolean any = FALSE;
  for (g_regex_match (re, text, 0, &match); g_match_info_matches (match); g_match_info_next (match, NULL))
    {
      g_autofree char *name = g_match_info_fetch (match, 1);
      g_autofree char *sub = rel[0] ? g_build_filename (rel, name, NULL) : g_strdup (name);
      collect_folders (core, sub, out);
      any = TRUE;
    }
  if (!any && rel[0] != '\0')
    g_ptr_array_add (out, g_strdup (rel));
}

static void
layers_free (Layers *l)
{
  g_ptr_array_unref (l->folders);
  g_hash_table_unref (l->owner);
  g_hash_table_unref (l->layer);
  g_ptr_array_unref (l->files);
  g_free (l);
}
G_DEFINE_AUTOPTR_CLEANUP_FUNC (Layers, layers_free)

static Layers *
layers_read (void)
{
  Layers *l = g_new0 (Layers, 1);
  g_autofree char *core = core_dir ();
  l->folders = g_ptr_array_new_with_free_func (g_free);
  l->owner = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  l->layer = g_hash_table_new (g_str_hash, g_str_equal);
  l->files = g_ptr_array_new_with_free_func (g_free);
  collect_folders (core, "", l->folders);
  for (guint i = 0; i < l->folders->len; i++)
    {
      const char *folder = g_ptr_array_index (l->folders, i);
      g_hash_table_insert (l->layer, (gpointer) folder, GINT_TO_POINTER (i + 1));
      g_autofree char *dir_path = g_build_filename (core, folder, NULL);
      g_autoptr(GDir) dir = g_dir_open (dir_path, 0, NULL);
      g_assert_nonnull (dir);
      const char *name;
      while ((name = g_dir_read_name (dir)) != NULL)
        {
          if (!g_str_has_suffix (name, ".c") && !g_str_has_suffix (name, ".h"))
            continue;
          g_ptr_array_add (l->files, g_build_filename (folder, name, NULL));
          if (g_str_has_suffix (name, ".h"))
            {
              if (g_hash_table_contains (l->owner, name))
                g_test_fail_printf ("two core headers are named %s", name);
              g_hash_table_insert (l->owner, g_strdup (name), g_strdup (folder));
            }
        }
    }
  return l;
}

/* The quoted includes of @path, by basename. */
static GPtrArray *
quoted_includes (const char *path)
{
  g_autofree char *text = NULL;
  g_assert_true (g_file_get_contents (path, &text, NULL, NULL));
  g_autoptr(GRegex) re = g_regex_new ("^\\s*#\\s*include\\s*\"([^\"]+)\"", G_REGEX_MULTILINE, 0, NULL);
  g_autoptr(GMatchInfo) match = NULL;
  GPtrArray *out = g_ptr_array_new_with_free_func (g_free);
  for (g_regex_match (re, text, 0, &match); g_match_info_matches (match); g_match_info_next (match, NULL))
    {
      g_autofree char *inc = g_match_info_fetch (match, 1);
      g_ptr_array_add (out, g_path_get_basename (inc));
    }
  return out;
}

static void
test_layer_order (void)
{
  g_autoptr(Layers) l = layers_read ();
  g_autofree char *core = core_dir ();

  /* The corridor itself: decoding before the model, readers before the forms,
   * the forms before the audit, the audit before edits and the store. */
  g_assert_cmpuint (l->folders->len, >=, 8);
  const char *order[] = { "base", "decode", "model", "read/text", "forms", "audit", "store", "export" };
  int last = 0;
  for (guint i = 0; i < G_N_ELEMENTS (order); i++)
    {
      int at = GPOINTER_TO_INT (g_hash_table_lookup (l->layer, order[i]));
      if (at == 0)
        g_test_fail_printf ("src/core has no folder %s", order[i]);
      else if (at < last)
        g_test_fail_printf ("src/core/%s comes before a folder earlier in the flow", order[i]);
      last = MAX (last, at);
    }

  guint n_checked = 0;
  for (guint i = 0; i < l->files->len; i++)
    {
      const char *rel = g_ptr_array_index (l->files, i);
      g_autofree char *folder = g_path_get_dirname (rel);
      int mine = GPOINTER_TO_INT (g_hash_table_lookup (l->layer, folder));
      g_autofree char *path = g_build_filename (core, rel, NULL);
      g_autoptr(GPtrArray) incs = quoted_includes (path);
      for (guint j = 0; j < incs->len; j++)
        {
          const char *inc = g_ptr_array_index (incs, j);
          const char *theirs = g_hash_table_lookup (l->owner, inc);
          if (theirs == NULL)
            continue; /* config.h, generated resources */
          n_checked++;
          int at = GPOINTER_TO_INT (g_hash_table_lookup (l->layer, theirs));
          if (at > mine)
            violation ("src/core/%s includes %s from %s/, a later layer than %s/",
                                rel, inc, theirs, folder);
        }
    }
  g_assert_cmpuint (n_checked, >, 50);
}

/* Unit of a file: its basename without .c/.h (cf-form.c and cf-form.h are one). */
static char *
unit_of (const char *name)
{
  const char *dot = strrchr (name, '.');
  return dot ? g_strndup (name, dot - name) : g_strdup (name);
}

static int
compare_names (gconstpointer a, gconstpointer b)
{
  return strcmp (*(const char *const *) a, *(const char *const *) b);
}

static void
sort_names (gpointer *names)
{
  guint n = 0;

  while (names[n] != NULL)
    n++;
  qsort (names, n, sizeof *names, compare_names);
}

static gboolean
find_cycle (GHashTable *graph, const char *node, GHashTable *state, GPtrArray *stack)
{
  /* state: 1 on the stack, 2 done */
  g_hash_table_insert (state, (gpointer) node, GINT_TO_POINTER (1));
  g_ptr_array_add (stack, (gpointer) node);
  GHashTable *next = g_hash_table_lookup (graph, node);
  if (next != NULL)
    {
      g_autofree gpointer *keys = g_hash_table_get_keys_as_array (next, NULL);

      /* In name order, so the cycle reported does not depend on hashing. */
      sort_names (keys);
      for (guint k = 0; keys[k] != NULL; k++)
        {
          gpointer key = keys[k];
          int s = GPOINTER_TO_INT (g_hash_table_lookup (state, key));
          if (s == 1)
            {
              g_ptr_array_add (stack, key);
              return TRUE;
            }
          if (s == 0 && find_cycle (graph, key, state, stack))
            return TRUE;
        }
    }
  g_ptr_array_remove_index (stack, stack->len - 1);
  g_hash_table_insert (state, (gpointer) node, GINT_TO_POINTER (2));
  return FALSE;
}

static void
test_no_cycle (void)
{
  g_autoptr(Layers) l = layers_read ();
  g_autofree char *core = core_dir ();
  g_autoptr(GHashTable) graph = g_hash_table_new_full (g_str_hash, g_str_equal, g_free,
                                                       (GDestroyNotify) g_hash_table_unref);
  for (guint i = 0; i < l->files->len; i++)
    {
      const char *rel = g_ptr_array_index (l->files, i);
      g_autofree char *base = g_path_get_basename (rel);
      char *unit = unit_of (base);
      GHashTable *edges = g_hash_table_lookup (graph, unit);
      if (edges == NULL)
        {
          edges = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
          g_hash_table_insert (graph, unit, edges);
        }
      else
        g_free (unit);
      g_autofree char *path = g_build_filename (core, rel, NULL);
      g_autoptr(GPtrArray) incs = quoted_includes (path);
      g_autofree char *self_unit = unit_of (base);
      for (guint j = 0; j < incs->len; j++)
        {
          const char *inc = g_ptr_array_index (incs, j);
          if (!g_hash_table_contains (l->owner, inc))
            continue;
          char *to = unit_of (inc);
          /* A private header (cf-form-private.h) including its unit's public
           * header is part of that unit, no cycle. */
          g_autofree char *private_of_to = g_strconcat (to, "-private", NULL);
          if (g_str_equal (to, self_unit) || g_str_equal (self_unit, private_of_to))
            g_free (to);
          else
            g_hash_table_add (edges, to);
        }
    }
  g_autoptr(GHashTable) state = g_hash_table_new (g_str_hash, g_str_equal);
  g_autofree gpointer *units = g_hash_table_get_keys_as_array (graph, NULL);
  sort_names (units);
  for (guint u = 0; units[u] != NULL; u++)
    {
      gpointer key = units[u];
      if (g_hash_table_lookup (state, key) != NULL)
        continue;
      g_autoptr(GPtrArray) stack = g_ptr_array_new ();
      if (find_cycle (graph, key, state, stack))
        {
          /* Only the cycle: the path that led to it changes with every new file. */
          const char *closing = g_ptr_array_index (stack, stack->len - 1);
          guint from = 0;
          while (!g_str_equal (g_ptr_array_index (stack, from), closing))
            from++;
          GString *s = g_string_new (NULL);
          for (guint i = from; i < stack->len; i++)
            g_string_append_printf (s, "%s%s", i > from ? " -> " : "", (char *) g_ptr_array_index (stack, i));
          /* Named by its alphabetically first unit: hash order picks the start. */
          const char *first = closing;
          for (guint i = from; i < stack->len; i++)
            if (g_strcmp0 (g_ptr_array_index (stack, i), first) < 0)
              first = g_ptr_array_index (stack, i);
          g_test_message ("include cycle: %s", s->str);
          violation ("include cycle in src/core through %s", first);
          g_string_free (s, TRUE);
          return;
        }
    }
}

static guint
count_lines (const char *path)
{
  g_autofree char *text = NULL;
  gsize len = 0;
  g_assert_true (g_file_get_contents (path, &text, &len, NULL));
  guint n = 0;
  for (gsize i = 0; i < len; i++)
    n += text[i] == '\n';
  return n;
}

static void
test_file_size (void)
{
  g_autoptr(Layers) l = layers_read ();
  g_autofree char *core = core_dir ();
  for (guint i = 0; i < l->files->len; i++)
    {
      const char *rel = g_ptr_array_index (l->files, i);
      if (!g_str_has_suffix (rel, ".c"))
        continue;
      g_autofree char *path = g_build_filename (core, rel, NULL);
      guint n = count_lines (path);
      if (n > 1000)
        {
          g_test_message ("src/core/%s: %u lines", rel, n);
          violation ("src/core/%s is over 1,000 lines: split it by algorithm", rel);
        }
    }
}

/* The shells include only the core: the libraries it wraps stay inside it. */
static void
scan_shell (const char *dir_path)
{
  g_autoptr(GDir) dir = g_dir_open (dir_path, 0, NULL);
  g_assert_nonnull (dir);
  g_autoptr(GRegex) re = g_regex_new ("^\\s*#\\s*include\\s*[<\"](sqlite3\\.h|libxml/|uchardet|opencc)",
                                      G_REGEX_MULTILINE, 0, NULL);
  const char *name;
  while ((name = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *path = g_build_filename (dir_path, name, NULL);
      if (g_file_test (path, G_FILE_TEST_IS_DIR))
        {
          scan_shell (path);
          continue;
        }
      if (!g_str_has_suffix (name, ".c") && !g_str_has_suffix (name, ".h"))
        continue;
      g_autofree char *text = NULL;
      g_assert_true (g_file_get_contents (path, &text, NULL, NULL));
      g_autoptr(GMatchInfo) match = NULL;
      if (g_regex_match (re, text, 0, &match))
        {
          g_autofree char *what = g_match_info_fetch (match, 1);
          violation ("src/%s includes %s: only src/core may", strstr (path, "/src/") + 5, what);
        }
    }
}

static void
test_shells_use_core_only (void)
{
  g_autofree char *app = g_build_filename (cf_test_srcdir (), "..", "src", "app", NULL);
  g_autofree char *cli = g_build_filename (cf_test_srcdir (), "..", "src", "cli", NULL);
  scan_shell (app);
  scan_shell (cli);
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, NULL);
  debt_seen = g_hash_table_new (g_str_hash, g_str_equal);
  g_test_add_func ("/layers/order", test_layer_order);
  g_test_add_func ("/layers/no-cycle", test_no_cycle);
  g_test_add_func ("/layers/file-size", test_file_size);
  g_test_add_func ("/layers/shells-use-core-only", test_shells_use_core_only);
  g_test_add_func ("/layers/debt-still-owed", test_debt_still_owed);
  return g_test_run ();
}
