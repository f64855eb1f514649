"""Typographic quotes set on the tree: one linear walk of each paragraph, for an edition's language.

The letter is parsed once, with its quotes as written; each edition sets
its own language's marks on that tree (`edition.make_edition`), so every
renderer prints the same text and none parses the letter again.

The pairing is markdown-it's smartquotes rule, with two steps around it
that letters need: an apostrophe between a word and a letter is set first
("Apple Inc.'s" is no opening quote), and a quote smartquotes leaves
straight after a character that is not a space closes afterwards. Unlike
markdown-it's own rule, which rebuilds a text for every quote and scans the
rest of a paragraph for the character after each text, every step here
visits each character a fixed number of times: 1 MB of quotes takes ten
times as long as 100 KB (`bench/run.py`, tests/test_quote_marks.py).
"""

from __future__ import annotations

import dataclasses
import enum
from collections.abc import Iterator
from dataclasses import dataclass

from markdown_it.common.utils import isMdAsciiPunct, isPunctChar, isWhiteSpace

from .tree import (
    Block,
    BlockQuote,
    Code,
    Emphasis,
    HardBreak,
    Heading,
    Image,
    Inline,
    Link,
    ListBlock,
    ListItem,
    Paragraph,
    RawHtml,
    SoftBreak,
    Table,
    Text,
)

# Opening and closing double quotes, then opening and closing single quotes.
Quotes = tuple[str, str, str, str]

_APOSTROPHE = "\u2019"
# After these a quote opens something rather than standing for a letter left out.
_OPENERS = frozenset("\"'([{\u201c\u2018\u201e\u201a\u00ab\u2039")
_SPACE = " "


class _Role(enum.Enum):
    # A text whose quotes are set.
    TEXT = enum.auto()
    # Printed, and so the character before or after a quote, but kept as written:
    # code, raw HTML, an image's description, an escaped quote.
    CONTEXT = enum.auto()
    # A line break: the edge of a line, as a space.
    BREAK = enum.auto()
    # Where emphasis or a link opens or closes, or a note is called: nothing printed.
    MARK = enum.auto()


@dataclass(slots=True)
class _Piece:
    """One inline node of a paragraph, flat, as markdown-it's tokens are.

    `chars` holds one string a character of the source; a quote set in its
    place may be longer (French «\u202f), so no index ever moves.
    """

    role: _Role
    level: int
    chars: list[str]


@dataclass(slots=True)
class _Opener:
    piece: int
    index: int
    single: bool
    level: int


def quote_blocks(blocks: tuple[Block, ...], quotes: Quotes) -> tuple[Block, ...]:
    """The blocks with every paragraph's, heading's, list item's and table cell's quotes set."""
    return tuple(_quote_block(block, quotes) for block in blocks)


def _quote_block(block: Block, quotes: Quotes) -> Block:
    if isinstance(block, Paragraph | Heading):
        return dataclasses.replace(block, children=quote_inlines(block.children, quotes))
    if isinstance(block, ListBlock):
        return dataclasses.replace(block, items=tuple(ListItem(quote_blocks(i.children, quotes)) for i in block.items))
    if isinstance(block, ListItem | BlockQuote):
        return dataclasses.replace(block, children=quote_blocks(block.children, quotes))
    if isinstance(block, Table):

        def row(cells: tuple[Paragraph, ...]) -> tuple[Paragraph, ...]:
            return tuple(dataclasses.replace(cell, children=quote_inlines(cell.children, quotes)) for cell in cells)

        return dataclasses.replace(block, header=row(block.header), rows=tuple(row(r) for r in block.rows))
    return block


def quote_plain(text: str, quotes: Quotes) -> str:
    """A plain value (a title, a closing) with typographic quotes, each line on its own."""
    if "'" not in text and '"' not in text:
        return text
    lines = []
    for line in text.split("\n"):
        pieces = [_Piece(_Role.TEXT, 0, list(line))]
        _set_marks(pieces, quotes)
        lines.append("".join(pieces[0].chars))
    return "\n".join(lines)


