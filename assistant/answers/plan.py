"""How a question was read, as data the reader sees: its parts, the agencies and years
(with what a follow-up carried over from the question before), the figure, the operation.
`interpretation` is what every answer carries (`interpretation` in --json, one line in the
app): 按：洪泽区 · 2023–2024年 · 新收申请 · 变化."""
from __future__ import annotations

import re
import unicodedata

from .model import Answer
from .understand import _PAREN, Metric, Question, columns_in, metrics_in, vocabulary

# the product's operations under the names the question set uses
OPS = {"lookup": "lookup", "list": "list", "aggregate": "total", "rank": "rank", "trend": "trend",
       "compare_text": "compare", "check": "check", "passage": "passage"}
OP_WORDS = {"lookup": "查数", "list": "列出符合条件的单位", "total": "合计", "rank": "排序", "trend": "变化",
            "compare": "比较", "check": "核对", "passage": "查原文", "not_found": "语料中没有", "clarify": "需要说明"}
_REFERS = re.compile(r"这两项|这几项|两项|各项指标|上述|以上|其中|那份|这份|该报告|同一年|同一年度|当年|那家|这家|该区|该县|该市|该局|该部门|前面那|刚才那|这俩|那俩|这几家|这些单位|这两家|这[两三四五六七八九十\d]+家|它|该单位|该机关|他们|那[\d〇零一二三四五六七八九十]*年|呢[？?]?$|同期|同年")
_ALL = re.compile(r"所有|全部|各单位|哪些|哪几|哪家|哪个单位|多少个单位|多少家|的单位|各地")
_PART_SPLIT = re.compile(r"[？?；;]+|(?=其中)")
_COMMA = re.compile(r"[，,]")
_ASKS = re.compile(r"多少|几[件次起个家项]|是否|有没有|哪|吗|呢|怎么|如何|情况")
_ASKS_STRICT = re.compile(r"多少|几[件次起个家项年]|是否|有没有|哪|吗|呢|怎么|如何|什么|谁")
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f\u200b-\u200f\u202a-\u202e\u2066-\u2069\ud800-\udfff]")
MAX_QUESTION = 500       # characters of a question that are read


def clean_question(text: str) -> str:
    """What the question parser can take: no control or direction characters, no lone
    surrogates, at most MAX_QUESTION characters."""
    from ..mentions import _TRADITIONAL, _to_simplified
    text = unicodedata.normalize("NFC", _CONTROL.sub("", text or ""))[:MAX_QUESTION].strip()
    return _to_simplified(text) if any(ch in _TRADITIONAL for ch in text) else text


def _asks_text(s: str) -> bool:
    from .understand import _TEXT_WORDS
    return any(w in s for w in _TEXT_WORDS)


def _has_metric(s: str) -> bool:
    return any(w in s for w, _ in vocabulary().metrics)


def split_parts(text: str) -> list[str]:
    """A question of several parts → its parts, in order (`…新收多少件？其中自然人多少件？`,
    `…上年结转多少件，结转下年度多少件`). A clause that asks nothing of its own (…与2023年
    相比，有何变化) stays with its neighbour."""
    if _is_check(text):
        return _check_parts(text)
    pieces = [p.strip(" ，,。") for p in _PART_SPLIT.split(text)]
    out: list[str] = []
    for p in pieces:
        if not p or p in _FILLER:
            continue
        clauses = [c for c in _COMMA.split(p) if c.strip()]
        if len(clauses) > 1 and all(_has_metric(c) and _ASKS_STRICT.search(c) for c in clauses) \
                and not any(re.match(r"(?:不管|无论|不论|不考虑)", c) for c in clauses):
            out += [x for c in clauses for x in _by_figure(c)]
        elif len(clauses) > 1 and _text_and_figure(clauses):
            out += [x for c in clauses for x in (_by_figure(c) if _has_metric(c) else [c])]
        elif out and (not (_ASKS.search(p) or _has_metric(p) or _asks_passage(p)) or _rider(p, out[-1])
                      or not _ASKS_STRICT.search(p) and _INSTRUCTION.search(p)):
            out[-1] += "，" + p
        else:
            out += [x for y in _by_year(p) for x in _by_figure(y)]
    return _scope_then_figure(_same_figure_merged(out)) or [text]


_FULL_YEAR = re.compile(r"(?:19|20)\d{2}\s*年(?:度)?(?:报告)?(?:[（(][^）)]{0,12}[）)])?")


