#!/usr/bin/env python3
"""gen.py: an "unseen" corpus of generic table PDFs with ICDAR-2013 ground truth (issue #15).

Usage: gen.py [OUT_DIR] [--producers chromium,wkhtmltopdf,libreoffice] [--docs N] [--seed S]
OUT_DIR defaults to ~/.cache/crossfoot-generic. A file that exists is not made again.

Every document is a web page drawn from a seeded random family of generic tables, printed to PDF
by real producers installed here (Chromium --print-to-pdf, wkhtmltopdf, and LibreOffice Writer's
HTML import, given a copy of the page whose tables carry the width attribute it needs), and
written with NAME-str.xml in the format of the ICDAR 2013 table competition, which
../shared/tools/icdar-score reads (table, region page, cell start-row/start-col/end-col, content).
The families are what the competition's other half holds and what it fails on:

  financial statements    (1,234) negatives, dashes for nil, footnote marks (1) / * / a, a Note column
  statistics              a header row spanning columns, decimals, percentages, empty columns
  multi-line cells        a long text column that wraps: one cell, several lines
  statements (31 on)      long item labels wrapped in a narrow first column, indented sub-items
  ragged (31 on)          whitespace-only figures under group headings, items indented under them
  remarks                 text columns after the figures (Remark, Source)
Rulings: full grid, header and footer rules only (booktabs), horizontal rules only, none at all
(rows and columns told apart by whitespace), shaded rows. Layouts: a table beside prose (floated),
two tables stacked with prose between, two side by side, one long table continued on the next page
(header repeated). Documents 31 on are set in US Letter or A4 at other type sizes.

Conventions of the ground truth (the scorer places a spanning cell's text at its first slot):
a title or caption is not part of the table; a table continued on the next page is one table on
the page it starts on, its repeated header not repeated (Crossfoot joins continuations). Each
table's page is checked in the PDF (its title found by pdftotext on that page); a document whose
check fails is left out, and said so.
"""
import html as H
import os
import re
import random
import shutil
import subprocess
import sys
from xml.sax.saxutils import escape

NICE = ["nice", "-n", "10"]
WORDS = ("net interest income fees commissions operating expenses staff costs depreciation "
         "amortisation provisions loans advances customers deposits banks securities held trading "
         "derivatives goodwill intangible assets property plant equipment tax deferred current "
         "liabilities equity reserves retained earnings minority interests dividends paid "
         "cash flows investing financing activities other comprehensive income").split()
REGIONS = ["Belgium", "Bulgaria", "Czech Republic", "Denmark", "Germany", "Estonia", "Ireland",
           "Greece", "Spain", "France", "Croatia", "Italy", "Cyprus", "Latvia", "Lithuania",
           "Luxembourg", "Hungary", "Malta", "Netherlands", "Austria", "Poland", "Portugal",
           "Romania", "Slovenia", "Slovakia", "Finland", "Sweden", "Norway", "Iceland"]
ZH_ITEMS = ["营业收入", "营业成本", "税金及附加", "销售费用", "管理费用", "研发费用", "财务费用",
            "其他收益", "投资收益", "公允价值变动收益", "信用减值损失", "资产减值损失", "营业利润",
            "营业外收入", "营业外支出", "利润总额", "所得税费用", "净利润"]
PROSE = ("The figures below are drawn from the annual accounts and the statistical returns of the "
         "year. Amounts are shown in thousands unless stated otherwise; totals may not add up "
         "because of rounding. Comparative figures have been restated where the accounting "
         "policies changed during the period, and the notes explain each restatement in turn. ")
LONG_TEXT = ["Support for small and medium-sized enterprises in rural regions",
             "Modernisation of the railway network between the capital and the coast",
             "Training of teachers in digital skills and distance learning",
             "Water treatment plants for towns of fewer than 10,000 inhabitants",
             "Research infrastructure shared by universities of the region",
             "Energy efficiency of public buildings and social housing",
             "Broadband access for households in mountain areas",
             "Integration of migrants into the labour market",
             "Protection of coastal areas against erosion and flooding",
             "Technical assistance to the managing authority"]
REMARKS = ["estimate", "provisional", "see note 3", "break in series", "", "revised",
           "Eurostat", "national source", "", "OECD"]


