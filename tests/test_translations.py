"""Translated editions (docs/how-to/translate.md): one list of signatories, the letter in several languages."""

from __future__ import annotations

import json
import re
import shutil
import subprocess
from pathlib import Path

import pypdf
import pytest

from conftest import DATA
from projects import ENGINES, arabic_project

LEADERSHIP_FR = "iap-2017_iap-leadership_2017-09-05_fr"


@pytest.fixture(scope="module")
def both_languages(tmp_path_factory) -> Path:
    """data/ built with --lang all --to all in every format, once for the module."""
    from typer.testing import CliRunner

    from petitioncli.cli import app

    out = tmp_path_factory.mktemp("editions")
    args = ["build", str(DATA), "--lang", "all", "--to", "all", "-f", "txt", "-f", "html", "-f", "pdf"]
    result = CliRunner().invoke(app, [*args, "--output-dir", str(out), "--json"])
    assert result.exit_code == 0, result.output
    (out / "summary.json").write_text(result.stdout, encoding="utf-8")
    return out


def test_lang_all_writes_every_recipient_in_every_language_and_format(both_languages):
    names = sorted(p.name for p in both_languages.iterdir() if p.name != "summary.json")
    expected = sorted(
        f"iap-2017_{rid}_2017-09-05{tag}.{fmt}"
        for rid in ("iap-leadership", "iap-members")
        for tag in ("", "_fr")
        for fmt in ("txt", "html", "pdf")
    )
    assert names == expected
    summary = json.loads((both_languages / "summary.json").read_text(encoding="utf-8"))
    languages = {Path(f["path"]).name: f["language"] for f in summary["files"]}
    assert languages[f"{LEADERSHIP_FR}.pdf"] == "fr"
    assert languages["iap-2017_iap-leadership_2017-09-05.pdf"] == "en-GB"


def test_the_french_text_letter_is_french_throughout(both_languages):
    text = (both_languages / f"{LEADERSHIP_FR}.txt").read_text(encoding="utf-8")
    # The text letter sets French typography as the PDF does: apostrophes and « … ».
    assert text.startswith(
        "Pétition à l’Association internationale des procureurs et poursuivants\n\nLa Haye, 5 septembre 2017\n"
    )
    assert "Mesdames et Messieurs les membres du Comité exécutif et du Sénat de\nl’AIPP,\n" in text
    assert "« Challenges for Judicial" in text.replace("\u202f", " ")
    assert [int(n) for n in re.findall(r"^\[(\d)\] ", text, re.M)] == [1, 2, 3, 4, 5]

    def signatories(letter: str, heading: str) -> list[str]:
        listed = letter.split(heading)[1].split("\n\n-----")[0]
        return listed.replace("\n  ", " ").strip().split("\n")

    english = (both_languages / "iap-2017_iap-leadership_2017-09-05.txt").read_text(encoding="utf-8")
    french = signatories(text, "Organisations signataires\u00a0:\n\n")
    assert french == signatories(english, "Supporting organisations:\n\n")
    assert len(french) == 130


@pytest.fixture(params=ENGINES)
def engine(request) -> str:
    return request.param


def test_the_french_pdf_has_its_date_salutation_notes_and_language(both_languages, run_cli, tmp_path, engine):
    pdf = both_languages / f"{LEADERSHIP_FR}.pdf"
    if engine != "weasyprint":
        pdf = tmp_path / "fr.pdf"
        result = run_cli("build", DATA, "--lang", "fr", "--engine", engine, "--output", pdf)
        assert result.exit_code == 0, result.stderr
    reader = pypdf.PdfReader(pdf)
    text = " ".join(" ".join(page.extract_text().split()) for page in reader.pages)
    assert "La Haye, 5 septembre 2017" in text
    assert "Mesdames et Messieurs les membres du Comité exécutif et du Sénat de l’AIPP" in text
    assert "« Challenges for Judicial Independence" in text.replace("\u202f", " ")
    assert "Amnesty International" in text and "Youth Human Rights Movement" in text
    assert reader.trailer["/Root"]["/Lang"] == "fr"
    assert reader.metadata.title == "Pétition à l’Association internationale des procureurs et poursuivants"
    assert reader.metadata.author == "Comité Helsinki des Pays-Bas"


def test_the_french_page_is_french_and_the_english_one_unchanged(both_languages):
    page = (both_languages / f"{LEADERSHIP_FR}.html").read_text(encoding="utf-8")
    assert '<html lang="fr">' in page
    english = (both_languages / "iap-2017_iap-leadership_2017-09-05.html").read_text(encoding="utf-8")
    assert '<html lang="en-GB">' in english and "Mesdames" not in english


def test_one_language_is_chosen_by_its_tag_and_an_unknown_one_is_refused(run_cli, tmp_path):
    result = run_cli("build", DATA, "--lang", "FR", "-f", "txt", "--output-dir", tmp_path)
    assert result.exit_code == 0, result.stderr
    assert [p.name for p in tmp_path.iterdir()] == ["iap-2017_iap-leadership_2017-09-05_fr.txt"]
    result = run_cli("build", DATA, "--lang", "de", "-f", "txt", "--output-dir", tmp_path / "de")
    assert result.exit_code == 2
    assert "no edition in 'de'; the letter is written in: en-GB, fr" in result.stderr
    assert not (tmp_path / "de").exists()


