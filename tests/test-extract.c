/* test-extract.c: tables taken by hand from an area, in the window, under Xvfb
 *
 *   xvfb-run -a meson test -C build test-extract
 *
 * Lines selected in a text report's source view become a table of the
 * document (the tables list, the audit, a provenance note); a rectangle with
 * column separators is kept in PDF points over the page.
 */
#include <gtk/gtk.h>
#include <string.h>

#include "cf-test-util.h"
#include "cf-application.h"
#include "cf-area-select.h"
#include "cf-window.h"

static CfApplication *app;

static void
spin_for (double seconds)
{
  gint64 end = g_get_monotonic_time () + (gint64) (seconds * G_USEC_PER_SEC);

  while (g_get_monotonic_time () < end)
    {
      g_main_context_iteration (NULL, FALSE);
      g_usleep (1000);
    }
}

static CfWindow *
open_report (const char *sub, const char *name)
{
  g_autofree char *path = cf_test_path ("corpus", sub, name, NULL);
  g_autoptr (GFile) file = g_file_new_for_path (path);
  CfWindow *window = cf_window_new (app);
  gint64 end = g_get_monotonic_time () + (gint64) (cf_test_time_limit (60) * G_USEC_PER_SEC);

  gtk_window_set_default_size (GTK_WINDOW (window), 1200, 800);
  gtk_window_present (GTK_WINDOW (window));
  cf_window_open_file (window, file);
  while (cf_window_is_loading (window))
    {
      g_assert_cmpint (g_get_monotonic_time (), <, end);
      g_main_context_iteration (NULL, FALSE);
      g_usleep (1000);
    }
  spin_for (0.2);
  g_assert_nonnull (cf_window_get_document (window));
  return window;
}

static guint
count_rows (GtkListBox *list)
{
  guint n = 0;

  while (gtk_list_box_get_row_at_index (list, (int) n) != NULL)
    n++;
  return n;
}

static CfFinding *
find_rule (CfDocument *document, const char *rule)
{
  GPtrArray *findings = cf_document_get_findings (document);

  for (guint i = 0; i < findings->len; i++)
    {
      CfFinding *finding = g_ptr_array_index (findings, i);

      if (g_strcmp0 (finding->rule, rule) == 0)
        return finding;
    }
  return NULL;
}

/* Selects the characters of the byte range [offset, offset + length) in the source view. */
static void
select_bytes (CfWindow *window, gint64 offset, gint64 length)
{
  CfDocument *document = cf_window_get_document (window);
  const char *text = cf_document_get_text (document, NULL);
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (cf_source_view_get_text_view (cf_window_get_source_view (window)));
  GtkTextIter start, end;

  gtk_text_buffer_get_iter_at_offset (buffer, &start, (int) g_utf8_pointer_to_offset (text, text + offset));
  gtk_text_buffer_get_iter_at_offset (buffer, &end,
                                      (int) g_utf8_pointer_to_offset (text, text + offset + length));
  gtk_text_buffer_select_range (buffer, &start, &end);
}

static GtkWidget *
find_by_action (GtkWidget *widget, const char *action)
{
  if (GTK_IS_ACTIONABLE (widget) &&
      g_strcmp0 (gtk_actionable_get_action_name (GTK_ACTIONABLE (widget)), action) == 0)
    return widget;
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find_by_action (child, action);

      if (found != NULL)
        return found;
    }
  return NULL;
}

/* Whether win.@name runs: a disabled action does nothing, so no toast. */
static gboolean
action_runs (CfWindow *window, const char *name, GVariant *param)
{
  g_autofree char *before = g_strdup (cf_window_get_last_message (window));
  g_autofree char *full = g_strconcat ("win.", name, NULL);

  gtk_widget_activate_action_variant (GTK_WIDGET (window), full, param);
  spin_for (0.1);
  return g_strcmp0 (before, cf_window_get_last_message (window)) != 0;
}

