"""Rules that read a loaded `Letter` and report what is wrong with it (SPEC §5).

The loader already reports what stops a file from being read (syntax, types,
unknown keys); these rules judge the content. Each rule id is stable: CI
configurations and `# noqa: rule-id` comments rely on it.
"""

from __future__ import annotations

import bisect
import datetime as dt
import re
from collections.abc import Mapping
from functools import cache
from pathlib import Path
from urllib.parse import unquote, urlsplit

from markdown_it.token import Token

from . import markdown
from .dates import babel_locale, today
from .diagnostics import Diagnostic, Diagnostics, PetitionError, Pos
from .model import Footnote, Letter
from .sources import split_lines, yaml_lines
from .text import normalise_name

# Babel's territory list holds regions (001), groupings (EU, UN) and private-use
# codes beside ISO 3166-1; XK (Kosovo) stays, being the code everyone uses for it.
_NOT_COUNTRIES = frozenset({"EU", "EZ", "UN", "QO", "XA", "XB", "ZZ"})
_NOQA = re.compile(r"#\s*noqa:\s*([a-z0-9-]+(?:\s*,\s*[a-z0-9-]+)*)", re.IGNORECASE)
_SPACING = (("  ", "double space"), (" ,", "space before a comma"))


@cache
def country_codes() -> frozenset[str]:
    from babel import Locale

    return frozenset(code for code in Locale("en").territories if len(code) == 2 and code.isalpha()) - _NOT_COUNTRIES


def run_checks(
    letter: Letter,
    *,
    sources: Mapping[Path, str],
    date: dt.date | None = None,
    unusable: frozenset[str] = frozenset(),
) -> Diagnostics:
    """Every content problem of the letter; `date` is the build's date when it is not the manifest's.

    `sources` holds the texts the loader read, for rules that point inside a
    value (a link within a footnote). `unusable` names the files (body, footnotes, …) that could not be read:
    a rule comparing two files stays silent when one of them is missing,
    since its complaint would only echo the loader's.
    """
    diags = Diagnostics()
    _check_manifest(letter, diags, date, unusable)
    _check_body(letter, diags, unusable)
    _check_footnotes(letter, diags, sources, unusable)
    _check_recipients(letter, diags)
    _check_signatories(letter, diags)
    return diags


def without_suppressed(diagnostics: list[Diagnostic], sources: dict[Path, str]) -> Diagnostics:
    """Drops problems whose YAML line carries `# noqa: rule-id`.

    The comment counts on the problem's own line and, for a problem inside a
    block scalar (whose lines cannot hold comments), on the line the value starts.
    """
    lines_of: dict[Path, list[str] | None] = {}
    kept = Diagnostics()
    for diagnostic in diagnostics:
        path = diagnostic.pos.file
        if path not in lines_of:
            source = sources.get(path, "") if path.suffix in (".yaml", ".yml") else ""
            lines_of[path] = yaml_lines(source) if "noqa" in source else None
        lines = lines_of[path]
        if lines is not None and any(
            _suppresses(lines, line, diagnostic.rule)
            for line in {diagnostic.pos.line, diagnostic.entry_line or diagnostic.pos.line}
        ):
            continue
        kept.append(diagnostic)
    return kept


def _suppresses(lines: list[str], line: int, rule: str) -> bool:
    match = _NOQA.search(lines[line - 1]) if 0 < line <= len(lines) else None
    return bool(match) and rule in {r.strip().lower() for r in match.group(1).split(",")}


def stray_space(text: str) -> str | None:
    """What is wrong with the spacing of a value, if anything."""
    if "  " not in text and " ," not in text and " \n" not in text and "\n " not in text and text.strip() == text:
        return None  # the common case, decided without splitting
    for line in text.split("\n"):
        if line != line.strip():
            return "leading or trailing space"
        for needle, problem in _SPACING:
            if needle in line:
                return problem
    return None


def _warn_spacing(diags: Diagnostics, pos: Pos, what: str, text: str | None) -> None:
    if text and (problem := stray_space(text)):
        diags.warning(pos, "whitespace-stray", f"{problem} in {what}: '{text}'")


def _check_manifest(letter: Letter, diags: Diagnostics, date: dt.date | None, unusable: frozenset[str]) -> None:
    where = letter.manifest_pos
    manifest = Pos(letter.manifest)
    for key in ("title", "place", "sender", "subject", "signatories_heading"):
        _warn_spacing(diags, where.get(key, manifest), f"'{key}'", getattr(letter, key))
    try:
        babel_locale(letter.language)
    except PetitionError as exc:
        diags.error(where.get("language", manifest), "language-invalid", str(exc))
    if letter.recipient and "recipients" not in unusable and letter.recipient not in letter.recipients:
        known = ", ".join(letter.recipients) or "none"
        diags.error(
            where.get("recipient", manifest),
            "recipient-unknown",
            f"unknown recipient '{letter.recipient}'; recipients.yaml defines: {known}",
        )
    date = date or letter.date
    if date is not None and date > today():
        diags.warning(
            where.get("date", manifest),
            "date-future",
            f"the letter's date {date.isoformat()} is in the future",
        )


