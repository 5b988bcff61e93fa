"""The one Answer structure the CLI and the app render."""
from __future__ import annotations

from dataclasses import asdict, dataclass, field

from ..formatting import citation, number, source_words


@dataclass
class Source:
    report_id: str
    table: str
    row: str
    col: str
    raw: str
    page: int | None = None
    label: str = ""              # 表三 行政复议 / 总计


@dataclass
class Row:
    agency: str
    year: int
    metric: str
    value: int | float | None    # None: left blank in the report (not reported)
    source: Source
    warning: str | None = None   # a failed check on this figure, in words
    unit: str = ""               # 件, 万元, 元 (from the printed header where it varies)


@dataclass
class Passage:
    agency: str
    year: int
    section: str
    title: str
    text: str
    page: int | None
    score: float
    report_id: str = ""

    def citation(self) -> str:
        return citation(self.agency, self.year, self.title, self.page)


@dataclass
class Answer:
    intent: str
    text: str
    rows: list[Row] = field(default_factory=list)
    series: list[dict] = field(default_factory=list)      # trend: [{"year", "value"}], chronological
    # the counts an answer rests on: list {"in", "out", "blank"}; total {"total", "reports"};
    # check {"failed", "reports"}
    counts: dict = field(default_factory=dict)
    passages: list[Passage] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)
    compare: dict | None = None   # compare_text: {"left": {...}, "right": {...}, "shared": [...]}
    found: bool = True            # False: not in the corpus
    # how the question was read: op, agencies (and unknown/ambiguous ones), years, figure,
    # condition, what was carried over from the previous question, and a one-line summary
    interpretation: dict = field(default_factory=dict)
    parts: list[Answer] = field(default_factory=list)   # a question of several parts: each part's answer

    def to_dict(self) -> dict:
        d = asdict(self)
        for p, src in zip(d["passages"], self.passages, strict=False):
            p["citation"] = src.citation()
        return d

    def render(self) -> str:
        """The answer as text, for the command line."""
        out = [self.text]
        if self.interpretation.get("line"):
            out.insert(0, self.interpretation["line"])
        if self.rows and self.intent not in ("lookup",):
            out.append("")
            for r in self.rows:
                value = "空白（未填报）" if r.value is None else number(r.value)
                out.append(f"  {r.agency} {r.year}年  {r.metric}：{value}   〔{_where(r.source)}〕"
                           + (" ⚠" if r.warning else ""))
        elif self.rows:
            out.append("来源：" + "；".join(f"{r.agency} {r.year}年 {_where(r.source)}" for r in self.rows))
        for p in self.passages:
            out += ["", f"【{p.citation()}】", "  " + p.text.replace("\n", "\n  ")]
        if self.compare:
            for side in ("left", "right"):
                c = self.compare[side]
                out += ["", f"【{c['agency']} {c['year']}年 · {c['title']}】"]
                out += [f"  {i}. {pt}" for i, pt in enumerate(c["points"], 1)]
            if self.compare["shared"]:
                out += ["", "共同的要点：" + "；".join(self.compare["shared"])]
        for w in self.warnings:
            out.append("⚠ " + w)
        return "\n".join(out)


def _where(s: Source) -> str:
    return source_words(s.label, s.raw, s.page)
