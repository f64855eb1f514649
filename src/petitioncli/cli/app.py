"""The `petition` Typer application, to which every command module adds itself."""

from __future__ import annotations

from typing import Annotated

import typer

from .. import __version__

app = typer.Typer(
    name="petition",
    help="Assemble sign-on letters from data kept in git: check them, then build dated PDF, HTML and text letters.",
    no_args_is_help=True,
    add_completion=True,
    pretty_exceptions_enable=False,
    context_settings={"help_option_names": ["-h", "--help"]},
)


def _version(value: bool) -> None:
    if value:
        typer.echo(f"petition {__version__}")
        raise typer.Exit()


@app.callback()
def _main(
    version: Annotated[
        bool, typer.Option("--version", callback=_version, is_eager=True, help="Print the version and exit.")
    ] = False,
) -> None:
    """Assemble sign-on letters from data kept in git.

    Example: petition check data && petition build data --format pdf --to all
    """
