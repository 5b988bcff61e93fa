"""Generated reports turned into the shapes real copies take, with their truth.

Each shape is a function `(report, rng, name) -> (bytes, truth, extension)`; `make(shape, n,
seed)` draws reports from `assistant.generator.generate` and applies it, reproducibly.
See README.md beside this file for what each shape looks like and what the truth holds.

    PYTHONPATH=. python -m bench.realworld.shapes OUT --n 200
"""
from __future__ import annotations

import argparse
import csv
import html
import importlib.util
import io
import json
import random
import re
import time
import unicodedata
import zlib
from dataclasses import dataclass
from functools import cache
from pathlib import Path

from assistant.generator import generate
from assistant.generator import truth as generator_truth
from assistant.generator.agencies import PLACES, all_agencies
from assistant.generator.render import outline
from assistant.generator.report import GeneratedReport, Grid, GridCell
from assistant.schema import table as spec

from .ceiling import MARKERS, Row, ceiling

SHAPES: tuple[str, ...] = ("flattened", "digit_runs", "page_metadata", "markdown", "word_html",
                           "ocr", "outline", "blank_totals", "image_tables")

Addr = tuple[str, str, str]
B_COLS = ("natural_person", "commercial", "research", "social_welfare", "legal_service", "other_org", "total")
ORG_WORDS = ("商业企业", "科研机构", "社会公益组织", "法律服务机构", "其他")


@dataclass
class Sample:
    shape: str
    name: str
    data: bytes
    truth: dict
    heldout: bool


# ====================================================================== the tables as rows
@dataclass
class TRow:
    header: bool
    words: list[str]          # header words, or the label cells of a data row
    addrs: list[Addr]         # data rows: the addresses of the value cells, in order
    index: int                # the row's index in its Grid


def tables(r: GeneratedReport) -> dict[str, tuple[Grid, list[TRow]]]:
    """Each table's grid and its rows, data rows carrying the addresses of their cells."""
    a = spec("A")
    layout = a.layout[r.version]
    addrs = {
        "A": [[("A", row.key, c) for c in layout[row.key]] for row in a.rows if row.key in layout],
        "B": [[("B", k, c) for c in B_COLS] for k in r.figures.b_rows()],
        "C": [[("C", rk, c) for rk in spec("C").row_keys for c in spec("C").column_keys]],
    }
    out = {}
    for g in r.grids():
        queue = list(addrs[g.key])
        rows = []
        for i, row in enumerate(g.rows):
            values = [c for c in row if c.value]
            labels = [c.text for c in row if not c.value]
            if values:
                ad = queue.pop(0)
                assert len(ad) == len(values)
                for c, x in zip(values, ad, strict=False):
                    assert c.text == r.figures.cells[x].raw, (c.text, x)
                rows.append(TRow(False, labels, ad, i))
            else:
                rows.append(TRow(True, labels, [], i))
        assert not queue
        out[g.key] = (g, rows)
    return out


def grammar(addr: Addr) -> str:
    if addr[0] == "A" and addr[2] == "change":
        return "signed"
    if addr[0] == "A" and addr[2] in ("amount", "amount_wan"):
        return "decimal"
    return "int"


def plain(raw: str) -> str:
    """A figure as a crawler that normalises width and drops grouping commas prints it."""
    return unicodedata.normalize("NFKC", raw).replace(",", "").strip()


# ====================================================================== truth
def base_truth(r: GeneratedReport, shape: str, name: str) -> dict:
    g = generator_truth(r)
    return {
        "name": name, "shape": shape, "agency": r.agency, "agency_printed": r.agency,
        "year": r.year, "published": r.published, "source_url": None,
        "format_version": r.version, "sections": list(g["sections"]), "image_tables": [],
        "cells": [{"table": c["table"], "row": c["row"], "col": c["col"], "value": c["value"],
                   "raw": c["raw"], "expect": "exact"} for c in g["cells"]],
    }


def set_cell(truth: dict, addr: Addr, **kw) -> None:
    index = _INDEX.get(id(truth))
    if index is None or index[0] is not truth:
        index = (truth, {(c["table"], c["row"], c["col"]): c for c in truth["cells"]})
        _INDEX[id(truth)] = index
    index[1][addr].update(kw)


_INDEX: dict[int, tuple[dict, dict]] = {}


def blank_out(r: GeneratedReport, addr: Addr, raw: str = "") -> None:
    """Make the copy print `addr` blank: the generated report itself is changed, so every
    renderer and the truth see the same blank."""
    r.figures.cells[addr].raw = raw
    r.figures.cells[addr].value = None


# ====================================================================== shared printers
def title_text(r: GeneratedReport) -> str:
    return f"{r.agency}{r.year}年政府信息公开工作年度报告"


def tab_table(g: Grid, rng: random.Random, wrap: float = 0.0) -> list[str]:
    """Text copied from Word: one cell per tab-indented line, rows apart by a blank line; a
    blank value is a tab and a space of some kind; a header cell may wrap onto a line of its
    own without a tab."""
    out = []
    for row in g.rows:
        for c in row:
            if c.value:
                text = c.text
                if not text:
                    text = rng.choice(["\u3000", " ", "\xa0", "\u3000\u3000"])
                elif rng.random() < 0.08:
                    text = rng.choice(["\u3000", " "]) + text if rng.random() < 0.5 else text + " "
                out.append("\t" + text)
            elif wrap and 4 <= len(c.text) <= 8 and rng.random() < wrap:
                k = rng.randint(2, len(c.text) - 2)
                out.append("\t" + c.text[:k])
                out.append(c.text[k:])
            else:
                out.append("\t" + c.text)
        out.append("")
    return out


def row_tokens(r: GeneratedReport, addrs: list[Addr], vanish_markers: bool) -> list[str | None]:
    """What a copy that prints one row per line shows for each cell: None when the cell
    vanished (blank, nothing printed)."""
    out = []
    for a in addrs:
        p = r.figures.cells[a]
        if p.value is None:
            out.append(None if (vanish_markers or p.raw not in MARKERS) else p.raw)
        else:
            out.append(p.raw)
    return out


def mark_lost(truth: dict, addrs: list[Addr], tokens: list) -> None:
    """A row that lost some cells (but not all) cannot be placed: every cell uncertain."""
    if any(t is None for t in tokens) and any(t is not None for t in tokens):
        for a in addrs:
            set_cell(truth, a, expect="uncertain")


def spaced_rows(r: GeneratedReport, trows: list[TRow], truth: dict, rng: random.Random,
                vanish_markers: bool = False, label_sep: str = " ") -> list[str]:
    """Each table row on one line, cells apart by single spaces, blank cells vanished."""
    out = []
    for t in trows:
        if t.header:
            out.append(" ".join(t.words))
            continue
        toks = row_tokens(r, t.addrs, vanish_markers)
        mark_lost(truth, t.addrs, toks)
        shown = [x for x in toks if x is not None]
        out.append(("".join(t.words) + label_sep + " ".join(shown)).strip())
    return out


# ====================================================================== 1, 2: digit runs
def _run_rows(r: GeneratedReport, trows: list[TRow], spaced: bool, markers: bool):
    """(label, run, Row) of each data row: the cells' texts run together."""
    out = []
    for t in trows:
        if t.header:
            continue
        texts = []
        for a in t.addrs:
            p = r.figures.cells[a]
            if p.value is None:
                texts.append(p.raw if markers and p.raw in MARKERS else None)
            else:
                texts.append(plain(p.raw))
        shown = [x for x in texts if x is not None]
        run = (" " if spaced else "").join(shown)
        lost = bool(shown) and len(shown) < len(texts)
        truth_values = tuple(r.figures.cells[a].value for a in t.addrs)
        out.append((t, run, texts, Row(list(t.addrs), [grammar(a) for a in t.addrs], run, lost, truth_values)))
    return out