def _by_year(p: str) -> list[str]:
    """游仙区工信局2020年规范性文件的对外公开总数量、2021年行政规范性文件的现行有效件数各是
    多少 → one part per year with the figure written after it, each with the words before
    the first year (the agency)."""
    at = [m.start() for m in _FULL_YEAR.finditer(p)]
    if len(at) < 2:
        return [p]
    head, pieces = p[:at[0]], [p[a:b] for a, b in zip(at, at[1:] + [len(p)])]
    if not all(metrics_in(_FULL_YEAR.sub("", x)) or _table_columns(x) for x in pieces):
        return [p]
    from .understand import _SERIES
    if _SERIES.search(p) or re.search(r"相比|比较|对比|增长|减少|增加|下降|变化", p):
        return [p]                                # the same figure over years: one question
    asked = [_figures_of(_FULL_YEAR.sub("", x)) for x in pieces]
    if len(set(asked)) < len(pieces) or not all(asked):
        return [p]                                # each year its own figure, or it is one question
    return [head + x.rstrip("、，, 和与及") for x in pieces]


def _figures_of(x: str) -> tuple:
    found = metrics_in(x)
    cols = tuple(c for t in ("A", "B", "C") for w, c in vocabulary().columns.get(t, {}).items() if w in x)
    return tuple(m.key for _, m, _ in found) + cols


def _table_columns(x: str) -> bool:
    return any(w in x for t in ("A", "B", "C") for w in vocabulary().columns.get(t, {}))


# what a report says on a section or topic, asked in a clause of its own
_TOPIC = re.compile(r"问题|不足|措施|改进|整改|打算|总体情况|其他需要报告|事项|主动公开.{0,4}(?:工作|情况)|平台建设|监督保障|信息管理|提案|建议办理")
_SAYS = re.compile(r"概括|总结|原文|说了|讲了|写了|提到|怎么说|怎么写|介绍|是什么|有哪些|有什么|啥|比较|对比|比一比|比一下|对照|异同|不同")
_GIVES = re.compile(r"给出|列出|告诉我|提供|报一下|说一下|数量|数字")


def _asks_passage(c: str) -> bool:
    from .understand import _SERIES
    return bool(_TOPIC.search(c) and _SAYS.search(c) and not _SERIES.search(c) and not _has_metric(c))


def _text_and_figure(clauses: list[str]) -> bool:
    """存在的问题比较一下，顺带问下那年新收了几件 / 总体情况概括一下，并给出新收申请的数量:
    clauses that each ask something of their own, a passage and a figure among them."""
    figure = [c for c in clauses if _has_metric(c) and (_ASKS_STRICT.search(c) or _GIVES.search(c))]
    text = [c for c in clauses if _asks_passage(c)]
    return bool(figure) and bool(text) and len(figure) + len(text) == len(clauses)


def _is_check(s: str) -> bool:
    from .understand import _CHECK, vocabulary as _voc
    return any(w in s for w in dict(_voc().intents)["check"]) or bool(_CHECK.search(s))


_FILLER = ("那", "那么", "好", "嗯", "另外", "还有")


def _check_parts(text: str) -> list[str]:
    """A check asked beside other questions (新收多少？表格有没有错？ / 近三年报表算得平吗，哪年
    新收最多): the check is one part — an identity between figures is one question, its
    clauses stay together — and each piece that asks a figure or a passage of its own is
    another. A piece that asks nothing (正文说17件，表二是95件) belongs to the check."""
    out: list[str] = []
    pending = ""
    last_check: int | None = None
    for p in (p.strip(" ，,。") for p in _PART_SPLIT.split(text)):
        if not p or p in _FILLER:
            continue
        if _is_check(p):
            clauses = [c for c in _COMMA.split(p) if c.strip()]
            at = next(i for i, c in enumerate(clauses) if _is_check(c)) if any(map(_is_check, clauses)) else len(clauses)
            tail = [c for c in clauses[at + 1:]]
            own = [c for c in tail if not _is_check(c) and _ASKS_STRICT.search(c) and (_has_metric(c) or _asks_text(c))]
            check = "，".join(c for c in clauses if c not in own)
            if last_check is not None and last_check == len(out) - 1 and not _YEARISH.search(check):
                out[-1] += "，" + check           # 数据质量怎么样？各表数据是否闭合？: one check, asked twice
            else:
                out.append(pending + check)
                last_check = len(out) - 1
            out += own
            pending = ""
        elif _ASKS_STRICT.search(p) and (_has_metric(p) or _asks_text(p)):
            out += split_parts(pending + p) if pending else split_parts(p)
            pending = ""
        elif out:
            out[-1] += "，" + p
        else:
            pending += p + "，"
    if pending:
        out.append(pending.rstrip("，"))
    return out or [text]


_INCLUDE = re.compile(r"(?:都算上|都算进去|都算|都包括|包括在内|算在内|一起算|合并计算)[。.]?$")
_EXISTS = re.compile(r"报告有吗|年报有吗|有报告吗|有年报吗|出来了没|出了吗|出了没|有没有年报|发布了吗|发布了没|公布了吗|有了吗|有没有报告")
_SCOPE_ONLY = re.compile(r"^(?:那|那么)?[^，。？?]{0,12}?(?:年|年度)?呢$")


