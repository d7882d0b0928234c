#!/bin/sh
# Regenerates the variant fixtures of test-variants: the corpus reports as
# analysts receive them (dumped to text by browsers and converters, or
# retyped with label wording that differs), each small and committed.
#
# Tools (Debian): w3m lynx html2text pandoc opencc poppler-utils libreoffice
#   apt-get install -y w3m lynx html2text pandoc opencc poppler-utils
# Run from anywhere: sh tests/variants/make.sh
set -eu
here=$(cd "$(dirname "$0")" && pwd)
corpus="$here/../corpus"
pdf="$here/../pdf"
cd "$here"
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT

city="$corpus/html/city-2025-placeholder-headers.html"
shanghai="$corpus/html/shanghai-gov-office-2019.html"
shizuishan="$corpus/text/shizuishan-psb-2020.txt"
zibo="$corpus/text/zibo-gaoxin-psb-2022.txt"

# ---- the HTML reports dumped to text -------------------------------------
for pair in "city:$city" "shanghai:$shanghai"; do
  name=${pair%%:*}
  src=${pair#*:}
  # w3m draws a bordered table with box characters (─│┌┼); without a
  # border it aligns the cells with spaces.
  sed 's/<table/<table border="1"/g' "$src" > "$tmp/$name-border.html"
  w3m -dump -cols 250 -T text/html -I UTF-8 -O UTF-8 "$tmp/$name-border.html" > "$name.w3m-box.txt"
  w3m -dump -cols 250 -T text/html -I UTF-8 -O UTF-8 "$src" > "$name.w3m.txt"
  # The same grid in ASCII (+---+ | a |), as text-mode tools and e-mail
  # clients redraw it.
  sed -e 's/[─━═]/-/g' -e 's/[│┃║]/|/g' -e 's/[┌┐└┘├┤┬┴┼]/+/g' "$name.w3m-box.txt" > "$name.ascii-grid.txt"
  lynx -dump -width=250 -display_charset=utf-8 -assume_charset=utf-8 "$src" > "$name.lynx.txt"
  # html2text 1.3.2a cuts CJK characters in half when it pads table cells:
  # its output is not valid UTF-8 (the test asserts the load error).
  html2text -utf8 -nobs -width 250 "$src" > "$name.html2text.txt"
  pandoc -f html -t gfm "$src" -o "$name.pandoc.md"
  # pandoc's plain text draws multi-line tables as ASCII grids.
  pandoc -f html -t plain --columns=250 "$src" -o "$name.pandoc.txt"
  # LibreOffice's text export (tables become tab-separated lines? see test).
  soffice --headless --convert-to txt:Text --outdir "$tmp" "$src" > /dev/null 2>&1
  cp "$tmp/$(basename "$src" .html).txt" "$name.soffice.txt"
done

# ---- the LibreOffice PDFs of the corpus HTML (tests/pdf) as text ------------
pdftotext -layout "$pdf/city-2025-placeholder-headers.pdf" city.pdftotext-layout.txt
pdftotext "$pdf/city-2025-placeholder-headers.pdf" city.pdftotext.txt
pdftotext -layout "$pdf/shanghai-gov-office-2019.pdf" shanghai.pdftotext-layout.txt
pdftotext "$pdf/shanghai-gov-office-2019.pdf" shanghai.pdftotext.txt

# ---- label wording variants ---------------------------------------------------
# Stray spaces inside labels (tab-separated report, gip-2019).
sed -e 's/本年新收政府信息公开申请数量/本年新收 政府信息公开申请数量/' \
    -e 's/上年结转政府信息公开申请数量/上年结转政府信息 公开申请数量/' \
    -e 's/属于国家秘密/属于 国家秘密/' \
    -e 's/信访举报投诉类申请/信访举报投诉类 申请/' \
    -e 's/结转下年度继续办理/结转 下年度继续办理/' \
    "$shizuishan" > shizuishan.spaces.txt
# One-character typos in long labels.
sed -e 's/本年新收政府信息公开申请数量/本年新收政府信息公开申情数量/' \
    -e 's/没有现成信息需要另行制作/没有现成信息需要另形制作/' \
    -e 's/无正当理由大量反复申请/无正当理由大量反夏申请/' \
    -e 's/结转下年度继续办理/结转下年度继续力理/' \
    "$shizuishan" > shizuishan.typo.txt
# Full-width enumerators （一） for the half-width (一), and 1、 for 1.
sed -e 's/(\([一二三四五六七]\))/（\1）/g' -e 's/^\([	]*\)\([1-8]\)\./\1\2、/' \
    -e 's/\t\([1-8]\)\./\t\1、/g' \
    "$shizuishan" > shizuishan.fullwidth-enum.txt
# Traditional characters (OpenCC s2t), as Hong Kong and Taiwan sites print.
opencc -c s2t -i "$shizuishan" -o shizuishan.traditional.txt
# No 三、本年度办理结果 group label.
sed -e 's/^三、本年度办理结果\t/\t/' "$shizuishan" > shizuishan.no-group.txt
# A unit row under each heading and a footnote row under the tables.
awk '{ print }
     /^二、主动公开政府信息情况/ || /^三、收到和处理政府信息公开申请情况/ { print ""; print "单位：件" }
     /^四、结转下年度继续办理/ { print "注：本表数据统计时限为2020年1月1日至12月31日。" }' \
    "$shizuishan" > shizuishan.unit-footnote.txt

# gip-2021, one cell per line (zibo): labels split over two lines, the
# 法人或其他组织 sub-header on one line, unit and footnote rows.
sed -e 's/^一、本年新收政府信息公开申请数量$/一、本年新收政府信息\n公开申请数量/' \
    -e 's/^2\.没有现成信息需要另行制作$/2.没有现成信息需要\n另行制作/' \
    "$zibo" > zibo.split-labels.txt
python3 - "$zibo" zibo.org-one-row.txt <<'EOF'
import sys
text = open(sys.argv[1], encoding='utf-8').read()
old = '商业\n\n企业\n\n科研\n\n机构\n\n社会公益组织\n\n法律服务机构\n\n其他\n'
assert old in text
text = text.replace(old, '商业企业 科研机构 社会公益组织 法律服务机构 其他\n', 1)
open(sys.argv[2], 'w', encoding='utf-8').write(text)
EOF
awk '{ print }
     /^三、收到和处理政府信息公开申请情况/ { print ""; print "单位：件" }' "$zibo" > zibo.unit.txt

# gip-2021 HTML (city): 三（六）其他处理 as one row; no group label; the
# column header in one row; a label split by <br>; a unit and a footnote row.
python3 - "$city" <<'EOF'
import re, sys
src = open(sys.argv[1], encoding='utf-8').read()
def write(name, text):
    open(name, 'w', encoding='utf-8').write(text)

rows = re.findall(r'<tr><td rowspan="3">（六）其他处理</td>.*?</tr>\n<tr>.*?</tr>\n<tr>.*?</tr>\n', src)
assert len(rows) == 1
sums = [0] * 7
for row in re.findall(r'<tr>.*?</tr>', rows[0]):
    values = re.findall(r'<td>(\d+)</td>', row)
    sums = [a + int(b) for a, b in zip(sums, values)]
one = '<tr><td colspan="2">（六）其他处理</td>' + ''.join('<td>%d</td>' % v for v in sums) + '</tr>\n'
text = src.replace(rows[0], one).replace('<td rowspan="22">三、本年度办理结果', '<td rowspan="20">三、本年度办理结果')
write('city.other-one-row.html', text)

write('city.no-group.html', src.replace('>三、本年度办理结果</td>', '></td>'))

header = ('<tr><td rowspan="3" colspan="3">（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）</td><td colspan="7">申请人情况</td></tr>\n'
          '<tr><td>自然人</td><td colspan="5">法人或其他组织</td><td>总计</td></tr>\n'
          '<tr><td></td><td>商业企业</td><td>科研机构</td><td>社会公益组织</td><td>法律服务机构</td><td>其他</td><td></td></tr>\n')
assert header in src
write('city.header-one-row.html', src.replace(header,
      '<tr><td colspan="3">申请人情况</td><td>自然人</td><td>商业企业</td><td>科研机构</td><td>社会公益组织</td><td>法律服务机构</td><td>其他</td><td>总计</td></tr>\n'))

text = src.replace('一、本年新收政府信息公开申请数量', '一、本年新收政府信息<br>公开申请数量')
text = text.replace('1.本机关不掌握相关政府信息', '1.本机关不掌握<br>相关政府信息')
write('city.split-labels.html', text)

text = re.sub(r'(<p>三、收到和处理政府信息公开申请情况</p>|<h\d>三、收到和处理政府信息公开申请情况</h\d>)', r'\1<p>单位：件</p>', src)
text = text.replace('<tr><td colspan="3">四、结转下年度继续办理</td>',
                    '<tr><td colspan="3">四、结转下年度继续办理</td>', 1)
text = re.sub(r'(四、结转下年度继续办理.*?</tr>\n)', r'\1<tr><td colspan="10">注：本表数据统计时限为2025年1月1日至12月31日。</td></tr>\n', text, count=1, flags=re.S)
write('city.unit-footnote.html', text)
EOF