def _apply_ceiling(r: GeneratedReport, truth: dict, runs: dict[str, list]) -> None:
    for key, rows in runs.items():
        exact = ceiling(key, [x[3] for x in rows], set(r.figures.b_leaves()) if key == "B" else None)
        for t, _run, texts, _row in rows:
            for a, text in zip(t.addrs, texts, strict=False):
                set_cell(truth, a, raw=text or "", expect="exact" if exact[a] else "uncertain")


def shape_flattened(r: GeneratedReport, rng: random.Random, name: str):
    """A crawled page's text: everything on one line, tables' labels and runs run together."""
    truth = base_truth(r, "flattened", name)
    spaced = rng.random() < 0.3
    markers = rng.random() < 0.4
    label_sep = rng.choice(["", "", " "])
    word_sep = rng.choice(["", "", " "])
    row_sep = rng.choice(["", "", "", " "])
    join = " " if rng.random() < 0.75 else ""
    grids = tables(r)
    runs = {}
    parts: list[str] = []
    prev_table = False
    for kind, item in outline(r):
        if kind == "table":
            g, trows = grids[item.key]
            rows = _run_rows(r, trows, spaced, markers)
            runs[item.key] = rows
            by_index = {x[0].index: x for x in rows}
            text = ""
            for t in trows:
                if t.header:
                    piece = word_sep.join(w for w in t.words if w)
                else:
                    _, run, _, _ = by_index[t.index]
                    label = word_sep.join(t.words)
                    piece = label + (label_sep if label and run else "") + run
                    if not label:          # Table C: the run straight after its header words
                        piece = (label_sep or row_sep) + run if text else run
                text = text + (row_sep if text and t.words else "") + piece
            parts.append((join if parts else "") + text)
            prev_table = True
            continue
        sep = join
        if prev_table and item[:1].isdigit():
            sep = " "                       # a year after Table C's run: kept apart
        parts.append((sep if parts else "") + item)
        prev_table = False
    _apply_ceiling(r, truth, runs)
    truth["layout"] = {"spaced_cells": spaced, "markers_kept": markers}
    return ("".join(parts) + "\n").encode("utf-8"), truth, "txt"


def shape_digit_runs(r: GeneratedReport, rng: random.Random, name: str):
    """Crawled text with its line breaks: one line per paragraph and per table row, each
    row's cells as one digit run."""
    truth = base_truth(r, "digit_runs", name)
    spaced = rng.random() < 0.3
    markers = rng.random() < 0.4
    label_sep = rng.choice(["", "", " ", "\t"])
    word_sep = rng.choice([" ", "", "\t"])
    indent = rng.choice(["", "", "\u3000\u3000", "  "])
    grids = tables(r)
    runs = {}
    lines: list[str] = []
    for kind, item in outline(r):
        if kind == "table":
            g, trows = grids[item.key]
            rows = _run_rows(r, trows, spaced, markers)
            runs[item.key] = rows
            by_index = {x[0].index: x for x in rows}
            for t in trows:
                if t.header:
                    lines.append(word_sep.join(w for w in t.words if w))
                else:
                    _, run, _, _ = by_index[t.index]
                    label = "".join(t.words)
                    lines.append(label + (label_sep if label and run else "") + run)
        elif kind == "para":
            lines.append(indent + item)
        elif kind == "signature":
            lines.append(item)
        else:
            lines.append(item)
        if kind != "table" and rng.random() < 0.15:
            lines.append("")
    _apply_ceiling(r, truth, runs)
    truth["layout"] = {"spaced_cells": spaced, "markers_kept": markers}
    return ("\n".join(lines) + "\n").encode("utf-8"), truth, "txt"


# ====================================================================== 3: page metadata
def _office(r: GeneratedReport, rng: random.Random) -> str:
    if r.agency.endswith("人民政府"):
        return r.agency + "办公室"
    return rng.choice([r.agency, r.agency, r.agency + "办公室"])


def _url(rng: random.Random, date: str) -> str:
    abbr = "".join(rng.choice("abcdefghjklmnpqrstwxyz") for _ in range(rng.randint(2, 5)))
    y, m, d = date.split("-")
    k = rng.randint(100000, 9999999)
    return rng.choice([
        f"http://www.{abbr}.gov.cn/art/{y}/{int(m)}/{int(d)}/art_{rng.randint(1000, 99999)}_{k}.html",
        f"http://www.{abbr}.gov.cn/zwgk/xxgk/ndbg/{y}{m}/t{y}{m}{d}_{k}.html",
        f"https://{abbr}.gov.cn/col/col{rng.randint(1000, 99999)}/{y}/{m}/{d}/{k}.shtml",
        f"http://www.{abbr}.gov.cn/{abbr}/c{rng.randint(100, 999)}/{y}{m}/{k:x}.shtml",
    ])


def _publication(r: GeneratedReport, rng: random.Random) -> str:
    """发布时间: on or a few days after the signature date, or some day early in year + 1."""
    import datetime as dt
    if r.published:
        d = dt.date.fromisoformat(r.published) + dt.timedelta(days=rng.choice([0, 0, 1, 2, 3, 7]))
    else:
        d = dt.date(r.year + 1, rng.randint(1, 3), rng.randint(1, 28))
    return d.isoformat()


def _body_lines(r: GeneratedReport, rng: random.Random, truth: dict, mode: str, title: str,
                items=None) -> list[str]:
    """The report as plain text: tables tab-indented one cell per line ("tab") or one row per
    line with space-separated cells ("rows")."""
    grids = tables(r)
    out: list[str] = []
    titles_done = False
    for kind, item in (items if items is not None else outline(r)):
        if kind == "title":
            if title == "absent":
                continue
            if title == "md" and not titles_done:
                out.append("# " + item)
            else:
                out.append(item)
            titles_done = True
        elif kind == "table":
            g, trows = grids[item.key]
            if mode == "tab":
                out.extend(tab_table(g, rng, wrap=0.2))
            else:
                out.extend(spaced_rows(r, trows, truth, rng))
                out.append("")
        else:
            out.append(item)
    return out


def shape_page_metadata(r: GeneratedReport, rng: random.Random, name: str):
    truth = base_truth(r, "page_metadata", name)
    colon = rng.choice([":", ":", "：", " : "]) if rng.random() < 0.85 else None
    published = _publication(r, rng)
    url = _url(rng, published)
    fields = [
        ("标题", title_text(r)),
        ("发布时间", f"{published} {rng.randint(8, 18):02d}:{rng.randint(0, 59):02d}"
         + (f":{rng.randint(0, 59):02d}" if rng.random() < 0.3 else "")),
        ("发布机构", _office(r, rng)),
        ("文号", "" if rng.random() < 0.7 else f"{r.agency[:2]}政办〔{r.year + 1}〕{rng.randint(1, 40)}号"),
        ("栏目", rng.choice(["政府信息公开年报", "政府信息公开年报", "政府信息公开工作年度报告", "年度报告"])),
        ("原文链接", url),
    ]
    if rng.random() < 0.3:
        fields.insert(3, ("来源", _office(r, rng)))
    if rng.random() < 0.3:
        fields.insert(rng.randint(1, len(fields)), ("浏览次数", str(rng.randint(10, 4000))))
    lines = []
    for k, v in fields:
        c = colon or rng.choice([":", "："])
        lines.append(f"{k}{c}{' ' if v and c in ':：' and rng.random() < 0.7 else ''}{v}".rstrip())
    lines.append(rng.choice(["----", "--------", "========", "=" * 40, "-" * 40]))
    if rng.random() < 0.3:
        lines.append("")
    title = rng.choices(["keep", "absent", "md"], [0.5, 0.3, 0.2])[0]
    if title == "md" and r.title_style == "none":
        title = "md_added"
    mode = rng.choice(["tab", "rows"])
    body = _body_lines(r, rng, truth, mode, "absent" if title == "md_added" else title)
    if title == "md_added":
        body.insert(0, "# " + title_text(r))
    lines += body
    truth["published"] = published
    truth["source_url"] = url
    truth["layout"] = {"tables": mode, "body_title": title}
    return ("\n".join(lines) + "\n").encode("utf-8"), truth, "txt"


