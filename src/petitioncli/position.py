"""Where a problem is: a place in a source file, or an option on the command line.

Below the rules, the checks and the commands alike, so that each of them
can name a place without reaching into another's module.
"""

from __future__ import annotations

from pathlib import Path
from typing import NamedTuple


class Pos(NamedTuple):
    """A place in a source file; line and column count from 1, as editors do.

    A named tuple, not a frozen dataclass: a list of 100,000 signatories
    makes half a million of them, and a tuple is made several times faster.
    """

    file: Path
    line: int = 1
    column: int = 1

    @classmethod
    def of_mark(cls, file: Path, mark) -> Pos:
        return cls(file, mark.line + 1, mark.column + 1)

    @classmethod
    def of_option(cls, option: str) -> Pos:
        """A value given on the command line (`--date`): a place with no line in any file."""
        return cls(Path(option), 0, 0)

    @property
    def in_file(self) -> bool:
        return self.line > 0


def place(pos: Pos) -> str:
    """A place as a person looks for it in a message: a CSV row is a line of the file."""
    if pos.file.suffix.lower() == ".csv":
        return f"row {pos.line} of {pos.file.name}"
    return f"{pos.file.name}:{pos.line}:{pos.column}"
