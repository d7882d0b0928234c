/* cf-window-edit.c: corrections in the window: undo and redo, structure
 * edits from the grid's context menu, review of findings and tables, the
 * workbook export, the banner for an earlier version's work and the PDF
 * password prompt.
 *
 * Every edit goes through the session's CfEditHistory, which saves it before
 * returning; its `changed` signal re-audits and refreshes the panes.
 */
#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "cf-cell-labels.h"
#include "cf-file-dialog.h"
#include "cf-window-private.h"

static CfEditHistory *
window_history (CfWindow *self)
{
  return self->session ? cf_correction_session_get_history (self->session) : NULL;
}

CfEditHistory *
cf_window_get_edit_history (CfWindow *self)
{
  g_return_val_if_fail (CF_IS_WINDOW (self), NULL);
  return window_history (self);
}

static CfReview *
window_review (CfWindow *self)
{
  return self->session ? cf_correction_session_get_review (self->session) : NULL;
}

/* The shown table's position in the document, or -1. */
static int
shown_table_index (CfWindow *self)
{
  CfTable *table = cf_grid_view_get_table (self->grid_view);
  guint index;

  if (self->document == NULL || table == NULL ||
      !g_ptr_array_find (cf_document_get_tables (self->document), table, &index))
    return -1;
  return (int) index;
}

/* Actions' enabled states ----------------------------------------------------- */

void
cf_window_update_edit_actions (CfWindow *self)
{
  GtkWidget *widget = GTK_WIDGET (self);
  CfEditHistory *history = window_history (self);
  gboolean has_table = history != NULL && shown_table_index (self) >= 0;
  gboolean has_cell = has_table && cf_grid_view_get_selected (self->grid_view, NULL, NULL);
  static const char *cell_actions[] = {
    "win.revert-cell", "win.insert-row-above", "win.insert-row-below", "win.delete-row",
    "win.insert-col-left", "win.insert-col-right", "win.delete-col", "win.merge-cells",
    "win.split-cell", "win.split-text", "win.split-text-at", "win.join-cells",
    "win.mark-total-row", "win.mark-total-col", "win.cell-menu", "win.restate-cell",
  };

  gtk_widget_action_set_enabled (widget, "win.undo", history && cf_edit_history_can_undo (history));
  gtk_widget_action_set_enabled (widget, "win.redo", history && cf_edit_history_can_redo (history));
  for (guint i = 0; i < G_N_ELEMENTS (cell_actions); i++)
    gtk_widget_action_set_enabled (widget, cell_actions[i], has_cell);
  if (has_cell)
    {
      int row, col;
      CfCell *cell;

      cf_grid_view_get_selected (self->grid_view, &row, &col);
      cell = cf_table_get_origin_cell (cf_grid_view_get_table (self->grid_view), row, col);
      gtk_widget_action_set_enabled (widget, "win.revert-cell",
                                     cell != NULL && ((cell->flags & CF_CELL_FLAG_CORRECTED)
                                                      || (window_review (self) != NULL
                                                          && cf_review_get_restated (
                                                               window_review (self),
                                                               cf_grid_view_get_table (self->grid_view),
                                                               cell, NULL) != NULL)));
      gtk_widget_action_set_enabled (widget, "win.restate-cell",
                                     cell != NULL && !(cell->flags & CF_CELL_FLAG_HEADER)
                                     && window_review (self) != NULL);
    }
  gtk_widget_action_set_enabled (widget, "win.assign-form", has_table);
  gtk_widget_action_set_enabled (widget, "win.delete-table", has_table);
  gtk_widget_action_set_enabled (widget, "win.export-xlsx",
                                 self->document != NULL && cf_xlsx_available ());
  gtk_widget_action_set_enabled (widget, "win.apply-previous",
                                 self->session && cf_correction_session_get_n_previous (self->session));
  gtk_widget_action_set_enabled (widget, "win.discard-previous",
                                 self->session && cf_correction_session_get_n_previous (self->session));
}

/* After every edit, undo and redo ------------------------------------------------ */

static void
on_history_changed (CfEditHistory *history, CfEdit *edit, gboolean structural, CfWindow *self)
{
  guint index = cf_edit_get_table_index (edit);
  CfTable *shown = cf_grid_view_get_table (self->grid_view);
  GPtrArray *tables = cf_document_get_tables (self->document);

  /* The audit is fast: every edit re-checks the whole document. */
  cf_audit_document (self->document, NULL);
  if (structural)
    cf_window_refresh_tables (self, index);
  else if (index < tables->len && g_ptr_array_index (tables, index) == shown)
    {
      /* Undo and redo change the cell behind the grid's back; typing does not. */
      cf_grid_view_refresh_cell (self->grid_view, cf_edit_get_row (edit), cf_edit_get_col (edit));
      if (!cf_grid_view_get_selected (self->grid_view, NULL, NULL))
        cf_grid_view_select_cell (self->grid_view, cf_edit_get_row (edit), cf_edit_get_col (edit),
                                  FALSE);
    }
  else if (index < tables->len)
    {
      /* Undoing an edit of another table shows that table. */
      cf_window_select_table (self, index);
      cf_grid_view_select_cell (self->grid_view, cf_edit_get_row (edit), cf_edit_get_col (edit),
                                FALSE);
    }
  cf_window_refresh_findings (self);
  cf_window_update_edit_actions (self);
}

static void
on_can_undo_redo (GObject *history, GParamSpec *pspec, CfWindow *self)
{
  cf_window_update_edit_actions (self);
}

static void
on_grid_cell_selected (CfGridView *grid, int row, int col, CfWindow *self)
{
  CfEditHistory *history = window_history (self);

  /* Typing in another cell, or this one again later, is a step of its own. */
  if (history != NULL)
    cf_edit_history_seal (history);
  cf_window_update_edit_actions (self);
}

/* Reports an edit that could not be made or saved. */
static void
report_error (CfWindow *self, GError *error)
{
  if (error != NULL)
    cf_window_show_toast (self, error->message);
}

static gboolean
apply_edit (CfWindow *self, CfEdit *edit)
{
  CfEditHistory *history = window_history (self);
  g_autoptr (GError) error = NULL;

  if (history == NULL)
    return FALSE;
  if (!cf_edit_history_apply (history, edit, &error))
    {
      report_error (self, error);
      return FALSE;
    }
  return TRUE;
}

