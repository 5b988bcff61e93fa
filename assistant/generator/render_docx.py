"""Rendering a generated report as a Word .docx (python-docx), laid out like the official
form: ruled tables with merged cells, headings as paragraphs."""
from __future__ import annotations

import datetime
import io
import zipfile

from .render import outline
from .report import GeneratedReport, Grid


def to_docx(r: GeneratedReport) -> bytes:
    import docx
    from docx.enum.text import WD_ALIGN_PARAGRAPH

    document = docx.Document()
    props = document.core_properties
    props.author = props.last_modified_by = r.agency
    props.title = "".join(r.title_lines())
    props.created = props.modified = datetime.datetime(r.year + 1, 1, 15)
    for kind, item in outline(r):
        if kind == "table":
            _table(document, item)
            continue
        p = document.add_paragraph(item)
        if kind == "title":
            p.alignment = WD_ALIGN_PARAGRAPH.CENTER
        elif kind == "signature":
            p.alignment = WD_ALIGN_PARAGRAPH.RIGHT
    buf = io.BytesIO()
    document.save(buf)
    return _fixed_zip(buf.getvalue())


def _fixed_zip(data: bytes) -> bytes:
    """The same package with fixed entry times, so one report always gives the same bytes."""
    out = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(data)) as src, zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as dst:
        for info in src.infolist():
            fixed = zipfile.ZipInfo(info.filename, date_time=(2000, 1, 1, 0, 0, 0))
            fixed.compress_type = zipfile.ZIP_DEFLATED
            dst.writestr(fixed, src.read(info.filename))
    return out.getvalue()


def _table(document, g: Grid) -> None:
    table = document.add_table(rows=len(g.rows), cols=g.columns)
    table.style = "Table Grid"
    for i, j, c in g.placed():
        cell = table.cell(i, j)
        if c.colspan > 1 or c.rowspan > 1:
            cell = cell.merge(table.cell(i + c.rowspan - 1, j + c.colspan - 1))
        cell.text = "\n".join(c.text) if c.vertical else c.text