static void
test_text_selection (void)
{
  CfWindow *window = open_report ("text", "danfeng-psb-2020.txt");
  CfDocument *document = cf_window_get_document (window);
  GPtrArray *tables = cf_document_get_tables (document);
  guint n_tables = tables->len;
  CfTable *model;
  CfTable *extracted;
  CfFinding *note;
  gint64 offset, length;
  g_autoptr (GError) error = NULL;
  int index;

  g_assert_cmpuint (n_tables, >, 0);
  model = g_ptr_array_index (tables, n_tables - 1);
  cf_table_get_range (model, &offset, &length);
  g_assert_cmpint (offset, >=, 0);
  g_assert_cmpint (length, >, 0);

  /* Nothing selected: nothing to extract. */
  g_assert_false (action_runs (window, "extract-selection", g_variant_new_string ("auto")));

  /* The last table's lines, selected from the middle of its first line: the
   * selection takes whole lines. */
  select_bytes (window, offset + 3, length - 3);
  spin_for (0.1);
  g_assert_true (action_runs (window, "extract-selection", g_variant_new_string ("auto")));
  g_assert_true (g_str_has_prefix (cf_window_get_last_message (window), "Extracted a table of "));

  g_assert_cmpuint (tables->len, ==, n_tables + 1);
  extracted = g_ptr_array_index (tables, n_tables);
  g_assert_cmpint (cf_table_get_n_rows (extracted), ==, cf_table_get_n_rows (model));
  g_assert_cmpint (cf_table_get_n_cols (extracted), >=, 2);
  g_assert_cmpint (cf_table_get_n_cells (extracted), >, 0);
  /* It joined the document like any other: listed, shown, audited. */
  g_assert_cmpuint (count_rows (cf_window_get_tables_list (window)), ==, n_tables + 1);
  g_assert_true (cf_grid_view_get_table (cf_window_get_grid_view (window)) == extracted);
  g_assert_true (cf_document_find_table (document, cf_table_get_id (extracted)) == extracted);
  /* With its provenance: where it came from, in the findings. */
  note = find_rule (document, "extract.area");
  g_assert_nonnull (note);
  g_assert_cmpint (note->severity, ==, CF_SEVERITY_INFO);
  g_assert_cmpstr (note->table, ==, cf_table_get_id (extracted));
  g_assert_cmpint (note->offset, <=, offset);
  g_assert_cmpint (note->offset + note->length, >=, offset + length - 1);
  g_assert_nonnull (strstr (note->message, "lines"));
  g_assert_cmpuint (count_rows (cf_window_get_findings_list (window)), ==,
                    cf_document_get_findings (document)->len);

  /* Prose holds no table: the window says so and adds nothing. */
  index = cf_window_extract_text_range (window, 0, 1, NULL, &error);
  g_assert_cmpint (index, ==, -1);
  g_assert_error (error, CF_ERROR, CF_ERROR_INVALID);
  g_assert_nonnull (strstr (error->message, "No table was found in lines 1–1"));
  g_assert_cmpuint (tables->len, ==, n_tables + 1);

  gtk_window_destroy (GTK_WINDOW (window));
  spin_for (0.1);
}

static void
test_area_select (void)
{
  CfAreaSelect *area = CF_AREA_SELECT (g_object_ref_sink (cf_area_select_new ()));
  double rect[4] = { 300, 400, 100, 200 };
  double got[4];
  const double *columns;
  guint n = 0;

  g_assert_false (cf_area_select_get_area (area, got));
  g_assert_false (cf_area_select_get_active (area));
  g_assert_false (gtk_widget_get_can_target (GTK_WIDGET (area)));
  cf_area_select_set_active (area, TRUE);
  g_assert_true (gtk_widget_get_can_target (GTK_WIDGET (area)));

  /* Corners in any order make one x0 < x1, y0 < y1 rectangle. */
  cf_area_select_set_area (area, rect);
  g_assert_true (cf_area_select_get_area (area, got));
  g_assert_cmpfloat (got[0], ==, 100);
  g_assert_cmpfloat (got[1], ==, 200);
  g_assert_cmpfloat (got[2], ==, 300);
  g_assert_cmpfloat (got[3], ==, 400);

  /* Separators only inside, kept in order. */
  g_assert_true (cf_area_select_add_column (area, 250));
  g_assert_true (cf_area_select_add_column (area, 150));
  g_assert_false (cf_area_select_add_column (area, 50));
  g_assert_false (cf_area_select_add_column (area, 300));
  columns = cf_area_select_get_columns (area, &n);
  g_assert_cmpuint (n, ==, 2);
  g_assert_cmpfloat (columns[0], ==, 150);
  g_assert_cmpfloat (columns[1], ==, 250);

  /* Turning it off forgets the area. */
  cf_area_select_set_active (area, FALSE);
  g_assert_false (cf_area_select_get_area (area, got));
  cf_area_select_get_columns (area, &n);
  g_assert_cmpuint (n, ==, 0);
  g_object_unref (area);
}

