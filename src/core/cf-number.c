/* STUB: replaced by the number parser. */
#include <stdlib.h>
#include <string.h>
#include "cf-number.h"

void
cf_number_parse (const char *text, gssize len, CfNumber *out)
{
  g_autofree char *s = g_strstrip (g_strndup (text, len < 0 ? strlen (text) : (gsize) len));
  char *end = NULL;

  memset (out, 0, sizeof *out);
  if (*s == '\0')
    {
      out->kind = CF_NUMBER_BLANK;
      return;
    }
  out->value = g_ascii_strtod (s, &end);
  out->kind = (end && *end == '\0') ? CF_NUMBER_VALUE : CF_NUMBER_TEXT;
}

gboolean
cf_number_is_blank_text (const char *text, gssize len)
{
  CfNumber n;
  cf_number_parse (text, len, &n);
  return n.kind == CF_NUMBER_BLANK;
}

gsize
cf_number_scan_prose (const char *text, gsize len, CfNumber *out)
{
  (void) text;
  (void) len;
  memset (out, 0, sizeof *out);
  return 0;
}

gboolean
cf_number_is_integer (double value)
{
  return value == (double) (gint64) value;
}

char *
cf_number_format (double value)
{
  if (cf_number_is_integer (value))
    return g_strdup_printf ("%" G_GINT64_FORMAT, (gint64) value);
  return g_strdup_printf ("%g", value);
}
