#include <adwaita.h>

#include "cf-test-gui.h"

void
cf_test_gui_init (int *argc, char ***argv)
{
  g_setenv ("GSK_RENDERER", "cairo", FALSE);
  /* No OpenGL probe either: Mesa's driver, loaded and unloaded for it, leaves
   * a block that LeakSanitizer can only name "<unknown module>". */
  g_setenv ("GDK_DEBUG", "gl-disable", FALSE);
  g_setenv ("GDK_BACKEND", "x11", FALSE);
  g_setenv ("NO_AT_BRIDGE", "1", TRUE);
  g_setenv ("GTK_A11Y", "test", FALSE);
  g_setenv ("GSETTINGS_BACKEND", "memory", TRUE);
  g_test_init (argc, argv, NULL);
}

gboolean
cf_test_gui_start (const char *skipped_path)
{
  if (!gtk_init_check ())
    {
      g_test_message ("no display: run under xvfb-run");
      g_test_add_func (skipped_path, (GTestFunc) g_test_skip);
      return FALSE;
    }
  adw_init ();
  return TRUE;
}

void
cf_test_spin_for (double seconds)
{
  gint64 end = g_get_monotonic_time () + (gint64) (seconds * G_USEC_PER_SEC);

  while (g_get_monotonic_time () < end)
    {
      g_main_context_iteration (NULL, FALSE);
      g_usleep (1000);
    }
}

gboolean
cf_test_spin_until (gboolean (*done) (gpointer), gpointer data, double seconds)
{
  gint64 end = g_get_monotonic_time () + (gint64) (seconds * G_USEC_PER_SEC);

  while (!done (data))
    {
      if (g_get_monotonic_time () > end)
        return FALSE;
      g_main_context_iteration (NULL, FALSE);
      g_usleep (1000);
    }
  return TRUE;
}

CfApplication *
cf_test_new_application (void)
{
  CfApplication *app = cf_application_new ();

  /* The app is single-instance; a test process must neither forward to a
   * primary instance nor become one that the apps tests start would find. */
  g_application_set_flags (G_APPLICATION (app),
                           g_application_get_flags (G_APPLICATION (app)) | G_APPLICATION_NON_UNIQUE);
  g_application_register (G_APPLICATION (app), NULL, NULL);
  return app;
}

CfWindow *
cf_test_new_window (CfApplication *app)
{
  CfWindow *window = cf_window_new (app);

  gtk_window_set_default_size (GTK_WINDOW (window), 1200, 800);
  gtk_window_present (GTK_WINDOW (window));
  return window;
}

static gboolean
not_loading (gpointer window)
{
  return !cf_window_is_loading (window);
}

void
cf_test_wait_loaded (CfWindow *window, double seconds)
{
  g_assert_true (cf_test_spin_until (not_loading, window, seconds));
  cf_test_spin_for (0.2);
}

CfWindow *
cf_test_open_window (CfApplication *app, const char *path, double seconds)
{
  CfWindow *window = cf_test_new_window (app);
  g_autoptr (GFile) file = g_file_new_for_path (path);

  cf_window_open_file (window, file);
  cf_test_wait_loaded (window, seconds);
  return window;
}

void
cf_test_close_window (CfWindow *window, double settle)
{
  gtk_window_destroy (GTK_WINDOW (window));
  cf_test_spin_for (settle);
}

static gboolean
batch_done (gpointer batch)
{
  return !cf_batch_is_running (batch);
}

void
cf_test_wait_batch (CfBatch *batch, double seconds)
{
  g_assert_true (cf_test_spin_until (batch_done, batch, seconds));
  cf_test_spin_for (0.3);
}

typedef struct
{
  CfGridView *grid;
  int         row;
  int         col;
} CellWait;

static gboolean
cell_is_shown (gpointer data)
{
  CellWait *wait = data;

  return cf_grid_view_get_cell_widget (wait->grid, wait->row, wait->col) != NULL;
}

GtkWidget *
cf_test_show_cell (CfWindow *window, int row, int col)
{
  CellWait wait = { cf_window_get_grid_view (window), row, col };

  cf_grid_view_select_cell (wait.grid, row, col, TRUE);
  g_assert_true (cf_test_spin_until (cell_is_shown, &wait, 10));
  return cf_grid_view_get_cell_widget (wait.grid, row, col);
}

CfCell *
cf_test_show_table_cell (CfWindow   *window,
                         const char *table_id,
                         const char *row_key,
                         const char *col_key)
{
  guint index = 0;
  CfTable *table = cf_test_find_table (window, table_id, &index);
  CfCell *cell;

  g_assert_nonnull (table);
  cell = cf_table_find_by_keys (table, row_key, col_key);
  g_assert_nonnull (cell);
  cf_window_select_table (window, index);
  cf_test_spin_for (0.2);
  g_assert_true (cf_grid_view_get_table (cf_window_get_grid_view (window)) == table);
  return cell;
}

guint
cf_test_count_rows (GtkListBox *list)
{
  guint n = 0;

  while (gtk_list_box_get_row_at_index (list, (int) n) != NULL)
    n++;
  return n;
}

GtkWidget *
cf_test_find_widget (GtkWidget *widget, gboolean (*match) (GtkWidget *, gconstpointer),
                     gconstpointer data)
{
  if (match (widget, data))
    return widget;
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = cf_test_find_widget (child, match, data);

      if (found != NULL)
        return found;
    }
  return NULL;
}

static gboolean
has_action (GtkWidget *widget, gconstpointer action)
{
  return GTK_IS_ACTIONABLE (widget) &&
         g_strcmp0 (gtk_actionable_get_action_name (GTK_ACTIONABLE (widget)), action) == 0;
}

GtkWidget *
cf_test_find_by_action (GtkWidget *widget, const char *action)
{
  return cf_test_find_widget (widget, has_action, action);
}

static gboolean
is_of_type (GtkWidget *widget, gconstpointer type)
{
  return G_TYPE_CHECK_INSTANCE_TYPE (widget, *(const GType *) type);
}

GtkWidget *
cf_test_find_descendant (GtkWidget *widget, GType type)
{
  return cf_test_find_widget (widget, is_of_type, &type);
}

void
cf_test_collect_text (GtkWidget *widget, GString *out)
{
  if (GTK_IS_LABEL (widget))
    {
      g_string_append (out, gtk_label_get_text (GTK_LABEL (widget)));
      g_string_append_c (out, '\n');
    }
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    cf_test_collect_text (child, out);
}

guint
cf_test_inbox_position (CfInboxView *inbox, const char *name)
{
  GListModel *model = cf_inbox_view_get_model (inbox);

  for (guint i = 0; i < g_list_model_get_n_items (model); i++)
    {
      g_autoptr (CfBatchEntry) entry = g_list_model_get_item (model, i);

      if (g_str_equal (cf_batch_entry_get_name (entry), name))
        return i;
    }
  g_error ("%s is not in the inbox", name);
  return 0;
}

CfTable *
cf_test_find_table (CfWindow *window, const char *id, guint *index)
{
  return cf_test_table_by_id (cf_window_get_document (window), id, index);
}
