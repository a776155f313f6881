"""``delegations``: every code of every code column joins to a name."""

from __future__ import annotations

from pathlib import Path

from models.records import Attendee, Extraction, Meeting
from pipeline.analyst.query import connect
from pipeline.batch.store import ParquetStore
from pipeline.registry.delegations import CODE_COLUMNS
from pipeline.registry.rebuild import rebuild


def unjoined(out: Path) -> dict[str, list[str]]:
    """Codes of each code column that have no row in ``delegations``."""
    con = connect(out)
    missing = {}
    for table, columns in CODE_COLUMNS.items():
        for column in columns:
            rows = con.sql(f"SELECT DISTINCT {column} FROM {table} WHERE {column} IS NOT NULL "
                           f"AND {column} NOT IN (SELECT code FROM delegations)").fetchall()
            if rows:
                missing[f"{table}.{column}"] = [r[0] for r in rows]
    return missing


def test_every_code_column_joins_to_delegations(tables: Path) -> None:
    doc = "d" * 16
    with ParquetStore(tables) as store:  # a body the gazetteer does not know
        store.write_document(Extraction(
            meeting=Meeting(doc_id=doc, source_path="/m/d.txt", source_format="txt"),
            attendees=[Attendee(doc_id=doc, delegation="Harbour Trust", delegation_code="HTR",
                                delegation_kind="organization", person="Iris Penhale")]))
    rebuild(tables)
    assert unjoined(tables) == {}
    con = connect(tables)
    rows = {r[0]: r[1:] for r in con.sql(
        "SELECT code, name, kind, iso_alpha2, iso_alpha3, un_region, un_group FROM delegations"
    ).fetchall()}
    assert rows["NOR"] == ("Norway", "state", "NO", "NOR", "Europe", "WEOG")
    assert rows["NGA"] == ("Nigeria", "state", "NG", "NGA", "Africa", "African")
    assert rows["URY"][-1] == "GRULAC"
    assert rows["HTR"] == ("Harbour Trust", "organization", None, None, None, None)


def test_every_un_member_has_a_group() -> None:
    from pipeline.registry.delegations import un_regions

    groups = [g for _, _, g in un_regions().values() if g]
    assert len(groups) == 193
    assert {g for g in groups} == {"African", "Asia-Pacific", "Eastern European", "GRULAC",
                                   "WEOG"}
