#include "config.h"

#include "cf-application.h"
#include "cf-window.h"

struct _CfApplication
{
  AdwApplication parent_instance;
};

G_DEFINE_FINAL_TYPE (CfApplication, cf_application, ADW_TYPE_APPLICATION)

static CfWindow *
get_window (CfApplication *self)
{
  GtkWindow *window = gtk_application_get_active_window (GTK_APPLICATION (self));

  if (window == NULL)
    window = GTK_WINDOW (cf_window_new (self));
  return CF_WINDOW (window);
}

static void
cf_application_activate (GApplication *app)
{
  gtk_window_present (GTK_WINDOW (get_window (CF_APPLICATION (app))));
}

static void
cf_application_open (GApplication *app, GFile **files, int n_files, const char *hint)
{
  CfWindow *window = get_window (CF_APPLICATION (app));

  for (int i = 0; i < n_files; i++)
    cf_window_open_file (window, files[i]);
  gtk_window_present (GTK_WINDOW (window));
}

static void
cf_application_class_init (CfApplicationClass *klass)
{
  GApplicationClass *app_class = G_APPLICATION_CLASS (klass);

  app_class->activate = cf_application_activate;
  app_class->open = cf_application_open;
}

static void
cf_application_init (CfApplication *self)
{
}

CfApplication *
cf_application_new (void)
{
  return g_object_new (CF_TYPE_APPLICATION,
                       "application-id", APP_ID,
                       "flags", G_APPLICATION_HANDLES_OPEN | G_APPLICATION_NON_UNIQUE,
                       "resource-base-path", "/io/github/crossfoot/Crossfoot",
                       NULL);
}
