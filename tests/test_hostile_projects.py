"""What a hostile project gets through when its own `rules:` silence the checks that would stop it.

`rules: ignore` may silence any rule but an unreadable file; the renderers
must still never print what the check was there to refuse: a
`javascript:` address as a link, an address Python cannot even split.
"""

from __future__ import annotations

import zipfile

import pypdf
import pytest

from projects import ENGINES, build, build_pdf, petition, write_project

MANIFEST = "title: Letter to the Board\nplace: Amsterdam\ndate: 2020-01-15\nrecipient: board\n"
SILENCED = "rules:\n  ignore: [url-invalid]\n"
SIGNATORIES = (
    "- name: Evil Org\n"
    "  url: 'javascript:alert(1)'\n"
    "  links:\n"
    "    - label: Click here\n"
    "      url: 'javascript:alert(2)'\n"
    "- name: Bracket Org\n"
    "  url: 'https://[oops'\n"
)


@pytest.fixture
def hostile(tmp_path):
    return write_project(tmp_path / "letter", {"petition.yaml": MANIFEST + SILENCED, "signatories.yaml": SIGNATORIES})


def test_a_silenced_javascript_address_is_never_a_link_in_the_page(hostile, tmp_path):
    page = build(hostile, tmp_path / "out", "html")["html"].read_text(encoding="utf-8")
    assert 'href="javascript:' not in page
    assert "Evil Org" in page
    assert "Click here" in page


def test_a_silenced_javascript_address_is_never_a_link_in_the_word_copy(hostile, tmp_path):
    document = build(hostile, tmp_path / "out", "docx")["docx"]
    with zipfile.ZipFile(document) as archive:
        relations = archive.read("word/_rels/document.xml.rels").decode()
        text = archive.read("word/document.xml").decode()
    assert "javascript:" not in relations
    assert "Bracket Org" in text


@pytest.mark.parametrize("engine", ENGINES)
def test_a_silenced_javascript_address_is_never_a_link_in_the_pdf(hostile, tmp_path, engine):
    pdf = build_pdf(hostile, tmp_path / "out", engine)
    actions = [
        str(annotation.get_object().get("/A", {}).get("/URI", ""))
        for page in pypdf.PdfReader(pdf).pages
        for annotation in page.get("/Annots") or []
    ]
    assert not [uri for uri in actions if uri.lower().startswith("javascript:")]


def test_a_control_character_in_a_link_or_a_noncharacter_in_a_name_stops_the_build_at_its_place(tmp_path):
    listing = (
        "- name: Good Org\n"
        "  links:\n"
        "    - label: 'a\\x02b'\n"
        "      url: https://example.org/\n"
        "- name: 'Other Org\\uFFFE'\n"
    )
    project = write_project(
        tmp_path / "letter", {"petition.yaml": MANIFEST, "signatories.yaml": listing.replace("'", '"')}
    )
    result = petition("build", project, "--format", "docx", "--output-dir", tmp_path / "out")
    assert result.exit_code == 1
    assert (
        "signatories.yaml:3:14: error: 'label' 'a\\u0002b' holds the invisible control character U+0002"
        in result.stderr
    )
    assert "signatories.yaml:5:9: error: 'name' 'Other Org" in result.stderr
    assert "holds the invisible control character U+FFFE; delete it [text-control]" in result.stderr
    assert "unexpected failure" not in result.stderr
    assert not (tmp_path / "out").exists()


def test_one_language_given_twice_but_for_case_is_one_error_at_the_second(tmp_path):
    """`fr` and `FR` are one language: their two editions would overwrite each other where case is not told apart."""
    entry = "    title: Lettre\n    place: Amsterdam\n    closing: Salutations\n    body: letter.md\n"
    manifest = MANIFEST + "translations:\n  fr:\n" + entry + "  FR:\n" + entry
    result = petition("check", write_project(tmp_path / "letter", {"petition.yaml": manifest}))
    assert result.exit_code == 1
    assert (
        "petition.yaml:11:3: error: translation 'FR' is the language of translation 'fr' again; give it once "
        "[language-invalid]" in result.stdout
    )


def test_an_emoji_code_in_a_name_given_is_printed_as_written(tmp_path, monkeypatch):
    """Rich reads `:x:` as ❌: a folder, a revision or a label named so must be shown as typed."""
    monkeypatch.chdir(tmp_path)
    result = petition("check", "a:x:b")
    assert result.exit_code == 2
    assert "petition: error: no letter project at a:x:b: no such file or folder" in result.stderr
