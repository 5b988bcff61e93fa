"""The decodable ceiling of a table printed as digit runs, by brute force.

A *run* is what a copy printed between one row label and the next: the row's cells with
nothing between them (`562000058`), or separated by single spaces (`56 2 0 0 0 0 58`), with
blank cells either vanished or printed as a marker (`—`, `/`, `无`). This module enumerates
every way to cut each run into the row's cells — each cell a non-negative integer without
leading zeros (`0` itself is fine), Table A's 本年增/减 possibly negative, Table A's amounts
possibly decimal, a marker always exactly one blank cell — and keeps the cuts that satisfy
all of the form's identities at once:

- Table B, every column: 一 + 二 = （七）总计 + 四, and （七）总计 = the sum of every leaf row;
  every row: 总计 = the sum of the six applicant columns;
- Table C: each group's 总计 = the sum of its first four;
- Table A: none.

An identity any of whose cells is blank (a marker) or unknown (a row that lost cells) is not
used: blank is "not reported", not zero. A cell is *exact* iff every consistent assignment of
the whole table gives it the same value. When the printed table contradicts the identities
themselves (the truth is not a consistent assignment: a report that contradicts itself), no
identity can be trusted and a cell is exact iff its run has only one cut at all.

Deliberately naive: it does not reason about numbers, it enumerates cuts (pruned only by the
number of cells left and, for Table C, by each group's identity as soon as the group is cut),
so it is an independent check of anything cleverer. Runs longer than `MAX_RUN` characters and
searches past `MAX_STEPS` are given up on: their cells are uncertain.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field
from decimal import Decimal

MAX_RUN = 60
MAX_STEPS = 400_000
MAX_JOINT = 2_000_000
MARKERS = ("—", "/", "无")

_INT = re.compile(r"0|[1-9][0-9]*")
_SIGNED = re.compile(r"0|-?[1-9][0-9]*")
_DECIMAL = re.compile(r"(0|[1-9][0-9]*)(\.[0-9]+)?")


class GiveUp(Exception):
    pass


def parse_cell(text: str, grammar: str):
    """The value a cut piece stands for under a column's grammar, or None if it cannot be
    one cell ("int", "signed", "decimal")."""
    if grammar == "int":
        if text.isdigit() and text.isascii() and (text == "0" or text[0] != "0"):
            return int(text)
        return None
    pat = {"signed": _SIGNED, "decimal": _DECIMAL}[grammar]
    if not pat.fullmatch(text):
        return None
    if grammar == "decimal" and "." in text:
        return Decimal(text).normalize()
    return int(text)


def tokens(run: str) -> list[tuple[str, str]]:
    """("chunk", digits) and ("marker", m) items of a run, in order; spaces separate cells."""
    out: list[tuple[str, str]] = []
    for word in run.split():
        buf = ""
        for ch in word:
            if ch in MARKERS:
                if buf:
                    out.append(("chunk", buf))
                    buf = ""
                out.append(("marker", ch))
            else:
                buf += ch
        if buf:
            out.append(("chunk", buf))
    return out


def cuts(run: str, grammars: list[str], check=None, steps: list[int] | None = None) -> list[tuple]:
    """Every cut of `run` into len(grammars) cells (values; None for a marker) for which
    `check(cells_so_far)` never says False. `check` is called on every prefix."""
    return list(iter_cuts(run, grammars, check, steps))


def iter_cuts(run: str, grammars: list[str], check=None, steps: list[int] | None = None):
    """`cuts`, one at a time."""
    if len(run) > MAX_RUN:
        raise GiveUp(f"run of {len(run)} characters")
    items = tokens(run)
    k = len(grammars)
    steps = steps if steps is not None else [0]
    # the fewest cells the items from i on can make (one per chunk or marker), and the most
    # (one per character)
    least = [0] * (len(items) + 1)
    most = [0] * (len(items) + 1)
    for i in range(len(items) - 1, -1, -1):
        least[i] = least[i + 1] + 1
        most[i] = most[i + 1] + len(items[i][1])

    def rec(i: int, pos: int, cells: list):
        steps[0] += 1
        if steps[0] > MAX_STEPS:
            raise GiveUp("too many steps")
        if check is not None and cells and not check(cells):
            return
        if i == len(items):
            if len(cells) == k:
                yield tuple(cells)
            return
        kind, text = items[i]
        if kind == "marker":
            if len(cells) + least[i] <= k:
                yield from rec(i + 1, 0, cells + [None])
            return
        if len(cells) + least[i] > k:
            return
        g = grammars[len(cells)]
        last = pos + 1 if (g == "int" and text[pos] == "0") else len(text)
        for end in range(pos + 1, last + 1):
            left = k - len(cells) - 1          # cells still to cut after this one
            if end == len(text):
                if left < least[i + 1] or left > most[i + 1]:
                    continue
            elif left < 1 + least[i + 1] or left > len(text) - end + most[i + 1]:
                continue
            v = parse_cell(text[pos:end], g)
            if v is None:
                continue
            if end == len(text):
                yield from rec(i + 1, 0, cells + [v])
            else:
                yield from rec(i, end, cells + [v])

    if not items:
        if k == 0:
            yield ()
        return
    yield from rec(0, 0, [])


@dataclass
class Row:
    """One printed row of a table: the cells' addresses in order, their grammars, the run
    printed for them, and whether blank cells vanished from it (so it cannot be placed)."""
    addrs: list
    grammars: list[str]
    run: str
    lost: bool = False
    truth: tuple = ()                # the printed values, None for blanks
    cuts: list = field(default_factory=list)


def _same(a, b) -> bool:
    if a is None or b is None:
        return a is None and b is None
    return Decimal(str(a)).normalize() == Decimal(str(b)).normalize()


def _norm(v):
    if v is None or isinstance(v, int):
        return v
    v = Decimal(str(v)).normalize()
    return int(v) if v == v.to_integral_value() else v


def ceiling(table: str, rows: list[Row], leaves: set | None = None) -> dict:
    """{addr: True (exact) | False (uncertain)} for every cell of `rows`.

    Table B rows must carry addresses ("B", row_key, col) with the seven columns in order;
    `leaves` names the leaf rows of （七）总计."""
    exact: dict = {}
    live: list[Row] = []
    for r in rows:
        if r.lost:
            exact.update({a: False for a in r.addrs})
        elif not r.run.strip():
            exact.update({a: True for a in r.addrs})      # printed nothing: visibly blank
            r.cuts = [tuple([None] * len(r.addrs))]
        else:
            live.append(r)

    def fallback():
        # no identity: a cell is exact iff every cut of its run gives it the same value
        for r in live:
            values = [set() for _ in r.addrs]
            try:
                for c in iter_cuts(r.run, r.grammars):
                    for j, v in enumerate(c):
                        values[j].add(_norm(v))
                    if all(len(x) > 1 for x in values):
                        break
            except GiveUp:
                values = [set("ab") for _ in r.addrs]
            assert values and all(values), (r.run, r.grammars)
            for j, a in enumerate(r.addrs):
                exact[a] = len(values[j]) == 1
                if exact[a]:
                    assert _same(next(iter(values[j])), r.truth[j]), (r.run, r.truth)
        return exact

    if table == "A":
        return fallback()

    if table == "C":
        def check_c(cells):
            n = len(cells)
            if n % 5 == 0:
                g = cells[n - 5:n]
                if None not in g and g[4] != sum(g[:4]):
                    return False
            return True
        if not _holds_c([r.truth for r in live]):
            return fallback()
        for r in live:
            try:
                r.cuts = cuts(r.run, r.grammars, check_c)
            except GiveUp:
                r.cuts = None
        for r in live:
            if r.cuts is None:
                exact.update({a: False for a in r.addrs})
                continue
            assert r.truth in r.cuts, (r.run, r.truth)
            for j, a in enumerate(r.addrs):
                exact[a] = len({c[j] for c in r.cuts}) == 1
        return exact

    # Table B
    assert table == "B"

    def row_ok(cells):
        if len(cells) == 7 and None not in cells and cells[6] != sum(cells[:6]):
            return False
        return True

    known = {r.addrs[0][1]: r for r in rows if not r.lost}
    if not _holds_b({k: r.truth for k, r in known.items()}, leaves):
        return fallback()
    for r in live:
        try:
            r.cuts = cuts(r.run, r.grammars, row_ok)
        except GiveUp:
            r.cuts = None
            continue
        assert r.truth in r.cuts, (r.run, r.truth, r.cuts)
    if any(r.cuts is None for r in live):
        # a run too long to cut: its row is unknown, the identities through it unusable
        for r in live:
            if r.cuts is None:
                exact.update({a: False for a in r.addrs})
                known.pop(r.addrs[0][1], None)
        live = [r for r in live if r.cuts is not None]

    # 2. the joint search: rows with one cut are fixed, the others enumerated together, in
    # the order 七, 一, 二, 四, then the leaves, each identity checked as soon as its rows are
    # cut (and （七）'s sum bounded as the leaves come: no cell is negative)
    fixed = {k: r.cuts[0] for k, r in known.items() if len(r.cuts) == 1}
    for k in fixed:
        exact.update({a: True for a in known[k].addrs})
    first = ("total_processed", "new_received", "carried_over", "carried_forward")
    loose = sorted((r for r in known.values() if len(r.cuts) > 1),
                   key=lambda r: (first.index(r.addrs[0][1]) if r.addrs[0][1] in first else 9))
    if not loose:
        return exact
    leaf_list = [k for k in leaves]
    leaves_known = all(k in known for k in leaf_list)
    may_blank = {r.addrs[0][1]: [any(c[j] is None for c in r.cuts) for j in range(7)] for r in loose}
    seen = [[set() for _ in range(7)] for _ in loose]
    assign = dict(fixed)
    steps = [0]

    def bad(i_done: int) -> bool:
        """Does the partial assignment (loose rows [0, i_done) cut) break an identity?"""
        for j in range(7):
            need = first
            if all(k in assign for k in need):
                v = [assign[k][j] for k in need]
                if None not in v and v[1] + v[2] != v[0] + v[3]:     # 一 + 二 = 七 + 四
                    return True
            if leaves_known and "total_processed" in assign:
                t = assign["total_processed"][j]
                if t is None:
                    continue
                vals = [assign[k][j] for k in leaf_list if k in assign]
                if None in vals:
                    continue
                if len(vals) == len(leaf_list):
                    if sum(vals) != t:
                        return True
                elif sum(vals) > t and not any(may_blank[r.addrs[0][1]][j] for r in loose[i_done:]):
                    return True
        return False

    def search(i, forced: int, cut) -> bool:
        """Is there a consistent assignment of loose rows [i, …) (row `forced` cut as `cut`)?
        On success the assignment is left in `assign`."""
        steps[0] += 1
        if steps[0] > MAX_JOINT:
            raise GiveUp("joint search too long")
        if i == len(loose):
            assert _holds_b(assign, leaves)
            return True
        key = loose[i].addrs[0][1]
        for c in ([cut] if i == forced else loose[i].cuts):
            assign[key] = c
            if not bad(i + 1) and search(i + 1, forced, cut):
                return True
        del assign[key]
        return False

    # A cell's possible values are its values over every cut of its row that some consistent
    # assignment of the whole table uses: every cut is tried (cuts that could add no value
    # to an undecided cell skipped), each consistent assignment found noted for all rows.
    try:
        for n, r in enumerate(loose):
            for c in r.cuts:
                if all(c[j] in seen[n][j] or len(seen[n][j]) > 1 for j in range(7)):
                    continue
                if search(0, n, c):
                    for m, other in enumerate(loose):
                        for j, v in enumerate(assign[other.addrs[0][1]]):
                            seen[m][j].add(v)
                    for other in loose:
                        assign.pop(other.addrs[0][1], None)
    except GiveUp:
        exact.update({a: False for r in loose for a in r.addrs})
        return exact
    assert all(seen[0][j] for j in range(7))      # the truth itself is consistent
    for n, r in enumerate(loose):
        for j, a in enumerate(r.addrs):
            exact[a] = len(seen[n][j]) == 1
    return exact


def _holds_c(values: list[tuple]) -> bool:
    for row in values:
        for g in range(0, len(row), 5):
            part = row[g:g + 5]
            if len(part) == 5 and None not in part and part[4] != sum(part[:4]):
                return False
    return True


def _holds_b(assign: dict, leaves: set) -> bool:
    """Every identity of Table B whose cells are all known (row present) and printed (not
    blank) holds on `assign` {row_key: 7 values}."""
    for cells in assign.values():
        if None not in cells and cells[6] != sum(cells[:6]):
            return False
    for j in range(7):
        need = ("new_received", "carried_over", "total_processed", "carried_forward")
        if all(k in assign for k in need):
            v = [assign[k][j] for k in need]
            if None not in v and v[0] + v[1] != v[2] + v[3]:
                return False
        if "total_processed" in assign and all(k in assign for k in leaves):
            v = [assign[k][j] for k in leaves]
            t = assign["total_processed"][j]
            if t is not None and None not in v and t != sum(v):
                return False
    return True


def _selftest() -> None:
    """Hand-checked cases: `python -m bench.realworld.ceiling`."""
    rowsum = lambda c: not (len(c) == 7 and c[6] != sum(c[:6]))          # noqa: E731
    assert cuts("562000058", ["int"] * 7, rowsum) == [(56, 2, 0, 0, 0, 0, 58)]
    assert len(cuts("562000058", ["int"] * 7)) == 7                       # without the identity
    assert cuts("12-30", ["int", "signed", "int"]) == [(12, -3, 0)]
    assert cuts("5—5", ["int"] * 3) == [(5, None, 5)]
    assert len(cuts("3127.455318", ["int", "decimal"])) == 3
    cols = ("natural_person", "commercial", "research", "social_welfare", "legal_service", "other_org", "total")
    keys = ("new_received", "carried_over", "granted", "partially_granted", "total_processed", "carried_forward")
    leaves = {"granted", "partially_granted"}

    def table(vals, runs=None):
        return [Row([("B", k, c) for c in cols], ["int"] * 7,
                    (runs or {}).get(k, "".join(map(str, vals[k]))), False, vals[k]) for k in keys]
    zero = (0,) * 7
    v = {k: zero for k in keys} | {k: (56, 2, 0, 0, 0, 0, 58) for k in ("new_received", "granted", "total_processed")}
    assert all(ceiling("B", table(v), leaves).values())
    v = {k: zero for k in keys} | {k: (11, 1, 0, 0, 0, 0, 12) for k in ("new_received", "granted", "total_processed")}
    ex = ceiling("B", table(v), leaves)          # 111000012: 11,1,0 / 1,11,0 / 1,1,10 in every row
    assert not ex[("B", "granted", "natural_person")] and ex[("B", "granted", "total")]
    ex = ceiling("B", table(v, {"new_received": "11 1 0 0 0 0 12"}), leaves)   # one row spaced: decided
    assert all(ex.values())
    print("ceiling self-test passed")


if __name__ == "__main__":
    _selftest()