class Table:
    """A table as drawn: header rows of (text, colspan), body rows of texts, column alignment."""

    def __init__(self, title, heads, body, align, wrap_col=None, indent=()):
        self.title, self.heads, self.body, self.align, self.wrap_col = title, heads, body, align, wrap_col
        self.n_cols = len(align)
        self.indent = set(indent)  # body rows whose first cell is indented (a ragged first column)
        self.valign = None

    def gt_cells(self):
        """(row, col, end_col, text) of every non-empty cell (a spanning head at its first slot)."""
        out = []
        for r, head in enumerate(self.heads):
            c = 0
            for text, span in head:
                if text:
                    out.append((r, c, c + span - 1, text))
                c += span
        for i, row in enumerate(self.body):
            for c, text in enumerate(row):
                if text:
                    out.append((len(self.heads) + i, c, c, text))
        return out


def money(rng, neg_share=0.25, dash_share=0.05):
    if rng.random() < dash_share:
        return "–"
    v = rng.randint(1, 999999) if rng.random() < 0.7 else rng.randint(1, 999)
    s = "{:,}".format(v)
    return "(%s)" % s if rng.random() < neg_share else s


def financial(rng, n, title, zh=False):
    years = sorted(rng.sample(range(2009, 2024), rng.choice([2, 3])), reverse=True)
    note = rng.random() < 0.5
    heads = [[("", 1)] + ([("Note" if not zh else "附注", 1)] if note else [])
             + [(str(y), 1) for y in years]]
    if rng.random() < 0.4:  # a unit row over the figures
        heads.insert(0, [("", 1 + note), ("EUR thousand" if not zh else "人民币千元", len(years))])
    body = []
    labels = rng.sample(ZH_ITEMS, n) if zh else [" ".join(rng.sample(WORDS, rng.randint(1, 4))).capitalize()
                                                 for _ in range(n)]
    for i, label in enumerate(labels):
        mark = rng.random()
        if mark < 0.12:
            label += " (%d)" % rng.randint(1, 9)
        elif mark < 0.18:
            label += "*"
        row = [label]
        if note:
            row.append(str(rng.randint(3, 40)) if rng.random() < 0.5 else "")
        for _ in years:
            v = money(rng)
            if rng.random() < 0.06:
                v += " a"
            row.append(v)
        body.append(row)
    body.append(["Total" if not zh else "合计"] + ([""] if note else []) + [money(rng, 0.1, 0) for _ in years])
    return Table(title, heads, body, ["l"] + (["c"] if note else []) + ["r"] * len(years))


def statistics(rng, n, title):
    groups = rng.choice([[2, 2], [3, 2], [2, 3], [2, 2, 2]])
    names = rng.sample(["Population", "Employment", "Exports", "Imports", "Households", "Enterprises"],
                       len(groups))
    subs = rng.sample([["2010", "2020"], ["Men", "Women"], ["Number", "%"], ["Total", "Urban"]], 1)[0]
    heads = [[("Country", 1)] + [(g, k) for g, k in zip(names, groups)],
             [("", 1)] + [(subs[j % 2] if k == 2 else ["A", "B", "C"][j], 1) for k in groups for j in range(k)]]
    empty_col = rng.random() < 0.3 and len(heads[1]) > 3
    body = []
    for region in rng.sample(REGIONS, n):
        row = [region]
        for k in groups:
            for j in range(k):
                if rng.random() < 0.08:
                    row.append(":")
                elif rng.random() < 0.5:
                    row.append("%.1f" % (rng.random() * 100))
                else:
                    row.append("{:,}".format(rng.randint(10, 99999)).replace(",", " "))
        body.append(row)
    if empty_col:  # a column whose body is blank but for one cell
        c = rng.randint(2, len(body[0]) - 1)
        for i, row in enumerate(body):
            row[c] = "" if i != 0 else row[c]
    return Table(title, heads, body, ["l"] + ["r"] * (len(body[0]) - 1))


def multiline(rng, n, title):
    heads = [[("Code", 1), ("Measure", 1), ("Committed", 1), ("Paid", 1), ("Rate", 1)]]
    body = []
    for i, text in enumerate(rng.sample(LONG_TEXT, n)):
        c = rng.randint(1000, 99999)
        p = rng.randint(100, c)
        body.append(["%d.%d" % (rng.randint(1, 9), i + 1), text, "{:,}".format(c), "{:,}".format(p),
                     "%.1f %%" % (100.0 * p / c)])
    return Table(title, heads, body, ["l", "l", "r", "r", "r"], wrap_col=1)


