"""Generated reports with known figures, in every format the readers take.

Search, answer and scale benchmarks need large corpora, and round-trip tests need reports
whose every printed cell is known. `generate(n, seed)` yields reports (both format
versions, years 2019–2025, agencies across regions and kinds, blanks, one- and three-row
（六）, some contradicting themselves); `render(report, fmt)` prints one as txt, html, docx
or pdf; `truth(report)` is what was printed, as plain data."""
from __future__ import annotations

from pathlib import Path

from .render import to_html, to_text
from .report import FORMATS, GeneratedReport, generate


def render(report: GeneratedReport, fmt: str) -> bytes:
    if fmt == "txt":
        return to_text(report)
    if fmt == "html":
        return to_html(report)
    if fmt == "docx":
        from .render_docx import to_docx
        return to_docx(report)
    if fmt == "pdf":
        from .render_pdf import to_pdf
        return to_pdf(report)
    raise ValueError(f"unknown format {fmt!r} (one of {', '.join(FORMATS)})")


def truth(report: GeneratedReport) -> dict:
    """What the generator printed: metadata, every cell's raw text and value, the expected
    failed checks and the section keys — JSON-ready."""
    return {
        "file": report.stem, "agency": report.agency, "year": report.year,
        "format_version": report.version, "published": report.published,
        "other_rows": report.figures.other_rows,
        "cells": [{"table": t, "row": r, "col": c, "raw": p.raw, "value": p.value}
                  for (t, r, c), p in report.figures.cells.items()],
        "expected_failures": sorted([rule, *addr] for rule, addr in report.expected_failures()),
        "breaks": report.figures.breaks,
        "stated_received": report.stated_received,
        "sections": [s.key for s in report.sections],
    }


def write(out: Path, n: int, formats=FORMATS, seed: int = 0, contradictory: float = 0.15,
          progress: bool = False) -> list[dict]:
    """Write `n` generated reports in each of `formats` under `out/<fmt>/`, and
    `out/truth.json`. Returns the truth records."""
    import json

    from tqdm import tqdm

    out = Path(out)
    for fmt in formats:
        (out / fmt).mkdir(parents=True, exist_ok=True)
    records = []
    reports = generate(n, seed, contradictory)
    for report in tqdm(reports, total=n, desc="generate", unit="report", disable=not progress):
        for fmt in formats:
            (out / fmt / f"{report.stem}.{fmt}").write_bytes(render(report, fmt))
        records.append(truth(report))
    (out / "truth.json").write_text(json.dumps(records, ensure_ascii=False, indent=1), "utf-8")
    return records


__all__ = ["FORMATS", "GeneratedReport", "generate", "render", "truth", "write"]
