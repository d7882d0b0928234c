/* cf-area-select.c: a rectangle and column separators drawn over a PDF page
 *
 * State is kept in PDF points so it stays on the table when the page zooms.
 */
#include "config.h"

#include <glib/gi18n.h>

#include "cf-area-select.h"

/* How near (pixels) a press must be to a separator to grab it. */
#define GRAB_DISTANCE 5.0
/* A drag shorter than this (pixels) is a click. */
#define CLICK_DISTANCE 4.0

typedef enum
{
  DRAG_NONE,
  DRAG_AREA,
  DRAG_SEPARATOR,
} DragKind;

struct _CfAreaSelect
{
  GtkWidget   parent_instance;

  gboolean    active;
  double      scale;
  gboolean    has_area;
  double      area[4];
  GArray     *columns;      /* double, increasing */

  DragKind    drag;
  double      drag_x;       /* where the drag started, pixels */
  double      drag_y;
  guint       separator;    /* the one being moved */

  GtkWidget  *popover;
};

G_DEFINE_FINAL_TYPE (CfAreaSelect, cf_area_select, GTK_TYPE_WIDGET)

static int
compare_double (gconstpointer a, gconstpointer b)
{
  double x = *(const double *) a, y = *(const double *) b;

  return x < y ? -1 : x > y;
}

static void
show_popover (CfAreaSelect *self)
{
  GdkRectangle rect = {
    (int) (self->area[0] * self->scale), (int) (self->area[1] * self->scale),
    (int) ((self->area[2] - self->area[0]) * self->scale),
    (int) ((self->area[3] - self->area[1]) * self->scale),
  };

  gtk_popover_set_pointing_to (GTK_POPOVER (self->popover), &rect);
  gtk_popover_popup (GTK_POPOVER (self->popover));
}

/* Gestures ------------------------------------------------------------------- */

static void
on_drag_begin (GtkGestureDrag *gesture, double x, double y, CfAreaSelect *self)
{
  self->drag_x = x;
  self->drag_y = y;
  self->drag = DRAG_AREA;
  if (self->has_area)
    for (guint i = 0; i < self->columns->len; i++)
      if (ABS (g_array_index (self->columns, double, i) * self->scale - x) <= GRAB_DISTANCE &&
          y >= self->area[1] * self->scale && y <= self->area[3] * self->scale)
        {
          self->drag = DRAG_SEPARATOR;
          self->separator = i;
          break;
        }
  gtk_gesture_set_state (GTK_GESTURE (gesture), GTK_EVENT_SEQUENCE_CLAIMED);
}

