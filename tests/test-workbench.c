/* test-workbench.c: the analyst's workbench (issue #17) under Xvfb: the grid
 * follows the selection, whole tables fit, the findings header and the
 * table list say what was checked, the location follows the table.
 *
 *   xvfb-run -a -s "-screen 0 1600x1000x24" dbus-run-session -- meson test -C build test-workbench
 */
#include <adwaita.h>
#include <string.h>

#include "cf-test-gui.h"
#include "cf-cell-labels.h"
#include "cf-window-private.h"

static CfApplication *app;

typedef struct
{
  CfGridView *grid;
  int         row;
  int         col;
} CellPos;

static gboolean
cell_visible (gpointer data)
{
  CellPos *pos = data;

  return cf_grid_view_is_cell_visible (pos->grid, pos->row, pos->col);
}

/* A copy of the corpus report @name in a fresh folder, with its own data folder. */
static char *
copy_report (const char *sub, const char *name, char **dir_out)
{
  char *dir = cf_test_make_tmpdir ();
  g_autofree char *data = g_build_filename (dir, "data", NULL);
  g_autofree char *source = cf_test_path ("corpus", sub, name, NULL);
  char *copy = g_build_filename (dir, name, NULL);

  g_setenv ("CROSSFOOT_DATA_DIR", data, TRUE);
  cf_test_copy_file (source, copy);
  *dir_out = dir;
  return copy;
}

/* The page label of the PDF toolbar: "N / M". */
static gboolean
label_starts_with (GtkWidget *widget, gconstpointer data)
{
  const char *text;

  if (!GTK_IS_LABEL (widget) || !gtk_widget_get_mapped (widget))
    return FALSE;
  text = gtk_label_get_text (GTK_LABEL (widget));
  return g_regex_match_simple ("^[0-9]+ / [0-9]+$", text, 0, 0);
}

/* Every selection change scrolls its cell into view, both ways: by the
 * grid's own selection (the keyboard's way), and by choosing a finding. */
static void
test_selection_scrolls (void)
{
  g_autofree char *dir = NULL;
  g_autofree char *report = copy_report ("text", "zibo-gaoxin-psb-2022.txt", &dir);
  CfWindow *window = cf_test_new_window (app);
  CfGridView *grid;
  CfTable *table;
  CfCell *last, *first;
  CellPos pos;
  int last_col;
  guint index = 0;

  gtk_window_set_default_size (GTK_WINDOW (window), 800, 600);
  cf_window_open_file (window, g_file_new_for_path (report));
  cf_test_wait_loaded (window, cf_test_time_limit (60));
  grid = cf_window_get_grid_view (window);
  table = cf_test_find_table (window, "appeals", &index);
  last_col = cf_table_get_n_cols (table) - 1;
  g_assert_cmpint (last_col, >=, 14);
  /* A value in the last column and one in the first value column. */
  last = first = NULL;
  for (guint i = 0; i < cf_table_get_n_cells (table); i++)
    {
      CfCell *cell = cf_table_get_cell_at (table, i);

      if (g_strcmp0 (cell->col_key, "suit_after_review_total") == 0)
        last = cell;
    }
  g_assert_nonnull (last);
  g_assert_cmpint (last->col, >=, 14);
  for (guint i = 0; i < cf_table_get_n_cells (table); i++)
    {
      CfCell *cell = cf_table_get_cell_at (table, i);

      if (g_strcmp0 (cell->col_key, "review_upheld") == 0 && cell->row == last->row)
        first = cell;
    }
  g_assert_nonnull (first);
  cf_window_select_table (window, index);
  cf_test_spin_for (0.2);
  g_assert_true (cf_grid_view_get_table (cf_window_get_grid_view (window)) == table);

  pos.grid = grid;
  cf_grid_view_select_cell (grid, first->row, first->col, FALSE);
  pos.row = first->row;
  pos.col = first->col;
  g_assert_true (cf_test_spin_until (cell_visible, &pos, cf_test_time_limit (10)));
  /* At 800 px the last column starts off screen. */
  g_assert_false (cf_grid_view_is_cell_visible (grid, last->row, last->col));

  cf_grid_view_select_cell (grid, last->row, last->col, FALSE);
  pos.row = last->row;
  pos.col = last->col;
  g_assert_true (cf_test_spin_until (cell_visible, &pos, cf_test_time_limit (10)));
  g_assert_false (cf_grid_view_is_cell_visible (grid, first->row, first->col));

  /* Back, then a finding on the last column brings it into view. */
  cf_grid_view_select_cell (grid, first->row, first->col, FALSE);
  pos.row = first->row;
  pos.col = first->col;
  g_assert_true (cf_test_spin_until (cell_visible, &pos, cf_test_time_limit (10)));
  gtk_editable_set_text (GTK_EDITABLE (cf_test_show_cell (window, last->row, last->col)), "987654");
  cf_test_spin_for (0.2);
  cf_grid_view_select_cell (grid, first->row, first->col, FALSE);
  g_assert_true (cf_test_spin_until (cell_visible, &pos, cf_test_time_limit (10)));
  {
    GPtrArray *findings = cf_document_get_findings (cf_window_get_document (window));
    int found = -1;

    for (guint i = 0; i < findings->len && found < 0; i++)
      {
        CfFinding *f = g_ptr_array_index (findings, i);
        CfCell *named = cf_finding_resolve_cell (cf_window_get_document (window), f, 0, NULL);

        if (named != NULL && !cf_grid_view_is_cell_visible (grid, named->row, named->col))
          found = (int) i;
      }
    g_assert_cmpint (found, >=, 0);
    cf_window_select_finding (window, (guint) found);
    {
      CfCell *named = cf_finding_resolve_cell (cf_window_get_document (window),
                                               g_ptr_array_index (findings, found), 0, NULL);
      pos.row = named->row;
      pos.col = named->col;
    }
    g_assert_true (cf_test_spin_until (cell_visible, &pos, cf_test_time_limit (10)));
  }
  cf_test_close_window (window, 0.3);
  cf_test_rm_rf (dir);
}

