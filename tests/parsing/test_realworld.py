"""Real-world copies (issue 11): digit runs decoded only where the form's identities fix
them, crawled one-line text and page metadata read, and never a wrong cell on the shapes
that bench/realworld/shapes.py (written without reading the parser) prints."""
from __future__ import annotations

import sys

import pytest
from conftest import ROOT

sys.path.insert(0, str(ROOT))

from assistant.parsing.runs import RowRun, cut, decode  # noqa: E402

B_PARTS = {6: list(range(6))}


def test_row_run_with_identity_is_unique():
    run = RowRun("new_received", "562000058", ["count"] * 7, B_PARTS)
    cut(run)
    assert run.cuts == [(56, 2, 0, 0, 0, 0, 58)]


def test_run_without_identity_stays_uncertain():
    result = decode([RowRun("normative_docs", "1213", ["count"] * 3)], [])
    assert result.values == {}
    assert "normative_docs" in result.uncertain and "3种切分" in result.uncertain["normative_docs"]


def test_a_dropped_blank_makes_a_run_ambiguous():
    run = RowRun("rules", "018", ["count"] * 3, vanish=True)
    result = decode([run], [])
    assert result.values == {} and result.unknown == {("rules", 0), ("rules", 1), ("rules", 2)}


def test_all_zero_run_is_certain_even_with_dropped_blanks():
    run = RowRun("rules", "000", ["count"] * 3, vanish=True)
    assert decode([run], []).values == {("rules", 0): 0, ("rules", 1): 0, ("rules", 2): 0}


def test_signs_and_decimals():
    run = RowRun("licensing", "12-34", ["count", "signed", "count"])
    cut(run)
    assert run.cuts == [(12, -3, 4)]
    run = RowRun("procurement", "53127.455318", ["count", "amount"])
    cut(run)
    assert len(run.cuts) == 4            # 5|3127.455318, 53|127.455318, …: uncertain


def test_a_hostile_run_is_bounded():
    run = RowRun("x", "1234567890" * 9, ["count"] * 7, B_PARTS)
    cut(run)
    assert run.cuts is None and "超过80个字符" in run.reason


@pytest.mark.parametrize("shape", ["flattened", "digit_runs", "page_metadata", "outline", "blank_totals"])
def test_shape_fixture_has_no_wrong_cell(shape):
    import importlib.util

    from bench.realworld.shapes import make
    spec = importlib.util.spec_from_file_location("realworld_bench", ROOT / "bench" / "realworld.py")
    bench = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(bench)
    for sample in make(shape, n=6, seed=3):
        result = bench.score(sample.data, sample.name, sample.truth)
        if result["rejected"]:
            continue                 # a copy with no title and no signature names no agency
        assert result["wrong"] == 0, (sample.name, result["wrong_cells"][:5])
        assert result["identified"], (sample.name, result.get("agency"))


def test_page_metadata_gives_published_date_and_link():
    from assistant.document import Document, Paragraph
    from assistant.parsing import parse
    from assistant.readers.text import parse_text
    text = open(ROOT / "corpus" / "003_95e22c96a2fd2793.txt", encoding="utf-8").read()
    page = ("标题: 韶关市曲江区总工会2022年政府信息公开工作年度报告\n发布时间: 2023-01-20 09:20\n"
            "发布机构: 韶关市曲江区总工会\n原文链接: http://www.qujiang.gov.cn/a/1.html\n----------\n")
    report = parse(Document(blocks=parse_text(page + text), file_type="txt"))
    assert report.published == "2023-01-20"
    assert report.source_url == "http://www.qujiang.gov.cn/a/1.html"
    assert report.agency_printed == "韶关市曲江区总工会" and report.year == 2022
    assert Paragraph  # the metadata lines are not prose of any section
    assert not any("原文链接" in s.text for s in report.sections)


def test_check_statuses_are_the_schema_ones():
    from assistant.parsing import parse
    from assistant.readers import read_bytes
    from assistant.schema import load
    from bench.realworld.shapes import make
    sample = make("flattened", n=3, seed=5)[0]
    report = parse(read_bytes(sample.data, sample.name))
    statuses = {c.status for c in report.checks}
    assert statuses <= set(load().check_statuses)
    assert any(c.status == "uncertain" and c.detail for c in report.checks) or "uncertain" not in statuses


def test_a_row_that_prints_only_its_total_is_not_read_as_parts():
    # seed-000 style: only 总计 filled; a crawler prints `11` for the row. 11 alone or 1 + 1
    # both fit once blanks may have dropped out: never the guess "1"
    runs = [RowRun(k, "11", ["count"] * 7, B_PARTS) for k in ("new_received", "total_processed")]
    runs.append(RowRun("carried_over", "000000", ["count"] * 7, B_PARTS))   # too short: blanks dropped
    for r in runs:
        r.vanish = True
    result = decode(runs, [])
    assert ("new_received", 6) not in result.values and "new_received" in result.uncertain


def test_misprinted_place_is_corrected_narrowly():
    from assistant.placenames import correct
    assert correct("淮安市盱胎县发展和改革局").name == "淮安市盱眙县发展和改革局"
    assert correct("维坊市潍城区中山街道办事处").place == "潍坊市"      # 潍城区 names the parent
    assert correct("宿迁市沐阳县人民政府") is None                     # 沭阳县 or 泗阳县: not a guess
    for name in ("承德高新区总工会", "保定市城市管理局", "韶关市曲江区总工会", "竞秀区中山街道办事处"):
        assert correct(name) is None


