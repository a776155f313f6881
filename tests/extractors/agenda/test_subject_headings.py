"""Unnumbered subject headings: plain title lines over text, Markdown sections."""

from __future__ import annotations

from tests.extractors.agenda.conftest import agenda, pairs


def test_plain_title_lines_over_their_text() -> None:
    text = ("Minutes of the Brackenmoor Parish Council\n\nHeld at the Reading Room\n\n"
            "Those Present: Cllr A Dunmore (Chairman), Cllr P Okafor, Cllr S Rees\n\n"
            "Apologies: Cllr T Vance sent her apologies for the evening.\n\n"
            "The Chairman opened the meeting and thanked members for attending.\n\n"
            "Minutes of the last Meeting: Cllr Okafor proposed they be signed.\n\n"
            "Footpaths:\n\nThe stile near the church has been replaced by the rangers.\n\n"
            "Village Hall Lease\n\nThe solicitor has sent a draft lease for the hall.\n\n"
            "Correspondence:\n\nTwo letters were read out and noted by the council.\n\n"
            "Ravens Lane\n\nWillow Court\n\nNext Meeting\n\nThe next meeting is on 3 March.")
    assert pairs(agenda(text)) == [(None, "Minutes of the last Meeting"),
                                   (None, "Footpaths"), (None, "Village Hall Lease"),
                                   (None, "Correspondence"), (None, "Next Meeting")]


def test_markdown_sections_without_record_parts() -> None:
    text = ("# Orchard Cooperative - Members' Meeting\n\n## Context\n\n"
            "This was the first meeting after the harvest and it was well attended.\n\n"
            "## Summary of outcomes\n\nThe members agreed two changes.\n\n"
            "## Cider press replacement\n\nThe old press is beyond repair.\n\n"
            "## Pricing for the farm shop\n\nPrices will rise by five pence.\n\n"
            "## Attendees\n\nLena Moritz, Grower\n\nFelix Obi, Treasurer\n\n"
            "## Apologies:\n\nRosa Teague, Grower")
    assert pairs(agenda(text)) == [(None, "Cider press replacement"),
                                   (None, "Pricing for the farm shop")]
