/* test-store-space.c: the data folder full or read-only (issue #20, points
 * 2 and 4), on a real file system: a tiny tmpfs mounted in a private mount
 * namespace (the test runs itself again under `unshare -m`). Where that is
 * not allowed (no privilege), the tests are skipped. */
#include <string.h>
#include <sys/wait.h>

#include "cf-test-util.h"

static char *mount_dir;

static gboolean
run_sh (const char *script)
{
  const char *argv[] = { "/bin/sh", "-c", script, NULL };
  int status = 0;

  return g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_STDOUT_TO_DEV_NULL
                       | G_SPAWN_STDERR_TO_DEV_NULL, NULL, NULL, NULL, NULL, &status, NULL)
         && WIFEXITED (status) && WEXITSTATUS (status) == 0;
}

/* (Re)mounts a tmpfs on the scratch folder with @options. */
static gboolean
mount_tmpfs (const char *options, gboolean remount)
{
  g_autofree char *script = g_strdup_printf ("mount -t tmpfs -o %s%s tmpfs '%s'",
                                             remount ? "remount," : "", options, mount_dir);

  return run_sh (script);
}

static void unmount (void);

static CfDocument *
make_document (void)
{
  CfDocument *doc = cf_document_new ("space.txt", CF_DOCUMENT_KIND_TEXT);
  g_autoptr (CfTable) table = cf_table_new ();

  cf_document_set_sha256 (doc, "space");
  for (int r = 0; r < 200; r++)
    cf_table_add_cell (table, r, 0, 1, 1, "0", 0, 0);
  cf_table_finish (table);
  cf_document_add_table (doc, table);
  return doc;
}

static void
on_save_failed (CfEditHistory *history, const char *message, guint *n_failed)
{
  (*n_failed)++;
}

/* The disk fills: the failing save is said (signal and error), the edits
 * stay in memory, and they are all saved once there is room again. */
static void
test_full_disk (void)
{
  g_autofree char *path = g_build_filename (mount_dir, "corrections.db", NULL);
  g_autoptr (GError) error = NULL;
  g_autoptr (CfDocument) doc = make_document ();
  g_autoptr (CfStore) store = NULL;
  g_autoptr (CfEditHistory) history = NULL;
  guint n_failed = 0, n_edits = 0;
  int first_failure = -1;

  g_assert_true (mount_tmpfs ("size=256k", FALSE));
  store = cf_store_open (path, &error);
  g_assert_no_error (error);
  history = cf_edit_history_new (doc, store);
  g_assert_true (cf_edit_history_restore (history, NULL, &error));
  g_signal_connect (history, "save-failed", G_CALLBACK (on_save_failed), &n_failed);
  for (int r = 0; r < 200; r++)
    {
      g_autofree char *text = g_strnfill (1500, (char) ('a' + r % 26));
      g_autoptr (GError) save_error = NULL;

      if (!cf_edit_history_set_text (history, 0, r, 0, text, &save_error))
        {
          g_assert_nonnull (save_error);
          if (first_failure < 0)
            first_failure = r;
        }
      cf_edit_history_seal (history);
      n_edits++;
    }
  g_test_message ("first failed save at edit %d, %u failures", first_failure, n_failed);
  g_assert_cmpint (first_failure, >, 0);
  g_assert_cmpuint (n_failed, >, 0);
  g_assert_true (cf_edit_history_has_unsaved (history));
  /* Every edit is still in the document. */
  for (int r = 0; r < 200; r++)
    g_assert_cmpint (cf_test_cell_text (g_ptr_array_index (cf_document_get_tables (doc), 0), r, 0)[0],
                     ==, 'a' + r % 26);

  /* Room again: one retry saves them all. */
  g_assert_true (mount_tmpfs ("size=16m", TRUE));
  g_assert_true (cf_edit_history_save_pending (history, &error));
  g_assert_no_error (error);
  g_assert_false (cf_edit_history_has_unsaved (history));
  {
    g_autoptr (CfDocument) reopened = make_document ();
    g_autoptr (CfStore) again = cf_store_open (path, &error);

    g_assert_no_error (error);
    g_assert_true (cf_store_restore (again, reopened, NULL, &error));
    for (int r = 0; r < 200; r++)
      g_assert_cmpuint (strlen (cf_test_cell_text (g_ptr_array_index (cf_document_get_tables (reopened), 0), r, 0)),
                        ==, 1500);
  }
  g_clear_object (&history);
  g_clear_object (&store);
  unmount ();
}

