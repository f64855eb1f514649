"""`petition build`: check a project, then write its letters."""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Annotated, Any

import typer

from ..exit_status import ExitStatus
from ..formats import DEFAULT_ENGINE, DEFAULT_WIDTH, Engine, Format, Paper
from .app import app
from .common import (
    DebugOpt,
    ProjectArg,
    VerboseOpt,
    complete_recipients,
    configure_logging,
    guarded,
    printing_results,
    stderr,
)


@app.command(
    epilog="Examples: petition build data --format pdf --format txt; "
    "petition build --to all --date today --output-dir out/; a release: petition build --to all --lang all "
    "--format pdf --format html --format txt --checksums dist/SHA256SUMS --json"
)
def build(
    project: ProjectArg = None,
    formats: Annotated[
        list[Format] | None,
        typer.Option(
            "--format",
            "-f",
            help="Output format; repeat for several. Default: what --output's name says, else pdf.",
            case_sensitive=False,
            show_default=False,
        ),
    ] = None,
    to: Annotated[
        str | None,
        typer.Option(
            "--to",
            help="Recipient id, or 'all' for one letter each. Default: the manifest's.",
            autocompletion=complete_recipients,
        ),
    ] = None,
    lang: Annotated[
        str | None,
        typer.Option(
            "--lang", help="The edition's language: the letter's own, a translation's tag, or 'all'. Default: its own."
        ),
    ] = None,
    date: Annotated[
        str | None, typer.Option("--date", help="The letter's date, YYYY-MM-DD or 'today'. Default: the manifest's.")
    ] = None,
    output: Annotated[
        Path | None, typer.Option("--output", "-o", help="Write the one output to this file; '-': to stdout.")
    ] = None,
    output_dir: Annotated[
        Path | None, typer.Option("--output-dir", help="Folder for the outputs. Default: dist/", show_default=False)
    ] = None,
    width: Annotated[
        int, typer.Option("--width", help="Text letters: wrap paragraphs at this many columns.")
    ] = DEFAULT_WIDTH,
    paper: Annotated[Paper, typer.Option("--paper", help="PDF paper size.", case_sensitive=False)] = Paper.A4,
    engine: Annotated[
        Engine | None,
        typer.Option(
            "--engine",
            help="What prints the PDF; typst, for long letters, is an optional extra. Default: the manifest's, "
            f"else {DEFAULT_ENGINE}.",
            case_sensitive=False,
        ),
    ] = None,
    draft: Annotated[
        bool, typer.Option("--draft", help="Include pending signatories, marked, and a DRAFT mark.")
    ] = False,
    json_summary: Annotated[
        bool, typer.Option("--json", help="Print what was written, with each file's SHA-256, as JSON on stdout.")
    ] = False,
    checksums: Annotated[
        Path | None,
        typer.Option(
            "--checksums",
            help="Also write this SHA256SUMS file listing every letter, for `sha256sum -c`.",
            show_default=False,
        ),
    ] = None,
    verbose: VerboseOpt = False,
    debug: DebugOpt = False,
) -> None:
    """Check a letter project, then build its letters (PDF by default) into dist/."""
    configure_logging(verbose)

    def run() -> ExitStatus:
        from ..build import STDOUT, BuildOptions, requested_formats
        from ..build import build as build_letters
        from ..dates import parse_date_option
        from ..diagnostics import PetitionError
        from ..formats import FORMATS
        from ..loader import find_manifest

        if output == STDOUT and json_summary:
            raise PetitionError("--json and --output - would both print to standard output; choose one")
        manifest = find_manifest(project)
        options = BuildOptions(
            formats=list(formats or ()),
            to=to,
            lang=lang,
            date=parse_date_option(date) if date is not None else None,
            output=output,
            output_dir=output_dir,
            width=width,
            paper=paper,
            draft=draft,
            engine=engine,
            checksums=checksums,
        )
        terminal_unfit = [fmt for fmt in requested_formats(options) if not FORMATS[fmt].for_terminal]
        if output == STDOUT and terminal_unfit and sys.stdout.isatty():
            raise PetitionError(
                f"a {terminal_unfit[0].upper()} is not written to a terminal; redirect it "
                f"(> letter.{terminal_unfit[0]}) or add --format txt"
            )
        with _ProgressBar(shown=not json_summary) as bar:
            result = build_letters(manifest, options, bar.step, bar)
        return _report_build(result, json_summary, checksums)

    raise typer.Exit(guarded(debug, run, json_errors=json_summary))


