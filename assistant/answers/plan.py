"""How a question was read, as data the reader sees: its parts, the agencies and years
(with what a follow-up carried over from the question before), the figure, the operation.
`interpretation` is what every answer carries (`interpretation` in --json, one line in the
app): 按：洪泽区 · 2023–2024年 · 新收申请 · 变化."""
from __future__ import annotations

import re
import unicodedata

from ..labels import clean_input
from .model import Answer
from .understand import _PAREN, _SPEAKER, Metric, Question, columns_in, metrics_in, vocabulary

# the product's operations under the names the question set uses
OPS = {"lookup": "lookup", "list": "list", "aggregate": "total", "rank": "rank", "trend": "trend",
       "compare_text": "compare", "check": "check", "passage": "passage"}
OP_WORDS = {"lookup": "查数", "list": "列出符合条件的单位", "total": "合计", "rank": "排序", "trend": "变化",
            "compare": "比较", "check": "核对", "passage": "查原文", "not_found": "语料中没有", "clarify": "需要说明"}
_REFERS = re.compile(r"这两项|这几项|两项|各项指标|上述|以上|其中|那份|这份|该报告|同一年|同一年度|当年|那家|这家|该区|"
                     r"该县|该市|该局|该部门|前面那|刚才那|这俩|那俩|这几家|这些单位|这两家|"
                     r"这[两三四五六七八九十\d]+家|上面[两三四五六七八九十\d]+家|上面几家|上面的|它|该单位|该机关|他们|那[\d〇零一二三四五六七八九十]*年|呢[？?]?$|同期|同年")
_ALL = re.compile(r"所有|全部|各单位|哪些|哪几|哪家|哪个单位|多少个单位|多少家|的单位|各地")
_PART_SPLIT = re.compile(r"[？?；;]+|(?=其中)")
_COMMA = re.compile(r"[，,]")
_ASKS = re.compile(r"多少|几[件次起个家项]|是否|有没有|哪|吗|呢|怎么|如何|情况")
_ASKS_STRICT = re.compile(r"多少|几[件次起个家项年]|是否|有没有|哪|吗|呢|怎么|怎样|如何|什么|谁|[过了]没有|没有?$")
MAX_QUESTION = 500       # characters of a question that are read
SHORT_PART = 12  # a part this short that only adds up (一共收到多少件) belongs to the part before
BARE_ASK = 8  # a part this short that only asks a number again (收到几件？) is the part before


def clean_question(text: str) -> str:
    """What the question parser can take: no control or direction characters, no lone
    surrogates, at most MAX_QUESTION characters."""
    from ..mentions import _TRADITIONAL, _to_simplified
    text = clean_input(text, MAX_QUESTION)
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
    text = _tidy(text)
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
        elif len(clauses) > 1 and len(_asking_groups(clauses)) > 1:
            out += [x for g in _asking_groups(clauses) for y in _by_year(g) for x in _by_figure(y)]
        elif out and _JOINER.match(p) and _names_scope(p) and not _rider(p, out[-1]):
            out.append(p)                         # …各多少？以及2024年的: the same, for another year
        elif out and (not (_ASKS.search(p) or _has_metric(p) or _asks_passage(p)) or _rider(p, out[-1])
                      or not _ASKS_STRICT.search(p) and _INSTRUCTION.search(p)):
            out[-1] += "，" + p
        else:
            out += [x for y in _by_year(p) for x in _by_figure(y)]
    return _scope_then_figure(_same_figure_merged(out)) or [text]


_COURTESY_HEAD = re.compile(r"^(?:我想问一下|我想问下|我想问|想请问|我问一下|请问一下|请问下|请问|麻烦问一下|麻烦问下|"
                            r"麻烦|想问一下|想问下|问一下|你好|您好|帮我拉一下|帮忙拉一下|拉一下|帮我调一下|调一下|"
                            r"帮我找一下|找一下|帮我查一下|帮忙查一下|查一下)[，,：:、\s]*")
