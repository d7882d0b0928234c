#include "config.h"

#include <glib/gi18n-lib.h>

#include "cf-review.h"
#include "cf-error.h"

struct _CfReview
{
  GObject            parent_instance;

  CfStore *store;
  char              *sha256;
  GHashTable        *notes;    /* finding key -> note, for accepted findings */
  GHashTable        *reviewed; /* set of table ids */
  GHashTable        *restated; /* "table|cell" -> Restatement */
};

/* "The report is wrong, here is the right figure" for one cell. */
typedef struct
{
  char *printed;   /* the cell's text as printed (and audited) */
  char *corrected; /* the analyst's figure */
  char *note;      /* what the findings naming the cell say as their verdict */
} Restatement;

static void
restatement_free (gpointer data)
{
  Restatement *r = data;

  g_free (r->printed);
  g_free (r->corrected);
  g_free (r->note);
  g_free (r);
}

static Restatement *
restatement_new (const char *printed, const char *corrected)
{
  Restatement *r = g_new0 (Restatement, 1);

  r->printed = g_strdup (printed ? printed : "");
  r->corrected = g_strdup (corrected ? corrected : "");
  /* Translators: the verdict of a finding whose cell the analyst corrected
   * because the report printed a wrong figure: the right one, then the printed one. */
  r->note = g_strdup_printf (_("The report is wrong: the right figure is %s (printed %s)"),
                             r->corrected, *r->printed ? r->printed : "—");
  return r;
}

G_DEFINE_FINAL_TYPE (CfReview, cf_review, G_TYPE_OBJECT)

static char *cell_key (const char *table_id, const char *row_key, const char *col_key, int row,
                       int col);

static void
cf_review_finalize (GObject *object)
{
  CfReview *self = CF_REVIEW (object);

  g_clear_object (&self->store);
  g_free (self->sha256);
  g_hash_table_unref (self->notes);
  g_hash_table_unref (self->reviewed);
  g_hash_table_unref (self->restated);
  G_OBJECT_CLASS (cf_review_parent_class)->finalize (object);
}

static void
cf_review_class_init (CfReviewClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = cf_review_finalize;
}

static void
cf_review_init (CfReview *self)
{
  self->notes = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  self->reviewed = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  self->restated = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, restatement_free);
}

static gboolean
load (CfReview *self, GError **error)
{
  g_autoptr (GPtrArray) rows = g_ptr_array_new_with_free_func (g_free);

  if (!cf_store_load_reviews (self->store, self->sha256, self->notes, self->reviewed, error)
      || !cf_store_load_restatements (self->store, self->sha256, rows, error))
    return FALSE;
  for (guint i = 0; i + 2 < rows->len; i += 3)
    g_hash_table_replace (self->restated, g_strdup (g_ptr_array_index (rows, i)),
                          restatement_new (g_ptr_array_index (rows, i + 1),
                                           g_ptr_array_index (rows, i + 2)));
  return TRUE;
}

CfReview *
cf_review_new (CfStore *store, const char *sha256, GError **error)
{
  g_autoptr (CfReview) self = g_object_new (CF_TYPE_REVIEW, NULL);

  self->store = store ? g_object_ref (store) : NULL;
  self->sha256 = g_strdup (sha256 ? sha256 : "");
  if (self->store && !load (self, error))
    return NULL;
  return g_steal_pointer (&self);
}

CfReview *
cf_review_copy_in_memory (CfReview *self)
{
  CfReview *copy;
  GHashTableIter iter;
  gpointer key, value;

  g_return_val_if_fail (CF_IS_REVIEW (self), NULL);
  copy = g_object_new (CF_TYPE_REVIEW, NULL);
  copy->sha256 = g_strdup (self->sha256);
  g_hash_table_iter_init (&iter, self->notes);
  while (g_hash_table_iter_next (&iter, &key, &value))
    g_hash_table_insert (copy->notes, g_strdup (key), g_strdup (value));
  g_hash_table_iter_init (&iter, self->reviewed);
  while (g_hash_table_iter_next (&iter, &key, NULL))
    g_hash_table_add (copy->reviewed, g_strdup (key));
  g_hash_table_iter_init (&iter, self->restated);
  while (g_hash_table_iter_next (&iter, &key, &value))
    {
      Restatement *r = value;
      g_hash_table_insert (copy->restated, g_strdup (key),
                           restatement_new (r->printed, r->corrected));
    }
  return copy;
}

