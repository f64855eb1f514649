"""Signatory groups: each printed under its heading, with its count, in the order the manifest gives."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

from projects import ENGINES, build, build_pdf, in_order, pdf_text, petition, write_project

MANIFEST = """\
title: Letter to Google
date: 2018-05-14
signatories_order: alphabetical
signatories:
  - heading: Original signatories
    file: original.yaml
    count: true
  - heading: "Supporting organisations:"
    file: supporting.csv
    count: true
  - heading: Individuals
    file: supporting.csv
    count: true
"""
ORIGINAL = "- name: Zeta Rights\n- name: Alpha Watch\n  location: Geneva\n"
SUPPORTING = """\
name,title,group,status
Beta Forum,,Supporting organisations,
Gamma League,,supporting organisations,
Delta Union,,Supporting organisations,
Dana Kim,Researcher,Individuals,
Eli Moor,,Individuals,
Omar Said,,Individuals,pending
"""
FILES = {"petition.yaml": MANIFEST, "recipients.yaml": None, "original.yaml": ORIGINAL, "supporting.csv": SUPPORTING}


@pytest.fixture(scope="module")
def project(tmp_path_factory) -> Path:
    return write_project(tmp_path_factory.mktemp("groups") / "letter", {**FILES, "signatories.yaml": None})


@pytest.fixture(scope="module", params=ENGINES)
def letter(project, tmp_path_factory, request) -> dict[str, Path]:
    """The page and text letter, and the PDF from each engine."""
    out = tmp_path_factory.mktemp("out")
    return {**build(project, out, "html", "txt"), "pdf": build_pdf(project, out / request.param, request.param)}


HEADINGS_AND_MEMBERS = (
    "Original signatories (2)",
    "Alpha Watch",
    "Zeta Rights",
    "Supporting organisations (3):",
    "Beta Forum",
    "Delta Union",
    "Gamma League",
    "Individuals (2)",
    "Dana Kim",
    "Eli Moor",
)


@pytest.mark.parametrize("fmt", ["pdf", "html", "txt"])
def test_three_groups_print_three_headings_with_counts_in_order(letter, fmt):
    text = pdf_text(letter[fmt]) if fmt == "pdf" else letter[fmt].read_text(encoding="utf-8")
    assert in_order(text, *HEADINGS_AND_MEMBERS)
    assert "Omar Said" not in text


def test_group_headings_are_headings_on_the_page(letter):
    html = letter["html"].read_text(encoding="utf-8")
    assert '<h2 class="group-heading">Original signatories (2)</h2>' in html
    assert html.count('<ul class="signatory-list">') == 3


def test_the_text_letter_sets_each_group_apart(letter):
    text = letter["txt"].read_text(encoding="utf-8")
    assert "\n\nIndividuals (2)\n\nDana Kim, Researcher\nEli Moor\n" in text


def test_a_draft_counts_what_it_prints(tmp_path):
    project = write_project(tmp_path / "letter", {**FILES, "signatories.yaml": None})
    (txt,) = build(project, tmp_path / "out", "txt", extra=("--draft",)).values()
    assert "\n\nIndividuals (3)\n\n" in txt.read_text(encoding="utf-8")


def test_counts_are_written_as_the_letters_language_writes_numbers(tmp_path):
    many = "".join(f"- name: Person {n}\n" for n in range(1200))
    manifest = (
        "title: Brief\nlanguage: de\ndate: 2021-01-01\n"
        "signatories:\n  - {heading: Personen, file: s.yaml, count: true}\n"
    )
    project = write_project(tmp_path / "letter", {"petition.yaml": manifest, "recipients.yaml": None, "s.yaml": many})
    (txt,) = build(project, tmp_path / "out", "txt").values()
    assert "\n\nPersonen (1.200)\n\n" in txt.read_text(encoding="utf-8")


def test_an_entry_of_a_shared_file_must_say_its_group(tmp_path):
    rows = SUPPORTING.replace("Eli Moor,,Individuals,", "Eli Moor,,,").replace(
        "Dana Kim,Researcher,Individuals", "Dana Kim,Researcher,Individual"
    )
    project = write_project(tmp_path / "letter", {**FILES, "supporting.csv": rows})
    result = petition("check", project, "--output-format", "json")
    assert result.exit_code == 1
    found = [(d["rule"], Path(d["file"]).name, d["line"], d["column"], d["message"]) for d in json.loads(result.stdout)]
    assert found == [
        (
            "signatory-group",
            "supporting.csv",
            5,
            21,
            "group 'Individual' is not a group that reads supporting.csv; "
            "its groups are 'Supporting organisations:', 'Individuals'",
        ),
        (
            "signatory-group",
            "supporting.csv",
            6,
            1,
            "supporting.csv is read by several groups ('Supporting organisations:', 'Individuals'): "
            "say in `group` which this entry belongs to",
        ),
    ]


def test_add_does_not_guess_the_group_a_new_entry_belongs_to(tmp_path):
    project = write_project(tmp_path / "letter", {**FILES, "signatories.yaml": None})
    result = petition("signatories", "add", project, "--name", "Omega Trust")
    assert result.exit_code == 2
    assert "sorts its signatories into groups; add and import write into one list file" in result.stderr
    assert "Omega Trust" not in (project / "original.yaml").read_text(encoding="utf-8")


def test_stats_counts_every_group_file(tmp_path):
    project = write_project(tmp_path / "letter", {**FILES, "signatories.yaml": None})
    result = petition("signatories", "stats", project, "--json")
    assert result.exit_code == 0, result.stderr
    assert json.loads(result.stdout)["signatories"] == 8
    by_group = json.loads(result.stdout)["group"]
    assert by_group == {"Original signatories": 2, "Supporting organisations:": 3, "Individuals": 3}


def test_stats_shows_a_table_of_groups(tmp_path):
    project = write_project(tmp_path / "letter", {**FILES, "signatories.yaml": None})
    result = petition("signatories", "stats", project)
    assert result.exit_code == 0, result.stderr
    assert re.search(r"┃ group +┃ signatories ┃", result.stdout)
    assert re.search(r"│ Supporting organisations: │ +3 │\n│ Individuals +│ +3 │", result.stdout)


def test_diff_names_the_group_of_each_change_and_counts_by_group(tmp_path):
    old = write_project(tmp_path / "old", {**FILES, "signatories.yaml": None})
    new = write_project(tmp_path / "new", {**FILES, "signatories.yaml": None})
    supporting = new / "supporting.csv"
    supporting.write_text(
        SUPPORTING.replace("Gamma League,,supporting organisations,\n", "").replace(
            "Omar Said,,Individuals,pending", "Omar Said,,Individuals,confirmed\nLina Haddad,Lawyer,Individuals,"
        ),
        encoding="utf-8",
    )
    result = petition("diff", old, new)
    assert result.exit_code == 0, result.stderr
    assert (
        "Signatories: 1 joined, 1 left, 1 status changed "
        "(Individuals: 1 joined, 1 status changed; Supporting organisations:: 1 left)"
    ) in result.stdout
    assert "+ Lina Haddad [Individuals]" in result.stdout
    assert "- Gamma League [Supporting organisations:]" in result.stdout
    report = json.loads(petition("diff", old, new, "--json").stdout)["signatories"]
    assert report["by_group"] == {
        "Individuals": {"joined": 1, "pending": 0, "withdrawn": 0, "left": 0, "status_changed": 1, "changed": 0},
        "Supporting organisations:": {
            "joined": 0,
            "pending": 0,
            "withdrawn": 0,
            "left": 1,
            "status_changed": 0,
            "changed": 0,
        },
    }
    assert report["joined"][0]["group"] == "Individuals"


def test_diff_shows_a_change_to_the_manifests_groups(tmp_path):
    old = write_project(tmp_path / "old", {**FILES, "signatories.yaml": None})
    new = write_project(tmp_path / "new", {**FILES, "signatories.yaml": None})
    manifest = new / "petition.yaml"
    manifest.write_text(MANIFEST.replace("    count: true\n", "", 1), encoding="utf-8")
    result = petition("diff", old, new)
    assert result.exit_code == 0, result.stderr
    assert "~ signatories: 'heading: Original signatories, file: original.yaml, count: true\\n" in result.stdout
    assert "→ 'heading: Original signatories, file: original.yaml, count: false\\n" in result.stdout