_COURTESY_PIECE = re.compile(r"[，,。？?！!\s]*(?:谢谢你|谢谢您|谢谢|多谢|谢啦|感谢|麻烦了|辛苦了|thanks|thank "
                             r"you)[。！!~～]*$", re.I)
_PARTICLE = re.compile(r"(?<=[\u4e00-\u9fff])(?:啊|呀|哈|嘛|哦|啦|捏)(?=[？?。！!，,]|$)")
# a space between two parts (…多少件 被申请行政复议的又有几起): after an asking word or before a joiner
_SPACE = re.compile(r"(?<=[\u4e00-\u9fff\d”」）)])\s+(?=[\u4e00-\u9fff“「（(\d])")
_NUMBERED = re.compile(r"\s*[①②③④⑤⑥⑦⑧⑨⑩]\s*")      # ①…②…: the parts (never （三）, a row's number)
_FULL_DIGITS = str.maketrans("０１２３４５６７８９", "0123456789")
_JOINER = re.compile(r"^(?:另外|还有|以及|同时|顺便|并且|此外|再问)")


def _tidy(text: str) -> str:
    """What a question says without its courtesies (请问一下… 谢谢), sentence particles
    (几起啊) and with a space that separates two parts read as a comma."""
    from .understand import fix_typos
    t = fix_typos(text.strip())
    while (shorter := _COURTESY_HEAD.sub("", t, count=1)) != t:  # 请问一下，拉一下…: every lead
        t = shorter
    t = _SPEAKER.sub("", t)
    t = _COURTESY_PIECE.sub("", t) or t
    t = _PARTICLE.sub("", t).translate(_FULL_DIGITS)
    t = _NUMBERED.sub(lambda m: "" if m.start() == 0 or t[m.start() - 1] in "：:，,？?；;" else "；", t)
    out, start = [], 0
    for m in _SPACE.finditer(t):
        clause = re.split(r"[，,？?；;]", "".join(out) + t[start:m.start()])[-1]
        sep = "，" if _ASKS_STRICT.search(clause) or _JOINER.match(t[m.end():]) else t[m.start():m.end()]
        out += [t[start:m.start()], sep]
        start = m.end()
    return "".join(out) + t[start:]


def _asking_groups(clauses: list[str]) -> list[str]:
    """Comma clauses grouped into what each asks: a clause that asks nothing (南京秦淮区政府
    2024年收到的申请里) leads into the next; a group that only adds to the one before (各收了
    多少件, 都算上) stays with it. Returned only when every group asks a figure."""
    groups: list[str] = []
    lead = ""
    for c in clauses:
        if _ASKS_STRICT.search(c):
            g = lead + c
            lead = ""
            own = _has_metric(g) or _asks_passage(g) or (groups and (
                _new_op(g, groups[-1]) or
                (_names_scope(g) and not re.search(r"分别|各自|各", g))))     # 2021年的话分别又是多少: the same figures
            if groups and (_rider(g, groups[-1]) or not own):
                groups[-1] += "，" + g
            else:
                groups.append(g)
        elif groups and _JOINER.match(c) and _names_scope(c):
            groups.append(lead + c)               # 以及2024年的: the same, for another year
            lead = ""
        else:
            lead += c + "，"
    if lead:
        if not groups:
            return []
        groups[-1] += "，" + lead.rstrip("，")
    if len(groups) < 2 or not (_has_metric(groups[0]) or _asks_passage(groups[0]) or _table_columns(groups[0])
                               or _EXISTS.search(groups[0]) and _names_scope(groups[1])):
        return []
    if any(re.match(r"(?:不管|无论|不论|不考虑)", g) for g in groups) or _is_check("，".join(groups)):
        return []
    from .understand import _SERIES
    if any(_SERIES.search(g) or re.search(r"相比|比较|对比", g) or _op_of(g) == "trend" for g in groups[1:]):
        return []                                 # …多少件，与2022年相比有何变化: one question, a change
    return groups


