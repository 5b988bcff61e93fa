"""A Chinese question → what it asks: intent, agencies, years, metric, condition.

Deterministic and offline; the vocabulary is questions.toml. Agencies are resolved against
those in the store (short forms, one wrong character tolerated); years are 2022, 2022年,
二〇二二年, ranges (2019—2024年, 2019年至2024年) and 近三年 (relative to the newest year in
the corpus)."""
from __future__ import annotations

import re
import tomllib
import unicodedata
from dataclasses import dataclass, field
from datetime import date
from functools import cache
from pathlib import Path

from ..labels import squeeze
from ..mentions import Matcher, aliases, years as plain_years
from ..parsing.metadata import arabic_dates

_RANGE = re.compile(r"((?:19|20)\d{2})\s*年?\s*(?:—|–|-|~|～|至|到)\s*((?:19|20)\d{2})\s*年?")
_RECENT = re.compile(r"近([一二两三四五六七八九十\d]+)年")
_CN = {"一": 1, "二": 2, "两": 2, "三": 3, "四": 4, "五": 5, "六": 6, "七": 7, "八": 8, "九": 9, "十": 10}
_TOP = re.compile(r"前\s*([一二两三四五六七八九十\d]+)\s*(?:名|个|家|位)?")
_CONDITION = re.compile(r"(不等于|不为|不是|等于|为|是|超过|多于|大于|高于|不少于|至少|不低于|少于|低于|小于|不超过|不多于|"
                        r"!=|≠|>=|≥|>|<=|≤|<|=)\s*(\d+(?:\.\d+)?)(?![\d年])")
_NONE = re.compile(r"没有收到|未收到|没收到|没有(?:被)?(?:申请|复议|起诉|诉讼)|零申请|无申请")
_OPWORDS = {"超过": ">", "多于": ">", "大于": ">", "高于": ">", "不少于": ">=", "至少": ">=", "不低于": ">=",
            "少于": "<", "低于": "<", "小于": "<", "不超过": "<=", "不多于": "<=", "≥": ">=", "≤": "<=",
            "等于": "=", "为": "=", "是": "=", "不等于": "!=", "不为": "!=", "不是": "!=", "≠": "!="}
_AGENCY_LIKE = re.compile(r"[\u4e00-\u9fff]{2,16}?(?:人民政府|政府|总工会|工会|局|委员会|委|办事处|街道|中心|办公室|厅|联合会|妇联|残联|科协)(?!信息|工作|网站)")
# a place written alone (某某区, 昆山市): an agency mention when no agency of the corpus fits
_PLACE_LIKE = re.compile(r"(?<![各全本该哪每其此两省市区县])([\u4e00-\u9fff]{2,6}?(?:自治县|自治州|新区|区|县|市|旗|州|镇|乡|街道))(?=[0-9\u4e00-\u9fff，,？?]|$)")
_NOT_PLACE = re.compile(r"^(?:[各全本该哪每其此两]|.*(?:单位|地区|城市|机关|部门|多少|几个|哪些))")
_PAREN = re.compile(r"[（(][^（）()]*[)）]")
_RELATIVE = {"大前年": 3, "前年": 2, "去年": 1, "上年度": 1, "今年": 0, "本年度": 0}


@dataclass
class Metric:
    key: str
    name: str
    unit: str
    cells: list[tuple[str, str, str]]
    each: bool = False
    v2019: list[tuple[str, str, str]] | None = None
    v2021: list[tuple[str, str, str]] | None = None
    three_rows: list[tuple[str, str, str]] | None = None
    note: str | None = None


@dataclass
class Vocabulary:
    metrics: list[tuple[str, Metric]]          # (word, metric), longest words first
    columns: dict[str, str]
    intents: list[tuple[str, list[str]]]
    topics: dict[str, list[str]]               # section 五's topics, for comparisons
    compare_sections: dict[str, list[str]] = field(default_factory=dict)   # section key → words


