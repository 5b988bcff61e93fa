"""Tables A, B and C: every printed cell under its canonical (table, row, column) key.

Rows are matched by label and position together (a leaf's number under its parent
（三）…（六） as well as its text); columns of Table A by the header row above the values,
columns of B and C by the format's fixed order. Blank cells are kept as figures with value
None and their raw text."""
from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass, field

from ..document import Cell, Table
from ..labels import SHORT_LINE, best_match, marker, similarity, squeeze
from ..model import Check, Figure
from ..schema import ColumnSpec, TableSpec, bound, table
from ..values import is_value_text, parse_value
from . import runs as digit_runs

# How similar (labels.similarity, 0–1) a printed label must be to the schema's variants to
# be read as one of them, from the loosest context to the strictest:
MEMBER_MATCH = 0.5     # a numbered item among its own group's few members
TOP_MATCH = 0.6        # a leaf among all the table's rows
HEADER_MATCH = 0.75    # a row or column header of a table printed with headers
CLOSE_MATCH = 0.8      # a group heading, the label of a digit run, "not a header"
SECTION_BONUS = 0.5    # added to a table's signal count when it sits in its own section


@dataclass
class Extraction:
    figures: list[Figure] = field(default_factory=list)
    versions: dict[str, int | None] = field(default_factory=dict)
    warnings: list[str] = field(default_factory=list)
    found: set[str] = field(default_factory=set)
    checks: list[Check] = field(default_factory=list)     # cells that could not be read with certainty
    # blanks that print nothing: a copy drops them everywhere or nowhere, so once any table
    # of the document shows it (`evident`), every run of it is read as possibly missing some
    vanish: bool = False
    evident: bool = False
    probe: bool = False                 # only look for that evidence: decode nothing
    units: dict[str, str] = field(default_factory=dict)   # "A.amount" → the unit its header prints

    seen: set[tuple[str, str, str]] = field(default_factory=set)

    def add(self, tbl: str, row: str, col: str, cell: Cell, value=None, decoded: bool = False) -> None:
        if (tbl, row, col) in self.seen:
            self.warnings.append(f"{tbl}.{row}.{col} printed twice; the first is kept")
            return
        self.seen.add((tbl, row, col))
        if not decoded:
            value, understood = parse_value(cell.text)
            if not understood:
                self.warnings.append(f"{tbl}.{row}.{col}: “{cell.text.strip()}” is not a number")
        why = None if value is None else bound(tbl, col).refuses(value)
        if why:
            text = cell.text.strip()
            shown = text if len(text) <= SHORT_LINE else text[:SHORT_LINE] + "…"
            self.checks.append(Check(rule="value.bounds", status="uncertain", cells=[(tbl, row, col)],
                                     printed=None, computed=None,
                                     detail=f"印出“{shown}”，{why}：按空白处理（原文照录）"))
            value = None
        self.figures.append(Figure(table=tbl, row=row, col=col, value=value, raw=cell.text,
                                   page=cell.page, position=cell.position))
        self.found.add(tbl)

    def uncertain(self, tbl: str, cells: list[tuple[str, str]], detail: str) -> None:
        """Cells left blank because the copy does not fix their values."""
        self.checks.append(Check(rule="read.uncertain", status="uncertain",
                                 cells=[(tbl, r, c) for r, c in cells], printed=None, computed=None,
                                 detail=detail))

    def vanishes(self, runs: list[digit_runs.RowRun], always: bool = False) -> bool:
        """Whether these runs (one table) may have lost blank cells; noted for the document."""
        evident = digit_runs.blanks_evident(runs)
        self.evident |= evident
        return evident or self.vanish or always

    def decode(self, tbl: str, rows: list[tuple[digit_runs.RowRun, Cell, list[str], str]],
               identities=(), always_vanish: bool = False) -> None:
        """Runs of one table (each with its cell, its column keys and its label) → figures
        fixed by the runs and the identities; the rest blank with an uncertain check.
        Where the table shows that it leaves cells blank (or always, for rows with no
        identity: `always_vanish`), a cell may have printed nothing in its run."""
        live = []
        for run, cell, cols, label in rows:
            if not digit_runs.normalise(cell.text):
                for col in cols:                  # a row that printed nothing: blank cells
                    self.add(tbl, run.key, col, cell)
            else:
                live.append((run, cell, cols, label))
        vanish = self.vanishes([r for r, *_ in live], always_vanish)
        if self.probe:
            return
        for r, *_ in live:
            r.vanish = vanish
        result = digit_runs.decode([r for r, *_ in live], list(identities))
        for run, cell, cols, label in live:
            for i, col in enumerate(cols):
                if (run.key, i) in result.values:
                    self.add(tbl, run.key, col, cell, value=result.values[(run.key, i)], decoded=True)
                else:
                    self.add(tbl, run.key, col, cell, value=None, decoded=True)
            if run.key in result.uncertain:
                blank = [(run.key, cols[i]) for i in range(len(cols)) if (run.key, i) in result.unknown]
                self.uncertain(tbl, blank, f"{table(tbl).number}「{squeeze(label)}」印作“{cell.text.strip()}”，"
                                           f"无法确定各栏数字：{result.uncertain[run.key]}")


