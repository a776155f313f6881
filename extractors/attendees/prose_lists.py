"""Prose lists: delegations named in a running sentence.

"The following States participated in the session: A, B, C and D." Each comma or "and"
separated chunk that starts with a known delegation is a record; roles written in the opening
text ("in collaboration with President-designate, X") are added where the list gives none.
"""

from __future__ import annotations

import re
from dataclasses import replace

from extractors.attendees.affiliations import unknown_org
from extractors.attendees.lines import clean_line, cue_re, delegation_matches
from extractors.attendees.person_items import PersonItem, line_items
from extractors.attendees.person_records import item_records
from extractors.attendees.prose_counts import absent_spans
from extractors.context import Context
from extractors.gazetteer import Delegation
from models.records import Attendee

# a sentence ends after a word of two or more lower-case letters (not after "Mr." or "K.")
_SENT_SPLIT = re.compile(r"(?<=[a-z0-9)]{2}[.!?])(?<!Mrs\.)(?<!Prof\.)(?<!Cllr\.)\s+(?=[A-Z])")
_MORE = re.compile(r"^(?:and|as well as|also)\b.{0,80}:$", re.I)


def _strip_leads(chunk: str, leads: list[tuple[re.Pattern[str], str]]) -> str:
    changed = True
    while changed:
        changed = False
        for lead, _ in leads:
            new = lead.sub("", chunk, count=1).strip()
            if new != chunk:
                chunk, changed = new, True
    return " ".join(chunk.split())


def _inverted(name: str) -> str:
    """ "Korea, Republic of" -> "Republic of Korea" (reference lists write names inverted)."""
    m = re.fullmatch(r"(.+?),\s*(.+?\s+of(?:\s+the)?)", name.strip())
    return f"{m.group(2)} {m.group(1)}" if m else name


def _line_delegation(ctx: Context, line: str) -> Delegation | None:
    """The delegation a list line names: a known one, else an organization by its name."""
    line = clean_line(line).rstrip(".;,").strip()
    known = ctx.resolve(line) or ctx.resolve(_inverted(line))
    if known:
        return known
    words = line.split()
    if not 1 <= len(words) <= 14 or not line[0].isupper() or re.search(r"[.!?:]", line):
        return None
    return unknown_org(line, ctx=ctx)


def _line_list(ctx: Context, start: int, body: str) -> list[tuple[int, int, Delegation]]:
    """Delegations one per line after a lead ending in ":" (a further "and the following
    organizations:" line continues the list)."""
    out: list[tuple[int, int, Delegation]] = []
    pos = start
    for raw in body.split("\n"):
        line = raw.strip()
        at = pos + (len(raw) - len(raw.lstrip()))
        pos += len(raw) + 1
        if not line or _MORE.match(line):
            continue
        if re.match(r"(?:\d+|[IVX]+)\.\s", line):
            break  # the next numbered section
        deleg = _line_delegation(ctx, line)
        if deleg is None:
            break
        out.append((at, at + len(line), deleg))
    return out


def _person_lines(ctx: Context, start: int, body: str) -> list[tuple[int, int, PersonItem]]:
    """Persons one per line after a lead ending in ":" (up to a blank or numbered line);
    none unless every line names a person and none names a delegation."""
    out: list[tuple[int, int, PersonItem]] = []
    pos = start
    for raw in body.split("\n"):
        line = raw.strip()
        at = pos + (len(raw) - len(raw.lstrip()))
        pos += len(raw) + 1
        if not line:
            if out:
                break
            continue
        if re.match(r"(?:\d+|[IVX]+)\.\s", line):
            break
        found = line_items(ctx, at, clean_line(line)) if not _line_known(ctx, line) else None
        if not found:
            return []
        out.extend(found)
    return out


def _line_known(ctx: Context, line: str) -> bool:
    line = clean_line(line).rstrip(".;,").strip()
    return bool(ctx.resolve(line) or ctx.resolve(_inverted(line)))


def _chunks(sent: str, body_off: int) -> list[tuple[int, str]]:
    """(offset in sentence, chunk) of a list run into the sentence."""
    out = []
    pos = body_off
    for raw in re.split(r"([,;]|\band\b)", sent[body_off:]):
        if raw not in (",", ";", "and"):
            out.append((pos, raw))
        pos += len(raw)
    return out


def _person_list(ctx: Context, sent: str, cue_start: int, cue_end: int, colon: int,
                 status: str) -> list[tuple[int, int, PersonItem]]:
    """Persons listed before the verb ("A (Chair), B and C joined the meeting") or after the
    cue ("attended by the following members: Mr. A (X), Ms. B (Y)")."""
    if colon >= 0:
        part_start, part = colon + 1, sent[colon + 1:]
    elif re.search(r"\b(?:by|from|were|was)\s*$", sent[:cue_end]) \
            or re.match(r"\s+(?:by|from|were|was)\b", sent[cue_end:]):
        by = re.match(r"\s*(?:by|from|were|was)\s+(?:the\s+following\s+[^:]*?\s+)?",
                      sent[cue_end:])
        part_start = cue_end + (by.end() if by else 0)
        part = sent[part_start:]
    elif "\n" not in sent[:cue_start].strip():  # "A and B joined" / "A sent apologies"
        part_start, part = 0, sent[:cue_start]
        bare = re.sub(r"\s*\([^()]*\)", "", part)
        if re.search(r"(?<![,;]\s)\b(?!and\b)[a-z]{3,}", re.sub(r"^\W+", "", bare)):
            return []  # the subject holds more than names ("Mr. A proposed that ...")
    else:
        return []
    part = re.split(r"\n\s*\n|(?<=[a-z0-9)]{2})(?<!Mrs)(?<!Prof)\.(?:\s|$)", part)[0]
    part = re.sub(r"[\s.]+$", "", part)
    lead = len(part) - len(part.lstrip())
    return line_items(ctx, part_start + lead, part.strip()) or []


