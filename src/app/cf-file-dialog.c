/* cf-file-dialog.c: the app's file choosers (see cf-file-dialog.h) */
#include "config.h"

#include <glib/gi18n.h>

#include "cf-file-dialog.h"

/* What one open dialog was asked for, until it is answered. */
typedef struct
{
  CfFileDialogCallback      file_callback;
  CfFileDialogFilesCallback files_callback;
  GObject                  *owner;
  gpointer                  data;
  gboolean                  save;
  gboolean                  folder;
} Request;

static Request *
request_new (gboolean                  save,
             gboolean                  folder,
             CfFileDialogCallback      file_callback,
             CfFileDialogFilesCallback files_callback,
             gpointer                  owner,
             gpointer                  data)
{
  Request *request = g_new0 (Request, 1);

  request->save = save;
  request->folder = folder;
  request->file_callback = file_callback;
  request->files_callback = files_callback;
  request->owner = g_object_ref (owner);
  request->data = data;
  return request;
}

/* Hands @files (may be NULL: nothing chosen) to the caller and frees @request. */
static void
request_finish (Request *request, GSList *files)
{
  if (files != NULL)
    {
      if (request->file_callback != NULL)
        request->file_callback (files->data, request->owner, request->data);
      else
        request->files_callback (files, request->owner, request->data);
    }
  g_object_unref (request->owner);
  g_free (request);
}

static GSList *
files_from_model (GListModel *model)
{
  GSList *files = NULL;

  if (model == NULL)
    return NULL;
  for (guint i = g_list_model_get_n_items (model); i > 0; i--)
    files = g_slist_prepend (files, g_list_model_get_item (model, i - 1));
  return files;
}

#if GTK_CHECK_VERSION (4, 10, 0)
static void
on_dialog_done (GObject *source, GAsyncResult *result, gpointer data)
{
  Request *request = data;
  GtkFileDialog *dialog = GTK_FILE_DIALOG (source);
  GSList *files = NULL;
  GFile *file = NULL;

  /* A dismissed dialog is an error here; it chose nothing. */
  if (request->folder)
    file = gtk_file_dialog_select_folder_finish (dialog, result, NULL);
  else if (request->save)
    file = gtk_file_dialog_save_finish (dialog, result, NULL);
  else
    {
      g_autoptr (GListModel) chosen = gtk_file_dialog_open_multiple_finish (dialog, result, NULL);

      files = files_from_model (chosen);
    }
  if (file != NULL)
    files = g_slist_prepend (files, file);
  request_finish (request, files);
  g_slist_free_full (files, g_object_unref);
}

static void
run_dialog (GtkWindow *parent, const char *title, const char *initial_name, GListModel *filters,
            Request *request)
{
  g_autoptr (GtkFileDialog) dialog = gtk_file_dialog_new ();

  gtk_file_dialog_set_title (dialog, title);
  if (filters != NULL)
    gtk_file_dialog_set_filters (dialog, filters);
  if (request->folder)
    gtk_file_dialog_select_folder (dialog, parent, NULL, on_dialog_done, request);
  else if (request->save)
    {
      if (initial_name != NULL)
        gtk_file_dialog_set_initial_name (dialog, initial_name);
      gtk_file_dialog_save (dialog, parent, NULL, on_dialog_done, request);
    }
  else
    gtk_file_dialog_open_multiple (dialog, parent, NULL, on_dialog_done, request);
}
#else
static void
on_native_response (GtkNativeDialog *dialog, int response, gpointer data)
{
  Request *request = data;
  GSList *files = NULL;

  if (response == GTK_RESPONSE_ACCEPT)
    {
      if (request->save || request->folder)
        {
          GFile *file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (dialog));

          if (file != NULL)
            files = g_slist_prepend (files, file);
        }
      else
        {
          g_autoptr (GListModel) chosen = gtk_file_chooser_get_files (GTK_FILE_CHOOSER (dialog));

          files = files_from_model (chosen);
        }
    }
  request_finish (request, files);
  g_slist_free_full (files, g_object_unref);
  gtk_native_dialog_destroy (dialog);
  g_object_unref (dialog);
}

static void
run_dialog (GtkWindow *parent, const char *title, const char *initial_name, GListModel *filters,
            Request *request)
{
  GtkFileChooserAction action = GTK_FILE_CHOOSER_ACTION_OPEN;
  const char *accept = _("_Open");
  GtkFileChooserNative *dialog;

  if (request->folder)
    {
      action = GTK_FILE_CHOOSER_ACTION_SELECT_FOLDER;
      /* Choosing a folder to write into is no opening. */
      if (request->save)
        accept = _("_Select");
    }
  else if (request->save)
    {
      action = GTK_FILE_CHOOSER_ACTION_SAVE;
      accept = _("_Save");
    }
  dialog = gtk_file_chooser_native_new (title, parent, action, accept, _("_Cancel"));
  if (action == GTK_FILE_CHOOSER_ACTION_OPEN)
    gtk_file_chooser_set_select_multiple (GTK_FILE_CHOOSER (dialog), TRUE);
  if (action == GTK_FILE_CHOOSER_ACTION_SAVE && initial_name != NULL)
    gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (dialog), initial_name);
  for (guint i = 0; filters != NULL && i < g_list_model_get_n_items (filters); i++)
    {
      g_autoptr (GtkFileFilter) filter = g_list_model_get_item (filters, i);

      gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (dialog), filter);
    }
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (dialog), TRUE);
  g_signal_connect (dialog, "response", G_CALLBACK (on_native_response), request);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (dialog));
}
#endif

void
cf_file_dialog_save (GtkWindow            *parent,
                     const char           *title,
                     const char           *initial_name,
                     gboolean              folder,
                     CfFileDialogCallback  callback,
                     gpointer              owner,
                     gpointer              data)
{
  g_return_if_fail (parent == NULL || GTK_IS_WINDOW (parent));
  g_return_if_fail (callback != NULL);
  g_return_if_fail (G_IS_OBJECT (owner));

  run_dialog (parent, title, initial_name, NULL,
              request_new (TRUE, folder, callback, NULL, owner, data));
}

void
cf_file_dialog_open (GtkWindow                *parent,
                     const char               *title,
                     GListModel               *filters,
                     gboolean                  folder,
                     CfFileDialogFilesCallback callback,
                     gpointer                  owner,
             gpointer                  data)
{
  g_return_if_fail (parent == NULL || GTK_IS_WINDOW (parent));
  g_return_if_fail (filters == NULL || G_IS_LIST_MODEL (filters));
  g_return_if_fail (callback != NULL);
  g_return_if_fail (G_IS_OBJECT (owner));

  run_dialog (parent, title, NULL, folder ? NULL : filters,
              request_new (FALSE, folder, NULL, callback, owner, data));
}
