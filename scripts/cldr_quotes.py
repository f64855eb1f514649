"""Writes src/petitioncli/cldr/quotes.json from CLDR's delimiters; run once per CLDR release.

    npm pack cldr-misc-full && tar xzf cldr-misc-full-*.tgz
    python scripts/cldr_quotes.py package

Babel carries no quotation marks, so the table is made from the CLDR JSON
release (the npm package `cldr-misc-full`, Unicode License v3, copied
beside the table). A locale is kept only where its marks differ from those
of the language it falls back to (`fr-CA` to `fr`), which keeps the table
small; `language.quotes` looks a tag up the same way.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

_KEYS = ("quotationStart", "quotationEnd", "alternateQuotationStart", "alternateQuotationEnd")
_OUT = Path(__file__).resolve().parent.parent / "src" / "petitioncli" / "cldr"


def main(package: Path) -> None:
    found: dict[str, list[str]] = {}
    for path in sorted((package / "main").glob("*/delimiters.json")):
        locale = path.parent.name
        delimiters = json.loads(path.read_text(encoding="utf-8"))["main"][locale]["delimiters"]
        marks = "".join(delimiters[key] for key in _KEYS)
        if len(marks) != len(_KEYS):
            raise SystemExit(f"{path}: a quotation mark of more than one character; the table holds one each")
        found[locale] = marks
    kept = {}
    for locale, marks in sorted(found.items()):
        parent = locale.rsplit("-", 1)[0]
        if "-" not in locale or found.get(parent) != marks:
            kept[locale] = marks
    version = json.loads((package / "package.json").read_text(encoding="utf-8"))["version"]
    # One locale a line: the opening and closing double quotes, then the single ones.
    lines = [f"  {json.dumps(locale)}: {json.dumps(marks, ensure_ascii=False)}" for locale, marks in kept.items()]
    text = f'{{"cldr": {json.dumps(version)}, "quotes": {{\n' + ",\n".join(lines) + "\n}}\n"
    (_OUT / "quotes.json").write_text(text, encoding="utf-8")
    (_OUT / "LICENSE-UNICODE").write_text((package / "LICENSE").read_text(encoding="utf-8"), encoding="utf-8")


if __name__ == "__main__":
    main(Path(sys.argv[1]))
