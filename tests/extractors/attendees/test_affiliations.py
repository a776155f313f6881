"""Codes of organizations derived from what the document writes, and aliases of persons."""

from __future__ import annotations

from extractors.attendees import extract_attendees
from extractors.attendees.affiliations import (
    body_delegation,
    capitals,
    known_by_content,
    name_code,
)


def test_codes_from_the_name_as_written() -> None:
    assert name_code("Coastal Pilots Guild (CPG)") == "CPG"
    assert name_code("Dockside Traders [DTA]") == "DTA"
    assert name_code("Office for River Data") == "ORD"
    assert name_code("NHS Wales") == "NHSW"
    assert name_code("Tidewaters") == "TIDEWATERS"
    assert name_code("KLM") == "KLM"
    assert capitals("BirdWatch International") == "BWI"
    assert capitals("ABC DEF") == "ABC-DEF"


def test_a_code_the_document_defines_elsewhere(context) -> None:
    ctx = context("The Northern Ferry Lines (NFL) report.\n\nPresent:\n\n"
                     "Ana Roe, Northern Ferry Lines\n\nBo Lee, Northern Ferry Lines\n")
    assert name_code("Northern Ferry Lines", ctx) == "NFL"


def test_body_from_the_title(context) -> None:
    body = body_delegation(context("Minutes of the Glenmore Parish Council meeting held "
                                      "on 2 May 2020\n\nText.\n"))
    assert body is not None and body.code == "GPC"
    assert body_delegation(context("Notes\n\nThe weather was fine.\n")) is None


def test_aliases_map_initials_to_attendees(context) -> None:
    ctx = context("Attendance\n\n- Petra Lindqvist (PL), Ferry Lines (FL)\n"
                     "- Paul Lund (PL), Ferry Lines (FL)\n- Tomas Okafor (TO), Pilots Guild (PG)\n")
    extract_attendees(ctx)
    assert set(ctx.attendee_aliases) == {"TO"}  # PL stands for two persons
    assert ctx.attendee_aliases["TO"].person == "Tomas Okafor"


def test_no_body_code_where_members_sit_for_their_state(context) -> None:
    council = ("Summary Record of the Fourth Meeting of the Inland Waters Council\n\n"
               "Chairman: Mr. ROE\n\n")
    assert body_delegation(context(council + "The CHAIRMAN opened the meeting.\n")).code == "IWC"
    record = context(council + "Mr. DALE (Ireland) said the text was clear.\n\n"
                     "Mr. OKAFOR (Nigeria) agreed.\n")
    assert body_delegation(record) is None
    one_state = context(council + "Mr. DALE (Ireland) said the text was clear.\n")
    assert body_delegation(one_state) is not None  # one State in brackets is not a pattern


def test_a_long_name_whose_link_words_differ_is_the_known_organization() -> None:
    assert known_by_content("Food and Agriculture Organization for the United Nations").code \
        == "FAO"
    assert known_by_content("International Fund of Agricultural Development").code == "IFAD"
    assert known_by_content("Fund for Agricultural Development") is None  # too short to tell
    assert known_by_content("Pacific Fund for Coral Reef Restoration") is None


LISTED_OBSERVERS = """Minutes of the Fjordland Fisheries Council

Observers were present from the following organizations:

World Meteorological Organisation
Fjordland Anglers Club
International Union for the Conservation of Nature and Natural Resources

1. Opening
"""


def test_observer_organizations_get_their_usual_acronym(attendees) -> None:
    codes = [a.delegation_code for a in attendees(LISTED_OBSERVERS)]
    assert codes == ["WMO", "FAC", "IUCN"]
