"""Agencies and years a question mentions, as people type them.

Agencies are matched by their full names and the short forms people use: without the
province, without the city, the city without 市 (承德高新区总工会), and a bare place name for
that place's 人民政府 (洪泽区). The longest mention wins where several overlap."""
from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from datetime import date
from functools import lru_cache

from .agencies import place_of
from .labels import squeeze
from .parsing.metadata import arabic_dates
from .placenames import MAX_PLACE, places
from .schema import load

_YEAR = re.compile(r"(?<!\d)((?:19|20)\d{2})(?!\d)")
_RANGE = re.compile(r"(?:from\s*)?((?:19|20)\d{2})\s*年?\s*(?:—|–|-|~|～|至|到|→|->|to)\s*((?:19|20)\d{2})\s*年?", re.I)
_RECENT = re.compile(r"(?:近|最近)([一二两三四五六七八九十\d]+)年|这([三四五六七八九十\d]+)年")
_CN = {"一": 1, "二": 2, "两": 2, "三": 3, "四": 4, "五": 5, "六": 6, "七": 7, "八": 8, "九": 9, "十": 10}
_SINCE = re.compile(r"((?:19|20)\d{2})\s*年?度?(?:[^，,。？?\d年]{0,10}?)(?:以来|至今|起至今|开始至今)|((?:19|"
                    r"20)\d{2})\s*年?度?(?:起|开始)")
_PLAN_PERIOD = {"十三五": (2016, 2020), "十四五": (2021, 2025), "十五五": (2026, 2030)}
_PREVIOUS = re.compile(r"(?:与|和|同|比|较|对比)(?:上年|上一年|前一年|去年同期|上年度)|同比|环比|比上年|较上年")
_SHORT_RANGE = re.compile(r"(?<![\d.])([12]\d)\s*年?\s*(?:—|–|-|~|～|至|到)\s*([12]\d)\s*年?(?![\d件个次])")
# 23、24两年 / 2023、24年 / 22和23年: each year of the list, written out
_SHORT_LIST = re.compile(r"(?<![\d.])((?:20)?[12]\d)\s*年?\s*(?:、|和|与|及|跟|,|，)\s*([12]\d)\s*(?:这两|两|"
                         r"二)?年(?!代|[前后内])")
_SHORT_YEAR = re.compile(r"(?<![\d.])([12]\d)年(?!度?[前后内]|代)")
_RELATIVE = {"大前年": 3, "前年": 2, "去年": 1, "上年度": 1, "今年": 0}
_FORMAT_YEAR = re.compile(r"(?:19|20)\d{2}\s*年?\s*版")     # 2019年版格式 names a format, not a year
_AGENCY_LIKE = re.compile(r"[\u4e00-\u9fff]{2,16}?(?:人民政府|政府|总工会|工会|局|委员会|委|办事处|街道|中心|办公室|厅|"
                          r"联合会|妇联|残联|科协)(?!信息|工作|网站)")
# a place written alone (某某区, 昆山市): an agency mention when no agency of the corpus fits
_PLACE_LIKE = re.compile(r"(?<![各全本该哪每其此两省市区县])([\u4e00-\u9fff]{2,6}?(?:自治县|自治州|新区|区|县|市|旗|州|"
                         r"镇|乡|"
                         r"街道))(?=[0-9\u4e00-\u9fff，,？?]|$)")
_NOT_PLACE = re.compile(r"^(?:[各全本该哪每其此两]|.*(?:单位|地区|城市|机关|部门|多少|几个|哪些))")
_SUFFIX = re.compile(r"(省|市|自治区|自治州|特别行政区|地区|盟)$")
# a county-level place cpca does not know (马龙区 before its renaming, 高新区), at the head of
# what follows a known city: 马龙区总工会 → 马龙区 + 总工会
_HEAD_PLACE = re.compile(r"^([\u4e00-\u9fff]{2,4}?(?:区|县|市|旗))(?=[\u4e00-\u9fff]{2,}$)")
_OTHER_BODY = re.compile(r"(?!政府|人民政府)(?:(?![的年和与及、被收申公信多几哪])[\u4e00-\u9fff]){0,7}?"
                         r"(?:局|委员会|委|办事处|总工会|工会|联合会|妇联|残联|中心|办公室|法院|检察院|管委会|街道)")
