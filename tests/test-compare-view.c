/* test-compare-view.c: the comparison of two years in the app, through the
 * widgets and their accessible names (../shared/spec/app.md)
 *
 * The inbox holds Zibo's 2022 report and a 2021 report made from it (its
 * year changed, its last section cut); Compare Years pairs them by body and
 * year and the comparison opens in its own window. With
 * $CF_TEST_COMPARE_HOLD=SECONDS the window stays up that long at the end
 * (for a screenshot taken from outside with `import -window root`).
 */
#include <string.h>
#include "cf-test-gui.h"
#include "cf-compare-window.h"

static void
on_open_comparison (CfInboxView *inbox, CfComparison *comparison, CfComparison **out)
{
  g_set_object (out, comparison);
}

/* A folder with the two years of one body's report. */
static char *
make_pair_folder (void)
{
  char *dir = cf_test_make_tmpdir ();
  g_autofree char *source = cf_test_path ("corpus", "text", "zibo-gaoxin-psb-2022.txt", NULL);
  g_autofree char *later = g_build_filename (dir, "zibo-2022.txt", NULL);
  g_autofree char *earlier = g_build_filename (dir, "zibo-2021.txt", NULL);
  g_autofree char *contents = NULL;
  g_autoptr (GString) older = NULL;
  char *cut;

  cf_test_copy_file (source, later);
  g_assert_true (g_file_get_contents (source, &contents, NULL, NULL));
  older = g_string_new (contents);
  g_string_replace (older, "2022年", "2021年", 0);
  g_string_replace (older, "共收到公民、法人提出的政府信息公开申请4宗", "共收到公民、法人提出的政府信息公开申请9宗", 0);
  /* 行政许可 decisions: 11000 the year before, 12258 now. */
  g_assert_cmpuint (g_string_replace (older, "12258", "11000", 0), ==, 1);
  cut = strstr (older->str, "六、其他需要报告的事项");
  g_assert_nonnull (cut);
  g_string_truncate (older, cut - older->str);
  g_assert_true (g_file_set_contents (earlier, older->str, older->len, NULL));
  return dir;
}

/* The mapped labels under @widget showing @text, in tree order. */
static void
collect_labels (GtkWidget *widget, const char *text, GPtrArray *out)
{
  if (GTK_IS_LABEL (widget) && gtk_widget_get_mapped (widget)
      && g_strcmp0 (gtk_label_get_text (GTK_LABEL (widget)), text) == 0)
    g_ptr_array_add (out, widget);
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child;
       child = gtk_widget_get_next_sibling (child))
    collect_labels (child, text, out);
}

/* The one label of the grid whose accessible label is @name among those
 * showing @text; fails the test when there is none. */
static GtkWidget *
grid_label (GtkWidget *grid, const char *text, const char *name)
{
  g_autoptr (GPtrArray) labels = g_ptr_array_new ();

  collect_labels (grid, text, labels);
  for (guint i = 0; i < labels->len; i++)
    {
      g_autofree char *error = gtk_test_accessible_check_property (labels->pdata[i],
                                                                   GTK_ACCESSIBLE_PROPERTY_LABEL,
                                                                   name);

      if (error == NULL)
        return labels->pdata[i];
    }
  g_error ("no cell “%s” named “%s” among %u", text, name, labels->len);
}

static void
assert_property (GtkWidget *widget, GtkAccessibleProperty property, const char *expected)
{
  g_autofree char *error = gtk_test_accessible_check_property (GTK_ACCESSIBLE (widget), property,
                                                               expected);

  if (error != NULL)
    g_error ("accessible property is “%s”, expected “%s”", error, expected);
}

static guint
table_index (CfComparison *comparison, const char *id)
{
  GListModel *tables = cf_comparison_get_tables (comparison);

  for (guint t = 0; t < g_list_model_get_n_items (tables); t++)
    {
      g_autoptr (CfTableDiff) diff = g_list_model_get_item (tables, t);

      if (g_strcmp0 (cf_table_diff_get_table_id (diff, TRUE), id) == 0)
        return t;
    }
  g_assert_not_reached ();
}