def _translated_project(tmp_path: Path, body: str) -> Path:
    project = tmp_path / "letter"
    shutil.copytree(DATA, project)
    (project / "letter.fr.md").write_text(body, encoding="utf-8")
    return project


def test_a_translation_that_drops_a_note_is_reported_at_its_own_line(run_cli, tmp_path):
    french = (DATA / "letter.fr.md").read_text(encoding="utf-8")
    project = _translated_project(tmp_path, french.replace("[^azerbaijan-judiciary]", ""))
    result = run_cli("check", project)
    assert result.exit_code == 1
    assert (
        "letter.fr.md:5:1: error: this paragraph calls [^china-lawyers], [^ccje-ccpe-observations] where the "
        "original's calls [^china-lawyers], [^azerbaijan-judiciary], [^ccje-ccpe-observations] [translation-mismatch]"
    ) in result.stdout
    assert "footnote 'azerbaijan-judiciary' is never referenced in the letter [footnote-unused]" in result.stdout


def test_a_translation_that_drops_a_list_item_is_a_mismatch(run_cli, tmp_path):
    french = (DATA / "letter.fr.md").read_text(encoding="utf-8")
    last_item = french.rindex("\n- ")
    project = _translated_project(tmp_path, french[:last_item] + "\n")
    result = run_cli("check", project)
    assert result.exit_code == 1
    assert "letter.fr.md:19:1: error: the 'fr' translation has 8 paragraphs and 2 list items" in result.stdout
    assert "where the original has 8 paragraphs and 3 list items [translation-mismatch]" in result.stdout


def test_a_recipient_without_a_french_salutation_is_reported_at_recipients_yaml(run_cli, tmp_path):
    project = _translated_project(tmp_path, (DATA / "letter.fr.md").read_text(encoding="utf-8"))
    recipients = project / "recipients.yaml"
    text = recipients.read_text(encoding="utf-8")
    start = text.index("    fr: |-\n      Mesdames et Messieurs les membres de l'Association")
    end = text.index("  address:", start)
    recipients.write_text(text[:start] + text[end:], encoding="utf-8")
    result = run_cli("check", project)
    assert result.exit_code == 1
    assert "recipients.yaml:26:5: error: recipient 'iap-members' has no salutation in 'fr'" in result.stdout


def test_an_arabic_edition_is_laid_out_right_to_left(run_cli, tmp_path, engine):
    project = arabic_project(tmp_path / "board")
    out = tmp_path / "out"
    result = run_cli(
        "build", project, "--lang", "ar", "-f", "pdf", "-f", "html", "--output-dir", out, "--engine", engine
    )
    assert result.exit_code == 0, result.stderr
    assert '<html lang="ar" dir="rtl">' in (out / "board_board_2020-01-15_ar.html").read_text(encoding="utf-8")

    reader = pypdf.PdfReader(out / "board_board_2020-01-15_ar.pdf")
    assert reader.trailer["/Root"]["/Lang"] == "ar"
    page = reader.pages[0]
    width = float(page.mediabox.width)
    starts: dict[str, float] = {}

    def visit(text, cm, tm, font, size):
        if text.strip():
            starts.setdefault(text.strip(), tm[4] * cm[0] + cm[4])

    page.extract_text(visitor_text=visit)
    # Paragraphs start at the right margin: the first words sit in the right half of the page.
    opening = next(x for text, x in starts.items() if "نكتب" in text)
    assert opening > width / 2, starts
    english = next(x for text, x in starts.items() if "Amnesty International" in text)
    # The first of the two signatory columns is the right one.
    assert english > width / 2, starts
    lines = page.extract_text().split("\n")
    # The note's number before its text, and the page number still reading "1 / 1".
    assert "1 انظر" in "\n".join(lines) and lines[-1].strip() == "1 / 1", lines


@pytest.mark.skipif(
    bool(subprocess.run(["fc-list", ":lang=zh"], capture_output=True, text=True, check=False).stdout.strip()),
    reason="this machine has a Chinese font, so nothing prints as boxes",
)
def test_a_chinese_name_without_a_chinese_font_names_the_package_to_install(run_cli, iap_project, tmp_path):
    with (iap_project / "signatories.yaml").open("a", encoding="utf-8") as signatories:
        signatories.write("- name: 中国人权律师团\n  location: 北京\n")
    result = run_cli("build", iap_project, "--output", tmp_path / "letter.pdf")
    assert result.exit_code == 0, result.stderr
    assert "install fonts that cover them: fonts-noto-cjk (Noto Serif CJK)" in result.stderr
    assert "[glyph-missing]" in result.stderr


def test_a_build_of_one_edition_reports_a_missing_file_of_another_as_check_does(run_cli, tmp_path):
    project = tmp_path / "letter"
    shutil.copytree(DATA, project)
    (project / "letter.fr.md").unlink()
    expected = "petition.yaml:24:11: error: file not found: letter.fr.md [translation-missing]"
    checked = run_cli("check", project)
    assert checked.exit_code == 1 and expected in checked.stdout
    built = run_cli("build", project, "--lang", "en-GB", "-f", "txt", "--output-dir", tmp_path / "out")
    # The same rule and exit code as the README's table gives it (an error: exit 1), and nothing written.
    assert built.exit_code == 1 and expected in built.stderr
    assert not (tmp_path / "out").exists()
