/* cf-window-layout.c: room for whole tables
 *
 * The list of tables is a sidebar the analyst shows and hides (F9, the
 * header bar's toggle): an AdwFlap (an AdwOverlaySplitView from libadwaita
 * 1.4) that folds in a narrow window, where it opens over the rest and hides
 * by itself until the analyst chooses; narrower still, the source goes above
 * the grid instead of beside it. The findings pane takes a quarter of
 * the height unless its divider is moved. "Fit Table" (Ctrl+Shift+T, again to
 * undo) gives the grid the window (no sidebar, no source pane) and zooms it
 * so that the whole table's width fits. The grid zooms (Ctrl+plus, Ctrl+minus,
 * Ctrl+0 on the grid; the menu's Table Zoom), and a PDF page fits the width of
 * its pane when that is narrower than the page.
 */
#include "config.h"

#include <glib/gi18n.h>

#include "cf-window-private.h"

#define NARROW_WIDTH  1100 /* below: no sidebar unless asked for */
#define STACK_WIDTH   720  /* below: the source above the grid, not beside it */
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

/* The AdwFlap / AdwOverlaySplitView holding the sidebar and the rest. */
static GtkWidget *
split (CfWindow *self)
{
  return g_object_get_data (G_OBJECT (self), "cf-split");
}

/* Folded below NARROW_WIDTH. Above it the flap still folds by itself when
 * the window is made narrower than the sidebar and the rest need (fold policy
 * "auto"), so that they never widen the window past its screen. */
static void
set_folded (CfWindow *self, gboolean folded)
{
  g_object_set_data (G_OBJECT (self), "cf-narrow", GINT_TO_POINTER (folded));
#if ADW_CHECK_VERSION (1, 4, 0)
  adw_overlay_split_view_set_collapsed (ADW_OVERLAY_SPLIT_VIEW (split (self)), folded);
#else
  adw_flap_set_fold_policy (ADW_FLAP (split (self)), folded ? ADW_FLAP_FOLD_POLICY_ALWAYS
                                                            : ADW_FLAP_FOLD_POLICY_AUTO);
#endif
}

gboolean
cf_window_get_sidebar_folded (CfWindow *self)
{
#if ADW_CHECK_VERSION (1, 4, 0)
  return adw_overlay_split_view_get_collapsed (ADW_OVERLAY_SPLIT_VIEW (split (self)));
#else
  return adw_flap_get_folded (ADW_FLAP (split (self)));
#endif
}

void
cf_window_set_sidebar_shown (CfWindow *self, gboolean shown)
{
  GtkWidget *button = template_child (self, "sidebar_button");

#if ADW_CHECK_VERSION (1, 4, 0)
  adw_overlay_split_view_set_show_sidebar (ADW_OVERLAY_SPLIT_VIEW (split (self)), shown);
#else
  adw_flap_set_reveal_flap (ADW_FLAP (split (self)), shown);
#endif
  if (gtk_toggle_button_get_active (GTK_TOGGLE_BUTTON (button)) != shown)
    gtk_toggle_button_set_active (GTK_TOGGLE_BUTTON (button), shown);
  gtk_accessible_update_state (GTK_ACCESSIBLE (button), GTK_ACCESSIBLE_STATE_PRESSED, shown, -1);
}

gboolean
cf_window_get_sidebar_shown (CfWindow *self)
{
#if ADW_CHECK_VERSION (1, 4, 0)
  return adw_overlay_split_view_get_show_sidebar (ADW_OVERLAY_SPLIT_VIEW (split (self)));
#else
  return adw_flap_get_reveal_flap (ADW_FLAP (split (self)));
#endif
}

/* The flap closed itself (a click beside it when folded): the toggle follows. */
static void
on_sidebar_revealed (GObject *object, GParamSpec *pspec, CfWindow *self)
{
  GtkWidget *button = template_child (self, "sidebar_button");
  gboolean shown = cf_window_get_sidebar_shown (self);

  if (gtk_toggle_button_get_active (GTK_TOGGLE_BUTTON (button)) != shown)
    gtk_toggle_button_set_active (GTK_TOGGLE_BUTTON (button), shown);
  gtk_accessible_update_state (GTK_ACCESSIBLE (button), GTK_ACCESSIBLE_STATE_PRESSED, shown, -1);
}

