"""`petition schema`: the JSON Schemas editors validate a project's YAML files with."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

from ..exit_status import ExitStatus
from .app import app
from .common import DebugOpt, guarded, printing_results


@app.command(
    epilog="Examples: petition schema; petition schema --output my-letter/schemas "
    "(refreshes the copies `petition init` wrote after an upgrade)."
)
def schema(
    output: Annotated[
        Path, typer.Option("--output", "-o", help="Folder the four .schema.json files are written to.")
    ] = Path("schemas"),
    debug: DebugOpt = False,
) -> None:
    """Write JSON Schemas (draft 2020-12) for petition.yaml, signatories.yaml, footnotes.yaml and recipients.yaml."""

    def run() -> ExitStatus:
        from ..diagnostics import PetitionError, display_path
        from ..schema import write_schemas
        from ..shown import printable

        if output.exists() and not output.is_dir():
            raise PetitionError(f"--output must be a folder, and {output} is a file")
        written = write_schemas(output)
        with printing_results():
            for path in written:
                typer.echo(printable(display_path(path)))
        return ExitStatus.SUCCESS

    raise typer.Exit(guarded(debug, run))
