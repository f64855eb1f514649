"""glyph-missing: `check` finds the characters the PDF would print as empty boxes, and agrees with the PDF."""

from __future__ import annotations

import json
import logging
import re

from petitioncli.build import BuildOptions, build
from petitioncli.font_coverage import DRAWN_WITHOUT_LOOKING, shipped_characters
from projects import petition, write_project

# Drawn by Noto Serif; by a font of this machine or none; by no font anywhere (private use).
NAMES = ["Société Générale", "Braille ⠿ Club", "Runic ᚠ Guild", "Glyphless \U000f0001 Society", "Ελληνική Ένωση"]


def test_what_check_takes_for_granted_is_in_the_shipped_font():
    assert shipped_characters() >= DRAWN_WITHOUT_LOOKING


def test_check_names_what_no_font_draws_and_build_prints_no_other_box(tmp_path):
    signatories = "".join(f"- name: {name}\n" for name in NAMES)
    project = write_project(tmp_path / "letter", {"signatories.yaml": signatories})
    result = petition("check", project, "--output-format", "json")
    assert result.exit_code == 0
    (problem,) = [d for d in json.loads(result.stdout) if d["rule"] == "glyph-missing"]
    reported = set(re.search(r"empty boxes: (.*?);", problem["message"]).group(1).split())
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
    assert boxes.characters == reported, "check and the PDF disagree on which characters print as boxes"
