/* cf-inbox-view.c: the batch inbox, following ../shared/spec/app.md
 *
 * A GtkColumnView over the batch's GListModel, through a GtkSortListModel
 * (open errors, most first, by default), a GtkSliceListModel and a
 * GtkSingleSelection. The slice hands the view a folder of hundreds a page of
 * rows at a time, one page a frame: GTK 4.8 makes widgets for up to 200 rows
 * of a list at once, and 200 rows of five labels made in one go stall the
 * window for a tenth of a second. The rows on screen come first. Cells are
 * GtkLabels named "<document>, <column>" in bind. A list item is not rebound
 * when its entry only changes (the entry stays the same object), so each label
 * listens to the notify signals of the entry it shows.
 *
 * GTK 4.8 unbinds and binds a row again when its position changes, and a
 * GtkColumnView keeps up to 200 rows alive, so one result that moves a row
 * re-binds hundreds of cells (22,000 binds of 1,000 cells over one batch of
 * 200 reports, before this). A label therefore keeps its entry (and its
 * notify handler) across an unbind: bound again to the same entry it has
 * nothing to do, as it is up to date already.
 */
#include "config.h"

#include <glib/gi18n.h>

#include "cf-file-dialog.h"
#include "cf-cell-labels.h"
#include "cf-inbox-view.h"
#include "cf-tooltip.h"

struct _CfInboxView
{
  AdwBin               parent_instance;

  AdwToastOverlay     *toast_overlay;
  GtkLabel            *summary_label;
  GtkButton           *export_long_button;
  GtkButton           *compare_button;
  GtkButton           *export_findings_button;
  GtkProgressBar      *progress_bar;
  GtkColumnView       *column_view;

  GtkSortListModel    *sort_model;
  GtkSliceListModel   *slice_model;  /* the rows given to the view so far */
  guint                grow_tick;    /* while the slice grows */
  guint                grow_idle;
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
  OPEN_COMPARISON,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

/* What a cell's label remembers (its qdata). */
typedef struct
{
  CfInboxColumn  column;
  CfBatchEntry  *entry;    /* a ref: the entry it shows, bound or not */
  gulong         handler;  /* on entry's "notify" */
  gboolean       bound;
} Cell;

G_DEFINE_QUARK (cf-inbox-cell, cell)

static void
cell_free (gpointer data)
{
  Cell *cell = data;

  if (cell->entry != NULL)
    {
      g_clear_signal_handler (&cell->handler, cell->entry);
      g_object_unref (cell->entry);
    }
  g_free (cell);
}

static Cell *
label_cell (GtkWidget *label)
{
  return g_object_get_qdata (G_OBJECT (label), cell_quark ());
}

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

/* The review state of a loaded document: how many of its tables the analyst
 * marked reviewed, then how many findings they accepted, if any. */
static char *
review_state_text (CfBatchEntry *entry)
{
  guint n_tables = cf_batch_entry_get_n_tables (entry);
  guint n_reviewed = cf_batch_entry_get_n_tables_reviewed (entry);
  guint n_accepted = cf_batch_entry_get_n_accepted (entry);
  g_autoptr (GString) text = g_string_new (NULL);

  if (n_tables > 0 && n_reviewed >= n_tables)
    g_string_append (text, _("Reviewed"));
  else if (n_reviewed > 0)
    /* TRANSLATORS: review state of a document in the inbox: "2 of 5 tables reviewed" */
    g_string_append_printf (text, ngettext ("%u of %u table reviewed", "%u of %u tables reviewed",
                                            n_tables),
                            n_reviewed, n_tables);
  else
    g_string_append (text, _("Not reviewed"));
  if (n_accepted > 0)
    {
      g_string_append (text, " · ");
      /* TRANSLATORS: findings of a document the analyst accepted as published */
      g_string_append_printf (text, ngettext ("%u accepted", "%u accepted", n_accepted),
                              n_accepted);
    }
  return g_string_free (g_steal_pointer (&text), FALSE);
}

/* What the state column's words leave out, for screen readers: that
 * accepted findings are not counted as open. */
static char *
review_state_description (CfBatchEntry *entry)
{
  guint n_accepted = cf_batch_entry_get_n_accepted (entry);

  if (n_accepted == 0)
    return NULL;
  return g_strdup_printf (ngettext ("%u finding accepted as published, not counted as open",
                                    "%u findings accepted as published, not counted as open",
                                    n_accepted),
                          n_accepted);
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
  g_autofree char *state_description = NULL;
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
        text = cf_batch_entry_get_form (entry) ? cf_form_display_name (cf_batch_entry_get_form (entry))
                                               : g_strdup (_("None"));
      break;
    case CF_INBOX_COLUMN_ERRORS:
      if (done)
        text = g_strdup_printf ("%u", cf_batch_entry_get_n_open_errors (entry));
      break;
    case CF_INBOX_COLUMN_WARNINGS:
      if (done)
        text = g_strdup_printf ("%u", cf_batch_entry_get_n_open_warnings (entry));
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
        {
          CfDocument *doc = cf_batch_entry_get_document (entry);

          text = review_state_text (entry);
          if (doc != NULL && cf_document_nothing_checked (doc))
            {
              /* Not clean: nothing in it could be checked. */
              char *checked = g_strconcat (_("Nothing could be checked"), " · ", text, NULL);
              g_free (text);
              text = checked;
            }
          state_description = review_state_description (entry);
          description = state_description ? state_description : "";
        }
      break;
    }