# A PDF of a longer list takes long enough to lay out for a bar to be worth drawing.
LONG_PDF_SIGNATORIES = 1_000


class _ProgressBar:
    """A Rich progress bar on stderr, naming the letter being made, for builds worth watching.

    Drawn only on a terminal and never with --json, and only when the build
    makes more than one file or a PDF of a long list; otherwise silent.
    """

    def __init__(self, shown: bool):
        self.shown = shown
        self._bar: Any = None
        self._task: Any = None
        self._letter = ""
        self._started = 0

    def __enter__(self) -> _ProgressBar:
        # Rich costs 30 ms to import; a build that no one watches does without it.
        self.shown = self.shown and sys.stderr.isatty() and stderr().is_terminal
        return self

    def planned(self, files: int, pdf_signatories: int) -> None:
        if not self.shown or (files <= 1 and pdf_signatories <= LONG_PDF_SIGNATORIES):
            return
        from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn

        self._bar = Progress(
            TextColumn("{task.description}"),
            BarColumn(),
            MofNCompleteColumn(),
            TimeElapsedColumn(),
            console=stderr(),
            transient=True,
        )
        self._task = self._bar.add_task("Building", total=files)
        self._bar.start()

    def rendering(self, name: str) -> None:
        from ..shown import markup

        # The bar's description is Rich markup; the file's name comes from the project.
        self._letter = markup(name)
        if self._bar is not None:
            self._bar.update(self._task, completed=self._started, description=name)
            self._started += 1

    def step(self, message: str) -> None:
        if self._bar is not None:
            self._bar.update(self._task, description=f"{self._letter}: {message}")

    def __exit__(self, *exc_info) -> None:
        if self._bar is not None:
            self._bar.update(self._task, completed=self._started, description=self._letter)
            self._bar.stop()


def _report_build(result, json_summary: bool, checksums: Path | None = None) -> ExitStatus:
    import json

    from ..diagnostics import display_path
    from ..report import as_dicts, print_human
    from ..shown import json_text, printable

    if result.diagnostics:
        print_human(stderr(), result.diagnostics)
    if json_summary:
        summary = {
            "ok": not result.failed,
            "files": [
                {
                    "path": display_path(f.path),
                    "format": f.format,
                    "recipient": f.recipient,
                    "language": f.language,
                    "date": f.date.isoformat(),
                    "bytes": f.size,
                    "sha256": f.sha256,
                }
                for f in result.files
            ],
            "diagnostics": as_dicts(result.diagnostics),
        }
        if checksums is not None and not result.failed:
            summary["checksums"] = display_path(checksums)
        with printing_results():
            typer.echo(json_text(json.dumps(summary, ensure_ascii=False, indent=2)))
    if result.failed:
        errors = len(result.diagnostics.errors)
        stderr().print(f"[bold red]Nothing written:[/] {errors} error{'s' if errors != 1 else ''}.", highlight=False)
        return result.diagnostics.exit_code()
    if result.standard_output is not None:
        with printing_results():
            sys.stdout.buffer.write(result.standard_output)
            sys.stdout.flush()
    elif not json_summary:
        with printing_results():
            for built in result.files:
                typer.echo(printable(display_path(built.path)))
            if checksums is not None:
                typer.echo(printable(display_path(checksums)))
    return ExitStatus.SUCCESS
