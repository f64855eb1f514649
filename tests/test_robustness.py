"""No input makes check or build crash: property-based tests with Hypothesis.

Any bytes, any YAML document and any Markdown, put into any file of a
project, end in a clean list of problems with places inside the files, or in
a clean letter that the text renderer prints.
"""

from __future__ import annotations

import datetime as dt
import io
import re
import shutil
import tempfile
from pathlib import Path

import pytest
import yaml
from hypothesis import given, settings
from hypothesis import strategies as st
from rich.console import Console

from petitioncli.build import validate
from petitioncli.diagnostics import Diagnostic
from petitioncli.edition import make_edition
from petitioncli.loader.files import split_lines, yaml_lines
from petitioncli.render.text import render_text
from petitioncli.report import print_human, to_github, to_json
from petitioncli.rules import Severity
from test_check_corpus import BASE

YAML_FILES = ("petition.yaml", "footnotes.yaml", "signatories.yaml", "recipients.yaml")
FILES = (*YAML_FILES, "letter.md")
RULE = re.compile(r"[a-z]+(-[a-z]+)*")
CONTROL = re.compile("[\x00-\x09\x0b-\x1f\x7f-\x9f]")
# The number of examples comes from the profile conftest.py loads: `make fuzz` runs many more.
SETTINGS = settings()


def check_project(files: dict[str, bytes | str | None]) -> None:
    """Writes `files` over the base project, then checks and, when clean, prints it."""
    with tempfile.TemporaryDirectory() as folder:
        project = Path(folder) / "letter"
        shutil.copytree(BASE, project)
        for name, content in files.items():
            path = project / name
            if content is None:
                path.unlink(missing_ok=True)
            elif isinstance(content, bytes):
                path.write_bytes(content)
            else:
                path.write_text(content, encoding="utf-8", newline="")
        result = validate(project / "petition.yaml", date=dt.date(2020, 1, 15))
        assert_clean_report(result.diagnostics, project)
        if not result.diagnostics.errors:
            letter = result.letter
            for rid in letter.recipients:
                text = render_text(make_edition(letter, rid, dt.date(2020, 1, 15), draft=True))
                assert letter.manifest.title in text


def assert_clean_report(diagnostics: list[Diagnostic], project: Path) -> None:
    for d in diagnostics:
        assert isinstance(d, Diagnostic)
        assert d.severity in (Severity.ERROR, Severity.WARNING)
        assert RULE.fullmatch(d.rule.id), d.rule
        assert isinstance(d.message, str) and d.message
        assert d.pos.line >= 1 and d.pos.column >= 1
        if d.pos.file.is_file():
            text = d.pos.file.read_bytes().decode("utf-8", errors="replace")
            assert d.pos.line <= max(len(yaml_lines(text)), len(split_lines(text))) + 1, d
        assert d.pos.file.resolve().is_relative_to(project.resolve())
    # Every output format copes with whatever the messages quote, one line a problem.
    to_json(diagnostics)
    assert to_github(diagnostics).count("\n") == max(len(diagnostics) - 1, 0)
    human = io.StringIO()
    print_human(Console(file=human), diagnostics, files_checked=5)
    assert not CONTROL.search(human.getvalue())


# --- strategies ------------------------------------------------------------

