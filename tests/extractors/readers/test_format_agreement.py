"""The key test: the txt, docx and pdf renderings of one document give the same body text
(up to whitespace). Compared on word lists, which is fast and ignores whitespace.

The other formats join it in ``test_format_records.py`` (the team's minutes as text, Word, web
page, RTF and OpenDocument: same words, same records) and ``test_html_corpus.py`` (the
corpus's text minutes as web pages: same words and records as the text files)."""

from __future__ import annotations

import difflib
import itertools
from pathlib import Path

import pytest

from extractors.readers import read_document
from tests.extractors.readers.conftest import STEMS

FORMATS = ("txt", "docx", "pdf")
MIN_RATIO = 0.98


def similarity(a: str, b: str) -> float:
    """SequenceMatcher ratio of the whitespace-separated words of ``a`` and ``b``."""
    return difflib.SequenceMatcher(None, a.split(), b.split(), autojunk=False).ratio()


def differences(a: str, b: str, limit: int = 8) -> list[str]:
    """The first few differing word runs, for a readable failure message."""
    wa, wb = a.split(), b.split()
    ops = difflib.SequenceMatcher(None, wa, wb, autojunk=False).get_opcodes()
    return [f"{op}: {' '.join(wa[i1:i2])[:80]!r} -> {' '.join(wb[j1:j2])[:80]!r}"
            for op, i1, i2, j1, j2 in ops if op != "equal"][:limit]


def test_similarity_ignores_whitespace() -> None:
    assert similarity("a  b\nc\td", "a b c d") == 1.0
    assert similarity("a b c d", "a b x d") == 0.75


@pytest.mark.parametrize("stem", STEMS)
def test_formats_agree(corpus: Path, stem: str) -> None:
    texts = {fmt: read_document(corpus / f"{stem}.{fmt}").text for fmt in FORMATS}
    failures = []
    for a, b in itertools.combinations(FORMATS, 2):
        ratio = similarity(texts[a], texts[b])
        print(f"{stem} {a} vs {b}: {ratio:.4f}")
        if ratio < MIN_RATIO:
            failures.append(f"{a} vs {b} = {ratio:.4f}: {differences(texts[a], texts[b])}")
    assert not failures, "\n".join(failures)
