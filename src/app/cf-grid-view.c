/* cf-grid-view.c: the grid, following ../shared/spec/app.md
 *
 * A GtkColumnView over one CfGridRow per printed row. Value cells are
 * GtkEditableLabel, fixed cells GtkLabel; every cell is named "<row>, <col>"
 * in bind (items are recycled). GtkColumnView 4.8 selects rows only, so the
 * current cell and the selected range are tracked here and drawn with CSS.
 *
 * Big tables: bind does no more than it must (names, tooltips and classes are
 * only sent to GTK when they changed; a tooltip change costs an X round trip
 * in GTK 4.8), and value cells off screen are plain labels (see CellKind).
 */
#include "config.h"

#include <glib/gi18n.h>
#include <math.h>
#include <string.h>

#include "cf-cell-labels.h"
#include "cf-clipboard.h"
#include "cf-grid-header.h"
#include "cf-grid-row.h"
#include "cf-grid-view.h"
#include "cf-tooltip.h"

struct _CfGridView
{
  AdwBin              parent_instance;

  GtkScrolledWindow  *scroller;
  CfGridHeader       *header;    /* the header rows, as the columns' titles */
  GtkColumnView      *column_view;
  GtkSingleSelection *selection;

  CfDocument         *document;
  CfTable            *table;
  CfTableLabels      *labels;
  int                 n_cols;
  int                 first_row; /* the first row below the header rows */
  GArray             *widths;    /* int: each column's width at zoom 1 */
  double              zoom;
  gboolean            fit_width; /* the zoom follows the grid's width */
  int                 fit_last_width;
  int                 n_label_cols; /* the leading columns of row labels */
  int                 yield_last_width; /* the width the labels last yielded to */
  guint               fit_id;
  guint               yield_id;
  CfEditHistory      *history;   /* value edits go through it when set */
  CfReview           *review;    /* the analyst's right figures, when set */

  GHashTable         *bound;     /* cell key -> widget on screen */
  GHashTable         *severity;  /* cell key -> CfSeverity + 1 */
  GHashTable         *notes;     /* cell key -> findings as text */
  GHashTable         *own_notes; /* cell key -> findings the cell is in error by */
  GHashTable         *marked;    /* cell keys named by the chosen finding */

  int                 cur_row;
  int                 cur_col;
  int                 anchor_row;
  int                 anchor_col;
  GPtrArray          *spare_editors; /* value editors taken off screen, for reuse */
  GPtrArray          *spare_labels;  /* value labels replaced by editors */
  guint               settle_id;
  guint               reveal_tick;  /* scrolls the current cell into view */
  guint               reveal_frames;

  guint               binding : 1;
  guint               focus_pending : 1;
};

G_DEFINE_FINAL_TYPE (CfGridView, cf_grid_view, ADW_TYPE_BIN)

