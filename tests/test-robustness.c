/* test-robustness.c: hostile inputs finish quickly in bounded memory
 *
 * Each case runs in a subprocess of its own so that its peak memory
 * (getrusage's maxrss) is its own: the file is built, loaded and audited,
 * and must give tables or a clear error (one that names the file) within
 * the time and memory limits. The default sizes keep the file under 20 s;
 * CF_ROBUSTNESS_FULL=1 runs the full sizes (100 MB texts, a million-cell
 * table), with the same limits.
 */
#include <malloc.h>
#include <string.h>
#include <sys/resource.h>

#include "cf-test-util.h"

/* Peak memory any case may use; AddressSanitizer's shadow memory and
 * quarantine come on top (-Db_sanitize=address). */
#ifdef __SANITIZE_ADDRESS__
#define MAX_RSS_MB 3072
#else
#define MAX_RSS_MB 1024
#endif

static gboolean
full_size (void)
{
  return g_strcmp0 (g_getenv ("CF_ROBUSTNESS_FULL"), "1") == 0;
}

static gsize
text_size (void)
{
  return (gsize) (full_size () ? 100 : 24) * 1024 * 1024;
}

/* CPU seconds (user + system) this process used so far. */
static double
cpu_seconds (void)
{
  struct rusage usage;

  getrusage (RUSAGE_SELF, &usage);
  return usage.ru_utime.tv_sec + usage.ru_utime.tv_usec / 1e6
         + usage.ru_stime.tv_sec + usage.ru_stime.tv_usec / 1e6;
}

static double
max_rss_mb (void)
{
  struct rusage usage;

  getrusage (RUSAGE_SELF, &usage);
  return usage.ru_maxrss / 1024.0;
}

/* Loads and audits @bytes as @name: tables or an error naming the file, in
 * time and memory. Returns the document (NULL after a clear error). */
static CfDocument *
load_hostile (GBytes *bytes, const char *name, double seconds)
{
  g_autoptr (GError) error = NULL;
  g_autofree char *prefix = g_strconcat (name, ": ", NULL);
  gint64 start = g_get_monotonic_time ();
  CfDocument *doc = cf_loader_load_bytes (bytes, name, NULL, NULL, &error);
  double elapsed, load_seconds = (g_get_monotonic_time () - start) / 1e6, load_rss = max_rss_mb ();
  guint n_tables = 0, n_cells = 0;

  if (doc != NULL)
    {
      GPtrArray *tables = cf_document_get_tables (doc);

      g_printerr ("# %s: loaded in %.2f s, peak %.0f MB\n", name, load_seconds, load_rss);
      cf_audit_document (doc, NULL);
      n_tables = tables->len;
      for (guint i = 0; i < tables->len; i++)
        n_cells += cf_table_get_n_cells (g_ptr_array_index (tables, i));
    }
  elapsed = (g_get_monotonic_time () - start) / 1e6;

  /* On stderr: a subprocess's test messages are not shown. */
  g_printerr ("# %s: %.1f MB in %.2f s, peak %.0f MB: %s (%u tables, %u cells)\n", name,
                  g_bytes_get_size (bytes) / 1048576.0, elapsed, max_rss_mb (),
                  doc ? "read" : error->message, n_tables, n_cells);
  if (doc == NULL)
    {
      g_assert_nonnull (error);
      g_assert_true (g_str_has_prefix (error->message, prefix));
    }
  g_assert_cmpfloat (elapsed, <, cf_test_time_limit (seconds));
  g_assert_cmpfloat (max_rss_mb (), <, MAX_RSS_MB);
  return doc;
}

static GBytes *
repeat_to_size (const char *unit, gsize size)
{
  gsize unit_len = strlen (unit), n = size / unit_len;
  char *data = g_malloc (n * unit_len + 1);

  for (gsize i = 0; i < n; i++)
    memcpy (data + i * unit_len, unit, unit_len);
  data[n * unit_len] = '\0';
  return g_bytes_new_take (data, n * unit_len);
}

/* Runs the case in a subprocess of its own (peak memory is per process). */
static void
run_isolated (const char *path)
{
  g_autofree char *child = g_strconcat (path, "/subprocess", NULL);

  g_test_trap_subprocess (child, (guint64) cf_test_time_limit (120) * G_USEC_PER_SEC,
                          G_TEST_SUBPROCESS_INHERIT_STDOUT | G_TEST_SUBPROCESS_INHERIT_STDERR);
  g_test_trap_assert_passed ();
}