def quote_inlines(children: tuple[Inline, ...], quotes: Quotes) -> tuple[Inline, ...]:
    """One paragraph's inline content with its quotes set; nothing but the texts changes."""
    pieces: list[_Piece] = []
    _flatten(children, 0, pieces)
    if not any(piece.role is _Role.TEXT and ("'" in piece.chars or '"' in piece.chars) for piece in pieces):
        return children
    _set_marks(pieces, quotes)
    texts = iter(["".join(piece.chars) for piece in pieces if piece.role is _Role.TEXT])
    return _rebuild(children, texts)


def _set_marks(pieces: list[_Piece], quotes: Quotes) -> None:
    _apostrophes(pieces)
    _pair(pieces, quotes)
    _close_left_straight(pieces, quotes)


def _flatten(children: tuple[Inline, ...], level: int, out: list[_Piece]) -> None:
    for node in children:
        if isinstance(node, Text):
            out.append(_Piece(_Role.CONTEXT if node.literal else _Role.TEXT, level, list(node.text)))
        elif isinstance(node, Code):
            out.append(_Piece(_Role.CONTEXT, level, list(node.text)))
        elif isinstance(node, RawHtml):
            out.append(_Piece(_Role.CONTEXT, level, list(node.html)))
        elif isinstance(node, Image):
            out.append(_Piece(_Role.CONTEXT, level, list(node.alt)))
        elif isinstance(node, SoftBreak | HardBreak):
            out.append(_Piece(_Role.BREAK, level, []))
        elif isinstance(node, Emphasis | Link):
            # As markdown-it's tokens: the delimiters at the node's level, its content one deeper.
            out.append(_Piece(_Role.MARK, level, []))
            _flatten(node.children, level + 1, out)
            out.append(_Piece(_Role.MARK, level, []))
        else:
            out.append(_Piece(_Role.MARK, level, []))


def _rebuild(children: tuple[Inline, ...], texts: Iterator[str]) -> tuple[Inline, ...]:
    out: list[Inline] = []
    for node in children:
        if isinstance(node, Text) and not node.literal:
            out.append(Text(next(texts)))
        elif isinstance(node, Emphasis | Link):
            out.append(dataclasses.replace(node, children=_rebuild(node.children, texts)))
        else:
            out.append(node)
    return tuple(out)


def _following(pieces: list[_Piece]) -> list[int | None]:
    """For each piece, the next piece that prints something on the same line (None at a break or the end)."""
    found: list[int | None] = [None] * len(pieces)
    nearest: int | None = None
    for index in range(len(pieces) - 1, -1, -1):
        found[index] = nearest
        piece = pieces[index]
        if piece.role is _Role.BREAK:
            nearest = None
        elif piece.chars:
            nearest = index
    return found


def _first_char(pieces: list[_Piece], index: int | None) -> str:
    return pieces[index].chars[0][0] if index is not None else _SPACE


def _apostrophes(pieces: list[_Piece]) -> None:
    """`'` between a word's end and a letter is an apostrophe, in every language.

    smartquotes takes the `'` of "Apple Inc.'s" for an opening quote (it
    follows a full stop) and pairs it with the next one, which turns a whole
    stretch of text inside out.
    """
    before = _SPACE
    for piece in pieces:
        chars = piece.chars
        if piece.role is _Role.TEXT:
            for index, char in enumerate(chars):
                if char != "'":
                    continue
                prior = chars[index - 1][-1] if index else before
                following = chars[index + 1] if index + 1 < len(chars) else ""
                if following.isalpha() and not prior.isspace() and prior not in _OPENERS:
                    chars[index] = _APOSTROPHE
        before = _SPACE if piece.role is _Role.BREAK else (chars[-1][-1] if chars else before)


