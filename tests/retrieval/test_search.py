"""The search index: chunks follow the report's structure; hybrid search finds the right
section of the right report, with filters and citations; updates are incremental (no stale
chunks, an unchanged corpus embeds nothing) and a killed update leaves the previous index
usable. Real model, real faiss, real SQLite."""
from __future__ import annotations

import json
import os
import signal
import sqlite3
import subprocess
import sys
import time

import pytest
from conftest import CORPUS, ROOT, SEED_2021, SHARED

from assistant import NotFound, ingest, ingest_bytes, search
from assistant.generator import generate, render
from assistant.retrieval import SearchIndex, chunks_of, split, update
from assistant.retrieval import index as index_module
from assistant.store import Store

pytestmark = pytest.mark.real_model      # its subject is search: the real model throughout

HONGZE = sorted((SHARED / "reports").glob("hongze_*.pdf"))


@pytest.fixture(scope="module")
def built(tmp_path_factory):
    """Seeds, the hongze PDFs (when present) and three generated reports, indexed once."""
    root = tmp_path_factory.mktemp("search") / "index"
    store = Store(root)
    ingest(store, [CORPUS, *HONGZE])
    for r in generate(3, seed=5):
        ingest_bytes(store, render(r, "txt"), f"{r.stem}.txt")
    result = update(store)
    yield store, result
    store.close()


# ------------------------------------------------------------------ chunks
def test_chunks_follow_sections_with_prefix():
    from assistant import parse_file
    report = parse_file(SEED_2021)
    report.id = "r1"
    chunks = chunks_of(report)
    keys = [c.section for c in chunks]
    assert keys[:3] == ["preamble", "s1", "s1.1"] and "s5" in keys and "s6" in keys
    assert all(c.text.startswith("韶关市曲江区总工会 2022年 · ") for c in chunks)
    s5 = next(c for c in chunks if c.section == "s5")
    assert s5.prefix == "韶关市曲江区总工会 2022年 · 五、存在的主要问题及改进情况"
    assert "拓展公开渠道" in s5.body
    sub = next(c for c in chunks if c.section == "s1.2")
    assert sub.prefix.endswith("一、总体情况 · （二）依申请公开政务信息办理情况")
    lead = next(c for c in chunks if c.section == "s1")
    assert "（一）" not in lead.body                # the parent keeps only its lead text
    s3 = next(c for c in chunks if c.section == "s3")
    assert s3.body == "" and "本年新收政府信息公开申请数量" in s3.extra   # labels: lexical only
    assert "本年新收" not in s3.text


def test_long_sections_split_at_sentence_ends_with_overlap():
    sentences = [f"第{i}句话说明了一项具体的政务公开工作内容和成效。" for i in range(40)]
    pieces = split("".join(sentences), limit=200, overlap=60)
    assert len(pieces) > 3
    assert all(len(p) <= 200 for p in pieces)
    assert all(p.endswith("。") for p in pieces)
    for a, b in zip(pieces, pieces[1:], strict=False):
        assert b.split("。")[0] + "。" in a                   # the next starts with the last sentence
    assert all(s in "".join(pieces) for s in sentences)


# ------------------------------------------------------------------ search
def test_finds_the_right_section_with_citation(built):
    store, result = built
    idx = SearchIndex.open(store.root)
    hits = idx.search("曲江区总工会打算怎样拓展公开渠道", k=3)
    top = hits[0]
    assert (top.agency, top.year, top.section) == ("韶关市曲江区总工会", 2022, "s5")
    assert "拓展公开渠道" in top.text and top.citation().startswith("韶关市曲江区总工会 · 2022年 · 五、")
    assert top.dense_rank is not None and top.lexical_rank is not None


@pytest.mark.skipif(not HONGZE, reason="../shared/reports (the hongze PDFs) is not beside the project")
def test_paraphrase_and_pages(built):
    store, _ = built
    idx = SearchIndex.open(store.root)
    [top] = idx.search("洪泽区2023年有没有人把政府告上法庭", k=1)
    assert (top.agency, top.year, top.section, top.page) == ("淮安市洪泽区人民政府", 2023, "s4", 4)
    assert "第4页" in top.citation()
    [top] = idx.search("洪泽区2024年受理了多少件政府信息公开申请", k=1)
    assert (top.year, top.section) == (2024, "s1.2") and "17件" in top.text


