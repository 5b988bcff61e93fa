"""Tables printed as text: a crawled page's rows as `label` + `run` in running text
(`一、本年新收政府信息公开申请数量562000058二、上年结转…`), one row per line or the whole
report on one line. The rows are found by the form's own vocabulary (schema.toml: row,
group, header and column labels) and become Table blocks of [label, run] rows; the
figures are decoded from the runs by the table extractors (runs.py), never here.

A number in prose (`行政许可1874件`) is not a row: a run counts only when what follows it
is the end of the text, another label, a numbered part or a heading."""
from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from functools import cache, lru_cache

from ..document import Block, Cell, Paragraph, Table
from ..schema import TABLES, table

# a number, or several separated by spaces: the cells of one row
_SP = r"[ \t\u3000\u00a0]"
_MARK = r"(?:[/／—]|无(?![法正]))"        # not reported (无 not opening 无法提供 / 无正当理由)
_NUM = re.compile(rf"(?:{_MARK}+{_SP}*)*-?\d[\d.,]*"
                  rf"(?:(?:{_SP}*{_MARK}+{_SP}*|{_SP}+|(?=-\d))(?:-?\d[\d.,]*|{_MARK}+))*"
                  rf"(?:{_SP}*{_MARK}+)?")
# a run that swallowed the next label's item number: `…00000004.` before `保护第三方…`
_ITEM_TAIL = re.compile(r"(\d)[.．、]$")
_MARKER_AHEAD = re.compile(r"^(?:[一二三四五六七八九十]+[、.．]|[（(][一二三四五六七八九十]+[）)]|\d{1,2}[.．、]"
                           r"|第[一二三四五六七八九十]|表[一二三四五六]|[（(]|(?:19|20)\d\d年|$)")
_NOTE = re.compile(r"[（(]本列数据的勾稽关系[^）)]*[）)]")
_BLOCK = re.compile(r"第二十条第[（(][一二三四五六七八九十]+[）)]项")
_SPACES = re.compile(r"[\s\u3000\u00a0]+")
_LEX_MARKER = re.compile(r"[一二三四五六七八九十]+[、.．]|[（(][一二三四五六七八九十]+[）)]|\d{1,2}[.．、]")


TAIL = 400          # characters before a run that can hold its labels


@lru_cache(maxsize=8192)
def _norm_len(ch: str) -> int:
    return len(_norm(ch))


def _norm(text: str) -> str:
    return _SPACES.sub("", unicodedata.normalize("NFKC", text or "")).replace("(", "（").replace(")", "）")


@dataclass(frozen=True)
class Word:
    text: str            # normalised
    table: str
    kind: str            # row | group | header | column | note
    key: str | None = None


@cache
def vocabulary() -> tuple[Word, ...]:
    """Every label of tables A, B and C, longest first (markers stripped)."""
    from ..labels import strip_marker
    words: dict[tuple[str, str], Word] = {}

    def add(text, tbl, kind, key=None):
        t = _norm(strip_marker(text))
        if len(t) >= 2 and (t, tbl) not in words:
            words[(t, tbl)] = Word(t, tbl, kind, key)
    for name in TABLES:
        spec = table(name)
        for r in spec.rows:
            for label in r.labels:
                add(label, name, "row", r.key)
        for key, labels in spec.groups.items():
            for label in labels:
                add(label, name, "group", key)
        for h in spec.headers + spec.header_words:
            add(h, name, "header")
        for c in spec.columns:
            for label in c.labels:
                add(label, name, "column", c.key)
    for extra, tbl in (("行政诉讼", "C"), ("申请人情况", "B"), ("法人或其他组织", "B"),
                       ("信息内容", "A"), ("本年增/减", "A"), ("本年增减", "A")):
        add(extra, tbl, "header")
    return tuple(sorted(words.values(), key=lambda w: -len(w.text)))


@cache
def _by_first() -> dict[str, tuple[Word, ...]]:
    """The vocabulary indexed by first character (longest first), for lexing."""
    out: dict[str, list[Word]] = {}
    for w in vocabulary():
        out.setdefault(w.text[0], []).append(w)
    return {k: tuple(v) for k, v in out.items()}


@dataclass
class Item:
    text: str            # as printed (normalised), marker included
    word: Word | None    # None: text the vocabulary does not cover
    others: tuple[Word, ...] = ()     # the same text as a label of other tables


@cache
def _lexer() -> tuple[re.Pattern, dict[str, tuple[Word, ...]]]:
    """One pattern for every label (longest first, an optional marker before it), the
    table notes and the 第二十条 block headings; and the words for each label text."""
    words: dict[str, list[Word]] = {}
    for w in vocabulary():
        words.setdefault(w.text, []).append(w)
    alternation = "|".join(re.escape(t) for t in sorted(words, key=len, reverse=True))
    pattern = re.compile(rf"(?P<note>{_NOTE.pattern})|(?P<block>{_BLOCK.pattern})"
                         rf"|(?P<label>(?:{_LEX_MARKER.pattern})?(?P<word>{alternation}))")
    return pattern, {k: tuple(v) for k, v in words.items()}


