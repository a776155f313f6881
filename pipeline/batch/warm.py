"""Warming a process before it forks document workers: the spaCy pipeline loaded and the
extractors run once, so that forked children start with the model in memory and every lazy
initialisation (dateparser's language data, compiled patterns, the network's first pass)
already done.

A process that forks one worker only (``minutes ingest --file``) needs no warm-up extraction:
``load`` imports the extractors and loads the model, and the worker's own extraction does the
lazy work once, as the warm-up would have."""

from __future__ import annotations

_WARM_UP = (b"1st Meeting of the Committee\n\nMonday 2 March 2020\n\nAgenda item 1 - Opening\n\n"
            b"Austria thanked the President and said it would report by 3 April.\n")
_loaded = _warmed = False


def is_loaded() -> bool:
    """True once ``load`` or ``warm`` ran in this process."""
    return _loaded


def load() -> None:
    """Import the extractors and load the spaCy pipeline (spaCy is imported here, not when
    this module is)."""
    global _loaded
    import extractors.extract  # noqa: F401  (every extractor module, before a fork)
    from extractors.nlp import get_nlp

    get_nlp()
    _loaded = True


def warm() -> None:
    """Load the pipeline and extract a tiny document once (a no-op after the first call)."""
    global _warmed
    if not _warmed:
        load()
        from extractors.extract import extract
        from extractors.readers import parse_bytes

        extract(parse_bytes(_WARM_UP, "txt", "<warm-up>"))
        _warmed = True
