"""Run-in item text, unnumbered headings, motions, clauses side by side, plural offices."""

from __future__ import annotations

from extractors.extract import extract
from extractors.readers import parse_bytes
from models.records import Intervention

COUNCIL = ("Minutes of the Meeting of Harlow Green Parish Council\n\n"
           "Present: Cllr Mrs A Quennell (Chairman), Cllr B Tarrant, Cllr C Oduya, "
           "Cllr D Ferreira, Mrs E Blake (Clerk)\n\n")

COMMITTEE = ("Minutes of the Meeting of Brockwell Village Trust\n\n"
             "Attendance: P Nakamura (Chair); R Osei; S Lindahl; T Varga (Clerk)\n\n")


def _turns(text: str) -> list[Intervention]:
    return extract(parse_bytes(text.encode(), "txt", "x.txt")).interventions


def _who(turns: list[Intervention]) -> list[tuple[str | None, str | None]]:
    return [(t.speaker_code, t.speaker_role) for t in turns]


# -- text run in after an item heading on its line ---------------------------------------------
def test_run_in_text_after_a_dash() -> None:
    turns = _turns(COUNCIL + "Matters Arising:\n\n"
                   "a) Street Lights - Cllr Tarrant advised that two lamps were still out.\n\n"
                   "b) Village Sign - the Chairman informed the meeting that the sign was "
                   "ordered.\n")
    assert _who(turns) == [("HGPC", None), ("HGPC", "Chair")]
    assert [t.agenda_item for t in turns] == ["a", "b"]
    assert turns[0].text.startswith("Cllr Tarrant advised")


def test_run_in_text_after_a_colon_and_glued_to_the_heading() -> None:
    turns = _turns(COUNCIL + "Minutes of the last Meeting: Cllr Oduya proposed acceptance, "
                   "seconded by Cllr Ferreira\n\n")
    assert _who(turns) == [("HGPC", None), ("HGPC", None)]
    glued = _turns("Report of the Intersessional Meeting of the Standing Committee\n\n"
                   "1. Opening of the meetingThe meeting was opened by its Co-Chairs, Anna "
                   "Lindgren of Sweden and Tomas Okafor of Nigeria.\n")
    assert _who(glued) == [("SWE", "Chair"), ("NGA", "Chair")]
    assert glued[0].text.startswith("The meeting was opened")


def test_a_bare_participle_under_a_heading_is_not_a_turn() -> None:
    turns = _turns(COMMITTEE + "4. Hall lighting\n\nR Osei reported that the bulbs were "
                   "replaced.\n\n5. Presentation from the Cricket Club\n\n"
                   "Deferred to the end of the meeting to allow presenters to arrive.\n")
    assert len(turns) == 1
    turns = _turns(COUNCIL + "a) Footpaths - Cllr Oduya reported the stile was broken.\n\n"
                   "b) Allotments - Postponed until the autumn meeting.\n")
    assert [t.agenda_item for t in turns] == ["a"]


# -- a turn ends at every agenda heading, numbered or not ---------------------------------------
def test_unnumbered_heading_ends_a_turn() -> None:
    turns = _turns(COUNCIL + "Accounts for Approval\n\n"
                   "Cllr Ferreira proposed approval for payment seconded by Cllr Tarrant\n\n"
                   "Correspondence:\n\nCounty Highways - resurfacing notice\n\n"
                   "Councillors Other Business:\n\n"
                   "Cllr Tarrant reported that the bus shelter glass was cracked.\n")
    assert len(turns) == 3
    assert "resurfacing" not in turns[1].text
    assert turns[2].text.startswith("Cllr Tarrant reported")


def test_unnumbered_heading_ends_an_office_turn() -> None:
    turns = _turns(COUNCIL + "Village Hall:\n\nThe Chairman reported that the roof was "
                   "repaired.\n\nPlanning:\n\nExtension at 4 Mill Lane - no objection\n")
    assert _who(turns) == [("HGPC", "Chair")]
    assert "Mill Lane" not in turns[0].text


# -- clauses side by side, topic labels, coordinated subjects ----------------------------------
def test_clause_before_the_main_clause_is_its_own_turn() -> None:
    turns = _turns(COUNCIL + "Hall Committee\n\nOnce more the Chairman asked who wished to "
                   "sit on the hall committee - Cllrs Oduya and Ferreira agreed.\n")
    assert _who(turns) == [("HGPC", "Chair"), ("HGPC", None), ("HGPC", None)]
    assert turns[1].text.startswith("Cllrs Oduya and Ferreira agreed")


