/* cf-bench.h: timing hooks for bench/bench-app.sh
 *
 * Off unless CROSSFOOT_BENCH is set in the environment:
 *   CROSSFOOT_BENCH=1       prints when the window is first drawn and, for a
 *                           report given on the command line, how long from
 *                           the start of reading to its tables drawn; then quits.
 *   CROSSFOOT_BENCH=scroll  also scrolls the biggest table down, 150 frames
 *                           by a wheel step (60 px) then 150 by a page, and
 *                           prints the frame intervals of each.
 * Lines start with "bench: " on stdout. Built only with -Dbench=true
 * (bench/build.sh): a release app has no such hooks.
 */
#pragma once

#include "cf-window.h"

G_BEGIN_DECLS

/* Watches @window when CROSSFOOT_BENCH is set; does nothing otherwise. */
void cf_bench_watch_window (CfWindow *window);

G_END_DECLS