/* ---- text --------------------------------------------------------------- */

static void
test_random_bytes (void)
{
  g_autoptr (GRand) rand = g_rand_new_with_seed (20221231);
  gsize size = text_size ();
  guint32 *data = g_malloc (size);
  g_autoptr (GBytes) bytes = NULL;
  g_autoptr (CfDocument) doc = NULL;

  for (gsize i = 0; i < size / 4; i++)
    data[i] = g_rand_int (rand);
  bytes = g_bytes_new_take (data, size / 4 * 4);
  doc = load_hostile (bytes, "random.txt", 10);
}

/* Printable noise with no line break: bytes 0x20-0x7E and CJK mixed, so
 * every decoder gets to try. */
static void
test_printable_noise (void)
{
  g_autoptr (GRand) rand = g_rand_new_with_seed (7);
  static const char *const pieces[] = { "收到", "12", "  ", "|", "\t", "三、", "x", "（一）", "0", " " };
  g_autoptr (GString) noise = g_string_sized_new (text_size () + 16);
  g_autoptr (GBytes) bytes = NULL;
  g_autoptr (CfDocument) doc = NULL;

  while (noise->len < text_size ())
    g_string_append (noise, pieces[g_rand_int_range (rand, 0, G_N_ELEMENTS (pieces))]);
  bytes = g_string_free_to_bytes (g_steal_pointer (&noise));
  doc = load_hostile (bytes, "noise.txt", 20);
}

static void
test_one_long_line (void)
{
  g_autoptr (GBytes) bytes = repeat_to_size ("本年新收  12  3  ", text_size ());
  g_autoptr (CfDocument) doc = load_hostile (bytes, "long-line.txt", 10);

  g_assert_nonnull (doc);
}

static void
test_only_bars (void)
{
  g_autoptr (GBytes) bytes = repeat_to_size ("|\n||\n|\n|||\n", text_size ());
  g_autoptr (CfDocument) doc = load_hostile (bytes, "bars.txt", 10);

  g_assert_nonnull (doc);
}

static void
test_only_tabs (void)
{
  g_autoptr (GBytes) lines = repeat_to_size ("\t\t\t\n", text_size ());
  g_autoptr (GBytes) line = repeat_to_size ("\t", text_size ());
  g_autoptr (CfDocument) doc = NULL;

  /* Blank text reads as an empty file. */
  doc = load_hostile (lines, "tab-lines.txt", 10);
  g_assert_null (doc);
  doc = load_hostile (line, "tab-line.txt", 10);
  g_assert_null (doc);
}

/* Tab rows of numbers: one table as tall as the file. */
static void
test_tab_rows (void)
{
  g_autoptr (GBytes) bytes = repeat_to_size ("收到\t1\t2\t3\n", text_size () / (full_size () ? 1 : 16));
  g_autoptr (CfDocument) doc = load_hostile (bytes, "tab-rows.txt", 20);

  g_assert_nonnull (doc);
}

/* ---- HTML --------------------------------------------------------------- */

static GBytes *
html_bytes (GString *html)
{
  return g_string_free_to_bytes (html);
}

static void
test_html_nested_tables (void)
{
  GString *html = g_string_new ("<html><body>");
  g_autoptr (GBytes) bytes = NULL;
  g_autoptr (CfDocument) doc = NULL;

  /* Each level a real table (three rows of two cells) holding the next. */
  for (int i = 0; i < 10000; i++)
    g_string_append (html, "<table><tr><td>a</td><td>1</td></tr><tr><td>b</td><td>2</td></tr><tr><td>c</td><td>");
  g_string_append (html, "deepest");
  for (int i = 0; i < 10000; i++)
    g_string_append (html, "</td></tr></table>");
  g_string_append (html, "</body></html>");
  bytes = html_bytes (html);
  doc = load_hostile (bytes, "nested.html", 10);
  g_assert_nonnull (doc);
}

static void
test_html_unclosed_tags (void)
{
  GString *html = g_string_new ("<html><body><table>");
  g_autoptr (GBytes) bytes = NULL;
  g_autoptr (CfDocument) doc = NULL;

  for (int i = 0; i < 20000; i++)
    g_string_append_printf (html, "<tr><td>行%d<td>%d<td><b><i><span>%d", i, i, i % 7);
  for (int i = 0; i < 20000; i++)
    g_string_append (html, "<div><p><font><span><a href=x>");
  g_string_append (html, "<table><tr><td>");
  bytes = html_bytes (html);
  doc = load_hostile (bytes, "unclosed.html", 10);
  g_assert_nonnull (doc);
  g_assert_cmpuint (cf_document_get_tables (doc)->len, >=, 1);
}

