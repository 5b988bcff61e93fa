"""A Chinese question → what it asks: intent, agencies, years, metric, condition.

Deterministic and offline; the vocabulary is questions.toml. Agencies are resolved against
those in the store (short forms, one wrong character tolerated); years are 2022, 2022年,
二〇二二年, ranges (2019—2024年, 2019年至2024年) and 近三年 (relative to the newest year in
the corpus)."""
from __future__ import annotations

import re
import tomllib
from dataclasses import dataclass, field
from datetime import date
from functools import cache
from pathlib import Path

from ..mentions import Group, Matcher, normalise, number, scope

_TOP = re.compile(r"前\s*([一二两三四五六七八九十\d]+)\s*(?:名|个|家|位)?|哪([二两三四五六七八九十\d]+)(?:个|家|位)|"
                  r"(?:最多|最少|最高|最低|最大|"
                  r"最小)的\s*([一二两三四五六七八九十\d]+)\s*(?:名|个|家|位)")
_CONDITION = re.compile(r"(不等于|不为|不是|等于|为|是|超过|多于|大于|高于|不少于|至少|不低于|少于|低于|小于|不超过|"
                        r"不多于|"
                        r"!=|≠|>=|≥|>|<=|≤|<|=)\s*(\d+(?:\.\d+)?)(?![\d年])")
_ABOVE = re.compile(r"(\d+(?:\.\d+)?)\s*(?:件|个|次|起|家|万元)?\s*(及以上|以上|及以下|以下)")
_CN_COUNT = re.compile(r"([一二两三四五六七八九十]{1,3})(?=\s*(?:件|个|次|起|家)(?:及)?(?:以上|以下)?)")


def _cn_counts(s: str) -> str:
    """三件以上 → 3件以上 (a count written in Chinese numerals)."""
    return _CN_COUNT.sub(lambda m: str(number(m.group(1))), s)


_NONE = re.compile(r"没有收到|未收到|没收到|没有(?:被)?(?:申请|复议|起诉|诉讼)|零申请|无申请")
_OPWORDS = {"超过": ">", "多于": ">", "大于": ">", "高于": ">", "不少于": ">=", "至少": ">=", "不低于": ">=",
            "少于": "<", "低于": "<", "小于": "<", "不超过": "<=", "不多于": "<=", "≥": ">=", "≤": "<=",
            "等于": "=", "为": "=", "是": "=", "不等于": "!=", "不为": "!=", "不是": "!=", "≠": "!="}
_PAREN = re.compile(r"[（(][^（）()]*[)）]")
_REFERS_BACK = re.compile(r"这两份|那两份|^(?:那|把)?[两三四五六七八九十]家|它们|他们|它俩|他俩|(?<![一-龥])两家|"
                          r"把两家|前面那[两二三四五六七八九十\d]个|前面[两二三]个|刚才那[两二三]个|这俩|那俩|俩|上述|"
                          r"(?<![\d一二两三四五六七八九十件个次起家万元及])以上|这几家|这些单位|"
                          r"这[两三四五六七八九十\d]+家|上面[两三四五六七八九十\d]+家|上面几家|"
                          r"这两个单位|这两个|这几个单位|那几家|那两家|这几家政府")
_RANK_AT = re.compile(r"排(?:在|名)?第\s*[一二两三四五六七八九十\d]+|第\s*[一二两三四五六七八九十\d]+\s*(?:位|名)")
_EACH = re.compile(r"各有|各自|分别|每家|每个|各是|各为|各多少|各几")
_SUMMED = re.compile(r"合计|共计|合并|加起来|加总|之和|一共|总共|一起算|求和")
# an identity asked about: 一+二=七+四, 总计是否等于…之和, 加得对吗
_CHECK = re.compile(r"[+＋].*[=＝≠]|的和吗|之和吗|等于.{0,24}和吗|加起来不一致|不一致的|跟表.{0,4}一样|与表.{0,4}一致|"
                    r"和表.{0,4}一样|等于总计|等于.{0,6}总计吗|"
                    r"是不是都等于|加起来等于|数.{0,2}对吗|是否闭合|数据闭合|闭合|数据质量|是否等于|等不等于|是不是等于|相不相等|是不是各项|各项加起来的|是不是.{0,12}之和|是否符合|"
                    r"等于.*之和|之和一致|加得对|合计对不对|对不对|勾稽|逻辑校验|自洽|有无问题|加起来一致|相符|算得平|算不平|算平|表.{0,4}有没有问题|表.{0,4}有问题|数.{0,2}靠谱|"
                    r"对得上不")
