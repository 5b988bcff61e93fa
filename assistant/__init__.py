"""xxgk-assistant: exact figures, sections and answers from 政府信息公开工作年度报告.

The public API, used by the CLI and the app:
    open_store(index=None)            → Store (SQLite under index/)
    ingest(store, paths, ...)         → [Outcome] one per file
    ingest_bytes(store, data, name)   → Outcome (uploads)
    add(store, files, ...)            → ([Outcome], UpdateResult) ingest, then the index, locked
    restore(store, report_id)         → (Outcome, UpdateResult) a replaced report put back
    index_state(store)                → ok | missing | broken | stale
    parse_file(path)                  → Report (without storing)
    find_report(store, agency, year)  → Report (short names accepted)
    export_json(reports) / export_csv(reports)
    render_text(report) / tables_json(report)
    update_index(store, progress=False) → UpdateResult (search index brought up to date)
    search(query, k=5, filters=None, index=None) → [Hit] (hybrid BM25 + dense)
    ask(question, store) → Answer (figures with sources, passages, comparisons, checks)
    Engine(store).ask(question, filters, context) → Answer (a chat: follow-ups build on context)
    warm(store)                       → load the model and the search index ahead of the first question
    present                           → the app's views of an answer (table rows, CSV, highlight, literal)
    Ambiguous, ModelMissing, NotFound, Rejected → the errors a user sees (errors.py)
"""
from __future__ import annotations

from pathlib import Path

from .answers import Engine, present
from .answers.engine import topics_of
from .answers.present import literal
from .config import index_dir, uploads_enabled
from .errors import Ambiguous, ModelMissing, NotFound, Rejected
from .export import to_csv as export_csv
from .export import to_json as export_json
from .formatting import quantity, source_words
from .ingest import Outcome, add, ingest, ingest_bytes, ingest_file, restore, safe_name
from .lookup import find_report, parse_year
from .model import Check, Figure, Report, Section
from .store import Store, open_store
from .views import as_json as tables_json
from .views import render_text


def parse_file(path: str | Path) -> Report:
    """Read and parse one file; raises Rejected with the reason."""
    from .parsing import parse
    from .readers import read_bytes
    p = Path(path)
    report = parse(read_bytes(p.read_bytes(), p.name))
    report.source = p.name
    return report


def update_index(store: Store, progress: bool = False):
    """Bring the search index under the store's folder up to date (incremental)."""
    from .retrieval import update
    return update(store, progress=progress)


def warm(store: Store) -> None:
    """Load the embedding model and the current search index (the app does it in the
    background, so that its page is usable at once)."""
    from .embedding import load
    from .retrieval import open_index
    load()
    open_index(store.root)


def index_state(store: Store) -> str:
    """Whether the search index matches the store: ok, missing, broken or stale."""
    from .retrieval import state
    return state(store)


def search(query: str, k: int = 5, filters=None, index: str | Path | None = None, mode: str = "hybrid"):
    """The `k` passages that best answer `query`, each with its citation. `filters`: a dict
    of agency (full or short name), year (a year, a list, or (first, last)), region,
    section (s5, or s1 for s1 and its sub-parts). NotFound when there is no index yet."""
    from .config import index_dir
    from .retrieval import open_index
    idx = open_index(index_dir(index))
    if idx is None:
        raise NotFound("no search index yet: ingest reports first (python -m assistant ingest PATH)")
    return idx.search(query, k=k, filters=filters, mode=mode)


def ask(question: str, store: Store, filters: dict | None = None):
    """Answer a Chinese question from the store's tables and the search index."""
    from .answers import Engine
    return Engine(store).ask(question, filters)


__all__ = [
    "Ambiguous", "Check", "Engine", "Figure", "ModelMissing", "NotFound", "Outcome", "Rejected", "Report",
    "Section", "Store", "add", "ask", "export_csv", "export_json", "find_report", "index_dir", "index_state",
    "ingest", "ingest_bytes", "ingest_file", "literal", "open_store", "parse_file", "parse_year", "present",
    "quantity", "render_text", "restore", "safe_name", "search", "source_words", "tables_json", "topics_of",
    "update_index", "uploads_enabled", "warm",
]
