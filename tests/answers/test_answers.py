"""The answer engine over a real store and index: the seeds, a hand-written Markdown report
(宿迁市沭阳县人民政府 2023, contradictions included) and generated reports whose figures the
generator knows. Expected values come from the documents or the generator, never the store."""
from __future__ import annotations

import json
import os
import subprocess
import sys

import pytest
import sample_md
from conftest import CORPUS, ROOT

from assistant import ingest, ingest_bytes
from assistant.answers import Engine, split_points, understand
from assistant.generator import generate, render
from assistant.retrieval import update
from assistant.store import Store


@pytest.fixture(scope="module")
def engine(tmp_path_factory):
    root = tmp_path_factory.mktemp("answers") / "index"
    store = Store(root)
    ingest(store, [CORPUS])
    ingest_bytes(store, sample_md.TEXT.encode("utf-8"), "shuyang_2023.md")
    gen = list(generate(40, seed=31))
    for r in gen:
        ingest_bytes(store, render(r, "txt"), f"{r.stem}.txt")
    update(store)
    e = Engine(store)
    e.generated = gen
    yield e
    store.close()


def values(answer):
    return [(r.agency, r.year, r.value) for r in answer.rows]


# ------------------------------------------------------------------ understanding
def test_understanding():
    known = ["淮安市洪泽区人民政府", "宿迁市沭阳县人民政府", "韶关市曲江区总工会", "淮安市洪泽区自然资源和规划局"]
    years = [2020, 2021, 2022, 2023, 2024]
    q = understand("洪泽区2023年被行政复议几次？", known, years)
    assert (q.intent, q.agencies, q.years, q.metric.key) == ("lookup", ["淮安市洪泽区人民政府"], [2023], "review")
    q = understand("沐阳县2023年新收多少申请", known, years)          # one wrong character
    assert q.agencies == ["宿迁市沭阳县人民政府"]
    q = understand("2019—2024年洪泽区行政诉讼的变化趋势", known, years)
    assert (q.intent, q.years, q.metric.key) == ("trend", list(range(2019, 2025)), "litigation")
    assert understand("近三年洪泽区收到申请的变化", known, years).years == [2022, 2023, 2024]
    assert understand("二〇二二年哪些单位收到了申请", known, years).years == [2022]
    q = understand("2022年哪些单位收到的申请超过5件", known, years)
    assert (q.intent, q.condition) == ("list", (">", 5.0))
    q = understand("2023年予以公开最多的前三个单位", known, years)
    assert (q.intent, q.top, q.metric.key) == ("rank", 3, "granted")
    assert understand("洪泽区2023年报告数据是否前后一致", known, years).intent == "check"
    assert understand("比较曲江区总工会和洪泽区的改进措施", known, years).intent == "compare_text"
    assert understand("洪泽区2023年自然人申请多少件", known, years).column == "natural_person"
    assert understand("洪泽区2023年结转多少", known, years).metric.key == "carried"
    assert understand("洪泽区2023年结转下年度多少", known, years).metric.key == "carried_forward"
    assert understand("把政府告上法庭", known, years).metric.key == "litigation"
    assert understand("洪泽区2023年怎样改进政务公开工作", known, years).intent == "passage"


# ------------------------------------------------------------------ figures
def test_lookup_carries_source_and_check_warning(engine):
    a = engine.ask("沭阳县2023年被行政复议几次？")
    assert a.intent == "lookup" and values(a) == [("宿迁市沭阳县人民政府", 2023, 0)]
    src = a.rows[0].source
    assert (src.table, src.row, src.col, src.raw) == ("C", "review", "total", "0")
    assert a.rows[0].warning and "11" in a.rows[0].warning           # printed 0, parts sum to 11
    assert any("11" in w for w in a.warnings)
    a = engine.ask("沭阳县2023年新收多少申请")
    assert values(a) == [("宿迁市沭阳县人民政府", 2023, 95)]
    assert any("17" in w and "95" in w for w in a.warnings)           # the text says 17


def test_composite_and_each_metrics(engine):
    a = engine.ask("沭阳县2023年行政诉讼几起")
    assert sorted(r.source.row for r in a.rows) == ["litigation_after_review", "litigation_direct"]
    assert (
        sum(r.value for r in a.rows) == sample_md.C["litigation_direct"][4] + sample_md.C["litigation_after_review"][4]
    )
    a = engine.ask("沭阳县2023年结转多少")
    assert [r.source.row for r in a.rows] == ["carried_over", "carried_forward"]


def test_blank_is_said_plainly(engine):
    a = engine.ask("承德高新区总工会2020年行政复议几次")
    assert values(a) == [("承德市高新区总工会", 2020, None)] and "空白" in a.text and "不是0" in a.text


