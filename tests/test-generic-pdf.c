/* test-generic-pdf.c: generic tables in PDFs no rule was tuned on (issue #15)
 *
 * tools/generic-tables/gen.py prints seeded random generic tables (financial
 * statements with (1,234) negatives and footnote marks, statistics with a
 * spanning header row, multi-line cells, Remark/Source columns after the
 * figures; ruled, header and footer rules only, horizontal rules, no rules,
 * shaded rows; alone, stacked, side by side, beside prose, continued on the
 * next page) through Chromium, wkhtmltopdf and LibreOffice, with ground truth
 * in the ICDAR 2013 structure format (NAME-str.xml). tests/generic/ holds a
 * slice of it; this test reads each PDF and scores it as
 * ../shared/tools/icdar-score does: table detection counted per page (F1),
 * tables with the right number of rows and of columns, and the cells' text
 * (a multiset overlap of the non-empty cells, where the scorer uses difflib).
 * It fails when a figure falls below its floor in tests/generic/floors.txt.
 *
 * CF_GENERIC_DIR=folder scores another folder (the whole corpus in
 * ~/.cache/crossfoot-generic); CF_GENERIC_MEASURE=1 prints each PDF's
 * figures and fails nothing.
 */
#include <stdio.h>
#include <string.h>

#include "cf-test-util.h"

/* ------------------------------------------------------------ ground truth */

typedef struct
{
  int page;
  GPtrArray *cells; /* "row\tcol\ttext" */
  int n_rows, n_cols;
} GtTable;

typedef struct
{
  GPtrArray *tables; /* GtTable* */
  GtTable *cur;
  int row, col;
  GString *text;
  gboolean in_content;
} GtParse;

static void
gt_table_free (gpointer p)
{
  GtTable *t = p;
  g_ptr_array_unref (t->cells);
  g_free (t);
}

static void
gt_start (GMarkupParseContext *ctx, const char *name, const char **names, const char **values,
          gpointer data, GError **error)
{
  GtParse *gp = data;

  (void) ctx;
  (void) error;
  if (strcmp (name, "region") == 0)
    {
      gp->cur = g_new0 (GtTable, 1);
      gp->cur->page = 1;
      gp->cur->cells = g_ptr_array_new_with_free_func (g_free);
      for (int i = 0; names[i]; i++)
        if (strcmp (names[i], "page") == 0)
          gp->cur->page = atoi (values[i]);
      g_ptr_array_add (gp->tables, gp->cur);
    }
  else if (strcmp (name, "cell") == 0 && gp->cur)
    {
      gp->row = gp->col = 0;
      for (int i = 0; names[i]; i++)
        if (strcmp (names[i], "start-row") == 0)
          gp->row = atoi (values[i]);
        else if (strcmp (names[i], "start-col") == 0)
          gp->col = atoi (values[i]);
      gp->cur->n_rows = MAX (gp->cur->n_rows, gp->row + 1);
      gp->cur->n_cols = MAX (gp->cur->n_cols, gp->col + 1);
    }
  else if (strcmp (name, "content") == 0)
    {
      gp->in_content = TRUE;
      g_string_truncate (gp->text, 0);
    }
}

static char *
squeeze (const char *text)
{
  g_auto (GStrv) words = g_strsplit_set (text ? text : "", " \t\r\n", -1);
  g_autoptr (GString) out = g_string_new (NULL);

  for (guint i = 0; words[i]; i++)
    if (*words[i])
      {
        if (out->len)
          g_string_append_c (out, ' ');
        g_string_append (out, words[i]);
      }
  return g_utf8_strdown (out->str, -1);
}

static void
gt_end (GMarkupParseContext *ctx, const char *name, gpointer data, GError **error)
{
  GtParse *gp = data;

  (void) ctx;
  (void) error;
  if (strcmp (name, "content") == 0 && gp->cur)
    {
      g_autofree char *text = squeeze (gp->text->str);

      gp->in_content = FALSE;
      if (*text)
        g_ptr_array_add (gp->cur->cells, g_strdup_printf ("%d\t%d\t%s", gp->row, gp->col, text));
    }
  else if (strcmp (name, "region") == 0)
    gp->cur = NULL;
}

