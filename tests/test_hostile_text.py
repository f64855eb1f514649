"""Control characters and invisible ones: refused or flagged in the data, escaped on the terminal."""

from __future__ import annotations

import json
import re
import shutil
from pathlib import Path

import pytest

from test_check_corpus import BASE, CSV_HEADER, MANIFEST

# What a terminal acts on: C0 and C1 controls, DEL, and the bidirectional overrides.
RAW_CONTROL = re.compile("[\x00-\x09\x0b-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069]")


@pytest.fixture
def project(tmp_path: Path) -> Path:
    target = tmp_path / "letter"
    shutil.copytree(BASE, target)
    return target


def problems(run_cli, project: Path) -> tuple[int, list[tuple[str, str, int, int]]]:
    result = run_cli("check", "--output-format", "json", cwd=project)
    return result.exit_code, [(p["rule"], p["file"], p["line"], p["column"]) for p in json.loads(result.stdout)]


# A YAML escape writes a control character that YAML itself would refuse raw.
ESCAPED_CONTROLS = {
    "signatory-name": ("signatories.yaml", '- name: "Evil\\e[2J Org"\n', 1, 9),
    "location-c1": ("signatories.yaml", '- name: Evil Org\n  location: "Lon\\x9bdon"\n', 2, 13),
    "title": ("petition.yaml", MANIFEST.replace("Letter to the Board", '"Letter\\x07 to the Board"'), 1, 8),
    "keywords": ("petition.yaml", MANIFEST + 'keywords: [fine, "bell\\a"]\n', 5, 11),
    "salutation": ("recipients.yaml", 'board:\n  name: The Board\n  salutation: "Dear\\b all,"\n', 3, 15),
    "address": ("recipients.yaml", 'board:\n  name: B\n  salutation: Dear all,\n  address: ["\\0"]\n', 4, 12),
    "footnote": ("footnotes.yaml", 'report: "See \\e]8;;https://evil.example\\e\\\\the report"\n', 1, 9),
    "footnote-id": ("footnotes.yaml", 'report: See it.\n"spare\\e": Never cited.\n', 2, 1),
}


@pytest.mark.parametrize(("name", "content", "line", "column"), ESCAPED_CONTROLS.values(), ids=ESCAPED_CONTROLS.keys())
def test_a_control_character_written_as_a_yaml_escape_is_an_error(
    run_cli, project, tmp_path, name, content, line, column
):
    (project / name).write_text(content, encoding="utf-8")
    code, found = problems(run_cli, project)
    assert code == 1
    assert ("text-control", name, line, column) in found
    result = run_cli("build", project, "--format", "txt", "--output-dir", tmp_path / "out")
    assert result.exit_code == 1 and not (tmp_path / "out").exists()


@pytest.mark.parametrize(
    ("name", "content", "line", "column"),
    [
        ("letter.md", "We write[^report] \x9b2J to you.\n", 1, 19),
        ("signatories.csv", CSV_HEADER + "Evil\x9b[2J Org,,,,\n", 2, 5),
    ],
    ids=["letter-c1", "csv-c1"],
)
def test_a_raw_c1_control_is_an_error_like_any_other(run_cli, project, name, content, line, column):
    if name.endswith(".csv"):
        (project / "petition.yaml").write_text(MANIFEST + "signatories: signatories.csv\n", encoding="utf-8")
    (project / name).write_text(content, encoding="utf-8")
    assert problems(run_cli, project) == (1, [("text-control", name, line, column)])


@pytest.mark.parametrize(
    ("content", "expected"),
    [
        ('- name: "Amnesty\\u202eInternational"\n', [("text-invisible", "signatories.yaml", 1, 9)]),
        ("- name: Amnesty\u2066 International\u2069\n", [("text-invisible", "signatories.yaml", 1, 9)]),
        ("- name: Amnesty\u200bInternational\n", [("text-invisible", "signatories.yaml", 1, 9)]),
        # ZWNJ is how Persian writes many words; the joiner, how emoji combine: neither is flagged.
        ("- name: \u06a9\u0627\u0646\u0648\u0646 \u0645\u06cc\u200c\u0631\u0648\u062f\n", []),
        ("- name: Team \U0001f469\u200d\U0001f4bb\n", []),
    ],
    ids=["override-escaped", "isolate-raw", "zero-width-space", "persian", "emoji"],
)
def test_invisible_characters_that_change_a_name_are_a_warning(run_cli, project, content, expected):
    (project / "signatories.yaml").write_text(content, encoding="utf-8")
    code, found = problems(run_cli, project)
    # An emoji may have no glyph on this machine (glyph-missing): only the invisible characters matter here.
    assert (code, [problem for problem in found if problem[0] == "text-invisible"]) == (0, expected)


def test_an_invisible_character_in_a_csv_cell_is_found_at_its_column(run_cli, project):
    (project / "petition.yaml").write_text(MANIFEST + "signatories: signatories.csv\n", encoding="utf-8")
    (project / "signatories.csv").write_text(CSV_HEADER + "Article 19,Lon\u202edon,,,\n", encoding="utf-8")
    assert problems(run_cli, project) == (0, [("text-invisible", "signatories.csv", 2, 15)])


