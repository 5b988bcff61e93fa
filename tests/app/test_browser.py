"""End to end in a real browser: Debian's headless chromium, driven by Selenium through
Debian's chromedriver, against the app started as the README starts it. A question typed
in the chat gets its number and source; a screenshot is saved under test-output/."""
from __future__ import annotations

import time

import pytest
from conftest import MARKUP_SHOWN, ROOT, markup_report, sample_index
from servers import HAVE_BROWSER, NO_BROWSER, app_server, chromium

pytestmark = [
    pytest.mark.skipif(not HAVE_BROWSER, reason=NO_BROWSER),
    pytest.mark.slow,
    pytest.mark.real_model,      # end to end, as the README starts it
]
OUT = ROOT / "test-output"


class _Counting:
    """A web server on localhost that counts the requests it gets (the report's images and
    links point at it: a browser that rendered them would ask it)."""

    def __init__(self):
        import http.server
        import threading

        self.requests: list[str] = []
        outer = self

        class Handler(http.server.BaseHTTPRequestHandler):
            def do_GET(self):
                outer.requests.append(self.path)
                self.send_response(200)
                self.send_header("Content-Type", "image/png")
                self.end_headers()

            def log_message(self, *args):
                pass

        self.httpd = http.server.ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.host = f"127.0.0.1:{self.httpd.server_address[1]}"
        threading.Thread(target=self.httpd.serve_forever, daemon=True).start()


@pytest.fixture
def pixel_server():
    s = _Counting()
    yield s
    s.httpd.shutdown()


@pytest.fixture
def server(tmp_path, pixel_server):
    root = sample_index(tmp_path / "index")
    from assistant import add, open_store

    with open_store(root) as store:
        add(store, [("wujiang_2022.txt", markup_report(pixel_server.host))])
    with app_server(root) as running:
        yield running


def test_question_in_a_real_browser(server, pixel_server, tmp_path):
    from selenium.webdriver.common.by import By
    from selenium.webdriver.common.keys import Keys
    from selenium.webdriver.support import expected_conditions as ec
    from selenium.webdriver.support.ui import WebDriverWait

    url, started = server
    with chromium(tmp_path / "chromium-profile") as driver:
        driver.get(url)
        box = WebDriverWait(driver, 120).until(
            ec.element_to_be_clickable((By.CSS_SELECTOR, "[data-testid='stChatInputTextArea']"))
        )
        usable = time.perf_counter() - started
        asked = time.perf_counter()
        box.send_keys("沭阳县2023年被行政复议几次？")
        box.send_keys(Keys.ENTER)
        WebDriverWait(driver, 120).until(
            lambda d: all(
                t in d.find_element(By.TAG_NAME, "body").text
                for t in ("来源：表三 行政复议 / 总计", "宿迁市沭阳县人民政府 2023年 · 行政复议")
            )
        )
        answered = time.perf_counter() - asked
        body = driver.find_element(By.TAG_NAME, "body").text
        assert "宿迁市沭阳县人民政府 2023年 · 行政复议" in body
        assert "原文“0”" in body and "11" in body  # the failed check is shown
        time.sleep(8)  # the model has warmed up
        box = driver.find_element(By.CSS_SELECTOR, "[data-testid='stChatInputTextArea']")
        box.send_keys("武江区总工会2022年存在的主要问题及改进措施是什么？")
        box.send_keys(Keys.ENTER)
        WebDriverWait(driver, 120).until(lambda d: "重要通知" in d.find_element(By.TAG_NAME, "body").text)
        time.sleep(2)
        body = driver.find_element(By.TAG_NAME, "body").text.replace("\u2060", "")  # the invisible joiner
        for markup in MARKUP_SHOWN:  # shown as printed …
            assert markup in body, markup
        host = pixel_server.host
        made = driver.find_elements(By.CSS_SELECTOR, f"img[src*='{host}'], a[href*='{host}']")
        assert not made, [e.get_attribute("outerHTML")[:300] for e in made]
        assert not driver.find_elements(By.CSS_SELECTOR, "[data-testid='stExpander'] h1")  # … no heading
        assert pixel_server.requests == []  # … and nothing fetched
        box = driver.find_element(By.CSS_SELECTOR, "[data-testid='stChatInputTextArea']")
        asked = time.perf_counter()
        box.send_keys("沭阳县2023年新收多少申请")
        box.send_keys(Keys.ENTER)
        WebDriverWait(driver, 60).until(
            lambda d: "宿迁市沭阳县人民政府 2023年 · 新收政府信息公开申请" in d.find_element(By.TAG_NAME, "body").text
        )
        second = time.perf_counter() - asked
        OUT.mkdir(exist_ok=True)
        time.sleep(1)
        driver.save_screenshot(str(OUT / "app-answer.png"))
        (OUT / "app-timing.txt").write_text(
            f"page usable {usable:.1f} s after the server process started; first answer shown {answered:.1f} s "
            f"after Enter (while the model loads in the background); next answer {second:.1f} s\n",
            "utf-8",
        )
        assert (OUT / "app-answer.png").stat().st_size > 10_000
