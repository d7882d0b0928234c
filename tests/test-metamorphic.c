/* test-metamorphic.c: one report, many producers and layouts, one reading
 *
 * tools/metamorphic/ renders synthetic reports of both national forms (and
 * the corpus web pages) through LibreOffice (from HTML, and from the DOCX
 * and the ODT it saves), Chromium, wkhtmltopdf, a Pango/cairo printer,
 * pdftotext, w3m, lynx, html2text and plain text layouts, in Simplified and
 * Traditional characters, with page breaks at every position inside each
 * table. Every variant has a sidecar <file>.json saying what it must read
 * as: its canonical cells ("" for a blank), whether it is consistent, and
 * the cell of its planted error. tests/metamorphic/ holds a slice of that
 * matrix; this test checks, for each variant:
 *   - every canonical cell equals the source's (blank stays blank);
 *   - a consistent report has no error (corpus pages: no error their
 *     original does not have);
 *   - a planted error is flagged by an error finding on its cell.
 *
 * Variants of the slice not read right yet are listed in
 * tests/metamorphic/known-gaps.tsv with how far they are right: such a
 * variant fails when it gets worse (and says so when it gets better).
 *
 * CF_METAMORPHIC_DIR=folder checks another folder (the whole matrix in the
 * cache of tools/metamorphic/run.sh); CF_METAMORPHIC_MEASURE=1 prints the
 * table per producer and layout and fails nothing (=diff also lists the
 * cells that differ); CF_METAMORPHIC_RECORD=file writes each variant's
 * outcome there (tools/metamorphic/slice.py makes known-gaps.tsv of it).
 */
#include <json-glib/json-glib.h>
#include <stdio.h>
#include <string.h>

#include "cf-test-util.h"

typedef struct
{
  guint variants;
  guint cells;
  guint cells_right;
  guint consistent;
  guint false_error;
  guint planted;
  guint planted_found;
} Tally;

typedef struct
{
  guint cells;
  guint cells_right;
  guint cells_wrong; /* read with another figure than the source's */
  guint appeals_wrong; /* of which in the appeals table */
  gboolean false_error;
  gboolean planted;
  gboolean planted_found;
  GString *notes;
} Outcome;

static gboolean
measuring (void)
{
  return g_getenv ("CF_METAMORPHIC_MEASURE") != NULL;
}

static const char *
variants_dir (void)
{
  static char *dir;

  if (dir == NULL)
    dir = g_getenv ("CF_METAMORPHIC_DIR") ? g_strdup (g_getenv ("CF_METAMORPHIC_DIR"))
                                          : cf_test_path ("metamorphic", NULL);
  return dir;
}

static CfDocument *
load_audited (const char *path)
{
  g_autoptr (GError) error = NULL;
  CfDocument *doc = cf_loader_load_file (path, NULL, NULL, &error);

  if (doc != NULL)
    cf_audit_document (doc, NULL);
  return doc;
}

/* A cell's meaning as cf_test_canonical_cells gives it, without the unit
 * space: "12", "497.06", "" for blank. */
static char *
plain_meaning (const char *meaning)
{
  char *copy = g_strdup (meaning);

  return g_strstrip (copy);
}

/* "rule table/row/col" for each cell of each error finding of @doc. */
static GHashTable *
error_cells (CfDocument *doc)
{
  GHashTable *set = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  GPtrArray *findings = cf_document_get_findings (doc);

  for (guint i = 0; i < findings->len; i++)
    {
      CfFinding *finding = g_ptr_array_index (findings, i);

      if (finding->severity != CF_SEVERITY_ERROR)
        continue;
      for (guint c = 0; finding->cells != NULL && c < finding->cells->len; c++)
        {
          CfCellRef *ref = &g_array_index (finding->cells, CfCellRef, c);

          g_hash_table_add (set, g_strdup_printf ("%s %s/%s/%s", finding->rule, ref->table,
                                                  ref->row_key ? ref->row_key : "?",
                                                  ref->col_key ? ref->col_key : "?"));
        }
      if (finding->cells == NULL || finding->cells->len == 0)
        g_hash_table_add (set, g_strdup_printf ("%s -", finding->rule));
    }
  return set;
}

