"""The review page: span layout, the HTML renderer, the CLI, and the page in headless Chromium."""

from __future__ import annotations

import datetime as dt
import json
import re
from collections import Counter
from dataclasses import fields
from html.parser import HTMLParser
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from models.document import Block, Document
from models.records import (
    AgendaItem,
    Attendee,
    DateMention,
    Decision,
    Extraction,
    Intervention,
    Meeting,
    QualityFlag,
)
from pipeline.analyst.review import load
from pipeline.analyst.review_browser import find_browser, start_chrome
from pipeline.analyst.review_html import collect_records, kind_counts, kinds, render_review
from pipeline.analyst.review_spans import Close, Open, Span, Text, layout
from pipeline.cli import EXIT_OK, EXIT_SOME_FAILED, main
from tests.pipeline.conftest import MINUTES, require_corpus

VOID = {"meta", "br", "input", "img", "hr", "link"}
HOSTILE = '<script>window.__pwned=1</script><img src=x onerror="window.__pwned=2">&amp;"\''


class PageParser(HTMLParser):
    """Checks that tags nest properly and collects the text inside every record fragment."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.stack: list[tuple[str, dict[str, str | None]]] = []
        self.errors: list[str] = []
        self.record_text: dict[str, list[str]] = {}
        self.fragments: Counter[str] = Counter()
        self.kind_of: dict[str, str] = {}
        self.doc_text: list[str] = []
        self.scripts: list[str] = []
        self.urls: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        a = dict(attrs)
        self.urls += [v for k, v in attrs if k in ("src", "href") and v and not v.startswith("#")]
        if tag in VOID:
            return
        self.stack.append((tag, a))
        if tag == "mark":
            key = a["data-record"] or ""
            self.fragments[key] += 1
            self.kind_of[key] = a["data-kind"] or ""

    def handle_endtag(self, tag: str) -> None:
        if tag in VOID:
            return
        if not self.stack or self.stack[-1][0] != tag:
            self.errors.append(f"</{tag}> closes {self.stack[-1][0] if self.stack else None}")
            return
        self.stack.pop()

    def handle_data(self, data: str) -> None:
        if any(t == "script" for t, _ in self.stack):
            self.scripts.append(data)
            return
        if any(a.get("id") == "doc" for _, a in self.stack):
            self.doc_text.append(data)
        for tag, a in self.stack:
            if tag == "mark":
                self.record_text.setdefault(a["data-record"] or "", []).append(data)


def parse(page: str) -> PageParser:
    parser = PageParser()
    parser.feed(page)
    parser.close()
    return parser


def make_case(text: str, with_pages: bool = False) -> tuple[Document, Extraction]:
    """A hand-made document with nested, crossing, zero-length and out-of-range spans."""
    lines = text.split("\n")
    blocks, pos = [], 0
    for i, line in enumerate(lines):
        blocks.append(Block("paragraph", pos, pos + len(line), page=1 + (i if with_pages else 0)))
        pos += len(line) + 1
    n = len(text)
    doc = Document("d1", "x.txt", "txt", text, blocks, n_pages=len(lines) if with_pages else 1)
    ex = Extraction(
        meeting=Meeting(doc_id="d1", source_path="x.txt", source_format="txt", title=HOSTILE,
                        meeting_date=dt.date(2019, 5, 14), venue="Geneva <b>"),
        attendees=[Attendee("d1", "Chile", person=HOSTILE, char_start=0, char_end=5),
                   Attendee("d1", "Austria", char_start=n + 5, char_end=n + 9)],  # off the end
        agenda_items=[AgendaItem("d1", 1, "1", "Opening", char_start=0, char_end=12)],
        interventions=[Intervention("d1", 1, speaker=HOSTILE, speaker_role="President",
                                    text="t", char_start=2, char_end=30)],
        decisions=[Decision("d1", 1, "decision", text="d", char_start=20, char_end=40),
                   Decision("d1", 2, "action", text="a", due_date=dt.date(2019, 5, 30),
                            char_start=25, char_end=30)],
        dates=[DateMention("d1", "x", dt.date(2019, 5, 30), char_start=22, char_end=26),
               DateMention("d1", "y", char_start=33, char_end=33)],  # zero-length
        quality_flags=[QualityFlag("d1", "date_conflict", HOSTILE, char_start=28,
                                   char_end=n)],
    )
    return doc, ex


TEXT = "Chile <b>&amp;</b> spoke.\nThe Committee </mark> agreed on 30 May.\nEnd \"of\" text."


# ---- span layout ------------------------------------------------------------------------


def _replay(text: str, tokens: list) -> tuple[str, dict[str, str], list[str]]:
    """Text rebuilt from tokens, the text inside each span, and nesting errors."""
    stack: list[str] = []
    inside: dict[str, str] = {}
    errors: list[str] = []
    whole = []
    for t in tokens:
        if isinstance(t, Open):
            stack.append(t.span.key)
            inside.setdefault(t.span.key, "")
        elif isinstance(t, Close):
            if not stack or stack[-1] != t.span.key:
                errors.append(f"close {t.span.key} with {stack}")
            else:
                stack.pop()
        elif isinstance(t, Text):
            whole.append(t.text)
            for key in set(stack):
                inside[key] += t.text
    if stack:
        errors.append(f"left open: {stack}")
    return "".join(whole), inside, errors


def test_layout_splits_a_crossing_span_into_two_fragments():
    text = "abcdefghij"
    tokens = list(layout(text, [Span(0, 6, "outer"), Span(4, 9, "cross"), Span(5, 5, "zero")]))
    rebuilt, inside, errors = _replay(text, tokens)
    assert errors == []
    assert rebuilt == text
    assert inside == {"outer": "abcdef", "cross": "efghi", "zero": ""}
    assert [t.part for t in tokens if isinstance(t, Open) and t.span.key == "cross"] == [0, 1]
    assert sum(isinstance(t, Open) and t.span.key == "outer" for t in tokens) == 1


def test_layout_nests_identical_spans_by_rank_and_clamps_out_of_range():
    tokens = list(layout("abc", [Span(0, 3, "inner", rank=5), Span(0, 3, "outer", rank=1),
                                 Span(-4, 99, "wide")]))
    opens = [t.span.key for t in tokens if isinstance(t, Open)]
    assert opens == ["wide", "outer", "inner"]
    assert _replay("abc", tokens)[1]["wide"] == "abc"


@st.composite
def text_and_spans(draw: st.DrawFn) -> tuple[str, list[Span]]:
    """A short text and spans over it: mostly inside, some empty, reversed or running off."""
    text = draw(st.text(alphabet="ab\n<&", min_size=1, max_size=30))
    n = len(text)
    raw = draw(st.lists(st.tuples(st.integers(-2, n + 2), st.integers(-2, n + 2),
                                  st.integers(0, 3)), min_size=1, max_size=8))
    return text, [Span(a, a + length, f"s{i}", r) for i, (a, length, r) in enumerate(raw)]


@settings(max_examples=200, deadline=None)
@given(text_and_spans())
def test_layout_is_balanced_and_keeps_every_span_text(case):
    text, spans = case
    rebuilt, inside, errors = _replay(text, list(layout(text, spans)))
    assert errors == []
    assert rebuilt == text
    for s in spans:
        start = min(max(s.start, 0), len(text))
        end = min(max(s.end, start), len(text))
        assert inside[s.key] == text[start:end]


# ---- renderer ---------------------------------------------------------------------------


def test_page_is_well_formed_and_every_record_keeps_its_text():
    doc, ex = make_case(TEXT)
    page = parse(render_review(doc, ex))
    assert page.errors == [] and page.stack == []
    records = collect_records(ex)
    assert len(records) == 9
    for rec in records:
        start = min(rec.start, len(TEXT))
        end = min(max(rec.end, start), len(TEXT))
        assert "".join(page.record_text.get(rec.key, [])) == TEXT[start:end], rec.key
        assert page.kind_of[rec.key] == rec.kind
    assert page.fragments["dates:2"] == 1  # the zero-length date is an empty element
    assert page.fragments["quality_flags:1"] == 2  # crosses the decision: split in two
    assert page.fragments["decisions:1"] == 2  # and the decision crosses the turn
    assert page.fragments["interventions:1"] == 3  # crosses the attendee and the agenda item
    assert page.fragments["agenda_items:1"] == 1


def test_document_text_and_paragraph_breaks_survive():
    doc, ex = make_case(TEXT)
    page = parse(render_review(doc, ex))
    assert "".join(page.doc_text) == TEXT
    assert "".join(page.doc_text).count("\n") == 2


def test_hostile_text_and_fields_are_escaped():
    doc, ex = make_case(TEXT + "\n" + HOSTILE + "\x00\x07")
    html = render_review(doc, ex)
    page = parse(html)
    assert page.errors == []
    assert "<img" not in html and "<b>" not in html and "</mark> agreed" not in html
    assert html.count("<script") == 2  # the records block and the page's own script
    data_block, code = page.scripts
    assert "</script" not in data_block.lower() and "<" not in data_block
    data = json.loads(data_block)
    assert data["interventions:1"]["fields"]["speaker"] == HOSTILE
    assert "window.__pwned" not in code
    assert "".join(page.doc_text).endswith(HOSTILE + "\ufffd\ufffd")  # controls replaced 1:1


def test_records_json_holds_every_field_and_the_legend_every_count():
    doc, ex = make_case(TEXT)
    html = render_review(doc, ex)
    data = json.loads(parse(html).scripts[0])
    records = collect_records(ex)
    assert set(data) == {r.key for r in records}
    by_table = {"dates": DateMention, "decisions": Decision, "attendees": Attendee}
    for key, entry in data.items():
        table = key.split(":")[0]
        if table in by_table:
            assert list(entry["fields"]) == [f.name for f in fields(by_table[table])]
    assert data["decisions:2"]["kind"] == "action"
    assert data["decisions:2"]["fields"]["due_date"] == "2019-05-30"
    assert data["attendees:2"]["clamped_to"] == [len(TEXT), len(TEXT)]
    counts = kind_counts(records)
    assert counts == {"agenda_item": 1, "intervention": 1, "decision": 1, "action": 1,
                      "attendee": 2, "quality_flag": 1, "date": 2}
    for kind, n in counts.items():
        assert re.search(rf'data-kind="{kind}">.*?<span class="count" data-count="{n}">', html)


def test_header_shows_meeting_facts_and_page_markers_follow_blocks():
    doc, ex = make_case(TEXT, with_pages=True)
    html = render_review(doc, ex)
    assert '<dd data-field="meeting_date">2019-05-14</dd>' in html
    assert '<dd data-field="venue">Geneva &lt;b&gt;</dd>' in html
    assert '<dd data-field="doc_id">d1</dd>' in html
    assert re.findall(r'data-page="(\d+)"', html) == ["1", "2", "3"]
    assert parse(html).errors == []


def test_page_is_self_contained():
    doc, ex = make_case(TEXT)
    html = render_review(doc, ex)
    assert parse(html).urls == []
    assert not re.search(r"https?://|url\(|@import|//[a-z]", html.replace("\\/", ""), re.I)


# ---- CLI --------------------------------------------------------------------------------


def test_cli_writes_the_page(tmp_path: Path, capsys: pytest.CaptureFixture[str]):
    src = tmp_path / "m.txt"
    src.write_text(MINUTES, encoding="utf-8")
    out = tmp_path / "sub" / "m.html"
    assert main(["review", "--file", str(src), "--html", str(out)]) == EXIT_OK
    page = parse(out.read_text("utf-8"))
    assert page.errors == []
    assert "".join(page.doc_text) == load(src)[0].text
    assert "turns (interventions)" in capsys.readouterr().out


def test_cli_reports_a_failed_file(tmp_path: Path, capsys: pytest.CaptureFixture[str]):
    src = tmp_path / "empty.txt"
    src.write_bytes(b"")
    out = tmp_path / "x.html"
    assert main(["review", "--file", str(src), "--html", str(out)]) == EXIT_SOME_FAILED
    err = capsys.readouterr().err
    assert "failed at read (empty_file)" in err and str(src) in err
    assert not out.exists()


# ---- in the browser ---------------------------------------------------------------------


@pytest.fixture(scope="module")
def driver(tmp_path_factory: pytest.TempPathFactory):
    found = find_browser()
    if isinstance(found, str):
        pytest.skip(f"browser test needs headless Chromium: {found}")
    drv = start_chrome(tmp_path_factory.mktemp("chrome-profile"))
    yield drv
    drv.quit()


@pytest.fixture(scope="module")
def corpus_page(tmp_path_factory: pytest.TempPathFactory):
    corpus = require_corpus()
    path = next(iter(sorted(corpus.glob("003_*.pdf"))), None)
    if path is None:
        pytest.skip("no 003_*.pdf in the corpus")
    document, extraction = load(path)
    out = tmp_path_factory.mktemp("review") / "page.html"
    out.write_text(render_review(document, extraction), encoding="utf-8")
    return out, document, collect_records(extraction)


JOINED = """
const out = {};
for (const m of document.querySelectorAll('#doc mark.rv')) {
  const k = m.dataset.record;
  out[k] = (out[k] || '') + m.textContent;
}
return out;
"""
KINDS = """
const out = {};
for (const m of document.querySelectorAll('#doc mark.rv'))
  (out[m.dataset.kind] = out[m.dataset.kind] || new Set()).add(m.dataset.record);
