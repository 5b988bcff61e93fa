from __future__ import annotations

from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
CORPUS = ROOT / "corpus"
SEED_2019 = CORPUS / "000_61abdafddeb89399.txt"   # 承德高新区总工会, about 2020, 2019 format
SEED_2021 = CORPUS / "003_95e22c96a2fd2793.txt"   # 韶关市曲江区总工会 2022, 2021 format
SHARED = ROOT.parent / "shared"


@pytest.fixture
def store(tmp_path):
    from assistant import open_store
    s = open_store(tmp_path / "index")
    yield s
    s.close()


def replace_line(text: str, line_no: int, new: str) -> str:
    """The text with line `line_no` (1-based) replaced — to alter one printed cell."""
    lines = text.split("\n")
    lines[line_no - 1] = new
    return "\n".join(lines)
