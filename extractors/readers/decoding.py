"""Decoding a text file's bytes, run by run.

A byte-order mark decides first. Otherwise valid UTF-8 stays UTF-8 everywhere: only the runs
of bytes that are not UTF-8 (a paragraph pasted from a Windows-1252 file, a damaged byte) are
read in a legacy encoding, and their lines are reported so a ``quality_flags`` row can say
where. A file with no UTF-8 multi-byte character at all is read whole in its legacy
encoding. UTF-16 and UTF-32 without a byte-order mark are recognised by charset-normalizer.
Runs inside a UTF-8 file are read as Windows-1252 (a paragraph pasted from a Windows
program; a few bytes are too little to detect an encoding on). A whole legacy file is read
as Windows-1252 whenever it reads plausibly so (most minutes are in Western European
languages, and charset-normalizer cannot tell Windows-1252 from its Central European
sibling on a few accented words); otherwise in charset-normalizer's best single-byte guess
(KOI8-R, Windows-1251 ...).
"""

from __future__ import annotations

import codecs
import re
from dataclasses import dataclass, field

LEGACY = "cp1252"
_BOMS = ((codecs.BOM_UTF32_LE, "utf-32"), (codecs.BOM_UTF32_BE, "utf-32"),
         (codecs.BOM_UTF8, "utf-8-sig"), (codecs.BOM_UTF16_LE, "utf-16"),
         (codecs.BOM_UTF16_BE, "utf-16"))
_LINE_BREAK = re.compile("\r\n|[\r\n\v\u2028\u2029]")
_SAMPLE = 1 << 20  # bytes charset-normalizer looks at
_NAMES = {"cp1252": "Windows-1252", "utf_16_le": "UTF-16 LE", "utf_16_be": "UTF-16 BE",
          "utf_32_le": "UTF-32 LE", "utf_32_be": "UTF-32 BE", "utf-8": "UTF-8"}


@dataclass
class Decoded:
    """A file's text, the encoding it was read in, and the lines (0-based, as in
    ``text.split("\\n")`` once newlines are unified) where undecodable UTF-8 was read in
    ``fallback`` instead."""

    text: str
    encoding: str
    fallback: str | None = None
    fallback_lines: list[int] = field(default_factory=list)


def encoding_name(codec: str) -> str:
    """A codec's usual name: ``cp1252`` -> ``Windows-1252``."""
    return _NAMES.get(codec, codec.replace("_", "-").upper())


def decode(data: bytes) -> Decoded:
    """Decode ``data`` (see the module docstring); NUL bytes are left for the caller."""
    for bom, enc in _BOMS:
        if data.startswith(bom):
            return Decoded(data.decode(enc, errors="replace"), enc)
    if b"\x00" not in data:
        try:
            return Decoded(data.decode("utf-8"), "utf-8")
        except UnicodeDecodeError:
            pass
    wide = _wide_unicode(data)
    if wide:
        return Decoded(data.decode(wide, errors="replace"), wide)
    return _by_runs(data.replace(b"\x00", b""))


def _guesses(data: bytes, only: str | None = None) -> list[str]:
    """charset-normalizer's plausible encodings of ``data``, best first (``only``: whether
    that one encoding reads it plausibly)."""
    from charset_normalizer import from_bytes

    isolation = [only] if only else None
    return [match.encoding for match in from_bytes(data[:_SAMPLE], cp_isolation=isolation)]


def _wide_unicode(data: bytes) -> str | None:
    """``utf_16_le`` etc. when ``data`` is UTF-16 or UTF-32 without a byte-order mark: the
    guess must decode without error and, for data without NUL bytes (non-Latin scripts),
    the legacy encoding must not read it plausibly (a few accented bytes can look like
    UTF-16 to the detector)."""
    guesses = _guesses(data)
    if not guesses or not guesses[0].startswith(("utf_16", "utf_32")):
        return None
    try:
        data.decode(guesses[0])
    except UnicodeDecodeError:
        return None
    if b"\x00" not in data and _guesses(data, LEGACY):
        return None
    return guesses[0]


def _legacy(sample: bytes) -> str:
    """The single-byte encoding for bytes that are not UTF-8: Windows-1252 when it reads
    them plausibly, else charset-normalizer's best single-byte guess."""
    from charset_normalizer.utils import is_multi_byte_encoding

    if _guesses(sample, LEGACY):
        return LEGACY
    guesses = [g for g in _guesses(sample) if not is_multi_byte_encoding(g)
               and not g.startswith(("utf", "ascii"))]
    return guesses[0] if guesses else LEGACY


def _bad_runs(data: bytes) -> list[tuple[int, int]]:
    """Byte ranges of ``data`` that are not UTF-8 (adjacent ones merged)."""
    runs: list[tuple[int, int]] = []
    pos = 0
    while pos < len(data):
        try:
            data[pos:].decode("utf-8")
            break
        except UnicodeDecodeError as exc:
            start, end = pos + exc.start, pos + exc.end
            if runs and runs[-1][1] == start:
                runs[-1] = (runs[-1][0], end)
            else:
                runs.append((start, end))
            pos = end
    return runs


def _by_runs(data: bytes) -> Decoded:
    """UTF-8 where the bytes are UTF-8, a legacy encoding in the runs that are not; the
    whole file in the legacy encoding when it has no UTF-8 multi-byte character."""
    runs = _bad_runs(data)
    if not runs:
        return Decoded(data.decode("utf-8"), "utf-8")
    non_ascii = sum(b >= 0x80 for b in data)
    if non_ascii == sum(end - start for start, end in runs):  # nothing is UTF-8 but ASCII
        codec = _legacy(data)
        return Decoded(data.decode(codec, errors="replace"), codec)
    codec = LEGACY  # a few bytes pasted into UTF-8 are too little to detect an encoding on
    parts: list[str] = []
    starts: list[int] = []
    pos = length = 0
    for start, end in runs:
        good = data[pos:start].decode("utf-8")
        parts.append(good)
        length += len(good)
        starts.append(length)
        bad = data[start:end].decode(codec, errors="replace")
        parts.append(bad)
        length += len(bad)
        pos = end
    parts.append(data[pos:].decode("utf-8"))
    text = "".join(parts)
    lines: list[int] = []
    line, at = 0, 0
    for start in starts:
        line += len(_LINE_BREAK.findall(text, at, start))
        at = start
        if not lines or lines[-1] != line:
            lines.append(line)
    return Decoded(text, "utf-8", codec, lines)
