"""`petition diff` against git revisions: read with git plumbing, within the limits and sandbox, touching nothing."""

from __future__ import annotations

import hashlib
import os
import shutil
import subprocess
from pathlib import Path

import pytest

from conftest import DATA

pytestmark = pytest.mark.skipif(shutil.which("git") is None, reason="git is not installed")

AUTHOR = {
    "GIT_AUTHOR_NAME": "Reviewer",
    "GIT_AUTHOR_EMAIL": "reviewer@example.org",
    "GIT_COMMITTER_NAME": "Reviewer",
    "GIT_COMMITTER_EMAIL": "reviewer@example.org",
}


def git(repository: Path, *arguments: str) -> str:
    done = subprocess.run(
        ["git", *arguments], cwd=repository, env={**os.environ, **AUTHOR}, capture_output=True, text=True, check=True
    )
    return done.stdout


def edit(path: Path, old: str, new: str) -> None:
    text = path.read_text(encoding="utf-8")
    assert text.count(old) == 1, old
    path.write_text(text.replace(old, new), encoding="utf-8")


@pytest.fixture
def repository(tmp_path: Path) -> Path:
    """A repository holding the IAP letter in data/ on main, as a coalition keeps it."""
    top = tmp_path / "letters"
    top.mkdir()
    git(top, "init", "--quiet", "--initial-branch=main")
    shutil.copytree(DATA, top / "data")
    git(top, "add", "--all")
    git(top, "commit", "--quiet", "--message=The 2017 letter")
    return top


def snapshot(top: Path) -> dict[str, str]:
    """Every file of the work tree and of .git, by its digest: what `diff` must leave as it was."""
    found = {}
    for path in sorted(top.rglob("*")):
        if path.is_file():
            found[str(path.relative_to(top))] = hashlib.sha256(path.read_bytes()).hexdigest()
    return found


def test_a_revision_against_the_work_tree_touches_nothing(run_cli, repository):
    edit(repository / "data/signatories.yaml", "  location: Kwekwe\n", "  location: Harare\n")
    edit(repository / "data/letter.md", "For the second year in a row,", "For the third year in a row,")
    before = snapshot(repository)
    result = run_cli("diff", "main", cwd=repository)
    assert result.exit_code == 0, result.stderr
    assert result.stdout == (
        "Signatories: 1 changed\n"
        "  ~ Anti-Corruption Trust of Southern Africa: location 'Kwekwe' → 'Harare'\n"
        "\n"
        "Letter text, paragraphs: 1 reworded\n"
        "  ~ line 11: For the [-second-] {+third+} year in a row, civil society …\n"
    )
    # No argument: HEAD against the work tree, as `git diff HEAD`; the project folder alone: the same.
    assert run_cli("diff", cwd=repository).stdout == result.stdout
    assert run_cli("diff", "data", cwd=repository).stdout == result.stdout
    assert snapshot(repository) == before
    assert git(repository, "worktree", "list").count("\n") == 1


def test_two_revisions_a_range_and_a_merge_base(run_cli, repository):
    git(repository, "tag", "v2017")
    git(repository, "switch", "--quiet", "--create", "add-viasna")
    with (repository / "data/signatories.yaml").open("a", encoding="utf-8") as out:
        out.write('- name: Viasna Human Rights Centre\n  location: Minsk\n  country: "BY"\n')
    git(repository, "commit", "--quiet", "--all", "--message=Viasna joins")
    git(repository, "switch", "--quiet", "main")
    edit(repository / "data/petition.yaml", "date: 2017-09-05", "date: 2018-09-05")
    git(repository, "commit", "--quiet", "--all", "--message=Next year")

    branch_only = "Signatories: 1 joined\n  + Viasna Human Rights Centre, Minsk\n"
    # A...B: what the branch changed since it left main, as a pull request shows it.
    assert run_cli("diff", "main...add-viasna", cwd=repository).stdout == branch_only
    assert run_cli("diff", "v2017", "add-viasna", cwd=repository).stdout == branch_only
    both = run_cli("diff", "main..add-viasna", "--json", cwd=repository)
    assert both.exit_code == 0, both.stderr
    assert '"old": "main:data"' in both.stdout and '"new": "add-viasna:data"' in both.stdout
    assert '"date": {\n      "old": "2018-09-05",\n      "new": "2017-09-05"\n    }' in both.stdout
    # The project named after the revision, from inside another folder.
    (repository / "elsewhere").mkdir()
    named = run_cli("diff", "v2017:../data", "add-viasna:../data", cwd=repository / "elsewhere")
    assert named.stdout == branch_only


