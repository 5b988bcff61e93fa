"""Place names at county level and above, from cpca's division table, and the one narrow
correction the product makes to a printed agency name: a place misread by OCR or mistyped
(沐阳县 for 沭阳县) that exists nowhere, one character away from exactly one place that
does, with the same parent and the same suffix. 高新区, 街道 and names cpca does not know
are never "corrected"; the printed name is always kept beside the corrected one."""
from __future__ import annotations

import csv
from dataclasses import dataclass
from functools import cache
from importlib.util import find_spec
from pathlib import Path

SUFFIXES = ("省", "市", "区", "县", "旗", "州", "盟")
NEVER = ("新区", "开发区", "高新", "园区", "街道", "镇", "乡", "管理区", "示范区")
MAX_PLACE = 10          # characters in one place name


@dataclass(frozen=True)
class Places:
    parent: dict[str, frozenset[str]]        # name → adcodes of its parents ("" at the top)
    by_shape: dict[tuple[int, str], tuple[str, ...]]   # (length, suffix) → names


def _parent_code(code: str) -> str:
    if code[2:] == "0" * 10:
        return ""
    if code[4:] == "0" * 8:
        return code[:2] + "0" * 10
    return code[:4] + "0" * 8


@cache
def places() -> Places:
    spec = find_spec("cpca")                 # its data file, without importing cpca (pandas)
    path = Path(next(iter(spec.submodule_search_locations))) / "resources" / "adcodes.csv"
    names: dict[str, str] = {}
    parent: dict[str, set[str]] = {}
    with path.open(encoding="utf-8") as f:
        rows = [(r["adcode"], r["name"]) for r in csv.DictReader(f)]
    for code, name in rows:
        names[code] = name
    for code, name in rows:
        if code[6:] != "0" * 6 or not name.endswith(SUFFIXES):
            continue                               # county level and above only
        up = _parent_code(code)
        parent.setdefault(name, set()).add(names.get(up, ""))
    shapes: dict[tuple[int, str], list[str]] = {}
    for name in parent:
        shapes.setdefault((len(name), name[-1]), []).append(name)
    return Places(parent={k: frozenset(v) for k, v in parent.items()},
                  by_shape={k: tuple(v) for k, v in shapes.items()})


def provinces() -> tuple[str, ...]:
    """The provinces' names (`河北省`), longest first."""
    return tuple(sorted((n for n, ps in places().parent.items() if n.endswith("省") and ps == {""}),
                        key=len, reverse=True))


def _one_apart(a: str, b: str) -> bool:
    return len(a) == len(b) and sum(x != y for x, y in zip(a, b, strict=False)) == 1


@dataclass
class Correction:
    name: str                 # the agency name with the place corrected
    printed: str              # the place as printed
    place: str                # the place it was read as


def correct(name: str) -> Correction | None:
    """The agency name with one misprinted leading place corrected, or None."""
    p = places()
    pos, parent = 0, None
    while pos < len(name):
        known = None
        for end in range(min(len(name), pos + MAX_PLACE), pos + 1, -1):
            token = name[pos:end]
            if token in p.parent and (parent is None or parent in p.parent[token]):
                known = token
                break
        if known:
            pos, parent = pos + len(known), known
            continue
        for end in range(pos + 2, min(len(name), pos + MAX_PLACE) + 1):
            token = name[pos:end]
            if not token.endswith(SUFFIXES) or any(w in token for w in NEVER) or token in p.parent:
                continue
            near = [c for c in p.by_shape.get((len(token), token[-1]), ())
                    if _one_apart(c, token) and (parent is None or parent in p.parent[c])]
            if len(near) > 1:                   # the place printed next names its parent
                after = next((name[end:e] for e in range(min(len(name), end + MAX_PLACE), end + 1, -1)
                              if name[end:e] in p.parent), None)
                if after:
                    near = [c for c in near if c in p.parent[after]]
            if len(near) == 1:
                return Correction(name=name[:pos] + near[0] + name[end:], printed=token, place=near[0])
        return None
    return None
