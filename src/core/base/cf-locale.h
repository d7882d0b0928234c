/* cf-locale.h: the program's language, installed or run from the build tree */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* Where the message catalogues are: $CROSSFOOT_LOCALEDIR when set; the build
 * tree's po/ when the running program is a binary of the build tree (an
 * uninstalled app, CLI or test); else the installed LOCALEDIR. */
const char *cf_locale_dir  (void);
/* setlocale (LC_ALL, "") and the gettext domain bound to cf_locale_dir () in
 * UTF-8: what main () of the app and the CLI call first. */
void        cf_locale_init (void);

G_END_DECLS
