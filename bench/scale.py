"""Scale (issue 15): ingest throughput, the store's four query shapes at 10k-1M reports.

    PYTHONPATH=. .venv/bin/python bench/scale.py ingest [--n 10000] [--pdf 1000] [--skip-ray]
    PYTHONPATH=. .venv/bin/python bench/scale.py embed [--chunks 2000]
    PYTHONPATH=. .venv/bin/python bench/scale.py queries --reports 10000 --reports 100000 [--backend sqlite]
        [--backend postgresql] [--queries 200]

`ingest`: generated text reports (and PDFs) parsed and stored with --no-index, sequential
and on a local Ray with this machine's cores. `queries`: a store of N reports bulk-loaded
from templates (bench/scale_load.py), then p50/p95 of the four shapes the issue names:
rank of one figure within one year, a condition list within one year (~1% of the year's
reports qualify), one agency's series over the years, a per-agency total over 2020-2024.
PostgreSQL is a throwaway cluster (Debian's postgresql) with work_mem 64MB and
maintenance_work_mem 2GB. Vector search: bench/vectors.py."""
from __future__ import annotations

import argparse
import os
import random
import shutil
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "tests"))

CELLS = [("B", "new_received", "total")]
PG_SETTINGS = {"work_mem": "64MB", "maintenance_work_mem": "2GB", "shared_buffers": "4GB",
               "max_wal_size": "16GB", "checkpoint_timeout": "30min"}


def _p(ts: list[float], q: float) -> float:
    ts = sorted(ts)
    return 1000 * ts[min(len(ts) - 1, int(q * len(ts)))]


def ingest_main(args) -> None:
    """Sequential against Ray, on generated text reports and PDFs (--no-index); and where
    a sequential file's time goes: reading and parsing, against the store's write."""
    from assistant import add
    from assistant.distributed import ingest_ray
    from assistant.generator import write
    from assistant.parsing import parse
    from assistant.readers import read_bytes
    from assistant.store import Store
    with tempfile.TemporaryDirectory() as t:
        tmp = Path(t)
        sets = {"text": (args.n, "txt")}
        if args.pdf:
            sets["PDF"] = (args.pdf, "pdf")
        for name, (n, fmt) in sets.items():
            t0 = time.perf_counter()
            write(tmp / fmt, n, formats=(fmt,), seed=3, contradictory=0.1)
            files = sorted((tmp / fmt / fmt).iterdir())
            print(f"\n{n} generated {name} reports written in {time.perf_counter() - t0:.0f} s", flush=True)
            sample = files[: min(200, len(files))]
            t0 = time.perf_counter()
            for f in sample:
                parse(read_bytes(f.read_bytes(), f.name))
            parse_s = (time.perf_counter() - t0) / len(sample)
            t0 = time.perf_counter()
            seq = Store(tmp / f"seq-{fmt}")
            done, _ = add(seq, [tmp / fmt / fmt], index=False)
            secs = time.perf_counter() - t0
            print(f"sequential (SQLite, --no-index): {len(done)} files in {secs:.1f} s = {len(done) / secs:.1f} "
                  f"files/s; per file {1000 * secs / len(done):.1f} ms of which reading and parsing "
                  f"{1000 * parse_s:.1f} ms, the rest storing", flush=True)
            if not args.skip_ray:
                t0 = time.perf_counter()
                on_ray = Store(tmp / f"ray-{fmt}")
                got = ingest_ray(on_ray, [tmp / fmt / fmt], num_cpus=os.cpu_count())
                secs_ray = time.perf_counter() - t0
                same = _contents(seq) == _contents(on_ray)
                print(f"Ray ({os.cpu_count()} CPUs): {len(got)} files in {secs_ray:.1f} s = "
                      f"{len(got) / secs_ray:.1f} files/s ({secs / secs_ray:.2f}× sequential, Ray's start included); "
                      f"store {'identical to' if same else 'DIFFERENT from'} the sequential one", flush=True)
                on_ray.close()
            seq.close()


