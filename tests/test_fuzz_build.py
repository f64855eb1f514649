"""Whatever `check` accepts, `build` builds: generated letter projects, checked, then built as text, HTML and Word.

Run quickly in `make test`; `make fuzz` (HYPOTHESIS_PROFILE=fuzz) runs many
more examples. A failure here is a project check passed and build could not
make: the bug is in whichever of the two disagrees with the README.
"""

from __future__ import annotations

import base64
import datetime as dt
import re
import tempfile
from pathlib import Path

import docx
import yaml
from hypothesis import event, given, settings
from hypothesis import strategies as st

from petitioncli.build import BuildOptions, build, validate
from petitioncli.text import normalise_name
from test_check_corpus import SVG, SVG_USE_BOMB
from test_html import PIXEL
from test_robustness import markdown_pieces

DATE = dt.date(2020, 1, 15)
# What a terminal or a browser acts on, and what the HTML must never hold.
CONTROL = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f]")

# Mostly printable text, so that most projects pass check and are built; now and then anything at all.
printable = st.text(st.characters(blacklist_categories=("Cc", "Cs")), max_size=40)
texts = st.one_of(
    printable,
    st.sampled_from(["Amnesty International", "Ação Cidadã", "Правозащитный центр", "中国人权", "'quoted' \"text\""]),
)
required_texts = texts.map(lambda text: text if text.strip() else "Text")
NOTE_IDS = ("report", "a", "b-2", "ünï")
svgs = st.sampled_from(
    [
        SVG.format('<rect width="4" height="4" fill="#246"/>'),
        SVG.format('<script>alert(1)</script><a href="https://x.org"><rect width="1" height="1"/></a>'),
        SVG.format('<style>@import url(x.css); .a{fill:url(#g)}</style><use href="#nowhere"/>'),
        SVG_USE_BOMB,
        "<svg><unclosed>",
    ]
)
letter_pieces = st.sampled_from(
    ["![logo](logo.png)", "![svg](logo.svg)", *(f"[^{note}]" for note in NOTE_IDS), "\n\n- ", "\n\n> "]
)
# Pieces of Markdown that are an error by themselves, left to test_robustness.py.
ERRORS = ("[^nope]", "^[", "]:", "[a](#)", "[ref]")
clean_markdown = markdown_pieces.map(lambda piece: "" if piece in ERRORS else CONTROL.sub("", piece))
body_pieces = st.one_of(letter_pieces, texts, clean_markdown, clean_markdown, clean_markdown, markdown_pieces)
note_texts = st.lists(st.one_of(printable, clean_markdown), max_size=12).map("".join)
projects = st.fixed_dictionaries(
    {
        "manifest": st.fixed_dictionaries(
            {"title": required_texts, "place": required_texts, "recipient": st.just("board")},
            optional={
                "slug": st.from_regex(r"[a-z0-9][a-z0-9._-]{0,70}", fullmatch=True),
                "language": st.sampled_from(["en-GB", "en-US", "fr", "de", "ar", "zh-Hant", "ja"]),
                "signatories_order": st.sampled_from(["as-listed", "alphabetical"]),
                "sender": texts,
                "subject": texts,
                "keywords": st.lists(texts, max_size=3),
                "signatories_heading": texts,
            },
        ),
        "body": st.lists(body_pieces, max_size=30).map(lambda pieces: "We write. " + "".join(pieces)),
        "footnotes": st.fixed_dictionaries({note: note_texts.map(lambda text: text + " Note.") for note in NOTE_IDS}),
        "recipients": st.dictionaries(
            st.sampled_from(["board", "members", "x.y_z"]),
            st.fixed_dictionaries(
                {"name": required_texts, "salutation": required_texts},
                optional={"address": st.lists(texts, max_size=3)},
            ),
            min_size=1,
            max_size=2,
        ),
        "signatories": st.lists(
            st.fixed_dictionaries(
                {"name": required_texts},
                optional={
                    "location": texts,
                    "affiliation": texts,
                    "status": st.sampled_from(["confirmed", "pending", "withdrawn"]),
                    "country": st.sampled_from(["NL", "GB", "NO", "XK"]),
                    "url": st.sampled_from(["https://example.org", "https://example.org/ä?q=1#top"]),
                },
            ),
            max_size=8,
            unique_by=lambda signatory: normalise_name(signatory["name"]),
        ),
        "svg": svgs,
        "draft": st.booleans(),
    }
)


def write_project(folder: Path, project: dict) -> Path:
    folder.mkdir()
    recipients = dict(project["recipients"])
    recipients.setdefault("board", {"name": "The Board", "salutation": "Dear all,"})
    files = {
        "petition.yaml": yaml.safe_dump(project["manifest"], allow_unicode=True),
        "footnotes.yaml": yaml.safe_dump(project["footnotes"], allow_unicode=True) if project["footnotes"] else None,
        "recipients.yaml": yaml.safe_dump(recipients, allow_unicode=True),
        "signatories.yaml": yaml.safe_dump(project["signatories"], allow_unicode=True),
        "letter.md": project["body"],
        "logo.svg": project["svg"],
    }
    for name, content in files.items():
        if content is not None:
            (folder / name).write_text(content, encoding="utf-8", newline="")
    (folder / "logo.png").write_bytes(PIXEL)
    return folder / "petition.yaml"


@settings(max_examples=max(10, settings.default.max_examples // 4))
@given(project=projects)
def test_whatever_check_accepts_build_builds(project):
    with tempfile.TemporaryDirectory() as scratch:
        manifest = write_project(Path(scratch) / "letter", project)
        errors = validate(manifest, date=DATE).diagnostics.errors
        event(f"refused by check: {errors[0].rule.id}" if errors else "built")
        if errors:
            return
        out = Path(scratch) / "out"
        formats = ["txt", "html", "docx"]
        options = BuildOptions(formats=formats, to="all", date=DATE, output_dir=out, draft=project["draft"])
        outcome = build(manifest, options)
        assert not outcome.failed, outcome.diagnostics.errors
        recipients = yaml.safe_load((manifest.parent / "recipients.yaml").read_text())
        assert len(outcome.files) == len(formats) * len(recipients)
        for built in outcome.files:
            if built.format == "docx":
                # Word's XML holds no control character either: python-docx reads it back.
                docx.Document(built.path)
                continue
            text = built.path.read_text(encoding="utf-8")
            assert not CONTROL.search(text.replace("\t", "")), built.path.name
            if built.format == "html":
                assert "<script" not in text
                for encoded in re.findall(r"data:image/svg\+xml;base64,([^\"]+)", text):
                    svg = base64.b64decode(encoded).decode("utf-8")
                    assert "<script" not in svg and "https://x.org" not in svg and "@import" not in svg
