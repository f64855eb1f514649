"""The progress bar of `petition build`: on a terminal, for builds worth watching, never with --json."""

from __future__ import annotations

import os
import pty
import subprocess
import sys
from pathlib import Path

import pytest

from test_init import TODAY, replace_placeholders

PETITION = Path(sys.executable).parent / "petition"


def build_on_a_terminal(*args: object, cwd: Path) -> tuple[int, str, str]:
    """Runs `petition build ARGS` with stderr on a pseudo-terminal; returns the exit code, stdout and the terminal."""
    controller, terminal = pty.openpty()
    env = {**os.environ, **TODAY, "COLUMNS": "200", "TERM": "xterm"}
    env.pop("NO_COLOR", None)
    process = subprocess.Popen(
        [PETITION, "build", *map(str, args)], cwd=cwd, env=env, stdout=subprocess.PIPE, stderr=terminal
    )
    os.close(terminal)
    drawn = bytearray()
    while True:
        try:
            chunk = os.read(controller, 65536)
        except OSError:  # the terminal is closed once the build has exited
            break
        if not chunk:
            break
        drawn.extend(chunk)
    os.close(controller)
    stdout = process.stdout.read().decode() if process.stdout else ""
    return process.wait(), stdout, drawn.decode(errors="replace")


@pytest.fixture
def project(run_cli, tmp_path: Path) -> Path:
    assert run_cli("init", tmp_path / "letter").exit_code == 0
    replace_placeholders(tmp_path / "letter")  # their warnings would be drawn too
    return tmp_path / "letter"


def test_several_letters_show_a_bar_naming_the_letter(project, tmp_path):
    code, stdout, drawn = build_on_a_terminal(project, "--format", "txt", "--format", "html", cwd=tmp_path)
    assert code == 0
    assert "letter_addressee_2024-03-01.html" in drawn
    assert "2/2" in drawn
    assert stdout.split() == ["dist/letter_addressee_2024-03-01.txt", "dist/letter_addressee_2024-03-01.html"]


def test_json_never_draws(project, tmp_path):
    code, stdout, drawn = build_on_a_terminal(project, "--format", "txt", "--format", "html", "--json", cwd=tmp_path)
    assert code == 0
    assert '"ok": true' in stdout
    assert drawn == ""


def test_one_short_letter_draws_nothing(project, tmp_path):
    code, _, drawn = build_on_a_terminal(project, "--format", "txt", cwd=tmp_path)
    assert code == 0
    assert drawn == ""


def test_a_pdf_of_a_long_list_shows_the_bar(project, tmp_path):
    entries = "".join(f"- name: Organisation {number}\n" for number in range(1, 1002))
    (project / "signatories.yaml").write_text(entries, encoding="utf-8")
    code, _, drawn = build_on_a_terminal(project, cwd=tmp_path)
    assert code == 0
    assert "letter_addressee_2024-03-01.pdf" in drawn
    assert "1/1" in drawn


def test_without_a_terminal_nothing_is_drawn(run_cli, project, tmp_path):
    result = run_cli("build", project, "--format", "txt", "--format", "html", "--output-dir", tmp_path / "out")
    assert result.exit_code == 0
    assert result.stderr == ""


def test_the_build_tells_its_watcher_what_it_makes(project, tmp_path):
    from petitioncli.build import BuildOptions, build

    told: list[tuple] = []

    class Watcher:
        def planned(self, files: int, pdf_signatories: int) -> None:
            told.append(("planned", files, pdf_signatories))

        def rendering(self, name: str) -> None:
            told.append(("rendering", name))

    options = BuildOptions(formats=["txt", "pdf"], output_dir=tmp_path, draft=True)
    outcome = build(project / "petition.yaml", options, watcher=Watcher())
    assert not outcome.failed
    assert told[0] == ("planned", 2, 1)
    assert [entry[1] for entry in told[1:]] == [path.name for path in (f.path for f in outcome.files)]
