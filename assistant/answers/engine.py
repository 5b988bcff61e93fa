"""Answers: exact figures from the stored tables, cited passages from the search index,
comparisons — never a guessed number, never a near miss said as if it were the answer."""
from __future__ import annotations

import json
import re
from datetime import date

from ..formatting import check_sentence, number, percent, share
from ..mentions import Matcher, normalise, parse_years
from ..mentions import years as years_in
from ..schema import table
from ..store import SQL_BATCH, Cell, Store
from .model import Answer, Passage, Row, Source
from .plan import (
    _ALL,
    _REFERS,
    _asks_text,
    _years_text,
    clean_question,
    column_in,
    column_name,
    combine,
    interpretation,
    metric_by_key,
    split_parts,
)
from .plan import _has_metric as _has_figure
from .understand import (
    _SERIES,
    Metric,
    Question,
    decide_intent,
    fix_typos,
    metrics_in,
    series_of_one,
    understand,
    vocabulary,
)

_OPS = {">": lambda a, b: a > b, ">=": lambda a, b: a >= b, "<": lambda a, b: a < b, "<=": lambda a, b: a <= b,
        "=": lambda a, b: a == b, "!=": lambda a, b: a != b}
_OP_WORDS = {">": "大于", ">=": "不少于", "<": "少于", "<=": "不超过", "=": "等于", "!=": "不等于"}
_IT = re.compile(r"它|该单位|该机关|该区|该县|该市|该局|该部门|那家|这家|其(?!中|他|它)")
_WITHIN = re.compile(r"其中|哪几家|哪家|哪些|这几家.*(?:加起来|合计|一共|总共)|排|最多|最少")
_THRESHOLD = re.compile(r"(?:门槛|标准|条件)?(?:提高|降低|放宽|改|换)(?:到|为|成)(\d+(?:\.\d+)?)")
_TOP_WORDS = re.compile(r"前\s*[一二两三四五六七八九十\d]|最多|最少|最高|最低|倒数|top|TOP")
_SAME_YEAR = re.compile(r"同一年|同年|当年|同期|同一年度")
_THAT_ONE_Q = re.compile(r"那家|那个|那一家")
_EXCEPT = re.compile(r"(?:去掉|除了|除去|除|不含|不算|排除)([^，,。？?]{2,20}?)(?:以外|之外|外|的两家|的那家|这家|两家|"
                     r"$|，|,)")
_EACH_ONE = re.compile(r"各自|分别|各有|各是|各多少|每家")
_ITEMS = re.compile(r"这([两二三四五六七八九十\d])项|这几项|两项|上述几项|这些指标|"
                    r"这([两二三四五六七八九十\d])个(?:数|数字|指标)|这几个(?:数|指标)")


def _count_items(s: str) -> int | None:
    from ..mentions import number
    m = re.search(r"这([两二三四五六七八九十\d])(?:项|个数|个指标)", s)
    return number(m.group(1)) if m else None


_AMONG = re.compile(r"这里面|这些里|这些单位里|其中|里面|当中|之中")
_SAME_PLACE = re.compile(r"同一个?(?:区|县|市)|同区|同县|同市|该区的|该县的|这个区的|这个县的|本区|本县")
_PLURAL_IT = re.compile(r"它们|他们|它俩|他俩")
_REVERSE = re.compile(r"反过来|倒过来|倒着|反着")
_INSTEAD = re.compile(r"换成|改成|改为|换为|换个|换一个|改问")
_WITH = re.compile(r"(?:那)?(?:和|与|跟|同)(?!期|年|一年|上年|去年|前年|比|样)")  # 和温州市市场监督管理局同一年的比一比
_VERSUS = re.compile(
    r"更多|更少|多还是少|谁多|谁少|谁的|哪家多|哪家少|相比|对比|比较|比一比|比比|比一下|各自|分别|"
    r"各有|各是|每家"
)
_NTH = re.compile(r"(?:刚才|上面|前面|之前)的?第([一二三四五六七八九十\d])(?:家|个单位|个)")
_EVERY_BODY = re.compile(r"全部单位|所有单位|全体单位|各单位|所有的单位|全部的单位|所有机关|全部机关")
_NAMED_BACK = re.compile(r"上述|以上|这些|这几|那几|它们|他们|上面|刚才")
_ALL_AGENCIES = re.compile(r"哪家|哪些单位|哪几家|哪几个单位|哪个单位|所有单位|全部单位|各单位")
_ADD = re.compile(r"再加上|再加|加上|再算上|算上")
_THIS_ONE = re.compile(r"这个局|这家|这个单位|该局")
_ITS_GOVERNMENT = re.compile(r"(?:那个|这个|该|同一个|同)(?:区|县|市)的?(?:人民)?政府")
_ONLY = re.compile(r"只看|仅看|只要|只说|只算|单看|单说")
_BOTH = re.compile(r"俩|两者|二者|两个数|两个加")
_TWO_YEARS = re.compile(r"这两年|这两个年份|两年比|这两个年度|哪一?年更?[多少高低]")
_COUNT = re.compile(
    r"(?:这|那|上述|上面|上边|以上|前面那|前面|刚才那|把)([两二三四五六七八九十\d])(?:家|个|份)|(这俩|那俩|俩)|"
    r"(?<![一-龥])(两)家"
    r"|^(?:那|把)?([三四五六七八九十])家"
)


def _count_named(s: str) -> int | None:
    """这两家 → 2, 上述四家 → 4."""
    from ..mentions import number

    m = _COUNT.search(s)
    return (2 if m.group(2) or m.group(3) else number(m.group(1) or m.group(4))) if m else None


_STEP = re.compile(r"(?:(上一年|上一年度|前一年|上年度?|再往前一年)|(下一年|下一年度|后一年|次年|再往后一年))")
_AGAINST = re.compile(r"比它|与它|跟它|和它|同它|比上一问|多还是少|相比|比较|(?:和|与|跟|同).{0,6}比|比起")
LIST_SHOWN = 50  # reports named in a list answer, on each side of the condition
CLARIFY_SHOWN = 20  # candidates named when a short name fits several agencies


