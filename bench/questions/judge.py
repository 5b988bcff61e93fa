"""Expected answers for the question set (from the generator's own figures, never from the
parser or the store) and the judge: an answer is right when its interpretation is the
plan's (operation, agencies, years), every expected value is present with its source, no
row lies outside the asked scope, and a blank is said to be blank.

The real reports' figures come from `real_figures.json`, transcribed by hand from the
documents themselves (never from the parser's output)."""
from __future__ import annotations

import json
import operator
from dataclasses import dataclass

OPS = {"=": operator.eq, "!=": operator.ne, ">": operator.gt, ">=": operator.ge, "<": operator.lt, "<=": operator.le}
# the product's operation names that a plan's op accepts
ACCEPT = {"lookup": {"lookup", "trend"}, "list": {"list"}, "total": {"total"}, "rank": {"rank"}, "trend": {"trend"},
          "compare": {"compare", "lookup", "trend"}, "check": {"check"}, "passage": {"passage", "compare"},
          "not_found": {"not_found"}, "clarify": {"clarify"}}


@dataclass
class Truth:
    """The generated reports' figures: (canonical agency, year) → {(t, r, c): value}."""
    cells: dict

    @classmethod
    def of(cls, reports, real: dict | None = None) -> Truth:
        """The generated reports' figures, and the real ones of `real` ("agency|year" →
        {"T.row.col": value})."""
        from assistant.agencies import canonical_name
        out = {}
        for r in reports:
            out[(canonical_name(r.agency), r.year)] = {a: p.value for a, p in r.figures.cells.items()}
        for key, cells in (real or {}).items():
            if key.startswith("_"):
                continue
            agency, year = key.split("|")
            out[(canonical_name(agency), int(year))] = {tuple(k.split(".")): v for k, v in cells.items()}
        return cls(out)

    def value(self, agency: str, year: int, cells: list) -> tuple[bool, object]:
        """(known, value): the figure's sum over `cells`; None when every cell is blank."""
        have = self.cells.get((agency, year))
        if have is None:
            return False, None
        vals = [have.get(tuple(c)) for c in cells]
        if all(v is None for v in vals):
            return True, None
        if any(v is None for v in vals):
            return True, "partial"
        return True, sum(vals)


def canon(names):
    from assistant.agencies import canonical_name
    return [canonical_name(n) for n in names]


def _same(a, b) -> bool:
    """Equal figures; a sum with a blank part ("partial") cannot be computed, so the answer
    must give none."""
    a, b = (None if v == "partial" else v for v in (a, b))
    if a is None or b is None:
        return a is None and b is None
    return abs(float(a) - float(b)) < 1e-6


def judge_part(answer, interp: dict, plan: dict, truth: Truth, real: set) -> tuple[bool, str]:
    """(right, why not) for one part of a question."""
    op = plan["op"]
    if interp.get("op") not in ACCEPT[op]:
        return False, f"op {interp.get('op')} for {op}"
    if op in ("not_found", "clarify"):
        ok = not answer.found and not answer.rows
        return ok, "" if ok else "answered a scope that is not in the corpus"
    want_ag = set(canon(plan.get("agencies") or []))
    got_ag = set(canon(interp.get("agencies") or []))
    if want_ag != got_ag and not (op in ("list", "total", "rank") and not want_ag and not got_ag):
        return False, f"agencies {sorted(got_ag)} for {sorted(want_ag)}"
    want_years = sorted(plan.get("years") or [])
    got_years = sorted(interp.get("years") or [])
    # a change 从2021年到2025年 asked by its two ends may be answered over the years between
    spans = op == "trend" and len(want_years) == 2 and got_years == list(range(want_years[0], want_years[1] + 1))
    if want_years and got_years != want_years and not spans:
        return False, f"years {interp.get('years')} for {want_years}"
    if spans:
        want_years = got_years
    # scope: every row inside the agencies and years asked
    for r in answer.rows:
        if want_ag and r.agency not in want_ag:
            return False, f"row outside scope: {r.agency}"
        if want_years and r.year not in want_years:
            return False, f"row outside scope: {r.year}"
    figures = plan.get("figures") or []
    if any((a, y) in real for a in want_ag for y in want_years) or not figures:
        return True, ""
    if op in ("lookup", "compare"):
        for a in want_ag:
            for y in want_years:
                for f in figures:
                    known, v = truth.value(a, y, f["cells"])
                    if not known:
                        continue
                    rows = [r for r in answer.rows if r.agency == a and r.year == y
                            and [r.source.table, r.source.row, r.source.col] in f["cells"]]
                    if len(rows) != len(f["cells"]):
                        return False, f"{a} {y} {f['label']}: {len(rows)} of {len(f['cells'])} cells shown"
                    for r in rows:
                        want = truth.cells[(a, y)].get((r.source.table, r.source.row, r.source.col))
                        if not _same(r.value, want):
                            return False, f"{a} {y} {r.source.row}.{r.source.col}: {r.value} for {want}"
        return True, ""
    f = figures[0]
    scope = [(a, y) for (a, y) in truth.cells if (not want_ag or a in want_ag)
             and (not want_years or y in want_years)]
    values = {k: truth.value(*k, f["cells"])[1] for k in scope}
    if op == "list":
        cond = plan.get("condition") or {"op": ">", "value": 0}
        want = {k for k, v in values.items() if isinstance(v, (int, float)) and OPS[cond["op"]](v, cond["value"])}
        sums = _sums(answer.rows)
        got = {k for k, v in sums.items() if v is not None and OPS[cond["op"]](v, cond["value"])}
        got = {k for k in got if k in values}
        return want == got, "" if want == got else f"list: {len(got ^ want)} differ"
    if op == "total":
        want = sum(v for v in values.values() if isinstance(v, (int, float)))
        got = answer.counts.get("total")
        # a named total with a blank part may also be answered as not computable
        blank_part = any(not isinstance(v, (int, float)) for v in values.values())
        ok = _same(got, want) or (got is None and blank_part and bool(want_ag))
        return ok, "" if ok else f"total {got} for {want}"
    if op == "rank":
        k = plan.get("limit") or 1
        known = sorted((v for v in values.values() if isinstance(v, (int, float))),
                       reverse=plan.get("order", "desc") == "desc")[:k]
        got = _per_report(answer.rows)[:k]
        ok = len(got) == len(known) and all(_same(a, b) for a, b in zip(got, known, strict=False))
        return ok, "" if ok else f"rank {got} for {known}"
    if op == "trend":
        series = [s for s in answer.series if "year" in s]
        years = [s["year"] for s in series]
        if years != sorted(years):
            return False, "trend not chronological"
        for s in series:
            a = next(iter(want_ag)) if len(want_ag) == 1 else None
            if a and (a, s["year"]) in values and not _same(s["value"], values[(a, s["year"])]):
                return False, f"trend {s['year']}: {s['value']} for {values[(a, s['year'])]}"
        return True, ""
    return True, ""


