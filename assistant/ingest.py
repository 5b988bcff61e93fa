"""Ingest: files and folders → reports in the store, a one-line outcome per file.

Outcomes: ingested · unchanged (this file, already in) · duplicate of … (the same bytes
under another name) · replaces … (another file for the same agency and year) · rejected:
reason. A file is parsed and stored in one transaction; a failure changes nothing."""
from __future__ import annotations

import hashlib
from dataclasses import dataclass
from pathlib import Path
from typing import Callable, Iterable

from .errors import Rejected
from .parsing import parse
from .readers import read_bytes, supported
from .store import Store


@dataclass
class Outcome:
    path: str
    status: str                 # ingested | replaced | unchanged | duplicate | rejected
    message: str
    report_id: str | None = None
    agency: str | None = None
    year: int | None = None

    @property
    def readable(self) -> bool:
        return self.status != "rejected"

    def line(self) -> str:
        return f"{self.path}: {self.message}"


def expand(paths: Iterable[str | Path]) -> list[Path]:
    """Files named directly, and the report files under folders (recursively, sorted,
    hidden files left out)."""
    out: list[Path] = []
    for p in map(Path, paths):
        if p.is_dir():
            out.extend(sorted(f for f in p.rglob("*") if f.is_file() and supported(f)
                              and not any(part.startswith(".") for part in f.relative_to(p).parts)))
        else:
            out.append(p)
    return out


def ingest_bytes(store: Store, data: bytes, name: str, source_path: str | None = None) -> Outcome:
    """Ingest one file given as bytes (`name` gives its format; `source_path` where it came
    from, if a file)."""
    shown = source_path or name
    file_hash = hashlib.sha256(data).hexdigest()
    existing = store.by_hash(file_hash)
    if existing:
        same = existing.source_path == source_path or (source_path is None and existing.source == name)
        if same:
            return Outcome(shown, "unchanged", f"unchanged ({existing.agency} {existing.year})",
                           existing.id, existing.agency, existing.year)
        return Outcome(shown, "duplicate",
                       f"duplicate of {existing.source_path or existing.source} (report {existing.id})",
                       existing.id, existing.agency, existing.year)
    try:
        report = parse(read_bytes(data, name))
    except Rejected as e:
        return Outcome(shown, "rejected", f"rejected: {e.reason}")
    except Exception as e:  # a file the parser cannot handle must not stop the run
        return Outcome(shown, "rejected", f"rejected: could not parse ({type(e).__name__}: {e})")
    report.id = file_hash[:16]
    report.source = name
    old = store.put(report, data, file_hash, source_path)
    failed = sum(1 for c in report.checks if c.status == "failed")
    facts = (f"{report.agency} {report.year}, {report.format_version} format, "
             f"{len(report.figures)} cells, {len(report.sections)} sections"
             + (f", {failed} failed checks" if failed else ""))
    if old:
        return Outcome(shown, "replaced",
                       f"ingested as {report.id} ({facts}); replaces {old.id} ({old.source_path or old.source})",
                       report.id, report.agency, report.year)
    return Outcome(shown, "ingested", f"ingested as {report.id} ({facts})", report.id, report.agency, report.year)


def ingest_file(store: Store, path: str | Path) -> Outcome:
    path = Path(path)
    try:
        data = path.read_bytes()
    except OSError as e:
        return Outcome(str(path), "rejected", f"rejected: cannot read file ({e.strerror or e})")
    return ingest_bytes(store, data, path.name, str(path.resolve()))


def ingest(store: Store, paths: Iterable[str | Path],
           on_outcome: Callable[[Outcome], None] | None = None,
           progress: bool = False) -> list[Outcome]:
    """Ingest files and folders; `on_outcome` is called after each file; `progress` shows
    a progress bar on stderr."""
    files = expand(paths)
    bar = None
    if progress and len(files) > 1:
        from tqdm import tqdm
        bar = tqdm(total=len(files), unit="file", desc="ingest", leave=False)
    outcomes = []
    for f in files:
        o = ingest_file(store, f)
        outcomes.append(o)
        if on_outcome:
            if bar:
                bar.clear()
            on_outcome(o)
        if bar:
            bar.update(1)
    if bar:
        bar.close()
    return outcomes
