"""SVG images: held to their limits by check, and embedded with nothing that runs or reaches outside the letter."""

from __future__ import annotations

import base64
import json
import re
import shutil
import xml.etree.ElementTree as ElementTree
from pathlib import Path

import pytest

from test_check_corpus import BASE, SVG, SVG_USE_BOMB

SVG_NS = "{http://www.w3.org/2000/svg}"
XLINK_HREF = "{http://www.w3.org/1999/xlink}href"


@pytest.fixture
def project(tmp_path: Path) -> Path:
    target = tmp_path / "letter"
    shutil.copytree(BASE, target)
    (target / "letter.md").write_text("We write[^report].\n\n![Our logo](logo.svg)\n", encoding="utf-8")
    return target


def problems(run_cli, project: Path) -> tuple[int, list[dict]]:
    result = run_cli("check", "--output-format", "json", cwd=project)
    return result.exit_code, json.loads(result.stdout)


def embedded_svg(run_cli, project: Path, out: Path) -> tuple[str, str]:
    """The build's warnings, and the SVG image its web page embeds, decoded."""
    result = run_cli("build", project, "--format", "html", "--output-dir", out)
    assert result.exit_code == 0, result.stderr
    html = next(out.iterdir()).read_text(encoding="utf-8")
    (encoded,) = re.findall(r'<img src="data:image/svg\+xml;base64,([^"]+)"', html)
    assert "<script" not in html
    return result.stderr, base64.b64decode(encoded).decode("utf-8")


@pytest.mark.parametrize(
    ("svg", "words"),
    [
        (SVG_USE_BOMB, "has more than 10,000 elements"),
        (SVG.format("<g>" * 60 + "</g>" * 60), "nests them more than 50 deep"),
        (SVG.format('<g id="a"><rect width="1" height="1"/><use href="#a"/></g>'), "holds the reference itself"),
        (SVG.format('<pattern id="p"><rect fill="url(#p)" width="1" height="1"/></pattern>'), "reference itself"),
    ],
    ids=["use-bomb", "nested-too-deep", "use-of-itself", "pattern-of-itself"],
)
def test_an_svg_that_would_draw_for_ever_is_refused_by_check(run_cli, project, tmp_path, svg, words):
    # A 1.7 KB SVG of nested <use> passed check, then made the PDF build run for ever.
    (project / "logo.svg").write_text(svg, encoding="utf-8")
    code, found = problems(run_cli, project)
    assert code == 1
    assert [(p["rule"], p["line"], p["column"]) for p in found] == [("image-too-large", 3, 13)]
    assert words in found[0]["message"]
    result = run_cli("build", project, "--format", "pdf", "--output-dir", tmp_path / "out")
    assert result.exit_code == 1 and not (tmp_path / "out").exists()


def test_an_svg_declaring_entities_is_not_read(run_cli, project):
    laughs = '<!DOCTYPE svg [<!ENTITY a "lol">' + "".join(
        f'<!ENTITY {chr(98 + i)} "{("&" + chr(97 + i) + ";") * 10}">' for i in range(9)
    )
    (project / "logo.svg").write_text(laughs + ']><svg xmlns="http://www.w3.org/2000/svg"><text>&j;</text></svg>')
    code, found = problems(run_cli, project)
    assert code == 0
    assert [p["rule"] for p in found] == ["image-unreadable"]
    assert "declares XML entities" in found[0]["message"]