static void
on_drag_update (GtkGestureDrag *gesture, double dx, double dy, CfAreaSelect *self)
{
  double x = (self->drag_x + dx) / self->scale;
  double y = (self->drag_y + dy) / self->scale;

  if (self->drag == DRAG_SEPARATOR)
    {
      g_array_index (self->columns, double, self->separator) =
        CLAMP (x, self->area[0] + 1, self->area[2] - 1);
    }
  else if (self->drag == DRAG_AREA && (ABS (dx) >= CLICK_DISTANCE || ABS (dy) >= CLICK_DISTANCE))
    {
      double x0 = self->drag_x / self->scale, y0 = self->drag_y / self->scale;

      self->has_area = TRUE;
      g_array_set_size (self->columns, 0);
      self->area[0] = MIN (x0, x);
      self->area[1] = MIN (y0, y);
      self->area[2] = MAX (x0, x);
      self->area[3] = MAX (y0, y);
    }
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

static void
on_drag_end (GtkGestureDrag *gesture, double dx, double dy, CfAreaSelect *self)
{
  gboolean click = ABS (dx) < CLICK_DISTANCE && ABS (dy) < CLICK_DISTANCE;

  if (self->drag == DRAG_SEPARATOR)
    g_array_sort (self->columns, compare_double);
  else if (click)
    {
      double y = self->drag_y / self->scale;

      /* A click inside the area places a column separator there. */
      if (self->has_area && y >= self->area[1] && y <= self->area[3])
        cf_area_select_add_column (self, self->drag_x / self->scale);
    }
  self->drag = DRAG_NONE;
  gtk_widget_queue_draw (GTK_WIDGET (self));
  if (self->has_area)
    show_popover (self);
}

static gboolean
on_key_pressed (GtkEventControllerKey *keys, guint keyval, guint keycode,
                GdkModifierType state, CfAreaSelect *self)
{
  if (keyval != GDK_KEY_Escape || !self->has_area)
    return FALSE;
  cf_area_select_clear (self);
  return TRUE;
}

/* Drawing ------------------------------------------------------------------ */

static void
cf_area_select_snapshot (GtkWidget *widget, GtkSnapshot *snapshot)
{
  CfAreaSelect *self = CF_AREA_SELECT (widget);
  GdkRGBA fill = { 0.21, 0.52, 0.89, 0.15 };
  GdkRGBA line = { 0.21, 0.52, 0.89, 1.0 };
  graphene_rect_t rect;
  GskRoundedRect outline;
  float widths[4] = { 2, 2, 2, 2 };
  GdkRGBA colors[4] = { line, line, line, line };

  if (!self->active || !self->has_area)
    return;
  rect = GRAPHENE_RECT_INIT (self->area[0] * self->scale, self->area[1] * self->scale,
                             (self->area[2] - self->area[0]) * self->scale,
                             (self->area[3] - self->area[1]) * self->scale);
  gtk_snapshot_append_color (snapshot, &fill, &rect);
  gsk_rounded_rect_init_from_rect (&outline, &rect, 0);
  gtk_snapshot_append_border (snapshot, &outline, widths, colors);
  for (guint i = 0; i < self->columns->len; i++)
    {
      double x = g_array_index (self->columns, double, i) * self->scale;
      graphene_rect_t bar = GRAPHENE_RECT_INIT (x - 1, rect.origin.y, 2, rect.size.height);

      gtk_snapshot_append_color (snapshot, &line, &bar);
    }
}

/* The popover ---------------------------------------------------------------- */

static GtkWidget *
popover_new (CfAreaSelect *self)
{
  GtkWidget *popover = gtk_popover_new ();
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 6);
  GtkWidget *hint = gtk_label_new (_("Click inside the area to add a column separator; drag one to move it."));
  GtkWidget *ruled = gtk_button_new_with_mnemonic (_("Extract as _Ruled Table"));
  GtkWidget *borderless = gtk_button_new_with_mnemonic (_("Extract as _Borderless Table"));

  gtk_label_set_wrap (GTK_LABEL (hint), TRUE);
  gtk_label_set_max_width_chars (GTK_LABEL (hint), 32);
  gtk_label_set_xalign (GTK_LABEL (hint), 0);
  gtk_widget_add_css_class (hint, "dim-label");
  gtk_widget_set_tooltip_text (ruled, _("The table has lines between its cells"));
  gtk_widget_set_tooltip_text (borderless, _("The columns are only aligned by their text"));
  gtk_actionable_set_action_name (GTK_ACTIONABLE (ruled), "win.extract-area");
  gtk_actionable_set_action_target (GTK_ACTIONABLE (ruled), "s", "ruled");
  gtk_actionable_set_action_name (GTK_ACTIONABLE (borderless), "win.extract-area");
  gtk_actionable_set_action_target (GTK_ACTIONABLE (borderless), "s", "borderless");
  gtk_widget_add_css_class (ruled, "suggested-action");
  gtk_box_append (GTK_BOX (box), hint);
  gtk_box_append (GTK_BOX (box), ruled);
  gtk_box_append (GTK_BOX (box), borderless);
  gtk_popover_set_child (GTK_POPOVER (popover), box);
  /* It stays while separators are placed: clicks go on to the page. */
  gtk_popover_set_autohide (GTK_POPOVER (popover), FALSE);
  gtk_widget_set_parent (popover, GTK_WIDGET (self));
  return popover;
}

static void
cf_area_select_size_allocate (GtkWidget *widget, int width, int height, int baseline)
{
  CfAreaSelect *self = CF_AREA_SELECT (widget);

  gtk_popover_present (GTK_POPOVER (self->popover));
}

/* The widget ------------------------------------------------------------------ */

static void
cf_area_select_dispose (GObject *object)
{
  CfAreaSelect *self = CF_AREA_SELECT (object);

  g_clear_pointer (&self->popover, gtk_widget_unparent);
  G_OBJECT_CLASS (cf_area_select_parent_class)->dispose (object);
}

static void
cf_area_select_finalize (GObject *object)
{
  CfAreaSelect *self = CF_AREA_SELECT (object);

  g_array_unref (self->columns);
  G_OBJECT_CLASS (cf_area_select_parent_class)->finalize (object);
}

static void
cf_area_select_class_init (CfAreaSelectClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = cf_area_select_dispose;
  object_class->finalize = cf_area_select_finalize;
  widget_class->snapshot = cf_area_select_snapshot;
  widget_class->size_allocate = cf_area_select_size_allocate;
  gtk_widget_class_set_css_name (widget_class, "area-select");
}

