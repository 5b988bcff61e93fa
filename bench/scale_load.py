"""Bulk-loading a store of n reports for the query benchmarks (bench/scale.py --reports N).

Parsing a million files to measure a query would take the benchmark ~80 CPU-hours, so the
reports are made from templates instead: T generated text reports are parsed and stored
for real, and report i of the bulk store is template i mod T with its agency, year and
every figure varied by i (the same cells, in the same printed order, with values spread
around the template's). Reports rows and figure rows go in with COPY on PostgreSQL (the
figures table's keys and indexes dropped for the load and built after, as one does for a
bulk load) and with executemany in one transaction on SQLite. Sections and checks are
not loaded: no figure query reads them."""
from __future__ import annotations

import hashlib
import io
import time

YEARS = list(range(2019, 2026))         # seven years, as the national corpus


def templates(store) -> tuple[list[dict], dict[tuple, int], list[list[tuple]]]:
    """(report rows, cell key numbers, each template's figures as (key, ord, value, page))."""
    reports = [dict(r) for r in store.db.execute("SELECT * FROM reports ORDER BY no")]
    keys = {(r[1], r[2], r[3]): r[0] for r in store.db.execute("SELECT no, tbl, row, col FROM cell_keys")}
    figures = []
    for r in reports:
        figures.append([(f[0], f[1], f[2], f[3]) for f in store.db.execute(
            "SELECT key_no, ord, value, page FROM figures WHERE report_no=? ORDER BY ord", (r["no"],))])
    return reports, keys, figures


def _value(v, i: int, key: int):
    if v is None:
        return None
    return int(round(float(v) * (0.5 + ((i * 7919 + key * 104729) % 1001) / 1000)))


def agency_name(agency_no: int, reports: list[dict]) -> str:
    return f"{reports[agency_no % len(reports)]['agency']}{agency_no:07d}"


def report_id(i: int) -> str:
    return hashlib.blake2b(f"r{i}".encode(), digest_size=8).hexdigest()


def _report_row(i: int, t: dict, reports: list[dict]) -> tuple:
    """Report i: agency i // 7 + 1 (its name from its own template), year i mod 7."""
    agency_no = i // len(YEARS) + 1
    name = agency_name(agency_no, reports)
    return (
        report_id(i), hashlib.sha256(f"f{i}".encode()).hexdigest(),
        f"bulk/{i}.txt", None, name, name, t["agency_kind"],
        t["province"], t["city"], t["county"], YEARS[i % len(YEARS)], t["year_basis"], t["published"],
        t["format_version"], t["table_versions"], t["title"], "txt", t["pages"], "[]", "{}", i + 1,
    ), agency_no


REPORT_COLUMNS = ("id, file_hash, source, source_path, agency, agency_printed, agency_kind, province, city, county, "
                  "year, year_basis, published, format_version, table_versions, title, file_type, pages, warnings, "
                  "units, no")


def _tsv(v) -> str:
    if v is None:
        return "\\N"
    return str(v).replace("\\", "\\\\").replace("\t", "\\t").replace("\n", "\\n")


def load(store, n: int, template_store, progress=print) -> dict[str, float]:
    """Fill an empty `store` with n reports made from `template_store`'s; returns the
    seconds each phase took."""
    from assistant.store import FIGURES_INDEXES, PgStore
    reports, keys, figures = templates(template_store)
    pg = isinstance(store, PgStore)
    times: dict[str, float] = {}
    t0 = time.perf_counter()
    db = store.db
    db.execute("DELETE FROM cell_keys")
    db.executemany("INSERT INTO cell_keys(no, tbl, row, col) VALUES(?,?,?,?)", [(no, *a) for a, no in keys.items()])
    agencies = {}
    step = 20_000
    if pg:
        conn = db.conn
        conn.execute("ALTER TABLE figures DROP CONSTRAINT figures_pkey")
        conn.execute("ALTER TABLE figures DROP CONSTRAINT figures_report_no_fkey")
        conn.execute("ALTER TABLE figures DROP CONSTRAINT figures_key_no_fkey")
        for statement in FIGURES_INDEXES:
            conn.execute("DROP INDEX " + statement.split()[5])
        rows = 0
        for start in range(0, n, step):
            rbuf, fbuf = io.StringIO(), io.StringIO()
            for i in range(start, min(n, start + step)):
                t = i % len(reports)
                row, agency_no = _report_row(i, reports[t], reports)
                agencies.setdefault(agency_no, row[4])
                rbuf.write("\t".join(map(_tsv, row)) + "\n")
                year = row[10]
                fbuf.write("".join(f"{i + 1}\t{k}\t{year}\t{agency_no}\t{o}\t{_tsv(v2)}\t{_tsv(v2)}\t{_tsv(p)}\t\\N\n"
                                   for k, o, v, p in figures[t] for v2 in (_value(v, i, k),)))
                rows += len(figures[t])
            with conn.cursor() as cur:
                with cur.copy(f"COPY reports({REPORT_COLUMNS}) FROM STDIN") as copy:
                    copy.write(rbuf.getvalue())
                with cur.copy("COPY figures(report_no, key_no, year, agency_no, ord, value, raw, page, position) "
                              "FROM STDIN") as copy:
                    copy.write(fbuf.getvalue())
            if (start // step) % 10 == 9 or start + step >= n:
                progress(f"  {min(n, start + step):,} reports, {rows:,} figure rows copied "
                         f"({time.perf_counter() - t0:.0f} s)")
        with conn.cursor() as cur:
            with cur.copy("COPY agency_keys(no, agency) FROM STDIN") as copy:
                copy.write("".join(f"{no}\t{_tsv(a)}\n" for no, a in agencies.items()))
        times["copy"] = time.perf_counter() - t0
        t1 = time.perf_counter()
        conn.execute("ALTER TABLE figures ADD PRIMARY KEY (report_no, key_no)")
        for statement in FIGURES_INDEXES:
            conn.execute(statement)
        conn.execute("ALTER TABLE figures ADD FOREIGN KEY (report_no) REFERENCES reports(no) ON DELETE CASCADE")
        conn.execute("ALTER TABLE figures ADD FOREIGN KEY (key_no) REFERENCES cell_keys(no)")
        times["keys and indexes"] = time.perf_counter() - t1
    else:
        with store.transaction() as tx:
            for start in range(0, n, step):
                rrows, frows = [], []
                for i in range(start, min(n, start + step)):
                    t = i % len(reports)
                    row, agency_no = _report_row(i, reports[t], reports)
                    agencies.setdefault(agency_no, row[4])
                    rrows.append(row)
                    frows += [(i + 1, k, row[10], agency_no, o, v2, None if v2 is None else str(v2), p, None)
                              for k, o, v, p in figures[t] for v2 in (_value(v, i, k),)]
                tx.executemany(f"INSERT INTO reports({REPORT_COLUMNS}) VALUES({','.join('?' * 21)})", rrows)
                tx.executemany("INSERT INTO figures VALUES(?,?,?,?,?,?,?,?,?)", frows)
            tx.executemany("INSERT INTO agency_keys(no, agency) VALUES(?,?)", list(agencies.items()))
        times["insert"] = time.perf_counter() - t0
    t1 = time.perf_counter()
    store.optimize()
    if not pg:
        store.db.execute("ANALYZE")
    times["statistics"] = time.perf_counter() - t1
    return times
