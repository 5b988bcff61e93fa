"""The Streamlit app through streamlit.testing: a question answered with its number and
source, filters changing the answer, a comparison in two columns, an upload making a new
agency answerable at once, export of the answer's rows, a bad upload that keeps the app
working. The real store, index and model underneath."""
from __future__ import annotations

import pytest
from conftest import ROOT, SHARED, markup_report, sample_index
from streamlit.testing.v1 import AppTest

APP = str(ROOT / "app.py")
HONGZE = SHARED / "reports" / "hongze_2024.pdf"


@pytest.fixture
def app(tmp_path, monkeypatch):
    root = sample_index(tmp_path / "index")
    monkeypatch.setenv("XXGK_INDEX_DIR", str(root))
    at = AppTest.from_file(APP, default_timeout=180)
    at.run()
    assert not at.exception, [e.value for e in at.exception]
    return at


def ask(at, question: str):
    at.chat_input[0].set_value(question).run()
    assert not at.exception, [e.value for e in at.exception]
    return at


def test_answer_with_number_source_and_warning(app):
    ask(app, "沭阳县2023年被行政复议几次？")
    [metric] = app.metric
    assert metric.label == "宿迁市沭阳县人民政府 2023年 · 行政复议" and metric.value.startswith("0")
    assert any("来源：表三 行政复议 / 总计" in c.value for c in app.caption)
    assert any("11" in w.value for w in app.warning)               # printed 0, parts sum to 11
    assert app.get("download_button")                             # the rows can be exported


def test_filters_change_the_answer(app):
    ask(app, "哪些单位收到了政府信息公开申请")
    assert any("宿迁市沭阳县人民政府" in m.value for m in app.markdown)
    app.sidebar.selectbox(key="f_year").set_value("2022").run()
    ask(app, "哪些单位收到了政府信息公开申请")
    # the one 2022 report is named with its figure, below the (empty) list of those that meet it
    assert any(m.value.startswith("2022年共1份报告") and "有0份" in m.value and "韶关市曲江区总工会（0）" in m.value
               for m in app.markdown)


def test_compare_gives_two_columns(app):
    ask(app, "比较曲江区总工会和承德高新区总工会的改进措施")
    assert len(app.columns) >= 2
    text = " ".join(m.value for m in app.markdown)
    assert "韶关市曲江区总工会" in text and "承德市高新区总工会" in text and "✓" in text


def test_example_questions_are_buttons_that_answer(app):
    buttons = [b for b in app.sidebar.button if b.key and b.key.startswith("example-")]
    assert len(buttons) >= 4
    buttons[0].click().run()
    assert not app.exception and app.chat_message


@pytest.mark.skipif(not HONGZE.exists(), reason="../shared/reports/hongze_2024.pdf is not beside the project")
def test_upload_makes_a_new_agency_answerable(app):
    ask(app, "洪泽区2024年新收多少申请")
    assert any("不在语料中" in i.value for i in app.info)
    app.sidebar.file_uploader(key="uploads").set_value(
        [("hongze_2024.pdf", HONGZE.read_bytes(), "application/pdf")]
    ).run()
    app.sidebar.button(key="ingest").click().run()
    assert any("ingested" in s.value for s in app.sidebar.success)
    ask(app, "洪泽区2024年新收多少申请")
    assert app.metric[-1].value.startswith("95")


def test_bad_upload_keeps_the_app_working(app):
    app.sidebar.file_uploader(key="uploads").set_value([("scan.pdf", b"%PDF-1.4 broken", "application/pdf")]).run()
    app.sidebar.button(key="ingest").click().run()
    assert any("rejected" in e.value for e in app.sidebar.error)
    ask(app, "沭阳县2023年新收多少申请")
    assert app.metric[-1].value.startswith("95")


def test_report_view(app):
    assert app.tabs and any("表二" in c.value for c in app.code)


@pytest.mark.slow
@pytest.mark.real_model          # end to end: every example question, passages included
@pytest.mark.skipif(not HONGZE.exists(), reason="../shared/reports (the hongze PDFs) is not beside the project")
def test_after_uploading_the_real_pdfs_every_example_answers_with_sources(app):
    pdfs = [(p.name, p.read_bytes(), "application/pdf") for p in sorted(HONGZE.parent.glob("hongze_*.pdf"))]
    app.sidebar.file_uploader(key="uploads").set_value(pdfs).run()
    app.sidebar.button(key="ingest").click().run()
    assert sum("ingested" in s.value for s in app.sidebar.success) == 2, [s.value for s in app.sidebar.success] + [
        e.value for e in app.sidebar.error
    ]
    examples = [b.label for b in app.sidebar.button if b.key and b.key.startswith("example-")]
    for i, question in enumerate(examples):
        before = len(app.chat_message)
        app.sidebar.button(key=f"example-{i}").click().run()
        assert not app.exception, question
        assert len(app.chat_message) == before + 2, question
        assert not any("不在语料中" in x.value for x in app.info), question
        shown = " ".join(
            [c.value for c in app.caption] + [m.value for m in app.markdown] + [e.label for e in app.expander]
        )
        assert "来源" in shown or "第" in shown or "表" in shown, question


