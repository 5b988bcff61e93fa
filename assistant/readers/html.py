"""Saved web pages (often exported from Word): <table> markup as cells with row and column
spans resolved, the rest as paragraphs; scripts, styles and the page head ignored; the
encoding the page declares honoured. Each paragraph and cell keeps its source line."""
from __future__ import annotations

import re

from .. import limits
from ..document import Cell, Document, Image, Paragraph, Table
from ..errors import Rejected
from .lines import tidy

_CHARSET = re.compile(rb"""<meta[^>]+charset\s*=\s*["']?\s*([A-Za-z0-9_\-]+)""", re.I)
_XML_DECL = re.compile(r"^\s*<\?xml[^>]*\?>")
_ALIASES = {"gb2312": "gb18030", "gbk": "gb18030", "x-gbk": "gb18030", "gb_2312-80": "gb18030",
            "unicode": "utf-8", "utf8": "utf-8"}
_SKIP = {"script", "style", "noscript", "template", "head", "title", "meta", "link", "iframe",
         "object", "svg", "select", "button"}
_BLOCK = {"p", "div", "h1", "h2", "h3", "h4", "h5", "h6", "li", "ul", "ol", "section", "article",
          "header", "footer", "blockquote", "pre", "center", "dd", "dt", "dl", "form", "address",
          "main", "aside", "nav", "figure", "figcaption", "caption", "body", "html"}
_SPACES = re.compile(r"[ \t\r\n\f\v]+")
# page furniture around the article: navigation, breadcrumbs, site header and footer
_CHROME_TAGS = {"nav", "header", "footer", "aside"}
_CHROME = re.compile(r"(^|[\s_-])(nav|navbar|menu|breadcrumbs?|crumbs?|position|footer|header|share|toolbar|sidebar)($|"
                     r"[\s_-])", re.I)


def decode(data: bytes) -> tuple[str, str]:
    """(text, encoding): a BOM, else the charset the page declares, else UTF-8, else GB18030."""
    if data.startswith(b"\xef\xbb\xbf"):
        return data[3:].decode("utf-8", errors="replace"), "utf-8-sig"
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        return data.decode("utf-16", errors="replace"), "utf-16"
    m = _CHARSET.search(data[:8192])
    if m:
        name = m.group(1).decode("ascii").lower()
        name = _ALIASES.get(name, name)
        try:
            return data.decode(name), name
        except LookupError:
            pass                                   # unknown name: fall through
        except UnicodeDecodeError:
            return data.decode(name, errors="replace"), name
    for name in ("utf-8", "gb18030"):
        try:
            return data.decode(name), name
        except UnicodeDecodeError:
            continue
    return data.decode("utf-8", errors="replace"), "utf-8"


def _mhtml(data: bytes) -> bytes | None:
    """The HTML part of a web archive (.mhtml, a MIME message), re-declared in UTF-8."""
    import email
    import email.policy
    message = email.message_from_bytes(data, policy=email.policy.compat32)
    for part in message.walk():
        if part.get_content_type() == "text/html":
            payload = part.get_payload(decode=True) or b""
            charset = part.get_content_charset()
            if charset:
                name = _ALIASES.get(charset.lower(), charset)
                try:
                    return b'<meta charset="utf-8">' + payload.decode(name, errors="replace").encode("utf-8")
                except LookupError:
                    pass
            return payload
    return None


def read(data: bytes, file_type: str = "html") -> Document:
    import lxml.html
    from lxml import etree

    if file_type == "mhtml":
        html_part = _mhtml(data)
        if html_part is None:
            raise Rejected("web archive (.mhtml) without an HTML part")
        data = html_part
    limits.check("MAX_MARKUP_BYTES", len(data))
    text, encoding = decode(data)
    text = _XML_DECL.sub("", text)
    if not text.strip():
        raise Rejected("empty file")
    try:
        root = lxml.html.document_fromstring(text)
    except (etree.ParserError, ValueError) as e:
        raise Rejected(f"unreadable HTML: {e}") from None
    walker = _Walker()
    body = root.find("body")
    walker.walk(body if body is not None else root)
    walker.flush()
    return Document(blocks=walker.blocks, file_type=file_type, encoding=encoding)


def _tag(el) -> str:
    return el.tag.lower() if isinstance(el.tag, str) else ""


