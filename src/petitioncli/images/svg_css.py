"""The CSS inside an SVG image: kept where it only colours and shapes, left out where it could fetch anything.

CSS is read with tinycss2, so escapes and comments cannot hide a `url(`:
a value may use the functions of `svg_names.CSS_FUNCTIONS`, and `url(#id)`
to name an element of the same image. What is kept is written out anew.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import tinycss2

from .svg_names import ATTRIBUTES, CSS_FUNCTIONS

Refusals = dict[str, None]


def value_references(tokens: list[Any]) -> tuple[list[str], str | None]:
    """The ids a CSS value names with url(#…), and the first thing in it a letter does not embed."""
    refs: list[str] = []
    stack = list(tokens)
    while stack:
        token = stack.pop()
        if token.type == "url":
            target = token.value
        elif token.type == "function" and token.lower_name == "url":
            target = next((arg.value for arg in token.arguments if arg.type in ("string", "ident")), "")
        elif token.type == "function":
            if token.lower_name not in CSS_FUNCTIONS:
                return refs, f"the CSS function {token.name}()"
            stack.extend(token.arguments)
            continue
        elif token.type in ("() block", "[] block", "{} block"):
            stack.extend(token.content)
            continue
        else:
            continue
        if not target.startswith("#"):
            return refs, f"a reference to '{shortened(target)}'"
        refs.append(target[1:])
    return refs, None


def attribute_references(value: str) -> tuple[list[str], str | None]:
    """A presentation attribute's value (`fill="url(#g)"`) read as the CSS value it is."""
    return value_references(tinycss2.parse_component_value_list(value))


def declarations(
    text: str, refused: Refusals, *, may_name: Callable[[str], bool] | None = None
) -> tuple[str, list[str]]:
    """A `style` attribute's or a rule's declarations, and the ids they name; `may_name` limits which.

    A declaration with an unknown property is dropped as an unknown attribute
    is; one with a refused value is dropped and noted in `refused`.
    """
    kept: list[str] = []
    named: list[str] = []
    for item in tinycss2.parse_declaration_list(text, skip_comments=True, skip_whitespace=True):
        if item.type != "declaration" or item.lower_name not in ATTRIBUTES:
            continue
        refs, why = value_references(item.value)
        if why is None and may_name is not None:
            why = next((f"'url(#{ref})' in a style sheet" for ref in refs if not may_name(ref)), None)
        if why is not None:
            refused[why] = None
            continue
        named.extend(refs)
        important = " !important" if item.important else ""
        kept.append(f"{item.name}:{tinycss2.serialize(item.value).strip()}{important}")
    return ";".join(kept), named


def style_sheet(text: str, refused: Refusals, may_name: Callable[[str], bool]) -> str:
    """A `<style>` element's rules, without at-rules (`@import`, `@font-face`) and refused declarations."""
    kept = []
    for rule in tinycss2.parse_stylesheet(text, skip_comments=True, skip_whitespace=True):
        if rule.type == "at-rule":
            refused[f"the style sheet's @{rule.at_keyword} rule"] = None
        elif rule.type == "qualified-rule":
            body, _ = declarations(tinycss2.serialize(rule.content), refused, may_name=may_name)
            kept.append(f"{tinycss2.serialize(rule.prelude).strip()}{{{body}}}")
    return "\n".join(kept)


def shortened(text: str) -> str:
    return text if len(text) <= 80 else text[:77] + "…"
