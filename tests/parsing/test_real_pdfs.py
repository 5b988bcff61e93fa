"""The two real PDFs of ../shared/reports: every cell of tables A, B and C as the PDF prints
it (written down by reading the PDFs), with its page; the contradictions flagged; both years
one canonical agency. Ingested into the store and exported, the same holds."""
from __future__ import annotations

import json

import pytest
from conftest import SHARED

from assistant import export_json, ingest, parse_file

REPORTS = SHARED / "reports"
pytestmark = pytest.mark.skipif(not (REPORTS / "hongze_2023.pdf").exists(),
                                reason="../shared/reports (the real hongze PDFs) is not beside the project")

B_ROWS = ["new_received", "carried_over", "granted", "partially_granted",
          "denied_state_secret", "denied_prohibited_by_law", "denied_three_safeties", "denied_third_party",
          "denied_internal_affairs", "denied_process_info", "denied_enforcement_file", "denied_inquiry",
          "unable_not_held", "unable_needs_creation", "unable_unclear",
          "unprocessed_petition", "unprocessed_duplicate", "unprocessed_publication",
          "unprocessed_excessive", "unprocessed_reconfirm", "other", "total_processed", "carried_forward"]
B_COLS = ["natural_person", "commercial", "research", "social_welfare", "legal_service", "other_org", "total"]
C_COLS = ["upheld", "corrected", "other", "pending", "total"]


def _b(natural: list[int], pages: list[int]) -> dict:
    """Table B of a report whose legal persons are all 0: natural-person figure per row (the
    总计 column repeats it) and the page each row is printed on."""
    out = {}
    for row, n, page in zip(B_ROWS, natural, pages, strict=True):
        for col in B_COLS:
            out[("B", row, col)] = (n if col in ("natural_person", "total") else 0, page)
    return out


def _c(rows: list[list[int]], page: int) -> dict:
    keys = ["review", "litigation_direct", "litigation_after_review"]
    return {
        ("C", k, c): (v, page) for k, vals in zip(keys, rows, strict=False) for c, v in zip(C_COLS, vals, strict=False)
    }


HONGZE_2023 = {
    ("A", "rules", "issued"): (0, 2),
    ("A", "rules", "repealed"): (0, 2),
    ("A", "rules", "in_force"): (0, 2),
    ("A", "normative_docs", "issued"): (0, 2),
    ("A", "normative_docs", "repealed"): (5, 2),
    ("A", "normative_docs", "in_force"): (5, 2),
    ("A", "licensing", "decisions"): (550, 2),
    ("A", "punishment", "decisions"): (4119, 3),
    ("A", "coercion", "decisions"): (195, 3),
    ("A", "fees", "amount_wan"): (7730.28, 3),
    **_b([21, 0, 0, 4, 1, 0, 0, 0, 0, 1, 1, 0, 10, 3, 0, 1, 0, 0, 0, 0, 0, 21, 0], [3] * 14 + [4] * 9),
    **_c([[10, 1, 0, 0, 0], [0, 0, 0, 0, 0], [5, 0, 0, 0, 0]], 4),
}

HONGZE_2024 = {
    ("A", "rules", "issued"): (0, 2),
    ("A", "rules", "repealed"): (0, 2),
    ("A", "rules", "in_force"): (0, 2),
    ("A", "normative_docs", "issued"): (3, 2),
    ("A", "normative_docs", "repealed"): (0, 2),
    ("A", "normative_docs", "in_force"): (8, 2),
    ("A", "licensing", "decisions"): (9487, 2),
    ("A", "punishment", "decisions"): (2776, 3),
    ("A", "coercion", "decisions"): (84, 3),
    ("A", "fees", "amount_wan"): (7545, 3),
    **_b([95, 0, 50, 9, 0, 0, 1, 0, 0, 1, 1, 0, 31, 1, 0, 1, 0, 0, 0, 0, 0, 95, 0], [3] * 13 + [4] * 10),
    **_c([[1, 1, 0, 0, 2], [1, 0, 0, 0, 1], [2, 0, 1, 0, 3]], 4),
}