/* Moves the sidebar and the rest from the template's box into the split. */
static void
make_split (CfWindow *self)
{
  GtkWidget *box = template_child (self, "outer_paned");
  g_autoptr (GtkWidget) sidebar = g_object_ref (template_child (self, "sidebar"));
  g_autoptr (GtkWidget) content = g_object_ref (template_child (self, "inner_paned"));
  GtkWidget *split;

  gtk_box_remove (GTK_BOX (box), sidebar);
  gtk_box_remove (GTK_BOX (box), content);
  gtk_widget_set_hexpand (content, TRUE);
  /* Drawn over the rest when folded: it needs a background of its own. */
  gtk_widget_add_css_class (sidebar, "background");
#if ADW_CHECK_VERSION (1, 4, 0)
  split = adw_overlay_split_view_new ();
  adw_overlay_split_view_set_sidebar (ADW_OVERLAY_SPLIT_VIEW (split), sidebar);
  adw_overlay_split_view_set_content (ADW_OVERLAY_SPLIT_VIEW (split), content);
  g_signal_connect (split, "notify::show-sidebar", G_CALLBACK (on_sidebar_revealed), self);
#else
  split = adw_flap_new ();
  adw_flap_set_flap (ADW_FLAP (split), sidebar);
  adw_flap_set_content (ADW_FLAP (split), content);
  adw_flap_set_separator (ADW_FLAP (split), gtk_separator_new (GTK_ORIENTATION_VERTICAL));
  adw_flap_set_swipe_to_open (ADW_FLAP (split), FALSE);
  adw_flap_set_fold_threshold_policy (ADW_FLAP (split), ADW_FOLD_THRESHOLD_POLICY_MINIMUM);
  g_signal_connect (split, "notify::reveal-flap", G_CALLBACK (on_sidebar_revealed), self);
#endif
  gtk_widget_set_hexpand (split, TRUE);
  gtk_box_append (GTK_BOX (box), split);
  g_object_set_data (G_OBJECT (self), "cf-split", split);
  set_folded (self, FALSE);
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
  cf_window_set_sidebar_shown (self, !fit && !cf_window_get_sidebar_folded (self));
  /* The zoom at which all the columns fit, following the window's width. */
  cf_grid_view_set_fit_width (self->grid_view, fit);
  if (!fit)
    cf_grid_view_set_zoom (self->grid_view, 1.0);
}

static void
grid_zoom_action (GtkWidget *widget, const char *action_name, GVariant *param)
{
  CfWindow *self = CF_WINDOW (widget);

  cf_grid_view_zoom_step (self->grid_view, g_str_equal (action_name, "win.grid-zoom-in") ? 1
                                           : g_str_equal (action_name, "win.grid-zoom-out") ? -1
                                                                                            : 0);
}

static void
fit_table_action (GtkWidget *widget, const char *action_name, GVariant *param)
{
  CfWindow *self = CF_WINDOW (widget);

  cf_window_fit_table (self, !cf_window_get_table_fitted (self));
}

/* The window's width changed: a narrow window folds the sidebar (over the
 * rest, hidden until the analyst asks for it) and narrows the source.
 * Followed frame by frame: GTK 4.8 notifies no size change. */
