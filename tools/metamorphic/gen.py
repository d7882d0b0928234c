#!/usr/bin/env python3
"""Synthetic reports of the two national forms, as HTML plus a sidecar of
what they say.

Each report has random but consistent values (gip-2019 or gip-2021), some
zeros printed blank, and optionally one planted error: a part increased so
that its stated total no longer holds (the expected finding names that cell).
The HTML varies what publishers vary: ruled or borderless, a repeated
header (<thead>) or not, Simplified or Traditional characters (the caller
runs opencc on the HTML), a page size and a run of blank lines before the
tables so that page breaks fall at every position inside each table.

The same grid is also written straight to the text layouts analysts get
(pipe, tab, one cell per line with its separators on their own line or at
line ends) by text_layouts().

Usage: gen.py OUT_DIR [N_SHIFTS]   (writes OUT_DIR/<name>.html + .json)
"""
import json
import os
import random
import sys

REQ_COLS = ["natural_person", "commercial", "research", "social_welfare",
            "legal_services", "other_org"]

# (row key, group label or None, sub-group label or None, label)
REQ_HEAD = [("new", "一、本年新收政府信息公开申请数量"),
            ("carried_over", "二、上年结转政府信息公开申请数量")]
RESULTS = [
    ("granted", None, "（一）予以公开"),
    ("partly_granted", None, "（二）部分公开（区分处理的，只计这一情形，不计其他情形）"),
    ("withheld_state_secret", "（三）不予公开", "1.属于国家秘密"),
    ("withheld_law_forbids", "（三）不予公开", "2.其他法律行政法规禁止公开"),
    ("withheld_three_safety", "（三）不予公开", "3.危及“三安全一稳定”"),
    ("withheld_third_party", "（三）不予公开", "4.保护第三方合法权益"),
    ("withheld_internal", "（三）不予公开", "5.属于三类内部事务信息"),
    ("withheld_process", "（三）不予公开", "6.属于四类过程性信息"),
    ("withheld_enforcement_file", "（三）不予公开", "7.属于行政执法案卷"),
    ("withheld_query", "（三）不予公开", "8.属于行政查询事项"),
    ("unavailable_not_held", "（四）无法提供", "1.本机关不掌握相关政府信息"),
    ("unavailable_needs_creation", "（四）无法提供", "2.没有现成信息需要另行制作"),
    ("unavailable_unclear", "（四）无法提供", "3.补正后申请内容仍不明确"),
    ("rejected_petition", "（五）不予处理", "1.信访举报投诉类申请"),
    ("rejected_duplicate", "（五）不予处理", "2.重复申请"),
    ("rejected_publication", "（五）不予处理", "3.要求提供公开出版物"),
    ("rejected_excessive", "（五）不予处理", "4.无正当理由大量反复申请"),
    ("rejected_confirmation", "（五）不予处理", "5.要求行政机关确认或重新出具已获取信息"),
]
OTHER_2019 = [("other", None, "（六）其他处理")]
OTHER_2021 = [
    ("other_no_correction", "（六）其他处理",
     "1.申请人无正当理由逾期不补正、行政机关不再处理其政府信息公开申请"),
    ("other_no_fee", "（六）其他处理",
     "2.申请人逾期未按收费通知要求缴纳费用、行政机关不再处理其政府信息公开申请"),
    ("other_misc", "（六）其他处理", "3.其他"),
]
APPEAL_GROUPS = ["review", "suit", "suit_after_review"]
APPEAL_PARTS = ["upheld", "corrected", "other", "pending"]
APPEAL_LABELS = ["结果维持", "结果纠正", "其他结果", "尚未审结", "总计"]


def cell(text, cs=1, rs=1, key=None):
    return {"text": text, "cs": cs, "rs": rs, "key": key}


