"""Figures for people: one place that turns a value into text, for the CLI, the app, the
answers and the exports' readable columns. Never scientific notation; thousands
separators; at most four decimals, trailing zeros dropped; the unit after the number."""
from __future__ import annotations

from decimal import Decimal

BLANK = "空白"


def number(value, blank: str = BLANK) -> str:
    """3985758 → 3,985,758; 23419.5 → 23,419.5; None → 空白."""
    if value is None:
        return blank
    if isinstance(value, bool):
        value = int(value)
    if isinstance(value, int):
        return f"{value:,}"
    d = Decimal(str(value)).quantize(Decimal("0.0001")).normalize()
    if d == d.to_integral_value():
        return f"{int(d):,}"
    whole, frac = f"{d:f}".split(".")
    sign = "-" if whole.startswith("-") else ""
    return f"{sign}{int(whole.lstrip('-') or 0):,}.{frac}"


def quantity(value, unit: str = "", blank: str = BLANK) -> str:
    """A number with its unit (件, 万元, 元); a blank has none."""
    return blank if value is None else number(value) + (unit or "")


def signed(value, unit: str = "") -> str:
    """A change: +12件, -3件, 0件."""
    text = quantity(value, unit)
    return text if value is None or value <= 0 else "+" + text


def share(part, whole) -> str | None:
    """part as a share of whole, 12.5%; None when the whole is 0."""
    if not whole:
        return None
    return f"{part / whole * 100:.1f}%"


def percent(part, whole) -> str | None:
    """The change part/whole as +12.5%; None when there is no base (from 0)."""
    if not whole:
        return None
    return f"{part / whole * 100:+.1f}%"