# 哪年多 (of two): a comparison, shown side by side
_RANK_WORDS = re.compile(r"最多|最少|最高|最低|排名|排序|排个序|排个名|排一下|排个榜|排榜|榜单|前[三五十\d]")
_TREND_WORDS = re.compile(r"变化|趋势|走势|增加还是减少|是增是减|多了还是少了|涨了还是降了|增还是减|升还是降|trend")
_LIST_WORDS = re.compile(r"哪些|有哪几|哪几家|哪几个")


def _new_op(p: str, before: str) -> bool:
    """Whether `p` asks another operation than `before`: a rank, a change, a list after a
    figure; a total only after a figure over several years or agencies (每年多少，总共多少 —
    not 有没有人申请，一共几件, the same figure asked again)."""
    op, prev = _op_of(p), _op_of(before)
    if not op or op == prev:
        return False
    if op == "total" and not prev:
        return bool(re.search(r"每|各|分别|历年|近.年|年到|年至|—|-|~", before))
    return op in ("rank", "trend", "total") or bool(prev)


def _op_of(c: str) -> str | None:
    """The operation a clause asks by its own words (None: a plain figure or nothing)."""
    if _RANK_WORDS.search(c):
        return "rank"
    if _LIST_WORDS.search(c):
        return "list"
    if _TREND_WORDS.search(c):
        return "trend"
    if any(w in c for w in dict(vocabulary().intents)["aggregate"]):   # questions.toml: the one list
        return "total"
    return None


def _names_scope(c: str) -> bool:
    """A clause that names a year or an agency of its own (曲江区总工会2022年呢)."""
    from ..mentions import _AGENCY_LIKE, _PLACE_LIKE

    return bool(_OWN_YEAR.search(c) or _AGENCY_LIKE.search(c) or _PLACE_LIKE.search(c))


_FULL_YEAR = re.compile(r"(?:19|20)\d{2}\s*年(?:度)?(?:报告)?(?:[（(][^）)]{0,12}[）)])?")


def _by_year(p: str) -> list[str]:
    """游仙区工信局2020年规范性文件的对外公开总数量、2021年行政规范性文件的现行有效件数各是
    多少 → one part per year with the figure written after it, each with the words before
    the first year (the agency)."""
    from ..mentions import arabic_dates

    if not _FULL_YEAR.search(p):
        p = (
            arabic_dates(unicodedata.normalize("NFKC", p))
            if re.search(r"[〇零一二][〇零一二三四五六七八九]{3}年|[０-９]", p)
            else p
        )
    at = [m.start() for m in _FULL_YEAR.finditer(p)]
    if len(at) < 2:
        return [p]
    head, pieces = p[: at[0]], [p[a:b] for a, b in zip(at, at[1:] + [len(p)], strict=False)]
    if not all(metrics_in(_FULL_YEAR.sub("", x)) or _table_columns(x) for x in pieces):
        return [p]
    from .understand import _SERIES

    if _SERIES.search(p) or re.search(r"相比|比较|对比|增长|减少|增加|下降|变化", p):
        return [p]  # the same figure over years: one question
    asked = [_figures_of(_FULL_YEAR.sub("", x)) for x in pieces]
    if len(set(asked)) < len(pieces) or not all(asked):
        return [p]  # each year its own figure, or it is one question
    return [head + x.rstrip("、，, 和与及") for x in pieces]


def _figures_of(x: str) -> tuple:
    found = metrics_in(x)
    cols = tuple(c for t in ("A", "B", "C") for w, c in vocabulary().columns.get(t, {}).items() if w in x)
    return tuple(m.key for _, m, _ in found) + cols


def _table_columns(x: str) -> bool:
    return any(w in x for t in ("A", "B", "C") for w in vocabulary().columns.get(t, {}))


