"""Where a long body text is cut for the NLP: at block starts, else at line, sentence or word
starts, never inside a token; the pieces cover the text exactly."""

from __future__ import annotations

import itertools

import pytest

from extractors.nlp import get_nlp
from extractors.pieces import cut_points, pieces
from extractors.readers import parse_bytes
from tests.extractors.long_minutes import long_minutes


def _starts(text: str) -> list[int]:
    return [b.start for b in parse_bytes(text.encode(), "txt", "x.txt").blocks]


def test_short_text_is_one_piece() -> None:
    text = long_minutes(2)
    assert cut_points(text, _starts(text), size=len(text)) == [0, len(text)]
    assert len(pieces(text, _starts(text), size=len(text))) == 1


def test_cuts_fall_on_block_starts_and_pieces_stay_under_the_size() -> None:
    text = long_minutes(20)
    doc = parse_bytes(text.encode(), "txt", "x.txt")
    starts = [b.start for b in doc.blocks]
    cuts = cut_points(doc.text, starts, size=2_000)
    assert cuts[0] == 0 and cuts[-1] == len(doc.text)
    assert len(cuts) > 5
    assert all(c in starts for c in cuts[1:-1])
    assert all(1_000 <= b - a <= 2_000 for a, b in itertools.pairwise(cuts[:-1]))


@pytest.mark.parametrize(("text", "expected_before"), [
    ("\n".join(f"Line {i} of a long table" for i in range(400)), "\n"),
    (" ".join(f"The Committee met on day {i}." for i in range(400)), ". "),
    (" ".join(f"word{i}" for i in range(2_000)), " "),
])
def test_one_huge_block_is_cut_at_lines_then_sentences_then_words(
        text: str, expected_before: str) -> None:
    cuts = cut_points(text, [0], size=1_000)
    assert len(cuts) > 3
    for c in cuts[1:-1]:
        assert text[:c].endswith(expected_before) and not text[c].isspace()


def test_a_word_longer_than_a_piece_is_cut_inside() -> None:
    text = "x" * 5_000
    assert cut_points(text, [0], size=1_000) == [0, 1_000, 2_000, 3_000, 4_000, 5_000]


def test_pieces_cover_the_text_and_their_windows_hold_them() -> None:
    text = long_minutes(30)
    found = pieces(text, _starts(text), size=3_000, context=400)
    assert found[0].start == 0 and found[-1].end == len(text)
    for a, b in itertools.pairwise(found):
        assert a.end == b.start
        assert a.hi >= a.end + 400 and b.lo <= b.start - 400
    for p in found:
        assert p.lo <= p.start < p.end <= p.hi
        assert p.lo == 0 or text[p.lo - 1].isspace()


def test_pieces_tokenize_as_the_whole_text() -> None:
    nlp = get_nlp()
    text = long_minutes(10) + " ".join(f"(a{i}) item-{i}, " for i in range(300))
    whole = [(t.idx, t.text) for t in nlp.make_doc(text)]
    joined = []
    for p in pieces(text, _starts(text), size=700, context=100):
        joined += [(t.idx + p.start, t.text) for t in nlp.make_doc(text[p.start:p.end])]
    assert joined == whole
