"""Every rule `petition check` and `petition build` report: its id, severity, stage and summary.

This registry is each rule's one home. Code reports a problem by naming a
rule object, never a string; the README's rule table is generated from
`markdown_table()` (a test fails when they differ); and the corpus of broken
projects must hold a case for every rule that `check` can find.

Rule ids are stable: `# noqa: rule-id` comments and CI configurations rely on them.
"""

from __future__ import annotations

import enum
from dataclasses import dataclass


class Severity(enum.StrEnum):
    ERROR = "error"
    WARNING = "warning"


class Stage(enum.StrEnum):
    """Where a rule is decided, which says which module reports it."""

    # The loader: what stops a file from being read into the model (access,
    # encoding, syntax, and the shape of each record: types, keys, choices).
    READ = "read"
    # The checks: what is wrong with the content of a letter that was read.
    CHECK = "check"
    # Rendering: what only laying out the letter can show.
    RENDER = "render"


@dataclass(frozen=True, slots=True)
class Rule:
    id: str
    severity: Severity
    stage: Stage
    # Completes "reported when …" in the README's table.
    summary: str
    # The input could not be read at all: SPEC §2 gives that exit code 2.
    unreadable: bool = False

    @property
    def is_error(self) -> bool:
        return self.severity is Severity.ERROR


ERROR, WARNING = Severity.ERROR, Severity.WARNING
_REGISTRY: dict[str, Rule] = {}


def _rule(rule_id: str, severity: Severity, stage: Stage, summary: str, *, unreadable: bool = False) -> Rule:
    if rule_id in _REGISTRY:
        raise ValueError(f"rule id '{rule_id}' is registered twice")
    rule = _REGISTRY[rule_id] = Rule(rule_id, severity, stage, summary, unreadable)
    return rule


