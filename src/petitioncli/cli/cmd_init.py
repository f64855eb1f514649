"""`petition init`: start a letter project, or the next edition of one."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

from ..exit_status import ExitStatus
from .app import app
from .common import DebugOpt, guarded, printing_results, stderr


@app.command(
    epilog="Examples: petition init my-letter --title 'Open letter on the dam' --language en-GB; "
    "petition init iap-2018 --from iap-2017. Exit code 1 when a file is in the way: nothing is then written."
)
def init(
    folder: Annotated[
        Path,
        typer.Argument(
            help="Folder for the new project; created when missing. Default: the current folder.",
            metavar="DIR",
            show_default=False,
        ),
    ] = Path("."),
    title: Annotated[
        str | None, typer.Option("--title", help="The letter's title. Default: 'Open letter', or --from's title.")
    ] = None,
    language: Annotated[
        str | None,
        typer.Option("--language", help="BCP 47 tag of the letter's language. Default: en-GB, or --from's language."),
    ] = None,
    source: Annotated[
        Path | None,
        typer.Option(
            "--from",
            help="Start the next edition of this project: manifest, recipients, footnotes and text copied, "
            "signatories emptied, date and slug removed.",
        ),
    ] = None,
    debug: DebugOpt = False,
) -> None:
    """Create a letter project that passes `petition check --strict` and builds, every file commented."""

    def run() -> ExitStatus:
        from ..diagnostics import display_path
        from ..init import init_project
        from ..loader import find_manifest
        from ..shown import markup, printable

        manifest = find_manifest(source) if source is not None else None
        written = init_project(folder, title=title, language=language, source=manifest)
        with printing_results():
            for path in written:
                typer.echo(printable(display_path(path)))
        # The folder's name is the user's: neither markup for Rich nor escape sequences for the terminal.
        where = "" if folder == Path(".") else f" {markup(display_path(folder))}"
        stderr().print(
            f"Next: edit the files, then `petition check{where}` and `petition build{where}`.",
            highlight=False,
            soft_wrap=True,
        )
        return ExitStatus.SUCCESS

    raise typer.Exit(guarded(debug, run))
