"""Text from a project, a file or a folder name, made safe to show: on a terminal, in JSON, in Rich markup.

Names, values, messages quoting them and file names are the user's, or a
form's respondents': any of them can hold any character. A line break would
split a report line; an ESC or a C1 control reaches the terminal as a
command (`\\e]0;…\\a` retitles the window, `\\e[2J` clears it); a
bidirectional override reorders what follows it on the line; a zero-width
space or a tag character makes two names that look the same differ, unseen.
Each such character is shown as its escape (`\\u202e`), so that what is
printed is what the data holds. Every command's output goes through here:
`printable` for plain text, `markup` for text inside Rich markup (where
`[/b]` would be read as a closing tag), `json_text` for JSON.
"""

from __future__ import annotations

import re

# Bidirectional embeddings, overrides and isolates; the zero-width space, the
# word joiner and a byte-order mark inside a text; the invisible tag
# characters. Not the zero-width joiners (ZWJ, ZWNJ), which Persian, Indic
# scripts and emoji need, nor the plain direction marks (LRM, RLM).
INVISIBLE = "\u202a-\u202e\u2066-\u2069\u200b\u2060\ufeff\U000e0000-\U000e007f"
# Every C0 and C1 control, DEL, the line and paragraph separators, and the invisible characters above.
_UNSAFE = re.compile(f"[\x00-\x1f\x7f-\x9f\u2028\u2029{INVISIBLE}]")
# JSON escapes C0 itself; the rest of the above it leaves raw with ensure_ascii=False.
_JSON_RAW = re.compile(f"[\x7f-\x9f\u2028\u2029{INVISIBLE}]")
_NAMED = {"\n": "\\n", "\r": "\\r", "\t": "\\t"}


def _escape(char: str) -> str:
    code = ord(char)
    return _NAMED.get(char) or (f"\\u{code:04x}" if code <= 0xFFFF else f"\\U{code:08x}")


def printable(text: str) -> str:
    """The text on one line with control and invisible characters as escapes: `\\n`, `\\u001b`, `\\u202e`."""
    return _UNSAFE.sub(lambda m: _escape(m.group()), text)


def markup(text: str) -> str:
    """`printable(text)` for a place Rich reads as markup: `[b]` is printed, not taken for bold."""
    from rich.markup import escape

    return escape(printable(text))


def _json_escape(char: str) -> str:
    code = ord(char)
    if code <= 0xFFFF:
        return f"\\u{code:04x}"
    # JSON writes a character beyond the Basic Multilingual Plane as its UTF-16 surrogate pair.
    code -= 0x10000
    return f"\\u{0xD800 + (code >> 10):04x}\\u{0xDC00 + (code & 0x3FF):04x}"


def json_text(text: str) -> str:
    """JSON as `json.dumps(…, ensure_ascii=False)` writes it, with what a terminal acts on or hides escaped.

    The escapes are JSON's own: a program reading the output gets the data's
    characters back exactly.
    """
    return _JSON_RAW.sub(lambda m: _json_escape(m.group()), text)
