/* cf-window-restate.c: "the report is wrong here, this is the right figure"
 *
 * Correcting a cell's text fixes an extraction mistake: the audit then checks
 * the fixed figure. When the report itself printed a wrong figure the analyst
 * restates the cell instead: the printed text stays (and stays audited), the
 * right figure is kept beside it (cf_review_restate), the findings naming the
 * cell count as accepted with that figure, and every export carries both.
 */
#include "config.h"

#include <glib/gi18n.h>

#include "cf-window-private.h"

static CfReview *
window_review (CfWindow *self)
{
  return self->session ? cf_correction_session_get_review (self->session) : NULL;
}

gboolean
cf_window_restate_cell (CfWindow *self, int row, int col, const char *figure, GError **error)
{
  CfReview *review = window_review (self);
  CfTable *table = cf_grid_view_get_table (self->grid_view);
  CfCell *cell = table ? cf_table_get_origin_cell (table, row, col) : NULL;

  g_return_val_if_fail (CF_IS_WINDOW (self), FALSE);
  if (review == NULL || cell == NULL)
    {
      g_set_error (error, CF_ERROR, CF_ERROR_INVALID, _("No cell is selected"));
      return FALSE;
    }
  if (!cf_review_restate (review, table, cell, figure, error))
    return FALSE;
  cf_window_refresh_findings (self);
  cf_window_update_edit_actions (self);
  return TRUE;
}

/* The figure that would make the first finding naming @cell hold, if one says. */
static char *
expected_for (CfWindow *self, CfTable *table, CfCell *cell)
{
  GPtrArray *findings = cf_document_get_findings (self->document);

  for (guint i = 0; i < findings->len; i++)
    {
      CfFinding *finding = g_ptr_array_index (findings, i);

      if (finding->has_expected && finding->cells && finding->cells->len > 0
          && cf_finding_names_cell (finding, table, cell))
        return cf_number_format (finding->expected);
    }
  return NULL;
}

static void
on_restate_response (AdwMessageDialog *dialog, const char *response, CfWindow *self)
{
  GtkEditable *entry = g_object_get_data (G_OBJECT (dialog), "cf-entry");
  int row = GPOINTER_TO_INT (g_object_get_data (G_OBJECT (dialog), "cf-row"));
  int col = GPOINTER_TO_INT (g_object_get_data (G_OBJECT (dialog), "cf-col"));
  g_autoptr (GError) error = NULL;

  if (g_strcmp0 (response, "restate") != 0)
    return;
  if (!cf_window_restate_cell (self, row, col, gtk_editable_get_text (entry), &error))
    cf_window_show_toast (self, error->message);
}

static void
restate_cell_action (GtkWidget *widget, const char *action_name, GVariant *param)
{
  CfWindow *self = CF_WINDOW (widget);
  CfTable *table = cf_grid_view_get_table (self->grid_view);
  CfReview *review = window_review (self);
  g_autofree char *expected = NULL;
  g_autofree char *body = NULL;
  const char *given;
  GtkWidget *dialog, *entry;
  CfCell *cell;
  int row, col;

  if (table == NULL || review == NULL || !cf_grid_view_get_selected (self->grid_view, &row, &col))
    return;
  cell = cf_table_get_origin_cell (table, row, col);
  if (cell == NULL)
    return;
  given = cf_review_get_restated (review, table, cell, NULL);
  expected = given ? g_strdup (given) : expected_for (self, table, cell);
  /* Translators: %s is the figure the report printed in the cell. */
  body = g_strdup_printf (_("The report prints %s here. Give the right figure: the printed one "
                            "stays and is still checked, its findings count as accepted, and "
                            "every export carries both figures. Leave it empty to forget it."),
                          *cell->text ? cell->text : _("blank"));
  dialog = adw_message_dialog_new (GTK_WINDOW (self), _("The Report Is Wrong Here"), body);
  entry = gtk_entry_new ();
  gtk_editable_set_text (GTK_EDITABLE (entry), expected ? expected : "");
  gtk_entry_set_activates_default (GTK_ENTRY (entry), TRUE);
  gtk_accessible_update_property (GTK_ACCESSIBLE (entry),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, _("Right figure"), -1);
  adw_message_dialog_set_extra_child (ADW_MESSAGE_DIALOG (dialog), entry);
  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog),
                                    "cancel", _("_Cancel"),
                                    "restate", _("_Keep Both Figures"),
                                    NULL);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "restate",
                                              ADW_RESPONSE_SUGGESTED);
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), "restate");
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  g_object_set_data (G_OBJECT (dialog), "cf-entry", entry);
  g_object_set_data (G_OBJECT (dialog), "cf-row", GINT_TO_POINTER (cell->row));
  g_object_set_data (G_OBJECT (dialog), "cf-col", GINT_TO_POINTER (cell->col));
  g_signal_connect (dialog, "response", G_CALLBACK (on_restate_response), self);
  gtk_window_present (GTK_WINDOW (dialog));
  gtk_widget_grab_focus (entry);
}

void
cf_window_class_add_restate_actions (GtkWidgetClass *widget_class)
{
  gtk_widget_class_install_action (widget_class, "win.restate-cell", NULL, restate_cell_action);
}