/* Sessions ------------------------------------------------------------------------ */

static void
show_previous_banner (CfWindow *self)
{
  guint n = self->session ? cf_correction_session_get_n_previous (self->session) : 0;

  if (n > 0)
    {
      g_autofree char *text =
        g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                      "This report changed since your correction was made. "
                                      "Apply it anyway?",
                                      "This report changed since your %u corrections were made. "
                                      "Apply them anyway?", n),
                         n);

      gtk_label_set_text (self->stale_label, text);
      gtk_accessible_update_property (GTK_ACCESSIBLE (self->stale_banner),
                                      GTK_ACCESSIBLE_PROPERTY_LABEL, text, -1);
    }
  gtk_revealer_set_reveal_child (self->stale_banner, n > 0);
}

/* Saving again after a failed save ------------------------------------------ */

static void
stop_save_retry (CfWindow *self)
{
  guint id = GPOINTER_TO_UINT (g_object_get_data (G_OBJECT (self), "cf-save-retry"));

  if (id != 0)
    g_source_remove (id);
  g_object_set_data (G_OBJECT (self), "cf-save-retry", NULL);
}

static gboolean
retry_save (gpointer data)
{
  CfWindow *self = data;
  CfEditHistory *history = g_object_get_data (G_OBJECT (self), "cf-connected-history");

  if (history != NULL && !cf_edit_history_save_pending (history, NULL))
    return G_SOURCE_CONTINUE;
  g_object_set_data (G_OBJECT (self), "cf-save-retry", NULL);
  if (history != NULL)
    {
      /* What another window saved meanwhile may have come in. */
      cf_audit_document (self->document, NULL);
      cf_window_refresh_findings (self);
      cf_window_show_toast (self, _("All edits are saved again"));
    }
  return G_SOURCE_REMOVE;
}

/* Every failed save is said at once; the edit stays in the window and is
 * saved again every few seconds until it goes through. */
static void
on_save_failed (CfEditHistory *history, const char *message, CfWindow *self)
{
  g_autofree char *text = g_strdup_printf (
    _("Not saved: %s. The edit is kept in this window and will be saved as soon as possible."),
    message);
  AdwToast *toast = adw_toast_new (text);

  /* It stays until dismissed, and offers another place for the corrections. */
  adw_toast_set_timeout (toast, 0);
  adw_toast_set_button_label (toast, _("Save Corrections _Elsewhere…"));
  adw_toast_set_action_name (toast, "win.export-corrections");
  g_free (self->last_message);
  self->last_message = g_strdup (text);
  adw_toast_overlay_add_toast (cf_window_get_toast_overlay (self), toast);
  if (g_object_get_data (G_OBJECT (self), "cf-save-retry") == NULL)
    g_object_set_data (G_OBJECT (self), "cf-save-retry",
                       GUINT_TO_POINTER (g_timeout_add_seconds (5, retry_save, self)));
}

void
cf_window_attach_session (CfWindow *self, CfCorrectionSession *session)
{
  CfEditHistory *old = g_object_get_data (G_OBJECT (self), "cf-connected-history");
  CfEditHistory *history;

  if (session != NULL)
    g_set_object (&self->session, session);
  if (old != NULL)
    g_signal_handlers_disconnect_by_data (old, self);
  stop_save_retry (self);
  g_object_set_data (G_OBJECT (self), "cf-connected-history", NULL);

  if (self->document == NULL)
    {
      g_clear_object (&self->session);
      cf_grid_view_set_history (self->grid_view, NULL);
      cf_grid_view_set_review (self->grid_view, NULL);
      return;
    }
  if (self->session == NULL || cf_correction_session_get_document (self->session) != self->document)
    {
      /* A document read elsewhere (the inbox): restore its edits here. */
      g_autoptr (GError) error = NULL;

      g_clear_object (&self->session);
      self->session = cf_correction_session_new (self->document, &error);
      if (self->session == NULL)
        report_error (self, error);
      else if (cf_correction_session_get_n_restored (self->session) > 0)
        cf_audit_document (self->document, NULL);
    }
  if (self->session == NULL)
    {
      cf_grid_view_set_history (self->grid_view, NULL);
      cf_grid_view_set_review (self->grid_view, NULL);
      gtk_revealer_set_reveal_child (self->stale_banner, FALSE);
      return;
    }

  history = cf_correction_session_get_history (self->session);
  g_signal_connect (history, "changed", G_CALLBACK (on_history_changed), self);
  g_signal_connect (history, "save-failed", G_CALLBACK (on_save_failed), self);
  g_signal_connect (history, "notify::can-undo", G_CALLBACK (on_can_undo_redo), self);
  g_signal_connect (history, "notify::can-redo", G_CALLBACK (on_can_undo_redo), self);
  g_object_set_data_full (G_OBJECT (self), "cf-connected-history", g_object_ref (history),
                          g_object_unref);
  cf_grid_view_set_history (self->grid_view, history);
  cf_grid_view_set_review (self->grid_view, cf_correction_session_get_review (self->session));

  show_previous_banner (self);
  if (cf_correction_session_get_n_stale (self->session) > 0)
    {
      guint n = cf_correction_session_get_n_stale (self->session);
      g_autofree char *text =
        g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                      "%u saved correction no longer matches the extracted text",
                                      "%u saved corrections no longer match the extracted text", n),
                         n);

      cf_window_show_toast (self, text);
    }
  cf_window_update_edit_actions (self);
}

static void
reload_document (CfWindow *self)
{
  const char *path = self->document ? cf_document_get_path (self->document) : NULL;
  g_autoptr (GFile) file = NULL;

  if (path == NULL || g_strcmp0 (path, "-") == 0)
    return;
  file = g_file_new_for_path (path);
  cf_window_open_file (self, file);
}

static void
apply_previous_action (GtkWidget *widget, const char *action_name, GVariant *param)
{
  CfWindow *self = CF_WINDOW (widget);
  g_autoptr (GError) error = NULL;

  gtk_revealer_set_reveal_child (self->stale_banner, FALSE);
  if (self->session == NULL)
    return;
  if (!cf_correction_session_adopt_previous (self->session, &error))
    {
      report_error (self, error);
      return;
    }
  /* Read it again: the session replays the adopted edits before the audit. */
  reload_document (self);
}

