"""The text reader: encodings, Markdown pipe tables, bad input."""
from __future__ import annotations

import pytest
import sample_md
from conftest import SEED_2019, SEED_2021

from assistant import Rejected, parse_file
from assistant.readers import read_bytes
from assistant.readers.text import decode


def figures(report):
    return {(f.table, f.row, f.col): f.value for f in report.figures}


@pytest.mark.parametrize("seed", [SEED_2019, SEED_2021])
@pytest.mark.parametrize("encoding", ["gbk", "gb18030", "utf-8-sig"])
def test_other_encodings_parse_to_the_same_figures(tmp_path, seed, encoding):
    text = seed.read_text("utf-8")
    copy = tmp_path / seed.name
    # GBK has no U+00A0: a Word copy saved as GBK carries plain spaces there
    copy.write_bytes(text.replace("\u00a0", " ").encode(encoding))
    original, converted = parse_file(seed), parse_file(copy)
    assert figures(converted) == figures(original)
    assert converted.agency == original.agency and converted.year == original.year
    assert [s.key for s in converted.sections] == [s.key for s in original.sections]
    assert read_bytes(copy.read_bytes(), copy.name).encoding == {"gbk": "gb18030"}.get(encoding, encoding)


def test_wrapped_cells_are_joined():
    doc = read_bytes(SEED_2021.read_bytes(), SEED_2021.name)
    texts = [c.text for t in doc.tables for row in t.rows for c in row]
    assert "商业企业" in texts and "科研机构" in texts and "结果纠正" in texts
    assert "商业" not in texts and "企业" not in texts


def test_markdown_report_with_pipe_tables(tmp_path):
    path = tmp_path / "shuyang_2023.md"
    path.write_text(sample_md.TEXT, "utf-8")
    r = parse_file(path)
    assert r.file_type == "md"
    assert r.agency == "宿迁市沭阳县人民政府" and r.year == 2023 and r.published == "2024-01-20"
    assert r.format_version == 2021
    assert figures(r) == sample_md.expected()
    assert [s.key for s in r.sections] == ["s1", "s1.1", "s1.2", "s2", "s3", "s4", "s5", "s6"]
    # the prose line “四、结转下年度…” under Table B is not section 四
    assert "结转下年度继续办理的申请" in r.section("s3").text
    assert r.figure("A", "coercion", "decisions").raw == "—"


@pytest.mark.parametrize("data,reason", [
    (b"", "empty file"),
    (b"  \n\n\t \n", "empty file"),
    (b"\x00\x01\x02binary\x00", "binary file, not text"),
    (b"\xff\xfe\xfd\xff\x80\x81\xff", "cannot decode text"),
])
def test_undecodable_input_is_rejected(data, reason):
    with pytest.raises(Rejected, match=reason):
        read_bytes(data, "x.txt")


def test_text_that_is_not_a_report_is_rejected(tmp_path):
    news = "本市召开政务公开工作推进会\n会议要求，各部门要进一步做好政府信息公开工作。\n\n2024年3月1日\n"
    p = tmp_path / "news.txt"
    p.write_text(news, "utf-8")
    with pytest.raises(Rejected, match="not a 政府信息公开工作年度报告"):
        parse_file(p)


@pytest.mark.parametrize("name,reason", [("a.doc", "convert to .docx"), ("a.xyz", "unsupported file type .xyz")])
def test_other_formats_are_rejected_with_their_reason(name, reason):
    with pytest.raises(Rejected, match=reason):
        read_bytes(b"whatever", name)


def test_decode_prefers_utf8_and_falls_back_to_gb18030():
    assert decode("政府信息".encode()) == ("政府信息", "utf-8")
    assert decode("政府信息".encode("gbk")) == ("政府信息", "gb18030")
