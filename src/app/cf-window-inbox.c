/* cf-window-inbox.c: many reports at once, in the window's inbox page
 *
 * A folder, several chosen files, a drop of several files or several files on
 * the command line become a CfBatch shown by the CfInboxView page of the main
 * stack. Activating a row shows that (already audited) document in the
 * document page; the header's back button returns to the inbox, whose row is
 * then counted again so edits and accepted findings show there.
 *
 * The batch replayed each file's saved work (structure edits, corrections)
 * before auditing it. The window shows that document itself, with a session
 * that takes the work as applied rather than replaying it a second time; a
 * document whose saved work changed since (edited in another window, or the
 * file opened on its own) is read again instead. Back in the inbox, the row of
 * the file the window shows takes its document and verdicts as they are now.
 */
#include "config.h"

#include <glib/gi18n.h>

#include "cf-file-dialog.h"
#include "cf-compare-window.h"
#include "cf-window-private.h"

/* The entry whose document the document page shows (a ref), if any. */
#define SHOWN_ENTRY_KEY "cf-inbox-shown-entry"
/* What the window title says while the inbox is shown. */
#define INBOX_TITLE_KEY "cf-inbox-title"

static gboolean
is_directory (GFile *file)
{
  return g_file_query_file_type (file, G_FILE_QUERY_INFO_NONE, NULL) == G_FILE_TYPE_DIRECTORY;
}

gboolean
cf_window_wants_batch (GSList *files)
{
  return files != NULL && (files->next != NULL || is_directory (files->data));
}

static void
update_inbox_button (CfWindow *self)
{
  const char *page = gtk_stack_get_visible_child_name (self->main_stack);
  gboolean has_batch = cf_inbox_view_get_batch (self->inbox_view) != NULL;

  gtk_widget_set_visible (self->inbox_button, has_batch && g_strcmp0 (page, "inbox") != 0);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.show-inbox", has_batch);
}

/* The session's review and store when it is @document's. */
static CfReview *
session_review (CfWindow *self, CfDocument *document)
{
  if (self->session == NULL || cf_correction_session_get_document (self->session) != document)
    return NULL;
  return cf_correction_session_get_review (self->session);
}

static CfStore *
session_store (CfWindow *self, CfDocument *document)
{
  if (self->session == NULL || cf_correction_session_get_document (self->session) != document)
    return NULL;
  return cf_correction_session_get_store (self->session);
}

/* The inbox row of the file the window shows, or NULL. */
static CfBatchEntry *
entry_of_shown_document (CfWindow *self, CfBatch *batch)
{
  const char *path = self->document ? cf_document_get_path (self->document) : NULL;

  if (path == NULL || g_strcmp0 (path, "-") == 0)
    return NULL;
  return cf_batch_find_entry (batch, path);
}

/* The row of the file the window shows takes its document and verdicts as
 * they are now: what was edited, accepted or marked reviewed there. */
static void
update_entry_from_window (CfWindow *self, CfBatch *batch)
{
  CfBatchEntry *entry = entry_of_shown_document (self, batch);
  CfBatchEntry *shown = g_object_get_data (G_OBJECT (self), SHOWN_ENTRY_KEY);

  if (entry != NULL)
    cf_batch_update_entry (batch, entry, self->document, session_review (self, self->document),
                           session_store (self, self->document));
  else if (shown != NULL)
    cf_batch_refresh_entry (batch, shown);
}

static void
show_inbox_page (CfWindow *self)
{
  const char *title = g_object_get_data (G_OBJECT (self), INBOX_TITLE_KEY);
  g_autofree char *window_title = g_strdup_printf ("%s — Crossfoot", title);
  CfBatch *batch = cf_inbox_view_get_batch (self->inbox_view);
  g_autofree char *subtitle = NULL;

  /* The document may have been edited or its findings accepted meanwhile. */
  if (batch != NULL)
    update_entry_from_window (self, batch);

  subtitle = g_strdup_printf (ngettext ("%u document", "%u documents",
                                        batch ? cf_batch_get_n_total (batch) : 0),
                              batch ? cf_batch_get_n_total (batch) : 0);
  gtk_window_set_title (GTK_WINDOW (self), window_title);
  adw_window_title_set_title (self->title_widget, title);
  adw_window_title_set_subtitle (self->title_widget, subtitle);
  gtk_stack_set_visible_child_name (self->main_stack, "inbox");
  update_inbox_button (self);
}

