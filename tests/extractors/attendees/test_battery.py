"""A battery of fictional minutes, one per attendance shape real bodies use (issue #12).

Each case is a short text and the (code, status, person, role) records a reader should give,
written before the extractor was run on it. The bodies, persons and places are invented.
"""

from __future__ import annotations

import pytest

Record = tuple[str | None, str, str | None, str | None]

CASES: dict[str, tuple[str, list[Record]]] = {}

CASES["present_one_per_line"] = ("""Minutes of the Kestrel Valley Drainage Board
Meeting held on 4 March 2025 at Mossford Hall

Present:
Ms. Ingrid Halvorsen (Chair)
Mr. Tomas Berengar
Dr. Ada Quillfeather

Apologies:
Mr. Piet Onderdonk

1. Minutes of the last meeting
The minutes were approved.
""", [("KVDB", "present", "Ingrid Halvorsen", "Chair"),
      ("KVDB", "present", "Tomas Berengar", None),
      ("KVDB", "present", "Ada Quillfeather", None),
      ("KVDB", "apologies", "Piet Onderdonk", None)])

CASES["members_present_comma_separated"] = ("""Minutes of the Larkspur Parish Council
Ordinary meeting, 12 May 2025

Members present: Cllr Rhona Tweed (Chair), Cllr Owen Pask, Cllr Maud Ferrow.
In attendance: Mr. Felix Arden (Clerk).
Absent with apology: Cllr Gideon Strand.

1. Declarations of interest
None.
""", [("LPC", "present", "Rhona Tweed", "Chair"),
      ("LPC", "present", "Owen Pask", None),
      ("LPC", "present", "Maud Ferrow", None),
      ("LPC", "present", "Felix Arden", "Clerk"),
      ("LPC", "apologies", "Gideon Strand", None)])

CASES["contracting_parties_observers_not_present"] = ("""Summary of the Third Meeting of the \
Contracting Parties to the Borealis Fisheries Accord

Contracting Parties present: Norway, Iceland, Canada and Denmark.
Observers: Japan, Chile.
Not present: Peru.

1. Opening of the meeting
The Chair opened the meeting.
""", [("NOR", "present", None, None), ("ISL", "present", None, None),
      ("CAN", "present", None, None), ("DNK", "present", None, None),
      ("JPN", "present", None, None), ("CHL", "present", None, None),
      ("PER", "absent", None, None)])

CASES["states_one_per_line"] = ("""Record of the Second Meeting of the Parties to the Tundra \
Grazing Protocol

Present:
Finland
Sweden
Apologies:
Estonia

1. Adoption of the agenda
The agenda was adopted.
""", [("FIN", "present", None, None), ("SWE", "present", None, None),
      ("EST", "apologies", None, None)])

CASES["heading_run_into_paragraph"] = ("""Minutes of the Fernhill Library Trust
Meeting of 3 June 2025

The meeting opened at 18:00. Present: Ms. Clara Voss, Mr. Emil Hartog and Ms. Yara Linde. \
Regrets: Mr. Bruno Falk.

1. Budget
The budget was approved.
""", [("FLT", "present", "Clara Voss", None), ("FLT", "present", "Emil Hartog", None),
      ("FLT", "present", "Yara Linde", None), ("FLT", "apologies", "Bruno Falk", None)])

CASES["bullets_alias_and_organisation"] = ("""# Riverside Data Working Group - Minutes

## Attendees
- Jana Novak (JN), Northfield Statistics Office (NSO)
- Ravi Menon (RM), Coastal Water Agency (CWA)

## Apologies
- Sven Aalto (SA), Northfield Statistics Office (NSO)

## 1. Welcome
JN welcomed members.
""", [("NSO", "present", "Jana Novak", None), ("CWA", "present", "Ravi Menon", None),
      ("NSO", "apologies", "Sven Aalto", None)])

CASES["bullets_organisation_dash_role"] = ("""Minutes of the Meadowbank Transport Forum
Held on 20 January 2025

Present
- Hanna Ostrova, Meadowbank City Council – Chair
- Diego Ferraz, Regional Rail Company – Treasurer
- Ines Capel, Cycling Alliance

Apologies
- Karl Vint, Meadowbank City Council

1. Bus timetables
Discussed.
""", [("MCC", "present", "Hanna Ostrova", "Chair"),
      ("RRC", "present", "Diego Ferraz", "Treasurer"),
      ("CA", "present", "Ines Capel", None),
      ("MCC", "apologies", "Karl Vint", None)])

CASES["bracket_office_and_affiliation"] = ("""Minutes of the Glenmoor Heritage Committee
Meeting of 8 July 2025

Present:
Mr. Alan Dorsey (Chair, Glenmoor Historical Society)
Ms. Petra Lund (Vice-Chair, Stonebridge Museum)
Mr. Iwan Rees (Secretary)

1. Matters arising
None.
""", [("GHS", "present", "Alan Dorsey", "Chair"),
      ("SM", "present", "Petra Lund", "Vice-Chair"),
      ("GHC", "present", "Iwan Rees", "Secretary")])

CASES["pipe_table_attendance_column"] = ("""Minutes of the Ashgrove Schools Board
Meeting of 2 February 2025

| Name | Organisation/Position | Attendance |
|---|---|---|
| Nora Kell | Chair | Present |
| Arlo Venn | Parent Governor | Apologies |
| Mira Soto | Ashgrove Borough Council | Present |

1. Head teacher's report
Noted.
""", [("ASB", "present", "Nora Kell", "Chair"),
      ("ASB", "apologies", "Arlo Venn", "Parent Governor"),
      ("ABC", "present", "Mira Soto", None)])