static void
discard_previous_action (GtkWidget *widget, const char *action_name, GVariant *param)
{
  CfWindow *self = CF_WINDOW (widget);
  g_autoptr (GError) error = NULL;

  gtk_revealer_set_reveal_child (self->stale_banner, FALSE);
  if (self->session != NULL && !cf_correction_session_discard_previous (self->session, &error))
    report_error (self, error);
  cf_window_update_edit_actions (self);
}

GtkRevealer *
cf_window_get_stale_banner (CfWindow *self)
{
  g_return_val_if_fail (CF_IS_WINDOW (self), NULL);
  return self->stale_banner;
}

/* Undo and redo --------------------------------------------------------------------- */

static void
undo_action (GtkWidget *widget, const char *action_name, GVariant *param)
{
  CfWindow *self = CF_WINDOW (widget);
  CfEditHistory *history = window_history (self);
  g_autoptr (GError) error = NULL;
  gboolean ok;

  if (history == NULL)
    return;
  if (g_str_equal (action_name, "win.undo"))
    ok = cf_edit_history_undo (history, &error);
  else
    ok = cf_edit_history_redo (history, &error);
  if (!ok)
    report_error (self, error);
}

/* Cell edits ------------------------------------------------------------------------- */

static void
revert_cell_action (GtkWidget *widget, const char *action_name, GVariant *param)
{
  CfWindow *self = CF_WINDOW (widget);
  CfTable *table = cf_grid_view_get_table (self->grid_view);
  int index = shown_table_index (self);
  int row, col;
  CfCell *cell;
  g_autoptr (CfEdit) edit = NULL;

  if (index < 0 || !cf_grid_view_get_selected (self->grid_view, &row, &col))
    return;
  cell = cf_table_get_origin_cell (table, row, col);
  if (cell != NULL && window_review (self) != NULL
      && cf_review_get_restated (window_review (self), table, cell, NULL) != NULL)
    {
      g_autoptr (GError) error = NULL;

      if (!cf_window_restate_cell (self, cell->row, cell->col, NULL, &error))
        report_error (self, error);
      return;
    }
  if (cell == NULL || !(cell->flags & CF_CELL_FLAG_CORRECTED))
    return;
  edit = cf_edit_set_text ((guint) index, cell->row, cell->col,
                           cell->original_text ? cell->original_text : "");
  apply_edit (self, edit);
}

static void
structure_action (GtkWidget *widget, const char *action_name, GVariant *param)
{
  CfWindow *self = CF_WINDOW (widget);
  CfTable *table = cf_grid_view_get_table (self->grid_view);
  int index = shown_table_index (self);
  int row, col, r0, c0, r1, c1;
  g_autoptr (CfEdit) edit = NULL;
  const char *name = action_name + strlen ("win.");

  if (index < 0 || !cf_grid_view_get_selected (self->grid_view, &row, &col))
    return;
  cf_grid_view_get_range (self->grid_view, &r0, &c0, &r1, &c1);

  if (g_str_equal (name, "insert-row-above"))
    edit = cf_edit_insert_row (index, row);
  else if (g_str_equal (name, "insert-row-below"))
    {
      CfCell *cell = cf_table_get_cell (table, row, col);

      edit = cf_edit_insert_row (index, row + (cell ? MAX (cell->row_span, 1) : 1));
    }
  else if (g_str_equal (name, "delete-row"))
    edit = cf_edit_delete_row (index, row);
  else if (g_str_equal (name, "insert-col-left"))
    edit = cf_edit_insert_col (index, col);
  else if (g_str_equal (name, "insert-col-right"))
    {
      CfCell *cell = cf_table_get_cell (table, row, col);

      edit = cf_edit_insert_col (index, col + (cell ? MAX (cell->col_span, 1) : 1));
    }
  else if (g_str_equal (name, "delete-col"))
    edit = cf_edit_delete_col (index, col);
  else if (g_str_equal (name, "merge-cells"))
    {
      /* The selection grows to whole merged cells at its edges. */
      for (int r = r0; r <= r1; r++)
        for (int c = c0; c <= c1; c++)
          {
            CfCell *cell = cf_table_get_cell (table, r, c);

            if (cell == NULL)
              continue;
            r1 = MAX (r1, cell->row + MAX (cell->row_span, 1) - 1);
            c1 = MAX (c1, cell->col + MAX (cell->col_span, 1) - 1);
          }
      if (r0 == r1 && c0 == c1)
        {
          cf_window_show_toast (self, _("Select the cells to merge first (Shift and the arrow keys)"));
          return;
        }
      edit = cf_edit_merge (index, r0, c0, r1 - r0 + 1, c1 - c0 + 1);
    }
  else if (g_str_equal (name, "split-cell"))
    edit = cf_edit_unmerge (index, row, col);
  else if (g_str_equal (name, "join-cells"))
    edit = cf_edit_join (index, row, col);
  else if (g_str_equal (name, "mark-total-row"))
    edit = cf_edit_set_row_role (index, row,
                                 cf_table_get_row_role (table, row) == CF_ROW_ROLE_TOTAL
                                   ? CF_ROW_ROLE_NONE : CF_ROW_ROLE_TOTAL);
  else if (g_str_equal (name, "mark-total-col"))
    edit = cf_edit_set_col_role (index, col,
                                 cf_table_get_col_role (table, col) == CF_ROW_ROLE_TOTAL
                                   ? CF_ROW_ROLE_NONE : CF_ROW_ROLE_TOTAL);
  else
    g_return_if_reached ();
  apply_edit (self, edit);
}

/* Splits the current cell's text at byte @index (win.split-text-at). */
static void
split_text_at_action (GtkWidget *widget, const char *action_name, GVariant *param)
{
  CfWindow *self = CF_WINDOW (widget);
  int index = shown_table_index (self);
  int row, col;
  g_autoptr (CfEdit) edit = NULL;

  if (index < 0 || !cf_grid_view_get_selected (self->grid_view, &row, &col))
    return;
  edit = cf_edit_split_text (index, row, col, g_variant_get_uint32 (param));
  apply_edit (self, edit);
}

