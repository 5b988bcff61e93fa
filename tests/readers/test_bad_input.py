"""Files a user may drop in that are not readable reports: each gets its one-line reason, and
nothing already in the store changes."""
from __future__ import annotations

import io

import pytest
from conftest import SEED_2021, snapshot

from assistant import ingest, ingest_bytes
from assistant.generator import generate, render


def _pdf() -> bytes:
    return render(next(generate(1, seed=99)), "pdf")


def _encrypted(user_password: str) -> bytes:
    import pypdf
    reader = pypdf.PdfReader(io.BytesIO(_pdf()))
    writer = pypdf.PdfWriter()
    for page in reader.pages:
        writer.add_page(page)
    writer.encrypt(user_password=user_password, owner_password="owner-secret", algorithm="AES-128")
    out = io.BytesIO()
    writer.write(out)
    return out.getvalue()


def _image_only() -> bytes:
    """A scan: one page holding a picture and no text."""
    from PIL import Image, ImageDraw
    from reportlab.lib.pagesizes import A4
    from reportlab.lib.utils import ImageReader
    from reportlab.pdfgen import canvas
    img = Image.new("L", (600, 800), 255)
    draw = ImageDraw.Draw(img)
    for y in range(60, 760, 24):
        draw.line((60, y, 540, y), fill=0, width=3)      # lines of "text" as pixels
    out = io.BytesIO()
    c = canvas.Canvas(out, pagesize=A4)
    c.drawImage(ImageReader(img), 40, 40, width=A4[0] - 80, height=A4[1] - 80)
    c.showPage()
    c.save()
    return out.getvalue()


NOT_A_REPORT = """<html><head><meta charset="utf-8"><title>区政府召开常务会议</title></head>
<body><div class="nav">首页 &gt; 要闻动态</div><h1>区政府召开第十二次常务会议</h1>
<p>11月20日，区政府召开第十二次常务会议，研究部署冬季安全生产工作。</p>
<table><tr><td>议题</td><td>汇报单位</td></tr><tr><td>安全生产</td><td>应急管理局</td></tr></table>
</body></html>""".encode()

CASES = [
    ("empty.txt", lambda: b"", "empty file"),
    ("empty.pdf", lambda: b"", "empty file"),
    ("truncated.pdf", lambda: _pdf()[: len(_pdf()) // 2],
     "truncated PDF: the file ends before its end-of-file marker"),
    ("damaged.pdf", lambda: b"%PDF-1.4\n" + bytes(range(256)) * 40 + b"\n%%EOF\n", "damaged PDF"),
    ("encrypted.pdf", lambda: _encrypted("secret"), "encrypted PDF: a password is needed to open it"),
    ("scan.pdf", _image_only, "scanned PDF: no text layer (OCR not supported)"),
    ("news.html", lambda: NOT_A_REPORT,
     "not a 政府信息公开工作年度报告: no section headings or report tables found"),
    ("report.doc", lambda: b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\x00" * 500,
     "legacy Word .doc file: convert to .docx"),
    ("report.docx", lambda: b"", "empty file"),
    ("renamed.docx", lambda: b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\x00" * 500,
     "not a Word .docx file (not a zip package; a legacy .doc renamed?)"),
    ("broken.docx", lambda: b"PK\x03\x04" + b"\x00" * 100, "damaged .docx file"),
    ("notes.xyz", lambda: "一、总体情况".encode(), "unsupported file type .xyz"),
]


@pytest.mark.parametrize("name, make, reason", CASES, ids=[c[0] for c in CASES])
def test_rejected_with_its_reason_and_store_unchanged(store, tmp_path, name, make, reason):
    ingest(store, [SEED_2021])
    before = snapshot(store)
    path = tmp_path / name
    path.write_bytes(make())
    [outcome] = ingest(store, [path])
    assert outcome.status == "rejected"
    assert outcome.message.startswith("rejected: " + reason), outcome.message
    assert "\n" not in outcome.message
    assert snapshot(store) == before


def test_pdf_encrypted_without_a_user_password_is_read(store):
    """Many agencies publish PDFs locked against editing only: they open without a password."""
    outcome = ingest_bytes(store, _encrypted(""), "locked.pdf")
    assert outcome.status == "ingested", outcome.message
    report = store.get(outcome.report_id)
    assert report.agency == next(generate(1, seed=99)).agency


def test_a_rejected_file_does_not_stop_the_others(store, tmp_path):
    (tmp_path / "a_scan.pdf").write_bytes(_image_only())
    (tmp_path / "b_report.html").write_bytes(render(next(generate(1, seed=7)), "html"))
    outcomes = ingest(store, [tmp_path])
    assert [o.status for o in outcomes] == ["rejected", "ingested"]
