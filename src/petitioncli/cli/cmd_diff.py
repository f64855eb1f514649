"""`petition diff [OLD] [NEW]`: the reviewer's view of what changed between two editions of a letter."""

from __future__ import annotations

from enum import StrEnum
from typing import Annotated

import typer

from ..exit_status import ExitStatus
from .app import app
from .common import DebugOpt, guarded, printing_results, stderr

_EACH = (
    "A project folder or its petition.yaml, or a git revision (main, HEAD~3, v2017; main:FOLDER names the "
    "project in it), read from git without a checkout."
)
_Old = Annotated[
    str | None,
    typer.Argument(
        help="The earlier edition. " + _EACH + " Alone: compared with the work tree; a range A...B compares B "
        "with its merge base with A. Default: HEAD.",
        metavar="[OLD]",
        show_default=False,
    ),
]
_New = Annotated[
    str | None,
    typer.Argument(
        help="The later edition, as OLD. Default: the project in the work tree.", metavar="[NEW]", show_default=False
    ),
]


class DiffFormat(StrEnum):
    text = "text"
    json = "json"
    markdown = "markdown"


@app.command(
    epilog="Examples: petition diff main (the work tree against main); petition diff origin/main...HEAD --format "
    "markdown > comment.md; petition diff ../letter-2017 data --exit-code. Exit code 0 (with --exit-code: "
    "0 no differences, 1 differences); 2: a project or revision cannot be read.",
)
def diff(
    old: _Old = None,
    new: _New = None,
    output_format: Annotated[
        DiffFormat,
        typer.Option(
            "--format",
            help="text for a terminal, json for programs, markdown for a pull-request comment.",
            case_sensitive=False,
        ),
    ] = DiffFormat.text,
    json_output: Annotated[bool, typer.Option("--json", help="The same as --format json.")] = False,
    exit_code: Annotated[
        bool, typer.Option("--exit-code", help="Exit 1 when there are differences, as `git diff --exit-code`.")
    ] = False,
    debug: DebugOpt = False,
) -> None:
    """Show what changed between two editions: signatories, footnotes, the letter's text, recipients, manifest."""
    shown = DiffFormat.json if json_output else output_format

    def run() -> ExitStatus:
        from rich.console import Console

        from ..diagnostics import PetitionError

        if json_output and output_format is DiffFormat.markdown:
            raise PetitionError("--json is --format json; it cannot be --format markdown too")

        from ..diff import compare_projects, sides
        from ..diff.markdown import to_markdown
        from ..diff.show import to_json, to_text
        from ..report import coloured
        from ..shown import printable

        before, after = sides(old, new)
        found, errors = compare_projects(before, after)
        for label, side, problems in (("OLD", before, errors[0]), ("NEW", after, errors[1])):
            if problems:
                count = len(problems)
                where = "" if side.from_git else f"; `petition check {side.label}` shows them"
                stderr().print(
                    printable(f"note: {label} ({side.label}) has {count} error{'s' if count != 1 else ''}{where}"),
                    highlight=False,
                    soft_wrap=True,
                    markup=False,
                )
        with printing_results():
            if shown is DiffFormat.json:
                typer.echo(to_json(found, before.label, after.label))
            elif shown is DiffFormat.markdown:
                typer.echo(to_markdown(found, before.label, after.label), nl=False)
            else:
                console = Console()
                console.file.write(to_text(found, styled=coloured(console)))
        return ExitStatus.PROBLEMS if exit_code and found else ExitStatus.SUCCESS

    raise typer.Exit(guarded(debug, run, json_errors=shown is DiffFormat.json))
