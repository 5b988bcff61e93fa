"""Check a question-set file against PLAN.md: every line JSON, the fields present, the
operations known, agencies from corpus_agencies.json, cell keys those of DOMAIN.md.
It reads no part of the engine: helpers who write the set run it on their own files.

    python3 bench/questions/validate.py bench/questions/set_journalist.jsonl [...]"""
from __future__ import annotations

import json
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
OPS = {"lookup", "list", "total", "rank", "trend", "compare", "check", "passage", "not_found", "clarify"}
COND = {"=", "!=", ">", ">=", "<", "<="}
A_ROWS = {"rules", "normative_docs", "licensing", "other_services", "punishment", "coercion", "fees", "procurement"}
A_COLS = {"issued", "repealed", "in_force", "decisions", "amount_wan", "new_made", "new_published",
          "total_published", "prev_items", "change", "items", "amount"}
B_ROWS = {"new_received", "carried_over", "granted", "partially_granted", "denied_state_secret",
          "denied_prohibited_by_law", "denied_three_safeties", "denied_third_party", "denied_internal_affairs",
          "denied_process_info", "denied_enforcement_file", "denied_inquiry", "unable_not_held",
          "unable_needs_creation", "unable_unclear", "unprocessed_petition", "unprocessed_duplicate",
          "unprocessed_publication", "unprocessed_excessive", "unprocessed_reconfirm", "other",
          "other_no_correction", "other_no_fee", "other_misc", "total_processed", "carried_forward"}
B_COLS = {"natural_person", "commercial", "research", "social_welfare", "legal_service", "other_org", "total"}
C_ROWS = {"review", "litigation_direct", "litigation_after_review"}
C_COLS = {"upheld", "corrected", "other", "pending", "total"}
KEYS = {"A": (A_ROWS, A_COLS), "B": (B_ROWS, B_COLS), "C": (C_ROWS, C_COLS)}
TOPICS = {"s1", "s2", "s3", "s4", "s5", "s6"}


def corpus() -> dict[str, list[int]]:
    data = json.loads((HERE / "corpus_agencies.json").read_text("utf-8"))
    return {**data["generated"], **data["real"]}


def problems(q: dict, names: dict[str, list[int]]) -> list[str]:
    out = []
    for f in ("id", "style", "q", "context", "plans"):
        if f not in q:
            out.append(f"missing {f}")
    if out:
        return out
    if not isinstance(q["context"], list) or not q["plans"]:
        out.append("context must be a list and plans non-empty")
    for i, p in enumerate(q["plans"]):
        where = f"plan {i + 1}"
        op = p.get("op")
        if op not in OPS:
            out.append(f"{where}: op {op!r}")
            continue
        for a in p.get("agencies") or []:
            if a not in names:
                out.append(f"{where}: agency {a!r} is not in corpus_agencies.json")
        years = p.get("years") or []
        if years != sorted(years) or not all(isinstance(y, int) for y in years):
            out.append(f"{where}: years must be integers, ascending")
        if op == "not_found" and not p.get("unknown") and not years:
            out.append(f"{where}: not_found needs `unknown` names or years")
        if op == "clarify":
            for c in p.get("candidates") or []:
                if c not in names:
                    out.append(f"{where}: candidate {c!r} is not in the corpus")
            if len(p.get("candidates") or []) < 2:
                out.append(f"{where}: clarify needs two or more candidates")
        for f in p.get("figures") or []:
            if "label" not in f or not f.get("cells"):
                out.append(f"{where}: a figure needs label and cells")
                continue
            for c in f["cells"]:
                if len(c) != 3 or c[0] not in KEYS:
                    out.append(f"{where}: cell {c!r}")
                    continue
                rows, cols = KEYS[c[0]]
                if c[1] not in rows or c[2] not in cols:
                    out.append(f"{where}: cell {c!r} has no such row/column in table {c[0]}")
        if op in ("lookup", "list", "total", "rank", "trend") and not p.get("figures"):
            out.append(f"{where}: {op} needs figures")
        if op == "list":
            c = p.get("condition")
            if c and (c.get("op") not in COND or not isinstance(c.get("value"), (int, float))):
                out.append(f"{where}: condition {c!r}")
        if op == "rank":
            if p.get("order", "desc") not in ("desc", "asc") or p.get("over", "agencies") not in ("agencies", "years"):
                out.append(f"{where}: order/over")
        if op in ("passage", "compare") and p.get("topic") and p["topic"].startswith("s") \
                and p["topic"][:2] in TOPICS and p["topic"] not in TOPICS:
            out.append(f"{where}: topic {p['topic']!r}")
    return out


def main(paths: list[str]) -> int:
    names = corpus()
    bad = 0
    ids: set[str] = set()
    given = {Path(x).resolve() for x in paths}
    taken = {json.loads(line).get("id"): f.name for f in sorted(HERE.glob("set_*.jsonl")) if f.resolve() not in given
             for line in f.read_text("utf-8").splitlines() if line.strip()}   # ids of the other files
    for path in paths:
        for n, line in enumerate(Path(path).read_text("utf-8").splitlines(), 1):
            if not line.strip():
                continue
            try:
                q = json.loads(line)
            except json.JSONDecodeError as e:
                print(f"{path}:{n}: not JSON: {e}")
                bad += 1
                continue
            errs = problems(q, names)
            if q.get("id") in ids:
                errs.append(f"duplicate id {q.get('id')}")
            elif q.get("id") in taken:
                errs.append(f"id {q.get('id')} is already used in {taken[q.get('id')]}")
            ids.add(q.get("id"))
            for e in errs:
                print(f"{path}:{n} ({q.get('id')}): {e}")
            bad += bool(errs)
    print(f"{len(ids)} questions, {bad} with problems")
    return 1 if bad else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
