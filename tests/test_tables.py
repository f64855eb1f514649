"""GFM tables in the letter: set as tables in the PDF and the web page, as aligned columns in the text letter."""

from __future__ import annotations

import re
import shutil
from pathlib import Path

import pypdf
import pytest

from conftest import DATA
from projects import ENGINES, build, build_pdf, pdf_text, write_project

TABLE = (
    "We write to you about the state of things.\n\n"
    "| Country | Cases | Source |\n"
    "|:--|--:|:-:|\n"
    "| Azerbaijan | 142 | *our count*[^report] |\n"
    "| Kazakhstan | 7 | |\n\n"
    "We ask the Board to act.\n"
)


@pytest.fixture(scope="module")
def project(tmp_path_factory) -> Path:
    return write_project(tmp_path_factory.mktemp("tables") / "letter", {"letter.md": TABLE})


@pytest.fixture(scope="module", params=ENGINES)
def letters(project, tmp_path_factory, request) -> dict[str, Path]:
    """The page and text letter, and the PDF from each engine."""
    out = tmp_path_factory.mktemp("out")
    return {**build(project, out, "html", "txt"), "pdf": build_pdf(project, out / request.param, request.param)}


def test_the_pdf_prints_the_cells_not_the_pipes(letters):
    text = pdf_text(letters["pdf"])
    assert "|" not in text
    assert re.search(r"Country\s+Cases\s+Source", text)
    assert re.search(r"Azerbaijan\s+142\s+our count1\s+Kazakhstan\s+7", text)
    assert "See The State of Things" in text  # the note called from a cell is printed


def test_the_web_page_has_a_table_with_its_alignment_and_linked_note_call(letters):
    html = letters["html"].read_text(encoding="utf-8")
    assert "|" not in html.split("<body", 1)[1].split("</table>")[0]
    assert '<th class="align-left">Country</th><th class="align-right">Cases</th>' in html
    assert '<td class="align-right">142</td>' in html
    assert '<table data-notes="1">' in html
    assert 'href="#note-1" role="doc-noteref">1</a>' in html


def test_the_text_letter_sets_the_table_in_aligned_columns(letters):
    text = letters["txt"].read_text(encoding="utf-8")
    assert (
        "Country     Cases     Source\n"
        "----------  -----  ------------\n"
        "Azerbaijan    142  our count[1]\n"
        "Kazakhstan      7\n"
    ) in text


def test_a_table_wider_than_the_text_letter_becomes_one_record_per_row(run_cli, tmp_path):
    project = write_project(tmp_path / "letter", {"letter.md": TABLE})
    out = tmp_path / "letter.txt"
    assert run_cli("build", project, "-f", "txt", "--width", "24", "-o", out).exit_code == 0
    text = out.read_text(encoding="utf-8")
    assert "Country: Azerbaijan\nCases: 142\nSource: our count[1]\n\nCountry: Kazakhstan\nCases: 7\n\n" in text
    assert all(len(line) <= 24 for line in text.splitlines() if "://" not in line)


def test_check_finds_problems_inside_a_cell_at_their_column(run_cli, tmp_path):
    project = write_project(tmp_path / "letter", {"letter.md": TABLE.replace("[^report]", "[^reprot]")})
    result = run_cli("check", project)
    assert result.exit_code == 1
    assert "letter.md:5:33: error: footnote 'reprot' is not defined in footnotes.yaml" in result.stdout


def test_a_translation_that_drops_a_table_row_is_a_mismatch(run_cli, tmp_path):
    project = tmp_path / "letter"
    shutil.copytree(DATA, project)
    rows = "| Pays | Nombre |\n|--|--|\n| France | 12 |\n| Espagne | 3 |\n"
    for name, table in (("letter.md", rows), ("letter.fr.md", rows.rsplit("| Espagne", 1)[0])):
        path = project / name
        path.write_text(path.read_text(encoding="utf-8") + "\n" + table, encoding="utf-8")
    result = run_cli("check", project)
    assert result.exit_code == 1
    assert (
        "the 'fr' translation has 8 paragraphs, 3 list items and 2 table rows where the original has "
        "8 paragraphs, 3 list items and 3 table rows [translation-mismatch]"
    ) in result.stdout


def _columns(count: int, cell: str) -> str:
    return "|" + "|".join(f"h{i}" for i in range(count)) + "|\n|" + "--|" * count + "\n|" + f"{cell}|" * count + "\n"


def test_a_table_wider_than_a_page_is_refused_and_nothing_is_built(run_cli, tmp_path):
    project = write_project(tmp_path / "letter", {"letter.md": "We write[^report].\n\n" + _columns(13, "x")})
    result = run_cli("check", project)
    assert result.exit_code == 1
    assert "letter.md:3:1: error: this table has 13 columns; a page sets at most 12 side by side" in result.stdout
    assert run_cli("build", project, "-f", "pdf", "--output-dir", tmp_path / "out").exit_code == 1
    assert not (tmp_path / "out").exists()


@pytest.mark.parametrize("engine", ENGINES)
def test_long_addresses_in_twelve_columns_stay_on_the_page(run_cli, tmp_path, engine):
    address = "https://example.org/a/very/long/address/of/a/source"
    project = write_project(tmp_path / "letter", {"letter.md": "We write[^report].\n\n" + _columns(12, address)})
    out = tmp_path / "letter.pdf"
    assert run_cli("build", project, "-f", "pdf", "-o", out, "--engine", engine).exit_code == 0
    page = pypdf.PdfReader(out).pages[0]
    width = float(page.mediabox.width)
    starts: list[float] = []

    def start(text, cm, tm, font, size):
        if text.strip():
            starts.append(cm[0] * tm[4] + cm[2] * tm[5] + cm[4])

    page.extract_text(visitor_text=start)
    assert starts and max(starts) < width - 50  # every piece of text starts inside the right margin
    assert "h11" in pdf_text(out)
