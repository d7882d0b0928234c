/* cf-window-actions.c: the window's actions (win.*): open, export, pages, zoom */
#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "cf-file-dialog.h"
#include "cf-window-private.h"

enum
{
  PROP_0,
  PROP_CSV_ENCODING,
  N_PROPS
};

/* Opening ------------------------------------------------------------------- */

void
cf_window_open_files (CfWindow *self, GSList *files)
{
  g_autoptr (GSList) local = NULL;

  /* A link dragged from a browser (or given on the command line) names a web
   * page: the sandbox has no network and GIO without gvfs cannot read it, so
   * ask for the saved file instead of failing on it. */
  for (GSList *l = files; l != NULL; l = l->next)
    {
      if (g_file_has_uri_scheme (l->data, "http") || g_file_has_uri_scheme (l->data, "https")
          || g_file_has_uri_scheme (l->data, "ftp"))
        {
          g_autofree char *uri = g_file_get_uri (l->data);
          g_autofree char *message = NULL;

          /* Translators: the web address of a dropped link. */
          message = g_strdup_printf (_("%s is a web address: save the report from the browser "
                                       "first, then open the saved file"), uri);
          cf_window_show_toast (self, message);
        }
      else
        local = g_slist_prepend (local, l->data);
    }
  local = g_slist_reverse (local);

  /* Several files, or a folder, are audited together in the inbox. */
  if (cf_window_wants_batch (local))
    cf_window_open_batch (self, local);
  else if (local != NULL)
    cf_window_open_file (self, local->data);
}

static GListStore *
report_filters (void)
{
  GListStore *filters = g_list_store_new (GTK_TYPE_FILE_FILTER);
  GtkFileFilter *all = gtk_file_filter_new ();
  GtkFileFilter *pdf = gtk_file_filter_new ();
  GtkFileFilter *text = gtk_file_filter_new ();
  GtkFileFilter *html = gtk_file_filter_new ();

  gtk_file_filter_set_name (all, _("All Reports"));
  gtk_file_filter_set_name (pdf, _("PDF Documents"));
  gtk_file_filter_set_name (text, _("Text Files"));
  gtk_file_filter_set_name (html, _("Saved Web Pages"));
  gtk_file_filter_add_mime_type (all, "application/pdf");
  gtk_file_filter_add_mime_type (all, "text/plain");
  gtk_file_filter_add_mime_type (all, "text/html");
  gtk_file_filter_add_mime_type (pdf, "application/pdf");
  gtk_file_filter_add_suffix (pdf, "pdf");
  gtk_file_filter_add_mime_type (text, "text/plain");
  gtk_file_filter_add_suffix (text, "txt");
  gtk_file_filter_add_mime_type (html, "text/html");
  gtk_file_filter_add_suffix (html, "html");
  gtk_file_filter_add_suffix (html, "htm");
  gtk_file_filter_add_suffix (all, "pdf");
  gtk_file_filter_add_suffix (all, "txt");
  gtk_file_filter_add_suffix (all, "html");
  gtk_file_filter_add_suffix (all, "htm");
  g_list_store_append (filters, all);
  g_list_store_append (filters, pdf);
  g_list_store_append (filters, text);
  g_list_store_append (filters, html);
  g_object_unref (all);
  g_object_unref (pdf);
  g_object_unref (text);
  g_object_unref (html);
  return filters;
}

static void
on_reports_chosen (GSList *files, gpointer owner, gpointer data)
{
  cf_window_open_files (CF_WINDOW (owner), files);
}

static void
open_action (GtkWidget *widget, const char *action_name, GVariant *param)
{
  g_autoptr (GListStore) filters = report_filters ();

  cf_file_dialog_open (GTK_WINDOW (widget), _("Open Reports"), G_LIST_MODEL (filters), FALSE,
                       on_reports_chosen, widget, NULL);
}

static void
open_recent_action (GtkWidget *widget, const char *action_name, GVariant *param)
{
  g_autoptr (GFile) file = g_file_new_for_uri (g_variant_get_string (param, NULL));

  cf_window_open_file (CF_WINDOW (widget), file);
}

static void
cancel_load_action (GtkWidget *widget, const char *action_name, GVariant *param)
{
  CfWindow *self = CF_WINDOW (widget);

  g_cancellable_cancel (self->load_cancellable);
}

/* Export -------------------------------------------------------------------- */