def test_filters(built):
    store, _ = built
    idx = SearchIndex.open(store.root)
    q = "存在的主要问题和改进措施"
    assert {h.section for h in idx.search(q, k=10, filters={"section": "s5"})} == {"s5"}
    assert {h.year for h in idx.search(q, k=10, filters={"year": 2020})} == {2020}
    assert {h.agency for h in idx.search(q, k=10, filters={"agency": "曲江区总工会"})} == {"韶关市曲江区总工会"}
    assert all("承德" in h.region for h in idx.search(q, k=10, filters={"region": "承德"}))
    assert {h.section for h in idx.search(q, k=20, filters={"section": "s1"})} <= {
        "s1",
        "s1.1",
        "s1.2",
        "s1.3",
        "s1.4",
        "s1.5",
    }
    assert idx.search(q, k=5, filters={"year": 1999}) == []
    with pytest.raises(NotFound):
        idx.search(q, filters={"agency": "不存在的单位"})


def test_named_agency_and_year_narrow_an_unfiltered_question(built):
    store, _ = built
    idx = SearchIndex.open(store.root)
    f = idx.interpret("曲江区总工会2022年收过信息处理费吗")
    assert f.agency == ["韶关市曲江区总工会"] and f.year == [2022]
    assert {h.agency for h in idx.search("曲江区总工会2022年收过信息处理费吗", k=5)} == {"韶关市曲江区总工会"}
    # a year or an agency the corpus does not have: nothing, never passages of other years
    # or other agencies (the scope asked is never widened)
    assert idx.search("曲江区总工会1999年收过信息处理费吗", k=3) == []
    assert idx.search("昆山市财政局收过信息处理费吗", k=3) == []
    assert idx.search("收过信息处理费吗", k=3)


# ------------------------------------------------------------------ updates
def _chunk_ids(root) -> set[str]:
    return {c.id for c in SearchIndex.open(root).chunks}


def test_unchanged_corpus_embeds_nothing(built):
    store, first = built
    assert not first.up_to_date and first.embedded > 0
    again = update(store)
    assert again.up_to_date and again.embedded == 0 and again.chunks == first.chunks


def test_added_replaced_and_removed_reports(tmp_path):
    store = Store(tmp_path / "index")
    ingest(store, [CORPUS])
    update(store)
    before = _chunk_ids(store.root)
    reports = list(generate(2, seed=11))
    outcome = ingest_bytes(store, render(reports[0], "txt"), "a.txt")
    added = update(store)
    ids = _chunk_ids(store.root)
    assert ids > before and any(i.startswith(outcome.report_id) for i in ids)
    assert 0 < added.embedded < added.chunks  # only the new report's texts
    # the same agency and year again, from another file: the old chunks go
    text = (
        render(reports[0], "txt")
        .decode("utf-8")
        .replace("（三）政府信息管理情况。", "（三）政府信息管理情况。已修订。")
    )
    replaced = ingest_bytes(store, text.encode("utf-8"), "a-revised.txt")
    assert replaced.status == "replaced"
    update(store)
    ids = _chunk_ids(store.root)
    assert not any(i.startswith(outcome.report_id) for i in ids)
    assert any(i.startswith(replaced.report_id) for i in ids)
    store.remove(replaced.report_id)
    removed = update(store)
    assert _chunk_ids(store.root) == before
    assert removed.embedded == 0  # every text was in the cache
    store.close()