static void
gt_text (GMarkupParseContext *ctx, const char *text, gsize len, gpointer data, GError **error)
{
  GtParse *gp = data;

  (void) ctx;
  (void) error;
  if (gp->in_content)
    g_string_append_len (gp->text, text, len);
}

static GPtrArray *
read_ground_truth (const char *path)
{
  static const GMarkupParser parser = { gt_start, gt_end, gt_text, NULL, NULL };
  g_autofree char *xml = NULL;
  gsize len;
  g_autoptr (GError) error = NULL;
  GtParse gp = { g_ptr_array_new_with_free_func (gt_table_free), NULL, 0, 0, g_string_new (NULL), FALSE };
  g_autoptr (GMarkupParseContext) ctx = g_markup_parse_context_new (&parser, 0, &gp, NULL);

  g_assert_true (g_file_get_contents (path, &xml, &len, &error));
  g_assert_true (g_markup_parse_context_parse (ctx, xml, len, &error));
  g_assert_no_error (error);
  g_string_free (gp.text, TRUE);
  return gp.tables;
}

/* ---------------------------------------------------------------- scoring */

typedef struct
{
  guint docs, tp, fp, fn, matched, rows_right, cols_right;
  double content;
} Score;

/* 2 |P ∩ G| / (|P| + |G|) over the non-empty cell texts. */
static double
content_overlap (CfTable *table, GtTable *gt)
{
  g_autoptr (GHashTable) want = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  guint n_pred = 0, common = 0;

  for (guint i = 0; i < gt->cells->len; i++)
    {
      const char *text = strchr (strchr (g_ptr_array_index (gt->cells, i), '\t') + 1, '\t') + 1;
      gpointer n = g_hash_table_lookup (want, text);
      g_hash_table_replace (want, g_strdup (text), GINT_TO_POINTER (GPOINTER_TO_INT (n) + 1));
    }
  for (guint i = 0; i < cf_table_get_n_cells (table); i++)
    {
      g_autofree char *text = squeeze (cf_table_get_cell_at (table, i)->text);
      int n;

      if (!*text)
        continue;
      n_pred++;
      n = GPOINTER_TO_INT (g_hash_table_lookup (want, text));
      if (n > 0)
        {
          common++;
          g_hash_table_replace (want, g_strdup (text), GINT_TO_POINTER (n - 1));
        }
    }
  if (n_pred + gt->cells->len == 0)
    return 1.0;
  return 2.0 * common / (n_pred + gt->cells->len);
}

static void
score_pdf (const char *pdf, Score *total)
{
  g_autofree char *stem = g_strndup (pdf, strlen (pdf) - 4);
  g_autofree char *xml = g_strconcat (stem, "-str.xml", NULL);
  g_autoptr (GPtrArray) gt = read_ground_truth (xml);
  g_autoptr (GError) error = NULL;
  g_autoptr (CfDocument) doc = cf_loader_load_file (pdf, NULL, NULL, &error);
  GPtrArray *tables;
  int max_page = 0;
  Score s = { 0 };

  g_assert_no_error (error);
  tables = cf_document_get_tables (doc);
  for (guint i = 0; i < gt->len; i++)
    max_page = MAX (max_page, ((GtTable *) g_ptr_array_index (gt, i))->page);
  for (guint i = 0; i < tables->len; i++)
    max_page = MAX (max_page, cf_table_get_page (g_ptr_array_index (tables, i)));
  for (int page = 1; page <= max_page; page++)
    {
      g_autoptr (GPtrArray) g = g_ptr_array_new ();
      g_autoptr (GPtrArray) p = g_ptr_array_new ();

      for (guint i = 0; i < gt->len; i++)
        if (((GtTable *) g_ptr_array_index (gt, i))->page == page)
          g_ptr_array_add (g, g_ptr_array_index (gt, i));
      for (guint i = 0; i < tables->len; i++)
        if (MAX (1, cf_table_get_page (g_ptr_array_index (tables, i))) == page)
          g_ptr_array_add (p, g_ptr_array_index (tables, i));
      s.tp += MIN (g->len, p->len);
      s.fp += p->len > g->len ? p->len - g->len : 0;
      s.fn += g->len > p->len ? g->len - p->len : 0;
      for (guint i = 0; i < MIN (g->len, p->len); i++)
        {
          CfTable *table = g_ptr_array_index (p, i);
          GtTable *want = g_ptr_array_index (g, i);

          s.matched++;
          s.content += content_overlap (table, want);
          s.rows_right += cf_table_get_n_rows (table) == want->n_rows;
          s.cols_right += cf_table_get_n_cols (table) == want->n_cols;
        }
    }
  g_test_message ("%s: tables expected %u found %u; content %.3f; rows right %u/%u; cols right %u/%u",
                  pdf, gt->len, tables->len, s.matched ? s.content / s.matched : 0.0, s.rows_right, s.matched,
                  s.cols_right, s.matched);
  total->docs++;
  total->tp += s.tp;
  total->fp += s.fp;
  total->fn += s.fn;
  total->matched += s.matched;
  total->rows_right += s.rows_right;
  total->cols_right += s.cols_right;
  total->content += s.content;
}

