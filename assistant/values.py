"""A printed cell's text → its value. Only a printed number is a number: blank, —, /, 无
mean "not reported" (None), never 0."""
from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

NOT_REPORTED = {"", "—", "——", "-", "--", "─", "/", "／", "\\", "无", "空", "N/A", "NA", "×", "*"}
MAX_DIGITS = 18          # more digits than any bound allows: read as out of range, not converted
_NUMBER = re.compile(r"^([+-]?)(\d{1,3}(?:,\d{3})+|\d+)(\.\d+)?(?:件|项|个|条|次|万元|元|人次)?$")


def clean(raw: str) -> str:
    """NFKC (full-width digits, signs and spaces become ASCII), whitespace removed."""
    s = unicodedata.normalize("NFKC", raw or "")
    s = s.replace("\u2212", "-").replace("\uff0d", "-")
    return re.sub(r"\s+", "", s)


@lru_cache(maxsize=65536)
def parse_value(raw: str) -> tuple[int | float | None, bool]:
    """(value, understood). understood is False when the cell holds text that is neither
    a number nor a not-reported mark; its value is then None and the raw text is kept."""
    if raw.isdigit() and raw.isascii() and len(raw) <= MAX_DIGITS:   # the common case: a plain count
        return int(raw), True
    s = clean(raw)
    if s in NOT_REPORTED:
        return None, True
    m = _NUMBER.match(s)
    if not m:
        return None, False
    sign, whole, frac = m.groups()
    whole = whole.replace(",", "")
    if len(whole) > MAX_DIGITS:                  # past every column's bound (schema.toml)
        return (float("-inf") if sign == "-" else float("inf")), True
    if frac:
        return float(f"{sign}{whole}{frac}"), True
    return int(f"{sign}{whole}"), True


def is_value_text(raw: str) -> bool:
    """True for a cell that reads as a figure or a blank — i.e. not a label."""
    value, understood = parse_value(raw)
    return understood
