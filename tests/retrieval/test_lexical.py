"""The lexical index in yearly shards: an update rebuilds only the years that changed,
a year filter scores only its shard, and the ranking is the one of each year's BM25."""
from __future__ import annotations

import json

import numpy as np
from conftest import CORPUS

from assistant import ingest, ingest_bytes
from assistant.generator import generate, render
from assistant.retrieval import SearchIndex, update
from assistant.retrieval.index import Filters
from assistant.retrieval.lexical import SHARD_ENV, WHOLE, Lexical, Sharded
from assistant.store import Store


def _manifest(root) -> dict:
    name = (root / "search" / "CURRENT").read_text().strip()
    return json.loads((root / "search" / name / "manifest.json").read_text())


def test_an_update_rebuilds_only_the_years_that_changed(tmp_path, monkeypatch):
    monkeypatch.setenv(SHARD_ENV, "10")               # sharded from ten chunks
    store = Store(tmp_path / "index")
    ingest(store, [CORPUS])
    reports = [r for r in generate(12, seed=8)]
    by_year: dict[int, list] = {}
    for r in reports:
        by_year.setdefault(r.year, []).append(r)
    assert len(by_year) >= 3
    year, (first, second, *_) = next((y, rs) for y, rs in by_year.items() if len(rs) >= 2)
    for r in reports:
        if r is not second:
            ingest_bytes(store, render(r, "txt"), f"{r.stem}.txt")
    update(store)
    years = {c.year for c in SearchIndex.open(store.root).chunks}
    assert _manifest(store.root)["lexical_shards"] == {"built": len(years), "reused": 0}

    ingest_bytes(store, render(second, "txt"), f"{second.stem}.txt")   # one more report of `year`
    update(store)
    assert _manifest(store.root)["lexical_shards"] == {"built": 1, "reused": len(years) - 1}

    index = SearchIndex.open(store.root)
    query = "政府信息公开 行政复议"
    whole = index.lexical.scores(query)
    mask = index.mask(Filters(year=year))
    only = index.lexical.scores(query, mask)
    assert np.array_equal(only[mask], whole[mask]) and not only[~mask].any()
    at = np.flatnonzero(mask)                                         # the shard is that year's BM25
    alone = Lexical.build([index.chunks[i].lexical for i in at]).scores(query)
    assert np.allclose(whole[at], alone)
    store.close()


def test_a_generation_from_before_sharding_loads_as_one_shard(tmp_path):
    texts = ["政府信息公开申请 办理", "行政复议 行政诉讼", "主动公开 政策文件"]
    Lexical.build(texts).save(tmp_path / "bm25")
    old = Sharded.load(tmp_path / "bm25", ["2022", "2023", "2022"])
    assert np.allclose(old.scores("行政复议"), Lexical.build(texts).scores("行政复议"))


def test_a_small_corpus_is_one_shard(tmp_path):
    store = Store(tmp_path / "index")
    ingest(store, [CORPUS])
    update(store)
    assert _manifest(store.root)["lexical_shards"] == {"built": 1, "reused": 0}
    assert list(SearchIndex.open(store.root).lexical.shards) == [WHOLE]
    store.close()
