/* test-layout.c: whole tables fit (issue #17, point 3) under Xvfb: the printed
 * header rows are the grid's column titles (once, several levels, wrapped,
 * named in the accessibility tree), the grid zooms and fits the table's
 * width (row labels give up room before values go off screen), the sidebar folds in a narrow window, the PDF page fits its pane,
 * and nothing is cut off at 800 × 600.
 *
 *   xvfb-run -a -s "-screen 0 1600x1000x24" dbus-run-session -- meson test -C build test-layout
 */
#include <adwaita.h>
#include <math.h>
#include <string.h>

#include "cf-test-gui.h"
#include "cf-cell-labels.h"
#include "cf-window-private.h"
#include "cf-tooltip.h"

#define PDF "shanghai-gov-office-2019.pdf"

static CfApplication *app;

/* A copy of tests/pdf/PDF in a fresh folder, with its own data folder. */
static char *
copy_pdf (char **dir_out)
{
  char *dir = cf_test_make_tmpdir ();
  g_autofree char *data = g_build_filename (dir, "data", NULL);
  g_autofree char *source = cf_test_path ("pdf", PDF, NULL);
  char *copy = g_build_filename (dir, PDF, NULL);

  g_setenv ("CROSSFOOT_DATA_DIR", data, TRUE);
  cf_test_copy_file (source, copy);
  *dir_out = dir;
  return copy;
}

static CfWindow *
open_at (const char *path, int width, int height)
{
  CfWindow *window = cf_test_new_window (app);

  gtk_window_set_default_size (GTK_WINDOW (window), width, height);
  cf_window_open_file (window, g_file_new_for_path (path));
  cf_test_wait_loaded (window, cf_test_time_limit (60));
  cf_test_spin_for (0.5);
  return window;
}

/* Shows the table @id; returns it. */
static CfTable *
show_table (CfWindow *window, const char *id)
{
  guint index = 0;
  CfTable *table = cf_test_find_table (window, id, &index);

  g_assert_nonnull (table);
  cf_window_select_table (window, index);
  cf_test_spin_for (0.5);
  g_assert_true (cf_grid_view_get_table (cf_window_get_grid_view (window)) == table);
  return table;
}

/* The value cell of the column the form calls @col_key. */
static CfCell *
find_col (CfTable *table, const char *col_key)
{
  for (guint i = 0; i < cf_table_get_n_cells (table); i++)
    if (g_strcmp0 (cf_table_get_cell_at (table, i)->col_key, col_key) == 0)
      return cf_table_get_cell_at (table, i);
  return NULL;
}

static char *
accessible_label (GtkWidget *widget)
{
  /* GTK 4.8 has no getter: the test helper says what differs. */
  char *error = gtk_test_accessible_check_property (GTK_ACCESSIBLE (widget),
                                                    GTK_ACCESSIBLE_PROPERTY_LABEL, "\x01");
  const char *start = error ? strstr (error, "'") : NULL;

  return start ? g_strdup (start) : error;
}

static void
assert_label (GtkWidget *widget, const char *label)
{
  g_autofree char *error = gtk_test_accessible_check_property (GTK_ACCESSIBLE (widget),
                                                               GTK_ACCESSIBLE_PROPERTY_LABEL, label);
  if (error != NULL)
    {
      g_autofree char *shown = accessible_label (widget);

      g_error ("title “%s”: %s (%s)", gtk_label_get_text (GTK_LABEL (widget)), error, shown);
    }
}

static gboolean
rect_inside (GtkWidget *widget, GtkWidget *viewport)
{
  graphene_rect_t bounds;

  if (!gtk_widget_get_mapped (widget) || !gtk_widget_compute_bounds (widget, viewport, &bounds))
    return FALSE;
  return bounds.size.width > 0 && bounds.origin.x >= -0.5 && bounds.origin.y >= -0.5 &&
         bounds.origin.x + bounds.size.width <= gtk_widget_get_width (viewport) + 0.5 &&
         bounds.origin.y + bounds.size.height <= gtk_widget_get_height (viewport) + 0.5;
}

