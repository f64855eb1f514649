"""`petition init`: a new project that checks clean and builds, written all or nothing, never over a file."""

from __future__ import annotations

import json
import os
import re
from pathlib import Path

import jsonschema
import pytest
import yaml
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from petitioncli.build import validate
from petitioncli.diagnostics import PetitionError
from petitioncli.fields import specs
from petitioncli.init import init_project
from petitioncli.model import Manifest, Recipient

# 1 March 2024, so that file names and dates in letters are known.
TODAY = {"SOURCE_DATE_EPOCH": "1709294400"}
MODELINE = re.compile(r"# yaml-language-server: \$schema=(\S+)\n")
CREATED = [
    "petition.yaml",
    "letter.md",
    "footnotes.yaml",
    "signatories.yaml",
    "recipients.yaml",
    "schemas/petition.schema.json",
    "schemas/footnotes.schema.json",
    "schemas/signatories.schema.json",
    "schemas/recipients.schema.json",
]


def snapshot(folder: Path) -> dict[str, bytes | str]:
    """Every entry under `folder`: a file's bytes, a link's target, a folder as such."""
    found: dict[str, bytes | str] = {}
    for path in sorted(folder.rglob("*")):
        key = str(path.relative_to(folder))
        if path.is_symlink():
            found[key] = "-> " + os.readlink(path)
        elif path.is_dir():
            found[key] = "folder"
        else:
            found[key] = path.read_bytes()
    return found


def test_a_new_project_checks_strictly_and_builds(run_cli, tmp_path):
    result = run_cli("init", "my-letter", cwd=tmp_path)
    assert result.exit_code == 0, result.stderr
    assert result.stdout.split() == [f"my-letter/{name}" for name in CREATED]
    assert "petition check my-letter" in result.stderr

    result = run_cli("check", "my-letter", "--strict")
    assert result.exit_code == 0, result.stdout
    assert "No problems in 5 files." in result.stdout

    result = run_cli("build", "my-letter", "--format", "pdf", "--format", "txt", env=TODAY)
    assert result.exit_code == 0, result.stderr
    assert (tmp_path / "dist/my-letter_addressee_2024-03-01.pdf").read_bytes().startswith(b"%PDF-")
    text = (tmp_path / "dist/my-letter_addressee_2024-03-01.txt").read_text(encoding="utf-8")
    assert text.startswith("Open letter\n\nYour town, 1 March 2024\n\nDear Sir or Madam,\n\nWrite the letter here.")
    # The signatories, then the notes under their rule at the very end.
    assert "\nYour organisation, Your town\n\n" + "-" * 20 + "\n[1] " in text
    # The comment that explains letter.md is for its editors only.
    assert "Markdown" not in text


def test_title_and_language_are_the_letters(run_cli, tmp_path):
    title = "Stop the dam: a letter to the 'Ministère'"
    result = run_cli("init", tmp_path / "lettre", "--title", title, "--language", "fr")
    assert result.exit_code == 0, result.stderr
    result = run_cli("build", tmp_path / "lettre", "--format", "txt", "--output-dir", tmp_path, env=TODAY)
    assert result.exit_code == 0, result.stderr
    text = (tmp_path / "lettre_addressee_2024-03-01.txt").read_text(encoding="utf-8")
    # The title as French typography sets it: guillemets with a narrow no-break space inside.
    french = "Stop the dam: a letter to the «\u202fMinistère\u202f»"
    assert text.startswith(f"{french}\n\nVotre ville, 1 mars 2024\n\nMadame, Monsieur,\n")


def test_every_yaml_file_names_a_schema_init_wrote_beside_it_and_follows_it(run_cli, tmp_path):
    assert run_cli("init", tmp_path).exit_code == 0
    for name in ("petition.yaml", "footnotes.yaml", "signatories.yaml", "recipients.yaml"):
        text = (tmp_path / name).read_text(encoding="utf-8")
        match = MODELINE.match(text)
        assert match, f"{name} does not start with a yaml-language-server line"
        schema = json.loads((tmp_path / match.group(1)).read_text(encoding="utf-8"))
        jsonschema.Draft202012Validator(schema).validate(yaml.safe_load(text))


