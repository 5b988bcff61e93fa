"""Ingest: files and folders → reports in the store, a one-line outcome per file.

Outcomes: ingested · unchanged (this file, already in) · duplicate of … (the same bytes
under another name) · replaces … (another file for the same agency and year) · conflict
(it would replace one, and replacing was not allowed: nothing stored) · rejected: reason.
A file is parsed in the parse worker (limits.py) and stored in one transaction; whatever
goes wrong with one file is that file's rejection, and the batch goes on."""
from __future__ import annotations

import hashlib
import unicodedata
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from pathlib import Path

from . import limits
from .errors import NotFound, Rejected, one_line
from .readers import supported
from .store import Store
from .worker import parse_bytes


@dataclass
class Outcome:
    path: str
    status: str                 # ingested | replaced | unchanged | duplicate | rejected
    message: str
    report_id: str | None = None
    agency: str | None = None
    year: int | None = None
    replaces: str | None = None  # conflict: the stored report it would replace (id, source)

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


def safe_name(name: str) -> str:
    """A file name as it may be stored and shown: its last path part, without control
    or direction-override characters, at most 200 characters."""
    base = str(name).replace("\\", "/").rsplit("/", 1)[-1]
    base = "".join(ch for ch in base if unicodedata.category(ch) not in ("Cc", "Cf", "Cs", "Zl", "Zp"))
    base = base.strip().lstrip(".") or "file"
    if len(base) > 200:
        stem, dot, ext = base.rpartition(".")
        base = (stem[: 190] + dot + ext[:9]) if dot and len(ext) <= 9 else base[:200]
    return base


def ingest_bytes(store: Store, data: bytes, name: str, source_path: str | None = None,
                 replace: bool = True, parsed: tuple | None = None) -> Outcome:
    """Ingest one file given as bytes (`name` gives its format; `source_path` where it came
    from, if a file). `replace=False`: a file for an agency and year already stored is not
    stored but answered as a conflict, for the caller to confirm. `parsed`: the parse
    already done elsewhere (a Ray task), as ("ok", Report) or ("rejected", reason)."""
    name = safe_name(name)
    shown = source_path or name
    try:
        return _ingest(store, data, name, source_path, replace, shown, parsed)
    except Exception as e:  # noqa: BLE001 - whatever goes wrong is this file's, not the batch's
        return Outcome(shown, "rejected", f"rejected: could not store ({one_line(e)})")


def _ingest(store: Store, data: bytes, name: str, source_path: str | None, replace: bool, shown: str,
            parsed: tuple | None = None) -> Outcome:
    file_hash = hashlib.sha256(data).hexdigest()
    existing = store.by_hash(file_hash)
    if existing:
        same = existing.source_path == source_path or (source_path is None and existing.source == name)
        if same:
            return Outcome(
                shown,
                "unchanged",
                f"unchanged ({existing.agency} {existing.year})",
                existing.id,
                existing.agency,
                existing.year,
            )
        return Outcome(
            shown,
            "duplicate",
            f"duplicate of {existing.source_path or existing.source} (report {existing.id})",
            existing.id,
            existing.agency,
            existing.year,
        )
    try:
        if parsed is not None:               # parsed elsewhere (a Ray task): ("ok", Report) or ("rejected", reason)
            if parsed[0] != "ok":
                raise Rejected(parsed[1])
            report = parsed[1]
        else:
            report = parse_bytes(data, name)
        report.id = file_hash[:16]
        report.source = name
    except Rejected as e:
        return Outcome(shown, "rejected", f"rejected: {e.reason}")
    if not replace:
        old = store.by_agency_year(report.agency, report.year)
        if old:
            was = f"{old.id} ({old.source_path or old.source})"
            return Outcome(
                shown,
                "conflict",
                f"not stored: {report.agency} {report.year} is already stored "
                f"from {old.source_path or old.source}; confirm to replace it",
                None,
                report.agency,
                report.year,
                replaces=was,
            )
    old = store.put(report, data, file_hash, source_path)
    failed = sum(1 for c in report.checks if c.status == "failed")
    facts = (
        f"{report.agency} {report.year}, {report.format_version} format, "
        f"{len(report.figures)} cells, {len(report.sections)} sections"
        + (f", {failed} failed checks" if failed else "")
    )
    if old:
        return Outcome(
            shown,
            "replaced",
            f"ingested as {report.id} ({facts}); replaces {old.id} ({old.source_path or old.source})",
            report.id,
            report.agency,
            report.year,
        )
    return Outcome(shown, "ingested", f"ingested as {report.id} ({facts})", report.id, report.agency, report.year)


