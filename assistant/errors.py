"""Errors a user sees. A Rejected file carries its one-line reason."""


class Rejected(Exception):
    """A file that is not read: its reason is one line a user can act on."""

    def __init__(self, reason: str):
        super().__init__(reason)
        self.reason = reason


class NotFound(LookupError):
    """An agency, year or report the store does not hold (the message names what it has)."""
