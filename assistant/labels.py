"""Normalising and matching the labels printed in reports against the schema's variants."""
from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable
from difflib import SequenceMatcher
from functools import lru_cache

CN_DIGITS = {"〇": 0, "零": 0, "一": 1, "二": 2, "三": 3, "四": 4, "五": 5, "六": 6, "七": 7,
             "八": 8, "九": 9, "十": 10}

# A leading marker: 一、 / （一） / (一) / 1. / 1、 / 1．
_MARKER = re.compile(r"^\s*(?:(?P<numeral>[一二三四五六七八九十]+)\s*[、.．]"
                     r"|[（(]\s*(?P<paren>[一二三四五六七八九十]+)\s*[）)]"
                     r"|(?P<item>\d{1,2})\s*[.．、](?!\d))")
_DROP = re.compile(r"[\s\u3000\u00a0]+")
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f\u200b-\u200f\u202a-\u202e\u2066-\u2069\ud800-\udfff]")
MAX_INPUT = 2000         # characters of a question or search query that are read

# How long a printed line may be and still be what its shape suggests (characters):
SHORT_LINE = 40          # a heading, an agency name or a wrapped cell's continuation; longer: a sentence
SHORT_LABEL = 30         # a lone table label beside a table's rows, a line above a title
TITLE_TAIL = 12          # the last piece of a title a PDF wrapped mid-word (…工作年度报 / 告)


def clean_input(text: str, limit: int = MAX_INPUT) -> str:
    """Typed text as the question parser and the tokenizer can take it: no control or
    direction characters, no lone surrogates, NFC, at most `limit` characters."""
    return unicodedata.normalize("NFC", _CONTROL.sub("", str(text or "")))[:limit].strip()


def cn_number(text: str) -> int | None:
    """一 → 1, 十二 → 12, 二十 → 20 (small numbers as used in headings)."""
    if not text or any(ch not in CN_DIGITS for ch in text):
        return None
    if "十" not in text:
        value = 0
        for ch in text:
            value = value * 10 + CN_DIGITS[ch]
        return value
    tens, _, ones = text.partition("十")
    return (CN_DIGITS[tens] if tens else 1) * 10 + (CN_DIGITS[ones] if ones else 0)


def squeeze(text: str) -> str:
    """Text with all whitespace (incl. full-width and no-break spaces) removed."""
    return _DROP.sub("", text or "")


def marker(text: str) -> tuple[str, int] | None:
    """The leading numbering of a label: ('numeral', 3) for 三、, ('paren', 3) for （三）,
    ('item', 3) for 3. — or None."""
    m = _MARKER.match(squeeze(text))
    if not m:
        return None
    for kind in ("numeral", "paren", "item"):
        if m.group(kind):
            value = m.group(kind)
            return kind, int(value) if kind == "item" else cn_number(value)
    return None


def strip_marker(text: str) -> str:
    s = squeeze(text)
    m = _MARKER.match(s)
    return s[m.end():] if m else s


@lru_cache(maxsize=65536)
def normalize(text: str) -> str:
    """Comparable form of a label: NFKC, no whitespace, no leading marker, no punctuation."""
    s = strip_marker(unicodedata.normalize("NFKC", text or ""))
    return "".join(ch for ch in s if unicodedata.category(ch)[0] not in "PSZ")


def similarity(a: str, b: str) -> float:
    na, nb = normalize(a), normalize(b)
    if not na or not nb:
        return 0.0
    if na == nb:
        return 1.0
    return SequenceMatcher(None, na, nb, autojunk=False).ratio()


def best_match(label: str, candidates: Iterable[tuple[str, Iterable[str]]],
               threshold: float = 0.6) -> tuple[str | None, float]:
    """The key whose variants are most like `label` (exact after normalisation first)."""
    frozen = tuple((key, tuple(variants)) for key, variants in candidates)
    key, score = _best(normalize(label), frozen)
    return (key, score) if score >= threshold else (None, score)


@lru_cache(maxsize=65536)
def _best(label: str, candidates: tuple[tuple[str, tuple[str, ...]], ...]) -> tuple[str | None, float]:
    if not label:
        return None, 0.0
    best_key, best = None, 0.0
    for key, variants in candidates:
        for v in variants:
            nv = normalize(v)
            score = 1.0 if nv == label else (
                SequenceMatcher(None, label, nv, autojunk=False).ratio() if nv else 0.0)
            if score > best:
                best_key, best = key, score
                if score == 1.0:
                    return best_key, best
    return best_key, best


def contains_any(text: str, words: Iterable[str]) -> bool:
    s = squeeze(text)
    return any(w in s for w in words)