def test_names_that_differ_only_by_an_invisible_character_are_duplicates(run_cli, project):
    (project / "signatories.yaml").write_text(
        "- name: Amnesty International\n- name: Amnesty Inter\u200bnational  # noqa: text-invisible\n",
        encoding="utf-8",
    )
    assert problems(run_cli, project) == (1, [("signatory-duplicate", "signatories.yaml", 2, 3)])


@pytest.fixture
def escaped_folder(project: Path) -> Path:
    """A project whose folder's name holds an escape sequence and a line break, with one warning inside."""
    folder = project.parent / "evil\x1b[2J\nname"
    project.rename(folder)
    (folder / "signatories.yaml").write_text('- name: Amnesty\n  url: http://amnesty.org\n- name: "Lon\\u202edon"\n')
    return folder


def test_file_names_and_messages_reach_the_terminal_escaped(run_cli, escaped_folder):
    human = run_cli("check", escaped_folder.name, cwd=escaped_folder.parent, env={"FORCE_COLOR": None})
    github = run_cli("check", escaped_folder.name, "--output-format", "github", cwd=escaped_folder.parent)
    for output in (human.stdout, github.stdout):
        assert not RAW_CONTROL.search(output), output
    assert "evil\\u001b[2J\\nname/signatories.yaml:2:8: warning:" in human.stdout
    assert "'Lon\\u202edon'" in human.stdout
    assert "::warning file=evil\\u001b[2J\\nname/signatories.yaml,line=2,col=8," in github.stdout
    assert len(github.stdout.splitlines()) == 2


@pytest.mark.parametrize("output_format", ["json", "gitlab"])
def test_machine_formats_escape_what_a_terminal_would_act_on(run_cli, escaped_folder, output_format):
    (escaped_folder / "signatories.yaml").write_text('- name: "Evil\\x9b[2J\\u202eOrg"\n- name: "evil\\x9b[2Jorg"\n')
    result = run_cli("check", escaped_folder.name, "--output-format", output_format, cwd=escaped_folder.parent)
    assert not RAW_CONTROL.search(result.stdout.replace("\n", "")), result.stdout
    messages = json.dumps(json.loads(result.stdout), ensure_ascii=False)
    assert "Evil\x9b[2J\u202eOrg" in messages


@pytest.mark.parametrize(
    ("name", "old", "new", "line"),
    [
        ("petition.yaml", "place: La Haye", 'place: "La\\e[2J Haye"', 19),
        ("recipients.yaml", "fr: Comité exécutif et Sénat de l'AIPP", 'fr: "Comit\\x9b exécutif"', 3),
        ("footnotes.fr.yaml", "china-lawyers: >-", 'extra: "\\e[31m"\nchina-lawyers: >-', 1),
    ],
    ids=["translated-place", "translated-recipient-name", "translated-footnote"],
)
def test_a_translation_is_held_to_the_same_characters(run_cli, bilingual, name, old, new, line):
    path = bilingual / name
    path.write_text(path.read_text(encoding="utf-8").replace(old, new, 1), encoding="utf-8")
    code, found = problems(run_cli, bilingual)
    assert code == 1
    assert [(rule, file, at) for rule, file, at, _ in found if rule == "text-control"] == [("text-control", name, line)]


@pytest.mark.parametrize("command", ["init", "schema"])
def test_a_folder_named_with_markup_and_escapes_is_printed_as_it_is_named(run_cli, tmp_path, command):
    folder = "letter[/bold]\x1b[31m"
    args = (folder,) if command == "init" else ("--output", folder)
    result = run_cli(command, *args, cwd=tmp_path)
    assert result.exit_code == 0, result.stderr
    output = result.stdout + result.stderr
    assert not RAW_CONTROL.search(output.replace("\n", "")), output
    assert "letter[/bold]\\u001b[31m/" in result.stdout
    if command == "init":
        assert "`petition check letter[/bold]\\u001b[31m`" in result.stderr


def test_a_translated_epigraph_is_read_for_control_characters_as_the_original_is(run_cli, project):
    (project / "petition.yaml").write_text(
        MANIFEST
        + "epigraph: epigraph.md\n"
        + "translations:\n  fr:\n    title: Lettre\n    place: Amsterdam\n    body: letter.fr.md\n"
        + "    footnotes: footnotes.fr.yaml\n    epigraph: epigraph.fr.md\n",
        encoding="utf-8",
    )
    files = {
        "letter.md": "We write to you[^report].\n",
        "epigraph.md": "*Nothing about us without us.*\n",
        "epigraph.fr.md": "*Rien sur nous\x1b[2J sans nous.*\n",
        "letter.fr.md": "Nous vous écrivons[^report].\n",
        "footnotes.fr.yaml": "report: Voir le rapport.\n",
        "recipients.yaml": "board:\n  name: The Board\n  salutation: {en: 'Dear Board,', fr: 'Mesdames, Messieurs,'}\n",
    }
    for name, text in files.items():
        (project / name).write_text(text, encoding="utf-8")
    assert problems(run_cli, project) == (1, [("text-control", "epigraph.fr.md", 1, 15)])
