"""Hostile and careless input (issue 13): every file just past one of the limits of
assistant/limits.py gets its one-line reason naming the limit, and the store and the
search index stay as they were; a value no real report prints is a blank with a check;
one failing file does not stop a batch; names and arguments are cleaned."""
from __future__ import annotations

import io
import zipfile

import pytest
from conftest import ROOT, SEED_2019, SEED_2021, replace_line, snapshot

from assistant import add, index_state, ingest, ingest_bytes, limits, safe_name
from assistant.generator import generate, render

W = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"'
RELS = ('<?xml version="1.0"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
        '<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/'
        'officeDocument" Target="word/document.xml"/></Relationships>')


def _docx(body: str, rels: str = RELS, pad: int = 0) -> bytes:
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as z:
        z.writestr("[Content_Types].xml", '<?xml version="1.0"?><Types/>')
        z.writestr("_rels/.rels", rels)
        z.writestr("word/document.xml", f'<?xml version="1.0"?><w:document {W}><w:body>{body}'
                   + " " * pad + "</w:body></w:document>")
    return out.getvalue()


def _span_docx(span: int) -> bytes:
    cell = f'<w:tc><w:tcPr><w:gridSpan w:val="{span}"/></w:tcPr><w:p><w:r><w:t>1</w:t></w:r></w:p></w:tc>'
    return _docx(f"<w:tbl><w:tr>{cell}</w:tr></w:tbl>")


def _html_tables(rows: int, cols: int, colspan: int = 1, tables: int = 1) -> bytes:
    row = "<tr>" + f'<td colspan="{colspan}">1</td>' * cols + "</tr>"
    return ('<html><meta charset="utf-8"><body>' + f"<table>{row * rows}</table>" * tables
            + "</body></html>").encode()


def _pages_pdf(n: int) -> bytes:
    import pypdf
    writer = pypdf.PdfWriter()
    for _ in range(n):
        writer.add_blank_page(200, 200)
    out = io.BytesIO()
    writer.write(out)
    return out.getvalue()


