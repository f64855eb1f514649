"""The plain-text IAP letter reads like the seed letter it was transcribed from."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from conftest import DATA, SEED


def seed_sections() -> tuple[str, list[str], list[str]]:
    """The seed's body (with calls as [n]), its footnote texts, and its signatory lines."""
    text = SEED.read_text(encoding="utf-8")
    head, _, signatory_part = text.partition("**Supporting organisations:**")
    body_lines, notes = [], []
    for line in head.splitlines():
        note = re.match(r"<sup>(\d)</sup> (.*)", line)
        if note:
            notes.append(note.group(2))
        elif line.strip() and line.strip() != "---":
            body_lines.append(line)
    start = next(i for i, line in enumerate(body_lines) if line.startswith("In the run-up"))
    body = "\n".join(body_lines[start:])
    body = re.sub(r"<sup>(\d)</sup>", r"[\1]", body).replace("[second](#)", "second")
    body = body.replace("*", "").replace("\n- ", "\n")
    for line in signatory_part.splitlines():
        note = re.match(r"<sup>(\d)</sup> (.*)", line)
        if note:
            notes.append(note.group(2))
    signatories = [
        line.strip()
        for line in signatory_part.splitlines()
        if line.strip() and line.strip() != "---" and not line.startswith("<sup>")
    ]
    return body, notes, signatories


# The seed is transcribed with straight quotes; the letter prints the typographic ones of en-GB.
_STRAIGHT = str.maketrans({"“": '"', "”": '"', "‘": "'", "’": "'"})


def flatten(text: str) -> str:
    """Undo wrapping: the letter's lines joined by single spaces, its quotes as the seed writes them."""
    return " ".join(text.translate(_STRAIGHT).split())


def plain_note(markdown: str) -> str:
    return flatten(re.sub(r"<(https?://[^>]+)>", r"\1", markdown).replace("*", ""))


def squeeze(text: str) -> str:
    """Compare entries by their letters and digits only: punctuation and spacing vary by design."""
    return re.sub(r"[\W_]+", "", text.replace("](#)", "").casefold())


@pytest.fixture(scope="module")
def iap_text(tmp_path_factory) -> str:
    from petitioncli.build import BuildOptions, build
    from petitioncli.loader import find_manifest

    out = tmp_path_factory.mktemp("dist")
    result = build(find_manifest(DATA), BuildOptions(formats=["txt"], output_dir=out))
    assert not result.failed
    [built] = result.files
    return built.path.read_text(encoding="utf-8")


def test_every_body_sentence_of_the_seed_is_in_the_letter_with_its_footnote_calls(iap_text):
    body, _, _ = seed_sections()
    sentences = [s for s in re.split(r"(?<=[.;:])\s+", flatten(body)) if s]
    assert len(sentences) == 18
    letter = flatten(iap_text)
    missing = [s for s in sentences if s not in letter]
    assert missing == []


def test_footnote_calls_run_from_1_to_5_in_order(iap_text):
    body_part = iap_text.split("\n" + "-" * 20 + "\n")[0]
    positions = [body_part.find(f"[{n}]") for n in range(1, 6)]
    assert all(p > 0 for p in positions)
    assert positions == sorted(positions)
    assert "[6]" not in iap_text


def test_each_footnote_is_printed_once_under_the_rule_with_its_url_unbroken(iap_text):
    _, notes, _ = seed_sections()
    assert len(notes) == 5
    _, rule, tail = iap_text.partition("\n" + "-" * 20 + "\n")
    assert rule
    # The notes close the letter, after the signatories: where a reader of plain text looks for them.
    assert "Zimbabwe Lawyers for Human Rights" not in tail and tail.startswith("[1] ")
    flat_tail = flatten(tail)
    for number, note in enumerate(notes, start=1):
        expected = plain_note(note)
        if number == 5:  # the transcription italicises the cited title, as in notes 1-4
            expected = expected.replace("*", "")
        assert f"[{number}] {expected}" in flat_tail
    for url in re.findall(r"https?://[^\s>]+", " ".join(notes)):
        url = url.rstrip(">.;")
        assert any(url in line for line in tail.splitlines()), f"{url} is broken across lines"


def test_all_130_organisations_appear_in_the_seed_order_with_their_locations(iap_text):
    _, _, seed_entries = seed_sections()
    assert len(seed_entries) == 130
    heading = "Supporting organisations:\n\n"
    assert heading in iap_text
    # A signatory too long for 72 columns goes on, indented, on the next line.
    listed = iap_text.split(heading, 1)[1].split("\n\n" + "-" * 20 + "\n")[0]
    lines = listed.strip("\n").replace("\n  ", " ").split("\n")
    assert len(lines) == 130
    assert [squeeze(line) for line in lines] == [squeeze(entry) for entry in seed_entries]
    assert "Netherlands Institute of Human Rights (SIM), Utrecht University, Utrecht" in lines
    assert "Africa Network for Environment and Economic Justice, Benin" in lines
    assert "(#)" not in iap_text and "\\(" not in iap_text


def test_no_line_is_longer_than_the_width_unless_it_is_one_unbreakable_address(iap_text):
    for line in iap_text.splitlines():
        assert len(line) <= 72 or (" " not in line.strip() and "://" in line), line


def test_the_letter_opens_with_title_place_and_date_address_and_salutation(iap_text):
    opening = iap_text.split("In the run-up")[0]
    assert opening == (
        "Petition to the International Association of Prosecutors\n\n"
        "The Hague, 5 September 2017\n\n"
        "International Association of Prosecutors\nExecutive Committee and Senate\nThe Hague\n\n"
        "Dear members of the IAP Executive Committee and the Senate,\n"
        "dear members of the IAP,\n\n"
    )


def test_lists_of_demands_are_printed_as_dash_items(iap_text):
    assert "\n- introduce human rights due diligence" in iap_text
    assert "\n- raise the problem of a lack" in iap_text
    assert "\n- identify relevant human rights concerns" in iap_text


def test_paragraphs_are_wrapped_at_72_columns_except_unbreakable_urls(iap_text):
    # Signatories stay one a line, however long, so only the letter above them wraps.
    wrapped_part = iap_text.split("Supporting organisations:")[0]
    for line in wrapped_part.splitlines():
        if len(line) > 72:
            assert re.search(r"https?://", line), line


def test_width_option_rewraps_paragraphs(run_cli, iap_project, tmp_path: Path):
    out = tmp_path / "narrow.txt"
    result = run_cli("build", iap_project, "--format", "txt", "--width", "40", "--output", out)
    assert result.exit_code == 0, result.stderr
    text = out.read_text(encoding="utf-8")
    body = text.split("In the run-up")[1].split("-" * 20)[0]
    assert max(len(line) for line in body.splitlines()) <= 40


def test_links_keep_their_target_after_the_text(run_cli, iap_project, tmp_path: Path):
    letter = iap_project / "letter.md"
    letter.write_text(
        letter.read_text(encoding="utf-8").replace(
            "Universal Declaration of Human Rights",
            "[Universal Declaration of Human Rights](https://www.un.org/en/about-us/universal-declaration-of-human-rights)",
        ),
        encoding="utf-8",
    )
    out = tmp_path / "letter.txt"
    result = run_cli("build", iap_project, "--format", "txt", "--output", out)
    assert result.exit_code == 0, result.stderr
    assert (
        "Universal Declaration of Human Rights <https://www.un.org/en/about-us/universal-declaration-of-human-rights>"
        in flatten(out.read_text(encoding="utf-8"))
    )
