"""A document parsed in pieces gives the records (and the annotations) of the document
parsed whole: team-written minutes and the shared corpus texts, with pieces forced small so
every document is cut many times."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from spacy.tokens import Doc

from extractors.extract import extract
from extractors.nlp import get_nlp
from extractors.parse import parse
from extractors.pieces import CONTEXT_CHARS, PIECE_CHARS, pieces
from extractors.readers import parse_bytes, read_document
from models.document import Document
from tests.extractors.long_minutes import long_minutes

ROOT = Path(__file__).resolve().parents[2]
SHARED = ROOT.parent / "shared"
TEAM = sorted((ROOT / "tests" / "corpus" / "team").glob("t*.txt"))
CORPUS = sorted(SHARED.glob("corpus/*.txt")) + sorted(SHARED.glob("corpus-wide/*.txt"))
SMALL = 1_500  # characters per piece: a ten-page document is cut a dozen times


def read_document_text(text: str) -> Document:
    """A Document of plain-text minutes."""
    return parse_bytes(text.encode(), "txt", "long minutes.txt")


def _whole_and_pieces(doc: Document) -> tuple[dict[str, Any], dict[str, Any]]:
    return (extract(doc, piece_chars=10**9).to_dict(),
            extract(doc, piece_chars=SMALL).to_dict())


def _annotations(sdoc: Doc) -> list[tuple[Any, ...]]:
    return [(t.idx, t.text, t.tag_, t.pos_, t.dep_, t.head.i, t.ent_iob_, t.ent_type_,
             t.is_sent_start, t.lemma_) for t in sdoc]


def test_long_team_minutes_parse_alike_whole_and_in_pieces() -> None:
    nlp = get_nlp()
    doc = read_document_text(long_minutes(24))
    whole = nlp(doc.text)
    cut = parse(nlp, doc.text, [b.start for b in doc.blocks], piece_chars=SMALL)
    assert len(pieces(doc.text, [b.start for b in doc.blocks], SMALL)) > 10
    assert cut.text == doc.text
    assert _annotations(cut) == _annotations(whole)
    assert [(s.start, s.end, s.label_, s.id_) for s in cut.spans["delegations"]] == \
        [(s.start, s.end, s.label_, s.id_) for s in whole.spans["delegations"]]


@pytest.mark.parametrize("path", TEAM, ids=lambda p: p.stem)
def test_team_minutes_records_alike_whole_and_in_pieces(path: Path) -> None:
    whole, cut = _whole_and_pieces(read_document(path))
    assert cut == whole


@pytest.mark.skipif(not CORPUS, reason="shared corpus not found beside the checkout")
@pytest.mark.parametrize("path", CORPUS, ids=lambda p: p.stem)
def test_corpus_records_alike_whole_and_in_pieces(path: Path) -> None:
    whole, cut = _whole_and_pieces(read_document(path))
    assert cut == whole


def test_synthetic_long_minutes_records_alike_whole_and_in_pieces() -> None:
    doc = read_document_text(long_minutes(30))
    whole, cut = _whole_and_pieces(doc)
    assert len(whole["interventions"]) == 90 and len(whole["decisions"]) >= 30
    assert cut == whole


def test_no_piece_exceeds_the_models_length_limit() -> None:
    """spaCy refuses a text over ``nlp.max_length`` (E088); a piece's window is at most the
    piece size plus four times the context on either side."""
    assert get_nlp().max_length > PIECE_CHARS + 8 * CONTEXT_CHARS
