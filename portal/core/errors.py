"""Friendly error pages in the layout; htmx requests get the same page (htmx swaps 4xx/5xx by config)."""

from flask import render_template
from flask_wtf.csrf import CSRFError

MESSAGES = {
    400: ("Something in that request was not right", "Go back, check what you entered and try again."),
    403: ("You do not have access to this page", "If you think you should, ask your LA link officer "
          "or the partnership lead officer."),
    404: ("Page not found", "The address may be mistyped, or the page may have moved."),
    413: ("That file is too large", "Choose a smaller file and try again."),
    429: ("Too many requests", "Wait a few minutes and try again."),
    500: ("Sorry, something went wrong", "It has been logged. Try again later."),
}


def register_error_handlers(app) -> None:
    def handle(code: int):
        def handler(error):
            title, advice = MESSAGES[code]
            return render_template("errors/error.html", code=code, title=title, advice=advice), code

        return handler

    for code in MESSAGES:
        app.register_error_handler(code, handle(code))

    @app.errorhandler(CSRFError)
    def csrf_error(error):
        return render_template("errors/error.html", code=400, title="Your form had expired",
                               advice="Go back, reload the page and send it again."), 400
