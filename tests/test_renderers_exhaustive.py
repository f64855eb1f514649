"""Every renderer handles every node of the closed `Block` and `Inline` unions, or fails loudly.

Each dispatch ends in `typing.assert_never`: mypy names a node type a
renderer forgot, and a node no union admits stops the build instead of
printing nothing.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

import pytest

from petitioncli.build import validate
from petitioncli.edition import make_edition
from petitioncli.render.docx_letter import _DocxWriter
from petitioncli.render.html_body import HtmlWriter
from petitioncli.render.text import _TextWriter
from petitioncli.render.typst_data import _Builder
from projects import BASE


@dataclass(frozen=True)
class Unknown:
    """A node type added to the tree that no renderer was taught."""

    text: str = "never printed"


@pytest.fixture(scope="module")
def edition():
    result = validate(BASE / "petition.yaml")
    return make_edition(result.letter, "board", dt.date(2020, 1, 15))


def test_the_text_letter_refuses_a_node_it_does_not_know(edition):
    writer = _TextWriter(edition, 72)
    with pytest.raises(AssertionError):
        writer.block(Unknown(), "")  # type: ignore[arg-type]
    with pytest.raises(AssertionError):
        writer.inline((Unknown(),))  # type: ignore[arg-type]


def test_the_web_page_refuses_a_node_it_does_not_know(edition):
    writer = HtmlWriter(edition, {})
    with pytest.raises(AssertionError):
        writer.block(Unknown())  # type: ignore[arg-type]
    with pytest.raises(AssertionError):
        writer.inline((Unknown(),))  # type: ignore[arg-type]


def test_the_typst_data_refuses_a_node_it_does_not_know(edition):
    builder = _Builder(edition, {})
    with pytest.raises(AssertionError):
        builder.block(Unknown())  # type: ignore[arg-type]
    with pytest.raises(AssertionError):
        builder.inline(Unknown(), False)  # type: ignore[arg-type]


def test_the_word_document_refuses_a_node_it_does_not_know(edition):
    writer = _DocxWriter(edition, "a4")
    with pytest.raises(AssertionError):
        writer.block(Unknown(), quoted=0, depth=0)  # type: ignore[arg-type]
    paragraph = writer.paragraph()
    with pytest.raises(AssertionError):
        writer.inline(paragraph._p, (Unknown(),), writer.document.part)  # type: ignore[arg-type]
