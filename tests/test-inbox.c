/* test-inbox.c: the batch inbox widget over a folder of the corpus, under Xvfb
 *
 *   xvfb-run -a meson test -C build test-inbox
 */
#include <adwaita.h>
#include <string.h>

#include "cf-test-gui.h"
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
        g_autofree char *n_warnings = g_strdup_printf ("%u", cf_batch_entry_get_n_warnings (entry));
        CfDocument *doc = cf_batch_entry_get_document (entry);
        const char *form = cf_batch_entry_get_form (entry);

        g_assert_cmpint (cf_batch_entry_get_state (entry), ==, CF_BATCH_STATE_DONE);
        g_assert_cmpstr (cell_text (inbox, i, CF_INBOX_COLUMN_ERRORS, "Errors"), ==, n_errors);
        g_assert_cmpstr (cell_text (inbox, i, CF_INBOX_COLUMN_WARNINGS, "Warnings"), ==,
                         n_warnings);
        g_assert_cmpstr (cell_text (inbox, i, CF_INBOX_COLUMN_FORM, "Form"), ==,
                         form ? form : "None");
        g_assert_cmpstr (cell_text (inbox, i, CF_INBOX_COLUMN_STATE, "State"), ==,
                         "Not reviewed");
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

int
main (int argc, char **argv)
{
  cf_test_gui_init (&argc, &argv);
  if (!cf_test_gui_start ("/inbox/corpus-folder"))
    return g_test_run ();
  g_test_add_func ("/inbox/corpus-folder", test_inbox_corpus_folder);
  return g_test_run ();
}
