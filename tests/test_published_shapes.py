"""Shapes published letters take: a group under the closing with no heading, an order and numbers per group,
highlighted signers, further links, no salutation and no date line.

The project is modelled on a researchers' letter: its authors sign directly
under "Sincerely," in the order they wrote it, numbered; the co-signers
follow under "Supported by:" alphabetically, the experts it puts forward first.
"""

from __future__ import annotations

import io
import re
from pathlib import Path

import pypdf
import pytest

from projects import ENGINES, build, build_pdf, in_order, pdf_text, petition, write_project

MANIFEST = """\
title: Letter to the Board
place: Amsterdam
date: none
recipient: board
closing: Sincerely,
signatories:
  - file: authors.yaml
    numbered: true
  - heading: "Supported by:"
    file: supporters.csv
    order: alphabetical
    highlighted_first: true
    logos: true
"""
RECIPIENTS = "board:\n  name: The Board\n  address: [The Board, Amsterdam]\n"
AUTHORS = """\
- name: Zofia Nowak
  affiliation: Warsaw University
- name: Omar Said
  status: pending
- name: Anna Berg
  links:
    - label: Open Letter Toolkit
      url: https://example.org/toolkit
"""
SUPPORTERS = """\
name,affiliation,highlight,logo
Carla Diaz,Leiden University,,logos/leiden.png
Bruno Costa,,false,
Yusuf Demir,Ankara University,true,
Aiko Tanaka,,,
"""


def _png() -> bytes:
    """A 40 x 20 logo, made here so that the test carries no binary file."""
    from PIL import Image

    buffer = io.BytesIO()
    Image.new("RGB", (40, 20), (200, 30, 30)).save(buffer, format="PNG")
    return buffer.getvalue()


FILES = {
    "petition.yaml": MANIFEST,
    "recipients.yaml": RECIPIENTS,
    "signatories.yaml": None,
    "authors.yaml": AUTHORS,
    "supporters.csv": SUPPORTERS,
    "logos/leiden.png": _png(),
}

# As a reader sees them, in print order; Omar Said is pending and not printed.
AUTHORS_PRINTED = ("1.", "Zofia Nowak", "Warsaw University", "2.", "Anna Berg", "Open Letter Toolkit")
SUPPORTERS_PRINTED = ("Supported by:", "Yusuf Demir", "Aiko Tanaka", "Bruno Costa", "Carla Diaz")


@pytest.fixture(scope="module")
def project(tmp_path_factory) -> Path:
    return write_project(tmp_path_factory.mktemp("shapes") / "letter", FILES)


@pytest.fixture(scope="module")
def pages(project, tmp_path_factory) -> dict[str, str]:
    out = tmp_path_factory.mktemp("out")
    built = build(project, out, "html", "txt", extra=("--date", "2024-03-01"))
    undated = build(project, tmp_path_factory.mktemp("undated"), "html", "txt")
    return {
        "html": built["html"].read_text(encoding="utf-8"),
        "txt": built["txt"].read_text(encoding="utf-8"),
        "undated_txt": undated["txt"].read_text(encoding="utf-8"),
        "undated_html": undated["html"].read_text(encoding="utf-8"),
        "undated_name": undated["txt"].name,
    }


def test_check_accepts_every_shape(project):
    result = petition("check", project, "--strict")
    assert result.exit_code == 0, result.stdout + result.stderr


def test_the_text_letter_numbers_the_authors_under_the_closing_and_sorts_the_supporters(pages):
    text = pages["txt"]
    assert in_order(text, "Sincerely,", "1. Zofia Nowak, Warsaw University", "2. Anna Berg")
    assert "Anna Berg, Open Letter Toolkit <https://example.org/toolkit>" in text
    assert "Omar Said" not in text
    # The highlighted expert first, then the rest alphabetically; the headingless group has no count.
    assert in_order(text, "Supported by:", "*Yusuf Demir*, Ankara University", "Aiko Tanaka", "Bruno Costa")
    assert in_order(text, "Bruno Costa", "Carla Diaz, Leiden University")
    assert "(2)" not in text and "3. " not in text


def test_the_web_page_numbers_bolds_and_links(pages):
    html = pages["html"]
    assert '<span class="number">1.</span> Zofia Nowak' in html
    assert '<span class="number">2.</span> Anna Berg' in html
    assert "<strong>Yusuf Demir</strong>" in html
    assert '<a class="signatory-link" href="https://example.org/toolkit">Open Letter Toolkit</a>' in html
    # No heading line for the authors: the only group heading is the supporters'.
    assert re.findall(r'class="group-heading">([^<]*)<', html) == ["Supported by:"]