enum
{
  CELL_SELECTED,
  CELL_EDITED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

enum
{
  PROP_0,
  PROP_ZOOM,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

/* What a cell widget is. GTK 4.8's list view keeps 200 rows bound, on screen
 * or not, and a GtkEditableLabel weighs ~20 kB: value cells are plain labels
 * (drawn alike) until they are on screen, when the scrolling settles, or
 * asked for (focus, cf_grid_view_get_cell_widget ()). */
typedef enum
{
  CELL_FIXED,   /* GtkLabel: a row label, a header or a covered slot */
  CELL_VALUE,   /* GtkLabel standing in for an editor */
  CELL_EDITOR,  /* GtkEditableLabel */
} CellKind;

static GQuark kind_quark;
static GQuark item_quark;

static CellKind
widget_kind (GtkWidget *widget)
{
  return (CellKind) GPOINTER_TO_INT (g_object_get_qdata (G_OBJECT (widget), kind_quark));
}

static gpointer
cell_key (CfGridView *self, int row, int col)
{
  return GSIZE_TO_POINTER ((gsize) row * (gsize) self->n_cols + (gsize) col + 1);
}

static void
widget_get_position (GtkWidget *widget, int *row, int *col)
{
  *row = GPOINTER_TO_INT (g_object_get_data (G_OBJECT (widget), "cf-row"));
  *col = GPOINTER_TO_INT (g_object_get_data (G_OBJECT (widget), "cf-col"));
}

static void
range_get (CfGridView *self, int *r0, int *c0, int *r1, int *c1)
{
  *r0 = MIN (self->cur_row, self->anchor_row);
  *r1 = MAX (self->cur_row, self->anchor_row);
  *c0 = MIN (self->cur_col, self->anchor_col);
  *c1 = MAX (self->cur_col, self->anchor_col);
}

static gboolean
in_range (CfGridView *self, int row, int col)
{
  int r0, c0, r1, c1;

  if (self->cur_row < 0)
    return FALSE;
  range_get (self, &r0, &c0, &r1, &c1);
  return row >= r0 && row <= r1 && col >= c0 && col <= c1;
}

/* The state classes a cell can carry, one bit each (see style.css). */
enum
{
  STYLE_ERROR     = 1 << 0,
  STYLE_WARNING   = 1 << 1,
  STYLE_INFO      = 1 << 2,
  STYLE_CORRECTED = 1 << 3,
  STYLE_MISSING   = 1 << 4,
  STYLE_MARKED    = 1 << 5,
  STYLE_SELECTED  = 1 << 6,
  STYLE_CURRENT   = 1 << 7,
};

static const char * const style_classes[] = {
  "cell-error", "cell-warning", "cell-info", "cell-corrected",
  "cell-missing", "cell-marked", "cell-selected", "cell-current",
};

static GQuark style_quark;
static GQuark label_quark;
static GQuark where_quark;

/* Only the classes that changed: each change restyles the widget. */
static void
apply_style (GtkWidget *widget, guint style)
{
  guint old = GPOINTER_TO_UINT (g_object_get_qdata (G_OBJECT (widget), style_quark));
  guint changed = old ^ style;

  if (changed == 0)
    return;
  for (guint i = 0; i < G_N_ELEMENTS (style_classes); i++)
    if (changed & (1u << i))
      {
        if (style & (1u << i))
          gtk_widget_add_css_class (widget, style_classes[i]);
        else
          gtk_widget_remove_css_class (widget, style_classes[i]);
      }
  g_object_set_qdata (G_OBJECT (widget), style_quark, GUINT_TO_POINTER (style));
}

static guint
cell_style (CfGridView *self, CfCell *cell, int row, int col)
{
  gpointer key = cell_key (self, row, col);
  int severity = GPOINTER_TO_INT (g_hash_table_lookup (self->severity, key)) - 1;
  guint style = 0;

  if (severity == CF_SEVERITY_ERROR)
    style |= STYLE_ERROR;
  else if (severity == CF_SEVERITY_WARNING)
    style |= STYLE_WARNING;
  else if (severity == CF_SEVERITY_INFO)
    style |= STYLE_INFO;
  if (cell != NULL && ((cell->flags & CF_CELL_FLAG_CORRECTED)
                       || (self->review && cf_review_get_restated (self->review, self->table,
                                                                   cell, NULL))))
    style |= STYLE_CORRECTED;
  if (cell != NULL && (cell->flags & CF_CELL_FLAG_MISSING))
    style |= STYLE_MISSING;
  if (g_hash_table_size (self->marked) > 0 && g_hash_table_contains (self->marked, key))
    style |= STYLE_MARKED;
  if (in_range (self, row, col))
    style |= STYLE_SELECTED;
  if (row == self->cur_row && col == self->cur_col)
    style |= STYLE_CURRENT;
  return style;
}

/* GTK 4.8 asks the X server where the pointer is on every tooltip change:
 * cells scrolled into view must not pay that when nothing changed. */
static void
set_tooltip (GtkWidget *widget, const char *text)
{
  if (text != NULL && *text == '\0')
    text = NULL;
  if (g_strcmp0 (gtk_widget_get_tooltip_text (widget), text) != 0)
    {
      if (text != NULL)
        cf_tooltip_install (widget);
      gtk_widget_set_tooltip_text (widget, text);
    }
}

/* The accessible label and description, sent on only when they changed
 * (strings kept on the widget, which is recycled from row to row). */
static void
set_accessible (GtkWidget *widget, char *label, char *where, gboolean force)
{
  const char *old_label = g_object_get_qdata (G_OBJECT (widget), label_quark);
  const char *old_where = g_object_get_qdata (G_OBJECT (widget), where_quark);

  if (!force && g_strcmp0 (old_label, label) == 0 && g_strcmp0 (old_where, where) == 0)
    {
      g_free (label);
      g_free (where);
      return;
    }
  gtk_accessible_update_property (GTK_ACCESSIBLE (widget),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, label,
                                  GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, where,
                                  -1);
  g_object_set_qdata_full (G_OBJECT (widget), label_quark, label, g_free);
  g_object_set_qdata_full (G_OBJECT (widget), where_quark, where, g_free);
}

/* A header cell's whole title: the header cells above it and itself,
 * "行政复议 / 结果维持". */
static char *
header_path (CfGridView *self, int row, int col)
{
  GString *path = g_string_new (NULL);
  CfCell *last = NULL;

  for (int r = 0; r <= row; r++)
    {
      CfCell *cell = cf_table_get_cell (self->table, r, col);

      if (cell == NULL || cell == last || cell->text == NULL || *cell->text == '\0')
        continue;
      last = cell;
      g_string_append (path, path->len ? " / " : "");
      g_string_append (path, cell->text);
    }
  return g_string_free (path, FALSE);
}

/* Everything about a cell widget that depends on the data, not on its text. */
static void
update_cell_widget (CfGridView *self, GtkWidget *widget, int row, int col)
{
  CfCell *cell = cf_table_get_origin_cell (self->table, row, col);
  const char *notes = g_hash_table_size (self->notes) > 0
                    ? g_hash_table_lookup (self->notes, cell_key (self, row, col))
                    : NULL;
  const char *own_notes = notes != NULL
                        ? g_hash_table_lookup (self->own_notes, cell_key (self, row, col))
                        : NULL;
  GString *where = g_string_new (NULL);
  g_autoptr (GString) tooltip = g_string_new (NULL);
  gboolean tooltip_changed;
  const char *restated;

  if (cell != NULL && cell->page > 0)
    g_string_printf (where, _("page %d"), cell->page);
  else if (cell != NULL && cell->offset >= 0)
    g_string_printf (where, _("line %d"),
                     cf_document_line_at_offset (self->document, cell->offset));
  if (cell != NULL && (cell->flags & CF_CELL_FLAG_CORRECTED))
    {
      g_string_append (where, where->len ? "; " : "");
      g_string_append_printf (where, _("corrected, printed %s"),
                              cell->original_text && *cell->original_text ? cell->original_text
                                                                          : _("blank"));
    }
  restated = self->review && cell ? cf_review_get_restated (self->review, self->table, cell, NULL)
                                   : NULL;
  if (restated != NULL)
    {
      g_string_append (where, where->len ? "; " : "");
      /* Translators: the report printed a wrong figure; the analyst gave the right one. */
      g_string_append_printf (where, _("the report is wrong: printed %s, right figure %s"),
                              *cell->text ? cell->text : _("blank"), restated);
    }
  if (cell != NULL && (cell->flags & CF_CELL_FLAG_MISSING))
    g_string_append (where, where->len ? _("; lost in extraction") : _("lost in extraction"));
  if (cell != NULL && (cell->flags & CF_CELL_FLAG_UNCERTAIN))
    g_string_append (where, where->len ? _("; column uncertain") : _("column uncertain"));
  if (own_notes != NULL)
    {
      g_string_append (where, where->len ? "; " : "");
      g_string_append (where, own_notes);
    }
  if (notes != NULL)
    g_string_append (tooltip, notes);

  if (cell != NULL && (cell->flags & CF_CELL_FLAG_CORRECTED))
    {
      /* Corrections are a layer: the printed text is one hover away. */
      g_string_append (tooltip, tooltip->len ? "\n" : "");
      g_string_append_printf (tooltip, _("Originally: %s"),
                              cell->original_text && *cell->original_text ? cell->original_text
                                                                          : _("blank"));
    }
  if (restated != NULL)
    {
      g_string_append (tooltip, tooltip->len ? "\n" : "");
      g_string_append_printf (tooltip, _("The report is wrong here: printed %s, the right figure is %s"),
                              *cell->text ? cell->text : _("blank"), restated);
    }
  if (tooltip->len == 0 && row < self->first_row)
    {
      /* A column title: all of it, levels above included. */
      g_autofree char *path = header_path (self, row, col);

      g_string_append (tooltip, path);
    }
  else if (tooltip->len == 0 && widget_kind (widget) == CELL_FIXED && cell != NULL && cell->text &&
           g_utf8_strlen (cell->text, -1) > 16)
    g_string_append (tooltip, cell->text);
  /* GTK copies a tooltip into the accessible description: set ours after it. */
  tooltip_changed = g_strcmp0 (gtk_widget_get_tooltip_text (widget),
                               tooltip->len ? tooltip->str : NULL) != 0;
  if (tooltip_changed)
    set_tooltip (widget, tooltip->str);
  set_accessible (widget, row < self->first_row ? header_path (self, row, col)
                                                : cf_table_labels_cell (self->labels, row, col),
                  g_string_free (where, FALSE), tooltip_changed);
  apply_style (widget, cell_style (self, cell, row, col));
}

/* Every cell widget bound now: all it shows of the data, or only its state
 * classes (@styles_only: the selection or the marked cells changed). */
static void
update_bound (CfGridView *self, gboolean styles_only)
{
  GHashTableIter iter;
  gpointer value;

  g_hash_table_iter_init (&iter, self->bound);
  while (g_hash_table_iter_next (&iter, NULL, &value))
    {
      int row, col;

      widget_get_position (value, &row, &col);
      if (styles_only)
        apply_style (value, cell_style (self, cf_table_get_origin_cell (self->table, row, col),
                                        row, col));
      else
        update_cell_widget (self, value, row, col);
    }
}

/* A value edit: through the history (undoable and saved at once) when there is one. */
static void
commit_text (CfGridView *self, CfCell *cell, const char *text)
{
  GPtrArray *tables = cf_document_get_tables (self->document);
  guint index;
  g_autoptr (GError) error = NULL;

  if (self->history == NULL || !g_ptr_array_find (tables, self->table, &index))
    {
      cf_cell_set_text (cell, text);
      return;
    }
  /* On a save error the edit stays applied; the history's owner reports it. */
  if (!cf_edit_history_set_text (self->history, index, cell->row, cell->col, text, &error))
    g_message ("%s", error->message);
}

static void
on_cell_changed (GtkEditable *editable, CfGridView *self)
{
  int row, col;
  CfCell *cell;

  if (self->binding || self->table == NULL)
    return;
  widget_get_position (GTK_WIDGET (editable), &row, &col);
  cell = cf_table_get_origin_cell (self->table, row, col);
  if (cell == NULL)
    return;
  if (g_strcmp0 (cell->text, gtk_editable_get_text (editable)) == 0)
    return;
  commit_text (self, cell, gtk_editable_get_text (editable));
  g_signal_emit (self, signals[CELL_EDITED], 0, row, col);
}

static gboolean grab_pending_focus (gpointer data);
static void     select_cell_full   (CfGridView *self,
                                    int         row,
                                    int         col,
                                    gboolean    focus,
                                    gboolean    extend);

static void
on_cell_focus_enter (GtkEventControllerFocus *controller, CfGridView *self)
{
  GtkWidget *widget = gtk_event_controller_get_widget (GTK_EVENT_CONTROLLER (controller));
  int row, col;

  widget_get_position (widget, &row, &col);
  if (widget_kind (widget) == CELL_VALUE)
    {
      /* Reached before its editor was made (mid-scroll): hand focus on to it,
       * once this focus change is over. */
      select_cell_full (self, row, col, FALSE, FALSE);
      self->focus_pending = TRUE;
      g_idle_add_full (G_PRIORITY_DEFAULT, grab_pending_focus, g_object_ref (self), g_object_unref);
      return;
    }
  if (row == self->cur_row && col == self->cur_col)
    return;
  cf_grid_view_select_cell (self, row, col, FALSE);
}

static void
on_label_pressed (GtkGestureClick *gesture, int n_press, double x, double y, CfGridView *self)
{
  gtk_widget_grab_focus (gtk_event_controller_get_widget (GTK_EVENT_CONTROLLER (gesture)));
}

static gboolean
release_widget (gpointer data)
{
  g_object_unref (data);
  return G_SOURCE_REMOVE;
}

/* GTK 4.8's GtkEditableLabel checks its focus 100 ms after focus leaves it,
 * without holding a reference or cancelling on dispose: a cell recycled or
 * destroyed in between is used after it is freed. Keep it alive until then. */
static void
on_cell_focus_leave (GtkEventControllerFocus *controller, GtkWidget *cell)
{
  g_timeout_add_full (G_PRIORITY_LOW, 500, release_widget, g_object_ref (cell), NULL);
}

static void
add_focus_tracking (CfGridView *self, GtkWidget *widget)
{
  GtkEventController *focus = gtk_event_controller_focus_new ();

  g_signal_connect (focus, "enter", G_CALLBACK (on_cell_focus_enter), self);
  gtk_widget_add_controller (widget, focus);
  gtk_widget_add_css_class (widget, "grid-cell");
}

static GtkWidget *
new_label_cell (CfGridView *self, CellKind kind)
{
  GtkWidget *label = gtk_label_new (NULL);
  GtkGesture *click = gtk_gesture_click_new ();

  if (kind == CELL_FIXED)
    {
      gtk_label_set_xalign (GTK_LABEL (label), 0.0);
      gtk_label_set_ellipsize (GTK_LABEL (label), PANGO_ELLIPSIZE_END);
      gtk_label_set_max_width_chars (GTK_LABEL (label), 28);
      /* A GtkLabel takes the focus only when selectable: without it the
       * keyboard's current cell could not be a label or header, and a
       * screen reader would keep reading the last value cell. */
      gtk_label_set_selectable (GTK_LABEL (label), TRUE);
    }
  else
    {
      /* As the editor draws its text: right-aligned. No wider than one
       * character at least: a column of "0" is narrow (content_width ()). */
      gtk_label_set_xalign (GTK_LABEL (label), 1.0);
      gtk_label_set_width_chars (GTK_LABEL (label), 1);
      gtk_widget_add_css_class (label, "value-cell");
    }
  gtk_widget_set_focusable (label, TRUE);
  g_signal_connect (click, "pressed", G_CALLBACK (on_label_pressed), self);
  gtk_widget_add_controller (label, GTK_EVENT_CONTROLLER (click));
  add_focus_tracking (self, label);
  g_object_set_qdata (G_OBJECT (label), kind_quark, GINT_TO_POINTER (kind));
  return label;
}

static GtkWidget *
new_value_cell (CfGridView *self)
{
  GtkWidget *editable = gtk_editable_label_new ("");

  gtk_editable_set_alignment (GTK_EDITABLE (editable), 1.0);
  gtk_editable_set_width_chars (GTK_EDITABLE (editable), 1);
  g_signal_connect (editable, "changed", G_CALLBACK (on_cell_changed), self);
  /* Its text entry and the label itself both watch their focus (see above). */
  for (GtkWidget *part = editable; part != NULL;
       part = part == editable ? GTK_WIDGET (gtk_editable_get_delegate (GTK_EDITABLE (editable))) : NULL)
    {
      GtkEventController *leave = gtk_event_controller_focus_new ();

      g_signal_connect (leave, "leave", G_CALLBACK (on_cell_focus_leave), editable);
      gtk_widget_add_controller (part, leave);
    }
  add_focus_tracking (self, editable);
  gtk_widget_add_css_class (editable, "value-cell");
  g_object_set_qdata (G_OBJECT (editable), kind_quark, GINT_TO_POINTER (CELL_EDITOR));
  return editable;
}

/* A widget of @kind, a spare one when there is one; the caller owns a ref. */
static GtkWidget *
take_widget (CfGridView *self, CellKind kind)
{
  GPtrArray *spares = kind == CELL_EDITOR ? self->spare_editors
                    : kind == CELL_VALUE ? self->spare_labels
                    : NULL;

  if (spares != NULL && spares->len > 0)
    return g_ptr_array_steal_index (spares, spares->len - 1);
  return g_object_ref_sink (kind == CELL_EDITOR ? new_value_cell (self) : new_label_cell (self, kind));
}

/* @item's child becomes @widget (the item takes its own ref). */
static void
set_child (GtkListItem *item, GtkWidget *widget)
{
  gtk_list_item_set_child (item, widget);
  g_object_unref (widget);
}

/* Shows cell (@row, @col) in @widget, the child of @item: text, name, classes. */
static void
show_in_widget (CfGridView *self, GtkListItem *item, GtkWidget *widget, int row, int col)
{
  CfCell *cell = cf_table_get_origin_cell (self->table, row, col);
  /* Merged cells: text in the first slot of the span, covered slots empty. */
  const char *text = cell != NULL && cell->text != NULL ? cell->text : "";

  g_object_set_data (G_OBJECT (widget), "cf-row", GINT_TO_POINTER (row));
  g_object_set_data (G_OBJECT (widget), "cf-col", GINT_TO_POINTER (col));
  g_object_set_qdata (G_OBJECT (widget), item_quark, item);
  self->binding = TRUE;
  if (GTK_IS_LABEL (widget))
    {
      if (g_strcmp0 (gtk_label_get_text (GTK_LABEL (widget)), text) != 0)
        gtk_label_set_text (GTK_LABEL (widget), text);
    }
  else if (g_strcmp0 (gtk_editable_get_text (GTK_EDITABLE (widget)), text) != 0)
    gtk_editable_set_text (GTK_EDITABLE (widget), text);
  self->binding = FALSE;
  update_cell_widget (self, widget, row, col);
  g_hash_table_insert (self->bound, cell_key (self, row, col), widget);
}

/* Puts a widget of @kind in place of @old (a value cell) and returns it. */
static GtkWidget *
swap_value_widget (CfGridView *self, GtkWidget *old, CellKind kind)
{
  GtkListItem *item = g_object_get_qdata (G_OBJECT (old), item_quark);
  GtkWidget *widget;
  int row, col;

  if (item == NULL || gtk_list_item_get_child (item) != old)
    return old;
  widget_get_position (old, &row, &col);
  widget = take_widget (self, kind);
  g_ptr_array_add (widget_kind (old) == CELL_EDITOR ? self->spare_editors : self->spare_labels,
                   g_object_ref (old));
  g_object_set_qdata (G_OBJECT (old), item_quark, NULL);
  set_child (item, widget);
  show_in_widget (self, item, widget, row, col);
  return widget;
}

/* The editor of value cell (@row, @col) when it is bound, made now if need be. */
static GtkWidget *
ensure_editor (CfGridView *self, int row, int col)
{
  GtkWidget *widget = g_hash_table_lookup (self->bound, cell_key (self, row, col));

  if (widget != NULL && widget_kind (widget) == CELL_VALUE)
    widget = swap_value_widget (self, widget, CELL_EDITOR);
  return widget;
}

/* Up to this many cells every value cell is an editor, on screen or not, so
 * that assistive tools can set any cell's text; a report's tables are far
 * smaller, and only huge tables pay for editors as they scroll into view. */
#define ALL_EDITORS_MAX_CELLS 2000

static gboolean
all_editors (CfGridView *self)
{
  return self->table != NULL &&
         (gint64) cf_table_get_n_rows (self->table) * self->n_cols <= ALL_EDITORS_MAX_CELLS;
}

static gboolean
holds_focus (GtkWidget *widget)
{
  GtkRoot *root = gtk_widget_get_root (widget);
  GtkWidget *focus = root ? gtk_root_get_focus (root) : NULL;

  return focus != NULL && (focus == widget || gtk_widget_is_ancestor (focus, widget));
}

static gboolean
on_screen (CfGridView *self, GtkWidget *widget)
{
  GtkWidget *viewport = GTK_WIDGET (self->scroller);
  graphene_rect_t bounds;

  if (!gtk_widget_get_mapped (widget) ||
      !gtk_widget_compute_bounds (widget, viewport, &bounds))
    return FALSE;
  return bounds.origin.x + bounds.size.width > 0 &&
         bounds.origin.y + bounds.size.height > 0 &&
         bounds.origin.x < gtk_widget_get_width (viewport) &&
         bounds.origin.y < gtk_widget_get_height (viewport);
}

/* The scrolling stopped: editors for the value cells on screen, labels again
 * for those that left it (not the current cell, not one being used). */
static gboolean
settle (gpointer data)
{
  CfGridView *self = data;
  g_autoptr (GPtrArray) widgets = g_ptr_array_new ();
  GHashTableIter iter;
  gpointer value;

  self->settle_id = 0;
  if (self->table == NULL)
    return G_SOURCE_REMOVE;
  g_hash_table_iter_init (&iter, self->bound);
  while (g_hash_table_iter_next (&iter, NULL, &value))
    if (widget_kind (value) != CELL_FIXED)
      g_ptr_array_add (widgets, value);
  for (guint i = 0; i < widgets->len; i++)
    {
      GtkWidget *widget = g_ptr_array_index (widgets, i);
      gboolean shown = on_screen (self, widget);
      int row, col;

      widget_get_position (widget, &row, &col);
      if (shown && widget_kind (widget) == CELL_VALUE)
        swap_value_widget (self, widget, CELL_EDITOR);
      else if (!shown && widget_kind (widget) == CELL_EDITOR && !all_editors (self) &&
               !(row == self->cur_row && col == self->cur_col) && !holds_focus (widget))
        swap_value_widget (self, widget, CELL_VALUE);
    }
  return G_SOURCE_REMOVE;
}

static void
queue_settle (CfGridView *self)
{
  g_clear_handle_id (&self->settle_id, g_source_remove);
  self->settle_id = g_timeout_add_full (G_PRIORITY_LOW, 120, settle, self, NULL);
}

static gboolean
grab_pending_focus (gpointer data)
{
  CfGridView *self = data;
  GtkWidget *widget;

  if (!self->focus_pending || self->table == NULL)
    return G_SOURCE_REMOVE;
  widget = ensure_editor (self, self->cur_row, self->cur_col);
  if (widget != NULL)
    {
      self->focus_pending = FALSE;
      gtk_widget_grab_focus (widget);
    }
  return G_SOURCE_REMOVE;
}

static void
bind_cell (GtkSignalListItemFactory *factory, GtkListItem *item, CfGridView *self)
{
  int col = GPOINTER_TO_INT (g_object_get_data (G_OBJECT (factory), "cf-col"));
  CfGridRow *grid_row = gtk_list_item_get_item (item);
  GtkWidget *child = gtk_list_item_get_child (item);
  CfTable *table = cf_grid_row_get_table (grid_row);
  int row = cf_grid_row_get_row (grid_row);

  if (table != self->table)
    return;
  if (cf_table_labels_is_fixed (self->labels, row, col))
    {
      if (child == NULL || widget_kind (child) != CELL_FIXED)
        {
          child = take_widget (self, CELL_FIXED);
          set_child (item, child);
        }
    }
  else if (child == NULL || widget_kind (child) == CELL_FIXED ||
           (widget_kind (child) == CELL_VALUE && all_editors (self)))
    {
      /* A recycled value widget stays what it is; a new one starts cheap. */
      child = take_widget (self, all_editors (self) ? CELL_EDITOR : CELL_VALUE);
      set_child (item, child);
    }
  show_in_widget (self, item, child, row, col);

  if (self->focus_pending && row == self->cur_row && col == self->cur_col)
    g_idle_add_full (G_PRIORITY_DEFAULT, grab_pending_focus, g_object_ref (self), g_object_unref);
  queue_settle (self);
}

static void
unbind_cell (GtkSignalListItemFactory *factory, GtkListItem *item, CfGridView *self)
{
  GtkWidget *child = gtk_list_item_get_child (item);
  int row, col;
  gpointer key;

  if (child == NULL)
    return;
  widget_get_position (child, &row, &col);
  key = cell_key (self, row, col);
  if (g_hash_table_lookup (self->bound, key) == child)
    g_hash_table_remove (self->bound, key);
}

static void
clear_columns (CfGridView *self)
{
  GListModel *columns = gtk_column_view_get_columns (self->column_view);

  while (g_list_model_get_n_items (columns) > 0)
    {
      g_autoptr (GtkColumnViewColumn) column = g_list_model_get_item (columns, 0);

      gtk_column_view_remove_column (self->column_view, column);
    }
}

static void
add_note (GHashTable *notes, gpointer key, const char *text)
{
  const char *old = g_hash_table_lookup (notes, key);

  if (old == NULL)
    g_hash_table_insert (notes, key, g_strdup (text));
  else if (strstr (old, text) == NULL)
    g_hash_table_insert (notes, key, g_strconcat (old, "\n", text, NULL));
}

void
cf_grid_view_refresh_findings (CfGridView *self)
{
  GPtrArray *findings;

  g_return_if_fail (CF_IS_GRID_VIEW (self));
  g_hash_table_remove_all (self->severity);
  g_hash_table_remove_all (self->notes);
  g_hash_table_remove_all (self->own_notes);
  if (self->table == NULL)
    return;

  findings = cf_document_get_findings (self->document);
  for (guint i = 0; i < findings->len; i++)
    {
      CfFinding *finding = g_ptr_array_index (findings, i);
      g_autofree char *text = NULL;

      for (guint j = 0; finding->cells != NULL && j < finding->cells->len; j++)
        {
          CfTable *table = NULL;
          CfCell *cell = cf_finding_resolve_cell (self->document, finding, j, &table);
          gpointer key;
          int old;

          if (cell == NULL || table != self->table)
            continue;
          key = cell_key (self, cell->row, cell->col);
          old = GPOINTER_TO_INT (g_hash_table_lookup (self->severity, key)) - 1;
          if ((int) finding->severity > old)
            g_hash_table_insert (self->severity, key, GINT_TO_POINTER (finding->severity + 1));
          if (text == NULL)
            text = cf_finding_describe (self->document, finding);
          add_note (self->notes, key, text);
          /* The first cell is the one in error (a total, a checked value);
           * the parts it was checked against only show the finding on hover,
           * so that a cell's accessible description names its own errors. */
          if (j == 0)
            add_note (self->own_notes, key, text);
        }
    }
  update_bound (self, FALSE);
}

#define LABEL_COLUMN_WIDTH 280
#define LABEL_COLUMN_MIN_WIDTH 84 /* five CJK characters and the ellipsis */
#define VALUE_COLUMN_WIDTH 96
#define GRID_CHROME_WIDTH 16 /* room for the column separators and a vertical scroll bar */
#define VALUE_COLUMN_MIN_WIDTH 40
#define ZOOM_MIN 0.5
#define ZOOM_MAX 2.0

/* Pixels @text takes in the grid's font at zoom 1 (the desktop's font: the
 * zoom's own font size may not be applied yet). */
static int
text_width (CfGridView *self, const char *text)
{
  g_autoptr (PangoLayout) layout = gtk_widget_create_pango_layout (GTK_WIDGET (self), text);
  g_autofree char *font = NULL;
  int width = 0;

  g_object_get (gtk_widget_get_settings (GTK_WIDGET (self)), "gtk-font-name", &font, NULL);
  if (font != NULL)
    {
      PangoFontDescription *desc = pango_font_description_from_string (font);

      pango_layout_set_font_description (layout, desc);
      pango_font_description_free (desc);
    }
  pango_layout_get_pixel_size (layout, &width, NULL);
  return width;
}

/* A value column as wide as its widest value below the header rows (the first
 * thousand rows: a long table's column is alike further down), and as its
 * title up to four characters: a longer title wraps in the header.
 * "0" gets a narrow column, "417.75 万元" a wide one. */
static int
content_width (CfGridView *self, int col, const char *title)
{
  int n_rows = MIN (cf_table_get_n_rows (self->table), 1000);
  int widest = 0;

  for (int r = self->first_row; r < n_rows; r++)
    {
      CfCell *cell = cf_table_get_cell (self->table, r, col);

      if (cell != NULL && cell->row == r && cell->col == col && cell->col_span == 1 && cell->text)
        widest = MAX (widest, text_width (self, cell->text));
    }
  widest = MAX (widest, MIN (text_width (self, title ? title : ""), 4 * text_width (self, "汉")));
  /* The cell's padding and the finding icon's room. */
  return CLAMP (widest + 28, VALUE_COLUMN_MIN_WIDTH, VALUE_COLUMN_WIDTH * 2);
}

/* A column of row labels: no value cell below the header rows. */
static gboolean
is_label_column (CfGridView *self, int col)
{
  int n_rows = cf_table_get_n_rows (self->table);

  for (int r = self->first_row; r < n_rows; r++)
    {
      CfCell *cell = cf_table_get_cell (self->table, r, col);

      if (cell != NULL && cell->row == r && cell->col == col &&
          !cf_table_labels_is_fixed (self->labels, r, col))
        return FALSE;
    }
  return TRUE;
}

/* For a recognised form table, the form's own label of the column (short and
 * the same in every report); else the header cells above it, joined. The
 * table CSV's header row names columns by the same call. */
static char *
column_title (CfGridView *self, int col)
{
  return cf_table_labels_column_title (self->labels, col);
}

/* A column title: wraps (per character where need be) instead of being cut. */
static GtkWidget *
new_title (const char *text)
{
  GtkWidget *label = g_object_new (GTK_TYPE_LABEL,
                                   "accessible-role", GTK_ACCESSIBLE_ROLE_COLUMN_HEADER,
                                   "label", text,
                                   "wrap", TRUE,
                                   "wrap-mode", PANGO_WRAP_WORD_CHAR,
                                   "justify", GTK_JUSTIFY_CENTER,
                                   "xalign", 0.5f,
                                   NULL);

  gtk_widget_add_css_class (label, "grid-title");
  return label;
}

/* A printed header cell as a title: focusable and selectable like any cell
 * (its place in the source, its findings, its menu), named by its whole path. */
static GtkWidget *
new_header_cell (CfGridView *self, CfCell *cell)
{
  g_autofree char *text = g_strdup (cell->text ? cell->text : "");
  GtkWidget *label;
  GtkGesture *click = gtk_gesture_click_new ();

  /* Printed titles break where the page was narrow: here they wrap anew. */
  g_strdelimit (text, "\r\n", ' ');
  label = new_title (g_strstrip (text));
  gtk_label_set_selectable (GTK_LABEL (label), TRUE);
  gtk_widget_set_focusable (label, TRUE);
  g_signal_connect (click, "pressed", G_CALLBACK (on_label_pressed), self);
  gtk_widget_add_controller (label, GTK_EVENT_CONTROLLER (click));
  add_focus_tracking (self, label);
  g_object_set_qdata (G_OBJECT (label), kind_quark, GINT_TO_POINTER (CELL_FIXED));
  g_object_set_data (G_OBJECT (label), "cf-row", GINT_TO_POINTER (cell->row));
  g_object_set_data (G_OBJECT (label), "cf-col", GINT_TO_POINTER (cell->col));
  g_hash_table_insert (self->bound, cell_key (self, cell->row, cell->col), label);
  return label;
}

/* @text without white space (a printed title may break anywhere). */
static char *
squeeze (const char *text)
{
  GString *out = g_string_new (NULL);

  for (const char *p = text; p != NULL && *p; p = g_utf8_next_char (p))
    if (!g_unichar_isspace (g_utf8_get_char (p)))
      g_string_append_unichar (out, g_utf8_get_char (p));
  return g_string_free (out, FALSE);
}

/* Whether the printed header rows name a value column other than @titles do
 * (the form's labels): a header the reader could not line up with its
 * columns, or none at all. */
static gboolean
needs_title_row (CfGridView *self, char **titles)
{
  if (self->first_row == 0)
    return TRUE;
  for (int c = 0; c < self->n_cols; c++)
    {
      g_autofree char *path = NULL;
      g_autofree char *printed = NULL;
      g_autofree char *title = NULL;

      if (is_label_column (self, c) || titles[c] == NULL || *titles[c] == '\0')
        continue;
      path = header_path (self, self->first_row - 1, c);
      printed = squeeze (path);
      title = squeeze (titles[c]);
      if (strstr (printed, title) == NULL)
        return TRUE;
    }
  return FALSE;
}

/* The titles over the columns: the header rows as printed, each cell over
 * what it spans; under them a row of @titles when the printed ones do not
 * name the columns (see needs_title_row ()). */
static void
build_header (CfGridView *self, char **titles)
{
  gboolean title_row = needs_title_row (self, titles);

  cf_grid_header_clear (self->header);
  g_autoptr (GHashTable) absorbed = g_hash_table_new (NULL, NULL);

  for (int r = 0; r < self->first_row; r++)
    for (int c = 0; c < self->n_cols; c++)
      {
        CfCell *cell = cf_table_get_cell (self->table, r, c);
        GtkWidget *title;
        int last_row, last_col;

        if (cell == NULL || cell->row != r || cell->col != c || g_hash_table_contains (absorbed, cell))
          continue;
        last_row = MIN (r + MAX (cell->row_span, 1), self->first_row) - 1;
        last_col = MIN (c + MAX (cell->col_span, 1), self->n_cols) - 1;
        /* A blank printed under a title over the same columns (a placeholder
         * row) is part of it: one title, no empty box. */
        while (last_row + 1 < self->first_row && cell->text != NULL && *cell->text != '\0')
          {
            CfCell *below = cf_table_get_cell (self->table, last_row + 1, c);

            g_autofree char *text = NULL;

            if (below == NULL || below->row != last_row + 1 || below->col != c ||
                MIN (c + MAX (below->col_span, 1), self->n_cols) - 1 != last_col)
              break;
            text = g_strstrip (g_strdup (below->text ? below->text : ""));
            if (*text != '\0')
              break;
            g_hash_table_add (absorbed, below);
            last_row = MIN (below->row + MAX (below->row_span, 1), self->first_row) - 1;
          }
        title = new_header_cell (self, cell);
        /* The blanks it took in are reached through it (Up from the rows). */
        for (int b = r + MAX (cell->row_span, 1); b <= last_row; b++)
          g_hash_table_insert (self->bound, cell_key (self, b, c), title);
        cf_grid_header_add (self->header, title, r, last_row, c, last_col);
      }
  if (title_row)
    for (int c = 0; c < self->n_cols; c++)
      cf_grid_header_add (self->header, new_title (titles[c]), self->first_row, self->first_row, c, c);
}

/* A table wider than the grid: its row labels give up room (down to a few
 * characters each, ellipsized, the whole label in the tooltip) before values
 * go off screen, so that a first look shows figures, not only labels. */
static void
yield_label_widths (CfGridView *self, int *widths)
{
  int page = (int) gtk_adjustment_get_page_size (gtk_scrolled_window_get_hadjustment (self->scroller));
  int floor_width = (int) (LABEL_COLUMN_MIN_WIDTH * self->zoom + 0.5);
  int total = 0, room = 0, over, taken = 0;

  self->yield_last_width = page;
  for (int c = 0; c < self->n_cols && c < (int) self->widths->len; c++)
    total += widths[c];
  over = total - (page - GRID_CHROME_WIDTH);
  if (page <= 0 || over <= 0)
    return;
  for (int c = 0; c < self->n_label_cols; c++)
    room += MAX (widths[c] - floor_width, 0);
  if (room <= 0)
    return;
  over = MIN (over, room);
  for (int c = 0; c < self->n_label_cols; c++)
    {
      int give = c + 1 < self->n_label_cols
                   ? (int) ((gint64) MAX (widths[c] - floor_width, 0) * over / room)
                   : over - taken;

      give = MIN (give, MAX (widths[c] - floor_width, 0));
      widths[c] -= give;
      taken += give;
    }
}

/* The columns at the zoom: their widths, the header's, the font size. */
static void
apply_zoom (CfGridView *self)
{
  GListModel *columns = gtk_column_view_get_columns (self->column_view);
  g_autofree int *widths = g_new0 (int, MAX (self->n_cols, 1));
  g_autofree char *zoom_class = g_strdup_printf ("zoom-%d", (int) (self->zoom * 100 + 0.5));
  const char *old = g_object_get_data (G_OBJECT (self), "cf-zoom-class");

  if (old != NULL)
    gtk_widget_remove_css_class (GTK_WIDGET (self), old);
  gtk_widget_add_css_class (GTK_WIDGET (self), zoom_class);
  g_object_set_data_full (G_OBJECT (self), "cf-zoom-class", g_steal_pointer (&zoom_class), g_free);
  for (int c = 0; c < self->n_cols && c < (int) self->widths->len; c++)
    widths[c] = (int) (g_array_index (self->widths, int, c) * self->zoom + 0.5);
  yield_label_widths (self, widths);
  for (int c = 0; c < self->n_cols && c < (int) self->widths->len; c++)
    {
      g_autoptr (GtkColumnViewColumn) column = g_list_model_get_item (columns, (guint) c);

      if (column != NULL)
        gtk_column_view_column_set_fixed_width (column, widths[c]);
    }
  cf_grid_header_set_widths (self->header, widths, self->n_cols);
}

/* In steps of 5 %, from 50 % to 200 % (see the zoom classes in cf_grid_view_init). */
static double
round_zoom (double zoom)
{
  return CLAMP (floor (zoom * 20 + 1e-6) / 20, ZOOM_MIN, ZOOM_MAX);
}

/* The zoom at which the whole table's width fits the grid's, at most 100 %. */
static void
fit_zoom (CfGridView *self)
{
  int width = gtk_widget_get_width (GTK_WIDGET (self->scroller));
  int total = 0;
  double zoom;

  if (width <= 0 || self->table == NULL)
    return;
  for (guint c = 0; c < self->widths->len; c++)
    total += g_array_index (self->widths, int, c);
  zoom = total > 0 ? round_zoom (MIN (1.0, (double) (width - GRID_CHROME_WIDTH) / total)) : 1.0;
  /* Applied even at the same zoom: the labels take back the room they gave. */
  if (zoom != self->zoom)
    {
      self->zoom = zoom;
      apply_zoom (self);
      g_object_notify (G_OBJECT (self), "zoom");
    }
  else
    apply_zoom (self);
}

void
cf_grid_view_set_table (CfGridView *self, CfDocument *document, CfTable *table)
{
  g_autoptr (GListModel) rows = NULL;
  g_autoptr (GPtrArray) titles = g_ptr_array_new_with_free_func (g_free);
  int n_label_cols = 0;

  g_return_if_fail (CF_IS_GRID_VIEW (self));

  g_hash_table_remove_all (self->bound);
  g_hash_table_remove_all (self->marked);
  gtk_single_selection_set_model (self->selection, NULL);
  clear_columns (self);
  cf_grid_header_clear (self->header);
  g_array_set_size (self->widths, 0);
  g_set_object (&self->document, document);
  g_set_object (&self->table, table);
  self->cur_row = self->cur_col = self->anchor_row = self->anchor_col = -1;
  self->focus_pending = FALSE;
  if (table == NULL)
    {
      self->labels = NULL;
      self->n_cols = 0;
      self->n_label_cols = 0;
      self->first_row = 0;
      return;
    }

  self->labels = cf_table_labels_for_document (document, table);
  self->n_cols = cf_table_get_n_cols (table);
  /* The header rows are the columns' titles, not rows of the grid (a table
   * of header rows alone keeps them as rows). */
  self->first_row = cf_table_labels_get_n_header_rows (self->labels);
  if (self->first_row >= cf_table_get_n_rows (table))
    self->first_row = 0;
  for (int c = 0; c < self->n_cols; c++)
    g_ptr_array_add (titles, column_title (self, c));
  build_header (self, (char **) titles->pdata);
  cf_grid_view_refresh_findings (self);
  /* Several levels of row labels share the cap. */
  for (int c = 0; c < self->n_cols && is_label_column (self, c); c++)
    n_label_cols++;
  self->n_label_cols = n_label_cols;
  for (int c = 0; c < self->n_cols; c++)
    {
      GtkListItemFactory *factory = gtk_signal_list_item_factory_new ();
      g_autoptr (GtkColumnViewColumn) column = NULL;
      const char *title = g_ptr_array_index (titles, c);
      CfCell *leaf = self->first_row > 0 ? cf_table_get_cell (table, self->first_row - 1, c) : NULL;
      int width;

      g_object_set_data (G_OBJECT (factory), "cf-col", GINT_TO_POINTER (c));
      g_signal_connect (factory, "bind", G_CALLBACK (bind_cell), self);
      g_signal_connect (factory, "unbind", G_CALLBACK (unbind_cell), self);
      column = gtk_column_view_column_new (title, factory);
      gtk_column_view_column_set_resizable (column, TRUE);
      /* Long row labels must not push the values off screen: capped, ellipsized,
       * the whole label in the tooltip. */
      if (is_label_column (self, c))
        width = n_label_cols > 1 && c > 0 ? LABEL_COLUMN_WIDTH / 2
              : n_label_cols > 1          ? LABEL_COLUMN_WIDTH * 2 / 3
                                          : LABEL_COLUMN_WIDTH;
      else
        /* Room for the title printed over this column alone. */
        width = content_width (self, c, leaf != NULL && leaf->col_span <= 1 ? leaf->text : title);
      g_array_append_val (self->widths, width);
      gtk_column_view_append_column (self->column_view, column);
    }
  apply_zoom (self);
  if (self->fit_width)
    fit_zoom (self);
  rows = cf_grid_row_model_new (table, self->first_row);
  gtk_single_selection_set_model (self->selection, rows);
}

CfTable *
cf_grid_view_get_table (CfGridView *self)
{
  g_return_val_if_fail (CF_IS_GRID_VIEW (self), NULL);
  return self->table;
}

GtkColumnView *
cf_grid_view_get_column_view (CfGridView *self)
{
  g_return_val_if_fail (CF_IS_GRID_VIEW (self), NULL);
  return self->column_view;
}

GtkWidget *
cf_grid_view_get_cell_widget (CfGridView *self, int row, int col)
{
  g_return_val_if_fail (CF_IS_GRID_VIEW (self), NULL);
  if (self->table == NULL)
    return NULL;
  /* Whoever asks for a value cell's widget gets its editor. */
  return ensure_editor (self, row, col);
}

gboolean
cf_grid_view_get_selected (CfGridView *self, int *row, int *col)
{
  g_return_val_if_fail (CF_IS_GRID_VIEW (self), FALSE);
  if (row != NULL)
    *row = self->cur_row;
  if (col != NULL)
    *col = self->cur_col;
  return self->cur_row >= 0;
}

static GtkWidget *
find_list_view (CfGridView *self)
{
  for (GtkWidget *child = gtk_widget_get_first_child (GTK_WIDGET (self->column_view));
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    if (GTK_IS_LIST_VIEW (child))
      return child;
  return NULL;
}

/* Moves @adj the least so that [@start, @end) (in the viewport's
 * coordinates, @page long) is in view. */
static void
reveal_span (GtkAdjustment *adj, double start, double end, double page, double margin)
{
  double value = gtk_adjustment_get_value (adj);

  if (end - start + 2 * margin >= page || start - margin < 0)
    gtk_adjustment_set_value (adj, value + start - margin);
  else if (end + margin > page)
    gtk_adjustment_set_value (adj, value + end + margin - page);
}

/* Once the current cell's row is bound and laid out (a frame or two after
 * list.scroll-to-item), scroll both ways so all of it is on screen. */
static gboolean
reveal_tick (GtkWidget *widget, GdkFrameClock *clock, gpointer data)
{
  CfGridView *self = CF_GRID_VIEW (widget);
  GtkWidget *viewport = GTK_WIDGET (self->scroller);
  GtkWidget *cell;
  GtkWidget *header;
  graphene_rect_t bounds;
  double top = 0;

  if (self->table == NULL || self->reveal_frames++ > 30)
    goto done;
  if (self->reveal_frames == 1)
    {
      /* Scrolled to from the first frame, once a structure edit has rebuilt
       * the model: GTK warns on a position past the end of the one it shows. */
      GtkWidget *list_view = find_list_view (self);
      GListModel *model = G_LIST_MODEL (gtk_column_view_get_model (self->column_view));

      if (list_view != NULL && model != NULL && self->cur_row >= self->first_row &&
          (guint) (self->cur_row - self->first_row) < g_list_model_get_n_items (model))
        gtk_widget_activate_action (list_view, "list.scroll-to-item", "u",
                                    (guint) (self->cur_row - self->first_row));
      return G_SOURCE_CONTINUE;
    }
  cell = g_hash_table_lookup (self->bound, cell_key (self, self->cur_row, self->cur_col));
  if (cell == NULL || !gtk_widget_get_mapped (cell) ||
      !gtk_widget_compute_bounds (cell, viewport, &bounds) || bounds.size.width <= 0)
    return G_SOURCE_CONTINUE;
  /* The column titles stay at the top of the viewport and hide what is under them. */
  header = gtk_widget_get_first_child (GTK_WIDGET (self->column_view));
  if (header != NULL && !GTK_IS_LIST_VIEW (header))
    top = gtk_widget_get_height (header);
  reveal_span (gtk_scrolled_window_get_hadjustment (self->scroller), bounds.origin.x,
               bounds.origin.x + bounds.size.width, gtk_widget_get_width (viewport), 8);
  if (self->cur_row < self->first_row)
    ; /* a title: above the rows, always in view */
  else if (bounds.origin.y < top)
    {
      GtkAdjustment *v = gtk_scrolled_window_get_vadjustment (self->scroller);
      gtk_adjustment_set_value (v, gtk_adjustment_get_value (v) + bounds.origin.y - top);
    }
  else
    reveal_span (gtk_scrolled_window_get_vadjustment (self->scroller), bounds.origin.y - top,
                 bounds.origin.y - top + bounds.size.height,
                 gtk_widget_get_height (viewport) - top, 0);
done:
  self->reveal_tick = 0;
  return G_SOURCE_REMOVE;
}

static void
queue_reveal (CfGridView *self)
{
  self->reveal_frames = 0;
  if (self->reveal_tick == 0)
    self->reveal_tick = gtk_widget_add_tick_callback (GTK_WIDGET (self), reveal_tick, NULL, NULL);
}

gboolean
cf_grid_view_is_cell_visible (CfGridView *self, int row, int col)
{
  GtkWidget *viewport = GTK_WIDGET (self->scroller);
  GtkWidget *cell;
  graphene_rect_t bounds;

  g_return_val_if_fail (CF_IS_GRID_VIEW (self), FALSE);
  cell = g_hash_table_lookup (self->bound, cell_key (self, row, col));
  if (cell == NULL || !gtk_widget_get_mapped (cell) ||
      !gtk_widget_compute_bounds (cell, viewport, &bounds))
    return FALSE;
  if (row < self->first_row)
    {
      /* A title: within the header, which is as wide as the rows' viewport. */
      graphene_rect_t in_header;

      if (!gtk_widget_compute_bounds (cell, GTK_WIDGET (self->header), &in_header))
        return FALSE;
      bounds.origin.y = in_header.origin.y;
      bounds.size.height = MIN (in_header.size.height, gtk_widget_get_height (viewport));
    }
  return bounds.origin.x >= -0.5 && bounds.origin.y >= -0.5 &&
         bounds.origin.x + bounds.size.width <= gtk_widget_get_width (viewport) + 0.5 &&
         bounds.origin.y + bounds.size.height <= gtk_widget_get_height (viewport) + 0.5;
}

static void
select_cell_full (CfGridView *self, int row, int col, gboolean focus, gboolean extend)
{
  GtkWidget *widget;

  if (self->table == NULL)
    return;
  row = CLAMP (row, 0, cf_table_get_n_rows (self->table) - 1);
  col = CLAMP (col, 0, self->n_cols - 1);
  {
    /* A covered slot stands for the cell that covers it. */
    CfCell *cell = cf_table_get_cell (self->table, row, col);

    if (cell != NULL)
      {
        row = cell->row;
        col = cell->col;
      }
  }
  self->cur_row = row;
  self->cur_col = col;
  if (!extend)
    {
      self->anchor_row = row;
      self->anchor_col = col;
    }
  update_bound (self, TRUE);
  if (row >= self->first_row)
    gtk_selection_model_select_item (GTK_SELECTION_MODEL (self->selection),
                                     (guint) (row - self->first_row), TRUE);
  else
    gtk_selection_model_unselect_all (GTK_SELECTION_MODEL (self->selection));

  widget = g_hash_table_lookup (self->bound, cell_key (self, row, col));
  queue_reveal (self);
  if (focus)
    {
      self->focus_pending = TRUE;
      if (widget != NULL)
        grab_pending_focus (self);
    }
  g_signal_emit (self, signals[CELL_SELECTED], 0, row, col);
}

void
cf_grid_view_select_cell (CfGridView *self, int row, int col, gboolean focus)
{
  g_return_if_fail (CF_IS_GRID_VIEW (self));
  select_cell_full (self, row, col, focus, FALSE);
}

void
cf_grid_view_set_marked (CfGridView *self, GPtrArray *cells)
{
  g_return_if_fail (CF_IS_GRID_VIEW (self));
  g_hash_table_remove_all (self->marked);
  for (guint i = 0; cells != NULL && i < cells->len; i++)
    {
      CfCell *cell = g_ptr_array_index (cells, i);

      g_hash_table_add (self->marked, cell_key (self, cell->row, cell->col));
    }
  update_bound (self, TRUE);
}

char *
cf_grid_view_copy_selection (CfGridView *self)
{
  int r0, c0, r1, c1;

  g_return_val_if_fail (CF_IS_GRID_VIEW (self), NULL);
  if (self->table == NULL || self->cur_row < 0)
    return g_strdup ("");
  range_get (self, &r0, &c0, &r1, &c1);
  return cf_clipboard_range_text (self->table, r0, c0, r1, c1);
}

/* Sets a value cell's text through its widget when shown (so `changed` runs the same path). */
static void
set_cell_text (CfGridView *self, int row, int col, const char *text)
{
  GtkWidget *widget = g_hash_table_lookup (self->bound, cell_key (self, row, col));
  CfCell *cell = cf_table_get_origin_cell (self->table, row, col);

  if (cell == NULL || cf_table_labels_is_fixed (self->labels, row, col))
    return;
  if (widget != NULL && GTK_IS_EDITABLE (widget))
    gtk_editable_set_text (GTK_EDITABLE (widget), text);
  else if (g_strcmp0 (cell->text, text) != 0)
    {
      commit_text (self, cell, text);
      if (widget != NULL)
        cf_grid_view_refresh_cell (self, row, col);
      g_signal_emit (self, signals[CELL_EDITED], 0, row, col);
    }
}

void
cf_grid_view_paste_text (CfGridView *self, const char *text)
{
  g_auto (GStrv) lines = NULL;
  guint n_lines;

  g_return_if_fail (CF_IS_GRID_VIEW (self));
  if (self->table == NULL || self->cur_row < 0 || text == NULL)
    return;
  lines = g_strsplit (text, "\n", -1);
  n_lines = g_strv_length (lines);
  /* A trailing newline is not one more row. */
  if (n_lines > 1 && *lines[n_lines - 1] == '\0')
    n_lines--;
  /* The whole block is one undo step. */
  if (self->history != NULL)
    cf_edit_history_begin_group (self->history);
  for (guint i = 0; i < n_lines; i++)
    {
      g_auto (GStrv) fields = g_strsplit (g_strchomp (lines[i]), "\t", -1);
      int row = self->cur_row + (int) i;

      if (row >= cf_table_get_n_rows (self->table))
        break;
      for (guint j = 0; fields[j] != NULL; j++)
        {
          int col = self->cur_col + (int) j;

          if (col >= self->n_cols)
            break;
          set_cell_text (self, row, col, g_strstrip (fields[j]));
        }
    }
  if (self->history != NULL)
    cf_edit_history_end_group (self->history);
}

static void
clear_selection (CfGridView *self)
{
  int r0, c0, r1, c1;

  range_get (self, &r0, &c0, &r1, &c1);
  if (self->history != NULL)
    cf_edit_history_begin_group (self->history);
  for (int r = r0; r <= r1; r++)
    for (int c = c0; c <= c1; c++)
      set_cell_text (self, r, c, "");
  if (self->history != NULL)
    cf_edit_history_end_group (self->history);
}

static void
on_paste_done (GObject *source, GAsyncResult *result, gpointer data)
{
  g_autoptr (CfGridView) self = data;
  g_autofree char *text = gdk_clipboard_read_text_finish (GDK_CLIPBOARD (source), result, NULL);

  if (text != NULL)
    cf_grid_view_paste_text (self, text);
}

/* The next cell from (@row, @col) in a direction, stepping over spans. */
static void
step (CfGridView *self, int drow, int dcol, int *row, int *col)
{
  CfCell *cell = cf_table_get_cell (self->table, *row, *col);
  int span_rows = cell ? MAX (cell->row_span, 1) : 1;
  int span_cols = cell ? MAX (cell->col_span, 1) : 1;
  int r = cell ? cell->row : *row;
  int c = cell ? cell->col : *col;

  if (drow > 0)
    r += span_rows - 1 + drow;
  else
    r += drow;
  if (dcol > 0)
    c += span_cols - 1 + dcol;
  else
    c += dcol;
  if (r < 0 || r >= cf_table_get_n_rows (self->table))
    r = *row;
  if (c < 0 || c >= self->n_cols)
    c = *col;
  *row = r;
  *col = c;
}

/* Edits the current value cell from the keyboard (F2, or typing over it with
 * @text): FALSE when it is a label or header. */
static gboolean
start_editing (CfGridView *self, const char *text)
{
  GtkWidget *editor = ensure_editor (self, self->cur_row, self->cur_col);
  GtkEditable *entry;

  if (editor == NULL || !GTK_IS_EDITABLE_LABEL (editor))
    return FALSE;
  gtk_editable_label_start_editing (GTK_EDITABLE_LABEL (editor));
  entry = gtk_editable_get_delegate (GTK_EDITABLE (editor));
  /* Through the entry, whose `changed` the cell passes on: the edit is live. */
  if (text != NULL)
    gtk_editable_set_text (entry, text);
  /* After the text the editor selected on focus: F2 appends, typing goes on. */
  gtk_editable_set_position (entry, -1);
  return TRUE;
}

static gboolean
on_key_pressed (GtkEventControllerKey *controller,
                guint                  keyval,
                guint                  keycode,
                GdkModifierType        state,
                CfGridView            *self)
{
  GtkWidget *current;
  gboolean editing = FALSE;
  gboolean shift = (state & GDK_SHIFT_MASK) != 0;
  gboolean ctrl = (state & GDK_CONTROL_MASK) != 0;
  int row = self->cur_row, col = self->cur_col;

  /* Ctrl+plus, Ctrl+minus and Ctrl+0 zoom the grid while it has the focus. */
  if (ctrl && self->table != NULL)
    switch (keyval)
      {
      case GDK_KEY_plus:
      case GDK_KEY_equal:
      case GDK_KEY_KP_Add:
        cf_grid_view_zoom_step (self, 1);
        return TRUE;
      case GDK_KEY_minus:
      case GDK_KEY_KP_Subtract:
        cf_grid_view_zoom_step (self, -1);
        return TRUE;
      case GDK_KEY_0:
      case GDK_KEY_KP_0:
        cf_grid_view_zoom_step (self, 0);
        return TRUE;
      default:
        break;
      }
  if (self->table == NULL || self->cur_row < 0)
    return FALSE;
  current = g_hash_table_lookup (self->bound, cell_key (self, row, col));
  if (current != NULL && GTK_IS_EDITABLE_LABEL (current))
    editing = gtk_editable_label_get_editing (GTK_EDITABLE_LABEL (current));

  if (editing)
    {
      /* The editor keeps arrows, Enter and Escape; Tab commits and moves on. */
      if (keyval == GDK_KEY_Tab || keyval == GDK_KEY_ISO_Left_Tab)
        {
          gtk_editable_label_stop_editing (GTK_EDITABLE_LABEL (current), TRUE);
          step (self, 0, keyval == GDK_KEY_Tab ? 1 : -1, &row, &col);
          select_cell_full (self, row, col, TRUE, FALSE);
          return TRUE;
        }
      return FALSE;
    }

  switch (keyval)
    {
    case GDK_KEY_Up:
    case GDK_KEY_KP_Up:
      step (self, -1, 0, &row, &col);
      break;
    case GDK_KEY_Down:
    case GDK_KEY_KP_Down:
      step (self, 1, 0, &row, &col);
      break;
    case GDK_KEY_Left:
    case GDK_KEY_KP_Left:
      step (self, 0, -1, &row, &col);
      break;
    case GDK_KEY_Right:
    case GDK_KEY_KP_Right:
      step (self, 0, 1, &row, &col);
      break;
    case GDK_KEY_Tab:
      /* Ctrl+Tab leaves the grid, as it leaves any widget that keeps Tab. */
      if (ctrl)
        return FALSE;
      step (self, 0, 1, &row, &col);
      shift = FALSE;
      break;
    case GDK_KEY_ISO_Left_Tab:
      if (ctrl)
        return FALSE;
      step (self, 0, -1, &row, &col);
      shift = FALSE;
      break;
    case GDK_KEY_Page_Up:
      row = MAX (0, row - 20);
      break;
    case GDK_KEY_Page_Down:
      row = MIN (cf_table_get_n_rows (self->table) - 1, row + 20);
      break;
    case GDK_KEY_Home:
      col = 0;
      if (ctrl)
        row = 0;
      break;
    case GDK_KEY_End:
      col = self->n_cols - 1;
      if (ctrl)
        row = cf_table_get_n_rows (self->table) - 1;
      break;
    case GDK_KEY_Delete:
    case GDK_KEY_KP_Delete:
    case GDK_KEY_BackSpace:
      clear_selection (self);
      return TRUE;
    case GDK_KEY_c:
    case GDK_KEY_C:
      if (!ctrl)
        return FALSE;
      {
        g_autofree char *text = cf_grid_view_copy_selection (self);

        gdk_clipboard_set_text (gtk_widget_get_clipboard (GTK_WIDGET (self)), text);
      }
      return TRUE;
    case GDK_KEY_v:
    case GDK_KEY_V:
      if (!ctrl)
        return FALSE;
      gdk_clipboard_read_text_async (gtk_widget_get_clipboard (GTK_WIDGET (self)), NULL,
                                     on_paste_done, g_object_ref (self));
      return TRUE;
    case GDK_KEY_F2:
      return start_editing (self, NULL);
    default:
      {
        /* Typing a character over a value cell starts editing with it. */
        gunichar ch = gdk_keyval_to_unicode (keyval);
        char text[8] = { 0 };

        if (ctrl || (state & (GDK_ALT_MASK | GDK_SUPER_MASK)) || !g_unichar_isgraph (ch))
          return FALSE;
        g_unichar_to_utf8 (ch, text);
        return start_editing (self, text);
      }
    }
  select_cell_full (self, row, col, TRUE, shift);
  return TRUE;
}

static void
cf_grid_view_dispose (GObject *object)
{
  CfGridView *self = CF_GRID_VIEW (object);

  g_clear_handle_id (&self->settle_id, g_source_remove);
  g_clear_handle_id (&self->fit_id, g_source_remove);
  g_clear_handle_id (&self->yield_id, g_source_remove);
  if (self->reveal_tick != 0)
    {
      gtk_widget_remove_tick_callback (GTK_WIDGET (self), self->reveal_tick);
      self->reveal_tick = 0;
    }
  if (self->selection != NULL)
    gtk_single_selection_set_model (self->selection, NULL);
  g_clear_pointer (&self->spare_editors, g_ptr_array_unref);
  g_clear_pointer (&self->spare_labels, g_ptr_array_unref);
  g_clear_object (&self->table);
  g_clear_object (&self->document);
  g_clear_object (&self->history);
  g_clear_object (&self->review);
  G_OBJECT_CLASS (cf_grid_view_parent_class)->dispose (object);
}

static void
cf_grid_view_finalize (GObject *object)
{
  CfGridView *self = CF_GRID_VIEW (object);

  g_hash_table_unref (self->bound);
  g_hash_table_unref (self->severity);
  g_hash_table_unref (self->notes);
  g_hash_table_unref (self->own_notes);
  g_hash_table_unref (self->marked);
  g_array_unref (self->widths);
  G_OBJECT_CLASS (cf_grid_view_parent_class)->finalize (object);
}

static void
cf_grid_view_get_property (GObject *object, guint prop_id, GValue *value, GParamSpec *pspec)
{
  CfGridView *self = CF_GRID_VIEW (object);

  switch (prop_id)
    {
    case PROP_ZOOM:
      g_value_set_double (value, self->zoom);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static gboolean
fit_again (gpointer data)
{
  CfGridView *self = data;

  self->fit_id = 0;
  if (self->fit_width)
    fit_zoom (self);
  return G_SOURCE_REMOVE;
}

static gboolean
yield_again (gpointer data)
{
  CfGridView *self = data;

  self->yield_id = 0;
  if (self->table != NULL)
    apply_zoom (self);
  return G_SOURCE_REMOVE;
}

/* Fitting the table follows the grid's width, once it is laid out (the
 * sideways scrolling's page is the width); so do the labels' widths. */
static void
on_page_changed (GtkAdjustment *adjustment, CfGridView *self)
{
  int width = (int) gtk_adjustment_get_page_size (adjustment);

  if (self->fit_width && width != self->fit_last_width && self->fit_id == 0)
    {
      self->fit_last_width = width;
      self->fit_id = g_idle_add (fit_again, self);
    }
  else if (!self->fit_width && width != self->yield_last_width && self->yield_id == 0)
    self->yield_id = g_idle_add (yield_again, self);
}

/* Font sizes for the zoom classes apply_zoom () sets, in steps of 5 %. */
static void
add_zoom_styles (GdkDisplay *display)
{
  g_autoptr (GString) css = g_string_new (NULL);
  g_autoptr (GtkCssProvider) provider = gtk_css_provider_new ();

  if (display == NULL || g_object_get_data (G_OBJECT (display), "cf-grid-zoom-styles") != NULL)
    return;
  for (int percent = (int) (ZOOM_MIN * 100); percent <= (int) (ZOOM_MAX * 100); percent += 5)
    g_string_append_printf (css, ".grid-view.zoom-%d { font-size: %d%%; }\n", percent, percent);
  gtk_css_provider_load_from_data (provider, css->str, (gssize) css->len);
  gtk_style_context_add_provider_for_display (display, GTK_STYLE_PROVIDER (provider),
                                              GTK_STYLE_PROVIDER_PRIORITY_APPLICATION);
  g_object_set_data_full (G_OBJECT (display), "cf-grid-zoom-styles", g_object_ref (provider),
                          g_object_unref);
}

static void
on_scrolled_sideways (GtkAdjustment *adjustment, CfGridView *self)
{
  cf_grid_header_set_offset (self->header, gtk_adjustment_get_value (adjustment));
}

/* GtkColumnView's own titles, one line each: the header shows them instead. */
static void
hide_column_view_titles (CfGridView *self)
{
  for (GtkWidget *child = gtk_widget_get_first_child (GTK_WIDGET (self->column_view));
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    if (!GTK_IS_LIST_VIEW (child))
      gtk_widget_set_visible (child, FALSE);
}

static void
cf_grid_view_class_init (CfGridViewClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  style_quark = g_quark_from_static_string ("cf-grid-style");
  kind_quark = g_quark_from_static_string ("cf-grid-kind");
  item_quark = g_quark_from_static_string ("cf-grid-item");
  label_quark = g_quark_from_static_string ("cf-grid-label");
  where_quark = g_quark_from_static_string ("cf-grid-where");

  object_class->dispose = cf_grid_view_dispose;
  object_class->finalize = cf_grid_view_finalize;
  object_class->get_property = cf_grid_view_get_property;

  properties[PROP_ZOOM] = g_param_spec_double ("zoom", NULL, NULL, ZOOM_MIN, ZOOM_MAX, 1.0,
                                               G_PARAM_READABLE | G_PARAM_STATIC_STRINGS |
                                               G_PARAM_EXPLICIT_NOTIFY);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  signals[CELL_SELECTED] = g_signal_new ("cell-selected", G_TYPE_FROM_CLASS (klass),
                                         G_SIGNAL_RUN_LAST, 0, NULL, NULL, NULL,
                                         G_TYPE_NONE, 2, G_TYPE_INT, G_TYPE_INT);
  signals[CELL_EDITED] = g_signal_new ("cell-edited", G_TYPE_FROM_CLASS (klass),
                                       G_SIGNAL_RUN_LAST, 0, NULL, NULL, NULL,
                                       G_TYPE_NONE, 2, G_TYPE_INT, G_TYPE_INT);
}

static void
cf_grid_view_init (CfGridView *self)
{
  GtkEventController *keys;

  self->bound = g_hash_table_new (NULL, NULL);
  self->severity = g_hash_table_new (NULL, NULL);
  self->notes = g_hash_table_new_full (NULL, NULL, NULL, g_free);
  self->own_notes = g_hash_table_new_full (NULL, NULL, NULL, g_free);
  self->marked = g_hash_table_new (NULL, NULL);
  self->spare_editors = g_ptr_array_new_with_free_func (g_object_unref);
  self->spare_labels = g_ptr_array_new_with_free_func (g_object_unref);
  self->cur_row = self->cur_col = self->anchor_row = self->anchor_col = -1;

  self->selection = gtk_single_selection_new (NULL);
  gtk_single_selection_set_autoselect (self->selection, FALSE);
  gtk_single_selection_set_can_unselect (self->selection, TRUE);
  self->column_view = GTK_COLUMN_VIEW (gtk_column_view_new (GTK_SELECTION_MODEL (self->selection)));
  gtk_column_view_set_show_column_separators (self->column_view, TRUE);
  gtk_column_view_set_show_row_separators (self->column_view, TRUE);
  gtk_widget_add_css_class (GTK_WIDGET (self->column_view), "data-table");
  gtk_widget_add_css_class (GTK_WIDGET (self->column_view), "crossfoot-grid");
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->column_view),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, _("Table cells"),
                                  -1);

  /* Fixed cells are selectable labels (so that they take the focus): they
   * must not select their text when they do. GTK 4.8's label also checks,
   * when it selects on focus, where the focus was before without allowing for
   * nowhere, as after a structure edit took the focused cell away. */
  g_object_set (gtk_settings_get_for_display (gtk_widget_get_display (GTK_WIDGET (self))),
                "gtk-label-select-on-focus", FALSE, NULL);

  hide_column_view_titles (self);

  /* The titles and the cells alike: keys go to the current cell. */
  keys = gtk_event_controller_key_new ();
  gtk_event_controller_set_propagation_phase (keys, GTK_PHASE_CAPTURE);
  g_signal_connect (keys, "key-pressed", G_CALLBACK (on_key_pressed), self);
  gtk_widget_add_controller (GTK_WIDGET (self), keys);

  self->widths = g_array_new (FALSE, TRUE, sizeof (int));
  self->zoom = 1.0;
  add_zoom_styles (gtk_widget_get_display (GTK_WIDGET (self)));
  gtk_widget_add_css_class (GTK_WIDGET (self), "grid-view");
  self->header = CF_GRID_HEADER (cf_grid_header_new ());
  gtk_widget_add_css_class (GTK_WIDGET (self->header), "crossfoot-grid");
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->header),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, _("Column titles"),
                                  -1);
  self->scroller = GTK_SCROLLED_WINDOW (gtk_scrolled_window_new ());
  gtk_scrolled_window_set_child (self->scroller, GTK_WIDGET (self->column_view));
  gtk_widget_set_vexpand (GTK_WIDGET (self->scroller), TRUE);
  gtk_widget_set_hexpand (GTK_WIDGET (self->scroller), TRUE);
  {
    GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);

    gtk_box_append (GTK_BOX (box), GTK_WIDGET (self->header));
    gtk_box_append (GTK_BOX (box), GTK_WIDGET (self->scroller));
    adw_bin_set_child (ADW_BIN (self), box);
  }
  g_signal_connect (gtk_scrolled_window_get_hadjustment (self->scroller), "value-changed",
                    G_CALLBACK (on_scrolled_sideways), self);
  g_signal_connect (gtk_scrolled_window_get_hadjustment (self->scroller), "changed",
                    G_CALLBACK (on_page_changed), self);
  /* Editors follow the cells on screen once the scrolling stops. */
  g_signal_connect_swapped (gtk_scrolled_window_get_vadjustment (self->scroller), "value-changed",
                            G_CALLBACK (queue_settle), self);
  g_signal_connect_swapped (gtk_scrolled_window_get_vadjustment (self->scroller), "changed",
                            G_CALLBACK (queue_settle), self);
  g_signal_connect_swapped (gtk_scrolled_window_get_hadjustment (self->scroller), "value-changed",
                            G_CALLBACK (queue_settle), self);
  g_signal_connect_swapped (gtk_scrolled_window_get_hadjustment (self->scroller), "changed",
                            G_CALLBACK (queue_settle), self);
}

GtkWidget *
cf_grid_view_new (void)
{
  return g_object_new (CF_TYPE_GRID_VIEW, NULL);
}

void
cf_grid_view_set_review (CfGridView *self, CfReview *review)
{
  g_return_if_fail (CF_IS_GRID_VIEW (self));
  g_set_object (&self->review, review);
  if (self->table != NULL)
    update_bound (self, FALSE);
}

void
cf_grid_view_set_history (CfGridView *self, CfEditHistory *history)
{
  g_return_if_fail (CF_IS_GRID_VIEW (self));
  g_set_object (&self->history, history);
}

gboolean
cf_grid_view_get_range (CfGridView *self, int *first_row, int *first_col, int *last_row,
                        int *last_col)
{
  int r0 = -1, c0 = -1, r1 = -1, c1 = -1;

  g_return_val_if_fail (CF_IS_GRID_VIEW (self), FALSE);
  if (self->table != NULL && self->cur_row >= 0)
    range_get (self, &r0, &c0, &r1, &c1);
  if (first_row)
    *first_row = r0;
  if (first_col)
    *first_col = c0;
  if (last_row)
    *last_row = r1;
  if (last_col)
    *last_col = c1;
  return r0 >= 0;
}

void
cf_grid_view_reload (CfGridView *self)
{
  g_autoptr (CfTable) table = NULL;
  g_autoptr (CfDocument) document = NULL;
  int row, col;

  g_return_if_fail (CF_IS_GRID_VIEW (self));
  if (self->table == NULL)
    return;
  table = g_object_ref (self->table);
  document = g_object_ref (self->document);
  row = self->cur_row;
  col = self->cur_col;
  cf_table_labels_forget (table);
  cf_grid_view_set_table (self, document, table);
  if (row >= 0 && cf_table_get_n_rows (table) > 0 && self->n_cols > 0)
    select_cell_full (self, row, col, FALSE, FALSE);
}

void
cf_grid_view_refresh_cell (CfGridView *self, int row, int col)
{
  GtkWidget *widget;
  CfCell *cell;
  const char *text;

  g_return_if_fail (CF_IS_GRID_VIEW (self));
  if (self->table == NULL)
    return;
  cell = cf_table_get_origin_cell (self->table, row, col);
  widget = g_hash_table_lookup (self->bound, cell_key (self, row, col));
  if (widget == NULL)
    return;
  text = cell != NULL && cell->text != NULL ? cell->text : "";
  self->binding = TRUE;
  if (GTK_IS_LABEL (widget) && g_strcmp0 (gtk_label_get_text (GTK_LABEL (widget)), text) != 0)
    gtk_label_set_text (GTK_LABEL (widget), text);
  else if (GTK_IS_EDITABLE (widget) && g_strcmp0 (gtk_editable_get_text (GTK_EDITABLE (widget)), text) != 0)
    gtk_editable_set_text (GTK_EDITABLE (widget), text);
  self->binding = FALSE;
  update_cell_widget (self, widget, row, col);
}

double
cf_grid_view_get_zoom (CfGridView *self)
{
  g_return_val_if_fail (CF_IS_GRID_VIEW (self), 1.0);
  return self->zoom;
}

void
cf_grid_view_set_zoom (CfGridView *self, double zoom)
{
  g_return_if_fail (CF_IS_GRID_VIEW (self));
  self->fit_width = FALSE;
  zoom = round_zoom (zoom + 1e-3);
  if (zoom == self->zoom)
    return;
  self->zoom = zoom;
  apply_zoom (self);
  queue_reveal (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ZOOM]);
}