@cache
def vocabulary() -> Vocabulary:
    data = tomllib.loads(Path(__file__).resolve().parent.parent.joinpath("questions.toml").read_text("utf-8"))
    pairs = []
    for m in data["metrics"]:
        cells = [tuple(c) for c in m.get("cells", m.get("v2021", []))]
        metric = Metric(key=m["key"], name=m["name"], unit=m.get("unit", ""), cells=cells, each=m.get("each", False),
                        v2019=[tuple(c) for c in m["v2019"]] if "v2019" in m else None,
                        v2021=[tuple(c) for c in m["v2021"]] if "v2021" in m else None,
                        three_rows=[tuple(c) for c in m["three_rows"]] if "three_rows" in m else None,
                        note=m.get("note"))
        pairs += [(w, metric) for w in m["words"]]
    pairs.sort(key=lambda p: -len(p[0]))
    return Vocabulary(metrics=pairs, columns=dict(data.get("applicant_columns", {})),
                      intents=list(data["intents"].items()), topics=dict(data.get("topics", {})),
                      compare_sections=dict(data.get("compare_sections", {})))


@dataclass
class Question:
    text: str
    intent: str
    agencies: list[str] = field(default_factory=list)
    ambiguous: list[tuple[str, list[str]]] = field(default_factory=list)   # (as typed, candidates)
    unknown_agency: str | None = None          # looks like an agency, none in the corpus
    years: list[int] = field(default_factory=list)
    year_range: bool = False
    metric: Metric | None = None
    column: str | None = None                  # Table B applicant column instead of 总计
    condition: tuple[str, float] | None = None  # (op, n)
    top: int | None = None
    ascending: bool = False
    mean: bool = False
    total: bool = False                        # 合计/一共: the figures asked are added up
    refers_back: bool = False                  # 上述/这几家: names agencies of an earlier question
    section: str | None = None                 # the section a text comparison reads


def _number(text: str) -> int:
    return int(text) if text.isdigit() else (_CN.get(text) or (10 + _CN.get(text[-1], 0) if text.startswith("十") else 3))


def normalise(text: str) -> str:
    """Full-width digits and letters as ASCII, no whitespace."""
    return squeeze(unicodedata.normalize("NFKC", text or ""))


def parse_years(text: str, corpus_years: list[int], today: date | None = None) -> tuple[list[int], bool]:
    """The years a question asks about, ascending (a comparison of 2024 with 2023 is the
    change from 2023 to 2024), and whether they are a range. 去年/前年 count from `today`;
    近N年 ends at the newest year in the corpus."""
    s = arabic_dates(normalise(text))
    m = _RANGE.search(s)
    if m:
        a, b = sorted((int(m.group(1)), int(m.group(2))))
        return list(range(a, b + 1)), True
    m = _RECENT.search(s)
    if m and corpus_years:
        n = _number(m.group(1))
        newest = max(corpus_years)
        return list(range(newest - n + 1, newest + 1)), True
    found = plain_years(s)
    now = (today or date.today()).year
    rest = s
    for word, back in _RELATIVE.items():
        if word in rest and not (word == "上年度" and "结转" in s):
            found.append(now - back)
            rest = rest.replace(word, "")
    found = sorted(set(found))
    return found, len(found) > 1


def _fuzzy(s: str, known: list[str]) -> list[str]:
    """Agencies written with one wrong character (沐阳县 for 沭阳县)."""
    hits = set()
    for name in known:
        for alias in aliases(name):
            n = len(alias)
            if n < 3 or (n == 3 and alias[-1] not in "县区市旗"):
                continue
            for i in range(0, len(s) - n + 1):
                window = s[i:i + n]
                if window[-1] != alias[-1] and (n == 3 or window[0] != alias[0]):
                    continue
                if sum(1 for a, b in zip(window, alias) if a != b) == 1:
                    hits.add(name)
                    break
    return sorted(hits)


