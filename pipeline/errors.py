"""What a person reads when the environment stops a command: one sentence per error, naming
the file, folder or variable and the reason, and the exit code it calls for
(``pipeline.exit_codes``). Only the CLI imports this module; the layers below raise their
errors, or hand them up as plain data (``IngestSummary.error``), and never word them."""

from __future__ import annotations

import errno
from pathlib import Path

from pipeline.exit_codes import EXIT_BUSY, EXIT_ERROR, EXIT_USAGE

_NO_SPACE = {errno.ENOSPC, errno.EDQUOT}
_DENIED = {errno.EACCES, errno.EPERM}
_NOT_A_FOLDER = {errno.EEXIST, errno.ENOTDIR}


def _file_in_the_way(path: Path) -> Path | None:
    """The first part of ``path`` that exists and is not a folder, if any."""
    for part in [*reversed(path.parents), path]:
        if part.exists() and not part.is_dir():
            return part
    return None


def explain_os_error(code: int | None, path: str, detail: str = "",
                     out: str | None = None) -> str:
    """A sentence for an operating-system error met while writing ``path`` (under the
    output folder ``out``)."""
    where = out or path
    if code in _NO_SPACE:
        return (f"no space left on the device that holds {where}: free some space and run "
                f"again (documents committed before are kept; the rest is picked up)")
    if code == errno.EROFS:
        return f"cannot write to {where}: it is on a read-only file system"
    if code in _DENIED:
        return (f"cannot write to {where}: permission denied on {path} (the folder is "
                f"read-only, or belongs to another user)")
    if code in _NOT_A_FOLDER:
        blocker = _file_in_the_way(Path(path))
        if blocker is not None:
            return (f"the output folder {where} cannot be made: {blocker} is an existing "
                    f"file, not a folder; choose another --out")
    reason = detail or (errno.errorcode.get(code, "") if code else "") or "an I/O error"
    return f"cannot write to {where}: {reason} ({path})"


def explain(exc: BaseException, out: str | None = None) -> tuple[str, int] | None:
    """The sentence and exit code for an environment error, or None for anything else
    (a bug keeps its traceback)."""
    from extractors.limits import LimitsError

    if isinstance(exc, LimitsError):
        return str(exc), EXIT_USAGE
    if type(exc).__name__ == "StoreLockedError":  # pipeline.batch.store, not imported here
        return str(exc), EXIT_BUSY
    if type(exc).__name__ == "TemporaryServerError":  # pipeline.batch.temp_server (Prefect)
        timeout, log = getattr(exc, "timeout_s", 0), getattr(exc, "log", "")
        return (f"the temporary Prefect server did not answer within {timeout:g} s (see "
                f"{log}); the machine may be busy: set "
                f"PREFECT_SERVER_EPHEMERAL_STARTUP_TIMEOUT_SECONDS higher, or PREFECT_API_URL "
                f"to a running server"), EXIT_ERROR
    if isinstance(exc, OSError):
        path = str(exc.filename) if exc.filename is not None else (out or "")
        detail = exc.strerror or ""
        return explain_os_error(exc.errno, path, detail, out), EXIT_ERROR
    return None


def explain_summary_error(error: dict[str, object], out: str) -> tuple[str, int]:
    """The sentence and exit code for ``IngestSummary.error`` (a batch stopped because its
    output could not be written)."""
    if error.get("kind") == "locked":
        return str(error.get("detail")), EXIT_BUSY
    code = error.get("errno")
    return explain_os_error(code if isinstance(code, int) else None,
                            str(error.get("path") or out), str(error.get("detail") or ""),
                            out), EXIT_ERROR