# what a report says on a section or topic, asked in a clause of its own
_TOPIC = re.compile(
    r"问题|不足|措施|改进|整改|打算|总体情况|其他需要报告|事项|信息处理费|主动公开.{0,4}(?:工作|情况)|"
    r"平台建设|监督保障|信息管理|提案|建议办理"
)
_SAYS = re.compile(
    r"概括|总结|原文|说了|讲了|写了|提到|提没提|提及|表述|怎么讲|说下|说说|说一下|讲讲|看看|怎么说|"
    r"怎么写|介绍|是什么|有哪些|有什么|啥|比较|对比|比一比|比一下|对照|异同|不同"
)
_GIVES = re.compile(r"给出|列出|告诉我|提供|报一下|说一下|数量|数字|对比|比较|比一比|比一下")


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
    from .understand import _CHECK
    from .understand import vocabulary as _voc

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
            at = (
                next(i for i, c in enumerate(clauses) if _is_check(c)) if any(map(_is_check, clauses)) else len(clauses)
            )

            def asks_own(c):
                return not _is_check(c) and _ASKS_STRICT.search(c) and (_has_metric(c) or _asks_text(c))

            def counts(c):
                return asks_own(c) and re.search(r"多少|几[件次起个家项]", c)  # 被复议几次，…对得上不

            head = [c for c in clauses[:at] if counts(c)]
            if head and at > 0 and counts(clauses[0]):
                out += [x for c in head for x in split_parts(pending + c if c == clauses[0] else c)]
                pending = ""
                clauses = [c for c in clauses if c not in head]
                at = (
                    next(i for i, c in enumerate(clauses) if _is_check(c))
                    if any(map(_is_check, clauses))
                    else len(clauses)
                )
                last_check = None
            tail = [c for c in clauses[at + 1 :]]
            own = [c for c in tail if asks_own(c)]
            check = "，".join(c for c in clauses if c not in own)
            if last_check is not None and last_check == len(out) - 1 and not _YEARISH.search(check):
                out[-1] += "，" + check  # 数据质量怎么样？各表数据是否闭合？: one check, asked twice
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
_EXISTS = re.compile(
    r"报告有吗|年报有吗|有报告吗|有年报吗|出来了没|出了吗|出了没|有没有年报|发布了吗|发布了没|"
    r"公布了吗|有了吗|有没有报告"
)
_OWN_YEAR = re.compile(r"(?:19|20)\d{2}|[12]\d年|去年|前年|今年|大前年|[〇零一二][〇零一二三四五六七八九]{3}")
_SCOPE_ONLY = re.compile(r"^(?:那|那么)?[^，。？?]{0,12}?(?:年|年度)?呢$")


def _scope_then_figure(parts: list[str]) -> list[str]:
    """那2021年呢？那年制发了几件…？ — a part that only changes the scope, then the
    question asked in it: one question."""
    out: list[str] = []
    i = 0
    while i < len(parts):
        p = parts[i]
        own_year = (
            i + 1 < len(parts)
            and _OWN_YEAR.search(parts[i + 1])
            and _OWN_YEAR.search(p) is not None
            and _OWN_YEAR.search(parts[i + 1]).group(0) != (_OWN_YEAR.search(p).group(0) if _OWN_YEAR.search(p) else "")
        )
        if i + 1 < len(parts) and _EXISTS.search(p) and metrics_in(parts[i + 1]) and not metrics_in(p) and not own_year:
            out.append(p + "，" + parts[i + 1])  # 年报出来了没？新收了多少申请？: the figure, if it is there
            i += 2
            continue
        if (
            i + 1 < len(parts)
            and _SCOPE_ONLY.match(p)
            and not metrics_in(p)
            and len(p) <= 14
            and not re.match(r"(?:另外|其中|还有|再|以及|同时|并且|此外)", parts[i + 1])
            and not own_year
        ):
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
        if (
            out
            and len(p) <= SHORT_PART
            and re.search(r"一共|总共|合计|共计|加起来", p)
            and re.search(r"哪些|哪几|哪家|列出", out[-1])
        ):
            out.append(p)  # 哪些单位收到过申请？一共收到多少件: the list, then its total
        elif out and _op_of(p) and _op_of(out[-1]) and _op_of(p) != _op_of(out[-1]) and _new_op(p, out[-1]):
            out.append(p)  # 哪些单位不少于10件？新收最多的是哪家: a list, then a rank
        elif (
            out
            and not _YEARISH.search(p)
            and metrics_in(p)
            and [m.key for _, m, _ in metrics_in(p)] == [m.key for _, m, _ in metrics_in(out[-1])]
            and columns_in(p, metrics_in(p)[0][1]) == []
            and len(p) <= 12
        ):
            out[-1] += "，" + p
        elif (
            out
            and not metrics_in(p)
            and not _YEARISH.search(p)
            and len(p) <= BARE_ASK
            and not _table_columns(p)
            and not _new_op(p, out[-1])
            and re.fullmatch(r"(?:有|差|是|共|一共|到底|具体)?[^，。]{0,4}(?:多少|几[件个次起家]?)[件个次起]?", p)
        ):
            out[-1] += "，" + p  # 差多少？ 有几件？
        else:
            out.append(p)
    return out


