#!/bin/sh
# screenshots.sh: the screenshots of data/screenshots/, taken from the running app.
#
# Usage: tools/screenshots.sh [CROSSFOOT_APP] [OUTPUT_DIR]
#   CROSSFOOT_APP  the built app (default: $CF_APP, else build/src/app/crossfoot)
#   OUTPUT_DIR     where the PNGs go (default: data/screenshots)
#
# Runs the app under its own Xvfb, once per state, and saves its window:
#   empty.png         the window with no report
#   pdf-findings.png  a PDF report with findings (the Shanghai report of the
#                     corpus printed to PDF by LibreOffice: tests/pdf/'s copy)
#   text-report.png   a text report with its tables and findings
#   dark.png          a saved web page, in the dark style
#   whole-table.png   the PDF's 15-column 表四 whole, at 1366×768: the list
#                     of tables chosen by keyboard, then Fit Table (Ctrl+Shift+T)
#   narrow.png        the PDF at 800×600: the sidebar folded, the page fitted
#                     to its pane
#   wide.png          only with CF_SHOTS=wide: the PDF at 1920×1080
#                     (CF_SHOT_SIZE=WxH and CF_SHOT_VARS=ADW_DEBUG_COLOR_SCHEME=
#                     prefer-dark change it), to look at, not in the README
#   zh_CN.png         the text report again, with the desktop in Chinese
#                     (LANG=zh_CN.UTF-8 when that locale is generated, else
#                     LANGUAGE=zh_CN; the catalogues come from the app's build
#                     tree, build/po, or from $CROSSFOOT_LOCALEDIR)
# CF_SHOTS="zh_CN dark" takes only the named ones.
# The app runs with throwaway XDG folders, so no saved corrections or recent
# files show. Needs: Xvfb (xvfb), xdotool, import (imagemagick).
# The metainfo (data/*.metainfo.xml.in) lists these files; the README shows them.
set -eu

here=$(cd "$(dirname "$0")/.." && pwd)
app=${1:-${CF_APP:-$here/build/src/app/crossfoot}}
out=${2:-$here/data/screenshots}

[ -x "$app" ] || { echo "screenshots: no app at $app (build first or pass its path)" >&2; exit 2; }
for tool in Xvfb xdotool import; do
  command -v "$tool" > /dev/null || { echo "screenshots: needs $tool" >&2; exit 2; }
done
mkdir -p "$out"

work=$(mktemp -d "${TMPDIR:-/tmp}/screenshots.XXXXXX")
xvfb_pid=
app_pid=
cleanup () {
  [ -z "$app_pid" ] || kill "$app_pid" 2> /dev/null || true
  [ -z "$xvfb_pid" ] || kill "$xvfb_pid" 2> /dev/null || true
  rm -rf "$work"
}
trap cleanup EXIT INT TERM

Xvfb -displayfd 3 -screen 0 1920x1080x24 -nolisten tcp 3> "$work/display" 2> /dev/null &
xvfb_pid=$!
for _ in $(seq 50); do [ -s "$work/display" ] && break; sleep 0.1; done
[ -s "$work/display" ] || { echo "screenshots: Xvfb did not start" >&2; exit 2; }

export DISPLAY=":$(cat "$work/display")"
export CROSSFOOT_FORMS_DIR=${CROSSFOOT_FORMS_DIR:-$here/data/forms}
export GDK_BACKEND=x11 GSETTINGS_BACKEND=memory NO_AT_BRIDGE=1 LANG=C.UTF-8
export XDG_DATA_HOME="$work/data" XDG_CONFIG_HOME="$work/config" XDG_CACHE_HOME="$work/cache"
unset GTK_THEME ADW_DEBUG_COLOR_SCHEME
# No page transitions: a busy machine could catch one half-way.
mkdir -p "$XDG_CONFIG_HOME/gtk-4.0"
printf '[Settings]\ngtk-enable-animations=false\n' > "$XDG_CONFIG_HOME/gtk-4.0/settings.ini"

