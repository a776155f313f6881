"""Write small, fictional sample minutes in every input format the pipeline reads.

The meetings, dates, people and discussions below were invented by the ccm-minutes team;
only the State and organisation names are real. Each document's content is defined once
as structured data and rendered to one format:

* ``sample_01_coordination_committee.txt``  Markdown-ish text
* ``sample_02_informal_consultation.docx``  Word (python-docx)
* ``sample_03_coordination_committee.pdf``  PDF with a text layer (fpdf2)
* ``sample_04_scanned.pdf``                 image-only PDF (Pillow + fpdf2), no text layer
* ``sample_05_informal_consultation.html``  web page, the minutes inside site chrome
* ``sample_06_coordination_committee.rtf``  RTF as Word writes it (heading styles, list, table)
* ``sample_07_coordination_committee.odt``  OpenDocument text (odfpy)

* ``sample_08_informal_consultation.doc``   legacy Word 97 (``word97.py``), unformatted paragraphs

Samples 05-08 render the minutes of samples 02, 03, 01 and 02 again, so the same meeting is
read from every format (the store marks the later copies ``duplicate_of`` the first). Nothing
in the stack writes legacy Word, so ``word97.py`` writes the smallest Word 97 file antiword
reads: text without styles, so the .doc's attendance is ``Delegation – representatives`` lines.

Output is byte-for-byte deterministic: fixed PDF creation dates, fixed docx and odt
properties and normalised zip entry timestamps.

Usage::

    .venv/bin/python scripts/make_samples.py [--out data/raw/]
"""

from __future__ import annotations

import argparse
import importlib.util
import io
import re
import sys
import zipfile
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path
from types import ModuleType

from fpdf import FPDF

DEFAULT_OUT = Path(__file__).resolve().parent.parent / "data" / "raw"
FIXED_DATETIME = datetime(2019, 12, 31, 12, 0, 0, tzinfo=UTC)
ZIP_DATE_TIME = (2019, 12, 31, 12, 0, 0)
RUNNING_HEADER = "CCM Coordination Committee"


# --------------------------------------------------------------------------------------
# Structured content
# --------------------------------------------------------------------------------------


@dataclass(frozen=True)
class Person:
    """One named representative of a delegation."""

    honorific: str
    name: str
    role: str

    def label(self) -> str:
        """Return e.g. ``"Ms. Ilse Marovic, First Secretary"``."""
        return f"{self.honorific} {self.name}, {self.role}"


@dataclass(frozen=True)
class Delegation:
    """A State or organisation and the people it sent."""

    name: str
    people: tuple[Person, ...]


@dataclass(frozen=True)
class Bullets:
    """A bulleted list inside an agenda item."""

    items: tuple[str, ...]


Block = str | Bullets


@dataclass(frozen=True)
class SubItem:
    """A numbered sub-item such as ``2.1``."""

    number: str
    title: str
    blocks: tuple[Block, ...]


@dataclass(frozen=True)
class AgendaItem:
    """A numbered agenda item with its paragraphs, bullets and sub-items."""

    number: int
    title: str
    blocks: tuple[Block, ...] = ()
    sub_items: tuple[SubItem, ...] = ()


@dataclass(frozen=True)
class Minutes:
    """A complete set of meeting minutes."""

    title: str
    date_line: str
    venue: str
    time: str
    chair: str
    attendees: tuple[Delegation, ...]
    apologies: tuple[str, ...]
    agenda: tuple[AgendaItem, ...]
    closing: tuple[str, ...] = field(default=())


DPR = "Deputy Permanent Representative"


def _p(honorific: str, name: str, role: str) -> Person:
    return Person(honorific, name, role)


