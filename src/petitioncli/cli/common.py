"""What every command shares: the PROJECT argument, --verbose and --debug, and how failures are said."""

from __future__ import annotations

import contextlib
import errno
import logging
import os
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import Annotated

import typer

from ..exit_status import ExitStatus

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


def stderr():
    from rich.console import Console

    # emoji=False: a name holding `:x:` is printed as written, not as ❌.
    return Console(stderr=True, emoji=False)


def configure_logging(verbose: bool) -> None:
    """Library chatter (WeasyPrint, fontTools, Typst) reaches the user only with --verbose."""
    for name in ("weasyprint", "fontTools", "typst"):
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


def fail(message: str, code: ExitStatus) -> typer.Exit:
    from ..shown import markup

    # With stderr on a full disk the message is lost, but the exit code still tells.
    with contextlib.suppress(OSError):
        stderr().print(f"[bold red]petition: error:[/] {markup(message)}", highlight=False, soft_wrap=True)
    return typer.Exit(code)


class StdoutFailed(Exception):
    """Writing a command's results to stdout failed: the disk is full, or the reader has gone."""

    def __init__(self, error: OSError):
        super().__init__(error)
        self.error = error


@contextlib.contextmanager
def printing_results() -> Iterator[None]:
    """Marks what a command prints to stdout, so that a failure there is told apart from any other."""
    try:
        yield
    except OSError as exc:
        raise StdoutFailed(exc) from exc


def run_app(app: typer.Typer) -> None:
    """Runs a Typer application as a console script.

    Usage errors (an unknown option, a value not among the choices) are
    Typer's to find; they are printed here, as Typer would, and also as JSON
    when the command was asked for --json.
    """
    try:
        code = app(standalone_mode=False)
    except typer.TyperException as exc:
        if "--json" in sys.argv[1:]:
            print_json_error(exc.format_message(), exc.exit_code)
        # Usage errors know how to show themselves with the command's usage line.
        show = getattr(exc, "show", None)
        if show is not None:
            show()
        else:
            fail(exc.format_message(), ExitStatus(exc.exit_code))
        sys.exit(exc.exit_code)
    except typer.Abort:
        sys.exit(fail("interrupted", ExitStatus.SIGINT).exit_code)
    except OSError as exc:
        # Only --help and --version print outside a command's guard: Click
        # prints them while it reads the options.
        sys.exit(stdout_failed(exc).exit_code)
    sys.exit(code or ExitStatus.SUCCESS)


def stdout_failed(error: OSError) -> typer.Exit:
    """Ends a command whose stdout cannot be written: quietly when the reader has gone, as after `| head -1`."""
    # What is still buffered for stdout can never be written; pointed at
    # /dev/null, Python's own flush at exit passes quietly.
    with contextlib.suppress(OSError, ValueError):  # a stdout without a descriptor (tests), or none at all
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
        os.close(devnull)
    if error.errno == errno.EPIPE:
        return typer.Exit(ExitStatus.PROBLEMS)  # as Click does for --help
    return fail(f"cannot write to standard output: {error.strerror or error}", ExitStatus.UNREADABLE)


def guarded(debug: bool, action, *, json_errors: bool = False):
    """Runs a command; user errors become one line on stderr, never a traceback.

    With `json_errors` (a command run with --json), a failure is also one JSON
    document on stdout, so that every outcome of such a command is one.
    """
    from .. import process
    from ..diagnostics import PetitionError, Refused
    from ..output import Interrupted, stop_signals_interrupt

    def failed(message: str, code: ExitStatus) -> typer.Exit:
        if json_errors:
            print_json_error(message, code)
        return fail(message, code)

    try:
        # Everything the command changes about the process is undone when it ends (`process.py`).
        with stop_signals_interrupt() as stopping, process.tuned():
            code = action()
            if stopping.held is not None:
                # It came after the files were written, and waited for the report of them.
                with contextlib.suppress(OSError):
                    stderr().print(
                        f"petition: {signal_name(stopping.held)} came after the work was written; "
                        "the report above is complete",
                        highlight=False,
                    )
            return code
    except PetitionError as exc:
        if debug:
            raise
        if isinstance(exc, Refused):
            from ..report import print_human

            print_human(stderr(), exc.diagnostics)
        raise failed(str(exc), exc.exit_code) from None
    except Interrupted as exc:
        raise failed(str(exc), exc.exit_code) from None
    except StdoutFailed as exc:
        raise stdout_failed(exc.error) from None
    except KeyboardInterrupt:
        raise failed("interrupted; files written before were left as they were", ExitStatus.SIGINT) from None
    except (typer.Exit, typer.Abort):
        raise
    except Exception as exc:
        if debug:
            raise
        raise failed(
            f"unexpected failure: {type(exc).__name__}: {exc} (run with --debug for details)", ExitStatus.UNREADABLE
        ) from None


def signal_name(signum: int) -> str:
    import signal

    return signal.Signals(signum).name


def print_json_error(message: str, code: int) -> None:
    """A failure as the one JSON document a --json command prints: `ok` false, the error and the exit code."""
    import json

    from ..shown import json_text

    with contextlib.suppress(OSError):
        failure = {"ok": False, "error": message, "exit_code": code}
        typer.echo(json_text(json.dumps(failure, ensure_ascii=False, indent=2)))


def complete_recipients(ctx: typer.Context, incomplete: str) -> list[str]:
    """Shell completion for `--to`: the project's recipient ids, and `all`."""
    from ..loader import find_manifest, recipient_ids

    project = ctx.params.get("project")
    try:
        ids = recipient_ids(find_manifest(Path(project) if project else None))
    except Exception:  # completion must never break the user's shell, whatever the project holds
        return []
    return [rid for rid in [*ids, "all"] if rid.startswith(incomplete)]
