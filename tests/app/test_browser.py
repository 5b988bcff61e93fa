"""End to end in a real browser: Debian's headless chromium, driven by Selenium through
Debian's chromedriver, against the app started as the README starts it. A question typed
in the chat gets its number and source; a screenshot is saved under test-output/."""
from __future__ import annotations

import os
import shutil
import socket
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

import pytest
from conftest import MARKUP_SHOWN, ROOT, markup_report, sample_index

CHROMIUM = shutil.which("chromium") or "/usr/bin/chromium"
DRIVER = shutil.which("chromedriver") or "/usr/bin/chromedriver"
pytestmark = [
    pytest.mark.skipif(
        not (Path(CHROMIUM).exists() and Path(DRIVER).exists()),
        reason="Debian's chromium and chromium-driver are not installed (scripts/test installs them as root)",
    ),
    pytest.mark.slow,
    pytest.mark.real_model,      # end to end, as the README starts it
]
OUT = ROOT / "test-output"


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


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
    port = _free_port()
    env = {**os.environ, "XXGK_INDEX_DIR": str(root), "HF_HUB_OFFLINE": "1"}
    started = time.perf_counter()
    proc = subprocess.Popen(
        [
            sys.executable,
            "-m",
            "streamlit",
            "run",
            str(ROOT / "app.py"),
            "--server.headless",
            "true",
            "--server.address",
            "127.0.0.1",
            "--server.port",
            str(port),
            "--browser.gatherUsageStats",
            "false",
        ],
        cwd=ROOT,
        env=env,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    try:
        deadline = time.time() + 120
        while time.time() < deadline:
            try:
                with urllib.request.urlopen(f"http://127.0.0.1:{port}/_stcore/health", timeout=2) as r:
                    if r.status == 200:
                        break
            except OSError:
                time.sleep(0.3)
        else:
            pytest.fail("the app did not start within 120 s")
        yield f"http://127.0.0.1:{port}", started
    finally:
        proc.terminate()
        proc.wait(timeout=30)


def test_question_in_a_real_browser(server, pixel_server, tmp_path):
    from selenium import webdriver
    from selenium.webdriver.chrome.service import Service
    from selenium.webdriver.common.by import By
    from selenium.webdriver.common.keys import Keys
    from selenium.webdriver.support import expected_conditions as ec
    from selenium.webdriver.support.ui import WebDriverWait

    url, started = server
    options = webdriver.ChromeOptions()
    options.binary_location = CHROMIUM
    for flag in (
        "--headless=new",
        "--no-sandbox",
        "--disable-gpu",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
        "--no-first-run",
        "--disable-quic",
        f"--user-data-dir={tmp_path / 'chromium-profile'}",
        "--window-size=1400,1100",
        "--lang=zh-CN",
    ):
        options.add_argument(flag)
    driver = webdriver.Chrome(service=Service(DRIVER), options=options)
    try:
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
    finally:
        driver.quit()