scalars = st.one_of(
    st.none(),
    st.booleans(),
    st.integers(min_value=-(10**40), max_value=10**40),
    st.floats(allow_nan=True, allow_infinity=True),
    st.text(max_size=30),
    st.dates(),
    st.sampled_from(["", "~", "NO", "yes", "2021-13-45", "2017-09-05", "#", "http://x.org", "https://x.org/a b"]),
)
keys = st.one_of(
    st.sampled_from(
        [
            "name",
            "location",
            "url",
            "country",
            "status",
            "affiliation",
            "title",
            "place",
            "recipient",
            "body",
            "footnotes",
            "signatories",
            "recipients",
            "salutation",
            "address",
            "date",
            "language",
            "slug",
            "board",
            "report",
            "signatories_order",
            "keywords",
        ]
    ),
    st.text(max_size=10),
)
documents = st.recursive(
    scalars,
    lambda children: st.one_of(st.lists(children, max_size=5), st.dictionaries(keys, children, max_size=6)),
    max_leaves=25,
)
markdown_pieces = st.one_of(
    st.sampled_from(
        [
            "[^report]",
            "[^nope]",
            "[^",
            "]:",
            "^[",
            "]",
            "[",
            "(",
            ")",
            "](",
            "[a](#)",
            "[b](http://x.org)",
            "![i](x.png)",
            "![j](https://x.org/i.png)",
            "<https://x.org/ä>",
            "<div>",
            "</div>",
            "<!--",
            "-->",
            "<b>",
            "`",
            "``",
            "*",
            "_",
            "\\",
            "&amp;",
            "&#0;",
            "- ",
            "1. ",
            "> ",
            "# ",
            "    ",
            "\t",
            "  ",
            " ,",
            "\n",
            "\n\n",
            "\r\n",
            "\r",
            "\x00",
            "\u2028",
            "\ufeff",
            "[ref]: https://x.org\n",
            "[ref]",
            "---\n",
        ]
    ),
    st.text(max_size=6),
)
markdown = st.lists(markdown_pieces, max_size=40).map("".join)
csv_text = st.lists(
    st.one_of(
        st.sampled_from(
            [
                ",",
                '"',
                "\n",
                "\r\n",
                "\r",
                "name",
                "location",
                "status",
                "url",
                "country",
                "confirmed",
                "maybe",
                "NL",
                "http://x.org",
                " ",
                "\x00",
                "\ufeff",
            ]
        ),
        st.text(max_size=5),
    ),
    max_size=40,
).map("".join)


# --- properties ------------------------------------------------------------


@SETTINGS
@given(name=st.sampled_from(FILES), data=st.binary(max_size=600))
def test_any_bytes_in_any_file(name, data):
    check_project({name: data})


@SETTINGS
@given(name=st.sampled_from(FILES), text=st.text(max_size=300))
def test_any_text_in_any_file(name, text):
    check_project({name: text})


@SETTINGS
@given(name=st.sampled_from(YAML_FILES), document=documents)
def test_any_yaml_document_in_any_yaml_file(name, document):
    check_project({name: yaml.safe_dump(document, allow_unicode=True)})


@SETTINGS
@given(entries=st.lists(st.dictionaries(keys, scalars, max_size=5), max_size=8))
def test_any_signatory_entries(entries):
    check_project({"signatories.yaml": yaml.safe_dump(entries, allow_unicode=True)})


@SETTINGS
@given(
    entries=st.lists(
        st.fixed_dictionaries(
            {"name": st.text(min_size=1, max_size=30)},
            optional={
                "location": st.text(max_size=20),
                "affiliation": st.text(max_size=20),
                "status": st.sampled_from(["confirmed", "pending", "withdrawn"]),
                "country": st.sampled_from(["NL", "GB", "NO", "XK"]),
                "url": st.sampled_from(["https://example.org", "https://example.org/ä?q=1#top"]),
            },
        ),
        max_size=12,
    ),
    order=st.sampled_from(["as-listed", "alphabetical"]),
)
def test_any_well_formed_signatories_print(entries, order):
    manifest = (BASE / "petition.yaml").read_text() + f"signatories_order: {order}\n"
    check_project({"petition.yaml": manifest, "signatories.yaml": yaml.safe_dump(entries, allow_unicode=True)})


@SETTINGS
@given(fields=st.dictionaries(keys, scalars, max_size=8))
def test_any_manifest_fields(fields):
    manifest = {"title": "Letter", "place": "Amsterdam", "recipient": "board", **fields}
    check_project({"petition.yaml": yaml.safe_dump(manifest, allow_unicode=True)})


