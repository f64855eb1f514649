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


def problems(run_cli, project: Path) -> tuple[int, list[tuple[str, str, int, int, str]]]:
    import json

    result = run_cli("check", "--output-format", "json", cwd=project)
    found = json.loads(result.stdout)
    return result.exit_code, [(p["rule"], p["file"], p["line"], p["column"], p["message"]) for p in found]


@pytest.mark.parametrize(
    ("kind", "message"),
    [("folder", "image 'logo.png' is a folder, not a file"), ("fifo", "image 'logo.png' is not a regular file")],
)
def test_an_image_that_is_not_a_file_is_said_to_be_what_it_is(run_cli, project, kind, message):
    (project / "logo.png").write_bytes(b"")
    replace_with(project / "logo.png", kind)
    (project / "letter.md").write_text("We write[^report].\n\n![Our logo](logo.png)\n", encoding="utf-8")
    assert problems(run_cli, project) == (2, [("file-unreadable", "letter.md", 3, 13, message)])


def test_an_image_check_cannot_use_is_found_by_check_not_only_by_build(run_cli, project):
    (project / "logo.png").write_text("not an image", encoding="utf-8")
    (project / "letter.md").write_text("We write[^report].\n\n![Our logo](logo.png)\n", encoding="utf-8")
    assert problems(run_cli, project) == (
        0,
        [
            (
                "image-unreadable",
                "letter.md",
                3,
                13,
                "image 'logo.png' is left out: it is not a PNG, JPEG, GIF, WebP or SVG image",
            )
        ],
    )


@pytest.mark.skipif(os.geteuid() == 0, reason="root reads every file")
def test_an_image_without_read_permission_is_found_by_check(run_cli, project):
    (project / "logo.png").write_bytes(b"\x89PNG\r\n\x1a\n")
    (project / "logo.png").chmod(0)
    (project / "letter.md").write_text("We write[^report].\n\n![Our logo](logo.png)\n", encoding="utf-8")
    code, found = problems(run_cli, project)
    assert (code, [p[:4] for p in found]) == (2, [("file-unreadable", "letter.md", 3, 13)])
    assert "Permission denied" in found[0][4]
