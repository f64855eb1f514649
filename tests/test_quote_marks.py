"""Each edition's quotation marks, from CLDR, the same in every format; names printed as written.

The expected strings are written out by hand from CLDR's delimiters
(cldr-misc-full 48), not produced by the code under test.
"""

from __future__ import annotations

import sys
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from projects import ENGINES, build, build_pdf, pdf_text, write_project

SENTENCE = "They called it \"fair\" and 'final'.\n"

# language -> how SENTENCE reads in that language's typography.
EXPECTED = {
    "en-GB": "They called it “fair” and ‘final’.",
    "sv": "They called it ”fair” and ’final’.",
    "nb": "They called it «fair» and ‘final’.",
    "ca": "They called it «fair» and “final”.",
    "hu": "They called it „fair” and »final«.",
    "ja": "They called it 「fair」 and 『final』.",
    "cs": "They called it „fair“ and ‚final‘.",
    "de": "They called it „fair“ and ‚final‘.",
    # French: « » with a narrow no-break space inside, for the inner quotes too.
    "fr": "They called it «\u202ffair\u202f» and «\u202ffinal\u202f».",
    # Swiss French sets its guillemets without the space, and ‹ › inside.
    "fr-CH": "They called it «fair» and ‹final›.",
}


def _project(root: Path, language: str, letter: str = SENTENCE) -> Path:
    manifest = f"title: Letter to the Board\nplace: Amsterdam\ndate: 2020-01-15\nlanguage: {language}\n"
    return write_project(root, {"petition.yaml": manifest, "letter.md": letter, "footnotes.yaml": None})


@pytest.mark.parametrize("language", list(EXPECTED))
def test_every_format_sets_the_quotation_marks_of_its_language(tmp_path, language):
    built = build(_project(tmp_path / "letter", language), tmp_path / "out", "txt", "html")
    text = built["txt"].read_text(encoding="utf-8")
    page = built["html"].read_text(encoding="utf-8")
    assert EXPECTED[language] in text
    assert f"<p>{EXPECTED[language]}</p>" in page


def test_escaped_quotes_stay_straight_in_every_language(tmp_path):
    letter = "The sign said \\\"closed\\\" and \\'gone\\'.\n"
    built = build(_project(tmp_path / "letter", "fr", letter), tmp_path / "out", "txt")
    assert "The sign said \"closed\" and 'gone'." in built["txt"].read_text(encoding="utf-8")


SPANISH = {
    "petition.yaml": """\
title: Letter to the "Board"
place: Amsterdam
date: 2020-01-15
recipient: board
closing: Yours sincerely,
signatories: signatories.yaml
translations:
  es:
    title: Carta a la "Junta"
    place: Ámsterdam
    body: letter.es.md
    closing: Atentamente,
""",
    "letter.md": 'We ask the "Board" to act.\n',
    "letter.es.md": 'Pedimos a la "Junta" que actúe.\n',
    "footnotes.yaml": None,
    "recipients.yaml": """\
board:
  name: The Board
  salutation:
    en-GB: Dear members of the Board,
    es: "Estimados miembros de la Junta:"
""",
    "signatories.yaml": """\
- name: Citizens & Technology "Open Lab" Foundation
- name: Jane Doe
  title: Director
  on_behalf_of: Amnesty International
- name: Human Rights Watch
  status: pending
""",
}


@pytest.fixture(scope="module")
def spanish(tmp_path_factory) -> dict[str, dict[str, str]]:
    """The letter and its Spanish edition, as a draft, in text and HTML."""
    root = tmp_path_factory.mktemp("spanish")
    project = write_project(root / "letter", SPANISH)
    built = {}
    for language in ("en-GB", "es"):
        files = build(project, root / language, "txt", "html", extra=("--lang", language, "--draft"))
        built[language] = {kind: path.read_text(encoding="utf-8") for kind, path in files.items()}
    return built


@pytest.mark.parametrize("kind", ["txt", "html"])
def test_a_signatory_name_prints_as_written_in_every_edition(spanish, kind):
    written = 'Citizens & Technology "Open Lab" Foundation'
    shown = written if kind == "txt" else written.replace("&", "&amp;").replace('"', "&#34;")
    for language in ("en-GB", "es"):
        assert shown in spanish[language][kind]
        assert "Open Lab”" not in spanish[language][kind]


def test_the_spanish_text_letter_has_spanish_quotes_and_words(spanish):
    text = spanish["es"]["txt"]
    assert text.startswith("BORRADOR\n\nCarta a la “Junta”\n\nÁmsterdam, 15 de enero de 2020\n")
    assert "Pedimos a la “Junta” que actúe.\n\nAtentamente,\n" in text
    assert "Jane Doe, Director, en nombre de Amnesty International\n" in text
    assert "Human Rights Watch (pendiente)\n" in text