@SETTINGS
@given(body=markdown, note=markdown)
def test_any_markdown_in_the_letter_and_its_notes(body, note):
    check_project({"letter.md": body, "footnotes.yaml": yaml.safe_dump({"report": note}, allow_unicode=True)})


@SETTINGS
@given(text=csv_text)
def test_any_csv_signatories(text):
    manifest = (BASE / "petition.yaml").read_text() + "signatories: signatories.csv\n"
    check_project({"petition.yaml": manifest, "signatories.csv": "name,location,country,url,status\n" + text})


# --- inputs known to break YAML loaders ------------------------------------

BILLION_LAUGHS = 'a: &a ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]\n' + "".join(
    f"{chr(98 + i)}: &{chr(98 + i)} [{','.join(['*' + chr(97 + i)] * 9)}]\n" for i in range(8)
)


@pytest.mark.parametrize(
    ("name", "content", "rule"),
    [
        ("signatories.yaml", BILLION_LAUGHS, "yaml-alias"),
        ("recipients.yaml", "board: &b\n  name: The Board\n  salutation: Dear all,\n  address: *b\n", "yaml-alias"),
        ("signatories.yaml", "&a [*a]\n", "yaml-alias"),
        ("signatories.yaml", "- name: " + "9" * 100_000 + "\n", None),
        ("signatories.yaml", "- name: !!binary aGVsbG8=\n", "yaml-tag"),
        ("signatories.yaml", "- !!python/object/apply:os.system [echo pwned]\n", "yaml-tag"),
        ("petition.yaml", "!!python/object:builtins.dict {}\n", "yaml-tag"),
        ("signatories.yaml", "- name: Amnesty\x00\n", "yaml-syntax"),
        ("letter.md", "We write\x00[^report].\n", "text-control"),
        ("signatories.yaml", "[" * 5000 + "]" * 5000, "yaml-syntax"),
        ("letter.md", ">" * 5000 + " deep[^report]\n", "markdown-too-deep"),
        ("letter.md", "*" * 20000 + "[^report]\n", None),
        ("signatories.yaml", b"\xef\xbb\xbf- name: Amnesty\r\n  location: London\r\n", None),
        ("footnotes.yaml", "report: x\n---\nreport: y\n", "yaml-syntax"),
    ],
    ids=[
        "billion-laughs",
        "alias-in-recipients",
        "recursive-alias",
        "huge-integer",
        "binary-tag",
        "python-object",
        "python-object-manifest",
        "nul-in-yaml",
        "nul-in-markdown",
        "deep-flow-nesting",
        "deep-quotes",
        "many-emphasis-marks",
        "bom-and-crlf",
        "two-documents",
    ],
)
def test_hostile_yaml_and_markdown(name, content, rule):
    with tempfile.TemporaryDirectory() as folder:
        project = Path(folder) / "letter"
        shutil.copytree(BASE, project)
        path = project / name
        path.write_bytes(content if isinstance(content, bytes) else content.encode())
        diagnostics = validate(project / "petition.yaml").diagnostics
        assert_clean_report(diagnostics, project)
        assert {d.rule.id for d in diagnostics if d.is_error} == ({rule} if rule else set())


def test_python_tags_are_never_constructed(tmp_path):
    project = tmp_path / "letter"
    shutil.copytree(BASE, project)
    marker = tmp_path / "pwned"
    (project / "signatories.yaml").write_text(f"- name: !!python/object/apply:os.system ['touch {marker}']\n")
    validate(project / "petition.yaml")
    assert not marker.exists()


def test_a_folder_where_each_file_should_be(tmp_path):
    for name in FILES[1:]:
        project = tmp_path / name / "letter"
        shutil.copytree(BASE, project)
        (project / name).unlink()
        (project / name).mkdir()
        diagnostics = validate(project / "petition.yaml").diagnostics
        assert [(d.rule.id, d.pos.file.name) for d in diagnostics] == [("file-unreadable", "petition.yaml")]
        assert diagnostics.exit_code() == 2
