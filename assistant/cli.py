"""Command line: python -m assistant {ingest,index,search,ask,list,show,export,remove,replaced,
restore,generate} … (calls the public API)."""
from __future__ import annotations

import argparse
import json
import sys

import assistant as api

from .errors import USER_ERRORS


def _out(text: str) -> None:
    sys.stdout.write(text if text.endswith("\n") else text + "\n")


def cmd_ingest(args, store) -> int:
    counts: dict[str, int] = {}

    def report(o: api.Outcome):
        counts[o.status] = counts.get(o.status, 0) + 1
        if args.json:
            _out(json.dumps(o.__dict__, ensure_ascii=False))
        else:
            _out(o.line())

    progress = sys.stderr.isatty() and not args.json
    try:
        outcomes, result = api.add(store, args.paths, on_outcome=report, progress=progress,
                                   index=not args.no_index, ray=args.ray)
    except ValueError as e:                      # --ray without Ray, or a remote cluster without a shared store
        print(str(e), file=sys.stderr)
        return 2
    if not outcomes:
        print("no report files found in: " + " ".join(args.paths), file=sys.stderr)
        return 2
    summary = ", ".join(f"{n} {s}" for s, n in sorted(counts.items()))
    print(f"{len(outcomes)} files: {summary}", file=sys.stderr)
    if result is not None:
        print(result.line(), file=sys.stderr)
    return 0 if any(o.readable for o in outcomes) else 1


def _fresh_index(store) -> None:
    """A stale or broken search index is rebuilt before it is used."""
    state = api.index_state(store)
    if state in ("stale", "broken"):
        print(f"search index {state}: rebuilding it", file=sys.stderr)
        print(api.update_index(store, progress=sys.stderr.isatty()).line(), file=sys.stderr)


def cmd_ask(args, store) -> int:
    _fresh_index(store)
    answer = api.ask(args.question, store)
    _out(json.dumps(answer.to_dict(), ensure_ascii=False, indent=1) if args.json else answer.render())
    return 0 if answer.found else 3


def cmd_index(args, store) -> int:
    result = api.update_index(store, progress=sys.stderr.isatty())
    _out(json.dumps(result.__dict__) if args.json else result.line())
    return 0


def cmd_search(args, store) -> int:
    filters = {"agency": args.agency, "year": api.parse_year(args.year) if args.year else None,
               "region": args.region, "section": args.section}
    _fresh_index(store)
    hits = api.search(args.query, k=args.k, filters=filters, index=store.root, mode=args.mode)
    if args.json:
        _out(json.dumps([h.to_dict() for h in hits], ensure_ascii=False, indent=1))
        return 0
    if not hits:
        _out("no passage found" + (" with these filters" if any(filters.values()) else ""))
        return 0
    for n, h in enumerate(hits, 1):
        _out(f"{n}. {h.citation()}   (score {h.score:.4f})")
        _out("   " + (h.text if len(h.text) <= 300 else h.text[:300] + "…").replace("\n", "\n   "))
    return 0


def _rows(args, rows: list[dict], empty: str, line, head: str | None = None, foot: str | None = None) -> int:
    """Rows as JSON (--json) or a line each, with what to say when there are none."""
    if args.json:
        _out(json.dumps(rows, ensure_ascii=False, indent=1))
    elif not rows:
        _out(empty)
    else:
        for text in ([head] if head else []) + [line(r) for r in rows] + ([foot] if foot else []):
            _out(text)
    return 0


def cmd_list(args, store) -> int:
    rows = store.summary()
    return _rows(args, rows, "The store is empty: add reports with  python -m assistant ingest PATH",
                 lambda r: (f"  {r['id']}  {r['agency']} {r['year']}  {r['format_version']} format  {r['file_type']}  "
                            f"{r['figures']} cells ({r['filled']} filled)  {r['sections']} sections  {r['source']}"
                            + (f"  ⚠ {r['failed']} failed checks" if r["failed"] else "")),
                 head=f"{len(rows)} reports in {store.location}")


def cmd_show(args, store) -> int:
    report = api.find_report(store, args.agency, args.year)
    _out(json.dumps(api.tables_json(report), ensure_ascii=False, indent=1) if args.json else api.render_text(report))
    return 0


def cmd_export(args, store) -> int:
    reports = store.reports()
    text = api.export_json(reports) if args.format == "json" else api.export_csv(reports)
    if args.output:
        with open(args.output, "w", encoding="utf-8", newline="") as f:
            f.write(text)
        print(f"wrote {len(reports)} reports to {args.output}", file=sys.stderr)
    else:
        _out(text)
    return 0


def cmd_remove(args, store) -> int:
    row = store.remove(args.report_id)
    _out(f"removed {row.id} ({row.agency} {row.year}, {row.source})")
    return 0


def cmd_replaced(args, store) -> int:
    return _rows(args, store.replaced(), "no replaced reports",
                 lambda r: (f"  {r['id']}  {r['agency']} {r['year']}  {r['source_path'] or r['source']}  "
                            f"ingested {r['ingested_at']}, replaced {r['replaced_at']} by {r['replaced_by']}"),
                 foot="put one back with:  python -m assistant restore ID")


def cmd_restore(args, store) -> int:
    outcome, result = api.restore(store, args.report_id)
    _out(outcome.line())
    if result is not None:
        print(result.line(), file=sys.stderr)
    return 0 if outcome.readable else 1


