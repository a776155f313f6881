"""The web page reader: main content by structure, chrome left out by element and ARIA role,
headings/lists/tables kept, encodings and entities decoded, offsets into the text."""

from __future__ import annotations

import pytest

from extractors.errors import ReadError
from extractors.readers import parse_bytes
from models.document import Document
from tests.extractors.readers.conftest import check_offsets

MINUTES = """
<h1>Minutes of the 12th Meeting of the Lakeside Water Board</h1>
<p>Held at Orvik Town Hall on 3 May 2022 &ndash; 10:00.</p>
<h2>1. Attendance</h2>
<table><tr><th>Member</th><th>Office</th></tr>
<tr><td>Ms. Hedda Lorn</td><td>Chair</td></tr><tr><td>Mr. Bastian Ekre</td><td>Treasurer</td></tr>
</table>
<h2>2. Matters arising</h2>
<ol><li>Pump house repairs<ul><li>quote received</li></ul></li><li>Fishing permits</li></ol>
<p>The Board agreed to<br>renew the permits.</p>
"""


def page(main: str, wrapper: str = "main", chrome: bool = True) -> bytes:
    """A page with ``main`` inside ``wrapper`` (``main``, ``article``, ``role``, ``body``)."""
    top = ('<header><nav><a href="/">Home</a> | <a href="/board">The Board</a></nav></header>'
           '<div role="navigation"><a href="/a">Archive</a></div>'
           '<div role="dialog"><p>We use cookies.</p><button>OK</button></div>'
           '<div class="sidebar" role="complementary"><p>Latest news</p></div>') if chrome \
        else ""
    bottom = ('<footer><p>Lakeside Water Board, Orvik</p></footer>'
              '<div role="contentinfo">Imprint</div><script>track()</script>') if chrome else ""
    if wrapper == "role":
        content = f'<div role="main">{main}</div>'
    elif wrapper == "body":
        content = main
    else:
        content = f"<{wrapper}>{main}</{wrapper}>"
    return (f"<!DOCTYPE html><html><head><title>Board minutes | Orvik</title>"
            f"<style>p {{ margin: 0 }}</style></head><body>{top}{content}{bottom}</body></html>"
            ).encode()


def blocks(doc: Document) -> list[tuple[str, int, str]]:
    return [(b.kind, b.level, doc.text[b.start:b.end]) for b in doc.blocks]


@pytest.mark.parametrize("wrapper", ["main", "article", "role", "body"])
def test_minutes_kept_chrome_left_out(wrapper: str) -> None:
    doc = parse_bytes(page(MINUTES, wrapper), "html", "m.html")
    check_offsets(doc)
    got = blocks(doc)
    assert got[0] == ("heading", 1, "Minutes of the 12th Meeting of the Lakeside Water Board")
    assert ("heading", 2, "1. Attendance") in got
    assert ("table_row", 0, "Ms. Hedda Lorn\tChair") in got
    assert ("list_item", 0, "1. Pump house repairs") in got
    assert ("list_item", 1, "quote received") in got
    assert ("list_item", 0, "2. Fishing permits") in got
    assert ("paragraph", 0, "renew the permits.") in got
    for chrome in ("Home", "Archive", "cookies", "Latest news", "Imprint", "track()",
                   "margin", "Board, Orvik"):
        assert chrome not in doc.text
    assert doc.metadata["title"] == "Board minutes | Orvik"
    assert "Held at Orvik Town Hall on 3 May 2022 – 10:00." in doc.text


def test_header_inside_an_article_is_its_title() -> None:
    main = ("<article><header><h1>Minutes of the Harbour Committee</h1><p>4 June 2021</p>"
            "</header><p>The Chair opened the meeting.</p><footer><p>Approved on 2 July 2021"
            "</p></footer></article>")
    doc = parse_bytes(page(main, "body"), "html", "m.html")
    assert blocks(doc)[:2] == [("heading", 1, "Minutes of the Harbour Committee"),
                               ("paragraph", 0, "4 June 2021")]
    assert "Approved on 2 July 2021" in doc.text


