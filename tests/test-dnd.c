/* test-dnd.c: a real drag and drop of a report onto the app, under Xvfb
 *
 *   xvfb-run -a -s "-screen 0 1600x1000x24" meson test -C build test-dnd
 *
 * Starts the built app ($CF_APP) on its empty page and tests/dnd-source
 * ($CF_DND_SOURCE) offering a corpus report, places the two windows side by
 * side with xdotool (no window manager is needed), then drags with the XTEST
 * pointer: press on the source, move in steps onto the app, release. The
 * app's window title names the report once the drop opened it. Skips when
 * there is no X display or no xdotool.
 */
#include <gio/gio.h>
#include <glib/gstdio.h>
#include <string.h>
#include <unistd.h>

#include "cf-test-util.h"

#define REPORT "zibo-gaoxin-psb-2022.txt"

/* Runs xdotool with @args (NULL-terminated); its stdout, or NULL when it failed. */
static char *
xdotool (const char *first, ...)
{
  g_autoptr (GPtrArray) argv = g_ptr_array_new ();
  g_autofree char *out = NULL;
  int status = 0;
  va_list ap;

  g_ptr_array_add (argv, (gpointer) "xdotool");
  va_start (ap, first);
  for (const char *arg = first; arg != NULL; arg = va_arg (ap, const char *))
    g_ptr_array_add (argv, (gpointer) arg);
  va_end (ap);
  g_ptr_array_add (argv, NULL);

  if (!g_spawn_sync (NULL, (char **) argv->pdata, NULL, G_SPAWN_SEARCH_PATH | G_SPAWN_STDERR_TO_DEV_NULL,
                     NULL, NULL, &out, NULL, &status, NULL) ||
      !g_spawn_check_wait_status (status, NULL))
    return NULL;
  return g_steal_pointer (&out);
}

/* The last window whose name matches @pattern, waiting up to @seconds; 0 if none. */
static gulong
find_window (const char *pattern, double seconds)
{
  gint64 end = g_get_monotonic_time () + (gint64) (seconds * G_USEC_PER_SEC);

  do
    {
      g_autofree char *out = xdotool ("search", "--onlyvisible", "--name", pattern, NULL);

      if (out != NULL && *g_strstrip (out) != '\0')
        {
          const char *last = strrchr (out, '\n');

          return strtoul (last ? last + 1 : out, NULL, 10);
        }
      g_usleep (100 * 1000);
    }
  while (g_get_monotonic_time () < end);
  return 0;
}

static GSubprocess *
spawn (GSubprocessLauncher *launcher, const char *first, ...)
{
  g_autoptr (GPtrArray) argv = g_ptr_array_new ();
  g_autoptr (GError) error = NULL;
  GSubprocess *process;
  va_list ap;

  va_start (ap, first);
  for (const char *arg = first; arg != NULL; arg = va_arg (ap, const char *))
    g_ptr_array_add (argv, (gpointer) arg);
  va_end (ap);
  g_ptr_array_add (argv, NULL);
  process = g_subprocess_launcher_spawnv (launcher, (const char *const *) argv->pdata, &error);
  g_assert_no_error (error);
  return process;
}

static void
stop (GSubprocess *process)
{
  if (process == NULL)
    return;
  g_subprocess_force_exit (process);
  g_subprocess_wait (process, NULL, NULL);
}

/* How the tests start the built app: on X11, settings in memory, its
 * corrections store and recent files in @data (a folder thrown away after). */
static GSubprocessLauncher *
app_launcher (const char *data)
{
  GSubprocessLauncher *launcher = g_subprocess_launcher_new (G_SUBPROCESS_FLAGS_NONE);

  g_subprocess_launcher_setenv (launcher, "GDK_BACKEND", "x11", TRUE);
  g_subprocess_launcher_setenv (launcher, "GSETTINGS_BACKEND", "memory", TRUE);
  g_subprocess_launcher_setenv (launcher, "NO_AT_BRIDGE", "1", TRUE);
  g_subprocess_launcher_unsetenv (launcher, "GSETTINGS_SCHEMA_DIR");
  g_subprocess_launcher_setenv (launcher, "CROSSFOOT_DATA_DIR", data, TRUE);
  g_subprocess_launcher_setenv (launcher, "XDG_DATA_HOME", data, TRUE);
  return launcher;
}

