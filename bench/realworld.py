"""Real-world copies: how well the parser reads each shape real copies take.

    PYTHONPATH=. .venv/bin/python bench/realworld.py [--n 200] [--shapes a,b] [--json]

Counts every cell of the truth, blanks included, per shape (bench/realworld/shapes.py,
written without reading the parser) and for the real reports in bench/realworld/real/:
reports identified (agency and year exact), cells exact, cells blank with an uncertain
check, cells wrong (a value not the printed one, or a cell missing without an uncertain
check), the decodable ceiling (truth cells marked exact) and how many of those came out
exact, and parse time per report. The development part and the held-out fifth are
reported apart."""
from __future__ import annotations

import argparse
import json
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from assistant.agencies import canonical_name  # noqa: E402
from assistant.errors import Rejected  # noqa: E402
from assistant.parsing import parse  # noqa: E402
from assistant.readers import read_bytes  # noqa: E402

REAL = ROOT / "bench" / "realworld" / "real"


def score(data: bytes, name: str, truth: dict) -> dict:
    t0 = time.perf_counter()
    try:
        report = parse(read_bytes(data, name))
    except Rejected as e:
        report, reason = None, e.reason
    except Exception as e:                      # noqa: BLE001 - a crash is a result here
        report, reason = None, f"{type(e).__name__}: {e}"
    elapsed = time.perf_counter() - t0
    out = {"name": name, "ms": 1000 * elapsed, "exact": 0, "uncertain": 0, "wrong": 0,
           "ceiling": 0, "ceiling_exact": 0, "identified": False, "rejected": None, "wrong_cells": []}
    if report is None:
        out["rejected"] = reason
    else:
        want = truth.get("agency")
        out["identified"] = report.year == truth.get("year") and want is not None and (
            report.agency_printed == want or report.agency == canonical_name(want))
        out["agency"] = report.agency_printed
    if truth.get("sections") and report is not None:
        want = sorted({k.split(".")[0] for k in truth["sections"] if k != "preamble"})
        out["sections_ok"] = sorted({sec.key.split(".")[0] for sec in report.sections if sec.key != "preamble"}) == want
    if truth.get("image_tables") is not None and report is not None:
        named = {a[0] for c in report.checks if c.rule == "read.unread" and "图片" in c.detail for a in c.cells[:1]}
        out["images_named"] = named == set(truth["image_tables"])
    flagged = set()
    if report is not None:
        flagged = {tuple(a) for c in report.checks if c.status == "uncertain" for a in c.cells}
    for cell in truth["cells"]:
        addr = (cell["table"], cell["row"], cell["col"])
        f = report.figure(*addr) if report is not None else None
        got = f.value if f is not None else None
        expected = cell["value"]
        ceiling = cell.get("expect", "exact") == "exact"
        out["ceiling"] += ceiling
        same = (got is None and expected is None) or (
            got is not None and expected is not None and abs(float(got) - float(expected)) < 1e-6)
        if same and (expected is not None or addr not in flagged):
            out["exact"] += 1
            out["ceiling_exact"] += ceiling
        elif got is None and addr in flagged:
            out["uncertain"] += 1
        else:
            out["wrong"] += 1
            out["wrong_cells"].append([*addr, expected, got, f.raw if f is not None else None])
    return out


def decode_ms(data: bytes, name: str) -> float | None:
    """Time to find and decode the tables of a read document (rows in running text,
    digit runs), without reading the file or naming the agency."""
    from assistant.parsing import flow, inline, sections, tables
    try:
        doc = read_bytes(data, name)
    except Rejected:
        return None
    t0 = time.perf_counter()
    blocks = flow.split_inline(inline.recover(doc.blocks))
    tables.extract(sections.split(blocks, set()).table_sections)
    return 1000 * (time.perf_counter() - t0)


