"""One registry of formats, engines and paper sizes (`petitioncli.formats`), from option to renderer."""

from __future__ import annotations

import json
import subprocess
import sys

import pytest

from petitioncli.build import BuildOptions, build
from petitioncli.diagnostics import PetitionError
from petitioncli.formats import ENGINES, FORMATS, Engine, Format
from projects import petition, write_project


def test_every_format_and_engine_has_its_renderer():
    assert set(FORMATS) == set(Format)
    assert set(ENGINES) == set(Engine)


def test_the_command_line_offers_exactly_the_registry(tmp_path):
    help_text = petition("build", "--help").stdout
    assert "<pdf|txt|html|docx>" in help_text
    assert "<weasyprint|typst>" in help_text
    assert "<a4|letter>" in help_text


def test_the_manifest_schema_offers_exactly_the_engines(tmp_path):
    assert petition("schema", "--output", tmp_path).exit_code == 0
    schema = json.loads((tmp_path / "petition.schema.json").read_text(encoding="utf-8"))
    assert schema["properties"]["engine"]["enum"] == ["weasyprint", "typst", None]


@pytest.mark.parametrize(
    ("options", "message"),
    [
        ({"formats": ["odt"]}, "unknown format 'odt'; choose from pdf, txt, html, docx"),
        ({"formats": ["txt"], "paper": "legal"}, "unknown paper size 'legal'; choose from a4, letter"),
        ({"formats": ["txt"], "engine": "prince"}, "unknown PDF engine 'prince'; choose from weasyprint, typst"),
    ],
)
def test_the_library_refuses_a_choice_it_does_not_know_naming_the_choices(tmp_path, options, message):
    project = write_project(tmp_path / "p", {})
    with pytest.raises(PetitionError) as refused:
        build(project / "petition.yaml", BuildOptions(output_dir=tmp_path / "out", **options))
    assert str(refused.value) == message
    assert not (tmp_path / "out").exists()


def test_the_library_takes_choices_as_plain_strings(tmp_path):
    project = write_project(tmp_path / "p", {})
    outcome = build(project / "petition.yaml", BuildOptions(formats=["TXT", "html"], output_dir=tmp_path / "out"))
    assert sorted(path.suffix for path in (tmp_path / "out").iterdir()) == [".html", ".txt"]
    assert [built.format for built in outcome.files] == ["txt", "html"]


def test_a_renderer_is_imported_only_when_its_format_is_asked_for():
    probe = (
        "import sys, petitioncli.build, petitioncli.cli\n"
        "renderers = ('petitioncli.render.text', 'petitioncli.render.html', 'petitioncli.render.pdf', 'weasyprint', "
        "'petitioncli.render.typst_engine', 'typst', 'petitioncli.render.docx', 'docx', 'petitioncli.preview', "
        "'watchfiles')\n"
        "print(sorted(m for m in sys.modules if m.startswith(renderers)))"
    )
    found = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True, check=True)
    assert found.stdout == "[]\n"