def classify(t: Table, section: str) -> str | None:
    """Which of A, B, C a table is, by the labels it prints (its section breaks ties)."""
    text = squeeze(t.text())
    scores = {}
    for name in ("A", "B", "C"):
        spec = table(name)
        scores[name] = sum(1 for w in spec.signals if w in text) + (SECTION_BONUS if spec.section == section else 0)
    best = max(scores, key=scores.get)
    return best if scores[best] >= 2 else None


def _labels(cells: list[Cell]) -> list[Cell]:
    return [c for c in cells if squeeze(c.text) and not is_value_text(c.text)]


# ------------------------------------------------------------------ Table A
_UNIT = re.compile(r"[（(](?:单位[:：])?(亿元|万元|千元|元)[)）]")     # 采购总金额（万元）


def extract_a(rows: list[list[Cell]], out: Extraction) -> None:
    spec = table("A")
    column_candidates = list(enumerate(c.labels for c in spec.columns))   # keyed by index
    row_candidates = [(r.key, r.labels) for r in spec.rows]
    columns: list[ColumnSpec] | None = None        # the header row above the values
    votes: Counter = Counter()
    pending: list[tuple[str, list[Cell]]] = []     # rows seen before any header
    runs: list[tuple[str, Cell, list[str], str]] = []   # rows printed as one run of digits
    pending_runs: list[tuple[str, Cell, str]] = []
    for cells in rows:
        labels = _labels(cells)
        if not labels:
            continue
        first = squeeze(labels[0].text)
        if "第二十条" in first and len(labels) == 1:
            columns = None
            continue
        key, _ = best_match(first, row_candidates, HEADER_MATCH)
        header = [None if is_value_text(c.text) else best_match(c.text, column_candidates, HEADER_MATCH)[0]
                  for c in cells]
        if any(h is not None for h in header) and (any(w in first for w in spec.header_words) or not key):
            columns = [spec.columns[h] for h in header if h is not None]
            for h, c in zip(header, cells, strict=False):
                amount = h is not None and spec.columns[h].key.startswith("amount")
                unit = _UNIT.search(squeeze(c.text)) if amount else None
                if unit:
                    out.units[f"A.{spec.columns[h].key}"] = unit.group(1)
            votes.update(c.version for c in columns if c.version)
            continue
        if not key:
            continue
        values = cells[cells.index(labels[0]) + 1 :]
        while columns is not None and len(values) > len(columns) and not squeeze(values[-1].text):
            values = values[:-1]  # padding cells of a wider grid
        if len(values) == 1 and values[0].run:
            if columns:
                runs.append((key, values[0], [c.key for c in columns], labels[0].text))
            else:
                pending_runs.append((key, values[0], labels[0].text))
            continue
        if columns and len(columns) == len(values):
            for col, cell in zip(columns, values, strict=False):
                out.add("A", key, col.key, cell)
        else:
            pending.append((key, values))
    version = votes.most_common(1)[0][0] if votes else None
    for key, values in pending:
        layout = spec.layout.get(version or 0, {}).get(key)
        if layout and len(layout) == len(values):
            for col, cell in zip(layout, values, strict=False):
                out.add("A", key, col, cell)
        else:
            out.warnings.append(f"A.{key}: {len(values)} values and no header naming their columns; not placed")
    for key, cell, label in pending_runs:
        layout = spec.layout.get(version or 0, {}).get(key)
        if layout:
            runs.append((key, cell, list(layout), label))
        else:
            out.warnings.append(f"A.{key}: run “{cell.text}” and no header naming its columns; not placed")
    if runs:
        kinds = {
            c.key: ("signed" if c.key == "change" else "amount" if c.unit or c.key.startswith("amount") else "count")
            for c in spec.columns
        }
        out.decode(
            "A",
            [
                (digit_runs.RowRun(key, cell.text, [kinds[c] for c in cols]), cell, cols, label)
                for key, cell, cols, label in runs
            ],
            always_vanish=True,
        )
    out.versions["A"] = version


