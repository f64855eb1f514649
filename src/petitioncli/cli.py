"""The `petition` command: parses options, calls the library, prints results.

Only typer is imported at start-up; the library is imported inside each
command so that `petition --help` stays fast.
"""

from __future__ import annotations

import logging
import sys
from enum import StrEnum
from pathlib import Path
from typing import Annotated, Any

import typer

from . import __version__

app = typer.Typer(
    name="petition",
    help="Assemble sign-on letters from data kept in git: check them, then build dated PDF, HTML and text letters.",
    no_args_is_help=True,
    add_completion=True,
    pretty_exceptions_enable=False,
    context_settings={"help_option_names": ["-h", "--help"]},
)


class Format(StrEnum):
    pdf = "pdf"
    txt = "txt"
    html = "html"


class Paper(StrEnum):
    a4 = "a4"
    letter = "letter"


class OutputFormat(StrEnum):
    human = "human"
    json = "json"
    github = "github"


ProjectArg = Annotated[
    Path | None,
    typer.Argument(
        help="Folder holding petition.yaml, or the manifest itself. "
        "Default: ./petition.yaml, else ./data/petition.yaml.",
        show_default=False,
    ),
]
VerboseOpt = Annotated[bool, typer.Option("--verbose", "-v", help="Also show what the PDF engine logs.")]
DebugOpt = Annotated[bool, typer.Option("--debug", help="Show Python tracebacks for unexpected failures.")]


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


def _stderr():
    from rich.console import Console

    return Console(stderr=True)


def _configure_logging(verbose: bool) -> None:
    """Library chatter (WeasyPrint, fontTools) reaches the user only with --verbose."""
    for name in ("weasyprint", "fontTools"):
        logger = logging.getLogger(name)
        logger.handlers.clear()
        logger.propagate = False
        if verbose:
            handler = logging.StreamHandler(sys.stderr)
            handler.setFormatter(logging.Formatter("%(name)s: %(levelname)s: %(message)s"))
            logger.addHandler(handler)
            logger.setLevel(logging.INFO)
        else:
            logger.addHandler(logging.NullHandler())


def _fail(message: str, code: int) -> typer.Exit:
    from rich.markup import escape

    _stderr().print(f"[bold red]petition: error:[/] {escape(message)}", highlight=False, soft_wrap=True)
    return typer.Exit(code)


def _guarded(debug: bool, action):
    """Runs a command; user errors become one line on stderr, never a traceback."""
    from .diagnostics import PetitionError

    try:
        return action()
    except PetitionError as exc:
        if debug:
            raise
        raise _fail(str(exc), exc.exit_code) from None
    except KeyboardInterrupt:
        raise _fail("interrupted; files written before were left as they were", 130) from None
    except (typer.Exit, typer.Abort):
        raise
    except Exception as exc:
        if debug:
            raise
        raise _fail(f"unexpected failure: {type(exc).__name__}: {exc} (run with --debug for details)", 2) from None


