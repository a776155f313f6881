"""When two files are one meeting (``pipeline.batch.identity``), on team-written minutes."""

from __future__ import annotations

import itertools
from pathlib import Path

from pipeline.batch.identity import canonical_copies, same_meeting, similarity, text_print
from pipeline.batch.process import process_file
from tests.pipeline.conftest import MINUTES

REVISED = MINUTES.replace("would circulate a paper", "would circulate a revised paper")


def _facts(text: str, meeting: str, fmt: str = "txt", path: str = "a.txt") -> dict[str, str]:
    printed = text_print(text)
    return {"text_key": printed.key, "sketch": printed.sketch, "meeting": meeting,
            "format": fmt, "source_path": path}


def test_layout_and_punctuation_do_not_change_the_text_key() -> None:
    reflowed = MINUTES.replace("**", "").replace("\n- ", "\n• ").replace(" – ", " - ")
    assert text_print(reflowed).key == text_print(MINUTES).key
    assert text_print(MINUTES.replace("Opening", "Closing")).key != text_print(MINUTES).key


def test_three_formats_of_one_minutes_share_the_key(copies_folder: Path) -> None:
    outcomes = {p.suffix: process_file(p) for p in copies_folder.glob("third.*")}
    assert {o.text.key for o in outcomes.values() if o.text} == {outcomes[".txt"].text.key}
    assert len(outcomes) == 3


def test_a_revision_is_nearly_the_same_text_and_another_meeting_is_not() -> None:
    base = text_print(MINUTES).sketch
    assert similarity(base, text_print(REVISED).sketch) >= 0.8
    other = MINUTES.replace("Opening", "Adoption of the report on cooperation and assistance")
    other = other.replace("It was agreed", "The Committee decided after a long discussion")
    assert similarity(base, text_print("Minutes of a wholly different body.\n" * 3).sketch) < 0.2
    assert similarity(base, text_print(other).sketch) < 0.8


def test_stated_facts_that_conflict_keep_two_meetings_apart() -> None:
    one = _facts(MINUTES, "coordination_committee|2019-05-14|3")
    assert same_meeting(one, _facts(REVISED, "coordination_committee|2019-05-14|3"))
    assert same_meeting(one, _facts(REVISED, "coordination_committee||"))  # date not read
    assert not same_meeting(one, _facts(REVISED, "coordination_committee|2019-05-15|3"))
    assert not same_meeting(one, _facts(MINUTES, "coordination_committee|2019-05-14|4"))


def test_same_full_facts_are_one_meeting_even_when_the_text_changed_more() -> None:
    facts = "coordination_committee|2019-05-14|3"
    rewritten = "A short corrected record of the meeting, issued again with other words."
    assert same_meeting(_facts(MINUTES, facts), _facts(rewritten, facts))
    assert not same_meeting(_facts(MINUTES, "other|2019-05-14|3"),
                            _facts(rewritten, "other|2019-05-14|3"))


def test_the_copy_kept_depends_on_the_set_not_the_order() -> None:
    docs = {"p" * 16: _facts(MINUTES, "coordination_committee|2019-05-14|3", "pdf", "m.pdf"),
            "t" * 16: _facts(MINUTES, "coordination_committee|2019-05-14|3", "txt", "m.txt"),
            "d" * 16: _facts(REVISED, "coordination_committee|2019-05-14|3", "docx", "m.docx"),
            "o" * 16: _facts(MINUTES.replace("3rd", "4th"),
                             "coordination_committee|2019-05-14|4", "txt", "n.txt")}
    expected = {"t" * 16: None, "p" * 16: "t" * 16, "d" * 16: "t" * 16, "o" * 16: None}
    for order in itertools.permutations(docs):
        assert canonical_copies({k: docs[k] for k in order}) == expected
