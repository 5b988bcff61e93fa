"""The search index: chunks of every stored report, BM25 beside dense vectors in faiss,
fused by reciprocal rank; persisted under the store's folder and updated incrementally.

Layout (under index/):
    search/CURRENT          the name of the generation in use (replaced atomically)
    search/g-…/             one generation: chunks.jsonl, vectors.faiss, bm25/ (a BM25 index
                            per year), manifest.json
    embeddings.sqlite       vectors by (model, text hash), kept across generations (in the
                            database instead when the store is a shared PostgreSQL one)

An update runs under the store's write lock (one writer at a time, across processes),
writes a new generation beside the current one and switches CURRENT last, and only to a
generation whose artifacts are all there; so a process killed at any point leaves the
previous index usable, and vectors embedded before the kill stay in the cache. The
generation in use before the switch is kept (a reader may be loading it); older ones go.
The manifest records the store's change counter: an index built at another count is
stale (`state`), and is rebuilt by the next update."""
from __future__ import annotations

import hashlib
import json
import os
import shutil
import tempfile
import time
from dataclasses import asdict, dataclass
from pathlib import Path

import numpy as np

from ..agencies import resolve
from ..formatting import citation
from ..labels import clean_input
from . import vectors as dense_index
from .cache import open_cache
from .chunks import VERSION as CHUNK_VERSION
from .chunks import Chunk, chunks_of
from .lexical import Sharded, shard_keys

# Reciprocal-rank fusion: score = Σ weight / (RRF_K + rank). Chosen on the evaluation
# questions (bench/search_eval.py): dense retrieval is the stronger of the two here, and a
# filtered search ranks a dozen chunks, where the usual constant of 60 flattens the
# difference between first and fourth; k 5-10 with lexical at half weight scored alike.
RRF_K = 10
WEIGHTS = {"lexical": 0.5, "dense": 1.0}
CANDIDATES = 50       # per retriever, before fusion


@dataclass
class Hit:
    text: str                   # the passage (without the prefix)
    score: float                # fused score (higher is better)
    report_id: str
    agency: str
    year: int
    region: str
    section: str
    title: str
    page: int | None
    chunk_id: str
    lexical_rank: int | None = None
    dense_rank: int | None = None

    def citation(self) -> str:
        return citation(self.agency, self.year, self.title, self.page)

    def to_dict(self) -> dict:
        return {**asdict(self), "citation": self.citation()}


@dataclass
class UpdateResult:
    chunks: int
    embedded: int               # texts sent to the model in this update
    reused: int                 # texts whose vectors came from the cache
    up_to_date: bool            # nothing had changed: no new generation was written
    seconds: float
    generation: str | None = None
    reports: int = 0

    def line(self) -> str:
        if self.up_to_date:
            return f"search index up to date ({self.chunks} chunks of {self.reports} reports)"
        return (f"search index: {self.chunks} chunks of {self.reports} reports; embedded {self.embedded} "
                f"new texts, {self.reused} from the cache ({self.seconds:.1f} s)")


@dataclass
class Filters:
    agency: str | list[str] | None = None
    year: int | list[int] | tuple[int, int] | None = None   # a year, years, or (first, last)
    region: str | None = None                                # part of province/city/county
    section: str | None = None                               # s5, or s1 for s1 and s1.1…

    @classmethod
    def of(cls, value) -> Filters:
        if value is None:
            return cls()
        if isinstance(value, Filters):
            return value
        return cls(**{k: v for k, v in dict(value).items() if v not in (None, "", [])})


def _root(index_dir: Path) -> Path:
    return Path(index_dir) / "search"


ARTIFACTS = ("manifest.json", "chunks.jsonl", "vectors.faiss")
SWITCH_HOOK = "XXGK_TEST_SWITCH_HOOK"    # tests: a folder; the update waits there before its switch


def _manifest(folder: Path) -> dict | None:
    """A generation's manifest when it holds every artifact (bm25/ too when it has
    chunks), else None."""
    try:
        if not all((folder / a).is_file() for a in ARTIFACTS):
            return None
        manifest = json.loads((folder / "manifest.json").read_text("utf-8"))
    except (OSError, ValueError):
        return None
    return manifest if not manifest.get("chunks") or (folder / "bm25").is_dir() else None


def _complete(folder: Path) -> bool:
    return _manifest(folder) is not None


def _named(index_dir: Path) -> Path | None:
    """The generation CURRENT names (complete or not)."""
    root = _root(index_dir)
    try:
        name = (root / "CURRENT").read_text("utf-8").strip()
    except OSError:
        return None
    return root / name if name else None


