"""The preview's own page: a banner for problems above the letter, which it shows in a frame.

The letter is served as it was built (`/letter.html`), byte for byte, and
shown in a frame of this page; the script that reloads it lives here, in
the page the preview owns. So a letter whose Content-Security-Policy forbids
every script previews exactly as it publishes, and the preview needs no
script inside it. This page allows only its own inline script and style,
by a nonce drawn for each response, and connects only to its own server.
"""

from __future__ import annotations

import json
import secrets
from html import escape

from .session import Snapshot

LETTER_PATH = "/letter.html"
EVENTS_PATH = "/events"
PAGE_PATH = "/"

# The built letter may hold nothing but its own styles, fonts and images; nothing it holds can run.
LETTER_POLICY = "default-src 'none'; img-src data:; font-src data:; style-src 'unsafe-inline'; frame-ancestors 'self'"

NO_LETTER_YET = (
    '<!DOCTYPE html><html lang="en"><head><meta charset="utf-8"><title>No letter yet</title></head>'
    "<body><p>No letter has been built yet: the problems above stop it.</p></body></html>"
)

_STYLE = """
html, body { margin: 0; height: 100%; }
body { display: flex; flex-direction: column; font: 14px/1.4 system-ui, sans-serif; }
#problems { padding: 0.5em 1em; border-bottom: 2px solid; max-height: 40vh; overflow: auto; }
#problems[hidden] { display: none; }
#problems.error { background: #fde2e1; color: #7a1212; border-color: #c62828; }
#problems.warning { background: #fff5d6; color: #5c4400; border-color: #d9a400; }
#problems p { margin: 0 0 0.3em; font-weight: bold; }
#problems ul { margin: 0; padding-left: 1.2em; font-family: ui-monospace, monospace; white-space: pre-wrap; }
iframe { flex: 1; border: 0; width: 100%; }
"""

# Reloads the frame when a new letter has built, keeping the reader's place; shows what the rebuild found.
_SCRIPT = """
(function () {
  var frame = document.getElementById("letter");
  var banner = document.getElementById("problems");
  var letter = LETTER;
  function show(state) {
    var list = banner.querySelector("ul");
    list.replaceChildren.apply(list, state.problems.map(function (line) {
      var item = document.createElement("li");
      item.textContent = line;
      return item;
    }));
    banner.querySelector("p").textContent = state.summary;
    banner.className = state.errors ? "error" : "warning";
    banner.hidden = state.problems.length === 0;
    if (state.letter !== letter) {
      letter = state.letter;
      var place = frame.contentWindow ? frame.contentWindow.scrollY : 0;
      frame.addEventListener("load", function () { frame.contentWindow.scrollTo(0, place); }, { once: true });
      frame.src = "LETTER_PATH?v=" + letter;
    }
  }
  // A link out of the letter opens beside the preview: this page lets its frame show nothing but the letter.
  frame.addEventListener("load", function () {
    frame.contentDocument.addEventListener("click", function (event) {
      var link = event.target.closest ? event.target.closest("a[href]") : null;
      if (link && link.getAttribute("href").charAt(0) !== "#") {
        event.preventDefault();
        window.open(link.href, "_blank", "noopener");
      }
    });
  });
  var events = new EventSource("EVENTS_PATH?since=GENERATION");
  events.onmessage = function (event) { show(JSON.parse(event.data)); };
})();
"""


def new_nonce() -> str:
    return secrets.token_urlsafe(16)


def page_policy(nonce: str) -> str:
    return (
        f"default-src 'none'; script-src 'nonce-{nonce}'; style-src 'nonce-{nonce}'; "
        "connect-src 'self'; frame-src 'self'; base-uri 'none'; form-action 'none'"
    )


def state(snapshot: Snapshot) -> dict:
    """What the page's script is told after each rebuild."""
    return {
        "generation": snapshot.generation,
        "letter": snapshot.letter_generation,
        "failed": snapshot.failed,
        "errors": has_errors(snapshot),
        "summary": summary(snapshot),
        "problems": [problem.line for problem in snapshot.problems],
    }


def summary(snapshot: Snapshot) -> str:
    if snapshot.failed and snapshot.html is not None:
        return "The letter did not build; below is the last letter that did."
    if snapshot.failed:
        return "The letter did not build."
    if has_errors(snapshot):
        return "The page built, but the PDF did not."
    return "The letter built, with warnings."


def has_errors(snapshot: Snapshot) -> bool:
    return any(problem.severity == "error" for problem in snapshot.problems)


def page(snapshot: Snapshot, title: str, nonce: str) -> str:
    """The page as it stands now: a reader without scripts still sees the current problems."""
    found = state(snapshot)
    items = "".join(f"<li>{escape(line)}</li>" for line in found["problems"])
    hidden = "" if found["problems"] else " hidden"
    css = "error" if has_errors(snapshot) else "warning"
    script = (
        _SCRIPT.replace("LETTER_PATH", LETTER_PATH)
        .replace("EVENTS_PATH", EVENTS_PATH)
        .replace("GENERATION", str(snapshot.generation))
        .replace("LETTER", json.dumps(snapshot.letter_generation))
    )
    return (
        '<!DOCTYPE html>\n<html lang="en">\n<head>\n<meta charset="utf-8">\n'
        f'<title>Preview: {escape(title)}</title>\n<style nonce="{nonce}">{_STYLE}</style>\n</head>\n<body>\n'
        f'<div id="problems" class="{css}" role="alert"{hidden}><p>{escape(found["summary"])}</p>'
        f"<ul>{items}</ul></div>\n"
        f'<iframe id="letter" src="{LETTER_PATH}?v={snapshot.letter_generation}" title="The letter"></iframe>\n'
        f'<script nonce="{nonce}">{script}</script>\n</body>\n</html>\n'
    )
