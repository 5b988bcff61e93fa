"""Embeddings already computed, keyed by model and the hash of the embedded text.

Template sentences recur across reports, and re-indexing an unchanged corpus must embed
nothing: every distinct text is embedded once per model. SQLite, so each batch is kept as
soon as it is embedded — an interrupted run resumes where it stopped."""
from __future__ import annotations

import sqlite3
from pathlib import Path

import numpy as np

from ..store import SQL_BATCH


class EmbeddingCache:
    def __init__(self, path: Path):
        path.parent.mkdir(parents=True, exist_ok=True)
        self.db = sqlite3.connect(str(path))
        self.db.execute("PRAGMA journal_mode=WAL")
        self.db.execute("CREATE TABLE IF NOT EXISTS vectors (model TEXT, digest TEXT, dim INTEGER, "
                        "vector BLOB, PRIMARY KEY (model, digest))")

    def close(self) -> None:
        self.db.close()

    def get(self, model: str, digests: list[str]) -> dict[str, np.ndarray]:
        out: dict[str, np.ndarray] = {}
        unique = list(dict.fromkeys(digests))
        for i in range(0, len(unique), SQL_BATCH):
            part = unique[i:i + SQL_BATCH]
            rows = self.db.execute(
                f"SELECT digest, vector FROM vectors WHERE model = ? AND digest IN ({','.join('?' * len(part))})",
                [model, *part])
            for digest, blob in rows:
                out[digest] = np.frombuffer(blob, dtype=np.float32)
        return out

    def put(self, model: str, vectors: dict[str, np.ndarray]) -> None:
        with self.db:
            self.db.executemany("INSERT OR REPLACE INTO vectors VALUES (?, ?, ?, ?)",
                                [(model, d, int(v.shape[0]), np.asarray(v, np.float32).tobytes())
                                 for d, v in vectors.items()])

    def count(self, model: str | None = None) -> int:
        if model is None:
            return self.db.execute("SELECT COUNT(*) FROM vectors").fetchone()[0]
        return self.db.execute("SELECT COUNT(*) FROM vectors WHERE model = ?", [model]).fetchone()[0]


class PgEmbeddingCache(EmbeddingCache):
    """The same cache in a shared PostgreSQL store's database, so that every machine
    embedding for it (a Ray actor, another server) reuses what any of them embedded."""

    def __init__(self, url: str):
        import psycopg
        self.db = psycopg.connect(url, autocommit=True)
        self.db.execute("CREATE TABLE IF NOT EXISTS vectors (model TEXT COLLATE \"C\", digest TEXT COLLATE \"C\", "
                        "dim INTEGER, vector BYTEA, PRIMARY KEY (model, digest))")

    def get(self, model: str, digests: list[str]) -> dict[str, np.ndarray]:
        unique = list(dict.fromkeys(digests))
        rows = self.db.execute("SELECT digest, vector FROM vectors WHERE model = %s AND digest = ANY(%s)",
                               (model, unique)) if unique else []
        return {d: np.frombuffer(bytes(b), dtype=np.float32) for d, b in rows}

    def put(self, model: str, vectors: dict[str, np.ndarray]) -> None:
        with self.db.transaction(), self.db.cursor() as cur:
            cur.executemany(
                "INSERT INTO vectors VALUES (%s, %s, %s, %s) ON CONFLICT (model, digest) DO UPDATE "
                "SET dim = EXCLUDED.dim, vector = EXCLUDED.vector",
                [(model, d, int(v.shape[0]), np.asarray(v, np.float32).tobytes()) for d, v in vectors.items()])

    def count(self, model: str | None = None) -> int:
        if model is None:
            return self.db.execute("SELECT COUNT(*) FROM vectors").fetchone()[0]
        return self.db.execute("SELECT COUNT(*) FROM vectors WHERE model = %s", (model,)).fetchone()[0]


def open_cache(index_dir: Path, url: str | None = None) -> EmbeddingCache:
    """The vector cache: in the shared store's database (`url`, default
    $XXGK_DATABASE_URL) when there is one, else embeddings.sqlite under the index folder."""
    from ..config import database_url
    url = url or database_url()
    return PgEmbeddingCache(url) if url else EmbeddingCache(Path(index_dir) / "embeddings.sqlite")