  gtk_label_set_text (GTK_LABEL (label), text ? text : "");
  set_class (label, "error",
             (column == CF_INBOX_COLUMN_ERRORS && done && cf_batch_entry_get_n_open_errors (entry) > 0)
             || (column == CF_INBOX_COLUMN_STATE && state == CF_BATCH_STATE_FAILED));
  set_class (label, "warning",
             (column == CF_INBOX_COLUMN_WARNINGS && done
              && cf_batch_entry_get_n_open_warnings (entry) > 0)
             || (column == CF_INBOX_COLUMN_STATE && done && cf_batch_entry_get_document (entry)
                 && cf_document_nothing_checked (cf_batch_entry_get_document (entry))));
  set_class (label, "dim-label", column == CF_INBOX_COLUMN_STATE && !done
                                 && state != CF_BATCH_STATE_FAILED);

  /* Setting a tooltip, even the same or none, makes GTK 4.8 ask the display
   * where the pointer is (a round trip to the X server): only on a change.
   * GTK copies a tooltip into the accessible description: set ours after it. */
  if (g_strcmp0 (gtk_widget_get_tooltip_text (label), tooltip) != 0)
    {
      if (tooltip != NULL)
        cf_tooltip_install (label);
      gtk_widget_set_tooltip_text (label, tooltip);
    }
  accessible = g_strdup_printf ("%s, %s", cf_batch_entry_get_name (entry), column_title (column));
  gtk_accessible_update_property (GTK_ACCESSIBLE (label),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, accessible,
                                  GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, description,
                                  -1);
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
      return g_str_equal (property, "n-open-warnings");
    case CF_INBOX_COLUMN_STATE:
      return g_str_equal (property, "n-tables") || g_str_equal (property, "n-tables-reviewed")
             || g_str_equal (property, "n-accepted");
    case CF_INBOX_COLUMN_DOCUMENT:
    case CF_INBOX_N_COLUMNS:
    default:
      return FALSE;
    }
}

static void
on_entry_notify (CfBatchEntry *entry, GParamSpec *pspec, GtkWidget *label)
{
  CfInboxColumn column = label_cell (label)->column;

  /* Every cell's text depends on the state (blank until done). */
  if (g_str_equal (pspec->name, "state") || column_shows (column, pspec->name))
    update_cell (label, entry, column);
}

static void
on_cell_setup (GtkSignalListItemFactory *factory, GtkListItem *item, gpointer data)
{
  CfInboxColumn column = GPOINTER_TO_INT (data);
  GtkWidget *label = gtk_label_new (NULL);
  Cell *cell = g_new0 (Cell, 1);

  cell->column = column;
  g_object_set_qdata_full (G_OBJECT (label), cell_quark (), cell, cell_free);
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
  Cell *cell = label_cell (label);

  cell->bound = TRUE;
  /* The same entry again (its row moved): the label shows it already. */
  if (cell->entry == entry)
    return;

  if (cell->entry != NULL)
    {
      g_clear_signal_handler (&cell->handler, cell->entry);
      g_clear_object (&cell->entry);
    }
  cell->entry = g_object_ref (entry);
  /* on_entry_notify picks what the column shows; every column shows the state in some way. */
  cell->handler = g_signal_connect (entry, "notify", G_CALLBACK (on_entry_notify), label);
  update_cell (label, entry, cell->column);
}

static void
on_cell_unbind (GtkSignalListItemFactory *factory, GtkListItem *item, gpointer data)
{
  /* The entry and its handler stay: most unbinds are followed by a bind to
   * the same entry. The handler goes with the label or its next entry. */
  label_cell (gtk_list_item_get_child (item))->bound = FALSE;
}

