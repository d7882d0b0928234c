/* cf-inbox-view.c: the batch inbox, following ../shared/spec/app.md
 *
 * A GtkColumnView over the batch's GListModel, through a GtkSortListModel
 * (open errors, most first, by default) and a GtkSingleSelection. Cells are
 * GtkLabels named "<document>, <column>" in bind. A list item is not rebound
 * when its entry only changes (the entry stays the same object), so each bound
 * label listens to its entry's notify signals until unbind.
 */
#include "config.h"

#include <glib/gi18n.h>

#include "cf-file-dialog.h"
#include "cf-inbox-view.h"

struct _CfInboxView
{
  AdwBin               parent_instance;

  AdwToastOverlay     *toast_overlay;
  GtkLabel            *summary_label;
  GtkButton           *export_long_button;
  GtkButton           *export_findings_button;
  GtkProgressBar      *progress_bar;
  GtkColumnView       *column_view;

  GtkSortListModel    *sort_model;
  GtkSingleSelection  *selection;
  GtkColumnViewColumn *columns[CF_INBOX_N_COLUMNS];

  CfBatch             *batch;
  gulong               progress_handler;
  gulong               finished_handler;
  char                *progress_text;
};

G_DEFINE_FINAL_TYPE (CfInboxView, cf_inbox_view, ADW_TYPE_BIN)