def test_three_row_other_is_summed_and_said(engine):
    r = next(r for r in engine.generated if r.figures.other_rows == 3)
    want = sum(r.figures.value(("B", k, "total")) or 0 for k in ("other_no_correction", "other_no_fee", "other_misc"))
    a = engine.ask(f"{r.agency}{r.year}年其他处理多少件")
    assert sum(x.value or 0 for x in a.rows) == want and "三行" in a.text


def test_versions_are_not_mixed(engine):
    a = engine.ask("所有报告的行政事业性收费合计多少")
    assert a.intent == "aggregate"
    assert any("2019年版" in w for w in a.warnings)
    assert {r.source.col for r in a.rows} == {"amount_wan"}
    a = engine.ask("承德高新区总工会2020年行政事业性收费")
    assert {r.source.col for r in a.rows} == {"prev_items", "change"} and any("项目数量" in w for w in a.warnings)


EXTRA = {2020: [("承德市高新区总工会", 0)], 2022: [("韶关市曲江区总工会", 0)], 2023: [("宿迁市沭阳县人民政府", 95)]}


def test_list_rank_aggregate_against_the_generator(engine):
    """New applications of one year: the generator's figures plus the seed and sample
    reports of that year (read off the documents)."""
    from assistant.agencies import canonical_name

    gen = engine.generated
    for year in sorted({r.year for r in gen}):
        of_year = [
            (canonical_name(r.agency), r.figures.value(("B", "new_received", "total"))) for r in gen if r.year == year
        ] + EXTRA.get(year, [])
        a = engine.ask(f"{year}年哪些单位收到了政府信息公开申请")
        assert {(r.agency, r.year) for r in a.rows if (r.value or 0) > 0} == {
            (n, year) for n, v in of_year if (v or 0) > 0
        }, year
        # every report of the year is named: those that meet the condition, then the others
        assert {(r.agency, r.year) for r in a.rows} == {(n, year) for n, _ in of_year}, year
        assert a.counts["in"] == sum(1 for _, v in of_year if (v or 0) > 0), year
        a = engine.ask(f"{year}年收到申请最多的前三个单位")
        assert [r.value for r in a.rows] == sorted([v for _, v in of_year if v is not None], reverse=True)[:3], year
        a = engine.ask(f"{year}年所有单位一共收到多少申请")
        assert a.counts["total"] == sum(v or 0 for _, v in of_year), year


def test_trend_series_and_change(engine):
    a = engine.ask("沭阳县2023到2024年新收申请增加了多少")
    assert a.intent == "trend" and a.series == [{"year": 2023, "value": 95}]
    assert any("2024" in w for w in a.warnings)  # the missing year is said


def test_check_in_words(engine):
    a = engine.ask("沭阳县2023年报告数据是否前后一致")
    assert a.intent == "check" and a.text.count("·") == 3  # two C totals and the text
    assert "17" in a.text and "95" in a.text
    a = engine.ask("曲江区总工会2022年报告数据前后一致吗")
    assert "一致" in a.text and "·" not in a.text


# ------------------------------------------------------------------ text
def test_compare_text_points_and_topics(engine):
    a = engine.ask("比较曲江区总工会和承德高新区总工会的改进措施")
    assert a.intent == "compare_text"
    left, right = a.compare["left"], a.compare["right"]
    assert (left["agency"], right["agency"]) == ("韶关市曲江区总工会", "承德市高新区总工会")
    assert any(p.startswith("三是拓展公开渠道") for p in left["points"])
    assert "人员培训" in a.compare["shared"]
    assert split_points("一是加强培训。二是拓展渠道；三是强化考核。") == [
        "一是加强培训",
        "二是拓展渠道",
        "三是强化考核",
    ]


# ------------------------------------------------------------------ not in the corpus
def test_not_in_the_corpus(engine):
    a = engine.ask("北京市海淀区人民政府2023年新收多少申请")
    assert not a.found and "不在语料中" in a.text and "海淀区" in a.text
    a = engine.ask("沭阳县2019年新收多少申请")
    assert not a.found and "2023" in a.text  # names what the corpus has
    a = engine.ask("沭阳县2019年存在哪些问题")
    assert not a.found
    q = understand("鼓楼区2023年收到多少申请", ["南京市鼓楼区人民政府", "福州市鼓楼区人民政府"], [2023])
    assert q.agencies == [] and q.ambiguous[0][1] == ["南京市鼓楼区人民政府", "福州市鼓楼区人民政府"]


