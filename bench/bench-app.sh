#!/bin/sh
# bench-app.sh: how fast the desktop app shows itself, a long PDF, and scrolls.
#
# Usage: bench/bench-app.sh [CROSSFOOT_APP] [CROSSFOOT_CLI]
#   CROSSFOOT_APP  an app built with -Dbench=true (default: $CF_APP, else the
#                  one bench/build.sh builds in _build-bench)
#   CROSSFOOT_CLI  the built CLI, for bench-pdf.sh (default: next to the app)
#
# Runs the app under its own Xvfb (1600x1000) with CROSSFOOT_BENCH set (see
# src/app/cf-bench.h: the app prints "bench: ..." lines after the frame that
# shows the thing measured, then quits) and GNU time for peak memory:
#   1. start → window shown (empty window), best and worst of 5 runs;
#   2. a 50-page PDF (made by bench/bench-pdf.sh with LibreOffice) on the
#      command line: start of reading → its tables shown;
#   3. a text report with one 10,000 × 20 tab-separated table: read, then the
#      table scrolled 150 frames by a wheel step, 150 by a page; frame
#      intervals (mean, 99th percentile, max) reported.
# Targets: window under 1 s, tables under 2 s, no frame over 50 ms while
# scrolling, peak RSS under 250 MB.
# Needs: Xvfb (xvfb), GNU time (time), python3; for 2: soffice, pdfinfo.
set -eu

here=$(cd "$(dirname "$0")/.." && pwd)
# The timing hooks exist only in a -Dbench=true build: make one unless given.
app=${1:-${CF_APP:-}}
[ -n "$app" ] || app=$(sh "$here/bench/build.sh")/src/app/crossfoot
cli=${2:-$(dirname "$app")/../cli/crossfoot-cli}

[ -x "$app" ] || { echo "bench-app: no app at $app (build first or pass its path)" >&2; exit 2; }
for tool in Xvfb /usr/bin/time python3; do
  command -v "$tool" > /dev/null || { echo "bench-app: needs $tool" >&2; exit 2; }
done
export CROSSFOOT_FORMS_DIR=${CROSSFOOT_FORMS_DIR:-$here/data/forms}
export GSETTINGS_BACKEND=memory GDK_BACKEND=x11 NO_AT_BRIDGE=1
# Xvfb has no GPU: GL would be Mesa's software rasteriser, slower and bigger
# than GTK's cairo renderer and unlike any desktop. Override to compare.
export GSK_RENDERER=${GSK_RENDERER:-cairo}

work=$(mktemp -d "${TMPDIR:-/tmp}/bench-app.XXXXXX")
xvfb_pid=
cleanup () {
  [ -z "$xvfb_pid" ] || kill "$xvfb_pid" 2> /dev/null || true
  [ -n "${BENCH_KEEP:-}" ] || rm -rf "$work"
}
trap cleanup EXIT INT TERM

# Our own X server: -displayfd picks a free display and tells us which.
Xvfb -displayfd 3 -screen 0 1600x1000x24 -nolisten tcp 3> "$work/display" 2> /dev/null &
xvfb_pid=$!
for _ in $(seq 50); do [ -s "$work/display" ] && break; sleep 0.1; done
[ -s "$work/display" ] || { echo "bench-app: Xvfb did not start" >&2; exit 2; }
export DISPLAY=":$(cat "$work/display")"
# Throwaway data and settings: no saved corrections, no recent-files entries.
export XDG_DATA_HOME="$work/data" XDG_CONFIG_HOME="$work/config"

# run MODE ARGS...: the app with CROSSFOOT_BENCH=MODE under GNU time; its
# stdout in $work/out, its start time (wall clock) in $start, peak RSS in $rss (MB).
run () {
  mode=$1
  shift
  start=$(date +%s.%N)
  CROSSFOOT_BENCH=$mode timeout 300 /usr/bin/time -v -o "$work/time" "$app" "$@" \
    > "$work/out" 2> "$work/err" || { echo "bench-app: the app failed:"; tail -5 "$work/err"; }
  rss=$(sed -n 's/.*Maximum resident set size (kbytes): //p' "$work/time" | awk '{ printf "%.1f", $1 / 1024 }')
}

echo "app:     $app"
echo "display: $DISPLAY (Xvfb, no window manager), GSK_RENDERER=$GSK_RENDERER"

# 1. Start to window shown.
for i in 1 2 3 4 5; do
  run 1
  shown=$(sed -n 's/^bench: window-shown //p' "$work/out")
  [ -n "$shown" ] || { echo "bench-app: no window-shown line (was $app built with -Dbench=true?)"; cat "$work/out"; exit 1; }
  echo "$shown $start" | awk '{ printf "%.3f\n", $1 - $2 }' >> "$work/startup"
done
sort -n "$work/startup" | awk -v rss="$rss" '
  NR == 1 { best = $1 } { worst = $1 }
  END { printf "window shown:      best %.2f s, worst %.2f s of %d runs (target < 1 s), peak RSS %s MB\n",
               best, worst, NR, rss }'

# 2. A 50-page PDF: bench-pdf.sh makes it (and times the CLI on it too).
if command -v soffice > /dev/null && [ -x "$cli" ]; then
  echo "--- bench-pdf.sh (CLI on the same PDF) ---"
  TMPDIR=$work BENCH_KEEP=1 sh "$here/bench/bench-pdf.sh" "$cli" | sed 's/^/  /'
  pdf=$(ls "$work"/bench-pdf.*/report.pdf 2> /dev/null | head -1)
  if [ -n "$pdf" ]; then
    run 1 "$pdf"
    sed -n 's/^bench: tables-shown /PDF tables shown:  /p' "$work/out" | tr -d '\n'
    echo " (target < 2 s), peak RSS $rss MB"
  fi
else
  echo "PDF tables shown:  skipped (needs soffice and $cli)"
fi

# 3. Scrolling a 10,000-row table.
python3 - > "$work/big.txt" <<'PY'
import random
random.seed(1)
print("某市2023年政府信息公开工作年度报告（滚动基准）\n\n一、大表\n")
print("\t".join(["项目"] + ["第%d列" % c for c in range(1, 20)]))
for r in range(10000):
    print("\t".join(["第%d行" % (r + 1)] + [str(random.randint(0, 999)) for _ in range(19)]))
PY
run scroll "$work/big.txt"
sed -n 's/^bench: tables-shown /10k-row text read: /p' "$work/out"
sed -n 's/^bench: scrolling /scrolled:          /p' "$work/out"
sed -n 's/^bench: scroll-wheel /wheel (60 px):     /p; s/^bench: scroll-fling /fling (a page):    /p' "$work/out"
echo "scroll target: no frame over 50 ms; peak RSS $rss MB (target < 250 MB)"