# ====================================================================== 4: markdown
def _matrix(g: Grid) -> tuple[list[list[str]], dict]:
    """The full grid: each origin cell's text at its place, "" on the places it spans."""
    m = [[""] * g.columns for _ in g.rows]
    where = {}
    for i, j, c in g.placed():
        m[i][j] = c.text
        where[(i, j)] = c
    return m, where


def _md_row(cells: list[str]) -> str:
    return "| " + " | ".join(c.replace("|", "\\|") for c in cells) + " |"


def _bold(rng, text, p):
    return f"**{text}**" if text and rng.random() < p else text


def shape_markdown(r: GeneratedReport, rng: random.Random, name: str):
    """What a PDF-to-Markdown converter makes of the report."""
    grids = tables(r)
    # blanks the conversion introduces: an empty 总计 beside filled applicant cells
    g_b, rows_b = grids["B"]
    data_b = [t for t in rows_b if not t.header]
    filled = [t for t in data_b if r.figures.cells[t.addrs[6]].value is not None
              and any(r.figures.cells[a].value is not None for a in t.addrs[:6])]
    emptied = set()
    if filled and rng.random() < 0.6:
        for t in rng.sample(filled, min(len(filled), rng.randint(1, 3))):
            emptied.add(t.index)
    short_row = None
    if rng.random() < 0.6:
        short_row = rng.choice(data_b).index
    for t in data_b:
        if t.index in emptied or t.index == short_row:
            blank_out(r, t.addrs[6])
    grids = tables(r)                       # the grids again, with the blanks
    truth = base_truth(r, "markdown", name)
    heading_style = rng.choice(["#", "##", "bold", "plain"])
    out: list[str] = []
    torn_total = 0
    for kind, item in outline(r):
        if kind == "title":
            out.append(rng.choice([f"# **{item}**", f"# {item}", f"**{item}**", f"## {item}"]))
            out.append("")
        elif kind == "heading":
            if heading_style == "#":
                out.append(f"# {item}")
            elif heading_style == "##":
                out.append(f"## **{item}**" if rng.random() < 0.5 else f"## {item}")
            elif heading_style == "bold":
                out.append(f"**{item}**")
            else:
                out.append(item)
            out.append("")
        elif kind == "para":
            out.append(item)
            out.append("")
        elif kind == "signature":
            out.append(item if rng.random() < 0.6 else f"**{item}**")
            out.append("")
        else:
            g, trows = grids[item.key]
            blocks, torn = _md_table(r, g, trows, rng, short_row if item.key == "B" else None)
            torn_total += torn
            for block in blocks:
                out.extend(block)
                out.append("")
    truth["layout"] = {"emptied_totals": len(emptied), "short_row": short_row is not None,
                       "torn_label_spans": torn_total}
    return ("\n".join(out)).encode("utf-8"), truth, "md"


def _md_table(r, g: Grid, trows: list[TRow], rng: random.Random, short_row):
    m, _ = _matrix(g)
    width = g.columns
    rows: list[list[str]] = [list(x) for x in m]
    kinds = ["header" if t.header else "data" for t in trows]
    # header words split across cells
    if g.key == "B":
        org = 2
        if rng.random() < 0.7:
            head, tail = [], []
            for _j, w in enumerate(rows[org]):
                if w in ORG_WORDS and len(w) > 2 and rng.random() < 0.8:
                    k = rng.randint(2, len(w) - 1)
                    head.append(w[:k])
                    tail.append(w[k:])
                else:
                    head.append(w)
                    tail.append("")
            if rng.random() < 0.6:
                rows[org] = head
                rows.insert(org + 1, tail)
                kinds.insert(org + 1, "header")
            else:                           # `| 法人或其他组织 | 商业企 | 业 |`: one header row
                top = [x for x in rows[1] if x]
                total = [x for x in top if x.replace(" ", "") == "总计"]
                pairs = [p for pair in zip(head, tail, strict=False) for p in pair if p]
                merged = [x for x in top if x not in total] + pairs + total
                rows[1] = (merged + [""] * width)[: max(width, len(merged))]
                del rows[org]
                del kinds[org]
    if g.key == "C" and rng.random() < 0.5:
        rows[1] = [
            w.replace("未经复议直接起诉", "未经复议<br>直接起诉").replace("结果", "结果<br>", 1)
            if rng.random() < 0.5
            else w
            for w in rows[1]
        ]
    # labels torn from their numbers: stacked in one cell, the numbers in unlabeled rows
    data_idx = [i for i, k in enumerate(kinds) if k == "data"]
    label_col = {}
    for i in data_idx:
        cols = [j for j in range(width) if rows[i][j] and not _is_value_col(g, j)]
        label_col[i] = cols[-1] if cols else 0
    torn = 0
    spans = _tear_spans(g, trows, data_idx, rng)
    for span in sorted(spans, key=lambda s: -s[0]):
        first = span[0]
        labels = [rows[i][label_col[i]] for i in span]
        lab_row = [rows[first][j] if not _is_value_col(g, j) else "" for j in range(width)]
        lab_row[label_col[first]] = rng.choice([" ", "<br>", " "]).join(labels)
        new = [lab_row]
        for i in span:
            new.append(["" if not _is_value_col(g, j) else rows[i][j] for j in range(width)])
        rows[first : span[-1] + 1] = new
        kinds[first : span[-1] + 1] = ["label"] + ["data"] * len(span)
        torn += 1
    # a row that lost its trailing (blank) cell
    out_rows = []
    b_data = [t for t in trows if not t.header]
    di = 0
    for row, kind in zip(rows, kinds, strict=False):
        cells = list(row)
        if kind == "data":
            t = b_data[di]
            di += 1
            if short_row is not None and t.index == short_row:
                cells = cells[:-1]
            if rng.random() < 0.1:
                j = next((j for j in range(len(cells)) if cells[j] and not _is_value_col(g, j)), None)
                if j is not None:
                    cells[j] = f"**{cells[j]}**"
        elif kind == "header" and rng.random() < 0.2:
            cells = [f"**{c}**" if c else c for c in cells]
        out_rows.append(cells)
    lines = []
    first = out_rows[0]
    if rng.random() < 0.3:
        lines.append(_md_row([""] * width))
        lines.append("|" + "---|" * width)
        lines.extend(_md_row(x) for x in out_rows)
    else:
        lines.append(_md_row(first))
        lines.append("|" + "|".join(rng.choice(["---", ":---:", "---"]) for _ in range(len(first))) + "|")
        lines.extend(_md_row(x) for x in out_rows[1:])
    return [lines], torn


def _is_value_col(g: Grid, j: int) -> bool:
    return {"A": j >= 1, "B": j >= 3, "C": True}[g.key]


def _tear_spans(g: Grid, trows: list[TRow], data_idx: list[int], rng: random.Random) -> list[list[int]]:
    """Runs of consecutive data rows whose labels the converter stacks in one cell."""
    if rng.random() < 0.3 or g.key == "C":
        return []
    data = [t for t in trows if not t.header]
    pos = {t.index: i for t, i in zip(data, data_idx, strict=False)}
    groups: list[list[int]] = []
    if g.key == "A":
        cur: list[int] = []
        for t in trows:
            if t.header:
                if len(cur) >= 2:
                    groups.append(cur)
                cur = []
            else:
                cur.append(pos[t.index])
        if len(cur) >= 2:
            groups.append(cur)
    else:
        keys = {t.addrs[0][1]: pos[t.index] for t in data}
        for g_key in ("denied", "unable", "unprocessed", "other"):
            members = [keys[rw.key] for rw in spec("B").rows if rw.group == g_key and rw.key in keys]
            if len(members) >= 2:
                groups.append(members)
        groups.append([keys["new_received"], keys["carried_over"]])
        groups.append([keys["granted"], keys["partially_granted"]])
    if not groups:
        return []
    chosen = rng.sample(groups, min(len(groups), rng.randint(1, 2)))
    out = []
    for grp in chosen:
        a = rng.randint(0, max(0, len(grp) - 2))
        b = rng.randint(a + 2, len(grp))
        out.append(grp[a:b])
    return out


