"""The dense index past its size threshold: IVF-SQ8, a filtered search exact over its
subset, new and removed reports without retraining, read-only loading. Real faiss, the
small test model (what is tested is the index, not the model)."""
from __future__ import annotations

import json

import numpy as np
import pytest
from conftest import CORPUS

from assistant import ingest, ingest_bytes
from assistant.embedding import load
from assistant.generator import generate, render
from assistant.retrieval import SearchIndex, update
from assistant.retrieval import vectors as vx
from assistant.retrieval.cache import open_cache
from assistant.retrieval.index import Filters
from assistant.store import Store


def _clustered(n: int, dim: int = 32, seed: int = 0) -> np.ndarray:
    rng = np.random.default_rng(seed)
    centres = rng.normal(size=(50, dim))
    v = centres[rng.integers(0, 50, n)] + rng.normal(0, 0.3, (n, dim))
    return (v / np.linalg.norm(v, axis=1, keepdims=True)).astype(np.float32)


def test_a_small_subset_of_an_approximate_index_is_searched_exactly():
    """Probing a few lists loses most of a 70-vector subset; scoring the subset's own
    vectors finds its true top 10."""
    data = _clustered(20_000)
    ids = np.arange(len(data), dtype=np.int64) * 3 + 1
    index = vx.build(data, ids, approximate=True)
    assert index.kind == "IVF-SQ8" and len(index) == len(data)
    rng = np.random.default_rng(1)
    subset = np.sort(rng.choice(ids, 70, replace=False))
    q = data[5]
    truth = subset[np.argsort(-(data[(subset - 1) // 3] @ q))[:10]]
    _, got = index.search(q, 10, subset=subset, vectors_of=lambda i: data[(i - 1) // 3])
    assert list(got) == list(truth)
    index.nprobe = 1
    _, unfiltered = index.search(q, 10)
    assert len(unfiltered) == 10 and set(unfiltered) <= set(ids)


def test_removed_ids_are_gone_and_added_ones_found_without_retraining(tmp_path):
    data = _clustered(5_000)
    ids = np.arange(len(data), dtype=np.int64)
    index = vx.build(data[:4_000], ids[:4_000], approximate=True)
    centroids = index.index.quantizer.reconstruct_n(0, index.index.nlist)
    index.remove(ids[:10])
    index.add(data[4_000:], ids[4_000:])
    assert len(index) == 4_990
    index.nprobe = index.index.nlist                      # every list: the search is exhaustive
    assert not set(index.search(data[3], 20)[1]) & set(ids[:10])
    assert index.search(data[4_500], 1)[1][0] == 4_500
    assert np.array_equal(index.index.quantizer.reconstruct_n(0, index.index.nlist), centroids)
    index.save(tmp_path / "v.faiss")
    loaded = vx.VectorIndex.load(tmp_path / "v.faiss")    # read-only, memory-mapped
    loaded.nprobe = index.nprobe
    assert loaded.approximate and loaded.search(data[4_500], 1)[1][0] == 4_500


@pytest.fixture
def approximate(monkeypatch):
    monkeypatch.setenv(vx.APPROXIMATE_ENV, "40")          # a few dozen chunks make it approximate


def _manifest(index_dir) -> dict:
    folder = index_dir / "search" / (index_dir / "search" / "CURRENT").read_text().strip()
    return json.loads((folder / "manifest.json").read_text())


def test_the_search_index_past_the_threshold_is_approximate_and_filters_exactly(tmp_path, approximate):
    store = Store(tmp_path / "index")
    ingest(store, [CORPUS])
    reports = list(generate(6, seed=4))
    for r in reports[:5]:
        ingest_bytes(store, render(r, "txt"), f"{r.stem}.txt")
    update(store)
    first = _manifest(store.root)
    assert first["vectors"] == "IVF-SQ8" and first["chunks"] >= 40 and first["trained_for"] == first["chunks"]

    index = SearchIndex.open(store.root)
    model = load()
    agency, year = index.chunks[-1].agency, index.chunks[-1].year
    mask = index.mask(Filters(agency=agency, year=year))
    query = "政府信息公开工作存在的主要问题及改进情况"
    qv = model.queries([query])[0]
    got = index.dense_ranking(qv, mask, 10)
    cache = open_cache(store.root)
    allowed = [index.chunks[i] for i in np.flatnonzero(mask)]
    vectors = cache.get(model.name, [c.digest for c in allowed])
    cache.close()
    scores = np.array([vectors[c.digest] @ qv for c in allowed])
    want = [int(np.flatnonzero(mask)[i]) for i in np.argsort(-scores, kind="stable")[:10]]
    assert got == want and all(index.chunks[i].agency == agency for i in got)

    # a new report and a removed one: the trained index is reused, not retrained
    ingest_bytes(store, render(reports[5], "txt"), f"{reports[5].stem}.txt")
    gone = store.report_ids()[0]
    store.remove(gone)
    update(store)
    second = _manifest(store.root)
    assert second["vectors"] == "IVF-SQ8" and second["trained_for"] == first["trained_for"]
    index = SearchIndex.open(store.root)
    assert len(index.vectors) == len(index.chunks) == second["chunks"]
    index.vectors.nprobe = index.vectors.index.nlist
    everything = index.dense_ranking(qv, None, len(index.chunks))
    assert sorted(everything) == list(range(len(index.chunks)))      # every chunk there, none removed
    assert gone not in {c.report_id for c in index.chunks}
    hits = index.search(query, k=3, filters={"agency": index.chunks[-1].agency}, embedder=model)
    assert hits and all(h.agency == index.chunks[-1].agency for h in hits)
    store.close()


def test_a_generation_from_before_keyed_by_position_still_searches_right(tmp_path):
    """An index written before vectors had ids (a plain flat index, by chunk position)."""
    import faiss

    store = Store(tmp_path / "index")
    ingest(store, [CORPUS])
    update(store)
    index = SearchIndex.open(store.root)
    qv = load().queries(["存在的主要问题及改进情况"])[0]
    mask = index.mask(Filters(year=index.chunks[0].year))
    want = index.dense_ranking(qv, None, 10), index.dense_ranking(qv, mask, 5)
    cache = open_cache(store.root)
    vectors = cache.get(index.model, [c.digest for c in index.chunks])
    cache.close()
    flat = faiss.IndexFlatIP(len(qv))
    flat.add(np.stack([vectors[c.digest] for c in index.chunks]))
    faiss.write_index(flat, str(index.folder / "vectors.faiss"))
    manifest = json.loads((index.folder / "manifest.json").read_text())
    del manifest["vectors"], manifest["trained_on"]
    (index.folder / "manifest.json").write_text(json.dumps(manifest))
    old = SearchIndex(index.folder)
    assert (old.dense_ranking(qv, None, 10), old.dense_ranking(qv, mask, 5)) == want
    store.close()


@pytest.mark.slow
def test_on_a_shared_store_the_vector_cache_is_in_the_database(tmp_path, monkeypatch, pg_database):
    """XXGK_DATABASE_URL: the index update puts its vectors in the PostgreSQL store, where a
    second machine (here: a second index folder) finds them and embeds nothing."""
    from assistant.retrieval.cache import PgEmbeddingCache
    from assistant.store import PgStore

    monkeypatch.setenv("XXGK_DATABASE_URL", pg_database)
    store = PgStore(tmp_path / "one", pg_database)
    ingest(store, [CORPUS])
    first = update(store)
    assert first.embedded > 0 and not (tmp_path / "one" / "embeddings.sqlite").exists()
    cache = open_cache(tmp_path / "one")
    assert isinstance(cache, PgEmbeddingCache) and cache.count() == first.embedded
    cache.close()
    elsewhere = PgStore(tmp_path / "two", pg_database)      # another server's index folder, same store
    second = update(elsewhere)
    assert second.embedded == 0 and second.reused == second.chunks == first.chunks
    store.close()
    elsewhere.close()
