"""Small inputs that would hang or explode a build: each is handled in linear time or refused against a limit.

No test here is timed. Where the point is linear time, the input is one on
which the quadratic behaviour it guards against takes minutes, so a
regression shows as a suite that does not finish, not as a flaky threshold.
"""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest

from test_check_corpus import BASE
from test_images import png


@pytest.fixture
def project(tmp_path: Path) -> Path:
    target = tmp_path / "letter"
    shutil.copytree(BASE, target)
    return target


def check_json(run_cli, project: Path) -> tuple[int, list[dict]]:
    result = run_cli("check", "--output-format", "json", cwd=project)
    return result.exit_code, json.loads(result.stdout)


@pytest.mark.parametrize("opener", ["[^", "^["], ids=["references", "inline-notes"])
def test_unclosed_footnote_openers_are_read_in_linear_time(run_cli, project, tmp_path, opener):
    # 20 KB of them took the footnote plugin minutes: each opener scanned to the end of the text.
    (project / "letter.md").write_text("We write" + opener * 10_000 + " to you[^report].\n", encoding="utf-8")
    assert check_json(run_cli, project) == (0, [])
    result = run_cli("build", project, "--format", "txt", "--output-dir", tmp_path / "out")
    assert result.exit_code == 0, result.stderr
    (letter,) = (tmp_path / "out").iterdir()
    assert opener * 3 in letter.read_text(encoding="utf-8")


def test_a_signatories_file_over_its_limit_is_refused_before_it_is_read(run_cli, project):
    # A gigabyte of signatories ended in a MemoryError with an empty message.
    with (project / "signatories.yaml").open("wb") as stream:
        stream.truncate(1024 * 1024 * 1024)
    code, found = check_json(run_cli, project)
    assert code == 2
    assert [(p["rule"], p["file"], p["line"], p["column"]) for p in found] == [
        ("file-too-large", "signatories.yaml", 1, 1)
    ]
    assert "is 1024 MB; a signatories file may hold at most 64 MB" in found[0]["message"]


@pytest.mark.parametrize("name", ["letter.md", "footnotes.yaml", "recipients.yaml", "petition.yaml"])
def test_each_text_file_may_hold_at_most_a_megabyte(run_cli, project, name):
    path = project / name
    path.write_text(path.read_text(encoding="utf-8") + "\n#" + "x" * (1024 * 1024) + "\n", encoding="utf-8")
    code, found = check_json(run_cli, project)
    assert code == 2
    assert [(p["rule"], p["file"]) for p in found] == [("file-too-large", name)]
    assert "may hold at most 1 MB, so it is not read" in found[0]["message"]


NESTED_TOO_DEEP = {
    "emphasis": "We write " + "*" * 500 + "x" + "*" * 500 + "[^report].\n",
    "quotes": "We write[^report].\n\n" + "> " * 25 + "the deepest words\n",
    "lists": "We write[^report].\n\n" + "".join("  " * level + "- item\n" for level in range(25)),
    "links-in-emphasis": "We write[^report].\n\n" + "_" * 50 + "[a](https://example.org)" + "_" * 50 + "\n",
}


@pytest.mark.parametrize("body", NESTED_TOO_DEEP.values(), ids=NESTED_TOO_DEEP.keys())
def test_markdown_nested_too_deep_is_refused_by_check_not_by_a_crash(run_cli, project, tmp_path, body):
    # Emphasis 500 deep passed check and crashed the text letter with a RecursionError;
    # quotes 25 deep passed check and lost their words without a sign.
    (project / "letter.md").write_text(body, encoding="utf-8")
    code, found = check_json(run_cli, project)
    assert code == 1
    assert [(p["rule"], p["file"]) for p in found] == [("markdown-too-deep", "letter.md")]
    assert "nested more than 8 deep" in found[0]["message"]
    result = run_cli("build", project, "--format", "txt", "--format", "html", "--output-dir", tmp_path / "out")
    assert result.exit_code == 1
    assert "markdown-too-deep" in result.stderr and "Traceback" not in result.stderr
    assert not (tmp_path / "out").exists()