def embed_main(args) -> None:
    """Embedding throughput on `--chunks` distinct chunk texts: in this process (torch on
    every core) against Ray actors (one per CPU, one thread each)."""
    from assistant.distributed import RayEmbedder, session
    from assistant.embedding import load
    from assistant.generator import generate, render
    from assistant.parsing import parse
    from assistant.readers import read_bytes
    from assistant.retrieval.chunks import chunks_of
    texts: dict[str, str] = {}
    for r in generate(400, seed=17):
        rep = parse(read_bytes(render(r, "txt"), "x.txt"))
        rep.id = r.stem
        texts.update((c.digest, c.text) for c in chunks_of(rep))
        if len(texts) >= args.chunks:
            break
    todo = list(texts.values())[: args.chunks]
    model = load()
    model.passages(todo[:32])                                    # warm
    t0 = time.perf_counter()
    model.passages(todo)
    secs = time.perf_counter() - t0
    print(f"{len(todo)} chunks embedded in this process: {secs:.1f} s = {len(todo) / secs:.1f} chunks/s")
    with session(num_cpus=os.cpu_count()):
        ray_model = RayEmbedder()
        ray_model.passages(todo[:64])                            # actors started, models loaded
        t0 = time.perf_counter()
        ray_model.passages(todo)
        secs_ray = time.perf_counter() - t0
        ray_model.close()
    print(f"on {os.cpu_count()} Ray actors: {secs_ray:.1f} s = {len(todo) / secs_ray:.1f} chunks/s "
          f"({secs / secs_ray:.2f}× in-process)")


def _contents(store) -> list:
    return [(r.agency, r.year, [(f.table, f.row, f.col, f.value) for f in r.figures])
            for r in map(store.get, store.report_ids())]


def _percentiles(run, n: int) -> tuple[float, float, int]:
    ts, size = [], 0
    for _ in range(n):
        t = time.perf_counter()
        got = run()
        ts.append(time.perf_counter() - t)
        size += len(got) if isinstance(got, list) else 1
    return _p(ts, 0.5), _p(ts, 0.95), size // n


def bulk_queries(store, n_reports: int, n: int, template_reports: list[dict]) -> dict:
    from scale_load import YEARS, agency_name, report_id
    rng = random.Random(0)
    key = store._key_numbers(CELLS)[0]
    per_year = n_reports // len(YEARS)
    threshold = {y: store.db.execute(
        f"SELECT value FROM figures WHERE key_no={key} AND year=? AND value IS NOT NULL ORDER BY value DESC "
        f"LIMIT 1 OFFSET {max(per_year // 100, 1)}", (y,)).fetchone()[0] for y in YEARS}
    agencies = n_reports // len(YEARS)

    def an_agency() -> int:
        return rng.randrange(1, agencies + 1)

    def total() -> object:
        a = an_agency()
        ids = [report_id((a - 1) * len(YEARS) + k) for k in range(1, 6)]     # 2020-2024
        return store.total(CELLS, ids)

    def condition() -> list:
        y = rng.choice(YEARS)
        return store.where(CELLS, ">", threshold[y], years=[y])

    shapes = {
        "rank in a year (top 10)": lambda: store.rank(CELLS, years=[rng.choice(YEARS)], limit=10),
        "condition in a year": condition,
        "one agency's series": lambda: store.series(CELLS, agency_name(an_agency(), template_reports)),
        "total over 2020-2024": total,
    }
    return {name: _percentiles(run, n) for name, run in shapes.items()}


