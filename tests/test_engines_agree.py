"""Whatever `check` accepts, both engines build, and a reader reads the same words in the same order.

`make test` runs a sample: the suite's own letters and a few corpus cases and
generated hostile letters. `make fuzz` (HYPOTHESIS_PROFILE=fuzz) runs every
corpus case `check` accepts, every edition of the repository's letter and many
more hostile letters. The differences accepted between the engines are listed
in one place, `DIFFERENCES` in engines_agree.py, each with its reason.
"""

from __future__ import annotations

import os
import shutil
import tempfile
from pathlib import Path

import pytest
from hypothesis import given, settings

from conftest import DATA
from engines_agree import DATE, assert_engines_agree
from petitioncli.build import validate
from projects import TYPST_MISSING
from test_check_corpus import BASE, CASES, make_project
from test_fuzz_build import projects, write_project

pytestmark = pytest.mark.skipif(TYPST_MISSING, reason="the typst extra is not installed")
EVERYTHING = os.environ.get("HYPOTHESIS_PROFILE") == "fuzz"
ACCEPTED = [case for case in CASES if case.exit_code == 0]
# Each a kind of letter the others are not: stray spaces, a link in a quote, an SVG image, a missing glyph.
SAMPLE = {
    "body-stray-spaces",
    "body-insecure-link-in-quote",
    "body-image-svg-with-script",
    "signatory-glyph-no-font-draws",
}


@pytest.mark.parametrize(
    "case", [case for case in ACCEPTED if EVERYTHING or case.id in SAMPLE], ids=lambda case: case.id
)
def test_every_accepted_corpus_case_prints_the_same_words_in_both_engines(case, tmp_path):
    project = make_project(tmp_path, case.files)
    assert_engines_agree(project / "petition.yaml", tmp_path / "out")


def test_the_base_letter_in_draft_prints_the_same_words_in_both_engines(tmp_path):
    project = tmp_path / "letter"
    shutil.copytree(BASE, project)
    assert_engines_agree(project / "petition.yaml", tmp_path / "out", draft=True)


def test_the_repository_letter_prints_the_same_words_in_both_engines(tmp_path):
    project = tmp_path / "iap"
    shutil.copytree(DATA, project)
    # One recipient's editions in `make test`, all of them in `make fuzz`.
    assert_engines_agree(project / "petition.yaml", tmp_path / "out", to="all" if EVERYTHING else "iap-leadership")


@settings(max_examples=max(3, settings.default.max_examples // 50), print_blob=True)
@given(project=projects)
def test_hostile_letters_print_the_same_words_in_both_engines(project):
    with tempfile.TemporaryDirectory() as scratch:
        manifest = write_project(Path(scratch) / "letter", project)
        if validate(manifest, date=DATE).diagnostics.errors:
            return
        assert_engines_agree(manifest, Path(scratch) / "out", draft=project["draft"])
