/* cf-window.c: the document window: loading, and keeping the panes in step
 *
 * Actions live in cf-window-actions.c and drag-and-drop in cf-window-dnd.c.
 */
#include "config.h"

#include <glib/gi18n.h>
#include <math.h>
#include <string.h>

#include "cf-cell-labels.h"
#ifdef CF_ENABLE_BENCH
#include "cf-bench.h"
#endif
#include "cf-window-private.h"

G_DEFINE_FINAL_TYPE (CfWindow, cf_window, ADW_TYPE_APPLICATION_WINDOW)

typedef struct
{
  CfDocument          *document;
  GBytes              *pdf_bytes;
  CfCorrectionSession *session;
  char                *store_error;
} LoadResult;

static void
load_result_free (LoadResult *result)
{
  g_clear_object (&result->session);
  g_clear_object (&result->document);
  g_free (result->store_error);
  g_clear_pointer (&result->pdf_bytes, g_bytes_unref);
  g_free (result);
}

void
cf_window_show_toast (CfWindow *self, const char *message)
{
  AdwToast *toast = adw_toast_new (message);

  g_free (self->last_message);
  self->last_message = g_strdup (message);
  adw_toast_set_timeout (toast, 8);
  /* With a document shown, over the grid: the findings stay readable. */
  adw_toast_overlay_add_toast (cf_window_get_toast_overlay (self), toast);
}

AdwToastOverlay *
cf_window_get_toast_overlay (CfWindow *self)
{
  g_return_val_if_fail (CF_IS_WINDOW (self), NULL);
  /* A document being shown (or about to be, once loaded), not the inbox. */
  if (self->document != NULL
      && g_strcmp0 (gtk_stack_get_visible_child_name (self->main_stack), "inbox") != 0)
    return ADW_TOAST_OVERLAY (gtk_widget_get_template_child (GTK_WIDGET (self), CF_TYPE_WINDOW,
                                                             "grid_toasts"));
  return self->toast_overlay;
}

const char *
cf_window_get_last_message (CfWindow *self)
{
  g_return_val_if_fail (CF_IS_WINDOW (self), NULL);
  return self->last_message;
}

/* Loading ------------------------------------------------------------------ */

static void
load_in_thread (GTask *task, gpointer source, gpointer data, GCancellable *cancellable)
{
  GFile *file = data;
  const char *password = g_object_get_data (G_OBJECT (task), "cf-password");
  g_autofree char *path = g_file_get_path (file);
  g_autoptr (GError) error = NULL;
  g_autoptr (CfPipeline) pipeline = cf_pipeline_new (CF_PIPELINE_SAVE_WORK);
  g_autoptr (CfCorrectionSession) session = NULL;
  LoadResult *result;

  cf_pipeline_set_password (pipeline, password);
  if (path != NULL)
    session = cf_pipeline_open_file (pipeline, path, cancellable, &error);
  else
    {
      /* Not a local file (a URI from a drop): read it through GIO. */
      g_autofree char *name = g_file_get_basename (file);
      g_autoptr (GBytes) bytes = g_file_load_bytes (file, cancellable, NULL, &error);

      if (bytes == NULL)
        {
          g_task_return_new_error (task, CF_ERROR, CF_ERROR_IO, "%s: %s", name, error->message);
          return;
        }
      session = cf_pipeline_open_bytes (pipeline, bytes, name, cancellable, &error);
    }
  if (session == NULL)
    {
      g_task_return_error (task, g_steal_pointer (&error));
      return;
    }

  result = g_new0 (LoadResult, 1);
  result->document = g_object_ref (cf_correction_session_get_document (session));
  /* Without the store the report still opens; a store recovered or only
   * readable is used. The window says so. */
  if (cf_correction_session_get_store_error (session) != NULL)
    {
      result->store_error = g_strdup (cf_correction_session_get_store_error (session)->message);
      if (cf_correction_session_get_store (session) == NULL)
        g_clear_object (&session);
    }
  result->session = g_steal_pointer (&session);
  if (cf_document_get_kind (result->document) == CF_DOCUMENT_KIND_PDF)
    result->pdf_bytes = g_file_load_bytes (file, cancellable, NULL, NULL);
  g_task_return_pointer (task, result, (GDestroyNotify) load_result_free);
}

static gboolean
pulse_progress (gpointer data)
{
  CfWindow *self = data;

  gtk_progress_bar_pulse (self->progress);
  return G_SOURCE_CONTINUE;
}

static void
set_loading (CfWindow *self, gboolean loading, const char *name)
{
  g_clear_handle_id (&self->pulse_id, g_source_remove);
  gtk_spinner_set_spinning (self->spinner, loading);
  if (loading)
    {
      g_autofree char *title = g_strdup_printf (_("Reading %s…"), name);

      adw_status_page_set_title (self->loading_page, title);
      gtk_stack_set_visible_child_name (self->main_stack, "loading");
      self->pulse_id = g_timeout_add (120, pulse_progress, self);
    }
  else
    gtk_stack_set_visible_child_name (self->main_stack, self->document ? "document" : "empty");
  cf_window_update_actions (self);
}

/* Below this confidence a table read from a PDF is "doubtful": check it first. */
#define DOUBTFUL_CONFIDENCE 0.9

static gboolean
table_is_doubtful (CfTable *table)
{
  double confidence = cf_table_get_confidence (table);

  return confidence >= 0 && confidence < DOUBTFUL_CONFIDENCE;
}

/* " · doubtful, confidence 62 %" or " · confidence 95 %" for a table whose
 * reader says how sure it is (PDF tables); nothing for the others. */
static void
append_confidence (GString *text, CfTable *table)
{
  int percent = (int) floor (cf_table_get_confidence (table) * 100 + 0.5);

  if (cf_table_get_confidence (table) < 0)
    return;
  g_string_append (text, " · ");
  if (table_is_doubtful (table))
    /* Translators: a table read from a PDF that may be read wrong; %d is a percentage. */
    g_string_append_printf (text, _("doubtful, confidence %d %%"), percent);
  else
    /* Translators: how sure the reader is of a table read from a PDF; %d is a percentage. */
    g_string_append_printf (text, _("confidence %d %%"), percent);
}

