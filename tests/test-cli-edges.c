/* test-cli-edges.c: crossfoot-cli where its surroundings fail (issue #20):
 * the app's database unusable, a full output, a reader that closes the
 * pipe, a named pipe nobody writes to. */
#include <string.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <glib/gstdio.h>

#include "cf-test-util.h"

typedef struct
{
  char *out;
  char *err;
  int   status;  /* exit status, or 128 + signal */
} Run;

static void
run_clear (Run *run)
{
  g_clear_pointer (&run->out, g_free);
  g_clear_pointer (&run->err, g_free);
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (Run, run_clear)

/* Runs `sh -c SCRIPT` with $CLI set to the CLI under test. */
static void
run_shell (Run *run, const char *script)
{
  const char *argv[] = { "/bin/sh", "-c", script, NULL };
  g_autoptr (GError) error = NULL;
  int wait_status = 0;

  g_setenv ("CLI", g_getenv ("CF_CLI"), TRUE);
  g_assert_true (g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_DEFAULT, NULL, NULL, &run->out,
                               &run->err, &wait_status, &error));
  g_assert_no_error (error);
  g_assert_true (WIFEXITED (wait_status));
  run->status = WEXITSTATUS (wait_status);
}

static guint
count_lines (const char *text)
{
  guint n = 0;

  for (const char *p = text; *p; p++)
    n += *p == '\n';
  return n;
}

static guint
count (const char *haystack, const char *needle)
{
  guint n = 0;

  for (const char *p = strstr (haystack, needle); p != NULL; p = strstr (p + 1, needle))
    n++;
  return n;
}

/* Each kind of unusable database: the audit goes on without the saved
 * work, warns once, and each JSON line says so. */
static void
test_broken_database (void)
{
  static const char *const kinds[] = { "garbage", "cut-short", "bad-header", "folder" };
  g_autofree char *a = cf_test_path ("corpus", "text", "danfeng-psb-2020.txt", NULL);
  g_autofree char *b = cf_test_path ("corpus", "text", "zibo-gaoxin-psb-2022.txt", NULL);

  for (gsize k = 0; k < G_N_ELEMENTS (kinds); k++)
    {
      g_autofree char *dir = cf_test_make_tmpdir ();
      g_autofree char *db = g_build_filename (dir, "corrections.db", NULL);
      g_autofree char *script = NULL;
      g_auto (Run) run = { 0 };
      g_auto (Run) clean = { 0 };

      if (g_str_equal (kinds[k], "garbage"))
        g_assert_true (g_file_set_contents (db, "this is not a database at all, only text", -1, NULL));
      else if (g_str_equal (kinds[k], "cut-short"))
        {
          /* The start of a real header, cut after its page size and versions. */
          static const char cut[] = "SQLite format 3\0\x10\0\x01\x01";
          g_assert_true (g_file_set_contents (db, cut, sizeof cut - 1, NULL));
        }
      else if (g_str_equal (kinds[k], "bad-header"))
        {
          char page[4096] = "SQLite format 3";

          memset (page + 16, 0xff, sizeof page - 16);
          g_assert_true (g_file_set_contents (db, page, sizeof page, NULL));
        }
      else
        g_assert_cmpint (g_mkdir (db, 0700), ==, 0);

      g_setenv ("CROSSFOOT_DATA_DIR", dir, TRUE);
      script = g_strdup_printf ("\"$CLI\" audit --json '%s' '%s'", a, b);
      run_shell (&run, script);
      g_test_message ("%s: status %d, %s", kinds[k], run.status, run.err);
      g_assert_cmpint (run.status, <=, 1);
      g_assert_cmpuint (count_lines (run.out), ==, 2);
      g_assert_cmpuint (count (run.out, "\"saved_corrections\":\"unavailable\""), ==, 2);
      g_assert_cmpuint (count (run.err, "warning:"), ==, 1);
      g_assert_nonnull (strstr (run.err, "corrections.db"));

      /* Without a database at all the lines are as always. */
      cf_test_rm_rf (dir);
      run_shell (&clean, script);
      g_assert_cmpint (clean.status, ==, run.status);
      g_assert_null (strstr (clean.out, "saved_corrections"));
      g_assert_null (strstr (clean.err, "warning"));
    }
  g_unsetenv ("CROSSFOOT_DATA_DIR");
}