PROBES = [
    ("span.docx", lambda: _span_docx(limits.MAX_SPAN + 1), "MAX_SPAN"),
    ("bomb.docx", lambda: _docx("", pad=limits.MAX_PART_BYTES), "MAX_PART_BYTES"),
    ("rels-bomb.docx", lambda: _docx("", rels=RELS + " " * limits.MAX_PART_BYTES), "MAX_PART_BYTES"),
    ("span.html", lambda: _html_tables(1, 2, limits.MAX_SPAN + 1), "MAX_SPAN"),
    (
        "cells.html",
        lambda: _html_tables(limits.MAX_TABLE_CELLS // (2 * limits.MAX_SPAN) + 1, 2, limits.MAX_SPAN),
        "MAX_TABLE_CELLS",
    ),
    (
        "cells-many-tables.html",
        lambda: _html_tables(5000, 2, tables=limits.MAX_DOCUMENT_CELLS // 10000 + 1),
        "MAX_DOCUMENT_CELLS",
    ),
    (
        "big.html",
        lambda: b'<html><meta charset="utf-8"><body><p>' + b"a" * limits.MAX_MARKUP_BYTES + b"</p></body></html>",
        "MAX_MARKUP_BYTES",
    ),
    ("pages.pdf", lambda: _pages_pdf(limits.MAX_PAGES + 1), "MAX_PAGES"),
    ("long.txt", lambda: "一、总体情况\n".encode() + "字".encode() * limits.MAX_CHARS, "MAX_CHARS"),
]


@pytest.fixture
def indexed(tmp_path):
    """A store holding one report, with its search index."""
    from assistant import open_store

    store = open_store(tmp_path / "index")
    add(store, [SEED_2021])
    yield store
    store.close()


def _index_files(store) -> tuple:
    root = store.root / "search"
    return (root / "CURRENT").read_text(), sorted(p.name for p in root.iterdir())


@pytest.mark.parametrize("name, make, limit", PROBES, ids=[p[0] for p in PROBES])
def test_past_a_limit_is_refused_with_the_limit_named(indexed, tmp_path, name, make, limit):
    before, index_before = snapshot(indexed), _index_files(indexed)
    path = tmp_path / name
    path.write_bytes(make())
    outcomes, _ = add(indexed, [path])
    [o] = outcomes
    assert o.status == "rejected", o.message
    assert f"[{limit}]" in o.message and "\n" not in o.message, o.message
    assert snapshot(indexed) == before and _index_files(indexed) == index_before
    assert index_state(indexed) == "ok"


def test_a_file_past_the_size_limit_is_not_read(store, tmp_path):
    path = tmp_path / "huge.pdf"
    with open(path, "wb") as f:
        f.truncate(limits.MAX_FILE_BYTES + 1)  # sparse: nothing to read if it is not read
    [o] = ingest(store, [path])
    assert o.status == "rejected" and "[MAX_FILE_BYTES]" in o.message


def test_the_largest_real_reports_are_far_below_every_limit(store):
    """The limits leave room: the real PDFs and the seeds parse with none near."""
    from conftest import SHARED

    from assistant.readers import read_bytes
    from assistant.retrieval.chunks import chunks_of

    paths = [SEED_2019, SEED_2021] + sorted((SHARED / "reports").glob("*.pdf"))
    for path in paths:
        doc = read_bytes(path.read_bytes(), path.name)
        cells = sum(len(r) for t in doc.tables for r in t.rows)
        assert cells < limits.MAX_DOCUMENT_CELLS / 20 and (doc.pages or 0) < limits.MAX_PAGES / 5
    for o in ingest(store, paths):
        assert o.status == "ingested", o.message
        assert len(chunks_of(store.get(o.report_id))) < limits.MAX_CHUNKS / 5


def test_a_parse_past_its_time_is_stopped_and_the_next_file_is_read(store, monkeypatch):
    from assistant import worker

    monkeypatch.setattr(limits, "PARSE_SECONDS", 0.001)
    o = ingest_bytes(store, render(next(generate(1, seed=5)), "pdf"), "slow.pdf")
    assert o.status == "rejected" and "[PARSE_SECONDS]" in o.message, o.message
    assert worker._worker.proc is None  # the worker was stopped
    monkeypatch.setattr(limits, "PARSE_SECONDS", 60)
    o = ingest_bytes(store, SEED_2021.read_bytes(), SEED_2021.name)
    assert o.status == "ingested", o.message


def _with_cell(value: str) -> bytes:
    """The 2021 seed with 本年新收 / 自然人 printed as `value`."""
    text = SEED_2021.read_text("utf-8")
    lines = text.split("\n")
    n = next(i for i, ln in enumerate(lines) if "本年新收" in ln) + 1
    while not lines[n].strip().lstrip("\t").strip().isdigit():
        n += 1
    return replace_line(text, n + 1, "\t" + value).encode("utf-8")


@pytest.mark.parametrize(
    "printed, why", [("12345678901234567890", "上限"), ("1" * 5000, "上限"), ("-5", "负数"), ("1.5", "整数")]
)
def test_a_value_no_real_report_prints_is_a_blank_with_a_check(store, printed, why):
    o = ingest_bytes(store, _with_cell(printed), "odd.txt")
    assert o.status == "ingested", o.message
    report = store.get(o.report_id)
    [fig] = [f for f in report.figures if (f.table, f.row, f.col) == ("B", "new_received", "natural_person")]
    assert fig.value is None and fig.raw.strip() == printed
    [check] = [c for c in report.checks if c.rule == "value.bounds"]
    assert (
        check.status == "uncertain" and why in check.detail and check.cells == [("B", "new_received", "natural_person")]
    )


def test_a_negative_change_is_a_value(store):
    from assistant.schema import bound

    assert bound("A", "change").refuses(-5) is None and bound("B", "total").refuses(-5)


def test_one_failing_file_does_not_stop_the_batch(store, tmp_path, monkeypatch):
    (tmp_path / "a.txt").write_bytes(SEED_2019.read_bytes())
    (tmp_path / "b.txt").write_bytes(SEED_2021.read_bytes())
    real = type(store).put
    calls = []

    def put(self, report, *args):
        calls.append(report.agency)
        if len(calls) == 1:
            raise OverflowError("Python int too large to convert to SQLite INTEGER")
        return real(self, report, *args)

    monkeypatch.setattr(type(store), "put", put)
    outcomes = ingest(store, [tmp_path])
    assert [o.status for o in outcomes] == ["rejected", "ingested"]
    assert outcomes[0].message.startswith("rejected: could not store (OverflowError")
    assert len(store.report_ids()) == 1


def test_names_are_cleaned_for_display_and_download(store):
    o = ingest_bytes(store, SEED_2021.read_bytes(), "../报告\n2022\u202egpj.txt")
    assert o.status == "ingested"
    assert store.get(o.report_id).source == "报告2022gpj.txt"
    assert safe_name("a/b\\c\x00d.pdf") == "cd.pdf"


def test_replacing_is_kept_and_can_be_undone(store):
    from assistant import restore

    first = ingest_bytes(store, SEED_2021.read_bytes(), "first.txt")
    other = SEED_2021.read_text("utf-8").replace("总体情况", "总体情况 ", 1).encode("utf-8")
    held = ingest_bytes(store, other, "second.txt", replace=False)
    assert held.status == "conflict" and first.report_id in held.replaces
    assert store.report_ids() == [first.report_id] and not store.replaced()
    second = ingest_bytes(store, other, "second.txt")
    assert second.status == "replaced" and f"replaces {first.report_id}" in second.message
    [kept] = store.replaced()
    assert kept["id"] == first.report_id and kept["replaced_by"] == second.report_id
    back, _ = restore(store, first.report_id, index=False)
    assert back.status == "replaced" and store.report_ids() == [first.report_id]
    assert [r["id"] for r in store.replaced()] == [second.report_id]


def test_a_stale_or_broken_index_is_noticed_and_rebuilt(indexed, tmp_path):
    from assistant import update_index

    ingest(indexed, [SEED_2019])  # stored, not indexed
    assert index_state(indexed) == "stale"
    assert not update_index(indexed).up_to_date
    assert index_state(indexed) == "ok"
    root = indexed.root
    broken = root / "search" / "g-broken"
    broken.mkdir()
    (broken / "manifest.json").write_text('{"signature": "x", "chunks": 3}')
    (root / "search" / "CURRENT").write_text("g-broken")
    assert index_state(indexed) == "broken"
    result = update_index(indexed)
    assert not result.up_to_date and index_state(indexed) == "ok"


def test_cli_refuses_a_bad_k_and_a_question_with_a_lone_surrogate_is_answered(indexed, capsys):
    from assistant.answers import Engine
    from assistant.cli import main

    with pytest.raises(SystemExit) as e:
        main(["--index", str(indexed.root), "search", "改进", "--k", "-1"])
    assert e.value.code == 2 and "between 1 and 100" in capsys.readouterr().err
    answer = Engine(indexed).ask("曲江区总工会2022年\ud800收到几件申请？")
    assert answer.found


def test_the_app_takes_no_upload_larger_than_the_limit():
    import tomllib

    config = tomllib.loads((ROOT / ".streamlit" / "config.toml").read_text("utf-8"))
    assert config["server"]["maxUploadSize"] * 2**20 == limits.MAX_FILE_BYTES


def test_cli_lists_replaced_reports_and_restores_one(tmp_path, capsys):
    from assistant.cli import main

    index = str(tmp_path / "index")
    first, second = tmp_path / "first.txt", tmp_path / "second.txt"
    first.write_bytes(SEED_2021.read_bytes())
    second.write_text(SEED_2021.read_text("utf-8").replace("总体情况", "总体情况 ", 1), "utf-8")
    assert main(["--index", index, "ingest", str(first), "--no-index"]) == 0
    assert main(["--index", index, "ingest", str(second), "--no-index"]) == 0
    capsys.readouterr()
    assert main(["--index", index, "replaced", "--json"]) == 0
    [row] = __import__("json").loads(capsys.readouterr().out)
    assert row["source_path"] == str(first.resolve())
    assert main(["--index", index, "restore", row["id"]]) == 0
    assert "replaces" in capsys.readouterr().out
    assert main(["--index", index, "replaced"]) == 0
    assert str(second.resolve()) in capsys.readouterr().out