/* "26 rows × 9 columns · confidence 95 % · 2 errors · 1 warning": the table's size, how
 * sure its reading is (PDF tables) and its open findings. */
static char *
table_summary (CfWindow *self, CfTable *table)
{
  CfReview *review = self->session ? cf_correction_session_get_review (self->session) : NULL;
  GPtrArray *findings = cf_document_get_findings (self->document);
  GString *text = g_string_new (NULL);
  guint n_errors = 0, n_warnings = 0;

  for (guint i = 0; i < findings->len; i++)
    {
      CfFinding *f = g_ptr_array_index (findings, i);

      if (g_strcmp0 (f->table, cf_table_get_id (table)) != 0
          || (review != NULL && cf_review_is_accepted (review, f, NULL)))
        continue;
      n_errors += f->severity == CF_SEVERITY_ERROR;
      n_warnings += f->severity == CF_SEVERITY_WARNING;
    }
  g_string_printf (text, _("%d rows × %d columns"), cf_table_get_n_rows (table),
                   cf_table_get_n_cols (table));
  append_confidence (text, table);
  if (n_errors > 0)
    {
      g_string_append (text, " · ");
      g_string_append_printf (text, ngettext ("%u error", "%u errors", n_errors), n_errors);
    }
  if (n_warnings > 0)
    {
      g_string_append (text, " · ");
      g_string_append_printf (text, ngettext ("%u warning", "%u warnings", n_warnings), n_warnings);
    }
  return g_string_free (text, FALSE);
}

static gboolean
has_open_findings (CfWindow *self, CfTable *table)
{
  CfReview *review = self->session ? cf_correction_session_get_review (self->session) : NULL;
  GPtrArray *findings = cf_document_get_findings (self->document);

  for (guint i = 0; i < findings->len; i++)
    {
      CfFinding *f = g_ptr_array_index (findings, i);

      if (g_strcmp0 (f->table, cf_table_get_id (table)) == 0
          && (f->severity == CF_SEVERITY_ERROR || f->severity == CF_SEVERITY_WARNING)
          && (review == NULL || !cf_review_is_accepted (review, f, NULL)))
        return TRUE;
    }
  return FALSE;
}

/* The counts of every table row, after the findings changed. */
static void
update_table_rows (CfWindow *self)
{
  for (int i = 0;; i++)
    {
      GtkListBoxRow *row = gtk_list_box_get_row_at_index (self->tables_list, i);
      GtkLabel *subtitle;
      CfTable *table;
      g_autofree char *text = NULL;

      if (row == NULL)
        break;
      subtitle = g_object_get_data (G_OBJECT (row), "cf-subtitle");
      table = g_object_get_data (G_OBJECT (row), "cf-table");
      if (subtitle == NULL || table == NULL)
        continue;
      text = table_summary (self, table);
      gtk_label_set_text (subtitle, text);
      gtk_accessible_update_property (GTK_ACCESSIBLE (row),
                                      GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, text, -1);
      if (table_is_doubtful (table))
        gtk_widget_add_css_class (GTK_WIDGET (subtitle), "warning");
      else
        gtk_widget_remove_css_class (GTK_WIDGET (subtitle), "warning");
      if (has_open_findings (self, table) || table_is_doubtful (table))
        gtk_widget_remove_css_class (GTK_WIDGET (subtitle), "dim-label");
      else
        gtk_widget_add_css_class (GTK_WIDGET (subtitle), "dim-label");
    }
}

static void
add_table_row (CfWindow *self, CfTable *table, guint index)
{
  g_autofree char *name = cf_table_display_name (table, index);
  g_autofree char *size = g_strdup_printf (_("%d rows × %d columns"),
                                           cf_table_get_n_rows (table),
                                           cf_table_get_n_cols (table));
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 2);
  GtkWidget *title = gtk_label_new (name);
  GtkWidget *subtitle = gtk_label_new (size);
  GtkWidget *row = gtk_list_box_row_new ();

  gtk_label_set_xalign (GTK_LABEL (title), 0);
  gtk_label_set_wrap (GTK_LABEL (title), TRUE);
  gtk_label_set_wrap_mode (GTK_LABEL (title), PANGO_WRAP_WORD_CHAR);
  gtk_label_set_xalign (GTK_LABEL (subtitle), 0);
  gtk_widget_add_css_class (subtitle, "dim-label");
  gtk_widget_add_css_class (subtitle, "caption");
  gtk_box_append (GTK_BOX (box), title);
  gtk_box_append (GTK_BOX (box), subtitle);
  gtk_label_set_wrap (GTK_LABEL (subtitle), TRUE);
  g_object_set_data (G_OBJECT (row), "cf-subtitle", subtitle);
  g_object_set_data_full (G_OBJECT (row), "cf-table", g_object_ref (table), g_object_unref);
  gtk_list_box_row_set_child (GTK_LIST_BOX_ROW (row), box);
  cf_window_decorate_table_row (self, row, box, table);
  gtk_accessible_update_property (GTK_ACCESSIBLE (row),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, name,
                                  GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, size,
                                  -1);
  gtk_list_box_append (self->tables_list, row);
}

static void
remove_all_rows (GtkListBox *list)
{
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (list))) != NULL)
    gtk_list_box_remove (list, child);
}

/* The first table with an error, else the requests table (the one most rules
 * check), else the first. */
static guint
first_table_to_show (CfWindow *self)
{
  GPtrArray *tables = cf_document_get_tables (self->document);
  GPtrArray *findings = cf_document_get_findings (self->document);

  for (guint i = 0; i < tables->len; i++)
    for (guint j = 0; j < findings->len; j++)
      {
        CfFinding *finding = g_ptr_array_index (findings, j);

        if (finding->severity == CF_SEVERITY_ERROR &&
            g_strcmp0 (finding->table, cf_table_get_id (g_ptr_array_index (tables, i))) == 0)
          return i;
      }
  for (guint i = 0; i < tables->len; i++)
    if (g_strcmp0 (cf_table_get_id (g_ptr_array_index (tables, i)), "requests") == 0)
      return i;
  /* Else the most doubtful reading: the one to check first. */
  {
    guint first = 0;

    for (guint i = 0; i < tables->len; i++)
      if (table_is_doubtful (g_ptr_array_index (tables, i))
          && (!table_is_doubtful (g_ptr_array_index (tables, first))
              || cf_table_get_confidence (g_ptr_array_index (tables, i))
                   < cf_table_get_confidence (g_ptr_array_index (tables, first))))
        first = i;
    return first;
  }
}

