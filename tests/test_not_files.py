"""Folders, FIFOs and unreadable files where a letter expects a file: said as they are, never "not found"."""

from __future__ import annotations

import os
import shutil
from pathlib import Path

import pytest

from test_check_corpus import BASE


@pytest.fixture
def project(tmp_path: Path) -> Path:
    target = tmp_path / "letter"
    shutil.copytree(BASE, target)
    return target


def replace_with(path: Path, kind: str) -> None:
    path.unlink()
    if kind == "folder":
        path.mkdir()
    elif kind == "fifo":
        os.mkfifo(path)
    else:
        path.symlink_to(path.parent / "nowhere.yaml")


REASONS = {"folder": "is a folder, not a file", "fifo": "is not a regular file", "dangling": "is a symbolic link"}


@pytest.mark.parametrize("kind", REASONS)
def test_a_manifest_that_is_not_a_file_is_said_to_be_what_it_is(run_cli, project, kind):
    replace_with(project / "petition.yaml", kind)
    for args, cwd in (((project,), None), ((project / "petition.yaml",), None), ((), project)):
        result = run_cli("check", *args, cwd=cwd)
        assert result.exit_code == 2, args
        assert REASONS[kind] in result.stderr, (args, result.stderr)
        assert "petition.yaml" in result.stderr and "not a letter project" not in result.stderr
