"""Identities and narrative checks: which fail, which are skipped, and that a failed check
never changes a printed figure."""
from __future__ import annotations

from collections import Counter

import sample_md
from conftest import SEED_2019, SEED_2021, replace_line

from assistant import parse_file
from assistant.document import Paragraph
from assistant.parsing.sections import split


def failed(report) -> set:
    return {(c.rule, tuple(map(tuple, c.cells))[0]) for c in report.checks if c.status == "failed"}


def altered(tmp_path, seed, line_no, new, name="altered.txt"):
    p = tmp_path / name
    p.write_text(replace_line(seed.read_text("utf-8"), line_no, new), "utf-8")
    return parse_file(p)


def test_consistent_reports_have_no_failed_check():
    for seed in (SEED_2019, SEED_2021):
        r = parse_file(seed)
        assert not failed(r), [c.detail for c in r.checks if c.status == "failed"]
    statuses = Counter(c.status for c in parse_file(SEED_2021).checks)
    assert statuses == {"ok": 43}      # 7 balance + 7 processed + 25 row totals + 3 C + narrative


def test_blank_inputs_are_skipped_not_ok():
    r = parse_file(SEED_2019)
    by_rule = Counter((c.rule, c.status) for c in r.checks)
    # only the 总计 column is filled: its two column identities hold; the six blank
    # applicant columns, every row total and C's blank rows are skipped
    assert by_rule[("B.balance", "ok")] == 1 and by_rule[("B.balance", "skipped")] == 6
    assert by_rule[("B.processed_sum", "ok")] == 1 and by_rule[("B.processed_sum", "skipped")] == 6
    assert by_rule[("B.row_total", "skipped")] == 23 and by_rule[("B.row_total", "ok")] == 0
    assert by_rule[("C.row_total", "skipped")] == 3
    assert all("空白" in c.detail for c in r.checks if c.status == "skipped")


def test_altered_new_received_total_fails_exactly_its_checks(tmp_path):
    # seed 003 line 86: Table B 一、本年新收 总计 (printed "0 ") → 5
    r = altered(tmp_path, SEED_2021, 86, "\t5")
    assert r.value("B", "new_received", "total") == 5          # kept as printed
    assert r.figure("B", "new_received", "total").raw == "5"
    cell = ("B", "new_received", "total")
    assert failed(r) == {("B.balance", cell), ("B.row_total", cell), ("narrative.new_received", cell)}
    balance = next(c for c in r.checks if c.rule == "B.balance" and c.status == "failed")
    assert (balance.printed, balance.computed) == (5, 0)


def test_altered_review_total_fails_only_table_c(tmp_path):
    # seed 003 line 390: Table C 行政复议 总计 → 3
    r = altered(tmp_path, SEED_2021, 390, "\t3")
    assert failed(r) == {("C.row_total", ("C", "review", "total"))}
    c = next(c for c in r.checks if c.status == "failed")
    assert (c.printed, c.computed) == (3, 0)


def test_altered_total_in_a_2019_report_with_blank_columns(tmp_path):
    # seed 000 line 337: （七）总计 总计 → 2; its row total has only blank parts → skipped
    r = altered(tmp_path, SEED_2019, 337, "\t2")
    cell = ("B", "total_processed", "total")
    assert failed(r) == {("B.balance", ("B", "new_received", "total")), ("B.processed_sum", cell)}
    row_total = next(c for c in r.checks if c.rule == "B.row_total" and c.cells[0] == cell)
    assert row_total.status == "skipped"


def test_contradictions_in_a_report_are_flagged(tmp_path):
    p = tmp_path / "r.md"
    p.write_text(sample_md.TEXT, "utf-8")
    r = parse_file(p)
    assert failed(r) == {("C.row_total", ("C", "review", "total")),
                         ("C.row_total", ("C", "litigation_after_review", "total")),
                         ("narrative.new_received", ("B", "new_received", "total"))}
    narrative = next(c for c in r.checks if c.rule == "narrative.new_received")
    assert (narrative.printed, narrative.computed) == (17, 95)
    review = next(c for c in r.checks if c.status == "failed" and c.cells[0] == ("C", "review", "total"))
    assert (review.printed, review.computed) == (0, 11)
    # partly blank leaf row: the identity holds with the blank read as 0, and says so
    processed = [c for c in r.checks if c.rule == "B.processed_sum"]
    assert all(c.status == "ok" and "个空白格按0计" in c.detail for c in processed)
    # figures are never repaired
    assert r.value("C", "review", "total") == 0


def test_blank_parts_that_already_exceed_the_total_fail(tmp_path):
    # seed 000: put 3 in 自然人 of 一、本年新收 (line 106) while 总计 stays 0
    r = altered(tmp_path, SEED_2019, 106, "\t3")
    row_total = next(c for c in r.checks if c.rule == "B.row_total" and c.cells[0] == ("B", "new_received", "total"))
    assert row_total.status == "failed" and "空白格补不上" in row_total.detail


def test_table_b_labels_do_not_split_sections():
    # pypdf-style copies print Table B's rows as lines; 四、结转下年度继续办理 precedes the real 四
    lines = ["一、总体情况", "正文。", "二、主动公开政府信息情况", "三、收到和处理政府信息公开申请情况",
             "一、本年新收政府信息公开申请数量 5", "三、本年度办理结果", "四、结转下年度继续办理 0",
             "四、政府信息公开行政复议、行政诉讼情况", "五、存在的主要问题及改进情况", "一是加强培训。",
             "六、其他需要报告的事项", "无。"]
    layout = split([Paragraph(t, line=i + 1) for i, t in enumerate(lines)])
    keys = {s.key: s for s in layout.sections}
    assert list(keys) == ["s1", "s2", "s3", "s4", "s5", "s6"]
    assert keys["s4"].line == 8
    assert "四、结转下年度继续办理 0" in keys["s3"].text


def test_heading_merged_with_text_and_indented_heading():
    lines = ["  一、总体情况 2023年，本机关认真贯彻《条例》。", "（一）主动公开情况。全年公开信息100条。",
             "    二、主动公开政府信息情况", "三、收到和处理政府信息公开申请情况",
             "四、因政府信息公开申请行政复议、提起行政诉讼的情况", "五、政府信息公开工作存在的主要问题及改进情况",
             "六、其他需要报告的事项"]
    layout = split([Paragraph(t, line=i + 1) for i, t in enumerate(lines)])
    s = {x.key: x for x in layout.sections}
    assert s["s1"].title == "一、总体情况" and s["s1"].text.startswith("2023年，本机关")
    assert s["s1.1"].title == "（一）主动公开情况"
    assert s["s4"].title == "四、因政府信息公开申请行政复议、提起行政诉讼的情况"
    assert list(s) == ["s1", "s1.1", "s2", "s3", "s4", "s5", "s6"]
