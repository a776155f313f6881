"""Legacy binary Word (.doc, Word 97-2003) reader through antiword (Debian package).

The file's bytes go to ``antiword -m UTF-8.txt -w 0`` through a temporary file (antiword
cannot read a pipe), with a timeout; its text output (one line per paragraph, tables as
``|cell|cell|`` lines, bullets as glyphs) is read by the text reader, so paragraphs, list
items and table rows are built exactly as for a text file. Which OLE2 files are Word files is
decided from their stream names: a password-protected Office file, an Excel workbook or a
PowerPoint deck gets its own failure. Without antiword the failure says how to install it.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import tempfile

from extractors.errors import ReadError
from extractors.limits import DEFAULT_LIMITS, Limits
from extractors.readers import ReadResult
from extractors.readers.sniff import OLE2, ole_kind, sniff

ANTIWORD_TIMEOUT_S = 60.0
INSTALL_HINT = ("install the Debian package antiword (sudo apt-get install antiword), or run "
                "`make run`, which installs it")


def check_ole(data: bytes) -> None:
    """Refuse data that is not an OLE2 Word document, naming what it is instead."""
    if not data.startswith(OLE2):
        what = sniff(data)
        raise ReadError("not_doc", "file is not a legacy Word .doc file (no OLE2 signature)"
                        + (f": it is {what}" if what else ""))
    kind = ole_kind(data)
    if kind == "encrypted":
        raise ReadError("encrypted", "Word document is password-protected (encrypted); "
                                     "remove the password in Word and save it again")
    if kind != "word":
        raise ReadError("not_doc", f"file is an old-format Office file but not a Word "
                                   f"document: {kind}")


def _antiword(data: bytes, timeout: float) -> str:
    exe = shutil.which("antiword")
    if exe is None:
        raise ReadError("converter_missing", "legacy Word .doc files are read with antiword, "
                                             f"which is not installed; {INSTALL_HINT}")
    fd, path = tempfile.mkstemp(suffix=".doc")
    try:
        with os.fdopen(fd, "wb") as out:
            out.write(data)
        env = {**os.environ, "LC_ALL": "C.UTF-8"}
        try:
            run = subprocess.run([exe, "-m", "UTF-8.txt", "-w", "0", path], capture_output=True,
                                 timeout=timeout, env=env, check=False)
        except subprocess.TimeoutExpired as exc:
            raise ReadError("timeout", f"antiword took more than {timeout:.0f} s on this .doc "
                                       "file; it is damaged or hostile") from exc
        except OSError as exc:
            raise ReadError("converter_missing", f"antiword cannot be run ({exc}); "
                                                 f"{INSTALL_HINT}") from exc
    finally:
        os.unlink(path)
    if run.returncode < 0:
        raise ReadError("corrupt_doc", "legacy Word .doc file is damaged: antiword stopped on "
                                       f"signal {-run.returncode} while reading it")
    if run.returncode != 0:
        detail = " ".join(run.stderr.decode("utf-8", "replace").replace(path, "").split())
        if "encrypt" in detail.lower():
            raise ReadError("encrypted", "Word document is password-protected (encrypted); "
                                         "remove the password in Word and save it again")
        raise ReadError("corrupt_doc", "legacy Word .doc file is damaged or not one antiword "
                                       f"can read (antiword: {detail[:200] or 'no output'})")
    return run.stdout.decode("utf-8", "replace")


def read(data: bytes, limits: Limits = DEFAULT_LIMITS) -> ReadResult:
    """Read a legacy .doc file through antiword and the text reader."""
    from extractors.readers import text_reader

    check_ole(data)
    timeout = min(ANTIWORD_TIMEOUT_S, limits.timeout_s) if limits.timeout_s else \
        ANTIWORD_TIMEOUT_S
    text = _antiword(data, timeout)
    if not text.strip():
        raise ReadError("no_text", "file contains no text")
    result = text_reader.read(text.encode("utf-8"), limits)
    result.metadata.pop("encoding", None)
    result.metadata["converter"] = "antiword"
    return result