SAMPLE_01 = Minutes(
    title="Coordination Committee Meeting",
    date_line="Thursday 14 February 2019",
    venue="Venue: Palais des Nations, Room XXIV, Geneva",
    time="Time: 10:00 - 12:30",
    chair="Chair: Ms. Ilse Marovic (Presidency)",
    attendees=(
        Delegation("Germany", (_p("Mr.", "Jonas Albrecht-Weil", "First Secretary"),)),
        Delegation(
            "Norway",
            (
                _p("Ms.", "Sigrun Tveitnes", "Counsellor"),
                _p("Mr.", "Eirik Dalsbotten", "Adviser"),
            ),
        ),
        Delegation("Switzerland", (_p("Dr.", "Anouk Perrenoud-Bise", "Deputy Head of Mission"),)),
        Delegation("Chile", (_p("Mr.", "Tomas Irarrazabal Ruiz", "Second Secretary"),)),
        Delegation("Philippines", (_p("Ms.", "Marites Dumalagan", "Minister Counsellor"),)),
        Delegation("Iraq", (_p("Mr.", "Karim Al-Nassiri", "First Secretary"),)),
        Delegation("CMC", (_p("Ms.", "Roisin Fennelly-Hart", "Policy Officer"),)),
        Delegation("ICRC", (_p("Mr.", "Laurent Vauclair", "Legal Adviser"),)),
        Delegation(
            "ISU-CCM",
            (
                _p("Ms.", "Dagny Okonkwo-Lind", "Director"),
                _p("Mr.", "Petar Zelenovic", "Implementation Support Officer"),
            ),
        ),
    ),
    apologies=("Mexico", "New Zealand", "UNDP"),
    agenda=(
        AgendaItem(
            1,
            "Opening and adoption of the agenda",
            (
                "The Chair opened the meeting and welcomed the members of the Committee, "
                "noting that this was the first meeting of the Committee in 2019.",
                "The Committee approved the minutes of the meeting held on 17 January 2019 "
                "without amendment and adopted the provisional agenda.",
            ),
        ),
        AgendaItem(
            2,
            "Preparations for the intersessional meeting",
            (),
            (
                SubItem(
                    "2.1",
                    "Dates and programme",
                    (
                        "The ISU informed the Committee that the intersessional meeting would "
                        "take place on 16 - 17 March 2019 and that the draft programme had been "
                        "shared with coordinators on 8 February.",
                        "Germany: Thanked the ISU for the draft programme and asked that the "
                        "session on victim assistance be extended by thirty minutes.",
                        "Norway stated that it supported the proposal from Germany and suggested "
                        "that the morning of 17 March be reserved for a panel on clearance.",
                        Bullets(
                            (
                                "Day one: general exchange of views and universalization.",
                                "Day two: clearance, victim assistance and transparency reports.",
                            )
                        ),
                    ),
                ),
                SubItem(
                    "2.2",
                    "Sponsorship programme",
                    (
                        "Switzerland, speaking on behalf of the sponsorship donors group, "
                        "reported that eleven delegates had so far accepted sponsorship.",
                        "The ISU will circulate the draft by 15 March 2019.",
                    ),
                ),
            ),
        ),
        AgendaItem(
            3,
            "Universalization",
            (
                "Chile reported on its outreach to States in the region and noted that two "
                "capitals had requested technical briefings before the end of April.",
                "The CMC said that it would hold a campaigners meeting in the margins of the "
                "intersessional meeting and invited members of the Committee to attend.",
                "The Committee decided to request the coordinators on universalization to "
                "prepare a short update for the next meeting.",
            ),
        ),
        AgendaItem(
            4,
            "Any other business",
            (
                "The ICRC informed the Committee of a regional seminar to be held from "
                "2 to 4 April 2019 and offered to share the concept note.",
                "Action: The ISU will share the updated contact list with all coordinators "
                "by 22 February 2019.",
                "The next meeting of the Committee will be held on 7 March 2019.",
            ),
        ),
    ),
    closing=("The Chair closed the meeting at 12:25.",),
)


SAMPLE_02 = Minutes(
    title="Informal Consultation on the Draft Lausanne Action Plan Review",
    date_line="Wednesday 10 April 2019",
    venue="Venue: Maison de la Paix, Geneva",
    time="Time: 15:00 - 17:00",
    chair="Chair: Mr. Ruben Castellanos Vidal (Presidency)",
    attendees=(
        Delegation("Austria", (_p("Ms.", "Hedwig Stolzenthaler", "Counsellor"),)),
        Delegation("Canada", (_p("Mr.", "Dorian McAllister-Roy", "Second Secretary"),)),
        Delegation("Ireland", (_p("Ms.", "Aoibheann Culleton", DPR),)),
        Delegation("Japan", (_p("Mr.", "Kenta Oshirogawa", "First Secretary"),)),
        Delegation("Lao PDR", (_p("Mr.", "Somsak Vongphachanh", "Counsellor"),)),
        Delegation("Lebanon", (_p("Ms.", "Rania Haddad-Khoury", "Attachée"),)),
        Delegation("South Africa", (_p("H.E. Ms.", "Nomvula Dlaminekhosi", "Ambassador"),)),
        Delegation("UNDP", (_p("Mr.", "Arvid Lindqvist-Mora", "Programme Specialist"),)),
        Delegation("UNODA", (_p("Ms.", "Priya Ramaswamy-Kent", "Political Affairs Officer"),)),
        Delegation("ISU-CCM", (_p("Ms.", "Dagny Okonkwo-Lind", "Director"),)),
    ),
    apologies=("Belgium", "Peru", "ICRC"),
    agenda=(
        AgendaItem(
            1,
            "Welcome by the Chair",
            (
                "The Chair welcomed participants and recalled that the consultation aimed to "
                "gather views on the structure of the progress report before the drafting "
                "session on 2 May.",
            ),
        ),
        AgendaItem(
            2,
            "Presentation of the zero draft",
            (
                "The ISU presented the zero draft and highlighted three areas where "
                "indicators were still missing:",
                Bullets(
                    (
                        "Stockpile destruction timelines reported after 1 January 2019;",
                        "Gender and diversity in clearance operations;",
                        "Cooperation and assistance partnerships.",
                    )
                ),
            ),
            (
                SubItem(
                    "2.1",
                    "Comments from delegations",
                    (
                        "Ireland: Welcomed the zero draft and proposed that the section on "
                        "victim assistance refer explicitly to the Committee's earlier findings.",
                        "Lao PDR stated that national clearance data for 2018 would be "
                        "submitted by 30 April 2019.",
                        "South Africa, speaking on behalf of the African Group, stressed the "
                        "need for predictable funding for affected States.",
                        "Japan asked whether the baseline could be aligned with the 15 - 16 "
                        "October 2018 workshop conclusions.",
                    ),
                ),
                SubItem(
                    "2.2",
                    "Views of organisations",
                    (
                        "UNDP: Offered to provide data on integrated programming in three "
                        "affected States.",
                        "UNODA noted that the reporting template would be updated in June.",
                    ),
                ),
            ),
        ),
        AgendaItem(
            3,
            "Way forward",
            (
                "The Committee agreed that the Presidency would revise the zero draft in "
                "light of the comments received.",
                "The ISU will circulate the revised draft by 24 April 2019.",
                "Written comments should reach the ISU no later than 29 April.",
            ),
        ),
    ),
    closing=("The consultation ended at 16:50.",),
)