# ====================================================================== 5: Word-exported HTML
_WORD_HEAD = """<html xmlns:v="urn:schemas-microsoft-com:vml"
xmlns:o="urn:schemas-microsoft-com:office:office"
xmlns:w="urn:schemas-microsoft-com:office:word"
xmlns:m="http://schemas.microsoft.com/office/2004/12/omml"
xmlns="http://www.w3.org/TR/REC-html40">

<head>
<meta http-equiv=Content-Type content="text/html; charset={charset}">
<meta name=ProgId content=Word.Document>
<meta name=Generator content="Microsoft Word {ver}">
<meta name=Originator content="Microsoft Word {ver}">
<title>{title}</title>
<!--[if gte mso 9]><xml>
 <o:DocumentProperties>
  <o:Author>{author}</o:Author>
  <o:Pages>{pages}</o:Pages>
 </o:DocumentProperties>
</xml><![endif]--><!--[if gte mso 9]><xml>
 <w:WordDocument>
  <w:SpellingState>Clean</w:SpellingState>
  <w:DrawingGridVerticalSpacing>7.8 磅</w:DrawingGridVerticalSpacing>
  <w:DisplayHorizontalDrawingGridEvery>0</w:DisplayHorizontalDrawingGridEvery>
 </w:WordDocument>
</xml><![endif]-->
<style>
<!--
 /* Font Definitions */
 @font-face
	{{font-family:宋体;
	panose-1:2 1 6 0 3 1 1 1 1 1;
	mso-font-charset:134;}}
 @font-face
	{{font-family:仿宋_GB2312;
	mso-font-charset:134;}}
p.MsoNormal, li.MsoNormal, div.MsoNormal
	{{mso-style-unhide:no;
	mso-style-qformat:yes;
	margin:0cm;
	text-align:justify;
	text-justify:inter-ideograph;
	font-size:10.5pt;
	font-family:"Times New Roman",serif;}}
@page WordSection1
	{{size:595.3pt 841.9pt;
	margin:72.0pt 90.0pt 72.0pt 90.0pt;
	mso-header-margin:42.55pt;
	mso-footer-margin:49.6pt;
	mso-paper-source:0;
	layout-grid:15.6pt;}}
div.WordSection1
	{{page:WordSection1;}}
-->
</style>
</head>

<body lang=ZH-CN style='tab-interval:21.0pt;text-justify-trim:punctuation'>

<div class=WordSection1 style='layout-grid:15.6pt'>
"""


def _w_text(text: str, rng: random.Random, size: str = "16.0pt", font: str = "仿宋_GB2312") -> str:
    """Word's run markup: Latin digits in their own lang=EN-US spans."""
    out = []
    for piece in re.split(r"([0-9A-Za-z.%]+)", text):
        if not piece:
            continue
        esc = html.escape(piece, quote=False)
        if re.fullmatch(r"[0-9A-Za-z.%]+", piece):
            out.append(
                f'<span lang=EN-US style=\'font-size:{size};font-family:"Times New Roman",serif;'
                f"mso-fareast-font-family:{font}'>{esc}</span>"
            )
        else:
            out.append(
                f"<span style='font-size:{size};font-family:{font};mso-hansi-font-family:"
                f'"Times New Roman"\'>{esc}</span>'
            )
    if rng.random() < 0.15:
        return '<font face="仿宋_GB2312">' + "".join(out) + "</font>"
    return "".join(out)


def _w_cell_text(c: GridCell, rng: random.Random, header: bool) -> str:
    if c.value:
        if not c.text:
            return "<span lang=EN-US style='font-size:10.5pt'>&nbsp;<o:p></o:p></span>"
        body = html.escape(c.text, quote=False)
        if rng.random() < 0.2:
            body = f'<font face="Times New Roman">{body}</font>'
        return (
            f'<span lang=EN-US style=\'font-size:10.5pt;font-family:"Times New Roman",serif;'
            f"mso-fareast-font-family:宋体'>{body}<o:p></o:p></span>"
        )
    if not c.text:
        return "<span lang=EN-US>&nbsp;<o:p></o:p></span>"
    text = c.text
    if c.vertical:
        body = "<br>\n".join(html.escape(ch) for ch in text)
    elif header and 4 <= len(text) <= 9 and rng.random() < 0.6:
        k = rng.randint(2, len(text) - 2)
        br = rng.choice(["<br>", "<br/>", "<br>\n"])
        body = html.escape(text[:k]) + br + html.escape(text[k:])
    else:
        body = html.escape(text)
    return (
        f"<span style='font-size:10.5pt;font-family:宋体;mso-bidi-font-family:宋体;"
        f"mso-font-kerning:0pt'>{body}<span lang=EN-US><o:p></o:p></span></span>"
    )


def _widen(g: Grid, rows: list[list[GridCell]], j_extra: int) -> tuple[list[list[GridCell]], int]:
    """The same rows on a grid with one more column: every cell over column `j_extra` spans
    one more (Word tables whose columns do not line up make such mid-row spans)."""
    sub = Grid(g.key, g.columns, rows)
    out: list[list[GridCell]] = [[] for _ in rows]
    for i, j, c in sub.placed():
        span = c.colspan + (1 if j <= j_extra < j + c.colspan else 0)
        out[i].append(GridCell(c.text, colspan=span, rowspan=c.rowspan, vertical=c.vertical, value=c.value))
    return out, g.columns + 1


def _w_table(rows: list[list[GridCell]], columns: int, rng: random.Random, header_rows: int) -> str:
    width_pt = 425.2
    parts = [
        "<div align=center>",
        "<table class=MsoNormalTable border=1 cellspacing=0 cellpadding=0 width="
        + str(int(width_pt * 4 / 3))
        + " style='width:"
        + f"{width_pt}pt"
        + ";border-collapse:collapse;border:none;mso-border-alt:solid windowtext .5pt;"
        "mso-yfti-tbllook:1184;mso-padding-alt:0cm 5.4pt 0cm 5.4pt'>",
    ]
    col_w = width_pt / columns
    for i, row in enumerate(rows):
        attrs = (
            f" style='mso-yfti-irow:{i}"
            + (";mso-yfti-firstrow:yes" if i == 0 else "")
            + (";mso-yfti-lastrow:yes" if i == len(rows) - 1 else "")
            + ";height:20.0pt'"
        )
        parts.append(f" <tr{attrs}>")
        for c in row:
            span = ""
            if c.colspan > 1:
                span += f" colspan={c.colspan}"
            if c.rowspan > 1:
                span += f" rowspan={c.rowspan}"
            w = col_w * c.colspan
            align = "center" if (c.value or i < header_rows or rng.random() < 0.5) else "left"
            parts.append(
                f"  <td width={int(w * 4 / 3)}{span} valign=middle "
                f"style='width:{w:.1f}pt;border:solid windowtext 1.0pt;"
                "mso-border-alt:solid windowtext .5pt;padding:0cm 5.4pt 0cm 5.4pt;height:20.0pt'>"
            )
            parts.append(
                f"  <p class=MsoNormal align={align} style='text-align:{align};mso-pagination:widow-orphan'>"
                + _w_cell_text(c, rng, i < header_rows)
                + "</p>"
            )
            parts.append("  </td>")
        parts.append(" </tr>")
    parts.append("</table>")
    parts.append("</div>")
    return "\n".join(parts)


