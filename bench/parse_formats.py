"""Parse throughput and peak memory per format on a generated corpus, with pypdf's own text
extraction of the same PDFs timed beside ours — and how many cells came back exactly.

    .venv/bin/python bench/parse_formats.py [--n 1000] [--corpus DIR] [--formats txt,html,docx,pdf]

The corpus (N reports in each format, with truth.json) is generated once into --corpus
(default: bench/.corpus-<n>-v<generator version>, git-ignored) and reused. Each format is parsed in its own
process so its peak memory is its own: "RSS ready" is the process after imports and one
parse, "max RSS" its peak over the whole run (files read one at a time, results kept).
Real PDFs are timed the same way when ../shared/reports is present."""
from __future__ import annotations

import argparse
import io
import json
import resource
import statistics
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))


def worker(fmt: str, corpus: Path) -> dict:
    from assistant.parsing import parse
    from assistant.readers import read_bytes

    files = sorted((corpus / fmt).glob(f"*.{fmt}"))
    parse(read_bytes(files[0].read_bytes(), files[0].name))      # imports and caches warm
    rss_ready = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    ours, theirs, sizes, rejected = [], [], [], 0
    parsed: dict[str, dict] = {}
    for f in files:
        data = f.read_bytes()                                  # one file in memory at a time
        sizes.append(len(data))
        t0 = time.perf_counter()
        try:
            report = parse(read_bytes(data, f.name))
        except Exception as e:                                 # counted, not fatal
            rejected += 1
            print(f"{f.name}: {e}", file=sys.stderr)
            continue
        ours.append(time.perf_counter() - t0)
        parsed[f.stem] = {(x.table, x.row, x.col): x.value for x in report.figures}
        if fmt == "pdf":
            import pypdf
            t0 = time.perf_counter()
            for page in pypdf.PdfReader(io.BytesIO(data)).pages:
                page.extract_text()
            theirs.append(time.perf_counter() - t0)
    rss_peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    cells = wrong = 0
    for t in json.loads((corpus / "truth.json").read_text("utf-8")):
        got = parsed.get(t["file"])
        if got is None:
            continue
        for c in t["cells"]:
            cells += 1
            wrong += got.get((c["table"], c["row"], c["col"]), "missing") != c["value"]
    out = {"format": fmt, "reports": len(files), "rejected": rejected, "seconds": sum(ours),
           "per_second": len(ours) / sum(ours), "ms_median": 1000 * statistics.median(ours),
           "ms_p95": 1000 * sorted(ours)[int(0.95 * len(ours))],
           "cells": cells, "cells_wrong": wrong, "bytes_mean": sum(sizes) / len(sizes),
           "rss_ready_mb": rss_ready, "max_rss_mb": rss_peak}
    if theirs:
        ratios = [a / b for a, b in zip(ours, theirs, strict=False)]
        out.update(pypdf_seconds=sum(theirs), pypdf_per_second=len(theirs) / sum(theirs),
                   ratio_total=sum(ours) / sum(theirs), ratio_median=statistics.median(ratios),
                   ratio_p95=sorted(ratios)[int(0.95 * len(ratios))],
                   within_2_5=sum(r <= 2.5 for r in ratios) / len(ratios))
    return out


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--n", type=int, default=1000)
    ap.add_argument("--corpus", type=Path)
    ap.add_argument("--formats", default="txt,html,docx,pdf")
    ap.add_argument("--worker", help=argparse.SUPPRESS)
    args = ap.parse_args()
    from assistant.generator.report import VERSION
    corpus = args.corpus or ROOT / "bench" / f".corpus-{args.n}-v{VERSION}"
    if args.worker:
        print(json.dumps(worker(args.worker, corpus)))
        return
    formats = args.formats.split(",")
    if not (corpus / "truth.json").exists() or any(
            len(list((corpus / f).glob(f"*.{f}"))) < args.n for f in formats if (corpus / f).exists()):
        from assistant.generator import FORMATS, write
        t0 = time.perf_counter()
        write(corpus, args.n, FORMATS, seed=0, progress=True)
        print(f"generated {args.n} reports × {len(FORMATS)} formats in {time.perf_counter() - t0:.0f} s → {corpus}")
    print(f"corpus: {corpus} ({args.n} generated reports per format, both format versions, 2019–2025)")
    print(f"{'format':6} {'reports/s':>9} {'ms med':>7} {'ms p95':>7} {'RSS ready':>9} {'max RSS':>8} "
          f"{'cells exact':>16} {'KB/file':>8}")
    results = []
    for fmt in formats:
        run = subprocess.run([sys.executable, __file__, "--worker", fmt, "--corpus", str(corpus), "--n", str(args.n)],
                             capture_output=True, text=True, check=True)
        r = json.loads(run.stdout.strip().splitlines()[-1])
        results.append(r)
        exact = f"{r['cells'] - r['cells_wrong']}/{r['cells']}"
        print(f"{fmt:6} {r['per_second']:9.1f} {r['ms_median']:7.1f} {r['ms_p95']:7.1f} "
              f"{r['rss_ready_mb']:7.0f}MB {r['max_rss_mb']:6.0f}MB {exact:>16} {r['bytes_mean'] / 1024:8.1f}"
              + (f"  ({r['rejected']} rejected)" if r["rejected"] else ""))
    for r in results:
        if "ratio_total" in r:
            print(f"\npdf: pypdf text extraction alone {r['pypdf_per_second']:.1f} files/s; our read+parse / pypdf: "
                  f"total {r['ratio_total']:.2f}×, median {r['ratio_median']:.2f}×, p95 {r['ratio_p95']:.2f}×, "
                  f"{100 * r['within_2_5']:.0f}% of files within 2.5×")
    real = sorted((ROOT.parent / "shared" / "reports").glob("*.pdf"))
    if real and "pdf" in formats:
        import pypdf

        from assistant.parsing import parse
        from assistant.readers import read_bytes
        for path in real:
            data = path.read_bytes()
            parse(read_bytes(data, path.name))
            ours, theirs = [], []
            for _ in range(5):
                t0 = time.perf_counter()
                parse(read_bytes(data, path.name))
                ours.append(time.perf_counter() - t0)
                t0 = time.perf_counter()
                for page in pypdf.PdfReader(io.BytesIO(data)).pages:
                    page.extract_text()
                theirs.append(time.perf_counter() - t0)
            print(f"real {path.name}: ours {1000 * min(ours):.0f} ms, pypdf {1000 * min(theirs):.0f} ms, "
                  f"{min(ours) / min(theirs):.2f}× (best of 5)")
    print("\n" + json.dumps(results))


if __name__ == "__main__":
    main()