SAMPLE_03 = Minutes(
    title="Coordination Committee Meeting",
    date_line="Tuesday 3 September 2019",
    venue="Venue: Palais des Nations, Room VII, Geneva",
    time="Time: 14:30 - 17:30",
    chair="Chair: Ms. Ilse Marovic (Presidency)",
    attendees=(
        Delegation("Afghanistan", (_p("Mr.", "Farid Ahmadzai-Noori", "Counsellor"),)),
        Delegation("Australia", (_p("Ms.", "Bronwyn Caldicott", "First Secretary"),)),
        Delegation(
            "France",
            (
                _p("Mr.", "Gaspard Lemarchand-Oury", "Counsellor"),
                _p("Ms.", "Solene Rivaud", "Legal Adviser"),
            ),
        ),
        Delegation("Germany", (_p("Mr.", "Jonas Albrecht-Weil", "First Secretary"),)),
        Delegation("Italy", (_p("Dr.", "Ludovica Ferrantelli", "Deputy Head of Mission"),)),
        Delegation("Netherlands", (_p("Mr.", "Maarten Vos-Hoekstra", "Policy Adviser"),)),
        Delegation("Norway", (_p("Ms.", "Sigrun Tveitnes", "Counsellor"),)),
        Delegation("Spain", (_p("Ms.", "Catalina Urrutibeascoa", "Second Secretary"),)),
        Delegation("Switzerland", (_p("Dr.", "Anouk Perrenoud-Bise", "Deputy Head of Mission"),)),
        Delegation("Zambia", (_p("Mr.", "Chanda Mwalimbule", "First Secretary"),)),
        Delegation("CMC", (_p("Ms.", "Roisin Fennelly-Hart", "Policy Officer"),)),
        Delegation("ICRC", (_p("Mr.", "Laurent Vauclair", "Legal Adviser"),)),
        Delegation("UNODA", (_p("Ms.", "Priya Ramaswamy-Kent", "Political Affairs Officer"),)),
        Delegation(
            "ISU-CCM",
            (
                _p("Ms.", "Dagny Okonkwo-Lind", "Director"),
                _p("Mr.", "Petar Zelenovic", "Implementation Support Officer"),
            ),
        ),
    ),
    apologies=("Croatia", "Ghana", "Mexico", "UNDP"),
    agenda=(
        AgendaItem(
            1,
            "Adoption of the agenda and of the previous minutes",
            (
                "The Chair welcomed members and noted that this was the last meeting of the "
                "Committee before the Meeting of States Parties, to be held in Geneva on "
                "25 - 27 November 2019.",
                "The Committee approved the minutes of the meeting held on 11 July 2019 with "
                "one editorial correction proposed by France.",
            ),
        ),
        AgendaItem(
            2,
            "Preparations for the Meeting of States Parties",
            (),
            (
                SubItem(
                    "2.1",
                    "Draft provisional agenda and programme of work",
                    (
                        "The Presidency presented the draft provisional agenda and explained "
                        "that the general exchange of views would be limited to five minutes "
                        "per delegation.",
                        "France: Supported the time limit but asked that affected States be "
                        "given priority in the speakers list.",
                        "Australia stated that it could accept the draft agenda as presented and "
                        "thanked the Presidency for the early circulation of documents.",
                        "Switzerland, speaking on behalf of the host country, informed the "
                        "Committee that the conference rooms had been confirmed and that a "
                        "briefing for delegates would be held on 24 November.",
                        Bullets(
                            (
                                "Opening session and election of officers;",
                                "General exchange of views;",
                                "Thematic sessions on clearance, stockpile destruction and "
                                "victim assistance;",
                                "Consideration of requests for extension of deadlines;",
                                "Adoption of the final report.",
                            )
                        ),
                        "The Committee approved the draft provisional agenda for circulation "
                        "to all States Parties.",
                    ),
                ),
                SubItem(
                    "2.2",
                    "Extension requests",
                    (
                        "The coordinators on clearance reported that two extension requests had "
                        "been received, the first on 1 August and the second on 19 August 2019.",
                        "Afghanistan: Presented the main elements of its request and noted that "
                        "the remaining contaminated area had been reduced by almost a third "
                        "since the previous reporting period.",
                        "The Netherlands stated that the analysis group would meet on "
                        "12 September 2019 and that its observations would be shared with the "
                        "requesting States in advance of the Meeting.",
                        "The ICRC encouraged the requesting States to include information on "
                        "risk education and on the needs of affected communities.",
                        "Action: The ISU will circulate the draft analyses by 30 September 2019.",
                    ),
                ),
                SubItem(
                    "2.3",
                    "Sponsorship and side events",
                    (
                        "Norway, speaking on behalf of the sponsorship donors group, reported "
                        "that funding was available for up to twenty-two delegates.",
                        "The CMC informed the Committee that it intended to organise a side "
                        "event on survivor networks on 26 November.",
                        "Italy asked whether side event requests received after 1 October "
                        "would still be considered; the ISU confirmed that they would, subject "
                        "to room availability.",
                    ),
                ),
            ),
        ),
        AgendaItem(
            3,
            "Transparency reporting",
            (
                "The ISU reported that the compliance rate for initial reports stood at "
                "eighty-five per cent, while fourteen annual reports due by 30 April 2019 "
                "had not yet been received.",
                "Zambia: Thanked the ISU for the reminder letters and offered to share its "
                "experience of using the simplified reporting form.",
                "Spain stated that it was ready to support a workshop on reporting for States "
                "in need of assistance.",
                "The Committee decided to request the Presidency to send a joint letter to the "
                "States concerned before the end of October.",
            ),
        ),
        AgendaItem(
            4,
            "Financial matters",
            (
                "The ISU Director presented the financial update and noted that the assessed "
                "contributions for 2019 had been received from a majority of States Parties.",
                "Germany stated that it would make an additional voluntary contribution to the "
                "ISU trust fund before the end of the year.",
                "UNODA: Recalled that invoices for the Meeting of States Parties would be "
                "issued in the first half of October.",
            ),
        ),
        AgendaItem(
            5,
            "Any other business",
            (
                "The Chair thanked the outgoing coordinators for their work during the year.",
                "The next meeting of the Committee will be held on 8 October 2019.",
            ),
        ),
    ),
    closing=("The Chair closed the meeting at 17:20.",),
)


