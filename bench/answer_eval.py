"""The answer engine: accuracy per intent, and latency per intent.

    .venv/bin/python bench/answer_eval.py [--n 1000] [--show-wrong]

Two corpora. Real: the seeds and the hongze PDFs, with the hand-written questions of
bench/answer_questions_real.jsonl (expected answers read off the documents). Generated:
N reports of generate(seed=3) as text, ingested and indexed once into
bench/.answer-eval-<n>/ (git-ignored), with questions made here from templates whose
expected answers are computed from the generator's own figures — never from the parser or
the store. Latency is measured on the generated corpus, model and index loaded."""
from __future__ import annotations

import argparse
import json
import random
import statistics
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
SHARED = ROOT.parent / "shared" / "reports"

# metric word in the question → the generator cells it sums
LOOKUPS = [("新收政府信息公开申请多少件", [("B", "new_received", "total")]),
           ("被行政复议几次", [("C", "review", "total")]),
           ("行政诉讼几起", [("C", "litigation_direct", "total"), ("C", "litigation_after_review", "total")]),
           ("予以公开多少件", [("B", "granted", "total")]),
           ("上年结转的申请有多少", [("B", "carried_over", "total")])]


def _sum(fig, cells):
    vals = [fig.value(c) for c in cells]
    known = [v for v in vals if v is not None]
    return sum(known) if known else None


def generated_questions(reports, rng: random.Random) -> list[dict]:
    qs = []
    by_year: dict[int, list] = {}
    by_agency: dict[str, list] = {}
    for r in reports:
        by_year.setdefault(r.year, []).append(r)
        by_agency.setdefault(r.agency, []).append(r)
    sample = rng.sample(reports, 30)
    for i, r in enumerate(sample):
        word, cells = LOOKUPS[i % len(LOOKUPS)]
        qs.append({"q": f"{r.agency}{r.year}年{word}", "intent": "lookup",
                   "expect": {"value": [[r.agency, r.year, _sum(r.figures, cells)]]}})
    new = [("B", "new_received", "total")]
    for y, n in [(2019, 0), (2020, 10), (2021, 0), (2022, 30), (2023, 50), (2024, 0), (2025, 20),
                 (2021, 60), (2023, 0), (2022, 100)]:
        rs = by_year[y]
        want = [[r.agency, r.year] for r in rs if (_sum(r.figures, new) or 0) > n and _sum(r.figures, new) is not None]
        q = f"{y}年哪些单位收到了政府信息公开申请" if n == 0 else f"{y}年哪些单位收到的申请超过{n}件"
        qs.append({"q": q, "intent": "list", "expect": {"reports": want}})
    for y, (word, cells) in zip(
        range(2019, 2026),
        [
            ("一共收到多少申请", new),
            ("行政复议合计多少起", [("C", "review", "total")]),
            ("予以公开的申请总共多少件", [("B", "granted", "total")]),
            ("一共收到多少申请", new),
            ("行政复议合计多少起", [("C", "review", "total")]),
            ("一共收到多少申请", new),
            ("予以公开的申请总共多少件", [("B", "granted", "total")]),
        ],
        strict=False,
    ):
        vals = [_sum(r.figures, cells) for r in by_year[y]]
        qs.append(
            {
                "q": f"{y}年所有单位{word}",
                "intent": "aggregate",
                "expect": {"total": sum(v for v in vals if v is not None)},
            }
        )
    for y, k, (word, cells) in [
        (2019, 3, ("收到申请", new)),
        (2020, 1, ("收到申请", new)),
        (2021, 3, ("行政复议", [("C", "review", "total")])),
        (2022, 5, ("收到申请", new)),
        (2023, 3, ("予以公开", [("B", "granted", "total")])),
        (2024, 1, ("行政复议", [("C", "review", "total")])),
        (2025, 3, ("收到申请", new)),
        (2022, 1, ("予以公开", [("B", "granted", "total")])),
    ]:
        vals = sorted([v for v in (_sum(r.figures, cells) for r in by_year[y]) if v is not None], reverse=True)
        top = "最多的单位" if k == 1 else f"最多的前{k}个单位"
        qs.append({"q": f"{y}年{word}{top}", "intent": "rank", "expect": {"top_values": vals[:k]}})
    multi = [a for a, rs in sorted(by_agency.items()) if len(rs) >= 2]
    for a in rng.sample(multi, min(8, len(multi))):
        rs = sorted(by_agency[a], key=lambda r: r.year)
        qs.append(
            {
                "q": f"{a}历年新收申请的变化",
                "intent": "trend",
                "expect": {"series": [[r.year, _sum(r.figures, new)] for r in rs]},
            }
        )
    broken = [r for r in reports if r.expected_failures()]
    clean = [r for r in reports if not r.expected_failures()]
    for r in rng.sample(broken, 7) + rng.sample(clean, 3):
        qs.append(
            {
                "q": f"{r.agency}{r.year}年报告数据是否前后一致",
                "intent": "check",
                "expect": {"failed": sorted(rule for rule, _ in r.expected_failures())},
            }
        )
    for i, r in enumerate(rng.sample(reports, 9)):
        word, key = [("存在哪些不足", "s5"), ("收取信息处理费的情况", "s6"), ("政府信息公开平台建设情况", "s1.4")][
            i % 3
        ]
        qs.append(
            {"q": f"{r.agency}{r.year}年{word}", "intent": "passage", "expect": {"gold": [r.agency, r.year, key]}}
        )
    for a, b in [rng.sample(reports, 2) for _ in range(4)]:
        qs.append(
            {
                "q": f"比较{a.agency}和{b.agency}的改进措施",
                "intent": "compare_text",
                "expect": {
                    "sides": [
                        [a.agency, max(x.year for x in by_agency[a.agency])],
                        [b.agency, max(x.year for x in by_agency[b.agency])],
                    ]
                },
            }
        )
    for q in [
        "拉萨市城关区人民政府2023年新收多少申请",
        "北京市朝阳区财政局2022年被行政复议几次",
        "2030年哪些单位收到了申请",
        "深圳市南山区教育局2021年存在哪些问题",
    ]:
        qs.append({"q": q, "intent": "lookup", "expect": {"found": False}})
    for a in rng.sample(sorted(by_agency), 2):
        missing = min(set(range(2019, 2026)) - {r.year for r in by_agency[a]})
        qs.append({"q": f"{a}{missing}年行政复议几次", "intent": "lookup", "expect": {"found": False}})
    return qs


