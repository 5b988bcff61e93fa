"""Agencies: region and kind from the name, one canonical name for the same body across
years (洪泽区人民政府 and 淮安市洪泽区人民政府), and resolving the short forms users type."""
from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache

from .errors import Ambiguous, NotFound
from .labels import squeeze
from .model import Region
from .schema import load

MUNICIPALITIES = {"北京市", "上海市", "天津市", "重庆市"}
_NOT_A_CITY = {"市辖区", "县", "省直辖县级行政区划", "自治区直辖县级行政区划"}


def _short_forms(place: str) -> list[str]:
    forms = [place]
    for suffix in ("特别行政区", "维吾尔自治区", "壮族自治区", "回族自治区", "自治区", "自治州",
                   "地区", "新区", "省", "市", "区", "县", "旗", "盟"):
        if place.endswith(suffix) and len(place) - len(suffix) >= 2:
            forms.append(place[: -len(suffix)])
            break
    return forms


@dataclass(frozen=True)
class Place:
    region: Region
    remainder: str        # the name after its leading place names
    prefix_is_place: bool  # the name starts with place names only


@lru_cache(maxsize=65536)
def place_of(name: str) -> Place:
    import warnings
    with warnings.catch_warnings():           # cpca reads its data through pkg_resources
        warnings.simplefilter("ignore", UserWarning)
        import cpca  # loads its division list on first use
    name = squeeze(name)
    df = cpca.transform([name])
    row = df.iloc[0]

    def val(col):
        v = row[col]
        return v if isinstance(v, str) and v else None

    province, city, county, rest = val("省"), val("市"), val("区"), val("地址") or ""
    if city in _NOT_A_CITY or (city and city == province):
        city = None
    region = Region(province=province, city=city, county=county)
    prefix = name[: len(name) - len(rest)] if rest and name.endswith(rest) else None
    ok = False
    if prefix:
        p = prefix
        for place in (province, city, county):
            if not place:
                continue
            for form in _short_forms(place):
                if p.startswith(form):
                    p = p[len(form):]
                    break
        ok = p == ""
    return Place(region=region, remainder=rest, prefix_is_place=ok)


def canonical_name(name: str) -> str:
    """淮安市洪泽区人民政府 for both 洪泽区人民政府 and 淮安市洪泽区人民政府; a name not led by
    place names is kept as printed (without spaces)."""
    name = squeeze(name)
    place = place_of(name)
    r = place.region
    if not place.prefix_is_place or not place.remainder:
        return name
    if r.county:
        head = (r.city or (r.province if r.province in MUNICIPALITIES else "")) + r.county
    elif r.city:
        head = r.city
    else:
        head = r.province or ""
    return head + place.remainder


def region_of(name: str) -> Region:
    return place_of(squeeze(name)).region


def kind_of(name: str) -> str:
    s = squeeze(name)
    for kind, suffixes in load().agency_kinds:
        if any(s.endswith(x) for x in suffixes):
            return kind
    return "其他"


def resolve(query: str, agencies: list[tuple[str, str]]) -> str:
    """The canonical agency meant by `query` among (canonical, printed) names in the store:
    an exact name, else the one name containing it; a bare place name (洪泽区) means that
    place's 人民政府. Raises NotFound or Ambiguous naming the candidates."""
    q = squeeze(query)
    names = {c for c, _ in agencies}
    for canon, printed in agencies:
        if q in (canon, squeeze(printed)) or canonical_name(q) == canon:
            return canon
    hits = sorted({c for c, p in agencies if q in c or q in squeeze(p)})
    if len(hits) > 1:
        governments = [c for c in hits if kind_of(c) == "人民政府" and c.endswith(q + "人民政府")]
        if len(governments) == 1:
            return governments[0]
    if len(hits) == 1:
        return hits[0]
    if hits:
        raise Ambiguous(query, hits)
    raise NotFound(f"no agency “{query}” in the store; it holds: " + "、".join(sorted(names)[:20])
                   + ("…" if len(names) > 20 else ""))