def test_no_salutation_the_letter_begins_with_its_text(pages):
    text = pages["txt"]
    assert "Dear" not in text
    assert in_order(text, "The Board\nAmsterdam", "We write to you")
    assert 'class="salutation"' not in pages["html"]


def test_date_none_prints_no_date_but_names_the_file_by_the_build_date(pages):
    assert "Amsterdam, 1 March 2024" in pages["txt"]
    undated = pages["undated_txt"]
    assert re.search(r"\d{4}", undated.split("We write to you")[0]) is None
    assert "<time" not in pages["undated_html"]
    assert re.fullmatch(r"letter_board_\d{4}-\d{2}-\d{2}\.txt", pages["undated_name"])


@pytest.mark.parametrize("engine", ENGINES)
def test_both_engines_print_numbers_links_and_order(project, tmp_path, engine):
    pdf = build_pdf(project, tmp_path, engine, "--date", "2024-03-01")
    text = pdf_text(pdf)
    flat = " ".join(text.split())
    assert in_order(flat, "Sincerely,", "1. Zofia Nowak", "2. Anna Berg", "Supported by:", "Yusuf Demir")
    # The address may wrap after "https://": compared without white space.
    assert "OpenLetterToolkit<https://example.org/toolkit>" in "".join(text.split())
    assert in_order(flat, "Aiko Tanaka", "Bruno Costa", "Carla Diaz")
    assert "Omar Said" not in flat and "Dear" not in flat
    # The one logo, beside its name in the supporters' group.
    assert sum(len(page.images) for page in pypdf.PdfReader(pdf).pages) == 1


def test_a_headingless_group_cannot_share_its_file(tmp_path):
    manifest = MANIFEST.replace("file: supporters.csv", "file: authors.yaml")
    project = write_project(tmp_path / "letter", {**FILES, "petition.yaml": manifest})
    result = petition("check", project)
    assert result.exit_code == 1
    assert "petition.yaml:7:5: error: a group without a heading shares authors.yaml with other groups" in result.stdout


def test_a_highlight_cell_must_be_true_or_false(tmp_path):
    project = write_project(tmp_path / "letter", {**FILES, "supporters.csv": SUPPORTERS.replace(",true", ",yes")})
    result = petition("check", project)
    assert result.exit_code == 1
    assert "supporters.csv:4:31: error: highlight must be true or false, not 'yes' [type-invalid]" in result.stdout


def test_a_link_needs_a_real_address(tmp_path):
    authors = AUTHORS.replace("https://example.org/toolkit", "example.org/toolkit")
    project = write_project(tmp_path / "letter", {**FILES, "authors.yaml": authors})
    result = petition("check", project)
    assert result.exit_code == 1
    assert "authors.yaml:8:12:" in result.stdout and "[url-invalid]" in result.stdout


def test_a_salutation_given_in_one_language_is_still_asked_of_every_edition(tmp_path):
    manifest = "title: Letter\ndate: 2020-01-15\nrecipient: board\ntranslations:\n  fr:\n    title: Lettre\n"
    recipients = "board:\n  name: The Board\n  salutation: Dear Board,\n"
    project = write_project(tmp_path / "letter", {"petition.yaml": manifest, "recipients.yaml": recipients})
    result = petition("check", project)
    assert "recipient 'board' has no salutation in 'fr'" in result.stdout
    project = write_project(
        tmp_path / "none", {"petition.yaml": manifest, "recipients.yaml": "board:\n  name: The Board\n"}
    )
    assert "has no salutation" not in petition("check", project).stdout


def test_the_web_page_shows_a_groups_logos_with_the_name_as_alternative_text(pages):
    html = pages["html"]
    assert re.search(r'<img class="logo" src="data:image/png;base64,[A-Za-z0-9+/=]+" alt="Carla Diaz">', html)
    assert 'class="signatory-list logo-grid"' in html
    # The authors' group does not show logos: one logo in the whole page.
    assert html.count('class="logo"') == 1


def test_a_logo_is_checked_like_every_image(tmp_path):
    outside = write_project(tmp_path / "outside", {**FILES, "supporters.csv": SUPPORTERS.replace("logos/", "../")})
    result = petition("check", outside, "--strict")
    assert result.exit_code == 1
    assert "supporters.csv:2:31: warning: image '../leiden.png' is left out: it is outside the project folder" in (
        result.stdout
    )
    without_logo = {name: content for name, content in FILES.items() if name != "logos/leiden.png"}
    missing = write_project(tmp_path / "missing", without_logo)
    result = petition("check", missing)
    assert "supporters.csv:2:31: error: image 'logos/leiden.png' not found in the project folder" in result.stdout
