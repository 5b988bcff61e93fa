"""The SQLite store: reports, sections (prose), figures in long form and checks, plus
each ingested file's bytes under files/<sha256> so the source can be offered later.

One report per (agency, year); a file is keyed by its content hash. Every write of a
report happens in one transaction: a failure leaves the store as it was."""
from __future__ import annotations

import fcntl
import json
import os
import re
import sqlite3
import threading
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

from .errors import NotFound
from .model import Check, Figure, Region, Report, Section

SCHEMA_VERSION = 4
# How many ids one SQL statement takes as parameters (SQLite's limit is 999 in older
# builds): longer lists are sent in batches, or the query runs over all reports
SQL_BATCH = 900
DDL = """
CREATE TABLE IF NOT EXISTS meta(key TEXT PRIMARY KEY, value TEXT);
CREATE TABLE IF NOT EXISTS reports(
  id TEXT PRIMARY KEY, file_hash TEXT NOT NULL UNIQUE, source TEXT, source_path TEXT,
  agency TEXT NOT NULL, agency_printed TEXT NOT NULL, agency_kind TEXT,
  province TEXT, city TEXT, county TEXT, year INTEGER NOT NULL, year_basis TEXT,
  published TEXT, format_version INTEGER, table_versions TEXT, title TEXT, file_type TEXT,
  pages INTEGER, warnings TEXT, ingested_at TEXT DEFAULT CURRENT_TIMESTAMP, units TEXT,
  UNIQUE(agency, year));
CREATE TABLE IF NOT EXISTS sections(
  report_id TEXT NOT NULL REFERENCES reports(id) ON DELETE CASCADE, ord INTEGER NOT NULL,
  key TEXT NOT NULL, title TEXT, text TEXT, page INTEGER, line INTEGER,
  PRIMARY KEY(report_id, key));
CREATE TABLE IF NOT EXISTS figures(
  report_id TEXT NOT NULL REFERENCES reports(id) ON DELETE CASCADE,
  tbl TEXT NOT NULL, row TEXT NOT NULL, col TEXT NOT NULL, value NUMERIC, raw TEXT,
  page INTEGER, position TEXT, PRIMARY KEY(report_id, tbl, row, col));
CREATE TABLE IF NOT EXISTS checks(
  report_id TEXT NOT NULL REFERENCES reports(id) ON DELETE CASCADE, ord INTEGER NOT NULL,
  rule TEXT NOT NULL, status TEXT NOT NULL, cells TEXT, printed NUMERIC, computed NUMERIC,
  detail TEXT, quote TEXT, section TEXT, PRIMARY KEY(report_id, ord));
CREATE TABLE IF NOT EXISTS replaced(
  id TEXT PRIMARY KEY, file_hash TEXT NOT NULL, source TEXT, source_path TEXT, agency TEXT NOT NULL,
  year INTEGER NOT NULL, ingested_at TEXT, replaced_at TEXT DEFAULT CURRENT_TIMESTAMP, replaced_by TEXT);
CREATE INDEX IF NOT EXISTS figures_key ON figures(tbl, row, col);
CREATE INDEX IF NOT EXISTS reports_year ON reports(year);
"""


@dataclass
class Stored:
    """A report's row in the store, without its sections, figures and checks."""
    id: str
    agency: str
    agency_printed: str
    year: int
    source: str | None
    source_path: str | None
    file_hash: str


@dataclass(frozen=True)
class Cell:
    """One printed cell of a report: its address, value (None: blank), raw text and page."""
    report_id: str
    tbl: str
    row: str
    col: str
    value: int | float | None
    raw: str | None
    page: int | None


@dataclass(frozen=True)
class FigureSum:
    """One report's figure: the sum of the cells asked that it printed."""
    report_id: str
    agency: str
    year: int
    value: int | float | None     # None: no cell printed a value (blank, not 0)
    printed: int                  # cells with a value
    blank: int                    # cells printed blank


@dataclass(frozen=True)
class FigureTotal:
    """A figure added up over reports: None when no report's figure is computable."""
    value: int | float | None
    reports: int                  # reports added
    blank: int                    # reports left out: a blank among their cells


def _number(v):
    """A stored value as the number it is (SQLite NUMERIC keeps 3.0 as a float; a sum of
    floats is rounded to the cents it was printed in)."""
    if isinstance(v, float):
        return int(v) if v.is_integer() else round(v, 4)
    return v


