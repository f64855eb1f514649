"""Every text the original prints has a form per translation, and `check` names any that is missing."""

from __future__ import annotations

import json
import tempfile
from pathlib import Path

from hypothesis import given
from hypothesis import strategies as st

from petitioncli.fields import translatable_specs
from petitioncli.model import Manifest
from projects import build, petition, write_project

ORIGINAL = """\
title: Letter to the Board
subtitle: A statement by two organisations
place: Amsterdam
date: 2020-01-15
recipient: board
sender: Open Lab
subject: The Board's minutes
keywords: [minutes, board]
signatories_heading: "Signed:"
letterhead: logo.png
letterhead_alt: The Open Lab's emblem
epigraph: epigraph.md
closing: Yours sincerely,
postscript: postscript.md
signatories:
  - heading: Organisations
    file: signatories.yaml
    count: true
"""

# The Spanish edition of every key above, one a line, so that a test can leave any one out.
SPANISH = {
    "title": "    title: Carta a la Junta\n",
    "subtitle": "    subtitle: Una declaración de dos organizaciones\n",
    "place": "    place: Ámsterdam\n",
    "sender": "    sender: Laboratorio Abierto\n",
    "subject": "    subject: Las actas de la Junta\n",
    "keywords": "    keywords: [actas, junta]\n",
    "signatories_heading": '    signatories_heading: "Firmado:"\n',
    "letterhead_alt": "    letterhead_alt: El emblema del Laboratorio Abierto\n",
    "epigraph": "    epigraph: epigraph.es.md\n",
    "closing": "    closing: Atentamente,\n",
    "postscript": "    postscript: postscript.es.md\n",
    "body": "    body: letter.es.md\n",
    "footnotes": "    footnotes: footnotes.es.yaml\n",
    "signatories": "    signatories:\n      - heading: Organizaciones\n",
}
METADATA = {"sender", "subject", "keywords"}

FILES = {
    "epigraph.md": "Nothing about us without us.\n",
    "epigraph.es.md": "Nada sobre nosotros sin nosotros.\n",
    "postscript.md": "Contact: the Open Lab.\n",
    "postscript.es.md": "Contacto: el Laboratorio Abierto.\n",
    "letter.md": "We write to you[^report].\n\nWe ask the Board to act.\n",
    "letter.es.md": "Le escribimos[^report].\n\nPedimos a la Junta que actúe.\n",
    "footnotes.es.yaml": "report: Véase el informe.\n",
    "recipients.yaml": "board:\n  name: The Board\n  salutation:\n    en: Dear members,\n    es: Estimados miembros,\n",
}


def _logo() -> bytes:
    from io import BytesIO

    from PIL import Image

    out = BytesIO()
    Image.new("RGB", (40, 10), "navy").save(out, format="PNG")
    return out.getvalue()


def _project(root: Path, left_out: str | None = None) -> Path:
    translation = "".join(line for key, line in SPANISH.items() if key != left_out)
    manifest = ORIGINAL + "translations:\n  es:\n" + translation
    return write_project(root, {"petition.yaml": manifest, "logo.png": _logo(), **FILES})


def _problems(project: Path) -> list[dict]:
    result = petition("check", project, "--output-format", "json")
    return json.loads(result.stdout)


def test_the_fixture_gives_every_translatable_key():
    assert set(SPANISH) == set(translatable_specs(Manifest))


def test_a_translation_of_every_key_checks_clean(tmp_path):
    result = petition("check", _project(tmp_path / "letter"), "--strict")
    assert result.exit_code == 0, result.stdout
    assert "No problems" in result.stdout


@given(st.sampled_from(sorted(SPANISH)))
def test_every_translatable_key_left_out_is_reported(key):
    with tempfile.TemporaryDirectory() as folder:
        problems = _problems(_project(Path(folder) / "letter", left_out=key))
    rule = "metadata-untranslated" if key in METADATA else "translation-missing"
    # Leaving out the footnotes also leaves the body's calls without a note: reported at each call.
    reported = [p for p in problems if p["rule"] == rule and Path(p["file"]).name == "petition.yaml"]
    assert len(reported) == 1, problems
    if key == "signatories":
        assert "'signatories'" in reported[0]["message"]
    else:
        assert f"'{key}'" in reported[0]["message"]
    # At the translation's own entry, `es:`.
    assert (Path(reported[0]["file"]).name, reported[0]["line"]) == ("petition.yaml", 20)