static void
test_html_million_cells (void)
{
  GString *html = g_string_new ("<html><body><p>三、收到和处理政府信息公开申请情况</p><table>");
  g_autoptr (GBytes) bytes = NULL;
  g_autoptr (CfDocument) doc = NULL;
  CfTable *table;
  int n = full_size () ? 1000 : 400;

  for (int r = 0; r < n; r++)
    {
      g_string_append (html, "<tr>");
      for (int c = 0; c < n; c++)
        g_string_append (html, c == 0 ? "<td>项</td>" : "<td>1</td>");
      g_string_append (html, "</tr>");
    }
  g_string_append (html, "</table></body></html>");
  bytes = html_bytes (html);
  doc = load_hostile (bytes, "cells.html", 20);
  g_assert_nonnull (doc);
  g_assert_cmpuint (cf_document_get_tables (doc)->len, ==, 1);
  table = g_ptr_array_index (cf_document_get_tables (doc), 0);
  g_assert_cmpint (cf_table_get_n_rows (table), ==, n);
  g_assert_cmpint (cf_table_get_n_cols (table), ==, n);
  g_assert_cmpstr (cf_test_cell_text (table, n - 1, n - 1), ==, "1");
}

static void
test_html_huge_spans (void)
{
  GString *html = g_string_new ("<html><body><table>");
  g_autoptr (GBytes) bytes = NULL;
  g_autoptr (CfDocument) doc = NULL;
  CfTable *table;
  CfCell *cell;
  GPtrArray *notes;

  g_string_append (html, "<tr><td colspan=1000000>总</td><td colspan=\"99999999999999999999\">1</td></tr>"
                         "<tr><td colspan=-5 rowspan=abc>a</td><td rowspan=0>2</td></tr>");
  /* Each row's first cell spans down to the end of the table: the next row
   * starts one column further right, a staircase as wide as allowed. */
  for (int r = 0; r < 20000; r++)
    g_string_append (html, "<tr><td rowspan=1000000>x</td><td colspan=1000000>1</td></tr>");
  g_string_append (html, "</table></body></html>");
  bytes = html_bytes (html);
  doc = load_hostile (bytes, "spans.html", 10);
  g_assert_nonnull (doc);
  table = g_ptr_array_index (cf_document_get_tables (doc), 0);

  cell = cf_table_get_origin_cell (table, 0, 0);
  g_assert_cmpstr (cell->text, ==, "总");
  g_assert_cmpint (cell->col_span, ==, 1000);
  /* Nonsense spans are one slot. */
  cell = cf_table_get_origin_cell (table, 1, 0);
  g_assert_cmpstr (cell->text, ==, "a");
  g_assert_cmpint (cell->row_span, ==, 1);
  g_assert_cmpint (cell->col_span, ==, 1);

  g_assert_cmpint (cf_table_get_n_cols (table), ==, 1000);
  /* Rows and columns together stay a grid the table's index can hold. */
  g_assert_cmpint ((gint64) cf_table_get_n_rows (table) * cf_table_get_n_cols (table), <=, 1 << 22);
  for (guint i = 0; i < cf_table_get_n_cells (table); i++)
    {
      cell = cf_table_get_cell_at (table, i);
      g_assert_cmpint (cell->row + cell->row_span, <=, cf_table_get_n_rows (table));
      g_assert_cmpint (cell->col + cell->col_span, <=, 1000);
    }

  /* The document says the table was cut. */
  notes = cf_document_get_notes (doc);
  g_assert_cmpuint (notes->len, >=, 1);
  g_assert_cmpstr (((CfFinding *) g_ptr_array_index (notes, 0))->rule, ==, "extract.too_large");
}

/* Tags nested far deeper than any page (unclosed tags) are skipped with a
 * note; the walk's recursion never runs out of stack. */