def _count(low: int, high: int):
    def parse(text: str) -> int:
        try:
            n = int(text)
        except ValueError:
            raise argparse.ArgumentTypeError(f"not a whole number: {text!r}") from None
        if not low <= n <= high:
            raise argparse.ArgumentTypeError(f"must be between {low} and {high}")
        return n
    return parse


def cmd_generate(args) -> int:
    try:
        import docx  # noqa: F401 - the generator's Word files
        import reportlab  # noqa: F401 - and its PDFs

        from .generator import FORMATS, write
    except ImportError as e:
        print(f"generate needs the generator extra ({e.name} is missing): "
              "pip install -e '.[generator]' (bash scripts/setup test installs it)", file=sys.stderr)
        return 2
    formats = args.formats.split(",")
    unknown = [f for f in formats if f not in FORMATS]
    if unknown:
        print(f"unknown format {', '.join(unknown)} (one of {', '.join(FORMATS)})", file=sys.stderr)
        return 2
    records = write(args.out, args.n, formats, seed=args.seed, contradictory=args.contradictory,
                    progress=sys.stderr.isatty())
    broken = sum(1 for r in records if r["expected_failures"])
    print(f"wrote {len(records)} reports × {len(formats)} formats to {args.out} "
          f"({broken} contradict themselves; what was printed: {args.out}/truth.json)", file=sys.stderr)
    return 0


def build_parser() -> argparse.ArgumentParser:
    p = argparse.ArgumentParser(prog="python -m assistant", description=__doc__)
    p.add_argument("--index", help="folder of the store and indexes (default: $XXGK_INDEX_DIR or ./index)")
    sub = p.add_subparsers(dest="command", required=True)
    s = sub.add_parser("ingest", help="ingest report files or folders")
    s.add_argument("paths", nargs="+")
    s.add_argument("--json", action="store_true", help="one JSON object per file")
    s.add_argument("--no-index", action="store_true", help="do not update the search index afterwards")
    s.add_argument("--ray", nargs="?", const="", metavar="ADDRESS",
                   help="parse on Ray: a local Ray on this machine, or the cluster at ADDRESS (ray://host:10001, "
                        "which needs XXGK_DATABASE_URL)")
    s.set_defaults(func=cmd_ingest)
    s = sub.add_parser("ask", help="answer a question in Chinese: figures with sources, passages, comparisons")
    s.add_argument("question")
    s.add_argument("--json", action="store_true")
    s.set_defaults(func=cmd_ask)
    s = sub.add_parser("index", help="bring the search index up to date with the store")
    s.add_argument("--json", action="store_true")
    s.set_defaults(func=cmd_index)
    s = sub.add_parser("search", help="the passages that best answer a question, with their source")
    s.add_argument("query")
    s.add_argument("--k", type=_count(1, 100), default=5, help="how many passages, 1–100 (default 5)")
    s.add_argument("--year", help="only this year's reports")
    s.add_argument("--agency", help="only this agency (full or short name)")
    s.add_argument("--region", help="only agencies in this province, city or county")
    s.add_argument("--section", help="only this section: s1…s6, s1.2, preamble")
    s.add_argument("--mode", choices=["hybrid", "lexical", "dense"], default="hybrid")
    s.add_argument("--json", action="store_true")
    s.set_defaults(func=cmd_search)
    s = sub.add_parser("list", help="the reports in the store")
    s.add_argument("--json", action="store_true")
    s.set_defaults(func=cmd_list)
    s = sub.add_parser("show", help="a report's three tables, failed checks marked")
    s.add_argument("agency", help="full or short name, e.g. 洪泽区 or 曲江区总工会")
    s.add_argument("year")
    s.add_argument("--json", action="store_true")
    s.set_defaults(func=cmd_show)
    s = sub.add_parser("export", help="every report (json) or every figure (csv)")
    s.add_argument("--format", choices=["json", "csv"], default="json")
    s.add_argument("--output", "-o", help="write to this file instead of stdout")
    s.set_defaults(func=cmd_export)
    s = sub.add_parser("remove", help="take a report and everything derived from it out of the store")
    s.add_argument("report_id")
    s.set_defaults(func=cmd_remove)
    s = sub.add_parser("replaced", help="reports replaced by another file for the same agency and year (kept)")
    s.add_argument("--json", action="store_true")
    s.set_defaults(func=cmd_replaced)
    s = sub.add_parser("restore", help="put a replaced report back (the one replacing it is kept in turn)")
    s.add_argument("report_id")
    s.set_defaults(func=cmd_restore)
    s = sub.add_parser("generate", help="write generated reports with known figures (tests, benchmarks)")
    s.add_argument("out", help="folder to write <format>/<file> and truth.json into")
    s.add_argument("--n", type=_count(1, 1_000_000), default=100, help="number of reports (default 100)")
    s.add_argument("--formats", default="txt,html,docx,pdf", help="comma-separated (default: all four)")
    s.add_argument("--seed", type=int, default=0)
    s.add_argument("--contradictory", type=float, default=0.15,
                   help="share of reports that contradict themselves (default 0.15)")
    s.set_defaults(func=cmd_generate, store=False)
    return p


def main(argv: list[str] | None = None) -> int:
    args = build_parser().parse_args(argv)
    if getattr(args, "store", True) is False:
        return args.func(args)
    try:
        with api.open_store(args.index) as store:
            return args.func(args, store)
    except USER_ERRORS as e:
        print(str(e).strip("'\""), file=sys.stderr)
        return 1
