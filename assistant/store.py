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

SCHEMA_VERSION = 6
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
  no INTEGER NOT NULL UNIQUE, UNIQUE(agency, year));
CREATE TABLE IF NOT EXISTS sections(
  report_id TEXT NOT NULL REFERENCES reports(id) ON DELETE CASCADE, ord INTEGER NOT NULL,
  key TEXT NOT NULL, title TEXT, text TEXT, page INTEGER, line INTEGER,
  PRIMARY KEY(report_id, key));
CREATE TABLE IF NOT EXISTS cell_keys(
  no INTEGER PRIMARY KEY, tbl TEXT NOT NULL, row TEXT NOT NULL, col TEXT NOT NULL, UNIQUE(tbl, row, col));
CREATE TABLE IF NOT EXISTS agency_keys(no INTEGER PRIMARY KEY, agency TEXT NOT NULL UNIQUE);
CREATE TABLE IF NOT EXISTS checks(
  report_id TEXT NOT NULL REFERENCES reports(id) ON DELETE CASCADE, ord INTEGER NOT NULL,
  rule TEXT NOT NULL, status TEXT NOT NULL, cells TEXT, printed NUMERIC, computed NUMERIC,
  detail TEXT, quote TEXT, section TEXT, PRIMARY KEY(report_id, ord));
CREATE TABLE IF NOT EXISTS replaced(
  id TEXT PRIMARY KEY, file_hash TEXT NOT NULL, source TEXT, source_path TEXT, agency TEXT NOT NULL,
  year INTEGER NOT NULL, ingested_at TEXT, replaced_at TEXT DEFAULT CURRENT_TIMESTAMP, replaced_by TEXT);
