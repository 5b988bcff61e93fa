"""Ingest on Ray: files parsed in parallel Ray tasks, each report written to the store by
the driver in its own transaction — the same outcomes as a sequential ingest, in the same
order.

    python -m assistant ingest PATH… --ray [ADDRESS]

Each task receives a file's bytes (not a path: a cluster's workers need not see the
driver's disk) and returns the parsed Report or the reason it was rejected. A worker that
dies takes its task with it, and Ray runs the task again (TASK_RETRIES); the store never
holds half a report, since only the driver writes. Without an address a local Ray is
started on this machine; a remote one (ray://host:10001) needs XXGK_DATABASE_URL, so that
every machine sees the same store. At most IN_FLIGHT files per CPU are read and parsing at
once, so a million files do not sit in the driver's memory.

The index update that follows embeds on Ray too: `RayEmbedder` hands batches of texts to
EMBED_ACTORS actors (one model loaded per actor, on the device XXGK_EMBED_DEVICE names),
and the vectors land in the content-hash cache batch by batch — in the shared store when
there is one — so a second machine's update, or a rerun after a kill, embeds nothing
twice. A dead actor's batch is retried on another (max_task_retries)."""
from __future__ import annotations

import hashlib
import os
from collections import deque
from collections.abc import Callable, Iterable
from contextlib import contextmanager
from pathlib import Path

from .config import database_url
from .errors import Rejected, one_line
from .ingest import Outcome, expand, ingest_bytes, read_file, safe_name
from .store import Store

TASK_RETRIES = 3
IN_FLIGHT = 8             # files per CPU read and parsing at once
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


def _ray():
    try:
        import ray
    except ImportError:
        raise ValueError("ingest --ray needs Ray: pip install -e '.[ray]' "
                         "(bash scripts/setup test installs it)") from None
    return ray


@contextmanager
def session(address: str | None = None, num_cpus: int | None = None):
    """Ray for the duration: joined if this process already runs it, else started (a local
    Ray with this machine's CPUs, or the cluster at `address`) and shut down after."""
    ray = _ray()
    if address and address.startswith("ray://") and not database_url():
        raise ValueError("a remote Ray cluster needs a shared store: set XXGK_DATABASE_URL=postgresql://…")
    started = not ray.is_initialized()
    if started:
        env = {k: v for k, v in os.environ.items() if k.startswith(("XXGK_", "HF_"))}
        ray.init(address=address, num_cpus=None if address else (num_cpus or os.cpu_count()),
                 include_dashboard=False, log_to_driver=False, runtime_env={"env_vars": env})
    try:
        yield ray
    finally:
        if started:
            ray.shutdown()


def ingest_ray(store: Store, paths: Iterable[str | Path], address: str | None = None,
               on_outcome: Callable[[Outcome], None] | None = None, num_cpus: int | None = None) -> list[Outcome]:
    """Ingest files and folders with the parsing on Ray; outcomes in the order of the files."""
    with session(address, num_cpus) as ray:
        task = ray.remote(max_retries=TASK_RETRIES)(_parse_task)
        window = IN_FLIGHT * max(int(ray.cluster_resources().get("CPU", 1)), 1)
        files = iter(expand(paths))
        pending: deque = deque()
        outcomes: list[Outcome] = []

        def submit() -> bool:
            f = next(files, None)
            if f is None:
                return False
            try:
                data = read_file(f)
            except Rejected as e:
                pending.append((f, None, e.reason))
                return True
            known = store.by_hash(hashlib.sha256(data).hexdigest())
            # already stored: said by the sequential path, which needs no parse
            pending.append((f, data, None) if known else (f, data, task.remote(safe_name(f.name), data)))
            return True

        more = True
        while more or pending:
            while more and len(pending) < window:
                more = submit()
            if not pending:
                break
            f, data, job = pending.popleft()
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


class _EmbedActor:
    """In a Ray actor: one loaded model, embedding the batches it is given."""

    def __init__(self, name: str, device: str):
        import torch
        torch.set_num_threads(1)
        from .embedding import Embedder
        self.embedder = Embedder(name, device=device)

    def info(self) -> tuple[int, int]:
        return self.embedder.dim, self.embedder.max_tokens

    def passages(self, texts: list[str], batch_size: int):
        return self.embedder.passages(texts, batch_size=batch_size)


class RayEmbedder:
    """An embedder (name, dim, passages) whose work runs in Ray actors: a call's texts are
    cut into batches, given round-robin to the actors, and returned in order. Queries are
    embedded where they are asked, not here."""

    def __init__(self, name: str | None = None, actors: int | None = None, device: str | None = None):
        from .config import embed_device, embed_model
        self.ray = _ray()
        self.name = name or embed_model()
        self.device = device or embed_device()
        self.n = actors
        self.actors: list = []
        self._info: tuple[int, int] | None = None

    def _start(self) -> None:
        """The actors, started on the first texts (an update with nothing new starts none)."""
        if self.actors:
            return
        n = self.n or max(int(self.ray.cluster_resources().get("CPU", 1)), 1)
        options = {"num_gpus": 1} if self.device.startswith("cuda") else {"num_cpus": 1}
        cls = self.ray.remote(max_restarts=2, max_task_retries=TASK_RETRIES, **options)(_EmbedActor)
        self.actors = [cls.remote(self.name, self.device) for _ in range(n)]
        self._info = self.ray.get(self.actors[0].info.remote())

    @property
    def dim(self) -> int:
        self._start()
        return self._info[0]

    @property
    def max_tokens(self) -> int:
        self._start()
        return self._info[1]

    def passages(self, texts: list[str], batch_size: int = 32, progress: bool = False):
        import numpy as np
        texts = list(texts)
        if not texts:
            return np.zeros((0, self.dim), dtype=np.float32)
        self._start()
        # by length, as sentence-transformers orders one call's texts: a batch of like
        # lengths pads little (unsorted batches of 32 embed at half the speed)
        order = np.argsort([-len(t) for t in texts], kind="stable")
        step = batch_size * 4
        jobs = [self.actors[k % len(self.actors)].passages.remote([texts[j] for j in order[i:i + step]], batch_size)
                for k, i in enumerate(range(0, len(texts), step))]
        out = np.empty((len(texts), self.dim), dtype=np.float32)
        out[order] = np.concatenate(self.ray.get(jobs))
        return out

    def close(self) -> None:
        for a in self.actors:
            self.ray.kill(a)
