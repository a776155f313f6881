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



# second variants of each shape

CASES["members_present_and_not_present_one_per_line"] = ("""Minutes of the Saltmarsh \
Conservation Panel
Meeting of 10 October 2025

Members present:
Dr. Elsa Brandvold (Chair)
Mr. Kwame Asante
Not present:
Ms. Rita Okafor

1. Bird counts
Noted.
""", [("SCP", "present", "Elsa Brandvold", "Chair"), ("SCP", "present", "Kwame Asante", None),
      ("SCP", "absent", "Rita Okafor", None)])

CASES["present_apologies_in_attendance_comma_lines"] = ("""Minutes of the Tollgate Village Hall \
Committee
Meeting of 4 November 2025

Present: Mrs. Agnes Pollard (Chair), Mr. Reuben Slade, Ms. Tilly Marsh
Apologies: Mr. Lionel Frost, Mrs. Dinah Crabb
In attendance: Ms. Poppy Vane (Minute-taker)

1. Hall bookings
Noted.
""", [("TVHC", "present", "Agnes Pollard", "Chair"), ("TVHC", "present", "Reuben Slade", None),
      ("TVHC", "present", "Tilly Marsh", None), ("TVHC", "apologies", "Lionel Frost", None),
      ("TVHC", "apologies", "Dinah Crabb", None),
      ("TVHC", "present", "Poppy Vane", "Minute-taker")])

CASES["contracting_parties_one_per_line"] = ("""Report of the Fourth Meeting of the Parties to \
the Coral Reef Agreement

Contracting Parties present:
Fiji
Samoa
Tonga
Observers:
Australia
Not present:
Vanuatu

1. Opening
The meeting opened.
""", [("FJI", "present", None, None), ("WSM", "present", None, None),
      ("TON", "present", None, None), ("AUS", "present", None, None),
      ("VUT", "absent", None, None)])

CASES["bullets_alias_organisation_dash_role"] = ("""# Minutes: Open Data Steering Group

**Attendees**
* Mariam Haddad (MH), Dunmore City Council (DCC) – Chair
* Piotr Zielinski (PZ), Harbour Logistics Ltd (HLL)

**Apologies**
* Elena Rossi (ER), Dunmore City Council (DCC)

## 1. Actions
MH opened the meeting.
""", [("DCC", "present", "Mariam Haddad", "Chair"), ("HLL", "present", "Piotr Zielinski", None),
      ("DCC", "apologies", "Elena Rossi", None)])

CASES["prose_bureau_members_with_apologies"] = ("""Minutes of the Executive Bureau of the \
Northern Rivers Commission
Meeting of 12 May 2025

The meeting was attended by the following members of the Bureau: Ms. Karin Olsen (Norway), \
Mr. Pekka Laine (Finland, substitute for Ms. Aino Virta) and Ms. Greta Berg (Sweden). \
Apologies were received from Mr. Lars Holm (Denmark).

1. Work plan
Adopted.
""", [("NOR", "present", "Karin Olsen", None),
      ("FIN", "present", "Pekka Laine", "substitute for Ms. Aino Virta"),
      ("SWE", "present", "Greta Berg", None), ("DNK", "apologies", "Lars Holm", None)])

CASES["country_colon_participants_titles"] = ("""Summary of the Ministerial Conference of the \
Baltic Energy Forum
Held on 3 December 2025

Participants
Estonia: Mr. Jaan Tamm, Minister of Economy
Latvia: Ms. Ilze Kalnina, State Secretary
Lithuania: Mr. Rokas Petrauskas, Deputy Minister of Energy

1. Opening
Opened.
""", [("EST", "present", "Jaan Tamm", "Minister of Economy"),
      ("LVA", "present", "Ilze Kalnina", "State Secretary"),
      ("LTU", "present", "Rokas Petrauskas", "Deputy Minister of Energy")])