/* A PDF: after choosing another table the page label and the status under
 * the page name that table's page, not the cell chosen before. */
static void
test_location_follows_table (void)
{
  g_autofree char *dir = cf_test_make_tmpdir ();
  g_autofree char *data = g_build_filename (dir, "data", NULL);
  g_autofree char *report = cf_test_path ("pdf", "danfeng-psb-2020.pdf", NULL);
  CfWindow *window;
  CfTable *requests, *appeals;
  guint requests_index = 0, appeals_index = 0;
  CfCell *cell = NULL;
  g_autofree char *page_label = NULL;

  g_setenv ("CROSSFOOT_DATA_DIR", data, TRUE);
  window = cf_test_open_window (app, report, cf_test_time_limit (60));
  requests = cf_test_find_table (window, "requests", &requests_index);
  appeals = cf_test_find_table (window, "appeals", &appeals_index);
  g_assert_cmpint (cf_table_get_page (requests), !=, cf_table_get_page (appeals));

  cf_window_select_table (window, requests_index);
  cf_test_spin_for (0.2);
  for (guint i = 0; i < cf_table_get_n_cells (requests) && cell == NULL; i++)
    if (cf_table_get_cell_at (requests, i)->page > 0 && cf_table_get_cell_at (requests, i)->row_key)
      cell = cf_table_get_cell_at (requests, i);
  g_assert_nonnull (cell);
  cf_grid_view_select_cell (cf_window_get_grid_view (window), cell->row, cell->col, FALSE);
  cf_test_spin_for (0.2);
  {
    g_autofree char *page = g_strdup_printf ("Page %d · ", cell->page);
    g_assert_true (g_str_has_prefix (gtk_label_get_text (cf_window_get_pdf_status (window)), page));
  }

  cf_window_select_table (window, appeals_index);
  cf_test_spin_for (0.3);
  {
    g_autofree char *page = g_strdup_printf ("Page %d · ", cf_table_get_page (appeals));
    const char *status = gtk_label_get_text (cf_window_get_pdf_status (window));
    GtkWidget *label = cf_test_find_widget (GTK_WIDGET (window), label_starts_with, NULL);

    g_test_message ("status after choosing appeals: %s", status);
    g_assert_true (g_str_has_prefix (status, page));
    g_assert_null (strstr (status, "· 本年") );
    g_assert_nonnull (label);
    page_label = g_strdup_printf ("%d / ", cf_table_get_page (appeals));
    g_assert_true (g_str_has_prefix (gtk_label_get_text (GTK_LABEL (label)), page_label));
  }
  cf_test_close_window (window, 0.3);
  cf_test_rm_rf (dir);
}

