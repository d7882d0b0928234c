/* test-inbox.c: the batch inbox widget over a folder of the corpus, under Xvfb
 *
 *   xvfb-run -a meson test -C build test-inbox
 */
#include <adwaita.h>
#include <string.h>

#include "cf-test-gui.h"
#include "cf-cell-labels.h"
#include "cf-inbox-view.h"

static char *
make_corpus_folder (void)
{
  char *dir = cf_test_make_tmpdir ();
  g_autofree char *broken = g_build_filename (dir, "broken.txt", NULL);
  static const char binary[] = "\x00\x01\x02\xff\xfe\x00\x7f\x80\x00\x00\x13\x37\x00\x42";

  cf_test_copy_corpus (dir, dir);
  g_assert_true (g_file_set_contents (broken, binary, sizeof binary - 1, NULL));
  return dir;
}

static void
assert_accessible_label (GtkWidget *widget, const char *expected)
{
  g_autofree char *error = gtk_test_accessible_check_property (GTK_ACCESSIBLE (widget),
                                                               GTK_ACCESSIBLE_PROPERTY_LABEL,
                                                               expected);

  if (error != NULL)
    g_error ("accessible label is %s, expected %s", error, expected);
}

/* The label of @column in the row at @position, checked to be named right. */
static const char *
cell_text (CfInboxView *inbox, guint position, CfInboxColumn column, const char *column_name)
{
  GtkWidget *widget = cf_inbox_view_get_cell_widget (inbox, position, column);
  g_autoptr (CfBatchEntry) entry = g_list_model_get_item (cf_inbox_view_get_model (inbox),
                                                          position);
  g_autofree char *label = g_strdup_printf ("%s, %s", cf_batch_entry_get_name (entry),
                                            column_name);

  g_assert_nonnull (widget);
  g_assert_true (GTK_IS_LABEL (widget));
  assert_accessible_label (widget, label);
  return gtk_label_get_text (GTK_LABEL (widget));
}

static void
on_open_document (CfInboxView *inbox, CfDocument *document, CfDocument **opened)
{
  g_clear_object (opened);
  *opened = g_object_ref (document);
}

