"""Shared fixtures: the repository's IAP letter and a way to run the CLI in-process."""

from __future__ import annotations

import os
import shutil
from pathlib import Path

import pytest
from hypothesis import HealthCheck, settings
from typer.testing import CliRunner

from petitioncli.cli import app

# Property tests run briefly in `make test`; `make fuzz` sets HYPOTHESIS_PROFILE=fuzz to run them fifty times longer.
_PROPERTIES = {"deadline": None, "suppress_health_check": [HealthCheck.too_slow]}
settings.register_profile("quick", max_examples=100, **_PROPERTIES)
settings.register_profile("fuzz", max_examples=5000, **_PROPERTIES)
settings.load_profile(os.environ.get("HYPOTHESIS_PROFILE", "quick"))

REPO = Path(__file__).resolve().parent.parent
DATA = REPO / "data"
SEED = REPO / "tests" / "fixtures" / "seed.txt"


# data/'s recipients as a letter in one language writes them: plain text, no mapping by language.
ENGLISH_RECIPIENTS = """\
iap-leadership:
  name: IAP Executive Committee and Senate
  salutation: |-
    Dear members of the IAP Executive Committee and the Senate,
    dear members of the IAP,
  address:
    - International Association of Prosecutors
    - Executive Committee and Senate
    - The Hague
iap-members:
  name: Individual members of the IAP
  salutation: |-
    Dear members of the International Association of Prosecutors,
  address:
    - Members of the International Association of Prosecutors
"""


def english_only(project: Path) -> Path:
    """The IAP letter without its French edition, for tests that change its text or language."""
    manifest = project / "petition.yaml"
    text = manifest.read_text(encoding="utf-8")
    manifest.write_text(text[: text.index("translations:")], encoding="utf-8")
    for name in ("letter.fr.md", "footnotes.fr.yaml"):
        (project / name).unlink()
    (project / "recipients.yaml").write_text(ENGLISH_RECIPIENTS, encoding="utf-8")
    return project


@pytest.fixture
def iap_project(tmp_path: Path) -> Path:
    """A writable copy of data/ in English only, so tests may break it without touching the repository."""
    target = tmp_path / "iap"
    shutil.copytree(DATA, target)
    return english_only(target)


@pytest.fixture
def bilingual(tmp_path: Path) -> Path:
    """A writable copy of data/ with its French edition."""
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


CORPUS_BASE = REPO / "tests" / "corpus" / "base"


@pytest.fixture
def make_letter(tmp_path: Path):
    """A copy of the corpus's clean base letter with the signatories file given, byte for byte.

    `make_letter("signatories.csv", text, order="alphabetical")` returns the
    project folder; the manifest names the file and the order.
    """

    def make(name: str, content: str | bytes, *, order: str | None = None, folder: str = "letter") -> Path:
        root = tmp_path / folder
        shutil.copytree(CORPUS_BASE, root)
        (root / "signatories.yaml").unlink()
        data = content.encode("utf-8") if isinstance(content, str) else content
        (root / name).parent.mkdir(parents=True, exist_ok=True)
        (root / name).write_bytes(data)
        manifest = root / "petition.yaml"
        extra = f"signatories: {name}\n" + (f"signatories_order: {order}\n" if order else "")
        manifest.write_text(manifest.read_text(encoding="utf-8") + extra, encoding="utf-8")
        return root

    return make
