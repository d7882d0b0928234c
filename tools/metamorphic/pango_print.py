#!/usr/bin/python3
"""Prints a synthetic report (gen.py's model, not its HTML) the way GTK and
GNOME applications print: Pango lays out the text, cairo draws it on a
cairo.PDFSurface page by page.

The PDF this gives differs from the HTML printers' in the ways the matrix
wants: no tagged structure, fonts subset by cairo, every rule drawn as the
stroked rectangle of its cell (neighbouring cells draw their shared edge
twice, nothing joins the rules into a lattice), the text of a cell centred
in the part of the cell on the page where it starts. Same report as the
HTML: title and paragraphs, the three tables with their merged group
labels, ruled or borderless, the header rows drawn again at the top of
each page the table continues on (repeat) or not, A5 pages, Noto CJK
fonts, and SHIFT blank lines before the first table so that its page
breaks move down one line at a time.

Needs /usr/bin/python3 with PyGObject (python3-gi, gir1.2-pango-1.0,
python3-gi-cairo) and fonts-noto-cjk; matrix.py runs it as a program.

Usage: pango_print.py OUT.pdf FORM SEED [--blanks] [--planted] [--ruled]
                      [--repeat] [--trad] [--shift K]
(the report is gen.make(SEED, FORM, blanks, planted), as matrix.py makes it)
"""
import argparse
import os
import subprocess
import sys

import cairo
import gi

gi.require_version("Pango", "1.0")
gi.require_version("PangoCairo", "1.0")
from gi.repository import Pango, PangoCairo  # noqa: E402

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import gen  # noqa: E402

MM = 72 / 25.4
PAD_X = 2.5    # points of padding left and right of a cell's text
PAD_Y = 1.5    # above and below
RULE = 0.5     # width of a ruled table's lines


def document(report):
    """The report as blocks: ("p", text), ("blank",), ("table", grid, n_head)."""
    year = 2020 if report.form == "gip-2019" else 2022
    blocks = [("p", "%d年政府信息公开工作年度报告" % year),
              ("p", gen.PROSE_BEFORE.format(year=year)),
              ("p", "一、总体情况"),
              ("p", "%d年，本机关扎实推进政务公开工作。" % year)]
    tables = []
    for heading, grid_of in gen.TABLES:
        grid, n_head = getattr(report, grid_of)()
        tables.append([("p", heading), ("table", grid, n_head)])
    return blocks, tables, [("p", p) for p in gen.PROSE_AFTER]


def to_traditional(texts):
    """All the strings through OpenCC in one run (one per line)."""
    out = subprocess.run(["opencc", "-c", "s2t"], input="\n".join(texts) + "\n",
                         capture_output=True, text=True, check=True).stdout
    lines = out.split("\n")[:len(texts)]
    assert len(lines) == len(texts)
    return lines


def grid_cells(grid):
    """Each cell with its grid row, column and spans (as HTML places them)."""
    taken = set()
    cells = []
    for r, row in enumerate(grid):
        col = 0
        for c in row:
            while (r, col) in taken:
                col += 1
            cells.append(dict(c, row=r, col=col))
            for dr in range(c["rs"]):
                for dc in range(c["cs"]):
                    taken.add((r + dr, col + dc))
            col += c["cs"]
    ncols = max(col for _, col in taken) + 1
    return cells, ncols


