"""The agenda vocabulary and heading patterns of ``resources/agenda_patterns.jsonl``."""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache
from pathlib import Path

import srsly

PATTERNS_FILE = Path(__file__).parent.parent / "resources" / "agenda_patterns.jsonl"


@dataclass(frozen=True)
class HeadingPattern:
    """One heading pattern: its name, regex, the block kinds it applies to, and whether it
    names the item as such ('Agenda item 4'), so that its number need not continue a series."""

    name: str
    regex: re.Pattern[str]
    block_kinds: frozenset[str] | None
    explicit: bool


@dataclass(frozen=True)
class Spec:
    """Everything the agenda modules read from the data file."""

    headings: list[HeadingPattern]
    list_intro: list[re.Pattern[str]]
    max_words: int
    max_chars: int
    max_words_if_period: int
    furniture: list[re.Pattern[str]]
    trailing: re.Pattern[str] | None
    open_end: re.Pattern[str] | None
    cited: frozenset[str]
    ordinals: dict[str, int]
    run_in: re.Pattern[str] | None
    record_parts: re.Pattern[str] | None
    schedule_rows: re.Pattern[str] | None
    topic_columns: tuple[str, ...]
    other_columns: frozenset[str]
    sentence_starters: frozenset[str]
    inline_marker: re.Pattern[str] | None
    agenda_lead_in: re.Pattern[str] | None
    known_titles: re.Pattern[str] | None
    title_block_end: re.Pattern[str] | None
    function_words: frozenset[str]
    title_openers: frozenset[str]
    opener_endings: tuple[str, ...]


def _alternation(words: list[str]) -> str:
    longest_first = sorted(words, key=len, reverse=True)
    return "|".join(r"\s+".join(re.escape(w) for w in word.split()) for word in longest_first)


@cache
def spec(path: Path = PATTERNS_FILE) -> Spec:
    """Load (once) the agenda spec."""
    records = list(srsly.read_jsonl(path))
    words = {r["kind"]: r["words"] for r in records if "words" in r and r["kind"] != "heading"}
    fills = {"item_words": _alternation(words.get("item_words", ["item"])),
             "ordinals": _alternation(words.get("ordinals", ["first"]))}
    headings, intros, furniture = [], [], []
    single: dict[str, re.Pattern[str]] = {}
    cited: frozenset[str] = frozenset()
    limits = {"max_words": 30, "max_chars": 250, "max_words_if_period": 8}
    for rec in records:
        flags = re.IGNORECASE if "i" in rec.get("flags", "") else 0
        kind = rec["kind"]
        if kind == "heading":
            regex = rec["regex"].replace("{item_words}", fills["item_words"])
            regex = regex.replace("{ordinals}", fills["ordinals"])
            kinds = rec.get("block_kinds")
            headings.append(HeadingPattern(rec["name"], re.compile(regex, flags),
                                           frozenset(kinds) if kinds else None,
                                           bool(rec.get("explicit"))))
        elif kind == "list_intro":
            intros.append(re.compile(rec["regex"], flags))
        elif kind == "furniture":
            furniture.append(re.compile(rec["regex"], flags))
        elif kind in ("trailing_number", "open_end", "run_in", "record_parts", "schedule_rows",
                      "inline_marker", "agenda_lead_in", "known_titles", "title_block_end"):
            single[kind] = re.compile(rec["regex"], flags)
        elif kind == "trailing_blocklist":
            cited = frozenset(w.casefold() for w in rec["words"])
        elif kind == "title_limit":
            limits.update({k: v for k, v in rec.items() if k in limits})
    endings = next((r.get("endings", []) for r in records if r["kind"] == "title_openers"), [])
    ordinals = {w.casefold(): i for i, w in enumerate(words.get("ordinals", []), 1)}
    topics = tuple(w.casefold() for w in words.get("table_topic_columns", []))
    others = frozenset(w.casefold() for w in words.get("table_other_columns", []))
    return Spec(headings, intros, furniture=furniture, trailing=single.get("trailing_number"),
                open_end=single.get("open_end"), cited=cited, ordinals=ordinals,
                run_in=single.get("run_in"), record_parts=single.get("record_parts"),
                schedule_rows=single.get("schedule_rows"), topic_columns=topics,
                other_columns=others,
                sentence_starters=frozenset(words.get("sentence_starters", [])),
                inline_marker=single.get("inline_marker"),
                agenda_lead_in=single.get("agenda_lead_in"),
                known_titles=single.get("known_titles"),
                title_block_end=single.get("title_block_end"),
                function_words=frozenset(words.get("function_words", [])),
                title_openers=frozenset(words.get("title_openers", [])),
                opener_endings=tuple(endings), **limits)
