#!/bin/sh
# bench-compare.sh: how fast crossfoot-cli compares two long PDF reports of one body.
#
# Usage: bench/bench-compare.sh [CROSSFOOT_CLI] [N_SECTIONS]
#   CROSSFOOT_CLI  the built CLI (default: $CF_CLI, else build/src/cli/crossfoot-cli)
#   N_SECTIONS     report sections to generate per year (default 24: about 50 pages)
#
# Writes two HTML reports of one body for consecutive years (2022, 2023) as
# bench-pdf.sh does — prose, a ruled gip-2021 requests table, a borderless
# table per section — with some figures and sentences changed the second
# year, prints both to PDF with LibreOffice (libreoffice-writer-nogui,
# fonts-noto-cjk), then times with GNU time (package time) `crossfoot-cli
# audit` of one of them, `crossfoot-cli compare OLD NEW`, with --json, and
# with --pdf (the comparison report drawn too), printing wall time, CPU time
# and peak resident memory. BENCH_RUNS=N keeps the fastest of N runs.
set -eu

here=$(cd "$(dirname "$0")/.." && pwd)
cli=${1:-${CF_CLI:-$here/build/src/cli/crossfoot-cli}}
sections=${2:-24}

[ -x "$cli" ] || { echo "bench-compare: no CLI at $cli (build first or pass its path)" >&2; exit 2; }
for tool in /usr/bin/time soffice pdfinfo python3; do
  command -v "$tool" > /dev/null || { echo "bench-compare: needs $tool" >&2; exit 2; }
done
export CROSSFOOT_FORMS_DIR=${CROSSFOOT_FORMS_DIR:-$here/data/forms}
# The saved corrections of the person running it stay out of the figures.
export CROSSFOOT_DATA_DIR=$(mktemp -d "${TMPDIR:-/tmp}/bench-compare-data.XXXXXX")

work=$(mktemp -d "${TMPDIR:-/tmp}/bench-compare.XXXXXX")
[ -n "${BENCH_KEEP:-}" ] || trap 'rm -rf "$work" "$CROSSFOOT_DATA_DIR"' EXIT INT TERM

for year in 2022 2023; do
  python3 - "$sections" "$year" > "$work/report-$year.html" <<'PY'
import sys
n, year = int(sys.argv[1]), int(sys.argv[2])
later = year % 2  # the second year: some figures and sentences change
rows = ["一、本年新收政府信息公开申请数量", "二、上年结转政府信息公开申请数量",
        "（一）予以公开", "（二）部分公开（区分处理的，只计这一情形，不计其他情形）",
        "1.属于国家秘密", "2.其他法律行政法规禁止公开", "3.危及“三安全一稳定”",
        "4.保护第三方合法权益", "5.属于三类内部事务信息", "6.属于四类过程性信息",
        "7.属于行政执法案卷", "8.属于行政查询事项", "1.本机关不掌握相关政府信息",
        "2.没有现成信息需要另行制作", "3.补正后申请内容仍不明确", "1.信访举报投诉类申请",
        "2.重复申请", "3.要求提供公开出版物", "4.无正当理由大量反复申请",
        "5.要求行政机关确认或重新出具已获取信息",
        "1.申请人无正当理由逾期不补正、行政机关不再处理其政府信息公开申请",
        "2.申请人逾期未按收费通知要求缴纳费用、行政机关不再处理其政府信息公开申请",
        "3.其他", "（七）总计", "四、结转下年度继续办理"]
out = ['<html><head><meta charset="utf-8"><title>bench</title></head><body>']
out.append("<h1>某市人民政府%d年政府信息公开工作年度报告</h1>" % year)
for s in range(n):
    prose = ("本机关认真贯彻落实《中华人民共和国政府信息公开条例》，坚持以公开为常态、不公开为例外，"
             "全年主动公开政府信息%d条，较上年增长5.6%%，其中政策解读%d篇，回应社会关切32次。"
             % (1234 + later * s, 86 + later))
    out.append("<h2>（%d）一、总体情况</h2>" % (s + 1))
    for p in range(6):
        extra = "全年新建公开专栏%d个。" % (s + p) if later and p == 2 else ""
        out.append("<p>%s%s</p>" % (prose * 3, extra))
    out.append("<p>二、主动公开政府信息情况</p>")
    out.append("<table>")
    for label, a, b in [("项目", "本年", "上年"), ("行政许可", "%d" % (1234 + later * 17), "1,000"),
                        ("行政处罚", "56", "(14)"), ("行政强制", "3", "0")]:
        out.append("<tr><td>%s</td><td align=right>%s</td><td align=right>%s</td></tr>" % (label, a, b))
    out.append("</table>")
    out.append("<p>三、收到和处理政府信息公开申请情况</p>")
    out.append('<table border="1" cellspacing="0">')
    out.append('<tr><td colspan="3" rowspan="3">（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）</td>'
               '<td colspan="7">申请人情况</td></tr>')
    out.append('<tr><td rowspan="2">自然人</td><td colspan="5">法人或其他组织</td><td rowspan="2">总计</td></tr>')
    out.append("<tr>" + "".join("<td>%s</td>" % h for h in
               ["商业企业", "科研机构", "社会公益组织", "法律服务机构", "其他"]) + "</tr>")
    for i, label in enumerate(rows):
        vals = [(i * 7 + k * 3 + s + later * (k + 1)) % 13 for k in range(6)]
        cells = "".join("<td>%d</td>" % v for v in vals) + "<td>%d</td>" % sum(vals)
        out.append('<tr><td colspan="3">%s</td>%s</tr>' % (label, cells))
    out.append("</table>")
out.append("</body></html>")
print("\n".join(out))
PY
  (cd "$work" && soffice --headless --infilter="HTML (StarWriter)" \
     --convert-to pdf:writer_pdf_Export "report-$year.html" > /dev/null 2>&1)
  [ -s "$work/report-$year.pdf" ] || { echo "bench-compare: LibreOffice made no PDF" >&2; exit 2; }
  echo "report $year: $(pdfinfo "$work/report-$year.pdf" | sed -n 's/^Pages: *//p') pages"
done
echo "cli:     $cli"

# run LABEL CMD...: times CMD with GNU time (the fastest of BENCH_RUNS runs).
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
}

old=$work/report-2022.pdf
new=$work/report-2023.pdf
run "crossfoot-cli audit (one year)" "$cli" audit "$new"
run "crossfoot-cli compare" "$cli" compare "$old" "$new"
run "crossfoot-cli compare --json" "$cli" compare --json "$old" "$new"
run "crossfoot-cli compare --pdf" "$cli" compare --pdf "$work/compare.pdf" "$old" "$new"
"$cli" compare "$old" "$new" | sed -n '/^Cells/p;/^Carry-over/p;/^Text/p'