# a figure asked year by year: 每年、这几年、历年、以来、走势、怎么变
_SOME_ONE = re.compile(r"(?<=[\u4e00-\u9fff])(?:有家|有个|有一家|有一个|那边的|那边)(?=[\u4e00-\u9fff])")
_SPEAKER = re.compile(r"^[^，。？?：:]{1,14}?(?:问|想知道|让我问)[：:]")  # 统计局的同事问：…: a speaker, not a scope
_CONCESSION = re.compile(r"(?:不管|无论|不论|不考虑)[^，,。？?]{0,20}[，,]")
_ORDER_ALL = re.compile(
    r"排序|排个序|排一下序|排个名|排名|排行|从少到多|从多到少|由少到多|由多到少|从低到高|从高到低|"
    r"从大到小|从小到大|依次"
)
_SERIES = re.compile(
    r"比怎么样|比如何|相比怎么样|比起来怎么样|走势怎么样|走势怎样|走向是怎样的|走向怎样|走向如何|走向|"
    r"怎么样变|相比如何|比较如何|对比如何|咋变|每年|每一年|各年|这几年|近几年|"
    r"历年|以来|走势如何|走势|怎么变|如何变|变化如何|趋势如何|多了还是少了|是多了|是少了|变化|趋势|变动|轨迹|起伏|波动"
)


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
    unit_from_header: bool = False  # the unit is what each report's header prints (采购总金额)


@dataclass
class Vocabulary:
    metrics: list[tuple[str, Metric]]  # (word, metric), longest words first, weak words last
    columns: dict[str, dict[str, str]]  # table → {word: column key}, longest words first
    intents: list[tuple[str, list[str]]]
    topics: dict[str, list[str]]  # section 五's topics, for comparisons
    compare_sections: dict[str, list[str]] = field(default_factory=dict)  # section key → words
    typos: dict[str, str] = field(default_factory=dict)  # 申情 → 申请


@cache
def vocabulary() -> Vocabulary:
    data = tomllib.loads(Path(__file__).resolve().parent.parent.joinpath("questions.toml").read_text("utf-8"))
    pairs = []
    for m in data["metrics"]:
        cells = [tuple(c) for c in m.get("cells", m.get("v2021", []))]
        metric = Metric(
            key=m["key"],
            name=m["name"],
            unit=m.get("unit", ""),
            cells=cells,
            each=m.get("each", False),
            v2019=[tuple(c) for c in m["v2019"]] if "v2019" in m else None,
            v2021=[tuple(c) for c in m["v2021"]] if "v2021" in m else None,
            three_rows=[tuple(c) for c in m["three_rows"]] if "three_rows" in m else None,
            note=m.get("note"),
            unit_from_header=m.get("unit_from_header", False),
        )
        weak, loose = set(m.get("weak", ())), set(m.get("loose", ()))
        pairs += [(w, metric, 2 if w in weak else 1 if w in loose else 0) for w in m["words"]]
    # a weak word (申请, 收到) names a figure only when no other word does; a loose one
    # (公开了多少) yields to any word it overlaps (不予公开了多少); a tie in length goes to
    # the narrower figure
    pairs.sort(key=lambda p: (p[2], -len(p[0]), len(p[1].cells)))
    columns = {
        t: dict(
            sorted(
                ((w, "+".join(c) if isinstance(c, list) else c) for w, c in words.items()), key=lambda kv: -len(kv[0])
            )
        )
        for t, words in data.get("columns", {}).items()
    }
    return Vocabulary(
        metrics=[(w, m) for w, m, _ in pairs],
        columns=columns,
        typos=dict(data.get("typos", {})),
        intents=list(data["intents"].items()),
        topics=dict(data.get("topics", {})),
        compare_sections=dict(data.get("compare_sections", {})),
    )