/* A question with an entry and Cancel / @accept_label: an AdwAlertDialog
 * from libadwaita 1.5, an AdwMessageDialog (deprecated there) before. The
 * "response" signal is the same on both. */
static GtkWidget *
question_dialog_new (CfWindow *self, const char *heading, const char *body, GtkWidget *entry,
                     const char *accept_id, const char *accept_label)
{
#if ADW_CHECK_VERSION (1, 5, 0)
  AdwAlertDialog *dialog = ADW_ALERT_DIALOG (adw_alert_dialog_new (heading, body));

  adw_alert_dialog_set_extra_child (dialog, entry);
  adw_alert_dialog_add_responses (dialog, "cancel", _("_Cancel"), accept_id, accept_label, NULL);
  adw_alert_dialog_set_response_appearance (dialog, accept_id, ADW_RESPONSE_SUGGESTED);
  adw_alert_dialog_set_default_response (dialog, accept_id);
  adw_alert_dialog_set_close_response (dialog, "cancel");
#else
  AdwMessageDialog *dialog = ADW_MESSAGE_DIALOG (adw_message_dialog_new (GTK_WINDOW (self), heading, body));

  adw_message_dialog_set_extra_child (dialog, entry);
  adw_message_dialog_add_responses (dialog, "cancel", _("_Cancel"), accept_id, accept_label, NULL);
  adw_message_dialog_set_response_appearance (dialog, accept_id, ADW_RESPONSE_SUGGESTED);
  adw_message_dialog_set_default_response (dialog, accept_id);
  adw_message_dialog_set_close_response (dialog, "cancel");
#endif
  return GTK_WIDGET (dialog);
}

static void
question_dialog_present (GtkWidget *dialog, CfWindow *self)
{
#if ADW_CHECK_VERSION (1, 5, 0)
  adw_dialog_present (ADW_DIALOG (dialog), GTK_WIDGET (self));
#else
  gtk_window_present (GTK_WINDOW (dialog));
#endif
}

static void
on_split_text_response (GObject *dialog, const char *response, CfWindow *self)
{
  GtkEditable *entry = g_object_get_data (G_OBJECT (dialog), "cf-entry");
  const char *text = gtk_editable_get_text (entry);
  int position = gtk_editable_get_position (entry);
  gsize index;

  if (!g_str_equal (response, "split"))
    return;
  /* The caret (in characters) names where the second cell begins. */
  index = (gsize) (g_utf8_offset_to_pointer (text, position) - text);
  gtk_widget_activate_action (GTK_WIDGET (self), "win.split-text-at", "u", (guint32) index);
}

static void
split_text_action (GtkWidget *widget, const char *action_name, GVariant *param)
{
  CfWindow *self = CF_WINDOW (widget);
  CfTable *table = cf_grid_view_get_table (self->grid_view);
  int row, col;
  CfCell *cell;
  GtkWidget *dialog, *entry;
  const char *space;

  if (table == NULL || !cf_grid_view_get_selected (self->grid_view, &row, &col))
    return;
  cell = cf_table_get_origin_cell (table, row, col);
  if (cell == NULL || cell->text == NULL || *cell->text == '\0')
    return;
  entry = gtk_entry_new ();
  gtk_editable_set_text (GTK_EDITABLE (entry), cell->text);
  gtk_accessible_update_property (GTK_ACCESSIBLE (entry),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, _("Cell text"), -1);
  /* A guess: the first space, as in "12 3" run together by the extraction. */
  space = strchr (cell->text, ' ');
  gtk_editable_set_position (GTK_EDITABLE (entry),
                             space ? (int) g_utf8_pointer_to_offset (cell->text, space) + 1 : -1);
  dialog = question_dialog_new (self, _("Split Text"),
                                _("Put the cursor where the second cell’s text begins. "
                                  "The cell on the right must be empty."),
                                entry, "split", _("_Split"));
  g_object_set_data (G_OBJECT (dialog), "cf-entry", entry);
  g_signal_connect (dialog, "response", G_CALLBACK (on_split_text_response), self);
  question_dialog_present (dialog, self);
}

/* Assigns the shown table (or the selected block of rows) to "form/table"; "" clears. */
static void
assign_form_action (GtkWidget *widget, const char *action_name, GVariant *param)
{
  CfWindow *self = CF_WINDOW (widget);
  CfTable *table = cf_grid_view_get_table (self->grid_view);
  int index = shown_table_index (self);
  const char *target = g_variant_get_string (param, NULL);
  g_auto (GStrv) parts = g_strsplit (target, "/", 2);
  int r0, c0, r1, c1;
  g_autoptr (CfEdit) edit = NULL;

  if (index < 0)
    return;
  /* A block of several rows, not the whole table: it becomes a table of its own. */
  if (*target != '\0' && cf_grid_view_get_range (self->grid_view, &r0, &c0, &r1, &c1) &&
      r1 > r0 && (r0 > 0 || r1 < cf_table_get_n_rows (table) - 1))
    {
      g_autoptr (CfEdit) extract = cf_edit_extract_rows (index, r0, r1 - r0 + 1);

      if (!apply_edit (self, extract))
        return;
      index++;
    }
  if (parts[0] == NULL || parts[1] == NULL)
    edit = cf_edit_set_form (index, NULL, NULL);
  else
    edit = cf_edit_set_form (index, parts[0], parts[1]);
  apply_edit (self, edit);
}

static void
delete_table_action (GtkWidget *widget, const char *action_name, GVariant *param)
{
  CfWindow *self = CF_WINDOW (widget);
  int index = shown_table_index (self);
  g_autoptr (CfEdit) edit = NULL;

  if (index < 0)
    return;
  edit = cf_edit_remove_table (index);
  if (apply_edit (self, edit))
    cf_window_show_toast (self, _("Table deleted (Ctrl+Z brings it back)"));
}

/* The grid's context menu ------------------------------------------------------------ */

