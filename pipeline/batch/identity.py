"""When two files are one meeting, and which copy stands for it.

A file is identified by its bytes (``doc_id``); a meeting by what it says. Two documents are
copies of one meeting when what they state about the meeting does not conflict (where both
give a meeting type, a date or a sequence number, these agree) and

* their **normalised body text** is the same (``TextPrint.key``: letters and digits only,
  case folded, so one set of minutes saved as .txt, .docx and .pdf agrees whatever the
  layout, bullets or line breaks), or
* their texts are **nearly the same**: at least ``SAME_TEXT`` of their word 5-grams are
  shared (estimated from a MinHash sketch, ``TextPrint.sketch``), as for a rendering that
  drops a table header or a re-issue that corrects a few words, or
* they state the **same meeting** in full: the same meeting type (not ``other``), date and
  sequence number (a re-issued revision whose text changed more).

The relation is closed transitively (a group of copies). The copy that stands for the group
is the first in (format, path) order, formats ranked txt, md, docx, pdf, scan (text sources
first: nothing is lost in reading them); every later copy gets ``duplicate_of`` = its
``doc_id``. The choice depends only on the set of documents, never on the order in which they
were extracted, so parallel and interrupted runs give the same tables.
"""

from __future__ import annotations

import hashlib
import re
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import numpy as np

from models.records import Meeting

FORMAT_RANK = {"txt": 0, "md": 1, "docx": 2, "pdf": 3, "scan": 4}
SAME_TEXT = 0.8
"""Share of word 5-grams two texts must have in common to be copies of one meeting."""
SHINGLE_WORDS = 5
SKETCH_SIZE, BANDS = 64, 16  # 16 bands of 4: a pair sharing 80% is a candidate 99.98% of times
_PRIME = (1 << 31) - 1
_RNG = np.random.default_rng(20190514)  # fixed: sketches must compare across runs
_A = _RNG.integers(1, _PRIME, SKETCH_SIZE, dtype=np.uint64)
_B = _RNG.integers(0, _PRIME, SKETCH_SIZE, dtype=np.uint64)
_NOT_ALNUM = re.compile(r"[\W_]+")
_WORD = re.compile(r"\w+")


@dataclass(frozen=True)
class TextPrint:
    """What identifies a document's text: a hash of it normalised, and a MinHash sketch."""

    key: str
    sketch: str


def text_print(body_text: str) -> TextPrint:
    """The ``TextPrint`` of a document's body text."""
    folded = body_text.casefold()
    key = hashlib.sha256(_NOT_ALNUM.sub("", folded).encode("utf-8")).hexdigest()[:16]
    words = _WORD.findall(folded)
    count = max(1, len(words) - SHINGLE_WORDS + 1)
    shingles = {" ".join(words[i:i + SHINGLE_WORDS]) for i in range(count)}
    hashes = np.fromiter((int.from_bytes(hashlib.blake2b(s.encode("utf-8"),
                                                         digest_size=4).digest(), "big")
                          % _PRIME for s in shingles), dtype=np.uint64, count=len(shingles))
    mins = ((_A[:, None] * hashes[None, :] + _B[:, None]) % _PRIME).min(axis=1)
    return TextPrint(key, "".join(f"{int(v):08x}" for v in mins))


def similarity(sketch_a: str, sketch_b: str) -> float:
    """Estimated share of word 5-grams two sketched texts have in common."""
    a, b = _values(sketch_a), _values(sketch_b)
    return sum(x == y for x, y in zip(a, b, strict=True)) / len(a)


def _values(sketch: str) -> list[str]:
    return [sketch[i:i + 8] for i in range(0, len(sketch), 8)]


def meeting_facts(meeting: Meeting) -> str:
    """``type|date|sequence`` as stated (empty where not stated)."""
    date = meeting.meeting_date.isoformat() if meeting.meeting_date else ""
    sequence = "" if meeting.sequence is None else str(meeting.sequence)
    return f"{meeting.meeting_type or ''}|{date}|{sequence}"