# shoot NAME TITLE [VAR=VALUE...] -- ARGS...: starts the app with ARGS (and
# the variables), waits for a window titled TITLE, lets it settle, saves it.
shoot () {
  name=$1
  title=$2
  shift 2
  case " ${CF_SHOTS:-$name} " in
    *" $name "*) ;;
    *) return 0 ;;
  esac
  vars=
  while [ "$1" != "--" ]; do vars="$vars $1"; shift; done
  shift
  # shellcheck disable=SC2086
  env $vars "$app" "$@" > "$work/$name.log" 2>&1 &
  app_pid=$!
  id=
  for _ in $(seq 300); do
    id=$(xdotool search --onlyvisible --name "^$title\$" 2> /dev/null | tail -1) || true
    [ -n "$id" ] && break
    sleep 0.1
  done
  [ -n "$id" ] || { echo "screenshots: no window \"$title\" for $name" >&2; cat "$work/$name.log" >&2; exit 1; }
  # SHOT_SIZE=WxH resizes the window (there is no window manager);
  # SHOT_KEYS="k1 k2" types keys into it, a beat apart.
  if [ -n "${SHOT_SIZE:-}" ]; then
    xdotool windowmove "$id" 0 0 windowsize "$id" "${SHOT_SIZE%x*}" "${SHOT_SIZE#*x}"
    sleep 2
  fi
  if [ -n "${SHOT_KEYS:-}" ]; then
    xdotool windowfocus "$id"
    sleep 0.3
    for key in $SHOT_KEYS; do xdotool key "$key"; sleep 0.6; done
  fi
  # The page view renders in a thread and toasts fade in: let them finish.
  sleep 3
  import -window "$id" "$out/$name.png"
  kill "$app_pid" 2> /dev/null || true
  wait "$app_pid" 2> /dev/null || true
  app_pid=
  echo "$out/$name.png: $(identify -format '%wx%h' "$out/$name.png" 2> /dev/null || echo saved)"
}

html="$here/tests/corpus/html/shanghai-gov-office-2019.html"

# A PDF report with findings.
# The committed print (tests/pdf/make-fixtures.sh): a plain soffice
# conversion of the page sets the table wider than the paper.
pdf="$work/shanghai-gov-office-2019.pdf"
cp "$here/tests/pdf/shanghai-gov-office-2019.pdf" "$pdf"

text="$here/tests/corpus/text/shizuishan-psb-2020.txt"

shoot empty "Crossfoot" --
shoot pdf-findings "shanghai-gov-office-2019.pdf — Crossfoot" -- "$pdf"
shoot text-report "shizuishan-psb-2020.txt — Crossfoot" -- "$text"
shoot dark "shanghai-gov-office-2019.html — Crossfoot" ADW_DEBUG_COLOR_SCHEME=prefer-dark -- "$html"
SHOT_SIZE=1366x768
SHOT_KEYS="alt+1 End ctrl+shift+t"
shoot whole-table "shanghai-gov-office-2019.pdf — Crossfoot" -- "$pdf"
SHOT_SIZE=800x600
SHOT_KEYS=
shoot narrow "shanghai-gov-office-2019.pdf — Crossfoot" -- "$pdf"
# Only when asked for by name (CF_SHOTS=wide): not in the README.
case " ${CF_SHOTS:-} " in
  *" wide "*)
    SHOT_SIZE=${CF_SHOT_SIZE:-1920x1080}
    # shellcheck disable=SC2086
    shoot wide "shanghai-gov-office-2019.pdf — Crossfoot" ${CF_SHOT_VARS:-} -- "$pdf" ;;
esac
SHOT_SIZE=
SHOT_KEYS=

# The desktop in Chinese: the app's own strings from the build's catalogues,
# GTK's and libadwaita's from the system.
localedir=${CROSSFOOT_LOCALEDIR:-$(cd "$(dirname "$app")/../.." && pwd)/po}
[ -f "$localedir/zh_CN/LC_MESSAGES/crossfoot.mo" ] \
  || { echo "screenshots: no zh_CN catalogue in $localedir (build the app first)" >&2; exit 1; }
if locale -a 2> /dev/null | grep -qi '^zh_CN\.utf-\?8$'; then
  zh_vars="LANG=zh_CN.UTF-8"
else
  echo "screenshots: zh_CN.UTF-8 is not generated (locale-gen); using LANGUAGE=zh_CN" >&2
  zh_vars="LANGUAGE=zh_CN"
fi
# shellcheck disable=SC2086
shoot zh_CN "shizuishan-psb-2020.txt — Crossfoot" $zh_vars CROSSFOOT_LOCALEDIR="$localedir" -- "$text"
