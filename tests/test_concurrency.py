"""Two ingests at once on one index folder (issue 13): the race is forced at the index
switch by the update's pause hook, not left to luck. The second ingest waits for the
store's lock; afterwards the index holds every report and a search works."""
from __future__ import annotations

import os
import subprocess
import sys
import time

import pytest
import sample_md
from conftest import ROOT, SEED_2019, SEED_2021

from assistant import add, index_state, open_store, search


def _ingest(index, path, env=None) -> subprocess.Popen:
    return subprocess.Popen([sys.executable, "-m", "assistant", "--index", str(index), "ingest", str(path)],
                            cwd=ROOT, env={**os.environ, "HF_HUB_OFFLINE": "1", **(env or {})},
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)


@pytest.mark.slow
def test_two_ingests_at_the_index_switch_leave_a_working_index(tmp_path):
    index = tmp_path / "index"
    store = open_store(index)
    add(store, [SEED_2019])
    hook = tmp_path / "hook"
    hook.mkdir()
    third = tmp_path / "shuyang_2023.md"
    third.write_text(sample_md.TEXT, "utf-8")

    first = _ingest(index, SEED_2021, {"XXGK_TEST_SWITCH_HOOK": str(hook)})
    deadline = time.time() + 300
    while not any(hook.glob("paused.*")):               # the first has written its generation
        assert first.poll() is None, first.communicate()
        assert time.time() < deadline
        time.sleep(0.1)
    second = _ingest(index, third)
    time.sleep(8)                                       # long enough to finish, were it not held
    assert second.poll() is None, "the second ingest ran its index update beside the first"
    (hook / "go").touch()
    for proc in (first, second):
        out, err = proc.communicate(timeout=600)
        assert proc.returncode == 0, err

    assert index_state(store) == "ok"
    from assistant.retrieval import open_index
    assert search("改进措施", k=5, index=index)
    assert set(open_index(index).agencies()) == {"承德市高新区总工会", "韶关市曲江区总工会", "宿迁市沭阳县人民政府"}
    assert len(store.report_ids()) == 3
    store.close()