def summarise(rows: list[dict]) -> dict:
    cells = sum(r["exact"] + r["uncertain"] + r["wrong"] for r in rows)
    ms = sorted(r["ms"] for r in rows)
    ceiling = sum(r["ceiling"] for r in rows)
    return {
        "reports": len(rows),
        "identified": sum(r["identified"] for r in rows),
        "rejected": sum(1 for r in rows if r["rejected"]),
        "misnamed": sum(1 for r in rows if not r["rejected"] and not r["identified"]),
        "cells": cells,
        "exact": sum(r["exact"] for r in rows),
        "uncertain": sum(r["uncertain"] for r in rows),
        "wrong": sum(r["wrong"] for r in rows),
        "exact_pct": round(100 * sum(r["exact"] for r in rows) / cells, 2) if cells else None,
        "ceiling": ceiling,
        "ceiling_exact_pct": round(100 * sum(r["ceiling_exact"] for r in rows) / ceiling, 2) if ceiling else None,
        "images_named": sum(1 for r in rows if r.get("images_named")),
        "sections_ok": sum(1 for r in rows if r.get("sections_ok")),
        "decode_ms_p95": _p95([r["decode_ms"] for r in rows if r.get("decode_ms") is not None]),
        "ms_p50": round(ms[len(ms) // 2], 1) if ms else None,
        "ms_p95": round(ms[min(len(ms) - 1, int(0.95 * len(ms)))], 1) if ms else None,
    }


def _p95(values: list[float]) -> float | None:
    values = sorted(values)
    return round(values[min(len(values) - 1, int(0.95 * len(values)))], 1) if values else None


def real_reports() -> list[tuple[str, bytes, dict]]:
    out = []
    for t in sorted(REAL.glob("*.truth.json")):
        truth = json.loads(t.read_text("utf-8"))
        path = REAL / truth["name"]
        if path.exists():
            out.append((truth["name"], path.read_bytes(), truth))
    return out


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--n", type=int, default=200, help="reports per shape")
    ap.add_argument("--seed", type=int, default=0)
    ap.add_argument("--shapes", default="", help="comma-separated shapes (default: all)")
    ap.add_argument("--json", action="store_true")
    ap.add_argument("--wrong", type=int, default=0, help="print this many wrong cells per shape")
    args = ap.parse_args(argv)
    from bench.realworld.shapes import SHAPES, make
    shapes = [s for s in args.shapes.split(",") if s] or list(SHAPES)
    for name, data, truth in real_reports()[:1]:
        score(data, name, truth)                # warm-up: imports and caches are not a report's time
    result = {}
    for shape in shapes:
        samples = make(shape, n=args.n, seed=args.seed)
        rows = {False: [], True: []}
        for s in samples:
            first = decode_ms(s.data, s.name)      # before the parse, so this file's runs are not cached
            row = score(s.data, s.name, s.truth)
            row["decode_ms"] = first
            rows[s.heldout].append(row)
        result[shape] = {"dev": summarise(rows[False]), "heldout": summarise(rows[True])}
        if args.wrong:
            bad = [(r["name"], c) for r in rows[False] + rows[True] for c in r["wrong_cells"]]
            rej = [(r["name"], r["rejected"]) for r in rows[False] + rows[True] if r["rejected"]]
            result[shape]["wrong_sample"] = bad[: args.wrong]
            result[shape]["rejected_sample"] = rej[: args.wrong]
    real = [score(data, name, truth) for name, data, truth in real_reports()]
    if real:
        result["real"] = {"all": summarise(real), "reports": [
            {k: r[k] for k in ("name", "identified", "rejected", "exact", "uncertain", "wrong")} for r in real]}
    if args.json:
        print(json.dumps(result, ensure_ascii=False, indent=1))
        return 0
    head = f"{'shape':<14} {'part':<8} {'reports':>7} {'ident':>6} {'cells':>7} {'exact%':>7} " \
           f"{'uncert':>7} {'wrong':>6} {'ceil%':>6} {'p50ms':>7} {'p95ms':>7}"
    print(head)
    for shape, parts in result.items():
        for part, s in parts.items():
            if not isinstance(s, dict) or "cells" not in s:
                continue
            print(f"{shape:<14} {part:<8} {s['reports']:>7} {s['identified']:>6} {s['cells']:>7} "
                  f"{s['exact_pct']!s:>7} {s['uncertain']:>7} {s['wrong']:>6} {s['ceiling_exact_pct']!s:>6} "
                  f"{s['ms_p50']!s:>7} {s['ms_p95']!s:>7}  rejected {s['rejected']} misnamed {s['misnamed']}"
                  + f"  decode p95 {s['decode_ms_p95']}ms  sections {s['sections_ok']}/{s['reports']}"
                  + (f"   images named {s['images_named']}/{s['reports']}" if shape == "image_tables" else ""))
        for w in parts.get("wrong_sample", []):
            print("   wrong:", w)
        for w in parts.get("rejected_sample", []):
            print("   rejected:", w)
    if real:
        for r in result["real"]["reports"]:
            print("  real", r)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
