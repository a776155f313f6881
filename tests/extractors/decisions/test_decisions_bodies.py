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


def test_governing_body_approving_is_a_decision(decisions_of: Run) -> None:
    found = _kinds(decisions_of, "3. Subject to the corrections received, the Governing "
                                 "Body approved the report on its 40th Session.\n")
    assert found == ["decision"]


def test_supervisory_body_adopting_is_a_decision(decisions_of: Run) -> None:
    found = _kinds(decisions_of, "3. The Supervisory Body adopted the revised tariff "
                                 "schedule without a vote.\n")
    assert found == ["decision"]


LETTERED = ("3. Review of the water quality programme\n\n"
            "The Committee, having examined the note of the Secretariat:\n\n")


def test_lettered_paragraph_decided_to_is_a_decision(decisions_of: Run) -> None:
    found = _kinds(decisions_of, LETTERED + "(a) decided, in the light of the survey "
                   "results, to extend the sampling programme to the northern lakes and to "
                   "stop the quarterly bulletins after the current issue;\n")
    assert found == ["decision"]


def test_lettered_paragraph_b_decided_to_is_a_decision(decisions_of: Run) -> None:
    found = _kinds(decisions_of, LETTERED + "(a) took note of the note;\n\n"
                   "(b) decided to hold the next review in spring and to invite the "
                   "riparian municipalities;\n")
    assert "decision" in found and "action" not in found


def test_person_reporting_a_next_step_is_an_action(decisions_of: Run) -> None:
    found = _kinds(decisions_of, " 2. Report of the Chair  \n\nH.E. Ambassador Petra "
                                 "Lindgren, Permanent Representative of Kenya in Ostervik, "
                                 "reported that the covering note would be prepared once the "
                                 "draft report had been finalized.\n")
    assert found == ["action"]


def test_delegate_reporting_a_circulation_is_an_action(decisions_of: Run) -> None:
    found = _kinds(decisions_of, " 2. Report of the Rapporteur  \n\nH.E. Mr. Omar Haddad, "
                                 "Permanent Representative of Chile in Ostervik, stated that "
                                 "the revised text would be circulated to all members.\n")
    assert found == ["action"]