class _ProcessLock:
    """An exclusive lock across processes, re-entrant within one: the outermost `with`
    takes it (`_take`), the last one out gives it back (`_give`)."""

    def __init__(self):
        self.thread = threading.RLock()
        self.depth = 0

    def __enter__(self):
        self.thread.acquire()
        if self.depth == 0:
            try:
                self._take()
            except BaseException:
                self.thread.release()
                raise
        self.depth += 1
        return self

    def __exit__(self, *exc):
        self.depth -= 1
        if self.depth == 0:
            self._give()
        self.thread.release()


class _FileLock(_ProcessLock):
    """The SQLite store's lock: flock on a file beside it."""

    def __init__(self, path: Path):
        super().__init__()
        self.path = path
        self.fd: int | None = None

    def _take(self) -> None:
        fd = os.open(self.path, os.O_RDWR | os.O_CREAT, 0o644)
        try:
            fcntl.flock(fd, fcntl.LOCK_EX)
        except BaseException:
            os.close(fd)
            raise
        self.fd = fd

    def _give(self) -> None:
        fcntl.flock(self.fd, fcntl.LOCK_UN)
        os.close(self.fd)
        self.fd = None


_LOCKS: dict[str, _ProcessLock] = {}
_LOCKS_GUARD = threading.Lock()


_COMPARE = {">": ">", ">=": ">=", "<": "<", "<=": "<=", "=": "=", "!=": "!="}


