"""What a record's keys held once read, and the names a value may choose from: shared by the YAML and CSV readers."""

from __future__ import annotations

import difflib
from collections.abc import Iterable
from dataclasses import dataclass, field
from functools import cache
from typing import Any

from .. import rules
from ..diagnostics import Diagnostics, Pos
from ..fields import FieldSpec, specs


def did_you_mean(value: str, choices: Iterable[str]) -> str:
    hint = difflib.get_close_matches(value, tuple(choices), n=1, cutoff=0.6)
    return f"; did you mean '{hint[0]}'?" if hint else ""


def choice_value(spec: FieldSpec, value: str, pos: Pos, diags: Diagnostics) -> Any:
    """The enumeration member a CHOICE value names, or None after reporting it (YAML and CSV alike)."""
    assert spec.enum is not None
    try:
        return spec.enum(value)
    except ValueError:
        choices = spec.choices
        hint = did_you_mean(value, choices) or "; expected " + " | ".join(choices)
        diags.report(spec.choice_rule, pos, f"unknown {spec.name} '{value}'{hint}")
        return None


def rule_ids(text: str, pos: Pos, diags: Diagnostics, what: str) -> tuple[str, ...]:
    """The rule ids a value names, separated by commas or spaces; an unknown id is reported, with the closest."""
    found = []
    for rule_id in noqa_ids(text):
        if rules.by_id(rule_id) is None:
            hint = did_you_mean(rule_id, (rule.id for rule in rules.all_rules()))
            diags.report(rules.VALUE_UNKNOWN, pos, f"unknown rule '{rule_id}' in {what}{hint}")
        else:
            found.append(rule_id)
    return tuple(found)


def noqa_ids(text: str) -> tuple[str, ...]:
    """The rule ids a `noqa` value names, separated by commas or spaces, known or not (check judges them)."""
    return tuple(rule_id.lower() for rule_id in text.replace(",", " ").split())


@dataclass(slots=True)
class RecordValues:
    """What a record's mapping held: the values read, where each was, and keys that could not be read."""

    values: dict[str, Any] = field(default_factory=dict)
    field_pos: dict[str, Pos] = field(default_factory=dict)
    unread: set[str] = field(default_factory=set)
    # Keys written per language: key to language tag to value (positions as `key.tag`).
    languages: dict[str, dict[str, Any]] = field(default_factory=dict)

    def build(self, record: type, pos: Pos, **extra: Any) -> Any:
        """The record; a required key that is missing or unreadable is an empty text, already reported."""
        arguments = {key: value for key, value in self.values.items() if value is not None}
        unread = self.unread
        for key in required_keys(record):
            if key not in arguments:
                arguments[key] = ""
                if key not in self.field_pos:
                    unread = unread | {key}
        # Most records read cleanly: they share one empty set.
        return record(
            pos=pos, field_pos=self.field_pos, unread=frozenset(unread) if unread else _NONE, **arguments, **extra
        )


_NONE: frozenset[str] = frozenset()


@cache
def required_keys(record: type) -> tuple[str, ...]:
    return tuple(key for key, spec in specs(record).items() if spec.required)
