"""SVG images read with limits, and rewritten from an allow-list so that a letter embeds only a picture.

An SVG file is a program as much as a picture: it may run scripts, answer
events, fetch other files and web addresses, declare entities that expand a
few bytes into gigabytes (billion laughs), and repeat itself through `<use>`
until a renderer never ends. The file is parsed with expat, entity
declarations refused and external entities never loaded, counting elements
and nesting as it goes; references (`href="#id"`, `url(#id)`) are then
followed to count what drawing would repeat. What is kept is written out
anew: the elements and attributes of `svg_names.py`, references only inside
the image (and raster images as data URIs), CSS only from allowed functions.
Everything else is left out, and said.
"""

from __future__ import annotations

import base64
import binascii
import re
from dataclasses import dataclass, field
from typing import Any
from xml.parsers import expat

from markupsafe import escape

from .. import limits, rules
from . import ImageProblem, image_type, svg_css
from .svg_names import (
    ATTRIBUTES,
    ELEMENTS,
    GRADIENTS,
    SVG_NAMESPACE,
    TEXT_ELEMENTS,
    XLINK_NAMESPACE,
    XML_NAMESPACE,
)

_RASTER = ("image/png", "image/jpeg", "image/gif", "image/webp")
# The number a length starts with ("0", "-5", "0.0e1px").
_NUMBER = re.compile(r"\s*[+-]?(?:\d+\.?\d*|\.\d+)(?:[eE][+-]?\d+)?")


@dataclass(slots=True)
class _Element:
    name: str
    attributes: dict[str, str] = field(default_factory=dict)
    children: list[_Element | str] = field(default_factory=list)
    # Ids this element's own attributes refer to: drawing it draws them too.
    refs: list[str] = field(default_factory=list)


def rewrite(data: bytes) -> tuple[bytes, tuple[str, ...]]:
    """The image as a letter embeds it, and what was left out of it; ImageProblem when it is refused."""
    reader = _Reader()
    reader.read(data)
    if reader.root is None:
        raise ImageProblem(rules.IMAGE_UNREADABLE, "it holds no <svg> element")
    _check_dimensions(reader.root)
    for sheet in reader.style_sheets:
        reader.rewrite_style_sheet(sheet)
    _check_repetition(reader.root, reader.ids)
    out: list[str] = []
    _write(reader.root, out, root=True)
    return "".join(out).encode("utf-8"), tuple(reader.removed)


class _Reader:
    def __init__(self) -> None:
        self.root: _Element | None = None
        # The open elements; None for one left out, with everything inside it.
        self.open: list[_Element | None] = []
        self.count = 0
        self.ids: dict[str, _Element] = {}
        self.style_sheets: list[_Element] = []
        self.removed: dict[str, None] = {}

    def read(self, data: bytes) -> None:
        parser = expat.ParserCreate(namespace_separator=" ")
        # External DTDs and parameter entities are never read; declaring an entity is refused.
        parser.SetParamEntityParsing(expat.XML_PARAM_ENTITY_PARSING_NEVER)
        parser.EntityDeclHandler = _refuse_entities
        parser.UnparsedEntityDeclHandler = _refuse_entities
        parser.StartElementHandler = self.start
        parser.EndElementHandler = self.end
        parser.CharacterDataHandler = self.text
        parser.ProcessingInstructionHandler = self.instruction
        parser.buffer_text = True
        try:
            parser.Parse(data, True)
        except expat.ExpatError as exc:
            reason = expat.ErrorString(exc.code) if exc.code else str(exc)
            message = f"it is not well-formed SVG: {reason} at line {exc.lineno}"
            raise ImageProblem(rules.IMAGE_UNREADABLE, message) from None

    def start(self, name: str, attributes: dict[str, str]) -> None:
        self.count += 1
        if self.count > limits.SVG_ELEMENTS.value or len(self.open) >= limits.SVG_DEPTH.value:
            raise _too_large()
        namespace, _, local = name.rpartition(" ")
        parent = self.open[-1] if self.open else None
        if self.open and parent is None:
            self.open.append(None)
            return
        if self.root is None and (local != "svg" or namespace not in (SVG_NAMESPACE, "")):
            raise ImageProblem(rules.IMAGE_UNREADABLE, f"its root element is <{local}>, not <svg>")
        if namespace in (SVG_NAMESPACE, "") and local in ELEMENTS:
            element = _Element(local)
            for key, value in attributes.items():
                self.attribute(element, key, value)
            if "id" in element.attributes:
                self.ids.setdefault(element.attributes["id"], element)
            if self.root is None:
                self.root = element
            else:
                assert parent is not None
                parent.children.append(element)
            if local == "style":
                self.style_sheets.append(element)
            self.open.append(element)
            return
        if namespace in (SVG_NAMESPACE, "") or local.lower() in ("script", "iframe", "object", "embed"):
            # Other namespaces hold editors' data (Inkscape, Illustrator), which draws nothing.
            self.removed[f"the <{local}> element"] = None
        self.open.append(None)

    def end(self, name: str) -> None:
        self.open.pop()

    def text(self, text: str) -> None:
        element = self.open[-1] if self.open else None
        if element is not None and element.name in TEXT_ELEMENTS:
            element.children.append(text)

    def instruction(self, target: str, data: str) -> None:
        if target.lower() == "xml-stylesheet":
            self.removed[f"the style sheet instruction <?{target} {data}?>"] = None

    def attribute(self, element: _Element, key: str, value: str) -> None:
        namespace, _, local = key.rpartition(" ")
        if namespace == XLINK_NAMESPACE and local == "href":
            name = "xlink:href"
        elif namespace == XML_NAMESPACE and local in ("space", "lang"):
            name = f"xml:{local}"
        elif namespace:
            return  # an editor's data
        elif local.lower().startswith("on"):
            self.removed[f"the event handler '{local}'"] = None
            return
        elif local in ATTRIBUTES or local == "href":
            name = local
        else:
            return
        if name in ("href", "xlink:href"):
            kept = self.reference(element, value.strip())
        elif name == "style":
            kept, refs = svg_css.declarations(value, self.removed)
            element.refs.extend(refs)
        elif "(" in value:
            refs, refused = svg_css.attribute_references(value)
            kept = None if refused else value
            if refused:
                self.removed[refused] = None
            element.refs.extend(refs)
        else:
            kept = value
        if kept is not None:
            element.attributes[name] = kept

    def reference(self, element: _Element, target: str) -> str | None:
        if target.startswith("#"):
            element.refs.append(target[1:])
            return target
        if element.name == "image" and target[:5].lower() == "data:":
            return self.embedded_image(target)
        self.removed[f"a reference to '{svg_css.shortened(target)}'"] = None
        return None

    def embedded_image(self, uri: str) -> str | None:
        """A raster image inside the SVG, as a data URI: kept when it is one, and within the pixel limit."""
        header, _, payload = uri.partition(",")
        try:
            data = base64.b64decode(payload, validate=True) if header.lower().endswith(";base64") else b""
        except binascii.Error:
            data = b""
        media = image_type(data)
        if media not in _RASTER:
            self.removed[f"a reference to '{svg_css.shortened(uri)}'"] = None
            return None
        from . import check_pixels

        check_pixels(data, media)
        return f"data:{media};base64,{payload}"

    def is_gradient(self, ref: str) -> bool:
        target = self.ids.get(ref)
        return target is not None and target.name in GRADIENTS

    def rewrite_style_sheet(self, sheet: _Element) -> None:
        """A `<style>` element's rules apply to elements no reference names, so they may point only at gradients."""
        text = "".join(child for child in sheet.children if isinstance(child, str))
        sheet.children = [svg_css.style_sheet(text, self.removed, self.is_gradient)]


