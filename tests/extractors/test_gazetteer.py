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


def test_international_organizations_have_their_usual_acronym() -> None:
    gaz = gazetteer()
    assert gaz.resolve("World Meteorological Organisation").code == "WMO"
    assert gaz.resolve("Doctors Without Borders").code == "MSF"
    assert gaz.resolve("the Inter-American Development Bank").code == "IADB"
    assert gaz.resolve("Organisation of African Unity").code == "OAU"  # an older name
    assert gaz.resolve("UNISDR").code == "UNDRR"  # an older acronym
    assert gaz.resolve("International Labour Office").kind == "organization"


def test_no_name_stands_for_two_delegations_and_states_keep_theirs() -> None:
    gaz = gazetteer()
    owners: dict[str, set[str]] = {}
    for code, surface in gaz.names.items():
        for name in surface:
            owners.setdefault(normalize_key(name), set()).add(code)
    assert not {key: codes for key, codes in owners.items() if len(codes) > 1}
    assert gaz.resolve("Congo").kind == "state"
    assert gaz.resolve("DRC").code == "COD"
    assert gaz.resolve("Chad").kind == "state"
