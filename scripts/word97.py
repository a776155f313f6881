"""A minimal Word 97-2003 (.doc) writer, for the samples and tests: nothing in the stack
writes the legacy binary format, and antiword only reads it.

The file is an OLE2 compound file (512-byte sectors, one FAT sector, one directory sector)
holding a ``WordDocument`` stream (the File Information Block and the text, 8-bit Windows-1252)
and a ``1Table`` stream (a piece table with one piece, and an empty stylesheet). Paragraphs end
with ``\\r``; there is no formatting, so headings, lists and tables are only what their text
says (bullets as glyphs). antiword reads it cleanly (checked under valgrind).
"""

from __future__ import annotations

import struct

SECTOR = 512
_FREE, _END, _FATSECT, _NONE = 0xFFFFFFFF, 0xFFFFFFFE, 0xFFFFFFFD, 0xFFFFFFFF
_TEXT_AT = 1024  # offset of the text in the WordDocument stream


def _fib(ccp_text: int, cb_mac: int, clx: tuple[int, int], stsh: tuple[int, int]) -> bytes:
    """The File Information Block of a Word 97 document (nFib 0xC1) whose table stream is
    ``1Table``; ``clx`` and ``stsh`` are (offset, length) in that stream."""
    base = struct.pack("<HHHHHHH", 0xA5EC, 0x00C1, 0, 0x0409, 0, 0x0200, 0x00BF).ljust(32,
                                                                                   b"\0")
    rgw = struct.pack("<H", 14) + bytes(28)
    longs = [0] * 22
    longs[0], longs[3] = cb_mac, ccp_text
    rglw = struct.pack("<H", 22) + struct.pack("<22I", *longs)
    pairs = [0] * (93 * 2)
    pairs[2:4] = stsh  # fcStshf, lcbStshf
    pairs[66:68] = clx  # fcClx, lcbClx
    return base + rgw + rglw + struct.pack("<H", 93) + struct.pack("<186I", *pairs) + bytes(2)


def _streams(text: str) -> dict[str, bytes]:
    raw = text.replace("\r\n", "\r").replace("\n", "\r").encode("cp1252")
    if not raw.endswith(b"\r"):
        raw += b"\r"
    clx = (b"\x02" + struct.pack("<I", 20) + struct.pack("<II", 0, len(raw))
           + struct.pack("<HIH", 0, (_TEXT_AT * 2) | 0x40000000, 0))  # one 8-bit piece
    stshi = struct.pack("<9H", 0, 0x0A, 1, 0, 0, 0, 0, 0, 0)  # no styles
    stsh = struct.pack("<H", len(stshi)) + stshi
    fib = _fib(len(raw), _TEXT_AT + len(raw), (0, len(clx)), (len(clx), len(stsh)))
    size = max(4096, _TEXT_AT + len(raw))
    document = bytearray(size + (-size % SECTOR))
    document[:len(fib)] = fib
    document[_TEXT_AT:_TEXT_AT + len(raw)] = raw
    return {"1Table": (clx + stsh).ljust(4096, b"\0"), "WordDocument": bytes(document)}


def _entry(name: str, kind: int, left: int, child: int, start: int, size: int) -> bytes:
    encoded = (name + "\0").encode("utf-16-le") if name else b""
    return (encoded.ljust(64, b"\0") + struct.pack("<HBB", len(encoded), kind, 1)
            + struct.pack("<III", left, _NONE, child) + bytes(36) + struct.pack("<IQ", start,
                                                                                 size))


def compound_file(streams: dict[str, bytes]) -> bytes:
    """An OLE2 compound file holding ``streams`` (each at least 4096 bytes, so none goes to
    the mini stream) in its root storage."""
    names = sorted(streams, key=lambda n: (len(n), n.upper()))  # the directory's order
    starts, sector, body = {}, 2, b""  # sector 0: the FAT, 1: the directory
    for name in names:
        data = streams[name] + b"\0" * (-len(streams[name]) % SECTOR)
        starts[name], sector, body = sector, sector + len(data) // SECTOR, body + data
    if sector > 128:
        raise ValueError("text too long for a one-sector FAT")
    fat = [_FREE] * 128
    fat[0], fat[1] = _FATSECT, _END
    for name in names:
        first, count = starts[name], -(-len(streams[name]) // SECTOR)
        for i in range(first, first + count):
            fat[i] = i + 1 if i < first + count - 1 else _END
    # A degenerate red-black tree: the root's child is the last name, each entry's left
    # sibling the name before it.
    entries = [_entry("Root Entry", 5, _NONE, len(names), _END, 0)]
    entries += [_entry(name, 2, i - 1 if i > 1 else _NONE, _NONE, starts[name],
                       len(streams[name])) for i, name in enumerate(names, start=1)]
    entries += [_entry("", 0, _NONE, _NONE, 0, 0)] * (4 - len(entries))
    header = (bytes.fromhex("d0cf11e0a1b11ae1") + bytes(16)
              + struct.pack("<5H", 0x3E, 3, 0xFFFE, 9, 6) + bytes(6)
              + struct.pack("<9I", 0, 1, 1, 0, 4096, _END, 0, _END, 0)
              + struct.pack("<109I", 0, *([_FREE] * 108)))
    return header + struct.pack("<128I", *fat) + b"".join(entries) + body


def word97(text: str) -> bytes:
    """A Word 97 document whose text is ``text`` (one paragraph per line)."""
    return compound_file(_streams(text))
