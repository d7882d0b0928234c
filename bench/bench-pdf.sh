#!/bin/sh
# bench-pdf.sh: how fast crossfoot-cli reads a long PDF report, next to pdftotext.
#
# Usage: bench/bench-pdf.sh [CROSSFOOT_CLI] [N_SECTIONS]
#   CROSSFOOT_CLI  the built CLI (default: $CF_CLI, else build/src/cli/crossfoot-cli)
#   N_SECTIONS     report sections to generate (default 24: about 50 pages)
#
# Writes an HTML report of N_SECTIONS sections (prose, a ruled gip-2021
# requests table of 29 rows with merged headers, a borderless summary table),
# prints it to PDF with LibreOffice (package libreoffice-writer-nogui, fonts
# fonts-noto-cjk), then times `crossfoot-cli audit FILE` and
# `pdftotext -layout FILE` (package poppler-utils) in the same run with GNU time
# (package time), printing wall time, CPU time (user + system) and peak
# resident memory of each. On a busy machine wall time follows the load; the
# CPU ratio does less. BENCH_RUNS=N runs each command N times and keeps the
# fastest run of each. Targets: audit within 3x of pdftotext, peak RSS under
# 150 MB.
set -eu

here=$(cd "$(dirname "$0")/.." && pwd)
cli=${1:-${CF_CLI:-$here/build/src/cli/crossfoot-cli}}
sections=${2:-24}

[ -x "$cli" ] || { echo "bench-pdf: no CLI at $cli (build first or pass its path)" >&2; exit 2; }
for tool in /usr/bin/time soffice pdftotext python3; do
  command -v "$tool" > /dev/null || { echo "bench-pdf: needs $tool" >&2; exit 2; }
done
export CROSSFOOT_FORMS_DIR=${CROSSFOOT_FORMS_DIR:-$here/data/forms}

work=$(mktemp -d "${TMPDIR:-/tmp}/bench-pdf.XXXXXX")
[ -n "${BENCH_KEEP:-}" ] || trap 'rm -rf "$work"' EXIT INT TERM

python3 "$here/bench/make-report.py" "$sections" 2023 > "$work/report.html"

(cd "$work" && soffice --headless --infilter="HTML (StarWriter)" --convert-to pdf:writer_pdf_Export \
   report.html > /dev/null 2>&1)
[ -s "$work/report.pdf" ] || { echo "bench-pdf: LibreOffice made no PDF" >&2; exit 2; }
pages=$(pdfinfo "$work/report.pdf" | sed -n 's/^Pages: *//p')
echo "report:  $pages pages, $(($(wc -c < "$work/report.pdf") / 1024)) KiB"
echo "cli:     $cli"

. "$here/bench/bench-lib.sh"

run "pdftotext -layout" pdftotext -layout "$work/report.pdf" "$work/report.txt"
run "crossfoot-cli audit" "$cli" audit "$work/report.pdf"
run "crossfoot-cli audit --json" "$cli" audit --json "$work/report.pdf"
awk -v a="$(cat "$work/secs.crossfoot-cli audit")" -v p="$(cat "$work/secs.pdftotext -layout")" \
  'BEGIN { printf "audit / pdftotext: %.2fx\n", (p > 0 ? a / p : 0) }'
awk -v a="$(cat "$work/cpu.crossfoot-cli audit")" -v p="$(cat "$work/cpu.pdftotext -layout")" \
  'BEGIN { printf "audit / pdftotext (cpu): %.2fx\n", (p > 0 ? a / p : 0) }'
"$cli" audit "$work/report.pdf" | head -1
