"""A generated report: metadata, sections and the three tables as a printable grid, with
everything a test needs to know about what was printed."""
from __future__ import annotations

import random
from dataclasses import dataclass, field

from ..schema import table
from .figures import Addr, Figures, failures, make
from .prose import SectionText, sections

FORMATS = ("txt", "html", "docx", "pdf")
VERSION = 2           # of what the generator prints: cached corpora of another version are stale
_CN = "〇一二三四五六七八九"


@dataclass
class GridCell:
    text: str
    colspan: int = 1
    rowspan: int = 1
    vertical: bool = False       # printed one character per line (a tall narrow cell)
    value: bool = False          # a figure (right-aligned), not a label


@dataclass
class Grid:
    key: str                      # A, B, C
    columns: int
    rows: list[list[GridCell]]    # origin cells only, as in HTML

    def placed(self):
        """(row, column, cell) of every origin cell on the full grid, spans accounted for."""
        taken: set[tuple[int, int]] = set()
        for i, row in enumerate(self.rows):
            j = 0
            for c in row:
                while (i, j) in taken:
                    j += 1
                yield i, j, c
                taken.update((i + di, j + dj) for di in range(c.rowspan) for dj in range(c.colspan))
                j += c.colspan


@dataclass
class GeneratedReport:
    number: int
    agency: str
    year: int
    figures: Figures
    sections: list[SectionText]
    title_style: str              # full | split | none
    published: str | None         # ISO date of the signature, None when unsigned
    signature_date: str | None    # as printed
    stated_received: int
    label_noise: dict = field(default_factory=dict)

    @property
    def version(self) -> int:
        return self.figures.version

    @property
    def stem(self) -> str:
        return f"{self.number:05d}_{self.year}"

    def title_lines(self) -> list[str]:
        title = f"{self.year}年政府信息公开工作年度报告"
        if self.title_style == "full":
            return [self.agency + title]
        if self.title_style == "split":
            return [self.agency, title]
        return []

    def signature_lines(self) -> list[str]:
        if not self.signature_date:
            return []
        return [self.agency, self.signature_date]

    def expected_failures(self) -> set[tuple[str, Addr]]:
        out = failures(self.figures)
        value = self.figures.value(("B", "new_received", "total"))
        if value is not None and value != self.stated_received:
            out.add(("narrative.new_received", ("B", "new_received", "total")))
        return out

    def grids(self) -> list[Grid]:
        return [grid_a(self), grid_b(self), grid_c(self)]


def generate(n: int, seed: int = 0, contradictory: float = 0.15):
    """`n` reports with distinct (agency, year), reproducible from `seed`."""
    from .agencies import all_agencies
    rng = random.Random(seed)
    agencies = all_agencies()
    pairs = [(a, y) for y in range(2019, 2026) for a in agencies]
    rng.shuffle(pairs)
    if n > len(pairs):
        raise ValueError(f"at most {len(pairs)} distinct reports")
    for i, (agency, year) in enumerate(pairs[:n]):
        yield one(random.Random(f"{seed}:{i}"), i, agency, year, contradictory)


def one(rng: random.Random, number: int, agency: str, year: int, contradictory: float = 0.15) -> GeneratedReport:
    broken = rng.random() < contradictory
    narrative_break = broken and rng.random() < 0.3
    figs = make(rng, year, contradictory=broken and not narrative_break)
    received = figs.value(("B", "new_received", "total"))
    stated = received if received is not None else 0
    if received is None:                  # the text states a count only when the table has one
        stated = 0
    if narrative_break:
        stated = (received or 0) + rng.randint(3, 80)    # hongze 2024: text 17, table 95
        figs.breaks.append(f"text says {stated} applications, table B prints {received}")
    review = figs.value(("C", "review", "total"))
    lit = [figs.value(("C", r, "total")) for r in ("litigation_direct", "litigation_after_review")]
    litigation = None if None in lit else sum(lit)
    style = rng.choices(["full", "split", "none"], [0.75, 0.15, 0.10])[0]
    signed = style == "none" or rng.random() < 0.85
    date = None
    published = None
    if signed:
        m, d = rng.randint(1, 3), rng.randint(1, 28)
        published = f"{year + 1:04d}-{m:02d}-{d:02d}"
        if rng.random() < 0.15:
            date = "".join(_CN[int(c)] for c in str(year + 1)) + f"年{_cn_small(m)}月{_cn_small(d)}日"
        else:
            date = f"{year + 1}年{m}月{d}日"
    # no count in the table: the text does not state one either
    texts = sections(rng, agency, year, stated if received is not None else None, review, litigation)
    noise = {"typo": rng.random() < 0.1, "spaced_total": rng.random() < 0.2}
    return GeneratedReport(number=number, agency=agency, year=year, figures=figs, sections=texts,
                           title_style=style, published=published, signature_date=date,
                           stated_received=stated if received is not None else 0, label_noise=noise)