def _conflict(facts_a: str, facts_b: str) -> bool:
    return any(a and b and a != b for a, b in zip(facts_a.split("|"), facts_b.split("|"),
                                                   strict=True))


def _full(facts: str) -> bool:
    kind, date, sequence = facts.split("|")
    return bool(kind and kind != "other" and date and sequence)


def _buckets(docs: Mapping[str, Mapping[str, Any]]) -> dict[tuple[Any, ...], list[str]]:
    """Documents that may be copies share a bucket: same key, same full meeting facts, or
    one LSH band of their sketches (all 4 values of the band equal)."""
    buckets: dict[tuple[Any, ...], list[str]] = {}
    rows = SKETCH_SIZE // BANDS
    for doc_id in sorted(docs):
        facts = docs[doc_id]
        keys: list[tuple[Any, ...]] = [("key", facts["text_key"])]
        if _full(facts.get("meeting") or "||"):
            keys.append(("meeting", facts["meeting"]))
        values = _values(facts.get("sketch") or "")
        if len(values) == SKETCH_SIZE:
            keys += [("band", b, *values[b * rows:(b + 1) * rows]) for b in range(BANDS)]
        for key in keys:
            buckets.setdefault(key, []).append(doc_id)
    return buckets


def same_meeting(a: Mapping[str, Any], b: Mapping[str, Any]) -> bool:
    """The rule of this module for two documents' facts (``text_key``, ``sketch``,
    ``meeting``)."""
    facts_a, facts_b = a.get("meeting") or "||", b.get("meeting") or "||"
    if _conflict(facts_a, facts_b):
        return False
    if a["text_key"] == b["text_key"] or (_full(facts_a) and facts_a == facts_b):
        return True
    sketch_a, sketch_b = a.get("sketch") or "", b.get("sketch") or ""
    return (len(sketch_a) == len(sketch_b) == SKETCH_SIZE * 8
            and similarity(sketch_a, sketch_b) >= SAME_TEXT)


def copy_order(path: Path) -> tuple[int, str]:
    """Files in the order that makes the first copy of a meeting the one kept (by
    extension: text first), so a batch extracted in this order rarely re-marks copies."""
    fmt = {".text": "txt", ".markdown": "md"}.get(path.suffix.lower(), path.suffix.lower()[1:])
    return FORMAT_RANK.get(fmt, len(FORMAT_RANK)), str(path)


def canonical_copies(docs: Mapping[str, Mapping[str, Any]]) -> dict[str, str | None]:
    """``doc_id -> duplicate_of`` for documents described by ``text_key``, ``sketch``,
    ``meeting`` (``meeting_facts``), ``format`` and ``source_path``; None for the copy that
    stands for its meeting."""
    parent = {doc_id: doc_id for doc_id in docs}

    def find(doc_id: str) -> str:
        while parent[doc_id] != doc_id:
            parent[doc_id] = parent[parent[doc_id]]
            doc_id = parent[doc_id]
        return doc_id

    buckets = _buckets(docs)
    for key in sorted(buckets, key=repr):
        # each member is compared with the first member of every group met so far in the
        # bucket, not with every member: linear in the bucket (a batch may hold a hundred
        # copies of one meeting)
        firsts: list[str] = []
        for doc_id in buckets[key]:
            for first in firsts:
                if find(first) == find(doc_id):
                    break
                if same_meeting(docs[first], docs[doc_id]):
                    parent[find(doc_id)] = find(first)
                    break
            else:
                firsts.append(doc_id)
    groups: dict[str, list[str]] = {}
    for doc_id in docs:
        groups.setdefault(find(doc_id), []).append(doc_id)

    def order(doc_id: str) -> tuple[int, str, str]:
        facts = docs[doc_id]
        return (FORMAT_RANK.get(facts.get("format") or "", len(FORMAT_RANK)),
                facts.get("source_path") or "", doc_id)

    result: dict[str, str | None] = {}
    for members in groups.values():
        kept = min(members, key=order)
        for doc_id in members:
            result[doc_id] = None if doc_id == kept else kept
    return result
