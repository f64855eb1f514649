"""`petition diff OLD NEW`: exactly what changed between two editions, and nothing else."""

from __future__ import annotations

import json
import shutil

import pytest
from hypothesis import given
from hypothesis import strategies as st

from conftest import DATA, REPO
from petitioncli.diff import sequences
from petitioncli.diff.sequences import SMALL_RANGE
from petitioncli.diff.words import word_diff


@pytest.fixture
def editions(tmp_path):
    """data/ and a copy to change: last year's letter and this year's."""
    old, new = tmp_path / "2017", tmp_path / "2018"
    shutil.copytree(DATA, old)
    shutil.copytree(DATA, new)
    return old, new


def edit(path, old: str, new: str) -> None:
    text = path.read_text(encoding="utf-8")
    assert text.count(old) == 1, old
    path.write_text(text.replace(old, new), encoding="utf-8")


def reviewers_changes(new) -> None:
    """Two organisations removed, one added, one location changed, one footnote reworded."""
    signatories = new / "signatories.yaml"
    edit(signatories, "- name: Amnesty International\n", "")
    edit(signatories, '- name: Article 19\n  location: London\n  country: "GB"\n', "")
    edit(signatories, "  location: Kwekwe\n", "  location: Harare\n")
    with signatories.open("a", encoding="utf-8") as out:
        out.write('- name: Viasna Human Rights Centre\n  location: Minsk\n  country: "BY"\n')
    edit(new / "footnotes.yaml", "Defenders*, Helsinki Foundation", "Defenders*, the Helsinki Foundation")


def test_the_reviewers_changes_and_nothing_else(run_cli, editions):
    old, new = editions
    reviewers_changes(new)
    result = run_cli("diff", old, new, "--json")
    assert result.exit_code == 0
    report = json.loads(result.stdout)
    assert report["differences"] is True
    assert report["signatories"] == {
        "joined": [{"name": "Viasna Human Rights Centre", "location": "Minsk", "country": "BY", "status": "confirmed"}],
        "pending": [],
        "withdrawn": [],
        "left": [
            {"name": "Amnesty International", "status": "confirmed"},
            {"name": "Article 19", "location": "London", "country": "GB", "status": "confirmed"},
        ],
        "status_changed": [],
        "changed": [
            {
                "name": "Anti-Corruption Trust of Southern Africa",
                "fields": {"location": {"old": "Kwekwe", "new": "Harare"}},
            }
        ],
        # A letter of one list without a heading has no groups to count by.
        "by_group": {},
    }
    footnotes = report["footnotes"]
    assert (footnotes["added"], footnotes["removed"]) == ([], [])
    assert [note["id"] for note in footnotes["reworded"]] == ["azerbaijan-judiciary"]
    assert [run for run in footnotes["reworded"][0]["words"] if run["op"] != "equal"] == [
        {"op": "insert", "text": "the"}
    ]
    assert (report["body"], report["translations"], report["recipients"], report["manifest"]) == (
        [],
        {},
        {"added": [], "removed": [], "changed": []},
        {},
    )


def test_the_reviewers_view_for_people(run_cli, editions):
    old, new = editions
    reviewers_changes(new)
    result = run_cli("diff", old, new)
    assert result.exit_code == 0
    assert result.stdout == (
        "Signatories: 1 joined, 2 left, 1 changed\n"
        "  + Viasna Human Rights Centre, Minsk\n"
        "  - Amnesty International\n"
        "  - Article 19, London\n"
        "  ~ Anti-Corruption Trust of Southern Africa: location 'Kwekwe' → 'Harare'\n"
        "\n"
        "Footnotes: 1 reworded\n"
        "  ~ azerbaijan-judiciary: … Fair Trial of Human Rights Defenders*, {+the+} Helsinki Foundation for Human "
        "Rights and …\n"
    )


def test_newcomers_are_counted_by_status_and_only_the_confirmed_have_joined(run_cli, editions):
    old, new = editions
    with (new / "signatories.yaml").open("a", encoding="utf-8") as out:
        out.write("- name: Viasna Human Rights Centre\n  location: Minsk\n")
        out.write("- name: Committee to Protect Journalists\n  status: pending\n")
        out.write("- name: Declined Organisation\n  status: withdrawn\n")
        out.write("- name: Another Declined Organisation\n  status: withdrawn\n")
    result = run_cli("diff", old, new)
    assert result.stdout == (
        "Signatories: 1 joined, 1 pending, 2 withdrawn\n"
        "  + Viasna Human Rights Centre, Minsk\n"
        "  + Committee to Protect Journalists (pending)\n"
        "  + Declined Organisation (withdrawn)\n"
        "  + Another Declined Organisation (withdrawn)\n"
    )
    report = json.loads(run_cli("diff", old, new, "--json").stdout)["signatories"]
    assert [entry["name"] for entry in report["joined"]] == ["Viasna Human Rights Centre"]
    assert [entry["name"] for entry in report["pending"]] == ["Committee to Protect Journalists"]
    assert [entry["name"] for entry in report["withdrawn"]] == [
        "Declined Organisation",
        "Another Declined Organisation",
    ]


