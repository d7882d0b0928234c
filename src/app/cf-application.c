#include "config.h"

#include <glib/gi18n.h>

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
  GSList *list = NULL;

  /* A window already showing a report keeps it: the files get new windows. */
  if (cf_window_get_document (window) != NULL || cf_window_is_loading (window))
    window = cf_window_new (CF_APPLICATION (app));
  for (int i = n_files - 1; i >= 0; i--)
    list = g_slist_prepend (list, files[i]);
  cf_window_open_files (window, list);
  g_slist_free (list);
  gtk_window_present (GTK_WINDOW (window));
}

static void
about_action (GSimpleAction *action, GVariant *param, gpointer data)
{
  GtkApplication *app = data;
  const char *developers[] = { _("The Crossfoot authors"), NULL };
  const char *comments = _("Extracts the statistical tables of government information "
                           "disclosure annual reports and checks that every total adds up.");
  GtkWindow *parent = gtk_application_get_active_window (app);

#if ADW_CHECK_VERSION (1, 5, 0)
  AdwAboutDialog *about = ADW_ABOUT_DIALOG (adw_about_dialog_new ());

  adw_about_dialog_set_application_name (about, "Crossfoot");
  adw_about_dialog_set_application_icon (about, APP_ID);
  adw_about_dialog_set_version (about, PACKAGE_VERSION);
  adw_about_dialog_set_developer_name (about, _("The Crossfoot authors"));
  adw_about_dialog_set_developers (about, developers);
  adw_about_dialog_set_comments (about, comments);
  adw_about_dialog_set_license_type (about, GTK_LICENSE_GPL_3_0);
  adw_dialog_present (ADW_DIALOG (about), parent ? GTK_WIDGET (parent) : NULL);
#else
  AdwAboutWindow *about = ADW_ABOUT_WINDOW (adw_about_window_new ());

  adw_about_window_set_application_name (about, "Crossfoot");
  adw_about_window_set_application_icon (about, APP_ID);
  adw_about_window_set_version (about, PACKAGE_VERSION);
  adw_about_window_set_developer_name (about, _("The Crossfoot authors"));
  adw_about_window_set_developers (about, developers);
  adw_about_window_set_comments (about, comments);
  adw_about_window_set_license_type (about, GTK_LICENSE_GPL_3_0);
  gtk_window_set_transient_for (GTK_WINDOW (about), parent);
  gtk_window_present (GTK_WINDOW (about));
#endif
}

static void
shortcuts_action (GSimpleAction *action, GVariant *param, gpointer data)
{
  GtkWindow *window = gtk_application_get_active_window (GTK_APPLICATION (data));

  if (window == NULL)
    return;
#if ADW_CHECK_VERSION (1, 8, 0)
  {
    /* shortcuts-dialog.ui: made from gtk/help-overlay.ui at build time. */
    g_autoptr (GtkBuilder) builder =
      gtk_builder_new_from_resource ("/io/github/crossfoot/Crossfoot/shortcuts-dialog.ui");

    adw_dialog_present (ADW_DIALOG (gtk_builder_get_object (builder, "shortcuts_dialog")),
                        GTK_WIDGET (window));
  }
#else
  /* GtkApplication loads gtk/help-overlay.ui and adds win.show-help-overlay. */
  gtk_widget_activate_action (GTK_WIDGET (window), "win.show-help-overlay", NULL);
#endif
}

static void
quit_action (GSimpleAction *action, GVariant *param, gpointer data)
{
  GList *windows = gtk_application_get_windows (GTK_APPLICATION (data));

  /* Closing each window lets it remember its size. */
  for (GList *l = g_list_copy (windows), *it = l; it != NULL; it = it->next)
    {
      gtk_window_close (it->data);
      if (it->next == NULL)
        g_list_free (l);
    }
}

static const GActionEntry app_actions[] = {
  { "about", about_action },
  { "shortcuts", shortcuts_action },
  { "quit", quit_action },
};

static void
cf_application_startup (GApplication *app)
{
  const char *quit_accels[] = { "<Control>q", NULL };
  const char *shortcuts_accels[] = { "<Control>question", NULL };

  G_APPLICATION_CLASS (cf_application_parent_class)->startup (app);

  g_action_map_add_action_entries (G_ACTION_MAP (app), app_actions, G_N_ELEMENTS (app_actions), app);
  gtk_application_set_accels_for_action (GTK_APPLICATION (app), "app.quit", quit_accels);
  gtk_application_set_accels_for_action (GTK_APPLICATION (app), "app.shortcuts", shortcuts_accels);
  /* Follow the system's light or dark preference. */
  adw_style_manager_set_color_scheme (adw_style_manager_get_default (), ADW_COLOR_SCHEME_DEFAULT);
}

static void
cf_application_class_init (CfApplicationClass *klass)
{
  GApplicationClass *app_class = G_APPLICATION_CLASS (klass);

  app_class->activate = cf_application_activate;
  app_class->open = cf_application_open;
  app_class->startup = cf_application_startup;
}

static void
cf_application_init (CfApplication *self)
{
  g_set_application_name ("Crossfoot");
}

CfApplication *
cf_application_new (void)
{
  /* One instance per session, as GNOME apps are: a second `crossfoot FILE`
   * (or a D-Bus activation, see data/) hands its files to the running one,
   * which opens each in a window of its own. --gapplication-app-id lets a
   * test run an instance of its own beside it. */
  return g_object_new (CF_TYPE_APPLICATION,
                       "application-id", APP_ID,
                       "flags", G_APPLICATION_HANDLES_OPEN | G_APPLICATION_CAN_OVERRIDE_APP_ID,
                       "resource-base-path", "/io/github/crossfoot/Crossfoot",
                       NULL);
}
