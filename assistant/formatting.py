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


def citation(agency: str, year: int, title: str, page: int | None = None) -> str:
    """Where a passage was printed: 韶关市曲江区总工会 · 2022年 · 五、存在的主要问题及改进情况 · 第3页."""
    return f"{agency} · {year}年 · {title}" + (f" · 第{page}页" if page else "")


def source_words(label: str, raw: str | None, page: int | None = None, with_raw: bool = True) -> str:
    """Where a figure was printed, and as what: 表三 行政复议 / 总计，原文“0”，第4页
    (`with_raw=False`: without the raw text, for a table that shows it in a column)."""
    shown = "" if not with_raw else f"，原文“{raw}”" if raw not in (None, "") else "，空白"
    return label + shown + (f"，第{page}页" if page else "")


def check_name(rule: str) -> str:
    """A check's rule as people read it (schema.toml [check_rules])."""
    from .schema import load
    return load().check_rules.get(rule, {}).get("name", rule)


def check_sentence(check) -> str:
    """A failed check in one Chinese sentence, from its fields and the wording in
    schema.toml [check_rules]. `check`: a model.Check or its dict."""
    from .schema import load
    get = check.get if isinstance(check, dict) else lambda k, d=None: getattr(check, k, d)
    rule = load().check_rules.get(get("rule"), {})
    says = rule.get("says", "{name}：报告印的是 {printed}，计算所得为 {computed}（{detail}）")
    return says.format(name=rule.get("name", get("rule")), printed=number(get("printed")),
                       computed=number(get("computed")), quote=get("quote") or "", detail=get("detail") or "")


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
