/* cf-test-gui.h: what the app tests share: the GTK set-up, main-loop waits,
 * windows and the widgets the tests look for (GTK; see cf-test-util.h for
 * the rest) */
#pragma once

#include <gtk/gtk.h>

#include "cf-test-util.h"
#include "cf-application.h"
#include "cf-window.h"
#include "cf-inbox-view.h"

/* Sets the environment GUI tests run in (the cairo renderer on X11, no
 * accessibility bus but GTK's test backend, GSettings in memory), then
 * g_test_init (). */
void        cf_test_gui_init        (int            *argc,
                                     char         ***argv);
/* Initialises GTK and libadwaita. Without a display it says so, adds
 * @skipped_path as a skipped test and returns FALSE: the caller then runs
 * what it added (g_test_run) and stops. */
gboolean    cf_test_gui_start       (const char     *skipped_path);

/* Runs the main loop for @seconds. */
void        cf_test_spin_for        (double          seconds);
/* Runs the main loop until @done (@data) or @seconds pass; whether @done. */
gboolean    cf_test_spin_until      (gboolean      (*done) (gpointer),
                                     gpointer        data,
                                     double          seconds);

/* The app, registered, but not as the session's instance (non-unique). */
CfApplication *cf_test_new_application (void);
/* A new window of @app, 1200×800, presented. */
CfWindow   *cf_test_new_window      (CfApplication  *app);
/* Waits (failing after @seconds) until @window has loaded what it opened,
 * then lets it draw for 0.2 s. */
void        cf_test_wait_loaded     (CfWindow       *window,
                                     double          seconds);
/* cf_test_new_window () with the file at @path opened and loaded. */
CfWindow   *cf_test_open_window     (CfApplication  *app,
                                     const char     *path,
                                     double          seconds);
/* Destroys @window and runs the main loop @settle seconds after. */
void        cf_test_close_window    (CfWindow       *window,
                                     double          settle);
/* Runs the main loop while @batch works (failing after @seconds), then
 * 0.3 s more for the views to catch up. */
void        cf_test_wait_batch      (CfBatch        *batch,
                                     double          seconds);

/* Selects grid cell (@row, @col) and waits until the grid shows a widget
 * for it; that widget. */
GtkWidget  *cf_test_show_cell       (CfWindow       *window,
                                     int             row,
                                     int             col);
/* Shows table @table_id of @window's document in the grid; its cell at
 * (@row_key, @col_key), which must be there. */
CfCell     *cf_test_show_table_cell (CfWindow       *window,
                                     const char     *table_id,
                                     const char     *row_key,
                                     const char     *col_key);
/* How many rows @list holds. */
guint       cf_test_count_rows      (GtkListBox     *list);
/* The first widget under @widget (itself included, depth first) that
 * @match (widget, @data) accepts, or NULL. */
GtkWidget  *cf_test_find_widget     (GtkWidget      *widget,
                                     gboolean      (*match) (GtkWidget *, gconstpointer),
                                     gconstpointer   data);
/* The first actionable widget under @widget whose action is @action
 * ("win.open"), or NULL. */
GtkWidget  *cf_test_find_by_action  (GtkWidget      *widget,
                                     const char     *action);
/* The first widget under @widget that is a @type, or NULL. */
GtkWidget  *cf_test_find_descendant (GtkWidget      *widget,
                                     GType           type);
/* Appends the text of every label under @widget to @out, a line each. */
void        cf_test_collect_text    (GtkWidget      *widget,
                                     GString        *out);
/* Where the document named @name stands in @inbox's list now; fails the
 * test when it is not there. */
guint       cf_test_inbox_position  (CfInboxView    *inbox,
                                     const char     *name);
/* The table @id of @window's document and its position in the tables
 * list (@index); fails the test when there is none. */
CfTable    *cf_test_find_table      (CfWindow       *window,
                                     const char     *id,
                                     guint          *index);
