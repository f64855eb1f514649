"""The `petition` command: parses options, calls the library, prints results.

Each command is a module of this package that adds itself to the one Typer
application. Only typer is imported at start-up; the library is imported
inside each command so that `petition --help` stays fast.
"""

from __future__ import annotations

from . import cmd_build, cmd_check, cmd_diff, cmd_init, cmd_preview, cmd_schema, cmd_signatories
from .app import app
from .common import run_app

__all__ = [
    "app",
    "cmd_build",
    "cmd_check",
    "cmd_diff",
    "cmd_init",
    "cmd_preview",
    "cmd_schema",
    "cmd_signatories",
    "main",
]


def main() -> None:
    run_app(app)