class Store:
    def __init__(self, root: str | os.PathLike):
        self.root = Path(root)
        self.root.mkdir(parents=True, exist_ok=True)
        (self.root / "files").mkdir(exist_ok=True)
        self.path = self.root / "store.sqlite"
        self._connect()
        if self._current():
            return                                 # a reader never waits for a writer's lock
        with self.lock():                          # two processes opening at once: one creates, one migrates
            self._create()
            self.db.execute("INSERT INTO meta VALUES('schema_version', ?) ON CONFLICT DO NOTHING",
                            (str(SCHEMA_VERSION),))
            self.db.execute("INSERT INTO meta VALUES('changes', '0') ON CONFLICT DO NOTHING")
            self._migrate()

    # the column that keeps a report's figures in the order they were printed
    _PRINTED_ORDER = "rowid"

    @property
    def location(self) -> str:
        """Where the reports are kept, for people (no password)."""
        return str(self.path)

    def _connect(self) -> None:
        self.db = sqlite3.connect(self.path, isolation_level=None, check_same_thread=False)
        self.db.row_factory = sqlite3.Row
        self.db.execute("PRAGMA foreign_keys=ON")
        self.db.execute("PRAGMA journal_mode=WAL")

    def _create(self) -> None:
        self.db.executescript(DDL)

    def _current(self) -> bool:
        """Whether the store is already created at SCHEMA_VERSION (nothing to set up)."""
        try:
            rows = {r[0]: r[1] for r in self.db.execute("SELECT key, value FROM meta")}
        except Exception:                          # noqa: BLE001 - no meta table yet (either back end)
            return False
        return rows.get("schema_version") == str(SCHEMA_VERSION) and "changes" in rows

    def _columns(self, db, table: str) -> set[str]:
        return {r["name"] for r in db.execute(f"PRAGMA table_info({table})")}

    def lock(self) -> _ProcessLock:
        """The store's write lock, held across ingest and index update by every process
        that writes (CLI ingest, app upload): `with store.lock(): …`."""
        key = self._lock_key()
        with _LOCKS_GUARD:
            if key not in _LOCKS:
                _LOCKS[key] = self._new_lock()
            return _LOCKS[key]

    def _lock_key(self) -> str:
        return str(self.path.resolve())

    def _new_lock(self) -> _ProcessLock:
        return _FileLock(self.root / "store.lock")

    def optimize(self) -> None:
        """After a batch of writes: the query planner's statistics brought up to date (on
        PostgreSQL a bulk load left without them makes a rank within a year 25× slower)."""
        self.db.execute("PRAGMA optimize")

    def changes(self) -> int:
        """A counter the store raises with every report stored or removed: an index built
        at another count is stale."""
        return int(self.db.execute("SELECT value FROM meta WHERE key='changes'").fetchone()[0])

    def _changed(self, db) -> None:
        db.execute("UPDATE meta SET value = CAST(value AS INTEGER) + 1 WHERE key='changes'")

    def _migrate(self) -> None:
        """Bring a store written by an older version up to SCHEMA_VERSION, in one transaction."""
        version = int(self.db.execute("SELECT value FROM meta WHERE key='schema_version'").fetchone()[0])
        if version >= SCHEMA_VERSION:
            return
        with self.transaction() as db:           # another process may have migrated meanwhile: look again
            columns = self._columns(db, "reports")
            if "units" not in columns:           # 2: the unit a report's header prints for its amounts
                db.execute("ALTER TABLE reports ADD COLUMN units TEXT")
            # 3: replaced reports kept (table `replaced`) and the change counter: both
            # created above by DDL / INSERT OR IGNORE
            checks = self._columns(db, "checks")
            for column in ("quote", "section"):  # 4: a check's quote and section as fields
                if column not in checks:
                    db.execute(f"ALTER TABLE checks ADD COLUMN {column} TEXT")
            db.execute("UPDATE meta SET value=? WHERE key='schema_version'", (str(SCHEMA_VERSION),))

    def close(self) -> None:
        self.db.close()

    def __enter__(self):
        return self

    def __exit__(self, *exc):
        self.close()

    @contextmanager
    def transaction(self):
        self.db.execute("BEGIN IMMEDIATE")
        try:
            yield self.db
        except BaseException:
            self.db.execute("ROLLBACK")
            raise
        else:
            self.db.execute("COMMIT")

    # ------------------------------------------------------------------ reads
    def _stored(self, row) -> Stored | None:
        if row is None:
            return None
        return Stored(id=row["id"], agency=row["agency"], agency_printed=row["agency_printed"],
                      year=row["year"], source=row["source"], source_path=row["source_path"],
                      file_hash=row["file_hash"])

    def by_hash(self, file_hash: str) -> Stored | None:
        return self._stored(self.db.execute("SELECT * FROM reports WHERE file_hash=?", (file_hash,)).fetchone())

    def by_agency_year(self, agency: str, year: int) -> Stored | None:
        return self._stored(self.db.execute("SELECT * FROM reports WHERE agency=? AND year=?",
                                            (agency, year)).fetchone())

    def report_ids(self) -> list[str]:
        return [r[0] for r in self.db.execute("SELECT id FROM reports ORDER BY agency, year")]

    def agencies(self) -> list[tuple[str, str]]:
        """(canonical, printed) for every report."""
        return [(r[0], r[1]) for r in self.db.execute(
            "SELECT DISTINCT agency, agency_printed FROM reports ORDER BY agency")]

    def years(self, agency: str) -> list[int]:
        return [r[0] for r in self.db.execute("SELECT year FROM reports WHERE agency=? ORDER BY year", (agency,))]

    def summary(self) -> list[dict]:
        rows = self.db.execute("""
            SELECT r.id, r.agency, r.agency_printed, r.year, r.format_version, r.file_type, r.source,
                   (SELECT count(*) FROM figures f WHERE f.report_id=r.id) AS figures,
                   (SELECT count(*) FROM figures f WHERE f.report_id=r.id AND f.value IS NOT NULL) AS filled,
                   (SELECT count(*) FROM sections s WHERE s.report_id=r.id) AS sections,
                   (SELECT count(*) FROM checks c WHERE c.report_id=r.id AND c.status='failed') AS failed
            FROM reports r ORDER BY r.agency, r.year""")
        return [dict(r) for r in rows]

    def get(self, report_id: str) -> Report:
        r = self.db.execute("SELECT * FROM reports WHERE id=?", (report_id,)).fetchone()
        if r is None:
            raise NotFound(f"no report {report_id} in the store (see: python -m assistant list)")
        report = Report(
            agency_printed=r["agency_printed"], agency=r["agency"], agency_kind=r["agency_kind"],
            region=Region(r["province"], r["city"], r["county"]), year=r["year"],
            year_basis=r["year_basis"], published=r["published"], format_version=r["format_version"],
            table_versions=json.loads(r["table_versions"] or "{}"), title=r["title"],
            file_type=r["file_type"], warnings=json.loads(r["warnings"] or "[]"), pages=r["pages"],
            id=r["id"], source=r["source"], units=json.loads(r["units"] or "{}"))
        report.sections = [Section(key=s["key"], title=s["title"], text=s["text"], page=s["page"], line=s["line"])
                           for s in self.db.execute("SELECT * FROM sections WHERE report_id=? ORDER BY ord",
                                                    (report_id,))]
        report.figures = [
            Figure(
                table=f["tbl"],
                row=f["row"],
                col=f["col"],
                value=f["value"],
                raw=f["raw"],
                page=f["page"],
                position=json.loads(f["position"] or "{}"),
            )
            for f in self.db.execute(
                f"SELECT * FROM figures WHERE report_id=? ORDER BY {self._PRINTED_ORDER}", (report_id,))
        ]
        report.checks = [
            Check(
                rule=c["rule"],
                status=c["status"],
                cells=[tuple(x) for x in json.loads(c["cells"])],
                printed=c["printed"],
                computed=c["computed"],
                detail=c["detail"],
                quote=c["quote"],
                section=c["section"],
            )
            for c in self.db.execute("SELECT * FROM checks WHERE report_id=? ORDER BY ord", (report_id,))
        ]
        return report

    def catalogue(self) -> list[dict]:
        """id, agency, year, format version, table versions and region of every report."""
        rows = self.db.execute(
            "SELECT id, agency, agency_printed, year, format_version, table_versions, "
            "province, city, county, file_type, units FROM reports ORDER BY agency, year"
        )
        return [dict(r) for r in rows]

    def cells(self, addresses: list[tuple[str, str, str]], report_ids: list[str] | None = None) -> list[Cell]:
        """The stored figures at `addresses` (of the given reports, or all), in SQL."""
        if not addresses:
            return []
        where = " OR ".join("(tbl=? AND row=? AND col=?)" for _ in addresses)
        params: list = [x for a in addresses for x in a]
        sql = f"SELECT report_id, tbl, row, col, value, raw, page FROM figures WHERE ({where})"
        if report_ids is not None:
            if not report_ids:
                return []
            sql += f" AND report_id IN ({','.join('?' * len(report_ids))})"
            params += list(report_ids)
        return [
            Cell(r["report_id"], r["tbl"], r["row"], r["col"], _number(r["value"]), r["raw"], r["page"])
            for r in self.db.execute(sql, params)
        ]

    # ---------------------------------------------------- figure queries (SQL)
    # A figure is the sum of one or more cells of a report. The engine knows which cells a
    # figure reads in a report of each form version; these methods run the query over the
    # reports that read it with the same cells, in SQL, and return typed rows. A report with
    # a blank among its cells has value None (a blank is not 0): it is never in a condition,
    # an order or a total, and is counted apart.

    def _figure_sql(
        self,
        cells: list[tuple[str, str, str]],
        report_ids: list[str] | None,
        agency: str | None = None,
        years: list[int] | None = None,
    ) -> tuple[str, list, int]:
        keys = " OR ".join("(f.tbl=? AND f.row=? AND f.col=?)" for _ in cells)
        params: list = [x for a in cells for x in a]
        sql = (
            "SELECT r.id, r.agency, r.year, SUM(f.value) AS v, COUNT(f.value) AS printed, "
            "COUNT(*) - COUNT(f.value) AS blank FROM figures f JOIN reports r ON r.id = f.report_id "
            f"WHERE ({keys})"
        )
        if report_ids is not None:
            sql += f" AND r.id IN ({','.join('?' * len(report_ids))})"
            params += list(report_ids)
        if agency is not None:
            sql += " AND r.agency = ?"
            params.append(agency)
        if years:
            sql += f" AND r.year IN ({','.join('?' * len(years))})"
            params += list(years)
        return sql + " GROUP BY r.id", params, len(set(cells))

    def _figure_rows(self, sql: str, params: list, whole: int) -> list[FigureSum]:
        return [
            FigureSum(
                r["id"],
                r["agency"],
                r["year"],
                _number(r["v"]) if r["printed"] == whole else None,
                r["printed"],
                r["blank"],
            )
            for r in self.db.execute(sql, params)
        ]

    def lookup(self, cells: list[tuple[str, str, str]], report_ids: list[str] | None = None) -> list[FigureSum]:
        """Per report, the figure at `cells` (their sum). Reports that print none of the
        cells are absent; ordered by agency and year."""
        if not cells or (report_ids is not None and not report_ids):
            return []
        sql, params, whole = self._figure_sql(cells, report_ids)
        return self._figure_rows(sql + " ORDER BY r.agency, r.year", params, whole)

    def where(
        self, cells: list[tuple[str, str, str]], op: str, n: float, report_ids: list[str] | None = None
    ) -> list[FigureSum]:
        """The reports whose figure at `cells` meets `op n` (=, !=, >, >=, <, <=)."""
        if not cells or (report_ids is not None and not report_ids):
            return []
        sql, params, whole = self._figure_sql(cells, report_ids)
        sql += f" HAVING COUNT(f.value) = {whole} AND SUM(f.value) {_COMPARE[op]} ? ORDER BY r.agency, r.year"
        return self._figure_rows(sql, params + [n], whole)

    def rank(
        self,
        cells: list[tuple[str, str, str]],
        report_ids: list[str] | None = None,
        descending: bool = True,
        limit: int | None = None,
    ) -> list[FigureSum]:
        """The reports with a computable figure, ordered by it (ties by agency, year)."""
        if not cells or (report_ids is not None and not report_ids):
            return []
        sql, params, whole = self._figure_sql(cells, report_ids)
        sql += f" HAVING COUNT(f.value) = {whole} ORDER BY v {'DESC' if descending else 'ASC'}, r.agency, r.year"
        if limit is not None:
            sql += " LIMIT ?"
            params.append(int(limit))
        return self._figure_rows(sql, params, whole)

    def total(self, cells: list[tuple[str, str, str]], report_ids: list[str] | None = None) -> FigureTotal:
        """The figure added up over the reports: the sum of the computable ones, how many
        those are, and how many have a blank among their cells (left out)."""
        if not cells or (report_ids is not None and not report_ids):
            return FigureTotal(None, 0, 0)
        sql, params, whole = self._figure_sql(cells, report_ids)
        r = self.db.execute(
            f"SELECT SUM(CASE WHEN printed = {whole} THEN v END) AS v, "
            f"SUM(CASE WHEN printed = {whole} THEN 1 ELSE 0 END) AS n, "
            f"SUM(CASE WHEN printed < {whole} THEN 1 ELSE 0 END) AS blank FROM ({sql}) AS per_report",
            params,
        ).fetchone()
        return FigureTotal(_number(r["v"]), r["n"] or 0, r["blank"] or 0)

    def series(
        self,
        cells: list[tuple[str, str, str]],
        agency: str,
        years: list[int] | None = None,
        report_ids: list[str] | None = None,
    ) -> list[FigureSum]:
        """One agency's figure at `cells`, year by year (chronological)."""
        if not cells or (report_ids is not None and not report_ids):
            return []
        sql, params, whole = self._figure_sql(cells, report_ids, agency, years)
        return self._figure_rows(sql + " ORDER BY r.year", params, whole)

    def failed_checks(self, report_ids: list[str], status: str = "failed") -> list[dict]:
        """Checks of these reports with this status (failed: the report contradicts itself;
        uncertain: cells the copy does not fix): report_id, rule, cells (list of
        addresses), printed, computed, detail, quote, section."""
        if not report_ids:
            return []
        rows = self.db.execute(
            f"SELECT report_id, rule, cells, printed, computed, detail, quote, section FROM checks WHERE status=? "
            f"AND report_id IN ({','.join('?' * len(report_ids))}) ORDER BY report_id, ord",
            [status, *report_ids],
        )
        return [{**dict(r), "cells": [tuple(c) for c in json.loads(r["cells"])]} for r in rows]

    def section_text(self, report_id: str, key: str) -> tuple[str, str, int | None] | None:
        r = self.db.execute(
            "SELECT title, text, page FROM sections WHERE report_id=? AND key=?", (report_id, key)
        ).fetchone()
        return (r["title"], r["text"], r["page"]) if r else None

    def reports(self) -> list[Report]:
        return [self.get(i) for i in self.report_ids()]

    def file_path(self, file_hash: str) -> Path:
        return self.root / "files" / file_hash

    def source_file(self, report_id: str) -> Path:
        """The kept bytes of the file a report was parsed from."""
        row = self.db.execute("SELECT file_hash FROM reports WHERE id=?", (report_id,)).fetchone()
        if row is None:
            raise NotFound(f"no report {report_id} in the store (see: python -m assistant list)")
        return self.file_path(row[0])

    # ------------------------------------------------------------------ writes
    def put(self, report: Report, data: bytes, file_hash: str, source_path: str | None) -> Stored | None:
        """Store `report` (parsed from `data`), replacing the report of the same agency and
        year if there is one; returns what it replaced, which is kept (`replaced()`, its
        file too) so that it can be restored. All or nothing."""
        blob = self.file_path(file_hash)
        new_blob = not blob.exists()
        if new_blob:
            tmp = blob.with_suffix(".tmp")
            tmp.write_bytes(data)
            os.replace(tmp, blob)
        try:
            with self.transaction() as db:
                old = self.by_agency_year(report.agency, report.year)
                if old:
                    db.execute("DELETE FROM replaced WHERE id=?", (old.id,))
                    db.execute(
                        """INSERT INTO replaced(id, file_hash, source, source_path, agency, year,
                                    ingested_at, replaced_by)
                                  SELECT id, file_hash, source, source_path, agency, year, ingested_at, ?
                                  FROM reports WHERE id=?""",
                        (report.id, old.id),
                    )
                    db.execute("DELETE FROM reports WHERE id=?", (old.id,))
                db.execute("DELETE FROM replaced WHERE id=?", (report.id,))
                self._insert(db, report, file_hash, source_path)
                self._changed(db)
        except BaseException:
            if new_blob:
                blob.unlink(missing_ok=True)
            raise
        return old

    def replaced(self) -> list[dict]:
        """Reports replaced by another file for the same agency and year, newest first:
        id, agency, year, source, source_path, ingested_at, replaced_at, replaced_by."""
        return [
            dict(r)
            for r in self.db.execute(
                "SELECT id, agency, year, source, source_path, file_hash, ingested_at, replaced_at, replaced_by "
                "FROM replaced ORDER BY replaced_at DESC, id"
            )
        ]

    def _insert(self, db, report: Report, file_hash: str, source_path: str | None) -> None:
        db.execute(
            """INSERT INTO reports(id, file_hash, source, source_path, agency, agency_printed, agency_kind,
                 province, city, county, year, year_basis, published, format_version, table_versions,
                 title, file_type, pages, warnings, units) VALUES(?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)""",
            (
                report.id,
                file_hash,
                report.source,
                source_path,
                report.agency,
                report.agency_printed,
                report.agency_kind,
                report.region.province,
                report.region.city,
                report.region.county,
                report.year,
                report.year_basis,
                report.published,
                report.format_version,
                json.dumps(report.table_versions),
                report.title,
                report.file_type,
                report.pages,
                json.dumps(report.warnings, ensure_ascii=False),
                json.dumps(report.units, ensure_ascii=False),
            ),
        )
        db.executemany(
            "INSERT INTO sections VALUES(?,?,?,?,?,?,?)",
            [(report.id, i, s.key, s.title, s.text, s.page, s.line) for i, s in enumerate(report.sections)],
        )
        db.executemany(
            "INSERT INTO figures VALUES(?,?,?,?,?,?,?,?)",
            [
                (report.id, f.table, f.row, f.col, f.value, f.raw, f.page, json.dumps(f.position))
                for f in report.figures
            ],
        )
        db.executemany(
            "INSERT INTO checks(report_id, ord, rule, status, cells, printed, computed, detail, quote, section) "
            "VALUES(?,?,?,?,?,?,?,?,?,?)",
            [
                (
                    report.id,
                    i,
                    c.rule,
                    c.status,
                    json.dumps(c.cells, ensure_ascii=False),
                    c.printed,
                    c.computed,
                    c.detail,
                    c.quote,
                    c.section,
                )
                for i, c in enumerate(report.checks)
            ],
        )

    def remove(self, report_id: str) -> Stored:
        row = self._stored(self.db.execute("SELECT * FROM reports WHERE id=?", (report_id,)).fetchone())
        if row is None:
            raise NotFound(f"no report {report_id} in the store (see: python -m assistant list)")
        with self.transaction() as db:
            db.execute("DELETE FROM reports WHERE id=?", (report_id,))
            self._changed(db)
            kept = db.execute("SELECT 1 FROM replaced WHERE file_hash=?", (row.file_hash,)).fetchone()
        if not kept:
            self.file_path(row.file_hash).unlink(missing_ok=True)
        return row