static gboolean
label_has_prefix (GtkWidget *widget, gconstpointer prefix)
{
  return GTK_IS_LABEL (widget) && gtk_widget_get_mapped (widget)
         && g_str_has_prefix (gtk_label_get_text (GTK_LABEL (widget)), prefix);
}

/* "Nothing could be checked" is its own state, in the findings header and
 * in the inbox, not "none, every total adds up". */
static void
test_nothing_checked (void)
{
  g_autofree char *dir = NULL;
  g_autofree char *report = copy_report ("text", "zhaotong-psb-2016.txt", &dir);
  g_autofree char *zibo = g_build_filename (dir, "zibo-gaoxin-psb-2022.txt", NULL);
  g_autofree char *zibo_source = cf_test_path ("corpus", "text", "zibo-gaoxin-psb-2022.txt", NULL);
  g_autoptr (GError) error = NULL;
  CfWindow *window = cf_test_open_window (app, report, cf_test_time_limit (60));
  GtkWidget *heading = cf_test_find_widget (GTK_WIDGET (window), label_has_prefix,
                                            "Nothing could be checked");
  GtkWidget *none = cf_test_find_widget (GTK_WIDGET (window), label_has_prefix, "Findings: none");
  GtkWidget *inbox_window, *inbox;
  guint position;

  g_assert_nonnull (heading);
  g_assert_true (gtk_widget_has_css_class (heading, "warning"));
  g_assert_null (none);
  cf_test_close_window (window, 0.3);

  /* A clean report says what it checked. */
  cf_test_copy_file (zibo_source, zibo);
  window = cf_test_open_window (app, zibo, cf_test_time_limit (60));
  heading = cf_test_find_widget (GTK_WIDGET (window), label_has_prefix,
                                 "Findings: none. Checked 3 form tables");
  g_assert_nonnull (heading);
  g_assert_false (gtk_widget_has_css_class (heading, "warning"));
  cf_test_close_window (window, 0.3);

  /* The inbox: its state column says so, marked as a warning. */
  inbox_window = gtk_window_new ();
  inbox = cf_inbox_view_new ();
  gtk_window_set_default_size (GTK_WINDOW (inbox_window), 1000, 700);
  gtk_window_set_child (GTK_WINDOW (inbox_window), inbox);
  gtk_window_present (GTK_WINDOW (inbox_window));
  g_assert_true (cf_inbox_view_open_folder (CF_INBOX_VIEW (inbox), dir, &error));
  g_assert_no_error (error);
  cf_test_wait_batch (cf_inbox_view_get_batch (CF_INBOX_VIEW (inbox)), cf_test_time_limit (120));
  cf_test_spin_for (0.2);
  position = cf_test_inbox_position (CF_INBOX_VIEW (inbox), "zhaotong-psb-2016.txt");
  {
    GtkWidget *state = cf_inbox_view_get_cell_widget (CF_INBOX_VIEW (inbox), position,
                                                      CF_INBOX_COLUMN_STATE);
    g_assert_true (g_str_has_prefix (gtk_label_get_text (GTK_LABEL (state)),
                                     "Nothing could be checked"));
    g_assert_true (gtk_widget_has_css_class (state, "warning"));
  }
  position = cf_test_inbox_position (CF_INBOX_VIEW (inbox), "zibo-gaoxin-psb-2022.txt");
  {
    GtkWidget *state = cf_inbox_view_get_cell_widget (CF_INBOX_VIEW (inbox), position,
                                                      CF_INBOX_COLUMN_STATE);
    g_assert_null (strstr (gtk_label_get_text (GTK_LABEL (state)), "Nothing"));
    g_assert_false (gtk_widget_has_css_class (state, "warning"));
  }
  gtk_window_destroy (GTK_WINDOW (inbox_window));
  cf_test_spin_for (0.2);
  cf_test_rm_rf (dir);
}