# ------------------------------------------------------------------ Table B
def _b_group(label: str, spec: TableSpec) -> str | None:
    key, _ = best_match(label, spec.groups.items(), CLOSE_MATCH)
    return key


_INNER_ITEM = re.compile(r"(?<=[\u4e00-\u9fff）)])\s*(?=\d{1,2}[.．、][\u4e00-\u9fff])")


def _split_labels(cells: list[Cell]) -> list[Cell]:
    """“（三）不予公开 1.属于国家秘密” printed in one cell → the parent and the leaf."""
    out = []
    for c in cells:
        parts = [p for p in _INNER_ITEM.split(c.text) if p.strip()]
        if len(parts) > 1:
            out.extend(Cell(p, c.page, c.line) for p in parts)
        else:
            out.append(c)
    return out


def extract_b(rows: list[list[Cell]], out: Extraction) -> None:
    spec = table("B")
    columns = spec.column_keys
    width = len(columns)
    group: str | None = None
    top = [(r.key, r.labels) for r in spec.rows if r.group is None]
    runs: list[tuple[str, Cell, str]] = []
    for cells in rows:
        run_cell = None
        if 2 <= len(cells) < width and cells[-1].run and _labels(cells[:-1]):
            run_cell, cells = cells[-1], cells[:-1] + [Cell("", cells[-1].page, cells[-1].line)] * width
        labels = _split_labels([c for c in cells[:-width] if squeeze(c.text)] if len(cells) > width else _labels(cells))
        for c in labels:
            m = marker(c.text)
            if m and m[0] == "paren":
                group = _b_group(c.text, spec) if 3 <= m[1] <= 6 else None
            elif m and m[0] == "numeral":
                group = None
        if len(cells) <= width or not labels:
            continue
        leaf = labels[-1].text
        m = marker(leaf)
        key = None
        if m and m[0] == "item":
            members = [r for r in spec.rows if r.group == group] if group else [r for r in spec.rows if r.group]
            key, _ = best_match(leaf, [(r.key, r.labels) for r in members], MEMBER_MATCH)
            if key is None and group:
                key = next((r.key for r in members if r.item == m[1]), None)
        else:
            key, score = best_match(leaf, top, TOP_MATCH)
            if key and score < 0.9 and run_cell is None and not any(squeeze(c.text) for c in cells[-width:]):
                key = None  # a title or note row over empty cells, not a figure row
        if key is None:
            values = cells[-width:]
            if (
                all(is_value_text(c.text) for c in values)
                and any(squeeze(c.text) for c in values)
                and not any(similarity(leaf, h) > CLOSE_MATCH for h in spec.headers)
            ):
                out.warnings.append(f"B: row “{squeeze(leaf)}” not recognised")
            continue
        if run_cell is not None:
            runs.append((key, run_cell, leaf))
            continue
        for col, cell in zip(columns, cells[-width:], strict=False):
            out.add("B", key, col, cell)
    if runs:
        _decode_b(runs, out)
    three_row = any(f.table == "B" and spec.row(f.row).version == 2021 for f in out.figures)
    out.versions["B"] = 2021 if three_row else None


def _unspan(row: list[Cell]) -> list[Cell]:
    """The row without the positions a figure spans to its right: a value printed across
    two grid columns (Word does this mid-row) must not push the next value along. A label's
    span is kept, so that label columns stay aligned."""
    out: list[Cell] = []
    origin: Cell | None = None
    for c in row:
        if not c.spanned:
            origin = c
        elif origin is not None and is_value_text(origin.text):
            continue
        out.append(c)
    return out