def test_hidden_elements_are_left_out() -> None:
    main = ('<p>Visible minutes text of the meeting.</p><p hidden>Hidden draft note</p>'
            '<p style="display: none">Another hidden note</p><p aria-hidden="true">Icon</p>')
    doc = parse_bytes(page(main), "html", "m.html")
    assert doc.text == "Visible minutes text of the meeting."


@pytest.mark.parametrize("encoding", ["windows-1252", "iso-8859-1", "utf-8"])
def test_declared_charset_is_used(encoding: str) -> None:
    html = (f'<html><head><meta charset="{encoding}"></head><body><p>Genève, 3 février — '
            "Côte d’Ivoire</p></body></html>")
    data = html.encode("cp1252" if encoding != "utf-8" else "utf-8", errors="replace")
    text = parse_bytes(data, "html", "m.html").text
    assert text.startswith("Genève, 3 février")


def test_bom_and_entities() -> None:
    data = "\ufeff<!DOCTYPE html><p>Gen&egrave;ve &amp; Lausanne&nbsp;&#8211; 5&#160;May</p>"
    assert parse_bytes(data.encode("utf-8"), "html", "m.html").text == "Genève & Lausanne – 5 May"
    assert parse_bytes(data.encode("utf-16"), "html", "m.html").text == \
        "Genève & Lausanne – 5 May"


def test_ordered_list_numbering_follows_start_and_type() -> None:
    main = ('<ol start="4"><li>Budget</li><li>Any other business</li></ol>'
            '<ol type="a"><li>first option</li><li>second option</li></ol>'
            "<ol><li>3. Already numbered</li></ol>")
    got = [t for _, _, t in blocks(parse_bytes(page(main), "html", "m.html"))]
    assert got == ["4. Budget", "5. Any other business", "a. first option", "b. second option",
                   "3. Already numbered"]


def test_preformatted_capture_is_read_as_text() -> None:
    main = ("<pre>MINUTES OF THE GARDEN SOCIETY\n\n| Member | Role |\n|---|---|\n"
            "| Ms. Ada Brun | Chair |\n\n- first point\n- second point\n</pre>")
    got = blocks(parse_bytes(page(main), "html", "m.html"))
    assert ("table_row", 0, "Ms. Ada Brun\tChair") in got
    assert ("list_item", 0, "second point") in got


def test_page_of_chrome_only_is_a_named_failure() -> None:
    with pytest.raises(ReadError) as err:
        parse_bytes(page(""), "html", "m.html")
    assert err.value.error_type == "no_content"


def test_markdown_with_inline_html_stays_text() -> None:
    data = b"# Minutes\n\nThe <b>Chair</b> opened the meeting.\n"
    doc = parse_bytes(data, "md", "m.md")
    assert doc.source_format == "md"
    assert "The Chair opened the meeting." in doc.text


@pytest.mark.parametrize("marker", ['role="presentation"', 'class="layout"'])
def test_layout_table_cells_are_read_as_blocks(marker: str) -> None:
    heading = "<h1>Minutes of the Ferry Users Forum</h1>" if "role" not in marker else ""
    main = (f'<table {marker}><tr><td><a href="/">Home</a></td><td>{heading}'
            "<h2>1. Timetable</h2><p>The forum noted the winter timetable.</p>"
            "<table><tr><td>Mr. Aldo Brenn</td><td>Secretary</td></tr></table>"
            "</td></tr></table>")
    got = blocks(parse_bytes(page(main, "body", chrome=False), "html", "m.html"))
    assert ("heading", 2, "1. Timetable") in got
    assert ("paragraph", 0, "The forum noted the winter timetable.") in got
    assert ("table_row", 0, "Mr. Aldo Brenn\tSecretary") in got


def test_page_inside_one_form_is_read() -> None:
    main = ('<form id="page" method="post"><input type="hidden" name="state" value="x">'
            "<main><h1>Minutes of the Canal Trust</h1><p>The Trust met on 2 May 2023.</p>"
            "</main></form>")
    doc = parse_bytes(page(main, "body"), "html", "m.html")
    assert doc.text == "Minutes of the Canal Trust\nThe Trust met on 2 May 2023."


def test_wrong_utf8_declaration_falls_back() -> None:
    data = '<meta charset="utf-8"><p>Genève – 4 March</p>'.encode("cp1252")
    assert parse_bytes(data, "html", "m.html").text == "Genève – 4 March"