def test_json_shape_and_cli(engine):
    d = engine.ask("沭阳县2023年被行政复议几次？").to_dict()
    assert set(d) >= {"intent", "text", "rows", "series", "passages", "warnings"}
    assert set(d["rows"][0]) >= {"agency", "year", "metric", "value", "source"}
    assert set(d["rows"][0]["source"]) >= {"report_id", "table", "row", "col", "raw", "page"}
    d = engine.ask("曲江区总工会打算怎样拓展公开渠道").to_dict()
    assert set(d["passages"][0]) >= {"agency", "year", "section", "text", "page", "score"}
    out = subprocess.run(
        [
            sys.executable,
            "-m",
            "assistant",
            "--index",
            str(engine.store.root),
            "ask",
            "沭阳县2023年被行政复议几次？",
            "--json",
        ],
        capture_output=True,
        text=True,
        cwd=ROOT,
        env={**os.environ, "HF_HUB_OFFLINE": "1"},
        check=True,
    )
    assert json.loads(out.stdout)["rows"][0]["value"] == 0


# ------------------------------------------------------------------ questions as people ask them
def _value(engine, agency, year, addr):
    return next(r.figures.value(addr) for r in engine.generated if r.agency == agency and r.year == year)


def test_every_part_of_a_question_is_answered_in_order(engine):
    a = engine.ask("沭阳县2023年新收多少件申请？其中自然人多少件？")
    parts = a.interpretation["parts"]
    assert [p["figure_key"] for p in parts] == ["new_received", "new_received"]
    assert parts[1]["column"] == "natural_person" and "指标" in parts[1]["carried"]
    assert [r.source.col for r in a.rows] == ["total", "natural_person"]
    a = engine.ask("沭阳县2023年上年结转多少件，结转下年度多少件")
    assert [r.source.row for r in a.rows] == ["carried_over", "carried_forward"]


def test_a_compound_figure_named_in_brackets_is_the_compound(engine):
    a = engine.ask("沭阳县2023年行政诉讼共多少件（未经复议直接起诉与复议后起诉合计）")
    assert a.interpretation["figure_key"] == "litigation"
    assert {r.source.row for r in a.rows} == {"litigation_direct", "litigation_after_review"}


def test_unknown_agency_is_not_in_the_corpus_never_every_report(engine):
    for q in ("某某区2023年新收多少申请？", "昆山市2023年行政复议几次", "拉萨市城关区人民政府2023年新收多少申请"):
        a = engine.ask(q)
        assert not a.found and not a.rows, q
        assert a.interpretation["op"] == "not_found" and a.interpretation["unknown"], q


def test_trend_is_chronological_with_the_right_word(engine):
    r = next(x for x in engine.generated if x.agency == engine.generated[0].agency)
    a = engine.ask("沭阳县2024年新收申请与2023年相比有何变化？")
    assert a.interpretation["years"] == [2023, 2024]
    a = engine.ask("洪泽区2024年与2023年相比新收申请有何变化")
    years = [s["year"] for s in a.series]
    assert years == sorted(years)
    assert r


def test_conditions_equal_and_none(engine):
    year = 2023
    gen = [(r.agency, r.figures.value(("B", "new_received", "total"))) for r in engine.generated if r.year == year]
    a = engine.ask(f"{year}年没有收到申请的单位有哪些")
    assert a.interpretation["condition"] == ["=", 0.0]
    zero = {n for n, v in gen if v == 0}
    from assistant.agencies import canonical_name

    assert {canonical_name(n) for n in zero} <= {r.agency for r in a.rows if r.value == 0}
    a = engine.ask(f"{year}年新收申请不少于10件的单位")
    assert a.interpretation["condition"] == [">=", 10.0]
    assert a.counts["in"] == sum(1 for _, v in gen if v is not None and v >= 10) + (1 if year == 2023 else 0)


def test_follow_up_carries_the_agency_and_the_figure(engine):
    first = engine.ask("沭阳县2023年被行政复议几次？")
    a = engine.ask("那2024年呢？", context=first.interpretation)
    assert a.interpretation["agencies"] == first.interpretation["agencies"]
    assert a.interpretation["years"] == [2024] and "单位" in a.interpretation["carried"]
    assert all(r.agency == first.rows[0].agency for r in a.rows)


def test_relative_years_count_from_the_engine_clock(engine):
    from datetime import date

    old = engine.today
    try:
        engine.today = date(2024, 3, 1)
        a = engine.ask("沭阳县去年新收多少申请")
        assert a.interpretation["years"] == [2023] and a.rows
    finally:
        engine.today = old


def test_numbers_for_people():
    from assistant.formatting import number, quantity

    assert number(3985758) == "3,985,758" and number(3985758.0) == "3,985,758"
    assert number(23419.5) == "23,419.5" and "e" not in number(1e-7) and "e" not in number(1.5e12)
    assert quantity(12.3456789, "万元") == "12.3457万元" and quantity(None, "件") == "空白"