/* The value columns of a table: from the first that is no row label on. */
static int
first_value_col (CfWindow *window, CfTable *table)
{
  return cf_table_labels_get_n_label_cols (cf_table_labels_for_document (cf_window_get_document (window),
                                                                         table));
}

typedef struct
{
  CfWindow *window;
  CfTable  *table;
} Fit;

/* Every value column's title and the first row's cells inside the grid. */
static gboolean
all_columns_shown (gpointer data)
{
  Fit *fit = data;
  CfGridView *grid = cf_window_get_grid_view (fit->window);
  int first_row = cf_grid_view_get_first_row (grid);

  for (int c = first_value_col (fit->window, fit->table); c < cf_table_get_n_cols (fit->table); c++)
    {
      GtkWidget *title = cf_grid_view_get_title_widget (grid, first_row - 1, c);

      if (title == NULL || !rect_inside (title, GTK_WIDGET (grid)) ||
          !cf_grid_view_is_cell_visible (grid, first_row, c))
        return FALSE;
    }
  return TRUE;
}

/* The header rows of 表四 are titles over the columns, not rows of the grid:
 * 行政复议 over its five columns, 行政诉讼 over ten, in two levels. */
static void
test_header_titles (void)
{
  g_autofree char *dir = NULL;
  g_autofree char *pdf = copy_pdf (&dir);
  CfWindow *window = open_at (pdf, 1366, 768);
  CfGridView *grid = cf_window_get_grid_view (window);
  CfTable *table = show_table (window, "appeals");
  GtkColumnView *view = cf_grid_view_get_column_view (grid);
  GListModel *rows = G_LIST_MODEL (gtk_column_view_get_model (view));
  GListModel *columns = gtk_column_view_get_columns (view);
  int first_row = cf_grid_view_get_first_row (grid);
  CfCell *review_upheld = find_col (table, "review_upheld");
  CfCell *suit_total = find_col (table, "suit_after_review_total");
  GtkWidget *review, *leaf, *cell;
  graphene_rect_t title_bounds, cell_bounds;
  int span = 0;

  g_assert_cmpint (cf_table_get_n_cols (table), ==, 15);
  g_assert_nonnull (review_upheld);
  g_assert_nonnull (suit_total);
  /* Three printed header rows; the grid's rows start below them. */
  g_assert_cmpint (first_row, ==, 3);
  g_assert_cmpuint (g_list_model_get_n_items (rows), ==, (guint) (cf_table_get_n_rows (table) - first_row));

  /* 行政复议: one title over its five columns, a column header. */
  review = cf_grid_view_get_title_widget (grid, 0, 0);
  g_assert_true (GTK_IS_LABEL (review));
  g_assert_cmpstr (gtk_label_get_text (GTK_LABEL (review)), ==, "行政复议");
  g_assert_true (gtk_accessible_get_accessible_role (GTK_ACCESSIBLE (review)) ==
                 GTK_ACCESSIBLE_ROLE_COLUMN_HEADER);
  for (int c = 0; c < 5; c++)
    {
      g_autoptr (GtkColumnViewColumn) column = g_list_model_get_item (columns, (guint) c);

      g_assert_true (cf_grid_view_get_title_widget (grid, 0, c) == review);
      span += gtk_column_view_column_get_fixed_width (column);
    }
  g_assert_false (cf_grid_view_get_title_widget (grid, 0, 5) == review);
  g_assert_true (gtk_widget_compute_bounds (review, GTK_WIDGET (grid), &title_bounds));
  g_assert_cmpfloat (fabs (title_bounds.size.width - span), <=, 0.5);

  /* Two levels under 行政诉讼: its title, 复议后起诉, then 总计. */
  leaf = cf_grid_view_get_title_widget (grid, first_row - 1, suit_total->col);
  g_assert_cmpstr (gtk_label_get_text (GTK_LABEL (leaf)), ==, "总计");
  assert_label (leaf, "行政诉讼 / 复议后起诉 / 总计");
  g_assert_cmpstr (gtk_widget_get_tooltip_text (leaf), ==, "行政诉讼 / 复议后起诉 / 总计");
  g_assert_cmpstr (gtk_label_get_text (GTK_LABEL (cf_grid_view_get_title_widget (grid, 1, suit_total->col))),
                   ==, "复议后起诉");

  /* Over its column: the title starts where the column's cells do. */
  cell = cf_test_show_cell (window, suit_total->row, suit_total->col);
  g_assert_nonnull (cell);
  cf_test_spin_for (0.3);
  g_assert_true (gtk_widget_compute_bounds (leaf, GTK_WIDGET (grid), &title_bounds));
  g_assert_true (gtk_widget_compute_bounds (gtk_widget_get_parent (cell), GTK_WIDGET (grid), &cell_bounds));
  g_assert_cmpfloat (fabs (title_bounds.origin.x - cell_bounds.origin.x), <=, 2);
  g_assert_cmpfloat (fabs (title_bounds.size.width - cell_bounds.size.width), <=, 2);
  /* A header cell is not a cell of the grid's rows. */
  g_assert_false (gtk_widget_is_ancestor (leaf, GTK_WIDGET (view)));
  /* The value cell is named by every level of its title. */
  {
    g_autofree char *name = cf_table_labels_cell (cf_table_labels_for_document (cf_window_get_document (window),
                                                                                table),
                                                  suit_total->row, suit_total->col);
    g_assert_nonnull (strstr (name, "复议后起诉"));
  }

  /* Every value is drawn whole in its column: no cell needs more room than
   * its column has ("7" in a column of "0"s was once hidden). */
  for (int c = 0; c < 15; c++)
    {
      g_autoptr (GtkColumnViewColumn) column = g_list_model_get_item (columns, (guint) c);
      GtkWidget *value = cf_test_show_cell (window, first_row, c);
      int minimum = 0;

      g_assert_nonnull (value);
      gtk_widget_measure (value, GTK_ORIENTATION_HORIZONTAL, -1, &minimum, NULL, NULL, NULL);
      g_assert_cmpint (minimum, <=, gtk_column_view_column_get_fixed_width (column));
    }

  /* Titles wrap, never cut: no title's text is ellipsized. */
  for (int r = 0; r < first_row; r++)
    for (int c = 0; c < 15; c++)
      {
        GtkWidget *title = cf_grid_view_get_title_widget (grid, r, c);

        if (title == NULL)
          continue;
        g_assert_true (gtk_label_get_wrap (GTK_LABEL (title)));
        g_assert_false (pango_layout_is_ellipsized (gtk_label_get_layout (GTK_LABEL (title))));
      }
  /* A narrow column wraps its title over lines, by character. */
  cf_grid_view_set_zoom (grid, 0.5);
  cf_test_spin_for (0.3);
  {
    GtkWidget *title = cf_grid_view_get_title_widget (grid, first_row - 1, review_upheld->col);
    PangoLayout *layout = gtk_label_get_layout (GTK_LABEL (title));

    g_assert_cmpstr (gtk_label_get_text (GTK_LABEL (title)), ==, "结果维持");
    g_assert_false (pango_layout_is_ellipsized (layout));
    g_assert_cmpint (pango_layout_get_line_count (layout), >=, 1);
    g_assert_cmpint (pango_layout_get_line_count (layout), <=, 2);
  }
  cf_grid_view_set_zoom (grid, 1.0);

  /* A title is a cell all the same: selected by the keyboard from the row
   * below it (Up), focused, named in the status. */
  cf_test_show_cell (window, first_row, review_upheld->col);
  cf_grid_view_select_cell (grid, first_row - 1, review_upheld->col, TRUE);
  cf_test_spin_for (0.3);
  {
    int row, col;
    GtkWidget *focus = gtk_root_get_focus (GTK_ROOT (window));
    /* 结果维持 spans the two rows under 行政复议: it is the cell of both. */
    CfCell *printed = cf_table_get_cell (table, first_row - 1, review_upheld->col);

    g_assert_true (cf_grid_view_get_selected (grid, &row, &col));
    g_assert_cmpint (row, ==, printed->row);
    g_assert_cmpint (col, ==, review_upheld->col);
    g_assert_true (focus != NULL && (focus == cf_grid_view_get_title_widget (grid, row, col) ||
                                     gtk_widget_is_ancestor (focus, cf_grid_view_get_title_widget (grid, row, col))));
    g_assert_true (gtk_widget_has_css_class (cf_grid_view_get_title_widget (grid, row, col), "cell-current"));
  }
  cf_test_close_window (window, 0.3);
  cf_test_rm_rf (dir);
}

