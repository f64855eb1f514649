"""`petition build --format pdf`: the printed letter, read back as a reader's PDF viewer sees it.

Every test that builds a PDF runs once for each engine, WeasyPrint and Typst,
so that a difference between them fails a test. Typst's runs are skipped when
its optional extra is not installed (`make test` installs it).
"""

from __future__ import annotations

import datetime as dt
import http.server
import random
import re
import shutil
import sys
import threading
from pathlib import Path

import pypdf
import pytest
import yaml

from conftest import DATA
from projects import ENGINES, TYPST_MISSING, printed_heights

LEADERSHIP = "iap-2017_iap-leadership_2017-09-05.pdf"
A4 = (595.28, 841.89)
LETTER = (612.0, 792.0)


@pytest.fixture(scope="module", params=ENGINES)
def engine(request) -> str:
    return request.param


def squeeze(text: str) -> str:
    """Text with what layout adds or changes taken out: spaces, line breaks, hyphens, curly quotes."""
    text = text.translate(str.maketrans("“”‘’", "\"\"''"))
    return re.sub(r"[\s\-\u2010\u00ad]+", "", text)


def pages_text(reader: pypdf.PdfReader) -> list[str]:
    return [page.extract_text() for page in reader.pages]


def link_targets(page) -> set[str]:
    targets = set()
    for annotation in page.get("/Annots", []):
        annotation = annotation.get_object()
        if annotation.get("/Subtype") == "/Link" and "/URI" in annotation.get("/A", {}):
            targets.add(str(annotation["/A"]["/URI"]))
    return targets


def build_pdf(*args: str | Path, engine: str | None, env: dict[str, str] | None = None):
    """Runs the CLI in-process (the module-scoped fixtures cannot use `run_cli`)."""
    from typer.testing import CliRunner

    from petitioncli.cli import app

    chosen = ["--engine", engine] if engine else []
    return CliRunner().invoke(app, ["build", *map(str, args), *chosen], env=env, catch_exceptions=False)


@pytest.fixture(scope="module")
def iap_pdf(tmp_path_factory, engine) -> Path:
    """The IAP letter as PDF, built once per engine: rendering takes seconds."""
    out = tmp_path_factory.mktemp("pdf")
    result = build_pdf(DATA, "--format", "pdf", "--output-dir", out, engine=engine)
    assert result.exit_code == 0, result.stderr
    return out / LEADERSHIP


@pytest.fixture(scope="module")
def reader(iap_pdf) -> pypdf.PdfReader:
    return pypdf.PdfReader(iap_pdf)


@pytest.fixture(scope="module")
def footnotes() -> dict[str, str]:
    return yaml.safe_load((DATA / "footnotes.yaml").read_text(encoding="utf-8"))


def calls_in_letter() -> list[tuple[str, str]]:
    """(label, the word just before its call) in reading order, as letter.md has them."""
    body = (DATA / "letter.md").read_text(encoding="utf-8")
    return re.findall(r"(\w+)\[\^([\w-]+)\]", body)


def test_each_footnote_is_printed_on_the_page_that_calls_it(reader, footnotes):
    texts = [squeeze(text) for text in pages_text(reader)]
    calls = calls_in_letter()
    assert len(calls) == len(footnotes) == 5
    for number, (word, label) in enumerate(calls, start=1):
        note = squeeze(re.sub(r"[*<>]", "", footnotes[label]))[:110]
        call_pages = [index for index, text in enumerate(texts) if f"{word}{number}" in text]
        note_pages = [index for index, text in enumerate(texts) if f"{number}{note}" in text]
        assert len(call_pages) == 1, (number, call_pages)
        assert note_pages == call_pages, f"note {number} ({label}) is not on the page of its call"


def test_every_footnote_url_is_a_link_on_the_notes_page(reader, footnotes):
    texts = [squeeze(text) for text in pages_text(reader)]
    for text in footnotes.values():
        for url in re.findall(r"<(https?://[^>]+)>", text):
            (page,) = [index for index, page_text in enumerate(texts) if squeeze(url) in page_text]
            assert url in link_targets(reader.pages[page]), url


