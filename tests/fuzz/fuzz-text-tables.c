/* fuzz-text-tables.c: libFuzzer harness for loading a report from bytes
 *
 * Runs the whole text path: decoding (uchardet, GB18030, Big5, UTF-16), the
 * HTML sniffer and reader, the text table finder, then the audit and the
 * JSON and CSV writers on whatever came out. Errors are fine; crashes are not.
 */
#include <stdint.h>
#include <string.h>
#include "crossfoot.h"

int LLVMFuzzerTestOneInput (const uint8_t *data, size_t size);

int
LLVMFuzzerTestOneInput (const uint8_t *data, size_t size)
{
  g_autoptr (GBytes) bytes = NULL;
  g_autoptr (CfDocument) doc = NULL;
  g_autoptr (GError) error = NULL;

  /* PDFs have their own reader (poppler); keep this harness on text and HTML. */
  if (size >= 5 && memmem (data, size < 1024 ? size : 1024, "%PDF-", 5) != NULL)
    return 0;

  bytes = g_bytes_new (data, size);
  doc = cf_loader_load_bytes (bytes, "fuzz.txt", NULL, NULL, &error);
  if (doc == NULL)
    {
      /* Errors name the file first. */
      if (error == NULL || !g_str_has_prefix (error->message, "fuzz.txt"))
        __builtin_trap ();
      return 0;
    }

  cf_audit_document (doc, NULL);
  {
    g_autofree char *line = cf_json_document_line (doc);
    g_autoptr (GString) csv = g_string_new (NULL);
    GPtrArray *tables = cf_document_get_tables (doc);

    cf_csv_append_long (csv, doc, TRUE);
    cf_csv_append_findings (csv, doc, TRUE);
    for (guint i = 0; i < tables->len; i++)
      {
        g_autofree char *table_csv = cf_csv_table_to_string (g_ptr_array_index (tables, i));

        if (!g_utf8_validate (table_csv, -1, NULL))
          __builtin_trap ();
      }
    if (!g_utf8_validate (line, -1, NULL) || !g_utf8_validate (csv->str, (gssize) csv->len, NULL))
      __builtin_trap ();
  }
  return 0;
}
