"""Persons as written in attendance lists: honorific, name and role (word lists from data files)."""

from __future__ import annotations

import csv
import re
from dataclasses import dataclass
from functools import cache

from extractors.gazetteer import RESOURCES

_MARKUP = re.compile(r"</?[a-zA-Z][^>]*>|\*+|_{2,}|^#+\s*|\\(?=[^\w\s])")
_NAME_WORD = re.compile(r"[A-ZÀ-ÖØ-Þ][\w'’.\-]*|[A-Z]\.")


def strip_markup(text: str) -> str:
    """Drop HTML tags, Markdown emphasis, heading hashes and escape backslashes."""
    return re.sub(r"[ \t]+", " ", _MARKUP.sub("", text)).strip()


@cache
def _table() -> dict[str, list[str]]:
    out: dict[str, list[str]] = {"title": [], "particle": []}
    with open(RESOURCES / "honorifics.tsv", encoding="utf-8", newline="") as fh:
        for row in csv.reader(fh, delimiter="\t"):
            if row and not row[0].startswith("#") and len(row) >= 2:
                out.setdefault(row[1].strip(), []).append(row[0].strip())
    return out


@cache
def honorific_re() -> re.Pattern[str]:
    """Regex matching an honorific as a whole word (longest forms first)."""
    words = sorted(_table()["title"], key=len, reverse=True)
    alts = "|".join(re.escape(w) + (r"(?![\w.])" if not w.endswith(".") else r"(?!\w)")
                    for w in words)
    return re.compile(rf"(?<![\w.])(?:{alts})")


@cache
def plural_titles() -> dict[str, str]:
    """Plural title written once before several names ("Councillors") -> its singular."""
    out: dict[str, str] = {}
    with open(RESOURCES / "honorifics.tsv", encoding="utf-8", newline="") as fh:
        for row in csv.reader(fh, delimiter="\t"):
            if len(row) >= 3 and row[1].strip() == "plural":
                out[row[0].strip()] = row[2].strip()
    return out


@cache
def role_words() -> frozenset[str]:
    """Words that start a role written straight after a name ("Counsellor", "Intern")."""
    return frozenset(_table().get("role", []))


@cache
def particles() -> frozenset[str]:
    """Lower-case words allowed inside a name ("van", "der", "de" ...)."""
    return frozenset(_table()["particle"])


@dataclass
class PersonParse:
    """A person found in a line: offsets relative to the line."""

    start: int
    end: int  # end of the name (role text, if any, comes after)
    honorific: str
    name: str


def name_end(text: str, pos: int, stops: list[int]) -> tuple[int, int]:
    """(start, end) of the name after an honorific at ``pos``: capitalized words, initials,
    particles; a second title ("H.E. Mr.") is skipped and a role word ends the name.

    ``stops`` are offsets (e.g. where a delegation name starts) where the name must end,
    except at its very first word.
    """
    start = end = pos
    first = True
    for m in re.finditer(r"\S+", text[start:]):
        w_start, word = start + m.start(), m.group()
        if not first and any(s == w_start for s in stops):
            break
        if not first and "\n" in text[end:w_start]:
            break  # a name does not run onto the next line
        if re.fullmatch(r"[-–—:(,;|]+.*", word) or (honorific_re().match(word) and not first):
            break
        core = word.rstrip(",;:")
        if first and honorific_re().fullmatch(core):  # "H.E. Mr. Name": keep the first title
            pos = end = w_start + len(word) + 1
            continue
        if not first and core in role_words():
            break
        if _NAME_WORD.fullmatch(core) or (not first and core in particles()):
            sentence_end = core.endswith(".") and len(core) > 2 and "." not in core[:-1] \
                and not core[:-1].isupper()
            end = w_start + len(core) - (1 if sentence_end else 0)
            first = False
            if core != word or sentence_end:  # trailing punctuation ends the name
                break
            continue
        break
    return min(pos, end), end


def find_persons(text: str, stops: list[int] | None = None) -> list[PersonParse]:
    """Every honorific-led person in ``text`` (names end at the next honorific or a stop)."""
    stops = stops or []
    found: list[PersonParse] = []
    for m in honorific_re().finditer(text):
        if found and m.start() < found[-1].end:
            continue
        pos = m.end()
        while pos < len(text) and text[pos] == " ":
            pos += 1
        nxt = [s for s in stops if s > pos]
        pos, end = name_end(text, pos, nxt)
        if end > pos:
            found.append(PersonParse(m.start(), end, m.group(), text[pos:end].strip()))
    return found


_ROLE_LEAD = re.compile(r"^[\s\-–—:,(]+|[\s)\],.;]+$")


def clean_role(text: str) -> str | None:
    """Role text without leading separators, brackets and trailing punctuation."""
    role = _ROLE_LEAD.sub("", text.strip())
    role = _ROLE_LEAD.sub("", role)
    return role or None
