/* cf-comparison.c: two reports of one body side by side */
#include "config.h"

#include <math.h>
#include <glib/gi18n-lib.h>
#include "cf-audit.h"
#include "cf-error.h"
#include "cf-normalize.h"
#include "cf-comparison.h"

struct _CfComparison
{
  GObject     parent_instance;
  CfDocument *docs[2]; /* earlier, later */
  char       *year_labels[2];
  GListStore *tables;
  CfTextDiff *text;
  GPtrArray  *carry_findings;
  char       *carry_note;
  GPtrArray  *notes; /* NULL-terminated */
};

G_DEFINE_FINAL_TYPE (CfComparison, cf_comparison, G_TYPE_OBJECT)

static void
cf_comparison_finalize (GObject *object)
{
  CfComparison *self = CF_COMPARISON (object);

  for (int y = 0; y < 2; y++)
    {
      g_clear_object (&self->docs[y]);
      g_free (self->year_labels[y]);
    }
  g_object_unref (self->tables);
  g_clear_object (&self->text);
  g_ptr_array_unref (self->carry_findings);
  g_free (self->carry_note);
  g_ptr_array_unref (self->notes);
  G_OBJECT_CLASS (cf_comparison_parent_class)->finalize (object);
}

static void
cf_comparison_class_init (CfComparisonClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = cf_comparison_finalize;
}

static void
cf_comparison_init (CfComparison *self)
{
  self->tables = g_list_store_new (CF_TYPE_TABLE_DIFF);
  self->carry_findings = g_ptr_array_new_with_free_func ((GDestroyNotify) cf_finding_free);
  self->notes = g_ptr_array_new_with_free_func (g_free);
}

/* Pairing ------------------------------------------------------------------- */

gboolean
cf_comparison_same_body (const char *a, const char *b)
{
  g_autofree char *na = NULL;
  g_autofree char *nb = NULL;

  if (a == NULL || b == NULL || *a == '\0' || *b == '\0')
    return FALSE;
  na = cf_normalize_label (a);
  nb = cf_normalize_label (b);
  return g_strcmp0 (na, nb) == 0;
}

GArray *
cf_comparison_find_pairs (const char *const *bodies, const int *years, guint n)
{
  GArray *pairs = g_array_new (FALSE, FALSE, sizeof (guint) * 2);

  for (guint later = 0; later < n; later++)
    {
      int best = -1;

      if (years[later] <= 0)
        continue;
      for (guint earlier = 0; earlier < n; earlier++)
        if (years[earlier] > 0 && years[earlier] < years[later]
            && cf_comparison_same_body (bodies[earlier], bodies[later])
            && (best < 0 || years[earlier] > years[best]))
          best = (int) earlier;
      if (best >= 0)
        {
          guint pair[2] = { (guint) best, later };

          g_array_append_val (pairs, pair);
        }
    }
  return pairs;
}

/* The rules across years ------------------------------------------------------ */

/* A copy of @doc's form tables with @body and its year: what cf_audit_batch
 * reads, so that its findings land on the copy, not on the caller's document. */
static CfDocument *
years_copy (CfDocument *doc, const char *body)
{
  CfDocument *copy = cf_document_new (cf_document_get_path (doc), cf_document_get_kind (doc));
  GPtrArray *tables = cf_document_get_tables (doc);

  cf_document_set_form (copy, cf_document_get_form (doc));
  cf_document_set_report_meta (copy, body, cf_document_get_year (doc));
  cf_document_take_text (copy, g_strdup (""), 0);
  for (guint t = 0; t < tables->len; t++)
    {
      CfTable *table = tables->pdata[t];
      g_autoptr (CfTable) same = NULL;

      if (g_str_has_prefix (cf_table_get_id (table), "table-"))
        continue;
      same = cf_table_new ();
      cf_table_set_id (same, cf_table_get_id (table));
      cf_table_replace_cells (same, cf_table_dup_cells (table));
      cf_document_add_table (copy, same);
    }
  return copy;
}