def test_update_interrupted_at_the_switch_keeps_the_previous_index(tmp_path, monkeypatch):
    store = Store(tmp_path / "index")
    ingest(store, [SEED_2021])
    update(store)
    before = _chunk_ids(store.root)
    ingest_bytes(store, render(next(generate(1, seed=12)), "txt"), "b.txt")
    real_replace = os.replace

    def dies(src, dst):
        if str(dst).endswith("CURRENT"):
            raise KeyboardInterrupt("killed at the switch")
        return real_replace(src, dst)

    monkeypatch.setattr(index_module.os, "replace", dies)
    with pytest.raises(KeyboardInterrupt):
        update(store)
    monkeypatch.setattr(index_module.os, "replace", real_replace)
    assert _chunk_ids(store.root) == before  # still the previous generation
    assert SearchIndex.open(store.root).search("改进措施", k=1)
    done = update(store)
    assert done.embedded == 0 and _chunk_ids(store.root) > before  # vectors were kept
    kept = [p.name for p in (store.root / "search").iterdir() if p.is_dir()]
    assert len(kept) == 2 and done.generation in kept  # the new one, and the one before it
    store.close()


@pytest.mark.slow
def test_process_killed_while_embedding(tmp_path):
    """SIGKILL in the middle of embedding: the previous index answers, what was embedded
    before the kill is kept and not embedded again."""
    root = tmp_path / "index"
    store = Store(root)
    ingest(store, [SEED_2021])
    update(store)
    before = _chunk_ids(root)
    for r in generate(40, seed=13):
        ingest_bytes(store, render(r, "txt"), f"{r.stem}.txt")
    store.close()
    code = (
        "import sys; from assistant.store import Store; from assistant.retrieval import update; "
        f"update(Store({str(root)!r}), batch_size=8)"
    )
    proc = subprocess.Popen([sys.executable, "-c", code], cwd=ROOT)
    cache = root / "embeddings.sqlite"
    try:
        deadline = time.time() + 300
        while time.time() < deadline:
            time.sleep(0.5)
            try:
                with sqlite3.connect(cache) as db:
                    if db.execute("SELECT COUNT(*) FROM vectors").fetchone()[0] > 100:
                        break
            except sqlite3.Error:
                pass
            assert proc.poll() is None, "the update finished before it could be killed"
    finally:
        proc.send_signal(signal.SIGKILL)
        proc.wait()
    assert _chunk_ids(root) == before
    with sqlite3.connect(cache) as db:
        kept = db.execute("SELECT COUNT(*) FROM vectors").fetchone()[0]
    store = Store(root)
    result = update(store)
    assert result.reused >= kept - 50 and result.embedded < result.chunks - 100
    assert _chunk_ids(root) > before
    store.close()


# ------------------------------------------------------------------ API and CLI
def test_api_and_cli(built, tmp_path):
    store, _ = built
    hits = search("承德高新区总工会有没有其他需要报告的事项", k=2, index=store.root)
    assert (hits[0].agency, hits[0].section) == ("承德市高新区总工会", "s6")
    env = {**os.environ, "HF_HUB_OFFLINE": "1"}
    out = subprocess.run(
        [
            sys.executable,
            "-m",
            "assistant",
            "--index",
            str(store.root),
            "search",
            "改进措施",
            "--agency",
            "曲江区总工会",
            "--section",
            "s5",
            "--k",
            "2",
            "--json",
        ],
        capture_output=True,
        text=True,
        env=env,
        cwd=ROOT,
        check=True,
    )
    data = json.loads(out.stdout)
    assert data and all(h["agency"] == "韶关市曲江区总工会" and h["section"] == "s5" for h in data)
    assert data[0]["citation"].startswith("韶关市曲江区总工会 · 2022年 · 五、")
    with pytest.raises(NotFound, match="ingest"):
        search("任何问题", index=tmp_path / "empty")


def test_the_search_function_is_not_shadowed_by_a_module():
    import types

    import assistant
    import assistant.retrieval  # noqa: F401

    assert callable(assistant.search) and not isinstance(assistant.search, types.ModuleType)


def test_a_passage_answer_quotes_the_section_that_answers(built):
    """The answer layer over search (moved here from the answers' tests: it rests on the
    model's meaning)."""
    from assistant.answers import Engine
    store, _ = built
    a = Engine(store).ask("曲江区总工会打算怎样拓展公开渠道")
    assert a.intent == "passage" and a.passages
    p = a.passages[0]
    assert (p.agency, p.year, p.section) == ("韶关市曲江区总工会", 2022, "s5") and "拓展公开渠道" in p.text
