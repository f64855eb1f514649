"""`petition preview`: the letter as a web page on this machine, rebuilt on every save."""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Annotated

import typer

from ..exit_status import ExitStatus
from ..formats import Engine
from .app import app
from .common import DebugOpt, ProjectArg, VerboseOpt, complete_recipients, configure_logging, guarded, stderr

DEFAULT_PORT = 8765


@app.command(
    epilog="Examples: petition preview data --open; petition preview --lang fr --pdf; "
    "petition preview --port 0 (any free port)"
)
def preview(
    project: ProjectArg = None,
    to: Annotated[
        str | None,
        typer.Option("--to", help="Recipient id. Default: the manifest's.", autocompletion=complete_recipients),
    ] = None,
    lang: Annotated[
        str | None, typer.Option("--lang", help="The edition's language: the letter's own or a translation's tag.")
    ] = None,
    engine: Annotated[
        Engine | None,
        typer.Option("--engine", help="What prints the PDF with --pdf. Default: the manifest's.", case_sensitive=False),
    ] = None,
    port: Annotated[int, typer.Option("--port", help="Port to serve on; 0: any free port.", min=0, max=65535)] = (
        DEFAULT_PORT
    ),
    host: Annotated[
        str,
        typer.Option("--host", help="Address to serve on. Any other than 127.0.0.1 shows the letter to your network."),
    ] = "127.0.0.1",
    open_browser: Annotated[bool, typer.Option("--open", help="Open the page in the web browser.")] = False,
    pdf: Annotated[
        bool, typer.Option("--pdf", help="Also print the PDF into the output folder on each change.")
    ] = False,
    output_dir: Annotated[
        Path | None, typer.Option("--output-dir", help="Folder for the PDF. Default: dist/", show_default=False)
    ] = None,
    draft: Annotated[bool, typer.Option("--draft", help="Include pending signatories, marked.")] = False,
    verbose: VerboseOpt = False,
    debug: DebugOpt = False,
) -> None:
    """Serve the letter as a web page on this machine, rebuilt whenever a file of the project is saved.

    Problems show in a banner above the last letter that built, and in the terminal. Ctrl-C stops it.
    """
    configure_logging(verbose)

    def run() -> ExitStatus:
        from ..build import DEFAULT_OUTPUT_DIR
        from ..diagnostics import display_path
        from ..loader import find_manifest
        from ..preview import PreviewOptions, serve
        from ..shown import markup

        manifest = find_manifest(project)
        options = PreviewOptions(
            to=to,
            lang=lang,
            engine=engine,
            draft=draft,
            pdf=pdf,
            output_dir=output_dir or DEFAULT_OUTPUT_DIR,
        )

        def ready(url: str) -> None:
            # The address on stdout alone, for a script to read; everything else goes to stderr.
            print(url, flush=True)
            where = markup(display_path(manifest))
            stderr().print(f"Previewing {where} at {markup(url)} (Ctrl-C stops)", highlight=False, soft_wrap=True)
            if open_browser:
                import webbrowser

                webbrowser.open(url)

        serve(manifest, options, host=host, port=port, ready=ready, rebuilt=_report)
        return ExitStatus.SUCCESS

    raise typer.Exit(guarded(debug, run))


def _report(snapshot) -> None:
    """Each rebuild in one line, with the problems it found under it."""
    from ..shown import markup

    console = stderr()
    if snapshot.failed:
        kept = "; the page keeps the last letter that built" if snapshot.html is not None else ""
        console.print(f"[bold red]Not rebuilt[/]{kept}:", highlight=False)
    else:
        console.print(f"Rebuilt in {snapshot.seconds:.2f} s", highlight=False)
    for problem in snapshot.problems:
        colour = "red" if problem.severity == "error" else "yellow"
        console.print(f"  [{colour}]{markup(problem.line)}[/]", highlight=False, soft_wrap=True)
    sys.stderr.flush()
