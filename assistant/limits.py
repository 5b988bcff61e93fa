"""Limits on what one file may make the parser do, named once. A real report is far below
each: beside each is the largest of the 13 real reports at hand (bench/hostile.py measures
them), with room for the long reports of provinces and ministries; a file past one is
rejected with a one-line reason that names the limit, never half-read.

Values that may sit in a cell are bounded per column in schema.toml ([value_bounds])."""
from __future__ import annotations

from .errors import Rejected

MAX_FILE_BYTES = 50 * 2**20          # a file (an upload too); real 0.3 MB
MAX_PART_BYTES = 32 * 2**20          # one .docx package part as inflated
MAX_MARKUP_BYTES = 20 * 2**20        # an HTML page (after its web archive is unpacked)
MAX_PAGES = 500                      # PDF pages; real 5
MAX_SPAN = 200                       # colspan, rowspan, gridSpan, gridBefore/After
MAX_TABLE_CELLS = 20_000             # cells of one table as laid out; real 260
MAX_DOCUMENT_CELLS = 100_000         # cells of all tables of a file; real 410
MAX_CHARS = 1_000_000                # characters of a report's text; real 5,703
MAX_CHUNKS = 2_000                   # search chunks of one report; real 23
PARSE_SECONDS = 60                   # reading and parsing one file, in the parse worker; real 1.1 s
PARSE_MEMORY = 900 * 2**20           # the parse worker's address space: its peak stays under 1 GB

NAMES = {
    "MAX_FILE_BYTES": "file size", "MAX_PART_BYTES": "inflated size of a .docx part",
    "MAX_MARKUP_BYTES": "HTML size", "MAX_PAGES": "PDF pages", "MAX_SPAN": "cell span",
    "MAX_TABLE_CELLS": "cells per table", "MAX_DOCUMENT_CELLS": "cells per file",
    "MAX_CHARS": "characters per report", "MAX_CHUNKS": "search chunks per report",
    "PARSE_SECONDS": "parse time", "PARSE_MEMORY": "parse memory",
}


def _shown(name: str) -> str:
    value = globals()[name]
    if name.endswith("BYTES") or name == "PARSE_MEMORY":
        return f"{value / 2**20:,.0f} MB"
    if name == "PARSE_SECONDS":
        return f"{value} s"
    return f"{value:,}"


def exceeded(name: str, found: str | int | None = None) -> Rejected:
    """The rejection of a file past limit `name` (found: what the file has, if known)."""
    what = f" ({found:,})" if isinstance(found, int) else f" ({found})" if found else ""
    return Rejected(f"over the {NAMES[name]} limit of {_shown(name)}{what} [{name}]")


def check(name: str, value: int) -> None:
    """Raise the rejection when `value` is past limit `name`."""
    if value > globals()[name]:
        raise exceeded(name, value)


class CellBudget:
    """Cells laid out so far, per table and per file: readers take from it as they build
    a grid, so a table of millions of spanned cells stops at the limit, not after."""

    def __init__(self):
        self.file = 0
        self.table = 0

    def new_table(self) -> None:
        self.table = 0

    def take(self, n: int = 1) -> None:
        self.table += n
        self.file += n
        if self.table > MAX_TABLE_CELLS:
            raise exceeded("MAX_TABLE_CELLS")
        if self.file > MAX_DOCUMENT_CELLS:
            raise exceeded("MAX_DOCUMENT_CELLS")


def span(value, default: int = 1) -> int:
    """A printed span (colspan, gridSpan…) as a count ≥ 1; past MAX_SPAN the file is
    rejected; unreadable is `default`."""
    try:
        n = int(str(value).strip())
    except (TypeError, ValueError):
        return default
    if n > MAX_SPAN:
        raise exceeded("MAX_SPAN", n)
    return max(n, 1 if default else 0)
