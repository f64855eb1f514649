"""Shared fixtures: the repository's IAP letter and a way to run the CLI in-process."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from typer.testing import CliRunner

from petitioncli.cli import app

REPO = Path(__file__).resolve().parent.parent
DATA = REPO / "data"
SEED = REPO / "tests" / "fixtures" / "seed.txt"


@pytest.fixture
def iap_project(tmp_path: Path) -> Path:
    """A writable copy of data/, so tests may break it without touching the repository."""
    target = tmp_path / "iap"
    shutil.copytree(DATA, target)
    return target


@pytest.fixture
def run_cli(monkeypatch):
    """Runs `petition ARGS…` in-process; returns the click Result (exit_code, stdout, stderr)."""
    runner = CliRunner()

    def run(*args: str, cwd: Path | None = None, env: dict[str, str] | None = None):
        if cwd is not None:
            monkeypatch.chdir(cwd)
        return runner.invoke(app, [str(a) for a in args], env=env, catch_exceptions=False)

    return run