def test_a_lone_surrogate_or_control_character_is_cleaned(engine):
    a = engine.ask("沭阳县2023年\ud800新收\x00多少申请")
    assert a.rows and a.rows[0].source.row == "new_received"


def test_scope_property_over_1000_composed_questions(engine):
    """Questions composed at random from agencies (in the corpus, short forms, and not in
    it), years (one, two, a range, none, years the corpus lacks), figures and operations:
    every row and passage of every answer lies in the scope asked, or the answer says the
    part was not found. 100% is the only passing score."""
    import random

    from assistant.mentions import aliases

    rng = random.Random(12)
    agencies = engine.agencies
    absent = [
        "拉萨市城关区人民政府",
        "某某区",
        "昆山市财政局",
        "北京市朝阳区教育局",
        "深圳市南山区卫生健康局",
        "大理州民政局",
        "长春市人力资源和社会保障局",
    ]
    figures = [
        "新收多少申请",
        "被行政复议几次",
        "行政诉讼几起",
        "予以公开多少件",
        "上年结转多少件",
        "结转下年度多少件",
        "部分公开多少件",
        "行政处罚处理决定多少",
        "本机关不掌握相关政府信息多少件",
    ]
    failures = []
    for _i in range(1000):
        kind = rng.choice(["one", "one", "two", "absent", "absent_and_one", "all"])
        chosen = []
        names = []
        if kind in ("one", "two", "absent_and_one"):
            chosen = rng.sample(agencies, 2 if kind == "two" else 1)
            names = [rng.choice(aliases(a)) for a in chosen]
        if kind in ("absent", "absent_and_one"):
            names.append(rng.choice(absent))
        have = sorted({y for a in chosen for y in engine.by_agency[a]}) or engine.years
        ys = rng.choice([[], [rng.choice(have)], sorted(rng.sample(have, min(2, len(have)))), [2031]])
        year_text = "".join(f"{y}年" for y in ys) if len(ys) != 2 else f"{ys[0]}年和{ys[1]}年"
        fig = rng.choice(figures)
        op = rng.choice(["lookup", "trend", "rank", "list", "passage", "compare", "check"])
        who = "和".join(names)
        if op == "lookup":
            q = f"{who}{year_text}{fig}"
        elif op == "trend":
            q = f"{who}{year_text}{fig}的变化"
        elif op == "rank":
            q = f"{who}{year_text}哪一年{fig.replace('多少', '').replace('几', '')}最多"
        elif op == "list":
            q = (f"{year_text}{who}哪些单位"
                 f"{fig.replace('多少', '').replace('几次', '').replace('几起', '')}超过{rng.choice([0, 1, 5])}件")
        elif op == "passage":
            q = f"{who}{year_text}存在哪些问题"
        elif op == "compare":
            q = f"比较{who}{year_text}的改进措施"
        else:
            q = f"{who}{year_text}报告数据是否前后一致"
        a = engine.ask(q)
        scope_ag = set(chosen)
        rows = [(r.agency, r.year) for r in a.rows] + [(p.agency, p.year) for p in a.passages]
        if a.compare:
            rows += [(a.compare[s]["agency"], a.compare[s]["year"]) for s in ("left", "right")]
        for ag, y in rows:
            if scope_ag and ag not in scope_ag:
                failures.append((q, "agency", ag))
            elif not scope_ag and kind != "all":
                failures.append((q, "no agency of the corpus was named", ag))
            elif ys and y not in ys:
                failures.append((q, "year", y))
    kinds = {}
    for f in failures:
        kinds.setdefault(f[1], []).append(f)
    assert not failures, (len(failures), {k: v[:3] for k, v in kinds.items()})


def test_named_agencies_with_a_total(engine):
    from assistant.agencies import canonical_name

    year = 2023
    named = [r for r in engine.generated if r.year == year][:3]
    q = f"{year}年" + "、".join(r.agency for r in named) + f"{len(named)}家单位新收申请合计多少件"
    a = engine.ask(q)
    assert {r.agency for r in a.rows} == {canonical_name(r.agency) for r in named}
    values = [r.figures.value(("B", "new_received", "total")) for r in named]
    if None not in values:
        assert a.counts["total"] == sum(values) and "合计" in a.text
    else:
        assert "无法计算" in a.text


def test_above_without_an_earlier_question_is_asked_back(engine):
    a = engine.ask("上述四家单位合计多少件？")
    assert not a.found and not a.rows and a.interpretation["op"] == "clarify"


def test_one_agency_in_two_years_is_compared_or_said_missing(engine):
    a = engine.ask("沭阳县2022年和2023年的改进措施有何不同")
    assert not a.found and "2023" in a.text and not a.passages  # 2022 is not in the corpus