return Object.fromEntries(Object.entries(out).map(([k, v]) => [k, v.size]));
"""


def test_browser_shows_every_record_at_its_text(driver, corpus_page):
    from selenium.webdriver.common.by import By

    out, document, records = corpus_page
    driver.get(out.as_uri())
    expected = {k: n for k, n in kind_counts(records).items() if n}
    assert set(expected) >= {"intervention", "attendee", "date", "decision", "action"}
    assert driver.execute_script(KINDS) == expected
    for kind, n in kind_counts(records).items():
        label = driver.find_element(By.CSS_SELECTOR, f'#legend label[data-kind="{kind}"]')
        assert label.find_element(By.CLASS_NAME, "count").text == str(n)
    joined = driver.execute_script(JOINED)
    assert len(joined) == len(records)
    for rec in records:
        assert joined[rec.key] == document.text[rec.start:rec.end], rec.key
    assert driver.execute_script("return document.getElementById('doc').textContent") \
        == document.text
    assert driver.execute_script("return performance.getEntriesByType('resource').length") == 0
    header = driver.find_element(By.ID, "meeting").text
    assert document.doc_id in header


def test_browser_hover_shows_the_record_fields(driver, corpus_page):
    from selenium.webdriver.common.action_chains import ActionChains
    from selenium.webdriver.common.by import By

    out, _, records = corpus_page
    driver.get(out.as_uri())
    tip = driver.find_element(By.ID, "tooltip")
    assert not tip.is_displayed()
    first_of_kind = {}
    for rec in records:
        first_of_kind.setdefault(rec.kind, rec)
    by_key = {r.key: r for r in records}
    for rec in first_of_kind.values():
        mark = driver.find_element(By.CSS_SELECTOR, f'#doc mark.rv[data-record="{rec.key}"]')
        driver.execute_script("arguments[0].scrollIntoView({block: 'center'})", mark)
        ActionChains(driver).move_to_element(mark).perform()
        assert tip.is_displayed(), rec.key
        cards = tip.find_elements(By.CSS_SELECTOR, "section.card")
        keys = [c.get_attribute("data-record") for c in cards]
        assert rec.key in keys  # the hovered record, after any record nested in it
        inner = by_key[keys[0]]  # the innermost record under the pointer: shown in full
        assert rec.start <= inner.start and inner.end <= rec.end, (rec.key, inner.key)
        shown = {row.get_attribute("data-field"): row.find_element(By.TAG_NAME, "td").text
                 for row in cards[0].find_elements(By.TAG_NAME, "tr")}
        assert list(shown) == list(inner.fields), inner.key
        for name in ("char_start", "char_end", "page"):
            assert shown[name] == str(inner.fields[name]), (inner.key, name)
        rows = cards[keys.index(rec.key)].find_elements(By.TAG_NAME, "tr")
        assert [r.get_attribute("data-field") for r in rows] == list(rec.fields)
        hl = driver.find_elements(By.CSS_SELECTOR, "#doc mark.rv.hl")
        assert {m.get_attribute("data-record") for m in hl} == {inner.key}
    legend = driver.find_element(By.ID, "legend")
    ActionChains(driver).move_to_element(legend).perform()
    assert not tip.is_displayed()


def test_browser_runs_no_script_from_the_document(driver, tmp_path: Path):
    doc, ex = make_case(TEXT + "\n" + HOSTILE)
    out = tmp_path / "hostile.html"
    out.write_text(render_review(doc, ex), encoding="utf-8")
    driver.get(out.as_uri())
    assert driver.execute_script("return window.__pwned === undefined")
    assert driver.execute_script("return document.querySelectorAll('img').length") == 0
    assert driver.execute_script("return document.getElementById('doc').textContent") \
        == doc.text
    assert len(kinds()) == len(driver.find_elements("css selector", "#legend input"))