def test_topic_label_before_a_dash_is_not_the_subject() -> None:
    turns = _turns(COUNCIL + "Other matters\n\nLitter scheme – Clerk reported that Redford's "
                   "scheme had stopped for lack of funds.\n")
    assert _who(turns) == [("HGPC", "Clerk")]
    turns = _turns(COMMITTEE + "3. Grounds\n\nMowing scheme – Clerk reported that Alford's "
                   "scheme had folded for lack of volunteers.\n")
    assert _who(turns) == [("BVT", "Clerk")]


def test_coordinated_delegations_split_by_the_parse() -> None:
    turns = _turns("Report of the Intersessional Meeting of the Standing Committee\n\n"
                   "3. Cooperation\n\nThe delegations of Chile, Kenya, and Portugal referred "
                   "to the report presented.\n")
    assert _who(turns) == [("CHL", None), ("KEN", None), ("PRT", None)]


# -- plural offices and their holders ---------------------------------------------------------
def test_plural_office_holders_listed_after_a_comma() -> None:
    turns = _turns("Report of the Intersessional Meeting of the Standing Committee\n\n"
                   "3. Cooperation\n\nIn addition, the Co-Chairs of the Working Group on "
                   "Cooperation and Assistance, Peru and Austria, presented a paper on the "
                   "topic of regional partnerships.\n")
    assert _who(turns) == [("PER", "Chair"), ("AUT", "Chair")]


# -- a body sentence whose speaker the attendance was read from ---------------------------------
RECORD = "Conference on the Law of Rivers: Summary Record of the Twelfth Meeting\n\n\n"


def test_speaker_named_in_the_body_is_read() -> None:
    turns = _turns(RECORD + "President: Mr. ALVAREZ\n1. CONSIDERATION OF THE DRAFT ARTICLES\n\n"
                   "The PRESIDENT invited representatives to consider article 4.\n\n"
                   "Mr. DALTON (Ireland) said that, if the President agreed, he wished to "
                   "put a question about article 4.\n\n"
                   "Mr. OKONJO (Nigeria) supported the text.\n")
    assert _who(turns) == [(None, "President"), ("IRL", None), ("NGA", None)]
    turns = _turns(RECORD + "CHAIRMAN: Dr Halvorsen (Norway)\n1. Draft resolutions\n\n"
                   "Dr MERINO (Chile) agreed with Dr Halvorsen, and suggested that the draft "
                   "resolution ought to be redrafted before any vote.\n")
    assert ("CHL", None) in _who(turns)


def test_guests_named_with_their_organization_are_read() -> None:
    turns = _turns(COUNCIL + "Presentation on the community orchard:\n\nJoanna Pike and Marcus "
                   "Ellery from the Harlow Green Orchard Group presented. The orchard needs new "
                   "fencing.\n\nOther business:\n\nCllr Tarrant reported that the gate was "
                   "broken.\n")
    assert [t.speaker_code for t in turns] == ["HGOG", "HGOG", "HGPC"]
    turns = _turns(COMMITTEE + "6. Youth club\n\nPriya Raman of the Brockwell Youth Forum "
                   "explained that the club needed a new room.\n")
    assert [t.speaker_code for t in turns] == ["BYF"]


# -- the item heading names its presenter; an office holder speaking about apologies ------------
BOARD = ("Open Data Board - Meeting 4\n\nAttendees\n\nLena Fischer (Chair)\n"
         "Omar Haddad (Harbour Data Agency)\nRuth Calder (Northfield Council)\n\n")


def test_presenter_named_in_parentheses_in_the_heading() -> None:
    turns = _turns(BOARD + "## Discussion topic 1: Update from the Data Panel (Omar Haddad, "
                   "Chair of the Data Panel)\n\nThe Data Panel had met to review the address "
                   "proposal. The Panel asked for more evidence.\n\n"
                   "## Discussion topic 2: Budget (Ruth Calder)\n\nThe budget was on track.\n")
    assert [t.speaker_code for t in turns] == ["HDA", "NC"]
    assert "more evidence" in turns[0].text


def test_office_holder_speaking_about_apologies_is_a_turn() -> None:
    turns = _turns(COUNCIL + "Attendance at Meetings:\n\nThe Chairman asked members who are "
                   "unable to attend to send apologies to the Clerk.\n")
    assert _who(turns) == [("HGPC", "Chair")]
    turns = _turns(COMMITTEE + "9. Attendance\n\nThe Clerk reminded members to send apologies "
                   "in good time if they are unable to attend.\n")
    assert _who(turns) == [("BVT", "Clerk")]


