"""Person lists: one person per item, with alias, affiliation and role beside the name.

Items are lines, bullets, numbered entries, or the parts of a list run into one line
(separated by ";" or ","). Shapes read:

- "Jane Roe (JR), Harbour Authority (HA) - Vice-Chair"   (alias, affiliation with acronym, role)
- "Cllr Mrs J Roe (Chair)", "J Roe (Clerk)", "County Councillor P Moss"   (office beside name)
- "Jane Roe, Ministry of Ports", "H.E. Mr. Jan Roe, Ruritania"   (affiliation after a comma)
- "Jane Roe (remote)", "Jane Roe of the Harbour Authority", "Jane Roe representing X [XA]"

A person with no affiliation belongs to the body whose minutes these are; an office of the
body's own staff (Clerk, Secretariat) makes the record kind ``secretariat``. Aliases written in
brackets beside a name ("(JR)") are kept for speaker resolution (see ``aliases``).
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from extractors.attendees.affiliations import (
    is_attendance_mode,
    is_office,
    is_secretariat,
    name_code,
    office_words,
)
from extractors.attendees.aliases import alias_fits
from extractors.attendees.lines import (
    clean_line,
    cue_re,
    delegation_matches,
    heading_status,
    inline_heading,
    org_like,
)
from extractors.attendees.persons import (
    clean_role,
    honorific_re,
    particles,
    plural_titles,
    role_words,
)
from extractors.context import Context
from extractors.gazetteer import Delegation

_NAME_TOKEN = re.compile(
    r"(?:[A-ZÀ-ÖØ-Þ]\.(?:-?[A-ZÀ-ÖØ-Þ]\.)*|[A-ZÀ-ÖØ-Þ][\w'’\-]*\.?|[A-ZÀ-ÖØ-Þ])(?=[\s,;()\[\]–-]|$)")
_LABEL = re.compile(r"^([A-Z][A-Za-z ,\-]{1,60}?)\s*:\s*")
_ALIAS = re.compile(r"[A-Z][A-Za-z]{0,3}")
_LINK = re.compile(r"^(?:,\s*|\s+[-–—]\s+|\s*[-–—]\s*(?=[A-Z])|\s+)(?:(?:of|from|representing|"
                   r"for)\s+(?:the\s+)?)?", re.I)


@dataclass
class PersonItem:
    """One person of a list, offsets relative to the item text."""

    person: str
    honorific: str | None
    alias: str | None = None
    affiliation: str | None = None
    delegation: Delegation | None = None
    role: str | None = None
    office_prefix: str | None = None
    group: str | None = None  # a group label written before the list ("Secretariat:")


def _offices_re() -> re.Pattern[str]:
    words = sorted(office_words(), key=len, reverse=True)
    return re.compile(r"^((?:[A-Z][a-z]+\s+)?(?:" + "|".join(re.escape(w) for w in words)
                      + r"))\s+(?=[A-Z])")


def _name(text: str, ctx: Context) -> int:
    """Length of the name at the start of ``text`` (0 where none); the name ends where a
    delegation's name starts ("Mr. ROE  Ruritania")."""
    starts = {a for a, _, _ in delegation_matches(text, ctx.gaz)}
    pos = 0
    count = 0
    first_caps = False
    while True:
        m = re.compile(r"\s*").match(text, pos)
        at = m.end() if m else pos
        tok = _NAME_TOKEN.match(text, at)
        if at in starts:
            break
        if tok and count and first_caps and not tok.group().isupper():
            break  # "Mr. ROE  Harbour Authority": a surname in capitals ends at mixed case
        if tok and not count:
            first_caps = bool(re.fullmatch(r"[A-ZÀ-ÖØ-Þ][A-ZÀ-ÖØ-Þ'’\-]+", tok.group()))
        if tok and not (count and tok.group().rstrip(".") in office_words()):
            pos, count = tok.end(), count + 1
            continue
        low = re.match(r"(?:[a-zà-ÿ]+\s+)+(?=[A-ZÀ-Þ])", text[at:])  # "van den Berghe"
        if count and low and all(w in particles() for w in low.group().split()):
            pos = at + len(low.group().rstrip())
            continue
        break
    return pos if count else 0