static GtkSorter *
column_sorter (CfInboxColumn column)
{
  static const char *const properties[] = {
    [CF_INBOX_COLUMN_DOCUMENT] = "name",
    [CF_INBOX_COLUMN_FORM] = "form",
    [CF_INBOX_COLUMN_ERRORS] = "n-open-errors",
    [CF_INBOX_COLUMN_WARNINGS] = "n-open-warnings",
    [CF_INBOX_COLUMN_STATE] = "state",
  };
  GtkExpression *expression = gtk_property_expression_new (CF_TYPE_BATCH_ENTRY, NULL,
                                                           properties[column]);

  if (column == CF_INBOX_COLUMN_DOCUMENT || column == CF_INBOX_COLUMN_FORM)
    return GTK_SORTER (gtk_string_sorter_new (expression));
  return GTK_SORTER (gtk_numeric_sorter_new (expression));
}

/* Growing the list a page a frame ------------------------------------------- */

/* Rows given to the view at a time: a window's height of them, about 125
 * labels to make, bind and measure (a few milliseconds). */
#define ROWS_PER_FRAME 25

/* After a frame, between it and the next: one page more. */
static gboolean
grow_slice (gpointer data)
{
  CfInboxView *self = data;
  guint n_items = g_list_model_get_n_items (G_LIST_MODEL (self->sort_model));
  guint size = gtk_slice_list_model_get_size (self->slice_model);

  self->grow_idle = 0;
  if (size < n_items)
    gtk_slice_list_model_set_size (self->slice_model, MIN (n_items, size + ROWS_PER_FRAME));
  return G_SOURCE_REMOVE;
}

/* Once a frame while rows are missing: not in the frame itself, whose layout
 * and drawing of the rows given last time are enough work for it. */
static gboolean
on_grow_tick (GtkWidget *widget, GdkFrameClock *clock, gpointer data)
{
  CfInboxView *self = data;

  if (gtk_slice_list_model_get_size (self->slice_model)
      >= g_list_model_get_n_items (G_LIST_MODEL (self->sort_model)))
    {
      self->grow_tick = 0;
      return G_SOURCE_REMOVE;
    }
  if (self->grow_idle == 0)
    self->grow_idle = g_idle_add_full (G_PRIORITY_DEFAULT_IDLE, grow_slice, self, NULL);
  return G_SOURCE_CONTINUE;
}

static void update_summary (CfInboxView *self);