static void
test_pdf_area_action (void)
{
  g_autofree char *path = cf_test_path ("pdf", "shanghai-gov-office-2019.pdf", NULL);
  g_autoptr (GFile) file = g_file_new_for_path (path);
  CfWindow *window = cf_window_new (app);
  gint64 end = g_get_monotonic_time () + (gint64) (cf_test_time_limit (60) * G_USEC_PER_SEC);
  GtkWidget *pdf_view;
  GtkWidget *overlay;

  gtk_window_set_default_size (GTK_WINDOW (window), 1200, 800);
  gtk_window_present (GTK_WINDOW (window));
  cf_window_open_file (window, file);
  while (cf_window_is_loading (window))
    {
      g_assert_cmpint (g_get_monotonic_time (), <, end);
      g_main_context_iteration (NULL, FALSE);
      g_usleep (1000);
    }
  spin_for (0.3);

  /* The area is drawn over the page, in the same overlay. */
  pdf_view = GTK_WIDGET (cf_window_get_pdf_view (window));
  overlay = gtk_widget_get_parent (pdf_view);
  g_assert_true (GTK_IS_OVERLAY (overlay));
  g_assert_true (CF_IS_AREA_SELECT (gtk_widget_get_next_sibling (pdf_view)) ||
                 CF_IS_AREA_SELECT (gtk_widget_get_prev_sibling (pdf_view)));
  /* Text selection is for text reports; the PDF area reader is not in the
   * core yet, so extracting an area stays off. */
  g_assert_false (action_runs (window, "extract-selection", g_variant_new_string ("auto")));
  g_assert_false (action_runs (window, "extract-area", g_variant_new_string ("ruled")));
  g_assert_false (gtk_widget_get_sensitive (find_by_action (GTK_WIDGET (window), "win.extract-area")));
  g_assert_true (gtk_widget_get_sensitive (find_by_action (GTK_WIDGET (window), "win.select-area")));

  gtk_window_destroy (GTK_WINDOW (window));
  spin_for (0.1);
}

int
main (int argc, char **argv)
{
  g_autofree char *data = NULL;
  int status;

  g_setenv ("GSK_RENDERER", "cairo", FALSE);
  g_setenv ("GDK_BACKEND", "x11", FALSE);
  g_setenv ("NO_AT_BRIDGE", "1", TRUE);
  g_setenv ("GTK_A11Y", "test", FALSE);
  g_setenv ("GSETTINGS_BACKEND", "memory", TRUE);

  g_test_init (&argc, &argv, NULL);
  if (!gtk_init_check ())
    {
      g_test_message ("no display: run under xvfb-run");
      g_test_add_func ("/extract/text-selection", (GTestFunc) g_test_skip);
      return g_test_run ();
    }
  adw_init ();
  app = cf_application_new ();
  g_application_register (G_APPLICATION (app), NULL, NULL);

  g_test_add_func ("/extract/text-selection", test_text_selection);
  g_test_add_func ("/extract/area-select", test_area_select);
  g_test_add_func ("/extract/pdf-area-action", test_pdf_area_action);
  /* The corrections store of the documents shown: a fresh one, thrown away. */
  data = cf_test_make_tmpdir ();
  g_setenv ("CROSSFOOT_DATA_DIR", data, TRUE);
  status = g_test_run ();
  cf_test_rm_rf (data);
  return status;
}
