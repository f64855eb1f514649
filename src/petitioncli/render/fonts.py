"""The letter's fonts: which characters the PDF can draw, and the glyphs a page embeds.

WeasyPrint draws with the shipped Noto Serif and falls back, character by
character, to any font fontconfig knows on the machine. `petition check`
asks the same two sources: the shipped font's character map (fontTools,
installed with WeasyPrint) and fontconfig's fonts, through its C library,
so that `check` and `build` agree without laying out a page.

A page embeds each face with only the glyphs its text uses (HarfBuzz's
subsetter, in milliseconds where fontTools' takes a second a face), so a
short statement does not carry a megabyte of font.
"""

from __future__ import annotations

import base64
import ctypes
import ctypes.util
import io
import re
import unicodedata
from collections.abc import Callable, Iterable
from functools import cache

from .sandbox import FONTS, Sandbox

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

# The four faces share one character map; the regular face speaks for them.
SHIPPED = FONTS / "NotoSerif-Regular.woff"
# Latin up to Latin Extended-B, basic Cyrillic and the punctuation letters
# use, which Noto Serif draws (a test holds it to that): a letter in a
# European language is decided without reading a font.
DRAWN_WITHOUT_LOOKING = frozenset(
    [
        *range(0x20, 0x7F),
        *range(0xA0, 0x250),
        *range(0x400, 0x460),
        *map(ord, "‐‑‒–—‘’‚“”„†‡•…‰′″‹›€№™"),
        *(0x2009, 0x200A, 0x202F),  # thin, hair and narrow no-break spaces
    ]
)
# Nothing is drawn for these: spaces, line breaks, controls, format characters.
_INVISIBLE = frozenset({"Cc", "Cf", "Zs", "Zl", "Zp"})


def undrawable(characters: Iterable[str]) -> list[str]:
    """The characters no font available to the PDF can draw, in the order given."""
    candidates = [
        char
        for char in characters
        if ord(char) not in DRAWN_WITHOUT_LOOKING and unicodedata.category(char) not in _INVISIBLE
    ]
    if not candidates:
        return []
    shipped = shipped_characters()
    candidates = [char for char in candidates if ord(char) not in shipped]
    if not candidates:
        return []
    system = _system_fonts()
    return [char for char in candidates if not system.draws(char)]


def replacing(unprintable: Iterable[str]) -> Callable[[str], str] | None:
    """A function printing each run of `unprintable` characters as one REPLACEMENT; None when there are none."""
    characters = "".join(sorted(set(unprintable)))
    if not characters:
        return None
    run = "[" + "".join(re.escape(char) for char in characters) + "]"
    pattern = re.compile(f"{run}(?:{run}|[{_JOINING}])*")
    return lambda text: pattern.sub(REPLACEMENT, text)


@cache
def shipped_characters() -> frozenset[int]:
    from fontTools.ttLib import TTFont

    with TTFont(SHIPPED, lazy=True) as font:
        return frozenset(font.getBestCmap())


class _FcFontSet(ctypes.Structure):
    _fields_ = [("nfont", ctypes.c_int), ("sfont", ctypes.c_int), ("fonts", ctypes.POINTER(ctypes.c_void_p))]


class _SystemFonts:
    """The character sets of every font fontconfig lists, as Pango's fallback sees them."""

    def __init__(self) -> None:
        self.library = None
        self.charsets: list[ctypes.c_void_p] = []
        name = ctypes.util.find_library("fontconfig")
        if name is None:
            return  # no fontconfig, no fallback: only the shipped font draws
        lib = ctypes.CDLL(name)
        lib.FcInitLoadConfigAndFonts.restype = ctypes.c_void_p
        lib.FcPatternCreate.restype = ctypes.c_void_p
        lib.FcObjectSetBuild.restype = ctypes.c_void_p
        lib.FcObjectSetBuild.argtypes = [ctypes.c_char_p, ctypes.c_void_p]
        lib.FcFontList.restype = ctypes.POINTER(_FcFontSet)
        lib.FcFontList.argtypes = [ctypes.c_void_p, ctypes.c_void_p, ctypes.c_void_p]
        lib.FcPatternGetCharSet.argtypes = [ctypes.c_void_p, ctypes.c_char_p, ctypes.c_int, ctypes.c_void_p]
        lib.FcCharSetHasChar.argtypes = [ctypes.c_void_p, ctypes.c_uint32]
        config = lib.FcInitLoadConfigAndFonts()
        fonts = lib.FcFontList(config, lib.FcPatternCreate(), lib.FcObjectSetBuild(b"charset", None))
        if not fonts:
            return
        for index in range(fonts.contents.nfont):
            charset = ctypes.c_void_p()
            if lib.FcPatternGetCharSet(fonts.contents.fonts[index], b"charset", 0, ctypes.byref(charset)) == 0:
                self.charsets.append(charset)
        # The font set (and the charsets it owns) lives as long as the process: it is asked once.
        self.library = lib

    def draws(self, char: str) -> bool:
        lib = self.library
        return lib is not None and any(lib.FcCharSetHasChar(charset, ord(char)) for charset in self.charsets)


@cache
def _system_fonts() -> _SystemFonts:
    return _SystemFonts()


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
