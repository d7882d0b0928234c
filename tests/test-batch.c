/* test-batch.c: a folder of reports audited in the background (CfBatch) */
#include <glib/gstdio.h>
#include <string.h>

#include "cf-test-util.h"
#include "cf-batch.h"

/* A folder with the corpus: text reports at the top, HTML ones in html/ (one
 * level down), a binary file posing as a report, files that are no reports,
 * and a report two levels down (not taken). */
static char *
make_corpus_folder (void)
{
  char *dir = cf_test_make_tmpdir ();
  g_autofree char *html = g_build_filename (dir, "html", NULL);
  g_autofree char *deep = g_build_filename (dir, "html", "old", NULL);
  g_autofree char *broken = g_build_filename (dir, "broken.txt", NULL);
  g_autofree char *image = g_build_filename (dir, "cover.png", NULL);
  g_autofree char *csv = g_build_filename (dir, "cells.csv", NULL);
  static const guint8 binary[] = { 0x00, 0x01, 0x02, 0xff, 0xfe, 0x00, 0x7f, 0x80, 0x00, 0x00,
                                   0x13, 0x37, 0x00, 0x42, 0x00, 0x00, 0xde, 0xad, 0xbe, 0xef };

  g_assert_cmpint (g_mkdir_with_parents (deep, 0700), ==, 0);
  cf_test_copy_corpus (dir, html);
  {
    g_autofree char *from = cf_test_path ("corpus", "text", "danfeng-psb-2020.txt", NULL);
    g_autofree char *to = g_build_filename (deep, "danfeng-psb-2019.txt", NULL);
    cf_test_copy_file (from, to);
  }
  g_assert_true (g_file_set_contents (broken, (const char *) binary, sizeof binary, NULL));
  g_assert_true (g_file_set_contents (image, "\x89PNG\r\n\x1a\n", 8, NULL));
  g_assert_true (g_file_set_contents (csv, "a,b\r\n1,2\r\n", -1, NULL));
  return dir;
}

static char *
corpus_copy_path (const char *dir, gsize i)
{
  if (g_str_equal (cf_test_corpus[i].sub, "html"))
    return g_build_filename (dir, "html", cf_test_corpus[i].name, NULL);
  return g_build_filename (dir, cf_test_corpus[i].name, NULL);
}

typedef struct
{
  GMainLoop *loop;
  guint      n_done;
  guint      n_finished;
  guint      last_processed;
  guint      last_total;
  gboolean   saw_running;
} Watch;

static void
on_document_done (CfBatch *batch, CfBatchEntry *entry, Watch *watch)
{
  CfBatchState state = cf_batch_entry_get_state (entry);

  g_assert_true (state == CF_BATCH_STATE_DONE || state == CF_BATCH_STATE_FAILED);
  watch->n_done++;
}

static void
on_progress (CfBatch *batch, guint processed, guint total, Watch *watch)
{
  g_assert_cmpuint (processed, <=, total);
  watch->last_processed = processed;
  watch->last_total = total;
}

static void
on_finished (CfBatch *batch, Watch *watch)
{
  watch->n_finished++;
  g_main_loop_quit (watch->loop);
}

static void
on_items_changed (GListModel *model, guint position, guint removed, guint added, Watch *watch)
{
  for (guint i = position; i < position + added; i++)
    {
      g_autoptr (CfBatchEntry) entry = g_list_model_get_item (model, i);

      if (cf_batch_entry_get_state (entry) == CF_BATCH_STATE_RUNNING)
        watch->saw_running = TRUE;
    }
}

static void
on_state_notify (CfBatchEntry *entry, GParamSpec *pspec, Watch *watch)
{
  if (cf_batch_entry_get_state (entry) == CF_BATCH_STATE_RUNNING)
    watch->saw_running = TRUE;
}

static gboolean
on_timeout (gpointer data)
{
  g_assert_not_reached ();
  return G_SOURCE_REMOVE;
}

static void
watch_batch (CfBatch *batch, Watch *watch)
{
  memset (watch, 0, sizeof *watch);
  watch->loop = g_main_loop_new (NULL, FALSE);
  g_signal_connect (batch, "document-done", G_CALLBACK (on_document_done), watch);
  g_signal_connect (batch, "progress", G_CALLBACK (on_progress), watch);
  g_signal_connect (batch, "finished", G_CALLBACK (on_finished), watch);
  g_signal_connect (cf_batch_get_model (batch), "items-changed", G_CALLBACK (on_items_changed),
                    watch);
}

/* Runs the main loop until the batch says it finished (a minute at most). */
static void
run_until_finished (Watch *watch)
{
  guint timeout = g_timeout_add_seconds (120, on_timeout, NULL);

  g_main_loop_run (watch->loop);
  g_source_remove (timeout);
}