static GMenuModel *
assign_menu_new (void)
{
  CfFormRegistry *registry = cf_form_registry_get_default ();
  g_autoptr (GPtrArray) forms = cf_form_registry_list_ids (registry);
  GMenu *menu = g_menu_new ();
  g_autoptr (GMenu) clear = g_menu_new ();

  for (guint i = 0; forms != NULL && i < forms->len; i++)
    {
      const char *form = g_ptr_array_index (forms, i);
      g_autoptr (GPtrArray) tables = cf_form_registry_list_table_ids (registry, form);
      g_autoptr (GMenu) section = g_menu_new ();

      for (guint j = 0; tables != NULL && j < tables->len; j++)
        {
          const char *id = g_ptr_array_index (tables, j);
          const char *heading = cf_form_registry_get_table_heading (registry, form, id);
          g_autofree char *form_name = cf_form_display_name (form);
          g_autofree char *label = g_strdup_printf ("%s → %s", form_name, heading ? heading : id);
          g_autofree char *target = g_strdup_printf ("%s/%s", form, id);
          g_autoptr (GMenuItem) item = g_menu_item_new (label, NULL);

          g_menu_item_set_action_and_target (item, "win.assign-form", "s", target);
          g_menu_append_item (section, item);
        }
      g_menu_append_section (menu, NULL, G_MENU_MODEL (section));
    }
  {
    g_autoptr (GMenuItem) item = g_menu_item_new (_("No Form (Recognise Again)"), NULL);

    g_menu_item_set_action_and_target (item, "win.assign-form", "s", "");
    g_menu_append_item (clear, item);
  }
  g_menu_append_section (menu, NULL, G_MENU_MODEL (clear));
  return G_MENU_MODEL (menu);
}

GMenuModel *
cf_window_cell_menu_model_new (void)
{
  GMenu *menu = g_menu_new ();
  g_autoptr (GMenu) cell = g_menu_new ();
  g_autoptr (GMenu) rows = g_menu_new ();
  g_autoptr (GMenu) spans = g_menu_new ();
  g_autoptr (GMenu) totals = g_menu_new ();
  g_autoptr (GMenu) table = g_menu_new ();
  g_autoptr (GMenuModel) assign = assign_menu_new ();

  g_menu_append (cell, _("Re_vert Cell"), "win.revert-cell");
  g_menu_append (cell, _("The Report Is _Wrong Here…"), "win.restate-cell");
  g_menu_append (rows, _("Insert Row _Above"), "win.insert-row-above");
  g_menu_append (rows, _("Insert Row _Below"), "win.insert-row-below");
  g_menu_append (rows, _("_Delete Row"), "win.delete-row");
  g_menu_append (rows, _("Insert Column _Left"), "win.insert-col-left");
  g_menu_append (rows, _("Insert Column _Right"), "win.insert-col-right");
  g_menu_append (rows, _("Delete _Column"), "win.delete-col");
  g_menu_append (spans, _("_Merge Selection"), "win.merge-cells");
  g_menu_append (spans, _("S_plit Cell"), "win.split-cell");
  g_menu_append (spans, _("Split Te_xt…"), "win.split-text");
  g_menu_append (spans, _("_Join with Next Cell"), "win.join-cells");
  g_menu_append (totals, _("Mark Row as _Total"), "win.mark-total-row");
  g_menu_append (totals, _("Mark Column as T_otal"), "win.mark-total-col");
  g_menu_append_submenu (table, _("A_ssign to Form Table"), assign);
  g_menu_append (table, _("D_elete Table"), "win.delete-table");
  g_menu_append_section (menu, NULL, G_MENU_MODEL (cell));
  g_menu_append_section (menu, NULL, G_MENU_MODEL (rows));
  g_menu_append_section (menu, NULL, G_MENU_MODEL (spans));
  g_menu_append_section (menu, NULL, G_MENU_MODEL (totals));
  g_menu_append_section (menu, NULL, G_MENU_MODEL (table));
  return G_MENU_MODEL (menu);
}

static void
popup_cell_menu_at (CfWindow *self, double x, double y)
{
  GdkRectangle rect = { (int) x, (int) y, 1, 1 };

  if (self->cell_menu == NULL)
    {
      g_autoptr (GMenuModel) model = cf_window_cell_menu_model_new ();

      self->cell_menu = gtk_popover_menu_new_from_model (model);
      gtk_popover_set_has_arrow (GTK_POPOVER (self->cell_menu), FALSE);
      gtk_widget_set_halign (self->cell_menu, GTK_ALIGN_START);
      gtk_widget_set_parent (self->cell_menu, GTK_WIDGET (self->grid_view));
    }
  cf_window_update_edit_actions (self);
  gtk_popover_set_pointing_to (GTK_POPOVER (self->cell_menu), &rect);
  gtk_popover_popup (GTK_POPOVER (self->cell_menu));
}

/* The cell widget under (@x, @y) of the grid, or NULL. */
static GtkWidget *
cell_widget_at (CfWindow *self, double x, double y)
{
  GtkWidget *widget = gtk_widget_pick (GTK_WIDGET (self->grid_view), x, y, GTK_PICK_DEFAULT);

  while (widget != NULL && widget != GTK_WIDGET (self->grid_view) &&
         !gtk_widget_has_css_class (widget, "grid-cell"))
    widget = gtk_widget_get_parent (widget);
  return widget != GTK_WIDGET (self->grid_view) ? widget : NULL;
}

static void
on_grid_secondary_click (GtkGestureClick *gesture, int n_press, double x, double y, CfWindow *self)
{
  GtkWidget *cell = cell_widget_at (self, x, y);
  int row, col, r0, c0, r1, c1;

  if (cell == NULL || window_history (self) == NULL)
    return;
  gtk_gesture_set_state (GTK_GESTURE (gesture), GTK_EVENT_SEQUENCE_CLAIMED);
  row = GPOINTER_TO_INT (g_object_get_data (G_OBJECT (cell), "cf-row"));
  col = GPOINTER_TO_INT (g_object_get_data (G_OBJECT (cell), "cf-col"));
  /* A click inside the selection keeps it (to merge it). */
  if (!cf_grid_view_get_range (self->grid_view, &r0, &c0, &r1, &c1) ||
      row < r0 || row > r1 || col < c0 || col > c1)
    cf_grid_view_select_cell (self->grid_view, row, col, FALSE);
  popup_cell_menu_at (self, x, y);
}

