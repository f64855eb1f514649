"""`petition preview`: the letter served on this machine, rebuilt on every save, as a browser reads it over HTTP."""

from __future__ import annotations

import http.client
import json
import os
import shutil
import signal
import socket
import subprocess
import sys
import threading
import time
from collections.abc import Callable
from pathlib import Path
from urllib.parse import urlsplit

import pypdf
import pytest

from conftest import DATA

# Long enough for a slow, shared machine; the preview's own speed is measured by hand, not here.
WAIT_SECONDS = 60


class Preview:
    """`petition preview` in its own process, as a person starts it; stopped with Ctrl-C (SIGINT)."""

    def __init__(self, cwd: Path, *args: str, env: dict[str, str] | None = None):
        self.stderr_path = cwd / "preview.stderr"
        self.stderr_file = self.stderr_path.open("w", encoding="utf-8")
        self.process = subprocess.Popen(
            [sys.executable, "-m", "petitioncli", "preview", *args],
            cwd=cwd,
            stdout=subprocess.PIPE,
            stderr=self.stderr_file,
            text=True,
            env={**os.environ, "COLUMNS": "200", **(env or {})},
        )
        self.url = self._first_line()
        self.root = cwd
        parts = urlsplit(self.url)
        self.host, self.port = parts.hostname or "", parts.port or 0

    def _first_line(self) -> str:
        found: list[str] = []
        reader = threading.Thread(target=lambda: found.append(self.process.stdout.readline()), daemon=True)
        reader.start()
        reader.join(WAIT_SECONDS)
        assert found and found[0], f"the preview did not start: {self.stderr()}"
        return found[0].strip()

    def stderr(self) -> str:
        return self.stderr_path.read_text(encoding="utf-8")

    def said(self, text: str) -> bool:
        """Whether the terminal shows `text`: told of a rebuild, the page may be served before the terminal says it."""
        deadline = time.monotonic() + WAIT_SECONDS
        while text not in self.stderr():
            if time.monotonic() > deadline:
                return False
            time.sleep(0.05)
        return True

    def get(self, path: str, headers: dict[str, str] | None = None) -> tuple[int, dict[str, str], str]:
        connection = http.client.HTTPConnection(self.host, self.port, timeout=WAIT_SECONDS)
        connection.request("GET", path, headers=headers or {})
        response = connection.getresponse()
        body = response.read().decode("utf-8")
        connection.close()
        return response.status, dict(response.getheaders()), body

    def events(self, since: int) -> http.client.HTTPResponse:
        connection = http.client.HTTPConnection(self.host, self.port, timeout=WAIT_SECONDS)
        connection.request("GET", f"/events?since={since}")
        response = connection.getresponse()
        assert response.getheader("Content-Type") == "text/event-stream; charset=utf-8"
        return response

    @staticmethod
    def until(stream: http.client.HTTPResponse, wanted: Callable[[dict], bool]) -> dict:
        """The first rebuild the event stream tells of that is `wanted`, skipping its keep-alive comments.

        A file written in place may be seen half-written first: that rebuild is told of too, and passed over.
        """
        deadline = time.monotonic() + WAIT_SECONDS
        while time.monotonic() < deadline:
            line = stream.fp.readline().decode("utf-8")
            assert line, "the event stream ended"
            if line.startswith("data: "):
                state = json.loads(line.removeprefix("data: "))
                if wanted(state):
                    return state
        raise AssertionError("no such rebuild")

    def interrupt(self, signum: int = signal.SIGINT) -> int:
        self.process.send_signal(signum)
        code = self.process.wait(WAIT_SECONDS)
        self.stderr_file.close()
        return code


@pytest.fixture
def preview(iap_project):
    """The IAP letter previewed from the folder above it, so that problems name `iap/…`."""
    started = Preview(iap_project.parent, "iap", "--port", "0")
    yield started
    if started.process.poll() is None:
        started.interrupt()


@pytest.fixture(scope="module")
def unchanged(tmp_path_factory):
    """The IAP letter previewed, for the tests that only read what is served."""
    root = tmp_path_factory.mktemp("unchanged")
    shutil.copytree(DATA, root / "iap")
    # The browser `--open` starts: one that writes down the address it was given.
    browser = root / "browser"
    browser.write_text(f'#!/bin/sh\necho "$1" > "{root / "opened"}"\n', encoding="utf-8")
    browser.chmod(0o755)
    started = Preview(root, "iap", "--port", "0", "--open", env={"BROWSER": str(browser)})
    yield started
    started.interrupt()