SAMPLE_04 = Minutes(
    title="Coordination Committee Meeting",
    date_line="Thursday 5 December 2019",
    venue="Venue: Palais des Nations, Room XXIV, Geneva",
    time="Time: 10:00 - 11:30",
    chair="Chair: Mr. Ruben Castellanos Vidal (Presidency)",
    attendees=(
        Delegation("Canada", (_p("Mr.", "Dorian McAllister-Roy", "Second Secretary"),)),
        Delegation("Chile", (_p("Mr.", "Tomas Irarrazabal Ruiz", "Second Secretary"),)),
        Delegation("Ireland", (_p("Ms.", "Aoibheann Culleton", DPR),)),
        Delegation("CMC", (_p("Ms.", "Roisin Fennelly-Hart", "Policy Officer"),)),
        Delegation("ISU-CCM", (_p("Ms.", "Dagny Okonkwo-Lind", "Director"),)),
    ),
    apologies=("Norway", "ICRC"),
    agenda=(
        AgendaItem(
            1,
            "Review of the Meeting of States Parties",
            (
                "The Committee approved the minutes of the meeting held on 3 September 2019.",
                "Canada: Thanked the Presidency for the smooth conduct of the Meeting.",
                "Chile stated that the outcome on extension requests was a good precedent.",
            ),
        ),
        AgendaItem(
            2,
            "Handover",
            (
                "The ISU will circulate the handover note by 20 December 2019.",
                "The next meeting will be held on 16 January.",
            ),
        ),
    ),
)


# --------------------------------------------------------------------------------------
# Shared helpers
# --------------------------------------------------------------------------------------


def _attendee_rows(minutes: Minutes) -> list[tuple[str, str]]:
    """Return one ``(delegation, representatives)`` row per delegation."""
    return [(d.name, "; ".join(p.label() for p in d.people)) for d in minutes.attendees]


def _latin1(text: str) -> str:
    """Map typographic characters to ones the PDF core fonts (latin-1) can encode."""
    table = {"–": "-", "—": "-", "’": "'", "‘": "'", "“": '"', "”": '"', "…": "..."}
    for src, dst in table.items():
        text = text.replace(src, dst)
    return text.encode("latin-1", "replace").decode("latin-1")


def _configure_pdf(pdf: FPDF, title: str) -> FPDF:
    """Give an fpdf2 document fixed, deterministic metadata."""
    pdf.set_creation_date(FIXED_DATETIME)
    pdf.set_author("ccm-minutes team (fictional sample)")
    pdf.set_creator("scripts/make_samples.py")
    pdf.set_title(title)
    return pdf


# --------------------------------------------------------------------------------------
# Renderers
# --------------------------------------------------------------------------------------


def render_text(minutes: Minutes) -> str:
    """Render minutes as Markdown-ish text (``**bold**`` headings, ``-`` bullets, ``|`` table)."""
    lines: list[str] = [
        f"**{minutes.title}**",
        minutes.date_line,
        minutes.venue,
        minutes.time,
        minutes.chair,
        "",
        "**List of Attendees**",
        "",
        "| Delegation | Representatives |",
        "|------------|-----------------|",
    ]
    lines += [f"| {name} | {reps} |" for name, reps in _attendee_rows(minutes)]
    lines += ["", "**Apologies received**", ""]
    lines += [f"- {name}" for name in minutes.apologies]
    lines.append("")

    def blocks(items: Sequence[Block]) -> None:
        for block in items:
            if isinstance(block, Bullets):
                lines.extend(f"- {item}" for item in block.items)
                lines.append("")
            else:
                lines.extend([block, ""])

    for item in minutes.agenda:
        lines += [f"**Agenda Item {item.number} – {item.title}**", ""]
        blocks(item.blocks)
        for sub in item.sub_items:
            lines += [f"**{sub.number} {sub.title}**", ""]
            blocks(sub.blocks)
    for para in minutes.closing:
        lines += [para, ""]
    return "\n".join(lines).rstrip("\n") + "\n"