enum
{
  OPEN_DOCUMENT,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

/* What a bound label remembers: its column, its entry and the notify handler. */
#define CELL_COLUMN_KEY  "cf-inbox-column"
#define CELL_ENTRY_KEY   "cf-inbox-entry"
#define CELL_HANDLER_KEY "cf-inbox-handler"

static const char *
column_title (CfInboxColumn column)
{
  switch (column)
    {
    case CF_INBOX_COLUMN_DOCUMENT:
      return _("Document");
    case CF_INBOX_COLUMN_FORM:
      return _("Form");
    case CF_INBOX_COLUMN_ERRORS:
      return _("Errors");
    case CF_INBOX_COLUMN_WARNINGS:
      return _("Warnings");
    case CF_INBOX_COLUMN_STATE:
    case CF_INBOX_N_COLUMNS:
    default:
      return _("State");
    }
}

/* The review state of a loaded document. Review (cf-review.h) is not wired in
 * yet: every document reads "Not reviewed" until it is. */
static const char *
review_state_text (CfBatchEntry *entry)
{
  return _("Not reviewed");
}

static void
set_class (GtkWidget *widget, const char *name, gboolean on)
{
  if (on)
    gtk_widget_add_css_class (widget, name);
  else
    gtk_widget_remove_css_class (widget, name);
}

/* Fills @label with @column of @entry, and names it for screen readers. */
static void
update_cell (GtkWidget *label, CfBatchEntry *entry, CfInboxColumn column)
{
  CfBatchState state = cf_batch_entry_get_state (entry);
  gboolean done = state == CF_BATCH_STATE_DONE;
  const GError *error = cf_batch_entry_get_error (entry);
  g_autofree char *text = NULL;
  g_autofree char *accessible = NULL;
  const char *tooltip = NULL;
  const char *description = "";

  switch (column)
    {
    case CF_INBOX_COLUMN_DOCUMENT:
      /* The path as description only: a tooltip costs a display round trip per bind. */
      text = g_strdup (cf_batch_entry_get_name (entry));
      description = cf_batch_entry_get_path (entry);
      break;
    case CF_INBOX_COLUMN_FORM:
      if (done)
        text = g_strdup (cf_batch_entry_get_form (entry) ? cf_batch_entry_get_form (entry)
                                                         : _("None"));
      break;
    case CF_INBOX_COLUMN_ERRORS:
      if (done)
        text = g_strdup_printf ("%u", cf_batch_entry_get_n_open_errors (entry));
      break;
    case CF_INBOX_COLUMN_WARNINGS:
      if (done)
        text = g_strdup_printf ("%u", cf_batch_entry_get_n_warnings (entry));
      break;
    case CF_INBOX_COLUMN_STATE:
    case CF_INBOX_N_COLUMNS:
    default:
      if (state == CF_BATCH_STATE_QUEUED)
        text = g_strdup (_("Queued"));
      else if (state == CF_BATCH_STATE_RUNNING)
        text = g_strdup (_("Auditing…"));
      else if (state == CF_BATCH_STATE_FAILED)
        {
          text = g_strdup (_("Could not read"));
          tooltip = error ? error->message : NULL;
          description = tooltip ? tooltip : "";
        }
      else
        text = g_strdup (review_state_text (entry));
      break;
    }

  gtk_label_set_text (GTK_LABEL (label), text ? text : "");
  set_class (label, "error",
             (column == CF_INBOX_COLUMN_ERRORS && done && cf_batch_entry_get_n_open_errors (entry) > 0)
             || (column == CF_INBOX_COLUMN_STATE && state == CF_BATCH_STATE_FAILED));
  set_class (label, "warning",
             column == CF_INBOX_COLUMN_WARNINGS && done && cf_batch_entry_get_n_warnings (entry) > 0);
  set_class (label, "dim-label", column == CF_INBOX_COLUMN_STATE && !done
                                 && state != CF_BATCH_STATE_FAILED);

  /* Setting a tooltip, even the same or none, makes GTK 4.8 ask the display
   * where the pointer is (a round trip to the X server): only on a change.
   * GTK copies a tooltip into the accessible description: set ours after it. */
  if (g_strcmp0 (gtk_widget_get_tooltip_text (label), tooltip) != 0)
    gtk_widget_set_tooltip_text (label, tooltip);
  accessible = g_strdup_printf ("%s, %s", cf_batch_entry_get_name (entry), column_title (column));
  gtk_accessible_update_property (GTK_ACCESSIBLE (label),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, accessible,
                                  GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, description,
                                  -1);
}

static CfInboxColumn
cell_column (GtkWidget *label)
{
  return GPOINTER_TO_INT (g_object_get_data (G_OBJECT (label), CELL_COLUMN_KEY)) - 1;
}

static gboolean
column_shows (CfInboxColumn column, const char *property)
{
  switch (column)
    {
    case CF_INBOX_COLUMN_FORM:
      return g_str_equal (property, "form");
    case CF_INBOX_COLUMN_ERRORS:
      return g_str_equal (property, "n-open-errors");
    case CF_INBOX_COLUMN_WARNINGS:
      return g_str_equal (property, "n-warnings");
    case CF_INBOX_COLUMN_DOCUMENT:
    case CF_INBOX_COLUMN_STATE:
    case CF_INBOX_N_COLUMNS:
    default:
      return FALSE;
    }
}

static void
on_entry_notify (CfBatchEntry *entry, GParamSpec *pspec, GtkWidget *label)
{
  CfInboxColumn column = cell_column (label);

  /* Every cell's text depends on the state (blank until done). */
  if (g_str_equal (pspec->name, "state") || column_shows (column, pspec->name))
    update_cell (label, entry, column);
}

static void
on_cell_setup (GtkSignalListItemFactory *factory, GtkListItem *item, gpointer data)
{
  CfInboxColumn column = GPOINTER_TO_INT (data);
  GtkWidget *label = gtk_label_new (NULL);

  g_object_set_data (G_OBJECT (label), CELL_COLUMN_KEY, GINT_TO_POINTER (column + 1));
  if (column == CF_INBOX_COLUMN_ERRORS || column == CF_INBOX_COLUMN_WARNINGS)
    {
      gtk_label_set_xalign (GTK_LABEL (label), 1.0);
      gtk_widget_add_css_class (label, "numeric");
    }
  else
    {
      gtk_label_set_xalign (GTK_LABEL (label), 0.0);
      gtk_label_set_ellipsize (GTK_LABEL (label), PANGO_ELLIPSIZE_MIDDLE);
    }
  gtk_list_item_set_child (item, label);
}

static void
on_cell_bind (GtkSignalListItemFactory *factory, GtkListItem *item, gpointer data)
{
  GtkWidget *label = gtk_list_item_get_child (item);
  CfBatchEntry *entry = gtk_list_item_get_item (item);
  gulong handler;

  g_object_set_data (G_OBJECT (label), CELL_ENTRY_KEY, entry);
  /* Only what the column shows; every column shows the state in some way. */
  handler = g_signal_connect (entry, "notify", G_CALLBACK (on_entry_notify), label);
  g_object_set_data (G_OBJECT (label), CELL_HANDLER_KEY, GSIZE_TO_POINTER (handler));
  update_cell (label, entry, cell_column (label));
}

static void
on_cell_unbind (GtkSignalListItemFactory *factory, GtkListItem *item, gpointer data)
{
  GtkWidget *label = gtk_list_item_get_child (item);
  CfBatchEntry *entry = g_object_get_data (G_OBJECT (label), CELL_ENTRY_KEY);
  gulong handler = GPOINTER_TO_SIZE (g_object_get_data (G_OBJECT (label), CELL_HANDLER_KEY));

  if (entry != NULL && handler != 0)
    g_signal_handler_disconnect (entry, handler);
  g_object_set_data (G_OBJECT (label), CELL_ENTRY_KEY, NULL);
  g_object_set_data (G_OBJECT (label), CELL_HANDLER_KEY, NULL);
}

static GtkSorter *
column_sorter (CfInboxColumn column)
{
  static const char *const properties[] = {
    [CF_INBOX_COLUMN_DOCUMENT] = "name",
    [CF_INBOX_COLUMN_FORM] = "form",
    [CF_INBOX_COLUMN_ERRORS] = "n-open-errors",
    [CF_INBOX_COLUMN_WARNINGS] = "n-warnings",
    [CF_INBOX_COLUMN_STATE] = "state",
  };
  GtkExpression *expression = gtk_property_expression_new (CF_TYPE_BATCH_ENTRY, NULL,
                                                           properties[column]);

  if (column == CF_INBOX_COLUMN_DOCUMENT || column == CF_INBOX_COLUMN_FORM)
    return GTK_SORTER (gtk_string_sorter_new (expression));
  return GTK_SORTER (gtk_numeric_sorter_new (expression));
}

/* Progress and summary ------------------------------------------------------ */

static void
update_summary (CfInboxView *self)
{
  GListModel *model = self->batch ? cf_batch_get_model (self->batch) : NULL;
  guint n = model ? g_list_model_get_n_items (model) : 0;
  guint n_errors = 0, n_warnings = 0, n_failed = 0;
  g_autoptr (GString) text = g_string_new (NULL);

  for (guint i = 0; i < n; i++)
    {
      g_autoptr (CfBatchEntry) entry = g_list_model_get_item (model, i);

      n_errors += cf_batch_entry_get_n_open_errors (entry);
      n_warnings += cf_batch_entry_get_n_warnings (entry);
      n_failed += cf_batch_entry_get_state (entry) == CF_BATCH_STATE_FAILED;
    }

  if (n == 0)
    g_string_append (text, _("No documents"));
  else
    {
      g_string_append_printf (text, ngettext ("%u document", "%u documents", n), n);
      g_string_append (text, " · ");
      g_string_append_printf (text, ngettext ("%u open error", "%u open errors", n_errors),
                              n_errors);
      g_string_append (text, " · ");
      g_string_append_printf (text, ngettext ("%u warning", "%u warnings", n_warnings),
                              n_warnings);
      if (n_failed > 0)
        {
          g_string_append (text, " · ");
          g_string_append_printf (text, ngettext ("%u unreadable", "%u unreadable", n_failed),
                                  n_failed);
        }
    }
  gtk_label_set_text (self->summary_label, text->str);
}

static void
update_progress (CfInboxView *self)
{
  gboolean running = self->batch != NULL && cf_batch_is_running (self->batch);
  guint processed = self->batch ? cf_batch_get_n_processed (self->batch) : 0;
  guint total = self->batch ? cf_batch_get_n_total (self->batch) : 0;

  g_clear_pointer (&self->progress_text, g_free);
  if (running)
    {
      /* TRANSLATORS: progress of a batch: "12 of 200 audited" */
      self->progress_text = g_strdup_printf (_("%u of %u audited"), processed, total);
      gtk_progress_bar_set_text (self->progress_bar, self->progress_text);
      gtk_progress_bar_set_fraction (self->progress_bar,
                                     total > 0 ? (double) processed / total : 0.0);
    }
  gtk_widget_set_visible (GTK_WIDGET (self->progress_bar), running);
  gtk_widget_set_sensitive (GTK_WIDGET (self->export_long_button), !running && total > 0);
  gtk_widget_set_sensitive (GTK_WIDGET (self->export_findings_button), !running && total > 0);
}

static void
on_batch_progress (CfBatch *batch, guint processed, guint total, CfInboxView *self)
{
  update_progress (self);
  update_summary (self);
}

static void
on_batch_finished (CfBatch *batch, CfInboxView *self)
{
  update_progress (self);
  update_summary (self);
}

/* Opening ------------------------------------------------------------------- */

static void
show_toast (CfInboxView *self, const char *message)
{
  AdwToast *toast = adw_toast_new (message);

  adw_toast_set_timeout (toast, 5);
  adw_toast_overlay_add_toast (self->toast_overlay, toast);
}

gboolean
cf_inbox_view_activate_row (CfInboxView *self, guint position)
{
  g_autoptr (CfBatchEntry) entry = NULL;
  CfDocument *document;

  g_return_val_if_fail (CF_IS_INBOX_VIEW (self), FALSE);

  entry = g_list_model_get_item (G_LIST_MODEL (self->selection), position);
  if (entry == NULL)
    return FALSE;
  document = cf_batch_entry_get_document (entry);
  if (document == NULL)
    {
      const GError *error = cf_batch_entry_get_error (entry);
      g_autofree char *waiting = NULL;

      if (error == NULL)
        /* TRANSLATORS: a document of the batch was clicked before its audit ended */
        waiting = g_strdup_printf (_("%s is still being audited"), cf_batch_entry_get_name (entry));
      show_toast (self, error ? error->message : waiting);
      return FALSE;
    }
  g_signal_emit (self, signals[OPEN_DOCUMENT], 0, document);
  return TRUE;
}

static void
on_column_view_activate (CfInboxView *self, guint position)
{
  cf_inbox_view_activate_row (self, position);
}

/* Export -------------------------------------------------------------------- */

typedef enum
{
  EXPORT_LONG,
  EXPORT_FINDINGS,
} ExportKind;

static void
export_to_file (CfInboxView *self, ExportKind kind, GFile *file)
{
  g_autofree char *path = g_file_get_path (file);
  g_autoptr (GError) error = NULL;
  gboolean ok;

  if (self->batch == NULL || path == NULL)
    return;
  if (kind == EXPORT_LONG)
    ok = cf_batch_write_long_csv (self->batch, path, &error);
  else
    ok = cf_batch_write_findings_csv (self->batch, path, &error);

  if (ok)
    {
      g_autofree char *name = g_file_get_basename (file);
      g_autofree char *message = g_strdup_printf (_("Saved %s"), name);

      show_toast (self, message);
    }
  else
    show_toast (self, error->message);
}

static const char *
export_title (ExportKind kind)
{
  return kind == EXPORT_LONG ? _("Export Cells of the Batch") : _("Export Findings of the Batch");
}

static const char *
export_name (ExportKind kind)
{
  return kind == EXPORT_LONG ? "batch-cells.csv" : "batch-findings.csv";
}

static void
on_export_chosen (GFile *file, gpointer owner, gpointer data)
{
  export_to_file (CF_INBOX_VIEW (owner), GPOINTER_TO_INT (data), file);
}

static void
run_export_dialog (CfInboxView *self, ExportKind kind)
{
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));

  cf_file_dialog_save (GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL, export_title (kind),
                       export_name (kind), FALSE, on_export_chosen, self, GINT_TO_POINTER (kind));
}