static void
test_inbox_corpus_folder (void)
{
  g_autofree char *dir = make_corpus_folder ();
  GtkWidget *window = gtk_window_new ();
  CfInboxView *inbox = CF_INBOX_VIEW (cf_inbox_view_new ());
  g_autoptr (GError) error = NULL;
  g_autoptr (CfDocument) opened = NULL;
  GListModel *model;
  CfBatch *batch;
  const char *progress;
  guint n_with_errors = 0;

  gtk_window_set_default_size (GTK_WINDOW (window), 1000, 700);
  gtk_window_set_child (GTK_WINDOW (window), GTK_WIDGET (inbox));
  gtk_window_present (GTK_WINDOW (window));
  g_signal_connect (inbox, "open-document", G_CALLBACK (on_open_document), &opened);
  assert_accessible_label (GTK_WIDGET (cf_inbox_view_get_column_view (inbox)), "Documents");

  g_assert_true (cf_inbox_view_open_folder (inbox, dir, &error));
  g_assert_no_error (error);
  batch = cf_inbox_view_get_batch (inbox);
  g_assert_nonnull (batch);
  model = cf_inbox_view_get_model (inbox);
  g_assert_cmpuint (g_list_model_get_n_items (model), ==, G_N_ELEMENTS (cf_test_corpus) + 1);

  /* While it works, the progress bar says how far it is. */
  progress = cf_inbox_view_get_progress_text (inbox);
  g_assert_nonnull (progress);
  g_assert_true (g_str_has_suffix (progress, " of 8 audited"));

  cf_test_wait_batch (batch, 120);
  g_assert_null (cf_inbox_view_get_progress_text (inbox));

  /* Every row shows its counts, most open errors first: Shenzhen's prose
   * total is wrong, nothing else in the corpus has an error. */
  g_assert_cmpuint (g_list_model_get_n_items (model), ==, G_N_ELEMENTS (cf_test_corpus) + 1);
  for (guint i = 0; i < g_list_model_get_n_items (model); i++)
    {
      g_autoptr (CfBatchEntry) entry = g_list_model_get_item (model, i);
      GtkWidget *errors_label = cf_inbox_view_get_cell_widget (inbox, i, CF_INBOX_COLUMN_ERRORS);
      const char *name = cf_batch_entry_get_name (entry);

      g_assert_cmpstr (cell_text (inbox, i, CF_INBOX_COLUMN_DOCUMENT, "Document"), ==, name);
      if (i > 0)
        {
          g_autoptr (CfBatchEntry) previous = g_list_model_get_item (model, i - 1);

          g_assert_cmpuint (cf_batch_entry_get_n_open_errors (previous), >=,
                            cf_batch_entry_get_n_open_errors (entry));
        }

      if (g_str_equal (name, "broken.txt"))
        {
          GtkWidget *state = cf_inbox_view_get_cell_widget (inbox, i, CF_INBOX_COLUMN_STATE);
          const char *tooltip = NULL;

          g_assert_cmpint (cf_batch_entry_get_state (entry), ==, CF_BATCH_STATE_FAILED);
          g_assert_cmpstr (cell_text (inbox, i, CF_INBOX_COLUMN_STATE, "State"), ==,
                           "Could not read");
          g_assert_cmpstr (cell_text (inbox, i, CF_INBOX_COLUMN_ERRORS, "Errors"), ==, "");
          g_assert_true (gtk_widget_has_css_class (state, "error"));
          tooltip = gtk_widget_get_tooltip_text (state);
          g_assert_true (g_str_has_prefix (tooltip, "broken.txt: "));
          continue;
        }

      {
        g_autofree char *n_errors = g_strdup_printf ("%u", cf_batch_entry_get_n_open_errors (entry));
        g_autofree char *n_warnings = g_strdup_printf ("%u",
                                                       cf_batch_entry_get_n_open_warnings (entry));
        CfDocument *doc = cf_batch_entry_get_document (entry);
        const char *form = cf_batch_entry_get_form (entry);

        g_assert_cmpint (cf_batch_entry_get_state (entry), ==, CF_BATCH_STATE_DONE);
        g_assert_cmpstr (cell_text (inbox, i, CF_INBOX_COLUMN_ERRORS, "Errors"), ==, n_errors);
        g_assert_cmpstr (cell_text (inbox, i, CF_INBOX_COLUMN_WARNINGS, "Warnings"), ==,
                         n_warnings);
        g_autofree char *form_name = form ? cf_form_display_name (form) : g_strdup ("None");

        /* The form by its edition ("2021 Form"), not its id. */
        g_assert_cmpstr (cell_text (inbox, i, CF_INBOX_COLUMN_FORM, "Form"), ==, form_name);
        g_assert_true (form == NULL || g_str_has_suffix (form_name, " Form"));
        /* A report where nothing could be checked is not shown as clean. */
        g_assert_cmpstr (cell_text (inbox, i, CF_INBOX_COLUMN_STATE, "State"), ==,
                         cf_document_nothing_checked (doc) ? "Nothing could be checked · Not reviewed"
                                                           : "Not reviewed");
        /* The labels show what the document holds. */
        g_assert_cmpuint (cf_batch_entry_get_n_errors (entry), ==,
                          cf_document_count_findings (doc, CF_SEVERITY_ERROR));
        g_assert_cmpuint (cf_batch_entry_get_n_warnings (entry), ==,
                          cf_document_count_findings (doc, CF_SEVERITY_WARNING));
        g_assert_cmpint (gtk_widget_has_css_class (errors_label, "error"), ==,
                         cf_batch_entry_get_n_open_errors (entry) > 0);
        n_with_errors += cf_batch_entry_get_n_open_errors (entry) > 0;
      }
    }
  g_assert_cmpstr (cell_text (inbox, 0, CF_INBOX_COLUMN_DOCUMENT, "Document"), ==,
                   "shenzhen-psb-2020.txt");
  g_assert_cmpstr (cell_text (inbox, 0, CF_INBOX_COLUMN_ERRORS, "Errors"), !=, "0");
  g_assert_cmpuint (n_with_errors, ==, 1);
  /* Ties (no open errors) go by name: the unreadable file, then the rest. */
  g_assert_cmpstr (cell_text (inbox, 1, CF_INBOX_COLUMN_DOCUMENT, "Document"), ==, "broken.txt");
  g_assert_cmpstr (cell_text (inbox, 2, CF_INBOX_COLUMN_DOCUMENT, "Document"), ==,
                   "city-2025-placeholder-headers.html");
  g_assert_cmpstr (cell_text (inbox, 2, CF_INBOX_COLUMN_ERRORS, "Errors"), ==, "0");

  /* Activating a row (a click, Enter) opens its document. */
  g_signal_emit_by_name (cf_inbox_view_get_column_view (inbox), "activate", 0);
  g_assert_nonnull (opened);
  g_assert_cmpstr (cf_document_get_basename (opened), ==, "shenzhen-psb-2020.txt");

  /* The headers sort: by name, then back to errors, most first. */
  {
    GtkColumnView *view = cf_inbox_view_get_column_view (inbox);
    GListModel *columns = gtk_column_view_get_columns (view);
    g_autoptr (GtkColumnViewColumn) document = g_list_model_get_item (columns,
                                                                      CF_INBOX_COLUMN_DOCUMENT);
    g_autoptr (GtkColumnViewColumn) errors = g_list_model_get_item (columns,
                                                                    CF_INBOX_COLUMN_ERRORS);
    g_autoptr (CfBatchEntry) first = NULL;
    g_autoptr (CfBatchEntry) last = NULL;

    gtk_column_view_sort_by_column (view, document, GTK_SORT_ASCENDING);
    cf_test_spin_for (0.1);
    first = g_list_model_get_item (model, 0);
    last = g_list_model_get_item (model, g_list_model_get_n_items (model) - 1);
    g_assert_cmpstr (cf_batch_entry_get_name (first), ==, "broken.txt");
    g_assert_cmpstr (cf_batch_entry_get_name (last), ==, "zibo-gaoxin-psb-2022.txt");
    g_assert_cmpstr (cell_text (inbox, 0, CF_INBOX_COLUMN_DOCUMENT, "Document"), ==,
                     "broken.txt");

    gtk_column_view_sort_by_column (view, errors, GTK_SORT_DESCENDING);
    cf_test_spin_for (0.1);
    g_clear_object (&first);
    first = g_list_model_get_item (model, 0);
    g_assert_cmpstr (cf_batch_entry_get_name (first), ==, "shenzhen-psb-2020.txt");
  }

  /* A failed row opens nothing. */
  g_clear_object (&opened);
  for (guint i = 0; i < g_list_model_get_n_items (model); i++)
    {
      g_autoptr (CfBatchEntry) entry = g_list_model_get_item (model, i);

      if (cf_batch_entry_get_state (entry) == CF_BATCH_STATE_FAILED)
        g_assert_false (cf_inbox_view_activate_row (inbox, i));
    }
  g_assert_null (opened);

  gtk_window_destroy (GTK_WINDOW (window));
  cf_test_spin_for (0.1);
  cf_test_rm_rf (dir);
}

