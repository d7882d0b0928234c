/* cf-pipeline.h: a report from its file to what the analyst sees
 *
 * The one way a report is opened, by the CLI, the batch and the app alike:
 * load it, replay the work saved for it (structure edits, then corrections),
 * let the caller add more (the CLI's --corrections file), audit it, and read
 * the verdicts on its findings. The result is a CfCorrectionSession: the
 * audited document with its history and review.
 *
 * The saved work is a help, never a condition: when the database cannot be
 * opened or read, the report is still opened and audited, without it, and
 * the session says why (cf_correction_session_get_store_error()).
 */
#pragma once

#include "cf-correction-session.h"

G_BEGIN_DECLS

typedef enum
{
  CF_PIPELINE_IGNORE_SAVED_WORK, /* nothing read, nothing saved */
  CF_PIPELINE_READ_SAVED_WORK,   /* read-only (the CLI, the batch): never created */
  CF_PIPELINE_SAVE_WORK,         /* the app: opened for writing, edits are saved */
} CfPipelineMode;

/* Called with the restored document's session just before its audit. */
typedef void (*CfPipelineHook) (CfCorrectionSession *session,
                                gpointer             user_data);

#define CF_TYPE_PIPELINE (cf_pipeline_get_type ())
G_DECLARE_FINAL_TYPE (CfPipeline, cf_pipeline, CF, PIPELINE, GObject)

/* The database is the default one (cf_store_default_path()), opened on first
 * use and kept for the pipeline's life. */
CfPipeline          *cf_pipeline_new              (CfPipelineMode  mode);
/* Password of encrypted PDFs. */
void                 cf_pipeline_set_password     (CfPipeline     *self,
                                                   const char     *password);
void                 cf_pipeline_set_before_audit (CfPipeline     *self,
                                                   CfPipelineHook  hook,
                                                   gpointer        user_data);
/* How long a named pipe given as a file may stay silent before it is given
 * up on (default 10 s): a pipe nobody writes to never blocks the others. */
void                 cf_pipeline_set_input_timeout (CfPipeline   *self,
                                                    guint         seconds);
/* The database (opened now if it was not yet), or NULL: none was ever made
 * (read-only), the mode ignores it, or it cannot be opened (@error set). */
CfStore             *cf_pipeline_get_store        (CfPipeline     *self,
                                                   GError        **error);

/* Reads @path and takes it through the pipeline. NULL (@error names the
 * file) only when the report itself cannot be read. */
CfCorrectionSession *cf_pipeline_open_file        (CfPipeline     *self,
                                                   const char     *path,
                                                   GCancellable   *cancellable,
                                                   GError        **error);
/* The same for bytes read elsewhere (@name names them in messages). */
CfCorrectionSession *cf_pipeline_open_bytes       (CfPipeline     *self,
                                                   GBytes         *bytes,
                                                   const char     *name,
                                                   GCancellable   *cancellable,
                                                   GError        **error);
/* The steps after loading, for a document read already: saved work, the
 * hook, the audit. Never fails. */
CfCorrectionSession *cf_pipeline_prepare          (CfPipeline     *self,
                                                   CfDocument     *doc);

G_END_DECLS
