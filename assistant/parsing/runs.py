"""Digit runs: a table row whose cells were printed with no separator (`562000058` for
56, 2, 0, 0, 0, 0, 58), as crawled pages print them.

A run is decoded only through the form's own identities, for a whole table at once:
every way to cut each run into its row's cells (no leading zeros; a sign only where the
column allows one; decimals only in amounts) is tried, rows are filtered by their row
identity (总计 = the sum of its parts) and then jointly by the column identities. A cell is
filled only when every consistent cut of the whole table gives it the same value; every
other cell stays blank and is reported as uncertain with its run. Whitespace inside a run
is a hard boundary: no cell spans it.

The search is bounded (run length, nodes per row, combinations per table): past a bound the
row is uncertain, never a guess."""
from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import lru_cache

MAX_RUN = 80                  # characters in one run; a longer one is not decoded
MAX_NODES = 4_000             # search steps to cut one run
MAX_CUTS = 2_000              # consistent cuts kept per run
MAX_COMBINATIONS = 3_000      # joint assignments tried per table

_COUNT = re.compile(r"^(?:0|[1-9]\d*|[1-9]\d{0,2}(?:,\d{3})+)$")
_SIGNED = re.compile(r"^-?(?:0|[1-9]\d*)$")
_AMOUNT = re.compile(r"^(?:0|[1-9]\d*)(?:\.\d+)?$")

KINDS = {"count": _COUNT, "signed": _SIGNED, "amount": _AMOUNT}


def normalise(text: str) -> str:
    import unicodedata
    s = unicodedata.normalize("NFKC", text or "").replace("\u2212", "-")
    s = re.sub(r"(?:—+|[/／无])", " / ", s)            # a not-reported mark is a cell of its own
    return re.sub(r"\s+", " ", s).strip()


def _value(piece: str):
    if piece == "/":
        return None
    piece = piece.replace(",", "")
    return float(piece) if "." in piece else int(piece)


@dataclass
class RowRun:
    """One printed run and what it must hold: `kinds[i]` for cell i, and `sums`: for a
    cell index, the indices of the cells it is the sum of (its row identity)."""
    key: str
    text: str
    kinds: list[str]
    sums: dict[int, list[int]] = field(default_factory=dict)
    vanish: bool = False                   # blank cells may have printed nothing at all
    cuts: list[tuple] | None = None        # None: not decodable within the bounds
    reason: str = ""


def cut(run: RowRun) -> None:
    """Every cut of `run.text` into len(run.kinds) cells that respects the kinds, and the
    row identities unless the run can be cut only one way without them (then that cut
    stands, and a broken identity is the report's own contradiction, flagged by the
    checks). Sets run.cuts; None with a reason when a bound is hit. Runs repeat across
    rows and reports (`0000000`), so results are cached."""
    cuts, run.reason = _cut(run.text, tuple(run.kinds), tuple((k, tuple(v)) for k, v in run.sums.items()),
                            run.vanish)
    run.cuts = list(cuts) if cuts is not None else None


@lru_cache(maxsize=65536)
def _cut(text: str, kinds: tuple[str, ...], sums: tuple, vanish: bool) -> tuple[tuple | None, str]:
    run = RowRun("", text, list(kinds), {k: list(v) for k, v in sums}, vanish)
    alone = _cuts(run, {}, limit=2)
    if alone is not None and len(alone) == 1:
        return tuple(alone), ""
    if vanish:
        # blanks may have dropped out and a blank is "not reported", so the row identity
        # cannot choose between the cuts: one cut only, or none
        return None, "表中有未印出的空格，这串数字可有多种切分"
    if len(normalise(text)) > MAX_RUN:
        return None, f"数字串超过{MAX_RUN}个字符，不予切分"
    cuts = _cuts(run, run.sums, MAX_CUTS)
    if cuts is None or len(cuts) >= MAX_CUTS:
        return None, f"切分方式过多（搜索上限{MAX_NODES}步）"
    if not cuts:
        return (), "没有一种切分符合本行的勾稽关系" if sums else "没有一种切分符合本行的格式"
    return tuple(cuts), ""