_THAT_ONE = re.compile(
    r"(?:的)?(?:(?:那家|那个|这家|这个|那一家)(?:局|单位|部门|机关)?|该(?:局|单位|部门|机关))"
)  # 秦淮区那家: a body of the place named before
_PLACE_GROUP = re.compile(r"(?:的|之)?(?:各|所有|全部|下属|所属)?(?:单位|部门|机关)")
# a township's or a street's government: 城关镇人民政府, 城关街道办事处
_TOWN = re.compile(r"^([\u4e00-\u9fff]{1,8}?(?:镇|乡|街道))(?:人民政府|办事处)$")
_BODY_END = re.compile(r"(?:局|会|处|府|厅|委|中心|办公室|院|所|站|队|馆)$")


def years(text: str) -> list[int]:
    """Years written as 2022, 2022年 or 二〇二二年, in order, without repeats."""
    s = _FORMAT_YEAR.sub("", arabic_dates(squeeze(text)))
    s = _SHORT_LIST.sub(_short_list, s)
    found = [int(y) for y in _YEAR.findall(s)]
    if not found:  # 21年 / 22年: 2021, 2022
        found = [2000 + int(y) for y in _SHORT_YEAR.findall(s) if 19 <= int(y) <= 30]
    return list(dict.fromkeys(found))


def _short_list(m: re.Match) -> str:
    a, b = (int(x) for x in m.groups())
    a = a if a > 99 else 2000 + a
    if not (2000 <= a <= 2030 and 19 <= b <= 30):
        return m.group(0)
    return f"{a}年、{2000 + b}年"


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
        town = _TOWN.match(rest)
        if town:        # 光山县城关镇人民政府: 光山县城关镇, and 城关镇 (which hundreds of counties have)
            place_name = county or city
            out.update({town.group(1), town.group(1) + "人民政府", town.group(1) + "政府"})
            if place_name:
                out.add(place_name + town.group(1))
    if place.prefix_is_place and rest:
        head = _HEAD_PLACE.match(rest)
        if head and _BODY_END.search(rest) and not (r.county and r.county in name):
            county, body = head.group(1), rest[len(head.group(1)) :]
            out.add(rest)  # 马龙区总工会
            if r.city and r.city in name:
                out.add(_SUFFIX.sub("", r.city) + rest)  # 曲靖马龙区总工会
            if county.endswith("市") and len(county) >= 3:
                out.add(county[:-1] + body)  # 定州自然资源和规划局
        county = r.county if r.county and r.county in name else None
        if county and county.endswith("市") and len(county) >= 3:
            out.add(county[:-1] + rest)  # 南安总工会
    for alias in list(out):
        for long, shorts in load().short_forms:
            if alias.endswith(long) and len(alias) > len(long):
                out.update(alias[: -len(long)] + short for short in shorts)
    return tuple(
        sorted(
            (a for a in out if len(a) >= 3 or a == name or (len(a) == 2 and a.endswith("县"))), key=len, reverse=True
        )
    )


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
            for alias, name in self.by_head.get(s[i : i + 2], ()):
                if s.startswith(alias, i):
                    found.setdefault((i, i + len(alias)), set()).add(name)
        taken: list[tuple[int, int]] = []
        chosen: list[tuple[int, str]] = []
        ambiguous: list[tuple[str, list[str]]] = []
        for (a, b), names in sorted(found.items(), key=lambda x: (-(x[0][1] - x[0][0]), x[0][0])):
            if any(a < tb and ta < b for ta, tb in taken):
                continue
            if (
                not _BODY_END.search(s[a:b])
                and not s[a:b].endswith("政府")
                and (_OTHER_BODY.match(s[b:]) or _PLACE_GROUP.match(s[b:]) or _THAT_ONE.match(s[b:]))
            ):
                continue  # 沭阳县城管局, 洪泽区的各单位: not the place's government
            taken.append((a, b))
            if len(names) > 1:
                ambiguous.append((s[a:b], sorted(names)))
            else:
                chosen.append((a, next(iter(names))))
        return list(dict.fromkeys(name for _, name in sorted(chosen))), ambiguous