def test_report_without_title_or_signature_names_its_agency_in_its_first_sentence():
    from assistant.parsing import parse
    from assistant.readers import read_bytes
    path = ROOT / "bench" / "realworld" / "real" / "r07_hbkjt_2021.txt"
    report = parse(read_bytes(path.read_bytes(), path.name))
    assert (report.agency_printed, report.year, report.year_basis) == ("河北省科学技术厅", 2021, "statistics period")
    assert any("取自正文" in w for w in report.warnings)
    assert report.value("C", "review", "total") is not None


@pytest.mark.parametrize("index", [0, 1])          # an HTML page and a PDF
def test_a_table_printed_as_an_image_is_named(index):
    from assistant.parsing import parse
    from assistant.readers import read_bytes
    from bench.realworld.shapes import make
    sample = make("image_tables", n=2, seed=0)[index]
    report = parse(read_bytes(sample.data, sample.name))
    named = {c.cells[0][0] for c in report.checks if c.status == "uncertain" and "图片" in c.detail}
    assert named == set(sample.truth["image_tables"])


def test_answers_say_uncertain_and_offer_parts_of_a_blank_total(tmp_path):
    from assistant import ask, ingest_bytes, open_store
    store = open_store(tmp_path / "index")
    path = ROOT / "bench" / "realworld" / "real" / "r04_hbjyt_2021.txt"
    assert ingest_bytes(store, path.read_bytes(), path.name).readable
    answer = ask("河北省教育厅2021年本年新收政府信息公开申请多少件？", store)
    assert "无法" in answer.text and "印作" in answer.text and "341002037" in answer.text
    from bench.realworld.shapes import make
    sample = make("blank_totals", n=1, seed=0)[0]          # 淮安市涟水县商务局 2019: 总计 blank
    assert ingest_bytes(store, sample.data, sample.name).readable
    answer = ask(f"{sample.truth['agency']}{sample.truth['year']}年新收多少件政府信息公开申请？", store)
    assert "未印总计" in answer.text and "40" in answer.text and "计算所得" in answer.text
    store.close()


def _parse_text(text: str):
    from assistant.parsing import parse
    from assistant.readers import read_bytes
    return parse(read_bytes(text.encode("utf-8"), "page.txt"))


def _with_table_c(tail: str) -> str:
    text = open(ROOT / "corpus" / "003_95e22c96a2fd2793.txt", encoding="utf-8").read()
    head, rest = text.split("四、政府信息公开行政复议", 1)
    after = rest[rest.index("五、"):]
    return head + "四、政府信息公开行政复议、行政诉讼情况\n" + tail + after


def test_table_c_headers_on_their_own_lines_then_one_bare_run():
    # crawled text: the header words on two lines, the fifteen cells on the next line
    report = _parse_text(_with_table_c(
        "行政复议 行政诉讼\n结果维持 结果纠正 其他结果 尚未审结 总计 未经复议直接起诉 复议后起诉\n"
        "结果维持 结果纠正 其他结果 尚未审结 总计 结果维持 结果纠正 其他结果 尚未审结 总计\n"
        "100010000000000\n"))
    assert report.value("C", "review", "upheld") == 1 and report.value("C", "review", "total") == 1
    assert report.value("C", "litigation_after_review", "total") == 0


def test_table_c_run_followed_by_a_sentence_that_opens_with_a_year():
    report = _parse_text(_with_table_c(
        "行政复议 行政诉讼结果维持 结果纠正 其他结果 尚未审结 总计 未经复议直接起诉 复议后起诉结果维持 "
        "结果纠正 其他结果 尚未审结 总计 结果维持 结果纠正 其他结果 尚未审结 总计 000000000000000 "
        "2022年，本机关发生政府信息公开行政复议0起。\n"))
    assert report.value("C", "review", "total") == 0 and report.value("C", "litigation_direct", "total") == 0


def test_a_bare_provincial_name_takes_the_one_province_the_report_names():
    path = ROOT / "bench" / "realworld" / "real" / "r08_hbgxt_2022.txt"
    from assistant.parsing import parse
    from assistant.readers import read_bytes
    report = parse(read_bytes(path.read_bytes(), path.name))
    assert (report.agency_printed, report.year) == ("河北省工业和信息化厅", 2022)
    assert any("取自正文" in w for w in report.warnings)
    # two provinces named: no guess, the report is refused with its reason
    from assistant.errors import Rejected
    text = path.read_text("utf-8").replace("等规定", "《山东省政府信息公开办法》等规定", 1)
    with pytest.raises(Rejected, match="no agency found"):
        parse(read_bytes(text.encode("utf-8"), path.name))


def test_a_page_kept_in_a_script_is_read_as_its_html():
    from assistant.errors import Rejected
    from assistant.parsing import parse
    from assistant.readers import read_bytes
    path = ROOT / "bench" / "realworld" / "real" / "w01_shanghai_bgt_2019.js"
    report = parse(read_bytes(path.read_bytes(), path.name))
    assert (report.agency_printed, report.year) == ("上海市人民政府办公厅", 2019)
    assert not any("let content" in s.text for s in report.sections)
    with pytest.raises(Rejected, match="no string literal holds HTML"):
        read_bytes(b"let a = [1, 2, 3];\nconsole.log('hi');\n", "menu.js")
