"""One URL, two renderings: the whole page, or only the fragment an htmx request aims at."""

from collections.abc import Callable

from flask import current_app, make_response, render_template, request
from markupsafe import Markup

from portal.core.snapshots import kept
from portal.extensions import htmx

VIEWER_GLOBALS = ("csrf_token",)  # template globals that differ by viewer: none of them in a kept fragment


def is_htmx() -> bool:
    """True for any request htmx made (boosted or not): the view answers in place instead of redirecting."""
    return bool(htmx)


def wants_fragment(target_id: str) -> bool:
    """True for a non-boosted, non-history htmx request whose target is `target_id`."""
    return bool(htmx) and not htmx.boosted and not htmx.history_restore_request and htmx.target == target_id


def render(
    template_name: str, /, *, fragment: str | None = None, target: str | None = None, status: int = 200, **context
):
    """Render `template_name`, or `fragment` alone when htmx asks for `target`; always vary on HX-Request.
    A fragment carries the flash messages out of band, so they show now instead of piling up for later."""
    as_fragment = bool(fragment and target and wants_fragment(target))
    body = render_template(fragment if as_fragment else template_name, **context)
    if as_fragment:
        body += render_template("_partials/flashes.html", flashes_oob=True)
    response = make_response(body, status)
    response.vary.add("HX-Request")
    return response


def retarget(response, selector: str, swap: str = "outerHTML"):
    """Tell htmx to put this answer somewhere other than the requested target (e.g. beside what it changes)."""
    response.headers["HX-Retarget"] = selector
    response.headers["HX-Reswap"] = swap
    return response


def kept_fragment(name: str, parts, template_name: str, build: Callable[[], dict]) -> Markup:
    """`template_name` rendered from `build()`'s context, kept as HTML like report figures (`core.snapshots.kept`)
    by `name`, `parts` and the site's path prefix, until the data the figures read changes: a report's tables and
    charts cost more to render than its kept figures cost to read.

    Rendered without the viewer: Flask's context processors do not run (no `current_user`, `request`, `session`,
    navigation or `may_open`) and the viewer's globals (`VIEWER_GLOBALS`, the CSRF token) are not defined, so a kept
    fragment is the same for every viewer of the same parts. Whatever about the viewer shapes it (their scope,
    whether they may see names) belongs in `parts`, as it does for the figures."""

    def compute() -> str:
        return _viewerless(current_app).get_template(template_name).render(build())

    return Markup(kept(name, [parts, request.script_root], compute))


def _viewerless(app):
    """The app's Jinja environment without the viewer's globals (built once per process: compiled templates)."""
    env = app.extensions.get("viewerless_jinja")
    if env is None:
        env = app.jinja_env.overlay()
        env.globals = {k: v for k, v in app.jinja_env.globals.items() if k not in VIEWER_GLOBALS}
        app.extensions["viewerless_jinja"] = env
    return env
