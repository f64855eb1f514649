"""The fence around markdown-it-py's and mdit-py-plugins' internals that `markdown/parse.py` relies on.

parse.py installs rules beside markdown-it's own (`smartquotes`, the footnote
plugin's `footnote_ref` and `footnote_inline`), reads inline state
(`src`, `pos`, `posMax`, `env`, `push`) and replaces `validateLink`.
pyproject.toml caps both libraries at the versions this was written against;
an upgrade that moves any of these should fail here, by name, rather than
quietly print a letter with straight quotes or lost footnote calls.
"""

from __future__ import annotations

import inspect

from markdown_it import MarkdownIt
from markdown_it.rules_inline import StateInline
from mdit_py_plugins.footnote import footnote_plugin

from petitioncli.markdown import Link, NoteRef, Paragraph, Text, parse_document


def test_core_rules_parse_py_places_its_quotes_around_are_there_in_order():
    rules = MarkdownIt("commonmark").core.ruler.get_all_rules()
    # Apostrophes go before smartquotes; escaped quotes stay separate tokens until text_join.
    assert rules.index("smartquotes") < rules.index("text_join")


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
    [paragraph] = parse_document('See "this"[^a] and [x](javascript:alert(1)).\n', ("“", "”", "‘", "’")).blocks
    assert isinstance(paragraph, Paragraph)
    assert paragraph.children[0] == Text("See “this”")
    assert paragraph.children[1] == NoteRef("a")
    # validateLink is replaced so that the checks, not markdown-it, refuse such a link, with its place.
    assert any(isinstance(node, Link) and node.href == "javascript:alert(1)" for node in paragraph.children)