def _close_left_straight(pieces: list[_Piece], quotes: Quotes) -> None:
    """A quote still straight after a character that is not a space closes (before a letter: an apostrophe).

    A quote after a space stays as written: there an opening quote and an
    apostrophe ('90s) look alike. Escaped quotes (`\\'`) stay straight, as
    their author asked.
    """
    following = _following(pieces)
    before = _SPACE
    for position, piece in enumerate(pieces):
        chars = piece.chars
        if piece.role is _Role.TEXT:
            for index, char in enumerate(chars):
                prior = chars[index - 1][-1] if index else before
                if char not in ("'", '"') or prior.isspace():
                    continue
                after = chars[index + 1][0] if index + 1 < len(chars) else _first_char(pieces, following[position])
                if char == '"':
                    chars[index] = quotes[1]
                else:
                    chars[index] = _APOSTROPHE if after.isalnum() else quotes[3]
        before = _SPACE if piece.role is _Role.BREAK else (chars[-1][-1] if chars else before)


def _is_punctuation(char: str) -> bool:
    return isMdAsciiPunct(ord(char)) or isPunctChar(char)


def _pair(pieces: list[_Piece], quotes: Quotes) -> None:
    """markdown-it's smartquotes, in one pass.

    Openers wait on a stack whose levels never fall from bottom to top; a
    closer takes the nearest opener of its kind at its own level. Besides
    the stack, the positions of each kind's openers are kept, so finding that
    opener is one look instead of a scan down the stack.
    """
    following = _following(pieces)
    stack: list[_Opener] = []
    of_kind: dict[bool, list[int]] = {True: [], False: []}

    def keep(count: int) -> None:
        del stack[count:]
        for positions in of_kind.values():
            while positions and positions[-1] >= count:
                positions.pop()

    before = _SPACE
    for position, piece in enumerate(pieces):
        level = piece.level
        count = len(stack)
        while count and stack[count - 1].level > level:
            count -= 1
        keep(count)
        chars = piece.chars
        if piece.role is _Role.TEXT:
            for index, char in enumerate(chars):
                if char not in ("'", '"'):
                    continue
                single = char == "'"
                last = chars[index - 1][-1] if index else before
                after = chars[index + 1][0] if index + 1 < len(chars) else _first_char(pieces, following[position])
                can_open, can_close = _can_open_close(last, after, char)
                if not can_open and not can_close:
                    if single:
                        chars[index] = _APOSTROPHE  # within a word
                    continue
                if can_close:
                    kind = of_kind[single]
                    if kind and stack[kind[-1]].level == level:
                        opener = stack[kind[-1]]
                        chars[index] = quotes[3] if single else quotes[1]
                        pieces[opener.piece].chars[opener.index] = quotes[2] if single else quotes[0]
                        keep(kind[-1])
                        continue
                if can_open:
                    of_kind[single].append(len(stack))
                    stack.append(_Opener(position, index, single, level))
                elif can_close and single:
                    chars[index] = _APOSTROPHE
        before = _SPACE if piece.role is _Role.BREAK else (chars[-1][-1] if chars else before)


def _can_open_close(last: str, after: str, char: str) -> tuple[bool, bool]:
    """Whether a quote between `last` and `after` may open and may close, as CommonMark's delimiter runs."""
    last_punctuation, next_punctuation = _is_punctuation(last), _is_punctuation(after)
    last_space, next_space = isWhiteSpace(ord(last)), isWhiteSpace(ord(after))
    can_open = not next_space and not (next_punctuation and not (last_space or last_punctuation))
    can_close = not last_space and not (last_punctuation and not (next_space or next_punctuation))
    if after == '"' and char == '"' and "0" <= last <= "9":
        return False, False  # 1"": an inch
    if can_open and can_close:
        # Between punctuation (foo-"-bar) a quote may be either; inside a word (foo"bar) neither.
        return last_punctuation, next_punctuation
    return can_open, can_close