def test_a_text_comparison_reads_the_subject_named(engine):
    a = engine.ask("比较曲江区总工会和承德高新区总工会在依申请公开方面的做法")
    assert a.compare and a.compare["left"]["section"] == "s3"


# ------------------------------------------------------------------ questions as people type them
def _gen_value(engine, agency, year, cell):
    from assistant.agencies import canonical_name

    for r in engine.generated:
        if canonical_name(r.agency) == agency and r.year == year:
            return r.figures.value(cell)
    raise KeyError((agency, year))


def test_several_figures_or_columns_in_one_part_are_each_answered(engine):
    a = engine.ask("沭阳县2023年予以公开、部分公开各多少件？")
    assert [p["figure_key"] for p in a.interpretation["parts"]] == ["granted", "partially_granted"]
    assert [r.source.row for r in a.rows] == ["granted", "partially_granted"]
    a = engine.ask("沭阳县2023年新收申请中自然人和商业企业分别是多少")
    assert [r.source.col for r in a.rows] == ["natural_person", "commercial"]
    a = engine.ask("沭阳县2023年新收多少 被复议几次 被告几次")
    assert [p["figure_key"] for p in a.interpretation["parts"]] == ["new_received", "review", "litigation"]
    # a figure named inside another (行政诉讼“复议后起诉”) is one figure; weak words yield
    q = understand("2023年哪些单位“结转下年度继续办理”的申请数量不少于3件", ["宿迁市沭阳县人民政府"], [2023])
    assert q.metric.key == "carried_forward" and q.condition == (">=", 3.0)
    assert understand("行政诉讼“复议后起诉”的总计", [], [2023]).metric.key == "litigation_after_review"
    assert understand("2023年不予公开了多少件", [], [2023]).metric.key == "denied"


def test_columns_of_tables_a_and_c_are_asked_by_name(engine):
    a = engine.ask("沭阳县2023年行政复议结果纠正多少件")
    assert [(r.source.table, r.source.row, r.source.col) for r in a.rows] == [("C", "review", "corrected")]
    a = engine.ask("沭阳县2023年行政诉讼中被告败诉的有几件")
    assert {r.source.col for r in a.rows} == {"corrected"} and len(a.rows) == 2
    q = understand("沭阳县2023年规章本年废止件数", ["宿迁市沭阳县人民政府"], [2023])
    assert (q.metric.key, q.column) == ("rules", "repealed")


def test_a_group_named_by_kind_is_exactly_its_members_in_the_year(engine):
    a = engine.ask("2024年各交通运输局新收申请合计多少件")
    members = sorted(x for x in engine.agencies if x.endswith("交通运输局") and 2024 in engine.by_agency[x])
    assert sorted(a.interpretation["agencies"]) == members and len(members) >= 2
    want = sum(_gen_value(engine, m, 2024, ("B", "new_received", "total")) or 0 for m in members)
    assert a.counts["total"] == want
    assert {r.agency for r in a.rows} <= set(members)
    a = engine.ask("2020年市场监督管理局中新收申请最多的")
    assert {r.agency for r in a.rows} <= {x for x in engine.agencies if x.endswith("市场监督管理局")}


def test_a_bare_kind_or_place_is_asked_back_with_its_candidates(engine):
    for question in ("财政局新收多少申请", "象山区新收多少申请"):
        a = engine.ask(question)
        assert not a.found and not a.rows, question
        assert a.interpretation["op"] == "clarify" and len(a.interpretation["candidates"]) >= 2, question
    # with a year, only the candidates that have a report for it; none of them: not in the corpus
    a = engine.ask("财政局2023年新收多少申请")
    assert a.interpretation["op"] == "clarify" and not a.rows
    assert a.interpretation["candidates"] == [
        x for x in engine.agencies if x.endswith("财政局") and 2023 in engine.by_agency[x]
    ]
    a = engine.ask("象山区2030年新收多少申请")
    assert a.interpretation["op"] == "not_found" and not a.rows
    # a district's other body is never that district's government
    a = engine.ask("沭阳县城管局2023年新收多少申请")
    assert not a.rows and a.interpretation["op"] == "not_found"


def test_a_compound_figure_with_a_blank_part_is_never_its_printed_part(engine):
    # seed 000 prints only 复议后起诉 总计 (0) in Table C: 行政诉讼 cannot be computed
    a = engine.ask("承德高新区总工会2020年行政诉讼多少件")
    assert a.rows and any(r.value is None for r in a.rows)
    assert "无法计算" in a.text and "行政诉讼：0" not in a.text