static gboolean
write_string (CfWindow *self, const char *path, const char *csv, GError **error)
{
  CfCsvEncoding encoding = CF_CSV_UTF8_BOM;

  if (!cf_csv_encoding_from_string (self->csv_encoding, &encoding))
    encoding = CF_CSV_UTF8_BOM;
  return cf_csv_write_file (path, csv, encoding, error);
}

gboolean
cf_window_export (CfWindow *self, CfExportKind kind, const char *path, GError **error)
{
  g_autoptr (GString) out = g_string_new (NULL);
  CfReview *review = self->session ? cf_correction_session_get_review (self->session) : NULL;
  CfTable *table;

  g_return_val_if_fail (CF_IS_WINDOW (self), FALSE);
  if (self->document == NULL)
    {
      g_set_error (error, CF_ERROR, CF_ERROR_INVALID, _("No report is open"));
      return FALSE;
    }

  switch (kind)
    {
    case CF_EXPORT_TABLE:
      table = cf_grid_view_get_table (self->grid_view);
      if (table == NULL)
        {
          g_set_error (error, CF_ERROR, CF_ERROR_INVALID, _("No table is shown"));
          return FALSE;
        }
      {
        /* The grid, then printed and corrected values and the findings' states. */
        g_autofree char *csv = cf_csv_table_to_string_full (self->document, table, review);

        return write_string (self, path, csv, error);
      }
    case CF_EXPORT_ALL_TABLES:
      {
        CfCsvEncoding encoding = CF_CSV_UTF8_BOM;
        g_autoptr (GPtrArray) written = NULL;

        cf_csv_encoding_from_string (self->csv_encoding, &encoding);
        written = cf_csv_write_tables_with_review (self->document, review, path, encoding, error);
        return written != NULL;
      }
    case CF_EXPORT_LONG:
      cf_csv_append_long_with_review (out, self->document, review, TRUE);
      return write_string (self, path, out->str, error);
    case CF_EXPORT_FINDINGS:
      /* With the analyst's verdicts: accepted findings travel with the export. */
      cf_csv_append_findings_with_review (out, self->document, review, TRUE);
      return write_string (self, path, out->str, error);
    default:
      g_assert_not_reached ();
    }
  return FALSE;
}

static char *
suggested_name (CfWindow *self, CfExportKind kind)
{
  g_autofree char *stem = g_strdup (cf_document_get_basename (self->document));
  char *dot = strrchr (stem, '.');
  CfTable *table = cf_grid_view_get_table (self->grid_view);

  if (dot != NULL)
    *dot = '\0';
  switch (kind)
    {
    case CF_EXPORT_TABLE:
      return g_strdup_printf ("%s-%s.csv", stem, table ? cf_table_get_id (table) : "table");
    case CF_EXPORT_LONG:
      return g_strdup_printf ("%s-long.csv", stem);
    case CF_EXPORT_FINDINGS:
      return g_strdup_printf ("%s-findings.csv", stem);
    case CF_EXPORT_ALL_TABLES:
    default:
      return g_strdup (stem);
    }
}

static void
open_uri_action (GtkWidget *widget, const char *action_name, GVariant *param)
{
  g_app_info_launch_default_for_uri_async (g_variant_get_string (param, NULL), NULL, NULL, NULL,
                                           NULL);
}

static GtkWidget *
uri_button (const char *label, GFile *file)
{
  g_autofree char *uri = g_file_get_uri (file);
  GtkWidget *button = gtk_button_new_with_mnemonic (label);

  gtk_actionable_set_action_name (GTK_ACTIONABLE (button), "win.open-uri");
  gtk_actionable_set_action_target (GTK_ACTIONABLE (button), "s", uri);
  gtk_widget_add_css_class (button, "flat");
  gtk_widget_set_valign (button, GTK_ALIGN_CENTER);
  return button;
}

void
cf_window_show_saved (CfWindow *self, GFile *file, const char *message)
{
  AdwToast *toast = adw_toast_new (message);
  g_autoptr (GFile) folder = g_file_get_parent (file);
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
  GtkWidget *label = gtk_label_new (message);
  gboolean is_folder = g_file_query_file_type (file, G_FILE_QUERY_INFO_NONE, NULL)
                       == G_FILE_TYPE_DIRECTORY;

  g_free (self->last_message);
  self->last_message = g_strdup (message);
  gtk_label_set_ellipsize (GTK_LABEL (label), PANGO_ELLIPSIZE_MIDDLE);
  gtk_box_append (GTK_BOX (box), label);
  /* What one does next with a saved file: look at it, or find it. */
  gtk_box_append (GTK_BOX (box), uri_button (_("_Open"), file));
  if (!is_folder && folder != NULL)
    gtk_box_append (GTK_BOX (box), uri_button (_("Show in _Folder"), folder));
  adw_toast_set_custom_title (toast, box);
  adw_toast_set_timeout (toast, 8);
  adw_toast_overlay_add_toast (cf_window_get_toast_overlay (self), toast);
}

