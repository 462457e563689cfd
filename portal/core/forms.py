"""Form helpers: a CSRF-only form for buttons, service errors mapped onto fields, and the submit cycle."""

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

import wtforms.widgets
import wtforms.widgets.core
from flask import flash
from flask_wtf import FlaskForm
from markupsafe import Markup, escape
from wtforms import SelectField, SelectMultipleField
from wtforms.csrf.core import CSRFTokenField
from wtforms.widgets import CheckboxInput, HiddenInput, ListWidget, Select
from wtforms.widgets.core import clean_key

from portal.extensions import db


class ActionForm(FlaskForm):
    """A form with nothing but the CSRF token, for buttons that change state."""


class _HiddenInputWithoutId(HiddenInput):
    """The CSRF field is in every form, up to 16 on a page: an id on it would repeat (invalid HTML)."""

    def __call__(self, field, **kwargs):
        kwargs.setdefault("id", False)
        return super().__call__(field, **kwargs)


def render_csrf_fields_without_id() -> None:
    """Every form's CSRF token renders with no id (called once by the templating set-up)."""
    CSRFTokenField.widget = _HiddenInputWithoutId()


class _Select(Select):
    """WTForms' select, writing each plain option (no extra attributes) directly: the same markup, but without
    building, sorting and escaping an attribute dict per option, which cost more than the rest of a filter form
    (a page's selects have hundreds of options)."""

    @classmethod
    def render_option(cls, choice, **kwargs):
        if kwargs or choice.render_kw:
            return super().render_option(choice, **kwargs)
        value = escape(str(choice.value) if isinstance(choice.value, bool) else choice.value)
        if '"' in value:  # only markup passed in as a value can still hold one; html_params writes it so
            value = value.replace(Markup('"'), Markup("&quot;"))
        label = escape(choice.label or choice.value)
        if choice.selected:
            return Markup(f'<option selected value="{value}">{label}</option>')
        return Markup(f'<option value="{value}">{label}</option>')

    @classmethod
    def _dispatch_render_option(cls):
        """render_option above takes (choice, **kwargs), WTForms' current signature: no need for WTForms to read
        it with `inspect.signature` on every select it renders."""
        return cls.render_option


def _html_params(**kwargs) -> Markup:
    """WTForms' `html_params` (attributes sorted by name; True writes the bare name, False nothing; values escaped,
    with any double quote left in markup written &quot;), joining plain strings instead of calling
    `Markup.format` per attribute: the same markup at a quarter of the cost, on every input, label and select."""
    params = []
    for key, value in sorted(kwargs.items()):
        if value is True:
            params.append(escape(clean_key(key)))
        elif value is not False:
            value = escape(value)
            if '"' in value:
                value = value.replace(Markup('"'), Markup("&quot;"))
            params.append(f'{escape(clean_key(key))}="{value}"')
    return Markup(" ".join(params))


WTFORMS_HTML_PARAMS = wtforms.widgets.core.html_params  # WTForms' own, kept for the test that compares the two


def write_attributes_directly() -> None:
    """Every WTForms widget and label writes its attributes through _html_params (called once by the set-up).
    WTForms looks the function up at each call in these places: its widgets module (textarea, select), the
    package (labels) and the Input and Button classes' own `html_params` hook."""
    core = wtforms.widgets.core
    core.html_params = wtforms.widgets.html_params = _html_params
    core.Input.html_params = core.Button.html_params = staticmethod(_html_params)


def render_options_directly() -> None:
    """Every select (single and multiple) renders its options through _Select (called once by the set-up)."""
    SelectField.widget = _Select()
    SelectMultipleField.widget = _Select(multiple=True)


class MultiCheckboxField(SelectMultipleField):
    """A multiple choice shown as a list of checkboxes (render it in a fieldset with a legend)."""

    widget = ListWidget(prefix_label=False)
    option_widget = CheckboxInput()


# Inputs a browser only accepts in one format: a value it cannot read is invalid HTML and is shown as blank, so what
# the person typed goes into the message instead (`field_messages`) and the input gets no value.
TYPED_FORMATS = {
    "date": "a date like 2027-02-28",
    "time": "a time like 14:30",
    "datetime-local": "a date and time like 2027-02-28T14:30",
}
TYPED_SHOWN = 60  # characters of an unreadable value quoted back


