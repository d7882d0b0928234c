#!/bin/sh
# Regenerates the committed PDF fixtures of test-pdf (run from anywhere):
#   encrypted.pdf       a one-page ruled table, AES-256, user password "secret"
#                       (needs qpdf)
#   <corpus name>.pdf   the corpus HTML and text reports printed by LibreOffice
#                       (needs libreoffice-writer-nogui, fonts-noto-cjk and
#                       fonts-droid-fallback)
set -eu
here=$(cd "$(dirname "$0")" && pwd)
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT

python3 - "$tmp/plain.pdf" <<'PY'
import sys
xs = [100, 250, 350, 450]
ys = [700, 670, 640, 610]
texts = [["Item", "This year", "Last year"], ["Licensing", "12", "10"], ["Penalty", "3", "(4)"]]
ops = ["0 0 0 RG 0.6 w"]
for y in ys:
    ops.append("%g %g m %g %g l S" % (xs[0], y, xs[-1], y))
for x in xs:
    ops.append("%g %g m %g %g l S" % (x, ys[0], x, ys[-1]))
for r, row in enumerate(texts):
    for c, t in enumerate(row):
        ops.append("BT /F1 11 Tf %g %g Td (%s) Tj ET" % (xs[c] + 4, ys[r] - 20, t))
content = "\n".join(ops)
objs = ["<< /Type /Catalog /Pages 2 0 R >>",
        "<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] "
        "/Resources << /Font << /F1 5 0 R >> >> /Contents 4 0 R >>",
        "<< /Length %d >>\nstream\n%s\nendstream" % (len(content), content),
        "<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>"]
out, offs = "%PDF-1.4\n", []
for i, o in enumerate(objs):
    offs.append(len(out))
    out += "%d 0 obj\n%s\nendobj\n" % (i + 1, o)
xref = len(out)
out += "xref\n0 %d\n0000000000 65535 f \n" % (len(objs) + 1)
out += "".join("%010d 00000 n \n" % o for o in offs)
out += "trailer\n<< /Size %d /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (len(objs) + 1, xref)
open(sys.argv[1], "w").write(out)
PY
qpdf --encrypt secret owner-secret 256 -- "$tmp/plain.pdf" "$here/encrypted.pdf"

# nowrap cells would run off the page; a printed report wraps them. Tables
# without borders get them (as most printed reports have): borderless tables
# are drawn by test-pdf itself.
for html in "$here"/../corpus/html/*.html; do
  sed 's/ nowrap="nowrap"//g; s/ nowrap//g; s/<table>/<table border="1" cellspacing="0">/g' \
    "$html" > "$tmp/$(basename "$html")"
done
(cd "$tmp" && soffice --headless --infilter="HTML (StarWriter)" --convert-to pdf:writer_pdf_Export \
   --outdir "$here" ./*.html >/dev/null)

# The corpus text reports printed as they stand (pipes, tabs and one cell per
# line stay text on the page). Droid Sans Fallback (fonts-droid-fallback)
# keeps each under about 100 kB, where Noto CJK's outlines double it.
for txt in "$here"/../corpus/text/*.txt; do
  cp "$txt" "$tmp/"
done
(cd "$tmp" && soffice --headless --infilter="Text (encoded):UTF8,LF,Droid Sans Fallback,zh-CN" \
   --convert-to pdf:writer_pdf_Export --outdir "$here" ./*.txt >/dev/null)