gboolean
cf_window_show_inbox (CfWindow *self)
{
  g_return_val_if_fail (CF_IS_WINDOW (self), FALSE);

  if (cf_inbox_view_get_batch (self->inbox_view) == NULL)
    return FALSE;
  show_inbox_page (self);
  return TRUE;
}

void
cf_window_open_batch (CfWindow *self, GSList *files)
{
  g_autoptr (CfBatch) batch = NULL;
  g_autoptr (GString) problems = g_string_new (NULL);
  g_autofree char *title = NULL;
  guint n_folders = 0;

  g_return_if_fail (CF_IS_WINDOW (self));

  batch = cf_batch_new ();
  /* Shown before anything is queued, so the list fills in from the first result on. */
  cf_inbox_view_set_batch (self->inbox_view, batch);
  g_object_set_data (G_OBJECT (self), SHOWN_ENTRY_KEY, NULL);

  for (GSList *l = files; l != NULL; l = l->next)
    {
      GFile *file = l->data;
      g_autofree char *path = g_file_get_path (file);
      g_autoptr (GError) error = NULL;

      if (path == NULL)
        {
          g_autofree char *name = g_file_get_basename (file);

          /* TRANSLATORS: a file given for the inbox is not on this computer */
          g_string_append_printf (problems, _("%s: only local files can be audited together"), name);
          g_string_append_c (problems, '\n');
        }
      else if (is_directory (file))
        {
          n_folders++;
          if (cf_batch_add_folder (batch, path, &error) < 0)
            g_string_append_printf (problems, "%s\n", error->message);
        }
      else
        cf_batch_add_file (batch, path);
    }

  if (n_folders == 1 && files->next == NULL)
    title = g_file_get_basename (files->data);
  else
    title = g_strdup (_("Inbox"));
  g_object_set_data_full (G_OBJECT (self), INBOX_TITLE_KEY, g_steal_pointer (&title), g_free);

  show_inbox_page (self);
  if (problems->len > 0)
    {
      g_strchomp (problems->str);
      cf_window_show_toast (self, problems->str);
    }
  else if (cf_batch_get_n_total (batch) == 0)
    cf_window_show_toast (self, _("No reports were found there"));
}

void
cf_window_open_folder (CfWindow *self, GFile *folder)
{
  GSList one = { folder, NULL };

  g_return_if_fail (CF_IS_WINDOW (self));
  g_return_if_fail (G_IS_FILE (folder));
  cf_window_open_batch (self, &one);
}

CfInboxView *
cf_window_get_inbox_view (CfWindow *self)
{
  g_return_val_if_fail (CF_IS_WINDOW (self), NULL);
  return self->inbox_view;
}

const char *
cf_window_get_view_name (CfWindow *self)
{
  g_return_val_if_fail (CF_IS_WINDOW (self), NULL);
  return gtk_stack_get_visible_child_name (self->main_stack);
}

/* Ties @document (the batch's, its saved work applied already) to a session
 * that does not replay that work again. FALSE when the work saved for it
 * changed since the batch applied it: it must be read again. */
static gboolean
attach_restored_session (CfWindow *self, CfBatchEntry *entry, CfDocument *document)
{
  g_autoptr (CfCorrectionSession) session = NULL;
  g_autoptr (GError) error = NULL;

  if (session_review (self, document) != NULL)
    return TRUE;
  session = cf_correction_session_new_restored (document, cf_batch_entry_get_n_stale (entry),
                                                &error);
  /* Without the database the window has no session either (it says why). */
  if (session == NULL)
    return TRUE;
  if (!cf_batch_entry_has_current_work (entry, cf_correction_session_get_store (session)))
    return FALSE;
  g_set_object (&self->session, session);
  return TRUE;
}

