"""``minutes people [NAME]``: who attended and spoke, across meetings.

Without NAME, every person of the ``people`` table; with NAME (part of a name, any spelling,
accents and case ignored, or a ``person_id``), each matching person's attendance (meeting, date,
delegation, role) and turns per meeting. ``--rebuild`` derives ``people``, ``person_links`` and
``delegations`` again from the tables (``pipeline.registry``), applying ``people_aliases.tsv``;
no document is extracted again.
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path
from typing import Any

from pipeline.analyst.query import TablesNotFoundError, _plain, connect, print_table

EXIT_OK, EXIT_ERROR, EXIT_USAGE = 0, 1, 2

_MATCH = """strip_accents(lower(p.display_name)) LIKE '%' || strip_accents(lower($name)) || '%'
    OR list_has_any(list_transform(p.variants, lambda v: strip_accents(lower(v)) LIKE
                                   '%' || strip_accents(lower($name)) || '%'), [true])
    OR p.person_id = $name"""

ATTENDANCE = """
SELECT m.meeting_date, m.meeting_type, m.sequence, a.delegation, a.role, a.status,
       (SELECT count(*) FROM interventions i WHERE i.doc_id = a.doc_id
        AND i.person_id = a.person_id) AS turns, a.doc_id
FROM attendees a JOIN meetings m USING (doc_id)
WHERE a.person_id = $pid ORDER BY m.meeting_date NULLS LAST, a.doc_id"""

SPOKEN_UNLISTED = """
SELECT m.meeting_date, m.meeting_type, m.sequence, i.speaker, count(*) AS turns, i.doc_id
FROM interventions i JOIN meetings m USING (doc_id)
WHERE i.person_id = $pid AND i.doc_id NOT IN (SELECT doc_id FROM attendees
                                                WHERE person_id = $pid)
GROUP BY ALL ORDER BY 1 NULLS LAST"""

LIST = """
SELECT p.display_name, p.person_id, array_to_string(p.delegation_codes, ', ') AS delegations,
       p.meetings, p.turns, p.first_meeting, p.last_meeting
FROM people p ORDER BY p.display_name"""


def add_arguments(parser: argparse.ArgumentParser) -> None:
    """Register the arguments of ``minutes people``."""
    parser.add_argument("name", nargs="?", help="part of a name (any spelling) or a person_id")
    from pipeline.analyst.query import TABLES_ENV, default_tables

    parser.add_argument("--tables", "--out", dest="out", metavar="DIR", default=default_tables(),
                        help=f"folder holding the tables (default ${TABLES_ENV} or "
                             f"data/processed; --out is an alias)")
    parser.add_argument("--rebuild", action="store_true",
                        help="derive people, person_links and delegations again from the "
                             "tables (applies people_aliases.tsv) before printing")
    parser.add_argument("--json", action="store_true", help="machine-readable output")


def rebuild_tables(out: str | Path) -> int:
    """``--rebuild``: derive the tables under the store's lock; print what was found."""
    from pipeline.batch.store import ParquetStore, StoreLockedError
    from pipeline.registry.aliases import AliasFileError
    from pipeline.registry.rebuild import rebuild

    try:
        with ParquetStore(out):
            summary = rebuild(out)
    except StoreLockedError as exc:
        print(f"minutes people: {exc}", file=sys.stderr)
        return EXIT_ERROR
    except AliasFileError as exc:
        print(f"minutes people: {exc}", file=sys.stderr)
        return EXIT_USAGE
    print(f"rebuilt {out}: {summary.people} people from {summary.name_variants} names, "
          f"{summary.links} linked rows, {summary.delegations} delegations", file=sys.stderr)
    for warning in summary.warnings:
        print(f"  warning: {warning}", file=sys.stderr)
    return EXIT_OK


def run(args: argparse.Namespace) -> int:
    """Run ``minutes people``."""
    if not Path(args.out).is_dir():
        print(f"minutes people: no tables at {args.out}", file=sys.stderr)
        return EXIT_USAGE
    if args.rebuild:
        code = rebuild_tables(args.out)
        if code != EXIT_OK:
            return code
    try:
        con = connect(args.out)
    except TablesNotFoundError as exc:
        print(f"minutes people: {exc}", file=sys.stderr)
        return EXIT_USAGE
    if not (Path(args.out) / "people").is_dir():
        print("minutes people: no people table yet; run `minutes people --rebuild` (or ingest)",
              file=sys.stderr)
        return EXIT_USAGE
    if not args.name:
        return _show(con.sql(LIST), args.json)
    people = con.execute(f"SELECT p.* FROM people p WHERE {_MATCH} ORDER BY p.display_name",
                         {"name": args.name})
    columns = [d[0] for d in people.description]
    found = [dict(zip(columns, row, strict=True)) for row in people.fetchall()]
    if not found:
        print(f"minutes people: nobody named {args.name!r}", file=sys.stderr)
        return EXIT_ERROR
    report = []
    for person in found:
        att_cols, att_types, att_rows = _fetch(con, ATTENDANCE, person["person_id"])
        spoke_cols, spoke_types, spoke_rows = _fetch(con, SPOKEN_UNLISTED, person["person_id"])
        if args.json:
            report.append({**{k: _plain(v) for k, v in person.items()},
                           "attendance": [dict(zip(att_cols, map(_plain, r), strict=True))
                                          for r in att_rows],
                           "turns_outside_attendance": [
                               dict(zip(spoke_cols, map(_plain, r), strict=True))
                               for r in spoke_rows]})
            continue
        print(f"{person['display_name']} ({person['person_id']}): "
              f"{person['delegation_history'] or 'no delegation'}")
        if len(person["variants"]) > 1:
            print("  also written: " + ", ".join(v for v in person["variants"]
                                                 if v != person["display_name"]))
        if person["merge_reason"]:
            print("  merged: " + person["merge_reason"])
        print_table(att_cols, att_types, att_rows)
        if spoke_rows:
            print("  turns in meetings whose attendance does not list them:")
            print_table(spoke_cols, spoke_types, spoke_rows)
    if args.json:
        print(json.dumps(report, indent=1, ensure_ascii=False))
    return EXIT_OK


def _fetch(con: Any, sql: str, pid: str) -> tuple[list[str], list[str], list[tuple[Any, ...]]]:
    """Columns, types and rows of one person's query."""
    cursor = con.execute(sql, {"pid": pid})
    columns = [d[0] for d in cursor.description]
    types = [str(d[1]) for d in cursor.description]
    return columns, types, cursor.fetchall()


def _show(relation, as_json: bool) -> int:
    columns, types, rows = list(relation.columns), [str(t) for t in relation.types], \
        relation.fetchall()
    if as_json:
        print(json.dumps([{c: _plain(v) for c, v in zip(columns, r, strict=True)}
                          for r in rows], indent=1, ensure_ascii=False))
    else:
        print_table(columns, types, rows)
    return EXIT_OK