def read_file(path: Path) -> bytes:
    """A file's bytes, or Rejected: past MAX_FILE_BYTES (not read at all), unreadable."""
    try:
        size = path.stat().st_size
        if size > limits.MAX_FILE_BYTES:
            raise limits.exceeded("MAX_FILE_BYTES", size)
        return path.read_bytes()
    except OSError as e:
        raise Rejected(f"cannot read file ({e.strerror or e})") from None


def ingest_file(store: Store, path: str | Path) -> Outcome:
    path = Path(path)
    try:
        data = read_file(path)
    except Rejected as e:
        return Outcome(str(path), "rejected", f"rejected: {e.reason}")
    return ingest_bytes(store, data, path.name, str(path.resolve()))


def ingest(
    store: Store,
    paths: Iterable[str | Path],
    on_outcome: Callable[[Outcome], None] | None = None,
    progress: bool = False,
) -> list[Outcome]:
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


def add(
    store: Store,
    files: Iterable,
    on_outcome: Callable[[Outcome], None] | None = None,
    progress: bool = False,
    index: bool = True,
    replace: bool = True,
    embedder=None,
    ray: str | None = None,
):
    """Ingest files, then bring the search index up to date, under the store's write lock
    (so a CLI ingest and an app upload never update the index at once). `files`: paths
    (files or folders) or (name, bytes[, source path]) tuples. Returns (outcomes, index
    UpdateResult or None when `index` is False or nothing could be read). `ray`: parse the
    paths on Ray ("" a local Ray, else the cluster's address; distributed.py)."""
    files = list(files)
    paths = [f for f in files if not isinstance(f, tuple)]
    if ray is not None and paths:
        from .distributed import session
        with session(ray or None):
            return _add(store, files, paths, on_outcome, progress, index, replace, embedder, ray)
    return _add(store, files, paths, on_outcome, progress, index, replace, embedder, None)


def _add(store, files, paths, on_outcome, progress, index, replace, embedder, ray):
    with store.lock():
        if ray is not None:
            from .distributed import ingest_ray
            outcomes = ingest_ray(store, paths, on_outcome=on_outcome)
        else:
            outcomes = ingest(store, paths, on_outcome, progress) if paths else []
        for name, data, *where in (f for f in files if isinstance(f, tuple)):
            o = ingest_bytes(store, data, name, where[0] if where else None, replace=replace)
            outcomes.append(o)
            if on_outcome:
                on_outcome(o)
        if any(o.status in ("ingested", "replaced") for o in outcomes):
            store.optimize()
        result = None
        if index and outcomes:
            from .retrieval import update

            on_ray = None
            if embedder is None and ray is not None:
                from .distributed import RayEmbedder
                embedder = on_ray = RayEmbedder()
            try:
                result = update(store, embedder=embedder, progress=progress)
            finally:
                if on_ray is not None:
                    on_ray.close()
    return outcomes, result


def restore(store: Store, report_id: str, index: bool = True, embedder=None):
    """Put a replaced report back (parsed again from its kept file); the one that replaced
    it is kept in turn. Returns (outcome, index UpdateResult or None)."""
    row = next((r for r in store.replaced() if r["id"] == report_id), None)
    if row is None:
        raise NotFound(f"no replaced report {report_id} (see: python -m assistant replaced)")
    data = store.file_path(row["file_hash"]).read_bytes()
    [outcome], result = add(store, [(row["source"] or "report", data, row["source_path"])], index=index,
                            embedder=embedder)
    return outcome, result
