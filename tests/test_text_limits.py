"""Every long text field shows its limit, and the server holds it: each WTForms text area carries a Length(max)
(the field macro then shows "Up to N characters." and sets maxlength), and each hand-written <textarea> in a
template has a maxlength and says its limit."""

import importlib
import pkgutil
import re
from pathlib import Path

from flask_wtf import FlaskForm
from wtforms import TextAreaField
from wtforms.validators import Length

import portal

TEMPLATES = Path(portal.__file__).parent.parent / "templates"
READ_ONLY = re.compile(r"\breadonly\b")


def _form_classes():
    for module in pkgutil.walk_packages(portal.__path__, "portal."):
        if module.name.rsplit(".", 1)[-1] == "forms" or module.name.endswith("_forms"):
            importlib.import_module(module.name)
    seen, todo = set(), list(FlaskForm.__subclasses__())
    while todo:
        cls = todo.pop()
        if cls not in seen:
            seen.add(cls)
            todo.extend(cls.__subclasses__())
    return sorted((c for c in seen if c.__module__.startswith("portal.")), key=lambda c: c.__qualname__)


def _validators(unbound) -> list:
    if "validators" in unbound.kwargs:
        return list(unbound.kwargs["validators"] or [])
    return list(unbound.args[1]) if len(unbound.args) > 1 else []


def test_every_text_area_in_a_form_has_a_server_side_limit():
    missing = []
    for cls in _form_classes():
        for name in dir(cls):
            unbound = getattr(cls, name, None)
            if getattr(unbound, "field_class", None) is TextAreaField or (
                isinstance(getattr(unbound, "field_class", None), type)
                and issubclass(unbound.field_class, TextAreaField)
            ):
                limits = [v for v in _validators(unbound) if isinstance(v, Length) and v.max and v.max > 0]
                if not limits:
                    missing.append(f"{cls.__module__}.{cls.__qualname__}.{name}")
    assert not missing, "text areas without Length(max=...): " + ", ".join(sorted(set(missing)))


def test_every_hand_written_textarea_has_a_maxlength():
    missing = []
    for path in TEMPLATES.rglob("*.html"):
        for tag in re.findall(r"<textarea\b[^>]*>", path.read_text()):
            if "maxlength=" not in tag and not READ_ONLY.search(tag):
                missing.append(f"{path.relative_to(TEMPLATES)}: {tag[:80]}")
    assert not missing, "\n".join(missing)
