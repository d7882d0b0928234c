/* cf-window-extract.c: tables the extraction missed or cut wrong, taken by hand
 *
 * As in Tabula: the analyst points at where a table is and the finder reads
 * just that area. In a text report that is a selection of lines in the source
 * view ("Extract Table from Selection", in the main menu and the source's
 * context menu) read by cf_text_tables_extract_range(). In a PDF it is a
 * rectangle drawn on the page (CfAreaSelect, with column separators the
 * analyst can place), ruled or borderless, read by cf_pdf_extract_area().
 *
 * The new table joins the document like any other (the tables list, the
 * audit) and carries its provenance: its range and layout, and a note saying
 * which lines it was taken from. It is added by an edit (CF_EDIT_ADD_TABLE)
 * through the window's history, so it can be undone and is saved with the
 * analyst's other structure edits, to be made again when the report reopens.
 */
#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "cf-area-select.h"
#include "cf-window-private.h"

/* Lines [offset, offset + length) widened to whole lines of @text. */
static void
whole_lines (const char *text, gsize text_length, gint64 *offset, gint64 *length)
{
  gint64 start = CLAMP (*offset, 0, (gint64) text_length);
  gint64 end = CLAMP (*offset + *length, start, (gint64) text_length);

  while (start > 0 && text[start - 1] != '\n')
    start--;
  /* A selection that ends at the start of a line does not take that line. */
  if (end > start && text[end - 1] == '\n')
    end--;
  while (end < (gint64) text_length && text[end] != '\n')
    end++;
  *offset = start;
  *length = end - start;
}

/* Adds @table (and its provenance @note, taken) at the end of the document through
 * the window's history: undoable, saved at once and made again on reopen. Its
 * `changed` handler audits and shows the new table. Returns the table's index. */
static int
add_extracted_table (CfWindow *self, CfTable *table, CfFinding *note, GError **error)
{
  guint index = cf_document_get_tables (self->document)->len;
  /* The edit keeps a copy of the note (its document takes another on apply). */
  g_autoptr (CfFinding) owned_note = note;
  g_autoptr (CfEdit) edit = cf_edit_add_table (index, table, owned_note);
  g_autoptr (GError) save_error = NULL;
  CfEditHistory *history;

  history = self->session != NULL ? cf_correction_session_get_history (self->session) : NULL;
  if (history != NULL)
    {
      if (!cf_edit_history_apply (history, edit, &save_error))
        {
          if (cf_edit_get_added_table (edit) == NULL)
            {
              g_propagate_error (error, g_steal_pointer (&save_error));
              return -1;
            }
          /* Added but not saved: the window says so, the table stays. */
          cf_window_show_toast (self, save_error->message);
        }
      return (int) index;
    }

  if (!cf_edit_apply (edit, self->document, error))
    return -1;
  cf_audit_document (self->document, NULL);
  cf_window_refresh_tables (self, index);
  cf_window_refresh_findings (self);
  return (int) index;
}

int
cf_window_extract_text_range (CfWindow    *self,
                              gint64       offset,
                              gint64       length,
                              const char  *layout_hint,
                              GError     **error)
{
  g_autoptr (CfTable) table = NULL;
  const char *text;
  gsize text_length = 0;
  int first_line, last_line;
  GPtrArray *tables;
  g_autofree char *message = NULL;
  CfFinding *note;
  guint index;

  g_return_val_if_fail (CF_IS_WINDOW (self), -1);

  if (self->document == NULL || cf_document_get_kind (self->document) == CF_DOCUMENT_KIND_PDF)
    {
      g_set_error (error, CF_ERROR, CF_ERROR_INVALID, _("Select lines of a text report first"));
      return -1;
    }
  text = cf_document_get_text (self->document, &text_length);
  whole_lines (text, text_length, &offset, &length);
  if (length <= 0)
    {
      g_set_error (error, CF_ERROR, CF_ERROR_INVALID, _("Select the lines of the table first"));
      return -1;
    }

  table = cf_text_tables_extract_range (self->document, offset, length,
                                        layout_hint != NULL && *layout_hint != '\0' &&
                                        !g_str_equal (layout_hint, "auto") ? layout_hint : NULL);
  first_line = cf_document_line_at_offset (self->document, offset);
  last_line = cf_document_line_at_offset (self->document, offset + length);
  if (table == NULL)
    {
      /* TRANSLATORS: %d–%d are line numbers of the report */
      g_set_error (error, CF_ERROR, CF_ERROR_INVALID, _("No table was found in lines %d–%d"),
                   first_line, last_line);
      return -1;
    }

  tables = cf_document_get_tables (self->document);
  index = tables->len;

  /* Provenance: the table says where it came from, and so do the findings. */
  message = g_strdup_printf (_("Table %u was extracted by hand from lines %d–%d (%s)"),
                             index + 1, first_line, last_line,
                             cf_table_get_layout (table) ? cf_table_get_layout (table) : "text");
  note = cf_finding_new (CF_SEVERITY_INFO, "extract.area", NULL, message);
  note->offset = offset;
  note->length = length;
  return add_extracted_table (self, table, note, error);
}

