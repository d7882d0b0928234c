/* cf-loader.c: a report's bytes to a document
 *
 * Decodes the bytes, picks the reader (PDF, HTML or plain text), and builds
 * the CfDocument from the reading it returns. The readers never see the
 * document, and the document knows no reader. Where a reader returns a
 * second reading of some tables (a PDF printed from a text report), the form
 * matcher chooses: the reading that maps more canonical cells of a form
 * table wins. Reading never runs the audit. The report's body and year are
 * read here too.
 */
#include "config.h"

#include <stdio.h>
#include <string.h>
#include <glib/gi18n-lib.h>

#include "cf-loader.h"
#include "cf-decode.h"
#include "cf-error.h"
#include "cf-form-match.h"
#include "cf-html-reader.h"
#include "cf-pdf-reader.h"
#include "cf-reading.h"
#include "cf-report-meta.h"
#include "cf-text-layout-rows.h"
#include "cf-text-raw-rows.h"
#include "cf-text-damage.h"
#include "cf-text-tables.h"

/* Larger inputs are refused rather than read into memory whole. */
#define CF_MAX_INPUT_BYTES ((gsize) 512 * 1024 * 1024)

static gboolean
looks_like_pdf (const guint8 *data, gsize len)
{
  /* The header may follow some junk; Poppler accepts it within the first KiB. */
  gsize n = MIN (len, 1024);

  for (gsize i = 0; i + 5 <= n; i++)
    if (memcmp (data + i, "%PDF-", 5) == 0)
      return TRUE;
  return FALSE;
}

/* ------------------------------------------------------ competing readings */

/* Cells of @table the form matcher gave a row and a column of its form table. */
static guint
canonical_cells (CfTable *table)
{
  guint n = 0;

  for (guint i = 0; i < cf_table_get_n_cells (table); i++)
    {
      CfCell *cell = cf_table_get_cell_at (table, i);
      n += cell->row_key != NULL && cell->col_key != NULL;
    }
  return n;
}

/* Canonical cells per form table id when @tables are matched to the forms
 * in a document with @doc's text, path and metadata (the year breaks ties):
 * the form matcher alone, no rule. */
static GHashTable *
count_canonical (CfDocument *doc, GPtrArray *tables)
{
  const char *text = cf_document_get_text (doc, NULL);
  g_autoptr (CfDocument) scratch =
    cf_document_new (cf_document_get_path (doc), CF_DOCUMENT_KIND_TEXT);
  GHashTable *counts = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  GPtrArray *mapped;

  cf_document_take_text (scratch, g_strdup (text), strlen (text));
  cf_document_set_report_meta (scratch, cf_document_get_body (doc), cf_document_get_year (doc));
  for (guint t = 0; t < tables->len; t++)
    cf_document_add_table (scratch, g_ptr_array_index (tables, t));
  cf_form_match_document (scratch, NULL);
  mapped = cf_document_get_tables (scratch);
  for (guint t = 0; t < mapped->len; t++)
    {
      CfTable *table = g_ptr_array_index (mapped, t);
      const char *id = cf_table_get_id (table);
      guint n = canonical_cells (table);

      if (n > 0 && n > GPOINTER_TO_UINT (g_hash_table_lookup (counts, id)))
        g_hash_table_insert (counts, g_strdup (id), GUINT_TO_POINTER (n));
    }
  return counts;
}

static CfTable *
copy_table (CfTable *table)
{
  CfTable *copy = cf_table_new ();

  cf_table_replace_cells (copy, cf_table_dup_cells (table));
  for (guint i = 0; i < cf_table_get_n_cells (copy); i++)
    cf_cell_set_keys (cf_table_get_cell_at (copy, i), NULL, NULL);
  cf_table_set_title (copy, cf_table_get_title (table));
  cf_table_set_page (copy, cf_table_get_page (table));
  cf_table_set_layout (copy, cf_table_get_layout (table));
  cf_table_set_confidence (copy, cf_table_get_confidence (table));
  {
    gint64 offset, length;
    cf_table_get_range (table, &offset, &length);
    cf_table_set_range (copy, offset, length);
  }
  cf_table_finish (copy);
  return copy;
}

static gboolean
ranges_overlap (CfTable *a, CfTable *b)
{
  gint64 ao, al, bo, bl;

  cf_table_get_range (a, &ao, &al);
  cf_table_get_range (b, &bo, &bl);
  return ao >= 0 && bo >= 0 && ao < bo + bl && bo < ao + al;
}

