"""The letter's Markdown as a small tree of frozen nodes, and the walks every reader shares."""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from urllib.parse import unquote, urlsplit


@dataclass(frozen=True, slots=True)
class Text:
    text: str
    # An escaped or entity-written quote (`\\"`, `&quot;`): printed as written, never made typographic.
    literal: bool = False


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
    """One item of a list: not a block of its own, only ever in `ListBlock.items`."""

    children: tuple[Block, ...]


@dataclass(frozen=True, slots=True)
class ListBlock:
    items: tuple[ListItem, ...]
    ordered: bool
    start: int
    # A tight list's items hold their text directly, without paragraph spacing.
    tight: bool
    # The first line in the file (0-based).
    line: int = 0


@dataclass(frozen=True, slots=True)
class BlockQuote:
    children: tuple[Block, ...]
    line: int = 0


@dataclass(frozen=True, slots=True)
class Table:
    """A GFM table; each cell's inline content is held as a paragraph, so that checks find what it calls."""

    header: tuple[Paragraph, ...]
    rows: tuple[tuple[Paragraph, ...], ...]
    # Per column: "left", "center", "right", or None when the delimiter row does not say.
    align: tuple[str | None, ...]
    line: int = 0


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


Block = Paragraph | Heading | ListBlock | BlockQuote | Table | CodeBlock | ThematicBreak | RawBlock | NoteDefinition


@dataclass(frozen=True, slots=True)
class Document:
    blocks: tuple[Block, ...] = field(default_factory=tuple)


def inline_containers(blocks: tuple[Block, ...]) -> Iterator[Paragraph | Heading]:
    """Every paragraph and heading, in reading order, however deeply nested."""
    for block in blocks:
        if isinstance(block, Paragraph | Heading):
            yield block
        elif isinstance(block, ListBlock):
            for item in block.items:
                yield from inline_containers(item.children)
        elif isinstance(block, BlockQuote):
            yield from inline_containers(block.children)
        elif isinstance(block, Table):
            for row in (block.header, *block.rows):
                yield from row


def too_deep(nodes: Iterable[Block | Inline], limit: int) -> int | None:
    """The line (0-based) where lists, quotes, emphasis and links first nest more than `limit` deep, if they do.

    Walked with a stack, not by recursion: it runs before anything else may
    walk the tree, on input that can be nested thousands deep.
    """
    stack: list[tuple[Block | Inline, int, int]] = [(node, 1, 0) for node in nodes]
    while stack:
        node, depth, line = stack.pop()
        if isinstance(node, ListBlock | BlockQuote | Emphasis | Link):
            line = getattr(node, "line", line)
            if depth > limit:
                return line
            depth += 1
        if isinstance(node, Paragraph | Heading):
            stack.extend((child, depth, node.line) for child in node.children)
        elif isinstance(node, Table):
            stack.extend((cell, depth, node.line) for row in (node.header, *node.rows) for cell in row)
        elif isinstance(node, ListBlock):
            stack.extend((child, depth, line) for item in node.items for child in item.children)
        elif isinstance(node, BlockQuote | Emphasis | Link):
            stack.extend((child, depth, line) for child in node.children)
    return None


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


# What a renderer makes a link of; any other address (`javascript:`, `data:`, `file:`) prints as text only.
LINK_SCHEMES = ("http", "https", "mailto")


def linkable(address: str | None) -> bool:
    """Whether a renderer may make `address` a link: a check can be ignored by `rules:`, this cannot."""
    if not address:
        return False
    try:
        return urlsplit(address).scheme.lower() in LINK_SCHEMES
    except ValueError:  # an unbalanced IPv6 bracket
        return False


def shown_address(link: Link) -> str | None:
    """The address print must show for a link, or None when its text already is the address.

    `[example.org](https://example.org/)` shows its address; so does an
    autolink. A `mailto:` link's address is the e-mail address.
    """
    href = link.href.strip()
    if link.autolink or not href:
        return None
    address = href[len("mailto:") :] if href.lower().startswith("mailto:") else href

    def bare(text: str) -> str:
        return text.casefold().split("://", 1)[-1].removeprefix("www.").rstrip("/")

    return None if bare(plain_text(link.children).strip()) == bare(address) else address


def project_relative_path(src: str) -> str | None:
    """The file an image source names relative to the project, or None for URLs and absolute paths.

    markdown-it percent-encodes what it normalises (`<my logo.png>` becomes
    `my%20logo.png`); the file on disk has the decoded name.
    """
    parts = urlsplit(src)
    if parts.scheme or parts.netloc or src.startswith("/") or not parts.path:
        return None
    return unquote(parts.path)
