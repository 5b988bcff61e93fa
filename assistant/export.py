"""Exports: every report as JSON, or every figure in long form as CSV (UTF-8 with BOM so
that Excel shows the Chinese)."""
from __future__ import annotations

import csv
import io
import json

from .checks import uncertain
from .model import Report
from .schema import cell_label

CSV_FIELDS = ["report_id", "agency", "agency_printed", "year", "format_version", "table", "row", "col",
              "label", "value", "raw", "page", "line", "source", "uncertain"]


def to_json(reports: list[Report]) -> str:
    return json.dumps({"reports": [r.to_dict() for r in reports]}, ensure_ascii=False, indent=1)


def to_csv(reports: list[Report]) -> str:
    buf = io.StringIO()
    buf.write("\ufeff")
    w = csv.DictWriter(buf, fieldnames=CSV_FIELDS, lineterminator="\n")
    w.writeheader()
    for r in reports:
        version = r.table_versions
        unsure = uncertain(r)
        for f in r.figures:
            w.writerow({"report_id": r.id, "agency": r.agency, "agency_printed": r.agency_printed,
                        "year": r.year, "format_version": r.format_version, "table": f.table,
                        "row": f.row, "col": f.col,
                        "label": cell_label(f.table, f.row, f.col, version.get(f.table) or r.format_version),
                        "value": "" if f.value is None else f.value, "raw": f.raw, "page": f.page or "",
                        "line": f.position.get("line", ""), "source": r.source,
                        "uncertain": unsure.get(f.address, "") if f.value is None else ""})
    return buf.getvalue()