class _Block:
    """One inline block of letter.md, mapping offsets in its content back to the source.

    markdown-it gives inline tokens no positions, only the block's first line,
    and its content has list markers, quote marks and indentation removed. The
    tokens are matched against the content left to right (a cursor that only
    moves forward), then each content line is found again as the tail of its
    source line. Everything is linear in the size of the block.
    """

    def __init__(self, path: Path, lines: list[str], token: Token):
        self.path = path
        self.lines = lines
        self.content = token.content
        self.first = token.map[0] if token.map else None
        self.cursor = 0
        self._starts: list[int] | None = None
        self._offsets: dict[int, int] = {}

    def find(self, needle: str, start: int | None = None, within: int | None = None) -> int:
        """Where `needle` next occurs at or after the cursor (or `start`), or -1; `within` bounds the search."""
        start = self.cursor if start is None else start
        end = len(self.content) if within is None else start + within
        return self.content.find(needle, start, end) if needle else -1

    def pos(self, index: int) -> Pos:
        """The source position of content offset `index`; the cursor's when the offset is unknown (-1)."""
        if self.first is None:
            return Pos(self.path)
        if index < 0:
            index = self.cursor
        if self._starts is None:
            self._starts = [0] + [m.end() for m in re.finditer("\n", self.content)]
        row = bisect.bisect_right(self._starts, index) - 1
        line_start = self._starts[row]
        if row not in self._offsets:
            self._offsets[row] = self._offset(row, line_start)
        return Pos(self.path, self.first + row + 1, max(self._offsets[row] + index - line_start, 0) + 1)

    def _offset(self, row: int, line_start: int) -> int:
        """Where content line `row` begins in its source line (worked out once a line: lines can be long)."""
        line_end = self._starts[row + 1] - 1 if row + 1 < len(self._starts) else len(self.content)
        piece = self.content[line_start:line_end]
        number = self.first + row
        raw = self.lines[number] if number < len(self.lines) else ""
        if raw.endswith(piece):
            return len(raw) - len(piece)
        if raw.rstrip().endswith(piece):
            return len(raw.rstrip()) - len(piece)
        # Tabs in list indentation are expanded in the content; find the line's text instead.
        return max(raw.find(piece.lstrip()), 0) - (len(piece) - len(piece.lstrip()))

    def locate(self, *needles: str) -> tuple[int, int]:
        """Start of the first needle found from the cursor, and the end of that needle; (-1, -1) if none."""
        for needle in needles:
            index = self.find(needle)
            if index >= 0:
                return index, index + len(needle)
        return -1, -1


def _is_comment(html: str) -> bool:
    """HTML comments are how Markdown authors leave notes; leaving them out is what they want."""
    return html.lstrip().startswith("<!--")


def _check_body(letter: Letter, diags: Diagnostics, unusable: frozenset[str]) -> None:
    body = letter.body
    for token in body.tokens:
        if token.type == "footnote_reference_open":
            line = token.map[0] + 1 if token.map else 1
            diags.error(
                Pos(body.path, line),
                "footnote-inline",
                f"footnote '[^{token.meta['label']}]' is defined in the letter; move its text to footnotes.yaml",
            )
        elif token.type == "html_block" and not _is_comment(token.content):
            line = token.map[0] + 1 if token.map else 1
            diags.warning(
                Pos(body.path, line), "html-raw", "raw HTML is not passed through to the letter; it is left out"
            )
    if not body.source:
        return
    lines = split_lines(body.source)
    for token in body.tokens:
        if token.type == "inline":
            _check_inline(letter, diags, _Block(body.path, lines, token), token.children or [], unusable)