static gboolean
has_error_on (GHashTable *errors, const char *cell)
{
  GHashTableIter iter;
  gpointer key;
  g_autofree char *suffix = g_strconcat (" ", cell, NULL);

  g_hash_table_iter_init (&iter, errors);
  while (g_hash_table_iter_next (&iter, &key, NULL))
    if (g_str_has_suffix (key, suffix))
      return TRUE;
  return FALSE;
}

/* Expected cells of a corpus page: what Crossfoot reads from its original
 * (a report Crossfoot reads right: the corpus tests say so). */
static void
expect_from_source (const char *source, GHashTable *expected, GHashTable **source_errors)
{
  g_autofree char *path = cf_test_path (source, NULL);
  g_autoptr (CfDocument) doc = load_audited (path);
  g_autoptr (GHashTable) cells = NULL;
  GHashTableIter iter;
  gpointer key, value;

  g_assert_nonnull (doc);
  cells = cf_test_canonical_cells (doc, NULL);
  g_hash_table_iter_init (&iter, cells);
  while (g_hash_table_iter_next (&iter, &key, &value))
    g_hash_table_insert (expected, g_strdup (key), plain_meaning (value));
  *source_errors = error_cells (doc);
}

static void
check_file (const char *path, JsonObject *side, Outcome *out)
{
  g_autoptr (GHashTable) expected = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  g_autoptr (GHashTable) source_errors = NULL;
  g_autoptr (CfDocument) doc = NULL;
  g_autoptr (GHashTable) got = NULL;
  g_autoptr (GHashTable) errors = NULL;
  gboolean consistent = TRUE;
  const char *planted_cell = NULL;
  GHashTableIter iter;
  gpointer key, value;

  if (json_object_has_member (side, "source"))
    expect_from_source (json_object_get_string_member (side, "source"), expected, &source_errors);
  else
    {
      JsonObject *cells = json_object_get_object_member (side, "cells");
      g_autoptr (GList) names = json_object_get_members (cells);

      for (GList *l = names; l != NULL; l = l->next)
        g_hash_table_insert (expected, g_strdup (l->data),
                             g_strdup (json_object_get_string_member (cells, l->data)));
      consistent = json_object_get_boolean_member (side, "consistent");
      if (json_object_has_member (side, "planted"))
        planted_cell = json_object_get_string_member (
            json_object_get_object_member (side, "planted"), "cell");
    }

  out->cells = g_hash_table_size (expected);
  doc = load_audited (path);
  if (doc == NULL)
    {
      g_string_append (out->notes, " cannot be read;");
      out->false_error = consistent;
      out->planted = planted_cell != NULL;
      return;
    }
  got = cf_test_canonical_cells (doc, NULL);
  g_hash_table_iter_init (&iter, expected);
  while (g_hash_table_iter_next (&iter, &key, &value))
    {
      const char *meaning = g_hash_table_lookup (got, key);
      g_autofree char *plain = meaning ? plain_meaning (meaning) : NULL;

      if (g_strcmp0 (plain, value) == 0)
        {
          out->cells_right++;
          continue;
        }
      if (plain != NULL && *plain != '\0' && strcmp (plain, "<missing>") != 0)
        {
          out->cells_wrong++;
          out->appeals_wrong += g_str_has_prefix (key, "appeals/");
        }
      if (out->notes->len < 1500)
        g_string_append_printf (out->notes, " %s: “%s” read as “%s”;", (char *)key, (char *)value,
                                plain ? plain : "(none)");
    }

  errors = error_cells (doc);
  g_hash_table_iter_init (&iter, errors);
  while (g_hash_table_iter_next (&iter, &key, NULL))
    {
      gboolean allowed = source_errors != NULL && g_hash_table_contains (source_errors, key);
      gboolean is_planted = planted_cell != NULL;

      if (!allowed && !is_planted)
        {
          out->false_error = TRUE;
          if (out->notes->len < 3000)
            g_string_append_printf (out->notes, " error %s;", (char *)key);
        }
    }
  if (planted_cell != NULL)
    {
      out->planted = TRUE;
      out->planted_found = has_error_on (errors, planted_cell);
      if (!out->planted_found)
        g_string_append_printf (out->notes, " planted error on %s not found;", planted_cell);
    }
}

