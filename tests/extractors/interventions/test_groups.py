"""Groups and chains: representatives, observers, supporters, groups spoken for, office holders."""

from __future__ import annotations

from extractors.extract import extract
from extractors.readers import parse_bytes
from models.records import Intervention


def _turns(body: str) -> list[Intervention]:
    text = "Summary record of the third meeting\n\n1. General debate\n\n" + body
    return extract(parse_bytes(text.encode(), "txt", "x.txt")).interventions


def _who(turns: list[Intervention]) -> list[tuple[str | None, str | None]]:
    return [(t.speaker_code, t.speaker_role) for t in turns]


def test_representative_observer_and_delegate_of() -> None:
    turns = _turns("The representative of Brazil said that the draft was balanced. "
                   "She added that the annex needed work.\n\n"
                   "The observer for the ICRC noted that the text reflected the law.\n\n"
                   "The delegate of Japan asked when the text would be ready.\n")
    assert _who(turns) == [("BRA", None), ("ICRC", None), ("JPN", None)]
    assert "annex needed work" in turns[0].text


def test_unnamed_groups_are_not_turns() -> None:
    turns = _turns("Several delegations expressed support for the draft.\n\n"
                   "Some States said that the text was too long.\n\n"
                   "Ghana said that it agreed.\n")
    assert _who(turns) == [("GHA", None)]


def test_supporters_and_groups_spoken_for() -> None:
    turns = _turns("Mexico, supported by Peru and Chile, proposed a new paragraph.\n\n"
                   "Kenya, speaking on behalf of the African Group, welcomed the draft.\n")
    assert _who(turns) == [("MEX", None), ("PER", None), ("CHL", None), ("KEN", None)]
    assert all("supported by Peru" in t.text for t in turns[:3])
    assert turns[3].on_behalf_of == "the African Group"


def test_question_and_reply_are_separate_turns() -> None:
    turns = _turns("The delegate of Japan asked when the text would be ready. "
                   "The Chair replied that it would be ready in May.\n")
    assert _who(turns) == [("JPN", None), (None, "Chair")]
    assert "ready in May" not in turns[0].text


def test_office_holder_written_beside_the_office() -> None:
    turns = _turns("Ilse Varga (Chair, Norway) opened the meeting.\n\n"
                   "Kenya asked about the timetable.\n\n"
                   "The Chair replied that the timetable was fixed.\n")
    assert _who(turns) == [("NOR", "Chair"), ("KEN", None), ("NOR", "Chair")]


def test_co_chairs_named_with_their_delegations_each_get_a_turn() -> None:
    turns = _turns("The meeting was opened by its Co-Chairs, Ilse Varga of Norway and "
                   "Tomas Reyes of Peru, who welcomed the delegations.\n\n"
                   "Ghana said that it agreed.\n")
    assert _who(turns) == [("NOR", "Chair"), ("PER", "Chair"), ("GHA", None)]


def test_delegations_bulleted_under_a_lead_in() -> None:
    turns = _turns("The following delegations made statements:\n\n"
                   "- Kenya\n- Chile, Coordinator on Clearance\n\n"
                   "The Chair thanked the speakers.\n")
    assert _who(turns) == [("KEN", None), ("CHL", None), (None, "Chair")]
    assert all(t.text.startswith("The following delegations made statements") for t in turns[:2])


def test_a_plain_list_after_a_colon_is_not_a_list_of_speakers() -> None:
    turns = _turns("Kenya presented the following documents:\n\n"
                   "- The annual report\n- The budget\n\n"
                   "Chile said that it agreed.\n")
    assert _who(turns) == [("KEN", None), ("CHL", None)]
    assert "The budget" in turns[0].text


def test_office_holder_speaking_for_their_delegation() -> None:
    turns = _turns("The Chair welcomed the delegations. She then delivered remarks on behalf "
                   "of Norway, noting that it would step down. Kenya thanked Norway.\n")
    assert _who(turns) == [(None, "Chair"), ("NOR", None), ("KEN", None)]
    assert "would step down" in turns[1].text