def _check_inline(
    letter: Letter, diags: Diagnostics, block: _Block, children: list[Token], unusable: frozenset[str]
) -> None:
    # Ends of the link destinations seen at link_open: the cursor jumps there at link_close.
    link_ends: list[int] = []
    for child in children:
        kind = child.type
        if kind == "text":
            _check_text(diags, block, child.content)
        elif kind == "footnote_ref":
            label = child.meta.get("label")
            start, end = block.locate(f"[^{label}]" if label is not None else "^[")
            if label is None:
                diags.error(
                    block.pos(start),
                    "footnote-inline",
                    "inline footnote '^[…]': put its text in footnotes.yaml and refer to it as [^id]",
                )
            elif label not in letter.footnotes and "footnotes" not in unusable:
                known = ", ".join(letter.footnotes) or "none"
                diags.error(
                    block.pos(start),
                    "footnote-undefined",
                    f"footnote '{label}' is not defined in footnotes.yaml (defined: {known})",
                )
            block.cursor = max(block.cursor, end)
        elif kind == "html_inline":
            start, end = block.locate(child.content)
            if not _is_comment(child.content):
                diags.warning(
                    block.pos(start),
                    "html-raw",
                    f"raw HTML '{child.content}' is not passed through to the letter; it is left out",
                )
            block.cursor = max(block.cursor, end)
        elif kind in ("link_open", "image"):
            target = str(child.attrs.get("href" if kind == "link_open" else "src") or "")
            start, end = _locate_target(block, target)
            pos = block.pos(start)
            if kind == "image":
                _check_image(letter, diags, pos, target)
                block.cursor = max(block.cursor, end)
            else:
                _check_url(diags, pos, target, "link", allow_mailto=True)
                link_ends.append(end)
        elif kind == "link_close":
            if link_ends:
                block.cursor = max(block.cursor, link_ends.pop())
        elif kind in ("code_inline", "softbreak", "hardbreak") or child.markup:
            needle = child.content if kind == "code_inline" else "\n" if kind.endswith("break") else child.markup
            _, end = block.locate(needle)
            block.cursor = max(block.cursor, end)


def _locate_target(block: _Block, target: str) -> tuple[int, int]:
    """A link's destination in the source: after `](` or inside `<…>`, as written or percent-decoded."""
    written = unquote(target)
    start, end = block.locate(f"]({target}", f"]({written}", f"<{target}", f"<{written}")
    if start >= 0:
        return start + (1 if block.content[start] == "<" else 2), end
    # A reference link's destination is in its definition, not in the paragraph.
    return -1, -1


def _check_text(diags: Diagnostics, block: _Block, content: str) -> None:
    """Double spaces and spaces before commas, each at its place; advances the cursor past the text."""
    # A text follows the cursor closely, after a little markup; a text whose
    # source differs (escapes, entities) is not searched for through the
    # whole rest of the block, which would make long paragraphs quadratic.
    start = block.find(content, within=8 * len(content) + 64)
    for needle, problem in _SPACING:
        at = content.find(needle)
        # Escapes and entities make a text differ from its source: then the
        # problem itself is searched for in the source, from the cursor on.
        index = block.cursor
        while at >= 0:
            if start >= 0:
                index = start + at
            else:
                index = block.find(needle, index)
            diags.warning(block.pos(index), "whitespace-stray", f"{problem} in the letter text")
            at = content.find(needle, at + len(needle))
            index = max(index, block.cursor) + len(needle)
    if start >= 0:
        block.cursor = start + len(content)


def _check_image(letter: Letter, diags: Diagnostics, pos: Pos, src: str) -> None:
    """Images may only come from the project folder: a letter must not fetch or leak anything."""
    relative = markdown.project_relative_path(src)
    if relative is None:
        diags.warning(
            pos, "image-refused", f"image '{src}' is left out: only images inside the project folder are used"
        )
        return
    try:
        target = (letter.root / relative).resolve()
        inside = target.is_relative_to(letter.root.resolve())
        exists = inside and target.is_file()
    except (OSError, RuntimeError, ValueError):
        inside = exists = False
    if not inside:
        diags.warning(pos, "image-refused", f"image '{src}' is left out: it is outside the project folder")
    elif not exists:
        diags.error(pos, "file-missing", f"image '{src}' not found in the project folder")


def _check_url(
    diags: Diagnostics, pos: Pos, url: str, what: str, *, allow_mailto: bool = False, entry_line: int | None = None
) -> None:
    if url.strip() in ("", "#") or url.startswith("#"):
        diags.error(pos, "url-invalid", f"{what} '{url}' is a placeholder, not a real address", entry_line=entry_line)
        return
    try:
        parts = urlsplit(url)
    except ValueError:  # an unbalanced IPv6 bracket, for one
        parts = None
    scheme = parts.scheme.lower() if parts else ""
    if allow_mailto and scheme == "mailto":
        return
    if parts is None or scheme not in ("http", "https") or not parts.hostname:
        diags.error(pos, "url-invalid", f"{what} '{url}' is not an absolute http(s) address", entry_line=entry_line)
    elif any(char.isspace() for char in url):
        diags.error(pos, "url-invalid", f"{what} '{url}' contains a space", entry_line=entry_line)
    elif scheme == "http":
        diags.warning(
            pos,
            "url-insecure",
            f"{what} '{url}' uses http://; use https:// where the site offers it",
            entry_line=entry_line,
        )


