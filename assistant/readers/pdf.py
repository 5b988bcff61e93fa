"""PDF reports: pypdf for the text, pdfplumber for the cell grid of the pages with tables.

pypdf's text drops blank cells, so a row's numbers lose their columns; pdfplumber's
`find_tables()` keeps the ruled grid (blanks too) but is about three times slower per page
and also calls bordered body text a "table". So: pypdf reads the pages; a page whose text
carries the report tables' labels is read again with pdfplumber, and so is the next page
while a table runs on to it (pdfplumber's text serves for that page, pypdf is not run on
it). There only rows of two or more cells (or a table's own block headings) count as table
rows — single-cell rows are body text in a frame, read as prose. Every paragraph and cell
keeps its page number."""
from __future__ import annotations

import io
import logging
import re
from functools import cache

from .. import limits
from ..document import Cell, Document, Image, Paragraph, Table
from ..errors import Rejected
from ..labels import SHORT_LABEL, squeeze
from ..schema import table as table_spec
from .lines import Line, full_width, is_footer, paragraphs, tidy

for _name in ("pypdf", "pdfminer"):
    logging.getLogger(_name).setLevel(logging.ERROR)

_BLOCK_HEADING = re.compile(r"^第二十条第[（(][一二三四五六七八九十]+[）)]项$")
_MIN_SIGNALS = 3


@cache
def _signals() -> list[set[str]]:
    return [set(table_spec(k).signals) for k in ("A", "B", "C")]


def has_table(page_text: str) -> bool:
    """Whether a page's text carries enough of one report table's labels."""
    s = squeeze(page_text)
    return "第二十条" in s or any(sum(1 for w in sig if w in s) >= _MIN_SIGNALS for sig in _signals())


def _open(data: bytes):
    import pypdf
    from pypdf.errors import DependencyError, FileNotDecryptedError, PdfReadError

    if not data.lstrip()[:5].startswith(b"%PDF"):
        raise Rejected("not a PDF file (no %PDF header)")
    if b"%%EOF" not in data[-2048:]:
        raise Rejected("truncated PDF: the file ends before its end-of-file marker")
    try:
        reader = pypdf.PdfReader(io.BytesIO(data))
        password = None
        if reader.is_encrypted:
            try:
                opened = reader.decrypt("")
            except (NotImplementedError, DependencyError) as e:
                raise Rejected(f"encrypted PDF: {e}") from None
            if not opened:
                raise Rejected("encrypted PDF: a password is needed to open it")
            password = ""
        limits.check("MAX_PAGES", len(reader.pages))
        pages = list(reader.pages)
    except FileNotDecryptedError:
        raise Rejected("encrypted PDF: a password is needed to open it") from None
    except Rejected:
        raise
    except (PdfReadError, ValueError, KeyError, TypeError, AttributeError) as e:
        raise Rejected(f"damaged PDF: {str(e).splitlines()[0] if str(e) else type(e).__name__}") from None
    return reader, pages, password


def read(data: bytes, file_type: str = "pdf") -> Document:
    reader, pages, password = _open(data)
    items: list[Line | Table] = []
    plumber = None
    has_text = False
    continued = False          # the previous page ended inside a table
    try:
        for i, page in enumerate(pages):
            text = None
            if not continued:
                try:
                    text = page.extract_text() or ""
                except Exception as e:    # pypdf raises many kinds on broken content streams
                    raise Rejected(f"damaged PDF: cannot extract text on page {i + 1} ({type(e).__name__})") from None
            if continued or has_table(text) or _has_image(page):
                if plumber is None:
                    import pdfplumber
                    plumber = pdfplumber.open(io.BytesIO(data), password=password)
                page_items = _grid_page(plumber.pages[i], i + 1)
                body = [it for it in page_items if not (isinstance(it, Line) and (not it.text or is_footer(it.text)))]
                has_text = has_text or any(not isinstance(it, Image) for it in body)
                continued = bool(body) and isinstance(body[-1], Table)
                items.extend(page_items)
            else:
                has_text = has_text or bool(text.strip())
                items.extend(Line(tidy(t), i + 1) for t in text.splitlines())
    finally:
        if plumber is not None:
            plumber.close()
    if not has_text:
        raise Rejected("scanned PDF: no text layer (OCR not supported)")
    return Document(blocks=_blocks(items), file_type=file_type, pages=len(pages))


def _has_image(page) -> bool:
    """Whether the page draws a raster image (a table may be printed as one)."""
    try:
        xobjects = page["/Resources"].get_object().get("/XObject")
        if not xobjects:
            return False
        return any(x.get_object().get("/Subtype") == "/Image" for x in xobjects.get_object().values())
    except Exception:                      # noqa: BLE001 - odd resources: no image found
        return False


def _blocks(items: list[Line | Table | Image]) -> list[Paragraph | Table | Image]:
    """Lines between tables become paragraphs; footers go."""
    lines = [it for it in items if isinstance(it, Line) and it.text and not is_footer(it.text)]
    full = full_width(lines)
    blocks: list[Paragraph | Table] = []
    run: list[Line] = []
    for it in items:
        if isinstance(it, (Table, Image)):
            blocks.extend(paragraphs(run, full))
            run = []
            blocks.append(it)
        elif it.text and not is_footer(it.text):
            run.append(it)
    blocks.extend(paragraphs(run, full))
    return blocks