def sentences(ctx: Context, limit: int) -> list[tuple[int, str]]:
    """(offset, sentence) of the blocks that start before ``limit``; a sentence never runs
    from one block into the next."""
    spans: list[list[int]] = []
    for block in ctx.doc.blocks:
        if block.start >= limit:
            break
        prev = ctx.doc.text[spans[-1][0]:spans[-1][1]].rstrip() if spans else ""
        if prev and block.kind == "paragraph" and not re.search(r"[.!?:;]$", prev) \
                and not re.match(r"\d+\.", ctx.doc.block_text(block)):
            spans[-1][1] = block.end  # a paragraph broken at a hard line end
        else:
            spans.append([block.start, block.end])
    out = []
    for start, end in spans:
        text = ctx.doc.text[start:end]
        pos = 0
        for sent in _SENT_SPLIT.split(text):
            at = text.find(sent, pos)
            pos = at + len(sent)
            out.append((start + at, sent))
    return out


def from_sentences(ctx: Context) -> list[Attendee]:
    """Delegations named in a running sentence ("The following States participated: ...")
    or listed one per line after such a sentence; absentees named in it are left to
    ``prose_counts``."""
    text = ctx.doc.text
    limit = min((a.char_start for a in ctx.agenda), default=min(len(text), 4000))
    limit = max(limit, min(len(text), 3000))  # the opening part, also under a first item
    region = text[:limit]
    leads = cue_re("list_lead")
    out: list[Attendee] = []
    seen: set[tuple[str | None, str]] = set()

    def add(d: Delegation, status: str, a: int, b: int) -> None:
        if (d.code, status) in seen or not d.code:
            return
        seen.add((d.code, status))
        out.append(Attendee(doc_id=ctx.doc_id, delegation=d.name, delegation_code=d.code,
                            delegation_kind=d.kind, person=None, honorific=None, role=None,
                            status=status, **ctx.provenance(a, b)))

    for s_start, sent in sentences(ctx, len(region)):
        for cue, status in cue_re("sentence"):
            m = cue.search(sent)
            if not m:
                continue
            colon = sent.find(":", m.start())
            after = re.match(r"\s+(?:by|from|were|was)\s+", sent[m.end():])
            body_off = colon + 1 if colon >= 0 else m.end() + after.end() if after else 0
            if colon >= 0 and not sent[body_off:].strip():
                rest = text[s_start + body_off:]
                people = _person_lines(ctx, s_start + body_off, rest)
                if people:  # "The following were present:" then "Ann Lee (Chair)" lines
                    out.extend(item_records(ctx, people, status))
                    break
                for a, b, d in _line_list(ctx, s_start + body_off, rest):
                    add(d, status, a, b)
                break
            persons = _person_list(ctx, sent, m.start(), m.end(), colon, status)
            if persons:
                out.extend(item_records(ctx, [(s_start + a, s_start + b, item)
                                              for a, b, item in persons], status))
                break
            skip = absent_spans(sent)
            for off, raw in _chunks(sent, body_off):
                if any(x <= off < y for x, y in skip):
                    continue
                chunk = _strip_leads(raw.strip(), leads)
                hits = delegation_matches(chunk, ctx.gaz)
                if not hits or hits[0][0] != 0:
                    continue
                a = s_start + off + (len(raw) - len(raw.lstrip()))
                add(hits[0][2], status, a, a + len(raw.strip()))
            break
    return out


def _resolve_tail(ctx: Context, text: str) -> Delegation | None:
    """Resolve the longest trailing run of words of ``text`` that names a delegation."""
    words = text.split()
    for k in range(len(words)):
        d = ctx.resolve(" ".join(words[k:]))
        if d:
            return d
    return None


def sentence_roles(ctx: Context, attendees: list[Attendee]) -> list[Attendee]:
    """Roles given in the opening text ("in collaboration with President-designate, X")."""
    if not attendees or any(a.role for a in attendees):
        return attendees
    end = min((a.char_start for a in ctx.agenda), default=4000)
    text = " ".join(ctx.doc.text[:max(end, 200)].split())
    roles: dict[str, str] = {}
    for pattern, _ in cue_re("sentence_role"):
        for m in pattern.finditer(text):
            d = _resolve_tail(ctx, m.group("deleg")) or ctx.resolve(m.group("deleg"))
            if d and d.code not in roles:
                roles[d.code] = m.group("role").strip()
    return [replace(a, role=roles[a.delegation_code])
            if a.delegation_code in roles and not a.role else a for a in attendees]