class Engine:
    """Answers questions over one store (and its search index)."""

    def __init__(self, store: Store, today: date | None = None):
        self.store = store
        self.today = today  # 去年/前年 count from here (None: the real date)
        self.reports = store.catalogue()
        self.by_id = {r["id"]: r for r in self.reports}
        self.by_agency: dict[str, dict[int, dict]] = {}
        for r in self.reports:
            self.by_agency.setdefault(r["agency"], {})[r["year"]] = r
        self.agencies = sorted(self.by_agency)
        self.years = sorted({r["year"] for r in self.reports})
        self.in_year: dict[int, int] = {}
        for r in self.reports:
            self.in_year[r["year"]] = self.in_year.get(r["year"], 0) + 1
        self.matcher = Matcher(
            self.agencies,
            {r["agency_printed"]: r["agency"] for r in self.reports if r["agency_printed"] != r["agency"]},
        )
        self._index = None
        self._failed: dict[str, list[dict]] = {}
        self._uncertain: dict[str, list[dict]] = {}

    # ------------------------------------------------------------ figures
    def _version(self, report: dict, tbl: str) -> int:
        versions = json.loads(report.get("table_versions") or "{}")
        return versions.get(tbl) or report["format_version"] or (2021 if report["year"] >= 2021 else 2019)

    def cells_for(
        self, metric: Metric, report: dict, column: str | None, three_rows: set[str] | None = None
    ) -> tuple[list[tuple], bool]:
        """The addresses a metric reads in this report, and whether they are answered one by
        one (not summed). `three_rows`: the reports known to print （六） as three rows."""
        cells, each = metric.cells, metric.each
        if metric.v2019 is not None or metric.v2021 is not None:
            if self._version(report, "A") == 2019:
                cells, each = metric.v2019 or [], len(metric.v2019 or []) > 1
            else:
                cells = metric.v2021 or []
        if metric.three_rows:
            if three_rows is None:
                three_rows = self._three_rows(metric, [report["id"]])
            if report["id"] in three_rows:
                cells = metric.three_rows
        if column:  # a column named instead (several: their sum)
            cols = column.split("+")
            cells = list(
                dict.fromkeys(
                    (t, r, col)
                    for t, r, c in cells
                    for col in (cols if all(x in table(t).column_keys for x in cols) else [c])
                )
            )
            each = each and len(cells) > 1
        return cells, each

    def _three_rows(self, metric: Metric, report_ids: list[str] | None) -> set[str]:
        return {c.report_id for c in self.store.cells(metric.three_rows, report_ids)}

    def figures(self, metric: Metric, reports: list[dict], column: str | None = None) -> dict[str, list[dict]]:
        """report id → the figures the metric reads there (absent cells left out)."""
        wanted: dict[tuple, list[str]] = {}
        plan = {}
        ids = [r["id"] for r in reports]
        three = self._three_rows(metric, ids if len(ids) < SQL_BATCH else None) if metric.three_rows else set()
        for r in reports:
            cells, each = self.cells_for(metric, r, column, three)
            plan[r["id"]] = (cells, each)
            for c in cells:
                wanted.setdefault(c, []).append(r["id"])
        found: dict[str, dict[tuple, dict]] = {}
        for row in self.store.cells(list(wanted), ids if len(ids) < SQL_BATCH else None):
            if row.report_id in plan:
                found.setdefault(row.report_id, {})[(row.tbl, row.row, row.col)] = row
        out = {}
        for rid, (cells, _each) in plan.items():
            got = found.get(rid, {})
            out[rid] = [got[c] for c in cells if c in got]
        return out

    def value(self, metric: Metric, report: dict, figs: list[Cell], column: str | None = None) -> int | float | None:
        """The figure: its cells added up — None when any of them is blank or missing (a
        blank is not 0, so a sum with a blank part cannot be computed)."""
        cells, each = self.cells_for(metric, report, column)
        values = [f.value for f in figs if f.value is not None]
        if not values or (not each and len(values) < len(cells)):
            return None
        total = sum(values)
        return int(total) if float(total).is_integer() else round(total, 4)

    def unit(self, metric: Metric, report: dict, col: str) -> str:
        """The unit of a figure: 万元 for the amounts the 2021 form prints in 万元, what the
        report's own header prints for the others (采购总金额（元）), else the metric's."""
        if col == "amount_wan":
            return "万元"
        if metric.unit_from_header or col == "amount":
            return json.loads(report.get("units") or "{}").get(f"A.{col}", "")
        return metric.unit

    def _label(self, f: Cell, report: dict) -> str:
        spec = table(f.tbl)
        version = self._version(report, f.tbl)
        row = spec.row(f.row).label(version)
        col = spec.column_label(f.col, version)
        return f"{spec.number} {row} / {col}"

    def failed(self, report_ids: list[str], status: str = "failed") -> dict[str, list[dict]]:
        """Checks of one status by report: failed (contradictions) or uncertain (cells the
        copy does not fix), read once per report, in batches."""
        cache = self._failed if status == "failed" else self._uncertain
        missing = [i for i in report_ids if i not in cache]
        for i in range(0, len(missing), SQL_BATCH):
            part = missing[i : i + SQL_BATCH]
            for rid in part:
                cache[rid] = []
            for c in self.store.failed_checks(part, status):
                cache[c["report_id"]].append(c)
        return {i: cache[i] for i in report_ids}

    def unsure(self, report: dict, f: Cell) -> str | None:
        """Why a blank figure is blank because it could not be read (None if printed blank)."""
        addr = (f.tbl, f.row, f.col)
        for c in self.failed([report["id"]], "uncertain")[report["id"]]:
            if addr in c["cells"]:
                return c["detail"]
        return None

    def rows_for(self, metric: Metric, report: dict, figs: list[Cell], warnings: list[str]) -> list[Row]:
        failed = self.failed([report["id"]])[report["id"]]
        rows = []
        for f in figs:
            addr = (f.tbl, f.row, f.col)
            warn = None
            for c in failed:
                if addr in c["cells"]:
                    warn = f"{report['agency']} {report['year']}年 {self._label(f, report)}：{check_sentence(c)}"
                    break
            if f.value is None and warn is None:
                why = self.unsure(report, f)
                if why:
                    warn = f"{report['agency']} {report['year']}年 {self._label(f, report)}：无法确定，留空不填——{why}"
            if warn and warn not in warnings:
                warnings.append(warn)
            rows.append(
                Row(
                    agency=report["agency"],
                    year=report["year"],
                    metric=metric.name,
                    value=f.value,
                    unit=self.unit(metric, report, f.col),
                    source=Source(
                        report_id=report["id"],
                        table=f.tbl,
                        row=f.row,
                        col=f.col,
                        raw=f.raw,
                        page=f.page,
                        label=self._label(f, report),
                    ),
                    warning=warn,
                )
            )
        return rows

    # ------------------------------------------------------------ entry
    def ask(self, text: str, filters: dict | None = None, context: dict | None = None) -> Answer:
        """Answer `text`; `context` is the interpretation of the previous question of the
        chat (a follow-up such as 那2022年呢？ builds on it). A question of several parts
        (…多少？其中…多少？) is answered part by part, each with its own sources."""
        if not self.reports:
            return Answer("none", "语料为空：请先导入报告（python -m assistant ingest 路径）。", found=False)
        text = fix_typos(clean_question(text))
        parts = split_parts(text)
        last = context["parts"][-1] if context and context.get("op") == "parts" and context.get("parts") else context
        figures = ((last or {}).get("memory") or {}).get("figures", [])
        if last and _ITEMS.search(text) and not _has_figure(text) and len(figures) >= 2:
            # 这两项各自…: each of the figures the chat asked last
            n = _count_items(text) or 2
            answers = [
                self._ask_one(text, filters, {**last, "figure_key": key, "column": col}, in_chain=False)
                for key, col in figures[-n:]
            ]
            return combine(answers)
        if (
            context
            and context.get("op") == "parts"
            and len(parts) == 1
            and _REFERS.search(text)
            and not _has_figure(text)
            and not _asks_text(text)
            and (
                parse_years(normalise(text), self.years, self.today)[0]
                or _STEP.search(text)
                or self.matcher.find(text)
                or _ITS_GOVERNMENT.search(text)
            )
        ):
            # 那2023年呢？ after a question of several parts: each part again, with the new scope
            answers = [self._ask_one(text, filters, part, in_chain=False) for part in context["parts"]]
            return combine(answers)
        answers = []
        for part in parts:
            a = self._ask_one(part, filters, context, in_chain=len(answers) > 0)
            answers.append(a)
            if a.interpretation:
                context = a.interpretation
        return answers[0] if len(answers) == 1 else combine(answers)

    def _ask_one(self, text: str, filters: dict | None, context: dict | None, in_chain: bool) -> Answer:
        q = understand(text, self.agencies, self.years, self.matcher, today=self.today)
        carried = self._carry(q, context, in_chain)
        self._filters = {k: v for k, v in (filters or {}).items() if v not in (None, "", [])}
        f = self._filters
        if f.get("agency"):  # resolved once, not per report
            f["agency_names"] = set(self.matcher.find(f["agency"]) or [f["agency"]])
        if f.get("agency") and not q.agencies:
            found = self.matcher.find(f["agency"]) or [a for a in self.agencies if f["agency"] in a]
            q.agencies = found[:1]
        if f.get("year") and not q.years:
            q.years = sorted(f["year"]) if isinstance(f["year"], (list, tuple)) else [int(f["year"])]
        group_note = None
        if q.group is not None:  # 各总工会: the members with a report in the years asked
            q.agencies = [
                a
                for a in q.group.members
                if a in self.by_agency and (not q.years or any(y in self.by_agency[a] for y in q.years))
            ]
            if not q.agencies:
                return self.not_in_corpus(q, f"语料中没有{q.group.label}{self._scope(q)}的报告")
            absent = [a for a in q.group.members if a in self.by_agency and a not in q.agencies]
            if absent:  # said, not silently dropped
                group_note = (
                    f"{q.group.label}中另有{len(absent)}家没有{self._scope(q)}的报告："
                    + "、".join(absent[:LIST_SHOWN])
                    + ("等" if len(absent) > LIST_SHOWN else "")
                )
        if q.intent == "compare_text" and len(q.agencies) >= 2 and not q.years:
            q.years = sorted({max(self.by_agency[a]) for a in q.agencies[:2] if a in self.by_agency})
            q.years = q.years if len(q.years) > 1 else []  # the same newest year: as asked (none)
        meaning = interpretation(q, carried)
        last = context["parts"][-1] if context and context.get("op") == "parts" and context.get("parts") else context
        meaning["memory"] = _remember((last or {}).get("memory"), q)
        if q.refers_back and not q.agencies:
            meaning.update(op="clarify", candidates=[])
            meaning["line"] = "按：“上述”单位 · 本问没有上文可以沿用"
            return Answer(
                q.intent,
                "无法确定“上述”指哪些单位：这一问没有可以沿用的上文，请写明单位名称。",
                found=False,
                interpretation=meaning,
            )
        if q.ambiguous and not q.agencies and q.years:
            alias, names = q.ambiguous[0]
            having = [a for a in names if any(y in self.by_agency.get(a, {}) for y in q.years)]
            if not having:
                meaning["op"] = "not_found"
                meaning["line"] = f"按：“{alias}”（{_years_text(q.years)}语料中没有）"
                a = self.not_in_corpus(q, f"“{alias}”可指的{len(names)}个单位都没有{_years_text(q.years)}的报告")
                a.interpretation = meaning
                return a
            if len(having) == 1 and q.joined_name:
                # 承德市总工会 2020, when only 承德市高新区总工会 has that year: another body
                q.unknown_agency, q.ambiguous = alias, []
                meaning.update(op="not_found", line=f"按：{alias}（语料中没有） · {_years_text(q.years)}")
                a = self.not_in_corpus(q, f"语料中没有“{alias}”{_years_text(q.years)}的报告")
                a.interpretation = meaning
                return a
            q.ambiguous = [(alias, having)]
        if q.ambiguous and not q.agencies:
            alias, names = q.ambiguous[0]
            meaning.update(op="clarify", candidates=names)
            meaning["line"] = f"按：“{alias}”可指{len(names)}个单位 · 需要说明是哪一个"
            return Answer(q.intent, self._which_one(alias, names), found=False, interpretation=meaning)
        if q.unknown_agency and not q.agencies:
            meaning["op"] = "not_found"
            meaning["line"] = f"按：{q.unknown_agency}（语料中没有）" + (
                f" · {_years_text(q.years)}" if q.years else ""
            )
            a = self.not_in_corpus(q, f"语料中没有“{q.unknown_agency}”的报告", mention=q.unknown_agency)
            a.interpretation = meaning
            return a
        handler = getattr(self, f"_{q.intent}")
        a = handler(q)
        a.interpretation = meaning
        if group_note and a.found:
            a.warnings.append(group_note)
        if not a.found and meaning.get("op") not in ("clarify",):
            meaning["op"] = "not_found"
        return a

    def _which_one(self, alias: str, names: list[str]) -> str:
        """The question back for a name several agencies share: each candidate with the
        parts of its region its name leaves out (城关镇 exists in hundreds of counties), at
        most CLARIFY_SHOWN of them, and how to say which."""
        def region(name: str) -> str:
            latest = self.by_agency.get(name, {})
            r = latest[max(latest)] if latest else {}
            parts = [p for p in (r.get("province"), r.get("city"), r.get("county")) if p and p not in name]
            return f"（{''.join(parts)}）" if parts else ""
        shown = [n + region(n) for n in names[:CLARIFY_SHOWN]]
        head = f"“{alias}”可指语料中的{len(names)}个单位，请写明是哪一个（加上所在省、市或县即可）："
        more = f"等（另有{len(names) - CLARIFY_SHOWN}个未列出）" if len(names) > CLARIFY_SHOWN else ""
        return head + "、".join(shown) + more

    def _carry(self, q: Question, context: dict | None, in_chain: bool) -> list[str]:
        """Fill what a follow-up or a later part leaves out from the question before: its
        agencies, years and figure (and, for 这两家 / 这两年, those the chat named last).
        Returns what was carried over."""
        if not context:
            return []
        if context.get("op") == "parts" and context.get("parts"):
            context = context["parts"][-1]  # the scope the last part left
        s = q.text
        memory = context.get("memory") or {}
        asked = [c for amb in context.get("ambiguous") or [] for c in amb.get("candidates", [])]
        if context.get("op") == "clarify" and asked and not q.agencies and not q.ambiguous:
            fits = self._by_region(s, asked)    # 光山的呢, answering the question back: that county's one
            if len(fits) == 1:
                q.agencies = fits
        step = _STEP.search(s)
        if step and context.get("years") and not years_in(s) and "结转" not in s and (s.startswith("那") or "呢" in s):
            shift = -1 if step.group(1) else 1  # 那上一年度呢: the year before the one asked
            q.years = [y + shift for y in context["years"]]
        refers = (
            (in_chain and not (_ALL_AGENCIES.search(s) and not _REFERS.search(s)))
            or bool(_REFERS.search(s))
            or q.refers_back
        )
        carried = []
        before = [a for a in context.get("agencies") or [] if a in self.by_agency]
        group = context.get("group")
        if (
            group
            and step is None
            and years_in(s)
            and not _AMONG.search(s)
            and not re.search(r"这些|上述|这几家|那几家", s)
        ):
            # 那2024年呢 after a list over 各市场监督管理局: the group's members in 2024, not 2025's
            before = [a for a in group["members"] if a in self.by_agency] or before
        recent = [a for a in memory.get("agencies", []) if a in self.by_agency]
        if not before and refers and recent and _IT.search(s):
            before = recent[-1:]  # 它: the agency the chat named last
        nth = _NTH.search(s)
        if nth and not q.agencies and context.get("op") not in ("rank", "list") and recent:
            from ..mentions import number as cn
            k = cn(nth.group(1)) or 0
            if 1 <= k <= len(recent):
                before = [recent[k - 1]]  # 刚才第一家: the first agency the chat named
        if q.group is not None and before and _ONLY.search(s):
            fits = [a for a in q.group.members if a in before]
            if fits:  # 只看退役军人事务局: the one of those just asked
                from ..mentions import Group

                q.agencies = fits
                q.group = (
                    None
                    if len(fits) == 1
                    else Group(label=f"其中的{q.group.label}", members=fits, plural=True, qualified=False)
                )
                carried.append("单位")
        if not q.agencies and before and _ITS_GOVERNMENT.search(s):
            places = [p for p in self._places_of(before[-1])]
            govs = [
                a
                for a in self.agencies
                if a.endswith("人民政府") and any(a.endswith(p + "人民政府") for p in places[-1:])
            ]
            if len(govs) == 1:
                q.agencies, q.unknown_agency, q.ambiguous = govs, None, []
                carried.append("地方")
        n = _count_named(s)
        asked = context.get("candidates") or []
        if context.get("op") == "clarify" and asked and not q.agencies:
            # the answer to a question asked back: 我问的是定州市那家
            named = q.ambiguous[0][1] if q.ambiguous else (list(q.group.members) if q.group is not None else [])
            fits = [a for a in asked if a in named]
            if not fits:  # 满城区的那个 / 高新区的: the candidate of that place
                from ..mentions import _PLACE_LIKE

                places = [m.group(1) for m in _PLACE_LIKE.finditer(normalise(s))]
                fits = [a for a in asked if any(p in a for p in places)]
            if len(fits) == 1:
                q.agencies, q.ambiguous, q.group = fits, [], None
                carried.append("单位")
        if q.ambiguous and not q.agencies:
            # 河南省信阳市光山县那个 / 光山的城关镇: the one candidate whose county (else city,
            # else province) the question writes
            alias, names = q.ambiguous[0]
            fits = self._by_region(normalise(s).replace(alias, ""), names)
            if len(fits) == 1:
                q.agencies, q.ambiguous = fits, []
                carried.append("地方")
        if q.refers_back and q.ambiguous and not (_AMONG.search(s) and context.get("op") in ("list", "rank", "total")):
            q.ambiguous = []  # 这两家工会: the ones named before, not every 工会
        if q.ambiguous and not q.agencies and _SAME_PLACE.search(s) and before:
            # 同一个区的退役军人事务局: the body of that kind in the place of the agency asked before
            places = {p for a in before for p in self._places_of(a)}
            fits = [a for a in q.ambiguous[0][1] if any(p in a for p in places)]
            if len(fits) == 1:
                q.agencies, q.ambiguous = fits, []
                carried.append("地方")
        if (
            q.ambiguous
            and not q.agencies
            and _AMONG.search(s)
            and (len(before) > 1 or (not before and context.get("op") in ("list", "rank", "total")))
        ):
            # 这里面哪些是退役军人事务局: the ones of that kind among the agencies just listed (or in its scope)
            alias, names = q.ambiguous[0]
            fits = [a for a in before if a in names] if before else list(names)
            if fits:
                from ..mentions import Group

                q.agencies, q.ambiguous = fits, []
                q.group = Group(label=f"其中的{alias}", members=fits, plural=True, qualified=False)
                carried.append("单位")
        if (
            q.ambiguous
            and not q.agencies
            and (before or recent)
            and not _THAT_ONE_Q.search(s)
            and (refers or _INSTEAD.search(s) or _THIS_ONE.search(s) or not place_of_alias(q.ambiguous[0][0]))
        ):
            # 换成武陵区的呢 / 武陵区这个局 after a question about a 退役军人事务局: the body of that
            # kind; 城管局… after a question about 金台区城市管理局: that one
            names = [a for a in q.ambiguous[0][1] if a in self.by_agency]
            fits = (
                [a for a in names if a in before + recent]
                if not place_of_alias(q.ambiguous[0][0])
                else _of_kind(names, before or recent[-1:])
            )
            if len(fits) == 1:
                q.agencies, q.ambiguous = fits, []
                carried.append("单位")
        if q.ambiguous and not q.agencies and _THAT_ONE_Q.search(s):
            # 秦淮区那家: the body of that place of the kind the chat is about, or the only one
            # with a report in the year asked
            names = [a for a in q.ambiguous[0][1] if a in self.by_agency]
            fits = _of_kind(names, before + recent)
            if len(fits) != 1 and q.years:
                fits = [a for a in names if any(y in self.by_agency[a] for y in q.years)]
            if len(fits) == 1:
                q.agencies, q.ambiguous = fits, []
                carried.append("单位")
                if before and _WITH.match(s) and fits[0] not in before:
                    q.agencies = before + fits  # 和南京秦淮区那家比: the one before, beside it
        if q.ambiguous and not q.agencies and q.total and not _THAT_ONE_Q.search(s):
            from ..mentions import Group  # 那2025年的总工会加起来呢: all of them, added up

            alias, names = q.ambiguous[0]
            q.group, q.ambiguous = Group(label=f"各{alias}", members=list(names), plural=True, qualified=False), []
            q.agencies = list(names)
        if q.ambiguous and not q.agencies and refers:  # 温州那家: the one of the chat it can mean
            fits = list(dict.fromkeys(a for a in before + recent if a in q.ambiguous[0][1]))
            if len(fits) == 1:
                q.agencies, q.ambiguous = fits, []
                carried.append("单位")
            elif fits:  # the chat named several of them: ask which
                q.ambiguous = [(q.ambiguous[0][0], fits)]
        if q.refers_back and not q.agencies and not q.unknown_agency:
            if not n and len(before) == 1 and _PLURAL_IT.search(s) and len(recent) >= 2:
                n = 2  # 它们, after a question about one of them
            from ..mentions import _PLACE_LIKE

            placed = [a for a in recent if any(m.group(1) in a for m in _PLACE_LIKE.finditer(normalise(s)))]
            if n and len(placed) == n:
                q.agencies = placed  # 宜都市和定州市这两家: the two of those places
            elif n and len(before) != n and len(recent) >= n:
                q.agencies = recent[-n:]  # 这两家: the last two the chat named
            else:
                q.agencies = before or recent
            if q.agencies:
                carried.append("单位")
        elif (
            q.agencies
            and before
            and "单位" not in carried
            and (_IT.search(s) or _WITH.match(s) or _ADD.search(s))
            and not set(before) & set(q.agencies)
            and not _INSTEAD.search(s)
        ):
            q.agencies = before + q.agencies  # 它和常德市武陵区退役军人事务局相比
            carried.append("单位")
        elif (
            not q.agencies
            and not q.unknown_agency
            and not q.ambiguous
            and q.group is None
            and before
            and (
                (refers and not (_EVERY_BODY.search(s) and not _NAMED_BACK.search(s)))  # 全部单位一起算呢: all
                or not _ALL.search(s)
                or (
                    len(before) > 1
                    and context.get("op") in ("rank", "list", "total", "lookup")
                    and not re.search(r"所有|全部|各单位|全体", s)
                )
            )
        ):
            q.agencies = before
            carried.append("单位")
        if _REVERSE.search(s):
            q.ascending = not context.get("ascending")  # 反过来排: the other end
        if _TWO_YEARS.search(s) and len(q.years) == 1 and [y for y in memory.get("years", []) if y != q.years[0]]:
            other = [y for y in memory["years"] if y != q.years[0]][-1]
            q.years = sorted({other, q.years[0]})  # 2024年的呢，两年比: that year and the one before
            q.year_range = True
            carried.append("年份")
        if _TWO_YEARS.search(s) and not q.years and len(memory.get("years", [])) >= 2:
            q.years = sorted(memory["years"][-2:])  # 这两年比
            q.year_range = True
            carried.append("年份")
        if (
            _BOTH.search(s)
            and not q.years
            and len(before) == 1
            and len(recent) == 1
            and len(memory.get("years", [])) >= 2
        ):
            q.years = sorted(memory["years"][-2:])  # 俩加一起: one agency all along, so its two years
            q.year_range = True
            carried.append("年份")
        if (
            not q.years
            and context.get("years")
            and any(y in self.years for y in context["years"])
            and ("单位" in carried or refers or context.get("op") in ("clarify", "list", "rank", "total", "lookup"))
        ):
            q.years = list(context["years"])
            if "单位" not in carried and q.agencies:  # the question's own agencies: their years
                q.years = [y for y in q.years if any(y in self.by_agency.get(a, {}) for a in q.agencies)] or q.years
            q.year_range = len(q.years) > 1
            carried.append("年份")
        if (
            q.metric is None
            and context.get("figure_key")
            and not _asks_text(_SERIES.sub("", s))
            and context.get("intent") != "check"
        ):
            q.metric = metric_by_key(context["figure_key"])
            if q.metric is not None:
                carried.append("指标")
                q.column = column_in(s, q.metric) or context.get("column")
        if (
            q.years
            and context.get("years")
            and _AGAINST.search(s)
            and set(q.years) != set(context["years"])
            and len(q.years) == 1
            and len(q.agencies) <= 1
        ):
            q.years = sorted(set(q.years) | set(context["years"]))  # 2024年比它多还是少
            q.year_range = True
            carried.append("对比的年份")
        self._exclude(q, s, before, carried)
        if carried:
            self._redecide(q, s, carried, context)
        return carried

    def _exclude(self, q: Question, s: str, before: list[str], carried: list[str]) -> None:
        """去掉泉州市的两家 / 除了临沂市审计局以外: the agencies asked, less those named."""
        m = _EXCEPT.search(s)
        if not m:
            return
        span = m.group(1)
        named = set(self.matcher.find(span))
        if not named:
            named = {
                a
                for a in (q.agencies or before)
                if any(p in a for p in re.findall(r"[\u4e00-\u9fff]{2,4}[省市区县]", span))
            }
        if not named:
            return
        pool = q.agencies if q.agencies and not set(q.agencies) <= named else before
        if not [a for a in pool if a not in named]:
            from ..mentions import group_in, normalise

            rest = group_in(normalise(s.replace(m.group(0), "")), self.agencies)  # 其他审计局
            if rest is not None:
                pool = [a for a in rest.members if not q.years or any(y in self.by_agency[a] for y in q.years)]
        kept = [a for a in pool if a not in named]
        if kept:
            from ..mentions import Group

            q.agencies, q.ambiguous, q.unknown_agency = kept, [], None
            q.group = Group(label="其余单位", members=kept, plural=True, qualified=False)
            if "单位" not in carried:
                carried.append("单位")

    def _redecide(self, q: Question, s: str, carried: list[str], context: dict) -> None:
        """The kind of question again, now that it has the agencies, years or figure it
        took from the question before."""
        within = (
            "单位" in carried
            and len(q.agencies) > 1
            and not _VERSUS.search(s)
            and (
                _WITHIN.search(s)
                or (
                    context.get("intent") in ("list", "rank", "aggregate")
                    and q.metric is not None
                    and not _asks_text(s)
                )
            )
        )
        named = q.agencies if q.group is None and not within else []
        previous = q.intent
        decide_intent(q, s, named)
        if within:  # 其中哪几家 / 这几家加起来: the agencies carried, as a group
            from ..mentions import Group

            q.group = Group(label="上述单位", members=list(q.agencies), plural=True, qualified=False)
            if (
                q.intent in ("passage", "lookup")
                and context.get("intent") in ("list", "rank", "aggregate")
                and not q.total
                and not _EACH_ONE.search(s)
                and not _DIFF.search(s)
            ):
                q.intent = context["intent"]  # 那前年呢 after a list over a group: the same list
            if _DIFF.search(s) and q.intent == "aggregate" and len(q.agencies) == 2:
                q.intent = "lookup"  # 这两家差多少: the two side by side, and their difference
        if q.intent == "passage" and context.get("intent") == "check" and q.metric is None and not _asks_text(s):
            q.intent = "check"  # 那2024年那份呢？ after a check: check that one too
        if (
            _INSTEAD.search(s)
            and context.get("intent") == "trend"
            and q.intent == "lookup"
            and not q.years
            and len(q.agencies) == 1
        ):
            q.intent = "trend"  # 换成马龙区总工会, after a trend: the same trend for that one
        if (
            "同期" in s
            and context.get("intent") == "trend"
            and q.metric is not None
            and q.intent in ("aggregate", "lookup")
        ):
            q.intent = "trend"  # 同期行政诉讼合计呢: the same years, the figure 行政诉讼合计
        if q.intent == "passage" and q.metric is not None and not _asks_text(_SERIES.sub("", s)):
            if q.agencies and q.group is None:
                q.intent = context.get("intent") if context.get("intent") in ("lookup", "trend") else "lookup"
            elif context.get("intent") in ("list", "rank", "aggregate", "trend"):
                q.intent = context["intent"]  # 那2024年呢？ after a list: the same list for 2024
        if q.intent == context.get("intent") and q.intent in ("list", "rank"):
            number_only = _THRESHOLD.search(s)
            if q.condition is None and context.get("condition"):
                op, _ = context["condition"]
                q.condition = (op, float(number_only.group(1))) if number_only else tuple(context["condition"])
            if q.intent == "rank" and not _TOP_WORDS.search(s):
                q.top = context["top"] if context.get("top") is not None else q.top
                q.ascending = q.ascending if _REVERSE.search(s) else bool(context.get("ascending"))
        if q.intent == "passage" and previous != "passage":
            q.intent = previous
        if (
            q.intent == "rank"
            and q.agencies
            and q.group is None
            and not re.search(r"哪一?年|哪个年", s)
            and len(q.agencies) > 1
        ):
            if len(q.agencies) == 2:
                q.intent = "lookup"  # 这两家谁多: the figures side by side, and which is more
            else:  # 这三家里谁最多: those agencies ranked
                from ..mentions import Group

                q.group = Group(label="上述单位", members=list(q.agencies), plural=True, qualified=False)
        if len(q.agencies) == 1:
            series_of_one(q)
        if (
            q.intent == "passage"
            and context.get("intent") == "compare_text"
            and (len(q.agencies) >= 2 or len(q.agencies) == 1 and len(q.years) == 2)
        ):
            q.intent = "compare_text"
        if (
            q.intent in ("passage", "compare_text")
            and len(q.agencies) == 1
            and len(q.years) == 2
            and _AGAINST.search(s)
        ):
            q.intent = "compare_text"  # 与它2023年报告的同一部分相比
        if q.intent == "compare_text" or (q.intent == "passage" and not q.section):
            q.section = q.section or context.get("section")
        if (
            q.intent == "compare_text"
            and len(q.agencies) >= 2
            and "年份" in carried
            and not _SAME_YEAR.search(s)
            and any(not any(y in self.by_agency.get(a, {}) for y in q.years) for a in q.agencies)
        ):
            q.years = []  # two agencies compared: each one's own report

    def _by_region(self, text: str, names: list[str]) -> list[str]:
        """The agencies among `names` whose county the text writes (else city, else province)."""
        for level in ("county", "city", "province"):
            fits = [a for a in names if self._mentions_region(text, a, level)]
            if fits:
                return fits
        return []

    def _mentions_region(self, text: str, agency: str, level: str) -> bool:
        """Whether `text` writes the county (city, province) of the agency's latest
        report, in full or without its 县/市/省 (光山 for 光山县)."""
        years = self.by_agency.get(agency, {})
        place = years[max(years)].get(level) if years else None
        if not place:
            return False
        short = re.sub(r"(省|市|县|区|自治州|自治县|自治区|特别行政区|地区|盟)$", "", place)
        return place in text or (len(short) >= 2 and short in text)

    def _places_of(self, agency: str) -> list[str]:
        """The county (or else the city) an agency of the corpus belongs to, as named in it."""
        r = next((x for x in self.reports if x["agency"] == agency), None)
        if r is None:
            return []
        for part in (r["county"], r["city"]):
            if part and part in agency:
                return [part]
        from ..mentions import kind_of_agency

        head = agency[: len(agency) - len(kind_of_agency(agency))]
        return [head] if head else []

    def not_in_corpus(self, q: Question, why: str, mention: str | None = None) -> Answer:
        near = self.closest(mention) if mention else []
        tail = (
            f"语料中名称最接近的单位：{'、'.join(near)}。"
            if near
            else f"语料有 {len(self.agencies)} 个单位，年份 {self.years[0]}—{self.years[-1]}。"
        )
        return Answer(q.intent, f"不在语料中：{why}。{tail}", found=False)

    def closest(self, mention: str, n: int = 5) -> list[str]:
        """The corpus agencies whose names share most with `mention` (a name that is not
        in the corpus), for the reader to check the spelling."""
        core = re.sub(r"(?:人民政府|政府|市|区|县|局)$", "", mention) or mention
        scored = []
        for name in self.agencies:
            common = sum(1 for ch in set(core) if ch in name)
            if common:
                scored.append((-common / len(set(core)), len(name), name))
        scored.sort()
        return [name for score, _, name in scored[:n] if -score >= 0.5]

    def _reports_of(self, q: Question, agency: str, warnings: list[str]) -> list[dict]:
        have = self.by_agency[agency]
        if not q.years:
            return [have[y] for y in sorted(have)]
        missing = [y for y in q.years if y not in have]
        if missing:
            warnings.append(
                f"语料中没有{agency}{'、'.join(map(str, missing))}年的报告（有：{'、'.join(map(str, sorted(have)))}年）"
            )
        return [have[y] for y in q.years if y in have]

    def _in_scope(self, r: dict) -> bool:
        """A report the sidebar's filters allow (agency, region)."""
        f = getattr(self, "_filters", {})
        if f.get("agency") and r["agency"] not in f["agency_names"]:
            return False
        if f.get("region") and not any(f["region"] in (r[k] or "") for k in ("province", "city", "county")):
            return False
        return True

    def _in_years(self, q: Question, warnings: list[str]) -> list[dict]:
        reports = [r for r in self.reports if self._in_scope(r)]
        if q.group is not None or len(q.agencies) > 1:  # a group, or several agencies named
            members = set(q.agencies)
            reports = [r for r in reports if r["agency"] in members]
        if not q.years:
            return reports
        missing = [y for y in q.years if y not in self.years]
        if missing:
            warnings.append(f"语料中没有{'、'.join(map(str, missing))}年的报告")
        return [r for r in reports if r["year"] in q.years]

    def _comparable(self, metric: Metric, reports: list[dict], warnings: list[str]) -> list[dict]:
        """Reports whose figures measure the same thing: for a metric the two format versions
        measure differently, only the newer version's reports, said in a warning; for a
        metric whose unit each report's header prints, only the reports of the commonest
        printed unit (an amount in 元 is never added to one in 万元, nor one of no printed unit)."""
        if metric.unit_from_header:
            printed = [r for r in reports if self._version(r, "A") == 2019]
            by_unit: dict[str, list[dict]] = {}
            for r in printed:
                by_unit.setdefault(self.unit(metric, r, "amount"), []).append(r)
            known = {u: rs for u, rs in by_unit.items() if u}
            if not known:
                if printed:
                    warnings.append(f"{metric.name}：{len(printed)}份报告的表头未注明金额单位，不相加、不排序")
                return []
            unit = max(known, key=lambda u: len(known[u]))
            left = len(printed) - len(known[unit])
            if left:
                warnings.append(f"{metric.name}：另有{left}份报告的金额单位不是“{unit}”或未注明，未计入")
            return known[unit]
        if metric.v2019 is None:
            return reports
        old = [r for r in reports if self._version(r, "A") == 2019]
        if old and len(old) < len(reports):
            warnings.append(f"{metric.note}：{len(old)}份2019年版报告未计入")
            return [r for r in reports if self._version(r, "A") != 2019]
        if old and metric.note:
            warnings.append(metric.note)
        return reports

    # ------------------------------------------------------------ intents
    def _lookup(self, q: Question) -> Answer:
        if not q.metric:
            return self._passage(q)
        warnings: list[str] = []
        rows: list[Row] = []
        parts = []
        for agency in q.agencies or []:
            reports = self._reports_of(q, agency, warnings)
            figs = self.figures(q.metric, reports, q.column)
            for r in reports:
                these = figs[r["id"]]
                rows += self.rows_for(q.metric, r, these, warnings)
                parts.append(self._say(q.metric, r, these, q.column))
        if not rows:
            why = warnings[0] if warnings else "没有找到这个数字"
            return self.not_in_corpus(q, why)
        if _SHARE.search(q.text):
            rows += self._shares(q, parts, warnings)
        if q.metric.note and any(self._version(self.by_id[r.source.report_id], "A") == 2019 for r in rows):
            warnings.append(q.metric.note)
        counts = {}
        pair = _two_figures(rows)
        if _DIFF.search(q.text) and pair:
            d = _num(abs(pair[0].value - pair[1].value))
            parts.append(f"两者相差{number(d)}{pair[0].unit}。" if d else "两者相同。")
        which = _WHICH_MORE.search(q.text)
        if which and pair:
            a, b = pair
            if a.value == b.value:
                parts.append(f"两者相同（均为{number(a.value)}{a.unit}）。")
            else:
                more = (a, b) if (a.value > b.value) == (which.group(1) in "多高大") else (b, a)

                def name(r):
                    return f"{r.agency}{'' if a.year == b.year else f' {r.year}年'}"

                parts.append(
                    f"{name(more[0])}更{which.group(1)}（{number(more[0].value)} 对 {number(more[1].value)}{a.unit}）。"
                )
        if q.total and len(rows) > 1 and not _SHARE.search(q.text):
            parts.append(self._total_line(q, rows))
            values = [r.value for r in rows]
            if None not in values:
                counts = {"total": _num(sum(values)), "reports": len({r.source.report_id for r in rows})}
        return Answer("lookup", "\n".join(parts), rows=rows, warnings=warnings, counts=counts)

    def _shares(self, q: Question, parts: list[str], warnings: list[str]) -> list[Row]:
        """自然人申请占比 / 予以公开占办理结果总数的比例: the figure, the whole it is a share of
        (its 总计, or the second figure named) and the share; never when either is blank."""
        if q.column and q.column != "total":
            whole, whole_col = q.metric, None
        else:
            text = normalise(q.text)
            for _, m, w in metrics_in(text):
                if m.key == q.metric.key:
                    text = text.replace(w, "", 1)  # the whole, read once the part's words are gone
            others = [m for _, m, _ in metrics_in(text) if m.key != q.metric.key]
            if not others:
                return []
            whole, whole_col = others[0], None
        rows: list[Row] = []
        for agency in q.agencies or []:
            reports = self._reports_of(q, agency, [])
            part_figs, whole_figs = self.figures(q.metric, reports, q.column), self.figures(whole, reports, whole_col)
            for r in reports:
                a = self.value(q.metric, r, part_figs[r["id"]], q.column)
                b = self.value(whole, r, whole_figs[r["id"]], whole_col)
                rows += self.rows_for(whole, r, whole_figs[r["id"]], warnings)
                name = f"{q.metric.name}{'（' + column_name(q.column) + '）' if q.column else ''}"
                head = f"{r['agency']} {r['year']}年{name}占{whole.name}"
                if a is None or b is None:
                    parts.append(f"{head}的比例：无法计算（{'分子' if a is None else '分母'}空白）。")
                elif not b:
                    parts.append(f"{head}的比例：{whole.name}为0，不计比例。")
                else:
                    parts.append(f"{head}的比例：{number(a)} ÷ {number(b)} = {share(a, b)}（计算所得，非报告所印）。")
        return rows

    def _total_line(self, q: Question, rows: list[Row]) -> str:
        """合计 over the figures shown: the parts, and the sum — or, when a part is blank,
        why the total cannot be computed."""
        units = {r.unit for r in rows}
        shown = " + ".join(number(r.value) for r in rows)
        if len(units) > 1:
            return f"合计：各项单位不同（{'、'.join(sorted(units))}），不相加。"
        if any(r.value is None for r in rows):
            return f"合计：无法计算——其中{sum(1 for r in rows if r.value is None)}项空白（{shown}）。"
        return f"合计：{shown} = {number(_num(sum(r.value for r in rows)))}{rows[0].unit}。"

    def _say(self, metric: Metric, report: dict, figs: list[Cell], column: str | None = None) -> str:
        head = f"{report['agency']} {report['year']}年"
        if column:
            metric = Metric(**{**metric.__dict__, "name": f"{metric.name}（{column_name(column)}）"})
        if not figs:
            return f"{head}：报告中没有“{metric.name}”这一项。"
        cells, each = self.cells_for(metric, report, None)
        if each or len(figs) > 1 and metric.v2019 is not None and self._version(report, "A") == 2019:
            return (
                f"{head}："
                + "，".join(f"{self._label(f, report).split(' ', 1)[1]} {number(f.value)}" for f in figs)
                + "。"
            )
        value = self.value(metric, report, figs, column)
        blanks = [f for f in figs if f.value is None]
        if 0 < len(blanks) < len(figs):  # a sum with a blank part is not a sum
            shown = "，".join(f"{_part_name(f, figs)} {number(f.value)}" for f in figs)
            return f"{head}{metric.name}：无法计算合计——其中{len(blanks)}项空白（{shown}）。"
        if value is None:
            why = next((w for w in (self.unsure(report, f) for f in figs) if w), None)
            if why:
                return f"{head}{metric.name}：无法从这份报告的文本确定，留空不填（{why}）。"
            parts = self._parts_of_blank_total(report, figs)
            if parts:
                return (
                    f"{head}{metric.name}：报告未印总计（空白）；六类申请人各栏之和为{number(parts[0])}"
                    f"（{' + '.join(map(number, parts[1]))}，系计算所得，非报告所印）。"
                )
            return f"{head}{metric.name}：报告中该项为空白（未填报），不是0。"
        unit = self.unit(metric, report, figs[0].col)
        text = f"{head}{metric.name}：{number(value)}{unit}" + (
            "（报告表头未注明金额单位）" if metric.unit_from_header and not unit else ""
        )
        if len(figs) > 1:
            text += "（" + " + ".join(f"{_part_name(f, figs)} {number(f.value)}" for f in figs) + "）"
        if metric.three_rows and figs[0].row.startswith("other_"):
            text += "（该报告把（六）其他处理分三行填写，此为三行之和）"
        return text + "。"

    def _parts_of_blank_total(self, report: dict, figs: list[Cell]):
        """A Table B total left blank while its applicant cells are printed: (their sum,
        the printed parts), or None."""
        if len(figs) != 1 or figs[0].tbl != "B" or figs[0].col != "total":
            return None
        cols = [c for c in table("B").column_keys if c != "total"]
        cells = {c.col: c.value for c in self.store.cells([("B", figs[0].row, c) for c in cols], [report["id"]])}
        values = [cells.get(c) for c in cols]
        known = [v for v in values if v is not None]
        if not known:
            return None
        return sum(known), known

    def _by_cells(self, q: Question, reports: list[dict]) -> dict[tuple, list[str]]:
        """The reports in scope grouped by the cells the figure reads in them (a 2019 and
        a 2021 report, or one printing （六） as three rows, read different cells): each
        group is one store query."""
        three = self._three_rows(q.metric, [r["id"] for r in reports]) if q.metric.three_rows else set()
        groups: dict[tuple, list[str]] = {}
        for r in reports:
            cells, _ = self.cells_for(q.metric, r, q.column, three)
            groups.setdefault(tuple(cells), []).append(r["id"])
        return groups

    def _sums(
        self, q: Question, reports: list[dict], condition=None, descending: bool | None = None, limit: int | None = None
    ) -> list[tuple[dict, object]]:
        """(report, value) of the reports whose figure is computable, from the store's
        queries: `condition` (op, n) → Store.where, `descending` → Store.rank, else
        Store.lookup; the groups' rows merged in the same order."""
        out = []
        for cells, ids in self._by_cells(q, reports).items():
            ids, years = self._scope_of(ids)
            if condition is not None:
                rows = self.store.where(list(cells), condition[0], condition[1], ids, years=years)
            elif descending is not None:
                rows = self.store.rank(list(cells), ids, descending, limit, years=years)
            else:
                rows = self.store.lookup(list(cells), ids, years=years)
            out += [(self.by_id[s.report_id], s.value) for s in rows if s.value is not None]
        if descending is not None:
            out.sort(key=lambda x: ((-x[1] if descending else x[1]), x[0]["agency"], x[0]["year"]))
            out = out[:limit] if limit else out
        return out

    def _scope_of(self, ids: list[str]) -> tuple[list[str] | None, list[int] | None]:
        """A group of reports as the store's scope: (None, years) when it is every report
        of its years (one index range per year, not a list of 150,000 ids), else (ids, None)."""
        years = sorted({self.by_id[i]["year"] for i in ids})
        if len(ids) == sum(self.in_year[y] for y in years) and len(set(ids)) == len(ids):
            return None, years
        return ids, None

    def _total(self, q: Question, reports: list[dict]) -> tuple[int | float | None, int, int]:
        """The figure added up over the reports (Store.total per group): sum, reports
        added, reports left out for a blank."""
        value, n, blank = None, 0, 0
        for cells, ids in self._by_cells(q, reports).items():
            ids, years = self._scope_of(ids)
            t = self.store.total(list(cells), ids, years=years)
            if t.value is not None:
                value = _num((value or 0) + t.value)
            n, blank = n + t.reports, blank + t.blank
        return value, n, blank

    def _series(self, q: Question, reports: list[dict]) -> dict[str, int | float | None]:
        """One agency's figure year by year (Store.series per group): report id → value."""
        out: dict[str, int | float | None] = {}
        for cells, ids in self._by_cells(q, reports).items():
            agency = self.by_id[ids[0]]["agency"]
            for s in self.store.series(list(cells), agency, report_ids=ids):
                out[s.report_id] = s.value
        return out

    def _per_report(self, q: Question, warnings: list[str]) -> tuple[list[tuple[dict, object, list[dict]]], int]:
        """(report, value, figures) of every report in scope with a computable figure, and
        how many are blank (or have a blank part)."""
        reports = self._comparable(q.metric, self._in_years(q, warnings), warnings)
        values = self._sums(q, reports)
        figs = self.figures(q.metric, [r for r, _ in values], q.column)
        self.failed([r["id"] for r, _ in values])
        return [(r, v, figs[r["id"]]) for r, v in values], len(reports) - len(values)

    def _scope(self, q: Question) -> str:
        if not q.years:
            return "各年"
        if len(q.years) == 1:
            return f"{q.years[0]}年"
        return f"{q.years[0]}—{q.years[-1]}年" if q.year_range else "、".join(map(str, q.years)) + "年"

    def _list(self, q: Question) -> Answer:
        """Every report in scope: those that meet the condition first, then the others
        with their figure (0, blank, not comparable); counts of both."""
        warnings: list[str] = []
        reports = self._comparable(q.metric, self._in_years(q, warnings), warnings)
        figs = self.figures(q.metric, reports, q.column)
        self.failed([r["id"] for r in reports])
        op, n = q.condition or (">", 0)
        met = {r["id"] for r, _ in self._sums(q, reports, condition=(op, n))}  # SQL: the condition
        computable = dict((r["id"], v) for r, v in self._sums(q, reports))
        hits, misses, blank = [], [], []
        for r in reports:
            v = computable.get(r["id"])
            if v is None:
                blank.append((r, None, figs[r["id"]]))
            elif r["id"] in met:
                hits.append((r, v, figs[r["id"]]))
            else:
                misses.append((r, v, figs[r["id"]]))
        key = (
            (lambda x: (x[1], x[0]["agency"], x[0]["year"]))
            if op in ("<", "<=")
            else (lambda x: (-x[1], x[0]["agency"], x[0]["year"]))
        )
        hits.sort(key=key)
        misses.sort(key=lambda x: (-x[1], x[0]["agency"], x[0]["year"]))
        rows = [row for r, v, figs_ in hits + misses + blank for row in self.rows_for(q.metric, r, figs_, warnings)]
        cond = _OP_WORDS[op] + number(int(n) if float(n).is_integer() else n) + (q.metric.unit or "")
        one_year = bool(q.years) and len(q.years) == 1

        def named(items):
            return "、".join(
                f"{r['agency']}{'' if one_year else str(r['year']) + '年'}（{number(v)}）"
                for r, v, _ in items[:LIST_SHOWN]
            ) + ("等" if len(items) > LIST_SHOWN else "")

        scope = f"{self._scope(q)}共{len(reports)}份报告"
        if not reports:
            return self.not_in_corpus(q, f"{self._scope(q)}没有报告")
        lines = [f"{scope}，{q.metric.name}{cond}的有{len(hits)}份" + (f"：{named(hits)}。" if hits else "。")]
        if misses:
            lines.append(f"不符合条件的{len(misses)}份：{named(misses)}。")
        if blank:
            lines.append(
                f"该项空白（未填报或无法确定）的{len(blank)}份："
                + "、".join(
                    f"{r['agency']}{'' if one_year else str(r['year']) + '年'}" for r, _, _ in blank[:LIST_SHOWN]
                )
                + ("等" if len(blank) > LIST_SHOWN else "")
                + "。"
            )
        if len(hits) > LIST_SHOWN or len(misses) > LIST_SHOWN:
            warnings.append(f"每类只列出前{LIST_SHOWN}份，完整名单见导出的 CSV")
        return Answer(
            "list",
            "\n".join(lines),
            rows=rows,
            warnings=warnings,
            counts={"in": len(hits), "out": len(misses), "blank": len(blank)},
        )

    def _aggregate(self, q: Question) -> Answer:
        warnings: list[str] = []
        values, blank = self._per_report(q, warnings)
        if not values:
            return self.not_in_corpus(q, f"{self._scope(q)}没有填报{q.metric.name}的报告")
        total, _, _ = self._total(q, [r for r, _, _ in values])  # SQL: SUM over the reports
        rows = [row for r, v, figs in values for row in self.rows_for(q.metric, r, figs, warnings)]
        if q.mean:
            mean = round(total / len(values), 2)
            text = (f"{self._scope(q)}{len(values)}份报告的{q.metric.name}平均为"
                    f"{number(mean)}{q.metric.unit}（合计{number(total)}）。")
        else:
            text = f"{self._scope(q)}{len(values)}份报告的{q.metric.name}合计{number(total)}{q.metric.unit}。"
        if blank:
            warnings.append(f"另有{blank}份报告该项空白（未填报），未计入")
        return Answer(
            "aggregate", text, rows=rows, warnings=warnings, counts={"total": total, "reports": len(values)}
        )

    def _rank(self, q: Question) -> Answer:
        warnings: list[str] = []
        if q.agencies and q.group is None and (len(q.agencies) == 1 or len(q.years) != 1):
            return self._rank_years(q)  # one agency's years
        reports = self._comparable(q.metric, self._in_years(q, warnings), warnings)
        k = q.top if q.top is not None and q.top > 0 else (len(reports) if q.top == 0 else 1)  # 0: the whole order
        order = self._sums(q, reports, descending=not q.ascending, limit=k + 1)  # SQL: ORDER BY … LIMIT
        if not order:
            return self.not_in_corpus(q, f"{self._scope(q)}没有填报{q.metric.name}的报告")
        figs = self.figures(q.metric, [r for r, _ in order], q.column)
        order = [(r, v, figs[r["id"]]) for r, v in order]
        blank = len(reports) - len(self._sums(q, reports))
        top = order[:k]
        rows = [row for r, v, figs in top for row in self.rows_for(q.metric, r, figs, warnings)]
        word = "最少" if q.ascending else "最多"
        listing = "；".join(
            f"{i}. {r['agency']}{'' if q.years and len(q.years) == 1 else str(r['year']) + '年'}"
            f"：{number(v)}{q.metric.unit}"
            for i, (r, v, _) in enumerate(top, 1)
        )
        text = (
            f"{self._scope(q)}{q.metric.name}{word}的{'前' + str(len(top)) + '名' if len(top) > 1 else ''}：{listing}。"
        )
        if q.top == 0:  # the whole order asked
            text = (f"{self._scope(q)}{q.metric.name}{'从少到多' if q.ascending else '从多到少'}"
                    f"（{len(top)}份）：{listing}。")
        if len(order) > len(top) and order[len(top)][1] == top[-1][1]:
            warnings.append(f"第{len(top)}名与第{len(top) + 1}名并列（{number(top[-1][1])}）")
        if blank:
            warnings.append(f"另有{blank}份报告该项空白（未填报），未参加排名")
        return Answer("rank", text, rows=rows, warnings=warnings)

    def _rank_years(self, q: Question) -> Answer:
        """The years of the agencies asked, ordered by the figure (哪一年最多)."""
        warnings: list[str] = []
        values, blank = [], 0
        for agency in q.agencies:
            reports = self._comparable(q.metric, self._reports_of(q, agency, warnings), warnings)
            figs = self.figures(q.metric, reports, q.column)
            by_year = self._series(q, reports)  # SQL: the agency's years
            for r in reports:
                v = by_year.get(r["id"])
                if v is None:
                    blank += 1
                else:
                    values.append((r, v, figs[r["id"]]))
        if not values:
            return self.not_in_corpus(q, warnings[0] if warnings else f"没有填报{q.metric.name}的报告")
        order = sorted(values, key=lambda x: (x[1] if q.ascending else -x[1], x[0]["year"]))
        top = order[: q.top or (len(order) if q.top == 0 else 1)]
        rows = [row for r, v, figs in order for row in self.rows_for(q.metric, r, figs, warnings)]
        word = "最少" if q.ascending else "最多"
        who = "、".join(q.agencies)
        listing = "；".join(f"{i}. {r['year']}年：{number(v)}{q.metric.unit}" for i, (r, v, _) in enumerate(top, 1))
        text = (f"{who}{self._scope(q)}中{q.metric.name}{word}的"
                f"{'前' + str(len(top)) + '年' if len(top) > 1 else '一年'}：{listing}。")
        text += (
            "（各年："
            + "，".join(f"{r['year']}年 {number(v)}" for r, v, _ in sorted(values, key=lambda x: x[0]["year"]))
            + "）"
        )
        if len(order) > len(top) and order[len(top)][1] == top[-1][1]:
            warnings.append(f"{top[-1][0]['year']}年与{order[len(top)][0]['year']}年并列（{number(top[-1][1])}）")
        if blank:
            warnings.append(f"另有{blank}年该项空白（未填报），未参加排序")
        return Answer("rank", text, rows=rows, warnings=warnings)

    def _trend(self, q: Question) -> Answer:
        if not q.agencies or q.group is not None:
            return self._aggregate_by_year(q)
        if len(q.agencies) > 1:
            parts = [self._trend(Question(**{**q.__dict__, "agencies": [a]})) for a in q.agencies]
            return combine(parts) if any(p.found for p in parts) else parts[0]
        agency = q.agencies[0]
        warnings: list[str] = []
        reports = self._reports_of(q, agency, warnings)
        if not reports:
            return self.not_in_corpus(q, warnings[0] if warnings else f"语料中没有{agency}的报告")
        reports = self._comparable(q.metric, reports, warnings)
        figs = self.figures(q.metric, reports, q.column)
        values = self._series(q, reports)  # SQL: the agency's years
        series, rows = [], []
        for r in sorted(reports, key=lambda r: r["year"]):
            v = values.get(r["id"])
            series.append({"year": r["year"], "value": v})
            rows += self.rows_for(q.metric, r, figs[r["id"]], warnings)
        known = [s for s in series if s["value"] is not None]
        points = " → ".join(f"{s['year']}年 {number(s['value'])}" for s in series)
        text = f"{agency}{q.metric.name}：{points}"
        if len(known) >= 2:
            a, b = known[0]["value"], known[-1]["value"]
            change = b - a
            change = int(change) if float(change).is_integer() else round(change, 4)
            span = f"{known[0]['year']}年到{known[-1]['year']}年"
            if a == 0 and b:
                text += f"；{span}从0新增到{number(b)}{q.metric.unit}（基数为0，不计百分比）"
            else:
                word = "增加" if change > 0 else "减少" if change < 0 else "持平"
                text += f"；{span}{word}{number(abs(change)) if change else ''}{q.metric.unit if change else ''}"
                pct = percent(change, a)
                if change and pct:
                    text += f"（{pct}）"
        else:
            warnings.append("可比较的年份不足两个")
        return Answer("trend", text + "。", rows=rows, series=series, warnings=warnings)

    def _aggregate_by_year(self, q: Question) -> Answer:
        warnings: list[str] = []
        values, blank = self._per_report(q, warnings)
        by_year: dict[int, float] = {}
        for r, v, _ in values:
            by_year[r["year"]] = by_year.get(r["year"], 0) + v
        series = [{"year": y, "value": by_year[y]} for y in sorted(by_year)]
        text = (
            f"各年报告的{q.metric.name}合计："
            + " → ".join(f"{s['year']}年 {number(s['value'])}" for s in series)
            + "。"
        )
        warnings.append("各年报告的单位不尽相同，合计数不宜直接比较")
        return Answer("trend", text, series=series, warnings=warnings)

    def _check(self, q: Question) -> Answer:
        if not q.agencies or q.group is not None:
            if not q.years and q.group is None and not _ALL_REPORTS.search(q.text):
                return Answer("check", "请说明要核对哪个单位哪一年的报告（或哪一年的全部报告）。", found=False)
            return self._check_many(q)
        warnings: list[str] = []
        lines, rows = [], []
        for agency in q.agencies:
            for r in self._reports_of(q, agency, warnings):
                failed = self.failed([r["id"]])[r["id"]]
                if not failed:
                    lines.append(
                        f"{agency} {r['year']}年：表格各项核对一致，文字与表格所述申请数一致（未发现前后矛盾）。"
                    )
                    continue
                lines.append(f"{agency} {r['year']}年：发现{len(failed)}处前后不一致——")
                for c in failed:
                    lines.append("  · " + check_sentence(c))
                    cells = self.store.cells([c["cells"][0]], [r["id"]])
                    if cells:
                        rows += self.rows_for(_check_metric(c), r, cells, warnings)
        if not lines:
            return self.not_in_corpus(q, warnings[0] if warnings else "没有找到该报告")
        return Answer("check", "\n".join(lines), rows=rows, warnings=warnings)

    def _check_many(self, q: Question) -> Answer:
        """Which reports of a year (or of a group) contradict themselves: each with how many
        of its checks failed, those with none counted."""
        warnings: list[str] = []
        reports = self._in_years(q, warnings)
        if not reports:
            return self.not_in_corpus(q, warnings[0] if warnings else f"{self._scope(q)}没有报告")
        failed = self.failed([r["id"] for r in reports])
        bad = [(r, failed[r["id"]]) for r in reports if failed[r["id"]]]
        bad.sort(key=lambda x: (-len(x[1]), x[0]["agency"], x[0]["year"]))
        one_year = len(q.years) == 1
        named = "、".join(
            f"{r['agency']}{'' if one_year else str(r['year']) + '年'}（{len(c)}处）" for r, c in bad[:LIST_SHOWN]
        ) + ("等" if len(bad) > LIST_SHOWN else "")
        text = (
            f"{self._scope(q)}共{len(reports)}份报告，其中{len(bad)}份有前后不一致"
            + (f"：{named}。" if bad else "。")
            + f"其余{len(reports) - len(bad)}份各项核对一致。"
        )
        if bad:
            text += "\n例：" + bad[0][0]["agency"] + "——" + check_sentence(bad[0][1][0])
        return Answer("check", text, warnings=warnings, counts={"failed": len(bad), "reports": len(reports)})

    # ------------------------------------------------------------ text
    def index(self):
        """The current search generation (a new one, switched by another process or the
        app's background rebuild, is picked up at the next question)."""
        from ..retrieval import open_index

        self._index = open_index(self.store.root)
        return self._index

    def _passage(self, q: Question) -> Answer:
        idx = self.index()
        if idx is None:
            return Answer("passage", "还没有检索索引：请先导入报告（python -m assistant ingest 路径）。", found=False)
        warnings: list[str] = []
        filters = {}
        if q.agencies:
            filters["agency"] = q.agencies
            have = sorted({y for a in q.agencies for y in self.by_agency[a]})
            years = [y for y in q.years if y in have]
            missing = [y for y in q.years if y not in have]
            if missing:
                if not years:
                    return self.not_in_corpus(
                        q,
                        f"语料中没有{'、'.join(q.agencies)}{'、'.join(map(str, missing))}年的报告"
                        f"（有：{'、'.join(map(str, have))}年）",
                    )
                warnings.append(f"语料中没有{'、'.join(map(str, missing))}年的报告")
            if years:
                filters["year"] = years
        elif q.years:
            years = [y for y in q.years if y in self.years]
            if not years:
                return self.not_in_corpus(q, f"语料中没有{'、'.join(map(str, q.years))}年的报告")
            filters["year"] = years
        hits = idx.search(q.text, k=3, filters=filters, understand=False)
        if not hits:
            return self.not_in_corpus(q, "没有找到相关段落")
        passages = [
            Passage(
                agency=h.agency,
                year=h.year,
                section=h.section,
                title=h.title,
                text=h.text or "（本节只有表格）",
                page=h.page,
                score=round(h.score, 4),
                report_id=h.report_id,
            )
            for h in hits
        ]
        text = f"最相关的段落出自 {passages[0].citation()}："
        return Answer("passage", text, passages=passages, warnings=warnings)

    def _compare_text(self, q: Question) -> Answer:
        """Two agencies (the same year, or each one's newest), or one agency in two years;
        section 五 unless the question names another subject (依申请公开 → 三)."""
        if len(q.agencies) >= 2:
            pairs = []
            for agency in q.agencies[:2]:
                have = self.by_agency[agency]
                years = [y for y in q.years if y in have] if q.years else [max(have)]
                if not years:  # the year asked is not there: never another year instead
                    return self.not_in_corpus(
                        q,
                        f"语料中没有{agency}{'、'.join(map(str, q.years))}年的报告"
                        f"（有：{'、'.join(map(str, sorted(have)))}年）",
                    )
                pairs.append((agency, have[max(years)]))
        elif len(q.agencies) == 1 and len(q.years) == 2:
            agency = q.agencies[0]
            have = self.by_agency[agency]
            missing = [y for y in q.years if y not in have]
            if missing:
                return self.not_in_corpus(
                    q,
                    f"语料中没有{agency}{'、'.join(map(str, missing))}年的报告"
                    f"（有：{'、'.join(map(str, sorted(have)))}年）",
                )
            pairs = [(agency, have[y]) for y in q.years]
        else:
            return Answer("compare_text", "请写明要比较的两个单位，或一个单位的两个年份。", found=False)
        section = q.section or "s5"
        warnings: list[str] = []
        sides = {}
        for side, (agency, r) in zip(("left", "right"), pairs, strict=False):
            found = self.store.section_text(r["id"], section)
            title, text, page = found if found else (section, "", None)
            points = split_points(text)
            sides[side] = {
                "agency": agency,
                "year": r["year"],
                "title": title,
                "page": page,
                "points": points,
                "topics": sorted({t for p in points for t in topics_of(p)}),
                "report_id": r["id"],
                "section": section,
            }
            if not text:
                warnings.append(f"{agency} {r['year']}年报告没有这一部分的文字")
        shared = [t for t in sides["left"]["topics"] if t in sides["right"]["topics"]]
        only_l = [t for t in sides["left"]["topics"] if t not in shared]
        only_r = [t for t in sides["right"]["topics"] if t not in shared]
        lt, r = sides["left"], sides["right"]
        name_l = f"{lt['agency']}（{lt['year']}年）"
        name_r = f"{r['agency']}（{r['year']}年）"
        text = (
            f"比较 {name_l} 与 {name_r} 的“{lt['title']}”："
            f"共同涉及：{'、'.join(shared) or '无'}；仅{name_l}：{'、'.join(only_l) or '无'}；"
            f"仅{name_r}：{'、'.join(only_r) or '无'}。"
        )
        if not (shared or only_l or only_r):  # no topic to line up: the two texts side by side

            def gist(side):
                first = "；".join(side["points"][:2]) or "（无文字）"
                return first if len(first) <= 120 else first[:120] + "…"

            text = (
                f"比较 {name_l} 与 {name_r} 的“{lt['title']}”（未归纳出可对照的主题，原文要点并列）：\n"
                f"{name_l}：{gist(lt)}\n{name_r}：{gist(r)}"
            )
        passages = [
            Passage(
                agency=s["agency"],
                year=s["year"],
                section=section,
                title=s["title"],
                text="\n".join(s["points"]),
                page=s["page"],
                score=1.0,
                report_id=s["report_id"],
            )
            for s in (lt, r)
        ]
        return Answer(
            "compare_text",
            text,
            passages=passages,
            warnings=warnings,
            compare={"left": lt, "right": r, "shared": shared, "only_left": only_l, "only_right": only_r},
        )


