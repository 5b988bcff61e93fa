"""Document → Report: metadata, sections, figures of tables A/B/C, and checks.

The parser sees only the reader's Document (paragraphs and tables with positions), so
every file format goes through this same code."""
from __future__ import annotations

from .. import agencies, checks, placenames
from ..document import Document, Paragraph
from ..errors import Rejected
from ..labels import squeeze
from ..model import Report
from ..schema import table
from . import flow, inline, metadata, sections, tables

MIN_HEADINGS = 3


def parse(doc: Document) -> Report:
    if not doc.paragraphs and not doc.tables:
        raise Rejected("no text found")
    blocks = flow.split_inline(inline.recover(doc.blocks))
    paragraphs = [b for b in blocks if isinstance(b, Paragraph)]
    page = flow.page_meta(paragraphs)
    body = [p for p in paragraphs if id(p) not in page.used]
    title = metadata.find_title(body)
    if title is None and page.fields.get("title"):
        title = ([], metadata.parse_title(page.fields["title"]))
    signature = metadata.find_signature(body)
    skip = set(page.used) | {id(p) for p in (title[0] if title else [])}
    skip |= {id(p) for p in (signature.paragraphs if signature else [])}
    layout = sections.split(blocks, skip)
    extraction = tables.extract(layout.table_sections)

    if len(layout.headings_found) < MIN_HEADINGS and not extraction.found:
        raise Rejected("not a 政府信息公开工作年度报告: no section headings or report tables found")

    stated = metadata.from_text(layout.sections)
    agency_printed = (title[1].agency if title else None) or (signature.agency if signature else None)
    notes = []
    if not agency_printed and stated.agency:
        agency_printed = stated.agency
        notes.append("报告无标题和落款，机关名称取自正文：" + stated.quote)
    if not agency_printed:
        raise Rejected("no agency found: no report title, no signature and no sentence naming the agency")
    if title and title[1].year:
        year, basis = title[1].year, "title"
    elif signature and signature.year:
        year, basis = signature.year - 1, "signature date"
    elif stated.year:
        year, basis = stated.year, "statistics period"
    else:
        raise Rejected("no report year found: no year in the title, no signature date and no statistics period")

    versions = extraction.versions
    fmt = versions.get("A") or versions.get("B") or (2021 if year >= 2021 else 2019)
    warnings = list(doc.warnings) + notes + extraction.warnings
    missing = [t for t in ("A", "B", "C") if t not in extraction.found]
    if missing:
        warnings.append("tables not found: " + ", ".join(missing))

    read_as = agency_printed
    fix = placenames.correct(squeeze(agency_printed))
    if fix:
        read_as = fix.name
        warnings.append(f"地名“{fix.printed}”不在行政区划中，按“{fix.place}”读（机关名称原文照录）")
    report = Report(
        agency_printed=agency_printed,
        agency=agencies.canonical_name(read_as),
        agency_kind=agencies.kind_of(read_as),
        region=agencies.region_of(read_as),
        year=year, year_basis=basis,
        published=page.published or (signature.date if signature else None),
        source_url=page.url,
        format_version=fmt,
        table_versions={k: versions.get(k) for k in ("A", "B", "C")},
        title=title[1].text if title else None,
        file_type=doc.file_type,
        sections=layout.sections,
        figures=extraction.figures,
        warnings=warnings,
        pages=doc.pages,
        units=dict(extraction.units),
    )
    present = {f.address for f in report.figures}
    unread = [tables.unread(t, versions.get(t) or fmt, _why_unread(t, t in missing, layout), present)
              for t in ("A", "B", "C")]
    report.checks = checks.run(report) + extraction.checks + [c for c in unread if c]
    return report


def _why_unread(tbl: str, missing: bool, layout) -> str:
    if not missing:
        return "中这些格未能读出（行或栏无法确定）"
    pictures = [im for im, key in layout.images if key.split(".")[0] == table(tbl).section]
    if pictures:
        where = f"第{pictures[0].page}页" if pictures[0].page else f"第{pictures[0].line}行" if pictures[0].line else ""
        return f"以图片印出（{where}{'，' + pictures[0].caption if pictures[0].caption else ''}），文字未读取" \
            .replace("（，", "（")
    return "未在报告中找到此表（未印出，或以本工具读不出的形式印出）"