def _add_page_number_field(paragraph: object) -> None:
    """Append ``Page <PAGE>`` (a Word PAGE field) to a docx paragraph."""
    from docx.oxml import OxmlElement
    from docx.oxml.ns import qn

    paragraph.add_run("Page ")
    run = paragraph.add_run()
    for kind, instr in (("begin", None), (None, " PAGE "), ("separate", None)):
        if kind:
            el = OxmlElement("w:fldChar")
            el.set(qn("w:fldCharType"), kind)
        else:
            el = OxmlElement("w:instrText")
            el.set(qn("xml:space"), "preserve")
            el.text = instr
        run._r.append(el)
    paragraph.add_run("1")
    end_run = paragraph.add_run()
    end = OxmlElement("w:fldChar")
    end.set(qn("w:fldCharType"), "end")
    end_run._r.append(end)


def _normalise_zip(data: bytes, stored_first: str | None = None,
                   change: Callable[[str, bytes], bytes] | None = None) -> bytes:
    """Rewrite a zip archive with fixed entry timestamps and attributes (``stored_first``:
    a member kept uncompressed, as OpenDocument's ``mimetype`` must be; ``change``: applied
    to each member's name and bytes)."""
    src = zipfile.ZipFile(io.BytesIO(data))
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as dst:
        for info in src.infolist():
            fixed = zipfile.ZipInfo(info.filename, date_time=ZIP_DATE_TIME)
            fixed.compress_type = (zipfile.ZIP_STORED if info.filename == stored_first
                                   else zipfile.ZIP_DEFLATED)
            fixed.external_attr = 0o644 << 16
            fixed.create_system = 0
            content = src.read(info.filename)
            dst.writestr(fixed, change(info.filename, content) if change else content)
    return out.getvalue()


def render_docx(minutes: Minutes) -> bytes:
    """Render minutes as a Word document and return deterministic bytes."""
    from docx import Document
    from docx.enum.text import WD_ALIGN_PARAGRAPH

    doc = Document()
    props = doc.core_properties
    props.title = minutes.title
    props.author = "ccm-minutes team (fictional sample)"
    props.last_modified_by = "ccm-minutes team"
    props.comments = "Fictional sample generated by scripts/make_samples.py"
    props.created = FIXED_DATETIME.replace(tzinfo=None)
    props.modified = FIXED_DATETIME.replace(tzinfo=None)
    props.last_printed = FIXED_DATETIME.replace(tzinfo=None)
    props.revision = 1

    section = doc.sections[0]
    section.header.paragraphs[0].text = RUNNING_HEADER
    footer_para = section.footer.paragraphs[0]
    footer_para.alignment = WD_ALIGN_PARAGRAPH.CENTER
    _add_page_number_field(footer_para)

    doc.add_heading(minutes.title, level=1)
    for line in (minutes.date_line, minutes.venue, minutes.time, minutes.chair):
        doc.add_paragraph(line)

    doc.add_heading("List of Attendees", level=2)
    table = doc.add_table(rows=1, cols=2)
    table.style = "Table Grid"
    table.rows[0].cells[0].text = "Delegation"
    table.rows[0].cells[1].text = "Representatives"
    for name, reps in _attendee_rows(minutes):
        cells = table.add_row().cells
        cells[0].text = name
        cells[1].text = reps

    doc.add_heading("Apologies received", level=2)
    for name in minutes.apologies:
        doc.add_paragraph(name, style="List Bullet")

    def blocks(items: Sequence[Block]) -> None:
        for block in items:
            if isinstance(block, Bullets):
                for text in block.items:
                    doc.add_paragraph(text, style="List Bullet")
            else:
                doc.add_paragraph(block)

    for item in minutes.agenda:
        doc.add_heading(f"Agenda Item {item.number} – {item.title}", level=2)
        blocks(item.blocks)
        for sub in item.sub_items:
            doc.add_heading(f"{sub.number} {sub.title}", level=3)
            blocks(sub.blocks)
    for para in minutes.closing:
        doc.add_paragraph(para)

    buf = io.BytesIO()
    doc.save(buf)
    return _normalise_zip(buf.getvalue())


Outline = tuple  # ("h", level, text) | ("p", text) | ("ul", items) | ("table", rows)


def outline(minutes: Minutes) -> list[Outline]:
    """The document's blocks in order, as ``render_docx`` lays them out: the title heading,
    the meeting lines, the attendance table, the apologies and the agenda items."""
    out: list[Outline] = [("h", 1, minutes.title)]
    out += [("p", line) for line in (minutes.date_line, minutes.venue, minutes.time,
                                      minutes.chair)]
    out.append(("h", 2, "List of Attendees"))
    out.append(("table", [("Delegation", "Representatives"), *_attendee_rows(minutes)]))
    out.append(("h", 2, "Apologies received"))
    out.append(("ul", tuple(minutes.apologies)))

    def blocks(items: Sequence[Block]) -> None:
        for block in items:
            out.append(("ul", block.items) if isinstance(block, Bullets) else ("p", block))

    for item in minutes.agenda:
        out.append(("h", 2, f"Agenda Item {item.number} – {item.title}"))
        blocks(item.blocks)
        for sub in item.sub_items:
            out.append(("h", 3, f"{sub.number} {sub.title}"))
            blocks(sub.blocks)
    out += [("p", para) for para in minutes.closing]
    return out


