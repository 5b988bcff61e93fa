"""Plain-text and Markdown copies of reports (copied from Word or a web page).

Layout of such copies (DOMAIN.md): one table cell per line, tab-indented; rows separated by
blank lines; a cell that wraps continues on the next line without a tab; a line holding
only a tab is an empty label cell, a tab followed by (full-width / no-break) spaces a blank
value. Markdown pipe tables (`| a | b |`) are read as rows too."""
from __future__ import annotations

import re
from collections import Counter

from .. import limits
from ..document import Cell, Document, Paragraph, Table
from ..errors import Rejected
from ..labels import SHORT_LINE, squeeze

_HEADING_NUMERAL = re.compile(r"^\s*[一二三四五六七八九十]+\s*[、.．]")
_PIPE_SEPARATOR = re.compile(r"^\|?\s*:?-{2,}:?\s*(\|\s*:?-{2,}:?\s*)*\|?\s*$")
_BR = re.compile(r"<br\s*/?>", re.I)
_BOLD = re.compile(r"\*\*(.*?)\*\*|__(.*?)__")
_MD_MARKUP = re.compile(r"^\s{0,3}#{1,6}\s*|\*\*|__")


def decode(data: bytes) -> tuple[str, str]:
    """(text, encoding): UTF-8 (with or without BOM), UTF-16 with BOM, else GB18030 (a
    superset of GBK and GB2312). Anything else is rejected, never decoded with losses."""
    if not data.strip():
        raise Rejected("empty file")
    if data.startswith(b"\xef\xbb\xbf"):
        return data[3:].decode("utf-8", errors="strict"), "utf-8-sig"
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        try:
            return data.decode("utf-16"), "utf-16"
        except UnicodeDecodeError:
            raise Rejected("cannot decode text: invalid UTF-16") from None
    if b"\x00" in data:
        raise Rejected("binary file, not text")
    for encoding in ("utf-8", "gb18030"):
        try:
            return data.decode(encoding), encoding
        except UnicodeDecodeError:
            continue
    raise Rejected("cannot decode text: neither UTF-8 nor GB18030/GBK")


def _is_continuation(line: str) -> bool:
    """A wrapped cell's next line: short, not a heading, not a sentence."""
    s = line.strip()
    return (0 < len(s) <= SHORT_LINE and not _HEADING_NUMERAL.match(s)
            and not s.endswith(("。", "：", ":")) and "。" not in s)


def _is_prose(cell_text: str) -> bool:
    """A tab-indented line that is really an indented paragraph."""
    s = squeeze(cell_text)
    return len(s) > SHORT_LINE and "。" in s


def _pipe_cells(line: str) -> list[str]:
    s = line.strip()
    if s.startswith("|"):
        s = s[1:]
    if s.endswith("|") and not s.endswith("\\|"):
        s = s[:-1]
    cells = [c.replace("\\|", "|").strip(" \t") for c in re.split(r"(?<!\\)\|", s)]
    # converter markup inside cells: <br> is a line break, **bold** is emphasis
    return [_BR.sub("\n", _BOLD.sub(lambda m: m.group(1) or m.group(2) or "", c)).strip() for c in cells]


def parse_text(text: str, file_type: str = "txt") -> list[Paragraph | Table]:
    blocks: list[Paragraph | Table] = []
    rows: list[list[Cell]] = []
    row: list[Cell] = []
    table_line: int | None = None
    last_was_cell = False
    piped = False

    def end_row():
        nonlocal row
        if row:
            rows.append(row)
            row = []

    def end_table():
        nonlocal rows, table_line, piped
        end_row()
        if rows:
            if piped:
                # a converter drops a row's trailing empty cells: the grid is as wide as
                # most of its rows, and a shorter row is blank at its right
                wide = Counter(len(r) for r in rows).most_common(1)[0][0]
                for r in rows:
                    r.extend(Cell("", line=r[-1].line) for _ in range(max(0, wide - len(r))))
            blocks.append(Table(rows=rows, line=table_line))
        rows, table_line = [], None
        piped = False

    for number, line in enumerate(text.split("\n"), start=1):
        stripped = line.strip()
        if line.startswith("\t") and not _is_prose(line):
            if table_line is None:
                table_line = number
            row.append(Cell(text=line.lstrip("\t"), line=number))
            last_was_cell = True
            continue
        if stripped.startswith("|") and stripped.count("|") >= 2:
            if _PIPE_SEPARATOR.match(stripped):
                continue
            if table_line is None:
                table_line = number
            end_row()
            piped = True
            rows.append([Cell(text=c, line=number) for c in _pipe_cells(stripped)])
            last_was_cell = False
            continue
        if not stripped:
            end_row()
            last_was_cell = False
            continue
        if last_was_cell and row and _is_continuation(line):
            row[-1].text += stripped
            continue
        end_table()
        last_was_cell = False
        if file_type == "md":
            stripped = _MD_MARKUP.sub("", stripped).strip()
            if not stripped or set(stripped) <= set("-*_="):
                continue
        blocks.append(Paragraph(text=stripped, line=number))
    end_table()
    return blocks


def read(data: bytes, file_type: str) -> Document:
    text, encoding = decode(data)
    limits.check("MAX_CHARS", len(text))
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    return Document(blocks=parse_text(text, file_type), file_type=file_type, encoding=encoding)
