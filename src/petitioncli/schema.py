"""Validating YAML nodes against the shapes SPEC §1 allows, one problem per place.

Values are read from the node's source text, not from PyYAML's implicit
typing: `country: NO` is Norway, not False, and `name: 1999` is a name.
"""

from __future__ import annotations

import datetime as dt
import difflib
from collections.abc import Iterable
from pathlib import Path

from .diagnostics import Diagnostics, Pos
from .sources import NULL_TAG, MappingNode, Node, ScalarNode, SequenceNode

_KIND = {MappingNode: "a mapping", SequenceNode: "a list", ScalarNode: "a single value"}


def kind_of(node: Node) -> str:
    return _KIND.get(type(node), "a value")


class NodeReader:
    """Reads the nodes of one file, recording every problem with its position."""

    def __init__(self, path: Path, diags: Diagnostics):
        self.path = path
        self.diags = diags

    def pos(self, node: Node) -> Pos:
        mark = node.start_mark
        return Pos(self.path, mark.line + 1, mark.column + 1)

    def wrong_type(self, node: Node, what: str, expected: str) -> None:
        self.diags.error(
            self.pos(node), "type-invalid", f"{what} must be {expected}, not {kind_of(node)}"
        )

    def mapping(self, node: Node, what: str) -> dict[str, tuple[Node, Node]] | None:
        """Keys to (key node, value node); duplicate keys are errors, not silently dropped."""
        if not isinstance(node, MappingNode):
            self.wrong_type(node, what, "a mapping of keys to values")
            return None
        entries: dict[str, tuple[Node, Node]] = {}
        for key_node, value_node in node.value:
            if not isinstance(key_node, ScalarNode):
                self.diags.error(self.pos(key_node), "type-invalid", f"a key in {what} must be plain text")
                continue
            key = key_node.value
            if key in entries:
                first = self.pos(entries[key][0])
                self.diags.error(
                    self.pos(key_node),
                    "yaml-duplicate-key",
                    f"duplicate key '{key}' in {what}; first defined at line {first.line}",
                )
                continue
            entries[key] = (key_node, value_node)
        return entries

    def known_keys(
        self,
        entries: dict[str, tuple[Node, Node]],
        node: Node,
        what: str,
        *,
        allowed: Iterable[str],
        required: Iterable[str] = (),
    ) -> None:
        allowed = tuple(allowed)
        for key, (key_node, _) in entries.items():
            if key not in allowed:
                hint = difflib.get_close_matches(key, allowed, n=1, cutoff=0.6)
                suggestion = f"; did you mean '{hint[0]}'?" if hint else ""
                self.diags.error(
                    self.pos(key_node), "key-unknown", f"unknown key '{key}' in {what}{suggestion}"
                )
        for key in required:
            if key not in entries:
                self.diags.error(self.pos(node), "field-missing", f"{what} lacks the required key '{key}'")

    def text(self, node: Node, what: str) -> str | None:
        """A scalar's text as written; None for an empty value."""
        if not isinstance(node, ScalarNode):
            self.wrong_type(node, what, "text")
            return None
        if node.tag == NULL_TAG and not node.style:
            return None
        return node.value

    def required_text(self, node: Node, what: str, rule: str = "field-empty") -> str | None:
        value = self.text(node, what)
        if isinstance(node, ScalarNode) and (value is None or not value.strip()):
            self.diags.error(self.pos(node), rule, f"{what} is empty")
            return None
        return value

    def text_list(self, node: Node, what: str) -> list[str]:
        """A list of lines; a single value is taken as a one-line list."""
        if isinstance(node, ScalarNode):
            value = self.text(node, what)
            return [value] if value else []
        if not isinstance(node, SequenceNode):
            self.wrong_type(node, what, "a list of text lines")
            return []
        lines = []
        for item in node.value:
            value = self.text(item, f"an entry of {what}")
            if value is not None:
                lines.append(value)
        return lines

    def date(self, node: Node, what: str) -> dt.date | None:
        value = self.text(node, what)
        if value is None:
            return None
        try:
            return dt.date.fromisoformat(value.strip())
        except ValueError:
            self.diags.error(
                self.pos(node), "date-invalid", f"{what} '{value}' is not a date of the form YYYY-MM-DD"
            )
            return None

    def choice(self, node: Node, what: str, choices: Iterable[str], rule: str) -> str | None:
        value = self.text(node, what)
        if value is None:
            return None
        choices = tuple(choices)
        if value not in choices:
            hint = difflib.get_close_matches(value, choices, n=1, cutoff=0.6)
            suggestion = f"did you mean '{hint[0]}'?" if hint else "expected " + " | ".join(choices)
            self.diags.error(self.pos(node), rule, f"unknown {what} '{value}'; {suggestion}")
            return None
        return value
