"""Letter furniture: letterhead, subtitle, epigraph, closing and postscript, each in its place."""

from __future__ import annotations

from pathlib import Path

import pytest

from projects import (
    ENGINES,
    build,
    build_pdf,
    drawn_heights,
    in_order,
    pdf_text,
    petition,
    printed_heights,
    write_project,
)

MANIFEST = """\
title: Letter to the Board
subtitle: On the state of things
place: Amsterdam
date: 2020-01-15
recipient: board
letterhead: letterhead.svg
epigraph: epigraph.md
closing: Sincerely,
postscript: postscript.md
"""
LETTERHEAD = (
    '<svg xmlns="http://www.w3.org/2000/svg" width="300" height="40" viewBox="0 0 300 40">'
    '<text x="0" y="30" font-size="24">COALITION LETTERHEAD</text></svg>'
)
EPIGRAPH = "*Injustice anywhere is a threat to justice everywhere.* (Martin Luther King)\n"
POSTSCRIPT = "Press contact: press@example.org. This letter reflects the views of its signatories.\n"
ORDER = (
    "COALITION LETTERHEAD",
    "Letter to the Board",
    "On the state of things",
    "Injustice anywhere",
    "Dear members of the Board,",
    "We write to you about the state of things",
    "meet civil society twice a year.",
    "Sincerely,",
    "Amnesty International",
    "Article 19",
    "Press contact: press@example.org.",
)


@pytest.fixture(scope="module")
def project(tmp_path_factory) -> Path:
    root = tmp_path_factory.mktemp("furniture")
    files = {
        "petition.yaml": MANIFEST,
        "letterhead.svg": LETTERHEAD,
        "epigraph.md": EPIGRAPH,
        "postscript.md": POSTSCRIPT,
    }
    project = write_project(root / "letter", files)
    assert petition("check", project, "--strict").exit_code == 0
    return project


@pytest.fixture(scope="module", params=ENGINES)
def letter(project, tmp_path_factory, request) -> dict[str, Path]:
    """The page and text letter, and the PDF from each engine."""
    out = tmp_path_factory.mktemp("out")
    return {**build(project, out, "html", "txt"), "pdf": build_pdf(project, out / request.param, request.param)}


def test_the_pdf_prints_each_piece_of_furniture_in_its_place(letter):
    assert in_order(" ".join(pdf_text(letter["pdf"]).split()), *ORDER[1:])
    title = dict(printed_heights(letter["pdf"]))["Letter to the Board"]
    # The letterhead's letters are drawn, whether or not the engine maps them back to text.
    assert max(drawn_heights(letter["pdf"])) > title + 20, "the letterhead tops the first page"


def test_the_page_holds_them_in_the_same_order(letter):
    html = letter["html"].read_text(encoding="utf-8")
    assert '<img class="letterhead" src="data:image/svg+xml;base64,' in html
    assert in_order(html, 'class="letterhead"', *ORDER[1:])


def test_the_text_letter_has_them_too_except_the_image(letter):
    text = letter["txt"].read_text(encoding="utf-8")
    assert in_order(text, *ORDER[1:])
    assert "\n\n    Injustice anywhere is a threat to justice everywhere. (Martin Luther\n    King)\n\n" in text
    assert "LETTERHEAD" not in text


def test_a_letterhead_that_is_not_there_is_named(tmp_path):
    project = write_project(tmp_path / "letter", {"petition.yaml": "title: Letter\nletterhead: logo.png\n"})
    result = petition("check", project)
    assert result.exit_code == 2
    assert "petition.yaml:2:13: error: image not found: logo.png [file-missing]" in result.stdout
