"""Text as laid out on a printed page → clean text and paragraphs.

PDF text layers (pypdf, pdfplumber) give one string per printed line, with spaces pushed
between CJK characters (`2023 年`, `总 计`), cells wrapped character by character
(`三\n、\n本…`) and page footers (`- 3 -`). These helpers undo that without touching the
figures: spaces between two ASCII tokens (`0517-87222589 x`) stay."""
from __future__ import annotations

import re
from dataclasses import dataclass

from ..document import Paragraph

# CJK ideographs, CJK punctuation and full-width forms
_WIDE = "\u3000-\u303f\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\uff00-\uffef\u2018-\u201d\u2026\u00b7"
_SPACE_NEAR_WIDE = re.compile(rf"(?<=[{_WIDE}])[ \t\u00a0]+|[ \t\u00a0]+(?=[{_WIDE}])")
_BREAK_NEAR_WIDE = re.compile(rf"(?<=[{_WIDE}])\s*\n\s*|\s*\n\s*(?=[{_WIDE}])")
_FOOTER = re.compile(r"^\s*(?:[-—–－]\s*\d{1,3}\s*[-—–－]|第\s*\d{1,3}\s*页(?:\s*[，,/]?\s*共\s*\d{1,3}\s*页)?"
                     r"|\d{1,3}\s*/\s*\d{1,3})\s*$")
_STARTS_PART = re.compile(r"^\s*(?:[一二三四五六七八九十]+\s*[、.．]|[（(][一二三四五六七八九十\d]+[）)]"
                          r"|\d{1,2}\s*[.．、](?!\d)|[一二三四五六七八九十]是)")
_ENDS_SENTENCE = ("。", "！", "？", "；", "：", ":", "!", "?")


def tidy(text: str) -> str:
    """Join a cell's wrapped lines and drop the spaces a PDF puts inside Chinese text."""
    if not text:
        return ""
    text = _BREAK_NEAR_WIDE.sub("", text)
    text = _SPACE_NEAR_WIDE.sub("", text)
    return re.sub(r"\s*\n\s*", " ", text).strip()


def is_footer(line: str) -> bool:
    return bool(_FOOTER.match(line))


def width(text: str) -> float:
    """Printed width in em: a CJK character is one, an ASCII character about half."""
    return sum(1.0 if ord(ch) > 0x2000 else 0.5 for ch in text)


@dataclass
class Line:
    text: str
    page: int


def paragraphs(lines: list[Line], full: float | None = None) -> list[Paragraph]:
    """Printed lines → paragraphs. A line runs on into the next when it fills the text
    width (it wrapped) and the next line does not open a new numbered part."""
    lines = [ln for ln in lines if ln.text.strip()]
    if not lines:
        return []
    if full is None:
        full = full_width(lines)
    out: list[Paragraph] = []
    current: list[Line] = []
    for ln in lines:
        if current:
            prev = current[-1].text
            wrapped = width(prev) >= 0.85 * full
            # a full line that closes a sentence, then a line that opens a numbered part
            # or is a short unpunctuated line (a signature, a heading): a new paragraph
            fresh = prev.endswith(_ENDS_SENTENCE) and (
                _STARTS_PART.match(ln.text)
                or (width(ln.text) < 0.85 * full and not ln.text.rstrip().endswith(_ENDS_SENTENCE + ("，", "、"))))
            if not wrapped or fresh:
                out.append(Paragraph(join(c.text for c in current), page=current[0].page))
                current = []
        current.append(ln)
    out.append(Paragraph(join(c.text for c in current), page=current[0].page))
    return out


def join(parts) -> str:
    """Wrapped lines back into one: no space where Chinese meets, one between words."""
    text = ""
    for part in parts:
        if text and not (_is_wide(text[-1]) or _is_wide(part[:1])):
            text += " "
        text += part
    return text


def _is_wide(ch: str) -> bool:
    return bool(ch) and bool(re.match(f"[{_WIDE}]", ch))


def full_width(lines: list[Line]) -> float:
    """The width of a full line of body text: the most common of the widest lines."""
    widths = sorted((width(ln.text) for ln in lines), reverse=True)
    if not widths:
        return 1.0
    top = widths[: max(1, len(widths) // 5)]
    return top[len(top) // 2]
