"""The identities a report's own figures must satisfy, and its narrative against its table.

A check never changes a figure. Blank cells are "not reported", never 0:
- every input on one side blank → skipped;
- no blanks → ok or failed;
- some blanks → failed when the printed parts already exceed the printed whole (figures
  here are never negative), ok when the figures agree with the blanks read as 0 (said in
  the detail), otherwise skipped."""
from __future__ import annotations

import re

from .formatting import number
from .model import Check, Report, Section
from .schema import table

Addr = tuple[str, str, str]


def _sum(values):
    known = [v for v in values if v is not None]
    total = sum(known) if known else None
    if isinstance(total, float) and total.is_integer():
        total = int(total)
    return total, len(values) - len(known)


def equality(report: Report, rule: str, whole: list[Addr], parts: list[Addr],
             whole_name: str, parts_name: str) -> Check:
    wv = [report.value(*a) for a in whole]
    pv = [report.value(*a) for a in parts]
    w, w_blank = _sum(wv)
    p, p_blank = _sum(pv)
    cells = whole + parts
    def side(name, values, total):
        return f"{name} = " + " + ".join(map(number, values)) + (f" = {number(total)}" if len(values) > 1 else "")
    shown = f"{side(whole_name, wv, w)}; {side(parts_name, pv, p)}"
    if w is None or p is None:
        return Check(rule, "skipped", cells, w, p, f"一侧全为空白：{shown}")
    equal = abs(w - p) < 1e-6
    if not w_blank and not p_blank:
        return Check(rule, "ok" if equal else "failed", cells, w, p, shown)
    if (not w_blank and p > w + 1e-6) or (not p_blank and w > p + 1e-6):
        return Check(rule, "failed", cells, w, p, shown + "（空白格补不上这个差额）")
    if equal:
        return Check(rule, "ok", cells, w, p, shown + f"（{w_blank + p_blank}个空白格按0计）")
    return Check(rule, "skipped", cells, w, p, shown + f"（有{w_blank + p_blank}个空白格，无法判定）")


def _present(report: Report, tbl: str) -> set[str]:
    return {f.row for f in report.figures if f.table == tbl}


def table_b(report: Report) -> list[Check]:
    spec = table("B")
    rows = _present(report, "B")
    if not rows:
        return []
    out = []
    leaves = [r.key for r in spec.rows if r.leaf and r.key in rows]
    if any(k.startswith("other_") for k in leaves) and "other" in leaves:
        leaves.remove("other")
    label = {r.key: r.labels[0] for r in spec.rows}
    for col in spec.column_keys:
        col_name = spec.column_label(col)
        out.append(equality(report, "B.balance",
                            [("B", "new_received", col), ("B", "carried_over", col)],
                            [("B", "total_processed", col), ("B", "carried_forward", col)],
                            f"[{col_name}] 一+二", "（七）+四"))
        out.append(equality(report, "B.processed_sum", [("B", "total_processed", col)],
                            [("B", k, col) for k in leaves],
                            f"[{col_name}] （七）总计", "（一）至（六）之和"))
    applicant_cols = [c for c in spec.column_keys if c != "total"]
    for r in spec.rows:
        if r.key in rows:
            out.append(equality(report, "B.row_total", [("B", r.key, "total")],
                                [("B", r.key, c) for c in applicant_cols],
                                f"[{label[r.key]}] 总计", "六类申请人之和"))
    return out


def table_c(report: Report) -> list[Check]:
    spec = table("C")
    rows = _present(report, "C")
    parts = [c for c in spec.column_keys if c != "total"]
    return [equality(report, "C.row_total", [("C", r.key, "total")], [("C", r.key, c) for c in parts],
                     f"[{r.labels[0]}] 总计", "结果维持 + 结果纠正 + 其他结果 + 尚未审结")
            for r in spec.rows if r.key in rows]


# "共收到政府信息公开申请 17 件", "全年受理申请17件", "新收政府信息公开申请95件"
_STATED = re.compile(r"(?:受理|收到|新收|接收|接到)[^。；;，,\d]{0,25}?申请[^。；;\d]{0,8}?"
                     r"(\d[\d,]*)\s*(?:件|个|条|宗)")
# "报告期内，无公开信息申请", "未收到政府信息公开申请"
_NONE = re.compile(r"(?:无|未(?:收到|受理|接到|发生))([^。；;，,\d]{0,12}?)申请")


def stated_new_received(sections: list[Section]) -> list[tuple[int, str, str]]:
    """(number, section key, quote) for each statement of how many applications came in."""
    found = []
    for s in sections:
        if "." in s.key:          # sub-parts repeat their parent's text
            continue
        text = re.sub(r"[ \t\u3000\u00a0]+", "", s.text)
        for m in _STATED.finditer(text):
            found.append((int(m.group(1).replace(",", "")), s.key, m.group(0)))
        for m in _NONE.finditer(text):
            if "理由" in m.group(1):
                continue
            found.append((0, s.key, m.group(0)))
    return found


def narrative(report: Report) -> list[Check]:
    cell = ("B", "new_received", "total")
    table_value = report.value(*cell)
    out, seen = [], set()
    for stated, key, quote in stated_new_received(report.sections):
        if stated in seen:
            continue
        seen.add(stated)
        if table_value is None:
            out.append(Check("narrative.new_received", "skipped", [cell], stated, None,
                             f"正文（{key}）说“{quote}”；表二 一 总计为空白", quote=quote, section=key))
            continue
        status = "ok" if stated == table_value else "failed"
        out.append(Check("narrative.new_received", status, [cell], stated, table_value,
                         f"正文（{key}）说“{quote}”＝{stated}；表二 一 总计印的是 {number(table_value)}",
                         quote=quote, section=key))
    return out


def run(report: Report) -> list[Check]:
    return table_b(report) + table_c(report) + narrative(report)


def failed(report: Report) -> list[Check]:
    return [c for c in report.checks if c.status == "failed"]


def flagged_cells(report: Report) -> set[tuple[str, str, str]]:
    return {tuple(cell) for c in failed(report) for cell in c.cells}



def uncertain(report: Report) -> dict[tuple[str, str, str], str]:
    """Cells the copy does not fix (left blank, never guessed), each with its reason."""
    out: dict[tuple[str, str, str], str] = {}
    for c in report.checks:
        if c.status == "uncertain":
            for cell in c.cells:
                out.setdefault(tuple(cell), c.detail)
    return out
