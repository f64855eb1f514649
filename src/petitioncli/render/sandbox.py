"""What rendering a letter may read: the project's files and the package's fonts.

A letter is data from many hands; building it must not become a way to read
`/etc/passwd` into a PDF or to call a server. The project's images are read
once, by `check` (`checks/images.py`), with the same test of what is inside
the project, and embedded from the model. Every file the renderers read
beyond that (the fonts, and whatever WeasyPrint is asked to fetch; Jinja2
loads the templates itself) goes through one `Sandbox`, which knows the
folders that are allowed and refuses the rest.
"""

from __future__ import annotations

from pathlib import Path
from urllib.parse import urlsplit

from .. import limits, paths
from ..font_coverage import FONTS
from ..images import image_type

# The PDF engine's fetcher sniffs what it reads with the same test.
__all__ = ["FONTS", "MAX_BYTES", "PACKAGE", "TEMPLATES", "Refused", "Sandbox", "image_type"]

PACKAGE = Path(__file__).resolve().parent.parent
TEMPLATES = PACKAGE / "templates"

# Largest file a letter may pull in (an image, a font): what all of a letter's
# images may hold together, so never more than check allowed.
MAX_BYTES = limits.IMAGE_BYTES.value


class Refused(OSError):
    """A URL or path the sandbox does not read."""


class Sandbox:
    def __init__(self, project_root: Path):
        self.roots = (project_root.resolve(), FONTS)

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
        """The bytes of an allowed file; anything else is refused."""
        allowed = self.allowed_path(path)
        if allowed is None:
            raise Refused(f"'{shown_as or path}' is not read: not a file inside the project folder")
        if allowed.stat().st_size > MAX_BYTES:
            raise Refused(f"'{shown_as or path}' is not read: larger than {MAX_BYTES // (1024 * 1024)} MB")
        return allowed.read_bytes()