def test_a_hostile_svg_is_embedded_as_a_picture_only(run_cli, project, tmp_path):
    # Embedded verbatim, these ran scripts in the web page's image and fetched from the network.
    (project / "logo.svg").write_text(
        '<?xml-stylesheet href="https://evil.example/a.css"?>'
        '<svg xmlns="http://www.w3.org/2000/svg" xmlns:xlink="http://www.w3.org/1999/xlink" '
        'width="40" height="20" onload="alert(1)">'
        "<script>alert(2)</script>"
        "<style>@import url(https://evil.example/b.css); .a { fill: url(#g) } .b { fill: url(#p) }"
        " .c { background: image-set('https://evil.example/c.png' 1x) }</style>"
        '<defs><linearGradient id="g"><stop offset="0" stop-color="#246"/></linearGradient>'
        '<pattern id="p" width="2" height="2"><rect width="1" height="1"/></pattern></defs>'
        '<rect id="r" class="a" width="40" height="20" style="stroke: url(https://evil.example/d); fill: red"/>'
        '<use href="#r" x="1"/><use xlink:href="other.svg#r"/>'
        '<image href="https://evil.example/e.png" width="1" height="1"/>'
        '<image xlink:href="file:///etc/passwd" width="1" height="1"/>'
        '<a href="javascript:alert(3)"><circle r="1" fill="url(#p)"/></a>'
        '<foreignObject><iframe xmlns="http://www.w3.org/1999/xhtml" src="https://evil.example/f"/></foreignObject>'
        '<animate attributeName="href" to="javascript:alert(4)"/>'
        "</svg>",
        encoding="utf-8",
    )
    code, found = problems(run_cli, project)
    assert code == 0 and [p["rule"] for p in found] == ["url-refused"]
    assert "the event handler 'onload', the <script> element" in found[0]["message"]
    warnings, svg = embedded_svg(run_cli, project, tmp_path / "out")
    assert "url-refused" in warnings
    for word in ("script", "onload", "evil.example", "javascript", "passwd", "other.svg", "iframe", "animate", "@"):
        assert word not in svg, word
    root = ElementTree.fromstring(svg)
    # Elements whose reference was refused stay, drawing nothing.
    expected = ["style", "defs", "rect", "use", "use", "image", "image", "a"]
    assert [element.tag.removeprefix(SVG_NS) for element in root] == expected
    assert root.find(f"{SVG_NS}style").text == ".a{fill:url(#g)}\n.b{}\n.c{}"
    assert root.find(f"{SVG_NS}rect").get("style") == "fill:red"
    assert [use.get("href") for use in root.iter(f"{SVG_NS}use")] == ["#r", None]
    assert root.find(f"{SVG_NS}a").get("href") is None
    assert root.find(f"{SVG_NS}a/{SVG_NS}circle").get("fill") == "url(#p)"


def test_a_plain_logo_is_embedded_whole_and_printed(run_cli, project, tmp_path):
    logo = (
        '<?xml version="1.0" encoding="UTF-8"?>\n'
        '<!DOCTYPE svg PUBLIC "-//W3C//DTD SVG 1.1//EN" "http://www.w3.org/Graphics/SVG/1.1/DTD/svg11.dtd">\n'
        '<svg xmlns="http://www.w3.org/2000/svg" xmlns:xlink="http://www.w3.org/1999/xlink"'
        ' xmlns:inkscape="http://www.inkscape.org/namespaces/inkscape" viewBox="0 0 40 20">'
        "<title>Coalition &amp; friends</title><style>.cls-1{fill:#1d71b8;}</style>"
        '<defs><path id="leaf" d="M0 0 L4 4 Z" inkscape:label="leaf"/></defs>'
        '<rect class="cls-1" width="40" height="20"/><use xlink:href="#leaf" transform="translate(2 2)"/>'
        '<text x="1" y="15" font-family="serif" xml:space="preserve">A &lt;b&gt; c</text></svg>'
    )
    (project / "logo.svg").write_text(logo, encoding="utf-8")
    assert problems(run_cli, project) == (0, [])
    warnings, svg = embedded_svg(run_cli, project, tmp_path / "out")
    assert warnings == ""
    root = ElementTree.fromstring(svg)
    assert root.find(f"{SVG_NS}title").text == "Coalition & friends"
    assert root.find(f"{SVG_NS}style").text == ".cls-1{fill:#1d71b8}"
    assert root.find(f"{SVG_NS}use").get(XLINK_HREF) == "#leaf"
    assert root.find(f"{SVG_NS}text").text == "A <b> c"
    assert "inkscape" not in svg
    result = run_cli("build", project, "--format", "pdf", "--output-dir", tmp_path / "pdf")
    assert result.exit_code == 0, result.stderr
    assert "url-refused" not in result.stderr


def test_an_svg_that_is_not_well_formed_is_left_out(run_cli, project):
    (project / "logo.svg").write_text('<svg xmlns="http://www.w3.org/2000/svg"><rect></svg>', encoding="utf-8")
    code, found = problems(run_cli, project)
    assert (code, [p["rule"] for p in found]) == (0, ["image-unreadable"])
    assert "not well-formed SVG: mismatched tag at line 1" in found[0]["message"]