/* Adds @table where it comes in the text, with an id no other table has. */
static void
insert_in_order (CfDocument *doc, CfTable *table)
{
  GPtrArray *tables = cf_document_get_tables (doc);
  gint64 offset, length;
  guint index = 0;

  cf_table_get_range (table, &offset, &length);
  while (index < tables->len)
    {
      gint64 other, other_length;
      cf_table_get_range (g_ptr_array_index (tables, index), &other, &other_length);
      if (other > offset)
        break;
      index++;
    }
  for (guint n = 1;; n++)
    {
      g_autofree char *id = g_strdup_printf ("table-%u", n);
      if (cf_document_find_table (doc, id) == NULL)
        {
          cf_table_set_id (table, id);
          break;
        }
    }
  cf_document_insert_table (doc, index, table);
}

/* Whether @table, one of @doc's own, maps more canonical cells of a form
 * table other than @id than @candidate maps of @id (@own_ids: the form
 * table id each own table's copy was matched to, @own_cells: how many
 * cells it mapped): replacing it would lose more than it gains. */
static gboolean
maps_other_form_table (GHashTable *own_ids, GHashTable *own_cells, CfTable *table, const char *id,
                       guint n_candidate)
{
  const char *own_id = g_hash_table_lookup (own_ids, table);

  return own_id != NULL && g_strcmp0 (own_id, id) != 0
         && GPOINTER_TO_UINT (g_hash_table_lookup (own_cells, table)) > n_candidate;
}

/* @candidates (tables a second reading of the same text found) against
 * @doc's tables: a form table the candidate reading maps more canonical
 * cells of replaces the tables it overlaps, but never an own table mapping
 * more cells of another form table than the candidate maps (a table joined
 * across pages may reach a few lines into the next section, which the
 * candidate reads too): that one stays beside the candidate. */
static void
choose_candidates (CfDocument *doc, GPtrArray *candidates)
{
  GPtrArray *tables = cf_document_get_tables (doc);
  g_autoptr (GPtrArray) own = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr (GPtrArray) copies = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr (GHashTable) own_counts = NULL;
  g_autoptr (GHashTable) candidate_counts = NULL;
  g_autoptr (GHashTable) own_ids = NULL;
  g_autoptr (GHashTable) own_cells = NULL;

  /* Matched as copies: the matcher sets ids and keys, which the document's
   * tables get only when audited. */
  for (guint t = 0; t < tables->len; t++)
    g_ptr_array_add (own, copy_table (g_ptr_array_index (tables, t)));
  own_counts = count_canonical (doc, own);
  own_ids = g_hash_table_new (g_direct_hash, g_direct_equal);
  own_cells = g_hash_table_new (g_direct_hash, g_direct_equal);
  for (guint t = 0; t < tables->len; t++)
    {
      CfTable *copy = g_ptr_array_index (own, t);
      const char *id = cf_table_get_id (copy);

      if (id != NULL && !g_str_has_prefix (id, "table-") && canonical_cells (copy) > 0)
        {
          g_hash_table_insert (own_ids, g_ptr_array_index (tables, t), (gpointer) id);
          g_hash_table_insert (own_cells, g_ptr_array_index (tables, t), GUINT_TO_POINTER (canonical_cells (copy)));
        }
    }
  for (guint t = 0; t < candidates->len; t++)
    g_ptr_array_add (copies, copy_table (g_ptr_array_index (candidates, t)));
  candidate_counts = count_canonical (doc, copies);

  for (guint t = 0; t < candidates->len; t++)
    {
      CfTable *table = g_ptr_array_index (candidates, t);
      CfTable *mapped = g_ptr_array_index (copies, t);
      const char *id = cf_table_get_id (mapped);
      guint n_candidate = GPOINTER_TO_UINT (g_hash_table_lookup (candidate_counts, id));
      guint n_own = GPOINTER_TO_UINT (g_hash_table_lookup (own_counts, id));

      if (id == NULL || g_str_has_prefix (id, "table-") || n_candidate <= n_own)
        continue;
      if (canonical_cells (mapped) < n_candidate)
        continue;
      for (guint i = tables->len; i-- > 0;)
        if (ranges_overlap (g_ptr_array_index (tables, i), table)
            && !maps_other_form_table (own_ids, own_cells, g_ptr_array_index (tables, i), id, n_candidate))
          cf_document_remove_table (doc, i);
      insert_in_order (doc, table);
    }
}

