"""Reading and parsing a file in a worker process, so that a hostile file cannot take the
caller (the app's server, a long CLI ingest) down: the worker's address space is capped
at limits.PARSE_MEMORY and a file that takes longer than limits.PARSE_SECONDS is stopped
by killing the worker, which is started again for the next file.

    parse_bytes(data, name) → Report, or raises Rejected with the reason

The worker is one long-lived Python process per calling process (started on first
use), spoken to over its stdin/stdout: a length-prefixed pickle of (name, bytes) goes in,
one of ("ok", Report) / ("rejected", reason) comes back. Setting XXGK_PARSE_WORKER=0 parses
in the calling process instead (no limit on time or memory: for debugging)."""
from __future__ import annotations

import atexit
import os
import pickle
import select
import struct
import subprocess
import sys
import threading
import time
from pathlib import Path

from . import limits
from .errors import Rejected, one_line

_HEADER = struct.Struct(">Q")
ENV = "XXGK_PARSE_WORKER"


def _parse_here(data: bytes, name: str):
    """Read, parse, and refuse a report past MAX_CHUNKS (its text would take hours to embed)."""
    from .parsing import parse
    from .readers import read_bytes
    from .retrieval.chunks import chunks_of
    report = parse(read_bytes(data, name))
    limits.check("MAX_CHUNKS", len(chunks_of(report)))
    return report


def _answer(data: bytes, name: str) -> tuple:
    try:
        return "ok", _parse_here(data, name)
    except Rejected as e:
        return "rejected", e.reason
    except MemoryError:
        return "rejected", limits.exceeded("PARSE_MEMORY").reason
    except RecursionError:
        return "rejected", "could not parse (nested too deeply)"
    except Exception as e:  # noqa: BLE001 - any failure is this file's rejection
        return "rejected", f"could not parse ({one_line(e)})"


class ParseWorker:
    """One worker process, restarted after a file kills it or runs out of time."""

    def __init__(self):
        self.proc: subprocess.Popen | None = None
        self.lock = threading.Lock()

    def _start(self) -> None:
        root = str(Path(__file__).resolve().parent.parent)
        env = {**os.environ, "PYTHONPATH": os.pathsep.join(p for p in (root, os.environ.get("PYTHONPATH")) if p)}
        self.proc = subprocess.Popen(
            [sys.executable, "-c", "from assistant.worker import _serve; _serve()"],
            stdin=subprocess.PIPE,
            stdout=subprocess.PIPE,
            env=env,
            bufsize=0,
        )

    def close(self) -> None:
        if self.proc is not None:
            try:
                self.proc.kill()
                self.proc.wait(timeout=5)
            except (OSError, subprocess.TimeoutExpired):
                pass
            for f in (self.proc.stdin, self.proc.stdout):
                try:
                    f.close()
                except OSError:
                    pass
            self.proc = None

    def parse(self, data: bytes, name: str):
        with self.lock:
            if self.proc is None or self.proc.poll() is not None:
                self.close()
                self._start()
            message = pickle.dumps((name, data), protocol=pickle.HIGHEST_PROTOCOL)
            try:
                self.proc.stdin.write(_HEADER.pack(len(message)) + message)
                self.proc.stdin.flush()
                reply = self._read(time.monotonic() + limits.PARSE_SECONDS)
            except TimeoutError:
                self.close()
                raise limits.exceeded("PARSE_SECONDS") from None
            except (EOFError, OSError):
                code = self.proc.wait() if self.proc else None
                self.close()
                raise Rejected(f"could not parse (the parser stopped on this file, exit status {code})") from None
        status, value = pickle.loads(reply)
        if status == "ok":
            return value
        raise Rejected(value)

    def _read(self, deadline: float) -> bytes:
        fd = self.proc.stdout.fileno()

        def exactly(n: int) -> bytes:
            out = bytearray()
            while len(out) < n:
                left = deadline - time.monotonic()
                if left <= 0 or not select.select([fd], [], [], left)[0]:
                    raise TimeoutError
                piece = os.read(fd, min(n - len(out), 2**20))
                if not piece:
                    raise EOFError
                out += piece
            return bytes(out)

        (size,) = _HEADER.unpack(exactly(_HEADER.size))
        return exactly(size)


_worker = ParseWorker()
atexit.register(_worker.close)


def parse_bytes(data: bytes, name: str):
    """The Report parsed from `data` (a file called `name`), or Rejected with the reason;
    in the worker unless XXGK_PARSE_WORKER=0."""
    if os.environ.get(ENV, "1") == "0":
        status, value = _answer(data, name)
        if status == "ok":
            return value
        raise Rejected(value)
    return _worker.parse(data, name)


def _serve() -> None:
    import logging
    import resource

    for name in ("pypdf", "pdfminer", "pdfplumber"):
        logging.getLogger(name).setLevel(logging.ERROR)
    # the protocol keeps the real stdout; anything a library prints goes to stderr
    out = os.fdopen(os.dup(1), "wb", buffering=0)
    os.dup2(2, 1)
    inp = os.fdopen(os.dup(0), "rb", buffering=0)
    import lxml.html  # noqa: F401
    import pdfplumber  # noqa: F401
    import pypdf  # noqa: F401

    from . import parsing, readers  # noqa: F401
    from .retrieval import chunks  # noqa: F401 - the chunk limit's count (numpy comes with it)

    resource.setrlimit(resource.RLIMIT_AS, (limits.PARSE_MEMORY, limits.PARSE_MEMORY))

    def exactly(n: int) -> bytes | None:
        buf = bytearray()
        while len(buf) < n:
            piece = inp.read(n - len(buf))
            if not piece:
                return None
            buf += piece
        return bytes(buf)

    while True:
        header = exactly(_HEADER.size)
        if header is None:
            return
        body = exactly(_HEADER.unpack(header)[0])
        if body is None:
            return
        name, data = pickle.loads(body)
        del body
        try:
            reply = pickle.dumps(_answer(data, name), protocol=pickle.HIGHEST_PROTOCOL)
        except MemoryError:
            reply = pickle.dumps(("rejected", limits.exceeded("PARSE_MEMORY").reason))
        del data
        out.write(_HEADER.pack(len(reply)) + reply)
