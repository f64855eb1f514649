"""What every check reads: the letter and the texts it was read from."""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path

from ..loader.files import yaml_lines
from ..model import Letter


@dataclass(slots=True)
class Context:
    letter: Letter
    sources: Mapping[Path, str]
    # Files (by manifest key) that could not be read at all.
    unusable: frozenset[str]
    # The build's date, when it is not the manifest's.
    date: dt.date | None
    # Files the loader already reported errors in.
    files_with_errors: frozenset[Path] = frozenset()
    _lines: dict[Path, list[str]] = field(default_factory=dict)

    def yaml_lines(self, path: Path) -> list[str]:
        """A YAML file's lines as the parser numbers them, split once and only when asked for."""
        if path not in self._lines:
            self._lines[path] = yaml_lines(self.sources.get(path, ""))
        return self._lines[path]