void
cf_loader_choose_candidates (CfDocument *doc, CfReading *reading)
{
  g_return_if_fail (CF_IS_DOCUMENT (doc));
  g_return_if_fail (CF_IS_READING (reading));

  if (cf_reading_get_candidates (reading)->len > 0)
    choose_candidates (doc, cf_reading_get_candidates (reading));
}

/* ------------------------------------------------------------------ loading */

void
cf_loader_take_reading (CfDocument *doc, CfReading *reading)
{
  GPtrArray *tables = cf_reading_get_tables (reading);
  GPtrArray *notes = cf_reading_get_notes (reading);
  GArray *boxes = cf_reading_get_text_boxes (reading);
  gsize len = 0;
  char *text;

  g_return_if_fail (CF_IS_DOCUMENT (doc));
  g_return_if_fail (CF_IS_READING (reading));

  text = cf_reading_steal_text (reading, &len);
  cf_document_take_text (doc, text, len);
  cf_document_set_n_pages (doc, cf_reading_get_n_pages (reading));
  for (guint i = 0; i < boxes->len; i++)
    cf_document_add_text_box (doc, &g_array_index (boxes, CfTextBox, i));
  for (guint t = 0; t < tables->len; t++)
    cf_document_add_table (doc, g_ptr_array_index (tables, t));
  for (guint i = 0; i < notes->len; i++)
    cf_document_take_note (doc, g_steal_pointer (&notes->pdata[i]));
  g_ptr_array_set_size (notes, 0);
}

/* Bytes that were no text (UTF-8 with characters cut in half, as
 * html2text 1.3.2a writes Chinese): read as U+FFFD, and said. */
static void
take_damage_note (CfReading *reading, const CfDecodeDamage *damage)
{
  g_autofree char *message = g_strdup_printf (
      "文件中有%" G_GSIZE_FORMAT "处字节不是有效的UTF-8文本（第一处在第%" G_GSIZE_FORMAT
      "字节），已按“\xEF\xBF\xBD”读取：这些位置的字符已丢失，附近的单元格可能读错",
      damage->n_broken, damage->first_broken);

  cf_reading_take_note (reading, cf_finding_new (CF_SEVERITY_WARNING, "extract.broken_text", NULL, message));
}

/* The reading of @bytes by the reader their kind needs; sets *@kind and,
 * for text and HTML, *@encoding. */
static CfReading *
read_bytes (GBytes *bytes, const char *name, const char *password, GCancellable *cancellable,
            CfDocumentKind *kind, char **encoding, GError **error)
{
  g_autoptr (CfReading) reading = NULL;
  g_autofree char *text = NULL;
  gsize len = 0, text_len = 0;
  const guint8 *data = g_bytes_get_data (bytes, &len);
  CfDecodeDamage damage = { 0 };

  if (looks_like_pdf (data, len))
    {
      *kind = CF_DOCUMENT_KIND_PDF;
      return cf_pdf_reader_read (bytes, password, name, cancellable, error);
    }

  text = cf_decode_text_salvage (data, len, name, encoding, &text_len, &damage, error);
  if (text == NULL)
    return NULL;
  if (cf_html_reader_sniff (text, text_len))
    {
      *kind = CF_DOCUMENT_KIND_HTML;
      reading = cf_html_reader_read (text, text_len, name, error);
    }
  else
    {
      *kind = CF_DOCUMENT_KIND_TEXT;
      reading = cf_reading_new ();
      cf_reading_take_text (reading, g_steal_pointer (&text), text_len);
      cf_text_tables_find (reading);
      cf_text_layout_rows_find (reading);
      cf_text_raw_rows_find (reading);
      cf_text_damage_mark (reading);
    }
  if (reading != NULL && damage.n_broken > 0)
    take_damage_note (reading, &damage);
  return g_steal_pointer (&reading);
}

