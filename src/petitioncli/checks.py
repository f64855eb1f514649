"""Rules that read a loaded `Letter` and report what is wrong with it (SPEC §5).

The loader already reports what stops a file from being read (syntax, types,
unknown keys); these rules judge the content. Each rule id is stable: CI
configurations and `# noqa: rule-id` comments rely on it.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterator
from functools import cache
from pathlib import Path
from urllib.parse import urlsplit

from markdown_it.token import Token

from . import markdown
from .dates import babel_locale, today
from .diagnostics import Diagnostic, Diagnostics, PetitionError, Pos
from .model import Letter
from .text import normalise_name

# Babel's territory list holds regions (001), groupings (EU, UN) and private-use
# codes beside ISO 3166-1; XK (Kosovo) stays, being the code everyone uses for it.
_NOT_COUNTRIES = frozenset({"EU", "EZ", "UN", "QO", "XA", "XB", "ZZ"})
_NOQA = re.compile(r"#\s*noqa:\s*([a-z0-9-]+(?:\s*,\s*[a-z0-9-]+)*)", re.IGNORECASE)


@cache
def country_codes() -> frozenset[str]:
    from babel import Locale

    return frozenset(
        code for code in Locale("en").territories if len(code) == 2 and code.isalpha()
    ) - _NOT_COUNTRIES


def run_checks(letter: Letter, *, date: dt.date | None = None, date_pos: Pos | None = None) -> Diagnostics:
    """Every content problem of the letter; `date` is the build's date when it is not the manifest's."""
    diags = Diagnostics()
    _check_manifest(letter, diags, date, date_pos)
    _check_body(letter, diags)
    _check_footnotes(letter, diags)
    _check_recipients(letter, diags)
    _check_signatories(letter, diags)
    return diags


def without_suppressed(diagnostics: list[Diagnostic], sources: dict[Path, str]) -> Diagnostics:
    """Drops problems whose source line carries `# noqa: rule-id` (YAML comments)."""
    lines_of: dict[Path, list[str]] = {}
    kept = Diagnostics()
    for diagnostic in diagnostics:
        path = diagnostic.pos.file
        if path.suffix in (".yaml", ".yml") and path in sources:
            lines = lines_of.setdefault(path, sources[path].splitlines())
            index = diagnostic.pos.line - 1
            match = _NOQA.search(lines[index]) if 0 <= index < len(lines) else None
            if match and diagnostic.rule in {r.strip().lower() for r in match.group(1).split(",")}:
                continue
        kept.append(diagnostic)
    return kept


def stray_space(text: str) -> str | None:
    """What is wrong with the spacing of a value, if anything."""
    for line in text.split("\n"):
        if line != line.strip():
            return "leading or trailing space"
        if "  " in line:
            return "double space"
        if " ," in line:
            return "space before a comma"
    return None


def _warn_spacing(diags: Diagnostics, pos: Pos, what: str, text: str | None) -> None:
    if text and (problem := stray_space(text)):
        diags.warning(pos, "whitespace-stray", f"{problem} in {what}: '{text}'")


def _check_manifest(letter: Letter, diags: Diagnostics, date: dt.date | None, date_pos: Pos | None) -> None:
    where = letter.manifest_pos
    manifest = Pos(letter.manifest)
    for key in ("title", "place", "sender", "subject", "signatories_heading"):
        _warn_spacing(diags, where.get(key, manifest), f"'{key}'", getattr(letter, key))
    try:
        babel_locale(letter.language)
    except PetitionError as exc:
        diags.error(where.get("language", manifest), "language-invalid", str(exc))
    if letter.recipient and letter.recipients and letter.recipient not in letter.recipients:
        known = ", ".join(letter.recipients)
        diags.error(
            where.get("recipient", manifest), "recipient-unknown",
            f"unknown recipient '{letter.recipient}'; recipients.yaml defines: {known}",
        )
    date = date or letter.date
    if date is not None and date > today():
        diags.warning(
            date_pos or where.get("date", manifest), "date-future",
            f"the letter's date {date.isoformat()} is in the future",
        )


class _BodyLocator:
    """Finds the line and column of inline text inside letter.md, scanning forward only."""

    def __init__(self, path: Path, source: str):
        self.path = path
        self.lines = source.splitlines()

    def find(self, block: Token | None, needle: str, start: int = 0) -> tuple[Pos, int]:
        if block is None or not block.map:
            return Pos(self.path), start
        index = block.content.find(needle, start) if needle else -1
        if index < 0:
            return Pos(self.path, block.map[0] + 1), start
        line = block.map[0] + block.content.count("\n", 0, index)
        raw = self.lines[line] if line < len(self.lines) else ""
        column = raw.find(needle)
        return Pos(self.path, line + 1, column + 1 if column >= 0 else 1), index + len(needle)


def _body_inline(tokens: list[Token]) -> Iterator[tuple[Token, Token]]:
    for block in tokens:
        if block.type == "inline":
            for child in block.children or ():
                yield child, block


def _check_body(letter: Letter, diags: Diagnostics) -> None:
    body = letter.body
    locate = _BodyLocator(body.path, body.source)
    for token in body.tokens:
        if token.type == "footnote_reference_open":
            line = token.map[0] + 1 if token.map else 1
            diags.error(
                Pos(body.path, line), "footnote-inline",
                f"footnote '[^{token.meta['label']}]' is defined in the letter; move its text to footnotes.yaml",
            )
        elif token.type == "html_block":
            line = token.map[0] + 1 if token.map else 1
            diags.warning(
                Pos(body.path, line), "html-raw", "raw HTML is not passed through to the letter; it is left out"
            )
    cursor: dict[int, int] = {}
    for child, block in _body_inline(body.tokens):
        key = id(block)
        start = cursor.get(key, 0)
        if child.type == "footnote_ref":
            label = child.meta.get("label")
            if label is None:
                pos, cursor[key] = locate.find(block, "^[", start)
                diags.error(pos, "footnote-inline", "inline footnote '^[…]': put its text in footnotes.yaml and refer to it as [^id]")
            elif label not in letter.footnotes:
                pos, cursor[key] = locate.find(block, f"[^{label}]", start)
                known = ", ".join(letter.footnotes) or "none"
                diags.error(pos, "footnote-undefined", f"footnote '{label}' is not defined in footnotes.yaml (defined: {known})")
            else:
                _, cursor[key] = locate.find(block, f"[^{label}]", start)
        elif child.type == "html_inline":
            pos, cursor[key] = locate.find(block, child.content, start)
            diags.warning(pos, "html-raw", f"raw HTML '{child.content}' is not passed through to the letter; it is left out")
        elif child.type in ("link_open", "image"):
            target = child.attrs.get("href" if child.type == "link_open" else "src") or ""
            pos, cursor[key] = locate.find(block, str(target), start)
            if child.type == "image":
                _check_image(letter, diags, pos, str(target))
            else:
                _check_url(diags, pos, str(target), "link", allow_mailto=True)
        elif child.type == "text":
            problem = "double space" if "  " in child.content else "space before a comma" if " ," in child.content else None
            if problem:
                needle = "  " if problem == "double space" else " ,"
                pos, _ = locate.find(block, needle, start)
                diags.warning(pos, "whitespace-stray", f"{problem} in the letter text")


def _check_image(letter: Letter, diags: Diagnostics, pos: Pos, src: str) -> None:
    """Images may only come from the project folder: a letter must not fetch or leak anything."""
    parts = urlsplit(src)
    if parts.scheme or parts.netloc or src.startswith("/"):
        diags.warning(pos, "image-refused", f"image '{src}' is left out: only images inside the project folder are used")
        return
    target = (letter.root / parts.path).resolve()
    if not target.is_relative_to(letter.root.resolve()):
        diags.warning(pos, "image-refused", f"image '{src}' is left out: it is outside the project folder")
    elif not target.is_file():
        diags.error(pos, "file-missing", f"image '{src}' not found in the project folder")


def _check_url(diags: Diagnostics, pos: Pos, url: str, what: str, *, allow_mailto: bool = False) -> None:
    if url.strip() in ("", "#") or url.startswith("#"):
        diags.error(pos, "url-invalid", f"{what} '{url}' is a placeholder, not a real address")
        return
    parts = urlsplit(url)
    scheme = parts.scheme.lower()
    if allow_mailto and scheme == "mailto":
        return
    if scheme not in ("http", "https") or not parts.netloc:
        diags.error(pos, "url-invalid", f"{what} '{url}' is not an absolute http(s) address")
    elif scheme == "http":
        diags.warning(pos, "url-insecure", f"{what} '{url}' uses http://; use https:// where the site offers it")


def _check_footnotes(letter: Letter, diags: Diagnostics) -> None:
    referenced = {label for label, _, _ in markdown.footnote_labels(letter.body.tokens)}
    for footnote in letter.footnotes.values():
        if footnote.id not in referenced:
            diags.warning(footnote.pos, "footnote-unused", f"footnote '{footnote.id}' is never referenced in the letter")
        _warn_spacing(diags, footnote.pos, f"footnote '{footnote.id}'", footnote.text)
        for child in footnote.tokens:
            if child.type == "link_open":
                _check_url(diags, footnote.pos, str(child.attrs.get("href", "")), "link", allow_mailto=True)
            elif child.type == "image":
                diags.warning(footnote.pos, "image-refused", "images in footnotes are left out")
            elif child.type == "html_inline":
                diags.warning(footnote.pos, "html-raw", f"raw HTML '{child.content}' in a footnote is left out")


def _check_recipients(letter: Letter, diags: Diagnostics) -> None:
    for recipient in letter.recipients.values():
        _warn_spacing(diags, recipient.pos, f"recipient '{recipient.id}' name", recipient.name)
        _warn_spacing(diags, recipient.pos, f"recipient '{recipient.id}' salutation", recipient.salutation)
        for line in recipient.address:
            _warn_spacing(diags, recipient.pos, f"recipient '{recipient.id}' address", line)


def _check_signatories(letter: Letter, diags: Diagnostics) -> None:
    codes = country_codes()
    first_seen: dict[str, Pos] = {}
    for signatory in letter.signatories:
        name = signatory.name
        if name.strip():
            key = normalise_name(name)
            if key in first_seen:
                first = first_seen[key]
                diags.error(
                    signatory.pos, "signatory-duplicate",
                    f"duplicate signatory '{name}': already listed at {first.file.name}:{first.line}:{first.column}",
                )
            else:
                first_seen[key] = signatory.pos
        _warn_spacing(diags, signatory.where("name"), "signatory name", name)
        _warn_spacing(diags, signatory.where("location"), "location", signatory.location)
        _warn_spacing(diags, signatory.where("affiliation"), "affiliation", signatory.affiliation)
        if signatory.url is not None:
            _check_url(diags, signatory.where("url"), signatory.url, "url")
        country = signatory.country
        if country is not None and country not in codes:
            hint = f"; did you mean '{country.upper()}'?" if country.upper() in codes else ""
            diags.error(
                signatory.where("country"), "country-unknown",
                f"unknown country code '{country}': use ISO 3166-1 alpha-2, e.g. NL{hint}",
            )
