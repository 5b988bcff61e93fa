"""Several app servers on one store (issue 15): two `streamlit run` processes against the
same PostgreSQL store and index folder answer the same questions; a report uploaded
through one is answered by the other once the index generation it wrote is current."""
from __future__ import annotations

import time

import pytest
from conftest import markup_report, sample_index
from servers import HAVE_BROWSER, NO_BROWSER, app_server, ask, chromium

pytestmark = [pytest.mark.skipif(not HAVE_BROWSER, reason=NO_BROWSER), pytest.mark.slow, pytest.mark.real_model]


def test_two_servers_share_one_postgresql_store(tmp_path, monkeypatch, pg_database):
    from selenium.common.exceptions import StaleElementReferenceException
    from selenium.webdriver.common.by import By
    from selenium.webdriver.support.ui import WebDriverWait

    monkeypatch.setenv("XXGK_DATABASE_URL", pg_database)
    root = sample_index(tmp_path / "index")
    upload = tmp_path / "wujiang_2022.txt"
    upload.write_bytes(markup_report())
    env = {"XXGK_DATABASE_URL": pg_database}
    with app_server(root, env) as (a_url, _), app_server(root, env) as (b_url, _), \
            chromium(tmp_path / "profile-a") as a, chromium(tmp_path / "profile-b") as b:
        a.get(a_url)
        b.get(b_url)
        question = "沭阳县2023年被行政复议几次？"
        shown = "宿迁市沭阳县人民政府 2023年 · 行政复议"
        on_a, on_b = ask(a, question, shown), ask(b, question, shown)
        part = lambda body: body[body.index(shown):][:120]     # noqa: E731 - the answer's metric and source
        assert part(on_a) == part(on_b)

        new = "武江区总工会2022年新收政府信息公开申请多少件？"
        before = ask(b, new, "不在语料中", timeout=60)            # not there yet
        assert "韶关市武江区总工会 2022年" not in before.split(new)[-1]

        a.find_element(By.CSS_SELECTOR, "input[type='file']").send_keys(str(upload))
        def click_ingest(d) -> bool:
            button = next((e for e in d.find_elements(By.CSS_SELECTOR, "button") if e.text.strip() == "导入"), None)
            if button is None:
                return False
            button.click()
            return True
        WebDriverWait(a, 60, ignored_exceptions=[StaleElementReferenceException]).until(click_ingest)
        WebDriverWait(a, 300).until(lambda d: "ingested" in d.find_element(By.TAG_NAME, "body").text)
        time.sleep(1)
        after = ask(b, new, "韶关市武江区总工会 2022年 · 新收政府信息公开申请")     # the other server sees it
        assert "韶关市武江区总工会 2022年 · 新收政府信息公开申请" in after.split(new)[-1]
