"""Regenerate ``resources/delegation_patterns.jsonl`` from pycountry and the TSV files.

Run ``python -m extractors.build_patterns`` after editing a TSV (``make patterns``).
"""

from __future__ import annotations

import json

from extractors.gazetteer import RESOURCES, gazetteer

PATTERNS_FILE = RESOURCES / "delegation_patterns.jsonl"


def render() -> str:
    """Return the JSONL text of every delegation pattern."""
    return "".join(json.dumps(p, ensure_ascii=False) + "\n" for p in gazetteer().patterns())


def main() -> None:
    """Write the patterns file."""
    PATTERNS_FILE.write_text(render(), encoding="utf-8")
    print(f"wrote {PATTERNS_FILE}")


if __name__ == "__main__":
    main()