@pytest.mark.parametrize("name, expected", [("hongze_2023.pdf", HONGZE_2023), ("hongze_2024.pdf", HONGZE_2024)])
def test_every_cell_with_its_page(name, expected):
    report = parse_file(REPORTS / name)
    got = {f.address: (f.value, f.page) for f in report.figures}
    assert got == expected
    assert report.file_type == "pdf" and report.pages == 5
    assert report.format_version == 2021 and report.table_versions["A"] == 2021
    assert [s.key for s in report.sections if "." not in s.key] == ["preamble", "s1", "s2", "s3", "s4", "s5", "s6"]
    pages = {s.key: s.page for s in report.sections}
    assert (pages["s1"], pages["s2"], pages["s3"], pages["s4"], pages["s6"]) == (1, 2, 3, 4, 5)
    assert [k for k in pages if k.startswith("s1.")] == ["s1.1", "s1.2", "s1.3", "s1.4", "s1.5"]


def test_2023_contradictions_are_flagged():
    report = parse_file(REPORTS / "hongze_2023.pdf")
    failed = {(c.rule, c.cells[0]): c for c in report.checks if c.status == "failed"}
    assert set(failed) == {
        ("C.row_total", ("C", "review", "total")),
        ("C.row_total", ("C", "litigation_after_review", "total")),
    }
    review = failed[("C.row_total", ("C", "review", "total"))]
    assert (review.printed, review.computed) == (0, 11)
    after = failed[("C.row_total", ("C", "litigation_after_review", "total"))]
    assert (after.printed, after.computed) == (0, 5)
    # kept as printed, never repaired
    assert report.value("C", "review", "total") == 0


def test_2024_text_against_table_is_flagged():
    report = parse_file(REPORTS / "hongze_2024.pdf")
    failed = [c for c in report.checks if c.status == "failed"]
    assert [(c.rule, c.printed, c.computed) for c in failed] == [("narrative.new_received", 17, 95)]
    assert "17" in failed[0].detail and "95" in failed[0].detail


def test_two_years_are_one_agency(store):
    outcomes = ingest(store, [REPORTS / "hongze_2023.pdf", REPORTS / "hongze_2024.pdf"])
    assert [o.status for o in outcomes] == ["ingested", "ingested"], [o.message for o in outcomes]
    reports = [store.get(o.report_id) for o in outcomes]
    assert [r.agency_printed for r in reports] == ["洪泽区人民政府", "淮安市洪泽区人民政府"]
    assert {r.agency for r in reports} == {"淮安市洪泽区人民政府"}
    assert [r.year for r in reports] == [2023, 2024]
    assert reports[0].region.county == "洪泽区"

    exported = json.loads(export_json(reports))["reports"]
    for r, expected in zip(exported, (HONGZE_2023, HONGZE_2024), strict=False):
        cells = {(f["table"], f["row"], f["col"]): (f["value"], f["page"]) for f in r["figures"]}
        assert cells == expected
        raw = {(f["table"], f["row"], f["col"]): f["raw"] for f in r["figures"]}
        assert raw[("A", "fees", "amount_wan")] in ("7730.28", "7545")
    flagged = {(r["year"], c["rule"]) for r in exported for c in r["checks"] if c["status"] == "failed"}
    assert flagged == {(2023, "C.row_total"), (2024, "narrative.new_received")}


def test_misprinted_label_lands_on_its_row():
    """The PDFs print 2.其他法律行政止公开 for 2.其他法律行政法规禁止公开."""
    report = parse_file(REPORTS / "hongze_2023.pdf")
    f = next(f for f in report.figures if f.address == ("B", "denied_prohibited_by_law", "total"))
    assert (f.value, f.page) == (0, 3)