def test_the_spanish_page_has_spanish_words(spanish):
    page = spanish["es"]["html"]
    # Eight letters where DRAFT has five: set at 5/8 of DRAFT's 110 pt, to stay on the page.
    assert '<div class="draft-mark" aria-hidden="true" style="--draft-points: 68.8pt">BORRADOR</div>' in page
    assert '<span class="status">(pendiente)</span>' in page
    assert "<h1>Carta a la “Junta”</h1>" in page


def test_the_english_draft_keeps_english_words(spanish):
    text = spanish["en-GB"]["txt"]
    assert text.startswith("DRAFT\n\nLetter to the “Board”\n")
    assert "Jane Doe, Director, on behalf of Amnesty International\n" in text
    assert "Human Rights Watch (pending)\n" in text


# What made inline Markdown quadratic (issue 24): each a paragraph of many short texts.
HOSTILE = {
    "emphasis": "*a* ",
    "quotes": "\"'",
    "notes": "[^source] x",
    "openers": '"a ',
    "closers": " b'",
}


def _operations(paragraph: str) -> int:
    """Lines of markdown/quotes.py run to set one paragraph's quotes: a count of work, not a time."""
    from petitioncli import markdown
    from petitioncli.language import quotes

    children = markdown.parse_inline(paragraph)
    marks = quotes("fr")
    source = markdown.quotes.__file__
    count = 0

    def trace(frame, event, arg):
        nonlocal count
        if frame.f_code.co_filename != source:
            return None
        if event == "line":
            count += 1
        return trace

    sys.settrace(trace)
    try:
        markdown.quote_inlines(children, marks)
    finally:
        sys.settrace(None)
    return count


@pytest.mark.parametrize("name", list(HOSTILE))
def test_quote_placement_does_ten_times_the_work_for_ten_times_the_text(name):
    small = _operations(HOSTILE[name] * 300)
    large = _operations(HOSTILE[name] * 3000)
    assert large <= 10.5 * small, (small, large)


@pytest.mark.parametrize("engine", ENGINES)
def test_the_spanish_draft_pdf_has_spanish_quotes_and_words(tmp_path, engine):
    project = write_project(tmp_path / "letter", SPANISH)
    pdf = build_pdf(project, tmp_path / "out", engine, "--lang", "es", "--draft")
    text = " ".join(pdf_text(pdf).split())
    assert "Carta a la “Junta”" in text
    # The mark is set letter-spaced: WeasyPrint's text reads "B O R R A D O R".
    assert "BORRADOR" in text.replace(" ", "") and "DRAFT" not in text.replace(" ", "")
    assert "en nombre de Amnesty International" in text
    assert "(pendiente)" in text
    assert 'Citizens & Technology "Open Lab" Foundation' in text


_STRAIGHT = str.maketrans({"“": '"', "”": '"', "‘": "'", "’": "'"})


_PIECES = st.sampled_from([*"ab \"'.-*_`()[]!\n1", "[^n]", "\\'", "**"])


@given(st.lists(_PIECES, max_size=40).map("".join))
def test_setting_quotes_changes_nothing_but_the_quotes(source):
    from petitioncli import markdown

    read = markdown.parse_document(source).blocks
    quoted = markdown.quote_blocks(read, ("“", "”", "‘", "’"))
    for before, after in zip(markdown.inline_containers(read), markdown.inline_containers(quoted), strict=True):
        kinds = [type(node) for node in markdown.walk_inlines(before.children)]
        assert kinds == [type(node) for node in markdown.walk_inlines(after.children)]
        assert markdown.plain_text(after.children).translate(_STRAIGHT) == markdown.plain_text(before.children)


@pytest.mark.parametrize(
    ("language", "line"),
    [
        ("de", "Jane Doe, Director, für Amnesty International"),
        ("sv", "Jane Doe, Director, för Amnesty International"),
        ("sr-Latn", "Jane Doe, Director, u ime Amnesty International"),
        ("pt-BR", "Jane Doe, Director, em nome de Amnesty International"),
    ],
)
def test_on_behalf_of_is_said_in_the_editions_language(tmp_path, language, line):
    signatories = "- name: Jane Doe\n  title: Director\n  on_behalf_of: Amnesty International\n"
    project = _project(tmp_path / "letter", language)
    (project / "signatories.yaml").write_text(signatories, encoding="utf-8")
    built = build(project, tmp_path / "out", "txt")
    assert f"\n{line}\n" in built["txt"].read_text(encoding="utf-8")
