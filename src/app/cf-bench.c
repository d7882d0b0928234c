/* cf-bench.c: timing hooks for bench/bench-app.sh (see cf-bench.h)
 *
 * Times are taken where the person would see them: after the frame clock
 * painted the frame that shows the window, or the tables.
 */
#include "config.h"

#include <stdio.h>

#include "cf-bench.h"

/* Frames scrolled in each phase: a mouse wheel (a few rows a frame), then a
 * fling (a page a frame, every row new each frame: the worst case). */
#define PHASE_FRAMES 150
#define WHEEL_STEP   60.0

typedef struct
{
  CfWindow      *window;
  gboolean       scroll;
  gboolean       window_shown;
  gint64         open_started;    /* monotonic µs, 0 when not reading */
  gboolean       await_tables;    /* print after the next paint */
  gulong         paint_handler;
  GdkFrameClock *clock;

  /* Scrolling */
  GtkAdjustment *vadjustment;
  guint          tick_id;
  gboolean       fling;
  GArray        *paint_times;     /* gint64 monotonic µs of each paint while scrolling */
} Bench;

static void
bench_free (Bench *bench)
{
  if (bench->clock != NULL)
    g_clear_signal_handler (&bench->paint_handler, bench->clock);
  g_clear_object (&bench->clock);
  g_clear_pointer (&bench->paint_times, g_array_unref);
  g_free (bench);
}

static void
quit (void)
{
  GApplication *app = g_application_get_default ();

  fflush (stdout);
  if (app != NULL)
    g_application_quit (app);
}

static int
compare_gint64 (gconstpointer a, gconstpointer b)
{
  gint64 x = *(const gint64 *) a, y = *(const gint64 *) b;

  return x < y ? -1 : x > y;
}

static void
report_scroll (Bench *bench, const char *phase)
{
  g_autoptr (GArray) gaps = g_array_new (FALSE, FALSE, sizeof (gint64));
  gint64 total = 0;
  guint over = 0;

  for (guint i = 1; i < bench->paint_times->len; i++)
    {
      gint64 gap = g_array_index (bench->paint_times, gint64, i)
                 - g_array_index (bench->paint_times, gint64, i - 1);

      g_array_append_val (gaps, gap);
      total += gap;
      over += gap > 50000;
    }
  if (gaps->len == 0)
    {
      printf ("bench: scroll-%s frames=0\n", phase);
      return;
    }
  g_array_sort (gaps, compare_gint64);
  printf ("bench: scroll-%s frames=%u mean=%.1f ms p99=%.1f ms max=%.1f ms over-50ms=%u\n",
          phase, gaps->len, total / 1000.0 / gaps->len,
          g_array_index (gaps, gint64, (guint) (gaps->len * 0.99)) / 1000.0,
          g_array_index (gaps, gint64, gaps->len - 1) / 1000.0, over);
}

/* Down by a wheel step each frame, then by a page each frame. */
static gboolean
scroll_tick (GtkWidget *widget, GdkFrameClock *clock, gpointer data)
{
  Bench *bench = data;
  double value = gtk_adjustment_get_value (bench->vadjustment);
  double page = gtk_adjustment_get_page_size (bench->vadjustment);
  double upper = gtk_adjustment_get_upper (bench->vadjustment);

  if (value + page >= upper - 1 || bench->paint_times->len >= PHASE_FRAMES)
    {
      report_scroll (bench, bench->fling ? "fling" : "wheel");
      g_array_set_size (bench->paint_times, 0);
      if (bench->fling || value + page >= upper - 1)
        {
          bench->tick_id = 0;
          bench->vadjustment = NULL;
          quit ();
          return G_SOURCE_REMOVE;
        }
      bench->fling = TRUE;
    }
  gtk_adjustment_set_value (bench->vadjustment, value + (bench->fling ? page : WHEEL_STEP));
  return G_SOURCE_CONTINUE;
}

static guint
biggest_table (CfDocument *document)
{
  GPtrArray *tables = cf_document_get_tables (document);
  guint best = 0;

  for (guint i = 1; i < tables->len; i++)
    if (cf_table_get_n_rows (g_ptr_array_index (tables, i)) >
        cf_table_get_n_rows (g_ptr_array_index (tables, best)))
      best = i;
  return best;
}

