"""Person lists: one person per item, with alias, affiliation, office and role beside the name."""

from __future__ import annotations

BULLETS = """# Harbour Users Forum - March meeting

**Attendance**
The members present for this call were:
- Petra Lindqvist (PL), Northern Ferry Lines (NFL) - Forum Chair
- Tomas Okafor (TO), of Coastal Pilots Guild (CPG)
- Dr. Ines Marchetti (IM), Northern Ferry Lines (NFL)
- Oskar Brandt (OB), Harbour Users Forum Secretariat

Not present:
- Lena Vasquez (LV), representing Dockside Traders [DTA]

1. **Minutes of the last call**
- PL - no changes were proposed.
"""


def test_bullets_with_alias_affiliation_acronym_and_role(attendees) -> None:
    got = [(a.delegation_code, a.delegation_kind, a.status, a.person, a.honorific, a.role)
           for a in attendees(BULLETS)]
    assert got[:3] == [
        ("NFL", "organization", "present", "Petra Lindqvist", None, "Forum Chair"),
        ("CPG", "organization", "present", "Tomas Okafor", None, None),
        ("NFL", "organization", "present", "Ines Marchetti", "Dr.", None),
    ]
    assert got[3][1:4] == ("secretariat", "present", "Oskar Brandt")
    assert got[4] == ("DTA", "organization", "absent", "Lena Vasquez", None, None)
    assert len(got) == 5


RUN_IN = (
    "Minutes of the Millbrook Valley Parish Council meeting held on 3 May 2023\n\n"
    "Attendance: R Oduya (Chair); F Nakamura (Vice-Chair); G Pillai; T Ferris; H Quist (Clerk);"
    " District Councillor B Amadi; six members of the public.\n\n"
    "1. Apologies\n\n"
    "K Duarte (holiday), County Councillor W Renner.\n\n"
    "2. Minutes of the last meeting\n\n"
    "Cllr Pillai proposed acceptance; Cllr Ferris seconded. The MVDC report and the WCC letter"
    " were noted.\n"
)


def test_run_in_list_with_offices_and_apologies_as_an_agenda_item(rows, attendees) -> None:
    got = rows(RUN_IN)
    assert got[:5] == [("MVPC", "present", "R Oduya"), ("MVPC", "present", "F Nakamura"),
                       ("MVPC", "present", "G Pillai"), ("MVPC", "present", "T Ferris"),
                       ("MVPC", "present", "H Quist")]
    assert ("MVDC", "present", "B Amadi") in got  # the district council's acronym in the text
    assert ("MVPC", "apologies", "K Duarte") in got
    assert ("WCC", "apologies", "W Renner") in got
    assert len(got) == 8  # the members of the public are not attendees
    by_person = {a.person: a for a in attendees(RUN_IN)}
    assert by_person["H Quist"].delegation_kind == "secretariat"
    assert by_person["H Quist"].role == "Clerk"
    assert by_person["R Oduya"].role == "Chair"
    assert by_person["K Duarte"].role is None  # a reason for absence is not a role


AT_THE_END = """# River Data Board - Meeting 7 (2 June 2021)

## Discussion topic 1
The Board discussed the gauge network.

## Attendees
Mara Ellison, Office for River Data (acting chair)
Joel Ferreira, Tidewater University
Ana Kowal, ORD

## Board member apologies:
Sven Dahl, Estuary Trust

## Other attendees:
Rui Matos, Department of Levees
Rui is the owner of the gauge proposal
"""


def test_lists_at_the_end_with_roles_on_the_next_line(attendees) -> None:
    got = [(a.delegation_code, a.status, a.person, a.role) for a in attendees(AT_THE_END)]
    assert got == [
        ("ORD", "present", "Mara Ellison", "acting chair"),
        ("TU", "present", "Joel Ferreira", None),
        ("ORD", "present", "Ana Kowal", None),
        ("ET", "apologies", "Sven Dahl", None),
        ("DL", "present", "Rui Matos", "owner of the gauge proposal"),
    ]


NUMBERED = """# LMN WG Minutes

Workshop: 4-5 May 2022

## Participants
1.  Clara Voss
2.  Bruno Ekwueme (Statistics Bureau)
3.  Aiko Tanabe (remote)

## Welcome
The LMN WG welcomed new members.
"""


def test_numbered_list_with_remote_and_the_body_for_persons_without_affiliation(rows) -> None:
    assert rows(NUMBERED) == [("LMN-WG", "present", "Clara Voss"),
                              ("SB", "present", "Bruno Ekwueme"),
                              ("LMN-WG", "present", "Aiko Tanabe")]


UN_HEADER = """UNITED NATIONS

COMMISSION ON CANAL TOLLS

SUMMARY RECORD OF THE TWELFTH MEETING

Present:

Chairman:      Mr. MBEKI            Botswana
Rapporteur:    Mrs. HALVORSEN       Norway
Members:       Mr. TANAKA           Japan
               Mr. ORTEGA           Uruguay

Representatives of specialized agencies:
               Mr. LAURENT          World Shipping Organization

Secretariat:   Mr. DIALLO           Director, Tolls Division

ADOPTION OF THE AGENDA

The agenda was adopted.
"""


