"""Search performance: embedding throughput on real chunks, index build time and size on
disk, query latency p50/p95 at 10k and 100k chunks, cold start, peak memory.

    .venv/bin/python bench/search_perf.py [--reports 250] [--sizes 10000,100000]

Real chunks come from generated reports ingested into bench/.search-perf/ (git-ignored;
its embedding cache makes reruns fast). For the 10k/100k latency the real chunk texts are
repeated under other agency names for BM25, and random normalised vectors stand in for
their embeddings (embedding 100k chunks takes hours on 2 cores); the query is embedded by
the real model each time, so latency is what a user waits for."""
from __future__ import annotations

import argparse
import json
import resource
import statistics
import subprocess
import sys
import time
from pathlib import Path

import numpy as np

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
QUESTIONS = [
    json.loads(x)["q"] for x in (ROOT / "bench" / "search_questions.jsonl").read_text("utf-8").splitlines() if x
]


def folder_size(path: Path) -> int:
    return sum(f.stat().st_size for f in path.rglob("all") if f.is_file())


def build(n_reports: int) -> Path:
    from assistant import ingest_bytes
    from assistant.generator import generate, render
    from assistant.retrieval import update
    from assistant.store import Store

    root = ROOT / "bench" / ".search-perf"
    store = Store(root)
    for r in generate(n_reports, seed=21):
        ingest_bytes(store, render(r, "txt"), f"{r.stem}.txt")
    current = root / "search" / "CURRENT"
    if current.exists():
        current.unlink()  # force a new generation (vectors stay cached)
    t0 = time.perf_counter()
    first = update(store, progress=True)
    total = time.perf_counter() - t0
    folder = root / "search" / first.generation
    print(
        f"index of {first.chunks} real chunks from {first.reports} generated reports: "
        f"built in {total:.1f} s ({first.embedded} texts embedded, {first.reused} from the cache)"
    )
    mean_chars = np.mean([len(c) for c in chunk_texts(folder)])
    if first.embedded:
        embed_s = total - rebuild_seconds(store)
        print(
            f"embedding throughput: {first.embedded / embed_s:.1f} chunks/s "
            f"({first.embedded} chunks embedded, mean {mean_chars:.0f} characters of passage + prefix)"
        )
    else:
        print("(every vector was in the cache: delete bench/.search-perf to measure embedding throughput)")
    (root / "search" / "CURRENT").unlink()
    t0 = time.perf_counter()
    again = update(store)
    print(
        f"rebuild with every vector cached: {time.perf_counter() - t0:.2f} s; size on disk: "
        f"{folder_size(root / 'search' / again.generation) / 1e6:.1f} MB index + "
        f"{(root / 'embeddings.sqlite').stat().st_size / 1e6:.1f} MB embedding cache"
    )
    store.close()
    return root


def rebuild_seconds(store) -> float:
    from assistant.retrieval import update

    (Path(store.root) / "search" / "CURRENT").unlink()
    t0 = time.perf_counter()
    update(store)
    return time.perf_counter() - t0


def chunk_texts(folder: Path) -> list[str]:
    with open(folder / "chunks.jsonl", encoding="utf-8") as f:
        return [json.loads(line)["body"] for line in f]