class Report:
    def __init__(self, form, rng, blanks, planted):
        self.form = form
        self.rng = rng
        self.blanks = blanks
        self.values = {}       # "table/row/col" -> number (int or float)
        self.planted = None
        self._make_values()
        if planted:
            self._plant()

    # ---- values --------------------------------------------------------------
    def _count(self, big=False, zero_chance=0.45):
        if self.rng.random() < zero_chance:
            return 0
        return self.rng.randint(1, 900 if big else 40)

    def result_rows(self):
        return RESULTS + (OTHER_2019 if self.form == "gip-2019" else OTHER_2021)

    def _make_values(self):
        v = self.values
        rng = self.rng
        rows = [r[0] for r in self.result_rows()]
        results_total = {c: 0 for c in REQ_COLS}
        for row in rows:
            for c in REQ_COLS:
                n = self._count(big=(c == "natural_person"),
                                zero_chance=0.3 if c == "natural_person" else 0.7)
                v["requests/%s/%s" % (row, c)] = n
                results_total[c] += n
        for c in REQ_COLS:
            v["requests/results_total/%s" % c] = results_total[c]
            fwd = self._count(zero_chance=0.5)
            over = self._count(zero_chance=0.5)
            over = min(over, results_total[c] + fwd)
            v["requests/carried_forward/%s" % c] = fwd
            v["requests/carried_over/%s" % c] = over
            v["requests/new/%s" % c] = results_total[c] + fwd - over
        for row in ["new", "carried_over"] + rows + ["results_total", "carried_forward"]:
            v["requests/%s/total" % row] = sum(v["requests/%s/%s" % (row, c)] for c in REQ_COLS)
        for g in APPEAL_GROUPS:
            parts = [self._count(zero_chance=0.4) for _ in APPEAL_PARTS]
            for p, n in zip(APPEAL_PARTS, parts):
                v["appeals/cases/%s_%s" % (g, p)] = n
            v["appeals/cases/%s_total" % g] = sum(parts)
        if self.form == "gip-2021":
            for row in ["rules", "normative_documents"]:
                for c in ["issued", "repealed", "in_force"]:
                    v["proactive/%s/%s" % (row, c)] = self._count(zero_chance=0.3)
            for row in ["licensing", "penalty", "enforcement"]:
                v["proactive/%s/decisions" % row] = self._count(big=True, zero_chance=0.2)
            v["proactive/fees/amount"] = round(rng.randint(0, 99999) / 100.0, 2)
        else:
            for row in ["rules", "normative_documents"]:
                for c in ["made", "published", "total_published"]:
                    v["proactive/%s/%s" % (row, c)] = self._count(zero_chance=0.3)
            for row in ["licensing", "other_services", "penalty", "enforcement"]:
                for c in ["items_last_year", "items_change", "decisions"]:
                    v["proactive/%s/%s" % (row, c)] = self._count(zero_chance=0.3)
            for c in ["items_last_year", "items_change"]:
                v["proactive/fees/%s" % c] = self._count(zero_chance=0.3)
            v["proactive/procurement/items"] = self._count(zero_chance=0.3)
            v["proactive/procurement/amount"] = round(rng.randint(0, 99999) / 10.0, 1)

    def _plant(self):
        """Raise one part so its row total (or appeals total) no longer holds;
        the stated total is not blank, so the error is certain."""
        v = self.values
        if self.rng.random() < 0.8:
            rows = [r[0] for r in self.result_rows()] + ["new"]
            rows = [r for r in rows if v["requests/%s/total" % r] > 0]
            row = self.rng.choice(rows)
            key = "requests/%s/%s" % (row, self.rng.choice(REQ_COLS))
            rules = ["requests.row_total"]
        else:
            groups = [g for g in APPEAL_GROUPS if v["appeals/cases/%s_total" % g] > 0]
            if not groups:
                v["appeals/cases/review_upheld"] = 3
                v["appeals/cases/review_total"] += 3
                groups = ["review"]
            g = self.rng.choice(groups)
            key = "appeals/cases/%s_%s" % (g, self.rng.choice(APPEAL_PARTS))
            rules = ["appeals.%s_total" % g]
        v[key] += self.rng.randint(1, 9)
        self.planted = {"cell": key, "rules": rules}

    def shown(self, key):
        """What the report prints for a canonical cell ("" for a blank zero)."""
        n = self.values[key]
        if n == 0 and self.blanks:
            return ""
        if isinstance(n, float):
            return ("%.2f" % n).rstrip("0").rstrip(".") if n != int(n) else "%d" % n
        return "%d" % n

    def expected_cells(self):
        return {k: self.shown(k) for k in self.values}

    # ---- grids (rows of cells as HTML would have them) -----------------------
    def proactive_grid(self):
        s = self.shown
        g = []
        band = lambda t: g.append([cell(t, cs=4)])
        if self.form == "gip-2021":
            band("第二十条第（一）项")
            g.append([cell("信息内容"), cell("本年制发件数"), cell("本年废止件数"), cell("现行有效件数")])
            for row, label in [("rules", "规章"), ("normative_documents", "行政规范性文件")]:
                g.append([cell(label)] + [cell(s("proactive/%s/%s" % (row, c)), key="proactive/%s/%s" % (row, c))
                                          for c in ["issued", "repealed", "in_force"]])
            for band_label, rows in [("第二十条第（五）项", [("licensing", "行政许可")]),
                                     ("第二十条第（六）项", [("penalty", "行政处罚"), ("enforcement", "行政强制")])]:
                band(band_label)
                g.append([cell("信息内容"), cell("本年处理决定数量", cs=3)])
                for row, label in rows:
                    k = "proactive/%s/decisions" % row
                    g.append([cell(label), cell(s(k), cs=3, key=k)])
            band("第二十条第（八）项")
            g.append([cell("信息内容"), cell("本年收费金额（单位：万元）", cs=3)])
            g.append([cell("行政事业性收费"), cell(s("proactive/fees/amount"), cs=3, key="proactive/fees/amount")])
        else:
            band("第二十条第（一）项")
            g.append([cell("信息内容"), cell("本年新制作数量"), cell("本年新公开数量"), cell("对外公开总数量")])
            for row, label in [("rules", "规章"), ("normative_documents", "规范性文件")]:
                g.append([cell(label)] + [cell(s("proactive/%s/%s" % (row, c)), key="proactive/%s/%s" % (row, c))
                                          for c in ["made", "published", "total_published"]])
            for band_label, rows in [("第二十条第（五）项", [("licensing", "行政许可"), ("other_services", "其他对外管理服务事项")]),
                                     ("第二十条第（六）项", [("penalty", "行政处罚"), ("enforcement", "行政强制")])]:
                band(band_label)
                g.append([cell("信息内容"), cell("上一年项目数量"), cell("本年增/减"), cell("处理决定数量")])
                for row, label in rows:
                    g.append([cell(label)] + [cell(s("proactive/%s/%s" % (row, c)), key="proactive/%s/%s" % (row, c))
                                              for c in ["items_last_year", "items_change", "decisions"]])
            band("第二十条第（八）项")
            g.append([cell("信息内容"), cell("上一年项目数量"), cell("本年增/减", cs=2)])
            g.append([cell("行政事业性收费"), cell(s("proactive/fees/items_last_year"), key="proactive/fees/items_last_year"),
                      cell(s("proactive/fees/items_change"), cs=2, key="proactive/fees/items_change")])
            band("第二十条第（九）项")
            g.append([cell("信息内容"), cell("采购项目数量"), cell("采购总金额", cs=2)])
            g.append([cell("政府集中采购"), cell(s("proactive/procurement/items"), key="proactive/procurement/items"),
                      cell(s("proactive/procurement/amount"), cs=2, key="proactive/procurement/amount")])
        return g, 1  # header rows: none repeat (bands restart the headings)

    def requests_grid(self):
        s = self.shown
        g = [[cell("（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）", cs=3, rs=3),
              cell("申请人情况", cs=7)],
             [cell("自然人", rs=2), cell("法人或其他组织", cs=5), cell("总计", rs=2)],
             [cell(t) for t in ["商业企业", "科研机构", "社会公益组织", "法律服务机构", "其他"]]]
        values = lambda row: [cell(s("requests/%s/%s" % (row, c)), key="requests/%s/%s" % (row, c))
                              for c in REQ_COLS + ["total"]]
        for row, label in REQ_HEAD:
            g.append([cell(label, cs=3)] + values(row))
        results = self.result_rows()
        first = True
        i = 0
        while i < len(results):
            row, group, label = results[i]
            lead = [cell("三、本年度办理结果", rs=len(results) + 1)] if first else []
            first = False
            if group is None:
                g.append(lead + [cell(label, cs=2)] + values(row))
                i += 1
                continue
            members = [r for r in results if r[1] == group]
            for j, (mrow, _, mlabel) in enumerate(members):
                head = [cell(group, rs=len(members))] if j == 0 else []
                g.append((lead if j == 0 else []) + head + [cell(mlabel)] + values(mrow))
            i += len(members)
        g.append([cell("（七）总计", cs=2)] + values("results_total"))
        g.append([cell("四、结转下年度继续办理", cs=3)] + values("carried_forward"))
        return g, 3

    def appeals_grid(self):
        s = self.shown
        g = [[cell("行政复议", cs=5), cell("行政诉讼", cs=10)],
             [cell(t, rs=2) for t in APPEAL_LABELS] + [cell("未经复议直接起诉", cs=5), cell("复议后起诉", cs=5)],
             [cell(t) for t in APPEAL_LABELS * 2]]
        keys = ["appeals/cases/%s_%s" % (grp, p) for grp in APPEAL_GROUPS for p in APPEAL_PARTS + ["total"]]
        g.append([cell(s(k), key=k) for k in keys])
        return g, 3


