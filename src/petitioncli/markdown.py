"""The Markdown dialect of letters, read once into a small tree every consumer walks.

CommonMark plus footnote references `[^id]`, parsed by markdown-it. Its flat
token stream becomes the tree below, so that the checks, the HTML writer, the
text writer and any other renderer share one reading of the letter: what raw
HTML and footnote definitions are, how tight lists look, where a block's
source starts. Raw HTML is kept in the tree (so checks can report it) and
never printed by a renderer.

Every use of markdown-it, public or not, lives in this module.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass, field
from functools import cache
from urllib.parse import unquote, urlsplit

from markdown_it import MarkdownIt
from markdown_it.token import Token
from mdit_py_plugins.footnote import footnote_plugin

# ---------------------------------------------------------------- the tree


@dataclass(frozen=True, slots=True)
class Text:
    text: str


@dataclass(frozen=True, slots=True)
class Code:
    text: str


@dataclass(frozen=True, slots=True)
class SoftBreak:
    pass


@dataclass(frozen=True, slots=True)
class HardBreak:
    pass


@dataclass(frozen=True, slots=True)
class Emphasis:
    """`*text*` (strong=False) or `**text**`; `markup` is the delimiter as written."""

    children: tuple[Inline, ...]
    strong: bool
    markup: str


@dataclass(frozen=True, slots=True)
class Link:
    href: str
    children: tuple[Inline, ...]
    # `<https://…>`: the text is the address itself.
    autolink: bool = False


@dataclass(frozen=True, slots=True)
class Image:
    src: str
    alt: str


@dataclass(frozen=True, slots=True)
class NoteRef:
    """`[^label]`; `label` is None for an inline note `^[…]`, which letters do not allow."""

    label: str | None


@dataclass(frozen=True, slots=True)
class RawHtml:
    html: str

    @property
    def is_comment(self) -> bool:
        """HTML comments are how Markdown authors leave notes; leaving them out is what they want."""
        return self.html.lstrip().startswith("<!--")


Inline = Text | Code | SoftBreak | HardBreak | Emphasis | Link | Image | NoteRef | RawHtml


@dataclass(frozen=True, slots=True)
class Paragraph:
    children: tuple[Inline, ...]
    # The inline source as markdown-it saw it (list markers and quote marks
    # removed) and its first line in the file (0-based): checks map offsets
    # in `source` back to lines and columns.
    source: str
    line: int


@dataclass(frozen=True, slots=True)
class Heading:
    level: int
    children: tuple[Inline, ...]
    source: str
    line: int


@dataclass(frozen=True, slots=True)
class ListItem:
    children: tuple[Block, ...]


@dataclass(frozen=True, slots=True)
class ListBlock:
    items: tuple[ListItem, ...]
    ordered: bool
    start: int
    # A tight list's items hold their text directly, without paragraph spacing.
    tight: bool


@dataclass(frozen=True, slots=True)
class BlockQuote:
    children: tuple[Block, ...]


@dataclass(frozen=True, slots=True)
class CodeBlock:
    text: str


@dataclass(frozen=True, slots=True)
class ThematicBreak:
    pass


@dataclass(frozen=True, slots=True)
class RawBlock:
    html: str
    line: int

    @property
    def is_comment(self) -> bool:
        return self.html.lstrip().startswith("<!--")


@dataclass(frozen=True, slots=True)
class NoteDefinition:
    """`[^id]: text` inside the letter: an error, since notes live in footnotes.yaml."""

    label: str
    line: int


Block = Paragraph | Heading | ListBlock | ListItem | BlockQuote | CodeBlock | ThematicBreak | RawBlock | NoteDefinition


@dataclass(frozen=True, slots=True)
class Document:
    blocks: tuple[Block, ...] = field(default_factory=tuple)


# ---------------------------------------------------------------- parsing


@cache
def _parser(quotes: tuple[str, str, str, str] | None = None) -> MarkdownIt:
    options: dict = {"html": True}
    if quotes is not None:
        options.update(typographer=True, quotes=list(quotes))
    md = MarkdownIt("commonmark", options)
    if quotes is not None:
        # Only the quotes: `--` or `(c)` stay as written.
        md.enable("smartquotes")
    # References match even without an inline definition: definitions live in
    # footnotes.yaml, and an unknown id must reach the checks, not become text.
    footnote_plugin(md, inline=True, move_to_end=False, always_match_refs=True)
    # markdown-it turns `file:`, `javascript:` and `data:` links into literal
    # text, which would print `![x](file:///etc/passwd)` into the letter with no
    # word said. Keeping them as links and images lets the checks refuse them
    # with a place, and the renderers never see a letter that has such errors.
    md.validateLink = lambda url: True  # type: ignore[method-assign]
    return md


def parse_document(source: str, quotes: tuple[str, str, str, str] | None = None) -> Document:
    """letter.md as a tree; with `quotes` (opening and closing double, then single), typographic quotes."""
    return Document(tuple(_blocks(_parser(quotes).parse(source, {}))))


def parse_inline(source: str, quotes: tuple[str, str, str, str] | None = None) -> tuple[Inline, ...]:
    """A footnote's text: inline Markdown only."""
    tokens = _parser(quotes).parseInline(source, {})
    return _inlines(tokens[0].children or []) if tokens else ()