def test_summary_record_header_with_offices_and_groups(attendees) -> None:
    got = [(a.delegation_code, a.delegation_kind, a.person, a.role) for a in attendees(UN_HEADER)]
    assert got == [
        ("BWA", "state", "MBEKI", "Chairman"),
        ("NOR", "state", "HALVORSEN", "Rapporteur"),
        ("JPN", "state", "TANAKA", None),
        ("URY", "state", "ORTEGA", None),
        ("WSO", "organization", "LAURENT", None),
        ("CCT", "secretariat", "DIALLO", "Director"),
    ]


HEADED_LINES = """MINUTES OF THE QUARRY LANE RESIDENTS BOARD

Members present: Mr J Carter (Chairman), Mrs P Evans, Dr S Gupta
Also present: Ms R Lowe (Clerk)
Absent with apology: Cllr K Moss, Mr A Reid

1. MINUTES
The minutes were approved.
"""


def test_present_also_present_and_absent_with_apology_lines(rows) -> None:
    assert rows(HEADED_LINES) == [("QLRB", "present", "J Carter"), ("QLRB", "present", "P Evans"),
                                  ("QLRB", "present", "S Gupta"), ("QLRB", "present", "R Lowe"),
                                  ("QLRB", "apologies", "K Moss"), ("QLRB", "apologies", "A Reid")]


PLURAL_TITLE = (
    "Minutes of the Eastmoor Town Council\n\n"
    "Present: Councillors A Smith (Chair), B Jones, Patel and Wright. In attendance: Ms L Hart"
    " (Clerk).\n\n"
    "Apologies were received from Cllrs Okoro and Lindgren.\n\n"
    "1. Declarations of interest\nNone.\n"
)


def test_a_title_written_once_for_a_list_and_two_lists_in_one_paragraph(attendees) -> None:
    got = [(a.delegation_code, a.delegation_kind, a.status, a.person, a.honorific, a.role)
           for a in attendees(PLURAL_TITLE)]
    assert got == [
        ("ETC", "organization", "present", "A Smith", "Cllr", "Chair"),
        ("ETC", "organization", "present", "B Jones", "Cllr", None),
        ("ETC", "organization", "present", "Patel", "Cllr", None),
        ("ETC", "organization", "present", "Wright", "Cllr", None),
        ("ETC", "secretariat", "present", "L Hart", "Ms", "Clerk"),
        ("ETC", "organization", "apologies", "Okoro", "Cllr", None),
        ("ETC", "organization", "apologies", "Lindgren", "Cllr", None),
    ]


DASHES = """Board of Trustees meeting, 4 March 2021

Those present: Cllrs. Smith, Jones; Mrs Brown (Clerk)

Apologies for absence were received from Councillors Patel and Wood.

Absent:
- Ann Kay – Treasurer

1. Welcome
"""


def test_title_over_a_semicolon_list_apologies_sentence_and_body_before_meeting(rows) -> None:
    assert rows(DASHES) == [("BT", "present", "Smith"), ("BT", "present", "Jones"),
                            ("BT", "present", "Brown"), ("BT", "apologies", "Patel"),
                            ("BT", "apologies", "Wood"), ("BT", "absent", "Ann Kay")]


WARDS = """Minutes of the Southvale Borough Council Licensing Committee

Present: Cllr J Smith (Northgate Ward) (Chair), Cllr P Evans (Eastfield Ward)
Absent without apology: Cllr R King (Westcott Ward)
Officers in attendance: Tom Fox (Licensing Manager)

1. Declarations
"""


def test_wards_beside_councillors_and_headings_run_onto_one_line(attendees) -> None:
    got = [(a.delegation_code, a.status, a.person, a.role) for a in attendees(WARDS)]
    assert got == [("NW", "present", "J Smith", "Chair"), ("EW", "present", "P Evans", None),
                   ("WW", "absent", "R King", None),
                   ("SBC", "present", "Tom Fox", "Licensing Manager")]


PARTICLES_LINES = """Coordination Committee

Minutes of the 5th meeting, held on Tuesday 14 May 2019

Present:
Ms. Hélène Dufresne (France)
Mr. Pieter van den Berghe (Belgium)
Ms. Lucía de la Fuente (Spain)

1. Opening
"""

PARTICLES_BULLETS = """# Harbour Users Forum - May meeting

**Attendance**
- Anouk van der Meer (AM), Northern Ferry Lines (NFL)
- Tomas Okafor (TO), of Coastal Pilots Guild (CPG)

1. **Minutes of the last call**
"""


def test_two_particles_stay_inside_the_name(attendees) -> None:
    got = [(a.person, a.delegation_code) for a in attendees(PARTICLES_LINES)]
    assert got == [("Hélène Dufresne", "FRA"), ("Pieter van den Berghe", "BEL"),
                   ("Lucía de la Fuente", "ESP")]
    got = [(a.person, a.delegation_code) for a in attendees(PARTICLES_BULLETS)]
    assert got[0] == ("Anouk van der Meer", "NFL")
