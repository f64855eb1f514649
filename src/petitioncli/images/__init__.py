"""Images a letter embeds: what they are, whether they fit the limits, and what of them is safe to embed.

`check` and the HTML writer both go through `prepare`, so that the image a
build embeds is the one check judged: a PNG, JPEG, GIF or WebP file whose
header declares no more pixels than the limit and which then decodes whole,
every frame of it (Typst refuses a damaged or truncated image that WeasyPrint
draws in part), a JPEG of at most so many scans, or an SVG file read without
entities, held to its element and nesting limits, and rewritten without
anything that could run or reach outside the letter (see `svg.py`).
"""

from __future__ import annotations

import io
from dataclasses import dataclass

from .. import limits, rules
from ..rules import Rule

SVG = "image/svg+xml"


class ImageProblem(Exception):
    """Why an image cannot be embedded, under the rule that reports it."""

    def __init__(self, rule: Rule, reason: str):
        super().__init__(reason)
        self.rule = rule
        self.reason = reason


@dataclass(frozen=True, slots=True)
class Embeddable:
    media: str
    # What the page embeds: the file's bytes, or for SVG the rewritten image.
    data: bytes
    # What the SVG rewrite left out (a script, a handler, a reference), for the warning.
    removed: tuple[str, ...] = ()


def image_type(data: bytes) -> str | None:
    """The media type of an image a browser and WeasyPrint both draw, from its first bytes."""
    if data.startswith(b"\x89PNG\r\n\x1a\n"):
        return "image/png"
    if data.startswith(b"\xff\xd8\xff"):
        return "image/jpeg"
    if data.startswith((b"GIF87a", b"GIF89a")):
        return "image/gif"
    if data[:4] == b"RIFF" and data[8:12] == b"WEBP":
        return "image/webp"
    # SVG is text: an XML declaration, a comment or a doctype may come first.
    if data.lstrip(b"\xef\xbb\xbf \t\r\n").startswith(b"<") and b"<svg" in data[:4096].lower():
        return SVG
    return None


def prepare(data: bytes) -> Embeddable:
    """The image as a letter embeds it; ImageProblem when it cannot be."""
    media = image_type(data)
    if media is None:
        raise ImageProblem(rules.IMAGE_UNREADABLE, "it is not a PNG, JPEG, GIF, WebP or SVG image")
    if media == SVG:
        from . import svg

        rewritten, removed = svg.rewrite(data)
        return Embeddable(media, rewritten, removed)
    check_pixels(data, media)
    return Embeddable(media, data)


def check_pixels(data: bytes, media: str) -> None:
    """The header first: a 1 KB PNG may declare 40 GB of pixels, which decoding would allocate.
    Then every frame decoded, within the limit, so that no engine meets a damaged image."""
    from PIL import ImageFile

    if media == "image/jpeg":
        _check_scans(data)
    # WeasyPrint, once imported, tells Pillow to draw what it can of a cut-short image; Typst draws none of it.
    lenient = ImageFile.LOAD_TRUNCATED_IMAGES
    ImageFile.LOAD_TRUNCATED_IMAGES = False
    try:
        with _header_reader(media)(io.BytesIO(data)) as image:
            width, height = image.size
            frames = getattr(image, "n_frames", 1)
            _check_size(width, height, frames)
            for frame in range(frames):
                image.seek(frame)
                image.load()
    except ImageProblem:
        raise
    except Exception as exc:  # Pillow raises many kinds for a damaged file
        reason = str(exc) or type(exc).__name__
        raise ImageProblem(rules.IMAGE_UNREADABLE, f"it is damaged or cut short: {reason}") from None
    finally:
        ImageFile.LOAD_TRUNCATED_IMAGES = lenient


def _check_size(width: int, height: int, frames: int) -> None:
    most = limits.IMAGE_PIXELS.value
    if width * height * frames > most:
        shown = f"{width:,} × {height:,} pixels" + (f" in {frames:,} frames" if frames > 1 else "")
        raise ImageProblem(
            rules.IMAGE_TOO_LARGE,
            f"is {shown}; an image may have at most {most:,} pixels once decoded, every frame counted",
        )


def _check_scans(data: bytes) -> None:
    """A progressive JPEG draws in scans, each decoded over the whole picture: 200,000 of them in a few
    megabytes take a PDF reader minutes. Entropy-coded data never holds FF DA (a marker's FF is
    followed by 00 there), so each occurrence starts a scan."""
    scans = data.count(b"\xff\xda")
    most = limits.JPEG_SCANS
    if scans > most.value:
        raise ImageProblem(rules.IMAGE_TOO_LARGE, f"is a JPEG of {scans:,} scans; a JPEG may have at most {most.shown}")


def _header_reader(media: str):
    """Pillow's reader for one format, used directly: `Image.open` would try every format, and refuse
    a decompression bomb with a message that does not give its size."""
    if media == "image/png":
        from PIL.PngImagePlugin import PngImageFile

        return PngImageFile
    if media == "image/jpeg":
        from PIL.JpegImagePlugin import JpegImageFile

        return JpegImageFile
    if media == "image/gif":
        from PIL.GifImagePlugin import GifImageFile

        return GifImageFile
    from PIL.WebPImagePlugin import WebPImageFile

    return WebPImageFile
