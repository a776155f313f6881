"""Every relative link of README.md and docs/*.md points to a file that exists, and every
``#anchor`` to a heading of the page it names (as GitHub spells heading anchors)."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
PAGES = [ROOT / "README.md", *sorted((ROOT / "docs").glob("*.md"))]
_FENCE = re.compile(r"^(```|~~~).*?^\1", re.S | re.M)
_CODE = re.compile(r"`[^`\n]*`")
_LINK = re.compile(r"!?\[[^\]]*\]\(([^)\s]+)(?:\s+\"[^\"]*\")?\)")
_HEADING = re.compile(r"^#{1,6}\s+(.+?)\s*#*\s*$", re.M)


def _prose(text: str) -> str:
    """The page without fenced code blocks and code spans (their brackets are not links)."""
    return _CODE.sub("", _FENCE.sub("", text))


def anchor(heading: str) -> str:
    """GitHub's anchor for a heading: lower case, punctuation dropped, spaces to hyphens."""
    text = re.sub(r"\[([^\]]*)\]\([^)]*\)", r"\1", heading)  # a link's text only
    return re.sub(r"[^\w\- ]", "", text.lower()).replace(" ", "-")


def anchors(page: Path) -> set[str]:
    """Every heading anchor of a page (repeated headings get -1, -2 ...)."""
    seen: dict[str, int] = {}
    found = set()
    for heading in _HEADING.findall(_FENCE.sub("", page.read_text("utf-8"))):
        slug = anchor(heading)
        found.add(f"{slug}-{seen[slug]}" if slug in seen else slug)
        seen[slug] = seen.get(slug, 0) + 1
    return found


def links(page: Path) -> list[str]:
    """The relative link targets of a page (web and mail addresses left out)."""
    return [t for t in _LINK.findall(_prose(page.read_text("utf-8")))
            if not re.match(r"[a-z][a-z0-9+.-]*:", t)]


def test_headings_anchor_as_github_spells_them() -> None:
    assert anchor("Reviewing one document's extraction") == "reviewing-one-documents-extraction"
    assert anchor("### `meetings`".lstrip("# ")) == "meetings"
    assert anchor("Scanned minutes (OCR)") == "scanned-minutes-ocr"


def test_the_link_finder_sees_links_and_skips_code(tmp_path: Path) -> None:
    page = tmp_path / "p.md"
    page.write_text("[a](x.md) ![b](img.png \"t\") `[c](no.md)` [w](https://e.org)\n"
                    "```\n[d](no.md)\n```\n", "utf-8")
    assert links(page) == ["x.md", "img.png"]


def broken_links(page: Path) -> list[str]:
    """The relative links of ``page`` whose file or heading does not exist."""
    broken = []
    for target in links(page):
        path, _, fragment = target.partition("#")
        linked = (page.parent / path).resolve() if path else page
        if not linked.exists():
            broken.append(f"{target}: no such file")
        elif fragment and linked.suffix == ".md" and fragment not in anchors(linked):
            broken.append(f"{target}: no heading #{fragment} in {linked.name}")
    return broken


def test_a_missing_file_or_heading_is_found(tmp_path: Path) -> None:
    (tmp_path / "other.md").write_text("# Other page\n\n## Part two\n", "utf-8")
    page = tmp_path / "page.md"
    page.write_text("# Here\n[ok](other.md#part-two) [ok](#here) [gone](gone.md) "
                    "[no](other.md#part-three) [no](#there)\n", "utf-8")
    assert broken_links(page) == ["gone.md: no such file",
                                  "other.md#part-three: no heading #part-three in other.md",
                                  "#there: no heading #there in page.md"]


@pytest.mark.parametrize("page", PAGES, ids=lambda p: str(p.relative_to(ROOT)))
def test_relative_links_resolve(page: Path) -> None:
    assert not broken_links(page)
