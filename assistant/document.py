"""What a reader hands the parser: a file as paragraphs and tables in reading order, each
cell and paragraph with where it was printed (page for paged formats, line for text).

Every reader (text, PDF, HTML, Word) produces this and nothing else; the parser never sees
the file format."""
from __future__ import annotations

from dataclasses import dataclass, field


@dataclass
class Cell:
    text: str
    page: int | None = None
    line: int | None = None
    run: bool = False     # a whole row's cells printed together (`562000058`): decoded, not read
    spanned: bool = False  # a grid position covered by the cell to its left (colspan)

    @property
    def position(self) -> dict:
        return {k: v for k, v in (("page", self.page), ("line", self.line)) if v is not None}


@dataclass
class Paragraph:
    text: str
    page: int | None = None
    line: int | None = None


@dataclass
class Table:
    """A grid of cells as printed: one list per row, blank cells kept as empty text so that
    a value stays under its column. Merged cells are repeated or left empty by the reader."""
    rows: list[list[Cell]]
    page: int | None = None
    line: int | None = None

    def text(self) -> str:
        return "\n".join(" ".join(c.text for c in row) for row in self.rows)


@dataclass
class Image:
    """A picture in the body (a table printed as an image, say): its text is not read."""
    page: int | None = None
    line: int | None = None
    caption: str = ""


Block = Paragraph | Table | Image


@dataclass
class Document:
    blocks: list[Block]
    file_type: str                 # txt, md, pdf, html, docx
    pages: int | None = None       # paged formats only
    encoding: str | None = None    # text formats: the encoding that decoded the file
    warnings: list[str] = field(default_factory=list)

    @property
    def paragraphs(self) -> list[Paragraph]:
        return [b for b in self.blocks if isinstance(b, Paragraph)]

    @property
    def tables(self) -> list[Table]:
        return [b for b in self.blocks if isinstance(b, Table)]
