/* cf-pipeline.c: load, restore saved work, audit, review */
#include "config.h"

#include <glib/gi18n-lib.h>

#include "cf-audit.h"
#include "cf-error.h"
#include "cf-pipeline.h"

struct _CfPipeline
{
  GObject         parent_instance;

  CfPipelineMode  mode;
  char           *password;
  CfPipelineHook  hook;
  gpointer        hook_data;
  CfStore        *store;
  GError         *store_error; /* why the database could not be opened */
  gboolean        store_tried;
};

G_DEFINE_FINAL_TYPE (CfPipeline, cf_pipeline, G_TYPE_OBJECT)

static void
cf_pipeline_finalize (GObject *object)
{
  CfPipeline *self = CF_PIPELINE (object);

  g_free (self->password);
  g_clear_object (&self->store);
  g_clear_error (&self->store_error);
  G_OBJECT_CLASS (cf_pipeline_parent_class)->finalize (object);
}

static void
cf_pipeline_class_init (CfPipelineClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = cf_pipeline_finalize;
}

static void
cf_pipeline_init (CfPipeline *self)
{
}

CfPipeline *
cf_pipeline_new (CfPipelineMode mode)
{
  CfPipeline *self = g_object_new (CF_TYPE_PIPELINE, NULL);

  self->mode = mode;
  return self;
}

void
cf_pipeline_set_password (CfPipeline *self, const char *password)
{
  g_return_if_fail (CF_IS_PIPELINE (self));
  g_free (self->password);
  self->password = g_strdup (password);
}

void
cf_pipeline_set_before_audit (CfPipeline *self, CfPipelineHook hook, gpointer user_data)
{
  g_return_if_fail (CF_IS_PIPELINE (self));
  self->hook = hook;
  self->hook_data = user_data;
}

CfStore *
cf_pipeline_get_store (CfPipeline *self, GError **error)
{
  g_return_val_if_fail (CF_IS_PIPELINE (self), NULL);
  if (!self->store_tried)
    {
      self->store_tried = TRUE;
      if (self->mode == CF_PIPELINE_READ_SAVED_WORK)
        self->store = cf_store_open_read_only (NULL, &self->store_error);
      else if (self->mode == CF_PIPELINE_SAVE_WORK)
        self->store = cf_store_open (NULL, &self->store_error);
    }
  if (self->store_error != NULL)
    g_propagate_error (error, g_error_copy (self->store_error));
  return self->store;
}

CfCorrectionSession *
cf_pipeline_prepare (CfPipeline *self, CfDocument *doc)
{
  g_autoptr (CfCorrectionSession) session = NULL;
  g_autoptr (GError) error = NULL;
  CfStore *store;

  g_return_val_if_fail (CF_IS_PIPELINE (self), NULL);
  g_return_val_if_fail (CF_IS_DOCUMENT (doc), NULL);
  /* The saved work first: the audit checks the corrected tables. */
  store = cf_pipeline_get_store (self, &error);
  if (error == NULL)
    session = cf_correction_session_new_with_store (doc, store, &error);
  if (session == NULL)
    {
      /* Reading the saved work fails before it touches the document: the
       * report goes on as extracted, and the session says why. */
      g_autoptr (GError) why = g_error_new (CF_ERROR, CF_ERROR_IO,
                                            _("%s: cannot read the saved corrections (%s)"),
                                            cf_document_get_basename (doc), error->message);

      session = cf_correction_session_new_with_store (doc, NULL, NULL);
      cf_correction_session_set_store_error (session, why);
    }
  if (self->hook != NULL)
    self->hook (session, self->hook_data);
  cf_audit_document (doc, NULL);
  return g_steal_pointer (&session);
}

CfCorrectionSession *
cf_pipeline_open_file (CfPipeline *self, const char *path, GCancellable *cancellable,
                       GError **error)
{
  g_autoptr (CfDocument) doc = NULL;

  g_return_val_if_fail (CF_IS_PIPELINE (self), NULL);
  if ((doc = cf_document_load_file (path, self->password, cancellable, error)) == NULL)
    return NULL;
  return cf_pipeline_prepare (self, doc);
}

CfCorrectionSession *
cf_pipeline_open_bytes (CfPipeline *self, GBytes *bytes, const char *name,
                        GCancellable *cancellable, GError **error)
{
  g_autoptr (CfDocument) doc = NULL;

  g_return_val_if_fail (CF_IS_PIPELINE (self), NULL);
  if ((doc = cf_document_load_bytes (bytes, name, self->password, cancellable, error)) == NULL)
    return NULL;
  return cf_pipeline_prepare (self, doc);
}