def _canon(expect: dict) -> dict:
    """Agency names in the expectations as the product names them (one agency across the
    spellings of different years), compared by name only."""
    from assistant.agencies import canonical_name

    out = dict(expect)
    for key in ("value", "reports", "top", "sides"):
        if key in out:
            out[key] = [[canonical_name(x[0]), *x[1:]] for x in out[key]]
    if "gold" in out:
        out["gold"] = [canonical_name(out["gold"][0]), *out["gold"][1:]]
    return out


def judge(answer, expect: dict) -> bool:
    expect = _canon(expect)
    if expect.get("found") is False:
        return not answer.found
    if not answer.found:
        return False
    if "value" in expect:
        got = {}
        for r in answer.rows:
            key = (r.agency, r.year)
            got.setdefault(key, []).append(r.value)
        for agency, year, value in expect["value"]:
            vals = got.get((agency, year))
            if vals is None:
                return False
            known = [v for v in vals if v is not None]
            total = sum(known) if known else None
            if (total is None) != (value is None) or (value is not None and abs(total - value) > 1e-6):
                return False
        if expect.get("warn") and not answer.warnings:
            return False
        return True
    if "reports" in expect:
        return {(r.agency, r.year) for r in answer.rows} == {tuple(x) for x in expect["reports"]}
    if "total" in expect:
        return answer.counts.get("total") is not None and abs(answer.counts["total"] - expect["total"]) < 1e-6
    if "top" in expect:
        return [(r.agency, r.year) for r in answer.rows] == [tuple(x) for x in expect["top"]]
    if "top_values" in expect:
        return [r.value for r in answer.rows] == expect["top_values"]
    if "series" in expect:
        return [[s["year"], s["value"]] for s in answer.series] == expect["series"]
    if "failed" in expect:
        text = answer.text
        return answer.intent == "check" and text.count("·") == len(expect["failed"])
    if "gold" in expect:
        return any([p.agency, p.year, p.section] == expect["gold"] for p in answer.passages[:3])
    if "gold_any" in expect:
        return any([p.agency, p.year, p.section] in expect["gold_any"] for p in answer.passages[:3])
    if "sides" in expect:
        c = answer.compare
        return (
            bool(c)
            and [[c["left"]["agency"], c["left"]["year"]], [c["right"]["agency"], c["right"]["year"]]]
            == expect["sides"]
        )
    raise ValueError(expect)


def run(engine, questions, show_wrong: bool) -> dict:
    per: dict[str, list] = {}
    times: dict[str, list] = {}
    for q in questions:
        t0 = time.perf_counter()
        answer = engine.ask(q["q"])
        dt = time.perf_counter() - t0
        ok = judge(answer, q["expect"]) and (q["expect"].get("found") is False or answer.intent == q["intent"])
        per.setdefault(q["intent"], []).append(ok)
        times.setdefault(answer.intent if answer.found else "not found", []).append(dt)
        if not ok and show_wrong:
            print(f"  ✗ [{q['intent']}→{answer.intent}] {q['q']}\n      {answer.text[:160]}")
    return {"accuracy": {k: (sum(v), len(v)) for k, v in per.items()}, "times": times}