static void
on_export_long_clicked (CfInboxView *self)
{
  run_export_dialog (self, EXPORT_LONG);
}

static void
on_export_findings_clicked (CfInboxView *self)
{
  run_export_dialog (self, EXPORT_FINDINGS);
}

/* The widget ---------------------------------------------------------------- */

static void
disconnect_batch (CfInboxView *self)
{
  if (self->batch == NULL)
    return;
  g_clear_signal_handler (&self->progress_handler, self->batch);
  g_clear_signal_handler (&self->finished_handler, self->batch);
  g_clear_object (&self->batch);
}

static void
cf_inbox_view_dispose (GObject *object)
{
  CfInboxView *self = CF_INBOX_VIEW (object);

  /* AdwBin unparents the template's root itself: no gtk_widget_dispose_template. */
  disconnect_batch (self);
  g_clear_object (&self->selection);
  g_clear_object (&self->sort_model);
  G_OBJECT_CLASS (cf_inbox_view_parent_class)->dispose (object);
}

static void
cf_inbox_view_finalize (GObject *object)
{
  CfInboxView *self = CF_INBOX_VIEW (object);

  g_free (self->progress_text);
  G_OBJECT_CLASS (cf_inbox_view_parent_class)->finalize (object);
}

static void
cf_inbox_view_class_init (CfInboxViewClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = cf_inbox_view_dispose;
  object_class->finalize = cf_inbox_view_finalize;

  /* A row was activated (clicked, Enter) and its document is loaded. */
  signals[OPEN_DOCUMENT] = g_signal_new ("open-document", G_TYPE_FROM_CLASS (klass),
                                         G_SIGNAL_RUN_LAST, 0, NULL, NULL, NULL,
                                         G_TYPE_NONE, 1, CF_TYPE_DOCUMENT);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/crossfoot/Crossfoot/cf-inbox-view.ui");
  gtk_widget_class_bind_template_child (widget_class, CfInboxView, toast_overlay);
  gtk_widget_class_bind_template_child (widget_class, CfInboxView, summary_label);
  gtk_widget_class_bind_template_child (widget_class, CfInboxView, export_long_button);
  gtk_widget_class_bind_template_child (widget_class, CfInboxView, export_findings_button);
  gtk_widget_class_bind_template_child (widget_class, CfInboxView, progress_bar);
  gtk_widget_class_bind_template_child (widget_class, CfInboxView, column_view);
  gtk_widget_class_bind_template_callback (widget_class, on_export_long_clicked);
  gtk_widget_class_bind_template_callback (widget_class, on_export_findings_clicked);
  gtk_widget_class_bind_template_callback (widget_class, on_column_view_activate);
}

