#!/usr/bin/env bash
# Writes `crossfoot-cli audit --json` of every fixture the CLI reads into
# tests/cli-golden/, one .jsonl per input (its path under tests/ with '/' as
# '__'), then its exit status and standard error. tests/test-cli-golden.c compares the CLI with these files, so a
# restructuring that changes any output byte fails. Regenerate them only for
# a change that is meant to change what the CLI reports, and say so in the commit.
#
#   tools/cli-golden.sh [BUILDDIR]     (default _build)
set -eu
top=$(cd "$(dirname "$0")/.." && pwd)
build=${1:-_build}
case $build in /*) ;; *) build=$top/$build ;; esac
cli=$build/src/cli/crossfoot-cli
[ -x "$cli" ] || { echo "no $cli: build first" >&2; exit 2; }
scratch=$(mktemp -d)
trap 'rm -rf "$scratch"' EXIT
export CROSSFOOT_DATA_DIR=$scratch XDG_DATA_HOME=$scratch XDG_CONFIG_HOME=$scratch XDG_CACHE_HOME=$scratch
export CROSSFOOT_FORMS_DIR=$top/data/forms LC_ALL=C.UTF-8 LANGUAGE=
out=$top/tests/cli-golden
rm -f "$out"/*.jsonl
cd "$top/tests"
n=0
for f in corpus/text/* corpus/html/* pdf/*.pdf variants/*.txt variants/*.md variants/*.html; do
  case $f in pdf/encrypted.pdf) continue ;; esac
  name=$(printf '%s' "$f" | sed 's|/|__|g').jsonl
  status=0
  "$cli" audit --json "$f" > "$out/$name" 2> "$scratch/stderr" || status=$?
  # The exit status and the message of an unreadable input are output too.
  { echo "exit $status"; sed "s|^|stderr |" "$scratch/stderr"; } >> "$out/$name"
  n=$((n + 1))
done
echo "$n outputs written to tests/cli-golden"
