"""`petition build --format html`: one self-contained, valid page that reads well on screen."""

from __future__ import annotations

import base64
import re
from html.parser import HTMLParser
from pathlib import Path

import pytest
import yaml

LEADERSHIP = "iap-2017_iap-leadership_2017-09-05.html"
VOID_ELEMENTS = {"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source", "track", "wbr"}
# A 1×1 PNG, the smallest real image.
PIXEL = base64.b64decode(
    "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg=="
)


class Page(HTMLParser):
    """Reads an HTML page back: elements with their attributes, text, and whether tags balance."""

    def __init__(self, source: str):
        super().__init__(convert_charrefs=True)
        self.elements: list[tuple[str, dict[str, str]]] = []
        self.open: list[str] = []
        self.problems: list[str] = []
        self.text_parts: list[str] = []
        self.doctype = ""
        self.feed(source)
        self.close()
        if self.open:
            self.problems.append(f"never closed: {self.open}")

    def handle_decl(self, decl):
        self.doctype = decl

    def handle_starttag(self, tag, attrs):
        self.elements.append((tag, {name: value or "" for name, value in attrs}))
        if tag not in VOID_ELEMENTS:
            self.open.append(tag)

    def handle_startendtag(self, tag, attrs):
        self.elements.append((tag, {name: value or "" for name, value in attrs}))
        if tag not in VOID_ELEMENTS:
            self.problems.append(f"self-closed <{tag}/>")

    def handle_endtag(self, tag):
        if tag in VOID_ELEMENTS:
            self.problems.append(f"end tag for void <{tag}>")
        elif not self.open or self.open[-1] != tag:
            self.problems.append(f"</{tag}> closes {self.open[-1:] or 'nothing'}")
        else:
            self.open.pop()

    def handle_data(self, data):
        if self.open and self.open[-1] not in ("style", "script"):
            self.text_parts.append(data)

    @property
    def text(self) -> str:
        return " ".join("".join(self.text_parts).split())

    def all(self, tag: str, **attributes: str) -> list[dict[str, str]]:
        return [
            attrs
            for name, attrs in self.elements
            if name == tag and all(attrs.get(key.rstrip("_")) == value for key, value in attributes.items())
        ]


def build_html(run_cli, project: Path, out: Path, *extra: str) -> tuple[object, str]:
    result = run_cli("build", project, "--format", "html", "--output-dir", out, *extra)
    assert result.exit_code == 0, result.stderr
    (written,) = [p for p in out.iterdir() if p.suffix == ".html"]
    return result, written.read_text(encoding="utf-8")


def write_body(project: Path, text: str) -> None:
    (project / "letter.md").write_text(text, encoding="utf-8")


@pytest.fixture(scope="module")
def iap_page(tmp_path_factory) -> tuple[str, Page]:
    from typer.testing import CliRunner

    from conftest import DATA
    from petitioncli.cli import app

    out = tmp_path_factory.mktemp("html")
    result = CliRunner().invoke(app, ["build", str(DATA), "--format", "html", "--output-dir", str(out)])
    assert result.exit_code == 0, result.stderr
    source = (out / LEADERSHIP).read_text(encoding="utf-8")
    return source, Page(source)


def test_page_is_html5_with_the_letters_language_and_balanced_tags(iap_page):
    source, page = iap_page
    assert source.startswith("<!DOCTYPE html>")
    assert page.doctype == "DOCTYPE html"
    assert page.all("html") == [{"lang": "en-GB"}]
    assert page.all("meta", charset="utf-8")
    assert page.problems == []


def test_page_needs_no_other_file_and_runs_no_script(iap_page):
    source, page = iap_page
    assert not page.all("script") and not page.all("link") and not page.all("iframe")
    for _, attrs in page.elements:
        for name in ("src", "srcset", "poster", "data"):
            assert name not in attrs or attrs[name].startswith("data:"), attrs
    css = "".join(re.findall(r"<style>(.*?)</style>", source, re.S))
    assert "@import" not in css
    urls = re.findall(r"url\(\s*['\"]?([^'\")]*)", css)
    assert len(urls) == 4 and all(url.startswith("data:font/woff;base64,") for url in urls)