def render_html(minutes: Minutes) -> bytes:
    """Render minutes as a web page: the minutes in ``<main>``, with the site's navigation,
    banner, cookie dialog and footer around them (which the HTML reader leaves out)."""
    from html import escape

    body: list[str] = []
    for block in outline(minutes):
        if block[0] == "h":
            body.append(f"<h{block[1]}>{escape(block[2])}</h{block[1]}>")
        elif block[0] == "p":
            body.append(f"<p>{escape(block[1])}</p>")
        elif block[0] == "ul":
            body.append("<ul>" + "".join(f"<li>{escape(i)}</li>" for i in block[1]) + "</ul>")
        else:
            head, *rows = block[1]
            body.append("<table>\n<thead><tr>" + "".join(f"<th>{escape(c)}</th>" for c in head)
                        + "</tr></thead>\n<tbody>\n" + "\n".join(
                            "<tr>" + "".join(f"<td>{escape(c)}</td>" for c in row) + "</tr>"
                            for row in rows) + "\n</tbody>\n</table>")
    page = [
        "<!DOCTYPE html>", '<html lang="en">', "<head>", '<meta charset="utf-8">',
        f"<title>{escape(minutes.title)} | {RUNNING_HEADER}</title>",
        "<style>body { font-family: sans-serif; }</style>", "</head>", "<body>",
        f'<header><a href="/">{RUNNING_HEADER}</a>',
        '<nav><ul><li><a href="/">Home</a></li><li><a href="/meetings">Meetings</a></li>'
        '<li><a href="/documents">Documents</a></li></ul></nav></header>',
        '<div role="dialog" aria-label="Cookies"><p>This site uses cookies to remember your '
        "preferences.</p><button>Accept</button></div>",
        "<main>", *body, "</main>",
        f"<footer><p>{RUNNING_HEADER} secretariat</p><p>Contact us</p></footer>",
        "<script>document.documentElement.className = 'js';</script>",
        "</body>", "</html>",
    ]
    return ("\n".join(page) + "\n").encode("utf-8")


def _rtf_text(text: str) -> str:
    """``text`` escaped for RTF: braces and backslashes escaped, non-ASCII as ``\\uN?``."""
    out = []
    for char in text:
        if char in "\\{}":
            out.append("\\" + char)
        elif ord(char) > 127:
            code = ord(char)
            out.append(f"\\u{code if code < 32768 else code - 65536}?")
        else:
            out.append(char)
    return "".join(out)


def render_rtf(minutes: Minutes) -> bytes:
    """Render minutes as RTF as Word writes it: heading styles with ``\\outlinelevel``,
    bullets as list paragraphs (``\\ls1\\ilvl0``), the attendance table as ``\\intbl``
    rows, and a running header."""
    lines = [
        "{\\rtf1\\ansi\\ansicpg1252\\deff0",
        "{\\fonttbl{\\f0\\fswiss Arial;}}",
        "{\\stylesheet{\\s0 Normal;}{\\s1\\outlinelevel0\\b\\fs32 heading 1;}"
        "{\\s2\\outlinelevel1\\b\\fs26 heading 2;}{\\s3\\outlinelevel2\\b heading 3;}}",
        "{\\info{\\title " + _rtf_text(minutes.title) + "}{\\author ccm-minutes team}}",
        "{\\header\\pard " + _rtf_text(RUNNING_HEADER) + "\\par}",
    ]
    for block in outline(minutes):
        if block[0] == "h":
            level = block[1]
            lines.append(f"\\pard\\s{level}\\outlinelevel{level - 1}\\b "
                         f"{_rtf_text(block[2])}\\b0\\par")
        elif block[0] == "p":
            lines.append(f"\\pard\\s0 {_rtf_text(block[1])}\\par")
        elif block[0] == "ul":
            lines += [f"{{\\listtext\\'95\\tab}}\\pard\\ls1\\ilvl0 {_rtf_text(i)}\\par"
                      for i in block[1]]
        else:
            for row in block[1]:
                cells = "".join(f"{_rtf_text(c)}\\cell " for c in row)
                lines.append(f"\\trowd\\cellx3000\\cellx9000\\pard\\intbl {cells}\\row")
            lines.append("\\pard")
    lines.append("}")
    return ("\r\n".join(lines) + "\r\n").encode("ascii")


def render_odt(minutes: Minutes) -> bytes:
    """Render minutes as an OpenDocument text file (odfpy): ``text:h`` with outline levels,
    ``text:list`` bullets, a ``table:table`` of attendees; deterministic bytes."""
    from odf import dc, meta, table, text
    from odf.opendocument import OpenDocumentText

    doc = OpenDocumentText()
    doc.meta.addElement(dc.Title(text=minutes.title))
    doc.meta.addElement(meta.CreationDate(text=FIXED_DATETIME.strftime("%Y-%m-%dT%H:%M:%S")))
    doc.meta.addElement(dc.Date(text=FIXED_DATETIME.strftime("%Y-%m-%dT%H:%M:%S")))
    for block in outline(minutes):
        if block[0] == "h":
            doc.text.addElement(text.H(outlinelevel=block[1], text=block[2]))
        elif block[0] == "p":
            doc.text.addElement(text.P(text=block[1]))
        elif block[0] == "ul":
            lst = text.List()
            for item in block[1]:
                li = text.ListItem()
                li.addElement(text.P(text=item))
                lst.addElement(li)
            doc.text.addElement(lst)
        else:
            tbl = table.Table(name="Attendees")
            tbl.addElement(table.TableColumn(numbercolumnsrepeated=2))
            for row in block[1]:
                tr = table.TableRow()
                for cell in row:
                    tc = table.TableCell()
                    tc.addElement(text.P(text=cell))
                    tr.addElement(tc)
                tbl.addElement(tr)
            doc.text.addElement(tbl)
    buf = io.BytesIO()
    doc.write(buf)
    return _normalise_zip(buf.getvalue(), stored_first="mimetype", change=_sorted_namespaces)