/* A row of the inbox was activated: its document is loaded and audited. */
static void
on_open_document (CfInboxView *inbox, CfDocument *document, CfWindow *self)
{
  CfBatch *batch = cf_inbox_view_get_batch (inbox);
  GListModel *model = cf_batch_get_model (batch);
  CfBatchEntry *entry = NULL;
  g_autoptr (GBytes) pdf_bytes = NULL;

  for (guint i = 0; i < g_list_model_get_n_items (model); i++)
    {
      g_autoptr (CfBatchEntry) item = g_list_model_get_item (model, i);

      if (cf_batch_entry_get_document (item) == document)
        {
          entry = item;
          g_object_set_data_full (G_OBJECT (self), SHOWN_ENTRY_KEY,
                                  g_steal_pointer (&item), g_object_unref);
          break;
        }
    }

  if (entry != NULL)
    {
      /* The window holds this file already (opened on its own, or read
       * again): the row takes that, and it stays on screen as it is. */
      if (self->document != NULL && self->document != document
          && entry_of_shown_document (self, batch) == entry)
        {
          update_entry_from_window (self, batch);
          document = cf_batch_entry_get_document (entry);
        }
      else if (!attach_restored_session (self, entry, document))
        {
          g_autoptr (GFile) file = g_file_new_for_path (cf_batch_entry_get_path (entry));

          cf_window_open_file (self, file);
          update_inbox_button (self);
          return;
        }
    }

  /* The page view draws from the file's bytes, which the batch did not keep. */
  if (cf_document_get_kind (document) == CF_DOCUMENT_KIND_PDF &&
      cf_document_get_path (document) != NULL)
    {
      g_autoptr (GFile) file = g_file_new_for_path (cf_document_get_path (document));
      g_autoptr (GError) error = NULL;

      pdf_bytes = g_file_load_bytes (file, NULL, NULL, &error);
      if (pdf_bytes == NULL)
        cf_window_show_toast (self, error->message);
    }
  cf_window_set_document (self, document, pdf_bytes);
  update_inbox_button (self);
}

static void
on_main_page_changed (GtkStack *stack, GParamSpec *pspec, CfWindow *self)
{
  update_inbox_button (self);
}

/* Actions ------------------------------------------------------------------- */

static void
show_inbox_action (GtkWidget *widget, const char *action_name, GVariant *param)
{
  cf_window_show_inbox (CF_WINDOW (widget));
}

static void
on_folder_chosen (GSList *files, gpointer owner, gpointer data)
{
  cf_window_open_folder (CF_WINDOW (owner), files->data);
}

static void
open_folder_action (GtkWidget *widget, const char *action_name, GVariant *param)
{
  cf_file_dialog_open (GTK_WINDOW (widget), _("Open a Folder of Reports"), NULL, TRUE,
                       on_folder_chosen, widget, NULL);
}

void
cf_window_class_add_inbox (GtkWidgetClass *widget_class)
{
  g_type_ensure (CF_TYPE_INBOX_VIEW);
  gtk_widget_class_bind_template_child (widget_class, CfWindow, inbox_view);
  gtk_widget_class_bind_template_child (widget_class, CfWindow, inbox_button);

  gtk_widget_class_install_action (widget_class, "win.open-folder", NULL, open_folder_action);
  gtk_widget_class_install_action (widget_class, "win.show-inbox", NULL, show_inbox_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_o, GDK_CONTROL_MASK | GDK_SHIFT_MASK,
                                       "win.open-folder", NULL);
}

/* Compare Years: the pair opens in a window of its own, beside this one. */
static void
on_open_comparison (CfInboxView *inbox, CfComparison *comparison, CfWindow *self)
{
  CfCompareWindow *window = cf_compare_window_new (gtk_window_get_application (GTK_WINDOW (self)),
                                                   comparison);

  gtk_window_present (GTK_WINDOW (window));
}

void
cf_window_setup_inbox (CfWindow *self)
{
  g_signal_connect (self->inbox_view, "open-document", G_CALLBACK (on_open_document), self);
  g_signal_connect (self->inbox_view, "open-comparison", G_CALLBACK (on_open_comparison), self);
  g_signal_connect (self->main_stack, "notify::visible-child-name",
                    G_CALLBACK (on_main_page_changed), self);
  update_inbox_button (self);
}
