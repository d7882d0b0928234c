/* STUB window: replaced by the desktop app. */
#include "config.h"

#include "crossfoot.h"
#include "cf-window.h"

struct _CfWindow
{
  AdwApplicationWindow parent_instance;
  GtkLabel            *status;
};

G_DEFINE_FINAL_TYPE (CfWindow, cf_window, ADW_TYPE_APPLICATION_WINDOW)

static void
cf_window_class_init (CfWindowClass *klass)
{
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/crossfoot/Crossfoot/cf-window.ui");
  gtk_widget_class_bind_template_child (widget_class, CfWindow, status);
}

static void
cf_window_init (CfWindow *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}

CfWindow *
cf_window_new (CfApplication *app)
{
  return g_object_new (CF_TYPE_WINDOW, "application", app, NULL);
}

void
cf_window_open_file (CfWindow *self, GFile *file)
{
  g_autoptr (GError) error = NULL;
  g_autofree char *path = g_file_get_path (file);
  g_autoptr (CfDocument) doc = cf_document_load_file (path, NULL, NULL, &error);
  g_autofree char *msg = NULL;

  if (doc == NULL)
    msg = g_strdup (error->message);
  else
    msg = g_strdup_printf ("%s: %u tables", cf_document_get_basename (doc),
                           cf_document_get_tables (doc)->len);
  gtk_label_set_text (self->status, msg);
}
