"""The CLI as a user runs it, on the real corpus: main() in-process, and one smoke test of
python -m assistant in a subprocess."""
from __future__ import annotations

import csv
import io
import json
import os
import subprocess
import sys

import pytest
from conftest import CORPUS, ROOT, SEED_2019, SEED_2021, expected_2019, expected_2021
from conftest import run_cli as run


@pytest.fixture(scope="module")
def index(tmp_path_factory):
    idx = tmp_path_factory.mktemp("cli") / "index"
    p = run(idx, "ingest", str(CORPUS))
    assert p.stdout.count("ingested as") == 2
    assert "2 files: 2 ingested" in p.stderr
    return idx


def test_export_json_gives_every_printed_cell_of_both_seeds(index):
    data = json.loads(run(index, "export", "--format", "json").stdout)
    by_source = {r["source"]: r for r in data["reports"]}
    expected = {SEED_2019.name: expected_2019(), SEED_2021.name: expected_2021()}
    for name, exp in expected.items():
        r = by_source[name]
        got = {(f["table"], f["row"], f["col"]): f["value"] for f in r["figures"]}
        assert got == exp                                  # blanks as null
        assert all(set(f) >= {"table", "row", "col", "value", "raw", "page"} for f in r["figures"])
        assert set(r) >= {"id", "agency", "agency_printed", "region", "year", "published", "format_version",
                          "file_type", "source", "sections", "figures", "checks"}
        assert all(set(c) == {"rule", "status", "cells", "printed", "computed", "detail", "quote", "section"}
                   for c in r["checks"])
    assert by_source[SEED_2019.name]["year"] == 2020 and by_source[SEED_2021.name]["year"] == 2022
    raw = next(f["raw"] for f in by_source[SEED_2019.name]["figures"] if (f["row"], f["col"]) == ("rules", "new_made"))
    assert raw == "\u3000\u30000"


def test_export_csv_long_form_with_bom(index, tmp_path):
    out = tmp_path / "figures.csv"
    run(index, "export", "--format", "csv", "--output", str(out))
    data = out.read_bytes()
    assert data.startswith(b"\xef\xbb\xbf")
    rows = list(csv.DictReader(io.StringIO(data.decode("utf-8-sig"))))
    assert len(rows) == 198 + 200
    r = next(
        r for r in rows if r["agency"] == "韶关市曲江区总工会" and r["row"] == "new_received" and r["col"] == "total"
    )
    assert r["year"] == "2022" and r["value"] == "0" and r["line"] == "86"
    assert r["label"] == "一、本年新收政府信息公开申请数量 / 总计"
    blank = next(
        r
        for r in rows
        if r["agency_printed"] == "承德高新区总工会" and r["row"] == "granted" and r["col"] == "natural_person"
    )
    assert blank["value"] == "" and blank["raw"] == "\u00a0"


def test_show_accepts_short_names(index):
    out = run(index, "show", "曲江区总工会", "2022").stdout
    assert out.startswith("韶关市曲江区总工会 2022年")
    assert "表一" in out and "表二" in out and "表三" in out and "行政规范性文件" in out
    j = json.loads(run(index, "show", "承德高新区总工会", "2020年", "--json").stdout)
    assert j["tables"]["B"]["new_received"]["total"]["value"] == 0
    assert j["tables"]["B"]["new_received"]["natural_person"]["value"] is None


def test_show_says_what_is_missing(index):
    p = run(index, "show", "曲江区总工会", "2021", ok=False)
    assert p.returncode == 1 and "no 2021 report for 韶关市曲江区总工会; the store has 2022" in p.stderr
    p = run(index, "show", "总工会", "2022", ok=False)
    assert p.returncode == 1 and "matches 2 agencies" in p.stderr
    p = run(index, "show", "洪泽区", "2023", ok=False)
    assert p.returncode == 1 and "no agency “洪泽区”" in p.stderr


def test_ingest_reports_each_file_and_exit_codes(tmp_path):
    idx = tmp_path / "index"
    (tmp_path / "in").mkdir()
    (tmp_path / "in" / "old.doc").write_bytes(b"\xd0\xcf\x11\xe0")
    p = run(idx, "ingest", str(tmp_path / "in"), ok=False)
    assert p.returncode == 1 and "old.doc: rejected: legacy Word .doc file: convert to .docx" in p.stdout
    p = run(idx, "ingest", str(tmp_path / "in"), str(SEED_2021), "--json")
    lines = [json.loads(x) for x in p.stdout.splitlines()]
    assert [x["status"] for x in lines] == ["rejected", "ingested"]
    p = run(idx, "list", "--json")
    [row] = json.loads(p.stdout)
    assert row["agency"] == "韶关市曲江区总工会" and row["figures"] == 200


def test_remove(tmp_path):
    idx = tmp_path / "index"
    run(idx, "ingest", str(SEED_2019))
    [row] = json.loads(run(idx, "list", "--json").stdout)
    assert f"removed {row['id']}" in run(idx, "remove", row["id"]).stdout
    assert json.loads(run(idx, "list", "--json").stdout) == []
    assert run(idx, "remove", row["id"], ok=False).returncode == 1


def test_index_dir_from_environment(tmp_path):
    env_dir = tmp_path / "from-env"
    p = subprocess.run(
        [sys.executable, "-m", "assistant", "ingest", str(SEED_2019)],
        capture_output=True,
        text=True,
        cwd=ROOT,
        env={"XXGK_INDEX_DIR": str(env_dir), "PATH": "/usr/bin:/bin", "HF_HUB_OFFLINE": "1",
             "XXGK_EMBED_MODEL": os.environ["XXGK_EMBED_MODEL"]},
    )
    assert p.returncode == 0, p.stderr
    assert (env_dir / "store.sqlite").exists()


@pytest.mark.slow
def test_the_database_url_moves_the_store_to_postgresql(tmp_path, pg_database, monkeypatch):
    """XXGK_DATABASE_URL switches ingest, answers and listing to PostgreSQL; no SQLite file."""
    monkeypatch.setenv("XXGK_DATABASE_URL", pg_database)
    idx = tmp_path / "index"
    assert run(idx, "ingest", str(CORPUS)).stdout.count("ingested as") == 2
    assert not (idx / "store.sqlite").exists()
    out = run(idx, "ask", "曲江区总工会2022年新收多少申请？").stdout
    assert "韶关市曲江区总工会 2022年新收政府信息公开申请：0件" in out
    assert "2 reports in postgresql://" in run(idx, "list").stdout
    assert run(idx, "ingest", str(CORPUS)).stdout.count("unchanged") == 2
