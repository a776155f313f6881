"""Proposers, seconders and supporters, and summary-record speakers."""

from __future__ import annotations

from extractors.context import Context
from extractors.extract import extract
from extractors.interventions import extract_interventions
from extractors.nlp import get_nlp
from extractors.readers import parse_bytes
from models.records import Attendee, Intervention


def _who(turns: list[Intervention]) -> list[str | None]:
    return [t.speaker_code for t in turns]


def _council(text: str) -> list[Intervention]:
    doc = parse_bytes(text.encode(), "txt", "x.txt")
    ctx = Context(doc=doc, sdoc=get_nlp()(doc.text))
    ctx.attendees = [Attendee(doc_id=doc.doc_id, delegation="Fenwick Council",
                              delegation_code=code, person=person)
                     for person, code in [("A Harrow", "FC1"), ("B Lindqvist", "FC2"),
                                          ("C Ostrander", "FC3")]]
    return extract_interventions(ctx)


def test_proposer_and_seconder_share_the_sentence() -> None:
    turns = _council("Minutes\n\nMinutes of the last meeting: Cllr Harrow proposed acceptance, "
                     "seconded by Cllr Lindqvist.\n")
    assert _who(turns) == ["FC1", "FC2"]
    assert all("seconded by Cllr Lindqvist" in t.text for t in turns)


def test_proposed_then_seconded_clauses() -> None:
    turns = _council("Minutes\n\nCllr Ostrander proposed approval; Cllr Harrow seconded.\n\n"
                     "The policy was proposed by Cllr Lindqvist; seconded by Cllr Ostrander.\n")
    assert _who(turns) == ["FC3", "FC1", "FC2", "FC3"]


def test_motion_of_a_state() -> None:
    turns = extract(parse_bytes(
        b"Report of the Standing Committee\n\n1. Elections\n\n"
        b"On the motion of Kenya, seconded by Chile, Peru was elected Chair.\n",
        "txt", "x.txt")).interventions
    assert _who(turns) == ["KEN", "CHL"]


def test_reported_proposal_is_not_a_motion() -> None:
    turns = extract(parse_bytes(
        b"Report of the Standing Committee\n\n1. Pledge\n\n"
        b"Kenya recalled that Chile and Peru had proposed changes to the text.\n",
        "txt", "x.txt")).interventions
    assert _who(turns) == ["KEN"]


def test_summary_record_speakers() -> None:
    turns = extract(parse_bytes(
        b"Summary record of the ninth meeting\n\n1. Draft articles\n\n"
        b"Mr. VALDORE (Chile) said that the text was acceptable. He added that a note "
        b"would help.\n\n"
        b"Ms. KERRIGAN (Kenya) agreed with Mr. Valdore and suggested a shorter title.\n",
        "txt", "x.txt")).interventions
    assert _who(turns) == ["CHL", "KEN"]
    assert "a note would help" in turns[0].text


def test_mover_of_a_that_clause() -> None:
    turns = _council("Minutes\n\nCllr Ostrander moved that the minutes be approved.\n")
    assert _who(turns) == ["FC3"]


def test_request_by_a_delegation_speaks_first() -> None:
    turns = extract(parse_bytes(
        b"Report of the Standing Committee\n\n1. Procedure\n\n"
        b"In reply to a request by the delegation of Peru, Kenya explained the procedure.\n",
        "txt", "x.txt")).interventions
    assert _who(turns) == ["PER", "KEN"]
