"""Rendering a generated report as a PDF (reportlab): the CID font STSong-Light (it
extracts back to the exact characters), ruled tables with spans that break over pages,
the vertical 三、本年度办理结果 label, and page footers `- N -`."""
from __future__ import annotations

import io
from functools import cache

from .render import outline
from .report import GeneratedReport, Grid

FONT = "STSong-Light"


@cache
def _styles():
    from reportlab.lib.enums import TA_CENTER, TA_RIGHT
    from reportlab.lib.styles import ParagraphStyle
    from reportlab.pdfbase import pdfmetrics
    from reportlab.pdfbase.cidfonts import UnicodeCIDFont

    pdfmetrics.registerFont(UnicodeCIDFont(FONT))
    body = ParagraphStyle("body", fontName=FONT, fontSize=12, leading=20, firstLineIndent=24, wordWrap="CJK")
    return {
        "title": ParagraphStyle("title", parent=body, fontSize=18, leading=28, alignment=TA_CENTER,
                                firstLineIndent=0, spaceAfter=10),
        "heading": ParagraphStyle("heading", parent=body, spaceBefore=6),
        "para": body,
        "signature": ParagraphStyle("signature", parent=body, alignment=TA_RIGHT, firstLineIndent=0),
        "cell": ParagraphStyle("cell", fontName=FONT, fontSize=8, leading=10, wordWrap="CJK"),
    }


_WIDTHS = {  # column widths in cm; the page's text width is 17 cm
    "A": [5.0, 4.0, 4.0, 4.0],
    "B": [1.0, 2.8, 5.3] + [1.1] * 7,
    "C": [1.1333] * 15,
}


def to_pdf(r: GeneratedReport) -> bytes:
    from reportlab.lib.pagesizes import A4
    from reportlab.lib.units import cm
    from reportlab.platypus import Paragraph, SimpleDocTemplate

    styles = _styles()
    story = []
    for kind, item in outline(r):
        if kind == "table":
            story.append(_table(item, styles))
        else:
            story.append(Paragraph(_escape(item), styles[kind]))

    def footer(canvas, doc):
        canvas.saveState()
        canvas.setFont(FONT, 10)
        canvas.drawCentredString(A4[0] / 2, 1.2 * cm, f"- {doc.page} -")
        canvas.restoreState()

    buf = io.BytesIO()
    doc = SimpleDocTemplate(buf, pagesize=A4, leftMargin=2 * cm, rightMargin=2 * cm, topMargin=2 * cm,
                            bottomMargin=2 * cm, title=" ".join(r.title_lines()) or r.agency,
                            author=r.agency, invariant=1)
    doc.build(story, onFirstPage=footer, onLaterPages=footer)
    return buf.getvalue()


def _escape(text: str) -> str:
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


def _table(g: Grid, styles):
    from reportlab.lib import colors
    from reportlab.lib.units import cm
    from reportlab.pdfbase.pdfmetrics import stringWidth
    from reportlab.platypus import Paragraph, Table, TableStyle

    data = [[""] * g.columns for _ in g.rows]
    commands = [("GRID", (0, 0), (-1, -1), 0.5, colors.black),
                ("VALIGN", (0, 0), (-1, -1), "MIDDLE"),
                ("FONT", (0, 0), (-1, -1), FONT, 8),
                ("ALIGN", (0, 0), (-1, -1), "CENTER")]
    for i, j, c in g.placed():
        span = sum(_WIDTHS[g.key][j:j + c.colspan]) * cm
        if c.vertical:
            data[i][j] = "\n".join(c.text)
        elif stringWidth(c.text, FONT, 8) < span - 8:
            data[i][j] = c.text            # fits on one line: drawn as a plain string
        else:
            data[i][j] = Paragraph(_escape(c.text), styles["cell"])
        if c.colspan > 1 or c.rowspan > 1:
            commands.append(("SPAN", (j, i), (j + c.colspan - 1, i + c.rowspan - 1)))
    return Table(data, colWidths=[w * cm for w in _WIDTHS[g.key]], style=TableStyle(commands),
                 repeatRows=0, splitByRow=1, splitInRow=0)
