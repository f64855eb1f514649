"""A corpus of broken letter projects: each case breaks tests/corpus/base/ in one way.

Every case lists exactly what `petition check` must report, as
(rule, file, line, column), and the exit code. Together the cases cover
every rule and every kind of file a project has.

The cases are also the failing examples of the rules' pages on the docs
site (docs/rules/, written by `make docs-gen`): a case's files are the
example, its `fix` what clears it, and a test here checks that the fix shown
on each page does.
"""

from __future__ import annotations

import json
import os
import shutil
from dataclasses import dataclass, field
from pathlib import Path

import pytest

from petitioncli import rules

BASE = Path(__file__).parent / "corpus" / "base"

MANIFEST = "title: Letter to the Board\nplace: Amsterdam\ndate: 2020-01-15\nrecipient: board\n"
CSV_MANIFEST = MANIFEST + "signatories: signatories.csv\n"
CSV_HEADER = "name,location,country,url,status\n"
TRANSLATION_FR = (
    "translations:\n  fr:\n    title: Lettre au Conseil\n    place: Amsterdam\n"
    "    body: letter.fr.md\n    footnotes: footnotes.fr.yaml\n"
)
RECIPIENTS_FR = (
    "board:\n  name: The Board\n  salutation:\n    en: Dear members of the Board,\n"
    "    fr: Mesdames et Messieurs les membres du Conseil,\n"
)
NOTES_FR = "report: Voir *The State of Things*, disponible à l'adresse <https://example.org/report>.\n"
LETTER_FR = (
    "Nous vous écrivons au sujet de l'état des choses[^report].\n\nNous demandons au Conseil de :\n\n"
    "- publier ses procès-verbaux, comme promis dans [la charte](https://example.org/charter) ;\n"
    "- rencontrer la société civile deux fois par an.\n"
)

SVG = '<svg xmlns="http://www.w3.org/2000/svg" width="4" height="4">{}</svg>\n'
SVG_PLAIN = SVG.format('<rect width="4" height="4"/>')
# Ten groups, each using the one before ten times: a kilobyte that draws a thousand million rectangles.
SVG_USE_BOMB = SVG.format(
    '<g id="g0"><rect width="1" height="1"/></g>'
    + "".join(f'<g id="g{level}">' + f'<use href="#g{level - 1}"/>' * 10 + "</g>" for level in range(1, 10))
    + '<use href="#g9"/>'
)

# Rules only rendering can see; each is tested where letters are rendered.
RENDER_RULES_TESTED_IN = {
    "footnote-misplaced": "test_pdf.py",
    "footnote-after-text": "test_pdf.py",
}


class Folder:
    """Put a folder where a file is expected."""


@dataclass(frozen=True)
class Link:
    """A symbolic link to `target`, relative to the link."""

    target: str


@dataclass
class Case:
    id: str
    files: dict[str, str | bytes | Folder | Link | None]
    # In report order: by file, line, column, then rule.
    expected: list[tuple[str, str, int, int]]
    exit_code: int = 1
    # Words each message must hold, in the order of `expected`; "" skips one.
    messages: list[str] = field(default_factory=list)
    # What clears every problem of the case, for the rule's page: files written
    # over the broken project (None removes one). Left out, it is the base
    # project's version of each file the case changes, which a page can show
    # only when the problems are in files the base project has.
    fix: dict[str, str | None] | None = None
    # Said on the rule's page instead of a file that cannot be shown as text.
    shown: str | None = None