/* A read-only data folder: the saved corrections are read and shown, the
 * session says new edits cannot be saved, an edit stays in memory. */
static void
test_read_only_folder (void)
{
  g_autofree char *path = g_build_filename (mount_dir, "corrections.db", NULL);
  g_autoptr (GError) error = NULL;
  g_autoptr (CfDocument) doc = make_document ();
  g_autoptr (CfPipeline) pipeline = NULL;
  g_autoptr (CfCorrectionSession) session = NULL;
  CfCorrection c = { 0, 3, 0, (char *) "saved before", (char *) "0" };
  CfTable *table;

  g_assert_true (mount_tmpfs ("size=16m", FALSE));
  {
    g_autoptr (CfStore) store = cf_store_open (path, &error);

    g_assert_no_error (error);
    g_assert_true (cf_store_save_correction (store, "space", &c, &error));
  }
  g_assert_true (mount_tmpfs ("ro", TRUE));
  g_setenv ("CROSSFOOT_DATA_DIR", mount_dir, TRUE);

  pipeline = cf_pipeline_new (CF_PIPELINE_SAVE_WORK);
  session = cf_pipeline_prepare (pipeline, doc);
  table = g_ptr_array_index (cf_document_get_tables (doc), 0);
  g_assert_cmpstr (cf_test_cell_text (table, 3, 0), ==, "saved before");
  g_assert_nonnull (cf_correction_session_get_store (session));
  g_assert_nonnull (cf_correction_session_get_store_error (session));
  g_test_message ("%s", cf_correction_session_get_store_error (session)->message);
  g_assert_nonnull (strstr (cf_correction_session_get_store_error (session)->message,
                            "cannot be saved"));
  g_assert_nonnull (strstr (cf_correction_session_get_store_error (session)->message,
                            mount_dir));
  g_assert_false (cf_edit_history_set_text (cf_correction_session_get_history (session), 0, 5, 0,
                                            "new", &error));
  g_assert_nonnull (error);
  g_assert_cmpstr (cf_test_cell_text (table, 5, 0), ==, "new");
  g_unsetenv ("CROSSFOOT_DATA_DIR");
  g_clear_object (&session);
  g_clear_object (&pipeline);
  unmount ();
}

static void
skip_without_mounts (void)
{
  g_test_skip ("mounting a tmpfs in a private mount namespace is not allowed here");
}

static void
unmount (void)
{
  g_autofree char *script = g_strdup_printf ("umount '%s'", mount_dir);

  run_sh (script);
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, NULL);
  if (g_getenv ("CF_TEST_IN_NAMESPACE") == NULL)
    {
      /* Again in a mount namespace of its own: nothing it mounts is seen
       * outside. Without the privilege, the tests report skipped. */
      g_autoptr (GPtrArray) args = g_ptr_array_new ();
      int status = 0;

      g_setenv ("CF_TEST_IN_NAMESPACE", "1", TRUE);
      g_ptr_array_add (args, (char *) "unshare");
      g_ptr_array_add (args, (char *) "-m");
      g_ptr_array_add (args, (char *) "--propagation");
      g_ptr_array_add (args, (char *) "private");
      for (int i = 0; i < argc; i++)
        g_ptr_array_add (args, argv[i]);
      g_ptr_array_add (args, NULL);
      if (run_sh ("unshare -m --propagation private true")
          && g_spawn_sync (NULL, (char **) args->pdata, NULL,
                           G_SPAWN_SEARCH_PATH | G_SPAWN_CHILD_INHERITS_STDIN, NULL, NULL, NULL,
                           NULL, &status, NULL))
        return WIFEXITED (status) ? WEXITSTATUS (status) : 1;
      g_unsetenv ("CF_TEST_IN_NAMESPACE");
    }
  mount_dir = cf_test_make_tmpdir ();
  if (g_getenv ("CF_TEST_IN_NAMESPACE") != NULL && mount_tmpfs ("size=64k", FALSE))
    {
      unmount ();
      g_test_add_func ("/store-space/full-disk", test_full_disk);
      g_test_add_func ("/store-space/read-only-folder", test_read_only_folder);
    }
  else
    g_test_add_func ("/store-space/skipped", skip_without_mounts);
  return g_test_run ();
}
