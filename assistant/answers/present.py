"""What the app shows beside an answer, computed here so app.py holds presentation only:
the corpus at a glance, example questions that the store can answer, an answer's rows as a
table and as CSV, the question's terms highlighted in a passage."""
from __future__ import annotations

import csv
import io
import re
from collections import Counter

from ..formatting import source_words
from ..mentions import aliases
from ..store import Store
from .model import Answer


def overview(store: Store) -> dict:
    """Reports by year, agencies, regions, failed checks."""
    cat = store.catalogue()
    by_year = Counter(r["year"] for r in cat)
    return {"reports": len(cat), "agencies": sorted({r["agency"] for r in cat}),
            "by_year": dict(sorted(by_year.items())),
            "regions": sorted({r[k] for r in cat for k in ("province", "city") if r[k]}),
            "years": sorted(by_year)}


def examples(store: Store, limit: int = 6) -> list[str]:
    """Questions about agencies and years that exist in the store, one per kind of answer."""
    cat = store.catalogue()
    if not cat:
        return []
    newest = max(r["year"] for r in cat)
    # prefer a report with failed checks for the check example, any for the others
    failed = {c["report_id"] for c in store.failed_checks([r["id"] for r in cat])}
    first = next((r for r in cat if r["id"] in failed), cat[-1])
    short = min(aliases(first["agency"]), key=len)
    out = [f"{short}{first['year']}年新收多少政府信息公开申请？",
           f"{newest}年哪些单位收到了政府信息公开申请？",
           f"{short}{first['year']}年报告数据是否前后一致？"]
    agencies = sorted({r["agency"] for r in cat})
    if len(agencies) >= 2:
        a, b = (min(aliases(x), key=len) for x in agencies[:2])
        out.append(f"比较{a}和{b}的改进措施")
    years = sorted({r["year"] for r in cat if r["agency"] == first["agency"]})
    if len(years) >= 2:
        out.append(f"{short}{years[0]}到{years[-1]}年新收申请的变化")
    out.append(f"{newest}年收到申请最多的单位")
    out.append("信息处理费")
    return out[:limit]


def table(answer: Answer) -> list[dict]:
    """An answer's figures as rows for a table, each with its source in words."""
    out = []
    for r in answer.rows:
        s = r.source
        out.append({"单位": r.agency, "年份": r.year, "指标": r.metric,
                    "数值": r.value, "报告原文": s.raw, "来源": source_words(s.label, s.raw, s.page, with_raw=False),
                    "核对": "⚠ " + r.warning if r.warning else "", "report_id": s.report_id})
    return out


def to_csv(answer: Answer) -> bytes:
    """The answer's rows as CSV in UTF-8 with a BOM, so Excel shows the Chinese."""
    rows = table(answer)
    buf = io.StringIO()
    w = csv.DictWriter(buf, fieldnames=list(rows[0]) if rows else ["单位", "年份", "指标", "数值", "来源"],
                       lineterminator="\n")
    w.writeheader()
    w.writerows(rows)
    return ("\ufeff" + buf.getvalue()).encode("utf-8")


# every ASCII character Markdown (with Streamlit's colour, emoji, icon and LaTeX
# directives) or HTML can act on: escaped with a backslash, it is shown as itself
_MARKUP = re.compile(r"([\\`*_{}\[\]()#+\-.!|<>:$~^=&\"'])")
# what GFM turns into a link even when escaped (it links the text after parsing): a word
# joiner (U+2060, invisible) after the scheme, www or @ keeps it text
_AUTOLINK = re.compile(r"(?i)(https?|ftp|mailto|www|@)")


def literal(text) -> str:
    """Text from a report or a file name, for a Markdown element, so that it is shown as
    printed: no heading, link, image, colour, LaTeX or HTML is made of it."""
    s = _AUTOLINK.sub("\\1\u2060", str(text if text is not None else ""))
    s = _MARKUP.sub(r"\\\1", s)
    return s.replace("\n", "  \n")


def highlight(text: str, question: str) -> str:
    """`text` as Markdown, shown literally, with the question's words (two characters or
    more) in bold."""
    q = re.sub(r"[\s，。？！?、：:；;“”\"'（）()]", "", question)
    spans = set()
    for i in range(len(q)):
        best = ""
        for j in range(i + 2, len(q) + 1):
            if q[i:j] in text:
                best = q[i:j]
            else:
                break
        if best:
            spans.add(best)
    found = sorted(spans, key=len, reverse=True)
    if not found:
        return literal(text)
    pattern = re.compile("|".join(map(re.escape, found)))
    out, last = [], 0
    for m in pattern.finditer(text):
        out.append(literal(text[last:m.start()]))
        out.append(f"**{literal(m.group(0))}**")
        last = m.end()
    out.append(literal(text[last:]))
    return "".join(out)