def test_all_130_organisations_are_printed(reader):
    signatories = yaml.safe_load((DATA / "signatories.yaml").read_text(encoding="utf-8"))
    assert len(signatories) == 130
    text = "".join(squeeze(text) for text in pages_text(reader))
    missing = [entry["name"] for entry in signatories if squeeze(entry["name"]) not in text]
    assert missing == []


def test_the_letter_reads_in_order_from_title_to_signatories(reader):
    text = squeeze(" ".join(pages_text(reader)))
    for earlier, later in [
        ("Petition to the International Association of Prosecutors", "Dear members of the IAP"),
        ("The Hague, 5 September 2017", "Dear members of the IAP"),
        ("International Association of Prosecutors Executive Committee and Senate", "Dear members"),
        ("dear members of the IAP,", "In the runup to the annual conference"),
        ("We urge the IAP Executive Committee", "Supporting organisations:"),
        ("Supporting organisations:", "Amnesty International"),
    ]:
        assert squeeze(earlier) in text and squeeze(later) in text
        assert text.index(squeeze(earlier)) < text.rindex(squeeze(later)), (earlier, later)


def test_pages_are_numbered_n_of_total(reader):
    texts = pages_text(reader)
    total = len(texts)
    assert total >= 3
    for number, text in enumerate(texts, start=1):
        assert f"{number} / {total}" in text


def test_metadata_comes_from_the_manifest_and_the_letters_date(reader):
    meta = reader.metadata
    assert meta.title == "Petition to the International Association of Prosecutors"
    assert meta.author == "Netherlands Helsinki Committee"
    assert meta.subject == "Human rights compliance at the International Association of Prosecutors"
    assert meta.keywords == "IAP, prosecutors, human rights, civil society, Beijing 2017"
    assert meta.creation_date.date() == dt.date(2017, 9, 5)
    assert meta.modification_date.date() == dt.date(2017, 9, 5)


PDFUA_ID = "{http://www.aiim.org/pdfua/ns/id/}part"


def pdfua_part(xmp: bytes) -> str | None:
    """The PDF/UA part the XMP metadata claims, written as an attribute or as an element."""
    from xml.etree import ElementTree

    for description in ElementTree.fromstring(xmp).iter("{http://www.w3.org/1999/02/22-rdf-syntax-ns#}Description"):
        if PDFUA_ID in description.attrib:
            return description.attrib[PDFUA_ID]
        if (part := description.find(PDFUA_ID)) is not None:
            return part.text
    return None


def test_pdf_is_tagged_for_accessibility_with_language_and_bookmarks(reader):
    root = reader.trailer["/Root"]
    assert root["/Lang"] == "en-GB"
    assert "/StructTreeRoot" in root
    assert root["/MarkInfo"]["/Marked"] == pypdf.generic.BooleanObject(True)
    assert root["/ViewerPreferences"]["/DisplayDocTitle"] == pypdf.generic.BooleanObject(True)
    assert pdfua_part(root["/Metadata"].get_object().get_data()) == "1"
    titles = [item.title for item in reader.outline if not isinstance(item, list)]
    nested = [child.title for item in reader.outline if isinstance(item, list) for child in item]
    assert titles == ["Petition to the International Association of Prosecutors"]
    assert nested == ["Supporting organisations:"]


def test_pdf_has_no_attachments(reader):
    assert "/Names" not in reader.trailer["/Root"] or "/EmbeddedFiles" not in reader.trailer["/Root"]["/Names"]


def test_cyrillic_greek_and_accented_latin_are_set_in_the_packaged_font(iap_project, tmp_path, engine):
    names = ["Правозащитный центр «Мемориал»", "Ελληνική Ένωση για τα Δικαιώματα του Ανθρώπου", "Związek Łódź Ŝtrąść"]
    with (iap_project / "signatories.yaml").open("a", encoding="utf-8") as stream:
        stream.writelines(f"- name: {name}\n" for name in names)
    result = build_pdf(iap_project, "--output", tmp_path / "scripts.pdf", engine=engine)
    assert result.exit_code == 0, result.stderr
    reader = pypdf.PdfReader(tmp_path / "scripts.pdf")
    text = squeeze(" ".join(pages_text(reader)))
    assert all(squeeze(name) in text for name in names)
    fonts = {
        str(font.get_object()["/BaseFont"]).split("+", 1)[-1]
        for page in reader.pages
        for font in page["/Resources"].get_object().get("/Font", {}).values()
    }
    assert fonts and all(name.replace("-", "").startswith("NotoSerif") for name in fonts), fonts