@dataclass
class Question:
    text: str
    intent: str
    agencies: list[str] = field(default_factory=list)
    ambiguous: list[tuple[str, list[str]]] = field(default_factory=list)  # (as typed, candidates)
    joined_name: bool = False  # the ambiguous name is a place and a kind written as one (承德市总工会)
    unknown_agency: str | None = None  # looks like an agency, none in the corpus
    years: list[int] = field(default_factory=list)
    year_range: bool = False
    metric: Metric | None = None
    column: str | None = None  # Table B applicant column instead of 总计
    condition: tuple[str, float] | None = None  # (op, n)
    top: int | None = None
    ascending: bool = False
    mean: bool = False
    total: bool = False  # 合计/一共: the figures asked are added up
    refers_back: bool = False  # 上述/这几家: names agencies of an earlier question
    section: str | None = None  # the section a text comparison reads
    group: Group | None = None  # agencies named by kind or place (各总工会)


def understand(
    text: str,
    known_agencies: list[str],
    corpus_years: list[int],
    matcher: Matcher | None = None,
    today: date | None = None,
) -> Question:
    voc = vocabulary()
    s = _SOME_ONE.sub("的", fix_typos(normalise(text)))  # 承德有家总工会: 承德的总工会
    s = _SPEAKER.sub("", s)
    matcher = matcher or Matcher(known_agencies)
    found, ambiguous, unknown, years, is_range, group = scope(s, matcher, known_agencies, corpus_years, today)
    q = Question(
        text=text,
        intent="passage",
        agencies=found,
        ambiguous=ambiguous,
        unknown_agency=unknown,
        years=years,
        year_range=is_range,
        group=group,
    )
    # an explanation in brackets (（未经复议直接起诉与复议后起诉合计）) does not name the figure
    # when the words outside it do
    plain = _CONCESSION.sub("", _PAREN.sub("", s))  # 不管有没有被起诉，…行政复议: not the figure asked
    for text_ in (plain, s):
        found_metrics = metrics_in(text_)
        if found_metrics:
            q.metric = found_metrics[0][1]
            if len(found_metrics) > 1 and _SUMMED.search(text_):
                # 未经复议直接起诉和复议后起诉合计: the figure that is their sum
                union = sorted({c for _, m, _ in found_metrics for c in (m.cells or [])})
                q.metric = next((m for _, m in voc.metrics if sorted(m.cells or []) == union), q.metric)
            break
    if (
        q.metric is not None
        and q.metric.key == "fees"
        and not re.search(r"行政事业性|金额|万元|收费项目|事业性收费", s)
        and re.search(r"收不收费|收费吗|是否收费|要不要钱|收钱|怎么收费|收取.*费", s)
    ):
        q.metric = None  # 收不收费: the 信息处理费 a report speaks of
    cols = columns_in(plain, q.metric) or columns_in(s, q.metric)  # 行政诉讼中（即结果纠正）
    q.column = cols[0][1] if cols else None
    bare = _cn_counts(re.sub(r"(?:19|20)\d{2}(?:年|(?=到|至|—|-|~|、|和))", "", s))
    m = _CONDITION.search(bare)
    above = _ABOVE.search(bare)
    if above and not m:
        q.condition = (">=" if above.group(2).endswith("上") else "<=", float(above.group(1)))
    elif m:
        q.condition = (_OPWORDS.get(m.group(1), m.group(1)), float(m.group(2)))
    elif _NONE.search(_CONCESSION.sub("", s)):
        q.condition = ("=", 0.0)
    t = _TOP.search(s)
    q.top = number(next(g for g in t.groups() if g)) if t else None
    q.ascending = any(
        w in s for w in ("最少", "最低", "垫底", "倒数", "从少到多", "由少到多", "从低到高", "由低到高", "升序")
    )
    last = re.search(r"倒数(?:第)?([一二两三四五六七八九十\d]+)", s)
    if last and not q.top:
        q.top = 1 if "第" in last.group(0) else number(last.group(1))
    top = re.search(r"(?i)top\s*(\d+)|排(?:在|名)?第\s*([一二两三四五六七八九十\d]+)\s*(?:位|名)", s)
    if top and not q.top:
        q.top = int(top.group(1)) if top.group(1) else number(top.group(2))
    q.mean = "平均" in s
    q.total = any(w in plain for w in dict(voc.intents)["aggregate"]) and not (
        "总数" in plain and any(w in plain for w in dict(voc.intents)["compare_text"])
    )  # 总数比一比: side by side
    q.refers_back = bool(_REFERS_BACK.search(s))
    q.section = next((k for k, words in voc.compare_sections.items() if any(w in s for w in words)), None)
    decide_intent(q, s, found, unknown, ambiguous, group)
    if group is not None and group.plural and q.intent == "aggregate" and _EACH.search(s):
        q.intent = "lookup"  # 各区县人民政府…各有多少: each one's figure
    if len(found) == 1:
        series_of_one(q)
    if group:
        over_years = q.intent == "rank" and re.search(r"哪一?年|哪个年", s)
        if group.plural or (q.intent in ("list", "aggregate", "rank") and not over_years):
            q.agencies = list(group.members)
        elif len(group.members) == 1 and group.qualified and group.joined:
            # 临沂市总工会 when the corpus holds only 临沂市沂南县总工会: another body, not in the corpus
            q.unknown_agency, q.group = group.label, None
        else:
            from ..mentions import _places_listed, another_body

            other = another_body(s, group.label, list(group.members))
            listed = _places_listed(s, list(group.members))
            if listed:  # 武陵区、宜都市、定州市这三个自然资源和规划局
                q.agencies, q.group = listed, None
                decide_intent(q, s, listed)
            elif other:
                q.unknown_agency, q.group = other, None
            else:
                q.ambiguous, q.group = [(group.label, list(group.members))], None
                q.joined_name = group.qualified and group.joined
    return q


