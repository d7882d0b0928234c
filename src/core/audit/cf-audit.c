/* cf-audit.c: checking every relation the forms and the prose state
 *
 * The form matcher (cf-form-match.c) recognises the form and gives cells
 * their keys; the audit copies the extraction's notes, then checks the
 * form's rules (cf-rules.c), the generic totals of other tables
 * (cf-totals.c) and the prose (cf-prose.c).
 *
 * Decisions beyond report-forms.md:
 * - A relation that holds with its blanks read as 0 is consistent; with
 *   blanks on one side only that is the only reading (it generalises "a
 *   stated total of 0 with blank parts"); with blanks on both sides nothing
 *   contradicts it.
 * - Each failing relation is one finding (so each rule can be acted upon);
 *   a cell that breaks its row and its column is the first cell of both.
 * - A relation one of whose sides has no row/column in the report at all is
 *   not checked; a relation whose operands are all blank is consistent.
 * - A report whose text has the form's section headings but no table under
 *   them gets form.table_missing; its form is chosen by its year.
 * - Rules across years are only checked when every operand is known.
 */
#include <string.h>
#include "cf-audit.h"
#include "cf-rules.h"
#include "cf-prose.h"
#include "cf-totals.h"

/* The audit ---------------------------------------------------------------- */

/* The tables of @doc by their id before the form match renamed them, and by
 * their id now (the first of each): notes name tables the old way, and a
 * long document has thousands of both. */
typedef struct
{
  GHashTable *by_original; /* original id -> CfTable */
  GHashTable *by_id;       /* id -> CfTable */
} TableIndex;

static void
table_index_init (TableIndex *index, CfDocument *doc)
{
  GPtrArray *tables = cf_document_get_tables (doc);

  index->by_original = g_hash_table_new (g_str_hash, g_str_equal);
  index->by_id = g_hash_table_new (g_str_hash, g_str_equal);
  for (guint t = 0; t < tables->len; t++)
    {
      CfTable *table = g_ptr_array_index (tables, t);
      const char *original = cf_form_match_get_original_id (table);
      const char *id = cf_table_get_id (table);

      if (original != NULL && !g_hash_table_contains (index->by_original, original))
        g_hash_table_insert (index->by_original, (gpointer) original, table);
      if (id != NULL && !g_hash_table_contains (index->by_id, id))
        g_hash_table_insert (index->by_id, (gpointer) id, table);
    }
}

static void
table_index_clear (TableIndex *index)
{
  g_clear_pointer (&index->by_original, g_hash_table_unref);
  g_clear_pointer (&index->by_id, g_hash_table_unref);
}

static const char *
renamed_table (TableIndex *index, const char *old_id)
{
  CfTable *table = old_id ? g_hash_table_lookup (index->by_original, old_id) : NULL;

  return table ? cf_table_get_id (table) : old_id;
}

static void
copy_notes (CfDocument *doc)
{
  GPtrArray *notes = cf_document_get_notes (doc);
  TableIndex index;

  table_index_init (&index, doc);
  for (guint i = 0; i < notes->len; i++)
    {
      CfFinding *finding = cf_finding_copy (g_ptr_array_index (notes, i));
      const char *table_id = renamed_table (&index, finding->table);

      if (finding->table && table_id != finding->table)
        {
          char *renamed = g_strdup (table_id);
          g_free (finding->table);
          finding->table = renamed;
        }
      for (guint c = 0; c < finding->cells->len; c++)
        {
          CfCellRef *ref = &g_array_index (finding->cells, CfCellRef, c);
          CfTable *table;
          CfCell *cell;

          table_id = renamed_table (&index, ref->table);
          if (ref->table && table_id != ref->table)
            {
              char *renamed = g_strdup (table_id);
              g_free (ref->table);
              ref->table = renamed;
            }
          table = ref->table ? g_hash_table_lookup (index.by_id, ref->table) : NULL;
          cell = table ? cf_table_get_cell (table, ref->row, ref->col) : NULL;
          if (cell != NULL && cell->row_key != NULL && ref->row_key == NULL)
            {
              ref->row_key = g_strdup (cell->row_key);
              ref->col_key = g_strdup (cell->col_key);
            }
        }
      cf_document_take_finding (doc, finding);
    }
  table_index_clear (&index);
}