static JsonObject *
read_sidecar (const char *json_path, JsonParser *parser)
{
  g_autoptr (GError) error = NULL;

  json_parser_load_from_file (parser, json_path, &error);
  g_assert_no_error (error);
  return json_node_get_object (json_parser_get_root (parser));
}

static int
compare_names (gconstpointer a, gconstpointer b)
{
  return strcmp (*(char *const *)a, *(char *const *)b);
}

/* Sidecars in the folder, sorted. */
static GPtrArray *
sidecars (void)
{
  GPtrArray *names = g_ptr_array_new_with_free_func (g_free);
  g_autoptr (GDir) dir = g_dir_open (variants_dir (), 0, NULL);
  const char *name;

  g_assert_nonnull (dir);
  while ((name = g_dir_read_name (dir)) != NULL)
    if (g_str_has_suffix (name, ".json"))
      g_ptr_array_add (names, g_strdup (name));
  g_ptr_array_sort (names, compare_names);
  return names;
}

static void
tally_add (GHashTable *tallies, const char *what, const Outcome *out)
{
  Tally *t = g_hash_table_lookup (tallies, what);

  if (t == NULL)
    {
      t = g_new0 (Tally, 1);
      g_hash_table_insert (tallies, g_strdup (what), t);
    }
  t->variants++;
  t->cells += out->cells;
  t->cells_right += out->cells_right;
  if (!out->planted)
    t->consistent++;
  t->false_error += out->false_error;
  t->planted += out->planted;
  t->planted_found += out->planted_found;
}

/* The table on standard output when measuring (run.sh reads it), else on
 * standard error beside the failures (standard output speaks TAP). */
static void
print_table (GHashTable *tallies)
{
  void (*print) (const gchar *format, ...) = measuring () ? g_print : g_printerr;

  g_autoptr (GList) keys = g_list_sort (g_hash_table_get_keys (tallies), (GCompareFunc)g_strcmp0);

  print ("| producer | layout | variants | cells right | false-error reports | planted errors "
         "found |\n"
         "|---|---|---:|---:|---:|---:|\n");
  for (GList *l = keys; l != NULL; l = l->next)
    {
      Tally *t = g_hash_table_lookup (tallies, l->data);
      g_auto (GStrv) parts = g_strsplit (l->data, "\t", 2);

      print ("| %s | %s | %u | %.2f %% (%u/%u) | %u of %u | %u of %u |\n", parts[0], parts[1],
             t->variants, t->cells ? 100.0 * t->cells_right / t->cells : 100.0, t->cells_right,
             t->cells, t->false_error, t->consistent, t->planted_found, t->planted);
    }
}

/* sidecar name -> "cells_right false_error planted_found" of a known gap. */
static GHashTable *
known_gaps (void)
{
  GHashTable *gaps = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  g_autofree char *path = g_build_filename (variants_dir (), "known-gaps.tsv", NULL);
  g_autofree char *data = NULL;
  g_auto (GStrv) lines = NULL;

  if (!g_file_get_contents (path, &data, NULL, NULL))
    return gaps;
  lines = g_strsplit (data, "\n", -1);
  for (guint i = 0; lines[i] != NULL; i++)
    {
      g_auto (GStrv) f = g_strsplit (lines[i], "\t", -1);

      if (lines[i][0] == '#' || g_strv_length (f) < 6)
        continue;
      g_hash_table_insert (gaps, g_strdup (f[0]), g_strdup_printf ("%s %s %s", f[2], f[4], f[5]));
    }
  return gaps;
}

/* Whether @out is no worse than the known gap @gap ("right false found"). */
static gboolean
within_gap (const char *gap, const Outcome *out, gboolean *better)
{
  guint right = 0, false_error = 0, found = 0;

  if (gap == NULL || sscanf (gap, "%u %u %u", &right, &false_error, &found) != 3)
    return FALSE;
  *better = out->cells_right > right || (guint)out->false_error < false_error
            || (guint)out->planted_found > found;
  return out->cells_right >= right && (guint)out->false_error <= false_error
         && (guint)out->planted_found >= found;
}

