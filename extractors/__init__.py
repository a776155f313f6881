"""Readers and spaCy-based extractors: ``extractors.read_document(path)``, then
``extractors.extract.extract(doc)``.

The package itself does not import spaCy, so that processes which only route documents (the
CLI, Prefect workers, the review page's reader) stay small; ``extractors.extract`` does."""

from extractors.errors import MinutesError, ReadError
from extractors.readers import read_document

__all__ = ["MinutesError", "ReadError", "read_document"]