# ------------------------------------------------------------------ groups of agencies
_GROUP_MARK = re.compile(
    r"(?:其他|其余|剩下的|只看|只算|仅看|只要|只统计|各家|每家|各|所有|全部|全体|哪些|哪几个|"
    r"哪几家|多少个|多少家|那几家|这几家|那些|这些|几家|几个|有年报的|"
    r"有报告的)(?:区县|县区|县市区|市县|区级|县级|市级|地)?的?$"
)
_NEEDS_MARK = ("区县人民政府", "县区人民政府", "区县政府", "县区政府", "县市区政府", "区政府", "县政府")
_GROUP_AFTER = re.compile(r"^(?:中|里|之中|当中|里面|们|这一类|这类|一类|这些)")
_GENERIC = ("单位", "部门", "机关", "机构")


def kind_of_agency(name: str) -> str:
    """What an agency is without its place: 总工会, 中山街道办事处, 自然资源和规划局."""
    place = place_of(name)
    rest = place.remainder if place.prefix_is_place and place.remainder else name
    head = _HEAD_PLACE.match(rest)
    if head and _BODY_END.search(rest):
        rest = rest[len(head.group(1)) :]
    return rest


@lru_cache(maxsize=8)
def _kind_words(known: tuple[str, ...]) -> tuple[tuple[str, str], ...]:
    """(word as typed, the ending it stands for), longest first: every corpus kind, the
    ending of each (中山街道办事处 → 街道办事处), and their short forms (妇联, 工信局)."""
    words: dict[str, str] = {}
    suffixes = [s for _, sfx in load().agency_kinds for s in sfx if len(s) >= 2]
    for name in known:
        kind = kind_of_agency(name)
        if kind[:1] in "区县" and len(kind) > 3:
            kind = kind[1:]  # 偃师市区总工会: a generated oddity, kind 总工会
        words.setdefault(kind, kind)
        for sfx in suffixes:
            if kind.endswith(sfx) and len(sfx) >= 3:
                words.setdefault(sfx, sfx)
    for long, shorts in load().short_forms:
        if any(k.endswith(long) for k in words.values()):
            words.setdefault(long, long)
            for short in shorts:
                if len(short) >= 2 and short not in ("政府", "街道"):
                    words.setdefault(short, long)
    words.pop("政府", None)
    if "人民政府" in words:  # 区县政府, 县区政府: the county-level governments
        for w in ("区县人民政府", "县区人民政府", "区县政府", "县区政府", "县市区政府", "区政府", "县政府"):
            words.setdefault(w, "人民政府")
    return tuple(sorted(words.items(), key=lambda kv: -len(kv[0])))


@lru_cache(maxsize=8)
def _places(known: tuple[str, ...]) -> tuple[tuple[str, str], ...]:
    """(place as typed, the place as printed in names), longest first: cities and counties
    of the corpus agencies, with and without 市/县/区."""
    out: dict[str, str] = {}
    for name in known:
        place = place_of(name)
        r = place.region
        head = _HEAD_PLACE.match(place.remainder or "") if place.prefix_is_place else None
        if (
            head
            and _BODY_END.search(place.remainder)
            and not (r.county and r.county in name)
            and not head.group(1).endswith(("新区", "高新区", "开发区"))
        ):
            out.setdefault(head.group(1), head.group(1))  # 马龙区, unknown to cpca
        for part in (r.province, r.city, r.county):
            if part and part in name:
                out.setdefault(part, part)
                short = _SUFFIX.sub("", part)
                if len(short) >= 2:
                    out.setdefault(short, part)
    return tuple(sorted(out.items(), key=lambda kv: -len(kv[0])))


@dataclass
class Group:
    """Agencies a text names by kind or place instead of by name (各总工会, 2024年常德市各
    单位, 承德的信访局, 数据局): `plural` when it says all of them (各/所有/哪些/…中)."""

    label: str
    members: list[str]
    plural: bool
    qualified: bool  # a place narrows the kind (承德的信访局)
    joined: bool = False  # place and kind written as one name (临沂市总工会), not 临沂的总工会
    by_kind: bool = True  # named by a kind (总工会), not by a place written alone (马龙区)


_THAT_BODY = re.compile(r"(?:的)?(?:那个|那家|哪个|某个|这个|这家)(局|单位|部门|委员会|办)")
_CITY_LEVEL = re.compile(r"市本级|本级部门|不含区县|不含县区|市直")


