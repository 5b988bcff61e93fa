"""The report format (sections, tables A/B/C, canonical keys, label variants) loaded from
`schema.toml`, the one place it is written down."""
from __future__ import annotations

import tomllib
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path

TABLES = ("A", "B", "C")


@dataclass(frozen=True)
class RowSpec:
    key: str
    labels: tuple[str, ...]
    group: str | None = None      # Table B: parent （三）…（六） of a numbered leaf
    item: int | None = None       # Table B: the leaf's number under its parent
    leaf: bool = False            # Table B: a part of （七）总计
    version: int | None = None    # printed only in this format version
    block: str | None = None      # Table A: 第二十条第（N）项
    printed: tuple[tuple[int, str], ...] = ()   # the label a format version prints, if not labels[0]

    def label(self, version: int | None = None) -> str:
        return dict(self.printed).get(version, self.labels[0])


@dataclass(frozen=True)
class ColumnSpec:
    key: str
    labels: tuple[str, ...]
    version: int | None = None
    unit: str | None = None


@dataclass(frozen=True)
class TableSpec:
    name: str
    title: str
    section: str
    number: str                   # 表一 / 表二 / 表三, as reports and answers name it
    signals: tuple[str, ...]
    rows: tuple[RowSpec, ...]
    columns: tuple[ColumnSpec, ...]
    headers: tuple[str, ...] = ()
    header_words: tuple[str, ...] = ()
    groups: dict[str, tuple[str, ...]] = field(default_factory=dict)
    layout: dict[int, dict[str, tuple[str, ...]]] = field(default_factory=dict)

    def row(self, key: str) -> RowSpec:
        for r in self.rows:
            if r.key == key:
                return r
        raise KeyError(f"{self.name}: no row {key!r}")

    @property
    def row_keys(self) -> tuple[str, ...]:
        return tuple(r.key for r in self.rows)

    @property
    def column_keys(self) -> tuple[str, ...]:
        seen: dict[str, None] = {}
        for c in self.columns:
            seen.setdefault(c.key)
        return tuple(seen)

    def column_label(self, key: str, version: int | None = None) -> str:
        for c in self.columns:
            if c.key == key and (version is None or c.version in (None, version)):
                return c.labels[0]
        raise KeyError(f"{self.name}: no column {key!r}")


@dataclass(frozen=True)
class SectionSpec:
    key: str
    numeral: str
    title: str
    words: tuple[tuple[str, ...], ...]


@dataclass(frozen=True)
class Bound:
    """What a cell of a column may hold (schema.toml [value_bounds])."""
    max: int | float
    min: int | float = 0
    decimal: bool = False

    def refuses(self, value: int | float) -> str | None:
        """Why `value` cannot be this column's, in words for a reader; None when it can."""
        if value != value or value > self.max:
            return f"超过此栏上限 {self.max:,}"
        if value < self.min:
            return "此栏不能为负数" if self.min == 0 else f"低于此栏下限 {self.min:,}"
        if not self.decimal and isinstance(value, float) and not value.is_integer():
            return "此栏是件数，应为整数"
        return None


@dataclass(frozen=True)
class Schema:
    sections: tuple[SectionSpec, ...]
    tables: dict[str, TableSpec]
    agency_kinds: tuple[tuple[str, tuple[str, ...]], ...]
    short_forms: tuple[tuple[str, tuple[str, ...]], ...] = ()   # long ending → what people type
    check_statuses: dict[str, str] = field(default_factory=dict)   # status → what it means
    bounds: dict[str, Bound] = field(default_factory=dict)          # "A.change" / "default" → Bound
    check_rules: dict[str, dict] = field(default_factory=dict)      # rule → {name, says} in Chinese

    def section(self, key: str) -> SectionSpec:
        for s in self.sections:
            if s.key == key:
                return s
        raise KeyError(key)


def _rows(items: list[dict]) -> tuple[RowSpec, ...]:
    return tuple(RowSpec(key=i["key"], labels=tuple(i["labels"]), group=i.get("group"),
                         item=i.get("item"), leaf=i.get("leaf", False),
                         version=i.get("version"), block=i.get("block"),
                         printed=tuple((int(v), lbl) for v, lbl in i.get("printed", {}).items()))
                 for i in items)


def _columns(items: list[dict]) -> tuple[ColumnSpec, ...]:
    return tuple(ColumnSpec(key=i["key"], labels=tuple(i["labels"]), version=i.get("version"),
                            unit=i.get("unit")) for i in items)


@cache
def load(path: Path | None = None) -> Schema:
    data = tomllib.loads((path or Path(__file__).with_name("schema.toml")).read_text("utf-8"))
    tables = {}
    for name, t in data["tables"].items():
        tables[name] = TableSpec(
            name=name, title=t["title"], section=t["section"], number=t["number"], signals=tuple(t["signals"]),
            rows=_rows(t["rows"]), columns=_columns(t["columns"]),
            headers=tuple(t.get("headers", ())), header_words=tuple(t.get("header_words", ())),
            groups={g["key"]: tuple(g["labels"]) for g in t.get("groups", ())},
            layout={int(v): {r: tuple(cols) for r, cols in rows.items()}
                    for v, rows in t.get("layout", {}).items()},
        )
    sections = tuple(SectionSpec(key=s["key"], numeral=s["numeral"], title=s["title"],
                                 words=tuple(tuple(w) for w in s["words"]))
                     for s in data["sections"])
    kinds = tuple((k["kind"], tuple(k["suffixes"])) for k in data["agency_kinds"])
    short = tuple((long, tuple(v)) for long, v in data.get("agency_short_forms", {}).items())
    return Schema(sections=sections, tables=tables, agency_kinds=kinds, short_forms=short,
                  check_statuses=dict(data.get("check_statuses", {})),
                  bounds={k: Bound(**v) for k, v in data["value_bounds"].items()},
                  check_rules=dict(data.get("check_rules", {})))


def table(name: str) -> TableSpec:
    return load().tables[name]


def bound(tbl: str, col: str) -> Bound:
    """The bound on the values of column `col` of table `tbl`."""
    b = load().bounds
    return b.get(f"{tbl}.{col}") or b["default"]


def cell_label(tbl: str, row: str, col: str, version: int | None = None) -> str:
    """Human label of a cell, e.g. 'B 本年新收政府信息公开申请数量 / 总计'."""
    spec = table(tbl)
    return f"{spec.row(row).label(version)} / {spec.column_label(col, version)}"