def test_a_revision_is_never_read_as_an_option(run_cli, repository):
    result = run_cli("diff", "--", "--output=stolen", cwd=repository)
    assert result.exit_code == 2
    assert result.stderr == "petition: error: '--output=stolen' is neither a file or folder here nor a git revision\n"
    assert not (repository / "stolen").exists()
    unknown = run_cli("diff", "v1999", cwd=repository)
    assert unknown.exit_code == 2
    assert unknown.stderr == "petition: error: 'v1999' is neither a file or folder here nor a git revision\n"


def test_files_outside_the_project_at_a_revision_stay_outside(run_cli, repository):
    (repository / "secret.yaml").write_text("- name: Secret Ally\n", encoding="utf-8")
    (repository / "data/signatories.yaml").unlink()
    (repository / "data/signatories.yaml").symlink_to("../secret.yaml")
    edit(repository / "data/petition.yaml", "footnotes: footnotes.yaml", "footnotes: ../secret.yaml")
    (repository / "data/recipients.yaml").unlink()
    (repository / "data/recipients.yaml").symlink_to(repository / "secret.yaml")
    git(repository, "add", "--all")
    git(repository, "commit", "--quiet", "--message=Reach outside")
    shutil.rmtree(repository / "data")
    shutil.copytree(DATA, repository / "data")
    result = run_cli("diff", "HEAD", cwd=repository)
    assert result.exit_code == 1
    assert "Secret Ally" not in result.stdout + result.stderr
    assert (
        "HEAD:data/petition.yaml:13:12: error: '../secret.yaml' is outside the project folder; "
        "a letter project may only use files inside its own folder [file-outside]"
    ) in result.stderr
    assert "HEAD:data/petition.yaml:14:14: error: 'signatories.yaml' is outside the project folder (through a " in (
        result.stderr
    )
    assert "HEAD:data/petition.yaml:15:13: error: 'recipients.yaml' is outside the project folder (through a " in (
        result.stderr
    )
    assert result.stderr.endswith("petition: error: cannot compare HEAD:data: a part of it cannot be read\n")


def test_a_symbolic_link_loop_at_a_revision(run_cli, repository):
    (repository / "data/signatories.yaml").unlink()
    (repository / "data/signatories.yaml").symlink_to("others.yaml")
    (repository / "data/others.yaml").symlink_to("signatories.yaml")
    git(repository, "add", "--all")
    git(repository, "commit", "--quiet", "--message=A loop")
    git(repository, "checkout", "--quiet", "HEAD~1", "--", "data")
    (repository / "data/others.yaml").unlink()
    result = run_cli("diff", "HEAD", cwd=repository)
    assert result.exit_code == 2
    assert (
        "HEAD:data/petition.yaml:14:14: error: cannot follow 'signatories.yaml': a symbolic link loop [file-unreadable]"
        in result.stderr
    )


def test_the_limits_hold_for_a_revision(run_cli, repository):
    (repository / "data/letter.md").write_text("word " * 220_000, encoding="utf-8")
    git(repository, "commit", "--quiet", "--all", "--message=Too long")
    git(repository, "checkout", "--quiet", "HEAD~1", "--", "data/letter.md")
    result = run_cli("diff", "HEAD", cwd=repository)
    assert result.exit_code == 2
    assert "HEAD:data/letter.md:1:1: error: letter.md is 1,100,000 bytes; " in result.stderr
    assert "[file-too-large]" in result.stderr


def test_outside_a_repository_a_revision_cannot_be_read(run_cli, tmp_path):
    shutil.copytree(DATA, tmp_path / "data")
    result = run_cli("diff", "main", cwd=tmp_path)
    assert result.exit_code == 2
    assert result.stderr.startswith("petition: error: cannot read a git revision here (git rev-parse failed: fatal: ")
    assert result.stderr.endswith("; to compare two project folders, name both\n")
