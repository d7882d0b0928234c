/* test-locale.c: the app from the build tree speaks the desktop's language
 *
 * The test binary, like `_build/src/app/crossfoot`, lives in the build tree
 * and calls cf_locale_init () as main () does, with CROSSFOOT_LOCALEDIR
 * unset: the catalogues must be found in <build>/po all the same. LANGUAGE
 * picks Simplified Chinese (C.UTF-8, the only locale every glibc has, keeps
 * gettext on). What is checked is read where assistive tools read it.
 */
#include "config.h"

#include <string.h>

#include "cf-test-gui.h"
#include "cf-cell-labels.h"
#include "cf-grid-view.h"
#include "cf-locale.h"

static CfApplication *app;

/* The shown grid's column titles, one a line. */
static char *
grid_text (CfWindow *window)
{
  GString *out = g_string_new (NULL);

  cf_test_collect_text (GTK_WIDGET (cf_grid_view_get_column_view (cf_window_get_grid_view (window))),
                        out);
  return g_string_free (out, FALSE);
}

static void
test_chinese_from_build_tree (void)
{
  g_autofree char *path = cf_test_path ("corpus", "html", "shanghai-gov-office-2019.html", NULL);
  CfWindow *window = cf_test_open_window (app, path, 60);
  CfTable *table = cf_grid_view_get_table (cf_window_get_grid_view (window));
  CfCell *total = cf_table_find_by_keys (table, "granted", "total");
  g_autofree char *columns = grid_text (window);
  g_autofree char *error = NULL;
  GtkWidget *widget;

  g_assert_cmpstr (cf_locale_dir (), ==, CF_BUILD_LOCALEDIR);
  /* The label column of a form table: 项目, not Item. */
  g_assert_nonnull (strstr (columns, "项目\n"));
  g_assert_null (strstr (columns, "Item\n"));

  /* A cell's description: where it came from and its finding, in Chinese. */
  g_assert_nonnull (total);
  widget = cf_test_show_cell (window, total->row, total->col);
  error = gtk_test_accessible_check_property (GTK_ACCESSIBLE (widget),
                                              GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, "");
  g_assert_nonnull (error);
  g_test_message ("description: %s", error);
  g_assert_true (g_str_has_prefix (error, "第 "));
  g_assert_nonnull (strstr (error, "警告：本年度办理结果 / 予以公开, 总计"));
  g_assert_null (strstr (error, "Warning"));
  cf_test_close_window (window, 0.2);
}

/* A table whose columns have no header: "第 N 列", rows without label "第 N 行". */
static void
test_unnamed_rows_and_columns (void)
{
  g_autoptr (CfTable) table = cf_table_new ();
  CfTableLabels *labels;

  for (int r = 0; r < 3; r++)
    for (int c = 0; c < 2; c++)
      {
        g_autofree char *text = g_strdup_printf ("%d", 10 * r + c + 1);

        cf_table_add_cell (table, r, c, 1, 1, text, -1, 0);
      }
  labels = cf_table_labels_for (table);
  g_assert_cmpstr (cf_table_labels_col (labels, 1), ==, "第 2 列");
  g_assert_cmpstr (cf_table_labels_row (labels, 1), ==, "第 2 行");
}

/* Form ids as people read them: the edition. */
static void
test_form_names (void)
{
  g_autofree char *name = cf_form_display_name ("gip-2021");
  g_autofree char *other = cf_form_display_name ("custom");

  g_assert_cmpstr (name, ==, "2021年版");
  g_assert_cmpstr (other, ==, "custom");
  g_assert_null (cf_form_display_name (NULL));
}

int
main (int argc, char **argv)
{
  g_unsetenv ("CROSSFOOT_LOCALEDIR");
  g_unsetenv ("LC_MESSAGES");
  g_setenv ("LC_ALL", "C.UTF-8", TRUE);
  g_setenv ("LANG", "zh_CN.UTF-8", TRUE);
  g_setenv ("LANGUAGE", "zh_CN", TRUE);
  cf_locale_init ();
  cf_test_gui_init (&argc, &argv);
  if (!cf_test_gui_start ("/locale/chinese-from-build-tree"))
    return g_test_run ();
  app = cf_test_new_application ();

  g_test_add_func ("/locale/chinese-from-build-tree", test_chinese_from_build_tree);
  g_test_add_func ("/locale/unnamed-rows-and-columns", test_unnamed_rows_and_columns);
  g_test_add_func ("/locale/form-names", test_form_names);
  return g_test_run ();
}