static void
test_slice (void)
{
  g_autoptr (GPtrArray) names = sidecars ();
  g_autoptr (GHashTable) tallies = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  gboolean diff = g_strcmp0 (g_getenv ("CF_METAMORPHIC_MEASURE"), "diff") == 0;
  g_autoptr (GHashTable) gaps = known_gaps ();
  g_autoptr (GString) record = g_string_new (NULL);
  guint failures = 0;

  /* A slice that lost its files would pass on nothing. */
  g_assert_cmpuint (names->len, >=, measuring () ? 1 : 40);
  for (guint i = 0; i < names->len; i++)
    {
      const char *name = g_ptr_array_index (names, i);
      g_autofree char *json_path = g_build_filename (variants_dir (), name, NULL);
      g_autofree char *path = g_strndup (json_path, strlen (json_path) - strlen (".json"));
      g_autoptr (JsonParser) parser = json_parser_new ();
      JsonObject *side = read_sidecar (json_path, parser);
      g_autoptr (GString) notes = g_string_new (NULL);
      Outcome out = { .notes = notes };
      g_autofree char *what = NULL;
      gboolean ok;

      check_file (path, side, &out);
      what = g_strdup_printf ("%s\t%s%s", json_object_get_string_member (side, "producer"),
                              json_object_get_string_member (side, "layout"),
                              json_object_has_member (side, "source") ? " (corpus)" : "");
      tally_add (tallies, what, &out);
      ok = out.cells_right == out.cells && !out.false_error && out.planted == out.planted_found;
      g_string_append_printf (record, "%s\t%s\t%u\t%u\t%d\t%d\n", name, ok ? "ok" : "gap",
                              out.cells_right, out.cells, out.false_error, out.planted_found);
      if (!ok)
        {
          gboolean better = FALSE;

          if (!measuring () && within_gap (g_hash_table_lookup (gaps, name), &out, &better))
            {
              if (better)
                g_test_message ("%s is read better than known-gaps.tsv says: refresh the slice",
                                name);
              continue;
            }
          failures++;
          if (!measuring () || diff)
            g_printerr ("%s: %u of %u cells right;%s\n", name, out.cells_right, out.cells,
                        notes->str);
        }
      else if (g_hash_table_contains (gaps, name))
        g_test_message ("%s is read right now: refresh known-gaps.tsv", name);
    }
  if (g_getenv ("CF_METAMORPHIC_RECORD") != NULL)
    g_assert_true (g_file_set_contents (g_getenv ("CF_METAMORPHIC_RECORD"), record->str, -1, NULL));
  if (measuring () || failures > 0)
    print_table (tallies);
  if (!measuring ())
    g_assert_cmpuint (failures, ==, 0);
}

/* PDFs whose tables a page break cuts (tests/pdf/page-breaks, variants of
 * the matrix): wkhtmltopdf prints the row the break slices through on both
 * pages, the groups of the table's labels begin on the second page, a
 * group label is centred on all its rows, those of the other page too,
 * and (LibreOffice) a part under a band with fewer value columns
 * (第二十条第（八）项) begins the next page; (wkhtmltopdf, ruled) a row cut
 * by the break printed again at the top of the next page with its label
 * clipped out, once taken as a second row and its empty label as the
 * total's, and the last row of 第二十条第（八）项 alone at the head of the
 * next page with its sides only, no rule across, once no table at all;
 * (Chromium, ruled) a page's part of the table whose row of three figures
 * (34 31 10) stepped like an axis, once left out as a chart's, and the foot
 * of a group label spanning down to the break printed as a row of blank
 * cells, once taken for the total row; (pango, ruled) the heading of the
 * appeals table ends a page flush under the requests table, its glyph boxes
 * over that table's bottom rule, and names the table on the next page;
 * (pango, ruled, k23) the page's part of the proactive table has a column
 * of three figures stepping evenly (13, 25, 37), no chart axis;
 * (wkhtmltopdf, ruled) a row printed whole on both pages, its group label
 * clipped differently on each, once kept twice; (LibreOffice, rep-k36)
 * cells padded so narrowly that the line cut joins a group label with the
 * item label beside it or the heads of narrow columns, and rows padded
 * further apart than a line gap whose figures stand only in columns left
 * blank above. Each must be read wholly right. */
