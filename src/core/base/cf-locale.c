/* cf-locale.c: the program's language, installed or run from the build tree
 *
 * An uninstalled build has its catalogues in <build>/po (meson's i18n module
 * compiles them there); the installed LOCALEDIR does not exist yet, so
 * without this an uninstalled app ignored LANG=zh_CN.UTF-8. A binary knows it
 * is uninstalled when its own path (/proc/self/exe) lies in the build tree:
 * an installed or Flatpak binary (/usr/bin, /app/bin) never does.
 */
#include "config.h"

#include <glib/gi18n-lib.h>
#include <locale.h>
#include <string.h>

#include "cf-locale.h"

static gboolean
running_from_build_tree (void)
{
  g_autofree char *exe = g_file_read_link ("/proc/self/exe", NULL);
  gsize n = strlen (CF_BUILD_ROOT);

  return exe != NULL && n > 0 && strncmp (exe, CF_BUILD_ROOT, n) == 0 && exe[n] == G_DIR_SEPARATOR
         && g_file_test (CF_BUILD_LOCALEDIR, G_FILE_TEST_IS_DIR);
}

const char *
cf_locale_dir (void)
{
  const char *dir = g_getenv ("CROSSFOOT_LOCALEDIR");

  if (dir != NULL && *dir != '\0')
    return dir;
  return running_from_build_tree () ? CF_BUILD_LOCALEDIR : LOCALEDIR;
}

void
cf_locale_init (void)
{
  setlocale (LC_ALL, "");
  bindtextdomain (GETTEXT_PACKAGE, cf_locale_dir ());
  bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");
  textdomain (GETTEXT_PACKAGE);
}
