"""Reports → search chunks, following the report's structure.

One chunk per section or sub-part (s1.1…), and one for a parent's lead text before its
first sub-part; a long one is split at sentence ends with a small overlap, so every chunk
stays well under the model's 512 tokens. Each chunk's text is prefixed with the report's
agency, year and section title — without that, queries land in the wrong year. Tables are
answered from the store, so their cells are not prose here; the row labels of the tables a
section holds are added to its lexical text only, so they stay findable by words."""
from __future__ import annotations

import hashlib
import re
from dataclasses import asdict, dataclass

from ..labels import SHORT_LINE
from ..model import Report, Section
from ..schema import load

VERSION = 1                 # of the chunking: a change rebuilds the index
MAX_CHARS = 360             # body characters per chunk (~250-400 tokens of Chinese)
OVERLAP = 60                # characters repeated from the end of the previous chunk
_SENTENCE_END = re.compile(r"(?<=[。！？；!?;])|\n")


@dataclass
class Chunk:
    id: str                 # report id : section key : n
    report_id: str
    agency: str
    year: int
    region: str
    section: str            # preamble, s1…s6, s1.1…
    title: str              # the section's heading as printed
    page: int | None
    prefix: str             # 淮安市洪泽区人民政府 2024年 · 五、存在的主要问题及改进情况
    body: str               # the passage itself, as quoted to users
    extra: str = ""         # lexical-only words (table row labels)

    @property
    def text(self) -> str:
        """What is embedded: the prefix and the passage."""
        return f"{self.prefix}\n{self.body}" if self.body else self.prefix

    @property
    def lexical(self) -> str:
        return f"{self.text}\n{self.extra}" if self.extra else self.text

    @property
    def digest(self) -> str:
        return hashlib.sha256(self.text.encode("utf-8")).hexdigest()[:32]

    def to_dict(self) -> dict:
        return asdict(self)


def _heading(report: Report, s: Section) -> str:
    if s.key == "preamble":
        return "前言"
    if s.title:
        return s.title
    try:
        spec = load().section(s.key)
        return f"{spec.numeral}、{spec.title}"
    except KeyError:
        return s.key


def split(text: str, limit: int = MAX_CHARS, overlap: int = OVERLAP) -> list[str]:
    """`text` in pieces of at most about `limit` characters, cut at sentence ends, each
    after the first starting with the last sentence(s) of the one before (≤ `overlap`)."""
    text = text.strip()
    if len(text) <= limit:
        return [text] if text else []
    sentences = [s for s in _SENTENCE_END.split(text) if s and s.strip()]
    pieces: list[list[str]] = [[]]
    for s in sentences:
        while len(s) > limit:                     # a sentence longer than a chunk: cut it
            head, s = s[:limit], s[limit:]
            if pieces[-1]:
                pieces.append([])
            pieces[-1].append(head)
            pieces.append([])
        current = pieces[-1]
        if current and sum(map(len, current)) + len(s) > limit:
            carry: list[str] = []
            for prev in reversed(current):
                if sum(map(len, carry)) + len(prev) > overlap:
                    break
                carry.insert(0, prev)
            pieces.append(carry + [s])
        else:
            current.append(s)
    return ["".join(p).strip() for p in pieces if "".join(p).strip()]


def _table_labels(report: Report) -> dict[str, str]:
    """Section key → the row labels of the tables printed in it."""
    schema = load()
    out: dict[str, list[str]] = {}
    present = {(f.table, f.row) for f in report.figures}
    for name, spec in schema.tables.items():
        version = report.table_versions.get(name) or report.format_version
        labels = [r.label(version) for r in spec.rows if (name, r.key) in present]
        if labels:
            out.setdefault(spec.section, []).extend([spec.title] + labels)
    return {k: " ".join(v) for k, v in out.items()}


def chunks_of(report: Report) -> list[Chunk]:
    subs: dict[str, list[Section]] = {}
    for s in report.sections:
        if "." in s.key:
            subs.setdefault(s.key.split(".")[0], []).append(s)
    labels = _table_labels(report)
    out: list[Chunk] = []
    for s in report.sections:
        body = s.text
        if s.key in subs:                         # the parent: only its lead text
            first = subs[s.key][0].text
            at = body.find(first[:SHORT_LINE]) if first else -1   # where the first sub-part starts
            body = body[:at] if at >= 0 else ""
        title = _heading(report, s)
        parent = report.section(s.key.split(".")[0]) if "." in s.key else None
        path = f"{_heading(report, parent)} · {title}" if parent else title
        prefix = f"{report.agency} {report.year}年 · {path}"
        pieces = split(body) or [""]
        if not body.strip() and s.key in subs:
            continue                              # a parent with no lead: its sub-parts carry it
        for n, piece in enumerate(pieces):
            out.append(Chunk(
                id=f"{report.id}:{s.key}:{n}", report_id=report.id, agency=report.agency,
                year=report.year, region=report.region.label(), section=s.key, title=title,
                page=s.page, prefix=prefix, body=piece,
                extra=labels.get(s.key, "") if n == 0 else ""))
    return out