CASES["pipe_table_present_absent"] = ("""Minutes of the Millbrook Harbour Trust
Meeting of 5 May 2025

| Member | Position | Attendance |
|---|---|---|
| Oskar Lind | Chair | Present |
| Freya Holm | Treasurer | Absent |

1. Dredging
Agreed.
""", [("MHT", "present", "Oskar Lind", "Chair"),
      ("MHT", "absent", "Freya Holm", "Treasurer")])

CASES["country_colon_participant_list"] = ("""Report of the Ministerial Meeting of the Southern \
Ocean Council
Held on 11 November 2025

List of participants

Norway: Ms. Sigrid Almaas, Minister of Fisheries
Chile: Mr. Tomás Urrutia, Minister of Environment
New Zealand: Ms. Aroha Tane, Deputy Minister of Conservation

1. Opening of the meeting
The Chair opened the meeting.
""", [("NOR", "present", "Sigrid Almaas", "Minister of Fisheries"),
      ("CHL", "present", "Tomás Urrutia", "Minister of Environment"),
      ("NZL", "present", "Aroha Tane", "Deputy Minister of Conservation")])

CASES["prose_bureau_members"] = ("""Minutes of the Bureau of the Alpine Lakes Convention
Meeting of 14 March 2025

The meeting was attended by the following members of the Bureau: Mr. Luca Ferri (Italy), \
Ms. Anna Gruber (Austria, substitute for Mr. Stefan Huber) and Mr. Jean Morel (France).

1. Adoption of the agenda
The agenda was adopted.
""", [("ITA", "present", "Luca Ferri", None),
      ("AUT", "present", "Anna Gruber", "substitute for Mr. Stefan Huber"),
      ("FRA", "present", "Jean Morel", None)])

CASES["prose_sent_apologies"] = ("""Minutes of the Westbrook Allotment Society
Meeting held on 9 April 2025.

Present were Ms. Dora Pike, Mr. Harold Wren and Ms. June Abbot. Mr. Colin Marsh sent \
apologies. Apologies were also received from Ms. Edith Crane.

1. Plot inspections
Done.
""", [("WAS", "present", "Dora Pike", None), ("WAS", "present", "Harold Wren", None),
      ("WAS", "present", "June Abbot", None), ("WAS", "apologies", "Colin Marsh", None),
      ("WAS", "apologies", "Edith Crane", None)])

CASES["summary_record_header"] = ("""COMMITTEE ON INLAND WATERWAYS

SUMMARY RECORD OF THE 12TH MEETING

Held at the Palais, Geneva, on Monday, 6 October 2025, at 10 a.m.

Chairman:  Mr. OKONKWO   Nigeria

Members:   Mr. LINDQVIST   Sweden
           Ms. HARTMANN   Germany

Secretariat:   Ms. NAKAMURA   Secretary of the Committee

1. Adoption of the agenda
The agenda was adopted.
""", [("NGA", "present", "OKONKWO", "Chairman"),
      ("SWE", "present", "LINDQVIST", None),
      ("DEU", "present", "HARTMANN", None),
      ("CIW", "present", "NAKAMURA", "Secretary of the Committee")])

CASES["two_columns_row_by_row"] = ("""Minutes of the Harbour Trust Board
Meeting of 1 April 2025

Present
Mr. Ivo Stark          Ms. Lena Roos
Ms. Hilde Brun         Mr. Otto Lamm

Apologies
Ms. Greta Moss

1. Harbour dues
Agreed.
""", [("HTB", "present", "Ivo Stark", None), ("HTB", "present", "Lena Roos", None),
      ("HTB", "present", "Hilde Brun", None), ("HTB", "present", "Otto Lamm", None),
      ("HTB", "apologies", "Greta Moss", None)])

CASES["two_columns_by_status"] = ("""Minutes of the Harbour Trust Board
Meeting of 6 May 2025

Present                         Apologies
Mr. Ivo Stark                   Ms. Greta Moss
Ms. Hilde Brun                  Mr. Paul Kern
Ms. Lena Roos

1. Harbour dues
Agreed.
""", [("HTB", "present", "Ivo Stark", None), ("HTB", "apologies", "Greta Moss", None),
      ("HTB", "present", "Hilde Brun", None), ("HTB", "apologies", "Paul Kern", None),
      ("HTB", "present", "Lena Roos", None)])

CASES["count_with_absentees"] = ("""Minutes of the Eastvale Water Council
Meeting of 2 June 2025

15 of the 17 members attended, Mr. Hugo Brandt and Ms. Selma Ruud being absent.

1. Tariffs
Agreed.
""", [("EWC", "absent", "Hugo Brandt", None), ("EWC", "absent", "Selma Ruud", None)])

CASES["secretariat_of_own_body"] = ("""Minutes of the Orchard Growers Council
Meeting of 9 September 2025

Present:
Ms. Wren Tolley (Chair)
Mr. Abel Quist (Secretariat)

1. Harvest report
The Secretariat presented the report.
""", [("OGC", "present", "Wren Tolley", "Chair"),
      ("OGC", "present", "Abel Quist", None)])  # "(Secretariat)": the affiliation



@pytest.mark.parametrize("name", sorted(CASES))
def test_battery(name: str, attendees) -> None:
    text, expected = CASES[name]
    got = [(a.delegation_code, a.status, a.person, a.role) for a in attendees(text)]
    assert got == expected