def queries_main(args) -> None:
    from scale_load import load, templates

    from assistant import ingest
    from assistant.generator import write
    from assistant.store import PgStore, Store
    with tempfile.TemporaryDirectory(dir=args.tmp) as t:
        tmp = Path(t)
        write(tmp / "gen", args.templates, formats=("txt",), seed=5, contradictory=0.1)
        template = Store(tmp / "template")
        ingest(template, [tmp / "gen" / "txt"])
        reports = templates(template)[0]
        rows = sum(len(f) for f in templates(template)[2]) / len(reports)
        print(f"{len(reports)} template reports (parsed), {rows:.0f} figure rows each")
        if args.url:                  # a store bulk-loaded before (its cluster kept): queries only
            store = PgStore(tmp / "pg-kept", args.url)
            n = store.db.execute("SELECT COUNT(*) FROM reports").fetchone()[0]
            print(f"\npostgresql at {store.location}, {n:,} reports, {_size(store, tmp)}", flush=True)
            for shape, (p50, p95, size) in bulk_queries(store, n, args.queries, reports).items():
                print(f"  {shape:26} p50 {p50:7.1f} ms   p95 {p95:7.1f} ms   ({size:,} rows)", flush=True)
            store.close()
            return
        for n in args.reports:
            for backend in args.backend or ["sqlite", "postgresql"]:
                cluster = None
                if backend == "sqlite":
                    store = Store(tmp / f"sqlite-{n}")
                else:
                    import pg_cluster
                    cluster = pg_cluster.cluster(PG_SETTINGS)
                    store = PgStore(tmp / f"pg-{n}", cluster.__enter__())
                try:
                    t0 = time.perf_counter()
                    phases = load(store, n, template, progress=lambda m: print(m, flush=True))
                    figures = store.db.execute("SELECT COUNT(*) FROM figures").fetchone()[0]
                    size = _size(store, tmp / f"sqlite-{n}")
                    print(f"\n{backend}, {n:,} reports, {figures:,} figure rows: loaded in "
                          f"{time.perf_counter() - t0:.0f} s ({', '.join(f'{k} {v:.0f} s' for k, v in phases.items())})"
                          f", {size}", flush=True)
                    for shape, (p50, p95, size) in bulk_queries(store, n, args.queries, reports).items():
                        print(f"  {shape:26} p50 {p50:7.1f} ms   p95 {p95:7.1f} ms   ({size:,} rows)", flush=True)
                finally:
                    store.close()
                    if cluster is not None:
                        cluster.__exit__(None, None, None)
                    shutil.rmtree(tmp / f"sqlite-{n}", ignore_errors=True)


def _size(store, folder: Path) -> str:
    from assistant.store import PgStore
    if isinstance(store, PgStore):
        b = store.db.execute("SELECT pg_database_size(current_database())").fetchone()[0]
    else:
        b = (folder / "store.sqlite").stat().st_size
    return f"{b / 2**30:.1f} GiB"


def main() -> None:
    ap = argparse.ArgumentParser()
    sub = ap.add_subparsers(dest="cmd", required=True)
    i = sub.add_parser("ingest")
    i.add_argument("--n", type=int, default=10000)
    i.add_argument("--pdf", type=int, default=1000)
    i.add_argument("--skip-ray", action="store_true")
    e = sub.add_parser("embed")
    e.add_argument("--chunks", type=int, default=2000)
    q = sub.add_parser("queries")
    q.add_argument("--reports", type=int, action="append", default=[])
    q.add_argument("--url", help="query a PostgreSQL store bulk-loaded before, instead of loading one")
    q.add_argument("--backend", action="append", choices=["sqlite", "postgresql"])
    q.add_argument("--queries", type=int, default=200)
    q.add_argument("--templates", type=int, default=200)
    q.add_argument("--tmp", default=None, help="where the stores are made (a disk with room)")
    args = ap.parse_args()
    os.environ.setdefault("HF_HUB_OFFLINE", "1")
    os.environ.setdefault("XXGK_PARSE_WORKER", "0")
    {"queries": queries_main, "embed": embed_main, "ingest": ingest_main}[args.cmd](args)


if __name__ == "__main__":
    main()
