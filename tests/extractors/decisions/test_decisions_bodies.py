"""What a deciding body does to persons and other bodies: electing a person the minutes
also list as taking part, authorizing a bureau (fictional minutes)."""

from __future__ import annotations

from collections.abc import Callable

from models.records import Decision

Run = Callable[[str], list[Decision]]

HEAD = ("Report of the Preparatory Committee of the Lakeland Water Compact\n\n"
        " 1. Opening of the session  \n\nThe Committee met on June 3 2021 at 10.00 hrs. It was "
        "addressed by H.E. Mr. Arvid Solberg, Minister of Water of Norland.\n\n")


def _kinds(decisions_of: Run, body: str) -> list[str]:
    return [r.kind for r in decisions_of(HEAD + body)]


def test_person_elected_by_acclamation_is_a_decision(decisions_of: Run) -> None:
    found = _kinds(decisions_of, " 2. Election of the Chair  \n\nH.E. Ambassador Petra "
                                 "Lindgren, Permanent Representative of Kenya in Ostervik, was "
                                 "elected Chairperson by acclamation.\n")
    assert found == ["decision"]


def test_delegate_elected_rapporteur_is_a_decision(decisions_of: Run) -> None:
    found = _kinds(decisions_of, " 2. Election of the Rapporteur  \n\nH.E. Mr. Omar Haddad, "
                                 "Permanent Representative of Chile in Ostervik, was elected "
                                 "Rapporteur by acclamation.\n")
    assert found == ["decision"]


def test_body_authorizing_its_bureau_is_a_decision(decisions_of: Run) -> None:
    found = _kinds(decisions_of, "3. The Committee authorized the Bureau to settle "
                                 "practical matters before the Conference opens.\n")
    assert found == ["decision"]


def test_council_empowering_its_secretariat_is_a_decision(decisions_of: Run) -> None:
    found = _kinds(decisions_of, "3. The Council authorised the Secretariat to sign the "
                                 "lease for the new offices.\n")
    assert found == ["decision"]


def test_someone_authorised_by_others_is_no_decision(decisions_of: Run) -> None:
    found = _kinds(decisions_of, "3. The repairs cost more, because only the regional "
                                 "water agency was authorised to carry them out.\n")
    assert "decision" not in found
