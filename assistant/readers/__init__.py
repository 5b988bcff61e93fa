"""Readers: a file's bytes → a Document (paragraphs and tables with positions).

One reader per format, chosen by the file's extension; every one feeds the same parser."""
from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from .. import limits
from ..document import Document, Table
from ..errors import Rejected
from . import docx, html, pdf, script, text

Reader = Callable[[bytes, str], Document]

READERS: dict[str, tuple[str, Reader]] = {
    ".txt": ("txt", text.read),
    ".text": ("txt", text.read),
    ".md": ("md", text.read),
    ".markdown": ("md", text.read),
    ".pdf": ("pdf", pdf.read),
    ".html": ("html", html.read),
    ".htm": ("html", html.read),
    ".shtml": ("html", html.read),
    ".mhtml": ("mhtml", html.read),
    ".mht": ("mhtml", html.read),
    ".docx": ("docx", docx.read),
    ".js": ("html", script.read),
    ".json": ("html", script.read),
}

LEGACY = {".doc": "legacy Word .doc file: convert to .docx",
          ".wps": "WPS document: convert to .docx",
          ".xls": "spreadsheet, not a report: convert the report to .docx or PDF"}


def supported(path: Path) -> bool:
    ext = path.suffix.lower()
    return ext in READERS or ext in LEGACY


def read_bytes(data: bytes, name: str) -> Document:
    """Read `data` (the bytes of a file called `name`) or raise Rejected with the reason."""
    ext = Path(name).suffix.lower()
    if ext in LEGACY:
        raise Rejected(LEGACY[ext])
    if ext not in READERS:
        known = ", ".join(sorted(READERS))
        raise Rejected(f"unsupported file type {ext or '(none)'} (supported: {known})")
    file_type, reader = READERS[ext]
    if not data:
        raise Rejected("empty file")
    limits.check("MAX_FILE_BYTES", len(data))
    doc = reader(data, file_type)
    _within_limits(doc)
    return doc


def _within_limits(doc: Document) -> None:
    """Every reader's output, measured the same way (the readers that build grids also
    stop while building them)."""
    budget = limits.CellBudget()
    chars = 0
    for block in doc.blocks:
        if isinstance(block, Table):
            budget.new_table()
            for row in block.rows:
                budget.take(len(row))
                chars += sum(len(c.text) for c in row)
        else:
            chars += len(getattr(block, "text", "") or "")
    limits.check("MAX_CHARS", chars)