def edit(path: Path, old: str, new: str) -> None:
    text = path.read_text(encoding="utf-8")
    assert old in text
    path.write_text(text.replace(old, new), encoding="utf-8")


def test_the_page_is_served_on_this_machine_only_and_holds_the_letter(unchanged):
    assert unchanged.url.startswith("http://127.0.0.1:")
    opened = unchanged.root / "opened"
    deadline = time.monotonic() + WAIT_SECONDS
    while not (opened.exists() and opened.read_text(encoding="utf-8").endswith("\n")) and time.monotonic() < deadline:
        time.sleep(0.05)
    assert opened.read_text(encoding="utf-8").strip() == unchanged.url
    status, _, page = unchanged.get("/")
    assert status == 200
    assert '<iframe id="letter" src="/letter.html?v=1"' in page
    status, _, letter = unchanged.get("/letter.html")
    assert status == 200
    assert "In the run-up to the annual conference and general meeting" in letter
    assert "<script" not in letter


def test_a_saved_change_reloads_the_letter(preview, iap_project):
    stream = preview.events(since=1)
    edit(iap_project / "letter.md", "In the run-up to the annual conference", "Ahead of the annual conference")
    state = Preview.until(stream, lambda state: not state["failed"])
    assert state["problems"] == []
    _, _, letter = preview.get(f"/letter.html?v={state['letter']}")
    assert "Ahead of the annual conference and general meeting" in letter
    assert "In the run-up to" not in letter
    edit(iap_project / "footnotes.yaml", "As documented by", "As reported by")
    Preview.until(stream, lambda changed: changed["letter"] > state["letter"] and not changed["failed"])
    assert "As reported by a number of internationally renowned" in preview.get("/letter.html")[2]
    assert preview.said("Rebuilt in")


def test_a_check_error_shows_in_a_banner_above_the_last_good_letter(preview, iap_project):
    stream = preview.events(since=1)
    edit(iap_project / "petition.yaml", "date: 2017-09-05", "date: 2017-09-31")
    problem = "iap/petition.yaml:4:7: error: 'date' '2017-09-31' does not exist: day is out of range for month"
    state = Preview.until(stream, lambda state: any(line.startswith(problem) for line in state["problems"]))
    assert state["failed"] is True and state["letter"] == 1
    _, _, page = preview.get("/")
    assert '<div id="problems" class="error" role="alert">' in page
    assert "The letter did not build; below is the last letter that did." in page
    assert problem.replace("'", "&#x27;") in page
    # The letter that built before is still the one shown, dated as it was.
    assert '<time datetime="2017-09-05">5 September 2017</time>' in preview.get("/letter.html")[2]
    assert preview.said(problem)
    edit(iap_project / "petition.yaml", "date: 2017-09-31", "date: 2017-09-30")
    state = Preview.until(stream, lambda state: not state["failed"])
    assert (state["problems"], state["letter"]) == ([], 2)
    assert '<time datetime="2017-09-30">30 September 2017</time>' in preview.get("/letter.html")[2]


@pytest.mark.parametrize(
    "path",
    [
        "/../petition.yaml",
        "/petition.yaml",
        "/iap/letter.md",
        "/%2e%2e/%2e%2e/etc/passwd",
        "/letter.html/../petition.yaml",
        "//etc/passwd",
        "/dist/",
        "/events/../petition.yaml",
    ],
)
def test_nothing_but_the_letter_is_served(unchanged, path):
    status, _, body = unchanged.get(path)
    assert (status, body) == (404, "not found\n")


@pytest.mark.parametrize("since", ["%C2%B2", "9" * 5000, "-", "%00"])
def test_an_odd_generation_asked_for_starts_the_stream_from_the_first_and_says_nothing(unchanged, since):
    connection = http.client.HTTPConnection(unchanged.host, unchanged.port, timeout=WAIT_SECONDS)
    connection.request("GET", f"/events?since={since}")
    stream = connection.getresponse()
    assert stream.status == 200
    assert Preview.until(stream, lambda state: True)["generation"] >= 1
    connection.close()
    assert "Traceback" not in unchanged.stderr()