class Printer:
    def __init__(self, path, page, family, title):
        w, h, m, pt = page
        self.surface = cairo.PDFSurface(path, w * MM, h * MM)
        self.surface.set_metadata(cairo.PDFMetadata.TITLE, title)
        self.surface.set_metadata(cairo.PDFMetadata.CREATOR, "Crossfoot tools/metamorphic/pango_print.py")
        self.cr = cairo.Context(self.surface)
        self.top, self.bottom = m * MM, (h - m) * MM
        self.left, self.width = m * MM, (w - 2 * m) * MM
        # In points of the PDF page (a size in "pt" would be scaled by
        # PangoCairo's 96 dpi default).
        self.font = Pango.FontDescription.from_string(family)
        self.font.set_absolute_size(pt * Pango.SCALE)
        self.y = self.top
        self.line = self.layout("国").get_size()[1] / Pango.SCALE

    def layout(self, text, width=None, align=Pango.Alignment.LEFT):
        layout = PangoCairo.create_layout(self.cr)
        layout.set_font_description(self.font)
        layout.set_text(text, -1)
        layout.set_alignment(align)
        if width is not None:
            layout.set_width(max(1, int(width * Pango.SCALE)))
            layout.set_wrap(Pango.WrapMode.WORD)
        return layout

    def extent(self, layout):
        w, h = layout.get_size()
        return w / Pango.SCALE, h / Pango.SCALE

    def new_page(self):
        self.cr.show_page()
        self.y = self.top

    def show(self, layout, x, y):
        self.cr.move_to(x, y)
        PangoCairo.show_layout(self.cr, layout)

    def paragraph(self, text):
        layout = self.layout(text, self.width)
        _, h = self.extent(layout)
        if self.y + h > self.bottom:
            self.new_page()
        self.show(layout, self.left, self.y)
        self.y += h

    def blank(self):
        if self.y + self.line > self.bottom:
            self.new_page()
        self.y += self.line

    # ---- tables ------------------------------------------------------------
    def column_widths(self, cells, ncols):
        """HTML's automatic table layout, roughly: each column between the
        widest word and the widest unbroken text of its cells, spanning
        cells spreading what they need over their columns; shrunk to the
        page when the unbroken widths do not fit."""
        lo = [2 * PAD_X] * ncols
        hi = [2 * PAD_X] * ncols
        for c in sorted(cells, key=lambda c: c["cs"]):
            text = c["text"] or " "
            least = self.extent(self.layout(text, 1))[0] + 2 * PAD_X
            most = self.extent(self.layout(text))[0] + 2 * PAD_X
            span = range(c["col"], c["col"] + c["cs"])
            for need, widths in [(least, lo), (most, hi)]:
                have = sum(widths[i] for i in span)
                if need > have:
                    for i in span:
                        widths[i] += (need - have) / c["cs"]
        hi = [max(a, b) for a, b in zip(lo, hi)]
        if sum(hi) <= self.width or sum(hi) == sum(lo):
            return hi
        room = max(0.0, self.width - sum(lo))
        return [a + (b - a) * room / (sum(hi) - sum(lo)) for a, b in zip(lo, hi)]

    def table(self, grid, n_head, ruled, repeat):
        cells, ncols = grid_cells(grid)
        widths = self.column_widths(cells, ncols)
        xs = [self.left]
        for w in widths:
            xs.append(xs[-1] + w)
        nrows = len(grid)
        heights = [self.line + 2 * PAD_Y] * nrows
        for c in cells:
            c["align"] = (Pango.Alignment.RIGHT if c["key"] else
                          Pango.Alignment.CENTER if c["row"] < n_head else Pango.Alignment.LEFT)
            c["layout"] = self.layout(c["text"], xs[c["col"] + c["cs"]] - xs[c["col"]] - 2 * PAD_X, c["align"])
            c["height"] = self.extent(c["layout"])[1] + 2 * PAD_Y
        for c in sorted(cells, key=lambda c: c["rs"]):
            rows = range(c["row"], c["row"] + c["rs"])
            short = c["height"] - sum(heights[r] for r in rows)
            if short > 0:
                heights[rows[-1]] += short
        head = list(range(n_head)) if repeat and n_head > 1 else []
        # Rows to pages: a row never splits; a repeated head starts on the
        # page of the first body row and comes again on each next page.
        pages = [[]]
        y = self.y
        for r in range(nrows):
            need = heights[r] + (sum(heights[h] for h in head) if r == 0 and head else 0)
            if y + need > self.bottom and y > self.top:
                pages.append([])
                y = self.top
                if head and r >= len(head):
                    for h in head:
                        pages[-1].append((h, y))
                        y += heights[h]
            pages[-1].append((r, y))
            y += heights[r]
        pending = set()
        for i, placed in enumerate(pages):
            if i > 0:
                self.new_page()
            self.draw_rows(cells, placed, heights, xs, ruled, pending)
        self.y = y

    def draw_rows(self, cells, placed, heights, xs, ruled, pending):
        """One page's part of each cell: its rectangle if ruled, its text in
        the part where it starts (or the next, where it did not fit)."""
        where = dict(placed)
        cr = self.cr
        for n, c in enumerate(cells):
            rows = [r for r in range(c["row"], c["row"] + c["rs"]) if r in where]
            if not rows:
                continue
            x0, x1 = xs[c["col"]], xs[c["col"] + c["cs"]]
            y0 = where[rows[0]]
            y1 = where[rows[-1]] + heights[rows[-1]]
            if ruled:
                cr.set_line_width(RULE)
                cr.rectangle(x0, y0, x1 - x0, y1 - y0)
                cr.stroke()
            if c["text"] and (rows[0] == c["row"] or n in pending):
                if c["height"] <= y1 - y0 + 0.01:
                    text_h = c["height"] - 2 * PAD_Y
                    self.show(c["layout"], x0 + PAD_X, y0 + (y1 - y0 - text_h) / 2)
                    pending.discard(n)
                else:
                    pending.add(n)


def render(report, ruled, repeat, page, shift, trad, path):
    before, tables, after = document(report)
    blocks = before + [("blank",)] * shift + [b for t in tables for b in t] + after
    texts = []
    for b in blocks:
        if b[0] == "p":
            texts.append(b[1])
        elif b[0] == "table":
            texts += [c["text"] for row in b[1] for c in row if c["text"]]
    if trad:
        it = iter(to_traditional(texts))
        conv = []
        for b in blocks:
            if b[0] == "p":
                conv.append(("p", next(it)))
            elif b[0] == "table":
                grid = [[dict(c, text=next(it)) if c["text"] else c for c in row] for row in b[1]]
                conv.append(("table", grid, b[2]))
            else:
                conv.append(b)
        blocks = conv
    title = blocks[0][1]
    printer = Printer(path, page, "Noto Sans CJK %s" % ("TC" if trad else "SC"), title)
    for b in blocks:
        if b[0] == "p":
            printer.paragraph(b[1])
        elif b[0] == "blank":
            printer.blank()
        else:
            printer.table(b[1], b[2], ruled, repeat)
    printer.surface.finish()


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("out")
    ap.add_argument("form", choices=["gip-2019", "gip-2021"])
    ap.add_argument("seed", type=int)
    for flag in ["blanks", "planted", "ruled", "repeat", "trad"]:
        ap.add_argument("--" + flag, action="store_true")
    ap.add_argument("--shift", type=int, default=0)
    ap.add_argument("--page", default="148,210,12,9", help="width mm, height mm, margin mm, font pt")
    a = ap.parse_args()
    report = gen.make(a.seed, a.form, a.blanks, a.planted)
    page = tuple(float(x) for x in a.page.split(","))
    render(report, a.ruled, a.repeat, page, a.shift, a.trad, a.out)


if __name__ == "__main__":
    main()