static void
cf_inbox_view_init (CfInboxView *self)
{
  g_autoptr (GtkMultiSorter) sorter = gtk_multi_sorter_new ();

  gtk_widget_init_template (GTK_WIDGET (self));

  for (int i = 0; i < CF_INBOX_N_COLUMNS; i++)
    {
      GtkListItemFactory *factory = gtk_signal_list_item_factory_new ();
      g_autoptr (GtkSorter) column_order = column_sorter (i);
      GtkColumnViewColumn *column;

      g_signal_connect (factory, "setup", G_CALLBACK (on_cell_setup), GINT_TO_POINTER (i));
      g_signal_connect (factory, "bind", G_CALLBACK (on_cell_bind), GINT_TO_POINTER (i));
      g_signal_connect (factory, "unbind", G_CALLBACK (on_cell_unbind), GINT_TO_POINTER (i));
      column = gtk_column_view_column_new (column_title (i), factory);
      gtk_column_view_column_set_sorter (column, column_order);
      gtk_column_view_column_set_expand (column, i == CF_INBOX_COLUMN_DOCUMENT);
      gtk_column_view_column_set_resizable (column, TRUE);
      gtk_column_view_append_column (self->column_view, column);
      self->columns[i] = column;
      g_object_unref (column); /* the view holds it */
    }

  /* The sort the person picks with the headers, then by name for ties. */
  gtk_multi_sorter_append (sorter, g_object_ref (gtk_column_view_get_sorter (self->column_view)));
  gtk_multi_sorter_append (sorter, column_sorter (CF_INBOX_COLUMN_DOCUMENT));
  self->sort_model = gtk_sort_list_model_new (NULL, GTK_SORTER (g_steal_pointer (&sorter)));
  /* Sorts a few milliseconds at a time: a folder of hundreds never stalls a frame. */
  gtk_sort_list_model_set_incremental (self->sort_model, TRUE);
  self->selection = gtk_single_selection_new (G_LIST_MODEL (g_object_ref (self->sort_model)));
  gtk_single_selection_set_autoselect (self->selection, FALSE);
  gtk_single_selection_set_can_unselect (self->selection, TRUE);
  gtk_column_view_set_model (self->column_view, GTK_SELECTION_MODEL (self->selection));
  gtk_column_view_sort_by_column (self->column_view, self->columns[CF_INBOX_COLUMN_ERRORS],
                                  GTK_SORT_DESCENDING);
  update_progress (self);
  update_summary (self);
}