def shape_word_html(r: GeneratedReport, rng: random.Random, name: str):
    """A web page saved from Word: mso markup, one table per 第二十条 block, <br> in header
    words, mid-row column spans, a title row above each table's header."""
    truth = base_truth(r, "word_html", name)
    grids = tables(r)
    body: list[str] = []
    for kind, item in outline(r):
        if kind == "title":
            body.append(
                "<p class=MsoNormal align=center style='text-align:center;line-height:28.0pt;"
                "mso-line-height-rule:exactly'><b>"
                + _w_text(item, rng, "22.0pt", "方正小标宋简体")
                + "<span lang=EN-US><o:p></o:p></span></b></p>"
            )
        elif kind == "heading":
            body.append(
                "<p class=MsoNormal style='text-indent:32.0pt;mso-char-indent-count:2.0;line-height:28.0pt'>"
                + _w_text(item, rng, "16.0pt", "黑体")
                + "<span lang=EN-US><o:p></o:p></span></p>"
            )
        elif kind == "para":
            body.append(
                "<p class=MsoNormal style='text-indent:32.0pt;mso-char-indent-count:2.0;line-height:28.0pt'>"
                + _w_text(item, rng)
                + "<span lang=EN-US><o:p></o:p></span></p>"
            )
        elif kind == "signature":
            body.append(
                "<p class=MsoNormal align=right style='text-align:right;line-height:28.0pt'>"
                + _w_text(item, rng)
                + "<span lang=EN-US><o:p></o:p></span></p>"
            )
        else:
            g, trows = grids[item.key]
            for rows, header_rows in _w_blocks(g, rng):
                cols = g.columns
                if rng.random() < 0.5:
                    rows, cols = _widen(g, rows, rng.randint(1, g.columns - 2))
                body.append(_w_table(rows, cols, rng, header_rows))
                if rng.random() < 0.5:
                    body.append("<p class=MsoNormal><span lang=EN-US><o:p>&nbsp;</o:p></span></p>")
    charset = rng.choice(["gb2312", "utf-8", "gbk"])
    head = _WORD_HEAD.format(
        charset=charset,
        ver=rng.choice(["15", "12", "14"]),
        title=html.escape(title_text(r)),
        author=rng.choice(["Administrator", "admin", "微软用户", "User"]),
        pages=rng.randint(3, 9),
    )
    text = head + "\n".join(body) + "\n\n</div>\n\n</body>\n\n</html>\n"
    data = _encode(text, charset)
    truth["layout"] = {"charset": charset}
    return data, truth, "html"


def _encode(text: str, charset: str) -> bytes:
    if charset == "utf-8":
        return text.encode("utf-8")
    try:
        return text.encode(charset)
    except UnicodeEncodeError:
        # a character outside the declared set: Word would have written a numeric reference
        return text.encode(charset, errors="xmlcharrefreplace")


def _w_blocks(g: Grid, rng: random.Random):
    """(rows, header_rows) of each <table>: Table A one per 第二十条 block (the block's name
    as the title row), Tables B and C with a title row above their headers."""
    if g.key == "A":
        blocks: list[list[list[GridCell]]] = []
        for row in g.rows:
            if len(row) == 1 and not row[0].value and row[0].text.startswith("第二十条"):
                blocks.append([])
            blocks[-1].append(row)
        return [(b, 2) for b in blocks]
    title = {"B": "收到和处理政府信息公开申请情况", "C": "政府信息公开行政复议、行政诉讼情况"}[g.key]
    return [([[GridCell(title, colspan=g.columns)]] + [list(x) for x in g.rows], 4 if g.key == "B" else 4)]


# ====================================================================== 6: OCR transcripts
CONFUSIONS = {  # a rare character read (or typed) as a common one that looks like it
    "沭": "沐",
    "泗": "泅",
    "眙": "胎",
    "盱": "吁",
    "涿": "琢",
    "滦": "栾",
    "瓯": "欧",
    "岐": "歧",
    "弋": "戈",
    "沚": "址",
    "涪": "培",
    "偃": "堰",
    "涧": "洞",
    "浈": "祯",
    "澧": "沣",
    "涟": "连",
    "禅": "蝉",
    "麒": "骐",
    "淮": "准",
    "潍": "维",
    "韶": "绍",
    "芜": "无",
    "郯": "炎",
    "鸠": "鸩",
}


@cache
def divisions() -> tuple[dict[str, set[str]], dict[str, set[str]], set[str]]:
    """cpca's administrative divisions: names by adcode, parent → children (by adcode
    prefix), all names."""
    spec_ = importlib.util.find_spec("cpca")
    path = Path(list(spec_.submodule_search_locations)[0]) / "resources" / "adcodes.csv"
    by_code: dict[str, str] = {}
    with path.open(encoding="utf-8") as f:
        for row in csv.DictReader(f):
            by_code[row["adcode"]] = row["name"]
    children: dict[str, set[str]] = {}
    names_of: dict[str, set[str]] = {}
    for code, name in by_code.items():
        names_of.setdefault(name, set()).add(code)
        if code[2:] == "0" * 10:
            continue
        parent = code[:2] + "0" * 10 if code[4:] == "0" * 8 else code[:4] + "0" * 8
        if parent in by_code:
            children.setdefault(by_code[parent] + "@" + parent, set()).add(name)
    return names_of, children, set(by_code.values())


def _dist1(a: str, b: str) -> bool:
    if a == b or abs(len(a) - len(b)) > 1:
        return False
    if len(a) == len(b):
        return sum(x != y for x, y in zip(a, b, strict=False)) == 1
    if len(a) > len(b):
        a, b = b, a
    return any(b[:i] + b[i + 1 :] == a for i in range(len(b)))


@cache
def misspellings() -> list[dict]:
    """Places of the generator's agencies that can be misspelled by one confusion, with
    whether the correction rule applies (DOMAIN: the printed place is neither in cpca nor
    among the corpus agencies, and exactly one real place at edit distance one shares its
    parent and its suffix)."""
    names_of, children, all_names = divisions()
    agencies = all_agencies()
    out = []
    for province, city, counties in PLACES:
        for place, parent in [(city, province)] + [(c, city) for c in counties]:
            for i, ch in enumerate(place[:-1]):
                if ch not in CONFUSIONS:
                    continue
                wrong = place[:i] + CONFUSIONS[ch] + place[i + 1 :]
                if wrong in all_names or any(wrong in a for a in agencies):
                    continue  # the misspelling is itself a place: not used
                siblings = set()
                for code in names_of.get(parent, ()):
                    siblings |= children.get(parent + "@" + code, set())
                near = sorted(s for s in siblings if s[-1] == wrong[-1] and _dist1(s, wrong))
                out.append(
                    {
                        "place": place,
                        "printed": wrong,
                        "parent": parent,
                        "city": city,
                        "county": place != city,
                        "candidates": near,
                        "corrected": len(near) == 1 and near[0] == place,
                    }
                )
    return out


def _ocr_place(agency: str) -> list[dict]:
    out = []
    for m in misspellings():
        prefix = m["city"] + m["place"] if m["county"] else m["place"]
        if agency.startswith(prefix):
            out.append(m)
    return out


