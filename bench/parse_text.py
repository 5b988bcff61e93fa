"""Parse throughput and peak memory for text copies (the seeds, read and parsed repeatedly,
nothing stored), and ingest throughput into a fresh store.

    .venv/bin/python bench/parse_text.py [--rounds N]
"""
from __future__ import annotations

import argparse
import resource
import shutil
import tempfile
import time
from pathlib import Path

from assistant import ingest, open_store
from assistant.parsing import parse
from assistant.readers import read_bytes

ROOT = Path(__file__).resolve().parent.parent


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--rounds", type=int, default=200)
    args = ap.parse_args()
    files = sorted((ROOT / "corpus").glob("*.txt"))
    blobs = [(f.name, f.read_bytes()) for f in files]
    parse(read_bytes(*blobs[0][::-1]))          # warm up: division list, schema
    t = time.perf_counter()
    for _ in range(args.rounds):
        for name, data in blobs:
            parse(read_bytes(data, name))
    n = args.rounds * len(blobs)
    dt = time.perf_counter() - t
    print(f"parse (txt): {n} reports in {dt:.2f} s = {n / dt:.0f} reports/s, {1000 * dt / n:.2f} ms/report")

    tmp = Path(tempfile.mkdtemp())
    try:
        src = tmp / "src"
        src.mkdir()
        for i in range(args.rounds // 4):
            for name, data in blobs:      # distinct bytes and agencies so that every file is stored
                text = data.decode("utf-8").replace("总工会", f"总工会第{i}分会")
                (src / f"{i}_{name}").write_text(text, "utf-8")
        with open_store(tmp / "index") as store:
            t = time.perf_counter()
            outcomes = ingest(store, [src])
            dt = time.perf_counter() - t
        stored = sum(o.status == "ingested" for o in outcomes)
        print(
            f"ingest (txt → SQLite): {stored}/{len(outcomes)} stored in {dt:.2f} s = {len(outcomes) / dt:.0f} files/s"
        )
    finally:
        shutil.rmtree(tmp)
    print(f"peak memory (max RSS): {resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024:.0f} MB")


if __name__ == "__main__":
    main()
