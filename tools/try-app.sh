#!/usr/bin/env bash
# Installs what is needed, builds, and opens Crossfoot on a bundled sample report.
set -eu
cd "$(dirname "$0")/.."
bash tools/install-deps.sh
[ -d _build ] || meson setup _build
ninja -C _build
sample=${1:-tests/corpus/html/city-2025-placeholder-headers.html}
glib-compile-schemas --targetdir=_build/data data 2>/dev/null || true
export GSETTINGS_SCHEMA_DIR=$PWD/_build/data
# The catalogues of this build: the app follows the desktop language uninstalled.
export CROSSFOOT_LOCALEDIR=$PWD/_build/po
exec _build/src/app/crossfoot "$sample"
