"""action.yml: the GitHub Action's own steps, run locally on the IAP letter with GitHub's variables faked."""

from __future__ import annotations

import hashlib
import json
import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
import yaml

from conftest import DATA, REPO
from test_diff_git import AUTHOR, edit, git

pytestmark = pytest.mark.skipif(shutil.which("git") is None, reason="git is not installed")

ACTION = yaml.safe_load((REPO / "action.yml").read_text(encoding="utf-8"))
SCRIPT = REPO / "scripts" / "github-action.sh"
LETTERS = [
    f"iap-2017_{recipient}_2017-09-05{language}.{fmt}"
    for recipient in ("iap-leadership", "iap-members")
    for language in ("", "_fr")
    for fmt in ("html", "txt")
]


def test_the_action_passes_every_input_to_the_script_it_runs():
    assert list(ACTION["inputs"]) == [
        "project",
        "formats",
        "recipients",
        "languages",
        "engine",
        "strict",
        "python-version",
    ]
    assert ACTION["runs"]["using"] == "composite"
    steps = ACTION["runs"]["steps"]
    letter = next(step for step in steps if step.get("id") == "letter")
    assert letter["run"] == '"$GITHUB_ACTION_PATH/scripts/github-action.sh"'
    assert letter["env"] == {
        f"INPUT_{name.upper()}": f"${{{{ inputs.{name} }}}}" for name in ACTION["inputs"] if name != "python-version"
    }
    uses = [step["uses"].split("@")[0] for step in steps if "uses" in step]
    assert uses == ["actions/setup-python", "actions/upload-artifact"]
    assert steps[-1]["with"]["path"] == "${{ steps.letter.outputs.folder }}"


@pytest.fixture
def pull_request(tmp_path: Path) -> Path:
    """A clone of a repository holding the IAP letter on main, with a pull request's change in its work tree."""
    origin = tmp_path / "origin"
    origin.mkdir()
    git(origin, "init", "--quiet", "--initial-branch=main")
    shutil.copytree(DATA, origin / "data")
    git(origin, "add", "--all")
    git(origin, "commit", "--quiet", "--message=The letter")
    git(tmp_path, "clone", "--quiet", str(origin), "work")
    work = tmp_path / "work"
    edit(work / "data/letter.md", "For the second year in a row,", "For the third year in a row,")
    (tmp_path / "runner").mkdir()
    return work


def run_action(work: Path, **variables: str) -> subprocess.CompletedProcess:
    runner = work.parent / "runner"
    env = {
        **os.environ,
        **AUTHOR,
        "PATH": f"{Path(sys.executable).parent}{os.pathsep}{os.environ['PATH']}",
        "GITHUB_STEP_SUMMARY": str(runner / "summary.md"),
        "GITHUB_OUTPUT": str(runner / "output"),
        "RUNNER_TEMP": str(runner),
        "INPUT_PROJECT": "data",
        "INPUT_FORMATS": "html,txt",
        "INPUT_RECIPIENTS": "all",
        "INPUT_LANGUAGES": "all",
        "INPUT_ENGINE": "weasyprint",
        "INPUT_STRICT": "true",
        **variables,
    }
    return subprocess.run([str(SCRIPT)], cwd=work, env=env, capture_output=True, text=True, check=False)


def test_on_a_pull_request_it_builds_sums_summarises_and_shows_the_change(pull_request):
    result = run_action(pull_request, GITHUB_EVENT_NAME="pull_request", GITHUB_BASE_REF="main")
    assert result.returncode == 0, result.stdout + result.stderr
    runner = pull_request.parent / "runner"
    folder = runner / "petition-letters"
    assert (runner / "output").read_text(encoding="utf-8") == f"folder={folder}\n"
    assert sorted(path.name for path in folder.iterdir()) == sorted([*LETTERS, "SHA256SUMS", "build.json"])

    summary = (runner / "summary.md").read_text(encoding="utf-8")
    assert summary.startswith("## Letters of `data`\n\n| file | bytes | SHA-256 |\n| --- | ---: | --- |\n")
    for name in LETTERS:
        data = (folder / name).read_bytes()
        assert f"| {name} | {len(data)} | `{hashlib.sha256(data).hexdigest()}` |\n" in summary
    listed = re.search(r"```json\n(.*?)```", summary, re.S)
    assert listed is not None
    assert json.loads(listed.group(1)) == json.loads((folder / "build.json").read_text(encoding="utf-8"))
    assert summary.endswith(
        "## Changes to the letter\n\n"
        "`origin/main:data` → `data`\n\n"
        "### Letter text\n\n"
        "- line 11: For the ~~second~~ **third** year in a row, civil society …\n"
    )
    # What the reviewer changed is still there, and nothing else appeared.
    assert git(pull_request, "status", "--porcelain") == " M data/letter.md\n"


def test_on_a_push_there_is_no_change_to_show(pull_request):
    result = run_action(pull_request, GITHUB_EVENT_NAME="push")
    assert result.returncode == 0, result.stdout + result.stderr
    summary = (pull_request.parent / "runner" / "summary.md").read_text(encoding="utf-8")
    assert "## Letters of `data`" in summary and "Changes to the letter" not in summary


def test_a_warning_fails_a_strict_check_with_an_annotation_and_builds_nothing(pull_request):
    with (pull_request / "data/footnotes.yaml").open("a", encoding="utf-8") as notes:
        notes.write("spare: Never called.\n")
    result = run_action(pull_request, GITHUB_EVENT_NAME="pull_request", GITHUB_BASE_REF="main")
    assert result.returncode == 1
    assert "::warning file=data/footnotes.yaml," in result.stdout
    runner = pull_request.parent / "runner"
    assert not (runner / "petition-letters").exists() and not (runner / "output").exists()
    summary = (runner / "summary.md").read_text(encoding="utf-8")
    assert "The letter has problems (exit code 1): `petition check` lists them as annotations" in summary
    # The reviewer still sees what the pull request changes.
    assert "- added `spare`: Never called.\n" in summary
    lenient = run_action(pull_request, GITHUB_EVENT_NAME="push", INPUT_STRICT="false")
    assert lenient.returncode == 0, lenient.stdout + lenient.stderr


def test_a_base_branch_that_cannot_be_fetched_leaves_a_note_and_the_build(pull_request):
    result = run_action(pull_request, GITHUB_EVENT_NAME="pull_request", GITHUB_BASE_REF="no-such-branch")
    assert result.returncode == 0, result.stdout + result.stderr
    summary = (pull_request.parent / "runner" / "summary.md").read_text(encoding="utf-8")
    assert summary.endswith("The letter could not be compared with `no-such-branch` (the job's log says why).\n")
    assert "| iap-2017_iap-members_2017-09-05.txt | " in summary
