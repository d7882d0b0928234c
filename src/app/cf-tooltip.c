/* cf-tooltip.c: tooltips that wrap Chinese text into lines, not into a column
 *
 * GTK 4.8's own tooltip label (wrap by words, max-width-chars 50) came out
 * narrower than its text for Chinese, which has no spaces to wrap at: even
 * "申请人情况 / 自然人" broke into three lines near the right of the screen,
 * and long findings into a tall narrow column.
 *
 * cf_tooltip_install () shows a widget's tooltip (the text or markup set
 * with gtk_widget_set_tooltip_text / _markup, which stays the widget's own,
 * and so its accessible description) in a label of ours: wrapped by words,
 * or by characters where there are none (PANGO_WRAP_WORD_CHAR), asking for
 * the width of its text unwrapped (GTK_NATURAL_WRAP_NONE), up to 50
 * characters wide. */
#include "config.h"

#include "cf-tooltip.h"

static GQuark label_quark;

static gboolean
on_query_tooltip (GtkWidget  *widget,
                  int         x,
                  int         y,
                  gboolean    keyboard,
                  GtkTooltip *tooltip,
                  gpointer    user_data)
{
  const char *markup = gtk_widget_get_tooltip_markup (widget);
  GtkLabel *label;

  (void) x;
  (void) y;
  (void) keyboard;
  (void) user_data;
  if (markup == NULL || *markup == '\0')
    return FALSE;
  label = g_object_get_qdata (G_OBJECT (widget), label_quark);
  if (label == NULL)
    {
      label = GTK_LABEL (gtk_label_new (NULL));
      gtk_label_set_wrap (label, TRUE);
      gtk_label_set_wrap_mode (label, PANGO_WRAP_WORD_CHAR);
      gtk_label_set_natural_wrap_mode (label, GTK_NATURAL_WRAP_NONE);
      gtk_label_set_max_width_chars (label, 50);
      gtk_label_set_xalign (label, 0.0);
      g_object_set_qdata_full (G_OBJECT (widget), label_quark,
                               g_object_ref_sink (label), g_object_unref);
    }
  /* The tooltip markup is the text escaped when it was set as text. */
  if (g_strcmp0 (gtk_label_get_label (label), markup) != 0 || !gtk_label_get_use_markup (label))
    gtk_label_set_markup (label, markup);
  gtk_tooltip_set_custom (tooltip, GTK_WIDGET (label));
  return TRUE;
}

/* Once per widget: its tooltips, now and later, show in a label of ours. */
void
cf_tooltip_install (GtkWidget *widget)
{
  static GQuark installed_quark;

  g_return_if_fail (GTK_IS_WIDGET (widget));
  if (G_UNLIKELY (installed_quark == 0))
    {
      installed_quark = g_quark_from_static_string ("cf-tooltip-installed");
      label_quark = g_quark_from_static_string ("cf-tooltip-label");
    }
  if (g_object_get_qdata (G_OBJECT (widget), installed_quark))
    return;
  g_object_set_qdata (G_OBJECT (widget), installed_quark, GINT_TO_POINTER (1));
  g_signal_connect (widget, "query-tooltip", G_CALLBACK (on_query_tooltip), NULL);
}

/* The label that shows @widget's tooltip, once it has been shown (tests). */
GtkLabel *
cf_tooltip_get_label (GtkWidget *widget)
{
  return label_quark ? g_object_get_qdata (G_OBJECT (widget), label_quark) : NULL;
}