TABLES = [("二、主动公开政府信息情况", "proactive_grid"),
          ("三、收到和处理政府信息公开申请情况", "requests_grid"),
          ("四、政府信息公开行政复议、行政诉讼情况", "appeals_grid")]

PROSE_BEFORE = ("根据《中华人民共和国政府信息公开条例》规定编制本报告。"
                "本报告中所列数据统计期限为{year}年1月1日至12月31日。")
PROSE_AFTER = ["五、存在的主要问题及改进情况",
               "对照新要求新任务，主动公开工作还需进一步规范，政策解读的形式还需丰富。",
               "六、其他需要报告的事项",
               "本年度未收取信息处理费。"]


def esc(t):
    return t.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


def html(report, ruled, repeat, page, shift):
    """page: (width mm, height mm, margin mm, font pt); shift: blank lines
    before the first table, moving every page break by one line."""
    w, h, m, pt = page
    border = ' border="1" cellspacing="0" cellpadding="2"' if ruled else ' cellspacing="0" cellpadding="2"'
    year = 2020 if report.form == "gip-2019" else 2022
    out = ['<!DOCTYPE html><html><head><meta charset="utf-8">',
           "<title>%d年政府信息公开工作年度报告</title>" % year,
           "<style>@page { size: %gmm %gmm; margin: %gmm; } body { font-size: %gpt; } "
           "td { font-size: %gpt; } p { margin: 0; }</style></head><body>" % (w, h, m, pt, pt),
           "<p>%d年政府信息公开工作年度报告</p>" % year,
           "<p>%s</p>" % PROSE_BEFORE.format(year=year),
           "<p>一、总体情况</p>", "<p>%d年，本机关扎实推进政务公开工作。</p>" % year]
    out += ["<p>&nbsp;</p>"] * shift
    for heading, grid_of in TABLES:
        grid, n_head = getattr(report, grid_of)()
        out.append("<p>%s</p>" % heading)
        out.append("<table%s>" % border)
        if repeat and n_head > 1:
            out.append("<thead>")
        for i, row in enumerate(grid):
            if repeat and n_head > 1 and i == n_head:
                out.append("</thead><tbody>")
            tds = []
            for c in row:
                attrs = (' colspan="%d"' % c["cs"] if c["cs"] > 1 else "") + \
                        (' rowspan="%d"' % c["rs"] if c["rs"] > 1 else "")
                tds.append("<td%s>%s</td>" % (attrs, esc(c["text"]) if c["text"] else "&nbsp;"))
            out.append("<tr>%s</tr>" % "".join(tds))
        if repeat and n_head > 1:
            out.append("</tbody>")
        out.append("</table>")
    out += ["<p>%s</p>" % p for p in PROSE_AFTER]
    out.append("</body></html>")
    return "\n".join(out) + "\n"


