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


def test_capitals_headings_over_numbered_paragraphs_and_an_enumeration() -> None:
    text = ("REPORT OF THE PANEL ON SOIL SURVEYS\n\nINTRODUCTION\n\n"
            "1. The Panel held its second session in Oskar from 2 to 4 June.\n\n"
            "ADOPTION OF THE AGENDA\n\n2. The Panel adopted the following agenda:\n\n"
            "(a) Opening of the session;\n\n(b) Adoption of the agenda;\n\n"
            "(c) Review of the field guide.\n\nREVIEW OF THE FIELD GUIDE\n\n"
            "3. The Panel reviewed the first four chapters of the field guide.")
    assert pairs(agenda(text)) == [(None, "INTRODUCTION"), (None, "ADOPTION OF THE AGENDA"),
                                   (None, "REVIEW OF THE FIELD GUIDE")]


def test_bold_headings_with_fields_and_an_actions_list() -> None:
    text = ("**Canal Street Tenants - Committee Meeting**\n\n**Date:** 2 May\n"
            "**Present:** Ida Marsh (Chair), Oren Tal, Uma Roy\n\n**Apologies**\nPia Lund\n\n"
            "**Minutes of the previous meeting**\nAgreed as a true record.\n\n"
            "**Lift repairs**\nThe landlord has replaced the lift motor in block B.\n\n"
            "Actions:\n1. Ida to write to the landlord about block A.\n"
            "2. Oren to collect reports from tenants.\n\n"
            "**Any other business**\nNone.\n")
    assert pairs(agenda(text)) == [(None, "Minutes of the previous meeting"),
                                   (None, "Lift repairs"), (None, "Any other business")]
