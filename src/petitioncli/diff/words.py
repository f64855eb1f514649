"""Paragraphs of a text and the words that changed in them, as a reviewer reads a `git diff --word-diff`."""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass
from typing import Literal

from .sequences import opcodes

Op = Literal["equal", "delete", "insert"]
_BLANK_LINE = re.compile(r"\n[ \t]*(?:\r?\n|$)")
_WORD = re.compile(r"\S+")


@dataclass(frozen=True, slots=True)
class Paragraph:
    # The line it starts on, counting from 1.
    line: int
    # Its words joined by single spaces: rewrapping a paragraph changes nothing.
    text: str


@dataclass(frozen=True, slots=True)
class ParagraphChange:
    old: Paragraph | None
    new: Paragraph | None
    # For a paragraph reworded: its words, equal, deleted and inserted, in order.
    words: tuple[tuple[Op, str], ...] = ()


def paragraphs(source: str) -> list[Paragraph]:
    """The blocks of a Markdown text separated by blank lines, each with the line it starts on."""
    text = source.replace("\r\n", "\n").replace("\r", "\n")
    found, start = [], 0
    # Lines are counted from where the last count stopped: counting from the
    # start for every paragraph would take time quadratic in the text.
    counted, line = 0, 1
    for match in [*_BLANK_LINE.finditer(text), None]:
        end = match.start() if match else len(text)
        block = text[start:end]
        if block.strip():
            leading = len(block) - len(block.lstrip("\n"))
            line += text.count("\n", counted, start)
            counted = start
            found.append(Paragraph(line + leading, " ".join(block.split())))
        start = match.end() if match else end
    return found


def changed_paragraphs(old: list[Paragraph], new: list[Paragraph]) -> list[ParagraphChange]:
    """Paragraphs removed, added and reworded; a reworded one is matched with the one it replaced."""
    changes: list[ParagraphChange] = []
    for tag, old_start, old_end, new_start, new_end in opcodes([p.text for p in old], [p.text for p in new]):
        if tag == "equal":
            continue
        before, after = old[old_start:old_end], new[new_start:new_end]
        paired = min(len(before), len(after))
        changes += [ParagraphChange(a, b, word_diff(a.text, b.text)) for a, b in zip(before, after, strict=False)]
        changes += [ParagraphChange(a, None) for a in before[paired:]]
        changes += [ParagraphChange(None, b) for b in after[paired:]]
    return changes


def word_diff(old: str, new: str) -> tuple[tuple[Op, str], ...]:
    """The words of `old` and `new`, each run equal, deleted or inserted, joined by spaces."""
    a, b = _WORD.findall(old), _WORD.findall(new)
    runs: list[tuple[Op, str]] = []
    for tag, i1, i2, j1, j2 in opcodes(a, b):
        if tag in ("equal", "delete", "replace") and i2 > i1:
            runs.append(("equal" if tag == "equal" else "delete", " ".join(a[i1:i2])))
        if tag in ("insert", "replace") and j2 > j1:
            runs.append(("insert", " ".join(b[j1:j2])))
    return tuple(runs)


def shortened(words: tuple[tuple[Op, str], ...], context: int = 6) -> Iterator[tuple[Op, str]]:
    """The word diff with long unchanged stretches cut down to `context` words either side of a change."""
    for index, (op, text) in enumerate(words):
        if op != "equal":
            yield op, text
            continue
        tokens = text.split(" ")
        keep_start = context if index > 0 else 0
        keep_end = context if index < len(words) - 1 else 0
        if len(tokens) <= keep_start + keep_end + 1:
            yield op, text
            continue
        head, tail = tokens[:keep_start], tokens[len(tokens) - keep_end :] if keep_end else []
        yield op, " ".join([*head, "…", *tail])
