"""Vector search at scale (issue 15): exact against approximate, on clustered vectors.

    PYTHONPATH=. .venv/bin/python bench/vectors.py prepare [--chunks 20000]
    PYTHONPATH=. .venv/bin/python bench/vectors.py run --n 1000000 [--n 10000000] [--queries 1000]

`prepare` embeds ~20,000 chunk texts with the real model (the question corpus's reports,
then generated reports for the rest; vectors the cache already holds are reused) into
bench/.vectors/base.npy. `run` synthesises `n` vectors clustered around them (each a base
vector plus Gaussian noise, renormalised: random vectors make any approximate index look
broken), kept on disk as a memory map; computes the exact top-10 of held-out queries in
batches; then builds the product's index (assistant.retrieval.vectors: exact below the
threshold, IVF-SQ8 above it) and prints build time, memory, p50/p95 latency of one query
at a time and recall@10 against exact, for exact and approximate, plus the subset-exact
search of a 70-chunk filter."""
from __future__ import annotations

import argparse
import os
import resource
import sys
import time
from pathlib import Path

import numpy as np

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
DATA = ROOT / "bench" / ".vectors"


def _rss_gib() -> float:
    with open("/proc/self/status") as f:
        for line in f:
            if line.startswith("VmRSS:"):
                return int(line.split()[1]) / 2**20
    return float("nan")


def prepare(target: int) -> None:
    os.environ.setdefault("HF_HUB_OFFLINE", "1")
    import tempfile

    from assistant.embedding import load
    from assistant.generator import write
    from assistant.parsing import parse
    from assistant.readers import read_bytes
    from assistant.retrieval.cache import EmbeddingCache
    from assistant.retrieval.chunks import chunks_of
    from assistant.store import Store

    texts: dict[str, str] = {}
    questions = ROOT / "bench" / ".questions-index"
    if (questions / "store.sqlite").exists():
        with Store(questions) as store:
            for r in store.reports():
                for c in chunks_of(r):
                    texts.setdefault(c.digest, c.text)
    print(f"{len(texts)} distinct chunk texts in the question corpus", flush=True)
    with tempfile.TemporaryDirectory() as t:
        seed = 11
        while len(texts) < target:
            write(Path(t) / f"g{seed}", 300, formats=("txt",), seed=seed, contradictory=0.1)
            for f in sorted((Path(t) / f"g{seed}" / "txt").iterdir()):
                for c in chunks_of(parse(read_bytes(f.read_bytes(), f.name))):
                    texts.setdefault(c.digest, c.text)
            seed += 1
            print(f"{len(texts)} distinct chunk texts", flush=True)
    items = list(texts.items())[:target]
    model = load()
    have: dict[str, np.ndarray] = {}
    if (questions / "embeddings.sqlite").exists():
        cache = EmbeddingCache(questions / "embeddings.sqlite")
        have = cache.get(model.name, [d for d, _ in items])
        cache.close()
    todo = [(d, t) for d, t in items if d not in have]
    print(f"{len(have)} vectors from the cache, embedding {len(todo)}", flush=True)
    t0 = time.perf_counter()
    for i in range(0, len(todo), 512):
        part = todo[i:i + 512]
        for (d, _), v in zip(part, model.passages([t for _, t in part]), strict=True):
            have[d] = v
        done = i + len(part)
        print(f"  {done}/{len(todo)} embedded, {done / (time.perf_counter() - t0):.1f} chunks/s", flush=True)
    DATA.mkdir(parents=True, exist_ok=True)
    np.save(DATA / "base.npy", np.stack([have[d] for d, _ in items]).astype(np.float32))
    print(f"wrote {DATA / 'base.npy'}: {len(items)} vectors")


def synthesise(n: int, base: np.ndarray, seed: int, noise: float) -> np.memmap:
    """`n` vectors around the base ones, on disk (made once per n)."""
    path = DATA / f"synth-{n}.f32"
    dim = base.shape[1]
    if path.exists() and path.stat().st_size == n * dim * 4:
        return np.memmap(path, np.float32, "r", shape=(n, dim))
    out = np.memmap(path.with_suffix(".tmp"), np.float32, "w+", shape=(n, dim))
    rng = np.random.default_rng(seed)
    step = 500_000
    for i in range(0, n, step):
        m = min(step, n - i)
        v = base[rng.integers(0, len(base), m)] + rng.normal(0, noise / np.sqrt(dim), (m, dim)).astype(np.float32)
        out[i:i + m] = v / np.linalg.norm(v, axis=1, keepdims=True)
    out.flush()
    del out
    os.replace(path.with_suffix(".tmp"), path)
    return np.memmap(path, np.float32, "r", shape=(n, dim))


