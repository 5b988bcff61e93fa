"""The same question typed differently: every development question the engine answers
right, typed the ways people vary it (请问…谢谢, a particle, parts joined by a comma or a
space instead of ？, 二〇二三年, full-width digits, spaces around a year), and judged
again against its plan. Prints the variants that break, per kind of variation. The
held-out fifth is never used. Needs bench/.questions-index (bench/answer_eval.py --set-only
builds it).

    PYTHONPATH=. .venv/bin/python bench/questions/perturb.py"""
from __future__ import annotations

import json
import re
import sys
from datetime import date
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))
from assistant import open_store  # noqa: E402 - run from anywhere: the project root goes on the path first
from assistant.answers import Engine  # noqa: E402
from bench.questions.corpus import generated  # noqa: E402
from bench.questions.judge import Truth, judge  # noqa: E402

CN = "〇一二三四五六七八九"
FW = str.maketrans("0123456789", "０１２３４５６７８９")


def cn_year(m: re.Match) -> str:
    return "".join(CN[int(d)] for d in m.group(1)) + "年"


VARIANTS = {
    "polite": lambda s: "请问一下，" + s.rstrip("？?。") + "？谢谢",
    "no_qmark": lambda s: s.rstrip("？?。"),
    "comma_parts": lambda s: re.sub(r"[？?](?=.)", "，", s),
    "space_parts": lambda s: re.sub(r"[？?](?=.)", " ", s),
    "cn_year": lambda s: re.sub(r"((?:19|20)\d{2})年", cn_year, s),
    "fullwidth": lambda s: s.translate(FW),
    "particle": lambda s: s.rstrip("？?。") + "啊？",
    "spaces": lambda s: re.sub(r"(\d{4}年)", r" \1 ", s),
}


def main() -> None:
    questions = []
    for path in sorted((ROOT / "bench/questions").glob("set_*.jsonl")):
        for i, line in enumerate(path.read_text().splitlines()):
            q = json.loads(line)
            if i % 5 != 4 and not q["context"]:
                questions.append(q)
    reports = generated()
    real_figures = json.loads((ROOT / "bench/questions/real_figures.json").read_text())
    truth = Truth.of(reports, real_figures)
    with open_store(ROOT / "bench/.questions-index") as store:
        e = Engine(store, today=date(2026, 6, 1))
        fails: dict[str, list] = {}
        right = checked = 0
        for q in questions:
            ok, _ = judge(e.ask(q["q"]), q, truth, set())
            if not ok:
                continue
            right += 1
            for name, f in VARIANTS.items():
                v = f(q["q"])
                if v == q["q"]:
                    continue
                checked += 1
                ok2, why = judge(e.ask(v), q, truth, set())
                if not ok2:
                    fails.setdefault(name, []).append((q["id"], v, why))
        for name in VARIANTS:
            print(name, len(fails.get(name, [])))
        for name, items in fails.items():
            print("==", name)
            for i, v, why in items[:12]:
                print("  ", i, v[:90], "|", why[:120])
        print(f"{checked} variants of {right} right development questions; {sum(map(len, fails.values()))} break")


if __name__ == "__main__":
    main()
