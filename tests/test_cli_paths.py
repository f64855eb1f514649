"""How the CLI ends when things go wrong around it: a full disk or a closed pipe on
stdout, Ctrl-C, a bug; and the options that show more (--verbose, --debug, --json)."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from conftest import DATA

TXT = "iap-2017_iap-leadership_2017-09-05.txt"


def petition(*args, stdout=subprocess.PIPE, stderr=subprocess.PIPE) -> subprocess.CompletedProcess:
    """The real command in its own process: only there are stdout and stderr real files."""
    return subprocess.run(
        [sys.executable, "-m", "petitioncli", *map(str, args)],
        stdout=stdout,
        stderr=stderr,
        text=True,
        check=False,
    )


@pytest.fixture
def full_disk():
    if not os.path.exists("/dev/full"):
        pytest.skip("no /dev/full on this system")
    with open("/dev/full", "w") as stream:
        yield stream


@pytest.fixture
def gone_reader():
    """The write end of a pipe whose reader has gone, as after `| head -1` has read its line."""
    read, write = os.pipe()
    os.close(read)
    yield write
    os.close(write)


@pytest.fixture
def broken(iap_project: Path) -> Path:
    """A project with errors, so that a check has lines to print and a build fails."""
    signatories = iap_project / "signatories.yaml"
    signatories.write_text(
        signatories.read_text(encoding="utf-8") + "- name: amnesty international\n- name: ''\n", encoding="utf-8"
    )
    return iap_project


COMMANDS_THAT_PRINT = {
    "help": ["--help"],
    "version": ["--version"],
    "build help": ["build", "--help"],
    "check, human": ["check", DATA],
    "check, json": ["check", DATA, "--output-format", "json"],
}


@pytest.mark.parametrize("name", COMMANDS_THAT_PRINT)
def test_a_full_disk_on_stdout_is_one_line_not_a_traceback(full_disk, name):
    result = petition(*COMMANDS_THAT_PRINT[name], stdout=full_disk)
    assert result.returncode == 2
    assert result.stderr == "petition: error: cannot write to standard output: No space left on device\n"


def test_a_build_whose_summary_meets_a_full_disk_says_so_after_writing_its_files(full_disk, tmp_path):
    result = petition("build", DATA, "-f", "txt", "--output-dir", tmp_path, "--json", stdout=full_disk)
    assert result.returncode == 2
    assert result.stderr == "petition: error: cannot write to standard output: No space left on device\n"
    assert sorted(p.name for p in tmp_path.iterdir()) == [TXT]


@pytest.mark.parametrize("name", COMMANDS_THAT_PRINT)
def test_a_reader_that_has_gone_ends_the_command_quietly(gone_reader, name):
    result = petition(*COMMANDS_THAT_PRINT[name], stdout=gone_reader)
    assert (result.returncode, result.stderr) == (1, "")


def test_a_check_with_problems_stops_quietly_when_its_reader_goes(gone_reader, broken):
    for output_format in ("human", "json", "github"):
        result = petition("check", broken, "--output-format", output_format, stdout=gone_reader)
        assert (result.returncode, result.stderr) == (1, "")


def test_a_build_printing_to_a_reader_that_has_gone_still_writes_its_letters(gone_reader, tmp_path):
    result = petition("build", DATA, "-f", "txt", "--output-dir", tmp_path, stdout=gone_reader)
    assert (result.returncode, result.stderr) == (1, "")
    assert sorted(p.name for p in tmp_path.iterdir()) == [TXT]


@pytest.mark.parametrize("command", [["schema", "--output"], ["init"]])
def test_commands_that_write_files_say_when_stdout_cannot_take_their_list(full_disk, gone_reader, tmp_path, command):
    full = petition(*command, tmp_path / "full", stdout=full_disk)
    assert full.returncode == 2
    assert full.stderr.startswith("petition: error: cannot write to standard output: No space left on device\n")
    gone = petition(*command, tmp_path / "gone", stdout=gone_reader)
    assert (gone.returncode, gone.stderr) == (1, "")


PRE_COMMIT = "import sys; from petitioncli.cli.precommit import main; sys.argv[0] = 'petition-pre-commit'; main()"


def test_the_pre_commit_hook_ends_like_petition_when_stdout_is_full(full_disk):
    result = subprocess.run(
        [sys.executable, "-c", PRE_COMMIT, "--help"], stdout=full_disk, stderr=subprocess.PIPE, text=True, check=False
    )
    assert result.returncode == 2
    assert result.stderr == "petition: error: cannot write to standard output: No space left on device\n"


def test_a_full_disk_on_stderr_keeps_the_exit_code(full_disk, tmp_path):
    result = petition("build", tmp_path / "nowhere", stderr=full_disk)
    assert result.returncode == 2


# The options that show more, and the failures no one planned for ------------------------------


def test_verbose_is_accepted_by_a_build_without_a_pdf(run_cli, iap_project, tmp_path):
    result = run_cli("build", iap_project, "-f", "txt", "--output-dir", tmp_path, "--verbose")
    assert result.exit_code == 0, result.stderr
    assert result.stderr == ""


def test_verbose_shows_what_the_pdf_engine_logs(run_cli, iap_project, tmp_path):
    result = run_cli("build", iap_project, "-f", "pdf", "--output-dir", tmp_path, "--verbose")
    assert result.exit_code == 0, result.stderr
    assert any(line.startswith("weasyprint") for line in result.stderr.splitlines()), result.stderr


def render_fails(monkeypatch, error: BaseException) -> None:
    """The text renderer raises ERROR: how a bug, or Ctrl-C, meets the CLI."""
    import petitioncli.render.text

    def failing(*args, **kwargs):
        raise error

    monkeypatch.setattr(petitioncli.render.text, "render_text", failing)


def test_an_unexpected_failure_is_one_line_without_a_traceback(run_cli, iap_project, tmp_path, monkeypatch):
    render_fails(monkeypatch, ZeroDivisionError("division by zero"))
    result = run_cli("build", iap_project, "-f", "txt", "--output-dir", tmp_path)
    assert result.exit_code == 2
    assert result.stderr == (
        "petition: error: unexpected failure: ZeroDivisionError: division by zero (run with --debug for details)\n"
    )
    assert list(tmp_path.iterdir()) == [iap_project]


DEBUGGED = """
import runpy, sys
import petitioncli.render.text as text