def shape_ocr(r: GeneratedReport, rng: random.Random, name: str):
    """An OCR or typed transcript: a place misspelled throughout, Table B's applicant
    columns as 数据1…数据6 (or no header), a header row from another table, stray spaces."""
    options = _ocr_place(r.agency)
    counties = [o for o in options if o["county"]]
    m = rng.choice(counties if counties and rng.random() < 0.85 else options)
    printed_agency = r.agency.replace(m["place"], m["printed"], 1)
    truth = base_truth(r, "ocr", name)
    truth["agency_printed"] = printed_agency
    if m["corrected"]:
        truth["agency"] = r.agency
        truth["corrected_from"] = printed_agency
    else:
        truth["agency"] = printed_agency
    truth["misspelled_place"] = {
        "printed": m["printed"],
        "correct": m["place"],
        "parent": m["parent"],
        "candidates_at_distance_one": m["candidates"],
        "rule_applies": m["corrected"],
    }
    truth["agency_correct"] = r.agency

    def fix(text: str) -> str:
        return text.replace(m["place"], m["printed"])

    layout = rng.choice(["tab", "space"])
    b_header = rng.choice(["data", "data", "none"])
    foreign = rng.choice(["A_over_B", "C_over_A", "B_over_C", "A_over_C"])
    o_cells = rng.random() < 0.2
    grids = tables(r)
    lines: list[str] = []
    for kind, item in outline(r):
        if kind != "table":
            text = fix(item)
            if kind == "para" and rng.random() < 0.3:
                text = "  " + text
            lines.append(text)
            continue
        g, trows = grids[item.key]
        lines.extend(_ocr_table(r, item.key, trows, truth, rng, layout, b_header, foreign, o_cells))
    truth["layout"] = {"tables": layout, "b_header": b_header, "foreign_header": foreign}
    return ("\n".join(lines) + "\n").encode("utf-8"), truth, "txt"


_FOREIGN = {
    "A": "信息内容 本年制发件数 本年废止件数 现行有效件数",
    "B": "自然人 商业企业 科研机构 社会公益组织 法律服务机构 其他 总计",
    "C": "结果维持 结果纠正 其他结果 尚未审结 总计",
}


def _ocr_table(r, key, trows, truth, rng, layout, b_header, foreign, o_cells) -> list[str]:
    sep = "\t" if layout == "tab" else " "
    out = []
    over = {"A_over_B": ("B", "A"), "C_over_A": ("A", "C"), "B_over_C": ("C", "B"), "A_over_C": ("C", "A")}[foreign]
    inserted = False
    budget = [rng.choice([1, 1, 2])] if o_cells else [0]

    def num(text):
        if not text:
            return ""
        r_ = rng.random()
        if r_ < 0.08:
            return " " + text
        if r_ < 0.14:
            return text + " "
        return text

    for t in trows:
        if t.header:
            if key == "B" and t.index in (1, 2):
                if t.index == 1:
                    if b_header == "data":
                        out.append(sep.join(["项目"] + [f"数据{i}" for i in range(1, 7)] + ["总计"]))
                continue
            if key == "B" and t.index == 0 and b_header == "none":
                continue
            out.append(sep.join(w for w in t.words if w))
            continue
        if key == over[0] and not inserted:
            out.append(_FOREIGN[over[1]].replace(" ", sep))
            inserted = True
        vanish = layout == "space"
        toks = row_tokens(r, t.addrs, vanish_markers=False)
        if vanish:
            mark_lost(truth, t.addrs, toks)
        cells = []
        for a, x in zip(t.addrs, toks, strict=False):
            if x is None:
                if not vanish:
                    cells.append("")
                continue
            if budget[0] and x == "0" and rng.random() < 0.05:
                budget[0] -= 1
                x = "O"
                set_cell(truth, a, raw="O", expect="uncertain")
            cells.append(num(x))
        label = "".join(t.words)
        if vanish:
            out.append((label + " " + (" " * rng.choice([1, 1, 2])).join(c for c in cells if c)).strip())
        else:
            out.append(sep.join(([label] if label else []) + cells))
    return out


# ====================================================================== 7: outlines off the template
_TYPOS = {
    "s2": ["二、主动公开政府信息情况况", "二、主动公开政府信信息情况", "二、主动公开政府信息的情况"],
    "s3": [
        "三、收到和处理政府信息公开申请请况",
        "三、收到和处理政府信息公开申请的情况",
        "三、收到及处理政府信息公开申请情况",
    ],
    "s4": [
        "四、政府信息公开行政法复议、行政诉讼情况",
        "四、政府信息公开行政复议、行政诉讼情况况",
        "四、因政府信息公开申请提起行政复议、行政诉讼情况",
    ],
    "s5": ["五、存在的主要问题和改进措施", "五、存在主要问题及改进情况", "五、存在的问题及改进情况"],
    "s6": ["六、其它需要报告的事项", "六、其他需要报告事项", "六、其他需要报告的事宜"],
}
_CN = "一二三四五六七八九十"
_INSERTED = [
    (
        "工作机制保障",
        "s1",
        "健全政务公开工作领导小组，明确分管领导和专职工作人员，形成主要领导亲自抓、分管领导具体抓的工作格局。",
    ),
    ("重点领域信息公开情况", "s2", "围绕财政预决算、重大建设项目、公共资源配置等重点领域，及时准确公开相关信息。"),
    ("政策解读与回应关切情况", "s2", "坚持政策文件与解读材料同步起草、同步审签、同步发布，及时回应社会关切。"),
]


def shape_outline(r: GeneratedReport, rng: random.Random, name: str):
    """Sections renumbered or inserted, tables numbered in the text, problems and plans under
    sub-headings, typos in headings, a table printed after another section's text."""
    truth = base_truth(r, "outline", name)
    grids = {g.key: g for g in r.grids()}
    secs = {s.key: s for s in r.sections}
    order = [s.key for s in r.sections]
    changes = set()
    while not changes:
        for ch, p in (
            ("insert", 0.45),
            ("numbered_tables", 0.5),
            ("sub_headings", 0.5),
            ("typo", 0.5),
            ("moved_table", 0.35),
            ("part_style", 0.12),
        ):
            if rng.random() < p:
                changes.add(ch)
    if "part_style" in changes:
        changes.discard("insert")
    inserted = rng.choice(_INSERTED) if "insert" in changes else None
    moved = (
        rng.choice(["C_after_s5", "C_after_s4_text", "A_after_s3", "B_end_of_s3_text"])
        if "moved_table" in changes
        else None
    )
    typo_keys = set(rng.sample(list(_TYPOS), rng.randint(1, 2))) if "typo" in changes else set()
    table_no = {"A": "表一", "B": "表二", "C": "表三"}
    if "numbered_tables" in changes and rng.random() < 0.3:
        table_no = {"A": "表1", "B": "表2", "C": "表3"}
    captions = {
        "A": "主动公开政府信息情况",
        "B": "收到和处理政府信息公开申请情况",
        "C": "政府信息公开行政复议、行政诉讼情况",
    }

    headings = {}
    extra = []
    n = 0
    items: list[tuple[str, object]] = [("title", x) for x in r.title_lines()]

    def table_items(key):
        out = []
        if "numbered_tables" in changes:
            out.append(
                (
                    "para",
                    rng.choice(
                        [f"{table_no[key]}：{captions[key]}", f"{table_no[key]} {captions[key]}", f"{table_no[key]}"]
                    ),
                )
            )
        out.append(("table", grids[key]))
        return out

    for key in order:
        s = secs[key]
        if key == "preamble":
            items += [("para", p) for p in s.paragraphs]
            continue
        n += 1
        base_title = s.heading.split("、", 1)[1]
        if key in typo_keys:
            base_title = rng.choice(_TYPOS[key]).split("、", 1)[1]
        if "part_style" in changes:
            heading = f"第{_CN[n - 1]}部分　{base_title}"
        else:
            heading = f"{_CN[n - 1]}、{base_title}"
        headings[key] = heading
        items.append(("heading", heading))
        paras = list(s.paragraphs)
        if key == "s5" and "sub_headings" in changes and len(paras) >= 2:
            lead, plan = paras[0], paras[1]
            problems = lead.split("：", 1)[-1]
            paras = [
                rng.choice(["（一）主要问题", "（一）存在的主要问题"]),
                problems,
                rng.choice(["（二）改进情况", "（二）改进措施", "（二）下一步工作打算"]),
                plan.split("：", 1)[-1],
            ]
        body: list = []
        if key == "s4" and not (moved == "C_after_s5" or moved == "C_after_s4_text"):
            body += table_items("C")
        if "numbered_tables" in changes and key in ("s2", "s3", "s4"):
            tk = {"s2": "A", "s3": "B", "s4": "C"}[key]
            paras = [rng.choice([f"具体情况见{table_no[tk]}。", f"详见下表（{table_no[tk]}）。"])] + paras
        body += [("para", p) for p in paras]
        if key == "s2" and moved != "A_after_s3":
            body += table_items("A")
        if key == "s3":
            if moved == "A_after_s3":
                body += table_items("B") + table_items("A")
            elif moved == "B_end_of_s3_text":
                body += [("para", "本年度依申请公开工作总体平稳，申请数量与上年基本持平。")] + table_items("B")
            else:
                body += table_items("B")
        if key == "s4" and moved == "C_after_s4_text":
            body += table_items("C")
        if key == "s5" and moved == "C_after_s5":
            body += table_items("C")
        items += body
        if inserted and key == inserted[1]:
            n += 1
            h = f"{_CN[n - 1]}、{inserted[0]}"
            items += [("heading", h), ("para", inserted[2])]
            extra.append({"heading": h, "within": key})
    items += [("signature", x) for x in r.signature_lines()]
    lines = _body_lines(r, rng, truth, "tab", "keep", items=items)
    truth["section_headings"] = headings
    truth["extra_headings"] = extra
    where = {"A": "s2", "B": "s3", "C": "s4"}
    if moved == "C_after_s5":
        where["C"] = "s5"
    truth["tables_after"] = where
    truth["layout"] = {"changes": sorted(changes), "moved": moved}
    return ("\n".join(lines) + "\n").encode("utf-8"), truth, "txt"


