/* Tests of the correction layer: stored per document, applied over the
 * extraction, never lost when the process dies. */
#include <signal.h>
#include <sys/wait.h>
#include <string.h>
#include <unistd.h>

#include "cf-test-util.h"

static CfDocument *
make_document (void)
{
  CfDocument *doc = cf_document_new ("r.txt", CF_DOCUMENT_KIND_TEXT);
  g_autoptr (CfTable) t0 = cf_table_new ();
  g_autoptr (CfTable) t1 = cf_table_new ();

  cf_document_set_sha256 (doc, "ab12");
  cf_table_add_cell (t0, 0, 0, 1, 1, "合计", 0, 6);
  cf_table_add_cell (t0, 0, 1, 1, 1, "5", 7, 1);
  cf_table_finish (t0);
  cf_table_add_cell (t1, 0, 0, 1, 1, "x", 10, 1);
  cf_table_add_cell (t1, 1, 2, 1, 1, "17", 12, 2);
  cf_table_finish (t1);
  cf_document_add_table (doc, t0);
  cf_document_add_table (doc, t1);
  return doc;
}

static void
test_store_round_trip (void)
{
  g_autofree char *dir = cf_test_make_tmpdir ();
  g_autofree char *path = g_build_filename (dir, "c.db", NULL);
  g_autoptr (GError) error = NULL;
  g_autoptr (CfDocument) doc = make_document ();
  g_autoptr (GPtrArray) loaded = NULL;
  CfCorrection a = { 1, 1, 2, (char *) "71", (char *) "17" };
  CfCorrection b = { 0, 0, 1, (char *) "6", (char *) "5" };
  guint stale = 99;

  {
    g_autoptr (CfStore) store = cf_store_open (path, &error);
    g_assert_no_error (error);
    g_assert_true (cf_store_save_correction (store, "ab12", &a, &error));
    g_assert_true (cf_store_save_correction (store, "ab12", &b, &error));
    a.text = (char *) "18"; /* a second edit of the same cell replaces the first */
    g_assert_true (cf_store_save_correction (store, "ab12", &a, &error));
    g_assert_true (cf_store_save_correction (store, "other", &b, &error));
    g_assert_no_error (error);
  }
  {
    g_autoptr (CfStore) store = cf_store_open (path, &error);
    g_assert_no_error (error);
    loaded = cf_store_load_corrections (store, "ab12", &error);
    g_assert_no_error (error);
  }
  g_assert_cmpuint (loaded->len, ==, 2);
  g_assert_cmpstr (((CfCorrection *) loaded->pdata[0])->text, ==, "18");
  g_assert_cmpuint (cf_corrections_apply (doc, loaded, &stale), ==, 2);
  g_assert_cmpuint (stale, ==, 0);
  {
    CfTable *t1 = g_ptr_array_index (cf_document_get_tables (doc), 1);
    CfCell *cell = cf_table_get_cell (t1, 1, 2);
    g_assert_cmpstr (cell->text, ==, "18");
    g_assert_cmpstr (cell->original_text, ==, "17");
    g_assert_cmpfloat (cell->number.value, ==, 18);
  }
  cf_test_rm_rf (dir);
}

static void
test_remove_reverts (void)
{
  g_autofree char *dir = cf_test_make_tmpdir ();
  g_autofree char *path = g_build_filename (dir, "c.db", NULL);
  g_autoptr (GError) error = NULL;
  g_autoptr (CfStore) store = cf_store_open (path, &error);
  g_autoptr (GPtrArray) loaded = NULL;
  CfCorrection a = { 0, 0, 1, (char *) "6", (char *) "5" };

  g_assert_no_error (error);
  g_assert_true (cf_store_save_correction (store, "x", &a, &error));
  g_assert_true (cf_store_remove_correction (store, "x", 0, 0, 1, &error));
  loaded = cf_store_load_corrections (store, "x", &error);
  g_assert_no_error (error);
  g_assert_cmpuint (loaded->len, ==, 0);
  cf_test_rm_rf (dir);
}