/* Presses on the source at (150, 150) and releases over the app's empty page. */
static void
drag_once (void)
{
  g_autoptr (GPtrArray) argv = g_ptr_array_new_with_free_func (g_free);
  g_autofree char *out = NULL;

  g_ptr_array_add (argv, g_strdup ("xdotool"));
#define ADD(...) g_ptr_array_add (argv, g_strdup_printf (__VA_ARGS__))
  ADD ("mousemove");
  ADD ("150");
  ADD ("150");
  ADD ("sleep");
  ADD ("0.3");
  ADD ("mousedown");
  ADD ("1");
  ADD ("sleep");
  ADD ("0.2");
  /* Past the drag threshold first, then across to the app in steps, so
   * both sides see motion (XDND position messages) on the way. */
  for (int i = 1; i <= 30; i++)
    {
      ADD ("mousemove");
      ADD ("%d", 150 + i * 25);
      ADD ("%d", 150 + i * 5);
      ADD ("sleep");
      ADD ("0.05");
    }
  ADD ("sleep");
  ADD ("0.5");
  ADD ("mouseup");
  ADD ("1");
#undef ADD
  g_ptr_array_add (argv, NULL);
  g_spawn_sync (NULL, (char **) argv->pdata, NULL, G_SPAWN_SEARCH_PATH, NULL, NULL,
                &out, NULL, NULL, NULL);
}

/* Starts the app, drags @files onto it from dnd-source and waits for a
 * window titled @title; skips when this display cannot. */
static void
drop_onto_app (const char *const *files, const char *title)
{
  const char *app_path = g_getenv ("CF_APP");
  const char *source_path = g_getenv ("CF_DND_SOURCE");
  g_autofree char *pattern = g_strdup_printf ("^%s$", title);
  g_autoptr (GSubprocessLauncher) launcher = NULL;
  g_autoptr (GSubprocess) app = NULL;
  g_autoptr (GPtrArray) source_argv = g_ptr_array_new ();
  g_autofree char *data = NULL;
  g_autofree char *xdotool_path = g_find_program_in_path ("xdotool");
  gulong opened = 0;

  if (g_getenv ("DISPLAY") == NULL || *g_getenv ("DISPLAY") == '\0')
    {
      g_test_skip ("no X display: run under xvfb-run");
      return;
    }
  if (xdotool_path == NULL)
    {
      g_test_skip ("xdotool is not installed");
      return;
    }
  if (app_path == NULL || source_path == NULL)
    {
      g_test_skip ("CF_APP and CF_DND_SOURCE are not set (run through meson test)");
      return;
    }
  /* Another app window on this display would make the search ambiguous. */
  if (find_window ("Crossfoot$", 0) != 0)
    {
      g_test_skip ("a Crossfoot window is already on this display");
      return;
    }

  data = cf_test_make_tmpdir ();
  launcher = app_launcher (data);
  app = spawn (launcher, app_path, NULL);
  {
    gulong app_window = find_window ("^Crossfoot$", cf_test_time_limit (20));
    g_autofree char *id = g_strdup_printf ("%lu", app_window);
    g_autofree char *out = NULL;

    g_assert_cmpuint (app_window, !=, 0);
    out = xdotool ("windowmove", id, "400", "0", NULL);
  }

  /* The source's own messages are not TAP. */
  g_subprocess_launcher_set_flags (launcher, G_SUBPROCESS_FLAGS_STDOUT_SILENCE);
  g_ptr_array_add (source_argv, (gpointer) source_path);
  for (guint i = 0; files[i] != NULL; i++)
    g_ptr_array_add (source_argv, (gpointer) files[i]);
  g_ptr_array_add (source_argv, NULL);

  /* A drag can be lost if it starts before the windows settle: try again. */
  for (int attempt = 0; attempt < 3 && opened == 0; attempt++)
    {
      g_autoptr (GError) error = NULL;
      g_autoptr (GSubprocess) source = g_subprocess_launcher_spawnv (launcher,
                                                                     (const char *const *) source_argv->pdata,
                                                                     &error);
      gulong source_window;
      g_autofree char *id = NULL;
      g_autofree char *out = NULL;

      g_assert_no_error (error);
      source_window = find_window ("^dnd-source$", cf_test_time_limit (20));
      g_assert_cmpuint (source_window, !=, 0);
      id = g_strdup_printf ("%lu", source_window);
      out = xdotool ("windowmove", id, "0", "0", NULL);
      g_usleep (500 * 1000);
      drag_once ();
      opened = find_window (pattern, cf_test_time_limit (attempt == 2 ? 20 : 8));
      if (opened == 0)
        g_test_message ("attempt %d: the drop opened nothing", attempt + 1);
      stop (source);
    }
  stop (app);
  cf_test_rm_rf (data);
  g_assert_cmpuint (opened, !=, 0);
}

