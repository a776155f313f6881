"""Who must act: initials the attendance defines, attendees' names, offices and delegations."""

from __future__ import annotations

import re
import unicodedata

from extractors.context import Context
from extractors.interventions.reported import SpeakerFinder, speaker_finder

# "Jane Doe (JD)" in an attendance line defines the initials JD
_INITIALS_DEF = re.compile(
    r"(?P<name>[A-Z][\w'’.-]+(?:[ \t]+[A-Z][\w'’.-]+){0,3})[ \t]*\([ \t]*"
    r"(?P<ini>[A-Z][A-Za-z]{1,3})[ \t]*\)")
_WORD = re.compile(r"[A-Za-z][\w'’.-]*")


def _fold(text: str) -> str:
    decomposed = unicodedata.normalize("NFKD", text)
    return "".join(c for c in decomposed if not unicodedata.combining(c)).casefold().strip()


_ACRONYM_AFTER = re.compile(r"[^\n(]{0,80}?\(\s*(?P<code>[A-Z][A-Za-z]{1,9})\s*\)")


def _acronym_after(text: str, pos: int) -> str | None:
    """The affiliation acronym later on the same attendance line ("(JT), Met Office (UKMO)")."""
    m = _ACRONYM_AFTER.match(text, pos)
    return m.group("code") if m else None


class ActorResolver:
    """Resolves the actor named at the start of a task ("SH to send", "The Clerk will")."""

    def __init__(self, ctx: Context, speakers: SpeakerFinder | None = None) -> None:
        self.ctx = ctx
        self.speakers = speakers or speaker_finder(ctx)
        self.by_person: dict[str, str] = {}
        self.by_name_word: dict[str, str | None] = {}
        for att in ctx.attendees:
            if not (att.person and att.delegation_code):
                continue
            self.by_person[_fold(att.person)] = att.delegation_code
            for word in att.person.split():
                key = _fold(word)
                if len(key) > 2:
                    seen = self.by_name_word.get(key, att.delegation_code)
                    self.by_name_word[key] = seen if seen == att.delegation_code else None
        self.by_role: dict[str, str | None] = {}
        for att in ctx.attendees:
            for word in re.findall(r"[A-Za-z]+", att.role or ""):
                key = word.lower()
                if len(key) > 2 and att.delegation_code:
                    seen = self.by_role.get(key, att.delegation_code)
                    self.by_role[key] = seen if seen == att.delegation_code else None
        self.initials: dict[str, str | None] = {}
        self.defined_initials: set[str] = set()
        for m in _INITIALS_DEF.finditer(ctx.doc.text):
            self.defined_initials.add(m.group("ini"))
            code = self.by_person.get(_fold(m.group("name"))) or _acronym_after(ctx.doc.text,
                                                                                 m.end())
            if code is None:
                continue
            ini = m.group("ini")
            seen = self.initials.get(ini, code)
            self.initials[ini] = seen if seen == code else None

    def code_of_words(self, words: list[str]) -> str | None:
        """The one code the words name (initials or attendees' names), else None."""
        codes: set[str | None] = set()
        for w in words:
            if w in self.initials:
                codes.add(self.initials[w])
            elif _fold(w) in self.by_name_word:
                codes.add(self.by_name_word[_fold(w)])
            elif w.lower() in self.by_role:
                codes.add(self.by_role[w.lower()])  # "Clerk" -> the attendee whose role it is
        codes.discard(None)
        return codes.pop() if len(codes) == 1 else None

    def resolve(self, start: int, end: int) -> str | None:
        """The code of the party named between two offsets (None when several or none)."""
        text = self.ctx.doc.text[start:end]
        words = _WORD.findall(text)
        if any(w.lower() == "and" for w in words) or "," in text:
            return None  # several parties act together
        code = self.code_of_words(words)
        if code:
            return code
        found = self.speakers.mentions_in(start, end)
        codes = {s.code for s in found if s.code}
        return codes.pop() if len(codes) == 1 else None
