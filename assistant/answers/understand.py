"""A Chinese question → what it asks: intent, agencies, years, metric, condition.

Deterministic and offline; the vocabulary is questions.toml. Agencies are resolved against
those in the store (short forms, one wrong character tolerated); years are 2022, 2022年,
二〇二二年, ranges (2019—2024年, 2019年至2024年) and 近三年 (relative to the newest year in
the corpus)."""
from __future__ import annotations

import re
import tomllib
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path

from ..labels import squeeze
from ..mentions import Matcher, aliases, years as plain_years
from ..parsing.metadata import arabic_dates

_RANGE = re.compile(r"((?:19|20)\d{2})\s*年?\s*(?:—|–|-|~|～|至|到)\s*((?:19|20)\d{2})\s*年?")
_RECENT = re.compile(r"近([一二两三四五六七八九十\d]+)年")
_CN = {"一": 1, "二": 2, "两": 2, "三": 3, "四": 4, "五": 5, "六": 6, "七": 7, "八": 8, "九": 9, "十": 10}
_TOP = re.compile(r"前\s*([一二两三四五六七八九十\d]+)\s*(?:名|个|家|位)?")
_CONDITION = re.compile(r"(超过|多于|大于|高于|不少于|至少|不低于|少于|低于|小于|不超过|>=|≥|>|<=|≤|<)\s*(\d+)")
_AGENCY_LIKE = re.compile(r"[\u4e00-\u9fff]{2,16}?(?:人民政府|政府|总工会|工会|局|委员会|委|办事处|街道|中心|办公室|厅|联合会|妇联|残联|科协)")


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
                      intents=list(data["intents"].items()), topics=dict(data.get("topics", {})))


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


def _number(text: str) -> int:
    return int(text) if text.isdigit() else (_CN.get(text) or (10 + _CN.get(text[-1], 0) if text.startswith("十") else 3))


def parse_years(text: str, corpus_years: list[int]) -> tuple[list[int], bool]:
    s = arabic_dates(squeeze(text))
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


def understand(text: str, known_agencies: list[str], corpus_years: list[int], matcher: Matcher | None = None) -> Question:
    voc = vocabulary()
    s = squeeze(text)
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
            m = _AGENCY_LIKE.search(re.sub(r"(?:19|20)\d{2}年?", "", s))
            if m and not re.search(r"[哪些了吗呢么几多少收到申请公开各所全]", m.group(0)):
                unknown = m.group(0)
    years, is_range = parse_years(s, corpus_years)
    q = Question(text=text, intent="passage", agencies=found, ambiguous=ambiguous, unknown_agency=unknown,
                 years=years, year_range=is_range)
    for word, metric in voc.metrics:
        if word in s:
            q.metric = metric
            break
    for word, col in voc.columns.items():
        if word in s and q.metric and q.metric.cells and q.metric.cells[0][0] == "B":
            q.column = col
            break
    m = _CONDITION.search(s)
    if m:
        op = {"超过": ">", "多于": ">", "大于": ">", "高于": ">", "不少于": ">=", "至少": ">=", "不低于": ">=",
              "少于": "<", "低于": "<", "小于": "<", "不超过": "<=", "≥": ">=", "≤": "<="}.get(m.group(1), m.group(1))
        q.condition = (op, float(m.group(2)))
    t = _TOP.search(s)
    q.top = _number(t.group(1)) if t else None
    q.ascending = any(w in s for w in ("最少", "最低"))
    q.mean = "平均" in s
    intents = dict(voc.intents)
    if any(w in s for w in intents["check"]):
        q.intent = "check"
    elif any(w in s for w in intents["compare_text"]) and (len(found) >= 2 or "两个单位" in s):
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