static gboolean
sidebar_hidden (gpointer window)
{
  return !cf_window_get_sidebar_shown (window);
}

static gboolean
whole_row_visible (gpointer data)
{
  CellPos *pos = data;

  return cf_grid_view_is_cell_visible (pos->grid, pos->row, 0)
         && cf_grid_view_is_cell_visible (pos->grid, pos->row, pos->col);
}

/* Whole tables fit: values get columns as wide as they are, the sidebar
 * hides (F9's action) and hides by itself in a narrow window, and "Fit
 * Table" shows all 15 columns of 表四 at 1366 × 768. */
static void
test_whole_table_fits (void)
{
  g_autofree char *dir = NULL;
  g_autofree char *report = copy_report ("text", "danfeng-psb-2020.txt", &dir);
  CfWindow *window = cf_test_new_window (app);
  CfGridView *grid;
  CfTable *table;
  CfCell *last = NULL;
  guint index = 0;
  CellPos pos;

  gtk_window_set_default_size (GTK_WINDOW (window), 1366, 768);
  cf_window_open_file (window, g_file_new_for_path (report));
  cf_test_wait_loaded (window, cf_test_time_limit (60));
  grid = cf_window_get_grid_view (window);
  table = cf_test_find_table (window, "appeals", &index);
  g_assert_cmpint (cf_table_get_n_cols (table), ==, 15);
  cf_window_select_table (window, index);
  cf_test_spin_for (0.3);
  for (guint i = 0; i < cf_table_get_n_cells (table); i++)
    if (g_strcmp0 (cf_table_get_cell_at (table, i)->col_key, "suit_after_review_total") == 0)
      last = cf_table_get_cell_at (table, i);
  g_assert_nonnull (last);

  /* Columns of "0" are narrow, not the old fixed 96 px. */
  {
    GListModel *columns = gtk_column_view_get_columns (cf_grid_view_get_column_view (grid));
    g_autoptr (GtkColumnViewColumn) column = g_list_model_get_item (columns, last->col);

    g_assert_cmpint (gtk_column_view_column_get_fixed_width (column), <, 96);
  }

  g_assert_true (cf_window_get_sidebar_shown (window));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.show-sidebar", NULL));
  g_assert_false (cf_window_get_sidebar_shown (window));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.show-sidebar", NULL));
  g_assert_true (cf_window_get_sidebar_shown (window));

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.fit-table", NULL));
  g_assert_false (cf_window_get_sidebar_shown (window));
  g_assert_true (cf_window_get_table_fitted (window));
  cf_grid_view_select_cell (grid, last->row, 0, FALSE);
  pos.grid = grid;
  pos.row = last->row;
  pos.col = last->col;
  /* The first column and the fifteenth on screen at once. */
  g_assert_true (cf_test_spin_until (whole_row_visible, &pos, cf_test_time_limit (10)));
  /* Again: the source and the sidebar come back. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.fit-table", NULL));
  g_assert_false (cf_window_get_table_fitted (window));
  g_assert_true (cf_window_get_sidebar_shown (window));
  cf_test_close_window (window, 0.3);

  /* A narrow window hides the sidebar by itself. */
  window = cf_test_new_window (app);
  gtk_window_set_default_size (GTK_WINDOW (window), 800, 600);
  cf_window_open_file (window, g_file_new_for_path (report));
  cf_test_wait_loaded (window, cf_test_time_limit (60));
  g_assert_true (cf_test_spin_until (sidebar_hidden, window, cf_test_time_limit (10)));
  cf_test_close_window (window, 0.3);
  cf_test_rm_rf (dir);
}

/* The list of tables says how many errors and warnings each table has open,
 * and its review toggle says what it does. */
