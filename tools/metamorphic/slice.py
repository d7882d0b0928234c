#!/usr/bin/env python3
"""Copies a representative slice of the generated matrix into
tests/metamorphic (what CI checks) with known-gaps.tsv: the variants of the
slice that are not read right yet, and how far they are right, so the test
fails when one gets worse.

Usage: slice.py CACHE_DIR SLICE_DIR
The slice: per form and ruling, the shifts 3 and 4 (Simplified and
Traditional, with and without a repeated header, blanks or zeros, one with a
planted error), through every producer and layout (less what left_out says);
the corpus web pages ruled, in Simplified. Of the two-step LibreOffice
producers (libreoffice-docx, libreoffice-odt) and pango only the shift 3,
ruled and borderless.
"""
import os
import re
import shutil
import sys

cache, out = sys.argv[1], sys.argv[2]
variants = os.path.join(cache, "variants")
keep = re.compile(r"^(gip-20(19|21)-(ruled|borderless)-[st](-rep)?-k0[34][^.]*|"
                  r"corpus-.*-ruled-s)\.")
# Kept small (a few MB): no borderless PDF of the second shift, and no
# pdftotext -raw or html2text variants but those a fix added (both read only
# part of the cells; the whole matrix counts them).
left_out = re.compile(r"borderless-.*-k04.*\.(libreoffice|chromium|wkhtmltopdf)\.|"
                      r"-k04.*\.(libreoffice-docx|libreoffice-odt|pango)\.|"
                      r"corpus-.*\.libreoffice-(docx|odt)\.|"
                      r"\.pdftotext-raw\.|\.html2text\.")
# Variants kept as regression tests of a fix, whatever the pattern above
# says: the page break of each once read wrong by a lattice rule for ICDAR
# tables (a narrow label column dropped as a double rule; cells with little
# padding taken for a head spanning columns; a repeated head's rule across
# the frame dropped as half of a double rule).
pinned = re.compile(r"^(gip-2019-ruled-t-k27-err\.wkhtmltopdf|gip-2021-ruled-t-k27-err\.wkhtmltopdf|gip-2021-ruled-t-k43-blank-err\.libreoffice|"
                    r"gip-2021-ruled-s-rep-k40-blank\.chromium)\.pdf\.")
os.makedirs(out, exist_ok=True)
# Variants a fix added to the slice by hand stay in it, refreshed from the
# cache (a fix's test must not vanish when the slice is made again).
already = {name for name in os.listdir(out) if name.endswith(".json")}
for name in os.listdir(out):
    if name != "README.md":
        os.remove(os.path.join(out, name))
chosen = set()
for name in sorted(os.listdir(variants)):
    if name.endswith(".json") and ((keep.match(name) and not left_out.search(name)) or pinned.match(name)
                                   or name in already):
        base = name[:-5]
        if os.path.exists(os.path.join(variants, base)):
            shutil.copy(os.path.join(variants, base), out)
            shutil.copy(os.path.join(variants, name), out)
            chosen.add(name)
gaps = []
with open(os.path.join(cache, "outcomes.tsv"), encoding="utf-8") as f:
    for line in f:
        fields = line.rstrip("\n").split("\t")
        if fields[0] in chosen and fields[1] != "ok":
            gaps.append("\t".join(fields))
with open(os.path.join(out, "known-gaps.tsv"), "w", encoding="utf-8") as f:
    f.write("# sidecar\tstate\tcells right\tof\tfalse error\tplanted found (made by tools/metamorphic/slice.py)\n")
    f.write("\n".join(sorted(gaps)) + ("\n" if gaps else ""))
print("slice: %d variants, %d known gaps" % (len(chosen), len(gaps)))
