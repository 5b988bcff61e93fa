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