static void
start_scrolling (Bench *bench)
{
  CfDocument *document = cf_window_get_document (bench->window);
  GtkWidget *view = GTK_WIDGET (cf_grid_view_get_column_view (cf_window_get_grid_view (bench->window)));
  GtkWidget *scroller = gtk_widget_get_ancestor (view, GTK_TYPE_SCROLLED_WINDOW);
  CfTable *table;

  if (document == NULL || cf_document_get_tables (document)->len == 0 || scroller == NULL)
    {
      printf ("bench: scroll: no table to scroll\n");
      quit ();
      return;
    }
  cf_window_select_table (bench->window, biggest_table (document));
  table = cf_grid_view_get_table (cf_window_get_grid_view (bench->window));
  printf ("bench: scrolling %d rows × %d columns\n",
          cf_table_get_n_rows (table), cf_table_get_n_cols (table));
  bench->vadjustment = gtk_scrolled_window_get_vadjustment (GTK_SCROLLED_WINDOW (scroller));
  bench->paint_times = g_array_new (FALSE, FALSE, sizeof (gint64));
  bench->tick_id = gtk_widget_add_tick_callback (view, scroll_tick, bench, NULL);
}

static void
on_after_paint (GdkFrameClock *clock, Bench *bench)
{
  gint64 now = g_get_monotonic_time ();

  if (!bench->window_shown)
    {
      bench->window_shown = TRUE;
      /* Wall-clock seconds: the script compares them with its start time. */
      printf ("bench: window-shown %.6f\n", g_get_real_time () / 1e6);
      if (g_strcmp0 (cf_window_get_view_name (bench->window), "empty") == 0)
        {
          quit ();
          return;
        }
    }
  if (bench->await_tables)
    {
      CfDocument *document = cf_window_get_document (bench->window);

      bench->await_tables = FALSE;
      printf ("bench: tables-shown %.3f s after open, %u tables, %d pages\n",
              (now - bench->open_started) / 1e6,
              document ? cf_document_get_tables (document)->len : 0,
              document ? cf_document_get_n_pages (document) : 0);
      bench->open_started = 0;
      if (bench->scroll)
        start_scrolling (bench);
      else
        quit ();
      return;
    }
  if (bench->tick_id != 0)
    g_array_append_val (bench->paint_times, now);
}

static void
on_page_changed (GObject *stack, GParamSpec *pspec, Bench *bench)
{
  const char *page = cf_window_get_view_name (bench->window);

  if (g_strcmp0 (page, "loading") == 0 && bench->open_started == 0)
    bench->open_started = g_get_monotonic_time ();
  else if (g_strcmp0 (page, "document") == 0 && bench->open_started != 0)
    {
      bench->await_tables = TRUE;
      gtk_widget_queue_draw (GTK_WIDGET (bench->window));
    }
}

static void
on_realize (GtkWidget *widget, Bench *bench)
{
  bench->clock = g_object_ref (gtk_widget_get_frame_clock (widget));
  bench->paint_handler = g_signal_connect (bench->clock, "after-paint",
                                           G_CALLBACK (on_after_paint), bench);
}

void
cf_bench_watch_window (CfWindow *window)
{
  const char *mode = g_getenv ("CROSSFOOT_BENCH");
  GtkWidget *stack;
  Bench *bench;

  if (mode == NULL || *mode == '\0')
    return;
  bench = g_new0 (Bench, 1);
  bench->window = window;
  bench->scroll = g_str_equal (mode, "scroll");
  g_object_set_data_full (G_OBJECT (window), "cf-bench", bench, (GDestroyNotify) bench_free);
  g_signal_connect (window, "realize", G_CALLBACK (on_realize), bench);
  /* The main stack is the child whose page names cf_window_get_view_name () reads. */
  stack = GTK_WIDGET (cf_window_get_inbox_view (window));
  stack = gtk_widget_get_ancestor (stack, GTK_TYPE_STACK);
  g_signal_connect (stack, "notify::visible-child-name", G_CALLBACK (on_page_changed), bench);
}
