"""Heading titles: cleaning, telling a title from a sentence, and cutting a title off the text
it runs into ('Budget - The treasurer reported ...')."""

from __future__ import annotations

import re

from spacy.tokens import Span, Token

from extractors.agenda.spec import spec
from extractors.context import Context
from extractors.date_parsing import strip_markup

_URL_RE = re.compile(r"\s*\(?\s*https?://\S+?\s*\)?(?=\s|$)")
_FINITE_TAGS = frozenset({"VBD", "VBZ", "VBP", "MD"})
_SUBJECTS = frozenset({"nsubj", "nsubjpass", "expl", "csubj"})
_SENTENCE_BREAK_RE = re.compile(r"[a-z]{2}[.!?]\s+[A-Z]")
MIN_SENTENCE_WORDS = 4  # 'Budget matters' parses as subject and verb


def clean_heading(text: str) -> str:
    """Heading text with markup, leading '#' marks and surplus spaces removed."""
    text = strip_markup(text)
    text = re.sub(r"^\s*#+\s*", "", text)
    return re.sub(r"\s+", " ", text).strip()


def clean_title(title: str) -> str:
    """A title without links, a trailing colon or dash, or the full stop of a one-sentence
    title."""
    title = _URL_RE.sub("", title).strip()
    title = title.strip().rstrip(":").strip(" -–—").strip()
    if re.search(r"[^\W\d_]{2}\.$", title) and not re.search(r"[.!?]\s", title):
        title = title[:-1]
    return title


def is_title(text: str) -> bool:
    """True where ``text`` reads like a heading title rather than a sentence or paragraph."""
    s = spec()
    words = text.split()
    if not words or len(words) > s.max_words or len(text) > s.max_chars:
        return False
    first = text[0]
    if not (first.isupper() or first.isdigit() or first in "\"'“‘("):
        return False
    if text.endswith((",", ";")):
        return False
    if text.endswith(".") and len(words) > s.max_words_if_period:
        return False
    if _SENTENCE_BREAK_RE.search(text):
        return False  # two sentences ('Mill Street - extension. No objection.')
    return not (len(words) > s.max_words_if_period and re.search(r"[.;!?]\s+[A-Z]", text))


def is_sentence(ctx: Context, start: int, end: int) -> bool:
    """True where the text between two offsets has a finite verb with a subject ('Mr X
    declared that ...', 'the rule will apply'): a sentence, not a title."""
    span = ctx.sdoc.char_span(start, end, alignment_mode="expand")
    if span is None:
        return False
    n_words = sum(1 for t in span if t.is_alpha)
    if n_words < MIN_SENTENCE_WORDS and not (n_words >= 2 and span.text.rstrip().endswith(".")):
        return False
    if _parsed_across(span):
        return _subject_then_verb(span)
    for tok in span:
        if tok.dep_ in _SUBJECTS and tok.head.i >= span.start and tok.head.i < span.end:
            head = tok.head
            if head.tag_ in _FINITE_TAGS and not _participle(tok, head):
                return True
            if any(c.tag_ in _FINITE_TAGS for c in head.children
                   if c.dep_ in ("aux", "auxpass")):
                return True
    return False


def _parsed_across(span: Span) -> bool:
    """Whether the parser ran the span's first words into the block before it (blocks are
    joined by one line break, so a heading and its text may be parsed as one sentence)."""
    first = next((t for t in span if not t.is_space and not t.is_punct), None)
    return first is not None and not (span.start <= first.head.i < span.end)


def _subject_then_verb(span: Span) -> bool:
    """A noun or pronoun followed by a finite verb that is not a likely participle."""
    seen_nominal = False
    for tok in span:
        if tok.pos_ in ("NOUN", "PROPN", "PRON"):
            seen_nominal = True
        elif seen_nominal and tok.tag_ in _FINITE_TAGS and tok.i > span.start:
            nxt = tok.nbor(1) if tok.i + 1 < len(tok.doc) else None
            if not (tok.tag_ == "VBD" and nxt is not None and nxt.tag_ in ("IN", "TO")
                    and tok.text.endswith("ed")):
                return True
    return False


def has_clause(ctx: Context, start: int, end: int) -> bool:
    """True where the text between two offsets has a finite verb that heads a clause (its
    subject may stand before ``start``, in a heading glued to the text)."""
    span = ctx.sdoc.char_span(start, end, alignment_mode="expand")
    if span is None:
        return False
    return any(tok.tag_ in _FINITE_TAGS and (tok.dep_ in ("ROOT", "conj", "ccomp") or any(
        c.dep_ in _SUBJECTS for c in tok.children)) for tok in span)


def _participle(subject: Token, verb: Token) -> bool:
    """Whether a verb tagged past tense is more likely a participle after a bare noun
    ('Report of the Group appointed to study ...'): a subject with no determiner that is no
    pronoun, and the verb followed by a preposition."""
    if verb.tag_ != "VBD" or subject.pos_ == "PRON" or not verb.text.endswith("ed"):
        return False
    if any(c.dep_ in ("det", "poss") for c in subject.children):
        return False
    nxt = verb.nbor(1) if verb.i + 1 < len(verb.doc) else None
    return nxt is not None and nxt.tag_ in ("IN", "TO")


def run_in_title(text: str) -> str | None:
    """The title at the start of a heading that runs on into its text ('Budget - The
    treasurer reported ...' gives 'Budget'), or None."""
    s = spec()
    if s.run_in is None:
        return None
    m = s.run_in.search(text)
    if m is None or m.start() == 0:
        return None
    title = clean_title(text[:m.start()])
    rest = text[m.end():].strip()
    if not rest or len(title.split()) > 12 or not is_title(title):
        return None
    return title


def title_case_share(text: str) -> float:
    """Share of the words of four letters or more that start with a capital."""
    words = [w for w in re.findall(r"[^\W\d_][\w'’\-]*", text) if len(w) >= 4]
    if not words:
        return 1.0
    return sum(1 for w in words if w[0].isupper()) / len(words)
