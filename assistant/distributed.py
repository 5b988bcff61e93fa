"""Ingest on Ray: files parsed in parallel Ray tasks, each report written to the store by
the driver in its own transaction — the same outcomes as a sequential ingest, in the same
order.

    python -m assistant ingest PATH… --ray [ADDRESS]

Each task receives a file's bytes (not a path: a cluster's workers need not see the
driver's disk) and returns the parsed Report or the reason it was rejected. A worker that
dies takes its task with it, and Ray runs the task again (TASK_RETRIES); the store never
holds half a report, since only the driver writes. Without an address a local Ray is
started on this machine; a remote one (ray://host:10001) needs XXGK_DATABASE_URL, so that
every machine sees the same store. Not yet on Ray: embedding (the index update runs in
the driver, as after a sequential ingest)."""
from __future__ import annotations

import hashlib
import os
from collections.abc import Callable, Iterable
from pathlib import Path

from .config import database_url
from .errors import Rejected, one_line
from .ingest import Outcome, expand, ingest_bytes, read_file, safe_name
from .store import Store

TASK_RETRIES = 3
KILL_HOOK = "XXGK_TEST_RAY_KILL"      # tests: a folder; the first task to see it dies once


def _parse_task(name: str, data: bytes):
    """In a Ray worker: the file's Report, or ("rejected", reason)."""
    hook = os.environ.get(KILL_HOOK)
    if hook:
        mark = Path(hook) / "killed"
        if not mark.exists():
            mark.touch()
            os._exit(1)                        # a worker killed mid-ingest: Ray retries the task
    from .worker import _answer
    return _answer(data, name)


def ingest_ray(store: Store, paths: Iterable[str | Path], address: str | None = None,
               on_outcome: Callable[[Outcome], None] | None = None, num_cpus: int | None = None) -> list[Outcome]:
    """Ingest files and folders with the parsing on Ray; outcomes in the order of the files."""
    try:
        import ray
    except ImportError:
        raise ValueError("ingest --ray needs Ray: pip install -e '.[ray]' "
                         "(bash scripts/setup test installs it)") from None

    if address and address.startswith("ray://") and not database_url():
        raise ValueError("a remote Ray cluster needs a shared store: set XXGK_DATABASE_URL=postgresql://…")
    files = expand(paths)
    started = not ray.is_initialized()
    if started:
        env = {k: v for k, v in os.environ.items() if k.startswith(("XXGK_", "HF_"))}
        ray.init(address=address, num_cpus=None if address else (num_cpus or os.cpu_count()),
                 include_dashboard=False, log_to_driver=False, runtime_env={"env_vars": env})
    try:
        task = ray.remote(max_retries=TASK_RETRIES)(_parse_task)
        pending, outcomes = [], []
        for f in files:
            try:
                data = read_file(f)
            except Rejected as e:
                pending.append((f, None, e.reason))
                continue
            known = store.by_hash(hashlib.sha256(data).hexdigest())
            # already stored: said by the sequential path, which needs no parse
            pending.append((f, data, None) if known else (f, data, task.remote(safe_name(f.name), data)))
        for f, data, job in pending:
            if data is None:
                o = Outcome(str(f), "rejected", f"rejected: {job}")
            elif job is None:
                o = ingest_bytes(store, data, f.name, str(f.resolve()))
            else:
                try:
                    result = ray.get(job)
                except Exception as e:         # noqa: BLE001 - the task failed after its retries
                    result = ("rejected", f"could not parse on Ray ({one_line(e)})")
                o = ingest_bytes(store, data, f.name, str(f.resolve()), parsed=result)
            outcomes.append(o)
            if on_outcome:
                on_outcome(o)
        return outcomes
    finally:
        if started:
            ray.shutdown()