/* Ctrl+plus, Ctrl+minus and Ctrl+0 on the grid zoom its columns and text. */
static void
test_grid_zoom (void)
{
  g_autofree char *dir = NULL;
  g_autofree char *pdf = copy_pdf (&dir);
  CfWindow *window = open_at (pdf, 1366, 768);
  CfGridView *grid = cf_window_get_grid_view (window);
  CfTable *table = show_table (window, "appeals");
  GListModel *columns = gtk_column_view_get_columns (cf_grid_view_get_column_view (grid));
  g_autoptr (GtkColumnViewColumn) column = g_list_model_get_item (columns, 0);
  double pdf_zoom = cf_pdf_view_get_zoom (cf_window_get_pdf_view (window));
  int width = gtk_column_view_column_get_fixed_width (column);
  GtkWidget *title = cf_grid_view_get_title_widget (grid, 0, 0);
  int title_height = gtk_widget_get_height (title);

  g_assert_nonnull (table);
  g_assert_cmpfloat (cf_grid_view_get_zoom (grid), ==, 1.0);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.grid-zoom-in", NULL));
  cf_test_spin_for (0.3);
  g_assert_cmpfloat (cf_grid_view_get_zoom (grid), >, 1.0);
  g_assert_cmpint (gtk_column_view_column_get_fixed_width (column), >, width);
  /* The text grows with the columns. */
  g_assert_cmpint (gtk_widget_get_height (title), >, title_height);

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.grid-zoom-reset", NULL));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.grid-zoom-out", NULL));
  cf_test_spin_for (0.3);
  g_assert_cmpfloat (cf_grid_view_get_zoom (grid), <, 1.0);
  g_assert_cmpint (gtk_column_view_column_get_fixed_width (column), <, width);

  /* Ctrl+0's action, with the focus in the grid, is the grid's, not the page's. */
  cf_test_show_cell (window, cf_grid_view_get_first_row (grid), 0);
  cf_test_spin_for (0.2);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.zoom-fit", NULL));
  cf_test_spin_for (0.3);
  g_assert_cmpfloat (cf_grid_view_get_zoom (grid), ==, 1.0);
  g_assert_cmpint (gtk_column_view_column_get_fixed_width (column), ==, width);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.zoom-in", NULL));
  g_assert_cmpfloat (cf_grid_view_get_zoom (grid), >, 1.0);
  g_assert_cmpfloat (cf_pdf_view_get_zoom (cf_window_get_pdf_view (window)), ==, pdf_zoom);
  cf_test_close_window (window, 0.3);
  cf_test_rm_rf (dir);
}