static void
test_table_counts (void)
{
  g_autofree char *dir = NULL;
  g_autofree char *report = copy_report ("text", "shizuishan-psb-2020.txt", &dir);
  CfWindow *window = cf_test_open_window (app, report, cf_test_time_limit (60));
  CfDocument *doc = cf_window_get_document (window);
  GPtrArray *tables = cf_document_get_tables (doc);
  guint checked = 0;

  for (guint t = 0; t < tables->len; t++)
    {
      CfTable *table = g_ptr_array_index (tables, t);
      GtkListBoxRow *row = gtk_list_box_get_row_at_index (cf_window_get_tables_list (window), (int) t);
      g_autoptr (GString) text = g_string_new (NULL);
      GtkWidget *toggle;
      guint n_warnings = 0;

      g_assert_nonnull (row);
      for (guint i = 0; i < cf_document_get_findings (doc)->len; i++)
        {
          CfFinding *f = g_ptr_array_index (cf_document_get_findings (doc), i);
          n_warnings += f->severity == CF_SEVERITY_WARNING
                        && g_strcmp0 (f->table, cf_table_get_id (table)) == 0;
        }
      cf_test_collect_text (GTK_WIDGET (row), text);
      if (n_warnings > 0)
        {
          g_autofree char *said = g_strdup_printf (n_warnings == 1 ? "· %u warning" : "· %u warnings",
                                                   n_warnings);
          g_assert_nonnull (strstr (text->str, said));
          checked++;
        }
      else
        g_assert_null (strstr (text->str, "warning"));
      /* A check box, so that its state shows before anyone ticks it. */
      toggle = cf_test_find_descendant (GTK_WIDGET (row), GTK_TYPE_CHECK_BUTTON);
      g_assert_nonnull (toggle);
      g_assert_cmpstr (gtk_check_button_get_label (GTK_CHECK_BUTTON (toggle)), ==, "Reviewed");
      g_assert_false (gtk_check_button_get_active (GTK_CHECK_BUTTON (toggle)));
    }
  g_assert_cmpuint (checked, >, 0);
  cf_test_close_window (window, 0.3);
  cf_test_rm_rf (dir);
}

static gboolean
is_label_saying (GtkWidget *widget, gconstpointer text)
{
  return GTK_IS_LABEL (widget) && g_strcmp0 (gtk_label_get_text (GTK_LABEL (widget)), text) == 0
         && gtk_widget_get_mapped (widget);
}

static gboolean
label_shown (gpointer data)
{
  gpointer *args = data;

  return cf_test_find_widget (args[0], is_label_saying, args[1]) != NULL;
}

/* A toast never covers the findings; "Saved" offers Open and Show in Folder. */
static void
test_toasts (void)
{
  g_autofree char *dir = NULL;
  g_autofree char *report = copy_report ("text", "shizuishan-psb-2020.txt", &dir);
  g_autofree char *saved_path = g_build_filename (dir, "saved.csv", NULL);
  g_autoptr (GFile) saved = g_file_new_for_path (saved_path);
  CfWindow *window = cf_test_open_window (app, report, cf_test_time_limit (60));
  GtkWidget *findings = GTK_WIDGET (cf_window_get_findings_list (window));
  GtkWidget *label, *open, *folder;
  graphene_rect_t toast_bounds, findings_bounds;
  gpointer args[2] = { window, (gpointer) "Saved saved.csv" };

  g_assert_true (g_file_set_contents (saved_path, "x", -1, NULL));
  cf_window_show_saved (window, saved, "Saved saved.csv");
  g_assert_true (cf_test_spin_until (label_shown, args, cf_test_time_limit (10)));
  cf_test_spin_for (0.5);
  label = cf_test_find_widget (GTK_WIDGET (window), is_label_saying, "Saved saved.csv");
  g_assert_true (gtk_widget_is_ancestor (label, GTK_WIDGET (cf_window_get_toast_overlay (window))));
  /* Below the grid, above the findings: never over them. */
  g_assert_true (gtk_widget_compute_bounds (label, GTK_WIDGET (window), &toast_bounds));
  g_assert_true (gtk_widget_compute_bounds (gtk_widget_get_parent (findings), GTK_WIDGET (window),
                                            &findings_bounds));
  g_assert_cmpfloat (toast_bounds.origin.y + toast_bounds.size.height, <=, findings_bounds.origin.y);

  open = cf_test_find_by_action (GTK_WIDGET (cf_window_get_toast_overlay (window)), "win.open-uri");
  g_assert_nonnull (open);
  g_assert_cmpstr (gtk_button_get_label (GTK_BUTTON (open)), ==, "_Open");
  folder = gtk_widget_get_next_sibling (open);
  g_assert_nonnull (folder);
  g_assert_cmpstr (gtk_button_get_label (GTK_BUTTON (folder)), ==, "Show in _Folder");
  {
    g_autofree char *folder_uri = g_filename_to_uri (dir, NULL, NULL);
    GVariant *target = gtk_actionable_get_action_target_value (GTK_ACTIONABLE (folder));

    g_assert_cmpstr (g_variant_get_string (target, NULL), ==, folder_uri);
  }
  cf_test_close_window (window, 0.3);
  cf_test_rm_rf (dir);
}

