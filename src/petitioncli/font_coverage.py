"""Which characters the PDF's fonts can draw, asked without laying out a page.

WeasyPrint draws with the shipped Noto Serif and falls back, character by
character, to any font fontconfig knows on the machine. `petition check`
asks the same two sources: the shipped font's character map (fontTools,
installed with WeasyPrint) and fontconfig's fonts, through its C library,
so that `check` and `build` agree. Below both the checks and the renderers,
which ask it the same question.
"""

from __future__ import annotations

import ctypes
import ctypes.util
import unicodedata
from collections.abc import Iterable
from functools import cache
from pathlib import Path

# The package's own fonts, shipped beside this module.
FONTS = Path(__file__).resolve().parent / "fonts"
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
