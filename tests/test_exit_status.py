"""The exit codes every command shares: one enum, and the docs page generated from it."""

from __future__ import annotations

from pathlib import Path

from petitioncli.exit_status import ExitStatus, markdown_table
from projects import petition, write_project

EXIT_CODES_PAGE = Path(__file__).resolve().parent.parent / "docs" / "reference" / "exit-codes.md"


def test_the_codes_are_what_scripts_rely_on():
    assert [(status.name, int(status)) for status in ExitStatus] == [
        ("SUCCESS", 0),
        ("PROBLEMS", 1),
        ("UNREADABLE", 2),
        ("SIGHUP", 129),
        ("SIGINT", 130),
        ("SIGTERM", 143),
    ]
    assert ExitStatus.of_signal(15) is ExitStatus.SIGTERM


def test_the_exit_codes_page_is_the_enum():
    page = EXIT_CODES_PAGE.read_text(encoding="utf-8")
    assert markdown_table() in page, "regenerate docs/reference/exit-codes.md: make readme"
    assert "| 143 | `SIGTERM` | ended by SIGTERM" in page


def test_check_exits_with_each_status_the_page_names(tmp_path):
    clean = write_project(tmp_path / "clean", {})
    assert petition("check", clean).exit_code == ExitStatus.SUCCESS == 0
    warned = write_project(tmp_path / "warned", {"letter.md": "We write  to you[^report].\n"})
    assert petition("check", warned).exit_code == 0
    assert petition("check", warned, "--strict").exit_code == ExitStatus.PROBLEMS == 1
    broken = write_project(tmp_path / "broken", {"letter.md": "We write to you[^nowhere].\n"})
    assert petition("check", broken).exit_code == 1
    unreadable = write_project(tmp_path / "unreadable", {"letter.md": b"We write to you \xff.\n"})
    assert petition("check", unreadable).exit_code == ExitStatus.UNREADABLE == 2
    assert petition("check", clean, "--no-such-option").exit_code == 2
