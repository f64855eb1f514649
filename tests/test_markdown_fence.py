"""The fence around markdown-it-py's and mdit-py-plugins' internals that `markdown/parse.py` relies on.

parse.py installs rules beside markdown-it's own (the footnote plugin's
`footnote_ref` and `footnote_inline`), disables `text_join` so that escaped
quotes reach the tree as `text_special` tokens, reads inline state (`src`,
`pos`, `posMax`, `env`, `push`) and replaces `validateLink`; quotes.py pairs
quotes with markdown-it's own character classes (`isPunctChar`,
`isMdAsciiPunct`, `isWhiteSpace`).
pyproject.toml caps both libraries at the versions this was written against;
an upgrade that moves any of these should fail here, by name, rather than
quietly print a letter with quotes set wrong or lost footnote calls.
"""

from __future__ import annotations

import inspect

from markdown_it import MarkdownIt
from markdown_it.rules_inline import StateInline
from mdit_py_plugins.footnote import footnote_plugin

from petitioncli.markdown import Link, NoteRef, Paragraph, Text, parse_document, quote_inlines


def test_escaped_quotes_are_tokens_of_their_own_until_text_join_which_parse_py_disables():
    assert "text_join" in MarkdownIt("commonmark").core.ruler.get_all_rules()
    md = MarkdownIt("commonmark").disable("text_join")
    [inline] = [token for token in md.parse('a \\"b\\" &quot;', {}) if token.type == "inline"]
    escaped = [child.content for child in inline.children or [] if child.type == "text_special"]
    assert escaped == ['"', '"', '"']


def test_the_character_classes_quotes_py_pairs_by():
    from markdown_it.common.utils import isMdAsciiPunct, isPunctChar, isWhiteSpace

    assert isMdAsciiPunct(ord('"')) and isPunctChar("«") and not isPunctChar("a")
    assert isWhiteSpace(ord(" ")) and isWhiteSpace(0x202F) and not isWhiteSpace(ord("a"))


def test_the_footnote_plugin_takes_the_options_parse_py_passes_and_names_its_rules():
    parameters = inspect.signature(footnote_plugin).parameters
    assert {"inline", "move_to_end", "always_match_refs"} <= set(parameters)
    md = MarkdownIt("commonmark")
    footnote_plugin(md, inline=True, move_to_end=False, always_match_refs=True)
    assert {"footnote_ref", "footnote_inline"} <= set(md.inline.ruler.get_all_rules())


def test_inline_state_has_what_the_note_rules_read():
    state = StateInline("[^a]", MarkdownIt(), {}, [])
    assert (state.src, state.pos, state.posMax, state.env) == ("[^a]", 0, 4, {})
    assert state.push("footnote_ref", "", 0).type == "footnote_ref"


def test_what_the_letter_gets_from_them():
    """A call, typographic quotes and a refused link's place, through parse.py's own parser."""
    [paragraph] = parse_document('See "this"[^a] and [x](javascript:alert(1)).\n').blocks
    assert isinstance(paragraph, Paragraph)
    assert quote_inlines(paragraph.children, ("“", "”", "‘", "’"))[0] == Text("See “this”")
    assert paragraph.children[1] == NoteRef("a")
    # validateLink is replaced so that the checks, not markdown-it, refuse such a link, with its place.
    assert any(isinstance(node, Link) and node.href == "javascript:alert(1)" for node in paragraph.children)