static void
set_document (CfWindow *self, CfDocument *document, GBytes *pdf_bytes)
{
  GPtrArray *tables = cf_document_get_tables (document);
  g_autofree char *title = g_strdup_printf ("%s — Crossfoot", cf_document_get_basename (document));
  g_autofree char *uri = NULL;

  g_set_object (&self->document, document);
  cf_window_attach_session (self, NULL);
  g_clear_pointer (&self->pdf_bytes, g_bytes_unref);
  self->pdf_bytes = pdf_bytes ? g_bytes_ref (pdf_bytes) : NULL;

  gtk_window_set_title (GTK_WINDOW (self), title);
  adw_window_title_set_title (self->title_widget, cf_document_get_basename (document));

  self->syncing++;
  cf_grid_view_set_table (self->grid_view, document, NULL);
  remove_all_rows (self->tables_list);
  for (guint i = 0; i < tables->len; i++)
    add_table_row (self, g_ptr_array_index (tables, i), i);
  if (cf_document_get_kind (document) == CF_DOCUMENT_KIND_PDF)
    {
      cf_source_view_set_document (self->source_view, NULL);
      /* The page view opens the PDF again: with the password it was read with. */
      cf_pdf_view_set_pdf (self->pdf_view, self->pdf_bytes, self->password);
      gtk_label_set_text (self->pdf_status, "");
      gtk_stack_set_visible_child_name (self->source_stack, "pdf");
    }
  else
    {
      cf_pdf_view_set_pdf (self->pdf_view, NULL, NULL);
      cf_source_view_set_document (self->source_view, document);
      gtk_stack_set_visible_child_name (self->source_stack, "text");
    }
  self->syncing--;

  cf_window_refresh_findings (self);
  if (tables->len > 0)
    cf_window_select_table (self, first_table_to_show (self));
  else
    {
      gtk_label_set_text (self->table_title, _("No tables were found in this report"));
      cf_window_show_toast (self, _("No tables were found; the text is still checked"));
    }

  if (cf_document_get_path (document) != NULL &&
      g_strcmp0 (cf_document_get_path (document), "-") != 0)
    {
      g_autoptr (GFile) file = g_file_new_for_path (cf_document_get_path (document));

      uri = g_file_get_uri (file);
      gtk_recent_manager_add_item (gtk_recent_manager_get_default (), uri);
    }
  cf_window_update_actions (self);
  cf_window_update_page_label (self);
}

