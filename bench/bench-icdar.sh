#!/bin/sh
# bench-icdar.sh: generic table extraction on the ICDAR 2013 table competition
# PDFs (the EU half kept in ../shared/icdar2013-eu), scored as Camelot and
# Tabula publish it: table-detection F1 per page, content similarity, share of
# tables with the right number of rows and of columns, and the time.
#
# Usage: bench/bench-icdar.sh [CROSSFOOT_CLI] [DATASET_DIR]
#   CROSSFOOT_CLI  the built CLI (default: $CF_CLI, else _build/src/cli/crossfoot-cli)
#   DATASET_DIR    PDFs with their *-str.xml ground truth (default ../shared/icdar2013-eu)
#
# Runs ../shared/tools/icdar-score (or $ICDAR_SCORE) with --verbose, which
# reads `crossfoot-cli audit --json` of each PDF, and times the whole run with
# GNU time when it is there (wall, CPU, peak memory of the scorer and the CLI
# runs it starts). BENCH_RUNS=N repeats the run N times. Targets: F1 >= 0.93,
# similarity, rows and columns >= 0.85, the 27 PDFs in under 5 s.
set -eu

here=$(cd "$(dirname "$0")/.." && pwd)
cli=${1:-${CF_CLI:-$here/_build/src/cli/crossfoot-cli}}
data=${2:-$here/../shared/icdar2013-eu}
score=${ICDAR_SCORE:-$here/../shared/tools/icdar-score}
runs=${BENCH_RUNS:-1}

[ -x "$cli" ] || { echo "bench-icdar: no CLI at $cli (build first or pass its path)" >&2; exit 2; }
[ -d "$data" ] || { echo "bench-icdar: no data set at $data" >&2; exit 2; }
[ -f "$score" ] || { echo "bench-icdar: no scorer at $score" >&2; exit 2; }
export CROSSFOOT_FORMS_DIR=${CROSSFOOT_FORMS_DIR:-$here/data/forms}

status=0
i=0
while [ "$i" -lt "$runs" ]; do
  i=$((i + 1))
  echo "== run $i of $runs: $(ls "$data"/*.pdf | wc -l) PDFs in $data"
  if [ -x /usr/bin/time ]; then
    /usr/bin/time -f "wall %e s, CPU %U s user + %S s system, peak %M KB" \
      python3 "$score" "$cli" "$data" --verbose || status=$?
  else
    start=$(date +%s.%N)
    python3 "$score" "$cli" "$data" --verbose || status=$?
    echo "wall $(echo "$(date +%s.%N) - $start" | bc) s"
  fi
done
# icdar-score exits 0 when every target of F1 and the three shares is met.
[ "$status" -eq 0 ] && echo "targets met" || echo "targets not met (icdar-score exit $status)"
exit "$status"
