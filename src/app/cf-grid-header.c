/* cf-grid-header.c: the printed header rows, once, as multi-level column titles
 *
 * A table's header rows are not rows of data: the grid shows them here, above
 * its columns, each printed header cell over the columns and header rows it
 * spans (行政复议 over 结果维持 … 总计). Titles wrap within their columns
 * instead of being cut. The header scrolls sideways with the columns below it
 * (cf_grid_header_set_offset) and is as tall as its wrapped titles need.
 * What each title is (a label, its name, its focus) is the grid's business.
 */
#include "config.h"

#include <string.h>

#include "cf-grid-header.h"

typedef struct
{
  GtkWidget *widget;
  int        row0, row1; /* header rows spanned, inclusive */
  int        col0, col1; /* columns spanned, inclusive */
} Slot;

struct _CfGridHeader
{
  GtkWidget  parent_instance;

  GArray    *slots;  /* Slot */
  GArray    *widths; /* int, one per column */
  double     offset;
  guint      offset_tick;
  int        n_rows;
};

G_DEFINE_FINAL_TYPE (CfGridHeader, cf_grid_header, GTK_TYPE_WIDGET)

static int
span_width (CfGridHeader *self, const Slot *slot)
{
  int width = 0;

  for (int c = slot->col0; c <= slot->col1 && c < (int) self->widths->len; c++)
    width += g_array_index (self->widths, int, c);
  return width;
}

/* The height of each header row when every title gets its columns' width
 * (@heights holds n_rows ints): single-row titles first, then a title over
 * several rows adds what it lacks to the last of them. */
static void
row_heights (CfGridHeader *self, int *heights)
{
  for (int r = 0; r < self->n_rows; r++)
    heights[r] = 0;
  for (int pass = 0; pass < 2; pass++)
    for (guint i = 0; i < self->slots->len; i++)
      {
        Slot *slot = &g_array_index (self->slots, Slot, i);
        int height = 0, have = 0, min_width = 0;

        if ((slot->row1 > slot->row0) != (pass == 1) || !gtk_widget_get_visible (slot->widget))
          continue;
        gtk_widget_measure (slot->widget, GTK_ORIENTATION_HORIZONTAL, -1, &min_width, NULL, NULL, NULL);
        gtk_widget_measure (slot->widget, GTK_ORIENTATION_VERTICAL,
                            MAX (span_width (self, slot), min_width), &height, NULL, NULL, NULL);
        for (int r = slot->row0; r <= slot->row1; r++)
          have += heights[r];
        if (height > have)
          heights[slot->row1] += height - have;
      }
}

static void
cf_grid_header_measure (GtkWidget      *widget,
                        GtkOrientation  orientation,
                        int             for_size,
                        int            *minimum,
                        int            *natural,
                        int            *minimum_baseline,
                        int            *natural_baseline)
{
  CfGridHeader *self = CF_GRID_HEADER (widget);

  *minimum = *natural = 0;
  if (orientation == GTK_ORIENTATION_HORIZONTAL)
    {
      /* As wide as the columns, but never a reason to widen the grid: it clips. */
      for (guint c = 0; c < self->widths->len; c++)
        *natural += g_array_index (self->widths, int, c);
    }
  else if (self->n_rows > 0)
    {
      g_autofree int *heights = g_new0 (int, self->n_rows);

      row_heights (self, heights);
      for (int r = 0; r < self->n_rows; r++)
        *minimum += heights[r];
      *natural = *minimum;
    }
}

static void
cf_grid_header_size_allocate (GtkWidget *widget, int width, int height, int baseline)
{
  CfGridHeader *self = CF_GRID_HEADER (widget);
  g_autofree int *heights = g_new0 (int, MAX (self->n_rows, 1));
  g_autofree int *tops = g_new0 (int, self->n_rows + 1);

  row_heights (self, heights);
  for (int r = 0; r < self->n_rows; r++)
    tops[r + 1] = tops[r] + heights[r];
  for (guint i = 0; i < self->slots->len; i++)
    {
      Slot *slot = &g_array_index (self->slots, Slot, i);
      int min_width = 0;
      GtkAllocation box;

      if (!gtk_widget_get_visible (slot->widget))
        continue;
      gtk_widget_measure (slot->widget, GTK_ORIENTATION_HORIZONTAL, -1, &min_width, NULL, NULL, NULL);
      box.x = (int) (cf_grid_header_column_x (self, slot->col0) + 0.5);
      box.y = tops[slot->row0];
      box.width = MAX (span_width (self, slot), min_width);
      box.height = tops[slot->row1 + 1] - tops[slot->row0];
      gtk_widget_size_allocate (slot->widget, &box, -1);
    }
}

