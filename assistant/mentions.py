"""Agencies and years a question mentions, as people type them.

Agencies are matched by their full names and the short forms people use: without the
province, without the city, the city without 市 (承德高新区总工会), and a bare place name for
that place's 人民政府 (洪泽区). The longest mention wins where several overlap."""
from __future__ import annotations

import re
import unicodedata
from datetime import date
from functools import lru_cache

from .agencies import place_of
from .labels import squeeze
from .parsing.metadata import arabic_dates
from .schema import load

_YEAR = re.compile(r"(?<!\d)((?:19|20)\d{2})(?!\d)")
_RANGE = re.compile(r"((?:19|20)\d{2})\s*年?\s*(?:—|–|-|~|～|至|到)\s*((?:19|20)\d{2})\s*年?")
_RECENT = re.compile(r"近([一二两三四五六七八九十\d]+)年")
_CN = {"一": 1, "二": 2, "两": 2, "三": 3, "四": 4, "五": 5, "六": 6, "七": 7, "八": 8, "九": 9, "十": 10}
_RELATIVE = {"大前年": 3, "前年": 2, "去年": 1, "上年度": 1, "今年": 0, "本年度": 0}
_AGENCY_LIKE = re.compile(r"[\u4e00-\u9fff]{2,16}?(?:人民政府|政府|总工会|工会|局|委员会|委|办事处|街道|中心|办公室|厅|联合会|妇联|残联|科协)(?!信息|工作|网站)")
# a place written alone (某某区, 昆山市): an agency mention when no agency of the corpus fits
_PLACE_LIKE = re.compile(r"(?<![各全本该哪每其此两省市区县])([\u4e00-\u9fff]{2,6}?(?:自治县|自治州|新区|区|县|市|旗|州|镇|乡|街道))(?=[0-9\u4e00-\u9fff，,？?]|$)")
_NOT_PLACE = re.compile(r"^(?:[各全本该哪每其此两]|.*(?:单位|地区|城市|机关|部门|多少|几个|哪些))")
_SUFFIX = re.compile(r"(省|市|自治区|自治州|特别行政区|地区|盟)$")


def years(text: str) -> list[int]:
    """Years written as 2022, 2022年 or 二〇二二年, in order, without repeats."""
    found = [int(y) for y in _YEAR.findall(arabic_dates(squeeze(text)))]
    return list(dict.fromkeys(found))


@lru_cache(maxsize=8192)
def aliases(name: str) -> tuple[str, ...]:
    """The ways people write the agency `name` (canonical), longest first."""
    place = place_of(name)
    r, rest = place.region, place.remainder
    out = {name}
    if place.prefix_is_place and rest:
        heads = []
        for part in (r.province, r.city, r.county):
            if part and part in name:
                heads.append(part)
        city = r.city if r.city and r.city in name else None
        county = r.county if r.county and r.county in name else None
        if county:
            out.add(county + rest)
            if city:
                out.add(city + county + rest)
                out.add(_SUFFIX.sub("", city) + county + rest)
        elif city:
            out.add(city + rest)
            out.add(_SUFFIX.sub("", city) + rest)
        if rest.startswith(("高新区", "开发区", "经开区", "新区")) and city:
            out.add(_SUFFIX.sub("", city) + rest)
            out.add(rest)
        if rest == "人民政府":
            place_name = county or city or r.province
            if place_name:
                out.add(place_name)
                if len(_SUFFIX.sub("", place_name)) >= 2 and place_name != county:
                    out.add(_SUFFIX.sub("", place_name) + "政府")
    for alias in list(out):
        for long, shorts in load().short_forms:
            if alias.endswith(long) and len(alias) > len(long):
                out.update(alias[: -len(long)] + short for short in shorts)
    return tuple(sorted((a for a in out if len(a) >= 3 or a == name), key=len, reverse=True))


class Matcher:
    """Finds the agencies among `known` (canonical names) that a text mentions. The
    aliases are indexed by their first two characters, so a question is scanned once."""

    def __init__(self, known: list[str], printed: dict[str, str] | None = None):
        """`printed`: names as reports print them → their canonical name (洪泽区人民政府 →
        淮安市洪泽区人民政府), so both spellings and their short forms are found."""
        self.by_head: dict[str, list[tuple[str, str]]] = {}
        seen: set[tuple[str, str]] = set()
        sources = [(name, name) for name in known] + sorted((printed or {}).items())
        for spelled, name in sources:
            for alias in aliases(spelled):
                if (alias, name) not in seen:
                    seen.add((alias, name))
                    self.by_head.setdefault(alias[:2], []).append((alias, name))

    def find(self, text: str) -> list[str]:
        """In order of appearance; where mentions overlap the longest wins, and an alias
        shared by several agencies decides nothing."""
        return self.find_all(text)[0]

    def find_all(self, text: str) -> tuple[list[str], list[tuple[str, list[str]]]]:
        """(agencies named, [(alias as typed, the agencies it could mean)…])."""
        s = squeeze(text)
        found: dict[tuple[int, int], set[str]] = {}
        for i in range(len(s) - 1):
            for alias, name in self.by_head.get(s[i:i + 2], ()):
                if s.startswith(alias, i):
                    found.setdefault((i, i + len(alias)), set()).add(name)
        taken: list[tuple[int, int]] = []
        chosen: list[tuple[int, str]] = []
        ambiguous: list[tuple[str, list[str]]] = []
        for (a, b), names in sorted(found.items(), key=lambda x: (-(x[0][1] - x[0][0]), x[0][0])):
            if any(a < tb and ta < b for ta, tb in taken):
                continue
            taken.append((a, b))
            if len(names) > 1:
                ambiguous.append((s[a:b], sorted(names)))
            else:
                chosen.append((a, next(iter(names))))
        return list(dict.fromkeys(name for _, name in sorted(chosen))), ambiguous



