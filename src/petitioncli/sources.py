"""Reading source files: text with its encoding checked, and YAML as position-carrying nodes.

YAML is composed into nodes with libyaml's C parser (safe: nodes are never
constructed into arbitrary objects) and validated straight from the nodes, so
every value keeps the line and column where it was written at no extra cost.
"""

from __future__ import annotations

from pathlib import Path

import yaml
from yaml.nodes import MappingNode, Node, ScalarNode, SequenceNode

from .diagnostics import Diagnostics, Pos

try:
    _YamlLoader = yaml.CSafeLoader
except AttributeError:  # pragma: no cover - PyYAML built without libyaml
    _YamlLoader = yaml.SafeLoader

__all__ = ["MappingNode", "Node", "ScalarNode", "SequenceNode", "read_text", "compose_yaml"]

NULL_TAG = "tag:yaml.org,2002:null"


def read_text(path: Path, diags: Diagnostics, *, referenced_at: Pos | None = None) -> str | None:
    """The file's text, or None after recording why it cannot be used."""
    where = referenced_at or Pos(path)
    try:
        data = path.read_bytes()
    except FileNotFoundError:
        diags.error(where, "file-missing", f"file not found: {path.name}")
        return None
    except IsADirectoryError:
        diags.error(where, "file-unreadable", f"{path.name} is a folder, not a file")
        return None
    except OSError as exc:
        diags.error(where, "file-unreadable", f"cannot read {path.name}: {exc.strerror}")
        return None
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        line = data.count(b"\n", 0, exc.start) + 1
        column = exc.start - (data.rfind(b"\n", 0, exc.start) + 1) + 1
        diags.error(
            Pos(path, line, column),
            "file-encoding",
            f"not UTF-8: byte 0x{data[exc.start]:02x} cannot be decoded; save the file as UTF-8",
        )
        return None
    if not text.strip():
        diags.error(Pos(path), "file-empty", f"{path.name} is empty")
        return None
    return text


def compose_yaml(text: str, path: Path, diags: Diagnostics) -> Node | None:
    """The document's root node, or None after recording the syntax error."""
    loader = _YamlLoader(text)
    try:
        return loader.get_single_node()
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        pos = Pos.of_mark(path, mark) if mark else Pos(path)
        problem = exc.problem or exc.context or "invalid YAML"
        if "'\\t'" in problem:
            diags.error(pos, "yaml-tab", "tab character where YAML allows only spaces for indentation")
        else:
            context = f" ({exc.context})" if exc.context and exc.problem else ""
            diags.error(pos, "yaml-syntax", f"YAML syntax error: {problem}{context}")
    except yaml.YAMLError as exc:
        # Reader errors (control characters, bad code points) carry a position of their own.
        position = getattr(exc, "position", None)
        line = text.count("\n", 0, position) + 1 if position is not None else 1
        column = position - (text.rfind("\n", 0, position) + 1) + 1 if position is not None else 1
        reason = getattr(exc, "reason", None) or str(exc).splitlines()[0]
        diags.error(Pos(path, line, column), "yaml-syntax", f"YAML syntax error: {reason}")
    finally:
        loader.dispose()
    return None
