/* cf-normalize.h: making labels comparable across reports */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* Traditional -> Simplified (OpenCC t2s). Returns a new string. */
char *cf_normalize_t2s        (const char *text);
/* Full-width ASCII -> half-width, ideographic space -> space. */
char *cf_normalize_width      (const char *text);
/* A label as the forms match it: Simplified, half-width, no whitespace,
 * no enumerator prefix (（三）, 3., 三、, (3)), brackets unified. */
char *cf_normalize_label      (const char *text);
/* Removes only a leading enumerator prefix; returns a pointer into @text. */
const char *cf_normalize_skip_enumerator (const char *text);

G_END_DECLS
