#!/usr/bin/env python3
"""Generates the metamorphic matrix into a cache folder (outside git).

Every variant is a file plus a sidecar <file>.json naming its producer, its
layout and what it must read as (see gen.py). Producers are real programs
from Debian:
  libreoffice       LibreOffice Writer prints the HTML to PDF;
  libreoffice-docx  Writer imports the HTML as a text document ("HTML
                    (StarWriter)"), saves it as DOCX, and a second soffice
                    run prints the DOCX: Word's table model (fixed grid
                    widths, w:tblHeader repeated rows, its page styles);
                    the Writer/Web import cannot be used here, its DOCX
                    loses the table widths and runs off the page;
  libreoffice-odt   Writer/Web saves the HTML as ODT, a second run prints it
                    (rows split across pages, other spacing);
  chromium          headless print-to-PDF;
  wkhtmltopdf;
  pango             pango_print.py typesets the report model itself with
                    Pango and cairo, as GTK applications print (no tagged
                    structure, rules stroked cell by cell; synthetic
                    reports only, it has no HTML engine);
then pdftotext (-layout, -raw; only -layout for pango), w3m, lynx and
html2text turn it into text; gen.py writes the pipe / tab /
one-cell-per-line text layouts itself (producer "gen"); OpenCC gives the
Traditional versions. A file that exists is not made again.

Usage: matrix.py CACHE_DIR [--quick] [--only PRODUCER,...]
  --quick: a few shifts per configuration instead of every page-break
           position (for trying the script out).
  --only:  make only these producers' variants (names as above, or w3m,
           lynx, html2text, gen).
"""
import hashlib
import json
import os
import shutil
import subprocess
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import gen  # noqa: E402

HERE = os.path.dirname(os.path.abspath(__file__))
TESTS = os.path.normpath(os.path.join(HERE, "..", "..", "tests"))

# A5 at 9 pt: each table spans pages. Shifting the tables down one blank
# line at a time (0 .. SHIFTS-1, about a page of lines) makes a break fall
# after every row of every table and inside every merged group label.
PAGE = (148, 210, 12, 9)
SHIFTS = 44
NICE = ["nice", "-n", "10"]
PDF_PRODUCERS = ["libreoffice", "chromium", "wkhtmltopdf", "libreoffice-docx", "libreoffice-odt"]
# soffice runs of the two-step producers: (import filter or None, format the
# HTML is saved as); each has its own user profile in the cache, so another
# soffice running on the machine is not taken over.
LO_VIA = {"libreoffice-docx": ("HTML (StarWriter)", "docx:MS Word 2007 XML"),
          "libreoffice-odt": (None, "odt")}


def run(cmd, **kw):
    return subprocess.run(NICE + cmd, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
                          timeout=kw.pop("timeout", 120), **kw)


def to_traditional(path_in, path_out):
    run(["opencc", "-c", "s2t", "-i", path_in, "-o", path_out])


def write(path, text):
    with open(path, "w", encoding="utf-8") as f:
        f.write(text)


def write_sidecar(path, data):
    with open(path + ".json", "w", encoding="utf-8") as f:
        json.dump(data, f, ensure_ascii=False, sort_keys=True)