static void
on_loaded (GObject *source, GAsyncResult *res, gpointer data)
{
  CfWindow *self = CF_WINDOW (source);
  GCancellable *cancellable = g_task_get_cancellable (G_TASK (res));
  g_autoptr (GError) error = NULL;
  LoadResult *result = g_task_propagate_pointer (G_TASK (res), &error);

  /* A later open replaced this one: it owns the page now. */
  if (cancellable != self->load_cancellable)
    {
      if (result != NULL)
        load_result_free (result);
      return;
    }
  g_clear_object (&self->load_cancellable);

  if (result == NULL)
    {
      set_loading (self, FALSE, NULL);
      if (g_error_matches (error, CF_ERROR, CF_ERROR_ENCRYPTED))
        cf_window_ask_password (self, g_task_get_task_data (G_TASK (res)), self->password != NULL);
      else if (!g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        cf_window_show_toast (self, error->message);
      return;
    }
  g_set_object (&self->session, result->session);
  set_document (self, result->document, result->pdf_bytes);
  g_clear_pointer (&self->password, g_free);
  if (result->store_error != NULL)
    cf_window_show_toast (self, result->store_error);
  load_result_free (result);
  set_loading (self, FALSE, NULL);
}

void
cf_window_set_document (CfWindow *self, CfDocument *document, GBytes *pdf_bytes)
{
  g_return_if_fail (CF_IS_WINDOW (self));
  g_return_if_fail (CF_IS_DOCUMENT (document));

  /* Whatever was being read would replace this document: stop it. */
  g_cancellable_cancel (self->load_cancellable);
  g_clear_object (&self->load_cancellable);
  set_document (self, document, pdf_bytes);
  set_loading (self, FALSE, NULL);
}

void
cf_window_open_file (CfWindow *self, GFile *file)
{
  g_autoptr (GTask) task = NULL;
  g_autofree char *name = NULL;

  g_return_if_fail (CF_IS_WINDOW (self));
  g_return_if_fail (G_IS_FILE (file));

  g_cancellable_cancel (self->load_cancellable);
  g_clear_object (&self->load_cancellable);
  self->load_cancellable = g_cancellable_new ();

  name = g_file_get_basename (file);
  set_loading (self, TRUE, name);
  task = g_task_new (self, self->load_cancellable, on_loaded, NULL);
  g_task_set_source_tag (task, cf_window_open_file);
  g_task_set_task_data (task, g_object_ref (file), g_object_unref);
  g_object_set_data_full (G_OBJECT (task), "cf-password", g_strdup (self->password), g_free);
  g_task_run_in_thread (task, load_in_thread);
}

gboolean
cf_window_is_loading (CfWindow *self)
{
  g_return_val_if_fail (CF_IS_WINDOW (self), FALSE);
  return self->load_cancellable != NULL;
}

CfDocument *
cf_window_get_document (CfWindow *self)
{
  g_return_val_if_fail (CF_IS_WINDOW (self), NULL);
  return self->document;
}

/* Panes in step ------------------------------------------------------------ */

static CfTable *
table_at (CfWindow *self, guint index)
{
  GPtrArray *tables;

  if (self->document == NULL)
    return NULL;
  tables = cf_document_get_tables (self->document);
  return index < tables->len ? g_ptr_array_index (tables, index) : NULL;
}

static int
table_index (CfWindow *self, CfTable *table)
{
  guint index;

  if (self->document == NULL ||
      !g_ptr_array_find (cf_document_get_tables (self->document), table, &index))
    return -1;
  return (int) index;
}

void
cf_window_select_table (CfWindow *self, guint index)
{
  GtkListBoxRow *row = gtk_list_box_get_row_at_index (self->tables_list, (int) index);

  g_return_if_fail (CF_IS_WINDOW (self));
  if (row != NULL && gtk_list_box_get_selected_row (self->tables_list) != row)
    gtk_list_box_select_row (self->tables_list, row);
}

static void
show_table (CfWindow *self, CfTable *table)
{
  g_autofree char *name = NULL;
  gint64 offset, length;

  if (table == cf_grid_view_get_table (self->grid_view))
    return;
  name = cf_table_display_name (table, (guint) table_index (self, table));
  gtk_label_set_text (self->table_title, name);
  cf_grid_view_set_table (self->grid_view, self->document, table);
  cf_window_update_actions (self);

  self->syncing++;
  cf_table_get_range (table, &offset, &length);
  if (cf_document_get_kind (self->document) == CF_DOCUMENT_KIND_PDF)
    {
      g_autofree char *status = NULL;

      cf_pdf_view_set_box (self->pdf_view, 0, NULL);
      if (cf_table_get_page (table) > 0)
        {
          cf_pdf_view_set_page (self->pdf_view, cf_table_get_page (table));
          /* Translators: a page number, then where on it (a table, a cell). */
          status = g_strdup_printf (_("Page %d · %s"), cf_table_get_page (table), name);
        }
      /* The location follows the table: never the page of the one before. */
      gtk_label_set_text (self->pdf_status, status ? status : name);
      cf_window_update_page_label (self);
    }
  else if (offset >= 0)
    cf_source_view_highlight (self->source_view, offset, 0);
  self->syncing--;
}

void
cf_window_refresh_tables (CfWindow *self, guint index)
{
  GPtrArray *tables = cf_document_get_tables (self->document);
  CfTable *table;
  g_autofree char *name = NULL;

  /* A structure edit may have changed any table's grid, or the list itself. */
  for (guint i = 0; i < tables->len; i++)
    cf_table_labels_forget (g_ptr_array_index (tables, i));
  remove_all_rows (self->tables_list);
  for (guint i = 0; i < tables->len; i++)
    add_table_row (self, g_ptr_array_index (tables, i), i);
  if (tables->len == 0)
    {
      cf_grid_view_set_table (self->grid_view, self->document, NULL);
      gtk_label_set_text (self->table_title, _("No tables were found in this report"));
      cf_window_update_actions (self);
      return;
    }
  index = MIN (index, tables->len - 1);
  table = g_ptr_array_index (tables, index);
  if (table == cf_grid_view_get_table (self->grid_view))
    cf_grid_view_reload (self->grid_view);
  cf_window_select_table (self, index);
  name = cf_table_display_name (table, index);
  gtk_label_set_text (self->table_title, name);
  cf_window_update_actions (self);
}

static void
on_table_selected (GtkListBox *list, GtkListBoxRow *row, CfWindow *self)
{
  CfTable *table;

  if (row == NULL)
    return;
  table = table_at (self, (guint) gtk_list_box_row_get_index (row));
  if (table != NULL)
    show_table (self, table);
}

static void
on_cell_selected (CfGridView *grid, int row, int col, CfWindow *self)
{
  CfTable *table = cf_grid_view_get_table (grid);
  CfCell *cell = table ? cf_table_get_origin_cell (table, row, col) : NULL;

  if (cell == NULL)
    return;
  self->syncing++;
  if (cf_document_get_kind (self->document) == CF_DOCUMENT_KIND_PDF)
    {
      g_autofree char *where = cf_table_labels_cell (cf_table_labels_for_document (self->document, table), row, col);
      g_autofree char *status = NULL;
      int page = cell->page;
      double bbox[4];

      memcpy (bbox, cell->bbox, sizeof bbox);
      if (page <= 0 && cell->offset >= 0)
        cf_document_locate_range (self->document, cell->offset, cell->length, &page, bbox);
      if (page > 0)
        {
          status = g_strdup_printf (_("Page %d · %s"), page, where);
          cf_pdf_view_set_box (self->pdf_view, page, bbox);
        }
      else
        status = g_strdup (where);
      gtk_label_set_text (self->pdf_status, status);
      cf_window_update_page_label (self);
    }
  else
    cf_source_view_highlight (self->source_view, cell->offset, cell->length);
  self->syncing--;
}

static CfCell *
cell_at_offset (CfTable *table, gint64 offset)
{
  gint64 start, length;

  cf_table_get_range (table, &start, &length);
  if (start >= 0 && length > 0 && (offset < start || offset > start + length))
    return NULL;
  for (guint i = 0; i < cf_table_get_n_cells (table); i++)
    {
      CfCell *cell = cf_table_get_cell_at (table, i);

      if (cell->offset >= 0 && offset >= cell->offset && offset < cell->offset + cell->length)
        return cell;
    }
  return NULL;
}

static void
on_source_offset (CfSourceView *view, gint64 offset, CfWindow *self)
{
  GPtrArray *tables;

  if (self->syncing > 0 || self->document == NULL)
    return;
  tables = cf_document_get_tables (self->document);
  for (guint i = 0; i < tables->len; i++)
    {
      CfTable *table = g_ptr_array_index (tables, i);
      CfCell *cell = cell_at_offset (table, offset);

      if (cell == NULL)
        continue;
      self->syncing++;
      cf_window_select_table (self, i);
      show_table (self, table);
      cf_grid_view_select_cell (self->grid_view, cell->row, cell->col, FALSE);
      self->syncing--;
      return;
    }
}

static void
on_cell_edited (CfGridView *grid, int row, int col, CfWindow *self)
{
  /* With a session the history's `changed` re-audits (cf-window-edit.c). */
  if (self->session != NULL)
    return;
  /* The audit is fast: every edit re-checks the whole document. */
  cf_audit_document (self->document, NULL);
  cf_window_refresh_findings (self);
}

/* Findings ----------------------------------------------------------------- */

static GtkWidget *
finding_row_new (CfWindow *self, CfFinding *finding)
{
  g_autofree char *text = cf_finding_describe (self->document, finding);
  GtkWidget *row = gtk_list_box_row_new ();
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 8);
  GtkWidget *texts = gtk_box_new (GTK_ORIENTATION_VERTICAL, 2);
  GtkWidget *icon;
  GtkWidget *label = gtk_label_new (text);
  const char *icon_name = finding->severity == CF_SEVERITY_ERROR ? "dialog-error-symbolic"
                        : finding->severity == CF_SEVERITY_WARNING ? "dialog-warning-symbolic"
                        : "dialog-information-symbolic";

  icon = gtk_image_new_from_icon_name (icon_name);
  gtk_widget_set_valign (icon, GTK_ALIGN_START);
  gtk_widget_add_css_class (icon, finding->severity == CF_SEVERITY_ERROR ? "severity-error"
                                : finding->severity == CF_SEVERITY_WARNING ? "severity-warning"
                                : "severity-info");
  /* The label says the severity in words already. */
  gtk_accessible_update_state (GTK_ACCESSIBLE (icon), GTK_ACCESSIBLE_STATE_HIDDEN, TRUE, -1);
  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_label_set_wrap (GTK_LABEL (label), TRUE);
  gtk_label_set_wrap_mode (GTK_LABEL (label), PANGO_WRAP_WORD_CHAR);
  gtk_box_append (GTK_BOX (texts), label);
  if (finding->message != NULL && strstr (text, finding->message) == NULL)
    {
      GtkWidget *detail = gtk_label_new (finding->message);

      gtk_label_set_xalign (GTK_LABEL (detail), 0);
      gtk_label_set_wrap (GTK_LABEL (detail), TRUE);
      gtk_label_set_wrap_mode (GTK_LABEL (detail), PANGO_WRAP_WORD_CHAR);
      gtk_widget_add_css_class (detail, "dim-label");
      gtk_widget_add_css_class (detail, "caption");
      gtk_box_append (GTK_BOX (texts), detail);
    }
  gtk_box_append (GTK_BOX (box), icon);
  gtk_box_append (GTK_BOX (box), texts);
  gtk_list_box_row_set_child (GTK_LIST_BOX_ROW (row), box);
  gtk_widget_set_tooltip_text (row, finding->rule);
  cf_window_decorate_finding (self, row, box, finding);
  return row;
}

