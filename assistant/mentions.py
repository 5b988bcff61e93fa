"""Agencies and years a question mentions, as people type them.

Agencies are matched by their full names and the short forms people use: without the
province, without the city, the city without 市 (承德高新区总工会), and a bare place name for
that place's 人民政府 (洪泽区). The longest mention wins where several overlap."""
from __future__ import annotations

import re
from functools import lru_cache

from .agencies import place_of
from .labels import squeeze
from .parsing.metadata import arabic_dates
from .schema import load

_YEAR = re.compile(r"(?<!\d)((?:19|20)\d{2})(?!\d)")
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

