/* test-window-inbox.c: the inbox inside the window, under Xvfb
 *
 *   xvfb-run -a meson test -C build test-window-inbox
 *
 * A folder (or several files) opened in the window becomes a batch in the
 * inbox page; its rows show what each report holds when read on its own, and
 * activating a row shows that report in the document page, with a way back.
 * (tests/test-inbox.c checks the bare CfInboxView widget.)
 */
#include <gtk/gtk.h>
#include <string.h>

#include "cf-test-gui.h"
#include "cf-cell-labels.h"

static CfApplication *app;

static char *
copy_corpus (void)
{
  char *dir = cf_test_make_tmpdir ();

  cf_test_copy_corpus (dir, dir);
  return dir;
}

static CfWindow *
new_window (void)
{
  CfWindow *window = cf_test_new_window (app);

  cf_test_spin_for (0.1);
  return window;
}

/* The text of @column's label in the row at @position, as on screen. */
static const char *
shown_text (CfInboxView *inbox, guint position, CfInboxColumn column)
{
  GtkWidget *label = cf_inbox_view_get_cell_widget (inbox, position, column);

  g_assert_nonnull (label);
  return gtk_label_get_text (GTK_LABEL (label));
}

static void
test_open_folder (void)
{
  g_autofree char *dir = copy_corpus ();
  g_autofree char *dir_name = g_path_get_basename (dir);
  g_autofree char *title = g_strdup_printf ("%s — Crossfoot", dir_name);
  g_autoptr (GFile) folder = g_file_new_for_path (dir);
  CfWindow *window = new_window ();
  CfInboxView *inbox = cf_window_get_inbox_view (window);
  GtkWidget *back = cf_test_find_by_action (GTK_WIDGET (window), "win.show-inbox");
  GListModel *model;
  CfBatch *batch;
  CfDocument *document;
  g_autofree char *first_name = NULL;

  g_assert_nonnull (back);
  g_assert_false (gtk_widget_get_visible (back));
  g_assert_false (cf_window_show_inbox (window));
  g_assert_cmpstr (cf_window_get_view_name (window), ==, "empty");

  cf_window_open_folder (window, folder);
  g_assert_cmpstr (cf_window_get_view_name (window), ==, "inbox");
  g_assert_cmpstr (gtk_window_get_title (GTK_WINDOW (window)), ==, title);
  batch = cf_inbox_view_get_batch (inbox);
  g_assert_nonnull (batch);
  g_assert_cmpuint (cf_batch_get_n_total (batch), ==, G_N_ELEMENTS (cf_test_corpus));
  cf_test_wait_batch (batch, cf_test_time_limit (120));

  /* Each row counts what the report holds when read and audited on its own. */
  model = cf_inbox_view_get_model (inbox);
  g_assert_cmpuint (g_list_model_get_n_items (model), ==, G_N_ELEMENTS (cf_test_corpus));
  for (guint i = 0; i < g_list_model_get_n_items (model); i++)
    {
      g_autoptr (CfBatchEntry) entry = g_list_model_get_item (model, i);
      g_autoptr (GError) error = NULL;
      g_autoptr (CfDocument) alone = cf_loader_load_file (cf_batch_entry_get_path (entry),
                                                            NULL, NULL, &error);
      g_autofree char *n_errors = NULL;
      g_autofree char *n_warnings = NULL;

      g_assert_no_error (error);
      cf_audit_document (alone, NULL);
      n_errors = g_strdup_printf ("%u", cf_document_count_findings (alone, CF_SEVERITY_ERROR));
      n_warnings = g_strdup_printf ("%u", cf_document_count_findings (alone, CF_SEVERITY_WARNING));
      g_assert_cmpint (cf_batch_entry_get_state (entry), ==, CF_BATCH_STATE_DONE);
      g_assert_cmpstr (shown_text (inbox, i, CF_INBOX_COLUMN_DOCUMENT), ==,
                       cf_batch_entry_get_name (entry));
      g_assert_cmpstr (shown_text (inbox, i, CF_INBOX_COLUMN_ERRORS), ==, n_errors);
      g_assert_cmpstr (shown_text (inbox, i, CF_INBOX_COLUMN_WARNINGS), ==, n_warnings);
      {
        g_autofree char *form_name = cf_document_get_form (alone)
                                       ? cf_form_display_name (cf_document_get_form (alone))
                                       : g_strdup ("None");

        g_assert_cmpstr (shown_text (inbox, i, CF_INBOX_COLUMN_FORM), ==, form_name);
      }
    }

  /* A click on the first row (most open errors) shows its report. */
  {
    g_autoptr (CfBatchEntry) first = g_list_model_get_item (model, 0);

    first_name = g_strdup (cf_batch_entry_get_name (first));
  }
  g_signal_emit_by_name (cf_inbox_view_get_column_view (inbox), "activate", 0);
  cf_test_spin_for (0.2);
  g_assert_cmpstr (cf_window_get_view_name (window), ==, "document");
  document = cf_window_get_document (window);
  g_assert_nonnull (document);
  g_assert_cmpstr (cf_document_get_basename (document), ==, first_name);
  {
    g_autofree char *doc_title = g_strdup_printf ("%s — Crossfoot", first_name);

    g_assert_cmpstr (gtk_window_get_title (GTK_WINDOW (window)), ==, doc_title);
  }
  g_assert_cmpuint (cf_test_count_rows (cf_window_get_tables_list (window)), ==,
                    cf_document_get_tables (document)->len);
  g_assert_cmpuint (cf_test_count_rows (cf_window_get_findings_list (window)), ==,
                    cf_document_get_findings (document)->len);
  g_assert_true (gtk_widget_get_visible (back));

  /* And the back button returns to the inbox, as it was. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.show-inbox", NULL));
  cf_test_spin_for (0.1);
  g_assert_cmpstr (cf_window_get_view_name (window), ==, "inbox");
  g_assert_cmpstr (gtk_window_get_title (GTK_WINDOW (window)), ==, title);
  g_assert_false (gtk_widget_get_visible (back));
  g_assert_cmpuint (g_list_model_get_n_items (model), ==, G_N_ELEMENTS (cf_test_corpus));
  g_assert_cmpstr (shown_text (inbox, 0, CF_INBOX_COLUMN_DOCUMENT), ==, first_name);

  cf_test_close_window (window, 0.2);
  cf_test_rm_rf (dir);
}

/* Several files at once (the open dialog, a drop, the command line) go to
 * the inbox; a single one still opens as a document. */
static void
test_open_several_files (void)
{
  g_autofree char *a = cf_test_path ("corpus", "text", "zibo-gaoxin-psb-2022.txt", NULL);
  g_autofree char *b = cf_test_path ("corpus", "html", "shanghai-gov-office-2019.html", NULL);
  GSList *files = NULL;
  CfWindow *window = new_window ();
  CfBatch *batch;

  files = g_slist_append (files, g_file_new_for_path (a));
  files = g_slist_append (files, g_file_new_for_path (b));
  cf_window_open_files (window, files);
  g_assert_cmpstr (cf_window_get_view_name (window), ==, "inbox");
  g_assert_cmpstr (gtk_window_get_title (GTK_WINDOW (window)), ==, "Inbox — Crossfoot");
  batch = cf_inbox_view_get_batch (cf_window_get_inbox_view (window));
  g_assert_cmpuint (cf_batch_get_n_total (batch), ==, 2);
  cf_test_wait_batch (batch, cf_test_time_limit (120));
  g_assert_cmpuint (cf_batch_get_n_processed (batch), ==, 2);
  /* No new windows: the person sees one list. */
  g_assert_cmpuint (g_list_length (gtk_application_get_windows (GTK_APPLICATION (app))), ==, 1);

  /* One file alone reads as before. */
  g_slist_free_full (files->next, g_object_unref);
  files->next = NULL;
  cf_window_open_files (window, files);
  g_assert_true (cf_window_is_loading (window));
  cf_test_wait_loaded (window, cf_test_time_limit (60));
  g_assert_cmpstr (cf_window_get_view_name (window), ==, "document");
  g_assert_cmpstr (gtk_window_get_title (GTK_WINDOW (window)), ==,
                   "zibo-gaoxin-psb-2022.txt — Crossfoot");
  /* The batch is still there to go back to. */
  g_assert_true (cf_window_show_inbox (window));
  g_assert_cmpstr (cf_window_get_view_name (window), ==, "inbox");

  g_slist_free_full (files, g_object_unref);
  cf_test_close_window (window, 0.2);
}

static CfBatchEntry *
entry_at (CfInboxView *inbox, guint position)
{
  g_autoptr (CfBatchEntry) entry = g_list_model_get_item (cf_inbox_view_get_model (inbox),
                                                          position);

  return entry; /* the batch keeps it */
}

static void
open_row (CfWindow *window, const char *name)
{
  CfInboxView *inbox = cf_window_get_inbox_view (window);

  g_assert_true (cf_inbox_view_activate_row (inbox, cf_test_inbox_position (inbox, name)));
  cf_test_spin_for (0.2);
  g_assert_cmpstr (cf_window_get_view_name (window), ==, "document");
}

static void
back_to_inbox (CfWindow *window)
{
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.show-inbox", NULL));
  cf_test_spin_for (0.2);
  g_assert_cmpstr (cf_window_get_view_name (window), ==, "inbox");
}

/* The inbox shows what the window shows: the batch applies the saved work
 * (once: the window does not replay it on top), and a finding accepted or a
 * table marked reviewed in the window shows in the row on the way back. */
static void
test_review_state (void)
{
  static const char *const names[][2] = {
    { "text", "shenzhen-psb-2020.txt" },
    { "text", "zibo-gaoxin-psb-2022.txt" },
    { "html", "shanghai-gov-office-2019.html" },
  };
  g_autofree char *dir = cf_test_make_tmpdir ();
  g_autofree char *zibo = g_build_filename (dir, names[1][1], NULL);
  g_autofree char *shanghai = g_build_filename (dir, names[2][1], NULL);
  g_autoptr (GFile) folder = g_file_new_for_path (dir);
  g_autoptr (CfStore) store = NULL;
  g_autoptr (CfDocument) once = NULL;
  g_autoptr (GError) error = NULL;
  CfWindow *window = new_window ();
  CfInboxView *inbox = cf_window_get_inbox_view (window);
  CfBatchEntry *entry;
  guint appeals = 0, requests = 0, position;
  int once_rows;

  for (gsize i = 0; i < G_N_ELEMENTS (names); i++)
    {
      g_autofree char *from = cf_test_path ("corpus", names[i][0], names[i][1], NULL);
      g_autofree char *to = g_build_filename (dir, names[i][1], NULL);

      cf_test_copy_file (from, to);
    }

  /* Zibo has a saved structure edit: a row added to its appeals table. */
  store = cf_store_open (NULL, &error);
  g_assert_no_error (error);
  {
    g_autoptr (CfDocument) doc = cf_loader_load_file (zibo, NULL, NULL, &error);
    g_autoptr (GPtrArray) edits = g_ptr_array_new_with_free_func ((GDestroyNotify) cf_edit_unref);

    g_assert_no_error (error);
    /* Tables take their form ids in the audit; edits name them by position. */
    cf_audit_document (doc, NULL);
    cf_test_table_by_id (doc, "appeals", &appeals);
    g_ptr_array_add (edits, cf_edit_insert_row (appeals, 2));
    g_assert_true (cf_store_save_edits (store, cf_document_get_sha256 (doc), edits,
                                                   &error));
    g_assert_no_error (error);
  }
  /* What opening it on its own gives: the edit made once. */
  once = cf_loader_load_file (zibo, NULL, NULL, &error);
  g_assert_true (cf_store_restore (store, once, NULL, &error));
  g_assert_no_error (error);
  cf_audit_document (once, NULL);
  once_rows = cf_table_get_n_rows (g_ptr_array_index (cf_document_get_tables (once), appeals));

  cf_window_open_folder (window, folder);
  cf_test_wait_batch (cf_inbox_view_get_batch (inbox), cf_test_time_limit (120));
  cf_test_spin_for (0.2);

  /* Before: Shenzhen's prose error is open; nothing is reviewed. */
  position = cf_test_inbox_position (inbox, names[0][1]);
  g_assert_cmpstr (shown_text (inbox, position, CF_INBOX_COLUMN_ERRORS), ==, "1");
  g_assert_cmpstr (shown_text (inbox, position, CF_INBOX_COLUMN_STATE), ==, "Not reviewed");
  entry = entry_at (inbox, cf_test_inbox_position (inbox, names[1][1]));
  g_assert_cmpuint (cf_batch_entry_get_n_restored (entry), ==, 1);

  /* Zibo in the window: the edit is there once, not twice. */
  open_row (window, names[1][1]);
  {
    CfDocument *doc = cf_window_get_document (window);

    g_assert_cmpint (cf_table_get_n_rows (g_ptr_array_index (cf_document_get_tables (doc), appeals)),
                     ==, once_rows);
    g_assert_cmpuint (cf_document_get_findings (doc)->len, ==,
                      cf_document_get_findings (once)->len);
  }
  g_assert_true (cf_window_set_table_reviewed (window, 0, TRUE, &error));
  g_assert_no_error (error);
  back_to_inbox (window);
  g_assert_cmpstr (shown_text (inbox, cf_test_inbox_position (inbox, names[1][1]), CF_INBOX_COLUMN_STATE),
                   ==, "1 of 3 tables reviewed");
  /* And again: still once. */
  open_row (window, names[1][1]);
  g_assert_cmpint (cf_table_get_n_rows (g_ptr_array_index (
                     cf_document_get_tables (cf_window_get_document (window)), appeals)),
                   ==, once_rows);
  back_to_inbox (window);

  /* Shenzhen: its error accepted in the window is no longer open. */
  open_row (window, names[0][1]);
  {
    GPtrArray *findings = cf_document_get_findings (cf_window_get_document (window));
    guint accepted = 0;

    for (guint i = 0; i < findings->len; i++)
      if (((CfFinding *) g_ptr_array_index (findings, i))->severity == CF_SEVERITY_ERROR)
        {
          g_assert_true (cf_window_accept_finding (window, i, "as published", &error));
          g_assert_no_error (error);
          accepted++;
        }
    g_assert_cmpuint (accepted, ==, 1);
  }
  back_to_inbox (window);
  position = cf_test_inbox_position (inbox, names[0][1]);
  g_assert_cmpstr (shown_text (inbox, position, CF_INBOX_COLUMN_ERRORS), ==, "0");
  g_assert_cmpstr (shown_text (inbox, position, CF_INBOX_COLUMN_STATE), ==,
                   "Not reviewed · 1 accepted");
  entry = entry_at (inbox, position);
  g_assert_cmpuint (cf_batch_entry_get_n_errors (entry), ==, 1);
  g_assert_cmpuint (cf_batch_entry_get_n_open_errors (entry), ==, 0);

  /* Shanghai corrected elsewhere since the batch read it (another window):
   * the window reads it again rather than show the batch's old copy, and
   * the row takes what the window read. */
  {
    g_autoptr (CfDocument) doc = cf_loader_load_file (shanghai, NULL, NULL, &error);
    CfTable *table;
    const CfCell *cell;

    cf_audit_document (doc, NULL);
    table = cf_test_table_by_id (doc, "requests", &requests);
    cell = cf_table_find_by_keys (table, "new", "total");
    CfCorrection fix = { requests, cell->row, cell->col, (char *) "12345", cell->text };

    g_assert_true (cf_store_save_correction (store, cf_document_get_sha256 (doc), &fix, &error));
    g_assert_no_error (error);
  }
  entry = entry_at (inbox, cf_test_inbox_position (inbox, names[2][1]));
  g_assert_true (cf_inbox_view_activate_row (inbox, cf_test_inbox_position (inbox, names[2][1])));
  cf_test_wait_loaded (window, cf_test_time_limit (60));
  g_assert_cmpstr (cf_window_get_view_name (window), ==, "document");
  g_assert_cmpstr (cf_table_find_by_keys (g_ptr_array_index (cf_document_get_tables (
                                            cf_window_get_document (window)), requests),
                                          "new", "total")->text, ==, "12345");
  g_assert_true (cf_batch_entry_get_document (entry) != cf_window_get_document (window));
  back_to_inbox (window);
  g_assert_true (cf_batch_entry_get_document (entry) == cf_window_get_document (window));
  g_assert_cmpuint (cf_batch_entry_get_n_open_errors (entry), >, 0);
  g_assert_cmpstr (shown_text (inbox, cf_test_inbox_position (inbox, names[2][1]), CF_INBOX_COLUMN_ERRORS),
                   !=, "0");

  cf_test_close_window (window, 0.2);
  g_clear_object (&store);
  cf_test_rm_rf (dir);
}

int
main (int argc, char **argv)
{
  cf_test_gui_init (&argc, &argv);
  if (!cf_test_gui_start ("/window-inbox/open-folder"))
    return g_test_run ();
  app = cf_test_new_application ();

  g_test_add_func ("/window-inbox/open-folder", test_open_folder);
  g_test_add_func ("/window-inbox/open-several-files", test_open_several_files);
  g_test_add_func ("/window-inbox/review-state", test_review_state);
  /* The corrections store of the documents shown: a fresh one, thrown away. */
  return cf_test_run_with_data_dir ();
}
