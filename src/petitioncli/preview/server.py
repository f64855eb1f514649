"""The preview's web server: the page, the built letter and the stream that says when it changed.

The standard library's ThreadingHTTPServer is enough here: one person's
browser on the same machine asks for three fixed paths, one of them a
long-lived event stream that needs a thread of its own. It serves no file
from disk: every other path, `..` or not, is not found, and nothing is listed.
"""

from __future__ import annotations

import contextlib
import json
import re
import socket
import threading
from http import HTTPStatus
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from urllib.parse import parse_qs, urlsplit

from ..diagnostics import PetitionError
from . import page
from .session import PreviewSession

# How often an idle event stream sends a comment, so that a closed browser is noticed.
KEEP_ALIVE_SECONDS = 10.0
LOOPBACK = ("127.0.0.1", "::1", "localhost")
_GENERATION = re.compile(r"-?[0-9]{1,18}")


class PreviewServer(ThreadingHTTPServer):
    daemon_threads = True

    def __init__(self, session: PreviewSession, title: str, host: str, port: int):
        self.session = session
        self.title = title
        self.closing = threading.Event()
        if not host.strip():
            # The socket would take "" for every address this machine has: the letter shown to the network.
            raise PetitionError("--host is empty; name an address: 127.0.0.1 serves this machine only")
        self.address_family = socket.AF_INET6 if ":" in host else socket.AF_INET
        try:
            super().__init__((host, port), _Handler)
        except socket.gaierror as exc:
            raise PetitionError(
                f"cannot serve on {host}: {exc.strerror}; name an address of this machine with --host"
            ) from None
        except OSError as exc:
            raise PetitionError(
                f"cannot serve on {host}:{port}: {exc.strerror or exc}; choose another port with --port"
            ) from None
        self.host = host
        self.port = self.server_address[1]
        # A web page elsewhere can make a name of its own point at 127.0.0.1; a
        # request by such a name is refused, so that the page cannot read the letter.
        names = {host, *LOOPBACK} if host in LOOPBACK else set()
        self.hosts = {f"{name}:{self.port}" for name in names} | {f"[{name}]:{self.port}" for name in names}

    @property
    def url(self) -> str:
        shown = f"[{self.host}]" if ":" in self.host else self.host
        return f"http://{shown}:{self.port}/"

    def close(self) -> None:
        self.closing.set()
        self.session.wake()
        self.shutdown()
        self.server_close()


class _Handler(BaseHTTPRequestHandler):
    server: PreviewServer
    protocol_version = "HTTP/1.1"

    def do_GET(self) -> None:
        self.respond(body=True)

    def do_HEAD(self) -> None:
        self.respond(body=False)

    def respond(self, body: bool) -> None:
        if self.server.hosts and self.headers.get("Host", "") not in self.server.hosts:
            self.plain(HTTPStatus.MISDIRECTED_REQUEST, "this preview answers only by its own address\n", body)
            return
        parts = urlsplit(self.path)
        snapshot = self.server.session.snapshot
        if parts.path == page.PAGE_PATH:
            nonce = page.new_nonce()
            text = page.page(snapshot, self.server.title, nonce)
            self.send(HTTPStatus.OK, "text/html; charset=utf-8", text.encode("utf-8"), page.page_policy(nonce), body)
        elif parts.path == page.LETTER_PATH:
            text = snapshot.html if snapshot.html is not None else page.NO_LETTER_YET
            self.send(HTTPStatus.OK, "text/html; charset=utf-8", text.encode("utf-8"), page.LETTER_POLICY, body)
        elif parts.path == page.EVENTS_PATH and body:
            since = parse_qs(parts.query).get("since", ["-1"])[0]
            # ASCII digits only, and few: str.isdigit takes '²', which int() refuses, as it does 5,000 digits.
            self.events(int(since) if _GENERATION.fullmatch(since) else -1)
        else:
            self.plain(HTTPStatus.NOT_FOUND, "not found\n", body)

    def send(self, status: HTTPStatus, media: str, data: bytes, policy: str | None, body: bool) -> None:
        self.send_response(status)
        self.send_header("Content-Type", media)
        self.send_header("Content-Length", str(len(data)))
        self.send_header("Cache-Control", "no-store")
        self.send_header("X-Content-Type-Options", "nosniff")
        self.send_header("Referrer-Policy", "no-referrer")
        if policy is not None:
            self.send_header("Content-Security-Policy", policy)
        self.end_headers()
        if body:
            self.wfile.write(data)

    def plain(self, status: HTTPStatus, text: str, body: bool) -> None:
        self.send(status, "text/plain; charset=utf-8", text.encode("utf-8"), "default-src 'none'", body)

    def events(self, generation: int) -> None:
        """Server-sent events: the page's state after each rebuild, until the browser or the preview goes."""
        self.send_response(HTTPStatus.OK)
        self.send_header("Content-Type", "text/event-stream; charset=utf-8")
        self.send_header("Cache-Control", "no-store")
        self.send_header("X-Content-Type-Options", "nosniff")
        self.end_headers()
        self.close_connection = True
        session = self.server.session
        with contextlib.suppress(OSError):
            while not self.server.closing.is_set():
                snapshot = session.wait_for_change(generation, KEEP_ALIVE_SECONDS)
                if snapshot.generation != generation:
                    generation = snapshot.generation
                    self.wfile.write(f"data: {json.dumps(page.state(snapshot))}\n\n".encode())
                else:
                    self.wfile.write(b": still here\n\n")
                self.wfile.flush()

    def log_message(self, format: str, *args: object) -> None:
        """Requests are not logged: the terminal is for what the rebuilds find."""
