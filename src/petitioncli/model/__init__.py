"""The one model of a letter: the loader fills it, the checks read it, the renderers print it.

`Letter` is the project as written on disk. `Edition` is one letter ready to
print: a recipient and a date chosen, footnotes numbered, signatories filtered
and ordered. Renderers take an `Edition` and never read files themselves.

The records written by hand (`Manifest`, `Signatory`, `Recipient`) describe
their keys in `manifest.py` and `records.py`, once, in each field's `data(…)`: the readers
validate with these descriptions and `petition schema` publishes them.
"""

from .letter import Body, Edition, EditionGroup, Footnote, Group, Letter, NumberedFootnote, TranslatedTexts
from .manifest import LinksInPrint, Manifest, NoDate, RuleSettings, SignatoryGroup, SignatoryOrder, Translation
from .records import Located, Recipient, Signatory, SignatoryLink, Status

__all__ = [
    "Body",
    "Edition",
    "EditionGroup",
    "Footnote",
    "Group",
    "Letter",
    "LinksInPrint",
    "Located",
    "Manifest",
    "NoDate",
    "NumberedFootnote",
    "Recipient",
    "RuleSettings",
    "Signatory",
    "SignatoryGroup",
    "SignatoryLink",
    "SignatoryOrder",
    "Status",
    "TranslatedTexts",
    "Translation",
]
