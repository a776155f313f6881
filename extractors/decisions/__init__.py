"""Decisions and action points: one module per shape family, ``choose`` picks among them.

- ``reported``: decisions and tasks reported in running prose ("It was agreed that ...",
  "Chile would circulate ...").
- ``deadlines``: due dates of action points.
"""

from extractors.decisions.choose import extract_decisions

__all__ = ["extract_decisions"]
