"""The lexical side of search: BM25 (bm25s) over Chinese-aware tokens.

bm25s's own splitter takes a run of Chinese as one token, so here Chinese text becomes
overlapping character bigrams (and a lone character stays a unigram); Latin words and
numbers are lower-cased tokens. No dictionary to load, the same for every text."""
from __future__ import annotations

import re
import unicodedata
from pathlib import Path

import numpy as np

_RUNS = re.compile(r"[\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff]+|[A-Za-z]+|\d+(?:\.\d+)?")


def tokens(text: str) -> list[str]:
    text = unicodedata.normalize("NFKC", text)
    out: list[str] = []
    for m in _RUNS.finditer(text):
        run = m.group(0)
        if run[0] >= "\u3400":
            if len(run) == 1:
                out.append(run)
            else:
                out.extend(run[i:i + 2] for i in range(len(run) - 1))
        else:
            out.append(run.lower())
    return out


class Lexical:
    """A BM25 index over documents given as texts, scored over all documents at once (so
    filters are a mask, not a re-ranking of a truncated list)."""

    def __init__(self, model):
        self.model = model

    @classmethod
    def build(cls, texts: list[str]) -> Lexical:
        import bm25s
        model = bm25s.BM25(k1=1.2, b=0.75)
        corpus = [tokens(t) or ["∅"] for t in texts]
        model.index(corpus, show_progress=False)
        return cls(model)

    def save(self, folder: Path) -> None:
        self.model.save(str(folder), show_progress=False)

    @classmethod
    def load(cls, folder: Path) -> Lexical:
        import bm25s
        return cls(bm25s.BM25.load(str(folder), show_progress=False, verbosity=0))

    def scores(self, query: str) -> np.ndarray:
        vocab = self.model.vocab_dict
        known = [t for t in tokens(query) if t in vocab]
        n = self.model.scores["num_docs"]
        if not known:
            return np.zeros(n, dtype=np.float32)
        return np.asarray(self.model.get_scores(known), dtype=np.float32)


SHARDS_FILE = "shards.json"
WHOLE = "all"            # the one shard of a corpus below SHARD_FROM
# Chunks from which the lexical index is sharded by year. A shard's IDF is its year's: over
# a national corpus (140,000 reports a year) that is the whole corpus's, over a few hundred
# reports it is not, and ranks a small corpus worse (tests/retrieval/test_search.py).
SHARD_FROM = 200_000
SHARD_ENV = "XXGK_LEXICAL_SHARD_FROM"


def shard_keys(years: list[int]) -> list[str]:
    """Each chunk's shard: its year once the corpus has SHARD_FROM chunks ($XXGK_LEXICAL_SHARD_FROM), else one."""
    import os
    if len(years) >= int(os.environ.get(SHARD_ENV) or SHARD_FROM):
        return [str(y) for y in years]
    return [WHOLE] * len(years)


class Sharded:
    """The lexical index of a generation, one BM25 index per year (past SHARD_FROM chunks;
    below, one shard of everything): a new generation
    rebuilds only the years whose chunks changed and links the others from the
    generation before; a question filtered to some years scores only their shards. Each
    shard has its own IDF (a year's corpus), so a score is comparable within a shard and
    between shards of like corpora — which the yearly reports are.

    On disk: bm25/shards.json ({year: {"signature", "count"}}) and bm25/<year>/ (bm25s).
    A generation from before sharding (one bm25s index in bm25/) loads as one shard."""

    def __init__(self, shards: dict[str, Lexical], positions: dict[str, np.ndarray], total: int):
        self.shards, self.positions, self.total = shards, positions, total

    @staticmethod
    def groups(keys: list[str]) -> dict[str, np.ndarray]:
        """The chunk positions of each shard, in chunk order."""
        out: dict[str, list[int]] = {}
        for i, k in enumerate(keys):
            out.setdefault(k, []).append(i)
        return {k: np.array(v, np.int64) for k, v in out.items()}

    @staticmethod
    def signature(texts: list[str]) -> str:
        import hashlib
        h = hashlib.sha256()
        for t in texts:
            h.update(hashlib.sha1(t.encode("utf-8")).digest())
        return h.hexdigest()

    @classmethod
    def write(cls, folder: Path, keys: list[str], texts: list[str], previous: Path | None = None) -> dict[str, int]:
        """Build the shards of `texts` (grouped by `keys`) into `folder`, linking from
        `previous` (an earlier generation's bm25/) every shard whose texts are the same;
        returns {"built": n, "reused": n}."""
        import json
        import os
        import shutil
        folder.mkdir(parents=True, exist_ok=True)
        before = {}
        if previous is not None and (previous / SHARDS_FILE).is_file():
            before = json.loads((previous / SHARDS_FILE).read_text("utf-8"))
        meta, built, reused = {}, 0, 0
        for key, at in cls.groups(keys).items():
            part = [texts[i] for i in at]
            sig = cls.signature(part)
            meta[key] = {"signature": sig, "count": len(part)}
            target = folder / key
            if before.get(key, {}).get("signature") == sig and (previous / key).is_dir():
                target.mkdir()
                for f in (previous / key).iterdir():
                    try:
                        os.link(f, target / f.name)          # a generation's files are never rewritten
                    except OSError:
                        shutil.copy2(f, target / f.name)
                reused += 1
            else:
                Lexical.build(part).save(target)
                built += 1
        (folder / SHARDS_FILE).write_text(json.dumps(meta), "utf-8")
        return {"built": built, "reused": reused}

    @classmethod
    def load(cls, folder: Path, keys: list[str]) -> Sharded:
        import json
        positions = cls.groups(keys)
        if not (folder / SHARDS_FILE).is_file():                # one index over every chunk
            return cls({WHOLE: Lexical.load(folder)}, {WHOLE: np.arange(len(keys), dtype=np.int64)}, len(keys))
        meta = json.loads((folder / SHARDS_FILE).read_text("utf-8"))
        if set(meta) == {WHOLE}:                                # one shard: a corpus below SHARD_FROM
            positions = {WHOLE: np.arange(len(keys), dtype=np.int64)}
        if {k: v["count"] for k, v in meta.items()} != {k: len(v) for k, v in positions.items()}:
            raise ValueError(f"lexical shards in {folder} do not match the chunks")
        return cls({k: Lexical.load(folder / k) for k in meta}, positions, len(keys))

    def scores(self, query: str, allowed: np.ndarray | None = None) -> np.ndarray:
        """Every chunk's BM25 score (0 outside `allowed`, whose shards are not scored)."""
        out = np.zeros(self.total, dtype=np.float32)
        for key, shard in self.shards.items():
            at = self.positions[key]
            if allowed is not None and not allowed[at].any():
                continue
            out[at] = shard.scores(query)
        return out