/* The local path of @file, or NULL after saying that only local folders
 * can be written (a portal file with no path). */
char *
cf_window_writable_path (CfWindow *self, GFile *file)
{
  char *path = g_file_get_path (file);

  if (path == NULL)
    {
      g_autofree char *name = g_file_get_basename (file);
      g_autofree char *message = g_strdup_printf (_("%s: only local folders can be written"), name);

      cf_window_show_toast (self, message);
    }
  return path;
}

/* Says how writing @file went: @saved (or "Saved NAME") with Open and Show
 * in Folder when @written, else the error. */
void
cf_window_report_written (CfWindow *self, GFile *file, gboolean written, const GError *error,
                          const char *saved)
{
  g_autofree char *name = g_file_get_basename (file);
  g_autofree char *message = NULL;

  if (!written)
    {
      message = g_strdup_printf ("%s: %s", name, error->message);
      cf_window_show_toast (self, message);
      return;
    }
  message = saved != NULL ? g_strdup (saved) : g_strdup_printf (_("Saved %s"), name);
  cf_window_show_saved (self, file, message);
}

static void
export_to_file (CfWindow *self, CfExportKind kind, GFile *file)
{
  g_autoptr (GError) error = NULL;
  g_autofree char *path = cf_window_writable_path (self, file);
  g_autofree char *name = g_file_get_basename (file);
  g_autofree char *saved = NULL;
  gboolean written;

  if (path == NULL)
    return;
  written = cf_window_export (self, kind, path, &error);
  if (kind == CF_EXPORT_ALL_TABLES)
    saved = g_strdup_printf (_("Tables saved in %s"), name);
  cf_window_report_written (self, file, written, error, saved);
}

static const char *
export_title (CfExportKind kind)
{
  switch (kind)
    {
    case CF_EXPORT_TABLE:
      return _("Export Table as CSV");
    case CF_EXPORT_ALL_TABLES:
      return _("Export All Tables to a Folder");
    case CF_EXPORT_LONG:
      return _("Export Canonical Long CSV");
    case CF_EXPORT_FINDINGS:
    default:
      return _("Export Findings as CSV");
    }
}

static void
on_export_chosen (GFile *file, const char *encoding, gpointer owner, gpointer data)
{
  CfWindow *self = CF_WINDOW (owner);

  /* The encoding chosen is the next dialog's first choice (and saved). */
  if (encoding != NULL)
    g_object_set (self, "csv-encoding", encoding, NULL);
  export_to_file (self, GPOINTER_TO_INT (data), file);
}

/* The CSV save dialog offers the encoding: UTF-8 with a BOM (what Excel
 * needs to read Chinese) first, then GB18030 and plain UTF-8. */
static void
run_export_dialog (CfWindow *self, CfExportKind kind)
{
  static const char *const ids[] = { "utf-8-bom", "gb18030", "utf-8", NULL };
  const char *labels[] = { _("UTF-8 with BOM (Excel)"), _("GB18030"), _("UTF-8"), NULL };
  g_autofree char *name = suggested_name (self, kind);

  cf_file_dialog_save_with_choice (GTK_WINDOW (self), export_title (kind), name,
                                   kind == CF_EXPORT_ALL_TABLES, _("CSV Encoding"), ids, labels,
                                   self->csv_encoding, on_export_chosen, self,
                                   GINT_TO_POINTER (kind));
}

static void
export_action (GtkWidget *widget, const char *action_name, GVariant *param)
{
  CfExportKind kind = CF_EXPORT_FINDINGS;

  if (g_str_equal (action_name, "win.export-table"))
    kind = CF_EXPORT_TABLE;
  else if (g_str_equal (action_name, "win.export-all"))
    kind = CF_EXPORT_ALL_TABLES;
  else if (g_str_equal (action_name, "win.export-long"))
    kind = CF_EXPORT_LONG;
  run_export_dialog (CF_WINDOW (widget), kind);
}

/* The analyst's corrections as JSON, the file `crossfoot-cli --corrections`
 * reads: where they go when the data folder cannot take them (a full disk,
 * a read-only folder). Written whole or not at all (g_file_set_contents). */