static void
test_stale_when_document_changed (void)
{
  g_autoptr (CfDocument) doc = make_document ();
  g_autoptr (GPtrArray) list = g_ptr_array_new_with_free_func ((GDestroyNotify) cf_correction_free);
  CfCorrection *c = g_new0 (CfCorrection, 1);
  guint stale = 0;

  c->table_index = 0;
  c->row = 0;
  c->col = 1;
  c->text = g_strdup ("9");
  c->original = g_strdup ("4"); /* the cell now reads 5: the file changed */
  g_ptr_array_add (list, c);
  c = g_new0 (CfCorrection, 1);
  c->table_index = 7; /* no such table */
  c->text = g_strdup ("1");
  g_ptr_array_add (list, c);
  g_assert_cmpuint (cf_corrections_apply (doc, list, &stale), ==, 1);
  g_assert_cmpuint (stale, ==, 2);
}

static void
test_json_round_trip (void)
{
  g_autoptr (CfDocument) doc = make_document ();
  g_autoptr (GPtrArray) from_doc = NULL;
  g_autoptr (GPtrArray) parsed = NULL;
  g_autoptr (GError) error = NULL;
  g_autofree char *json = NULL;
  g_autofree char *sha = NULL;
  CfTable *t0 = g_ptr_array_index (cf_document_get_tables (doc), 0);

  cf_cell_set_text (cf_table_get_cell (t0, 0, 1), "6");
  from_doc = cf_corrections_from_document (doc);
  g_assert_cmpuint (from_doc->len, ==, 1);
  json = cf_corrections_to_json (doc, from_doc);
  g_assert_nonnull (strstr (json, "\"table_id\" : \"table-1\""));
  parsed = cf_corrections_from_json (json, -1, &sha, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (sha, ==, "ab12");
  g_assert_cmpuint (parsed->len, ==, 1);
  g_assert_cmpstr (((CfCorrection *) parsed->pdata[0])->original, ==, "5");

  g_clear_pointer (&parsed, g_ptr_array_unref);
  parsed = cf_corrections_from_json ("{\"nothing\": 1}", -1, NULL, &error);
  g_assert_null (parsed);
  g_assert_error (error, CF_ERROR, CF_ERROR_INVALID);
}

/* A child saves corrections and is killed with SIGKILL straight after: all are on disk. */
static void
test_survives_sigkill (void)
{
  g_autofree char *dir = cf_test_make_tmpdir ();
  g_autofree char *path = g_build_filename (dir, "c.db", NULL);
  g_autoptr (GError) error = NULL;
  g_autoptr (GPtrArray) loaded = NULL;
  pid_t pid;
  int status = 0;

  pid = fork ();
  g_assert_cmpint (pid, >=, 0);
  if (pid == 0)
    {
      CfStore *store = cf_store_open (path, NULL);
      for (int i = 0; i < 50; i++)
        {
          g_autofree char *text = g_strdup_printf ("%d", i);
          CfCorrection c = { 0, i, 1, text, NULL };
          cf_store_save_correction (store, "kill", &c, NULL);
        }
      raise (SIGKILL);
      _exit (0);
    }
  g_assert_cmpint (waitpid (pid, &status, 0), ==, pid);
  g_assert_true (WIFSIGNALED (status));
  {
    g_autoptr (CfStore) store = cf_store_open (path, &error);
    g_assert_no_error (error);
    loaded = cf_store_load_corrections (store, "kill", &error);
    g_assert_no_error (error);
  }
  g_assert_cmpuint (loaded->len, ==, 50);
  g_assert_cmpstr (((CfCorrection *) loaded->pdata[49])->text, ==, "49");
  cf_test_rm_rf (dir);
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/corrections/store-round-trip", test_store_round_trip);
  g_test_add_func ("/corrections/remove-reverts", test_remove_reverts);
  g_test_add_func ("/corrections/stale-when-document-changed", test_stale_when_document_changed);
  g_test_add_func ("/corrections/json-round-trip", test_json_round_trip);
  g_test_add_func ("/corrections/survives-sigkill", test_survives_sigkill);
  return g_test_run ();
}