def lex(text: str) -> list[Item]:
    """Normalised label text → the vocabulary items it is made of, in order; uncovered
    stretches are kept as items without a word."""
    s = _norm(text)
    pattern, words = _lexer()
    items: list[Item] = []
    pos = 0
    for m in pattern.finditer(s):
        if m.start() > pos:
            items.append(Item(s[pos:m.start()], None))
        pos = m.end()
        if m.group("note"):
            continue
        if m.group("block"):
            items.append(Item(m.group(0), Word(m.group(0), "A", "block")))
            continue
        hit, *same = words[m.group("word")]
        items.append(Item(m.group("label"), hit, tuple(same)))
    if pos < len(s):
        items.append(Item(s[pos:], None))
    return items


def _covered_tail(items: list[Item]) -> list[Item]:
    """The items after the last stretch of text the vocabulary does not cover (punctuation
    and a leftover marker do not break the tail)."""
    tail: list[Item] = []
    for it in reversed(items):
        if it.word is None and not _is_glue(it.text):
            break
        tail.append(it)
    tail.reverse()
    while tail and tail[0].word is None:
        tail.pop(0)
    return tail


def _is_glue(text: str) -> bool:
    return bool(re.fullmatch(r"[\s:：、，,。;；.．]*(?:[一二三四五六七八九十]+[、.．]|"
                             r"[（(][一二三四五六七八九十]+[）)]|表[一二三四五六]|\d{1,2}[.．、"
                             r"])?[\s:：]*", text))


def _owner(tail: list[Item]) -> Word | None:
    """The label a run that follows `tail` belongs to: the last row label, or for Table C
    a column label closing its header (the one data row of fifteen cells)."""
    if not tail or tail[-1].word is None:
        return None
    votes: dict[str, int] = {}
    for t in tail:
        if t.word is not None and not t.others:
            votes[t.word.table] = votes.get(t.word.table, 0) + 1
    w = tail[-1].word
    if tail[-1].others:
        best = max(votes, key=votes.get) if votes else w.table
        same = [x for x in (w, *tail[-1].others) if x.table == best] or [w]
        w = next((x for x in same if x.kind == "row"), same[0])
    if w.kind == "row":
        if w.table == "C" and any(t.word and t.word.kind == "column" and t.word.table == "C" for t in tail):
            return Word(w.text, "C", "row", "*")      # 复议后起诉 … as the last header word
        return w
    if w.kind == "column" and any(t.word and t.word.table == "C" and t.word.kind in ("row", "header")
                                  for t in tail):
        return Word(w.text, "C", "row", "*")
    return None


def _segments(text: str) -> list[tuple[str, str]]:
    """Text → [(text, run)] pairs; the last run may be empty. An item number swallowed by
    a run goes back to the label it opens."""
    out: list[tuple[str, str]] = []
    pos = 0
    carry = ""
    for m in _NUM.finditer(text):
        run = m.group(0)
        end = m.end()
        before = carry + text[pos:m.start()]
        carry = ""
        after = text[m.end():m.end() + 1]
        y = re.search(r"(?:19|20)\d\d$", run)
        if y and after == "年" and y.start() > 0:
            run = run[:y.start()]             # the next sentence's year, not the row's
            end = m.start() + len(run)
            after = text[end]
        t = _ITEM_TAIL.search(run)
        if t and after and "\u4e00" <= after <= "\u9fff" or (t and after in "“\"《"):
            carry = run[t.start():]
            run = run[:t.start()].rstrip()
        out.append((before, run))
        pos = end
    out.append((carry + text[pos:], ""))
    return out


def _opens_label(text: str) -> bool:
    s = _norm(text)
    if _MARKER_AHEAD.match(s):
        return True
    return any(s.startswith(w.text) for w in _by_first().get(s[:1], ()))


@dataclass
class _Row:
    word: Word
    label: str
    run: str
    headers: list[Item]