def unreadable_input(field) -> str | None:
    """What the person typed into a date or time input that could not be read (None when it was read, when
    nothing was typed, or when the field is not such an input)."""
    if getattr(getattr(field, "widget", None), "input_type", None) not in TYPED_FORMATS or field.data is not None:
        return None
    typed = " ".join(str(v) for v in (field.raw_data or [])).strip()
    return typed or None


def field_messages(field) -> list[str]:
    """A field's error messages as shown, in the summary and beside the field alike: for a date or time that could
    not be read, one message quoting what was typed (any other message would be about a value it does not have)."""
    typed = unreadable_input(field)
    if typed is None or not field.errors:
        return list(field.errors)
    if len(typed) > TYPED_SHOWN:
        typed = typed[: TYPED_SHOWN - 1] + "\u2026"
    return [f'You typed "{typed}": enter {TYPED_FORMATS[field.widget.input_type]}.']


class ServiceError(Exception):
    """A rule refused a change: carries (field, message) pairs; field None means the whole form."""

    def __init__(self, *errors: tuple[str | None, str]):
        super().__init__("; ".join(message for _, message in errors))
        self.errors = list(errors)


def apply_errors(form, error: ServiceError) -> None:
    """Attach a service's errors to the form's fields (or to form.form_errors)."""
    for field_name, message in error.errors:
        field = getattr(form, field_name, None) if field_name else None
        if field is not None:
            field.errors = [*field.errors, message]
        else:
            form.form_errors.append(message)


@dataclass(frozen=True)
class Submitted:
    """What run_form did: true only when the change is committed; `value` is what the action returned."""

    ok: bool
    value: Any = None
    error: str = ""  # the refusal's message (attempt)
    errors: tuple = ()  # the refusal's (field, message) pairs (attempt)

    def __bool__(self) -> bool:
        return self.ok


def run_form(form, action: Callable[[], Any], *, flash_message: str | Callable[[Any], str] | None = None) -> Submitted:
    """Validate `form` and run `action()`; a ServiceError rolls back and lands on the form, success commits
    (and flashes `flash_message`, or `flash_message(value)`). The view then redirects or re-renders."""
    if not form.validate_on_submit():
        return Submitted(False)
    try:
        value = action()
    except ServiceError as error:
        db.session.rollback()  # nothing half-done may reach a later commit in this request
        apply_errors(form, error)
        return Submitted(False)
    db.session.commit()
    if flash_message:
        flash(flash_message(value) if callable(flash_message) else flash_message, "success")
    return Submitted(True, value)


def run_action(action: Callable[[], Any], *, done: str | Callable[[Any], str]) -> Submitted:
    """A button's change: run `action()`; a refusal rolls back and is flashed, success commits and flashes
    `done` (or `done(value)`). The view redirects either way (post/redirect/get)."""
    try:
        value = action()
    except ServiceError as error:
        db.session.rollback()
        flash(str(error), "info")
        return Submitted(False)
    db.session.commit()
    flash(done(value) if callable(done) else done, "success")
    return Submitted(True, value)


def attempt(action: Callable[[], Any]) -> Submitted:
    """A change answered in place (an htmx fragment, or the page shown again with its problem): run `action()`;
    a refusal rolls back and its message is `.error`, success commits. The view decides what to show."""
    try:
        value = action()
    except ServiceError as error:
        db.session.rollback()
        return Submitted(False, error=str(error), errors=tuple(error.errors))
    db.session.commit()
    return Submitted(True, value)


def run_import(form, importer: Callable[[bytes], Any], *, flash_message: Callable[[Any], str]) -> Submitted:
    """Validate an upload form (a `file` field) and import the file all or nothing: `importer(data)` returns a
    csvimport.ImportResult; a clean one commits and flashes. `value` is the result whenever the file was read."""
    if not form.validate_on_submit():
        return Submitted(False)
    result = importer(form.file.data.read())
    if not result.ok:
        db.session.rollback()  # validate-everything-first: no row of a rejected file is kept
        return Submitted(False, result)
    db.session.commit()
    flash(flash_message(result), "success")
    return Submitted(True, result)


def form_status(form) -> int:
    """The status for a form page: 422 when a submitted form is shown again (refused), 200 when fresh."""
    return 422 if form.is_submitted() else 200