# ---- text layouts straight from the grid ---------------------------------------
def expand(grid):
    """Rows of strings, one per grid column, spanned places left empty."""
    ncols = max(sum(c["cs"] for c in row) for row in grid[:1]) if grid else 0
    ncols = max(ncols, max(sum(c["cs"] for c in row) for row in grid))
    taken = {}
    out = []
    for r, row in enumerate(grid):
        line = [None] * 64
        col = 0
        for c in row:
            while taken.get((r, col)):
                col += 1
            line[col] = c["text"]
            for dr in range(c["rs"]):
                for dc in range(c["cs"]):
                    taken[(r + dr, col + dc)] = True
            col += c["cs"]
        width = max(ncols, max((i + 1 for i, t in enumerate(line) if t is not None), default=0))
        out.append([t if t is not None else "" for t in line[:width]])
    return out


def text_report(report, table_text):
    year = 2020 if report.form == "gip-2019" else 2022
    lines = ["%d年政府信息公开工作年度报告" % year, PROSE_BEFORE.format(year=year), "一、总体情况",
             "%d年，本机关扎实推进政务公开工作。" % year]
    for heading, grid_of in TABLES:
        grid, _ = getattr(report, grid_of)()
        lines.append(heading)
        lines += table_text(grid)
    lines += PROSE_AFTER
    return "\n".join(lines) + "\n"