def parse_item(text: str, ctx: Context, title: str | None = None) -> PersonItem | None:
    """The person an item names, or None where the item is not one person; ``title`` is a
    title written once for a whole list ("Councillors A, B and C")."""
    text = clean_line(text).strip().rstrip(".;,").strip()
    if not text or len(text) > 200:
        return None
    label = _LABEL.match(text)
    group = None
    if label:
        text = text[label.end():]
        group = label.group(1)
    prefix = None
    m = _offices_re().match(text)
    if m and not honorific_re().match(text):
        prefix, text = m.group(1), text[m.end():]
    titles = []
    while (h := honorific_re().match(text)) is not None:
        titles.append(h.group())
        text = text[h.end():].lstrip()
    if not titles and title:
        titles.append(title)
    end = _name(text, ctx)
    name = text[:end].strip().rstrip(",")
    words = name.split()
    if not words or len(words) > 6 or (len(words) < 2 and not titles):
        return None
    if (org_like(name) and not (titles and name.isupper())) or ctx.resolve(name):
        return None
    after = re.match(r"\s+([A-Z][\w\-]*)", text[end:])
    if not titles and after and after.group(1) in office_words():
        return None  # "Political Affairs Officer": an office, not a name
    item = PersonItem(name, " ".join(titles) or None, office_prefix=prefix)
    chair = re.fullmatch(r"(?i)in the (\w+)", group or "")  # "In the Chair: Cllr A"
    if chair and chair.group(1).title() in {w.title() for w in office_words()}:
        item.role = chair.group(1).title()
    elif group and group.title() in {w.title() for w in office_words()} \
            and not is_secretariat(group):
        item.role = group  # "Chairman: Mr. A  Ruritania"
    elif group:
        item.group = group  # "Members: ...", "Secretariat: ..."
    rest = text[end:]
    while rest.strip():
        rest = _take_part(rest, item, ctx)
        if rest is None:
            return None
    item.role = item.role or prefix  # "Councillor A (Chairman)": the office written beside
    return item


def _take_part(rest: str, item: PersonItem, ctx: Context) -> str | None:
    """Read one part after the name (bracket or separated chunk); the rest, or None."""
    m = re.match(r"\s*[(\[]([^()\[\]]*)(?:[)\]]|$)", rest)  # a bracket cut by a line end
    if m:
        _bracket(m.group(1).strip(), item, ctx)
        return rest[m.end():]
    dash = bool(re.match(r"\s*[-–—]", rest))
    link = _LINK.match(rest)
    if not link or not link.group():
        return None
    body = rest[link.end():]
    chunk = re.match(r"[^,;()\[\]–—]*(?:[(\[]\s*[A-Z][A-Za-z&\-]{1,10}\s*[)\]])?", body)
    part = chunk.group().strip() if chunk else ""
    part_end = link.end() + (chunk.end() if chunk else 0)
    if not part:
        return None
    if (dash and item.affiliation) or (is_office(part) and not org_like(part)) \
            or part[0].islower() or _starts_with_office(part):
        item.role = item.role or clean_role(part)
    elif item.affiliation is None:
        _affiliation(part, item, ctx)
    else:
        item.role = item.role or clean_role(part)
    return rest[part_end:]


def _starts_with_office(part: str) -> bool:
    """True for a role phrase ("Deputy Head of Mission", "Programme Specialist")."""
    first = part.split()[0] if part.split() else ""
    return first in office_words() or first in role_words()


def _bracket(inner: str, item: PersonItem, ctx: Context) -> None:
    if not inner or is_attendance_mode(inner):
        return
    if _ALIAS.fullmatch(inner) and item.alias is None and item.affiliation is None \
            and alias_fits(inner, item.person):
        item.alias = inner
        return
    for part in [p.strip() for p in inner.split(",") if p.strip()]:
        deleg = ctx.resolve(part)
        if deleg and item.delegation is None:
            item.delegation = deleg
        elif is_office(part) and (not org_like(part) or _ends_in_office(part)):
            item.role = item.role or clean_role(part)  # "(Company Secretary)" is an office
        elif item.affiliation is None and re.fullmatch(r"[A-Z][A-Za-z&\-]{1,10}", part) \
                and sum(c.isupper() for c in part) > 1:
            item.affiliation = part
            item.delegation = item.delegation or Delegation(part, part, "organization")
        elif item.affiliation is None and part[0].isupper() and (
                org_like(part) or re.fullmatch(r"[A-Z][\w'’\-]+", part)):
            _affiliation(part, item, ctx)  # "(Treasury)", "(Harbour Trust)"
        elif item.affiliation is None and item.role and _proper_name(part):
            _affiliation(part, item, ctx)  # "(Vice-Chair, Stonebridge Museum)": office first
        elif part[0].isupper() or len(part.split()) > 1:
            item.role = item.role or clean_role(part)  # "(Harbour Master)", "(alternate for X)"