static void
cf_grid_header_dispose (GObject *object)
{
  CfGridHeader *self = CF_GRID_HEADER (object);

  if (self->offset_tick != 0)
    {
      gtk_widget_remove_tick_callback (GTK_WIDGET (self), self->offset_tick);
      self->offset_tick = 0;
    }
  cf_grid_header_clear (self);
  G_OBJECT_CLASS (cf_grid_header_parent_class)->dispose (object);
}

static void
cf_grid_header_finalize (GObject *object)
{
  CfGridHeader *self = CF_GRID_HEADER (object);

  g_array_unref (self->slots);
  g_array_unref (self->widths);
  G_OBJECT_CLASS (cf_grid_header_parent_class)->finalize (object);
}

static void
cf_grid_header_class_init (CfGridHeaderClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = cf_grid_header_dispose;
  object_class->finalize = cf_grid_header_finalize;
  widget_class->measure = cf_grid_header_measure;
  widget_class->size_allocate = cf_grid_header_size_allocate;
  gtk_widget_class_set_css_name (widget_class, "gridheader");
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_ROW_GROUP);
}

static void
cf_grid_header_init (CfGridHeader *self)
{
  self->slots = g_array_new (FALSE, TRUE, sizeof (Slot));
  self->widths = g_array_new (FALSE, TRUE, sizeof (int));
  gtk_widget_set_overflow (GTK_WIDGET (self), GTK_OVERFLOW_HIDDEN);
}

GtkWidget *
cf_grid_header_new (void)
{
  return g_object_new (CF_TYPE_GRID_HEADER, NULL);
}

void
cf_grid_header_clear (CfGridHeader *self)
{
  g_return_if_fail (CF_IS_GRID_HEADER (self));
  for (guint i = 0; i < self->slots->len; i++)
    gtk_widget_unparent (g_array_index (self->slots, Slot, i).widget);
  g_array_set_size (self->slots, 0);
  self->n_rows = 0;
  gtk_widget_queue_resize (GTK_WIDGET (self));
}

void
cf_grid_header_add (CfGridHeader *self, GtkWidget *title, int first_row, int last_row,
                    int first_col, int last_col)
{
  Slot slot = { title, first_row, MAX (first_row, last_row), first_col, MAX (first_col, last_col) };

  g_return_if_fail (CF_IS_GRID_HEADER (self));
  g_return_if_fail (first_row >= 0 && first_col >= 0);
  /* In reading order, so that Tab and a screen reader go row by row. */
  gtk_widget_set_parent (title, GTK_WIDGET (self));
  g_array_append_val (self->slots, slot);
  self->n_rows = MAX (self->n_rows, slot.row1 + 1);
  gtk_widget_queue_resize (GTK_WIDGET (self));
}

void
cf_grid_header_set_widths (CfGridHeader *self, const int *widths, int n_cols)
{
  g_return_if_fail (CF_IS_GRID_HEADER (self));
  if ((int) self->widths->len == n_cols &&
      memcmp (self->widths->data, widths, sizeof (int) * (gsize) n_cols) == 0)
    return;
  g_array_set_size (self->widths, 0);
  g_array_append_vals (self->widths, widths, (guint) n_cols);
  gtk_widget_queue_resize (GTK_WIDGET (self));
}

static gboolean
reallocate (GtkWidget *widget, GdkFrameClock *clock, gpointer data)
{
  CF_GRID_HEADER (widget)->offset_tick = 0;
  gtk_widget_queue_allocate (widget);
  return G_SOURCE_REMOVE;
}

void
cf_grid_header_set_offset (CfGridHeader *self, double offset)
{
  g_return_if_fail (CF_IS_GRID_HEADER (self));
  if (offset == self->offset)
    return;
  self->offset = offset;
  /* The columns may scroll while they are laid out, when the header's turn
   * has passed: it follows before the next layout (the same frame when the
   * analyst scrolls). */
  if (self->offset_tick == 0)
    self->offset_tick = gtk_widget_add_tick_callback (GTK_WIDGET (self), reallocate, NULL, NULL);
}

double
cf_grid_header_column_x (CfGridHeader *self, int col)
{
  double x = -self->offset;

  g_return_val_if_fail (CF_IS_GRID_HEADER (self), 0);
  for (int c = 0; c < col && c < (int) self->widths->len; c++)
    x += g_array_index (self->widths, int, c);
  return x;
}

GtkWidget *
cf_grid_header_get_title (CfGridHeader *self, int row, int col)
{
  g_return_val_if_fail (CF_IS_GRID_HEADER (self), NULL);
  for (guint i = 0; i < self->slots->len; i++)
    {
      Slot *slot = &g_array_index (self->slots, Slot, i);

      if (row >= slot->row0 && row <= slot->row1 && col >= slot->col0 && col <= slot->col1)
        return slot->widget;
    }
  return NULL;
}
