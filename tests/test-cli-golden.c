/* test-cli-golden.c: the CLI's JSON for every fixture is what tests/cli-golden says
 *
 * The golden files were written by tools/cli-golden.sh before the core was
 * restructured; a behaviour-preserving change must leave every byte of
 * `crossfoot-cli audit --json`, its exit status and its messages as they were.
 * A change meant to alter the output regenerates them (and says so). */
#include "cf-test-util.h"

#include <string.h>

typedef struct
{
  char *golden_path;
  char *input;       /* relative to tests/, as the CLI is given it */
} GoldenCase;

static void
golden_case_free (gpointer data)
{
  GoldenCase *c = data;
  g_free (c->golden_path);
  g_free (c->input);
  g_free (c);
}

static char *
run_cli (const char *input)
{
  const char *cli = g_getenv ("CF_CLI");
  g_assert_nonnull (cli);
  g_autofree char *scratch = cf_test_make_tmpdir ();
  g_autoptr(GSubprocessLauncher) launcher =
    g_subprocess_launcher_new (G_SUBPROCESS_FLAGS_STDOUT_PIPE | G_SUBPROCESS_FLAGS_STDERR_PIPE);
  g_subprocess_launcher_set_cwd (launcher, cf_test_srcdir ());
  const char *vars[] = { "CROSSFOOT_DATA_DIR", "XDG_DATA_HOME", "XDG_CONFIG_HOME", "XDG_CACHE_HOME" };
  for (guint i = 0; i < G_N_ELEMENTS (vars); i++)
    g_subprocess_launcher_setenv (launcher, vars[i], scratch, TRUE);
  g_subprocess_launcher_setenv (launcher, "LC_ALL", "C.UTF-8", TRUE);
  g_subprocess_launcher_setenv (launcher, "LANGUAGE", "", TRUE);

  g_autoptr(GError) error = NULL;
  g_autoptr(GSubprocess) proc =
    g_subprocess_launcher_spawn (launcher, &error, cli, "audit", "--json", input, NULL);
  g_assert_no_error (error);
  g_autofree char *out = NULL;
  g_autofree char *err = NULL;
  g_subprocess_communicate_utf8 (proc, NULL, NULL, &out, &err, &error);
  g_assert_no_error (error);
  g_assert_true (g_subprocess_get_if_exited (proc));

  GString *result = g_string_new (out);
  g_string_append_printf (result, "exit %d\n", g_subprocess_get_exit_status (proc));
  g_auto(GStrv) lines = g_strsplit (err, "\n", -1);
  for (guint i = 0; lines[i] != NULL; i++)
    if (lines[i][0] != '\0')
      g_string_append_printf (result, "stderr %s\n", lines[i]);
  cf_test_rm_rf (scratch);
  return g_string_free (result, FALSE);
}

static void
test_golden (gconstpointer data)
{
  const GoldenCase *c = data;
  g_autofree char *expected = NULL;
  g_autoptr(GError) error = NULL;
  g_file_get_contents (c->golden_path, &expected, NULL, &error);
  g_assert_no_error (error);
  g_autofree char *actual = run_cli (c->input);
  if (g_strcmp0 (expected, actual) != 0)
    {
      /* Name the first difference: the whole line would be megabytes. */
      gsize i = 0;
      while (expected[i] != '\0' && expected[i] == actual[i])
        i++;
      gsize from = i > 80 ? i - 80 : 0;
      g_test_message ("%s: first difference at byte %zu\n expected …%.160s\n actual   …%.160s",
                      c->input, i, expected + from, actual + MIN (from, strlen (actual)));
      g_test_fail ();
    }
}

static int
compare_names (gconstpointer a, gconstpointer b)
{
  return g_strcmp0 (*(const char *const *) a, *(const char *const *) b);
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, NULL);

  g_autofree char *dir_path = cf_test_path ("cli-golden", NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(GDir) dir = g_dir_open (dir_path, 0, &error);
  g_assert_no_error (error);

  g_autoptr(GPtrArray) names = g_ptr_array_new_with_free_func (g_free);
  const char *name;
  while ((name = g_dir_read_name (dir)) != NULL)
    if (g_str_has_suffix (name, ".jsonl"))
      g_ptr_array_add (names, g_strdup (name));
  g_ptr_array_sort (names, compare_names);
  /* The golden set holds every corpus report: a lost file must not pass unseen. */
  g_assert_cmpuint (names->len, >=, 40);

  g_autoptr(GPtrArray) cases = g_ptr_array_new_with_free_func (golden_case_free);
  for (guint i = 0; i < names->len; i++)
    {
      const char *n = g_ptr_array_index (names, i);
      GoldenCase *c = g_new0 (GoldenCase, 1);
      c->golden_path = g_build_filename (dir_path, n, NULL);
      g_autofree char *stem = g_strndup (n, strlen (n) - strlen (".jsonl"));
      g_auto(GStrv) parts = g_strsplit (stem, "__", -1);
      c->input = g_strjoinv ("/", parts);
      g_ptr_array_add (cases, c);
      g_autofree char *test_path = g_strdup_printf ("/cli-golden/%s", c->input);
      g_test_add_data_func (test_path, c, test_golden);
    }
  return g_test_run ();
}