CASES["summary_record_header_with_ngos"] = ("""COMMITTEE ON RIVER NAVIGATION

SUMMARY RECORD OF THE 7TH MEETING

Chairman:   Mr. ALVES   Portugal

Members:    Ms. KOWALSKA   Poland
            Mr. NOVAK   Czechia

Representatives of non-governmental organizations:
            Ms. BAKER   River Users Association

Secretariat:   Mr. OSEI   Secretary of the Committee

1. Adoption of the agenda
Adopted.
""", [("PRT", "present", "ALVES", "Chairman"), ("POL", "present", "KOWALSKA", None),
      ("CZE", "present", "NOVAK", None), ("RUA", "present", "BAKER", None),
      ("CRN", "present", "OSEI", "Secretary of the Committee")])

CASES["count_with_absent_delegations"] = ("""Record of the Council of the Western Fisheries Union
Meeting of 9 June 2025

Delegates attended from 8 of the 10 member governments, Chile and Peru being absent.

1. Quotas
Agreed.
""", [("CHL", "absent", None, None), ("PER", "absent", None, None)])

CASES["prose_apologies_received_from"] = ("""Minutes of the Greenfield Residents Association
Meeting held on 2 July 2025.

Present were Mr. Ossian Pratt and Ms. Leona Hart. Apologies were received from \
Mr. Dmitri Sokol and Ms. Imke Vos.

1. Parking
Discussed.
""", [("GRA", "present", "Ossian Pratt", None), ("GRA", "present", "Leona Hart", None),
      ("GRA", "apologies", "Dmitri Sokol", None), ("GRA", "apologies", "Imke Vos", None)])

CASES["pipe_table_organisation_attendance"] = ("""Minutes of the Riverside Flood Forum
Meeting of 8 August 2025

| Name | Organisation | Attendance |
|---|---|---|
| Ada Brennan | Riverside County Council | Present |
| Tom Hale | Farmers Union | Apologies |

1. Flood defences
Noted.
""", [("RCC", "present", "Ada Brennan", None), ("FU", "apologies", "Tom Hale", None)])

CASES["two_columns_row_by_row_with_roles"] = ("""Minutes of the Quayside Market Board
Meeting of 2 March 2025

Present
Ms. Orla Keane (Chair)     Mr. Finn Doyle
Mr. Sean Quill             Ms. Aoife Lynch

1. Stall fees
Agreed.
""", [("QMB", "present", "Orla Keane", "Chair"), ("QMB", "present", "Finn Doyle", None),
      ("QMB", "present", "Sean Quill", None), ("QMB", "present", "Aoife Lynch", None)])

CASES["headings_run_into_paragraph_attendees_regrets"] = ("""Minutes of the Brookside Choir \
Society
Meeting of 5 May 2025

The chair opened the meeting at 19:30. Attendees: Mr. Hal Morrow, Ms. Nell Crisp. \
Regrets: Ms. Vera Stoll.

1. Concert plans
Agreed.
""", [("BCS", "present", "Hal Morrow", None), ("BCS", "present", "Nell Crisp", None),
      ("BCS", "apologies", "Vera Stoll", None)])


# the body's own code for persons with no affiliation, whatever the title's shape

CASES["title_body_then_dash_minutes"] = ("""Cedar Valley Water Board — Minutes of the meeting \
held on 3 May 2025

Present: Ms. Ann Lee, Mr. Bo Ek

1. Tariffs
Agreed.
""", [("CVWB", "present", "Ann Lee", None), ("CVWB", "present", "Bo Ek", None)])

CASES["title_minutes_colon_body_comma_date"] = ("""Minutes: Cedar Valley Water Board, 3 May 2025

Present: Ms. Ann Lee, Mr. Bo Ek

1. Tariffs
Agreed.
""", [("CVWB", "present", "Ann Lee", None), ("CVWB", "present", "Bo Ek", None)])

CASES["body_of_states_president_without_state"] = ("""Conference of Plenipotentiaries on Inland \
Fisheries: Summary Record of the Fifth Meeting

President: Mr. HOLTE

1. Consideration of the draft convention
The PRESIDENT opened the meeting.
""", [(None, "present", "HOLTE", "President")])


