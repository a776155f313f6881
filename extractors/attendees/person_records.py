"""Records of person items: the delegation of each listed person.

A person's delegation is the affiliation written beside them, else the one written beside the
same person in another list of the document, else the body an office prefix names ("County
Councillor" -> an acronym of the document), else the body whose minutes these are. Staff
offices (Clerk, Secretariat) make the record kind ``secretariat``.
"""

from __future__ import annotations

import unicodedata

from extractors.attendees.affiliations import body_delegation, is_secretariat, office_body_code
from extractors.attendees.lines import org_like
from extractors.attendees.person_items import PersonItem, line_items
from extractors.attendees.secretariat import own_secretariat
from extractors.context import Context
from extractors.gazetteer import Delegation
from models.records import Attendee


def item_records(ctx: Context, items: list[tuple[int, int, PersonItem]],
                 status: str) -> list[Attendee]:
    """Attendee records for parsed person items (offsets are absolute)."""
    body = body_delegation(ctx)
    staff = own_secretariat(ctx) or (Delegation(body.name, body.code, "secretariat") if body
                                     else Delegation("", None, "secretariat"))  # type: ignore[arg-type]
    elsewhere = affiliations_elsewhere(ctx) if any(i.delegation is None for *_, i in items) \
        else {}
    out: list[Attendee] = []
    for start, end, item in items:
        deleg = item.delegation or elsewhere.get(_fold(item.person))
        if item.group and is_secretariat(item.group) and (deleg is None or deleg.kind != "state"):
            deleg = staff  # "Secretariat: Ms. A": the body's own secretariat
        if deleg is None and item.office_prefix:
            code = office_body_code(item.office_prefix, ctx)
            deleg = Delegation(code, code, "organization") if code else None
        if deleg is None:
            if item.role and is_secretariat(item.role):
                deleg = staff
            else:
                deleg = Delegation(body.name, body.code, "organization") if body else \
                    Delegation("", None, "organization")  # type: ignore[arg-type]
        out.append(Attendee(doc_id=ctx.doc_id, delegation=deleg.name,
                            delegation_code=deleg.code, delegation_kind=deleg.kind,
                            person=item.person, honorific=item.honorific, role=item.role,
                            status=status, **ctx.provenance(start, end)))
    return out


def _fold(text: str) -> str:
    text = unicodedata.normalize("NFKD", text)
    return " ".join("".join(c for c in text if not unicodedata.combining(c)).casefold().split())


def affiliations_elsewhere(ctx: Context) -> dict[str, Delegation]:
    """Folded person name -> the affiliation written beside that person in any list line of
    the document (a person listed twice, once with an affiliation)."""
    out: dict[str, Delegation] = {}
    for block in ctx.doc.blocks:
        text = ctx.doc.block_text(block)
        if len(text) > 200 or text.count(",") > 2 or ("(" not in text and "," not in text):
            continue
        items = line_items(ctx, block.start, text)
        item = items[0][2] if items and len(items) == 1 else None
        if item is not None and item.delegation is not None and item.affiliation \
                and (org_like(item.affiliation) or "(" in item.affiliation
                     or "[" in item.affiliation):
            out.setdefault(_fold(item.person), item.delegation)
    return out
