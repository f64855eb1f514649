"""The Markdown dialect of letters: CommonMark plus footnote references `[^id]`.

Raw HTML is recognised (so that checks can report it and renderers can drop
it) but never passed through to any output.
"""

from __future__ import annotations

from collections.abc import Iterator
from functools import cache
from urllib.parse import unquote, urlsplit

from markdown_it import MarkdownIt
from markdown_it.token import Token
from mdit_py_plugins.footnote import footnote_plugin

RAW_HTML_TOKENS = frozenset({"html_block", "html_inline"})


@cache
def parser() -> MarkdownIt:
    md = MarkdownIt("commonmark", {"html": True})
    # References match even without an inline definition: definitions live in
    # footnotes.yaml, and an unknown id must reach the checks, not become text.
    footnote_plugin(md, inline=True, move_to_end=False, always_match_refs=True)
    # markdown-it turns `file:`, `javascript:` and `data:` links into literal
    # text, which would print `![x](file:///etc/passwd)` into the letter with no
    # word said. Keeping them as links and images lets the checks refuse them
    # with a place, and the renderers never see a letter that has such errors.
    md.validateLink = lambda url: True
    return md


def parse_block(source: str) -> list[Token]:
    return parser().parse(source, {})


def parse_inline(source: str) -> list[Token]:
    tokens = parser().parseInline(source, {})
    return tokens[0].children or [] if tokens else []


def walk_inline(tokens: list[Token]) -> Iterator[tuple[Token, Token | None]]:
    """Each inline token with the block-level inline token that holds it."""
    for token in tokens:
        if token.type == "inline":
            for child in token.children or ():
                yield child, token
        elif token.children is None:
            yield token, None


def footnote_labels(tokens: list[Token]) -> Iterator[tuple[str, Token, Token | None]]:
    """Footnote references in reading order: (label, reference token, enclosing inline token)."""
    for child, parent in walk_inline(tokens):
        if child.type == "footnote_ref" and child.meta.get("label") is not None:
            yield child.meta["label"], child, parent


def project_relative_path(src: str) -> str | None:
    """The file an image source names relative to the project, or None for URLs and absolute paths.

    markdown-it percent-encodes what it normalises (`<my logo.png>` becomes
    `my%20logo.png`); the file on disk has the decoded name.
    """
    parts = urlsplit(src)
    if parts.scheme or parts.netloc or src.startswith("/") or not parts.path:
        return None
    return unquote(parts.path)