def _county_in(name: str) -> bool:
    """Whether an agency belongs to a county-level place (区/县/县级市), not to the city itself."""
    place = place_of(name)
    return bool(place.region.county and place.region.county in name) or bool(
        place.prefix_is_place and _HEAD_PLACE.match(place.remainder or "") and _BODY_END.search(place.remainder or "")
    )


def group_in(s: str, known: list[str]) -> Group | None:
    """The group of corpus agencies a text names by kind (and place), if any."""
    s = re.sub(r"(?:19|20)\d{2}(?:年度|年)?", "", s)
    kinds = _kind_words(tuple(known))
    for word, ending in kinds + tuple((g, "") for g in _GENERIC):
        at = s.find(word)
        if at < 0:
            continue
        before, after = s[:at], s[at + len(word) :]
        mark = _GROUP_MARK.search(before)
        if word in _NEEDS_MARK and not mark and not _GROUP_AFTER.match(after):
            continue  # 朝阳区政府: one place's government, not a group
        plural = bool(mark) or bool(_GROUP_AFTER.match(after)) or not ending
        if mark:
            before = before[: mark.start()]
        before = _CITY_LEVEL.sub("", before)
        place, joined = None, False
        for typed, printed in _places(tuple(known)):
            m = re.search(re.escape(typed) + r"(的|之|所属|下属)?$", before)
            if m:
                place, joined = printed, not m.group(1)
                break
        if not ending and not place:
            continue  # 哪些单位 alone: every agency, no group
        members = [a for a in known if (not ending or a.endswith(ending)) and (not place or place in a)]
        if _CITY_LEVEL.search(s):  # 市本级（不含区县）: the city's own bodies
            members = [a for a in members if not _county_in(a)]
        if not members and place and ending:
            # 芜湖市总工会: a body of a corpus place that the corpus lacks — not a fuzzy match
            return Group(label=place + word, members=[], plural=False, qualified=True, joined=True)
        if not members:
            continue
        if before and not place and re.search(r"[\u4e00-\u9fff]$", before) and not mark:
            # a name that ends in this kind but is not in the corpus (昆山市总工会)
            if re.search(r"(?:市|区|县|省|州|旗|镇|乡)$", before):
                return None
        label = (place or "") + (("各" if plural else "") + word if ending else "各单位")
        return Group(
            label=label, members=sorted(members), plural=plural, qualified=bool(place), joined=joined and bool(ending)
        )
    # a place written alone whose 人民政府 the corpus lacks: its agencies (马龙区 → 司法局,
    # 总工会, 城市管理局 of 马龙区)
    for typed, printed in _places(tuple(known)):
        at = s.find(typed)
        if at < 0:
            continue
        that = _THAT_BODY.match(s[at + len(typed) :])
        if that:  # 马龙区那个局: one of its bodies of that kind
            members = [
                a for a in known if printed in a and (that.group(1) in ("单位", "部门") or a.endswith(that.group(1)))
            ]
            if members:
                return Group(label=printed + that.group(0), members=sorted(members), plural=False, qualified=True)
        if _OTHER_BODY.match(s[at + len(typed) :]):
            continue  # 金台区城管局: another body, not the place
        members = [a for a in known if printed in a]
        if _CITY_LEVEL.search(s):
            members = [a for a in members if not _county_in(a)]
        if members:
            return Group(
                label=printed,
                members=sorted(members),
                plural=bool(_CITY_LEVEL.search(s)),
                qualified=True,
                by_kind=False,
            )
    return None


# ------------------------------------------------------------------ one place for the scope
def normalise(text: str) -> str:
    """Full-width digits and letters as ASCII, no whitespace; a question typed in
    traditional characters (洪澤區…復議) read in simplified ones, as the reports are."""
    text = squeeze(unicodedata.normalize("NFKC", text or ""))
    if any(ch in _TRADITIONAL for ch in text):
        text = _to_simplified(text)
    return text


# characters common in questions that only traditional Chinese writes this way: their
# presence says the question is in traditional characters (a simplified text is left as it is)
_TRADITIONAL = set("報請議訴總會數據這們個幾與為過來時間處辦務區關開門問題網費號單縣鎮鄉較復資說對嗎裡麼變錢統計歷覆讓")


