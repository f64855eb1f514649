"""Wrapping the text letter's lines at a width, for every script a letter is written in.

Latin, Greek and Cyrillic text breaks at spaces, never inside a word or an
address. Chinese and Japanese put no spaces between words: a line may break
between any two of their characters, except before closing punctuation or
after opening punctuation, and each of their characters fills two columns
of a terminal. Columns are counted as a terminal draws them (`wcwidth`):
combining marks and emoji modifiers take none, wide characters two.
"""

from __future__ import annotations

import re
import textwrap

import wcwidth

# Han ideographs, kana, CJK punctuation and fullwidth forms: lines may break around each.
_CJK = "\u2e80-\u2fff\u3000-\u30ff\u3100-\u31ff\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\uff00-\uffef"
_BREAKABLE = re.compile(f"[{_CJK}]")
# A run of spaces, one CJK character, or a word of any other script.
_CHUNKS = re.compile(f"\\s+|[{_CJK}]|[^\\s{_CJK}]+")
# Never at the start of a line (closing marks) or at its end (opening marks).
_NO_BREAK_BEFORE = frozenset("、。，．・：；？！）」』】〉》〕］｝ー々〜’”")
_NO_BREAK_AFTER = frozenset("（「『【〈《〔［｛‘“")


def display_width(text: str) -> int:
    """Columns a terminal gives the text: 'नमस्ते' four, '👍🏽' two, '中文' four."""
    if text.isascii():
        return len(text)
    # -1: a control character, which no letter text holds once checked; counted as one column each.
    width = wcwidth.wcswidth(text)
    return width if width >= 0 else len(text)


def wrap(text: str, width: int, initial: str = "", subsequent: str = "") -> str:
    """Wraps each line of `text` at `width` columns; a hard line break stays one."""
    lines = []
    for index, segment in enumerate(text.split("\n")):
        first = initial if index == 0 else subsequent
        lines.append(_wrap_segment(segment, width, first, subsequent) or first.rstrip())
    return "\n".join(lines)


def _wrap_segment(segment: str, width: int, initial: str, subsequent: str) -> str:
    # Most lines (a signatory's, a short title) fit as they are, spaced as
    # wrapping would space them: 100,000 signatories spent most of the text
    # letter's time in textwrap otherwise.
    size = display_width(segment)
    if display_width(initial) + size <= width and " ".join(segment.split()) == segment:
        return initial + segment
    if _BREAKABLE.search(segment) is None and size == len(segment):
        return textwrap.fill(
            segment,
            width,
            initial_indent=initial,
            subsequent_indent=subsequent,
            break_long_words=False,
            break_on_hyphens=False,
        )
    return "\n".join(_fill(_CHUNKS.findall(segment.strip()), width, initial, subsequent))


def _fill(chunks: list[str], width: int, initial: str, subsequent: str) -> list[str]:
    """Greedy filling by display width; a chunk longer than the width stands alone on its line."""
    lines: list[str] = []
    line, used = initial, display_width(initial)
    pending_space = False
    at_start = True
    for index, chunk in enumerate(chunks):
        if chunk.isspace():
            pending_space = True
            continue
        space = " " if pending_space and not at_start else ""
        size = display_width(chunk)
        fits = used + len(space) + size <= width
        follows = index + 1 < len(chunks) and chunks[index + 1][0] in _NO_BREAK_BEFORE
        # Keep closing punctuation with the character before it, and an opening mark with the one after.
        glued = chunk[0] in _NO_BREAK_BEFORE or (line and line[-1] in _NO_BREAK_AFTER)
        if (not at_start and not fits and not glued) or (
            follows and not at_start and used + len(space) + size + 2 > width and not glued
        ):
            lines.append(line.rstrip())
            line, used, space = subsequent, display_width(subsequent), ""
        line += space + chunk
        used += len(space) + size
        pending_space = False
        at_start = False
    lines.append(line.rstrip())
    return lines
