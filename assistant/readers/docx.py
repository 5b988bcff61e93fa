"""Word .docx reports: paragraphs and tables in document order, merged cells resolved.

The package's main part (named by its relationships) is parsed with lxml — without
python-docx, which parses every part and is several times slower — and its body read
element by element: a
horizontally merged cell (gridSpan) keeps its text in its first column and leaves the
columns it covers empty; a vertically merged continuation (vMerge) is empty; skipped grid
columns (gridBefore/gridAfter) are kept as empty cells, so every value stays in its column.
Word has no fixed pages, so positions are left out."""
from __future__ import annotations

import io
import zipfile
from functools import cache

from .. import limits
from ..document import Cell, Document, Paragraph, Table
from ..errors import Rejected
from .lines import tidy

W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"


@cache
def _parser():
    from lxml import etree
    return etree.XMLParser(resolve_entities=False, no_network=True, huge_tree=True, remove_comments=True)


def read(data: bytes, file_type: str = "docx") -> Document:
    from lxml import etree

    if not data.startswith(b"PK"):
        raise Rejected("not a Word .docx file (not a zip package; a legacy .doc renamed?)")
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as package:
            part = _main_part(package)
            root = etree.fromstring(_inflate(package, part), parser=_parser())
    except (zipfile.BadZipFile, KeyError, ValueError, etree.XMLSyntaxError, EOFError) as e:
        raise Rejected(f"damaged .docx file: {str(e).splitlines()[0] if str(e) else type(e).__name__}") from None
    body = root.find(W + "body")
    if body is None:
        raise Rejected("damaged .docx file: the document has no body")
    blocks: list[Paragraph | Table] = []
    _body(body, blocks, limits.CellBudget())
    return Document(blocks=blocks, file_type=file_type)


def _main_part(package: zipfile.ZipFile) -> str:
    """The main document part, as the package's relationships name it (word/document.xml
    in files Word writes; other producers may name it otherwise)."""
    import re
    try:
        rels = _inflate(package, "_rels/.rels").decode("utf-8", "replace")
    except KeyError:
        raise Rejected("not a Word .docx file (no package relationships)") from None
    for m in re.finditer(r"<Relationship\b[^>]*>", rels):
        tag = m.group(0)
        if re.search(r'Type="[^"]*/relationships/officeDocument"', tag):
            target = re.search(r'Target="([^"]+)"', tag)
            if target:
                return target.group(1).lstrip("/")
    raise Rejected("not a Word .docx file (no main document part)")


def _inflate(package: zipfile.ZipFile, name: str) -> bytes:
    """A part's bytes, inflated piece by piece and stopped at MAX_PART_BYTES (the size a
    zip header declares is written by whoever made the file)."""
    out = bytearray()
    with package.open(name) as f:
        while piece := f.read(2**20):
            out += piece
            if len(out) > limits.MAX_PART_BYTES:
                raise limits.exceeded("MAX_PART_BYTES", name)
    return bytes(out)


def _body(parent, blocks: list, budget: limits.CellBudget) -> None:
    for el in parent:
        if el.tag == W + "p":
            text = _paragraph_text(el).strip()
            if text:
                blocks.append(Paragraph(text))
        elif el.tag == W + "tbl":
            rows = _rows(el, budget)
            if rows:
                blocks.append(Table(rows=rows))
        elif el.tag == W + "sdt":
            content = el.find(W + "sdtContent")
            if content is not None:
                _body(content, blocks, budget)


def _paragraph_text(p) -> str:
    parts = []
    for el in p.iter(W + "t", W + "tab", W + "br", W + "cr", W + "noBreakHyphen"):
        if el.tag == W + "t":
            parts.append(el.text or "")
        elif el.tag == W + "tab":
            parts.append("\t")
        elif el.tag == W + "noBreakHyphen":
            parts.append("-")
        else:
            parts.append("\n")
    return "".join(parts)


def _cell_text(tc) -> str:
    lines = [_paragraph_text(p).replace("\u3000", " ").replace("\u00a0", " ").strip()
             for p in tc.iter(W + "p")]
    return tidy("\n".join(ln for ln in lines if ln))


def _val(el, name: str):
    child = el.find(W + name) if el is not None else None
    return None if child is None else child.get(W + "val", "")


def _rows(tbl, budget: limits.CellBudget) -> list[list[Cell]]:
    rows = []
    budget.new_table()
    for tr in tbl.iterchildren(W + "tr"):
        trpr = tr.find(W + "trPr")
        before = limits.span(_val(trpr, "gridBefore"), 0)
        budget.take(before)
        row = [Cell("") for _ in range(before)]
        for tc in tr.iterchildren(W + "tc", W + "sdt"):
            if tc.tag == W + "sdt":           # a content control wrapping cells
                inner = tc.find(W + "sdtContent")
                cells = list(inner.iterchildren(W + "tc")) if inner is not None else []
            else:
                cells = [tc]
            for c in cells:
                tcpr = c.find(W + "tcPr")
                span = limits.span(_val(tcpr, "gridSpan"))
                budget.take(span)
                merge = _val(tcpr, "vMerge")
                continued = merge is not None and merge in ("", "continue")
                row.append(Cell("" if continued else _cell_text(c)))
                row.extend(Cell("", spanned=True) for _ in range(span - 1))
        after = limits.span(_val(trpr, "gridAfter"), 0)
        budget.take(after)
        row.extend(Cell("") for _ in range(after))
        if row:
            rows.append(row)
    return rows