GtkWidget *
cf_inbox_view_new (void)
{
  return g_object_new (CF_TYPE_INBOX_VIEW, NULL);
}

void
cf_inbox_view_set_batch (CfInboxView *self, CfBatch *batch)
{
  g_return_if_fail (CF_IS_INBOX_VIEW (self));
  g_return_if_fail (batch == NULL || CF_IS_BATCH (batch));

  if (batch == self->batch)
    return;
  disconnect_batch (self);
  if (batch != NULL)
    {
      self->batch = g_object_ref (batch);
      self->progress_handler = g_signal_connect (batch, "progress",
                                                 G_CALLBACK (on_batch_progress), self);
      self->finished_handler = g_signal_connect (batch, "finished",
                                                 G_CALLBACK (on_batch_finished), self);
    }
  gtk_sort_list_model_set_model (self->sort_model, batch ? cf_batch_get_model (batch) : NULL);
  update_progress (self);
  update_summary (self);
}

CfBatch *
cf_inbox_view_get_batch (CfInboxView *self)
{
  g_return_val_if_fail (CF_IS_INBOX_VIEW (self), NULL);
  return self->batch;
}

gboolean
cf_inbox_view_open_folder (CfInboxView *self, const char *path, GError **error)
{
  g_autoptr (CfBatch) batch = cf_batch_new ();

  g_return_val_if_fail (CF_IS_INBOX_VIEW (self), FALSE);

  /* Shown first, so that the list fills in from the first result on. */
  cf_inbox_view_set_batch (self, batch);
  if (cf_batch_add_folder (batch, path, error) < 0)
    return FALSE;
  update_progress (self);
  update_summary (self);
  return TRUE;
}

