/* cf-batch.c: many reports read and audited in the background
 *
 * Threads: the pool's workers only load, correct and audit their own document
 * (safe per document; the form registry is shared read-only and the OpenCC
 * cache has its own lock), each with its own read-only connection to the
 * corrections database, opened and closed around the one document. Every change a widget can see, the entry's fields
 * and the list model, happens on the batch's main context, in drain_news().
 * A job holds a ref on the batch that is dropped on that context too, so the
 * batch is never finalized on a worker (which would then wait for itself).
 */
#include "config.h"

#include <string.h>
#include <glib/gi18n-lib.h>
#include <sys/resource.h>
#include <unistd.h>

#include "cf-audit.h"
#include "cf-pipeline.h"
#include "cf-batch-private.h"
#include "cf-store.h"
#include "cf-error.h"
#include "cf-export.h"
#include "cf-loader.h"

/* Two workers: the machine's cores are shared with the UI thread. */
#define CF_BATCH_N_THREADS 2

/* ------------------------------------------------------------------ batch */

struct _CfBatch
{
  GObject       parent_instance;

  GMainContext *context;
  GThreadPool  *pool;
  GListStore   *entries;
  GHashTable   *paths;       /* canonical path -> its entry (the store holds it) */
  GCancellable *cancellable; /* of the current run */
  guint         n_processed;
  guint         n_pending;   /* jobs submitted and not yet delivered */

  /* Workers' news for the main context: Job (done) or Job with started set. */
  GMutex        news_lock;
  GQueue        news;
  gboolean      drain_scheduled;
  gint64        last_drain;  /* when news last ran out, monotonic µs */
};

G_DEFINE_FINAL_TYPE (CfBatch, cf_batch, G_TYPE_OBJECT)