_POINT = re.compile(
    r"(?=[一二三四五六七八九十]是)|(?=[（(][一二三四五六七八九十]+[）)])|(?=(?<![\d.])\d{1,2}[.、"
    r"．](?!\d))|\n"
)


def _remember(memory: dict | None, q: Question) -> dict:
    """The agencies, years and figures a chat has named so far, most recent last (这两家,
    这两年, 这两项)."""
    memory = memory or {}
    # a name asked back: its few candidates are named too (这两家加起来呢, after 我说的是发改局那个)
    named = list(q.agencies) or (list(q.ambiguous[0][1]) if q.ambiguous and len(q.ambiguous[0][1]) <= 4 else [])
    agencies = [a for a in memory.get("agencies", []) if a not in named] + named
    years = [y for y in memory.get("years", []) if y not in q.years] + list(q.years)
    figures = [list(f) for f in memory.get("figures", [])]
    if q.metric is not None and [q.metric.key, q.column] not in figures:
        figures.append([q.metric.key, q.column])
    return {"agencies": agencies[-12:], "years": years[-12:], "figures": figures[-6:]}


def _part_name(f: Cell, figs: list[Cell]) -> str:
    """A part of a sum by its row, or by its column when the parts share one row."""
    if len({x.row for x in figs}) == 1:
        return column_name(f.col)
    return table(f.tbl).row(f.row).labels[0]


