"""The glyphs a page embeds of the letter's fonts (which characters they draw: `font_coverage`).

A page embeds each face with only the glyphs its text uses (HarfBuzz's
subsetter, in milliseconds where fontTools' takes a second a face), so a
short statement does not carry a megabyte of font.
"""

from __future__ import annotations

import base64
import io
import re
from collections.abc import Callable, Iterable
from functools import cache

from ..font_coverage import FONTS
from .sandbox import Sandbox

FACES = (
    ("NotoSerif-Regular.woff", "normal", "normal"),
    ("NotoSerif-Italic.woff", "italic", "normal"),
    ("NotoSerif-Bold.woff", "normal", "bold"),
    ("NotoSerif-BoldItalic.woff", "italic", "bold"),
)
# What layout writes beside the page's own text: page and note numbers
# ("3 / 4"), list markers and the hyphen of a word broken at a line's end.
GENERATED = frozenset("0123456789 /.-\u2010\u2022\u25e6\u25aa\ufffd")
# What both engines print for a run of characters no font draws (`check` names them:
# glyph-missing): one mark a reader sees, where Typst under PDF/UA would print one a
# character, in a row that runs off the page, and WeasyPrint an empty box each.
REPLACEMENT = "\ufffd"
# What joins or modifies the characters of one emoji or letter: printed within the run's one mark.
_JOINING = "\u200d\ufe00-\ufe0f\u20e3\u0300-\u036f\U000e0020-\U000e007f"


def replacing(unprintable: Iterable[str]) -> Callable[[str], str] | None:
    """A function printing each run of `unprintable` characters as one REPLACEMENT; None when there are none."""
    characters = "".join(sorted(set(unprintable)))
    if not characters:
        return None
    run = "[" + "".join(re.escape(char) for char in characters) + "]"
    pattern = re.compile(f"{run}(?:{run}|[{_JOINING}])*")
    return lambda text: pattern.sub(REPLACEMENT, text)


def font_faces_css(sandbox: Sandbox, characters: Iterable[str]) -> str:
    """@font-face rules for the four faces, each holding only the glyphs of `characters` (and of layout)."""
    codepoints = {ord(char) for char in characters} | {ord(char) for char in GENERATED}
    rules = []
    for name, style, weight in FACES:
        data = _subset(_sfnt(sandbox.read(FONTS / name)), codepoints)
        rules.append(
            "@font-face {\n"
            '  font-family: "Noto Serif";\n'
            f"  font-style: {style};\n"
            f"  font-weight: {weight};\n"
            f'  src: url("data:font/woff;base64,{base64.b64encode(data).decode("ascii")}") format("woff");\n'
            "}\n"
        )
    return "".join(rules)


@cache
def _sfnt(woff: bytes) -> bytes:
    """The font inside a WOFF file, which HarfBuzz reads."""
    from fontTools.ttLib import TTFont

    with TTFont(io.BytesIO(woff), recalcTimestamp=False) as font:
        font.flavor = None
        out = io.BytesIO()
        font.save(out)
        return out.getvalue()


def _subset(sfnt: bytes, codepoints: set[int]) -> bytes:
    """The glyphs for `codepoints`, with the OpenType features the letter uses, as WOFF.

    The same font and characters give the same bytes: the timestamp in the
    font is the shipped one, and WOFF's compression is deterministic.
    """
    import uharfbuzz as hb
    from fontTools.ttLib import TTFont

    wanted = hb.SubsetInput()
    wanted.unicode_set.update(codepoints)
    # HarfBuzz keeps the features text needs by default (kerning, ligatures,
    # marks); the notes' calls also use superior figures.
    wanted.layout_feature_tag_set.add(int.from_bytes(b"sups", "big"))
    subset = hb.subset(hb.Face(sfnt), wanted)
    with TTFont(io.BytesIO(subset.blob.data), recalcTimestamp=False) as font:
        font.flavor = "woff"
        out = io.BytesIO()
        font.save(out)
        return out.getvalue()
