"""`petition signatories add|import|withdraw|remove|stats`: the officer's commands for the list of signatories."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

from ..exit_status import ExitStatus
from .app import app
from .common import DebugOpt, ProjectArg, fail, guarded, printing_results, stderr

signatories_app = typer.Typer(
    name="signatories",
    help="Add, import, withdraw, remove and count a letter's signatories.",
    no_args_is_help=True,
    context_settings={"help_option_names": ["-h", "--help"]},
)
app.add_typer(signatories_app, name="signatories")

JsonOpt = Annotated[bool, typer.Option("--json", help="Print the result as JSON on stdout.")]


def say_waiting(manifest: Path) -> None:
    """Why a writer of the list is silent: another one holds the list, and this one waits its turn."""
    from ..diagnostics import display_path
    from ..shown import markup

    stderr().print(
        f"petition: waiting for another petition command writing the signatories of {markup(display_path(manifest))}…",
        highlight=False,
    )


@signatories_app.command(
    "add",
    epilog="Example: petition signatories add data --name 'Article 19' --location London --country GB "
    "--url article19.org. Exit code 1: refused (a duplicate, an invalid value), nothing written.",
)
def add(
    name: Annotated[str, typer.Option("--name", help="The organisation or person, as printed.")],
    project: ProjectArg = None,
    location: Annotated[str | None, typer.Option("--location", help="City, country or region.")] = None,
    affiliation: Annotated[
        str | None, typer.Option("--affiliation", help="For individuals: the organisation they belong to.")
    ] = None,
    url: Annotated[str | None, typer.Option("--url", help="Web site; https:// is added when left out.")] = None,
    country: Annotated[
        str | None,
        typer.Option("--country", help="ISO 3166-1 alpha-2 code (GB), or a name in English or the letter's languages."),
    ] = None,
    status: Annotated[str | None, typer.Option("--status", help="confirmed (default), pending or withdrawn.")] = None,
    debug: DebugOpt = False,
) -> None:
    """Add a signatory, checked like `petition check` checks the list, without changing the rest of the file."""

    def run() -> ExitStatus:
        from ..diagnostics import display_path
        from ..loader import find_manifest
        from ..report import print_human
        from ..shown import printable
        from ..signatories.add import add as add_entry

        given = {"name": name, "location": location, "affiliation": affiliation, "url": url}
        given |= {"country": country, "status": status}
        chosen = {key: value for key, value in given.items() if value is not None}
        added = add_entry(find_manifest(project), chosen, waiting=say_waiting)
        print_human(stderr(), added.diagnostics)
        if added.line is None:
            raise fail(f"'{name}' was not added; {display_path(added.path)} is unchanged", ExitStatus.PROBLEMS)
        details = ", ".join(f"{key}: {value}" for key, value in added.values.items() if key != "name")
        with printing_results():
            typer.echo(
                printable(
                    f"Added '{added.values['name']}' at {display_path(added.path)}:{added.line}"
                    + (f" ({details})" if details else "")
                )
            )
        return ExitStatus.SUCCESS

    raise typer.Exit(guarded(debug, run))


@signatories_app.command(
    "import",
    epilog="Examples: petition signatories import responses.csv data --dry-run; "
    "petition signatories import export.csv --map 'Your organisation=name' --map 'Name='. "
    "Exit code 1: some rows were rejected (the others were added).",
)
def import_(
    export: Annotated[
        Path, typer.Argument(help="The CSV export of a form or spreadsheet.", metavar="FILE", show_default=False)
    ],
    project: ProjectArg = None,
    mapping: Annotated[
        list[str],
        typer.Option(
            "--map",
            help="COLUMN=field reads COLUMN as a field: name, title, affiliation, on_behalf_of, location, sort_as, "
            "group, noqa, url, country, status, highlight, logo, links, or consent (the answer yes or no to "
            "signing: a row that says no is declined, never added); COLUMN= leaves it out. Repeatable.",
        ),
    ] = [],
    dry_run: Annotated[bool, typer.Option("--dry-run", help="Report what would happen; write nothing.")] = False,
    json_output: JsonOpt = False,
    debug: DebugOpt = False,
) -> None:
    """Merge a form's CSV export into the signatories: each row added, a duplicate, or rejected with its reason."""

    def run() -> ExitStatus:
        from rich.console import Console

        from ..loader import find_manifest
        from ..report import coloured
        from ..signatories import import_report
        from ..signatories.importer import import_export

        imported = import_export(export, find_manifest(project), mapping, dry_run=dry_run, waiting=say_waiting)
        with printing_results():
            if json_output:
                typer.echo(import_report.to_json(imported, dry_run=dry_run))
            else:
                console = Console()
                console.file.write(import_report.to_text(imported, dry_run=dry_run, styled=coloured(console)))
        return ExitStatus.PROBLEMS if imported.of("rejected") else ExitStatus.SUCCESS

    raise typer.Exit(guarded(debug, run, json_errors=json_output))