/* Fit Table: at 1366 × 768 and in a smaller window, every one of 表四's 15
 * columns, title and cells, is inside the grid at once; a smaller window
 * zooms out to fit. */
static void
test_fit_table (void)
{
  static const int sizes[][2] = { { 1366, 768 }, { 1000, 700 } };
  g_autofree char *dir = NULL;
  g_autofree char *pdf = copy_pdf (&dir);

  for (guint i = 0; i < G_N_ELEMENTS (sizes); i++)
    {
      CfWindow *window = open_at (pdf, sizes[i][0], sizes[i][1]);
      CfGridView *grid = cf_window_get_grid_view (window);
      Fit fit = { window, show_table (window, "appeals") };

      /* Not before: the source takes half the room. */
      g_assert_false (all_columns_shown (&fit));
      g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.fit-table", NULL));
      g_assert_true (cf_test_spin_until (all_columns_shown, &fit, cf_test_time_limit (10)));
      cf_test_spin_for (0.5);
      g_test_message ("%d × %d: fitted at %.0f %%", sizes[i][0], sizes[i][1],
                      cf_grid_view_get_zoom (grid) * 100);
      g_assert_true (all_columns_shown (&fit));
      /* 1366 px is room enough at 100 %; 1000 px is not. */
      if (sizes[i][0] < 1100)
        g_assert_cmpfloat (cf_grid_view_get_zoom (grid), <, 1.0);
      else
        g_assert_cmpfloat (cf_grid_view_get_zoom (grid), ==, 1.0);
      /* Again: back to 100 % and the source. */
      g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.fit-table", NULL));
      cf_test_spin_for (0.3);
      g_assert_cmpfloat (cf_grid_view_get_zoom (grid), ==, 1.0);
      g_assert_false (cf_window_get_table_fitted (window));
      cf_test_close_window (window, 0.3);
    }
  cf_test_rm_rf (dir);
}