def _ends_in_office(part: str) -> bool:
    """True where the last word is an office ("Company Secretary", "Board Treasurer")."""
    words = part.split()
    return bool(words) and words[-1].title() in {w.title() for w in office_words()}


def _proper_name(part: str) -> bool:
    """True for a name of capitalised words ("Stonebridge Museum", "Bank of Ruritania")."""
    words = part.split()
    return 1 < len(words) <= 8 and not is_office(part) and all(
        w[0].isupper() or w in {"of", "for", "and", "the", "on", "de", "&"} for w in words)


def _affiliation(part: str, item: PersonItem, ctx: Context) -> None:
    item.affiliation = part
    known = ctx.resolve(re.sub(r"\s*[(\[][^)\]]*[)\]]", "", part))
    if known:
        item.delegation = known
        return
    kind = "secretariat" if is_secretariat(part) else "organization"
    code = name_code(part, ctx)
    item.delegation = Delegation(code, code, kind)


def split_items(text: str) -> list[tuple[int, str]]:
    """(offset, item) for a list run into one line: ";" separates, else ","."""
    sep = ";" if text.count(";") >= 1 else ","
    out = []
    pos = 0
    depth_safe = re.sub(r"[(\[][^()\[\]]*[)\]]", lambda m: "_" * len(m.group()), text)
    if sep not in depth_safe:
        # persons run on without separators: "Mr. A (Chair, X) Ms. B (Y)", "Mr. A Ms. B"
        depth_safe = _BEFORE_TITLE.sub(
            lambda m: m.group() if _is_title(depth_safe[:m.start()].split()[-1:])
            else sep + m.group()[1:], depth_safe)
    parts = depth_safe.split(sep)
    for part in parts:
        raw = text[pos:pos + len(part)]
        if sep == "," and re.search(r"\sand\s", raw):
            a, _, b = raw.rpartition(" and ")
            out.append((pos, a))
            out.append((pos + len(a) + 5, b))
        else:
            out.append((pos, raw))
        pos += len(part) + 1
    return [(o + len(t) - len(t.lstrip()), t.strip()) for o, t in out if t.strip()]


_BEFORE_TITLE = re.compile(rf"(?<=[\w_.’'])\s(?=\s*{honorific_re().pattern})")


def _is_title(words: list[str]) -> bool:
    """True where the word before is a title ("H.E. Mr.") or "and": no separator needed."""
    return bool(words) and (words[0] in {"and", "&", "or"}
                            or honorific_re().fullmatch(words[0]) is not None)


def is_crowd(text: str) -> bool:
    """True for unnamed attendees ("10 members of the public"): no record."""
    return any(p.search(clean_line(text)) for p, _ in cue_re("crowd"))


Placed = tuple[int, int, PersonItem]
_LEAD = re.compile(r"^(?:.{0,80}\b(?:were|are|was|is)\s*:|(?:apologies|regrets)\s+(?:were\s+|had\s+"
                   r"been\s+)?(?:received|sent|submitted|given)\s+(?:from|by)\s+)\s*", re.I)


def _role_sentence(text: str, prev: PersonItem | None) -> str | None:
    """The role in "<First name> is (the) <role>" written below that person's line."""
    if prev is None:
        return None
    first = re.escape(prev.person.split()[0])
    m = re.match(rf"{first}\s+is\s+(?:the\s+|an?\s+)?(.+?)\.?(?:\s+\(.*\))?$", text)
    return clean_role(m.group(1)) if m else None


