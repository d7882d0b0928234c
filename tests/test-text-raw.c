/* test-text-raw.c: `pdftotext -raw` text of printed reports, every table (issue #14)
 *
 * The files of tests/text-raw are real `pdftotext -raw` output (and one
 * html2text dump) of synthetic
 * consistent reports (tools/metamorphic) printed by LibreOffice, Chromium and
 * wkhtmltopdf; each sidecar names what every canonical cell printed. -raw
 * prints a row's values after its label, one space apart, and blank cells
 * not at all: a cell is read as printed or left MISSING, never a wrong
 * value, and a consistent report gets no error.
 */
#include <string.h>

#include <json-glib/json-glib.h>

#include "cf-audit.h"
#include "cf-loader.h"
#include "cf-test-util.h"

typedef struct
{
  guint right;
  guint missing;
  guint wrong;
  guint of;
  guint errors;
} Outcome;

static Outcome
read_all (const char *name)
{
  g_autofree char *path = cf_test_path ("text-raw", name, NULL);
  g_autofree char *sidecar = g_strconcat (path, ".json", NULL);
  g_autoptr (JsonParser) parser = json_parser_new ();
  g_autoptr (GError) error = NULL;
  g_autoptr (CfDocument) doc = NULL;
  g_autoptr (GHashTable) got = NULL;
  g_autoptr (GList) members = NULL;
  GPtrArray *findings;
  JsonObject *cells;
  Outcome out = { 0 };

  json_parser_load_from_file (parser, sidecar, &error);
  g_assert_no_error (error);
  cells = json_object_get_object_member (json_node_get_object (json_parser_get_root (parser)),
                                         "cells");
  doc = cf_loader_load_file (path, NULL, NULL, &error);
  g_assert_no_error (error);
  cf_audit_document (doc, NULL);
  got = cf_test_canonical_cells (doc, NULL);

  members = json_object_get_members (cells);
  for (GList *l = members; l != NULL; l = l->next)
    {
      const char *key = l->data;
      const char *want = json_object_get_string_member (cells, key);
      const char *meaning = g_hash_table_lookup (got, key);
      g_autofree char *plain = meaning ? g_strstrip (g_strdup (meaning)) : NULL;

      out.of++;
      if (plain == NULL || strcmp (plain, "<missing>") == 0)
        out.missing++;
      else if (strcmp (plain, want) == 0)
        out.right++;
      else
        {
          g_test_message ("%s: %s printed \"%s\", read \"%s\"", name, key, want, plain);
          out.wrong++;
        }
    }
  findings = cf_document_get_findings (doc);
  for (guint i = 0; findings != NULL && i < findings->len; i++)
    {
      const CfFinding *f = g_ptr_array_index (findings, i);

      if (f->severity == CF_SEVERITY_ERROR)
        {
          g_test_message ("%s: false error %s", name, f->rule);
          out.errors++;
        }
    }
  g_test_message ("%s: %u right, %u missing, %u wrong of %u, %u errors", name, out.right,
                  out.missing, out.wrong, out.of, out.errors);
  return out;
}

/* Zeros printed: every cell. The small tables of 主动公开 (a header line of
 * N words, rows of a label and N - 1 values) are read from their headers; a
 * first-level row label wrapped before its values (一、本年新收… / 数量) is
 * no section heading; the group label cut by its column (三、本年) gets the
 * pieces printed beside a later row (度办理结 / 果), not that row; a label
 * printed alone has its value on the line below. Before, these consistent
 * reports lost the 主动公开 table, and LibreOffice's had false 总计 errors. */
static void
test_raw_full (gconstpointer data)
{
  Outcome o = read_all (data);

  g_assert_cmpuint (o.wrong, ==, 0);
  g_assert_cmpuint (o.errors, ==, 0);
  g_assert_cmpuint (o.missing, ==, 0);
  g_assert_cmpuint (o.right, ==, o.of);
}

/* Zeros printed blank: the appeals row printing 14 of its 15 values was
 * read as a row of 14 columns, wrong values and false errors. A row's
 * values are read only where the text proves the count; here the requests
 * table has short rows, so none is sure: MISSING, no wrong value, no error. */
static void
test_raw_blank (void)
{
  Outcome o = read_all ("gip-2021-borderless-s-rep-k40-blank.chromium.pdftotext-raw.txt");

  g_assert_cmpuint (o.wrong, ==, 0);
  g_assert_cmpuint (o.errors, ==, 0);
  g_assert_cmpuint (o.right, >=, 30);
}

/* html2text counts bytes as columns and cuts Chinese characters in half
 * (U+FFFD after decoding): a row whose line holds a cut, or whose values
 * sit where byte columns put them, is read with its label and its values
 * MISSING; a rule over a row the form names but the table does not, while
 * a row the reader could not name is unread, is incomplete, not failed.
 * Before, this consistent report had false 总计 errors (and wrong cells). */
static void
test_html2text (void)
{
  Outcome o = read_all ("gip-2019-borderless-s-rep-k12.html2text.txt");

  g_assert_cmpuint (o.wrong, ==, 0);
  g_assert_cmpuint (o.errors, ==, 0);
  g_assert_cmpuint (o.right, >=, 40);
}

/* More html2text dumps of consistent reports: with zeros blank, a row
 * printing two of its seven values that the row reader placed by position
 * (其他处理 439 … 439 read as 自然人 and 法律服务机构) and a 结转下年度
 * row of five values spread over the first five columns; with zeros
 * printed, the damage cut the requests table before 3.其他, and the piece
 * (3.其他, （七）总计, 四、结转) read as a generic table failed table.total.
 * In a damaged text a row with a slot left unread has all its values
 * unread, and its tables are too doubtful for the generic totals. Before,
 * both had false errors. */
static void
test_html2text_more (gconstpointer data)
{
  Outcome o = read_all (data);

  g_assert_cmpuint (o.wrong, ==, 0);
  g_assert_cmpuint (o.errors, ==, 0);
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_data_func ("/text-raw/full/libreoffice",
                        "gip-2019-ruled-s-rep-k12.libreoffice.pdftotext-raw.txt", test_raw_full);
  g_test_add_data_func ("/text-raw/full/libreoffice-traditional",
                        "gip-2021-ruled-t-rep-k33.libreoffice.pdftotext-raw.txt", test_raw_full);
  g_test_add_data_func ("/text-raw/full/wkhtmltopdf-values-below",
                        "gip-2021-borderless-s-k18.wkhtmltopdf.pdftotext-raw.txt", test_raw_full);
  g_test_add_func ("/text-raw/blank", test_raw_blank);
  g_test_add_func ("/text-raw/html2text", test_html2text);
  g_test_add_data_func ("/text-raw/html2text/blank-short-rows",
                        "gip-2019-borderless-s-rep-k08-blank.html2text.txt", test_html2text_more);
  g_test_add_data_func ("/text-raw/html2text/piece-of-form-table",
                        "gip-2021-borderless-s-rep-k00.html2text.txt", test_html2text_more);
  return g_test_run ();
}