def layout_pipe(grid):
    return ["| " + " | ".join(row) + " |" for row in expand(grid)]


def layout_tab(grid):
    return ["\t".join(row) for row in expand(grid)]


def per_line(grid, at_line_end):
    """One cell per line as Word tables pasted into a web editor come out:
    a row opens with "|", each cell is "text |", and the row closes with one
    "|" per column its cells did not fill; at_line_end puts that closing run
    on the last cell's own line ("第二十条第（一）项 ||||")."""
    ncols = max(len(r) for r in expand(grid))
    out = []
    for row in grid:
        out.append("|")
        cells = ["%s |" % c["text"] if c["text"] else "|" for c in row]
        missing = max(0, ncols - len(row))
        if at_line_end:
            cells[-1] += "|" * (1 + missing)
            out += cells
        else:
            out += cells + ["|" * (1 + missing)]
    return out


TEXT_LAYOUTS = {
    "pipe": layout_pipe,
    "tab": layout_tab,
    "cell-per-line": lambda g: per_line(g, False),
    "cell-per-line-end": lambda g: per_line(g, True),
}


def sidecar(report, extra):
    d = {"form": report.form, "cells": report.expected_cells(),
         "consistent": report.planted is None}
    if report.planted:
        d["planted"] = report.planted
    d.update(extra)
    return d


def make(seed, form, blanks, planted):
    return Report(form, random.Random(seed), blanks, planted)


if __name__ == "__main__":
    out_dir = sys.argv[1]
    os.makedirs(out_dir, exist_ok=True)
    r = make(1, "gip-2021", True, True)
    open(os.path.join(out_dir, "demo.html"), "w").write(html(r, True, True, (148, 210, 10, 9), 0))
    for name, fn in TEXT_LAYOUTS.items():
        open(os.path.join(out_dir, "demo.%s.txt" % name), "w").write(text_report(r, fn))
    json.dump(sidecar(r, {}), open(os.path.join(out_dir, "demo.json"), "w"), ensure_ascii=False, indent=1)
