"""Readers of each format, on small inputs whose cells and positions are known."""
from __future__ import annotations

import io

import pytest
from conftest import SHARED

from assistant.document import Table
from assistant.errors import Rejected
from assistant.generator import generate, render
from assistant.readers import read_bytes
from assistant.readers.lines import Line, paragraphs, tidy


def texts(table: Table) -> list[list[str]]:
    return [[c.text for c in row] for row in table.rows]


# ------------------------------------------------------------------ PDF text clean-up
def test_tidy_undoes_pdf_spacing_but_keeps_figures():
    assert tidy("总 计") == "总计"
    assert tidy("三\n、\n本\n年\n度\n办\n理\n结\n果") == "三、本年度办理结果"
    assert tidy("2023 年 1 月 1 日") == "2023年1月1日"
    assert tidy("电话 ： 0517-87222589 x 12") == "电话：0517-87222589 x 12"
    assert tidy("商业\n企业") == "商业企业"


def test_wrapped_lines_join_and_footers_go():
    from assistant.readers.pdf import _blocks
    full = "一" * 30
    lines = [Line("一、总体情况", 1), Line(full[:-2] + "开展", 1), Line("工作。", 1), Line("- 1 -", 1),
             Line("（一）主动公开情况。", 2), Line("淮安市洪泽区人民政府", 2)]
    blocks = _blocks(lines)
    assert [b.text for b in blocks] == ["一、总体情况", full[:-2] + "开展工作。", "（一）主动公开情况。",
                                        "淮安市洪泽区人民政府"]
    assert [b.page for b in blocks] == [1, 1, 2, 2]


def test_paragraph_ending_on_a_full_line_is_not_joined_to_the_signature():
    full = "二" * 29 + "。"
    ps = paragraphs([Line(full, 3), Line(full, 3), Line("某某县人民政府", 3)])
    assert [p.text for p in ps] == [full + full, "某某县人民政府"]


# ------------------------------------------------------------------ HTML
SPANS = """<html><head><meta http-equiv="Content-Type" content="text/html; charset=gb2312">
<style>td {{ color: red }} .x:before {{ content: "一、总体情况" }}</style>
<script>document.write("二、主动公开政府信息情况");</script></head>
<body><p>表头&nbsp;说明</p>
<table>
<tr><td rowspan="2">三、本年度<br>办理结果</td><td colspan="2">（三）不予公开</td><td>总计</td></tr>
<tr><td>1.属于</td><td>国家秘密</td><td>&nbsp;</td></tr>
<tr><td>四、结转</td><td colspan="3">5</td></tr>
</table><p>一、总体情况</p></body></html>"""


def test_html_spans_resolved_script_and_style_ignored_gbk_honoured():
    doc = read_bytes(SPANS.format().encode("gb18030"), "page.html")
    assert doc.encoding == "gb18030"
    [table] = doc.tables
    assert texts(table) == [["三、本年度办理结果", "（三）不予公开", "", "总计"],
                            ["", "1.属于", "国家秘密", ""],
                            ["四、结转", "5", "", ""]]
    assert [p.text for p in doc.paragraphs] == ["表头说明", "一、总体情况"]
    assert all(c.line for row in table.rows for c in row)


def test_html_layout_tables_are_read_as_text():
    page = ("<html><body><table><tr><td><p>一、总体情况</p><p>正文。</p>"
            "<table><tr><td>规章</td><td>3</td></tr></table></td></tr></table></body></html>")
    doc = read_bytes(page.encode(), "p.htm")
    assert [p.text for p in doc.paragraphs] == ["一、总体情况", "正文。"]
    assert [texts(t) for t in doc.tables] == [[["规章", "3"]]]


def test_mhtml_web_archive():
    r = next(generate(1, seed=3))
    html = render(r, "html")
    charset = "gbk" if b"charset=gbk" in html else "utf-8"
    import base64
    mime = (b"MIME-Version: 1.0\r\nContent-Type: multipart/related; boundary=\"B\"\r\n\r\n--B\r\n"
            b"Content-Type: text/html; charset=\"" + charset.encode() + b"\"\r\n"
            b"Content-Transfer-Encoding: base64\r\n\r\n" + base64.encodebytes(html) + b"\r\n--B--\r\n")
    from assistant.parsing import parse
    report = parse(read_bytes(mime, "saved.mhtml"))
    assert report.agency_printed == r.agency and report.year == r.year


# ------------------------------------------------------------------ Word
def test_docx_merged_cells_keep_columns():
    import docx
    d = docx.Document()
    d.add_paragraph("一、总体情况")
    t = d.add_table(rows=3, cols=4)
    t.cell(0, 0).merge(t.cell(1, 0)).text = "三、本年度办理结果"
    t.cell(0, 1).merge(t.cell(0, 2)).text = "（一）予以公开"
    t.cell(0, 3).text = "7"
    t.cell(1, 1).text = "（二）部分公开"
    t.cell(1, 3).text = "2"
    t.cell(2, 0).text = "四、结转下年度继续办理"
    d.add_paragraph("二、主动公开政府信息情况")
    buf = io.BytesIO()
    d.save(buf)
    doc = read_bytes(buf.getvalue(), "r.docx")
    assert [type(b).__name__ for b in doc.blocks] == ["Paragraph", "Table", "Paragraph"]
    assert texts(doc.tables[0]) == [["三、本年度办理结果", "（一）予以公开", "", "7"],
                                    ["", "（二）部分公开", "", "2"],
                                    ["四、结转下年度继续办理", "", "", ""]]


@pytest.mark.skipif(not (SHARED / "reports" / "format_2021_template.docx").exists(),
                    reason="../shared/reports/format_2021_template.docx is not beside the project")
def test_official_blank_form_reads_as_three_tables():
    doc = read_bytes((SHARED / "reports" / "format_2021_template.docx").read_bytes(), "form.docx")
    a, b, c = doc.tables
    assert {len(r) for r in texts(b)} == {10} and {len(r) for r in texts(c)} == {15}
    assert texts(b)[3][0] == "一、本年新收政府信息公开申请数量"
    assert [r[2] for r in texts(b) if r[1] == "（六）其他处理"] == [
        "1.申请人无正当理由逾期不补正、行政机关不再处理其政府信息公开申请"]
    assert texts(c)[2][5:10] == ["结果维持", "结果纠正", "其他结果", "尚未审结", "总计"]
    assert texts(a)[1] == ["信息内容", "本年制发件数", "本年废止件数", "现行有效件数"]
    with pytest.raises(Rejected, match="no agency"):
        from assistant.parsing import parse
        parse(doc)


# ------------------------------------------------------------------ PDF
def test_pdf_cells_and_paragraphs_carry_pages():
    r = next(generate(1, seed=11))
    doc = read_bytes(render(r, "pdf"), "r.pdf")
    assert doc.pages >= 2
    assert all(p.page for p in doc.paragraphs)
    assert all(c.page for t in doc.tables for row in t.rows for c in row)
    assert not any(p.text.startswith("- ") for p in doc.paragraphs)     # footers dropped
    b = next(t for t in doc.tables if any("本年新收" in c.text for row in t.rows for c in row))
    assert len({len(row) for row in b.rows}) == 1                      # one grid, blanks kept
    [row] = [row for row in b.rows if row[0].text.startswith("一、本年新收")]
    cols = ["natural_person", "commercial", "research", "social_welfare", "legal_service", "other_org", "total"]
    assert [c.text for c in row[-7:]] == [r.figures.cells[("B", "new_received", c)].raw for c in cols]
