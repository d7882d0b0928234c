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
};

G_DEFINE_FINAL_TYPE (CfReview, cf_review, G_TYPE_OBJECT)

static void
cf_review_finalize (GObject *object)
{
  CfReview *self = CF_REVIEW (object);

  g_clear_object (&self->store);
  g_free (self->sha256);
  g_hash_table_unref (self->notes);
  g_hash_table_unref (self->reviewed);
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
}

static gboolean
load (CfReview *self, GError **error)
{
  return cf_store_load_reviews (self->store, self->sha256, self->notes, self->reviewed, error);
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
  return TRUE;
}

gboolean
cf_review_is_accepted (CfReview *self, const CfFinding *finding, const char **note)
{
  g_autofree char *key = cf_review_key_for_finding (finding);
  const char *found;

  g_return_val_if_fail (CF_IS_REVIEW (self), FALSE);
  found = g_hash_table_lookup (self->notes, key);
  if (note)
    *note = found;
  return found != NULL;
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
