"""What a new user met in their first hour: options, messages and data that surprised them."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

from conftest import DATA


def test_a_date_that_does_not_exist_is_named_as_such(run_cli, iap_project, tmp_path):
    result = run_cli("build", iap_project, "-f", "txt", "--date", "2018-02-30", "--output-dir", tmp_path)
    assert result.exit_code == 2
    assert "--date '2018-02-30' does not exist: day is out of range for month" in result.stderr
    assert list(tmp_path.iterdir()) == [iap_project]


def test_a_future_date_option_is_blamed_on_the_option_not_the_manifest(run_cli, iap_project, tmp_path):
    out = tmp_path / "out"
    result = run_cli("build", iap_project, "-f", "txt", "--date", "2999-01-01", "--output-dir", out)
    assert result.exit_code == 0
    assert "--date: warning: the letter's date 2999-01-01 is in the future [date-future]" in result.stderr
    assert "petition.yaml" not in result.stderr

    summary = json.loads(
        run_cli("build", iap_project, "-f", "txt", "--date", "2999-01-01", "--output-dir", out, "--json").stdout
    )
    (problem,) = summary["diagnostics"]
    assert (problem["file"], problem["line"], problem["column"], problem["rule"]) == (None, None, None, "date-future")


def test_a_future_date_in_the_manifest_points_at_the_manifest(run_cli, iap_project):
    manifest = iap_project / "petition.yaml"
    manifest.write_text(manifest.read_text(encoding="utf-8").replace("2017-09-05", "2999-01-01"), encoding="utf-8")
    result = run_cli("check", iap_project)
    assert "petition.yaml:4:7: warning: the letter's date 2999-01-01 is in the future" in result.stdout


def test_checking_a_file_of_the_project_says_it_is_not_the_manifest(run_cli, iap_project):
    for name in ("letter.md", "footnotes.yaml"):
        result = run_cli("check", iap_project / name)
        assert result.exit_code == 2
        assert f"{name} is not a petition.yaml; name its project folder instead" in result.stderr
        assert "yaml-syntax" not in result.stdout + result.stderr


def test_a_manifest_under_another_name_is_still_a_manifest(run_cli, iap_project, tmp_path):
    edition = tmp_path / "editions"
    shutil.copytree(iap_project, edition)
    (edition / "petition.yaml").rename(edition / "2017.yaml")
    result = run_cli("check", edition / "2017.yaml")
    assert result.exit_code == 0, result.stdout + result.stderr


def test_the_default_slug_keeps_the_letters_of_an_accented_folder_name(run_cli, tmp_path):
    project = tmp_path / "Lettre vélo"
    shutil.copytree(DATA, project)
    manifest = project / "petition.yaml"
    lines = manifest.read_text(encoding="utf-8").splitlines(keepends=True)
    manifest.write_text("".join(line for line in lines if not line.startswith("slug:")), encoding="utf-8")
    result = run_cli("build", project, "-f", "txt", "--output-dir", tmp_path / "out")
    assert result.exit_code == 0, result.stderr
    assert [p.name for p in (tmp_path / "out").iterdir()] == ["lettre-velo_iap-leadership_2017-09-05.txt"]


def test_choices_are_accepted_in_capitals(run_cli, iap_project, tmp_path):
    result = run_cli("build", iap_project, "-f", "TXT", "--paper", "A4", "--output-dir", tmp_path / "out")
    assert result.exit_code == 0, result.stderr
    assert [p.suffix for p in (tmp_path / "out").iterdir()] == [".txt"]
    result = run_cli("check", iap_project, "--output-format", "JSON")
    assert result.exit_code == 0 and result.stdout.strip() == "[]"


def test_shell_completion_of_to_offers_the_projects_recipients(iap_project):
    env = {**os.environ, "_PETITION_COMPLETE": "complete_bash", "COMP_WORDS": "petition build . --to iap-l"}
    env["COMP_CWORD"] = "4"
    petition = Path(sys.executable).parent / "petition"  # the completion variable is named after the program
    done = subprocess.run([petition], cwd=iap_project, env=env, capture_output=True, text=True, check=False)
    assert done.stdout.split() == ["iap-leadership"]


def _csv_project(iap_project: Path, content: bytes) -> Path:
    (iap_project / "signatories.yaml").unlink()
    (iap_project / "signatories.csv").write_bytes(content)
    manifest = iap_project / "petition.yaml"
    text = manifest.read_text(encoding="utf-8").replace("signatories: signatories.yaml", "signatories: signatories.csv")
    manifest.write_text(text, encoding="utf-8")
    return iap_project


def test_a_semicolon_separated_csv_from_excel_is_read(run_cli, iap_project, tmp_path):
    project = _csv_project(iap_project, "name;location;country\nCafé des Droits;Liège;BE\n".encode())
    result = run_cli("build", project, "-f", "txt", "--output", tmp_path / "letter.txt")
    assert result.exit_code == 0, result.stderr
    assert _signed((tmp_path / "letter.txt").read_text(encoding="utf-8")).endswith("Café des Droits, Liège\n")


def test_a_windows_1252_csv_gets_a_hint_naming_the_encoding(run_cli, iap_project):
    project = _csv_project(iap_project, "name,location\nCafé des Droits,Liège\n".encode("cp1252"))
    result = run_cli("check", project)
    assert result.exit_code == 2
    assert "signatories.csv:2:4: error: not UTF-8: byte 0xe9 cannot be decoded" in result.stdout
    assert "it looks like Windows-1252, where that byte is 'é'" in result.stdout


def test_a_blank_optional_value_is_absent_not_printed_as_spaces(run_cli, iap_project, tmp_path):
    project = _csv_project(iap_project, b"name,affiliation,location\nMarie Curie,  ,Paris\n")
    result = run_cli("build", project, "-f", "txt", "--output", tmp_path / "letter.txt")
    assert result.exit_code == 0, result.stderr
    assert "whitespace-stray" not in result.stderr
    assert _signed((tmp_path / "letter.txt").read_text(encoding="utf-8")).endswith("\nMarie Curie, Paris\n")


def test_a_letter_without_confirmed_signatories_is_warned_about(run_cli, iap_project):
    (iap_project / "signatories.yaml").write_text("[]\n", encoding="utf-8")
    result = run_cli("check", iap_project)
    assert result.exit_code == 0
    assert "signatories.yaml:1:1: warning: no confirmed signatory" in result.stdout
    assert run_cli("check", iap_project, "--strict").exit_code == 1


# The rule the text letter's notes stand under, after the signatories.
NOTES_RULE = "\n\n" + "-" * 20 + "\n"


def _signed(letter: str) -> str:
    """The text letter up to its notes: the signatories come last."""
    return letter.split(NOTES_RULE)[0] + "\n"


def _text_letter(run_cli, project: Path, tmp_path: Path, *options: str) -> str:
    out = tmp_path / "letter.txt"
    result = run_cli("build", project, "-f", "txt", "--output", out, *options)
    assert result.exit_code == 0, result.stderr
    return out.read_text(encoding="utf-8")


def test_width_bounds_every_line_it_can_break(run_cli, iap_project, tmp_path):
    text = _text_letter(run_cli, iap_project, tmp_path, "--width", "40")
    for line in text.splitlines():
        assert len(line) <= 40 or (" " not in line.strip() and "://" in line), line
    assert "Petition to the International\nAssociation of Prosecutors\n" in text
    assert "\nUNITED for Intercultural Action – the\n  European network against nationalism,\n" in text


def test_headings_are_underlined_and_images_left_out_say_nothing(run_cli, iap_project, tmp_path):
    (iap_project / "letter.md").write_text(
        "# Our demands\n\n## In detail\n\nSee ![a chart from elsewhere](https://example.org/c.png) here.\n",
        encoding="utf-8",
    )
    (iap_project / "footnotes.yaml").unlink()
    manifest = iap_project / "petition.yaml"
    manifest.write_text(manifest.read_text(encoding="utf-8").replace("footnotes: footnotes.yaml\n", ""), "utf-8")
    text = _text_letter(run_cli, iap_project, tmp_path)
    assert "\n\nOur demands\n===========\n\nIn detail\n---------\n\nSee here.\n" in text
    assert "chart" not in text


def test_chinese_text_wraps_between_characters_within_the_width(run_cli, iap_project, tmp_path):
    sentence = "国际检察官协会应当履行其愿景，加强努力维护这一职业的诚信。"
    (iap_project / "letter.md").write_text(sentence * 4 + "\n", encoding="utf-8")
    (iap_project / "footnotes.yaml").unlink()
    manifest = iap_project / "petition.yaml"
    manifest.write_text(manifest.read_text(encoding="utf-8").replace("footnotes: footnotes.yaml\n", ""), "utf-8")
    text = _text_letter(run_cli, iap_project, tmp_path, "--width", "30")
    body = text.split("dear members of the IAP,\n\n")[1].split("\n\n")[0].splitlines()
    assert "".join(body) == sentence * 4
    assert all(sum(2 if "\u4e00" <= c <= "\u9fff" or c in "，。" else 1 for c in line) <= 30 for line in body)
    assert len(body) == 8
    assert not any(line.startswith(("，", "。")) for line in body)


def test_output_without_format_takes_the_format_from_its_name(run_cli, iap_project, tmp_path):
    result = run_cli("build", iap_project, "--output", tmp_path / "x.txt")
    assert result.exit_code == 0, result.stderr
    assert (tmp_path / "x.txt").read_text(encoding="utf-8").startswith("Petition to the International Association")


def test_output_whose_name_says_another_format_or_none_is_refused(run_cli, iap_project, tmp_path):
    result = run_cli("build", iap_project, "-f", "txt", "-o", tmp_path / "a.html")
    assert result.exit_code == 2
    assert "--format txt contradicts --output" in result.stderr and "which names a html file" in result.stderr
    result = run_cli("build", iap_project, "-o", tmp_path / "notes.md")
    assert result.exit_code == 2
    assert "cannot tell the format of" in result.stderr and "add --format pdf, txt, html or docx" in result.stderr
    assert sorted(p.name for p in tmp_path.iterdir()) == ["iap"]


def test_output_and_output_dir_together_are_refused(run_cli, iap_project, tmp_path):
    result = run_cli("build", iap_project, "-o", tmp_path / "x.txt", "--output-dir", tmp_path / "out")
    assert result.exit_code == 2
    assert "--output names the file itself; leave out --output-dir" in result.stderr
    assert sorted(p.name for p in tmp_path.iterdir()) == ["iap"]


def test_output_dash_writes_the_letter_to_standard_output(run_cli, iap_project, tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    result = run_cli("build", iap_project, "-f", "html", "-o", "-")
    assert result.exit_code == 0, result.stderr
    assert result.stdout.startswith("<!DOCTYPE html>") and result.stdout.endswith("</html>\n")
    assert sorted(p.name for p in tmp_path.iterdir()) == ["iap"]
    result = run_cli("build", iap_project, "-f", "txt", "-o", "-", "--json")
    assert result.exit_code == 2
    assert json.loads(result.stdout)["error"].startswith("--json and --output - would both print")


def test_a_pdf_is_not_poured_onto_a_terminal(iap_project, tmp_path):
    import pty

    controller, terminal = pty.openpty()
    petition = Path(sys.executable).parent / "petition"
    done = subprocess.run(
        [petition, "build", iap_project, "-o", "-"], stdout=terminal, stderr=subprocess.PIPE, cwd=tmp_path, check=False
    )
    os.close(terminal)
    os.close(controller)
    assert done.returncode == 2
    assert b"a PDF is not written to a terminal; redirect it (> letter.pdf) or add --format txt" in done.stderr


def test_with_json_every_outcome_is_one_json_document(run_cli, iap_project, tmp_path):
    result = run_cli("build", iap_project, "--to", "nobody", "--json", "--output-dir", tmp_path / "out")
    assert result.exit_code == 2
    assert json.loads(result.stdout) == {
        "ok": False,
        "error": "unknown recipient 'nobody'; known recipients: iap-leadership, iap-members",
        "exit_code": 2,
    }
    # Usage errors Typer finds itself, before the command runs, as a user's shell sees them.
    petition = Path(sys.executable).parent / "petition"
    done = subprocess.run(
        [petition, "build", iap_project, "--paper", "b5", "--json"], capture_output=True, text=True, check=False
    )
    assert done.returncode == 2
    document = json.loads(done.stdout)
    assert document["ok"] is False and "'b5' is not one of 'a4', 'letter'" in document["error"]
    assert "Usage: petition build" in done.stderr


def test_a_note_called_twice_prints_both_calls_alike(run_cli, tmp_path):
    import pypdf

    from test_check_corpus import BASE

    project = tmp_path / "board"
    shutil.copytree(BASE, project)
    (project / "letter.md").write_text("We write twice[^report] and again[^report] about it.\n", encoding="utf-8")
    out = tmp_path / "out"
    assert run_cli("build", project, "-f", "pdf", "-f", "html", "--output-dir", out).exit_code == 0
    page = (out / "board_board_2020-01-15.html").read_text(encoding="utf-8")
    assert page.count('href="#note-1" role="doc-noteref">1</a>') == 2  # both calls link to the note on screen

    sizes: dict[str, list[float]] = {}

    def visit(text, cm, tm, font, size):
        if text.strip() == "1":
            sizes.setdefault("calls", []).append(round(size * tm[3] * cm[3], 2))

    pypdf.PdfReader(out / "board_board_2020-01-15.pdf").pages[0].extract_text(visitor_text=visit)
    calls = sizes["calls"]
    assert len(calls) >= 2 and calls[0] == calls[1], calls


def _positions(pdf: Path) -> dict[str, float]:
    """Where each line of the first page starts, from the top (pypdf's y grows upwards)."""
    import pypdf

    found: dict[str, float] = {}

    def visit(text, cm, tm, font, size):
        if text.strip():
            found.setdefault(text.strip(), tm[5] * cm[3] + cm[5])

    pypdf.PdfReader(pdf).pages[0].extract_text(visitor_text=visit)
    return found


def test_without_an_address_the_salutation_keeps_its_distance_from_the_date(run_cli, tmp_path):
    from test_check_corpus import BASE

    project = tmp_path / "board"
    shutil.copytree(BASE, project)
    (project / "recipients.yaml").write_text("board:\n  name: The Board\n  salutation: Dear members,\n", "utf-8")
    assert run_cli("build", project, "--output", tmp_path / "x.pdf").exit_code == 0
    lines = _positions(tmp_path / "x.pdf")
    date = next(y for text, y in lines.items() if "15 January 2020" in text)
    salutation = lines["Dear members,"]
    # More than one line of 10.5pt text at 1.5 (15.75pt): the head's margin lies between them.
    assert date - salutation > 25, (date, salutation)


def test_the_web_page_notes_start_flush_and_headings_are_not_smaller_than_text(run_cli, iap_project, tmp_path):
    (iap_project / "letter.md").write_text("### Our demands\n\nWe write[^china-lawyers] to you.\n", encoding="utf-8")
    result = run_cli("build", iap_project, "-f", "html", "--output", tmp_path / "x.html")
    assert result.exit_code == 0, result.stderr
    page = (tmp_path / "x.html").read_text(encoding="utf-8")
    assert 'role="doc-backlink">1</a>As documented' in page  # no space before the note's first line
    screen = page.split("@media screen {", 1)[1]
    assert "h3, h4, h5, h6 { font-size: 1em; }" in screen
    assert ".letter-body p, .letter-body li { text-align: left; }" in screen


COUNTRIES = (
    "- name: Norsk Helsingforskomité\n  country: 'NO'\n"
    "- name: Amnesty International\n"
    "- name: Article 19\n  location: London\n  country: GB\n"
    "- name: Ligue des droits de l'Homme\n  country: FR\n"
    "- name: Human Rights House\n  country: 'NO'\n  location: Oslo\n"
)


def test_the_country_name_stands_for_a_missing_location_in_the_letters_language(run_cli, iap_project, tmp_path):
    (iap_project / "signatories.yaml").write_text(COUNTRIES, encoding="utf-8")
    manifest = iap_project / "petition.yaml"
    manifest.write_text(manifest.read_text(encoding="utf-8").replace("language: en-GB", "language: de"), "utf-8")
    text = _text_letter(run_cli, iap_project, tmp_path)
    assert "\nNorsk Helsingforskomité, Norwegen\n" in text
    assert "\nLigue des droits de l'Homme, Frankreich\n" in text
    assert "\nArticle 19, London\n" in text and "\nAmnesty International\n" in text


def test_signatories_ordered_by_country_stand_under_each_countrys_name(run_cli, iap_project, tmp_path):
    (iap_project / "signatories.yaml").write_text(COUNTRIES, encoding="utf-8")
    manifest = iap_project / "petition.yaml"
    text = manifest.read_text(encoding="utf-8").replace("signatories_order: as-listed", "signatories_order: country")
    manifest.write_text(text.replace("language: en-GB", "language: fr"), encoding="utf-8")
    letter = _text_letter(run_cli, iap_project, tmp_path)
    tail = _signed(letter).split("Supporting organisations:\n\n", 1)[1]
    assert tail == (
        "France\n\nLigue des droits de l'Homme, France\n\n"
        "Norvège\n\nHuman Rights House, Oslo\nNorsk Helsingforskomité, Norvège\n\n"
        "Royaume-Uni\n\nArticle 19, London\n\n"
        "Amnesty International\n"
    )
    result = run_cli("build", iap_project, "-f", "html", "--output", tmp_path / "x.html")
    assert result.exit_code == 0, result.stderr
    page = (tmp_path / "x.html").read_text(encoding="utf-8")
    headings = [line for line in page.splitlines() if 'class="group-heading"' in line]
    assert [h.split(">")[1].split("<")[0] for h in headings] == ["France", "Norvège", "Royaume-Uni"]
