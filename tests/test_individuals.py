"""Individuals sign with a title, an affiliation, or on behalf of an organisation."""

from __future__ import annotations

from pathlib import Path

import pypdf
import pytest

from projects import ENGINES, build, build_pdf, pdf_text, write_project

SIGNATORIES = """\
- name: Marie Curie
  title: Professor of Physics
  affiliation: University of Paris
  location: Paris
  sort_as: Curie
- name: Jane Doe
  title: Director
  on_behalf_of: Amnesty International
  location: London
- name: Amnesty International
- name: Albert Zweig
  location: Berlin
  sort_as: Zweig
"""
MANIFEST = "title: Pledge\ndate: 2016-03-01\nsignatories_order: alphabetical\n"


@pytest.fixture(scope="module")
def project(tmp_path_factory) -> Path:
    return write_project(
        tmp_path_factory.mktemp("individuals") / "pledge",
        {"petition.yaml": MANIFEST, "recipients.yaml": None, "signatories.yaml": SIGNATORIES},
    )


@pytest.fixture(scope="module", params=ENGINES)
def letter(project, tmp_path_factory, request) -> dict[str, Path]:
    """The page and text letter, and the PDF from each engine."""
    out = tmp_path_factory.mktemp("out")
    return {**build(project, out, "html", "txt"), "pdf": build_pdf(project, out / request.param, request.param)}


def test_an_individual_is_printed_as_name_title_affiliation_location(letter):
    # The notes close the text letter; the signatories end just before them.
    signed = letter["txt"].read_text(encoding="utf-8").split("\n\n" + "-" * 20 + "\n")[0]
    lines = signed.rstrip("\n").split("\n")[-4:]
    assert lines == [
        "Amnesty International",
        "Marie Curie, Professor of Physics, University of Paris, Paris",
        "Jane Doe, Director, on behalf of Amnesty International, London",
        "Albert Zweig, Berlin",
    ], "sorted by sort_as where given, else by the whole name"


def test_the_pdf_sets_the_name_apart_from_what_follows_it(letter):
    sizes: dict[str, float] = {}

    def visit(text, cm, tm, font, size):
        for word in ("Curie", "Professor", "Zweig", "Berlin"):
            if word in text:
                sizes.setdefault(word, size * tm[0] * cm[0])

    pypdf.PdfReader(letter["pdf"]).pages[0].extract_text(visitor_text=visit)
    assert sizes["Professor"] < sizes["Curie"] and sizes["Berlin"] < sizes["Zweig"]
    assert "Jane Doe, Director, on behalf of Amnesty International, London" in " ".join(pdf_text(letter["pdf"]).split())


def test_the_page_marks_what_follows_the_name(letter):
    html = letter["html"].read_text(encoding="utf-8")
    assert '<li>Marie Curie<span class="details">, Professor of Physics, University of Paris, Paris</span></li>' in html


def test_on_behalf_of_is_said_in_the_letters_language(tmp_path):
    project = write_project(
        tmp_path / "lettre",
        {
            "petition.yaml": "title: Lettre\nlanguage: fr\ndate: 2020-01-15\n",
            "recipients.yaml": None,
            "signatories.yaml": "- name: Jeanne Martin\n  on_behalf_of: Ligue des droits\n",
        },
    )
    (txt,) = build(project, tmp_path / "out", "txt").values()
    assert "\nJeanne Martin, au nom de Ligue des droits\n" in txt.read_text(encoding="utf-8")