def unknown_mention(s: str) -> str | None:
    """Something the question names as an agency or a place that no corpus agency matched."""
    bare = re.sub(r"(?:19|20)\d{2}年?(?:度)?", "", s)
    m = _AGENCY_LIKE.search(bare)
    if m and not re.search(r"[哪些了吗呢么几多少收到申请公开各所全的每至年月结转]", m.group(0)):
        return m.group(0)
    for m in _PLACE_LIKE.finditer(bare):
        if not _NOT_PLACE.match(m.group(1)):
            return m.group(1)
    return None


def understand(text: str, known_agencies: list[str], corpus_years: list[int], matcher: Matcher | None = None,
               today: date | None = None) -> Question:
    voc = vocabulary()
    s = normalise(text)
    matcher = matcher or Matcher(known_agencies)
    found, ambiguous = matcher.find_all(s)
    unknown = None
    if not found and not ambiguous:
        fuzzy = _fuzzy(s, known_agencies)
        if len(fuzzy) == 1:
            found = fuzzy
        elif fuzzy:
            ambiguous = [(s, fuzzy)]
        else:
            unknown = unknown_mention(s)
    years, is_range = parse_years(s, corpus_years, today)
    q = Question(text=text, intent="passage", agencies=found, ambiguous=ambiguous, unknown_agency=unknown,
                 years=years, year_range=is_range)
    # an explanation in brackets (（未经复议直接起诉与复议后起诉合计）) does not name the figure
    # when the words outside it do
    plain = _PAREN.sub("", s)
    for text_ in (plain, s):
        for word, metric in voc.metrics:
            if word in text_:
                q.metric = metric
                break
        if q.metric:
            break
    for word, col in voc.columns.items():
        if word in s and q.metric and q.metric.cells and q.metric.cells[0][0] == "B":
            q.column = col
            break
    m = _CONDITION.search(re.sub(r"(?:19|20)\d{2}年", "", s))
    if m:
        q.condition = (_OPWORDS.get(m.group(1), m.group(1)), float(m.group(2)))
    elif _NONE.search(s):
        q.condition = ("=", 0.0)
    t = _TOP.search(s)
    q.top = _number(t.group(1)) if t else None
    q.ascending = any(w in s for w in ("最少", "最低"))
    q.mean = "平均" in s
    q.total = any(w in s for w in dict(voc.intents)["aggregate"])
    q.refers_back = bool(re.search(r"上述|以上|这几家|这些单位|这[两三四五六七八九十\d]+家", s))
    q.section = next((k for k, words in voc.compare_sections.items() if any(w in s for w in words)), None)
    intents = dict(voc.intents)
    if any(w in s for w in intents["check"]):
        q.intent = "check"
    elif any(w in s for w in intents["compare_text"]) and (len(found) >= 2 or "两个单位" in s or (
            len(found) == 1 and len(years) == 2 and (_asks_for_text(s) or not q.metric))):
        q.intent = "compare_text"
    elif q.metric and any(w in s for w in intents["rank"]):
        q.intent = "rank"
        q.top = q.top or 1
    elif q.metric and any(w in s for w in intents["trend"]) and (found or not any(w in s for w in intents["list"])):
        q.intent = "trend"
    elif q.metric and any(w in s for w in intents["list"]) and not found:
        q.intent = "list"
    elif q.metric and any(w in s for w in intents["aggregate"]) and not found:
        q.intent = "aggregate"
    elif q.metric and (found or unknown or ambiguous) and not _asks_for_text(s):
        q.intent = "lookup"
    elif q.metric and not found and any(w in s for w in intents["lookup"]) and not _asks_for_text(s):
        q.intent = "aggregate"
    return q


def _asks_for_text(s: str) -> bool:
    """Questions about how or why, not how many."""
    return any(w in s for w in ("怎么", "怎样", "如何", "为什么", "措施", "做法", "问题", "不足", "情况如何", "哪些工作"))