CASES = [
    # --- petition.yaml -------------------------------------------------------
    Case(
        "manifest-yaml-syntax",
        {"petition.yaml": 'title: "Letter to the Board\nplace: Amsterdam\nrecipient: board\n'},
        [("yaml-syntax", "petition.yaml", 4, 1)],
        messages=["found unexpected end of stream (while scanning a quoted scalar that starts at line 1, column 8)"],
    ),
    Case(
        "manifest-duplicate-key",
        {"petition.yaml": MANIFEST + "place: Utrecht\n"},
        [("yaml-duplicate-key", "petition.yaml", 5, 1)],
        messages=["duplicate key 'place' in the manifest; first defined at line 2"],
    ),
    Case(
        "manifest-tab-indent",
        {"petition.yaml": MANIFEST + "keywords:\n\t- prosecutors\n"},
        [("yaml-tab", "petition.yaml", 6, 1)],
    ),
    Case(
        "manifest-unknown-key-and-missing-title",
        {"petition.yaml": MANIFEST.replace("title:", "titel:")},
        [("field-missing", "petition.yaml", 1, 1), ("key-unknown", "petition.yaml", 1, 1)],
        messages=["lacks the required key 'title'", "unknown key 'titel' in the manifest; did you mean 'title'?"],
    ),
    Case(
        "manifest-empty-title",
        {"petition.yaml": MANIFEST.replace("Letter to the Board", '""')},
        [("field-empty", "petition.yaml", 1, 8)],
    ),
    Case(
        "manifest-title-is-a-list",
        {"petition.yaml": MANIFEST.replace("Letter to the Board", "[Letter, Board]")},
        [("type-invalid", "petition.yaml", 1, 8)],
        messages=["'title' must be text, not a list"],
    ),
    Case(
        "manifest-is-a-list",
        {"petition.yaml": "- title: Letter to the Board\n- place: Amsterdam\n"},
        [("type-invalid", "petition.yaml", 1, 1)],
        messages=["the manifest must be a mapping"],
    ),
    Case(
        "manifest-only-comments",
        {"petition.yaml": "# title: Letter to the Board\n"},
        [("file-empty", "petition.yaml", 1, 1)],
    ),
    Case(
        "manifest-date-does-not-exist",
        {"petition.yaml": MANIFEST.replace("2020-01-15", "2021-13-45")},
        [("date-invalid", "petition.yaml", 3, 7)],
        messages=["'2021-13-45' does not exist: month must be in 1..12"],
    ),
    Case(
        "manifest-date-not-iso",
        {"petition.yaml": MANIFEST.replace("2020-01-15", "15 January 2020")},
        [("date-invalid", "petition.yaml", 3, 7)],
    ),
    Case(
        "manifest-date-in-the-future",
        {"petition.yaml": MANIFEST.replace("2020-01-15", "2999-01-01")},
        [("date-future", "petition.yaml", 3, 7)],
        exit_code=0,
    ),
    Case(
        "manifest-language-unknown",
        {"petition.yaml": MANIFEST + "language: xx-Nowhere\n"},
        [("language-invalid", "petition.yaml", 5, 11)],
    ),
    Case(
        # A language's name for its tag: one error, naming the tag.
        "manifest-language-by-name",
        {"petition.yaml": MANIFEST + "language: Spanish\n"},
        [("language-invalid", "petition.yaml", 5, 11)],
        messages=["unknown language tag 'Spanish'; did you mean 'es'?"],
    ),
    Case(
        "manifest-recipient-unknown",
        {"petition.yaml": MANIFEST.replace("recipient: board", "recipient: bord")},
        [("recipient-unknown", "petition.yaml", 4, 12)],
        messages=["unknown recipient 'bord'; recipients.yaml defines: board"],
    ),
    Case(
        "manifest-order-unknown",
        {"petition.yaml": MANIFEST + "signatories_order: alphabetic\n"},
        [("value-unknown", "petition.yaml", 5, 20)],
        messages=["did you mean 'alphabetical'?"],
    ),
    Case(
        "manifest-slug-escapes-output-folder",
        {"petition.yaml": MANIFEST + "slug: ../../letter\n"},
        [("id-invalid", "petition.yaml", 5, 7)],
    ),
    Case(
        "manifest-binary-tag",
        {"petition.yaml": MANIFEST.replace("Amsterdam", "!!binary QW1zdGVyZGFt")},
        [("yaml-tag", "petition.yaml", 2, 8)],
        messages=["'!!binary'"],
    ),
    Case(
        "manifest-python-object-tag",
        {"petition.yaml": MANIFEST.replace("Amsterdam", "!!python/object/apply:os.system [touch pwned]")},
        [("yaml-tag", "petition.yaml", 2, 8)],
    ),
    Case(
        "manifest-stray-spaces",
        {"petition.yaml": MANIFEST.replace("Letter to the Board", "Letter to  the Board")},
        [("whitespace-stray", "petition.yaml", 1, 8)],
        exit_code=0,
        messages=["double space in 'title'"],
    ),
    Case(
        "manifest-not-utf8",
        {"petition.yaml": MANIFEST.replace("Amsterdam", "Zürich").encode("latin-1")},
        [("file-encoding", "petition.yaml", 2, 9)],
        exit_code=2,
        messages=["not UTF-8: byte 0xfc"],
        shown="petition.yaml saved in Latin-1, where `ü` is the one byte 0xFC:",
        fix={"petition.yaml": MANIFEST.replace("Amsterdam", "Zürich")},
    ),
    Case(
        "manifest-body-outside-project",
        {"petition.yaml": MANIFEST + "body: ../letter.md\n"},
        [("file-outside", "petition.yaml", 5, 7)],
    ),
    Case(
        "manifest-body-symlink-out-of-project",
        {"letter.md": Link("../outside.md"), "../outside.md": "We write[^report].\n"},
        [("file-outside", "petition.yaml", 1, 1)],
        messages=["through a symbolic link"],
    ),
    Case(
        "manifest-symlink-out-of-project",
        {"petition.yaml": Link("../outside.yaml"), "../outside.yaml": MANIFEST},
        [("file-outside", "petition.yaml", 1, 1)],
        messages=["petition.yaml is a symbolic link to a file outside the project folder"],
    ),
    Case(
        "manifest-body-missing",
        {"petition.yaml": MANIFEST + "body: letter-final.md\n"},
        [("file-missing", "petition.yaml", 5, 7)],
        exit_code=2,
        messages=["file not found: letter-final.md"],
    ),
    Case(
        "manifest-footnotes-is-a-folder",
        {"petition.yaml": MANIFEST + "footnotes: notes\n", "notes": Folder()},
        [("file-unreadable", "petition.yaml", 5, 12)],
        exit_code=2,
        messages=["'notes' is a folder"],
    ),
    # --- letter.md -----------------------------------------------------------
    Case(
        "body-footnote-defined-inline",
        {"letter.md": "We write[^report].\n\n[^report]: The text, here.\n"},
        [("footnote-inline", "letter.md", 3, 1)],
        fix={"letter.md": "We write[^report].\n"},
    ),
    Case(
        "body-inline-note",
        {"letter.md": "We write[^report] and^[an inline note].\n\nNot a note: x^[y and ^[ alone.\n"},
        [("footnote-inline", "letter.md", 1, 22)],
        messages=["inline footnote '^[…]'"],
    ),
    Case(
        "body-footnote-undefined",
        {"letter.md": "We write[^report] to you,\nabout [^reprot] and [^reprot].\n"},
        [("footnote-undefined", "letter.md", 2, 7), ("footnote-undefined", "letter.md", 2, 21)],
        messages=["footnote 'reprot' is not defined in footnotes.yaml (defined: report)", ""],
        fix={"letter.md": "We write[^report] to you,\nabout the report.\n"},
    ),
    Case(
        "body-raw-html",
        {"letter.md": "We write[^report].\n\n<div class=x>\nboxed\n</div>\n\n<!-- a note to ourselves -->\n"},
        [("html-raw", "letter.md", 3, 1)],
        exit_code=0,
        fix={"letter.md": "We write[^report].\n\nboxed\n\n<!-- a note to ourselves -->\n"},
    ),
    Case(
        "body-placeholder-and-relative-links",
        {"letter.md": "We write[^report].\n\n- see [the charter](#)\n- and [the rules](rules.html)\n"},
        [("url-invalid", "letter.md", 3, 21), ("url-invalid", "letter.md", 4, 19)],
        messages=["'#' is a placeholder", "not an absolute http(s) address"],
        fix={
            "letter.md": "We write[^report].\n\n- see [the charter](https://example.org/charter)\n"
            "- and [the rules](https://example.org/rules.html)\n"
        },
    ),
    Case(
        "body-link-too-long",
        {"letter.md": "We write[^report].\n\nSee [the list](https://example.org/" + "a" * 8000 + ").\n"},
        [("url-too-long", "letter.md", 3, 16)],
        messages=["is 8,020 characters long; an address may have at most 2,000 characters"],
    ),
    Case(
        "body-link-notes-too-many",
        {
            "letter.md": "We write[^report].\n\n"
            + " ".join(f"[{n}](https://example.org/{n})" for n in range(501))
            + "\n"
        },
        [("link-notes-too-many", "letter.md", 3, 1)],
        messages=["to 501 or more; a letter may print at most 500: set `links_in_print: inline`"],
    ),
    Case(
        "body-insecure-link-in-quote",
        {"letter.md": "We write[^report].\n\n> As [the charter](http://example.org/charter) says.\n"},
        [("url-insecure", "letter.md", 3, 20)],
        exit_code=0,
        fix={"letter.md": "We write[^report].\n\n> As [the charter](https://example.org/charter) says.\n"},
    ),
    Case(
        "body-images",
        {"letter.md": "We write[^report].\n\n![logo](https://example.org/logo.png) ![seal](seal.png)\n"},
        [("image-refused", "letter.md", 3, 9), ("file-missing", "letter.md", 3, 47)],
        exit_code=2,
        fix={
            "letter.md": "We write[^report].\n\n![logo](logo.svg) ![seal](seal.svg)\n",
            "logo.svg": SVG_PLAIN,
            "seal.svg": SVG_PLAIN,
        },
    ),
    Case(
        "body-image-not-an-image",
        {"letter.md": "We write[^report].\n\n![Our logo](logo.png)\n", "logo.png": "not an image\n"},
        [("image-unreadable", "letter.md", 3, 13)],
        exit_code=0,
        messages=["image 'logo.png' is left out: it is not a PNG, JPEG, GIF, WebP or SVG image"],
        fix={"letter.md": "We write[^report].\n\n![Our logo](logo.svg)\n", "logo.png": None, "logo.svg": SVG_PLAIN},
    ),
    Case(
        "body-image-svg-with-script",
        {
            "letter.md": "We write[^report].\n\n![Our logo](logo.svg)\n",
            "logo.svg": SVG.format('<script>alert(1)</script><rect width="4" height="4" onclick="steal()"/>'),
        },
        [("url-refused", "letter.md", 3, 13)],
        exit_code=0,
        messages=[
            "embedded without what could run, reach outside the letter or take minutes to draw: "
            "the <script> element, the event"
        ],
        fix={"logo.svg": SVG_PLAIN},
    ),
    Case(
        "body-image-svg-use-bomb",
        {"letter.md": "We write[^report].\n\n![Our logo](logo.svg)\n", "logo.svg": SVG_USE_BOMB},
        [("image-too-large", "letter.md", 3, 13)],
        messages=["image 'logo.svg' has more than 10,000 elements"],
        fix={"logo.svg": SVG_PLAIN},
    ),
    Case(
        "body-stray-spaces",
        {"letter.md": "We write[^report]  to you , twice  over.\n\n- one  item\n"},
        [
            ("whitespace-stray", "letter.md", 1, 18),
            ("whitespace-stray", "letter.md", 1, 26),
            ("whitespace-stray", "letter.md", 1, 34),
            ("whitespace-stray", "letter.md", 3, 6),
        ],
        exit_code=0,
    ),
    Case(
        "body-tab-indented-list-and-quote",
        {"letter.md": "We write[^report].\n\n-\tfirst  item\n- second\n\tcontinued [^nope]\n\n>\tquoted  text\n"},
        [
            ("whitespace-stray", "letter.md", 3, 8),
            ("footnote-undefined", "letter.md", 5, 12),
            ("whitespace-stray", "letter.md", 7, 9),
        ],
    ),
    Case(
        "body-empty",
        {"letter.md": "\n\n"},
        [("file-empty", "letter.md", 1, 1)],
    ),
    Case(
        "body-too-large",
        {"letter.md": "We write[^report].\n\n" + "Words and more words.\n" * 50_000},
        [("file-too-large", "letter.md", 1, 1)],
        exit_code=2,
        messages=["letter.md is 1,100,020 bytes; the manifest and the files of the text, footnotes and recipients"],
    ),
    Case(
        "body-nested-too-deep",
        {"letter.md": "We write[^report].\n\n" + "> " * 21 + "the deepest words\n"},
        [("markdown-too-deep", "letter.md", 3, 1)],
        messages=["nested more than 8 deep here"],
        fix={"letter.md": "We write[^report].\n\n> > the deepest words\n"},
    ),
    Case(
        "body-table-too-wide",
        {"letter.md": "We write[^report].\n\n|" + "|".join("c" * 13) + "|\n|" + "|".join(["-"] * 13) + "|\n"},
        [("table-too-wide", "letter.md", 3, 1)],
        messages=["this table has 13 columns; a page sets at most 12 side by side"],
        fix={"letter.md": "We write[^report].\n\n|" + "|".join("c" * 12) + "|\n|" + "|".join(["-"] * 12) + "|\n"},
    ),
    Case(
        "body-control-character",
        {"letter.md": "We write[^report].\n\nA bell\x07 rings.\n"},
        [("text-control", "letter.md", 3, 7)],
        messages=["U+0007"],
        fix={"letter.md": "We write[^report].\n\nA bell rings.\n"},
    ),
    # --- footnotes.yaml ------------------------------------------------------
    Case(
        "footnote-unused",
        {"footnotes.yaml": "report: See the report.\nspare: Never cited.\n"},
        [("footnote-unused", "footnotes.yaml", 2, 1)],
        exit_code=0,
        fix={"footnotes.yaml": "report: See the report.\n"},
    ),
    Case(
        "footnote-insecure-link-inside-block-scalar",
        {"footnotes.yaml": "report: >-\n  See *The State of Things*, available at:\n  <http://example.org/report>.\n"},
        [("url-insecure", "footnotes.yaml", 3, 4)],
        exit_code=0,
    ),
    Case(
        "footnotes-too-many",
        {"footnotes.yaml": "report: See the report.\n" + "".join(f"n{i}: Note {i}.\n" for i in range(1000))},
        [("footnotes-too-many", "footnotes.yaml", 1001, 1)],
        messages=["defines 1,001 footnotes"],
    ),
    Case(
        "footnote-empty",
        {"footnotes.yaml": 'report: ""\n'},
        [("field-empty", "footnotes.yaml", 1, 9)],
    ),
    Case(
        "footnote-alias",
        {"footnotes.yaml": "base: &text See the report.\nreport: *text\n"},
        [("yaml-alias", "footnotes.yaml", 2, 9)],
        fix={"footnotes.yaml": "report: See the report.\n"},
    ),
    Case(
        "footnotes-a-list",
        {"footnotes.yaml": "- report: See the report.\n"},
        [("type-invalid", "footnotes.yaml", 1, 1)],
    ),
    # --- signatories.yaml ----------------------------------------------------
    Case(
        "signatories-a-mapping",
        {"signatories.yaml": "name: Amnesty International\n"},
        [("type-invalid", "signatories.yaml", 1, 1)],
        messages=["must be a list of signatories"],
    ),
    Case(
        "signatory-plain-string",
        {"signatories.yaml": "- Amnesty International\n"},
        [("type-invalid", "signatories.yaml", 1, 3)],
        messages=["'name: Amnesty International'"],
    ),
    Case(
        "signatory-name-empty",
        {"signatories.yaml": "- name: Amnesty International\n- name: ''\n  location: London\n"},
        [("signatory-name-empty", "signatories.yaml", 2, 9)],
        fix={"signatories.yaml": "- name: Amnesty International\n- name: Article 19\n  location: London\n"},
    ),
    Case(
        "signatory-without-name",
        {"signatories.yaml": "- name: Amnesty International\n- location: London\n  country: GB\n"},
        [("field-missing", "signatories.yaml", 2, 3)],
        fix={
            "signatories.yaml": "- name: Amnesty International\n- name: Article 19\n  location: London\n  country: GB\n"
        },
    ),
    Case(
        "signatory-unknown-key",
        {"signatories.yaml": "- name: Article 19\n  locaton: London\n"},
        [("key-unknown", "signatories.yaml", 2, 3)],
        messages=["did you mean 'location'?"],
        fix={"signatories.yaml": "- name: Article 19\n  location: London\n"},
    ),
    Case(
        "signatory-duplicate-key",
        {"signatories.yaml": "- name: Article 19\n  location: London\n  location: Paris\n"},
        [("yaml-duplicate-key", "signatories.yaml", 3, 3)],
    ),
    Case(
        "signatory-duplicates",
        {
            "signatories.yaml": "- name: Amnesty International\n- name: Article 19\n"
            "- name: AMNÉSTY  international.\n  location: London\n"
        },
        [("signatory-duplicate", "signatories.yaml", 3, 3), ("whitespace-stray", "signatories.yaml", 3, 9)],
        messages=["already listed at signatories.yaml:1:3", "double space"],
    ),
    Case(
        "signatory-duplicates-punctuation-as-space",
        {
            "signatories.yaml": "- name: Asian Forum for Human Rights and Development (FORUM-ASIA)\n"
            "- name: Asian Forum for Human Rights and Development – Forum Asia\n"
            "- name: Droits de l'Homme\n- name: Droits de LHomme\n"
        },
        [("signatory-duplicate", "signatories.yaml", 2, 3)],
        messages=["already listed at signatories.yaml:1:3"],
        fix={
            "signatories.yaml": "- name: Asian Forum for Human Rights and Development (FORUM-ASIA)\n"
            "- name: Droits de l'Homme\n- name: Droits de LHomme\n"
        },
    ),
    Case(
        "signatory-bad-values",
        {
            "signatories.yaml": "- name: Article 19\n  status: confirmd\n  country: UK\n"
            "  url: www.article19.org\n  location: 'London '\n"
        },
        [
            ("status-unknown", "signatories.yaml", 2, 11),
            ("country-unknown", "signatories.yaml", 3, 12),
            ("url-invalid", "signatories.yaml", 4, 8),
            ("whitespace-stray", "signatories.yaml", 5, 13),
        ],
        messages=["did you mean 'confirmed'?", "", "", "leading or trailing space in location"],
        fix={
            "signatories.yaml": "- name: Article 19\n  status: confirmed\n  country: GB\n"
            "  url: https://www.article19.org\n  location: London\n"
        },
    ),
    Case(
        "signatory-country-by-name",
        {
            "signatories.yaml": "- name: Article 19\n  country: Czech Republic\n"
            "- name: Amnesty\n  country: UK\n- name: Forum\n  country: Narnia\n"
        },
        [
            ("country-unknown", "signatories.yaml", 2, 12),
            ("country-unknown", "signatories.yaml", 4, 12),
            ("country-unknown", "signatories.yaml", 6, 12),
        ],
        messages=["country 'Czech Republic': write CZ", "country 'UK': write GB", "unknown country code 'Narnia'"],
    ),
    Case(
        "signatory-placeholders",
        {
            "petition.yaml": MANIFEST.replace("place: Amsterdam", "place: Your town"),
            "signatories.yaml": "- name: Your organisation\n  location: TBD\n"
            "- name: Article 19\n  url: https://www.example.org/article19\n"
            "- name: Amnesty\n  affiliation: N/A\n  url: http://localhost:8000/\n",
        },
        [
            ("placeholder", "petition.yaml", 2, 8),
            ("placeholder", "signatories.yaml", 1, 9),
            ("placeholder", "signatories.yaml", 2, 13),
            ("placeholder", "signatories.yaml", 4, 8),
            ("placeholder", "signatories.yaml", 6, 16),
            ("placeholder", "signatories.yaml", 7, 8),
            ("url-insecure", "signatories.yaml", 7, 8),
        ],
        exit_code=0,
        messages=[
            "place 'Your town' is a placeholder",
            "signatory name 'Your organisation' is a placeholder",
            "location 'TBD' is a placeholder",
            "url 'https://www.example.org/article19' is a placeholder address",
            "affiliation 'N/A' is a placeholder",
            "url 'http://localhost:8000/' is a placeholder address",
        ],
    ),
    Case(
        "signatory-garbled-text",
        {
            "signatories.yaml": "- name: Action, Research &amp; Education Network\n"
            "- name: Ligue des Droits de l&#39;Homme\n- name: Université de Lille\n  location: DÃ©partement\n"
            "- name: O’Brien Foundation\n  title: Directorâ€™s office\n",
        },
        [
            ("text-garbled", "signatories.yaml", 1, 9),
            ("text-garbled", "signatories.yaml", 2, 9),
            ("text-garbled", "signatories.yaml", 4, 13),
            ("text-garbled", "signatories.yaml", 6, 10),
        ],
        exit_code=0,
        messages=[
            "did you mean 'Action, Research & Education Network'?",
            "did you mean 'Ligue des Droits de l'Homme'?",
            "did you mean 'Département'?",
            "did you mean 'Director’s office'?",
        ],
    ),
    Case(
        "signatory-stray-punctuation",
        {
            "signatories.yaml": "- name: Angelo Garofalo,\n- name: Maria Rossi,, Roma\n- name: Sébastien,Le Nours\n"
            "- name: Jane Doe, PhD\n- name: Smith, John\n- name: '...'\n",
        },
        [
            ("signatory-punctuation", "signatories.yaml", 1, 9),
            ("signatory-punctuation", "signatories.yaml", 2, 9),
            ("signatory-punctuation", "signatories.yaml", 3, 9),
            ("signatory-punctuation", "signatories.yaml", 4, 9),
            ("signatory-name-empty", "signatories.yaml", 6, 9),
        ],
        messages=["a stray comma", "a stray comma", "a stray comma", "'PhD' is glued on by a comma", "no letter"],
    ),
    Case(
        "signatory-shifted-columns",
        {
            "petition.yaml": CSV_MANIFEST,
            "signatories.csv": "name,title,affiliation,location\nJane Doe,Germany,,Berlin\n"
            "John Roe,John Roe,Utrecht University,\nAna Lima,University of Porto,,Porto\n"
            "Eva Berg,Professor of Law,Lund University,Lund\n",
        },
        [
            ("signatory-shifted", "signatories.csv", 2, 10),
            ("signatory-shifted", "signatories.csv", 3, 10),
            ("signatory-shifted", "signatories.csv", 4, 10),
        ],
        exit_code=0,
        messages=["title 'Germany' is a country", "title 'John Roe' repeats the name", "looks like an organisation"],
        fix={
            "petition.yaml": CSV_MANIFEST,
            "signatories.csv": "name,title,affiliation,location\nJane Doe,,,Berlin\n"
            "John Roe,,Utrecht University,\nAna Lima,,University of Porto,Porto\n"
            "Eva Berg,Professor of Law,Lund University,Lund\n",
        },
    ),
    Case(
        "signatory-spellings-differing-in-accents",
        {
            "signatories.yaml": "- name: Asociación por los Derechos Civiles\n  url: https://adc.org.ar\n"
            "- name: Asociacion por los Derechos Civiles\n  url: https://adc.example.ar\n",
        },
        [("signatory-namesake", "signatories.yaml", 3, 3), ("signatory-accents", "signatories.yaml", 3, 9)],
        exit_code=0,
        messages=["", "'Asociacion por los Derechos Civiles' is likely the less correct"],
    ),
    Case(
        "signatory-placeholder-affiliations-tell-nobody-apart",
        {
            "signatories.yaml": "- name: Tom Okafor\n  affiliation: Individual\n  url: https://tomokafor.net\n"
            "- name: Tom Okafor\n  affiliation: Individual\n  url: https://okafor.org\n"
            "- name: Ann Lee\n  affiliation: Independent\n- name: Ann Lee\n  affiliation: Self\n",
        },
        [("signatory-namesake", "signatories.yaml", 4, 3), ("signatory-duplicate", "signatories.yaml", 9, 3)],
        messages=["the same name with another URL", "already listed at signatories.yaml:7:3"],
    ),
    Case(
        "signatory-personal-data",
        {
            "signatories.yaml": "- name: Article 19\n  title: Contact info@article19.org\n"
            "- name: Amnesty\n  location: London, +44 20 7413 5500\n"
            "- name: Forum\n  url: https://user:secret@forum.org\n"
            "- name: Privacy International\n  url: https://pi.org/?ref=jane.doe%40mail.com\n",
        },
        [
            ("personal-data", "signatories.yaml", 2, 10),
            ("personal-data", "signatories.yaml", 4, 13),
            ("personal-data", "signatories.yaml", 6, 8),
            ("personal-data", "signatories.yaml", 8, 8),
        ],
        messages=["an e-mail address", "a phone number", "a user name or password", "an e-mail address"],
    ),
    Case(
        "signatory-spreadsheet-formulas",
        {
            "petition.yaml": CSV_MANIFEST,
            "signatories.csv": CSV_HEADER + '"=HYPERLINK(""http://x.org"",""click"")",,,,\n'
            "Amnesty,@SUM(A1:A9),,,\n\"+cmd|' /C calc'!A0\",,,,\n-Kollektiv-,,,,\n",
        },
        [
            ("spreadsheet-formula", "signatories.csv", 2, 1),
            ("spreadsheet-formula", "signatories.csv", 3, 9),
            ("spreadsheet-formula", "signatories.csv", 4, 1),
            ("spreadsheet-formula", "signatories.csv", 5, 1),
        ],
        messages=["starts with '='", "starts with '@'", "starts with '+'", "starts with '-'"],
    ),
    Case(
        "signatory-formula-in-yaml",
        {"signatories.yaml": "- name: '=HYPERLINK(\"http://x.org\")'\n- name: -Kollektiv-\n"},
        [("spreadsheet-formula", "signatories.yaml", 1, 9)],
        messages=["looks like a spreadsheet formula"],
    ),
    Case(
        "signatory-placeholder-and-insecure-urls",
        {"signatories.yaml": "- name: Article 19\n  url: '#'\n- name: Amnesty\n  url: http://amnesty.org\n"},
        [("url-invalid", "signatories.yaml", 2, 8), ("url-insecure", "signatories.yaml", 4, 8)],
    ),
    Case(
        "signatory-namesakes-and-duplicates",
        {
            "signatories.yaml": "- name: Daniel\n  url: https://daniel.example\n"
            "- name: Daniel\n  url: https://other-daniel.example\n"
            "- name: daniel\n  url: https://www.daniel.example/\n"
            "- name: Jane Doe\n  affiliation: Utrecht University\n"
            "- name: Jane Doe\n  affiliation: Utrecht University\n  title: Professor\n"
            "- name: Jane Doe\n  on_behalf_of: Amnesty International\n"
        },
        [
            ("signatory-namesake", "signatories.yaml", 3, 3),
            ("signatory-duplicate", "signatories.yaml", 5, 3),
            ("signatory-duplicate", "signatories.yaml", 9, 3),
        ],
        messages=[
            "possibly the same signatory as 'Daniel' at signatories.yaml:1:3: the same name with another URL",
            "already listed at signatories.yaml:1:3",
            "already listed at signatories.yaml:7:3",
        ],
        fix={
            "signatories.yaml": "- name: Daniel\n  url: https://daniel.example\n"
            "- name: Daniel  # noqa: signatory-namesake\n  url: https://other-daniel.example\n"
            "- name: Jane Doe\n  affiliation: Utrecht University\n  title: Professor\n"
            "- name: Jane Doe\n  on_behalf_of: Amnesty International\n"
        },
    ),
    Case(
        "signatory-names-that-are-not-names",
        {"signatories.yaml": "- name: Organisation\n- name: JS\n- name: Amnesty International\n"},
        [("signatory-name-suspect", "signatories.yaml", 1, 9), ("signatory-name-suspect", "signatories.yaml", 2, 9)],
        exit_code=0,
        messages=["is a form's label", "is too short to be a name"],
        fix={"signatories.yaml": "- name: Amnesty International\n"},
    ),
    Case(
        "signatory-urls-that-are-not-addresses",
        {
            "signatories.yaml": "- name: A\n  url: http://http://a.example\n- name: Bb\n  url: N/A\n"
            "- name: Cc\n  url: info@c.example\n- name: Dd\n  url: '@dd'\n"
        },
        [
            ("signatory-name-suspect", "signatories.yaml", 1, 9),
            ("url-invalid", "signatories.yaml", 2, 8),
            ("signatory-name-suspect", "signatories.yaml", 3, 9),
            ("url-invalid", "signatories.yaml", 4, 8),
            ("signatory-name-suspect", "signatories.yaml", 5, 9),
            ("url-invalid", "signatories.yaml", 6, 8),
            ("signatory-name-suspect", "signatories.yaml", 7, 9),
            ("url-invalid", "signatories.yaml", 8, 8),
        ],
        messages=[
            "",
            "repeats its scheme; did you mean 'http://a.example'?",
            "",
            "'N/A' stands for no address",
            "",
            "it is an e-mail address",
            "",
            "it is a social media handle",
        ],
    ),
    Case(
        "signatory-group-without-groups",
        {"signatories.yaml": "- name: Amnesty International\n  group: Organisations\n"},
        [("signatory-group", "signatories.yaml", 2, 10)],
        messages=["the manifest's `signatories` is one file; list the groups there"],
        fix={"signatories.yaml": "- name: Amnesty International\n"},
    ),
    Case(
        "manifest-group-count-not-true-or-false",
        {
            "petition.yaml": MANIFEST
            + "signatories:\n  - heading: Organisations\n    file: signatories.yaml\n    count: yes\n"
        },
        [("type-invalid", "petition.yaml", 8, 12)],
        messages=["'count' must be true or false, not 'yes'"],
    ),
    Case(
        "signatory-glyph-no-font-draws",
        # A private-use character: no font on any machine draws it.
        {"signatories.yaml": "- name: Amnesty International\n- name: Glyphless \U000f0001 Society\n"},
        [("glyph-missing", "signatories.yaml", 2, 3)],
        exit_code=0,
        messages=["1 character (first in signatory 'Glyphless \U000f0001 Society') have no glyph"],
        fix={"signatories.yaml": "- name: Amnesty International\n- name: Glyphless Society\n"},
    ),
    Case(
        "signatory-norway-is-not-false",
        {"signatories.yaml": "- name: Norwegian Helsinki Committee\n  country: NO\n- name: Nowhere\n  country: nl\n"},
        [("country-unknown", "signatories.yaml", 4, 12)],
        messages=["country 'nl': write NL"],
        fix={
            "signatories.yaml": "- name: Norwegian Helsinki Committee\n  country: NO\n- name: Nowhere\n  country: NL\n"
        },
    ),
    Case(
        "signatories-recursive-alias",
        {"signatories.yaml": "&all [*all]\n"},
        [("yaml-alias", "signatories.yaml", 1, 7)],
    ),
    Case(
        "signatories-crlf-and-bom",
        {"signatories.yaml": "\ufeff- name: Amnesty International\r\n- name: amnesty international\r\n".encode()},
        [("signatory-duplicate", "signatories.yaml", 2, 3)],
    ),
    Case(
        "signatories-bom-then-invalid-byte",
        {"signatories.yaml": "\ufeff- name: é".encode() + b"\xff\n"},
        [("file-encoding", "signatories.yaml", 1, 10)],
        exit_code=2,
        messages=["byte 0xff cannot be decoded"],
    ),
    Case(
        "signatories-utf16",
        {"signatories.yaml": "- name: Amnesty International\n".encode("utf-16")},
        [("file-encoding", "signatories.yaml", 1, 1)],
        exit_code=2,
        messages=["not UTF-8 but UTF-16LE: save signatories.yaml as UTF-8"],
    ),
    Case(
        "signatories-control-character",
        {"signatories.yaml": "- name: Amnesty\x00International\n"},
        [("yaml-syntax", "signatories.yaml", 1, 16)],
        messages=["control characters are not allowed"],
    ),
    Case(
        "signatory-escaped-control-and-override",
        {"signatories.yaml": '- name: "Evil\\e[2J Org"\n- name: "Amnesty\\u202eInternational"\n'},
        [("text-control", "signatories.yaml", 1, 9), ("text-invisible", "signatories.yaml", 2, 9)],
        messages=["holds the invisible control character U+001B", "U+202E (RIGHT-TO-LEFT OVERRIDE)"],
        fix={"signatories.yaml": "- name: Evil Org\n- name: Amnesty International\n"},
    ),
    Case(
        "signatories-wrong-extension",
        {"petition.yaml": MANIFEST + "signatories: signatories.txt\n"},
        [("value-unknown", "petition.yaml", 5, 14)],
    ),
    # --- signatories.csv -----------------------------------------------------
    Case(
        "csv-header-columns",
        {
            "petition.yaml": CSV_MANIFEST,
            "signatories.csv": "name,locaton,,country,country\nAmnesty International,London,,GB,FR\n",
        },
        [
            ("csv-header", "signatories.csv", 1, 6),
            ("csv-header", "signatories.csv", 1, 14),
            ("csv-header", "signatories.csv", 1, 23),
        ],
        messages=["unknown column 'locaton'; did you mean 'location'?", "has no name", "appears twice"],
        fix={"signatories.csv": "name,location,country\nAmnesty International,London,GB\n"},
    ),
    Case(
        "csv-header-without-name",
        {"petition.yaml": CSV_MANIFEST, "signatories.csv": "organisation,location\nAmnesty International,London\n"},
        [("csv-header", "signatories.csv", 1, 1), ("csv-header", "signatories.csv", 1, 1)],
        messages=["unknown column 'organisation'", "lacks the required column 'name'"],
    ),
    Case(
        "csv-duplicates-by-row",
        {
            "petition.yaml": CSV_MANIFEST,
            "signatories.csv": CSV_HEADER + "Amnesty International,London,GB,,\nArticle 19,,,,\n"
            '"Amnesty International, ",,,,\n',
        },
        [
            ("signatory-duplicate", "signatories.csv", 4, 1),
            ("signatory-punctuation", "signatories.csv", 4, 1),
            ("whitespace-stray", "signatories.csv", 4, 1),
        ],
        messages=["already listed at row 2 of signatories.csv", "a stray comma", "trailing space"],
    ),
    Case(
        "csv-cells",
        {
            "petition.yaml": CSV_MANIFEST,
            "signatories.csv": "\ufeff" + CSV_HEADER + ',London,GB,,\nArticle 19,"London, UK",XX,ftp://a19.org,maybe\n',
        },
        [
            ("signatory-name-empty", "signatories.csv", 2, 1),
            ("country-unknown", "signatories.csv", 3, 25),
            ("url-invalid", "signatories.csv", 3, 28),
            ("status-unknown", "signatories.csv", 3, 42),
        ],
        messages=["", "", "not an absolute http(s) address", "expected confirmed | pending | withdrawn"],
    ),
    Case(
        "csv-noqa-column",
        {
            "petition.yaml": CSV_MANIFEST,
            "signatories.csv": "name,url,noqa\nDaniel,https://a.example,\nDaniel,https://b.example,signatory-namesake\n"
            "Daniel,https://c.example,\nDaniela,http://d.example,url-insecure signatory-namsake\n",
        },
        [("signatory-namesake", "signatories.csv", 4, 1), ("noqa-unknown", "signatories.csv", 5, 26)],
        exit_code=0,
        messages=["", "noqa names 'signatory-namsake', which is no rule; did you mean 'signatory-namesake'?"],
    ),
    Case(
        "csv-noqa-column-silencing-nothing",
        {
            "petition.yaml": CSV_MANIFEST,
            "signatories.csv": "name,url,noqa\nDaniel,https://a.example,url-insecure\n",
        },
        [("noqa-unused", "signatories.csv", 2, 26)],
        exit_code=0,
        messages=["noqa names 'url-insecure', which reports nothing here; remove it"],
    ),
    Case(
        "yaml-noqa-comments-unknown-and-unused",
        {
            "signatories.yaml": "- name: Amnesty International  # noqa: whitespace-stray\n"
            "- name: Article 19\n  url: http://www.article19.org  # noqa: url-insecure, url-insecur\n",
        },
        [
            ("noqa-unused", "signatories.yaml", 1, 32),
            ("noqa-unknown", "signatories.yaml", 3, 34),
        ],
        exit_code=0,
        messages=["'whitespace-stray', which reports nothing here", "did you mean 'url-insecure'?"],
    ),
    Case(
        "markdown-noqa-comments",
        {
            "letter.md": "We write to you  about the state of things[^report]. <!-- noqa: whitespace-stray -->\n"
            "We ask  the Board.\n\n"
            "<!-- noqa: html-raw, footnote-undefind -->\nWe thank  you.\n\n"
            "`<!-- noqa: whitespace-stray -->` is  code, not a comment.\n",
        },
        [
            ("noqa-unknown", "letter.md", 4, 1),
            ("noqa-unused", "letter.md", 4, 1),
            ("whitespace-stray", "letter.md", 5, 9),
            ("whitespace-stray", "letter.md", 7, 37),
        ],
        exit_code=0,
        messages=["did you mean 'footnote-undefined'?", "'html-raw', which reports nothing here"],
    ),
    Case(
        "manifest-rules-unknown-ids",
        {
            "petition.yaml": MANIFEST + "rules:\n  ignore: [url-insecur]\n  error: signatory-namesakes\n"
            "  per_file_ignores:\n    '*.csv': [whitespace]\n  warn: [url-invalid]\n",
        },
        [
            # Each unknown id where it is written, inside the brackets.
            ("value-unknown", "petition.yaml", 6, 12),
            ("value-unknown", "petition.yaml", 7, 10),
            ("value-unknown", "petition.yaml", 9, 15),
            ("key-unknown", "petition.yaml", 10, 3),
        ],
        messages=[
            "unknown rule 'url-insecur' in 'rules.ignore'; did you mean 'url-insecure'?",
            "did you mean 'signatory-namesake'?",
            "unknown rule 'whitespace' in 'rules.per_file_ignores' ('*.csv')",
            "unknown key 'warn' in 'rules'",
        ],
    ),
    Case(
        "csv-row-too-long",
        {"petition.yaml": CSV_MANIFEST, "signatories.csv": CSV_HEADER + "Article 19,London,GB,,,extra\n"},
        [("csv-row", "signatories.csv", 2, 24)],
        fix={"signatories.csv": CSV_HEADER + "Article 19,London,GB,,\n"},
    ),
    Case(
        "csv-bad-quotes",
        {
            "petition.yaml": CSV_MANIFEST,
            "signatories.csv": CSV_HEADER + '"Amnesty" International,,,,\nArticle 19,,,,\n"Unclosed,,,,\n',
        },
        [("csv-syntax", "signatories.csv", 2, 1), ("csv-syntax", "signatories.csv", 4, 1)],
        messages=["',' expected after '\"'", "a quote is never closed"],
        fix={"signatories.csv": CSV_HEADER + '"Amnesty International",,,,\nArticle 19,,,,\n"Unclosed, Ltd",,,,\n'},
    ),
    Case(
        "csv-semicolons-as-excel-writes-them",
        {
            "petition.yaml": CSV_MANIFEST,
            "signatories.csv": "name;location;country\nAmnesty International;London;GB\nArticle 19;;XX\n",
        },
        [("country-unknown", "signatories.csv", 3, 13)],
    ),
    Case(
        "csv-in-windows-1252",
        {
            "petition.yaml": CSV_MANIFEST,
            "signatories.csv": "name,location\nCaf\xe9 des Droits,Li\xe8ge\n".encode("latin-1"),
        },
        [("file-encoding", "signatories.csv", 2, 4)],
        exit_code=2,
        messages=["it looks like Windows-1252, where that byte is 'é': in Excel, save as \"CSV UTF-8\""],
        shown='signatories.csv saved by Excel as plain "CSV", in Windows-1252:',
    ),
    Case(
        "only-pending-signatories",
        {
            "signatories.yaml": "- name: Amnesty International\n  status: pending\n"
            "- name: Article 19\n  status: withdrawn\n"
        },
        [("signatories-none-confirmed", "signatories.yaml", 1, 1)],
        exit_code=0,
        messages=["only 1 pending (shown with --draft)"],
        fix={
            "signatories.yaml": "- name: Amnesty International\n  status: confirmed\n"
            "- name: Article 19\n  status: withdrawn\n"
        },
    ),
    Case(
        "csv-missing",
        {"petition.yaml": CSV_MANIFEST},
        [("file-missing", "petition.yaml", 5, 14)],
        exit_code=2,
    ),
    # --- translations ----------------------------------------------------------
    Case(
        "translation-without-body-or-title",
        {
            "petition.yaml": MANIFEST + "translations:\n  fr:\n    place: Amsterdam\n",
            "recipients.yaml": RECIPIENTS_FR,
        },
        [("translation-missing", "petition.yaml", 6, 3)],
        messages=["translation 'fr' lacks 'title', 'body', 'footnotes'"],
        fix={"petition.yaml": MANIFEST + TRANSLATION_FR, "letter.fr.md": LETTER_FR, "footnotes.fr.yaml": NOTES_FR},
    ),
    Case(
        "translation-file-missing",
        {"petition.yaml": MANIFEST + TRANSLATION_FR, "recipients.yaml": RECIPIENTS_FR, "footnotes.fr.yaml": NOTES_FR},
        [("translation-missing", "petition.yaml", 9, 11)],
        messages=["file not found: letter.fr.md"],
    ),
    Case(
        "translation-body-outside-the-project",
        {
            "petition.yaml": MANIFEST + TRANSLATION_FR.replace("body: letter.fr.md", "body: ../letter.fr.md"),
            "recipients.yaml": RECIPIENTS_FR,
            "footnotes.fr.yaml": NOTES_FR,
        },
        [("file-outside", "petition.yaml", 9, 11)],
        messages=["'../letter.fr.md' is outside the project folder"],
    ),
    Case(
        "translation-drops-a-list-item-and-a-note",
        {
            "petition.yaml": MANIFEST + TRANSLATION_FR,
            "recipients.yaml": RECIPIENTS_FR,
            "footnotes.fr.yaml": NOTES_FR,
            "letter.fr.md": "Nous vous écrivons au sujet de l'état des choses.\n\nNous demandons au Conseil de :\n\n"
            "- publier ses procès-verbaux.\n",
        },
        [
            ("footnote-unused", "footnotes.fr.yaml", 1, 1),
            ("translation-mismatch", "letter.fr.md", 1, 1),
            ("translation-mismatch", "letter.fr.md", 5, 1),
        ],
        messages=[
            "footnote 'report' is never referenced",
            "this paragraph calls no note where the original's calls [^report]",
            "has 2 paragraphs and 1 list item where the original has 2 paragraphs and 2 list items",
        ],
        fix={"letter.fr.md": LETTER_FR},
    ),
    Case(
        # One error for the tag, none for each recipient that has no salutation in it.
        "translation-in-no-known-language",
        {
            "petition.yaml": MANIFEST + TRANSLATION_FR.replace("fr:", "xx-bad:"),
            "recipients.yaml": RECIPIENTS_FR,
            "footnotes.fr.yaml": NOTES_FR,
            "letter.fr.md": LETTER_FR,
        },
        [("language-invalid", "petition.yaml", 6, 3)],
        messages=["unknown language tag 'xx-bad'; use a BCP 47 tag such as en-GB or fr"],
    ),
    Case(
        "translation-tag-mistyped",
        {
            "petition.yaml": MANIFEST + TRANSLATION_FR.replace("fr:", "sp:"),
            "recipients.yaml": RECIPIENTS_FR,
            "footnotes.fr.yaml": NOTES_FR,
            "letter.fr.md": LETTER_FR,
        },
        [("language-invalid", "petition.yaml", 6, 3)],
        messages=["unknown language tag 'sp'; did you mean 'es'?"],
    ),
    Case(
        "translation-without-closing-and-group-heading",
        {
            "petition.yaml": MANIFEST.replace("title:", "closing: Yours sincerely,\ntitle:")
            + "signatories:\n  - heading: Organisations\n    file: signatories.yaml\n"
            + TRANSLATION_FR
            + "    signatories:\n      - file: x\n",
            "recipients.yaml": RECIPIENTS_FR,
            "footnotes.fr.yaml": NOTES_FR,
            "letter.fr.md": LETTER_FR,
        },
        [
            ("translation-missing", "petition.yaml", 10, 3),
            ("key-unknown", "petition.yaml", 16, 9),
            ("translation-missing", "petition.yaml", 16, 9),
        ],
        messages=[
            "translation 'fr' lacks 'closing'; its edition would print the original's",
            "unknown key 'file' in an entry of 'signatories' (fr)",
            "lacks the heading of the group 'Organisations'",
        ],
    ),
    Case(
        "translation-without-metadata",
        {
            "petition.yaml": MANIFEST + "sender: Amnesty\n" + TRANSLATION_FR,
            "recipients.yaml": RECIPIENTS_FR,
            "footnotes.fr.yaml": NOTES_FR,
            "letter.fr.md": LETTER_FR,
        },
        [("metadata-untranslated", "petition.yaml", 7, 3)],
        exit_code=0,
        messages=["translation 'fr' lacks 'sender'; its PDF's metadata would be the original's"],
    ),
    Case(
        "language-without-the-programs-words",
        {"petition.yaml": MANIFEST + "language: fi\n"},
        [("words-untranslated", "petition.yaml", 5, 11)],
        exit_code=0,
        messages=["no 'fi' form of the words it prints itself"],
    ),
    # --- recipients.yaml -----------------------------------------------------
    Case(
        # A salutation may be left out (the letter begins with its text); a name may not.
        "recipient-missing-name",
        {"recipients.yaml": "board:\n  salutation: Dear all,\n"},
        [("field-missing", "recipients.yaml", 1, 1)],
    ),
    Case(
        "recipient-unknown-key",
        {"recipients.yaml": "board:\n  name: The Board\n  salutation: Dear all,\n  adress: [Amsterdam]\n"},
        [("key-unknown", "recipients.yaml", 4, 3)],
        messages=["did you mean 'address'?"],
    ),
    Case(
        "recipient-id-reserved",
        {
            "petition.yaml": MANIFEST.replace("recipient: board", "recipient: all"),
            "recipients.yaml": "all:\n  name: Everyone\n  salutation: Dear all,\n",
        },
        [("id-invalid", "recipients.yaml", 1, 1)],
        messages=["`--to all` means every recipient"],
    ),
    Case(
        "recipient-address-by-a-key-that-is-no-language",
        {"recipients.yaml": "board:\n  name: The Board\n  salutation: Dear all,\n  address: {city: Amsterdam}\n"},
        [("language-invalid", "recipients.yaml", 4, 13)],
        messages=["unknown language tag 'city'"],
    ),
    Case(
        "recipient-address-a-mapping-in-a-language",
        {"recipients.yaml": "board:\n  name: The Board\n  salutation: Dear all,\n  address: {en: {city: Amsterdam}}\n"},
        [("type-invalid", "recipients.yaml", 4, 17)],
    ),
    Case(
        "recipient-salutation-spacing",
        {"recipients.yaml": "board:\n  name: The Board\n  salutation: |-\n    Dear members ,\n    dear all,\n"},
        [("whitespace-stray", "recipients.yaml", 4, 17)],
        exit_code=0,
    ),
    Case(
        "footnote-spacing-on-its-own-line",
        {"footnotes.yaml": "report: >-\n  As reported by the\n  Board  in 2019.\n"},
        [("whitespace-stray", "footnotes.yaml", 3, 8)],
        exit_code=0,
        messages=["double space in footnote 'report'"],
    ),
    Case(
        "recipients-empty",
        {"recipients.yaml": ""},
        [("file-empty", "recipients.yaml", 1, 1)],
    ),
]