def test_a4_by_default_and_letter_on_request(reader, tmp_path, engine):
    assert all((round(float(p.mediabox.width), 2), round(float(p.mediabox.height), 2)) == A4 for p in reader.pages)
    result = build_pdf(DATA, "--paper", "letter", "--output", tmp_path / "letter.pdf", engine=engine)
    assert result.exit_code == 0, result.stderr
    letter = pypdf.PdfReader(tmp_path / "letter.pdf")
    assert all((float(p.mediabox.width), float(p.mediabox.height)) == LETTER for p in letter.pages)
    texts = [squeeze(text) for text in pages_text(letter)]
    assert squeeze("Supporting organisations:") in "".join(texts)


@pytest.mark.parametrize("epoch", [None, "1500000000"], ids=["without-SOURCE_DATE_EPOCH", "with-SOURCE_DATE_EPOCH"])
def test_two_builds_are_byte_identical(tmp_path, monkeypatch, epoch, engine):
    monkeypatch.delenv("SOURCE_DATE_EPOCH", raising=False)
    env = {"SOURCE_DATE_EPOCH": epoch} if epoch else None
    first = build_pdf(DATA, "--output", tmp_path / "first.pdf", engine=engine, env=env)
    second = build_pdf(DATA, "--output", tmp_path / "second.pdf", engine=engine, env=env)
    assert first.exit_code == second.exit_code == 0, first.stderr + second.stderr
    assert (tmp_path / "first.pdf").read_bytes() == (tmp_path / "second.pdf").read_bytes()


def test_the_environment_is_never_written_even_for_a_moment(tmp_path, monkeypatch, engine):
    """Fonts are stamped with the letter's date without setting SOURCE_DATE_EPOCH, which another
    thread of a process using the library would see."""
    import os

    class Watched(dict):
        def __init__(self, environment):
            super().__init__(environment)
            self.writes: list[str] = []

        def __setitem__(self, key, value):
            self.writes.append(key)
            super().__setitem__(key, value)

        def __delitem__(self, key):
            self.writes.append(key)
            super().__delitem__(key)

    monkeypatch.delenv("SOURCE_DATE_EPOCH", raising=False)
    watched = Watched(os.environ)
    monkeypatch.setattr(os, "environ", watched)
    result = build_pdf(DATA, "--output", tmp_path / "letter.pdf", engine=engine)
    assert result.exit_code == 0, result.stderr
    assert watched.writes == []


def test_the_french_edition_has_french_quotes_date_and_language(tmp_path, engine):
    result = build_pdf(DATA, "--lang", "fr", "--output", tmp_path / "fr.pdf", engine=engine)
    assert result.exit_code == 0, result.stderr
    reader = pypdf.PdfReader(tmp_path / "fr.pdf")
    text = " ".join(" ".join(page.extract_text().split()) for page in reader.pages).replace("\u202f", " ")
    assert "La Haye, 5 septembre 2017" in text
    # Straight quotes in the data become the typographic quotes of French.
    assert "du Sénat de l’AIPP" in text
    assert "« Challenges for Judicial Independence" in text
    assert reader.trailer["/Root"]["/Lang"] == "fr"
    assert reader.metadata.title == "Pétition à l’Association internationale des procureurs et poursuivants"


def test_draft_carries_a_mark_and_pending_signatories(iap_project, tmp_path, engine):
    with (iap_project / "signatories.yaml").open("a", encoding="utf-8") as stream:
        stream.write("- name: Not Yet Signed Foundation\n  location: Nowhere\n  status: pending\n")
    result = build_pdf(iap_project, "--draft", "--output", tmp_path / "draft.pdf", engine=engine)
    assert result.exit_code == 0, result.stderr
    text = squeeze(" ".join(pages_text(pypdf.PdfReader(tmp_path / "draft.pdf"))))
    assert "DRAFT" in text
    assert squeeze("Not Yet Signed Foundation, Nowhere (pending)") in text