@lru_cache(maxsize=1)
def _converter():
    import opencc

    return opencc.OpenCC("t2s")


def _to_simplified(text: str) -> str:
    return _converter().convert(text)


def number(text: str) -> int:
    """近三年 / 前5: 3, 5 (a numeral up to 十几)."""
    return (
        int(text) if text.isdigit() else (_CN.get(text) or (10 + _CN.get(text[-1], 0) if text.startswith("十") else 3))
    )


def parse_years(text: str, corpus_years: list[int], today: date | None = None) -> tuple[list[int], bool]:
    """The years a question asks about, ascending (a comparison of 2024 with 2023 is the
    change from 2023 to 2024), and whether they are several. 去年/前年 count from `today`;
    近N年 ends at the newest year in the corpus."""
    s = arabic_dates(normalise(text))
    s = _SHORT_LIST.sub(_short_list, _FORMAT_YEAR.sub("", s))
    m = _RANGE.search(s)
    short = _SHORT_RANGE.search(s) if not m and not _YEAR.search(s) else None
    if m or (short and all(19 <= int(x) <= 30 for x in short.groups())):
        a, b = sorted(int(x) for x in (m or short).groups())
        a, b = (a, b) if m else (2000 + a, 2000 + b)
        return list(range(a, b + 1)), True
    for name, (a, b) in _PLAN_PERIOD.items():
        if name in s:
            return list(range(a, b + 1)), True
    m = _SINCE.search(s)
    if m and corpus_years:
        a = int(m.group(1) or m.group(2))
        return list(range(a, max(max(corpus_years), a) + 1)), True
    m = _RECENT.search(s)
    if m and corpus_years:
        n = number(m.group(1) or m.group(2))
        newest = max(corpus_years)
        return list(range(newest - n + 1, newest + 1)), True
    found = years(s)
    now = (today or date.today()).year
    rest = s
    for word, back in _RELATIVE.items():
        if word in rest and not (word == "上年度" and ("结转" in s or (found and _PREVIOUS.search(s)))):
            found.append(now - back)
            rest = rest.replace(word, "")
    if len(set(found)) == 1 and _PREVIOUS.search(rest):
        found.append(found[0] - 1)  # 2024年…与上年相比: 2023 and 2024
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
                index.setdefault(alias[:i] + "\0" + alias[i + 1 :], []).append((alias[i], name))
    return index, tuple(sorted(lengths))


def fuzzy(s: str, known: list[str]) -> list[str]:
    """Agencies written with one wrong character (沐阳县 for 沭阳县, 路城区 for 鹿城区) —
    never where the character typed makes another real place (湖北省 is not a slip of 湖南省)."""
    index, lengths = _one_off_index(tuple(known))
    hits: dict[str, int] = {}
    for n in lengths:
        for start in range(0, len(s) - n + 1):
            window = s[start : start + n]
            for i in range(n if n > 3 else n - 1):
                if window[i] in "区县市旗镇乡的之和与及":
                    continue  # 象山县 is another place than 象山区, not a slip
                for ch, name in index.get(window[:i] + "\0" + window[i + 1 :], ()):
                    if ch != window[i] and ch not in "区县市旗镇乡" and not _real_place_at(window, i):
                        hits[name] = max(hits.get(name, 0), n)
    # the longest fits only: 路城区信访局 is 鹿城区信访局, not the government of 鲤城区
    longest = max(hits.values(), default=0)
    return sorted(name for name, n in hits.items() if n == longest)


def _real_place_at(text: str, i: int) -> bool:
    """Whether the character at `i` is part of a real place name written in `text`."""
    known = places().parent
    for a in range(max(0, i - MAX_PLACE + 1), i + 1):
        for b in range(max(i + 1, a + 2), min(len(text), a + MAX_PLACE) + 1):
            if text[a:b] in known:
                return True
    return False


def unknown_mention(s: str) -> str | None:
    """Something the text names as an agency or a place that no corpus agency matched."""
    bare = re.sub(r"(?:19|20)\d{2}年?(?:度)?", "", s)
    m = _AGENCY_LIKE.search(bare)
    if m and not re.search(r"[哪些了吗呢么几多少收到申请公开各所全的每至年月结转这那把]", m.group(0)):
        return m.group(0)
    for m in _PLACE_LIKE.finditer(bare):
        if not _NOT_PLACE.match(m.group(1)):
            return m.group(1)
    return None


