/* STUB: replaced by the encoding detector. */
#include "cf-decode.h"
#include "cf-error.h"

char *
cf_decode_text (const guint8 *data, gsize len, const char *name, char **encoding, gsize *out_len,
                GError **error)
{
  if (len == 0)
    {
      g_set_error (error, CF_ERROR, CF_ERROR_EMPTY, "%s: the file is empty", name);
      return NULL;
    }
  if (!g_utf8_validate ((const char *) data, len, NULL))
    {
      g_set_error (error, CF_ERROR, CF_ERROR_ENCODING, "%s: not UTF-8", name);
      return NULL;
    }
  *encoding = g_strdup ("UTF-8");
  *out_len = len;
  return g_strndup ((const char *) data, len);
}
