"""Scoring extraction against hand-made gold (``minutes eval``)."""
