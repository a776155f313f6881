"""Codes for delegations the gazetteer does not know, derived from what the document writes.

An organization's code is the acronym written beside it in brackets ("Met Office (UKMO)"), else
the acronym the document defines for that name elsewhere, else the name itself where it is one
all-capitals token ("CESG"), else the capitals of its name ("Government Digital Service" ->
"GDS", "NHS England" -> "NHSE"), else a one-word name in capitals ("Surevine" -> "SUREVINE").
Never a list of organizations: only the document's own words.

Members of a non-State body with no affiliation written belong to the body itself, whose name
is read from the document's title ("Minutes of the X Council meeting ...").
"""

from __future__ import annotations

import re
from functools import cache

from extractors.attendees.lines import cues
from extractors.context import Context
from extractors.gazetteer import Delegation, gazetteer, normalize_key

_BRACKETED = re.compile(r"[(\[]\s*([A-Z][A-Za-z&\-]{1,10})\s*[)\]]")
_NAME_WORD = r"[A-ZÀ-Þ][\w'’&\-]*"
_LINKS = r"of|for|and|the|on|in|de|du|des|la|le|&"
_DEFINED = re.compile(
    rf"((?:{_NAME_WORD})(?:\s+(?:{_NAME_WORD}|{_LINKS})){{0,9}})\s*[(\[]\s*"
    r"([A-Z][A-Za-z&]{1,9})\s*[)\]]")
_ACRONYM = re.compile(r"\b[A-Z][A-Z&]{1,9}\b")


def capitals(name: str) -> str:
    """The capitals of a name: whole all-capital words, else each word's capital letters."""
    out = []
    words = re.findall(r"[\w'’&\-]+", name)
    if len(words) > 1 and all(w.isupper() and 1 < len(w) <= 5 for w in words):
        return "-".join(words)  # a name made of acronyms ("VTL TF" -> "VTL-TF")
    if len(words) > 1 and all(w.isupper() or not w[0].isalpha() for w in words):
        # a name written in capitals: short words are acronyms, long ones give initials
        return "".join(w if len(w) <= 3 else w[0] for w in words
                       if w.lower() not in _LINKS.split("|"))
    for word in words:
        if word.isupper() and len(word) > 1:
            out.append(word.replace("-", ""))
        else:
            out.append("".join(c for c in word if c.isupper()))
    return "".join(out)


def _fits(acronym: str, name: str) -> bool:
    """True where the acronym's letters are the name's capitals (or its word initials)."""
    letters = acronym.upper().replace("&", "")
    initials = "".join(w[0] for w in re.findall(r"[\w'’\-]+", name) if w[0].isalpha()).upper()
    caps = capitals(name).upper()
    return letters in (caps, initials) or (len(letters) > 1 and caps.endswith(letters))


@cache
def _defined_in(text: str) -> dict[str, str]:
    out: dict[str, str] = {}
    for m in _DEFINED.finditer(text):
        name, acronym = m.group(1), m.group(2)
        words = name.split()
        for k in range(len(words)):  # the shortest tail of the name that fits the acronym
            tail = " ".join(words[k:])
            if _fits(acronym, tail):
                out.setdefault(normalize_key(tail), acronym)
    return out


def defined_acronyms(ctx: Context) -> dict[str, str]:
    """Normalized name -> acronym for every "Name (ACR)" the document writes."""
    return _defined_in(ctx.doc.text)


def name_code(name: str, ctx: Context | None = None) -> str:
    """Code for an organization written as ``name`` (see the module docstring)."""
    m = _BRACKETED.search(name)
    if m:
        return m.group(1)
    bare = re.sub(r"\s*[(\[][^)\]]*[)\]]?\s*", " ", name).strip()
    if ctx is not None:
        known = defined_acronyms(ctx).get(normalize_key(bare))
        if known:
            return known
    if re.fullmatch(r"[A-Z][A-Za-z0-9&\-]{1,10}", bare) and sum(c.isupper() for c in bare) > 1:
        return bare
    words = re.findall(r"[\w'’&\-]+", bare)
    if len(words) == 1:
        return bare.upper()
    return capitals(bare) or bare.upper()


_MIN_CONTENT_WORDS = 4  # only a long name is told apart by its content words alone


def _content_key(name: str) -> str:
    """A name's words without its small link words ("of", "for", "the")."""
    words = normalize_key(name).split()
    return " ".join(w for w in words if w not in _LINKS.split("|"))


@cache
def _by_content() -> dict[str, Delegation]:
    """Content-word key -> delegation, for every long gazetteer name whose key is unique."""
    gaz = gazetteer()
    owners: dict[str, set[str]] = {}
    for code, surface in gaz.names.items():
        if code in gaz.generic:
            continue
        for name in surface:
            key = _content_key(name)
            if len(key.split()) >= _MIN_CONTENT_WORDS:
                owners.setdefault(key, set()).add(code)
    return {key: gaz.by_code[codes.pop()] for key, codes in owners.items() if len(codes) == 1}