def line_items(ctx: Context, off: int, text: str) -> list[Placed] | None:
    """Person items of one line (several where it is a run-in list); None if not a list."""
    lead = _LEAD.match(text)
    if lead:
        off, text = off + lead.end(), text[lead.end():]
    label = _LABEL.match(text)
    owner = ctx.resolve(label.group(1)) if label and not is_secretariat(label.group(1)) else None
    if label and owner:  # "Ruritania: Mr. A, Ms. B"
        off, text = off + label.end(), text[label.end():]
    plural = re.match(r"(\S+)\s+(?=[A-Z])", text)
    title = plural_titles().get(plural.group(1)) if plural else None
    if plural and title:
        off, text = off + plural.end(), text[plural.end():]
    parts = split_items(text) if re.search(r"[;,]|\sand\s|\S\s+\S", text) \
        else [(0, text.strip())]
    if title and ";" in text:  # "Cllrs A, B; Mrs C": the names under the title split again
        parts = [(p_off + o, t) for p_off, part in parts
                 for o, t in (split_items(part.replace(";", ",")) if parse_item(part, ctx, title)
                              is None or "," in part else [(0, part)])]
    whole = parse_item(text, ctx, title) if len(parts) == 1 or not title else None
    each = [parse_item(t, ctx, title) for _, t in parts if not is_crowd(t)]
    split = ";" in text or len(parts) > 2 or (
        len(each) == 2 and each[1] is not None
        and bool(each[1].honorific or each[1].role
                 or _named_person(ctx, off + parts[1][0], parts[1][1], each[1].person)))
    if whole is not None and (not split or not all(each)):
        whole.delegation = whole.delegation or owner
        return [(off, off + len(text), whole)]
    out: list[Placed] = []
    for p_off, part in parts:
        if is_crowd(part):
            continue
        item = parse_item(part, ctx, title)
        if item is None:
            return None
        item.delegation = item.delegation or owner
        out.append((off + p_off, off + p_off + len(part), item))
    return out


def _named_person(ctx: Context, start: int, part: str, name: str) -> bool:
    """True where the parser tags ``name``, read from ``part`` (at ``start`` in the document),
    as a person's name: "Ann Lee, Bo Ek" lists two persons, "Ann Lee, Harbour Office" one
    with an affiliation."""
    at = part.find(name)
    span = ctx.sdoc.char_span(start + at, start + at + len(name), alignment_mode="expand") \
        if at >= 0 else None
    if span is None or span.text.strip() != name:
        return False
    return ctx.entities.within(span, "PERSON")


def inline_items(ctx: Context, start: int, text: str) -> list[Placed]:
    """Person items of a list written on its heading's line ("Attendance: A (Chair); B")."""
    return line_items(ctx, start, text.rstrip()) or []


def _group_line(text: str) -> bool:
    """A short line ending in ":" that leads a group of the list ("Observers:")."""
    text = clean_line(text)
    return text.endswith(":") and len(text.split()) <= 10 and text[0].isupper()


def person_zone(ctx: Context, heading_block: int, first: tuple[int, str] | None = None,
                zone_status: str | None = None) -> tuple[list[Placed], int]:
    """Person items listed under the heading in block ``heading_block`` (or from ``first``,
    a list that starts on a line of its own with status ``zone_status``), and the next block.
    A heading of the zone's own status with a list on its line ("Members: A") is a group of
    the zone."""
    agenda_starts = {a.char_start for a in ctx.agenda}
    items: list[Placed] = []
    group: str | None = None
    lines: list[tuple[int, str]] = [first] if first else []
    i = heading_block + 1
    blocks = ctx.doc.blocks
    status = zone_status if first else heading_status(ctx.doc.block_text(blocks[heading_block]))
    while i < len(blocks) or lines:
        if not lines:
            block = blocks[i]
            text = ctx.doc.block_text(block)
            if block.kind == "table_row":
                break  # tables are read by ``columns``
            same = status is not None and inline_heading(text) \
                and heading_status(text.split(":")[0]) == status  # "Members: A" under "Present"
            if (not same and (heading_status(text) or inline_heading(text))) or (
                    block.start in agenda_starts and parse_item(text, ctx) is None
                    and not _group_line(text)):
                break  # a person or group line taken for an agenda item stays in the list
            text = ctx.doc.block_text(block)
            pos = block.start
            for raw in text.split("\n"):
                lines.append((pos, raw))
                pos += len(raw) + 1
            i += 1
            if block.kind == "heading" and not items:
                return [], i
        off, raw = lines.pop(0)
        text = clean_line(raw)
        if not text or re.fullmatch(r"[\W_]*", text):
            continue
        role = _role_sentence(text, items[-1][2] if items else None)
        if role:
            items[-1][2].role = items[-1][2].role or role
            continue
        found = line_items(ctx, off + raw.find(text[:10]), text)
        if found is None:
            if text.endswith(":") and len(text.split()) <= 10:
                group = text.rstrip(":").strip()  # a lead-in or group line ("Observers:")
                continue
            return items, i - (1 if lines else 0)
        for placed in found:
            placed[2].group = placed[2].group or group
        if found and found[0][2].group and not _LABEL.match(text):
            pass
        elif found and _LABEL.match(text):
            group = found[0][2].group
        items.extend(found)
    return items, i
