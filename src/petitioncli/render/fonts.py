"""The glyphs a page embeds of the letter's fonts (which characters they draw: `font_coverage`).

A page embeds each face with only the glyphs its text uses (HarfBuzz's
subsetter, in milliseconds where fontTools' takes a second a face), so a
short statement does not carry a megabyte of font.
"""

from __future__ import annotations

import base64
import io
from collections.abc import Iterable
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
GENERATED = frozenset("0123456789 /.-\u2010\u2022\u25e6\u25aa")


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
