"""One URL, two renderings: the whole page, or only the fragment an htmx request aims at."""

from flask import make_response, render_template

from portal.extensions import htmx


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
