"""Loaders for the meeting-header vocabulary in ``resources/meeting_cues.jsonl`` and
``resources/meeting_types.jsonl``: ordinal words, meeting nouns, header cues, venue and chair
patterns. Patterns may use ``{NAME}`` placeholders for the file's ``fragment`` records."""

from __future__ import annotations

import re
from functools import cache

import srsly

from extractors.gazetteer import RESOURCES


@cache
def cues() -> list[dict]:
    """Every record of ``meeting_cues.jsonl``."""
    return list(srsly.read_jsonl(RESOURCES / "meeting_cues.jsonl"))


@cache
def types() -> list[dict]:
    """Meeting types in preference order, with their detection and sequence patterns."""
    return list(srsly.read_jsonl(RESOURCES / "meeting_types.jsonl"))


def words(kind: str) -> list[str]:
    """The ``word`` values of one kind of record."""
    return [c["word"] for c in cues() if c["kind"] == kind]


@cache
def _fragments() -> dict[str, str]:
    out = {c["name"]: c["regex"] for c in cues() if c["kind"] == "fragment"}
    out["ORD"] = ordinal_regex()
    out["QUAL"] = "(?:" + "|".join(map(re.escape, words("sequence_qualifier"))) + ")"
    return out


def expand(template: str) -> str:
    """``template`` with its ``{NAME}`` placeholders replaced by fragments (nested ones too)."""
    frags = _fragments()
    for _ in range(8):
        new = re.sub(r"\{([A-Z]+)\}", lambda m: frags[m.group(1)], template)
        if new == template:
            return new
        template = new
    return template


@cache
def patterns(kind: str, flags: int = re.I) -> list[re.Pattern[str]]:
    """Compiled patterns of one kind, placeholders expanded."""
    return [re.compile(expand(c["pattern"]), flags) for c in cues() if c["kind"] == kind]


@cache
def ordinal_values() -> dict[str, int]:
    """Ordinal word -> value, compounds included ("thirty-first" -> 31)."""
    base = {c["word"]: int(c["value"]) for c in cues() if c["kind"] == "ordinal_word"}
    tens = {c["word"]: int(c["value"]) for c in cues() if c["kind"] == "tens_word"}
    out = dict(base)
    for t, tv in tens.items():
        for u, uv in base.items():
            if uv < 10:
                out[f"{t}-{u}"] = tv + uv
                out[f"{t} {u}"] = tv + uv
    return out


@cache
def ordinal_regex() -> str:
    """Regex of an ordinal: "5th", "32 nd", "5<sup>th</sup>", "Thirty-first" (group-free)."""
    alt = "|".join(re.escape(w) for w in sorted(ordinal_values(), key=len, reverse=True))
    return (r"(?:\b\d{1,4}\s?(?:<sup>|\^)?(?:st|nd|rd|th)(?:</sup>|\^)?\b"
            rf"|\b(?:{alt})\b)")


def ordinal_value(text: str) -> int | None:
    """The number an ordinal as written stands for."""
    m = re.match(r"\d+", text)
    if m:
        return int(m.group())
    return ordinal_values().get(" ".join(text.lower().split()).replace(" -", "-"))