CfCellChange *
cf_comparison_find_change (CfComparison *self, const char *table_id, const char *row_key,
                           const char *col_key)
{
  GListModel *tables;

  g_return_val_if_fail (CF_IS_COMPARISON (self), NULL);
  tables = G_LIST_MODEL (self->tables);
  for (guint t = 0; t < g_list_model_get_n_items (tables); t++)
    {
      g_autoptr (CfTableDiff) diff = g_list_model_get_item (tables, t);

      if (g_strcmp0 (cf_table_diff_get_table_id (diff, TRUE), table_id) == 0)
        return cf_table_diff_find_change (diff, row_key, col_key); /* the diff keeps it */
    }
  return NULL;
}

static void
attach_findings (CfComparison *self)
{
  for (guint f = 0; f < self->carry_findings->len; f++)
    {
      const CfFinding *finding = self->carry_findings->pdata[f];
      CfCellChange *marked = NULL;

      /* In-force rules join a cell to the same cell a year before: one row, marked once. */
      for (guint c = 0; finding->cells != NULL && c < finding->cells->len; c++)
        {
          const CfCellRef *ref = &g_array_index (finding->cells, CfCellRef, c);
          CfCellChange *change = cf_comparison_find_change (self, finding->table, ref->row_key,
                                                            ref->col_key);

          if (change != NULL && change != marked)
            cf_cell_change_add_finding (change, finding);
          marked = change;
        }
    }
}

static void
run_year_rules (CfComparison *self, const char *body)
{
  int old_year = cf_document_get_year (self->docs[0]);
  int new_year = cf_document_get_year (self->docs[1]);
  g_autoptr (CfDocument) old_copy = NULL;
  g_autoptr (CfDocument) new_copy = NULL;
  g_autoptr (GPtrArray) pair = g_ptr_array_new ();
  GPtrArray *found;

  if (old_year <= 0 || new_year <= 0)
    {
      self->carry_note = g_strdup (_("The carry-over rules were not checked: a report’s year is unknown."));
      return;
    }
  if (new_year != old_year + 1)
    {
      self->carry_note = g_strdup_printf (
        _("The carry-over rules were not checked: they join consecutive years, not %d and %d."),
        old_year, new_year);
      return;
    }
  if (cf_document_get_form (self->docs[0]) == NULL || cf_document_get_form (self->docs[1]) == NULL)
    {
      self->carry_note = g_strdup (_("The carry-over rules were not checked: a report has no known form."));
      return;
    }
  old_copy = years_copy (self->docs[0], body);
  new_copy = years_copy (self->docs[1], body);
  g_ptr_array_add (pair, old_copy);
  g_ptr_array_add (pair, new_copy);
  cf_audit_batch (pair);
  found = cf_document_get_findings (new_copy);
  for (guint i = 0; i < found->len; i++)
    g_ptr_array_add (self->carry_findings, cf_finding_copy (found->pdata[i]));
}

/* Construction ---------------------------------------------------------------- */

static char *
year_label (CfDocument *doc, CfDocument *other)
{
  int year = cf_document_get_year (doc);

  if (year <= 0)
    return g_strdup (cf_document_get_basename (doc));
  if (year == cf_document_get_year (other))
    return g_strdup_printf ("%d (%s)", year, cf_document_get_basename (doc));
  return g_strdup_printf ("%d", year);
}

