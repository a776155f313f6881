"""Clustering grows linearly: names are compared within their surname block only."""

from __future__ import annotations

import datetime as dt
import string

import pytest

from pipeline.registry import match
from pipeline.registry.match import Unit, cluster
from pipeline.registry.names import parse_name


def _word(k: int) -> str:
    letters = ""
    k += 26 * 26
    while k:
        k, r = divmod(k, 26)
        letters += string.ascii_lowercase[r]
    return letters.title()


def _units(n: int) -> list[Unit]:
    """``n`` invented people, each written in full and with an initial, in one delegation."""
    units = []
    for k in range(n):
        given, surname = _word(3 * k + 1), _word(3 * k + 2)
        for i, written in enumerate([f"{given} {surname}", f"{given[0]}. {surname}"]):
            unit = Unit(parse_name(written), "NOR")  # type: ignore[arg-type]
            unit.docs.add(f"doc{k}-{i}")
            unit.dates.add(dt.date(2020, 1, 1) + dt.timedelta(days=i))
            unit.written[written] += 1
            units.append(unit)
    return units


def test_comparisons_grow_linearly(monkeypatch: pytest.MonkeyPatch) -> None:
    calls = []
    real = match.containment

    def counting(short, long):
        calls.append(1)
        return real(short, long)

    monkeypatch.setattr(match, "containment", counting)
    counts = {}
    for n in (200, 800):
        calls.clear()
        clusters, _ = cluster(_units(n))
        assert len(clusters.groups()) == n  # each initial joined its full name
        counts[n] = len(calls)
    assert counts[800] <= 4.5 * counts[200]


def _unit(written: str, code: str, doc: str) -> Unit:
    unit = Unit(parse_name(written), code)  # type: ignore[arg-type]
    unit.docs.add(doc)
    unit.written[written] += 1
    return unit


def test_a_short_name_that_fits_two_people_stays_apart() -> None:
    clusters, notes = cluster([_unit("Jon Berg", "NOR", "d1"), _unit("Jan Berg", "NOR", "d2"),
                               _unit("J. Berg", "NOR", "d3"), _unit("Jon Berg", "SWE", "d1")])
    assert len(clusters.groups()) == 4  # the Swede sits in d1 beside the Norwegian
    short = next(i for i, u in enumerate(clusters.units) if u.name.key == "j berg")
    assert notes[short] == "kept apart: could be 'Jan Berg' or 'Jon Berg'"


def test_a_short_name_joins_the_one_person_of_its_delegation() -> None:
    clusters, _ = cluster([_unit("Jon Berg", "NOR", "d1"), _unit("Jan Berg", "DNK", "d2"),
                           _unit("J. Berg", "NOR", "d3")])
    assert len(clusters.groups()) == 2
