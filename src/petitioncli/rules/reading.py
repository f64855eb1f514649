"""Rules the loader reports: what stops a file from being read into the model."""

from __future__ import annotations

from .registry import ERROR, Stage, define

FILE_MISSING = define(
    "file-missing",
    ERROR,
    Stage.READ,
    "a file the manifest names (or a default one) does not exist; also an image in `letter.md` that is "
    "not in the project",
    unreadable=True,
)

FILE_UNREADABLE = define(
    "file-unreadable",
    ERROR,
    Stage.READ,
    "a folder or other non-file where a file should be, or a file that cannot be read",
    unreadable=True,
)

FILE_ENCODING = define(
    "file-encoding",
    ERROR,
    Stage.READ,
    "a file is not UTF-8 (a UTF-8 byte-order mark is fine); points at the first bad byte",
    unreadable=True,
)

FILE_TOO_LARGE = define(
    "file-too-large",
    ERROR,
    Stage.READ,
    'a file larger than its limit (see "Limits"): it is not read',
    unreadable=True,
)

FILE_EMPTY = define(
    "file-empty",
    ERROR,
    Stage.READ,
    "a file is empty, or a YAML file holds only comments",
)

FILE_OUTSIDE = define(
    "file-outside",
    ERROR,
    Stage.READ,
    "a path in the manifest leads outside the project folder, also through a symbolic link",
)

YAML_SYNTAX = define(
    "yaml-syntax",
    ERROR,
    Stage.READ,
    "YAML that cannot be parsed, with the place the parser stopped (and where an unclosed quote began); "
    "also several documents in one file",
)

YAML_TAB = define(
    "yaml-tab",
    ERROR,
    Stage.READ,
    "a tab where YAML needs indentation spaces",
)

YAML_DUPLICATE_KEY = define(
    "yaml-duplicate-key",
    ERROR,
    Stage.READ,
    "a key given twice in one mapping (YAML loaders silently keep the last)",
)

YAML_ALIAS = define(
    "yaml-alias",
    ERROR,
    Stage.READ,
    "an alias (`*name`): a few aliases can stand for gigabytes of text, so values are written out",
)

YAML_TAG = define(
    "yaml-tag",
    ERROR,
    Stage.READ,
    "an explicit tag such as `!!binary` or `!!python/object`: letter data is plain text, lists and "
    "mappings, and nothing is ever constructed",
)

MARKDOWN_TOO_DEEP = define(
    "markdown-too-deep",
    ERROR,
    Stage.READ,
    "lists, block quotes, emphasis and links in `letter.md` or a footnote nested deeper than the limit "
    '(see "Limits"); the text is not read',
)

FOOTNOTES_TOO_MANY = define(
    "footnotes-too-many",
    ERROR,
    Stage.READ,
    '`footnotes.yaml` defines more footnotes than the limit (see "Limits"); the file is not read',
)

TYPE_INVALID = define(
    "type-invalid",
    ERROR,
    Stage.READ,
    "a value of the wrong shape: a mapping where a list belongs (or the reverse), a list where text "
    "belongs, `- Amnesty` instead of `- name: Amnesty`",
)

KEY_UNKNOWN = define(
    "key-unknown",
    ERROR,
    Stage.READ,
    "a key the format does not know, with \"did you mean 'location'?\" when one is close",
)

FIELD_MISSING = define(
    "field-missing",
    ERROR,
    Stage.READ,
    "a required key is missing: `title` in the manifest; `name` for a signatory or a recipient",
)

FIELD_EMPTY = define(
    "field-empty",
    ERROR,
    Stage.READ,
    "a required value is blank, or a footnote has no text",
)

DATE_INVALID = define(
    "date-invalid",
    ERROR,
    Stage.READ,
    "a date that is not `YYYY-MM-DD`, or does not exist (`2021-13-45`)",
)

VALUE_UNKNOWN = define(
    "value-unknown",
    ERROR,
    Stage.READ,
    "`signatories_order` other than `as-listed`, `alphabetical` or `country`; a signatories file not ending in "
    "`.yaml`, `.yml` or `.csv`",
)

STATUS_UNKNOWN = define(
    "status-unknown",
    ERROR,
    Stage.READ,
    "a signatory status other than `confirmed`, `pending`, `withdrawn`",
)

CSV_HEADER = define(
    "csv-header",
    ERROR,
    Stage.READ,
    "a CSV header with an unknown, unnamed or repeated column, or without `name`",
)

CSV_ROW = define(
    "csv-row",
    ERROR,
    Stage.READ,
    "a CSV row with more cells than the header has columns",
)

CSV_SYNTAX = define(
    "csv-syntax",
    ERROR,
    Stage.READ,
    'a CSV row with broken quoting (`"Amnesty" International`, a quote never closed); the other rows are still checked',
)
