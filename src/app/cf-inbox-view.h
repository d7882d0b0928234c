/* cf-inbox-view.h: the batch inbox, every document of a batch in one list
 *
 * A GtkColumnView over a CfBatch: document, form, open errors, warnings and
 * review state, sorted by open errors (most first), filling in as the batch
 * works in the background, with a progress bar while it does. Activating a
 * row (a click, Enter) emits "open-document". Two buttons export the batch:
 * one long CSV of canonical cells, one CSV of findings. Reports of one body
 * are paired by year: "Compare Years" emits "open-comparison" for the
 * selected report and its pair.
 */
#pragma once

#include <adwaita.h>

#include "cf-batch.h"
#include "cf-comparison.h"

G_BEGIN_DECLS

typedef enum
{
  CF_INBOX_COLUMN_DOCUMENT,
  CF_INBOX_COLUMN_FORM,
  CF_INBOX_COLUMN_ERRORS,
  CF_INBOX_COLUMN_WARNINGS,
  CF_INBOX_COLUMN_STATE,
  CF_INBOX_N_COLUMNS
} CfInboxColumn;

#define CF_TYPE_INBOX_VIEW (cf_inbox_view_get_type ())
G_DECLARE_FINAL_TYPE (CfInboxView, cf_inbox_view, CF, INBOX_VIEW, AdwBin)

GtkWidget     *cf_inbox_view_new             (void);
/* Shows @batch (adds a ref); NULL empties the list. */
void           cf_inbox_view_set_batch       (CfInboxView   *self,
                                              CfBatch       *batch);
CfBatch       *cf_inbox_view_get_batch       (CfInboxView   *self);
/* Makes a new batch of @path's reports and shows it. */
gboolean       cf_inbox_view_open_folder     (CfInboxView   *self,
                                              const char    *path,
                                              GError       **error);

GtkColumnView *cf_inbox_view_get_column_view (CfInboxView   *self);
/* The entries in the order shown (a GListModel of CfBatchEntry). */
GListModel    *cf_inbox_view_get_model       (CfInboxView   *self);
/* "12 of 200 audited" while the batch works, else NULL. */
const char    *cf_inbox_view_get_progress_text (CfInboxView *self);
/* The label showing @column of the row at @position while it is on screen. */
GtkWidget     *cf_inbox_view_get_cell_widget (CfInboxView   *self,
                                              guint          position,
                                              CfInboxColumn  column);
/* Emits "open-document" for the row at @position if its document is loaded. */
gboolean       cf_inbox_view_activate_row    (CfInboxView   *self,
                                              guint          position);

/* Pairs the report of the row at @position with the report of the same
 * body for the year before (else the year after) and emits
 * "open-comparison" with their CfComparison. FALSE (and a toast saying
 * why) when the row has no such pair. */
gboolean       cf_inbox_view_compare_row     (CfInboxView   *self,
                                              guint          position);

G_END_DECLS
