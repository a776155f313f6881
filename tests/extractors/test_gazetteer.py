"""Gazetteer: canonical names, codes and aliases from the data files."""

from __future__ import annotations

from extractors.gazetteer import gazetteer, normalize_key


def test_resolve_aliases_and_canonical_names() -> None:
    gaz = gazetteer()
    assert gaz.resolve("the UK").code == "GBR"
    assert gaz.resolve("Laos").name == "Lao PDR"
    assert gaz.resolve("Bosnia & Herzegovina").name == "Bosnia and Herzegovina"
    assert gaz.resolve("The Netherlands").name == "Netherlands"
    assert gaz.resolve("Czech Republic").code == "CZE"
    assert gaz.resolve("Holy See").code == "VAT"
    assert gaz.resolve("Secretariat ISU-CCM").kind == "secretariat"
    assert gaz.resolve("the ISU of the APMBT").code == "ISU-APMBC"
    assert gaz.resolve("UN ODA").code == "UNODA"
    assert gaz.resolve("Federal Republic of Germany").code == "DEU"
    assert gaz.resolve("Nowhere Land") is None


def test_by_code_and_patterns() -> None:
    gaz = gazetteer()
    assert gaz.by_code["CMC"].kind == "organization"
    assert gaz.by_code["VAT"].name == "Holy See"
    pats = [p for p in gaz.patterns() if p["id"] == "GBR"]
    assert any(p["pattern"] == "United Kingdom" for p in pats)
    assert all(p["label"] == "state" for p in pats)


def test_normalize_key() -> None:
    assert normalize_key("The  Côte d’Ivoire") == "cote d'ivoire"
    assert normalize_key("Bosnia & Herzegovina") == "bosnia and herzegovina"
