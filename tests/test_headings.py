"""Headings at any Markdown level print as an outline without skipped levels (PDF/UA), in both engines."""

from __future__ import annotations

from pathlib import Path

import pypdf
import pytest

from projects import ENGINES, build, build_pdf, pdf_text, write_project

# Levels in the order an author might leave them: deep first, back up, deepest, between, top.
LETTER = """\
We write to you.

#### Deep first

Text.

## Back up

More.

###### Deepest

Even more.

### Between

Still more.

# Top

The end.
"""
MANIFEST = "title: Letter\ndate: 2020-01-15\nrecipient: board\nsignatories_heading: Signed\n"


def heading_tags(path: Path) -> list[str]:
    """The heading elements of the PDF's structure tree, in reading order."""
    found: list[str] = []

    def walk(node) -> None:
        node = node.get_object()
        if isinstance(node, list):
            for kid in node:
                walk(kid)
        elif isinstance(node, dict):
            kind = str(node.get("/S", ""))
            if kind in {"/H1", "/H2", "/H3", "/H4", "/H5", "/H6"}:
                found.append(kind[1:])
            if "/K" in node:
                walk(node["/K"])

    walk(pypdf.PdfReader(path).trailer["/Root"]["/StructTreeRoot"])
    return found


@pytest.fixture
def project(tmp_path: Path) -> Path:
    return write_project(tmp_path / "letter", {"petition.yaml": MANIFEST, "letter.md": LETTER})


@pytest.mark.parametrize("engine", ENGINES)
def test_headings_in_any_order_nest_under_the_title_without_skipping(project, tmp_path, engine):
    pdf = build_pdf(project, tmp_path / "out", engine)
    # Title, then: deep first, back up, deepest, between, top; then the signatories' heading.
    assert heading_tags(pdf) == ["H1", "H2", "H2", "H3", "H3", "H2", "H2"]
    text = " ".join(pdf_text(pdf).split())
    assert "Deep first Text. Back up More. Deepest Even more. Between Still more. Top The end." in text


def test_the_web_page_has_the_same_outline(project, tmp_path):
    html = build(project, tmp_path / "out", "html")["html"].read_text(encoding="utf-8")
    for tag, text in [("h2", "Deep first"), ("h2", "Back up"), ("h3", "Deepest"), ("h3", "Between"), ("h2", "Top")]:
        assert f"<{tag}>{text}</{tag}>" in html
    assert '<h2 id="signatories-heading">Signed</h2>' in html