def _current(index_dir: Path) -> Path | None:
    folder = _named(index_dir)
    return folder if folder is not None and _complete(folder) else None


def state(store) -> str:
    """ok · missing (no index yet) · broken (CURRENT names an incomplete generation) ·
    stale (built at another store change count)."""
    folder = _named(Path(store.root))
    if folder is None:
        return "missing" if not (_root(Path(store.root)) / "CURRENT").exists() else "broken"
    manifest = _manifest(folder)
    if manifest is None:
        return "broken"
    return "ok" if manifest.get("store_changes") == store.changes() else "stale"


def _pause_before_switch() -> None:
    """A test's hook: with $XXGK_TEST_SWITCH_HOOK set to a folder, say so there and wait
    for its `go` file (at most a minute), to force a race at the switch."""
    hook = os.environ.get(SWITCH_HOOK)
    if not hook:
        return
    folder = Path(hook)
    (folder / f"paused.{os.getpid()}").touch()
    deadline = time.time() + 60
    while not (folder / "go").exists() and time.time() < deadline:
        time.sleep(0.05)


def _signature(model: str, chunks: list[Chunk]) -> str:
    h = hashlib.sha256(f"{CHUNK_VERSION}|{model}".encode())
    for c in chunks:
        h.update(f"{c.id}|{c.digest}|{hashlib.sha1(c.lexical.encode()).hexdigest()}\n".encode())
    return h.hexdigest()


def _write_json(path: Path, data) -> None:
    path.write_text(json.dumps(data, ensure_ascii=False), "utf-8")


def update(store, embedder=None, progress: bool = False, batch_size: int = 32) -> UpdateResult:
    """Bring the search index in line with the store: new reports added, replaced or
    removed ones gone, nothing embedded twice. `embedder` defaults to the configured model
    (loaded only when there is something to embed). Holds the store's write lock."""
    with store.lock():
        return _update(store, embedder, progress, batch_size)


def _update(store, embedder, progress: bool, batch_size: int) -> UpdateResult:
    """The steps of an update: what the store holds as chunks; nothing to do when the
    current generation has them; vectors for the new texts; a generation written; the
    switch; the old generations cleared."""
    t0 = time.perf_counter()
    index_dir = Path(store.root)
    model_name = embedder.name if embedder is not None else _model_name()
    changes = store.changes()
    reports = store.reports()
    chunks = [c for r in reports for c in chunks_of(r)]
    signature = _signature(model_name, chunks)
    current = _current(index_dir)
    if current is not None and _same_chunks(current, signature, changes):
        return UpdateResult(len(chunks), 0, 0, True, time.perf_counter() - t0, current.name, len(reports))
    vectors, embedded, fresh_chunks, dim = _vectors(index_dir, model_name, chunks, embedder, progress, batch_size,
                                                    getattr(store, "url", None))
    root = _root(index_dir)
    folder = _write_generation(root, signature, chunks, vectors, dim, current, {
        "signature": signature, "model": model_name, "dim": dim, "chunks": len(chunks),
        "reports": len(reports), "chunk_version": CHUNK_VERSION, "store_changes": changes,
        "built": time.strftime("%Y-%m-%dT%H:%M:%S")})
    _pause_before_switch()
    _switch(root, folder.name)
    _clear(root, keep={folder.name, current.name if current is not None else None})
    return UpdateResult(len(chunks), embedded, len(chunks) - fresh_chunks, False, time.perf_counter() - t0,
                        folder.name, len(reports))


def _same_chunks(current: Path, signature: str, changes: int) -> bool:
    """Whether the current generation holds these chunks; if so it is marked as built at
    the store's change count (a change that left the chunks as they were)."""
    manifest = json.loads((current / "manifest.json").read_text("utf-8"))
    if manifest.get("signature") != signature:
        return False
    if manifest.get("store_changes") != changes:
        manifest["store_changes"] = changes
        _write_json(current / "manifest.json.tmp", manifest)
        os.replace(current / "manifest.json.tmp", current / "manifest.json")
    return True


