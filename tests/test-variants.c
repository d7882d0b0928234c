/* test-variants.c: reports we have never seen, made from the ones we have
 *
 * tests/variants/ holds the corpus reports as analysts receive them (dumped
 * to text by w3m, lynx, html2text, pandoc, LibreOffice, pdftotext; labels
 * retyped with stray spaces, typos, other enumerators, Traditional
 * characters, split lines, unit and footnote rows); tests/variants/make.sh
 * says how each was made. A variant must give its original's form and the
 * same canonical requests / proactive / appeals cells, and no new errors.
 * Variants that cannot work yet assert what they do give, so a change that
 * makes them worse (or better) shows.
 */
#include <string.h>

#include "cf-test-util.h"

typedef enum
{
  SAME,         /* same form, same canonical cells, no new errors */
  PARTIAL,      /* same form; at least min_same cells agree (a known gap) */
  LOAD_ERROR,   /* the tool's output cannot be read at all */
} Expect;

typedef struct
{
  const char *variant;   /* under tests/variants */
  const char *sub;       /* the original, under tests/corpus */
  const char *original;
  Expect      expect;
  guint       min_same;  /* PARTIAL: canonical cells that still agree */
} Variant;

static const Variant variants[] = {
  /* Box-drawing and ASCII grids: the drawing gives every merged cell. */
  { "city.w3m-box.txt", "html", "city-2025-placeholder-headers.html", SAME, 0 },
  { "shanghai.w3m-box.txt", "html", "shanghai-gov-office-2019.html", SAME, 0 },
  { "city.ascii-grid.txt", "html", "city-2025-placeholder-headers.html", SAME, 0 },
  { "shanghai.ascii-grid.txt", "html", "shanghai-gov-office-2019.html", SAME, 0 },
  /* Space-aligned dumps. */
  { "shanghai.w3m.txt", "html", "shanghai-gov-office-2019.html", SAME, 0 },
  { "city.pandoc.md", "html", "city-2025-placeholder-headers.html", SAME, 0 },
  /* pandoc's plain text: simple tables between "---- ----" rules. */
  { "city.pandoc.txt", "html", "city-2025-placeholder-headers.html", SAME, 0 },
  /* LibreOffice's text: one cell per line, a blank line per empty cell. */
  { "city.soffice.txt", "html", "city-2025-placeholder-headers.html", SAME, 0 },
  /* Label wording. */
  { "shizuishan.spaces.txt", "text", "shizuishan-psb-2020.txt", SAME, 0 },
  { "shizuishan.typo.txt", "text", "shizuishan-psb-2020.txt", SAME, 0 },
  { "shizuishan.fullwidth-enum.txt", "text", "shizuishan-psb-2020.txt", SAME, 0 },
  { "shizuishan.traditional.txt", "text", "shizuishan-psb-2020.txt", SAME, 0 },
  { "shizuishan.no-group.txt", "text", "shizuishan-psb-2020.txt", SAME, 0 },
  { "shizuishan.unit-footnote.txt", "text", "shizuishan-psb-2020.txt", SAME, 0 },
  { "zibo.split-labels.txt", "text", "zibo-gaoxin-psb-2022.txt", SAME, 0 },
  { "zibo.org-one-row.txt", "text", "zibo-gaoxin-psb-2022.txt", SAME, 0 },
  { "zibo.unit.txt", "text", "zibo-gaoxin-psb-2022.txt", SAME, 0 },
  { "city.header-one-row.html", "html", "city-2025-placeholder-headers.html", SAME, 0 },
  { "city.no-group.html", "html", "city-2025-placeholder-headers.html", SAME, 0 },
  { "city.split-labels.html", "html", "city-2025-placeholder-headers.html", SAME, 0 },
  { "city.unit-footnote.html", "html", "city-2025-placeholder-headers.html", SAME, 0 },
  /* html2text 1.3.2a cuts CJK characters in half: not UTF-8, not anything. */
  { "city.html2text.txt", "html", "city-2025-placeholder-headers.html", LOAD_ERROR, 0 },
  { "shanghai.html2text.txt", "html", "shanghai-gov-office-2019.html", LOAD_ERROR, 0 },
};