def question_set(show_wrong: bool, only: str = "") -> dict:
    """The question set written by other hands (bench/questions/set_*.jsonl, one file per
    kind of asker, with its plans) over its corpus (bench/questions/corpus.py): accuracy
    per operation and per style, the development part and the set-aside fifth (every
    fifth question of each file) apart."""
    from datetime import date

    from assistant import ingest, ingest_bytes, open_store
    from assistant.answers import Engine
    from assistant.generator import render
    from assistant.retrieval import update
    from bench.questions.corpus import generated
    from bench.questions.judge import Truth, judge

    questions = []
    for path in sorted((ROOT / "bench" / "questions").glob("set_*.jsonl")):
        lines = [json.loads(x) for x in path.read_text("utf-8").splitlines() if x.strip()]
        for i, q in enumerate(lines):
            q["heldout"] = i % 5 == 4
            questions.append(q)
    if only:
        questions = [q for q in questions if q["id"] in only.split(",")]
    reports = generated()
    real_figures = json.loads((ROOT / "bench" / "questions" / "real_figures.json").read_text("utf-8"))
    if not SHARED.exists():  # the hongze PDFs are not ingested then
        real_figures = {k: v for k, v in real_figures.items() if "洪泽" not in k}
    truth = Truth.of(reports, real_figures)
    real: set = set()  # every report's figures are known
    root = ROOT / "bench" / ".questions-index"
    with open_store(root) as store:
        if len(store.report_ids()) < len(reports):
            for r in reports:
                ingest_bytes(store, render(r, "txt"), f"{r.stem}.txt")
            ingest(store, [ROOT / "corpus", *sorted(SHARED.glob("hongze_*.pdf"))])
        update(store, progress=True)
        engine = Engine(store, today=date(2026, 6, 1))
        engine.ask("热身：洪泽区2023年存在哪些问题")
        per: dict[tuple, list] = {}
        times = []
        for q in questions:
            context = None
            for earlier in q.get("context") or []:
                context = engine.ask(earlier, context=context).interpretation
            t0 = time.perf_counter()
            answer = engine.ask(q["q"], context=context)
            times.append(time.perf_counter() - t0)
            ok, why = judge(answer, q, truth, real)
            part = "heldout" if q["heldout"] else "dev"
            op = q["plans"][0]["op"] if len(q["plans"]) == 1 else "multi-part"
            for key in (("op", op, part), ("style", q["style"], part), ("all", "all", part)):
                per.setdefault(key, []).append(ok)
            if not ok and show_wrong and not q["heldout"]:  # the held-out fifth is never shown
                print(
                    f"  ✗ {q['id']} {q['q']}\n      {why} | {answer.interpretation.get('line', '')}\n"
                    f"      {answer.text[:140]!r}"
                )
    return {"per": per, "times": times, "n": len(questions)}


def print_set(result: dict) -> None:
    per = result["per"]
    print(f"\nquestion set: {result['n']} questions (bench/questions/set_*.jsonl)")
    print(f"{'':10} {'':14} {'dev':>12} {'held out':>12}")
    for kind in ("op", "style", "all"):
        for name in sorted({k[1] for k in per if k[0] == kind}):
            cols = []
            for part in ("dev", "heldout"):
                v = per.get((kind, name, part), [])
                cols.append(f"{sum(v)}/{len(v)} {100 * sum(v) / len(v):3.0f}%" if v else "—")
            print(f"{kind:10} {name:14} {cols[0]:>12} {cols[1]:>12}")
    ts = sorted(result["times"])
    if ts:
        print(f"latency: p50 {1000 * statistics.median(ts):.1f} ms, p95 {1000 * ts[int(0.95 * (len(ts) - 1))]:.1f} ms")