# ------------------------------------------------------------------ one place for the scope
def normalise(text: str) -> str:
    """Full-width digits and letters as ASCII, no whitespace."""
    return squeeze(unicodedata.normalize("NFKC", text or ""))


def number(text: str) -> int:
    """近三年 / 前5: 3, 5 (a numeral up to 十几)."""
    return int(text) if text.isdigit() else (_CN.get(text) or (10 + _CN.get(text[-1], 0) if text.startswith("十") else 3))


def parse_years(text: str, corpus_years: list[int], today: date | None = None) -> tuple[list[int], bool]:
    """The years a question asks about, ascending (a comparison of 2024 with 2023 is the
    change from 2023 to 2024), and whether they are several. 去年/前年 count from `today`;
    近N年 ends at the newest year in the corpus."""
    s = arabic_dates(normalise(text))
    m = _RANGE.search(s)
    if m:
        a, b = sorted((int(m.group(1)), int(m.group(2))))
        return list(range(a, b + 1)), True
    m = _RECENT.search(s)
    if m and corpus_years:
        n = number(m.group(1))
        newest = max(corpus_years)
        return list(range(newest - n + 1, newest + 1)), True
    found = years(s)
    now = (today or date.today()).year
    rest = s
    for word, back in _RELATIVE.items():
        if word in rest and not (word == "上年度" and "结转" in s):
            found.append(now - back)
            rest = rest.replace(word, "")
    found = sorted(set(found))
    return found, len(found) > 1


@lru_cache(maxsize=8)
def _one_off_index(known: tuple[str, ...]) -> tuple[dict[str, list[tuple[str, str]]], tuple[int, ...]]:
    """Every alias with one character masked → (the masked character, agency); and the
    alias lengths. A three-character alias counts only for a place (县区市旗) and never with
    its last character masked."""
    index: dict[str, list[tuple[str, str]]] = {}
    lengths = set()
    for name in known:
        for alias in aliases(name):
            n = len(alias)
            if n < 3 or (n == 3 and alias[-1] not in "县区市旗"):
                continue
            lengths.add(n)
            for i in range(n if n > 3 else n - 1):
                index.setdefault(alias[:i] + "\0" + alias[i + 1:], []).append((alias[i], name))
    return index, tuple(sorted(lengths))


def fuzzy(s: str, known: list[str]) -> list[str]:
    """Agencies written with one wrong character (沐阳县 for 沭阳县)."""
    index, lengths = _one_off_index(tuple(known))
    hits = set()
    for n in lengths:
        for start in range(0, len(s) - n + 1):
            window = s[start:start + n]
            for i in range(n if n > 3 else n - 1):
                for ch, name in index.get(window[:i] + "\0" + window[i + 1:], ()):
                    if ch != window[i]:
                        hits.add(name)
    return sorted(hits)


def unknown_mention(s: str) -> str | None:
    """Something the text names as an agency or a place that no corpus agency matched."""
    bare = re.sub(r"(?:19|20)\d{2}年?(?:度)?", "", s)
    m = _AGENCY_LIKE.search(bare)
    if m and not re.search(r"[哪些了吗呢么几多少收到申请公开各所全的每至年月结转]", m.group(0)):
        return m.group(0)
    for m in _PLACE_LIKE.finditer(bare):
        if not _NOT_PLACE.match(m.group(1)):
            return m.group(1)
    return None


def scope(text: str, matcher: Matcher, known: list[str], corpus_years: list[int], today: date | None = None):
    """The scope a question or a search names, found the same way for answers and search:
    (agencies, ambiguous [(as typed, candidates)], unknown mention or None, years, several
    years?)."""
    s = normalise(text)
    found, ambiguous = matcher.find_all(s)
    unknown = None
    if not found and not ambiguous:
        near = fuzzy(s, known)
        if len(near) == 1:
            found = near
        elif near:
            ambiguous = [(s, near)]
        else:
            unknown = unknown_mention(s)
    ys, several = parse_years(s, corpus_years, today)
    return found, ambiguous, unknown, ys, several
