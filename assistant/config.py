"""Settings, each read in one place."""
from __future__ import annotations

import os
from pathlib import Path

INDEX_ENV = "XXGK_INDEX_DIR"


def index_dir(override: str | os.PathLike | None = None) -> Path:
    """Where built artifacts live: --index DIR, else $XXGK_INDEX_DIR, else ./index."""
    return Path(override or os.environ.get(INDEX_ENV) or "index")
