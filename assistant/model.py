"""The Report: one model for every format — metadata, sections (prose), figures (every
table cell under its canonical key, with raw text and position) and check results."""
from __future__ import annotations

from dataclasses import asdict, dataclass, field


@dataclass
class Figure:
    table: str                       # A, B, C
    row: str                         # canonical row key (schema.toml)
    col: str                         # canonical column key
    value: int | float | None        # None: blank / not reported (never 0)
    raw: str                         # the cell's text as printed
    page: int | None = None
    position: dict = field(default_factory=dict)   # {"line": n} or {"page": p, ...}

    @property
    def address(self) -> tuple[str, str, str]:
        return (self.table, self.row, self.col)


@dataclass
class Section:
    key: str                         # preamble, s1…s6, s1.1…
    title: str
    text: str
    page: int | None = None
    line: int | None = None


@dataclass
class Check:
    """What a check concluded, as facts: the printed whole (or the number the text
    states), what the parts add up to (or the table prints), the quote and section of a
    statement in the text, and `detail`, the arithmetic in words. How an answer says it
    lives as data (schema.toml [check_rules], formatting.check_sentence)."""
    rule: str
    status: str                      # ok | failed | skipped | uncertain (schema.toml [check_statuses])
    cells: list[tuple[str, str, str]]
    printed: float | int | None
    computed: float | int | None
    detail: str
    quote: str | None = None         # narrative checks: the sentence of the text that states a number
    section: str | None = None       # … and the section it is in

    def to_dict(self) -> dict:
        d = asdict(self)
        d["cells"] = [list(x) for x in self.cells]
        return d


@dataclass
class Region:
    province: str | None = None
    city: str | None = None
    county: str | None = None

    def label(self) -> str:
        return " ".join(p for p in (self.province, self.city, self.county) if p)


@dataclass
class Report:
    agency_printed: str
    agency: str                      # canonical: one name for the same body across years
    agency_kind: str
    region: Region
    year: int                        # the year the data is about
    year_basis: str                  # "title" or "signature date"
    published: str | None            # ISO date of the signature, None when absent
    format_version: int              # 2019 or 2021
    table_versions: dict[str, int | None]
    title: str | None
    file_type: str
    sections: list[Section] = field(default_factory=list)
    figures: list[Figure] = field(default_factory=list)
    checks: list[Check] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)
    pages: int | None = None
    id: str | None = None            # set by the store: the source file's content hash
    source: str | None = None        # the file name it was ingested from
    source_url: str | None = None    # where a crawled copy says it came from (原文链接)
    units: dict[str, str] = field(default_factory=dict)   # "A.amount" → unit its header prints (万元)

    def figure(self, table: str, row: str, col: str) -> Figure | None:
        index = self.__dict__.get("_by_address")
        if index is None or index[0] is not self.figures or index[1] != len(self.figures):
            by = {}
            for f in self.figures:
                by.setdefault(f.address, f)
            index = self.__dict__["_by_address"] = (self.figures, len(self.figures), by)
        return index[2].get((table, row, col))

    def value(self, table: str, row: str, col: str):
        f = self.figure(table, row, col)
        return f.value if f else None

    def section(self, key: str) -> Section | None:
        return next((s for s in self.sections if s.key == key), None)

    def to_dict(self) -> dict:
        """The report as JSON-ready data: the one serialisation (export, --json)."""
        d = asdict(self)
        d["checks"] = [c.to_dict() for c in self.checks]
        return d