def _scope_then_figure(parts: list[str]) -> list[str]:
    """那2021年呢？那年制发了几件…？ — a part that only changes the scope, then the
    question asked in it: one question."""
    out: list[str] = []
    i = 0
    while i < len(parts):
        p = parts[i]
        if i + 1 < len(parts) and _EXISTS.search(p) and metrics_in(parts[i + 1]) and not metrics_in(p):
            out.append(p + "，" + parts[i + 1])   # 年报出来了没？新收了多少申请？: the figure, if it is there
            i += 2
            continue
        if i + 1 < len(parts) and _SCOPE_ONLY.match(p) and not metrics_in(p) and len(p) <= 14 \
                and not re.match(r"(?:另外|其中|还有|再|以及|同时|并且|此外)", parts[i + 1]):
            out.append(p.rstrip("呢") + "，" + parts[i + 1])
            i += 2
            continue
        out.append(p)
        i += 1
    return out


def _same_figure_merged(parts: list[str]) -> list[str]:
    """A part that asks again the figure of the part before, naming nothing new (收到过申请吗？
    收到几件？ / 多了还是少了？差多少？), is one question with it."""
    out: list[str] = []
    for p in parts:
        if out and re.match(r"(?:一共|总共|合计|共计|加起来)", p) and re.search(r"哪些|哪几|哪家|列出", out[-1]):
            out.append(p)                         # 哪些单位收到过申请？一共收到多少件: the list, then its total
        elif out and not _YEARISH.search(p) and metrics_in(p) and \
                [m.key for _, m, _ in metrics_in(p)] == [m.key for _, m, _ in metrics_in(out[-1])] and \
                columns_in(p, metrics_in(p)[0][1]) == [] and len(p) <= 12:
            out[-1] += "，" + p
        elif out and not metrics_in(p) and not _YEARISH.search(p) and len(p) <= 8 and \
                re.fullmatch(r"(?:有|差|是|共|一共|到底|具体)?[^，。]{0,4}(?:多少|几[件个次起家]?)[件个次起]?", p):
            out[-1] += "，" + p                   # 差多少？ 有几件？
        else:
            out.append(p)
    return out


_INSTRUCTION = re.compile(r"^(?:这里|此处|请|并|需|就是|也就是|即|指的是|意思是)")    # 这里请把…合并计算: how to answer, not another question
_LEAD_RIDER = re.compile(r"^(?:有的话|如果有|若有|附上|并附上|并附|附|并列出|同时列出|列一下|列出来|具体是|具体|到底是|究竟是)")
_SOURCE_ASK = re.compile(r"都算上|都算进去|都包括|包括在内|算在内|漏填|空白还是|是不是空白|填的0|填的是0|注明|出处|出自|来源|哪张表|哪一行|哪一页|第几页|附上|列出来|原文怎么说|怎么说的|怎么写的|原文")
_YEARISH = re.compile(r"(?:19|20)\d{2}|[12]\d年|去年|前年|今年|近.年|那.*年")


def _rider(p: str, before: str) -> bool:
    """A part that adds nothing of its own to the one before: where the figure is printed
    (请注明出自哪张表), the figures of a list just asked (各收了多少件), the words of a passage
    just asked (原文怎么说的)."""
    if _INCLUDE.search(p):
        return True                               # 直接起诉和复议后起诉都算上: what the sum asked includes
    if _YEARISH.search(p):
        return False
    if _LEAD_RIDER.search(p) and {m.key for _, m, _ in metrics_in(p)} <= {m.key for _, m, _ in metrics_in(before)}:
        return True                               # 列一下，附上新收件数: the figures of the list just asked
    if _has_metric(p) or columns_in(p, metric_by_key("new_received")) or columns_in(p, metric_by_key("review")):
        return False
    if _SOURCE_ASK.search(p):
        return True
    return bool(re.fullmatch(r"(?:各|分别|每家|各自|都|具体|具体是|到底|究竟)[^，。]{0,8}(?:多少|几)[件个次起]?", p))


