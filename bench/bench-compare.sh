#!/bin/sh
# bench-compare.sh: how fast crossfoot-cli compares two long PDF reports of one body.
#
# Usage: bench/bench-compare.sh [CROSSFOOT_CLI] [N_SECTIONS]
#   CROSSFOOT_CLI  the built CLI (default: $CF_CLI, else build/src/cli/crossfoot-cli)
#   N_SECTIONS     report sections to generate per year (default 24: about 50 pages)
#
# Writes two HTML reports of one body for consecutive years (2022, 2023) as
# bench-pdf.sh does (make-report.py) — prose, a ruled gip-2021 requests table, a borderless
# table per section — with some figures and sentences changed the second
# year, prints both to PDF with LibreOffice (libreoffice-writer-nogui,
# fonts-noto-cjk), then times with GNU time (package time) `crossfoot-cli
# audit` of one of them, `crossfoot-cli compare OLD NEW`, with --json, and
# with --pdf (the comparison report drawn too), printing wall time, CPU time
# and peak resident memory. BENCH_RUNS=N keeps the fastest of N runs.
set -eu

here=$(cd "$(dirname "$0")/.." && pwd)
cli=${1:-${CF_CLI:-$here/build/src/cli/crossfoot-cli}}
sections=${2:-24}

[ -x "$cli" ] || { echo "bench-compare: no CLI at $cli (build first or pass its path)" >&2; exit 2; }
for tool in /usr/bin/time soffice pdfinfo python3; do
  command -v "$tool" > /dev/null || { echo "bench-compare: needs $tool" >&2; exit 2; }
done
export CROSSFOOT_FORMS_DIR=${CROSSFOOT_FORMS_DIR:-$here/data/forms}
# The saved corrections of the person running it stay out of the figures.
export CROSSFOOT_DATA_DIR=$(mktemp -d "${TMPDIR:-/tmp}/bench-compare-data.XXXXXX")

work=$(mktemp -d "${TMPDIR:-/tmp}/bench-compare.XXXXXX")
[ -n "${BENCH_KEEP:-}" ] || trap 'rm -rf "$work" "$CROSSFOOT_DATA_DIR"' EXIT INT TERM

for year in 2022 2023; do
  python3 "$here/bench/make-report.py" "$sections" "$year" $((year - 2022)) \
    > "$work/report-$year.html"
  (cd "$work" && soffice --headless --infilter="HTML (StarWriter)" \
     --convert-to pdf:writer_pdf_Export "report-$year.html" > /dev/null 2>&1)
  [ -s "$work/report-$year.pdf" ] || { echo "bench-compare: LibreOffice made no PDF" >&2; exit 2; }
  echo "report $year: $(pdfinfo "$work/report-$year.pdf" | sed -n 's/^Pages: *//p') pages"
done
echo "cli:     $cli"

. "$here/bench/bench-lib.sh"

old=$work/report-2022.pdf
new=$work/report-2023.pdf
run "crossfoot-cli audit (one year)" "$cli" audit "$new"
run "crossfoot-cli compare" "$cli" compare "$old" "$new"
run "crossfoot-cli compare --json" "$cli" compare --json "$old" "$new"
run "crossfoot-cli compare --pdf" "$cli" compare --pdf "$work/compare.pdf" "$old" "$new"
"$cli" compare "$old" "$new" | sed -n '/^Cells/p;/^Carry-over/p;/^Text/p'