static void
cell_menu_action (GtkWidget *widget, const char *action_name, GVariant *param)
{
  CfWindow *self = CF_WINDOW (widget);
  int row, col;
  GtkWidget *cell;
  graphene_rect_t bounds;

  if (!cf_grid_view_get_selected (self->grid_view, &row, &col))
    return;
  cell = cf_grid_view_get_cell_widget (self->grid_view, row, col);
  if (cell != NULL && gtk_widget_compute_bounds (cell, GTK_WIDGET (self->grid_view), &bounds))
    popup_cell_menu_at (self, bounds.origin.x + 8, bounds.origin.y + bounds.size.height);
  else
    popup_cell_menu_at (self, 24, 24);
}

static gboolean
on_grid_key (GtkEventControllerKey *controller, guint keyval, guint keycode,
             GdkModifierType state, CfWindow *self)
{
  if (keyval == GDK_KEY_Menu || (keyval == GDK_KEY_F10 && (state & GDK_SHIFT_MASK)))
    {
      gtk_widget_activate_action (GTK_WIDGET (self), "win.cell-menu", NULL);
      return TRUE;
    }
  return FALSE;
}

/* Review ---------------------------------------------------------------------------- */

gboolean
cf_window_accept_finding (CfWindow *self, guint index, const char *note, GError **error)
{
  GPtrArray *findings;
  CfReview *review = window_review (self);

  g_return_val_if_fail (CF_IS_WINDOW (self), FALSE);
  if (self->document == NULL || review == NULL)
    {
      g_set_error (error, CF_ERROR, CF_ERROR_INVALID, _("No report is open"));
      return FALSE;
    }
  findings = cf_document_get_findings (self->document);
  if (index >= findings->len)
    {
      g_set_error (error, CF_ERROR, CF_ERROR_INVALID, _("No such finding"));
      return FALSE;
    }
  if (note == NULL)
    {
      if (!cf_review_unaccept (review, g_ptr_array_index (findings, index), error))
        return FALSE;
    }
  else if (!cf_review_accept (review, g_ptr_array_index (findings, index), note, error))
    return FALSE;
  cf_window_refresh_findings (self);
  return TRUE;
}

static gboolean
refresh_findings_idle (gpointer data)
{
  cf_window_refresh_findings (data);
  return G_SOURCE_REMOVE;
}

static void
on_accept_clicked (GtkButton *button, CfWindow *self)
{
  GtkEditable *entry = g_object_get_data (G_OBJECT (button), "cf-entry");
  guint index = GPOINTER_TO_UINT (g_object_get_data (G_OBJECT (button), "cf-finding"));
  CfReview *review = window_review (self);
  GPtrArray *findings = self->document ? cf_document_get_findings (self->document) : NULL;
  g_autoptr (GError) error = NULL;
  gboolean ok;

  if (review == NULL || findings == NULL || index >= findings->len)
    return;
  if (entry != NULL)
    ok = cf_review_accept (review, g_ptr_array_index (findings, index),
                           gtk_editable_get_text (entry), &error);
  else
    ok = cf_review_unaccept (review, g_ptr_array_index (findings, index), &error);
  if (!ok)
    report_error (self, error);
  /* The row holding the button is rebuilt: not from inside its own handler. */
  g_idle_add_full (G_PRIORITY_DEFAULT, refresh_findings_idle, g_object_ref (self), g_object_unref);
}

static GtkWidget *
accept_button_new (CfWindow *self, guint index)
{
  GtkWidget *button = gtk_menu_button_new ();
  GtkWidget *popover = gtk_popover_new ();
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 6);
  GtkWidget *heading = gtk_label_new (_("Keep as published"));
  GtkWidget *entry = gtk_entry_new ();
  GtkWidget *accept = gtk_button_new_with_mnemonic (_("_Accept"));

  gtk_menu_button_set_label (GTK_MENU_BUTTON (button), _("Accept…"));
  gtk_widget_set_valign (button, GTK_ALIGN_START);
  gtk_widget_set_tooltip_text (button, _("The report is wrong here: keep it as published, with a note"));
  gtk_widget_add_css_class (button, "flat");
  gtk_widget_add_css_class (heading, "heading");
  gtk_label_set_xalign (GTK_LABEL (heading), 0);
  gtk_entry_set_placeholder_text (GTK_ENTRY (entry), _("Note (why it stays)"));
  gtk_entry_set_activates_default (GTK_ENTRY (entry), TRUE);
  gtk_accessible_update_property (GTK_ACCESSIBLE (entry),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, _("Note"), -1);
  gtk_widget_add_css_class (accept, "suggested-action");
  g_object_set_data (G_OBJECT (accept), "cf-entry", entry);
  g_object_set_data (G_OBJECT (accept), "cf-finding", GUINT_TO_POINTER (index));
  g_signal_connect (accept, "clicked", G_CALLBACK (on_accept_clicked), self);
  g_signal_connect_swapped (entry, "activate", G_CALLBACK (gtk_widget_activate), accept);
  gtk_box_append (GTK_BOX (box), heading);
  gtk_box_append (GTK_BOX (box), entry);
  gtk_box_append (GTK_BOX (box), accept);
  gtk_popover_set_child (GTK_POPOVER (popover), box);
  gtk_menu_button_set_popover (GTK_MENU_BUTTON (button), popover);
  return button;
}

