/* cf-window-dnd.c: dropping reports onto the window
 *
 * File managers offer a file list; browsers and terminals often offer only
 * text (a text/uri-list or a plain path), which the string target reads.
 */
#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

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

/* GTK 4.8 offers a dragged file list as text/plain too, the paths joined by
 * spaces, and a drop may arrive that way (tests/test-dnd.c drags two files):
 * a line that names no file is cut where each existing path ends. */
static GSList *
append_paths (GSList *files, const char *line)
{
  const char *start = line;
  const char *cut = line;

  if (g_file_test (line, G_FILE_TEST_EXISTS) || strstr (line, " /") == NULL)
    return g_slist_append (files, g_file_new_for_path (line));
  while ((cut = strstr (cut + 1, " /")) != NULL)
    {
      g_autofree char *piece = g_strndup (start, cut - start);

      if (g_file_test (piece, G_FILE_TEST_EXISTS))
        {
          files = g_slist_append (files, g_file_new_for_path (piece));
          start = cut + 1;
        }
    }
  return g_slist_append (files, g_file_new_for_path (start));
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
        files = append_paths (files, line);
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
