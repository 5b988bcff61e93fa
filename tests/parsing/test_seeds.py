"""Both seeds, cell by cell. Expected values were written by reading the documents (line
numbers are those of the files in corpus/), not by running the parser."""
from __future__ import annotations

import pytest
from conftest import SEED_2019, SEED_2021, expected_2019, expected_2021

from assistant import parse_file
from assistant.schema import table


@pytest.fixture(scope="module")
def seed2019():
    return parse_file(SEED_2019)


@pytest.fixture(scope="module")
def seed2021():
    return parse_file(SEED_2021)


def cells(report) -> dict:
    return {(f.table, f.row, f.col): f.value for f in report.figures}


def test_seed_2019_every_cell(seed2019):
    got = cells(seed2019)
    assert got == expected_2019()
    # blanks are None, never 0, and the printed 0s really are ints
    assert sum(v is None for v in got.values()) == 6 * 23 + 14
    assert all(v == 0 and type(v) is int for v in got.values() if v is not None)


def test_seed_2021_every_cell(seed2021):
    assert cells(seed2021) == expected_2021()


def test_seed_2019_raw_text_and_positions(seed2019):
    f = seed2019.figure("A", "rules", "new_made")
    assert f.raw == "\u3000\u30000" and f.position == {"line": 22} and f.page is None
    f = seed2019.figure("A", "fees", "change")
    assert f.raw == "0\u00a0" and f.position == {"line": 73}
    f = seed2019.figure("B", "new_received", "natural_person")
    assert f.value is None and f.raw == "\u00a0" and f.position == {"line": 106}
    f = seed2019.figure("B", "new_received", "total")
    assert f.raw == "\u00a00" and f.position == {"line": 112}
    f = seed2019.figure("B", "carried_forward", "total")
    assert f.position == {"line": 346}
    f = seed2019.figure("C", "litigation_after_review", "total")
    assert f.raw == "0" and f.position == {"line": 392}
    f = seed2019.figure("C", "review", "upheld")
    assert f.value is None and f.position == {"line": 378}


def test_seed_2021_positions(seed2021):
    assert seed2021.figure("A", "fees", "amount_wan").position == {"line": 56}
    assert seed2021.figure("B", "other_misc", "natural_person").position == {"line": 318}
    assert seed2021.figure("B", "carried_forward", "total").position == {"line": 343}
    assert seed2021.figure("C", "review", "upheld").position == {"line": 386}
    assert seed2021.figure("C", "litigation_after_review", "total").position == {"line": 400}


def test_seed_2019_metadata(seed2019):
    r = seed2019
    assert r.agency_printed == "承德高新区总工会"
    assert r.year == 2020 and r.year_basis == "signature date"
    assert r.published == "2021-01-08"
    assert r.title is None
    assert r.format_version == 2019 and r.table_versions["A"] == 2019
    assert r.agency_kind == "总工会"
    assert (r.region.province, r.region.city) == ("河北省", "承德市")
    assert [s.key for s in r.sections] == ["s1", "s1.1", "s1.2", "s2", "s3", "s4", "s5", "s6"]


def test_seed_2021_metadata(seed2021):
    r = seed2021
    assert r.agency_printed == "韶关市曲江区总工会" and r.agency == "韶关市曲江区总工会"
    assert r.year == 2022 and r.year_basis == "title"
    assert r.published == "2023-01-06"
    assert r.title == "韶关市曲江区总工会2022年政府信息公开工作年度报告"
    assert r.format_version == 2021
    assert r.table_versions == {"A": 2021, "B": 2021, "C": None}
    assert (r.region.province, r.region.city, r.region.county) == ("广东省", "韶关市", "曲江区")
    assert [s.key for s in r.sections] == ["preamble", "s1", "s1.1", "s1.2", "s1.3", "s1.4", "s1.5",
                                           "s2", "s3", "s4", "s5", "s6"]


def test_sections_keep_prose_and_leave_tables_out(seed2021, seed2019):
    s5 = seed2021.section("s5")
    assert s5.title == "五、存在的主要问题及改进情况"
    assert s5.text.startswith("主要问题：一是公开渠道单一") and "改进措施：一是加强信息公开" in s5.text
    assert seed2021.section("s1.2").title == "（二）依申请公开政务信息办理情况"
    assert seed2021.section("s1.2").text == "（二）依申请公开政务信息办理情况。报告期内，无公开信息申请。"
    # table cells are figures, not prose; the title and signature are metadata
    assert seed2021.section("s3").text == "" and seed2021.section("s4").text == ""
    assert "本年新收" not in "".join(s.text for s in seed2021.sections)
    assert "2023年1月6日" not in seed2021.section("s6").text
    assert seed2021.section("s6").text == ("本年度未制发信息处理费收费通知，未发生收取信息处理费的情况。"
                                           "其他需报告事项无。")
    assert seed2021.section("preamble").text.startswith("根据《中华人民共和国政府信息公开条例》")
    assert "承德高新区总工会" not in seed2019.section("s6").text


def test_every_figure_key_is_in_the_schema(seed2019, seed2021):
    for r in (seed2019, seed2021):
        for f in r.figures:
            spec = table(f.table)
            assert f.row in spec.row_keys and f.col in spec.column_keys
