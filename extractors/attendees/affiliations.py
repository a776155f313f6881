"""Codes for delegations the gazetteer does not know, derived from what the document writes.

An organization's code is the acronym written beside it in brackets ("Met Office (UKMO)"), else
the name itself where it is one all-capitals token ("CESG"), else the capitals of its name
("Government Digital Service" -> "GDS"), else the name in capitals ("Surevine" -> "SUREVINE").
"""

from __future__ import annotations

import re

from extractors.gazetteer import Delegation

_BRACKETED = re.compile(r"[(\[]\s*([A-Z][A-Za-z&\-]{1,10})\s*[)\]]")


def unknown_org(text: str, kind: str = "organization") -> Delegation:
    """A delegation for an organization the gazetteer does not know: its own acronym."""
    m = _BRACKETED.search(text)
    name = re.sub(r"\s*[(\[][^)\]]*[)\]]?\s*", " ", text).strip()
    if m:
        code = m.group(1)
    elif re.fullmatch(r"[A-Z][A-Z0-9&\-]{1,10}", name):
        code = name
    else:
        code = "".join(w[0] for w in re.findall(r"[A-Z][\w'\-]*", name)) or name.upper()
    return Delegation(code, code, kind)
