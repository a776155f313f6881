"""Warming a process before it forks document workers: the spaCy pipeline loaded and the
extractors run once, so that forked children start with the model in memory and every lazy
initialisation (dateparser's language data, compiled patterns, the network's first pass)
already done."""

from __future__ import annotations

from extractors.extract import extract
from extractors.readers import parse_bytes

_WARM_UP = (b"1st Meeting of the Committee\n\nMonday 2 March 2020\n\nAgenda item 1 - Opening\n\n"
            b"Austria thanked the President and said it would report by 3 April.\n")
_warmed = False


def warm() -> None:
    """Load the pipeline and extract a tiny document once (a no-op after the first call)."""
    global _warmed
    if not _warmed:
        extract(parse_bytes(_WARM_UP, "txt", "<warm-up>"))
        _warmed = True

