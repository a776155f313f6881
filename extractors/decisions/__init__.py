"""Decisions and action points: one module per shape family, ``choose`` picks among them.

- ``labelled``: lines and paragraphs that say what they are ("RESOLVED that", "Decision 18.1:",
  "Agreed:", "ACTION – X to ...", "Action-7 ..."), action sections ("### Actions") and the
  items after an introduction of decisions ("The Board agreed:").
- ``motions``: proposed / seconded / carried, with the vote counts they state.
- ``agreements``: collective agreement lines of transcript minutes ("All – agreed", "SC
  agreed that ..."), a bare agreement standing for the proposal above it, and trailing
  outcomes ("...: agreed.", "- not agreed").
- ``tasks``: "X to do Y" lines ("Clerk to write.", "SH to send ..."), "X to be rejected".
- ``reported``: decisions and tasks reported in running prose (CCM-style minutes: "It was
  agreed that ...", "Chile would circulate ...").
- ``actors``: who must act (initials the attendance defines, attendees, offices).
- ``deadlines``: due dates, including "by the next meeting" where the document dates it.
- ``choose``: asks the families in order and keeps one record per sentence and shape.
"""

from extractors.decisions.choose import extract_decisions

__all__ = ["extract_decisions"]
