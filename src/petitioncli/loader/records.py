"""The YAML files of a project, read into records: footnotes, recipients, signatories.

Each reader takes the file's root node and returns None when the file's shape
is unusable (a list where a mapping belongs), which the project loader
records so that rules comparing files stay silent about it.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from .. import limits, markdown, rules
from ..language import matching
from ..model import Footnote, Recipient, Signatory
from .files import Node, ScalarNode
from .nodes import NodeReader


def footnotes(reader: NodeReader, root: Node) -> dict[str, Footnote] | None:
    entries = reader.mapping(root, "footnotes.yaml (footnote id to text)")
    if entries is None:
        return None
    if len(entries) > limits.FOOTNOTES.value:
        key_node, _ = list(entries.values())[limits.FOOTNOTES.value]
        reader.diags.report(
            rules.FOOTNOTES_TOO_MANY,
            reader.pos(key_node),
            f"footnotes.yaml defines {len(entries):,} footnotes; a letter may have at most "
            f"{limits.FOOTNOTES.value:,}, so the file is not read",
        )
        return None
    found = {}
    for key, (key_node, value_node) in entries.items():
        # A footnote with a bad text is kept, empty: its references are not
        # "undefined", the problem is the text, reported here.
        text = reader.required_text(value_node, f"footnote '{key}'") or ""
        inlines = markdown.parse_inline(text) if text else ()
        if markdown.too_deep(inlines, limits.MARKDOWN_DEPTH.value) is not None:
            reader.diags.report(rules.MARKDOWN_TOO_DEEP, reader.pos(value_node), too_deep_message(f"footnote '{key}'"))
            text, inlines = "", ()
        found[key] = Footnote(
            id=key,
            text=text,
            inlines=inlines,
            pos=reader.pos(key_node),
            field_pos={"text": reader.pos(value_node)},
        )
    return found


def too_deep_message(what: str) -> str:
    return (
        f"lists, quotes, emphasis and links in {what} are nested more than {limits.MARKDOWN_DEPTH.value} deep "
        "here; nest them less"
    )


def recipients(reader: NodeReader, root: Node, language: str) -> dict[str, Recipient] | None:
    """Recipients by id; a text given per language serves `language`, the letter's, and its translations."""
    entries = reader.mapping(root, "recipients.yaml (recipient id to recipient)")
    if entries is None:
        return None
    found = {}
    for rid, (key_node, node) in entries.items():
        what = f"recipient '{rid}'"
        pos = reader.pos(key_node)
        fields = reader.mapping(node, what)
        if fields is None:
            # Kept, empty: `recipient: ID` in the manifest is not "unknown" for it.
            found[rid] = Recipient(id=rid, name="", pos=pos)
            continue
        values = reader.record(fields, Recipient, pos, what, label=_recipient_label(what))
        translated: dict[str, dict[str, Any]] = {}
        for key, by_language in values.languages.items():
            own = matching(by_language, language)
            if own is not None:
                values.values[key] = by_language[own]
                values.field_pos[key] = values.field_pos[f"{key}.{own}"]
            for tag, value in by_language.items():
                if tag != own:
                    translated.setdefault(tag, {})[key] = value
        found[rid] = values.build(Recipient, pos, id=rid, translated=translated)
    return found


def _recipient_label(what: str) -> Callable[[str], str]:
    return lambda key: f"{what}: '{key}'"


def signatories(reader: NodeReader, root: Node) -> list[Signatory] | None:
    items = reader.sequence(root, "signatories.yaml", "a list of signatories (entries starting with '- ')")
    if items is None:
        return None
    found = []
    for node in items:
        signatory = _signatory(reader, node)
        if signatory is not None:
            found.append(signatory)
    return found


def _signatory(reader: NodeReader, node: Node) -> Signatory | None:
    pos = reader.pos(node)
    if not reader.plain(node, "a signatory"):
        return None
    if isinstance(node, ScalarNode) and node.value:
        # `- Amnesty International` is a common slip for `- name: …`; say so.
        reader.diags.report(rules.TYPE_INVALID, pos, f"a signatory must be a mapping such as 'name: {node.value}'")
        return None
    fields = reader.mapping(node, "a signatory")
    if fields is None:
        return None
    return reader.record(fields, Signatory, pos, "a signatory", label=lambda key: f"'{key}'").build(Signatory, pos)