def failing(*args, **kwargs):
    return 1 / 0

text.render_text = failing
sys.argv = ["petition", *sys.argv[1:]]
runpy.run_module("petitioncli", run_name="__main__")
"""


def test_debug_shows_the_traceback_of_an_unexpected_failure(iap_project, tmp_path):
    command = [sys.executable, "-c", DEBUGGED, "build", iap_project, "-f", "txt", "--output-dir", tmp_path, "--debug"]
    result = subprocess.run(command, capture_output=True, text=True, check=False)
    assert result.returncode == 1  # Python's own exit code for an uncaught exception
    assert "Traceback (most recent call last):" in result.stderr
    assert "in failing" in result.stderr
    assert result.stderr.rstrip().endswith("ZeroDivisionError: division by zero")
    assert list(tmp_path.iterdir()) == [iap_project]


def test_ctrl_c_exits_130_with_a_message(run_cli, iap_project, tmp_path, monkeypatch):
    render_fails(monkeypatch, KeyboardInterrupt())
    result = run_cli("build", iap_project, "-f", "txt", "--output-dir", tmp_path)
    assert result.exit_code == 130
    assert result.stderr == "petition: error: interrupted; files written before were left as they were\n"
    assert list(tmp_path.iterdir()) == [iap_project]


def test_json_on_a_failed_build_is_one_document_saying_so(run_cli, broken, tmp_path):
    result = run_cli("build", broken, "-f", "txt", "--output-dir", tmp_path / "out", "--json")
    assert result.exit_code == 1
    summary = json.loads(result.stdout)
    assert summary["ok"] is False
    assert summary["files"] == []
    assert {problem["rule"] for problem in summary["diagnostics"]} >= {"signatory-duplicate"}
    assert not (tmp_path / "out").exists()


def test_an_error_naming_a_path_with_a_line_break_stays_on_one_line(run_cli, iap_project, tmp_path):
    folder = tmp_path / "a\nb"
    folder.mkdir()
    result = run_cli("build", iap_project, "-f", "txt", "--output", folder)
    assert result.exit_code == 2
    assert result.stderr == f"petition: error: cannot write {tmp_path}/a\\nb: it is a folder\n"
