"""Statements and pledges: letters to the public, with no recipient and no place."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from projects import ENGINES, build, build_pdf, pdf_text, petition, write_project

STATEMENT = "title: Statement on Digital Rights\ndate: 2019-05-20\nslug: statement\n"


@pytest.fixture(scope="module")
def statement(tmp_path_factory) -> Path:
    root = tmp_path_factory.mktemp("statement")
    return write_project(root / "statement", {"petition.yaml": STATEMENT, "recipients.yaml": None})


@pytest.fixture(scope="module", params=ENGINES)
def outputs(statement, tmp_path_factory, request) -> dict[str, Path]:
    """The page and text letter, and the PDF from each engine."""
    out = tmp_path_factory.mktemp("out")
    return {**build(statement, out, "html", "txt"), "pdf": build_pdf(statement, out / request.param, request.param)}


def test_a_statement_without_recipient_or_place_checks_clean(statement):
    result = petition("check", statement, "--strict")
    assert result.exit_code == 0, result.stdout


def test_a_statement_builds_one_letter_named_without_a_recipient(outputs):
    assert sorted(path.name for path in outputs.values()) == [
        "statement_2019-05-20.html",
        "statement_2019-05-20.pdf",
        "statement_2019-05-20.txt",
    ]


@pytest.mark.parametrize("fmt", ["pdf", "html", "txt"])
def test_a_statement_has_no_salutation_and_the_date_alone(outputs, fmt):
    text = pdf_text(outputs[fmt]) if fmt == "pdf" else outputs[fmt].read_text(encoding="utf-8")
    assert "None" not in text
    assert "Dear" not in text and 'class="salutation"' not in text and 'class="address"' not in text
    assert "20 May 2019" in text and ", 20 May 2019" not in text
    assert "We write to you about the state of things" in text


def test_the_text_statement_goes_from_date_to_body(outputs):
    lines = outputs["txt"].read_text(encoding="utf-8").split("\n")
    assert lines[:5] == [
        "Statement on Digital Rights",
        "",
        "20 May 2019",
        "",
        "We write to you about the state of things[1].",
    ]


def test_every_recipient_of_a_statement_is_the_one_letter(statement, tmp_path):
    result = petition("build", statement, "--to", "all", "--format", "txt", "--output-dir", tmp_path, "--json")
    assert result.exit_code == 0, result.stderr
    (written,) = json.loads(result.stdout)["files"]
    assert written["recipient"] is None and written["path"].endswith("statement_2019-05-20.txt")


def test_a_letter_may_name_no_place_and_keep_its_recipient(tmp_path):
    project = write_project(
        tmp_path / "letter", {"petition.yaml": "title: Letter\ndate: 2020-01-15\nrecipient: board\n"}
    )
    (txt,) = build(project, tmp_path / "out", "txt").values()
    assert txt.name == "letter_board_2020-01-15.txt"
    assert "\n\n15 January 2020\n\nThe Board\nAmsterdam\n\nDear members of the Board," in txt.read_text(
        encoding="utf-8"
    )


def test_a_named_recipient_still_needs_recipients_yaml(tmp_path):
    project = write_project(tmp_path / "letter", {"recipients.yaml": None})
    result = petition("check", project)
    assert result.exit_code == 2
    assert "file not found: recipients.yaml" in result.stdout
