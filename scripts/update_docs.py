"""Refresh the generated sections of the reference pages in docs/.

``python scripts/update_docs.py`` rewrites the data dictionary in ``docs/tables.md`` (from the
Arrow schemas); with ``--eval`` it also runs the scorer and pastes its tables into
``docs/evaluation.md``. Each page keeps the text around its ``<!-- name:start -->`` ...
``<!-- name:end -->`` markers.
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

TABLES_PAGE = Path("docs") / "tables.md"  # section "tables"
EVAL_PAGE = Path("docs") / "evaluation.md"  # section "eval"


def replace_section(text: str, name: str, body: str, page: str = "the page") -> str:
    """Replace what stands between ``<!-- name:start -->`` and ``<!-- name:end -->``."""
    pattern = re.compile(rf"(<!-- {name}:start -->\n).*?(<!-- {name}:end -->)", re.S)
    if not pattern.search(text):
        raise SystemExit(f"{page} has no {name} markers")
    return pattern.sub(lambda m: m.group(1) + body.rstrip("\n") + "\n" + m.group(2), text)


def update_page(path: Path, name: str, body: str) -> None:
    """Replace section ``name`` of the page at ``path`` with ``body``."""
    path.write_text(replace_section(path.read_text("utf-8"), name, body, str(path)), "utf-8")


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


def main(argv: list[str] | None = None, root: Path = ROOT) -> int:
    """Rewrite the generated sections of the pages under ``root``."""
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--eval", action="store_true", help="also refresh the eval tables")
    args = parser.parse_args(argv)
    update_page(root / TABLES_PAGE, "tables", data_dictionary())
    if args.eval:
        update_page(root / EVAL_PAGE, "eval", eval_section())
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
