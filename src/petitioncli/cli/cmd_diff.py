"""`petition diff OLD NEW`: the reviewer's view of what changed between two editions of a letter."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

from .app import app
from .common import DebugOpt, guarded, printing_results, stderr

_HELP = "A project folder or its petition.yaml (a git worktree of another commit works)."
_Old = Annotated[Path, typer.Argument(help="The earlier edition. " + _HELP, metavar="OLD", show_default=False)]
_New = Annotated[Path, typer.Argument(help="The later edition.", metavar="NEW", show_default=False)]


@app.command(
    epilog="Examples: petition diff ../letter-2017 data; "
    "git worktree add /tmp/before HEAD~3 && petition diff /tmp/before/data data --exit-code. "
    "Exit code 0 (with --exit-code: 0 no differences, 1 differences); 2: a project cannot be read.",
)
def diff(
    old: _Old,
    new: _New,
    json_output: Annotated[bool, typer.Option("--json", help="Print the differences as JSON on stdout.")] = False,
    exit_code: Annotated[
        bool, typer.Option("--exit-code", help="Exit 1 when there are differences, as `git diff --exit-code`.")
    ] = False,
    debug: DebugOpt = False,
) -> None:
    """Show what changed between two editions: signatories, footnotes, the letter's text, recipients, manifest."""

    def run() -> int:
        from rich.console import Console

        from ..diagnostics import display_path
        from ..diff import compare_projects
        from ..diff.show import to_json, to_text
        from ..report import coloured
        from ..shown import markup

        found, errors = compare_projects(old, new)
        for label, project, problems in (("OLD", old, errors[0]), ("NEW", new, errors[1])):
            if problems:
                count = len(problems)
                stderr().print(
                    f"note: {label} ({markup(display_path(project))}) has {count} error{'s' if count != 1 else ''}; "
                    f"`petition check {markup(display_path(project))}` shows them",
                    highlight=False,
                    soft_wrap=True,
                )
        with printing_results():
            if json_output:
                typer.echo(to_json(found, display_path(old), display_path(new)))
            else:
                console = Console()
                console.file.write(to_text(found, styled=coloured(console)))
        return 1 if exit_code and found else 0

    raise typer.Exit(guarded(debug, run, json_errors=json_output))
