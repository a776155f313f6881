"""Record types, the normalized document and their Arrow schemas.

The names below are imported when first used (PEP 562), so that importing one light module
of the package (``models.version``) does not import pyarrow with the schemas."""

from __future__ import annotations

import importlib
from typing import Any

_WHERE = {
    "Block": "models.document", "BlockKind": "models.document", "Document": "models.document",
    "TABLES": "models.records", "AgendaItem": "models.records", "Attendee": "models.records",
    "DateMention": "models.records", "Decision": "models.records",
    "Extraction": "models.records", "Failure": "models.records",
    "Intervention": "models.records", "Meeting": "models.records",
    "QualityFlag": "models.records",
    "SCHEMA_VERSION": "models.schemas", "schema_for": "models.schemas",
}

__all__ = sorted(_WHERE)


def __getattr__(name: str) -> Any:
    if name in _WHERE:
        return getattr(importlib.import_module(_WHERE[name]), name)
    raise AttributeError(f"module 'models' has no attribute {name!r}")