/* Errors come first; findings alike (the same rule on one table) read as
 * one row, "and N more like it", the others behind Show All. */
static void
test_findings_grouped (void)
{
  g_autofree char *dir = NULL;
  g_autofree char *report = copy_report ("text", "shenzhen-psb-2020.txt", &dir);
  g_autofree char *grouped_path = g_build_filename (dir, "shizuishan-psb-2020.txt", NULL);
  g_autofree char *grouped_source = cf_test_path ("corpus", "text", "shizuishan-psb-2020.txt", NULL);
  CfWindow *window = cf_test_open_window (app, report, cf_test_time_limit (60));
  GtkListBox *list = cf_window_get_findings_list (window);
  GPtrArray *findings = cf_document_get_findings (cf_window_get_document (window));
  GtkListBoxRow *row;
  guint n_visible = 0, n_hidden = 0;
  GtkWidget *toggle = NULL;

  /* shenzhen: three warnings, then the prose error; the error is listed first. */
  g_assert_cmpuint (cf_document_count_findings (cf_window_get_document (window), CF_SEVERITY_ERROR), ==, 1);
  g_assert_cmpint (((CfFinding *) g_ptr_array_index (findings, 0))->severity, !=, CF_SEVERITY_ERROR);
  row = gtk_list_box_get_row_at_index (list, 0);
  g_assert_nonnull (row);
  {
    g_autoptr (GString) text = g_string_new (NULL);
    cf_test_collect_text (GTK_WIDGET (row), text);
    g_assert_true (g_str_has_prefix (text->str, "Error"));
  }
  /* Choosing a finding by its index still finds its row. */
  for (guint i = 0; i < findings->len; i++)
    g_assert_nonnull (cf_window_get_finding_row (window, i));
  cf_test_close_window (window, 0.3);

  cf_test_copy_file (grouped_source, grouped_path);
  window = cf_test_open_window (app, grouped_path, cf_test_time_limit (60));
  list = cf_window_get_findings_list (window);
  for (int i = 0; (row = gtk_list_box_get_row_at_index (list, i)) != NULL; i++)
    {
      if (gtk_widget_get_visible (GTK_WIDGET (row)))
        n_visible++;
      else
        n_hidden++;
      if (toggle == NULL)
        toggle = cf_test_find_descendant (GTK_WIDGET (row), GTK_TYPE_TOGGLE_BUTTON);
    }
  g_test_message ("%u rows shown, %u behind Show All", n_visible, n_hidden);
  g_assert_cmpuint (n_hidden, >, 0);
  g_assert_cmpuint (n_visible + n_hidden, ==,
                    cf_document_get_findings (cf_window_get_document (window))->len);
  g_assert_nonnull (toggle);
  g_assert_cmpstr (gtk_button_get_label (GTK_BUTTON (toggle)), ==, "Show All");
  {
    g_autoptr (GString) text = g_string_new (NULL);
    cf_test_collect_text (GTK_WIDGET (list), text);
    g_assert_nonnull (strstr (text->str, "more like it"));
  }
  gtk_toggle_button_set_active (GTK_TOGGLE_BUTTON (toggle), TRUE);
  for (int i = 0; (row = gtk_list_box_get_row_at_index (list, i)) != NULL; i++)
    if (!gtk_widget_get_visible (GTK_WIDGET (row)))
      n_hidden--;
  g_assert_cmpuint (n_hidden, <, n_visible + n_hidden);
  cf_test_close_window (window, 0.3);
  cf_test_rm_rf (dir);
}