def test_page_holds_title_metadata_and_the_whole_letter(iap_page):
    _, page = iap_page
    assert page.all("meta", name="author", content="Netherlands Helsinki Committee")
    assert page.all("meta", name="dcterms.created", content="2017-09-05")
    assert page.all("time", datetime="2017-09-05")
    text = page.text
    assert "Petition to the International Association of Prosecutors" in text
    assert "The Hague, 5 September 2017" in text
    assert "Dear members of the IAP Executive Committee and the Senate, dear members of the IAP," in text
    assert "Executive Committee and Senate" in text
    assert "We call on individual members of the IAP to:" in text
    assert "Supporting organisations:" in text


def test_every_organisation_is_one_list_item_linked_where_it_has_a_url(iap_page):
    from conftest import DATA

    source, page = iap_page
    expected = yaml.safe_load((DATA / "signatories.yaml").read_text(encoding="utf-8"))
    assert len(page.all("ul", class_="signatory-list")) == 1
    listed = Page(source.split('<ul class="signatory-list">')[1].split("</ul>")[0])
    assert len(listed.all("li")) == len(expected) == 130
    straight = listed.text.translate(str.maketrans("“”’", '""\''))
    for entry in expected:
        assert entry["name"] in straight
    linked = [attrs["href"] for tag, attrs in listed.elements if tag == "a"]
    assert linked == [entry["url"] for entry in expected if entry.get("url")]


def test_footnotes_read_on_screen_as_numbered_notes_linked_both_ways(iap_page):
    _, page = iap_page
    for number in range(1, 6):
        assert page.all("a", class_="noteref", id=f"ref-{number}", href=f"#note-{number}")
        assert page.all("li", id=f"note-{number}")
        assert page.all("a", class_="backref", href=f"#ref-{number}")
        # and once more where print floats it to the foot of the page
        assert page.all("span", class_="fn", id=f"fn-{number}")
    links = {attrs["href"] for tag, attrs in page.elements if tag == "a"}
    assert "https://www.hrw.org/world-report/2017/country-chapters/china-and-tibet" in links


def test_quotes_and_apostrophes_are_typographic(iap_page):
    _, page = iap_page
    assert "IAP’s" in page.text
    # A signatory's name is data: printed with the quotes it was written with.
    assert 'NGO "Aru ana"' in page.text
    assert "on “Challenges for Judicial Independence" in page.text


def test_every_kind_of_markdown_becomes_balanced_html(run_cli, iap_project, tmp_path):
    write_body(
        iap_project,
        "# Our demands\n\n"
        "As *argued before[^china-lawyers]* and in [the report](https://example.org/r)[^iap-standards].\n\n"
        "3. third\n4. fourth with a note again[^china-lawyers]\n\n"
        "- loose item\n\n  with a second paragraph\n\n- another\n\n"
        "> A quotation,  \n> with a hard break.\n\n"
        "    code <kept> as text\n\n"
        "---\n\n"
        "Closing words.\n",
    )
    _, source = build_html(run_cli, iap_project, tmp_path / "out")
    page = Page(source)
    assert page.problems == []
    assert page.all("h2") and "Our demands" in page.text  # below the title's h1
    assert len(page.all("h1")) == 1
    assert page.all("ol", start="3")
    assert page.all("blockquote") and page.all("pre") and page.all("hr")
    assert "code <kept> as text" in page.text
    body = source.split('<div class="letter-body">')[1].split("</div>")[0]
    assert (
        '<a href="https://example.org/r">the report</a>'
        '<span class="fn fn-address" data-mark="3">&lt;https://example.org/r&gt;</span><a class="noteref" id="ref-2"'
    ) in body
    assert body.count('class="fn"') == 2
    assert '<a class="noteref noteref-repeat" href="#note-1" role="doc-noteref">1</a>' in body
    assert page.all("p", **{"data-notes": "1 2"})


