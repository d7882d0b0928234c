/* STUB: replaced by the Poppler reader. */
#include "cf-pdf-reader.h"
#include "cf-error.h"

gboolean
cf_pdf_reader_read (CfDocument *doc, GBytes *bytes, const char *password,
                    GCancellable *cancellable, GError **error)
{
  (void) bytes;
  (void) password;
  (void) cancellable;
  g_set_error (error, CF_ERROR, CF_ERROR_CORRUPT, "%s: PDF reading is not built yet",
               cf_document_get_basename (doc));
  return FALSE;
}
