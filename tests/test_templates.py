"""Valid HTML at the source: htmx attributes only in their data-hx-* form, and no repeated CSRF ids."""

import importlib.util
from pathlib import Path

from portal.core.roles import Role

ROOT = Path(__file__).resolve().parents[1]
TEMPLATES = ROOT / "templates"


def _converter():
    spec = importlib.util.spec_from_file_location("data_hx", ROOT / "scripts" / "data_hx.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_no_template_has_a_bare_hx_attribute():
    """Run `python scripts/data_hx.py` to fix: htmx reads data-hx-*, and only that is valid HTML."""
    converter = _converter()
    offenders = {
        str(path.relative_to(ROOT)): tags
        for path in sorted((ROOT / "templates").rglob("*.html"))
        if (tags := converter.bare_attributes(path.read_text()))
    }
    assert offenders == {}


def test_the_converter_rewrites_attributes_only_inside_tags():
    converter = _converter()
    source = (
        '<form hx-post="{{ url_for(\'x\') }}" data-hx-target="#a" {% if x %}hx-swap="outerHTML"{% endif %}>'
        "<p>Text about hx-post stays.</p>"
    )
    converted = converter.convert(source)
    assert converted == (
        '<form data-hx-post="{{ url_for(\'x\') }}" data-hx-target="#a" {% if x %}'
        'data-hx-swap="outerHTML"{% endif %}><p>Text about hx-post stays.</p>'
    )
    assert converter.convert(converted) == converted
    assert converter.bare_attributes(source) and not converter.bare_attributes(converted)


def test_csrf_fields_carry_no_id_so_many_forms_on_a_page_stay_valid(app, client, login, make_user):
    app.config["WTF_CSRF_ENABLED"] = True
    login(make_user(Role.PRACTITIONER))
    page = client.get("/profile").get_data(as_text=True)
    assert 'name="csrf_token"' in page
    assert 'id="csrf_token"' not in page


def test_template_lines_stay_under_200_characters():
    """Long lines are wrapped where whitespace means nothing (between attributes, inside Jinja tags)."""
    long = [
        f"{path.relative_to(TEMPLATES)}:{n}"
        for path in sorted(TEMPLATES.rglob("*.html"))
        for n, line in enumerate(path.read_text().splitlines(), start=1)
        if len(line) > 200
    ]
    assert not long, "Template lines over 200 characters:\n" + "\n".join(long)


def test_compiled_templates_are_kept_in_the_configured_folder_and_used_by_a_new_portal(tmp_path):
    """TEMPLATE_CACHE_DIR: a portal writes each template it compiles there, and a new portal (a new web worker)
    loads it from there instead of compiling it again."""
    from portal import create_app
    from tests.conftest import config_for_tests

    folder = tmp_path / "compiled"
    first = create_app(config_for_tests(SQLALCHEMY_DATABASE_URI="sqlite://", TEMPLATE_CACHE_DIR=str(folder)))
    first.jinja_env.get_template("errors/error.html")
    kept = sorted(folder.iterdir())
    assert kept, "nothing was written to the folder"

    second = create_app(config_for_tests(SQLALCHEMY_DATABASE_URI="sqlite://", TEMPLATE_CACHE_DIR=str(folder)))
    compiled = []
    original = second.jinja_env.compile
    second.jinja_env.compile = lambda *args, **kwargs: compiled.append(args) or original(*args, **kwargs)
    assert second.jinja_env.get_template("errors/error.html").render  # loaded
    assert compiled == [], "the second portal compiled the template again"