def _cuts(run: RowRun, forced: dict[int, list[int]], limit: int) -> list[tuple] | None:
    """Cuts of the run into its cells (at most `limit`), cells named in `forced` being the
    sum of others (blank read as 0). With run.vanish a cell may also have printed nothing
    at all (a blank a crawler dropped). None when the search bound is hit."""
    n = len(run.kinds)
    text = normalise(run.text)
    if len(text) > MAX_RUN:
        return None
    if (not run.vanish and list(forced) == [n - 1] and forced[n - 1] == list(range(n - 1))
            and " " not in text):
        return _cuts_total_last(run, limit)
    tokens = text.split(" ")
    s = "".join(tokens)
    hard: list[int] = []          # a cell never spans a space: token ends
    pos = 0
    for t in tokens[:-1]:
        pos += len(t)
        hard.append(pos)
    if len(tokens) > n:
        return []
    out: list[tuple] = []
    nodes = 0
    values: list = []
    vanish = run.vanish

    def fits(piece: str, kind: str) -> bool:
        return piece == "/" or bool(KINDS[kind].match(piece))

    # need[p]: the fewest cells that can hold s[p:] (a 0 cannot lead a number, a cell
    # never spans a space) — no cut leaves more text than its cells can take
    need = [0] * (len(s) + 1)
    for p in range(len(s) - 1, -1, -1):
        stop = next((h for h in hard if h > p), len(s))
        alone = s[p] == "/" or (s[p] == "0" and s[p + 1:p + 2] != ".")
        need[p] = 1 + (need[p + 1] if alone else min(need[p + 1:stop + 1]))

    def go(i: int, p: int) -> bool:
        nonlocal nodes
        nodes += 1
        if nodes > MAX_NODES:
            return False
        if len(out) >= limit:
            return True
        if n - i < need[p]:
            return True
        if i == n:
            if p == len(s):
                out.append(tuple(values))
            return True
        cells_left = n - i
        tokens_left = sum(1 for h in hard if h >= p) + (1 if p < len(s) else 0) - (1 if p in hard else 0)
        if cells_left < tokens_left or (not vanish and len(s) - p < cells_left):
            return True
        nxt = next((h for h in hard if h > p), len(s))      # this cell ends by here
        if i in forced and all(values[j] is not None for j in forced[i]):
            target = sum(values[j] for j in forced[i])
            if isinstance(target, float):
                target = round(target, 6)
            options = [(piece, p + len(piece)) for piece in _renderings(target)
                       if s.startswith(piece, p) and p + len(piece) <= nxt]
            if s.startswith("/", p):
                options.append(("/", p + 1))      # printed blank: the identity says nothing
            if vanish:
                options.append((None, p))          # a blank total says nothing either
            for piece, e in options:
                values.append(None if piece is None else _value(piece))
                ok = go(i + 1, e)
                values.pop()
                if not ok:
                    return False
            return True
        if vanish:
            values.append(None)
            ok = go(i + 1, p)
            values.pop()
            if not ok:
                return False
        for e in range(p + 1, nxt + 1):
            piece = s[p:e]
            if not fits(piece, run.kinds[i]):
                if piece[0] == "0" and run.kinds[i] != "amount":
                    break                       # a leading zero only grows
                if piece == "/" or piece[0] == "/":
                    break
                continue
            values.append(_value(piece))
            ok = go(i + 1, e)
            values.pop()
            if not ok:
                return False
        return True

    if not go(0, 0):
        return None
    return out


def _cuts_total_last(run: RowRun, limit: int) -> list[tuple] | None:
    """A row whose last cell is the sum of the others (Table B): the total is a suffix of
    the run, and every part is at most the total — a far smaller search."""
    s = normalise(run.text)
    n = len(run.kinds)
    out: list[tuple] = []
    nodes = 0
    for k in range(1, len(s) - (n - 1) + 1):
        suffix = s[len(s) - k:]
        if not KINDS[run.kinds[-1]].match(suffix):
            continue
        total = _value(suffix)
        prefix = s[: len(s) - k]
        width = len(suffix)
        values: list = []

        def go(i: int, p: int, acc, prefix=prefix, total=total, values=values, width=width) -> bool:
            nonlocal nodes
            nodes += 1
            if nodes > MAX_NODES:
                return False
            if len(out) >= limit:
                return True
            if i == n - 1:
                if p == len(prefix) and abs(acc - total) < 1e-6:
                    out.append((*values, total))
                return True
            parts_left, rest = n - 1 - i, len(prefix) - p
            if total - acc >= parts_left * 10 ** (rest - parts_left + 1):
                return True                 # the digits left cannot reach the total
            if rest > parts_left * width:
                return True                 # a part has no more digits than the total
            if i == n - 2:                  # the last part is what is left
                piece = prefix[p:]
                if len(piece) <= width and KINDS[run.kinds[i]].match(piece) \
                        and abs(acc + _value(piece) - total) < 1e-6:
                    out.append((*values, _value(piece), total))
                return True
            room = min(len(prefix) - p - (n - 2 - i), width)
            for e in range(p + 1, p + room + 1):
                piece = prefix[p:e]
                if not KINDS[run.kinds[i]].match(piece):
                    if piece[0] == "0":
                        break
                    continue
                v = _value(piece)
                if acc + v > total + 1e-6:
                    break
                values.append(v)
                ok = go(i + 1, e, acc + v)
                values.pop()
                if not ok:
                    return False
            return True
        if not go(0, 0, 0):
            return None
    return out


