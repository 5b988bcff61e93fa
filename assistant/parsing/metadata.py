"""Title, agency as printed, report year and publication date from a report's paragraphs."""
from __future__ import annotations

import re
from dataclasses import dataclass

from ..document import Paragraph
from ..labels import SHORT_LABEL, SHORT_LINE, TITLE_TAIL, squeeze

_CN_YEAR_DIGITS = {"〇": "0", "○": "0", "零": "0", "Ｏ": "0", "O": "0", "一": "1", "二": "2",
                   "三": "3", "四": "4", "五": "5", "六": "6", "七": "7", "八": "8", "九": "9"}
_CN_YEAR = re.compile(r"([〇○零Ｏ一二三四五六七八九]{4})(?=\s*年)")
_CN_SMALL = re.compile(r"(?<=[年月])\s*([一二三四五六七八九十]{1,3})(?=\s*[月日])")
_DATE = re.compile(r"((?:19|20)\d{2})\s*年\s*(\d{1,2})\s*月\s*(\d{1,2})\s*日")
_TITLE_YEAR = re.compile(r"[（(]?\s*((?:19|20)\d{2})\s*年?度?\s*[）)]?")
_TITLE_TAIL = re.compile(r"(?:关于)?(?:政府信息公开|政务公开|信息公开|政府信息|政务信息公开).*$")


def arabic_dates(text: str) -> str:
    """二〇二一年一月八日 → 2021年1月8日 (only inside dates)."""
    from ..labels import cn_number
    text = _CN_YEAR.sub(lambda m: "".join(_CN_YEAR_DIGITS[c] for c in m.group(1)), text)
    return _CN_SMALL.sub(lambda m: str(cn_number(m.group(1)) or m.group(1)), text)


def is_title(text: str) -> bool:
    s = squeeze(text)
    return (len(s) <= 80 and "报告" in s and ("信息公开" in s or "政务公开" in s) and "。" not in s
            and "《" not in s[:12] and not re.match(r"^(?:根据|依据|按照|本报告|现将)", s))


@dataclass
class Title:
    text: str
    agency: str | None
    year: int | None


_PREFIX = re.compile(r"^(?:[#>*＃]+|[\u4e00-\u9fff]{2,4}[:：])+")   # `# `, `标题：`, `栏目：`


def parse_title(text: str) -> Title:
    s = _PREFIX.sub("", arabic_dates(squeeze(text)).strip("*"))
    m = re.search(r"((?:19|20)\d{2})\s*年", s) or re.search(r"[（(]((?:19|20)\d{2})[）)]", s)
    year = int(m.group(1)) if m else None
    rest = _TITLE_YEAR.sub("", s, count=1) if m else s
    agency = _TITLE_TAIL.sub("", rest).strip("《》 ·:：")
    return Title(text=_PREFIX.sub("", squeeze(text)).strip("*"), agency=agency or None, year=year)


def find_title(paragraphs: list[Paragraph]) -> tuple[list[Paragraph], Title] | None:
    """The title among the first paragraphs, joined with a name line just above it
    when the title was broken over two lines."""
    for i, p in enumerate(paragraphs[:4]):
        nxt = paragraphs[i + 1] if i + 1 < len(paragraphs) else None
        if (not is_title(p.text) and nxt is not None and "。" not in p.text
                and len(squeeze(nxt.text)) <= TITLE_TAIL and is_title(p.text + nxt.text)):
            # a title wrapped mid-word by a PDF: "…工作年度报" / "告"
            return [p, nxt], parse_title(p.text + nxt.text)
        if is_title(p.text):
            used = [p]
            text = p.text
            head = squeeze(p.text)
            if i > 0 and re.match(r"^((?:19|20)\d{2}年|政府信息公开|政务公开)", head):
                prev = squeeze(paragraphs[i - 1].text)
                if 0 < len(prev) <= SHORT_LABEL and not re.search(r"[。，,；;]", prev):
                    used.insert(0, paragraphs[i - 1])
                    text = prev + head
            return used, parse_title(text)
        if "。" in p.text:          # prose already: no title up here
            break
    return None


@dataclass
class Signature:
    paragraphs: list[Paragraph]
    agency: str | None
    date: str | None             # ISO
    year: int | None


def find_signature(paragraphs: list[Paragraph]) -> Signature | None:
    """The agency and date that close the report (looked for in its last paragraphs)."""
    tail = paragraphs[-8:]
    for j in range(len(tail) - 1, -1, -1):
        s = arabic_dates(squeeze(tail[j].text))
        m = _DATE.search(s)
        if not m or len(s) > len(m.group(0)) + 20:
            continue
        y, mo, d = (int(x) for x in m.groups())
        if not (1 <= mo <= 12 and 1 <= d <= 31):
            continue
        used = [tail[j]]
        agency = s[:m.start()].strip() or None     # "某某局 2021年1月8日" on one line
        if agency is None and j > 0:
            prev = squeeze(tail[j - 1].text)
            if 0 < len(prev) <= SHORT_LINE and not re.search(r"[。，,；;：:]", prev):
                agency = prev
                used.insert(0, tail[j - 1])
        return Signature(paragraphs=used, agency=agency, date=f"{y:04d}-{mo:02d}-{d:02d}", year=y)
    return None


@dataclass
class Stated:
    """What the report's own prose says of itself when it has no title and no signature."""
    agency: str | None = None
    year: int | None = None
    quote: str = ""


# "统计期限为2022年1月1日至12月31日", "统计期限自2021年1月1日起至2021年12月31日止"
_PERIOD = re.compile(r"统计(?:期限|时限|时间|区间)?(?:为|自|是|从)?((?:19|20)\d{2})年1月1日")


def from_text(sections) -> Stated:
    """The agency named by the first sentence of section 一 (`2022年，河北省科学技术厅坚持…`)
    and the year of the statistics period the preamble states."""
    from ..schema import load
    suffixes = sorted({x for _, xs in load().agency_kinds for x in xs}, key=len, reverse=True)
    agency_re = re.compile(r"(?:^|[，,。\s])(?:(?:19|20)\d{2}年(?:度)?[，,]?|本年度[，,]?)"
                           r"(?P<agency>[\u4e00-\u9fff]{2,30}?(?:" + "|".join(map(re.escape, suffixes)) + r"))"
                           r"(?=[坚认深严紧高按全持积围不以在共主进贯始着扎把切狠)）（(，,])")
    out = Stated()
    bare = None
    for s in sections:
        text = squeeze(s.text)
        if out.year is None:
            m = _PERIOD.search(text)
            if m:
                out.year = int(m.group(1))
        if out.agency is None and bare is None and s.key in ("s1", "preamble"):
            m = agency_re.search(text[:300])
            if m and not re.match(r"^[省市区县州盟旗]", m.group("agency")):
                out.agency, out.quote = m.group("agency"), text[max(0, m.start()):m.end() + 6]
            elif m and m.group("agency").startswith("省"):
                bare = m, text
    if out.agency is None and bare is not None:
        # a bare 省工业和信息化厅: the province is the one province the report names (its
        # own rules, 《河北省实施〈条例〉办法》), never a guess between two
        from ..placenames import provinces
        whole = "".join(squeeze(s.text) for s in sections)
        named = {p for p in provinces() if p in whole}
        if len(named) == 1:
            m, text = bare
            out.agency = named.pop() + m.group("agency")[1:]
            out.quote = text[max(0, m.start()):m.end() + 6]
    return out