def explained_keys(text: str) -> dict[str, str]:
    """Each key of a commented YAML file (set or commented out) and the comment above it, as one line."""
    found = {}
    for block in text.split("\n\n"):
        *comments, last = block.strip().split("\n")
        if match := re.fullmatch(r"(?:# )?(\w+):.*", last.strip()):
            found[match.group(1)] = " ".join(line.strip().removeprefix("# ") for line in comments)
    return found


@pytest.mark.parametrize(("file_name", "record"), [("petition.yaml", Manifest), ("recipients.yaml", Recipient)])
def test_every_key_is_explained_with_what_check_reports(run_cli, tmp_path, file_name, record):
    assert run_cli("init", tmp_path).exit_code == 0
    explained = explained_keys((tmp_path / file_name).read_text(encoding="utf-8"))
    assert list(explained) == list(specs(record))
    for key, spec in specs(record).items():
        assert spec.description in explained[key]
        for rule in spec.reported_under:
            assert rule.id in explained[key]


def test_set_keys_and_optional_ones(run_cli, tmp_path):
    assert run_cli("init", tmp_path).exit_code == 0
    manifest = (tmp_path / "petition.yaml").read_text(encoding="utf-8")
    assert "# check: field-missing, field-empty\ntitle: Open letter\n" in manifest
    assert "# check: language-invalid\nlanguage: en-GB\n" in manifest
    assert "# check: date-invalid, date-future\n# date: 2017-09-05\n" in manifest


def test_the_example_signatories_check_clean_once_uncommented(run_cli, tmp_path):
    assert run_cli("init", tmp_path).exit_code == 0
    signatories = tmp_path / "signatories.yaml"
    example = re.findall(r"^# ((?:- |  )\w+: .*)$", signatories.read_text(encoding="utf-8"), re.M)
    signatories.write_text("\n".join(example) + "\n", encoding="utf-8")
    result = run_cli("check", tmp_path, "--strict")
    assert result.exit_code == 0, result.stdout
    result = run_cli("build", tmp_path, "--format", "txt", "--draft", "--output", tmp_path / "letter.txt")
    text = (tmp_path / "letter.txt").read_text(encoding="utf-8")
    assert "Amnesty International, London" in text
    assert "Jane Doe, Utrecht University" in text


@pytest.mark.parametrize("in_the_way", ["petition.yaml", "letter.md", "schemas/recipients.schema.json"])
def test_init_refuses_a_folder_with_any_file_it_would_write_and_changes_nothing(run_cli, tmp_path, in_the_way):
    (tmp_path / in_the_way).parent.mkdir(parents=True, exist_ok=True)
    (tmp_path / in_the_way).write_text("mine\n", encoding="utf-8")
    (tmp_path / "README.md").write_text("notes\n", encoding="utf-8")
    before = snapshot(tmp_path)
    result = run_cli("init", tmp_path)
    assert result.exit_code == 1
    assert f"would overwrite {tmp_path / in_the_way}" in result.stderr
    assert "nothing was written" in result.stderr
    assert snapshot(tmp_path) == before


def test_init_refuses_a_folder_holding_a_letter(run_cli, iap_project):
    before = snapshot(iap_project)
    result = run_cli("init", iap_project)
    assert result.exit_code == 1
    assert snapshot(iap_project) == before


def test_init_writes_beside_other_files_of_the_folder(run_cli, tmp_path):
    (tmp_path / "README.md").write_text("notes\n", encoding="utf-8")
    assert run_cli("init", tmp_path).exit_code == 0
    assert (tmp_path / "README.md").read_text(encoding="utf-8") == "notes\n"


def test_init_never_follows_a_link_out_of_the_folder(run_cli, tmp_path):
    outside = tmp_path / "outside"
    outside.mkdir()
    project = tmp_path / "project"
    project.mkdir()
    (project / "schemas").symlink_to(outside)
    result = run_cli("init", project)
    assert result.exit_code == 1
    assert "a link out of it" in result.stderr
    assert list(outside.iterdir()) == []
    assert snapshot(project) == {"schemas": f"-> {outside}"}


def test_a_dangling_link_is_in_the_way_too(run_cli, tmp_path):
    (tmp_path / "letter.md").symlink_to(tmp_path.parent / "elsewhere.md")
    result = run_cli("init", tmp_path)
    assert result.exit_code == 1
    assert not (tmp_path.parent / "elsewhere.md").exists()
    assert snapshot(tmp_path) == {"letter.md": f"-> {tmp_path.parent / 'elsewhere.md'}"}


