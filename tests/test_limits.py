"""Small inputs that would hang or explode a build: each is handled in linear time or refused against a limit.

No test here is timed. Where the point is linear time, the input is one on
which the quadratic behaviour it guards against takes minutes, so a
regression shows as a suite that does not finish, not as a flaky threshold.
"""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest

from test_check_corpus import BASE


@pytest.fixture
def project(tmp_path: Path) -> Path:
    target = tmp_path / "letter"
    shutil.copytree(BASE, target)
    return target


def check_json(run_cli, project: Path) -> tuple[int, list[dict]]:
    result = run_cli("check", project, "--output-format", "json")
    return result.exit_code, json.loads(result.stdout)


@pytest.mark.parametrize("opener", ["[^", "^["], ids=["references", "inline-notes"])
def test_unclosed_footnote_openers_are_read_in_linear_time(run_cli, project, tmp_path, opener):
    # 20 KB of them took the footnote plugin minutes: each opener scanned to the end of the text.
    (project / "letter.md").write_text("We write" + opener * 10_000 + " to you[^report].\n", encoding="utf-8")
    assert check_json(run_cli, project) == (0, [])
    result = run_cli("build", project, "--format", "txt", "--output-dir", tmp_path / "out")
    assert result.exit_code == 0, result.stderr
    (letter,) = (tmp_path / "out").iterdir()
    assert opener * 3 in letter.read_text(encoding="utf-8")
