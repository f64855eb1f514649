"""Reading source files: text with its encoding checked, and YAML as position-carrying nodes.

YAML is composed into nodes with libyaml's C parser (safe: nodes are never
constructed into arbitrary objects) and validated straight from the nodes, so
every value keeps the line and column where it was written at no extra cost.
"""

from __future__ import annotations

import re
import shlex
import stat
from pathlib import Path
from typing import TYPE_CHECKING

import yaml
from yaml.events import AliasEvent
from yaml.nodes import MappingNode, Node, ScalarNode, SequenceNode

from .. import rules
from ..diagnostics import Diagnostics, Pos
from ..limits import Limit, beyond
from ..rules import Rule
from .sources import DISK, FileSource

if TYPE_CHECKING:
    _SafeLoader = yaml.SafeLoader
else:
    # libyaml's C parser when PyYAML was built with it, as it is on every platform with wheels.
    _SafeLoader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)

__all__ = [
    "MappingNode",
    "Node",
    "ScalarNode",
    "SequenceNode",
    "compose_yaml",
    "read_text",
    "split_lines",
    "tag_name",
    "yaml_lines",
]

_STANDARD_TAG = "tag:yaml.org,2002:"
NULL_TAG = _STANDARD_TAG + "null"
# The tags plain YAML resolves to by itself. Anything else (`!!binary`,
# `!!python/object:…`, `!custom`) was asked for explicitly and means nothing in
# a letter; nodes are never constructed, so such tags are reported, not run.
PLAIN_TAGS = frozenset(
    _STANDARD_TAG + name for name in ("str", "int", "float", "bool", "null", "timestamp", "map", "seq")
)
STR_TAG, _SEQ_TAG, _MAP_TAG = (_STANDARD_TAG + name for name in ("str", "seq", "map"))
_NULLS = frozenset({"", "~", "null", "Null", "NULL"})


class _YamlLoader(_SafeLoader):
    """libyaml's parser with a resolver that only tells null from text.

    Values are read as written (`country: NO` is Norway), so PyYAML's
    regular expressions for ints, floats, booleans and dates, run on every
    scalar, would be wasted: they cost a third of composing a large file.
    """

    def resolve(self, kind, value, implicit):
        if kind is ScalarNode:
            return NULL_TAG if implicit[0] and value in _NULLS else STR_TAG
        return _SEQ_TAG if kind is SequenceNode else _MAP_TAG


# libyaml counts these as line breaks (YAML 1.1); str.splitlines() knows more
# (form feed, U+001C…), which would shift every line after one of them.
_YAML_BREAK = re.compile("\r\n|[\r\n\x85\u2028\u2029]")
# markdown-it and the csv module break lines on these only.
_TEXT_BREAK = re.compile("\r\n|[\r\n]")


def yaml_lines(text: str) -> list[str]:
    """The lines of a YAML text, numbered as libyaml numbers them."""
    return _YAML_BREAK.split(text)


def split_lines(text: str) -> list[str]:
    """The lines of a Markdown or CSV text, numbered as their parsers number them."""
    return _TEXT_BREAK.split(text)


def tag_name(tag: str) -> str:
    return "!!" + tag[len(_STANDARD_TAG) :] if tag.startswith(_STANDARD_TAG) else tag


def read_text(
    path: Path,
    diags: Diagnostics,
    *,
    limit: tuple[Limit, str],
    referenced_at: Pos | None = None,
    name: str | None = None,
    missing: Rule = rules.FILE_MISSING,
    source: FileSource = DISK,
) -> str | None:
    """The file's text, or None after recording why it cannot be used.

    A file that is missing or not a file at all is reported where it is
    named (`referenced_at`, a manifest value) under the rule `missing`; problems
    inside it, in it. `limit` is the most the file may hold, and what the file
    is, for the message. The file is read from `source`, the disk unless
    the letter is read from a git commit.
    """
    name = name or path.name or str(path)
    where = referenced_at or Pos(path)
    try:
        info = source.stat(path)
    except (FileNotFoundError, NotADirectoryError):
        diags.report(missing, where, f"file not found: {name}")
        return None
    except OSError as exc:
        diags.report(rules.FILE_UNREADABLE, where, f"cannot read '{name}': {exc.strerror}")
        return None
    if stat.S_ISDIR(info.st_mode):
        diags.report(rules.FILE_UNREADABLE, where, f"'{name}' is a folder, not a file")
        return None
    if not stat.S_ISREG(info.st_mode):
        # A FIFO or device would block or stream forever.
        diags.report(rules.FILE_UNREADABLE, where, f"'{name}' is not a regular file")
        return None
    most, what = limit
    if info.st_size > most.value:
        # Refused before reading: a gigabyte list would end in a MemoryError.
        diags.report(
            rules.FILE_TOO_LARGE,
            Pos(path),
            f"{name} is {beyond(info.st_size, most)}; {what} may hold at most {most.shown}, so it is not read",
        )
        return None
    try:
        data = source.read_bytes(path)
    except OSError as exc:
        diags.report(rules.FILE_UNREADABLE, where, f"cannot read '{name}': {exc.strerror}")
        return None
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        before = split_lines(data[: exc.start].decode("utf-8-sig"))
        diags.report(
            rules.FILE_ENCODING,
            Pos(path, len(before), len(before[-1]) + 1),
            f"not UTF-8: byte 0x{data[exc.start]:02x} cannot be decoded; {_encoding_hint(data, exc.start, name)}",
        )
        return None
    if not text.strip():
        diags.report(rules.FILE_EMPTY, Pos(path), f"{name} is empty")
        return None
    return text


