"""``minutes review``: a self-contained HTML review page of one file's records (being written)."""

from __future__ import annotations

import argparse


def add_arguments(parser: argparse.ArgumentParser) -> None:
    """Register the arguments of ``minutes review``."""


def run(args: argparse.Namespace) -> int:
    """Run ``minutes review``."""
    raise NotImplementedError("minutes review is being written")