/* The source view's selection, in bytes of the document text; FALSE when none. */
static gboolean
get_source_selection (CfWindow *self, gint64 *offset, gint64 *length)
{
  GtkTextView *view = cf_source_view_get_text_view (self->source_view);
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (view);
  GtkTextIter start, end;
  const char *text;

  if (self->document == NULL || !gtk_text_buffer_get_selection_bounds (buffer, &start, &end))
    return FALSE;
  text = cf_document_get_text (self->document, NULL);
  *offset = g_utf8_offset_to_pointer (text, gtk_text_iter_get_offset (&start)) - text;
  *length = g_utf8_offset_to_pointer (text, gtk_text_iter_get_offset (&end)) - text - *offset;
  return *length > 0;
}

static void
extract_selection_action (GtkWidget *widget, const char *action_name, GVariant *param)
{
  CfWindow *self = CF_WINDOW (widget);
  g_autoptr (GError) error = NULL;
  gint64 offset, length;
  int index;

  if (!get_source_selection (self, &offset, &length))
    {
      cf_window_show_toast (self, _("Select the lines of the table first"));
      return;
    }
  index = cf_window_extract_text_range (self, offset, length,
                                        param ? g_variant_get_string (param, NULL) : NULL, &error);
  if (index < 0)
    cf_window_show_toast (self, error->message);
  else
    {
      CfTable *table = g_ptr_array_index (cf_document_get_tables (self->document), index);
      g_autofree char *message = g_strdup_printf (_("Extracted a table of %d rows × %d columns"),
                                                  cf_table_get_n_rows (table),
                                                  cf_table_get_n_cols (table));

      cf_window_show_toast (self, message);
    }
}

static void
update_extract_actions (CfWindow *self)
{
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (cf_source_view_get_text_view (self->source_view));
  gboolean is_text = self->document != NULL &&
                     cf_document_get_kind (self->document) != CF_DOCUMENT_KIND_PDF;

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.extract-selection",
                                 is_text && gtk_text_buffer_get_has_selection (buffer));
}

static void
on_has_selection (GtkTextBuffer *buffer, GParamSpec *pspec, CfWindow *self)
{
  update_extract_actions (self);
}

/* PDF areas --------------------------------------------------------------- */

static CfAreaSelect *
area_select (CfWindow *self)
{
  return g_object_get_data (G_OBJECT (self), "cf-area-select");
}

static void
select_area_action (GtkWidget *widget, const char *action_name, GVariant *param)
{
  CfWindow *self = CF_WINDOW (widget);
  CfAreaSelect *area = area_select (self);

  cf_area_select_set_active (area, !cf_area_select_get_active (area));
  gtk_widget_action_set_enabled (widget, "win.select-area", TRUE);
}