void
cf_audit_document (CfDocument *doc, CfFormRegistry *registry)
{
  GPtrArray *tables = cf_document_get_tables (doc);
  g_autoptr(CfFormMatch) match = NULL;
  g_autoptr(GPtrArray) findings = NULL;
  GPtrArray *mapped;
  CfCoverage coverage = { 0 };

  g_return_if_fail (CF_IS_DOCUMENT (doc));

  cf_document_clear_findings (doc);
  /* The year (read by the loader) decides between forms that fit equally well. */
  match = cf_form_match_new (doc, registry);
  mapped = cf_form_match_get_tables (match);
  findings = cf_form_match_steal_findings (match);

  /* Notes first (with the tables' new ids), then the form's rules. */
  copy_notes (doc);
  for (guint m = 0; m < mapped->len; m++)
    {
      CfMappedTable *each = g_ptr_array_index (mapped, m);

      cf_rules_check_table (each, cf_document_get_notes (doc), findings);
    }
  for (guint i = 0; i < findings->len; i++)
    cf_document_take_finding (doc, g_steal_pointer (&findings->pdata[i]));
  g_ptr_array_set_size (findings, 0);

  for (guint t = 0; t < tables->len; t++)
    {
      CfTable *table = g_ptr_array_index (tables, t);
      gboolean is_form = FALSE;

      for (guint m = 0; m < mapped->len; m++)
        is_form |= ((CfMappedTable *) g_ptr_array_index (mapped, m))->table == table;
      if (!is_form)
        coverage.n_total_checks += cf_totals_check_table (doc, table);
    }
  coverage.n_form_tables = mapped->len;
  cf_document_set_coverage (doc, &coverage);

  cf_prose_check (doc);
}

void
cf_audit_batch (GPtrArray *documents)
{
  CfFormRegistry *registry = cf_form_registry_get_default ();

  g_return_if_fail (documents != NULL);
  for (guint i = 0; i < documents->len; i++)
    {
      CfDocument *doc = g_ptr_array_index (documents, i);
      const CfForm *form = cf_form_registry_lookup (registry, cf_document_get_form (doc));
      const char *body = cf_document_get_body (doc);
      int year = cf_document_get_year (doc);

      if (form == NULL || body == NULL || year <= 0)
        continue;
      for (guint j = 0; j < documents->len; j++)
        {
          CfDocument *prev = g_ptr_array_index (documents, j);

          if (prev == doc || cf_document_get_year (prev) != year - 1
              || g_strcmp0 (cf_document_get_body (prev), body) != 0
              || cf_document_get_form (prev) == NULL)
            continue;
          cf_rules_check_years (doc, prev, form);
          break;
        }
    }
}

CfDocument *
cf_audit_batch_stub_new (CfDocument *doc)
{
  const CfForm *form = cf_form_registry_lookup (cf_form_registry_get_default (),
                                                cf_document_get_form (doc));
  GPtrArray *tables = cf_document_get_tables (doc);
  g_autoptr (CfDocument) stub = NULL;

  g_return_val_if_fail (CF_IS_DOCUMENT (doc), NULL);
  if (cf_document_get_body (doc) == NULL || cf_document_get_year (doc) <= 0 || form == NULL)
    return NULL;

  stub = cf_document_new (cf_document_get_path (doc), cf_document_get_kind (doc));
  cf_document_set_sha256 (stub, cf_document_get_sha256 (doc));
  cf_document_set_encoding (stub, cf_document_get_encoding (doc));
  cf_document_set_n_pages (stub, cf_document_get_n_pages (doc));
  cf_document_set_form (stub, cf_document_get_form (doc));
  cf_document_set_report_meta (stub, cf_document_get_body (doc), cf_document_get_year (doc));
  cf_document_take_text (stub, g_strdup (""), 0);

  for (guint t = 0; t < tables->len; t++)
    {
      CfTable *table = g_ptr_array_index (tables, t);
      const char *table_id = cf_table_get_id (table);
      g_autoptr (CfTable) copy = NULL;

      if (cf_form_get_table (form, table_id) == NULL)
        continue;
      copy = cf_table_new ();
      cf_table_set_id (copy, table_id);
      cf_table_set_title (copy, cf_table_get_title (table));
      cf_table_set_page (copy, cf_table_get_page (table));
      cf_table_set_layout (copy, cf_table_get_layout (table));
      for (guint i = 0; i < cf_table_get_n_cells (table); i++)
        {
          const CfCell *cell = cf_table_get_cell_at (table, i);
          CfCell *c;

          if (cell->row_key == NULL || cell->col_key == NULL
              || !cf_rules_year_reads (form, table_id, cell->row_key, cell->col_key))
            continue;
          c = cf_table_add_cell (copy, cell->row, cell->col, cell->row_span, cell->col_span,
                                 cell->text, cell->offset, cell->length);
          c->original_text = g_strdup (cell->original_text);
          c->page = cell->page;
          memcpy (c->bbox, cell->bbox, sizeof c->bbox);
          c->flags = cell->flags;
          c->number = cell->number;
          cf_cell_set_keys (c, cell->row_key, cell->col_key);
        }
      if (cf_table_get_n_cells (copy) == 0)
        continue;
      cf_table_finish (copy);
      cf_document_add_table (stub, copy);
    }
  return g_steal_pointer (&stub);
}
