"""The errors a user can see, in one place: each says what is wrong and what to do.

    Rejected      a file that is not read (its one-line reason)
    NotFound      an agency, year, report or index the store does not hold
    Ambiguous     a short name several agencies share (with the candidates)
    ModelMissing  the configured embedding model cannot be loaded (how to fix it)

The CLI prints any of them as one line and exits 1; the app shows them; nothing else is
caught silently (what the app's background work catches, it logs)."""


class Rejected(Exception):
    """A file that is not read: its reason is one line a user can act on."""

    def __init__(self, reason: str):
        super().__init__(reason)
        self.reason = reason


class NotFound(LookupError):
    """An agency, year or report the store does not hold (the message names what it has)."""


class Ambiguous(LookupError):
    """A name that fits several agencies: `candidates` lists them."""

    def __init__(self, query: str, candidates: list[str]):
        super().__init__(f"“{query}” matches {len(candidates)} agencies: " + "、".join(candidates))
        self.query, self.candidates = query, candidates


class ModelMissing(RuntimeError):
    """The configured embedding model cannot be loaded (the message says how to fix it)."""


USER_ERRORS = (Rejected, NotFound, Ambiguous, ModelMissing)


def one_line(e: BaseException) -> str:
    """An unexpected exception as a file's reason: its type and the first line of what it says."""
    first = str(e).splitlines()[0][:200] if str(e) else ""
    return f"{type(e).__name__}{': ' + first if first else ''}"
