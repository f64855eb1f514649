"""Images in a letter: read by check, held to limits, embedded once each use, never more than allowed."""

from __future__ import annotations

import json
import shutil
import struct
import zlib
from pathlib import Path

import pytest

from test_check_corpus import BASE


@pytest.fixture
def project(tmp_path: Path) -> Path:
    target = tmp_path / "letter"
    shutil.copytree(BASE, target)
    return target


def problems(run_cli, project: Path) -> tuple[int, list[dict]]:
    result = run_cli("check", "--output-format", "json", cwd=project)
    return result.exit_code, json.loads(result.stdout)


def chunk(kind: bytes, data: bytes) -> bytes:
    return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data))


def png(width: int, height: int, padding: int = 0) -> bytes:
    """A valid PNG header for any size, with `padding` bytes of comment to make the file as large as asked."""
    header = struct.pack(">IIBBBBB", width, height, 1, 0, 0, 0, 0)
    comment = chunk(b"tEXt", b"Comment\0" + b"x" * padding) if padding else b""
    pixels = zlib.compress(b"\0\0" * min(height, 4))
    return b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", header) + comment + chunk(b"IDAT", pixels) + chunk(b"IEND", b"")


def test_one_image_used_a_hundred_times_counts_a_hundred_times(run_cli, project, tmp_path):
    # A 5 MB PNG used 100 times made a 678 MB web page and took 5 GB to build.
    (project / "logo.png").write_bytes(png(4, 4, padding=400 * 1024))
    (project / "letter.md").write_text("We write[^report].\n\n" + "![Our logo](logo.png)\n\n" * 100, encoding="utf-8")
    code, found = problems(run_cli, project)
    assert code == 1
    # 81 uses of 400 KB fit in 32 MB; the 82nd does not, and is where it is said, once.
    assert [(p["rule"], p["file"], p["line"], p["column"]) for p in found] == [
        ("image-too-large", "letter.md", 3 + 2 * 81, 13)
    ]
    assert "the images of a letter may hold 32 MB together, each use counted" in found[0]["message"]
    result = run_cli("build", project, "--format", "html", "--output-dir", tmp_path / "out")
    assert result.exit_code == 1 and not (tmp_path / "out").exists()


def test_an_image_of_too_many_pixels_is_refused_from_its_header(run_cli, project):
    # 1 KB on disk, 40 GB once decoded.
    (project / "huge.png").write_bytes(png(200_000, 200_000))
    (project / "letter.md").write_text("We write[^report].\n\n![Huge](huge.png)\n", encoding="utf-8")
    code, found = problems(run_cli, project)
    assert code == 1
    assert [(p["rule"], p["line"], p["column"]) for p in found] == [("image-too-large", 3, 9)]
    assert "200,000 × 200,000 pixels; an image may have at most 25,000,000" in found[0]["message"]


def test_an_image_within_the_limits_is_embedded_at_each_use(run_cli, project, tmp_path):
    (project / "logo.png").write_bytes(png(4, 4))
    (project / "letter.md").write_text("We write[^report].\n\n![A](logo.png) and ![B](logo.png)\n", encoding="utf-8")
    assert problems(run_cli, project) == (0, [])
    result = run_cli("build", project, "--format", "html", "--output-dir", tmp_path / "out")
    assert result.exit_code == 0, result.stderr
    html = next((tmp_path / "out").iterdir()).read_text(encoding="utf-8")
    assert html.count('<img src="data:image/png;base64,') == 2


def test_a_build_embeds_each_image_as_check_read_it_and_reads_no_image_file_again(project):
    """The letter is read once: an image changed or deleted after check is embedded as check read it."""
    import base64
    import datetime as dt

    from petitioncli.build import validate
    from petitioncli.edition import make_edition
    from petitioncli.render.html import render_html
    from petitioncli.render.typst_data import letter_data

    checked = png(4, 4)
    (project / "logo.png").write_bytes(checked)
    (project / "head.png").write_bytes(checked)
    manifest = project / "petition.yaml"
    manifest.write_text(manifest.read_text(encoding="utf-8") + "letterhead: head.png\n", encoding="utf-8")
    (project / "letter.md").write_text("We write[^report].\n\n![A](logo.png)\n", encoding="utf-8")
    result = validate(manifest)
    assert not result.diagnostics
    (project / "logo.png").write_bytes(png(8, 8))
    (project / "head.png").unlink()
    edition = make_edition(result.letter, "board", dt.date(2020, 1, 15))
    html = render_html(edition)
    assert html.count(f"data:image/png;base64,{base64.b64encode(checked).decode()}") == 2
    assert list(letter_data(edition, "a4").images.values()) == [checked, checked]


LETTERHEAD_MANIFEST = "letterhead: head.{suffix}\n"


def with_letterhead(project: Path, suffix: str, content: bytes | str | None) -> None:
    manifest = project / "petition.yaml"
    manifest.write_text(
        manifest.read_text(encoding="utf-8") + LETTERHEAD_MANIFEST.format(suffix=suffix), encoding="utf-8"
    )
    path = project / f"head.{suffix}"
    if content is None:
        path.mkdir()
    elif isinstance(content, bytes):
        path.write_bytes(content)
    else:
        path.write_text(content, encoding="utf-8")


@pytest.mark.parametrize(
    ("suffix", "content", "found"),
    [
        ("png", "not an image", ("image-unreadable", "image 'head.png' is left out: it is not a PNG", 0)),
        ("png", None, ("file-unreadable", "image 'head.png' is a folder, not a file", 2)),
        ("png", png(200_000, 200_000), ("image-too-large", "image 'head.png' is 200,000 × 200,000 pixels", 1)),
        ("svg", '<svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script></svg>', ("url-refused", "", 0)),
    ],
    ids=["no-image", "folder", "too-many-pixels", "script"],
)
def test_the_letterhead_is_judged_by_check_like_any_image(run_cli, project, suffix, content, found):
    with_letterhead(project, suffix, content)
    code, problems_found = problems(run_cli, project)
    assert [(p["rule"], p["file"], p["line"], p["column"]) for p in problems_found] == [
        (found[0], "petition.yaml", 5, 13)
    ]
    assert found[1] in problems_found[0]["message"]
    assert code == found[2]


def test_the_letterhead_counts_among_the_letters_images(run_cli, project):
    with_letterhead(project, "png", png(4, 4, padding=17 * 1024 * 1024))
    (project / "logo.png").write_bytes(png(4, 4, padding=17 * 1024 * 1024))
    (project / "letter.md").write_text("We write[^report].\n\n![Our logo](logo.png)\n", encoding="utf-8")
    code, found = problems(run_cli, project)
    assert code == 1
    assert [(p["rule"], p["file"], p["line"]) for p in found] == [("image-too-large", "letter.md", 3)]