class _FootnoteSource:
    """Finds links inside footnote texts in footnotes.yaml, split into lines only when a footnote has links.

    The model keeps where each footnote's key is; its text may run over
    several lines of a block scalar, which ends where the next footnote begins.
    """

    def __init__(self, footnotes: list[Footnote], sources: Mapping[Path, str]):
        self.footnotes = footnotes
        self.sources = sources
        self._lines: dict[Path, list[str]] = {}

    def lines(self, path: Path) -> list[str]:
        if path not in self._lines:
            self._lines[path] = yaml_lines(self.sources.get(path, ""))
        return self._lines[path]

    def finder(self, index: int):
        footnote = self.footnotes[index]
        following = self.footnotes[index + 1].pos.line if index + 1 < len(self.footnotes) else None
        lines = self.lines(footnote.pos.file)
        last = min(following - 1 if following else len(lines), len(lines))
        cursor = [footnote.pos.line - 1, footnote.pos.column - 1]

        def find(target: str) -> Pos:
            for needle in dict.fromkeys((target, unquote(target))):
                row, column = cursor
                while needle and row < last:
                    at = lines[row].find(needle, column)
                    if at >= 0:
                        cursor[:] = [row, at + len(needle)]
                        return Pos(footnote.pos.file, row + 1, at + 1)
                    row, column = row + 1, 0
            return footnote.pos

        return find


def _check_footnotes(letter: Letter, diags: Diagnostics, sources: Mapping[Path, str], unusable: frozenset[str]) -> None:
    referenced = {label for label, _, _ in markdown.footnote_labels(letter.body.tokens)}
    footnotes = list(letter.footnotes.values())
    source = _FootnoteSource(footnotes, sources)
    for index, footnote in enumerate(footnotes):
        if "body" not in unusable and footnote.id not in referenced:
            diags.warning(
                footnote.pos, "footnote-unused", f"footnote '{footnote.id}' is never referenced in the letter"
            )
        _warn_spacing(diags, footnote.pos, f"footnote '{footnote.id}'", footnote.text)
        find = None
        for child in footnote.tokens:
            if child.type not in ("link_open", "image", "html_inline"):
                continue
            find = find or source.finder(index)
            if child.type == "link_open":
                href = str(child.attrs.get("href", ""))
                pos = find(href)
                _check_url(diags, pos, href, "link", allow_mailto=True, entry_line=footnote.pos.line)
            elif child.type == "image":
                pos = find(str(child.attrs.get("src", "")))
                diags.warning(pos, "image-refused", "images in footnotes are left out", entry_line=footnote.pos.line)
            elif not _is_comment(child.content):
                pos = find(child.content)
                diags.warning(
                    pos,
                    "html-raw",
                    f"raw HTML '{child.content}' in a footnote is left out",
                    entry_line=footnote.pos.line,
                )


def _check_recipients(letter: Letter, diags: Diagnostics) -> None:
    for recipient in letter.recipients.values():
        _warn_spacing(diags, recipient.pos, f"recipient '{recipient.id}' name", recipient.name)
        _warn_spacing(diags, recipient.pos, f"recipient '{recipient.id}' salutation", recipient.salutation)
        for line in recipient.address:
            _warn_spacing(diags, recipient.pos, f"recipient '{recipient.id}' address", line)


def _place(pos: Pos) -> str:
    """A place as a person looks for it: a CSV row is a line of the file."""
    if pos.file.suffix.lower() == ".csv":
        return f"row {pos.line} of {pos.file.name}"
    return f"{pos.file.name}:{pos.line}:{pos.column}"


def _check_signatories(letter: Letter, diags: Diagnostics) -> None:
    codes = country_codes() if any(s.country is not None for s in letter.signatories) else frozenset()
    first_seen: dict[str, Pos] = {}
    for signatory in letter.signatories:
        name = signatory.name
        if name.strip():
            key = normalise_name(name)
            first = first_seen.get(key)
            if first is None:
                first_seen[key] = signatory.pos
            else:
                diags.error(
                    signatory.pos,
                    "signatory-duplicate",
                    f"duplicate signatory '{name}': already listed at {_place(first)}",
                )
            _warn_spacing(diags, signatory.where("name"), "signatory name", name)
        _warn_spacing(diags, signatory.where("location"), "location", signatory.location)
        _warn_spacing(diags, signatory.where("affiliation"), "affiliation", signatory.affiliation)
        if signatory.url is not None:
            _check_url(diags, signatory.where("url"), signatory.url, "url")
        country = signatory.country
        if country is not None and country not in codes:
            hint = f"; did you mean '{country.upper()}'?" if country.upper() in codes else ""
            diags.error(
                signatory.where("country"),
                "country-unknown",
                f"unknown country code '{country}': use ISO 3166-1 alpha-2, e.g. NL{hint}",
            )