def _cell_texts(tables, chars) -> list[list[list[str | None]]]:
    """The text of every cell of `tables` (None where a merged cell covers the position),
    like pdfplumber's `Table.extract()` but with the page's characters bucketed by cell
    once instead of every cell scanning every character."""
    cells: list[tuple[float, float, float, float, int, int, int]] = []    # x0, top, x1, bottom, t, r, c
    out: list[list[list[str | None]]] = []
    for t, table in enumerate(tables):
        grid = []
        for r, row in enumerate(table.rows):
            grid.append([None if bbox is None else "" for bbox in row.cells])
            cells.extend((*bbox, t, r, c) for c, bbox in enumerate(row.cells) if bbox is not None)
        out.append(grid)
    band = 12.0
    index: dict[int, list[tuple]] = {}
    for cell in cells:
        for b in range(int(cell[1] // band), int(cell[3] // band) + 1):
            index.setdefault(b, []).append(cell)
    members: dict[tuple[int, int, int], list[dict]] = {}
    for ch in chars:
        cx, cy = (ch["x0"] + ch["x1"]) / 2, (ch["top"] + ch["bottom"]) / 2
        for x0, top, x1, bottom, t, r, c in index.get(int(cy // band), ()):
            if x0 <= cx < x1 and top <= cy < bottom:
                members.setdefault((t, r, c), []).append(ch)
                break
    for (t, r, c), chs in members.items():
        out[t][r][c] = _lines_of(chs)
    return out


def _lines_of(chars: list[dict]) -> str:
    """Characters of one cell → its text, a line per printed line."""
    chars = sorted(chars, key=lambda ch: (round(ch["top"]), ch["x0"]))
    lines: list[list[dict]] = []
    for ch in chars:
        if lines and abs(ch["top"] - lines[-1][0]["top"]) <= 3:
            lines[-1].append(ch)
        else:
            lines.append([ch])
    text = []
    for line in lines:
        line.sort(key=lambda ch: ch["x0"])
        parts = [line[0]["text"]]
        for prev, ch in zip(line, line[1:], strict=False):
            if ch["x0"] - prev["x1"] > 0.5 * (prev["x1"] - prev["x0"]) + 1:
                parts.append(" ")                  # a visible gap between words
            parts.append(ch["text"])
        text.append("".join(parts))
    return "\n".join(text)


_HEADING_LIKE = re.compile(r"^[一二三四五六七八九十]、.*(情况|事项)$")


def _label_like(text: str) -> bool:
    """A lone cell next to a table's rows that is one of its labels, not body text or a
    section heading in the same frame."""
    s = squeeze(text)
    return len(s) <= SHORT_LABEL and not re.search(r"[。；]", s) and not _HEADING_LIKE.match(s)


def _grid_page(page, number: int) -> list[Line | Table]:
    """One page read with pdfplumber: its table rows as Table blocks and the text outside
    them as lines, in top-to-bottom order."""
    placed: list[tuple[float, Line | Table]] = []
    bands: list[tuple[float, float, float, float]] = []      # x0, top, x1, bottom of table rows
    found_tables = page.find_tables()
    texts_of = _cell_texts(found_tables, page.chars) if found_tables else []
    for found, extracted in zip(found_tables, texts_of, strict=False):
        rows = list(zip(found.rows, extracted, strict=False))
        grid = [sum(1 for c in r.cells if c is not None) >= 2 for r, _ in rows]
        texts = [[tidy(t) if t else "" for t in cells] for _, cells in rows]
        current: list[list[Cell]] = []
        top = None
        for k, ((row, _), cells) in enumerate(zip(rows, texts, strict=False)):
            filled = [t for t in cells if t]
            is_row = grid[k] or (len(filled) == 1 and _label_like(filled[0]) and (
                _BLOCK_HEADING.match(squeeze(filled[0]))
                or (k > 0 and grid[k - 1]) or (k < len(rows) - 1 and grid[k + 1])))
            if is_row:
                if top is None:
                    top = row.bbox[1]
                current.append([Cell(t, page=number) for t in cells])
                bands.append(row.bbox)
            elif current:
                placed.append((top, Table(rows=current, page=number)))
                current, top = [], None
        if current:
            placed.append((top, Table(rows=current, page=number)))
    for im in page.images:
        if im["x1"] - im["x0"] >= 100 and im["bottom"] - im["top"] >= 40:      # not an icon or a seal
            placed.append((im["top"], Image(page=number)))
    for ln in page.extract_text_lines(return_chars=False):
        mid = (ln["top"] + ln["bottom"]) / 2
        cx = (ln["x0"] + ln["x1"]) / 2
        if any(t <= mid <= b and x0 <= cx <= x1 for x0, t, x1, b in bands):
            continue
        placed.append((ln["top"], Line(tidy(ln["text"]), number)))
    placed.sort(key=lambda p: p[0])
    return [item for _, item in placed]
