"""Refresh the generated sections of README.md.

``python scripts/update_readme.py`` rewrites the data dictionary (from the Arrow schemas);
with ``--eval`` it also runs ``minutes eval`` and pastes the table it prints.
"""

from __future__ import annotations

import argparse
import datetime as dt
import re
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from models.schemas import data_dictionary  # noqa: E402


def replace_section(text: str, name: str, body: str) -> str:
    """Replace what stands between ``<!-- name:start -->`` and ``<!-- name:end -->``."""
    pattern = re.compile(rf"(<!-- {name}:start -->\n).*?(<!-- {name}:end -->)", re.S)
    if not pattern.search(text):
        raise SystemExit(f"README.md has no {name} markers")
    return pattern.sub(lambda m: m.group(1) + body.rstrip("\n") + "\n" + m.group(2), text)


def eval_section() -> str:
    """Pooled and per-document eval tables for every corpus beside the checkout."""
    from pipeline.evaluation.evaluate import (
        FORMATS,
        evaluate_corpora,
        render_markdown,
        render_per_doc,
    )
    shared = ROOT.parent / "shared"
    results = evaluate_corpora([shared / "corpus", shared / "corpus-wide",
                                ROOT / "tests" / "corpus" / "team"], FORMATS)
    parts = [f"Measured {dt.date.today().isoformat()} with `minutes eval --per-doc` "
             "(`make eval`).\n"]
    for name, result in results.items():
        where = "tests/corpus/team/" if name == "team" else f"../shared/{name}/"
        parts += [f"#### `{where}`\n", render_markdown(result), "",
                  "<details><summary>F1 per document</summary>\n", render_per_doc(result),
                  "\n</details>\n"]
    return "\n".join(parts)


def main(argv: list[str] | None = None) -> int:
    """Rewrite README.md in place."""
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--eval", action="store_true", help="also refresh the eval table")
    args = parser.parse_args(argv)
    readme = ROOT / "README.md"
    text = replace_section(readme.read_text("utf-8"), "tables", data_dictionary())
    if args.eval:
        text = replace_section(text, "eval", eval_section())
    readme.write_text(text, "utf-8")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