def test_a_request_by_another_host_name_is_refused(unchanged):
    """A page elsewhere that points a name of its own at 127.0.0.1 cannot read the letter."""
    status, _, body = unchanged.get("/letter.html", headers={"Host": f"attacker.example:{unchanged.port}"})
    assert status == 421
    assert "Supporting organisations" not in body


def test_the_reload_script_runs_by_a_nonce_and_the_letter_may_run_none(unchanged):
    preview = unchanged
    _, headers, page = preview.get("/")
    policy = headers["Content-Security-Policy"]
    nonce = policy.split("script-src 'nonce-", 1)[1].split("'", 1)[0]
    assert f'<script nonce="{nonce}">' in page
    assert "connect-src 'self'" in policy
    _, headers, _ = preview.get("/letter.html")
    assert headers["Content-Security-Policy"].startswith("default-src 'none';")
    assert "script-src" not in headers["Content-Security-Policy"]


def test_ctrl_c_stops_it_with_130_and_the_pdf_is_whole(iap_project):
    started = Preview(iap_project.parent, "iap", "--port", "0", "--pdf", "--output-dir", "out")
    pdf = iap_project.parent / "out" / "iap-2017_iap-leadership_2017-09-05.pdf"
    stream = started.events(since=0)
    edit(iap_project / "letter.md", "In the run-up to the annual conference", "Ahead of the annual conference")
    Preview.until(stream, lambda state: state["letter"] >= 2)
    text = "".join(page.extract_text() for page in pypdf.PdfReader(pdf).pages)
    assert "Ahead of the annual conference" in text
    assert started.interrupt() == 130
    assert "interrupted" in started.stderr()
    assert sorted(path.name for path in pdf.parent.iterdir()) == [pdf.name]


def test_one_letter_is_previewed_not_all(run_cli, iap_project):
    result = run_cli("preview", iap_project, "--to", "all")
    assert result.exit_code == 2
    assert "the preview shows one letter; name one with --to instead of 'all'" in result.stderr


def test_a_port_in_use_is_said_before_anything_is_built(run_cli, iap_project):
    with socket.socket() as taken:
        taken.bind(("127.0.0.1", 0))
        taken.listen()
        port = taken.getsockname()[1]
        result = run_cli("preview", iap_project, "--port", str(port))
    assert result.exit_code == 2
    assert f"cannot serve on 127.0.0.1:{port}: Address already in use; choose another port with --port" in result.stderr
    assert "Rebuilt" not in result.stderr


@pytest.mark.parametrize(
    ("host", "said"),
    [
        ("", "--host is empty; name an address: 127.0.0.1 serves this machine only"),
        # Between the two is the resolver's own words, which differ between systems.
        ("256.1.1.1", "; name an address of this machine with --host"),
    ],
)
def test_an_empty_or_unknown_host_is_refused_before_anything_is_served(run_cli, iap_project, host, said):
    """An empty --host (an unset variable in a script) would serve the letter on every network of the machine."""
    result = run_cli("preview", iap_project, "--host", host, "--port", "0")
    assert result.exit_code == 2
    assert said in result.stderr
    assert "Previewing" not in result.stdout + result.stderr


def test_a_translation_saved_as_editors_save_reloads_its_edition(bilingual):
    """The French edition, its text replaced by renaming a new file over it, as many editors save."""
    started = Preview(bilingual.parent, "iap", "--port", "0", "--lang", "fr")
    try:
        stream = started.events(since=1)
        assert '<html lang="fr">' in started.get("/letter.html")[2]
        translation = bilingual / "letter.fr.md"
        text = translation.read_text(encoding="utf-8")
        saved = bilingual / ".letter.fr.md.swp"
        saved.write_text(text.replace("De plus en plus, dans", "Toujours plus, dans"), encoding="utf-8")
        os.replace(saved, translation)
        state = Preview.until(stream, lambda state: state["letter"] >= 2)
        assert state["problems"] == []
        assert "Toujours plus, dans de nombreuses régions" in started.get("/letter.html")[2]
    finally:
        started.interrupt()


def test_a_cancelled_job_stops_it_with_143(preview):
    """`kill` (SIGTERM), as a CI job's end or a process manager stops it."""
    assert preview.interrupt(signal.SIGTERM) == 143
    assert preview.said("interrupted by SIGTERM")