enum
{
  SIGNAL_DOCUMENT_DONE,
  SIGNAL_PROGRESS,
  SIGNAL_FINISHED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

typedef struct
{
  CfBatch      *batch;  /* a ref, dropped on the batch's context */
  CfBatchEntry *entry;
  GCancellable *cancellable;
  CfDocument   *document;
  CfReview     *review;
  guint         n_restored;
  guint         n_stale;
  char         *work_digest;
  GError       *error;
} Job;

/* One piece of news: a job's result, or that an entry started. */
typedef struct
{
  Job          *job;     /* NULL for "started" */
  CfBatchEntry *started;
} News;

static void
job_free (Job *job)
{
  g_object_unref (job->batch);
  g_object_unref (job->entry);
  g_object_unref (job->cancellable);
  g_clear_object (&job->document);
  g_clear_object (&job->review);
  g_free (job->work_digest);
  g_clear_error (&job->error);
  g_free (job);
}

static void
cf_batch_dispose (GObject *object)
{
  CfBatch *self = CF_BATCH (object);

  /* No job is left (each holds a ref), so the pool frees at once. */
  if (self->pool != NULL)
    {
      g_thread_pool_free (self->pool, TRUE, TRUE);
      self->pool = NULL;
    }
  g_clear_object (&self->cancellable);
  G_OBJECT_CLASS (cf_batch_parent_class)->dispose (object);
}

static void
cf_batch_finalize (GObject *object)
{
  CfBatch *self = CF_BATCH (object);

  g_clear_object (&self->entries);
  g_clear_pointer (&self->paths, g_hash_table_unref);
  g_mutex_clear (&self->news_lock);
  g_clear_pointer (&self->context, g_main_context_unref);
  G_OBJECT_CLASS (cf_batch_parent_class)->finalize (object);
}

static void
cf_batch_class_init (CfBatchClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = cf_batch_dispose;
  object_class->finalize = cf_batch_finalize;

  /* An entry's results arrived (done or failed). */
  signals[SIGNAL_DOCUMENT_DONE] = g_signal_new ("document-done", G_TYPE_FROM_CLASS (klass),
                                                G_SIGNAL_RUN_LAST, 0, NULL, NULL, NULL,
                                                G_TYPE_NONE, 1, CF_TYPE_BATCH_ENTRY);
  /* (processed, total) */
  signals[SIGNAL_PROGRESS] = g_signal_new ("progress", G_TYPE_FROM_CLASS (klass),
                                           G_SIGNAL_RUN_LAST, 0, NULL, NULL, NULL,
                                           G_TYPE_NONE, 2, G_TYPE_UINT, G_TYPE_UINT);
  /* Every queued file was processed and the rules across years ran. */
  signals[SIGNAL_FINISHED] = g_signal_new ("finished", G_TYPE_FROM_CLASS (klass),
                                           G_SIGNAL_RUN_LAST, 0, NULL, NULL, NULL,
                                           G_TYPE_NONE, 0);
}

static void run_job (gpointer data, gpointer user_data);

static void
cf_batch_init (CfBatch *self)
{
  self->context = g_main_context_ref_thread_default ();
  self->entries = g_list_store_new (CF_TYPE_BATCH_ENTRY);
  self->paths = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  g_mutex_init (&self->news_lock);
  g_queue_init (&self->news);
  /* Its own threads (their priority is lowered); they start on first use. */
  self->pool = g_thread_pool_new (run_job, NULL, CF_BATCH_N_THREADS, TRUE, NULL);
}

CfBatch *
cf_batch_new (void)
{
  return g_object_new (CF_TYPE_BATCH, NULL);
}

/* Tells the model (and so sort and filter models) that @entry changed. */
static void
announce_entry_changed (CfBatch *self, CfBatchEntry *entry)
{
  g_list_model_items_changed (G_LIST_MODEL (self->entries), entry->position, 1, 1);
}

/* Runs cf_audit_batch over every loaded document. The rules across years add
 * findings without clearing any, so the ones a previous run added (they name
 * a related document) are taken out first. */
static void
run_rules_across_years (CfBatch *self)
{
  g_autoptr (GPtrArray) documents = g_ptr_array_new ();
  guint n = g_list_model_get_n_items (G_LIST_MODEL (self->entries));

  for (guint i = 0; i < n; i++)
    {
      g_autoptr (CfBatchEntry) entry = g_list_model_get_item (G_LIST_MODEL (self->entries), i);
      GPtrArray *findings;

      if (entry->document == NULL)
        continue;
      findings = cf_document_get_findings (entry->document);
      for (guint f = findings->len; f > 0; f--)
        if (((CfFinding *) g_ptr_array_index (findings, f - 1))->related_document != NULL)
          g_ptr_array_remove_index (findings, f - 1);
      g_ptr_array_add (documents, entry->document);
    }
  if (documents->len > 1)
    cf_audit_batch (documents);

  for (guint i = 0; i < n; i++)
    {
      g_autoptr (CfBatchEntry) entry = g_list_model_get_item (G_LIST_MODEL (self->entries), i);

      if (cf_batch_entry_update_counts (entry))
        g_list_model_items_changed (G_LIST_MODEL (self->entries), i, 1, 1);
    }
}

/* Moves a job's result into its entry (notifying its properties). */
static void
apply_result (CfBatch *self, Job *job)
{
  CfBatchEntry *entry = job->entry;

  g_object_freeze_notify (G_OBJECT (entry));
  if (job->document != NULL)
    {
      entry->document = g_steal_pointer (&job->document);
      entry->review = g_steal_pointer (&job->review);
      entry->n_restored = job->n_restored;
      entry->n_stale = job->n_stale;
      entry->work_digest = g_steal_pointer (&job->work_digest);
      g_object_notify_by_pspec (G_OBJECT (entry), cf_batch_entry_properties[ENTRY_PROP_DOCUMENT]);
      g_object_notify_by_pspec (G_OBJECT (entry), cf_batch_entry_properties[ENTRY_PROP_REVIEW]);
      if (cf_document_get_form (entry->document) != NULL)
        g_object_notify_by_pspec (G_OBJECT (entry), cf_batch_entry_properties[ENTRY_PROP_FORM]);
      cf_batch_entry_update_counts (entry);
      cf_batch_entry_set_state (entry, CF_BATCH_STATE_DONE);
    }
  else
    {
      entry->error = g_steal_pointer (&job->error);
      cf_batch_entry_set_state (entry, CF_BATCH_STATE_FAILED);
    }
  g_object_thaw_notify (G_OBJECT (entry));
  self->n_processed++;
  self->n_pending--;
}

/* How long one dispatch may take in news before it announces them and lets
 * the frame clock and input run. */
#define DRAIN_BUDGET_USEC 4000

static int
compare_positions (gconstpointer a, gconstpointer b)
{
  guint x = (*(CfBatchEntry *const *) a)->position;
  guint y = (*(CfBatchEntry *const *) b)->position;

  return x < y ? -1 : x > y;
}

/* Announces the entries of @changed (sorted by position, no repeats) with one
 * items-changed per run of neighbours. Not one change over the whole span:
 * a sort model re-sorts, and a list re-binds, every item a change covers. */
static void
announce_entries_changed (CfBatch *self, GPtrArray *changed)
{
  guint i = 0;

  while (i < changed->len)
    {
      guint first = ((CfBatchEntry *) g_ptr_array_index (changed, i))->position;
      guint n = 1;

      while (i + n < changed->len
             && ((CfBatchEntry *) g_ptr_array_index (changed, i + n))->position == first + n)
        n++;
      g_list_model_items_changed (G_LIST_MODEL (self->entries), first, n, n);
      i += n;
    }
}

/* On the batch's context: takes in the workers' news, for a few milliseconds
 * at most, then announces what changed, so a burst of results costs the list
 * one round of re-sorting and re-binding. */
static gboolean
drain_news (gpointer data)
{
  CfBatch *self = data;
  g_autoptr (GPtrArray) delivered = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr (GPtrArray) changed = g_ptr_array_new_with_free_func (g_object_unref);
  gint64 deadline = g_get_monotonic_time () + DRAIN_BUDGET_USEC;
  gboolean more = TRUE;

  while (g_get_monotonic_time () < deadline)
    {
      News *news;
      CfBatchEntry *entry = NULL;

      g_mutex_lock (&self->news_lock);
      news = g_queue_pop_head (&self->news);
      if (news == NULL)
        {
          self->drain_scheduled = FALSE;
          self->last_drain = g_get_monotonic_time ();
          more = FALSE;
        }
      g_mutex_unlock (&self->news_lock);
      if (news == NULL)
        break;

      if (news->job != NULL)
        {
          entry = news->job->entry;
          apply_result (self, news->job);
          g_ptr_array_add (delivered, g_object_ref (entry));
        }
      /* A start whose result is in already is old news. */
      else if (news->started->state == CF_BATCH_STATE_QUEUED)
        {
          entry = news->started;
          cf_batch_entry_set_state (entry, CF_BATCH_STATE_RUNNING);
        }
      /* The state is a column the list can sort by: a start is a change too. */
      if (entry != NULL && !g_ptr_array_find (changed, entry, NULL))
        g_ptr_array_add (changed, g_object_ref (entry));
      if (news->job != NULL)
        job_free (news->job);
      g_clear_object (&news->started);
      g_free (news);
    }

  g_ptr_array_sort (changed, compare_positions);
  announce_entries_changed (self, changed);
  if (delivered->len > 0)
    {
      guint n_total = g_list_model_get_n_items (G_LIST_MODEL (self->entries));

      for (guint i = 0; i < delivered->len; i++)
        g_signal_emit (self, signals[SIGNAL_DOCUMENT_DONE], 0, g_ptr_array_index (delivered, i));
      g_signal_emit (self, signals[SIGNAL_PROGRESS], 0, self->n_processed, n_total);
      if (self->n_pending == 0)
        {
          run_rules_across_years (self);
          g_signal_emit (self, signals[SIGNAL_FINISHED], 0);
        }
    }
  return more ? G_SOURCE_CONTINUE : G_SOURCE_REMOVE;
}

/* News is taken in at most this often: a list that changes ten times a
 * second looks live, and every change costs the window a layout and a redraw
 * (a whole-window one, with software GL), however few rows it touched. */
#define DRAIN_INTERVAL_USEC (100 * 1000)

/* From a worker: queues @news and makes sure a drain is coming, right away
 * when the last one is long enough ago, else when it will be. */
static void
post_news (CfBatch *self, News *news)
{
  g_mutex_lock (&self->news_lock);
  g_queue_push_tail (&self->news, news);
  if (!self->drain_scheduled)
    {
      gint64 wait = self->last_drain + DRAIN_INTERVAL_USEC - g_get_monotonic_time ();
      g_autoptr (GSource) source = wait > 0 ? g_timeout_source_new (wait / 1000 + 1)
                                            : g_idle_source_new ();

      self->drain_scheduled = TRUE;
      /* Below redraws and input. The source keeps the batch alive. */
      g_source_set_priority (source, G_PRIORITY_DEFAULT_IDLE);
      g_source_set_callback (source, drain_news, g_object_ref (self), g_object_unref);
      g_source_set_static_name (source, "[crossfoot] batch results");
      g_source_attach (source, self->context);
    }
  g_mutex_unlock (&self->news_lock);
}

/* Background work yields to the window: on a machine with two cores, two
 * workers at the same priority would leave the UI thread (and the display
 * server) waiting for a core. Linux gives each thread its own nice value. */
static void
lower_thread_priority (void)
{
  static _Thread_local gboolean lowered;

  if (lowered)
    return;
  lowered = TRUE;
#ifdef __linux__
  setpriority (PRIO_PROCESS, (id_t) gettid (), 10);
#endif
}

/* On a worker: the pipeline every report goes through (load, the saved
 * structure edits and corrections, audit, verdicts), as the CLI and the app
 * do, so the inbox counts what the window shows. The database connection is
 * this worker's own, read-only (none is created) and closed before
 * returning: the entry keeps a copy of the verdicts, not a connection. */
static void
open_report (Job *job)
{
  g_autoptr (CfPipeline) pipeline = cf_pipeline_new (CF_PIPELINE_READ_SAVED_WORK);
  g_autoptr (CfCorrectionSession) session = NULL;
  CfDocument *doc;
  const char *sha256;

  session = cf_pipeline_open_file (pipeline, job->entry->path, job->cancellable, &job->error);
  if (session == NULL)
    return;
  doc = cf_correction_session_get_document (session);
  sha256 = cf_document_get_sha256 (doc);
  /* The app's database unreadable: the report is still audited, as
   * extracted; what its saved work is stays unknown (no digest). */
  if (cf_correction_session_get_store_error (session) != NULL)
    sha256 = NULL;
  job->document = g_object_ref (doc);
  job->review = cf_review_copy_in_memory (cf_correction_session_get_review (session));
  job->n_restored = cf_correction_session_get_n_applied (session);
  job->n_stale = cf_correction_session_get_n_stale (session);
  job->work_digest = sha256 != NULL
                       ? cf_store_work_digest (cf_correction_session_get_store (session), sha256)
                       : NULL;
}

/* On a worker thread: touches only the job's own document. */
static void
run_job (gpointer data, gpointer user_data)
{
  Job *job = data;

  lower_thread_priority ();

  if (g_cancellable_is_cancelled (job->cancellable))
    {
      g_set_error (&job->error, G_IO_ERROR, G_IO_ERROR_CANCELLED, _("%s: cancelled"),
                   job->entry->name);
    }
  else
    {
      News *started = g_new0 (News, 1);

      started->started = g_object_ref (job->entry);
      post_news (job->batch, started);

      open_report (job);
      /* The loader may wrap the cancellation in a read error: say what happened. */
      if (job->document == NULL && g_cancellable_is_cancelled (job->cancellable))
        {
          g_clear_error (&job->error);
          g_set_error (&job->error, G_IO_ERROR, G_IO_ERROR_CANCELLED, _("%s: cancelled"),
                       job->entry->name);
        }
      if (job->document == NULL && job->error == NULL)
        g_set_error (&job->error, CF_ERROR, CF_ERROR_IO, _("%s: could not be read"),
                     job->entry->name);
    }
  {
    News *done = g_new0 (News, 1);

    done->job = job;
    post_news (job->batch, done);
  }
}

/* Makes entries for the @paths not in the batch yet, appends them to the
 * model in one change and queues their jobs. Returns the new entries. */
static GPtrArray *
add_paths (CfBatch *self, const char *const *paths, guint n_paths)
{
  g_autoptr (GPtrArray) entries = g_ptr_array_new_with_free_func (g_object_unref);
  guint first = g_list_model_get_n_items (G_LIST_MODEL (self->entries));

  for (guint i = 0; i < n_paths; i++)
    {
      g_autofree char *canonical = g_canonicalize_filename (paths[i], NULL);
      CfBatchEntry *entry;

      if (g_hash_table_contains (self->paths, canonical))
        continue;
      entry = cf_batch_entry_new (paths[i]);
      g_hash_table_insert (self->paths, g_steal_pointer (&canonical), entry);
      entry->position = first + entries->len;
      g_ptr_array_add (entries, entry);
    }
  if (entries->len == 0)
    return g_steal_pointer (&entries);

  /* A cancelled run is over: new files start a new one. */
  if (self->cancellable == NULL || g_cancellable_is_cancelled (self->cancellable))
    {
      g_clear_object (&self->cancellable);
      self->cancellable = g_cancellable_new ();
    }

  /* One items-changed for a whole folder: a list shows it in one go. */
  g_list_store_splice (self->entries, first, 0, entries->pdata, entries->len);

  for (guint i = 0; i < entries->len; i++)
    {
      Job *job = g_new0 (Job, 1);

      job->batch = g_object_ref (self);
      job->entry = g_object_ref (g_ptr_array_index (entries, i));
      job->cancellable = g_object_ref (self->cancellable);
      self->n_pending++;
      g_thread_pool_push (self->pool, job, NULL);
    }
  g_signal_emit (self, signals[SIGNAL_PROGRESS], 0, self->n_processed,
                 g_list_model_get_n_items (G_LIST_MODEL (self->entries)));
  return g_steal_pointer (&entries);
}

CfBatchEntry *
cf_batch_add_file (CfBatch *self, const char *path)
{
  g_autoptr (GPtrArray) added = NULL;

  g_return_val_if_fail (CF_IS_BATCH (self), NULL);
  g_return_val_if_fail (path != NULL, NULL);

  added = add_paths (self, &path, 1);
  /* The store holds the entry. */
  return added->len > 0 ? g_ptr_array_index (added, 0) : NULL;
}

gboolean
cf_batch_is_report_name (const char *name)
{
  static const char *const extensions[] = { ".pdf", ".txt", ".htm", ".html" };
  g_autofree char *folded = NULL;
  g_autofree char *type = NULL;

  if (name == NULL || name[0] == '.')
    return FALSE;
  folded = g_utf8_casefold (name, -1);
  for (gsize i = 0; i < G_N_ELEMENTS (extensions); i++)
    if (g_str_has_suffix (folded, extensions[i]))
      return TRUE;
  /* Other text reports (".text", ".utf8"…), by the shared MIME database;
   * CSV files (our own exports, often saved next to the reports) are not. */
  type = g_content_type_guess (name, NULL, 0, NULL);
  return g_content_type_equals (type, "text/plain");
}

static int
compare_names (gconstpointer a, gconstpointer b)
{
  return g_utf8_collate (*(const char *const *) a, *(const char *const *) b);
}

/* Appends to @files (sorted by name) the reports of @dir, and to @subdirs its folders. */
static gboolean
list_folder (const char *dir, GPtrArray *files, GPtrArray *subdirs, GError **error)
{
  g_autoptr (GFile) folder = g_file_new_for_path (dir);
  g_autoptr (GFileEnumerator) children = NULL;
  g_autoptr (GPtrArray) found = g_ptr_array_new_with_free_func (g_free);
  g_autoptr (GError) local_error = NULL;
  GFileInfo *info;

  children = g_file_enumerate_children (folder,
                                        G_FILE_ATTRIBUTE_STANDARD_NAME ","
                                        G_FILE_ATTRIBUTE_STANDARD_TYPE ","
                                        G_FILE_ATTRIBUTE_STANDARD_IS_HIDDEN,
                                        G_FILE_QUERY_INFO_NONE, NULL, error);
  if (children == NULL)
    return FALSE;

  while ((info = g_file_enumerator_next_file (children, NULL, &local_error)) != NULL)
    {
      const char *name = g_file_info_get_name (info);
      GFileType type = g_file_info_get_file_type (info);

      if (!g_file_info_get_is_hidden (info))
        {
          if (type == G_FILE_TYPE_DIRECTORY && subdirs != NULL)
            g_ptr_array_add (subdirs, g_build_filename (dir, name, NULL));
          else if (type == G_FILE_TYPE_REGULAR && cf_batch_is_report_name (name))
            g_ptr_array_add (found, g_build_filename (dir, name, NULL));
        }
      g_object_unref (info);
    }
  if (local_error != NULL)
    {
      g_propagate_error (error, g_steal_pointer (&local_error));
      return FALSE;
    }

  g_ptr_array_sort (found, compare_names);
  for (guint i = 0; i < found->len; i++)
    g_ptr_array_add (files, g_steal_pointer (&g_ptr_array_index (found, i)));
  if (subdirs != NULL)
    g_ptr_array_sort (subdirs, compare_names);
  return TRUE;
}

int
cf_batch_add_folder (CfBatch *self, const char *path, GError **error)
{
  g_autoptr (GPtrArray) files = g_ptr_array_new_with_free_func (g_free);
  g_autoptr (GPtrArray) subdirs = g_ptr_array_new_with_free_func (g_free);
  g_autoptr (GPtrArray) added = NULL;

  g_return_val_if_fail (CF_IS_BATCH (self), -1);
  g_return_val_if_fail (path != NULL, -1);

  if (!list_folder (path, files, subdirs, error))
    return -1;
  /* One level down only; an unreadable subfolder is skipped, not fatal. */
  for (guint i = 0; i < subdirs->len; i++)
    list_folder (g_ptr_array_index (subdirs, i), files, NULL, NULL);

  added = add_paths (self, (const char *const *) files->pdata, files->len);
  return (int) added->len;
}

void
cf_batch_cancel (CfBatch *self)
{
  g_return_if_fail (CF_IS_BATCH (self));
  if (self->cancellable != NULL)
    g_cancellable_cancel (self->cancellable);
}

gboolean
cf_batch_is_running (CfBatch *self)
{
  g_return_val_if_fail (CF_IS_BATCH (self), FALSE);
  return self->n_pending > 0;
}

GListModel *
cf_batch_get_model (CfBatch *self)
{
  g_return_val_if_fail (CF_IS_BATCH (self), NULL);
  return G_LIST_MODEL (self->entries);
}

guint
cf_batch_get_n_total (CfBatch *self)
{
  g_return_val_if_fail (CF_IS_BATCH (self), 0);
  return g_list_model_get_n_items (G_LIST_MODEL (self->entries));
}

guint
cf_batch_get_n_processed (CfBatch *self)
{
  g_return_val_if_fail (CF_IS_BATCH (self), 0);
  return self->n_processed;
}

void
cf_batch_refresh_entry (CfBatch *self, CfBatchEntry *entry)
{
  g_return_if_fail (CF_IS_BATCH (self));
  g_return_if_fail (CF_IS_BATCH_ENTRY (entry));

  if (cf_batch_entry_update_counts (entry))
    announce_entry_changed (self, entry);
}

void
cf_batch_update_entry (CfBatch *self, CfBatchEntry *entry, CfDocument *document,
                       CfReview *review, CfStore *store)
{
  gboolean changed = FALSE;

  g_return_if_fail (CF_IS_BATCH (self));
  g_return_if_fail (CF_IS_BATCH_ENTRY (entry));
  g_return_if_fail (CF_IS_DOCUMENT (document));
  g_return_if_fail (review == NULL || CF_IS_REVIEW (review));

  /* A document still being audited gets its result soon: that one wins. */
  if (entry->state != CF_BATCH_STATE_DONE)
    return;

  g_object_freeze_notify (G_OBJECT (entry));
  if (entry->document != document)
    {
      /* A copy: the old document may go with the reference dropped below. */
      g_autofree char *old_form = g_strdup (cf_document_get_form (entry->document));

      g_set_object (&entry->document, document);
      g_object_notify_by_pspec (G_OBJECT (entry), cf_batch_entry_properties[ENTRY_PROP_DOCUMENT]);
      if (g_strcmp0 (old_form, cf_document_get_form (document)) != 0)
        g_object_notify_by_pspec (G_OBJECT (entry), cf_batch_entry_properties[ENTRY_PROP_FORM]);
      changed = TRUE;
    }
  if (review != NULL)
    {
      /* A copy: the window's review holds a database connection and changes. */
      g_clear_object (&entry->review);
      entry->review = cf_review_copy_in_memory (review);
      g_object_notify_by_pspec (G_OBJECT (entry), cf_batch_entry_properties[ENTRY_PROP_REVIEW]);
    }
  /* The window saves every step as it makes it: the document holds what the
   * database holds now. Without the database, nothing is known. */
  g_free (entry->work_digest);
  entry->work_digest = store != NULL
                         ? cf_store_work_digest (store, cf_document_get_sha256 (document)) : NULL;
  changed |= cf_batch_entry_update_counts (entry);
  g_object_thaw_notify (G_OBJECT (entry));
  if (changed)
    announce_entry_changed (self, entry);
}

CfBatchEntry *
cf_batch_find_entry (CfBatch *self, const char *path)
{
  g_autofree char *canonical = NULL;

  g_return_val_if_fail (CF_IS_BATCH (self), NULL);
  if (path == NULL)
    return NULL;
  canonical = g_canonicalize_filename (path, NULL);
  return g_hash_table_lookup (self->paths, canonical);
}

typedef void (*AppendCsv) (GString *out, CfDocument *doc, CfReview *review, const char *base_dir,
                           gboolean with_header);

/* The folder every document of the batch lies in (the folder it was opened
 * from, or the deepest one the chosen files share), or NULL. */
static char *
common_folder (CfBatch *self)
{
  guint n = g_list_model_get_n_items (G_LIST_MODEL (self->entries));
  char *common = NULL;

  for (guint i = 0; i < n; i++)
    {
      g_autoptr (CfBatchEntry) entry = g_list_model_get_item (G_LIST_MODEL (self->entries), i);
      g_autofree char *full = NULL;
      g_autofree char *dir = NULL;

      if (entry->path == NULL)
        continue;
      full = g_canonicalize_filename (entry->path, NULL);
      dir = g_path_get_dirname (full);
      if (common == NULL)
        {
          common = g_steal_pointer (&dir);
          continue;
        }
      /* Up from the common folder until @full lies under it. */
      while (!(g_str_has_prefix (full, common) && full[strlen (common)] == G_DIR_SEPARATOR)
             && strcmp (common, "/") != 0)
        {
          char *up = g_path_get_dirname (common);

          g_free (common);
          common = up;
        }
    }
  return common;
}

static gboolean
write_csv (CfBatch *self, const char *path, AppendCsv append, gboolean recognised_only,
           GError **error)
{
  g_autoptr (GString) out = g_string_new (NULL);
  guint n = g_list_model_get_n_items (G_LIST_MODEL (self->entries));
  g_autofree char *base_dir = common_folder (self);

  append (out, NULL, NULL, NULL, TRUE);
  for (guint i = 0; i < n; i++)
    {
      g_autoptr (CfBatchEntry) entry = g_list_model_get_item (G_LIST_MODEL (self->entries), i);

      if (entry->document == NULL
          || (recognised_only && cf_document_get_form (entry->document) == NULL))
        continue;
      append (out, entry->document, entry->review, base_dir, FALSE);
    }
  return cf_csv_write_file (path, out->str, CF_CSV_UTF8, error);
}

gboolean
cf_batch_write_long_csv (CfBatch *self, const char *path, GError **error)
{
  g_return_val_if_fail (CF_IS_BATCH (self), FALSE);
  /* The cells carry the analyst's corrections already; the review adds the
   * findings' states and the right figures where the report is wrong. */
  return write_csv (self, path, cf_csv_append_long_in_batch, TRUE, error);
}

gboolean
cf_batch_write_findings_csv (CfBatch *self, const char *path, GError **error)
{
  g_return_val_if_fail (CF_IS_BATCH (self), FALSE);
  return write_csv (self, path, cf_csv_append_findings_in_batch, FALSE, error);
}