def _sums(rows) -> dict:
    """(agency, year) → the figure its rows add up to; None when any part is blank."""
    out: dict[tuple, object] = {}
    for r in rows:
        key = (r.agency, r.year)
        if r.value is None or (key in out and out[key] is None):
            out[key] = None
        else:
            out[key] = out.get(key, 0) + r.value
    return out


def _per_report(rows) -> list:
    """A compound figure's rows (one per cell) as one value per report, in order shown."""
    out: dict[tuple, float] = {}
    for r in rows:
        key = (r.agency, r.year)
        if r.value is None:
            out.setdefault(key, None)
        elif out.get(key) is None:
            out[key] = r.value
        else:
            out[key] += r.value
    return list(out.values())


def _one_figure_each(plans: list[dict]) -> list[dict]:
    """A plan that asks several figures at once (…分别是多少) as one plan per figure: the
    same question written the other way PLAN.md allows."""
    out = []
    for p in plans:
        figs = p.get("figures") or []
        if p["op"] in ("lookup", "trend", "compare") and len(figs) > 1:
            out += [{**p, "figures": [f]} for f in figs]
        else:
            out.append(p)
    return out


def _one_lookup(plans: list[dict]) -> dict | None:
    """Lookups of one figure for several agency-years (这两家各自在报告的那一年…) as the
    one lookup that shows them all, when each agency asked has only the year asked for it."""
    figures = {json.dumps(p.get("figures"), sort_keys=True) for p in plans}
    if any(p["op"] != "lookup" for p in plans) or len(figures) != 1:
        return None
    return {
        **plans[0],
        "agencies": sorted({a for p in plans for a in p.get("agencies") or []}),
        "years": sorted({y for p in plans for y in p.get("years") or []}),
        "pairs": True,
    }


def _by_figure(plans: list[dict]) -> list[dict] | None:
    """Lookups of several figures for several years (2020年处罚多少、强制多少，2021年分别又是
    多少) as one lookup per figure over the years asked, in the order first asked: the same
    figures, shown figure by figure."""
    if any(p["op"] != "lookup" for p in plans):
        return None
    groups: dict[str, list[dict]] = {}
    for p in plans:
        groups.setdefault(json.dumps(p.get("figures"), sort_keys=True), []).append(p)
    return [_one_lookup(ps) if len(ps) > 1 else ps[0] for ps in groups.values()]


def _compared_after(plans: list[dict]) -> list[dict]:
    """A lookup then a comparison of the same figures in a scope that holds it (…分别多少，哪年
    更多; 2024年的呢，两年比是增加还是减少) as the one comparison: the comparison shows the
    figures it compares, so it answers both."""
    out: list[dict] = []
    for p in plans:
        prev = out[-1] if out else None
        if (
            prev
            and prev["op"] == "lookup"
            and p["op"] == "compare"
            and p.get("figures") == prev.get("figures")
            and sorted(p.get("agencies") or []) == sorted(prev.get("agencies") or [])
            and set(prev.get("years") or []) <= set(p.get("years") or [])
        ):
            out[-1] = p
        else:
            out.append(p)
    return out


def judge(answer, question: dict, truth: Truth, real: set) -> tuple[bool, str]:
    plans = question["plans"]
    interp = answer.interpretation or {}
    parts = interp.get("parts") if interp.get("op") == "parts" else [interp]
    if len(parts) != len(plans) and len(_one_figure_each(plans)) == len(parts):
        plans = _one_figure_each(plans)
    if len(parts) == 1 and len(plans) > 1 and _one_lookup(plans):
        plans = [_one_lookup(plans)]
    if len(parts) < len(plans) and len(_compared_after(plans)) == len(parts):
        plans = _compared_after(plans)
    if len(parts) != len(plans) and len(parts) > 1 and len(_by_figure(plans) or []) == len(parts):
        plans = _by_figure(plans)
    if len(parts) != len(plans):
        return False, f"{len(parts)} parts read for {len(plans)} asked"
    subs = answer.parts if interp.get("op") == "parts" else [answer] * len(plans)
    for sub, interp_, plan in zip(subs, parts, plans, strict=False):
        ok, why = judge_part(sub, interp_, plan, truth, real)
        if not ok:
            return False, why
    return True, ""
