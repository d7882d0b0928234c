/* dnd-source.c: a window to drag a file from, for tests/test-dnd.c
 *
 *   dnd-source FILE...
 *
 * Shows a window titled "dnd-source" of 300×300 whose whole area is a
 * GtkDragSource offering the FILEs the ways file managers do: as a
 * GdkFileList (text/uri-list on X11) and as plain text (their URIs). It prints
 * "dnd-source: drag-begin" and "dnd-source: drag-end" so the test can see
 * what happened, and quits after the drag ends (or after 60 s).
 */
#include <gtk/gtk.h>

static GSList *files;

static GdkContentProvider *
on_prepare (GtkDragSource *source, double x, double y, gpointer data)
{
  g_autoptr (GString) uris = g_string_new (NULL);
  GdkContentProvider *providers[2];

  for (GSList *l = files; l != NULL; l = l->next)
    {
      g_autofree char *uri = g_file_get_uri (l->data);

      g_string_append_printf (uris, "%s\r\n", uri);
    }
  providers[0] = gdk_content_provider_new_typed (GDK_TYPE_FILE_LIST, files);
  providers[1] = gdk_content_provider_new_typed (G_TYPE_STRING, uris->str);
  return gdk_content_provider_new_union (providers, G_N_ELEMENTS (providers));
}

static void
on_drag_begin (GtkDragSource *source, GdkDrag *drag, gpointer data)
{
  g_print ("dnd-source: drag-begin\n");
}

static void
on_drag_end (GtkDragSource *source, GdkDrag *drag, gboolean delete_data, gpointer data)
{
  gboolean *done = data;

  g_print ("dnd-source: drag-end\n");
  *done = TRUE;
}

static void
on_destroy (GtkWidget *window, gpointer data)
{
  gboolean *done = data;

  *done = TRUE;
}

int
main (int argc, char **argv)
{
  GtkWidget *window;
  GtkWidget *label;
  GtkDragSource *source;
  gboolean done = FALSE;
  gint64 end;

  if (argc < 2)
    {
      g_printerr ("usage: dnd-source FILE...\n");
      return 2;
    }
  gtk_init ();
  for (int i = argc - 1; i >= 1; i--)
    files = g_slist_prepend (files, g_file_new_for_commandline_arg (argv[i]));

  window = gtk_window_new ();
  gtk_window_set_title (GTK_WINDOW (window), "dnd-source");
  gtk_window_set_default_size (GTK_WINDOW (window), 300, 300);
  gtk_window_set_decorated (GTK_WINDOW (window), FALSE);
  label = gtk_label_new (g_file_peek_path (files->data));
  gtk_label_set_wrap (GTK_LABEL (label), TRUE);
  gtk_window_set_child (GTK_WINDOW (window), label);

  source = gtk_drag_source_new ();
  gtk_drag_source_set_actions (source, GDK_ACTION_COPY);
  g_signal_connect (source, "prepare", G_CALLBACK (on_prepare), NULL);
  g_signal_connect (source, "drag-begin", G_CALLBACK (on_drag_begin), NULL);
  g_signal_connect (source, "drag-end", G_CALLBACK (on_drag_end), &done);
  gtk_widget_add_controller (label, GTK_EVENT_CONTROLLER (source));
  g_signal_connect (window, "destroy", G_CALLBACK (on_destroy), &done);
  gtk_window_present (GTK_WINDOW (window));
  g_print ("dnd-source: shown\n");

  end = g_get_monotonic_time () + 60 * G_USEC_PER_SEC;
  while (!done && g_get_monotonic_time () < end)
    g_main_context_iteration (NULL, TRUE);
  /* Let the target finish reading the data before the source goes away. */
  end = g_get_monotonic_time () + G_USEC_PER_SEC;
  while (g_get_monotonic_time () < end)
    {
      g_main_context_iteration (NULL, FALSE);
      g_usleep (10000);
    }
  g_slist_free_full (files, g_object_unref);
  return 0;
}