def _unstack(rows: list[list[Cell]]) -> list[list[Cell]]:
    """Labels a converter stacked in one cell (`规章<br>行政规范性文件`, one per line) with
    their figures in the unlabelled rows below, in the form's order: each label goes back
    to its row. Only when the count of labels and of figure rows agree."""
    out: list[list[Cell]] = []
    i = 0
    while i < len(rows):
        row = rows[i]
        stacked = [
            (j, _stack_parts(c.text))
            for j, c in enumerate(row)
            if any(sep in c.text for sep in ("\n", "<br", " ", "\u3000")) and squeeze(c.text)
        ]
        stacked = [(j, parts) for j, parts in stacked if len(parts) >= 2]
        only_labels = all(not squeeze(c.text) or not is_value_text(c.text) for c in row)
        if len(stacked) == 1 and only_labels:
            j, parts = stacked[0]
            below = rows[i + 1 : i + 1 + len(parts)]
            if len(below) == len(parts) and all(_unlabelled_values(b, j) for b in below):
                for part, b in zip(parts, below, strict=False):
                    new = [
                        Cell(part, row[j].page, row[j].line) if k == j else (row[k] if k < j and k < len(row) else c)
                        for k, c in enumerate(b)
                    ]
                    out.append(new)
                i += 1 + len(parts)
                continue
        out.append(row)
        i += 1
    return out


def _stack_parts(text: str) -> list[str]:
    parts = [p for p in re.split(r"\n|<br\s*/?>", text) if squeeze(p)]
    if len(parts) < 2:
        parts = [p for p in re.split(r"[ \u3000]+", text.strip()) if squeeze(p)]
    if len(parts) < 2 or any(is_value_text(p) for p in parts):
        return [text]
    return parts


def _unlabelled_values(row: list[Cell], j: int) -> bool:
    """A row with no label at or after column j and some figure."""
    return (
        len(row) > j
        and all(not squeeze(c.text) for c in row[: j + 1])
        and all(is_value_text(c.text) for c in row[j + 1 :])
        and any(squeeze(c.text) for c in row[j + 1 :])
    )


def _decode_b(rows: list[tuple[str, Cell, str]], out: Extraction) -> None:
    spec = table("B")
    cols = list(spec.column_keys)
    n = len(cols)
    parts = list(range(n - 1))
    present = {k for k, _, _ in rows}
    leaves = [r.key for r in spec.rows if r.leaf]
    if any(k.startswith("other_") for k in present):
        leaves.remove("other")
    else:
        leaves = [k for k in leaves if not k.startswith("other_")]
    identities = []
    for i in range(n):
        identities.append(
            ([("new_received", i), ("carried_over", i)], [("total_processed", i), ("carried_forward", i)])
        )
        identities.append(([("total_processed", i)], [(k, i) for k in leaves]))
    out.decode(
        "B",
        [
            (digit_runs.RowRun(key, cell.text, ["count"] * n, {n - 1: parts}), cell, cols, label)
            for key, cell, label in rows
        ],
        identities,
    )