CfComparison *
cf_comparison_new (CfDocument *old_doc, CfDocument *new_doc, CfCompareFlags flags, GError **error)
{
  g_autoptr (CfComparison) self = NULL;
  const char *old_body, *new_body;
  g_autoptr (GPtrArray) tables = NULL;

  g_return_val_if_fail (CF_IS_DOCUMENT (old_doc) && CF_IS_DOCUMENT (new_doc), NULL);
  if (old_doc == new_doc
      || (cf_document_get_sha256 (old_doc) != NULL
          && g_strcmp0 (cf_document_get_sha256 (old_doc), cf_document_get_sha256 (new_doc)) == 0))
    {
      g_set_error (error, CF_ERROR, CF_ERROR_INVALID,
                   _("%s and %s are the same report: there is nothing to compare"),
                   cf_document_get_basename (old_doc), cf_document_get_basename (new_doc));
      return NULL;
    }
  old_body = cf_document_get_body (old_doc);
  new_body = cf_document_get_body (new_doc);
  if (old_body != NULL && new_body != NULL && !cf_comparison_same_body (old_body, new_body)
      && !(flags & CF_COMPARE_FORCE))
    {
      g_set_error (error, CF_ERROR, CF_ERROR_INVALID,
                   _("%s is a report of %s, %s a report of %s: reports of different bodies are "
                     "not compared unless forced"),
                   cf_document_get_basename (old_doc), old_body,
                   cf_document_get_basename (new_doc), new_body);
      return NULL;
    }

  self = g_object_new (CF_TYPE_COMPARISON, NULL);
  if (cf_document_get_year (old_doc) > 0 && cf_document_get_year (new_doc) > 0
      && cf_document_get_year (old_doc) > cf_document_get_year (new_doc))
    {
      CfDocument *swap = old_doc;

      old_doc = new_doc;
      new_doc = swap;
    }
  self->docs[0] = g_object_ref (old_doc);
  self->docs[1] = g_object_ref (new_doc);
  self->year_labels[0] = year_label (old_doc, new_doc);
  self->year_labels[1] = year_label (new_doc, old_doc);

  if (old_body != NULL && new_body != NULL && !cf_comparison_same_body (old_body, new_body))
    g_ptr_array_add (self->notes, g_strdup_printf (_("The reports are of different bodies "
                                                     "(%s, %s), compared as one because asked to."),
                                                   old_body, new_body));
  else if (old_body == NULL || new_body == NULL)
    g_ptr_array_add (self->notes, g_strdup (_("A report does not name its body: the two were "
                                              "paired by hand.")));

  tables = cf_table_diff_compare_documents (old_doc, new_doc);
  g_list_store_splice (self->tables, 0, 0, tables->pdata, tables->len);
  self->text = cf_text_diff_new (old_doc, new_doc);
  run_year_rules (self, new_body ? new_body : old_body ? old_body : "");
  attach_findings (self);
  g_ptr_array_add (self->notes, NULL);
  return g_steal_pointer (&self);
}

/* Getters ----------------------------------------------------------------------- */

CfDocument *
cf_comparison_get_document (CfComparison *self, gboolean new_year)
{
  g_return_val_if_fail (CF_IS_COMPARISON (self), NULL);
  return self->docs[new_year ? 1 : 0];
}

int
cf_comparison_get_year (CfComparison *self, gboolean new_year)
{
  g_return_val_if_fail (CF_IS_COMPARISON (self), 0);
  return cf_document_get_year (self->docs[new_year ? 1 : 0]);
}

const char *
cf_comparison_get_year_label (CfComparison *self, gboolean new_year)
{
  g_return_val_if_fail (CF_IS_COMPARISON (self), NULL);
  return self->year_labels[new_year ? 1 : 0];
}

GListModel *
cf_comparison_get_tables (CfComparison *self)
{
  g_return_val_if_fail (CF_IS_COMPARISON (self), NULL);
  return G_LIST_MODEL (self->tables);
}

CfTextDiff *
cf_comparison_get_text (CfComparison *self)
{
  g_return_val_if_fail (CF_IS_COMPARISON (self), NULL);
  return self->text;
}

GPtrArray *
cf_comparison_get_carry_findings (CfComparison *self)
{
  g_return_val_if_fail (CF_IS_COMPARISON (self), NULL);
  return self->carry_findings;
}

const char *
cf_comparison_get_carry_note (CfComparison *self)
{
  g_return_val_if_fail (CF_IS_COMPARISON (self), NULL);
  return self->carry_note;
}

const char *const *
cf_comparison_get_notes (CfComparison *self)
{
  g_return_val_if_fail (CF_IS_COMPARISON (self), NULL);
  return (const char *const *) self->notes->pdata;
}

/* Rank of a kind of change in the list of largest changes; -1: not listed. */
static int
change_rank (CfCellChangeKind kind)
{
  switch (kind)
    {
    case CF_CELL_CHANGE_CHANGED:
      return 0;
    case CF_CELL_CHANGE_FILLED:
    case CF_CELL_CHANGE_BLANKED:
      return 1;
    case CF_CELL_CHANGE_TEXT:
      return 2;
    case CF_CELL_CHANGE_SAME:
    case CF_CELL_CHANGE_ONLY_OLD:
    case CF_CELL_CHANGE_ONLY_NEW:
    default:
      return -1;
    }
}