def figure_latency(n: int) -> None:
    """Figure answers (lookup, list, total, rank, trend, check) on `n` generated reports:
    p50/p95 per intent. Figures need no search index, so none is built."""
    from assistant import ingest_bytes, open_store
    from assistant.answers import Engine
    from assistant.generator import generate, render

    reports = list(generate(n, seed=3))
    root = ROOT / "bench" / f".answer-eval-{n}"
    with open_store(root) as store:
        if len(store.report_ids()) < n:
            for r in reports:
                ingest_bytes(store, render(r, "txt"), f"{r.stem}.txt")
        engine = Engine(store)
        qs = [
            q
            for q in generated_questions(reports, random.Random(7))
            if q["intent"] in ("lookup", "list", "aggregate", "rank", "trend", "check")
        ]
        times: dict[str, list] = {}
        for q in qs * 3:
            t0 = time.perf_counter()
            a = engine.ask(q["q"])
            times.setdefault(a.intent if a.found else "not found", []).append(time.perf_counter() - t0)
    print(f"figure answers on {n} reports:")
    print(f"{'intent':14} {'n':>4} {'p50 ms':>8} {'p95 ms':>8}")
    every = []
    for intent, ts in sorted(times.items()):
        every += ts
        ts = sorted(ts)
        print(
            f"{intent:14} {len(ts):4d} {1000 * statistics.median(ts):8.1f} "
            f"{1000 * ts[min(len(ts) - 1, int(0.95 * len(ts)))]:8.1f}"
        )
    every.sort()
    print(
        f"{'all':14} {len(every):4d} {1000 * statistics.median(every):8.1f} "
        f"{1000 * every[int(0.95 * (len(every) - 1))]:8.1f}"
    )


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--n", type=int, default=1000)
    ap.add_argument("--show-wrong", action="store_true")
    ap.add_argument("--set-only", action="store_true", help="only the question set of bench/questions/")
    ap.add_argument("--ids", default="", help="only these question ids (comma-separated)")
    ap.add_argument(
        "--figures-only",
        action="store_true",
        help="latency of figure answers on N generated reports (no search index built)",
    )
    args = ap.parse_args()
    if args.figures_only:
        figure_latency(args.n)
        return
    if args.set_only or args.ids:
        print_set(question_set(args.show_wrong, args.ids))
        return
    from assistant import ingest, ingest_bytes, open_store
    from assistant.answers import Engine
    from assistant.generator import generate, render
    from assistant.retrieval import update

    results = {}
    real_q = [
        json.loads(x) for x in (ROOT / "bench" / "answer_questions_real.jsonl").read_text("utf-8").splitlines() if x
    ]
    with tempfile.TemporaryDirectory() as tmp:
        with open_store(Path(tmp) / "real") as store:
            ingest(store, [ROOT / "corpus", *sorted(SHARED.glob("hongze_*.pdf"))])
            update(store)
            if not SHARED.exists():
                real_q = [q for q in real_q if "洪泽" not in q["q"]]
                print("(../shared/reports absent: the hongze questions are skipped)")
            print(f"real corpus: {len(real_q)} questions")
            results["real"] = run(Engine(store), real_q, args.show_wrong)

    reports = list(generate(args.n, seed=3))
    root = ROOT / "bench" / f".answer-eval-{args.n}"
    with open_store(root) as store:
        if len(store.report_ids()) < args.n:
            for r in reports:
                ingest_bytes(store, render(r, "txt"), f"{r.stem}.txt")
        t0 = time.perf_counter()
        result = update(store, progress=True)
        print(result.line(), f"[{time.perf_counter() - t0:.0f} s]")
        gen_q = generated_questions(reports, random.Random(7))
        print(f"generated corpus: {args.n} reports, {len(gen_q)} questions")
        engine = Engine(store)
        engine.ask("热身：洪泽区2023年存在哪些问题")  # model and index loaded
        results["generated"] = run(engine, gen_q, args.show_wrong)

    print(f"\n{'intent':14} {'real':>10} {'generated':>12}")
    intents = ["lookup", "list", "aggregate", "rank", "trend", "check", "passage", "compare_text"]
    for intent in intents:
        cols = []
        for corpus in ("real", "generated"):
            ok, n = results[corpus]["accuracy"].get(intent, (0, 0))
            cols.append(f"{ok}/{n} {100 * ok / n:3.0f}%" if n else "—")
        print(f"{intent:14} {cols[0]:>10} {cols[1]:>12}")
    total = {
        c: [sum(v[0] for v in results[c]["accuracy"].values()), sum(v[1] for v in results[c]["accuracy"].values())]
        for c in results
    }
    print(f"{'all':14} {total['real'][0]}/{total['real'][1]:<6} {total['generated'][0]}/{total['generated'][1]}")
    print_set(question_set(args.show_wrong))
    print(f"\nlatency on the generated corpus ({args.n} reports), by the intent answered:")
    print(f"{'intent':14} {'n':>4} {'p50 ms':>8} {'p95 ms':>8}")
    for intent, ts in sorted(results["generated"]["times"].items()):
        ts = sorted(ts)
        print(
            f"{intent:14} {len(ts):4d} {1000 * statistics.median(ts):8.1f} "
            f"{1000 * ts[min(len(ts) - 1, int(0.95 * len(ts)))]:8.1f}"
        )


if __name__ == "__main__":
    main()
