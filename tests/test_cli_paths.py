"""How the CLI ends when things go wrong around it: a full disk or a closed pipe on stdout."""

from __future__ import annotations

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


def test_a_full_disk_on_stderr_keeps_the_exit_code(full_disk, tmp_path):
    result = petition("build", tmp_path / "nowhere", stderr=full_disk)
    assert result.returncode == 2
