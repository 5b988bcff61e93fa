"""Running text back into paragraphs: a crawled page's report on one line (title, headings,
sub-parts and signature inline), and the page metadata a crawler writes above it
(`标题:`, `发布时间:`, `发布机构:`, `原文链接:` …, then a separator)."""
from __future__ import annotations

import re
from dataclasses import dataclass, field

from ..document import Block, Paragraph
from ..labels import squeeze
from ..schema import load

# a section heading's numeral inside running text (not 第（一）项, not 表一)
_NUMERAL = re.compile(r"(?<![第表（(\d])([一二三四五六七八九十]{1,2})\s*[、.．]")
_SUBPART = re.compile(r"(?:(?<=[。；;：:！？!?\s])|^)[（(]([一二三四五六七八九十]{1,2})[）)]")
_DATE_TAIL = re.compile(r"(?:(?<=[。！？!?\s])|^)([^。！？!?\s]{2,40}?)\s*"
                        r"((?:19|20)\d{2}|[〇○零一二三四五六七八九]{4})\s*年\s*[\d一二三四五六七八九十]{1,3}\s*月"
                        r"\s*[\d一二三四五六七八九十]{1,3}\s*日\s*$")
LONG = 160           # a paragraph this long may hold inline headings

_META_KEYS = {"标题": "title", "题目": "title", "发布时间": "published", "发布日期": "published",
              "成文日期": "written", "发布机构": "publisher", "发文机关": "publisher", "来源": "publisher",
              "信息来源": "publisher", "原文链接": "url", "链接": "url", "网址": "url", "来源链接": "url",
              "文号": "number", "栏目": "column", "索引号": "index", "主题分类": "topic", "分类": "topic"}
_META = re.compile(r"^\s*(?:[#>*\s]*)(" + "|".join(sorted(_META_KEYS, key=len, reverse=True))
                   + r")\s*[:：]\s*(.*)$")
_OTHER_FIELD = re.compile(r"^\s*[\u4e00-\u9fff]{2,6}\s*[:：]\s*\S{0,60}\s*$")
_SEPARATOR = re.compile(r"^\s*(?:[-=_*~—]\s*){3,}$")
_ISO = re.compile(r"((?:19|20)\d{2})\s*[-/.年]\s*(\d{1,2})\s*[-/.月]\s*(\d{1,2})")


@dataclass
class PageMeta:
    """What a crawler wrote above the report."""
    fields: dict[str, str] = field(default_factory=dict)
    used: set[int] = field(default_factory=set)           # ids of the paragraphs it took

    @property
    def published(self) -> str | None:
        m = _ISO.search(self.fields.get("published", "") or self.fields.get("written", ""))
        if not m:
            return None
        y, mo, d = (int(x) for x in m.groups())
        return f"{y:04d}-{mo:02d}-{d:02d}" if 1 <= mo <= 12 and 1 <= d <= 31 else None

    @property
    def url(self) -> str | None:
        u = self.fields.get("url", "").strip()
        return u if re.match(r"^https?://\S+$", u) else None


def page_meta(paragraphs: list[Paragraph]) -> PageMeta:
    """Metadata lines at the top of a crawled page (and inline on a one-line page)."""
    meta = PageMeta()
    for p in paragraphs[:16]:
        m = _META.match(p.text)
        if m:
            meta.fields.setdefault(_META_KEYS[m.group(1)], m.group(2).strip())
            meta.used.add(id(p))
            continue
        if _SEPARATOR.match(p.text) and meta.fields:
            meta.used.add(id(p))
            continue
        if meta.fields and _OTHER_FIELD.match(p.text):     # 浏览次数: 1486, 字号: 大 中 小 …
            meta.used.add(id(p))
            continue
        if meta.fields:
            break
    return meta


def split_inline(blocks: list[Block]) -> list[Block]:
    """Long paragraphs cut before inline metadata fields, section headings, sub-part
    markers that open a sentence, and a closing signature."""
    out: list[Block] = []
    for b in blocks:
        if isinstance(b, Paragraph) and len(b.text) >= LONG:
            out.extend(Paragraph(t, page=b.page, line=b.line) for t in _cut(b.text))
        else:
            out.append(b)
    return out


def _meta_cuts(text: str) -> list[int]:
    keys = "|".join(sorted(_META_KEYS, key=len, reverse=True))
    return [m.start() for m in re.finditer(rf"(?:(?<=\s)|^)(?:{keys})\s*[:：]", text[:600])]


def _cut(text: str) -> list[str]:
    cuts = set(_meta_cuts(text))
    specs = load().sections
    for m in _NUMERAL.finditer(text):
        head = squeeze(text[m.start(): m.start() + 60])
        if any(any(all(w in head[:40] for w in words) for words in s.words) for s in specs):
            cuts.add(m.start())
    for m in _SUBPART.finditer(text):
        cuts.add(m.start())
    # the title: the text up to …年度报告 at the very start
    t = re.match(r"^\s*[^。，；《》]{4,60}?(?:年度报告|工作报告|年报)", text)
    if t and not re.match(r"^\s*(?:根据|依据|按照|本报告|现将|为)", text):
        cuts.add(t.end())
    pieces = []
    last = 0
    for c in sorted(cuts):
        if c > last:
            pieces.append(text[last:c])
            last = c
    pieces.append(text[last:])
    pieces = [p.strip() for p in pieces if p.strip()]
    if pieces:
        m = _DATE_TAIL.search(pieces[-1])
        if m and m.start() > 0:
            head = pieces[-1][: m.start()].strip()
            pieces[-1:] = [head, m.group(1), pieces[-1][m.start(2):].strip()] if head else \
                [m.group(1), pieces[-1][m.start(2):].strip()]
    return pieces