gboolean
cf_window_save_corrections_json (CfWindow *self, const char *path, GError **error)
{
  g_autoptr (GPtrArray) corrections = NULL;
  g_autofree char *json = NULL;

  g_return_val_if_fail (self->document != NULL, FALSE);
  corrections = cf_corrections_from_document (self->document);
  json = cf_corrections_to_json (self->document, corrections);
  return g_file_set_contents (path, json, -1, error);
}

static void
on_corrections_file_chosen (GFile *file, gpointer owner, gpointer data)
{
  CfWindow *self = CF_WINDOW (owner);
  g_autoptr (GError) error = NULL;
  g_autofree char *path = cf_window_writable_path (self, file);

  if (path != NULL)
    cf_window_report_written (self, file, cf_window_save_corrections_json (self, path, &error),
                              error, NULL);
}

static void
export_corrections_action (GtkWidget *widget, const char *action_name, GVariant *param)
{
  CfWindow *self = CF_WINDOW (widget);
  g_autofree char *stem = NULL;
  g_autofree char *name = NULL;
  char *dot;

  if (self->document == NULL)
    return;
  stem = g_strdup (cf_document_get_basename (self->document));
  if ((dot = strrchr (stem, '.')) != NULL)
    *dot = '\0';
  name = g_strdup_printf ("%s-corrections.json", stem);
  cf_file_dialog_save (GTK_WINDOW (self), _("Save Corrections as JSON"), name, FALSE,
                       on_corrections_file_chosen, self, NULL);
}

/* Pages and zoom -------------------------------------------------------------- */

void
cf_window_update_page_label (CfWindow *self)
{
  int page = cf_pdf_view_get_page (self->pdf_view);
  int n_pages = self->document ? cf_document_get_n_pages (self->document) : 0;
  gboolean is_pdf = self->document && cf_document_get_kind (self->document) == CF_DOCUMENT_KIND_PDF;
  g_autofree char *text = NULL;

  if (cf_pdf_view_get_n_pages (self->pdf_view) > 0)
    n_pages = cf_pdf_view_get_n_pages (self->pdf_view);
  text = n_pages > 0 ? g_strdup_printf ("%d / %d", page, n_pages) : g_strdup_printf ("%d", page);
  gtk_label_set_text (self->page_label, text);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.previous-page", is_pdf && page > 1);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.next-page",
                                 is_pdf && (n_pages == 0 || page < n_pages));
}

static void
page_action (GtkWidget *widget, const char *action_name, GVariant *param)
{
  CfWindow *self = CF_WINDOW (widget);
  int page = cf_pdf_view_get_page (self->pdf_view);

  cf_pdf_view_set_page (self->pdf_view, g_str_equal (action_name, "win.next-page") ? page + 1 : page - 1);
  cf_window_update_page_label (self);
}

static void
zoom_action (GtkWidget *widget, const char *action_name, GVariant *param)
{
  CfWindow *self = CF_WINDOW (widget);
  double zoom = cf_pdf_view_get_zoom (self->pdf_view);
  GtkWidget *focus = gtk_root_get_focus (GTK_ROOT (self));

  gboolean is_pdf = self->document && cf_document_get_kind (self->document) == CF_DOCUMENT_KIND_PDF;

  /* Ctrl+plus, Ctrl+minus, Ctrl+0 zoom what has the focus: the grid or the page. */
  if (!is_pdf || (focus != NULL && gtk_widget_is_ancestor (focus, GTK_WIDGET (self->grid_view))))
    {
      cf_grid_view_zoom_step (self->grid_view, g_str_equal (action_name, "win.zoom-in") ? 1
                                               : g_str_equal (action_name, "win.zoom-out") ? -1
                                                                                           : 0);
      return;
    }
  if (g_str_equal (action_name, "win.zoom-in"))
    cf_pdf_view_set_zoom (self->pdf_view, zoom * 1.2);
  else if (g_str_equal (action_name, "win.zoom-out"))
    cf_pdf_view_set_zoom (self->pdf_view, zoom / 1.2);
  else if (cf_pdf_view_get_fit (self->pdf_view) == CF_PDF_FIT_WIDTH)
    cf_pdf_view_set_fit (self->pdf_view, CF_PDF_FIT_AUTO); /* again: 100 % where there is room */
  else
    cf_pdf_view_fit_width (self->pdf_view, gtk_widget_get_width (GTK_WIDGET (self->pdf_scroller)));
}