def scope(text: str, matcher: Matcher, known: list[str], corpus_years: list[int], today: date | None = None):
    """The scope a question or a search names, found the same way for answers and search:
    (agencies, ambiguous [(as typed, candidates)], unknown mention or None, years, several
    years?, a Group named by kind or place or None)."""
    s = normalise(text)
    found, ambiguous = matcher.find_all(s)
    unknown = None
    group = None
    if not found and not ambiguous:
        # a group said as such (各总工会, …中) before a name with one wrong character; a bare
        # kind or place (数据局, 马龙区) only when no such name fits
        group = group_in(s, known)
        if group is not None and not group.members:
            return found, ambiguous, group.label, *parse_years(s, corpus_years, today), None
        near = fuzzy(s, known) if group is None or not (group.plural or (group.qualified and group.by_kind)) else []
        if near:
            group = None
        if len(near) == 1:
            found = near
        elif near:
            ambiguous = [(s, near)]
        elif group is None:
            unknown = unknown_mention(s)
    elif found and not ambiguous:
        found = _with_slips(s, found, known)
    if ambiguous and not found:
        listed = _places_listed(s, ambiguous[0][1])
        if listed:
            ambiguous, found = [], listed
    if ambiguous and not found:
        other = another_body(s, *ambiguous[0])
        if other:
            ambiguous, unknown = [], other
    ys, several = parse_years(s, corpus_years, today)
    return found, ambiguous, unknown, ys, several, group


def _places_listed(s: str, names: list[str]) -> list[str]:
    """常德市武陵区、宜昌市宜都市、保定市定州市这三个自然资源和规划局: the body of that kind in
    each place listed, in the order listed (two or more places, each fitting one)."""
    at = {}
    for n in names:
        place = place_of(n)
        county = place.region.county
        if not (county and county in n):  # 定州市 under 保定市: the place the body's name begins with
            head = _HEAD_PLACE.match(place.remainder or "")
            county = head.group(1) if head else None
        if county and len(county) >= 2 and county in s:
            at.setdefault(county, []).append(n)
    if len(at) < 2 or any(len(v) > 1 for v in at.values()):
        return []
    return [at[c][0] for c in sorted(at, key=s.find)]


def another_body(s: str, alias: str, names: list[str]) -> str | None:
    """洛阳市政府 / 潍坊市奎文区政府 when the corpus holds only other bodies of the place, or
    承德市总工会 beside 承德市高新区总工会: a body the corpus does not hold (its name as
    written), not a question of which of the place's bodies is meant."""
    if _THAT_ONE.search(s) or _THAT_BODY.search(s):
        return None
    um = unknown_mention(s)
    if um and re.match(r"(?:这|那|上述|以上|各|两|几|该|本|其|其他|其余|所有|全部)", um):
        return None  # 这两家工会: the ones named before, not a body
    if um and alias in um and len(um) > len(alias) + 1 and _BODY_END.search(um) and not any(um in n for n in names):
        return um
    if len(names) == 1 and _BODY_END.search(alias) and alias not in names[0]:
        return alias
    return None


def _with_slips(s: str, found: list[str], known: list[str]) -> list[str]:
    """The agencies named, and beside them one written with a wrong character (诸成市工信局和
    游仙区工信局): each stretch of the text outside the names found that reads like an
    agency and fits exactly one other agency with one character changed, in the order
    written."""
    masked = squeeze(s)
    where: dict[str, int] = {}
    for name in found:
        for alias in sorted(aliases(name), key=len, reverse=True):
            at = masked.find(alias)
            if at >= 0:
                where.setdefault(name, at)
                masked = masked.replace(alias, "\0" * len(alias))
    added = False
    for m in re.finditer(r"[^\0]+", masked):
        seg = m.group(0)
        if len(seg) < 4 or not _AGENCY_LIKE.search(seg):
            continue
        near = [a for a in fuzzy(seg, known) if a not in found]
        if len(near) == 1 and near[0] not in where:
            where[near[0]] = m.start()
            added = True
    if not added:
        return found
    return sorted(where, key=where.get) + [a for a in found if a not in where]