class _PgRow(dict):
    """A row by column name or by position (as sqlite3.Row), numbers as int or float."""

    def __init__(self, names, values):
        super().__init__(zip(names, (_plain(v) for v in values), strict=True))
        self._values = list(self.values())

    def __getitem__(self, key):
        return self._values[key] if isinstance(key, int) else super().__getitem__(key)

    def __iter__(self):
        return iter(self._values)

    def keys(self):
        return super().keys()


def _plain(v):
    from decimal import Decimal
    if isinstance(v, Decimal):
        return int(v) if v == v.to_integral_value() else float(v)
    return v


def _pg_rows(cursor):
    names = [d.name for d in cursor.description] if cursor.description else []
    return lambda values: _PgRow(names, values)


class _PgConnection:
    """The calls the store makes of a DB-API connection, in PostgreSQL: `?` placeholders
    read as `%s`, executemany on a cursor, rows by name and position."""

    def __init__(self, url: str):
        import psycopg
        self.conn = psycopg.connect(url, autocommit=True, row_factory=_pg_rows)

    @staticmethod
    def _sql(sql: str) -> str:
        return sql.replace("%", "%%").replace("?", "%s")

    def execute(self, sql: str, params=()):
        return self.conn.execute(self._sql(sql), list(params) or None)

    def executemany(self, sql: str, rows) -> None:
        rows = list(rows)
        if rows:
            with self.conn.cursor() as cur:
                cur.executemany(self._sql(sql), rows)

    def close(self) -> None:
        self.conn.close()