# ------------------------------------------------------------------ Table C
def extract_c(rows: list[list[Cell]], out: Extraction) -> None:
    spec = table("C")
    row_keys, col_keys = spec.row_keys, spec.column_keys
    n = len(row_keys) * len(col_keys)
    data = [cells for cells in rows if len(cells) >= n and all(is_value_text(c.text) for c in cells[-n:])]
    run_rows = [
        cells
        for cells in rows
        if 2 <= len(cells) < len(col_keys)
        and cells[-1].run
        and digit_runs.normalise(cells[-1].text)
        and _labels(cells[:-1])
    ]
    if not data and run_rows:
        w = len(col_keys)
        per_row = []
        for cells in run_rows:
            key, _ = best_match(_labels(cells[:-1])[-1].text, [(r.key, r.labels) for r in spec.rows], CLOSE_MATCH)
            per_row.append((key, cells[-1], cells[0].text))
        if len(run_rows) >= 2 and all(k for k, _, _ in per_row):
            out.decode(
                "C",
                [
                    (
                        digit_runs.RowRun(k, cell.text, ["count"] * w, {w - 1: list(range(w - 1))}),
                        cell,
                        list(col_keys),
                        label,
                    )
                    for k, cell, label in per_row
                ],
            )
        else:
            cell = run_rows[-1][-1]
            sums = {g * w + w - 1: [g * w + j for j in range(w - 1)] for g in range(len(row_keys))}
            run = digit_runs.RowRun("*", cell.text, ["count"] * n, sums)
            run.vanish = out.vanishes([run])
            if out.probe:
                return
            result = digit_runs.decode([run], [])
            blank = []
            for i in range(n):
                r, c = row_keys[i // w], col_keys[i % w]
                out.add("C", r, c, cell, value=result.values.get(("*", i)), decoded=True)
                if ("*", i) in result.unknown:
                    blank.append((r, c))
            if blank:
                out.uncertain(
                    "C",
                    blank,
                    f"表三的十五栏印作“{cell.text.strip()}”，无法确定各栏数字：{result.uncertain.get('*', '')}",
                )
        out.versions["C"] = None
        return
    if data:
        cells = data[-1][-n:]
        for i, cell in enumerate(cells):
            out.add("C", row_keys[i // len(col_keys)], col_keys[i % len(col_keys)], cell)
    else:  # one row per kind of case: label + five values
        w = len(col_keys)
        for cells in rows:
            labels = _labels(cells[:-w]) if len(cells) > w else []
            if not labels or not all(is_value_text(c.text) for c in cells[-w:]):
                continue
            key, _ = best_match(labels[-1].text, [(r.key, r.labels) for r in spec.rows], CLOSE_MATCH)
            if key:
                for col, cell in zip(col_keys, cells[-w:], strict=False):
                    out.add("C", key, col, cell)
        if "C" not in out.found:
            out.warnings.append("C: no row of figures found")
    out.versions["C"] = None


def unread(tbl: str, version: int, why: str, present: set[tuple[str, str, str]] = frozenset()) -> Check | None:
    """An uncertain check over the cells of a table that the form has and that were not
    read (all of them when the table was not found); None when every cell was read."""
    spec = table(tbl)
    if tbl == "A":
        cells = [(r, c) for r, cols in spec.layout.get(version, {}).items() for c in cols]
    else:
        rows = {a[1] for a in present if a[0] == tbl}
        three = any(r.startswith("other_") for r in rows)
        cells = [
            (r.key, c)
            for r in spec.rows
            if r.version in (None, version)
            and not (three and r.key == "other")
            and not ("other" in rows and r.key.startswith("other_"))
            for c in spec.column_keys
        ]
    cells = [(tbl, r, c) for r, c in cells if (tbl, r, c) not in present]
    if not cells:
        return None
    return Check(
        rule="read.unread",
        status="uncertain",
        cells=cells,
        printed=None,
        computed=None,
        detail=f"{spec.number}（{spec.title}）{why}",
    )


EXTRACTORS = {"A": extract_a, "B": extract_b, "C": extract_c}


def extract(tables: list[tuple[Table, str]]) -> Extraction:
    """Figures of every table in the document; fragments of one table (a table broken
    over pages) are read as one."""
    if not any(c.run for t, _ in tables for row in t.rows for c in row):
        return _extract(tables, Extraction())
    probe = _extract(tables, Extraction(probe=True))
    return _extract(tables, Extraction(vanish=probe.evident))


def _extract(tables: list[tuple[Table, str]], out: Extraction) -> Extraction:
    grouped: dict[str, list[list[Cell]]] = {}
    previous: tuple[str, str] | None = None  # (kind, section) of the last table read
    for t, section in tables:
        kind = classify(t, section)
        if kind is None and previous and previous[1] == section:
            kind = previous[0]  # a few rows carried over to the next page
        if kind:
            # a position covered by the cell to its left is not a cell of its own: a value
            # printed across two grid columns (Word does this mid-row) must not push the
            # next value along
            grouped.setdefault(kind, []).extend(_unspan(row) for row in t.rows)
            previous = (kind, section)
    for kind in ("A", "B", "C"):
        if kind in grouped:
            EXTRACTORS[kind](_unstack(grouped[kind]), out)
        else:
            out.versions[kind] = None
    return out