def write_dense_letter(project: Path, seed: int) -> dict[str, str]:
    """A letter with about twenty notes of every length, calls wherever a sentence ends."""
    words = [
        "justice",
        "rights",
        "court",
        "lawyer",
        "defender",
        "prosecutor",
        "freedom",
        "press",
        "trial",
        "detention",
        "appeal",
        "report",
    ]
    rnd = random.Random(seed)
    notes: dict[str, str] = {}
    paragraphs = []
    for _ in range(rnd.randint(10, 16)):
        sentences = []
        for _ in range(rnd.randint(1, 10)):
            sentence = " ".join(rnd.choice(words) for _ in range(rnd.randint(6, 18)))
            if rnd.random() < 0.25 and len(notes) < 26:
                key = chr(ord("a") + len(notes))
                notes[key] = f"Note {key} says " + " ".join(rnd.choice(words) for _ in range(rnd.randint(5, 80)))
                sentence += f" ref{key}[^{key}]"
            sentences.append(sentence.capitalize() + ".")
        paragraphs.append(" ".join(sentences))
    (project / "letter.md").write_text("\n\n".join(paragraphs) + "\n", encoding="utf-8")
    (project / "footnotes.yaml").write_text("".join(f"{k}: {v}.\n" for k, v in notes.items()), encoding="utf-8")
    return notes


# Seed 12 is a letter whose notes Typst parts from their calls until it lays
# the letter out twice more with page breaks.
@pytest.mark.parametrize("seed", [0, 2, 12])
def test_a_letter_dense_with_notes_keeps_each_on_its_page(iap_project, tmp_path, seed, engine):
    notes = write_dense_letter(iap_project, seed)
    result = build_pdf(iap_project, "--output", tmp_path / "dense.pdf", engine=engine)
    assert result.exit_code == 0, result.stderr
    assert "footnote-misplaced" not in result.stderr
    texts = [squeeze(text) for text in pages_text(pypdf.PdfReader(tmp_path / "dense.pdf"))]
    for number, key in enumerate(notes, start=1):
        call_pages = [index for index, text in enumerate(texts) if f"ref{key}{number}" in text]
        note_pages = [index for index, text in enumerate(texts) if f"{number}Note{key}says" in text]
        assert len(call_pages) == 1 and note_pages == call_pages, (key, call_pages, note_pages)


def test_a_note_longer_than_a_page_loses_no_text(iap_project, tmp_path, engine):
    """Issue 14: a 2,500-word annex as a note. WeasyPrint cannot carry a note over to the next page, so
    the note is printed after the letter's text; Typst carries it over."""
    sentences = [f"Sentence number {n} of the annex says its piece." for n in range(1, 313)]
    footnotes = iap_project / "footnotes.yaml"
    lines = footnotes.read_text(encoding="utf-8").splitlines()
    footnotes.write_text("\n".join([*lines, "annex: " + " ".join(sentences)]) + "\n", encoding="utf-8")
    letter = iap_project / "letter.md"
    letter.write_text(letter.read_text(encoding="utf-8") + "\nSee the annex.[^annex]\n", encoding="utf-8")
    result = build_pdf(iap_project, "--output", tmp_path / "long.pdf", engine=engine)
    assert result.exit_code == 0, result.stderr
    reader = pypdf.PdfReader(tmp_path / "long.pdf")
    running = {"Petition to the International Association of Prosecutors", f"{{}} / {len(reader.pages)}"}
    kept: list[str] = []
    for number, page in enumerate(reader.pages, start=1):
        height = float(page.mediabox.height)
        heights = [y for line, y in printed_heights(tmp_path / "long.pdf", number - 1)]
        # pypdf reads text laid out past the page's edge too; a reader would never see it.
        assert all(0 <= y <= height for y in heights), f"page {number} prints text off the page"
        # The running title and page number are taken out, so that a sentence may go on over a page break.
        shown = {line.format(number) for line in running}
        kept.extend(line for line in page.extract_text().splitlines() if line.strip() not in shown)
    text = squeeze("\n".join(kept))
    # Each sentence's words in order, after the sentence before: a page may end inside a sentence,
    # and that page's own notes and list markers are read between its last words and the next page's.
    missing, position = [], 0
    for sentence in sentences:
        start = position
        for word in map(squeeze, sentence.split()):
            found = text.find(word, position)
            if found < 0:
                missing.append(sentence)
                position = start
                break
            position = found + len(word)
    assert missing == []
    assert "Seetheannex.6" in text and "6Sentencenumber1ofthe" in text
    assert "[footnote-misplaced]" not in result.stderr
    if engine == "weasyprint":
        assert f"footnotes.yaml:{len(lines) + 1}:1: warning: footnote 6 ('annex') is longer than" in result.stderr
        assert "[footnote-after-text]" in result.stderr


