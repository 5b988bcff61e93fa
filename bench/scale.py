"""Scale (issue 15), first figures: ingest throughput of generated text reports sequential
and on a local Ray (`--no-index`), and the store's four query shapes (rank of one figure
within one year, a condition list within one year, one agency's series, a per-agency total
over a range of years) at p50/p95 on SQLite and on PostgreSQL (a throwaway cluster).

    PYTHONPATH=. .venv/bin/python bench/scale.py [--n 2000] [--queries 200] [--skip-ray] [--skip-pg]

Not yet here: 100k and 1M reports, vector search at 1M/10M, embedding throughput on Ray."""
from __future__ import annotations

import argparse
import os
import random
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "tests"))

CELLS = [("B", "new_received", "total")]


def _p(ts: list[float], q: float) -> float:
    ts = sorted(ts)
    return 1000 * ts[min(len(ts) - 1, int(q * len(ts)))]


def queries(store, n: int) -> dict[str, tuple[float, float]]:
    rng = random.Random(0)
    catalogue = store.catalogue()
    years = sorted({r["year"] for r in catalogue})
    agencies = sorted({r["agency"] for r in catalogue})
    def in_year() -> list[str]:
        year = rng.choice(years)
        return [r["id"] for r in catalogue if r["year"] == year]

    def of_agency() -> list[str]:
        agency = rng.choice(agencies)
        return [r["id"] for r in catalogue if r["agency"] == agency]

    shapes = {
        "rank in a year": lambda: store.rank(CELLS, in_year(), limit=10),
        "condition in a year": lambda: store.where(CELLS, ">", 10, in_year()),
        "one agency's series": lambda: store.series(CELLS, rng.choice(agencies)),
        "total over years": lambda: store.total(CELLS, of_agency()),
    }
    out = {}
    for name, run in shapes.items():
        ts = []
        for _ in range(n):
            t = time.perf_counter()
            run()
            ts.append(time.perf_counter() - t)
        out[name] = (_p(ts, 0.5), _p(ts, 0.95))
    return out


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--n", type=int, default=2000)
    ap.add_argument("--queries", type=int, default=200)
    ap.add_argument("--skip-ray", action="store_true")
    ap.add_argument("--skip-pg", action="store_true")
    args = ap.parse_args()
    os.environ.setdefault("HF_HUB_OFFLINE", "1")
    from assistant import add, ingest
    from assistant.generator import write
    from assistant.store import PgStore, Store

    with tempfile.TemporaryDirectory() as t:
        tmp = Path(t)
        t0 = time.perf_counter()
        write(tmp / "gen", args.n, formats=("txt",), seed=3, contradictory=0.1)
        files = tmp / "gen" / "txt"
        print(f"generated {args.n} text reports in {time.perf_counter() - t0:.0f} s")

        t0 = time.perf_counter()
        sqlite = Store(tmp / "sqlite")
        done = ingest(sqlite, [files])
        secs = time.perf_counter() - t0
        print(f"sequential ingest (SQLite, --no-index): {len(done)} files in {secs:.1f} s = "
              f"{len(done) / secs:.1f} files/s")
        if not args.skip_ray:
            from assistant.distributed import ingest_ray
            t0 = time.perf_counter()
            on_ray = Store(tmp / "ray")
            got = ingest_ray(on_ray, [files], num_cpus=os.cpu_count())
            secs_ray = time.perf_counter() - t0
            print(f"Ray ingest ({os.cpu_count()} CPUs, SQLite, --no-index): {len(got)} files in {secs_ray:.1f} s = "
                  f"{len(got) / secs_ray:.1f} files/s ({secs / secs_ray:.2f}× sequential, Ray start included)")
            on_ray.close()
        print(f"\nqueries over {len(sqlite.report_ids())} reports, ms p50 / p95")
        backends = {"SQLite": sqlite}
        cluster = None
        if not args.skip_pg:
            import pg_cluster
            cluster = pg_cluster.cluster()
            url = cluster.__enter__()
            t0 = time.perf_counter()
            pg = PgStore(tmp / "pg", url)
            add(pg, [files], index=False)    # as the CLI ingests: the planner's statistics updated after
            print(f"(PostgreSQL ingest of the same files: {time.perf_counter() - t0:.1f} s)")
            backends["PostgreSQL"] = pg
        try:
            results = {name: queries(store, args.queries) for name, store in backends.items()}
            for shape in next(iter(results.values())):
                print(f"  {shape:22}" + "".join(f"  {name} {r[shape][0]:6.1f} / {r[shape][1]:6.1f}"
                                                for name, r in results.items()))
        finally:
            for store in backends.values():
                store.close()
            if cluster is not None:
                cluster.__exit__(None, None, None)


if __name__ == "__main__":
    main()