void
cf_grid_view_zoom_step (CfGridView *self, int direction)
{
  g_return_if_fail (CF_IS_GRID_VIEW (self));
  cf_grid_view_set_zoom (self, direction == 0 ? 1.0 : self->zoom + 0.1 * (direction > 0 ? 1 : -1));
}

void
cf_grid_view_set_fit_width (CfGridView *self, gboolean fit)
{
  g_return_if_fail (CF_IS_GRID_VIEW (self));
  self->fit_width = fit;
  self->fit_last_width = 0;
  /* Once the grid has the room it is about to get (the window hides the
   * source as it fits a table), and again as its width changes. */
  if (fit && self->fit_id == 0)
    self->fit_id = g_idle_add (fit_again, self);
}

gboolean
cf_grid_view_get_fit_width (CfGridView *self)
{
  g_return_val_if_fail (CF_IS_GRID_VIEW (self), FALSE);
  return self->fit_width;
}

int
cf_grid_view_get_first_row (CfGridView *self)
{
  g_return_val_if_fail (CF_IS_GRID_VIEW (self), 0);
  return self->first_row;
}

GtkWidget *
cf_grid_view_get_title_widget (CfGridView *self, int row, int col)
{
  g_return_val_if_fail (CF_IS_GRID_VIEW (self), NULL);
  return cf_grid_header_get_title (self->header, row, col);
}