def _renderings(value) -> list[str]:
    if isinstance(value, float):
        if value.is_integer():
            return [str(int(value))]
        return [repr(value)]
    if value < 0:
        return [str(value)]
    plain = str(value)
    grouped = f"{value:,}"
    return [plain] if grouped == plain else [plain, grouped]


def blanks_evident(runs: list[RowRun]) -> bool:
    """Whether a table shows that it leaves cells blank: a not-reported mark in a run, or a
    run too short to hold a number in every cell."""
    for r in runs:
        text = normalise(r.text)
        if "/" in text:
            return True
        if not _fits_printed(r.text, tuple(r.kinds)):
            return True
    return False


@lru_cache(maxsize=65536)
def _fits_printed(text: str, kinds: tuple[str, ...]) -> bool:
    """Whether the run can hold a number in every one of its cells."""
    return _cuts(RowRun("", text, list(kinds)), {}, 1) != []


@dataclass
class Decoded:
    values: dict[tuple[str, int], object]            # (row key, cell index) → value
    uncertain: dict[str, str]                          # row key → reason (some cells blank)
    unknown: set[tuple[str, int]] = field(default_factory=set)   # cells left blank


def decode(runs: list[RowRun], columns: list[tuple[list[tuple[str, int]], list[tuple[str, int]]]]) -> Decoded:
    """Decode `runs` (one table) jointly. `columns` lists identities across rows as
    (left cells, right cells): sum(left) = sum(right), each cell a (row key, index)."""
    by_key = {r.key: r for r in runs}
    for r in runs:
        if r.cuts is None and not r.reason:
            cut(r)
    fixed = {r.key: r.cuts[0] for r in runs if r.cuts and len(r.cuts) == 1}
    open_rows = [r for r in runs if r.cuts and len(r.cuts) > 1]
    usable = [(lhs, rhs) for lhs, rhs in columns
              if all(k in by_key and by_key[k].cuts for k, _ in lhs + rhs)]
    choices: dict[str, list[tuple]] = {r.key: list(r.cuts) for r in open_rows}
    reasons = {r.key: r.reason for r in runs if not r.cuts}
    broken = any(not _holds([fixed[k][i] for k, i in lhs], [fixed[k][i] for k, i in rhs])
                 for lhs, rhs in usable if all(k in fixed for k, _ in lhs + rhs))
    if open_rows and broken:
        # the rows read for certain already break an identity: the report contradicts
        # itself, so its identities cannot choose a cut for the others
        for k in choices:
            reasons[k] = "有多种切分，而本表已读出的数字本身不符合勾稽关系"
    elif open_rows:
        relevant = [(lhs, rhs) for lhs, rhs in usable if any(k in choices for k, _ in lhs + rhs)]
        _narrow(choices, fixed, relevant)
        keys = [k for k in choices if len(choices[k]) > 1
                and any(k == c[0] for lhs, rhs in relevant for c in lhs + rhs)]
        for k in [k for k in choices if len(choices[k]) == 1]:
            fixed[k] = choices[k][0]
        pos = {k: i for i, k in enumerate(keys)}
        checks_at: list[list] = [[] for _ in keys]
        for lhs, rhs in relevant:
            inside = [pos[k] for k, _ in lhs + rhs if k in pos]
            if inside:
                checks_at[max(inside)].append((lhs, rhs))
        pick: dict[str, tuple] = {}
        seen: dict[str, set[tuple]] = {k: set() for k in keys}
        nodes = 0

        def val(cell):
            k, i = cell
            return (pick[k] if k in pick else fixed[k])[i]

        def walk(d: int) -> bool:
            nonlocal nodes
            if d == len(keys):
                for k, cutv in pick.items():
                    seen[k].add(cutv)
                return True
            for cutv in choices[keys[d]]:
                nodes += 1
                if nodes > MAX_COMBINATIONS:
                    return False
                pick[keys[d]] = cutv
                if all(_holds([val(c) for c in lhs], [val(c) for c in rhs]) for lhs, rhs in checks_at[d]):
                    if not walk(d + 1):
                        return False
            pick.pop(keys[d], None)
            return True
        if keys and not walk(0):
            for k in keys:
                reasons[k] = "组合过多，无法逐一核对"
        elif keys and all(seen[k] for k in keys):
            choices.update({k: sorted(v, key=repr) for k, v in seen.items()})
        elif keys:
            # the report breaks its own identities (or blanks hide them): the column
            # identities cannot be trusted to choose a cut
            for k in keys:
                reasons[k] = "有多种切分，且没有一种组合符合本表的勾稽关系"
    values: dict[tuple[str, int], object] = {}
    uncertain: dict[str, str] = {}
    unknown: set[tuple[str, int]] = set()
    for r in runs:
        n = len(r.kinds)
        if r.key in fixed:
            for i, v in enumerate(fixed[r.key]):
                values[(r.key, i)] = v
            continue
        cuts = choices.get(r.key) if r.key not in reasons else None
        if not cuts:
            uncertain[r.key] = reasons.get(r.key) or r.reason or "无法切分"
            unknown.update((r.key, i) for i in range(n))
            continue
        for i in range(n):
            vals = {c[i] for c in cuts}
            if len(vals) == 1:
                values[(r.key, i)] = next(iter(vals))
            else:
                unknown.add((r.key, i))
        if any((r.key, i) in unknown for i in range(n)):
            uncertain[r.key] = f"{len(cuts)}种切分都符合：" + "；".join(
                ",".join(_show(v) for v in c) for c in cuts[:3]) + ("…" if len(cuts) > 3 else "")
    return Decoded(values=values, uncertain=uncertain, unknown=unknown)


