"""The store: ingest is idempotent, duplicates and replacements are said, a crash mid-ingest
changes nothing, remove takes everything derived from a report."""
from __future__ import annotations

import shutil

import pytest
from conftest import CORPUS, SEED_2021, replace_line, snapshot

from assistant import export_json, ingest, ingest_bytes
from assistant.store import SCHEMA_VERSION, PgStore, Store


@pytest.fixture(params=["sqlite", pytest.param("postgresql", marks=pytest.mark.slow)])
def store(request, tmp_path):
    """Every test of this module on both back ends: the SQLite file, and a fresh database
    of a throwaway PostgreSQL cluster (Debian's postgresql package)."""
    if request.param == "sqlite":
        s = Store(tmp_path / "index")
    else:
        s = PgStore(tmp_path / "index", request.getfixturevalue("pg_database"))
    yield s
    s.close()

def test_ingest_twice_changes_nothing(store):
    first = ingest(store, [CORPUS])
    assert [o.status for o in first] == ["ingested", "ingested"]
    before = snapshot(store)
    second = ingest(store, [CORPUS])
    assert [o.status for o in second] == ["unchanged", "unchanged"]
    assert snapshot(store) == before
    assert len(before[1]) == 2                         # the source files are kept by hash
    kept = {store.source_file(o.report_id).read_bytes() for o in first}
    assert kept == {p.read_bytes() for p in CORPUS.iterdir()}


def test_byte_identical_copy_is_a_duplicate(store, tmp_path):
    ingest(store, [SEED_2021])
    before = snapshot(store)
    copy = tmp_path / "copy.txt"
    shutil.copy(SEED_2021, copy)
    [o] = ingest(store, [copy])
    assert o.status == "duplicate" and str(SEED_2021) in o.message
    assert snapshot(store) == before


def test_changed_file_for_same_agency_and_year_replaces(store, tmp_path):
    [old] = ingest(store, [SEED_2021])
    changed = tmp_path / "qujiang_2022_v2.txt"
    changed.write_text(replace_line(SEED_2021.read_text("utf-8"), 86, "\t5"), "utf-8")
    [new] = ingest(store, [changed])
    assert new.status == "replaced" and f"replaces {old.report_id}" in new.message
    assert store.report_ids() == [new.report_id]
    assert store.get(new.report_id).value("B", "new_received", "total") == 5
    files = sorted(p.name for p in (store.root / "files").iterdir())   # the replaced file is kept
    assert len(files) == 2 and {f[:16] for f in files} == {old.report_id, new.report_id}
    assert [r["id"] for r in store.replaced()] == [old.report_id]
    n = store.db.execute("SELECT count(*) FROM figures f JOIN reports r ON r.no = f.report_no WHERE r.id=?",
                         (old.report_id,)).fetchone()[0]
    assert n == 0


@pytest.mark.parametrize("replacing", [False, True])
def test_crash_mid_ingest_leaves_store_as_before(store, tmp_path, monkeypatch, replacing):
    ingest(store, [CORPUS])
    before = snapshot(store)
    real_insert = Store._insert

    def crash_after_writing(self, db, *args):
        real_insert(self, db, *args)            # everything written inside the transaction …
        raise RuntimeError("injected crash")    # … then the process dies before commit

    monkeypatch.setattr(Store, "_insert", crash_after_writing)
    text = SEED_2021.read_text("utf-8")
    data = (
        replace_line(text, 86, "\t5") if replacing else text.replace("韶关市曲江区总工会", "韶关市武江区总工会")
    ).encode()
    outcome = ingest_bytes(store, data, "new.txt", str(tmp_path / "new.txt"))
    assert (
        outcome.status == "rejected" and outcome.message == "rejected: could not store (RuntimeError: injected crash)"
    )
    monkeypatch.undo()
    assert snapshot(store) == before
    reopened = PgStore(store.root, store.url) if isinstance(store, PgStore) else Store(store.root)
    assert snapshot(reopened) == before
    reopened.close()