def test_characters_no_font_has_are_reported_with_the_first_signatory_using_them(iap_project, tmp_path, engine):
    # A private-use character: no font on any machine draws it, so the test
    # does not depend on which fallback fonts the machine has.
    signatories = iap_project / "signatories.yaml"
    lines = signatories.read_text(encoding="utf-8").splitlines()
    signatories.write_text(
        "\n".join(lines) + "\n- name: Glyphless \U000f0001 Society\n  location: Nowhere\n", encoding="utf-8"
    )
    result = build_pdf(iap_project, "--output", tmp_path / "boxes.pdf", engine=engine)
    assert result.exit_code == 0, result.stderr
    assert f"signatories.yaml:{len(lines) + 1}:3: warning: 1 character (first in signatory" in result.stderr
    assert result.stderr.count("[glyph-missing]") == 1
    text = "".join(pages_text(pypdf.PdfReader(tmp_path / "boxes.pdf")))
    # One mark a reader sees, in both engines (Typst may not print the empty box under PDF/UA).
    assert "Glyphless \ufffd Society" in text


class RecordingServer:
    """A local HTTP server that serves a tiny image and remembers every request."""

    def __init__(self):
        self.requests: list[str] = []
        recorded = self.requests

        class Handler(http.server.BaseHTTPRequestHandler):
            def do_GET(self):
                recorded.append(self.path)
                self.send_response(200)
                self.send_header("Content-Type", "image/png")
                self.end_headers()
                self.wfile.write(b"\x89PNG\r\n\x1a\n")

            def log_message(self, *args):
                pass

        self.server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.url = f"http://127.0.0.1:{self.server.server_address[1]}"
        self.thread = threading.Thread(target=self.server.serve_forever, daemon=True)

    def __enter__(self):
        self.thread.start()
        return self

    def __exit__(self, *exc_info):
        self.server.shutdown()
        self.server.server_close()


def secret_line() -> str:
    return Path("/etc/passwd").read_text(encoding="utf-8").splitlines()[0]


def assert_leaks_nothing(pdf: Path) -> None:
    reader = pypdf.PdfReader(pdf)
    root = reader.trailer["/Root"]
    assert "/Names" not in root or "/EmbeddedFiles" not in root["/Names"]
    assert secret_line() not in "".join(pages_text(reader))
    for page in reader.pages:
        for annotation in page.get("/Annots", []):
            assert annotation.get_object().get("/Subtype") != "/FileAttachment"
        for xobject in page["/Resources"].get_object().get("/XObject", {}).values():
            assert secret_line().encode() not in xobject.get_object().get_data()


def test_a_hostile_letter_fetches_nothing_reads_nothing_embeds_nothing(iap_project, tmp_path, engine):
    with RecordingServer() as server:
        (iap_project / "letter.md").write_text(
            "Read ![x](file:///etc/passwd) and look ![pixel](" + server.url + "/pixel.png).\n\n"
            f'Raw <img src="{server.url}/raw.png"> and <img src="file:///etc/passwd">.\n\n'
            "<link rel=attachment href=file:///etc/passwd>\n\n"
            f'<object data="{server.url}/object"></object>\n',
            encoding="utf-8",
        )
        result = build_pdf(iap_project, "--format", "pdf", "--format", "html", "--output-dir", tmp_path, engine=engine)
    assert result.exit_code == 0, result.stderr
    assert server.requests == []
    (pdf,) = tmp_path.glob("*.pdf")
    assert_leaks_nothing(pdf)
    assert "image-refused" in result.stderr and "html-raw" in result.stderr
    html = next(tmp_path.glob("*.html")).read_text(encoding="utf-8")
    assert server.url not in html and 'file:///etc/passwd"' not in html