/* The values come before the labels' full width: with the source beside the
 * grid, 表三's three columns of row labels give up room (each still a few
 * characters wide) so that several value columns show at once; given the
 * room back (Fit Table), they are as wide as before. */
static void
test_labels_yield (void)
{
  g_autofree char *dir = NULL;
  g_autofree char *pdf = copy_pdf (&dir);
  CfWindow *window = open_at (pdf, 1200, 800);
  CfGridView *grid = cf_window_get_grid_view (window);
  CfTable *table = show_table (window, "requests");
  GListModel *columns = gtk_column_view_get_columns (cf_grid_view_get_column_view (grid));
  int n_labels = first_value_col (window, table);
  int first_row = cf_grid_view_get_first_row (grid);
  int shown = 0, narrow_total = 0, wide_total = 0;

  g_assert_cmpint (n_labels, >=, 2);
  g_assert_false (cf_window_get_table_fitted (window));
  cf_test_spin_for (0.5);
  for (int c = n_labels; c < cf_table_get_n_cols (table); c++)
    if (cf_grid_view_is_cell_visible (grid, first_row, c))
      shown++;
  g_test_message ("value columns shown beside the source: %d", shown);
  g_assert_cmpint (shown, >=, 3);
  for (int c = 0; c < n_labels; c++)
    {
      g_autoptr (GtkColumnViewColumn) column = g_list_model_get_item (columns, (guint) c);

      g_assert_cmpint (gtk_column_view_column_get_fixed_width (column), >=, 80);
      narrow_total += gtk_column_view_column_get_fixed_width (column);
    }
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.fit-table", NULL));
  cf_test_spin_for (1.0);
  for (int c = 0; c < n_labels; c++)
    {
      g_autoptr (GtkColumnViewColumn) column = g_list_model_get_item (columns, (guint) c);

      wide_total += gtk_column_view_column_get_fixed_width (column);
    }
  g_test_message ("label columns: %d px beside the source, %d px fitted", narrow_total, wide_total);
  g_assert_cmpint (wide_total, >, narrow_total);
  cf_test_close_window (window, 0.3);
  cf_test_rm_rf (dir);
}

static gboolean
window_fits (gpointer data)
{
  GtkWidget *window = data;

  return gtk_widget_get_width (window) > 0 && gtk_widget_get_width (window) <= 800 &&
         gtk_widget_get_height (window) <= 600;
}

static gboolean
page_fits (gpointer data)
{
  CfWindow *window = data;
  GtkWidget *view = GTK_WIDGET (cf_window_get_pdf_view (window));
  GtkWidget *pane = gtk_widget_get_ancestor (view, GTK_TYPE_SCROLLED_WINDOW);

  return gtk_widget_get_width (pane) > 0 && cf_pdf_view_get_zoom (CF_PDF_VIEW (view)) < 1.0 &&
         gtk_widget_get_width (view) <= gtk_widget_get_width (pane);
}

/* At 800 × 600 the sidebar folds (hidden, and over the rest when shown), the
 * window is no wider than the screen, and the PDF page fits its pane. */
