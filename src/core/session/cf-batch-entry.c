/* cf-batch-entry.c: one file of a batch, its state and its counts
 *
 * The fields change only on the batch's main context (cf-batch.c), which
 * sets them directly through cf-batch-private.h.
 */
#include "config.h"

#include "cf-batch-private.h"
#include "cf-store.h"

const char *
cf_batch_state_to_string (CfBatchState state)
{
  switch (state)
    {
    case CF_BATCH_STATE_QUEUED:
      return "queued";
    case CF_BATCH_STATE_RUNNING:
      return "running";
    case CF_BATCH_STATE_DONE:
      return "done";
    case CF_BATCH_STATE_FAILED:
      return "failed";
    default:
      return "unknown";
    }
}

/* ------------------------------------------------------------------ entry */

G_DEFINE_FINAL_TYPE (CfBatchEntry, cf_batch_entry, G_TYPE_OBJECT)

GParamSpec *cf_batch_entry_properties[N_ENTRY_PROPS];

static void
cf_batch_entry_finalize (GObject *object)
{
  CfBatchEntry *self = CF_BATCH_ENTRY (object);

  g_free (self->path);
  g_free (self->name);
  g_clear_object (&self->document);
  g_clear_object (&self->review);
  g_free (self->work_digest);
  g_clear_error (&self->error);
  G_OBJECT_CLASS (cf_batch_entry_parent_class)->finalize (object);
}

