"""Whatever image `check` accepts, both engines draw: every image decoded whole, within limits both accept."""

from __future__ import annotations

import io
import json
from pathlib import Path

import pypdf
import pytest
from PIL import Image

from projects import ENGINES, build_pdf, petition, write_project

SVG = '<svg xmlns="http://www.w3.org/2000/svg" {}><rect width="4" height="4" fill="#246"/>{}</svg>\n'


def picture(kind: str, **options) -> bytes:
    image = Image.new("RGB", (64, 64), (10, 120, 30))
    for x in range(64):
        image.putpixel((x, x), (250, 0, 0))
    out = io.BytesIO()
    image.save(out, kind, **options)
    return out.getvalue()


def damaged_idat() -> bytes:
    data = bytearray(picture("PNG"))
    start = data.index(b"IDAT") + 8
    data[start : start + 12] = bytes(byte ^ 0x5A for byte in data[start : start + 12])
    return bytes(data)


def scans(count: int) -> bytes:
    """A progressive JPEG whose last scan is repeated until it has `count` scans."""
    data = picture("JPEG", progressive=True)
    last = data.rindex(b"\xff\xda")
    scan = data[last:-2]
    return data[:-2] + scan * (count - data.count(b"\xff\xda")) + b"\xff\xd9"


IMAGES = {
    "idat.png": damaged_idat(),
    "cut.png": picture("PNG")[:150],
    "cut.gif": picture("GIF")[:-60],
    "flat.svg": SVG.format('width="0" height="10"', ""),
    "backwards.svg": SVG.format('width="-5" height="10"', ""),
    "filtered.svg": SVG.format(
        'width="100" height="100"',
        '<filter id="f"><feTurbulence baseFrequency="0.05" numOctaves="1000"/>'
        '<feMorphology radius="1000000"/></filter><rect width="100" height="100" filter="url(#f)"/>',
    ),
    "progressive.jpg": picture("JPEG", progressive=True),
}
LETTER = "We write[^report].\n\n" + "\n\n".join(f"![{name}]({name})" for name in IMAGES) + "\n"


@pytest.fixture(scope="module")
def project(tmp_path_factory) -> Path:
    return write_project(tmp_path_factory.mktemp("images") / "letter", {"letter.md": LETTER, **IMAGES})


def test_check_decodes_every_image_and_says_which_would_not_draw(project):
    result = petition("check", project, "--output-format", "json")
    assert result.exit_code == 0
    found = {(d["line"], d["rule"]): d["message"] for d in json.loads(result.stdout)}
    assert found[(3, "image-unreadable")].startswith("image 'idat.png' is left out: it is damaged or cut short")
    assert found[(5, "image-unreadable")].startswith("image 'cut.png' is left out: it is damaged or cut short")
    assert found[(7, "image-unreadable")].startswith("image 'cut.gif' is left out: it is damaged or cut short")
    assert found[(9, "image-unreadable")] == "image 'flat.svg' is left out: its width is 0: it has no size to draw"
    assert found[(11, "image-unreadable")] == (
        "image 'backwards.svg' is left out: its width is -5: it has no size to draw"
    )
    assert found[(13, "url-refused")] == (
        "image 'filtered.svg' is embedded without what could run, reach outside the letter or take minutes to "
        "draw: the <filter> element"
    )
    assert [line for line, _ in found] == [3, 5, 7, 9, 11, 13]


@pytest.mark.parametrize("engine", ENGINES)
def test_both_engines_build_what_check_accepted_with_the_images_that_draw(project, tmp_path, engine):
    pdf = build_pdf(project, tmp_path / "out", engine)
    reader = pypdf.PdfReader(pdf)
    jpegs = [image for page in reader.pages for image in page.images if image.name.endswith(".jpg")]
    assert len(jpegs) == 1  # the progressive JPEG; the damaged images are left out, the SVG drawn as paths


def test_a_jpeg_of_too_many_scans_is_refused(tmp_path):
    files = {"letter.md": "We write[^report].\n\n![many](many.jpg)\n", "many.jpg": scans(150)}
    result = petition("check", write_project(tmp_path / "letter", files))
    assert result.exit_code == 1
    assert "letter.md:3:9: error: image 'many.jpg' is a JPEG of 150 scans; a JPEG may have at most 100 scans" in (
        result.stdout
    )
