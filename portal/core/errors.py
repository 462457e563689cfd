"""Friendly error pages in the layout; htmx requests get the same page (htmx swaps 4xx/5xx by config), except a
body over the size limit, whose message an htmx request gets in the page's flash region (what was typed stays)."""

from flask import current_app, flash, make_response, render_template, request
from flask_wtf.csrf import CSRFError

from portal.extensions import db, htmx

MESSAGES = {
    400: ("Something in that request was not right", "Go back, check what you entered and try again."),
    403: (
        "You do not have access to this page",
        "If you think you should, ask your LA link officer or the partnership lead officer.",
    ),
    404: ("Page not found", "The address may be mistyped, or the page may have moved."),
    413: ("That file is too large", "Choose a smaller file and try again."),
    429: ("Too many requests", "Wait a few minutes and try again."),
    500: ("Sorry, something went wrong", "It has been logged. Try again later."),
}


def describe_size(limit: int) -> str:
    """A byte count in words people use: '10 MB', '2 KB'."""
    if limit >= 1024 * 1024:
        return f"{limit / (1024 * 1024):g} MB"
    return f"{max(1, round(limit / 1024))} KB"


def too_large():
    """413: what the limit is; for htmx, the message in #flashes so the form and what was typed stay."""
    limit = describe_size(current_app.config["MAX_CONTENT_LENGTH"])
    advice = f"Everything sent at once, files included, must be smaller than {limit}. Choose a smaller file."
    if htmx:
        flash(f"That file is too large. {advice}", "error")
        response = make_response(render_template("_partials/flashes.html"), 413)
        response.headers["HX-Retarget"] = "#flashes"
        response.headers["HX-Reswap"] = "outerHTML"
        response.vary.add("HX-Request")
        return response
    return render_template("errors/error.html", code=413, title=MESSAGES[413][0], advice=advice), 413


def register_error_handlers(app) -> None:
    def handle(code: int):
        def handler(error):
            if code == 500:
                db.session.rollback()  # the page itself reads the database (the signed-in user)
            title, advice = MESSAGES[code]
            return render_template("errors/error.html", code=code, title=title, advice=advice), code

        return handler

    for code in MESSAGES:
        app.register_error_handler(code, handle(code))
    app.register_error_handler(413, lambda error: too_large())

    @app.before_request
    def refuse_json_bodies():
        """Every page takes forms; Flask-WTF would read a JSON body as form data of any type (numbers, lists)."""
        if request.method in ("POST", "PUT", "PATCH", "DELETE") and request.is_json:
            return render_template(
                "errors/error.html",
                code=400,
                title="That request was not a form",
                advice="Use the form on the page to send this.",
            ), 400
        return None

    @app.errorhandler(CSRFError)
    def csrf_error(error):
        return render_template(
            "errors/error.html",
            code=400,
            title="Your form had expired",
            advice="Go back, reload the page and send it again.",
        ), 400
