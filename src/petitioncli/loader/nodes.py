"""Reading YAML nodes into records, by the field descriptions of the `model` package, one problem per place.

Values are read from the node's source text, not from PyYAML's implicit
typing: `country: NO` is Norway, not False, and `name: 1999` is a name.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Iterable
from pathlib import Path
from typing import Any

from .. import rules
from ..dates import ISO_DATE
from ..diagnostics import Diagnostics, Pos
from ..fields import FieldSpec, Kind, specs, translatable_specs
from ..model.manifest import NoDate
from .files import NULL_TAG, PLAIN_TAGS, STR_TAG, MappingNode, Node, ScalarNode, SequenceNode, tag_name
from .values import RecordValues, choice_value, did_you_mean, noqa_ids, required_keys, rule_ids

_KIND = {MappingNode: "a mapping", SequenceNode: "a list", ScalarNode: "a single value"}

Entries = dict[str, tuple[Node, Node]]


def kind_of(node: Node) -> str:
    return _KIND.get(type(node), "a value")


def _translation_label(tag: str) -> Callable[[str], str]:
    return lambda key: f"'{key}' ({tag})"


class NodeReader:
    """Reads the nodes of one file, recording every problem with its position."""

    def __init__(self, path: Path, diags: Diagnostics):
        self.path = path
        self.diags = diags

    def pos(self, node: Node) -> Pos:
        mark = node.start_mark
        return Pos(self.path, mark.line + 1, mark.column + 1)

    def wrong_type(self, node: Node, what: str, expected: str) -> None:
        self.diags.report(rules.TYPE_INVALID, self.pos(node), f"{what} must be {expected}, not {kind_of(node)}")

    def plain(self, node: Node, what: str) -> bool:
        """False, after saying so, for a node with an explicit tag such as `!!binary`."""
        if node.tag in PLAIN_TAGS:
            return True
        self.diags.report(
            rules.YAML_TAG,
            self.pos(node),
            f"{what} has the YAML tag '{tag_name(node.tag)}'; letter data is plain text, lists and mappings",
        )
        return False

    def mapping(self, node: Node, what: str) -> Entries | None:
        """Keys to (key node, value node); duplicate keys are errors, not silently dropped."""
        if not self.plain(node, what):
            return None
        if not isinstance(node, MappingNode):
            self.wrong_type(node, what, "a mapping of keys to values")
            return None
        entries: Entries = {}
        for key_node, value_node in node.value:
            if not isinstance(key_node, ScalarNode):
                self.diags.report(
                    rules.TYPE_INVALID,
                    self.pos(key_node),
                    f"a key in {what} must be plain text, not {kind_of(key_node)}",
                )
                continue
            key = key_node.value
            if key in entries:
                first = self.pos(entries[key][0])
                self.diags.report(
                    rules.YAML_DUPLICATE_KEY,
                    self.pos(key_node),
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
        entries: Entries,
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
                self.diags.report(
                    rules.KEY_UNKNOWN,
                    self.pos(key_node),
                    f"unknown key '{key}' in {what}{did_you_mean(key, allowed)}",
                )
        for key in required:
            if key not in entries:
                self.diags.report(rules.FIELD_MISSING, where, f"{what} lacks the required key '{key}'")

    def record(
        self,
        entries: Entries,
        record: type | dict[str, FieldSpec],
        where: Pos,
        what: str,
        label: Callable[[str], str],
    ) -> RecordValues:
        """The values of a record's keys, read as the `model` package describes them; `label` names a key in messages.

        `record` is a record type, or the described keys themselves (a translation's).
        """
        if isinstance(record, dict):
            fields, required = record, tuple(key for key, spec in record.items() if spec.required)
        else:
            fields, required = specs(record), required_keys(record)
        if not (entries.keys() <= fields.keys() and all(key in entries for key in required)):
            self.known_keys(entries, where, what, allowed=fields, required=required)
        found = RecordValues()
        path = self.path
        for key, (_, node) in entries.items():
            spec = fields.get(key)
            if spec is None:
                continue
            mark = node.start_mark
            found.field_pos[key] = Pos(path, mark.line + 1, mark.column + 1)
            if type(node) is ScalarNode and node.tag == STR_TAG and spec.kind is Kind.TEXT and not spec.non_blank:
                # The common case, a plain text value, read without the general path's checks.
                text = node.value
                found.values[key] = text if spec.required or text.strip() else None
                continue
            if spec.kind is Kind.TRANSLATIONS and isinstance(record, type):
                found.values[key] = self.translations(node, record, label(key))
                continue
            if spec.kind is Kind.PATH_OR_RECORDS and isinstance(record, dict):
                found.values[key] = self.translated_records(node, spec, label(key))
                continue
            if spec.per_language and isinstance(node, MappingNode):
                found.languages[key] = self.per_language(node, spec, label(key), found.field_pos, key)
                continue
            if node.tag not in PLAIN_TAGS or not self._fits(node, spec):
                found.unread.add(key)
            found.values[key] = self.value(node, spec, label(key))
        return found

    def translations(self, node: Node, record: type, what: str) -> dict[str, Any]:
        """`translations:` — language tag to the translatable keys of `record`, each a `Translation`."""
        from ..model import Translation

        entries = self.mapping(node, what)
        found: dict[str, Any] = {}
        fields = translatable_specs(record)
        for tag, (key_node, value_node) in (entries or {}).items():
            where = self.pos(key_node)
            inner = self.mapping(value_node, f"the translation '{tag}'")
            if inner is None:
                continue
            what_here = f"the translation '{tag}'"
            values = self.record(inner, fields, where, what_here, label=_translation_label(tag))
            found[tag] = Translation(
                language=tag,
                values=values.values,
                pos=where,
                field_pos=values.field_pos,
                unread=frozenset(values.unread),
            )
        return found

    def translated_records(self, node: Node, spec: FieldSpec, what: str) -> list[dict[str, Any]] | None:
        """A translation's list of groups: each entry the translatable keys of the original's entry in that place."""
        assert spec.record is not None
        if not isinstance(node, SequenceNode):
            self.wrong_type(node, what, "a list with one entry for each of the original's groups")
            return None
        fields = translatable_specs(spec.record)
        found: list[dict[str, Any]] = []
        for item in node.value:
            entries = self.mapping(item, f"an entry of {what}")
            where = self.pos(item)
            values = self.record(entries or {}, fields, where, f"an entry of {what}", label=lambda key: f"'{key}'")
            found.append({**values.values, "pos": where})
        return found

    def per_language(
        self, node: MappingNode, spec: FieldSpec, what: str, positions: dict[str, Pos], key: str
    ) -> dict[str, Any]:
        """A value given per language tag: `{en: …, fr: …}`; each is placed at its tag."""
        found: dict[str, Any] = {}
        for tag, (tag_node, value_node) in (self.mapping(node, what) or {}).items():
            positions[f"{key}.{tag}"] = self.pos(tag_node)
            found[tag] = self.value(value_node, spec, f"{what} ({tag})")
        return found

    @staticmethod
    def _fits(node: Node, spec: FieldSpec) -> bool:
        if spec.kind in (Kind.NESTED, Kind.RULE_IDS_BY_FILE):
            return isinstance(node, MappingNode)
        listed = spec.kind in (Kind.LINES, Kind.RULE_IDS, Kind.NOQA, Kind.PATH_OR_RECORDS, Kind.RECORDS)
        return isinstance(node, ScalarNode) or (listed and isinstance(node, SequenceNode))

    def value(self, node: Node, spec: FieldSpec, what: str) -> Any:
        if spec.kind is Kind.LINES:
            return self.text_list(node, what)
        if spec.kind is Kind.DATE:
            return self.date(node, what)
        if spec.kind is Kind.RULE_IDS:
            return self.rule_ids(node, what)
        if spec.kind is Kind.NOQA:
            return noqa_ids(", ".join(self.text_list(node, what)))
        if spec.kind is Kind.RULE_IDS_BY_FILE:
            return self.rule_ids_by_file(node, what)
        if spec.kind is Kind.NESTED:
            return self.nested_record(node, spec, what)
        if spec.kind is Kind.FLAG:
            return self.flag(node, what)
        if spec.kind in (Kind.PATH_OR_RECORDS, Kind.RECORDS) and isinstance(node, SequenceNode):
            return self.records(node, spec, what)
        if spec.kind is Kind.RECORDS:
            self.wrong_type(node, what, "a list")
            return None
        if spec.kind is Kind.CHOICE:
            text = self.text(node, what)
            return choice_value(spec, text, self.pos(node), self.diags) if text is not None else None
        if spec.non_blank or spec.names_files:
            return self.required_text(node, what)
        text = self.text(node, what)
        # A blank optional value is an absent one: nothing to print, nothing to check.
        return text if spec.required or text is None or text.strip() else None

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
            self.diags.report(rules.FIELD_EMPTY, self.pos(node), f"{what} is empty")
        return None

    def flag(self, node: Node, what: str) -> bool | None:
        text = self.text(node, what)
        if text is None:
            return None
        # YAML 1.2's spellings, which editors and JSON Schema agree on.
        if text.strip().lower() in ("true", "false"):
            return text.strip().lower() == "true"
        self.diags.report(rules.TYPE_INVALID, self.pos(node), f"{what} must be true or false, not '{text}'")
        return None

    def records(self, node: SequenceNode, spec: FieldSpec, what: str) -> list[Any] | None:
        """A list of `spec.record` mappings; None for an empty list, which is reported."""
        assert spec.record is not None
        if not node.value:
            self.diags.report(rules.FIELD_EMPTY, self.pos(node), f"{what} is an empty list")
            return None
        found = []
        for item in node.value:
            entries = self.mapping(item, f"an entry of {what}")
            if entries is not None:
                where = self.pos(item)
                values = self.record(entries, spec.record, where, f"an entry of {what}", label=lambda key: f"'{key}'")
                found.append(values.build(spec.record, where))
        return found

    def nested_record(self, node: Node, spec: FieldSpec, what: str) -> Any:
        """A mapping of `spec.record`'s keys; None when it is not a mapping, which is reported."""
        assert spec.record is not None
        entries = self.mapping(node, what)
        if entries is None:
            return None
        where = self.pos(node)
        values = self.record(entries, spec.record, where, what, label=lambda key: f"'{spec.name}.{key}'")
        return values.build(spec.record, where)

    def rule_ids_by_file(self, node: Node, what: str) -> dict[str, tuple[str, ...]]:
        """File glob to the rule ids it names, each id known."""
        found: dict[str, tuple[str, ...]] = {}
        for glob, (_, value_node) in (self.mapping(node, what) or {}).items():
            label = f"{what} ('{glob}')"
            found[glob] = self.rule_ids(value_node, label)
        return found

    def rule_ids(self, node: Node, what: str) -> tuple[str, ...]:
        """The known rule ids a value or a list names; an unknown one is reported where it is written."""
        items = [node] if isinstance(node, ScalarNode) else self.sequence(node, what, "a list of text lines") or ()
        found: list[str] = []
        for item in items:
            value = self.text(item, what if item is node else f"an entry of {what}")
            if value:
                found.extend(rule_ids(value, self.pos(item), self.diags, what))
        return tuple(found)

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

    def date(self, node: Node, what: str) -> dt.date | NoDate | None:
        value = self.text(node, what)
        if value is None:
            return None
        if value.strip() == NoDate.NONE:
            return NoDate.NONE
        if not ISO_DATE.fullmatch(value.strip()):
            self.diags.report(
                rules.DATE_INVALID, self.pos(node), f"{what} '{value}' is not a date of the form YYYY-MM-DD (or `none`)"
            )
            return None
        try:
            return dt.date.fromisoformat(value.strip())
        except ValueError as exc:
            # Python says which part is wrong: "month must be in 1..12".
            self.diags.report(rules.DATE_INVALID, self.pos(node), f"{what} '{value}' does not exist: {exc}")
            return None
