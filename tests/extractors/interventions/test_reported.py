"""Speaker turns in every style, on short minutes written for these tests."""

from __future__ import annotations

from extractors.extract import extract
from extractors.lexicon import inflections, speech_verbs
from extractors.readers import parse_bytes
from models.records import Intervention

HEAD = ("Minutes of the 2nd Meeting of the Coordination Committee\n\n"
        "Held on Monday, 6 March 2023\n\n"
        "1. Attendance\n\nFinland - President\n\nKenya\n\nChile\n\nGhana\n\nPeru\n\n"
        "Samoa\n\nUNDP in capacity of Exec Coord team\n\nCMC\n\n")


def _turns(body: str) -> list[Intervention]:
    doc = parse_bytes((HEAD + body).encode(), "txt", "x.txt")
    return extract(doc).interventions


def _who(turns: list[Intervention]) -> list[tuple[str | None, str | None]]:
    return [(t.speaker_code, t.speaker_role) for t in turns]


def test_inflections_of_regular_verbs() -> None:
    assert {"states", "stated", "stating"} <= inflections("state")
    assert {"clarifies", "clarified"} <= inflections("clarify")
    assert speech_verbs()["said"] == "say"


def test_reported_speech_and_continuation() -> None:
    turns = _turns(
        "2. Budget\n\n"
        "Kenya stated that the budget was balanced. It further explained that two "
        "payments were late. The delegation added that a reminder had gone out.\n\n"
        "In the ensuing discussion, Chile suggested a review of the scale.\n")
    assert _who(turns) == [("KEN", None), ("CHL", None)]
    assert "reminder had gone out" in turns[0].text
    assert turns[0].agenda_item == "2"
    assert turns[1].text.startswith("In the ensuing discussion")


def test_labelled_turns_and_subjectless_list_items() -> None:
    turns = _turns(
        "2. Planning\n\n"
        "Ghana (Coord. Clearance): Thanked the team for the paper. Asked about dates.\n\n"
        "(Exec. Coord): Informed members that the letters were ready.\n\n"
        "- Further noted that the venue was booked.\n\n"
        "President: Welcomed the update.\n")
    assert _who(turns) == [("GHA", None), ("UNDP", "Executive Coordinator"),
                           ("FIN", "President")]
    assert "venue was booked" in turns[1].text
    assert turns[1].speaker == "Executive Coordinator"


def test_several_speakers_in_one_sentence() -> None:
    turns = _turns(
        "2. Reports\n\n"
        "The proposal was supported by Peru, Samoa and the CMC. "
        "Kenya and Chile intervened to ask for more time. Kenya said it needed a month.\n")
    assert _who(turns) == [("PER", None), ("WSM", None), ("CMC", None),
                           ("KEN", None), ("CHL", None)]
    kenya = turns[3]
    assert "needed a month" in kenya.text


def test_on_behalf_of_and_offices() -> None:
    turns = _turns(
        "2. Thematic updates\n\n"
        "Peru, speaking on behalf of the Coordinators on Cooperation, reported progress.\n\n"
        "The ISU Director presented the accounts. She noted a small surplus.\n\n"
        "The Chair thanked the Director.\n")
    assert _who(turns) == [("PER", None), ("ISU-CCM", "ISU Director"), ("FIN", "Chair")]
    assert turns[0].on_behalf_of == "the Coordinators on Cooperation"


def test_new_agenda_item_starts_new_turn() -> None:
    turns = _turns(
        "2. Opening\n\nThe President welcomed the members.\n\n"
        "3. Finances\n\nHe then reported on the arrears.\n")
    assert _who(turns) == [("FIN", "President"), ("FIN", "President")]
    assert [t.agenda_item for t in turns] == ["2", "3"]


def test_unnamed_speakers_and_objects_are_not_turns() -> None:
    turns = _turns(
        "2. Discussion\n\n"
        "The President thanked Kenya for the report and opened the floor.\n\n"
        "Some states requested more detail. It was pointed out that time was short.\n")
    assert _who(turns) == [("FIN", "President")]


def test_statement_read_out_for_absent_delegation() -> None:
    turns = _turns(
        "2. Updates\n\n"
        "Ghana, Coordinator on Reporting, was unable to attend and sent a statement"
        ", which was read out by the ISU Director.\n\n"
        "\"Ghana will write to all States Parties next month.\"\n\n"
        "The President thanked Ghana.\n")
    assert _who(turns) == [("ISU-CCM", "ISU Director"), ("FIN", "President")]
    assert turns[0].on_behalf_of and turns[0].on_behalf_of.startswith("Ghana")
    assert "write to all States Parties" in turns[0].text


def test_request_from_a_delegation_is_its_turn() -> None:
    turns = _turns(
        "2. Seminar\n\n"
        "In response to a request from Samoa for details, the President explained "
        "that the seminar would last two days.\n")
    assert _who(turns) == [("WSM", None), ("FIN", "President")]


def test_qualified_offices_are_not_the_president() -> None:
    turns = _turns(
        "2. Handover\n\n"
        "The Vice-President welcomed the members.\n\n"
        "Mr. Tan (Chile): Asked about the dates.\n")
    assert ("FIN", "President") not in _who(turns)
    assert ("CHL", None) in _who(turns)
