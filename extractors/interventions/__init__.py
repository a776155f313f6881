"""Speaker turns (the ``interventions`` table).

One module per turn shape, one that resolves speakers, one that builds the turns:
- ``segments``: sentences clipped to blocks, the unit every shape reads;
- ``reported``: reported speech on the parse ("Kenya stated", "Mr. DOE (Ruritania) said");
- ``labelled``: labelled blocks ("Chair: ...", "JD - ...", "[Name] ...");
- ``motions``: proposers, seconders and supporters ("X proposed, seconded by Y");
- ``listed``: delegations bulleted under a lead-in ("The following made statements:");
- ``resolver``: persons -> attendance row -> delegation, initials and first names;
- ``offices``: offices that speak (President, Chair, Clerk ...) and who holds them;
- ``walker``: walks the segments and chooses/merges what the shapes found into turns.
"""

from extractors.interventions.walker import Turn, extract_interventions, turns_for

__all__ = ["Turn", "extract_interventions", "turns_for"]