def decide_intent(q: Question, s: str, found: list[str], unknown=None, ambiguous=None, group=None) -> None:
    """What kind of question it is, from its words and what it names (also run again when a
    follow-up has taken its figure or its agencies from the question before)."""
    voc = vocabulary()
    years = q.years
    q.intent = "passage"
    intents = dict(voc.intents)
    texty = _asks_for_text(_SERIES.sub("", s))
    strong = q.metric is not None and any(not weak for _, m, _, weak in _named(s) if m.key == q.metric.key)
    figure_compare = q.metric is not None and not texty and (not q.section or strong)
    if (any(w in s for w in intents["check"]) or _CHECK.search(s)) and not (
        re.search(r"各为多少|分别是多少|各是多少|分别为多少|是多少件", s) and not _CHECK.search(s)
    ):
        q.intent = "check"
    elif any(w in s for w in intents["compare_text"]) and figure_compare and (len(found) >= 2 or len(years) >= 2):
        q.intent = "lookup"  # two agencies' or two years' figures side by side
    elif any(w in s for w in intents["compare_text"]) and (
        len(found) >= 2 or "两个单位" in s or (len(found) == 1 and len(years) == 2 and (texty or not q.metric))
    ):
        q.intent = "compare_text"
    elif texty and len(found) == 1 and len(years) == 2 and (any(w in s for w in intents["trend"]) or "前后" in s):
        q.intent = "compare_text"  # 两年报告里讲的问题，前后有什么变化
    elif (
        q.metric
        and any(w in s for w in intents["aggregate"])
        and not found
        and not re.search(r"哪|列出", s)
        and not any(w in s for w in intents["rank"])
    ):
        q.intent = "aggregate"
    elif q.metric and (any(w in s for w in intents["rank"]) or _RANK_AT.search(s)):
        q.intent = "rank"
        # 排个序 / 从少到多: the whole order; 最多 / 前三: the first (three)
        q.top = q.top or (0 if _ORDER_ALL.search(s) and not re.search(r"最|第一|冠军|垫底|倒数", s) else 1)
    elif q.metric and any(w in s for w in intents["trend"]) and (found or not any(w in s for w in intents["list"])):
        q.intent = "trend"
    elif q.metric and any(w in s for w in intents["list"]) and not found:
        q.intent = "list"
    elif q.metric and any(w in s for w in intents["aggregate"]) and not found:
        q.intent = "aggregate"
    elif q.metric and (found or unknown or ambiguous) and not texty:
        q.intent = "lookup"
    elif q.metric and not found and group and not group.plural and not texty:
        q.intent = "lookup"
    elif q.metric and not found and any(w in s for w in intents["lookup"]) and not texty:
        q.intent = "aggregate"


def fix_typos(s: str) -> str:
    """Slips of a pinyin keyboard in the figure words (申情 → 申请, 复意 → 复议)."""
    for wrong, right in vocabulary().typos.items():
        s = s.replace(wrong, right)
    return s


