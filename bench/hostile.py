"""The full-size hostile probes of issue 13, each ingested by the CLI (`ingest --no-index`,
parsing in the parse worker) in a fresh process: outcome, seconds and peak memory (the
largest of the CLI process and its parse worker); then what an upload of each adds to the
app's process (ingest in-process, parse in the worker); then the two-ingest race at the
index switch, forced by the pause hook, N times.

    PYTHONPATH=. .venv/bin/python bench/hostile.py [--races 10] [--skip-race]

Before (the code of issue 13's report): gridSpan 50,000,000 .docx 55 s / 6.35 GB, ingested;
1 GiB document.xml 2.1 GB; 143 KB colspan=1000 HTML 713 MB; 50 MB HTML table 64 s / 2.3 GB;
10,000-page PDF 121 s to parse, then hours of embedding; 20-digit cell: a traceback that
stopped the batch; the race: a broken index for good."""
from __future__ import annotations

import argparse
import io
import json
import os
import subprocess
import sys
import tempfile
import time
import zipfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "tests"))

W = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"'
RELS = ('<?xml version="1.0"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
        '<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/'
        'officeDocument" Target="word/document.xml"/></Relationships>')


def docx(document: bytes, rels: bytes = RELS.encode()) -> bytes:
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED, compresslevel=9) as z:
        z.writestr("[Content_Types].xml", '<?xml version="1.0"?><Types/>')
        z.writestr("_rels/.rels", rels)
        z.writestr("word/document.xml", document)
    return out.getvalue()


def body(inner: str, pad: int = 0) -> bytes:
    return (f'<?xml version="1.0"?><w:document {W}><w:body>{inner}'.encode() + b" " * pad
            + b"</w:body></w:document>")


