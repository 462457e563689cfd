"""One URL, two renderings: the whole page, or only the fragment an htmx request aims at."""

from flask import make_response, render_template

from portal.extensions import htmx


def is_htmx() -> bool:
    """True for any request htmx made (boosted or not): the view answers in place instead of redirecting."""
    return bool(htmx)


def wants_fragment(target_id: str) -> bool:
    """True for a non-boosted, non-history htmx request whose target is `target_id`."""
    return bool(htmx) and not htmx.boosted and not htmx.history_restore_request and htmx.target == target_id


def render(template_name: str, /, *, fragment: str | None = None, target: str | None = None, status: int = 200,
           **context):
    """Render `template_name`, or `fragment` alone when htmx asks for `target`; always vary on HX-Request."""
    template = fragment if fragment and target and wants_fragment(target) else template_name
    response = make_response(render_template(template, **context), status)
    response.vary.add("HX-Request")
    return response
