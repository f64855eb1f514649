"""The typographer's quotes beyond markdown-it's smartquotes: apostrophes first, quotes it leaves straight after.

Core rules that `parse.py` installs around smartquotes; they change only
the content of text tokens, which is what smartquotes itself changes.
"""

from __future__ import annotations

from markdown_it.token import Token

_APOSTROPHE = "\u2019"
# After these a quote opens something rather than standing for a letter left out.
_OPENERS = frozenset("\"'([{\u201c\u2018\u201e\u201a\u00ab\u2039")


def apostrophes(state) -> None:
    """Sets `'` between a word's end and a letter as an apostrophe before smartquotes pairs quotes.

    smartquotes takes the `'` of "Apple Inc.'s" for an opening quote (it
    follows a full stop) and pairs it with the next one, which turns a whole
    stretch of text inside out. An apostrophe is ’ in every language.
    """
    _each_text(state, lambda text, before, after: _set_apostrophes(text, before))


def _set_apostrophes(text: str, before: str) -> str:
    if "'" not in text:
        return text
    out = list(text)
    for index, char in enumerate(out):
        prior = out[index - 1] if index else before
        following = out[index + 1] if index + 1 < len(out) else ""
        if char == "'" and following.isalpha() and not prior.isspace() and prior not in _OPENERS:
            out[index] = _APOSTROPHE
    return "".join(out)


def quotes_left_straight(quotes: tuple[str, str, str, str]):
    """A core rule for the quotes smartquotes leaves straight, such as `'` right after a closing `"`.

    A quote left after a character that is not a space closes something
    (or, before a letter, is an apostrophe). A quote after a space stays as
    written: there an opening quote and an apostrophe ('90s) look alike.
    Escaped quotes (`\\'`) are separate tokens until `text_join` and stay
    straight, as their author asked.
    """

    def close(text: str, before: str, after: str) -> str:
        if "'" not in text and '"' not in text:
            return text
        out = list(text)
        for index, char in enumerate(out):
            prior = out[index - 1] if index else before
            if char not in "'\"" or prior.isspace():
                continue
            following = out[index + 1] if index + 1 < len(out) else after
            if char == '"':
                out[index] = quotes[1]
            else:
                out[index] = _APOSTROPHE if following.isalnum() else quotes[3]
        return "".join(out)

    return lambda state: _each_text(state, close)


def _each_text(state, change) -> None:
    """Replaces each text token's content by `change(text, character before, character after)`.

    The characters around a token come from its neighbours in the same block
    (through emphasis and links); a line break or the block's edge is a space.
    """
    for token in state.tokens:
        if token.type != "inline" or not token.children:
            continue
        children = token.children
        before = " "
        for index, child in enumerate(children):
            if child.type == "text" and child.content:
                child.content = change(child.content, before, _next_char(children, index))
            if child.type in ("softbreak", "hardbreak"):
                before = " "
            elif child.content:
                before = child.content[-1]


def _next_char(children: list[Token], index: int) -> str:
    """The first character printed after child `index`, or a space at a break or the end."""
    for child in children[index + 1 :]:
        if child.type in ("softbreak", "hardbreak"):
            return " "
        if child.content:
            return child.content[0]
    return " "
