"""Rules the checks report: what is wrong with the content of a letter that was read."""

from __future__ import annotations

from .registry import ERROR, WARNING, Stage, define

ID_INVALID = define(
    "id-invalid",
    ERROR,
    Stage.CHECK,
    "a slug or recipient id that cannot be part of a file name (letters, digits, `.`, `_`, `-`), is longer "
    'than the limit (see "Limits"), or is the reserved id `all`',
)

RECIPIENT_UNKNOWN = define(
    "recipient-unknown",
    ERROR,
    Stage.CHECK,
    "the manifest's `recipient` is not defined in `recipients.yaml`",
)

LANGUAGE_INVALID = define(
    "language-invalid",
    ERROR,
    Stage.CHECK,
    "`language` is not a known BCP 47 tag",
)

DATE_FUTURE = define(
    "date-future",
    WARNING,
    Stage.CHECK,
    "the letter's date is after today",
)

FOOTNOTE_INLINE = define(
    "footnote-inline",
    ERROR,
    Stage.CHECK,
    "a footnote defined in `letter.md` (`[^id]: …` or `^[…]`); its text belongs in `footnotes.yaml`",
)

FOOTNOTE_UNDEFINED = define(
    "footnote-undefined",
    ERROR,
    Stage.CHECK,
    "`[^id]` in the letter with no such footnote; points at the reference",
)

FOOTNOTE_UNUSED = define(
    "footnote-unused",
    WARNING,
    Stage.CHECK,
    "a footnote the letter never refers to",
)

SIGNATORY_NAME_EMPTY = define(
    "signatory-name-empty",
    ERROR,
    Stage.CHECK,
    "a signatory whose name is blank",
)

SIGNATORY_DUPLICATE = define(
    "signatory-duplicate",
    ERROR,
    Stage.CHECK,
    "a signatory listed twice: the same name (compared after Unicode normalisation (NFKD), case folding, "
    "with accents removed, punctuation read as a space and spaces collapsed: `FORUM-ASIA` is `Forum Asia`) "
    "with the same URL or the same affiliation, or nothing that tells them apart; names both places. "
    "Signing personally and again `on_behalf_of` an organisation is not a duplicate",
)

SIGNATORY_NAMESAKE = define(
    "signatory-namesake",
    WARNING,
    Stage.CHECK,
    "a signatory with the same name as another, where both give a URL or an affiliation and these differ: "
    "possibly the same "
    "signatory, possibly two people (silence it with `noqa` once you know)",
)

SIGNATORY_NAME_SUSPECT = define(
    "signatory-name-suspect",
    WARNING,
    Stage.CHECK,
    'a signatory name that is a form\'s label ("Name", "Organisation", "Affiliation") or only one or '
    "two letters long: a header row or a slip copied from a form",
)

SIGNATORY_GROUP = define(
    "signatory-group",
    ERROR,
    Stage.CHECK,
    "a signatory's `group` names no group that reads its file, an entry of a file that several groups "
    "share says no `group`, or two groups of one file have the same heading",
)

COUNTRY_UNKNOWN = define(
    "country-unknown",
    ERROR,
    Stage.CHECK,
    "a country that is not an ISO 3166-1 alpha-2 code (`NO` stays Norway: values are read as written)",
)

URL_INVALID = define(
    "url-invalid",
    ERROR,
    Stage.CHECK,
    "a URL that is not an absolute `http(s)` address, a `#` placeholder, or holds a space (links in the "
    "letter and footnotes may also be `mailto:`)",
)

URL_TOO_LONG = define(
    "url-too-long",
    ERROR,
    Stage.CHECK,
    'a URL longer than a printed link can be (see "Limits"): Typst refuses one of 8,000 characters, and '
    "browsers and search engines do not all follow one past 2,000",
)

LINK_NOTES_TOO_MANY = define(
    "link-notes-too-many",
    ERROR,
    Stage.CHECK,
    "more links printed with their address as a note (`links_in_print: footnote`) than a letter may hold (see "
    '"Limits"): WeasyPrint lays the foot of a page out again for each note',
)

URL_INSECURE = define(
    "url-insecure",
    WARNING,
    Stage.CHECK,
    "an `http://` URL where `https://` is usual",
)

WHITESPACE_STRAY = define(
    "whitespace-stray",
    WARNING,
    Stage.CHECK,
    "a double space, a leading or trailing space, or a space before a comma, in the letter's text or a "
    "text value (title, place, names, locations, salutations, footnotes)",
)

TABLE_TOO_WIDE = define(
    "table-too-wide",
    ERROR,
    Stage.CHECK,
    'a table in the letter with more columns than a page can set side by side (see "Limits")',
)

HTML_RAW = define(
    "html-raw",
    WARNING,
    Stage.CHECK,
    "raw HTML in the letter or a footnote, which is left out of every output (HTML comments are fine)",
)

IMAGE_REFUSED = define(
    "image-refused",
    WARNING,
    Stage.CHECK,
    "an image from outside the project (a URL, an absolute path), which is left out",
)

IMAGE_UNREADABLE = define(
    "image-unreadable",
    WARNING,
    Stage.CHECK,
    "an image in the project that is not a PNG, JPEG, GIF, WebP or SVG file, whose header is damaged, or an SVG "
    "that is not well-formed or declares XML entities; it is left out",
)

IMAGE_TOO_LARGE = define(
    "image-too-large",
    ERROR,
    Stage.CHECK,
    'an image over a limit (see "Limits"): too many pixels, an SVG with too many elements or nested too deep '
    "once its references are followed (or one that refers to itself), or the letter's images together, each use "
    "counted",
)

