/* cf-pipeline.c: load, restore saved work, audit, review */
#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <poll.h>
#include <sys/stat.h>
#include <unistd.h>
#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>

#include "cf-audit.h"
#include "cf-error.h"
#include "cf-loader.h"
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
  GError         *store_notice; /* what the user must know of it (recovered, read-only) */
  gboolean        store_tried;
  guint           input_timeout; /* seconds a pipe may stay silent */
};

/* A pipe may be silent this long before it is given up on. */
#define DEFAULT_INPUT_TIMEOUT 10

G_DEFINE_FINAL_TYPE (CfPipeline, cf_pipeline, G_TYPE_OBJECT)

static void
cf_pipeline_finalize (GObject *object)
{
  CfPipeline *self = CF_PIPELINE (object);

  g_free (self->password);
  g_clear_object (&self->store);
  g_clear_error (&self->store_error);
  g_clear_error (&self->store_notice);
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
  self->input_timeout = DEFAULT_INPUT_TIMEOUT;
  return self;
}

void
cf_pipeline_set_input_timeout (CfPipeline *self, guint seconds)
{
  g_return_if_fail (CF_IS_PIPELINE (self));
  self->input_timeout = seconds;
}

/* Reads a named pipe (or another file that is not a regular one) without
 * ever blocking on it: opened non-blocking, so a pipe nobody writes to does
 * not stop the open, then read as data comes, giving up when nothing comes
 * for @timeout seconds. */
static GBytes *
read_special_file (const char *path, guint timeout, GCancellable *cancellable, GError **error)
{
  g_autofree char *name = g_path_get_basename (path);
  g_autoptr (GByteArray) data = g_byte_array_new ();
  int fd = g_open (path, O_RDONLY | O_NONBLOCK | O_CLOEXEC, 0);
  gboolean writer_seen = FALSE;

  if (fd < 0)
    {
      int saved = errno;
      g_set_error (error, CF_ERROR, CF_ERROR_IO, _("%s: cannot be read (%s)"), name,
                   g_strerror (saved));
      return NULL;
    }
  for (;;)
    {
      struct pollfd pfd = { fd, POLLIN, 0 };
      guint8 buffer[65536];
      gssize n;
      int ready;

      if (g_cancellable_set_error_if_cancelled (cancellable, error))
        break;
      ready = poll (&pfd, 1, (int) timeout * 1000);
      if (ready < 0 && errno == EINTR)
        continue;
      if (ready == 0)
        {
          g_set_error (error, CF_ERROR, CF_ERROR_IO,
                       writer_seen ? _("%s: the pipe stopped sending (nothing for %u s)")
                                   : _("%s: nothing to read (a pipe that nobody writes to; gave up after %u s)"),
                       name, timeout);
          break;
        }
      n = read (fd, buffer, sizeof buffer);
      if (n < 0 && (errno == EAGAIN || errno == EINTR))
        continue;
      if (n < 0)
        {
          int saved = errno;
          g_set_error (error, CF_ERROR, CF_ERROR_IO, _("%s: cannot be read (%s)"), name,
                       g_strerror (saved));
          break;
        }
      if (n == 0)
        {
          close (fd);
          return g_byte_array_free_to_bytes (g_steal_pointer (&data));
        }
      writer_seen = TRUE;
      g_byte_array_append (data, buffer, (guint) n);
    }
  close (fd);
  return NULL;
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

/* The app's database: a damaged one is replaced (cf_store_open keeps it
 * aside and recovers it: the user is told); one that cannot be written (a
 * read-only folder, a full disk on creating it) is still read, and the user
 * is told that new edits stay in the window only. */
static void
open_for_saving (CfPipeline *self)
{
  g_autoptr (CfStore) read_only = NULL;

  if ((self->store = cf_store_open (NULL, &self->store_error)) != NULL)
    {
      if (cf_store_get_recovery_note (self->store) != NULL)
        self->store_notice = g_error_new_literal (CF_ERROR, CF_ERROR_IO,
                                                  cf_store_get_recovery_note (self->store));
      return;
    }
  if ((read_only = cf_store_open_read_only (NULL, NULL)) == NULL)
    return;
  self->store_notice = g_error_new (CF_ERROR, CF_ERROR_IO,
                                    _("%s. Saved corrections are shown, but new edits cannot be "
                                      "saved there: they stay in this window until it closes "
                                      "(export the corrected tables to keep them)."),
                                    self->store_error->message);
  g_clear_error (&self->store_error);
  self->store = g_steal_pointer (&read_only);
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
        open_for_saving (self);
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
  else if (self->store_notice != NULL)
    cf_correction_session_set_store_error (session, self->store_notice);
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

  GStatBuf st;

  g_return_val_if_fail (CF_IS_PIPELINE (self), NULL);
  if (g_strcmp0 (path, "-") != 0 && g_stat (path, &st) == 0 && !S_ISREG (st.st_mode)
      && !S_ISDIR (st.st_mode))
    {
      g_autoptr (GBytes) bytes = read_special_file (path, self->input_timeout, cancellable, error);

      if (bytes == NULL)
        return NULL;
      return cf_pipeline_open_bytes (self, bytes, path, cancellable, error);
    }
  if ((doc = cf_loader_load_file (path, self->password, cancellable, error)) == NULL)
    return NULL;
  return cf_pipeline_prepare (self, doc);
}

CfCorrectionSession *
cf_pipeline_open_bytes (CfPipeline *self, GBytes *bytes, const char *name,
                        GCancellable *cancellable, GError **error)
{
  g_autoptr (CfDocument) doc = NULL;

  g_return_val_if_fail (CF_IS_PIPELINE (self), NULL);
  if ((doc = cf_loader_load_bytes (bytes, name, self->password, cancellable, error)) == NULL)
    return NULL;
  return cf_pipeline_prepare (self, doc);
}
