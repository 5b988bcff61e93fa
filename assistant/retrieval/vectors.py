"""The dense side of the search index: exact while it is small, approximate past a size.

Below APPROXIMATE_FROM vectors the index is exact (faiss IndexFlatIP): one query reads every
vector, which stays under ~30 ms up to a few hundred thousand (bench/vectors.py). Past it,
an IVF index with 8-bit scalar-quantised codes (IVF-SQ8, a quarter of the memory),
trained on a sample; `nprobe` lists are searched per query. Every vector carries a stable
64-bit id (from its chunk's id), so a new generation reuses the trained index: it removes
the ids of chunks gone and adds the new ones, without retraining.

A question filtered to a few agencies or years searches that subset exactly: an
approximate index, probing a few lists, would lose a 70-chunk subset among millions. Up
to EXACT_SUBSET chunks the subset's own vectors are scored one by one; a larger subset is
searched in the index with an id selector and more lists probed.

An app process loads the index read-only and memory-mapped (IO_FLAG_MMAP): several
processes on one machine share its pages."""
from __future__ import annotations

import hashlib
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

import numpy as np

APPROXIMATE_FROM = 300_000      # vectors; below, exact search is fast enough (bench/vectors.py)
APPROXIMATE_ENV = "XXGK_APPROXIMATE_FROM"
RETRAIN_GROWTH = 4              # an index trained for n vectors is retrained past 4n
EXACT_SUBSET = 20_000           # a filtered search over at most this many chunks is exact
NPROBE = 64                     # lists searched per query (recall@10 ≥ 0.95 at 10M, bench/vectors.py)
TRAIN_SAMPLE = 64               # training vectors per list
SUBSET_NPROBE = 256             # lists probed for a large filtered subset


def approximate_from() -> int:
    """Vectors from which the index is approximate: $XXGK_APPROXIMATE_FROM, else 300,000."""
    import os
    return int(os.environ.get(APPROXIMATE_ENV) or APPROXIMATE_FROM)


def vector_id(chunk_id: str) -> int:
    """A chunk's id in the vector index: stable across generations, non-negative int64."""
    return int.from_bytes(hashlib.blake2b(chunk_id.encode(), digest_size=8).digest(), "big") >> 1


NLIST_MAX = 4096    # lists; training and adding cost grow with them (10M vectors: bench/vectors.py)


def nlist_for(n: int) -> int:
    """Inverted lists for n vectors: about 4·√n, a power of two, at most NLIST_MAX, and
    at least 39 training vectors per list (faiss's minimum for k-means)."""
    return int(max(1, min(NLIST_MAX, n // 39, 2 ** round(np.log2(4 * np.sqrt(max(n, 1)))))))


@dataclass
class VectorIndex:
    index: object                   # a faiss index with ids (IndexIDMap2 over flat, or IndexIVF)
    kind: str                       # "exact" or "IVF-SQ8"
    trained_on: int = 0
    nprobe: int = NPROBE

    @property
    def approximate(self) -> bool:
        return self.kind != "exact"

    def __len__(self) -> int:
        return int(self.index.ntotal)

    def search(self, query: np.ndarray, n: int, subset: np.ndarray | None = None,
               vectors_of: Callable[[np.ndarray], np.ndarray] | None = None) -> tuple[np.ndarray, np.ndarray]:
        """The `n` nearest ids to `query` (inner product): (scores, ids), best first.
        `subset` (ids) restricts the search; with `vectors_of` (ids → their vectors) a
        subset up to EXACT_SUBSET is scored exactly, whatever the index."""
        import faiss
        q = np.asarray(query, np.float32).reshape(1, -1)
        if subset is not None:
            subset = np.asarray(subset, np.int64)
            if not len(subset):
                return np.zeros(0, np.float32), np.zeros(0, np.int64)
            if vectors_of is not None and len(subset) <= EXACT_SUBSET:
                scores = np.asarray(vectors_of(subset), np.float32) @ q[0]
                top = np.argsort(-scores, kind="stable")[:n]
                return scores[top], subset[top]
            sel = faiss.IDSelectorBatch(subset)
            if self.approximate:
                params = faiss.SearchParametersIVF(sel=sel, nprobe=max(self.nprobe, SUBSET_NPROBE))
            else:
                params = faiss.SearchParameters(sel=sel)
            scores, ids = self.index.search(q, min(n, len(subset)), params=params)
        else:
            if self.approximate:
                self.index.nprobe = self.nprobe
            scores, ids = self.index.search(q, min(n, max(len(self), 1)))
        keep = ids[0] >= 0
        return scores[0][keep], ids[0][keep]

    def remove(self, ids: np.ndarray) -> None:
        import faiss
        if len(ids):
            self.index.remove_ids(faiss.IDSelectorBatch(np.asarray(ids, np.int64)))

    def add(self, vectors: np.ndarray, ids: np.ndarray, batch: int = 200_000) -> None:
        for i in range(0, len(ids), batch):
            self.index.add_with_ids(np.ascontiguousarray(vectors[i:i + batch], np.float32),
                                    np.asarray(ids[i:i + batch], np.int64))

    def save(self, path: Path) -> None:
        import faiss
        faiss.write_index(self.index, str(path))

    @classmethod
    def load(cls, path: Path, writable: bool = False) -> VectorIndex:
        """An index as saved; read-only and memory-mapped unless `writable` (the IVF lists
        stay on disk, paged in as they are probed)."""
        import faiss
        flags = 0 if writable else faiss.IO_FLAG_MMAP | faiss.IO_FLAG_READ_ONLY
        try:
            index = faiss.read_index(str(path), flags)
        except RuntimeError:                          # a flat index is read whole either way
            index = faiss.read_index(str(path))
        ivf = faiss.try_extract_index_ivf(index) if not isinstance(index, faiss.IndexIDMap) else None
        if ivf is not None:
            return cls(index, "IVF-SQ8", trained_on=0)
        return cls(index, "exact")


def empty_like(trained: VectorIndex) -> VectorIndex:
    """A new, empty index with the trained one's quantiser and codebook (no retraining)."""
    import faiss
    index = faiss.clone_index(trained.index)
    index.reset()
    return VectorIndex(index, trained.kind, trained.trained_on, trained.nprobe)


def build(vectors: np.ndarray, ids: np.ndarray, approximate: bool | None = None, seed: int = 0) -> VectorIndex:
    """An index over `vectors` (rows, L2-normalised float32) with `ids`: exact below
    APPROXIMATE_FROM (or when `approximate` is False), else IVF-SQ8 trained on a sample."""
    import faiss
    n, dim = vectors.shape if len(vectors) else (0, vectors.shape[1] if vectors.ndim == 2 else 384)
    if approximate is None:
        approximate = n >= APPROXIMATE_FROM
    if not approximate:
        out = VectorIndex(faiss.IndexIDMap2(faiss.IndexFlatIP(dim)), "exact")
    else:
        nlist = nlist_for(n)
        quantizer = faiss.IndexFlatIP(dim)
        index = faiss.IndexIVFScalarQuantizer(quantizer, dim, nlist, faiss.ScalarQuantizer.QT_8bit,
                                              faiss.METRIC_INNER_PRODUCT)
        sample = min(n, TRAIN_SAMPLE * nlist)
        rows = np.sort(np.random.default_rng(seed).choice(n, sample, replace=False))
        index.train(np.ascontiguousarray(vectors[rows], np.float32))
        out = VectorIndex(index, "IVF-SQ8", trained_on=sample)
    if n:
        out.add(vectors, ids)
    return out