# run-on lists of bare names, dash affiliations, sentences of apologies

CASES["those_present_no_titles"] = ("""Minutes of the Linden Road Residents Forum
Meeting of 3 May 2025

Those present: Ann Lee (Chair), Bo Ek, Cy Dunn
Apologies: none

1. Parking
Agreed.
""", [('LRRF', 'present', 'Ann Lee', 'Chair'),
      ('LRRF', 'present', 'Bo Ek', None),
      ('LRRF', 'present', 'Cy Dunn', None)])

CASES["present_in_person_online"] = ("""Minutes of the Hollow Lane Surgery Patient Group
Meeting of 3 May 2025

Present (in person): Ann Lee, Bo Ek
Present (online): Cy Dunn
Apologies: Di Vale

1. Opening hours
Noted.
""", [('HLSPG', 'present', 'Ann Lee', None),
      ('HLSPG', 'present', 'Bo Ek', None),
      ('HLSPG', 'present', 'Cy Dunn', None),
      ('HLSPG', 'apologies', 'Di Vale', None)])

CASES["absent_line_names"] = ("""Minutes of the Thornby School Council
Meeting of 3 May 2025

Present: Ann Lee, Bo Ek, Cy Dunn
Absent: Di Vale

1. Lunches
Agreed.
""", [('TSC', 'present', 'Ann Lee', None),
      ('TSC', 'present', 'Bo Ek', None),
      ('TSC', 'present', 'Cy Dunn', None),
      ('TSC', 'absent', 'Di Vale', None)])

CASES["apologies_for_absence_sentence"] = ("""Minutes of the Fennel Street Allotments Committee
Meeting of 3 May 2025

Present: Ms. Ann Lee, Mr. Bo Ek.

Apologies for absence were received from Mr. Cy Dunn and Ms. Di Vale.

1. Water
Agreed.
""", [('FSAC', 'present', 'Ann Lee', None),
      ('FSAC', 'present', 'Bo Ek', None),
      ('FSAC', 'apologies', 'Cy Dunn', None),
      ('FSAC', 'apologies', 'Di Vale', None)])

CASES["name_dash_org"] = ("""Minutes of the Coastal Path Partnership
Meeting of 3 May 2025

ATTENDANCE
Ann Lee – Northshire County Council
Bo Ek – Ramblers Association
APOLOGIES
Cy Dunn – Northshire County Council

1. Erosion
Noted.
""", [('NCC', 'present', 'Ann Lee', None),
      ('RA', 'present', 'Bo Ek', None),
      ('NCC', 'apologies', 'Cy Dunn', None)])

CASES["bullets_name_role_org_dash"] = ("""# Minutes – Metro Cycling Taskforce
Date: 3 May 2025

## Present
- Ann Lee – Chair, Metro Transport Authority
- Bo Ek – Policy Officer, Cycle Union
## Apologies
- Cy Dunn – Metro Transport Authority

## 1. Lanes
Agreed.
""", [('MTA', 'present', 'Ann Lee', 'Chair'),
      ('CU', 'present', 'Bo Ek', 'Policy Officer'),
      ('MTA', 'apologies', 'Cy Dunn', None)])


CASES["in_the_chair_plural_title_also_present"] = ("""Minutes of the Wexcombe Parish Council
Meeting of 3 May 2025

In the Chair: Cllr Hugh Penn
Present: Cllrs Iris Dale, Jon Frayn and Kit Moss
Also present: Mr. Leo Vance (Auditor, Vance & Co)

1. Accounts
Agreed.
""", [("WPC", "present", "Hugh Penn", "Chair"), ("WPC", "present", "Iris Dale", None),
      ("WPC", "present", "Jon Frayn", None), ("WPC", "present", "Kit Moss", None),
      ("VC", "present", "Leo Vance", "Auditor")])

