#!/bin/sh
# Regenerates the PDFs of test-pdf-producers: small ruled tables as browsers
# print web pages (HTML border="1": every cell boxed on its own), cut by a
# page break inside a cell that spans rows (over the whole of page 2), with a
# second table after.
#   chromium-ruled.pdf, chromium-span-cut.pdf   Chromium headless (needs chromium, fonts-noto-cjk:
#                        Chromium embeds Noto Sans CJK as Type 3 fonts)
# Few distinct characters keep each file small.
set -eu
here=$(cd "$(dirname "$0")" && pwd)
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT

python3 - "$tmp/ruled.html" <<'PY'
import sys
# The figures test-pdf-producers.c expects: item row k (1-based), column col.
def value(k, col):
    return (k * k * 37 + col * 101) % 997

GROUPS = [("收入", 10), ("支出", 30)]  # the second runs over all of page 2
out = ['<!DOCTYPE html><html><head><meta charset="utf-8"><style>'
       '@page { size: 105mm 148mm; margin: 8mm; } body, td { font-size: 9pt; } p { margin: 0; }'
       '</style></head><body>', "<p>一、收支表</p>",
       '<table border="1" cellspacing="0" cellpadding="2">',
       '<tr><td colspan="2">项目</td><td>本年</td><td>上年</td></tr>']
k = 0
for name, n in GROUPS:
    for i in range(n):
        k += 1
        head = '<td rowspan="%d">%s</td>' % (n, name) if i == 0 else ""
        out.append("<tr>%s<td>%s%d</td><td>%d</td><td>%d</td></tr>"
                   % (head, name, i + 1, value(k, 0), value(k, 1)))
total = [sum(value(j, c) for j in range(1, k + 1)) for c in range(2)]
out += ['<tr><td colspan="2">合计</td><td>%d</td><td>%d</td></tr>' % tuple(total), "</table>",
        "<p>二、复议表</p>", '<table border="1" cellspacing="0" cellpadding="2">',
        '<tr><td colspan="3">复议</td><td colspan="2">诉讼</td></tr>',
        "<tr><td>维持</td><td>纠正</td><td>总计</td><td>维持</td><td>总计</td></tr>",
        "<tr><td>3</td><td>4</td><td>7</td><td>5</td><td>5</td></tr>",
        "</table><p>三、其他</p></body></html>"]
open(sys.argv[1], "w").write("\n".join(out) + "\n")
PY
chromium --headless --no-sandbox --disable-gpu --no-pdf-header-footer \
  --print-to-pdf="$here/chromium-ruled.pdf" "file://$tmp/ruled.html" 2>/dev/null

# chromium-span-cut.pdf: one table per page pair, each moved down by a gap so
# that the page break falls at another place of its two levels of spanning
# labels (Chromium draws the piece of a spanning cell on the page after the
# break with its bottom side half way down a row, or short of the rule of
# the row beside it).
python3 - "$tmp/span-cut.html" <<'PY'
import sys
# The figures test-pdf-producers.c expects: row k (1-based), column col.
def value(k, col):
    return (k * k * 37 + col * 101) % 97

GAPS = [104, 140, 180, 248, 324]  # pt above each table, test-pdf-producers.c
out = ['<!DOCTYPE html><html><head><meta charset="utf-8"><style>'
       '@page { size: 105mm 148mm; margin: 8mm; } body, td { font-size: 9pt; } p { margin: 0; }'
       '</style></head><body>']
def row(head, k):
    return "<tr>%s<td>%d</td><td>%d</td><td>%d</td></tr>" % (head, value(k, 0), value(k, 1),
                                                            value(k, 0) + value(k, 1))
for n, gap in enumerate(GAPS):
    brk = ' style="break-before: page"' if n > 0 else ""
    out += ['<div%s><div style="height:%dpt"></div>' % (brk, gap), "<p>办理表%d</p>" % gap,
            '<table border="1" cellspacing="0" cellpadding="2">',
            '<tr><td colspan="3">项目</td><td>甲</td><td>乙</td><td>总计</td></tr>',
            row('<td colspan="3">一、新收</td>', 1)]
    k, total = 1, [0, 0]
    for g, name in enumerate("甲乙丙丁"):
        for i in range(3):
            k += 1
            head = '<td rowspan="13">二、办理结果</td>' if k == 2 else ""
            if i == 0:
                head += '<td rowspan="3">（%s）%s类</td>' % ("一二三四"[g], name)
            out.append(row(head + "<td>%d.子项</td>" % (i + 1), k))
            total = [total[0] + value(k, 0), total[1] + value(k, 1)]
    out.append('<tr><td colspan="2">（五）总计</td><td>%d</td><td>%d</td><td>%d</td></tr>'
               % (total[0], total[1], total[0] + total[1]))
    out += [row('<td colspan="3">三、结转</td>', k + 1), "</table></div>"]
out.append("</body></html>")
open(sys.argv[1], "w").write("\n".join(out) + "\n")
PY
chromium --headless --no-sandbox --disable-gpu --no-pdf-header-footer \
  --print-to-pdf="$here/chromium-span-cut.pdf" "file://$tmp/span-cut.html" 2>/dev/null

# chromium-ragged-span.pdf is not made here: it is page 4 of the metamorphic
# variant gip-2021-ruled-s-k42.chromium.pdf (tools/metamorphic/matrix.py),
#   pdfseparate -f 4 -l 4 VARIANT p4.pdf
#   qpdf --object-streams=generate --recompress-flate --compression-level=9 p4.pdf chromium-ragged-span.pdf
# where the piece of 第（六）项's cell above 第（七）项 总计 lacks its left side.