/* Keyboard users reach each pane directly (Alt+1 … Alt+4), or in turn (F6):
 * 1 the tables, 2 the source, 3 the grid, 4 the findings. FALSE when that
 * pane cannot take the focus (no table shown, no findings). */
static gboolean
focus_pane (CfWindow *self, int pane)
{
  GtkWidget *target = NULL;

  switch (pane)
    {
    case 1:
      target = GTK_WIDGET (self->tables_list);
      break;
    case 2:
      target = cf_document_get_kind (self->document) == CF_DOCUMENT_KIND_PDF
             ? GTK_WIDGET (self->pdf_scroller)
             : GTK_WIDGET (cf_source_view_get_text_view (self->source_view));
      break;
    case 3:
      {
        int row, col;

        if (cf_grid_view_get_table (self->grid_view) == NULL)
          return FALSE;
        if (!cf_grid_view_get_selected (self->grid_view, &row, &col))
          row = col = 0;
        cf_grid_view_select_cell (self->grid_view, row, col, TRUE);
      }
      return TRUE;
    case 4:
    default:
      target = GTK_WIDGET (self->findings_list);
      break;
    }
  if (GTK_IS_LIST_BOX (target))
    {
      GtkListBoxRow *row = gtk_list_box_get_selected_row (GTK_LIST_BOX (target));

      if (row == NULL)
        row = gtk_list_box_get_row_at_index (GTK_LIST_BOX (target), 0);
      if (row != NULL)
        target = GTK_WIDGET (row);
    }
  return gtk_widget_grab_focus (target);
}

static void
focus_pane_action (GtkWidget *widget, const char *action_name, GVariant *param)
{
  focus_pane (CF_WINDOW (widget), g_variant_get_int32 (param));
}

/* The pane (as focus_pane () numbers them) holding the focus, or 0. */
static int
focused_pane (CfWindow *self)
{
  GtkWidget *focus = gtk_root_get_focus (GTK_ROOT (self));
  GtkWidget *panes[] = {
    GTK_WIDGET (self->tables_list),
    GTK_WIDGET (self->source_stack),
    GTK_WIDGET (self->grid_view),
    GTK_WIDGET (self->findings_list),
  };

  for (int i = 0; focus != NULL && i < (int) G_N_ELEMENTS (panes); i++)
    if (focus == panes[i] || gtk_widget_is_ancestor (focus, panes[i]))
      return i + 1;
  return 0;
}

/* F6 and Shift+F6: the next or previous pane, whatever holds the focus now
 * (the grid keeps Tab for its cells). */
static void
cycle_pane_action (GtkWidget *widget, const char *action_name, GVariant *param)
{
  CfWindow *self = CF_WINDOW (widget);
  int pane = focused_pane (self);
  int step = g_variant_get_int32 (param) < 0 ? -1 : 1;

  if (pane == 0)
    pane = step > 0 ? 4 : 1;
  /* On past the panes that cannot take it. */
  for (int tries = 0; tries < 4; tries++)
    {
      pane = (pane - 1 + step + 4) % 4 + 1;
      if (focus_pane (self, pane))
        return;
    }
}

void
cf_window_update_actions (CfWindow *self)
{
  GtkWidget *widget = GTK_WIDGET (self);
  gboolean loading = self->load_cancellable != NULL;
  gboolean has_document = self->document != NULL && !loading;
  gboolean is_pdf = has_document && cf_document_get_kind (self->document) == CF_DOCUMENT_KIND_PDF;

  gtk_widget_action_set_enabled (widget, "win.cancel-load", loading);
  gtk_widget_action_set_enabled (widget, "win.export-table",
                                 has_document && cf_grid_view_get_table (self->grid_view) != NULL);
  gtk_widget_action_set_enabled (widget, "win.export-all", has_document);
  gtk_widget_action_set_enabled (widget, "win.export-long", has_document);
  gtk_widget_action_set_enabled (widget, "win.export-findings", has_document);
  gtk_widget_action_set_enabled (widget, "win.export-corrections", has_document);
  /* The grid zooms too (see zoom_action ()). */
  gtk_widget_action_set_enabled (widget, "win.zoom-in", has_document);
  gtk_widget_action_set_enabled (widget, "win.zoom-out", has_document);
  gtk_widget_action_set_enabled (widget, "win.zoom-fit", has_document);
  gtk_widget_action_set_enabled (widget, "win.focus-pane", has_document);
  gtk_widget_action_set_enabled (widget, "win.cycle-pane", has_document);
  if (!is_pdf)
    {
      gtk_widget_action_set_enabled (widget, "win.previous-page", FALSE);
      gtk_widget_action_set_enabled (widget, "win.next-page", FALSE);
    }
  cf_window_update_edit_actions (self);
}