def test_counts_years_and_typos_as_people_type_them(engine):
    known, years = ["宿迁市沭阳县人民政府"], list(range(2019, 2026))
    q = understand("2023年新收申请三件以上的单位", known, years)
    assert q.condition == (">=", 3.0) and not q.refers_back
    assert understand("21年新收申请超过10件的单位有哪些", known, years).years == [2021]
    assert understand("沭阳县2021年以来每年的申请", known, years).years == list(range(2021, 2026))
    assert understand("沭阳县23到24 申请多了还是少了", known, years).years == [2023, 2024]
    assert understand("沭阳县2024年新收申请同比增长多少", known, years).years == [2023, 2024]
    assert understand("2020年报告（2019年版格式）", known, years).years == [2020]
    assert understand("沭阳县2023年复意几次", known, years).metric.key == "review"
    q = understand("2023年新收申请倒数第一的单位", known, years)
    assert (q.intent, q.ascending, q.top) == ("rank", True, 1)
    q = understand("沭阳县2019到2024年累计收到多少申请", known, years)
    assert q.total and q.intent == "lookup"


def test_riders_stay_with_their_part(engine):
    a = engine.ask("沭阳县2023年新收了多少件申请？请注明出自哪张表哪一行。")
    assert a.interpretation["op"] == "lookup"
    a = engine.ask("2023年新收申请不少于10件的单位有哪些？各收了多少件")
    assert a.interpretation["op"] == "list"


def test_amounts_in_the_unit_their_header_prints_never_added_across_units(tmp_path):
    """2019-format 采购总金额 carries the unit its header prints; amounts in different or
    unprinted units are never added or ranked together."""
    from collections import defaultdict

    from assistant.parsing import parse
    from assistant.readers import read_bytes

    by_year = defaultdict(list)
    for r in generate(400, seed=5):
        if r.year <= 2020 and r.figures.value(("A", "procurement", "amount")) is not None:
            by_year[r.year].append(r)
    picked = next(rs for rs in by_year.values() if len(rs) >= 3)[:3]
    store = Store(tmp_path / "index")
    for r, unit in zip(picked, ("（万元）", "（万元）", "（元）"), strict=False):
        text = render(r, "txt").decode("utf-8").replace("采购总金额", "采购总金额" + unit)
        assert parse(read_bytes(text.encode("utf-8"), "x.txt")).units == {"A.amount": unit[1:-1]}
        ingest_bytes(store, text.encode("utf-8"), f"{r.stem}.txt")
    e = Engine(store)
    a = e.ask(f"{picked[0].year}年政府集中采购总金额合计多少")
    wan = picked[:2]
    assert a.counts["reports"] == 2
    assert a.counts["total"] == sum(r.figures.value(("A", "procurement", "amount")) for r in wan)
    assert all(row.unit == "万元" for row in a.rows)
    assert any("单位" in w and "未计入" in w for w in a.warnings)
    one = e.ask(f"{picked[2].agency}{picked[2].year}年政府集中采购总金额")
    assert one.rows and one.rows[0].unit == "元"
    store.close()


def test_a_chat_remembers_its_agencies_and_figures(engine):
    """这两家 takes the last two agencies the chat named; 这两项 the last two figures."""
    from assistant.agencies import canonical_name

    seen, picks = set(), []
    for r in engine.generated:
        name = canonical_name(r.agency)
        if name not in seen and len(engine.by_agency.get(name, {})) == 1:
            seen.add(name)
            picks.append((name, r.year))
        if len(picks) == 2:
            break
    (a, ya), (b, yb) = picks
    first = engine.ask(f"{a}{ya}年新收多少申请")
    second = engine.ask(f"{b}{yb}年的呢", context=first.interpretation)
    assert second.interpretation["agencies"] == [b]
    third = engine.ask("把这两家的改进措施比较一下", context=second.interpretation)
    assert third.interpretation["op"] == "compare" and set(third.interpretation["agencies"]) == {a, b}
    one = engine.ask(f"{a}{ya}年行政处罚决定多少件")
    two = engine.ask("行政强制呢", context=one.interpretation)
    both = engine.ask("这两项各是多少", context=two.interpretation)
    assert [p["figure_key"] for p in both.interpretation["parts"]] == ["punishment", "coercion"]
    assert all(r.agency == a for r in both.rows)


def test_which_reports_of_a_year_contradict_themselves(engine):
    from collections import Counter

    from assistant.agencies import canonical_name

    contradictory = Counter(r.year for r in engine.generated if r.expected_failures())
    year = contradictory.most_common(1)[0][0]
    want = {canonical_name(r.agency) for r in engine.generated if r.year == year and r.expected_failures()}
    assert want
    a = engine.ask(f"{year}年有没有哪家报告的数据前后不一致")
    assert a.interpretation["op"] == "check" and a.found
    reports = [r for r in engine.reports if r["year"] == year]
    assert a.counts["reports"] == len(reports)
    named = {name for name in (r["agency"] for r in reports) if name in a.text.split("：", 1)[-1]}
    assert want <= named


