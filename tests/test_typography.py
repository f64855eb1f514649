"""Typographic defects seen in real letters, each read back from the PDF."""

from __future__ import annotations

import itertools
from pathlib import Path

import pytest

from projects import ENGINES, build, build_pdf, pdf_text, printed_heights, write_project

FOOTNOTES = """\
report: |-
  Alpha line of the note\\
  Bravo line of the note
long: >-
  This note runs on over several lines so that the distance between two lines
  of one note can be measured where the text wraps by itself, without any break
  written in the source, and compared with the break that the author wrote.
"""
LETTER = """\
We write about Apple Inc.'s policy[^report] and the "so-called "experts"'" it quotes[^long].
"""


@pytest.fixture(scope="module")
def project(tmp_path_factory) -> Path:
    return write_project(
        tmp_path_factory.mktemp("typography") / "letter", {"letter.md": LETTER, "footnotes.yaml": FOOTNOTES}
    )


@pytest.fixture(scope="module", params=ENGINES)
def letter(project, tmp_path_factory, request) -> dict[str, Path]:
    """The page, and the PDF from each engine."""
    out = tmp_path_factory.mktemp("out")
    return {**build(project, out, "html"), "pdf": build_pdf(project, out / request.param, request.param)}


def test_an_apostrophe_after_a_full_stop_is_typographic(letter):
    text = pdf_text(letter["pdf"])
    assert "Apple Inc.’s policy" in text
    assert "Inc.'s" not in text


def test_a_quote_closed_after_another_closes_with_its_own_mark(letter):
    text = pdf_text(letter["pdf"])
    assert "“so-called “experts”’”" in text
    assert "'" not in text.split("Apple")[1].split("it quotes")[0]


def test_a_hard_break_in_a_footnote_starts_the_next_line_without_a_gap(letter):
    heights = printed_heights(letter["pdf"])
    alpha = next(y for text, y in heights if text.startswith("Alpha line"))
    bravo = next(y for text, y in heights if text.startswith("Bravo line"))
    wrapped = sorted({round(y, 1) for text, y in heights if y < bravo and "line" not in text}, reverse=True)
    line_step = min(upper - lower for upper, lower in itertools.pairwise(wrapped))
    assert alpha - bravo == pytest.approx(line_step, abs=0.5)