/* The CSV encoding: the save dialog's first choice, saved in GSettings. */
static void
cf_window_get_property (GObject *object, guint prop_id, GValue *value, GParamSpec *pspec)
{
  CfWindow *self = CF_WINDOW (object);

  switch (prop_id)
    {
    case PROP_CSV_ENCODING:
      g_value_set_string (value, self->csv_encoding);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
cf_window_set_property (GObject *object, guint prop_id, const GValue *value, GParamSpec *pspec)
{
  CfWindow *self = CF_WINDOW (object);
  CfCsvEncoding encoding;

  switch (prop_id)
    {
    case PROP_CSV_ENCODING:
      if (g_value_get_string (value) == NULL ||
          !cf_csv_encoding_from_string (g_value_get_string (value), &encoding))
        return;
      if (g_strcmp0 (self->csv_encoding, g_value_get_string (value)) == 0)
        return;
      g_free (self->csv_encoding);
      self->csv_encoding = g_value_dup_string (value);
      if (self->settings != NULL)
        g_settings_set_string (self->settings, "csv-encoding", self->csv_encoding);
      g_object_notify_by_pspec (object, pspec);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

void
cf_window_class_add_actions (GtkWidgetClass *widget_class)
{
  GObjectClass *object_class = G_OBJECT_CLASS (widget_class);

  object_class->get_property = cf_window_get_property;
  object_class->set_property = cf_window_set_property;
  g_object_class_install_property (object_class, PROP_CSV_ENCODING,
                                   g_param_spec_string ("csv-encoding", NULL, NULL, "utf-8-bom",
                                                        G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY |
                                                        G_PARAM_STATIC_STRINGS));

  gtk_widget_class_install_action (widget_class, "win.open", NULL, open_action);
  gtk_widget_class_install_action (widget_class, "win.open-uri", "s", open_uri_action);
  gtk_widget_class_install_action (widget_class, "win.open-recent", "s", open_recent_action);
  gtk_widget_class_install_action (widget_class, "win.cancel-load", NULL, cancel_load_action);
  gtk_widget_class_install_action (widget_class, "win.export-table", NULL, export_action);
  gtk_widget_class_install_action (widget_class, "win.export-all", NULL, export_action);
  gtk_widget_class_install_action (widget_class, "win.export-long", NULL, export_action);
  gtk_widget_class_install_action (widget_class, "win.export-findings", NULL, export_action);
  gtk_widget_class_install_action (widget_class, "win.export-corrections", NULL,
                                   export_corrections_action);
  gtk_widget_class_install_action (widget_class, "win.previous-page", NULL, page_action);
  gtk_widget_class_install_action (widget_class, "win.next-page", NULL, page_action);
  gtk_widget_class_install_action (widget_class, "win.zoom-in", NULL, zoom_action);
  gtk_widget_class_install_action (widget_class, "win.zoom-out", NULL, zoom_action);
  gtk_widget_class_install_action (widget_class, "win.zoom-fit", NULL, zoom_action);
  gtk_widget_class_install_action (widget_class, "win.focus-pane", "i", focus_pane_action);
  gtk_widget_class_install_action (widget_class, "win.cycle-pane", "i", cycle_pane_action);

  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_o, GDK_CONTROL_MASK, "win.open", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_e, GDK_CONTROL_MASK, "win.export-table", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_e, GDK_CONTROL_MASK | GDK_SHIFT_MASK,
                                       "win.export-all", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_plus, GDK_CONTROL_MASK, "win.zoom-in", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_equal, GDK_CONTROL_MASK, "win.zoom-in", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_minus, GDK_CONTROL_MASK, "win.zoom-out", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_0, GDK_CONTROL_MASK, "win.zoom-fit", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Page_Up, GDK_CONTROL_MASK,
                                       "win.previous-page", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Page_Down, GDK_CONTROL_MASK,
                                       "win.next-page", NULL);
  for (int i = 1; i <= 4; i++)
    gtk_widget_class_add_binding_action (widget_class, GDK_KEY_0 + i, GDK_ALT_MASK,
                                         "win.focus-pane", "i", i);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_F6, 0, "win.cycle-pane", "i", 1);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_F6, GDK_SHIFT_MASK,
                                       "win.cycle-pane", "i", -1);
}
