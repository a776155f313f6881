"""People and delegations across meetings: tables derived from the document tables.

After each batch (and on ``minutes people --rebuild``) ``rebuild.rebuild`` reads the
attendees, turns and decisions of every meeting in a tables folder and writes three tables
beside them: ``people`` (one row per person, a stable ``person_id``), ``person_links`` (which
row of which document names which person, and why) and ``delegations`` (every code used, with
its name, kind, ISO codes, UN region and group). Nothing here re-reads a source document.

Modules, one job each: ``names`` (a name folded to a comparable key), ``match`` (which
variants are one person), ``mentions`` (who a turn or an action names, within one meeting),
``aliases`` (the analyst's corrections in ``people_aliases.tsv``), ``delegations`` (the
delegations table), ``paths`` (where the tables live, whether they are stale), ``commit``
(the atomic write), ``rebuild`` (read, derive, write).
"""