static void
test_drop_file (void)
{
  g_autofree char *report = cf_test_path ("corpus", "text", REPORT, NULL);
  const char *files[] = { report, NULL };

  drop_onto_app (files, REPORT " — Crossfoot");
}

/* Several files dropped at once are audited together in the inbox. */
static void
test_drop_files (void)
{
  g_autofree char *a = cf_test_path ("corpus", "text", REPORT, NULL);
  g_autofree char *b = cf_test_path ("corpus", "html", "shanghai-gov-office-2019.html", NULL);
  const char *files[] = { a, b, NULL };

  drop_onto_app (files, "Inbox — Crossfoot");
}

static void
on_exited (GObject *process, GAsyncResult *result, gpointer data)
{
  *(gboolean *) data = g_subprocess_wait_finish (G_SUBPROCESS (process), result, NULL);
}

/* The app is single-instance: a second launch with a report hands it to the
 * first (over D-Bus) and exits; the first opens it in a window of its own.
 * Both run under an app id of this test's own, so nothing else on the bus
 * takes part. */
static void
test_second_launch (void)
{
  const char *app_path = g_getenv ("CF_APP");
  g_autofree char *report = cf_test_path ("corpus", "text", REPORT, NULL);
  g_autofree char *id_arg = g_strdup_printf ("--gapplication-app-id=io.github.crossfoot.Crossfoot.Test%d",
                                             (int) getpid ());
  g_autofree char *xdotool_path = g_find_program_in_path ("xdotool");
  g_autofree char *data = NULL;
  g_autofree char *first_pid = NULL;
  g_autoptr (GSubprocessLauncher) launcher = NULL;
  g_autoptr (GSubprocess) first = NULL;
  g_autoptr (GSubprocess) second = NULL;
  gboolean second_done = FALSE;
  gint64 end;
  gulong window;

  if (g_getenv ("DISPLAY") == NULL || *g_getenv ("DISPLAY") == '\0' || app_path == NULL
      || xdotool_path == NULL || g_getenv ("DBUS_SESSION_BUS_ADDRESS") == NULL)
    {
      g_test_skip ("needs X, xdotool, a session bus and CF_APP (run through meson test under "
                   "xvfb-run dbus-run-session)");
      return;
    }
  data = cf_test_make_tmpdir ();
  launcher = app_launcher (data);
  first = spawn (launcher, app_path, id_arg, NULL);
  g_assert_cmpuint (find_window ("^Crossfoot$", cf_test_time_limit (20)), !=, 0);
  first_pid = g_strdup (g_subprocess_get_identifier (first));

  second = spawn (launcher, app_path, id_arg, report, NULL);
  g_subprocess_wait_async (second, NULL, on_exited, &second_done);
  end = g_get_monotonic_time () + (gint64) (cf_test_time_limit (20) * G_USEC_PER_SEC);
  while (!second_done && g_get_monotonic_time () < end)
    {
      g_main_context_iteration (NULL, FALSE);
      g_usleep (20 * 1000);
    }
  g_assert_true (second_done);
  g_assert_true (g_subprocess_get_if_exited (second));
  g_assert_cmpint (g_subprocess_get_exit_status (second), ==, 0);

  window = find_window ("^" REPORT " — Crossfoot$", cf_test_time_limit (20));
  g_assert_cmpuint (window, !=, 0);
  {
    g_autofree char *id = g_strdup_printf ("%lu", window);
    g_autofree char *pid = xdotool ("getwindowpid", id, NULL);

    /* The first instance's window (its empty one, now showing the report). */
    g_assert_nonnull (pid);
    g_assert_cmpstr (g_strstrip (pid), ==, first_pid);
  }
  stop (first);
  cf_test_rm_rf (data);
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/dnd/second-launch-opens-in-first", test_second_launch);
  g_test_add_func ("/dnd/drop-file", test_drop_file);
  g_test_add_func ("/dnd/drop-files", test_drop_files);
  return g_test_run ();
}