static gboolean
view_has_every_row (gpointer data)
{
  CfInboxView *inbox = data;
  GListModel *shown = G_LIST_MODEL (gtk_column_view_get_model (cf_inbox_view_get_column_view (inbox)));

  return g_list_model_get_n_items (shown) == g_list_model_get_n_items (cf_inbox_view_get_model (inbox));
}

/* Every row, on screen or below it, shows its own entry. */
static void
assert_rows_show_their_entries (CfInboxView *inbox)
{
  GListModel *model = cf_inbox_view_get_model (inbox);

  for (guint i = 0; i < g_list_model_get_n_items (model); i++)
    {
      g_autoptr (CfBatchEntry) entry = g_list_model_get_item (model, i);
      g_autofree char *n_errors = g_strdup_printf ("%u", cf_batch_entry_get_n_open_errors (entry));

      g_assert_cmpstr (cell_text (inbox, i, CF_INBOX_COLUMN_DOCUMENT, "Document"), ==,
                       cf_batch_entry_get_name (entry));
      if (cf_batch_entry_get_state (entry) == CF_BATCH_STATE_DONE)
        g_assert_cmpstr (cell_text (inbox, i, CF_INBOX_COLUMN_ERRORS, "Errors"), ==, n_errors);
    }
}

/* More reports than a window's height of rows: the list is given its rows a
 * page at a time, and rows that move (results coming in, a sort) keep their
 * labels right although GTK binds them again. */