def known_by_content(text: str) -> Delegation | None:
    """The gazetteer entry whose long name has the same content words in the same order
    ("Union for the Conservation of Nature" ~ "Union for Conservation of Nature"), else None."""
    key = _content_key(text)
    return _by_content().get(key) if len(key.split()) >= _MIN_CONTENT_WORDS else None


def unknown_org(text: str, kind: str = "organization", ctx: Context | None = None) -> Delegation:
    """A delegation for an organization the gazetteer does not know by its exact name: the
    entry its content words name, else its own acronym."""
    known = known_by_content(text)
    if known is not None:
        return known if kind == "organization" else Delegation(known.name, known.code, kind)
    code = name_code(text, ctx)
    return Delegation(code, code, kind)


@cache
def _words(kind: str) -> frozenset[str]:
    return frozenset(w for c in cues() if c["kind"] == kind for w in c["words"])


def office_words() -> frozenset[str]:
    """Offices written beside a person ("Chair", "Clerk", "Treasurer")."""
    return _words("office_words")


def is_office(text: str) -> bool:
    """True where ``text`` names an office ("SC Vice-Chair", "acting chair", "Co-Chairs")."""
    low = text.lower()
    return any(re.search(rf"(?<![\w-]){re.escape(w.lower())}s?(?![\w-])", low)
               for w in office_words())


def is_secretariat(text: str) -> bool:
    """True where ``text`` names the body's own staff ("Clerk", "Secretariat")."""
    low = text.lower()
    return any(re.search(rf"(?<![\w-]){re.escape(w.lower())}(?![\w-])", low)
               for w in _words("secretariat_words"))


def is_attendance_mode(text: str) -> bool:
    """True for how a person attended ("remote", "by phone"): not a role."""
    return text.strip().lower() in {w.lower() for w in _words("attendance_modes")}


_BODY_HEADS = (r"Council|Committee|Commission|Board|Assembly|Conference|Task Force|Group|"
               r"Panel|Forum|Association|Society|Authority|Trust|Bureau|Parliament|Senate|"
               r"Cabinet|Court|Working Party|Subcommittee|Sub-Committee|Executive|Partnership|"
               r"Network|Union|Club|Federation|Taskforce|Alliance")
_HEADS = rf"(?:{_BODY_HEADS})(?:\s+(?:{_BODY_HEADS}))*"  # "Harbour Trust Board": the whole run
@cache
def _body_in_title() -> re.Pattern[str]:
    """"Minutes / record / report of the [Fourth] [meeting of the] <body>" (ordinal words from
    the meeting vocabulary, imported here because the meeting package reads attendance)."""
    from extractors.meeting.vocab import ordinal_regex

    return re.compile(
        rf"(?:minutes|record|report|meeting)s?\s+of\s+(?:the\s+)?"
        rf"(?:(?:{ordinal_regex()}|\d+)\s+)?(?:(?:meeting|session|sitting)\s+of\s+)?"
        rf"(?:the\s+)?((?:{_NAME_WORD}\s+){{0,6}}?{_HEADS}(?:\s+on\s+the(?:\s+{_NAME_WORD})+"
        rf"|\s+(?:on|for|of)(?:\s+(?:{_NAME_WORD}|of|the|and))+)?)", re.I)


_BODY_LINE = re.compile(
    rf"^(?:the\s+)?((?:{_NAME_WORD}\s+){{0,6}}{_HEADS}"
    rf"(?:\s+(?:on|for|of)\s+(?:the\s+)?(?:{_NAME_WORD}|of|the|and|all)(?:\s+(?:{_NAME_WORD}"
    rf"|of|the|and|all))*)?)$", re.I)


_BODY_BEFORE_MEETING = re.compile(
    rf"^(?:the\s+)?((?:{_NAME_WORD}\s+){{0,6}}?{_HEADS}(?:\s+(?:of|on|for)\s+(?:the\s+)?"
    rf"{_NAME_WORD}(?:\s+(?:{_NAME_WORD}|and|of))*?)?)\s+(?:meeting|minutes)\b", re.I)


def _cased(match: str) -> bool:
    words = [w for w in match.split() if w[0].isalpha() and w.lower() not in _LINKS.split("|")]
    return bool(words) and all(w[0].isupper() for w in words)