static gboolean
follow_width (GtkWidget *widget, GdkFrameClock *clock, gpointer data)
{
  CfWindow *self = data;
  int width = gtk_widget_get_width (widget);
  int last = GPOINTER_TO_INT (g_object_get_data (G_OBJECT (self), "cf-outer-width"));
  gboolean narrow = width < NARROW_WIDTH;
  gboolean stacked = width < STACK_WIDTH;
  GtkPaned *inner = paned (self, "inner_paned");
  int height = gtk_widget_get_height (GTK_WIDGET (inner));

  /* Stacked, the grid keeps a quarter of the height at least (a paned
   * turned places its divider anew, after the page's whole height). */
  if (gtk_orientable_get_orientation (GTK_ORIENTABLE (inner)) == GTK_ORIENTATION_VERTICAL &&
      height > 0 && gtk_paned_get_position (inner) > height * 3 / 4)
    gtk_paned_set_position (inner, height * 2 / 5);
  if (width <= 0 || width == last)
    return G_SOURCE_CONTINUE;
  g_object_set_data (G_OBJECT (self), "cf-outer-width", GINT_TO_POINTER (width));
  if (narrow != GPOINTER_TO_INT (g_object_get_data (G_OBJECT (self), "cf-narrow")))
    {
      set_folded (self, narrow);
      /* Folded, it would cover the grid: shown again when asked for, or
       * when the window is wide again (unless the table is fitted). */
      cf_window_set_sidebar_shown (self, !narrow && !cf_window_get_table_fitted (self));
    }
  if (stacked != (gtk_orientable_get_orientation (GTK_ORIENTABLE (inner)) == GTK_ORIENTATION_VERTICAL))
    {
      /* Too narrow for the source beside the grid: above it, the window no
       * wider than either. */
      gtk_orientable_set_orientation (GTK_ORIENTABLE (inner), stacked ? GTK_ORIENTATION_VERTICAL
                                                                      : GTK_ORIENTATION_HORIZONTAL);
      if (!stacked)
        gtk_paned_set_position (inner, width * 2 / 5);
    }
  else if (narrow && !stacked && gtk_paned_get_position (inner) > width * 2 / 5)
    gtk_paned_set_position (inner, width * 2 / 5);
  return G_SOURCE_CONTINUE;
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

/* F6 and Shift+F6 go round the window's panes before a GtkPaned around the
 * focus takes them for its own two children (the sidebar is in no pane). */
static void
add_pane_keys (CfWindow *self)
{
  GtkEventController *keys = gtk_shortcut_controller_new ();

  gtk_event_controller_set_propagation_phase (keys, GTK_PHASE_CAPTURE);
  for (int step = -1; step <= 1; step += 2)
    {
      GtkShortcut *shortcut = gtk_shortcut_new (gtk_keyval_trigger_new (GDK_KEY_F6, step < 0 ? GDK_SHIFT_MASK : 0),
                                                gtk_named_action_new ("win.cycle-pane"));

      gtk_shortcut_set_arguments (shortcut, g_variant_new_int32 (step));
      gtk_shortcut_controller_add_shortcut (GTK_SHORTCUT_CONTROLLER (keys), shortcut);
    }
  gtk_widget_add_controller (GTK_WIDGET (self), keys);
}

void
cf_window_setup_layout (CfWindow *self)
{
  add_pane_keys (self);
  make_split (self);
  gtk_widget_add_tick_callback (template_child (self, "outer_paned"), follow_width, self, NULL);
  gtk_widget_add_tick_callback (GTK_WIDGET (paned (self, "grid_paned")), follow_grid_height, self,
                                NULL);
  cf_window_set_sidebar_shown (self, TRUE);
  /* The findings header says what was checked: long, it wraps rather than
   * widening the window past a narrow screen. */
  gtk_label_set_wrap (self->findings_heading, TRUE);
  gtk_label_set_wrap_mode (self->findings_heading, PANGO_WRAP_WORD_CHAR);
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
  gtk_widget_class_install_action (widget_class, "win.grid-zoom-in", NULL, grid_zoom_action);
  gtk_widget_class_install_action (widget_class, "win.grid-zoom-out", NULL, grid_zoom_action);
  gtk_widget_class_install_action (widget_class, "win.grid-zoom-reset", NULL, grid_zoom_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_F9, 0, "win.show-sidebar", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_t, GDK_CONTROL_MASK | GDK_SHIFT_MASK,
                                       "win.fit-table", NULL);
}
