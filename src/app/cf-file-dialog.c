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

/* A save dialog offering a choice ------------------------------------------------
 *
 * GtkFileDialog (GTK ≥ 4.10) has no way to offer a choice beside the file
 * name, while GtkFileChooser's choices reach the portal's save dialog as
 * well as GTK's own. So on GTK ≥ 4.10 this one dialog is a
 * GtkFileChooserNative (the portal's in a sandbox), its deprecation warnings
 * silenced here and nowhere else. On GTK 4.8 it is GTK's own dialog, whose
 * choice is read where it was made (4.8's native fallback does not hand the
 * choice made in its dialog back). */

typedef struct
{
  CfFileDialogChoiceCallback callback;
  GObject                   *owner;
  gpointer                   data;
} ChoiceRequest;

G_GNUC_BEGIN_IGNORE_DEPRECATIONS

static void
choice_answered (ChoiceRequest *request, GtkFileChooser *chooser, int response)
{
  if (response == GTK_RESPONSE_ACCEPT)
    {
      g_autoptr (GFile) file = gtk_file_chooser_get_file (chooser);
      g_autofree char *choice = g_strdup (gtk_file_chooser_get_choice (chooser, "choice"));

      if (file != NULL)
        request->callback (file, choice, request->owner, request->data);
    }
  g_object_unref (request->owner);
  g_free (request);
}

#if GTK_CHECK_VERSION (4, 10, 0)
static void
on_choice_response (GtkNativeDialog *dialog, int response, gpointer data)
{
  choice_answered (data, GTK_FILE_CHOOSER (dialog), response);
  gtk_native_dialog_destroy (dialog);
  g_object_unref (dialog);
}
#else
static void
on_choice_response (GtkDialog *dialog, int response, gpointer data)
{
  choice_answered (data, GTK_FILE_CHOOSER (dialog), response);
  gtk_window_destroy (GTK_WINDOW (dialog));
}
#endif

void
cf_file_dialog_save_with_choice (GtkWindow                 *parent,
                                 const char                *title,
                                 const char                *initial_name,
                                 gboolean                   folder,
                                 const char                *choice_label,
                                 const char *const         *ids,
                                 const char *const         *labels,
                                 const char                *selected,
                                 CfFileDialogChoiceCallback callback,
                                 gpointer                   owner,
                                 gpointer                   data)
{
  GtkFileChooserAction action = folder ? GTK_FILE_CHOOSER_ACTION_SELECT_FOLDER
                                       : GTK_FILE_CHOOSER_ACTION_SAVE;
  const char *accept = folder ? _("_Select") : _("_Save");
  ChoiceRequest *request;
  GtkFileChooser *chooser;

  g_return_if_fail (parent == NULL || GTK_IS_WINDOW (parent));
  g_return_if_fail (ids != NULL && labels != NULL && ids[0] != NULL);
  g_return_if_fail (callback != NULL);
  g_return_if_fail (G_IS_OBJECT (owner));

  request = g_new0 (ChoiceRequest, 1);
  request->callback = callback;
  request->owner = g_object_ref (owner);
  request->data = data;
#if GTK_CHECK_VERSION (4, 10, 0)
  GtkFileChooserNative *native = gtk_file_chooser_native_new (title, parent, action, accept,
                                                              _("_Cancel"));

  chooser = GTK_FILE_CHOOSER (native);
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (native), TRUE);
  g_signal_connect (native, "response", G_CALLBACK (on_choice_response), request);
#else
  GtkWidget *dialog = gtk_file_chooser_dialog_new (title, parent, action,
                                                   _("_Cancel"), GTK_RESPONSE_CANCEL,
                                                   accept, GTK_RESPONSE_ACCEPT, NULL);

  chooser = GTK_FILE_CHOOSER (dialog);
  gtk_window_set_modal (GTK_WINDOW (dialog), TRUE);
  gtk_dialog_set_default_response (GTK_DIALOG (dialog), GTK_RESPONSE_ACCEPT);
  g_signal_connect (dialog, "response", G_CALLBACK (on_choice_response), request);
#endif
  if (!folder && initial_name != NULL)
    gtk_file_chooser_set_current_name (chooser, initial_name);
  {
    /* @selected first, the others in their order: GTK 4.8's dialog ignores
     * gtk_file_chooser_set_choice () and shows the first option chosen. */
    g_autoptr (GPtrArray) order_ids = g_ptr_array_new ();
    g_autoptr (GPtrArray) order_labels = g_ptr_array_new ();

    for (int pass = 0; pass < 2; pass++)
      for (guint i = 0; ids[i] != NULL && labels[i] != NULL; i++)
        if ((g_strcmp0 (ids[i], selected) == 0) == (pass == 0))
          {
            g_ptr_array_add (order_ids, (gpointer) ids[i]);
            g_ptr_array_add (order_labels, (gpointer) labels[i]);
          }
    g_ptr_array_add (order_ids, NULL);
    g_ptr_array_add (order_labels, NULL);
    gtk_file_chooser_add_choice (chooser, "choice", choice_label,
                                 (const char **) order_ids->pdata,
                                 (const char **) order_labels->pdata);
    gtk_file_chooser_set_choice (chooser, "choice", g_ptr_array_index (order_ids, 0));
  }
#if GTK_CHECK_VERSION (4, 10, 0)
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (native));
#else
  gtk_window_present (GTK_WINDOW (dialog));
#endif
}

G_GNUC_END_IGNORE_DEPRECATIONS

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
