#!/bin/sh
# install-check.sh SRCDIR WORKDIR
#
# Configures SRCDIR in its own build folder (WORKDIR/build) with its prefix at
# WORKDIR/prefix, builds only what gets installed, and runs `meson install`
# into a freshly emptied prefix. tests/test-data.c then checks the installed
# tree. The build folder is kept between runs so a re-run is incremental.
set -eu

srcdir=$1
workdir=$2
builddir=$workdir/build
prefix=$workdir/prefix

mkdir -p "$workdir"
if [ ! -f "$builddir/build.ninja" ]; then
  rm -rf "$builddir"
  meson setup "$builddir" "$srcdir" \
    --prefix "$prefix" --libdir lib \
    -Dbuildtype=plain -Dfuzzing=false >"$workdir/setup.log" 2>&1 \
    || { cat "$workdir/setup.log" >&2; exit 1; }
fi

# Build the installed targets only: the tests need not be built again here.
targets=$(meson introspect --installed "$builddir" | python3 -c '
import json, os, sys
builddir = os.path.realpath(sys.argv[1])
for built in json.load(sys.stdin):
    built = os.path.realpath(built)
    if built.startswith(builddir + os.sep):
        print(os.path.relpath(built, builddir))
' "$builddir")
# shellcheck disable=SC2086
ninja -C "$builddir" -j1 $targets >"$workdir/build.log" 2>&1 \
  || { tail -n 40 "$workdir/build.log" >&2; exit 1; }

rm -rf "$prefix"
meson install -C "$builddir" --no-rebuild >"$workdir/install.log" 2>&1 \
  || { tail -n 40 "$workdir/install.log" >&2; exit 1; }
echo "$prefix"