def remarks(rng, n, title):
    heads = [[("Indicator", 1), ("Value", 1), ("Change", 1), ("Remark", 1), ("Source", 1)]]
    body = []
    for region in rng.sample(REGIONS, n):
        body.append([region, "%.2f" % (rng.random() * 50), "%+.1f" % (rng.random() * 10 - 5),
                     rng.choice(REMARKS), rng.choice(["Eurostat", "OECD", "IMF", "national"])])
    return Table(title, heads, body, ["l", "r", "r", "l", "l"])


def statement(rng, n, title):
    """A financial statement whose item labels are long (they wrap in a narrow first column: one
    cell, several lines) and whose sub-items are indented, with (1,234) negatives and marks."""
    years = sorted(rng.sample(range(2012, 2024), 2), reverse=True)
    heads = [[("", 1), ("%d" % years[0], 1), ("%d" % years[1], 1)]]
    body, indent = [], []
    for i in range(n):
        sub = i > 0 and rng.random() < 0.4
        words = rng.randint(2, 3) if sub else rng.randint(3, 7)
        label = " ".join(rng.sample(WORDS, words)).capitalize()
        if rng.random() < 0.15:
            label += " (%d)" % rng.randint(1, 9)
        if sub:
            indent.append(len(body))
        body.append([label, money(rng, 0.3), money(rng, 0.3)])
    body.append(["Total", money(rng, 0.1, 0), money(rng, 0.1, 0)])
    t = Table(title, heads, body, ["l", "r", "r"], wrap_col=0, indent=indent)
    t.valign = "top"  # as word processors align a row's cells
    return t


def ragged(rng, n, title, n_cols=4):
    """Whitespace-only figures under labels of a ragged first column: groups of indented items
    under a heading, rows told apart only by whitespace; a heading row has no figures."""
    cols = rng.sample(["Budget", "Outturn", "Change", "Share %", "Staff", "Units"], n_cols - 1)
    heads = [[("Item", 1)] + [(c, 1) for c in cols]]
    body, indent = [], []
    while len(body) < n:
        body.append([rng.choice(REGIONS)] + [""] * (n_cols - 1))
        for _ in range(rng.randint(2, 4)):
            indent.append(len(body))
            body.append([" ".join(rng.sample(WORDS, rng.randint(1, 3))).capitalize()]
                        + ["{:,}".format(rng.randint(1, 99999)) if rng.random() < 0.6
                           else "%.1f" % (rng.random() * 100) for _ in range(n_cols - 1)])
    return Table(title, heads, body, ["l"] + ["r"] * (n_cols - 1), indent=indent)


FAMILIES = [financial, statistics, multiline, remarks]
FAMILIES2 = [statement, ragged, financial, multiline]
STYLES = ["grid", "booktabs", "hrules", "none", "shaded"]


def table_html(t, style, width=None):
    css = {
        "grid": "border-collapse:collapse;",
        "booktabs": "border-collapse:collapse;border-top:1.5px solid #000;border-bottom:1.5px solid #000;",
        "hrules": "border-collapse:collapse;border-top:1px solid #000;",
        "none": "border-collapse:collapse;",
        "shaded": "border-collapse:collapse;",
    }[style]
    if width:
        css += "width:%s;" % width
    border = ' border="1"' if style == "grid" else ""
    out = ['<p class="title"><b>%s</b></p>' % H.escape(t.title),
           '<table%s cellspacing="0" cellpadding="3" style="%s">' % (border, css), "<thead>"]
    for r, head in enumerate(t.heads):
        cell_css = "padding:2px 8px;"
        if style == "grid":
            cell_css += "border:1px solid #000;"
        if style in ("booktabs", "hrules") and r == len(t.heads) - 1:
            cell_css += "border-bottom:1px solid #000;"
        out.append("<tr>" + "".join('<th colspan="%d" style="%stext-align:%s">%s</th>'
                                    % (span, cell_css, "center" if span > 1 or c else "left", H.escape(text))
                                    for c, (text, span) in enumerate(head)) + "</tr>")
    out.append("</thead><tbody>")
    for i, row in enumerate(t.body):
        tds = []
        for c, text in enumerate(row):
            cell_css = "padding:2px 8px;text-align:%s;" % {"l": "left", "r": "right", "c": "center"}[t.align[c]]
            if style == "grid":
                cell_css += "border:1px solid #000;"
            if style == "hrules":
                cell_css += "border-bottom:0.5px solid #000;"
            if style == "shaded" and i % 2 == 0:
                cell_css += "background:#dde;"
            if c == 0 and i in t.indent:
                cell_css += "padding-left:22px;"
            if t.valign:
                cell_css += "vertical-align:%s;" % t.valign
            if c == t.wrap_col:
                cell_css += "width:%s;" % ("13em" if t.valign else "9em")
            else:
                cell_css += "white-space:nowrap;"
            tds.append('<td style="%s"%s>%s</td>' % (cell_css, ' bgcolor="#ddddee"' if style == "shaded" and i % 2 == 0
                                                      else "", H.escape(text)))
        out.append("<tr>" + "".join(tds) + "</tr>")
    out.append("</tbody></table>")
    return "\n".join(out)