def _narrow(choices: dict[str, list[tuple]], fixed: dict[str, tuple], identities) -> None:
    """Drop the cuts that no choice of the other rows can complete, identity by identity,
    from the range each cell can still take, until nothing changes (identities with a
    blank in reach say nothing)."""
    def span(k, i):
        vals = [c[i] for c in choices[k]] if k in choices else [fixed[k][i]]
        if any(v is None for v in vals):
            return None
        return min(vals), max(vals)
    changed = True
    while changed:
        changed = False
        for lhs, rhs in identities:
            spans = {cell: span(*cell) for cell in lhs + rhs}
            if any(v is None for v in spans.values()):
                continue
            for side, other in ((lhs, rhs), (rhs, lhs)):
                for cell in side:
                    k, i = cell
                    if k not in choices or len(choices[k]) < 2:
                        continue
                    rest_lo = sum(spans[c][0] for c in side if c != cell)
                    rest_hi = sum(spans[c][1] for c in side if c != cell)
                    other_lo = sum(spans[c][0] for c in other)
                    other_hi = sum(spans[c][1] for c in other)
                    keep = [cv for cv in choices[k]
                            if cv[i] + rest_lo <= other_hi + 1e-6 and cv[i] + rest_hi >= other_lo - 1e-6]
                    if keep and len(keep) < len(choices[k]):
                        choices[k] = keep
                        changed = True
                        spans = {c: span(*c) for c in lhs + rhs}


def _holds(lhs: list, rhs: list) -> bool:
    """sum(lhs) = sum(rhs); a blank cell is "not reported", not 0, so an identity with a
    blank in it says nothing (a report may print only the totals, or only the parts)."""
    if None in lhs or None in rhs:
        return True
    return abs(sum(lhs) - sum(rhs)) < 1e-6


def _show(v) -> str:
    if v is None:
        return "空"
    return f"{v:g}" if isinstance(v, float) else str(v)