class _Walker:
    def __init__(self):
        self.blocks: list[Paragraph | Table] = []
        self.parts: list[str] = []
        self.line: int | None = None
        self.budget = limits.CellBudget()

    def flush(self):
        text = tidy(_SPACES.sub(" ", "".join(self.parts)))
        if text:
            self.blocks.append(Paragraph(text, line=self.line))
        self.parts, self.line = [], None

    def _text(self, s: str | None, el):
        if s:
            if self.line is None and s.strip():
                self.line = el.sourceline
            self.parts.append(s)

    def walk(self, el):
        tag = _tag(el)
        if tag in _SKIP or not tag or _is_chrome(el, tag):
            return
        if tag == "table":
            self.flush()
            if _is_layout(el):
                for cell in el.iter("td", "th"):
                    if _owner(cell) is el:
                        self.walk_children(cell)
                        self.flush()
            else:
                table = _grid(el, self.budget)
                if table.rows:
                    self.blocks.append(table)
            return
        if tag == "br":
            self.flush()
            return
        if tag == "img":
            if _big_enough(el):
                self.flush()
                self.blocks.append(Image(line=el.sourceline, caption=(el.get("alt") or el.get("title") or "").strip()))
            return
        block = tag in _BLOCK
        if block:
            self.flush()
        self._text(el.text, el)
        self.walk_children(el, own_text=False)
        if block:
            self.flush()

    def walk_children(self, el, own_text=True):
        if own_text:
            self._text(el.text, el)
        for child in el:
            self.walk(child)
            self._text(child.tail, el)


def _big_enough(img) -> bool:
    """Not an icon: a picture with no size given, or at least 100×40 pixels."""
    def size(name):
        try:
            return int(re.match(r"\s*(\d+)", img.get(name) or "").group(1))
        except (AttributeError, ValueError):
            return None
    w, h = size("width"), size("height")
    return (w is None or w >= 100) and (h is None or h >= 40)


def _is_chrome(el, tag: str) -> bool:
    if tag in _CHROME_TAGS:
        return True
    names = f"{el.get('class') or ''} {el.get('id') or ''}".strip()
    return bool(names) and bool(_CHROME.search(names))


def _owner(cell):
    """The table a cell belongs to (its nearest <table> ancestor)."""
    p = cell.getparent()
    while p is not None and _tag(p) != "table":
        p = p.getparent()
    return p


def _is_layout(table) -> bool:
    """A table used to lay out the page (it holds other tables, or only one column)."""
    if any(t is not table for t in table.iter("table")):
        return True
    rows = [r for r in table.iter("tr") if _owner(r) is table]
    return all(sum(1 for c in r if _tag(c) in ("td", "th")) <= 1 for r in rows)


def _cell_text(cell) -> str:
    parts: list[str] = []

    def walk(el):
        tag = _tag(el)
        if tag in _SKIP:
            return
        if tag in ("br", "p", "div", "li") and parts:
            parts.append("\n")
        if el.text:
            parts.append(el.text)
        for ch in el:
            walk(ch)
            if ch.tail:
                parts.append(ch.tail)
    walk(cell)
    text = "".join(parts).replace("\u00a0", " ").replace("\u3000", " ")
    lines = [_SPACES.sub(" ", ln).strip() for ln in text.split("\n")]
    return tidy("\n".join(ln for ln in lines if ln))


def _grid(table, budget: limits.CellBudget) -> Table:
    """Rows of cells with rowspan/colspan resolved: a merged cell's text sits in its first
    position, the positions it covers are empty, so every value stays in its column."""
    rows: list[list[Cell]] = []
    budget.new_table()
    pending: dict[int, int] = {}          # column → rows still covered by a rowspan above
    for tr in table.iter("tr"):
        if _owner(tr) is not table:
            continue
        row: list[Cell] = []
        col = 0

        def cover(row=row, tr=tr):
            nonlocal col
            while pending.get(col, 0) > 0:
                pending[col] -= 1
                budget.take()
                row.append(Cell("", line=tr.sourceline))
                col += 1
        for td in tr:
            if _tag(td) not in ("td", "th"):
                continue
            cover()
            span = limits.span(td.get("colspan"))
            down = limits.span(td.get("rowspan"))
            budget.take(span)
            row.append(Cell(_cell_text(td), line=td.sourceline))
            row.extend(Cell("", line=td.sourceline, spanned=True) for _ in range(span - 1))
            for c in range(col, col + span):
                if down > 1:
                    pending[c] = down - 1
            col += span
        cover()
        if any(c.text for c in row) or row:
            rows.append(row)
    return Table(rows=[r for r in rows if r], line=table.sourceline)