def recover(blocks: list[Block]) -> list[Block]:
    """The blocks with table rows printed as running text turned into Table blocks (the
    prose around them kept as paragraphs)."""
    if not any(isinstance(b, Paragraph) and _NUM.search(b.text) for b in blocks):
        return blocks
    out: list[Block] = []
    pending: list[_Row] = []
    state = {"table": None, "where": None}

    def flush():
        if pending:
            out.append(_table(pending, state["where"]))
            pending.clear()
        state["table"] = None

    def prose(text: str, b: Paragraph):
        if text.strip():
            flush()
            out.append(Paragraph(text.strip(), page=b.page, line=b.line))

    # paragraphs just emitted that are nothing but table words (a header printed on lines
    # of its own): a bare run on the next line belongs to them (Table C's fifteen cells)
    held: list[tuple[int, list[Item]]] = []
    for b in blocks:
        if not isinstance(b, Paragraph):
            flush()
            out.append(b)
            held.clear()
            continue
        segs = _segments(b.text)
        if len(segs) == 1 and not pending:
            items = lex(b.text) if len(b.text) <= TAIL else []
            if items and all(i.word or _is_glue(i.text) for i in items) and any(i.word for i in items):
                held.append((len(out), items))
                out.append(Paragraph(b.text.strip(), page=b.page, line=b.line))
                continue
        if held and segs[0][1] and not _norm(segs[0][0]).strip(":：、，,。;；.． ") and not pending:
            headers = [i for _, its in held for i in its if i.word]
            owner = _owner(headers)
            nxt = segs[1][0] if len(segs) > 1 else ""
            if owner is not None and (not nxt.strip() or _opens_label(nxt)):
                del out[held[0][0]:]
                state["where"] = b
                state["table"] = owner.table
                _add_labels(pending, headers[:-1])
                pending.append(_Row(owner, headers[-1].text, segs[0][1], []))
                segs = segs[1:]
        held.clear()
        carry = ""                      # prose of this paragraph not yet placed
        for k, (text, run) in enumerate(segs):
            nxt = segs[k + 1][0] if k + 1 < len(segs) else ""
            # labels stand at the end of the text before a run: a long stretch of prose
            # before them is never lexed whole (its first part stays uncovered text)
            items = lex(text) if len(text) <= TAIL else [Item(text[:-TAIL], None)] + lex(text[-TAIL:])
            tail = _covered_tail(items)
            owner = _owner(tail) if run else None
            ok = owner is not None and (not nxt.strip() or _opens_label(nxt))
            if not ok and run and pending and (not nxt.strip() or _opens_label(nxt)):
                fuzzy = _fuzzy_row(text, state["table"])
                if fuzzy is not None:
                    pending.append(_Row(fuzzy, _norm(text), run, []))
                    continue
            if not ok:
                if pending and not run and tail and not carry.strip() \
                        and all(i.word or _is_glue(i.text) for i in items):
                    _add_labels(pending, tail)      # labels between rows: headers, empty rows
                    continue
                carry += text + run
                continue
            cut_at = _tail_start(text, tail)
            carry += text[:cut_at]
            if carry.strip() or owner.table != state["table"]:
                prose(carry, b)
                flush()
            carry = ""
            if not pending:
                state["where"] = b
            state["table"] = owner.table
            _add_labels(pending, tail[:-1])
            pending.append(_Row(owner, tail[-1].text, run, []))
        prose(carry, b)
    flush()
    return out


def _fuzzy_row(text: str, tbl: str | None) -> Word | None:
    """A misprinted row label between rows of a table (`2.其他法律行政止公开`)."""
    from ..labels import best_match
    s = _norm(text)
    if not tbl or not s or len(s) > 60 or re.search(r"[。；;]", s):
        return None
    rows = [w for w in vocabulary() if w.table == tbl and w.kind == "row"]
    key, _ = best_match(s, [(w.key, [w.text]) for w in rows], 0.75)
    return next((w for w in rows if w.key == key), None) if key else None


def _add_labels(rows: list[_Row], items: list[Item]) -> None:
    """Labels with no run: header rows (column words gathered into one row), and figure
    rows that printed nothing (only once the table's data rows have begun)."""
    started = any(r.run for r in rows)
    for it in items:
        w = it.word
        if w is None:
            continue
        if started and w.kind == "row" and rows and w.table == rows[-1].word.table:
            rows.append(_Row(w, it.text, "", []))
        elif w.kind in ("column", "header") and rows and rows[-1].word.kind == "columns" and not rows[-1].run:
            rows[-1].headers.append(it)
        elif w.kind in ("column",) or it.text in ("信息内容", "申请人情况", "法人或其他组织"):
            rows.append(_Row(Word(w.text, w.table, "columns"), it.text, "", [it]))
        else:
            rows.append(_Row(Word(w.text, w.table, "header"), it.text, "", []))


def _tail_start(text: str, tail: list[Item]) -> int:
    """Where in `text` (as printed) the label tail begins."""
    s = _norm(text)
    head = "".join(t.text for t in tail)
    # find the printed position whose normalised remainder is `head` (+ glue)
    idx = s.rfind(head[: max(1, min(len(head), 6))], 0, len(s) - len(head) + 6)
    count = len(s) - idx if idx >= 0 else len(head)
    # walk back through the printed text counting normalised characters
    seen = 0
    for i in range(len(text) - 1, -1, -1):
        seen += _norm_len(text[i])
        if seen >= count:
            return i
    return 0


def _table(rows: list[_Row], where: Paragraph | None) -> Table:
    page = where.page if where else None
    line = where.line if where else None
    grid: list[list[Cell]] = []
    for r in rows:
        if r.word.kind == "columns":
            grid.append([Cell(h.text, page, line) for h in r.headers])
        elif r.word.kind == "header" and not r.run:
            grid.append([Cell(r.label, page, line)])
        else:
            grid.append([Cell(r.label, page, line), Cell(r.run, page, line, run=True)])
    return Table(rows=grid, page=page, line=line)
