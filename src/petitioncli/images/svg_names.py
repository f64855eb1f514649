"""The SVG a letter may embed: the elements, attributes and CSS functions kept by the rewrite; nothing else is."""

from __future__ import annotations

SVG_NAMESPACE = "http://www.w3.org/2000/svg"
XLINK_NAMESPACE = "http://www.w3.org/1999/xlink"
XML_NAMESPACE = "http://www.w3.org/XML/1998/namespace"

# What draws a picture. Not: script, foreignObject (any HTML at all), the
# animation elements (they can set an href to a script), cursor, the SVG
# fonts, iframe, audio and video; and no filter: a few bytes of
# `feTurbulence numOctaves="1000"` or `feMorphology radius="1000000"` keep a
# renderer busy for minutes, and a letter's logo does without them.
ELEMENTS = frozenset(
    """svg g defs symbol use switch a title desc metadata style path rect circle ellipse line polyline
    polygon text tspan textPath image linearGradient radialGradient stop pattern clipPath mask
    marker""".split()
)

# Elements whose text is content (the rest hold only whitespace between elements).
TEXT_ELEMENTS = frozenset(
    {
        "text",
        "tspan",
        "textPath",
        "title",
        "desc",
        "style",
    }
)

# A reference to these draws nothing of its own: gradients hold only stops.
GRADIENTS = frozenset(
    {
        "linearGradient",
        "radialGradient",
    }
)

# Geometry and presentation attributes; as CSS properties too, in
# `style` attributes and style sheets. Not: event handlers (on…), and no
# attribute that names a resource but `href`, which is checked on its own.
ATTRIBUTES = frozenset(
    """id class style lang transform gradientTransform patternTransform x y x1 y1 x2 y2 cx cy r rx ry fx
    fy fr width height d points pathLength viewBox preserveAspectRatio version baseProfile fill
    fill-opacity fill-rule stroke stroke-width stroke-linecap stroke-linejoin stroke-miterlimit
    stroke-dasharray stroke-dashoffset stroke-opacity opacity color display visibility overflow clip
    clip-path clip-rule mask marker marker-start marker-mid marker-end stop-color stop-opacity
    offset gradientUnits spreadMethod patternUnits patternContentUnits clipPathUnits maskUnits
    maskContentUnits markerUnits markerWidth markerHeight refX refY orient font font-family font-size
    font-size-adjust font-style font-weight font-variant font-stretch text-anchor text-decoration
    letter-spacing word-spacing dominant-baseline alignment-baseline baseline-shift writing-mode
    direction unicode-bidi dx dy rotate textLength lengthAdjust startOffset method spacing side
    white-space color-interpolation color-interpolation-filters color-rendering shape-rendering
    text-rendering image-rendering paint-order vector-effect mix-blend-mode isolation
    requiredFeatures systemLanguage media""".split()
)

# CSS functions that compute a colour, a length or a transform, and fetch nothing.
CSS_FUNCTIONS = frozenset(
    """rgb rgba hsl hsla hwb lab lch oklab oklch color calc var min max clamp translate translatex
    translatey rotate scale scalex scaley skewx skewy matrix""".split()
)