void
cf_window_decorate_finding (CfWindow *self, GtkWidget *row, GtkWidget *box, CfFinding *finding)
{
  CfReview *review = window_review (self);
  GPtrArray *findings = cf_document_get_findings (self->document);
  const char *note = NULL;
  guint index;

  if (review == NULL || !g_ptr_array_find (findings, finding, &index) ||
      finding->severity == CF_SEVERITY_INFO)
    return;
  if (cf_review_is_accepted (review, finding, &note))
    {
      GtkWidget *texts = gtk_widget_get_last_child (box);
      GtkWidget *icon = gtk_image_new_from_icon_name ("object-select-symbolic");
      g_autofree char *said = note && *note ? g_strdup_printf (_("Accepted: %s"), note)
                                            : g_strdup (_("Accepted, kept as published"));
      GtkWidget *label = gtk_label_new (said);
      GtkWidget *reopen = gtk_button_new_with_label (_("Reopen"));

      gtk_widget_add_css_class (row, "finding-accepted");
      gtk_widget_add_css_class (texts, "dim-label");
      gtk_label_set_xalign (GTK_LABEL (label), 0);
      gtk_label_set_wrap (GTK_LABEL (label), TRUE);
      gtk_widget_add_css_class (label, "caption");
      gtk_box_append (GTK_BOX (texts), label);
      gtk_widget_set_valign (icon, GTK_ALIGN_START);
      gtk_widget_set_tooltip_text (icon, _("Accepted"));
      gtk_accessible_update_state (GTK_ACCESSIBLE (icon), GTK_ACCESSIBLE_STATE_HIDDEN, TRUE, -1);
      gtk_widget_set_hexpand (texts, TRUE);
      gtk_box_append (GTK_BOX (box), icon);
      gtk_widget_set_valign (reopen, GTK_ALIGN_START);
      gtk_widget_add_css_class (reopen, "flat");
      gtk_widget_set_tooltip_text (reopen, _("Count this finding as open again"));
      g_object_set_data (G_OBJECT (reopen), "cf-finding", GUINT_TO_POINTER (index));
      g_signal_connect (reopen, "clicked", G_CALLBACK (on_accept_clicked), self);
      gtk_box_append (GTK_BOX (box), reopen);
    }
  else
    {
      gtk_widget_set_hexpand (gtk_widget_get_last_child (box), TRUE);
      gtk_box_append (GTK_BOX (box), accept_button_new (self, index));
    }
}

gboolean
cf_window_set_table_reviewed (CfWindow *self, guint index, gboolean reviewed, GError **error)
{
  CfReview *review = window_review (self);
  GPtrArray *tables;
  GtkListBoxRow *row;

  g_return_val_if_fail (CF_IS_WINDOW (self), FALSE);
  if (review == NULL || index >= (tables = cf_document_get_tables (self->document))->len)
    {
      g_set_error (error, CF_ERROR, CF_ERROR_INVALID, _("No such table"));
      return FALSE;
    }
  if (!cf_review_set_table_reviewed (review, cf_table_get_id (g_ptr_array_index (tables, index)),
                                     reviewed, error))
    return FALSE;
  row = gtk_list_box_get_row_at_index (self->tables_list, (int) index);
  if (row != NULL)
    {
      GtkWidget *toggle = g_object_get_data (G_OBJECT (row), "cf-reviewed");

      if (toggle != NULL && gtk_check_button_get_active (GTK_CHECK_BUTTON (toggle)) != reviewed)
        gtk_check_button_set_active (GTK_CHECK_BUTTON (toggle), reviewed);
    }
  return TRUE;
}

static void
on_reviewed_toggled (GtkCheckButton *toggle, CfWindow *self)
{
  GtkWidget *row = gtk_widget_get_ancestor (GTK_WIDGET (toggle), GTK_TYPE_LIST_BOX_ROW);
  gboolean active = gtk_check_button_get_active (toggle);
  g_autoptr (GError) error = NULL;

  if (row != NULL &&
      !cf_window_set_table_reviewed (self, (guint) gtk_list_box_row_get_index (GTK_LIST_BOX_ROW (row)),
                                     active, &error))
    report_error (self, error);
}

void
cf_window_decorate_table_row (CfWindow *self, GtkWidget *row, GtkWidget *box, CfTable *table)
{
  CfReview *review = window_review (self);
  GtkWidget *line, *toggle;
  gboolean reviewed;

  if (review == NULL)
    return;
  reviewed = cf_review_get_table_reviewed (review, cf_table_get_id (table));
  line = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
  /* A labelled check box: a bare tick read as "this table is fine", and a
   * flat toggle labelled "Reviewed" read as a state before anyone looked. */
  toggle = gtk_check_button_new_with_label (_("Reviewed"));
  gtk_check_button_set_active (GTK_CHECK_BUTTON (toggle), reviewed);
  gtk_widget_set_valign (toggle, GTK_ALIGN_CENTER);
  gtk_widget_add_css_class (toggle, "caption");
  gtk_widget_set_tooltip_text (toggle, _("Mark Table as Reviewed"));
  gtk_accessible_update_property (GTK_ACCESSIBLE (toggle),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, _("Mark Table as Reviewed"), -1);
  g_signal_connect (toggle, "toggled", G_CALLBACK (on_reviewed_toggled), self);
  g_object_set_data (G_OBJECT (row), "cf-reviewed", toggle);

  /* Under the title: the size and counts on the left, the toggle on the right. */
  {
    GtkWidget *subtitle = gtk_widget_get_last_child (box);

    g_object_ref (subtitle);
    gtk_box_remove (GTK_BOX (box), subtitle);
    gtk_widget_set_hexpand (subtitle, TRUE);
    gtk_box_append (GTK_BOX (line), subtitle);
    gtk_box_append (GTK_BOX (line), toggle);
    gtk_box_append (GTK_BOX (box), line);
    g_object_unref (subtitle);
  }
}

/* Workbook export -------------------------------------------------------------------- */

gboolean
cf_window_export_xlsx (CfWindow *self, const char *path, GError **error)
{
  g_return_val_if_fail (CF_IS_WINDOW (self), FALSE);
  if (self->document == NULL)
    {
      g_set_error (error, CF_ERROR, CF_ERROR_INVALID, _("No report is open"));
      return FALSE;
    }
  return cf_xlsx_write_with_review (self->document, window_review (self), path, error);
}

static void
export_xlsx_to (CfWindow *self, GFile *file)
{
  g_autoptr (GError) error = NULL;
  g_autofree char *path = cf_window_writable_path (self, file);

  if (path != NULL)
    cf_window_report_written (self, file, cf_window_export_xlsx (self, path, &error), error, NULL);
}

static char *
workbook_name (CfWindow *self)
{
  g_autofree char *stem = g_strdup (cf_document_get_basename (self->document));
  char *dot = strrchr (stem, '.');

  if (dot != NULL)
    *dot = '\0';
  return g_strconcat (stem, ".xlsx", NULL);
}

static void
on_workbook_chosen (GFile *file, gpointer owner, gpointer data)
{
  export_xlsx_to (CF_WINDOW (owner), file);
}