def prose(rng, k):
    return "".join("<p>%s</p>" % (PROSE * rng.randint(1, 2)) for _ in range(k))


def make_doc2(rng, idx):
    """Documents 31 on: statements with long wrapped labels, ragged whitespace-only tables, in
    US Letter or A4 at other type sizes; the same layouts (alone, beside prose, side by side,
    stacked, continued)."""
    k = idx - 30
    layout = ["single", "beside", "side", "stacked", "single", "beside", "side", "stacked", "long", "beside"][k % 10]
    style = ["none", "booktabs", "none", "hrules", "grid", "none", "booktabs", "none", "none", "shaded"][k % 10]

    def pick(n, j):
        fam = FAMILIES2[(k + j) % len(FAMILIES2)]
        title = "Table %d.%d %s" % (idx + 1, j + 1, ["Statement", "Budget", "Accounts", "Measures"][FAMILIES2.index(fam)])
        if fam is multiline:
            return fam(rng, min(n, len(LONG_TEXT)), title)
        return fam(rng, n, title)

    body, tables = [], []
    font = rng.choice(["DejaVu Sans", "Liberation Serif", "Liberation Sans", "DejaVu Serif"])
    page, size = ("Letter", 10) if k % 2 else ("A4", 8)
    if layout == "single":
        t = pick(rng.randint(8, 14), 0)
        body += [prose(rng, 1), table_html(t, style), prose(rng, 1)]
        tables.append((t, 1))
    elif layout == "stacked":
        t1, t2 = pick(rng.randint(5, 8), 0), pick(rng.randint(5, 8), 1)
        body += [prose(rng, 1), table_html(t1, style), prose(rng, 1), table_html(t2, style)]
        tables += [(t1, 1), (t2, 1)]
    elif layout == "side":
        t1 = ragged(rng, rng.randint(6, 10), "Table %d.1 Left" % (idx + 1), 3)
        t2 = statement(rng, rng.randint(5, 8), "Table %d.2 Right" % (idx + 1))
        body += [prose(rng, 1), '<table cellspacing="0" cellpadding="0" style="width:100%"><tr>'
                 '<td style="vertical-align:top;width:48%">' + table_html(t1, style) + '</td><td style="width:4%"></td>'
                 '<td style="vertical-align:top;width:48%">' + table_html(t2, style) + "</td></tr></table>",
                 prose(rng, 1)]
        tables += [(t1, 1), (t2, 1)]
    elif layout == "beside":
        t = statement(rng, rng.randint(5, 8), "Table %d.1 Statement" % (idx + 1)) if k % 3 \
            else ragged(rng, rng.randint(6, 9), "Table %d.1 Budget" % (idx + 1), 3)
        body += ['<table align="right" cellspacing="0" cellpadding="0" style="float:right;margin-left:14px">'
                 '<tr><td>' + table_html(t, style) + "</td></tr></table>", prose(rng, 4)]
        tables.append((t, 1))
    else:
        t = ragged(rng, rng.randint(50, 60), "Table %d.1 Budget lines" % (idx + 1), 4)
        body += [prose(rng, 1), table_html(t, style)]
        tables.append((t, 1))
    html = ("<!DOCTYPE html><html><head><meta charset=\"utf-8\"><style>@page { size: %s; margin: 20mm; } "
            "body { font-family: '%s'; font-size: %.1fpt; } td, th { font-size: %.1fpt; } "
            "p.title { margin: 10px 0 4px 0; }</style></head><body>%s</body></html>"
            % (page, font, size + 0.5, size, "\n".join(body)))
    return html, tables, "%s-%s" % (layout, style)