def test_exit_code_makes_differences_fail_as_git_diff_does(run_cli, editions):
    old, new = editions
    assert run_cli("diff", old, new, "--exit-code").exit_code == 0
    same = run_cli("diff", old, new)
    assert (same.exit_code, same.stdout) == (0, "No differences.\n")
    edit(new / "petition.yaml", "date: 2017-09-05", "date: 2018-09-05")
    assert run_cli("diff", old, new).exit_code == 0
    changed = run_cli("diff", old / "petition.yaml", new / "petition.yaml", "--exit-code")
    assert changed.exit_code == 1
    assert changed.stdout == "Manifest: 1 field changed\n  ~ date: '2017-09-05' → '2018-09-05'\n"


def test_signatories_are_matched_by_the_duplicate_key(run_cli, editions):
    old, new = editions
    signatories = new / "signatories.yaml"
    edit(signatories, "(FORUM-ASIA)\n", "(Forum Asia)\n  status: withdrawn\n")
    edit(signatories, "- name: Article 19\n", "- name: ARTICLE-19\n  status: pending\n")
    report = json.loads(run_cli("diff", old, new, "--json").stdout)["signatories"]
    assert (report["joined"], report["left"]) == ([], [])
    assert report["status_changed"] == [
        {"name": "ARTICLE-19", "fields": {"status": {"old": "confirmed", "new": "pending"}}},
        {
            "name": "Asian Forum for Human Rights and Development (Forum Asia)",
            "fields": {"status": {"old": "confirmed", "new": "withdrawn"}},
        },
    ]
    assert [c["fields"] for c in report["changed"]] == [
        {"name": {"old": "Article 19", "new": "ARTICLE-19"}},
        {
            "name": {
                "old": "Asian Forum for Human Rights and Development (FORUM-ASIA)",
                "new": "Asian Forum for Human Rights and Development (Forum Asia)",
            }
        },
    ]


def test_paragraphs_are_compared_word_by_word_whatever_their_line_breaks(run_cli, editions):
    old, new = editions
    letter = new / "letter.md"
    edit(letter, "in Beijing, China, the undersigned", "in Beijing, the\nundersigned")
    edit(letter, "We call on individual members of the IAP to:\n", "We call on every member of the IAP to:\n")
    letter.write_text(letter.read_text(encoding="utf-8") + "\nSigned in The Hague.\n", encoding="utf-8")
    result = run_cli("diff", old, new)
    assert result.stdout.startswith("Letter text, paragraphs: 2 reworded, 1 added\n")
    assert "  ~ line 1: … Association of Prosecutors (IAP) in Beijing, [-China,-] the undersigned civil" in (
        result.stdout
    )
    assert "  ~ line 18: We call on [-individual members-] {+every member+} of the IAP to:\n" in result.stdout
    assert result.stdout.endswith("  + line 23: Signed in The Hague.\n")


def test_recipients_and_footnotes_added_and_removed(run_cli, editions):
    old, new = editions
    edit(new / "recipients.yaml", "    en: IAP Executive Committee and Senate\n", "    en: IAP Executive Committee\n")
    recipients = (new / "recipients.yaml").read_text(encoding="utf-8")
    un = "un:\n  name: United Nations\n  salutation:\n    en: Dear all,\n    fr: Mesdames et Messieurs,\n"
    (new / "recipients.yaml").write_text(recipients + un, encoding="utf-8")
    footnotes = (new / "footnotes.yaml").read_text(encoding="utf-8")
    (new / "footnotes.yaml").write_text(footnotes + "new-note: A new note.\n", encoding="utf-8")
    report = json.loads(run_cli("diff", old, new, "--json").stdout)
    assert report["recipients"] == {
        "added": ["un"],
        "removed": [],
        "changed": [
            {
                "id": "iap-leadership",
                "fields": {"name": {"old": "IAP Executive Committee and Senate", "new": "IAP Executive Committee"}},
            }
        ],
    }
    assert report["footnotes"]["added"] == [{"id": "new-note", "text": "A new note."}]


