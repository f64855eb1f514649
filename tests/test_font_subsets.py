"""The web page embeds only the glyphs it uses, and the same glyphs every time."""

from __future__ import annotations

import base64
import io
import re

import pytest
from fontTools.ttLib import TTFont

from petitioncli.render.sandbox import FONTS
from projects import build, write_project


@pytest.fixture(scope="module")
def page(tmp_path_factory) -> str:
    root = tmp_path_factory.mktemp("subset")
    project = write_project(root / "statement", {})
    return build(project, root / "out", "html")["html"].read_text(encoding="utf-8")


def embedded_fonts(html: str) -> list[TTFont]:
    return [
        TTFont(io.BytesIO(base64.b64decode(data)))
        for data in re.findall(r'url\("data:font/woff;base64,([A-Za-z0-9+/=]+)"\)', html)
    ]


def test_a_short_letter_carries_kilobytes_of_font_not_a_megabyte(page):
    shipped = sum(path.stat().st_size for path in FONTS.glob("*.woff"))
    assert len(embedded_fonts(page)) == 4
    assert len(page.encode("utf-8")) < shipped / 10


def test_each_face_holds_the_glyphs_the_page_shows_and_no_others(page):
    for font in embedded_fonts(page):
        drawn = {chr(code) for code in font.getBestCmap()}
        assert set("Letter to the Board Amnesty International 2020 / 1") <= drawn
        assert "Ж" not in drawn and "Ω" not in drawn


def test_kerning_and_superior_figures_survive_the_subset(page):
    for font in embedded_fonts(page):
        features = {record.FeatureTag for record in font["GPOS"].table.FeatureList.FeatureRecord}
        assert "kern" in features
        substitutions = {record.FeatureTag for record in font["GSUB"].table.FeatureList.FeatureRecord}
        assert "sups" in substitutions


def test_the_subset_is_the_same_bytes_on_every_build(tmp_path, page):
    project = write_project(tmp_path / "statement", {})
    again = build(project, tmp_path / "out", "html")["html"].read_text(encoding="utf-8")
    assert again == page