def test_nesting_up_to_the_limit_is_printed_in_full(run_cli, project, tmp_path):
    # Lists nested 8 deep are the deepest markdown-it counts: two levels each, and one for the text.
    lists = "".join("  " * level + "- item\n" for level in range(7)) + "  " * 7 + "- the deepest words\n"
    (project / "letter.md").write_text("We write[^report].\n\n" + lists, encoding="utf-8")
    assert check_json(run_cli, project) == (0, [])
    result = run_cli("build", project, "--format", "txt", "--format", "html", "--output-dir", tmp_path / "out")
    assert result.exit_code == 0, result.stderr
    for letter in (tmp_path / "out").iterdir():
        assert "the deepest" in letter.read_text(encoding="utf-8"), letter.name
    lists = "".join("  " * level + "- item\n" for level in range(8)) + "  " * 8 + "- too deep\n"
    (project / "letter.md").write_text("We write[^report].\n\n" + lists, encoding="utf-8")
    assert [p["rule"] for p in check_json(run_cli, project)[1]] == ["markdown-too-deep"]


def test_a_footnote_nested_too_deep_is_refused_where_it_is_written(run_cli, project):
    (project / "footnotes.yaml").write_text("report: " + "_" * 60 + "deep" + "_" * 60 + "\n", encoding="utf-8")
    code, found = check_json(run_cli, project)
    assert code == 1
    assert [(p["rule"], p["file"], p["line"], p["column"]) for p in found] == [
        ("markdown-too-deep", "footnotes.yaml", 1, 9)
    ]


def notes_file(count: int) -> str:
    return "".join(f"note-{number}: Note {number}.\n" for number in range(count))


def test_more_than_a_thousand_footnotes_are_refused(run_cli, project):
    (project / "footnotes.yaml").write_text(notes_file(1001), encoding="utf-8")
    code, found = check_json(run_cli, project)
    assert code == 1
    # The file is not read, so the letter's references are not called undefined.
    assert [(p["rule"], p["file"], p["line"], p["column"]) for p in found] == [
        ("footnotes-too-many", "footnotes.yaml", 1001, 1)
    ]
    assert "defines 1,001 footnotes; a letter may have at most 1,000" in found[0]["message"]


def test_a_thousand_footnotes_called_in_one_paragraph_are_printed(run_cli, project, tmp_path):
    (project / "footnotes.yaml").write_text(notes_file(1000), encoding="utf-8")
    calls = "".join(f" a[^note-{number}]" for number in range(1000))
    (project / "letter.md").write_text(f"We write{calls}.\n", encoding="utf-8")
    assert check_json(run_cli, project) == (0, [])
    result = run_cli("build", project, "--format", "html", "--format", "txt", "--output-dir", tmp_path / "out")
    assert result.exit_code == 0, result.stderr
    html = next((tmp_path / "out").glob("*.html")).read_text(encoding="utf-8")
    assert f'<p data-notes="{" ".join(str(n) for n in range(1, 1001))}">' in html
    assert "[1000] Note 999." in next((tmp_path / "out").glob("*.txt")).read_text(encoding="utf-8")


def test_an_undefined_footnote_names_a_few_defined_ones_not_all(run_cli, project):
    (project / "footnotes.yaml").write_text(notes_file(1000), encoding="utf-8")
    (project / "letter.md").write_text("We write" + " a[^missing]" * 2000 + ".\n", encoding="utf-8")
    code, found = check_json(run_cli, project)
    undefined = [p for p in found if p["rule"] == "footnote-undefined"]
    assert code == 1 and len(undefined) == 2000
    assert undefined[0]["message"] == (
        "footnote 'missing' is not defined in footnotes.yaml "
        "(defined: note-0, note-1, note-2, note-3, note-4 and 995 more)"
    )


def test_a_slug_or_recipient_id_too_long_for_a_file_name_is_refused_by_check(run_cli, project):
    # A 250-character slug passed check, and the build failed with "File name too long".
    manifest = project / "petition.yaml"
    manifest.write_text(manifest.read_text(encoding="utf-8") + "slug: " + "s" * 65 + "\n", encoding="utf-8")
    (project / "recipients.yaml").write_text(
        (project / "recipients.yaml").read_text(encoding="utf-8")
        + "r" * 250
        + ":\n  name: The Others\n  salutation: Dear others,\n",
        encoding="utf-8",
    )
    code, found = check_json(run_cli, project)
    assert code == 1
    assert [(p["rule"], p["file"], p["line"]) for p in found] == [
        ("id-invalid", "petition.yaml", 5),
        ("id-invalid", "recipients.yaml", 5),
    ]
    assert all("longer than 64 characters" in p["message"] for p in found)


