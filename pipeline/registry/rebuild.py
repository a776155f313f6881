"""Rebuild ``people``, ``person_links`` and ``delegations`` from the tables of a folder.

Reads attendees, turns and decisions of every meeting once (copies of a meeting left out, see
``meetings.duplicate_of``), links names within each meeting (``mentions``), clusters the name
variants across meetings (``match``), applies ``people_aliases.tsv`` (``aliases``) and writes
the three tables as one commit (``commit``). Work grows linearly with the rows read.
"""

from __future__ import annotations

import datetime as dt
from collections import Counter, defaultdict
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import pyarrow.parquet as pq

from models.records import Person, PersonLink
from pipeline.batch.table_files import document_files
from pipeline.registry.aliases import AliasFileError, apply_aliases, read_aliases
from pipeline.registry.commit import write
from pipeline.registry.delegations import delegation_entries
from pipeline.registry.match import Unit, assign_ids, folded_spellings
from pipeline.registry.mentions import Meeting, Named, listed
from pipeline.registry.names import containment, parse_name
from pipeline.registry.paths import is_stale


@dataclass
class RebuildSummary:
    """What a rebuild found."""

    people: int = 0
    name_variants: int = 0
    links: int = 0
    delegations: int = 0
    warnings: list[str] = field(default_factory=list)
    rebuilt: bool = True


@dataclass
class _Draft:
    """A row naming a person, before the person has an id."""

    doc_id: str
    table: str
    row: int
    named: Named


# -- reading -------------------------------------------------------------------------------

_COLUMNS = {
    "meetings": ["doc_id", "meeting_date", "duplicate_of", "presidency_code"],
    "attendees": ["doc_id", "person", "delegation", "delegation_code", "delegation_kind",
                  "role"],
    "interventions": ["doc_id", "seq", "speaker", "speaker_code", "speaker_role", "text"],
    "decisions": ["doc_id", "seq", "kind", "actor_code", "text"],
}
"""The columns a rebuild reads, by table."""

Rows = dict[str, list[tuple[int, dict[str, Any]]]]


def _rows(out: Path, table: str) -> Rows:
    """doc_id -> (row within its file, row) for every row of ``table``, each file read once."""
    grouped: Rows = defaultdict(list)
    for path in document_files(out / table):  # not the zero-row schema file
        parquet = pq.ParquetFile(path)
        names = set(parquet.schema_arrow.names)
        arrow = parquet.read(columns=[c for c in _COLUMNS[table] if c in names])
        for i, row in enumerate(arrow.to_pylist()):
            grouped[row["doc_id"]].append((i, row))
    return grouped


def _load(out: Path) -> dict[str, Rows]:
    """The rows a rebuild reads, by table and document."""
    return {table: _rows(out, table) for table in _COLUMNS}


# -- deriving ------------------------------------------------------------------------------

def _drafts(tables: dict[str, Rows], dates: dict[str, dt.date | None]) -> list[_Draft]:
    """Every row of a kept meeting that names a person."""
    attendees, turns = tables["attendees"], tables["interventions"]
    actions = tables["decisions"]
    drafts: list[_Draft] = []
    for doc_id in sorted(dates):
        people = listed(attendees.get(doc_id, []))
        for att in people:
            drafts.append(_Draft(doc_id, "attendees", att.row,
                                 Named(att.name.written, att.name, att.code, "listed", att)))
        meeting = Meeting(people)
        for _, turn in sorted(turns.get(doc_id, []), key=lambda r: r[1]["seq"]):
            named = meeting.speaker(turn["text"] or "", turn["speaker_code"],
                                    turn["speaker_role"])
            if named is not None:
                drafts.append(_Draft(doc_id, "interventions", turn["seq"], named))
        for _, action in actions.get(doc_id, []):
            if action.get("kind") != "action":  # a decision of the meeting has no one actor
                continue
            named = meeting.actor(action["text"] or "", action["actor_code"])
            if named is not None:
                drafts.append(_Draft(doc_id, "decisions", action["seq"], named))
    return drafts


def _units(drafts: list[_Draft], dates: dict[str, dt.date | None]) -> dict[tuple[str, str], Unit]:
    units: dict[tuple[str, str], Unit] = {}
    for draft in drafts:
        name = draft.named.name
        if name is None:
            continue
        ident = (name.key, draft.named.code or "")
        unit = units.setdefault(ident, Unit(name, draft.named.code))
        unit.docs.add(draft.doc_id)
        if dates.get(draft.doc_id):
            unit.dates.add(dates[draft.doc_id])  # type: ignore[arg-type]
        if draft.table == "attendees" or draft.named.attendee is None:
            unit.written[name.written] += 1
        if draft.named.as_written and draft.named.as_written != name.written:
            unit.mentioned[draft.named.as_written] += 1
    return units


def _display(units: list[Unit], root: Unit) -> str:
    """The most complete spelling: a turn's fuller writing of the listed name ("Ms. Ana
    Ruiz" for "Ruiz") first, then accents kept, not all capitals, the most frequent."""
    written: Counter[str] = Counter()
    for unit in units:
        if unit.name.key == root.name.key:
            written.update(unit.written)
        for spelling, n in unit.mentioned.items():
            fuller = parse_name(spelling)
            if fuller and len(fuller.full) > len(root.name.full) \
                    and containment(root.name, fuller):
                written[spelling] += n

    def rank(w: str) -> tuple[int, bool, int, int, str]:
        name = parse_name(w)
        return (-len(name.full) if name else 0, w.isupper(), -sum(ord(c) > 127 for c in w),
                -written[w], w)

    return min(written, key=rank)