def probes(tmp: Path) -> dict[str, Path]:
    import pypdf

    from assistant.generator import generate, render
    made = {}

    def put(name, data):
        (tmp / name).write_bytes(data)
        made[name] = tmp / name
    cell = '<w:tc><w:tcPr><w:gridSpan w:val="50000000"/></w:tcPr><w:p><w:r><w:t>1</w:t></w:r></w:p></w:tc>'
    put("gridspan.docx", docx(body(f"<w:tbl><w:tr>{cell}</w:tr></w:tbl>" + "<w:p/>" * 4000)))
    put("document-1GiB.docx", docx(body("", pad=2**30)))
    put("rels-1GiB.docx", docx(body(""), rels=RELS.encode() + b" " * 2**30))
    row = "<tr>" + '<td colspan="1000">1</td>' * 5 + "</tr>"
    put("colspan.html", f'<html><meta charset="utf-8"><body><table>{row * 1000}</table></body></html>'.encode())
    row = "<tr>" + "<td>1</td>" * 10 + "</tr>"
    for mb in (50, 49, 19):            # the issue's; just under the file limit; just under the HTML limit
        n = (mb * 2**20 - 200) // len(row)
        put(f"table-{mb}MB.html", f'<html><meta charset="utf-8"><body><table>{row * n}</table></body></html>'.encode())
    para = "<w:p><w:r><w:t>公开</w:t></w:r></w:p>"
    put("document-31MB.docx", docx(body(para * (31 * 2**20 // len(para.encode())))))   # under the part limit
    one = pypdf.PdfReader(io.BytesIO(render(next(generate(1, seed=3)), "pdf")))
    writer = pypdf.PdfWriter()
    for i in range(10_000):
        writer.add_page(one.pages[i % len(one.pages)])
    out = io.BytesIO()
    writer.write(out)
    put("pages-10000.pdf", out.getvalue())
    seed = (ROOT / "corpus" / "003_95e22c96a2fd2793.txt").read_text("utf-8").split("\n")
    k = next(i for i, ln in enumerate(seed) if "本年新收" in ln) + 1
    while not seed[k].strip().isdigit():
        k += 1
    seed[k] = "\t12345678901234567890"
    put("cell-20-digits.txt", "\n".join(seed).encode("utf-8"))
    return made


def largest_real() -> None:
    """The real reports at hand measured against the limits: each limit's largest real value."""
    import resource

    from assistant.parsing import parse
    from assistant.readers import read_bytes
    from assistant.retrieval.chunks import chunks_of
    paths = (
        sorted((ROOT.parent / "shared" / "reports").glob("*.pdf"))
        + sorted((ROOT / "corpus").glob("*.txt"))
        + sorted((ROOT / "bench" / "realworld" / "real").glob("*.txt"))
        + sorted((ROOT / "bench" / "realworld" / "real").glob("*.js"))
    )
    most = {"bytes": 0, "pages": 0, "table cells": 0, "file cells": 0, "characters": 0, "chunks": 0, "seconds": 0.0}
    for path in paths:
        data = path.read_bytes()
        t = time.perf_counter()
        doc = read_bytes(data, path.name)
        report = parse(doc)
        report.id = "x"
        secs = time.perf_counter() - t
        cells = [sum(len(r) for r in tb.rows) for tb in doc.tables]
        chars = sum(len(getattr(b, "text", "") or "") for b in doc.blocks if not hasattr(b, "rows")) + sum(
            len(c.text) for tb in doc.tables for r in tb.rows for c in r
        )
        for k, v in (
            ("bytes", len(data)),
            ("pages", doc.pages or 0),
            ("table cells", max(cells, default=0)),
            ("file cells", sum(cells)),
            ("characters", chars),
            ("chunks", len(chunks_of(report))),
            ("seconds", secs),
        ):
            most[k] = max(most[k], v)
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(
        f"largest of {len(paths)} real reports: "
        + ", ".join(f"{k} {v:,.2f}" if isinstance(v, float) else f"{k} {v:,}" for k, v in most.items())
        + f"; peak memory of parsing them all in one process {peak:.0f} MB\n"
    )


def run_cli(path: Path, index: Path) -> dict:
    code = (
        "import resource, subprocess, sys, time, json\n"
        "t = time.perf_counter()\n"
        f"p = subprocess.run([sys.executable, '-m', 'assistant', '--index', {str(index)!r}, 'ingest', {str(path)!r},"
        " '--no-index', '--json'], capture_output=True, text=True)\n"
        "print(json.dumps({'seconds': time.perf_counter() - t, 'peak_mb': "
        "resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024, 'out': p.stdout}))"
    )
    r = subprocess.run(
        [sys.executable, "-c", code],
        capture_output=True,
        text=True,
        cwd=ROOT,
        env={**os.environ, "PYTHONPATH": str(ROOT), "HF_HUB_OFFLINE": "1"},
    )
    res = json.loads(r.stdout.strip().splitlines()[-1])
    line = json.loads(res["out"].strip().splitlines()[-1]) if res["out"].strip() else {"message": r.stderr[-200:]}
    return {"seconds": res["seconds"], "peak_mb": res["peak_mb"], "message": line.get("message", "")}


def app_growth(files: dict[str, Path], index: Path) -> dict[str, float]:
    """What one upload of each file adds to this process's peak RSS (the app's ingest path)."""
    from assistant import add, open_store

    store = open_store(index)
    out = {}
    for name, path in files.items():
        data = path.read_bytes()
        if len(data) > 50 * 2**20:  # the app's uploader refuses these before they arrive
            out[name] = float("nan")
            continue
        base = _rss()
        Path("/proc/self/clear_refs").write_text("5")
        add(store, [(name, data)], replace=False, index=False)
        out[name] = (_peak() - base) / 1024
        del data
    store.close()
    return out


def _status(field: str) -> int:
    for line in Path("/proc/self/status").read_text().splitlines():
        if line.startswith(field + ":"):
            return int(line.split()[1])
    return 0


def _rss() -> int:
    return _status("VmRSS")


def _peak() -> int:
    return _status("VmHWM")


def race(tmp: Path) -> bool:
    import sample_md

    from assistant import add, index_state, open_store, search

    index = tmp / "index"
    store = open_store(index)
    add(store, [ROOT / "corpus" / "000_61abdafddeb89399.txt"])
    hook = tmp / "hook"
    hook.mkdir()
    third = tmp / "third.md"
    third.write_text(sample_md.TEXT, "utf-8")
    env = {**os.environ, "HF_HUB_OFFLINE": "1", "PYTHONPATH": str(ROOT)}

    def ingest(path, extra=None):
        return subprocess.Popen(
            [sys.executable, "-m", "assistant", "--index", str(index), "ingest", str(path)],
            cwd=ROOT,
            env={**env, **(extra or {})},
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
        )

    a = ingest(ROOT / "corpus" / "003_95e22c96a2fd2793.txt", {"XXGK_TEST_SWITCH_HOOK": str(hook)})
    while not any(hook.glob("paused.*")) and a.poll() is None:
        time.sleep(0.1)
    b = ingest(third)
    time.sleep(3)
    (hook / "go").touch()
    a.wait()
    b.wait()
    try:
        ok = (
            index_state(store) == "ok"
            and len(search("改进措施", k=20, index=index)) > 0
            and len(store.report_ids()) == 3
        )
    except Exception:
        ok = False
    store.close()
    return ok


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--races", type=int, default=10)
    ap.add_argument("--skip-race", action="store_true")
    args = ap.parse_args()
    largest_real()
    with tempfile.TemporaryDirectory() as t:
        tmp = Path(t)
        files = probes(tmp)
        print(f"{'probe':22} {'size':>9} {'seconds':>8} {'peak MB':>8}  outcome")
        for name, path in files.items():
            r = run_cli(path, tmp / f"ix-{name}")
            size = path.stat().st_size
            print(f"{name:22} {size / 1024:8.0f}K {r['seconds']:8.2f} {r['peak_mb']:8.0f}  {r['message'][:110]}")
        growth = app_growth(files, tmp / "ix-app")
        print("\nupload through the app's path: growth of the app process (MB)")
        for name, mb in growth.items():
            print(f"  {name:22} {'refused by the uploader (> 50 MB)' if mb != mb else f'{mb:.0f}'}")
        if not args.skip_race:
            ok = sum(race(tmp / f"race-{i}") for i in range(args.races))
            print(f"\ntwo ingests at the index switch: working index in {ok} of {args.races} runs")


if __name__ == "__main__":
    main()