def _sorted_namespaces(name: str, content: bytes) -> bytes:
    """An XML member whose root declares only the namespaces it uses, in a fixed order
    (odfpy declares every namespace any odfpy element made so far in the process has used,
    in set order, so its output changes from run to run)."""
    if not name.endswith(".xml"):
        return content
    decl = re.compile(rb' xmlns:([\w-]+)="[^"]*"')

    def sort(m: re.Match[bytes]) -> bytes:
        used = [d for d in decl.finditer(m.group(2))
                if re.search(rb"[<\s/]" + re.escape(d.group(1)) + rb":", content)]
        kept = sorted(d.group(0) for d in used)
        return m.group(1) + b"".join(kept) + decl.sub(b"", m.group(2)) + b">"

    return re.sub(rb"(<[\w:-]+)([^>]*)>", sort, content, count=1)


def render_plain(minutes: Minutes) -> str:
    """Render minutes as unformatted paragraphs, one a line, as a legacy Word file without
    styles holds them: headings are their own lines, bullets ``•`` and a tab, each delegation
    ``Name – representatives``."""
    lines = [minutes.title, minutes.date_line, minutes.venue, minutes.time, minutes.chair,
             "List of Attendees"]
    lines += [f"{name} – {reps}" for name, reps in _attendee_rows(minutes)]
    lines.append("Apologies received")
    lines += [f"\u2022\t{name}" for name in minutes.apologies]
    for block in outline(minutes)[1:]:
        if block[0] == "h" and block[2] not in ("List of Attendees", "Apologies received"):
            lines.append(block[2])
        elif block[0] == "p" and block[1] not in lines[:5]:
            lines.append(block[1])
        elif block[0] == "ul" and block[1] != tuple(minutes.apologies):
            lines += [f"\u2022\t{item}" for item in block[1]]
    return "\n".join(lines) + "\n"


def render_doc(minutes: Minutes) -> bytes:
    """Render minutes as a legacy Word 97 file (``word97.py``) of ``render_plain``'s
    paragraphs."""
    return _word97().word97(render_plain(minutes))


def _word97() -> ModuleType:
    """``scripts/word97.py``, loaded beside this script (``scripts/`` is not a package)."""
    spec = importlib.util.spec_from_file_location("word97", Path(__file__).with_name("word97.py"))
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def render_pdf(minutes: Minutes) -> bytes:
    """Render minutes as a text PDF with a running header and ``Page N`` footer."""
    from fpdf.enums import XPos, YPos

    class MinutesPDF(FPDF):
        def header(self) -> None:
            self.set_font("Helvetica", "I", 8)
            self.cell(0, 6, RUNNING_HEADER, new_x=XPos.LMARGIN, new_y=YPos.NEXT)
            self.line(self.l_margin, self.get_y(), self.w - self.r_margin, self.get_y())
            self.ln(4)

        def footer(self) -> None:
            self.set_y(-15)
            self.set_font("Helvetica", "", 8)
            self.cell(0, 10, f"Page {self.page_no()}", align="C")

    pdf = _configure_pdf(MinutesPDF(orientation="P", unit="mm", format="A4"), minutes.title)
    pdf.set_auto_page_break(auto=True, margin=20)
    pdf.add_page()
    width = pdf.w - pdf.l_margin - pdf.r_margin

    def heading(text: str, size: float = 11) -> None:
        pdf.set_font("Helvetica", "B", size)
        pdf.ln(2)
        pdf.multi_cell(width, 6, _latin1(text), new_x=XPos.LMARGIN, new_y=YPos.NEXT)
        pdf.ln(1)

    def para(text: str, bullet: bool = False) -> None:
        pdf.set_font("Helvetica", "", 10)
        if bullet:
            pdf.set_x(pdf.l_margin + 6)
            pdf.multi_cell(
                width - 6, 5, _latin1(f"- {text}"), new_x=XPos.LMARGIN, new_y=YPos.NEXT
            )
        else:
            pdf.multi_cell(width, 5, _latin1(text), new_x=XPos.LMARGIN, new_y=YPos.NEXT)
            pdf.ln(2)

    heading(minutes.title, 14)
    for line in (minutes.date_line, minutes.venue, minutes.time, minutes.chair):
        pdf.set_font("Helvetica", "", 10)
        pdf.cell(width, 5, _latin1(line), new_x=XPos.LMARGIN, new_y=YPos.NEXT)

    heading("List of Attendees")
    left = 45.0
    for delegation in minutes.attendees:
        for i, person in enumerate(delegation.people):
            y = pdf.get_y()
            pdf.set_font("Helvetica", "B", 10)
            pdf.cell(left, 5, _latin1(delegation.name) if i == 0 else "")
            pdf.set_font("Helvetica", "", 10)
            pdf.set_xy(pdf.l_margin + left, y)
            pdf.multi_cell(
                width - left, 5, _latin1(person.label()), new_x=XPos.LMARGIN, new_y=YPos.NEXT
            )

    heading("Apologies received")
    for name in minutes.apologies:
        para(name, bullet=True)
    pdf.ln(2)

    def blocks(items: Sequence[Block]) -> None:
        for block in items:
            if isinstance(block, Bullets):
                for text in block.items:
                    para(text, bullet=True)
                pdf.ln(2)
            else:
                para(block)

    for item in minutes.agenda:
        heading(f"Agenda Item {item.number} - {item.title}")
        blocks(item.blocks)
        for sub in item.sub_items:
            heading(f"{sub.number} {sub.title}", 10)
            blocks(sub.blocks)
    for text in minutes.closing:
        para(text)
    return bytes(pdf.output())


