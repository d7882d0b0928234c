#!/usr/bin/env python3
# make-report.py: an HTML annual report for the benchmarks (bench-pdf.sh,
# bench-compare.sh), printed to PDF with LibreOffice by them.
#
# Usage: make-report.py N_SECTIONS YEAR [LATER]
# N_SECTIONS sections (24: about 50 pages once printed), each with prose, a
# borderless table and a ruled gip-2021 requests table of 29 rows with merged
# headers; LATER 1 makes the second of two years: some figures and sentences
# change.
import sys
n, year = int(sys.argv[1]), int(sys.argv[2])
# 1: the second of two years, some figures and sentences changed
later = int(sys.argv[3]) if len(sys.argv) > 3 else 0
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
    for label, a, b in [("项目", "本年", "上年"), ("行政许可", "{:,}".format(1234 + later * 17), "1,000"),
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
