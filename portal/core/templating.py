"""Template globals: navigation, roles, the CSRF token for htmx, htmx's pinned integrity hash."""

from flask_login import current_user

from portal.core.access import may_open
from portal.core.dates import long_date
from portal.core.forms import ActionForm, render_csrf_fields_without_id
from portal.core.navigation import nav_entries
from portal.core.roles import ROLE_LABELS, Role

HTMX_VERSION = "2.0.11"
HTMX_SRI = "sha384-2OatzQy1H+Zd/IIrjr1TcuDGqLXeHhbooAyJY1KdQMKnr4LZ22k31GBLdYKHmVjg"


def _button_form() -> ActionForm:
    """A button's CSRF-only form for templates; it never reads the request body (an error page may be answering
    a body that cannot be read, such as one over the size limit)."""
    return ActionForm(formdata=None)


def register_templating(app) -> None:
    render_csrf_fields_without_id()

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

    @app.template_filter("role_label")
    def role_label(value) -> str:
        return ROLE_LABELS.get(Role(value), str(value))
