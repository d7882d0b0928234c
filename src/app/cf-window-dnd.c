/* cf-window-dnd.c: dropping reports onto the window
 *
 * File managers offer a file list; browsers and terminals often offer only
 * text (a text/uri-list or a plain path), which the string target reads.
 */
#include "config.h"

#include <glib/gi18n.h>

#include "cf-window-private.h"

static gboolean
on_drop_files (GtkDropTarget *target, const GValue *value, double x, double y, CfWindow *self)
{
  GSList *files = g_value_get_boxed (value);

  if (files == NULL)
    return FALSE;
  cf_window_open_files (self, files);
  return TRUE;
}

static gboolean
on_drop_string (GtkDropTarget *target, const GValue *value, double x, double y, CfWindow *self)
{
  const char *text = g_value_get_string (value);
  g_auto (GStrv) uris = NULL;
  GSList *files = NULL;

  if (text == NULL)
    return FALSE;
  uris = g_uri_list_extract_uris (text);
  for (guint i = 0; uris[i] != NULL; i++)
    {
      const char *line = g_strstrip (uris[i]);
      g_autofree char *scheme = g_uri_parse_scheme (line);

      if (*line == '\0')
        continue;
      if (scheme != NULL)
        files = g_slist_append (files, g_file_new_for_uri (line));
      else if (g_path_is_absolute (line))
        files = g_slist_append (files, g_file_new_for_path (line));
    }
  if (files == NULL)
    {
      cf_window_show_toast (self, _("The dropped text names no file"));
      return FALSE;
    }
  cf_window_open_files (self, files);
  g_slist_free_full (files, g_object_unref);
  return TRUE;
}

void
cf_window_setup_dnd (CfWindow *self)
{
  GtkDropTarget *files = gtk_drop_target_new (GDK_TYPE_FILE_LIST, GDK_ACTION_COPY);
  GtkDropTarget *text = gtk_drop_target_new (G_TYPE_STRING, GDK_ACTION_COPY);

  g_signal_connect (files, "drop", G_CALLBACK (on_drop_files), self);
  g_signal_connect (text, "drop", G_CALLBACK (on_drop_string), self);
  gtk_widget_add_controller (GTK_WIDGET (self->main_stack), GTK_EVENT_CONTROLLER (files));
  gtk_widget_add_controller (GTK_WIDGET (self->main_stack), GTK_EVENT_CONTROLLER (text));
}
