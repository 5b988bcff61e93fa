"""Finding a stored report by the names and years users type."""
from __future__ import annotations

import re

from .agencies import resolve
from .errors import NotFound
from .model import Report
from .store import Store


def parse_year(text: str | int) -> int:
    m = re.fullmatch(r"\s*((?:19|20)\d{2})\s*年?度?\s*", str(text))
    if not m:
        raise NotFound(f"“{text}” is not a year (write it as 2022 or 2022年)")
    return int(m.group(1))


def find_report(store: Store, agency: str, year: str | int) -> Report:
    """The report of `agency` (full or short name) for `year`; NotFound names what the
    store has instead."""
    canonical = resolve(agency, store.agencies())
    y = parse_year(year)
    row = store.by_agency_year(canonical, y)
    if row is None:
        years = store.years(canonical)
        raise NotFound(f"no {y} report for {canonical}; the store has "
                       + ("、".join(map(str, years)) if years else "no year"))
    return store.get(row.id)