class Matrix:
    def __init__(self, cache, quick, only=None):
        self.cache = cache
        self.quick = quick
        self.only = only      # set of producer names, or None for all
        self.seeds = {}       # synthetic variant name -> gen.make() seed
        self.pending_via = {p: [] for p in LO_VIA}
        self.html_dir = os.path.join(cache, "html")
        self.out = os.path.join(cache, "variants")
        os.makedirs(self.html_dir, exist_ok=True)
        os.makedirs(self.out, exist_ok=True)
        self.pending_lo = []   # (html, pdf name, sidecar)

    # ---- sources --------------------------------------------------------------
    def synthetic(self):
        """(name, html path, sidecar, report) for every synthetic report."""
        items = []
        shifts = range(0, SHIFTS, 11) if self.quick else range(SHIFTS)
        for form in ["gip-2019", "gip-2021"]:
            for ruled in [True, False]:
                for k in shifts:
                    seed = int(hashlib.sha1(("%s%d%d" % (form, ruled, k)).encode()).hexdigest()[:8], 16)
                    # Script, repeated header, blanks and planting vary with
                    # the shift so each is met at every break position.
                    trad = k % 2 == 1
                    repeat = (k // 2) % 2 == 0
                    blanks = k % 3 != 0
                    planted = k % 4 == 3
                    report = gen.make(seed, form, blanks, planted)
                    name = "%s-%s-%s%s-k%02d%s%s" % (
                        form, "ruled" if ruled else "borderless", "t" if trad else "s",
                        "-rep" if repeat else "", k, "-blank" if blanks else "", "-err" if planted else "")
                    self.seeds[name] = seed
                    html = os.path.join(self.html_dir, name + ".html")
                    if not os.path.exists(html):
                        write(html + ".s", gen.html(report, ruled, repeat, PAGE, k))
                        if trad:
                            to_traditional(html + ".s", html)
                            os.remove(html + ".s")
                        else:
                            os.rename(html + ".s", html)
                    side = gen.sidecar(report, {"script": "t" if trad else "s",
                                                "ruled": ruled, "repeat": repeat, "shift": k})
                    items.append((name, html, side, report))
        return items

    def corpus(self):
        """The corpus web pages (their cells as Crossfoot reads the original)."""
        items = []
        for base in sorted(os.listdir(os.path.join(TESTS, "corpus", "html"))):
            src = os.path.join(TESTS, "corpus", "html", base)
            stem = base[:-5]
            for trad in [False, True]:
                for ruled in [True, False]:
                    name = "corpus-%s-%s-%s" % (stem, "ruled" if ruled else "borderless", "t" if trad else "s")
                    html = os.path.join(self.html_dir, name + ".html")
                    if not os.path.exists(html):
                        with open(src, encoding="utf-8") as f:
                            text = f.read()
                        text = text.replace(' nowrap="nowrap"', "").replace(" nowrap", "")
                        text = text.replace('border="1" cellspacing="1"', "")
                        if ruled:
                            text = text.replace("<table", '<table border="1" cellspacing="0"')
                        text = text.replace("<head>", "<head><style>@page { size: %gmm %gmm; margin: %gmm; }"
                                            " body, td { font-size: %gpt; }</style>" % PAGE, 1)
                        write(html + ".s", text)
                        if trad:
                            to_traditional(html + ".s", html)
                            os.remove(html + ".s")
                        else:
                            os.rename(html + ".s", html)
                    side = {"source": "corpus/html/" + base, "script": "t" if trad else "s", "ruled": ruled}
                    items.append((name, html, side, None))
        return items

    # ---- producers ------------------------------------------------------------
    def pdf_chromium(self, html, pdf):
        run(["chromium", "--headless", "--no-sandbox", "--disable-gpu", "--no-pdf-header-footer",
             "--print-to-pdf=" + pdf, "file://" + os.path.abspath(html)])

    def pdf_wkhtmltopdf(self, html, pdf):
        w, h, m, _ = PAGE
        run(["wkhtmltopdf", "-q", "--page-width", "%gmm" % w, "--page-height", "%gmm" % h,
             "-T", "%gmm" % m, "-B", "%gmm" % m, "-L", "%gmm" % m, "-R", "%gmm" % m, html, pdf])

    def pdf_pango(self, name, side, report, pdf):
        cmd = ["/usr/bin/python3", os.path.join(HERE, "pango_print.py"), pdf, report.form,
               str(self.seeds[name]), "--shift", str(side["shift"]), "--page", ",".join("%g" % x for x in PAGE)]
        for flag, on in [("blanks", report.blanks), ("planted", report.planted is not None),
                         ("ruled", side["ruled"]), ("repeat", side["repeat"]), ("trad", side["script"] == "t")]:
            if on:
                cmd.append("--" + flag)
        run(cmd)

    def soffice(self, args, timeout):
        profile = os.path.join(os.path.abspath(self.cache), "lo-profile")
        run(["soffice", "-env:UserInstallation=file://" + profile, "--headless"] + args, timeout=timeout)

    def flush_via(self):
        """The two-step LibreOffice producers: every queued page saved as a
        DOCX or ODT in one soffice start, then all those printed in another."""
        for producer, (infilter, fmt) in LO_VIA.items():
            pending = self.pending_via[producer]
            tmp = os.path.join(self.cache, "lo-tmp-" + producer)
            for i in range(0, len(pending), 100):
                batch = pending[i:i + 100]
                shutil.rmtree(tmp, ignore_errors=True)
                os.makedirs(os.path.join(tmp, "pdf"))
                self.soffice((["--infilter=" + infilter] if infilter else [])
                             + ["--convert-to", fmt, "--outdir", tmp] + [h for h, _, _ in batch], 3600)
                ext = fmt.split(":")[0]
                docs = [os.path.join(tmp, os.path.basename(h)[:-5] + "." + ext) for h, _, _ in batch]
                self.soffice(["--convert-to", "pdf:writer_pdf_Export", "--outdir", os.path.join(tmp, "pdf")]
                             + [d for d in docs if os.path.exists(d)], 3600)
                for h, pdf, side in batch:
                    made = os.path.join(tmp, "pdf", os.path.basename(h)[:-5] + ".pdf")
                    if os.path.exists(made):
                        os.rename(made, pdf)
                        self.derive_pdf(pdf, side)
            shutil.rmtree(tmp, ignore_errors=True)
            self.pending_via[producer] = []

    def flush_libreoffice(self):
        """LibreOffice converts the queued pages in one start."""
        if not self.pending_lo:
            return
        tmp = os.path.join(self.cache, "lo-tmp")
        shutil.rmtree(tmp, ignore_errors=True)
        os.makedirs(tmp)
        for i in range(0, len(self.pending_lo), 40):
            batch = self.pending_lo[i:i + 40]
            run(["soffice", "--headless", "--convert-to", "pdf:writer_pdf_Export", "--outdir", tmp]
                + [h for h, _, _ in batch], timeout=1200)
            for h, pdf, side in batch:
                made = os.path.join(tmp, os.path.basename(h)[:-5] + ".pdf")
                if os.path.exists(made):
                    os.rename(made, pdf)
                    self.derive_pdf(pdf, side)
        shutil.rmtree(tmp, ignore_errors=True)
        self.pending_lo = []

    def wants(self, producer):
        return self.only is None or producer in self.only

    def pdf(self, producer, name, html, side, report=None):
        if not self.wants(producer):
            return
        pdf = os.path.join(self.out, "%s.%s.pdf" % (name, producer))
        side = dict(side, producer=producer, layout="pdf")
        if not os.path.exists(pdf):
            if producer == "libreoffice":
                self.pending_lo.append((html, pdf, side))
                return
            if producer in LO_VIA:
                self.pending_via[producer].append((html, pdf, side))
                return
            if producer == "pango":
                self.pdf_pango(name, side, report, pdf)
            else:
                getattr(self, "pdf_" + producer)(html, pdf)
        if os.path.exists(pdf):
            self.derive_pdf(pdf, side)

    def derive_pdf(self, pdf, side):
        write_sidecar(pdf, side)
        for opt in ["layout"] if side["producer"] == "pango" else ["layout", "raw"]:
            txt = pdf[:-4] + ".pdftotext-%s.txt" % opt
            if not os.path.exists(txt):
                run(["pdftotext", "-" + opt, "-enc", "UTF-8", pdf, txt])
            if os.path.exists(txt):
                write_sidecar(txt, dict(side, layout="pdftotext-" + opt))

    def dumps(self, name, html, side):
        cmds = {
            "w3m": ["w3m", "-dump", "-cols", "200", "-T", "text/html", "-I", "UTF-8", "-O", "UTF-8", html],
            "lynx": ["lynx", "-dump", "-width=200", "-display_charset=utf-8", "-assume_charset=utf-8", html],
            "html2text": ["html2text", "-utf8", "-nobs", "-width", "200", html],
        }
        for tool, cmd in cmds.items():
            if not self.wants(tool):
                continue
            txt = os.path.join(self.out, "%s.%s.txt" % (name, tool))
            if not os.path.exists(txt):
                with open(txt, "wb") as f:
                    subprocess.run(NICE + cmd, stdout=f, stderr=subprocess.DEVNULL, timeout=60)
            write_sidecar(txt, dict(side, producer=tool, layout="dump"))

    def text_layouts(self, name, report, side):
        if not self.wants("gen"):
            return
        for layout, fn in gen.TEXT_LAYOUTS.items():
            txt = os.path.join(self.out, "%s.%s.txt" % (name, layout))
            if not os.path.exists(txt):
                write(txt + ".s", gen.text_report(report, fn))
                if side["script"] == "t":
                    to_traditional(txt + ".s", txt)
                    os.remove(txt + ".s")
                else:
                    os.rename(txt + ".s", txt)
            write_sidecar(txt, dict(side, producer="gen", layout=layout))

    def build(self):
        synthetic = self.synthetic()
        for name, html, side, report in synthetic:
            k = side["shift"]
            for producer in PDF_PRODUCERS + ["pango"]:
                self.pdf(producer, name, html, side, report)
            # The shift changes nothing in text: a few per configuration.
            if k % 4 < 2 or report.planted:
                self.dumps(name, html, side)
                self.text_layouts(name, report, side)
        for name, html, side, _ in self.corpus():
            for producer in PDF_PRODUCERS:
                self.pdf(producer, name, html, side)
            self.dumps(name, html, side)
        self.flush_libreoffice()
        self.flush_via()


if __name__ == "__main__":
    args = sys.argv[1:]
    only = None
    if "--only" in args:
        only = set(args.pop(args.index("--only") + 1).split(","))
        args.remove("--only")
    Matrix(args[0], "--quick" in args, only).build()
