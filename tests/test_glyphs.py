"""glyph-missing: `check` finds the characters the PDF would print as empty boxes, and agrees with the PDF."""

from __future__ import annotations

import json
import logging
import re

import pypdf
import pytest

from petitioncli.build import BuildOptions, build
from petitioncli.checks.glyphs import font_package
from petitioncli.font_coverage import DRAWN_WITHOUT_LOOKING, shipped_characters
from projects import ENGINES, build_pdf, pdf_text, petition, write_project

# Drawn by Noto Serif; by a font of this machine or none; by no font anywhere (private use).
NAMES = ["Société Générale", "Braille ⠿ Club", "Runic ᚠ Guild", "Glyphless \U000f0001 Society", "Ελληνική Ένωση"]


def test_what_check_takes_for_granted_is_in_the_shipped_font():
    assert shipped_characters() >= DRAWN_WITHOUT_LOOKING


def test_check_names_what_no_font_draws_and_build_prints_no_box(tmp_path):
    signatories = "".join(f"- name: {name}\n" for name in NAMES)
    project = write_project(tmp_path / "letter", {"signatories.yaml": signatories})
    result = petition("check", project, "--output-format", "json")
    assert result.exit_code == 0
    (problem,) = [d for d in json.loads(result.stdout) if d["rule"] == "glyph-missing"]
    reported = set(re.search(r"fonts: (.*?);", problem["message"]).group(1).split())
    assert "\U000f0001" in reported and "é" not in reported and "Ε" not in reported

    class Boxes(logging.Handler):
        def __init__(self):
            super().__init__(logging.WARNING)
            self.characters: set[str] = set()

        def emit(self, record):
            if str(record.msg).startswith(".notdef glyph"):
                self.characters.add(str(record.args[0]))

    boxes = Boxes()
    logging.getLogger("weasyprint").addHandler(boxes)
    try:
        outcome = build(project / "petition.yaml", BuildOptions(output_dir=tmp_path / "out"))
    finally:
        logging.getLogger("weasyprint").removeHandler(boxes)
    assert not outcome.failed
    assert boxes.characters == set(), "what check reported prints as the replacement mark, never as a box"


@pytest.mark.parametrize("engine", ENGINES)
def test_a_run_of_characters_no_font_draws_prints_as_one_mark_inside_the_margins(tmp_path, engine):
    # Private use: no font on any machine draws these, so the test does not depend on the machine's fonts.
    signatories = '- name: "Glyphless \U000f0001\U000f0002 Society"\n- name: "' + "\U000f0003" * 400 + '"\n'
    project = write_project(tmp_path / "letter", {"signatories.yaml": signatories})
    pdf = build_pdf(project, tmp_path / "out", engine)
    text = pdf_text(pdf)
    assert "Glyphless \ufffd Society" in text
    assert text.count("\ufffd") == 2
    width = float(pypdf.PdfReader(pdf).pages[0].mediabox.width)
    assert all(x < width - 50 for x in printed_starts(pdf))


def printed_starts(pdf) -> list[float]:
    starts: list[float] = []

    def start(text, cm, tm, font, size):
        if text.strip():
            starts.append(cm[0] * tm[4] + cm[2] * tm[5] + cm[4])

    pypdf.PdfReader(pdf).pages[0].extract_text(visitor_text=start)
    return starts


def test_check_names_the_font_package_for_each_script():
    assert font_package({"😀"}) == "fonts-noto-color-emoji (Noto Color Emoji) for emoji"
    assert font_package({"Ꮳ"}) == "fonts-noto-core (Noto's fonts for most other scripts)"
    assert font_package({"中", "😀", "Ꮳ", "\U000f0001"}) == (
        "fonts-noto-color-emoji (Noto Color Emoji) for emoji, "
        "fonts-noto-cjk (Noto Serif CJK) for Chinese, Japanese and Korean, "
        "fonts-noto-core (Noto's fonts for most other scripts)"
    )
    assert font_package({"\U000f0001"}).startswith("none: no published font draws private-use characters")
