/* cf-batch-private.h: what cf-batch.c and cf-batch-entry.c share */
#pragma once

#include "cf-batch.h"

G_BEGIN_DECLS

struct _CfBatchEntry
{
  GObject       parent_instance;

  char         *path;
  char         *name;
  CfBatchState  state;
  CfDocument   *document;
  GError       *error;
  CfReview     *review;    /* in memory: the verdicts saved for the document */
  guint         n_restored; /* saved corrections and table edits applied */
  guint         n_stale;    /* those that no longer fit */
  char         *work_digest; /* of the saved work the document holds, or NULL: unknown */
  guint         n_errors;
  guint         n_open_errors;
  guint         n_warnings;
  guint         n_open_warnings;
  guint         n_infos;
  guint         n_accepted;
  guint         n_tables;
  guint         n_tables_reviewed;
  guint         position;  /* in the batch's model, which only grows */
};

enum
{
  ENTRY_PROP_0,
  ENTRY_PROP_PATH,
  ENTRY_PROP_NAME,
  ENTRY_PROP_STATE,
  ENTRY_PROP_DOCUMENT,
  ENTRY_PROP_FORM,
  ENTRY_PROP_N_ERRORS,
  ENTRY_PROP_N_OPEN_ERRORS,
  ENTRY_PROP_N_WARNINGS,
  ENTRY_PROP_N_INFOS,
  ENTRY_PROP_N_OPEN_WARNINGS,
  ENTRY_PROP_N_ACCEPTED,
  ENTRY_PROP_N_TABLES,
  ENTRY_PROP_N_TABLES_REVIEWED,
  ENTRY_PROP_REVIEW,
  N_ENTRY_PROPS
};

extern GParamSpec *cf_batch_entry_properties[N_ENTRY_PROPS];

CfBatchEntry *cf_batch_entry_new           (const char   *path);
void          cf_batch_entry_set_state     (CfBatchEntry *self,
                                            CfBatchState  state);
/* Recounts from the document; returns TRUE when a count changed. */
gboolean      cf_batch_entry_update_counts (CfBatchEntry *self);

G_END_DECLS
