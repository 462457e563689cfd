"""kept_fragment: a report's HTML kept by its parts and the site's path prefix, rendered without the viewer."""

import jinja2
import pytest

from portal.core.rendering import kept_fragment

TEMPLATES = {
    "kept_test/figures.html": "<p>{{ figure }} of {{ url_for('reports.aims') }}</p>",
    "kept_test/token.html": "<form>{{ csrf_token() }}</form>",
    "kept_test/viewer.html": "<p>{{ current_user.name }}</p>",
    "kept_test/button.html": "<form>{{ action_form().csrf_token }}</form>",
}


@pytest.fixture
def templates(app):
    """The test templates beside the app's own (and the viewerless environment built again from them)."""
    original = app.jinja_env.loader
    app.jinja_env.loader = jinja2.ChoiceLoader([jinja2.DictLoader(TEMPLATES), original])
    app.extensions.pop("viewerless_jinja", None)
    yield
    app.jinja_env.loader = original
    app.extensions.pop("viewerless_jinja", None)


def test_a_fragment_is_rendered_once_per_parts_and_path_prefix(app, templates):
    built = []

    def build(figure):
        built.append(figure)
        return {"figure": figure}

    with app.test_request_context("/"):
        first = kept_fragment("test", ["region"], "kept_test/figures.html", lambda: build(7))
        again = kept_fragment("test", ["region"], "kept_test/figures.html", lambda: build(8))
        other = kept_fragment("test", ["one LA"], "kept_test/figures.html", lambda: build(9))
    with app.test_request_context("/", environ_overrides={"SCRIPT_NAME": "/portal"}):
        prefixed = kept_fragment("test", ["region"], "kept_test/figures.html", lambda: build(10))
    assert built == [7, 9, 10]
    assert first == again == "<p>7 of /reports/aims</p>"
    assert other == "<p>9 of /reports/aims</p>"
    assert prefixed == "<p>10 of /portal/reports/aims</p>"  # a link kept for one prefix is not served under another


@pytest.mark.parametrize("name", ["kept_test/token.html", "kept_test/viewer.html", "kept_test/button.html"])
def test_a_kept_fragment_cannot_hold_the_viewer_or_their_token(app, templates, name):
    with app.test_request_context("/"), pytest.raises(jinja2.UndefinedError):
        kept_fragment("viewer test", [name], name, dict)