def exact_top(vectors: np.ndarray, queries: np.ndarray, k: int = 10) -> np.ndarray:
    """The true top-k of every query, over the memory map in batches."""
    best_s = np.full((len(queries), k), -np.inf, np.float32)
    best_i = np.full((len(queries), k), -1, np.int64)
    step = 250_000
    for i in range(0, len(vectors), step):
        s = queries @ np.asarray(vectors[i:i + step]).T
        top = np.argpartition(-s, k, axis=1)[:, :k]
        cand_s = np.concatenate([best_s, np.take_along_axis(s, top, 1)], 1)
        cand_i = np.concatenate([best_i, top + i], 1)
        order = np.argsort(-cand_s, axis=1)[:, :k]
        best_s, best_i = np.take_along_axis(cand_s, order, 1), np.take_along_axis(cand_i, order, 1)
    return best_i


def _latency(search, queries: np.ndarray) -> tuple[float, float, np.ndarray]:
    ts, found = [], []
    for q in queries:
        t = time.perf_counter()
        found.append(search(q))
        ts.append(time.perf_counter() - t)
    ts.sort()
    return 1000 * ts[len(ts) // 2], 1000 * ts[int(0.95 * len(ts))], np.array(found)


def _recall(found: np.ndarray, truth: np.ndarray) -> float:
    return float(np.mean([len(set(f) & set(t)) / len(t) for f, t in zip(found, truth, strict=True)]))


def run(sizes: list[int], n_queries: int, noise: float, flat_max: int) -> None:
    import faiss

    from assistant.retrieval import vectors as vx

    base = np.load(DATA / "base.npy")
    rng = np.random.default_rng(99)
    dim = base.shape[1]
    print(f"{len(base)} real chunk vectors (dim {dim}); noise {noise}; {faiss.omp_get_max_threads()} threads")
    for n in sizes:
        t0 = time.perf_counter()
        data = synthesise(n, base, seed=n, noise=noise)
        print(f"\n== {n:,} vectors ({n * dim * 4 / 2**30:.1f} GiB on disk; made in {time.perf_counter() - t0:.0f} s)")
        q = base[rng.integers(0, len(base), n_queries)] + rng.normal(0, noise / np.sqrt(dim), (n_queries, dim))
        q = (q / np.linalg.norm(q, axis=1, keepdims=True)).astype(np.float32)
        t0 = time.perf_counter()
        truth = exact_top(data, q)
        print(f"exact top-10 of {n_queries} queries in batches: {time.perf_counter() - t0:.0f} s")
        ids = np.arange(n, dtype=np.int64)
        if n <= flat_max:
            rss0 = _rss_gib()
            t0 = time.perf_counter()
            flat = vx.build(data, ids, approximate=False)
            build = time.perf_counter() - t0
            p50, p95, found = _latency(lambda v, ix=flat: ix.search(v, 10)[1], q[:200])
            print(f"exact (flat):       build {build:6.0f} s, +{_rss_gib() - rss0:5.1f} GiB, "
                  f"p50 {p50:6.1f} ms, p95 {p95:6.1f} ms, recall@10 {_recall(found, truth[:200]):.3f}")
            del flat
        rss0 = _rss_gib()
        t0 = time.perf_counter()
        ivf = vx.build(data, ids, approximate=True)
        build = time.perf_counter() - t0
        path = DATA / f"ivf-{n}.faiss"
        faiss.write_index(ivf.index, str(path))
        print(f"approximate {ivf.kind}: build {build:.0f} s (train on {ivf.trained_on:,}), "
              f"+{_rss_gib() - rss0:.1f} GiB in memory, {path.stat().st_size / 2**30:.1f} GiB on disk")
        del ivf
        loaded = vx.VectorIndex.load(path)      # as an app process loads it: read-only, memory-mapped
        for nprobe in (16, 32, 64, 128):
            loaded.nprobe = nprobe
            p50, p95, found = _latency(lambda v, ix=loaded: ix.search(v, 10)[1], q)
            print(f"  nprobe {nprobe:4}: p50 {p50:6.1f} ms, p95 {p95:6.1f} ms, recall@10 {_recall(found, truth):.3f}")
        subset = np.sort(rng.choice(n, 70, replace=False)).astype(np.int64)
        got = loaded.search(q[0], 10, subset=subset, vectors_of=lambda i, d=data: np.asarray(d[i]))[1]
        want = subset[np.argsort(-(np.asarray(data[subset]) @ q[0]))[:10]]
        same = "the same top-10 as brute force" if list(got) == list(want) else "a DIFFERENT top-10"
        print(f"  70-chunk filter, exact over the subset: {same}")
        print(f"  peak RSS {resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 2**20:.1f} GiB")
        del loaded


def main() -> None:
    ap = argparse.ArgumentParser()
    sub = ap.add_subparsers(dest="cmd", required=True)
    p = sub.add_parser("prepare")
    p.add_argument("--chunks", type=int, default=20000)
    r = sub.add_parser("run")
    r.add_argument("--n", type=int, action="append")
    r.add_argument("--queries", type=int, default=1000)
    r.add_argument("--noise", type=float, default=0.35)
    r.add_argument("--flat-max", type=int, default=2_000_000, help="largest n also measured exact (flat)")
    args = ap.parse_args()
    if args.cmd == "prepare":
        prepare(args.chunks)
    else:
        run(args.n or [1_000_000], args.queries, args.noise, args.flat_max)


if __name__ == "__main__":
    main()