# ASCII punctuation that CommonMark lets a backslash escape, except the quotes.
_MARKDOWN_SYNTAX = re.compile(r"""([!#$%&()*+,\-./:;<=>?@\[\\\]^_`{|}~])""")


def smart_quotes(text: str, quotes: tuple[str, str, str, str]) -> str:
    """A plain value (a title, a name) with typographic quotes, and no Markdown read into it."""
    if "'" not in text and '"' not in text:
        return text
    lines = []
    for line in text.split("\n"):
        escaped = _MARKDOWN_SYNTAX.sub(r"\\\1", line)
        lines.append("".join(node.text for node in parse_inline(escaped, quotes) if isinstance(node, Text)))
    return "\n".join(lines)


def _blocks(tokens: list[Token]) -> Iterator[Block]:
    """The tree of block tokens; nesting tokens are consumed up to their close."""
    index = 0
    while index < len(tokens):
        token = tokens[index]
        kind = token.type
        if kind == "paragraph_open" or kind == "heading_open":
            inline = tokens[index + 1]
            children = _inlines(inline.children or [])
            line = inline.map[0] if inline.map else 0
            if kind == "heading_open":
                yield Heading(int(token.tag[1]), children, inline.content, line)
            else:
                yield Paragraph(children, inline.content, line)
            index += 3
            continue
        end = _close_of(tokens, index) if token.nesting == 1 else index
        inner = tokens[index + 1 : end]
        if kind in ("bullet_list_open", "ordered_list_open"):
            item_tokens = [_inner(tokens, i) for i in _children(tokens, index, end)]
            start = int(token.attrs.get("start", 1) or 1) if kind == "ordered_list_open" else 1
            # markdown-it hides the paragraphs of a tight list's items.
            loose = any(
                inner_tokens[i].type == "paragraph_open" and not inner_tokens[i].hidden
                for inner_tokens in item_tokens
                for i in _direct(inner_tokens)
            )
            items = tuple(ListItem(tuple(_blocks(inner_tokens))) for inner_tokens in item_tokens)
            yield ListBlock(items, kind == "ordered_list_open", start, tight=not loose)
        elif kind == "blockquote_open":
            yield BlockQuote(tuple(_blocks(inner)))
        elif kind in ("fence", "code_block"):
            yield CodeBlock(token.content)
        elif kind == "hr":
            yield ThematicBreak()
        elif kind == "html_block":
            yield RawBlock(token.content, token.map[0] if token.map else 0)
        elif kind == "footnote_reference_open":
            yield NoteDefinition(str(token.meta.get("label", "")), token.map[0] if token.map else 0)
        # footnote_block_open (the definitions gathered at the end) adds nothing.
        index = end + 1


def _close_of(tokens: list[Token], index: int) -> int:
    depth = 0
    for position in range(index, len(tokens)):
        depth += tokens[position].nesting
        if depth == 0:
            return position
    return len(tokens) - 1