CASES["board_and_staff_present_offices_in_brackets"] = ("""Minutes of the Elmstead Housing \
Trust Board
Meeting of 3 May 2025

Board members present: Ann Lee (Chair), Bo Ek, Cy Dunn
Staff present: Di Vale (Chief Executive), Ed Yates (Company Secretary)
Apologies: Fay Gull

1. Rents
Agreed.
""", [("EHTB", "present", "Ann Lee", "Chair"), ("EHTB", "present", "Bo Ek", None),
      ("EHTB", "present", "Cy Dunn", None), ("EHTB", "present", "Di Vale", "Chief Executive"),
      ("EHTB", "present", "Ed Yates", "Company Secretary"),
      ("EHTB", "apologies", "Fay Gull", None)])

CASES["states_represented_sentence_then_observers"] = ("""Report of the Second Session of the \
Andean Water Commission
Held on 3 May 2025

The following member States were represented: Bolivia, Colombia, Ecuador and Peru.
Observers: Argentina.

1. Opening
Opened.
""", [("BOL", "present", None, None), ("COL", "present", None, None),
      ("ECU", "present", None, None), ("PER", "present", None, None),
      ("ARG", "present", None, None)])


CASES["chair_line_is_meeting_data_not_a_header"] = ("""Minutes of the Lakeside Sailing Club \
Committee
Chair: Mr. Al Finch (Commodore)

Present:
Ms. Jo Park
Mr. Al Finch

1. Moorings
Agreed.
""", [("LSCC", "present", "Jo Park", None), ("LSCC", "present", "Al Finch", None)])


# heading styles, office prefixes, lines after an attendance sentence, headless tables

CASES["councillor_titles_upper_heading"] = ("""MINUTES OF THE ASHFORD VALE TOWN COUNCIL
Meeting held on 3 May 2025

PRESENT: Councillor Ann Lee (Chairman), Councillor Bo Ek, Councillor Cy Dunn

1. Apologies
None.
""", [('AVTC', 'present', 'Ann Lee', 'Chairman'),
      ('AVTC', 'present', 'Bo Ek', 'Councillor'),
      ('AVTC', 'present', 'Cy Dunn', 'Councillor')])

CASES["bold_markdown_headings"] = ("""# Minutes of the Kelso Library Friends Group
3 May 2025

**Present:** Ann Lee, Bo Ek
**Apologies:** Cy Dunn

## 1. Book sale
Agreed.
""", [('KLFG', 'present', 'Ann Lee', None),
      ('KLFG', 'present', 'Bo Ek', None),
      ('KLFG', 'apologies', 'Cy Dunn', None)])

CASES["following_were_present_lines"] = ("""Minutes of the Marsh Lane Bowls Club Committee
Meeting of 3 May 2025

The following were present:
Ann Lee (Chair)
Bo Ek (Treasurer)
Cy Dunn

1. Greens
Agreed.
""", [('MLBCC', 'present', 'Ann Lee', 'Chair'),
      ('MLBCC', 'present', 'Bo Ek', 'Treasurer'),
      ('MLBCC', 'present', 'Cy Dunn', None)])

CASES["members_present_members_absent"] = ("""Minutes of the Oakridge Drainage Committee
Meeting of 3 May 2025

Members Present
Ann Lee
Bo Ek
Members Absent
Cy Dunn

1. Ditches
Agreed.
""", [('ODC', 'present', 'Ann Lee', None),
      ('ODC', 'present', 'Bo Ek', None),
      ('ODC', 'absent', 'Cy Dunn', None)])

CASES["name_org_brackets_no_titles"] = ("""Minutes of the Northvale Health Partnership
Meeting of 3 May 2025

Attendees
Ann Lee (Northvale Hospital Trust)
Bo Ek (Northvale County Council)
Apologies
Cy Dunn (Northvale Hospital Trust)

1. Waiting times
Noted.
""", [('NHT', 'present', 'Ann Lee', None),
      ('NCC', 'present', 'Bo Ek', None),
      ('NHT', 'apologies', 'Cy Dunn', None)])

