"""Names at national scale: 城关镇 is a town in hundreds of counties. A short name several
agencies share is asked back, with each candidate's region, never resolved by guess; the
county (or city) written in the question or its follow-up picks the one."""
from __future__ import annotations

import random
from datetime import date

import pytest

from assistant import ingest_bytes
from assistant.answers import Engine
from assistant.generator import render
from assistant.generator.report import one
from assistant.store import Store

COUNTIES = ["光山县", "固始县", "商城县", "罗山县", "息县", "淮滨县", "潢川县", "郸城县", "鹿邑县", "太康县", "沈丘县",
            "桐柏县", "西峡县", "内乡县", "宁陵县", "虞城县", "夏邑县", "柘城县", "兰考县", "杞县", "通许县", "尉氏县",
            "延长县", "甘泉县", "宜川县"]


@pytest.fixture(scope="module")
def engine(tmp_path_factory):
    store = Store(tmp_path_factory.mktemp("towns") / "index")
    for i, county in enumerate(COUNTIES):
        report = one(random.Random(i), i, f"{county}城关镇人民政府", 2023)
        assert ingest_bytes(store, render(report, "txt"), f"{i}.txt").status == "ingested"
    yield Engine(store, today=date(2026, 6, 1))
    store.close()


def _received(engine, county: str) -> int:
    [agency] = [a for a in engine.agencies if county + "城关镇" in a]
    rid = engine.by_agency[agency][2023]["id"]
    return engine.store.get(rid).value("B", "new_received", "total"), agency


def test_a_shared_short_name_is_asked_back_with_regions(engine):
    a = engine.ask("城关镇2023年收到多少政府信息公开申请？")
    assert not a.found and a.interpretation["op"] == "clarify"
    assert len(a.interpretation["candidates"]) == len(COUNTIES)
    assert "25个单位" in a.text and "（河南省）" in a.text and "（陕西省）" not in a.text.split("、")[0]
    assert "另有5个未列出" in a.text                  # twenty named, the count of the rest said
    assert "件" not in a.text                          # no figure of any of them guessed


@pytest.mark.parametrize("follow_up", ["光山县的", "河南省信阳市光山县那个", "光山的呢"])
def test_the_county_written_in_a_follow_up_picks_the_one(engine, follow_up):
    first = engine.ask("城关镇2023年收到多少政府信息公开申请？")
    a = engine.ask(follow_up, context=first.interpretation)
    value, agency = _received(engine, "光山县")
    assert a.found and agency in a.text and f"{value}件" in a.text


def test_county_and_town_together_are_one_agency(engine):
    value, agency = _received(engine, "宜川县")
    a = engine.ask("宜川县城关镇2023年新收申请多少件？")
    assert a.found and agency in a.text and f"{value}件" in a.text


def test_a_county_none_of_them_is_in_resolves_nothing(engine):
    first = engine.ask("城关镇2023年收到多少政府信息公开申请？")
    a = engine.ask("海淀区的", context=first.interpretation)
    assert not a.found
    assert not any(agency in a.text and "件" in a.text for agency in engine.agencies)
