"""Search over the sections of every stored report: BM25 and dense vectors, fused.

    update(store, progress=...)        → UpdateResult (run after ingest; incremental)
    state(store)                       → ok | missing | broken | stale
    open_index(index_dir)              → SearchIndex | None (loaded once per process)
    SearchIndex.search(query, k, filters, mode="hybrid"|"lexical"|"dense") → [Hit]
"""
from .chunks import Chunk, chunks_of, split
from .index import Filters, Hit, SearchIndex, UpdateResult, open_index, state, update
from .lexical import tokens

__all__ = ["Chunk", "Filters", "Hit", "SearchIndex", "UpdateResult", "chunks_of", "open_index", "split", "state",
           "tokens", "update"]
