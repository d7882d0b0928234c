#!/bin/sh
# install-check.sh SRCDIR WORKDIR
#
# Configures SRCDIR in its own build folder (WORKDIR/build) with its prefix at
# WORKDIR/prefix, builds only what gets installed, and runs `meson install`
# into a freshly emptied prefix, then starts the installed app (below).
# Prints the prefix; tests/test-data.c then checks the installed tree. The
# build folder is kept between runs so a re-run is incremental.
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
# (Files meson configured at set-up, such as the D-Bus service, are no ninja
# targets: only what ninja knows is asked for.)
ninja -C "$builddir" -t targets all 2>/dev/null | sed 's/: .*//' > "$workdir/targets"
targets=$(meson introspect --installed "$builddir" | python3 -c '
import json, os, sys
builddir = os.path.realpath(sys.argv[1])
known = set(open(sys.argv[2]).read().split())
for built in json.load(sys.stdin):
    built = os.path.realpath(built)
    if built.startswith(builddir + os.sep) and os.path.relpath(built, builddir) in known:
        print(os.path.relpath(built, builddir))
' "$builddir" "$workdir/targets")
# shellcheck disable=SC2086
ninja -C "$builddir" -j1 $targets >"$workdir/build.log" 2>&1 \
  || { tail -n 40 "$workdir/build.log" >&2; exit 1; }

rm -rf "$prefix"
meson install -C "$builddir" --no-rebuild >"$workdir/install.log" 2>&1 \
  || { tail -n 40 "$workdir/install.log" >&2; exit 1; }

# The installed app, started from the prefix under the display of the test
# run, on a report, with the desktop in Chinese. Its window must appear with
# the report's name in the title; CROSSFOOT_DEBUG_INSTALL makes it say which
# catalogue, schema and forms it found (src/app/main.c). The test reads
# app-check.log. LANGUAGE=zh_CN with LANG=C.UTF-8 picks the zh_CN catalogue
# without a generated zh_CN locale (GNU gettext honours LANGUAGE in any locale
# but C/POSIX).
report=$srcdir/tests/corpus/text/zibo-gaoxin-psb-2022.txt
title="zibo-gaoxin-psb-2022.txt — Crossfoot"
check_log=$workdir/app-check.log
rm -f "$check_log"
if [ -z "${DISPLAY:-}" ]; then
  echo "install-check: no DISPLAY, so the installed app was not started (run under xvfb-run)" >&2
  echo "skipped: no display" > "$check_log"
  echo "$prefix"
  exit 0
fi
command -v xdotool > /dev/null || { echo "install-check: xdotool is missing (tools/deps.txt)" >&2; exit 1; }

home=$workdir/home
rm -rf "$home"
mkdir -p "$home/data" "$home/config" "$home/cache"
# No CROSSFOOT_FORMS_DIR or CROSSFOOT_LOCALEDIR: the app must find its own.
env -u CROSSFOOT_FORMS_DIR -u CROSSFOOT_LOCALEDIR -u LC_ALL -u LC_MESSAGES \
  LANGUAGE=zh_CN LANG=C.UTF-8 \
  GSETTINGS_SCHEMA_DIR="$prefix/share/glib-2.0/schemas" GSETTINGS_BACKEND=memory \
  XDG_DATA_HOME="$home/data" XDG_CONFIG_HOME="$home/config" XDG_CACHE_HOME="$home/cache" \
  CROSSFOOT_DATA_DIR="$home/data/crossfoot" CROSSFOOT_DEBUG_INSTALL=1 \
  GDK_BACKEND=x11 NO_AT_BRIDGE=1 \
  "$prefix/bin/crossfoot" "$report" > "$workdir/app.log" 2>&1 &
app_pid=$!
trap 'kill "$app_pid" 2> /dev/null || true' EXIT INT TERM

# Its own window (by its pid: other tests may show the same report meanwhile).
window=$(timeout 60 xdotool search --sync --all --onlyvisible --pid "$app_pid" --name "^$title\$" \
           2> /dev/null | head -n 1) || true
if [ -n "$window" ]; then
  echo "window: $(xdotool getwindowname "$window")" >> "$check_log"
else
  echo "install-check: the installed app showed no window \"$title\" within 60 s" >&2
fi
kill "$app_pid" 2> /dev/null || true
wait "$app_pid" 2> /dev/null || true
trap - EXIT INT TERM
cat "$workdir/app.log" >> "$check_log"
[ -n "$window" ] || { cat "$workdir/app.log" >&2; exit 1; }
echo "$prefix"