static double
size_of (CfCellChange *change)
{
  double delta = 0;
  const CfCell *cell;

  if (cf_cell_change_get_delta (change, &delta))
    return fabs (delta);
  cell = cf_cell_change_get_cell (change, cf_cell_change_get_kind (change) == CF_CELL_CHANGE_FILLED);
  return cell && cell->number.kind == CF_NUMBER_VALUE ? fabs (cell->number.value) : 0;
}

static int
compare_sizes (gconstpointer a, gconstpointer b)
{
  CfCellChange *x = *(CfCellChange **) a;
  CfCellChange *y = *(CfCellChange **) b;
  int rx = change_rank (cf_cell_change_get_kind (x));
  int ry = change_rank (cf_cell_change_get_kind (y));
  double sx, sy;

  if (rx != ry)
    return rx - ry;
  sx = size_of (x);
  sy = size_of (y);
  return sx < sy ? 1 : sx > sy ? -1 : 0;
}

GPtrArray *
cf_comparison_list_largest_changes (CfComparison *self, guint max)
{
  GPtrArray *out = g_ptr_array_new_with_free_func (g_object_unref);
  GListModel *tables;

  g_return_val_if_fail (CF_IS_COMPARISON (self), out);
  tables = G_LIST_MODEL (self->tables);
  for (guint t = 0; t < g_list_model_get_n_items (tables); t++)
    {
      g_autoptr (CfTableDiff) diff = g_list_model_get_item (tables, t);
      GListModel *changes = cf_table_diff_get_changes (diff);

      for (guint c = 0; c < g_list_model_get_n_items (changes); c++)
        {
          CfCellChange *change = g_list_model_get_item (changes, c);

          if (change_rank (cf_cell_change_get_kind (change)) >= 0)
            g_ptr_array_add (out, change);
          else
            g_object_unref (change);
        }
    }
  /* g_ptr_array_sort is not stable before GLib 2.76: ties keep no order,
   * which is fine for equal sizes. */
  g_ptr_array_sort (out, compare_sizes);
  if (max > 0 && out->len > max)
    g_ptr_array_set_size (out, max);
  return out;
}

const CfCell *
cf_comparison_get_finding_cell (CfComparison *self, const CfFinding *finding, guint index,
                                gboolean *new_year)
{
  const CfCellRef *ref;
  CfTable *table;

  g_return_val_if_fail (CF_IS_COMPARISON (self), NULL);
  if (finding->cells == NULL || index >= finding->cells->len)
    return NULL;
  ref = &g_array_index (finding->cells, CfCellRef, index);
  /* cf_audit_batch names the later report's cell first, the earlier one's second. */
  if (new_year != NULL)
    *new_year = index == 0;
  table = cf_document_find_table (self->docs[index == 0 ? 1 : 0], ref->table);
  return table ? cf_table_find_by_keys (table, ref->row_key, ref->col_key) : NULL;
}

void
cf_comparison_foreach_text_change (CfComparison *self, CfTextChangeFunc func, gpointer data)
{
  g_return_if_fail (CF_IS_COMPARISON (self));
  for (guint s = 0; s < cf_text_diff_get_n_sections (self->text); s++)
    {
      const CfSectionDiff *section = cf_text_diff_get_section (self->text, s);
      gboolean shown = FALSE;

      if (section->old_heading == NULL || section->new_heading == NULL)
        {
          /* TRANSLATORS: a section of the prose found in one year's report only */
          g_autofree char *only = g_strdup_printf (
            _("Only in %s: %s"), self->year_labels[section->old_heading == NULL ? 1 : 0],
            section->old_heading ? section->old_heading : section->new_heading);

          func (only, NULL, data);
          continue;
        }
      for (guint i = 0; i < section->sentences->len; i++)
        {
          const CfSentenceChange *sentence = section->sentences->pdata[i];

          if (sentence->kind == CF_TEXT_SAME)
            continue;
          if (!shown)
            func (*section->new_heading ? section->new_heading : _("Before the first section"),
                  NULL, data);
          shown = TRUE;
          func (NULL, sentence, data);
        }
    }
}