char *
cf_review_key_for_finding (const CfFinding *finding)
{
  g_autofree char *cell = NULL;

  if (finding->cells && finding->cells->len > 0)
    {
      const CfCellRef *ref = &g_array_index (finding->cells, CfCellRef, 0);

      if (ref->row_key || ref->col_key)
        cell = g_strdup_printf ("%s/%s", ref->row_key ? ref->row_key : "",
                                ref->col_key ? ref->col_key : "");
      else
        cell = g_strdup_printf ("r%d c%d", ref->row, ref->col);
    }
  else if (finding->offset >= 0)
    cell = g_strdup_printf ("@%" G_GINT64_FORMAT, finding->offset);
  else
    cell = g_strdup ("");
  return g_strdup_printf ("%s|%s|%s", finding->rule ? finding->rule : "",
                          finding->table ? finding->table : "", cell);
}

gboolean
cf_review_accept (CfReview *self, const CfFinding *finding, const char *note, GError **error)
{
  g_autofree char *key = cf_review_key_for_finding (finding);

  g_return_val_if_fail (CF_IS_REVIEW (self), FALSE);
  if (self->store && !cf_store_accept_finding (self->store, self->sha256, key, note, error))
    return FALSE;
  g_hash_table_replace (self->notes, g_steal_pointer (&key), g_strdup (note ? note : ""));
  return TRUE;
}

gboolean
cf_review_unaccept (CfReview *self, const CfFinding *finding, GError **error)
{
  g_autofree char *key = cf_review_key_for_finding (finding);

  g_return_val_if_fail (CF_IS_REVIEW (self), FALSE);
  if (self->store && !cf_store_unaccept_finding (self->store, self->sha256, key, error))
    return FALSE;
  g_hash_table_remove (self->notes, key);
  /* Open again: the report is not wrong at the cells it names after all. */
  for (guint i = 0; finding->cells && i < finding->cells->len; i++)
    {
      const CfCellRef *ref = &g_array_index (finding->cells, CfCellRef, i);
      g_autofree char *cell = cell_key (ref->table ? ref->table : finding->table, ref->row_key,
                                        ref->col_key, ref->row, ref->col);

      if (!g_hash_table_contains (self->restated, cell))
        continue;
      if (self->store && !cf_store_remove_restatement (self->store, self->sha256, cell, error))
        return FALSE;
      g_hash_table_remove (self->restated, cell);
    }
  return TRUE;
}

/* "table|rowkey/colkey" or "table|r3 c4": a cell as findings name it. */
static char *
cell_key (const char *table_id, const char *row_key, const char *col_key, int row, int col)
{
  if (row_key || col_key)
    return g_strdup_printf ("%s|%s/%s", table_id ? table_id : "", row_key ? row_key : "",
                            col_key ? col_key : "");
  return g_strdup_printf ("%s|r%d c%d", table_id ? table_id : "", row, col);
}

static Restatement *
restatement_for_finding (CfReview *self, const CfFinding *finding)
{
  if (g_hash_table_size (self->restated) == 0)
    return NULL;
  for (guint i = 0; finding->cells && i < finding->cells->len; i++)
    {
      const CfCellRef *ref = &g_array_index (finding->cells, CfCellRef, i);
      g_autofree char *key = cell_key (ref->table ? ref->table : finding->table, ref->row_key,
                                       ref->col_key, ref->row, ref->col);
      Restatement *r = g_hash_table_lookup (self->restated, key);

      if (r != NULL)
        return r;
    }
  return NULL;
}

gboolean
cf_review_is_accepted (CfReview *self, const CfFinding *finding, const char **note)
{
  g_autofree char *key = cf_review_key_for_finding (finding);
  const char *found;

  g_return_val_if_fail (CF_IS_REVIEW (self), FALSE);
  found = g_hash_table_lookup (self->notes, key);
  if (found == NULL)
    {
      /* A cell it names was restated: the analyst has said the report is
       * wrong there, which is accepting the finding. */
      Restatement *r = restatement_for_finding (self, finding);

      if (r != NULL)
        found = r->note;
    }
  if (note)
    *note = found;
  return found != NULL;
}

