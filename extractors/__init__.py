"""Readers and spaCy-based extractors: ``extractors.read_document(path)``, then
``extractors.extract.extract(doc)``.

The package itself does not import spaCy, so that processes which only route documents (the
CLI, Prefect workers, the review page's reader) stay small; ``extractors.extract`` does. The
readers are imported when ``read_document`` is first used (PEP 562), so that the CLI can read
``extractors.limits`` without them."""

from __future__ import annotations

from typing import Any

from extractors.errors import MinutesError, ReadError

__all__ = ["MinutesError", "ReadError", "read_document"]


def __getattr__(name: str) -> Any:
    if name == "read_document":
        from extractors.readers import read_document
        return read_document
    raise AttributeError(f"module 'extractors' has no attribute {name!r}")