# ====================================================================== 8: blank totals
def shape_blank_totals(r: GeneratedReport, rng: random.Random, name: str):
    """2019-format reports that fill Table B's applicant columns and leave 总计 blank on most
    rows."""
    rows = r.figures.b_rows()
    for k in rows:  # the applicant columns filled: a blank there was a 0
        for c in B_COLS[:6]:
            p = r.figures.cells[("B", k, c)]
            if p.value is None:
                p.raw, p.value = "0", 0
    marker = rng.choice(["", "", "", "—", "/"])
    share = rng.uniform(0.6, 1.0)
    keep = set(rng.sample(rows, max(0, round(len(rows) * (1 - share)))))
    if rng.random() < 0.5:
        keep |= {"total_processed"}
    for k in rows:
        if k not in keep:
            blank_out(r, ("B", k, "total"), marker)
    truth = base_truth(r, "blank_totals", name)
    if rng.random() < 0.6:
        lines = _body_lines(r, rng, truth, "tab", "keep")
        data, ext = ("\n".join(lines) + "\n").encode("utf-8"), "txt"
    else:
        data, ext = _simple_html(r, rng, images={}), "html"
    truth["layout"] = {"blank_total_rows": len(rows) - len(keep & set(rows)), "marker": marker}
    return data, truth, ext


def _simple_html(r: GeneratedReport, rng: random.Random, images: dict[str, str]) -> bytes:
    """A CMS article page: <p> paragraphs, ruled tables, and <img> where a table is an image."""
    esc = html.escape
    parts = [
        "<!DOCTYPE html>",
        "<html>",
        "<head>",
        '<meta charset="utf-8">',
        f"<title>{esc(title_text(r))}_政府信息公开年报</title>",
        "</head>",
        "<body>",
        '<div class="main"><div class="crumb">当前位置：<a href="/">首页</a> &gt; 政府信息公开 &gt; 年度报告</div>',
        f'<h1 class="art-title">{esc(title_text(r))}</h1>',
        f'<div class="art-info">发布日期：{esc(r.published or "")}　浏览次数：{rng.randint(20, 900)}</div>',
        '<div class="TRS_Editor">',
    ]
    captions = {
        "A": "主动公开政府信息情况",
        "B": "收到和处理政府信息公开申请情况",
        "C": "政府信息公开行政复议、行政诉讼情况",
    }
    for kind, item in outline(r):
        if kind == "title":
            parts.append(f'<p style="text-align:center"><strong>{esc(item)}</strong></p>')
        elif kind == "heading":
            parts.append(f"<p><strong>{esc(item)}</strong></p>")
        elif kind == "para":
            parts.append(f'<p style="text-indent:2em">{esc(item)}</p>')
        elif kind == "signature":
            parts.append(f'<p style="text-align:right">{esc(item)}</p>')
        elif item.key in images:
            if rng.random() < 0.5:
                parts.append(f'<p style="text-align:center">{esc(captions[item.key])}</p>')
            w = rng.choice([554, 600, 640, 700])
            parts.append(
                f'<p style="text-align:center"><img src="{images[item.key]}" width="{w}" '
                f'title="" alt="" border="0" /></p>'
            )
        else:
            parts.append(_plain_table(item, rng))
    parts += ["</div></div>", "</body>", "</html>"]
    return "\n".join(parts).encode("utf-8")


def _plain_table(g: Grid, rng: random.Random) -> str:
    rows = []
    for row in g.rows:
        cells = []
        for c in row:
            attrs = (f' colspan="{c.colspan}"' if c.colspan > 1 else "") + (
                f' rowspan="{c.rowspan}"' if c.rowspan > 1 else ""
            )
            text = html.escape(c.text) if c.text else rng.choice(["&nbsp;", "", " "])
            cells.append(f"<td{attrs}>{text}</td>")
        rows.append("<tr>" + "".join(cells) + "</tr>")
    return (
        '<table border="1" cellspacing="0" cellpadding="0" style="border-collapse:collapse" width="100%"><tbody>\n'
        + "\n".join(rows)
        + "\n</tbody></table>"
    )


# ====================================================================== 9: tables as images
@cache
def _cjk_font_path() -> str | None:
    """A font with CJK glyphs on this machine, if there is one (the image's labels are drawn
    with it; without one they are drawn as the fallback font's boxes)."""
    pats = (
        "notosanscjk",
        "notoserifcjk",
        "sourcehan",
        "wqy",
        "simsun",
        "simhei",
        "msyh",
        "droidsansfallback",
        "uming",
        "ukai",
        "fireflysung",
        "arplumingcn",
        "notosanssc",
        "notoserifsc",
    )
    for root in (
        "/usr/share/fonts",
        "/usr/local/share/fonts",
        str(Path.home() / ".fonts"),
        "/Library/Fonts",
        "C:/Windows/Fonts",
    ):
        p = Path(root)
        if not p.exists():
            continue
        for f in sorted(p.rglob("*")):
            if f.suffix.lower() in (".ttf", ".ttc", ".otf") and any(
                k in f.name.lower().replace("-", "").replace("_", "") for k in pats
            ):
                return str(f)
    return None


