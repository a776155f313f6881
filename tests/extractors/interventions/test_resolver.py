"""Speaker resolution: persons -> attendance rows -> delegation, offices, initials."""

from __future__ import annotations

from extractors.context import Context
from extractors.interventions import extract_interventions
from extractors.interventions.offices import office_for_role
from extractors.interventions.resolver import PersonIndex, derived_initials
from extractors.nlp import get_nlp
from extractors.readers import parse_bytes
from models.records import Attendee, Intervention


def _ctx(text: str, rows: list[tuple[str, str, str | None, str]]) -> Context:
    doc = parse_bytes(text.encode(), "txt", "x.txt")
    ctx = Context(doc=doc, sdoc=get_nlp()(doc.text))
    ctx.attendees = [Attendee(doc_id=doc.doc_id, delegation=code, delegation_code=code,
                              delegation_kind="organization", person=person, role=role,
                              status=status) for person, code, role, status in rows]
    return ctx


def _who(turns: list[Intervention]) -> list[tuple[str | None, str | None]]:
    return [(t.speaker_code, t.speaker_role) for t in turns]


COUNCIL = [("R Quillfeather", "MVC", "Chairman", "present"),
           ("D Ambrose", "MVC", None, "present"),
           ("K Oduya", "MVC", None, "present"),
           ("L Vance", "MVC", None, "apologies"),
           ("P Stroud", "MVC", "Clerk", "present")]


def test_derived_initials_and_office_roles() -> None:
    assert derived_initials("Jorunn Beck Tallis") == {"JBT", "JT"}
    assert derived_initials("Tallis") == set()
    chair = office_for_role("SC Chair")
    assert chair is not None and chair.role == "Chair"
    assert office_for_role("Vice-Chair") is None
    clerk = office_for_role("Parish Clerk")
    assert clerk is not None and clerk.role == "Clerk"


def test_surnames_resolve_to_rows_and_offices_to_their_holders() -> None:
    ctx = _ctx("Minutes of Millvale Council\n\n"
               "Cllr Ambrose reported that the lights were repaired. He will check them.\n\n"
               "The Chairman thanked him.\n\n"
               "Cllr Oduya asked about the bins.\n\n"
               "The Clerk replied that new bins were ordered.\n",
               COUNCIL)
    turns = extract_interventions(ctx)
    assert _who(turns) == [("MVC", None), ("MVC", "Chair"), ("MVC", None), ("MVC", "Clerk")]
    assert "He will check them" in turns[0].text


def test_members_of_one_body_are_told_apart_and_apologies_do_not_silence_them() -> None:
    ctx = _ctx("Minutes of Millvale Council\n\n"
               "Cllr Ambrose said the hall was booked.\n\n"
               "Cllr Oduya said the hall was too small.\n",
               COUNCIL)
    turns = extract_interventions(ctx)
    assert len(turns) == 2
    assert "too small" not in turns[0].text


def test_first_names_and_full_names_resolve() -> None:
    ctx = _ctx("Workshop notes\n\n"
               "Ingrid Solberg-Moe presented the new schema.\n\n"
               "Bastian informed that the tests pass.\n",
               [("Ingrid Solberg-Moe", "NLA", None, "present"),
                ("Bastian Krol", "FDO", None, "present")])
    turns = extract_interventions(ctx)
    assert _who(turns) == [("NLA", None), ("FDO", None)]


def test_alias_lines_read_without_rows() -> None:
    ctx = _ctx("Steering group\n\n"
               "Hanne Orvik (HO), Coastal Survey Office (CSO) - Chair\n"
               "Marek Zielny (MZ), Port Data Centre (PDC)\n\n", [])
    index = PersonIndex(ctx, None)
    chair = index.by_label("HO")
    assert chair is not None and (chair.code, chair.role) == ("CSO", "Chair")
    member = index.by_label("MZ")
    assert member is not None and member.code == "PDC"
    assert index.by_label("QQ") is None


def test_person_from_a_body_written_in_running_text() -> None:
    ctx = _ctx("Minutes of Millvale Council\n\n"
               "Orla Fenwright from the Riverside Allotment Society attended.\n\n"
               "Ms Fenwright reported that the plots were all let.\n\n"
               "Cllr Ambrose thanked her.\n",
               COUNCIL)
    turns = extract_interventions(ctx)
    assert _who(turns) == [("RAS", None), ("MVC", None)]
    assert "plots were all let" in turns[0].text


def test_words_before_a_body_are_not_a_person() -> None:
    ctx = _ctx("Minutes of Millvale Council\n\n"
               "Any Other Business\n\n"
               "Use of the Riverside Allotment Society hall was discussed.\n", COUNCIL)
    index = PersonIndex(ctx, None)
    assert index.by_name("Use") is None


def test_a_generic_secretariat_is_no_affiliation() -> None:
    ctx = _ctx("Steering group\n\n"
               "Hanne Orvik (HO), Coastal Survey Office (CSO)\n"
               "Marek Zielny (MZ), Steering Group Secretariat\n\n", [])
    index = PersonIndex(ctx, None)
    assert index.by_label("HO") is not None
    assert index.by_label("MZ") is None