static void
extract_area_action (GtkWidget *widget, const char *action_name, GVariant *param)
{
  CfWindow *self = CF_WINDOW (widget);
  CfAreaSelect *area = area_select (self);
  const char *mode_name = param ? g_variant_get_string (param, NULL) : "auto";
  CfPdfAreaMode mode = g_str_equal (mode_name, "ruled")        ? CF_PDF_AREA_RULED
                       : g_str_equal (mode_name, "borderless") ? CF_PDF_AREA_BORDERLESS
                                                               : CF_PDF_AREA_AUTO;
  g_autoptr (CfTable) table = NULL;
  g_autoptr (GError) error = NULL;
  g_autofree char *message = NULL;
  CfFinding *note;
  const double *columns;
  guint n_columns = 0;
  double rect[4];
  int page, index;

  if (self->document == NULL || cf_document_get_kind (self->document) != CF_DOCUMENT_KIND_PDF
      || !cf_area_select_get_area (area, rect))
    {
      cf_window_show_toast (self, _("Draw the table's area on the page first"));
      return;
    }
  page = cf_pdf_view_get_page (self->pdf_view);
  columns = cf_area_select_get_columns (area, &n_columns);
  table = cf_pdf_extract_area (self->document, self->password, page, rect, mode,
                               n_columns > 0 ? columns : NULL, n_columns, &error);
  if (table == NULL)
    {
      cf_window_show_toast (self, error->message);
      return;
    }
  message = g_strdup_printf (_("Table %u was extracted by hand from an area of page %d (%s)"),
                             cf_document_get_tables (self->document)->len + 1, page,
                             cf_table_get_layout (table) ? cf_table_get_layout (table) : "pdf");
  note = cf_finding_new (CF_SEVERITY_INFO, "extract.area", NULL, message);
  note->page = page;
  memcpy (note->bbox, rect, sizeof note->bbox);
  index = add_extracted_table (self, table, note, &error);
  if (index < 0)
    {
      cf_window_show_toast (self, error->message);
      return;
    }
  cf_area_select_clear (area);
  cf_area_select_set_active (area, FALSE);
  g_clear_pointer (&message, g_free);
  message = g_strdup_printf (_("Extracted a table of %d rows × %d columns"),
                             cf_table_get_n_rows (table), cf_table_get_n_cols (table));
  cf_window_show_toast (self, message);
}

static void
on_pdf_zoom (CfPdfView *view, GParamSpec *pspec, CfAreaSelect *area)
{
  cf_area_select_set_scale (area, cf_pdf_view_get_zoom (view));
}

static void
on_pdf_page (CfPdfView *view, GParamSpec *pspec, CfAreaSelect *area)
{
  cf_area_select_clear (area);
}

/* Wraps the page view in an overlay so the rectangle is drawn over the page. */
static void
setup_area_select (CfWindow *self)
{
  GtkWidget *overlay = gtk_overlay_new ();
  GtkWidget *area = cf_area_select_new ();

  g_object_ref (self->pdf_view);
  gtk_scrolled_window_set_child (self->pdf_scroller, NULL);
  gtk_overlay_set_child (GTK_OVERLAY (overlay), GTK_WIDGET (self->pdf_view));
  g_object_unref (self->pdf_view);
  gtk_overlay_add_overlay (GTK_OVERLAY (overlay), area);
  gtk_widget_set_halign (overlay, GTK_ALIGN_CENTER);
  gtk_widget_set_valign (overlay, GTK_ALIGN_START);
  gtk_scrolled_window_set_child (self->pdf_scroller, overlay);
  g_object_set_data (G_OBJECT (self), "cf-area-select", area);

  cf_area_select_set_scale (CF_AREA_SELECT (area), cf_pdf_view_get_zoom (self->pdf_view));
  g_signal_connect_object (self->pdf_view, "notify::zoom", G_CALLBACK (on_pdf_zoom), area, 0);
  g_signal_connect_object (self->pdf_view, "notify::page", G_CALLBACK (on_pdf_page), area, 0);
}

void
cf_window_class_add_extract (GtkWidgetClass *widget_class)
{
  gtk_widget_class_install_action (widget_class, "win.extract-selection", "s",
                                   extract_selection_action);
  gtk_widget_class_install_action (widget_class, "win.select-area", NULL, select_area_action);
  gtk_widget_class_install_action (widget_class, "win.extract-area", "s", extract_area_action);
}

void
cf_window_setup_extract (CfWindow *self)
{
  GtkTextView *view = cf_source_view_get_text_view (self->source_view);
  g_autoptr (GMenu) menu = g_menu_new ();
  g_autoptr (GMenuItem) item = g_menu_item_new (_("E_xtract Table from Selection"), NULL);

  g_menu_item_set_action_and_target (item, "win.extract-selection", "s", "auto");
  g_menu_append_item (menu, item);
  gtk_text_view_set_extra_menu (view, G_MENU_MODEL (menu));
  g_signal_connect_object (gtk_text_view_get_buffer (view), "notify::has-selection",
                           G_CALLBACK (on_has_selection), self, 0);

  setup_area_select (self);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.extract-area", TRUE);
  update_extract_actions (self);
}