/* Known gaps: the canonical cells these give today (measured with
 * CF_VARIANTS_MEASURE=1, which prints the counts and fails nothing). Most
 * are space-aligned dumps whose row-spanning group labels (（三）不予公开)
 * are printed on a middle row, joined to a sub-item's label by one space,
 * and headers whose words wrap over lines; pdftotext without -layout prints
 * each column separately. */
static const Variant partial_variants[] = {
  { "city.w3m.txt", "html", "city-2025-placeholder-headers.html", PARTIAL, 25 },
  { "city.lynx.txt", "html", "city-2025-placeholder-headers.html", PARTIAL, 31 },
  { "shanghai.lynx.txt", "html", "shanghai-gov-office-2019.html", PARTIAL, 42 },
  { "shanghai.pandoc.txt", "html", "shanghai-gov-office-2019.html", PARTIAL, 22 },
  { "shanghai.pandoc.md", "html", "shanghai-gov-office-2019.html", PARTIAL, 22 },
  { "shanghai.soffice.txt", "html", "shanghai-gov-office-2019.html", PARTIAL, 30 },
  { "city.pdftotext-layout.txt", "html", "city-2025-placeholder-headers.html", PARTIAL, 24 },
  { "shanghai.pdftotext-layout.txt", "html", "shanghai-gov-office-2019.html", PARTIAL, 11 },
  { "city.pdftotext.txt", "html", "city-2025-placeholder-headers.html", PARTIAL, 4 },
  { "shanghai.pdftotext.txt", "html", "shanghai-gov-office-2019.html", PARTIAL, 22 },
};

static CfDocument *
load_audited (const char *path)
{
  g_autoptr (GError) error = NULL;
  CfDocument *doc = cf_document_load_file (path, NULL, NULL, &error);

  g_assert_no_error (error);
  g_assert_nonnull (doc);
  cf_audit_document (doc, NULL);
  return doc;
}

/* What a canonical cell says, comparable across wordings: its number (with
 * unit) when it has one, else its text as the forms match labels. */
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

