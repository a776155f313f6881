"""``minutes query``: DuckDB SQL over the Parquet tables (being written)."""

from __future__ import annotations

import argparse


def add_arguments(parser: argparse.ArgumentParser) -> None:
    """Register the arguments of ``minutes query``."""


def run(args: argparse.Namespace) -> int:
    """Run ``minutes query``."""
    raise NotImplementedError("minutes query is being written")
