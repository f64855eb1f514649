"""The Markdown dialect of letters, read once into a small tree every consumer walks.

CommonMark plus footnote references `[^id]`, parsed by markdown-it. Its flat
token stream becomes the tree of `tree.py`, so that the checks, the HTML
writer, the text writer and any other renderer share one reading of the
letter: what raw HTML and footnote definitions are, how tight lists look,
where a block's source starts. Raw HTML is kept in the tree (so checks can
report it) and never printed by a renderer.
"""

from .parse import parse_document, parse_inline
from .quotes import Quotes, quote_blocks, quote_inlines, quote_plain
from .tree import *  # noqa: F403
from .tree import (
    Block,
    Document,
    Inline,
    inline_containers,
    linkable,
    note_labels,
    plain_text,
    project_relative_path,
    shown_address,
    too_deep,
    walk_inlines,
)

__all__ = [
    "Block",
    "Document",
    "Inline",
    "Quotes",
    "inline_containers",
    "linkable",
    "note_labels",
    "parse_document",
    "parse_inline",
    "plain_text",
    "project_relative_path",
    "quote_blocks",
    "quote_inlines",
    "quote_plain",
    "shown_address",
    "too_deep",
    "walk_inlines",
]