/* "table/row/col" -> meaning, over the form tables. */
static GHashTable *
canonical_cells (CfDocument *doc)
{
  GHashTable *cells = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  GPtrArray *tables = cf_document_get_tables (doc);

  for (guint t = 0; t < tables->len; t++)
    {
      CfTable *table = g_ptr_array_index (tables, t);
      const char *id = cf_table_get_id (table);

      if (g_strcmp0 (id, "requests") != 0 && g_strcmp0 (id, "proactive") != 0 &&
          g_strcmp0 (id, "appeals") != 0)
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

static GHashTable *
error_rules (CfDocument *doc)
{
  GHashTable *rules = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  GPtrArray *findings = cf_document_get_findings (doc);

  for (guint i = 0; i < findings->len; i++)
    {
      CfFinding *finding = g_ptr_array_index (findings, i);

      if (finding->severity == CF_SEVERITY_ERROR)
        g_hash_table_add (rules, g_strdup_printf ("%s %s", finding->rule, finding->message));
    }
  return rules;
}

/* Cells of @a that @b gives the same meaning. */
static guint
count_same (GHashTable *a, GHashTable *b, GString *differences)
{
  GHashTableIter iter;
  gpointer key, value;
  guint same = 0;

  g_hash_table_iter_init (&iter, a);
  while (g_hash_table_iter_next (&iter, &key, &value))
    {
      const char *other = g_hash_table_lookup (b, key);

      if (g_strcmp0 (other, value) == 0)
        same++;
      else if (differences->len < 2000)
        g_string_append_printf (differences, " %s: “%s” became “%s”;", (char *) key,
                                (char *) value, other ? other : "(none)");
    }
  return same;
}

static void
check_variant (gconstpointer data)
{
  const Variant *v = data;
  g_autofree char *path = cf_test_path ("variants", v->variant, NULL);
  g_autofree char *original_path = cf_test_path ("corpus", v->sub, v->original, NULL);
  g_autoptr (CfDocument) original = load_audited (original_path);
  g_autoptr (CfDocument) doc = NULL;
  g_autoptr (GHashTable) want = NULL;
  g_autoptr (GHashTable) got = NULL;
  g_autoptr (GHashTable) want_errors = NULL;
  g_autoptr (GHashTable) got_errors = NULL;
  g_autoptr (GString) differences = g_string_new (NULL);
  GHashTableIter iter;
  gpointer key;
  guint same;

  if (v->expect == LOAD_ERROR)
    {
      g_autoptr (GError) error = NULL;

      doc = cf_document_load_file (path, NULL, NULL, &error);
      g_assert_null (doc);
      g_assert_nonnull (error);
      g_assert_true (g_str_has_prefix (error->message, v->variant));
      return;
    }

  doc = load_audited (path);
  want = canonical_cells (original);
  got = canonical_cells (doc);
  g_assert_cmpuint (g_hash_table_size (want), >, 100);
  g_assert_cmpstr (cf_document_get_form (doc), ==, cf_document_get_form (original));
  same = count_same (want, got, differences);

  if (v->expect == PARTIAL)
    {
      g_test_message ("%s: %u of %u canonical cells agree", v->variant, same, g_hash_table_size (want));
      if (same < v->min_same && g_getenv ("CF_VARIANTS_MEASURE") == NULL)
        g_error ("%s: %u of %u canonical cells agree, expected at least %u:%s", v->variant, same,
                 g_hash_table_size (want), v->min_same, differences->str);
      if (same == g_hash_table_size (want))
        g_test_message ("%s now gives every canonical cell: move it to the variants that pass",
                        v->variant);
      return;
    }

  if (differences->len > 0 || g_hash_table_size (got) != g_hash_table_size (want))
    g_error ("%s: %u of %u canonical cells agree (%u given):%s", v->variant, same,
             g_hash_table_size (want), g_hash_table_size (got), differences->str);

  want_errors = error_rules (original);
  got_errors = error_rules (doc);
  g_hash_table_iter_init (&iter, got_errors);
  while (g_hash_table_iter_next (&iter, &key, NULL))
    if (!g_hash_table_contains (want_errors, key))
      g_error ("%s: a new error: %s", v->variant, (char *) key);
}

/* gip-2021 printed with 三（六）其他处理 as one row, without its three
 * sub-items: the row is `other` (report-forms.md), the rest is the same. */
static void
test_other_as_one_row (void)
{
  g_autofree char *path = cf_test_path ("variants", "city.other-one-row.html", NULL);
  g_autoptr (CfDocument) original = cf_test_load_corpus ("html", "city-2025-placeholder-headers.html");
  g_autoptr (CfDocument) doc = load_audited (path);
  g_autoptr (GHashTable) want = NULL;
  g_autoptr (GHashTable) got = NULL;
  static const char * const columns[] = {
    "natural_person", "commercial", "research", "social_welfare", "legal_services", "other_org", "total",
  };
  GHashTableIter iter;
  gpointer key, value;

  cf_audit_document (original, NULL);
  want = canonical_cells (original);
  got = canonical_cells (doc);
  g_assert_cmpstr (cf_document_get_form (doc), ==, "gip-2021");
  g_assert_cmpuint (cf_document_count_findings (doc, CF_SEVERITY_ERROR), ==, 0);

  for (gsize i = 0; i < G_N_ELEMENTS (columns); i++)
    {
      const char *sub[] = { "other_no_correction", "other_no_fee", "other_misc" };
      double sum = 0;
      g_autofree char *other_key = g_strdup_printf ("requests/other/%s", columns[i]);
      g_autofree char *expected = NULL;

      for (gsize s = 0; s < G_N_ELEMENTS (sub); s++)
        {
          g_autofree char *k = g_strdup_printf ("requests/%s/%s", sub[s], columns[i]);
          const char *meaning = g_hash_table_lookup (want, k);

          g_assert_nonnull (meaning);
          sum += g_ascii_strtod (meaning, NULL);
          g_assert_false (g_hash_table_contains (got, k));
        }
      expected = g_strdup_printf ("%.6g ", sum);
      g_assert_cmpstr (g_hash_table_lookup (got, other_key), ==, expected);
    }

  g_hash_table_iter_init (&iter, want);
  while (g_hash_table_iter_next (&iter, &key, &value))
    if (!strstr (key, "/other_"))
      g_assert_cmpstr (g_hash_table_lookup (got, key), ==, value);
}

/* The drawn grid keeps the merged cells the HTML had. */
static void
test_box_grid_spans (void)
{
  g_autofree char *path = cf_test_path ("variants", "city.w3m-box.txt", NULL);
  g_autoptr (CfDocument) doc = load_audited (path);
  CfTable *requests = cf_document_find_table (doc, "requests");
  CfCell *total, *group = NULL;

  g_assert_nonnull (requests);
  g_assert_cmpstr (cf_table_get_layout (requests), ==, "box");
  g_assert_cmpstr (cf_table_get_title (requests), ==, "三、收到和处理政府信息公开申请情况");
  total = cf_table_find_by_keys (requests, "new", "total");
  g_assert_nonnull (total);
  g_assert_cmpstr (total->text, ==, "14069");
  /* The offset is the cell's text in the document. */
  {
    gsize len;
    const char *text = cf_document_get_text (doc, &len);

    g_assert_cmpint (total->offset, >=, 0);
    g_assert_cmpint (memcmp (text + total->offset, "14069", 5), ==, 0);
    g_assert_cmpint (total->length, ==, 5);
  }
  for (guint i = 0; i < cf_table_get_n_cells (requests); i++)
    {
      CfCell *cell = cf_table_get_cell_at (requests, i);

      if (g_strcmp0 (cell->text, "三、本年度办理结果") == 0)
        group = cell;
    }
  g_assert_nonnull (group);
  g_assert_cmpint (group->row_span, ==, 22);
}

/* A small ASCII grid written by hand: "+---+" rules, "|" bars, a header
 * cell spanning two columns, a label wrapped over two lines. */
static void
test_ascii_grid_by_hand (void)
{
  static const char text[] =
    "四、政府信息公开行政复议、行政诉讼情况\n"
    "\n"
    "+------------+-----------+\n"
    "| 行政复议               |\n"
    "+------------+-----------+\n"
    "| 结果维持   | 其他      |\n"
    "| （件）     |           |\n"
    "+============+===========+\n"
    "| 3          | 4         |\n"
    "+------------+-----------+\n"
    "| 5          | 6         |\n"
    "+------------+-----------+\n";
  g_autoptr (GBytes) bytes = g_bytes_new_static (text, sizeof text - 1);
  g_autoptr (GError) error = NULL;
  g_autoptr (CfDocument) doc = cf_document_load_bytes (bytes, "grid.txt", NULL, NULL, &error);
  CfTable *table;
  CfCell *cell;

  g_assert_no_error (error);
  g_assert_cmpuint (cf_document_get_tables (doc)->len, ==, 1);
  table = g_ptr_array_index (cf_document_get_tables (doc), 0);
  g_assert_cmpstr (cf_table_get_layout (table), ==, "ascii-grid");
  g_assert_cmpint (cf_table_get_n_rows (table), ==, 4);
  g_assert_cmpint (cf_table_get_n_cols (table), ==, 2);
  cell = cf_table_get_cell (table, 0, 1);
  g_assert_nonnull (cell);
  g_assert_cmpstr (cell->text, ==, "行政复议");
  g_assert_cmpint (cell->col_span, ==, 2);
  g_assert_cmpstr (cf_test_cell_text (table, 1, 0), ==, "结果维持（件）");
  g_assert_cmpstr (cf_test_cell_text (table, 1, 1), ==, "其他");
  g_assert_cmpstr (cf_test_cell_text (table, 3, 1), ==, "6");
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, NULL);

  for (gsize i = 0; i < G_N_ELEMENTS (variants); i++)
    {
      g_autofree char *name = g_strdup_printf ("/variants/same/%s", variants[i].variant);
      g_test_add_data_func (name, &variants[i], check_variant);
    }
  for (gsize i = 0; i < G_N_ELEMENTS (partial_variants); i++)
    {
      g_autofree char *name = g_strdup_printf ("/variants/known-gap/%s", partial_variants[i].variant);
      g_test_add_data_func (name, &partial_variants[i], check_variant);
    }
  g_test_add_func ("/variants/other-as-one-row", test_other_as_one_row);
  g_test_add_func ("/variants/box-grid-spans", test_box_grid_spans);
  g_test_add_func ("/variants/ascii-grid-by-hand", test_ascii_grid_by_hand);

  return g_test_run ();
}