static void
test_full_output (void)
{
  g_autofree char *a = cf_test_path ("corpus", "text", "danfeng-psb-2020.txt", NULL);
  g_autofree char *script = NULL;
  g_auto (Run) run = { 0 };

  if (!g_file_test ("/dev/full", G_FILE_TEST_EXISTS))
    {
      g_test_skip ("no /dev/full");
      return;
    }
  script = g_strdup_printf ("\"$CLI\" audit --json '%s' > /dev/full", a);
  run_shell (&run, script);
  g_assert_cmpint (run.status, ==, 3);
  g_assert_nonnull (strstr (run.err, "cannot write the output"));
}

/* | head -1 closes the pipe after the first line: no death by SIGPIPE. */
static void
test_closed_pipe (void)
{
  g_autofree char *a = cf_test_path ("corpus", "text", "danfeng-psb-2020.txt", NULL);
  g_autofree char *script = NULL;
  g_auto (Run) run = { 0 };

  /* Far more than a pipe holds, so the CLI is still writing when head has gone. */
  script = g_strdup_printf ("f='%s'; (\"$CLI\" audit --json $f $f $f $f $f $f $f $f $f $f $f $f;"
                            " echo \"status $?\" >&2) | head -c 1 > /dev/null", a);
  run_shell (&run, script);
  g_test_message ("%s", run.err);
  g_assert_null (strstr (run.err, "status 141"));
  g_assert_nonnull (strstr (run.err, "status "));
  g_assert_null (strstr (run.err, "cannot write"));
}

/* A named pipe that nobody writes to is given up on; the other inputs are
 * audited. */
static void
test_fifo_without_writer (void)
{
  g_autofree char *dir = cf_test_make_tmpdir ();
  g_autofree char *fifo = g_build_filename (dir, "silent.txt", NULL);
  g_autofree char *a = cf_test_path ("corpus", "text", "danfeng-psb-2020.txt", NULL);
  g_autofree char *script = NULL;
  g_auto (Run) run = { 0 };
  gint64 start;

  g_assert_cmpint (mkfifo (fifo, 0600), ==, 0);
  script = g_strdup_printf ("\"$CLI\" audit --json --input-timeout 1 '%s' '%s'", fifo, a);
  start = g_get_monotonic_time ();
  run_shell (&run, script);
  g_assert_cmpfloat ((g_get_monotonic_time () - start) / 1e6, <, cf_test_time_limit (30));
  g_assert_cmpint (run.status, ==, 2);
  g_assert_cmpuint (count_lines (run.out), ==, 1);
  g_assert_nonnull (strstr (run.out, "danfeng"));
  g_assert_nonnull (strstr (run.err, "silent.txt: nothing to read"));
  g_free (script);

  /* A writer that comes is read. */
  script = g_strdup_printf ("(sleep 0.3; cat '%s' > '%s') & \"$CLI\" audit --json '%s'", a, fifo,
                            fifo);
  run_clear (&run);
  run_shell (&run, script);
  g_assert_cmpint (run.status, <=, 1);
  g_assert_nonnull (strstr (run.out, "丹凤县公安局"));
  cf_test_rm_rf (dir);
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/cli-edges/broken-database", test_broken_database);
  g_test_add_func ("/cli-edges/full-output", test_full_output);
  g_test_add_func ("/cli-edges/closed-pipe", test_closed_pipe);
  g_test_add_func ("/cli-edges/fifo-without-writer", test_fifo_without_writer);
  return g_test_run ();
}