_INSTRUCTION = re.compile(
    r"^(?:这里|此处|请|并|需|就是|也就是|即|指的是|意思是)"
)  # 这里请把…合并计算: how to answer, not another question
_LEAD_RIDER = re.compile(
    r"^(?:有的话|如果有|若有|附上|并附上|并附|附|并列出|同时列出|列一下|列出来|具体是|具体|到底是|"
    r"究竟是)"
)
_SOURCE_ASK = re.compile(
    r"都算上|都算进去|都包括|包括在内|算在内|漏填|空白还是|是不是空白|填的0|填的是0|注明|出处|"
    r"出自|来源|哪张表|哪一行|哪一页|第几页|附上|列出来|原文怎么说|怎么说的|"
    r"怎么写的|原文"
)
_YEARISH = re.compile(r"(?:19|20)\d{2}|[12]\d年|去年|前年|今年|近.年|那.*年")


def _rider(p: str, before: str) -> bool:
    """A part that adds nothing of its own to the one before: where the figure is printed
    (请注明出自哪张表), the figures of a list just asked (各收了多少件), the words of a passage
    just asked (原文怎么说的)."""
    if _INCLUDE.search(p):
        return True  # 直接起诉和复议后起诉都算上: what the sum asked includes
    if _YEARISH.search(p):
        return False
    if _LEAD_RIDER.search(p) and {m.key for _, m, _ in metrics_in(p)} <= {m.key for _, m, _ in metrics_in(before)}:
        return True  # 列一下，附上新收件数: the figures of the list just asked
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
    from .understand import _SERIES
    from .understand import vocabulary as _voc

    if (
        any(w in p for w in dict(_voc().intents)["check"])
        or _asks_text(_SERIES.sub("", p))
        or re.search(r"[=＝≠]|是否等于|等于|占比|比例|比重|百分比", p)
    ):
        return [p]  # …占办理结果总数的比例: one question, two figures
    from .understand import _SUMMED

    if (_SUMMED.search(p) or re.search(r"都算|都包括|包括在内|算在内|一起算", p)) and len(
        metrics_in(_PAREN.sub("", p))
    ) > 1:
        return [p]  # X和Y合计 / 行政诉讼，直接起诉、复议后起诉都算: one figure, their sum
    plain = _PAREN.sub("", p)
    found = metrics_in(plain)
    words = [w for _, _, w in found]
    if len(found) < 2:
        metric = found[0][1] if found else None
        tbl = (
            _table_of(metric)
            if metric
            else next(
                (
                    t
                    for t in ("B", "C")
                    if len(columns_in(plain, metric_by_key("new_received" if t == "B" else "review"))) > 1
                ),
                "",
            )
        )
        cols = columns_in(plain, metric or metric_by_key({"B": "new_received", "C": "review"}.get(tbl, "")))
        if len(cols) < 2:
            return [p]
        table_words = vocabulary().columns.get(tbl, {})
        words = [next(w for w, c in table_words.items() if c == col and plain.find(w, pos) == pos) for pos, col in cols]
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
        op = "total"  # named agencies or years, added up
    figure = None
    if q.metric is not None and op not in ("passage", "compare", "check"):
        figure = q.metric.name + (f"（{_column_name(q.column)}）" if q.column else "")
    who = (
        (q.group.label + f"（{len(q.agencies)}家）")
        if q.group is not None
        else _short(q.agencies)
        if q.agencies
        else ("全部单位" if op in ("list", "total", "rank", "trend") else "")
    )
    bits = [b for b in (who, _years_text(q.years), figure) if b]
    if q.condition:
        from .engine import _OP_WORDS

        n = q.condition[1]
        bits.append(f"{_OP_WORDS[q.condition[0]]}{int(n) if float(n).is_integer() else n}")
    bits.append(OP_WORDS.get(op, op))
    line = "按：" + " · ".join(bits) + (f"（沿用上一问的{'、'.join(carried)}）" if carried else "")
    return {
        "op": op,
        "intent": q.intent,
        "agencies": list(q.agencies),
        "unknown": [q.unknown_agency] if q.unknown_agency else [],
        "ambiguous": [{"as_typed": a, "candidates": c} for a, c in q.ambiguous],
        "years": list(q.years),
        "figure": figure,
        "figure_key": q.metric.key if q.metric else None,
        "column": q.column,
        "condition": list(q.condition) if q.condition else None,
        "top": q.top,
        "ascending": q.ascending,
        "section": q.section,
        "carried": carried,
        "line": line,
        "group": {"label": q.group.label, "members": list(q.group.members)} if q.group is not None else None,
    }


