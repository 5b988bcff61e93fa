"""The corpus the question set is asked over: 200 generated reports (generate(200, seed=3),
mostly one year per agency), a panel of 15 agencies with a report for every year
2019–2025 (trends, ranks over years, comparisons of years), and the real reports (the two
seeds in corpus/ and the two hongze PDFs of ../shared/reports).

    PYTHONPATH=. .venv/bin/python -m bench.questions.corpus   # writes corpus_agencies.json"""
from __future__ import annotations

import json
import random
from pathlib import Path

HERE = Path(__file__).resolve().parent
PANEL = 15
YEARS = range(2019, 2026)


def generated():
    """The generated reports of the question corpus (GeneratedReport objects)."""
    from assistant.generator import generate
    from assistant.generator.agencies import all_agencies
    from assistant.generator.report import one
    base = list(generate(200, seed=3))
    taken = {r.agency for r in base}
    rng = random.Random("question-panel")
    panel = rng.sample([a for a in all_agencies() if a not in taken], PANEL)
    extra = [one(random.Random(f"panel:{i}:{y}"), 5000 + i * 10 + (y - 2019), a, y)
             for i, a in enumerate(panel) for y in YEARS]
    return base + extra


def main() -> None:
    from collections import defaultdict
    by = defaultdict(list)
    for r in generated():
        by[r.agency].append(r.year)
    real = {"淮安市洪泽区人民政府": [2023, 2024], "承德高新区总工会": [2020], "韶关市曲江区总工会": [2022]}
    out = {"generated": {a: sorted(y) for a, y in sorted(by.items())}, "real": real}
    (HERE / "corpus_agencies.json").write_text(json.dumps(out, ensure_ascii=False, indent=0), "utf-8")
    print(sum(len(v) for v in by.values()), "generated reports,", len(by), "agencies")


if __name__ == "__main__":
    main()