static void
test_html_deep_nesting (void)
{
  GString *html = g_string_new ("<html><body><p>开头</p>");
  g_autoptr (GBytes) bytes = NULL;
  g_autoptr (CfDocument) doc = NULL;
  GPtrArray *notes;
  gboolean noted = FALSE;

  for (int i = 0; i < 200000; i++)
    g_string_append (html, "<div><font>");
  g_string_append (html, "最深处");
  bytes = html_bytes (html);
  doc = load_hostile (bytes, "deep.html", 10);
  g_assert_nonnull (doc);
  g_assert_nonnull (strstr (cf_document_get_text (doc, NULL), "开头"));
  notes = cf_document_get_notes (doc);
  for (guint i = 0; i < notes->len; i++)
    noted |= g_strcmp0 (((CfFinding *) g_ptr_array_index (notes, i))->rule, "extract.too_deep") == 0;
  g_assert_true (noted);
}

/* ---- big real input ----------------------------------------------------- */

/* A real report repeated to the test's size (24 MB; 100 MB in the full
 * run): thousands of tables, each matched against the forms, and their
 * notes. Each part once took time growing with the square of the tables
 * and some 40 bytes of memory per input byte; now both grow with the input
 * (bench/bench-big.sh measures it). */
static void
test_repeated_report (void)
{
  g_autofree char *path = cf_test_path ("corpus", "text", "danfeng-psb-2020.txt", NULL);
  g_autofree char *unit = NULL;
  g_autoptr (GBytes) bytes = NULL;
  g_autoptr (CfDocument) doc = NULL;
  double mb, limit, cpu = G_MAXDOUBLE;

  g_assert_true (g_file_get_contents (path, &unit, NULL, NULL));
  bytes = repeat_to_size (unit, text_size ());
  mb = g_bytes_get_size (bytes) / 1048576.0;
  limit = cf_test_time_limit (1 + 10 * mb / 100);
  /* The wall clock follows the machine's load; the CPU time is the program's:
   * the target is 10 s at 100 MB, and time in proportion below. Other tests
   * on the same cores still inflate CPU time (shared caches: 2.5 s alone,
   * up to 4 s beside a busy neighbour), so a slow first load is measured
   * once more and the quicker of the two counts. */
  for (guint attempt = 0; attempt < 2; attempt++)
    {
      double start = cpu_seconds ();

      g_clear_object (&doc);
      doc = load_hostile (bytes, "repeated.txt", 120);
      cpu = MIN (cpu, cpu_seconds () - start);
      g_printerr ("# repeated.txt: %.2f s of CPU\n", cpu_seconds () - start);
      if (cpu < limit)
        break;
    }
  g_assert_nonnull (doc);
  g_assert_cmpstr (cf_document_get_form (doc), !=, NULL);
  g_assert_cmpuint (cf_document_get_tables (doc)->len, >, 1000);
  g_assert_cmpfloat (cpu, <, limit);
  /* Memory grows with the input, by a few bytes per byte. */
  g_assert_cmpfloat (max_rss_mb (), <, cf_test_memory_limit (80 + 12 * mb));
}

/* ---- harness ------------------------------------------------------------- */

typedef struct
{
  const char *path;
  GTestFunc   func;
} Case;

static const Case cases[] = {
  { "/robustness/text/random-bytes", test_random_bytes },
  { "/robustness/text/printable-noise", test_printable_noise },
  { "/robustness/text/one-long-line", test_one_long_line },
  { "/robustness/text/only-bars", test_only_bars },
  { "/robustness/text/only-tabs", test_only_tabs },
  { "/robustness/text/tab-rows", test_tab_rows },
  { "/robustness/text/repeated-report", test_repeated_report },
  { "/robustness/html/nested-tables", test_html_nested_tables },
  { "/robustness/html/unclosed-tags", test_html_unclosed_tags },
  { "/robustness/html/million-cells", test_html_million_cells },
  { "/robustness/html/huge-spans", test_html_huge_spans },
  { "/robustness/html/deep-nesting", test_html_deep_nesting },
};

static void
run_case (gconstpointer data)
{
  run_isolated (((const Case *) data)->path);
}

static void
run_case_here (gconstpointer data)
{
  ((const Case *) data)->func ();
}

int
main (int argc, char **argv)
{
  /* meson test sets MALLOC_PERTURB_, which fills every freed block: with
   * the big buffers of these inputs that is most of the run time. The
   * limits here are about our code. */
  mallopt (M_PERTURB, 0);
  g_test_init (&argc, &argv, NULL);
  for (gsize i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *child = g_strconcat (cases[i].path, "/subprocess", NULL);

      g_test_add_data_func (cases[i].path, &cases[i], run_case);
      g_test_add_data_func (child, &cases[i], run_case_here);
    }
  return g_test_run ();
}
