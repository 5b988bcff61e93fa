"""Splitting a report's prose into its sections: preamble, s1…s6 and sub-parts s1.1….

Sections are split only on the six known headings, in order, never on any line that merely
starts with 一、…六、 (Table B's row labels have that shape)."""
from __future__ import annotations

import re
from dataclasses import dataclass, field

from ..document import Block, Image, Table
from ..labels import SHORT_LINE, cn_number, marker, squeeze
from ..model import Section
from ..schema import load

SUBPART_TITLE = 20   # characters of a sub-part's text that name it when it prints no title

_HEADING = re.compile(r"^\s*(?P<title>[一二三四五六]\s*[、.．][^。；;]{1,40}?(?:情况|事项|概述|问题))"
                      r"(?:[。：:\s]+|$|(?=[\d（(]))(?P<rest>.*)$")
_PART = re.compile(r"^第([一二三四五六七八九十]{1,2})部分[:：、.．]?")
_SUBPART_TITLE = re.compile(r"^(?P<title>[（(][一二三四五六七八九十]+[）)][^。：:；;]{0,40}?)(?:[。：:；;]|$)")


@dataclass
class Layout:
    sections: list[Section]
    table_sections: list[tuple[Table, str]]     # each table with the section it sits in
    headings_found: list[str] = field(default_factory=list)
    images: list[tuple[Image, str]] = field(default_factory=list)   # pictures, by section


def heading_key(text: str, after: int) -> str | None:
    """The section key whose heading `text` is, considering only sections after index
    `after` in the schema's order; None when the line is not such a heading."""
    s = squeeze(text)
    part = _PART.match(s)                     # 第一部分　总体情况
    m = ("numeral", cn_number(part.group(1))) if part else marker(s)
    if part:
        s = s[part.end():]
    if not m or m[0] != "numeral":
        return None
    for i, spec in enumerate(load().sections):
        # by meaning, in order; the number may be off by the sections a report inserts
        # (二、工作机制保障 pushes 主动公开 to 三) or leaves out
        if i <= after or not i <= m[1] <= i + 3:
            continue
        head = s[:60]
        if any(all(w in head for w in words) for words in spec.words):
            return spec.key
    return None


def _split_heading(text: str) -> tuple[str, str]:
    m = _HEADING.match(text.strip())
    if m:
        return squeeze(m.group("title")), m.group("rest").strip()
    s = text.strip()
    if len(s) <= SHORT_LINE and "。" not in s:
        return squeeze(s), ""
    head = re.split(r"[。：:\s]", s, maxsplit=1)
    return squeeze(head[0]), s[len(head[0]):].lstrip("。：: ").strip()


def _subpart_title(text: str) -> str:
    s = text.strip()
    m = _SUBPART_TITLE.match(s)
    return squeeze(m.group("title")) if m else squeeze(s[:SUBPART_TITLE])


def split(blocks: list[Block], skip: set[int] = frozenset()) -> Layout:
    """Sections from the document's blocks in order. `skip` holds ids of paragraphs that
    are metadata (title, signature) rather than prose."""
    order = [s.key for s in load().sections]
    current_index = -1
    sections: list[Section] = []
    table_sections: list[tuple[Table, str]] = []
    images: list[tuple[Image, str]] = []
    found: list[str] = []
    key, title, lines, first = "preamble", "", [], None
    sub: dict | None = None
    subs: list[Section] = []

    def close_sub():
        nonlocal sub
        if sub is not None:
            subs.append(Section(key=sub["key"], title=sub["title"], text="\n".join(sub["lines"]).strip(),
                                page=sub["page"], line=sub["line"]))
            sub = None

    def close():
        close_sub()
        text = "\n".join(lines).strip()
        if key != "preamble" or text:
            sections.append(Section(key=key, title=title, text=text,
                                    page=first.page if first else None,
                                    line=first.line if first else None))
        sections.extend(subs)
        subs.clear()

    next_sub = 1
    for block in blocks:
        if isinstance(block, Table):
            table_sections.append((block, key))
            continue
        if isinstance(block, Image):
            images.append((block, key))
            continue
        if id(block) in skip:
            continue
        hk = heading_key(block.text, current_index)
        if hk:
            close()
            current_index = order.index(hk)
            found.append(hk)
            key, (title, rest) = hk, _split_heading(block.text)
            lines, first, next_sub = [], block, 1
            if rest:
                lines.append(rest)
            continue
        text = block.text.strip()
        if first is None:
            first = block
        m = marker(text)
        if key != "preamble" and m and m[0] == "paren" and m[1] == next_sub:
            close_sub()
            sub = {"key": f"{key}.{next_sub}", "title": _subpart_title(text), "lines": [],
                   "page": block.page, "line": block.line}
            next_sub += 1
        lines.append(text)
        if sub is not None:
            sub["lines"].append(text)
    close()
    return Layout(sections=sections, table_sections=table_sections, headings_found=found, images=images)
