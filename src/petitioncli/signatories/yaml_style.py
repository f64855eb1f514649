"""Writing a YAML entry the way the file already writes its entries, and proving it reads back as meant."""

from __future__ import annotations

import json
import re
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path

import yaml

from ..diagnostics import Diagnostics, PetitionError
from ..loader import records
from ..loader.files import ScalarNode, compose_yaml
from ..loader.nodes import NodeReader
from ..model import Signatory
from .entry import FIELDS, NewEntry

BREAKS = ("\r\n", "\n", "\r", "\x85", "\u2028", "\u2029")
# A plain scalar may not start with an indicator; "-", "?" and ":" may in
# YAML 1.2 when a letter follows, but older readers disagree, so they are quoted.
_INDICATORS = frozenset("-?:,[]{}#&*!|>'\"%@`")
_FLOW_INDICATORS = frozenset(",[]{}")
_STR_TAG = "tag:yaml.org,2002:str"
# What YAML allows raw in a scalar on one line; anything else is written as an escape, in double quotes.
# (U+2028 and U+2029 are line breaks to YAML; U+FEFF a byte-order mark.)
_NOT_PRINTABLE = re.compile("[^\x20-\x7e\xa0-\u2027\u202a-\ud7ff\ue000-\ufefe\uff00-\ufffd\U00010000-\U0010ffff]")
_RESOLVER = yaml.resolver.Resolver()
_TYPED_STARTS = frozenset(key for key in _RESOLVER.yaml_implicit_resolvers if key is not None)
# A resolver under None would try values starting with any character.
_ANY_START = None in _RESOLVER.yaml_implicit_resolvers
# How many entries around the insertion point show the file's quoting.
_SAMPLE = 20


@dataclass(slots=True)
class Style:
    # Field to the quote the file writes it with ("" for plain), as its entries show.
    quotes: dict[str, str] = field(default_factory=dict)
    # The quote for a value that needs one, when the field shows no habit.
    quote: str = '"'
    newline: str = "\n"


def learn_style(lines: Sequence[str], entries: Sequence[Signatory], near: int, newline: str) -> Style:
    """The quoting of the entries near index `near`: `country: "BJ"` stays quoted in new entries too."""
    style = Style(newline=newline)
    used: Counter[str] = Counter()
    for entry in entries[max(0, near - _SAMPLE) : near + _SAMPLE]:
        for key, pos in entry.field_pos.items():
            line = lines[pos.line - 1] if 0 < pos.line <= len(lines) else ""
            char = line[pos.column - 1 : pos.column]
            quote = char if char in ("'", '"') else ""
            style.quotes.setdefault(key, quote)
            if quote:
                used[quote] += 1
    style.quote = used.most_common(1)[0][0] if used else '"'
    # The README's advice when the file shows no habit: YAML 1.1 readers take NO for false.
    style.quotes.setdefault("country", style.quote)
    return style


def plain_is_safe(value: str, *, flow: bool) -> bool:
    """Whether `value` reads back as this very text when written unquoted, by this loader and by others."""
    if not value or value != value.strip() or value[0] in _INDICATORS:
        return False
    if ": " in value or " #" in value or value.endswith(":") or _NOT_PRINTABLE.search(value):
        return False
    if flow and not _FLOW_INDICATORS.isdisjoint(value):
        return False
    # YAML 1.1 reads yes, NO, 1999, 2017-09-05 and ~ as other things than text; its
    # resolvers go by the first character, and most names start with no such one.
    if not _ANY_START and value[0] not in _TYPED_STARTS:
        return True
    return _RESOLVER.resolve(ScalarNode, value, (True, False)) == _STR_TAG


def scalar(value: str, quote: str, fallback: str, *, flow: bool = False) -> str:
    if not quote and plain_is_safe(value, flow=flow):
        return value
    if (quote or fallback) == "'" and not _NOT_PRINTABLE.search(value):
        return "'" + value.replace("'", "''") + "'"
    return _NOT_PRINTABLE.sub(_escape, json.dumps(value, ensure_ascii=False))


def _escape(match: re.Match) -> str:
    code = ord(match.group())
    return f"\\x{code:02x}" if code < 0x100 else f"\\u{code:04x}" if code < 0x10000 else f"\\U{code:08x}"


def pairs(entry: NewEntry, style: Style, *, flow: bool = False) -> list[str]:
    return [
        f"{key}: {scalar(value, style.quotes.get(key, ''), style.quote, flow=flow)}"
        for key, value in entry.values.items()
    ]


def block_entry(entry: NewEntry, style: Style, dash: int, keys: int) -> str:
    """`- name: …` with the file's indentation: the dash at column `dash`, keys at column `keys`."""
    keys = max(keys, dash + 2)
    first, *rest = pairs(entry, style)
    lines = [" " * dash + "-" + " " * (keys - dash - 1) + first] + [" " * keys + pair for pair in rest]
    return "".join(line + style.newline for line in lines)


def flow_entry(entry: NewEntry, style: Style) -> str:
    return "{" + ", ".join(pairs(entry, style, flow=True)) + "}"


def read_back(text: str, path: Path, expected: Sequence[Signatory]) -> None:
    """Refuses to go on unless `text` reads, with the loader, as exactly the `expected` entries.

    `text` is the part of the new file around each insertion: if the new
    entries or their neighbours would read differently, nothing is written.
    """
    diags = Diagnostics()
    node = compose_yaml(text, path, diags)
    found = records.signatories(NodeReader(path, diags), node) if node is not None else None
    problem = next((d.message for d in diags if d.is_error), None)
    if problem is None and found is not None and [values(s) for s in found] != [values(s) for s in expected]:
        problem = "an entry would read back differently"
    if problem is not None or found is None:
        raise PetitionError(
            f"could not write the new entry into {path.name} so that it reads back as given ({problem}); "
            "nothing written. Please report this with the file's lines around the insertion."
        )


def values(entry: Signatory) -> tuple:
    return tuple(getattr(entry, key) for key in FIELDS)


def ends_line(text: str) -> bool:
    return text.endswith(BREAKS)