def test_the_spanish_edition_prints_no_english(tmp_path):
    project = _project(tmp_path / "letter")
    built = build(project, tmp_path / "out", "txt", "html", extra=("--lang", "es"))
    text = built["txt"].read_text(encoding="utf-8")
    page = built["html"].read_text(encoding="utf-8")
    english = ("Letter", "Amsterdam", "Signed", "Organisations", "Nothing about", "Contact:", "Yours", "We write")
    for word in english:
        assert word not in text and word not in page, word
    assert text.startswith("Carta a la Junta\n\nUna declaración de dos organizaciones\n\nÁmsterdam, 15 de enero")
    assert "Organizaciones (2)" in text and "Firmado:" in text
    assert 'alt="El emblema del Laboratorio Abierto"' in page
    assert '<meta name="author" content="Laboratorio Abierto">' in page


def test_the_closing_follows_the_last_paragraph_and_the_notes_end_the_letter(tmp_path):
    project = _project(tmp_path / "letter")
    built = build(project, tmp_path / "out", "txt", "html", extra=("--lang", "es"))
    text = built["txt"].read_text(encoding="utf-8")
    assert "Pedimos a la Junta que actúe.\n\nAtentamente,\n\nFirmado:\n" in text
    assert text.endswith("Contacto: el Laboratorio Abierto.\n\n--------------------\n[1] Véase el informe.\n")
    page = built["html"].read_text(encoding="utf-8")
    closing, notes, postscript = (page.index(s) for s in ('class="closing"', 'class="endnotes', 'class="postscript"'))
    assert page.index("Pedimos a la Junta") < closing < postscript < notes


def test_the_docs_page_lists_every_translatable_key_as_the_code_describes_it():
    from petitioncli.translatable import keys_page

    page = Path(__file__).resolve().parent.parent / "docs" / "reference" / "translatable-keys.md"
    assert page.read_text(encoding="utf-8") == keys_page(), "regenerate the docs page: make readme"
    for key in translatable_specs(Manifest):
        assert f"| `{key}" in page.read_text(encoding="utf-8")


def test_init_says_which_keys_are_translatable(run_cli, tmp_path):
    assert run_cli("init", tmp_path).exit_code == 0
    manifest = (tmp_path / "petition.yaml").read_text(encoding="utf-8")
    blocks = manifest.split("\n\n")
    for key in translatable_specs(Manifest):
        block = next(b for b in blocks if f"\n{key}:" in f"\n{b}" or f"\n# {key}:" in f"\n{b}")
        assert "Translatable" in block, key


def test_the_schema_takes_a_translation_of_every_key_and_refuses_a_group_file_in_one():
    import jsonschema
    import yaml

    schema = json.loads((Path(__file__).resolve().parent.parent / "schemas" / "petition.schema.json").read_text())
    manifest = yaml.safe_load(ORIGINAL + "translations:\n  es:\n" + "".join(SPANISH.values()))
    manifest["date"] = "2020-01-15"  # as an editor reads it: PyYAML alone makes it a date
    jsonschema.validate(manifest, schema)
    manifest["translations"]["es"]["signatories"][0]["file"] = "otra.csv"
    errors = list(jsonschema.Draft202012Validator(schema).iter_errors(manifest))
    assert errors and "'file' was unexpected" in errors[0].message


def test_the_translated_epigraph_is_checked_as_its_body_is(tmp_path):
    project = _project(tmp_path / "letter")
    (project / "epigraph.es.md").write_text("Nada sobre nosotros[^nadie].\n", encoding="utf-8")
    problems = _problems(project)
    assert [(p["rule"], Path(p["file"]).name, p["line"]) for p in problems] == [
        ("footnote-undefined", "epigraph.es.md", 1)
    ]
    assert "footnote 'nadie' is not defined" in problems[0]["message"]