def test_an_image_that_reaches_outside_is_drawn_without_what_it_points_to(iap_project, tmp_path, engine):
    """An SVG inside the project may itself point elsewhere: only rendering sees that, and says so."""
    with RecordingServer() as server:
        (iap_project / "logo.svg").write_text(
            '<svg xmlns="http://www.w3.org/2000/svg" xmlns:xlink="http://www.w3.org/1999/xlink" '
            'width="40" height="20" viewBox="0 0 40 20">'
            '<rect width="40" height="20" fill="#246"/>'
            f'<image href="{server.url}/tracker.png" width="10" height="10"/>'
            '<image xlink:href="file:///etc/passwd" width="10" height="10"/>'
            "</svg>",
            encoding="utf-8",
        )
        (iap_project / "letter.md").write_text("Our logo: ![logo](logo.svg)\n", encoding="utf-8")
        result = build_pdf(iap_project, "--output", tmp_path / "logo.pdf", engine=engine)
    assert result.exit_code == 0, result.stderr
    assert server.requests == []
    assert_leaks_nothing(tmp_path / "logo.pdf")
    assert "url-refused" in result.stderr
    assert f"{server.url}/tracker.png" in result.stderr and "file:///etc/passwd" in result.stderr


@pytest.mark.parametrize(
    "url",
    [
        "file:///etc/passwd",
        "file://localhost/etc/passwd",
        "file://{project}/../secret.txt",
        "file://{project}/%2e%2e/secret.txt",
        "file://{project}",
        "http://127.0.0.1:9/pixel.png",
        "https://example.org/logo.png",
        "ftp://example.org/logo.png",
    ],
)
def test_the_pdf_engine_may_read_nothing_outside_the_project(iap_project, url):
    from petitioncli.render.sandbox import Refused, Sandbox
    from petitioncli.render.weasyprint_engine import SandboxedFetcher

    (iap_project.parent / "secret.txt").write_text("secret", encoding="utf-8")
    fetcher = SandboxedFetcher(Sandbox(iap_project))
    url = url.format(project=iap_project)
    with pytest.raises(Refused) as refused:
        fetcher.fetch(url)
    assert str(refused.value).startswith(f"'{url}' is not read: ")


def test_the_pdf_engine_reads_project_files_and_data_uris(iap_project):
    from petitioncli.render.sandbox import Sandbox
    from petitioncli.render.weasyprint_engine import SandboxedFetcher

    fetcher = SandboxedFetcher(Sandbox(iap_project))
    assert fetcher.fetch((iap_project / "letter.md").as_uri()).read().startswith(b"In the run-up")
    assert fetcher.fetch("data:text/plain;base64,aGVsbG8=").read() == b"hello"


def test_a_symlink_out_of_the_project_is_not_followed(iap_project, tmp_path):
    outside = tmp_path / "outside"
    outside.mkdir()
    shutil.copy(DATA / "petition.yaml", outside / "secret.png")
    (iap_project / "logo.png").symlink_to(outside / "secret.png")
    (iap_project / "letter.md").write_text("Logo ![logo](logo.png).\n", encoding="utf-8")
    result = build_pdf(iap_project, "--format", "html", "--output", tmp_path / "letter.html", engine=None)
    assert result.exit_code == 0, result.stderr
    assert "<img" not in (tmp_path / "letter.html").read_text(encoding="utf-8")
    assert "image-refused" in result.stderr


# What each engine says while it works: WeasyPrint lays pages out one by one.
PROGRESS = {"weasyprint": "Laying out page 1", "typst": "Laying out and writing the PDF with Typst"}