static void
cf_batch_entry_get_property (GObject *object, guint prop_id, GValue *value, GParamSpec *pspec)
{
  CfBatchEntry *self = CF_BATCH_ENTRY (object);

  switch (prop_id)
    {
    case ENTRY_PROP_PATH:
      g_value_set_string (value, self->path);
      break;
    case ENTRY_PROP_NAME:
      g_value_set_string (value, self->name);
      break;
    case ENTRY_PROP_STATE:
      g_value_set_int (value, self->state);
      break;
    case ENTRY_PROP_DOCUMENT:
      g_value_set_object (value, self->document);
      break;
    case ENTRY_PROP_FORM:
      g_value_set_string (value, cf_batch_entry_get_form (self));
      break;
    case ENTRY_PROP_N_ERRORS:
      g_value_set_uint (value, self->n_errors);
      break;
    case ENTRY_PROP_N_OPEN_ERRORS:
      g_value_set_uint (value, self->n_open_errors);
      break;
    case ENTRY_PROP_N_WARNINGS:
      g_value_set_uint (value, self->n_warnings);
      break;
    case ENTRY_PROP_N_INFOS:
      g_value_set_uint (value, self->n_infos);
      break;
    case ENTRY_PROP_N_OPEN_WARNINGS:
      g_value_set_uint (value, self->n_open_warnings);
      break;
    case ENTRY_PROP_N_ACCEPTED:
      g_value_set_uint (value, self->n_accepted);
      break;
    case ENTRY_PROP_N_TABLES:
      g_value_set_uint (value, self->n_tables);
      break;
    case ENTRY_PROP_N_TABLES_REVIEWED:
      g_value_set_uint (value, self->n_tables_reviewed);
      break;
    case ENTRY_PROP_REVIEW:
      g_value_set_object (value, self->review);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
cf_batch_entry_class_init (CfBatchEntryClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GParamFlags flags = G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS;

  object_class->finalize = cf_batch_entry_finalize;
  object_class->get_property = cf_batch_entry_get_property;

  cf_batch_entry_properties[ENTRY_PROP_PATH] = g_param_spec_string ("path", NULL, NULL, NULL, flags);
  cf_batch_entry_properties[ENTRY_PROP_NAME] = g_param_spec_string ("name", NULL, NULL, NULL, flags);
  /* A CfBatchState; an int so GtkNumericSorter and expressions can use it. */
  cf_batch_entry_properties[ENTRY_PROP_STATE] = g_param_spec_int ("state", NULL, NULL,
                                                         CF_BATCH_STATE_QUEUED,
                                                         CF_BATCH_STATE_FAILED,
                                                         CF_BATCH_STATE_QUEUED, flags);
  cf_batch_entry_properties[ENTRY_PROP_DOCUMENT] = g_param_spec_object ("document", NULL, NULL,
                                                               CF_TYPE_DOCUMENT, flags);
  cf_batch_entry_properties[ENTRY_PROP_FORM] = g_param_spec_string ("form", NULL, NULL, NULL, flags);
  cf_batch_entry_properties[ENTRY_PROP_N_ERRORS] = g_param_spec_uint ("n-errors", NULL, NULL,
                                                             0, G_MAXUINT, 0, flags);
  cf_batch_entry_properties[ENTRY_PROP_N_OPEN_ERRORS] = g_param_spec_uint ("n-open-errors", NULL, NULL,
                                                                  0, G_MAXUINT, 0, flags);
  cf_batch_entry_properties[ENTRY_PROP_N_WARNINGS] = g_param_spec_uint ("n-warnings", NULL, NULL,
                                                               0, G_MAXUINT, 0, flags);
  cf_batch_entry_properties[ENTRY_PROP_N_INFOS] = g_param_spec_uint ("n-infos", NULL, NULL,
                                                            0, G_MAXUINT, 0, flags);
  cf_batch_entry_properties[ENTRY_PROP_N_OPEN_WARNINGS] = g_param_spec_uint ("n-open-warnings", NULL, NULL,
                                                                    0, G_MAXUINT, 0, flags);
  cf_batch_entry_properties[ENTRY_PROP_N_ACCEPTED] = g_param_spec_uint ("n-accepted", NULL, NULL,
                                                               0, G_MAXUINT, 0, flags);
  cf_batch_entry_properties[ENTRY_PROP_N_TABLES] = g_param_spec_uint ("n-tables", NULL, NULL,
                                                             0, G_MAXUINT, 0, flags);
  cf_batch_entry_properties[ENTRY_PROP_N_TABLES_REVIEWED] = g_param_spec_uint ("n-tables-reviewed",
                                                                      NULL, NULL,
                                                                      0, G_MAXUINT, 0, flags);
  cf_batch_entry_properties[ENTRY_PROP_REVIEW] = g_param_spec_object ("review", NULL, NULL,
                                                             CF_TYPE_REVIEW, flags);
  g_object_class_install_properties (object_class, N_ENTRY_PROPS, cf_batch_entry_properties);
}

static void
cf_batch_entry_init (CfBatchEntry *self)
{
  self->state = CF_BATCH_STATE_QUEUED;
}

CfBatchEntry *
cf_batch_entry_new (const char *path)
{
  CfBatchEntry *self = g_object_new (CF_TYPE_BATCH_ENTRY, NULL);

  self->path = g_strdup (path);
  self->name = g_path_get_basename (path);
  return self;
}

void
cf_batch_entry_set_state (CfBatchEntry *self, CfBatchState state)
{
  if (self->state == state)
    return;
  self->state = state;
  g_object_notify_by_pspec (G_OBJECT (self), cf_batch_entry_properties[ENTRY_PROP_STATE]);
}

/* Findings of @severity the analyst has not accepted: THE one place that
 * knows what counts as open. */
static guint
count_open (CfBatchEntry *self, CfSeverity severity)
{
  if (self->review == NULL)
    return cf_document_count_findings (self->document, severity);
  return cf_review_count_open (self->review, self->document, severity);
}

/* Findings of the document (of any severity) the analyst accepted: verdicts
 * on findings the document no longer has do not count. */
static guint
count_accepted (CfBatchEntry *self)
{
  GPtrArray *findings = cf_document_get_findings (self->document);
  guint n = 0;

  if (self->review == NULL)
    return 0;
  for (guint i = 0; i < findings->len; i++)
    n += cf_review_is_accepted (self->review, g_ptr_array_index (findings, i), NULL);
  return n;
}

static guint
count_reviewed_tables (CfBatchEntry *self)
{
  GPtrArray *tables = cf_document_get_tables (self->document);
  guint n = 0;

  if (self->review == NULL)
    return 0;
  for (guint i = 0; i < tables->len; i++)
    n += cf_review_get_table_reviewed (self->review,
                                       cf_table_get_id (g_ptr_array_index (tables, i)));
  return n;
}

/* Sets *@field to @value, with a notify; TRUE when it changed. */
static gboolean
entry_set_count (CfBatchEntry *self, guint *field, guint value, guint prop)
{
  if (*field == value)
    return FALSE;
  *field = value;
  g_object_notify_by_pspec (G_OBJECT (self), cf_batch_entry_properties[prop]);
  return TRUE;
}

/* Recounts from the document; returns TRUE when a count changed. */
gboolean
cf_batch_entry_update_counts (CfBatchEntry *self)
{
  CfDocument *doc = self->document;
  gboolean changed = FALSE;

  changed |= entry_set_count (self, &self->n_errors,
                              doc ? cf_document_count_findings (doc, CF_SEVERITY_ERROR) : 0,
                              ENTRY_PROP_N_ERRORS);
  changed |= entry_set_count (self, &self->n_open_errors,
                              doc ? count_open (self, CF_SEVERITY_ERROR) : 0,
                              ENTRY_PROP_N_OPEN_ERRORS);
  changed |= entry_set_count (self, &self->n_open_warnings,
                              doc ? count_open (self, CF_SEVERITY_WARNING) : 0,
                              ENTRY_PROP_N_OPEN_WARNINGS);
  changed |= entry_set_count (self, &self->n_accepted, doc ? count_accepted (self) : 0,
                              ENTRY_PROP_N_ACCEPTED);
  changed |= entry_set_count (self, &self->n_tables,
                              doc ? cf_document_get_tables (doc)->len : 0, ENTRY_PROP_N_TABLES);
  changed |= entry_set_count (self, &self->n_tables_reviewed,
                              doc ? count_reviewed_tables (self) : 0,
                              ENTRY_PROP_N_TABLES_REVIEWED);
  changed |= entry_set_count (self, &self->n_warnings,
                              doc ? cf_document_count_findings (doc, CF_SEVERITY_WARNING) : 0,
                              ENTRY_PROP_N_WARNINGS);
  changed |= entry_set_count (self, &self->n_infos,
                              doc ? cf_document_count_findings (doc, CF_SEVERITY_INFO) : 0,
                              ENTRY_PROP_N_INFOS);
  return changed;
}

const char *
cf_batch_entry_get_path (CfBatchEntry *self)
{
  g_return_val_if_fail (CF_IS_BATCH_ENTRY (self), NULL);
  return self->path;
}

const char *
cf_batch_entry_get_name (CfBatchEntry *self)
{
  g_return_val_if_fail (CF_IS_BATCH_ENTRY (self), NULL);
  return self->name;
}

CfBatchState
cf_batch_entry_get_state (CfBatchEntry *self)
{
  g_return_val_if_fail (CF_IS_BATCH_ENTRY (self), CF_BATCH_STATE_QUEUED);
  return self->state;
}

CfDocument *
cf_batch_entry_get_document (CfBatchEntry *self)
{
  g_return_val_if_fail (CF_IS_BATCH_ENTRY (self), NULL);
  return self->document;
}

const GError *
cf_batch_entry_get_error (CfBatchEntry *self)
{
  g_return_val_if_fail (CF_IS_BATCH_ENTRY (self), NULL);
  return self->error;
}

const char *
cf_batch_entry_get_form (CfBatchEntry *self)
{
  g_return_val_if_fail (CF_IS_BATCH_ENTRY (self), NULL);
  return self->document != NULL ? cf_document_get_form (self->document) : NULL;
}

guint
cf_batch_entry_get_n_errors (CfBatchEntry *self)
{
  g_return_val_if_fail (CF_IS_BATCH_ENTRY (self), 0);
  return self->n_errors;
}

guint
cf_batch_entry_get_n_open_errors (CfBatchEntry *self)
{
  g_return_val_if_fail (CF_IS_BATCH_ENTRY (self), 0);
  return self->n_open_errors;
}

guint
cf_batch_entry_get_n_warnings (CfBatchEntry *self)
{
  g_return_val_if_fail (CF_IS_BATCH_ENTRY (self), 0);
  return self->n_warnings;
}

guint
cf_batch_entry_get_n_infos (CfBatchEntry *self)
{
  g_return_val_if_fail (CF_IS_BATCH_ENTRY (self), 0);
  return self->n_infos;
}

guint
cf_batch_entry_get_n_open_warnings (CfBatchEntry *self)
{
  g_return_val_if_fail (CF_IS_BATCH_ENTRY (self), 0);
  return self->n_open_warnings;
}

guint
cf_batch_entry_get_n_accepted (CfBatchEntry *self)
{
  g_return_val_if_fail (CF_IS_BATCH_ENTRY (self), 0);
  return self->n_accepted;
}

guint
cf_batch_entry_get_n_tables (CfBatchEntry *self)
{
  g_return_val_if_fail (CF_IS_BATCH_ENTRY (self), 0);
  return self->n_tables;
}

guint
cf_batch_entry_get_n_tables_reviewed (CfBatchEntry *self)
{
  g_return_val_if_fail (CF_IS_BATCH_ENTRY (self), 0);
  return self->n_tables_reviewed;
}

CfReview *
cf_batch_entry_get_review (CfBatchEntry *self)
{
  g_return_val_if_fail (CF_IS_BATCH_ENTRY (self), NULL);
  return self->review;
}

guint
cf_batch_entry_get_n_restored (CfBatchEntry *self)
{
  g_return_val_if_fail (CF_IS_BATCH_ENTRY (self), 0);
  return self->n_restored;
}

guint
cf_batch_entry_get_n_stale (CfBatchEntry *self)
{
  g_return_val_if_fail (CF_IS_BATCH_ENTRY (self), 0);
  return self->n_stale;
}

gboolean
cf_batch_entry_has_current_work (CfBatchEntry *self, CfStore *store)
{
  g_autofree char *now = NULL;

  g_return_val_if_fail (CF_IS_BATCH_ENTRY (self), FALSE);
  g_return_val_if_fail (store == NULL || CF_IS_STORE (store), FALSE);
  if (self->document == NULL || self->work_digest == NULL)
    return FALSE;
  now = cf_store_work_digest (store, cf_document_get_sha256 (self->document));
  return g_strcmp0 (now, self->work_digest) == 0;
}

