/* STUB: replaced by the CSV/JSON writers. */
#include "cf-export.h"

gboolean
cf_csv_encoding_from_string (const char *name, CfCsvEncoding *out)
{
  (void) name;
  *out = CF_CSV_UTF8;
  return TRUE;
}

char *
cf_csv_table_to_string (CfTable *table)
{
  (void) table;
  return g_strdup ("");
}

gboolean
cf_csv_write_file (const char *path, const char *utf8, CfCsvEncoding encoding, GError **error)
{
  (void) encoding;
  return g_file_set_contents (path, utf8, -1, error);
}

GPtrArray *
cf_csv_write_tables (CfDocument *doc, const char *dir, CfCsvEncoding encoding, GError **error)
{
  (void) doc;
  (void) dir;
  (void) encoding;
  (void) error;
  return g_ptr_array_new_with_free_func (g_free);
}

void
cf_csv_append_long (GString *out, CfDocument *doc, gboolean with_header)
{
  (void) out;
  (void) doc;
  (void) with_header;
}

void
cf_csv_append_findings (GString *out, CfDocument *doc, gboolean with_header)
{
  (void) out;
  (void) doc;
  (void) with_header;
}

JsonNode *
cf_json_document (CfDocument *doc)
{
  (void) doc;
  return json_node_new (JSON_NODE_NULL);
}

char *
cf_json_document_line (CfDocument *doc)
{
  (void) doc;
  return g_strdup ("null");
}