def _vectors(index_dir: Path, model_name: str, chunks: list[Chunk], embedder, progress: bool,
             batch_size: int, database: str | None = None) -> tuple[dict[str, np.ndarray], int, int, int]:
    """Every chunk's vector by text digest — from the cache, the rest embedded (and put
    in the cache batch by batch, so a kill loses at most one batch): (vectors, texts
    embedded, chunks whose text was embedded, dimension)."""
    from ..embedding import load
    cache = open_cache(index_dir, database)
    try:
        have = cache.get(model_name, [c.digest for c in chunks])
        missing: dict[str, str] = {}
        for c in chunks:
            if c.digest not in have:
                missing.setdefault(c.digest, c.text)
        if missing:
            embedder = embedder or load()
            todo = list(missing.items())
            bar = None
            if progress:
                from tqdm import tqdm
                bar = tqdm(total=len(todo), unit="text", desc="embed", leave=False)
            step = batch_size * 8
            for i in range(0, len(todo), step):
                part = todo[i:i + step]
                vectors = embedder.passages([t for _, t in part], batch_size=batch_size)
                fresh = {d: v for (d, _), v in zip(part, vectors, strict=True)}
                cache.put(model_name, fresh)                 # kept even if a later batch dies
                have.update(fresh)
                if bar:
                    bar.update(len(part))
            if bar:
                bar.close()
        dim = next(iter(have.values())).shape[0] if have else (embedder.dim if embedder else 384)
    finally:
        cache.close()
    return have, len(missing), sum(1 for c in chunks if c.digest in missing), dim


def _write_generation(root: Path, signature: str, chunks: list[Chunk], vectors: dict[str, np.ndarray],
                      dim: int, current: Path | None, manifest: dict) -> Path:
    """A new generation folder beside the current one, every artifact written and checked."""
    root.mkdir(parents=True, exist_ok=True)
    folder = Path(tempfile.mkdtemp(prefix=f"g-{time.strftime('%Y%m%d%H%M%S')}-{signature[:8]}-", dir=root))
    folder.chmod(0o755)
    dense = _dense(chunks, vectors, dim, current, manifest)
    dense.save(folder / "vectors.faiss")
    manifest.update({"vectors": dense.kind, "trained_on": dense.trained_on})
    with open(folder / "chunks.jsonl", "w", encoding="utf-8") as f:
        for c in chunks:
            f.write(json.dumps(c.to_dict(), ensure_ascii=False) + "\n")
    if chunks:
        shards = Sharded.write(folder / "bm25", shard_keys([c.year for c in chunks]), [c.lexical for c in chunks],
                               current / "bm25" if current is not None else None)
        manifest["lexical_shards"] = shards
    _write_json(folder / "manifest.json", manifest)
    if not _complete(folder):
        shutil.rmtree(folder, ignore_errors=True)
        raise RuntimeError(f"search index generation {folder.name} is incomplete; the current index is kept")
    return folder


def _dense(chunks: list[Chunk], vectors: dict[str, np.ndarray], dim: int, current: Path | None,
           manifest: dict) -> dense_index.VectorIndex:
    """The dense index of a generation: exact below the threshold; approximate above it,
    reusing the current generation's trained index when it is one (the chunks gone
    removed, the new ones added) unless the corpus has grown past RETRAIN_GROWTH× what
    it was trained for."""
    ids = np.array([dense_index.vector_id(c.id) for c in chunks], np.int64)
    if len(np.unique(ids)) != len(ids):
        raise RuntimeError("two chunk ids share a vector id; the current index is kept")
    threshold = dense_index.approximate_from()
    matrix = lambda rows: np.stack([vectors[chunks[i].digest] for i in rows]).astype(np.float32)  # noqa: E731
    if len(chunks) < threshold:
        return dense_index.build(matrix(range(len(chunks))) if chunks else np.zeros((0, dim), np.float32), ids,
                                 approximate=False)
    old = _manifest(current) if current is not None else None
    if (old and old.get("vectors") != "exact" and old.get("model") == manifest["model"] and old.get("dim") == dim
            and len(chunks) <= dense_index.RETRAIN_GROWTH * max(old.get("trained_for", 0), 1)):
        index = dense_index.VectorIndex.load(current / "vectors.faiss", writable=True)
        index.trained_on = old.get("trained_on", 0)
        with open(current / "chunks.jsonl", encoding="utf-8") as f:
            before = np.array([dense_index.vector_id(json.loads(line)["id"]) for line in f], np.int64)
        index.remove(np.setdiff1d(before, ids))
        new = np.flatnonzero(~np.isin(ids, before))
        if len(new):
            index.add(matrix(new), ids[new])
        manifest["trained_for"] = old["trained_for"]
        return index
    manifest["trained_for"] = len(chunks)
    return dense_index.build(matrix(range(len(chunks))), ids, approximate=True)


def _switch(root: Path, name: str) -> None:
    """CURRENT names the new generation: replaced atomically."""
    tmp = root / f"CURRENT.{os.getpid()}.tmp"
    tmp.write_text(name, "utf-8")
    os.replace(tmp, root / "CURRENT")


