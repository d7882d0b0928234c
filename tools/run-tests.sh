#!/usr/bin/env bash
# Installs what is needed, builds, and runs every test. Prints "N passed, N failed"
# counted over the individual GLib test cases, and exits non-zero when any failed.
set -u
cd "$(dirname "$0")/.."
bash tools/install-deps.sh || { echo "0 passed, 1 failed"; exit 1; }
# tests/test-cli.c reads the CLI's messages in zh_CN and zh_TW, and
# tests/test-xlsx.c writes a workbook under de_DE (a comma decimal point):
# those locales must exist (Debian's "locales" package has their sources).
for loc in zh_CN zh_TW de_DE; do
  locale -a 2>/dev/null | grep -qix "$loc.utf-\?8" || localedef -i "$loc" -f UTF-8 "$loc.UTF-8" || true
done
builddir=_build-test
if [ ! -d "$builddir" ]; then
  meson setup "$builddir" || { echo "0 passed, 1 failed"; exit 1; }
fi
if ! ninja -C "$builddir"; then
  echo "0 passed, 1 failed"
  exit 1
fi
# The app's sources once more, any API deprecated in the toolkit they are
# built against an error (src/app/meson.build): a second compile of the app
# only, not of the core.
if ! ninja -C "$builddir" app-deprecations; then
  echo "0 passed, 1 failed"
  exit 1
fi
# GUI tests need a display: give the whole run one virtual X server and session bus.
xvfb-run -a -s "-screen 0 1600x1000x24" dbus-run-session -- \
  meson test -C "$builddir" --print-errorlogs --num-processes 2
status=$?
python3 - "$builddir/meson-logs/testlog.json" "$status" <<'PY'
import json, re, sys
passed = failed = skipped = 0
try:
    lines = open(sys.argv[1], encoding="utf-8").read().splitlines()
except OSError:
    lines = []
for line in lines:
    t = json.loads(line)
    out = t.get("stdout") or ""
    cases = re.findall(r"^(not ok|ok)\b[^\n]*", out, re.M)
    if not cases:
        # A test that printed no TAP: count the program itself.
        if t.get("result") in ("OK", "EXPECTEDFAIL"): passed += 1
        elif t.get("result") == "SKIP": skipped += 1
        else: failed += 1
        continue
    for c in re.finditer(r"^(not ok|ok)\b([^\n]*)", out, re.M):
        if c.group(1) == "not ok": failed += 1
        elif "# SKIP" in c.group(2).upper(): skipped += 1
        else: passed += 1
    if t.get("result") not in ("OK", "EXPECTEDFAIL", "SKIP") and "not ok" not in out:
        failed += 1  # crashed or timed out after its last TAP line
if int(sys.argv[2]) != 0 and failed == 0:
    failed = 1
print(f"{passed} passed, {failed} failed, {skipped} skipped")
sys.exit(1 if failed else 0)
PY