def _by_figure(p: str) -> list[str]:
    """A part that names several figures (予以公开、部分公开各多少件; 新收多少 被复议几次
    被告几次) or several columns of one (法律服务机构和科研机构…各多少; 本年新制作数量、
    对外公开总数量) → one part per figure, each the text without the others' words. A check
    of an identity between figures, or a question about text, stays whole."""
    from .understand import vocabulary as _voc
    from .understand import _SERIES
    if any(w in p for w in dict(_voc().intents)["check"]) or _asks_text(_SERIES.sub("", p)) \
            or re.search(r"[=＝≠]|是否等于|等于", p):
        return [p]
    from .understand import _SUMMED
    if _SUMMED.search(p) and len(metrics_in(_PAREN.sub("", p))) > 1:
        return [p]                                # X和Y合计: one figure, their sum
    plain = _PAREN.sub("", p)
    found = metrics_in(plain)
    words = [w for _, _, w in found]
    if len(found) < 2:
        metric = found[0][1] if found else None
        tbl = _table_of(metric) if metric else next(
            (t for t in ("B", "C") if len(columns_in(plain, metric_by_key("new_received" if t == "B" else "review"))) > 1), "")
        cols = columns_in(plain, metric or metric_by_key({"B": "new_received", "C": "review"}.get(tbl, "")))
        if len(cols) < 2:
            return [p]
        table_words = vocabulary().columns.get(tbl, {})
        words = [next(w for w, c in table_words.items() if c == col and plain.find(w, pos) == pos)
                 for pos, col in cols]
    out = []
    for keep in words:
        part = plain
        for other in words:
            if other != keep:
                part = part.replace(other, "", 1)
        out.append(part)
    return out


def _table_of(metric: Metric | None) -> str:
    from .understand import metric_table
    return metric_table(metric) or ""


def metric_by_key(key: str) -> Metric | None:
    return next((m for _, m in vocabulary().metrics if m.key == key), None)


def column_in(s: str, metric: Metric | None) -> str | None:
    cols = columns_in(s, metric)
    return cols[0][1] if cols else None


def _years_text(years: list[int]) -> str:
    if not years:
        return "各年"
    if len(years) > 2 and years == list(range(years[0], years[-1] + 1)):
        return f"{years[0]}–{years[-1]}年"
    return "、".join(map(str, years)) + "年"


def _short(names: list[str]) -> str:
    return "、".join(names[:4]) + (f"等{len(names)}家" if len(names) > 4 else "")


def interpretation(q: Question, carried: list[str]) -> dict:
    op = OPS.get(q.intent, q.intent)
    if op == "lookup" and q.total and (len(q.agencies) > 1 or len(q.years) > 1):
        op = "total"                              # named agencies or years, added up
    figure = None
    if q.metric is not None and op not in ("passage", "compare", "check"):
        figure = q.metric.name + (f"（{_column_name(q.column)}）" if q.column else "")
    who = (q.group.label + f"（{len(q.agencies)}家）") if q.group is not None else _short(q.agencies) if q.agencies else ("全部单位" if op in ("list", "total", "rank", "trend") else "")
    bits = [b for b in (who, _years_text(q.years), figure) if b]
    if q.condition:
        from .engine import _OP_WORDS
        n = q.condition[1]
        bits.append(f"{_OP_WORDS[q.condition[0]]}{int(n) if float(n).is_integer() else n}")
    bits.append(OP_WORDS.get(op, op))
    line = "按：" + " · ".join(bits) + (f"（沿用上一问的{'、'.join(carried)}）" if carried else "")
    return {"op": op, "intent": q.intent, "agencies": list(q.agencies),
            "unknown": [q.unknown_agency] if q.unknown_agency else [],
            "ambiguous": [{"as_typed": a, "candidates": c} for a, c in q.ambiguous],
            "years": list(q.years), "figure": figure, "figure_key": q.metric.key if q.metric else None,
            "column": q.column, "condition": list(q.condition) if q.condition else None,
            "top": q.top, "ascending": q.ascending, "section": q.section, "carried": carried, "line": line,
            "group": {"label": q.group.label, "members": list(q.group.members)} if q.group is not None else None}


def _column_name(col: str) -> str:
    return column_name(col)


def column_name(col: str) -> str:
    """A column's printed label, from whichever table holds it."""
    from ..schema import table
    if "+" in col:                                # several columns: the word that names their sum
        return next((w for words in vocabulary().columns.values() for w, c in words.items() if c == col),
                    "、".join(column_name(c) for c in col.split("+")))
    for t in ("B", "C", "A"):
        if col in table(t).column_keys:
            return table(t).column_label(col)
    return col


def combine(answers: list[Answer]) -> Answer:
    """The answers to the parts of one question, in the order asked."""
    out = Answer(intent="multi", text="\n".join(f"（{i}）{a.text}" for i, a in enumerate(answers, 1)),
                 found=any(a.found for a in answers), parts=list(answers))
    for a in answers:
        out.rows += a.rows
        out.series += a.series
        out.passages += a.passages
        out.warnings += [w for w in a.warnings if w not in out.warnings]
    out.compare = next((a.compare for a in answers if a.compare), None)
    out.interpretation = {"op": "parts", "parts": [a.interpretation for a in answers],
                          "line": "；".join(f"（{i}）" + a.interpretation.get("line", "")
                                           for i, a in enumerate(answers, 1))}
    return out
