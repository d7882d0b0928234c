#!/bin/sh
# The whole metamorphic matrix in one command: generates every variant into
# a cache folder outside git (made once, reused), checks each with
# test-metamorphic and prints the table per producer and layout.
#
#   sh tools/metamorphic/run.sh [BUILD_DIR] [--quick] [--slice]
#
# CACHE (default ~/.cache/crossfoot-metamorphic) is where the variants go.
# --quick   a few page-break positions per configuration, not all
# --slice   also refresh tests/metamorphic (the slice CI checks) and its
#           known-gaps.tsv from this run
# Needs (Debian): libreoffice-writer-nogui chromium wkhtmltopdf opencc w3m
# lynx html2text poppler-utils fonts-noto-cjk, and for the pango producer
# (tools/metamorphic/pango_print.py, run by /usr/bin/python3) python3-gi
# python3-gi-cairo gir1.2-pango-1.0; heavy: never run in CI. The producers
# are listed in matrix.py; MATRIX_ONLY=libreoffice-docx,pango (say) makes
# only those.
set -eu
here=$(cd "$(dirname "$0")" && pwd)
top=$(cd "$here/../.." && pwd)
build="$top/_build"
quick=
slice=
for arg in "$@"; do
  case "$arg" in
    --quick) quick=--quick ;;
    --slice) slice=1 ;;
    *) build=$(cd "$arg" && pwd) ;;
  esac
done
cache=${CACHE:-${XDG_CACHE_HOME:-$HOME/.cache}/crossfoot-metamorphic}
mkdir -p "$cache"
ninja -C "$build" tests/test-metamorphic >/dev/null
python3 "$here/matrix.py" "$cache" $quick ${MATRIX_ONLY:+--only "$MATRIX_ONLY"}

scratch=$(mktemp -d)
trap 'rm -rf "$scratch"' EXIT
# One page at a time: poppler/cairo pages rendered in parallel threads can
# deadlock in cairo's font cache (seen on this matrix; see the README).
check() {
  env CF_PDF_THREADS=1 XDG_DATA_HOME="$scratch/data" XDG_CONFIG_HOME="$scratch/config" \
      XDG_CACHE_HOME="$scratch/cache" CROSSFOOT_DATA_DIR="$scratch/crossfoot" \
      CROSSFOOT_FORMS_DIR="$top/data/forms" CF_TEST_SRCDIR="$top/tests" \
      "$@" nice -n 10 "$build/tests/test-metamorphic"
}
check CF_METAMORPHIC_DIR="$cache/variants" CF_METAMORPHIC_MEASURE=1 \
      CF_METAMORPHIC_RECORD="$cache/outcomes.tsv" | grep '^|'
if [ -n "$slice" ]; then
  python3 "$here/slice.py" "$cache" "$top/tests/metamorphic"
fi
