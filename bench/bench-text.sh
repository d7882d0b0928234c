#!/bin/sh
# bench-text.sh: how fast crossfoot-cli audits text reports, and how much memory it takes.
#
# Usage: bench/bench-text.sh [CROSSFOOT_CLI] [N_REPORTS] [BATCH_SIZE]
#   CROSSFOOT_CLI  the built CLI (default: $CF_CLI, else build/src/cli/crossfoot-cli)
#   N_REPORTS      how many reports to make from tests/corpus/text (default 1000)
#   BATCH_SIZE     files per call in the batched run (default 100)
#
# Makes N_REPORTS text reports (the corpus repeated) in a temporary folder, then
# runs `crossfoot-cli audit` (human output and --json) over all of them in one
# call, and in calls of BATCH_SIZE files, printing reports/second and the peak
# resident memory (GNU time, package "time").
set -eu

here=$(cd "$(dirname "$0")/.." && pwd)
cli=${1:-${CF_CLI:-$here/build/src/cli/crossfoot-cli}}
n=${2:-1000}
batch=${3:-100}
corpus=$here/tests/corpus/text

[ -x "$cli" ] || { echo "bench-text: no CLI at $cli (build first or pass its path)" >&2; exit 2; }
[ -x /usr/bin/time ] || { echo "bench-text: needs GNU time (apt-get install time)" >&2; exit 2; }
export CROSSFOOT_FORMS_DIR=${CROSSFOOT_FORMS_DIR:-$here/data/forms}

work=$(mktemp -d "${TMPDIR:-/tmp}/bench-text.XXXXXX")
trap 'rm -rf "$work"' EXIT INT TERM
mkdir "$work/reports"

set -- "$corpus"/*.txt
[ -e "$1" ] || { echo "bench-text: no text reports in $corpus" >&2; exit 2; }
i=0
while [ "$i" -lt "$n" ]; do
  for src in "$corpus"/*.txt; do
    [ "$i" -lt "$n" ] || break
    cp "$src" "$work/reports/$(printf '%05d' "$i")-$(basename "$src")"
    i=$((i + 1))
  done
done
bytes=$(cat "$work"/reports/* | wc -c)
echo "reports: $n text files, $((bytes / 1024)) KiB, from $(ls "$corpus"/*.txt | wc -l) corpus files"
echo "cli:     $cli"

# run LABEL CMD...: times CMD with GNU time; prints reports/s and peak RSS.
run () {
  label=$1
  shift
  start=$(date +%s.%N)
  status=0
  /usr/bin/time -v -o "$work/time" "$@" > "$work/out" 2> "$work/err" || status=$?
  end=$(date +%s.%N)
  # 1: an error-severity finding; 123: xargs saying a child exited with 1.
  case $status in
    0|1|123) ;;
    *) echo "$label: exit $status"; head -5 "$work/err" ;;
  esac
  rss=$(sed -n 's/.*Maximum resident set size (kbytes): //p' "$work/time")
  user=$(sed -n 's/.*User time (seconds): //p' "$work/time")
  sys=$(sed -n 's/.*System time (seconds): //p' "$work/time")
  # The wall clock depends on what else the machine runs; CPU time does less.
  awk -v l="$label" -v n="$n" -v s="$start" -v e="$end" -v u="$user" -v y="$sys" -v rss="$rss" \
      -v out="$(wc -c < "$work/out")" \
    'BEGIN { t = e - s; c = u + y; if (c <= 0) c = 0.001;
             printf "%-30s wall %6.2f s %7.1f reports/s | cpu %6.2f s %7.1f reports/s | peak RSS %5.1f MB | out %d KiB\n",
                    l, t, n / t, c, n / c, rss / 1024, out / 1024 }'
}

run "audit (one call)" "$cli" audit "$work"/reports/*
run "audit --json (one call)" "$cli" audit --json "$work"/reports/*
# Batches: xargs runs one CLI per BATCH_SIZE files; GNU time reports the
# largest child's peak.
run "audit --json (batches of $batch)" \
  sh -c 'ls "$1"/* | xargs -n "$2" "$3" audit --json' sh "$work/reports" "$batch" "$cli"
run "export --long (one call)" "$cli" export --long -o "$work/cells.csv" "$work"/reports/*
