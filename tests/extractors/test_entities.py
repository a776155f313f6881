"""Entity labels recognised on demand, window by window, are those of one run over the whole
text, and so are the records: team-written minutes and the shared corpus texts."""

from __future__ import annotations

from pathlib import Path

import pytest

from extractors.context import Context
from extractors.entities import NER, Entities
from extractors.extract import extract, extract_rules
from extractors.interventions.offices import _label_passes
from extractors.nlp import get_nlp
from extractors.parse import parse
from extractors.readers import parse_bytes, read_document
from models.document import Document
from tests.extractors.long_minutes import long_minutes

ROOT = Path(__file__).resolve().parents[2]
SHARED = ROOT.parent / "shared"
TEAM = sorted((ROOT / "tests" / "corpus" / "team").glob("t*.txt"))
CORPUS = sorted(SHARED.glob("corpus/*.txt")) + sorted(SHARED.glob("corpus-wide/*.txt"))

NAMES = ("Mr. Tomas Brandvik of the Harbour Board thanked Ms. Ilse Varga for her report on the "
         "Lakeside Authority.\n\nThe Chair, Ambassador Odile Ferrant of Ruritania, said that "
         "the Northbay Council would meet in Port Elsby on 3 May.\n\nMs. Varga agreed.\n")


def _whole_ner_records(doc: Document) -> dict:
    """The records with the recogniser run over the whole text before the rules."""
    sdoc = parse(get_nlp(), doc.text, [b.start for b in doc.blocks])
    assert sdoc.has_annotation("ENT_IOB")
    return extract_rules(Context(doc=doc, sdoc=sdoc)).to_dict()


def _labels_both_ways(text: str, window: int) -> tuple[list, list]:
    nlp = get_nlp()
    whole = nlp(text)
    without = nlp(text, disable=[NER])
    lazy = Entities(without, nlp.get_pipe(NER), window=window)
    return ([(t.ent_type_, t.ent_iob_ == "B") for t in whole],
            [(lazy.label(i), lazy._begins_entity(i)) for i in range(len(without))])


def test_labels_on_demand_equal_one_run_over_the_text() -> None:
    whole, lazy = _labels_both_ways(NAMES * 3, window=8)  # many window edges
    assert any(label == "PERSON" for label, _ in whole)
    assert lazy == whole


def test_long_team_minutes_labels_alike_in_small_windows() -> None:
    whole, lazy = _labels_both_ways(long_minutes(6), window=16)
    assert {label for label, _ in whole} >= {"PERSON", "DATE"}
    assert lazy == whole


def test_nothing_recognised_until_asked_and_answers_do_not_depend_on_order() -> None:
    nlp = get_nlp()
    sdoc = nlp(NAMES * 4, disable=[NER])
    assert not sdoc.has_annotation("ENT_IOB")
    forward = Entities(sdoc, nlp.get_pipe(NER), window=8)
    backward = Entities(sdoc, nlp.get_pipe(NER), window=8)
    assert forward.windows_run == 0
    asked = range(len(sdoc))
    labels = [forward.label(i) for i in asked]
    assert list(reversed([backward.label(i) for i in reversed(asked)])) == labels
    assert forward.windows_run == backward.windows_run == -(-len(sdoc) // 8)


def test_within_means_inside_one_entity_of_that_label() -> None:
    nlp = get_nlp()
    sdoc = nlp("Ms. Ilse Varga met Mr. Tomas Brandvik.", disable=[NER])
    ents = Entities(sdoc, nlp.get_pipe(NER))
    full = nlp(sdoc.text)
    for ent in full.ents:
        span = sdoc[ent.start:ent.end]
        assert ents.within(span, ent.label_)
        assert not ents.within(span, "ORG" if ent.label_ != "ORG" else "PERSON")
    persons = [e for e in full.ents if e.label_ == "PERSON"]
    assert len(persons) == 2
    across = sdoc[persons[0].start:persons[1].end]  # two persons and the words between
    assert not ents.within(across, "PERSON")


def test_extraction_leaves_the_recogniser_to_the_rules() -> None:
    """``extract`` parses without the recogniser; the rules run it on a few windows only."""
    seen: list[Context] = []
    original = Context.__post_init__

    def keep(self: Context, recognise: object) -> None:
        original(self, recognise)  # type: ignore[arg-type]
        seen.append(self)

    doc = parse_bytes(long_minutes(6).encode(), "txt", "long minutes.txt")
    try:
        Context.__post_init__ = keep  # type: ignore[method-assign]
        extract(doc)
    finally:
        Context.__post_init__ = original  # type: ignore[method-assign]
    (ctx,) = seen
    assert not ctx.sdoc.has_annotation("ENT_IOB")
    windows = -(-len(ctx.sdoc) // 64)
    assert ctx.entities.windows_run < windows / 2


@pytest.mark.parametrize("path", TEAM, ids=lambda p: p.stem)
def test_team_minutes_records_alike_with_entities_on_demand(path: Path) -> None:
    doc = read_document(path)
    assert extract(doc).to_dict() == _whole_ner_records(doc)


@pytest.mark.skipif(not CORPUS, reason="shared corpus not found beside the checkout")
@pytest.mark.parametrize("path", CORPUS, ids=lambda p: p.stem)
def test_corpus_records_alike_with_entities_on_demand(path: Path) -> None:
    doc = read_document(path)
    assert extract(doc).to_dict() == _whole_ner_records(doc)


@pytest.mark.parametrize(("test", "label", "passes"), [
    ("GPE", "GPE", True), ("GPE", "NORP", False),
    ({"IN": ["NORP", "GPE"]}, "NORP", True), ({"IN": ["NORP", "GPE"]}, "", False),
    ({"NOT_IN": ["PERSON"]}, "ORG", True), ({"NOT_IN": ["PERSON"]}, "PERSON", False),
])
def test_office_patterns_entity_tests(test: object, label: str, passes: bool) -> None:
    assert _label_passes(test, label) is passes


def test_office_patterns_refuse_entity_tests_they_cannot_apply() -> None:
    with pytest.raises(ValueError, match="ENT_TYPE"):
        _label_passes({"REGEX": "^P"}, "PERSON")


def test_office_mentions_alike_with_entities_on_demand() -> None:
    from extractors.interventions.offices import office_spans

    nlp = get_nlp()
    text = ("The French presidency opened the session. The Chair thanked the Irish presidency "
            "and the President of the Board.")
    whole = nlp(text)
    without = nlp(text, disable=[NER])
    found = office_spans(without, Entities(without, nlp.get_pipe(NER)))
    assert found == office_spans(whole, Entities(whole))
    assert [whole[s:e].text for s, e, _ in found if whole[e - 1].lower_ == "presidency"]


def _peak_bytes_of_one_window(text: str) -> int:
    import tracemalloc

    nlp = get_nlp()
    sdoc = nlp(text, disable=[NER])
    ents = Entities(sdoc, nlp.get_pipe(NER))
    ents.label(0)  # the recogniser's own first-call set-up is not the window's work
    tracemalloc.start()
    try:
        ents.label(len(sdoc) // 2)
        return tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()


def test_one_window_costs_the_same_in_a_short_and_a_long_text() -> None:
    """A window's run touches its own tokens only, not an array of the whole text (that made
    a long text's recognition quadratic)."""
    short = _peak_bytes_of_one_window(long_minutes(2))
    long = _peak_bytes_of_one_window(long_minutes(160))  # about 25,000 tokens
    assert long < short + 200_000, (short, long)