def test_a_question_in_traditional_characters_is_read(engine):
    a = engine.ask("沭陽縣2023年被行政復議幾次？")
    b = engine.ask("沭阳县2023年被行政复议几次？")
    assert a.interpretation["agencies"] == b.interpretation["agencies"] == ["宿迁市沭阳县人民政府"]
    assert [r.value for r in a.rows] == [r.value for r in b.rows] and a.rows


def test_a_check_beside_other_questions_is_one_part_of_several(engine):
    a = engine.ask("沭阳县2023年新收多少件？表格有没有错？")
    parts = a.interpretation["parts"]
    assert [p["op"] for p in parts] == ["lookup", "check"]
    assert all(p["agencies"] == ["宿迁市沭阳县人民政府"] and p["years"] == [2023] for p in parts)
    a = engine.ask("沭阳县2023年的表格算得平吗，另外存在的主要问题是什么")
    assert [p["op"] for p in a.interpretation["parts"]] == ["check", "passage"]
    # an identity between figures asked in one sentence stays one check
    a = engine.ask("沭阳县2023年本年新收加上年结转，是否等于办理结果总计加结转下年度？")
    assert a.interpretation["op"] == "check"


def test_a_passage_and_a_figure_in_one_sentence_are_two_parts(engine):
    a = engine.ask("沭阳县2023年的总体情况概括一下，并给出当年新收申请的数量")
    assert [p["op"] for p in a.interpretation["parts"]] == ["passage", "lookup"]
    a = engine.ask("沭阳县2023年被复议几次？其他需要报告的事项又说了些什么？")
    parts = a.interpretation["parts"]
    assert [p["op"] for p in parts] == ["lookup", "passage"] and parts[1]["figure"] is None


def test_short_years_in_a_list_are_each_year():
    from assistant.mentions import parse_years

    for text in ("洪泽区23、24两年的行政诉讼", "洪泽区2023、24年的行政诉讼", "洪泽区23和24年的行政诉讼"):
        assert parse_years(text, [2019, 2025])[0] == [2023, 2024], text
    assert parse_years("收到23件，24年呢", [2019, 2025])[0] == [2024]


def test_a_name_with_a_slip_beside_a_name_written_right():
    from assistant.mentions import Matcher, scope

    known = ["潍坊市诸城市工业和信息化局", "绵阳市游仙区工业和信息化局", "淮安市洪泽区人民政府"]
    found = scope("诸成市工信局和游仙区工信局去年的行政诉讼", Matcher(known), known, [2024, 2025])[0]
    assert found == ["潍坊市诸城市工业和信息化局", "绵阳市游仙区工业和信息化局"]
    assert scope("洪泽区和游仙区工信局2024年", Matcher(known), known, [2024])[0] == [
        "淮安市洪泽区人民政府",
        "绵阳市游仙区工业和信息化局",
    ]


def test_each_year_with_its_own_figure_is_its_own_part():
    from assistant.answers.plan import split_parts

    parts = split_parts("游仙区工信局2020年规范性文件的对外公开总数量、2021年行政规范性文件的现行有效件数各是多少？")
    assert len(parts) == 2 and "2020年" in parts[0] and "2021年" not in parts[0] and "2021年" in parts[1]
    assert all(p.startswith("游仙区工信局") for p in parts)
    # the same figure over the years is one question (a change), not one part per year
    assert len(split_parts("洪泽区2023年新收申请21件，2024年新收95件，增长了多少")) == 1


def test_a_whole_order_and_which_of_two_is_more(engine):
    a = engine.ask("2023年各单位新收申请从少到多排个序")
    assert a.intent == "rank" and len(a.rows) > 3 and "从少到多" in a.text
    values = [r.value for r in a.rows]
    assert values == sorted(values)
    other = next(r.agency for r in engine.generated if r.year == 2023 and "沭阳" not in r.agency)
    a = engine.ask(f"沭阳县和{other}2023年谁新收的申请更多？")
    assert a.intent == "lookup" and len(a.rows) == 2
    more = max(a.rows, key=lambda r: r.value)
    if a.rows[0].value != a.rows[1].value:
        assert a.text.splitlines()[-1].startswith(f"{more.agency}更多")


@pytest.fixture(scope="module")
def places(tmp_path_factory):
    """A small corpus of bodies sharing places: two of 常德市武陵区, one of 澧县 of the same
    kind, a district government and its 城管局 — the seed report under their names."""
    from conftest import SEED_2021

    text = SEED_2021.read_text("utf-8")
    store = Store(tmp_path_factory.mktemp("places") / "index")
    for name in (
        "常德市武陵区退役军人事务局",
        "常德市武陵区司法局",
        "常德市澧县退役军人事务局",
        "宝鸡市金台区城市管理局",
        "宝鸡市金台区人民政府",
    ):
        ingest_bytes(store, text.replace("韶关市曲江区总工会", name).encode("utf-8"), f"{name}.txt")
    yield Engine(store)
    store.close()


