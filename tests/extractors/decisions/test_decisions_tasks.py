"""Task lines in the "X to do Y" shape."""

from __future__ import annotations

from collections.abc import Callable

from models.records import Decision

Extract = Callable[[str], list[Decision]]

VILLAGE = """Minutes of Thistlecombe Village Council meeting held on 12 June 2030

Attendance: H Pardew (Chair); G Lomax; F Ormsby (Clerk).

3. **Matters arising**

Footpath signs:  Clerk to write to the highways office.

Bus shelter:  the glass is cracked.  Clerk to obtain two quotes by 30 June 2030.

Bench on the green:  idea to be rejected.

Play area:  to be discussed at Item 6.
"""

SOCIETY = """Record of the Wrenfield Choral Society committee, 2 April 2031

Present: Agnes Thorley (AT), Bruno Salcombe (BS)

- AT reported on the spring concert.
- The Secretary to book the church hall for the rehearsals.
- Welcome to the new members was given by the chair.
- AT to send the programme to the printer.
"""


def test_clerk_tasks_and_deadline(decisions_of: Extract) -> None:
    recs = decisions_of(VILLAGE)
    kinds = [(r.kind, r.text) for r in recs]
    assert ("action", "Clerk to write to the highways office.") in [
        (k, t.split(":")[-1].strip()) for k, t in kinds]
    quote = next(r for r in recs if "two quotes" in r.text)
    assert quote.kind == "action"
    assert str(quote.due_date) == "2030-06-30"


def test_passive_to_be_forms(decisions_of: Extract) -> None:
    recs = decisions_of(VILLAGE)
    assert any(r.kind == "decision" and "idea to be rejected" in r.text for r in recs)
    assert not any("to be discussed at Item 6" in r.text for r in recs)


def test_tasks_of_offices_and_initials(decisions_of: Extract) -> None:
    recs = decisions_of(SOCIETY)
    assert [(r.kind, r.text) for r in recs] == [
        ("action", "The Secretary to book the church hall for the rehearsals."),
        ("action", "AT to send the programme to the printer.")]