static CfBatchEntry *
find_entry (CfBatch *batch, const char *name)
{
  GListModel *model = cf_batch_get_model (batch);

  for (guint i = 0; i < g_list_model_get_n_items (model); i++)
    {
      g_autoptr (CfBatchEntry) entry = g_list_model_get_item (model, i);

      if (g_str_equal (cf_batch_entry_get_name (entry), name))
        return entry; /* the model keeps it alive */
    }
  return NULL;
}

static char *
read_text (const char *path)
{
  char *text = NULL;
  g_autoptr (GError) error = NULL;

  g_assert_true (g_file_get_contents (path, &text, NULL, &error));
  g_assert_no_error (error);
  return text;
}

static guint
count_occurrences (const char *haystack, const char *needle)
{
  guint n = 0;

  for (const char *p = strstr (haystack, needle); p != NULL; p = strstr (p + 1, needle))
    n++;
  return n;
}

static void
test_batch_folder (void)
{
  g_autofree char *dir = make_corpus_folder ();
  g_autoptr (CfBatch) batch = cf_batch_new ();
  g_autoptr (GError) error = NULL;
  g_autoptr (GString) expected_long = g_string_new (NULL);
  g_autoptr (GString) expected_findings = g_string_new (NULL);
  g_autofree char *long_path = g_build_filename (dir, "out-long.csv", NULL);
  g_autofree char *findings_path = g_build_filename (dir, "out-findings.csv", NULL);
  g_autofree char *long_csv = NULL;
  g_autofree char *findings_csv = NULL;
  GListModel *model = cf_batch_get_model (batch);
  CfBatchEntry *broken;
  Watch watch;
  int n_added;

  watch_batch (batch, &watch);
  n_added = cf_batch_add_folder (batch, dir, &error);
  g_assert_no_error (error);
  /* The 7 reports and the binary file; not the PNG, the CSV or html/old/. */
  g_assert_cmpint (n_added, ==, G_N_ELEMENTS (cf_test_corpus) + 1);
  g_assert_cmpuint (g_list_model_get_n_items (model), ==, G_N_ELEMENTS (cf_test_corpus) + 1);
  g_assert_null (find_entry (batch, "cover.png"));
  g_assert_null (find_entry (batch, "cells.csv"));
  g_assert_null (find_entry (batch, "danfeng-psb-2019.txt"));
  g_assert_true (cf_batch_is_running (batch));
  for (guint i = 0; i < g_list_model_get_n_items (model); i++)
    {
      g_autoptr (CfBatchEntry) entry = g_list_model_get_item (model, i);

      g_signal_connect (entry, "notify::state", G_CALLBACK (on_state_notify), &watch);
    }

  /* Adding a file twice queues it once. */
  {
    g_autofree char *again = corpus_copy_path (dir, 0);
    g_assert_null (cf_batch_add_file (batch, again));
  }

  run_until_finished (&watch);
  g_assert_false (cf_batch_is_running (batch));
  g_assert_cmpuint (watch.n_finished, ==, 1);
  g_assert_cmpuint (watch.n_done, ==, G_N_ELEMENTS (cf_test_corpus) + 1);
  g_assert_cmpuint (watch.last_processed, ==, G_N_ELEMENTS (cf_test_corpus) + 1);
  g_assert_cmpuint (watch.last_total, ==, G_N_ELEMENTS (cf_test_corpus) + 1);
  g_assert_cmpuint (cf_batch_get_n_processed (batch), ==, cf_batch_get_n_total (batch));
  g_assert_true (watch.saw_running);

  /* Each report as the batch saw it is what a direct load and audit gives. */
  cf_csv_append_long_in_batch (expected_long, NULL, NULL, NULL, TRUE);
  cf_csv_append_findings_in_batch (expected_findings, NULL, NULL, NULL, TRUE);
  for (guint i = 0; i < g_list_model_get_n_items (model); i++)
    {
      g_autoptr (CfBatchEntry) entry = g_list_model_get_item (model, i);
      g_autoptr (CfDocument) direct = NULL;

      if (g_str_equal (cf_batch_entry_get_name (entry), "broken.txt"))
        continue;
      direct = cf_loader_load_file (cf_batch_entry_get_path (entry), NULL, NULL, &error);
      g_assert_no_error (error);
      cf_audit_document (direct, NULL);

      g_test_message ("%s: form %s, %u errors, %u warnings", cf_batch_entry_get_name (entry),
                      cf_batch_entry_get_form (entry), cf_batch_entry_get_n_errors (entry),
                      cf_batch_entry_get_n_warnings (entry));
      g_assert_cmpint (cf_batch_entry_get_state (entry), ==, CF_BATCH_STATE_DONE);
      g_assert_null (cf_batch_entry_get_error (entry));
      g_assert_nonnull (cf_batch_entry_get_document (entry));
      g_assert_cmpstr (cf_batch_entry_get_form (entry), ==, cf_document_get_form (direct));
      g_assert_cmpuint (cf_batch_entry_get_n_errors (entry), ==,
                        cf_document_count_findings (direct, CF_SEVERITY_ERROR));
      g_assert_cmpuint (cf_batch_entry_get_n_open_errors (entry), ==,
                        cf_batch_entry_get_n_errors (entry));
      g_assert_cmpuint (cf_batch_entry_get_n_warnings (entry), ==,
                        cf_document_count_findings (direct, CF_SEVERITY_WARNING));
      g_assert_cmpuint (cf_batch_entry_get_n_infos (entry), ==,
                        cf_document_count_findings (direct, CF_SEVERITY_INFO));
      if (cf_document_get_form (direct) != NULL)
        cf_csv_append_long_in_batch (expected_long, direct, NULL, dir, FALSE);
      /* Nothing is saved: no accepted finding, no correction. */
      g_assert_cmpuint (cf_batch_entry_get_n_accepted (entry), ==, 0);
      g_assert_cmpuint (cf_batch_entry_get_n_restored (entry), ==, 0);
      g_assert_cmpuint (cf_batch_entry_get_n_tables_reviewed (entry), ==, 0);
      g_assert_cmpuint (cf_batch_entry_get_n_tables (entry), ==,
                        cf_document_get_tables (direct)->len);
      g_assert_cmpuint (cf_batch_entry_get_n_open_warnings (entry), ==,
                        cf_batch_entry_get_n_warnings (entry));
      cf_csv_append_findings_in_batch (expected_findings, direct, NULL, dir, FALSE);
    }

  /* Known figures of the corpus, so that a batch and a direct audit that are
   * wrong in the same way still fail: Shenzhen's prose has an error. */
  g_assert_cmpuint (cf_batch_entry_get_n_errors (find_entry (batch, "shenzhen-psb-2020.txt")),
                    >=, 1);
  g_assert_cmpstr (cf_batch_entry_get_form (find_entry (batch, "zibo-gaoxin-psb-2022.txt")), ==,
                   "gip-2021");
  g_assert_cmpstr (cf_batch_entry_get_form (find_entry (batch, "shanghai-gov-office-2019.html")),
                   ==, "gip-2019");
  g_assert_null (cf_batch_entry_get_form (find_entry (batch, "zhaotong-psb-2016.txt")));

  /* The binary file failed, and says which file it was. */
  broken = find_entry (batch, "broken.txt");
  g_assert_nonnull (broken);
  g_assert_cmpint (cf_batch_entry_get_state (broken), ==, CF_BATCH_STATE_FAILED);
  g_assert_null (cf_batch_entry_get_document (broken));
  g_assert_nonnull (cf_batch_entry_get_error (broken));
  g_assert_true (g_str_has_prefix (cf_batch_entry_get_error (broken)->message, "broken.txt: "));

  /* The batch exports: one header, then every recognised document's cells. */
  g_assert_true (cf_batch_write_long_csv (batch, long_path, &error));
  g_assert_no_error (error);
  long_csv = read_text (long_path);
  /* The spec's eight columns, the analyst's trail, then the cell's row and
   * column named in the report's language. */
  g_assert_true (g_str_has_prefix (long_csv, "document,form,table,row,column,text,value,unit,"
                                             "table_title,extracted,corrected,findings,"
                                             "row_label,column_label\r\n"));
  g_assert_cmpuint (count_occurrences (long_csv, "document,form,table,"), ==, 1);
  g_assert_cmpstr (long_csv, ==, expected_long->str);
  for (gsize i = 0; i < G_N_ELEMENTS (cf_test_corpus); i++)
    {
      g_autofree char *path = corpus_copy_path (dir, i);
      g_autoptr (CfDocument) doc = cf_test_load_corpus (cf_test_corpus[i].sub,
                                                         cf_test_corpus[i].name);
      g_autoptr (GString) rows = g_string_new (NULL);

      cf_audit_document (doc, NULL);
      cf_csv_append_long (rows, doc, FALSE);
      /* A recognised document with canonical cells has rows; others none;
       * named by their path under the batch's folder ("html/…"). */
      g_autofree char *relative = g_strconcat ("\r\n", path + strlen (dir) + 1, ",", NULL);

      if (rows->len > 0)
        g_assert_nonnull (strstr (long_csv, relative));
      else
        g_assert_null (strstr (long_csv, relative));
      g_assert_null (strstr (long_csv, path));
    }
  g_assert_nonnull (strstr (long_csv, "\r\nzibo-gaoxin-psb-2022.txt,gip-2021,"));
  g_assert_nonnull (strstr (long_csv, "\r\nhtml/shanghai-gov-office-2019.html,gip-2019,"));
  /* Rows and columns as the report prints them (Simplified here). */
  g_assert_nonnull (strstr (long_csv, ",本年新收政府信息公开申请数量,自然人\r\n"));

  g_assert_true (cf_batch_write_findings_csv (batch, findings_path, &error));
  g_assert_no_error (error);
  findings_csv = read_text (findings_path);
  g_assert_true (g_str_has_prefix (findings_csv, "document,severity,rule,"));
  g_assert_cmpuint (count_occurrences (findings_csv, "document,severity,rule,"), ==, 1);
  g_assert_cmpstr (findings_csv, ==, expected_findings->str);
  g_assert_nonnull (strstr (findings_csv, "shenzhen-psb-2020.txt,error,"));

  /* An unwritable place is an error, not a crash. */
  {
    g_autofree char *bad = g_build_filename (dir, "no-such-folder", "x.csv", NULL);

    g_assert_false (cf_batch_write_long_csv (batch, bad, &error));
    g_assert_nonnull (error);
    g_clear_error (&error);
  }

  g_main_loop_unref (watch.loop);
  cf_test_rm_rf (dir);
}