static void
test_compare_view (void)
{
  g_autofree char *dir = make_pair_folder ();
  GtkWidget *inbox_window = gtk_window_new ();
  CfInboxView *inbox = CF_INBOX_VIEW (cf_inbox_view_new ());
  g_autoptr (GError) error = NULL;
  g_autoptr (CfComparison) comparison = NULL;
  CfCompareWindow *window;
  CfCompareView *view;
  GtkWidget *grid, *cell;
  GtkTextIter start, end;
  g_autofree char *text = NULL;
  GString *findings = g_string_new (NULL);
  const char *hold = g_getenv ("CF_TEST_COMPARE_HOLD");

  gtk_window_set_child (GTK_WINDOW (inbox_window), GTK_WIDGET (inbox));
  gtk_window_present (GTK_WINDOW (inbox_window));
  g_signal_connect (inbox, "open-comparison", G_CALLBACK (on_open_comparison), &comparison);
  g_assert_true (cf_inbox_view_open_folder (inbox, dir, &error));
  cf_test_wait_batch (cf_inbox_view_get_batch (inbox), 120);

  /* The 2022 report pairs with the 2021 one (same body, the year before). */
  g_assert_true (cf_inbox_view_compare_row (inbox, cf_test_inbox_position (inbox, "zibo-2022.txt")));
  g_assert_nonnull (comparison);
  g_assert_cmpint (cf_comparison_get_year (comparison, FALSE), ==, 2021);
  g_assert_cmpint (cf_comparison_get_year (comparison, TRUE), ==, 2022);
  g_clear_object (&comparison);
  /* From the 2021 row as well: the year after. */
  g_assert_true (cf_inbox_view_compare_row (inbox, cf_test_inbox_position (inbox, "zibo-2021.txt")));
  g_assert_cmpint (cf_comparison_get_year (comparison, FALSE), ==, 2021);

  window = cf_compare_window_new (NULL, comparison);
  gtk_window_set_default_size (GTK_WINDOW (window), 1500, 950);
  gtk_window_present (GTK_WINDOW (window));
  view = cf_compare_window_get_view (window);
  g_assert_cmpstr (gtk_window_get_title (GTK_WINDOW (window)), ==, "2021 → 2022 — Crossfoot");
  grid = GTK_WIDGET (cf_compare_view_get_column_view (view));
  assert_property (grid, GTK_ACCESSIBLE_PROPERTY_LABEL, "Comparison grid");
  assert_property (GTK_WIDGET (cf_compare_view_get_findings (view)), GTK_ACCESSIBLE_PROPERTY_LABEL,
                   "Findings");
  assert_property (GTK_WIDGET (cf_compare_view_get_text_view (view)),
                   GTK_ACCESSIBLE_PROPERTY_LABEL, "Text changes");

  /* The proactive table: every value cell names its row, column and year;
   * the documents in force do not carry over (2 + 1 issued ≠ 2), so both
   * years' cells are marked with the warning. */
  cf_compare_view_select_table (view, table_index (comparison, "proactive"));
  cf_test_spin_for (0.5);
  cell = grid_label (grid, "2", "行政规范性文件, 现行有效件数, 2021");
  g_assert_true (gtk_widget_has_css_class (cell, "warning"));
  cell = grid_label (grid, "2", "行政规范性文件, 现行有效件数, 2022");
  g_assert_true (gtk_widget_has_css_class (cell, "warning"));
  assert_property (cell, GTK_ACCESSIBLE_PROPERTY_DESCRIPTION,
                   ((CfFinding *) cf_comparison_get_carry_findings (comparison)->pdata[0])->message);
  grid_label (grid, "行政规范性文件", "行政规范性文件, row");
  /* An unchanged cell is not marked. */
  cell = grid_label (grid, "1", "行政规范性文件, 本年制发件数, 2022");
  g_assert_false (gtk_widget_has_css_class (cell, "compare-changed"));

  /* The finding is text in the findings list, naming the other report. */
  cf_test_collect_text (GTK_WIDGET (cf_compare_view_get_findings (view)), findings);
  g_assert_nonnull (strstr (findings->str, "zibo-2021.txt"));
  g_string_free (findings, TRUE);

  /* The text pane: the changed number stands out, the section 2021 lacks is listed. */
  gtk_text_buffer_get_bounds (gtk_text_view_get_buffer (cf_compare_view_get_text_view (view)),
                              &start, &end);
  text = gtk_text_iter_get_text (&start, &end);
  g_assert_nonnull (strstr (text, "[-9-]{+4+}"));
  g_assert_nonnull (strstr (text, "Only in 2022: 六、其他需要报告的事项"));

  /* Largest changes first: the changed cells of every table. */
  cf_compare_view_set_largest_first (view, TRUE);
  cf_test_spin_for (0.3);
  {
    GListModel *model = cf_compare_view_get_model (view);
    g_autoptr (CfCellChange) first = g_list_model_get_item (model, 0);

    g_assert_cmpuint (g_list_model_get_n_items (model), >, 0);
    g_assert_cmpint (cf_cell_change_get_kind (first), ==, CF_CELL_CHANGE_CHANGED);
    g_assert_cmpstr (cf_cell_change_get_text (first, TRUE), ==, "12258");
    cell = grid_label (grid, "+1258 (+11.4%)", "行政许可, 本年处理决定数量, change");
    g_assert_true (gtk_widget_has_css_class (cell, "compare-changed"));
  }
  cf_compare_view_set_largest_first (view, FALSE);
  cf_compare_view_select_table (view, table_index (comparison, "proactive"));

  /* F6 and Alt+1–3 move between the panes, by their actions. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "compare.focus", "i", 2));
  cf_test_spin_for (0.1);
  g_assert_true (gtk_widget_has_focus (GTK_WIDGET (cf_compare_view_get_text_view (view))));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "compare.next-pane", NULL));
  cf_test_spin_for (0.1);
  g_assert_true (gtk_widget_is_ancestor (gtk_root_get_focus (GTK_ROOT (window)), grid)
                 || gtk_root_get_focus (GTK_ROOT (window)) == grid);

  if (hold != NULL)
    {
      /* The app's style sheet (CfApplication loads it), for the screenshot. */
      g_autoptr (GtkCssProvider) css = gtk_css_provider_new ();

      gtk_css_provider_load_from_resource (css, "/io/github/crossfoot/Crossfoot/style.css");
      gtk_style_context_add_provider_for_display (gdk_display_get_default (),
                                                  GTK_STYLE_PROVIDER (css),
                                                  GTK_STYLE_PROVIDER_PRIORITY_APPLICATION);
      gtk_widget_grab_focus (grid);
      cf_test_spin_for (g_ascii_strtod (hold, NULL));
    }
  gtk_window_destroy (GTK_WINDOW (window));
  gtk_window_destroy (GTK_WINDOW (inbox_window));
  cf_test_spin_for (0.2);
  cf_test_rm_rf (dir);
}

int
main (int argc, char **argv)
{
  cf_test_gui_init (&argc, &argv);
  if (!cf_test_gui_start ("/compare-view/pair"))
    return g_test_run ();
  g_test_add_func ("/compare-view/pair", test_compare_view);
  return cf_test_run_with_data_dir ();
}