def _history(units: list[Unit]) -> tuple[list[str], str]:
    spans: dict[str, list[dt.date]] = defaultdict(list)
    for unit in units:
        if unit.code:
            spans[unit.code].extend(unit.dates)
    order = sorted(spans, key=lambda c: (min(spans[c], default=dt.date.max), c))
    parts = []
    for code in order:
        if spans[code]:
            parts.append(f"{code} {min(spans[code]).isoformat()}..{max(spans[code]).isoformat()}")
        else:
            parts.append(code)
    return order, "; ".join(parts)


def derive(out: str | Path) -> tuple[dict[str, list[Any]], RebuildSummary]:
    """The rows of the derived tables, from the tables under ``out`` (nothing written)."""
    out = Path(out)
    summary = RebuildSummary()
    tables = _load(out)
    meetings = [row for rows in tables["meetings"].values() for _, row in rows]
    dates = {m["doc_id"]: m["meeting_date"] for m in meetings if not m.get("duplicate_of")}
    drafts = _drafts(tables, dates)
    units = _units(drafts, dates)
    clusters, notes, display = apply_aliases(read_aliases(out), units, summary.warnings)
    ids = assign_ids(clusters)
    unit_root = {u.ident: ids[clusters.find(i)] for i, u in enumerate(clusters.units)}
    listed_docs: dict[str, set[str]] = defaultdict(set)
    turns: Counter[str] = Counter()
    links: list[PersonLink] = []
    for d in drafts:
        name = d.named.name
        pid = unit_root.get((name.key, d.named.code or "")) if name else None
        links.append(PersonLink(doc_id=d.doc_id, source_table=d.table, row=d.row,
                                name=d.named.written, person_id=pid,
                                delegation_code=d.named.code, method=d.named.method))
        if pid and d.table == "attendees":
            listed_docs[pid].add(d.doc_id)
        elif pid and d.table == "interventions":
            turns[pid] += 1
    people: list[Person] = []
    for members in clusters.groups():
        root = members[0]
        member_units = [clusters.units[i] for i in members]
        pid = ids[root]
        codes, history = _history(member_units)
        all_dates = [d for u in member_units for d in u.dates]
        reasons = [r for u in member_units for r in folded_spellings(u)]
        reasons += [clusters.reason[i] for i in members if i in clusters.reason]
        reasons += [notes[i] for i in members if i in notes]
        variants = sorted({w for u in member_units for w in [*u.written, *u.mentioned]})
        people.append(Person(
            person_id=pid, name_key=clusters.units[root].name.key,
            display_name=display.get(root) or _display(member_units, clusters.units[root]),
            variants=variants, delegation_codes=codes, delegation_history=history,
            first_meeting=min(all_dates, default=None), last_meeting=max(all_dates, default=None),
            meetings=len(listed_docs[pid]), turns=turns[pid],
            merge_reason=" | ".join(reasons) or None))
    people.sort(key=lambda p: (p.display_name.casefold(), p.person_id))
    links.sort(key=lambda link: (link.doc_id, link.source_table, link.row))
    delegations = _delegations(tables, links)
    summary.people, summary.links, summary.delegations = len(people), len(links), len(delegations)
    summary.name_variants = len(units)
    return {"people": people, "person_links": links, "delegations": delegations}, summary


def _delegations(tables: dict[str, Rows], links: list[PersonLink]) -> list[Any]:
    """Every code of every code column (copies of a meeting included: the files hold them)."""
    from pipeline.registry.delegations import CODE_COLUMNS

    uses: Counter[str] = Counter()
    names: dict[str, Counter[str]] = defaultdict(Counter)
    kinds: dict[str, Counter[str]] = defaultdict(Counter)
    for table, columns in CODE_COLUMNS.items():
        if table == "person_links":
            uses.update(link.delegation_code for link in links if link.delegation_code)
            continue
        rows = (row for doc_rows in tables[table].values() for _, row in doc_rows)
        for row in rows:
            code = row.get(columns[0])
            if not code:
                continue
            uses[code] += 1
            if table == "attendees":
                names[code][row["delegation"]] += 1
                if row.get("delegation_kind"):
                    kinds[code][row["delegation_kind"]] += 1
            elif table == "interventions" and not row.get("speaker_role") and row.get("speaker"):
                names[code][row["speaker"]] += 1
    return delegation_entries(uses, names, kinds)


def rebuild(out: str | Path) -> RebuildSummary:
    """Derive and write ``people``, ``person_links`` and ``delegations`` under ``out``.

    The caller holds the store's lock (the ingest flow, or ``minutes people --rebuild``)."""
    tables, summary = derive(out)
    write(out, tables)
    return summary


def rebuild_after_batch(out: str | Path) -> RebuildSummary:
    """``rebuild``, where a bad alias file is a warning, not an error: the document tables are
    already committed, and ``people`` stays as it was until the file is fixed."""
    try:
        return rebuild(out)
    except AliasFileError as exc:
        return RebuildSummary(rebuilt=False, warnings=[f"people not rebuilt: {exc}"])


def rebuild_if_stale(out: str | Path) -> RebuildSummary | None:
    """Rebuild under the store's lock when ``paths.is_stale``; None when nothing needed doing
    (a run holding the lock will rebuild when it finishes)."""
    from pipeline.batch.store import ParquetStore, StoreLockedError

    if not is_stale(out):
        return None
    try:
        with ParquetStore(out):
            return rebuild_after_batch(out)
    except StoreLockedError:
        return None
