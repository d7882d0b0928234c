/* cf-normalize.h: making labels comparable across reports */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* Traditional -> Simplified (OpenCC t2s). Returns a new string. */
char *cf_normalize_t2s        (const char *text);
/* Simplified -> Traditional (OpenCC s2t), to name things in a Traditional
 * report's own characters. Returns a new string. */
char *cf_normalize_s2t        (const char *text);
/* Full-width ASCII -> half-width, ideographic space -> space. */
char *cf_normalize_width      (const char *text);
/* A label as the forms match it: Simplified, half-width, no whitespace,
 * no enumerator prefix (（三）, 3., 三、, (3)), brackets unified. */
char *cf_normalize_label      (const char *text);
/* Removes only a leading enumerator prefix; returns a pointer into @text. */
const char *cf_normalize_skip_enumerator (const char *text);
/* Depth of the enumerator starting @text: 1 for 三、, 2 for （三）, 3 for
 * 3. / 3、, 4 for (3), 5 for ③; 0 when none does. */
int         cf_normalize_enumerator_depth (const char *text);
/* A label that prints a group label and its sub-label in one cell, as text
 * dumps join them ("（三）不予公开 1.属于国家秘密", "三、本年度办理结果
 * （一）予以公开"): its parts, outermost first, trimmed, as printed. A part
 * starts after blanks, with an enumerator deeper than the previous part's.
 * NULL when @text is one label. */
GStrv       cf_normalize_split_groups     (const char *text);

/* A CJK ideograph (the basic block, extension A) or 〇. */
static inline gboolean
cf_normalize_is_han (gunichar c)
{
  return (c >= 0x4E00 && c <= 0x9FFF) || (c >= 0x3400 && c <= 0x4DBF) || c == 0x3007;
}

G_END_DECLS