def test_empty_corpus_says_how_to_add_reports(tmp_path, monkeypatch):
    monkeypatch.setenv("XXGK_INDEX_DIR", str(tmp_path / "empty"))
    at = AppTest.from_file(APP, default_timeout=180).run()
    assert not at.exception
    assert any("上传报告" in i.value and "ingest" in i.value for i in at.sidebar.info)
    ask(at, "洪泽区2023年被行政复议几次？")
    assert any("语料为空" in i.value for i in at.info)


def test_export_rows_as_csv_with_bom(app):
    from assistant.answers.present import to_csv

    ask(app, "沭阳县2023年被行政复议几次？")
    engine = app.session_state["engine"]
    data = to_csv(engine.ask("沭阳县2023年被行政复议几次？"))
    text = data.decode("utf-8")
    assert data.startswith(b"\xef\xbb\xbf") and "宿迁市沭阳县人民政府" in text and "表三 行政复议 / 总计" in text
    assert len(text.strip().splitlines()) == 2


@pytest.mark.real_model          # the passage asked for must be the one found
def test_report_text_is_shown_as_text_not_markup(app):
    app.sidebar.file_uploader(key="uploads").set_value([("wujiang.txt", markup_report(), "text/plain")]).run()
    app.sidebar.button(key="ingest").click().run()
    assert any("ingested" in s.value for s in app.sidebar.success)
    ask(app, "武江区总工会2022年存在的主要问题及改进措施是什么？")
    shown = [m.value for m in app.markdown if "重要通知" in m.value]
    assert shown, [m.value for m in app.markdown]
    for value in shown:  # every markup character escaped: shown as printed
        value = value.replace("\u2060", "")  # the invisible joiner that keeps a URL from becoming a link
        assert value.startswith("\\# ") and r"\!\[\]\(http\://" in value and r"\:red\[" in value
        assert "![](" not in value and "](http" not in value and "<img" not in value.replace("\\<img", "")


def test_an_upload_that_would_replace_a_report_asks_first(app):
    from conftest import SEED_2021

    other = SEED_2021.read_text("utf-8").replace("总体情况", "总体情况 ", 1).encode("utf-8")
    app.sidebar.file_uploader(key="uploads").set_value([("qujiang_v2.txt", other, "text/plain")]).run()
    app.sidebar.button(key="ingest").click().run()
    assert any("替换它吗" in w.value for w in app.sidebar.warning)
    assert not any("ingested" in s.value for s in app.sidebar.success)  # nothing stored yet
    app.sidebar.button(key="replace-0").click().run()
    assert any("replaces" in s.value for s in app.sidebar.success)


def test_uploads_can_be_turned_off(tmp_path, monkeypatch):
    root = sample_index(tmp_path / "index")
    monkeypatch.setenv("XXGK_INDEX_DIR", str(root))
    monkeypatch.setenv("XXGK_UPLOADS", "off")
    at = AppTest.from_file(APP, default_timeout=180)
    at.run()
    assert not at.exception and not at.sidebar.get("file_uploader")


@pytest.mark.slow
def test_the_app_on_a_postgresql_store(tmp_path, monkeypatch, pg_database):
    """XXGK_DATABASE_URL: the app reads and writes the shared PostgreSQL store."""
    monkeypatch.setenv("XXGK_DATABASE_URL", pg_database)
    root = sample_index(tmp_path / "index")
    assert not (root / "store.sqlite").exists()
    monkeypatch.setenv("XXGK_INDEX_DIR", str(root))
    at = AppTest.from_file(APP, default_timeout=180)
    at.run()
    assert not at.exception, [e.value for e in at.exception]
    ask(at, "沭阳县2023年被行政复议几次？")
    assert at.metric[-1].label == "宿迁市沭阳县人民政府 2023年 · 行政复议" and at.metric[-1].value.startswith("0")
    at.sidebar.file_uploader(key="uploads").set_value([("wujiang.txt", markup_report(), "text/plain")]).run()
    at.sidebar.button(key="ingest").click().run()
    assert any("ingested" in s.value for s in at.sidebar.success)