GtkColumnView *
cf_inbox_view_get_column_view (CfInboxView *self)
{
  g_return_val_if_fail (CF_IS_INBOX_VIEW (self), NULL);
  return self->column_view;
}

GListModel *
cf_inbox_view_get_model (CfInboxView *self)
{
  g_return_val_if_fail (CF_IS_INBOX_VIEW (self), NULL);
  return G_LIST_MODEL (self->sort_model);
}

const char *
cf_inbox_view_get_progress_text (CfInboxView *self)
{
  g_return_val_if_fail (CF_IS_INBOX_VIEW (self), NULL);
  return self->progress_text;
}

static GtkWidget *
find_cell (GtkWidget *widget, gpointer entry, CfInboxColumn column)
{
  if (GTK_IS_LABEL (widget) && g_object_get_data (G_OBJECT (widget), CELL_ENTRY_KEY) == entry
      && cell_column (widget) == column)
    return widget;
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find_cell (child, entry, column);

      if (found != NULL)
        return found;
    }
  return NULL;
}

GtkWidget *
cf_inbox_view_get_cell_widget (CfInboxView *self, guint position, CfInboxColumn column)
{
  g_autoptr (CfBatchEntry) entry = NULL;

  g_return_val_if_fail (CF_IS_INBOX_VIEW (self), NULL);

  entry = g_list_model_get_item (G_LIST_MODEL (self->sort_model), position);
  if (entry == NULL)
    return NULL;
  return find_cell (GTK_WIDGET (self->column_view), entry, column);
}