def synthetic(base_root: Path, size: int):
    """A SearchIndex of `size` chunks: the real ones repeated under other agency names for
    BM25, random normalised vectors for faiss."""
    from assistant.retrieval import vectors as dense_index
    from assistant.retrieval.chunks import Chunk
    from assistant.retrieval.index import SearchIndex
    from assistant.retrieval.lexical import Lexical, Sharded

    real = SearchIndex.open(base_root)
    rng = np.random.default_rng(0)
    chunks = []
    for i in range(size):
        c = real.chunks[i % len(real.chunks)]
        copy = i // len(real.chunks)
        agency = c.agency if copy == 0 else f"{c.agency[:-1]}{copy}{c.agency[-1]}"
        chunks.append(
            Chunk(
                **{
                    **c.to_dict(),
                    "id": f"{c.id}#{copy}",
                    "agency": agency,
                    "prefix": c.prefix.replace(c.agency, agency),
                }
            )
        )
    idx = SearchIndex.__new__(SearchIndex)
    idx.folder, idx.manifest, idx.chunks = None, dict(real.manifest), chunks
    t0 = time.perf_counter()
    lexical = Lexical.build([c.lexical for c in chunks])
    idx.lexical = Sharded({"all": lexical}, {"all": np.arange(len(chunks))}, len(chunks))
    lex_s = time.perf_counter() - t0
    dim = real.vectors.index.d
    vectors = rng.standard_normal((size, dim), dtype=np.float32)
    vectors /= np.linalg.norm(vectors, axis=1, keepdims=True)
    idx.vector_ids = np.array([dense_index.vector_id(c.id) for c in chunks], np.int64)
    idx._by_vector_id = np.argsort(idx.vector_ids)
    idx.vectors = dense_index.build(vectors, idx.vector_ids)
    idx.prepare()
    return idx, lex_s


def latency(root: Path, size: int) -> dict:
    from assistant.embedding import load

    model = load()
    idx, lex_s = synthetic(root, size)
    for q in QUESTIONS[:3]:
        idx.search(q, k=5, embedder=model)  # warm
    out = {"size": size, "bm25_build_s": lex_s}
    for understand in (False, True):
        times = []
        for q in QUESTIONS:
            t0 = time.perf_counter()
            idx.search(q, k=5, embedder=model, understand=understand)
            times.append(time.perf_counter() - t0)
        key = "named" if understand else "plain"
        out[key] = (1000 * statistics.median(times), 1000 * sorted(times)[int(0.95 * len(times))])
    out["max_rss_mb"] = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    return out


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--reports", type=int, default=250)
    ap.add_argument("--sizes", default="10000,100000")
    ap.add_argument("--latency", type=int, help=argparse.SUPPRESS)
    args = ap.parse_args()
    root = ROOT / "bench" / ".search-perf"
    if args.latency:
        print(json.dumps(latency(root, args.latency)))
        return
    build(args.reports)
    code = (
        "import time; t=time.perf_counter(); from assistant import search; "
        f"h=search('洪泽区2023年被行政复议几次', index={str(root)!r}); print(time.perf_counter()-t)"
    )
    t0 = time.perf_counter()
    out = subprocess.run(
        [sys.executable, "-c", code],
        capture_output=True,
        text=True,
        check=True,
        env={"HF_HUB_OFFLINE": "1", "PATH": "/usr/bin:/bin"},
    )
    print(
        f"cold start (new process → first answer: imports, model, index): {time.perf_counter() - t0:.1f} s "
        f"({float(out.stdout.strip()):.1f} s inside Python)"
    )
    print(
        f"\n{'chunks':>8} {'plain p50':>10} {'p95':>7} {'named p50':>10} {'p95':>7} {'BM25 build':>11} {'max RSS':>8}"
    )
    for size in map(int, args.sizes.split(",")):
        run = subprocess.run(
            [sys.executable, __file__, "--latency", str(size)],
            capture_output=True,
            text=True,
            check=True,
            env={"HF_HUB_OFFLINE": "1", "PATH": "/usr/bin:/bin"},
        )
        r = json.loads(run.stdout.strip().splitlines()[-1])
        print(
            f"{size:8d} {r['plain'][0]:8.1f}ms {r['plain'][1]:5.1f}ms {r['named'][0]:8.1f}ms {r['named'][1]:5.1f}ms "
            f"{r['bm25_build_s']:9.1f} s {r['max_rss_mb']:6.0f}MB"
        )
    print(
        "plain: the question as typed over every chunk; named: its agency and year as filters "
        "(the default). Latency includes embedding the question."
    )


if __name__ == "__main__":
    main()