URL_REFUSED = define(
    "url-refused",
    WARNING,
    Stage.CHECK,
    "an SVG image in the project that holds a script, an event handler, or a reference to a web address or "
    "another file (`href`, `url(…)`, `@import`): the image is embedded without them",
)

TEXT_CONTROL = define(
    "text-control",
    ERROR,
    Stage.CHECK,
    "an invisible control character (C0 other than tab and line breaks, DEL, C1) in `letter.md`, a CSV file "
    "or any text value, also one written as a YAML escape such as `\\e`",
    binding=True,
)

TEXT_INVISIBLE = define(
    "text-invisible",
    WARNING,
    Stage.CHECK,
    "a bidirectional override or isolate, a zero-width space, a word joiner or an invisible tag character in a "
    "value or CSV cell: unseen, it changes how a name reads or compares",
)
SIGNATORIES_NONE_CONFIRMED = define(
    "signatories-none-confirmed",
    WARNING,
    Stage.CHECK,
    "no signatory is confirmed (an empty list, or only pending and withdrawn entries): the letter would be printed "
    "without signatures",
)
TRANSLATION_MISSING = define(
    "translation-missing",
    ERROR,
    Stage.CHECK,
    "a translation lacks a text its edition would print where the original prints one (any translatable key: "
    "title, subtitle, place, closing, signatories heading, a group's heading, epigraph, postscript, letterhead "
    "text, body, footnotes), a file it names, a footnote the letter calls, or a recipient's salutation in its "
    "language",
)
METADATA_UNTRANSLATED = define(
    "metadata-untranslated",
    WARNING,
    Stage.CHECK,
    "a translation lacks the `sender`, `subject` or `keywords` the original gives: its PDF's metadata and web "
    "page's description would be the original's",
)
WORDS_UNTRANSLATED = define(
    "words-untranslated",
    WARNING,
    Stage.CHECK,
    'an edition\'s language has no form of the words the program prints itself (the draft mark, "pending", '
    '"on behalf of"): they would print in English',
)
TRANSLATION_MISMATCH = define(
    "translation-mismatch",
    ERROR,
    Stage.CHECK,
    "a translation's body differs from the original in its shape: another number of paragraphs or list items, "
    "or other footnote ids; points at the first place they part",
)

GLYPH_MISSING = define(
    "glyph-missing",
    WARNING,
    Stage.CHECK,
    "characters that neither the shipped Noto Serif nor any font on the machine (as fontconfig lists them) "
    "can draw; both engines print each run of them as one replacement mark; names the first signatory (or file) "
    "that uses them and the font package for their script",
)

PLACEHOLDER = define(
    "placeholder",
    WARNING,
    Stage.CHECK,
    "a value left as a placeholder: an address at example.com, example.org, example.net (or a subdomain) or "
    "localhost, or a value such as 'Your organisation', 'Your town', 'TBD', 'TODO', 'N/A', 'None', 'Anonymous'; "
    "`petition init`'s starter signatory and place are such values, so `check --strict` fails until they are replaced",
)

TEXT_GARBLED = define(
    "text-garbled",
    WARNING,
    Stage.CHECK,
    "an HTML entity (`&amp;`, `&#39;`) or mojibake (`Ã©` for `é`, `â€™` for `’`) in a signatory's text, "
    "left by a web form or a wrong encoding; the fixed text is suggested",
)

SIGNATORY_PUNCTUATION = define(
    "signatory-punctuation",
    WARNING,
    Stage.CHECK,
    "stray punctuation in a signatory's name: a trailing or doubled comma, a comma with no space after it "
    "between two words, or a degree (PhD, MD) glued on by a comma, which belongs in `title`",
)

SIGNATORY_SHIFTED = define(
    "signatory-shifted",
    WARNING,
    Stage.CHECK,
    "an entry whose values look shifted by a column (a spreadsheet row pasted one cell off): a country, or the "
    "name itself, as the title; an organisation as the title while the affiliation is empty",
)

SIGNATORY_ACCENTS = define(
    "signatory-accents",
    WARNING,
    Stage.CHECK,
    "two spellings of one signatory's name that differ only in accents; the one with fewer is likely the less correct",
)

PERSONAL_DATA = define(
    "personal-data",
    ERROR,
    Stage.CHECK,
    "personal data in a printed value: an e-mail address or a phone number in a signatory's text, or a user "
    "name, password or e-mail address in a URL; the letter is published, the list is shared",
)

SPREADSHEET_FORMULA = define(
    "spreadsheet-formula",
    ERROR,
    Stage.CHECK,
    "a value a spreadsheet would run as a formula (OWASP's CSV injection): in a CSV list, one starting with `=`, "
    "`+`, `-`, `@`, a tab or a carriage return; in YAML, one that looks like a formula (`=HYPERLINK(…)`, "
    "`@SUM(…)`, `+cmd|…`)",
)

NOQA_UNKNOWN = define(
    "noqa-unknown",
    WARNING,
    Stage.CHECK,
    "a `noqa` (a `# noqa:` comment in YAML, a signatory's `noqa` value or CSV column, a `<!-- noqa: -->` comment "
    "in Markdown) names a rule that does not exist; says the closest id",
)
NOQA_UNUSED = define(
    "noqa-unused",
    WARNING,
    Stage.CHECK,
    "a `noqa` names a rule that reports nothing there: the problem it silenced is gone, or it was never there",
)