CfDocument *
cf_loader_load_bytes (GBytes *bytes, const char *path, const char *password,
                      GCancellable *cancellable, GError **error)
{
  g_autoptr (CfDocument) doc = NULL;
  g_autoptr (CfReading) reading = NULL;
  g_autofree char *name = NULL;
  g_autofree char *encoding = NULL;
  g_autofree char *sha256 = NULL;
  CfDocumentKind kind = CF_DOCUMENT_KIND_TEXT;
  gsize len;

  g_return_val_if_fail (bytes != NULL, NULL);

  len = g_bytes_get_size (bytes);
  if (len > CF_MAX_INPUT_BYTES)
    {
      name = g_path_get_basename (path ? path : "-");
      g_set_error (error, CF_ERROR, CF_ERROR_TOO_LARGE,
                   _("%s: the file is too large (%lu MB; at most %lu MB is read)"), name,
                   (unsigned long) (len / (1024 * 1024)),
                   (unsigned long) (CF_MAX_INPUT_BYTES / (1024 * 1024)));
      return NULL;
    }

  name = cf_document_name_for_path (path);
  reading = read_bytes (bytes, name, password, cancellable, &kind, &encoding, error);
  if (reading == NULL)
    return NULL;

  doc = cf_document_new (path, kind);
  sha256 = g_compute_checksum_for_bytes (G_CHECKSUM_SHA256, bytes);
  cf_document_set_sha256 (doc, sha256);
  cf_document_set_encoding (doc, encoding);
  cf_loader_take_reading (doc, reading);
  /* Before any form is matched: the year decides between forms that fit
   * equally well. */
  cf_report_meta_read (doc);
  cf_loader_choose_candidates (doc, reading);
  if (kind == CF_DOCUMENT_KIND_PDF)
    cf_document_set_source_bytes (doc, bytes);
  return g_steal_pointer (&doc);
}

static GBytes *
read_stdin (GError **error)
{
  g_autoptr (GByteArray) buf = g_byte_array_new ();
  guint8 chunk[65536];
  size_t n;

  while ((n = fread (chunk, 1, sizeof chunk, stdin)) > 0)
    {
      g_byte_array_append (buf, chunk, n);
      if (buf->len > CF_MAX_INPUT_BYTES)
        break;
    }
  if (ferror (stdin))
    {
      g_set_error_literal (error, CF_ERROR, CF_ERROR_IO, _("(standard input): cannot be read"));
      return NULL;
    }
  return g_byte_array_free_to_bytes (g_steal_pointer (&buf));
}

CfDocument *
cf_loader_load_file (const char *path, const char *password, GCancellable *cancellable,
                     GError **error)
{
  g_autoptr (GBytes) bytes = NULL;

  g_return_val_if_fail (path != NULL, NULL);

  if (strcmp (path, "-") == 0)
    bytes = read_stdin (error);
  else
    {
      g_autoptr (GFile) file = g_file_new_for_commandline_arg (path);
      g_autoptr (GError) local_error = NULL;
      g_autofree char *name = g_path_get_basename (path);
      g_autoptr (GFileInfo) info = g_file_query_info (file, G_FILE_ATTRIBUTE_STANDARD_SIZE ","
                                                      G_FILE_ATTRIBUTE_STANDARD_TYPE,
                                                      G_FILE_QUERY_INFO_NONE, cancellable,
                                                      &local_error);
      if (info == NULL)
        {
          /* Translators: the file's name, then the system's reason. */
          g_set_error (error, CF_ERROR, CF_ERROR_IO, _("%s: cannot be opened (%s)"), name,
                       local_error->message);
          return NULL;
        }
      if (g_file_info_get_file_type (info) == G_FILE_TYPE_DIRECTORY)
        {
          g_set_error (error, CF_ERROR, CF_ERROR_IO, _("%s: is a folder, not a report"), name);
          return NULL;
        }
      if ((gsize) g_file_info_get_size (info) > CF_MAX_INPUT_BYTES)
        {
          g_set_error (error, CF_ERROR, CF_ERROR_TOO_LARGE,
                       _("%s: the file is too large (%lu MB; at most %lu MB is read)"), name,
                       (unsigned long) (g_file_info_get_size (info) / (1024 * 1024)),
                       (unsigned long) (CF_MAX_INPUT_BYTES / (1024 * 1024)));
          return NULL;
        }
      bytes = g_file_load_bytes (file, cancellable, NULL, &local_error);
      if (bytes == NULL)
        {
          g_set_error (error, CF_ERROR, CF_ERROR_IO, _("%s: cannot be read (%s)"), name,
                       local_error->message);
          return NULL;
        }
    }
  if (bytes == NULL)
    return NULL;
  return cf_loader_load_bytes (bytes, path, password, cancellable, error);
}
