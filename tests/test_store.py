"""The store: ingest is idempotent, duplicates and replacements are said, a crash mid-ingest
changes nothing, remove takes everything derived from a report."""
from __future__ import annotations

import shutil

import pytest

from assistant import export_json, ingest, ingest_bytes
from assistant.store import Store

from conftest import CORPUS, SEED_2021, replace_line


def snapshot(store):
    tables = {t: store.db.execute(f"SELECT * FROM {t} ORDER BY 1, 2").fetchall()
              for t in ("reports", "sections", "figures", "checks")}
    tables = {t: [tuple(r) for r in rows] for t, rows in tables.items()}
    return tables, sorted(p.name for p in (store.root / "files").iterdir())


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
    files = sorted(p.name for p in (store.root / "files").iterdir())
    assert len(files) == 1 and files[0].startswith(new.report_id)
    n = store.db.execute("SELECT count(*) FROM figures WHERE report_id=?", (old.report_id,)).fetchone()[0]
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
    data = (replace_line(text, 86, "\t5") if replacing else text.replace("韶关市曲江区总工会", "韶关市武江区总工会")).encode()
    with pytest.raises(RuntimeError, match="injected crash"):
        ingest_bytes(store, data, "new.txt", str(tmp_path / "new.txt"))
    monkeypatch.undo()
    assert snapshot(store) == before
    reopened = Store(store.root)
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
    store.remove(rid)
    for t in ("sections", "figures", "checks"):
        assert store.db.execute(f"SELECT count(*) FROM {t} WHERE report_id=?", (rid,)).fetchone()[0] == 0
    assert not blob.exists()
    assert store.report_ids() == [outcomes[0].report_id]
    assert '"id": "%s"' % rid not in export_json(store.reports())


def test_a_store_of_schema_1_is_migrated_on_open_without_losing_a_report(tmp_path):
    store = Store(tmp_path / "index")
    ingest(store, [CORPUS])
    before = {r["id"]: (r["agency"], r["year"]) for r in store.catalogue()}
    figures = store.db.execute("SELECT COUNT(*) FROM figures").fetchone()[0]
    # what a version-1 store looked like: no units column
    store.db.execute("ALTER TABLE reports DROP COLUMN units")
    store.db.execute("UPDATE meta SET value='1' WHERE key='schema_version'")
    store.close()
    store = Store(tmp_path / "index")
    assert "units" in {r["name"] for r in store.db.execute("PRAGMA table_info(reports)")}
    assert store.db.execute("SELECT value FROM meta WHERE key='schema_version'").fetchone()[0] == "2"
    assert {r["id"]: (r["agency"], r["year"]) for r in store.catalogue()} == before
    assert store.db.execute("SELECT COUNT(*) FROM figures").fetchone()[0] == figures
    assert all(store.get(i).units == {} for i in before)
    store.close()