def test_progress_is_reported_while_pages_are_laid_out(iap_project, tmp_path, engine):
    from petitioncli.build import BuildOptions, build

    messages: list[str] = []
    outcome = build(iap_project / "petition.yaml", BuildOptions(output_dir=tmp_path, engine=engine), messages.append)
    assert not outcome.failed
    assert PROGRESS[engine] in messages
    # The layout keeps the IAP letter's notes in place the first time: a
    # second one would double the time a build takes.
    assert not any("again" in message for message in messages)


def test_the_garbage_collector_waits_while_pages_are_laid_out_and_is_back_after(iap_project, tmp_path, engine):
    import gc

    from petitioncli.build import BuildOptions, build

    collecting: list[bool] = []
    options = BuildOptions(output_dir=tmp_path, engine=engine)
    outcome = build(iap_project / "petition.yaml", options, lambda message: collecting.append(gc.isenabled()))
    assert not outcome.failed
    assert collecting and not any(collecting)
    assert gc.isenabled()


def test_without_the_typst_extra_the_engine_is_refused_with_the_install_command(tmp_path, monkeypatch):
    # None in sys.modules makes `import typst` fail as if it were not installed.
    monkeypatch.setitem(sys.modules, "typst", None)
    result = build_pdf(DATA, "--output", tmp_path / "letter.pdf", engine="typst")
    assert result.exit_code == 2
    assert "pip install 'petitioncli[typst]'" in result.stderr
    assert len(result.stderr.strip().splitlines()) == 1
    assert not (tmp_path / "letter.pdf").exists()


@pytest.mark.skipif(TYPST_MISSING, reason="the typst extra is not installed: pip install '.[typst]'")
def test_the_manifest_chooses_the_engine_and_the_option_overrides_it(iap_project, tmp_path):
    manifest = iap_project / "petition.yaml"
    manifest.write_text(manifest.read_text(encoding="utf-8") + "engine: typst\n", encoding="utf-8")
    assert build_pdf(iap_project, "--output", tmp_path / "typst.pdf", engine=None).exit_code == 0
    assert build_pdf(iap_project, "--output", tmp_path / "weasy.pdf", engine="weasyprint").exit_code == 0
    assert pypdf.PdfReader(tmp_path / "typst.pdf").metadata.creator.startswith("Typst")
    assert "WeasyPrint" in pypdf.PdfReader(tmp_path / "weasy.pdf").metadata.producer


def test_an_unknown_engine_in_the_manifest_is_an_error(iap_project, tmp_path):
    manifest = iap_project / "petition.yaml"
    manifest.write_text(manifest.read_text(encoding="utf-8") + "engine: typset\n", encoding="utf-8")
    result = build_pdf(iap_project, "--output", tmp_path / "letter.pdf", engine=None)
    assert result.exit_code == 1
    assert "did you mean 'typst'?" in result.stderr and "[value-unknown]" in result.stderr


def test_text_that_looks_like_markup_prints_as_written(iap_project, tmp_path, engine):
    """The letter's texts reach either engine as text: nothing in them is read as HTML or Typst code."""
    # (A name needs a letter or digit: punctuation alone is refused, as signatory-name-empty.)
    hostile = ['#read("/etc/passwd")', "$x^2$ and *stars* _under_", "<b>not bold</b> @ref <label>", "]#{ x } \\"]
    manifest = iap_project / "petition.yaml"
    text = manifest.read_text(encoding="utf-8")
    title = "title: Petition to the International Association of Prosecutors"
    manifest.write_text(text.replace(title, 'title: "#set page(width: 1cm) Petition"'), encoding="utf-8")
    with (iap_project / "signatories.yaml").open("a", encoding="utf-8") as stream:
        stream.writelines(f"- name: {yaml.safe_dump(name).split(chr(10))[0]}\n" for name in hostile)
    result = build_pdf(iap_project, "--output", tmp_path / "marks.pdf", engine=engine)
    assert result.exit_code == 0, result.stderr
    reader = pypdf.PdfReader(tmp_path / "marks.pdf")
    text = squeeze(" ".join(pages_text(reader)))
    for name in [*hostile, "#set page(width: 1cm) Petition"]:
        assert squeeze(name) in text, name
    assert secret_line() not in text
    assert reader.metadata.title.startswith("#set page(width: 1cm)")
