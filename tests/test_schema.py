"""`petition schema`: the committed schemas are current, and they judge YAML files as the loader does."""

from __future__ import annotations

import json
from pathlib import Path

import jsonschema
import pytest
import yaml

from conftest import DATA, REPO

SCHEMAS = REPO / "schemas"
FILES = {
    "petition.yaml": "petition.schema.json",
    "footnotes.yaml": "footnotes.schema.json",
    "signatories.yaml": "signatories.schema.json",
    "recipients.yaml": "recipients.schema.json",
}


class EditorLoader(yaml.SafeLoader):
    """Reads YAML as an editor hands it to a schema: numbers and booleans typed, dates left as text."""


EditorLoader.yaml_implicit_resolvers = {
    first: [(tag, pattern) for tag, pattern in resolvers if not tag.endswith(":timestamp")]
    for first, resolvers in yaml.SafeLoader.yaml_implicit_resolvers.items()
}


def schema_for(file_name: str) -> dict:
    return json.loads((SCHEMAS / FILES[file_name]).read_text(encoding="utf-8"))


def problems(file_name: str, text: str, validator=jsonschema.Draft202012Validator) -> list[str]:
    document = yaml.load(text, Loader=EditorLoader)
    return [error.message for error in validator(schema_for(file_name)).iter_errors(document)]


def test_the_committed_schemas_are_what_petition_schema_writes(run_cli, tmp_path):
    result = run_cli("schema", "--output", tmp_path / "out")
    assert result.exit_code == 0, result.stderr
    written = sorted(p.name for p in (tmp_path / "out").iterdir())
    assert written == sorted(p.name for p in SCHEMAS.iterdir()) == sorted(FILES.values())
    for name in written:
        assert (tmp_path / "out" / name).read_bytes() == (SCHEMAS / name).read_bytes(), (
            f"schemas/{name} is stale: run `make schemas`"
        )


def test_every_schema_is_a_valid_draft_2020_12_schema():
    for name in FILES.values():
        schema = json.loads((SCHEMAS / name).read_text(encoding="utf-8"))
        assert schema["$schema"] == "https://json-schema.org/draft/2020-12/schema"
        jsonschema.Draft202012Validator.check_schema(schema)


@pytest.mark.parametrize("validator", [jsonschema.Draft202012Validator, jsonschema.Draft7Validator])
@pytest.mark.parametrize("file_name", sorted(FILES))
def test_the_iap_letter_is_valid(file_name, validator):
    # Draft-07 too: the VS Code YAML extension validates with a draft-07 engine.
    assert problems(file_name, (DATA / file_name).read_text(encoding="utf-8"), validator) == []


def check(run_cli, project: Path, file_name: str, text: str):
    (project / file_name).write_text(text, encoding="utf-8")
    return run_cli("check", project)


def test_a_signatory_without_a_name_is_rejected_by_the_schema_and_by_check(run_cli, iap_project):
    text = "- name: Amnesty International\n- location: London\n"
    assert problems("signatories.yaml", text) == ["'name' is a required property"]
    result = check(run_cli, iap_project, "signatories.yaml", text)
    assert result.exit_code == 1
    assert "[field-missing]" in result.stdout


def test_an_unknown_manifest_key_is_rejected_by_the_schema_and_by_check(run_cli, iap_project):
    text = (DATA / "petition.yaml").read_text(encoding="utf-8") + "lcation: The Hague\n"
    assert problems("petition.yaml", text) == ["Additional properties are not allowed ('lcation' was unexpected)"]
    result = check(run_cli, iap_project, "petition.yaml", text)
    assert result.exit_code == 1
    assert "unknown key 'lcation'" in result.stdout


def test_values_yaml_types_are_text_to_both(run_cli, iap_project):
    # An editor reads 1999 as a number and (YAML 1.1) NO as false; the loader
    # reads both as written, so neither may be refused.
    text = '- name: 1999\n  country: NO\n- name: "Article 19"\n  location:\n'
    assert problems("signatories.yaml", text) == []
    assert check(run_cli, iap_project, "signatories.yaml", text).exit_code == 0


@pytest.mark.parametrize(
    ("file_name", "text", "rule"),
    [
        ("signatories.yaml", "- name: Amnesty\n  status: signed\n", "status-unknown"),
        ("signatories.yaml", "- Amnesty International\n", "type-invalid"),
        ("recipients.yaml", "iap-leadership:\n  name: IAP\n  salutation: '  '\n", "field-empty"),
        ("recipients.yaml", "iap-leadership:\n  name: IAP\n  salutation: Dear all,\n  adress: [x]\n", "key-unknown"),
        ("footnotes.yaml", "unused: ''\n", "field-empty"),
    ],
)
def test_what_check_refuses_in_shape_the_schema_refuses(run_cli, iap_project, file_name, text, rule):
    assert problems(file_name, text) != []
    result = check(run_cli, iap_project, file_name, text)
    assert f"[{rule}]" in result.stdout


def test_a_date_must_be_written_yyyy_mm_dd():
    manifest = (DATA / "petition.yaml").read_text(encoding="utf-8")
    assert problems("petition.yaml", manifest.replace("date: 2017-09-05", "date: 5 September 2017")) != []
    assert problems("petition.yaml", manifest.replace("date: 2017-09-05", "date:")) == []


def test_schema_output_must_be_a_folder(run_cli, tmp_path):
    target = tmp_path / "schemas"
    target.write_text("mine", encoding="utf-8")
    result = run_cli("schema", "--output", target)
    assert result.exit_code == 2
    assert "must be a folder" in result.stderr
    assert target.read_text(encoding="utf-8") == "mine"


def test_schema_help_shows_an_example(run_cli):
    result = run_cli("schema", "--help")
    assert result.exit_code == 0
    assert "Examples: petition schema" in result.stdout
