"""`petition-pre-commit`: the pre-commit hook, `petition check --strict` on every project a commit touches.

pre-commit passes the changed files; each belongs to the project of the
nearest folder above it holding a petition.yaml, and each such project is
checked once. A separate console script rather than a `petition` command,
so that the hook's way of naming projects stays out of `petition check`.
"""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

from ..exit_status import ExitStatus
from .cmd_check import OutputFormat, check_and_report
from .common import DebugOpt, guarded, run_app

app = typer.Typer(add_completion=False, pretty_exceptions_enable=False)


@app.command(epilog="Example (what pre-commit runs): petition-pre-commit data/signatories.yaml letters/2018/letter.md")
def pre_commit(
    files: Annotated[list[Path] | None, typer.Argument(help="Changed files; pre-commit passes them.")] = None,
    output_format: Annotated[
        OutputFormat, typer.Option("--output-format", help="human, json or github, as for petition check.")
    ] = OutputFormat.human,
    debug: DebugOpt = False,
) -> None:
    """Run `petition check --strict` on each letter project holding one of FILES."""

    def run() -> ExitStatus:
        from ..loader import manifests_of

        codes = [check_and_report(manifest, True, output_format) for manifest in manifests_of(files or [], Path.cwd())]
        # The worst outcome: a project that could not be read ranks above one with problems.
        return max(codes, default=ExitStatus.SUCCESS)

    raise typer.Exit(guarded(debug, run))


def main() -> None:
    run_app(app)