static void
test_batch_missing_folder (void)
{
  g_autoptr (CfBatch) batch = cf_batch_new ();
  g_autoptr (GError) error = NULL;

  g_assert_cmpint (cf_batch_add_folder (batch, "/nonexistent/crossfoot-batch", &error), ==, -1);
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND);
  g_assert_cmpuint (cf_batch_get_n_total (batch), ==, 0);
  g_assert_false (cf_batch_is_running (batch));
}

/* Many copies, cancelled at once: what had not started fails as cancelled,
 * every entry is accounted for, "finished" comes; later files run anew. */
static void
test_batch_cancel (void)
{
  g_autofree char *dir = cf_test_make_tmpdir ();
  g_autofree char *source = cf_test_path ("corpus", "text", "shizuishan-psb-2020.txt", NULL);
  g_autoptr (CfBatch) batch = cf_batch_new ();
  g_autoptr (GError) error = NULL;
  GListModel *model = cf_batch_get_model (batch);
  guint n_cancelled = 0;
  const guint n_copies = 60;
  Watch watch;

  for (guint i = 0; i < n_copies; i++)
    {
      g_autofree char *name = g_strdup_printf ("report-%03u.txt", i);
      g_autofree char *path = g_build_filename (dir, name, NULL);

      cf_test_copy_file (source, path);
    }

  watch_batch (batch, &watch);
  g_assert_cmpint (cf_batch_add_folder (batch, dir, &error), ==, n_copies);
  g_assert_no_error (error);
  cf_batch_cancel (batch);
  run_until_finished (&watch);

  g_assert_cmpuint (watch.n_finished, ==, 1);
  g_assert_cmpuint (cf_batch_get_n_processed (batch), ==, n_copies);
  for (guint i = 0; i < n_copies; i++)
    {
      g_autoptr (CfBatchEntry) entry = g_list_model_get_item (model, i);
      const GError *entry_error = cf_batch_entry_get_error (entry);

      if (cf_batch_entry_get_state (entry) == CF_BATCH_STATE_DONE)
        continue;
      g_assert_cmpint (cf_batch_entry_get_state (entry), ==, CF_BATCH_STATE_FAILED);
      g_assert_error (entry_error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
      g_assert_true (g_str_has_prefix (entry_error->message, cf_batch_entry_get_name (entry)));
      n_cancelled++;
    }
  /* Only what the two workers took before the cancel (a few small files) ran. */
  g_assert_cmpuint (n_cancelled, >=, n_copies / 2);

  /* A file added after the cancelled run is audited. */
  {
    g_autofree char *late = g_build_filename (dir, "late.txt", NULL);
    CfBatchEntry *entry;

    cf_test_copy_file (source, late);
    entry = cf_batch_add_file (batch, late);
    g_assert_nonnull (entry);
    g_assert_true (cf_batch_is_running (batch));
    run_until_finished (&watch);
    g_assert_cmpuint (watch.n_finished, ==, 2);
    g_assert_cmpint (cf_batch_entry_get_state (entry), ==, CF_BATCH_STATE_DONE);
    g_assert_cmpstr (cf_batch_entry_get_form (entry), ==, "gip-2019");
    g_assert_cmpuint (cf_batch_get_n_processed (batch), ==, n_copies + 1);
  }

  g_main_loop_unref (watch.loop);
  cf_test_rm_rf (dir);
}

/* Dropping the batch while it works neither crashes nor hangs: the jobs keep
 * it until their results are delivered, then it goes. */
static void
test_batch_dropped_while_running (void)
{
  g_autofree char *dir = make_corpus_folder ();
  CfBatch *batch = cf_batch_new ();
  GListModel *model = NULL;
  gint64 end = g_get_monotonic_time () + 120 * G_USEC_PER_SEC;

  g_assert_cmpint (cf_batch_add_folder (batch, dir, NULL), >, 0);
  model = g_object_ref (cf_batch_get_model (batch));
  g_object_add_weak_pointer (G_OBJECT (batch), (gpointer *) &batch);
  g_object_unref (batch);
  while (batch != NULL)
    {
      g_assert_cmpint (g_get_monotonic_time (), <, end);
      g_main_context_iteration (NULL, TRUE);
    }
  /* The model outlives it, with every result in. */
  for (guint i = 0; i < g_list_model_get_n_items (model); i++)
    {
      g_autoptr (CfBatchEntry) entry = g_list_model_get_item (model, i);

      g_assert_cmpint (cf_batch_entry_get_state (entry), >=, CF_BATCH_STATE_DONE);
    }
  g_object_unref (model);
  cf_test_rm_rf (dir);
}

static guint
count_rule (CfDocument *doc, const char *rule)
{
  GPtrArray *findings = cf_document_get_findings (doc);
  guint n = 0;

  for (guint i = 0; i < findings->len; i++)
    n += g_strcmp0 (((CfFinding *) g_ptr_array_index (findings, i))->rule, rule) == 0;
  return n;
}

/* The rules across years run when a run finishes, over every document of the
 * batch, and running them again (files added later) adds no duplicates. */
static void
test_batch_rules_across_years (void)
{
  g_autofree char *dir = cf_test_make_tmpdir ();
  g_autofree char *source = cf_test_path ("corpus", "html", "city-2025-placeholder-headers.html", NULL);
  g_autofree char *before_path = g_build_filename (dir, "city-2024.html", NULL);
  g_autofree char *after_path = g_build_filename (dir, "city-2025.html", NULL);
  g_autofree char *late_path = g_build_filename (dir, "late.html", NULL);
  g_autoptr (CfBatch) batch = cf_batch_new ();
  CfBatchEntry *before, *after;
  guint errors_alone;
  Watch watch;

  cf_test_copy_file (source, before_path);
  cf_test_copy_file (source, after_path);
  cf_test_copy_file (source, late_path);
  watch_batch (batch, &watch);
  before = cf_batch_add_file (batch, before_path);
  after = cf_batch_add_file (batch, after_path);
  run_until_finished (&watch);
  errors_alone = cf_batch_entry_get_n_errors (after);
  g_assert_cmpuint (count_rule (cf_batch_entry_get_document (after), "requests.carry"), ==, 0);

  /* The same issuing body, consecutive years (as test-audit's batch test). */
  cf_document_set_report_meta (cf_batch_entry_get_document (before), "某市人民政府", 2024);
  cf_document_set_report_meta (cf_batch_entry_get_document (after), "某市人民政府", 2025);

  g_assert_nonnull (cf_batch_add_file (batch, late_path));
  run_until_finished (&watch);
  g_assert_cmpuint (count_rule (cf_batch_entry_get_document (after), "requests.carry"), >=, 1);
  g_assert_cmpuint (count_rule (cf_batch_entry_get_document (before), "requests.carry"), ==, 0);
  /* The entry's counts follow the findings the rules added. */
  g_assert_cmpuint (cf_batch_entry_get_n_errors (after), >, errors_alone);
  g_assert_cmpuint (cf_batch_entry_get_n_errors (after), ==,
                    cf_document_count_findings (cf_batch_entry_get_document (after),
                                                CF_SEVERITY_ERROR));

  /* Another run: the same findings, not twice as many. */
  {
    guint carry = count_rule (cf_batch_entry_get_document (after), "requests.carry");
    guint errors = cf_batch_entry_get_n_errors (after);
    g_autofree char *later = g_build_filename (dir, "later.html", NULL);

    cf_test_copy_file (source, later);
    g_assert_nonnull (cf_batch_add_file (batch, later));
    run_until_finished (&watch);
    g_assert_cmpuint (count_rule (cf_batch_entry_get_document (after), "requests.carry"), ==, carry);
    g_assert_cmpuint (cf_batch_entry_get_n_errors (after), ==, errors);
  }

  g_main_loop_unref (watch.loop);
  cf_test_rm_rf (dir);
}

static const CfFinding *
first_finding (CfDocument *doc, CfSeverity severity)
{
  GPtrArray *findings = cf_document_get_findings (doc);

  for (guint i = 0; i < findings->len; i++)
    if (((CfFinding *) g_ptr_array_index (findings, i))->severity == severity)
      return g_ptr_array_index (findings, i);
  g_assert_not_reached ();
  return NULL;
}

static CfDocument *
load_audited (const char *path)
{
  g_autoptr (GError) error = NULL;
  CfDocument *doc = cf_loader_load_file (path, NULL, NULL, &error);

  g_assert_no_error (error);
  cf_audit_document (doc, NULL);
  return doc;
}

static void
on_count_notify (CfBatchEntry *entry, GParamSpec *pspec, guint *n)
{
  (*n)++;
}

/* What the app saved (corrections, accepted findings, reviewed tables) is
 * applied before the counts: a saved correction fixes an error, an accepted
 * error is not open, the state counts reviewed tables, and the exports carry
 * the corrected value and the verdict. */
static void
test_batch_saved_work (void)
{
  g_autofree char *dir = cf_test_make_tmpdir ();
  g_autofree char *data_dir = g_build_filename (dir, "data", NULL);
  g_autofree char *reports = g_build_filename (dir, "reports", NULL);
  g_autofree char *zibo = cf_test_path ("corpus", "text", "zibo-gaoxin-psb-2022.txt", NULL);
  g_autofree char *shenzhen = cf_test_path ("corpus", "text", "shenzhen-psb-2020.txt", NULL);
  g_autofree char *shanghai = cf_test_path ("corpus", "html", "shanghai-gov-office-2019.html", NULL);
  g_autofree char *altered_path = g_build_filename (reports, "zibo-altered.txt", NULL);
  g_autofree char *zibo_path = g_build_filename (reports, "zibo-gaoxin-psb-2022.txt", NULL);
  g_autofree char *shenzhen_path = g_build_filename (reports, "shenzhen-psb-2020.txt", NULL);
  g_autofree char *shanghai_path = g_build_filename (reports, "shanghai-gov-office-2019.html", NULL);
  g_autofree char *long_path = g_build_filename (dir, "long.csv", NULL);
  g_autofree char *findings_path = g_build_filename (dir, "findings.csv", NULL);
  g_autofree char *old_data_dir = g_strdup (g_getenv ("CROSSFOOT_DATA_DIR"));
  g_autofree char *long_csv = NULL;
  g_autofree char *findings_csv = NULL;
  g_autoptr (CfStore) store = NULL;
  g_autoptr (CfBatch) batch = cf_batch_new ();
  g_autoptr (GError) error = NULL;
  CfBatchEntry *altered_entry, *zibo_entry, *shenzhen_entry, *shanghai_entry;
  guint requests_index = 0, altered_errors;
  Watch watch;

  /* A database of this test's own: other tests read the same reports. */
  g_setenv ("CROSSFOOT_DATA_DIR", data_dir, TRUE);
  g_assert_cmpint (g_mkdir_with_parents (reports, 0700), ==, 0);
  cf_test_copy_file (zibo, zibo_path);
  cf_test_copy_file (shenzhen, shenzhen_path);
  cf_test_copy_file (shanghai, shanghai_path);

  /* A copy of Zibo whose new requests total says 9 instead of 4: errors. */
  {
    g_autoptr (CfDocument) original = load_audited (zibo_path);
    CfTable *requests = cf_test_table_by_id (original, "requests", &requests_index);
    const CfCell *total = cf_table_find_by_keys (requests, "new", "total");
    g_autofree char *text = g_strdup (cf_document_get_text (original, NULL));

    g_assert_nonnull (total);
    g_assert_cmpstr (total->text, ==, "4");
    g_assert_cmpint (total->offset, >, 0);
    g_assert_cmpint (total->length, ==, 1);
    text[total->offset] = '9';
    g_assert_true (g_file_set_contents (altered_path, text, -1, NULL));
  }

  store = cf_store_open (NULL, &error);
  g_assert_no_error (error);
  {
    g_autoptr (CfDocument) altered = load_audited (altered_path);
    CfTable *requests = cf_test_table_by_id (altered, "requests", &requests_index);
    const CfCell *total = cf_table_find_by_keys (requests, "new", "total");
    CfCorrection fix = { requests_index, total->row, total->col, (char *) "4", (char *) "9" };

    altered_errors = cf_document_count_findings (altered, CF_SEVERITY_ERROR);
    g_assert_cmpuint (altered_errors, >=, 1);
    g_assert_true (cf_store_save_correction (store, cf_document_get_sha256 (altered), &fix,
                                             &error));
    g_assert_no_error (error);
  }
  /* Shenzhen's prose error is accepted as published (it has no tables). */
  {
    g_autoptr (CfDocument) doc = load_audited (shenzhen_path);
    g_autoptr (CfReview) review = cf_review_new (store, cf_document_get_sha256 (doc), &error);

    g_assert_no_error (error);
    g_assert_cmpuint (cf_document_count_findings (doc, CF_SEVERITY_ERROR), ==, 1);
    g_assert_true (cf_review_accept (review, first_finding (doc, CF_SEVERITY_ERROR),
                                     "as published", &error));
    g_assert_no_error (error);
  }
  /* One of Shanghai's tables is reviewed. */
  {
    g_autoptr (CfDocument) doc = load_audited (shanghai_path);
    g_autoptr (CfReview) review = cf_review_new (store, cf_document_get_sha256 (doc), &error);

    g_assert_no_error (error);
    g_assert_true (cf_review_set_table_reviewed (review, "requests", TRUE, &error));
    g_assert_no_error (error);
  }
  /* Every table of Zibo is reviewed. */
  {
    g_autoptr (CfDocument) doc = load_audited (zibo_path);
    g_autoptr (CfReview) review = cf_review_new (store, cf_document_get_sha256 (doc), &error);
    GPtrArray *tables = cf_document_get_tables (doc);

    g_assert_no_error (error);
    g_assert_cmpuint (tables->len, >, 1);
    for (guint i = 0; i < tables->len; i++)
      g_assert_true (cf_review_set_table_reviewed (review,
                                                   cf_table_get_id (g_ptr_array_index (tables, i)),
                                                   TRUE, &error));
  }

  watch_batch (batch, &watch);
  g_assert_cmpint (cf_batch_add_folder (batch, reports, &error), ==, 4);
  run_until_finished (&watch);
  altered_entry = find_entry (batch, "zibo-altered.txt");
  zibo_entry = find_entry (batch, "zibo-gaoxin-psb-2022.txt");
  shenzhen_entry = find_entry (batch, "shenzhen-psb-2020.txt");
  shanghai_entry = find_entry (batch, "shanghai-gov-office-2019.html");

  /* The correction was applied before the audit: no error is left. */
  g_assert_cmpint (cf_batch_entry_get_state (altered_entry), ==, CF_BATCH_STATE_DONE);
  g_assert_cmpuint (cf_batch_entry_get_n_restored (altered_entry), ==, 1);
  g_assert_cmpuint (cf_batch_entry_get_n_stale (altered_entry), ==, 0);
  g_assert_cmpuint (cf_batch_entry_get_n_errors (altered_entry), ==, 0);
  g_assert_cmpuint (cf_batch_entry_get_n_open_errors (altered_entry), ==, 0);
  {
    CfDocument *doc = cf_batch_entry_get_document (altered_entry);
    CfTable *requests = cf_test_table_by_id (doc, "requests", &requests_index);
    const CfCell *total = cf_table_find_by_keys (requests, "new", "total");

    g_assert_cmpstr (total->text, ==, "4");
    g_assert_true (total->flags & CF_CELL_FLAG_CORRECTED);
  }
  g_assert_cmpuint (cf_batch_entry_get_n_accepted (altered_entry), ==, 0);
  g_assert_cmpuint (cf_batch_entry_get_n_tables_reviewed (altered_entry), ==, 0);

  /* The accepted error is an error still, but not an open one. */
  g_assert_cmpuint (cf_batch_entry_get_n_errors (shenzhen_entry), ==, 1);
  g_assert_cmpuint (cf_batch_entry_get_n_open_errors (shenzhen_entry), ==, 0);
  g_assert_cmpuint (cf_batch_entry_get_n_accepted (shenzhen_entry), ==, 1);
  g_assert_cmpuint (cf_batch_entry_get_n_tables_reviewed (shenzhen_entry), ==, 0);
  g_assert_cmpuint (cf_batch_entry_get_n_tables (shenzhen_entry), ==, 0);
  g_assert_nonnull (cf_batch_entry_get_review (shenzhen_entry));

  /* Reviewed tables: all of Zibo's, one of Shanghai's three. */
  g_assert_cmpuint (cf_batch_entry_get_n_tables_reviewed (zibo_entry), ==,
                    cf_batch_entry_get_n_tables (zibo_entry));
  g_assert_cmpuint (cf_batch_entry_get_n_tables (zibo_entry), ==, 3);
  g_assert_cmpuint (cf_batch_entry_get_n_tables_reviewed (shanghai_entry), ==, 1);
  g_assert_cmpuint (cf_batch_entry_get_n_tables (shanghai_entry), ==, 3);
  g_assert_cmpuint (cf_batch_entry_get_n_accepted (shanghai_entry), ==, 0);

  /* The long CSV has the corrected value, the findings CSV the verdict. */
  g_assert_true (cf_batch_write_long_csv (batch, long_path, &error));
  g_assert_no_error (error);
  long_csv = read_text (long_path);
  g_assert_nonnull (strstr (long_csv, "zibo-altered.txt,gip-2021,requests,new,total,4,4,"));
  g_assert_null (strstr (long_csv, "zibo-altered.txt,gip-2021,requests,new,total,9,"));
  g_assert_true (cf_batch_write_findings_csv (batch, findings_path, &error));
  g_assert_no_error (error);
  findings_csv = read_text (findings_path);
  g_assert_true (g_str_has_prefix (findings_csv, "document,severity,rule,"));
  g_assert_nonnull (strstr (findings_csv, ",accepted,note\r\n"));
  g_assert_nonnull (strstr (findings_csv, ",true,as published\r\n"));
  g_assert_null (strstr (findings_csv, "zibo-altered.txt,error,"));
  g_assert_null (strstr (findings_csv, reports));
  {
    g_autoptr (GString) expected = g_string_new (NULL);

    cf_csv_append_findings_with_review (expected, NULL, NULL, TRUE);
    for (guint i = 0; i < cf_batch_get_n_total (batch); i++)
      {
        g_autoptr (CfBatchEntry) entry = g_list_model_get_item (cf_batch_get_model (batch), i);

        /* Named by their path under the batch's folder. */
        cf_csv_append_findings_in_batch (expected, cf_batch_entry_get_document (entry),
                                         cf_batch_entry_get_review (entry), reports, FALSE);
      }
    g_assert_cmpstr (findings_csv, ==, expected->str);
  }

  /* What the batch applied is what the database holds, until it changes. */
  g_assert_true (cf_batch_entry_has_current_work (altered_entry, store));
  g_assert_true (cf_batch_entry_has_current_work (zibo_entry, store));
  {
    CfCorrection edit = { requests_index, 2, 2, (char *) "5", (char *) "4" };

    g_assert_true (cf_store_save_correction (store,
                                             cf_document_get_sha256 (
                                               cf_batch_entry_get_document (zibo_entry)),
                                             &edit, &error));
    g_assert_no_error (error);
    g_assert_false (cf_batch_entry_has_current_work (zibo_entry, store));
    g_assert_true (cf_batch_entry_has_current_work (altered_entry, store));
  }

  /* The window's verdicts, as they are now, update a row: the finding is
   * open again (its notify tells a list). */
  {
    CfDocument *doc = cf_batch_entry_get_document (shenzhen_entry);
    g_autoptr (CfReview) review = cf_review_new (store, cf_document_get_sha256 (doc), &error);
    guint n_notified = 0;

    g_assert_no_error (error);
    g_assert_true (cf_review_unaccept (review, first_finding (doc, CF_SEVERITY_ERROR), &error));
    g_signal_connect (shenzhen_entry, "notify::n-open-errors", G_CALLBACK (on_count_notify),
                      &n_notified);
    cf_batch_update_entry (batch, shenzhen_entry, doc, review, store);
    g_assert_cmpuint (n_notified, ==, 1);
    g_assert_cmpuint (cf_batch_entry_get_n_open_errors (shenzhen_entry), ==, 1);
    g_assert_cmpuint (cf_batch_entry_get_n_accepted (shenzhen_entry), ==, 0);
    g_assert_true (cf_batch_entry_has_current_work (shenzhen_entry, store));
    /* A copy: later verdicts in the window do not leak into the row. */
    g_assert_true (cf_batch_entry_get_review (shenzhen_entry) != review);
    g_signal_handlers_disconnect_by_func (shenzhen_entry, on_count_notify, &n_notified);
  }
  g_assert_true (cf_batch_find_entry (batch, shenzhen_path) == shenzhen_entry);
  {
    g_autofree char *spelled = g_build_filename (reports, ".", "shenzhen-psb-2020.txt", NULL);

    g_assert_true (cf_batch_find_entry (batch, spelled) == shenzhen_entry);
  }
  g_assert_null (cf_batch_find_entry (batch, zibo));

  g_main_loop_unref (watch.loop);
  if (old_data_dir != NULL)
    g_setenv ("CROSSFOOT_DATA_DIR", old_data_dir, TRUE);
  else
    g_unsetenv ("CROSSFOOT_DATA_DIR");
  g_clear_object (&store);
  cf_test_rm_rf (dir);
}

static void
test_batch_report_names (void)
{
  g_assert_true (cf_batch_is_report_name ("report.pdf"));
  g_assert_true (cf_batch_is_report_name ("REPORT.PDF"));
  g_assert_true (cf_batch_is_report_name ("报告.txt"));
  g_assert_true (cf_batch_is_report_name ("page.htm"));
  g_assert_true (cf_batch_is_report_name ("page.HTML"));
  g_assert_false (cf_batch_is_report_name ("cover.png"));
  g_assert_false (cf_batch_is_report_name ("cells.csv"));
  g_assert_false (cf_batch_is_report_name ("archive.zip"));
  g_assert_false (cf_batch_is_report_name (".hidden.txt"));
  g_assert_false (cf_batch_is_report_name (NULL));
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/batch/folder", test_batch_folder);
  g_test_add_func ("/batch/missing-folder", test_batch_missing_folder);
  g_test_add_func ("/batch/cancel", test_batch_cancel);
  g_test_add_func ("/batch/dropped-while-running", test_batch_dropped_while_running);
  g_test_add_func ("/batch/rules-across-years", test_batch_rules_across_years);
  g_test_add_func ("/batch/report-names", test_batch_report_names);
  g_test_add_func ("/batch/saved-work", test_batch_saved_work);
  /* The batch reads saved work: from a fresh folder, not the user's. */
  return cf_test_run_with_data_dir ();
}
