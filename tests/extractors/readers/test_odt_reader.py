"""The OpenDocument reader: heading outline levels, nested lists, tables with merged cells,
spaces and breaks, and text that is not the body (notes, tracked deletions)."""

from __future__ import annotations

import io

import pytest

from extractors.errors import ReadError
from extractors.readers import parse_bytes
from tests.extractors.readers.conftest import check_offsets


def odt(build) -> bytes:  # type: ignore[no-untyped-def]
    from odf.opendocument import OpenDocumentText

    doc = OpenDocumentText()
    build(doc.text)
    buf = io.BytesIO()
    doc.write(buf)
    return buf.getvalue()


def blocks(data: bytes, named: str = "odt") -> list[tuple[str, int, str]]:
    doc = parse_bytes(data, named, f"m.{named}")
    check_offsets(doc)
    return [(b.kind, b.level, doc.text[b.start:b.end]) for b in doc.blocks]


def _headings_and_lists(body) -> None:  # type: ignore[no-untyped-def]
    from odf import text

    body.addElement(text.H(outlinelevel=1, text="Minutes of the Valley Library Board"))
    body.addElement(text.H(outlinelevel=2, text="1. Reports"))
    outer = text.List()
    item = text.ListItem()
    item.addElement(text.P(text="Reading room"))
    inner = text.List()
    sub = text.ListItem()
    sub.addElement(text.P(text="new shelving ordered"))
    inner.addElement(sub)
    item.addElement(inner)
    outer.addElement(item)
    second = text.ListItem()
    second.addElement(text.P(text="Archive"))
    second.addElement(text.P(text="(continued from March)"))
    outer.addElement(second)
    body.addElement(outer)
    para = text.P(text="The Chair")
    para.addElement(text.S(c=3))
    para.addText("thanked")
    para.addElement(text.LineBreak())
    para.addText("the staff.")
    note = text.Note(noteclass="footnote")
    note.addElement(text.NoteCitation(text="1"))
    body_ = text.NoteBody()
    body_.addElement(text.P(text="A footnote that is not body text."))
    note.addElement(body_)
    para.addElement(note)
    body.addElement(para)


def _table(body) -> None:  # type: ignore[no-untyped-def]
    from odf import table, text

    body.addElement(text.H(outlinelevel=1, text="Minutes of the Hill Farmers Union"))
    tbl = table.Table(name="T")
    for cells in (("Member", "Office"), ("Mr. Odo Fenn", "Chair"), ("Ms. Rika Vell", None)):
        row = table.TableRow()
        for value in cells:
            if value is None:
                row.addElement(table.CoveredTableCell())
                continue
            cell = table.TableCell()
            cell.addElement(text.P(text=value))
            row.addElement(cell)
        tbl.addElement(row)
    body.addElement(tbl)
    body.addElement(text.P(text="- a dash-led line"))


def test_headings_lists_spaces_and_notes() -> None:
    assert blocks(odt(_headings_and_lists)) == [
        ("heading", 1, "Minutes of the Valley Library Board"),
        ("heading", 2, "1. Reports"),
        ("list_item", 0, "Reading room"),
        ("list_item", 1, "new shelving ordered"),
        ("list_item", 0, "Archive (continued from March)"),
        ("paragraph", 0, "The Chair thanked the staff."),
    ]


def test_tables_with_covered_cells() -> None:
    assert blocks(odt(_table)) == [
        ("heading", 1, "Minutes of the Hill Farmers Union"),
        ("table_row", 0, "Member\tOffice"),
        ("table_row", 0, "Mr. Odo Fenn\tChair"),
        ("table_row", 0, "Ms. Rika Vell"),
        ("list_item", 0, "a dash-led line"),
    ]


@pytest.mark.parametrize("named", ["doc", "docx", "rtf"])
def test_odt_under_another_word_processing_name(named: str) -> None:
    assert blocks(odt(_table), named)[0] == ("heading", 1, "Minutes of the Hill Farmers Union")


def test_tracked_deletions_are_left_out() -> None:
    data = odt(_table)
    import zipfile

    src = zipfile.ZipFile(io.BytesIO(data))
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w") as dst:
        for info in src.infolist():
            content = src.read(info.filename)
            if info.filename == "content.xml":
                content = content.replace(b"<office:text>", (
                    b"<office:text><text:tracked-changes><text:changed-region text:id='c1'>"
                    b"<text:deletion><text:p>Deleted sentence.</text:p></text:deletion>"
                    b"</text:changed-region></text:tracked-changes>"), 1)
            dst.writestr(info.filename, content)
    assert "Deleted sentence" not in " ".join(t for _, _, t in blocks(out.getvalue()))


def test_not_a_zip_is_named() -> None:
    with pytest.raises(ReadError) as err:
        parse_bytes(b"plain words, not a package", "odt", "m.odt")
    assert err.value.error_type == "not_a_zip"
