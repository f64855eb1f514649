"""The pre-commit hook: `petition check --strict` on the projects whose files a commit changes."""

from __future__ import annotations

import importlib
import re
import shutil
import subprocess
import sys
import tomllib
from pathlib import Path

import pytest
import yaml
from typer.testing import CliRunner

from conftest import DATA, REPO
from petitioncli.cli.precommit import app as hook_app


def hook() -> dict:
    hooks = yaml.safe_load((REPO / ".pre-commit-hooks.yaml").read_text(encoding="utf-8"))
    assert [h["id"] for h in hooks] == ["petition-check"]
    return hooks[0]


def test_the_hook_names_an_entry_point_the_package_installs():
    entry = hook()["entry"]
    scripts = tomllib.loads((REPO / "pyproject.toml").read_text(encoding="utf-8"))["project"]["scripts"]
    assert entry in scripts
    module, function = scripts[entry].split(":")
    assert callable(getattr(importlib.import_module(module), function))
    assert (Path(sys.executable).parent / entry).is_file()


def test_the_hook_runs_on_the_files_a_letter_is_made_of():
    pattern = re.compile(hook()["files"])
    for name in ("data/petition.yaml", "data/signatories.csv", "letters/2018/letter.md", "x/recipients.yml"):
        assert pattern.search(name), name
    assert not pattern.search("src/petitioncli/cli/app.py")


@pytest.fixture
def repository(tmp_path: Path, monkeypatch) -> Path:
    """A repository with two letters, the second with a warning, and a README outside both."""
    shutil.copytree(DATA, tmp_path / "letters/clean")
    shutil.copytree(DATA, tmp_path / "letters/warned")
    with (tmp_path / "letters/warned/footnotes.yaml").open("a", encoding="utf-8") as notes:
        notes.write("never-called: A note the letter does not call.\n")
    (tmp_path / "README.md").write_text("Our letters.\n", encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    return tmp_path


def run_hook(*files: str):
    return CliRunner().invoke(hook_app, list(files), catch_exceptions=False)


def test_only_the_projects_of_changed_files_are_checked(repository):
    result = run_hook("README.md", "letters/clean/letter.md", "letters/clean/signatories.yaml")
    assert result.exit_code == 0, result.stdout
    assert result.stdout == "No problems in 7 files.\n"  # the IAP letter in English and French


def test_a_warning_fails_the_commit(repository):
    result = run_hook("letters/clean/letter.md", "letters/warned/footnotes.yaml")
    assert result.exit_code == 1
    assert "letters/warned/footnotes.yaml:27:1: warning: footnote 'never-called'" in result.stdout
    assert "letters/clean" not in result.stdout


def test_files_outside_any_project_check_nothing(repository):
    result = run_hook("README.md")
    assert result.exit_code == 0
    assert result.stdout == ""


def test_the_installed_entry_point_runs(repository):
    script = Path(sys.executable).parent / hook()["entry"]
    result = subprocess.run(
        [script, "letters/warned/letter.md", "--output-format", "github"], capture_output=True, text=True
    )
    assert result.returncode == 1
    assert result.stdout.startswith("::warning file=letters/warned/footnotes.yaml,line=27,")


def test_the_hook_command_has_help_with_an_example():
    result = CliRunner().invoke(hook_app, ["--help"])
    assert result.exit_code == 0
    assert "Example (what pre-commit runs): petition-pre-commit" in result.stdout