def test_rejected_file_changes_nothing(store, tmp_path):
    ingest(store, [CORPUS])
    before = snapshot(store)
    bad = tmp_path / "bad"
    bad.mkdir()
    (bad / "empty.txt").write_bytes(b"")
    (bad / "old.doc").write_bytes(b"\xd0\xcf\x11\xe0")
    (bad / "news.txt").write_text("今日天气晴。\n", "utf-8")
    outcomes = ingest(store, [bad])
    assert {o.path.split("/")[-1]: o.message for o in outcomes} == {
        "empty.txt": "rejected: empty file",
        "news.txt": "rejected: not a 政府信息公开工作年度报告: no section headings or report tables found",
        "old.doc": "rejected: legacy Word .doc file: convert to .docx",
    }
    assert snapshot(store) == before


def test_remove_takes_everything_derived(store):
    outcomes = ingest(store, [CORPUS])
    rid = outcomes[1].report_id
    blob = store.source_file(rid)
    assert blob.exists()
    no = store.db.execute("SELECT no FROM reports WHERE id=?", (rid,)).fetchone()[0]
    store.remove(rid)
    for t in ("sections", "checks"):
        assert store.db.execute(f"SELECT count(*) FROM {t} WHERE report_id=?", (rid,)).fetchone()[0] == 0
    assert store.db.execute("SELECT count(*) FROM figures WHERE report_no=?", (no,)).fetchone()[0] == 0
    assert not blob.exists()
    assert store.report_ids() == [outcomes[0].report_id]
    assert f'"id": "{rid}"' not in export_json(store.reports())


def _as_version_4(store) -> None:
    """Turn a store into what a version-4 store looked like: figures keyed by report id
    and cell address (in printed order: rowid on SQLite, seq on PostgreSQL), no report
    numbers, no key tables."""
    db = store.db
    pg = isinstance(store, PgStore)
    seq = ", seq BIGSERIAL" if pg else ""
    db.execute("CREATE TABLE figures_v4(report_id TEXT NOT NULL REFERENCES reports(id) ON DELETE CASCADE, "
               "tbl TEXT NOT NULL, row TEXT NOT NULL, col TEXT NOT NULL, value NUMERIC, raw TEXT, page INTEGER, "
               f"position TEXT{seq}, PRIMARY KEY(report_id, tbl, row, col))")
    db.execute("INSERT INTO figures_v4(report_id, tbl, row, col, value, raw, page, position) "
               "SELECT r.id, k.tbl, k.row, k.col, f.value, f.raw, f.page, f.position FROM figures f "
               "JOIN reports r ON r.no = f.report_no JOIN cell_keys k ON k.no = f.key_no ORDER BY r.no, f.ord")
    db.execute("DROP TABLE figures")
    db.execute("ALTER TABLE figures_v4 RENAME TO figures")
    db.execute("DROP TABLE cell_keys")
    db.execute("DROP TABLE agency_keys")
    if pg:
        db.execute("ALTER TABLE reports DROP COLUMN no")
    else:   # SQLite cannot drop a UNIQUE column: the table is rebuilt without it
        columns = [r["name"] for r in db.execute("PRAGMA table_info(reports)") if r["name"] != "no"]
        create = db.execute("SELECT sql FROM sqlite_master WHERE name='reports'").fetchone()[0]
        db.execute("PRAGMA foreign_keys=OFF")
        db.execute("PRAGMA legacy_alter_table=ON")      # sections and checks keep pointing at `reports`
        db.execute("ALTER TABLE reports RENAME TO reports_v5")
        db.execute(create.replace("no INTEGER NOT NULL UNIQUE, ", ""))
        db.execute(f"INSERT INTO reports({', '.join(columns)}) SELECT {', '.join(columns)} FROM reports_v5")
        db.execute("DROP TABLE reports_v5")
        db.execute("PRAGMA foreign_keys=ON")
    db.execute("UPDATE meta SET value='4' WHERE key='schema_version'")