NameOpt = Annotated[
    str,
    typer.Option(
        "--name",
        help="The signatory's name; accents, case and punctuation aside, as `check` compares names.",
    ),
]


@signatories_app.command(
    "withdraw",
    epilog="Example: petition signatories withdraw data --name 'Article 19' --note 'asked on 3 May'. "
    "Exit code 1: no such name, or several entries have it (each listed), nothing written.",
)
def withdraw(
    name: NameOpt,
    project: ProjectArg = None,
    note: Annotated[
        str | None, typer.Option("--note", help="Why, kept as a comment under the status (YAML lists).")
    ] = None,
    debug: DebugOpt = False,
) -> None:
    """Mark a signatory as withdrawn: kept in the list, no longer printed, and not imported again.

    Only the entry's status changes (or is added); every other byte of the file stays.
    """

    def run() -> ExitStatus:
        from ..loader import find_manifest
        from ..signatories.edit import withdraw as withdraw_entry

        edited = withdraw_entry(find_manifest(project), name, note, waiting=say_waiting)
        _say_edited(edited, "was withdrawn already; nothing written" if not edited.written else "")
        return ExitStatus.SUCCESS

    raise typer.Exit(guarded(debug, run))


@signatories_app.command(
    "remove",
    epilog="Example: petition signatories remove data --name 'Amnesty Internationl'. "
    "A later import adds a removed name again: for a signatory who withdrew, use `withdraw`. "
    "Exit code 1: no such name, or several entries have it (each listed), nothing written.",
)
def remove(name: NameOpt, project: ProjectArg = None, debug: DebugOpt = False) -> None:
    """Delete an entry added by mistake, every other byte of the file kept.

    A later import adds the name again; for a signatory who withdrew, use `withdraw`, which keeps them out.
    """

    def run() -> ExitStatus:
        from ..loader import find_manifest
        from ..signatories.edit import remove as remove_entry

        _say_edited(remove_entry(find_manifest(project), name, waiting=say_waiting), "")
        return ExitStatus.SUCCESS

    raise typer.Exit(guarded(debug, run))


def _say_edited(edited, unchanged: str) -> None:
    from ..diagnostics import display_path
    from ..shown import printable

    where = f"{display_path(edited.path)}:{edited.entry.pos.line}"
    with printing_results():
        if unchanged:
            typer.echo(printable(f"'{edited.entry.name}' at {where} {unchanged}"))
        else:
            verb = "Withdrew" if edited.action == "withdrawn" else "Removed"
            typer.echo(printable(f"{verb} '{edited.entry.name}' at {where}"))


@signatories_app.command("stats", epilog="Examples: petition signatories stats data; petition signatories stats --json")
def stats(project: ProjectArg = None, json_output: JsonOpt = False, debug: DebugOpt = False) -> None:
    """Count the signatories by status, country and location, and those with a URL."""

    def run() -> ExitStatus:
        import json

        from rich.console import Console

        from ..loader import find_manifest
        from ..shown import json_text
        from ..signatories.stats import count, print_tables

        found = count(find_manifest(project))
        if found.problems:
            errors = len(found.problems)
            stderr().print(
                f"note: the list has {errors} error{'s' if errors != 1 else ''} (petition check shows them); "
                "entries that could not be read are not counted",
                highlight=False,
                soft_wrap=True,
            )
        with printing_results():
            if json_output:
                typer.echo(json_text(json.dumps(found.as_json(), ensure_ascii=False, indent=2)))
            else:
                print_tables(Console(), found)
        return ExitStatus.SUCCESS

    raise typer.Exit(guarded(debug, run, json_errors=json_output))