static double
floor_of (const char *floors, const char *name)
{
  g_auto (GStrv) lines = g_strsplit (floors, "\n", -1);

  for (guint i = 0; lines[i]; i++)
    {
      g_auto (GStrv) kv = g_strsplit (lines[i], " ", 2);

      if (kv[0] && kv[1] && strcmp (kv[0], name) == 0)
        return g_ascii_strtod (kv[1], NULL);
    }
  g_error ("no floor for %s", name);
  return 1.0;
}

static int
compare_paths (gconstpointer a, gconstpointer b)
{
  return strcmp (*(const char *const *) a, *(const char *const *) b);
}

static void
test_generic_corpus (void)
{
  g_autofree char *slice = cf_test_path ("generic", NULL);
  const char *dir = g_getenv ("CF_GENERIC_DIR") ? g_getenv ("CF_GENERIC_DIR") : slice;
  g_autoptr (GDir) d = g_dir_open (dir, 0, NULL);
  g_autoptr (GPtrArray) pdfs = g_ptr_array_new_with_free_func (g_free);
  g_autofree char *floors_path = g_build_filename (slice, "floors.txt", NULL);
  g_autofree char *floors = NULL;
  const char *name;
  Score s = { 0 };
  double precision, recall, f1, rows, cols, content;

  g_assert_nonnull (d);
  while ((name = g_dir_read_name (d)))
    if (g_str_has_suffix (name, ".pdf"))
      {
        g_autofree char *stem = g_strndup (name, strlen (name) - 4);
        g_autofree char *xml = g_strdup_printf ("%s/%s-str.xml", dir, stem);

        if (g_file_test (xml, G_FILE_TEST_EXISTS))
          g_ptr_array_add (pdfs, g_build_filename (dir, name, NULL));
      }
  g_ptr_array_sort (pdfs, compare_paths);
  g_assert_cmpuint (pdfs->len, >=, 1);
  for (guint i = 0; i < pdfs->len; i++)
    score_pdf (g_ptr_array_index (pdfs, i), &s);
  precision = s.tp + s.fp ? (double) s.tp / (s.tp + s.fp) : 0.0;
  recall = s.tp + s.fn ? (double) s.tp / (s.tp + s.fn) : 0.0;
  f1 = precision + recall > 0 ? 2 * precision * recall / (precision + recall) : 0.0;
  rows = s.matched ? (double) s.rows_right / s.matched : 0.0;
  cols = s.matched ? (double) s.cols_right / s.matched : 0.0;
  content = s.matched ? s.content / s.matched : 0.0;
  g_test_message ("generic: %u PDFs, F1 %.3f, content %.3f, rows %.3f, cols %.3f", s.docs, f1, content, rows,
                  cols);
  if (g_getenv ("CF_GENERIC_MEASURE"))
    {
      printf ("# generic: %u PDFs, F1 %.3f, content %.3f, rows %.3f, cols %.3f\n", s.docs, f1, content, rows,
              cols);
      return;
    }
  g_assert_true (g_file_get_contents (floors_path, &floors, NULL, NULL));
  g_assert_cmpfloat (f1, >=, floor_of (floors, "f1"));
  g_assert_cmpfloat (content, >=, floor_of (floors, "content"));
  g_assert_cmpfloat (rows, >=, floor_of (floors, "rows"));
  g_assert_cmpfloat (cols, >=, floor_of (floors, "cols"));
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/generic-pdf/corpus", test_generic_corpus);
  return g_test_run ();
}
