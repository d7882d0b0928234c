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

/* @choice: the id of the option chosen (cf_file_dialog_save_with_choice). */
typedef void (*CfFileDialogChoiceCallback) (GFile      *file,
                                            const char *choice,
                                            gpointer    owner,
                                            gpointer    data);

/* cf_file_dialog_save () offering, beside the name, one choice (@choice_label:
 * the options @labels, ids @ids, both NULL-terminated; @selected listed first
 * and chosen) on
 * every GTK: GtkFileDialog cannot offer one, so this is a file chooser (the
 * portal's in a sandbox), GTK's deprecation of it notwithstanding. */
void cf_file_dialog_save_with_choice (GtkWindow                 *parent,
                                      const char                *title,
                                      const char                *initial_name,
                                      gboolean                   folder,
                                      const char                *choice_label,
                                      const char *const         *ids,
                                      const char *const         *labels,
                                      const char                *selected,
                                      CfFileDialogChoiceCallback callback,
                                      gpointer                   owner,
                                      gpointer                   data);

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
