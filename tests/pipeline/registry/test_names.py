"""Names folded to comparable keys, and shorter writings of a name."""

from __future__ import annotations

import pytest

from pipeline.registry.names import containment, parse_name


@pytest.mark.parametrize(("a", "b"), [
    ("Hélène Dufresne", "HELENE DUFRESNE"),
    ("H.E. Ambassador Pieter van den Berghe", "Pieter Van Den Berghe"),
    ("Ferreira Duarte, Ana Lucía", "Ana Lucía Ferreira Duarte"),
    ("Mr. Kofi Asante-Mensah", "Kofi Asante Mensah"),
])
def test_same_key(a: str, b: str) -> None:
    assert parse_name(a).key == parse_name(b).key  # type: ignore[union-attr]


@pytest.mark.parametrize(("short", "long"), [
    ("Tomas Ekdahl", "Tomas R. Ekdahl"),
    ("T. Ekdahl", "Tomas Ragnar Ekdahl"),
    ("Lucía Ferreira", "Ana Lucía Ferreira Duarte"),
    ("Mr. van den Berghe", "Pieter Van Den Berghe"),
])
def test_shorter_writings(short: str, long: str) -> None:
    assert containment(parse_name(short), parse_name(long))  # type: ignore[arg-type]


@pytest.mark.parametrize(("short", "long"), [
    ("Ingrid Halvorsen", "Erik Halvorsen"),
    ("E. Halvorsen", "Ingrid Halvorsen"),
    ("H. Dufresne-Laval", "Hélène Dufresne"),
    ("A. B. Quiroga", "Ana Carla Quiroga"),
])
def test_different_names(short: str, long: str) -> None:
    assert containment(parse_name(short), parse_name(long)) is None  # type: ignore[arg-type]