@app.command(
    epilog="Examples: petition build data --format pdf --format txt; "
    "petition build --to all --date today --output-dir out/"
)
def build(
    project: ProjectArg = None,
    formats: Annotated[list[Format], typer.Option("--format", "-f", help="Output format; repeat for several.")] = [
        Format.pdf
    ],
    to: Annotated[
        str | None, typer.Option("--to", help="Recipient id, or 'all' for one letter each. Default: the manifest's.")
    ] = None,
    date: Annotated[
        str | None, typer.Option("--date", help="The letter's date, YYYY-MM-DD or 'today'. Default: the manifest's.")
    ] = None,
    output: Annotated[Path | None, typer.Option("--output", "-o", help="Write the one output to this file.")] = None,
    output_dir: Annotated[Path, typer.Option("--output-dir", help="Folder for the outputs.")] = Path("dist"),
    width: Annotated[int, typer.Option("--width", help="Text letters: wrap paragraphs at this many columns.")] = 72,
    paper: Annotated[Paper, typer.Option("--paper", help="PDF paper size.")] = Paper.a4,
    draft: Annotated[
        bool, typer.Option("--draft", help="Include pending signatories, marked, and a DRAFT mark.")
    ] = False,
    json_summary: Annotated[bool, typer.Option("--json", help="Print a machine-readable summary on stdout.")] = False,
    verbose: VerboseOpt = False,
    debug: DebugOpt = False,
) -> None:
    """Check a letter project, then build its letters (PDF by default) into dist/."""
    _configure_logging(verbose)

    def run() -> int:
        from .build import BuildOptions
        from .build import build as build_letters
        from .dates import parse_date_option
        from .loader import find_manifest

        manifest = find_manifest(project)
        options = BuildOptions(
            formats=[f.value for f in formats],
            to=to,
            date=parse_date_option(date) if date is not None else None,
            output=output,
            output_dir=output_dir,
            width=width,
            paper=paper.value,
            draft=draft,
        )
        with _status("Building") as progress:
            result = build_letters(manifest, options, progress)
        return _report_build(result, json_summary)

    raise typer.Exit(_guarded(debug, run))


class _status:
    """A Rich status line on a terminal while letters render; silent otherwise."""

    def __init__(self, message: str):
        self.message = message
        self._status: Any = None

    def __enter__(self):
        # Rich costs 30 ms to import; a build that no one watches does without it.
        if sys.stderr.isatty():
            console = _stderr()
            if console.is_terminal:
                self._status = console.status(self.message)
                self._status.__enter__()
        return self.update

    def update(self, message: str) -> None:
        if self._status is not None:
            self._status.update(message)

    def __exit__(self, *exc_info):
        if self._status is not None:
            self._status.__exit__(*exc_info)
        return False


def _report_build(result, json_summary: bool) -> int:
    import json

    from .diagnostics import display_path
    from .report import as_dicts, print_human

    if result.diagnostics:
        print_human(_stderr(), result.diagnostics)
    if json_summary:
        summary = {
            "ok": not result.failed,
            "files": [
                {
                    "path": display_path(f.path),
                    "format": f.format,
                    "recipient": f.recipient,
                    "date": f.date.isoformat(),
                    "bytes": f.size,
                    "sha256": f.sha256,
                }
                for f in result.files
            ],
            "diagnostics": as_dicts(result.diagnostics),
        }
        typer.echo(json.dumps(summary, ensure_ascii=False, indent=2))
    if result.failed:
        errors = len(result.diagnostics.errors)
        _stderr().print(f"[bold red]Nothing written:[/] {errors} error{'s' if errors != 1 else ''}.", highlight=False)
        return result.diagnostics.exit_code()
    if not json_summary:
        for built in result.files:
            typer.echo(display_path(built.path))
    return 0


@app.command(
    epilog="Examples: petition check data --strict; petition check --output-format github. "
    "Exit code 0: no errors; 1: errors (or warnings with --strict); 2: a file missing or unreadable."
)
def check(
    project: ProjectArg = None,
    strict: Annotated[bool, typer.Option("--strict", help="Fail on warnings too.")] = False,
    output_format: Annotated[
        OutputFormat, typer.Option("--output-format", help="human, json (a list of problems) or github annotations.")
    ] = OutputFormat.human,
    debug: DebugOpt = False,
) -> None:
    """Report every problem in a letter project, each with its file, line, column and rule id."""

    def run() -> int:
        from rich.console import Console

        from .build import validate
        from .loader import find_manifest
        from .report import print_human, to_github, to_json

        result = validate(find_manifest(project))
        diagnostics = result.diagnostics
        if output_format is OutputFormat.json:
            typer.echo(to_json(diagnostics))
        elif output_format is OutputFormat.github:
            if diagnostics:
                typer.echo(to_github(diagnostics))
        else:
            print_human(Console(), diagnostics, files_checked=len(result.sources))
        return diagnostics.exit_code(strict=strict)

    raise typer.Exit(_guarded(debug, run))


def main() -> None:
    app()
