/* STUB: replaced by the label normaliser. */
#include "cf-normalize.h"

char *
cf_normalize_t2s (const char *text)
{
  return g_strdup (text);
}

char *
cf_normalize_width (const char *text)
{
  return g_strdup (text);
}

const char *
cf_normalize_skip_enumerator (const char *text)
{
  return text;
}

char *
cf_normalize_label (const char *text)
{
  return g_strdup (text);
}
