"""`petition check`: every problem of a project, for people, scripts and CI."""

from __future__ import annotations

from enum import StrEnum
from pathlib import Path
from typing import Annotated

import typer

from ..exit_status import ExitStatus
from .app import app
from .common import DebugOpt, ProjectArg, guarded, printing_results


class OutputFormat(StrEnum):
    human = "human"
    json = "json"
    github = "github"
    gitlab = "gitlab"


@app.command(
    epilog="Examples: petition check data --strict; petition check --output-format github; "
    "petition check data --verbose (each problem's rule page). "
    "Exit code 0: no errors; 1: errors (or warnings with --strict); 2: a file missing or unreadable."
)
def check(
    project: ProjectArg = None,
    strict: Annotated[bool, typer.Option("--strict", help="Fail on warnings too.")] = False,
    output_format: Annotated[
        OutputFormat,
        typer.Option(
            "--output-format",
            help="human, json (a list of problems), github annotations or a gitlab code quality report.",
            case_sensitive=False,
        ),
    ] = OutputFormat.human,
    verbose: Annotated[
        bool, typer.Option("--verbose", "-v", help="Follow each problem with the web page of its rule.")
    ] = False,
    debug: DebugOpt = False,
) -> None:
    """Report every problem in a letter project, each with its file, line, column and rule id."""

    def run() -> ExitStatus:
        from ..loader import find_manifest

        return check_and_report(find_manifest(project), strict, output_format, links=verbose)

    raise typer.Exit(guarded(debug, run))


def check_and_report(manifest: Path, strict: bool, output_format: OutputFormat, *, links: bool = False) -> ExitStatus:
    """Checks one project, prints its problems on stdout, and returns the exit code they call for.

    `links` adds each rule's page to the human format; json always carries it.
    """
    from rich.console import Console

    from ..build import validate
    from ..report import print_human, to_github, to_gitlab, to_json

    result = validate(manifest)
    diagnostics = result.diagnostics
    with printing_results():
        if output_format is OutputFormat.json:
            typer.echo(to_json(diagnostics))
        elif output_format is OutputFormat.github:
            if diagnostics:
                typer.echo(to_github(diagnostics))
        elif output_format is OutputFormat.gitlab:
            typer.echo(to_gitlab(diagnostics))
        else:
            print_human(Console(), diagnostics, files_checked=len(result.sources), links=links)
    return diagnostics.exit_code(strict=strict)
