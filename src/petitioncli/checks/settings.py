"""The manifest's `rules`: rules a project does not want reported, and warnings it wants to fail.

Applied to every problem found, the loader's, the checks' and rendering's,
after `noqa` has had its say, so that a `noqa` naming an ignored rule is
not reported as unused.
"""

from __future__ import annotations

import dataclasses
import os
from collections.abc import Iterable
from fnmatch import fnmatchcase
from pathlib import Path

from ..diagnostics import Diagnostic, Diagnostics
from ..model import Letter, RuleSettings
from ..rules import Severity


def configured(diagnostics: Iterable[Diagnostic], letter: Letter) -> Diagnostics:
    """The problems the project's `rules` let through, each with the severity it asks for."""
    settings = letter.manifest.rules
    if settings is None:
        return Diagnostics(diagnostics)
    ignored, failing = frozenset(settings.ignore), frozenset(settings.error)
    per_file = _PerFile(settings, letter.root)
    kept = Diagnostics()
    for d in diagnostics:
        rule_id = d.rule.id
        # A file that cannot be read, or a text no format can print, stops the letter: no setting lets it through.
        if (
            not d.rule.unreadable
            and not d.rule.binding
            and (rule_id in ignored or rule_id in per_file.ignored(d.pos.file))
        ):
            continue
        if rule_id in failing and not d.is_error:
            d = dataclasses.replace(d, severity=Severity.ERROR)
        kept.append(d)
    return kept


class _PerFile:
    """`per_file_ignores`, each file's ignored ids worked out once, however many problems it has."""

    def __init__(self, settings: RuleSettings, root: Path):
        self.globs = settings.per_file_ignores
        self.root = root
        self._of: dict[Path, frozenset[str]] = {}

    def ignored(self, path: Path) -> frozenset[str]:
        if not self.globs:
            return frozenset()
        if path not in self._of:
            relative = Path(os.path.relpath(path, self.root)).as_posix()
            self._of[path] = frozenset(
                rule_id
                for glob, ids in self.globs.items()
                if fnmatchcase(relative, glob) or ("/" not in glob and fnmatchcase(path.name, glob))
                for rule_id in ids
            )
        return self._of[path]