def test_a_store_of_an_older_schema_is_migrated_on_open_without_losing_a_figure(store):
    """Version 1 (no units, no check quotes) and version 4 (figures keyed by text) to the
    current integer keys, on both back ends, every figure in its printed order."""
    ingest(store, [CORPUS])
    before = {i: store.get(i) for i in store.report_ids()}
    _as_version_4(store)
    store.db.execute("ALTER TABLE reports DROP COLUMN units")       # and what version 1 lacked
    store.db.execute("ALTER TABLE checks DROP COLUMN quote")
    store.db.execute("ALTER TABLE checks DROP COLUMN section")
    store.db.execute("UPDATE meta SET value='1' WHERE key='schema_version'")
    again = type(store)(store.root, store.url) if isinstance(store, PgStore) else Store(store.root)
    try:
        version = again.db.execute("SELECT value FROM meta WHERE key='schema_version'").fetchone()[0]
        assert version == str(SCHEMA_VERSION)
        assert {"report_no", "key_no", "year", "agency_no", "ord"} <= again._columns(again.db, "figures")
        after = {i: again.get(i) for i in again.report_ids()}
        assert after.keys() == before.keys()
        for i, report in before.items():
            assert after[i].figures == report.figures            # every cell, in printed order
            assert after[i].units == {}
        cells = [("B", "new_received", "total")]
        assert [(s.report_id, s.value) for s in again.lookup(cells)] == [
            (i, before[i].value(*cells[0])) for i in again.report_ids()]
        ingest(again, [SEED_2021.parent])                          # and it takes new reports
    finally:
        again.close()


def test_figure_queries_run_in_sql_and_agree_with_the_printed_cells(store, tmp_path):
    """lookup, where, rank, total and series over generated reports, against what the
    generator printed; a blank part makes a figure uncomputable: absent from conditions,
    orders and totals, counted apart."""
    from assistant.generator import write

    records = write(tmp_path / "gen", 12, formats=("txt",), seed=7, contradictory=0)
    ingest(store, [tmp_path / "gen" / "txt"])
    ids = {(r.agency, r.year): r.id for r in map(store.get, store.report_ids())}
    cells = [("B", "new_received", "total"), ("B", "carried_over", "total")]
    expected = {}
    for rec in records:
        printed = {(c["table"], c["row"], c["col"]): c["value"] for c in rec["cells"]}
        parts = [printed.get(c) for c in cells]
        expected[ids[(rec["agency"], rec["year"])]] = None if None in parts else sum(parts)
    assert {s.report_id: s.value for s in store.lookup(cells)} == expected
    known = {i: v for i, v in expected.items() if v is not None}
    assert len(set(known.values())) > 3  # the corpus tells orders apart
    by_value = sorted(known.values(), reverse=True)
    assert [s.value for s in store.rank(cells)] == by_value
    assert [s.value for s in store.rank(cells, descending=False, limit=2)] == sorted(known.values())[:2]
    middle = by_value[len(by_value) // 2]
    for op, test in ((">", middle.__lt__), ("<=", middle.__ge__), ("=", middle.__eq__), ("!=", middle.__ne__)):
        assert {s.report_id for s in store.where(cells, op, middle)} == {i for i, v in known.items() if test(v)}
    t = store.total(cells)
    assert (t.value, t.reports, t.blank) == (sum(known.values()), len(known), len(expected) - len(known))

    agency, year = next(iter(ids))
    years = sorted(y for a, y in ids if a == agency)
    assert [s.year for s in store.series(cells, agency)] == years
    assert [s.value for s in store.series(cells, agency)] == [expected[ids[(agency, y)]] for y in years]

    blanked = max(known, key=known.get)
    store.db.execute(
        "UPDATE figures SET value=NULL WHERE report_no=(SELECT no FROM reports WHERE id=?) AND key_no="
        "(SELECT no FROM cell_keys WHERE tbl='B' AND row='carried_over' AND col='total')", (blanked,)
    )
    row = next(s for s in store.lookup(cells) if s.report_id == blanked)
    assert (row.value, row.printed, row.blank) == (None, 1, 1)
    assert blanked not in {s.report_id for s in store.rank(cells) + store.where(cells, ">=", 0)}
    t2 = store.total(cells)
    assert (t2.value, t2.reports, t2.blank) == (t.value - known[blanked], t.reports - 1, t.blank + 1)
