"""Named-entity labels read on demand: the entity recogniser runs only where a rule asks.

Four rules read entity labels (is this name a PERSON entity, does this actor contain a
PERSON, ORG or GPE, an office pattern's ENT_TYPE), and they ask about a small part of a
document: the candidate spans they are weighing. Yet the recogniser is the costliest
component of the English pipeline (about half of its time, since it has its own token
encoder). So ``extractors.parse`` leaves it out, and ``Entities`` runs it over fixed windows
of tokens the first time a rule asks about a token of the window.

Each window is recognised with ``MARGIN_TOKENS`` of its neighbours' tokens on either side.
The recogniser's encoder sees four tokens on each side of a token, and its state machine
starts afresh at the margin's start; with sixteen tokens of margin both have the text the
whole document's run had around every token of the window, so the labels are those of one
run over the whole text (the tests compare the records of documents read both ways). The
answer for a token does not depend on which rule asked first, or on which tokens were asked
about before.

A ``Doc`` whose entities were already set (recogniser in the pipeline, or a test's
``nlp(text)``) is read as it is.
"""

from __future__ import annotations

import time
from collections.abc import Callable

from spacy.tokens import Doc, Span

WINDOW_TOKENS = 64
"""Tokens per window whose labels one recogniser run settles."""

MARGIN_TOKENS = 16
"""Tokens of the neighbouring text run with each window and then dropped."""

NER = "ner"
"""The pipeline component that recognises entities."""

Recogniser = Callable[[Doc], Doc]


def _window_doc(tokens: Span) -> Doc:
    """A ``Doc`` of ``tokens`` that the recogniser reads as it read them in the whole text.

    The recogniser's features are the token's norm, prefix, suffix and shape; all but the
    norm belong to the word, the norm may have been set on the token (tokenizer exceptions,
    the attribute ruler), so it is copied. An entity does not cross a sentence start, so the
    parser's sentence starts are copied too. (``Span.as_doc`` would copy every attribute, but
    it converts the whole document to an array to do so: quadratic over a long text.)"""
    doc = Doc(tokens.doc.vocab, words=[t.text for t in tokens],
              spaces=[bool(t.whitespace_) for t in tokens],
              sent_starts=[t.is_sent_start for t in tokens])
    for mine, theirs in zip(doc, tokens, strict=True):
        if mine.norm != theirs.norm:
            mine.norm_ = theirs.norm_
    return doc


class Entities:
    """Entity labels of ``sdoc``'s tokens: from ``sdoc`` itself, or, given ``recognise``,
    from runs of it over windows of ``sdoc``'s tokens, made when first asked about."""

    def __init__(self, sdoc: Doc, recognise: Recogniser | None = None,
                 window: int = WINDOW_TOKENS, margin: int = MARGIN_TOKENS) -> None:
        self.sdoc = sdoc
        self._recognise = recognise
        self._window = window
        self._margin = margin
        self._labels: dict[int, list[str]] = {}  # window -> label of each of its tokens
        self._begins: dict[int, list[bool]] = {}  # window -> token begins an entity
        self.windows_run = 0
        """How many windows the recogniser has run over (for tests and benchmarks)."""
        self.seconds = 0.0
        """Seconds spent running the recogniser."""

    def _ensure(self, w: int) -> None:
        if w in self._labels:
            return
        lo = w * self._window
        hi = min(lo + self._window, len(self.sdoc))
        run_lo = max(lo - self._margin, 0)
        run_hi = min(hi + self._margin, len(self.sdoc))
        assert self._recognise is not None
        started = time.perf_counter()
        piece = self._recognise(_window_doc(self.sdoc[run_lo:run_hi]))
        kept = piece[lo - run_lo:hi - run_lo]
        self._labels[w] = [t.ent_type_ for t in kept]
        self._begins[w] = [t.ent_iob_ == "B" for t in kept]
        self.windows_run += 1
        self.seconds += time.perf_counter() - started

    def label(self, i: int) -> str:
        """The entity label of token ``i`` ("" outside any entity)."""
        if self._recognise is None:
            return self.sdoc[i].ent_type_
        w = i // self._window
        self._ensure(w)
        return self._labels[w][i - w * self._window]

    def _begins_entity(self, i: int) -> bool:
        if self._recognise is None:
            return self.sdoc[i].ent_iob_ == "B"
        w = i // self._window
        self._ensure(w)
        return self._begins[w][i - w * self._window]

    def labels(self, span: Span) -> set[str]:
        """The entity labels of the tokens of ``span``."""
        return {label for i in range(span.start, span.end) if (label := self.label(i))}

    def within(self, span: Span, label: str) -> bool:
        """True when ``span`` lies inside one entity labelled ``label``."""
        if span.start >= span.end or any(self.label(i) != label
                                         for i in range(span.start, span.end)):
            return False
        return not any(self._begins_entity(i) for i in range(span.start + 1, span.end))