gboolean
cf_review_restate (CfReview *self, CfTable *table, const CfCell *cell, const char *corrected,
                   GError **error)
{
  g_autofree char *key = NULL;
  g_autofree char *figure = NULL;

  g_return_val_if_fail (CF_IS_REVIEW (self), FALSE);
  g_return_val_if_fail (table != NULL && cell != NULL, FALSE);
  key = cell_key (cf_table_get_id (table), cell->row_key, cell->col_key, cell->row, cell->col);
  figure = g_strstrip (g_strdup (corrected ? corrected : ""));
  if (*figure == '\0')
    {
      if (self->store && !cf_store_remove_restatement (self->store, self->sha256, key, error))
        return FALSE;
      g_hash_table_remove (self->restated, key);
      return TRUE;
    }
  if (self->store
      && !cf_store_save_restatement (self->store, self->sha256, key, cell->text, figure, error))
    return FALSE;
  g_hash_table_replace (self->restated, g_steal_pointer (&key),
                        restatement_new (cell->text, figure));
  return TRUE;
}

const char *
cf_review_get_restated (CfReview *self, CfTable *table, const CfCell *cell, const char **printed)
{
  g_autofree char *key = NULL;
  Restatement *r;

  g_return_val_if_fail (CF_IS_REVIEW (self), NULL);
  if (printed)
    *printed = NULL;
  if (table == NULL || cell == NULL || g_hash_table_size (self->restated) == 0)
    return NULL;
  key = cell_key (cf_table_get_id (table), cell->row_key, cell->col_key, cell->row, cell->col);
  r = g_hash_table_lookup (self->restated, key);
  if (r == NULL)
    return NULL;
  if (printed)
    *printed = r->printed;
  return r->corrected;
}

guint
cf_review_get_n_restated (CfReview *self)
{
  g_return_val_if_fail (CF_IS_REVIEW (self), 0);
  return g_hash_table_size (self->restated);
}

const char *
cf_review_finding_state (CfReview *self, const CfFinding *finding)
{
  gboolean accepted = self != NULL && cf_review_is_accepted (self, finding, NULL);

  switch (finding->severity)
    {
    case CF_SEVERITY_ERROR:
      return accepted ? "accepted-error" : "open-error";
    case CF_SEVERITY_WARNING:
      return accepted ? "accepted-warning" : "open-warning";
    case CF_SEVERITY_INFO:
    default:
      return accepted ? "accepted-info" : "info";
    }
}

guint
cf_review_get_n_accepted (CfReview *self)
{
  g_return_val_if_fail (CF_IS_REVIEW (self), 0);
  return g_hash_table_size (self->notes);
}

gboolean
cf_review_set_table_reviewed (CfReview *self, const char *table_id, gboolean reviewed,
                              GError **error)
{
  g_return_val_if_fail (CF_IS_REVIEW (self), FALSE);
  g_return_val_if_fail (table_id != NULL, FALSE);
  if (self->store
      && !cf_store_set_table_reviewed (self->store, self->sha256, table_id, reviewed, error))
    return FALSE;
  if (reviewed)
    g_hash_table_add (self->reviewed, g_strdup (table_id));
  else
    g_hash_table_remove (self->reviewed, table_id);
  return TRUE;
}

gboolean
cf_review_get_table_reviewed (CfReview *self, const char *table_id)
{
  g_return_val_if_fail (CF_IS_REVIEW (self), FALSE);
  return table_id != NULL && g_hash_table_contains (self->reviewed, table_id);
}

guint
cf_review_count_open (CfReview *self, CfDocument *doc, CfSeverity severity)
{
  GPtrArray *findings = cf_document_get_findings (doc);
  guint n = 0;

  g_return_val_if_fail (CF_IS_REVIEW (self), 0);
  for (guint i = 0; i < findings->len; i++)
    {
      CfFinding *finding = g_ptr_array_index (findings, i);

      if (finding->severity == severity && !cf_review_is_accepted (self, finding, NULL))
        n++;
    }
  return n;
}