static void
test_page_breaks (void)
{
  g_autofree char *dir = cf_test_path ("pdf", "page-breaks", NULL);
  g_autoptr (GDir) listing = g_dir_open (dir, 0, NULL);
  const char *name;
  guint checked = 0;

  g_assert_nonnull (listing);
  while ((name = g_dir_read_name (listing)) != NULL)
    {
      g_autofree char *json_path = NULL, *path = NULL;
      g_autoptr (JsonParser) parser = json_parser_new ();
      g_autoptr (GString) notes = g_string_new (NULL);
      Outcome out = { .notes = notes };
      JsonObject *side;

      if (!g_str_has_suffix (name, ".json"))
        continue;
      json_path = g_build_filename (dir, name, NULL);
      path = g_strndup (json_path, strlen (json_path) - strlen (".json"));
      side = read_sidecar (json_path, parser);
      check_file (path, side, &out);
      if (out.cells_right != out.cells || out.false_error || out.planted != out.planted_found)
        g_printerr ("%s: %u of %u cells right;%s\n", name, out.cells_right, out.cells, notes->str);
      g_assert_cmpuint (out.cells_right, ==, out.cells);
      g_assert_false (out.false_error);
      g_assert_cmpint (out.planted, ==, out.planted_found);
      checked++;
    }
  g_assert_cmpuint (checked, >=, 4);
}

/* Borderless PDFs whose next page's part the stream reader reads as two
 * tables, one right under the other (tests/pdf/page-breaks/second-part):
 * the second goes on the joined table too. Left apart, its （七）总计 row was
 * checked against the few rows above it on that page, a false error. Where
 * the pieces stay apart (a stray fragment first, rep-k08), the last piece
 * prints 结转下年度继续办理, a label only the national form has, so the
 * generic totals check leaves it to the form's rules. Not yet read wholly
 * right (other cells are missing), so: no false error, and at least the
 * cells read when the fix was made. */
static void
test_page_breaks_second_part (void)
{
  static const struct { const char *name; guint right; } cases[] = {
    { "gip-2021-borderless-t-rep-k21.libreoffice.pdf", 140 },
    { "gip-2021-borderless-s-k22-blank.wkhtmltopdf.pdf", 164 },
    { "gip-2021-borderless-s-rep-k08-blank.wkhtmltopdf.pdf", 70 },
    /* LibreOffice: a row whose only figures stand in columns left blank
     * above (3.其他) is no new table, though padded further than a line
     * gap from the row before. */
    { "gip-2021-borderless-s-k34-blank.libreoffice.pdf", 156 },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *path = cf_test_path ("pdf", "page-breaks", "second-part", cases[i].name, NULL);
      g_autofree char *json_path = g_strconcat (path, ".json", NULL);
      g_autoptr (JsonParser) parser = json_parser_new ();
      g_autoptr (GString) notes = g_string_new (NULL);
      Outcome out = { .notes = notes };

      check_file (path, read_sidecar (json_path, parser), &out);
      if (out.false_error || out.cells_right < cases[i].right)
        g_printerr ("%s: %u of %u cells right;%s\n", cases[i].name, out.cells_right, out.cells, notes->str);
      g_assert_false (out.false_error);
      g_assert_cmpuint (out.cells_right, >=, cases[i].right);
    }
}

/* Borderless wkhtmltopdf PDFs (tests/pdf/page-breaks/radicals) whose font
 * maps 一 二 八 十 to the Kangxi radicals (⼆、上年结转…, （⼀）予以公开): a
 * numbered row label with its figures left blank was not seen as one and
 * went on as the first line of the label below, whose figures the blank
 * row then took, a false error (carried over ≠ results). Not yet read
 * wholly right (the appeals table's blank cells), so: no false error, and
 * at least the cells read when the fix was made. */
