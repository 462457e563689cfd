"""Every form that posts carries the CSRF token, so it works as a plain form without JavaScript."""

import re
from pathlib import Path

TEMPLATES = Path(__file__).resolve().parent.parent / "templates"
FORM = re.compile(r"<form\b[^>]*method=\"post\"[^>]*>(.*?)</form>", re.S | re.I)
TOKEN = ("csrf_token", "hidden_tag")


def test_every_post_form_in_the_templates_carries_the_csrf_token():
    missing = []
    for path in sorted(TEMPLATES.rglob("*.html")):
        for match in FORM.finditer(path.read_text()):
            if not any(token in match.group(1) for token in TOKEN):
                missing.append(f"{path.relative_to(TEMPLATES)}: {match.group(0)[:100]}")
    assert not missing, "\n".join(missing)
