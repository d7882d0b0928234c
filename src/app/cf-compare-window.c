/* cf-compare-window.c: a window showing one comparison of two years */
#include "config.h"

#include <glib/gi18n.h>
#include "cf-file-dialog.h"
#include "cf-compare-window.h"

struct _CfCompareWindow
{
  AdwApplicationWindow parent_instance;
  CfCompareView       *view;
  AdwToastOverlay     *toasts;
};

G_DEFINE_FINAL_TYPE (CfCompareWindow, cf_compare_window, ADW_TYPE_APPLICATION_WINDOW)

typedef enum
{
  EXPORT_PDF,
  EXPORT_HTML,
} ExportKind;

static void
on_export_chosen (GFile *file, gpointer owner, gpointer data)
{
  CfCompareWindow *self = owner;
  CfComparison *comparison = cf_compare_view_get_comparison (self->view);
  g_autofree char *path = g_file_get_path (file);
  g_autoptr (GError) error = NULL;
  gboolean ok;
  g_autofree char *message = NULL;

  if (comparison == NULL || path == NULL)
    return;
  ok = GPOINTER_TO_INT (data) == EXPORT_PDF
         ? cf_compare_report_write_pdf (comparison, path, &error)
         : cf_compare_report_write_html (comparison, path, &error);
  if (ok)
    {
      g_autofree char *name = g_path_get_basename (path);

      /* TRANSLATORS: a toast after the comparison report was written */
      message = g_strdup_printf (_("Saved %s"), name);
    }
  adw_toast_overlay_add_toast (self->toasts, adw_toast_new (ok ? message : error->message));
}

static void
export_action (GtkWidget *widget, const char *action_name, GVariant *param)
{
  CfCompareWindow *self = CF_COMPARE_WINDOW (widget);
  ExportKind kind = g_str_equal (action_name, "compare.export-pdf") ? EXPORT_PDF : EXPORT_HTML;
  CfComparison *comparison = cf_compare_view_get_comparison (self->view);
  g_autofree char *name = NULL;

  if (comparison == NULL)
    return;
  name = g_strdup_printf ("%s-%s.%s", cf_comparison_get_year_label (comparison, FALSE),
                          cf_comparison_get_year_label (comparison, TRUE),
                          kind == EXPORT_PDF ? "pdf" : "html");
  cf_file_dialog_save (GTK_WINDOW (self),
                       kind == EXPORT_PDF ? _("Export the Comparison as PDF")
                                          : _("Export the Comparison as HTML"),
                       name, FALSE, on_export_chosen, self, GINT_TO_POINTER (kind));
}

/* The panes in the order F6 visits them: the grid, the findings, the text. */
static GtkWidget *
pane (CfCompareWindow *self, int index)
{
  switch (index)
    {
    case 1:
      return GTK_WIDGET (cf_compare_view_get_findings (self->view));
    case 2:
      return GTK_WIDGET (cf_compare_view_get_text_view (self->view));
    default:
      return GTK_WIDGET (cf_compare_view_get_column_view (self->view));
    }
}

static void
focus_action (GtkWidget *widget, const char *action_name, GVariant *param)
{
  gtk_widget_grab_focus (pane (CF_COMPARE_WINDOW (widget), g_variant_get_int32 (param)));
}

static void
next_pane_action (GtkWidget *widget, const char *action_name, GVariant *param)
{
  CfCompareWindow *self = CF_COMPARE_WINDOW (widget);
  GtkWidget *focus = gtk_root_get_focus (GTK_ROOT (self));
  int current = -1;

  for (int i = 0; i < 3 && focus != NULL; i++)
    if (focus == pane (self, i) || gtk_widget_is_ancestor (focus, pane (self, i)))
      current = i;
  gtk_widget_grab_focus (pane (self, (current + 1) % 3));
}

static void
cf_compare_window_class_init (CfCompareWindowClass *klass)
{
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  /* As in the main window: F6 and Alt+1–3 move between the panes. */
  gtk_widget_class_install_action (widget_class, "compare.focus", "i", focus_action);
  gtk_widget_class_install_action (widget_class, "compare.next-pane", NULL, next_pane_action);
  for (int i = 0; i < 3; i++)
    gtk_widget_class_add_binding_action (widget_class, GDK_KEY_1 + i, GDK_ALT_MASK,
                                         "compare.focus", "i", i);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_F6, 0, "compare.next-pane", NULL);

  gtk_widget_class_install_action (widget_class, "compare.export-pdf", NULL, export_action);
  gtk_widget_class_install_action (widget_class, "compare.export-html", NULL, export_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_e, GDK_CONTROL_MASK,
                                       "compare.export-pdf", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_w, GDK_CONTROL_MASK,
                                       "window.close", NULL);
}

static GtkWidget *
export_button (const char *label, const char *tooltip, const char *action)
{
  GtkWidget *button = gtk_button_new_with_mnemonic (label);

  gtk_widget_set_tooltip_text (button, tooltip);
  gtk_actionable_set_action_name (GTK_ACTIONABLE (button), action);
  return button;
}

static void
cf_compare_window_init (CfCompareWindow *self)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);
  GtkWidget *header = adw_header_bar_new ();

  adw_header_bar_pack_end (ADW_HEADER_BAR (header),
                           export_button (_("Export _HTML…"),
                                          _("The comparison as a web page to hand on"),
                                          "compare.export-html"));
  adw_header_bar_pack_end (ADW_HEADER_BAR (header),
                           export_button (_("Export _PDF…"),
                                          _("The comparison as a PDF report to hand on (Ctrl+E)"),
                                          "compare.export-pdf"));
  gtk_box_append (GTK_BOX (box), header);
  self->view = CF_COMPARE_VIEW (cf_compare_view_new ());
  gtk_widget_set_vexpand (GTK_WIDGET (self->view), TRUE);
  self->toasts = ADW_TOAST_OVERLAY (adw_toast_overlay_new ());
  adw_toast_overlay_set_child (self->toasts, GTK_WIDGET (self->view));
  gtk_box_append (GTK_BOX (box), GTK_WIDGET (self->toasts));
  adw_application_window_set_content (ADW_APPLICATION_WINDOW (self), box);
  gtk_window_set_default_size (GTK_WINDOW (self), 1400, 900);
}

CfCompareWindow *
cf_compare_window_new (GtkApplication *application, CfComparison *comparison)
{
  CfCompareWindow *self = g_object_new (CF_TYPE_COMPARE_WINDOW, "application", application, NULL);
  g_autofree char *title = g_strdup_printf ("%s → %s — Crossfoot",
                                            cf_comparison_get_year_label (comparison, FALSE),
                                            cf_comparison_get_year_label (comparison, TRUE));

  gtk_window_set_title (GTK_WINDOW (self), title);
  cf_compare_view_set_comparison (self->view, comparison);
  return self;
}

CfCompareView *
cf_compare_window_get_view (CfCompareWindow *self)
{
  g_return_val_if_fail (CF_IS_COMPARE_WINDOW (self), NULL);
  return self->view;
}