def test_an_edition_that_cannot_be_read_is_refused(run_cli, editions):
    old, new = editions
    (new / "signatories.yaml").write_text("- name: [Amnesty\n", encoding="utf-8")
    result = run_cli("diff", old, new)
    assert result.exit_code == 1
    assert "signatories.yaml:2:1: error: YAML syntax error" in result.stderr
    assert "cannot compare" in result.stderr and result.stdout == ""
    (new / "signatories.yaml").unlink()
    assert run_cli("diff", old, new).exit_code == 2


def test_a_new_edition_with_no_signatory_yet(run_cli, editions):
    old, new = editions
    (new / "signatories.yaml").write_text("# Nobody has signed yet.\n", encoding="utf-8")
    report = json.loads(run_cli("diff", old, new, "--json").stdout)
    assert len(report["signatories"]["left"]) == 130


def test_a_translation_is_compared_like_the_original(run_cli, editions):
    old, new = editions
    edit(new / "petition.yaml", "    place: La Haye\n", "    place: Den Haag\n")
    edit(new / "letter.fr.md", "Pékin", "Beijing")
    edit(new / "recipients.yaml", "fr: Comité exécutif et Sénat de l'AIPP", "fr: Comité exécutif de l'AIPP")
    result = run_cli("diff", old, new)
    assert "  ~ iap-leadership: name (fr) 'Comité exécutif et Sénat de l'AIPP' → 'Comité exécutif de l'AIPP'\n" in (
        result.stdout
    )
    assert "Letter text (fr), paragraphs: 1 reworded\n  ~ line 1: " in result.stdout
    assert "[-Pékin,-] {+Beijing,+}" in result.stdout
    assert result.stdout.endswith("Manifest: 1 field changed\n  ~ translations.fr.place: 'La Haye' → 'Den Haag'\n")
    report = json.loads(run_cli("diff", old, new, "--json").stdout)
    assert list(report["translations"]) == ["fr"] and report["translations"]["fr"]["footnotes"]["reworded"] == []


def test_the_readme_shows_what_diff_prints_for_the_iap_letter(run_cli, editions):
    old, new = editions
    reviewers_changes(new)
    edit(
        new / "signatories.yaml",
        "- name: Asian Forum for Human Rights and Development (FORUM-ASIA)\n",
        "- name: Asian Forum for Human Rights and Development (Forum Asia)\n  status: pending\n",
    )
    edit(new / "letter.md", "For the second year in a row,", "For the third year in a row,")
    edit(new / "petition.yaml", "date: 2017-09-05", "date: 2018-09-05")
    result = run_cli("diff", old, new)
    page = (REPO / "docs" / "how-to" / "review-changes.md").read_text(encoding="utf-8")
    assert f"$ petition diff data iap-2018\n{result.stdout}```" in page


def test_a_long_letter_of_few_distinct_words_shows_just_the_words_changed(run_cli, editions):
    """100,000 words of one letter each: the worst case for a word diff, answered word for word."""
    old, new = editions
    paragraphs = [" ".join("abcde"[(p + w) % 5] for w in range(1_000)) for p in range(100)]
    (old / "letter.md").write_text("\n\n".join(paragraphs) + "\n", encoding="utf-8")
    paragraphs[40] = paragraphs[40].replace("a b c d e", "a b X d e", 1)
    paragraphs[99] = " ".join(["a"] * 1_000)
    (new / "letter.md").write_text("\n\n".join(paragraphs) + "\n", encoding="utf-8")
    report = json.loads(run_cli("diff", old, new, "--json").stdout)["body"]
    assert [(change["new_line"], change["old_line"]) for change in report] == [(81, 81), (199, 199)]
    assert [run for run in report[0]["words"] if run["op"] != "equal"] == [
        {"op": "delete", "text": "c"},
        {"op": "insert", "text": "X"},
    ]


@given(
    old=st.lists(st.sampled_from("abcdefg"), max_size=120),
    edits=st.lists(st.tuples(st.integers(0, 119), st.sampled_from("abcdefgXY")), max_size=30),
    small=st.sampled_from([0, 50, SMALL_RANGE]),
)
def test_a_word_diff_holds_both_texts_whichever_way_it_matches(old, edits, small):
    """Read its deletions and its insertions: the old words and the new, in order, none lost or made up."""
    new = list(old)
    for index, word in edits:
        if index < len(new):
            new[index] = word
        else:
            new.append(word)
    with pytest.MonkeyPatch.context() as patch:
        # Small ranges go to difflib; a smaller bound sends them through Myers' search and the anchors.
        patch.setattr(sequences, "SMALL_RANGE", small)
        runs = word_diff(" ".join(old), " ".join(new))
    before = [w for op, text in runs if op != "insert" for w in text.split()]
    after = [w for op, text in runs if op != "delete" for w in text.split()]
    assert (before, after) == (old, new)
    assert all(text for _, text in runs)
