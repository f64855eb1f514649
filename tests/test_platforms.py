"""petitioncli on platforms without POSIX's extras (Windows has no SIGHUP, and no os.fchmod before Python 3.13),
as docs/reference/platforms.md promises. What a platform lacks is taken away from a fresh interpreter before
petitioncli is imported."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from projects import write_project

# Run by the child interpreter at start-up (sitecustomize), before any petitioncli module.
_TAKEN_AWAY = {
    "SIGHUP": "import signal\ndel signal.SIGHUP\n",
    "fchmod": "import os\ndel os.fchmod\n",
}


def _child(tmp_path: Path, *args: str) -> subprocess.CompletedProcess[str]:
    """`args` run by an interpreter whose platform lacks everything in _TAKEN_AWAY."""
    site = tmp_path / "site"
    site.mkdir(exist_ok=True)
    (site / "sitecustomize.py").write_text("".join(_TAKEN_AWAY.values()), encoding="utf-8")
    env = {**os.environ, "PYTHONPATH": os.pathsep.join([str(site), os.environ.get("PYTHONPATH", "")])}
    return subprocess.run([sys.executable, *args], capture_output=True, text=True, env=env, cwd=tmp_path, timeout=120)


def test_the_child_really_lacks_them(tmp_path):
    found = _child(tmp_path, "-c", "import os, signal; print(hasattr(signal, 'SIGHUP'), hasattr(os, 'fchmod'))")
    assert found.stdout == "False False\n"


@pytest.mark.parametrize(
    ("command", "expected"),
    [
        (("check", "p"), "No problems in"),
        (("build", "p", "--format", "txt", "--output", "letter.txt"), "letter.txt"),
        (("signatories", "add", "p", "--name", "Privacy International"), "Added 'Privacy International'"),
    ],
)
def test_commands_work_without_them(tmp_path, command, expected):
    write_project(tmp_path / "p", {})
    found = _child(tmp_path, "-m", "petitioncli", *command)
    assert found.returncode == 0, found.stderr
    assert expected in found.stdout
    assert "Traceback" not in found.stderr