/* What the audit checked, then what it found: "nothing could be checked" is
 * not "clean". */
char *
cf_window_findings_heading (CfDocument *document)
{
  GPtrArray *findings = cf_document_get_findings (document);
  guint n_errors = cf_document_count_findings (document, CF_SEVERITY_ERROR);
  guint n_warnings = cf_document_count_findings (document, CF_SEVERITY_WARNING);
  guint n_notes = findings->len - n_errors - n_warnings;
  GString *text = g_string_new (NULL);
  CfCoverage coverage;

  cf_document_get_coverage (document, &coverage);
  if (cf_document_nothing_checked (document))
    g_string_append (text, _("Nothing could be checked: no table of a known form, no total"));
  else if (findings->len == 0)
    {
      g_string_append (text, _("Findings: none."));
      g_string_append_c (text, ' ');
      if (coverage.n_form_tables > 0)
        g_string_append_printf (text, ngettext ("Checked %u form table", "Checked %u form tables",
                                                coverage.n_form_tables),
                                coverage.n_form_tables);
      if (coverage.n_form_tables > 0 && coverage.n_total_checks > 0)
        g_string_append (text, ", ");
      if (coverage.n_total_checks > 0)
        g_string_append_printf (text, ngettext ("%u total adds up", "%u totals add up",
                                                coverage.n_total_checks),
                                coverage.n_total_checks);
    }
  else
    {
      /* Translators: the start of the findings header, followed by counts. */
      g_string_append (text, _("Findings:"));
      g_string_append_c (text, ' ');
      g_string_append_printf (text, ngettext ("%u error", "%u errors", n_errors), n_errors);
      g_string_append (text, ", ");
      g_string_append_printf (text, ngettext ("%u warning", "%u warnings", n_warnings), n_warnings);
      g_string_append (text, ", ");
      g_string_append_printf (text, ngettext ("%u note", "%u notes", n_notes), n_notes);
    }
  if (coverage.n_pages_without_text > 0)
    {
      g_string_append (text, " · ");
      g_string_append_printf (text, ngettext ("%u page without text (a scan)",
                                              "%u pages without text (scans)",
                                              coverage.n_pages_without_text),
                              coverage.n_pages_without_text);
    }
  /* What the prose states was compared too: "none" is not "nothing stated". */
  {
    guint n_checked = 0;
    guint n_stated = cf_document_get_stated_figures (document, &n_checked);

    g_string_append (text, " · ");
    if (n_stated == 0)
      g_string_append (text, _("no figure stated in the text"));
    else
      g_string_append_printf (text, ngettext ("%u figure stated in the text, %u checked",
                                              "%u figures stated in the text, %u checked", n_stated),
                              n_stated, n_checked);
  }
  return g_string_free (text, FALSE);
}

/* Findings alike: the same rule, table and severity. */
static gboolean
findings_alike (const CfFinding *a, const CfFinding *b)
{
  return a->severity == b->severity && g_strcmp0 (a->rule, b->rule) == 0
         && g_strcmp0 (a->table, b->table) == 0;
}

static void
on_show_group (GtkToggleButton *toggle, CfWindow *self)
{
  GPtrArray *members = g_object_get_data (G_OBJECT (toggle), "cf-members");
  gboolean shown = gtk_toggle_button_get_active (toggle);

  for (guint i = 0; members != NULL && i < members->len; i++)
    gtk_widget_set_visible (g_ptr_array_index (members, i), shown);
  gtk_button_set_label (GTK_BUTTON (toggle), shown ? _("Show Fewer") : _("Show All"));
}

