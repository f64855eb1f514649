"""What a reader sees printed the same by both engines: spaces, long words in tables, notes' marks, columns."""

from __future__ import annotations

from pathlib import Path

import pytest

from projects import ENGINES, build_pdf, pdf_text, write_project

WORD = "Menschenrechtsorganisationenvertreterversammlung"


@pytest.fixture(params=ENGINES)
def engine(request) -> str:
    return request.param


def printed(tmp_path: Path, engine: str, files: dict[str, str | None]) -> str:
    project = write_project(tmp_path / "letter", files)
    return pdf_text(build_pdf(project, tmp_path / "out", engine))


def test_doubled_and_stray_spaces_collapse_as_on_the_web_page(tmp_path, engine):
    signatories = '- name: "Amnesty   International"\n  location: "London  town"\n- name: "Article\\t 19"\n'
    table = "| Name | Place |\n| --- | --- |\n| Anna   Berg | Oslo \t  x |\n"
    text = printed(tmp_path, engine, {"letter.md": f"We   write.\n\n{table}", "signatories.yaml": signatories})
    for shown in ("We write.", "Anna Berg Oslo x", "Amnesty International, London town", "Article 19"):
        assert shown in text
    assert "  " not in text


def test_a_word_longer_than_its_column_breaks_inside_its_cell(tmp_path, engine):
    cell = f"Short words {WORD} end"
    table = f"| a | b | c |\n| --- | --- | --- |\n| {cell} | {cell} | {cell} |\n"
    lines = printed(tmp_path, engine, {"letter.md": f"We write[^report].\n\n{table}"}).split("\n")
    # Broken over lines of its cell, not printed whole across the next one.
    assert not [line for line in lines if WORD in line]
    assert WORD in "".join(line.strip() for line in lines)


def test_links_printed_as_notes_are_numbered_after_the_authors_notes_which_keep_theirs(tmp_path, engine):
    letter = "We [go](https://a.org/x) write[^a] and[^b] [see](https://c.org/y)[^a] end.\n"
    notes = "a: Note A.\nb: Note B.\n"
    text = " ".join(printed(tmp_path, engine, {"letter.md": letter, "footnotes.yaml": notes}).split())
    assert "We go3 write1 and2 see41 end." in text
    assert "3 <https://a.org/x> 1 Note A. 2 Note B. 4 <https://c.org/y>" in text