def test_raw_html_in_the_letter_is_never_passed_through(run_cli, iap_project, tmp_path):
    write_body(
        iap_project,
        "Before <script>alert(1)</script> after <img src=x onerror=alert(2)>.\n\n"
        '<div onclick="steal()">block</div>\n\n'
        "![x](file:///etc/passwd) and <b>bold</b>.\n",
    )
    result, source = build_html(run_cli, iap_project, tmp_path / "out")
    page = Page(source)
    assert not page.all("script") and not page.all("b")
    assert [attrs for tag, attrs in page.elements if tag == "div"] == [{"class": "letter-body"}]
    for _, attrs in page.elements:
        assert not any(name.startswith("on") for name in attrs)
        assert not attrs.get("href", "").startswith("javascript:")
    # The tags go; words between them were text, and stay text.
    assert "Before alert(1) after ." in page.text and "and bold." in page.text
    assert "html-raw" in result.stderr
    assert "letter.md:5:6: warning: image 'file:///etc/passwd' is left out" in result.stderr
    assert "/etc/passwd" not in source and "root:" not in source
    assert page.problems == []


def test_a_script_link_stops_the_build_with_its_place(run_cli, iap_project, tmp_path):
    write_body(iap_project, "Please [click](javascript:alert(3)) here.\n")
    out = tmp_path / "out"
    result = run_cli("build", iap_project, "--format", "html", "--output-dir", out)
    assert result.exit_code == 1
    assert (
        "letter.md:1:16: error: link 'javascript:alert(3)' is not an absolute http(s) address [url-invalid]"
        in result.stderr
    )
    assert not out.exists() or list(out.iterdir()) == []


def test_images_from_the_project_are_inlined_and_others_left_out(run_cli, iap_project, tmp_path):
    (iap_project / "logo.png").write_bytes(PIXEL)
    (iap_project / "fake.png").write_text("not an image", encoding="utf-8")
    write_body(
        iap_project,
        "Our logo ![Coalition logo](logo.png) and ![far](https://example.org/x.png).\n\n"
        "A broken one ![broken](fake.png).\n",
    )
    result, source = build_html(run_cli, iap_project, tmp_path / "out")
    page = Page(source)
    images = page.all("img")
    assert images == [{"src": "data:image/png;base64," + base64.b64encode(PIXEL).decode(), "alt": "Coalition logo"}]
    assert "example.org" not in source
    assert "image-refused" in result.stderr
    assert "letter.md:3" in result.stderr and "image-unreadable" in result.stderr


def test_a_problem_found_while_rendering_is_said_once_for_every_letter_it_affects(run_cli, iap_project, tmp_path):
    (iap_project / "fake.png").write_text("not an image", encoding="utf-8")
    write_body(iap_project, "A broken image ![broken](fake.png).\n")
    result = run_cli("build", iap_project, "--to", "all", "-f", "html", "-f", "txt", "--output-dir", tmp_path / "out")
    assert result.exit_code == 0, result.stderr
    assert len(list((tmp_path / "out").glob("*.html"))) == 2
    assert result.stderr.count("[image-unreadable]") == 1


def test_an_image_whose_name_has_a_space_is_inlined(run_cli, iap_project, tmp_path):
    # markdown-it hands the renderer `coalition%20logo.png`; the file has a space.
    (iap_project / "coalition logo.png").write_bytes(PIXEL)
    write_body(iap_project, "Our logo ![Coalition logo](<coalition logo.png>).\n")
    result, source = build_html(run_cli, iap_project, tmp_path / "out")
    assert Page(source).all("img") == [
        {"src": "data:image/png;base64," + base64.b64encode(PIXEL).decode(), "alt": "Coalition logo"}
    ]
    assert "image-" not in result.stderr


def test_draft_is_marked_and_pending_signatories_flagged(run_cli, iap_project, tmp_path):
    with (iap_project / "signatories.yaml").open("a", encoding="utf-8") as stream:
        stream.write("- name: Not Yet Signed Foundation\n  status: pending\n")
    _, source = build_html(run_cli, iap_project, tmp_path / "final")
    assert "Not Yet Signed Foundation" not in source and "DRAFT" not in source
    _, source = build_html(run_cli, iap_project, tmp_path / "draft", "--draft")
    page = Page(source)
    assert page.all("div", class_="draft-mark", **{"aria-hidden": "true"})
    assert "Not Yet Signed Foundation (pending)" in page.text
    assert page.all("li", class_="pending")


def test_paper_size_is_in_the_print_stylesheet(run_cli, iap_project, tmp_path):
    _, a4 = build_html(run_cli, iap_project, tmp_path / "a4")
    _, letter = build_html(run_cli, iap_project, tmp_path / "letter", "--paper", "letter")
    assert "size: A4;" in a4 and "size: letter;" in letter