def series_of_one(q: Question) -> None:
    """One agency's figure asked over three or more years, or year by year (每年, 这几年,
    以来, 走势): a trend, not a list of lookups."""
    if q.intent == "lookup" and q.metric and not q.total and (len(q.years) >= 3 or _SERIES.search(normalise(q.text))):
        q.intent = "trend"


def _named(s: str) -> list[tuple[int, Metric, str, bool]]:
    """Every figure word in `s`: (position, metric, word, weak?)."""
    weak = _weak_words()
    return [(p, m, w, (w, m.key) in weak) for p, m, w in metrics_in(_PAREN.sub("", s))]


def metric_table(metric: Metric | None) -> str | None:
    """The table a figure is read from."""
    if metric is None:
        return None
    cells = metric.cells or metric.v2021 or metric.v2019 or []
    return cells[0][0] if cells else None


def metrics_in(s: str) -> list[tuple[int, Metric, str]]:
    """The figures a text names, in order of appearance: (position, metric, word). Where
    words overlap the longest wins; a weak word (申请) counts only when no other figure is
    named; a figure that contains another one named (行政诉讼 ⊃ 复议后起诉, 不予公开 ⊃ 属于
    国家秘密) is the narrower one's context, not a figure of its own."""
    taken: list[tuple[int, int]] = []
    hits: list[tuple[int, Metric, str, bool]] = []
    weak_words = _weak_words()
    for word, metric in vocabulary().metrics:
        start = s.find(word)
        while start >= 0:
            end = start + len(word)
            if not any(start < b and a < end for a, b in taken) and not (
                (word, metric.key) in _loose_words() and start and s[start - 1] in "新分予绝未"
            ):
                taken.append((start, end))
                hits.append((start, metric, word, (word, metric.key) in weak_words))
            start = s.find(word, end)
    strong = [h for h in hits if not h[3]]
    hits = strong or hits
    out: list[tuple[int, Metric, str]] = []
    for pos, metric, word, _ in sorted(hits, key=lambda h: h[0]):
        cells = set(metric.cells or []) | set(metric.three_rows or [])
        if any(set(other.cells or []) < cells and other.key != metric.key for _, other, _, _ in hits if other.cells):
            continue
        if any(m.key == metric.key for _, m, _ in out):
            continue
        out.append((pos, metric, word))
    return out


@cache
def _loose_words() -> frozenset:
    """Colloquial words (公开了多少) that are part of another term after 新/部分/不予/拒绝."""
    data = tomllib.loads(Path(__file__).resolve().parent.parent.joinpath("questions.toml").read_text("utf-8"))
    return frozenset((w, m["key"]) for m in data["metrics"] for w in m.get("loose", ()))


@cache
def _weak_words() -> frozenset:
    data = tomllib.loads(Path(__file__).resolve().parent.parent.joinpath("questions.toml").read_text("utf-8"))
    return frozenset((w, m["key"]) for m in data["metrics"] for w in m.get("weak", ()))


def columns_in(s: str, metric: Metric | None) -> list[tuple[int, str]]:
    """The columns of the figure's table a text names instead of its own (自然人, 纠正,
    本年新制作…), in order of appearance: (position, column key)."""
    words = vocabulary().columns.get(metric_table(metric) or "", {})
    taken: list[tuple[int, int]] = []
    out: list[tuple[int, str]] = []
    for word, col in words.items():
        start = s.find(word)
        while start >= 0:
            end = start + len(word)
            if not any(start < b and a < end for a, b in taken):
                taken.append((start, end))
                if col not in [c for _, c in out]:
                    out.append((start, col))
            start = s.find(word, end)
    return sorted(out)


def _asks_for_text(s: str) -> bool:
    """Questions about how or why, not how many."""
    return any(w in s for w in _TEXT_WORDS)


_TEXT_WORDS = (
    "写法",
    "说了什么",
    "说了些什么",
    "讲了什么",
    "讲了些什么",
    "概括",
    "其他需要报告",
    "写了些什么",
    "写了什么",
    "怎么写",
    "表述",
    "提法",
    "怎么",
    "怎样",
    "如何",
    "为什么",
    "措施",
    "做法",
    "问题",
    "不足",
    "情况如何",
    "哪些工作",
    "咋",
    "做了什么",
    "做了些什么",
    "做了哪些",
    "说了什么",
    "怎么说",
    "原文",
    "提到",
    "收钱",
    "收不收费",
    "收费吗",
    "信息处理费",
)