def _check_dimensions(root: _Element) -> None:
    """A picture of no size draws nothing, and Typst refuses it: a width, a height or a viewBox
    of zero or less."""
    sizes = [(name, root.attributes.get(name, "")) for name in ("width", "height")]
    box = root.attributes.get("viewBox", "").replace(",", " ").split()
    if len(box) == 4:
        sizes += [("viewBox width", box[2]), ("viewBox height", box[3])]
    for name, value in sizes:
        number = _NUMBER.match(value)
        if number is not None and float(number.group()) <= 0:
            raise ImageProblem(rules.IMAGE_UNREADABLE, f"its {name} is {value.strip()}: it has no size to draw")


def _refuse_entities(*arguments: Any) -> None:
    raise ImageProblem(
        rules.IMAGE_UNREADABLE, "it declares XML entities, which are not read: a few can expand into gigabytes"
    )


def _too_large() -> ImageProblem:
    return ImageProblem(
        rules.IMAGE_TOO_LARGE,
        f"has more than {limits.SVG_ELEMENTS.value:,} elements or nests them more than "
        f"{limits.SVG_DEPTH.value} deep, counting what its references (<use>, url(#…)) repeat",
    )


def _check_repetition(root: _Element, ids: dict[str, _Element]) -> None:
    """Counts the elements drawing would visit, each reference drawing its target again; refuses a cycle.

    Worked out once per element, with a stack: a chain of `<use>` ten deep,
    each repeating the last ten times, is ten thousand million elements drawn
    from a file of a kilobyte.
    """
    size: dict[int, int] = {}
    depth: dict[int, int] = {}
    visiting: set[int] = set()
    stack: list[tuple[_Element, bool]] = [(root, False)]
    most = limits.SVG_ELEMENTS.value
    while stack:
        element, finished = stack.pop()
        key = id(element)
        drawn = [child for child in element.children if isinstance(child, _Element)]
        drawn += [ids[ref] for ref in element.refs if ref in ids and ids[ref].name not in GRADIENTS]
        if finished:
            visiting.discard(key)
            size[key] = min(most + 1, 1 + sum(size[id(part)] for part in drawn))
            depth[key] = 1 + max((depth[id(part)] for part in drawn), default=0)
            continue
        if key in size:
            continue
        if key in visiting:
            raise ImageProblem(
                rules.IMAGE_TOO_LARGE, "refers to an element that holds the reference itself, repeating without end"
            )
        visiting.add(key)
        stack.append((element, True))
        stack.extend((part, False) for part in drawn if id(part) not in size)
    if size[id(root)] > most or depth[id(root)] > limits.SVG_DEPTH.value:
        raise _too_large()


def _write(element: _Element, out: list[str], *, root: bool = False) -> None:
    """The element as XML; nesting is bounded by the depth limit, so recursion is too."""
    out.append(f"<{element.name}")
    if root:
        out.append(f' xmlns="{SVG_NAMESPACE}" xmlns:xlink="{XLINK_NAMESPACE}"')
    for name, value in element.attributes.items():
        # Line breaks and tabs in a value would be read back as spaces.
        written = str(escape(value)).replace("\n", "&#10;").replace("\r", "&#13;").replace("\t", "&#9;")
        out.append(f' {name}="{written}"')
    if not element.children:
        out.append("/>")
        return
    out.append(">")
    for child in element.children:
        if isinstance(child, str):
            out.append(str(escape(child)))
        else:
            _write(child, out)
    out.append(f"</{element.name}>")