def table_image(g: Grid, rng: random.Random):
    """A raster picture of a ruled table (a screenshot or scan pasted into the report)."""
    from PIL import Image, ImageDraw, ImageFont

    widths = {"A": [5.0, 4.0, 4.0, 4.0], "B": [1.0, 2.8, 5.3] + [1.1] * 7, "C": [1.1333] * 15}[g.key]
    px = rng.choice([56, 64, 72])
    colw = [int(w * px) for w in widths]
    size = max(12, px // 4)
    path = _cjk_font_path()
    try:
        font = ImageFont.truetype(path, size) if path else ImageFont.load_default(size)
    except Exception:
        font = ImageFont.load_default()
    line_h = size + 4

    def wrap(text, width):
        if not text:
            return []
        per = max(1, (width - 6) // size)
        return [text[i : i + per] for i in range(0, len(text), per)]

    placed = list(g.placed())
    heights = [line_h + 10] * len(g.rows)
    for i, j, c in placed:
        w = sum(colw[j : j + c.colspan])
        n = len(c.text) if c.vertical else len(wrap(c.text, w))
        need = n * line_h + 10
        if c.rowspan == 1:
            heights[i] = max(heights[i], need)
    W, H = sum(colw) + 2, sum(heights) + 2
    bg = rng.choice([(255, 255, 255), (250, 250, 247), (245, 245, 245)])
    img = Image.new("RGB", (W, H), bg)
    d = ImageDraw.Draw(img)
    xs = [sum(colw[:j]) for j in range(len(colw) + 1)]
    ys = [sum(heights[:i]) for i in range(len(heights) + 1)]
    ink = rng.choice([(0, 0, 0), (30, 30, 30), (20, 20, 60)])
    for i, j, c in placed:
        x0, x1 = xs[j], xs[j + c.colspan]
        y0, y1 = ys[i], ys[i + c.rowspan]
        d.rectangle([x0, y0, x1, y1], outline=ink, width=1)
        lines = list(c.text) if c.vertical else wrap(c.text, x1 - x0)
        top = (y0 + y1) // 2 - len(lines) * line_h // 2
        for k, ln in enumerate(lines):
            tw = d.textlength(ln, font=font)
            d.text(((x0 + x1 - tw) / 2, top + k * line_h), ln, fill=ink, font=font)
    if rng.random() < 0.5:  # a scan: slightly grey, slightly smaller
        img = img.convert("L").convert("RGB")
    return img


def _pdf_with_images(r: GeneratedReport, rng: random.Random, image_keys: set[str]) -> bytes:
    from reportlab.lib.pagesizes import A4
    from reportlab.lib.units import cm
    from reportlab.platypus import Image as RLImage
    from reportlab.platypus import Paragraph, SimpleDocTemplate, Spacer

    from assistant.generator.render_pdf import FONT, _escape, _styles, _table

    styles = _styles()
    story = []
    for kind, item in outline(r):
        if kind != "table":
            story.append(Paragraph(_escape(item), styles[kind]))
        elif item.key in image_keys:
            img = table_image(item, rng)
            buf = io.BytesIO()
            img.save(buf, format=rng.choice(["PNG", "JPEG"]))
            buf.seek(0)
            w = 17 * cm * rng.uniform(0.85, 1.0)
            h = w * img.height / img.width
            story.append(Spacer(1, 4))
            story.append(RLImage(buf, width=w, height=h))
            story.append(Spacer(1, 4))
        else:
            story.append(_table(item, styles))

    def footer(canvas, doc):
        canvas.saveState()
        canvas.setFont(FONT, 10)
        canvas.drawCentredString(A4[0] / 2, 1.2 * cm, f"- {doc.page} -")
        canvas.restoreState()

    out = io.BytesIO()
    doc = SimpleDocTemplate(
        out,
        pagesize=A4,
        leftMargin=2 * cm,
        rightMargin=2 * cm,
        topMargin=2 * cm,
        bottomMargin=2 * cm,
        title=title_text(r),
        author=r.agency,
        invariant=1,
    )
    doc.build(story, onFirstPage=footer, onLaterPages=footer)
    return out.getvalue()


def shape_image_tables(r: GeneratedReport, rng: random.Random, name: str, pdf: bool = False):
    truth = base_truth(r, "image_tables", name)
    keys = sorted(rng.sample(["A", "B", "C"], rng.choice([1, 1, 2])))
    if rng.random() < 0.4 and "B" not in keys:
        keys = sorted(set(keys[:1]) | {"B"})
    for c in truth["cells"]:
        if c["table"] in keys:
            c["expect"] = "uncertain"
    truth["image_tables"] = keys
    if pdf:
        data, ext = _pdf_with_images(r, rng, set(keys)), "pdf"
    else:
        y = r.year + 1
        images = {
            k: f"/uploads/{y}/{rng.randint(1, 3):02d}/"
               f"W0{y}{rng.randint(10000000000, 99999999999)}.{rng.choice(['png', 'jpg'])}"
            for k in keys
        }
        data, ext = _simple_html(r, rng, images), "html"
    truth["layout"] = {"container": ext}
    return data, truth, ext


# ====================================================================== make / write
def _agency_count() -> int:
    return len(all_agencies()) * 7


def _accept(shape: str):
    if shape == "ocr":

        def ok(r):
            options = _ocr_place(r.agency)
            # agencies of a county that can be misspelled; a third of the others (a city's)
            return any(o["county"] for o in options) or (bool(options) and zlib.crc32(r.stem.encode()) % 3 == 0)

        return ok
    if shape == "blank_totals":

        def ok(r):
            if r.version != 2019:
                return False
            rows = r.figures.b_rows()
            return any(r.figures.cells[("B", k, c)].value is not None for k in rows for c in B_COLS[:6])

        return ok
    return None


_FUNCS = {
    "flattened": shape_flattened,
    "digit_runs": shape_digit_runs,
    "page_metadata": shape_page_metadata,
    "markdown": shape_markdown,
    "word_html": shape_word_html,
    "ocr": shape_ocr,
    "outline": shape_outline,
    "blank_totals": shape_blank_totals,
    "image_tables": shape_image_tables,
}


def make(shape: str, n: int = 200, seed: int = 0) -> list[Sample]:
    """`n` samples of `shape`, reproducible from `seed`."""
    if shape not in _FUNCS:
        raise ValueError(f"unknown shape {shape!r} (one of {', '.join(SHAPES)})")
    accept = _accept(shape)
    gen_seed = zlib.crc32(f"realworld:{shape}:{seed}".encode()) % 1_000_000
    out: list[Sample] = []
    for r in generate(_agency_count(), gen_seed):
        if len(out) == n:
            break
        if accept and not accept(r):
            continue
        i = len(out)
        rng = random.Random(f"{shape}:{seed}:{i}")
        stem = f"{r.stem}"
        if shape == "image_tables":
            pdf = i % 3 == 1 or rng.random() < 0.1
            data, truth, ext = shape_image_tables(r, rng, "", pdf=pdf)
        else:
            data, truth, ext = _FUNCS[shape](r, rng, "")
        name = f"{stem}.{ext}"
        truth["name"] = name
        truth["heldout"] = i % 5 == 4
        _INDEX.clear()
        out.append(Sample(shape, name, data, truth, i % 5 == 4))
    if len(out) < n:
        raise ValueError(f"{shape}: only {len(out)} samples could be made")
    return out


def write(out_dir, n: int = 200, seed: int = 0, shapes=SHAPES) -> None:
    out_dir = Path(out_dir)
    for shape in shapes:
        d = out_dir / shape
        d.mkdir(parents=True, exist_ok=True)
        samples = make(shape, n, seed)
        for s in samples:
            (d / s.name).write_bytes(s.data)
        (d / "truth.json").write_text(json.dumps([s.truth for s in samples], ensure_ascii=False, indent=1), "utf-8")


def main(argv=None) -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("out")
    ap.add_argument("--n", type=int, default=200)
    ap.add_argument("--seed", type=int, default=0)
    ap.add_argument("--shapes", default=",".join(SHAPES))
    args = ap.parse_args(argv)
    t = time.perf_counter()
    for shape in args.shapes.split(","):
        t0 = time.perf_counter()
        write(args.out, args.n, args.seed, shapes=(shape,))
        print(f"{shape}: {args.n} samples in {time.perf_counter() - t0:.1f} s")
    print(f"all: {time.perf_counter() - t:.1f} s")


if __name__ == "__main__":
    main()
