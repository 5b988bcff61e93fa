"""A report's tables laid out as a person reads them (blocks of rows and columns in the
report's own format version), as data for any front end and as plain text for the CLI."""
from __future__ import annotations

import unicodedata
from dataclasses import dataclass, field

from .checks import failed, flagged_cells, uncertain
from .formatting import check_sentence
from .model import Figure, Report
from .schema import table


@dataclass
class GridRow:
    label: str
    key: str | None                      # None for a header row (（三）不予公开 …)
    cells: dict[str, Figure | None] = field(default_factory=dict)
    depth: int = 0


@dataclass
class GridBlock:
    title: str | None
    columns: list[tuple[str, str]]       # (key, label)
    rows: list[GridRow]


def grid(report: Report, tbl: str) -> list[GridBlock]:
    spec = table(tbl)
    figs = {(f.row, f.col): f for f in report.figures if f.table == tbl}
    rows_present = [r for r in spec.rows if any(k[0] == r.key for k in figs)]
    if not rows_present:
        return []
    version = report.table_versions.get(tbl) or report.format_version
    if tbl == "A":
        blocks: list[GridBlock] = []
        for r in rows_present:
            cols = [c for c in spec.layout.get(version, {}).get(r.key, ())]
            cols += [c for (row, c) in figs if row == r.key and c not in cols]
            block = next((b for b in blocks if b.title == r.block), None)
            if block is None:
                block = GridBlock(r.block, [], [])
                blocks.append(block)
            for c in cols:
                if c not in [k for k, _ in block.columns]:
                    block.columns.append((c, spec.column_label(c, version)))
            block.rows.append(GridRow(r.label(version), r.key, {c: figs.get((r.key, c)) for c in cols}))
        return blocks
    columns = [(c, spec.column_label(c)) for c in spec.column_keys]
    rows: list[GridRow] = []
    seen_groups = set()
    for r in rows_present:
        if r.group and r.group not in seen_groups:
            seen_groups.add(r.group)
            rows.append(GridRow(spec.groups[r.group][0], None, depth=0))
        rows.append(GridRow(r.labels[0], r.key, {c: figs.get((r.key, c)) for c, _ in columns},
                            depth=1 if r.group else 0))
    return [GridBlock(None, columns, rows)]


def _width(s: str) -> int:
    return sum(2 if unicodedata.east_asian_width(ch) in "WF" else 1 for ch in s)


def _pad(s: str, width: int, right: bool = False) -> str:
    gap = " " * max(0, width - _width(s))
    return gap + s if right else s + gap


def _cell(f: Figure | None, flagged: set, unsure: dict) -> str:
    if f is None:
        return ""
    if f.value is None and f.address in unsure:
        return "?"
    shown = "·" if f.value is None else (f"{f.value:g}" if isinstance(f.value, float) else str(f.value))
    return shown + (" ⚠" if f.address in flagged else "")


def render_text(report: Report) -> str:
    flagged = flagged_cells(report)
    unsure = uncertain(report)
    out = [f"{report.agency} {report.year}年  (printed: {report.agency_printed}; report {report.id}; "
           f"{report.format_version} format; {report.source or ''})"]
    if report.published:
        out.append(f"published {report.published}")
    for tbl in ("A", "B", "C"):
        blocks = grid(report, tbl)
        out.append("")
        out.append(f"{table(tbl).number} {table(tbl).title}" + ("" if blocks else ": not found in this report"))
        for b in blocks:
            label_w = min(44, max(_width(r.label) + 2 * r.depth for r in b.rows) + 2)
            col_w = [max(_width(lbl), 6) + 2 for _, lbl in b.columns]
            if b.title:
                out.append(f"  {b.title}")
            out.append(
                "  "
                + _pad("", label_w)
                + "".join(_pad(lbl, w, True) for (_, lbl), w in zip(b.columns, col_w, strict=False))
            )
            for r in b.rows:
                label = "  " * r.depth + r.label
                if _width(label) > label_w:
                    while _width(label) > label_w - 1:
                        label = label[:-1]
                    label += "…"
                line = "  " + _pad(label, label_w)
                if r.key:
                    line += "".join(
                        _pad(_cell(r.cells.get(c), flagged, unsure), w, True)
                        for (c, _), w in zip(b.columns, col_w, strict=False)
                    )
                out.append(line)
    out.append("")
    out.append(
        "· blank in the report (not reported)   ? not read with certainty (left blank)   ⚠ a check on this cell failed"
    )
    notes = [c for c in report.checks if c.status == "uncertain"]
    if notes:
        out.append(f"\nNot read with certainty ({len(unsure)} cells, left blank):")
        out.extend(f"  ? {c.detail}" for c in notes)
    bad = failed(report)
    if bad:
        out.append(f"\nFailed checks ({len(bad)}):")
        out.extend(f"  ⚠ {check_sentence(c)}" for c in bad)
    else:
        n_ok = sum(1 for c in report.checks if c.status == "ok")
        out.append(f"\nChecks: {n_ok} ok, none failed, {len(report.checks) - n_ok} skipped (blank inputs)")
    return "\n".join(out)


def as_json(report: Report) -> dict:
    """The three tables as nested {table: {row: {col: {value, raw, page}}}} with checks."""
    tables: dict = {}
    for f in report.figures:
        tables.setdefault(f.table, {}).setdefault(f.row, {})[f.col] = {"value": f.value, "raw": f.raw, "page": f.page}
    return {
        "id": report.id,
        "agency": report.agency,
        "agency_printed": report.agency_printed,
        "year": report.year,
        "format_version": report.format_version,
        "tables": tables,
        "failed_checks": [c.to_dict() for c in failed(report)],
        "uncertain": [c.to_dict() for c in report.checks if c.status == "uncertain"],
    }
