"""A small, real sentence-transformers model for tests whose subject is not the model: a
StaticEmbedding over the e5 tokenizer with seeded random weights (32 dimensions), saved
as an ordinary model folder and loaded through XXGK_EMBED_MODEL like any user's model.
Its vectors carry no meaning; what it exercises is everything around them (the index,
the cache, fusion with BM25, filters, the app). Built at set-up of the test extra."""
from __future__ import annotations

import os
from pathlib import Path

from ..config import model_dir

NAME = "test-static-e5"
DIM = 32
SEED = 0


def path() -> Path:
    return model_dir() / NAME


def build(target: Path | None = None) -> Path:
    """Build the folder if it is not there (idempotent, offline; a few seconds)."""
    target = Path(target or path())
    if (target / "modules.json").exists():
        return target
    from . import ensure_default, offline
    offline()
    import torch
    from sentence_transformers import SentenceTransformer
    from sentence_transformers.models import StaticEmbedding
    from tokenizers import Tokenizer

    tokenizer = Tokenizer.from_file(str(ensure_default() / "tokenizer.json"))
    torch.manual_seed(SEED)
    model = SentenceTransformer(modules=[StaticEmbedding(tokenizer, embedding_dim=DIM)], device="cpu")
    tmp = target.with_name(target.name + ".tmp")
    model.save(str(tmp))
    os.replace(tmp, target)
    return target
