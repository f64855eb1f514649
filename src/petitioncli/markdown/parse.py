"""markdown-it, configured for letters, and its token stream turned into the tree.

Every use of markdown-it, public or not, lives in this module and in the
rules it installs (`note_rules.py`: footnote references). The letter is
parsed once with its quotes as written; `quotes.py` sets an edition's
typographic quotes on the tree.
"""

from __future__ import annotations

from collections.abc import Iterator
from functools import cache

from markdown_it import MarkdownIt
from markdown_it.token import Token
from mdit_py_plugins.footnote import footnote_plugin

from .note_rules import inline_note, note_reference
from .tree import (
    Block,
    BlockQuote,
    Code,
    CodeBlock,
    Document,
    Emphasis,
    HardBreak,
    Heading,
    Image,
    Inline,
    Link,
    ListBlock,
    ListItem,
    NoteDefinition,
    NoteRef,
    Paragraph,
    RawBlock,
    RawHtml,
    SoftBreak,
    Table,
    Text,
    ThematicBreak,
)


@cache
def _parser() -> MarkdownIt:
    # GFM tables: letters compare figures, and a table left as pipes prints as noise.
    md = MarkdownIt("commonmark", {"html": True}).enable("table")
    # Escaped characters and entities stay tokens of their own, so that an
    # escaped quote is known in the tree and stays straight in every edition;
    # `_inlines` joins the rest of the text.
    md.disable("text_join")
    # The plugin reads `[^id]: …` definitions, which the checks refuse. Its
    # inline rules scan from every `[^` and `^[` to the end of the text when
    # nothing closes them (20 KB of `[^` took minutes), so they are replaced
    # by rules that look no further than the next bracket. References match
    # without a definition: notes live in footnotes.yaml, and an unknown id
    # must reach the checks, not become text.
    footnote_plugin(md, inline=True, move_to_end=False, always_match_refs=True)
    md.inline.ruler.at("footnote_ref", note_reference)
    md.inline.ruler.at("footnote_inline", inline_note)
    # markdown-it turns `file:`, `javascript:` and `data:` links into literal
    # text, which would print `![x](file:///etc/passwd)` into the letter with no
    # word said. Keeping them as links and images lets the checks refuse them
    # with a place, and the renderers never see a letter that has such errors.
    md.validateLink = lambda url: True  # type: ignore[method-assign]
    return md


def parse_document(source: str) -> Document:
    """letter.md as a tree, its quotes as written."""
    return Document(tuple(_blocks(_parser().parse(source, {}))))


def parse_inline(source: str) -> tuple[Inline, ...]:
    """A footnote's text: inline Markdown only."""
    tokens = _parser().parseInline(source, {})
    return _inlines(tokens[0].children or []) if tokens else ()


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
            yield ListBlock(items, kind == "ordered_list_open", start, tight=not loose, line=_line(token))
        elif kind == "blockquote_open":
            yield BlockQuote(tuple(_blocks(inner)), _line(token))
        elif kind == "table_open":
            yield _table(inner, _line(token))
        elif kind in ("fence", "code_block"):
            yield CodeBlock(token.content)
        elif kind == "hr":
            yield ThematicBreak()
        elif kind == "html_block":
            yield RawBlock(token.content, _line(token))
        elif kind == "footnote_reference_open":
            yield NoteDefinition(str(token.meta.get("label", "")), _line(token))
        # footnote_block_open (the definitions gathered at the end) adds nothing.
        index = end + 1


def _table(tokens: list[Token], line: int) -> Table:
    """The rows of a table's tokens: each row's cells, the header first, and each column's alignment."""
    rows: list[tuple[Paragraph, ...]] = []
    align: list[str | None] = []
    cells: list[Paragraph] = []
    for index, token in enumerate(tokens):
        if token.type == "tr_open":
            cells = []
        elif token.type == "tr_close":
            rows.append(tuple(cells))
        elif token.type in ("th_open", "td_open"):
            inline = tokens[index + 1]
            cells.append(Paragraph(_inlines(inline.children or []), inline.content, _line(inline)))
            if token.type == "th_open":
                style = str(token.attrs.get("style", ""))
                align.append(style.removeprefix("text-align:") or None)
    return Table(rows[0] if rows else (), tuple(rows[1:]), tuple(align), line)


def _line(token: Token) -> int:
    return token.map[0] if token.map else 0


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
            children = _joined(current)
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
    return _joined(out)


def _joined(nodes: list[Inline]) -> tuple[Inline, ...]:
    """Adjacent texts as one, as markdown-it's `text_join` makes them, except a quote that was escaped."""
    out: list[Inline] = []
    run: list[str] = []
    for node in nodes:
        if isinstance(node, Text) and not node.literal:
            run.append(node.text)
            continue
        if run:
            out.append(Text("".join(run)))
            run = []
        out.append(node)
    if run:
        out.append(Text("".join(run)))
    return tuple(out)


def _leaf(token: Token) -> Inline | None:
    kind = token.type
    if kind == "text":
        return Text(token.content)
    if kind == "text_special":
        return Text(token.content, literal=token.content in ("'", '"'))
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