def _encoding_hint(data: bytes, index: int, name: str) -> str:
    """How to convert a file saved in the other encoding everyone meets: Windows-1252 (Excel, Notepad)."""
    try:
        data.decode("cp1252")
    except UnicodeDecodeError:
        return f"save {name} as UTF-8"
    character = data[index : index + 1].decode("cp1252")
    if name.lower().endswith(".csv"):
        how = 'in Excel, save as "CSV UTF-8"'
    else:
        how = f"convert it with `iconv -f windows-1252 -t utf-8 {shlex.quote(name)}`"
    return f"it looks like Windows-1252, where that byte is '{character}': {how}"


def compose_yaml(text: str, path: Path, diags: Diagnostics) -> Node | None:
    """The document's root node, or None after recording why there is none."""
    loader = _YamlLoader(text)
    try:
        node = loader.get_single_node()
    except yaml.MarkedYAMLError as exc:
        _syntax_error(exc, text, path, diags)
        return None
    except yaml.YAMLError as exc:
        # Reader errors (control characters) carry a position of their own,
        # counted in bytes of the UTF-8 text libyaml was given.
        offset = getattr(exc, "position", None) or 0
        before = yaml_lines(text.encode("utf-8")[:offset].decode("utf-8", errors="ignore"))
        line, column = len(before), len(before[-1]) + 1
        reason = getattr(exc, "reason", None) or str(exc).splitlines()[0]
        diags.report(rules.YAML_SYNTAX, Pos(path, line, column), f"YAML syntax error: {reason}")
        return None
    finally:
        loader.dispose()
    if node is None:
        diags.report(rules.FILE_EMPTY, Pos(path), f"{path.name} holds no data, only comments or blank lines")
        return None
    # An alias needs an anchor (`&name`) and a star; the event scan below costs
    # a second parse, so it runs only when both characters occur.
    if "&" in text and "*" in text and _report_aliases(text, path, diags):
        return None
    return node


def _syntax_error(exc: yaml.MarkedYAMLError, text: str, path: Path, diags: Diagnostics) -> None:
    mark = exc.problem_mark or exc.context_mark
    pos = Pos.of_mark(path, mark) if mark else Pos(path)
    problem = exc.problem or exc.context or "invalid YAML"
    index = getattr(mark, "index", -1) if mark else -1
    at_tab = 0 <= index < len(text) and text[index] == "\t"
    if at_tab or "tab character" in problem:
        diags.report(rules.YAML_TAB, pos, "tab character where YAML allows only spaces; indent with spaces")
        return
    if exc.context and exc.problem and problem.startswith("but "):
        problem = f"{exc.context}, {problem}"  # "expected a single document …, but found another"
    elif exc.context and exc.problem:
        # "while scanning a quoted scalar" is found at the end of the file;
        # where that scalar began is what the user needs.
        start = exc.context_mark
        if start is not None and mark is not None and start.line != mark.line:
            problem = f"{problem} ({exc.context} that starts at line {start.line + 1}, column {start.column + 1})"
        else:
            problem = f"{problem} ({exc.context})"
    diags.report(rules.YAML_SYNTAX, pos, f"YAML syntax error: {problem}")


def _report_aliases(text: str, path: Path, diags: Diagnostics) -> bool:
    """Reports every alias (`*name`): a few bytes of aliases can stand for gigabytes of text."""
    found = False
    for event in yaml.parse(text, Loader=_YamlLoader):
        if isinstance(event, AliasEvent):
            found = True
            diags.report(
                rules.YAML_ALIAS,
                Pos.of_mark(path, event.start_mark),
                f"YAML alias '*{event.anchor}' is not supported in letter data; write the value out in full",
            )
    return found
