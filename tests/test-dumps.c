/* test-dumps.c: web-page reports saved as text by a browser (issue #14)
 *
 * The files in tests/dumps/ are what `w3m -dump` and `lynx -dump` print for
 * synthetic reports of tools/metamorphic/gen.py (Simplified and, through
 * OpenCC, Traditional), with zeros printed blank: whole rows of blanks
 * (行政许可, 上年结转) and blank cells in every column. Their sidecars say
 * what each canonical cell must read as. A blank cell must read blank, not
 * as a lost (MISSING) cell or a value moved into it; a consistent report
 * has no error, and a planted error is flagged on its cell.
 */
#include <json-glib/json-glib.h>
#include <string.h>

#include "cf-test-util.h"
#include "cf-audit.h"
#include "cf-loader.h"

static void
test_dump (gconstpointer data)
{
  const char *name = data;
  g_autofree char *path = cf_test_path ("dumps", name, NULL);
  g_autofree char *json_path = g_strconcat (path, ".json", NULL);
  g_autoptr (JsonParser) parser = json_parser_new ();
  g_autoptr (GError) error = NULL;
  g_autoptr (CfDocument) doc = NULL;
  g_autoptr (GHashTable) got = NULL;
  g_autoptr (GList) keys = NULL;
  JsonObject *side, *cells;
  const char *planted = NULL;
  guint n_blank = 0, n_wrong = 0;
  gboolean planted_found = FALSE;
  GPtrArray *findings;

  g_assert_true (json_parser_load_from_file (parser, json_path, &error));
  side = json_node_get_object (json_parser_get_root (parser));
  cells = json_object_get_object_member (side, "cells");
  if (json_object_has_member (side, "planted"))
    planted = json_object_get_string_member (json_object_get_object_member (side, "planted"), "cell");

  doc = cf_loader_load_file (path, NULL, NULL, &error);
  g_assert_no_error (error);
  cf_audit_document (doc, NULL);
  got = cf_test_canonical_cells (doc, NULL);

  keys = json_object_get_members (cells);
  for (GList *l = keys; l != NULL; l = l->next)
    {
      const char *want = json_object_get_string_member (cells, l->data);
      const char *meaning = g_hash_table_lookup (got, l->data);
      g_autofree char *plain = meaning != NULL ? g_strstrip (g_strdup (meaning)) : NULL;

      n_blank += want[0] == '\0';
      if (g_strcmp0 (plain, want) != 0)
        {
          g_test_message ("%s: %s is “%s”, read as “%s”", name, (char *) l->data, want,
                          plain ? plain : "(none)");
          n_wrong++;
        }
    }
  /* The fixture has blanks to keep, and every cell reads right. */
  g_assert_cmpuint (n_blank, >=, 20);
  g_assert_cmpuint (n_wrong, ==, 0);

  /* No lost cell is reported, no error but the planted one. */
  for (guint i = 0; i < cf_document_get_notes (doc)->len; i++)
    {
      CfFinding *note = g_ptr_array_index (cf_document_get_notes (doc), i);

      g_assert_cmpstr (note->rule, !=, "extract.missing_cell");
    }
  findings = cf_document_get_findings (doc);
  for (guint i = 0; i < findings->len; i++)
    {
      CfFinding *finding = g_ptr_array_index (findings, i);

      if (finding->severity != CF_SEVERITY_ERROR)
        continue;
      g_assert_nonnull (planted);
      for (guint c = 0; finding->cells != NULL && c < finding->cells->len; c++)
        {
          CfCellRef *ref = &g_array_index (finding->cells, CfCellRef, c);
          g_autofree char *id = g_strdup_printf ("%s/%s/%s", ref->table, ref->row_key ? ref->row_key : "?",
                                                 ref->col_key ? ref->col_key : "?");

          planted_found |= strcmp (id, planted) == 0;
        }
    }
  g_assert_true (planted == NULL || planted_found);
}

int
main (int argc, char **argv)
{
  static const char *const dumps[] = {
    "gip-2019-borderless-s-rep-k20-blank.w3m.txt",
    "gip-2019-borderless-t-k07-blank-err.w3m.txt",
    "gip-2019-borderless-t-rep-k13-blank.lynx.txt",
    "gip-2021-borderless-s-rep-k20-blank.lynx.txt",
    /* A table all of whose cells are blank (行政许可) right before the next
     * table's section row and header. */
    "gip-2021-borderless-s-rep-k04-blank.w3m.txt",
    "gip-2021-borderless-t-k07-blank-err.w3m.txt",
  };

  g_test_init (&argc, &argv, NULL);
  for (gsize i = 0; i < G_N_ELEMENTS (dumps); i++)
    {
      g_autofree char *test = g_strdup_printf ("/dumps/%s", dumps[i]);

      g_test_add_data_func (test, dumps[i], test_dump);
    }
  return cf_test_run_with_data_dir ();
}
