"""The web page runs nothing and loads nothing from elsewhere: a Content-Security-Policy says so to the browser."""

from __future__ import annotations

from html.parser import HTMLParser
from pathlib import Path

from projects import build, write_project
from test_html import PIXEL

HOSTILE = """\
We write[^report]. <script>alert(1)</script> <img src=x onerror=alert(2)>

<iframe src="https://example.org"></iframe>

![logo](logo.png) and [a site](https://example.org).
"""


class Page(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.tags: list[tuple[str, dict[str, str | None]]] = []

    def handle_starttag(self, tag, attrs):
        self.tags.append((tag, dict(attrs)))


def test_the_page_forbids_scripts_and_outside_loads_and_holds_no_script(tmp_path: Path):
    project = write_project(tmp_path / "letter", {"letter.md": HOSTILE, "logo.png": PIXEL})
    page = Page()
    page.feed(build(project, tmp_path / "out", "html")["html"].read_text(encoding="utf-8"))
    policies = [attrs["content"] for tag, attrs in page.tags if attrs.get("http-equiv") == "Content-Security-Policy"]
    assert policies == [
        "default-src 'none'; style-src 'unsafe-inline'; img-src data:; font-src data:; base-uri 'none'; "
        "form-action 'none'"
    ]
    assert not [tag for tag, _ in page.tags if tag in {"script", "iframe", "object", "embed", "link", "base"}]
    assert not [name for _, attrs in page.tags for name in attrs if name.startswith("on")]
    sources = [attrs["src"] or "" for tag, attrs in page.tags if "src" in attrs]
    assert sources and all(source.startswith("data:image/png;base64,") for source in sources)
    assert not [attrs for _, attrs in page.tags if (attrs.get("href") or "").startswith("javascript:")]