/* Under the first of a group: "and 14 more like it" and a toggle showing them. */
static void
group_rows (CfWindow *self, GtkListBoxRow *first, GPtrArray *members)
{
  GtkWidget *box = gtk_list_box_row_get_child (first);
  GtkWidget *line = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
  GtkWidget *texts = gtk_widget_get_first_child (box);
  g_autofree char *more = g_strdup_printf (ngettext ("and %u more like it", "and %u more like it",
                                                     members->len),
                                           members->len);
  GtkWidget *label = gtk_label_new (more);
  GtkWidget *toggle = gtk_toggle_button_new_with_label (_("Show All"));

  /* The texts are the box's second child (after the icon). */
  if (texts != NULL && gtk_widget_get_next_sibling (texts) != NULL)
    texts = gtk_widget_get_next_sibling (texts);
  gtk_widget_add_css_class (label, "caption");
  gtk_widget_add_css_class (label, "dim-label");
  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_widget_add_css_class (toggle, "flat");
  gtk_widget_add_css_class (toggle, "caption");
  gtk_box_append (GTK_BOX (line), label);
  gtk_box_append (GTK_BOX (line), toggle);
  if (GTK_IS_BOX (texts))
    gtk_box_append (GTK_BOX (texts), line);
  g_object_set_data_full (G_OBJECT (toggle), "cf-members", g_ptr_array_ref (members),
                          (GDestroyNotify) g_ptr_array_unref);
  g_signal_connect (toggle, "toggled", G_CALLBACK (on_show_group), self);
  for (guint i = 0; i < members->len; i++)
    gtk_widget_set_visible (g_ptr_array_index (members, i), FALSE);
  {
    g_autofree char *description = g_strdup_printf (ngettext ("%u more finding like it is hidden",
                                                              "%u more findings like it are hidden",
                                                              members->len),
                                                    members->len);
    gtk_accessible_update_property (GTK_ACCESSIBLE (first), GTK_ACCESSIBLE_PROPERTY_DESCRIPTION,
                                    description, -1);
  }
}

/* The findings, errors first, then warnings, then notes; findings alike
 * (three or more) as one row with the others hidden behind "Show All".
 * Each row keeps its finding's index ("cf-finding": index + 1). */
static void
append_finding_rows (CfWindow *self, GPtrArray *findings)
{
  g_autofree gboolean *placed = g_new0 (gboolean, findings->len + 1);
  static const CfSeverity order[] = { CF_SEVERITY_ERROR, CF_SEVERITY_WARNING, CF_SEVERITY_INFO };

  for (guint o = 0; o < G_N_ELEMENTS (order); o++)
    for (guint i = 0; i < findings->len; i++)
      {
        CfFinding *finding = g_ptr_array_index (findings, i);
        g_autoptr (GPtrArray) members = NULL;
        GtkWidget *first;

        if (placed[i] || finding->severity != order[o])
          continue;
        members = g_ptr_array_new ();
        for (guint j = i; j < findings->len; j++)
          {
            CfFinding *other = g_ptr_array_index (findings, j);
            GtkWidget *row;

            if (placed[j] || !findings_alike (finding, other))
              continue;
            placed[j] = TRUE;
            row = finding_row_new (self, other);
            g_object_set_data (G_OBJECT (row), "cf-finding", GUINT_TO_POINTER (j + 1));
            gtk_list_box_append (self->findings_list, row);
            g_ptr_array_add (members, row);
          }
        if (members->len < 3)
          continue;
        first = g_ptr_array_steal_index (members, 0);
        group_rows (self, GTK_LIST_BOX_ROW (first), members);
      }
}

/* The index in the document's findings of the finding @row shows, or -1. */
static int
finding_index_of_row (GtkListBoxRow *row)
{
  return GPOINTER_TO_INT (g_object_get_data (G_OBJECT (row), "cf-finding")) - 1;
}

GtkListBoxRow *
cf_window_get_finding_row (CfWindow *self, guint index)
{
  for (int i = 0;; i++)
    {
      GtkListBoxRow *row = gtk_list_box_get_row_at_index (self->findings_list, i);

      if (row == NULL || finding_index_of_row (row) == (int) index)
        return row;
    }
}

void
cf_window_refresh_findings (CfWindow *self)
{
  GPtrArray *findings;
  guint n_errors, n_warnings;
  g_autofree char *heading = NULL;
  g_autofree char *subtitle = NULL;

  self->syncing++;
  remove_all_rows (self->findings_list);
  cf_source_view_clear_findings (self->source_view);
  if (self->document == NULL)
    {
      self->syncing--;
      return;
    }

  findings = cf_document_get_findings (self->document);
  append_finding_rows (self, findings);
  for (guint i = 0; i < findings->len; i++)
    {
      CfFinding *finding = g_ptr_array_index (findings, i);

      if (finding->table == NULL && finding->offset >= 0)
        cf_source_view_mark_finding (self->source_view, finding->offset, finding->length,
                                     finding->severity);
      for (guint j = 0; finding->cells != NULL && j < finding->cells->len; j++)
        {
          CfCell *cell = cf_finding_resolve_cell (self->document, finding, j, NULL);

          if (cell != NULL)
            cf_source_view_mark_finding (self->source_view, cell->offset, cell->length,
                                         finding->severity);
        }
    }
  cf_grid_view_refresh_findings (self->grid_view);
  update_table_rows (self);

  n_errors = cf_document_count_findings (self->document, CF_SEVERITY_ERROR);
  n_warnings = cf_document_count_findings (self->document, CF_SEVERITY_WARNING);
  heading = cf_window_findings_heading (self->document);
  gtk_label_set_text (self->findings_heading, heading);
  if (cf_document_nothing_checked (self->document))
    gtk_widget_add_css_class (GTK_WIDGET (self->findings_heading), "warning");
  else
    gtk_widget_remove_css_class (GTK_WIDGET (self->findings_heading), "warning");
  /* Accepted findings stay listed but are no longer open. */
  if (self->session != NULL)
    {
      CfReview *review = cf_correction_session_get_review (self->session);
      guint accepted = cf_review_get_n_accepted (review);

      n_errors = cf_review_count_open (review, self->document, CF_SEVERITY_ERROR);
      n_warnings = cf_review_count_open (review, self->document, CF_SEVERITY_WARNING);
      if (accepted > 0)
        subtitle = g_strdup_printf (ngettext ("%u accepted", "%u accepted", accepted), accepted);
    }
  {
    /* "1 open error · 2 warnings · 1 accepted", each count in its plural form. */
    g_autofree char *errors = g_strdup_printf (ngettext ("%u open error", "%u open errors", n_errors),
                                               n_errors);
    g_autofree char *warnings = g_strdup_printf (ngettext ("%u warning", "%u warnings", n_warnings),
                                                 n_warnings);
    g_autofree char *accepted_text = g_steal_pointer (&subtitle);

    subtitle = accepted_text ? g_strjoin (" · ", errors, warnings, accepted_text, NULL)
                             : g_strjoin (" · ", errors, warnings, NULL);
  }
  adw_window_title_set_subtitle (self->title_widget, subtitle);
  self->syncing--;
}