def test_a_long_folder_name_makes_a_slug_that_fits_a_file_name(run_cli, project, tmp_path):
    folder = tmp_path / ("Letter " * 35).strip()
    project.rename(folder)
    assert check_json(run_cli, folder) == (0, [])
    result = run_cli("build", folder, "--format", "txt", "--output-dir", tmp_path / "out")
    assert result.exit_code == 0, result.stderr
    (letter,) = (tmp_path / "out").iterdir()
    assert letter.name == ("letter-" * 10)[:64].rstrip("-") + "_board_2020-01-15.txt"


def test_a_translation_nested_too_deep_is_refused_like_the_original(run_cli, bilingual, tmp_path):
    with (bilingual / "letter.fr.md").open("a", encoding="utf-8") as letter:
        letter.write("\n" + "> " * 25 + "trop profond\n")
    code, found = check_json(run_cli, bilingual)
    assert code == 1
    assert [(p["rule"], p["file"]) for p in found] == [("markdown-too-deep", "letter.fr.md")]
    result = run_cli("build", bilingual, "--lang", "all", "--format", "txt", "--output-dir", tmp_path / "out")
    assert result.exit_code == 1 and "Traceback" not in result.stderr


# Each limit, with the test file that reaches it and words of its message there.
LIMITS_TESTED_IN = {
    "TEXT_FILE_BYTES": ("test_limits.py", "may hold at most 1 MB, so it is not read"),
    "LIST_FILE_BYTES": ("test_limits.py", "a signatories file may hold at most 64 MB"),
    "PROJECT_BYTES": ("test_limits.py", "a project may read at most 128 MB"),
    "MARKDOWN_DEPTH": ("test_limits.py", "nested more than 8 deep"),
    "FOOTNOTES": ("test_limits.py", "a letter may have at most 1,000"),
    "NAME_LENGTH": ("test_limits.py", "longer than 64 characters"),
    "IMAGE_BYTES": ("test_images.py", "the images of a letter may hold 32 MB together, each use counted"),
    "IMAGE_PIXELS": ("test_images.py", "an image may have at most 25,000,000"),
    "SVG_ELEMENTS": ("test_svg.py", "has more than 10,000 elements"),
    "SVG_DEPTH": ("test_svg.py", "nests them more than 50 deep"),
    "TABLE_COLUMNS": ("test_tables.py", "a page sets at most 12 side by side"),
    "LINK_NOTES": ("test_check_corpus.py", "a letter may print at most 500"),
    "URL_LENGTH": ("test_check_corpus.py", "an address may have at most 2,000 characters"),
    "JPEG_SCANS": ("test_images_decoded.py", "a JPEG may have at most 100 scans"),
}


def test_every_limit_has_a_test_that_reaches_it():
    from petitioncli import limits

    defined = {name for name, value in vars(limits).items() if isinstance(value, limits.Limit)}
    assert defined == set(LIMITS_TESTED_IN)
    for name, (test_file, words) in LIMITS_TESTED_IN.items():
        assert words in (Path(__file__).parent / test_file).read_text(encoding="utf-8"), name


def test_a_long_csv_cell_is_no_syntax_error(run_cli, project):
    # The csv module's own limit, 128 KB a cell, called a long name a syntax error; the file's limit is the one.
    manifest = project / "petition.yaml"
    manifest.write_text(manifest.read_text(encoding="utf-8") + "signatories: signatories.csv\n", encoding="utf-8")
    (project / "signatories.csv").write_text("name,location\n" + "x" * 200_000 + ",London\n", encoding="utf-8")
    assert check_json(run_cli, project) == (0, [])


class Searched(str):
    """A text that counts the characters each `find` on it goes through, in `searched`."""

    def __new__(cls, text: str, searched: list[int]):
        made = super().__new__(cls, text)
        made.searched = searched
        return made

    def find(self, needle, start=0, end=None):
        end = len(self) if end is None else min(end, len(self))
        found = str.find(self, needle, start, end)
        self.searched.append(found + len(needle) - start if found >= 0 else end - start)
        return found


def test_check_looks_for_each_place_near_the_last_one(project, monkeypatch):
    """Counted, not timed: every place check looks for in letter.md is sought only near the one before.

    A reference link's target, or a code span whose text is not its source,
    was sought through the whole rest of the paragraph, once each: a
    megabyte of `[a][r]` took two and a half minutes to check.
    """
    from petitioncli.build import validate
    from petitioncli.checks import body

    searched: list[int] = []
    real_init = body._Located.__init__

    def counting_init(self, path, lines, content, first):
        real_init(self, path, lines, Searched(content, searched), first)

    monkeypatch.setattr(body._Located, "__init__", counting_init)
    letter = "We write[^report]. " + "[a][r] <https://example.org> `a\nb` " * 5000 + "\n\n[r]: https://example.org\n"
    (project / "letter.md").write_text(letter, encoding="utf-8")
    validate(project / "petition.yaml")
    # Each search covers at most a kilobyte or so; one through the rest of the text would be 100 KB.
    assert max(searched) < 2000 and sum(searched) < 100 * len(letter)


