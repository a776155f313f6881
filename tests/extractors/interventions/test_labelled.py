"""Labelled turns: initials bullets, name labels, action lines and furniture lines."""

from __future__ import annotations

from extractors.extract import extract
from extractors.readers import parse_bytes
from models.records import Intervention

BOARD = ("Lakeside Water Board - Minutes\n\n"
         "Attendance\n"
         "- Petra Quell (PQ), Northern Water Agency (NWA) - Board Chair\n"
         "- Tomas Brinkley (TB), Harbour Authority (HBA)\n"
         "- Odile Marchetti (OMa), Northern Water Agency (NWA) - Vice-Chair\n\n")


def _turns(text: str) -> list[Intervention]:
    return extract(parse_bytes(text.encode(), "txt", "x.txt")).interventions


def _who(turns: list[Intervention]) -> list[tuple[str | None, str | None]]:
    return [(t.speaker_code, t.speaker_role) for t in turns]


def test_initials_bullets_resolve_through_the_alias_lines() -> None:
    turns = _turns(BOARD + "**1. Budget**\n"
                   "- PQ - Is the reserve large enough?\n"
                   "- TB - The reserve covers two years.\n"
                   "- TB - No change is needed.\n"
                   "- OMa – agreed.\n")
    assert _who(turns) == [("NWA", "Chair"), ("HBA", None), ("NWA", None)]
    assert "No change is needed" in turns[1].text  # consecutive bullets: one turn
    assert turns[0].text.startswith("PQ - Is the reserve")


def test_same_code_different_persons_are_separate_turns() -> None:
    turns = _turns(BOARD + "**1. Tariffs**\n"
                   "- OMa - The tariff rises in spring.\n"
                   "- PQ - Noted.\n"
                   "- OMa - A second rise follows.\n")
    assert [t.text.split(" - ")[0] for t in turns] == ["OMa", "PQ", "OMa"]
    assert _who(turns)[0] == ("NWA", None) and _who(turns)[1] == ("NWA", "Chair")


def test_action_lines_and_group_bullets_stay_inside_the_turn() -> None:
    turns = _turns(BOARD + "**2. Reports**\n"
                   "- TB presented the harbour report.\n"
                   "- All - agreed.\n"
                   "ACTION - TB to circulate the report.\n"
                   "- TB - Copies are ready.\n")
    assert _who(turns) == [("HBA", None)]
    assert "Copies are ready" in turns[0].text


def test_sub_bullets_with_a_mark_before_the_initials() -> None:
    turns = _turns(BOARD + "**3. Risks**\n"
                   "The risks were reviewed:\n"
                   "o\tTB - The sea wall needs repair.\n"
                   "o\tPQ - Funds exist for that.\n")
    assert _who(turns) == [("HBA", None), ("NWA", "Chair")]


def test_furniture_label_is_not_a_turn_and_name_labels_are() -> None:
    text = ("Summary record of the fourth meeting\n\n"
            "Chair: Ms. Ilse Varga\n\n"
            "1. Opening\n\n"
            "Kenya: We welcome the report and its proposals.\n\n"
            "Chile: We support it as well.\n")
    turns = _turns(text)
    assert _who(turns) == [("KEN", None), ("CHL", None)]


def test_figures_after_a_person_label_are_not_a_turn() -> None:
    turns = _turns(BOARD + "**4. Accounts**\n"
                   "- TB - 120.50 - travel costs\n"
                   "- PQ - The accounts are approved.\n")
    assert _who(turns) == [("NWA", "Chair")]


TALKS = ("Record of talks\n\nParticipants\n"
         "- Arvid Lenz (AL), Ministry of Ports (MOP)\n"
         "- Bea Okonkwo (BO), Fisheries Office (FO)\n\n")


def test_name_labels_and_exchanges_with_unnamed_questioners() -> None:
    turns = _turns(TALKS + "1. Quotas\n\n"
                   "Mr Lenz: The quota is too low for the coming season.\n\n"
                   "Q: Will it change next year?\n\n"
                   "Ms. Okonkwo: A review is planned in the spring.\n")
    assert _who(turns) == [("MOP", None), ("FO", None)]
    assert "Will it change" not in turns[0].text


def test_transcript_lines_with_bracketed_names() -> None:
    turns = _turns(TALKS + "1. Harbour fees\n\n"
                   "[Bea Okonkwo] The fees were raised twice.\n\n"
                   "[Arvid Lenz] Only once, in the autumn.\n")
    assert _who(turns) == [("FO", None), ("MOP", None)]


def test_bold_name_labels() -> None:
    turns = _turns(TALKS + "1. Nets\n\n"
                   "**Bea Okonkwo**: The nets were replaced.\n\n"
                   "**AL**: They were paid for by the ministry.\n")
    assert _who(turns) == [("FO", None), ("MOP", None)]