def _scan_lines(minutes: Minutes) -> list[tuple[str, bool]]:
    """Flatten minutes into ``(line, bold)`` pairs for the scanned page."""
    out: list[tuple[str, bool]] = [(minutes.title, True)]
    out += [(x, False) for x in (minutes.date_line, minutes.venue, minutes.time, minutes.chair)]
    out += [("", False), ("List of Attendees", True)]
    out += [(f"{name}    {reps}", False) for name, reps in _attendee_rows(minutes)]
    out += [("", False), ("Apologies received", True)]
    out += [(f"- {name}", False) for name in minutes.apologies]
    for item in minutes.agenda:
        out += [("", False), (f"Agenda Item {item.number} - {item.title}", True)]
        for block in item.blocks:
            if isinstance(block, Bullets):
                out += [(f"- {b}", False) for b in block.items]
            else:
                out.append((block, False))
    return out


def _load_font(size: int, bold: bool) -> object:
    """Return a TrueType font bundled with matplotlib, else Pillow's default font."""
    from PIL import ImageFont

    try:
        import matplotlib

        name = "DejaVuSerif-Bold.ttf" if bold else "DejaVuSerif.ttf"
        path = Path(matplotlib.get_data_path()) / "fonts" / "ttf" / name
        return ImageFont.truetype(str(path), size)
    except (ImportError, OSError):
        return ImageFont.load_default(size)


def render_scan(minutes: Minutes) -> bytes:
    """Render one page of minutes to a greyscale image and wrap it in an image-only PDF."""
    import textwrap

    from PIL import Image, ImageDraw

    dpi = 150
    width_px, height_px = int(8.27 * dpi), int(11.69 * dpi)
    image = Image.new("L", (width_px, height_px), color=246)
    draw = ImageDraw.Draw(image)
    regular, bold = _load_font(22, False), _load_font(22, True)
    x, y, line_h = 110, 120, 31
    for text, is_bold in _scan_lines(minutes):
        for chunk in textwrap.wrap(text, 84) or [""]:
            draw.text((x, y), chunk, fill=25, font=bold if is_bold else regular)
            y += line_h
    draw.text((width_px // 2 - 30, height_px - 90), "Page 1", fill=25, font=regular)
    # a slight skew, as from a flatbed scanner
    image = image.rotate(0.6, resample=Image.Resampling.BICUBIC, fillcolor=246)

    png = io.BytesIO()
    image.save(png, format="PNG", optimize=False)
    png.seek(0)

    pdf = _configure_pdf(FPDF(orientation="P", unit="mm", format="A4"), "Scanned minutes")
    pdf.set_auto_page_break(auto=False)
    pdf.add_page()
    pdf.image(png, x=0, y=0, w=pdf.w, h=pdf.h)
    return bytes(pdf.output())


# --------------------------------------------------------------------------------------
# Entry point
# --------------------------------------------------------------------------------------


def write_samples(out_dir: Path) -> list[Path]:
    """Write all eight sample files into ``out_dir`` and return their paths."""
    out_dir.mkdir(parents=True, exist_ok=True)
    outputs: dict[str, bytes] = {
        "sample_01_coordination_committee.txt": render_text(SAMPLE_01).encode("utf-8"),
        "sample_02_informal_consultation.docx": render_docx(SAMPLE_02),
        "sample_03_coordination_committee.pdf": render_pdf(SAMPLE_03),
        "sample_04_scanned.pdf": render_scan(SAMPLE_04),
        "sample_05_informal_consultation.html": render_html(SAMPLE_02),
        "sample_06_coordination_committee.rtf": render_rtf(SAMPLE_03),
        "sample_07_coordination_committee.odt": render_odt(SAMPLE_01),
        "sample_08_informal_consultation.doc": render_doc(SAMPLE_02),
    }
    paths = []
    for name, data in outputs.items():
        path = out_dir / name
        path.write_bytes(data)
        paths.append(path)
    return paths


def main(argv: Sequence[str] | None = None) -> int:
    """Parse ``--out DIR`` and write the samples; return a process exit code."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument(
        "--out", type=Path, default=DEFAULT_OUT, help="output directory (default: data/raw/)"
    )
    args = parser.parse_args(argv)
    for path in write_samples(args.out):
        print(path)
    return 0


if __name__ == "__main__":
    sys.exit(main())