static void
collect_labels (GMenuModel *model, GPtrArray *labels)
{
  for (int i = 0; i < g_menu_model_get_n_items (model); i++)
    {
      g_autofree char *label = NULL;
      g_autoptr (GMenuModel) section = g_menu_model_get_item_link (model, i, G_MENU_LINK_SECTION);

      if (section != NULL)
        {
          collect_labels (section, labels);
          continue;
        }
      if (g_menu_model_get_item_attribute (model, i, G_MENU_ATTRIBUTE_LABEL, "s", &label))
        g_ptr_array_add (labels, g_steal_pointer (&label));
    }
}

/* The access key of @label ("Re_vert Cell" -> 'v'), folded. */
static gunichar
access_key (const char *label)
{
  const char *mark = strchr (label, '_');

  return mark != NULL ? g_unichar_tolower (g_utf8_get_char (mark + 1)) : 0;
}

/* The cell menu gives each item its own access key, in English and in the
 * Chinese catalogues. */
static void
test_cell_menu_access_keys (void)
{
  g_autoptr (GMenuModel) menu = cf_window_cell_menu_model_new ();
  g_autoptr (GPtrArray) labels = g_ptr_array_new_with_free_func (g_free);
  const char *langs[] = { NULL, "zh_CN", "zh_TW" };

  collect_labels (menu, labels);
  g_assert_cmpuint (labels->len, >=, 10);

  for (gsize l = 0; l < G_N_ELEMENTS (langs); l++)
    {
      g_autofree char *po_text = NULL;
      g_autoptr (GHashTable) keys = g_hash_table_new (NULL, NULL);

      if (langs[l] != NULL)
        {
          g_autofree char *name = g_strconcat (langs[l], ".po", NULL);
          g_autofree char *po = g_build_filename (cf_test_srcdir (), "..", "po", name, NULL);

          g_assert_true (g_file_get_contents (po, &po_text, NULL, NULL));
        }
      for (guint i = 0; i < labels->len; i++)
        {
          const char *label = g_ptr_array_index (labels, i);
          g_autofree char *translated = NULL;
          gunichar key;

          if (po_text != NULL)
            {
              g_autofree char *needle = g_strdup_printf ("msgid \"%s\"\nmsgstr \"", label);
              const char *at = strstr (po_text, needle);

              g_assert_nonnull (at);
              at += strlen (needle);
              translated = g_strndup (at, strchr (at, '"') - at);
              label = translated;
            }
          key = access_key (label);
          if (key == 0)
            continue;
          if (g_hash_table_contains (keys, GUINT_TO_POINTER (key)))
            g_test_fail_printf ("%s: two items of the cell menu share the access key of “%s”",
                                langs[l] ? langs[l] : "C", label);
          g_hash_table_add (keys, GUINT_TO_POINTER (key));
        }
    }
}

int
main (int argc, char **argv)
{
  cf_test_gui_init (&argc, &argv);
  if (!cf_test_gui_start ("/workbench/selection-scrolls"))
    return g_test_run ();
  app = cf_application_new ();
  g_application_set_flags (G_APPLICATION (app),
                           g_application_get_flags (G_APPLICATION (app)) | G_APPLICATION_NON_UNIQUE);
  g_application_register (G_APPLICATION (app), NULL, NULL);

  g_test_add_func ("/workbench/selection-scrolls", test_selection_scrolls);
  g_test_add_func ("/workbench/location-follows-table", test_location_follows_table);
  g_test_add_func ("/workbench/nothing-checked", test_nothing_checked);
  g_test_add_func ("/workbench/whole-table-fits", test_whole_table_fits);
  g_test_add_func ("/workbench/table-counts", test_table_counts);
  g_test_add_func ("/workbench/toasts", test_toasts);
  g_test_add_func ("/workbench/findings-grouped", test_findings_grouped);
  g_test_add_func ("/workbench/cell-menu-access-keys", test_cell_menu_access_keys);
  return g_test_run ();
}
