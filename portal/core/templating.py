"""Template globals: navigation, roles, the CSRF token for htmx, htmx's pinned integrity hash."""

from pathlib import Path

from flask import current_app, g
from flask_login import current_user
from flask_wtf.csrf import generate_csrf
from jinja2 import FileSystemBytecodeCache
from markupsafe import Markup

from portal.core.access import may_open
from portal.core.dates import long_date
from portal.core.forms import (
    field_messages,
    render_csrf_fields_without_id,
    render_options_directly,
    unreadable_input,
    write_attributes_directly,
)
from portal.core.navigation import nav_entries
from portal.core.roles import ROLE_LABELS, Role
from portal.core.static_files import static_url

HTMX_VERSION = "2.0.11"
HTMX_SRI = "sha384-2OatzQy1H+Zd/IIrjr1TcuDGqLXeHhbooAyJY1KdQMKnr4LZ22k31GBLdYKHmVjg"


def csrf_token() -> str:
    """The request's CSRF token as Flask-WTF makes it, read back from `g` once made (the template global
    `csrf_token`): a list's forms ask for it once per row, and `generate_csrf` reads its configuration again on
    every call. Flask-WTF keeps the token in `g` under its field name, which the portal leaves as `csrf_token`."""
    return g.get("csrf_token") or generate_csrf()


class _ButtonForm:
    """A button's CSRF-only form for templates, as ActionForm renders it (`action_form().csrf_token`) without
    building a WTForms form per button: the request's one token (Flask-WTF keeps it for the request), and never
    the request body (an error page may be answering a body that cannot be read, such as one over the size
    limit). Submissions are still checked by ActionForm."""

    __slots__ = ()

    @property
    def csrf_token(self) -> Markup:
        if not current_app.config.get("WTF_CSRF_ENABLED", True):
            return Markup("")  # as a FlaskForm without CSRF: no field
        return Markup('<input name="csrf_token" type="hidden" value="{}">').format(csrf_token())


_BUTTON_FORM = _ButtonForm()


def _button_form() -> _ButtonForm:
    return _BUTTON_FORM


def register_templating(app) -> None:
    if app.config.get("TEMPLATE_CACHE_DIR"):
        folder = Path(app.config["TEMPLATE_CACHE_DIR"])
        folder.mkdir(parents=True, exist_ok=True)
        app.jinja_env.bytecode_cache = FileSystemBytecodeCache(str(folder))
    render_csrf_fields_without_id()
    render_options_directly()
    write_attributes_directly()

    @app.context_processor
    def globals_():
        nav = nav_entries(current_user) if current_user.is_authenticated else []
        return {
            "nav_entries": nav,
            "Role": Role,
            "ROLE_LABELS": ROLE_LABELS,
            "htmx_sri": HTMX_SRI,
            "action_form": _button_form,
            "may_open": lambda endpoint: may_open(current_user, endpoint),
        }

    app.add_template_filter(long_date, "long_date")
    app.add_template_global(field_messages, "field_messages")
    app.add_template_global(unreadable_input, "unreadable_input")
    app.add_template_global(static_url, "static_url")
    app.add_template_global(csrf_token, "csrf_token")  # in place of Flask-WTF's (the same token)

    @app.template_filter("role_label")
    def role_label(value) -> str:
        return ROLE_LABELS.get(Role(value), str(value))
