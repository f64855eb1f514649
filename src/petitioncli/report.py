"""Printing problems for people (`human`), programs (`json`) and GitHub Actions (`github`)."""

from __future__ import annotations

import json
import re
from collections.abc import Sequence

from rich.console import Console
from rich.text import Text

from .diagnostics import Diagnostic, display_path

_STYLE = {"error": "bold red", "warning": "yellow"}
# Messages quote the user's data, which YAML escapes can fill with any
# character: a line break would split a report line, an ESC would reach the terminal.
_CONTROL = re.compile("[\x00-\x1f\x7f-\x9f\u2028\u2029]")
_NAMED = {"\n": "\\n", "\r": "\\r", "\t": "\\t"}


def printable(text: str) -> str:
    """The text with control characters written as escapes (\\n, \\u001b), on one line."""
    return _CONTROL.sub(lambda m: _NAMED.get(m.group(), f"\\u{ord(m.group()):04x}"), text)


def as_dicts(diagnostics: Sequence[Diagnostic]) -> list[dict]:
    return [
        {
            "file": display_path(d.pos.file),
            "line": d.pos.line,
            "column": d.pos.column,
            "severity": d.severity.value,
            "rule": d.rule,
            "message": d.message,
        }
        for d in diagnostics
    ]


def to_json(diagnostics: Sequence[Diagnostic]) -> str:
    return json.dumps(as_dicts(diagnostics), ensure_ascii=False, indent=2)


def _escape_data(text: str) -> str:
    return text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def _escape_property(text: str) -> str:
    return _escape_data(text).replace(":", "%3A").replace(",", "%2C")


def to_github(diagnostics: Sequence[Diagnostic]) -> str:
    """Workflow commands: GitHub shows each as an annotation on the file and line."""
    lines = []
    for d in diagnostics:
        file = _escape_property(display_path(d.pos.file))
        title = _escape_property(d.rule)
        lines.append(
            f"::{d.severity.value} file={file},line={d.pos.line},col={d.pos.column},title={title}"
            f"::{_escape_data(printable(d.message))} [{d.rule}]"
        )
    return "\n".join(lines)


def summary(diagnostics: Sequence[Diagnostic], files_checked: int) -> str:
    errors = sum(1 for d in diagnostics if d.is_error)
    warnings = len(diagnostics) - errors
    if not diagnostics:
        return f"No problems in {files_checked} file{'s' if files_checked != 1 else ''}."
    files = len({d.pos.file for d in diagnostics})
    parts = []
    if errors:
        parts.append(f"{errors} error{'s' if errors != 1 else ''}")
    if warnings:
        parts.append(f"{warnings} warning{'s' if warnings != 1 else ''}")
    return f"{', '.join(parts)} in {files} file{'s' if files != 1 else ''}"


def coloured(console: Console) -> bool:
    """Colour on a terminal only, and never with NO_COLOR (Rich alone would still print bold)."""
    return console.is_terminal and not console.no_color and console.color_system is not None


def print_human(console: Console, diagnostics: Sequence[Diagnostic], files_checked: int | None = None) -> None:
    """Grouped by file, in source order; a summary line closes when files_checked is given.

    Every line stays whole (`file:line:col: …`) so editors and terminals can
    jump to it; a blank line separates one file's problems from the next.
    """
    styled = coloured(console)

    def style(name: str) -> str:
        return name if styled else ""

    previous_file = None
    for d in diagnostics:
        if previous_file is not None and d.pos.file != previous_file:
            console.print()
        previous_file = d.pos.file
        severity = d.severity.value
        # Text, not markup: messages quote the user's data, brackets and all.
        console.print(
            Text.assemble(
                (f"{display_path(d.pos.file)}:{d.pos.line}:{d.pos.column}:", style("bold")),
                " ",
                (f"{severity}:", style(_STYLE[severity])),
                f" {printable(d.message)} ",
                (f"[{d.rule}]", style("dim")),
            ),
            soft_wrap=True,
        )
    if files_checked is not None:
        if diagnostics:
            console.print()
        console.print(Text(summary(diagnostics, files_checked)), soft_wrap=True)


def sort_key(d: Diagnostic) -> tuple:
    return (str(d.pos.file), d.pos.line, d.pos.column, d.rule)
