#include "config.h"

#include <glib/gi18n.h>
#include <locale.h>
#include <stdio.h>

#include "cf-application.h"
#include "cf-form.h"
#include "cf-locale.h"

int
main (int argc, char **argv)
{
  g_autoptr (CfApplication) app = NULL;
  /* The installed catalogues; an uninstalled build's own (build/po), or
   * those of CROSSFOOT_LOCALEDIR: the desktop's language either way. */
  cf_locale_init ();

  /* For tests/install-check.sh: what an installed app found around it — its
   * catalogue (shown by one of its own strings), its GSettings schema and
   * its report forms. */
  if (g_getenv ("CROSSFOOT_DEBUG_INSTALL") != NULL)
    {
      GSettingsSchemaSource *source = g_settings_schema_source_get_default ();
      g_autoptr (GSettingsSchema) schema = NULL;
      g_autoptr (GPtrArray) forms = cf_form_registry_list_ids (cf_form_registry_get_default ());

      if (source != NULL)
        schema = g_settings_schema_source_lookup (source, APP_ID, TRUE);
      printf ("install: localedir=%s\n"
              "install: sample=%s\n"
              "install: schema=%s\n"
              "install: forms=%u\n",
              cf_locale_dir (), _("Open a Report"), schema != NULL ? "found" : "missing",
              forms != NULL ? forms->len : 0);
      fflush (stdout);
    }

  app = cf_application_new ();
  return g_application_run (G_APPLICATION (app), argc, argv);
}
