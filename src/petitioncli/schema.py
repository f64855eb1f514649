"""Validating YAML nodes against the shapes SPEC §1 allows, one problem per place.

Values are read from the node's source text, not from PyYAML's implicit
typing: `country: NO` is Norway, not False, and `name: 1999` is a name.
"""

from __future__ import annotations

import datetime as dt
import difflib
import re
from collections.abc import Iterable
from pathlib import Path

from .diagnostics import Diagnostics, Pos
from .sources import NULL_TAG, PLAIN_TAGS, MappingNode, Node, ScalarNode, SequenceNode, tag_name

_KIND = {MappingNode: "a mapping", SequenceNode: "a list", ScalarNode: "a single value"}
# `date.fromisoformat` also takes 20170905 and 2017-W36-2; the manifest's date
# is the one form everyone reads alike.
_ISO_DATE = re.compile(r"\d{4}-\d{2}-\d{2}")


def kind_of(node: Node) -> str:
    return _KIND.get(type(node), "a value")


def did_you_mean(value: str, choices: Iterable[str]) -> str:
    hint = difflib.get_close_matches(value, tuple(choices), n=1, cutoff=0.6)
    return f"; did you mean '{hint[0]}'?" if hint else ""


class NodeReader:
    """Reads the nodes of one file, recording every problem with its position."""

    def __init__(self, path: Path, diags: Diagnostics):
        self.path = path
        self.diags = diags

    def pos(self, node: Node) -> Pos:
        mark = node.start_mark
        return Pos(self.path, mark.line + 1, mark.column + 1)

    def wrong_type(self, node: Node, what: str, expected: str) -> None:
        self.diags.error(self.pos(node), "type-invalid", f"{what} must be {expected}, not {kind_of(node)}")

    def plain(self, node: Node, what: str) -> bool:
        """False, after saying so, for a node with an explicit tag such as `!!binary`."""
        if node.tag in PLAIN_TAGS:
            return True
        self.diags.error(
            self.pos(node),
            "yaml-tag",
            f"{what} has the YAML tag '{tag_name(node.tag)}'; letter data is plain text, lists and mappings",
        )
        return False

    def mapping(self, node: Node, what: str) -> dict[str, tuple[Node, Node]] | None:
        """Keys to (key node, value node); duplicate keys are errors, not silently dropped."""
        if not self.plain(node, what):
            return None
        if not isinstance(node, MappingNode):
            self.wrong_type(node, what, "a mapping of keys to values")
            return None
        entries: dict[str, tuple[Node, Node]] = {}
        for key_node, value_node in node.value:
            if not isinstance(key_node, ScalarNode):
                self.diags.error(
                    self.pos(key_node), "type-invalid", f"a key in {what} must be plain text, not {kind_of(key_node)}"
                )
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

    def sequence(self, node: Node, what: str, expected: str) -> list[Node] | None:
        if not self.plain(node, what):
            return None
        if not isinstance(node, SequenceNode):
            self.wrong_type(node, what, expected)
            return None
        return node.value

    def known_keys(
        self,
        entries: dict[str, tuple[Node, Node]],
        where: Pos,
        what: str,
        *,
        allowed: Iterable[str],
        required: Iterable[str] = (),
    ) -> None:
        """Unknown keys at the key; missing ones at `where`, the first line of the entry."""
        allowed = tuple(allowed)
        for key, (key_node, _) in entries.items():
            if key not in allowed:
                self.diags.error(
                    self.pos(key_node),
                    "key-unknown",
                    f"unknown key '{key}' in {what}{did_you_mean(key, allowed)}",
                )
        for key in required:
            if key not in entries:
                self.diags.error(where, "field-missing", f"{what} lacks the required key '{key}'")

    def text(self, node: Node, what: str) -> str | None:
        """A scalar's text as written; None for an empty value or after a problem."""
        if not self.plain(node, what):
            return None
        if not isinstance(node, ScalarNode):
            self.wrong_type(node, what, "text")
            return None
        if node.tag == NULL_TAG and not node.style:
            return None
        return node.value

    def required_text(self, node: Node, what: str) -> str | None:
        """Text that must not be blank; None after a problem."""
        value = self.text(node, what)
        if value is not None and value.strip():
            return value
        if isinstance(node, ScalarNode) and node.tag in PLAIN_TAGS:
            self.diags.error(self.pos(node), "field-empty", f"{what} is empty")
        return None

    def text_list(self, node: Node, what: str) -> list[str]:
        """A list of lines; a single value is taken as a one-line list."""
        if isinstance(node, ScalarNode):
            value = self.text(node, what)
            return [value] if value else []
        items = self.sequence(node, what, "a list of text lines")
        lines = []
        for item in items or ():
            value = self.text(item, f"an entry of {what}")
            if value is not None:
                lines.append(value)
        return lines

    def date(self, node: Node, what: str) -> dt.date | None:
        value = self.text(node, what)
        if value is None:
            return None
        if not _ISO_DATE.fullmatch(value.strip()):
            self.diags.error(self.pos(node), "date-invalid", f"{what} '{value}' is not a date of the form YYYY-MM-DD")
            return None
        try:
            return dt.date.fromisoformat(value.strip())
        except ValueError as exc:
            # Python says which part is wrong: "month must be in 1..12".
            self.diags.error(self.pos(node), "date-invalid", f"{what} '{value}' does not exist: {exc}")
            return None

    def choice(self, node: Node, what: str, choices: Iterable[str], rule: str) -> str | None:
        value = self.text(node, what)
        if value is None:
            return None
        choices = tuple(choices)
        if value not in choices:
            hint = did_you_mean(value, choices) or "; expected " + " | ".join(choices)
            self.diags.error(self.pos(node), rule, f"unknown {what} '{value}'{hint}")
            return None
        return value
