"""Footnote references and inline notes, read in linear time.

mdit-py-plugins' footnote rules scan from every `[^` and `^[` to the end of
the text when nothing closes them: 20 KB of `[^` took minutes. These stop
at the next bracket; `parse.py` installs them in the plugin's place.
"""

from __future__ import annotations

import re

from markdown_it.rules_inline import StateInline


def note_reference(state: StateInline, silent: bool) -> bool:
    """`[^id]`: an id runs to the next `]` and holds no space, line break or bracket."""
    src, start = state.src, state.pos
    if not src.startswith("[^", start):
        return False
    end = start + 2
    maximum = state.posMax
    while end < maximum and src[end] not in _NOT_IN_NOTE_IDS:
        end += 1
    if end == start + 2 or end >= maximum or src[end] != "]":
        return False
    if not silent:
        token = state.push("footnote_ref", "", 0)
        token.meta = {"label": src[start + 2 : end]}
    state.pos = end + 1
    return True


_NOT_IN_NOTE_IDS = frozenset(" \n[]")
_BRACKET_OR_ESCAPE = re.compile(r"\\.|[\[\]]", re.S)


def inline_note(state: StateInline, silent: bool) -> bool:
    """`^[…]`, a note written in the text: recognised to be refused, so its text is left where it stands."""
    src, start = state.src, state.pos
    if not src.startswith("^[", start) or start + 1 not in _closed_brackets(state):
        return False
    if not silent:
        state.push("footnote_ref", "", 0).meta = {}
    state.pos = start + 2
    return True


def _closed_brackets(state: StateInline) -> frozenset[int]:
    """Where in the inline text a `[` opens that a later `]` closes: worked out once a text, in one pass."""
    cached = state.env.get("petitioncli_brackets")
    if cached is not None and cached[0] is state.src:
        return cached[1]
    opened: list[int] = []
    closed: set[int] = set()
    for match in _BRACKET_OR_ESCAPE.finditer(state.src):
        if match.group() == "[":
            opened.append(match.start())
        elif match.group() == "]" and opened:
            closed.add(opened.pop())
    found = frozenset(closed)
    state.env["petitioncli_brackets"] = (state.src, found)
    return found