def make_doc(rng, idx):
    """(html, [(Table, page)]) of document @idx."""
    if idx >= 30:
        return make_doc2(rng, idx)
    layout = ["single", "stacked", "side", "beside", "long"][idx % 5]
    style = STYLES[(idx // 5) % len(STYLES)]
    zh = idx % 7 == 3

    def pick(n, k):
        fam = FAMILIES[(idx + k) % len(FAMILIES)]
        title = "Table %d.%d %s" % (idx + 1, k + 1, ["Accounts", "Statistics", "Measures", "Indicators"][
            FAMILIES.index(fam)])
        if fam is financial:
            return fam(rng, n, title, zh)
        if fam is multiline:
            return fam(rng, min(n, len(LONG_TEXT)), title)
        return fam(rng, n, title)

    body, tables = [], []
    font = rng.choice(["DejaVu Sans", "Liberation Serif", "Liberation Sans", "DejaVu Serif"])
    if layout == "single":
        t = pick(rng.randint(6, 14), 0)
        body += [prose(rng, 1), table_html(t, style), prose(rng, 1)]
        tables.append((t, 1))
    elif layout == "stacked":
        t1, t2 = pick(rng.randint(4, 8), 0), pick(rng.randint(4, 8), 1)
        body += [prose(rng, 1), table_html(t1, style), prose(rng, 1), table_html(t2, style)]
        tables += [(t1, 1), (t2, 1)]
    elif layout == "side":
        t1, t2 = remarks(rng, rng.randint(5, 9), "Table %d.1 Left" % (idx + 1)), \
            financial(rng, rng.randint(5, 9), "Table %d.2 Right" % (idx + 1), zh)
        t1.heads[0] = t1.heads[0][:3]
        t1.body = [row[:3] for row in t1.body]
        t1.align = t1.align[:3]
        t1.n_cols = 3
        body += [prose(rng, 1), '<table cellspacing="0" cellpadding="0" style="width:100%"><tr>'
                 '<td style="vertical-align:top;width:48%">' + table_html(t1, style) + '</td><td style="width:4%"></td>'
                 '<td style="vertical-align:top;width:48%">' + table_html(t2, style) + "</td></tr></table>",
                 prose(rng, 1)]
        tables += [(t1, 1), (t2, 1)]
    elif layout == "beside":
        t = financial(rng, rng.randint(5, 9), "Table %d.1 Accounts" % (idx + 1), zh) if idx % 2 \
            else statistics(rng, rng.randint(5, 9), "Table %d.1 Statistics" % (idx + 1))
        body += ['<table align="right" cellspacing="0" cellpadding="0" style="float:right;margin-left:14px">'
                 '<tr><td>' + table_html(t, style) + "</td></tr></table>", prose(rng, 4)]
        tables.append((t, 1))
    else:  # long: continued on the next page
        t = statistics(rng, len(REGIONS), "Table %d.1 Regions" % (idx + 1))
        rows = t.body
        t.body = [["%s %d" % (row[0], k + 1)] + row[1:] for k in range(2) for row in rows][:rng.randint(45, 52)]
        body += [prose(rng, 2), table_html(t, style)]
        tables.append((t, 1))
    html = ("<!DOCTYPE html><html><head><meta charset=\"utf-8\"><style>@page { size: A4; margin: 18mm; } "
            "body { font-family: '%s'; font-size: 9pt; } td, th { font-size: 8.5pt; } "
            "p.title { margin: 10px 0 4px 0; }</style></head><body>%s</body></html>" % (font, "\n".join(body)))
    return html, tables, "%s-%s" % (layout, style)


def write_gt(path, tables):
    out = ['<?xml version="1.0" encoding="UTF-8"?>', "<document>"]
    for i, (t, page) in enumerate(tables):
        out.append('  <table id="%d">\n    <region id="1" page="%d" col-increment="0" row-increment="0">'
                   % (i + 1, page))
        for r, c, ec, text in t.gt_cells():
            out.append('      <cell start-row="%d" start-col="%d" end-row="%d" end-col="%d"><content>%s</content></cell>'
                       % (r, c, r, ec, escape(text)))
        out.append("    </region>\n  </table>")
    out.append("</document>\n")
    with open(path, "w", encoding="utf-8") as f:
        f.write("\n".join(out))


def lo_html(html):
    """The page as LibreOffice Writer's HTML import lays it out as the browsers do: its import
    sizes a table without a width attribute to its narrowest words (figures wrap inside their
    cells), so each table gets the width its layout gives it; the floated one beside the prose
    half the page, and the gutter between two tables side by side stays."""
    html = html.replace('<table align="right"', '<table width="50%" align="right"')
    # The gutter between two tables set side by side: an empty cell it drops, one with a space it keeps.
    html = html.replace('<td style="width:4%"></td>', '<td width="4%">&nbsp;</td>')
    return re.sub(r"<table(?! width=)", '<table width="100%"', html)


def run(cmd, timeout=180):
    return subprocess.run(NICE + cmd, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, timeout=timeout)


def page_text(pdf, page):
    p = subprocess.run(["pdftotext", "-f", str(page), "-l", str(page), pdf, "-"], capture_output=True)
    return " ".join(p.stdout.decode(errors="replace").split())


def main():
    args = sys.argv[1:]
    opts = {"--producers": "chromium,wkhtmltopdf,libreoffice", "--docs": "40", "--seed": "15"}
    rest = []
    while args:
        a = args.pop(0)
        if a in opts:
            opts[a] = args.pop(0)
        else:
            rest.append(a)
    out = rest[0] if rest else os.path.expanduser("~/.cache/crossfoot-generic")
    producers = opts["--producers"].split(",")
    html_dir = os.path.join(out, "html")
    os.makedirs(html_dir, exist_ok=True)
    docs = []
    for idx in range(int(opts["--docs"])):
        rng = random.Random("%s-%d" % (opts["--seed"], idx))
        html, tables, kind = make_doc(rng, idx)
        name = "gen-%03d-%s" % (idx + 1, kind)
        hpath = os.path.join(html_dir, name + ".html")
        with open(hpath, "w", encoding="utf-8") as f:
            f.write(html)
        docs.append((name, hpath, tables))
        if "libreoffice" in producers:
            lo_dir = os.path.join(html_dir, "libreoffice")
            os.makedirs(lo_dir, exist_ok=True)
            with open(os.path.join(lo_dir, name + ".html"), "w", encoding="utf-8") as f:
                f.write(lo_html(html))
    lo_pending = []
    for name, hpath, tables in docs:
        for producer in producers:
            pdf = os.path.join(out, "%s.%s.pdf" % (name, producer))
            if os.path.exists(pdf):
                continue
            if producer == "chromium":
                run(["chromium", "--headless", "--no-sandbox", "--disable-gpu", "--no-pdf-header-footer",
                     "--print-to-pdf=" + pdf, "file://" + os.path.abspath(hpath)])
            elif producer == "wkhtmltopdf":
                letter = "size: Letter" in open(hpath, encoding="utf-8").read()
                run(["wkhtmltopdf", "-q", "-s", "Letter" if letter else "A4", "-T", "18mm", "-B", "18mm", "-L", "18mm", "-R", "18mm",
                     hpath, pdf])
            elif producer == "libreoffice":
                lo_pending.append((os.path.join(html_dir, "libreoffice", os.path.basename(hpath)), pdf))
    if lo_pending:
        tmp = os.path.join(out, "lo-tmp")
        shutil.rmtree(tmp, ignore_errors=True)
        os.makedirs(tmp)
        run(["soffice", "-env:UserInstallation=file://" + os.path.abspath(os.path.join(out, "lo-profile")),
             "--headless", "--infilter=HTML (StarWriter)", "--convert-to", "pdf:writer_pdf_Export", "--outdir", tmp]
            + [h for h, _ in lo_pending], timeout=1800)
        for h, pdf in lo_pending:
            made = os.path.join(tmp, os.path.basename(h)[:-5] + ".pdf")
            if os.path.exists(made):
                os.rename(made, pdf)
        shutil.rmtree(tmp, ignore_errors=True)
    kept = left = 0
    for name, hpath, tables in docs:
        for producer in producers:
            pdf = os.path.join(out, "%s.%s.pdf" % (name, producer))
            xml = pdf[:-4] + "-str.xml"
            if not os.path.exists(pdf):
                print("left out %s: %s made no PDF" % (name, producer), file=sys.stderr)
                left += 1
                continue
            ok = all(" ".join(t.title.split()) in page_text(pdf, page) for t, page in tables)
            if not ok:
                print("left out %s.%s: a title is not on its page" % (name, producer), file=sys.stderr)
                os.remove(pdf)
                left += 1
                continue
            write_gt(xml, tables)
            kept += 1
    print("%d PDFs with ground truth in %s (%d left out)" % (kept, out, left))


if __name__ == "__main__":
    main()
