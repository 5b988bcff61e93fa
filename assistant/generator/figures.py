"""The figures of a generated report, and the identities they are meant to break.

Every cell is generated as the text it will be printed with and the value that text
means, so tests compare a parsed report with what was printed, never with the parser.
Figures are consistent (the format's identities hold) unless the report is chosen to
contradict itself; the expected failures are computed here, independently of
`assistant.checks`."""
from __future__ import annotations

import random
from dataclasses import dataclass, field

from ..schema import table

Addr = tuple[str, str, str]
APPLICANTS = ("natural_person", "commercial", "research", "social_welfare", "legal_service", "other_org")
BLANKS = ("", "—", "/", "无")


@dataclass
class Printed:
    raw: str
    value: int | float | None


@dataclass
class Figures:
    version: int
    other_rows: int                               # （六）其他处理 printed as 1 or 3 rows
    cells: dict[Addr, Printed] = field(default_factory=dict)
    breaks: list[str] = field(default_factory=list)   # what was made inconsistent, in words

    def value(self, addr: Addr):
        p = self.cells.get(addr)
        return p.value if p else None

    def b_rows(self) -> list[str]:
        spec = table("B")
        keys = []
        for r in spec.rows:
            if r.key == "other" and self.other_rows == 3:
                continue
            if r.version == 2021 and self.other_rows != 3:
                continue
            keys.append(r.key)
        return keys

    def b_leaves(self) -> list[str]:
        spec = table("B")
        return [k for k in self.b_rows() if spec.row(k).leaf]


def _number(rng: random.Random, value: int | float, plain: bool = False) -> str:
    """How a figure is printed: mostly plain, sometimes with thousands separators or in
    full-width digits (as Word and web pages print them)."""
    if isinstance(value, float):
        text = f"{value:.2f}".rstrip("0").rstrip(".") if rng.random() < 0.7 else f"{value:.2f}"
    else:
        text = str(value)
    if plain:
        return text
    r = rng.random()
    if abs(value) >= 1000 and r < 0.25:
        text = f"{value:,}" if isinstance(value, int) else f"{value:,.2f}"
    elif r > 0.97:
        text = text.translate(str.maketrans("0123456789.-", "０１２３４５６７８９．－"))
    return text


def _small(rng: random.Random, busy: float) -> int:
    """A count of applications in one cell: mostly 0, sometimes a few, rarely many."""
    r = rng.random()
    if r < 1 - busy:
        return 0
    if r < 1 - busy / 4:
        return rng.randint(1, 9)
    return rng.randint(10, 120)


def make(rng: random.Random, year: int, contradictory: bool = False) -> Figures:
    """Figures for a report on `year`. A contradictory report breaks one identity and
    prints no blanks, so what breaks is exactly what `failures` computes."""
    version = 2021 if year >= 2021 else 2019
    f = Figures(version=version, other_rows=3 if version == 2021 and rng.random() < 0.4 else 1)
    style = rng.random()
    only_totals = not contradictory and version == 2019 and style < 0.15   # seed 000: 总计 only
    blanks = 0.25 if not contradictory and not only_totals and style < 0.45 else 0.0
    _table_a(rng, f)
    _table_b(rng, f, only_totals, blanks)
    _table_c(rng, f, blanks)
    if contradictory:
        contradict(rng, f)
    return f


def _put(rng, f: Figures, addr: Addr, value, blank_zero: float = 0.0, plain=False):
    if value is None:
        f.cells[addr] = Printed(rng.choice(BLANKS), None)
    elif value == 0 and blank_zero and rng.random() < blank_zero:
        f.cells[addr] = Printed(rng.choice(BLANKS), None)
    else:
        f.cells[addr] = Printed(_number(rng, value, plain), value)


def _table_a(rng: random.Random, f: Figures) -> None:
    spec = table("A")
    layout = spec.layout[f.version]
    scale = rng.choice([1, 1, 10, 100])
    for row, cols in layout.items():
        for col in cols:
            if col in ("issued", "repealed", "new_made", "new_published"):
                v = rng.choice([0, 0, 0, 1, 2, 3, 5, 8])
            elif col in ("in_force", "total_published"):
                v = rng.randint(0, 60)
            elif col == "decisions":
                v = _small(rng, 0.8) * scale
            elif col == "prev_items":
                v = rng.randint(0, 400)
            elif col == "change":
                v = rng.choice([0, 0, 0, 1, 2, 5, -1, -3, -18])
            elif col == "amount_wan":
                v = rng.choice([0, 0, round(rng.uniform(1, 30000), 2), rng.randint(1, 9000)])
            elif col == "amount":
                v = rng.choice([0, round(rng.uniform(10, 5000), 2), rng.randint(1, 900)])
            elif col == "items":
                v = rng.randint(0, 80)
            else:
                v = rng.randint(0, 20)
            _put(rng, f, ("A", row, col), v, blank_zero=0.1)


