"""Word files read as Word displays them with every tracked change accepted: content controls
and custom XML at every level, insertions, deletions, moves, deleted rows and paragraph marks,
fields, smart tags, hidden runs; macro-enabled, template and Strict Open XML packages.
Every file is written here, its body as raw WordprocessingML."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from extractors.errors import ReadError
from extractors.readers import parse_bytes, read_document
from extractors.readers.docx_package import describe
from tests.extractors.readers.bad_files import minutes_docx, rewrite_docx, strict_docx

DELEGATIONS = ["Arvenia", "Borealis", "Calderra", "Dunmoor", "Estravel", "Fenwick Isles"]


def _r(text: str, props: str = "") -> str:
    return f'<w:r>{props}<w:t xml:space="preserve">{text}</w:t></w:r>'


def _p(*runs: str, ppr: str = "") -> str:
    return f"<w:p>{ppr}{''.join(runs)}</w:p>"


def _docx(body: str) -> bytes:
    """A Word file whose body is ``body`` (WordprocessingML, ``w:`` prefix)."""
    def replace(xml: bytes) -> bytes:
        start, end = xml.index(b"<w:body>") + 8, xml.index(b"<w:sectPr")
        return xml[:start] + body.encode() + xml[end:]
    return rewrite_docx(minutes_docx(), "word/document.xml", replace)


def _text(data: bytes) -> str:
    return parse_bytes(data, "docx", "x.docx").text


def _row(*cells: str) -> str:
    return "<w:tr>" + "".join(f"<w:tc>{_p(_r(c))}</w:tc>" for c in cells) + "</w:tr>"


def _sdt(content: str) -> str:
    return (f'<w:sdt><w:sdtPr><w:alias w:val="Attendee"/><w:tag w:val="att"/></w:sdtPr>'
            f"<w:sdtContent>{content}</w:sdtContent></w:sdt>")


def _attendance(wrap_row, wrap_cell) -> bytes:  # type: ignore[no-untyped-def]
    rows = "".join(wrap_row("<w:tr>" + "".join(
        wrap_cell(f"<w:tc>{_p(_r(c))}</w:tc>") for c in (name, "Delegate")) + "</w:tr>")
                   for name in DELEGATIONS)
    return _docx(_p(_r("Minutes of the Harbour Council")) + _p(_r("Present:"))
                 + f"<w:tbl>{rows}</w:tbl>" + _p(_r("The Chair opened the meeting.")))


@pytest.mark.parametrize("where", ["row", "cell", "both"])
def test_table_rows_and_cells_in_content_controls(where: str) -> None:
    plain = lambda x: x  # noqa: E731
    data = _attendance(_sdt if where in ("row", "both") else plain,
                       _sdt if where in ("cell", "both") else plain)
    document = parse_bytes(data, "docx", "x.docx")
    rows = [document.block_text(b) for b in document.blocks if b.kind == "table_row"]
    assert rows == [f"{name}\tDelegate" for name in DELEGATIONS]
    assert "Attendee" not in document.text  # a control's alias is not its content


def test_custom_xml_around_paragraphs_table_and_runs() -> None:
    cx = '<w:customXml w:uri="urn:minutes" w:element="{}">{}</w:customXml>'
    rows = cx.format("row", _row("Arvenia", "Delegate")) + _row("Borealis", "Observer")
    body = (cx.format("title", _p(_r("Minutes of the Harbour Council")))
            + cx.format("attendance", f"<w:tbl>{rows}</w:tbl>")
            + _p(_r("The Chair "), cx.format("verb", _r("opened")), _r(" the meeting.")))
    assert _text(_docx(body)).split("\n") == [
        "Minutes of the Harbour Council", "Arvenia\tDelegate", "Borealis\tObserver",
        "The Chair opened the meeting."]


def test_tracked_changes_are_accepted() -> None:
    rev = 'w:id="{}" w:author="Editor" w:date="2024-01-01T00:00:00Z"'
    body = (
        _p(_r("The Council "), f"<w:del {rev.format(1)}><w:r><w:delText>rejected"
           "</w:delText></w:r></w:del>", f"<w:ins {rev.format(2)}>{_r('adopted')}</w:ins>",
           _r(" the report."))
        + _p(f'<w:moveFrom {rev.format(3)}>{_r("Arvenia asked for the floor.")}</w:moveFrom>')
        + _p(_r("Item 2 was opened."))
        + _p(f'<w:moveTo {rev.format(4)}>{_r("Arvenia asked for the floor.")}</w:moveTo>')
        + _p(_r("This sentence ran on "),
             ppr=f"<w:pPr><w:rPr><w:del {rev.format(5)}/></w:rPr></w:pPr>")
        + _p(_r("into the next paragraph."))
        + "<w:tbl>" + _row("Borealis", "Delegate")
        + f'<w:tr><w:trPr><w:del {rev.format(6)}/></w:trPr>'
          f"<w:tc>{_p(_r('Calderra'))}</w:tc><w:tc>{_p(_r('Delegate'))}</w:tc></w:tr>"
        + "</w:tbl>")
    text = _text(_docx(body))
    assert text.split("\n") == [
        "The Council adopted the report.", "Item 2 was opened.", "Arvenia asked for the floor.",
        "This sentence ran on into the next paragraph.", "Borealis\tDelegate"]


def test_fields_show_their_result_smart_tags_their_text_hidden_runs_nothing() -> None:
    body = (
        _p(_r("Meeting held on "), '<w:fldSimple w:instr=" DATE \\@ &quot;d MMMM yyyy&quot; ">',
           _r("3 March 2024"), "</w:fldSimple>", _r("."))
        + _p(_r("See page "), '<w:r><w:fldChar w:fldCharType="begin"/></w:r>',
             '<w:r><w:instrText xml:space="preserve"> PAGEREF _Ref1 \\h </w:instrText></w:r>',
             '<w:r><w:fldChar w:fldCharType="separate"/></w:r>', _r("4"),
             '<w:r><w:fldChar w:fldCharType="end"/></w:r>', _r(" of the report."))
        + _p(_r("Held in "), '<w:smartTag w:uri="urn:places" w:element="City">',
             _r("Port Averly"), "</w:smartTag>", _r("."))
        + _p(_r("The Chair closed the meeting."), _r(" Reviewer note: check this.",
                                                     "<w:rPr><w:vanish/></w:rPr>")))
    assert _text(_docx(body)).split("\n") == [
        "Meeting held on 3 March 2024.", "See page 4 of the report.", "Held in Port Averly.",
        "The Chair closed the meeting."]


def _retype(data: bytes, content_type: str) -> bytes:
    return rewrite_docx(data, "[Content_Types].xml", lambda xml: re.sub(
        rb"application/vnd\.openxmlformats-officedocument\.wordprocessingml\.document\.main"
        rb"\+xml", content_type.encode(), xml))


@pytest.mark.parametrize("content_type", [
    "application/vnd.ms-word.document.macroEnabled.main+xml",
    "application/vnd.openxmlformats-officedocument.wordprocessingml.template.main+xml",
    "application/vnd.ms-word.template.macroEnabledTemplate.main+xml"])
def test_macro_enabled_and_template_files_are_read(content_type: str) -> None:
    data = _retype(minutes_docx(), content_type)
    assert "It was agreed that the next meeting" in _text(data)


def test_docm_extension_is_read(tmp_path: Path) -> None:
    path = tmp_path / "minutes.docm"
    path.write_bytes(_retype(minutes_docx(),
                             "application/vnd.ms-word.document.macroEnabled.main+xml"))
    assert "3rd Meeting of the Coordination Committee" in read_document(path).text


def test_strict_open_xml_is_read() -> None:
    text = _text(strict_docx())
    assert "3rd Meeting of the Coordination Committee" in text
    assert "It was agreed that the next meeting" in text


def test_unknown_main_part_type_is_named_without_a_python_repr() -> None:
    data = _retype(minutes_docx(), "application/vnd.example.unknown+xml")
    with pytest.raises(ReadError) as err:
        parse_bytes(data, "docx", "x.docx")
    assert err.value.error_type == "corrupt_docx"
    assert "application/vnd.example.unknown+xml" in err.value.message
    assert " object at 0x" not in err.value.message


def test_describe_drops_object_reprs() -> None:
    exc = ValueError("file '<_io.BytesIO object at 0x7f3a2c1b9e50>' is not a Word file, "
                     "content type is 'application/x-unknown'")
    assert describe(exc) == ("its main part has content type 'application/x-unknown', which "
                             "is not a Word document's")
    assert describe(KeyError("<lxml.etree._Element object at 0x7f00>")) == "the file"


def test_attendance_table_in_content_controls_gives_its_attendees(tmp_path: Path) -> None:
    from pipeline.batch.process import process_file

    countries = ["Austria", "Chile", "Norway", "Peru", "Spain", "Zambia"]
    rows = "".join(_sdt(_row(c, "Delegate")) for c in countries)
    body = (_p(_r("3rd Meeting of the Harbour Council")) + _p(_r("Tuesday 14 May 2019"))
            + _p(_r("List of Attendees:")) + f"<w:tbl>{rows}</w:tbl>"
            + _p(_r("Agenda Item 1 - Opening")) + _p(_r("The Chair welcomed the members.")))
    path = tmp_path / "minutes.docx"
    path.write_bytes(_docx(body))
    outcome = process_file(path)
    assert outcome.extraction is not None
    assert [a.delegation for a in outcome.extraction.attendees] == countries
