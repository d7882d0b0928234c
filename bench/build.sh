#!/bin/sh
# build.sh: a build of this checkout with the benchmarks and the app's timing
# hooks (meson -Dbench=true), in _build-bench next to the sources. Prints the
# build folder. The other bench/ scripts call it when not given a binary.
#
# Usage: bench/build.sh [BUILDDIR]
set -eu

here=$(cd "$(dirname "$0")/.." && pwd)
builddir=${1:-$here/_build-bench}

if [ ! -d "$builddir" ]; then
  meson setup "$builddir" "$here" -Dbench=true -Dbuildtype=debugoptimized > "$builddir.log" 2>&1 \
    || { cat "$builddir.log" >&2; exit 2; }
else
  meson configure "$builddir" -Dbench=true > /dev/null
fi
ninja -C "$builddir" src/app/crossfoot src/cli/crossfoot-cli bench/bench-inbox > "$builddir.log" 2>&1 \
  || { tail -n 30 "$builddir.log" >&2; exit 2; }
echo "$builddir"