class _PgLock(_ProcessLock):
    """The store's write lock on PostgreSQL: a session advisory lock, held on a connection
    of its own."""

    KEY = 0x78786B67      # "xxgk"

    def __init__(self, url: str):
        super().__init__()
        self.url = url
        self.conn = None

    def _take(self) -> None:
        import psycopg
        conn = psycopg.connect(self.url, autocommit=True)
        try:
            conn.execute("SELECT pg_advisory_lock(%s)", (self.KEY,))
        except BaseException:
            conn.close()
            raise
        self.conn = conn

    def _give(self) -> None:
        self.conn.execute("SELECT pg_advisory_unlock(%s)", (self.KEY,))
        self.conn.close()
        self.conn = None


class PgStore(Store):
    """The same store on a shared PostgreSQL database (XXGK_DATABASE_URL): the same schema,
    queries and transactions; text compared in the C collation, so that every ordering
    is SQLite's; kept files and the search index stay under the index folder."""

    _PRINTED_ORDER = "seq"

    def __init__(self, root: str | os.PathLike, url: str):
        self.url = url
        super().__init__(root)

    @property
    def location(self) -> str:
        return re.sub(r"//([^:/@]+):[^@]*@", r"//\1:***@", self.url)

    def _connect(self) -> None:
        self.db = _PgConnection(self.url)

    def _create(self) -> None:
        ddl = DDL.replace("page INTEGER, position TEXT,", "page INTEGER, position TEXT, seq BIGSERIAL,")
        ddl = ddl.replace(" TEXT", ' TEXT COLLATE "C"')
        for statement in filter(str.strip, ddl.split(";")):
            self.db.execute(statement)

    def _columns(self, db, table: str) -> set[str]:
        return {r["column_name"] for r in db.execute(
            "SELECT column_name FROM information_schema.columns WHERE table_name = ?", (table,))}

    def optimize(self) -> None:
        for table in ("reports", "sections", "figures", "checks"):
            self.db.execute(f"ANALYZE {table}")

    def _lock_key(self) -> str:
        return self.url

    def _new_lock(self) -> _ProcessLock:
        return _PgLock(self.url)

    @contextmanager
    def transaction(self):
        with self.db.conn.transaction():
            yield self.db


def open_store(index: str | os.PathLike | None = None) -> Store:
    """The store: PostgreSQL when $XXGK_DATABASE_URL names one, else the SQLite file under
    the index folder (which holds the kept files and the search index either way)."""
    from .config import database_url, index_dir

    url = database_url()
    return PgStore(index_dir(index), url) if url else Store(index_dir(index))
