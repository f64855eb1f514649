"""docs/how-to/ci.md: the CI recipes' petition commands, run as the CI services would run them."""

from __future__ import annotations

import json
import os
import re
import subprocess
import sys
from pathlib import Path

import pytest
import yaml

from conftest import REPO
from test_init import TODAY

RECIPES = (REPO / "docs" / "how-to" / "ci.md").read_text(encoding="utf-8")
BLOCKS = re.findall(r"```(\w+)\n(.*?)```", RECIPES, re.S)
GITHUB, GITLAB = (yaml.safe_load(text) for kind, text in BLOCKS if kind == "yaml")
LOOP = next(text for kind, text in BLOCKS if kind == "sh")


def run(script: str, cwd: Path, variables: dict[str, str] | None = None) -> subprocess.CompletedProcess:
    """A script as the runners run it: bash, stopping at the first failing command."""
    env = {**os.environ, **TODAY, "PATH": f"{Path(sys.executable).parent}{os.pathsep}{os.environ['PATH']}"}
    env |= variables or {}
    return subprocess.run(
        ["bash", "-eo", "pipefail", "-c", script], cwd=cwd, env=env, capture_output=True, text=True, check=False
    )


def petition_steps(commands: list[str]) -> str:
    """The recipe's own commands; installing the system and petitioncli is the runner's business here."""
    return "\n".join(c for c in commands if "apt-get" not in c and "pip install" not in c)


@pytest.fixture
def repository(run_cli, tmp_path: Path) -> Path:
    assert run_cli("init", tmp_path / "my-letter").exit_code == 0
    return tmp_path


def test_the_github_workflow_checks_builds_and_uploads(repository):
    steps = GITHUB["jobs"]["letter"]["steps"]
    uses = [step["uses"].split("@")[0] for step in steps if "uses" in step]
    assert uses == ["actions/checkout", "actions/setup-python", "actions/upload-artifact"]
    assert steps[-1]["with"]["path"] == "dist/"

    result = run(petition_steps([step["run"] for step in steps if "run" in step]), repository)
    assert result.returncode == 0, result.stderr
    built = sorted(path.name for path in (repository / "dist").iterdir())
    assert built == [
        "build.json",
        "my-letter_addressee_2024-03-01.html",
        "my-letter_addressee_2024-03-01.pdf",
        "my-letter_addressee_2024-03-01.txt",
    ]
    summary = json.loads((repository / "dist/build.json").read_text(encoding="utf-8"))
    assert summary["ok"] is True
    assert sorted(f["format"] for f in summary["files"]) == ["html", "pdf", "txt"]


def test_the_github_check_step_annotates_and_fails_on_a_warning(repository):
    with (repository / "my-letter/footnotes.yaml").open("a", encoding="utf-8") as notes:
        notes.write("spare: Never called.\n")
    check = next(step["run"] for step in GITHUB["jobs"]["letter"]["steps"] if step.get("name") == "Check")
    result = run(check, repository)
    assert result.returncode == 1
    assert result.stdout.startswith("::warning file=my-letter/footnotes.yaml,")


def test_the_gitlab_job_reports_code_quality_and_keeps_the_letters(repository):
    job = GITLAB["letter"]
    assert job["artifacts"]["reports"]["codequality"] == "gl-code-quality-report.json"
    result = run(petition_steps(job["script"]), repository)
    assert result.returncode == 0, result.stderr
    assert json.loads((repository / "gl-code-quality-report.json").read_text(encoding="utf-8")) == []
    assert json.loads((repository / "build.json").read_text(encoding="utf-8"))["ok"] is True
    assert len(list((repository / "dist").iterdir())) == 3


def test_the_gitlab_report_lists_a_warning_while_the_job_fails(repository):
    with (repository / "my-letter/footnotes.yaml").open("a", encoding="utf-8") as notes:
        notes.write("spare: Never called.\n")
    result = run(petition_steps(GITLAB["letter"]["script"]), repository)
    assert result.returncode == 1
    report = json.loads((repository / "gl-code-quality-report.json").read_text(encoding="utf-8"))
    assert [issue["check_name"] for issue in report] == ["footnote-unused"]
    assert not (repository / "dist").exists()


def test_the_loop_over_several_letters_fails_when_one_does(run_cli, tmp_path):
    for name in ("a", "b"):
        assert run_cli("init", tmp_path / "letters" / name).exit_code == 0
    assert run(LOOP, tmp_path).returncode == 0
    (tmp_path / "letters/a/letter.md").write_text("A call to no note[^none].\n", encoding="utf-8")
    result = run(LOOP, tmp_path)
    assert result.returncode == 1
    assert "::error file=letters/a/letter.md," in result.stdout


def test_the_gitlab_merge_request_job_shows_what_the_request_changes(repository):
    job = GITLAB["letter-changes"]
    assert job["rules"] == [{"if": '$CI_PIPELINE_SOURCE == "merge_request_event"'}]
    assert job["artifacts"]["paths"] == ["letter-changes.md"]
    origin = repository
    author = {"GIT_AUTHOR_NAME": "A", "GIT_AUTHOR_EMAIL": "a@example.org"}
    author |= {"GIT_COMMITTER_NAME": "A", "GIT_COMMITTER_EMAIL": "a@example.org"}

    def git(cwd: Path, *arguments: str) -> None:
        subprocess.run(["git", *arguments], cwd=cwd, env={**os.environ, **author}, check=True, capture_output=True)

    git(origin, "init", "--quiet", "--initial-branch=main")
    git(origin, "add", "--all")
    git(origin, "commit", "--quiet", "--message=The letter")
    # The runner's clone, beside the letter's in the test's own folder.
    git(origin, "clone", "--quiet", str(origin), "merge-request")
    clone = origin / "merge-request"
    with (clone / "my-letter/footnotes.yaml").open("a", encoding="utf-8") as notes:
        notes.write("spare: A new note.\n")
    variables = {"CI_PIPELINE_SOURCE": "merge_request_event", "CI_MERGE_REQUEST_TARGET_BRANCH_NAME": "main"}
    result = run(petition_steps(job["script"]), clone, variables)
    assert result.returncode == 0, result.stderr
    expected = "## Changes to the letter\n\n`origin/main:my-letter` → `my-letter`\n\n### Footnotes\n\n"
    expected += "- added `spare`: A new note.\n"
    assert (clone / "letter-changes.md").read_text(encoding="utf-8") == expected
    assert result.stdout == expected