def _cn_small(n: int) -> str:
    if n < 10:
        return _CN[n]
    tens, ones = divmod(n, 10)
    return ("" if tens == 1 else _CN[tens]) + "十" + (_CN[ones] if ones else "")


# ------------------------------------------------------------------ grids
def _v(r: GeneratedReport, addr: Addr, colspan: int = 1) -> GridCell:
    p = r.figures.cells.get(addr)
    return GridCell(p.raw if p else "", colspan=colspan, value=True)


def grid_a(r: GeneratedReport) -> Grid:
    spec = table("A")
    v = r.version
    layout = spec.layout[v]
    rows: list[list[GridCell]] = []
    blocks: dict[str, list[str]] = {}
    for row in spec.rows:
        if row.key in layout:
            blocks.setdefault(row.block, []).append(row.key)
    for block, keys in blocks.items():
        cols = layout[keys[0]]
        rows.append([GridCell(block, colspan=4)])
        header = [GridCell("信息内容")] + [GridCell(spec.column_label(c, v)) for c in cols]
        header[-1].colspan = 4 - len(cols)
        rows.append(header)
        for key in keys:
            cells = [GridCell(spec.row(key).label(v))] + [_v(r, ("A", key, c)) for c in cols]
            cells[-1].colspan = 4 - len(cols)
            rows.append(cells)
    return Grid("A", 4, rows)


def grid_b(r: GeneratedReport) -> Grid:
    spec = table("B")
    cols = spec.column_keys
    total_label = "总 计" if r.label_noise.get("spaced_total") else "总计"
    rows: list[list[GridCell]] = [
        [GridCell("（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）", colspan=3, rowspan=3),
         GridCell("申请人情况", colspan=7)],
        [GridCell("自然人", rowspan=2), GridCell("法人或其他组织", colspan=5), GridCell(total_label, rowspan=2)],
        [GridCell(spec.column_label(c)) for c in cols[1:6]],
    ]
    keys = r.figures.b_rows()
    middle = [k for k in keys if k not in ("new_received", "carried_over", "carried_forward")]
    groups = {g: [k for k in middle if spec.row(k).group == g] for g in spec.groups}

    def values(key):
        return [_v(r, ("B", key, c)) for c in cols]

    def label(key):
        text = spec.row(key).label(r.version)
        if key == "denied_prohibited_by_law" and r.label_noise.get("typo"):
            text = "2.其他法律行政止公开"          # misprint of the hongze PDFs
        return text
    for key in ("new_received", "carried_over"):
        rows.append([GridCell(label(key), colspan=3)] + values(key))
    first = True
    done: set[str] = set()
    for key in middle:
        if key in done:
            continue
        lead = [GridCell("三、本年度办理结果", rowspan=len(middle), vertical=True)] if first else []
        first = False
        group = spec.row(key).group
        if group and len(groups[group]) > 0:
            members = groups[group]
            parent = spec.groups[group][0]
            for i, m in enumerate(members):
                head = lead + [GridCell(parent, rowspan=len(members))] if i == 0 else []
                rows.append(head + [GridCell(label(m))] + values(m))
                lead = []
                done.add(m)
        else:
            rows.append(lead + [GridCell(label(key), colspan=2)] + values(key))
            done.add(key)
    rows.append([GridCell(label("carried_forward"), colspan=3)] + values("carried_forward"))
    return Grid("B", 10, rows)


def grid_c(r: GeneratedReport) -> Grid:
    spec = table("C")
    parts = [spec.column_label(c) for c in spec.column_keys]
    rows = [
        [GridCell("行政复议", colspan=5), GridCell("行政诉讼", colspan=10)],
        [GridCell(p, rowspan=2) for p in parts]
        + [GridCell("未经复议直接起诉", colspan=5), GridCell("复议后起诉", colspan=5)],
        [GridCell(p) for p in parts] * 2,
        [_v(r, ("C", row, c)) for row in spec.row_keys for c in spec.column_keys],
    ]
    return Grid("C", 15, rows)
