"""What `petition signatories import` says: every row's outcome, for people or as JSON."""

from __future__ import annotations

import json

from ..diagnostics import display_path
from ..model import Signatory
from ..position import place
from ..shown import json_text, printable
from .importer import Imported, Row

_COLOURS = {"added": "32", "duplicate": "33", "rejected": "1;31"}


def to_json(imported: Imported, *, dry_run: bool) -> str:
    return json_text(
        json.dumps(
            {
                "export": display_path(imported.export),
                "signatories": display_path(imported.path),
                "dry_run": dry_run,
                "written": imported.written,
                "columns": imported.columns.used,
                "ignored_columns": imported.columns.ignored,
                "added": [{"row": r.number, "entry": r.values, "warnings": r.reasons} for r in imported.of("added")],
                "duplicate": [
                    {"row": r.number, "name": r.name, "of": _first(imported, r.duplicate_of), "message": r.reasons[0]}
                    for r in imported.of("duplicate")
                ],
                "rejected": [{"row": r.number, "name": r.name, "reasons": r.reasons} for r in imported.of("rejected")],
            },
            ensure_ascii=False,
            indent=2,
        )
    )


def _first(imported: Imported, entry: Signatory | None) -> dict | None:
    """The entry a duplicate repeats: one already listed (file and line), or an earlier row of the export."""
    if entry is None:
        return None
    if entry.pos.file == imported.export:
        return {"name": entry.name, "row": entry.pos.line}
    return {"name": entry.name, "file": display_path(entry.pos.file), "line": entry.pos.line}


def to_text(imported: Imported, *, dry_run: bool, styled: bool) -> str:
    """One line for the columns, one for each row in the export's order, and a summary."""

    def paint(text: str, outcome: str) -> str:
        return f"\x1b[{_COLOURS[outcome]}m{text}\x1b[0m" if styled else text

    used = ", ".join(f"'{column}' → {target}" for column, target in imported.columns.used.items())
    lines = [f"Columns of {display_path(imported.export)}: {used}"]
    if imported.columns.ignored:
        lines.append("Ignored: " + ", ".join(f"'{column}'" for column in imported.columns.ignored))
    lines = [printable(line) for line in lines]
    lines += [
        f"row {row.number}: {paint(row.outcome, row.outcome)}: {printable(_detail(row))}" for row in imported.rows
    ]
    counts = [f"{len(imported.of(outcome)):,} {outcome}" for outcome in ("added", "duplicate", "rejected")]
    if dry_run:
        outcome = "dry run: nothing written"
    elif imported.written:
        outcome = f"written to {display_path(imported.path)}"
    else:
        outcome = f"{display_path(imported.path)} is unchanged"
    lines.append(printable(f"{', '.join(counts)}; {outcome}."))
    return "\n".join(lines) + "\n"


def _detail(row: Row) -> str:
    if row.outcome == "added":
        return "; ".join([row.name, *row.reasons])
    if row.outcome == "duplicate":
        if row.duplicate_of is None:
            return row.reasons[0]
        return f"'{row.name}' is already listed at {place(row.duplicate_of.pos)}"
    return (f"'{row.name}': " if row.name else "") + "; ".join(row.reasons)
