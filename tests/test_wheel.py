"""Installing without cloning: the wheel `python -m build` makes holds everything a letter needs.

The wheel is built from a copy of the sources, installed into a new virtual
environment with its dependencies (from pip's cache or the package index),
and used in a folder that is not the repository: nothing may come from the
clone. About half a minute, most of it pip; `-m "not wheel"` leaves it out.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import venv
from pathlib import Path

import pytest
from pypdf import PdfReader

from conftest import REPO

pytestmark = pytest.mark.wheel

SOURCES = ("pyproject.toml", "README.md", "LICENSE", "src")


def run(command: list[str | Path], cwd: Path) -> subprocess.CompletedProcess:
    # The test's own environment must not leak in: no PYTHONPATH, and the new
    # environment's bin/ first on PATH, as an activated environment has it.
    env = {key: value for key, value in os.environ.items() if not key.startswith(("PYTHON", "VIRTUAL_ENV"))}
    env["PATH"] = f"{Path(command[0]).parent}{os.pathsep}{env.get('PATH', '')}"
    env["SOURCE_DATE_EPOCH"] = "1709251200"  # 2024-03-01
    return subprocess.run([str(part) for part in command], cwd=cwd, env=env, capture_output=True, text=True)


@pytest.fixture(scope="module")
def wheel(tmp_path_factory) -> Path:
    source = tmp_path_factory.mktemp("source")
    for name in SOURCES:
        origin = REPO / name
        if origin.is_dir():
            shutil.copytree(origin, source / name, ignore=shutil.ignore_patterns("__pycache__", "*.egg-info"))
        else:
            shutil.copy2(origin, source / name)
    out = tmp_path_factory.mktemp("wheel")
    # Without isolation the build uses this environment's setuptools instead of fetching one.
    built = run([sys.executable, "-m", "build", "--wheel", "--no-isolation", "--outdir", out, source], cwd=source)
    assert built.returncode == 0, built.stdout + built.stderr
    (found,) = out.glob("petitioncli-*.whl")
    return found


@pytest.fixture(scope="module")
def installed(wheel: Path, tmp_path_factory) -> Path:
    """The bin/ folder of a new environment holding the wheel and its dependencies."""
    home = tmp_path_factory.mktemp("env") / "venv"
    venv.create(home, with_pip=True)
    pip = run([home / "bin" / "python", "-m", "pip", "install", "--quiet", wheel], cwd=home)
    assert pip.returncode == 0, pip.stdout + pip.stderr
    return home / "bin"


def test_the_wheel_holds_the_templates_fonts_and_the_project_template(wheel):
    import zipfile

    names = set(zipfile.ZipFile(wheel).namelist())
    for needed in (
        "petitioncli/templates/letter.html",
        "petitioncli/templates/letter.css",
        "petitioncli/templates/letter.typ",
        "petitioncli/fonts/NotoSerif-Regular.woff",
        "petitioncli/fonts/OFL.txt",
        "petitioncli/project_template/petition.yaml",
        "petitioncli/project_template/signatories.yaml",
    ):
        assert needed in names


def test_the_version_printed_is_the_one_the_package_was_built_with(installed, wheel, tmp_path):
    from petitioncli import __version__

    result = run([installed / "petition", "--version"], cwd=tmp_path)
    assert result.returncode == 0, result.stderr
    assert result.stdout == f"petition {__version__}\n"
    assert wheel.name.startswith(f"petitioncli-{__version__}-")


def test_a_new_letter_is_started_and_printed_outside_the_repository(installed, tmp_path):
    started = run([installed / "petition", "init", "my-letter", "--title", "Open letter on the dam"], cwd=tmp_path)
    assert started.returncode == 0, started.stderr
    assert (tmp_path / "my-letter" / "schemas" / "petition.schema.json").is_file()

    built = run([installed / "petition", "build", "my-letter", "--format", "pdf"], cwd=tmp_path)
    assert built.returncode == 0, built.stderr
    pdf = tmp_path / "dist" / "my-letter_addressee_2024-03-01.pdf"
    text = PdfReader(pdf).pages[0].extract_text()
    assert "Open letter on the dam" in text
    assert "Your organisation" in text