def _children(tokens: list[Token], start: int, end: int) -> Iterator[int]:
    """Indices of the direct child containers between an open token and its close."""
    index = start + 1
    while index < end:
        yield index
        index = _close_of(tokens, index) + 1


def _direct(tokens: list[Token]) -> Iterator[int]:
    """Indices of the top-level tokens of a token run."""
    index = 0
    while index < len(tokens):
        yield index
        index = (_close_of(tokens, index) if tokens[index].nesting == 1 else index) + 1


def _inner(tokens: list[Token], index: int) -> list[Token]:
    return tokens[index + 1 : _close_of(tokens, index)]


def _inlines(tokens: list[Token]) -> tuple[Inline, ...]:
    out: list[Inline] = []
    stack: list[tuple[Token, list[Inline]]] = []
    current = out
    for token in tokens:
        kind = token.type
        if kind in ("em_open", "strong_open", "link_open"):
            stack.append((token, current))
            current = []
            continue
        if kind in ("em_close", "strong_close", "link_close") and stack:
            opener, parent = stack.pop()
            children = tuple(current)
            current = parent
            if opener.type == "link_open":
                href = str(opener.attrs.get("href", ""))
                current.append(Link(href, children, autolink=opener.markup == "autolink"))
            else:
                current.append(Emphasis(children, strong=opener.type == "strong_open", markup=opener.markup))
            continue
        node = _leaf(token)
        if node is not None:
            current.append(node)
    return tuple(out)


def _leaf(token: Token) -> Inline | None:
    kind = token.type
    if kind == "text" or kind == "text_special":
        return Text(token.content)
    if kind == "code_inline":
        return Code(token.content)
    if kind == "softbreak":
        return SoftBreak()
    if kind == "hardbreak":
        return HardBreak()
    if kind == "image":
        alt = "".join(child.content for child in token.children or ()) or token.content
        return Image(str(token.attrs.get("src", "")), alt)
    if kind == "footnote_ref":
        label = token.meta.get("label")
        return NoteRef(str(label) if label is not None else None)
    if kind == "html_inline":
        return RawHtml(token.content)
    return Text(token.content) if token.content else None


# ---------------------------------------------------------------- walking


def inline_containers(blocks: tuple[Block, ...]) -> Iterator[Paragraph | Heading]:
    """Every paragraph and heading, in reading order, however deeply nested."""
    for block in blocks:
        if isinstance(block, Paragraph | Heading):
            yield block
        elif isinstance(block, ListBlock):
            for item in block.items:
                yield from inline_containers(item.children)
        elif isinstance(block, ListItem | BlockQuote):
            yield from inline_containers(block.children)


def walk_inlines(inlines: tuple[Inline, ...]) -> Iterator[Inline]:
    """Every inline node, containers before their children, in reading order."""
    stack = list(reversed(inlines))
    while stack:
        node = stack.pop()
        yield node
        if isinstance(node, Emphasis | Link):
            stack.extend(reversed(node.children))


def note_labels(blocks: tuple[Block, ...]) -> Iterator[str]:
    """Footnote references in reading order."""
    for container in inline_containers(blocks):
        for node in walk_inlines(container.children):
            if isinstance(node, NoteRef) and node.label is not None:
                yield node.label


def plain_text(inlines: tuple[Inline, ...]) -> str:
    """What a reader sees of some inline content, without markup or notes."""
    parts = []
    for node in walk_inlines(inlines):
        if isinstance(node, Text | Code):
            parts.append(node.text)
        elif isinstance(node, SoftBreak | HardBreak):
            parts.append(" ")
    return "".join(parts)


def project_relative_path(src: str) -> str | None:
    """The file an image source names relative to the project, or None for URLs and absolute paths.

    markdown-it percent-encodes what it normalises (`<my logo.png>` becomes
    `my%20logo.png`); the file on disk has the decoded name.
    """
    parts = urlsplit(src)
    if parts.scheme or parts.netloc or src.startswith("/") or not parts.path:
        return None
    return unquote(parts.path)