def test_a_failed_write_removes_what_the_run_created(run_cli, tmp_path, monkeypatch):
    from petitioncli.output import staging

    synced = []
    real_fsync = staging.os.fsync

    def disk_full_at_the_fourth_file(fd: int) -> None:
        if len(synced) == 3:
            raise OSError(28, "No space left on device")
        synced.append(fd)
        real_fsync(fd)

    monkeypatch.setattr(staging.os, "fsync", disk_full_at_the_fourth_file)
    (tmp_path / "kept").mkdir()
    result = run_cli("init", tmp_path / "kept" / "new" / "letter")
    assert result.exit_code == 2
    assert "No space left on device" in result.stderr
    assert len(synced) == 3
    assert snapshot(tmp_path) == {"kept": "folder"}


@pytest.mark.parametrize(
    ("option", "value", "message"),
    [
        ("--title", "   ", "--title must not be blank"),
        ("--title", "Stop  the dam", "--title has a double space"),
        ("--title", "Two\nlines", "--title must be one line of text"),
        ("--language", "xx-nonsense-tag", "unknown language tag 'xx-nonsense-tag'"),
    ],
)
def test_a_bad_option_writes_nothing(run_cli, tmp_path, option, value, message):
    result = run_cli("init", tmp_path / "letter", option, value)
    assert result.exit_code == 2
    assert message in result.stderr
    assert list(tmp_path.iterdir()) == []


def test_a_file_given_as_the_folder_is_refused(run_cli, tmp_path):
    (tmp_path / "notes.txt").write_text("mine\n", encoding="utf-8")
    result = run_cli("init", tmp_path / "notes.txt")
    assert result.exit_code == 1
    assert (tmp_path / "notes.txt").read_text(encoding="utf-8") == "mine\n"


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(title=st.text(min_size=1, max_size=40))
def test_any_title_init_takes_makes_a_project_that_checks_strictly(tmp_path_factory, title):
    root = tmp_path_factory.mktemp("letter")
    try:
        init_project(root, title=title)
    except PetitionError as refused:
        assert refused.exit_code == 2
        assert list(root.iterdir()) == []
        return
    result = validate(root / "petition.yaml")
    # A title in a script no font of the machine draws is told so; nothing else may be said.
    assert [d for d in result.diagnostics if d.rule.id != "glyph-missing"] == []
    assert result.letter.manifest.title == title


def test_init_help_shows_an_example(run_cli):
    result = run_cli("init", "--help")
    assert result.exit_code == 0
    assert "Examples: petition init my-letter" in result.stdout


def test_the_commented_translation_example_reads_as_a_translation_when_uncommented(run_cli, tmp_path):
    assert run_cli("init", tmp_path).exit_code == 0
    manifest = tmp_path / "petition.yaml"
    text = manifest.read_text(encoding="utf-8")
    manifest.write_text(text.replace("# translations: {", "translations: {"), encoding="utf-8")
    result = run_cli("check", tmp_path, "--output-format", "json")
    rules = {problem["rule"] for problem in json.loads(result.stdout)}
    # The French files are still to be written, and the addressee greeted in French: nothing else.
    assert rules == {"translation-missing"}, result.stdout
    assert "file not found: letter.fr.md" in result.stdout


def test_a_spanish_starter_prints_spanish(run_cli, tmp_path):
    assert run_cli("init", tmp_path / "carta", "--language", "es").exit_code == 0
    assert run_cli("check", tmp_path / "carta", "--strict").exit_code == 0
    result = run_cli("build", tmp_path / "carta", "--format", "txt", "--output-dir", tmp_path, env=TODAY)
    assert result.exit_code == 0, result.stderr
    text = (tmp_path / "carta_addressee_2024-03-01.txt").read_text(encoding="utf-8")
    assert text.startswith("Carta abierta\n\nSu ciudad, 1 de marzo de 2024\n\nEstimados señores:\n\nEscriba aquí")
    assert "- dar el segundo.\n\nAtentamente,\n\nSu organización, Su ciudad\n" in text
