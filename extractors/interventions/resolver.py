"""Who a mention names: persons -> attendance row -> delegation; offices -> role.

A person is found under every name the minutes use for them: surname ("Mr. Bunn" is the
"Mr. J. Bunn" of the list), full name, first name ("Nicolas: ..."), initials written beside
the name in the attendance list ("Jeremy Doe (JD), Agency (AG)") or derived from it ("JD -
..." bullets). The attendance rows come from ``ctx.attendees``; initials written beside a
name are also read here, with the affiliation written on the same line, so that bullets led
by initials resolve even where the list yields no row.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass

from extractors.attendees.lines import delegation_matches, org_like
from extractors.attendees.persons import honorific_re, particles
from extractors.context import Context
from extractors.interventions.offices import Speaker, office_for_role
from extractors.lexicon import cue
from models.records import Attendee

# "Jeremy Doe (JD), Some Agency (AGY) - SC Chair": a name, then its initials in brackets
_ALIAS = re.compile(r"(?P<name>[A-ZÀ-Þ][\w'’.\-]*(?:[ \t]+[^\W\d_][\w'’.\-]*){1,4}?)"
                    r"[ \t]*\([ \t]*(?P<alias>[A-Z][A-Za-z]{1,4})[ \t]*\)")
# "Jane Doe from the Harbour Committee", "Mr. Doe of the Water Agency": a person and the body
# they come from, written in running text
_NAME_OF_ORG = re.compile(
    r"(?P<name>(?:[A-ZÀ-Þ][\w'’\-]+[ \t]+){1,3}[A-ZÀ-Þ][\w'’\-]+"
    r"(?:[ \t]+and[ \t]+(?:[A-ZÀ-Þ][\w'’\-]+[ \t]+){1,3}[A-ZÀ-Þ][\w'’\-]+)?)"
    r",?\s+(?:from|of|representing)\s+(?:the\s+)?"
    r"(?P<org>[A-ZÀ-Þ][\w'’&\-]*(?:\s+(?:of|and|for|on|the|[A-ZÀ-Þ][\w'’&\-]*))*)")
_ORG_GLUE = {"of", "and", "for", "on", "the"}
# an affiliation's acronym in brackets: at least two capitals ("(AGY)", "[XYZ]", "(BoM)")
_CODE_IN_BRACKETS = re.compile(r"[(\[](?P<code>(?=(?:[^)\]]*[A-Z]){2})[A-Z][A-Za-z&\-]{1,11})[)\]]")
# "AGY - Jeremy Doe (JD) representing ...": an acronym heading the line before the name
_CODE_BEFORE = re.compile(r"(?P<code>\b[A-Z][A-Z&\-]{1,11})\s*[-–—:]\s*$")
_ROLE_AFTER_DASH = re.compile(r"\s[-–—]\s*(?P<role>[^-–—\n]+?)\s*$")


def fold(text: str) -> str:
    """Lower-case, accent-free form of a name."""
    text = unicodedata.normalize("NFKD", text)
    return "".join(c for c in text if not unicodedata.combining(c)).casefold()


def _name_words(name: str) -> list[str]:
    return [w for w in re.split(r"[\s.]+", name) if w and w.lower() not in particles()]


def derived_initials(name: str) -> set[str]:
    """Initials a list may use for a person: all words' first letters, or first and last;
    capitals inside a word count too ("Dell'Acqua" gives D and A)."""
    words = _name_words(name)
    if len(words) < 2:
        return set()
    letters = [fold(w[0]).upper() for w in words]
    inner = "".join(fold(w[0]).upper() + "".join(c for c in w[1:] if c.isupper())
                    for w in words)
    return {"".join(letters), letters[0] + letters[-1], inner}


def _alias_fits(alias: str, name: str) -> bool:
    """Initials in brackets that spell the name ("MaL" for "Marta Lindqvist")."""
    caps = "".join(c for c in alias if c.isupper())
    return len(caps) >= 2 and caps in derived_initials(name)


def _alias_definitions(line: str) -> list[re.Match[str]]:
    """"Name (NN)" definitions in a line; a capitalised word before the name is skipped."""
    found: list[re.Match[str]] = []
    pos = 0
    while (m := _ALIAS.search(line, pos)) is not None:
        if _alias_fits(m.group("alias"), m.group("name").strip()) \
                and not org_like(m.group("name")):
            found.append(m)
            pos = m.end()
        else:
            nxt = re.search(r"\s\S", line[m.start():m.start("alias")])
            pos = m.start() + nxt.end() - 1 if nxt else m.end()
    return found


@dataclass
class _Entry:
    speaker: Speaker
    present: bool


class PersonIndex:
    """Names of attendees as the text refers to them, each with the speaker it resolves to."""

    def __init__(self, ctx: Context, presidency: str | None) -> None:
        self.ctx = ctx
        self.presidency = presidency
        self.names: dict[str, list[_Entry]] = {}  # folded surname / full name / first name
        self.aliases: dict[str, list[_Entry]] = {}  # initials, case as written
        self.derived: dict[str, list[_Entry]] = {}  # initials derived from names
        rows = [a for a in ctx.attendees if a.person and a.delegation_code]
        for att in rows:
            self._add_row(att)
        self._read_alias_lines(rows)
        self._read_inline_affiliations()

    # -- building --------------------------------------------------------------------------
    def speaker_for(self, att: Attendee) -> Speaker:
        """The speaker an attendance row speaks as (an office where its role names one)."""
        office = office_for_role(att.role)
        person = att.person
        if office is not None and (not office.presidency or self.presidency in (
                None, att.delegation_code)):
            return Speaker(office.speaker, att.delegation_code, office.role, person)
        return Speaker(att.delegation or att.delegation_code or "", att.delegation_code,
                       None, person)

    def _put(self, table: dict[str, list[_Entry]], key: str, entry: _Entry) -> None:
        entries = table.setdefault(key, [])
        if not any(e.speaker == entry.speaker for e in entries):
            entries.append(entry)

    def _add(self, name: str, entry: _Entry) -> None:
        words = _name_words(name)
        if not words:
            return
        self._put(self.names, fold(name), entry)
        surname = words[-1]
        self._put(self.names, fold(surname), entry)
        if "-" in surname:
            self._put(self.names, fold(surname.split("-")[-1]), entry)
        first = words[0]
        if len(words) >= 2 and len(first.rstrip(".")) > 1 and not first.isupper():
            self._put(self.names, fold(first), entry)
        for ini in derived_initials(name):
            self._put(self.derived, ini, entry)

    def _add_row(self, att: Attendee) -> None:
        assert att.person
        self._add(att.person, _Entry(self.speaker_for(att), att.status == "present"))

    def _row_for(self, name: str, rows: list[Attendee]) -> Attendee | None:
        key = fold(name)
        for att in rows:
            if att.person and (fold(att.person) == key or fold(att.person) in key):
                return att
        return None

    def _read_alias_lines(self, rows: list[Attendee]) -> None:
        """Initials written in brackets beside a name, with the affiliation on that line.

        "Name (NN), Agency (AG)" and "Agency (AG) - Name (NN)" read like two definitions; one
        written right beside a person who has no affiliation of their own is taken as that
        person's affiliation. An affiliation written in the person's own entry wins.
        """
        best: dict[str, tuple[int, _Entry, str]] = {}
        for line in self.ctx.doc.text.splitlines():
            found = _alias_definitions(line)
            affiliations: set[int] = set()
            for k, m in enumerate(found):
                if k in affiliations:
                    continue
                name, alias = m.group("name").strip(), m.group("alias")
                nxt = found[k + 1] if k + 1 < len(found) else None
                rest = line[m.end():nxt.start() if nxt else len(line)]
                att = self._row_for(name, rows)
                if att is not None:
                    entry = _Entry(self.speaker_for(att), att.status == "present")
                    self._keep_best(best, alias, 3, entry, name)
                    continue
                spk = self._speaker_from_line(name, rest, line[:m.start()] if k == 0 else "")
                quality = 2
                prev = found[k - 1] if k > 0 else None
                if spk is None and prev is not None and k - 1 not in affiliations \
                        and re.fullmatch(r"\s*[-–—:]\s*", line[prev.end():m.start()]):
                    spk = self._speaker_from_line(name, line[prev.start("alias") - 1:
                                                             prev.end()] + rest, "")
                    quality = 1
                elif spk is None and nxt is not None and re.fullmatch(r"[\s,;]*", rest):
                    spk = self._speaker_from_line(name, line[nxt.start("alias") - 1:], "")
                    quality = 1
                    affiliations.add(k + 1)
                if spk is not None:
                    self._keep_best(best, alias, quality, _Entry(spk, True), name)
        for alias, (quality, entry, name) in best.items():
            if quality < 3:
                self._add(name, entry)
            self._put(self.aliases, alias, entry)

    @staticmethod
    def _keep_best(best: dict[str, tuple[int, _Entry, str]], alias: str, quality: int,
                   entry: _Entry, name: str) -> None:
        if quality >= best.get(alias, (0, entry, ""))[0]:
            best[alias] = (quality, entry, name)

    def _speaker_from_line(self, name: str, rest: str, before: str) -> Speaker | None:
        """Affiliation written after the initials (an acronym in brackets or a known
        delegation) or heading the line ("AGY - Name (NN) ..."); a role after a dash may name
        an office."""
        code = None
        hit = _CODE_IN_BRACKETS.search(rest)
        lead = _CODE_BEFORE.search(before)
        if hit:
            dele = self.ctx.gaz.resolve(hit.group("code"))
            code = dele.code if dele else hit.group("code")
        elif lead:
            dele = self.ctx.gaz.resolve(lead.group("code"))
            code = dele.code if dele else lead.group("code")
        else:
            found = [f for f in delegation_matches(rest, self.ctx.gaz)
                     if rest[f[0]:f[1]].lower() not in cue("generic_body")]
            if found:
                code = found[0][2].code
        if code is None:
            return None
        role_m = _ROLE_AFTER_DASH.search(rest)
        office = office_for_role(role_m.group("role")) if role_m else None
        if office is not None and (not office.presidency or self.presidency in (None, code)):
            return Speaker(office.speaker, code, office.role, name)
        return Speaker(code, code, None, name)

    def _read_inline_affiliations(self) -> None:
        """Persons written with the body they come from ("Jane Doe from the Harbour
        Committee"): the body's acronym is their code where no attendance row names them."""
        for m in _NAME_OF_ORG.finditer(self.ctx.doc.text):
            org = m.group("org").split()
            while org and org[-1] in _ORG_GLUE:
                org.pop()
            code = self._org_code(" ".join(org))
            if code is None:
                continue
            for part in re.finditer(r"(?!and\b)\S+(?:[ \t]+(?!and\b)\S+)*", m.group("name")):
                name, start = part.group(), m.start("name") + part.start()
                if name == "and":
                    continue
                words = name.split()
                span = self.ctx.sdoc.char_span(start, start + len(name), alignment_mode="expand")
                if span is None or any(t.tag_ != "NNP" for t in span):
                    continue  # a person's name is proper nouns only
                if len(words) < 2 or org_like(name) or any(
                        w.lower() in cue("person") or honorific_re().fullmatch(w)
                        for w in words[:-1]) or words[-1].lower() in cue("person") \
                        or self.by_name(words[-1]) is not None:  # "State Secretary of X"
                    continue
                self._add(name, _Entry(Speaker(code, code, None, name), True))

    def _org_code(self, org: str) -> str | None:
        """A known delegation's code, or the acronym of an organization's name."""
        if not org:
            return None
        dele = self.ctx.gaz.resolve(org)
        if dele is not None:
            return dele.code
        found = delegation_matches(org, self.ctx.gaz)
        if found and found[0][0] == 0:
            return found[0][2].code
        words = [w for w in org.split() if w not in _ORG_GLUE]
        if len(words) < 2 or not org_like(org):
            return None
        return "".join(w[0].upper() for w in words)

    # -- lookups ---------------------------------------------------------------------------
    @staticmethod
    def _one(entries: list[_Entry] | None) -> Speaker | None:
        """The speaker of a name, when the name points to one code (present rows first)."""
        if not entries:
            return None
        present = [e for e in entries if e.present] or entries
        if len({(e.speaker.code, e.speaker.role) for e in present}) == 1 \
                or len({e.speaker.code for e in present}) == 1:
            return present[0].speaker
        return None

    def by_name(self, text: str) -> Speaker | None:
        """A person written by surname, full name or first name (capitalised)."""
        text = text.strip()
        if not text or not text[0].isupper():
            return None
        return self._one(self.names.get(fold(text)))

    def by_alias(self, text: str, derived: bool = False) -> Speaker | None:
        """A person written by initials (written beside the name, or derived from it)."""
        spk = self._one(self.aliases.get(text.strip()))
        if spk is None and derived:
            spk = self._one(self.derived.get(text.strip()))
        return spk

    def by_label(self, text: str) -> Speaker | None:
        """A label leading a turn: initials, a name, or an honorific and a name."""
        text = honorific_re().sub("", text.replace("*", "").replace("_", " ")).strip(" .,[]")
        if not text:
            return None
        return self.by_alias(text, derived=True) or self.by_name(text) or (
            self.by_name(text.split()[-1]) if " " in text else None)
