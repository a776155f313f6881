"""``python -m pipeline`` starts the CLI."""

from pipeline.cli import main

raise SystemExit(main())
