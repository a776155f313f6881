"""Exit codes of the ``minutes`` commands (the CLI and the analyst commands share them)."""

EXIT_OK, EXIT_ERROR, EXIT_USAGE, EXIT_SOME_FAILED = 0, 1, 2, 3
