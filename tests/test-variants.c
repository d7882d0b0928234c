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
  /* Space-aligned dumps. w3m without borders prints a row-spanning group
   * label on the middle one of its rows, one space before a sub-item's
   * label ("（三）不予公开 4.保护第三方合法权益"); lynx also puts narrow
   * columns one space apart ("13612 252"). */
  { "shanghai.w3m.txt", "html", "shanghai-gov-office-2019.html", SAME, 0 },
  { "city.w3m.txt", "html", "city-2025-placeholder-headers.html", SAME, 0 },
  { "city.lynx.txt", "html", "city-2025-placeholder-headers.html", SAME, 0 },
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
  /* html2text 1.3.2a counts bytes as columns: later cells overwrite the
   * end of Chinese labels, cutting characters in half. The text is read
   * with U+FFFD for what was cut (and a note); the overwritten rows are
   * garbled. */
  { "city.html2text.txt", "html", "city-2025-placeholder-headers.html", PARTIAL, 98 },
  { "shanghai.html2text.txt", "html", "shanghai-gov-office-2019.html", PARTIAL, 0 },
};

/* Known gaps: the canonical cells these give today (measured with
 * CF_VARIANTS_MEASURE=1, which prints the counts and fails nothing;
 * CF_VARIANTS_MEASURE=diff also prints the cells that differ). pdftotext
 * -layout centres values between the lines of a wrapped label and breaks
 * narrow group labels into a character per line; lynx prints shanghai's
 * table one cell per line with blank lines for empty cells; pandoc's plain
 * table rules are narrower than its rows; pdftotext without -layout prints
 * each column separately. */
static const Variant partial_variants[] = {
  { "shanghai.lynx.txt", "html", "shanghai-gov-office-2019.html", PARTIAL, 44 },
  { "shanghai.pandoc.txt", "html", "shanghai-gov-office-2019.html", PARTIAL, 22 },
  { "shanghai.pandoc.md", "html", "shanghai-gov-office-2019.html", PARTIAL, 22 },
  { "shanghai.soffice.txt", "html", "shanghai-gov-office-2019.html", PARTIAL, 30 },
  { "city.pdftotext-layout.txt", "html", "city-2025-placeholder-headers.html", PARTIAL, 46 },
  { "shanghai.pdftotext-layout.txt", "html", "shanghai-gov-office-2019.html", PARTIAL, 13 },
  { "city.pdftotext.txt", "html", "city-2025-placeholder-headers.html", PARTIAL, 4 },
  { "shanghai.pdftotext.txt", "html", "shanghai-gov-office-2019.html", PARTIAL, 22 },
};

static CfDocument *
load_audited (const char *path)
{
  g_autoptr (GError) error = NULL;
  CfDocument *doc = cf_loader_load_file (path, NULL, NULL, &error);

  g_assert_no_error (error);
  g_assert_nonnull (doc);
  cf_audit_document (doc, NULL);
  return doc;
}

