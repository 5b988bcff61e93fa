"""Rendering a generated report as a plain-text copy or a saved (Word-exported) web page.
The Word and PDF renderers live beside this one; all four print the same outline."""
from __future__ import annotations

import html
import random
from collections.abc import Iterator

from .report import GeneratedReport, Grid

Item = tuple[str, object]        # ("title" | "heading" | "para" | "signature", str) or ("table", Grid)


def outline(r: GeneratedReport) -> Iterator[Item]:
    """The report in printed order: title, sections with their tables, signature."""
    grids = {g.key: g for g in r.grids()}
    for line in r.title_lines():
        yield "title", line
    for s in r.sections:
        if s.key != "preamble":
            yield "heading", s.heading
        if s.key == "s4":
            yield "table", grids["C"]
        for p in s.paragraphs:
            yield "para", p
        if s.key == "s2":
            yield "table", grids["A"]
        elif s.key == "s3":
            yield "table", grids["B"]
    for line in r.signature_lines():
        yield "signature", line


def to_text(r: GeneratedReport) -> bytes:
    """Like text copied from Word: one cell per tab-indented line, rows apart by a blank
    line, a blank value as a tab and a full-width space."""
    out: list[str] = []
    for kind, item in outline(r):
        if kind == "table":
            for row in item.rows:
                for cell in row:
                    text = cell.text if cell.text or not cell.value else "\u3000"
                    out.append("\t" + text)
                out.append("")
        else:
            out.append(item)
    return ("\n".join(out) + "\n").encode("utf-8")


_STYLE = """<style>
<!--
p.MsoNormal {margin:0cm; text-align:justify; font-size:10.5pt; font-family:"Times New Roman";}
table.MsoTableGrid {border-collapse:collapse; border:none;}
td {border:solid windowtext 1.0pt; padding:0cm 5.4pt;}
-->
</style>"""
_SCRIPT = """<script type="text/javascript">
var _hmt = _hmt || []; document.write("<p>一、总体情况（脚本）</p>");
</script>"""


def to_html(r: GeneratedReport) -> bytes:
    """Like a page saved from a government site: Word-exported markup, a script and a
    style block, GBK for some reports (declared in a meta tag), spans and rowspans."""
    rng = random.Random(f"html:{r.number}")
    encoding = "gbk" if rng.random() < 0.35 else "utf-8"
    esc = html.escape
    parts = ["<!DOCTYPE html>", "<html><head>",
             f'<meta http-equiv="Content-Type" content="text/html; charset={encoding}">',
             f"<title>{esc(''.join(r.title_lines()) or '政府信息公开')}</title>", _STYLE, _SCRIPT,
             "</head><body>", '<div class="nav"><a href="/">首页</a> &gt; <a href="#">政府信息公开年报</a></div>',
             '<div class="article">']
    for kind, item in outline(r):
        if kind == "title":
            parts.append(
                f'<p class="MsoNormal" align="center"><b><span style="font-size:22pt">{esc(item)}</span></b></p>'
            )
        elif kind == "heading":
            parts.append(
                f'<p class="MsoNormal" style="text-indent:32pt"><span style="font-family:黑体">{esc(item)}</span></p>'
            )
        elif kind == "para":
            parts.append(f'<p class="MsoNormal" style="text-indent:32pt"><span>&nbsp;&nbsp;</span>{esc(item)}</p>')
        elif kind == "signature":
            parts.append(f'<p class="MsoNormal" align="right">{esc(item)}</p>')
        else:
            parts.append(_html_table(item))
    parts.append("</div><script>console.log('二、主动公开政府信息情况');</script></body></html>")
    text = "\n".join(parts)
    return text.encode("gb18030" if encoding == "gbk" else "utf-8")


def _html_table(g: Grid) -> str:
    rows = []
    for row in g.rows:
        cells = []
        for c in row:
            attrs = ""
            if c.colspan > 1:
                attrs += f' colspan="{c.colspan}"'
            if c.rowspan > 1:
                attrs += f' rowspan="{c.rowspan}"'
            if c.vertical:
                text = "<br>".join(html.escape(ch) for ch in c.text)
            else:
                text = html.escape(c.text) if c.text else "&nbsp;"
            align = "center" if c.value else "left"
            cells.append(
                f'<td{attrs} valign="middle"><p class="MsoNormal" align="{align}"><span>{text}</span></p></td>'
            )
        rows.append("<tr>" + "".join(cells) + "</tr>")
    return '<table class="MsoTableGrid" border="1" cellspacing="0" cellpadding="0">\n' + "\n".join(rows) + "\n</table>"