static void
test_narrow_window (void)
{
  g_autofree char *dir = NULL;
  g_autofree char *pdf = copy_pdf (&dir);
  CfWindow *window = open_at (pdf, 800, 600);
  CfPdfView *view = cf_window_get_pdf_view (window);
  double zoom;

  g_assert_true (cf_test_spin_until (window_fits, window, cf_test_time_limit (10)));
  g_assert_true (cf_window_get_sidebar_folded (window));
  g_assert_false (cf_window_get_sidebar_shown (window));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.show-sidebar", NULL));
  cf_test_spin_for (0.3);
  g_assert_true (cf_window_get_sidebar_shown (window));
  g_assert_true (cf_window_get_sidebar_folded (window));
  g_assert_true (window_fits (window));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.show-sidebar", NULL));

  /* The page fits its narrow pane by default; Fit Width fills it; a zoom by
   * hand stays. */
  g_assert_cmpint (cf_pdf_view_get_fit (view), ==, CF_PDF_FIT_AUTO);
  g_assert_true (cf_test_spin_until (page_fits, window, cf_test_time_limit (10)));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.zoom-fit", NULL));
  g_assert_cmpint (cf_pdf_view_get_fit (view), ==, CF_PDF_FIT_WIDTH);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.zoom-in", NULL));
  g_assert_cmpint (cf_pdf_view_get_fit (view), ==, CF_PDF_FIT_NONE);
  zoom = cf_pdf_view_get_zoom (view);
  cf_test_spin_for (0.3);
  g_assert_cmpfloat (cf_pdf_view_get_zoom (view), ==, zoom);
  cf_test_close_window (window, 0.3);

  /* Narrower still: the page above the grid, both with room. */
  window = open_at (pdf, 440, 700);
  {
    GtkWidget *grid = GTK_WIDGET (cf_window_get_grid_view (window));
    GtkWidget *page = gtk_widget_get_ancestor (GTK_WIDGET (cf_window_get_pdf_view (window)),
                                               GTK_TYPE_SCROLLED_WINDOW);
    graphene_rect_t grid_bounds, page_bounds;

    g_assert_true (gtk_widget_get_width (GTK_WIDGET (window)) <= 440);
    g_assert_true (gtk_widget_compute_bounds (grid, GTK_WIDGET (window), &grid_bounds));
    g_assert_true (gtk_widget_compute_bounds (page, GTK_WIDGET (window), &page_bounds));
    g_test_message ("stacked: page %.0f+%.0f, grid %.0f+%.0f", page_bounds.origin.y, page_bounds.size.height,
                    grid_bounds.origin.y, grid_bounds.size.height);
    g_assert_cmpfloat (page_bounds.size.height, >=, 100);
    g_assert_cmpfloat (grid_bounds.size.height, >=, 100);
    g_assert_cmpfloat (grid_bounds.origin.y, >=, page_bounds.origin.y + page_bounds.size.height);
    g_assert_cmpfloat (grid_bounds.size.width, <=, 440);
  }
  cf_test_close_window (window, 0.3);

  /* Wide: the sidebar is beside the rest, shown; made narrow, it folds. */
  window = open_at (pdf, 1366, 768);
  g_assert_false (cf_window_get_sidebar_folded (window));
  g_assert_true (cf_window_get_sidebar_shown (window));
  gtk_window_set_default_size (GTK_WINDOW (window), 440, 700);
  cf_test_spin_for (1);
  g_test_message ("made narrow: %d px", gtk_widget_get_width (GTK_WIDGET (window)));
  g_assert_true (cf_window_get_sidebar_folded (window));
  g_assert_false (cf_window_get_sidebar_shown (window));
  cf_test_close_window (window, 0.3);
  cf_test_rm_rf (dir);
}

/* Long Chinese tooltips are shown in lines, not one character per line
 * (issue #17): the label of ours wraps by characters where there are no
 * words, and asks for the width of its text, up to 50 characters. */