def _column_name(col: str) -> str:
    return column_name(col)


def column_name(col: str) -> str:
    """A column's printed label, from whichever table holds it."""
    from ..schema import table

    if "+" in col:  # several columns: the word that names their sum
        return next(
            (w for words in vocabulary().columns.values() for w, c in words.items() if c == col),
            "、".join(column_name(c) for c in col.split("+")),
        )
    for t in ("B", "C", "A"):
        if col in table(t).column_keys:
            return table(t).column_label(col)
    return col


_SAME_ASK = ("op", "agencies", "unknown", "years", "figure_key", "column", "condition", "top", "ascending", "section")


def _asked(a: Answer) -> tuple:
    return tuple(repr(a.interpretation.get(k)) for k in _SAME_ASK)


def combine(answers: list[Answer]) -> Answer:
    """The answers to the parts of one question, in the order asked; a part that asks
    again exactly what an earlier part asked (…如何变化？能否逐年列出，并说明增减) is that one."""
    seen: set[tuple] = set()
    kept = []
    for a in answers:
        if a.interpretation and _asked(a) in seen:
            continue
        seen.add(_asked(a))
        kept.append(a)
    if len(kept) == 1:
        return kept[0]
    answers = kept
    out = Answer(
        intent="multi",
        text="\n".join(f"（{i}）{a.text}" for i, a in enumerate(answers, 1)),
        found=any(a.found for a in answers),
        parts=list(answers),
    )
    for a in answers:
        out.rows += a.rows
        out.series += a.series
        out.passages += a.passages
        out.warnings += [w for w in a.warnings if w not in out.warnings]
    out.compare = next((a.compare for a in answers if a.compare), None)
    out.counts = next((a.counts for a in answers if a.counts), {})
    out.interpretation = {
        "op": "parts",
        "parts": [a.interpretation for a in answers],
        "line": "；".join(f"（{i}）" + a.interpretation.get("line", "") for i, a in enumerate(answers, 1)),
    }
    return out
