#!/bin/sh
# bench-generic.sh: generic table extraction on PDFs no rule was tuned on
# (issue #15): tools/generic-tables/gen.py prints seeded random generic tables
# through Chromium, wkhtmltopdf and LibreOffice with ICDAR 2013 ground truth
# (cached in ~/.cache/crossfoot-generic, made once), and
# ../shared/tools/icdar-score scores them as bench-icdar.sh scores the EU half.
#
# Usage: bench/bench-generic.sh [CROSSFOOT_CLI] [CORPUS_DIR]
#   GEN_DOCS=N  documents to generate (default 40; three PDFs each)
set -eu

here=$(cd "$(dirname "$0")/.." && pwd)
cli=${1:-${CF_CLI:-$here/_build/src/cli/crossfoot-cli}}
corpus=${2:-${CF_GENERIC_CACHE:-$HOME/.cache/crossfoot-generic}}
score=${ICDAR_SCORE:-$here/../shared/tools/icdar-score}

[ -x "$cli" ] || { echo "bench-generic: no CLI at $cli (build first or pass its path)" >&2; exit 2; }
[ -f "$score" ] || { echo "bench-generic: no scorer at $score" >&2; exit 2; }
export CROSSFOOT_FORMS_DIR=${CROSSFOOT_FORMS_DIR:-$here/data/forms}

python3 "$here/tools/generic-tables/gen.py" "$corpus" --docs "${GEN_DOCS:-40}"
status=0
if [ -x /usr/bin/time ]; then
  /usr/bin/time -f "wall %e s, CPU %U s user + %S s system, peak %M KB" \
    python3 "$score" "$cli" "$corpus" --verbose || status=$?
else
  python3 "$score" "$cli" "$corpus" --verbose || status=$?
fi
# Per producer: the same scorer on each producer's PDFs alone.
for producer in chromium wkhtmltopdf libreoffice; do
  tmp=$(mktemp -d)
  for f in "$corpus"/*."$producer".pdf; do
    [ -e "$f" ] || continue
    ln -s "$f" "$tmp/"
    ln -s "${f%.pdf}-str.xml" "$tmp/"
  done
  printf '%s: ' "$producer"
  python3 "$score" "$cli" "$tmp" | tail -1 || true
  rm -rf "$tmp"
done
exit "$status"