static void
cf_area_select_init (CfAreaSelect *self)
{
  GtkGesture *drag = gtk_gesture_drag_new ();
  GtkEventController *keys = gtk_event_controller_key_new ();

  self->scale = 1.0;
  self->columns = g_array_new (FALSE, FALSE, sizeof (double));
  self->popover = popover_new (self);

  gtk_gesture_single_set_button (GTK_GESTURE_SINGLE (drag), GDK_BUTTON_PRIMARY);
  g_signal_connect (drag, "drag-begin", G_CALLBACK (on_drag_begin), self);
  g_signal_connect (drag, "drag-update", G_CALLBACK (on_drag_update), self);
  g_signal_connect (drag, "drag-end", G_CALLBACK (on_drag_end), self);
  gtk_widget_add_controller (GTK_WIDGET (self), GTK_EVENT_CONTROLLER (drag));
  g_signal_connect (keys, "key-pressed", G_CALLBACK (on_key_pressed), self);
  gtk_widget_add_controller (GTK_WIDGET (self), keys);

  gtk_widget_set_can_target (GTK_WIDGET (self), FALSE);
  gtk_widget_set_focusable (GTK_WIDGET (self), TRUE);
  gtk_widget_set_cursor_from_name (GTK_WIDGET (self), "crosshair");
  gtk_widget_set_tooltip_text (GTK_WIDGET (self), _("Drag over the table to extract it"));
  gtk_accessible_update_property (GTK_ACCESSIBLE (self),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, _("Table area"),
                                  -1);
}

GtkWidget *
cf_area_select_new (void)
{
  return g_object_new (CF_TYPE_AREA_SELECT, NULL);
}

void
cf_area_select_set_active (CfAreaSelect *self, gboolean active)
{
  g_return_if_fail (CF_IS_AREA_SELECT (self));

  self->active = !!active;
  gtk_widget_set_can_target (GTK_WIDGET (self), self->active);
  /* No focus grab here: the scrolled window would jump to show the widget. */
  if (!self->active)
    cf_area_select_clear (self);
}

gboolean
cf_area_select_get_active (CfAreaSelect *self)
{
  g_return_val_if_fail (CF_IS_AREA_SELECT (self), FALSE);
  return self->active;
}

void
cf_area_select_set_scale (CfAreaSelect *self, double scale)
{
  g_return_if_fail (CF_IS_AREA_SELECT (self));

  self->scale = scale > 0 ? scale : 1.0;
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

gboolean
cf_area_select_get_area (CfAreaSelect *self, double area[4])
{
  g_return_val_if_fail (CF_IS_AREA_SELECT (self), FALSE);

  if (!self->has_area)
    return FALSE;
  for (int i = 0; i < 4; i++)
    area[i] = self->area[i];
  return TRUE;
}

void
cf_area_select_set_area (CfAreaSelect *self, const double area[4])
{
  g_return_if_fail (CF_IS_AREA_SELECT (self));

  self->has_area = TRUE;
  self->area[0] = MIN (area[0], area[2]);
  self->area[1] = MIN (area[1], area[3]);
  self->area[2] = MAX (area[0], area[2]);
  self->area[3] = MAX (area[1], area[3]);
  g_array_set_size (self->columns, 0);
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

const double *
cf_area_select_get_columns (CfAreaSelect *self, guint *n_columns)
{
  g_return_val_if_fail (CF_IS_AREA_SELECT (self), NULL);

  if (n_columns != NULL)
    *n_columns = self->columns->len;
  return (const double *) self->columns->data;
}

gboolean
cf_area_select_add_column (CfAreaSelect *self, double x)
{
  g_return_val_if_fail (CF_IS_AREA_SELECT (self), FALSE);

  if (!self->has_area || x <= self->area[0] || x >= self->area[2])
    return FALSE;
  g_array_append_val (self->columns, x);
  g_array_sort (self->columns, compare_double);
  gtk_widget_queue_draw (GTK_WIDGET (self));
  return TRUE;
}

void
cf_area_select_clear (CfAreaSelect *self)
{
  g_return_if_fail (CF_IS_AREA_SELECT (self));

  self->has_area = FALSE;
  g_array_set_size (self->columns, 0);
  if (self->popover != NULL)
    gtk_popover_popdown (GTK_POPOVER (self->popover));
  gtk_widget_queue_draw (GTK_WIDGET (self));
}