static void
on_sorted_items_changed (GListModel *model, guint position, guint removed, guint added,
                         CfInboxView *self)
{
  /* A row changed outside a run too (the window edited its document, or
   * accepted a finding): the totals follow. A loop over the entries is
   * microseconds even for hundreds. */
  update_summary (self);
  if (self->grow_tick == 0
      && g_list_model_get_n_items (model) > gtk_slice_list_model_get_size (self->slice_model))
    self->grow_tick = gtk_widget_add_tick_callback (GTK_WIDGET (self->column_view),
                                                    on_grow_tick, self, NULL);
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
      n_warnings += cf_batch_entry_get_n_open_warnings (entry);
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
  gtk_widget_set_sensitive (GTK_WIDGET (self->compare_button), !running && total > 1);
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

  /* The sorted list, whether or not its rows have all reached the view yet. */
  entry = g_list_model_get_item (G_LIST_MODEL (self->sort_model), position);
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

/* Comparing years ------------------------------------------------------------- */

/* The entry that pairs with @entry (the same body, the latest earlier year,
 * else the earliest later one), or NULL. */
static CfBatchEntry *
find_pair (CfInboxView *self, CfBatchEntry *entry, gboolean *entry_is_newer)
{
  GListModel *model = cf_batch_get_model (self->batch);
  guint n = g_list_model_get_n_items (model);
  g_autoptr (GPtrArray) entries = g_ptr_array_new_with_free_func (g_object_unref);
  g_autofree const char **bodies = g_new0 (const char *, n + 1);
  g_autofree int *years = g_new0 (int, n + 1);
  g_autoptr (GArray) pairs = NULL;
  CfBatchEntry *later = NULL;

  for (guint i = 0; i < n; i++)
    {
      CfBatchEntry *each = g_list_model_get_item (model, i);
      CfDocument *doc = cf_batch_entry_get_document (each);

      g_ptr_array_add (entries, each);
      bodies[i] = doc ? cf_document_get_body (doc) : NULL;
      years[i] = doc ? cf_document_get_year (doc) : 0;
    }
  pairs = cf_comparison_find_pairs (bodies, years, n);
  for (guint p = 0; p < pairs->len; p++)
    {
      guint *pair = &g_array_index (pairs, guint, 2 * p);

      if (entries->pdata[pair[1]] == entry)
        {
          *entry_is_newer = TRUE;
          return entries->pdata[pair[0]];
        }
      if (entries->pdata[pair[0]] == entry && later == NULL)
        later = entries->pdata[pair[1]];
    }
  *entry_is_newer = FALSE;
  return later;
}

gboolean
cf_inbox_view_compare_row (CfInboxView *self, guint position)
{
  g_autoptr (CfBatchEntry) entry = NULL;
  CfBatchEntry *other;
  gboolean is_newer = FALSE;
  g_autoptr (CfComparison) comparison = NULL;
  g_autoptr (GError) error = NULL;

  g_return_val_if_fail (CF_IS_INBOX_VIEW (self), FALSE);
  if (self->batch == NULL
      || (entry = g_list_model_get_item (G_LIST_MODEL (self->sort_model), position)) == NULL)
    return FALSE;
  other = cf_batch_entry_get_document (entry) ? find_pair (self, entry, &is_newer) : NULL;
  if (other == NULL)
    {
      g_autofree char *message = g_strdup_printf (
        /* TRANSLATORS: Compare Years found no other year of the selected report's body */
        _("%s has no report of the same body for another year in this batch"),
        cf_batch_entry_get_name (entry));

      show_toast (self, message);
      return FALSE;
    }
  comparison = cf_comparison_new (cf_batch_entry_get_document (is_newer ? other : entry),
                                  cf_batch_entry_get_document (is_newer ? entry : other),
                                  CF_COMPARE_NONE, &error);
  if (comparison == NULL)
    {
      show_toast (self, error->message);
      return FALSE;
    }
  g_signal_emit (self, signals[OPEN_COMPARISON], 0, comparison);
  return TRUE;
}

static void
on_compare_clicked (CfInboxView *self)
{
  guint position = gtk_single_selection_get_selected (self->selection);

  cf_inbox_view_compare_row (self, position == GTK_INVALID_LIST_POSITION ? 0 : position);
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
  if (self->grow_tick != 0)
    {
      gtk_widget_remove_tick_callback (GTK_WIDGET (self->column_view), self->grow_tick);
      self->grow_tick = 0;
    }
  g_clear_handle_id (&self->grow_idle, g_source_remove);
  if (self->sort_model != NULL)
    g_signal_handlers_disconnect_by_func (self->sort_model, on_sorted_items_changed, self);
  g_clear_object (&self->selection);
  g_clear_object (&self->slice_model);
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

  /* Compare Years found a pair: the comparison of its two reports. */
  signals[OPEN_COMPARISON] = g_signal_new ("open-comparison", G_TYPE_FROM_CLASS (klass),
                                           G_SIGNAL_RUN_LAST, 0, NULL, NULL, NULL,
                                           G_TYPE_NONE, 1, CF_TYPE_COMPARISON);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/crossfoot/Crossfoot/cf-inbox-view.ui");
  gtk_widget_class_bind_template_child (widget_class, CfInboxView, toast_overlay);
  gtk_widget_class_bind_template_child (widget_class, CfInboxView, summary_label);
  gtk_widget_class_bind_template_child (widget_class, CfInboxView, export_long_button);
  gtk_widget_class_bind_template_child (widget_class, CfInboxView, export_findings_button);
  gtk_widget_class_bind_template_child (widget_class, CfInboxView, compare_button);
  gtk_widget_class_bind_template_child (widget_class, CfInboxView, progress_bar);
  gtk_widget_class_bind_template_child (widget_class, CfInboxView, column_view);
  gtk_widget_class_bind_template_callback (widget_class, on_export_long_clicked);
  gtk_widget_class_bind_template_callback (widget_class, on_export_findings_clicked);
  gtk_widget_class_bind_template_callback (widget_class, on_compare_clicked);
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
  /* Not incremental: in GTK 4.8 an incremental sort model answers each
   * items-changed by sorting again in steps and announcing wide ranges, so a
   * few results re-bound most rows (measured: 20-35 ms a drain of the batch
   * with 200 rows, against 1 ms). A full sort of thousands of entries, on a
   * click of a header, takes milliseconds; a changed entry moves by a binary
   * search. */
  gtk_sort_list_model_set_incremental (self->sort_model, FALSE);
  self->slice_model = gtk_slice_list_model_new (G_LIST_MODEL (g_object_ref (self->sort_model)),
                                                0, ROWS_PER_FRAME);
  g_signal_connect (self->sort_model, "items-changed", G_CALLBACK (on_sorted_items_changed), self);
  self->selection = gtk_single_selection_new (G_LIST_MODEL (g_object_ref (self->slice_model)));
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
  /* A new list starts again from its first page. */
  gtk_slice_list_model_set_size (self->slice_model, ROWS_PER_FRAME);
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
  Cell *cell = GTK_IS_LABEL (widget) ? label_cell (widget) : NULL;

  if (cell != NULL && cell->bound && cell->entry == entry && cell->column == column)
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
