# bench-lib.sh: what the benchmark scripts share (sourced; needs $work).

# run LABEL CMD...: times CMD with GNU time (the fastest of BENCH_RUNS runs);
# prints wall seconds, CPU seconds (user + system) and peak RSS, and keeps the
# wall and CPU seconds in $work/secs.LABEL and $work/cpu.LABEL.
run () {
  label=$1
  shift
  best=
  n=0
  while [ "$n" -lt "${BENCH_RUNS:-1}" ]; do
    n=$((n + 1))
    status=0
    /usr/bin/time -v -o "$work/time" "$@" > "$work/out" 2> "$work/err" || status=$?
    [ "$status" -le 1 ] || { echo "$label: exit $status"; head -5 "$work/err"; }
    secs=$(sed -n 's/.*Elapsed (wall clock) time (h:mm:ss or m:ss): //p' "$work/time" \
           | awk -F: '{ s = 0; for (i = 1; i <= NF; i++) s = s * 60 + $i; print s }')
    cpu=$(awk -F': ' '/User time|System time/ { s += $2 } END { print s }' "$work/time")
    rss=$(sed -n 's/.*Maximum resident set size (kbytes): //p' "$work/time")
    if [ -z "$best" ] || awk -v a="$secs" -v b="$best" 'BEGIN { exit !(a < b) }'; then
      best=$secs best_cpu=$cpu best_rss=$rss
    fi
  done
  printf '%-34s %7.2f s  cpu %5.2f s  peak RSS %6.1f MB\n' "$label" "$best" "$best_cpu" \
    "$(echo "$best_rss" | awk '{ print $1 / 1024 }')"
  echo "$best" > "$work/secs.$label"
  echo "$best_cpu" > "$work/cpu.$label"
}