def split_points(text: str) -> list[str]:
    """Section 五 → its points (一是…, （一）…, 1.…), each trimmed."""
    parts = [p.strip(" ；;。\n") for p in _POINT.split(text or "")]
    return [p for p in parts if len(p) >= 4]


def topics_of(point: str) -> set[str]:
    return {name for name, words in vocabulary().topics.items() if any(w in point for w in words)}


_SHARE = re.compile(r"占比|比例|比重|百分比|占.{0,16}(?:多少|几成|百分之)")
_DIFF = re.compile(r"差多少|相差|差几|差了多少|多几|多多少|少几|少多少|差距")
_WHICH_MORE = re.compile(r"(?:谁|哪家|哪个|哪一个|哪一年|哪年)[^，。？?]{0,12}?更?([多少高低大小])")
_ALL_REPORTS = re.compile(r"所有|全部|哪些|哪几|哪家|哪份|各单位|每份|每个单位")


def _two_figures(rows: list[Row]) -> tuple[Row, Row] | None:
    """Two reports' figures (a compound figure's cells added up), when there are exactly two,
    both computable and in one unit — for 谁多 / 差多少."""
    by: dict[tuple, list[Row]] = {}
    for r in rows:
        by.setdefault((r.agency, r.year), []).append(r)
    if len(by) != 2:
        return None
    out = []
    for cells in by.values():
        if any(c.value is None for c in cells) or len({c.unit for c in cells}) > 1:
            return None
        out.append(Row(**{**cells[0].__dict__, "value": _num(sum(c.value for c in cells))}))
    return (out[0], out[1]) if out[0].unit == out[1].unit else None


def _of_kind(names: list[str], like: list[str]) -> list[str]:
    """The names of the same kind of body (退役军人事务局, 司法局…) as one of `like`."""
    from ..mentions import place_of

    kinds = {place_of(a).remainder for a in like}
    return [a for a in names if place_of(a).remainder in kinds]


def place_of_alias(alias: str) -> bool:
    """Whether an ambiguous name as typed names a place (武陵区, 常德的…), not only a kind (城管局)."""
    return bool(re.search(r"[省市区县旗州]", alias.replace("市场", "").replace("城市管理", "")))


def _num(v):
    return int(v) if float(v).is_integer() else round(v, 4)


def _check_metric(check: dict) -> Metric:
    t, r, c = check["cells"][0]
    return Metric(key=f"{t}.{r}.{c}", name=f"{table(t).row(r).labels[0]}", unit="", cells=[(t, r, c)])
