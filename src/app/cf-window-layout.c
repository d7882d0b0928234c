/* cf-window-layout.c: room for whole tables
 *
 * The list of tables is a sidebar the analyst shows and hides (F9, the
 * header bar's toggle); it hides by itself in a narrow window until the
 * analyst chooses. The findings pane takes a quarter of the height unless its
 * divider is moved. "Fit Table" (Ctrl+Shift+T, again to undo) gives the grid
 * the window: no sidebar, no source pane. Works on GTK 4.8 / libadwaita 1.2 with
 * panes alone (no AdwOverlaySplitView before libadwaita 1.4).
 */
#include "config.h"

#include <glib/gi18n.h>

#include "cf-window-private.h"

#define NARROW_WIDTH  1100 /* below: no sidebar unless asked for */
#define FINDINGS_SHARE 0.26

static int
max_position (GtkPaned *paned)
{
  int max = 0;

  g_object_get (paned, "max-position", &max, NULL);
  return max;
}

static GtkPaned *
paned (CfWindow *self, const char *name)
{
  return GTK_PANED (gtk_widget_get_template_child (GTK_WIDGET (self), CF_TYPE_WINDOW, name));
}

static GtkWidget *
template_child (CfWindow *self, const char *name)
{
  return GTK_WIDGET (gtk_widget_get_template_child (GTK_WIDGET (self), CF_TYPE_WINDOW, name));
}

void
cf_window_set_sidebar_shown (CfWindow *self, gboolean shown)
{
  GtkWidget *button = template_child (self, "sidebar_button");

  gtk_widget_set_visible (template_child (self, "sidebar"), shown);
  if (gtk_toggle_button_get_active (GTK_TOGGLE_BUTTON (button)) != shown)
    gtk_toggle_button_set_active (GTK_TOGGLE_BUTTON (button), shown);
  gtk_accessible_update_state (GTK_ACCESSIBLE (button), GTK_ACCESSIBLE_STATE_PRESSED, shown, -1);
}

gboolean
cf_window_get_sidebar_shown (CfWindow *self)
{
  return gtk_widget_get_visible (template_child (self, "sidebar"));
}

static void
show_sidebar_action (GtkWidget *widget, const char *action_name, GVariant *param)
{
  CfWindow *self = CF_WINDOW (widget);

  /* The analyst chose: the window's width no longer decides. */
  g_object_set_data (G_OBJECT (self), "cf-sidebar-chosen", GINT_TO_POINTER (1));
  cf_window_set_sidebar_shown (self, !cf_window_get_sidebar_shown (self));
}

gboolean
cf_window_get_table_fitted (CfWindow *self)
{
  return !gtk_widget_get_visible (template_child (self, "source_stack"));
}

void
cf_window_fit_table (CfWindow *self, gboolean fit)
{
  g_object_set_data (G_OBJECT (self), "cf-sidebar-chosen", GINT_TO_POINTER (1));
  /* The grid takes the window; the source comes back when it is asked for. */
  gtk_widget_set_visible (template_child (self, "source_stack"), !fit);
  cf_window_set_sidebar_shown (self, !fit && max_position (paned (self, "outer_paned")) >= NARROW_WIDTH);
}

static void
fit_table_action (GtkWidget *widget, const char *action_name, GVariant *param)
{
  CfWindow *self = CF_WINDOW (widget);

  cf_window_fit_table (self, !cf_window_get_table_fitted (self));
}

/* The window's width changed (the outer pane's room): a narrow window hides
 * the sidebar and narrows the source until the analyst decides. */
static void
on_outer_width (GObject *object, GParamSpec *pspec, CfWindow *self)
{
  int width = max_position (GTK_PANED (object));
  gboolean narrow = width > 0 && width < NARROW_WIDTH;

  if (width <= 0)
    return;
  if (g_object_get_data (G_OBJECT (self), "cf-sidebar-chosen") == NULL)
    cf_window_set_sidebar_shown (self, !narrow);
  if (narrow && gtk_paned_get_position (paned (self, "inner_paned")) > width * 2 / 5)
    gtk_paned_set_position (paned (self, "inner_paned"), width * 2 / 5);
}

/* The findings pane: a quarter of the height until its divider is moved
 * (the position then differs from the one set here last). Followed frame by
 * frame: GTK 4.8's panes notify no size change. */
static gboolean
follow_grid_height (GtkWidget *widget, GdkFrameClock *clock, gpointer data)
{
  CfWindow *self = data;
  GtkPaned *grid = GTK_PANED (widget);
  int height = gtk_widget_get_height (widget);
  int last = GPOINTER_TO_INT (g_object_get_data (G_OBJECT (self), "cf-findings-position"));
  int last_height = GPOINTER_TO_INT (g_object_get_data (G_OBJECT (self), "cf-findings-height"));
  int position = gtk_paned_get_position (grid);

  if (height <= 0 || height == last_height)
    return G_SOURCE_CONTINUE;
  if (last > 0 && position != last && position < max_position (grid))
    return G_SOURCE_REMOVE; /* moved by hand: left where it is */
  position = (int) (height * (1 - FINDINGS_SHARE));
  g_object_set_data (G_OBJECT (self), "cf-findings-position", GINT_TO_POINTER (position));
  g_object_set_data (G_OBJECT (self), "cf-findings-height", GINT_TO_POINTER (height));
  gtk_paned_set_position (grid, position);
  return G_SOURCE_CONTINUE;
}

void
cf_window_setup_layout (CfWindow *self)
{
  g_signal_connect (paned (self, "outer_paned"), "notify::max-position",
                    G_CALLBACK (on_outer_width), self);
  gtk_widget_add_tick_callback (GTK_WIDGET (paned (self, "grid_paned")), follow_grid_height, self,
                                NULL);
  cf_window_set_sidebar_shown (self, TRUE);
}

void
cf_window_class_add_layout (GtkWidgetClass *widget_class)
{
  static const char *const children[] = { "outer_paned", "inner_paned", "grid_paned", "sidebar",
                                          "sidebar_button", "grid_toasts" };

  /* source_stack is bound by cf-window.c already. */

  /* Looked up with gtk_widget_get_template_child(): no field of their own. */
  for (gsize i = 0; i < G_N_ELEMENTS (children); i++)
    gtk_widget_class_bind_template_child_full (widget_class, children[i], FALSE, 0);
  gtk_widget_class_install_action (widget_class, "win.show-sidebar", NULL, show_sidebar_action);
  gtk_widget_class_install_action (widget_class, "win.fit-table", NULL, fit_table_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_F9, 0, "win.show-sidebar", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_t, GDK_CONTROL_MASK | GDK_SHIFT_MASK,
                                       "win.fit-table", NULL);
}
