"""Rules about any text value: stray spaces and URLs."""

from __future__ import annotations

import re
from urllib.parse import urlsplit

from .. import limits, rules
from ..diagnostics import Pos
from ..rules import Problem

SPACING = (("  ", "double space"), (" ,", "space before a comma"))


def stray_space(text: str) -> tuple[str, int] | None:
    """What is wrong with the spacing of a value, if anything, and on which of its lines."""
    if "  " not in text and " ," not in text and " \n" not in text and "\n " not in text and text.strip() == text:
        return None  # the common case, decided without splitting
    for index, line in enumerate(text.split("\n")):
        if line != line.strip():
            return "leading or trailing space", index
        for needle, problem in SPACING:
            if needle in line:
                return problem, index
    return None


def spacing_problem(pos: Pos, what: str, text: str | None, *, source: list[str] | None = None) -> Problem | None:
    """Stray spaces in a value at `pos`; given the YAML `source` lines, at the spaces themselves.

    A value written over several lines (a block scalar) cannot carry a noqa
    comment on each line: the comment on its first line still counts.
    """
    if not text or (found := stray_space(text)) is None:
        return None
    problem, index = found
    where = _in_source(source, pos, text.split("\n")[index], problem) if source is not None else None
    return rules.WHITESPACE_STRAY.at(
        where or pos, f"{problem} in {what}: '{text}'", entry_line=pos.line if where is not None else None
    )


def _in_source(source: list[str], pos: Pos, line: str, problem: str) -> Pos | None:
    """Where the stray space of one line of a value is written, searched from the value's start."""
    needle = next((n for n, p in SPACING if p == problem), None)
    if needle is None:
        # A leading or trailing space: the line itself.
        snippet, offset = line.strip(), 0
    else:
        at = line.index(needle)
        before = line[:at].rsplit(" ", 1)[-1]
        after = line[at + len(needle) :].split(" ", 1)[0]
        snippet, offset = before + needle + after, len(before)
    if not snippet:
        return None
    last = min(len(source), pos.line + len(line) // 2 + 8)
    for number in range(pos.line - 1, last):
        column = source[number].find(snippet, pos.column - 1 if number == pos.line - 1 else 0)
        if column >= 0:
            return Pos(pos.file, number + 1, column + offset + 1)
    return None


# `http://http://example.org`, `https://https//example.org`: a form that
# added a scheme to what already had one.
_DOUBLED_SCHEME = re.compile(r"(https?://)(?:https?:?/+)+(?=[^/])", re.IGNORECASE)
# What forms receive from people who have no web site.
_NO_ADDRESS = frozenset({"none", "n/a", "na", "n.a.", "-", "--", "null", "nil", "no", "tbd", "unknown", "x", "."})
# `http//example.org`, `https:/example.org`: a scheme with its punctuation mistyped.
_BROKEN_SCHEME = re.compile(r"(https?)(?::/?|//?)(?!/)(\S+\.\S+)", re.IGNORECASE)
_EMAIL = re.compile(r"[^@\s/:]+@[^@\s/]+\.[^@\s/]+")


def _hint(url: str, allow_mailto: bool) -> str:
    """What the value probably is, worked out only for a value already found wrong."""
    value = url.strip()
    if value.casefold() in _NO_ADDRESS:
        return f": '{value}' stands for no address; leave the field out or empty"
    if _EMAIL.fullmatch(value):
        if allow_mailto:
            return f"; an e-mail address is linked as 'mailto:{value}'"
        return ": it is an e-mail address; give the web site's address, or none"
    if value.startswith("@"):
        return ": it is a social media handle; give the profile's full address, e.g. https://…"
    if (broken := _BROKEN_SCHEME.match(value)) is not None:
        return f"; did you mean '{broken.group(1).lower()}://{broken.group(2)}'?"
    if "." in value and " " not in value and "://" not in value and ":" not in value:
        return f"; did you mean 'https://{value}'?"
    return ""


def url_problem(
    pos: Pos, url: str, what: str, *, allow_mailto: bool = False, entry_line: int | None = None
) -> Problem | None:
    if len(url) > limits.URL_LENGTH.value:
        return rules.URL_TOO_LONG.at(
            pos,
            f"{what} '{url[:60]}…' is {len(url):,} characters long; an address may have at most "
            f"{limits.URL_LENGTH.shown}",
            entry_line=entry_line,
        )
    if url.strip() in ("", "#") or url.startswith("#"):
        return rules.URL_INVALID.at(pos, f"{what} '{url}' is a placeholder, not a real address", entry_line=entry_line)
    try:
        parts = urlsplit(url)
    except ValueError:  # an unbalanced IPv6 bracket, for one
        parts = None
    scheme = parts.scheme.lower() if parts else ""
    if allow_mailto and scheme == "mailto":
        return None
    if parts is None or scheme not in ("http", "https") or not parts.hostname:
        return rules.URL_INVALID.at(
            pos, f"{what} '{url}' is not an absolute http(s) address{_hint(url, allow_mailto)}", entry_line=entry_line
        )
    if url[:16].lower().count("http") > 1 and _DOUBLED_SCHEME.match(url):
        fixed = _DOUBLED_SCHEME.sub(r"\1", url, count=1)
        return rules.URL_INVALID.at(
            pos, f"{what} '{url}' repeats its scheme; did you mean '{fixed}'?", entry_line=entry_line
        )
    if any(char.isspace() for char in url):
        return rules.URL_INVALID.at(pos, f"{what} '{url}' contains a space", entry_line=entry_line)
    if scheme == "http":
        return rules.URL_INSECURE.at(
            pos, f"{what} '{url}' uses http://; use https:// where the site offers it", entry_line=entry_line
        )
    return None
