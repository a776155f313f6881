"""Readers and spaCy-based extractors: ``read_document(path)`` then ``extract(doc)``."""

from extractors.errors import MinutesError, ReadError
from extractors.extract import extract
from extractors.readers import read_document

__all__ = ["MinutesError", "ReadError", "extract", "read_document"]
