"""The lexical index at scale (issue 15): BM25 over 1M chunks, whole against yearly shards.

    PYTHONPATH=. .venv/bin/python bench/lexical.py [--chunks 1000000]

Chunk texts are the question corpus's real chunks (bench/.questions-index; else generated
reports), repeated with the agency name varied, spread over seven years. Prints the build
time and memory of one whole index and of the yearly shards, the time of an update that
changes one year (the shards of the other six linked, not rebuilt), and query p50/p95 over
all chunks and filtered to one year."""
from __future__ import annotations

import argparse
import resource
import sys
import tempfile
import time
from pathlib import Path

import numpy as np

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
YEARS = [str(y) for y in range(2019, 2026)]
QUERIES = ["行政复议 纠错", "依申请公开 办理", "存在的主要问题 改进", "主动公开 政策解读", "收取费用 信息处理费",
           "政府信息公开平台建设", "人员培训", "行政诉讼 败诉", "年度报告 工作要点", "政务新媒体"]


def _texts(n: int) -> list[str]:
    from assistant.retrieval.chunks import chunks_of
    from assistant.store import Store
    base = []
    store_dir = ROOT / "bench" / ".questions-index"
    if (store_dir / "store.sqlite").exists():
        with Store(store_dir) as store:
            base = [(c.agency, c.lexical) for r in store.reports() for c in chunks_of(r)]
    else:
        from assistant.generator import generate, render
        from assistant.parsing import parse
        from assistant.readers import read_bytes
        for r in generate(300, seed=2):
            rep = parse(read_bytes(render(r, "txt"), "x.txt"))
            rep.id = r.stem
            base += [(c.agency, c.lexical) for c in chunks_of(rep)]
    return [t.replace(a, f"{a}{i // len(base):06d}") if a else t for i in range(n) for a, t in [base[i % len(base)]]]


def _ms(ts):
    ts = sorted(ts)
    return 1000 * ts[len(ts) // 2], 1000 * ts[int(0.95 * len(ts))]


def main() -> None:
    from assistant.retrieval.lexical import Lexical, Sharded
    ap = argparse.ArgumentParser()
    ap.add_argument("--chunks", type=int, default=1_000_000)
    args = ap.parse_args()
    t0 = time.perf_counter()
    texts = _texts(args.chunks)
    keys = [YEARS[i * len(YEARS) // len(texts)] for i in range(len(texts))]
    print(f"{len(texts):,} chunk texts made in {time.perf_counter() - t0:.0f} s", flush=True)
    with tempfile.TemporaryDirectory() as t:
        tmp = Path(t)
        t0 = time.perf_counter()
        Lexical.build(texts).save(tmp / "whole")
        print(f"one whole BM25 index: built and saved in {time.perf_counter() - t0:.0f} s "
              f"(peak RSS so far {resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 2**20:.1f} GiB)", flush=True)
        t0 = time.perf_counter()
        Sharded.write(tmp / "g1", keys, texts)
        print(f"seven yearly shards: built and saved in {time.perf_counter() - t0:.0f} s", flush=True)
        changed = list(texts)
        last = keys.index(YEARS[-1])
        changed[last] = changed[last] + " 补充"             # one chunk of the last year changes
        t0 = time.perf_counter()
        done = Sharded.write(tmp / "g2", keys, changed, previous=tmp / "g1")
        print(f"update with one year changed: {time.perf_counter() - t0:.0f} s ({done})", flush=True)
        t0 = time.perf_counter()
        index = Sharded.load(tmp / "g2", keys)
        print(f"loaded in {time.perf_counter() - t0:.1f} s", flush=True)
        one = np.array([k == YEARS[3] for k in keys])
        for name, allowed in (("all chunks", None), ("one year", one)):
            ts = []
            for _ in range(5):
                for q in QUERIES:
                    t1 = time.perf_counter()
                    s = index.scores(q, allowed)
                    np.argpartition(-s, 50)[:50]
                    ts.append(time.perf_counter() - t1)
            p50, p95 = _ms(ts)
            print(f"query over {name:10}: p50 {p50:6.1f} ms, p95 {p95:6.1f} ms", flush=True)
        print(f"peak RSS {resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 2**20:.1f} GiB")


if __name__ == "__main__":
    main()
