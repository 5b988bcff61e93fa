"""A report's web page kept inside a script: some CMSs ship the page body as a string
literal in a .js (or .json) file (`let content = "<p>…</p><table>…"`). The literals that
hold HTML are decoded (JSON/JS escapes) and read as one HTML page; the code around them is
never read as report text."""
from __future__ import annotations

import json
import re

from ..document import Document
from ..errors import Rejected
from . import html, text

# a double-, single- or back-quoted literal (escapes allowed, no raw newline in the first two)
_LITERAL = re.compile(r'"((?:[^"\\\n]|\\.)*)"|\'((?:[^\'\\\n]|\\.)*)\'|`((?:[^`\\]|\\.)*)`', re.S)
_MARKUP = re.compile(r"<(?:p|table|div|span|td|tr|br|h[1-6])\b", re.I)
MIN_LITERAL = 200          # characters of a literal that may hold a page body


def _unescape(body: str) -> str:
    try:
        return json.loads('"' + body.replace('"', '\\"').replace('\\\\"', '\\"') + '"')
    except ValueError:
        return re.sub(r"\\(u[0-9a-fA-F]{4}|x[0-9a-fA-F]{2}|.)", _one, body)


def _one(m: re.Match) -> str:
    e = m.group(1)
    if e[0] in "ux" and len(e) > 1:
        return chr(int(e[1:], 16))
    return {"n": "\n", "t": "\t", "r": "", "0": ""}.get(e, e)


def read(data: bytes, file_type: str = "js") -> Document:
    source, _ = text.decode(data)
    pages = []
    for m in _LITERAL.finditer(source):
        body = next(g for g in m.groups() if g is not None)
        if len(body) >= MIN_LITERAL and _MARKUP.search(body):
            pages.append(_unescape(body))
    if not pages:
        raise Rejected("a script with no web page in it: no string literal holds HTML text")
    return html.read(("<meta charset=\"utf-8\">" + "\n".join(pages)).encode("utf-8"), "html")
