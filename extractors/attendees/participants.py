"""Persons the text shows taking part, and the chair named in a record's header.

Shapes read (anywhere in the text):

- "Mr. ROE (Ruritania) said ...", "Dr Ann Roe (Freedonia)"              (delegation in brackets)
- "Mr. Jan Roe, Minister of Trade of Ruritania", "H.E. Mr. Jan Roe, Ruritania"   (appositive)
- "Ms. Ann Roe of Ruritania", "Jan Roe of Ruritania and Ann Moss of Freedonia"   (of + State)
- "Ms. Roe (Rapporteur) reported", "Mr. Moss proposed"          (office or speech verb; a member
  of the body whose minutes these are)
- "Chairman: Dr Ann Roe (Ruritania)", "President: Mr. ROE"         (header line of a record)
- "the delegation of Ruritania", "the delegations of A, B and C"        (delegations taking part)

Each becomes an attendee (FORMAT: a person the text shows taking part is an attendee of their
delegation); a person already listed is not added twice, a person-less record of the same
delegation takes the person's name, and where an attendance list exists a person with no
delegation written is left out.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass, replace

from extractors.attendees.affiliations import (
    body_delegation,
    is_office,
    is_secretariat,
    office_words,
    unknown_org,
)
from extractors.attendees.lines import delegation_matches, org_like
from extractors.attendees.persons import clean_role, find_persons, honorific_re
from extractors.attendees.secretariat import body_staff
from extractors.context import Context
from extractors.gazetteer import Delegation
from extractors.intervals import IntervalIndex
from extractors.lexicon import speech_verbs
from models.records import Attendee

_NAME = r"[A-ZÀ-ÖØ-Þ][\w'’\-]+"
_BARE_NAME_OF = re.compile(
    rf"(?<![\w.])((?:{_NAME}[ \t]+){{1,3}}{_NAME})(?=(?:(?:[ \t]*,[ \t]*|[ \t]+and[ \t]+)"
    rf"(?:{_NAME}[ \t]+){{1,3}}{_NAME})*\s+(?:of|from)\s+(?:the\s+)?[A-Z])")
_BARE_NAME_BRACKET = re.compile(
    rf"(?<![\w.])((?:{_NAME}[ \t]+){{1,3}}{_NAME})(?=[ \t]*\([^()\n]*\)[ \t]*,?[ \t]*[a-z])")
_NEXT_NAME = re.compile(rf"(?:[ \t]*,[ \t]*|[ \t]+and[ \t]+)(?:{_NAME}[ \t]+){{1,3}}{_NAME}"
                        rf"(?=[ \t]+(?:of|from)[ \t])")
_ORG_AFTER = re.compile(rf"((?:{_NAME}|of|the|and|for)(?:[ \t]+(?:{_NAME}|of|the|and|for))*)")
_HEADER = re.compile(r"(?:^|(?<=[\s.]))(?P<label>[A-Z][A-Za-z\-]{2,20}(?: [A-Z][A-Za-z\-]+)?)"
                     r"\s*:\s*(?P<rest>[^\n]+)", re.M)
_DELEGATIONS_OF = re.compile(r"\b(?:the\s+)?delegations?\s+of\s+", re.I)
_NOT_TAKING_PART = re.compile(
    r"(?:behalf of|namely|named|nominated|nominate|\bto|\bwith|\bfor|\babout)\s*$", re.I)


@dataclass
class Participant:
    """A person (or a delegation) the text shows taking part."""

    start: int
    end: int
    person: str | None
    honorific: str | None
    delegation: Delegation | None
    role: str | None = None
    by_body: bool = False  # the delegation is the body's only because none is written


def _fold(text: str) -> str:
    text = unicodedata.normalize("NFKD", text)
    return " ".join("".join(c for c in text if not unicodedata.combining(c)).casefold().split())


def _known(name: str, listed: list[str]) -> bool:
    key = _fold(name)
    words = set(key.split())
    return any(key == n or words <= set(n.split()) or set(n.split()) <= words for n in listed)


def _state_at(ctx: Context, text: str) -> Delegation | None:
    hits = delegation_matches(text, ctx.gaz)
    return hits[0][2] if hits and hits[0][0] == 0 else None


def _speaks(text: str) -> bool:
    """True where ``text`` (what follows a name) starts with a reporting verb."""
    m = re.match(r"[\s,]*(?:\w+ly\s+)?([a-z]+)", text)
    return bool(m) and m.group(1) in speech_verbs() and not m.group(1).endswith("ing")


def _link(ctx: Context, text: str, pos: int) -> tuple[Delegation | None, str | None, int, bool]:
    """(delegation, role, end, acting) read after a name ending at ``pos``."""
    rest = text[pos:pos + 300]
    m = re.match(r"\s*\(([^()]*)\)", rest)
    if m:
        deleg, role = None, None
        for part in [p.strip() for p in m.group(1).split(",") if p.strip()]:
            found = ctx.resolve(part) or _state_at(ctx, part)
            if found and deleg is None:
                deleg = found
            elif is_office(part) and not org_like(part):
                role = role or clean_role(part)
        return deleg, role, pos + m.end(), _speaks(rest[m.end():])
    m = re.match(r"\s+(?:of|from)\s+(?:the\s+)?", rest)
    if m:
        deleg = _state_at(ctx, rest[m.end():])
        org = _ORG_AFTER.match(rest, m.end())
        if deleg is None and rest[m.start():m.end()].strip().startswith("from") and org \
                and org_like(org.group(1)):
            deleg = unknown_org(org.group(1), ctx=ctx)
        return deleg, None, pos + m.end(), False
    m = re.match(r"\s*,\s*([^,.;()\n]{2,120})", rest)
    if m:
        appos = m.group(1).strip()
        cut = re.search(r"\s+and\s+(?=" + honorific_re().pattern + ")", appos)
        appos = appos[:cut.start()] if cut else appos
        whole = ctx.resolve(appos)
        if whole:
            return whole, None, pos + m.end(), False
        hits = [h for h in delegation_matches(appos, ctx.gaz)
                if re.search(r"\bof\s+(?:the\s+)?$", appos[:h[0]])]
        if hits and appos[0].isupper():
            return hits[0][2], clean_role(appos), pos + m.end(), False
    return None, None, pos, _speaks(rest)


def _in_heading(ctx: Context, offset: int) -> bool:
    """True inside an agenda heading or a heading block (titles name topics, not persons)."""
    if any(a.char_start <= offset < a.char_end for a in ctx.agenda_near(offset)):
        return True
    block = ctx.doc.block_at(offset)  # blocks are in order and do not overlap
    return block is not None and block.kind == "heading" and block.start <= offset < block.end


def _trim_offices(start: int, name: str) -> tuple[int, str]:
    """Drop office words written before a bare name ("Co-Rapporteurs Jan Roe")."""
    words = name.split()
    while words and (_office_word(words[0]) or org_like(words[0])):
        start += len(words[0]) + 1
        words = words[1:]
    return start, " ".join(words)


def _office_word(word: str) -> bool:
    w = word.strip(".,")
    return w in office_words() or (w.endswith("s") and w[:-1] in office_words())


def _names_delegation(ctx: Context, text: str, start: int) -> bool:
    """True where a delegation name starts here ("Islamic Republic of Iran")."""
    hits = delegation_matches(text[start:start + 80].split("\n")[0], ctx.gaz)
    return bool(hits) and hits[0][0] == 0


_APPOSITIVE_BEFORE = re.compile(
    r"(?:^|\b)(?:[Tt]he|[Ii]ts|[Tt]heir)\s+((?:[A-Z][\w\-]*\s+)*?[A-Z][\w\-]*"
    r"(?:\s+(?:of|for|on)\s+(?:the\s+)?(?:[A-Z][\w’'\-]*|of|the|and|on|for)"
    r"(?:\s+(?:[A-Z][\w’'\-]*|of|the|and|on|for))*)?)\s*,\s*$")


def _appositive_before(ctx: Context, text: str, start: int) -> tuple[str | None, Delegation | None]:
    """(role, delegation) from "the Secretary-General of the Union, Mr. X" before a name."""
    m = _APPOSITIVE_BEFORE.search(text[max(0, start - 120):start])
    if not m or not is_office(m.group(1)):
        return None, None
    phrase = m.group(1)
    of = re.search(r"\s+(?:of|for)\s+(?:the\s+)?(.+)$", phrase)
    deleg = ctx.resolve(of.group(1)) if of else None
    role = phrase if deleg else re.sub(r"s$", "", phrase) if " " not in phrase else phrase
    return role, deleg


def _acceptable(name: str, honorific: str | None) -> bool:
    """A name, not an organization or an office (an honorific allows a name in capitals)."""
    words = name.split()
    if not words or any(_office_word(w) for w in words):
        return False
    if honorific:
        return not org_like(name.title())
    return not org_like(name)


def _mentions(ctx: Context) -> list[Participant]:
    text = ctx.doc.text
    body = body_delegation(ctx)
    out: list[Participant] = []
    spans: IntervalIndex[tuple[int, int, str, str | None]] = IntervalIndex(lambda s: s[:2])
    for p in find_persons(text):
        spans.add((p.start, p.end, p.name, p.honorific))
    for rx in (_BARE_NAME_OF, _BARE_NAME_BRACKET):
        for m in rx.finditer(text):
            if any(a <= m.start() < b for a, b, _, _ in spans.near(m.start())):
                continue
            before = text[max(0, m.start() - 4):m.start()]
            if re.search(r"\b(?:the|The|of|for|on|in|to|at)\s$", before) \
                    or _in_heading(ctx, m.start()):
                continue
            start, name = _trim_offices(m.start(), m.group(1))
            if len(name.split()) >= 2:
                spans.add((start, m.end(), name, None))
    for start, end, name, honorific in sorted(spans.items()):
        if not _acceptable(name, honorific) \
                or _NOT_TAKING_PART.search(text[max(0, start - 12):start]):
            continue
        if ctx.resolve(name) or _names_delegation(ctx, text, start):
            continue
        deleg, role, _, acting = _link(ctx, text, end)
        nxt = _NEXT_NAME.match(text, end)
        if deleg is None and nxt:  # "A and B of Ruritania": the link after the last name
            deleg = _link(ctx, text, nxt.end())[0]
        before_role, before_deleg = _appositive_before(ctx, text, start)
        role, deleg = role or before_role, deleg or before_deleg
        if deleg is None and not ((acting or role) and (honorific or role)):
            continue
        if honorific is None and text[end:end + 3].lstrip().startswith("(") \
                and not acting:
            continue  # a bare name with brackets must be shown acting
        by_body = deleg is None and body is not None
        if by_body:
            staff = body_staff(ctx) if role and is_secretariat(role) else None
            deleg = staff or body
        out.append(Participant(start, end, name, honorific, deleg, role, by_body))
    return out


def _header_chairs(ctx: Context) -> list[Participant]:
    """ "Chairman: Dr A. Roe (Ruritania)" lines in the first part of a record."""
    text = ctx.doc.text[:3000]
    out = []
    for m in _HEADER.finditer(text):
        label = m.group("label").strip()
        if label.title() not in {w.title() for w in office_words()} or \
                label.lower() in {"member", "observer", "representative", "delegate"}:
            continue
        rest = m.group("rest")
        h = honorific_re().match(rest.strip())
        persons = find_persons(rest)
        if not h or not persons:
            continue
        p = persons[0]
        deleg, _, _, _ = _link(ctx, rest, p.end)
        body = body_delegation(ctx) if deleg is None else None
        out.append(Participant(m.start("rest") + p.start, m.start("rest") + p.end, p.name,
                               p.honorific, deleg or body, label, body is not None))
    return out


def _delegations_of(ctx: Context) -> list[Participant]:
    """ "the delegation(s) of A, B and C": delegations taking part, no person."""
    text = ctx.doc.text
    out = []
    for m in _DELEGATIONS_OF.finditer(text):
        pos = m.end()
        while True:
            hits = delegation_matches(text[pos:pos + 80], ctx.gaz)
            if not hits or hits[0][0] > 4:
                break
            a, b, d = hits[0]
            out.append(Participant(pos + a, pos + b, None, None, d))
            sep = re.match(r"\s*(?:,\s*(?:and\s+)?|and\s+)(?:the\s+)?", text[pos + b:])
            if not sep:
                break
            pos += b + sep.end()
    return out


_TITLED = re.compile(r"(?<![\w.])([A-Z][A-Za-z&\-]{1,9})\s+((?:[A-Z][\w\-]*\s+){2,7})")
_OFFICE_EXTRA = {"General", "Executive", "Deputy", "Vice", "Assistant", "Acting", "Permanent"}


def _titled(ctx: Context) -> list[Participant]:
    """ "<Organization> <office> <Name> <verb>": "UNEP Executive Director Ana Roe said"."""
    text = ctx.doc.text
    out = []
    for m in _TITLED.finditer(text):
        words = m.group(2).split()
        k = 0
        while k < len(words) and all(part in office_words() or part in _OFFICE_EXTRA
                                     for part in words[k].split("-")):
            k += 1  # office words, also joined ("Director-General")
        name = words[k:]
        if not k or not 2 <= len(name) <= 4 or not _acceptable(" ".join(name), None) \
                or name[0] in ("The", "A", "An", "This") or not _speaks(text[m.end():]):
            continue
        org = ctx.resolve(m.group(1))
        if org is None and not m.group(1).isupper():
            continue
        org = org or unknown_org(m.group(1), ctx=ctx)
        office = " ".join(words[:k])
        kind = "secretariat" if is_secretariat(office) else org.kind
        start = m.start(2) + m.group(2).index(name[0], len(" ".join(words[:k])))
        out.append(Participant(start, start + len(" ".join(name)), " ".join(name), None,
                               Delegation(org.name, org.code, kind), office))
    return out


def find_participants(ctx: Context) -> list[Participant]:
    """Persons and delegations the text shows taking part, in document order."""
    found = _header_chairs(ctx) + _titled(ctx) + _mentions(ctx) + _delegations_of(ctx)
    return sorted(found, key=lambda p: p.start)


def add_participants(ctx: Context, attendees: list[Attendee]) -> list[Attendee]:
    """Add the persons and delegations the text shows taking part (see module docstring)."""
    out = list(attendees)
    listed = [_fold(a.person) for a in out if a.person]
    codes = {a.delegation_code for a in out}
    for p in find_participants(ctx):
        d = p.delegation
        code = d.code if d else None
        if (code is None or p.by_body) and attendees:
            continue  # where a list exists, a person it does not place is left out
        if p.person is None:
            if code and code not in codes:
                out.append(_record(ctx, p))
                codes.add(code)
            continue
        if _known(p.person, listed):
            continue
        listed.append(_fold(p.person))
        idx = [i for i, a in enumerate(out) if code and a.delegation_code == code
               and a.status == "present" and a.person is None]
        if idx:
            a = out[idx[0]]
            out[idx[0]] = replace(a, person=p.person, honorific=p.honorific,
                                  role=a.role or p.role)
        else:
            out.append(_record(ctx, p))
        codes.add(code)
    return out


def _record(ctx: Context, p: Participant) -> Attendee:
    d = p.delegation
    return Attendee(doc_id=ctx.doc_id, delegation=d.name if d else "",
                    delegation_code=d.code if d else None,
                    delegation_kind=d.kind if d else None, person=p.person,
                    honorific=p.honorific, role=p.role, status="present",
                    **ctx.provenance(p.start, p.end))