FILE_MISSING = _rule(
    "file-missing",
    ERROR,
    Stage.READ,
    "a file the manifest names (or a default one) does not exist; also an image in `letter.md` that is "
    "not in the project",
    unreadable=True,
)
FILE_UNREADABLE = _rule(
    "file-unreadable",
    ERROR,
    Stage.READ,
    "a folder or other non-file where a file should be, or a file that cannot be read",
    unreadable=True,
)
FILE_ENCODING = _rule(
    "file-encoding",
    ERROR,
    Stage.READ,
    "a file is not UTF-8 (a UTF-8 byte-order mark is fine); points at the first bad byte",
    unreadable=True,
)
FILE_EMPTY = _rule(
    "file-empty",
    ERROR,
    Stage.READ,
    "a file is empty, or a YAML file holds only comments",
)
FILE_OUTSIDE = _rule(
    "file-outside",
    ERROR,
    Stage.READ,
    "a path in the manifest leads outside the project folder, also through a symbolic link",
)
YAML_SYNTAX = _rule(
    "yaml-syntax",
    ERROR,
    Stage.READ,
    "YAML that cannot be parsed, with the place the parser stopped (and where an unclosed quote began); "
    "also several documents in one file",
)
YAML_TAB = _rule(
    "yaml-tab",
    ERROR,
    Stage.READ,
    "a tab where YAML needs indentation spaces",
)
YAML_DUPLICATE_KEY = _rule(
    "yaml-duplicate-key",
    ERROR,
    Stage.READ,
    "a key given twice in one mapping (YAML loaders silently keep the last)",
)
YAML_ALIAS = _rule(
    "yaml-alias",
    ERROR,
    Stage.READ,
    "an alias (`*name`): a few aliases can stand for gigabytes of text, so values are written out",
)
YAML_TAG = _rule(
    "yaml-tag",
    ERROR,
    Stage.READ,
    "an explicit tag such as `!!binary` or `!!python/object`: letter data is plain text, lists and "
    "mappings, and nothing is ever constructed",
)
TYPE_INVALID = _rule(
    "type-invalid",
    ERROR,
    Stage.READ,
    "a value of the wrong shape: a mapping where a list belongs (or the reverse), a list where text "
    "belongs, `- Amnesty` instead of `- name: Amnesty`",
)
KEY_UNKNOWN = _rule(
    "key-unknown",
    ERROR,
    Stage.READ,
    "a key the format does not know, with \"did you mean 'location'?\" when one is close",
)
FIELD_MISSING = _rule(
    "field-missing",
    ERROR,
    Stage.READ,
    "a required key is missing: `title`, `place`, `recipient` in the manifest; `name` for a signatory; "
    "`name`, `salutation` for a recipient",
)
FIELD_EMPTY = _rule(
    "field-empty",
    ERROR,
    Stage.READ,
    "a required value is blank, or a footnote has no text",
)
DATE_INVALID = _rule(
    "date-invalid",
    ERROR,
    Stage.READ,
    "a date that is not `YYYY-MM-DD`, or does not exist (`2021-13-45`)",
)
VALUE_UNKNOWN = _rule(
    "value-unknown",
    ERROR,
    Stage.READ,
    "`signatories_order` other than `as-listed` or `alphabetical`; a signatories file not ending in "
    "`.yaml`, `.yml` or `.csv`",
)
STATUS_UNKNOWN = _rule(
    "status-unknown",
    ERROR,
    Stage.READ,
    "a signatory status other than `confirmed`, `pending`, `withdrawn`",
)
ID_INVALID = _rule(
    "id-invalid",
    ERROR,
    Stage.CHECK,
    "a slug or recipient id that cannot be part of a file name (letters, digits, `.`, `_`, `-`), or the "
    "reserved id `all`",
)
RECIPIENT_UNKNOWN = _rule(
    "recipient-unknown",
    ERROR,
    Stage.CHECK,
    "the manifest's `recipient` is not defined in `recipients.yaml`",
)
LANGUAGE_INVALID = _rule(
    "language-invalid",
    ERROR,
    Stage.CHECK,
    "`language` is not a known BCP 47 tag",
)
DATE_FUTURE = _rule(
    "date-future",
    WARNING,
    Stage.CHECK,
    "the letter's date is after today",
)
FOOTNOTE_INLINE = _rule(
    "footnote-inline",
    ERROR,
    Stage.CHECK,
    "a footnote defined in `letter.md` (`[^id]: …` or `^[…]`); its text belongs in `footnotes.yaml`",
)
FOOTNOTE_UNDEFINED = _rule(
    "footnote-undefined",
    ERROR,
    Stage.CHECK,
    "`[^id]` in the letter with no such footnote; points at the reference",
)
FOOTNOTE_UNUSED = _rule(
    "footnote-unused",
    WARNING,
    Stage.CHECK,
    "a footnote the letter never refers to",
)
SIGNATORY_NAME_EMPTY = _rule(
    "signatory-name-empty",
    ERROR,
    Stage.CHECK,
    "a signatory whose name is blank",
)
SIGNATORY_DUPLICATE = _rule(
    "signatory-duplicate",
    ERROR,
    Stage.CHECK,
    "a signatory listed twice, compared after Unicode normalisation (NFKD), case folding, with accents "
    "and punctuation removed and spaces collapsed; names both places",
)
COUNTRY_UNKNOWN = _rule(
    "country-unknown",
    ERROR,
    Stage.CHECK,
    "a country that is not an ISO 3166-1 alpha-2 code (`NO` stays Norway: values are read as written)",
)
URL_INVALID = _rule(
    "url-invalid",
    ERROR,
    Stage.CHECK,
    "a URL that is not an absolute `http(s)` address, a `#` placeholder, or holds a space (links in the "
    "letter and footnotes may also be `mailto:`)",
)
URL_INSECURE = _rule(
    "url-insecure",
    WARNING,
    Stage.CHECK,
    "an `http://` URL where `https://` is usual",
)
WHITESPACE_STRAY = _rule(
    "whitespace-stray",
    WARNING,
    Stage.CHECK,
    "a double space, a leading or trailing space, or a space before a comma, in the letter's text or a "
    "text value (title, place, names, locations, salutations, footnotes)",
)
HTML_RAW = _rule(
    "html-raw",
    WARNING,
    Stage.CHECK,
    "raw HTML in the letter or a footnote, which is left out of every output (HTML comments are fine)",
)
IMAGE_REFUSED = _rule(
    "image-refused",
    WARNING,
    Stage.CHECK,
    "an image from outside the project (a URL, an absolute path), which is left out",
)
TEXT_CONTROL = _rule(
    "text-control",
    ERROR,
    Stage.CHECK,
    "an invisible control character in `letter.md` or a CSV file (YAML rejects them as syntax errors)",
)
CSV_HEADER = _rule(
    "csv-header",
    ERROR,
    Stage.READ,
    "a CSV header with an unknown, unnamed or repeated column, or without `name`",
)
CSV_ROW = _rule(
    "csv-row",
    ERROR,
    Stage.READ,
    "a CSV row with more cells than the header has columns",
)
CSV_SYNTAX = _rule(
    "csv-syntax",
    ERROR,
    Stage.READ,
    'a CSV row with broken quoting (`"Amnesty" International`, a quote never closed); the other rows are still checked',
)
IMAGE_UNREADABLE = _rule(
    "image-unreadable",
    WARNING,
    Stage.RENDER,
    "an image in the project that cannot be read or is not a PNG, JPEG, GIF, WebP or SVG file; it is left out",
)
URL_REFUSED = _rule(
    "url-refused",
    WARNING,
    Stage.RENDER,
    "something only rendering sees (an SVG image that itself points at a web address or another file) "
    "asks for a file outside the project or the network; it is left out",
)
FOOTNOTE_MISPLACED = _rule(
    "footnote-misplaced",
    WARNING,
    Stage.RENDER,
    "the PDF could not print a footnote on the page that calls it, even after laying the letter out again",
)
GLYPH_MISSING = _rule(
    "glyph-missing",
    WARNING,
    Stage.RENDER,
    "characters that no font available to the PDF can draw, which would print as empty boxes; "
    "names the first signatory that uses them",
)


def all_rules() -> tuple[Rule, ...]:
    return tuple(_REGISTRY.values())


def by_id(rule_id: str) -> Rule | None:
    return _REGISTRY.get(rule_id)


def markdown_table() -> str:
    """The README's table of rules, in registry order."""
    lines = ["| rule | severity | reported when |", "| --- | --- | --- |"]
    for rule in _REGISTRY.values():
        severity = f"{rule.severity} (exit 2)" if rule.unreadable else str(rule.severity)
        lines.append(f"| `{rule.id}` | {severity} | {rule.summary} |")
    return "\n".join(lines)
