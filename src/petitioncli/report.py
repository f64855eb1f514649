"""Printing problems for people (`human`), programs (`json`), GitHub Actions (`github`) and GitLab (`gitlab`).

Messages quote the user's data, and file names are the user's too: every
format shows their control and invisible characters as escapes (`shown.py`).
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING

from .diagnostics import Diagnostic, display_path
from .shown import json_text, printable

if TYPE_CHECKING:
    from rich.console import Console

_ANSI = {"bold": "1", "dim": "2", "error": "1;31", "warning": "33"}


def file_names(diagnostics: Sequence[Diagnostic]) -> dict[Path, str]:
    """Each file's name as shown, worked out once: a report may name one file a hundred thousand times.

    As the file system has it: each format escapes what it prints.
    """
    cwd = Path.cwd()
    names: dict[Path, str] = {}
    for d in diagnostics:
        if d.pos.file not in names:
            names[d.pos.file] = display_path(d.pos.file, cwd) if d.pos.in_file else str(d.pos.file)
    return names


def _place(name: str, d: Diagnostic) -> str:
    """`file:line:col`, or the option alone for a value given on the command line."""
    return f"{name}:{d.pos.line}:{d.pos.column}" if d.pos.in_file else name


def as_dicts(diagnostics: Sequence[Diagnostic]) -> list[dict]:
    names = file_names(diagnostics)
    return [
        {
            # A value from the command line (`--date`) is in no file: null, not a name to open.
            "file": names[d.pos.file] if d.pos.in_file else None,
            "line": d.pos.line if d.pos.in_file else None,
            "column": d.pos.column if d.pos.in_file else None,
            "severity": d.severity.value,
            "rule": d.rule.id,
            "message": d.message,
            "url": d.rule.url,
        }
        for d in diagnostics
    ]


def to_json(diagnostics: Sequence[Diagnostic]) -> str:
    """A JSON list with one problem a line: easy to read and to grep, and written by
    json's C encoder (an indented dump is pure Python, slow for thousands of problems)."""
    if not diagnostics:
        return "[]"
    items = ",\n  ".join(json.dumps(item, ensure_ascii=False) for item in as_dicts(diagnostics))
    return json_text(f"[\n  {items}\n]")


def _escape_data(text: str) -> str:
    return text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def _escape_property(text: str) -> str:
    return _escape_data(text).replace(":", "%3A").replace(",", "%2C")


def to_github(diagnostics: Sequence[Diagnostic]) -> str:
    """Workflow commands: GitHub shows each as an annotation on the file and line."""
    names = {path: _escape_property(printable(name)) for path, name in file_names(diagnostics).items()}
    return "\n".join(
        f"::{d.severity.value} "
        + (f"file={names[d.pos.file]},line={d.pos.line},col={d.pos.column}," if d.pos.in_file else "")
        + f"title={_escape_property(d.rule.id)}::{_escape_data(printable(d.message))} [{d.rule.id}]"
        for d in diagnostics
    )


# GitLab's scale is info, minor, major, critical, blocker: errors rank above warnings.
_GITLAB_SEVERITY = {"error": "major", "warning": "minor"}


def to_gitlab(diagnostics: Sequence[Diagnostic]) -> str:
    """A GitLab code quality report (a subset of Code Climate's JSON), shown on merge requests.

    GitLab tells problems apart, and new ones from old, by fingerprint: it is
    made from the file, rule and message but not the line, so that editing
    lines above a problem does not make it look new; the same problem twice
    in one file is told apart by how often it came before.
    """
    seen: dict[str, int] = {}
    issues = []
    for item in as_dicts(diagnostics):
        key = "\0".join((item["file"], item["rule"], item["message"]))
        seen[key] = seen.get(key, 0) + 1
        fingerprint = hashlib.sha256(f"{key}\0{seen[key]}".encode()).hexdigest()
        issues.append(
            {
                "description": item["message"],
                "check_name": item["rule"],
                "fingerprint": fingerprint,
                "severity": _GITLAB_SEVERITY[item["severity"]],
                "location": {"path": item["file"], "lines": {"begin": item["line"]}},
            }
        )
    return json_text(json.dumps(issues, ensure_ascii=False, indent=2))


def summary(diagnostics: Sequence[Diagnostic], files_checked: int) -> str:
    errors = sum(1 for d in diagnostics if d.is_error)
    warnings = len(diagnostics) - errors
    if not diagnostics:
        return f"No problems in {files_checked} file{'s' if files_checked != 1 else ''}."
    files = len({d.pos.file for d in diagnostics if d.pos.in_file})
    parts = []
    if errors:
        parts.append(f"{errors} error{'s' if errors != 1 else ''}")
    if warnings:
        parts.append(f"{warnings} warning{'s' if warnings != 1 else ''}")
    where = f" in {files} file{'s' if files != 1 else ''}" if files else ""
    return f"{', '.join(parts)}{where}"


def coloured(console: Console) -> bool:
    """Colour on a terminal only, and never with NO_COLOR (Rich alone would still print bold)."""
    return console.is_terminal and not console.no_color and console.color_system is not None


def print_human(
    console: Console, diagnostics: Sequence[Diagnostic], files_checked: int | None = None, *, links: bool = False
) -> None:
    """Grouped by file, in source order; a summary line closes when files_checked is given.

    With `links`, each problem is followed by an indented line with its rule's
    page, apart from the problem's own line so that it stays one line to jump to.

    Every line stays whole (`file:line:col: …`) so editors and terminals can
    jump to it; a blank line separates one file's problems from the next.
    Rich decides whether to colour; the lines are written in one go, since a
    long report (a problem for each of 100,000 signatories) printed line by
    line through Rich takes many seconds.
    """
    styled = coloured(console)

    def paint(text: str, style: str) -> str:
        return f"\x1b[{_ANSI[style]}m{text}\x1b[0m" if styled else text

    names = {path: printable(name) for path, name in file_names(diagnostics).items()}
    lines = []
    previous_file = None
    for d in diagnostics:
        if previous_file is not None and d.pos.file != previous_file:
            lines.append("")
        previous_file = d.pos.file
        severity = d.severity.value
        lines.append(
            f"{paint(_place(names[d.pos.file], d) + ':', 'bold')} {paint(severity + ':', severity)} "
            f"{printable(d.message)} {paint(f'[{d.rule.id}]', 'dim')}"
        )
        if links:
            lines.append(f"    {paint(d.rule.url, 'dim')}")
    if files_checked is not None:
        if diagnostics:
            lines.append("")
        lines.append(summary(diagnostics, files_checked))
    if lines:
        console.file.write("\n".join(lines) + "\n")
        console.file.flush()


def sort_key(d: Diagnostic) -> tuple:
    return (str(d.pos.file), d.pos.line, d.pos.column, d.rule.id)
