#!/bin/sh
# bench-big.sh: crossfoot-cli audit on one big text report, 10, 50 and 100 MB.
#
# Usage: bench/bench-big.sh [CROSSFOOT_CLI] [REPORT] [SIZES_MB]
#   CROSSFOOT_CLI  the built CLI (default: $CF_CLI, else build/src/cli/crossfoot-cli)
#   REPORT         a real report to repeat (default tests/corpus/text/danfeng-psb-2020.txt)
#   SIZES_MB       sizes to make, in MB (default "10 50 100")
#
# Repeats REPORT whole until the file reaches each size, then times
# `crossfoot-cli audit FILE` with GNU time (package "time"): wall time, CPU
# time (user + system: on a busy machine the wall clock follows the load),
# peak resident memory and that peak per input byte. Targets at 100 MB:
# under 10 s and under 1 GB, memory growing no faster than the input.
set -eu

here=$(cd "$(dirname "$0")/.." && pwd)
cli=${1:-${CF_CLI:-$here/build/src/cli/crossfoot-cli}}
report=${2:-$here/tests/corpus/text/danfeng-psb-2020.txt}
sizes=${3:-10 50 100}

[ -x "$cli" ] || { echo "bench-big: no CLI at $cli (build first or pass its path)" >&2; exit 2; }
[ -x /usr/bin/time ] || { echo "bench-big: needs GNU time (apt-get install time)" >&2; exit 2; }
[ -r "$report" ] || { echo "bench-big: cannot read $report" >&2; exit 2; }
export CROSSFOOT_FORMS_DIR=${CROSSFOOT_FORMS_DIR:-$here/data/forms}

work=$(mktemp -d "${TMPDIR:-/tmp}/bench-big.XXXXXX")
trap 'rm -rf "$work"' EXIT INT TERM

echo "cli:    $cli"
echo "report: $report ($(wc -c < "$report") bytes), repeated"
for mb in $sizes; do
  python3 - "$report" "$mb" "$work/big.txt" <<'PY'
import sys
unit = open(sys.argv[1], "rb").read()
with open(sys.argv[3], "wb") as out:
    out.write(unit * (int(sys.argv[2]) * 1024 * 1024 // len(unit) + 1))
PY
  bytes=$(wc -c < "$work/big.txt")
  status=0
  /usr/bin/time -v -o "$work/time" "$cli" audit "$work/big.txt" > "$work/out" 2> "$work/err" || status=$?
  # 0: no error found, 1: errors found; both mean the audit ran.
  [ "$status" -le 1 ] || { echo "$mb MB: exit $status"; head -5 "$work/err"; continue; }
  awk -v mb="$mb" -v bytes="$bytes" -v summary="$(head -1 "$work/out" | sed 's/^[^:]*: //')" '
    /Elapsed \(wall clock\)/ { n = split($NF, p, ":"); wall = 0; for (i = 1; i <= n; i++) wall = wall * 60 + p[i] }
    /User time/ { cpu += $NF } /System time/ { cpu += $NF }
    /Maximum resident set size/ { rss = $NF * 1024 }
    END { printf "%4d MB: wall %6.2f s, cpu %6.2f s, peak RSS %6.0f MB (%.1f bytes per input byte); %s\n",
                 mb, wall, cpu, rss / 1048576, rss / bytes, summary }' "$work/time"
done