def test_a_chat_follow_up_reads_places_by_the_kind_it_is_about(places):
    first = places.ask("常德的退役军人事务局2022年收了多少申请")
    assert first.interpretation["op"] == "clarify"
    second = places.ask("我说的是澧县那个", context=first.interpretation)
    assert second.interpretation["agencies"] == ["常德市澧县退役军人事务局"]
    third = places.ask("换成武陵区的呢", context=second.interpretation)  # the same kind, not the 司法局
    assert third.interpretation["agencies"] == ["常德市武陵区退役军人事务局"]
    both = places.ask("这两家加起来呢", context=third.interpretation)
    assert set(both.interpretation["agencies"]) == {"常德市澧县退役军人事务局", "常德市武陵区退役军人事务局"}
    a = places.ask("宝鸡市金台区城市管理局2022年新收多少申请？")
    gov = places.ask("那个区的政府呢", context=a.interpretation)
    assert gov.interpretation["agencies"] == ["宝鸡市金台区人民政府"]
    them = places.ask("它们的表格对得上吗", context=gov.interpretation)
    assert them.interpretation["op"] == "check"
    assert set(them.interpretation["agencies"]) == {"宝鸡市金台区城市管理局", "宝鸡市金台区人民政府"}


def test_a_body_the_corpus_lacks_beside_others_of_its_place_is_not_found(places):
    a = places.ask("常德市政府2022年新收多少申请")
    assert a.interpretation["op"] == "not_found" and not a.rows
    a = places.ask("常德市鼎城区政府2022年新收多少申请")
    assert a.interpretation["op"] == "not_found" and not a.rows
    assert places.ask("常德的退役军人事务局2022年新收多少").interpretation["op"] == "clarify"


def test_courtesies_particles_and_spaces_do_not_change_the_parts():
    from assistant.answers.plan import split_parts

    plain = split_parts("保定市信访局被提起过行政诉讼吗？几起？")
    assert split_parts("请问一下，保定市信访局被提起过行政诉讼吗？几起啊？谢谢") == plain and len(plain) == 1
    assert len(split_parts("洪泽区2023年一共新收了多少件政府信息公开申请 被申请行政复议的又有几起？")) == 2
    assert len(split_parts("承德高新区总工会2020年：①行政复议总计多少件 ②行政诉讼合计多少件？")) == 2
    assert len(split_parts("表三“（四）无法提供”项下“1.本机关不掌握相关政府信息”总计是多少")) == 1


def test_clauses_of_different_operations_are_parts():
    from assistant.answers.plan import split_parts

    assert len(split_parts("江安县政府近三年新收申请变化怎样，哪年最多")) == 2
    assert len(split_parts("2020年新收申请为0的单位有哪些，承德高新区总工会那年收了几件")) == 2
    assert len(split_parts("洪泽区2023年被行政诉讼几次，曲江区总工会2022年呢")) == 2
    # a change asked after its figure, and a comparison of two, are one question
    assert len(split_parts("洪泽区2023年新收多少件，与2022年相比有何变化")) == 1
    assert len(split_parts("温州市场监管局2023年和2024年新收申请各多少，哪年多？")) == 1


def test_a_share_is_computed_from_both_figures_and_said_to_be_computed(engine):
    r = next(
        g
        for g in engine.generated
        if g.figures.cells.get(("B", "new_received", "total")) is not None
        and (g.figures.cells[("B", "new_received", "total")].value or 0) > 0
        and g.figures.cells.get(("B", "new_received", "natural_person")) is not None
        and g.figures.cells[("B", "new_received", "natural_person")].value is not None
    )
    from assistant.agencies import canonical_name

    a = engine.ask(f"{canonical_name(r.agency)}{r.year}年新收的申请里，自然人申请占比是多少？")
    part = r.figures.cells[("B", "new_received", "natural_person")].value
    whole = r.figures.cells[("B", "new_received", "total")].value
    assert {(x.source.col, x.value) for x in a.rows} == {("natural_person", part), ("total", whole)}
    assert f"{part / whole * 100:.1f}%" in a.text and "计算所得" in a.text and "合计" not in a.text


def test_two_agencies_differ_by_and_which_is_more(places):
    a = places.ask("常德市武陵区退役军人事务局和常德市澧县退役军人事务局2022年的行政诉讼差多少？")
    assert a.intent == "lookup" and ("相差" in a.text or "两者相同" in a.text)
