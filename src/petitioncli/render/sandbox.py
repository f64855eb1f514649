"""What rendering a letter may read: the project's files and the package's fonts.

A letter is data from many hands; building it must not become a way to read
`/etc/passwd` into a PDF or to call a server. Every file the HTML and PDF
renderers read (images, fonts; Jinja2 loads the templates itself) goes through
one `Sandbox`, which knows the folders that are allowed and remembers what it
refused so that the build can report it.
"""

from __future__ import annotations

from pathlib import Path
from urllib.parse import urlsplit

from .. import paths

PACKAGE = Path(__file__).resolve().parent.parent
FONTS = PACKAGE / "fonts"
TEMPLATES = PACKAGE / "templates"

# Largest file a letter may pull in (an image, a font): enough for any photo or
# logo, small enough that a stray video or disk image cannot stall a build.
MAX_BYTES = 32 * 1024 * 1024


class Refused(OSError):
    """A URL or path the sandbox does not read."""


class Sandbox:
    def __init__(self, project_root: Path):
        self.roots = (project_root.resolve(), FONTS)
        self.refused: list[str] = []

    def allowed_path(self, path: Path) -> Path | None:
        """The real path of `path` when it is a regular file inside an allowed folder.

        Symbolic links are followed first, so a link inside the project that
        points outside it is refused like the outside path itself.
        """
        real = paths.real_path(path)
        if real is None or not any(paths.inside(root, real) for root in self.roots):
            return None
        return real if real.is_file() else None

    def path_of_url(self, url: str) -> Path | None:
        """The local file a `file:` URL names, if the sandbox allows it."""
        # Imported here: only WeasyPrint asks for URLs, and it has loaded urllib.request already.
        from urllib.request import url2pathname

        parts = urlsplit(url)
        if parts.scheme.lower() != "file" or parts.netloc not in ("", "localhost"):
            return None
        return self.allowed_path(Path(url2pathname(parts.path)))

    def read(self, path: Path, *, shown_as: str | None = None) -> bytes:
        """The bytes of an allowed file; anything else is refused and remembered."""
        allowed = self.allowed_path(path)
        if allowed is None:
            raise self.refuse(shown_as or str(path))
        if allowed.stat().st_size > MAX_BYTES:
            raise self.refuse(shown_as or str(path), f"larger than {MAX_BYTES // (1024 * 1024)} MB")
        return allowed.read_bytes()

    def refuse(self, what: str, reason: str = "not a file inside the project folder") -> Refused:
        if what not in self.refused:
            self.refused.append(what)
        return Refused(f"'{what}' is not read: {reason}")


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
        return "image/svg+xml"
    return None