CREATE INDEX IF NOT EXISTS reports_year ON reports(year);
"""
# Figures in long form, one row per printed cell, keyed by integers: the report's number,
# the cell's (cell_keys), and the report's year and agency (agency_keys) on every row, so
# that one figure of one year is one index range (rank within a year over 150,000
# reports), and one agency's series another. `ord` is the order the cells were printed in.
FIGURES_TABLE = """
CREATE TABLE IF NOT EXISTS figures(
  report_no INTEGER NOT NULL REFERENCES reports(no) ON DELETE CASCADE,
  key_no INTEGER NOT NULL REFERENCES cell_keys(no), year INTEGER NOT NULL, agency_no INTEGER NOT NULL,
  ord INTEGER NOT NULL, value NUMERIC, raw TEXT, page INTEGER, position TEXT, PRIMARY KEY(report_no, key_no))"""
# Covering indexes: a figure of one year (of one agency) is read from the index alone, in
# report order — a heap row per report would be a page read per report (1.5 s for a
# year of 140,000 reports on PostgreSQL, cold).
FIGURES_INDEXES = (
    "CREATE INDEX IF NOT EXISTS figures_by_year ON figures(key_no, year, report_no, value)",
    "CREATE INDEX IF NOT EXISTS figures_by_agency ON figures(key_no, agency_no, year, report_no, value)",
)


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
        self._create_figures()

    def _ddl(self, statement: str) -> str:
        return statement

    def _create_figures(self) -> None:
        """The figures table at the current shape, unless an older one is there to migrate."""
        if "report_id" not in self._columns(self.db, "figures"):
            self.db.execute(self._ddl(FIGURES_TABLE))
            for statement in FIGURES_INDEXES:
                self.db.execute(statement)

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
            self._migrate_5(db)
            for old in ("figures_year", "figures_agency"):     # 6: the figure indexes made covering
                db.execute(f"DROP INDEX IF EXISTS {old}")
            for statement in FIGURES_INDEXES:
                db.execute(statement)
            db.execute("UPDATE meta SET value=? WHERE key='schema_version'", (str(SCHEMA_VERSION),))

    # the column that kept a version-4 store's figures in printed order
    _V4_ORDER = "rowid"

    def _migrate_5(self, db) -> None:
        """5: integer keys — reports numbered, cells and agencies as key tables, year and
        agency on every figure row (the table rebuilt in the same transaction)."""
        if "no" not in self._columns(db, "reports"):
            db.execute("ALTER TABLE reports ADD COLUMN no INTEGER")
            ids = [r[0] for r in db.execute("SELECT id FROM reports ORDER BY agency, year")]
            db.executemany("UPDATE reports SET no=? WHERE id=?", [(i + 1, rid) for i, rid in enumerate(ids)])
            db.execute("CREATE UNIQUE INDEX reports_no ON reports(no)")
        if "report_id" not in self._columns(db, "figures"):
            return
        db.execute(self._ddl(FIGURES_TABLE.replace("figures(", "figures_v5(", 1)))
        db.execute("INSERT INTO cell_keys(no, tbl, row, col) SELECT ROW_NUMBER() OVER (ORDER BY tbl, row, col), "
                   "tbl, row, col FROM (SELECT DISTINCT tbl, row, col FROM figures) AS k")
        db.execute("INSERT INTO agency_keys(no, agency) SELECT ROW_NUMBER() OVER (ORDER BY agency), agency "
                   "FROM (SELECT DISTINCT agency FROM reports) AS a")
        db.execute(
            "INSERT INTO figures_v5(report_no, key_no, year, agency_no, ord, value, raw, page, position) "
            "SELECT r.no, k.no, r.year, a.no, "
            f"ROW_NUMBER() OVER (PARTITION BY f.report_id ORDER BY f.{self._V4_ORDER}), "
            "f.value, f.raw, f.page, f.position FROM figures f JOIN reports r ON r.id = f.report_id "
            "JOIN cell_keys k ON k.tbl = f.tbl AND k.row = f.row AND k.col = f.col "
            "JOIN agency_keys a ON a.agency = r.agency")
        db.execute("DROP TABLE figures")
        db.execute("ALTER TABLE figures_v5 RENAME TO figures")
        for statement in FIGURES_INDEXES:
            db.execute(statement)

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
            if self.db.in_transaction:        # SQLite may have rolled back already (a full disk)
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
                   (SELECT count(*) FROM figures f WHERE f.report_no=r.no) AS figures,
                   (SELECT count(*) FROM figures f WHERE f.report_no=r.no AND f.value IS NOT NULL) AS filled,
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
                "SELECT k.tbl, k.row, k.col, f.value, f.raw, f.page, f.position FROM figures f "
                "JOIN cell_keys k ON k.no = f.key_no WHERE f.report_no=? ORDER BY f.ord", (r["no"],))
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

    def _key_numbers(self, addresses) -> list[int]:
        """The numbers of these cell addresses (an address no report printed has none)."""
        if not hasattr(self, "_keys") or any(tuple(a) not in self._keys for a in addresses):
            self._keys = {(r[1], r[2], r[3]): r[0] for r in self.db.execute("SELECT no, tbl, row, col FROM cell_keys")}
        return sorted({self._keys[tuple(a)] for a in addresses if tuple(a) in self._keys})

    def _agency_number(self, agency: str) -> int | None:
        row = self.db.execute("SELECT no FROM agency_keys WHERE agency=?", (agency,)).fetchone()
        return row[0] if row else None

    def _scope_sql(self, keys: list[int], report_ids, years, agency_no=None) -> tuple[str, list]:
        """The WHERE clause over figures f: these cells, of these reports / years / agency."""
        sql = f"f.key_no IN ({','.join(map(str, keys))})"
        params: list = []
        if report_ids is not None:
            sql += f" AND f.report_no IN (SELECT no FROM reports WHERE id IN ({','.join('?' * len(report_ids))}))"
            params += list(report_ids)
        if years:
            sql += f" AND f.year IN ({','.join('?' * len(years))})"
            params += [int(y) for y in years]
        if agency_no is not None:
            sql += " AND f.agency_no = ?"
            params.append(agency_no)
        return sql, params

    def cells(self, addresses: list[tuple[str, str, str]], report_ids: list[str] | None = None,
              years: list[int] | None = None) -> list[Cell]:
        """The stored figures at `addresses` (of the given reports and years, or all), in SQL."""
        keys = self._key_numbers(addresses) if addresses else []
        if not keys or (report_ids is not None and not report_ids):
            return []
        where, params = self._scope_sql(keys, report_ids, years)
        sql = ("SELECT r.id, k.tbl, k.row, k.col, f.value, f.raw, f.page FROM figures f "
               f"JOIN reports r ON r.no = f.report_no JOIN cell_keys k ON k.no = f.key_no WHERE {where}")
        return [Cell(r[0], r[1], r[2], r[3], _number(r[4]), r[5], r[6]) for r in self.db.execute(sql, params)]

    # ---------------------------------------------------- figure queries (SQL)
    # A figure is the sum of one or more cells of a report. The engine knows which cells a
    # figure reads in a report of each form version; these methods run the query over the
    # reports that read it with the same cells, in SQL, and return typed rows. A report with
    # a blank among its cells has value None (a blank is not 0): it is never in a condition,
    # an order or a total, and is counted apart. The scope is a list of report ids, years
    # (one index range each), an agency, or all reports; the figure is summed per report
    # over the figure rows alone, and only the reports kept are joined for their names.

    def _per_report(self, cells, report_ids, years=None, agency: str | None = None,
                    having: str = "") -> tuple[str, list, int] | None:
        """SQL of (report_no, v, printed, blank) per report in scope, or None when the
        scope cannot hold the figure (no such cell, agency or report)."""
        keys = self._key_numbers(cells)
        if not keys or (report_ids is not None and not report_ids):
            return None
        agency_no = None
        if agency is not None:
            agency_no = self._agency_number(agency)
            if agency_no is None:
                return None
        where, params = self._scope_sql(keys, report_ids, years, agency_no)
        sql = ("SELECT f.report_no, SUM(f.value) AS v, COUNT(f.value) AS printed, COUNT(*) - COUNT(f.value) AS blank "
               f"FROM figures f WHERE {where} GROUP BY f.report_no" + (f" HAVING {having}" if having else ""))
        return sql, params, len(keys)

    def _named_rows(self, per_report: str, params: list, whole: int, order: str, tail: str = "") -> list[FigureSum]:
        sql = (f"SELECT r.id, r.agency, r.year, s.v, s.printed, s.blank FROM ({per_report}) AS s "
               f"JOIN reports r ON r.no = s.report_no {tail} ORDER BY {order}")
        return [
            FigureSum(r["id"], r["agency"], r["year"], _number(r["v"]) if r["printed"] == whole else None,
                      r["printed"], r["blank"])
            for r in self.db.execute(sql, params)
        ]

    def lookup(self, cells: list[tuple[str, str, str]], report_ids: list[str] | None = None,
               years: list[int] | None = None) -> list[FigureSum]:
        """Per report, the figure at `cells` (their sum). Reports that print none of the
        cells are absent; ordered by agency and year."""
        q = self._per_report(cells, report_ids, years)
        return self._named_rows(q[0], q[1], q[2], "r.agency, r.year") if q else []

    def where(self, cells: list[tuple[str, str, str]], op: str, n: float, report_ids: list[str] | None = None,
              years: list[int] | None = None) -> list[FigureSum]:
        """The reports whose figure at `cells` meets `op n` (=, !=, >, >=, <, <=)."""
        whole = len(self._key_numbers(cells))
        q = self._per_report(cells, report_ids, years,
                             having=f"COUNT(f.value) = {whole} AND SUM(f.value) {_COMPARE[op]} ?")
        return self._named_rows(q[0], q[1] + [n], q[2], "r.agency, r.year") if q else []

    def rank(self, cells: list[tuple[str, str, str]], report_ids: list[str] | None = None,
             descending: bool = True, limit: int | None = None, years: list[int] | None = None) -> list[FigureSum]:
        """The reports with a computable figure, ordered by it (ties by agency, year). With
        a limit, only the reports at or above the limit's value are joined for their names."""
        whole = len(self._key_numbers(cells))
        q = self._per_report(cells, report_ids, years, having=f"COUNT(f.value) = {whole}")
        if not q:
            return []
        sql, params, whole = q
        direction = "DESC" if descending else "ASC"
        order = f"s.v {direction}, r.agency, r.year"
        if limit is None:
            return self._named_rows(sql, params, whole, order)
        # the limit-th value (ties at it kept), over the per-report sums alone
        rows = self.db.execute(
            f"WITH s AS ({sql}) SELECT r.id, r.agency, r.year, s.v, s.printed, s.blank FROM s "
            f"JOIN reports r ON r.no = s.report_no WHERE s.v {'>=' if descending else '<='} COALESCE("
            f"(SELECT v FROM s ORDER BY v {direction} LIMIT 1 OFFSET {max(int(limit), 1) - 1}), s.v) "
            f"ORDER BY {order} LIMIT {int(limit)}", params)
        return [FigureSum(r["id"], r["agency"], r["year"], _number(r["v"]), r["printed"], r["blank"]) for r in rows]

    def total(self, cells: list[tuple[str, str, str]], report_ids: list[str] | None = None,
              years: list[int] | None = None) -> FigureTotal:
        """The figure added up over the reports: the sum of the computable ones, how many
        those are, and how many have a blank among their cells (left out)."""
        q = self._per_report(cells, report_ids, years)
        if not q:
            return FigureTotal(None, 0, 0)
        sql, params, whole = q
        r = self.db.execute(
            f"SELECT SUM(CASE WHEN printed = {whole} THEN v END) AS v, "
            f"SUM(CASE WHEN printed = {whole} THEN 1 ELSE 0 END) AS n, "
            f"SUM(CASE WHEN printed < {whole} THEN 1 ELSE 0 END) AS blank FROM ({sql}) AS per_report",
            params,
        ).fetchone()
        return FigureTotal(_number(r["v"]), r["n"] or 0, r["blank"] or 0)

    def series(self, cells: list[tuple[str, str, str]], agency: str, years: list[int] | None = None,
               report_ids: list[str] | None = None) -> list[FigureSum]:
        """One agency's figure at `cells`, year by year (chronological)."""
        q = self._per_report(cells, report_ids, years, agency=agency)
        return self._named_rows(q[0], q[1], q[2], "r.year") if q else []

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
        no = db.execute("SELECT COALESCE(MAX(no), 0) + 1 FROM reports").fetchone()[0]   # under the write lock
        db.execute(
            """INSERT INTO reports(id, file_hash, source, source_path, agency, agency_printed, agency_kind,
                 province, city, county, year, year_basis, published, format_version, table_versions,
                 title, file_type, pages, warnings, units, no) VALUES(?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)""",
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
                no,
            ),
        )
        db.executemany(
            "INSERT INTO sections VALUES(?,?,?,?,?,?,?)",
            [(report.id, i, s.key, s.title, s.text, s.page, s.line) for i, s in enumerate(report.sections)],
        )
        agency_no = self._agency_number(report.agency)
        if agency_no is None:
            agency_no = db.execute("SELECT COALESCE(MAX(no), 0) + 1 FROM agency_keys").fetchone()[0]
            db.execute("INSERT INTO agency_keys(no, agency) VALUES(?, ?)", (agency_no, report.agency))
        keys = {(r[1], r[2], r[3]): r[0] for r in db.execute("SELECT no, tbl, row, col FROM cell_keys")}
        new = [a for a in dict.fromkeys((f.table, f.row, f.col) for f in report.figures) if a not in keys]
        if new:
            first = db.execute("SELECT COALESCE(MAX(no), 0) + 1 FROM cell_keys").fetchone()[0]
            db.executemany("INSERT INTO cell_keys(no, tbl, row, col) VALUES(?,?,?,?)",
                           [(first + i, *a) for i, a in enumerate(new)])
            keys.update({a: first + i for i, a in enumerate(new)})
        db.executemany(
            "INSERT INTO figures(report_no, key_no, year, agency_no, ord, value, raw, page, position) "
            "VALUES(?,?,?,?,?,?,?,?,?)",
            [
                (no, keys[(f.table, f.row, f.col)], report.year, agency_no, i, f.value, f.raw, f.page,
                 json.dumps(f.position))
                for i, f in enumerate(report.figures)
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

    _V4_ORDER = "seq"

    def __init__(self, root: str | os.PathLike, url: str):
        self.url = url
        super().__init__(root)

    @property
    def location(self) -> str:
        return re.sub(r"//([^:/@]+):[^@]*@", r"//\1:***@", self.url)

    def _connect(self) -> None:
        self.db = _PgConnection(self.url)

    def _create(self) -> None:
        for statement in filter(str.strip, DDL.split(";")):
            self.db.execute(self._ddl(statement))
        self._create_figures()

    def _ddl(self, statement: str) -> str:
        return statement.replace(" TEXT", ' TEXT COLLATE "C"')

    def _columns(self, db, table: str) -> set[str]:
        return {r["column_name"] for r in db.execute(
            "SELECT column_name FROM information_schema.columns WHERE table_name = ?", (table,))}

    def optimize(self) -> None:
        """Statistics, and the visibility map VACUUM keeps: without it an index-only scan
        (a year of one figure, from the covering index) visits the table after all."""
        for table in ("reports", "sections", "figures", "checks"):
            self.db.execute(f"VACUUM (ANALYZE) {table}")

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