def _clear(root: Path, keep: set) -> None:
    """Generations other than `keep` (the new one and the one before it, which a reader
    may be loading) go, with leftover temporary files; under the lock, no writer is busy."""
    for old in root.iterdir():
        if old.is_dir() and old.name.startswith("g-") and old.name not in keep:
            shutil.rmtree(old, ignore_errors=True)
        elif old.name.endswith(".tmp"):
            old.unlink(missing_ok=True)


def _model_name() -> str:
    from ..config import embed_model
    return embed_model()


class SearchIndex:
    """A loaded generation: chunk metadata, the faiss index and the BM25 index."""

    def __init__(self, folder: Path):
        self.folder = folder
        self.manifest = json.loads((folder / "manifest.json").read_text("utf-8"))
        with open(folder / "chunks.jsonl", encoding="utf-8") as f:
            self.chunks = [Chunk(**json.loads(line)) for line in f]
        self.vectors = dense_index.VectorIndex.load(folder / "vectors.faiss")     # read-only, memory-mapped
        if "vectors" in self.manifest:       # vectors keyed by chunk id
            self.vector_ids = np.array([dense_index.vector_id(c.id) for c in self.chunks], np.int64)
        else:                                 # a generation from before: by position
            self.vector_ids = np.arange(len(self.chunks), dtype=np.int64)
        self._by_vector_id = np.argsort(self.vector_ids)
        self.lexical = Sharded.load(folder / "bm25", [str(c.year) for c in self.chunks]) if self.chunks else None
        self.prepare()

    def prepare(self) -> None:
        """Per-chunk arrays the filters read (agencies as integer codes)."""
        names, codes = np.unique(np.array([c.agency for c in self.chunks] or [""], dtype=object),
                                 return_inverse=True)
        self._agency_names = [str(n) for n in names] if self.chunks else []
        self._agency_code = {n: i for i, n in enumerate(self._agency_names)}
        self.agency_codes = codes.astype(np.int32)[: len(self.chunks)]
        self.year = np.array([c.year for c in self.chunks], dtype=np.int32)
        self.region = np.array([c.region for c in self.chunks], dtype=object)
        self.section = np.array([c.section for c in self.chunks], dtype=object)
        self._mentions = None

    @classmethod
    def open(cls, index_dir) -> SearchIndex | None:
        folder = _current(Path(index_dir))
        return cls(folder) if folder else None

    @property
    def model(self) -> str:
        return self.manifest["model"]

    def agencies(self) -> list[str]:
        return self._agency_names

    def mask(self, filters: Filters) -> np.ndarray | None:
        """Which chunks the filters allow (None: all)."""
        if not any(asdict(filters).values()):
            return None
        m = np.ones(len(self.chunks), dtype=bool)
        if filters.agency:
            wanted = filters.agency if isinstance(filters.agency, list) else [filters.agency]
            known = set(self._agency_code)
            names = [(a, a) for a in self.agencies()]
            canon = {w if w in known else resolve(w, names) for w in wanted}
            m &= np.isin(self.agency_codes, [self._agency_code[c] for c in canon])
        if filters.year is not None:
            y = filters.year
            if isinstance(y, tuple):
                m &= (self.year >= y[0]) & (self.year <= y[1])
            else:
                m &= np.isin(self.year, y if isinstance(y, list) else [int(y)])
        if filters.region:
            m &= np.array([filters.region in r for r in self.region], dtype=bool)
        if filters.section:
            s = filters.section
            m &= np.array([x == s or x.startswith(s + ".") for x in self.section], dtype=bool)
        return m

    def lexical_ranking(self, query: str, allowed: np.ndarray | None, n: int) -> list[int]:
        if self.lexical is None:
            return []
        scores = self.lexical.scores(query, allowed)
        if allowed is not None:
            scores = np.where(allowed, scores, 0.0)
        top = np.argsort(-scores, kind="stable")[:n]
        return [int(i) for i in top if scores[i] > 0]

    def dense_ranking(self, query_vector: np.ndarray, allowed: np.ndarray | None, n: int) -> list[int]:
        if not self.chunks:
            return []
        subset = None
        if allowed is not None:
            subset = self.vector_ids[np.flatnonzero(allowed)]
            if not len(subset):
                return []
        vectors_of = self._cached_vectors if self.vectors.approximate else None
        _, ids = self.vectors.search(query_vector, n, subset=subset, vectors_of=vectors_of)
        return self._positions(ids)

    def _positions(self, ids: np.ndarray) -> list[int]:
        """Chunk positions of vector ids."""
        at = self._by_vector_id[np.searchsorted(self.vector_ids, ids, sorter=self._by_vector_id)]
        return [int(i) for i in at]

    def _cached_vectors(self, ids: np.ndarray) -> np.ndarray:
        """The exact vectors of these chunks (a filtered search over an approximate index),
        from the vector cache by text digest."""
        from .cache import open_cache
        chunks = [self.chunks[i] for i in self._positions(ids)]
        cache = open_cache(self.folder.parent.parent)
        try:
            found = cache.get(self.model, [c.digest for c in chunks])
        finally:
            cache.close()
        if len(found) < len({c.digest for c in chunks}):
            raise RuntimeError("the vector cache lacks vectors of indexed chunks: rebuild the index")
        return np.stack([found[c.digest] for c in chunks])

    def interpret(self, query: str) -> Filters:
        """The agencies and years a question names (among those indexed), as filters."""
        from .. import mentions
        if self._mentions is None:
            self._mentions = mentions.Matcher(self.agencies())
            self._years = set(self.year.tolist())
        found, ambiguous, unknown, years, _, group = mentions.scope(query, self._mentions, self.agencies(),
                                                                    sorted(self._years))
        if not found and group is not None:   # 各总工会 / 数据局: the agencies of that kind or place
            found = list(group.members)
        self.named_scope = bool(found or ambiguous or unknown or years)
        if not found and ambiguous:     # a short name several agencies share: any of them
            found = sorted({a for _, names in ambiguous for a in names})
        return Filters(agency=found or None, year=years or None)

    def search(self, query: str, k: int = 5, filters=None, embedder=None, mode: str = "hybrid",
               understand: bool = True) -> list[Hit]:
        """The `k` best chunks for `query` (mode: hybrid, lexical or dense). Without explicit
        filters, the agencies and years the question names become filters (`understand`),
        as long as they leave something to search."""
        query = clean_input(query)
        filters = Filters.of(filters)
        allowed = self.mask(filters)
        if understand and allowed is None:
            guessed = self.interpret(query)
            guessed_mask = self.mask(guessed)
            if guessed_mask is not None:
                if not guessed_mask.any():
                    return []           # the agency or year named is not indexed: nothing, not everything
                allowed = guessed_mask
            elif getattr(self, "named_scope", False):
                return []               # a name that fits no indexed agency (or several)
        n = max(CANDIDATES, 5 * k)
        lex = self.lexical_ranking(query, allowed, n) if mode in ("hybrid", "lexical") else []
        dense: list[int] = []
        if mode in ("hybrid", "dense"):
            from ..embedding import load
            embedder = embedder or load(self.model)
            dense = self.dense_ranking(embedder.queries([query])[0], allowed, n)
        fused: dict[int, float] = {}
        for ranking, weight in ((lex, WEIGHTS["lexical"]), (dense, WEIGHTS["dense"])):
            for rank, i in enumerate(ranking):
                fused[i] = fused.get(i, 0.0) + weight / (RRF_K + rank + 1)
        lex_rank = {i: r + 1 for r, i in enumerate(lex)}
        dense_rank = {i: r + 1 for r, i in enumerate(dense)}
        best = sorted(fused, key=lambda i: (-fused[i], i))[:k]
        return [self._hit(i, fused[i], lex_rank.get(i), dense_rank.get(i)) for i in best]

    def _hit(self, i: int, score: float, lr, dr) -> Hit:
        c = self.chunks[i]
        return Hit(text=c.body, score=score, report_id=c.report_id, agency=c.agency, year=c.year,
                   region=c.region, section=c.section, title=c.title, page=c.page, chunk_id=c.id,
                   lexical_rank=lr, dense_rank=dr)


_loaded: dict[str, tuple[str, SearchIndex | None]] = {}   # index folder → (generation, loaded)
_LOADED_MAX = 4


def open_index(index_dir) -> SearchIndex | None:
    """The current generation, loaded once per process and index folder, and reloaded when
    it changes (if it goes away while being loaded — a writer switched meanwhile — the
    new one is read)."""
    where = str(Path(index_dir).resolve())
    for _ in range(3):
        held = _loaded.get(where)
        named = _named(Path(index_dir))
        if held is not None and held[1] is not None and held[0] == str(named):
            return held[1]          # per question: one small read, the artifacts were checked on load
        folder = named if named is not None and _complete(named) else None
        key = str(folder)
        if held is not None and held[0] == key:
            return held[1]
        try:
            index = SearchIndex(folder) if folder else None
        except (OSError, ValueError, RuntimeError):     # faiss says RuntimeError for a missing file
            continue
        if where not in _loaded and len(_loaded) >= _LOADED_MAX:
            _loaded.pop(next(iter(_loaded)))
        _loaded[where] = (key, index)
        return index
    return None
