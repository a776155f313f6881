"""Exit codes of the ``minutes`` commands (the CLI and the analyst commands share them).

| code | meaning |
|---|---|
| 0 | done; every file written (or unchanged) |
| 1 | the output could not be written (read-only, a file, no space, no permission) |
| 2 | usage: a flag, a ``MINUTES_*`` variable or the input folder is wrong |
| 3 | done, but some files failed (each is a ``failures`` row) |
| 4 | the output folder is locked by another run that is writing it; try again later |
| 130 | stopped by Ctrl-C (SIGINT); finished documents kept |
| 143 | stopped by SIGTERM; finished documents kept |
"""

import signal

EXIT_OK, EXIT_ERROR, EXIT_USAGE, EXIT_SOME_FAILED, EXIT_BUSY = 0, 1, 2, 3, 4
EXIT_INTERRUPTED = 128 + signal.SIGINT  # 130
EXIT_TERMINATED = 128 + signal.SIGTERM  # 143


def exit_for_signal(signum: int) -> int:
    """The shell's convention for a command stopped by a signal: 128 + its number."""
    return 128 + int(signum)
