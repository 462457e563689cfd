"""Rewrite bare htmx attributes (hx-get, hx-target, ...) in templates to their valid `data-hx-*` form.

htmx reads both spellings; only `data-hx-*` is valid HTML. Idempotent: run it again after merging templates
written elsewhere (`python scripts/data_hx.py [templates/]`); tests/test_templates.py fails while any remain.
"""

import re
import sys
from pathlib import Path

# An attribute name starting hx- that is not already part of a longer name (data-hx-, x-hx-, ...).
BARE_HX = re.compile(r"(?<![\w.:-])hx-(?=[a-z])")
# Only inside tags: never rewrite text, comments in Python strings or CSS.
TAG = re.compile(r"<[a-zA-Z][^<>]*?(?:\{[{%#].*?[}%#]\}[^<>]*?)*>", re.DOTALL)


def convert(text: str) -> str:
    return TAG.sub(lambda m: BARE_HX.sub("data-hx-", m.group(0)), text)


def bare_attributes(text: str) -> list[str]:
    """The tags that still carry a bare hx- attribute."""
    return [m.group(0) for m in TAG.finditer(text) if BARE_HX.search(m.group(0))]


def main(root: str = "templates") -> int:
    changed = 0
    for path in sorted(Path(root).rglob("*.html")):
        text = path.read_text()
        new = convert(text)
        if new != text:
            path.write_text(new)
            changed += 1
            print(f"converted {path}")
    print(f"{changed} file(s) changed")
    return 0


if __name__ == "__main__":
    sys.exit(main(*sys.argv[1:]))