static void
export_xlsx_action (GtkWidget *widget, const char *action_name, GVariant *param)
{
  CfWindow *self = CF_WINDOW (widget);
  g_autofree char *name = workbook_name (self);

  cf_file_dialog_save (GTK_WINDOW (self), _("Export Excel Workbook"), name, FALSE,
                       on_workbook_chosen, self, NULL);
}

/* Encrypted PDFs -------------------------------------------------------------------- */

void
cf_window_open_file_with_password (CfWindow *self, GFile *file, const char *password)
{
  g_return_if_fail (CF_IS_WINDOW (self));
  g_free (self->password);
  self->password = g_strdup (password);
  cf_window_open_file (self, file);
}

static void
on_password_response (GObject *dialog, const char *response, CfWindow *self)
{
  GtkEditable *entry = g_object_get_data (G_OBJECT (dialog), "cf-entry");
  GFile *file = g_object_get_data (G_OBJECT (dialog), "cf-file");

  if (g_str_equal (response, "open"))
    cf_window_open_file_with_password (self, file, gtk_editable_get_text (entry));
}

void
cf_window_ask_password (CfWindow *self, GFile *file, gboolean retry)
{
  g_autofree char *name = g_file_get_basename (file);
  g_autofree char *body = NULL;
  GtkWidget *dialog, *entry;

  g_clear_pointer (&self->password, g_free);
  body = retry ? g_strdup_printf (_("The password for %s was wrong. Try again."), name)
               : g_strdup_printf (_("%s is protected with a password."), name);
  entry = gtk_password_entry_new ();
  gtk_password_entry_set_show_peek_icon (GTK_PASSWORD_ENTRY (entry), TRUE);
  g_object_set (entry, "activates-default", TRUE, NULL);
  gtk_accessible_update_property (GTK_ACCESSIBLE (entry),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, _("Password"), -1);
  dialog = question_dialog_new (self, _("Password Needed"), body, entry, "open", _("_Open"));
  /* GTK 4.8's GtkPasswordEntry is still signalled while its dialog is
   * finalized: keep it alive until the dialog's data goes, last of all. */
  g_object_set_data_full (G_OBJECT (dialog), "cf-entry", g_object_ref (entry), g_object_unref);
  g_object_set_data_full (G_OBJECT (dialog), "cf-file", g_object_ref (file), g_object_unref);
  g_signal_connect (dialog, "response", G_CALLBACK (on_password_response), self);
  question_dialog_present (dialog, self);
  gtk_widget_grab_focus (entry);
  cf_window_show_toast (self, body);
}

/* Setup ------------------------------------------------------------------------------ */

void
cf_window_setup_edit (CfWindow *self)
{
  GtkGesture *click = gtk_gesture_click_new ();
  GtkEventController *keys = gtk_event_controller_key_new ();

  gtk_gesture_single_set_button (GTK_GESTURE_SINGLE (click), GDK_BUTTON_SECONDARY);
  gtk_event_controller_set_propagation_phase (GTK_EVENT_CONTROLLER (click), GTK_PHASE_CAPTURE);
  g_signal_connect (click, "pressed", G_CALLBACK (on_grid_secondary_click), self);
  gtk_widget_add_controller (GTK_WIDGET (self->grid_view), GTK_EVENT_CONTROLLER (click));

  gtk_event_controller_set_propagation_phase (keys, GTK_PHASE_CAPTURE);
  g_signal_connect (keys, "key-pressed", G_CALLBACK (on_grid_key), self);
  gtk_widget_add_controller (GTK_WIDGET (self->grid_view), keys);

  g_signal_connect (self->grid_view, "cell-selected", G_CALLBACK (on_grid_cell_selected), self);
  cf_window_update_edit_actions (self);
}

void
cf_window_dispose_edit (CfWindow *self)
{
  CfEditHistory *history = g_object_get_data (G_OBJECT (self), "cf-connected-history");

  if (history != NULL)
    g_signal_handlers_disconnect_by_data (history, self);
  stop_save_retry (self);
  g_object_set_data (G_OBJECT (self), "cf-connected-history", NULL);
  g_clear_pointer (&self->cell_menu, gtk_widget_unparent);
  g_clear_object (&self->session);
  g_clear_pointer (&self->password, g_free);
}

void
cf_window_class_add_edit_actions (GtkWidgetClass *widget_class)
{
  static const char *structure_actions[] = {
    "win.insert-row-above", "win.insert-row-below", "win.delete-row", "win.insert-col-left",
    "win.insert-col-right", "win.delete-col", "win.merge-cells", "win.split-cell",
    "win.join-cells", "win.mark-total-row", "win.mark-total-col",
  };

  gtk_widget_class_install_action (widget_class, "win.undo", NULL, undo_action);
  gtk_widget_class_install_action (widget_class, "win.redo", NULL, undo_action);
  gtk_widget_class_install_action (widget_class, "win.revert-cell", NULL, revert_cell_action);
  for (guint i = 0; i < G_N_ELEMENTS (structure_actions); i++)
    gtk_widget_class_install_action (widget_class, structure_actions[i], NULL, structure_action);
  gtk_widget_class_install_action (widget_class, "win.split-text", NULL, split_text_action);
  gtk_widget_class_install_action (widget_class, "win.split-text-at", "u", split_text_at_action);
  gtk_widget_class_install_action (widget_class, "win.assign-form", "s", assign_form_action);
  gtk_widget_class_install_action (widget_class, "win.delete-table", NULL, delete_table_action);
  gtk_widget_class_install_action (widget_class, "win.cell-menu", NULL, cell_menu_action);
  gtk_widget_class_install_action (widget_class, "win.export-xlsx", NULL, export_xlsx_action);
  cf_window_class_add_restate_actions (widget_class);
  gtk_widget_class_install_action (widget_class, "win.apply-previous", NULL, apply_previous_action);
  gtk_widget_class_install_action (widget_class, "win.discard-previous", NULL,
                                   discard_previous_action);

  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_z, GDK_CONTROL_MASK, "win.undo", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_z, GDK_CONTROL_MASK | GDK_SHIFT_MASK,
                                       "win.redo", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Z, GDK_CONTROL_MASK | GDK_SHIFT_MASK,
                                       "win.redo", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_y, GDK_CONTROL_MASK, "win.redo", NULL);
}