static void
test_inbox_many_reports (void)
{
  g_autofree char *dir = cf_test_make_tmpdir ();
  GtkWidget *window = gtk_window_new ();
  CfInboxView *inbox = CF_INBOX_VIEW (cf_inbox_view_new ());
  GtkColumnView *view = cf_inbox_view_get_column_view (inbox);
  GListModel *shown = G_LIST_MODEL (gtk_column_view_get_model (view));
  g_autoptr (GError) error = NULL;
  g_autoptr (CfDocument) opened = NULL;
  const guint n_copies = 10;
  guint n_reports = 0;
  GListModel *model;

  for (guint copy = 0; copy < n_copies; copy++)
    for (guint i = 0; i < G_N_ELEMENTS (cf_test_corpus); i++)
      {
        g_autofree char *from = cf_test_path ("corpus", cf_test_corpus[i].sub,
                                              cf_test_corpus[i].name, NULL);
        g_autofree char *name = g_strdup_printf ("%02u-%s", copy, cf_test_corpus[i].name);
        g_autofree char *to = g_build_filename (dir, name, NULL);

        cf_test_copy_file (from, to);
        n_reports++;
      }

  gtk_window_set_default_size (GTK_WINDOW (window), 1000, 700);
  gtk_window_set_child (GTK_WINDOW (window), GTK_WIDGET (inbox));
  gtk_window_present (GTK_WINDOW (window));
  g_signal_connect (inbox, "open-document", G_CALLBACK (on_open_document), &opened);

  g_assert_true (cf_inbox_view_open_folder (inbox, dir, &error));
  g_assert_no_error (error);
  model = cf_inbox_view_get_model (inbox);
  /* The batch holds them all at once; the view gets its first page now. */
  g_assert_cmpuint (g_list_model_get_n_items (model), ==, n_reports);
  g_assert_cmpuint (g_list_model_get_n_items (shown), <, n_reports);
  g_assert_cmpuint (g_list_model_get_n_items (shown), >=, 20);

  cf_test_wait_batch (cf_inbox_view_get_batch (inbox), cf_test_time_limit (120));
  g_assert_true (cf_test_spin_until (view_has_every_row, inbox, 5.0));
  assert_rows_show_their_entries (inbox);
  /* Ten Shenzhen reports with errors on top, then the rest by name. */
  {
    g_autoptr (CfBatchEntry) top = g_list_model_get_item (model, 0);
    g_autoptr (CfBatchEntry) next = g_list_model_get_item (model, n_copies);

    g_assert_cmpstr (cf_batch_entry_get_name (top), ==, "00-shenzhen-psb-2020.txt");
    g_assert_cmpuint (cf_batch_entry_get_n_open_errors (top), >, 0);
    g_assert_cmpuint (cf_batch_entry_get_n_open_errors (next), ==, 0);
  }

  /* Every row moves: by name, then back to errors. */
  {
    GListModel *columns = gtk_column_view_get_columns (view);
    g_autoptr (GtkColumnViewColumn) document = g_list_model_get_item (columns,
                                                                      CF_INBOX_COLUMN_DOCUMENT);
    g_autoptr (GtkColumnViewColumn) errors = g_list_model_get_item (columns,
                                                                    CF_INBOX_COLUMN_ERRORS);

    gtk_column_view_sort_by_column (view, document, GTK_SORT_DESCENDING);
    cf_test_spin_for (0.2);
    assert_rows_show_their_entries (inbox);
    gtk_column_view_sort_by_column (view, errors, GTK_SORT_DESCENDING);
    cf_test_spin_for (0.2);
    assert_rows_show_their_entries (inbox);
  }

  /* The last row opens its document. */
  {
    g_autoptr (CfBatchEntry) last = g_list_model_get_item (model, n_reports - 1);

    g_assert_true (cf_inbox_view_activate_row (inbox, n_reports - 1));
    g_assert_nonnull (opened);
    g_assert_true (opened == cf_batch_entry_get_document (last));
  }

  /* Another folder in the same view: the rows show the new batch. */
  {
    g_autofree char *other = cf_test_make_tmpdir ();

    cf_test_copy_corpus (other, other);
    g_assert_true (cf_inbox_view_open_folder (inbox, other, &error));
    g_assert_no_error (error);
    cf_test_wait_batch (cf_inbox_view_get_batch (inbox), cf_test_time_limit (120));
    g_assert_cmpuint (g_list_model_get_n_items (model), ==, G_N_ELEMENTS (cf_test_corpus));
    g_assert_true (cf_test_spin_until (view_has_every_row, inbox, 5.0));
    assert_rows_show_their_entries (inbox);
    cf_test_rm_rf (other);
  }

  gtk_window_destroy (GTK_WINDOW (window));
  cf_test_spin_for (0.1);
  cf_test_rm_rf (dir);
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

static CfReview *
review_of (CfStore *store, CfDocument *doc)
{
  g_autoptr (GError) error = NULL;
  CfReview *review = cf_review_new (store, cf_document_get_sha256 (doc), &error);

  g_assert_no_error (error);
  return review;
}

static void
assert_accessible_description (GtkWidget *widget, const char *expected)
{
  g_autofree char *error = gtk_test_accessible_check_property (GTK_ACCESSIBLE (widget),
                                                               GTK_ACCESSIBLE_PROPERTY_DESCRIPTION,
                                                               expected);

  if (error != NULL)
    g_error ("accessible description is %s, expected %s", error, expected);
}

/* The State column says what the analyst saved: reviewed tables and accepted
 * findings; an accepted error is not counted as open. */
static void
test_inbox_review_state (void)
{
  g_autofree char *dir = cf_test_make_tmpdir ();
  g_autofree char *shenzhen = g_build_filename (dir, "shenzhen-psb-2020.txt", NULL);
  g_autofree char *zibo = g_build_filename (dir, "zibo-gaoxin-psb-2022.txt", NULL);
  g_autofree char *shanghai = g_build_filename (dir, "shanghai-gov-office-2019.html", NULL);
  g_autoptr (CfStore) store = NULL;
  g_autoptr (GError) error = NULL;
  GtkWidget *window = gtk_window_new ();
  CfInboxView *inbox = CF_INBOX_VIEW (cf_inbox_view_new ());
  guint position;

  {
    g_autofree char *from = cf_test_path ("corpus", "text", "shenzhen-psb-2020.txt", NULL);
    cf_test_copy_file (from, shenzhen);
  }
  {
    g_autofree char *from = cf_test_path ("corpus", "text", "zibo-gaoxin-psb-2022.txt", NULL);
    cf_test_copy_file (from, zibo);
  }
  {
    g_autofree char *from = cf_test_path ("corpus", "html", "shanghai-gov-office-2019.html", NULL);
    cf_test_copy_file (from, shanghai);
  }

  /* What the app saved: Shenzhen's error accepted, Zibo's tables all
   * reviewed, one of Shanghai's. */
  store = cf_store_open (NULL, &error);
  g_assert_no_error (error);
  {
    g_autoptr (CfDocument) doc = load_audited (shenzhen);
    g_autoptr (CfReview) review = review_of (store, doc);
    GPtrArray *findings = cf_document_get_findings (doc);

    for (guint i = 0; i < findings->len; i++)
      if (((CfFinding *) g_ptr_array_index (findings, i))->severity == CF_SEVERITY_ERROR)
        g_assert_true (cf_review_accept (review, g_ptr_array_index (findings, i), "", &error));
  }
  {
    g_autoptr (CfDocument) doc = load_audited (zibo);
    g_autoptr (CfReview) review = review_of (store, doc);
    GPtrArray *tables = cf_document_get_tables (doc);

    for (guint i = 0; i < tables->len; i++)
      g_assert_true (cf_review_set_table_reviewed (review,
                                                   cf_table_get_id (g_ptr_array_index (tables, i)),
                                                   TRUE, &error));
  }
  {
    g_autoptr (CfDocument) doc = load_audited (shanghai);
    g_autoptr (CfReview) review = review_of (store, doc);

    g_assert_true (cf_review_set_table_reviewed (review, "requests", TRUE, &error));
  }

  gtk_window_set_default_size (GTK_WINDOW (window), 1000, 700);
  gtk_window_set_child (GTK_WINDOW (window), GTK_WIDGET (inbox));
  gtk_window_present (GTK_WINDOW (window));
  g_assert_true (cf_inbox_view_open_folder (inbox, dir, &error));
  g_assert_no_error (error);
  cf_test_wait_batch (cf_inbox_view_get_batch (inbox), cf_test_time_limit (120));
  cf_test_spin_for (0.2);

  position = cf_test_inbox_position (inbox, "shenzhen-psb-2020.txt");
  g_assert_cmpstr (cell_text (inbox, position, CF_INBOX_COLUMN_ERRORS, "Errors"), ==, "0");
  g_assert_false (gtk_widget_has_css_class (
    cf_inbox_view_get_cell_widget (inbox, position, CF_INBOX_COLUMN_ERRORS), "error"));
  g_assert_cmpstr (cell_text (inbox, position, CF_INBOX_COLUMN_STATE, "State"), ==,
                   "Not reviewed · 1 accepted");
  assert_accessible_description (cf_inbox_view_get_cell_widget (inbox, position,
                                                                CF_INBOX_COLUMN_STATE),
                                 "1 finding accepted as published, not counted as open");

  position = cf_test_inbox_position (inbox, "zibo-gaoxin-psb-2022.txt");
  g_assert_cmpstr (cell_text (inbox, position, CF_INBOX_COLUMN_STATE, "State"), ==, "Reviewed");
  assert_accessible_description (cf_inbox_view_get_cell_widget (inbox, position,
                                                                CF_INBOX_COLUMN_STATE), "");
  position = cf_test_inbox_position (inbox, "shanghai-gov-office-2019.html");
  g_assert_cmpstr (cell_text (inbox, position, CF_INBOX_COLUMN_STATE, "State"), ==,
                   "1 of 3 tables reviewed");

  gtk_window_destroy (GTK_WINDOW (window));
  cf_test_spin_for (0.1);
  cf_test_rm_rf (dir);
}

int
main (int argc, char **argv)
{
  cf_test_gui_init (&argc, &argv);
  if (!cf_test_gui_start ("/inbox/corpus-folder"))
    return g_test_run ();
  g_test_add_func ("/inbox/corpus-folder", test_inbox_corpus_folder);
  g_test_add_func ("/inbox/many-reports", test_inbox_many_reports);
  g_test_add_func ("/inbox/review-state", test_inbox_review_state);
  /* The batch reads what the app saved: from a fresh folder, not a shared one. */
  return cf_test_run_with_data_dir ();
}
