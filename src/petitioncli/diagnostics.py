"""Problems found in a letter project, and the one exception type for user errors."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

from .exit_status import ExitStatus
from .position import Pos
from .rules import Problem, Rule, Severity

__all__ = ["Diagnostic", "Diagnostics", "PetitionError", "Pos", "Refused", "display_path", "some_of"]


@dataclass(frozen=True, slots=True)
class Diagnostic:
    """A problem as reported: found by a check (or the loader, or a renderer), its severity attached."""

    pos: Pos
    rule: Rule
    message: str
    severity: Severity
    # As a `Problem`'s: the first line of the YAML value the problem is inside.
    entry_line: int | None = None

    @property
    def is_error(self) -> bool:
        return self.severity is Severity.ERROR


class Diagnostics(list[Diagnostic]):
    """Collects problems in the order they are found."""

    def __init__(self, *problems: Iterable[Diagnostic]):
        super().__init__(*problems)
        self._said: set[tuple[Pos, Rule, str]] = set()
        self._said_upto = 0

    def report(self, rule: Rule, pos: Pos, message: str, *, entry_line: int | None = None) -> None:
        self.append(Diagnostic(pos, rule, message, rule.severity, entry_line))

    def add(self, problems: Iterable[Problem]) -> None:
        """What a check found, each problem with its rule's severity attached."""
        self.extend(Diagnostic(p.pos, p.rule, p.message, p.rule.severity, p.entry_line) for p in problems)

    def report_once(self, rule: Rule, pos: Pos, message: str) -> None:
        """For renderers: a letter is rendered once per recipient and format, a problem is said once.

        What was said is kept in a set, brought up to date with what was
        added since: renderers may ask once per image use, after check has
        reported a hundred thousand problems.
        """
        self._said.update((d.pos, d.rule, d.message) for d in self[self._said_upto :])
        if (pos, rule, message) not in self._said:
            self.report(rule, pos, message)
            self._said.add((pos, rule, message))
        self._said_upto = len(self)

    @property
    def errors(self) -> list[Diagnostic]:
        return [d for d in self if d.is_error]

    @property
    def warnings(self) -> list[Diagnostic]:
        return [d for d in self if not d.is_error]

    def exit_code(self, *, strict: bool = False) -> ExitStatus:
        errors = self.errors
        if any(d.rule.unreadable for d in errors):
            return ExitStatus.UNREADABLE
        if errors or (strict and self.warnings):
            return ExitStatus.PROBLEMS
        return ExitStatus.SUCCESS


def some_of(names: Iterable[str], shown: int = 5) -> str:
    """A few names for a message, and how many more: a message that listed a thousand ids, once per
    problem, would make a report quadratic in size."""
    names = list(names)
    if not names:
        return "none"
    if len(names) <= shown + 1:
        return ", ".join(names)
    return f"{', '.join(names[:shown])} and {len(names) - shown:,} more"


class PetitionError(Exception):
    """A problem the user can fix; the CLI prints it as one line and exits."""

    def __init__(self, message: str, exit_code: ExitStatus = ExitStatus.UNREADABLE):
        super().__init__(message)
        self.exit_code = exit_code


def display_path(path: Path, base: Path | None = None) -> str:
    """Paths are shown relative to the working directory when inside it, like Ruff does."""
    base = base or Path.cwd()
    try:
        return str(path.relative_to(base))
    except ValueError:
        try:
            return str(path.resolve().relative_to(base.resolve()))
        except ValueError:
            return str(path)


class Refused(PetitionError):
    """A user error that comes with the problems behind it, each at its place: the CLI prints them first."""

    def __init__(self, message: str, diagnostics: Diagnostics, exit_code: ExitStatus | None = None):
        super().__init__(message, exit_code or diagnostics.exit_code() or ExitStatus.PROBLEMS)
        self.diagnostics = diagnostics