static void
test_tooltip_wraps (void)
{
  const char *text = "本年度办理结果 / 予以公开，总计：空白 ≠ 258 + 12，"
                     "各项之和与总计不符，请核对原表中的合计行与各分项数字是否一致";
  GtkWidget *window = gtk_window_new ();
  GtkWidget *cell = gtk_label_new ("258");
  GtkTooltip *tooltip = g_object_new (GTK_TYPE_TOOLTIP, NULL);
  GtkLabel *label;
  gboolean handled = FALSE;
  int min, nat, height, short_width;

  gtk_window_set_child (GTK_WINDOW (window), cell);
  gtk_widget_set_tooltip_text (cell, text);
  cf_tooltip_install (cell);
  cf_tooltip_install (cell);
  gtk_window_present (GTK_WINDOW (window));
  cf_test_spin_for (0.2);
  g_signal_emit_by_name (cell, "query-tooltip", 1, 1, FALSE, tooltip, &handled);
  g_assert_true (handled);
  label = cf_tooltip_get_label (cell);
  g_assert_nonnull (label);
  g_assert_cmpstr (gtk_label_get_text (label), ==, text);
  /* The tooltip stays the widget's own, and so its accessible description. */
  g_assert_cmpstr (gtk_widget_get_tooltip_text (cell), ==, text);
  g_assert_true (gtk_label_get_wrap (label));
  g_assert_cmpint (gtk_label_get_wrap_mode (label), ==, PANGO_WRAP_WORD_CHAR);
  g_assert_cmpint (gtk_label_get_natural_wrap_mode (label), ==, GTK_NATURAL_WRAP_NONE);
  g_assert_cmpint (gtk_label_get_max_width_chars (label), ==, 50);
  gtk_widget_measure (GTK_WIDGET (label), GTK_ORIENTATION_HORIZONTAL, -1, &min, &nat, NULL, NULL);
  gtk_widget_measure (GTK_WIDGET (label), GTK_ORIENTATION_VERTICAL, nat, NULL, &height, NULL, NULL);
  g_test_message ("tooltip label: %d (min %d) x %d px", nat, min, height);
  g_assert_cmpint (nat, >, 4 * height);

  /* A short one on one line, asking for its own width: no wider than it. */
  gtk_widget_set_tooltip_text (cell, "申请人情况 / 自然人");
  g_signal_emit_by_name (cell, "query-tooltip", 1, 1, FALSE, tooltip, &handled);
  g_assert_true (label == cf_tooltip_get_label (cell));
  g_assert_cmpstr (gtk_label_get_text (label), ==, "申请人情况 / 自然人");
  gtk_widget_measure (GTK_WIDGET (label), GTK_ORIENTATION_HORIZONTAL, -1, NULL, &short_width, NULL, NULL);
  gtk_widget_measure (GTK_WIDGET (label), GTK_ORIENTATION_VERTICAL, -1, NULL, &height, NULL, NULL);
  gtk_widget_measure (GTK_WIDGET (label), GTK_ORIENTATION_VERTICAL, short_width, NULL, &min, NULL, NULL);
  g_assert_cmpint (short_width, <, nat);
  g_assert_cmpint (min, ==, height);

  g_object_unref (tooltip);
  gtk_window_destroy (GTK_WINDOW (window));
  cf_test_spin_for (0.1);
}

int
main (int argc, char **argv)
{
  cf_test_gui_init (&argc, &argv);
  if (!cf_test_gui_start ("/layout/header-titles"))
    return g_test_run ();
  app = cf_application_new ();
  g_application_set_flags (G_APPLICATION (app),
                           g_application_get_flags (G_APPLICATION (app)) | G_APPLICATION_NON_UNIQUE);
  g_application_register (G_APPLICATION (app), NULL, NULL);

  g_test_add_func ("/layout/header-titles", test_header_titles);
  g_test_add_func ("/layout/grid-zoom", test_grid_zoom);
  g_test_add_func ("/layout/fit-table", test_fit_table);
  g_test_add_func ("/layout/labels-yield", test_labels_yield);
  g_test_add_func ("/layout/narrow-window", test_narrow_window);
  g_test_add_func ("/layout/tooltip-wraps", test_tooltip_wraps);
  return g_test_run ();
}