def body_name(ctx: Context) -> str | None:
    """The name of the body whose minutes these are, as the title or a masthead line writes
    it, else None."""
    end = min([a.char_start for a in ctx.agenda if a.char_start > 0] + [1500])
    head = "\n".join([ln for ln in ctx.doc.text[:end].splitlines() if ln.strip()][:15])
    for line in head.splitlines():
        line = re.sub(r"[*#_]+", "", line).strip()
        m = _body_in_title().search(line)
        if m and _cased(m.group(1)) and len(m.group(1).split()) > 1:
            return _qualified(m.group(1).strip(), head)
    for line in head.splitlines():
        line = re.sub(r"[*#_]+", "", line).strip()
        m = _BODY_LINE.match(line)
        if m and _cased(m.group(1)):
            return m.group(1).strip()
    for line in head.splitlines():  # "Harbour Board – Minutes ...", "Minutes: Harbour Board, 3 May"
        for part in re.split(r"\s+[—–-]\s+|:\s+|,\s+|\s+\|\s+", re.sub(r"[*#_]+", "", line)):
            m = _BODY_LINE.match(part.strip())
            if m and _cased(m.group(1)) and len(m.group(1).split()) > 1:
                return m.group(1).strip()
    for line in head.splitlines():
        m = _BODY_BEFORE_MEETING.match(re.sub(r"[*#_]+", "", line).strip())
        if m and _cased(m.group(1)) and len(m.group(1).split()) > 1:
            return m.group(1).strip()
    for line in head.splitlines():
        m = _ACRONYM_TITLE.match(re.sub(r"[*#_]+", "", line).strip())
        if m:
            return _own_name(m.group(1).split(), ctx.doc.text)
    return None


_KIND_ADJECTIVES = (r"Standing|Executive|Steering|Joint|Scientific|Technical|Permanent|"
                    r"Advisory|General|Governing|Management|Coordination|Coordinating")


def _qualified(name: str, head: str) -> str:
    """A body the title names only by its kind ("the Standing Committee") with the qualifier a
    masthead line writes before it ("Lagoon Standing Committee"), else the name as found."""
    if not re.fullmatch(rf"(?:(?:{_KIND_ADJECTIVES})\s+)?{_HEADS}", name, re.I):
        return name
    fuller = re.search(rf"(?<![\w-])((?:{_NAME_WORD}[ \t]+){{1,3}}){re.escape(name)}\b", head)
    if fuller and _cased(fuller.group(1)):
        return f"{fuller.group(1).strip()} {name}"
    return name


def body_qualifier(name: str) -> str | None:
    """The words a body's name writes before its kind ("Lagoon" in "Lagoon Standing
    Committee"), else None."""
    m = re.fullmatch(rf"(.+?)\s+(?:(?:{_KIND_ADJECTIVES})\s+)?{_HEADS}", name, re.I)
    return m.group(1) if m else None


_OF_STATES = re.compile(r"\b(?:plenipotentiaries|states parties|contracting parties|"
                        r"member states|high contracting|parties to)\b", re.I)


_NAMED_FOR = re.compile(r"\b[A-Z][\w'’-]+\s*\(([^()\n]{2,60})\)")


def _persons_sit_for_states(ctx: Context) -> bool:
    """True where at least two different States stand in brackets after a person's name
    ("Mr. ROE (Ruritania) said"): the summary-record shape of a body whose members sit for
    their State."""
    states = set()
    for m in _NAMED_FOR.finditer(ctx.doc.text):
        found = ctx.resolve(m.group(1).strip())
        if found is not None and found.kind == "state":
            states.add(found.code)
            if len(states) >= 2:
                return True
    return False


def body_delegation(ctx: Context) -> Delegation | None:
    """The body whose minutes these are, named in the title or a masthead line, else None;
    None too for a body of States ("Conference of Plenipotentiaries", "Meeting of the States
    Parties", or any body whose members are written with their State), whose members sit
    for a State, not for the body."""
    name = body_name(ctx)
    if not name or _OF_STATES.search(name) or _persons_sit_for_states(ctx):
        return None
    return _body(name, ctx)


_ACRONYM_TITLE = re.compile(r"^((?:[A-Z][A-Z0-9&]{1,5}\s+){0,4}[A-Z][A-Z0-9&]{1,5})\s+"
                            r"(?:[Mm]inutes|MINUTES|[Mm]eeting|MEETING)\b")


def _own_name(words: list[str], text: str) -> str:
    """The shortest tail of a title of acronyms that the text uses on its own ("SDMX VTL TF"
    -> "VTL TF" where "VTL TF" stands elsewhere without "SDMX" before it)."""
    while len(words) > 1:
        tail = " ".join(words[1:])
        alone = re.compile(rf"(?<!{re.escape(words[0])} ){re.escape(tail)}\b")
        if not alone.search(text):
            break
        words = words[1:]
    return " ".join(words)


def _body(name: str, ctx: Context) -> Delegation:
    known = ctx.resolve(name)
    if known:
        return known
    code = name_code(name, ctx)
    return Delegation(code, code, "organization")


def office_body_code(office: str, ctx: Context) -> str | None:
    """Code of the body an office belongs to ("County Councillor" -> an acronym the document
    uses that holds "CC"), where exactly one acronym of the document fits."""
    body = re.sub(r"(?i)lor\b", "", office.strip())  # Councillor -> Council
    letters = capitals(body)
    if len(letters) < 2:
        return None
    found = {a for a in _ACRONYM.findall(ctx.doc.text) if letters in a and a != letters}
    return found.pop() if len(found) == 1 else None
