/* cf-file-dialog.h: the app's file choosers, one helper for every GTK it builds on
 *
 * GtkFileDialog on GTK ≥ 4.10; GtkFileChooserNative before it (GTK 4.8).
 * Each call takes @owner, a GObject kept alive until the person answered,
 * and @data, handed back as it is (a kind of export, say); it calls
 * @callback only when something was chosen.
 */
#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

/* @file: the file (or folder) chosen; @owner, @data: what the caller passed. */
typedef void (*CfFileDialogCallback)      (GFile   *file,
                                           gpointer owner,
                                           gpointer data);
/* @files: a list of GFile, at least one, owned by the dialog. */
typedef void (*CfFileDialogFilesCallback) (GSList  *files,
                                           gpointer owner,
                                           gpointer data);

/* A file to write (@initial_name suggested), or with @folder a folder to
 * write into (@initial_name unused). @parent may be NULL. */
void cf_file_dialog_save (GtkWindow                *parent,
                          const char               *title,
                          const char               *initial_name,
                          gboolean                  folder,
                          CfFileDialogCallback      callback,
                          gpointer                  owner,
                          gpointer                  data);

/* Files to read, several at once, offering @filters (a list of
 * GtkFileFilter, the first one the default; may be NULL); or with @folder
 * one folder to read (@filters unused), given as a list of one. */
void cf_file_dialog_open (GtkWindow                *parent,
                          const char               *title,
                          GListModel               *filters,
                          gboolean                  folder,
                          CfFileDialogFilesCallback callback,
                          gpointer                  owner,
                          gpointer                  data);

G_END_DECLS