static void
test_page_breaks_radicals (void)
{
  static const struct { const char *name; guint right; } cases[] = {
    { "gip-2021-borderless-s-k26-blank.wkhtmltopdf.pdf", 183 },
    { "gip-2021-borderless-t-rep-k25-blank.wkhtmltopdf.pdf", 154 },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *path = cf_test_path ("pdf", "page-breaks", "radicals", cases[i].name, NULL);
      g_autofree char *json_path = g_strconcat (path, ".json", NULL);
      g_autoptr (JsonParser) parser = json_parser_new ();
      g_autoptr (GString) notes = g_string_new (NULL);
      Outcome out = { .notes = notes };

      check_file (path, read_sidecar (json_path, parser), &out);
      if (out.false_error || out.cells_right < cases[i].right)
        g_printerr ("%s: %u of %u cells right;%s\n", cases[i].name, out.cells_right, out.cells, notes->str);
      g_assert_false (out.false_error);
      g_assert_cmpuint (out.cells_right, >=, cases[i].right);
    }
}

/* Item rows whose figures are all blank (zeros printed blank), their label
 * alone in the last label column: each is a row of its own, read blank.
 * Left to the group labels, such a label went on a row with no label in
 * its column: a head row ("2.其他法律行政法规禁止公开" read into the
 * column titles) or a row of figures of another item. */
static void
test_blank_item_rows (void)
{
  static const struct { const char *dir, *name, *rows[4]; } cases[] = {
    { "blank-items", "gip-2021-borderless-s-k22-blank.libreoffice.pdf",
      { "withheld_law_forbids", "rejected_petition", NULL } },
    { "page-breaks/second-part", "gip-2021-borderless-s-k22-blank.wkhtmltopdf.pdf",
      { "rejected_petition", "rejected_confirmation", "other_no_correction", NULL } },
    /* Three blank rows in a run (LibreOffice pads its cells: six lines of
     * labels) between rows of figures: the table goes on through them. */
    { "blank-items", "gip-2019-borderless-s-k10-blank.libreoffice.pdf",
      { "withheld_state_secret", "withheld_law_forbids", "withheld_three_safety", NULL } },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *path = cf_test_path ("pdf", cases[i].dir, cases[i].name, NULL);
      g_autofree char *json_path = g_strconcat (path, ".json", NULL);
      g_autoptr (JsonParser) parser = json_parser_new ();
      g_autoptr (CfDocument) doc = load_audited (path);
      g_autoptr (GHashTable) got = NULL;
      JsonObject *cells = json_object_get_object_member (read_sidecar (json_path, parser), "cells");
      g_autoptr (GList) names = json_object_get_members (cells);

      g_assert_nonnull (doc);
      got = cf_test_canonical_cells (doc, NULL);
      for (guint r = 0; cases[i].rows[r] != NULL; r++)
        {
          g_autofree char *prefix = g_strdup_printf ("requests/%s/", cases[i].rows[r]);
          guint n = 0;

          for (GList *l = names; l != NULL; l = l->next)
            {
              const char *meaning;
              g_autofree char *plain = NULL;

              if (!g_str_has_prefix (l->data, prefix))
                continue;
              /* The source prints the row's figures all blank. */
              g_assert_cmpstr (json_object_get_string_member (cells, l->data), ==, "");
              meaning = g_hash_table_lookup (got, l->data);
              plain = meaning != NULL ? plain_meaning (meaning) : NULL;
              if (g_strcmp0 (plain, "") != 0)
                g_printerr ("%s: %s read as “%s”\n", cases[i].name, (char *) l->data,
                            plain != NULL ? plain : "(none)");
              g_assert_cmpstr (plain, ==, "");
              n++;
            }
          g_assert_cmpuint (n, ==, 7);
        }
    }
}

/* One or two rows of a borderless table that a page break carried over
 * (tests/pdf/page-breaks/pieces): too few to show their own columns, they
 * are placed on the columns of the part above by x and joined. Chromium,
 * k14: 1.申请人无正当理由逾期不补正… alone at the top of page 3, and the
 * rest of the table under it (joined through it). k35: the table joined
 * over the break reads （六）其他处理 on the line of the item 5. above it;
 * that row's figures went to （六）其他处理, wrong cells, and are now left
 * missing. rep-k01: a part of seven rows whose blank columns and merged
 * label columns its own rows could not show (38 cells were read).
 * s-rep-k20: a part under the head printed again (136 were read). Not yet wholly right (other cells are missing): no false error,
 * no figure in a wrong cell, and at least the cells read when the fix was
 * made. */