def _table_b(rng: random.Random, f: Figures, only_totals: bool, blank_zero: float) -> None:
    busy = rng.choice([0.0, 0.05, 0.15, 0.3, 0.5])
    leaves = f.b_leaves()
    counts: dict[str, dict[str, int]] = {}
    for key in leaves:
        counts[key] = {c: (_small(rng, busy if c == "natural_person" else busy / 5)) for c in APPLICANTS}
    for extra in ("carried_over", "carried_forward"):
        counts[extra] = {c: (_small(rng, busy / 3) if c == "natural_person" else 0) % 7 for c in APPLICANTS}
    processed = {c: sum(counts[k][c] for k in leaves) for c in APPLICANTS}
    counts["total_processed"] = processed
    # 一 + 二 = （七） + 四: carried-over cases come out of this year's processing
    for c in APPLICANTS:
        counts["carried_over"][c] = min(counts["carried_over"][c], processed[c])
    counts["new_received"] = {c: processed[c] + counts["carried_forward"][c] - counts["carried_over"][c]
                              for c in APPLICANTS}
    for key in f.b_rows():
        row = counts[key]
        total = sum(row.values())
        for c in APPLICANTS:
            _put(rng, f, ("B", key, c), None if only_totals else row[c], blank_zero)
        _put(rng, f, ("B", key, "total"), total, blank_zero if total == 0 else 0.0)


def _table_c(rng: random.Random, f: Figures, blank_zero: float) -> None:
    spec = table("C")
    active = rng.random() < 0.35
    for r in spec.row_keys:
        parts = {c: (rng.choice([0, 0, 0, 1, 1, 2, 5, 10]) if active else 0)
                 for c in ("upheld", "corrected", "other", "pending")}
        for c, v in parts.items():
            _put(rng, f, ("C", r, c), v, blank_zero)
        total = sum(parts.values())
        _put(rng, f, ("C", r, "total"), total, blank_zero if total == 0 else 0.0)


# ------------------------------------------------------------------ contradictions
def contradict(rng: random.Random, f: Figures) -> None:
    """Make the report contradict itself in one of the ways real reports do."""
    kind = rng.choice(["review_total_zero", "processed_total", "applicant_cell", "c_total"])
    if kind == "review_total_zero":
        # hongze 2023: 维持 10, 纠正 1, 总计 0
        f.cells[("C", "review", "upheld")] = Printed("10", 10)
        f.cells[("C", "review", "corrected")] = Printed("1", 1)
        f.cells[("C", "review", "total")] = Printed("0", 0)
        f.breaks.append("行政复议 总计 printed 0 beside 维持 10 and 纠正 1")
    elif kind == "processed_total":
        v = (f.value(("B", "total_processed", "total")) or 0) + rng.randint(1, 9)
        f.cells[("B", "total_processed", "total")] = Printed(str(v), v)
        f.breaks.append(f"（七）总计 总计 printed {v}, not the sum")
    elif kind == "applicant_cell":
        v = (f.value(("B", "new_received", "natural_person")) or 0) + rng.randint(1, 5)
        f.cells[("B", "new_received", "natural_person")] = Printed(str(v), v)
        f.breaks.append(f"一、本年新收 自然人 printed {v}")
    else:
        row = rng.choice(table("C").row_keys)
        v = (f.value(("C", row, "total")) or 0) + rng.randint(1, 4)
        f.cells[("C", row, "total")] = Printed(str(v), v)
        f.breaks.append(f"表三 {row} 总计 printed {v}, not the sum")


def failures(f: Figures) -> set[tuple[str, Addr]]:
    """(rule, whole's address) of every identity the printed figures break, blanks read as
    0 — the generator blanks only cells whose value is 0, so that reading is exact."""
    v = lambda *a: f.value(a) or 0            # noqa: E731
    have = lambda *a: a in f.cells            # noqa: E731
    out: set[tuple[str, Addr]] = set()
    cols = APPLICANTS + ("total",)
    rows = f.b_rows()
    leaves = f.b_leaves()
    for c in cols:
        if all(f.value(("B", k, c)) is None for k in ("new_received", "carried_over")):
            continue
        received = v("B", "new_received", c) + v("B", "carried_over", c)
        if received != v("B", "total_processed", c) + v("B", "carried_forward", c):
            out.add(("B.balance", ("B", "new_received", c)))
        if f.value(("B", "total_processed", c)) is not None and any(f.value(("B", k, c)) is not None for k in leaves):
            if v("B", "total_processed", c) != sum(v("B", k, c) for k in leaves):
                out.add(("B.processed_sum", ("B", "total_processed", c)))
    for k in rows:
        if (
            have("B", k, "total")
            and f.value(("B", k, "total")) is not None
            and any(f.value(("B", k, c)) is not None for c in APPLICANTS)
        ):
            if v("B", k, "total") != sum(v("B", k, c) for c in APPLICANTS):
                out.add(("B.row_total", ("B", k, "total")))
    for r in table("C").row_keys:
        parts = [f.value(("C", r, c)) for c in ("upheld", "corrected", "other", "pending")]
        if f.value(("C", r, "total")) is not None and any(p is not None for p in parts):
            if v("C", r, "total") != sum(p or 0 for p in parts):
                out.add(("C.row_total", ("C", r, "total")))
    return out
