"""What a rule is, and the registry every rule joins when its module defines it."""

from __future__ import annotations

import enum
from dataclasses import dataclass

from .. import DOCS_URL
from ..position import Pos


class Severity(enum.StrEnum):
    ERROR = "error"
    WARNING = "warning"


class Stage(enum.StrEnum):
    """Where a rule is decided, which says which module reports it."""

    # The loader: what stops a file from being read into the model (access,
    # encoding, syntax, and the shape of each record: types, keys, choices).
    READ = "read"
    # The checks: what is wrong with the content of a letter that was read.
    CHECK = "check"
    # Rendering: what only laying out the letter can show.
    RENDER = "render"


@dataclass(frozen=True, slots=True)
class Rule:
    id: str
    severity: Severity
    stage: Stage
    # Completes "reported when …" on the docs site's rule pages and table (scripts/rule_pages.py).
    summary: str
    # The input could not be read at all: exit code 2 (docs/reference/exit-codes.md).
    unreadable: bool = False
    # No `rules:` setting or `noqa` silences it: no format can print what it reports.
    binding: bool = False

    @property
    def is_error(self) -> bool:
        return self.severity is Severity.ERROR

    @property
    def url(self) -> str:
        """The rule's page on the documentation site: what it means, a failing example and its fix."""
        return f"{DOCS_URL}rules/{self.id}/"

    def at(self, pos: Pos, message: str, *, entry_line: int | None = None) -> Problem:
        """A problem of this rule found at `pos`: what a check yields."""
        return Problem(pos, self, message, entry_line)


@dataclass(frozen=True, slots=True)
class Problem:
    """What a check finds: the rule it breaks, where, and what to say.

    Its severity is not decided here: the runner attaches it, from the rule
    and the project's configuration, when the problem becomes a diagnostic.
    """

    pos: Pos
    rule: Rule
    message: str
    # The line where the YAML value holding the problem starts, when the problem
    # sits further down inside it: lines of a block scalar cannot carry a
    # comment, so a noqa comment on the value's first line covers them.
    entry_line: int | None = None


ERROR, WARNING = Severity.ERROR, Severity.WARNING
_REGISTRY: dict[str, Rule] = {}


def define(
    rule_id: str, severity: Severity, stage: Stage, summary: str, *, unreadable: bool = False, binding: bool = False
) -> Rule:
    if rule_id in _REGISTRY:
        raise ValueError(f"rule id '{rule_id}' is registered twice")
    rule = _REGISTRY[rule_id] = Rule(rule_id, severity, stage, summary, unreadable, binding)
    return rule


_STAGE_ORDER = tuple(Stage)


def all_rules() -> tuple[Rule, ...]:
    """Every rule, stage by stage (reading, content, rendering), each stage in the order its module defines them."""
    return tuple(sorted(_REGISTRY.values(), key=lambda rule: _STAGE_ORDER.index(rule.stage)))


def by_id(rule_id: str) -> Rule | None:
    return _REGISTRY.get(rule_id)
