"""Links that survive print: where a link's text is not its address, print shows the address."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from projects import ENGINES, build, build_pdf, pdf_text, write_project

LETTER = """\
We write to you about the state of things[^report].

Read the [source](https://example.org/report) and <https://example.org/plain>.
"""


def project(folder: Path, mode: str | None) -> Path:
    manifest = "title: Letter\ndate: 2020-01-15\nrecipient: board\n" + (f"links_in_print: {mode}\n" if mode else "")
    return write_project(folder / "letter", {"petition.yaml": manifest, "letter.md": LETTER})


def letter(tmp_path, mode: str | None, *formats: str):
    return build(project(tmp_path, mode), tmp_path / "out", *formats)


def printed(tmp_path, mode: str | None, engine: str) -> str:
    folder = tmp_path / engine
    return flat(pdf_text(build_pdf(project(folder, mode), folder / "out", engine)))


@pytest.fixture(params=ENGINES)
def engine(request) -> str:
    return request.param


def flat(text: str) -> str:
    return " ".join(text.split())


def test_by_default_the_pdf_gives_the_address_a_footnote_numbered_with_the_others(tmp_path, engine):
    text = printed(tmp_path, None, engine)
    assert "Read the source2 and https://example.org/plain." in text
    assert re.search(
        r"1 See The State of Things, available at: https://example.org/report\. 2 <https://example.org/report>", text
    )


def test_the_text_letter_puts_the_address_after_the_link_text(tmp_path):
    text = flat(letter(tmp_path, None, "txt")["txt"].read_text(encoding="utf-8"))
    assert "Read the source <https://example.org/report> and https://example.org/plain." in text


def test_inline_prints_the_address_after_the_link_text(tmp_path, engine):
    text = printed(tmp_path, "inline", engine)
    assert "Read the source <https://example.org/report> and https://example.org/plain." in text
    assert "2 <https" not in text


def test_none_prints_the_link_text_alone(tmp_path, engine):
    txt = letter(tmp_path, "none", "txt")["txt"]
    for text in (printed(tmp_path, "none", engine), flat(txt.read_text(encoding="utf-8"))):
        assert "Read the source and https://example.org/plain." in text
        assert "<https://example.org/report>" not in text


def test_the_web_page_keeps_the_link_and_prints_the_address_only_on_paper(tmp_path):
    html = letter(tmp_path, None, "html")["html"].read_text(encoding="utf-8")
    assert '<a href="https://example.org/report">source</a><span class="fn fn-address" data-mark="2">' in html
    assert re.search(r"@media screen \{.*?\.fn, \.print-address \{ display: none; \}", html, re.S)


@pytest.mark.parametrize("mode", ["footnote", "inline"])
def test_a_link_in_a_footnote_shows_its_address_inline_in_print(tmp_path, mode, engine):
    manifest = f"title: Letter\ndate: 2020-01-15\nrecipient: board\nlinks_in_print: {mode}\n"
    notes = "report: See [the report](https://example.org/report).\n"
    project = write_project(tmp_path / "letter", {"petition.yaml": manifest, "footnotes.yaml": notes})
    text = flat(pdf_text(build_pdf(project, tmp_path / "out", engine)))
    assert "1 See the report <https://example.org/report>." in text
