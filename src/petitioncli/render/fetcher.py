"""WeasyPrint's URL fetcher, narrowed to the sandbox.

WeasyPrint 70's `URLFetcher` fetches http(s) and any `file://` path by default.
This one answers `data:` URIs (the fonts and images the HTML carries) and
files the sandbox allows, and refuses everything else: no network, no file
outside the project folder and the package's assets. Imported only when a PDF
is made, since importing WeasyPrint takes about a second.
"""

from __future__ import annotations

from weasyprint.urls import URLFetcher, URLFetcherResponse

from .sandbox import Sandbox, image_type


class SandboxedFetcher(URLFetcher):
    def __init__(self, sandbox: Sandbox):
        # The parent's opener is only ever asked for data: URIs.
        super().__init__(allowed_protocols=("data",), allow_redirects=False)
        self.sandbox = sandbox

    def fetch(self, url: str, headers=None) -> URLFetcherResponse:
        scheme = url.split(":", 1)[0].lower()
        if scheme == "data":
            return super().fetch(url, headers)
        path = self.sandbox.path_of_url(url)
        if path is None:
            raise self.sandbox.refuse(url, "only files inside the project folder are read, nothing from the network")
        data = self.sandbox.read(path, shown_as=url)
        return URLFetcherResponse(url, data, {"Content-Type": image_type(data) or "application/octet-stream"})