static void
test_page_breaks_pieces (void)
{
  static const struct { const char *name; guint right; } cases[] = {
    { "gip-2021-borderless-s-k14-blank.chromium.pdf", 150 },
    { "gip-2019-borderless-t-k35-blank-err.chromium.pdf", 117 },
    { "gip-2021-borderless-t-rep-k01-blank.chromium.pdf", 136 },
    { "gip-2021-borderless-s-rep-k20-blank.chromium.pdf", 171 },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *path = cf_test_path ("pdf", "page-breaks", "pieces", cases[i].name, NULL);
      g_autofree char *json_path = g_strconcat (path, ".json", NULL);
      g_autoptr (JsonParser) parser = json_parser_new ();
      g_autoptr (GString) notes = g_string_new (NULL);
      Outcome out = { .notes = notes };

      check_file (path, read_sidecar (json_path, parser), &out);
      if (out.false_error || out.cells_wrong > 0 || out.cells_right < cases[i].right)
        g_printerr ("%s: %u of %u cells right, %u wrong;%s\n", cases[i].name, out.cells_right, out.cells,
                    out.cells_wrong, notes->str);
      g_assert_false (out.false_error);
      /* Known defect (not the joins'): a lone row of appeals figures with
       * cells left blank, its head's words set apart, is placed on the
       * figures' own columns, so its figures slide left (k14). */
      g_assert_cmpuint (out.cells_wrong - out.appeals_wrong, ==, 0);
      g_assert_cmpuint (out.cells_right, >=, cases[i].right);
    }
}

/* The appeals table printed by Chromium (tests/pdf/narrow-head: page 3 of
 * a variant): fifteen narrow columns whose head words stand so close that
 * each line of the head reads as one segment, over a single row of
 * figures. The head is found by its words lining up with the figures; it
 * was no head, and the row alone no table. */
static void
test_narrow_head (void)
{
  g_autofree char *path = cf_test_path ("pdf", "narrow-head", "gip-2019-borderless-s-k06-page3.chromium.pdf", NULL);
  g_autofree char *json_path = g_strconcat (path, ".json", NULL);
  g_autoptr (JsonParser) parser = json_parser_new ();
  g_autoptr (CfDocument) doc = load_audited (path);
  g_autoptr (GHashTable) got = NULL;
  JsonObject *cells = json_object_get_object_member (read_sidecar (json_path, parser), "cells");
  g_autoptr (GList) names = json_object_get_members (cells);
  guint n = 0;

  g_assert_nonnull (doc);
  got = cf_test_canonical_cells (doc, NULL);
  for (GList *l = names; l != NULL; l = l->next)
    {
      const char *meaning;
      g_autofree char *plain = NULL;

      if (!g_str_has_prefix (l->data, "appeals/"))
        continue;
      meaning = g_hash_table_lookup (got, l->data);
      plain = meaning != NULL ? plain_meaning (meaning) : NULL;
      if (g_strcmp0 (plain, json_object_get_string_member (cells, l->data)) != 0)
        g_printerr ("%s read as “%s”\n", (char *) l->data, plain != NULL ? plain : "(none)");
      g_assert_cmpstr (plain, ==, json_object_get_string_member (cells, l->data));
      n++;
    }
  g_assert_cmpuint (n, ==, 15);
}

int
main (int argc, char **argv)
{
  /* Pages one at a time: rendering them in parallel threads deadlocked in
   * cairo's font cache on this matrix (cairo 1.16, Debian 12). */
  g_setenv ("CF_PDF_THREADS", "1", TRUE);
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/metamorphic/slice", test_slice);
  g_test_add_func ("/metamorphic/page-breaks", test_page_breaks);
  g_test_add_func ("/metamorphic/page-breaks-second-part", test_page_breaks_second_part);
  g_test_add_func ("/metamorphic/page-breaks-pieces", test_page_breaks_pieces);
  g_test_add_func ("/metamorphic/narrow-head", test_narrow_head);
  g_test_add_func ("/metamorphic/blank-item-rows", test_blank_item_rows);
  g_test_add_func ("/metamorphic/page-breaks-radicals", test_page_breaks_radicals);
  return g_test_run ();
}