def make_project(tmp_path: Path, files: dict) -> Path:
    project = tmp_path / "work" / "letter"
    shutil.copytree(BASE, project)
    for name, content in files.items():
        path = project / name
        if path.is_symlink() or path.is_file():
            path.unlink()
        if content is None:
            continue
        if isinstance(content, Folder):
            path.mkdir()
        elif isinstance(content, Link):
            os.symlink(content.target, path)
        elif isinstance(content, bytes):
            path.write_bytes(content)
        else:
            path.write_text(content, encoding="utf-8", newline="")
    return project


def problems(run_cli, project: Path):
    result = run_cli("check", "--output-format", "json", cwd=project)
    return result, json.loads(result.stdout)


@pytest.mark.parametrize("case", CASES, ids=lambda case: case.id)
def test_broken_project_is_reported_exactly(case: Case, tmp_path, run_cli):
    project = make_project(tmp_path, case.files)
    result, found = problems(run_cli, project)
    assert [(d["rule"], d["file"], d["line"], d["column"]) for d in found] == case.expected
    assert result.exit_code == case.exit_code
    for problem, words in zip(found, case.messages, strict=False):
        assert words in problem["message"]


def test_the_corpus_covers_every_rule_check_can_find():
    covered = {rule for case in CASES for rule, *_ in case.expected}
    checkable = {rule.id for rule in rules.all_rules() if rule.stage is not rules.Stage.RENDER}
    assert checkable - covered == set(), "registered rules without a broken project in the corpus"
    assert covered - checkable == set(), "the corpus expects rules that are not registered"


def test_every_render_rule_has_a_test_that_names_it():
    render_rules = {rule.id for rule in rules.all_rules() if rule.stage is rules.Stage.RENDER}
    assert set(RENDER_RULES_TESTED_IN) == render_rules
    for rule_id, test_file in RENDER_RULES_TESTED_IN.items():
        assert rule_id in (Path(__file__).parent / test_file).read_text(encoding="utf-8"), rule_id


def test_the_corpus_covers_every_kind_of_file():
    files = {file for case in CASES for _, file, *_ in case.expected}
    assert files == {
        "petition.yaml",
        "letter.md",
        "footnotes.yaml",
        "signatories.yaml",
        "signatories.csv",
        "recipients.yaml",
        "letter.fr.md",
        "footnotes.fr.yaml",
    }


def test_the_base_project_is_clean(run_cli):
    result = run_cli("check", BASE, "--strict")
    assert result.exit_code == 0, result.stdout
    assert "No problems in 5 files." in result.stdout