void
cf_window_select_finding (CfWindow *self, guint index)
{
  GtkListBoxRow *row;

  g_return_if_fail (CF_IS_WINDOW (self));
  row = cf_window_get_finding_row (self, index);
  if (row != NULL)
    {
      gtk_widget_set_visible (GTK_WIDGET (row), TRUE);
      gtk_list_box_select_row (self->findings_list, row);
    }
}

static void
on_finding_selected (GtkListBox *list, GtkListBoxRow *row, CfWindow *self)
{
  GPtrArray *findings;
  CfFinding *finding;
  g_autoptr (GPtrArray) cells = g_ptr_array_new ();
  CfTable *first_table = NULL;
  CfCell *first = NULL;

  if (row == NULL || self->document == NULL || self->syncing > 0)
    return;
  findings = cf_document_get_findings (self->document);
  if (finding_index_of_row (row) < 0 || (guint) finding_index_of_row (row) >= findings->len)
    return;
  finding = g_ptr_array_index (findings, finding_index_of_row (row));

  for (guint j = 0; finding->cells != NULL && j < finding->cells->len; j++)
    {
      CfTable *table = NULL;
      CfCell *cell = cf_finding_resolve_cell (self->document, finding, j, &table);

      if (cell == NULL)
        continue;
      if (first == NULL)
        {
          first = cell;
          first_table = table;
        }
      if (table == first_table)
        g_ptr_array_add (cells, cell);
    }

  if (first != NULL)
    {
      int index = table_index (self, first_table);

      self->syncing++;
      cf_window_select_table (self, (guint) index);
      show_table (self, first_table);
      self->syncing--;
      cf_grid_view_set_marked (self->grid_view, cells);
      cf_grid_view_select_cell (self->grid_view, first->row, first->col, FALSE);
    }
  else if (finding->offset >= 0 && cf_document_get_kind (self->document) != CF_DOCUMENT_KIND_PDF)
    {
      self->syncing++;
      cf_source_view_highlight (self->source_view, finding->offset, finding->length);
      self->syncing--;
    }
  else if (finding->page > 0)
    {
      cf_pdf_view_set_box (self->pdf_view, finding->page, finding->bbox);
      gtk_label_set_text (self->pdf_status, finding->message);
      cf_window_update_page_label (self);
    }
}

/* Enter on a finding, the keyboard's way to it, goes on to its cell. */
static void
on_finding_activated (GtkListBox *list, GtkListBoxRow *row, CfWindow *self)
{
  GPtrArray *findings;
  CfFinding *finding;
  guint index = (guint) finding_index_of_row (row);

  if (self->document == NULL || index >= (findings = cf_document_get_findings (self->document))->len)
    return;
  finding = g_ptr_array_index (findings, index);
  on_finding_selected (list, row, self);
  for (guint j = 0; finding->cells != NULL && j < finding->cells->len; j++)
    {
      CfCell *cell = cf_finding_resolve_cell (self->document, finding, j, NULL);

      if (cell != NULL)
        {
          cf_grid_view_select_cell (self->grid_view, cell->row, cell->col, TRUE);
          return;
        }
    }
}

/* Recent documents ----------------------------------------------------------- */

static gint
compare_recent (gconstpointer a, gconstpointer b)
{
  GtkRecentInfo *ia = *(GtkRecentInfo **) a;
  GtkRecentInfo *ib = *(GtkRecentInfo **) b;
  GDateTime *ma = gtk_recent_info_get_modified (ia);
  GDateTime *mb = gtk_recent_info_get_modified (ib);

  return g_date_time_compare (mb, ma);
}

void
cf_window_update_recent (CfWindow *self)
{
  GList *items = gtk_recent_manager_get_items (gtk_recent_manager_get_default ());
  g_autoptr (GPtrArray) ours = g_ptr_array_new ();
  guint shown = 0;

  g_menu_remove_all (self->recent_section);
  for (GList *l = items; l != NULL; l = l->next)
    {
      GtkRecentInfo *info = l->data;

      if (gtk_recent_info_has_application (info, g_get_application_name ()) &&
          gtk_recent_info_is_local (info))
        g_ptr_array_add (ours, info);
    }
  g_ptr_array_sort (ours, compare_recent);
  for (guint i = 0; i < ours->len && shown < 8; i++)
    {
      GtkRecentInfo *info = g_ptr_array_index (ours, i);
      g_autoptr (GMenuItem) item = NULL;
      g_autofree char *label = NULL;

      if (!gtk_recent_info_exists (info))
        continue;
      label = g_strdup (gtk_recent_info_get_display_name (info));
      item = g_menu_item_new (label, NULL);
      g_menu_item_set_action_and_target (item, "win.open-recent", "s", gtk_recent_info_get_uri (info));
      g_menu_append_item (self->recent_section, item);
      shown++;
    }
  g_list_free_full (items, (GDestroyNotify) gtk_recent_info_unref);
}

/* Window ------------------------------------------------------------------- */

static gboolean
cf_window_close_request (GtkWindow *window)
{
  CfWindow *self = CF_WINDOW (window);

  if (self->settings != NULL)
    {
      int width, height;

      gtk_window_get_default_size (window, &width, &height);
      g_settings_set (self->settings, "window-size", "(ii)", width, height);
      g_settings_set_boolean (self->settings, "window-maximized", gtk_window_is_maximized (window));
    }
  g_cancellable_cancel (self->load_cancellable);
  return GTK_WINDOW_CLASS (cf_window_parent_class)->close_request (window);
}

static void
cf_window_dispose (GObject *object)
{
  CfWindow *self = CF_WINDOW (object);

  g_cancellable_cancel (self->load_cancellable);
  g_clear_object (&self->load_cancellable);
  g_clear_handle_id (&self->pulse_id, g_source_remove);
  g_signal_handlers_disconnect_by_data (gtk_recent_manager_get_default (), self);
  cf_window_dispose_edit (self);
  gtk_widget_dispose_template (GTK_WIDGET (self), CF_TYPE_WINDOW);
  G_OBJECT_CLASS (cf_window_parent_class)->dispose (object);
}

