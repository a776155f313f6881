"""Finding the minutes files of a batch, and how their names are stored.

**File names of any bytes.** A POSIX file name is bytes; Python spells bytes that are not
UTF-8 as lone surrogates (``os.fsdecode``), which neither Parquet nor JSON nor a terminal
takes. Every source path is therefore stored as ``stored_path(path)``: valid UTF-8, the same
text as the name for every name that is valid UTF-8 and holds no ``\\x``, and lossless:

* each byte that is not part of valid UTF-8 is written ``\\xNN`` (two lowercase hex digits);
* a backslash that the stored text would otherwise read as the start of an escape (one
  followed by ``x`` or by another backslash there) is doubled.

``original_bytes(stored)`` gives the name's bytes back, ``original_path(stored)`` a ``Path``
that opens the file. So ``minutes-<E9>t<E9>.txt`` (Latin-1, as an archive unzipped from
Windows leaves it) is stored ``minutes-\\xe9t\\xe9.txt``.
"""

from __future__ import annotations

import os
import re
from pathlib import Path

STORE_MARKERS = ("_state/manifest.json", "_state/lock", "_state/journal")
"""Paths, relative to a folder, that make it an output folder of ``ParquetStore``."""
_ESCAPE = re.compile(r"\\\\|\\x([0-9a-f]{2})")


def _undecodable(char: str) -> bool:
    return "\udc80" <= char <= "\udcff"


def stored_path(path: str | Path) -> str:
    """The source path as stored in the tables and the manifest (valid UTF-8, reversible
    with ``original_bytes``)."""
    text = os.fsencode(path).decode("utf-8", "surrogateescape")
    if "\\" not in text and not any(map(_undecodable, text)):
        return text
    tokens = [f"\\x{ord(c) - 0xDC00:02x}" if _undecodable(c) else c for c in text]
    out = []
    for token, after in zip(tokens, [*tokens[1:], ""], strict=True):
        out.append("\\\\" if token == "\\" and after[:1] in ("x", "\\") else token)
    return "".join(out)


def original_bytes(stored: str) -> bytes:
    """The bytes of the file name that ``stored_path`` stored as ``stored``."""
    parts: list[bytes] = []
    last = 0
    for match in _ESCAPE.finditer(stored):
        parts.append(os.fsencode(stored[last:match.start()]))
        parts.append(bytes([int(match[1], 16)]) if match[1] else b"\\")
        last = match.end()
    parts.append(os.fsencode(stored[last:]))
    return b"".join(parts)


def original_path(stored: str) -> Path:
    """A ``Path`` that opens the file whose name ``stored_path`` stored as ``stored``."""
    return Path(os.fsdecode(original_bytes(stored)))


def is_store(folder: Path) -> bool:
    """True when ``folder`` holds the state of a ``ParquetStore`` (an output folder)."""
    return any((folder / marker).exists() for marker in STORE_MARKERS)


def discover(folder: str | Path, out: str | Path | None = None) -> list[Path]:
    """Every regular file under ``folder`` (recursively, hidden files and folders skipped).

    Files of unknown type are included on purpose: they become ``failures`` rows rather than
    being silently ignored. ``README*`` files are documentation, not minutes. Output folders
    are never input: ``out`` (when it lies inside ``folder``) and every folder that holds a
    store's state (``STORE_MARKERS``) are skipped with all they contain.
    """
    root = Path(folder)
    if not root.is_dir():
        raise FileNotFoundError(f"input folder not found: {root}")
    skipped = {os.path.realpath(out)} if out is not None else set()
    found = []
    for dirpath, dirnames, filenames in os.walk(root):
        here = Path(dirpath)
        if os.path.realpath(here) in skipped or is_store(here):
            dirnames.clear()
            continue
        dirnames[:] = [d for d in dirnames if not d.startswith(".")]
        linked_dirs = [d for d in dirnames if (here / d).is_symlink()]
        for name in filenames + linked_dirs:
            if name.startswith(".") or name.upper().startswith("README"):
                continue
            found.append(here / name)
    return sorted(found)


def outside(path: Path, root: Path) -> bool:
    """True when ``path`` (a symlink, say) resolves outside ``root``."""
    try:
        path.resolve().relative_to(root.resolve())
    except ValueError:
        return True
    return False