def test_check_looks_for_each_link_of_a_footnote_near_the_last_one(project, monkeypatch):
    """Counted, not timed: 20,000 links whose target is not written as it reads took three and a half minutes."""
    from petitioncli.build import validate
    from petitioncli.checks import footnotes

    searched: list[int] = []
    real_lines = footnotes.yaml_lines
    monkeypatch.setattr(footnotes, "yaml_lines", lambda text: [Searched(line, searched) for line in real_lines(text)])
    notes = "report: >-\n" + "  [a](https://example.org/?a=1&amp;b=2)\n" * 5000
    (project / "footnotes.yaml").write_text(notes, encoding="utf-8")
    validate(project / "petition.yaml")
    assert searched and max(searched) < 2000 and sum(searched) < 100 * len(notes)


def test_a_project_naming_more_than_128_mb_is_refused_before_it_is_read(run_cli, project):
    # Each file within its own limit, named again and again: check would read each as often as it is named.
    with (project / "big.md").open("wb") as stream:
        stream.truncate(1024 * 1024 - 1)
    tags = [f"x-{number}" for number in range(130)]
    translations = "".join(f"  {tag}:\n    title: T\n    place: P\n    body: big.md\n" for tag in tags)
    manifest = project / "petition.yaml"
    manifest.write_text(manifest.read_text(encoding="utf-8") + "translations:\n" + translations, encoding="utf-8")
    code, found = check_json(run_cli, project)
    assert code == 2
    refused = [p for p in found if p["rule"] == "file-too-large"]
    assert [(p["file"], p["line"], p["column"]) for p in refused] == [("petition.yaml", 1, 1)]
    assert "each counted as often as it is named; a project may read at most 128 MB" in refused[0]["message"]


def test_an_image_shown_in_every_translation_is_read_once(project, monkeypatch):
    from petitioncli import images
    from petitioncli.build import validate

    prepared = []
    real_prepare = images.prepare
    monkeypatch.setattr(images, "prepare", lambda data: prepared.append(len(data)) or real_prepare(data))
    (project / "logo.png").write_bytes(png(4, 4))
    for number in range(20):
        (project / f"letter.{number}.md").write_text(f"Letter {number}[^report]. ![Logo](logo.png)\n", encoding="utf-8")
    translations = "".join(
        f"  x-{number}:\n    title: T\n    place: P\n    body: letter.{number}.md\n    footnotes: footnotes.yaml\n"
        for number in range(20)
    )
    manifest = project / "petition.yaml"
    manifest.write_text(manifest.read_text(encoding="utf-8") + "translations:\n" + translations, encoding="utf-8")
    validate(manifest)
    assert len(prepared) == 1


def test_an_epigraph_nested_too_deep_is_refused_like_the_letter(run_cli, project):
    manifest = project / "petition.yaml"
    manifest.write_text(manifest.read_text(encoding="utf-8") + "epigraph: epigraph.md\n", encoding="utf-8")
    (project / "epigraph.md").write_text("> " * 12 + "deep words\n", encoding="utf-8")
    code, found = check_json(run_cli, project)
    assert (code, [(p["rule"], p["file"]) for p in found]) == (1, [("markdown-too-deep", "epigraph.md")])


def test_signatory_groups_count_each_file_they_name_into_the_project(run_cli, project):
    for name in ("a.csv", "b.csv", "c.csv"):
        with (project / name).open("wb") as stream:
            stream.truncate(60 * 1024 * 1024)
    groups = "".join(f"  - heading: Group {name}\n    file: {name}\n" for name in ("a.csv", "b.csv", "c.csv"))
    manifest = project / "petition.yaml"
    manifest.write_text(manifest.read_text(encoding="utf-8") + "signatories:\n" + groups, encoding="utf-8")
    code, found = check_json(run_cli, project)
    assert code == 2
    assert [(p["rule"], p["file"], p["line"]) for p in found if p["rule"] == "file-too-large"] == [
        ("file-too-large", "petition.yaml", 1)
    ]