static void
cf_window_finalize (GObject *object)
{
  CfWindow *self = CF_WINDOW (object);

  g_clear_object (&self->document);
  g_clear_object (&self->settings);
  g_clear_pointer (&self->pdf_bytes, g_bytes_unref);
  g_free (self->csv_encoding);
  g_free (self->last_message);
  G_OBJECT_CLASS (cf_window_parent_class)->finalize (object);
}

static void
cf_window_class_init (CfWindowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  GtkWindowClass *window_class = GTK_WINDOW_CLASS (klass);

  object_class->dispose = cf_window_dispose;
  object_class->finalize = cf_window_finalize;
  window_class->close_request = cf_window_close_request;

  g_type_ensure (CF_TYPE_GRID_VIEW);
  g_type_ensure (CF_TYPE_SOURCE_VIEW);
  g_type_ensure (CF_TYPE_PDF_VIEW);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/crossfoot/Crossfoot/cf-window.ui");
  gtk_widget_class_bind_template_child (widget_class, CfWindow, toast_overlay);
  gtk_widget_class_bind_template_child (widget_class, CfWindow, title_widget);
  gtk_widget_class_bind_template_child (widget_class, CfWindow, main_stack);
  gtk_widget_class_bind_template_child (widget_class, CfWindow, loading_page);
  gtk_widget_class_bind_template_child (widget_class, CfWindow, spinner);
  gtk_widget_class_bind_template_child (widget_class, CfWindow, progress);
  gtk_widget_class_bind_template_child (widget_class, CfWindow, tables_list);
  gtk_widget_class_bind_template_child (widget_class, CfWindow, source_stack);
  gtk_widget_class_bind_template_child (widget_class, CfWindow, source_view);
  gtk_widget_class_bind_template_child (widget_class, CfWindow, pdf_view);
  gtk_widget_class_bind_template_child (widget_class, CfWindow, pdf_scroller);
  gtk_widget_class_bind_template_child (widget_class, CfWindow, pdf_status);
  gtk_widget_class_bind_template_child (widget_class, CfWindow, page_label);
  gtk_widget_class_bind_template_child (widget_class, CfWindow, table_title);
  gtk_widget_class_bind_template_child (widget_class, CfWindow, grid_view);
  gtk_widget_class_bind_template_child (widget_class, CfWindow, findings_list);
  gtk_widget_class_bind_template_child (widget_class, CfWindow, findings_heading);
  gtk_widget_class_bind_template_child (widget_class, CfWindow, recent_section);

  gtk_widget_class_bind_template_child (widget_class, CfWindow, stale_banner);
  gtk_widget_class_bind_template_child (widget_class, CfWindow, stale_label);

  cf_window_class_add_inbox (widget_class);
  cf_window_class_add_extract (widget_class);
  cf_window_class_add_edit_actions (widget_class);
  cf_window_class_add_layout (widget_class);
  cf_window_class_add_actions (widget_class);
}

static GSettings *
settings_new_if_installed (void)
{
  GSettingsSchemaSource *source = g_settings_schema_source_get_default ();
  g_autoptr (GSettingsSchema) schema = NULL;

  /* Run from the build tree without installed schemas: just do not remember. */
  if (source == NULL || (schema = g_settings_schema_source_lookup (source, APP_ID, TRUE)) == NULL)
    return NULL;
  return g_settings_new_full (schema, NULL, NULL);
}

static void
on_recent_changed (GtkRecentManager *manager, CfWindow *self)
{
  cf_window_update_recent (self);
}

static void
cf_window_init (CfWindow *self)
{
  /* The save dialog's first choice of CSV encoding, until GSettings says. */
  self->csv_encoding = g_strdup ("utf-8-bom");
  gtk_widget_init_template (GTK_WIDGET (self));

  self->settings = settings_new_if_installed ();
  if (self->settings != NULL)
    {
      int width, height;

      g_settings_get (self->settings, "window-size", "(ii)", &width, &height);
      if (width > 0 && height > 0)
        gtk_window_set_default_size (GTK_WINDOW (self), width, height);
      if (g_settings_get_boolean (self->settings, "window-maximized"))
        gtk_window_maximize (GTK_WINDOW (self));
      g_free (self->csv_encoding);
      self->csv_encoding = g_settings_get_string (self->settings, "csv-encoding");
    }

  g_signal_connect (self->tables_list, "row-selected", G_CALLBACK (on_table_selected), self);
  g_signal_connect (self->findings_list, "row-selected", G_CALLBACK (on_finding_selected), self);
  g_signal_connect (self->findings_list, "row-activated", G_CALLBACK (on_finding_activated), self);
  g_signal_connect (self->grid_view, "cell-selected", G_CALLBACK (on_cell_selected), self);
  g_signal_connect (self->grid_view, "cell-edited", G_CALLBACK (on_cell_edited), self);
  g_signal_connect (self->source_view, "offset-activated", G_CALLBACK (on_source_offset), self);
  g_signal_connect (gtk_recent_manager_get_default (), "changed",
                    G_CALLBACK (on_recent_changed), self);

  cf_window_setup_inbox (self);
  cf_window_setup_extract (self);
#ifdef CF_ENABLE_BENCH
  cf_bench_watch_window (self);
#endif
  cf_window_setup_edit (self);
  cf_window_setup_layout (self);
  cf_window_setup_dnd (self);
  cf_window_update_recent (self);
  cf_window_update_actions (self);
}

CfWindow *
cf_window_new (CfApplication *app)
{
  return g_object_new (CF_TYPE_WINDOW, "application", app, NULL);
}

CfGridView *
cf_window_get_grid_view (CfWindow *self)
{
  return self->grid_view;
}

CfSourceView *
cf_window_get_source_view (CfWindow *self)
{
  return self->source_view;
}

CfPdfView *
cf_window_get_pdf_view (CfWindow *self)
{
  return self->pdf_view;
}

GtkListBox *
cf_window_get_tables_list (CfWindow *self)
{
  return self->tables_list;
}

GtkListBox *
cf_window_get_findings_list (CfWindow *self)
{
  return self->findings_list;
}

GtkLabel *
cf_window_get_pdf_status (CfWindow *self)
{
  return self->pdf_status;
}