# -- an office written where a name would stand; a party the text does not name reports --------
def test_an_office_of_a_state_is_not_a_person() -> None:
    turns = _turns("Report of the Fourth Review Conference\n\n1. Opening\n\nThe Conference was "
                   "addressed by Mr. Karl Brandt, State Secretary of Austria and Ms. Lea Moreau, "
                   "Minister of Justice of France.\n")
    assert sorted(t.speaker_code for t in turns) == ["AUT", "FRA"]
    turns = _turns("Report of the Fourth Review Conference\n\n1. Opening\n\nThe Conference was "
                   "addressed by Ms. Ines Vidal, Deputy Secretary of Spain.\n")
    assert [t.speaker_code for t in turns] == ["ESP"]


def test_unnamed_party_reporting_ends_the_turn() -> None:
    turns = _turns(COUNCIL + "Police matters:\n\nThe Chairman welcomed the two wardens to the "
                   "meeting who reported that there had been three thefts. The Chairman asked if "
                   "anyone had issues to raise.\n")
    assert _who(turns) == [("HGPC", "Chair"), ("HGPC", "Chair")]
    assert turns[1].text.startswith("The Chairman asked")
    turns = _turns(COMMITTEE + "5. Rangers\n\nThe Clerk welcomed the park rangers who reported "
                   "that the paths were flooded. The Clerk asked whether signs were needed.\n")
    assert _who(turns) == [("BVT", "Clerk"), ("BVT", "Clerk")]


# -- handing over the floor is the giver's turn -----------------------------------------------
def test_handing_over_the_floor_is_a_turn() -> None:
    turns = _turns(BOARD + "## Discussion topic 3: Elections\n\nThe members elected Ruth Calder "
                   "as chair. Omar Haddad hands the floor to Ruth Calder as new chair.\n")
    assert [t.speaker_code for t in turns][:1] == ["HDA"]
    assert turns[0].text.startswith("Omar Haddad hands the floor")
    turns = _turns(COUNCIL + "Election of Chairman:\n\nCllr Tarrant was elected. The Chairman "
                   "then handed the floor over to Cllr Tarrant.\n")
    assert _who(turns)[:1] == [("HGPC", "Chair")]


# -- a speech named by a noun with its speaker --------------------------------------------------
def test_speech_noun_with_its_speaker() -> None:
    turns = _turns("Report of the Fourth Review Conference\n\n1. Plenary\n\nThe Plenary was "
                   "convened again to hear an address by the Foreign Minister of Brazil.\n")
    assert [t.speaker_code for t in turns] == ["BRA"]
    turns = _turns(COMMITTEE + "7. Allotments\n\nMembers listened to a presentation by S Lindahl "
                   "on the new allotment rules.\n")
    assert [t.speaker_code for t in turns] == ["BVT"]


def test_offering_services_is_a_turn() -> None:
    turns = _turns(COUNCIL + "Footpath Committee:\n\nThe Chairman asked whether anybody wished to "
                   "serve on this committee. Cllr Oduya offered his services.\n")
    assert _who(turns) == [("HGPC", "Chair"), ("HGPC", None)]
    turns = _turns(COMMITTEE + "8. Newsletter\n\nThe Clerk asked for an editor. S Lindahl offered "
                   "her services as editor.\n")
    assert _who(turns) == [("BVT", "Clerk"), ("BVT", None)]


def test_adjourning_the_meeting_is_a_turn() -> None:
    turns = _turns("Report of the Fourth Review Conference\n\nPresident: Mr. Tomas Okafor "
                   "(Nigeria)\n\nI. Plenary\n\nThe President adjourned the Plenary meeting so "
                   "that the working groups could meet.\n")
    assert [t.speaker_role for t in turns] == ["President"]
    turns = _turns(COUNCIL + "Close:\n\nThe Chairman adjourned the meeting at 9.15pm.\n")
    assert _who(turns) == [("HGPC", "Chair")]


# -- an organization bulleted only by its acronym under a lead-in --------------------------------
def test_bulleted_acronym_under_a_lead_in() -> None:
    turns = _turns("Summary record of the third meeting\n\n1. Transparency\n\nThe meeting "
                   "heard a presentation on new reporting tools:\n\n- RWDA\n\n"
                   "Kenya said that the tools were useful.\n")
    assert [t.speaker_code for t in turns] == ["RWDA", "KEN"]
    turns = _turns("Summary record of the third meeting\n\n1. Statements\n\nThe following "
                   "made statements:\n\n- Chile\n- IFRSN\n\nThe Chair thanked the speakers.\n")
    assert [t.speaker_code for t in turns][:2] == ["CHL", "IFRSN"]