/* "table/row/col" -> meaning, over the form tables a variant must keep. */
static GHashTable *
canonical_cells (CfDocument *doc)
{
  static const char *const form_tables[] = { "requests", "proactive", "appeals", NULL };

  return cf_test_canonical_cells (doc, form_tables);
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

      doc = cf_loader_load_file (path, NULL, NULL, &error);
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
      if (g_strcmp0 (g_getenv ("CF_VARIANTS_MEASURE"), "diff") == 0)
        g_test_message ("%s differences:%s", v->variant, differences->str);
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
  g_autoptr (CfDocument) doc = cf_loader_load_bytes (bytes, "grid.txt", NULL, NULL, &error);
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

/* ---- reports we have never seen, written by hand ------------------------
 *
 * Each fixture under tests/variants/unseen.* is modelled on the reports of
 * other bodies and years, with values chosen here. A spec line is
 * "TABLE ROW[ COLUMN,…]: VALUE …" (requests and appeals rows take every
 * column of their table when none are named); every canonical cell the
 * document gives must be listed, with its value. */

static const char * const requests_columns[] = {
  "natural_person", "commercial", "research", "social_welfare", "legal_services", "other_org", "total", NULL,
};
static const char * const appeals_columns[] = {
  "review_upheld", "review_corrected", "review_other", "review_pending", "review_total",
  "suit_upheld", "suit_corrected", "suit_other", "suit_pending", "suit_total",
  "suit_after_review_upheld", "suit_after_review_corrected", "suit_after_review_other",
  "suit_after_review_pending", "suit_after_review_total", NULL,
};

#define PROACTIVE_2021(r, n, l, p, e, f) \
  "proactive rules issued,repealed,in_force: " r "\n" \
  "proactive normative_documents issued,repealed,in_force: " n "\n" \
  "proactive licensing decisions: " l "\n" \
  "proactive penalty decisions: " p "\n" \
  "proactive enforcement decisions: " e "\n" \
  "proactive fees amount: " f "\n"

/* The withheld, unavailable and rejected rows of gip-2021 (and 2019). */
#define REQUESTS_RESULTS(s1, s2, s3, s4, s5, s6, s7, s8, u1, u2, u3, j1, j2, j3, j4, j5) \
  "requests withheld_state_secret: " s1 "\n" \
  "requests withheld_law_forbids: " s2 "\n" \
  "requests withheld_three_safety: " s3 "\n" \
  "requests withheld_third_party: " s4 "\n" \
  "requests withheld_internal: " s5 "\n" \
  "requests withheld_process: " s6 "\n" \
  "requests withheld_enforcement_file: " s7 "\n" \
  "requests withheld_query: " s8 "\n" \
  "requests unavailable_not_held: " u1 "\n" \
  "requests unavailable_needs_creation: " u2 "\n" \
  "requests unavailable_unclear: " u3 "\n" \
  "requests rejected_petition: " j1 "\n" \
  "requests rejected_duplicate: " j2 "\n" \
  "requests rejected_publication: " j3 "\n" \
  "requests rejected_excessive: " j4 "\n" \
  "requests rejected_confirmation: " j5 "\n"

#define ZEROS "0 0 0 0 0 0 0"

typedef struct
{
  const char *file;      /* under tests/variants */
  const char *form;
  const char *cells;     /* spec lines, see above */
  const char *errors;    /* "rule table/row/col" of each error finding (its first cell), sorted, ";"-separated */
} Unseen;

static const Unseen unseen[] = {
  /* A county report copied from a PDF as tab-separated text: the column
   * header over two rows, the group labels in columns of their own. */
  { "unseen.county-2023-tabs.txt", "gip-2021",
    PROACTIVE_2021 ("0 0 3", "5 1 40", "1520", "87", "3", "0")
    "requests new: 120 5 0 1 2 0 128\n"
    "requests carried_over: 6 0 0 0 0 0 6\n"
    "requests granted: 70 3 0 1 1 0 75\n"
    "requests partly_granted: 10 0 0 0 0 0 10\n"
    REQUESTS_RESULTS (ZEROS, "1 0 0 0 0 0 1", ZEROS, "2 0 0 0 0 0 2", ZEROS, "1 0 0 0 0 0 1", ZEROS,
                      "3 0 0 0 0 0 3", "20 1 0 0 1 0 22", "4 0 0 0 0 0 4", "2 0 0 0 0 0 2",
                      "5 0 0 0 0 0 5", "1 0 0 0 0 0 1", ZEROS, ZEROS, "1 0 0 0 0 0 1")
    "requests other_no_correction: 2 0 0 0 0 0 2\n"
    "requests other_no_fee: " ZEROS "\n"
    "requests other_misc: 1 0 0 0 0 0 1\n"
    "requests results_total: 123 4 0 1 2 0 130\n"
    "requests carried_forward: 3 1 0 0 0 0 4\n"
    "appeals cases: 1 0 1 0 2 0 1 0 0 1 0 0 0 1 1\n",
    "" },
  /* A gip-2019 district report dumped by a text browser: narrow columns one
   * space apart, the sub-header under 法人或其他组织 on one line, group
   * labels one space before their first sub-item. 4.保护第三方合法权益 says
   * 3 natural persons where its total says 1: the cell both failing rules
   * share is named first. */
  { "unseen.district-2020-lynx.txt", "gip-2019",
    "proactive rules made,published,total_published: 0 0 0\n"
    "proactive normative_documents made,published,total_published: 2 2 15\n"
    "proactive licensing items_last_year,items_change,decisions: 12 0 36\n"
    "proactive other_services items_last_year,items_change,decisions: 5 1 20\n"
    "proactive penalty items_last_year,items_change,decisions: 3 0 14\n"
    "proactive enforcement items_last_year,items_change,decisions: 2 0 4\n"
    "proactive fees items_last_year,items_change: 0 0\n"
    "proactive procurement items,amount: 6 85.6\n"
    "requests new: 40 3 0 0 1 0 44\n"
    "requests carried_over: 2 0 0 0 0 0 2\n"
    "requests granted: 25 2 0 0 1 0 28\n"
    "requests partly_granted: 3 0 0 0 0 0 3\n"
    REQUESTS_RESULTS (ZEROS, ZEROS, ZEROS, "3 0 0 0 0 0 1", ZEROS, "2 0 0 0 0 0 2", ZEROS, ZEROS,
                      "5 1 0 0 0 0 6", "1 0 0 0 0 0 1", ZEROS, "2 0 0 0 0 0 2", "1 0 0 0 0 0 1",
                      ZEROS, ZEROS, ZEROS)
    "requests other: 1 0 0 0 0 0 1\n"
    "requests results_total: 41 3 0 0 1 0 45\n"
    "requests carried_forward: 1 0 0 0 0 0 1\n"
    "appeals cases: 0 0 0 0 0 1 0 0 0 1 0 0 0 0 0\n",
    "requests.results_total requests/withheld_third_party/natural_person;"
    "requests.row_total requests/withheld_third_party/natural_person" },
  /* A street office's report as w3m prints it without borders: group labels
   * on the middle row of their rows, long labels wrapped under themselves,
   * 单位：件 under each heading and a footnote under the table. */
  { "unseen.street-2022-wrapped.txt", "gip-2021",
    PROACTIVE_2021 ("0 0 0", "1 0 6", "0", "12", "0", "0")
    "requests new: 30 2 0 0 0 1 33\n"
    "requests carried_over: " ZEROS "\n"
    "requests granted: 18 1 0 0 0 1 20\n"
    "requests partly_granted: 2 0 0 0 0 0 2\n"
    REQUESTS_RESULTS (ZEROS, ZEROS, ZEROS, ZEROS, "1 0 0 0 0 0 1", ZEROS, ZEROS, ZEROS,
                      "4 1 0 0 0 0 5", "1 0 0 0 0 0 1", ZEROS, "2 0 0 0 0 0 2", ZEROS, ZEROS,
                      ZEROS, ZEROS)
    "requests other_no_correction: 1 0 0 0 0 0 1\n"
    "requests other_no_fee: " ZEROS "\n"
    "requests other_misc: " ZEROS "\n"
    "requests results_total: 29 2 0 0 0 1 32\n"
    "requests carried_forward: 1 0 0 0 0 0 1\n"
    "appeals cases: 1 0 0 0 1 0 0 0 0 0 0 0 0 0 0\n",
    "" },
  /* A town's report typed with full-width digits and enumerators, columns
   * apart by ideographic spaces. */
  { "unseen.town-2024-fullwidth.txt", "gip-2021",
    PROACTIVE_2021 ("0 0 0", "0 0 2", "45", "2", "0", "0")
    "requests new: 8 1 0 0 0 0 9\n"
    "requests carried_over: 1 0 0 0 0 0 1\n"
    "requests granted: 6 1 0 0 0 0 7\n"
    "requests partly_granted: " ZEROS "\n"
    REQUESTS_RESULTS (ZEROS, ZEROS, ZEROS, ZEROS, ZEROS, ZEROS, ZEROS, ZEROS,
                      "2 0 0 0 0 0 2", ZEROS, ZEROS, ZEROS, ZEROS, ZEROS, ZEROS, ZEROS)
    "requests other_no_correction: " ZEROS "\n"
    "requests other_no_fee: " ZEROS "\n"
    "requests other_misc: " ZEROS "\n"
    "requests results_total: 8 1 0 0 0 0 9\n"
    "requests carried_forward: 1 0 0 0 0 0 1\n"
    "appeals cases: 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0\n",
    "" },
};

static gint
compare_strings (gconstpointer a, gconstpointer b)
{
  return g_strcmp0 (*(const char * const *) a, *(const char * const *) b);
}

static void
check_unseen (gconstpointer data)
{
  const Unseen *u = data;
  g_autofree char *path = cf_test_path ("variants", u->file, NULL);
  g_autoptr (CfDocument) doc = load_audited (path);
  g_autoptr (GHashTable) got = canonical_cells (doc);
  g_auto (GStrv) lines = g_strsplit (u->cells, "\n", -1);
  g_autoptr (GPtrArray) errors = g_ptr_array_new_with_free_func (g_free);
  g_autoptr (GString) error_list = g_string_new (NULL);
  GPtrArray *findings = cf_document_get_findings (doc);
  guint n_expected = 0;

  g_assert_cmpstr (cf_document_get_form (doc), ==, u->form);

  for (guint l = 0; lines[l]; l++)
    {
      g_auto (GStrv) parts = NULL;
      g_auto (GStrv) head = NULL;
      g_auto (GStrv) values = NULL;
      g_auto (GStrv) named = NULL;
      const char * const *columns;

      if (lines[l][0] == '\0')
        continue;
      parts = g_strsplit (lines[l], ": ", 2);
      g_assert_cmpuint (g_strv_length (parts), ==, 2);
      head = g_strsplit (parts[0], " ", 3);
      values = g_strsplit (parts[1], " ", -1);
      if (head[2] != NULL)
        columns = (const char * const *) (named = g_strsplit (head[2], ",", -1));
      else
        columns = strcmp (head[0], "appeals") == 0 ? appeals_columns : requests_columns;
      g_assert_cmpuint (g_strv_length (values), ==, g_strv_length ((GStrv) columns));

      for (guint c = 0; columns[c]; c++)
        {
          g_autofree char *key = g_strdup_printf ("%s/%s/%s", head[0], head[1], columns[c]);
          g_autofree char *want = g_strdup_printf ("%.6g ", g_ascii_strtod (values[c], NULL));
          const char *meaning = g_hash_table_lookup (got, key);

          if (g_strcmp0 (meaning, want) != 0)
            g_error ("%s: %s is “%s”, expected “%s”", u->file, key, meaning ? meaning : "(none)", want);
          n_expected++;
        }
    }
  /* Nothing else was mapped: no cell given a key it should not have. */
  g_assert_cmpuint (g_hash_table_size (got), ==, n_expected);

  for (guint i = 0; i < findings->len; i++)
    {
      CfFinding *finding = g_ptr_array_index (findings, i);
      const CfCellRef *first;

      if (finding->severity != CF_SEVERITY_ERROR)
        continue;
      g_assert_cmpuint (finding->cells->len, >, 0);
      first = &g_array_index (finding->cells, CfCellRef, 0);
      g_ptr_array_add (errors, g_strdup_printf ("%s %s/%s/%s", finding->rule, first->table,
                                                first->row_key, first->col_key));
    }
  g_ptr_array_sort (errors, compare_strings);
  for (guint i = 0; i < errors->len; i++)
    g_string_append_printf (error_list, "%s%s", i ? ";" : "", (char *) g_ptr_array_index (errors, i));
  g_assert_cmpstr (error_list->str, ==, u->errors);
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
  for (gsize i = 0; i < G_N_ELEMENTS (unseen); i++)
    {
      g_autofree char *name = g_strdup_printf ("/variants/unseen/%s", unseen[i].file);
      g_test_add_data_func (name, &unseen[i], check_unseen);
    }
  g_test_add_func ("/variants/other-as-one-row", test_other_as_one_row);
  g_test_add_func ("/variants/box-grid-spans", test_box_grid_spans);
  g_test_add_func ("/variants/ascii-grid-by-hand", test_ascii_grid_by_hand);

  return g_test_run ();
}