CASES["apologies_sentence_councillors"] = ("""Minutes of the Hatherley Parish Council
Meeting of 3 May 2025

Present: Cllr Ann Lee (Chair), Cllr Bo Ek.
Apologies were received from Councillors Cy Dunn and Di Vale.

1. Footpaths
Agreed.
""", [('HPC', 'present', 'Ann Lee', 'Chair'),
      ('HPC', 'present', 'Bo Ek', None),
      ('HPC', 'apologies', 'Cy Dunn', None),
      ('HPC', 'apologies', 'Di Vale', None)])

CASES["headless_pipe_table_under_attendance"] = ("""Minutes of the Fairport Ferry Users Group
Meeting of 3 May 2025

Attendance
| Ann Lee | Chair | Fairport Ferries |
| Bo Ek | Member | Island Council |

1. Timetable
Agreed.
""", [('FF', 'present', 'Ann Lee', 'Chair'),
      ('IC', 'present', 'Bo Ek', 'Member')])

CASES["absent_none_not_a_record"] = ("""Minutes of the Stowe Green Committee
Meeting of 3 May 2025

Present: Mr. Ann Lee, Ms. Bo Ek
Absent: None
Apologies: Nil

1. Grass
Agreed.
""", [('SGC', 'present', 'Ann Lee', None),
      ('SGC', 'present', 'Bo Ek', None)])


# dash roles, numbered attendees, 'Country – Name, Title', 'Also attending were', no list

CASES["name_dash_role_lines"] = ("""Minutes of the Pinewood Scout Group Executive
Meeting of 3 May 2025

Present:
Ann Lee – Chair
Bo Ek – Treasurer
Apologies: Cy Dunn; Di Vale

1. Camp
Agreed.
""", [('PSGE', 'present', 'Ann Lee', 'Chair'),
      ('PSGE', 'present', 'Bo Ek', 'Treasurer'),
      ('PSGE', 'apologies', 'Cy Dunn', None),
      ('PSGE', 'apologies', 'Di Vale', None)])

CASES["numbered_attendees"] = ("""Minutes of the Riverbank Tenants Association
Meeting of 3 May 2025

Present
1. Ann Lee (Chair)
2. Bo Ek
3. Cy Dunn

Agenda
1. Repairs
Agreed.
""", [('RTA', 'present', 'Ann Lee', 'Chair'),
      ('RTA', 'present', 'Bo Ek', None),
      ('RTA', 'present', 'Cy Dunn', None)])

CASES["country_dash_person_title"] = ("""Report of the Ninth Meeting of the Parties to the \
Arctic Char Accord
Held on 3 May 2025

Delegations present:
Norway – Ms. Ida Berg, Ambassador
Iceland – Mr. Jon Gunnarsson, Director of Fisheries

1. Opening
Opened.
""", [('NOR', 'present', 'Ida Berg', 'Ambassador'),
      ('ISL', 'present', 'Jon Gunnarsson', 'Director of Fisheries')])

CASES["also_attending_sentence"] = ("""Minutes of the Greyfriars Museum Trust
Meeting of 3 May 2025

Present: Ms. Ann Lee (Chair), Mr. Bo Ek.
Also attending were Ms. Cy Dunn (Observer) and Mr. Di Vale.

1. Exhibits
Agreed.
""", [('GMT', 'present', 'Ann Lee', 'Chair'),
      ('GMT', 'present', 'Bo Ek', None),
      ('GMT', 'present', 'Cy Dunn', 'Observer'),
      ('GMT', 'present', 'Di Vale', None)])

CASES["participants_see_annex"] = ("""Minutes of the Westmoor Energy Forum
Meeting of 3 May 2025

Participants: see Annex I.

1. Tariffs
Agreed.
""", [])


@pytest.mark.parametrize("name", sorted(CASES))
def test_battery(name: str, attendees) -> None:
    text, expected = CASES[name]
    got = [(a.delegation_code, a.status, a.person, a.role) for a in attendees(text)]
    assert got == expected
